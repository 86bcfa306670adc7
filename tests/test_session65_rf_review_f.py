"""Session 65 review (RF) of helper F's parts named otherwise.

F's `sheetscan.main_part` took any part the package's 'officeDocument' relationship targets
for the workbook part, where 'xl/workbook.xml' is not there. A Word document's package names
its main part so too ('word/document.xml'): a Word document that lost its '.docx' (a hamlet's
meeting minutes, 'BienBan_Hop') was then taken for a workbook by its content
(`opening.looks_like_spreadsheet`) and refused as an unreadable list (an error, "Đây là văn bản
Word được đặt tên đuôi …"), where before it was skipped with a warning.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from pipeline.opening import looks_like_spreadsheet
from pipeline.sheetscan import main_part
from tests.test_session65_f_parts_named_otherwise import workbook_named

_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Biên bản họp xóm</w:t></w:r></w:p></w:body></w:document>"
)


def word_document(path: Path) -> None:
    """A Word document's package as Word lays it out: '_rels/.rels' naming
    'word/document.xml' its 'officeDocument'."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr("word/document.xml", _DOCUMENT)


def test_a_word_document_without_its_suffix_is_no_workbook(tmp_path):
    """'BienBan_Hop', a Word document without '.docx': no workbook part, not a workbook by its
    content (F's code: 'word/document.xml', a workbook)."""
    path = tmp_path / "BienBan_Hop"
    word_document(path)
    with zipfile.ZipFile(path) as package:
        assert main_part(package) is None
    assert not looks_like_spreadsheet(path)


def test_check_skips_a_word_document_without_its_suffix(tmp_path):
    """`check` on it: the one warning it had before session 65 (skipped, no suffix), not an
    error (F's code: file-unreadable, "Đây là văn bản Word được đặt tên đuôi …")."""
    from click.testing import CliRunner

    from pipeline.cli import main

    path = tmp_path / "BienBan_Hop"
    word_document(path)
    out = CliRunner().invoke(main, ["check", "--no-history", str(path)]).output
    assert out.splitlines()[-2:] == [
        "[Cảnh báo] BienBan_Hop (file-skipped): Bỏ qua tệp không phải bảng tính (không có phần "
        "mở rộng). Nếu đây là danh sách hộ, hãy lưu lại dạng .xlsx.",
        "1 tệp, 0 lỗi, 1 cảnh báo.",
    ]


def test_the_workbook_part_is_found_after_a_document_relationship(tmp_path):
    """'_rels/.rels' naming two 'officeDocument' parts, the first a Word document's, the second
    'xl/Workbook.xml' by an absolute target: the second is the workbook part (a guard of the
    root test: the name alone decides nothing)."""
    path = tmp_path / "two"
    openpyxl.Workbook().save(path)
    workbook_named(path)
    with zipfile.ZipFile(path) as source:
        items = [(i.filename, source.read(i)) for i in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in items:
            if name == "_rels/.rels":
                data = data.replace(
                    b"<Relationship ",
                    b'<Relationship Id="rIdW" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/officeDocument" '
                    b'Target="word/document.xml"/><Relationship ',
                    1,
                )
            package.writestr(name, data)
        package.writestr("word/document.xml", _DOCUMENT)
    with zipfile.ZipFile(path) as package:
        assert main_part(package) == "xl/Workbook.xml"
    assert looks_like_spreadsheet(path)
