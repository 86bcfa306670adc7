"""Session 64 (H): `check` lists the files given once; what it reads, counts and names is that
one listing, whatever changes in the folder while it runs.

May 2024's folder (tests.commune.may_folder: the plan 'KeHoach_2024.xlsx', Nà Mòn's and Bản
Cọ's lists, Đồng Kè silent): three files, by hand "3 tệp"; the plan's two target warnings
(its commune targets above the start rates), no error. Before, the command listed the folder
again after checking, to count and to look for lock files: a list saved into the folder while
`check` read the others was counted ("4 tệp") and never checked, its hamlet said "Chưa nộp"
beside it; a list gone between the two listings was said "không có tệp" (file-not-found).
"""

from __future__ import annotations

import shutil

from click.testing import CliRunner

import pipeline.checkfiles
from pipeline.cli import main
from tests.commune import may_folder


def _check(*args: str) -> tuple[int, list[str]]:
    done = CliRunner().invoke(main, ["check", *(args or ("input",)), "--no-history"])
    return done.exit_code, done.output.splitlines()


def _listed_then(monkeypatch, change) -> None:
    """Run ``change`` once `check` has listed the files, before any is read."""
    read_files = pipeline.checkfiles.read_files

    def read_after_change(tasks, *args, **kwargs):
        change()
        return read_files(tasks, *args, **kwargs)

    monkeypatch.setattr(pipeline.checkfiles, "read_files", read_after_change)


def test_check_of_the_may_folder_counts_its_three_files(tmp_path, monkeypatch):
    """The count of the folder as it is (a guard for the two below)."""
    may_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, lines = _check()
    assert lines[-2:] == ["Chưa nộp (kỳ 05/2024): Đồng Kè", "3 tệp, 0 lỗi, 2 cảnh báo."]
    assert code == 0


def test_a_list_saved_into_the_folder_while_check_reads_is_not_counted(tmp_path, monkeypatch):
    """Đồng Kè's list copied in (Bản Cọ's renamed: another hamlet's name) once `check` has
    listed the folder: not read, so not counted, and Đồng Kè said not sent as before it."""
    folder = may_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    copy = tmp_path / "DongKe.xlsx"
    shutil.copy(folder / "BanCo.xlsx", copy)
    _listed_then(monkeypatch, lambda: shutil.move(copy, folder / "DongKe.xlsx"))
    code, lines = _check()
    assert (folder / "DongKe.xlsx").is_file()
    assert [line for line in lines if "DongKe" in line] == []
    # before: "4 tệp, 0 lỗi, 2 cảnh báo." (counted from a second listing)
    assert lines[-2:] == ["Chưa nộp (kỳ 05/2024): Đồng Kè", "3 tệp, 0 lỗi, 2 cảnh báo."]
    assert code == 0


def test_a_lock_file_made_while_check_reads_is_not_said(tmp_path, monkeypatch):
    """Excel's lock file '~$NaMon.xlsx' made once the folder is listed (the head opens the list
    meanwhile): the listing `check` read has none, so no lock line (before: said from the
    second listing, the list it names already checked as it was)."""
    folder = may_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    _listed_then(monkeypatch, lambda: (folder / "~$NaMon.xlsx").write_bytes(b"\x00" * 162))
    code, lines = _check()
    assert [line for line in lines if "~$NaMon" in line or "đang mở" in line] == []
    assert lines[-1] == "3 tệp, 0 lỗi, 2 cảnh báo."
    assert code == 0


def test_a_list_gone_after_the_commands_listing_is_left_out_not_said_missing(tmp_path, monkeypatch):
    """Bản Cọ's list gone between the command's listing and the files' reading: left out as a
    list gone after the listing is (session 62): not counted, Bản Cọ not sent; not a file given
    "không có" (file-not-found), which the officer named no file for."""
    folder = may_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    check_files = pipeline.checkfiles.check_files

    def gone_first(*args, **kwargs):
        (folder / "BanCo.xlsx").unlink()
        return check_files(*args, **kwargs)

    monkeypatch.setattr(pipeline.checkfiles, "check_files", gone_first)
    code, lines = _check()
    assert [line for line in lines if "BanCo" in line] == []
    assert lines[-2:] == ["Chưa nộp (kỳ 05/2024): Bản Cọ, Đồng Kè", "2 tệp, 0 lỗi, 2 cảnh báo."]
    assert code == 0
