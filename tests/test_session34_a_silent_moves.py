"""Session 34: a household moved under a new Mã hộ (moves.moved_recoded_since) into a hamlet
that then sends nothing (docs/decisions.md, "Session 34: moves into a hamlet silent two months,
or moved on from it"). The small commune (tests.commune): the start list's Nà Mòn NM1, NM2,
NM3 poor, NM4, NM5 near-poor, Bản Cọ BC1, BC2 poor, BC3 near-poor, Đồng Kè DK1 poor, DK2
near-poor, every head 'Hoàng Văn <code>' born 1970. April: all listed where the start list
has them; May: Nà Mòn writes NM3 under 'Hộ chuyển đi xóm Bản Cọ', Bản Cọ writes it as BC9
(Hoàng Văn NM3, 1970, poor): moved out / moved in, the trace kept (moved_poor)."""

from __future__ import annotations

from datetime import date

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.summaries import hamlet_figures
from tests.test_session31_heads_qa import month_lists, moves
from tests.test_session32_recoded_after import about, april_may, lists, year_moves
from tests.test_session32_recoded_move import recoded

DONG_KE = [person("DK1", "poor"), person("DK2", "near_poor")]


def send(folder, out, period: str, dong_ke: list | None = None):
    """Nà Mòn's list (NM1, NM2 poor, NM4, NM5 near-poor, no title) and, given, Đồng Kè's (DK1,
    DK2 and ``dong_ke``); Bản Cọ sends nothing. Returns the month's result."""
    prepared = date(2024, int(period[5:]) + 1, 3)
    write_roster(folder, f"NaMon_{period}.xlsx", "Nà Mòn", 102, lists()[0], period=period,
                 prepared=prepared)  # fmt: skip
    if dong_ke is not None:
        write_roster(folder, f"DongKe_{period}.xlsx", "Đồng Kè", 150, DONG_KE + dong_ke,
                     period=period, prepared=prepared)  # fmt: skip
    result, _, _ = execute(folder, out, period)
    return result


def stored(out, period: str, codes: tuple[str, ...]) -> list[tuple]:
    rows = HistoryStore(out / HISTORY_FILE).households([period])
    return sorted((h, c, s) for h, c, s in zip(rows["hamlet"], rows["ma_ho"], rows["status"],
                                               strict=True) if c in codes)  # fmt: skip


def test_a_hamlet_silent_two_months_running_keeps_the_household_moved(tmp_path):
    """June, July and August: Bản Cọ (and Đồng Kè) send nothing. June (Bản Cọ silent one month)
    as before: Nà Mòn poor 3 − 1 moved out = 2 (NM3 to Bản Cọ), near-poor 2 = 2. Before, July
    (silent two months: no records of Bản Cọ stored in June, its May list not looked at) said
    Nà Mòn 3 − 1 exited = 2 (NM3 vanished, a vanished-household asking Nà Mòn to confirm) and
    stored no trace, so August said exited too. Now July and August as June: NM3 moved out to
    Bản Cọ, where the tables keep BC9 (last listed there in May), nothing said, NM3 stored
    moved_poor each month."""
    folder, out = april_may(tmp_path)
    for period in ("2024-06", "2024-07", "2024-08"):
        result = send(folder, out, period)
        assert moves(hamlet_figures(result, "Nà Mòn")) == {
            "poor": {"start": 3, "moved_out": 1, "end": 2},
            "near_poor": {"start": 2, "end": 2},
        }
        assert hamlet_figures(result, "Bản Cọ")["status"] == "missing"
        assert moves(result.summary["totals"])["poor"] == {"start": 3, "moved_out": 1, "end": 2}
        assert year_moves(result) == [("Nà Mòn", "NM3", "moved_out", "Bản Cọ")]
        assert about(result, "NM3", "BC9") == []
        assert stored(out, period, ("NM3", "BC9")) == [("Nà Mòn", "NM3", "moved_poor")]


def test_moved_on_from_a_silent_hamlet_is_not_paired_with_its_old_row(tmp_path):
    """May as above, Bản Cọ also writing BC7 (Hoàng Văn NM3, born 1990: the same name, another
    year). June: Bản Cọ silent; Đồng Kè writes BC9 (poor), the household moved on from Bản Cọ
    under the same code. Before: BC9 was found both in Bản Cọ's May list and in Đồng Kè's
    (two places: no pairing): Nà Mòn 3 − 1 exited = 2 with a vanished-household for NM3, Đồng
    Kè 1 + 1 new = 2. Now a silent hamlet's row listed elsewhere now is not there: Nà Mòn 3 − 1
    moved out = 2 (to Đồng Kè), Đồng Kè poor 1 + 1 moved in = 2, the commune (its two hamlets
    that sent) 4 − 1 moved out + 1 moved in = 4, nothing said; as when Bản Cọ sends its list
    without BC9. July: Bản Cọ silent again, Đồng Kè without BC9. Bản Cọ's May list (its latest)
    still has BC9 under NM3's name and year, but BC9 was last listed in Đồng Kè: not paired
    with it (that would say NM3 moved out to Bản Cọ). Nà Mòn 3 − 1 exited = 2, Đồng Kè 1 = 1,
    the commune 4 − 1 exited = 3, a vanished-household for NM3 in Nà Mòn and for BC9 in Đồng
    Kè: as when Bản Cọ sends."""
    folder, out = new_commune(tmp_path)
    month_lists(folder, "2024-04", *lists([person("NM3", "poor")]))
    write_roster(folder, "DongKe_2024-04.xlsx", "Đồng Kè", 150, list(DONG_KE), period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    execute(folder, out, "2024-04")
    namesake = person("BC7", "poor", chu_ho="Hoàng Văn NM3", nam_sinh=1990)
    na, ban = lists(extra_ban=[recoded("NM3", "BC9", "poor"), namesake])
    month_lists(folder, "2024-05", na, ban, [person("NM3", "poor")])
    write_roster(folder, "DongKe_2024-05.xlsx", "Đồng Kè", 150, list(DONG_KE), period="2024-05",
                 prepared=date(2024, 6, 3))  # fmt: skip
    may, _, _ = execute(folder, out, "2024-05")
    assert [move[:3] for move in year_moves(may)] == [("Bản Cọ", "BC7", "new")] + [
        ("Bản Cọ", "BC9", "moved_in"), ("Nà Mòn", "NM3", "moved_out")
    ]  # fmt: skip
    assert [move for move in year_moves(may) if move[2] != "new"] == [
        ("Bản Cọ", "BC9", "moved_in", "Nà Mòn"),
        ("Nà Mòn", "NM3", "moved_out", "Bản Cọ"),
    ]

    june = send(folder, out, "2024-06", [recoded("NM3", "BC9", "poor")])
    assert moves(hamlet_figures(june, "Nà Mòn"))["poor"] == {"start": 3, "moved_out": 1, "end": 2}
    assert moves(hamlet_figures(june, "Đồng Kè"))["poor"] == {"start": 1, "moved_in": 1, "end": 2}
    assert moves(june.summary["totals"])["poor"] == {
        "start": 4, "moved_out": 1, "moved_in": 1, "end": 4
    }  # fmt: skip
    assert year_moves(june) == [
        ("Nà Mòn", "NM3", "moved_out", "Đồng Kè"),
        ("Đồng Kè", "BC9", "moved_in", "Nà Mòn"),
    ]
    assert about(june, "NM3", "BC9") == []
    assert stored(out, "2024-06", ("NM3", "BC9")) == [
        ("Nà Mòn", "NM3", "moved_poor"), ("Đồng Kè", "BC9", "poor")
    ]  # fmt: skip

    july = send(folder, out, "2024-07", [])
    assert moves(hamlet_figures(july, "Nà Mòn"))["poor"] == {"start": 3, "exited": 1, "end": 2}
    assert moves(hamlet_figures(july, "Đồng Kè"))["poor"] == {"start": 1, "end": 1}
    assert moves(july.summary["totals"])["poor"] == {"start": 4, "exited": 1, "end": 3}
    assert year_moves(july) == [("Nà Mòn", "NM3", "vanished", None)]
    assert about(
        july, "NM3 (", "BC9 ("
    ) == [  # hamlets in Vietnamese alphabetical order (session 48)
        ("vanished-household", "Đồng Kè", "BC9 (Hoàng Văn NM3)"),
        ("vanished-household", "Nà Mòn", "NM3 (Hoàng Văn NM3)"),
    ]
