"""Session 50: what the QA of the officer's screen found and left, in the messages.

`--period 1999-01` was said not to be of the form YYYY-MM, which it is; 'tháng 5' was refused
without a word of the year it lacks; `--period 2030-01` said no list of the month "was
accepted", as if lists had been refused; a missing input folder was named without its full path
or what to do; `check` of lists advised copying the plan from `output/…/nguon/` while it lay
beside them; `check` and `history` stopped said the earlier result files were unchanged, though
they write none; `sample --help` said nothing of --hamlets, --seed and --months."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.commune import clean_rosters, write_plan
from tests.test_session40_signals import stops_heard
from tests.test_session50_officer_screen import collect_stopped

ROOT = Path(__file__).resolve().parents[1]


def command(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def _said(done: subprocess.CompletedProcess) -> str:
    """The one line of a command stopped (exit 2, nothing on stdout)."""
    assert (done.returncode, done.stdout) == (2, ""), done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def _commune(tmp_path: Path) -> Path:
    """input/ with the 2024 plan and May's lists of Nà Mòn and Bản Cọ."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    return folder


# --- 1, 3. `run --period` written as a month, but refused -----------------------------------------


def period_said(period: str, *lang: str) -> str:
    # refused before any file is read: the folders need not exist
    return _said(command("run", "--input", "nowhere", "--period", period, *lang))


def test_a_period_of_the_form_with_a_year_out_of_range_says_the_year():
    assert period_said("1999-01") == (
        "LỖI: --period '1999-01': năm 1999 nằm ngoài các năm chương trình nhận (2000–2100); "
        "hãy chọn một kỳ của năm kế hoạch, dạng YYYY-MM (ví dụ 2024-05)."
    )
    assert period_said("1999-01", "--lang", "en") == (
        "ERROR: --period '1999-01': the year 1999 is outside the years the program takes "
        "(2000–2100); choose a period of the plan's year, as YYYY-MM (for example 2024-05)."
    )


def test_a_period_of_the_form_with_a_month_past_12_says_the_month():
    assert period_said("2024-13") == (
        "LỖI: --period '2024-13': không có tháng 13; tháng ghi từ 01 đến 12, dạng YYYY-MM "
        "(ví dụ 2024-05)."
    )
    # written month first, as a 'Kỳ báo cáo' is
    assert period_said("00/2024").startswith("LỖI: --period '00/2024': không có tháng 0;")


def test_a_month_without_its_year_says_the_year_is_missing():
    assert period_said("tháng 5") == (
        "LỖI: --period 'tháng 5' chưa ghi năm: hãy ghi cả năm, dạng YYYY-MM (tháng 5 năm 2024 "
        "là 2024-05)."
    )
    assert period_said("T11", "--lang", "en") == (
        "ERROR: --period 'T11' gives no year: write the year too, as YYYY-MM (month 11 of 2024 "
        "is 2024-11)."
    )
    # what is no month keeps its words
    assert period_said("abc") == "LỖI: --period 'abc' không đúng dạng YYYY-MM (ví dụ 2024-05)."


# --- 2. a period outside the plan's year that no list was sent for --------------------------------


def test_a_period_outside_the_plans_year_with_no_list_says_none_was_sent(tmp_path):
    said = collect_stopped(_commune(tmp_path), "2030-01")
    assert str(said) == (
        "Kỳ 01/2030 nằm ngoài năm kế hoạch 2024 (tệp 'KeHoach_2024.xlsx'); thư mục đầu vào "
        "không có danh sách hộ nào của kỳ này (các kỳ có danh sách: 05/2024). Hãy chọn một kỳ "
        "của năm 2024 (--period 2024-MM) hoặc đặt kế hoạch năm 2030 vào thư mục đầu vào."
    )
    assert said.en == (
        "Period 01/2030 is outside the plan year 2024 (file 'KeHoach_2024.xlsx'); the input "
        "folder holds no household roster of that period (periods with rosters: 05/2024). "
        "Choose a period of 2024 (--period 2024-MM) or put the 2030 plan in the input folder."
    )


# --- 5. no input folder ---------------------------------------------------------------------------


def test_a_missing_input_folder_is_named_in_full_with_what_to_do(tmp_path, monkeypatch):
    # since session 60 (H) named once, with the current folder's name, not its full path
    monkeypatch.chdir(tmp_path)
    said = collect_stopped(Path("input"))
    here = tmp_path.name
    assert str(said) == (
        f"Không có thư mục đầu vào 'input' trong thư mục '{here}'. Hãy tạo thư mục đó, "
        "chép vào đó tệp kế hoạch của xã (KeHoach_YYYY.xlsx) cùng danh sách của các xóm, hoặc "
        "chỉ đúng thư mục đầu vào (--input), rồi chạy lại."
    )
    assert said.en == (
        f"There is no input folder 'input' in the folder '{here}'. Create it and copy the "
        "commune's plan (KeHoach_YYYY.xlsx) and the hamlets' lists into it, or give the right "
        "input folder (--input), then run again."
    )


# --- 4. `check` of lists without the plan, the plan beside them ----------------------------------


def test_check_of_lists_names_the_plan_beside_them_not_the_copy_kept(tmp_path):
    _commune(tmp_path)
    ran = command("run", "--quiet", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    lists = ("input/NaMon.xlsx", "input/BanCo.xlsx")
    done = command("check", *lists, cwd=tmp_path)
    note = next(line for line in done.stdout.splitlines() if line.startswith("Lưu ý"))
    assert note.endswith(
        "Để kiểm tra đủ như khi tổng hợp, hãy thêm tệp kế hoạch 'input/KeHoach_2024.xlsx' vào "
        "cuối lệnh check."
    )
    assert "nguon" not in done.stdout
    done = command("check", *lists, "--lang", "en", cwd=tmp_path)
    note = next(line for line in done.stdout.splitlines() if line.startswith("Note"))
    assert note.endswith(
        "To check as a run does, add the plan 'input/KeHoach_2024.xlsx' at the end of the check "
        "command."
    )
    # the plan gone from input/: the copy kept is named, as before (session 44)
    (tmp_path / "input" / "KeHoach_2024.xlsx").unlink()
    done = command("check", *lists, cwd=tmp_path)
    assert (
        "(ví dụ input/KeHoach_2024.xlsx) vào cuối lệnh check. Kế hoạch đã dùng khi tổng hợp kỳ "
        "05/2024 được giữ ở 'output/2024-05/nguon/KeHoach_2024.xlsx'"
    ) in done.stdout


# --- 6. a stop of a command that writes nothing -----------------------------------------------------

# The command started as `giamngheo` starts, a stop (SIGINT) sent to itself while it works
# (inside the function named: module, then attribute path).
_STOPPED_WORKING = """
import importlib, os, signal, sys, time

module, _, name = sys.argv[1].partition(":")
owner = importlib.import_module(module)
*path, last = name.split(".")
for part in path:
    owner = getattr(owner, part)

def stopped(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(30)

setattr(owner, last, stopped)
sys.argv = ["giamngheo", *sys.argv[2:]]
from pipeline.start import entry
entry()
"""


def _stopped(where: str, *args: str, cwd: Path) -> str:
    # the stop heard, as a terminal's Ctrl-C is (a test runner in the background has SIGINT
    # ignored, which the command keeps: the stub then slept its 30 s and returned None)
    done = subprocess.run([sys.executable, "-c", _STOPPED_WORKING, where, *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, preexec_fn=stops_heard,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    return _said(done)


def test_check_and_history_stopped_do_not_speak_of_result_files(tmp_path):
    folder = _commune(tmp_path)
    (tmp_path / "output").mkdir()
    reading = "LỖI: Đã dừng theo yêu cầu; lệnh này chỉ đọc, không ghi tệp nào."
    check = ("pipeline.checkfiles:check_files", "check", str(folder))
    assert _stopped(*check, cwd=tmp_path) == reading
    assert _stopped(*check, "--lang", "en", cwd=tmp_path) == (
        "ERROR: Stopped on request; this command only reads and wrote no file."
    )
    history = ("pipeline.history:HistoryStore.journal_said", "history")
    assert _stopped(*history, cwd=tmp_path) == reading
    # a run keeps its words: it writes the result files, the earlier ones kept
    run = ("pipeline.run:execute", "run", "--quiet")
    assert _stopped(*run, cwd=tmp_path) == (
        "LỖI: Đã dừng theo yêu cầu; các tệp kết quả cũ vẫn giữ nguyên."
    )


# --- 7. `sample --help` ---------------------------------------------------------------------------


def test_sample_help_says_what_hamlets_seed_and_months_are():
    done = command("sample", "--help")
    assert done.returncode == 0
    said = " ".join(done.stdout.split())  # click wraps the lines
    assert "--hamlets INTEGER RANGE Số xóm của xã mẫu (mỗi xóm một danh sách mỗi tháng)." in said
    assert (
        "--seed INTEGER RANGE Số khởi tạo ngẫu nhiên: cùng số thì cùng dữ liệu mẫu (make "
        "sample dùng 2024)."
    ) in said
    assert (
        "--months INTEGER RANGE Số tháng có danh sách, tính lùi từ tháng 05/2024 (2: tháng 4 "
        "và tháng 5)."
    ) in said
