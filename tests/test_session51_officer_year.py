"""Session 51 (D): an officer's year of real events (QA), the defects it found.

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households), Bản Cọ's BC1-2 poor, BC3 near-poor (200), Đồng Kè (150) sends nothing; the plan's
commune targets 1.52 and 1.01 points. April is run with Nà Mòn's and Bản Cọ's lists; in July
(here May) the district revises the plan and the officer runs the next month.
"""

from __future__ import annotations

import json
from datetime import date

from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_plan, write_roster


def _lists(folder, period: str, prepared: date) -> None:
    na = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    na += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    month = period[5:]
    write_roster(folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, na, period=period,
                 prepared=prepared)  # fmt: skip
    write_roster(folder, f"BanCo_{month}.xlsx", "Bản Cọ", 200, ban, period=period,
                 prepared=prepared)  # fmt: skip


def _april_then_revised_may(tmp_path, info: dict, hamlets: list[dict]):
    """April run under the first plan; the plan replaced by one of ``info`` and ``hamlets``;
    May's lists (the same households) run. Returns the output folder and the plan notices."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    _lists(folder, "2024-04", date(2024, 5, 3))
    execute(folder, out, "2024-04")
    for name in ("NaMon_04.xlsx", "BanCo_04.xlsx"):
        (folder / name).unlink()
    write_plan_workbook(folder / "KeHoach_2024.xlsx", info, hamlets, start_list())
    _lists(folder, "2024-05", date(2024, 6, 3))
    execute(folder, out, "2024-05")
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
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    _lists(folder, "2024-04", date(2024, 5, 3))
    execute(folder, out, "2024-04")
    start = [*start_list(), dict(person("PC1", "poor"), hamlet="Pác Cập", stt=9)]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", info, hamlets, start)
    _lists(folder, "2024-05", date(2024, 6, 3))
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
