"""Session 51 (D): an officer's year of real events (QA), the defects it found.

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households), Bản Cọ's BC1-2 poor, BC3 near-poor (200), Đồng Kè (150) sends nothing; the plan's
commune targets 1.52 and 1.01 points. April is run with Nà Mòn's and Bản Cọ's lists; in July
(here May) the district revises the plan and the officer runs the next month.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import FatalError, execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_roster
from tests.month_lists import april_na_mon_alone, april_run, revised_may, two_lists


def _april_then_revised_may(tmp_path, info: dict, hamlets: list[dict]):
    """May run after the plan is replaced by one of ``info`` and ``hamlets``
    (tests.month_lists.revised_may). Returns the output folder and the plan notices."""
    _, out = revised_may(tmp_path, info, hamlets)
    said = [n for n in NOTICES if "theo kế hoạch khác" in in_language(n, "vi")]
    return out, said


def test_a_plan_revised_only_in_the_communes_target_tells_the_months_run_before(tmp_path):
    """The revised plan raises only the commune's poor rate target, 1.52 -> 1.80 points. April's
    report said 'chỉ tiêu 1,52 điểm' (its JSON keeps 1.52); May says 1,80. Before, no notice
    named April: its 'Tổng hợp', đạt/chưa đạt and trend path silently kept the old target."""
    info = dict(PLAN_INFO, poor_target=1.8)
    out, said = _april_then_revised_may(tmp_path, info, plan_hamlets())
    april = json.loads((out / "2024-04" / "TongHop_2024-04.json").read_text(encoding="utf-8"))
    may = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text(encoding="utf-8"))
    assert (april["totals"]["poor_target"], may["totals"]["poor_target"]) == (1.52, 1.8)
    assert len(said) == 1
    vi, en = in_language(said[0], "vi"), in_language(said[0], "en")
    assert vi.startswith(
        "Kỳ 04/2024 đã được tổng hợp theo kế hoạch khác với kế hoạch đang dùng "
        "('KeHoach_2024.xlsx'): chỉ tiêu giảm tỷ lệ hộ nghèo của xã lúc đó là 1,52 điểm, nay là "
        "1,80 điểm. Mức giảm so với đầu năm, chỉ tiêu và xu hướng của các kỳ đó"
    )
    assert en.startswith(
        "Period(s) 04/2024 were consolidated under a plan other than the one used now "
        "('KeHoach_2024.xlsx'): the commune's poor rate target then 1.52 points, now 1.80. "
        "Their reductions"
    )
    commands = vi.split("chạy lại lần lượt từng kỳ: ")[1]
    assert "--period 2024-04" in commands and commands.rstrip().endswith("--period 2024-05")


def test_the_communes_targets_are_named_before_a_hamlets_target(tmp_path):
    """Both commune targets revised (1.52 -> 1.6, 1.01 -> 0.9) and Nà Mòn's poor target 1 -> 2:
    the commune's two first, as the plan's own differences are ordered, then the hamlet's."""
    info = dict(PLAN_INFO, poor_target=1.6, near_poor_target=0.9)
    hamlets = [dict(h, poor_target=2) if h["hamlet"] == "Nà Mòn" else h for h in plan_hamlets()]
    _, said = _april_then_revised_may(tmp_path, info, hamlets)
    assert len(said) == 1
    assert in_language(said[0], "vi").startswith(
        "Kỳ 04/2024 đã được tổng hợp theo kế hoạch khác với kế hoạch đang dùng "
        "('KeHoach_2024.xlsx'): chỉ tiêu giảm tỷ lệ hộ nghèo của xã lúc đó là 1,52 điểm, nay là "
        "1,60 điểm; chỉ tiêu giảm tỷ lệ hộ cận nghèo của xã lúc đó là 1,01 điểm, nay là 0,90 "
        "điểm; xóm Nà Mòn, cột 'Chỉ tiêu giảm hộ nghèo (hộ)' lúc đó là 1, nay là 2. Mức giảm"
    )


def test_an_unrevised_plan_tells_nothing(tmp_path):
    # the control: the same plan written again, May says no plan notice
    _, said = _april_then_revised_may(tmp_path, PLAN_INFO, plan_hamlets())
    assert said == []


def test_a_hamlet_the_revised_plan_adds_is_said_to_go_unsent_in_the_months_run_again(tmp_path):
    """The revised plan raises the commune's poor target (1.52 -> 1.6) and adds Pác Cập (120
    households, PC1 poor at the start). The notice tells the officer to run April again; April
    had no Pác Cập, so run again with this plan it reads 'Pác Cập: missing', 'complete': false.
    The notice says so before the commands (before, nothing did: the officer found out after
    the run). Run again as told, April's JSON shows it: 2 of the 4 hamlets counted (Nà Mòn and
    Bản Cọ; Đồng Kè sends nothing, as before), Pác Cập missing."""
    info = dict(PLAN_INFO, poor_target=1.6)
    hamlets = [*plan_hamlets(), {"hamlet": "Pác Cập", "start_households": 120, "start_poor": 1,
               "start_near_poor": 0, "poor_target": 1, "near_poor_target": 0}]  # fmt: skip
    folder, out = april_run(tmp_path, keep_lists=True)
    start = [*start_list(), dict(person("PC1", "poor"), hamlet="Pác Cập", stt=9)]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", info, hamlets, start)
    two_lists(folder, "2024-05", date(2024, 6, 3))
    execute(folder, out, "2024-05")
    [said] = [n for n in NOTICES if "theo kế hoạch khác" in in_language(n, "vi")]
    vi, en = in_language(said, "vi"), in_language(said, "en")
    assert (
        "(và xu hướng của các kỳ sau chúng) vẫn theo kế hoạch cũ. Kế hoạch đang dùng có thêm xóm "
        "Pác Cập mà các kỳ đó chưa có: nếu chạy lại các kỳ đó theo kế hoạch này, xóm này sẽ được "
        "ghi là chưa nộp (số liệu chưa đủ các xóm), trừ khi thư mục đầu vào có danh sách của xóm "
        "này cho kỳ đó. Nếu tệp kế hoạch bị đặt nhầm"
    ) in vi
    assert (
        "follow the old plan. The plan used now also has hamlet Pác Cập, which those periods did "
        "not have: run again with this plan, they show it as not sent (figures incomplete) unless "
        "the input folder holds its list for the period. If the plan file"
    ) in en
    execute(folder, out, "2024-04")  # as told: April's lists are still in the folder
    april = json.loads((out / "2024-04" / "TongHop_2024-04.json").read_text(encoding="utf-8"))
    status = {h["hamlet"]: h["status"] for h in april["hamlets"]}
    assert status == {"Nà Mòn": "ok", "Bản Cọ": "ok", "Đồng Kè": "missing", "Pác Cập": "missing"}
    assert april["complete"] is False


def test_a_plan_adding_no_hamlet_says_no_hamlet_unsent(tmp_path):
    # the first test's notice (the commune's target alone) has no such clause
    _, said = _april_then_revised_may(tmp_path, dict(PLAN_INFO, poor_target=1.8), plan_hamlets())
    [notice] = said
    assert "có thêm" not in in_language(notice, "vi")
    assert "also has" not in in_language(notice, "en")


# --- a hamlet's April list arriving in June ---------------------------------------------------


def _april_late_with_june(tmp_path):
    """April run with Nà Mòn's list alone (Bản Cọ late); the April list taken out of the input
    folder, as the officer does each month; June's lists come with Bản Cọ's April list."""
    folder, out = april_na_mon_alone(tmp_path)
    two_lists(folder, "2024-06", date(2024, 7, 3))
    write_roster(folder, "BanCo_04.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC3", "near_poor")], period="2024-04",
                 prepared=date(2024, 6, 20))  # fmt: skip
    execute(folder, out, "2024-06")
    return folder, out


def test_a_late_list_says_to_copy_back_the_months_kept_lists_when_they_are_not_there(tmp_path):
    """June's notice told the officer only to run April again; run as told, April stopped
    ("lần chạy này không có tệp của 1 xóm … Hãy chép các tệp trong thư mục '…/nguon' …"): the
    notice now says to copy April's kept lists (not the plan) back first. Done as said, April
    counts both hamlets: Nà Mòn 3 poor, Bản Cọ 1 poor and 1 near-poor -> 4 poor, 1 near-poor,
    300 households."""
    folder, out = _april_late_with_june(tmp_path)
    kept = out / "2024-04" / "nguon"
    [said] = [n for n in NOTICES if in_language(n, "vi").startswith("Có danh sách kỳ 04/2024")]
    assert in_language(said, "vi").startswith(
        "Có danh sách kỳ 04/2024 của xóm Bản Cọ ('BanCo_04.xlsx'), kỳ mà khi tổng hợp xóm chưa "
        f"nộp hoặc bị từ chối. Để tính vào kỳ đó, hãy chép các danh sách trong thư mục '{kept}' "
        "(trừ tệp kế hoạch) vào thư mục đầu vào cùng với tệp mới rồi chạy lại: "
    )
    assert in_language(said, "en").startswith(
        "There is a 04/2024 list of Bản Cọ ('BanCo_04.xlsx'), a period consolidated while the "
        f"hamlet had sent nothing valid. To count it there, copy the lists of '{kept}' (not the "
        "plan file) into the input folder with the new file and run again: "
    )
    with pytest.raises(FatalError):  # run as the notice said before: the stop
        execute(folder, out, "2024-04")
    (folder / "NaMon_04.xlsx").write_bytes((kept / "NaMon_04.xlsx").read_bytes())
    execute(folder, out, "2024-04")
    april = json.loads((out / "2024-04" / "TongHop_2024-04.json").read_text(encoding="utf-8"))
    totals = april["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (300, 4, 1)


def test_a_late_list_beside_the_months_other_lists_says_run_again_alone(tmp_path):
    # the control: Nà Mòn's April list copied back before June's run: no copying asked
    folder, out = april_na_mon_alone(tmp_path, keep_list=True)
    two_lists(folder, "2024-06", date(2024, 7, 3))
    write_roster(folder, "BanCo_04.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                 period="2024-04", prepared=date(2024, 6, 20))  # fmt: skip
    execute(folder, out, "2024-06")
    [said] = [n for n in NOTICES if in_language(n, "vi").startswith("Có danh sách kỳ 04/2024")]
    assert "Để tính vào kỳ đó, hãy chạy lại: " in in_language(said, "vi")


# --- the month's workbook open in Excel, or its owner file left by a crash -------------------


def test_a_workbook_said_open_by_an_owner_file_says_which_file_to_delete_once_closed(tmp_path):
    """September's TongHop was open when Excel crashed: its hidden owner file
    '~$TongHop_2024-04.xlsx' stays, and every run writes '… (N).xlsx' beside the workbook saying
    it is open. The notice now names the owner file to delete once no program has the workbook
    open; deleted, the next run writes the workbook under its own name and says nothing."""
    folder, out = april_run(tmp_path, keep_lists=True)
    owner = out / "2024-04" / "~$TongHop_2024-04.xlsx"
    owner.write_bytes(b"owner")  # left by the crash
    _, written, _ = execute(folder, out, "2024-04")
    assert written["workbook"].name == "TongHop_2024-04 (1).xlsx"
    said = [n for n in NOTICES if "đang được mở" in in_language(n, "vi")]
    assert [in_language(n, "vi") for n in said] == [
        "Tệp 'TongHop_2024-04.xlsx' đang được mở nên kết quả mới được ghi vào 'TongHop_2024-04 "
        "(1).xlsx'. Nếu tệp đó đã được đóng (không còn chương trình bảng tính nào mở nó), hãy "
        "xóa tệp ẩn '~$TongHop_2024-04.xlsx' bên cạnh nó (chương trình để lại khi bị tắt đột "
        "ngột) rồi chạy lại."
    ]
    assert in_language(said[0], "en") == (
        "'TongHop_2024-04.xlsx' is open, so the new result was written to 'TongHop_2024-04 "
        "(1).xlsx'. If it is closed (no spreadsheet program has it open), delete the hidden file "
        "'~$TongHop_2024-04.xlsx' beside it (left by a program shut down abruptly) and run again."
    )
    owner.unlink()  # as told
    _, written, _ = execute(folder, out, "2024-04")
    assert written["workbook"] == out / "2024-04" / "TongHop_2024-04.xlsx"
    assert not [n for n in NOTICES if "đang được mở" in in_language(n, "vi")]


# --- a month skipped entirely -----------------------------------------------------------------


def test_history_names_a_month_never_consolidated_between_stored_ones(tmp_path):
    """April and June run, May never: `giamngheo history` listed the two months and nothing
    more, so the officer reading it could not see May was skipped (June has no table since
    last month). Now a line after the table names 05/2024; months run in a row name none."""
    from click.testing import CliRunner

    from pipeline.cli import main

    folder, out = april_run(tmp_path, keep_lists=True)
    two_lists(folder, "2024-06", date(2024, 7, 3))
    execute(folder, out, "2024-06")
    said = CliRunner().invoke(main, ["history", "--output", str(out)]).output.splitlines()
    assert [line.split()[0] for line in said[1:3]] == ["2024-04", "2024-06"]
    assert said[3:] == [
        "Chưa tổng hợp giữa các kỳ trên: 05/2024 (kỳ ngay sau không có biến động so với tháng "
        "trước)."
    ]
    english = CliRunner().invoke(main, ["history", "--output", str(out), "--lang", "en"])
    assert english.output.splitlines()[3:] == [
        "Not consolidated between the periods above: 05/2024 (the period after each has no "
        "changes since last month)."
    ]
    two_lists(folder, "2024-05", date(2024, 6, 3))
    execute(folder, out, "2024-05")
    said = CliRunner().invoke(main, ["history", "--output", str(out)]).output.splitlines()
    assert [line.split()[0] for line in said[1:4]] == ["2024-04", "2024-05", "2024-06"]
    assert not [line for line in said if line.startswith("Chưa tổng hợp")]  # June's '*' stays


def test_the_months_between_two_stored_periods_cross_the_year():
    from pipeline.cli import months_between

    assert months_between(["2024-11", "2025-02", "2025-03"]) == ["2024-12", "2025-01"]
    assert months_between(["2024-04"]) == []
