"""Session 51: `check` at the year turn with last year's plan kept only in the history.

In January the officer may take last year's plan out of the input folder (the guide allows
it). December's lists, never run, given with January's and this year's plan: a run of
January compares January with the months stored and says December was never run (run it,
then January again); December's run then stops until last year's plan is put back, whose copy
the history keeps (output/YYYY-MM/nguon/). The runs in calendar order, that copy put back, say
December's households gone at December's lists, and January's not again. `check` now runs
December first with that copy, as it does with last year's plan given.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1-BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150), on the
plan's start list.
"""

from __future__ import annotations

from pipeline.checkfiles import check_files
from pipeline.history import HistoryStore
from pipeline.run import execute
from tests.commune import new_commune
from tests.test_session51_reporting_gaps import _gone, _nm_bc, _plan_2025


def _year_turn(tmp_path):
    """November 2024 run (NM1-NM5, the 2024 plan kept in ra/2024-11/nguon/); then in the input
    folder: December 2024's lists (Nà Mòn's NM1-NM4, NM5 dropped without 'Thoát'), never run,
    the 2025 plan and January 2025's lists (Nà Mòn's NM1-NM4); KeHoach_2024.xlsx taken out."""
    folder, out = new_commune(tmp_path)
    _nm_bc(folder, "2024-11", 5)
    execute(folder, out, "2024-11")
    for old in folder.glob("*_2024-11.xlsx"):
        old.unlink()
    _nm_bc(folder, "2024-12", 4)
    _plan_2025(folder)
    _nm_bc(folder, "2025-01", 4)
    (folder / "KeHoach_2024.xlsx").unlink()
    return folder, out


def _output_bytes(out) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_check_runs_december_first_with_last_years_plan_kept_in_the_history(tmp_path):
    """By hand, the runs in calendar order (the kept 2024 plan copied back for December's):
    December's, against November (NM1-NM5) and the 2024 start list, asks about NM5 at
    December's Nà Mòn list ('danh sách đầu năm'); January's, December stored, asks nothing.
    Before: December was not run (its plan not among the files), January compared with
    November: NM5 asked at 'NaMon_2025-01.xlsx'. The output folder's bytes (the history, the
    kept plan) unchanged."""
    folder, out = _year_turn(tmp_path)
    assert (out / "2024-11" / "nguon" / "KeHoach_2024.xlsx").is_file()
    before = _output_bytes(out)
    assert _gone(folder, out) == [
        ("NaMon_2024-12.xlsx", "NM5 (Hoàng Văn NM5)", "danh sách đầu năm")
    ]
    assert _output_bytes(out) == before


def test_the_runs_in_order_say_what_check_said(tmp_path):
    """The runs themselves, the kept copy put back as December's run asks: December's says NM5
    at its Nà Mòn list, January's after it nothing; so `check` above says what they say."""
    import shutil

    folder, out = _year_turn(tmp_path)
    shutil.copy(out / "2024-11" / "nguon" / "KeHoach_2024.xlsx", folder)
    said = {}
    for period in ("2024-12", "2025-01"):
        result, _, _ = execute(folder, out, period)
        said[period] = [(i.file, i.value) for i in result.issues if i.code == "vanished-household"]
    assert said == {"2024-12": [("NaMon_2024-12.xlsx", "NM5 (Hoàng Văn NM5)")], "2025-01": []}


def test_without_a_kept_copy_january_is_compared_with_the_months_stored_as_before(tmp_path):
    """Kept (passes before too): the copy gone from ra/2024-11/nguon/, December cannot be run
    with any 2024 plan; January's run, comparing with November, asks NM5 at January's list,
    and `check` says so."""
    folder, out = _year_turn(tmp_path)
    (out / "2024-11" / "nguon" / "KeHoach_2024.xlsx").unlink()
    assert _gone(folder, out) == [
        ("NaMon_2025-01.xlsx", "NM5 (Hoàng Văn NM5)", "danh sách đầu năm")
    ]


def test_december_run_already_says_nothing_again(tmp_path):
    """Kept: December run (with the 2024 plan) before the plan is taken out: `check` says
    nothing of NM5 (asked by December's run; January's movements alone)."""
    folder, out = new_commune(tmp_path)
    _nm_bc(folder, "2024-11", 5)
    execute(folder, out, "2024-11")
    for old in folder.glob("*_2024-11.xlsx"):
        old.unlink()
    _nm_bc(folder, "2024-12", 4)
    execute(folder, out, "2024-12")
    _plan_2025(folder)
    _nm_bc(folder, "2025-01", 4)
    (folder / "KeHoach_2024.xlsx").unlink()
    history = HistoryStore(out / "lich-su.sqlite", read_only=True)
    assert [
        i for i in check_files([folder], history=history) if i.code == "vanished-household"
    ] == []
