"""Session 61 (F): a folder named by a run's stop and by `check` (session 60, H and R3's Left).

* A folder given in full in one Unicode form (NFD: dragged from a Mac's Finder) under a current
  folder in the other (NFC: typed) is named from the current folder, as the same folder given
  in the current folder's own form is: names compared composed, written as given.
* On Windows the hidden folder's lists are named with '\\', as the folder above them is (they
  were written with '/': "'ds\\s2' … '.thang5/NaMon.xlsx'"). Windows is played as session 53's
  tests play it: ``pipeline.messages.os`` with ntpath, '\\' and a Windows current folder.
* A folder whose only list is in '.thang5' beside a folder 'thang5' already there (empty, or
  with what a system leaves) is not told to rename '.thang5' to 'thang5' (no rename gives a
  name taken), but to move its files into 'thang5'; `check`'s warning of the hidden folder
  says so too.

The officer's folder of the year ('Tổng hợp hộ nghèo năm 2024') is the current folder, the
hamlets' folder under it; whole lines asserted, both languages."""

from __future__ import annotations

import ntpath
import os
import unicodedata
from pathlib import Path

import pytest

from pipeline import messages
from pipeline.discover import hidden_only_said, list_input_files
from pipeline.messages import folder_named, looked_in
from tests.commune import person, write_roster
from tests.test_session60_h_stop_lines import invoke, stop_line

HERE = "Tổng hợp hộ nghèo năm 2024"
SENT = "danh sách các xóm gửi về"


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _system(monkeypatch, here: str, path=os.path, sep: str = os.sep) -> None:
    """``os`` as pipeline.messages sees it: the current folder ``here`` (a Mac's, or with
    ntpath and '\\' a Windows one), the rest this system's."""

    class SystemOs:
        @staticmethod
        def getcwd() -> str:
            return here

        def __getattr__(self, attr: str):
            return getattr(os, attr)

    system = SystemOs()
    system.path, system.sep = path, sep
    monkeypatch.setattr(messages, "os", system)


@pytest.fixture
def office(tmp_path, monkeypatch) -> Path:
    """The officer's folder of the year, the current folder, with the hamlets' folder in it."""
    here = tmp_path / HERE
    (here / SENT).mkdir(parents=True)
    monkeypatch.chdir(here)
    return here


# 1. NFD under NFC, and the other way


@pytest.mark.parametrize("given_form, here_form", [("NFD", "NFC"), ("NFC", "NFD")])
def test_a_folder_given_in_one_form_under_the_current_folder_in_the_other_is_named_short(
    monkeypatch, given_form, here_form
):
    here = "/Users/canbo/Documents/" + HERE
    _system(monkeypatch, unicodedata.normalize(here_form, here))
    given = unicodedata.normalize(given_form, f"{here}/{SENT}/trong")
    named = folder_named(given)
    # before: the whole path given (the current folder's names compared as stored)
    assert named == unicodedata.normalize(given_form, f"{SENT}/trong")
    # written as given, the form the file system holds it in (copied back, it is that folder)
    assert named == given[-len(named) :]
    # a folder not there: where it was looked for, by the current folder's own name
    assert looked_in(given) == f" trong thư mục '{unicodedata.normalize(here_form, HERE)}'"
    assert looked_in(given).en == f" in the folder '{unicodedata.normalize(here_form, HERE)}'"
    # the current folder itself, in the other form, and a folder beside it: still in full
    assert folder_named(unicodedata.normalize(given_form, here)) == unicodedata.normalize(
        given_form, here
    )
    beside = unicodedata.normalize(given_form, "/Users/canbo/Documents/Tổng hợp 2023/trong")
    assert folder_named(beside) == beside


def test_the_run_names_an_empty_folder_dragged_in_from_a_mac_from_the_current_folder(
    office, monkeypatch
):
    # a Mac gives the current folder as its disk holds it (NFD), the folder dragged in NFC
    _system(monkeypatch, _nfd(str(office)))
    (office / SENT / "trong").mkdir()
    assert stop_line("run", "--input", str(office / SENT / "trong"), "--output", "ra") == (
        f"LỖI: Thư mục đầu vào '{SENT}/trong' chưa có tệp nào. Hãy chép vào đó tệp kế hoạch của "
        "xã (KeHoach_YYYY.xlsx) và danh sách của các xóm rồi chạy lại.",
        f"ERROR: The input folder '{SENT}/trong' holds no file yet. Copy the commune's plan "
        "(KeHoach_YYYY.xlsx) and the hamlets' lists into it, then run again.",
    )
    # `check` of it names it as the run does
    checked = invoke("check", str(office / SENT / "trong"), "--no-history")
    assert checked.output.splitlines()[0].startswith(
        f"[LỖI] (no-files): Thư mục '{SENT}/trong' chưa có tệp nào: "
    )


# 2. One separator on Windows

WINDOWS_HERE = "C:\\Users\\can bo\\" + HERE


def test_on_windows_a_folder_is_named_from_the_current_folder_with_backslashes(monkeypatch):
    _system(monkeypatch, WINDOWS_HERE, ntpath, "\\")
    assert folder_named(WINDOWS_HERE + "\\ds\\s2") == "ds\\s2"
    assert folder_named(WINDOWS_HERE + "/ds/s2") == "ds\\s2"  # typed with '/': one separator
    assert folder_named(_nfd(WINDOWS_HERE) + "\\ds\\s2") == "ds\\s2"
    assert folder_named("D:\\ds\\s2") == "D:\\ds\\s2"


def test_on_windows_the_hidden_folders_lists_are_named_with_backslashes(tmp_path, monkeypatch):
    sent = tmp_path / "s2"
    for hidden in (sent / ".thang5", sent / "ds" / ".moi"):
        hidden.mkdir(parents=True)
    write_roster(sent / ".thang5", "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    _system(monkeypatch, WINDOWS_HERE, ntpath, "\\")
    one = hidden_only_said(sent, list_input_files(sent), "ds\\s2")
    # before: "… '.thang5/NaMon.xlsx'" under "'ds\\s2'"
    assert one == (
        "Thư mục đầu vào 'ds\\s2' chỉ có tệp trong thư mục ẩn (tên bắt đầu bằng dấu chấm), không "
        "được đọc: '.thang5\\NaMon.xlsx'. Hãy đổi tên thư mục '.thang5' thành 'thang5' rồi chạy "
        "lại."
    )
    write_roster(sent / "ds" / ".moi", "BanCo.xlsx", "Bản Cọ", 88, [person("BC1", "poor")])
    two = hidden_only_said(sent, list_input_files(sent), "ds\\s2", checked=True)
    assert two.en == (
        "Folder 'ds\\s2' holds files only in hidden folders (named with a leading dot), which "
        "are not read: '.thang5\\NaMon.xlsx', 'ds\\.moi\\BanCo.xlsx'; a run (make or giamngheo "
        "run) stops and writes no workbook. Rename those folders without the leading dot, then "
        "check again."
    )


# 3. 'thang5' already there


def test_a_hidden_folders_lists_beside_its_name_without_the_dot_are_to_be_moved(office):
    sent = office / SENT
    (sent / ".thang5").mkdir()
    write_roster(sent / ".thang5", "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    (sent / "thang5").mkdir()  # made by hand, empty but for what a Mac leaves
    (sent / "thang5" / ".DS_Store").write_bytes(b"\0")
    # before: "Hãy đổi tên thư mục '.thang5' thành 'thang5'", which Explorer or Finder refuses
    assert stop_line("run", "--input", SENT, "--output", "ra") == (
        f"LỖI: Thư mục đầu vào '{SENT}' chỉ có tệp trong thư mục ẩn (tên bắt đầu bằng dấu "
        "chấm), không được đọc: '.thang5/NaMon.xlsx'. Hãy chuyển các tệp trong thư mục "
        "'.thang5' sang thư mục 'thang5' (đã có sẵn) rồi chạy lại.",
        f"ERROR: The input folder '{SENT}' holds files only in hidden folders (named with a "
        "leading dot), which are not read: '.thang5/NaMon.xlsx'. Move the files in the folder "
        "'.thang5' into the folder 'thang5' (already there), then run again.",
    )
    checked = invoke("check", SENT, "--no-history")
    assert checked.exit_code == 1
    assert checked.output.splitlines() == [
        f"[LỖI] (no-files): Thư mục '{SENT}' chỉ có tệp trong thư mục ẩn (tên bắt đầu bằng dấu "
        "chấm), không được đọc: '.thang5/NaMon.xlsx'; khi tổng hợp (make hoặc giamngheo run), "
        "chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy chuyển các tệp trong thư mục "
        "'.thang5' sang thư mục 'thang5' (đã có sẵn) rồi kiểm tra lại.",
        "[Cảnh báo] .thang5 (file-skipped): Bỏ qua thư mục ẩn: tên thư mục bắt đầu bằng dấu "
        "chấm (thường do phần mềm đồng bộ hoặc máy Mac đặt) nên các tệp trong đó không được "
        "đọc, kể cả 'NaMon.xlsx'. Bên cạnh đã có thư mục 'thang5' nên không đổi tên được: nếu "
        "đó là danh sách của xóm, hãy chuyển những tệp chưa có trong thư mục 'thang5' vào đó "
        "rồi chạy lại.",
        "0 tệp, 1 lỗi, 1 cảnh báo.",
    ]
    english = invoke("check", SENT, "--no-history", "--lang", "en").output.splitlines()
    assert english[1] == (
        "[Warning] .thang5 (file-skipped): Skipped a hidden folder: its name starts with a dot "
        "(as a sync tool or a Mac names it), so the files in it are not read, 'NaMon.xlsx' "
        "included. A folder 'thang5' is already beside it, so it cannot be renamed so: if those "
        "are hamlets' lists, move the ones not yet in 'thang5' into it and run again."
    )


def test_a_nested_hidden_folder_and_two_hidden_folders_one_beside_its_name(office):
    sent = office / SENT
    (sent / "ds" / ".thang5").mkdir(parents=True)
    (sent / "ds" / "thang5").mkdir()
    write_roster(sent / "ds" / ".thang5", "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    vi, en = stop_line("run", "--input", SENT, "--output", "ra")
    assert vi.endswith(
        "'ds/.thang5/NaMon.xlsx'. Hãy chuyển các tệp trong thư mục 'ds/.thang5' sang thư mục "
        "'ds/thang5' (đã có sẵn) rồi chạy lại."
    )
    (sent / ".ke hoach").mkdir()
    write_roster(sent / ".ke hoach", "BanCo.xlsx", "Bản Cọ", 88, [person("BC1", "poor")])
    vi, en = stop_line("run", "--input", SENT, "--output", "ra")
    assert vi.endswith(
        "Hãy đổi tên các thư mục đó, bỏ dấu chấm ở đầu (nếu đã có thư mục tên đó, như "
        "'thang5': chuyển các tệp vào thư mục đó), rồi chạy lại."
    )
    assert en.endswith(
        "Rename those folders without the leading dot (where a folder of that name is there, "
        "as 'thang5': move the files into it), then run again."
    )


def test_a_folder_of_another_name_beside_it_keeps_the_rename(office):
    # a guard: 'thang6' beside '.thang5' takes no name renaming gives
    sent = office / SENT
    (sent / ".thang5").mkdir()
    (sent / "thang6").mkdir()
    write_roster(sent / ".thang5", "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    vi, _ = stop_line("run", "--input", SENT, "--output", "ra")
    assert vi.endswith("Hãy đổi tên thư mục '.thang5' thành 'thang5' rồi chạy lại.")
