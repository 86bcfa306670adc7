"""Session 55 (helper N): a household that left the lists from another hamlet's list and is
listed again in a third is back (tái nghèo), as where the list that left it off was the
arriving hamlet's own, or wrote it 'Thoát' (docs/decisions.md, "Session 55: a household left
off another hamlet's list and listed in a third is back, not moved in").

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1-BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import bc_rows, na_mon_rows, oracle, run_lists
from tests.test_session55_qa_gate import BC, DK, NM, small_scenario


def movement_rows(result, ma_ho: str) -> list[tuple]:
    """(scope, hamlet, movement, other hamlet) of the movement details' rows of code ``ma_ho``."""
    details = result.movement_details
    return sorted(
        (scope, hamlet, move, other if isinstance(other, str) else "")
        for scope, hamlet, code, move, other in zip(
            details["scope"],
            details["hamlet"],
            details["ma_ho"],
            details["movement"],
            details["other_hamlet"],
            strict=True,
        )
        if code == ma_ho
    )


KEYS = ("start", "moved_in", "recounted", "new", "returned", "moved_out", "exited", "end")


def figures(table: dict) -> tuple:
    return tuple(table[k] for k in KEYS)


@pytest.mark.parametrize("left", ["dropped", "own", "thoat"])
def test_left_off_another_hamlets_list_and_listed_in_a_third_is_back(tmp_path, left):
    """DK2 (near-poor, Đồng Kè's start list; Đồng Kè's lists refused in February and March) is
    counted in February on Bản Cọ's list ('dropped', 'thoat') or Nà Mòn's ('own'). In March
    that hamlet's list leaves it off ('dropped', 'own': its March month table says exited) or
    writes it 'Thoát' ('thoat'): at the end of March DK2 is on no list. April: Đồng Kè's list
    [DK1] is counted, Nà Mòn lists DK2 near-poor.

    Worked by hand. Nà Mòn's April month table, beside its March list (NM4, NM5 near-poor):
    DK2 left the lists in March and is back: near-poor start 2, new 1, returned 1, moved in 0,
    end 3, whichever list left it off. Bản Cọ's, beside its March list (BC3): 1 to 1, nothing
    moves. Đồng Kè's, beside its start list (its latest accepted list: DK2 near-poor), DK2 is
    on Nà Mòn's list now: start 1, moved out 1, end 0. The commune's (the hamlets' sums):
    near-poor 2 + 1 + 1 = 4, moved out 1, new 1 (returned 1), end 3 + 1 + 0 = 4. The year's
    tables (the start list beside April's lists): DK2 moved from Đồng Kè to Nà Mòn, paired.
    'dropped' failed before: Nà Mòn's month table said moved in 1 from Bản Cọ, whose March
    list had left DK2 off (its March table: exited), new 0; the oracle
    (tests/test_session38_oracle.py) said so too, and now says as the pipeline. Session 66
    (D): Đồng Kè's month row names the hamlet DK2 moved to while Đồng Kè was refused, the one
    whose table told it moved in (February, the year's first month: Bản Cọ's, 'dropped' and
    'thoat'; Nà Mòn's, 'own'), as E2's rule does for a hamlet silent since an earlier list
    (session 65): before, 'Nà Mòn' in all three, whose April month table tells DK2 returned,
    not moved in (a move out of Đồng Kè to a hamlet no month table moved it into). The
    figures are unchanged."""
    folder, out = new_commune(tmp_path)
    dk_refused = [person("DK1", "poor"), person("DK2", "near_poor")]
    dk2 = person("DK2", "near_poor")
    held_by = "Nà Mòn" if left == "own" else "Bản Cọ"
    feb = {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_refused}
    feb[held_by] = [*feb[held_by], dk2]
    run_lists(folder, out, "2024-02", feb, refused=("Đồng Kè",))
    march = {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_refused}
    if left == "thoat":
        march["Bản Cọ"] = [*bc_rows(), person("DK2", "exited")]
    by_march = run_lists(folder, out, "2024-03", march, refused=("Đồng Kè",))
    if left != "thoat":  # the list that held it left it off: it left the lists in March
        exited = by_march[held_by]["movements_month"]["near_poor"]["exited"]
        assert exited == 1
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    april = {"Nà Mòn": na_mon_rows(dk2), "Bản Cọ": bc_rows(), "Đồng Kè": [person("DK1", "poor")]}
    sizes = {"Nà Mòn": 100, "Bản Cọ": 200, "Đồng Kè": 150}
    for n, (hamlet, rows) in enumerate(april.items()):
        write_roster(folder, f"DS_{n}_2024-04.xlsx", hamlet, sizes[hamlet], rows, "2024-04",
                     date(2024, 5, 3))  # fmt: skip
    result, _, _ = execute(folder, out, "2024-04")
    summary = json.loads((out / "2024-04" / "TongHop_2024-04.json").read_text("utf-8"))
    by_name = {h["hamlet"]: h for h in summary["hamlets"]}

    def month(hamlet: str) -> tuple:
        return figures(by_name[hamlet]["movements_month"]["near_poor"])

    assert month("Nà Mòn") == (2, 0, 0, 1, 1, 0, 0, 3)
    assert month("Bản Cọ") == (1, 0, 0, 0, 0, 0, 0, 1)
    assert month("Đồng Kè") == (1, 0, 0, 0, 0, 1, 0, 0)
    assert figures(summary["totals"]["movements_month"]["near_poor"]) == (4, 0, 0, 1, 1, 1, 0, 4)
    assert figures(summary["totals"]["movements"]["near_poor"]) == (4, 1, 0, 0, 0, 1, 0, 4)
    assert by_name["Nà Mòn"]["movements"]["near_poor"]["moved_in"] == 1
    assert by_name["Đồng Kè"]["movements"]["near_poor"]["moved_out"] == 1
    assert movement_rows(result, "DK2") == [
        ("month", "Nà Mòn", "returned", ""),
        ("month", "Đồng Kè", "moved_out", held_by),
        ("year", "Nà Mòn", "moved_in", "Đồng Kè"),
        ("year", "Đồng Kè", "moved_out", "Nà Mòn"),
    ]
    # the oracle, on the same months
    march_rows = {**NM, **BC, **DK}
    if left == "thoat":
        march_rows["DK2"] = ("Bản Cọ", "exited")
    sc = small_scenario([
        ("2024-02", {**NM, **BC, "DK2": (held_by, "near_poor")}, {"refused": {"Đồng Kè"}}),
        ("2024-03", march_rows, {"refused": {"Đồng Kè"}}),
        ("2024-04", {**NM, **BC, "DK1": DK["DK1"], "DK2": ("Nà Mòn", "near_poor")}, {}),
    ])  # fmt: skip
    want = oracle(sc, 2)["hamlets"]
    for hamlet in ("Nà Mòn", "Bản Cọ", "Đồng Kè"):
        assert figures(want[hamlet]["movements_month"]["near_poor"]) == month(hamlet)


def test_left_off_another_hamlets_list_while_the_third_was_silent_is_moved_in(tmp_path):
    """As 'dropped' above, but Nà Mòn sends nothing in March: its April month table is set
    beside its February list, and Bản Cọ's March list left DK2 off while Nà Mòn was silent.
    Nothing says DK2 was ever off a list (it may have been in Nà Mòn already): moved in, as
    session 11 decided ("a household that moved while its new hamlet sent nothing"). By hand:
    Nà Mòn near-poor start 2 (February's NM4, NM5), moved in 1, end 3; Đồng Kè, beside its
    start list, moved out 1; the commune's month near-poor 2 + 1 + 1 = 4, moved in 1, moved
    out 1, end 4. (The rule's first wording, any leaving before now, said new 1, returned 1:
    the oracle's CI seed 5, Đồng Kè silent while Khuôn Lăn left its household off.)"""
    folder, out = new_commune(tmp_path)
    dk_refused = [person("DK1", "poor"), person("DK2", "near_poor")]
    dk2 = person("DK2", "near_poor")
    feb = {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows(), dk2], "Đồng Kè": dk_refused}
    run_lists(folder, out, "2024-02", feb, refused=("Đồng Kè",))
    march = {"Bản Cọ": bc_rows(), "Đồng Kè": dk_refused}
    run_lists(folder, out, "2024-03", march, refused=("Đồng Kè",))
    april = {"Nà Mòn": na_mon_rows(dk2), "Bản Cọ": bc_rows(), "Đồng Kè": [person("DK1", "poor")]}
    by_name = run_lists(folder, out, "2024-04", april)
    assert by_name["Nà Mòn"]["movements_month_from"] == "2024-02"
    assert figures(by_name["Nà Mòn"]["movements_month"]["near_poor"]) == (2, 1, 0, 0, 0, 0, 0, 3)
    assert figures(by_name["Đồng Kè"]["movements_month"]["near_poor"]) == (1, 0, 0, 0, 0, 1, 0, 0)
    summary = json.loads((out / "2024-04" / "TongHop_2024-04.json").read_text("utf-8"))
    assert figures(summary["totals"]["movements_month"]["near_poor"]) == (4, 1, 0, 0, 0, 1, 0, 4)
    sc = small_scenario([
        ("2024-02", {**NM, **BC, "DK2": ("Bản Cọ", "near_poor")}, {"refused": {"Đồng Kè"}}),
        ("2024-03", {**NM, **BC, **DK}, {"refused": {"Đồng Kè"}}),
        ("2024-04", {**NM, **BC, "DK1": DK["DK1"], "DK2": ("Nà Mòn", "near_poor")}, {}),
    ])  # fmt: skip
    sc["months"][1][3].discard("Nà Mòn")
    want = oracle(sc, 2)["hamlets"]
    assert figures(want["Nà Mòn"]["movements_month"]["near_poor"]) == (2, 1, 0, 0, 0, 0, 0, 3)
