"""Session 51: review of 'Nộp báo cáo''s single other-month row, the hidden folder's list named
on its hamlet's line, and `check` running last year's months first.

1. A shortcut or a hidden file whose name gives no month, in a folder naming another month
   ('T4/DongKe.lnk', 'T4/.DongKe.xlsx' at May's run), is that month's file: not named on the
   hamlet's line, as a hidden folder's list of another month is not ('.thang4/DongKe.xlsx').
2. The screen's "Chưa nộp" line names the file skipped for the hamlet (a hidden folder's list,
   a hidden file, a shortcut), as the hamlet's line on 'Nộp báo cáo' does.
3. `check`'s plan taken twice for one part (the earlier year's run in `_movements_said`, then
   its own check) is the same plan, the same flags, the same warnings.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1-BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150), on the
plan's start list. tests.commune.clean_rosters: May 2024, Nà Mòn and Bản Cọ sent, Đồng Kè
nothing.
"""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from pipeline import cli
from pipeline.checkfiles import _by_plan_year, _plan_taken, _read_given, check_files
from pipeline.cli import main
from pipeline.history import HistoryStore
from pipeline.run import collect
from pipeline.template import write_plan_workbook
from tests.commune import (
    PLAN_INFO,
    may_folder,
    person,
    plan_hamlets,
    start_list,
    write_plan,
    write_plan_2025,
    write_roster,
)
from tests.month_lists import na_mon_ban_co, november_then_december_and_january
from tests.test_session50_input_messages import reporting_rows

LNK = b"L\x00\x00\x00\x01\x14\x02\x00" + bytes(68)  # a Windows shortcut's first bytes


def _put(folder, path: str) -> None:
    """A shortcut (.lnk) or a hidden list named for Đồng Kè at ``path`` in ``folder``."""
    where = folder / path
    where.parent.mkdir(parents=True, exist_ok=True)
    if path.endswith(".lnk"):
        where.write_bytes(LNK)
    else:
        write_roster(where.parent, where.name, "Đồng Kè", 150, [person("DK1", "poor")])


# --- 1. a skipped file of another month's folder is not named -------------------------------

SHORTCUT_VI = (
    "Chưa nộp: chỉ có lối tắt (shortcut) mang tên xóm, không phải chính danh sách (xem trang "
    "'Lỗi dữ liệu')"
)
HIDDEN_VI = "Chưa nộp: có tệp ẩn mang tên xóm, chưa được đọc (xem trang 'Lỗi dữ liệu')"


@pytest.mark.parametrize("path", ["T4/DongKe.lnk", "T4/.DongKe.xlsx", "Thang 4/DongKe.lnk"])
def test_a_skipped_file_in_another_months_folder_is_not_named_on_the_line(tmp_path, path):
    """May's run. Đồng Kè sent nothing; a shortcut 'T4/DongKe.lnk' (or a hidden list
    'T4/.DongKe.xlsx') sits in April's folder, its name giving no month: April's file, as
    '.thang4/DongKe.xlsx' is April's list (session 51). Before, Đồng Kè's line said a shortcut
    (a hidden file) named for it was found for May and named it: the officer would look for
    April's file as May's. Now a bare "Chưa nộp", no file, as for the hidden folder."""
    folder = may_folder(tmp_path)
    _put(folder, path)
    rows = reporting_rows(folder)
    assert rows["Đồng Kè"][2:4] == ("Chưa nộp", None)


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("T5/DongKe.lnk", SHORTCUT_VI),
        ("T4/DongKe_2024-05.lnk", SHORTCUT_VI),  # its name May's: named, whatever its folder
        ("T5/.DongKe.xlsx", HIDDEN_VI),
        ("cu/.DongKe.xlsx", HIDDEN_VI),  # a folder naming no month: May's, as before
    ],
)
def test_a_skipped_file_of_this_months_folder_or_name_is_still_named(tmp_path, path, said):
    """Guards (pass before too): a shortcut or a hidden list in May's folder ('T5/'), in a
    folder naming no month, or named May's in April's folder, is named on Đồng Kè's line."""
    folder = may_folder(tmp_path)
    _put(folder, path)
    rows = reporting_rows(folder)
    assert rows["Đồng Kè"][2:4] == (said, path)


# --- 2. the screen's "Chưa nộp" names the file skipped ------------------------------------


def _absent(folder, lang="vi") -> list[str]:
    result, _ = collect(folder, None, workers=0, lang=lang)
    return cli._absent_lines(result, lang)


def test_the_screens_line_names_a_hidden_folders_list_beside_its_hamlet(tmp_path):
    """Đồng Kè's May list in '.thang5/': 'Nộp báo cáo' names it on Đồng Kè's line (session
    51). Before, the screen read a bare "Chưa nộp: Đồng Kè": the officer called the hamlet for a
    list that was in the folder. Now the list is named beside it, in both languages."""
    folder = may_folder(tmp_path)
    _put(folder, ".thang5/DS_DongKe_2024-05.xlsx")
    # within 100 characters, broken at a comma (session 58, D2)
    assert _absent(folder) == [
        "  Chưa nộp: Đồng Kè (danh sách .thang5/DS_DongKe_2024-05.xlsx trong thư mục ẩn chưa "
        "được đọc,",
        "    xem trang 'Lỗi dữ liệu')",
    ]
    assert _absent(folder, "en") == [
        "  Not received: Đồng Kè (list .thang5/DS_DongKe_2024-05.xlsx in a hidden folder, not "
        "read,",
        "    see sheet 'Lỗi dữ liệu')",
    ]


@pytest.mark.parametrize(
    ("path", "said"),
    [
        (
            "DS_DongKe_2024-05.xlsx - Shortcut.lnk",
            "chỉ có lối tắt DS_DongKe_2024-05.xlsx - Shortcut.lnk, không phải chính danh sách, "
            "xem trang 'Lỗi dữ liệu'",
        ),
        (".DS_DongKe_2024-05.xlsx", "tệp ẩn .DS_DongKe_2024-05.xlsx chưa được đọc, xem trang "
         "'Lỗi dữ liệu'"),
    ],
    ids=["shortcut", "hidden"],
)  # fmt: skip
def test_the_screens_line_names_a_shortcut_or_hidden_file_beside_its_hamlet(tmp_path, path, said):
    """As above for a shortcut and a hidden file named for Đồng Kè (session 50's line on 'Nộp
    báo cáo'): the screen said a bare "Chưa nộp: Đồng Kè"."""
    folder = may_folder(tmp_path)
    _put(folder, path)
    # within 100 characters, broken at a comma (session 58, D2)
    assert "\n".join(_absent(folder)) == (
        f"  Chưa nộp: Đồng Kè ({said})".replace(".lnk, ", ".lnk,\n    ")
    )


def test_the_screens_line_of_a_hamlet_with_nothing_skipped_is_bare(tmp_path):
    """A guard: '.thang4/DongKe.xlsx' (April's) at May's run names nothing: "Chưa nộp: Đồng
    Kè"."""
    folder = may_folder(tmp_path)
    _put(folder, ".thang4/DongKe.xlsx")
    assert _absent(folder) == ["  Chưa nộp: Đồng Kè"]


# --- 3. `check`'s plan of last year taken twice -------------------------------------------


def _january_with_two_plans_of_last_year(tmp_path):
    """November 2024 run (NM1-NM5); in the folder in January: KeHoach_2024.xlsx, a copy saved
    later 'KeHoach_2024_sua.xlsx' (the plan a run of December takes: the newest of its year),
    KeHoach_2025.xlsx, December's lists (Nà Mòn's without NM5) not run, January's."""
    folder, out = november_then_december_and_january(tmp_path)
    write_plan_workbook(folder / "KeHoach_2024_sua.xlsx", PLAN_INFO, plan_hamlets(), start_list())
    os.utime(folder / "KeHoach_2024.xlsx", (1_700_000_000, 1_700_000_000))  # the older
    return folder, out


def test_last_years_plan_taken_twice_is_the_same_plan_with_the_same_words(tmp_path):
    """`check` takes last year's plan for December's run first (_movements_said, its words
    dropped), then again for December's own check (checkfiles._plan_taken, its words said):
    planpick.take ranks the plans in place and sets flags on the plan taken
    (former_communes, former_unsure). A guard (passes before too): the second take is the same
    plan, 'KeHoach_2024_sua.xlsx' (the newest of 2024), with the same flags, and says the same
    one plan-duplicate of 'KeHoach_2024.xlsx'."""
    folder, out = _january_with_two_plans_of_last_year(tmp_path)
    history = HistoryStore(out / "lich-su.sqlite", read_only=True)
    _, december = _by_plan_year(_read_given([folder]))
    taken = []
    for plans in (list(december.plans), december.plans):  # a copy first, as _movements_said
        said: list = []
        plan = _plan_taken(plans, december.read, said, history)
        taken.append(
            (
                plan.file,
                dict(plan.former_communes),
                set(plan.former_unsure),
                [(i.code, i.file, i.detail) for i in said],
            )
        )
    assert (
        taken[0]
        == taken[1]
        == (
            "KeHoach_2024_sua.xlsx",
            {},
            set(),
            [("plan-duplicate", "KeHoach_2024.xlsx", "KeHoach_2024_sua.xlsx")],
        )
    )


def test_check_with_two_plans_of_last_year_says_the_copy_once_and_decembers_gone(tmp_path):
    """The same folder checked: the plan-duplicate of 'KeHoach_2024.xlsx' said once (not once
    for December's run and once for its check), NM5 asked once, at December's Nà Mòn list, as
    the runs in order ask it; the history's bytes unchanged. A guard (passes before the fix of
    this file too)."""
    folder, out = _january_with_two_plans_of_last_year(tmp_path)
    before = (out / "lich-su.sqlite").read_bytes()
    history = HistoryStore(out / "lich-su.sqlite", read_only=True)
    issues = check_files([folder], history=history)
    assert [(i.file, i.detail) for i in issues if i.code == "plan-duplicate"] == [
        ("KeHoach_2024.xlsx", "KeHoach_2024_sua.xlsx")
    ]
    assert [(i.file, i.value) for i in issues if i.code == "vanished-household"] == [
        ("NaMon_2024-12.xlsx", "NM5 (Hoàng Văn NM5)")
    ]
    assert (out / "lich-su.sqlite").read_bytes() == before


# --- 4. `check` says it runs many months first ---------------------------------------------

RUNNING_VI = (
    "Đang kiểm tra lần lượt 3 kỳ chưa tổng hợp (10/2024 đến 12/2024) như các lần tổng hợp theo "
    "thứ tự tháng sẽ làm, để so sánh kỳ mới nhất với chúng; xin chờ trong giây lát…"
)
RUNNING_EN = (
    "Checking the 3 months not yet run (10/2024 to 12/2024) one after another, as runs in month "
    "order will, to compare the latest month with them; this may take a moment…"
)


def _checked_in_january(tmp_path, months: tuple[str, ...], lang: str = "vi") -> list[str]:
    """`check` of a folder in January 2025, no history: the 2024 plan, the 2025 plan, the lists
    of ``months`` of 2024 and January 2025's (Nà Mòn's and Bản Cọ's, each the same)."""
    folder = tmp_path / "vao"
    folder.mkdir(parents=True)
    write_plan(folder)
    write_plan_2025(folder, (3, 2), ())
    for month in (*months, "2025-01"):
        na_mon_ban_co(folder, month, 5)
    out = tmp_path / "ra"
    out.mkdir()
    args = ["check", str(folder), "--output", str(out), "--lang", lang]
    return CliRunner().invoke(main, args).output.splitlines()


def test_check_says_it_runs_last_years_months_first_when_they_are_many(tmp_path):
    """January, no history, October to December 2024's lists with January's: `check` runs the
    three months first, in order, each with the 2024 plan (session 51), some half a second each
    on the sample commune (11 months: 9 s, 3.4 s before; nothing on the screen meanwhile).
    Before, nothing said until the end; now a first line says which months it runs and why,
    in both languages; the end as before: 10 files (2 plans, 4 months of 2 lists), 4 warnings
    (each plan's two targets above its start: tests.commune's plan)."""
    lines = _checked_in_january(tmp_path, ("2024-10", "2024-11", "2024-12"))
    assert lines[0] == RUNNING_VI
    assert lines[-1] == "10 tệp, 0 lỗi, 4 cảnh báo."
    assert RUNNING_VI not in lines[1:]
    english = _checked_in_january(tmp_path / "en", ("2024-10", "2024-11", "2024-12"), "en")
    assert english[0] == RUNNING_EN


def test_check_says_nothing_more_of_two_months_run_first(tmp_path):
    """A guard: November and December 2024 with January's (two months run first, about a
    second): no such line, the output as before."""
    lines = _checked_in_january(tmp_path, ("2024-11", "2024-12"))
    assert not any(line.startswith("Đang kiểm tra") for line in lines)
    assert lines[-1] == "8 tệp, 0 lỗi, 4 cảnh báo."
