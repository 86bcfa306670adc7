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
from tests.month_lists import na_mon_ban_co, november_then_december_and_january, vanished_said


def _year_turn(tmp_path):
    """November 2024 run (NM1-NM5, the 2024 plan kept in ra/2024-11/nguon/); then in the input
    folder: December 2024's lists (Nà Mòn's NM1-NM4, NM5 dropped without 'Thoát'), never run,
    the 2025 plan and January 2025's lists (Nà Mòn's NM1-NM4); KeHoach_2024.xlsx taken out."""
    folder, out = november_then_december_and_january(tmp_path)
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
    assert vanished_said(folder, out) == [
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
    assert vanished_said(folder, out) == [
        ("NaMon_2025-01.xlsx", "NM5 (Hoàng Văn NM5)", "danh sách đầu năm")
    ]


def test_december_run_already_says_nothing_again(tmp_path):
    """Kept: December run (with the 2024 plan) before the plan is taken out: `check` says
    nothing of NM5 (asked by December's run; January's movements alone)."""
    folder, out = november_then_december_and_january(tmp_path, run_december=True)
    (folder / "KeHoach_2024.xlsx").unlink()
    history = HistoryStore(out / "lich-su.sqlite", read_only=True)
    assert [
        i for i in check_files([folder], history=history) if i.code == "vanished-household"
    ] == []


# --- what the screen says ---------------------------------------------------------------------


def test_check_says_which_copy_december_was_compared_with_and_to_copy_it_back(tmp_path):
    """The screen says December's lists were compared with the kept copy, named as the run
    would name it ('ra/2024-11/nguon/KeHoach_2024.xlsx', under the output folder given), and
    that December's run stops without it (as run above: "Hãy đặt kế hoạch năm 2024 vào thư
    mục đầu vào"); in English too. Before: no such line."""
    import os

    from click.testing import CliRunner

    from pipeline.cli import main

    _year_turn(tmp_path)
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        said = {
            lang: CliRunner().invoke(main, ["check", "vao", "--output", "ra", "--lang", lang])
            for lang in ("vi", "en")
        }
    finally:
        os.chdir(here)
    lines = {lang: run.output.splitlines() for lang, run in said.items()}
    # which runs stop said, and January's hamlet not received named under it (session 58, D2)
    assert lines["vi"][-3:-1] == [
        "Lưu ý: các danh sách kỳ 12/2024 (chưa tổng hợp) đã được so với kế hoạch năm 2024 giữ "
        "ở 'ra/2024-11/nguon/KeHoach_2024.xlsx' (kế hoạch đã dùng khi tổng hợp kỳ 11/2024), vì "
        "kế hoạch năm 2024 không có trong các tệp được kiểm tra. Tổng hợp kỳ mới nhất (make hoặc "
        "giamngheo run) vẫn chạy được; chỉ khi tổng hợp kỳ 12/2024, thiếu kế hoạch đó, chương "
        "trình sẽ dừng: trước đó, hãy chép (không chuyển) tệp đó vào thư mục đầu vào.",
        "Chưa nộp (kỳ 01/2025): Đồng Kè",
    ]
    assert lines["en"][-3] == (
        "Note: the lists of period 12/2024 (not consolidated yet) were compared with the 2024 "
        "plan kept as 'ra/2024-11/nguon/KeHoach_2024.xlsx' (the plan period 11/2024 was "
        "consolidated with), as the 2024 plan is not among the files checked. Consolidating the "
        "latest period (make or giamngheo run) goes on; only consolidating period 12/2024 stops "
        "without it: first copy (do not move) that file into the input folder."
    )
    assert lines["vi"][-1] == "5 tệp, 0 lỗi, 3 cảnh báo."  # NM5 and the plan's two targets
    assert said["vi"].exit_code == 0


def test_the_december_run_stops_without_the_plan_check_names(tmp_path):
    """What the note says of December's run: run without the 2024 plan, it stops."""
    from pipeline.run import FatalError

    folder, out = _year_turn(tmp_path)
    try:
        execute(folder, out, "2024-12")
    except FatalError as stop:
        assert "Hãy đặt kế hoạch năm 2024 vào thư mục đầu vào" in str(stop)
    else:
        raise AssertionError("December's run did not stop")


class _Steps:
    """A progress bar's calls, recorded (cli.Progress's two ways of being told)."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def __call__(self, done: int, total: int) -> None:
        self.calls.append(("read", done, total))

    def step(self, label: str, done: int, total: int) -> None:
        self.calls.append((label, done, total))


def test_check_tells_its_progress_bar_the_files_read_and_each_month_run(tmp_path):
    """The five files read (1/5 … 5/5), then the months worked out: December run first (0/2
    before it), January then (1/2), done (2/2). Before: no progress told (eleven months of a
    sample commune's lists took 11 s with nothing on the screen)."""
    from pipeline.checkfiles import MOVEMENTS

    folder, out = _year_turn(tmp_path)
    steps = _Steps()
    history = HistoryStore(out / "lich-su.sqlite", read_only=True)
    check_files([folder], history=history, progress=steps)
    assert sorted(c for c in steps.calls if c[0] == "read") == [("read", d, 5) for d in range(1, 6)]
    assert [c for c in steps.calls if c[0] != "read"] == [
        (MOVEMENTS, 0, 2),
        (MOVEMENTS, 1, 2),
        (MOVEMENTS, 2, 2),
    ]


def test_a_single_month_tells_no_months_stage(tmp_path):
    """Control: November alone, no month before it to run: one consolidation, as before, and
    no months stage told (fails before only for want of the parameter)."""
    folder, out = new_commune(tmp_path)
    na_mon_ban_co(folder, "2024-11", 5)
    execute(folder, out, "2024-11")
    steps = _Steps()
    history = HistoryStore(out / "lich-su.sqlite", read_only=True)
    check_files([folder], history=history, progress=steps)
    assert [c for c in steps.calls if c[0] != "read"] == []


def test_the_months_stage_is_named_in_english_under_lang_en():
    import io

    from pipeline.checkfiles import MOVEMENTS
    from pipeline.cli import Progress

    out = io.StringIO()
    Progress(out, lang="en").step(MOVEMENTS, 2, 2)
    assert out.getvalue() == "\rMovements    [" + "#" * 30 + "] 2/2\n"
