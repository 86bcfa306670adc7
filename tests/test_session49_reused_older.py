"""A Mã hộ reused for another head whose other household was last listed in an older month
(session 49).

Session 48 told a code reused by another hamlet for another household (another head's name,
folded, and another ID number where both rows have one) from a move by the rows of the code at
hand: the start list's, the baseline month's and now. A code last listed by its hamlet in a
month older than both baselines had no row at hand, so another head writing it later in another
hamlet was taken for the same household back (tái nghèo) or moved in. The rows of older months
are now read, from the history, for such a code alone: one whose stored statuses of the year
show it in another hamlet, where no row at hand tells another household.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list (poor 6). Each
head is 'Hoàng Văn <code>', born 1970, with an ID number of its code. Bản Cọ's March list
(_bc) has BC4 poor and BC5 near-poor too, new this year."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.history import HistoryStore
from tests.commune import new_commune, person, write_renamed_plan
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session47_mergers import bc5_rows, movement_row
from tests.test_session48_code_reused import MAI, json_totals, reused, sheets


def returned(moves: dict) -> tuple[tuple[int, ...], int]:
    """A movement table's poor row (start, new, moved in, moved out, exited, end), and how many
    of its new households came back (tái nghèo)."""
    return movement_row(moves, "poor"), moves["poor"]["returned"]


def _march_then_dropped(tmp_path, dk_april: bool = True):
    """March: the three hamlets send, Bản Cọ with BC4 (poor, new this year). April: Bản Cọ
    drops BC4 (no 'Thoát'); Đồng Kè sends (or, not ``dk_april``, sends nothing). Returns
    (folder, out, Bản Cọ's April list)."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder,
        out,
        "2024-03",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc5_rows(), "Đồng Kè": dk_rows()},
    )
    bc = [b for b in bc5_rows() if b["ma_ho"] != "BC4"]
    april = {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, **({"Đồng Kè": dk_rows()} if dk_april else {})}
    run_lists(folder, out, "2024-04", april)
    return folder, out, bc


def test_a_code_dropped_in_april_and_reused_in_may_by_another_hamlet_is_new_not_back(tmp_path):
    """March: Bản Cọ lists BC4 'Hoàng Văn BC4'; April: Bản Cọ drops it (left the lists);
    May: Đồng Kè writes BC4 for 'Lò Thị Mai' (another ID number). No list at hand has BC4
    (the start list has none, April's none), so both tables had her back (tái nghèo,
    returned 1). March's row names another head: a household never on the lists, new.
    By hand, May: Đồng Kè's year poor 1 (DK1) + 1 new = 2, its month (April: DK1) 1 + 1 new
    = 2, 0 returned in both; Bản Cọ's month (April: BC1, BC2) 2 = 2; the commune's year 6 +
    1 new = 7 (Nà Mòn 3, Bản Cọ 2, Đồng Kè 2), its month (April: 3 + 2 + 1 = 6) 6 + 1 new = 7,
    0 returned; the 'reused' warning at Đồng Kè's B7 names March's list of Bản Cọ, in the
    run and in `check`."""
    folder, out, bc = _march_then_dropped(tmp_path)
    dk = [*dk_rows(), person("BC4", "poor", **MAI)]
    may = run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": dk})
    assert returned(may["Đồng Kè"]["movements"]) == ((1, 1, 0, 0, 0, 2), 0)
    assert returned(may["Đồng Kè"]["movements_month"]) == ((1, 1, 0, 0, 0, 2), 0)
    assert returned(may["Bản Cọ"]["movements_month"]) == ((2, 0, 0, 0, 0, 2), 0)
    totals = json_totals(out, "2024-05")
    assert returned(totals["movements"]) == ((6, 1, 0, 0, 0, 7), 0)
    assert returned(totals["movements_month"]) == ((6, 1, 0, 0, 0, 7), 0)
    moves, said = sheets(out, "2024-05", "BC4")
    assert [(m[0], m[1], m[3]) for m in moves] == [("Đồng Kè", "Lò Thị Mai", "Phát sinh mới")] * 2
    message = reused("Đồng Kè", "BC4", "Hoàng Văn BC4", "danh sách tháng 3/2024", "Bản Cọ")
    assert said == [("Đồng Kè", "DS_2_2024-05.xlsx", "B7", "code-changed", message)]
    # `check` of May's lists says what the run says
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    assert f"[Cảnh báo] DS_2_2024-05.xlsx, Danh sách, B7 (code-changed): {message}\n" in checked


def test_a_code_reused_by_a_hamlet_compared_with_its_march_list_is_new_not_moved_in(tmp_path):
    """As above, Đồng Kè silent in April: its May month is compared with its March list, and
    BC4 was last listed in Bản Cọ in March (`listed_since`): the month's table had 'Lò Thị Mai'
    moved in from Bản Cọ, the year's back (tái nghèo). By hand, May: Đồng Kè's year and month
    (March: DK1) 1 + 1 new = 2, none moved in, 0 returned; the commune's month (April's lists
    and Đồng Kè's March: 3 + 2 + 1 = 6) 6 + 1 new = 7, its year 6 + 1 new = 7, 0 returned."""
    folder, out, bc = _march_then_dropped(tmp_path, dk_april=False)
    dk = [*dk_rows(), person("BC4", "poor", **MAI)]
    may = run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": dk})
    assert may["Đồng Kè"]["movements_month_from"] == "2024-03"
    assert returned(may["Đồng Kè"]["movements"]) == ((1, 1, 0, 0, 0, 2), 0)
    assert returned(may["Đồng Kè"]["movements_month"]) == ((1, 1, 0, 0, 0, 2), 0)
    totals = json_totals(out, "2024-05")
    assert returned(totals["movements"]) == ((6, 1, 0, 0, 0, 7), 0)
    assert returned(totals["movements_month"]) == ((6, 1, 0, 0, 0, 7), 0)
    message = reused("Đồng Kè", "BC4", "Hoàng Văn BC4", "danh sách tháng 3/2024", "Bản Cọ")
    assert [s[4] for s in sheets(out, "2024-05", "BC4")[1]] == [message]


@pytest.mark.parametrize(
    "head",
    [
        {},  # Bản Cọ's own head: the household is back, in another hamlet
        {"chu_ho": "HOANG  van bc4", "so_dinh_danh": "012999991234"},  # the same, folded
    ],
)
def test_the_same_head_written_in_may_is_still_back(tmp_path, head):
    """March's row read, the one rule holds: the same folded name or the same ID number is the
    same household. BC4 dropped in April and written by Đồng Kè in May for its own head (as
    March writes it, or folded alike with another ID number): back (tái nghèo) in both tables,
    no warning. (A stored month keeps no ID number, and no start list has BC4: its ID number
    is compared nowhere.) By hand, May: Đồng Kè's year and
    month 1 + 1 new (returned 1) = 2; the commune's year 6 + 1 new = 7, returned 1."""
    folder, out, bc = _march_then_dropped(tmp_path)
    dk = [*dk_rows(), person("BC4", "poor", **head)]
    may = run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": dk})
    assert returned(may["Đồng Kè"]["movements"]) == ((1, 1, 0, 0, 0, 2), 1)
    assert returned(may["Đồng Kè"]["movements_month"]) == ((1, 1, 0, 0, 0, 2), 1)
    assert returned(json_totals(out, "2024-05")["movements"]) == ((6, 1, 0, 0, 0, 7), 1)
    assert sheets(out, "2024-05", "BC4")[1] == []


def test_a_household_moved_then_back_under_its_new_head_is_back(tmp_path, monkeypatch):
    """The older months' rows of the hamlet asking are its household's too. March: Bản Cọ lists
    BC4 'Hoàng Văn BC4'; April: Bản Cọ drops it, Đồng Kè lists it (the same head: moved); May:
    Đồng Kè drops it; June: Đồng Kè writes BC4 for 'Lò Thị Mai' (the spouse heads it now, her
    own ID number). No list at hand has BC4; March's row is Bản Cọ's, another head, but April's
    row of Đồng Kè names that head: one household, back (tái nghèo), no warning. (Kept: so
    before this session, the rows of neither month read.) Its code last left the lists from
    Đồng Kè (May): a household back where it left is its own, so neither March nor April is
    read for its older heads (the history walk reads their heads' names, April's move between
    hamlets asking whose row it is: session 50). By hand, June: Đồng Kè's year (DK1) and month
    (May: DK1) 1 + 1 new (returned 1) = 2."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder,
        out,
        "2024-03",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc5_rows(), "Đồng Kè": dk_rows()},
    )
    bc = [b for b in bc5_rows() if b["ma_ho"] != "BC4"]
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc,
                                    "Đồng Kè": [*dk_rows(), person("BC4", "poor")]})  # fmt: skip
    run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": dk_rows()})
    dk = [*dk_rows(), person("BC4", "poor", **MAI)]
    asked = _older_read(monkeypatch)
    june = run_lists(folder, out, "2024-06", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": dk})
    assert not {"2024-03", "2024-04"} & set(asked)
    assert returned(june["Đồng Kè"]["movements"]) == ((1, 1, 0, 0, 0, 2), 1)
    assert returned(june["Đồng Kè"]["movements_month"]) == ((1, 1, 0, 0, 0, 2), 1)
    assert sheets(out, "2024-06", "BC4")[1] == []


def test_a_renamed_hamlets_own_older_row_is_no_other_household(tmp_path):
    """March: Đồng Kè lists DK3 'Hoàng Văn DK3' (new this year); April: drops it. May: the
    plan renames Đồng Kè 'Đồng Kè Mới', whose list writes DK3 for 'Lò Thị Mai' (the spouse
    heads it now). March's row is stored under the old name: read as another hamlet's, it
    would make her another household (new, 'reused' warning); it is Đồng Kè Mới's own, and
    within a hamlet a code is one household: back (tái nghèo), as before this session. By
    hand, May: Đồng Kè Mới's year (DK1) and month (April: DK1) 1 + 1 new (returned 1) = 2."""
    folder, out = new_commune(tmp_path)
    dk3 = person("DK3", "poor")
    run_lists(
        folder,
        out,
        "2024-03",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc5_rows(), "Đồng Kè": [*dk_rows(), dk3]},
    )
    run_lists(
        folder,
        out,
        "2024-04",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc5_rows(), "Đồng Kè": dk_rows()},
    )
    write_renamed_plan(folder, {"Đồng Kè": "Đồng Kè Mới"})
    dk = [*dk_rows(), person("DK3", "poor", **MAI)]
    may = run_lists(
        folder, out, "2024-05", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc5_rows(), "Đồng Kè Mới": dk}
    )
    assert returned(may["Đồng Kè Mới"]["movements"]) == ((1, 1, 0, 0, 0, 2), 1)
    assert returned(may["Đồng Kè Mới"]["movements_month"]) == ((1, 1, 0, 0, 0, 2), 1)
    assert sheets(out, "2024-05", "DK3")[1] == []


def test_a_code_marked_thoat_and_reused_is_still_new_a_month_later(tmp_path):
    """Session 48's Left. March: Bản Cọ lists BC4; April: marks it 'Thoát'; May: Bản Cọ lists
    BC1-BC3 and BC5, Đồng Kè 'Lò Thị Mai' under BC4 (new, not back: session 48); June: the
    same lists. June's lists at hand (the start list, May's, June's) have Đồng Kè's row of BC4
    alone, so June's year table had her back (tái nghèo, returned 1). By hand, June: Đồng Kè's
    year 1 + 1 new (0 returned) = 2, as May's; its month (May: DK1, BC4) 2 = 2, nothing
    moved; the commune's year 6 + 1 new = 7, 0 returned; its month 7 = 7; the warning at
    B7 again, naming April's list of Bản Cọ (the latest row of the other head)."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder,
        out,
        "2024-03",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc5_rows(), "Đồng Kè": dk_rows()},
    )
    bc = [person("BC4", "exited") if b["ma_ho"] == "BC4" else b for b in bc5_rows()]
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": dk_rows()})
    lists = {"Nà Mòn": na_mon_rows(), "Bản Cọ": [b for b in bc if b["ma_ho"] != "BC4"],
             "Đồng Kè": [*dk_rows(), person("BC4", "poor", **MAI)]}  # fmt: skip
    run_lists(folder, out, "2024-05", lists)
    june = run_lists(folder, out, "2024-06", lists)
    assert returned(june["Đồng Kè"]["movements"]) == ((1, 1, 0, 0, 0, 2), 0)
    assert returned(june["Đồng Kè"]["movements_month"]) == ((2, 0, 0, 0, 0, 2), 0)
    totals = json_totals(out, "2024-06")
    assert returned(totals["movements"]) == ((6, 1, 0, 0, 0, 7), 0)
    assert returned(totals["movements_month"]) == ((7, 0, 0, 0, 0, 7), 0)
    moves, said = sheets(out, "2024-06", "BC4")
    assert [(m[0], m[3], m[4]) for m in moves] == [("Đồng Kè", "Phát sinh mới", "Từ đầu năm")]
    message = reused("Đồng Kè", "BC4", "Hoàng Văn BC4", "danh sách tháng 4/2024", "Bản Cọ")
    assert said == [("Đồng Kè", "DS_2_2024-06.xlsx", "B7", "code-changed", message)]


def _periods_read(monkeypatch) -> list[list[str]]:
    """The periods of each HistoryStore.households call from now on."""
    asked: list[list[str]] = []
    households = HistoryStore.households

    def counted(self, periods=None, keys=None):  # a few keys' rows too (the walk's heads)
        asked.append(list(periods) if periods is not None else [])
        return households(self, periods, keys=keys)

    monkeypatch.setattr(HistoryStore, "households", counted)
    return asked


def _older_read(monkeypatch) -> list[str]:
    """The stored months moves.OlderHeads reads from now on (each as its heads' list)."""
    import pipeline.moves

    asked: list[str] = []
    as_baseline = pipeline.moves.as_baseline

    def counted(history, period):
        asked.append(period)
        return as_baseline(history, period)

    monkeypatch.setattr(pipeline.moves, "as_baseline", counted)
    return asked


def test_older_months_are_read_only_for_such_a_code(tmp_path, monkeypatch):
    """March: the three hamlets send. April: Bản Cọ drops BC4, Đồng Kè drops DK1. May: DK1 back
    in Đồng Kè (back, tái nghèo: its code left the lists from Đồng Kè itself) and BC2 moved
    from Bản Cọ to Đồng Kè (April's row at hand): no older month is read, only the baselines'
    (April's). The same May with 'Lò Thị Mai' under BC4 in Đồng Kè too (BC4 left the lists
    from Bản Cọ): March is read, once, for BC4."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder,
        out,
        "2024-03",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc5_rows(), "Đồng Kè": dk_rows()},
    )
    bc = [b for b in bc5_rows() if b["ma_ho"] != "BC4"]
    run_lists(
        folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": dk_rows()[1:]}
    )
    lists = {"Nà Mòn": na_mon_rows(), "Bản Cọ": [b for b in bc if b["ma_ho"] != "BC2"],
             "Đồng Kè": [*dk_rows(), person("BC2", "poor")]}  # fmt: skip
    asked = _periods_read(monkeypatch)
    may = run_lists(folder, out, "2024-05", lists)
    # April: DK2; May: DK1 back (returned 1), BC2 moved in
    month = may["Đồng Kè"]["movements_month"]
    assert returned(month) == ((0, 1, 1, 0, 0, 2), 1)
    assert "2024-03" not in [p for periods in asked for p in periods]
    asked.clear()
    lists["Đồng Kè"] = [*lists["Đồng Kè"], person("BC4", "poor", **MAI)]
    may = run_lists(folder, out, "2024-05", lists)
    assert returned(may["Đồng Kè"]["movements_month"]) == ((0, 2, 1, 0, 0, 3), 1)
    assert [periods for periods in asked if "2024-03" in periods] == [["2024-03"]]
