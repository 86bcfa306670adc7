"""Session 30 (B3): a hamlet head's list messages said of one row ('Dòng 11 …', 'Row 11 …'),
not 'Các dòng 11 …' / 'Rows 11 …'; and a count in 'Thông tin' written with a thousands
separator ('1.012 người'). Each pinned by a small fixture whose answer is worked out by hand."""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.styles import Font

from pipeline.checkfiles import check_files
from pipeline.publish import publish
from pipeline.run import collect
from schemas.issues import CATALOGUE
from tests.commune import person, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles

# --- 1. one row said in the singular ------------------------------------------------------------


def test_one_row_under_a_moved_out_title_is_said_as_one_row(tmp_path):
    """'Hộ chuyển đi xóm Bản Cọ' (row 10) over NM7 alone (poor, row 11). Before: 'Các dòng 11
    nằm dưới …, là các hộ đã chuyển đi …'. Now 'Dòng 11 …, là hộ đã chuyển đi …', in both
    languages, in the run, on 'Lỗi dữ liệu', in the feedback table and in `check`. NM7 is still
    left out: by hand Nà Mòn poor NM1, NM5, NM6 = 3, near-poor NM2, NM4 = 2."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = with_titles(folder, [("Hộ chuyển đi xóm Bản Cọ", [person("NM7", "poor")])])
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    said = [i for i in result.issues if i.code.startswith("rows-")]
    assert [(i.code, i.cell, i.detail, i.variant) for i in said] == [
        ("rows-moved-away", "A10", "11", "one")  # at its title (row 10, C3)
    ]
    vi = (
        "Dòng 11 nằm dưới tiêu đề 'Hộ chuyển đi xóm Bản Cọ', là hộ đã chuyển đi xóm Bản Cọ, nên "
        "không được tính vào xóm Nà Mòn. Xóm Bản Cọ ghi hộ đó vào danh sách của xóm mình, giữ "
        "nguyên Mã hộ: hãy xóa dòng đó khỏi danh sách của xóm Nà Mòn (không ghi 'Thoát': mã hộ "
        "sẽ bị trùng với danh sách của xóm Bản Cọ). Nếu hộ đó vẫn ở xóm Nà Mòn, hãy xóa tiêu đề "
        "đó."
    )
    assert said[0].message() == vi
    assert said[0].message("en") == (
        "Row 11 is under the title 'Hộ chuyển đi xóm Bản Cọ', a household that moved to hamlet "
        "Bản Cọ, so it is not counted in hamlet Nà Mòn. Hamlet Bản Cọ lists it in its own list, "
        "under the same Mã hộ: delete that row from hamlet Nà Mòn's list (do not write 'Thoát': "
        "the code would be used twice, here and in hamlet Bản Cọ's list). If the household still "
        "lives in hamlet Nà Mòn, delete that title."
    )
    written = publish(result, tmp_path / "out")
    book = openpyxl.load_workbook(written["workbook"])
    texts = [c for r in book["Lỗi dữ liệu"].iter_rows(values_only=True) for c in r]
    assert vi in texts
    feedback = [
        c
        for p in written["feedback"]
        for r in openpyxl.load_workbook(p).worksheets[0].iter_rows(values_only=True)
        for c in r
        if isinstance(c, str) and c.startswith("Dòng 11 nằm dưới")
    ]
    assert feedback == [vi]
    checked = check_files([folder / "KeHoach_2024.xlsx", path])
    assert [i.message() for i in checked if i.code == "rows-moved-away"] == [vi]


def test_two_rows_are_still_said_as_rows(tmp_path):
    """Control: NM7 and NM8 (rows 11–12) under the same title keep 'Các dòng 11–12 …' and the
    plain wording (variant '')."""
    folder = tmp_path / "input"
    folder.mkdir()
    gone = [person("NM7", "poor"), person("NM8", "poor")]
    with_titles(folder, [("Hộ chuyển đi xóm Bản Cọ", gone)], restart=True)  # both moved
    result, _ = collect(folder, None, workers=0)
    said = [i for i in result.issues if i.code == "rows-moved-away"]
    assert [(i.detail, i.variant) for i in said] == [("11–12", "")]
    assert said[0].message().startswith("Các dòng 11–12 nằm dưới tiêu đề")
    assert said[0].message("en").startswith("Rows 11–12 are under the title")


def test_one_row_of_another_hamlet_is_said_as_one_row(tmp_path):
    """'Danh sách xóm Bản Cọ' (row 10) over BC1 alone (row 11): 'Dòng 11 nằm dưới tiêu đề …'
    and 'Row 11 is under …, so it is not counted'; BC1 not counted (Nà Mòn 3 poor, 2 near)."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [("Danh sách xóm Bản Cọ", [person("BC1", "poor")])])
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    said = [i for i in result.issues if i.code == "rows-of-other-hamlet"]
    assert [(i.cell, i.variant) for i in said] == [("A10", "one")]
    assert (
        said[0]
        .message()
        .endswith(
            "hãy chuyển dòng đó sang một tệp mới theo mẫu của xóm Bản Cọ rồi gửi tệp đó; nếu hộ đó "
            "đúng là của xóm Nà Mòn, hãy sửa tiêu đề đó."
        )
    )
    assert (
        said[0]
        .message("en")
        .startswith(
            "Row 11 is under the title 'Danh sách xóm Bản Cọ', the list of hamlet Bản Cọ, not of "
            "hamlet Nà Mòn, so it is not counted"
        )
    )


def struck_list(tmp_path):
    """input/ with the plan and Nà Mòn's list NM1, NM2, NM6 (rows 5-7), NM6's row 7 struck
    through in every column; (folder, the list's path)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM6", "poor")]
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, rows)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert sheet.cell(7, 2).value == "NM6"
    for col in range(1, 27):
        sheet.cell(7, col).font = Font(strike=True)
    book.save(path)
    return folder, path


def test_one_struck_row_is_said_as_one_row(tmp_path):
    """NM6's row 7 struck through (NM1, NM2, NM6 written in rows 5–7): 'Dòng 7 bị gạch ngang
    chữ …' / 'Row 7 is struck through (a household crossed out?) but the commune counts it
    like …'; still counted (poor NM1, NM6 = 2, near-poor NM2 = 1)."""
    folder, path = struck_list(tmp_path)
    result, _ = collect(folder, None, workers=0)
    assert (
        hamlet_figures(result, "Nà Mòn")["poor"],
        hamlet_figures(result, "Nà Mòn")["near_poor"],
    ) == (2, 1)
    said = [i for i in result.issues if i.code == "rows-struck-through"]
    assert [(i.detail, i.variant) for i in said] == [("7", "one")]
    assert said[0].message() == (
        "Dòng 7 bị gạch ngang chữ (hộ đã bị gạch tên?) nhưng xã vẫn tính hộ đó như mọi hộ khác "
        "trong danh sách, theo Phân loại hộ đã ghi. Nếu hộ đã ra khỏi danh sách, hãy ghi 'Thoát' "
        "ở cột 'Phân loại hộ' của dòng đó và bỏ gạch ngang; nếu hộ vẫn trong danh sách, chỉ cần "
        "bỏ gạch ngang."
    )
    assert (
        said[0]
        .message("en")
        .startswith(
            "Row 7 is struck through (a household crossed out?) but the commune counts it like "
            "every other household"
        )
    )


@pytest.mark.parametrize("code", ["rows-of-other-hamlet", "rows-moved-away", "rows-struck-through"])
def test_every_one_row_wording_has_no_plural_left(code):
    """Each wording of the three codes has a '-one' twin ('one', 'column-one', 'unnamed-one')
    that starts 'Dòng {detail}' / 'Row {detail}' and says none of the plurals replaced."""
    kind = CATALOGUE[code]
    names = [""] + [name for name, _, _ in kind.variants if not name.endswith("one")]
    for name in names:
        one = "-".join(w for w in (name, "one") if w)
        vi, en = kind.template("vi", one), kind.template("en", one)
        assert vi.startswith("Dòng {detail} ") and en.startswith("Row {detail} ")
        for plural in ("các dòng", "các hộ đó"):
            assert plural not in vi.lower()
        for plural in ("Rows", "those rows", "they are", "the households"):
            assert plural not in en


# --- 2. a count written with a thousands separator in 'Thông tin' -------------------------------


def people_list(folder, written) -> list[tuple]:
    """Nà Mòn's May list of 34 poor households, NM1–NM33 of 30 people and NM34 of 22: by hand
    33 × 30 + 22 = 1,012 people (the hamlet: 102 households, 'Tổng số hộ' of write_roster).
    'Số nhân khẩu | ``written``' in 'Thông tin' row 8. The info-count-differs said."""
    write_plan(folder)
    rows = [person(f"NM{n}", "poor", nhan_khau=30) for n in range(1, 34)]
    rows.append(person("NM34", "poor", nhan_khau=22))
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, rows)
    book = openpyxl.load_workbook(path)
    sheet = book["Thông tin"]
    assert sheet["A8"].value is None
    sheet["A8"], sheet["B8"] = "Số nhân khẩu", written
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    return [(i.cell, i.value, i.detail) for i in result.issues if i.code == "info-count-differs"]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        # read as 1,012 (a dot, a comma or a space before three digits): agrees, nothing said
        ("1.012 người", []),
        ("1.012", []),
        ("1,012", []),
        ("1 012 khẩu", []),
        # read as 1,013: one more than the rows' 1,012, said with both numbers. Before, none
        # of these was read, so a wrong count went unsaid
        ("1.013 người", [("B8", "1.013 người", "1012")]),
        ("1,013", [("B8", "1,013", "1012")]),
        # no whole count: passed over as before (a decimal comma, a group not of three)
        ("1.013,5", []),
        ("10,13", []),
    ],
)
def test_people_written_with_a_thousands_separator_are_read(tmp_path, written, said):
    """'1.013' beside 1,012 people: 2 × 34 × 1,013 = 68,884 < 1,012 × (34 + 102) = 137,632,
    so it is the list's people, not the hamlet's (session 30's rule), and compared."""
    folder = tmp_path / "input"
    folder.mkdir()
    assert people_list(folder, written) == said


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("1.012 người", 1012),
        ("1,012 nhân khẩu", 1012),
        ("12.345 hộ", 12345),
        ("1012", 1012),
        ("95 khẩu", 95),
        ("1,5 người", None),  # a decimal comma: no whole count
        ("1.01", None),
        ("1.012.345", None),  # over the six digits a count is read to
    ],
)
def test_counts_written_with_a_thousands_separator_by_hand(text, count):
    """The folded reading of a count's cell text: a 1–3 digit group, one separator ('.', ','
    or a space, all folded to a space) and exactly three digits is one whole number."""
    from pipeline.discover import _COUNT_WRITTEN, _PEOPLE_WRITTEN
    from pipeline.text import fold

    match = _PEOPLE_WRITTEN.fullmatch(fold(text)) or _COUNT_WRITTEN.fullmatch(fold(text))
    assert (int(match.group(1).replace(" ", "")) if match else None) == count
