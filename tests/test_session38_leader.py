"""Session 38: what the commune's chairman reads on 'Tổng hợp' — a rate that went up said in
words, and the hamlets behind their household targets named (docs/decisions.md)."""

from __future__ import annotations

import json
from datetime import date

import openpyxl

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_roster

JANUARY = {"period": "2024-01", "prepared": date(2024, 2, 2)}


def _commune(tmp_path, dong_ke: bool = True):
    """The small commune (tests/commune.py: 100 + 200 + 150 households; poor 3, 2, 1; near-poor
    2, 1, 1 at the start) with Bản Cọ's household targets 0 and the commune's 0.5 / 0.3 points.
    January: Nà Mòn's poor grow from 3 to 5 (NM4 near-poor → poor, NM6 new), its near-poor
    fall to 1 (NM5); Bản Cọ unchanged; Đồng Kè's two households both Thoát (a list of nobody
    poor or near-poor), or no list at all."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    hamlets = plan_hamlets()
    hamlets[1].update(poor_target=0, near_poor_target=0)
    info = dict(PLAN_INFO, poor_target=0.5, near_poor_target=0.3)
    write_plan_workbook(folder / "KeHoach_2024.xlsx", info, hamlets, start_list())
    na_mon = [person(f"NM{i}", "poor") for i in (1, 2, 3, 4, 6)] + [person("NM5", "near_poor")]
    write_roster(folder, "NaMon_T1.xlsx", "Nà Mòn", 100, na_mon, **JANUARY)
    ban_co = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "BanCo_T1.xlsx", "Bản Cọ", 200, ban_co, **JANUARY)
    if dong_ke:
        gone = [person("DK1", "exited"), person("DK2", "exited")]
        write_roster(folder, "DongKe_T1.xlsx", "Đồng Kè", 150, gone, **JANUARY)
    execute(folder, out, "2024-01")
    month = out / "2024-01"
    sheet = openpyxl.load_workbook(month / "TongHop_2024-01.xlsx")["Tổng hợp"]
    lines = [str(v) for (v,) in sheet.iter_rows(min_col=1, max_col=1, values_only=True) if v]
    return lines, json.loads((month / "TongHop_2024-01.json").read_text(encoding="utf-8"))


def _after(lines: list[str], start: str, count: int) -> list[str]:
    at = next(i for i, line in enumerate(lines) if line.startswith(start))
    return lines[at + 1 : at + 1 + count]


def test_a_commune_rate_that_went_up_is_said_in_words_and_the_hamlets_behind_named(tmp_path):
    """Poor 6 → 7 of 450 households: 1.33 % → 1.56 %, a reduction of −0.22 points against 0.5.
    The headline said only "cần giảm thêm 4 hộ nghèo" (7 − 3: 3 poor is 0.67 % ≤ 0.83 %) and
    section I "-0.22" under "Mức giảm"; the screen says "tăng 0,22". Now the headline says the
    rate went up. Under the chart: Nà Mòn (3 → 5 poor, target 1) is behind; Bản Cọ (2 → 2,
    target 0) and Đồng Kè (1 → 0, target 1) meet theirs; every hamlet meets its near-poor
    target (Nà Mòn 2 → 1, Bản Cọ 1 → 1 of 0, Đồng Kè 1 → 0)."""
    lines, summary = _commune(tmp_path)
    totals = summary["totals"]
    assert (totals["start_poor"], totals["poor"], totals["households"]) == (6, 7, 450)
    assert round(totals["poor_rate_reduction"], 4) == round((6 - 7) / 450 * 100, 4) == -0.2222
    assert (totals["poor_still_to_exit"], totals["near_poor_target_met"]) == (4, True)
    assert _after(lines, "Kết quả:", 2) == [
        "Tỷ lệ hộ nghèo tăng 0,22 điểm % so với đầu năm; để đạt chỉ tiêu, toàn xã cần giảm "
        "thêm 4 hộ nghèo.",
        "Đã đạt chỉ tiêu giảm tỷ lệ hộ cận nghèo năm 2024.",
    ]
    met = {
        h["hamlet"]: (h["poor_target_met"], h["near_poor_target_met"]) for h in summary["hamlets"]
    }
    assert met == {"Nà Mòn": (False, True), "Bản Cọ": (True, True), "Đồng Kè": (True, True)}
    assert _after(lines, "Toàn xã: tỷ lệ hộ nghèo tháng 1/2024", 3) == [
        "Xóm chưa đạt chỉ tiêu giảm hộ nghèo (1/3 xóm): Nà Mòn.",
        "Cả 3/3 xóm đã tổng hợp đều đạt chỉ tiêu giảm hộ cận nghèo.",
        "IV. BIẾN ĐỘNG TỪ ĐẦU NĂM",
    ]


def test_the_hamlets_behind_are_counted_among_those_consolidated(tmp_path):
    """Đồng Kè sends nothing: the commune is 300 households, poor 5 → 7 (1.67 % → 2.33 %, 4 to
    go: 3 poor is 1.00 % ≤ 1.17 %); the hamlets behind are counted of the 2 consolidated,
    Đồng Kè (named in the headline as not sent) in neither list."""
    lines, summary = _commune(tmp_path, dong_ke=False)
    assert summary["complete"] is False
    assert lines[lines.index("Kết quả: giảm tỷ lệ hộ nghèo – Chưa đạt; giảm tỷ lệ hộ cận nghèo "
                             "– Đạt (so với chỉ tiêu kế hoạch năm 2024).") + 1] == (
        "Tỷ lệ hộ nghèo tăng 0,67 điểm % so với đầu năm; để đạt chỉ tiêu, toàn xã cần giảm "
        "thêm 4 hộ nghèo."
    )  # fmt: skip
    assert _after(lines, "Toàn xã: tỷ lệ hộ nghèo tháng 1/2024", 2) == [
        "Xóm chưa đạt chỉ tiêu giảm hộ nghèo (1/2 xóm): Nà Mòn.",
        "Cả 2/2 xóm đã tổng hợp đều đạt chỉ tiêu giảm hộ cận nghèo.",
    ]


def test_the_first_month_says_its_changes_since_last_month_are_those_since_the_start(tmp_path):
    """January with no December in the history: 'Biến động' said "Chưa có số liệu tháng
    12/2023 trong lịch sử" as if a month were missing, where the start list is December's
    recognised lists: the changes since last month are section I's."""
    _commune(tmp_path)
    book = openpyxl.load_workbook(tmp_path / "ra" / "2024-01" / "TongHop_2024-01.xlsx")
    texts = [v for (v,) in book["Biến động"].iter_rows(max_col=1, values_only=True) if v]
    assert "I. BIẾN ĐỘNG TỪ ĐẦU NĂM" in texts
    assert (
        "Tháng đầu năm: danh sách đầu năm là kết quả công nhận đến 31/12/2023, nên biến động so "
        "với tháng trước (tháng 12/2023) chính là biến động từ đầu năm ở mục I."
    ) in texts
    assert not any(str(v).startswith("Chưa có số liệu tháng") for v in texts)
