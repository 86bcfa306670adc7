"""Session 56 (E): titles naming hamlets, the leftovers of session 55's.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the start list. Nà Mòn's May list
(tests.test_session30_c_heads_lists.OWN): NM1, NM5, NM6 poor, NM2, NM4 near-poor in rows 5-9,
then a title row (row 10, merged across the table as heads write it) over BC1 (poor) and BC3
(near-poor), rows 11-12."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.hamlets import HamletMatcher
from pipeline.run import collect
from tests.commune import person, write_renamed_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session28_c import feedback_status
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session40_titles import issues

_UNDER_TITLE = [person("BC1", "poor"), person("BC3", "near_poor")]


def titled_rows(tmp_path, title: str, renamed: dict[str, str]):
    """Nà Mòn's May list with ``title`` in A10, merged over the table's columns (as a head
    writes a title across the list), over BC1 and BC3; the plan's hamlets renamed
    ``renamed``. The run's result."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = with_titles(folder, [(title, list(_UNDER_TITLE))])
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert sheet["A10"].value == title and sheet["B11"].value == "BC1"
    sheet.merge_cells(start_row=10, start_column=1, end_row=10, end_column=sheet.max_column)
    book.save(path)
    write_renamed_plan(folder, renamed)
    return collect(folder, None, workers=0)[0]


# --- 4. a group before its hamlet as a title between the households ---------------------------


@pytest.mark.parametrize(
    "title", ["Tổ 2 - xóm Bản Cọ", "TỔ 2, THÔN BẢN CỌ", "Tổ số 2 xóm Bản Cọ", "Tổ II - xóm Bản Cọ"]
)
def test_a_group_before_another_hamlet_as_a_title_takes_its_rows(tmp_path, title):
    """'Tổ 2 - xóm Bản Cọ' (row 10) over BC1 and BC3 in Nà Mòn's list. By hand: the title
    names Bản Cọ, not the list's hamlet, as 'Danh sách xóm Bản Cọ' does: rows 11-12 taken out
    and said at A10 as Bản Cọ's; Nà Mòn 3 poor (NM1, NM5, NM6), 2 near-poor (NM2, NM4). Was:
    a text beginning 'Tổ' was no title (discover._titles_between wanted 'Danh sách' or the
    hamlet word first): 4 poor, 3 near-poor, nothing said."""
    result = titled_rows(tmp_path, title, {})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Bản Cọ")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize("title", ["Tổ 2 - xóm Nà Mòn", "TỔ 2 THÔN NÀ MÒN", "Tổ III - xóm Nà Mòn"])
def test_a_group_before_the_lists_own_hamlet_keeps_its_rows(tmp_path, title):
    """A guard: 'Tổ 2 - xóm Nà Mòn' over the same rows names the list's own hamlet (its group
    2): the rows stay Nà Mòn's, nothing said: 4 poor (NM1, NM5, NM6, BC1), 3 near-poor."""
    result = titled_rows(tmp_path, title, {})
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)


# --- 1. 'số' before a Roman number -------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "renamed"),
    [("Danh sách Khu số IV", "Khu 4"), ("DANH SÁCH HỘ NGHÈO KHU SỐ IV", "Khu 4"),
     ("Danh sách tổ số IV", "Tổ 4"), ("Danh sách xóm số IV", "Xóm 4"),
     ("Danh sách Khu số IV", "Khu IV"), ("Danh sách xóm số 4", "Xóm 4")],
)  # fmt: skip
def test_a_title_naming_a_unit_by_so_and_a_roman_number_takes_its_rows(tmp_path, title, renamed):
    """The plan's Bản Cọ named 'Khu 4' (or 'Tổ 4', 'Xóm 4', 'Khu IV'); BC1 and BC3 under 'Danh
    sách Khu số IV' in Nà Mòn's list. By hand: 'số IV' is the number 4, as 'số 4' is: the
    title names Bản Cọ's hamlet, rows 11-12 taken out and said at A10 under the plan's name;
    Nà Mòn 3 poor, 2 near-poor. Was: the matcher left 'số' before a Roman number
    (text.unit_number_form wanted a digit): 'Khu số IV' no plan hamlet, 4 and 3, nothing said
    (of 'xóm số IV' the rows said as of 'số IV', no plan hamlet). 'xóm số 4' was read before
    (a guard)."""
    result = titled_rows(tmp_path, title, {"Bản Cọ": renamed})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", renamed)]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize("title", ["DANH SÁCH HỘ NGHÈO KHU SỐ IV – THÁNG 5/2024",
                                   "Danh sách hộ nghèo Khu số IV"])  # fmt: skip
def test_a_list_with_a_blank_xom_titled_khu_so_iv_is_khu_4s(tmp_path, title):
    """A list whose 'Xóm' is blank (DS_2024-05.xlsx: BC1, BC2 poor, BC3 near-poor, the plan's
    Bản Cọ named 'Khu 4'), titled 'DANH SÁCH HỘ NGHÈO KHU SỐ IV – THÁNG 5/2024' (A1, merged over
    A1:Z1 by the template). By hand: the title names Khu 4: counted there, 2 poor, 1 near-poor. Was: no plan
    hamlet read ('số IV'), the list refused as naming none, and the run stopped (no list of
    May accepted)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, {"Bản Cọ": "Khu 4"})
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    path = write_roster(folder, "DS_2024-05.xlsx", "", 200, rows)
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = title
    book.save(path)
    result = collect(folder, None, workers=0)[0]
    khu = hamlet_figures(result, "Khu 4")
    assert (khu["status"], khu["poor"], khu["near_poor"]) == ("ok", 2, 1)


# --- 3. a title naming another plan hamlet with words after its name ---------------------------


def _own_title(tmp_path, renamed: dict[str, str], cell: str, file: str, title: str, rows):
    """The plan with ``renamed``; one list ``file`` whose 'Xóm' is ``cell``, ``rows`` its
    households, titled ``title`` in A1 (merged over A1:Z1 by the template): the run's result."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, renamed)
    path = write_roster(folder, file, cell, 102, rows)
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = title
    book.save(path)
    return collect(folder, None, workers=0)[0]


def _told(result) -> list[tuple]:
    return [(i.hamlet, i.cell, i.detail, i.variant)
            for i in result.issues if i.code == "hamlet-differs-from-title"]  # fmt: skip


_NA_MON = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor")]


@pytest.mark.parametrize(
    "title", ["DANH SÁCH HỘ NGHÈO KHU 4A MỚI – THÁNG 5/2024", "DANH SÁCH HỘ NGHÈO KHU 4A MỚI"]
)
def test_a_title_naming_khu_4a_with_words_after_it_over_khu_4s_list_is_told(tmp_path, title):
    """The plan's Nà Mòn named 'Khu 4', its Bản Cọ 'Khu 4A'; Khu 4's list (DS_Khu4_2024-05.xlsx,
    'Xóm' Khu 4: NM1, NM3 poor, NM2 near-poor) titled 'DANH SÁCH HỘ NGHÈO KHU 4A MỚI – THÁNG
    5/2024'. By hand: the title names Khu 4A (then 'mới'), another plan hamlet, as 'KHU 4A'
    does: 'hamlet-differs-from-title' at A1, detail Khu 4A, the cell and the file name siding
    (variant ''), the words of 'KHU 4A' in both languages; still counted for Khu 4, 2 poor, 1
    near-poor. Was: nothing said (HamletMatcher.names_exactly wanted the title's words to be
    Khu 4A's and no more)."""
    result = _own_title(tmp_path, {"Nà Mòn": "Khu 4", "Bản Cọ": "Khu 4A"}, "Khu 4",
                        "DS_Khu4_2024-05.xlsx", title, _NA_MON)  # fmt: skip
    assert _told(result) == [("Khu 4", "A1", "Khu 4A", "")]
    told = next(i for i in result.issues if i.code == "hamlet-differs-from-title")
    assert told.message("vi") == (
        "Tiêu đề của danh sách ghi Khu 4A nhưng ô 'Xóm' và tên tệp ghi 'Khu 4'; tệp được tính "
        "cho xóm 'Khu 4'. Hãy sửa tiêu đề cho đúng xóm."
    )
    assert told.message("en") == (
        "The list's title names Khu 4A but the 'Xóm' cell and the file name say 'Khu 4'; the "
        "file is counted for 'Khu 4'. Correct the title."
    )
    khu = hamlet_figures(result, "Khu 4")
    assert (khu["status"], khu["poor"], khu["near_poor"]) == ("ok", 2, 1)


@pytest.mark.parametrize(
    ("renamed", "cell", "file", "title"),
    [({}, "Nà Mòn", "DS_NaMon_2024-05.xlsx", "DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN MỚI – THÁNG 5/2024"),
     ({"Nà Mòn": "Khu 4", "Bản Cọ": "Khu 4A"}, "Khu 4", "DS_Khu4_2024-05.xlsx",
      "DANH SÁCH HỘ NGHÈO KHU 4 MỚI – THÁNG 5/2024")],
)  # fmt: skip
def test_a_title_naming_the_lists_own_hamlet_with_words_after_it_is_not_told(
    tmp_path, renamed, cell, file, title
):
    """Guards: 'XÓM NÀ MÒN MỚI' over Nà Mòn's own list (no hamlet 'Nà Mòn Mới' in the plan),
    'KHU 4 MỚI' over Khu 4's beside a plan's Khu 4A: the title names the list's own hamlet,
    nothing said; counted 2 poor, 1 near-poor."""
    result = _own_title(tmp_path, renamed, cell, file, title, _NA_MON)
    assert _told(result) == []
    own = hamlet_figures(result, cell)
    assert (own["status"], own["poor"], own["near_poor"]) == ("ok", 2, 1)


# --- 5. the feedback's status of rows another hamlet's list holds ------------------------------

_BAN_CO = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]


def _status(tmp_path, groups: list[tuple[str, list[dict]]], ban_co: list[dict]):
    """Nà Mòn's May list with ``groups`` (title, households) after its own rows, each title
    merged over the table; Bản Cọ's own list DS_BanCo_2024-05.xlsx holding ``ban co``: the
    status line of Nà Mòn's feedback and the rows of its table."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = with_titles(folder, groups)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    at = 10
    for title, households in groups:
        assert sheet.cell(at, 1).value == title
        sheet.merge_cells(start_row=at, start_column=1, end_row=at, end_column=sheet.max_column)
        at += 1 + len(households)
    book.save(path)
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [dict(r) for r in ban_co])
    return feedback_status(folder, "DS_NaMon_2024-05.xlsx")


def test_the_status_says_rows_another_hamlets_list_holds_are_counted_there(tmp_path):
    """'Danh sách xóm Bản Cọ' (row 10) over BC1, BC3 (rows 11-12); Bản Cọ's own list holds
    BC1-BC3. By hand: the rows are counted in Bản Cọ's list (the warning's variant 'listed'),
    so the status says so, as the warning under it: "các dòng 11–12 (hộ của xóm Bản Cọ) không
    được tính ở đây vì đã có trong danh sách kỳ này của xóm Bản Cọ và được tính ở đó". Its 2
    warnings: NM3 (on the start list, not written: the table) and the rows (at A10, yellow). Was: "các dòng 11–12
    (hộ của xóm Bản Cọ) không được tính" (feedback._others_left_out), as if counted nowhere."""
    status, rows = _status(tmp_path, [("Danh sách xóm Bản Cọ", list(_UNDER_TITLE))], _BAN_CO)
    assert status == (
        "Danh sách đã được tổng hợp, mọi hộ của xóm Nà Mòn đều được tính; các dòng 11–12 (hộ "
        "của xóm Bản Cọ) không được tính ở đây vì đã có trong danh sách kỳ này của xóm Bản Cọ "
        "và được tính ở đó; có 2 cảnh báo (ô tô vàng và bảng dưới), đề nghị kiểm tra lại."
    )
    assert len(rows) == 2


def test_the_status_says_rows_counted_nowhere_before_rows_counted_elsewhere(tmp_path):
    """'Danh sách xóm Đồng Kè' (row 10) over DK1 (row 11), then 'Danh sách xóm Bản Cọ' (row
    12) over BC1, BC3 (rows 13-14); Bản Cọ's list holds BC1-BC3, Đồng Kè sent none. By hand:
    row 11 is counted nowhere (not counted), rows 13-14 in Bản Cọ's list: the two said apart,
    in that order; 3 warnings (NM3 and the two titles)."""
    groups = [("Danh sách xóm Đồng Kè", [person("DK1", "poor")]),
              ("Danh sách xóm Bản Cọ", list(_UNDER_TITLE))]  # fmt: skip
    status, rows = _status(tmp_path, groups, _BAN_CO)
    assert status == (
        "Danh sách đã được tổng hợp, mọi hộ của xóm Nà Mòn đều được tính; dòng 11 (hộ của xóm "
        "Đồng Kè) không được tính; các dòng 13–14 (hộ của xóm Bản Cọ) không được tính ở đây vì "
        "đã có trong danh sách kỳ này của xóm Bản Cọ và được tính ở đó; có 3 cảnh báo (ô tô vàng "
        "và bảng dưới), đề nghị kiểm tra lại."
    )
    assert len(rows) == 3


def test_the_status_of_rows_the_named_hamlets_list_lacks_is_as_before(tmp_path):
    """A guard: Bản Cọ's list holds BC1, BC2 only (BC3 counted nowhere): the words to move
    them stay (variant ''), and the status says the rows not counted, as before."""
    status, _ = _status(tmp_path, [("Danh sách xóm Bản Cọ", list(_UNDER_TITLE))], _BAN_CO[:2])
    assert status == (
        "Danh sách đã được tổng hợp, mọi hộ của xóm Nà Mòn đều được tính; các dòng 11–12 (hộ "
        "của xóm Bản Cọ) không được tính; có 2 cảnh báo (ô tô vàng và bảng dưới), đề nghị kiểm tra "
        "lại."
    )


# --- 2. 'Vi' after 'tổ' or 'khu': a name, not 6 ----------------------------------------------


@pytest.mark.parametrize(
    ("title", "renamed"),
    [("Danh sách tổ Vi", "Tổ 6"), ("Danh sách Khu Vi", "Khu 6"), ("Danh sách tổ số Vi", "Tổ 6")],
)
def test_vi_written_as_a_name_after_to_or_khu_is_no_six(tmp_path, title, renamed):
    """The plan's Bản Cọ named 'Tổ 6' (or 'Khu 6'), no hamlet 'Vi'; BC1 and BC3 under 'Danh
    sách tổ Vi' in Nà Mòn's list. By hand: 'Vi' written as a name (a capital, then a small
    letter; Vi is a Tày and Nùng surname) names no plan hamlet, as 'tổ Vinh Quang' does: the
    rows stay Nà Mòn's, 4 poor (NM1, NM5, NM6, BC1), 3 near-poor, nothing said of them. Was:
    read as 6 (hamlets._ROMAN reads 'vi' in any name), the rows taken out as Tổ 6's (3, 2)."""
    result = titled_rows(tmp_path, title, {"Bản Cọ": renamed})
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)


@pytest.mark.parametrize(
    ("title", "renamed"),
    [("DANH SÁCH TỔ VI", "Tổ 6"), ("Danh sách tổ VI", "Tổ 6"), ("Danh sách Khu VI", "Khu 6"),
     ("Danh sách tổ Vi", "Tổ Vi"), ("DANH SÁCH TỔ VI", "Tổ Vi")],
)  # fmt: skip
def test_vi_in_capitals_is_six_and_a_plan_hamlet_named_vi_is_named(tmp_path, title, renamed):
    """Guards: 'TỔ VI' and 'tổ VI' (the number in capitals) name the plan's Tổ 6 (Khu 6) as
    before; a plan's 'Tổ Vi' is named by 'tổ Vi' and 'TỔ VI' alike: rows 11-12 taken out and
    said at A10 under the plan's name, Nà Mòn 3 poor, 2 near-poor."""
    result = titled_rows(tmp_path, title, {"Bản Cọ": renamed})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", renamed)]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


def test_the_matcher_reads_vi_after_to_as_a_name_and_vi_in_capitals_as_six():
    """HamletMatcher.match_title and in_title of a title's hamlet, the plan 'Tổ 6', 'Khu 4':
    'tổ Vi' and 'Khu Vi' name none; 'TỔ VI', 'Tổ VI', 'tổ vi' (small letters, as before) Tổ 6;
    'Khu Iv' Khu 4 (session 58: 'Iv' no syllable, a number in title case; was none), 'KHU IV'
    Khu 4; 'NÀ MÒN TỔ Vi' (a group 'Vi' after the hamlet) Nà Mòn; a plan's 'Tổ Vi' is 'tổ
    Vi'."""
    plan = HamletMatcher(["Tổ 6", "Khu 4", "Nà Mòn"])
    named = [plan.match_title(n) for n in ("tổ Vi", "Khu Vi", "TỔ VI", "Tổ VI", "tổ vi")]
    assert named == [None, None, "Tổ 6", "Tổ 6", "Tổ 6"]
    found = [plan.in_title(n) for n in ("tổ Vi", "Khu Iv", "KHU IV", "tổ số Vi", "NÀ MÒN TỔ Vi")]
    assert found == [None, "Khu 4", "Khu 4", None, "Nà Mòn"]
    assert HamletMatcher(["Tổ 6", "Tổ Vi"]).match_title("tổ Vi") == "Tổ Vi"
