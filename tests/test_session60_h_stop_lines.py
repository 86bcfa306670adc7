"""A run's stop (exit 2, one line on stderr) names a folder once and short (session 60, H): from
the current folder where it lies under it, in full elsewhere; a folder not there with the name
of the folder it was looked for in. And a folder whose files are all in hidden folders
('.thang5/NaMon.xlsx') is said so, by the run and by `check`, where it was "chưa có tệp nào".

The officer's folders are those of a commune's documents ('Tổng hợp hộ nghèo năm 2024' the
folder the command runs in, 'danh sách các xóm gửi về' under it). Every case from the command
line (click's runner), the whole line asserted, both languages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import person, write_plan, write_roster

HERE = "Tổng hợp hộ nghèo năm 2024"
SENT = "danh sách các xóm gửi về"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def stop_line(*args: str) -> tuple[str, str]:
    """The one line a run stopped on, in Vietnamese and in English (exit 2 each)."""
    lines = []
    for lang in ("vi", "en"):
        done = invoke(*args, "--lang", lang)
        assert done.exit_code == 2, done.output
        assert len(done.output.splitlines()) == 1, done.output
        lines.append(done.output.splitlines()[0])
    return lines[0], lines[1]


@pytest.fixture
def office(tmp_path, monkeypatch) -> Path:
    """The officer's folder of the year, the current folder, with the hamlets' folder in it."""
    here = tmp_path / HERE
    (here / SENT).mkdir(parents=True)
    monkeypatch.chdir(here)
    return here


def test_a_missing_input_folder_under_the_current_one_is_named_from_it_once(office):
    # before: the full path (302 characters' line here), and typed relative, the typed name and
    # then "(đường dẫn đầy đủ: …)" with the full path again
    vi = (
        f"LỖI: Không có thư mục đầu vào '{SENT}/khong-co' trong thư mục '{HERE}'. Hãy tạo thư "
        "mục đó, chép vào đó tệp kế hoạch của xã (KeHoach_YYYY.xlsx) cùng danh sách của các "
        "xóm, hoặc chỉ đúng thư mục đầu vào (--input), rồi chạy lại."
    )
    en = (
        f"ERROR: There is no input folder '{SENT}/khong-co' in the folder '{HERE}'. Create it "
        "and copy the commune's plan (KeHoach_YYYY.xlsx) and the hamlets' lists into it, or "
        "give the right input folder (--input), then run again."
    )
    whole = str(office / SENT / "khong-co")
    assert stop_line("run", "--input", whole, "--output", str(office / "ra")) == (vi, en)
    assert stop_line("run", "--input", f"{SENT}/khong-co", "--output", "ra") == (vi, en)


def test_an_empty_input_folder_and_a_file_given_as_it_are_named_from_the_current_folder(office):
    (office / SENT / "trong").mkdir()
    empty = stop_line(
        "run", "--input", str(office / SENT / "trong"), "--output", str(office / "ra")
    )
    assert empty == (
        f"LỖI: Thư mục đầu vào '{SENT}/trong' chưa có tệp nào. Hãy chép vào đó tệp kế hoạch của "
        "xã (KeHoach_YYYY.xlsx) và danh sách của các xóm rồi chạy lại.",
        f"ERROR: The input folder '{SENT}/trong' holds no file yet. Copy the commune's plan "
        "(KeHoach_YYYY.xlsx) and the hamlets' lists into it, then run again.",
    )
    sent = office / SENT / "ds"
    sent.mkdir()
    write_roster(sent, "DS_NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    a_file = stop_line(
        "run", "--input", str(sent / "DS_NaMon.xlsx"), "--output", str(office / "ra")
    )
    assert a_file == (
        f"LỖI: '{SENT}/ds/DS_NaMon.xlsx' là một tệp, không phải thư mục: hãy chỉ thư mục chứa "
        "các tệp của xóm (--input).",
        f"ERROR: '{SENT}/ds/DS_NaMon.xlsx' is a file, not a folder: give the folder that holds "
        "the hamlets' files (--input).",
    )


def test_an_output_folder_that_cannot_be_made_is_named_from_the_current_folder(office):
    sent = office / SENT
    write_plan(sent)
    write_roster(sent, "DS_NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    # the output asked for under a file: its folder cannot be made
    out = sent / "DS_NaMon.xlsx" / "ra"
    assert stop_line("run", "--input", str(sent), "--output", str(out)) == (
        f"LỖI: Không tạo được thư mục kết quả '{SENT}/DS_NaMon.xlsx/ra': một phần của đường dẫn "
        "là tệp chứ không phải thư mục; hãy chọn thư mục khác.",
        f"ERROR: Cannot create the output folder '{SENT}/DS_NaMon.xlsx/ra': part of the path is "
        "a file, not a folder; choose another folder.",
    )


def test_check_of_an_output_folder_not_there_names_it_and_where_it_was_looked_for(office):
    sent = office / SENT
    write_roster(sent, "DS_NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    assert stop_line("check", str(sent), "--output", str(office / "ket qua")) == (
        f"LỖI: Không có thư mục kết quả 'ket qua' trong thư mục '{HERE}'; hãy kiểm tra lại đường "
        "dẫn (--output).",
        f"ERROR: There is no output folder 'ket qua' in the folder '{HERE}'; check the path "
        "(--output).",
    )


def test_a_folder_outside_the_current_one_is_named_in_full_once(office, tmp_path, monkeypatch):
    # the command run from a sibling folder: the input given in full, or typed with '..'
    elsewhere = tmp_path / "khac"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    missing = office / SENT / "khong-co"
    line = (
        f"LỖI: Không có thư mục đầu vào '{missing}'. Hãy tạo thư mục đó, chép vào đó tệp kế "
        "hoạch của xã (KeHoach_YYYY.xlsx) cùng danh sách của các xóm, hoặc chỉ đúng thư mục đầu "
        "vào (--input), rồi chạy lại."
    )
    assert stop_line("run", "--input", str(missing), "--output", "ra")[0] == line
    typed = os.path.join("..", HERE, SENT, "khong-co")
    assert stop_line("run", "--input", typed, "--output", "ra")[0] == line
    # the current folder itself: its full path, not '.'
    from pipeline.messages import folder_named

    assert folder_named(".") == str(elsewhere)
    assert folder_named(elsewhere / "a" / "b") == os.path.join("a", "b")


def test_a_list_only_in_a_hidden_folder_is_said_not_read_by_the_run_and_check(office):
    # R2's Left (1) of session 59: "chưa có tệp nào" where the officer sees a list
    sent = office / SENT
    (sent / ".thang5").mkdir()
    write_roster(sent / ".thang5", "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    assert stop_line("run", "--input", str(sent), "--output", str(office / "ra")) == (
        f"LỖI: Thư mục đầu vào '{SENT}' chỉ có tệp trong thư mục ẩn (tên bắt đầu bằng dấu "
        "chấm), không được đọc: '.thang5/NaMon.xlsx'. Hãy đổi tên thư mục '.thang5' thành "
        "'thang5' rồi chạy lại.",
        f"ERROR: The input folder '{SENT}' holds files only in hidden folders (named with a "
        "leading dot), which are not read: '.thang5/NaMon.xlsx'. Rename the folder '.thang5' to "
        "'thang5', then run again.",
    )
    checked = invoke("check", SENT, "--no-history")
    assert checked.exit_code == 1
    assert checked.output.splitlines() == [
        f"[LỖI] (no-files): Thư mục '{SENT}' chỉ có tệp trong thư mục ẩn (tên bắt đầu bằng dấu "
        "chấm), không được đọc: '.thang5/NaMon.xlsx'; khi tổng hợp (make hoặc giamngheo run), "
        "chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy đổi tên thư mục '.thang5' thành "
        "'thang5' rồi kiểm tra lại.",
        "[Cảnh báo] .thang5 (file-skipped): Bỏ qua thư mục ẩn: tên thư mục bắt đầu bằng dấu "
        "chấm (thường do phần mềm đồng bộ hoặc máy Mac đặt) nên các tệp trong đó không được "
        "đọc, kể cả 'NaMon.xlsx'. Nếu đó là danh sách của xóm, hãy đổi tên thư mục bỏ dấu chấm "
        "ở đầu (thành 'thang5') rồi chạy lại.",
        "0 tệp, 1 lỗi, 1 cảnh báo.",
    ]
    english = invoke("check", SENT, "--no-history", "--lang", "en")
    assert english.output.splitlines()[0] == (
        f"[ERROR] (no-files): Folder '{SENT}' holds files only in hidden folders (named with a "
        "leading dot), which are not read: '.thang5/NaMon.xlsx'; a run (make or giamngheo run) "
        "stops and writes no workbook. Rename the folder '.thang5' to 'thang5', then check "
        "again."
    )


def test_the_plan_and_lists_in_two_hidden_folders_are_named_and_the_folders_to_rename(office):
    sent = office / SENT
    for hidden in (sent / ".ke hoach", sent / "thang5" / ".moi"):
        hidden.mkdir(parents=True)
    write_plan(sent / ".ke hoach")
    write_roster(sent / "thang5" / ".moi", "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    (sent / ".DS_Store").write_bytes(b"\0")
    vi, en = stop_line("run", "--input", SENT, "--output", "ra")
    assert vi == (
        f"LỖI: Thư mục đầu vào '{SENT}' chỉ có tệp trong thư mục ẩn (tên bắt đầu bằng dấu chấm), "
        "không được đọc: '.ke hoach/KeHoach_2024.xlsx', 'thang5/.moi/NaMon.xlsx'. Hãy đổi tên "
        "các thư mục đó, bỏ dấu chấm ở đầu, rồi chạy lại."
    )
    assert en == (
        f"ERROR: The input folder '{SENT}' holds files only in hidden folders (named with a "
        "leading dot), which are not read: '.ke hoach/KeHoach_2024.xlsx', "
        "'thang5/.moi/NaMon.xlsx'. Rename those folders without the leading dot, then run again."
    )


def test_a_folder_is_named_as_given_when_the_current_folder_is_gone(tmp_path, monkeypatch):
    # a command window left open in a folder deleted since (Linux lets it): no traceback while
    # the stop is worded, the folder as typed and no "trong thư mục …"
    from pipeline.messages import folder_named, looked_in

    gone = tmp_path / "da-xoa"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    assert folder_named("input") == "input"
    assert looked_in("input") == ""
    assert folder_named(tmp_path / "input") == str(tmp_path / "input")
