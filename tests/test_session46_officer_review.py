"""Session 46: helper G's review of the session's check, journal and print changes, as the
officer works: the cases found wrong, each worked by hand on the small commune."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from pipeline.messages import RunCommand
from pipeline.run import FatalError, execute
from tests.commune import person, write_plan, write_roster

_APRIL = {"period": "2024-04", "prepared": date(2024, 5, 3)}


def _may_stop(folder, out) -> str:
    with pytest.raises(FatalError) as stopped:
        execute(folder, out, "2024-05", command=RunCommand(folder, out))
    return str(stopped.value)


def test_a_run_of_may_with_only_aprils_list_sent_again_says_so_not_check_period(tmp_path):
    """Bản Cọ's April list and 'BanCo_2024-05.xlsx', the same bytes ('Kỳ báo cáo' 04/2024), the
    only file named for May. `check` says "the same as April's list, do not correct the cell,
    ask the head for May's" (session 43, 46). Before, `run --period 2024-05` stopped saying
    "no list of 05/2024 … Các kỳ có danh sách: 04/2024. Hãy kiểm tra lại --period.": the
    period was right. Now it says the file as the run's notice does."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "BanCo_2024-04.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC3", "near_poor")], **_APRIL)  # fmt: skip
    shutil.copy(folder / "BanCo_2024-04.xlsx", folder / "BanCo_2024-05.xlsx")
    out = tmp_path / "ra"
    assert _may_stop(folder, out) == (
        "Thư mục đầu vào không có danh sách hộ nào của kỳ 05/2024; không có gì để tổng hợp. "
        "Xóm Bản Cọ được tính là chưa nộp kỳ 05/2024: tệp 'BanCo_2024-05.xlsx' mang tên kỳ "
        "05/2024 nhưng giống hệt danh sách kỳ 04/2024 của xóm ('BanCo_2024-04.xlsx'): có lẽ xóm "
        "gửi nhầm tệp kỳ 04/2024. Đừng sửa ô 'Kỳ báo cáo' của tệp này; hãy nhờ trưởng xóm gửi "
        f"danh sách kỳ 05/2024, rồi chạy lại: {RunCommand(folder, out).of('2024-05')}"
    )


def test_a_run_of_may_with_only_a_may_list_dated_april_names_the_cell(tmp_path):
    """'BanCo_2024-05.xlsx' (BC1 poor), its 'Kỳ báo cáo' mistyped 04/2024, no other list.
    Before: "… Hãy kiểm tra lại --period." Now: the cell to correct, as the run's notice."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "BanCo_2024-05.xlsx", "Bản Cọ", 200, [person("BC1", "poor")], **_APRIL)
    out = tmp_path / "ra"
    assert _may_stop(folder, out) == (
        "Thư mục đầu vào không có danh sách hộ nào của kỳ 05/2024; không có gì để tổng hợp. "
        "Xóm Bản Cọ được tính là chưa nộp kỳ 05/2024: tệp 'BanCo_2024-05.xlsx' mang tên kỳ "
        "05/2024 nhưng ô 'Kỳ báo cáo' ghi 04/2024. Nếu đó là danh sách kỳ 05/2024, hãy sửa ô "
        "'Kỳ báo cáo' (trang 'Thông tin', ô B4) thành 05/2024 rồi chạy lại: "
        f"{RunCommand(folder, out).of('2024-05')}"
    )
