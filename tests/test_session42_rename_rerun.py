"""Session 42: a month of a rename run again gives the answer it gave.

The small commune (tests/commune.py): Nà Mòn's start list NM1-NM3 poor, NM4-NM5 near-poor;
Bản Cọ's BC1-BC2 poor, BC3 near-poor; Đồng Kè's DK1 poor, DK2 near-poor. May is the year's
first stored month and Nà Mòn sends nothing: its households are stored only on the start list
the history keeps ('2024-00', under 'Nà Mòn'). The plan then renames Nà Mòn (and Bản Cọ), and
June is run twice with the same files. The first run of June rewrites the kept list under the
plan's names now (session 29), so a second run found no household under 'Nà Mòn' anywhere:
the renames were not known, and its figures and refusals were not the first run's. The run
that rewrites the list records the renames (history._record_renamed), and the old name's
households are read there under the name now (history._kept_renames).
"""

from __future__ import annotations

import sqlite3

from pipeline.history import MIGRATIONS
from pipeline.run import execute
from tests.commune import new_commune, person, write_renamed_plan, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists


def _figures(hamlet: dict) -> tuple:
    """What the month's table of a hamlet is set beside, and its poor and near-poor rows."""
    month = hamlet["movements_month"]
    return (
        hamlet["movements_month_from"],
        tuple(sorted(month["poor"].items())),
        tuple(sorted(month["near_poor"].items())),
    )


def test_two_renamed_at_once_one_never_listed_run_again_gives_the_same_figures(tmp_path):
    """May: Bản Cọ lists BC1-BC3 poor, Nà Mòn nothing. The plan renames both; June's Nà Mòn
    Mới lists NM1-NM5 and BC3. Bản Cọ Trên is set beside May's list both times (session 41:
    'plan' on the second run, before the fix: 1 case fails)."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-05", {"Bản Cọ": bc_rows()[:2] + [person("BC3", "poor")],
                                    "Đồng Kè": dk_rows()})  # fmt: skip
    write_renamed_plan(folder, {"Nà Mòn": "Nà Mòn Mới", "Bản Cọ": "Bản Cọ Trên"})
    june = {"Nà Mòn Mới": na_mon_rows(person("BC3", "poor")), "Bản Cọ Trên": bc_rows()[:2],
            "Đồng Kè": dk_rows()}  # fmt: skip
    first = run_lists(folder, out, "2024-06", june)
    again = run_lists(folder, out, "2024-06", june)
    for name in ("Nà Mòn Mới", "Bản Cọ Trên", "Đồng Kè"):
        assert _figures(again[name]) == _figures(first[name]), name
    ban_co = again["Bản Cọ Trên"]
    assert ban_co["movements_month_from"] is None
    # May's Bản Cọ: BC1-BC3 poor; June: BC3 moved out (to Nà Mòn Mới)
    month = ban_co["movements_month"]
    poor = month["poor"]
    assert (poor["start"], poor["moved_out"], poor["exited"], poor["end"]) == (3, 1, 0, 2)
    assert (month["near_poor"]["start"], month["near_poor"]["end"]) == (0, 0)
    # Nà Mòn Mới, never listed: set beside its start list (NM1-NM3 poor); BC3 moved in
    na_mon = again["Nà Mòn Mới"]
    assert na_mon["movements_month_from"] == "plan"
    poor = na_mon["movements_month"]["poor"]
    assert (poor["start"], poor["moved_in"], poor["new"], poor["end"]) == (3, 1, 0, 4)


def _june_under_the_old_name(folder, out):
    """June's lists, Nà Mòn's still written 'Nà Mòn' in 'Xóm': the run's refusal of it."""
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    write_roster(folder, "DS_nm_2024-06.xlsx", "Nà Mòn", 100, na_mon_rows(), "2024-06")
    write_roster(folder, "DS_bc_2024-06.xlsx", "Bản Cọ", 200, bc_rows(), "2024-06")
    result, _, _ = execute(folder, out, "2024-06")
    [issue] = [i for i in result.issues if i.code == "unknown-hamlet"]
    return issue.file, issue.cell, issue.variant, issue.instead


def test_a_list_under_the_former_name_of_a_hamlet_never_listed_is_told_so_when_run_again(
    tmp_path,
):
    """May: Bản Cọ lists, Nà Mòn sends nothing; the plan renames Nà Mòn 'Nà Mòn Mới'. June's
    list still written 'Nà Mòn' is the former name's (renames.renamed_since, from the kept
    list) both times: run again, it was told as a list of no known hamlet (before the fix: 1
    case fails)."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-05", {"Bản Cọ": bc_rows()})
    write_renamed_plan(folder, {"Nà Mòn": "Nà Mòn Mới"})
    said = ("DS_nm_2024-06.xlsx", "B3", "former", "Nà Mòn Mới")
    assert _june_under_the_old_name(folder, out) == said
    assert _june_under_the_old_name(folder, out) == said


def test_the_kept_lists_renames_are_read_one_after_another():
    """history._kept_renames: renamed twice, the last name; renamed back, none; another
    year's record is not read."""
    from pipeline.history import _kept_renames

    conn = sqlite3.connect(":memory:")
    conn.execute(MIGRATIONS[1][1].replace(" REFERENCES runs(run_id)", ""))
    recorded = [(1, "2024-00", "Nà Mòn", "Nà Mòn Mới"), (2, "2024-00", "Bản Cọ", "Bản Cọ Trên"),
                (3, "2024-00", "Nà Mòn Mới", "Tân Mòn"), (4, "2024-00", "Bản Cọ Trên", "Bản Cọ"),
                (5, "2025-00", "Đồng Kè", "Tân Kè")]  # fmt: skip
    conn.executemany("INSERT INTO run_files VALUES (?, ?, ?, 0, 'start-list-renamed', ?)", recorded)
    assert _kept_renames(conn, 2024) == {"Nà Mòn": "Tân Mòn", "Nà Mòn Mới": "Tân Mòn",
                                         "Bản Cọ Trên": "Bản Cọ"}  # fmt: skip
    assert _kept_renames(conn, 2025) == {"Đồng Kè": "Tân Kè"}
