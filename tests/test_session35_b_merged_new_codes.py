"""Session 35: the merged hamlet's old head sending a list of new codes only.

The small commune (tests/commune.py): March run with Nà Mòn's list (NM1-5, 100) and Bản Cọ's
(BC1-3, 200); April's plan merges Bản Cọ into Nà Mòn (its start list's BC rows under Nà Mòn),
April run with Nà Mòn's one list of both. In May Nà Mòn's head sends nothing, Đồng Kè's head
its list, and Bản Cọ's old head a list of two households new this year (BC7, BC8), on no start
list: the codes point to no hamlet. Told before to write a plan hamlet's name in 'Xóm' (done,
his 2 households would be counted as the whole of Nà Mòn); now the history tells the merger
(Bản Cọ's stored households, BC1-3, on the start list under Nà Mòn), said as the codes' case
is (variant 'joined', session 32).
"""

from __future__ import annotations

import json
from datetime import date

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.messages import in_language
from pipeline.run import FatalError, execute
from pipeline.template import write_plan_workbook
from tests.commune import (
    PLAN_INFO,
    person,
    plan_hamlets,
    start_list,
    write_merged_plan,
    write_roster,
)
from tests.test_session32_merged_alone import (
    JOINED_EN,
    JOINED_VI,
    april_merged,
    rows_having,
    write_na_mon_merged,
)
from tests.test_session32_renames import renamed_plan

PLAIN_VI = (
    "Xóm '{}' không có trong kế hoạch của xã. Hãy ghi đúng tên xóm như trong kế hoạch (Nà Mòn, "
    "Đồng Kè). Nếu đây là một xóm chưa có trong kế hoạch thì xã cần thêm xóm đó vào trang 'Chỉ "
    "tiêu theo xóm' của kế hoạch rồi tổng hợp lại."
)


def new_codes(folder, hamlet: str = "Bản Cọ", codes=("BC7", "BC8")) -> None:
    """A May list under ``hamlet`` of two households on no start list (1 poor, 1 near-poor)."""
    rows = [person(codes[0], "poor"), person(codes[1], "near_poor")]
    write_roster(folder, "BanCo_2024-05.xlsx", hamlet, 200, rows, period="2024-05")


def dong_ke(folder) -> None:
    dk = [person("DK1", "poor"), person("DK2", "near_poor")]
    write_roster(folder, "DongKe_2024-05.xlsx", "Đồng Kè", 150, dk, period="2024-05")


def refused(result):
    [issue] = [i for i in result.issues if i.code == "unknown-hamlet"]
    return issue


def test_new_codes_under_the_merged_hamlets_old_name_are_told_the_merger(tmp_path):
    folder, out = april_merged(tmp_path)
    new_codes(folder)
    dong_ke(folder)
    result, _, _ = execute(folder, out, "2024-05")
    issue = refused(result)
    assert (issue.file, issue.cell, issue.variant, issue.instead) == (
        "BanCo_2024-05.xlsx", "B3", "joined", "Nà Mòn"
    )  # fmt: skip
    assert issue.message("vi") == JOINED_VI
    assert issue.message("en") == JOINED_EN
    assert "Hãy ghi đúng tên xóm" not in JOINED_VI
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")
    assert [r[-1] for r in rows_having(book["Lỗi dữ liệu"], "B3")] == [JOINED_VI]
    assert [r[2] for r in rows_having(book["Nộp báo cáo"], "BanCo_2024-05.xlsx")] == [
        "Bị từ chối: ô 'Xóm' ghi 'Bản Cọ', xóm đã sáp nhập vào xóm Nà Mòn (xóm Nà Mòn chưa gửi "
        "danh sách)"
    ]
    # the JSON: the list is no hamlet's (its codes are none of Nà Mòn's): Nà Mòn still not sent,
    # its households out of the figures (Đồng Kè alone: 1 poor, 1 near-poor of 150), one error
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    assert {h["hamlet"]: h["status"] for h in summary["hamlets"]} == {
        "Nà Mòn": "missing", "Đồng Kè": "ok"
    }  # fmt: skip
    totals = summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (150, 1, 1)
    assert summary["issues"]["errors"] == 1
    # the PhanHoi back to the sender, under the name his list writes
    head = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Bản Cọ_2024-05.xlsx")
    guide = head["Hướng dẫn sửa"]
    assert [r[-1] for r in rows_having(guide, "Tình trạng:")] == [
        "Danh sách này chưa được tổng hợp: xóm 'Bản Cọ' đã sáp nhập vào xóm Nà Mòn, và xóm Nà "
        "Mòn chưa gửi danh sách kỳ này. Không chỉ sửa ô 'Xóm': các hộ này phải được ghi vào một "
        "danh sách của cả xóm Nà Mòn; xem 'Cách sửa'."
    ]
    assert [r[-1] for r in rows_having(guide, "Cách sửa:")][0].startswith(
        "Các hộ trong danh sách này phải được ghi vào một danh sách của cả xóm Nà Mòn, với 'Tổng "
        "số hộ dân cư' là tổng số hộ của cả xóm Nà Mòn sau sáp nhập"
    )
    assert [r[-1] for r in rows_having(guide, "B3")] == [JOINED_VI]


def test_the_months_only_list_stops_the_run_with_the_merged_hamlets_words(tmp_path):
    folder, out = april_merged(tmp_path)
    may = tmp_path / "thang5"
    may.mkdir()
    (may / "KeHoach_2024.xlsx").write_bytes((folder / "KeHoach_2024.xlsx").read_bytes())
    new_codes(may)
    with pytest.raises(FatalError) as stop:
        execute(may, out, "2024-05")
    said = in_language(stop.value.args[0], "vi")
    assert JOINED_VI in said, said
    assert JOINED_EN in in_language(stop.value.args[0], "en")


def test_a_name_no_stored_month_had_keeps_the_plain_refusal(tmp_path):
    folder, out = april_merged(tmp_path)
    new_codes(folder, hamlet="Bản Xa")
    dong_ke(folder)
    result, _, _ = execute(folder, out, "2024-05")
    issue = refused(result)
    assert (issue.value, issue.variant, issue.instead) == ("Bản Xa", "", "")
    assert issue.message("vi") == PLAIN_VI.format("Bản Xa"), issue.message("vi")


def test_the_rename_twin_keeps_the_former_name_wording(tmp_path):
    # March 'Nà Mòn' (NM1-5); April's plan renames it 'Nà Mòn Mới' (no hamlet merged): May's list
    # under 'Nà Mòn' of new codes NM7, NM8 is told the former name, as before
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), start_list())
    write_na_mon_merged(folder, "2024-03")
    execute(folder, out, "2024-03")
    renamed_plan(folder, "Nà Mòn Mới")
    dong_ke(folder)
    new_codes(folder, hamlet="Nà Mòn", codes=("NM7", "NM8"))
    result, _, _ = execute(folder, out, "2024-05")
    issue = refused(result)
    assert (issue.variant, issue.instead) == ("former", "Nà Mòn Mới")


def test_an_earlier_years_list_tells_the_merger_when_this_year_has_none(tmp_path):
    # December 2023 run with both lists under the 2023 plan; the 2024 plan merges Bản Cọ into
    # Nà Mòn and April 2024 is run with Nà Mòn's one list: no 2024 month had Bản Cọ, its
    # December 2023 households (BC1-3) are on the 2024 start list under Nà Mòn
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    info = {**PLAN_INFO, "plan_year": 2023}
    write_plan_workbook(folder / "KeHoach_2023.xlsx", info, plan_hamlets(), start_list())
    rows = [person(f"NM{i}", "near_poor" if i > 3 else "poor") for i in range(1, 6)]
    write_roster(folder, "NaMon_2023-12.xlsx", "Nà Mòn", 100, rows, period="2023-12",
                 prepared=date(2024, 1, 3))  # fmt: skip
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "BanCo_2023-12.xlsx", "Bản Cọ", 200, rows, period="2023-12",
                 prepared=date(2024, 1, 3))  # fmt: skip
    execute(folder, out, "2023-12")
    write_merged_plan(folder)
    write_na_mon_merged(folder, "2024-04", merged=True)
    execute(folder, out, "2024-04")
    new_codes(folder)
    dong_ke(folder)
    result, _, _ = execute(folder, out, "2024-05")
    issue = refused(result)
    assert (issue.variant, issue.instead) == ("joined", "Nà Mòn")
    assert "xóm 'Bản Cọ' đã sáp nhập vào xóm 'Nà Mòn' (trong kế hoạch từ kỳ 04/2024)" in (
        issue.message("vi")
    )


def test_check_with_the_history_says_the_merger_and_without_it_the_plain_words(tmp_path):
    folder, out = april_merged(tmp_path)
    new_codes(folder)
    files = [folder / "KeHoach_2024.xlsx", folder / "BanCo_2024-05.xlsx"]
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    [issue] = [i for i in check_files(files, "vi", history) if i.code == "unknown-hamlet"]
    assert (issue.cell, issue.variant, issue.instead) == ("B3", "joined", "Nà Mòn")
    assert issue.message("vi") == JOINED_VI
    [issue] = [i for i in check_files(files, "vi") if i.code == "unknown-hamlet"]
    assert issue.message("vi") == PLAIN_VI.format("Bản Cọ")
