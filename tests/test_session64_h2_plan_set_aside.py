"""Session 64 (H2): `check` says a plan the run sets aside as the run says it.

May 2024's folder (tests.commune.may_folder: the plan 'KeHoach_2024.xlsx', Nà Mòn's and Bản
Cọ's lists, Đồng Kè silent). The plan's own lines are two warnings, its targets above the
commune's start rates: B7 (1,52 points against 1,33 %, 6/450 poor) and B8 (1,01 against
0,89 %, 4/450 near-poor). A run says them and nothing else ("cảnh báo: 2").
* Beside it, an older copy 'KeHoach_2024 (cu).xlsx' saved an hour before: the run takes the
  newest, sets the copy aside (one plan-duplicate line) and says 3 warnings; `check` said the
  copy's own B7 and B8 too: "5 cảnh báo", two lines the run never says.
* The older copy unusable ('Chỉ tiêu theo xóm' deleted): the run says 3 warnings, 0 errors;
  `check` said the copy's plan-invalid too, "1 lỗi", and ended 1 (a check that fails).
* Last year's plan kept in the folder (the officer's guide keeps it in January), no list of
  2023: the run says nothing of it; `check` said its B7 and B8, "4 cảnh báo".
* Guards: the plan the run stops on beside an older usable copy (`check` goes on with the copy,
  whose lines are the run's once the newest is moved out); each year's plan said where lists
  of both years are given (each part takes its plan).
"""

from __future__ import annotations

import os
import shutil
import time
from datetime import date

import openpyxl
from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import may_folder, person, write_plan, write_plan_2025, write_roster
from tests.test_session63_f_spoiled_plan_named import spoil

OLD = "KeHoach_2024 (cu).xlsx"
B7 = (
    "[Cảnh báo] {file}, Thông tin chung, B7 (plan-commune-target-above-start): Chỉ tiêu giảm "
    "tỷ lệ hộ nghèo toàn xã là 1,52 điểm %, nhưng đầu năm tỷ lệ hộ nghèo của xã chỉ là 1,33 % "
    "(6/450 hộ): không thể đạt, vì tỷ lệ không thể xuống dưới 0 %. Hãy kiểm tra lại chỉ tiêu: "
    "ghi số điểm phần trăm (ví dụ 1,52), không phải số hộ."
)
B8 = (
    "[Cảnh báo] {file}, Thông tin chung, B8 (plan-commune-target-above-start): Chỉ tiêu giảm "
    "tỷ lệ hộ cận nghèo toàn xã là 1,01 điểm %, nhưng đầu năm tỷ lệ hộ cận nghèo của xã chỉ là "
    "0,89 % (4/450 hộ): không thể đạt, vì tỷ lệ không thể xuống dưới 0 %. Hãy kiểm tra lại chỉ "
    "tiêu: ghi số điểm phần trăm (ví dụ 1,52), không phải số hộ."
)
SAME = (
    f"[Cảnh báo] {OLD} (plan-duplicate): Có nhiều hơn một tệp kế hoạch của cùng năm; đã dùng "
    "'KeHoach_2024.xlsx' (tệp sửa sau cùng), không dùng tệp này. Số liệu của hai tệp giống nhau "
    "nên kết quả không đổi; hãy xóa tệp này hoặc chuyển ra khỏi thư mục (mỗi năm chỉ để một tệp "
    "kế hoạch)."
)
# said unusable since session 65 (F): before, "… đã dùng 'KeHoach_2024.xlsx'. Mỗi năm chỉ để
# một tệp kế hoạch trong thư mục."
UNREAD = (
    f"[Cảnh báo] {OLD} (plan-duplicate): Có nhiều hơn một tệp kế hoạch của cùng năm; đã dùng "
    "'KeHoach_2024.xlsx', không dùng tệp này: tệp này không dùng được làm kế hoạch (có lỗi khi "
    "đọc như một tệp kế hoạch) nên không so được số liệu với tệp đã dùng. Nếu tệp này là bản "
    "cũ hoặc bản hỏng, hãy xóa hoặc chuyển nó ra khỏi thư mục đầu vào; nếu tệp này mới là kế "
    "hoạch đúng, hãy chuyển 'KeHoach_2024.xlsx' ra khỏi thư mục đầu vào rồi chạy lệnh kiểm tra "
    "(giamngheo check) để xem lỗi của tệp này."
)
PLAN = "KeHoach_2024.xlsx"


def _aged(path, hours: int) -> None:
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


def _folder(tmp_path, monkeypatch):
    folder = may_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    return folder


def _older_copy(folder, usable: bool = True):
    shutil.copy(folder / PLAN, folder / OLD)
    if not usable:
        spoil(folder / OLD, blank=False)  # told a plan, one that cannot be used
    _aged(folder / OLD, 1)


def _check() -> tuple[int, list[str]]:
    done = CliRunner().invoke(main, ["check", "input", "--no-history"])
    return done.exit_code, done.output.splitlines()


def _run() -> tuple[int, list[str]]:
    done = CliRunner().invoke(main, ["run", "--input", "input", "--output", "ra"])
    return done.exit_code, done.output.splitlines()


def _run_rows(tmp_path) -> list[tuple]:
    """'Lỗi dữ liệu''s rows of the run: (file, level, code, words)."""
    book = openpyxl.load_workbook(tmp_path / "ra" / "2024-05" / "TongHop_2024-05.xlsx")
    rows = list(book["Lỗi dữ liệu"].iter_rows(min_row=8, values_only=True))
    return [(row[2], row[8], row[9], row[10]) for row in rows if row[0] is not None]


def test_check_says_an_older_copy_of_the_plan_set_aside_as_the_run_does(tmp_path, monkeypatch):
    """The older copy is named once as set aside; its own B7 and B8 are not said (fails before:
    they were, "5 cảnh báo"). `check`'s lines are the run's 'Lỗi dữ liệu' rows, word for word."""
    folder = _folder(tmp_path, monkeypatch)
    _older_copy(folder)
    code, lines = _check()
    assert code == 0
    assert lines == [
        SAME,
        B7.format(file=PLAN),
        B8.format(file=PLAN),
        "Chưa nộp (kỳ 05/2024): Đồng Kè",
        "4 tệp, 0 lỗi, 3 cảnh báo.",
    ]
    code, said = _run()
    assert code == 0
    assert "Lỗi: 0, cảnh báo: 3, tệp bỏ qua: 0 (xem trang 'Lỗi dữ liệu')" in said
    rows = _run_rows(tmp_path)
    assert [(file, code) for file, _, code, _ in rows] == [
        (OLD, "plan-duplicate"),
        (PLAN, "plan-commune-target-above-start"),
        (PLAN, "plan-commune-target-above-start"),
    ]
    for line, (_, level, code, words) in zip(lines, rows, strict=False):
        assert line.startswith(f"[{level}] ") and line.endswith(f" ({code}): {words}")


def test_check_says_no_error_of_an_older_copy_that_cannot_be_used(tmp_path, monkeypatch):
    """The older copy without 'Chỉ tiêu theo xóm' beside the usable newest: the run uses the
    newest, 0 errors; `check` no longer says the copy's plan-invalid (fails before: "[LỖI]
    KeHoach_2024 (cu).xlsx (plan-invalid): …", "1 lỗi", ended 1)."""
    folder = _folder(tmp_path, monkeypatch)
    _older_copy(folder, usable=False)
    code, said = _run()
    assert code == 0
    assert "Lỗi: 0, cảnh báo: 3, tệp bỏ qua: 0 (xem trang 'Lỗi dữ liệu')" in said
    code, lines = _check()
    assert lines == [
        UNREAD,
        B7.format(file=PLAN),
        B8.format(file=PLAN),
        "Chưa nộp (kỳ 05/2024): Đồng Kè",
        "4 tệp, 0 lỗi, 3 cảnh báo.",
    ]
    assert code == 0
    assert [(file, code) for file, _, code, _ in _run_rows(tmp_path)] == [
        (OLD, "plan-duplicate"),
        (PLAN, "plan-commune-target-above-start"),
        (PLAN, "plan-commune-target-above-start"),
    ]


def test_check_says_nothing_of_last_years_plan_kept_without_its_lists(tmp_path, monkeypatch):
    """'KeHoach_2023.xlsx' (the plan with 'Năm kế hoạch' 2023, saved in January) beside May
    2024's: no list of 2023, so no run of these files takes it and the run says nothing of it
    ("cảnh báo: 2"); nor does `check` now (fails before: its B7 and B8, "4 cảnh báo")."""
    folder = _folder(tmp_path, monkeypatch)
    last = folder / "KeHoach_2023.xlsx"
    shutil.copy(folder / PLAN, last)
    book = openpyxl.load_workbook(last)
    info = book["Thông tin chung"]
    [year] = [row[1] for row in info.iter_rows() if row[0].value == "Năm kế hoạch"]
    year.value = 2023
    book.save(last)
    _aged(last, 24 * 120)
    code, said = _run()
    assert code == 0
    assert "Lỗi: 0, cảnh báo: 2, tệp bỏ qua: 0 (xem trang 'Lỗi dữ liệu')" in said
    code, lines = _check()
    assert lines == [
        B7.format(file=PLAN),
        B8.format(file=PLAN),
        "Chưa nộp (kỳ 05/2024): Đồng Kè",
        "4 tệp, 0 lỗi, 2 cảnh báo.",
    ]
    assert code == 0


def test_check_says_the_older_copys_lines_beside_a_plan_the_run_stops_on(tmp_path, monkeypatch):
    """A guard (passes before): the newest plan without 'Chỉ tiêu theo xóm' ('Loại biểu'
    kept), the older copy usable. The run stops on the newest, offering to move it out;
    `check` goes on with the copy for the lists, and says its B7 and B8: the run's lines once
    the newest is moved out (session 64 H's decision, kept)."""
    folder = _folder(tmp_path, monkeypatch)
    _older_copy(folder)
    spoil(folder / PLAN, blank=False)
    code, said = _run()
    assert code == 2 and said[0].startswith(f"LỖI: {PLAN}: ")
    code, lines = _check()
    assert code == 1
    assert [line for line in lines if OLD in line] == [
        B7.format(file=OLD),
        B8.format(file=OLD),
        f"[LỖI] {PLAN} (plan-invalid): Kế hoạch không hợp lệ: "
        + said[0].removeprefix(f"LỖI: {PLAN}: "),
    ]
    assert lines[-1] == "4 tệp, 1 lỗi, 2 cảnh báo."
    os.replace(folder / PLAN, tmp_path / PLAN)  # as the stop says
    code, said = _run()
    assert code == 0
    assert [(file, code) for file, _, code, _ in _run_rows(tmp_path)] == [
        (OLD, "plan-commune-target-above-start"),
        (OLD, "plan-commune-target-above-start"),
    ]


def test_check_says_each_years_plan_where_lists_of_both_years_are_given(tmp_path, monkeypatch):
    """A guard (passes before): December 2024's and January 2025's lists of Nà Mòn, each year's
    plan beside them: each is taken by the part of its year's lists, and each says its B7 and
    B8 (KeHoach_2025.xlsx: Nà Mòn's start 3 poor and 2 near-poor as in 2024)."""
    folder = tmp_path / "input"
    folder.mkdir()
    monkeypatch.chdir(tmp_path)
    write_plan(folder)
    write_plan_2025(folder, (3, 2), ())
    for period, prepared in (("2024-12", date(2025, 1, 3)), ("2025-01", date(2025, 2, 3))):
        rows = [person("NM1", "poor"), person("NM2", "near_poor")]
        write_roster(folder, f"NaMon_{period}.xlsx", "Nà Mòn", 102, rows, period, prepared)
    code, lines = _check()
    assert code == 0
    plans = [line for line in lines if "KeHoach" in line]
    assert plans == [
        B7.format(file=PLAN),
        B8.format(file=PLAN),
        B7.format(file="KeHoach_2025.xlsx"),
        B8.format(file="KeHoach_2025.xlsx"),
    ]
    assert lines[-1] == "4 tệp, 0 lỗi, 7 cảnh báo."
