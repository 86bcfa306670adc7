"""Session 19: a label of a key/value block ('Thông tin' of a hamlet list, the plan's 'Thông
tin chung') written twice with different values is said at the value passed over; a visible
row is read over a hidden one, else the first (docs/decisions.md)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.plan import load_plan
from pipeline.read import Twice, open_workbook, read_key_values
from pipeline.run import collect
from schemas.columns import ROSTER_INFO_LABELS
from tests import messy
from tests.commune import TARGETS_ABOVE_START, past_targets, person, write_plan, write_roster


def _na_mon(folder: Path, added: list[tuple], hidden: tuple[int, ...] = ()) -> Path:
    """The plan and Nà Mòn's May list in the template (NM1, NM5, NM6 poor; NM2, NM4 near-poor;
    NM3 exited;
    'Thông tin' rows 1-7: Loại biểu, Xã, Xóm, Kỳ báo cáo B4 '05/2024', Tổng số hộ dân cư B5
    102, Người lập, Ngày lập) and Bản Cọ's June list (BC1, BC2 poor, BC3 near-poor), with ``added`` rows
    put under 'Thông tin' from row 8 and its rows ``hidden`` (1-based) hidden."""
    folder.mkdir(parents=True, exist_ok=True)
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "exited"),
            person("NM4", "near_poor"), person("NM5", "poor"), person("NM6", "poor")]  # fmt: skip
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    bc = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, bc, period="2024-06")
    book = openpyxl.load_workbook(path)
    sheet = book["Thông tin"]
    for row in added:
        sheet.append(row)
    for row in hidden:
        sheet.row_dimensions[row].hidden = True
    book.save(path)
    return path


def _status(result) -> dict[str, str]:
    return dict(zip(result.reporting["hamlet"], result.reporting["status"], strict=True))


def _said(issues) -> list[tuple]:
    return [(i.file, i.sheet, i.cell, i.column, i.value, i.instead, i.variant, i.severity)
            for i in issues if i.code == "info-label-twice"]  # fmt: skip


def test_a_period_written_again_under_a_hidden_one_is_read_as_the_head_sees_it(tmp_path):
    # Last month's file updated: 'Kỳ báo cáo' 05/2024 (row 4) hidden, 06/2024 added in row 8.
    path = _na_mon(tmp_path / "vao", [("Kỳ báo cáo", "06/2024")], hidden=(4,))
    result, _ = collect(tmp_path / "vao", None)
    # June read: the list is counted in June's run, with Bản Cọ's June list
    assert result.period == "2024-06" and _status(result) == {"Nà Mòn": "warnings",
                                                              "Bản Cọ": "valid",
                                                              "Đồng Kè": "missing"}  # fmt: skip
    said = _said(result.issues)
    assert said == [("NaMon.xlsx", "Thông tin", "B4", "Kỳ báo cáo", "05/2024", "B8", "hidden",
                     "warning")]  # fmt: skip
    [issue] = [i for i in result.issues if i.code == "info-label-twice"]
    assert issue.message("vi") == (
        "Trang 'Thông tin' ghi 'Kỳ báo cáo' hơn một lần, với giá trị khác nhau: ô B4 ghi "
        "'05/2024' ở dòng đang bị ẩn, ô B8 ghi '06/2024'. Đã đọc ô B8 (dòng đang hiện, như trên "
        "màn hình) và bỏ qua dòng bị ẩn. Hãy bỏ ẩn dòng của ô B4 (chọn các dòng quanh nó, bấm "
        "chuột phải > Bỏ ẩn) rồi xóa dòng đó để chỉ còn một dòng 'Kỳ báo cáo'; nếu '05/2024' "
        "mới đúng, hãy ghi '05/2024' vào ô B8 trước."
    )
    # `check` says it as the run does
    assert _said(check_files([path])) == said


def test_a_period_written_twice_in_sight_reads_the_first_and_says_the_second(tmp_path):
    path = _na_mon(tmp_path / "vao", [("Kỳ báo cáo", "06/2024")])
    result, _ = collect(tmp_path / "vao", "2024-06")
    # May read (B4): Nà Mòn's list is no June list, and the hamlet has sent none for June
    assert _status(result) == {"Nà Mòn": "missing", "Bản Cọ": "valid", "Đồng Kè": "missing"}
    said = _said(result.issues)
    assert said == [("NaMon.xlsx", "Thông tin", "B8", "Kỳ báo cáo", "06/2024", "B4", "",
                     "warning")]  # fmt: skip
    [issue] = [i for i in result.issues if i.code == "info-label-twice"]
    assert issue.message("en") == (
        "Sheet 'Thông tin' writes 'Kỳ báo cáo' more than once, with different values: cell B4 "
        "says '05/2024', cell B8 says '06/2024'. Cell B4 was read (the row written first) and "
        "cell B8 passed over. Delete the extra row so that one 'Kỳ báo cáo' row is left: if "
        "'06/2024' is right, write '06/2024' in cell B4 and delete the row of cell B8; if not, "
        "just delete the row of cell B8."
    )
    assert _said(check_files([path])) == said


def test_the_same_value_twice_or_a_blank_second_is_nothing_to_say(tmp_path):
    # 'Kỳ báo cáo' again as ' 05/2024 ' (spaces aside, the same), 'Xóm' again left blank
    path = _na_mon(tmp_path / "vao", [("Kỳ báo cáo", " 05/2024 "), ("Xóm", None)], hidden=(4,))
    result, _ = collect(tmp_path / "vao", "2024-05")
    assert _status(result)["Nà Mòn"] == "valid"
    assert _said(result.issues) == [] and _said(check_files([path])) == []


def test_a_total_written_again_under_a_hidden_one_is_the_rate_denominator(tmp_path):
    # 'Tổng số hộ dân cư' 102 (row 5) hidden, 150 written in row 8: 150 households read, so
    # Nà Mòn's poor rate is 3/150 = 2 %, its near-poor rate 2/150 = 1.33 % (not 3/102 = 2.94 %)
    _na_mon(tmp_path / "vao", [("Tổng số hộ dân cư", 150)], hidden=(5,))
    result, _ = collect(tmp_path / "vao", "2024-05")
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["households"], na_mon["poor"], na_mon["near_poor"]) == (150, 3, 2)
    assert round(na_mon["poor_rate"], 2) == 2.0 and round(na_mon["near_poor_rate"], 2) == 1.33
    assert _said(result.issues) == [("NaMon.xlsx", "Thông tin", "B5", "Tổng số hộ dân cư",
                                     "102", "B8", "hidden", "warning")]  # fmt: skip


def test_the_plans_target_written_again_under_a_hidden_one(tmp_path):
    # 'Thông tin chung' B7 1.52 (hidden) and, added in row 12, 0.5: the poor target read is
    # 0.5, no longer above the start rate (6/450 = 1.33 %): only B8's target is warned so.
    path = write_plan(tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["Thông tin chung"]
    sheet.append(("Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)", 0.5))
    sheet.row_dimensions[7].hidden = True
    book.save(path)
    plan, issues = load_plan(open_workbook(path), "KeHoach_2024.xlsx")
    assert (plan.poor_target, plan.near_poor_target) == (0.5, 1.01)
    said = _said(issues)
    # as the cell shows it (session 41; was '1.52')
    assert said == [("KeHoach_2024.xlsx", "Thông tin chung", "B7",
                     "Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)", "1,52", "B12", "hidden",
                     "warning")]  # fmt: skip
    assert [(i.cell, i.value) for i in issues if i.code == TARGETS_ABOVE_START] == [("B8", "1,01")]
    assert _said(check_files([path])) == said


def test_the_plans_target_written_twice_in_sight_reads_the_first(tmp_path):
    path = write_plan(tmp_path)
    book = openpyxl.load_workbook(path)
    book["Thông tin chung"].append(("Chỉ tiêu giảm tỷ lệ hộ nghèo", "0,5"))
    book.save(path)
    plan, issues = load_plan(open_workbook(path), "KeHoach_2024.xlsx")
    assert plan.poor_target == 1.52
    assert _said(past_targets(issues)) == [("KeHoach_2024.xlsx", "Thông tin chung", "B12",
                                            "Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)", "0,5",
                                            "B7", "", "warning")]  # fmt: skip


def test_an_ods_period_under_a_hidden_one_and_a_hamlet_three_times(tmp_path):
    # read_key_values alone, on an .ods 'Thông tin': 'Kỳ báo cáo' 05/2024 in row 2 hidden by a
    # filter, 06/2024 in row 3; 'Xóm' Nà Mòn (row 1), Bản Cọ (row 4), 'nà mòn' (row 5).
    info = messy.SheetSpec("Thông tin", [["Xóm", "Nà Mòn"], ["Kỳ báo cáo", "05/2024"],
                                         ["Kỳ báo cáo", "06/2024"], ["Xóm", "Bản Cọ"],
                                         ["Xóm", "nà mòn"]], hidden_rows={1: "filter"})  # fmt: skip
    book = open_workbook(messy.write_book(tmp_path / "tt.ods", [info]))
    grid = book.grid("Thông tin")
    twice: list[Twice] = []
    found = read_key_values(grid, ROSTER_INFO_LABELS, True, book.hidden_rows.get("Thông tin"),
                            twice)  # fmt: skip
    assert (found["period"].value, found["period"].cell) == ("06/2024", "B3")
    assert (found["hamlet"].value, found["hamlet"].cell) == ("Nà Mòn", "B1")
    assert [(t.key, t.kept.cell, t.passed.cell, t.passed.value, t.hidden) for t in twice] == [
        ("hamlet", "B1", "B4", "Bản Cọ", None),
        ("period", "B3", "B2", "05/2024", True),
    ]
