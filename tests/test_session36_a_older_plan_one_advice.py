"""Session 36: a month run under an older plan gets one piece of advice per later month.

The small commune (tests/commune.py). Session 35's scenario: March under the first plan; April
under a plan correcting Nà Mòn's poor target 1 → 2; May under a plan writing 'Nà Mòn Mới'; March
run again with its own plan (NM2 near-poor now). The older-plan notice says "kỳ 04/2024 với kế
hoạch của chính kỳ đó, rồi kỳ 05/2024 với kế hoạch mới"; the plan-changed notice of the same run
said too "Nếu kế hoạch đã được sửa, hãy chạy lại lần lượt từng kỳ: … 2024-04; … 2024-05" with
the plan in the folder, March's: followed, April's target would be 1 again and May, whose list
writes 'Nà Mòn Mới', would be refused. Now the months after this one are the older-plan
notice's alone; a month before it whose plan differs keeps the plan-changed notice, its commands
stopping at this month.
"""

from __future__ import annotations

from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, plan_hamlets, start_list, write_plan
from tests.test_session32_renames import renamed_plan, write_na_mon_under


def _target_plan(folder, poor_target: int) -> None:
    """The first plan with Nà Mòn's poor target ``poor_target`` (1 in the first plan)."""
    hamlets = [dict(h, poor_target=poor_target) if h["hamlet"] == "Nà Mòn" else h
               for h in plan_hamlets()]  # fmt: skip
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start_list())


def _march_again(folder, out) -> list[str]:
    """March's list written again (NM2, NM4-5 near-poor), run with the first plan put back: the
    run's notices in Vietnamese."""
    (folder / "NaMon_2024-03.xlsx").unlink()
    write_na_mon_under(folder, "2024-03", "Nà Mòn", (2, 4, 5), name="NaMon_2024-03.xlsx")
    write_plan(folder)
    execute(folder, out, "2024-03")
    return [in_language(n, "vi") for n in NOTICES]


def test_a_later_month_under_a_corrected_plan_is_told_its_own_plan_only(tmp_path):
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_na_mon_under(folder, "2024-03", "Nà Mòn", (4, 5))
    execute(folder, out, "2024-03")
    _target_plan(folder, 2)
    write_na_mon_under(folder, "2024-04", "Nà Mòn", (3, 4, 5))
    execute(folder, out, "2024-04")
    renamed_plan(folder, "Nà Mòn Mới")
    write_na_mon_under(folder, "2024-05", "Nà Mòn Mới", (3, 4, 5))
    execute(folder, out, "2024-05")
    said = _march_again(folder, out)
    assert not [n for n in said if "Nếu kế hoạch đã được sửa" in n]
    # April named by the older-plan notice (its plan) and the later-months notice (the order)
    april = [n[:40] for n in said if "04/2024" in n]
    assert april == [
        "Kỳ 03/2024 vừa được tính theo kế hoạch c",
        "Các kỳ sau (04/2024, 05/2024) đã được tổ",
    ]
    assert (
        "mỗi kỳ với kế hoạch nó đã dùng: kỳ 04/2024 với kế hoạch của chính kỳ đó, rồi kỳ 05/2024 "
        "với kế hoạch mới." in said[-2]
    )


def test_an_earlier_month_under_another_plan_is_told_to_run_again_up_to_this_one(tmp_path):
    """February under a plan with Nà Mòn's poor target 2, March under the first plan (1), May
    under the renaming plan. March run again with the first plan: February's other target is
    still said (run again from February if this plan is the corrected one), the commands up to
    March; May is the older-plan notice's, with the new plan put back (before: "… 2024-02; …
    2024-03; … 2024-05" with this plan)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    _target_plan(folder, 2)
    write_na_mon_under(folder, "2024-02", "Nà Mòn", (4, 5))
    execute(folder, out, "2024-02")
    write_plan(folder)
    write_na_mon_under(folder, "2024-03", "Nà Mòn", (4, 5))
    execute(folder, out, "2024-03")
    renamed_plan(folder, "Nà Mòn Mới")
    write_na_mon_under(folder, "2024-05", "Nà Mòn Mới", (3, 4, 5))
    execute(folder, out, "2024-05")
    said = _march_again(folder, out)
    [changed] = [n for n in said if "Nếu kế hoạch đã được sửa" in n]
    assert changed == (
        "Kỳ 02/2024 đã được tổng hợp theo kế hoạch khác với kế hoạch đang dùng "
        "('KeHoach_2024.xlsx'): xóm Nà Mòn, cột 'Chỉ tiêu giảm hộ nghèo (hộ)' lúc đó là 2, nay "
        "là 1. Mức giảm so với đầu năm, chỉ tiêu và xu hướng của các kỳ đó (và xu hướng của các "
        "kỳ sau chúng) vẫn theo kế hoạch cũ. Nếu tệp kế hoạch bị đặt nhầm, hãy bỏ tệp đó ra "
        "khỏi thư mục đầu vào rồi chạy lại kỳ này. Nếu kế hoạch được điều chỉnh từ một kỳ sau các "
        "kỳ đó (các kỳ đó giữ theo kế hoạch lúc đó), không cần chạy lại: thông báo này không nhắc "
        "lại khi chạy các kỳ sau. Nếu kế hoạch đã được sửa, hãy chạy lại lần lượt từng kỳ: "
        "giamngheo run --period 2024-02; giamngheo run --period 2024-03"
    )
    [older] = [n for n in said if "kế hoạch cũ hơn" in n]
    assert "05/2024" in older and "kế hoạch mới" in older
