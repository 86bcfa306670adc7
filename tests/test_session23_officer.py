"""Session 23: what the officer finds after a run that stopped."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from tests.test_end_to_end import run_cli

INPUT = Path(__file__).resolve().parents[1] / "input"


def test_a_run_that_stops_before_writing_leaves_no_empty_output_folder(tmp_path):
    """A folder holding a hamlet's list but no plan: the run stops (exit 2) with the reason.
    It used to leave the output folder it had made for its lock, empty, and its missing
    parent too; they are removed again. A folder that held something before is kept, and
    so is what is in it."""
    folder = tmp_path / "input"
    folder.mkdir()
    shutil.copy(INPUT / "DS_BanCo_2024-05.xlsx", folder)
    done = run_cli("run", "--input", str(folder), "--output", str(tmp_path / "ket-qua" / "2024"))
    assert done.returncode == 2
    assert "Không tìm thấy tệp kế hoạch" in done.stdout + done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input"]
    # an output folder the officer made (empty), and one holding an earlier month's results
    (tmp_path / "rong").mkdir()
    (tmp_path / "cu" / "2024-04").mkdir(parents=True)
    (tmp_path / "cu" / "2024-04" / "TongHop_2024-04.json").write_text("{}")
    for out in ("rong", "cu"):
        assert (
            run_cli("run", "--input", str(folder), "--output", str(tmp_path / out)).returncode == 2
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cu", "input", "rong"]
    assert list((tmp_path / "rong").iterdir()) == []
    assert (tmp_path / "cu" / "2024-04" / "TongHop_2024-04.json").read_text() == "{}"


def test_issues_are_listed_in_the_sheets_order_of_columns_and_rows():
    """'Lỗi dữ liệu' and `check` list a file's issues by row, then column as the sheet has
    them: B4 before AB4 (they were sorted as text: AB4, AC4, B4), B5 before B10; an issue
    with no cell first."""
    from pipeline.types import Issue

    cells = ["AB4", "B10", "", "AC4", "B4", "B5", "Z4"]
    issues = [Issue("unknown-column", file="a.xlsx", sheet="Danh sách", cell=c) for c in cells]
    ordered = [i.cell for i in sorted(issues, key=Issue.sort_key)]
    assert ordered == ["", "B4", "Z4", "AB4", "AC4", "B5", "B10"]


def test_a_run_whose_every_list_is_refused_says_which_and_why(tmp_path):
    """Every list of the month refused: nothing to count, so the run stops (exit 2, CONTRACT
    §6), as before. It used to say only "no list of 2024-05 was accepted", and the officer
    had to guess which file and why. It names each refused list, its hamlet and the error
    that refused it (the file's, before a row's), and the `check` that lists them all."""
    from tests.commune import person, write_plan, write_roster

    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    # Nà Mòn: 1 household written for 2 listed, NM2 born in 1800 (a row's error, said after)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 1,
                 [person("NM1", "poor"), person("NM2", "poor", nam_sinh=1800)])  # fmt: skip
    # Bản Cọ: both rows wrong (0 people)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor", nhan_khau=0), person("BC2", "poor", nhan_khau=0)])  # fmt: skip
    # started in tmp_path, whose output/ holds no history: the check named has no --no-history,
    # whatever `make` left in the repository's output/ (tests/test_session46_check_named.py)
    done = run_cli("run", "--input", str(folder), "--output", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 2
    said = done.stderr.strip()
    assert said.startswith(
        "LỖI: Không có danh sách hộ nào của kỳ 05/2024 được chấp nhận; không có gì để tổng "
        "hợp. Danh sách bị từ chối: 'BanCo.xlsx' (Bản Cọ): Cả 2 dòng hộ trong danh sách đều "
        "có lỗi"
    ), said
    assert "; 'NaMon.xlsx' (Nà Mòn): 'Tổng số hộ dân cư' (1)" in said
    assert "1800" not in said  # the row's error is in `check`, not here
    # A first run: 'out' was never made, so no history to name (session 45; with one, the
    # check names it: tests/test_session33_messages.py)
    assert said.endswith(
        f". Xem đủ các lỗi của từng tệp: {sys.executable} -m pipeline check {folder}"
    )
    assert len(said.splitlines()) == 1


def test_a_list_whose_month_cannot_be_read_is_named_when_nothing_counts(tmp_path):
    """A list whose month cannot be read (no 'Kỳ báo cáo', the file name and title naming
    none) may be this month's: a run that finds nothing to count names it with the lists
    refused for that month; and a run that finds no list with a readable month at all
    names it too, instead of only "no list has a readable period"."""
    from tests.commune import collect_stop, person, write_plan, write_roster

    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")], period="")
    alone = collect_stop(tmp_path, None)
    assert alone.startswith(
        "Không có danh sách hộ nào đọc được kỳ báo cáo trong thư mục đầu vào. Danh sách bị từ "
        "chối: 'NaMon.xlsx' (Nà Mòn): Ô B4 ('Kỳ báo cáo') trong trang 'Thông tin' để trống"
    ), alone  # (said blank since session 45; was "Kỳ báo cáo '' không đọc được")
    assert alone.endswith(". Xem đủ các lỗi của từng tệp: giamngheo check input")
    # with Bản Cọ's May list refused for its total
    write_roster(
        tmp_path, "BanCo.xlsx", "Bản Cọ", 1, [person("BC1", "poor"), person("BC2", "poor")]
    )
    both = collect_stop(tmp_path, "2024-05")
    assert both.startswith(
        "Không có danh sách hộ nào của kỳ 05/2024 được chấp nhận; không có gì để tổng hợp. "
        "Danh sách bị từ chối: 'BanCo.xlsx' (Bản Cọ): 'Tổng số hộ dân cư' (1)"
    ), both
    assert "; 'NaMon.xlsx' (Nà Mòn): Ô B4 ('Kỳ báo cáo') trong trang 'Thông tin' để trống" in both
