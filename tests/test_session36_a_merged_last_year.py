"""Session 36: a merged hamlet's old name on a plan year's first list, the merger in the new
year's plan.

The small commune (tests/commune.py): December 2023 run under the 2023 plan with Nà Mòn's list
(NM1-3 poor, NM4-5 near-poor, 100) and Bản Cọ's (BC1-2 poor, BC3 near-poor, 200). The 2024 plan
merges Bản Cọ into Nà Mòn (300 households, the start list's BC rows under Nà Mòn). January 2024:
Bản Cọ's old head sends his list under 'Bản Cọ' (BC1-3), Đồng Kè its own, Nà Mòn's head
nothing. The codes are Nà Mòn's (3/3). The 'codes' refusal's merger path looked at this year's
stored months only, so he was told "nếu đây là danh sách của xóm Nà Mòn, hãy sửa ô 'Xóm'
thành 'Nà Mòn'": done, Bản Cọ's three households would be counted as the whole of Nà Mòn (NM1-5
gone). Now December tells the merger, as it does for a plain refusal (`_joined_by_history`)
and for a rename (`former_names`, session 35): variant 'joined'.
"""

from __future__ import annotations

from datetime import date

import openpyxl

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import (
    PLAN_INFO,
    person,
    plan_hamlets,
    start_list,
    write_merged_plan,
    write_roster,
)
from tests.test_session32_merged_alone import JOINED_EN, JOINED_VI, rows_having

BAN_CO = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]


def _merged_in_the_new_plan(tmp_path):
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    info = {**PLAN_INFO, "plan_year": 2023}
    write_plan_workbook(folder / "KeHoach_2023.xlsx", info, plan_hamlets(), start_list())
    december = {"period": "2023-12", "prepared": date(2024, 1, 3)}
    na_mon = [person(f"NM{i}", "near_poor" if i > 3 else "poor") for i in range(1, 6)]
    write_roster(folder, "NaMon_2023-12.xlsx", "Nà Mòn", 100, na_mon, **december)
    write_roster(folder, "BanCo_2023-12.xlsx", "Bản Cọ", 200, BAN_CO, **december)
    execute(folder, out, "2023-12")
    (folder / "KeHoach_2023.xlsx").unlink()
    write_merged_plan(folder)
    return folder, out


def test_the_merged_hamlets_own_list_of_january_is_told_the_merger(tmp_path):
    folder, out = _merged_in_the_new_plan(tmp_path)
    january = {"period": "2024-01", "prepared": date(2024, 2, 3)}
    write_roster(folder, "BanCo_2024-01.xlsx", "Bản Cọ", 200, BAN_CO, **january)
    dk = [person("DK1", "poor"), person("DK2", "near_poor")]
    write_roster(folder, "DongKe_2024-01.xlsx", "Đồng Kè", 150, dk, **january)
    result, _, _ = execute(folder, out, "2024-01")
    [issue] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (issue.file, issue.cell, issue.variant, issue.instead) == (
        "BanCo_2024-01.xlsx", "B3", "joined", "Nà Mòn"
    )  # fmt: skip
    # merged since the month run: no stored month lacks 'Bản Cọ' between December and January
    vi = JOINED_VI.replace("04/2024", "01/2024")
    assert issue.message("vi") == vi
    assert issue.message("en") == JOINED_EN.replace("04/2024", "01/2024")
    book = openpyxl.load_workbook(out / "2024-01" / "TongHop_2024-01.xlsx")
    assert [r[-1] for r in rows_having(book["Lỗi dữ liệu"], "B3")] == [vi]
    assert [r[2] for r in rows_having(book["Nộp báo cáo"], "BanCo_2024-01.xlsx")] == [
        "Bị từ chối: ô 'Xóm' ghi 'Bản Cọ', xóm đã sáp nhập vào xóm Nà Mòn (xóm Nà Mòn chưa gửi "
        "danh sách)"
    ]
    # still refused: Nà Mòn out of the figures, Đồng Kè alone counted (1 poor, 1 near-poor)
    statuses = {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}
    assert statuses == {"Nà Mòn": "rejected", "Đồng Kè": "ok"}
    totals = result.summary["totals"]
    assert (totals["poor"], totals["near_poor"], totals["households"]) == (1, 1, 150)
