"""Session 64 (helper G): the `--turn` oracle's seed 1924 (a fresh band, 1900-1939), reduced and
pinned; fixed by helper G2 (a start row under a December row's code in another hamlet, its
head's name and birth year alike, is that household before any slip pairing). Session 47's
commune merged at the turn (tests.test_session47_merger_year_turn: Bản Cọ merged into Nà Mòn by
the 2025 plan, its start list writing Bản Cọ's December households under Nà Mòn), here with
BC1's head 'Lò Văn Tuấn' (1960), and Nà Mòn's December list a household NM7 'Lò Văn Tuấm' (1960)
marked 'Thoát' (poor in November): the two names a last letter apart (session 55's slip).
January 2025: Nà Mòn sends no list; Đồng Kè lists its own and BC1."""

from __future__ import annotations

from datetime import date

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets
from tests.test_session47_merger_year_turn import bc4_rows, dk, nm6_rows, run_with_lists
from tests.test_session56_b_turn_moved import table


def tuan(code: str, status: str, name: str) -> dict:
    """A head 'Lò Văn Tuấn'/'Lò Văn Tuấm' (``name``), born 1960, under ``code``."""
    return person(code, status, chu_ho=name, nam_sinh=1960)


def bc_rows() -> list[dict]:
    """Bản Cọ's four of session 47, BC1's head 'Lò Văn Tuấn' (1960)."""
    rows = bc4_rows()
    return [tuan("BC1", "poor", "Lò Văn Tuấn"), *rows[1:]]


def january(tmp_path, nm7: str) -> dict:
    """November and December 2024 (Nà Mòn's six and NM7 ``nm7`` poor, then 'Thoát'; Bản Cọ's
    four; Đồng Kè's two), the 2025 plan merging Bản Cọ into Nà Mòn (NM7 off its start list),
    and January 2025 (Nà Mòn silent; Đồng Kè DK1, DK2 and BC1 poor). Returns January's JSON."""
    folder, out = new_commune(tmp_path)
    lists = {"Nà Mòn": [*nm6_rows(), tuan("NM7", "poor", nm7)], "Bản Cọ": bc_rows(),
             "Đồng Kè": dk()}  # fmt: skip
    run_with_lists(folder, out, "2024-11", lists, date(2024, 12, 3))
    lists["Nà Mòn"] = [*nm6_rows(), tuan("NM7", "exited", nm7)]
    run_with_lists(folder, out, "2024-12", lists, date(2025, 1, 3))
    hamlets = [dict(h) for h in plan_hamlets() if h["hamlet"] != "Bản Cọ"]
    hamlets[0].update(start_households=300, start_poor=7, start_near_poor=3)
    start = [dict(row, hamlet="Nà Mòn") for row in [*nm6_rows(), *bc_rows()]] + [
        dict(row, hamlet="Đồng Kè") for row in dk()]  # fmt: skip
    for stt, row in enumerate(start, start=1):
        row["stt"] = stt
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025}, hamlets,
                        start)  # fmt: skip
    sent = {"Đồng Kè": [*dk(), tuan("BC1", "poor", "Lò Văn Tuấn")]}
    return run_with_lists(folder, out, "2025-01", sent, date(2025, 2, 3))


# start, to the other list, exited, not counted, moved out, from the other list, new,
# returned, moved in, recounted, end: Đồng Kè's month table by hand, against its December
# list, BC1 on Bản Cọ's (merged into Nà Mòn, which has no table now): moved in
MOVED_IN = ((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), (1, *[0] * 9, 1))


def test_a_household_of_a_hamlet_merged_at_the_turn_moved_in_where_no_slip_is_near(tmp_path):
    """NM7's head 'Lò Văn Tú' (no slip of 'Tuấn'): Đồng Kè's month table moved in 1 (BC1, from
    Bản Cọ's December list), poor 1 to 2, near-poor 1 to 1; its year's table (against the
    start list, BC1 Nà Mòn's there) moved in 1 too. Passes before and after."""
    summary = january(tmp_path, "Lò Văn Tú")
    dong_ke = {h["hamlet"]: h for h in summary["hamlets"]}["Đồng Kè"]
    assert table(dong_ke["movements_month"]) == MOVED_IN
    assert table(dong_ke["movements"]) == MOVED_IN


def test_a_thoat_row_a_last_letter_apart_takes_no_merged_hamlets_start_row(tmp_path):
    """NM7's head 'Lò Văn Tuấm': by hand as above, NM7 marked 'Thoát' in December and off the start
    list is no one on it. Fails before G2's fix (the month table new 1). The pipeline before:
    the merger at the turn is not found for January's month table (Nà Mòn, the hamlet joined,
    sends nothing now: `_month_renamed` merges only into a hamlet sending now), so Bản Cọ's
    December rows stay under Bản Cọ and the start list's BC1 under Nà Mòn is open to pass 2
    (within Nà Mòn): NM7's December row 'Lò Văn Tuấm' 1960 is its last-letter slip, and BC1 is
    one of last year's codes: paired; BC1's own December row then held by its name (a code the
    start list gave another): Đồng Kè new 1, not moved in 1."""
    summary = january(tmp_path, "Lò Văn Tuấm")
    dong_ke = {h["hamlet"]: h for h in summary["hamlets"]}["Đồng Kè"]
    assert table(dong_ke["movements"]) == MOVED_IN
    assert table(dong_ke["movements_month"]) == MOVED_IN
