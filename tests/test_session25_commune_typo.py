"""Session 25: a plan whose 'Xã' is mistyped ('Trung Lươmg') while the lists write the right
name ('Trung Lương'). The officer is told once, at the plan's cell (plan-value-guessed
'commune'), and the hamlet heads are not told to copy the typo (docs/decisions.md, "Session 25:
a plan whose commune name is mistyped"). Two plans of the year whose names differ by such a
typo and whose hamlets are the same are one commune's: the ordinary same/differ wording.

The small commune of tests/commune.py, April: each hamlet's list is the plan's start list
(Nà Mòn NM1-NM5, Bản Cọ BC1-BC3, Đồng Kè DK1-DK2)."""

from __future__ import annotations

import os
from datetime import date

from pipeline.run import execute
from pipeline.template import write_plan_workbook, write_roster_workbook
from tests.commune import HAMLETS, PLAN_INFO, start_list

CODES = {"Nà Mòn": "NaMon", "Bản Cọ": "BanCo", "Đồng Kè": "DongKe"}


def _plan(path, commune: str, **changes) -> None:
    hamlets = [
        {"hamlet": h, "start_households": n, "start_poor": p, "start_near_poor": c,
         "poor_target": pt, "near_poor_target": ct}
        for h, (n, p, c, pt, ct) in HAMLETS.items()
    ]  # fmt: skip
    for row in hamlets:
        row.update(changes.get(row["hamlet"], {}))
    write_plan_workbook(path, {**PLAN_INFO, "commune": commune}, hamlets, start_list())


def _april(folder, plan_commune: str, communes: dict[str, str]) -> None:
    """The plan naming ``plan_commune``; a list for each hamlet of ``communes``, naming its
    commune there."""
    folder.mkdir()
    _plan(folder / "KeHoach_2024.xlsx", plan_commune)
    for hamlet, commune in communes.items():
        rows = [
            {k: v for k, v in r.items() if k not in ("hamlet", "stt")}
            for r in start_list()
            if r["hamlet"] == hamlet
        ]
        for stt, row in enumerate(rows, start=1):
            row["stt"] = stt
        info = {"commune": commune, "hamlet": hamlet, "period": "2024-04",
                "total_households": HAMLETS[hamlet][0], "preparer": "Lường Thị Mai",
                "prepared_on": date(2024, 5, 3)}  # fmt: skip
        write_roster_workbook(folder / f"{CODES[hamlet]}_T4.xlsx", info, rows)


def _said(result, code):
    return [i for i in result.issues if i.code == code]


def _typo(result):
    return [i for i in _said(result, "plan-value-guessed") if i.variant == "commune"]


ALL_RIGHT = {"Nà Mòn": "Trung Lương", "Bản Cọ": "Trung Lương", "Đồng Kè": "Trung Lương"}


def test_every_list_writing_the_right_name_is_not_told_to_copy_the_plans_typo(tmp_path):
    """Plan 'Trung Lươmg', the three lists 'Trung Lương' (one letter apart): one warning at the
    plan's 'Xã' cell (B3 of 'Thông tin chung'), saying both names and '3/3'; no list is warned
    commune-mismatch. The figures are counted as ever: 450 households, 6 poor, 4 near-poor."""
    folder = tmp_path / "input"
    _april(folder, "Trung Lươmg", ALL_RIGHT)
    result, _, _ = execute(folder, tmp_path / "output", "2024-04")
    [typo] = _typo(result)
    assert (typo.file, typo.sheet, typo.cell, typo.value, typo.detail) == (
        "KeHoach_2024.xlsx", "Thông tin chung", "B3", "Trung Lươmg", "Trung Lương")  # fmt: skip
    assert typo.severity == "warning"
    text = typo.message("vi")
    assert "gõ sai" in text and "3/3 danh sách" in text and "'Trung Lương'" in text
    assert "3 of the period's 3 lists" in typo.message("en")
    assert _said(result, "commune-mismatch") == []
    totals = result.summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (450, 6, 4)


def test_a_list_naming_a_third_commune_is_told_the_name_the_others_write(tmp_path):
    """Plan 'Trung Lươmg'; Nà Mòn and Bản Cọ write 'xã Trung Lương', Đồng Kè 'Phú Đình': 2 of 3
    (more than half) one letter from the plan's: the plan is warned ('2/3'), and only Đồng Kè's
    list is warned commune-mismatch, told to write 'Trung Lương', not the plan's typo."""
    folder = tmp_path / "input"
    _april(folder, "Trung Lươmg",
           {"Nà Mòn": "xã Trung Lương", "Bản Cọ": "Xã Trung Lương", "Đồng Kè": "Phú Đình"})  # fmt: skip
    result, _, _ = execute(folder, tmp_path / "output", "2024-04")
    [typo] = _typo(result)
    assert (typo.cell, typo.detail) == ("B3", "Trung Lương")
    assert "2/3 danh sách" in typo.message("vi")
    [other] = _said(result, "commune-mismatch")
    assert (other.file, other.value, other.detail, other.variant) == (
        "DongKe_T4.xlsx", "Phú Đình", "Trung Lương", "written")  # fmt: skip
    assert "Trung Lươmg" not in other.message("vi")
    assert "các xóm khác của xã ghi ('Trung Lương')" in other.message("vi")


def test_every_list_agreeing_on_a_name_far_from_the_plans_is_no_typo(tmp_path):
    """Plan 'Kim Phượng' (far from 'Trung Lương'), all three lists 'Trung Lương': no typo of a
    letter or two, more likely the commune before a merger whose plan has left the folder: the
    plan is not warned, and each list is told to write the plan's name."""
    folder = tmp_path / "input"
    _april(folder, "Kim Phượng", ALL_RIGHT)
    result, _, _ = execute(folder, tmp_path / "output", "2024-04")
    assert _typo(result) == []
    assert sorted((i.file, i.detail) for i in _said(result, "commune-mismatch")) == [
        ("BanCo_T4.xlsx", "Kim Phượng"), ("DongKe_T4.xlsx", "Kim Phượng"),
        ("NaMon_T4.xlsx", "Kim Phượng")]  # fmt: skip


def test_lists_apart_or_alone_keep_the_plans_name(tmp_path):
    """No warning of the plan, each list naming another commune warned with the plan's name:
    (a) plan 'Kim Phượng', two lists 'Trung Lương' and one 'Kim Phượng': 2 of 3 but far from
    the plan's; (b) plan 'Trung Lươmg', one list only ('Trung Lương'): one list proves
    nothing."""
    far = tmp_path / "far"
    _april(far, "Kim Phượng",
           {"Nà Mòn": "Trung Lương", "Bản Cọ": "Trung Lương", "Đồng Kè": "Kim Phượng"})  # fmt: skip
    result, _, _ = execute(far, tmp_path / "out1", "2024-04")
    assert _typo(result) == []
    assert sorted((i.file, i.detail) for i in _said(result, "commune-mismatch")) == [
        ("BanCo_T4.xlsx", "Kim Phượng"), ("NaMon_T4.xlsx", "Kim Phượng")]  # fmt: skip
    alone = tmp_path / "alone"
    _april(alone, "Trung Lươmg", {"Nà Mòn": "Trung Lương"})
    result, _, _ = execute(alone, tmp_path / "out2", "2024-04")
    assert _typo(result) == []
    [other] = _said(result, "commune-mismatch")
    assert (other.file, other.detail) == ("NaMon_T4.xlsx", "Trung Lươmg")


def test_two_plans_of_the_same_hamlets_under_a_typo_are_one_communes(tmp_path):
    """The folder of the first test with the plan corrected ('Trung Lương', saved last) and the
    mistyped one kept as KeHoach_2024_cu.xlsx (saved before, Bản Cọ's poor target 2, not 1):
    the same three hamlets, so one commune's two plans, not a merger: plan-duplicate 'differ'
    (not 'commune'), its differences the commune's name first, then Bản Cọ's poor target
    (1 in the plan used, 2 in this one). Nà Mòn's list writing the typo is warned
    commune-mismatch to write 'Trung Lương', not told the typo is a former commune's name."""
    folder = tmp_path / "input"
    _april(folder, "Trung Lương", {**ALL_RIGHT, "Nà Mòn": "Trung Lươmg"})
    old = folder / "KeHoach_2024_cu.xlsx"
    _plan(old, "Trung Lươmg", **{"Bản Cọ": {"poor_target": 2}})
    os.utime(old, (1_700_000_000, 1_700_000_000))
    os.utime(folder / "KeHoach_2024.xlsx", (1_700_100_000, 1_700_100_000))
    result, _, _ = execute(folder, tmp_path / "output", "2024-04")
    assert result.plan.commune == "Trung Lương"
    [twice] = _said(result, "plan-duplicate")
    assert (twice.file, twice.detail, twice.variant) == (
        "KeHoach_2024_cu.xlsx", "KeHoach_2024.xlsx", "differ")  # fmt: skip
    assert twice.instead.startswith(
        "tên xã: 'Trung Lương' ở tệp đã dùng, 'Trung Lươmg' ở tệp này; xóm Bản Cọ, "
    )
    assert "1 ở tệp đã dùng, 2 ở tệp này" in twice.instead
    assert "sáp nhập" not in twice.message("vi")
    assert result.plan.former_communes == {}
    [other] = _said(result, "commune-mismatch")
    assert (other.file, other.value, other.detail, other.variant) == (
        "NaMon_T4.xlsx", "Trung Lươmg", "Trung Lương", "")  # fmt: skip
    assert _typo(result) == []


def test_check_with_the_plan_says_the_typo_as_a_run_does(tmp_path):
    """`giamngheo check` of the first test's folder (plan 'Trung Lươmg', three lists 'Trung
    Lương'): the one warning at the plan's B3 ('3/3'), no list warned commune-mismatch; with
    Đồng Kè writing 'Phú Đình' instead, that list alone is, told to write 'Trung Lương'."""
    from pipeline.checkfiles import check_files

    folder = tmp_path / "input"
    _april(folder, "Trung Lươmg", ALL_RIGHT)
    issues = check_files([folder])
    typos = [i for i in issues if i.code == "plan-value-guessed" and i.variant == "commune"]
    assert [(i.cell, i.value, i.detail) for i in typos] == [("B3", "Trung Lươmg", "Trung Lương")]
    assert "3/3 danh sách" in typos[0].message("vi")
    assert [i for i in issues if i.code == "commune-mismatch"] == []
    third = tmp_path / "third"
    _april(third, "Trung Lươmg", {**ALL_RIGHT, "Đồng Kè": "Phú Đình"})
    said = [(i.file, i.detail) for i in check_files([third]) if i.code == "commune-mismatch"]
    assert said == [("DongKe_T4.xlsx", "Trung Lương")]
