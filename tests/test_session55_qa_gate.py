"""Session 55 (helper C): the QA gate's seeds 1277, 1447 and 1288, shrunk to the small commune
and worked by hand. Each differed for the oracle's sake (tests/test_session38_oracle.py): the
pipeline was right, and each test runs the pipeline and the oracle on the same months.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1-BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150), on the
plan's start list."""

from __future__ import annotations

import pytest

from tests.commune import HAMLETS, new_commune, person, start_list
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, oracle, run_lists

EVERY = {"Nà Mòn", "Bản Cọ", "Đồng Kè"}
KEYS = ("start", "moved_in", "recounted", "new", "returned", "moved_out", "end")


def small_scenario(months: list[tuple[str, dict, dict]]) -> dict:
    """The small commune as the oracle's scenario: ``months`` [(period, {code: (hamlet, label)},
    extra)], every hamlet sending a list (``extra``: the oracle's ``errors``, ``dups``,
    ``refused``, ``across`` of that month, the rest empty)."""

    def cls(row):
        return "poor" if row["phan_loai"] == "Hộ nghèo" else "near_poor"

    start = {r["ma_ho"]: (r["hamlet"], cls(r), ()) for r in start_list()}
    totals = {h: n for h, (n, *_) in HAMLETS.items()}
    return {
        "hamlets": {h: (n, pt, ct) for h, (n, _, _, pt, ct) in HAMLETS.items()},
        "targets": (1.52, 1.01),
        "start": start,
        "renamed": {},
        "months": [
            (p, totals, {c: (h, lab, ()) for c, (h, lab) in rows.items()}, set(EVERY))
            for p, rows, _ in months
        ],
        "extras": [{"errors": {}, "dups": [], "refused": set()} | extra for _, _, extra in months],
    }


def figures(table: dict) -> tuple:
    return tuple(table[k] for k in KEYS)


NM = {f"NM{i}": ("Nà Mòn", "poor" if i < 4 else "near_poor") for i in range(1, 6)}
BC = {"BC1": ("Bản Cọ", "poor"), "BC2": ("Bản Cọ", "poor"), "BC3": ("Bản Cọ", "near_poor")}
DK = {"DK1": ("Đồng Kè", "poor"), "DK2": ("Đồng Kè", "near_poor")}


def test_held_by_name_in_its_hamlet_then_counted_by_code_in_another_is_moved_in(tmp_path):
    """Seeds 1277 and 1447. February: Bản Cọ's list writes BC1 (poor) without its Mã hộ: the row
    is left out and holds BC1 by (Bản Cọ, head's name, birth year); Nà Mòn sends nothing. March:
    Nà Mòn's list writes BC1 near-poor under its code, Bản Cọ's leaves it off. A row without a
    code holds its household for its own hamlet alone (session 9: "here by code or by name, or
    in another hamlet by code"): Nà Mòn, set beside its start list, finds BC1 by its code last
    on Bản Cọ's start list: moved in, not counted again. Nà Mòn's March month table, near-poor:
    start 2 (NM4, NM5), moved in 1, end 3. Bản Cọ's, set beside February's list (BC2 poor, BC3
    near-poor; BC1 held, not on it): poor 1 to 1, nothing moves. The oracle read the February
    row as BC1's in Bản Cọ for Nà Mòn too (session 54 put held codes back on its records):
    recounted 1, moved in 0."""
    folder, out = new_commune(tmp_path)
    held = dict(person("BC1", "poor"), ma_ho=None)
    run_lists(folder, out, "2024-02",
              {"Bản Cọ": [held, *bc_rows()[1:]], "Đồng Kè": [person("DK1", "poor"),
                                                               person("DK2", "near_poor")]})  # fmt: skip
    by_name = run_lists(folder, out, "2024-03",
                        {"Nà Mòn": na_mon_rows(person("BC1", "near_poor")), "Bản Cọ": bc_rows()[1:],
                         "Đồng Kè": [person("DK1", "poor"), person("DK2", "near_poor")]})  # fmt: skip
    sc = small_scenario([
        ("2024-02", {**BC, **DK}, {"errors": {"BC1": "noid"}}),
        ("2024-03", {**NM, **DK, "BC1": ("Nà Mòn", "near_poor"), "BC2": BC["BC2"],
                     "BC3": BC["BC3"]}, {}),
    ])  # fmt: skip
    sc["months"][0][3].discard("Nà Mòn")
    want = oracle(sc, 1)["hamlets"]
    na_mon = (2, 1, 0, 0, 0, 0, 3)
    assert figures(by_name["Nà Mòn"]["movements_month"]["near_poor"]) == na_mon
    assert figures(want["Nà Mòn"]["movements_month"]["near_poor"]) == na_mon
    ban_co = (1, 0, 0, 0, 0, 0, 1)
    assert figures(by_name["Bản Cọ"]["movements_month"]["poor"]) == ban_co
    assert figures(want["Bản Cọ"]["movements_month"]["poor"]) == ban_co


@pytest.mark.parametrize("held", ["counted", "error", "twin"])
def test_left_off_the_list_that_held_it_and_back_there_is_returned(tmp_path, held):
    """Seed 1288. DK2 (near-poor, Đồng Kè's start list) is on Nà Mòn's February list: counted
    ('counted'), in a row left out for 0 members ('error'), or Nà Mòn writing another household
    'Lò Thị Trùng' under DK2 and DK1 while Đồng Kè's list [DK1, DK2] is refused 'across' (its
    every row left out, the twins holding the codes in Nà Mòn: 'twin', the seed's shape).
    Đồng Kè's list is refused in February (but 'twin''s) and March; Nà Mòn's March list leaves
    DK2 off: it left the lists (Nà Mòn's March month table: exited, or not counted then
    gone). April: Đồng Kè's list [DK1] is counted, Nà Mòn's lists DK2 near-poor again. Nà
    Mòn's April month table (beside its March list): DK2 left in March and is back: new 1,
    returned 1 (tái cận nghèo), not moved in from Đồng Kè's start list, Đồng Kè's latest list
    (the month's earliest baseline), as the lists since that baseline read it (session 38's
    `listed_last`; seed 1094's 'Thoát' row alike). Đồng Kè's April table, beside its start
    list: DK2 is listed in Nà Mòn now: moved out 1. The oracle read 'Thoát' rows alone as a
    leaving since the earliest baseline: moved in 1. Since session 62 (B, its twin holding not
    the household; B2 at the test): 'twin''s February rows are other households' (another head,
    another ID number), so DK2 never joined Nà Mòn's list before April: Nà Mòn's April month
    table moves it in 1 from Đồng Kè's start list, as Đồng Kè's moves it out."""
    folder, out = new_commune(tmp_path)
    dk_refused = [person("DK1", "poor"), person("DK2", "near_poor")]
    feb = {"errors": {}, "refused": {"Đồng Kè"}}
    feb_rows = {**NM, **BC, "DK2": ("Nà Mòn", "near_poor")}
    if held == "twin":
        twins = [dict(person(c, cls), chu_ho=f"Lò Thị Trùng {c}", nam_sinh=1981,
                      so_dinh_danh=f"01234567{n}876") for n, (c, cls) in
                 enumerate((("DK1", "poor"), ("DK2", "near_poor")))]  # fmt: skip
        run_lists(folder, out, "2024-02",
                  {"Nà Mòn": na_mon_rows(*twins), "Bản Cọ": bc_rows(), "Đồng Kè": dk_refused})  # fmt: skip
        feb = dict(feb, dups=[("Nà Mòn", "DK1", "poor"), ("Nà Mòn", "DK2", "near_poor")],
                   across="Đồng Kè")  # fmt: skip
        feb_rows = {**NM, **BC, **DK}
    else:
        dk2 = person("DK2", "near_poor", **({"nhan_khau": 0} if held == "error" else {}))
        run_lists(folder, out, "2024-02",
                  {"Nà Mòn": na_mon_rows(dk2), "Bản Cọ": bc_rows(), "Đồng Kè": dk_refused},
                  refused=("Đồng Kè",))  # fmt: skip
        feb["errors"] = {"DK2": "size0"} if held == "error" else {}
    run_lists(folder, out, "2024-03",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_refused},
              refused=("Đồng Kè",))  # fmt: skip
    by_name = run_lists(folder, out, "2024-04",
                        {"Nà Mòn": na_mon_rows(person("DK2", "near_poor")), "Bản Cọ": bc_rows(),
                         "Đồng Kè": [person("DK1", "poor")]})  # fmt: skip
    sc = small_scenario([
        ("2024-02", feb_rows, feb),
        ("2024-03", {**NM, **BC, **DK}, {"refused": {"Đồng Kè"}}),
        ("2024-04", {**NM, **BC, "DK1": DK["DK1"], "DK2": ("Nà Mòn", "near_poor")}, {}),
    ])  # fmt: skip
    want = oracle(sc, 2)["hamlets"]
    # 'twin' since session 62 (B): the twin's row is another household's, DK2 was never on Nà
    # Mòn's list: moved in from Đồng Kè's start list (paired with Đồng Kè's moved out)
    na_mon = (2, 1, 0, 0, 0, 0, 3) if held == "twin" else (2, 0, 0, 1, 1, 0, 3)
    assert figures(by_name["Nà Mòn"]["movements_month"]["near_poor"]) == na_mon
    assert figures(want["Nà Mòn"]["movements_month"]["near_poor"]) == na_mon
    dong_ke = (1, 0, 0, 0, 0, 1, 0)
    assert figures(by_name["Đồng Kè"]["movements_month"]["near_poor"]) == dong_ke
    assert figures(want["Đồng Kè"]["movements_month"]["near_poor"]) == dong_ke
    # the year's tables: DK2 moved from Đồng Kè's start list to Nà Mòn's list
    assert by_name["Nà Mòn"]["movements"]["near_poor"]["moved_in"] == 1
    assert want["Nà Mòn"]["movements"]["near_poor"]["moved_in"] == 1


@pytest.mark.parametrize("april", ["counted", "refused"])
def test_marked_thoat_then_back_after_its_new_hamlets_refused_month_is_returned(tmp_path, april):
    """Seed 1572 (the fresh seeds). NM3 (poor, Nà Mòn's start list; Nà Mòn's lists refused
    from February to April) is written 'Thoát' on Bản Cọ's February list, is on no list in
    March, and Bản Cọ lists it near-poor in May. It left the lists in February and is back:
    Bản Cọ's May month table near-poor start 1 (BC3), new 1, returned 1 (tái cận nghèo), moved
    in 0, end 2, as seed 1094 has it ('counted': Bản Cọ's April list counted, its May table
    beside April's). 'refused': Bản Cọ's April list refused too, so its May table is set beside
    March's list: the pipeline read the households' listings since March alone, not February's
    'Thoát', so NM3 came from Nà Mòn's start list, the month's earliest baseline: moved in 1,
    new 0 (a refused April turned a return into a move). Nà Mòn's May table, beside its start
    list: poor 3, moved out 1 (NM3 listed in Bản Cọ now), end 2, either way."""
    folder, out = new_commune(tmp_path)
    na_mon = [p for p in na_mon_rows() if p["ma_ho"] != "NM3"]
    lists = {"Nà Mòn": na_mon, "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()}
    run_lists(folder, out, "2024-02", dict(lists, **{"Bản Cọ": [*bc_rows(), person("NM3", "exited")]}),
              refused=("Nà Mòn",))  # fmt: skip
    run_lists(folder, out, "2024-03", lists, refused=("Nà Mòn",))
    run_lists(folder, out, "2024-04", lists,
              refused=("Nà Mòn", "Bản Cọ") if april == "refused" else ("Nà Mòn",))  # fmt: skip
    by_name = run_lists(folder, out, "2024-05",
                        dict(lists, **{"Bản Cọ": [*bc_rows(), person("NM3", "near_poor")]}))  # fmt: skip
    nm = {c: v for c, v in NM.items() if c != "NM3"}
    feb = {**NM, **BC, **DK, "NM3": ("Bản Cọ", "exited")}
    sc = small_scenario([
        ("2024-02", feb, {"refused": {"Nà Mòn"}}),
        ("2024-03", {**nm, **BC, **DK}, {"refused": {"Nà Mòn"}}),
        ("2024-04", {**nm, **BC, **DK},
         {"refused": {"Nà Mòn", "Bản Cọ"} if april == "refused" else {"Nà Mòn"}}),
        ("2024-05", {**nm, **BC, **DK, "NM3": ("Bản Cọ", "near_poor")}, {}),
    ])  # fmt: skip
    want = oracle(sc, 3)["hamlets"]
    ban_co = (1, 0, 0, 1, 1, 0, 2)
    assert figures(by_name["Bản Cọ"]["movements_month"]["near_poor"]) == ban_co
    assert figures(want["Bản Cọ"]["movements_month"]["near_poor"]) == ban_co
    na_mon_poor = (3, 0, 0, 0, 0, 1, 2)
    assert figures(by_name["Nà Mòn"]["movements_month"]["poor"]) == na_mon_poor
    assert figures(want["Nà Mòn"]["movements_month"]["poor"]) == na_mon_poor
