"""Review of session 50's history walk telling two households under one code
(tests/test_session50_reused_walk.py): the walk judges a code in another hamlet by the tables'
rule (timeline.same_head: the heads' names folded alike, or the same ID number; a code is one
household within a hamlet whatever its head's name, the start list's row among its rows).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list (poor 6). Each
head is 'Hoàng Văn <code>', born 1970, with an ID number of its code. Bản Cọ's lists here
(_BC) have BC5 near-poor too, new this year."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.timeline import departures, same_head
from tests.commune import new_commune, person, write_merged_plan
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session48_code_reused import MAI, json_totals, sheets
from tests.test_session49_reused_older import returned
from tests.test_session49_reused_older_review import BC

_ASKED = "Không còn trong danh sách (đề nghị xác nhận)"


def _since(month: int) -> str:
    return f"Không còn trong danh sách từ tháng {month}/2024 (không ghi 'Thoát')"


def test_a_household_moved_under_its_start_lists_head_moved_though_its_hamlet_wrote_him_otherwise(
    tmp_path,
):
    """March: Đồng Kè writes DK1 (on its start list as 'Hoàng Văn DK1') 'Hoàng V. DK1'. April:
    Đồng Kè drops it, Bản Cọ writes DK1 'Hoàng Văn DK1' (the start list's head): a move in
    April's tables (a code is one household within a hamlet whatever its head's name: the
    start list's row is Đồng Kè's too). May the same; June, Bản Cọ drops DK1 (no 'Thoát').
    The walk compared April's row with March's alone: another head, DK1 left the lists in
    April; June's year table said it gone 'từ tháng 4/2024', asking nothing, July's too.
    By hand, June: Đồng Kè's year (DK1) 1 − 1 exited = 0 (gone this month: asked to
    confirm), Bản Cọ's month (May: BC1, BC2, DK1) 3 − 1 exited = 2 (asked), the commune's
    year 6 − 1 exited = 5. July: Đồng Kè's year the same, gone since June; the commune's
    month (June 5) 5 = 5."""
    folder, out = new_commune(tmp_path)
    written = person("DK1", "poor", chu_ho="Hoàng V. DK1")
    run_lists(
        folder,
        out,
        "2024-03",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": [written, *dk_rows()[1:]]},
    )
    moved = {
        "Nà Mòn": na_mon_rows(),
        "Bản Cọ": [*BC, person("DK1", "poor")],
        "Đồng Kè": dk_rows()[1:],
    }
    for month in ("2024-04", "2024-05"):
        found = run_lists(folder, out, month, moved)
        assert returned(found["Bản Cọ"]["movements"]) == ((2, 0, 1, 0, 0, 3), 0), month
    gone = {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": dk_rows()[1:]}
    june = run_lists(folder, out, "2024-06", gone)
    assert returned(june["Đồng Kè"]["movements"]) == ((1, 0, 0, 0, 1, 0), 0)
    assert returned(june["Bản Cọ"]["movements_month"]) == ((3, 0, 0, 0, 1, 2), 0)
    assert returned(json_totals(out, "2024-06")["movements"]) == ((6, 0, 0, 0, 1, 5), 0)
    assert [(m[0], m[3], m[4]) for m in sheets(out, "2024-06", "DK1")[0]] == [
        ("Đồng Kè", _ASKED, "Từ đầu năm"),
        ("Bản Cọ", _ASKED, "So với tháng trước"),
    ]
    july = run_lists(folder, out, "2024-07", gone)
    assert returned(july["Đồng Kè"]["movements"]) == ((1, 0, 0, 0, 1, 0), 0)
    assert returned(json_totals(out, "2024-07")["movements_month"]) == ((5, 0, 0, 0, 0, 5), 0)
    assert [(m[0], m[3], m[4]) for m in sheets(out, "2024-07", "DK1")[0]] == [
        ("Đồng Kè", _since(6), "Từ đầu năm")
    ]


def test_a_code_taken_from_a_hamlet_merged_since_stays_back_after_the_merger(tmp_path):
    """The DK3 case across a merger. March: Bản Cọ lists BC6 'Hoàng Văn BC6' (new this year).
    April: Bản Cọ drops it, Đồng Kè writes BC6 for 'Lò Thị Mai' (another head). May: the plan
    merges Bản Cọ into Nà Mòn; Nà Mòn lists BC6 'Hoàng Văn BC6' again, Đồng Kè drops her;
    June and July the same lists. May read April's row: BC6 back (tái nghèo). June's and
    July's walk asked March's head under 'Bản Cọ' while the stored month's names are under
    the hamlet it joined: not known, a move, so BC6 never left: new, returned 0, told 'reused'.
    By hand, June and July: Nà Mòn's year (start 3 + 2 = 5) 5 + 1 new (returned 1) = 6, month
    (6) 6 = 6; Đồng Kè's 1 = 1; the commune's year 6 + 1 new = 7 (returned 1), month 7 = 7.
    'Biến động' has BC6 'Tái nghèo' once (Nà Mòn's year); no warning at BC6."""
    folder, out = new_commune(tmp_path)
    bc6 = person("BC6", "poor")
    run_lists(
        folder,
        out,
        "2024-03",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*BC, bc6], "Đồng Kè": dk_rows()},
    )
    april = {
        "Nà Mòn": na_mon_rows(),
        "Bản Cọ": BC,
        "Đồng Kè": [*dk_rows(), person("BC6", "poor", **MAI)],
    }
    run_lists(folder, out, "2024-04", april)
    write_merged_plan(folder)
    merged = {"Nà Mòn": [*na_mon_rows(), *BC, bc6], "Đồng Kè": dk_rows()}
    run_lists(folder, out, "2024-05", merged)
    for month in ("2024-06", "2024-07"):
        found = run_lists(folder, out, month, merged)
        assert returned(found["Nà Mòn"]["movements"]) == ((5, 1, 0, 0, 0, 6), 1), month
        assert returned(found["Nà Mòn"]["movements_month"]) == ((6, 0, 0, 0, 0, 6), 0), month
        assert returned(found["Đồng Kè"]["movements"]) == ((1, 0, 0, 0, 0, 1), 0), month
        totals = json_totals(out, month)
        assert returned(totals["movements"]) == ((6, 1, 0, 0, 0, 7), 1), month
        assert returned(totals["movements_month"]) == ((7, 0, 0, 0, 0, 7), 0), month
        moves, said = sheets(out, month, "BC6")
        assert [(m[0], m[3], m[4]) for m in moves] == [("Nà Mòn", "Tái nghèo", "Từ đầu năm")]
        assert said == [], month


def _walk(ids: list[tuple[str, str]]):
    """The walk of a start list (Đồng Kè: DK1 'Hoàng Văn DK1'), March (the same) and April
    (Bản Cọ: DK1 'Lò Thị Mai'; Đồng Kè reporting without it), with ``ids`` the ID numbers
    known of DK1's heads (the plan's start list's, the month run's)."""
    rows = [("2024-00", "Đồng Kè", "id|DK1"), ("2024-03", "Đồng Kè", "id|DK1"),
            ("2024-03", "Bản Cọ", "id|BC1"), ("2024-04", "Đồng Kè", "id|DK2"),
            ("2024-04", "Bản Cọ", "id|BC1"), ("2024-04", "Bản Cọ", "id|DK1")]  # fmt: skip
    history = pd.DataFrame(rows, columns=["period", "hamlet", "hh_key"]).assign(status="poor")
    heads = {"2024-00": "name|Đồng Kè|hoang van dk1|1970", "2024-03": "name|Đồng Kè|hoang van dk1|1970",
             "2024-04": "name|Bản Cọ|lo thi mai|1980"}  # fmt: skip
    return departures(history, None, lambda period: {"id|DK1": heads[period]}, ids=lambda _: ids)


def test_the_walk_takes_a_head_with_the_same_id_number_for_a_move():
    """The spouse now head, her ID number the start list's head's (the month run lists her, so
    her ID number is known): one household, moved in April as the tables have it (was: DK1 left
    the lists in April, from Đồng Kè). Another ID number: another household, as before."""
    same = _walk([("hoang van dk1", "001"), ("lo thi mai", "001")])
    assert "id|DK1" not in same.ever and same.left_in == {}
    other = _walk([("hoang van dk1", "001"), ("lo thi mai", "002")])
    assert other.ever == {"id|DK1"} and other.left_in == {"id|DK1": "2024-04"}
    assert other.left_from == {"id|DK1": "Đồng Kè"}
    unknown = _walk([("hoang van dk1", "001")])  # hers not known (a stored month keeps none)
    assert unknown.left_in == {"id|DK1": "2024-04"}


def test_same_head_is_the_tables_rule():
    """Names folded alike, or the same ID number where both have one; no ID number is none."""
    assert same_head(("hoang van a", ""), ("hoang van a", "002"))
    assert same_head(("hoang van a", "001"), ("lo thi mai", "001"))
    assert not same_head(("hoang van a", "001"), ("lo thi mai", "002"))
    assert not same_head(("hoang van a", ""), ("lo thi mai", ""))


def test_a_months_rows_of_a_few_codes_read_by_key_as_the_whole_month_has_them(tmp_path):
    """The walk reads the heads of the codes moved by key (HistoryStore.households' ``keys``):
    the same rows the whole month has of them, a code stored with its leading zeros by an
    older store ('id|001001', the household 'id|1001' now) among them; no other row."""
    import sqlite3

    from pipeline.history import HistoryStore

    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": dk_rows()})
    path = out / "lich-su.sqlite"
    with sqlite3.connect(path) as conn:  # a row as a store before session 20's keys wrote it
        conn.execute(
            "INSERT INTO households (period, hamlet, hh_key, ma_ho, chu_ho, nam_sinh, status) "
            "VALUES ('2024-03', 'Đồng Kè', 'id|001001', '001001', 'Lò Thị Mai', 1980, 'poor')"
        )
    store = HistoryStore(path)
    whole = store.households(["2024-03"])
    keys = ["id|dk1", "id|1001", "id|nm9"]
    few = store.households(["2024-03"], keys=keys)
    assert sorted(few["hh_key"]) == ["id|1001", "id|dk1"]
    assert few.reset_index(drop=True).equals(
        whole[whole["hh_key"].isin(keys)].reset_index(drop=True)
    )
    assert few.set_index("hh_key")["chu_ho"].to_dict() == {
        "id|dk1": "Hoàng Văn DK1",
        "id|1001": "Lò Thị Mai",
    }


def test_duplicate_moved_takes_the_same_head_by_the_tables_rule_a_blank_name_alike_none():
    """moves.duplicate_moved's comparison (moves._head_of) is timeline.same_head's, with its
    blank-name guard kept (a guard, passes before too): a row of a blank head's name is no
    blank head's of the old list ('' and '  ' fold alike), one of the same ID number is."""
    from pipeline.moves import _head_of

    then = [("Nà Mòn", "", ""), ("Nà Mòn", "Hoàng Văn NM3", "0123")]
    assert not _head_of(then, ("Đồng Kè", "  ", ""))
    assert _head_of(then, ("Đồng Kè", "  ", "0123"))
    assert _head_of(then, ("Đồng Kè", "HOANG VAN NM3", ""))
    assert not _head_of(then, ("Đồng Kè", "Lò Thị Mai", "0999"))
    assert not same_head((None, ""), (None, ""))


def _store_reads(monkeypatch, keeps_keys: bool) -> list[tuple[list[str], list[str] | None]]:
    """The (periods, keys or None) of each HistoryStore.households call from now on, by a
    wrapper naming its ``keys`` (``keeps_keys``) or taking any arguments (as a wrapper of the
    store's reads may: it hid ``keys`` from the run before)."""
    from pipeline.history import HistoryStore

    asked: list[tuple[list[str], list[str] | None]] = []
    households = HistoryStore.households

    def counted(self, *args, **kwargs):
        periods = kwargs.get("periods", args[0] if args else None)
        keys = kwargs.get("keys", args[1] if len(args) > 1 else None)
        asked.append((list(periods or []), None if keys is None else sorted(keys)))
        return households(self, *args, **kwargs)

    def named(self, periods=None, keys=None):
        return counted(self, periods, keys=keys)

    monkeypatch.setattr(HistoryStore, "households", named if keeps_keys else counted)
    return asked


@pytest.mark.parametrize("keeps_keys", [True, False])
def test_the_walk_reads_an_older_months_heads_by_key_and_last_months_from_its_baseline(
    tmp_path, monkeypatch, keeps_keys
):
    """March and April: the three hamlets their own lists. May: Đồng Kè drops DK1, Bản Cọ lists
    it (the same head: moved). June: May's lists again. June's walk asks DK1's heads of May
    (its row in Bản Cọ) and of April (its row in Đồng Kè): April's rows of DK1 alone are read
    (by key), May's are those of the month read whole for its baseline (read by key too
    before). Before, a wrapper of the store's reads not naming ``keys`` had every month read
    whole: none by key. The figures as without the walk's heads, by hand, June: Bản Cọ's year
    (BC1, BC2) 2 + 1 moved in = 3, its month (May: BC1, BC2, DK1) 3 = 3; Đồng Kè's year (DK1)
    1 − 1 moved out = 0; the commune's year (the hamlets' summed) 6 + 1 moved in − 1 moved out
    = 6."""
    folder, out = new_commune(tmp_path)
    own = {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": dk_rows()}
    run_lists(folder, out, "2024-03", own)
    run_lists(folder, out, "2024-04", own)
    moved = {
        "Nà Mòn": na_mon_rows(),
        "Bản Cọ": [*BC, person("DK1", "poor")],
        "Đồng Kè": dk_rows()[1:],
    }
    run_lists(folder, out, "2024-05", moved)
    asked = _store_reads(monkeypatch, keeps_keys)
    june = run_lists(folder, out, "2024-06", moved)
    assert [read for read in asked if read[1] is not None] == [(["2024-04"], ["id|dk1"])]
    assert (["2024-04"], None) not in asked
    assert asked.count((["2024-05"], None)) == 1
    assert returned(june["Bản Cọ"]["movements"]) == ((2, 0, 1, 0, 0, 3), 0)
    assert returned(june["Bản Cọ"]["movements_month"]) == ((3, 0, 0, 0, 0, 3), 0)
    assert returned(june["Đồng Kè"]["movements"]) == ((1, 0, 0, 1, 0, 0), 0)
    assert returned(json_totals(out, "2024-06")["movements"]) == ((6, 0, 1, 1, 0, 6), 0)
