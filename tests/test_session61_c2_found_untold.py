"""Session 61 (helper C2): C's Found. A hamlet dropped from the plan and added back, its revised
start rows holding the households of a hamlet new in the plan that never sent (the plan's start
list its only word on them), counted them 'Tái nghèo' in the month's table while the year's
table moved nothing, and the trend said its own earlier month was the silent hamlet's.

February: plan Khuổi Hin K1, Nà Mòn N1, Đồng Kè C1 (all poor), all three send. March: the plan
drops Khuổi Hin. April: the plan adds Bản Cọ (B1, B2 poor on its start list), Bản Cọ silent.
May: the plan has Khuổi Hin again with K1, B1, B2 on its start rows and no Bản Cọ; all send,
Khuổi Hin's list K1, B1, B2."""

from __future__ import annotations

from datetime import date

import openpyxl

from tests.commune import person
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table
from tests.test_session59_h2_renamed_then_merged_into import run_month_lists, write_plan_2024
from tests.test_session60_a2_gone_while_merged_silent import merged_june

K1, N1, C1 = person("K1", "poor"), person("N1", "poor"), person("C1", "poor")
B1, B2 = person("B1", "poor"), person("B2", "poor")
NONE = (0,) * 11


def run_may(tmp_path) -> tuple:
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    feb = {"Khuổi Hin": [K1], "Nà Mòn": [N1], "Đồng Kè": [C1]}
    mar = {"Nà Mòn": [N1], "Đồng Kè": [C1]}
    steps = [
        ("2024-02", feb, feb),
        ("2024-03", mar, mar),
        ("2024-04", {**mar, "Bản Cọ": [B1, B2]}, mar),
        ("2024-05", {"Khuổi Hin": [K1, B1, B2], **mar}, {"Khuổi Hin": [K1, B1, B2], **mar}),
    ]
    for period, plan, lists in steps:
        write_plan_2024(folder, plan)
        month = int(period[5:])
        summary = run_month_lists(folder, out, period, lists, date(2024, month + 1, 3))
    return out, summary


def notes(out, period: str) -> list[str]:
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Biến động"]
    return [str(row[0]) for row in sheet.iter_rows(values_only=True) if row[0]]


def test_a_hamlet_back_in_the_plan_starts_the_month_with_its_start_rows_no_list_had(tmp_path):
    """Worked by hand, May. The year's table (May's start list against May's lists): Khuổi Hin
    poor 3 to 3, the commune 5 to 5, nothing moved. The month's table: Khuổi Hin, in no plan
    of April, is compared with its February list (K1); B1 and B2, on no list ever, were last
    seen on the start list (April's under silent Bản Cọ, May's under Khuổi Hin): they start in
    Khuổi Hin's month column, not 'Phát sinh mới' of which 'Tái nghèo' 2 (they never left a
    list). Khuổi Hin poor 3 to 3; the commune 5 to 5, as the year's. Before: Khuổi Hin 1, new 2
    of which returned 2, 3; the commune 3, new 2, 5, the rows B1, B2 'Tái nghèo'."""
    out, may = run_may(tmp_path)
    hamlets = {h["hamlet"]: h for h in may["hamlets"]}
    still = lambda n: ((n, *[0] * 9, n), NONE)  # noqa: E731
    assert table(hamlets["Khuổi Hin"]["movements_month"]) == still(3)
    assert table(hamlets["Khuổi Hin"]["movements"]) == still(3)
    assert table(may["totals"]["movements_month"]) == still(5)
    assert table(may["totals"]["movements"]) == still(5)
    assert hamlets["Khuổi Hin"]["movements_month_from"] == "2024-02"
    assert listed_movements(out, "2024-05") == []


def test_a_hamlet_back_in_the_plan_is_not_the_silent_hamlet_renamed_in_the_trend(tmp_path):
    """Khuổi Hin's February point is its own list's, not Bản Cọ's (which sent nothing): no
    ``renamed_from``, no "số liệu tháng 02/2024 là của xóm Bản Cọ"; 'Biến động' says it is back
    in the plan, compared with its February list. Before: ``renamed_from`` Bản Cọ since May and
    the trend's note said February's figures were Bản Cọ's."""
    out, may = run_may(tmp_path)
    hamlets = {h["hamlet"]: h for h in may["hamlets"]}
    assert hamlets["Khuổi Hin"].get("renamed_from") is None
    assert may["new_in_plan"] == {"Khuổi Hin": {"since": "2024-05", "first_list": "2024-02"}}
    said = notes(out, "2024-05")
    assert not [n for n in said if "Bản Cọ" in n]
    # (the note goes on with B1 and B2 in its start column: session 62, C)
    assert [n for n in said if n.startswith("(*)")][0].startswith(
        "(*) So với danh sách trước đó của xóm: Khuổi Hin (tháng 2/2024) — xóm có lại trong kế "
        "hoạch từ tháng 5/2024, kế hoạch tháng 4/2024 không có xóm này."
    )
    trend = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Xu hướng"]
    texts = [str(c) for row in trend.iter_rows(values_only=True) for c in row if c]
    assert not [t for t in texts if "Bản Cọ" in t]


NM1, DK1 = person("NM1", "poor"), person("DK1", "poor")
BC1, BC2 = person("BC1", "near_poor"), person("BC2", "near_poor")
KL1, KL3, KL2 = person("KL1", "poor"), person("KL3", "poor"), person("KL2", "near_poor")


def test_a_year_move_in_from_a_hamlet_silent_now_is_said_under_the_year_table(tmp_path):
    """Item 2 (`tests/test_session61_c_silent_start_year.py`'s shape). June's revised plan:
    Đồng Kè (NM1, DK1), Lăn Hạ (BC1, BC2, KL1, KL3, KL2); Đồng Kè alone sends (NM1, DK1, KL2).
    Its year table counts KL2 moved in from Lăn Hạ (near-poor 0, 1 in, 1), Lăn Hạ silent, no
    table: the commune's year 'Chuyển đến' 1 against 'Chuyển sang' 0. The note the month table
    has for this case is said under the year table too, naming Lăn Hạ, once (May's list had KL2
    in Đồng Kè already: the month table moves nothing in). Before: no note."""
    _, out, june = merged_june(tmp_path)
    near = table(june["totals"]["movements"])[1]
    assert (near[4], near[8]) == (0, 1)  # 'Chuyển sang' 0, 'Chuyển đến' 1
    said = [n for n in notes(out, "2024-06") if n.startswith("Hộ chuyển đến từ xóm")]
    assert said == [
        "Hộ chuyển đến từ xóm Lăn Hạ được tính ở cột 'Chuyển đến từ xóm khác' nhưng không có ở "
        "cột 'Chuyển sang xóm khác': xóm không có bảng tháng này (chưa nộp hoặc bị từ chối), nên "
        "hai cột này của dòng Tổng cộng có thể khác nhau. Tháng xóm nộp lại, bảng của xóm sẽ "
        "tính hộ chuyển đi."
    ]


A1, D1 = person("A1", "poor"), person("D1", "near_poor")


def dropped_then(tmp_path, april: dict, may_lists: dict) -> tuple:
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan_2024(folder, april)
    run_month_lists(folder, out, "2024-04", april, date(2024, 5, 3))
    write_plan_2024(folder, {"Đồng Kè": [C1, D1]})
    return out, run_month_lists(folder, out, "2024-05", may_lists, date(2024, 6, 3))


def test_a_dropped_hamlets_households_on_no_list_now_are_said_under_the_month_table(tmp_path):
    """Item 3. April: Nà Mòn A1 poor; Đồng Kè C1 poor, D1 near-poor; April's month end poor 2.
    May's plan keeps Đồng Kè alone (C1, D1), its list the same: A1 on no list, Nà Mòn no
    hamlet's (no name new in the plan it may have become). The figures stay (no table can tell
    A1: Nà Mòn has none): the commune's month poor 1 to 1, near-poor 1 to 1. The summary's
    ``month_dropped`` names Nà Mòn's A1, and a note under the month table says so, once.
    Before: no key, no note; the commune's 1 where April ended at 2 unexplained."""
    april = {"Nà Mòn": [A1], "Đồng Kè": [C1, D1]}
    out, may = dropped_then(tmp_path, april, {"Đồng Kè": [C1, D1]})
    one = ((1, *[0] * 9, 1), (1, *[0] * 9, 1))
    assert table(may["totals"]["movements_month"]) == one
    assert may["month_dropped"] == {"Nà Mòn": ["A1"]}
    said = [n for n in notes(out, "2024-05") if n.startswith("Xóm Nà Mòn không còn")]
    assert said == [
        "Xóm Nà Mòn không còn trong kế hoạch: 1 hộ trong danh sách tháng 4/2024 của xóm không "
        "có trong danh sách nào tháng này (mã hộ A1), nên không được tính ở bảng nào; cột 1 và "
        "12 của dòng Tổng cộng không gồm các hộ này. Hãy xác nhận các hộ này đã thoát, chuyển "
        "đi hay ghi sót."
    ]


def test_a_dropped_hamlets_household_on_another_list_now_is_no_dropped_one(tmp_path):
    """Guard (passes before too, but for the key): A1 on Đồng Kè's May list is moved in from
    Nà Mòn there (told): ``month_dropped`` empty, no note."""
    april = {"Nà Mòn": [A1], "Đồng Kè": [C1, D1]}
    out, may = dropped_then(tmp_path, april, {"Đồng Kè": [A1, C1, D1]})
    assert may["month_dropped"] == {}
    assert not [n for n in notes(out, "2024-05") if "không còn trong kế hoạch:" in n]
