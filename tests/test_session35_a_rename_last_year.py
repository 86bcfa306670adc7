"""Session 35: a list under the name its hamlet had on last year's lists only, renamed in this
year's plan.

The small commune (tests/commune.py): December 2023 run under the 2023 plan with Nà Mòn's list
(NM1-5, 100); the 2024 plan writes Nà Mòn 'Nà Mòn Mới' (targets and start list). No 2024
month is stored. May 2024 brings Đồng Kè's list and one written 'Nà Mòn': the rename path looked
at this year's months only, so the list was told the plain refusal ("Hãy ghi đúng tên xóm như
trong kế hoạch (Nà Mòn Mới, Bản Cọ, Đồng Kè)") or its codes' ('codes'); now, no month of this
year having the name, December 2023's tells the former name (variant 'former'), since the
month run (no stored month under the new name).
"""

from __future__ import annotations

from datetime import date

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_roster
from tests.test_session32_renames import renamed_plan
from tests.test_session35_b_merged_new_codes import dong_ke, new_codes, refused

FORMER_VI = (
    "Ô 'Xóm' ghi 'Nà Mòn', là tên cũ của xóm 'Nà Mòn Mới' (tên trong kế hoạch từ kỳ 05/2024), "
    "nên danh sách chưa được tính. Hãy sửa ô 'Xóm' thành 'Nà Mòn Mới' đúng như trong kế hoạch "
    "rồi gửi lại."
)


def _december(tmp_path):
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    info = {**PLAN_INFO, "plan_year": 2023}
    write_plan_workbook(folder / "KeHoach_2023.xlsx", info, plan_hamlets(), start_list())
    rows = [person(f"NM{i}", "near_poor" if i > 3 else "poor") for i in range(1, 6)]
    write_roster(folder, "NaMon_2023-12.xlsx", "Nà Mòn", 100, rows, period="2023-12",
                 prepared=date(2024, 1, 3))  # fmt: skip
    execute(folder, out, "2023-12")
    renamed_plan(folder, "Nà Mòn Mới")
    dong_ke(folder)
    return folder, out


def test_new_codes_under_last_years_name_are_told_the_former_name(tmp_path):
    folder, out = _december(tmp_path)
    new_codes(folder, hamlet="Nà Mòn", codes=("NM7", "NM8"))
    result, _, _ = execute(folder, out, "2024-05")
    issue = refused(result)
    assert (issue.file, issue.cell, issue.variant, issue.instead) == (
        "BanCo_2024-05.xlsx", "B3", "former", "Nà Mòn Mới"
    )  # fmt: skip
    assert issue.message("vi") == FORMER_VI


def test_its_own_codes_under_last_years_name_are_told_the_former_name(tmp_path):
    # NM1-3 on the start list under 'Nà Mòn Mới': told whose the codes are before ('codes')
    folder, out = _december(tmp_path)
    new_codes(folder, hamlet="Nà Mòn", codes=("NM1", "NM2"))
    result, _, _ = execute(folder, out, "2024-05")
    issue = refused(result)
    assert (issue.variant, issue.instead) == ("former", "Nà Mòn Mới")
    assert issue.message("vi") == FORMER_VI
