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


# --- 3. The blank template's 'Dân tộc' offers the 54 groups from a list range -----------------


def test_the_blank_templates_ethnic_group_has_a_drop_down_and_a_filled_copy_reads_as_before(
    tmp_path,
):
    """The 54 groups are longer than the 255 characters of a drop-down's own list, so 'Dân tộc'
    had none. Now the blank template lists them on a very hidden sheet 'Danh mục' (A1 'Kinh'
    … A54 'Ngái') and 'Dân tộc' (column F, rows 5-105 and 109-1004, the signature's rows left
    out as for the other drop-downs) offers them, a name not on it kept after a warning. A
    head's copy (NM1 'Tày', NM2 'Trại') reads as before: 2 poor, both of an ethnic
    minority, one warning for F6; the same copy with 'Danh mục' deleted gives the same JSON.
    An earlier version's blank (no 'Danh mục') is still a blank `template` replaces."""
    import json

    import openpyxl

    from pipeline.run import execute
    from pipeline.template import write_templates
    from schemas.columns import ETHNIC_GROUPS
    from tests.commune import filled_blank

    folder, book, ws = filled_blank(tmp_path, 2)
    names = book["Danh mục"]
    assert names.sheet_state == "veryHidden"
    assert [names.cell(r, 1).value for r in (1, 2, 54)] == ["Kinh", "Tày", "Ngái"]
    assert [names.cell(r, 1).value for r in range(1, 55)] == list(ETHNIC_GROUPS)
    assert names.max_row == 54
    rules = {str(v.sqref): (v.formula1, v.errorStyle) for v in ws.data_validations.dataValidation}
    assert rules["F5:F105 F109:F1004"] == ("'Danh mục'!$A$1:$A$54", "warning")
    assert ws["F4"].value == "Dân tộc"
    ws["F5"], ws["F6"] = "Tày", "Trại"
    book.save(folder / "NaMon.xlsx")
    result, _, _ = execute(folder, tmp_path / "ra")
    said = [(i.code, i.cell) for i in result.issues if i.file == "NaMon.xlsx" and i.cell]
    assert said == [("unknown-ethnicity", "F6")]
    summary = (tmp_path / "ra" / "2024-05" / "TongHop_2024-05.json").read_text("utf-8")
    na_mon = next(h for h in json.loads(summary)["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["poor"], na_mon["subgroups"]["ethnic_minority"]["poor"]) == (2, 2)
    del book["Danh mục"]  # a head's copy without it
    book.save(folder / "NaMon.xlsx")
    execute(folder, tmp_path / "ra2")
    assert (tmp_path / "ra2" / "2024-05" / "TongHop_2024-05.json").read_text("utf-8") == summary

    older = openpyxl.load_workbook(tmp_path / "mau" / "MauDanhSachHo.xlsx")
    del older["Danh mục"]  # as an earlier version wrote the blank
    older.save(tmp_path / "mau" / "MauDanhSachHo.xlsx")
    write_templates(tmp_path / "mau")  # replaced, not refused as a hamlet's list
    assert openpyxl.load_workbook(tmp_path / "mau" / "MauDanhSachHo.xlsx").sheetnames[-1] == (
        "Danh mục"
    )
