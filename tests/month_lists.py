"""Nà Mòn's and Bản Cọ's lists of a month written by hand, the months run with them, and what
`check` says of them, as session 51's tests of the officer's year and of `check` across the
year build them.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1-BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150), on the
plan's start list."""

from __future__ import annotations

from datetime import date

from pipeline.checkfiles import check_files
from pipeline.history import HistoryStore
from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import (
    new_commune,
    person,
    start_list,
    write_plan,
    write_plan_2025,
    write_roster,
)


def two_lists(
    folder, period: str, prepared: date, na_mon: str = "Nà Mòn", nm3: str = "poor"
) -> None:
    """Nà Mòn's list of ``period`` ('NaMon_MM.xlsx', NM1-2 poor, NM3 ``nm3``, NM4-5 near-poor,
    100 households; its 'Xóm' written ``na_mon``) and Bản Cọ's ('BanCo_MM.xlsx', BC1-2 poor,
    BC3 near-poor, 200), prepared on ``prepared``."""
    na = [person(f"NM{i}", "poor") for i in (1, 2)]
    na.append(person("NM3", nm3))
    na += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    month = period[5:]
    write_roster(folder, f"NaMon_{month}.xlsx", na_mon, 100, na, period=period,
                 prepared=prepared)  # fmt: skip
    write_roster(folder, f"BanCo_{month}.xlsx", "Bản Cọ", 200, ban, period=period,
                 prepared=prepared)  # fmt: skip


def april_run(tmp_path, keep_lists: bool = False):
    """A new commune (tests.commune.new_commune) whose April is run under the first plan with
    :func:`two_lists`, the lists then taken out of the input folder unless ``keep_lists``.
    Returns (input folder, output folder)."""
    folder, out = new_commune(tmp_path)
    two_lists(folder, "2024-04", date(2024, 5, 3))
    execute(folder, out, "2024-04")
    if not keep_lists:
        for name in ("NaMon_04.xlsx", "BanCo_04.xlsx"):
            (folder / name).unlink()
    return folder, out


def april_na_mon_alone(tmp_path, keep_list: bool = False):
    """A new commune whose April is run with Nà Mòn's list alone ('NaMon_04.xlsx', NM1-3 poor,
    prepared 3 May; Bản Cọ late), the list then taken out of the input folder unless
    ``keep_list``. Returns (input folder, output folder)."""
    folder, out = new_commune(tmp_path)
    na = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    write_roster(folder, "NaMon_04.xlsx", "Nà Mòn", 100, na, period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    execute(folder, out, "2024-04")
    if not keep_list:
        (folder / "NaMon_04.xlsx").unlink()
    return folder, out


def revised_may(tmp_path, info: dict, hamlets: list[dict]):
    """April run under the first plan (:func:`april_run`); the plan replaced by one of ``info``
    and ``hamlets`` (the small commune's start list); May's lists (:func:`two_lists`, the same
    households) run. Returns (input folder, output folder)."""
    folder, out = april_run(tmp_path)
    write_plan_workbook(folder / "KeHoach_2024.xlsx", info, hamlets, start_list())
    two_lists(folder, "2024-05", date(2024, 6, 3))
    execute(folder, out, "2024-05")
    return folder, out


def na_mon_ban_co(folder, period: str, nm: int) -> None:
    """Nà Mòn's list NM1..NM``nm`` (NM1-3 poor, the rest near-poor, 100 households) and Bản
    Cọ's (BC1-2 poor, BC3 near-poor, 200) of ``period``, prepared the 3rd of the next month."""
    year, month = int(period[:4]), int(period[5:])
    prepared = date(year + month // 12, month % 12 + 1, 3)
    rows = [person(f"NM{i}", "poor" if i <= 3 else "near_poor") for i in range(1, nm + 1)]
    write_roster(folder, f"NaMon_{period}.xlsx", "Nà Mòn", 100, rows, period, prepared)
    bc = [person(f"BC{i}", "poor" if i <= 2 else "near_poor") for i in range(1, 4)]
    write_roster(folder, f"BanCo_{period}.xlsx", "Bản Cọ", 200, bc, period, prepared)


def vanished_said(folder, out) -> list[tuple]:
    """(file, Mã hộ and head, list named) of each vanished-household `check` of ``folder``
    says against the history in ``out`` (read only, as the command opens it)."""
    history = HistoryStore(out / "lich-su.sqlite", read_only=True)
    return [
        (i.file, i.value, str(i.detail))
        for i in check_files([folder], history=history)
        if i.code == "vanished-household"
    ]


def november_then_december_and_january(tmp_path, run_december: bool = False):
    """November 2024 run (:func:`na_mon_ban_co`: NM1-NM5, the 2024 plan kept in
    ra/2024-11/nguon/), its lists then taken out of the input folder; December 2024's lists
    (Nà Mòn's NM1-NM4, NM5 dropped without 'Thoát'), run if ``run_december``; the 2025 plan
    (tests.commune.write_plan_2025: the 2024 plan's hamlets and start list) and January 2025's
    lists (Nà Mòn's NM1-NM4), not run. Returns (input folder, output folder)."""
    folder, out = new_commune(tmp_path)
    na_mon_ban_co(folder, "2024-11", 5)
    execute(folder, out, "2024-11")
    for old in folder.glob("*_2024-11.xlsx"):
        old.unlink()
    na_mon_ban_co(folder, "2024-12", 4)
    if run_december:
        execute(folder, out, "2024-12")
    write_plan_2025(folder, (3, 2), ())
    na_mon_ban_co(folder, "2025-01", 4)
    return folder, out


def january_left_at_december(tmp_path, december_list: bool = False):
    """Both plans (2024, 2025) in 'vao' (the output folder 'ra', not made); Nà Mòn's January
    2025 list (NM1 poor); Bản Cọ's January list 'DS_BanCo_2025-01.xlsx' left at 12/2024
    ('Kỳ báo cáo'), its heads' ages written (54, 60) under 'Năm sinh' (D5, D6); with
    ``december_list``, Bản Cọ's own December list too. Returns (folder, out, the stale list's
    name)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir(parents=True)
    write_plan(folder)
    write_plan_2025(folder, (3, 2), ())
    write_roster(folder, "DS_NaMon_2025-01.xlsx", "Nà Mòn", 100, [person("NM1", "poor")],
                 period="2025-01", prepared=date(2025, 2, 1))  # fmt: skip
    stale = write_roster(folder, "DS_BanCo_2025-01.xlsx", "Bản Cọ", 200,
                         [person("BC1", "poor", nam_sinh=54), person("BC2", "poor", nam_sinh=60)],
                         period="2024-12", prepared=date(2025, 2, 2))  # fmt: skip
    if december_list:
        write_roster(folder, "DS_BanCo_2024-12.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                     period="2024-12", prepared=date(2025, 1, 2))  # fmt: skip
    return folder, out, stale.name


def stored_then_next_year(tmp_path, month: int, next_month: int) -> None:
    """A new commune; Nà Mòn's list (NM1-3 poor) of ``month`` 2024 run, prepared the 3rd of the
    month after, then taken out of the input folder; the 2025 plan; Nà Mòn's list (NM1-2 poor)
    of ``next_month`` 2025 run, the months between never."""
    na = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    folder, out = new_commune(tmp_path)
    old = f"NaMon_{month:02d}.xlsx"
    write_roster(folder, old, "Nà Mòn", 100, na, period=f"2024-{month:02d}",
                 prepared=date(2024 + month // 12, month % 12 + 1, 3))  # fmt: skip
    execute(folder, out, f"2024-{month:02d}")
    (folder / old).unlink()
    write_plan_2025(folder, (3, 2), ())
    write_roster(folder, f"NaMon_{next_month:02d}-2025.xlsx", "Nà Mòn", 100, na[:2],
                 period=f"2025-{next_month:02d}", prepared=date(2025, next_month + 1, 3))  # fmt: skip
    execute(folder, out, f"2025-{next_month:02d}")


def months_skipped_said(language: str) -> list[str]:
    """The last run's notices naming the months never consolidated before it ("… chưa được tổng
    hợp (kỳ đã tổng hợp liền trước …"), in ``language``."""
    said = [n for n in NOTICES if "chưa được tổng hợp (kỳ đã tổng hợp" in in_language(n, "vi")]
    return [in_language(n, language) for n in said]
