"""Hamlets merged by the plan while most of the old list's households still listed are on
another hamlet's list (session 47: session 43's second condition of the plan's merger).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list."""

from __future__ import annotations

import json

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.template import write_plan_workbook
from pipeline.types import FROM_AGE
from tests.commune import (
    PLAN_INFO,
    new_commune,
    person,
    plan_hamlets,
    start_list,
    write_merged_plan,
)
from tests.test_session38_oracle import bc_rows as _bc3
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session46_apart_held import april_may


def bc5_rows() -> list[dict]:
    """Bản Cọ's list: BC1, BC2, BC4 poor; BC3, BC5 near-poor (BC4, BC5 new this year)."""
    return [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"),
            person("BC4", "poor"), person("BC5", "near_poor")]  # fmt: skip


def movement_row(moves: dict, kind: str) -> tuple[int, ...]:
    """start, new, moved in, moved out, exited, end of a movement table's ``kind``."""
    m = moves[kind]
    return (m["start"], m["new"], m["moved_in"], m["moved_out"], m["exited"], m["end"])


def _may_three_of_four_on_dong_kes_list(folder, out) -> dict:
    """The plan merges Bản Cọ into Nà Mòn. May: Nà Mòn lists its own and BC4; Đồng Kè lists
    its own and BC1, BC2, BC3; BC5 is on no list. Returns May's hamlets by name."""
    write_merged_plan(folder)
    return run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(bc5_rows()[3]),
                                           "Đồng Kè": [*dk_rows(), *bc5_rows()[:3]]})  # fmt: skip


def test_merged_by_the_plan_with_most_of_its_listed_households_on_another_list(tmp_path):
    """March and April: the three hamlets send. In May 4 of Bản Cọ's 5 are still listed, 3 of
    them on Đồng Kè's list: session 43's second condition (at least half of those still listed
    on the list of the hamlet joined) said no merger. Nà Mòn and Đồng Kè were set beside their
    April lists alone: Bản Cọ's five were in nobody's start, BC1-BC4 moved in from a list no
    table held, BC5 never exited; the commune's May start 4 poor and 3 near-poor where April
    ended at 7 and 5. The plan says the merger: the households elsewhere moved there."""
    folder, out = new_commune(tmp_path)
    lists = {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc5_rows(), "Đồng Kè": dk_rows()}
    run_lists(folder, out, "2024-03", lists)
    run_lists(folder, out, "2024-04", lists)
    april = json.loads((out / "2024-04" / "TongHop_2024-04.json").read_text("utf-8"))["totals"]
    by_name = _may_three_of_four_on_dong_kes_list(folder, out)
    na_mon = by_name["Nà Mòn"]
    assert (na_mon["movements_month_from"], na_mon.get("merged_from")) == (None, ["Bản Cọ"])
    # NM1-NM3, BC1, BC2, BC4: BC1, BC2 moved to Đồng Kè
    assert movement_row(na_mon["movements_month"], "poor") == (6, 0, 0, 2, 0, 4)
    # NM4, NM5, BC3, BC5: BC3 moved to Đồng Kè, BC5 left the lists
    assert movement_row(na_mon["movements_month"], "near_poor") == (4, 0, 0, 1, 1, 2)
    dong_ke = by_name["Đồng Kè"]["movements_month"]
    assert (movement_row(dong_ke, "poor"), movement_row(dong_ke, "near_poor")) == (
        (1, 0, 2, 0, 0, 3), (1, 0, 1, 0, 0, 2))  # fmt: skip
    # the commune: its start is April's end, the moves in and out match
    may = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))["totals"]
    assert (april["poor"], april["near_poor"]) == (7, 5)
    assert movement_row(may["movements_month"], "poor") == (7, 0, 2, 2, 0, 7)
    assert movement_row(may["movements_month"], "near_poor") == (5, 0, 1, 1, 1, 4)


def test_merged_by_the_plan_after_a_silent_month_with_most_on_another_list(tmp_path):
    """As above, Bản Cọ silent in April: Nà Mòn is set beside its April list and Bản Cọ's
    March list. Before, no merger: BC4 new in Nà Mòn, BC1-BC3 new in Đồng Kè though listed
    in March, BC5 never exited."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder,
        out,
        "2024-03",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc5_rows(), "Đồng Kè": dk_rows()},
    )
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows()})
    by_name = _may_three_of_four_on_dong_kes_list(folder, out)
    na_mon = by_name["Nà Mòn"]
    assert (na_mon["movements_month_from"], na_mon.get("merged_from")) == ("2024-03", ["Bản Cọ"])
    assert movement_row(na_mon["movements_month"], "poor") == (6, 0, 0, 2, 0, 4)
    assert movement_row(na_mon["movements_month"], "near_poor") == (4, 0, 0, 1, 1, 2)
    dong_ke = by_name["Đồng Kè"]["movements_month"]
    assert (movement_row(dong_ke, "poor"), movement_row(dong_ke, "near_poor")) == (
        (1, 0, 2, 0, 0, 3), (1, 0, 1, 0, 0, 2))  # fmt: skip


def _dk3_to_dk6() -> list[dict]:
    """DK3, DK4 poor; DK5, DK6 near-poor."""
    return [person("DK3", "poor"), person("DK4", "poor"), person("DK5", "near_poor"),
            person("DK6", "near_poor")]  # fmt: skip


def _plan_with_dong_ke_six(folder, merged: bool) -> None:
    """KeHoach_2024.xlsx with DK3, DK4 poor and DK5, DK6 near-poor on Đồng Kè's start list too;
    ``merged``: Bản Cọ merged into Nà Mòn (as tests.commune.write_merged_plan), and Đồng Kè's
    households revised at once (151), so its row is not as March had it."""
    hamlets = []
    for row in plan_hamlets():
        if row["hamlet"] == "Đồng Kè":
            row = dict(row, start_poor=3, start_near_poor=3, start_households=150 + merged)
        if merged and row["hamlet"] == "Nà Mòn":
            row = dict(row, start_households=300, start_poor=5, start_near_poor=3)
        if not (merged and row["hamlet"] == "Bản Cọ"):
            hamlets.append(row)
    start = start_list() + [dict(row, hamlet="Đồng Kè") for row in _dk3_to_dk6()]
    if merged:
        start = [dict(row, hamlet="Nà Mòn") if row["hamlet"] == "Bản Cọ" else row for row in start]
    for stt, row in enumerate(start, start=1):
        row["stt"] = stt
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)


def _moved_in_then_merged(tmp_path, april: bool) -> tuple:
    """March: Bản Cọ lists BC1 and DK3-DK6 (moved in from Đồng Kè during the year: the start
    list writes them there), beside Nà Mòn's and Đồng Kè's own lists; April: the same, Bản Cọ
    sending only if ``april``; then the plan merges Bản Cọ into Nà Mòn and revises Đồng Kè's
    row. Returns (folder, out, DK3-DK6)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    _plan_with_dong_ke_six(folder, merged=False)
    moved = _dk3_to_dk6()
    lists = {
        "Nà Mòn": na_mon_rows(),
        "Bản Cọ": [person("BC1", "poor"), *moved],
        "Đồng Kè": dk_rows(),
    }
    run_lists(folder, out, "2024-03", lists)
    run_lists(
        folder, out, "2024-04", lists if april else {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows()}
    )
    _plan_with_dong_ke_six(folder, merged=True)
    return folder, out, moved


def test_a_list_mostly_moved_in_from_a_third_hamlet_is_merged_where_the_plan_says(tmp_path):
    """What the second condition guards. March: Bản Cọ lists BC1 and DK3-DK6, moved in from
    Đồng Kè during the year (the start list writes them there); April: Bản Cọ silent; the plan
    merges Bản Cọ into Nà Mòn and revises Đồng Kè's row; May: Nà Mòn lists its own, BC1 and
    DK3-DK6. The start list has 4 of the 5 under Đồng Kè: without the condition Bản Cọ was
    merged into Đồng Kè (3 poor and 2 near-poor moved out to Nà Mòn). None of them is on Đồng
    Kè's list: asked again without those moved in (session 45), BC1 says Nà Mòn."""
    folder, out, moved = _moved_in_then_merged(tmp_path, april=False)
    may = run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(person("BC1", "poor"), *moved),
                                          "Đồng Kè": dk_rows()})  # fmt: skip
    na_mon, dong_ke = may["Nà Mòn"], may["Đồng Kè"]
    assert (na_mon["movements_month_from"], na_mon.get("merged_from")) == ("2024-03", ["Bản Cọ"])
    assert dong_ke.get("merged_from") is None
    # NM1-NM3, BC1, DK3, DK4 poor; NM4, NM5, DK5, DK6 near-poor: nothing moved
    assert movement_row(na_mon["movements_month"], "poor") == (6, 0, 0, 0, 0, 6)
    assert movement_row(na_mon["movements_month"], "near_poor") == (4, 0, 0, 0, 0, 4)
    assert movement_row(dong_ke["movements_month"], "poor") == (1, 0, 0, 0, 0, 1)


def test_a_household_on_a_list_apart_is_stored_with_its_birth_year(tmp_path):
    """A household on a list sent apart was stored held (session 46) without the birth year
    the list gives (1970 for each), unlike a row of the month's own lists. May (tests.
    test_session46_apart_held): the plan has merged Bản Cọ into Nà Mòn; Bản Cọ's old head sends
    BC1-BC3, NM4 and DK2 apart, Nà Mòn lists NM1-NM3, NM5, Đồng Kè DK1."""
    _, out, may = april_may(tmp_path)
    assert may["Nà Mòn"]["status"] == "rejected"
    rows = HistoryStore(out / HISTORY_FILE).households(["2024-05"])
    held = rows[(rows["status"] == "not_counted").to_numpy()]
    assert sorted(zip(held["hh_key"], held["chu_ho"], held["nam_sinh"], strict=True)) == [
        (f"id|{code.lower()}", f"Hoàng Văn {code}", 1970)
        for code in ("BC1", "BC2", "BC3", "DK2", "NM4")
    ]
    assert not held[FROM_AGE].any()


def test_a_list_apart_of_ages_is_stored_with_the_years_marked_from_an_age(tmp_path):
    """As above, the list apart writing each head's age (54 in 2024) in 'Năm sinh': stored
    with the year 1970, marked read from an age (as a list of ages' own rows are)."""
    folder, out = new_commune(tmp_path)
    nm, dk = na_mon_rows(), dk_rows()
    run_lists(folder, out, "2024-04", {"Nà Mòn": nm, "Bản Cọ": _bc3()})
    write_merged_plan(folder)
    apart = [dict(row, nam_sinh=54) for row in [*_bc3(), nm[3], dk[1]]]
    may = run_lists(folder, out, "2024-05",
                 {"Nà Mòn": [p for p in nm if p["ma_ho"] != "NM4"], "Bản Cọ": apart,
                  "Đồng Kè": dk[:1]})  # fmt: skip
    assert may["Nà Mòn"]["status"] == "rejected"
    rows = HistoryStore(out / HISTORY_FILE).households(["2024-05"])
    held = rows[(rows["status"] == "not_counted").to_numpy()]
    assert sorted(zip(held["hh_key"], held["nam_sinh"], held[FROM_AGE], strict=True)) == [
        (f"id|{code}", 1970, True) for code in ("bc1", "bc2", "bc3", "dk2", "nm4")
    ]
    # the month's own rows: years as written, none from an age
    own = rows[(rows["status"] != "not_counted").to_numpy()]
    assert set(own["nam_sinh"]) == {1970} and not own[FROM_AGE].any()


def test_a_list_mostly_moved_in_split_on_this_months_lists_runs_again_the_same(tmp_path):
    """As above, May's lists split: Nà Mòn lists its own, BC1, DK3 and DK5, Đồng Kè its own,
    DK4 and DK6. Nà Mòn is set beside Bản Cọ's March list: poor NM1-NM3, BC1, DK3, DK4 = 6,
    DK4 moved out to Đồng Kè, 5; near-poor NM4, NM5, DK5, DK6 = 4, DK6 moved out, 3; Đồng Kè
    1 + 1 moved in = 2 of each. May's run rewrote the kept start list under the merger: Bản Cọ
    taken as merged into Đồng Kè there (4 of its 5 March households under Đồng Kè on the plan's
    list), DK3-DK6 were no longer kept as moved into Bản Cọ's list, and May run again merged
    Bản Cọ into Đồng Kè (Nà Mòn set beside April, BC1, DK3, DK5 moved in; Đồng Kè's start 4
    poor and 3 near-poor): another JSON."""
    folder, out, moved = _moved_in_then_merged(tmp_path, april=False)
    may = {"Nà Mòn": na_mon_rows(person("BC1", "poor"), moved[0], moved[2]),
           "Đồng Kè": [*dk_rows(), moved[1], moved[3]]}  # fmt: skip
    summary = out / "2024-05" / "TongHop_2024-05.json"
    for run in ("first", "again"):
        by_name = run_lists(folder, out, "2024-05", may)
        if run == "first":
            written = summary.read_bytes()
        na_mon, dong_ke = by_name["Nà Mòn"], by_name["Đồng Kè"]["movements_month"]
        assert (run, na_mon["movements_month_from"], na_mon.get("merged_from")) == (
            run, "2024-03", ["Bản Cọ"])  # fmt: skip
        assert movement_row(na_mon["movements_month"], "poor") == (6, 0, 0, 1, 0, 5)
        assert movement_row(na_mon["movements_month"], "near_poor") == (4, 0, 0, 1, 0, 3)
        assert (movement_row(dong_ke, "poor"), movement_row(dong_ke, "near_poor")) == (
            (1, 0, 1, 0, 0, 2), (1, 0, 1, 0, 0, 2))  # fmt: skip
    assert summary.read_bytes() == written


def test_a_list_mostly_moved_in_sent_last_month_is_merged_where_the_plan_says(tmp_path):
    """As above, Bản Cọ sending BC1 and DK3-DK6 in April too: last month accepted it, and the
    plan's start list was asked without this month's lists alone (`_month_renamed`): 4 of its
    5 under Đồng Kè, Bản Cọ merged into Đồng Kè (session 47's first section, Left). Đồng Kè
    poor 4 at the start (DK1, BC1, DK3, DK4), BC1 and DK3 moved out to Nà Mòn; near-poor 3,
    DK5 moved out; Nà Mòn set beside its own April list, three moved in. Asked again without
    those moved in, BC1 says Nà Mòn: the same tables as with Bản Cọ silent in April."""
    folder, out, moved = _moved_in_then_merged(tmp_path, april=True)
    by_name = run_lists(folder, out, "2024-05",
                     {"Nà Mòn": na_mon_rows(person("BC1", "poor"), moved[0], moved[2]),
                      "Đồng Kè": [*dk_rows(), moved[1], moved[3]]})  # fmt: skip
    na_mon, dong_ke = by_name["Nà Mòn"], by_name["Đồng Kè"]
    assert (na_mon["movements_month_from"], na_mon.get("merged_from")) == (None, ["Bản Cọ"])
    assert dong_ke.get("merged_from") is None
    assert movement_row(na_mon["movements_month"], "poor") == (6, 0, 0, 1, 0, 5)
    assert movement_row(na_mon["movements_month"], "near_poor") == (4, 0, 0, 1, 0, 3)
    assert (movement_row(dong_ke["movements_month"], "poor"),
            movement_row(dong_ke["movements_month"], "near_poor")) == (
        (1, 0, 1, 0, 0, 2), (1, 0, 1, 0, 0, 2))  # fmt: skip


def test_merged_into_a_hamlet_renamed_at_once_with_most_on_another_list(tmp_path):
    """As the first case, the plan naming the merged hamlet 'Nà Mòn Mới': May, Nà Mòn Mới lists
    Nà Mòn's own and BC4, Đồng Kè its own and BC1-BC3. Nà Mòn Mới was no hamlet of April, so
    BC4 on its list was not counted elsewhere: Bản Cọ was merged into Đồng Kè by the lists
    alone (3 of the 4 still listed there). Đồng Kè poor 4 at the start (DK1, BC1, BC2, BC4),
    BC4 moved out; near-poor 3 (DK2, BC3, BC5), BC5 exited; Nà Mòn Mới set beside Nà Mòn's
    April list, BC4 moved in. The plan's merger stands, as without the rename: Nà Mòn renamed,
    Bản Cọ merged into it (session 32: the old name the new one holds)."""
    folder, out = new_commune(tmp_path)
    lists = {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc5_rows(), "Đồng Kè": dk_rows()}
    run_lists(folder, out, "2024-03", lists)
    run_lists(folder, out, "2024-04", lists)
    write_merged_plan(folder, new="Nà Mòn Mới")
    by_name = run_lists(folder, out, "2024-05", {"Nà Mòn Mới": na_mon_rows(bc5_rows()[3]),
                                              "Đồng Kè": [*dk_rows(), *bc5_rows()[:3]]})  # fmt: skip
    na_mon = by_name["Nà Mòn Mới"]
    assert (na_mon["movements_month_from"], na_mon.get("merged_from")) == (None, ["Bản Cọ"])
    assert by_name["Đồng Kè"].get("merged_from") is None
    # NM1-NM3, BC1, BC2, BC4: BC1, BC2 moved to Đồng Kè; NM4, NM5, BC3, BC5: BC3 moved, BC5 left
    assert movement_row(na_mon["movements_month"], "poor") == (6, 0, 0, 2, 0, 4)
    assert movement_row(na_mon["movements_month"], "near_poor") == (4, 0, 0, 1, 1, 2)
    dong_ke = by_name["Đồng Kè"]["movements_month"]
    assert (movement_row(dong_ke, "poor"), movement_row(dong_ke, "near_poor")) == (
        (1, 0, 2, 0, 0, 3), (1, 0, 1, 0, 0, 2))  # fmt: skip
    # renamed from Nà Mòn; its trend's March over both hamlets: 3 + 3 poor of 300 households
    # (near-poor 2 + 2 of 300)
    assert na_mon["renamed_from"] == [{"hamlet": "Nà Mòn", "period": "2024-05"}]
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    march = summary["trend"]["hamlets"]["Nà Mòn Mới"][0]
    assert (march["period"], march["poor_rate"], round(march["near_poor_rate"], 9)) == (
        "2024-03", 2.0, 1.333333333)  # fmt: skip
