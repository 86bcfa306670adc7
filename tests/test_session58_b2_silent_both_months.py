"""Session 58 (helper B2): a hamlet the plan keeps, silent in December and January, one of its
start list households on another hamlet's January list (the QA gate's `--turn` seeds 212, 498,
1535, 1860, 2035; the Left (a) of "Session 58: a merged hamlet's household moved in January
while the hamlet it joined is silent is moved in, in the month's table too").

The commune of tests.test_session57_a_turn_silent_moved: Nà Mòn's Lò Văn An 001 poor, Lò Văn
Bình 002 near-poor, Lò Văn Cường (1953) 003 poor in November 2024; Bản Cọ's Dung 004, Em 005
poor, Phương 006 near-poor; Đồng Kè's Giang 007 poor, Hải 008 near-poor. Nà Mòn sends no list
in December 2024 nor in January 2025; the 2025 start list writes Nà Mòn's three as November did.
Bản Cọ's January list has its own three and Cường (003, poor): he moved there in January."""

from __future__ import annotations

from datetime import date

from tests.test_session54_b_renumbered_within import run_renumbered_month, write_renumbered_plans
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import AN, BINH, CUONG, MOVED, part_two, table
from tests.test_session57_a_turn_silent_moved import part_one

# the eleven columns of a table row (start, to the other list, exited, not counted, moved out,
# from the other list, new, returned, moved in, recounted, end)
STILL = {n: (n, *[0] * 9, n) for n in (1, 2, 3, 4, 5)}
MOVED_IN = (2, *[0] * 7, 1, 0, 3)  # Bản Cọ's poor: start 2, moved in 1, end 3
COMMUNE_IN = (3, *[0] * 7, 1, 0, 4)  # Bản Cọ and Đồng Kè: start 3, moved in 1, end 4
MOVED_OUT = (2, 0, 0, 0, 1, *[0] * 5, 1)  # Nà Mòn's poor: start 2, moved out 1, end 1


def silent_twice(tmp_path, cuong_to: str = "Bản Cọ") -> tuple:
    """The plans (Nà Mòn's 2025 start list An, Bình, Cường, as November 2024), November 2024's
    lists (Nà Mòn: the three), December's (Nà Mòn silent) and January 2025's (Nà Mòn silent;
    ``cuong_to``'s list with Cường 003 besides its own) run. Returns the January JSON and the
    folders (lists, outputs)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, [AN, BINH, CUONG])
    run_renumbered_month(folder, out, "2024-11", [AN, BINH, CUONG], date(2024, 12, 3))
    run_renumbered_month(folder, out, "2024-12", None, date(2025, 1, 3))
    summary = run_renumbered_month(folder, out, "2025-01", None, date(2025, 2, 3),
                                   {cuong_to: [CUONG]})  # fmt: skip
    return summary, folder, out


def tables(summary: dict, scope: str) -> dict:
    """Each hamlet's ``scope`` table (hamlet -> (poor, near-poor) rows) in the JSON, the commune's
    under 'Tổng cộng'."""
    got = {h["hamlet"]: table(h[scope]) for h in summary["hamlets"] if h.get(scope)}
    return {**got, "Tổng cộng": table(summary["totals"][scope])}


def test_a_household_of_a_hamlet_silent_in_december_and_january_moved_in_both_tables(tmp_path):
    """Worked by hand. Nà Mòn sent nothing in December nor January: no table. Its state at 31
    December is the start list (An, Cường poor; Bình near-poor), made at the review: Cường, on
    Bản Cọ's list now, was Nà Mòn's in both of January's baselines. Bản Cọ, year (the start
    list: Dung, Em poor, Phương near-poor) and month (its December list, the same): poor 2,
    moved in 1 ("Chuyển đến từ Nà Mòn"), 3; near-poor 1 to 1. Đồng Kè 1 to 1 and 1 to 1. The
    commune's tables, the sum of Bản Cọ's and Đồng Kè's: poor 3, moved in 1, 4 (start + in =
    end), near-poor 2 to 2; the workbook's parts I and II as the JSON. Before: the month's
    table said Cường new ("Phát sinh mới": Bản Cọ poor 2, new 1, 3; the commune new 1), the
    year's moved in: one household told two ways in one workbook."""
    summary, _, out = silent_twice(tmp_path)
    want = {"Bản Cọ": (MOVED_IN, STILL[1]), "Đồng Kè": (STILL[1], STILL[1]),
            "Tổng cộng": (COMMUNE_IN, STILL[2])}  # fmt: skip
    assert tables(summary, "movements_month") == want
    assert tables(summary, "movements") == want
    assert [h["hamlet"] for h in summary["hamlets"] if h.get("movements_month")] == [
        "Bản Cọ", "Đồng Kè"]  # fmt: skip
    rows = [("Bản Cọ", *MOVED_IN), ("Đồng Kè", *STILL[1]), ("Tổng cộng", *COMMUNE_IN),
            ("Bản Cọ", *STILL[1]), ("Đồng Kè", *STILL[1]), ("Tổng cộng", *STILL[2])]  # fmt: skip
    assert [r for r in part_two(out, "2025-01") if r[0] != "Nà Mòn"] == rows
    assert [r for r in part_one(out, "2025-01") if r[0] != "Nà Mòn"] == rows
    assert listed_movements(out, "2025-01") == [
        ("Bản Cọ", "003", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("Bản Cọ", "003", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
    ]
    assert summary["issues"]["warnings"] == 0


def test_the_move_out_follows_in_february_where_the_silent_hamlet_sends(tmp_path):
    """February 2025: Nà Mòn sends An and Bình, Bản Cọ keeps Cường. Nà Mòn's month table is
    beside its start list (no January list): poor 2 (An, Cường), moved out 1 ("Chuyển sang Bản
    Cọ"), 1; near-poor 1 to 1; Bản Cọ beside its January list: poor 3 to 3. The commune's
    month tables of January and February together move Cường out once and in once, as the
    year's tables do (Nà Mòn moved out 1, Bản Cọ moved in 1); before, January's said new and
    February's moved out: a household come from nowhere and gone to nowhere. A guard of the
    later month (passes before): only January's baseline is changed."""
    _, folder, out = silent_twice(tmp_path)
    summary = run_renumbered_month(folder, out, "2025-02", [AN, BINH], date(2025, 3, 3),
                                   {"Bản Cọ": [CUONG]})  # fmt: skip
    month = tables(summary, "movements_month")
    assert month["Nà Mòn"] == (MOVED_OUT, STILL[1])
    assert month["Bản Cọ"] == (STILL[3], STILL[1])
    year = tables(summary, "movements")
    assert year["Nà Mòn"] == (MOVED_OUT, STILL[1])
    assert year["Bản Cọ"] == (MOVED_IN, STILL[1])


def test_a_household_on_a_december_list_is_that_lists(tmp_path):
    """A guard: Cường also on Đồng Kè's December list (003: he moved there in December, while
    Nà Mòn was silent; the start list, made at the review, still writes him in Nà Mòn), and on
    Bản Cọ's list in January. Đồng Kè's December list holds him: January's month table has him
    moved out of Đồng Kè and into Bản Cọ (Đồng Kè poor 2, moved out 1, 1); the start list's
    row of Nà Mòn is no second place for him: the household list's month row says "Chuyển đến
    từ Đồng Kè", beside Đồng Kè's "Chuyển sang Bản Cọ" (with Nà Mòn's row taken too, it said
    "Chuyển đến từ Nà Mòn", the figures alike). The year's row, beside the start list, says
    from Nà Mòn."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, [AN, BINH, CUONG])
    run_renumbered_month(folder, out, "2024-11", [AN, BINH, CUONG], date(2024, 12, 3))
    run_renumbered_month(folder, out, "2024-12", None, date(2025, 1, 3), {"Đồng Kè": [CUONG]})
    summary = run_renumbered_month(folder, out, "2025-01", None, date(2025, 2, 3),
                                   {"Bản Cọ": [CUONG]})  # fmt: skip
    month = tables(summary, "movements_month")
    assert month["Đồng Kè"] == (MOVED_OUT, STILL[1])
    assert month["Bản Cọ"] == (MOVED_IN, STILL[1])
    assert month["Tổng cộng"] == ((4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 4), STILL[2])
    assert listed_movements(out, "2025-01") == [
        ("Bản Cọ", "003", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("Bản Cọ", "003", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
        ("Đồng Kè", "003", "Chuyển sang Bản Cọ", "So với tháng trước"),
    ]


def test_a_household_moved_at_the_turn_out_of_a_hamlet_silent_both_months_moved_in(tmp_path):
    """Session 57's seed 550 (its Left): the 2025 start list writes Cường under 009 in Bản Cọ
    (moved at the turn), An and Bình in Nà Mòn; Nà Mòn silent in December and January; Bản
    Cọ's January list its own and Cường 009. Worked by hand: Nà Mòn's state at 31 December is
    its start list, and Cường, on its latest list of 2024 (November) and on the start list in
    Bản Cọ (session 57's pairing: one 'Lò Văn Cường' 1953 a side of the commune), left it at
    the turn, as where it sent December: Bản Cọ's month table poor 2, moved in 1 ("Chuyển đến
    từ Nà Mòn"), 3; near-poor 1 to 1; Nà Mòn no table (no move out to match, as any hamlet
    silent now); the commune's month poor 3, moved in 1, 4. The year's table (the start list
    has him in Bản Cọ): Bản Cọ 3 to 3, nothing moved; the commune 4 to 4. Before: the month
    table said 009 new ("Phát sinh mới"), as session 57 left it."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, [AN, BINH], MOVED)
    run_renumbered_month(folder, out, "2024-11", [AN, BINH, CUONG], date(2024, 12, 3))
    run_renumbered_month(folder, out, "2024-12", None, date(2025, 1, 3))
    summary = run_renumbered_month(folder, out, "2025-01", None, date(2025, 2, 3), MOVED)
    assert tables(summary, "movements_month") == {
        "Bản Cọ": (MOVED_IN, STILL[1]), "Đồng Kè": (STILL[1], STILL[1]),
        "Tổng cộng": (COMMUNE_IN, STILL[2]),
    }  # fmt: skip
    assert tables(summary, "movements") == {
        "Bản Cọ": (STILL[3], STILL[1]), "Đồng Kè": (STILL[1], STILL[1]),
        "Tổng cộng": (STILL[4], STILL[2]),
    }  # fmt: skip
    assert listed_movements(out, "2025-01") == [
        ("Bản Cọ", "009", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
    ]
