"""Session 50: the officer's screen and commands, walked through as the README says them.

An input folder holding the plan and no hamlet's list at all (the month's lists sent as one .zip,
or not copied yet) stopped with "Không có danh sách hộ nào đọc được kỳ báo cáo trong thư mục đầu
vào.": no word of the .zip the lists were in, nor of what to do. It now says that no list is
there, names each file passed over with its warning, and says to copy the lists in."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline.run import FatalError, collect
from tests.commune import clean_rosters, write_plan

ROOT = Path(__file__).resolve().parents[1]

NONE_VI = (
    "Thư mục đầu vào chưa có danh sách hộ nào của các xóm, chỉ có kế hoạch 'KeHoach_2024.xlsx'"
)
COPY_VI = (
    "Hãy chép vào đó danh sách của các xóm (tệp Excel điền theo mẫu MauDanhSachHo.xlsx) rồi "
    "chạy lại."
)
NONE_EN = "The input folder holds no hamlet's list yet, only the plan 'KeHoach_2024.xlsx'"
COPY_EN = (
    "Copy the hamlets' lists into it (Excel files filled in from the template "
    "MauDanhSachHo.xlsx), then run again."
)
# the catalogue's words for a .zip (file-skipped, 'archive') and a photo (file-skipped)
UNPACK_VI = (
    "Nếu chưa giải nén, hãy giải nén vào thư mục đầu vào (nhấp chuột phải vào tệp, chọn Giải "
    "nén / Extract All) rồi chạy lại; nếu đã giải nén rồi, có thể xóa tệp nén"
)
PHOTO_VI = "Bỏ qua tệp không phải bảng tính (.jpg). Nếu đây là danh sách hộ, hãy lưu lại dạng .xlsx"


def collect_stopped(folder: Path, period: str | None = None):
    with pytest.raises(FatalError) as stop:
        collect(folder, period, workers=0)
    return stop.value.args[0]  # the Message: .vi and .en


def _plan_alone(tmp_path: Path) -> Path:
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    return folder


def _lists_zipped(tmp_path: Path) -> Path:
    """The plan, May's two lists (Nà Mòn, Bản Cọ) in 'DanhSach_T5.zip' only, and a photo."""
    lists = tmp_path / "lists"
    lists.mkdir()
    clean_rosters(lists)  # NaMon.xlsx, BanCo.xlsx
    folder = _plan_alone(tmp_path)
    with zipfile.ZipFile(folder / "DanhSach_T5.zip", "w") as archive:
        for name in ("NaMon.xlsx", "BanCo.xlsx"):
            archive.write(lists / name, name)
    (folder / "anh_chup.jpg").write_bytes(b"\xff\xd8\xff")
    return folder


def test_the_plan_alone_says_no_hamlets_list_is_there_and_to_copy_them_in(tmp_path):
    folder = _plan_alone(tmp_path)
    said = collect_stopped(folder)
    assert str(said) == f"{NONE_VI}. {COPY_VI}"
    assert said.en == f"{NONE_EN}. {COPY_EN}"
    # a month asked for says the same: no list of any month is there, not "none of May's"
    assert str(collect_stopped(folder, "2024-05")) == f"{NONE_VI}. {COPY_VI}"


def test_the_months_lists_in_a_zip_beside_the_plan_are_named_with_the_advice_to_unpack(
    tmp_path,
):
    folder = _lists_zipped(tmp_path)
    said = str(collect_stopped(folder))
    # 'anh_chup.jpg' before 'DanhSach_T5.zip' (a before d); the zip's lists by name
    assert said == (
        f"{NONE_VI} và 2 tệp bị bỏ qua. {COPY_VI} Tệp bị bỏ qua: 'anh_chup.jpg': {PHOTO_VI}; "
        "'DanhSach_T5.zip': Tệp nén (.zip): các tệp bên trong không được đọc. Bên trong có: "
        f"BanCo.xlsx, NaMon.xlsx. {UNPACK_VI}."
    )


def test_more_than_three_files_passed_over_are_counted_after_the_third(tmp_path):
    folder = _plan_alone(tmp_path)
    for name in ("a.jpg", "b.jpg", "c.jpg", "d.jpg"):
        (folder / name).write_bytes(b"\xff\xd8\xff")
    said = str(collect_stopped(folder))
    assert said.startswith(f"{NONE_VI} và 4 tệp bị bỏ qua. {COPY_VI} Tệp bị bỏ qua: 'a.jpg': ")
    assert "'c.jpg'" in said and "'d.jpg'" not in said
    assert said.endswith("; và 1 tệp khác.")


def test_a_refused_list_keeps_the_stop_that_names_it(tmp_path):
    folder = _plan_alone(tmp_path)
    (folder / "DS_BanCo_2024-05.xlsx").write_text("not a workbook")
    said = str(collect_stopped(folder))
    assert said.startswith(
        "Không có danh sách hộ nào đọc được kỳ báo cáo trong thư mục đầu vào. Danh sách bị từ "
        "chối: 'DS_BanCo_2024-05.xlsx'"
    )


def test_the_command_says_it_in_one_line_and_exits_2(tmp_path):
    folder = _lists_zipped(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--input", str(folder), "--output",
         str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == "" and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"LỖI: {NONE_VI} và 2 tệp bị bỏ qua.")
    assert not (tmp_path / "out").exists()


def test_lists_without_the_plan_say_to_copy_the_plan_in(tmp_path):
    """No plan among the lists and no copy of one kept in `output/`: the stop said only that no
    plan was found; it now says what to copy where."""
    folder = tmp_path / "input"
    folder.mkdir()
    clean_rosters(folder)
    said = collect_stopped(folder)
    none = "Không tìm thấy tệp kế hoạch "
    assert str(said) == (
        f"{none}trong thư mục đầu vào. Hãy chép tệp kế hoạch của xã (KeHoach_YYYY.xlsx, điền "
        "theo mẫu MauKeHoach.xlsx) vào thư mục đầu vào rồi chạy lại."
    )
    assert said.en == (
        "No plan file was found in the input "
        "folder. Copy the commune's plan (KeHoach_YYYY.xlsx, filled in from the template "
        "MauKeHoach.xlsx) into the input folder, then run again."
    )


# --- the progress bar under --lang en -------------------------------------------------------------
# Its stages were named in Vietnamese ("Đọc tệp", "Ghi kết quả") on a screen otherwise English.


def test_the_progress_bar_names_its_stages_in_english_when_asked():
    import io

    from pipeline.cli import Progress
    from pipeline.publish import WRITING

    out = io.StringIO()
    progress = Progress(out, lang="en")
    for done in range(1, 11):
        progress(done, 10)
    progress.step(WRITING, 1, 1)
    frames = [part for part in out.getvalue().replace("\n", "\r").split("\r") if part]
    assert frames[-2] == "Reading      [" + "#" * 30 + "] 10/10"
    assert frames[-1] == "Writing      [" + "#" * 30 + "] 1/1"
    assert not any("Đọc" in frame or "Ghi" in frame for frame in frames)


def test_a_run_on_a_terminal_in_english_draws_an_english_bar(tmp_path):
    """The shipped sample (25 files: a bar is drawn) run with its stderr on a terminal."""
    import os
    import pty
    import shutil
    import threading

    shutil.copytree(ROOT / "input", tmp_path / "input")
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal's other end closed
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pipeline", "run", "--input", str(tmp_path / "input"),
             "--output", str(tmp_path / "out"), "--lang", "en"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=slave, timeout=300,
        )  # fmt: skip
    finally:
        os.close(slave)
        reader.join(timeout=30)
        os.close(master)
    assert done.returncode == 0
    drawn = b"".join(chunks).decode("utf-8")
    assert "\rReading      [" in drawn and "] 25/25" in drawn
    assert "\rWriting      [" in drawn
    assert "Đọc tệp" not in drawn and "Ghi kết quả" not in drawn


# --- `history` and `check` given a file as --output -----------------------------------------------
# They said "Không có thư mục kết quả 'ketqua'" while the officer sees 'ketqua' right there.


def _command(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def test_history_and_check_given_a_file_as_output_say_it_is_a_file(tmp_path):
    given = tmp_path / "ketqua"
    given.write_text("")
    folder = _plan_alone(tmp_path)
    vi = (
        f"LỖI: '{given}' là một tệp, không phải thư mục kết quả: hãy chỉ thư mục kết quả mà lệnh "
        "run đã ghi (--output)."
    )
    en = (
        f"ERROR: '{given}' is a file, not an output folder: give the folder the run wrote its "
        "results in (--output)."
    )
    for args in (("history", "--output", str(given)),
                 ("check", str(folder), "--output", str(given))):  # fmt: skip
        said = _command(*args)
        assert (said.returncode, said.stdout, said.stderr.strip()) == (2, "", vi)
        said = _command(*args, "--lang", "en")
        assert (said.returncode, said.stdout, said.stderr.strip()) == (2, "", en)
    # a path with nothing there keeps its words
    nowhere = tmp_path / "ketqua2"
    said = _command("history", "--output", str(nowhere))
    assert said.stderr.strip() == (
        f"LỖI: Không có thư mục kết quả '{nowhere}'; hãy kiểm tra lại đường dẫn (--output)."
    )


# --- `sample` stopped part way --------------------------------------------------------------------
# Ctrl-C left the plan (an empty zip of 22 bytes) and half the lists, said "các tệp kết quả cũ vẫn
# giữ nguyên", and `sample` of that folder again refused it as not empty.


def _stop_sample_part_way(tmp_path: Path, folder: Path) -> subprocess.CompletedProcess:
    import os
    import signal
    import time

    def own_group_default_interrupt() -> None:  # as a terminal's Ctrl-C reaches a command
        os.setsid()
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    command = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "sample", str(folder), "--hamlets", "300"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=own_group_default_interrupt,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # stopped once some lists are written
        if folder.is_dir() and len([p for p in folder.iterdir() if p.suffix == ".xlsx"]) >= 5:
            break
        time.sleep(0.05)
    os.killpg(command.pid, signal.SIGINT)
    out, err = command.communicate(timeout=120)
    return subprocess.CompletedProcess(command.args, command.returncode, out, err)


def test_a_sample_stopped_part_way_leaves_no_half_sample(tmp_path):
    new = tmp_path / "mau"
    stopped = _stop_sample_part_way(tmp_path, new)
    assert (stopped.returncode, stopped.stdout) == (2, "")
    assert stopped.stderr == "LỖI: Đã dừng theo yêu cầu; các tệp kết quả cũ vẫn giữ nguyên.\n"
    assert not new.exists()  # the folder the command made is gone with what it wrote
    # a folder there before, holding a system file only: that file stays, nothing else
    kept = tmp_path / "mau2"
    kept.mkdir()
    (kept / "Thumbs.db").write_bytes(b"x")
    stopped = _stop_sample_part_way(tmp_path, kept)
    assert stopped.returncode == 2
    assert sorted(p.name for p in kept.iterdir()) == ["Thumbs.db"]
    again = _command("sample", str(kept), "--hamlets", "2", "--months", "1")
    assert again.returncode == 0
    written = sorted(p.name for p in kept.iterdir() if p.suffix == ".xlsx")
    # the plan and two hamlets' May lists: nothing of the stopped run's 300 hamlets
    assert len(written) == 3 and "KeHoach_2024.xlsx" in written
    assert all(name.endswith("_2024-05.xlsx") for name in written if name.startswith("DS_"))
