"""Session 35 (A, second pass): a hamlet back after silence that the plan merged since its
latest list, and a silent merged hamlet whose lists are of two months (docs/decisions.md,
"Session 35: a hamlet back after silence, merged since its latest list"). The small commune
(tests.commune): April every hamlet lists its start households (Đồng Kè DK1 poor, DK2
near-poor); May Nà Mòn writes NM3 under 'Hộ chuyển đi xóm Bản Cọ' and Bản Cọ writes it as BC9
(Hoàng Văn NM3, 1970, poor) beside BC1, BC2 (poor), BC3 (near-poor). Then a revised plan merges
Bản Cọ into another hamlet, silent in June and back in July."""

from __future__ import annotations

import json
from datetime import date

import openpyxl

from pipeline.run import execute
from tests.commune import person, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session31_heads_qa import month_lists, moves
from tests.test_session32_recoded_after import about, lists, year_moves
from tests.test_session32_recoded_move import recoded
from tests.test_session32_trend_notes import trend_texts
from tests.test_session34_a_silent_moves import DONG_KE, send, stored
from tests.test_session35_a_merged_silent import april_may, dong_ke, merged_plan

# Bản Cọ's May list (and Đồng Kè's own DK1, DK2) sent again in July under the name now
MERGED_BACK = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"),
               recoded("NM3", "BC9", "poor")]  # fmt: skip


def _back_in_july(folder, out, hamlet: str, may_dong_ke: bool = True):
    """June: Nà Mòn alone (``hamlet`` silent); July: Nà Mòn and ``hamlet`` listing DK1, DK2 and
    :data:`MERGED_BACK`. Returns July's result and its hamlet's row of the JSON."""
    send(folder, out, "2024-06")
    write_roster(folder, "Back_2024-07.xlsx", hamlet, 350, DONG_KE + MERGED_BACK,
                 period="2024-07", prepared=date(2024, 8, 3))  # fmt: skip
    result = send(folder, out, "2024-07")
    summary = json.loads((out / "2024-07" / "TongHop_2024-07.json").read_text(encoding="utf-8"))
    [row] = [h for h in summary["hamlets"] if h["hamlet"] == hamlet]
    return result, row


def _compared_with_both_lists(result, row, hamlet: str, since: str) -> None:
    """The month's table of ``hamlet`` against Đồng Kè's and Bản Cọ's lists: poor DK1, BC1,
    BC2, BC9 = 4, near-poor DK2, BC3 = 2, nobody moved (as when it sends in June too); its
    year's table poor 3 (DK1, BC1, BC2 on the start list) + 1 moved in (BC9, NM3 from Nà Mòn)
    = 4, near-poor 2 = 2; Nà Mòn's poor 3 − 1 moved out = 2."""
    month = {"poor": {"start": 4, "end": 4}, "near_poor": {"start": 2, "end": 2}}
    figures = hamlet_figures(result, hamlet)
    assert moves(figures, "movements_month") == month
    assert moves(row, "movements_month") == month
    assert figures["movements_month_from"] == row["movements_month_from"] == since
    assert moves(figures) == {
        "poor": {"start": 3, "moved_in": 1, "end": 4},
        "near_poor": {"start": 2, "end": 2},
    }
    details = result.movement_details
    assert details[details["scope"] == "month"].empty  # before: BC1-3, BC9 moved in
    assert year_moves(result) == sorted(
        [("Nà Mòn", "NM3", "moved_out", hamlet), (hamlet, "BC9", "moved_in", "Nà Mòn")]
    )
    assert moves(hamlet_figures(result, "Nà Mòn")) == {
        "poor": {"start": 3, "moved_out": 1, "end": 2},
        "near_poor": {"start": 2, "end": 2},
    }


def test_a_hamlet_back_merged_since_its_list_is_compared_with_both_lists(tmp_path):
    """Bản Cọ merged into Đồng Kè, silent in June, back in July. Before, Đồng Kè's July table
    compared with its own May list alone: poor 1 + 3 moved in (BC1, BC2, BC9 from 'Bản Cọ') =
    4, near-poor 1 + 1 moved in (BC3) = 2. Now with Đồng Kè's and Bản Cọ's May lists."""
    folder, out = april_may(tmp_path)
    merged_plan(folder, ("Đồng Kè", "Bản Cọ"), "Đồng Kè")
    result, row = _back_in_july(folder, out, "Đồng Kè")
    _compared_with_both_lists(result, row, "Đồng Kè", "2024-05")


def test_a_hamlet_back_renamed_and_merged_since_is_compared_with_both_lists(tmp_path):
    """Bản Cọ and Đồng Kè merged under a new name, 'Bản Cọ Mới', silent in June, back in July.
    Before, two old names going to one new one were no rename: its July table compared with the
    plan's start list, BC9 moved in from 'Bản Cọ' (a name the plan no longer has)."""
    folder, out = april_may(tmp_path)
    merged_plan(folder, ("Bản Cọ", "Đồng Kè"), "Bản Cọ Mới")
    result, row = _back_in_july(folder, out, "Bản Cọ Mới")
    _compared_with_both_lists(result, row, "Bản Cọ Mới", "2024-05")


def test_a_hamlet_back_merged_with_lists_of_two_months_is_compared_since_the_older(tmp_path):
    """Đồng Kè sends nothing in May (its latest list April's), Bản Cọ its May list; merged,
    silent in June, back in July. Compared with Đồng Kè's April list and Bản Cọ's May one, the
    month's table says since April (the older: the months since cover both). Before, with
    Đồng Kè's April list alone: poor 1 + 3 moved in = 4, near-poor 1 + 1 moved in = 2."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir(parents=True)
    write_plan(folder)
    month_lists(folder, "2024-04", *lists([person("NM3", "poor")]))
    dong_ke(folder, "2024-04")
    execute(folder, out, "2024-04")
    month_lists(folder, "2024-05", *lists(extra_ban=[recoded("NM3", "BC9", "poor")]),
                 [person("NM3", "poor")])  # fmt: skip
    execute(folder, out, "2024-05")
    merged_plan(folder, ("Đồng Kè", "Bản Cọ"), "Đồng Kè")
    result, row = _back_in_july(folder, out, "Đồng Kè")
    _compared_with_both_lists(result, row, "Đồng Kè", "2024-04")


def test_a_silent_merged_hamlet_with_lists_of_two_months_keeps_the_household_moved(tmp_path):
    """May: Nà Mòn writes NM3 under 'Hộ chuyển đi xóm Đồng Kè', Đồng Kè writes it as DK9
    (Hoàng Văn NM3, 1970, poor); June (the old plan): Nà Mòn and Bản Cọ send, Đồng Kè nothing.
    Then Bản Cọ is merged into Đồng Kè, silent in July: its latest lists are Bản Cọ's June one
    (last month's) and its own May one. Before, last month's records alone were looked at (its
    May list only for a hamlet with none last month): July said Nà Mòn poor 3 − 1 exited = 2,
    NM3 vanished (a vanished-household asking Nà Mòn to confirm), no trace stored. Now as in
    June: 3 − 1 moved out = 2 (NM3 to Đồng Kè), nothing said, NM3 stored moved_poor."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir(parents=True)
    write_plan(folder)
    month_lists(folder, "2024-04", *lists([person("NM3", "poor")]))
    dong_ke(folder, "2024-04")
    execute(folder, out, "2024-04")
    month_lists(folder, "2024-05", *lists(), [person("NM3", "poor")])
    path = folder / "NaMon_2024-05.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    [title] = [c for c in sheet["A"] if c.value == "Hộ chuyển đi xóm Bản Cọ"]
    title.value = "Hộ chuyển đi xóm Đồng Kè"
    book.save(path)
    write_roster(folder, "DongKe_2024-05.xlsx", "Đồng Kè", 150,
                 [*DONG_KE, recoded("NM3", "DK9", "poor")], period="2024-05",
                 prepared=date(2024, 6, 3))  # fmt: skip
    execute(folder, out, "2024-05")
    month_lists(folder, "2024-06", *lists())
    execute(folder, out, "2024-06")
    merged_plan(folder, ("Đồng Kè", "Bản Cọ"), "Đồng Kè")
    for period in ("2024-07", "2024-08"):
        result = send(folder, out, period)
        assert moves(hamlet_figures(result, "Nà Mòn")) == {
            "poor": {"start": 3, "moved_out": 1, "end": 2},
            "near_poor": {"start": 2, "end": 2},
        }
        assert year_moves(result) == [("Nà Mòn", "NM3", "moved_out", "Đồng Kè")]
        assert about(result, "NM3", "DK9") == []
        assert stored(out, period, ("NM3", "DK9")) == [("Nà Mòn", "NM3", "moved_poor")]


def test_a_hamlet_back_merged_with_an_old_name_listed_last_month_is_compared_with_it(tmp_path):
    """June (the old plan): Nà Mòn and Bản Cọ send (Bản Cọ's list with BC4, poor, new), Đồng Kè
    nothing; then Bản Cọ is merged into Đồng Kè, back in July listing BC4 too. Its month's table
    compares with its own May list and Bản Cọ's of last month (June): poor DK1, BC1, BC2, BC9,
    BC4 = 5, near-poor DK2, BC3 = 2, since May. Before this part of the fix (Bản Cọ's May list,
    last month's was not looked at): poor 4 + 1 moved in (BC4 from 'Bản Cọ') = 5; before
    session 35's: Đồng Kè's May list alone, poor 1 + 4 moved in = 5, near-poor 1 + 1 = 2."""
    folder, out = april_may(tmp_path)
    bc4 = person("BC4", "poor")
    month_lists(folder, "2024-06", *lists(extra_ban=[recoded("NM3", "BC9", "poor"), bc4]))
    execute(folder, out, "2024-06")
    merged_plan(folder, ("Đồng Kè", "Bản Cọ"), "Đồng Kè")
    result = send(folder, out, "2024-07", [*MERGED_BACK, bc4])
    figures = hamlet_figures(result, "Đồng Kè")
    assert moves(figures, "movements_month") == {
        "poor": {"start": 5, "end": 5},
        "near_poor": {"start": 2, "end": 2},
    }
    assert figures["movements_month_from"] == "2024-05"
    details = result.movement_details
    assert details[details["scope"] == "month"].empty
    assert [m[:3] for m in year_moves(result)] == [("Nà Mòn", "NM3", "moved_out"),
                                                    ("Đồng Kè", "BC4", "new"),
                                                    ("Đồng Kè", "BC9", "moved_in")]  # fmt: skip


def test_a_hamlet_merged_into_with_no_list_of_its_own_is_compared_with_the_start_list(tmp_path):
    """March: Nà Mòn and Bản Cọ send, Đồng Kè nothing (named in March's summary); April: Nà Mòn
    alone; Bản Cọ is merged into Đồng Kè, back in May with DK1, DK2, BC1-3. It was there beside
    Bản Cọ in March: merged into, not renamed (session 31), and with no list of its own this
    year it is compared with the plan's start list: poor DK1, BC1, BC2 = 3, near-poor DK2, BC3 =
    2. Before, the rename lookup took Bản Cọ's March list as its: DK1, DK2 new."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir(parents=True)
    write_plan(folder)
    month_lists(folder, "2024-03", *lists([person("NM3", "poor")]))
    execute(folder, out, "2024-03")
    send(folder, out, "2024-04")
    merged_plan(folder, ("Đồng Kè", "Bản Cọ"), "Đồng Kè")
    result = send(folder, out, "2024-05", MERGED_BACK[:3])
    figures = hamlet_figures(result, "Đồng Kè")
    assert moves(figures, "movements_month") == {
        "poor": {"start": 3, "end": 3},
        "near_poor": {"start": 2, "end": 2},
    }
    assert figures["movements_month_from"] == "plan"


def _trend_after_silence(tmp_path, merged: tuple[str, ...], hamlet: str):
    """:func:`_back_in_july` after the plan merged ``merged`` into ``hamlet``: its trend points
    (poor, near-poor rates rounded to 2 places) and 'Xu hướng''s notes naming a hamlet."""
    folder, out = april_may(tmp_path)
    merged_plan(folder, merged, hamlet)
    result, row = _back_in_july(folder, out, hamlet)
    points = result.summary["trend"]["hamlets"][hamlet]
    rates = [(p["period"], *(None if p[k] is None else round(p[k], 2)
                              for k in ("poor_rate", "near_poor_rate"))) for p in points]  # fmt: skip
    return row, rates, trend_texts(out, "2024-07")


# April DK1, BC1, BC2 poor, DK2, BC3 near-poor of 350: 3 / 350 = 0.86 %, 2 / 350 = 0.57 %; May
# BC9 too: 4 / 350 = 1.14 %; June nothing (the hamlet sent nothing); July as May
OVER_BOTH = [("2024-04", 0.86, 0.57), ("2024-05", 1.14, 0.57), ("2024-06", None, None),
             ("2024-07", 1.14, 0.57)]  # fmt: skip


def test_a_hamlet_back_merged_since_has_its_trend_over_both_hamlets(tmp_path):
    """Bản Cọ merged into Đồng Kè, silent in June, back in July: its trend's April and May over
    Đồng Kè and Bản Cọ, with the note, as when it sends in June: 'từ tháng 06/2024', June the
    first month consolidated under the merger, its silent month told the merger by the plan's
    start list (session 50; session 35 said July's, June's stored figures then not knowing it).
    Before session 35, no merged_from: April, May Đồng Kè's alone (1 / 150 = 0.67 %, 0.67 %)
    against July's over both, and no note."""
    row, rates, notes = _trend_after_silence(tmp_path, ("Đồng Kè", "Bản Cọ"), "Đồng Kè")
    assert (row["merged_from"], row["merged_since"]) == (["Bản Cọ"], {"Bản Cọ": "2024-06"})
    assert "renamed_from" not in row
    assert rates == OVER_BOTH
    assert notes == [
        "Xóm Đồng Kè: số liệu các tháng 04–05/2024 gồm cả xóm Bản Cọ (sáp nhập từ tháng 06/2024)."
    ]


def test_a_hamlet_back_renamed_and_merged_since_has_its_trend_over_both_hamlets(tmp_path):
    """Bản Cọ and Đồng Kè merged as 'Bản Cọ Mới', silent in June, back in July: Bản Cọ renamed
    (its name held in the new one), Đồng Kè merged in, as when it sends in June. Before, no
    row of 'Bản Cọ Mới' before June: April, May blank, and no note."""
    row, rates, notes = _trend_after_silence(tmp_path, ("Bản Cọ", "Đồng Kè"), "Bản Cọ Mới")
    assert (row["merged_from"], row["merged_since"]) == (["Đồng Kè"], {"Đồng Kè": "2024-07"})
    assert row["renamed_from"] == [{"hamlet": "Bản Cọ", "period": "2024-07"}]
    assert rates == OVER_BOTH
    assert notes == [
        "Xóm Bản Cọ Mới: số liệu các tháng 04–05/2024 là của xóm Bản Cọ (đổi tên từ tháng "
        "07/2024); số liệu các tháng 04–05/2024 gồm cả xóm Đồng Kè (sáp nhập từ tháng 07/2024)."
    ]
