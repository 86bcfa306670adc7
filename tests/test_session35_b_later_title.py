"""Session 35: the later-periods notice when a later month's list writes a hamlet's old name in
its title alone (no 'Thông tin'), pinned: no 'Xóm' cell named, the title is.

Session 32's renamed hamlet (tests/test_session32_renames.renamed_twice): 'Nà Mòn' in March,
'Nà Mòn Mới' in April, 'Tân Mòn' in May, each month run. April's list is then kept without its
'Thông tin' sheet (its title '… XÓM NÀ MÒN MỚI – THÁNG 4/2024'), and March run again with a
corrected list under 'Tân Mòn' (NM3 near-poor too).
"""

from __future__ import annotations

from pipeline.messages import in_language
from pipeline.output import NOTICES
from tests.test_session18_reading import without_info_sheet
from tests.test_session32_renames import na_mon_run, renamed_twice


def test_the_later_periods_notice_names_the_title_holding_the_old_name(tmp_path):
    folder, out = renamed_twice(tmp_path)
    (folder / "NaMon_2024-04.xlsx").rename(folder / "tmp.xlsx")
    without_info_sheet(folder / "tmp.xlsx", "NaMon_2024-04.xlsx")
    (folder / "NaMon_2024-03.xlsx").unlink()
    na_mon_run(folder, out, "2024-03", "Tân Mòn", (3, 4, 5), name="NaMon_sua_2024-03.xlsx")
    stale = next(n for n in NOTICES if in_language(n, "vi").startswith("Các kỳ sau"))
    assert in_language(stale, "vi") == (
        "Các kỳ sau (04/2024, 05/2024) đã được tổng hợp với số liệu cũ của kỳ 03/2024: biến "
        "động so với tháng trước, số hộ tái nghèo và xu hướng của các kỳ đó chưa theo số liệu mới. "
        "Danh sách của "
        "các kỳ đó còn ghi tên xóm cũ (tệp 'NaMon_2024-04.xlsx' ghi 'NÀ MÒN MỚI' ở tiêu đề "
        "trang 'Danh sách', kế hoạch nay ghi là 'Tân Mòn'): hãy sửa thành tên mới như trong kế "
        "hoạch trước, nếu không các kỳ đó sẽ dừng lại, không tính các danh sách đó. Hãy chạy lại "
        "các kỳ đó, theo thứ tự: giamngheo run --period 2024-04; giamngheo run --period 2024-05"
    )
    assert in_language(stale, "en") == (
        "Later periods (04/2024, 05/2024) were consolidated with this period's old figures: "
        "their changes since the previous month, households back in poverty (tái nghèo) and trend "
        "do not follow the new ones. Their "
        "lists still write a hamlet's old name (file 'NaMon_2024-04.xlsx' says 'NÀ MÒN MỚI' in "
        "the title of sheet 'Danh sách', which the plan now writes 'Tân Mòn'): write the new "
        "name, as the plan has it, first, or those periods stop without counting them. Run "
        "those periods again, in order: giamngheo run --period 2024-04; giamngheo run --period "
        "2024-05"
    )
