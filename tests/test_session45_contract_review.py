"""Session 45: review of the session's contract-audit fixes (docs/decisions.md, 'Session 45:
review of the session's contract-audit fixes'). Each defect found is pinned by a small fixture
worked out by hand.

The small commune (tests.commune): Nà Mòn 102 households, Bản Cọ 200; Đồng Kè sends nothing.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from pipeline.messages import RunCommand
from pipeline.run import FatalError, execute
from tests.commune import person, write_plan, write_roster

# --- 1. The `check` a stopped run names reads the run's own output folder when it is there ----


def test_the_check_a_stopped_run_names_reads_its_output_folder_though_it_holds_no_history(
    tmp_path, monkeypatch
):
    """The officer made the folder 'Kết quả tháng 5' first (empty) and ran into it, given as a
    relative path; Bản Cọ's only list is refused (its total 0), so the run stops (exit 2) and
    names the `check` that lists each file's errors. Since the audit, that check carried
    `--output` only where the folder held a history: here none, so the check named read the
    default `output/`'s history (another run's, when the officer has one there), not the
    run's. Now a folder that is there is named (a check of it reads no history, as the run
    read none), quoted so that it pastes as one word; a folder never made is still left out
    (the audit's case)."""
    monkeypatch.chdir(tmp_path)
    folder = Path("vao")
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 0, [person("BC1", "poor")])
    out = Path("Kết quả tháng 5")
    out.mkdir()
    with pytest.raises(FatalError) as stopped:
        execute(folder, out, command=RunCommand(folder, out))
    named = str(stopped.value).rsplit("Xem đủ các lỗi của từng tệp: ", 1)[1]
    assert named == "giamngheo check vao --output 'Kết quả tháng 5'"
    assert shlex.split(named)[2:] == ["vao", "--output", "Kết quả tháng 5"]
    assert list(out.iterdir()) == []  # (the run's lock gone with it)
    out.rmdir()  # made by the run's lock, removed as it stops: not named (a check refuses it)
    with pytest.raises(FatalError) as stopped:
        execute(folder, out, command=RunCommand(folder, out))
    assert not out.exists()
    assert str(stopped.value).endswith("Xem đủ các lỗi của từng tệp: giamngheo check vao")


# --- 2. 'Tổng hợp' and the screen send the officer to one page for the files skipped --------


def test_the_files_skipped_are_found_on_the_page_the_screen_and_the_workbook_name(tmp_path):
    """Beside a clean May, the folder holds a note 'ghichu.docx', a damaged 'hong.xlsx' and
    'Thumbs.db': 2 files skipped (Thumbs.db, a system file, is not counted: sessions 12, 29).
    The screen said "tệp bỏ qua: 2 (xem trang 'Lỗi dữ liệu')" while 'Tổng hợp''s "Số tệp bị bỏ
    qua" said "Chi tiết: trang 'Nộp báo cáo'", which lists 3 files apart (Thumbs.db too, the
    damaged file as refused). 'Lỗi dữ liệu' has one row for each of the 2, what it is and
    what to do: both now name it."""
    import openpyxl
    from click.testing import CliRunner

    from pipeline.cli import main
    from tests.commune import clean_rosters

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    (folder / "ghichu.docx").write_bytes(b"PK\x03\x04 a note")
    (folder / "hong.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    (folder / "Thumbs.db").write_bytes(b"\x00" * 64)
    said = CliRunner().invoke(main, ["run", "--input", str(folder), "--output", str(out)])
    assert said.exit_code == 0, said.output
    assert "Lỗi: 1, cảnh báo: 3, tệp bỏ qua: 2 (xem trang 'Lỗi dữ liệu')" in said.output
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")
    row = next(r for r in book["Tổng hợp"].iter_rows(values_only=True) if "Số tệp bị bỏ qua" in r)
    assert [v for v in row if v is not None] == [
        "Số tệp bị bỏ qua",
        2,
        "Chi tiết: trang 'Lỗi dữ liệu'",
    ]
    issues = book["Lỗi dữ liệu"]
    header = next(r for r in issues.iter_rows(values_only=True) if r[0] == "STT")
    col = header.index("Tệp")
    files = [r[col] for r in issues.iter_rows(values_only=True) if r[0] != "STT" and r[col]]
    skipped = [f for f in files if f not in ("KeHoach_2024.xlsx", "NaMon.xlsx", "BanCo.xlsx")]
    assert sorted(skipped) == ["ghichu.docx", "hong.xlsx"]
