"""What the officer reads when a command stops (CONTRACT §6): one line, Vietnamese by default,
English with `--lang en`, the operating system's and SQLite's words explained, exit codes kept."""

from __future__ import annotations

import errno
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from pipeline.messages import Message, in_language, os_reason, sqlite_reason
from pipeline.template import write_plan_workbook
from tests.commune import HAMLETS, PLAN_INFO, clean_rosters, person, write_plan, write_roster
from tests.test_session41_check_note import NO_PLAN_VI, said_for

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).with_name("giamngheo")  # the installed `giamngheo` command


def cli(*args: str, command: tuple[str, ...] = (sys.executable, "-m", "pipeline"), **kwargs):
    return subprocess.run([*command, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, **kwargs)  # fmt: skip


def one_line(done: subprocess.CompletedProcess) -> str:
    """The single line a stopped command prints on stderr (and nothing on stdout)."""
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture(scope="module")
def commune(tmp_path_factory) -> Path:
    """Plan year 2024; rosters of May 2024 for two of the three hamlets."""
    folder = tmp_path_factory.mktemp("commune") / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    return folder


# --- 1. exit-2 reasons in the run's language ----------------------------------------------------


def test_a_missing_input_folder_is_told_in_either_language(tmp_path):
    nowhere = tmp_path / "nowhere"
    vi = cli("run", "--input", str(nowhere), "--output", str(tmp_path / "out"))
    en = cli("run", "--input", str(nowhere), "--output", str(tmp_path / "out"), "--lang", "en")
    assert (vi.returncode, en.returncode) == (2, 2)
    assert one_line(vi) == (
        f"LỖI: Không có thư mục đầu vào '{nowhere}'. Hãy tạo thư mục đó, chép vào đó tệp kế "
        "hoạch của xã (KeHoach_YYYY.xlsx) cùng danh sách của các xóm, hoặc chỉ đúng thư mục "
        "đầu vào (--input), rồi chạy lại."
    )
    assert one_line(en) == (
        f"ERROR: There is no input folder '{nowhere}'. Create it and copy the commune's plan "
        "(KeHoach_YYYY.xlsx) and the hamlets' lists into it, or give the right input folder "
        "(--input), then run again."
    )
    assert vi.stdout == en.stdout == ""


@pytest.mark.parametrize("leftovers", [(), (".DS_Store", "Thumbs.db", "~$KeHoach_2025.xlsx")])
def test_an_empty_input_folder_is_told_as_empty_not_as_a_plan_missing(tmp_path, leftovers):
    """`make` on a fresh `input/` with nothing copied in yet: it said "Không tìm thấy tệp kế
    hoạch …", as if the plan were missing among files; it says the folder is empty. The files a
    system leaves in a folder it has shown (.DS_Store, Thumbs.db) or Excel's lock file of a
    workbook open elsewhere do not make it a folder of files."""
    empty = tmp_path / "input"
    empty.mkdir()
    for name in leftovers:
        (empty / name).write_bytes(b"\x00\x01")
    done = cli("run", "--input", str(empty), "--output", str(tmp_path / "out"))
    assert done.returncode == 2
    assert one_line(done) == (
        f"LỖI: Thư mục đầu vào '{empty}' chưa có tệp nào. Hãy chép vào đó tệp kế hoạch của xã "
        "(KeHoach_YYYY.xlsx) và danh sách của các xóm rồi chạy lại."
    )
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_check_of_a_folder_with_no_file_yet_says_so_and_counts_no_system_file(tmp_path):
    """`giamngheo check input` on a folder holding only what a system leaves there said "2 tệp,
    0 lỗi": the leftovers counted as files checked. They are passed over, as a run passes them
    over, and a folder with nothing else is said to be empty (not an error of any file), with
    what to copy into it, as a run's line says (session 57: it said the folder empty alone)."""
    empty = tmp_path / "input"
    empty.mkdir()
    (empty / ".DS_Store").write_bytes(b"\x00")
    (empty / "Thumbs.db").write_bytes(b"\x00")
    roster = tmp_path / "hamlet"
    roster.mkdir()
    write_roster(roster, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    (roster / "~$NaMon.xlsx").write_bytes(b"\x00")
    out = ("--output", str(tmp_path))  # not the repository's output/ (a developer's `make`)
    vi = cli("check", str(empty), str(roster / "NaMon.xlsx"), str(roster / "~$NaMon.xlsx"), *out)
    en = cli("check", str(empty), "--lang", "en", *out)
    # the empty folder among the files given, not the folder a run of them reads: said, not
    # counted; alone, it is that folder, whose run stops: an error line, exit 1 (session 59, D)
    assert (vi.returncode, en.returncode) == (0, 1)
    assert vi.stdout.splitlines()[-3:] == [
        f"Thư mục '{empty}' chưa có tệp nào. Hãy chép vào đó tệp kế hoạch của xã "
        "(KeHoach_YYYY.xlsx) và danh sách của các xóm rồi kiểm tra lại.",
        said_for(NO_PLAN_VI, tmp_path),  # a list, no plan (session 41)
        "1 tệp, 0 lỗi, 0 cảnh báo.",
    ]
    assert en.stdout.splitlines() == [
        f"[ERROR] (no-files): Folder '{empty}' holds no file yet: a run (make or giamngheo run) "
        "stops and writes no workbook. Copy the commune's plan (KeHoach_YYYY.xlsx) and the "
        "hamlets' lists into it, then check again.",
        "0 file(s), 1 error(s), 0 warning(s).",
    ]


def test_a_badly_written_period_and_a_folder_without_plan_are_told_in_english(tmp_path):
    bad = cli(
        "run",
        "--input",
        str(tmp_path),
        "--output",
        str(tmp_path / "out"),
        "--period",
        "2024-13",
        "--lang",
        "en",
    )
    assert bad.returncode == 2
    assert one_line(bad) == (
        "ERROR: --period '2024-13': there is no month 13; the month is 01 to 12, as YYYY-MM "
        "(for example 2024-05)."
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    said = cli("run", "--input", str(empty), "--output", str(tmp_path / "out"), "--lang", "en")
    assert said.returncode == 2
    assert one_line(said) == (
        f"ERROR: The input folder '{empty}' holds no file yet. Copy the commune's plan "
        "(KeHoach_YYYY.xlsx) and the hamlets' lists into it, then run again."
    )
    (empty / "anh_danh_sach.jpg").write_bytes(b"\xff\xd8\xff")  # a photo, no plan
    no_plan = cli("run", "--input", str(empty), "--output", str(tmp_path / "out"), "--lang", "en")
    assert no_plan.returncode == 2
    assert one_line(no_plan).startswith("ERROR: No plan file was found in the input folder. ")


def test_an_unusable_plan_is_told_in_english(tmp_path):
    folder = tmp_path / "input"
    folder.mkdir()
    hamlets = [{"hamlet": h, "start_households": n, "start_poor": p, "start_near_poor": c,
                "poor_target": pt, "near_poor_target": ct}
               for h, (n, p, c, pt, ct) in HAMLETS.items()]  # fmt: skip
    write_plan_workbook(folder / "KeHoach_2024.xlsx", dict(PLAN_INFO, commune=""), hamlets, None)
    clean_rosters(folder)
    args = ("run", "--input", str(folder), "--output", str(tmp_path / "out"), "--quiet")
    vi, en = cli(*args), cli(*args, "--lang", "en")
    assert (vi.returncode, en.returncode) == (2, 2)
    # The plan is read in a reader process: its reason comes back in both languages.
    assert (
        one_line(vi) == "LỖI: KeHoach_2024.xlsx: ô 'Xã' trong trang 'Thông tin chung' đang trống."
    )
    assert one_line(en) == (
        "ERROR: KeHoach_2024.xlsx: the 'Xã' (commune) cell of sheet 'Thông tin chung' is empty."
    )


def test_what_check_says_of_a_plan_it_can_still_use_is_english_when_asked(tmp_path):
    """An unknown standard and an unknown area: the plan is used, and the detail of each issue
    (built in the plan reader) reads in the language asked for."""
    hamlets = [{"hamlet": h, "start_households": n, "start_poor": p, "start_near_poor": c,
                "poor_target": pt, "near_poor_target": ct}
               for h, (n, p, c, pt, ct) in HAMLETS.items()]  # fmt: skip
    plan = tmp_path / "KeHoach_2024.xlsx"
    write_plan_workbook(plan, dict(PLAN_INFO, standard="2016-2020", area="Vùng cao"), hamlets, None)
    vi, en = cli("check", str(plan)), cli("check", str(plan), "--lang", "en")
    assert "Traceback" not in vi.stderr + en.stderr
    assert "chuẩn nghèo '2016-2020' chưa có; dùng 2022-2025." in vi.stdout
    assert "khu vực 'Vùng cao' không rõ là nông thôn hay thành thị; dùng nông thôn." in vi.stdout
    assert "poverty standard '2016-2020' is not known; using 2022-2025." in en.stdout
    assert "area 'Vùng cao' is neither rural nor urban as written; rural is used." in en.stdout
    assert "chưa có" not in en.stdout and "nông thôn" not in en.stdout


# --- 5. a period outside the plan year --------------------------------------------------------


def test_a_period_outside_the_plan_year_says_so(commune, tmp_path):
    args = (
        "run",
        "--input",
        str(commune),
        "--output",
        str(tmp_path / "out"),
        "--quiet",
        "--period",
        "2023-05",
    )
    vi, en = cli(*args), cli(*args, "--lang", "en")
    assert (vi.returncode, en.returncode) == (2, 2)
    assert one_line(vi).startswith(
        "LỖI: Kỳ 05/2023 nằm ngoài năm kế hoạch 2024 (tệp 'KeHoach_2024.xlsx')"
    )
    assert "--period 2024-MM" in vi.stderr
    assert one_line(en).startswith(
        "ERROR: Period 05/2023 is outside the plan year 2024 (file 'KeHoach_2024.xlsx')"
    )
    # within the plan year, a month without rosters says so and names the months there are
    # (session 27; it was "no roster of 2024-04 was accepted", as if April's had been refused)
    april = cli(
        "run",
        "--input",
        str(commune),
        "--output",
        str(tmp_path / "out"),
        "--quiet",
        "--period",
        "2024-04",
    )
    assert april.returncode == 2
    assert one_line(april) == (
        "LỖI: Thư mục đầu vào không có danh sách hộ nào của kỳ 04/2024; không có gì để tổng "
        "hợp. Các kỳ có danh sách: 05/2024. Hãy kiểm tra lại --period."
    )


# --- 3. the operating system's and SQLite's words, explained ---------------------------------


def test_an_output_folder_that_is_a_file_is_explained_in_either_language(commune, tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    vi = cli("run", "--input", str(commune), "--output", str(blocker), "--quiet")
    en = cli(
        "run", "--input", str(commune), "--output", str(blocker / "out"), "--quiet", "--lang", "en"
    )
    assert (vi.returncode, en.returncode) == (2, 2)
    assert one_line(vi) == (
        f"LỖI: Không tạo được thư mục kết quả '{blocker}': ở đó đã có một tệp trùng tên, nên "
        "không tạo được thư mục; hãy đổi tên tệp đó hoặc chọn thư mục khác."
    )
    assert one_line(en) == (
        f"ERROR: Cannot create the output folder '{blocker / 'out'}': part of the path is a "
        "file, not a folder; choose another folder."
    )
    for said in ("File exists", "Not a directory"):
        assert said not in vi.stderr + en.stderr


def test_a_damaged_history_store_is_explained_in_either_language(commune, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    store = out / "lich-su.sqlite"
    store.write_bytes(b"this is not a database, only some text " * 10)
    vi = cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    en = cli("run", "--input", str(commune), "--output", str(out), "--quiet", "--lang", "en")
    listing = cli("history", "--output", str(out))
    assert (vi.returncode, en.returncode, listing.returncode) == (2, 2, 2)
    assert one_line(vi) == (
        f"LỖI: Không mở được kho lịch sử '{store}': tệp bị hỏng hoặc không phải kho lịch sử; "
        "hãy khôi phục bản sao hoặc đổi tên tệp này để bắt đầu kho mới."
    )
    assert one_line(en) == (
        f"ERROR: Cannot open the history store '{store}': the file is damaged or is not a "
        "history store; restore a copy, or rename this file to start a new store."
    )
    assert one_line(listing) == one_line(vi)
    assert "file is not a database" not in vi.stderr + en.stderr


def test_a_history_store_that_cannot_be_opened_is_explained(commune, tmp_path):
    out = tmp_path / "out"
    (out / "lich-su.sqlite").mkdir(parents=True)  # a folder where the store should be
    done = cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert done.returncode == 2
    line = one_line(done)
    assert line.startswith(
        f"LỖI: Không mở được kho lịch sử '{out / 'lich-su.sqlite'}': không mở hay tạo được tệp"
    )
    assert "unable to open database file" not in line


@pytest.mark.parametrize(
    "code",
    [
        "ENOENT",
        "EEXIST",
        "ENOTDIR",
        "EISDIR",
        "EACCES",
        "EPERM",
        "EROFS",
        "ENOSPC",
        "EDQUOT",
        "EBUSY",
        "ENAMETOOLONG",
    ],
)
def test_each_common_os_error_has_words_of_its_own(code):
    number = getattr(errno, code, None)
    if number is None:
        pytest.skip(f"{code} does not exist on this platform")
    reason = os_reason(OSError(number, os.strerror(number), "/x/y"))
    assert os.strerror(number) not in reason and os.strerror(number) not in reason.en
    assert "; " in reason and "; " in reason.en  # what happened; what to do


def test_sqlite_texts_are_explained_and_others_kept():
    for said in ("unable to open database file", "database is locked", "file is not a database"):
        reason = sqlite_reason(Exception(said))
        assert said not in reason and said not in reason.en
    assert sqlite_reason(Exception("disk I/O error")).startswith("disk I/O error; hãy khôi phục")


def test_a_message_keeps_both_texts_through_exceptions_and_pickling():
    message = Message("Không ghi được.", "Cannot write.")
    kept = str(pickle.loads(pickle.dumps(ValueError(message))))
    assert kept == "Không ghi được." and in_language(kept, "en") == "Cannot write."
    assert in_language("chỉ tiếng Việt", "en") == "chỉ tiếng Việt"


# --- 1. the English summary says what the Vietnamese one says -------------------------------


def test_the_english_summary_has_the_history_line_the_issues_sheet_and_the_notices(
    commune, tmp_path
):
    out = tmp_path / "out"
    first = cli("run", "--input", str(commune), "--output", str(out), "--quiet", "--lang", "en")
    assert first.returncode == 0, first.stderr
    assert f"Saved to history: {out / 'lich-su.sqlite'}\n" in first.stdout
    assert "files skipped: 0 (see sheet 'Lỗi dữ liệu')" in first.stdout
    (out / "2024-05" / "~$TongHop_2024-05.xlsx").write_bytes(b"owner")  # open in Excel
    again = cli("run", "--input", str(commune), "--output", str(out), "--quiet", "--lang", "en")
    assert again.returncode == 0, again.stderr
    lines = again.stdout.splitlines()
    assert (
        "NOTE: 'TongHop_2024-05.xlsx' is open, so the new result was written to "
        "'TongHop_2024-05 (1).xlsx'. If it is closed (no spreadsheet program has it open), "
        "delete the hidden file '~$TongHop_2024-05.xlsx' beside it (left by a program shut down "
        "abruptly) and run again."
    ) in lines
    assert (
        f"Saved to history: {out / 'lich-su.sqlite'} (replaces this period's earlier run)" in lines
    )
    vi = cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert vi.returncode == 0, vi.stderr
    assert (
        "CHÚ Ý: Tệp 'TongHop_2024-05.xlsx' đang được mở nên kết quả mới được ghi vào " in vi.stdout
    )

    # line for line, the same summary up to the time line (which is broken within 100
    # characters where it runs longer: the Vietnamese stage names are, session 58 D2)
    def before_time(text: str, label: str) -> list[str]:
        said = text.splitlines()
        return said[: next(i for i, line in enumerate(said) if line.startswith(label))]

    assert len(before_time(vi.stdout, "Thời gian: ")) == len(before_time(again.stdout, "Time: "))
    assert len(before_time(vi.stdout, "Thời gian: ")) >= 10


def test_an_unexpected_error_is_one_line_in_the_runs_language(tmp_path):
    script = (
        "import sys\n"
        "from pipeline import cli\n"
        "def broken(*args, **kwargs):\n"
        "    raise ZeroDivisionError('a bug')\n"
        "cli._load_runner = lambda: broken\n"
        "sys.argv = ['giamngheo', *sys.argv[1:]]\n"
        "cli.entry()\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "GIAMNGHEO_DEBUG"}
    env["TMPDIR"] = str(tmp_path)
    # (an input folder that does not exist: no early reader is started, the runner fails first)
    done = cli(
        "run",
        "--input",
        str(tmp_path / "nowhere"),
        "--output",
        str(tmp_path / "out"),
        "--lang",
        "en",
        command=(sys.executable, "-c", script),
        env=env,
    )
    assert done.returncode == 2
    assert one_line(done) == (
        "ERROR: Unexpected error (ZeroDivisionError: a bug). The technical "
        f"details are in {tmp_path / 'giamngheo-loi.log'}."
    )


# --- 2. a mistyped command line --------------------------------------------------------------


@pytest.mark.parametrize("command", ["module", "script"])
def test_a_mistyped_command_line_is_one_vietnamese_line(command):
    how = (sys.executable, "-m", "pipeline") if command == "module" else (str(SCRIPT),)
    if command == "script" and not SCRIPT.exists():
        pytest.skip("the giamngheo command is not installed in this environment")
    expected = {
        (
            "run",
            "--lang",
            "fr",
        ): "LỖI: Giá trị '--lang' không hợp lệ: 'fr' (chọn vi hoặc en). Xem: giamngheo run --help",
        ("run", "--bogus"): "LỖI: Không có tùy chọn '--bogus'. Xem: giamngheo run --help",
        (
            "run",
            "--inptu",
            "x",
        ): "LỖI: Không có tùy chọn '--inptu'. Có phải là --input? Xem: giamngheo run --help",
        (
            "run",
            "--input",
        ): "LỖI: Tùy chọn '--input' cần một giá trị đi sau nó. Xem: giamngheo run --help",
        (
            "check",
        ): "LỖI: Thiếu đối số 'FILES...' (các tệp cần kiểm tra). Xem: giamngheo check --help",
        ("sample", "x", "--hamlets", "0"): "LỖI: Giá trị '--hamlets' không hợp lệ: '0' (cần một số "
        "nguyên từ 1 đến 100000). Xem: giamngheo sample --help",
        ("frob",): "LỖI: Không có lệnh 'frob'. Các lệnh: run, history, check, template, sample. "
        "Xem: giamngheo --help",
    }
    for args, line in expected.items():
        done = cli(*args, command=how)
        assert done.returncode == 2, args
        assert one_line(done) == line
        assert done.stdout == "" and "Usage:" not in done.stderr and "Error:" not in done.stderr


def test_a_mistyped_command_line_is_english_when_english_was_asked_for(tmp_path):
    done = cli("check", "--lang", "en", "--bogus", str(tmp_path))
    assert done.returncode == 2
    assert one_line(done) == "ERROR: There is no option '--bogus'. See: giamngheo check --help"


def test_the_help_still_shows_with_vietnamese_headings():
    done = cli("run", "--help")
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith("Cách dùng: giamngheo run [OPTIONS]")
    assert "Tùy chọn:" in done.stdout and "--lang [vi|en]" in done.stdout
    assert "-h, --help      Hiện hướng dẫn này rồi thoát." in done.stdout
    top = cli("--help")
    assert top.returncode == 0 and "Lệnh:" in top.stdout and "template" in top.stdout
    version = cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("giamngheo, phiên bản ")


# --- 4. a reader that stops reading ----------------------------------------------------------


def _printing_to(stdout: int, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, stdout=stdout,
                          stderr=subprocess.PIPE, text=True, timeout=120)  # fmt: skip


def _with_stdout_closed(*args: str) -> subprocess.CompletedProcess:
    """Run with stdout a pipe nobody reads any more, as `giamngheo check … | head -3` ends."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        return _printing_to(writer, *args)
    finally:
        os.close(writer)


def _with_stdout_full(*args: str) -> subprocess.CompletedProcess:
    """Run with stdout a file on a full disk (`giamngheo run > nhat-ky.txt`): every write of it
    fails with ENOSPC."""
    full = os.open("/dev/full", os.O_WRONLY)
    try:
        return _printing_to(full, *args)
    finally:
        os.close(full)


def test_a_closed_output_pipe_ends_quietly_with_the_usual_exit_code(commune, tmp_path):
    missing = tmp_path / "missing.xlsx"
    checked = _with_stdout_closed("check", str(commune / "NaMon.xlsx"), str(missing))
    assert checked.stderr == ""
    assert checked.returncode == 1  # the missing file is an error, printed or not
    ran = _with_stdout_closed("run", "--input", str(commune), "--output", str(tmp_path / "out"))
    assert ran.stderr == "" and ran.returncode == 0
    assert (tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx").is_file()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_summary_that_cannot_be_printed_says_the_month_is_stored_and_exits_0(commune, tmp_path):
    """It ended "Lỗi không mong muốn (OSError: [Errno 28] No space left on device)", exit 2,
    the month stored all the same (session 38's Left)."""
    from pipeline.history import HISTORY_FILE, HistoryStore

    out = tmp_path / "out"
    ran = _with_stdout_full("run", "--input", str(commune), "--output", str(out))
    assert ran.returncode == 0
    assert ran.stderr == (
        f"CHÚ Ý: Kỳ 05/2024 đã được tổng hợp và lưu vào lịch sử; các tệp kết quả ở "
        f"'{out / '2024-05'}'. Chỉ bản tóm tắt là không in ra được (ổ đĩa đã đầy); không cần "
        "chạy lại.\n"
    )
    assert [p["period"] for p in HistoryStore(out / HISTORY_FILE).periods()] == ["2024-05"]
    assert (out / "2024-05" / "TongHop_2024-05.xlsx").is_file()
    again = _with_stdout_full("run", "--input", str(commune), "--output", str(out), "--lang", "en")
    assert (again.returncode, again.stderr) == (0, (
        "NOTE: Period 05/2024 was consolidated and stored in the history; the result files are "
        f"in '{out / '2024-05'}'. Only the summary could not be printed (the disk is full); "
        "there is no need to run again.\n"
    ))  # fmt: skip


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_check_whose_report_cannot_be_printed_stops_in_one_line(commune):
    checked = _with_stdout_full("check", str(commune / "NaMon.xlsx"))
    assert (checked.returncode, checked.stderr) == (
        2, "LỖI: Không in được kết quả ra màn hình hay tệp nhận kết quả: ổ đĩa đã đầy.\n"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("err", "vi", "en"),
    [
        (  # no errno: what the system said is the whole text, a path with ';' in it
            OSError("cannot write '/mnt/usb;2/nhat-ky.txt'"),
            "lỗi của hệ điều hành (cannot write '/mnt/usb;2/nhat-ky.txt')",
            "cannot write '/mnt/usb;2/nhat-ky.txt'",
        ),
        (  # an errno not in our table, the system's reason holding ';'
            OSError(errno.EIO, "Input/output error; device reset"),
            "lỗi của hệ điều hành (Input/output error; device reset)",
            "Input/output error; device reset",
        ),
        (  # a known one: what went wrong, not what to do
            OSError(errno.ENOSPC, "No space left on device"),
            "ổ đĩa đã đầy",
            "the disk is full",
        ),
    ],
    ids=["a path with ';'", "a reason with ';'", "known"],
)
def test_a_reason_said_without_advice_keeps_what_the_system_said_whole(err, vi, en):
    """Session 41: the stop for output that cannot be printed cut the reason at its first ';',
    so a system's reason or a path holding one was cut in the middle ("… (Input/output
    error."). Only our own advice is left out now."""
    from pipeline.cli import _unprinted_reason

    reason = _unprinted_reason(err)
    assert (str(reason), reason.en) == (
        f"Không in được kết quả ra màn hình hay tệp nhận kết quả: {vi}.",
        f"The results cannot be printed to the screen or the file they are sent to: {en}.",
    )
    # every known reason is what went wrong, then what to do, after one '; '
    for errno_number in (errno.ENOSPC, errno.EACCES, errno.EEXIST, errno.EROFS, errno.EBUSY):
        known = os_reason(OSError(errno_number, "x"))
        assert str(known).count("; ") == known.en.count("; ") == 1


def test_another_run_holding_the_output_folder_is_told_in_either_language(tmp_path):
    from pipeline.lock import LOCK_NAME, RunLock
    from pipeline.output import OutputError

    (tmp_path / LOCK_NAME).write_text(f"{os.getpid()}\n", encoding="ascii")  # a live process
    with pytest.raises(OutputError) as caught:
        RunLock(tmp_path, wait_seconds=0).acquire()
    message = caught.value.args[0]
    # the folder named once (in full: not under the current folder), the lock in it by its
    # name (session 60, H)
    assert in_language(message, "vi") == (
        f"Một lần chạy khác (tiến trình {os.getpid()}) đang ghi vào '{tmp_path}'. "
        "Hãy đợi lần chạy đó xong rồi chạy lại. Nếu chắc chắn không còn lần chạy nào, hãy xóa "
        f"tệp '{LOCK_NAME}' trong thư mục đó."
    )
    assert in_language(message, "en") == (
        f"Another run (process {os.getpid()}) is writing to '{tmp_path}'. "
        f"Wait for it to finish, then run again. If you are sure no run is going on, delete "
        f"the file '{LOCK_NAME}' in it."
    )


def test_an_output_folder_that_cannot_be_made_is_explained_by_the_lock_too(tmp_path):
    from pipeline.lock import RunLock
    from pipeline.output import OutputError

    (tmp_path / "afile").write_text("x")
    with pytest.raises(OutputError) as caught:
        RunLock(tmp_path / "afile" / "out").acquire()
    message = caught.value.args[0]
    assert "Not a directory" not in in_language(message, "vi")
    assert in_language(message, "vi").startswith("Không tạo được thư mục kết quả")
    assert in_language(message, "en").startswith("Cannot create the output folder")
    assert os_reason(OSError(errno.ENOTDIR, "x")).en in in_language(message, "en")


def _strict_commune(tmp_path):
    """A clean May of Nà Mòn and Bản Cọ, and its run as the officer types it (``run(*extra)``),
    whose workbook is written whatever its exit code."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)

    def run(*extra: str) -> subprocess.CompletedProcess:
        done = cli("run", "--input", str(folder), "--output", str(out), "--quiet", *extra)
        assert "Traceback" not in done.stderr
        assert (out / "2024-05" / "TongHop_2024-05.xlsx").is_file()
        return done

    return folder, out, run


def test_strict_exits_1_for_a_file_refused_while_its_hamlet_shows_as_not_sent(tmp_path):
    """CONTRACT §6: 1 = --strict and some files were rejected. A list whose 'Xóm' is no hamlet
    of the plan ('Khuổi Đắc': unknown-hamlet), and a 'Thông tin' sent without its list sheet
    (no-roster-sheet), are refused with an error while every plan hamlet is 'ok' or 'missing':
    --strict exited 0 for both. Now 1; 0 without --strict."""
    folder, out, run = _strict_commune(tmp_path)
    unknown = write_roster(folder, "KhuoiDac.xlsx", "Khuổi Đắc", 90, [person("KD1", "poor")])
    assert run().returncode == 0
    assert run("--strict").returncode == 1
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text(encoding="utf-8"))
    assert [h["status"] for h in summary["hamlets"]] == ["ok", "ok", "missing"]
    assert summary["issues"]["errors"] == 1 and summary["issues"]["files_skipped"] == 0
    unknown.unlink()
    listless = write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150, [person("DK1", "poor")])
    book = openpyxl.load_workbook(listless)
    del book["Danh sách"]
    book.save(listless)
    assert run().returncode == 0
    assert run("--strict").returncode == 1
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text(encoding="utf-8"))
    assert [h["status"] for h in summary["hamlets"]] == ["ok", "ok", "missing"]
    listless.unlink()
    assert run("--strict").returncode == 0


def test_strict_exits_1_for_a_refused_file_rows_left_out_or_a_file_skipped(tmp_path):
    """`--strict` (CONTRACT §6): exit 1 when something sent was not taken in, 0 otherwise, the
    workbook written either way. A clean May (Nà Mòn, Bản Cọ): 0. A damaged file whose name
    tells no hamlet ('hong.xlsx', 'tệp bỏ qua: 1'): 1 (it used to be 0), and 0 without
    --strict. Excel's lock file of an open list is no file skipped: 0 (it was 1, 'tệp bỏ
    qua: 1'). Bản Cọ's file refused (no 'Xóm' cell is readable, its bytes cut): 1."""
    folder, out, run = _strict_commune(tmp_path)
    assert run("--strict").returncode == 0
    # Excel's lock file of a list open on the officer's machine: nothing sent, still 0
    (folder / "~$NaMon.xlsx").write_bytes(b"\x00" * 165)
    assert run("--strict").returncode == 0
    (folder / "hong.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    assert run().returncode == 0
    assert run("--strict").returncode == 1
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text(encoding="utf-8"))
    assert summary["issues"]["files_skipped"] == 1
    assert [h["status"] for h in summary["hamlets"]] == ["ok", "ok", "missing"]
    (folder / "hong.xlsx").unlink()
    data = (folder / "BanCo.xlsx").read_bytes()
    (folder / "BanCo.xlsx").write_bytes(data[: len(data) // 2])
    assert run("--strict").returncode == 1
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text(encoding="utf-8"))
    assert [h["status"] for h in summary["hamlets"]] == ["ok", "rejected", "missing"]
    assert summary["issues"]["files_skipped"] == 0


def test_output_to_a_file_in_windows_code_page_is_written_in_utf8(commune, tmp_path):
    """Windows writes a redirected stdout (`giamngheo run > nhat-ky.txt`, `make` in Git Bash) in
    its ANSI code page, cp1252, which has no 'ệ': the run's summary raised UnicodeEncodeError
    after its files were written ("Lỗi không mong muốn", exit 2), and `check` printed nothing.
    Both now write UTF-8 there; their exit codes are their own (0, and 1 for an error found)."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    ran = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--input", str(commune),
         "--output", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, timeout=120, env=env,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr.decode("utf-8", "replace")
    said = ran.stdout.decode("utf-8")
    assert said.startswith("Kỳ báo cáo 05/2024 — xã Trung Lương")
    assert "Xóm: 2/3 đã tổng hợp, 1 chưa nộp, 0 bị từ chối" in said
    assert ran.stderr == b""
    checked = subprocess.run(
        [sys.executable, "-m", "pipeline", "check", str(tmp_path / "khong-co.xlsx")],
        cwd=ROOT, capture_output=True, timeout=120, env=env,
    )  # fmt: skip
    assert checked.returncode == 1
    assert checked.stdout.decode("utf-8").splitlines()[-1] == "1 tệp, 1 lỗi, 0 cảnh báo."
