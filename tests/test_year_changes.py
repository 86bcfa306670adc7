"""A year as it happens: a revised plan merges two hamlets, a revised plan saved with a mistake,
last months' files of a hamlet that no longer exists still in the folder."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from pipeline import history as hist
from pipeline.run import FatalError, collect, execute
from pipeline.template import write_plan_workbook
from tests.commune import HAMLETS, PLAN_INFO, person, write_plan, write_roster


def _merged_plan(folder: Path, name: str = "KeHoach_2024_sapnhap.xlsx") -> Path:
    """The July revision: Bản Cọ and Đồng Kè merged into Tân Thành (350 households, 3 poor,
    2 near-poor, targets 2 and 2); saved after the first plan."""
    n, p, c, pt, ct = HAMLETS["Nà Mòn"]
    hamlets = [
        {"hamlet": "Nà Mòn", "start_households": n, "start_poor": p, "start_near_poor": c,
         "poor_target": pt, "near_poor_target": ct},
        {"hamlet": "Tân Thành", "start_households": 350, "start_poor": 3, "start_near_poor": 2,
         "poor_target": 2, "near_poor_target": 2},
    ]
    path = folder / name
    write_plan_workbook(path, PLAN_INFO, hamlets, None)
    later = (folder / "KeHoach_2024.xlsx").stat().st_mtime + 100
    os.utime(path, (later, later))
    return path


def _june(folder: Path) -> None:
    """June: all three hamlets of the first plan send their list."""
    folder.mkdir(parents=True, exist_ok=True)
    write_plan(folder, with_start_list=False)
    for name, hamlet, total, code in (("NaMon", "Nà Mòn", 100, "NM"), ("BanCo", "Bản Cọ", 200, "BC"),
                                      ("DongKe", "Đồng Kè", 150, "DK")):
        write_roster(folder, f"{name}_2024-06.xlsx", hamlet, total, [person(f"{code}1", "poor")],
                     period="2024-06", prepared=date(2024, 7, 1))


def test_rerunning_a_month_from_before_a_merge_does_not_drop_the_merged_hamlets(tmp_path):
    """June was consolidated with 3 hamlets (3 poor of 450 households). The merge plan is then
    dropped in, and June run again: Bản Cọ's and Đồng Kè's June files are refused as not in the
    plan, so June would be stored with Nà Mòn alone (1 poor of 100). The run stops instead."""
    folder, out = tmp_path / "input", tmp_path / "output"
    _june(folder)
    execute(folder, out, "2024-06")
    stored = hist.HistoryStore(out / hist.HISTORY_FILE).periods()
    assert [(p["period"], p["totals"]["households"], p["totals"]["poor"]) for p in stored] == [
        ("2024-06", 450, 3)]
    _merged_plan(folder)
    with pytest.raises(FatalError) as stopped:
        execute(folder, out, "2024-06")
    assert str(stopped.value).startswith(
        "Kỳ 06/2024 đã được tổng hợp với 3 xóm; 2 xóm trong số đó (Bản Cọ, Đồng Kè) không có "
        "trong kế hoạch đang dùng ('KeHoach_2024_sapnhap.xlsx'), nên chương trình không ghi đè "
        "kết quả cũ.")
    assert "--replace" in str(stopped.value)
    stored = hist.HistoryStore(out / hist.HISTORY_FILE).periods()
    assert [(p["totals"]["households"], p["totals"]["poor"]) for p in stored] == [(450, 3)]
    # On purpose: June under the new plan, Nà Mòn's 1 poor of 100 households (Tân Thành sent none).
    summary = execute(folder, out, "2024-06", replace=True)[0].summary
    assert (summary["totals"]["households"], summary["totals"]["poor"]) == (100, 1)


def test_a_revised_plan_that_cannot_be_read_is_not_passed_over_for_the_older_one(tmp_path):
    folder = tmp_path / "input"
    _june(folder)
    revised = _merged_plan(folder, "KeHoach_2024_T7.xlsx")
    import openpyxl

    book = openpyxl.load_workbook(revised)
    book["Chỉ tiêu theo xóm"].delete_rows(3)  # the header row lost
    book.save(revised)
    later = (folder / "KeHoach_2024.xlsx").stat().st_mtime + 100
    os.utime(revised, (later, later))
    with pytest.raises(FatalError) as stopped:
        collect(folder, "2024-06")
    assert str(stopped.value) == (
        "KeHoach_2024_T7.xlsx: trang 'Chỉ tiêu theo xóm' không có dòng tiêu đề 'Xóm | Tổng số hộ "
        "đầu năm | …'. (Tệp kế hoạch mới nhất là 'KeHoach_2024_T7.xlsx'; tệp cũ hơn "
        "'KeHoach_2024.xlsx' không được dùng thay. Nếu tệp mới nhất là bản lưu nhầm, hãy chuyển "
        "nó ra khỏi thư mục đầu vào.)")


def test_an_older_broken_plan_beside_a_good_newer_one_is_only_skipped(tmp_path):
    folder = tmp_path / "input"
    _june(folder)
    old = folder / "KeHoach_2024.xlsx"
    import openpyxl

    book = openpyxl.load_workbook(old)
    book["Chỉ tiêu theo xóm"].delete_rows(3)
    book.save(old)
    os.utime(old, (1_700_000_000, 1_700_000_000))
    _merged_plan(folder, "KeHoach_2024_T7.xlsx")
    result, _ = collect(folder, "2024-06")
    assert result.plan.file == "KeHoach_2024_T7.xlsx"
    assert [(i.code, i.file) for i in result.issues if i.code == "plan-duplicate"] == [
        ("plan-duplicate", "KeHoach_2024.xlsx")]


def test_last_months_files_of_merged_hamlets_are_of_another_period_not_errors(tmp_path):
    """July under the merge plan, June's files still in the folder: Bản Cọ's and Đồng Kè's June
    files name hamlets the plan no longer has. They are of another month ("khác kỳ"), not
    unknown-hamlet errors of July's run."""
    folder = tmp_path / "input"
    _june(folder)
    _merged_plan(folder)
    write_roster(folder, "NaMon_2024-07.xlsx", "Nà Mòn", 100, [person("NM1", "poor")],
                 period="2024-07", prepared=date(2024, 8, 1))
    write_roster(folder, "TanThanh_2024-07.xlsx", "Tân Thành", 350,
                 [person("BC1", "poor"), person("DK1", "poor")], period="2024-07",
                 prepared=date(2024, 8, 1))
    write_roster(folder, "La_2024-07.xlsx", "Nà Lạ", 90, [person("NL1", "poor")],
                 period="2024-07", prepared=date(2024, 8, 1))
    result, _ = collect(folder, None)
    assert result.period == "2024-07"
    assert sorted((i.code, i.file) for i in result.issues if i.severity == "error") == [
        ("unknown-hamlet", "La_2024-07.xlsx")]  # a hamlet unknown in July itself stays an error
    status = {s.file: s.status for s in result.submissions}
    assert status["BanCo_2024-06.xlsx"] == status["DongKe_2024-06.xlsx"] == "other_period"
    assert (result.summary["totals"]["households"], result.summary["totals"]["poor"]) == (450, 3)


def test_without_a_start_list_the_first_month_of_the_year_says_how_to_compare(tmp_path):
    folder = tmp_path / "input"
    _june(folder)  # the plan has no start list, and June is the first month stored
    result, _ = collect(folder, "2024-06")
    [said] = [i for i in result.issues if i.code == "no-start-list"]
    assert said.message() == (
        "Kế hoạch không có trang 'Danh sách đầu năm' và lịch sử chưa có kỳ nào của năm 2024 trước "
        "kỳ này: chưa tính được biến động hộ từ đầu năm (các kỳ sau sẽ so với kỳ đầu tiên của năm "
        "được lưu). Để so với đầu năm, hãy thêm trang 'Danh sách đầu năm' vào tệp kế hoạch: danh "
        "sách hộ nghèo, hộ cận nghèo được công nhận cuối năm trước, có cột 'Xóm'.")
    assert result.summary["totals"]["movements"] is None
