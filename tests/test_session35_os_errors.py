"""The operating system failing the run as a commune office meets it: the output folder not
writable, the workbook held open (Windows' lock on a rename), a full disk, the history held by
another program or read-only, an input file gone or unreadable between listing and reading,
damaged .xlsx, .ods and .xls lists. Each run is the command line itself, started with the fault
patched in (``_run_with``): one plain Vietnamese line naming the file and what to do, the exit
status of CONTRACT §6, no traceback, the previous month's files and history as they were."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipeline.history import HISTORY_FILE
from pipeline.run import execute
from tests.runner import ROOT, run_cli, run_python

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork, POSIX paths")

# The command line, started by a script that first patches the fault in (inherited by the
# run's forked readers and writers). ``FAULT`` is Python run before the command.
DRIVER = """\
import errno, os, sqlite3, sys
sys.path.insert(0, {root!r})
OUT = {out!r}
{fault}
sys.argv = ["giamngheo", *{args!r}]
from pipeline.start import entry
entry()
"""


def _run_with(fault: str, out: Path, *args: str, tmp: Path) -> subprocess.CompletedProcess:
    script = tmp / "driver.py"
    script.write_text(
        DRIVER.format(root=str(ROOT), out=str(out), fault=textwrap.dedent(fault), args=list(args)),
        encoding="utf-8",
    )
    return run_python(str(script))


@pytest.fixture
def last_run(commune, tmp_path):
    """May consolidated once: the outputs and history a failed run must leave as they are."""
    out = tmp_path / "out"
    execute(commune, out)
    return out


def _state(out: Path) -> dict:
    """Every file under ``out`` (name -> bytes) but the history, and the history's runs."""
    files = {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != HISTORY_FILE
    }
    with sqlite3.connect(out / HISTORY_FILE) as conn:
        runs = conn.execute("SELECT * FROM runs ORDER BY 1").fetchall()
    conn.close()
    return {"files": files, "runs": runs}


def _one_line(done: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert "Lỗi không mong muốn" not in done.stderr, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("LỖI: "), line
    return line


# --- 1. the output folder cannot be written ---------------------------------------------------

DENY_WRITES = """
import builtins, io
def _under_out(path):
    return str(os.fspath(path)).startswith(OUT)
def _denied(path):
    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
_os_open, _open, _mkdir = os.open, builtins.open, os.mkdir
def os_open(path, flags, *args, **kwargs):
    if _under_out(path) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
        _denied(path)
    return _os_open(path, flags, *args, **kwargs)
def open_(file, mode="r", *args, **kwargs):
    if not isinstance(file, int) and _under_out(file) and set(mode) & set("wax+"):
        _denied(file)
    return _open(file, mode, *args, **kwargs)
def mkdir(path, *args, **kwargs):
    if _under_out(path):
        _denied(path)
    return _mkdir(path, *args, **kwargs)
os.open, builtins.open, io.open, os.mkdir = os_open, open_, open_, mkdir
"""


def test_an_output_folder_without_write_permission_stops_before_anything(
    last_run, commune, tmp_path
):
    """The office's shared folder made read-only for this account (here: every write under it
    refused with EACCES, as Windows or a Samba share says it)."""
    before = _state(last_run)
    done = _run_with(DENY_WRITES, str(last_run), "run", "--input", str(commune), "--output",
                     str(last_run), "--quiet", tmp=tmp_path)  # fmt: skip
    assert done.returncode == 2
    assert _one_line(done) == (
        f"LỖI: Không ghi được vào thư mục kết quả '{last_run}': không có quyền truy cập; hãy "
        "chọn thư mục khác hoặc nhờ người quản trị máy cấp quyền."
    )
    assert _state(last_run) == before


# --- 2. the workbook held open: Windows refuses to rename it ----------------------------------

HELD_OPEN = """
_replace, _rename = os.replace, os.rename
def _held(src, dst):
    for path in (src, dst):
        if os.path.basename(os.fspath(path)) == "TongHop_2024-05.xlsx":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
def replace(src, dst, **kwargs):
    _held(src, dst)
    return _replace(src, dst, **kwargs)
def rename(src, dst, **kwargs):
    _held(src, dst)
    return _rename(src, dst, **kwargs)
os.replace, os.rename = replace, rename
"""


def test_a_workbook_open_in_excel_on_windows_is_not_replaced(last_run, commune, tmp_path):
    """Excel on Windows holds the open workbook so that it cannot be renamed (no '~$' file
    seen: opened from another computer on the share). Setting it aside failed with
    PermissionError once the run's outputs were being put in place, and the whole month
    stopped, the officer told to "choose another folder". Now the new workbook goes beside it
    under a new name, as when Excel's '~$' file is seen, and the run completes."""
    month = last_run / "2024-05"
    workbook = month / "TongHop_2024-05.xlsx"
    before = workbook.read_bytes()
    done = _run_with(HELD_OPEN, str(last_run), "run", "--input", str(commune), "--output",
                     str(last_run), "--quiet", tmp=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert (
        "Tệp 'TongHop_2024-05.xlsx' đang được mở nên kết quả mới được ghi vào "
        "'TongHop_2024-05 (1).xlsx'." in " ".join(done.stdout.split())
    )
    assert workbook.read_bytes() == before
    assert (month / "TongHop_2024-05 (1).xlsx").stat().st_size > 0
    assert not list(month.glob(".*")) and not list(last_run.glob(".giamngheo*"))
    with sqlite3.connect(last_run / HISTORY_FILE) as conn:
        assert conn.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 2
    conn.close()


READ_ONLY_JSON = HELD_OPEN.replace('"TongHop_2024-05.xlsx"', '"TongHop_2024-05.json"')


def test_a_read_only_file_among_the_outputs_stops_the_run_with_nothing_replaced(
    last_run, commune, tmp_path
):
    """Last month's JSON marked read-only (Windows refuses to rename it away): not a workbook,
    so no second name; the run stops naming the file, every output put back as it was, the
    history not written."""
    before = _state(last_run)
    done = _run_with(READ_ONLY_JSON, str(last_run), "run", "--input", str(commune), "--output",
                     str(last_run), "--quiet", tmp=tmp_path)  # fmt: skip
    assert done.returncode == 2
    assert _one_line(done) == (
        f"LỖI: Không ghi được kết quả mới '{last_run / '2024-05' / 'TongHop_2024-05.json'}': "
        "tệp này đang đặt chỉ đọc hoặc đang được chương trình khác mở; hãy đóng tệp, bỏ chọn "
        "'Read-only' (chuột phải vào tệp > Properties) rồi chạy lại. Các tệp kết quả và lịch sử "
        "cũ vẫn giữ nguyên."
    )
    assert _state(last_run) == before
    assert not list(last_run.rglob(".*.old")) and not list(last_run.rglob(".*.tmp"))


# --- 3. the disk fills -----------------------------------------------------------------------

DISK_FULL = """
def fsync(fd):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
os.fsync = fsync
"""


def test_a_full_disk_from_the_command_line_keeps_last_months_files(last_run, commune, tmp_path):
    """The disk fills as the outputs are written (said by the sync that should make them
    durable, as a network share or a delayed write says it)."""
    before = _state(last_run)
    done = _run_with(DISK_FULL, str(last_run), "run", "--input", str(commune), "--output",
                     str(last_run), "--quiet", tmp=tmp_path)  # fmt: skip
    assert done.returncode == 2
    line = _one_line(done)
    assert line.startswith("LỖI: Không ghi được") and str(last_run) in line, line
    assert "ổ đĩa đã đầy; hãy xóa bớt tệp không cần rồi chạy lại" in line
    assert _state(last_run) == before


# --- 4. the history held by another program, or read-only ------------------------------------

SHORT_WAIT = """
_connect = sqlite3.connect
def connect(*args, **kwargs):
    kwargs["timeout"] = 0.2  # the run waits 30 s for the store; the test does not
    return _connect(*args, **kwargs)
sqlite3.connect = connect
"""

READ_ONLY_STORE = """
from pathlib import Path
_connect = sqlite3.connect
def connect(path, *args, **kwargs):
    if Path(path).name == "lich-su.sqlite":  # opened as a file this account may only read
        kwargs["uri"] = True
        path = Path(path).resolve().as_uri() + "?mode=ro"
    return _connect(path, *args, **kwargs)
sqlite3.connect = connect
"""


def test_a_history_another_program_holds_stops_the_run_with_nothing_replaced(
    last_run, commune, tmp_path
):
    """DB Browser (or a run from another computer on the share) holds the store's write lock."""
    before = _state(last_run)
    holder = sqlite3.connect(last_run / HISTORY_FILE, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        done = _run_with(SHORT_WAIT, str(last_run), "run", "--input", str(commune), "--output",
                         str(last_run), "--quiet", tmp=tmp_path)  # fmt: skip
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 2
    line = _one_line(done)
    assert str(last_run) in line, line
    assert "kho đang bị chương trình khác giữ" in line and "hãy đóng chương trình đó" in line
    assert _state(last_run) == before


def test_a_read_only_history_stops_the_run_with_nothing_replaced(last_run, commune, tmp_path):
    """The store a file this account may only read (copied from a CD, a share's rights)."""
    before = _state(last_run)
    done = _run_with(READ_ONLY_STORE, str(last_run), "run", "--input", str(commune), "--output",
                     str(last_run), "--quiet", tmp=tmp_path)  # fmt: skip
    assert done.returncode == 2
    line = _one_line(done)
    assert line == (
        f"LỖI: Không đọc hay ghi được kho lịch sử '{last_run / HISTORY_FILE}': không có quyền "
        "ghi vào tệp; hãy chọn thư mục kết quả khác hoặc nhờ người quản trị máy cấp quyền."
    )  # it said "kho lịch sử trong thư mục kết quả", no file named
    assert _state(last_run) == before


# --- 5. an input file gone or unreadable between listing and reading -------------------------

UNREADABLE_INPUT = """
import builtins, io
import python_calamine
_open, _os_open = builtins.open, os.open
_from_path = python_calamine.CalamineWorkbook.from_path
def _check(path):
    if os.path.basename(os.fspath(path)) == "BanCo.xlsx" and {gone}:
        if os.path.exists(path):
            os.unlink(path)  # another user moved it away after the folder was listed
    elif os.path.basename(os.fspath(path)) == "BanCo.xlsx":
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
def open_(file, *args, **kwargs):
    if not isinstance(file, int):
        _check(file)
    return _open(file, *args, **kwargs)
def os_open(path, *args, **kwargs):
    _check(path)
    return _os_open(path, *args, **kwargs)
def from_path(path, *args, **kwargs):
    _check(path)
    return _from_path(path, *args, **kwargs)
builtins.open, io.open, os.open = open_, open_, os_open
python_calamine.CalamineWorkbook.from_path = staticmethod(from_path)
"""


def test_an_input_file_gone_after_listing_keeps_the_month_consolidated(last_run, commune, tmp_path):
    """Bản Cọ's list moved away by another user after the folder was listed: the month
    consolidated with it is not replaced by one without it (session 20's refusal), one line."""
    before = _state(last_run)
    done = _run_with(UNREADABLE_INPUT.replace("{gone}", "True"), str(last_run), "run",
                     "--input", str(commune), "--output", str(last_run), tmp=tmp_path)  # fmt: skip
    assert done.returncode == 2
    line = _one_line(done)
    assert line.startswith(
        "LỖI: Kỳ 05/2024 đã được tổng hợp với 2 xóm; lần chạy này không có tệp của 1 xóm trong "
        "số đó (Bản Cọ), nên chương trình không ghi đè kết quả cũ."
    ), line
    assert _state(last_run) == before


def test_an_input_file_unreadable_after_listing_is_refused_and_the_run_completes(commune, tmp_path):
    """Bản Cọ's list readable when listed, then refused to this account (another user's lock,
    permissions changed): it is refused as unreadable and the month consolidated without it.
    Keeping a copy of it in 'nguon' used to stop the whole run, "Không sao lưu được tệp nguồn
    vào '…/nguon': không có quyền truy cập; hãy chọn thư mục khác" — the folder blamed for a
    file that could not be read."""
    out = tmp_path / "out"
    done = _run_with(UNREADABLE_INPUT.replace("{gone}", "False"), str(out), "run",
                     "--input", str(commune), "--output", str(out), tmp=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "Xóm: 1/3 đã tổng hợp, 1 chưa nộp, 1 bị từ chối" in done.stdout
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    assert [(h["hamlet"], h["status"]) for h in summary["hamlets"]] == [
        ("Nà Mòn", "ok"), ("Bản Cọ", "rejected"), ("Đồng Kè", "missing"),
    ]  # fmt: skip
    kept = sorted(p.name for p in (out / "2024-05" / "nguon").iterdir())
    assert kept == ["KeHoach_2024.xlsx", "NaMon.xlsx"]
    assert (commune / "BanCo.xlsx").exists()


# --- 6. damaged .ods and .xls lists ----------------------------------------------------------


def test_damaged_ods_and_xls_lists_are_refused_and_the_rest_counted(commune, tmp_path):
    """Đồng Kè's list cut short in the copy as .ods (a zip without its end) and as .xls (a
    compound file whose sectors point past its end): each refused as unreadable, named on
    'Lỗi dữ liệu' with what to do, the other hamlets counted, exit 0. (A cut .xlsx: see
    tests/test_hostile.py.)"""
    from tests import messy

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    messy.na_mon_iso_period(scratch, "DongKe.ods")
    data = (scratch / "DongKe.ods").read_bytes()
    (commune / "DongKe.ods").write_bytes(data[: len(data) // 2])
    xls = messy.XLS_FIXTURE.read_bytes()
    (commune / "DongKe.xls").write_bytes(xls[: len(xls) // 2])
    out = tmp_path / "out"
    done = run_cli("run", "--input", str(commune), "--output", str(out))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "Xóm: 2/3 đã tổng hợp, 0 chưa nộp, 1 bị từ chối" in done.stdout
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    assert [(h["hamlet"], h["status"]) for h in summary["hamlets"]] == [
        ("Nà Mòn", "ok"), ("Bản Cọ", "ok"), ("Đồng Kè", "rejected"),
    ]  # fmt: skip
    import openpyxl

    sheet = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Lỗi dữ liệu"]
    rows = [[v for v in row if v is not None] for row in sheet.iter_rows(values_only=True)]
    refused = {row[2]: row[-1] for row in rows if "file-unreadable" in row}
    assert sorted(refused) == ["DongKe.ods", "DongKe.xls"]
    for said in refused.values():
        assert said.startswith("Không đọc được tệp. Tệp bị hỏng hoặc chưa chép hết")
        assert "Hãy nhờ trưởng xóm mở tệp gốc bằng Excel" in said
