"""Session 32: the months after a household moved to another hamlet under a new Mã hộ there
(docs/decisions.md, "the months after a household moved under a new Mã hộ keep it moved, not
exited"). May: Nà Mòn writes NM3 under 'Hộ chuyển đi xóm Bản Cọ', Bản Cọ writes the same
household (Hoàng Văn NM3, 1970) as BC9 (moves.said_moved_out_recoded); the history keeps NM3 as
moved out of Nà Mòn (moved_poor). June and July, Nà Mòn no longer writing NM3: the year's table
keeps NM3 moved out of Nà Mòn and BC9 moved in to Bản Cọ (moves.moved_recoded_since), not
exited (with a vanished-household) and new. Each figure worked out by hand from the small
commune (tests.commune)."""

from __future__ import annotations

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import execute
from tests.commune import new_commune, person, write_plan
from tests.summaries import hamlet_figures
from tests.test_session31_heads_qa import month_lists, moves
from tests.test_session32_recoded_move import recoded

# The small commune: the plan's start list has Nà Mòn NM1, NM2, NM3 poor, NM4, NM5 near-poor,
# Bản Cọ BC1, BC2 poor, BC3 near-poor, every head 'Hoàng Văn <code>' born 1970.


def lists(extra_na: list = (), extra_ban: list = ()):
    na = [person("NM1", "poor"), person("NM2", "poor")]
    na += [person("NM4", "near_poor"), person("NM5", "near_poor"), *extra_na]
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"), *extra_ban]
    return na, ban


def april_may(tmp_path):
    """April: every household where the start list has it; May: NM3 under the title in Nà Mòn,
    BC9 (Hoàng Văn NM3, 1970, poor) in Bản Cọ. Returns (folder, output)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir(parents=True)
    write_plan(folder)
    month_lists(folder, "2024-04", *lists([person("NM3", "poor")]))
    execute(folder, out, "2024-04")
    na, ban = lists(extra_ban=[recoded("NM3", "BC9", "poor")])
    month_lists(folder, "2024-05", na, ban, [person("NM3", "poor")])
    execute(folder, out, "2024-05")
    return folder, out


def year_moves(result) -> list[tuple]:
    detail = result.movement_details
    year = detail[(detail["scope"] == "year") & (detail["movement"] != "to_near_poor")]
    return sorted(zip(year["hamlet"], year["ma_ho"], year["movement"], year["other_hamlet"],
                      strict=True))  # fmt: skip


def month(folder, out, period: str, ban_co_extra: list, before: list = ()):
    na, ban = lists(extra_ban=[*before, *ban_co_extra])
    month_lists(folder, period, na, ban)
    result, _, _ = execute(folder, out, period)
    return result


def about(result, *codes: str) -> list[tuple]:
    return [(i.code, i.hamlet, i.value) for i in result.issues
            if any(code in i.value for code in codes)]  # fmt: skip


def test_the_months_after_keep_the_household_moved_not_exited(tmp_path):
    """June and July: Nà Mòn lists NM1, NM2 (poor), NM4, NM5 (near-poor), no title; Bản Cọ
    BC1, BC2, BC9 (poor), BC3 (near-poor). Before: the year's table Nà Mòn poor 3 − 1 exited
    = 2 (NM3, vanished-household asking Nà Mòn), Bản Cọ 2 + 1 new = 3. Now, each month: Nà Mòn
    poor 3 − 1 moved out = 2, near-poor 2 = 2; Bản Cọ poor 2 + 1 moved in = 3, near-poor 1 =
    1; the commune poor 5 − 1 moved out + 1 moved in = 5, near-poor 3 = 3 (nobody exited, nobody
    new). The month's tables as before: Nà Mòn 2 = 2 and 2 = 2, Bản Cọ 3 = 3 and 1 = 1, the
    commune 5 = 5 and 3 = 3. Nothing said of NM3 or BC9; the history keeps NM3 moved out of
    Nà Mòn (moved_poor) each month, BC9 poor in Bản Cọ."""
    folder, out = april_may(tmp_path)
    for period in ("2024-06", "2024-07"):
        result = month(folder, out, period, [recoded("NM3", "BC9", "poor")])
        assert moves(hamlet_figures(result, "Nà Mòn")) == {
            "poor": {"start": 3, "moved_out": 1, "end": 2},
            "near_poor": {"start": 2, "end": 2},
        }
        assert moves(hamlet_figures(result, "Bản Cọ")) == {
            "poor": {"start": 2, "moved_in": 1, "end": 3},
            "near_poor": {"start": 1, "end": 1},
        }
        totals = result.summary["totals"]
        assert moves(totals) == {
            "poor": {"start": 5, "moved_out": 1, "moved_in": 1, "end": 5},
            "near_poor": {"start": 3, "end": 3},
        }
        assert moves(hamlet_figures(result, "Nà Mòn"), "movements_month") == {
            "poor": {"start": 2, "end": 2},
            "near_poor": {"start": 2, "end": 2},
        }
        assert moves(hamlet_figures(result, "Bản Cọ"), "movements_month") == {
            "poor": {"start": 3, "end": 3},
            "near_poor": {"start": 1, "end": 1},
        }
        assert moves(totals, "movements_month") == {
            "poor": {"start": 5, "end": 5},
            "near_poor": {"start": 3, "end": 3},
        }
        assert (totals["poor"], totals["near_poor"]) == (5, 3)
        assert year_moves(result) == [
            ("Bản Cọ", "BC9", "moved_in", "Nà Mòn"),
            ("Nà Mòn", "NM3", "moved_out", "Bản Cọ"),
        ]
        assert about(result, "NM3", "BC9") == []
        rows = HistoryStore(out / HISTORY_FILE).households([period])
        assert sorted(
            (h, c, s)
            for h, c, s in zip(rows["hamlet"], rows["ma_ho"], rows["status"], strict=True)
            if c in ("NM3", "BC9")
        ) == [("Bản Cọ", "BC9", "poor"), ("Nà Mòn", "NM3", "moved_poor")]


def test_the_hamlet_going_back_to_the_old_code_is_one_household_in_the_month(tmp_path):
    """June: Bản Cọ writes the household as NM3 again (its start list code, as the warnings ask)
    where May wrote BC9. The year's table: Nà Mòn poor 3 − 1 moved out = 2, Bản Cọ 2 + 1 moved
    in = 3 (NM3 listed there by its code). Before, the month's table of Bản Cọ was 3 − 1 exited
    (BC9, a vanished-household asking Bản Cọ) + 1 moved in (NM3, from the trace left in Nà Mòn)
    = 3, the commune's month 5 − 1 exited + 1 moved in = 5: a false thoát nghèo. Now BC9 and NM3
    are paired there by head's name and year: Bản Cọ 3 = 3, the commune 5 = 5, nothing said
    (NM3 is a start-list code: the right one). July, NM3 again: all as in June."""
    folder, out = april_may(tmp_path)
    for period in ("2024-06", "2024-07"):
        result = month(folder, out, period, [recoded("NM3", "NM3", "poor")])
        assert moves(hamlet_figures(result, "Nà Mòn"))["poor"] == {
            "start": 3,
            "moved_out": 1,
            "end": 2,
        }
        assert moves(hamlet_figures(result, "Bản Cọ"))["poor"] == {
            "start": 2,
            "moved_in": 1,
            "end": 3,
        }
        assert moves(hamlet_figures(result, "Bản Cọ"), "movements_month")["poor"] == {
            "start": 3, "end": 3
        }  # fmt: skip
        assert moves(result.summary["totals"], "movements_month")["poor"] == {
            "start": 5, "end": 5
        }  # fmt: skip
        assert year_moves(result) == [
            ("Bản Cọ", "NM3", "moved_in", "Nà Mòn"),
            ("Nà Mòn", "NM3", "moved_out", "Bản Cọ"),
        ]
        assert about(result, "NM3", "BC9") == []


def test_a_namesake_listed_before_the_move_or_two_are_not_the_household(tmp_path):
    """BC9 (Hoàng Văn NM3, 1970) is in Bản Cọ's April list already, before Nà Mòn's May title
    (May: moved-not-listed, the code NM3 on no list; the trace kept): not the household that
    moved. June as before: Nà Mòn poor 3 − 1 exited = 2 with vanished-household asking Nà Mòn
    to confirm NM3; Bản Cọ 2 + 1 new (BC9, since April) = 3. Two rows alike in June (BC8 beside
    BC9, both Hoàng Văn NM3, 1970, after the May of the first test): no pairing either: Nà Mòn
    3 − 1 exited = 2, Bản Cọ 2 + 2 new = 4, the month's table 3 + 1 new (BC8) = 4."""
    folder, out = new_commune(tmp_path)
    early = [recoded("NM3", "BC9", "poor")]
    month_lists(folder, "2024-04", *lists([person("NM3", "poor")], early))
    execute(folder, out, "2024-04")
    na, ban = lists(extra_ban=early)
    month_lists(folder, "2024-05", na, ban, [person("NM3", "poor")])
    may, _, _ = execute(folder, out, "2024-05")
    assert [i.code for i in may.issues if "NM3" in i.value] == ["moved-not-listed"]
    june = month(folder, out, "2024-06", early)
    assert moves(hamlet_figures(june, "Nà Mòn"))["poor"] == {"start": 3, "exited": 1, "end": 2}
    assert moves(hamlet_figures(june, "Bản Cọ"))["poor"] == {"start": 2, "new": 1, "end": 3}
    assert about(june, "NM3") == [("vanished-household", "Nà Mòn", "NM3 (Hoàng Văn NM3)")]

    folder, out = april_may(tmp_path / "two")
    two = [recoded("NM3", "BC9", "poor"), recoded("NM3", "BC8", "poor")]
    june = month(folder, out, "2024-06", two)
    assert moves(hamlet_figures(june, "Nà Mòn"))["poor"] == {"start": 3, "exited": 1, "end": 2}
    assert moves(hamlet_figures(june, "Bản Cọ"))["poor"] == {"start": 2, "new": 2, "end": 4}
    assert moves(hamlet_figures(june, "Bản Cọ"), "movements_month")["poor"] == {
        "start": 3, "new": 1, "end": 4
    }  # fmt: skip
    assert about(june, "NM3 (") == [("vanished-household", "Nà Mòn", "NM3 (Hoàng Văn NM3)")]


def test_listed_under_a_new_code_only_the_month_after_the_title(tmp_path):
    """May: NM3 under Nà Mòn's title, Bản Cọ not listing it yet (moved-not-listed; the trace
    kept). June: Bản Cọ writes it as BC9 (Hoàng Văn NM3, 1970), first listed now. Before: the
    year's table Nà Mòn 3 − 1 exited (vanished-household), Bản Cọ 2 + 1 new, the month's Bản
    Cọ 2 + 1 new. Now the year's: Nà Mòn poor 3 − 1 moved out = 2, Bản Cọ 2 + 1 moved in = 3;
    the month's (May's lists: Nà Mòn NM1, NM2, Bản Cọ BC1, BC2): Nà Mòn 2 = 2, Bản Cọ 2 + 1
    moved in = 3, as for a household written there under its old code (session 31); the
    commune's month poor 4 + 1 moved in = 5. Nothing said of NM3 or BC9."""
    folder, out = new_commune(tmp_path)
    month_lists(folder, "2024-04", *lists([person("NM3", "poor")]))
    execute(folder, out, "2024-04")
    month_lists(folder, "2024-05", *lists(), [person("NM3", "poor")])
    may, _, _ = execute(folder, out, "2024-05")
    assert [i.code for i in may.issues if "NM3" in i.value] == ["moved-not-listed"]
    june = month(folder, out, "2024-06", [recoded("NM3", "BC9", "poor")])
    assert moves(hamlet_figures(june, "Nà Mòn"))["poor"] == {"start": 3, "moved_out": 1, "end": 2}
    assert moves(hamlet_figures(june, "Bản Cọ"))["poor"] == {"start": 2, "moved_in": 1, "end": 3}
    assert moves(hamlet_figures(june, "Nà Mòn"), "movements_month")["poor"] == {
        "start": 2,
        "end": 2,
    }
    assert moves(hamlet_figures(june, "Bản Cọ"), "movements_month")["poor"] == {
        "start": 2, "moved_in": 1, "end": 3
    }  # fmt: skip
    assert moves(june.summary["totals"], "movements_month")["poor"] == {
        "start": 4, "moved_in": 1, "end": 5
    }  # fmt: skip
    assert about(june, "NM3", "BC9") == []


def test_a_month_the_hamlet_moved_to_sends_nothing(tmp_path):
    """June: Bản Cọ sends nothing (its May list, BC9 under Hoàng Văn NM3, 1970, is where the
    commune last saw its households). Before: Nà Mòn poor 3 − 1 exited = 2 with a
    vanished-household asking Nà Mòn; the trace not kept. Now: Nà Mòn 3 − 1 moved out = 2,
    nothing said, the trace kept (NM3 moved_poor). July, Bản Cọ writing BC9 again: Nà Mòn 3 − 1
    moved out = 2, Bản Cọ 2 + 1 moved in = 3; its month's table (compared with May's list) 3 = 3."""
    folder, out = april_may(tmp_path)
    na, ban = lists(extra_ban=[recoded("NM3", "BC9", "poor")])
    month_lists(folder, "2024-06", na, ban)
    (folder / "BanCo_2024-06.xlsx").unlink()
    june, _, _ = execute(folder, out, "2024-06")
    assert hamlet_figures(june, "Bản Cọ")["status"] == "missing"
    assert moves(hamlet_figures(june, "Nà Mòn"))["poor"] == {"start": 3, "moved_out": 1, "end": 2}
    assert about(june, "NM3", "BC9") == []
    rows = HistoryStore(out / HISTORY_FILE).households(["2024-06"])
    assert ("Nà Mòn", "NM3", "moved_poor") in set(
        zip(rows["hamlet"], rows["ma_ho"], rows["status"], strict=True)
    )
    july = month(folder, out, "2024-07", [recoded("NM3", "BC9", "poor")])
    assert moves(hamlet_figures(july, "Nà Mòn"))["poor"] == {"start": 3, "moved_out": 1, "end": 2}
    assert moves(hamlet_figures(july, "Bản Cọ"))["poor"] == {"start": 2, "moved_in": 1, "end": 3}
    assert moves(hamlet_figures(july, "Bản Cọ"), "movements_month")["poor"] == {
        "start": 3,
        "end": 3,
    }
    assert about(july, "NM3", "BC9") == []
