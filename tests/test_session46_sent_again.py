"""Session 46: `check` of last month's list and this month's that is the same file says one
thing: the file is last month's, sent again; the hamlet to send this month's."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import person, write_plan, write_roster


def test_check_of_may_and_its_copy_named_for_june_says_one_thing(tmp_path, monkeypatch):
    """'BanCo_2024-06.xlsx' holds the bytes of 'BanCo_2024-05.xlsx' ('Kỳ báo cáo' 05/2024).
    Before, `check` said both runs' words: May's "the same file as 'BanCo_2024-05.xlsx', only
    that one is used; nothing to do with this file" (superseded) and June's "not counted in
    06/2024; ask the head for June's list" (period-differs-from-file-name). Now June's alone."""
    monkeypatch.chdir(tmp_path)
    folder = Path("vao")
    folder.mkdir()
    write_plan(folder)
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "BanCo_2024-05.xlsx", "Bản Cọ", 200, rows)
    shutil.copy(folder / "BanCo_2024-05.xlsx", folder / "BanCo_2024-06.xlsx")
    Path("trong").mkdir()
    done = CliRunner().invoke(main, ["check", "vao", "--output", "trong"])
    assert done.exit_code == 0
    said = [line for line in done.output.splitlines() if "BanCo_2024-06.xlsx" in line]
    assert said == [
        "[Cảnh báo] BanCo_2024-06.xlsx, Thông tin, B4 (period-differs-from-file-name): Tệp "
        "giống hệt danh sách kỳ 05/2024 của xóm đã nhận (BanCo_2024-05.xlsx): có lẽ xóm gửi "
        "nhầm tệp kỳ 05/2024, nên tệp không được tính vào kỳ 06/2024. Đừng sửa ô 'Kỳ báo cáo' "
        "của tệp này; hãy nhờ trưởng xóm gửi danh sách kỳ 06/2024."
    ]
    assert done.output.splitlines()[-1] == "3 tệp, 0 lỗi, 3 cảnh báo."  # and the plan's two
