"""Session 65 (F): a plan copy set aside that cannot be used is said to be unusable.

Session 64 H2's Left. May 2024's folder (tests.commune.may_folder: 'KeHoach_2024.xlsx', Nà
Mòn's and Bản Cọ's lists; the plan's own lines two warnings, B7 and B8), an older copy
'KeHoach_2024 (cu).xlsx' saved an hour before without its sheet 'Chỉ tiêu theo xóm': the run
uses the newest and sets the copy aside. Since H2 neither the run nor `check` says the copy's
own error (the run reads it no further), so its set-aside line is all the officer reads of it;
it said only "… đã dùng 'KeHoach_2024.xlsx'. Mỗi năm chỉ để một tệp kế hoạch trong thư mục.",
not that the copy cannot be used, which the run's screen says ("không so được số liệu: tệp để
riêng không đọc được làm kế hoạch"). Now ('unusable') it says so and what to do either way.
"""

from __future__ import annotations

import os
import shutil
import time
from types import SimpleNamespace

import openpyxl
from click.testing import CliRunner

from pipeline.cli import _plans_set_aside, main
from pipeline.planpick import _duplicate
from tests.commune import may_folder
from tests.test_session63_f_spoiled_plan_named import spoil
from tests.test_session64_h2_plan_set_aside import B7, B8, OLD, PLAN


def _folder(tmp_path, monkeypatch):
    """May's folder, the older copy without 'Chỉ tiêu theo xóm' saved an hour before."""
    folder = may_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    shutil.copy(folder / PLAN, folder / OLD)
    spoil(folder / OLD, blank=False)  # told a plan, one that cannot be used
    then = time.time() - 3600
    os.utime(folder / OLD, (then, then))
    return folder


def _check() -> tuple[int, list[str]]:
    done = CliRunner().invoke(main, ["check", "input", "--no-history"])
    return done.exit_code, done.output.splitlines()


def run_may() -> tuple[int, list[str]]:
    done = CliRunner().invoke(main, ["run", "--input", "input", "--output", "ra"])
    return done.exit_code, done.output.splitlines()


UNUSABLE = (
    f"[Cảnh báo] {OLD} (plan-duplicate): Có nhiều hơn một tệp kế hoạch của cùng năm; đã dùng "
    "'KeHoach_2024.xlsx', không dùng tệp này: tệp này không dùng được làm kế hoạch (có lỗi khi "
    "đọc như một tệp kế hoạch) nên không so được số liệu với tệp đã dùng. Nếu tệp này là bản "
    "cũ hoặc bản hỏng, hãy xóa hoặc chuyển nó ra khỏi thư mục đầu vào; nếu tệp này mới là kế "
    "hoạch đúng, hãy chuyển 'KeHoach_2024.xlsx' ra khỏi thư mục đầu vào rồi chạy lệnh kiểm tra "
    "(giamngheo check) để xem lỗi của tệp này."
)


def test_check_and_the_run_say_the_older_copy_cannot_be_used(tmp_path, monkeypatch):
    """`check`: the copy's line says it cannot be used (fails before: the plain "Mỗi năm chỉ để
    một tệp kế hoạch trong thư mục."), 4 files, 0 errors, 3 warnings; the run's 'Lỗi dữ liệu'
    row for the copy in the same words, and its screen line as before."""
    _folder(tmp_path, monkeypatch)
    code, lines = _check()
    assert code == 0
    assert lines == [
        UNUSABLE,
        B7.format(file=PLAN),
        B8.format(file=PLAN),
        "Chưa nộp (kỳ 05/2024): Đồng Kè",
        "4 tệp, 0 lỗi, 3 cảnh báo.",
    ]
    code, said = run_may()
    assert code == 0
    assert (
        f"Kế hoạch: dùng '{PLAN}' (tệp sửa sau cùng), để riêng '{OLD}' cùng năm — không so được "
        "số liệu: tệp để riêng không đọc được làm kế hoạch (xem trang 'Lỗi dữ liệu')"
    ) in said
    book = openpyxl.load_workbook(tmp_path / "ra" / "2024-05" / "TongHop_2024-05.xlsx")
    rows = [r for r in book["Lỗi dữ liệu"].iter_rows(min_row=8, values_only=True) if r[0]]
    [copy] = [r for r in rows if r[2] == OLD]
    assert (copy[8], copy[9]) == ("Cảnh báo", "plan-duplicate")
    assert f"[{copy[8]}] {OLD} ({copy[9]}): {copy[10]}" == UNUSABLE


def test_the_fix_the_line_offers_for_the_right_plan_shows_its_error(tmp_path, monkeypatch):
    """The line's second fix: the copy is the right plan, 'KeHoach_2024.xlsx' moved out;
    `check` then takes the copy and says why it cannot be used (its plan-invalid, an error)."""
    folder = _folder(tmp_path, monkeypatch)
    (folder / PLAN).rename(tmp_path / PLAN)
    code, lines = _check()
    assert code == 1
    invalid = [line for line in lines if "(plan-invalid)" in line]
    assert len(invalid) == 1 and invalid[0].startswith(f"[LỖI] {OLD} (plan-invalid): ")
    assert "Chỉ tiêu theo xóm" in invalid[0]


def test_the_plan_taken_unusable_keeps_the_plain_wording():
    """A guard: the plan taken cannot be used (the run stops on it) and the one set aside can:
    the plain wording, as before; the one set aside unusable: 'unusable', English too."""
    plan = SimpleNamespace(plan=None, sub=SimpleNamespace(file="KeHoach_2024.xlsx"))
    copy = SimpleNamespace(plan=object(), sub=SimpleNamespace(file="KeHoach_cu.xlsx"))
    assert _duplicate(plan, copy).variant == ""
    said = _duplicate(copy, plan)
    assert (said.file, said.detail, said.variant) == (
        "KeHoach_2024.xlsx",
        "KeHoach_cu.xlsx",
        "unusable",
    )
    assert said.message("en") == (
        "More than one plan workbook of the same year; used 'KeHoach_cu.xlsx', not this one: "
        "this file cannot be used as a plan (reading it as a plan found an error), so its "
        "figures were not compared with the one used. If this file is an old or spoiled copy, "
        "delete it or move it out of the input folder; if it is the right plan, move "
        "'KeHoach_cu.xlsx' out of the input folder and run the check (giamngheo check) to see "
        "what is wrong in it."
    )
    assert _plans_set_aside([said], "vi") == [
        "Kế hoạch: dùng 'KeHoach_cu.xlsx' (tệp sửa sau cùng), để riêng 'KeHoach_2024.xlsx' cùng "
        "năm — không so được số liệu: tệp để riêng không đọc được làm kế hoạch (xem trang 'Lỗi "
        "dữ liệu')"
    ]
