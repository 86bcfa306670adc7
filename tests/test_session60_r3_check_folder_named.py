"""`check`'s line for a folder with no file names it as a run's stop does (session 60, review of
H: `messages.folder_named`): from the current folder where it lies under it, not as typed. A
folder dragged into the command window (its full path, 160 characters here under the officer's
documents) made the 'no-files' line of `check` 373 characters where the run's stop of the same
folder said 'danh sách các xóm gửi về/trong'.

The officer's folder of the year ('Tổng hợp hộ nghèo năm 2024') is the current folder, the
hamlets' folder under it; its names in NFD too (a folder made on a Mac), with spaces."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import person, write_roster

HERE = "Tổng hợp hộ nghèo năm 2024"
SENT = "danh sách các xóm gửi về"


def _check(*args: str) -> list[str]:
    return CliRunner().invoke(main, ["check", *args, "--no-history"]).output.splitlines()


@pytest.fixture(params=["NFC", "NFD"])
def office(request, tmp_path, monkeypatch) -> tuple[Path, str]:
    here = tmp_path / unicodedata.normalize(request.param, HERE)
    sent = unicodedata.normalize(request.param, SENT)
    (here / sent / "trong").mkdir(parents=True)
    monkeypatch.chdir(here)
    return here, sent


def test_an_empty_folder_given_in_full_is_named_from_the_current_folder(office):
    here, sent = office
    line = (
        f"Thư mục '{sent}/trong' chưa có tệp nào: khi tổng hợp (make hoặc giamngheo run), "
        "chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy chép vào đó tệp kế hoạch của xã "
        "(KeHoach_YYYY.xlsx) và danh sách của các xóm rồi kiểm tra lại."
    )
    # before: the full path, as typed
    assert _check(str(here / sent / "trong")) == [
        f"[LỖI] (no-files): {line}",
        "0 tệp, 1 lỗi, 0 cảnh báo.",
    ]
    # typed relative: the same line, as it was
    assert _check(f"{sent}/trong")[0] == f"[LỖI] (no-files): {line}"
    english = _check(str(here / sent / "trong"), "--lang", "en")
    assert english[0] == (
        f"[ERROR] (no-files): Folder '{sent}/trong' holds no file yet: a run (make or giamngheo "
        "run) stops and writes no workbook. Copy the commune's plan (KeHoach_YYYY.xlsx) and the "
        "hamlets' lists into it, then check again."
    )


def test_a_list_only_in_a_hidden_folder_given_in_full_is_named_from_the_current_folder(office):
    here, sent = office
    hidden = here / sent / "trong" / ".thang 5"
    hidden.mkdir()
    write_roster(hidden, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    assert _check(str(here / sent / "trong"))[0] == (
        f"[LỖI] (no-files): Thư mục '{sent}/trong' chỉ có tệp trong thư mục ẩn (tên bắt đầu "
        "bằng dấu chấm), không được đọc: '.thang 5/NaMon.xlsx'; khi tổng hợp (make hoặc "
        "giamngheo run), chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy đổi tên thư "
        "mục '.thang 5' thành 'thang 5' rồi kiểm tra lại."
    )


def test_an_empty_folder_among_others_is_named_from_the_current_folder(office):
    here, sent = office
    (here / "a").mkdir()
    write_roster(here / "a", "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    lines = _check(str(here / "a"), str(here / sent / "trong"))
    assert lines[0] == (
        f"Thư mục '{sent}/trong' chưa có tệp nào. Hãy chép vào đó tệp kế hoạch của xã "
        "(KeHoach_YYYY.xlsx) và danh sách của các xóm rồi kiểm tra lại."
    )
    assert lines[-1] == "1 tệp, 0 lỗi, 0 cảnh báo."


def test_a_folder_outside_the_current_one_is_still_named_in_full(office, tmp_path, monkeypatch):
    here, sent = office
    elsewhere = tmp_path / "khac"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert _check(str(here / sent / "trong"))[0].startswith(
        f"[LỖI] (no-files): Thư mục '{here / sent / 'trong'}' chưa có tệp nào: "
    )
