"""calamine's "Expecting 'v, f, or is' node" (a cell of a sheet's XML holding a tag that is
neither its value, its formula nor its inline text: a damaged sheet) said in Vietnamese words,
as session 57's H3 said the readers' other sentences (session 58, helper D)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import clean_rosters

STRAY_TAG = (
    "một ô của trang tính trong tệp Excel có một thẻ lạ ở chỗ phải là giá trị hay công thức của "
    "ô: tệp hỏng hoặc không do Excel lưu",
    "a cell of a sheet of the Excel file holds a stray tag where its value or formula is due: "
    "the file is damaged or not saved by Excel",
)


def _stray_tag_in_a_cell(path: Path) -> None:
    """The list's household sheet ('Danh sách', xl/worksheets/sheet2.xml) with its first cell
    value's '<v>' written '<x>' (its '</v>' too): calamine refuses the sheet with exactly
    "Expecting 'v, f, or is' node"."""
    part = "xl/worksheets/sheet2.xml"
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    at = parts[part].index(b"<v>")
    end = parts[part].index(b"</v>", at)
    parts[part] = (
        parts[part][:at] + b"<x>" + parts[part][at + 3 : end] + b"</x>" + parts[part][end + 4 :]
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_the_readers_expecting_v_f_or_is_node_is_said_in_vietnamese(tmp_path):
    # Bản Cọ's May list (tests.commune) with a stray '<x>' for a cell's '<v>': before, its
    # line ended "(Chi tiết kỹ thuật: Expecting 'v, f, or is' node)", English in the
    # Vietnamese line.
    import python_calamine

    from pipeline.opening import ReadError, open_workbook

    clean_rosters(tmp_path)
    path = tmp_path / "BanCo.xlsx"
    _stray_tag_in_a_cell(path)
    # the reader's own words, exactly, so the test is of that sentence
    with pytest.raises(python_calamine.CalamineError, match=r"^Expecting 'v, f, or is' node$"):
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()
    with pytest.raises(ReadError) as refused:
        book = open_workbook(path)
        for name in book.sheet_names:
            book.grid(name)
    assert refused.value.code == "file-unreadable"
    assert (str(refused.value.detail), refused.value.detail.en) == STRAY_TAG
    done = CliRunner().invoke(main, ["check", str(path), "--no-history"])
    assert done.exit_code == 1
    [line] = [s for s in done.output.splitlines() if s.startswith("[LỖI]")]
    assert line.startswith("[LỖI] BanCo.xlsx (file-unreadable): ")
    assert line.endswith(f"(Chi tiết kỹ thuật: {STRAY_TAG[0]})")
    assert done.output.splitlines()[-1] == "1 tệp, 1 lỗi, 0 cảnh báo."
    english = CliRunner().invoke(main, ["check", str(path), "--no-history", "--lang", "en"])
    [line] = [s for s in english.output.splitlines() if s.startswith("[ERROR]")]
    assert line.startswith("[ERROR] BanCo.xlsx (file-unreadable): ")
    assert line.endswith(f"(Technical detail: {STRAY_TAG[1]})")
