"""What the officer's pass of session 57 left on screen (helper H3): a damaged zip's and a
reader's XML or text error said in Vietnamese, `check` of a folder without a plan exiting 1 as
one with a plan of another year does, `check`'s "Chưa nộp" naming a file found for the hamlet
as the run's line does."""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import person, write_plan, write_roster


def _check(*args: str):
    return CliRunner().invoke(main, ["check", *args])


# --- 2. `check` of the whole folder without a plan exits 1: its run stops ----------------------


def test_check_of_a_folder_without_a_plan_exits_1_as_its_run_stops(tmp_path):
    # Bản Cọ's list alone in 'vao': a run of 'vao' stops ("Không tìm thấy tệp kế hoạch", exit 2),
    # as a run of lists with a plan of another year stops, which `check` exits 1 for (session
    # 44). Before: exit 0 here, "0 lỗi" and the note saying the run stops.
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    out.mkdir()
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    done = _check(str(folder), "--output", str(out))
    assert (done.exit_code, done.output.splitlines()[-1]) == (1, "1 tệp, 0 lỗi, 0 cảnh báo.")
    # the file alone: the folder may hold the plan, nothing known of its run: 0 as before
    alone = _check(str(folder / "DS_BanCo_2024-05.xlsx"), "--output", str(out))
    assert (alone.exit_code, alone.output.splitlines()[-1]) == (0, "1 tệp, 0 lỗi, 0 cảnh báo.")
    # the plan added to the folder: the run goes on (warnings only, Nà Mòn and Đồng Kè not
    # received): 0
    write_plan(folder)
    done = _check(str(folder), "--output", str(out))
    assert done.exit_code == 0
    assert done.output.splitlines()[-2:] == [
        "Chưa nộp (kỳ 05/2024): Nà Mòn, Đồng Kè",
        "2 tệp, 0 lỗi, 4 cảnh báo.",
    ]
