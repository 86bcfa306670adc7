"""Session 55, M: a hamlet renamed mid-year, then an earlier month run again (review R6's Left).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1-BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150). Each month's
lists write the start list's households as they are ('T<month>/NaMon.xlsx', …), so a month's
only warnings are the plan's two targets above its start rates.

* March run again, twice, after May's plan renamed Đồng Kè 'Đồng Kè Mới' (March's list
  corrected to the new name as the first run again told): April, stored under the old name,
  ran under the older plan, not a newer one; the second run says nothing of plans.
"""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import new_commune, write_renamed_plan, write_roster
from tests.test_session38_oracle import dk_rows
from tests.test_session55_i_earlier_months import month_lists


def _run(folder, out, period: str) -> list[str]:
    """`giamngheo run` of ``period``: the screen's 'CHÚ Ý:' lines, without the word."""
    ran = CliRunner().invoke(
        main, ["run", "--input", str(folder), "--output", str(out), "--period", period]
    )
    assert ran.exit_code == 0, ran.output
    return [s.removeprefix("CHÚ Ý: ") for s in ran.output.splitlines() if s.startswith("CHÚ Ý:")]


def _renamed_in_may(tmp_path):
    """March and April under the first plan (Đồng Kè), May under the plan renaming it 'Đồng Kè
    Mới' (May's run rewrites the kept start list under the new name); March's list of Đồng Kè
    then corrected to the new name, as a run again of March tells."""
    folder, out = new_commune(tmp_path)
    for month in (3, 4):
        month_lists(folder, month)
        _run(folder, out, f"2024-{month:02d}")
    write_renamed_plan(folder, {"Đồng Kè": "Đồng Kè Mới"})
    month_lists(folder, 5, ("Nà Mòn", "Bản Cọ"))
    write_roster(folder / "T5", "DongKeMoi.xlsx", "Đồng Kè Mới", 150, dk_rows(), "2024-05",
                 date(2024, 6, 1))  # fmt: skip
    _run(folder, out, "2024-05")
    (folder / "T3" / "DongKe.xlsx").unlink()
    write_roster(folder / "T3", "DongKe.xlsx", "Đồng Kè Mới", 150, dk_rows(), "2024-03",
                 date(2024, 4, 1))  # fmt: skip
    return folder, out


def test_an_earlier_month_run_again_after_a_rename_is_not_said_older_than_the_later_months(
    tmp_path,
):
    """March run again (its list under 'Đồng Kè Mới' now): the hamlet's figures stored under
    the new name, April to run again (its list still 'Đồng Kè'). March run again a second time,
    nothing changed: no 'CHÚ Ý' about plans, none at all (its figures as the last run's, the
    start list kept already the plan's). Before, the second run said "Kỳ 03/2024 vừa được
    tính theo kế hoạch cũ hơn kế hoạch đã dùng cho kỳ 04/2024 (kế hoạch đó không còn xóm Đồng
    Kè Mới) …, hãy đặt tệp kế hoạch mới trở lại …", April's plan being the older one, and left
    the start list kept unchecked."""
    folder, out = _renamed_in_may(tmp_path)
    first = _run(folder, out, "2024-03")
    assert any(line.startswith("Kỳ 03/2024 đã được tổng hợp trước khi kế hoạch") for line in first)
    assert any(line.startswith("Các kỳ sau (04/2024, 05/2024)") for line in first)
    assert not [line for line in first if "kế hoạch cũ hơn" in line]
    assert _run(folder, out, "2024-03") == []


FORMER = (
    "[LỖI] {file}, Thông tin, B3 (unknown-hamlet): Ô 'Xóm' ghi 'Đồng Kè', là tên cũ của xóm "
    "'Đồng Kè Mới' (tên trong kế hoạch từ kỳ 05/2024), nên danh sách chưa được tính. Hãy sửa ô "
    "'Xóm' thành 'Đồng Kè Mới' đúng như trong kế hoạch rồi gửi lại."
)


def test_check_after_a_rename_says_the_month_of_the_rename_for_earlier_months_lists(tmp_path):
    """March and April run under the first plan, May under the plan renaming Đồng Kè 'Đồng Kè
    Mới'; February's list of Đồng Kè, never run, sits in 'T2/'. `check` of the input: the three
    earlier lists still writing 'Đồng Kè' (T2, T3, T4) are each said the hamlet's former name,
    'Đồng Kè Mới' the plan's name "từ kỳ 05/2024" (May, the first month stored under it), as a
    run again of their month refuses them till corrected. Before: 'T2/DongKe.xlsx' and
    'T3/DongKe.xlsx' (no month before theirs named it) the plain words ("không có trong kế
    hoạch của xã … Các mã hộ … là của xóm Đồng Kè Mới …"), 'T4/DongKe.xlsx' "từ kỳ 04/2024"
    (its own month: the first month under the name was looked for before it only)."""
    folder, out = new_commune(tmp_path)
    for month in (3, 4):
        month_lists(folder, month)
        _run(folder, out, f"2024-{month:02d}")
    write_renamed_plan(folder, {"Đồng Kè": "Đồng Kè Mới"})
    month_lists(folder, 5, ("Nà Mòn", "Bản Cọ"))
    write_roster(folder / "T5", "DongKeMoi.xlsx", "Đồng Kè Mới", 150, dk_rows(), "2024-05",
                 date(2024, 6, 1))  # fmt: skip
    _run(folder, out, "2024-05")
    month_lists(folder, 2, ("Đồng Kè",))
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    errors = [s for s in checked.splitlines() if s.startswith("[LỖI]")]
    assert errors == [FORMER.format(file=f"T{m}/DongKe.xlsx") for m in (2, 3, 4)]
