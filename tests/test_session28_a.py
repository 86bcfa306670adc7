"""Session 28 (A): the last silent forms of two known input mistakes.

1. A question mark in a class *mark* ('x?' under 'Hộ nghèo') or a deprivation mark ('x?' under
   'Việc làm'): counted as the mark, and said at its cell (`questioned-classification`,
   variant 'mark'; the new `questioned-deprivation`). A '?' alone was no mark, said as before;
   since session 30 it is an unsure mark too (tests/test_session30_c_heads_lists.py).
2. A number of people in 'Mã hộ' without an 'h' ('17 người', 'Số người: 17', '95 NK') and a
   note about members ('12 người khuyết tật'): no code (`household-id-is-count`, variants
   'people' and 'members'), while 'NK01', 'NK-12', '12 NM', 'Nà Khau 3' stay codes.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.normalise import normalise_table
from pipeline.read import Table
from pipeline.run import collect, execute
from pipeline.validate import Columns, _not_household_counts, household_count_kind
from tests import test_class_marks
from tests.commune import clean_rosters, past_targets, write_plan
from tests.test_class_marks import (
    ban_co,
    marked_sheet,
    plan_with_marked_start_list,
    write_na_mon,
)
from tests.test_session23_rows import na_mon_in_summary, run_with_lines

CLASS = "questioned-classification"
MARK = "questioned-deprivation"


def _edit(path, cells: dict[str, str]) -> None:
    book = openpyxl.load_workbook(path)
    for ref, text in cells.items():
        book["Danh sách"][ref] = text
    book.save(path)


def guide_texts(out, hamlet: str = "Nà Mòn") -> list[str]:
    """The texts of a hamlet's feedback guide sheet ('Hướng dẫn sửa') of May 2024."""
    path = out / "2024-05" / "PhanHoi" / f"{hamlet}_2024-05.xlsx"
    guide = openpyxl.load_workbook(path)["Hướng dẫn sửa"]
    return [c.value for row in guide.iter_rows() for c in row if isinstance(c.value, str)]


def errors_sheet(out) -> list[list]:
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")
    return [[c.value for c in row] for row in book["Lỗi dữ liệu"].iter_rows()]


# --- 1a. a deprivation mark written with a question mark ---------------------------------------


def test_a_questioned_deprivation_mark_is_read_as_the_mark_and_noted_at_its_cell():
    """Rows 5-11 of 'Việc làm': 'x?', 'x', '?', 'X ?', 'không?', '=x?', blank. Read as deprived,
    deprived, deprived ('?' alone: an unsure mark since session 30), deprived, not deprived,
    deprived, not; the marks with a question mark are rows 5, 7, 8, 9, 10. A column without
    any: none noted."""
    written = ["x?", "x", "?", "X ?", "không?", "=x?", None]
    table = normalise_table(Table(list(range(5, 12)), {"td_01": list(written)}), ("td_01",))
    assert table.columns["td_01"] == [True, True, True, True, False, True, False]
    assert table.questioned_marks == {"td_01": {5: "x?", 7: "?", 8: "X ?", 9: "không?", 10: "=x?"}}
    clean = normalise_table(Table([5, 6], {"td_02": ["x", None]}), ("td_02",))
    assert clean.questioned_marks == {}


def test_a_questioned_deprivation_is_counted_as_read_and_warned_at_its_cell(tmp_path):
    """Nà Mòn's May list (tests.commune.clean_rosters: NM1, NM5, NM6 poor, each deprived in
    N 'Bảo hiểm y tế', S, T; NM2, NM4 near-poor, none), with K5 (NM1 'Việc làm') 'x?', O5 (NM1
    'Trình độ giáo dục của người lớn') 'không?', L6 (NM2 'Người phụ thuộc') 'X ?', and M10
    (NM6 'Dinh dưỡng', td_03) '?' alone. By hand: NM6's '?' is an unsure mark (session 30;
    before, an error that left NM6 out): poor NM1 + NM5 + NM6 = 3, near-poor NM2 + NM4 = 2.
    Poor deprived in 'Việc làm' (td_01): NM1 = 1; in td_04, td_09, td_10: NM1 + NM5 + NM6 = 3;
    td_03: NM6 = 1; td_05: 0 (NM1's 'không?' is no). Near-poor td_02: NM2 = 1. Warnings at
    K5, O5 ('not-deprived'), L6 and M10 ('alone')."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    _edit(folder / "NaMon.xlsx", {"K5": "x?", "O5": "không?", "L6": "X ?", "M10": "?"})
    result = execute(folder, tmp_path / "out", None)[0]
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert result.summary["issues"]["rows_left_out"] == 0
    poor, near = na_mon["deprivations"]["poor"], na_mon["deprivations"]["near_poor"]
    assert (poor["td_01"], poor["td_03"], poor["td_04"], poor["td_05"], poor["td_09"],
            poor["td_10"]) == (1, 1, 3, 0, 3, 3)  # fmt: skip
    assert (near["td_01"], near["td_02"]) == (0, 1)
    said = [(i.code, i.severity, i.variant, i.cell, i.column, i.value)
            for i in past_targets(result.issues)]  # fmt: skip
    assert said == [
        (MARK, "warning", "", "K5", "Việc làm", "x?"),
        (MARK, "warning", "not-deprived", "O5", "Trình độ giáo dục của người lớn", "không?"),
        (MARK, "warning", "", "L6", "Người phụ thuộc", "X ?"),
        (MARK, "warning", "alone", "M10", "Dinh dưỡng", "?"),
    ]
    k5, o5 = past_targets(result.issues)[:2]
    vi = (
        "Ô chỉ số thiếu hụt 'Việc làm' ghi 'x?', có dấu '?' (chưa chắc chắn): đã tính là hộ "
        "thiếu hụt chỉ số này. Hãy xóa dấu '?': ghi 'x' nếu hộ đúng là thiếu hụt, để trống nếu "
        "không."
    )
    assert k5.message("vi") == vi
    assert k5.message("en") == (
        "Indicator 'Việc làm' holds 'x?', with a question mark (unsure): counted as deprived. "
        "Delete the '?': write 'x' if the household is deprived, leave it blank if not."
    )
    assert "đã tính là hộ không thiếu hụt chỉ số này" in o5.message("vi")
    assert "counted as not deprived" in o5.message("en")
    # the officer on 'Lỗi dữ liệu', the head in the feedback (each message once)
    assert [r for r in errors_sheet(tmp_path / "out") if vi in r and "K5" in r]
    asked = [t for t in guide_texts(tmp_path / "out") if "có dấu '?'" in t]
    assert asked == [i.message("vi") for i in past_targets(result.issues)[:3]]
    # `giamngheo check` says the same
    checked = [(i.code, i.variant, i.cell, i.value) for i in check_files([folder / "NaMon.xlsx"])]
    assert checked == [s[:1] + s[2:4] + s[5:] for s in said]


# --- 1b. a class mark written with a question mark ---------------------------------------------

# Nà Mòn's list marking its class under 'Phân loại hộ' over 'Hộ nghèo | Hộ cận nghèo | Thoát
# nghèo' (F, G, H), households from Excel row 5.
QUESTIONED_MARK_ROWS = [
    (1, "NM1", "Lò Văn Một", 1970, 4, "x?", None, None),  # row 5: poor, said
    (2, "NM2", "Lò Văn Hai", 1971, 3, None, "X ?", None),  # 6: near-poor, said
    (3, "NM3", "Lò Văn Ba", 1972, 5, None, None, "x"),  # 7: exited
    (4, "NM4", "Lò Thị Bốn", 1973, 2, None, "Hộ cận nghèo?", None),  # 8: near-poor, said
    (5, "NM5", "Lò Văn Năm", 1974, 6, "x", None, None),  # 9: poor
    (6, "NM6", "Lò Văn Sáu", 1975, 4, "?", None, None),  # 10: '?' alone: unsure (session 30)
    (7, "NM7", "Lò Văn Bảy", 1976, 4, "x?", "x", None),  # 11: two marks (error)
]


def test_a_questioned_class_mark_is_counted_and_warned_at_its_cell(tmp_path):
    """By hand: poor NM1 ('x?') + NM5 + NM6 ('?' alone: an unsure mark since session 30) = 3;
    near-poor NM2 ('X ?') + NM4 ('Hộ cận nghèo?' written out in its column) = 2; NM3 exited;
    NM7 (marked twice) is an error as before, left out (1 row). Warned at F5, G6, G8 with the
    mark's wording, at F10 in the words of a '?' alone; nothing said of the '?' of NM7's F11,
    an error anyway. `check` says the same; the
    head reads them in the feedback."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    ban_co(folder)
    write_na_mon(folder, marked_sheet(), QUESTIONED_MARK_ROWS, 4)
    result = execute(folder, tmp_path / "out", None)[0]
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert result.summary["issues"]["rows_left_out"] == 1
    codes = (CLASS, "invalid-class-mark", "class-marks-several")
    said = [(i.code, i.variant, i.cell, i.column, i.value, str(i.detail))
            for i in result.issues if i.code in codes]  # fmt: skip
    assert said == [  # each mark column by its own header cell (session 50)
        (CLASS, "mark", "F5", "Hộ nghèo", "x?", "Hộ nghèo"),
        (CLASS, "mark", "G6", "Hộ cận nghèo", "X ?", "Hộ cận nghèo"),
        (CLASS, "mark", "G8", "Hộ cận nghèo", "Hộ cận nghèo?", "Hộ cận nghèo"),
        (CLASS, "mark-alone", "F10", "Hộ nghèo", "?", "Hộ nghèo"),
        ("class-marks-several", "", "F11", "Phân loại hộ", "x?",
         "F11 'Hộ nghèo', G11 'Hộ cận nghèo'"),
    ]  # fmt: skip
    f5 = next(i for i in result.issues if i.code == CLASS)
    vi = (
        "Ô 'Hộ nghèo' ghi 'x?', có dấu '?' (chưa chắc chắn): đã tính là Hộ nghèo. "
        "Nếu đúng là Hộ nghèo, hãy xóa dấu '?', chỉ để lại dấu 'x'; nếu không, hãy xóa ô này "
        "và đánh dấu 'x' vào đúng cột loại hộ."
    )
    assert f5.message("vi") == vi
    assert f5.message("en").startswith(
        "Cell 'Hộ nghèo' holds 'x?', with a question mark (unsure): counted as "
        "Hộ nghèo. If it is Hộ nghèo, delete the '?' and keep the 'x' alone;"
    )
    assert [r for r in errors_sheet(tmp_path / "out") if vi in r and "F5" in r]
    assert vi in guide_texts(tmp_path / "out")
    checked = [(i.code, i.variant, i.cell, i.column, i.value, str(i.detail))
               for i in check_files([folder / "NaMon.xlsx"]) if i.code in codes]  # fmt: skip
    assert checked == said


def test_a_questioned_class_mark_on_the_plans_start_list_is_said_at_its_marked_cell(
    tmp_path, monkeypatch
):
    """The start list marking its classes in columns (tests.test_class_marks), NM1's mark (F5)
    written 'x?' and NM4's (G8) 'x ?': read as the clean list (Nà Mòn starts 3 poor, 2
    near-poor, so no mismatch), warned on the plan at F5 and G8 with the mark's wording; DK3
    and DK4 are said as before."""
    marked = list(test_class_marks.START_MARKED)
    assert marked[0] == ("Nà Mòn", "NM1", "x", None) and marked[3] == ("Nà Mòn", "NM4", None, "x")
    marked[0], marked[3] = ("Nà Mòn", "NM1", "x?", None), ("Nà Mòn", "NM4", None, "x ?")
    monkeypatch.setattr(test_class_marks, "START_MARKED", marked)
    folder = tmp_path / "vao"
    folder.mkdir()
    plan = plan_with_marked_start_list(folder, ".xlsx")
    clean_rosters(folder)
    result = collect(folder, None, workers=0)[0]
    start = result.plan.start_list.set_index("ma_ho")
    assert start.loc[["NM1", "NM4"], "phan_loai"].tolist() == ["poor", "near_poor"]
    said = [(i.code, i.variant, i.sheet, i.cell, i.value, str(i.detail))
            for i in result.issues if i.file == plan.name and i.code == CLASS]  # fmt: skip
    assert said == [
        (CLASS, "mark", "Danh sách đầu năm", "F5", "x?", "Hộ nghèo"),
        (CLASS, "mark", "Danh sách đầu năm", "G8", "x ?", "Hộ cận nghèo"),
    ]
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["movements"]["poor"]["start"], na_mon["movements"]["near_poor"]["start"]) == (
        3, 2,
    )  # fmt: skip
    assert not [i for i in result.issues if i.code == "plan-start-mismatch"]


# --- 2. a number of people in 'Mã hộ' without an 'h' -------------------------------------------


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        # a number of people: 'người', 'NK' in any case, decomposed too
        ("17 người", "people"),
        ("17 NGƯỜI", "people"),
        (_nfd("17 người"), "people"),
        ("17 nguoi", "people"),
        ("17người", "people"),
        ("Số người: 17", "people"),
        ("SỐ NGƯỜI 17", "people"),
        (_nfd("Số người: 17"), "people"),
        ("Tổng số người là 40", "people"),
        ("95 NK", "people"),
        ("95 nk", "people"),
        ("95NK", "people"),
        ("Số NK: 95", "people"),
        ("20 hộ, 95 người", "households"),
        # a note about the household's members
        ("12 người khuyết tật", "members"),
        ("2 người đi làm xa", "members"),
        (_nfd("1 NGƯỜI CAO TUỔI"), "members"),
        # codes: 'NK' or 'NG' as a hamlet's letters, a place's name, a number before a name
        ("NK01", ""),
        ("NK-12", ""),
        ("nk 12", ""),
        ("01 NK-12", ""),
        ("12 NKL", ""),
        ("12 NM", ""),
        ("12 BK", ""),
        ("12 NG", ""),
        ("NG-12", ""),
        ("Nà Khau 3", ""),
        ("3 Nà Khau", ""),
        ("12 Khau Lầu", ""),
        ("5 Ngõ 3", ""),
        ("3 Nguyễn", ""),
        ("người 12", ""),
        ("Số 12 người", "people"),  # since session 29 (tests/test_session29_rosters.py)
        ("TL.01.001", ""),
        ("001001", ""),
    ],
)
def test_what_a_code_without_an_h_is_written_as(code, kind):
    assert household_count_kind(code) == kind


def test_a_column_of_codes_is_told_as_value_by_value():
    """The column test (a search of the joined text first) gives what each value's test gives:
    'NK-12' and 'NG.05' begin their codes (the fast path), '17 người' and '95 NK' are counts,
    '12 BK' is a code; a column of no count at all, all codes."""
    values = ["NK-12", "NG.05", "17 người", "12 BK", "95 NK", "TL.01.001"]
    column = np.array(values, dtype=object)
    found = np.asarray(_not_household_counts(Columns({"ma_ho": column})), dtype=bool)
    assert found.tolist() == [True, True, False, True, False, True]
    codes = np.array(["NK-12", "NG.05", "12 BK", "Nà Khau 3"], dtype=object)
    assert np.asarray(_not_household_counts(Columns({"ma_ho": codes}))).all()


def household(code: object, row_no: int = 7) -> dict[str, object]:
    return {"A": row_no, "B": code, "C": f"Nguyễn Văn {row_no}", "H": 3, "I": "Hộ cận nghèo",
            "J": 900000}  # fmt: skip


@pytest.mark.parametrize(
    ("code", "variant"),
    [
        ("17 người", "people"),
        ("Số người: 17", "people"),
        ("95 NK", "people"),
        ("95 nk", "people"),
        ("12 người khuyết tật", "members"),
    ],
)
def test_a_number_of_people_without_an_h_is_said_at_its_cell(tmp_path, code, variant):
    """Nà Mòn's May list (tests/test_session23_rows.py: poor 3, near-poor 2) with a near-poor
    household in Excel row 11 whose Mã hộ is ``code``: left out, Nà Mòn stays 3 and 2, said at
    B11 in the people's or the members' wording; `check` says the same."""
    plan, roster, result = run_with_lines(tmp_path, [household(code)])
    na_mon = na_mon_in_summary(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert result.summary["issues"]["rows_left_out"] == 1
    errors = [i for i in past_targets(result.issues) if i.severity == "error"]
    assert [(i.code, i.variant, i.cell, i.value) for i in errors] == [
        ("household-id-is-count", variant, "B11", code)
    ]
    vi = errors[0].message("vi")
    if variant == "people":
        assert vi.startswith(f"'Mã hộ' ghi '{code}', là một số nhân khẩu chứ không phải mã hộ")
    else:
        assert vi == (
            f"'Mã hộ' ghi '{code}', là ghi chú về người trong hộ chứ không phải mã hộ; hộ chưa "
            "được tính. Hãy ghi mã hộ của hộ này như trong sổ quản lý hộ nghèo của xã (ghi chú "
            "này, nếu muốn ghi, để ở cột 'Ghi chú')."
        )
        assert "a note about the household's members, not a household code" in (
            errors[0].message("en")
        )
    checked = [i for i in past_targets(check_files([roster, plan])) if i.severity == "error"]
    assert [(i.code, i.variant, i.cell, i.value) for i in checked] == [
        ("household-id-is-count", variant, "B11", code)
    ]


@pytest.mark.parametrize("code", ["NK-12", "12 NG", "Nà Khau 3", "12 BK"])
def test_codes_with_nk_or_ng_are_counted(tmp_path, code):
    """Counted under it: near-poor 2 + 1 = 3, nothing left out, nothing said of its code."""
    _, _, result = run_with_lines(tmp_path, [household(code)])
    na_mon = na_mon_in_summary(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 3)
    assert result.summary["issues"]["rows_left_out"] == 0
    assert not [i for i in result.issues if i.code == "household-id-is-count"]


def test_a_list_writing_its_codes_as_number_and_nk_keeps_them(tmp_path):
    """Three near-poor households of Nà Mòn's May list written '7 NK', '8 NK', '9 NK' (rows
    11-13): three different '<n> NK' in one list are its codes ('12 NM' is Nà Mòn's 12th), all
    counted: near-poor 2 + 3 = 5. Two alone ('7 NK', '8 NK' in another run) are numbers of
    people: said at B11 and B12, left out, near-poor 2."""
    lines = [household(f"{n} NK", n) for n in (7, 8, 9)]
    (tmp_path / "three").mkdir()
    (tmp_path / "two").mkdir()
    _, _, result = run_with_lines(tmp_path / "three", lines)
    assert (na_mon_in_summary(result.summary)["near_poor"], result.summary["issues"]["rows_left_out"]) == (
        5, 0,
    )  # fmt: skip
    assert not [i for i in result.issues if i.code == "household-id-is-count"]
    _, _, two = run_with_lines(tmp_path / "two", lines[:2])
    assert (
        na_mon_in_summary(two.summary)["near_poor"],
        two.summary["issues"]["rows_left_out"],
    ) == (2, 2)
    said = [(i.code, i.variant, i.cell) for i in two.issues if i.severity == "error"]
    assert said == [
        ("household-id-is-count", "people", "B11"),
        ("household-id-is-count", "people", "B12"),
    ]


def test_the_same_number_of_people_in_two_rows_is_said_once_each_not_as_a_code_used_twice(
    tmp_path,
):
    """'4 người' in rows 11 and 12: each said once as a number of people, no Mã hộ used twice
    (rosterchecks.duplicates_in passes counts over), both left out."""
    _, _, result = run_with_lines(tmp_path, [household("4 người", 7), household("4 người", 8)])
    said = [(i.code, i.cell) for i in result.issues if i.severity == "error"]
    assert said == [("household-id-is-count", "B11"), ("household-id-is-count", "B12")]
    assert result.summary["issues"]["rows_left_out"] == 2
