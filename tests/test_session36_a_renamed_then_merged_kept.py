"""Session 36 QA: the kept start list's note of a hamlet renamed, then merged into another.

The small commune (tests/commune.py): March run with Nà Mòn's list (NM1-3 poor, NM4-5
near-poor) and Bản Cọ's (BC1-2 poor, BC3 near-poor); April's plan writes Nà Mòn 'Nà Mòn Mới'
(its list so); May's merges Nà Mòn Mới into Bản Cọ (300 households; the start list's NM1-5
under Bản Cọ), May run with Bản Cọ's one list of both. The note said "xóm 'Nà Mòn Mới' nay
thuộc xóm 'Bản Cọ' (1 hộ trong danh sách đầu năm)" of five: the households were looked for in
the year's first month under 'Nà Mòn Mới', a name March did not have.
"""

from __future__ import annotations

from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import (
    PLAN_INFO,
    new_commune,
    person,
    plan_hamlets,
    start_list,
    write_merged_plan,
    write_roster,
)
from tests.summaries import json_summary
from tests.test_session32_merged_alone import write_ban_co_period
from tests.test_session32_renames import renamed_plan, write_na_mon_under


def _merged_into_ban_co(folder) -> None:
    """The plan without Nà Mòn: Bản Cọ of 100 + 200 = 300 households, 3 + 2 = 5 poor, 2 + 1 = 3
    near-poor, NM1-5 under it on the start list."""
    hamlets = [dict(h, start_households=300, start_poor=5, start_near_poor=3)
               if h["hamlet"] == "Bản Cọ" else h
               for h in plan_hamlets() if h["hamlet"] != "Nà Mòn"]  # fmt: skip
    start = [dict(r, hamlet="Bản Cọ") if r["hamlet"] == "Nà Mòn" else r for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)


def test_a_hamlet_renamed_then_merged_is_said_with_all_its_households(tmp_path):
    folder, out = new_commune(tmp_path)
    write_na_mon_under(folder, "2024-03", "Nà Mòn", (4, 5))
    write_ban_co_period(folder, "2024-03")
    execute(folder, out, "2024-03")
    renamed_plan(folder, "Nà Mòn Mới")
    write_na_mon_under(folder, "2024-04", "Nà Mòn Mới", (4, 5))
    write_ban_co_period(folder, "2024-04")
    execute(folder, out, "2024-04")
    _merged_into_ban_co(folder)
    rows = [person(f"NM{i}", "near_poor" if i > 3 else "poor") for i in range(1, 6)]
    rows += [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "BanCo_2024-05.xlsx", "Bản Cọ", 300, rows, period="2024-05")
    execute(folder, out, "2024-05")
    said = [in_language(n, "vi") for n in NOTICES]
    assert any(
        "khác danh sách đã lưu: xóm 'Nà Mòn Mới' nay thuộc xóm 'Bản Cọ' (5 hộ trong danh sách "
        "đầu năm)." in line
        for line in said
    ), said
    # May's one list: NM1-3, BC1-2 poor, NM4-5, BC3 near-poor, of 300
    [ban_co] = [h for h in json_summary(out, "2024-05")["hamlets"] if h["hamlet"] == "Bản Cọ"]
    assert (ban_co["households"], ban_co["poor"], ban_co["near_poor"]) == (300, 5, 3)


def _ban_co_renamed(folder) -> None:
    """The plan with 'Bản Cọ' written 'Bản Cọ Mới' in its targets table and its start list."""
    hamlets = [dict(h, hamlet="Bản Cọ Mới") if h["hamlet"] == "Bản Cọ" else h
               for h in plan_hamlets()]  # fmt: skip
    start = [dict(r, hamlet="Bản Cọ Mới") if r["hamlet"] == "Bản Cọ" else r for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)


def test_a_hamlet_renamed_then_merged_into_the_one_listed_first_is_said_too(tmp_path):
    """The same, the other way round: Bản Cọ written 'Bản Cọ Mới' in April, merged into Nà
    Mòn in May (write_merged_plan), the start list's BC1-3 under Nà Mòn after NM1-5. Before,
    nothing was said: the list kept Bản Cọ Mới's first household, BC1, and the new one keeps
    none of Bản Cọ's (NM1 stays Nà Mòn's first; March said every other household), so the
    rows kept were read as the same. Said as the other way round: 3 households."""
    folder, out = new_commune(tmp_path)
    write_na_mon_under(folder, "2024-03", "Nà Mòn", (4, 5))
    write_ban_co_period(folder, "2024-03")
    execute(folder, out, "2024-03")
    _ban_co_renamed(folder)
    write_na_mon_under(folder, "2024-04", "Nà Mòn", (4, 5))
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "BanCo_2024-04.xlsx", "Bản Cọ Mới", 200, rows, period="2024-04")
    execute(folder, out, "2024-04")
    write_merged_plan(folder)
    rows = [person(f"NM{i}", "near_poor" if i > 3 else "poor") for i in range(1, 6)] + rows
    write_roster(folder, "NaMon_2024-05.xlsx", "Nà Mòn", 300, rows, period="2024-05")
    execute(folder, out, "2024-05")
    said = [in_language(n, "vi") for n in NOTICES]
    assert any(
        "khác danh sách đã lưu: xóm 'Bản Cọ Mới' nay thuộc xóm 'Nà Mòn' (3 hộ trong danh sách "
        "đầu năm)." in line
        for line in said
    ), said
    [na_mon] = [h for h in json_summary(out, "2024-05")["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["households"], na_mon["poor"], na_mon["near_poor"]) == (300, 5, 3)
