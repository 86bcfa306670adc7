"""Session 66 (RD, the review of D's "a household that left a hamlet silent since the start
list is moved out of it once; a hamlet new in the plan was never silent"): D's **Left** built.
A hamlet new in the plan (``bases.month_paired``, skipped by D's rule) whose start rows hold a
household another hamlet's list counted earlier in the year and left off before last month
(that hamlet's table told the exit then), on no list of last month (docs/decisions.md,
"Session 66: review of D's moved-on rule for a hamlet silent since the start list (RD)").

February's plan (100 households a hamlet): Nà Mòn A1, B1 poor; Đồng Kè C1 poor, D1 near-poor.
February's lists: Nà Mòn A1, B1 and E1 (poor, new), Đồng Kè C1, D1. March and April: Nà Mòn A1,
B1 (E1 left off in March: Nà Mòn's March month table exited 1), Đồng Kè C1, D1. May's revised
plan adds Khuổi Hin, its start rows K1 and E1 (poor); May's lists Nà Mòn A1, B1, Đồng Kè C1, D1
and Khuổi Hin as each test says."""

from __future__ import annotations

from datetime import date

from tests.commune import person
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session59_h2_renamed_then_merged_into import run_month_lists, write_plan_2024

A1, B1, E1, K1 = (person(code, "poor") for code in ("A1", "B1", "E1", "K1"))
C1, D1 = person("C1", "poor"), person("D1", "near_poor")
E1_YEAR = ("Khuổi Hin", "E1", "Không còn trong danh sách từ tháng 3/2024 (không ghi 'Thoát')",
           "Từ đầu năm")  # fmt: skip


def _poor(table: dict) -> dict:
    return {k: v for k, v in table["poor"].items() if v}


def _may(tmp_path, khuoi_hin: list[dict]) -> tuple[dict, dict, object]:
    """The months above; returns May's hamlets by name, May's JSON and the output folder."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan_2024(folder, {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1]})
    run_month_lists(folder, out, "2024-02", {"Nà Mòn": [A1, B1, E1], "Đồng Kè": [C1, D1]},
                    date(2024, 3, 4))  # fmt: skip
    march = run_month_lists(folder, out, "2024-03", {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1]},
                            date(2024, 4, 3))  # fmt: skip
    assert _poor(march["hamlets"][0]["movements_month"]) == {"start": 3, "exited": 1, "end": 2}
    run_month_lists(folder, out, "2024-04", {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1]},
                    date(2024, 5, 3))  # fmt: skip
    write_plan_2024(folder, {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1], "Khuổi Hin": [K1, E1]})
    may = run_month_lists(folder, out, "2024-05",
                          {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1], "Khuổi Hin": khuoi_hin},
                          date(2024, 6, 3))  # fmt: skip
    assert may["month_paired"] == ["Khuổi Hin"]
    return {h["hamlet"]: h for h in may["hamlets"]}, may, out


def test_a_start_row_of_a_new_hamlet_that_left_the_lists_elsewhere_is_not_gone_twice(tmp_path):
    """Khuổi Hin's May list K1 alone. By hand: E1 left the lists in March (Nà Mòn's table told
    it, once); April's lists end poor 3 (A1, B1, C1). Khuổi Hin's May month table starts with
    K1 alone (a start row on no list of the year starts there, session 58 H; one a list of the
    year had, on no list since, left the lists there, as a hamlet back in the plan's, session
    63 E): poor 1 to 1; the commune's May month 2 + 1 + 1 = 4 to 4, no exit. The year's table
    (May's start list) counts E1 exited once: Khuổi Hin 2, exited 1, 1, its row "Không còn trong
    danh sách từ tháng 3/2024". Before: Khuổi Hin's May month 2, exited 1 (E1 asked again,
    "Không còn trong danh sách (đề nghị xác nhận)"), the commune's months March to May exited 2
    for one household."""
    by_name, may, out = _may(tmp_path, [K1])
    assert _poor(by_name["Khuổi Hin"]["movements_month"]) == {"start": 1, "end": 1}
    assert _poor(by_name["Khuổi Hin"]["movements"]) == {"start": 2, "exited": 1, "end": 1}
    assert _poor(may["totals"]["movements_month"]) == {"start": 4, "end": 4}
    assert _poor(may["totals"]["movements"]) == {"start": 5, "exited": 1, "end": 4}
    assert listed_movements(out, "2024-05") == [E1_YEAR]


def test_one_its_list_writes_thoat_is_not_exited_a_second_time(tmp_path):
    """Khuổi Hin's May list K1 and E1 written 'thoát' (lower case). By hand, as above: E1 left
    the lists in March; the 'Thoát' row tells again what Nà Mòn's March table told (as E2's
    rule reads such a row, session 65): Khuổi Hin's May month 1 to 1, the commune's 4 to 4; the
    year's Khuổi Hin 2, exited 1 ('Thoát nghèo'), 1. Before: its May month 2, exited 1."""
    by_name, may, out = _may(tmp_path, [K1, person("E1", "thoát")])
    assert _poor(by_name["Khuổi Hin"]["movements_month"]) == {"start": 1, "end": 1}
    assert _poor(by_name["Khuổi Hin"]["movements"]) == {"start": 2, "exited": 1, "end": 1}
    assert _poor(may["totals"]["movements_month"]) == {"start": 4, "end": 4}
    assert listed_movements(out, "2024-05") == [("Khuổi Hin", "E1", "Thoát nghèo", "Từ đầu năm")]


def test_one_its_list_writes_again_is_back_there(tmp_path):
    """Khuổi Hin's May list K1 and E1 poor. Session 66 pinned here what its fix left (its
    **Left**: 2 to 2, the commune 5 to 5, though April's lists ended at 3); session 67 (A)
    changed it, by session 55's rule and CONTRACT §4.3 (docs/decisions.md, "Session 67: a
    household out of the lists at the month's start, listed again in a hamlet new in the plan,
    is back there, not at its start (A)"): E1 was on no list at the end of April, so not at the
    start of Khuổi Hin's May month; listed now, it had exited (March, Nà Mòn's table): new,
    returned. Khuổi Hin's May month 1, new 1, returned 1, 2; the commune's 4, new 1, returned
    1, 5; the year's table (May's start list) moves nothing."""
    by_name, may, out = _may(tmp_path, [K1, dict(E1)])
    assert _poor(by_name["Khuổi Hin"]["movements_month"]) == {
        "start": 1,
        "new": 1,
        "returned": 1,
        "end": 2,
    }
    assert _poor(by_name["Khuổi Hin"]["movements"]) == {"start": 2, "end": 2}
    assert _poor(may["totals"]["movements_month"]) == {
        "start": 4,
        "new": 1,
        "returned": 1,
        "end": 5,
    }
    assert listed_movements(out, "2024-05") == [
        ("Khuổi Hin", "E1", "Tái nghèo", "So với danh sách đầu năm")
    ]
