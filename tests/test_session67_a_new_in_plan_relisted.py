"""Session 67 (A): session 66 RD's **Left** built. A hamlet new in the plan (its start column as
of last month's lists, ``bases.month_paired``) whose start rows hold a household a list of the
year counted and left off before last month, listed again now: out of the lists at the
month's start, it is back (tái nghèo) in the month table, not a household at its start
(docs/decisions.md, "Session 67: a household out of the lists at the month's start, listed
again in a hamlet new in the plan, is back there, not at its start (A)").

February's plan (100 households a hamlet): Nà Mòn A1, B1 poor; Đồng Kè C1 poor, D1 near-poor.
February's lists: Nà Mòn A1, B1 and E1 (poor, new), Đồng Kè C1, D1. March and April: Nà Mòn A1,
B1 (E1 left off in March: Nà Mòn's March month table exited 1), Đồng Kè C1, D1; April's lists
end poor 3. May's revised plan adds Khuổi Hin, its start rows K1 and E1 (poor); K1 on no list
of the year starts there (session 58 H): the commune's May month starts at 3 + 1 = 4. E1 is
relisted in May as a head writes it: 'hộ nghèo' in lower case, its size as text."""

from __future__ import annotations

from datetime import date

from tests.commune import person
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session59_h2_renamed_then_merged_into import run_month_lists, write_plan_2024

A1, B1, E1, F1, G1, K1 = (person(code, "poor") for code in ("A1", "B1", "E1", "F1", "G1", "K1"))
C1, D1 = person("C1", "poor"), person("D1", "near_poor")
E1_AGAIN = {**person("E1", "hộ nghèo"), "nhan_khau": "4"}
BACK = ("Khuổi Hin", "E1", "Tái nghèo", "So với danh sách đầu năm")


def _poor(table: dict) -> dict:
    return {k: v for k, v in table["poor"].items() if v}


def _tables(summary: dict) -> dict:
    """hamlet (and 'xã') -> (its month table, its year table), poor columns not zero."""
    tables = {h["hamlet"]: (_poor(h["movements_month"]), _poor(h["movements"]))
              for h in summary["hamlets"]}  # fmt: skip
    totals = summary["totals"]
    return {**tables, "xã": (_poor(totals["movements_month"]), _poor(totals["movements"]))}


def _months(tmp_path, nam_mon: list[dict], may_plan: dict, may_lists: dict) -> tuple:
    """February to April as above (Nà Mòn's start list ``nam_mon``, its lists ``nam_mon`` and
    E1 in February, ``nam_mon`` since), May's plan ``may_plan`` and lists ``may_lists``.
    Returns the folders and May's JSON."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan_2024(folder, {"Nà Mòn": nam_mon, "Đồng Kè": [C1, D1]})
    run_month_lists(folder, out, "2024-02", {"Nà Mòn": [*nam_mon, E1], "Đồng Kè": [C1, D1]},
                    date(2024, 3, 4))  # fmt: skip
    for period, prepared in (("2024-03", date(2024, 4, 3)), ("2024-04", date(2024, 5, 3))):
        run_month_lists(folder, out, period, {"Nà Mòn": nam_mon, "Đồng Kè": [C1, D1]}, prepared)
    write_plan_2024(folder, may_plan)
    return folder, out, run_month_lists(folder, out, "2024-05", may_lists, date(2024, 6, 3))


def test_listed_again_in_the_new_hamlet_is_back_there_in_may(tmp_path):
    """Khuổi Hin's May list K1 and E1. By hand: Khuổi Hin's May month starts with K1 alone (E1
    was on no list at the end of April), E1 new, returned (it exited in March, Nà Mòn's table
    told it: CONTRACT §4.3, session 55): 1 + 1 = 2; the commune's May month 4, new 1, returned
    1, 5. The year's tables (May's start list) move nothing: Khuổi Hin 2 to 2 (E1 a start row
    listed now), the commune 5 to 5. Over the months E1 is new (February), exited (March),
    returned (May): once each. Before: Khuổi Hin's May month 2 to 2 and the commune's 5 to 5,
    a start 2 above April's end + K1."""
    _, out, may = _months(
        tmp_path,
        [A1, B1],
        {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1], "Khuổi Hin": [K1, E1]},
        {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1], "Khuổi Hin": [K1, E1_AGAIN]},
    )
    assert may["month_paired"] == ["Khuổi Hin"]
    assert _tables(may) == {
        "Nà Mòn": ({"start": 2, "end": 2}, {"start": 2, "end": 2}),
        "Đồng Kè": ({"start": 1, "end": 1}, {"start": 1, "end": 1}),
        "Khuổi Hin": ({"start": 1, "new": 1, "returned": 1, "end": 2}, {"start": 2, "end": 2}),
        "xã": ({"start": 4, "new": 1, "returned": 1, "end": 5}, {"start": 5, "end": 5}),
    }
    assert listed_movements(out, "2024-05") == [BACK]


def test_listed_again_in_its_old_hamlet_moves_nothing_out_of_the_new_one_in_may(tmp_path):
    """Nà Mòn's May list relists E1; Khuổi Hin's lists K1 alone. By hand: Nà Mòn's May month 2,
    new 1, returned 1, 3 (as before); Khuổi Hin's month starts with K1 alone, 1 to 1; the
    commune's 4, new 1, returned 1, 5. The year's tables, beside May's start list (E1 a start
    row of Khuổi Hin, listed in Nà Mòn now): Khuổi Hin 2, moved out 1, 1; Nà Mòn 2, moved in 1,
    3; the commune 5, out 1, in 1, 5 (as before). Before: Khuổi Hin's May month 2, moved out 1
    (to Nà Mòn, whose month table says returned: a move out no table moves in), the
    commune's 5, out 1, new 1, returned 1, 5."""
    _, out, may = _months(
        tmp_path,
        [A1, B1],
        {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1], "Khuổi Hin": [K1, E1]},
        {"Nà Mòn": [A1, B1, E1_AGAIN], "Đồng Kè": [C1, D1], "Khuổi Hin": [K1]},
    )
    assert _tables(may) == {
        "Nà Mòn": (
            {"start": 2, "new": 1, "returned": 1, "end": 3},
            {"start": 2, "moved_in": 1, "end": 3},
        ),
        "Đồng Kè": ({"start": 1, "end": 1}, {"start": 1, "end": 1}),
        "Khuổi Hin": ({"start": 1, "end": 1}, {"start": 2, "moved_out": 1, "end": 1}),
        "xã": (
            {"start": 4, "new": 1, "returned": 1, "end": 5},
            {"start": 5, "moved_out": 1, "moved_in": 1, "end": 5},
        ),
    }
    assert listed_movements(out, "2024-05") == [
        ("Nà Mòn", "E1", "Chuyển đến từ Khuổi Hin", "Từ đầu năm"),
        ("Khuổi Hin", "E1", "Chuyển sang Nà Mòn", "Từ đầu năm"),
        ("Nà Mòn", "E1", "Tái nghèo", "So với tháng trước"),
    ]


def test_listed_again_a_month_later_is_back_in_june(tmp_path):
    """A guard (it passes before too): Khuổi Hin's May list K1 alone (RD's case: May month 1 to
    1, the year 2, exited 1, 1), its June list K1 and E1. By hand: June's month (beside May's
    list) 1, new 1, returned 1, 2; the year's 2 to 2; the commune's June month 4, new 1,
    returned 1, 5: as in May above, a month later."""
    folder, out, may = _months(
        tmp_path,
        [A1, B1],
        {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1], "Khuổi Hin": [K1, E1]},
        {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1], "Khuổi Hin": [K1]},
    )
    assert _tables(may)["Khuổi Hin"] == (
        {"start": 1, "end": 1},
        {"start": 2, "exited": 1, "end": 1},
    )
    june = run_month_lists(folder, out, "2024-06",
                           {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1], "Khuổi Hin": [K1, E1_AGAIN]},
                           date(2024, 7, 3))  # fmt: skip
    tables = _tables(june)
    assert tables["Khuổi Hin"] == ({"start": 1, "new": 1, "returned": 1, "end": 2},
                                   {"start": 2, "end": 2})  # fmt: skip
    assert tables["xã"] == ({"start": 4, "new": 1, "returned": 1, "end": 5}, {"start": 5, "end": 5})
    assert listed_movements(out, "2024-06") == [
        ("Khuổi Hin", "E1", "Tái nghèo", "So với tháng trước")
    ]


# the maybe path (session 60, R2): May's plan drops Nà Mòn and adds Khuổi Hin, A1 (of Nà Mòn's
# four April households the only one found now, under Khuổi Hin: maybe its name then), K1, E1
MAYBE_PLAN = {"Đồng Kè": [C1, D1], "Khuổi Hin": [A1, K1, E1]}
GONE = "Không còn trong danh sách (đề nghị xác nhận)"
TOLD_GONE = [("Khuổi Hin", code, GONE, "So với tháng trước") for code in ("B1", "F1", "G1")]


def test_a_new_hamlet_maybe_renamed_starts_without_one_out_of_the_lists_listed_again(tmp_path):
    """Nà Mòn A1, B1, F1, G1 (E1 on its February list alone); Khuổi Hin's May list A1, K1, E1.
    By hand: Khuổi Hin's May month starts with A1 (Nà Mòn's April list, maybe its name then),
    K1 (on no list of the year), B1, F1, G1 (Nà Mòn's April households on no list now, told
    gone: session 61 C): 5; gone 3; E1 new, returned 1; 3. The commune's: April's end 5 + K1 =
    6, exited 3, new 1, returned 1, 4. The year's (May's start list A1, K1, E1) 3 to 3, the
    commune's 4 to 4. Before: Khuổi Hin's May month 6, exited 3, 3 (E1 at its start), the
    commune's 7."""
    _, out, may = _months(tmp_path, [A1, B1, F1, G1], MAYBE_PLAN,
                          {"Đồng Kè": [C1, D1], "Khuổi Hin": [A1, K1, E1_AGAIN]})  # fmt: skip
    assert may["month_paired"] == ["Khuổi Hin"]
    assert [h.get("renamed_from") for h in may["hamlets"]] == [None, None]
    assert _tables(may) == {
        "Đồng Kè": ({"start": 1, "end": 1}, {"start": 1, "end": 1}),
        "Khuổi Hin": (
            {"start": 5, "exited": 3, "new": 1, "returned": 1, "end": 3},
            {"start": 3, "end": 3},
        ),
        "xã": (
            {"start": 6, "exited": 3, "new": 1, "returned": 1, "end": 4},
            {"start": 4, "end": 4},
        ),
    }
    assert listed_movements(out, "2024-05") == [*TOLD_GONE, BACK]


def test_a_new_hamlet_maybe_renamed_does_not_exit_again_one_out_of_the_lists(tmp_path):
    """As above, Khuổi Hin's May list A1, K1 (E1 on no list now: session 66 RD's Left for the
    maybe path). By hand: Khuổi Hin's May month 5, exited 3 (B1, F1, G1), 2; the commune's 6,
    exited 3, 3; the year's Khuổi Hin 3, exited 1 (E1, "since March"), 2, the commune's 4,
    exited 1, 3. Before: the month 6, exited 4 (E1 asked again: exited in March and May)."""
    _, out, may = _months(tmp_path, [A1, B1, F1, G1], MAYBE_PLAN,
                          {"Đồng Kè": [C1, D1], "Khuổi Hin": [A1, K1]})  # fmt: skip
    assert _tables(may) == {
        "Đồng Kè": ({"start": 1, "end": 1}, {"start": 1, "end": 1}),
        "Khuổi Hin": ({"start": 5, "exited": 3, "end": 2}, {"start": 3, "exited": 1, "end": 2}),
        "xã": ({"start": 6, "exited": 3, "end": 3}, {"start": 4, "exited": 1, "end": 3}),
    }
    assert listed_movements(out, "2024-05") == [
        ("Khuổi Hin", "E1", "Không còn trong danh sách từ tháng 3/2024 (không ghi 'Thoát')",
         "Từ đầu năm"),
        *TOLD_GONE,
    ]  # fmt: skip


def test_listed_again_in_a_hamlet_back_in_the_plan_is_back_there(tmp_path):
    """A hamlet dropped from the plan and added again (session 58 H2): February's plan and
    lists add Bản Cọ BC1 (E1 on Nà Mòn's February list); March's and April's plans lack Bản Cọ;
    May's adds it back, its start rows BC1 and E1, its May list BC1 and E1. By hand: Bản Cọ's
    May month (beside its February list, as of April's lists) starts with BC1, E1 new,
    returned (it left Nà Mòn's list in March; Bản Cọ, in no plan then, held nothing): 1, new
    1, returned 1, 2; the commune's 4, new 1, returned 1, 5; the year's Bản Cọ 2 to 2. Before:
    Bản Cọ's month 1, moved in 1 (from Nà Mòn, whose table moves nothing out), the commune's
    4, moved in 1, 5."""
    bc1 = person("BC1", "poor")
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan_2024(folder, {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1], "Bản Cọ": [bc1]})
    run_month_lists(folder, out, "2024-02",
                    {"Nà Mòn": [A1, B1, E1], "Đồng Kè": [C1, D1], "Bản Cọ": [bc1]},
                    date(2024, 3, 4))  # fmt: skip
    write_plan_2024(folder, {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1]})
    for period, prepared in (("2024-03", date(2024, 4, 3)), ("2024-04", date(2024, 5, 3))):
        run_month_lists(folder, out, period, {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1]}, prepared)
    write_plan_2024(folder, {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1], "Bản Cọ": [bc1, E1]})
    may = run_month_lists(folder, out, "2024-05",
                          {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1], "Bản Cọ": [bc1, E1_AGAIN]},
                          date(2024, 6, 3))  # fmt: skip
    assert may["month_paired"] == ["Bản Cọ"]
    tables = _tables(may)
    assert tables["Bản Cọ"] == ({"start": 1, "new": 1, "returned": 1, "end": 2},
                                {"start": 2, "end": 2})  # fmt: skip
    assert tables["xã"] == ({"start": 4, "new": 1, "returned": 1, "end": 5}, {"start": 5, "end": 5})
    assert listed_movements(out, "2024-05") == [
        ("Bản Cọ", "E1", "Tái nghèo", "So với tháng 2/2024")
    ]
