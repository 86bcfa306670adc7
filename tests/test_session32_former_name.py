"""Session 32: a new month's list under a hamlet's former name says whose name it was and what
to write.

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households). March is run with 'Nà Mòn'; April's plan renames it 'Tân Mòn' and April is run
under the new name; May's list, never run, still writes 'Nà Mòn' in 'Xóm' (B3 of 'Thông
tin'). The old name is no plan alias (session 31): still refused, now told as the former name.
"""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.messages import in_language
from pipeline.run import FatalError, execute
from pipeline.template import write_plan_workbook
from tests.commune import (
    PLAN_INFO,
    new_commune,
    person,
    plan_hamlets,
    start_list,
    write_roster,
)

FORMER_VI = (
    "Ô 'Xóm' ghi 'Nà Mòn', là tên cũ của xóm 'Tân Mòn' (tên trong kế hoạch từ kỳ 04/2024), "
    "nên danh sách chưa được tính. Hãy sửa ô 'Xóm' thành 'Tân Mòn' đúng như trong kế hoạch rồi "
    "gửi lại."
)
FORMER_EN = (
    "The 'Xóm' cell says 'Nà Mòn', the former name of hamlet 'Tân Mòn' (its name in the plan "
    "since 04/2024), so the list is not counted. Write 'Tân Mòn' in the 'Xóm' cell, as the plan "
    "names it, and send it again."
)


def _na_mon(folder, period: str, hamlet: str) -> None:
    """Nà Mòn's list under ``hamlet``, and Bản Cọ's (BC1-2 poor, BC3 near-poor of 200), so that
    the month has a list counted."""
    rows = [person(f"NM{i}", "near_poor" if i > 3 else "poor") for i in range(1, 6)]
    write_roster(folder, f"NaMon_{period}.xlsx", hamlet, 100, rows, period=period)
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, f"BanCo_{period}.xlsx", "Bản Cọ", 200, rows, period=period)


def _renamed(folder) -> None:
    hamlets = [dict(h, hamlet="Tân Mòn") if h["hamlet"] == "Nà Mòn" else h for h in plan_hamlets()]
    start = [dict(r, hamlet="Tân Mòn") if r["hamlet"] == "Nà Mòn" else r for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)


def refusal(result):
    [issue] = [i for i in result.issues if i.code == "unknown-hamlet"]
    return issue


def test_a_new_months_list_under_the_former_name_says_whose_it_was_and_what_to_write(tmp_path):
    folder, out = new_commune(tmp_path)
    _na_mon(folder, "2024-03", "Nà Mòn")
    execute(folder, out, "2024-03")
    _renamed(folder)
    _na_mon(folder, "2024-04", "Tân Mòn")
    execute(folder, out, "2024-04")
    _na_mon(folder, "2024-05", "Nà Mòn")  # last month's file, 'Xóm' not corrected
    result, _, _ = execute(folder, out, "2024-05")
    issue = refusal(result)
    assert (issue.file, issue.sheet, issue.cell, issue.variant) == (
        "NaMon_2024-05.xlsx", "Thông tin", "B3", "former"
    )  # fmt: skip
    assert issue.message("vi") == FORMER_VI
    assert issue.message("en") == FORMER_EN
    # still refused (no alias): Tân Mòn's figures are not May's list's
    tan_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Tân Mòn")
    assert tan_mon["status"] == "rejected"
    # 'Lỗi dữ liệu' and the head's PhanHoi say the same words at B3
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")
    rows = [r for r in book["Lỗi dữ liệu"].iter_rows(values_only=True) if "B3" in r]
    assert [r[-1] for r in rows] == [FORMER_VI]
    head = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Tân Mòn_2024-05.xlsx")
    said = [r for r in head["Hướng dẫn sửa"].iter_rows(values_only=True) if "B3" in r]
    assert [r[-1] for r in said] == [FORMER_VI]
    status = [r for r in head["Hướng dẫn sửa"].iter_rows(values_only=True) if "Tình trạng:" in r]
    assert [[v for v in r if v][-1] for r in status] == [
        "Danh sách chưa được tổng hợp vì ô 'Xóm' ghi 'Nà Mòn', là tên cũ của xóm Tân Mòn; hãy "
        "sửa các ô tô đỏ (xem bảng dưới) và gửi lại."
    ]
    # the officer's 'Nộp báo cáo' gives the short reason
    sent = [r for r in book["Nộp báo cáo"].iter_rows(values_only=True) if "NaMon_2024-05.xlsx" in r]
    assert [[v for v in r if v][2] for r in sent] == [
        "Bị từ chối: ô 'Xóm' ghi 'Nà Mòn', tên cũ của xóm Tân Mòn"
    ]


def test_without_a_stored_month_under_the_old_name_the_refusal_is_as_before(tmp_path):
    # April run first under 'Tân Mòn' (no month ever stored 'Nà Mòn'): May's 'Nà Mòn' is no name
    # the run knows the hamlet had; its codes are Tân Mòn's (5/5), said as session 22 says it
    folder, out = new_commune(tmp_path)
    _renamed(folder)
    _na_mon(folder, "2024-04", "Tân Mòn")
    execute(folder, out, "2024-04")
    _na_mon(folder, "2024-05", "Nà Mòn")
    issue = refusal(execute(folder, out, "2024-05")[0])
    assert (issue.cell, issue.variant, issue.hamlet) == ("B3", "codes", "Tân Mòn")
    assert "là tên cũ" not in issue.message("vi")


def april_renamed(tmp_path):
    """March run with 'Nà Mòn', April's plan writing 'Tân Mòn', April run under it."""
    folder, out = new_commune(tmp_path)
    _na_mon(folder, "2024-03", "Nà Mòn")
    execute(folder, out, "2024-03")
    _renamed(folder)
    _na_mon(folder, "2024-04", "Tân Mòn")
    execute(folder, out, "2024-04")
    return folder, out


def test_the_former_name_the_months_only_list_is_said_so_when_the_run_stops(tmp_path):
    # May's folder holds the plan and Nà Mòn's list under the old name alone: nothing counted,
    # the run stops, and its message quotes the refusal in the former name's words
    folder, out = april_renamed(tmp_path)
    may = tmp_path / "thang5"
    may.mkdir()
    (may / "KeHoach_2024.xlsx").write_bytes((folder / "KeHoach_2024.xlsx").read_bytes())
    rows = [person(f"NM{i}", "near_poor" if i > 3 else "poor") for i in range(1, 6)]
    write_roster(may, "NaMon_2024-05.xlsx", "Nà Mòn", 100, rows, period="2024-05")
    with pytest.raises(FatalError) as stop:
        execute(may, out, "2024-05")
    said = in_language(stop.value.args[0], "vi")
    assert f"'NaMon_2024-05.xlsx' (Tân Mòn): {FORMER_VI}" in said, said


def test_april_run_again_with_both_its_lists_says_the_old_named_copy_is_a_second_list(tmp_path):
    # April's folder holds Tân Mòn's list (counted) and a copy of it still written 'Nà Mòn'
    folder, out = april_renamed(tmp_path)
    rows = [person(f"NM{i}", "near_poor" if i > 3 else "poor") for i in range(1, 6)]
    write_roster(folder, "NaMon_cu_2024-04.xlsx", "Nà Mòn", 100, rows, period="2024-04")
    result, _, _ = execute(folder, out, "2024-04")
    issue = refusal(result)
    assert (issue.file, issue.cell, issue.variant) == ("NaMon_cu_2024-04.xlsx", "B3", "former-sent")
    assert issue.message("vi") == (
        "Ô 'Xóm' ghi 'Nà Mòn', là tên cũ của xóm 'Tân Mòn', nên danh sách chưa được tính; xóm "
        "'Tân Mòn' đã có danh sách kỳ này (tệp 'NaMon_2024-04.xlsx') và danh sách đó được tính. "
        "Nếu tệp này mới là bản đúng, hãy sửa ô 'Xóm' thành 'Tân Mòn' đúng như trong kế hoạch "
        "rồi gửi lại để thay cho tệp kia; nếu không, không cần gửi lại tệp này."
    )
    assert issue.message("en") == (
        "The 'Xóm' cell says 'Nà Mòn', the former name of hamlet 'Tân Mòn', so the list is not "
        "counted; 'Tân Mòn' has a list of this period (file 'NaMon_2024-04.xlsx'), which is "
        "counted. If this file is the right one, write 'Tân Mòn' in the 'Xóm' cell, as the plan "
        "names it, and send it again in place of the other; if not, this file need not be sent "
        "again."
    )
    # Tân Mòn's own list counted: NM1-3 poor, NM4-5 near-poor
    tan_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Tân Mòn")
    assert (tan_mon["status"], tan_mon["poor"], tan_mon["near_poor"]) == ("ok", 3, 2)


def test_check_with_the_history_says_the_former_name_and_without_it_as_before(tmp_path):
    folder, out = april_renamed(tmp_path)
    _na_mon(folder, "2024-05", "Nà Mòn")
    files = [folder / "KeHoach_2024.xlsx", folder / "NaMon_2024-05.xlsx"]
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    [issue] = [i for i in check_files(files, "vi", history) if i.code == "unknown-hamlet"]
    assert (issue.cell, issue.variant) == ("B3", "former")
    assert issue.message("vi") == FORMER_VI
    # without the history the run's name for it is not known: the codes tell whose list it is
    [issue] = [i for i in check_files(files, "vi") if i.code == "unknown-hamlet"]
    assert (issue.cell, issue.variant, issue.hamlet) == ("B3", "codes", "Tân Mòn")
