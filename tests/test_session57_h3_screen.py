"""What the officer's pass of session 57 left on screen (helper H3): a damaged zip's and a
reader's XML or text error said in Vietnamese, `check` of a folder without a plan exiting 1 as
one with a plan of another year does, `check`'s "Chưa nộp" naming a file found for the hamlet
as the run's line does."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import clean_rosters, person, write_plan, write_roster
from tests.test_fuzz_fixes import damage_deflate


def _check(*args: str):
    return CliRunner().invoke(main, ["check", *args])


# --- 2. `check` of the whole folder without a plan exits 1: its run stops ----------------------


def test_check_of_a_folder_without_a_plan_exits_1_as_its_run_stops(tmp_path):
    # Bản Cọ's list alone in 'vao': a run of 'vao' stops ("Không tìm thấy tệp kế hoạch", exit 2),
    # as a run of lists with a plan of another year stops, which `check` exits 1 for (session
    # 44). Before: exit 0 here, "0 lỗi" and the note saying the run stops.
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    out.mkdir()
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    done = _check(str(folder), "--output", str(out))
    # (the missing plan counted on the total line since H4: "1 lỗi")
    assert (done.exit_code, done.output.splitlines()[-1]) == (1, "1 tệp, 1 lỗi, 0 cảnh báo.")
    # the file alone: the folder may hold the plan, nothing known of its run: 0 as before
    alone = _check(str(folder / "DS_BanCo_2024-05.xlsx"), "--output", str(out))
    assert (alone.exit_code, alone.output.splitlines()[-1]) == (0, "1 tệp, 0 lỗi, 0 cảnh báo.")
    # the plan added to the folder: the run goes on (warnings only, Nà Mòn and Đồng Kè not
    # received): 0
    write_plan(folder)
    done = _check(str(folder), "--output", str(out))
    assert done.exit_code == 0
    assert done.output.splitlines()[-2:] == [
        "Chưa nộp (kỳ 05/2024): Nà Mòn, Đồng Kè",
        "2 tệp, 0 lỗi, 4 cảnh báo.",
    ]


# --- 1. a damaged zip's, an XML's and a text file's technical aside in Vietnamese ---------------

DAMAGED_PART = (
    "một phần nén bên trong tệp (gói zip) không giải nén được: tệp hỏng hoặc chưa chép hết",
    "a compressed part inside the file (its zip package) cannot be unpacked: the file is "
    "damaged or not copied whole",
)


def _refusal(path: Path) -> tuple[str, str]:
    """The reader's refusal of ``path`` (opening or reading its sheets): its detail in both
    languages."""
    from pipeline.opening import ReadError, open_workbook

    with pytest.raises(ReadError) as refused:
        book = open_workbook(path)
        for name in book.sheet_names:
            book.grid(name)
    assert refused.value.code == "file-unreadable"
    detail = refused.value.detail
    return str(detail), detail.en


def declared_smaller(path: Path, part: str) -> None:
    """Write in the zip's directory that ``part`` unpacks to 100 bytes, its stream left whole:
    the reader unpacks more than that and stops ("File is larger than its declared
    uncompressed size")."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    start = data.find(b"PK\x01\x02")  # the central directory's first entry
    while data[start + 46 : start + 46 + len(name)] != name:
        start = data.find(b"PK\x01\x02", start + 4)
        assert start > 0, part
    data[start + 24 : start + 28] = (100).to_bytes(4, "little")  # its uncompressed size
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [damage_deflate, declared_smaller])
def test_a_damaged_zip_part_is_said_in_vietnamese(tmp_path, damage):
    # Bản Cọ's list whose sheet part's deflate stream is broken (20 bytes flipped), or whose
    # size in the zip's directory is too small: the reader's "I/O error: corrupt deflate
    # stream" / "I/O error: File is larger than its declared uncompressed size" was the
    # Vietnamese line's aside.
    clean_rosters(tmp_path)
    damage(tmp_path / "BanCo.xlsx", "xl/worksheets/sheet2.xml")
    assert _refusal(tmp_path / "BanCo.xlsx") == DAMAGED_PART
    done = _check(str(tmp_path / "BanCo.xlsx"), "--no-history")
    [line] = [s for s in done.output.splitlines() if s.startswith("[LỖI]")]
    assert line.endswith(f"(Chi tiết kỹ thuật: {DAMAGED_PART[0]})")
    english = _check(str(tmp_path / "BanCo.xlsx"), "--no-history", "--lang", "en").output
    [line] = [s for s in english.splitlines() if s.startswith("[ERROR]")]
    assert line.endswith(f"(Technical detail: {DAMAGED_PART[1]})")


_XML_2003 = (
    '<?xml version="1.0"?>\n'  # line 1
    '<?mso-application progid="Excel.Sheet"?>\n'
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"\n'
    ' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n'
    ' <Worksheet ss:Name="DS">\n'  # line 5
    "  <Table>\n"
    '   <Row><Cell><Data ss:Type="String">Mã hộ</Data></Cell>\n'  # <Row> never closed
    "  </Table>\n"  # line 8: expat's "mismatched tag: line 8, column 4"
    " </Worksheet>\n"
    "</Workbook>\n"
)


def test_an_excel_2003_xml_not_well_formed_is_said_at_its_line(tmp_path):
    # Before: "XML: mismatched tag: line 8, column 4", expat's words.
    path = tmp_path / "DS_BanCo_2024-05.xls"
    path.write_text(_XML_2003, encoding="utf-8")
    assert _refusal(path) == (
        "nội dung XML của tệp bị hỏng ở dòng 8: tệp hỏng hoặc không do Excel lưu",
        "the file's XML content is damaged at line 8: the file is damaged or not saved by Excel",
    )
    # one declaring its own entity, refused unread (markup._no_entities): said why
    path.write_text(
        _XML_2003.replace("<?mso", '<!DOCTYPE x [<!ENTITY a "b">]>\n<?mso'), encoding="utf-8"
    )
    assert _refusal(path)[0] == (
        "tệp XML tự khai báo thực thể ('<!ENTITY'), điều Excel không làm: không đọc để giữ an "
        "toàn cho máy"
    )


def test_a_text_file_with_a_field_too_long_is_said_in_vietnamese(tmp_path):
    # A tab-separated list named .xls (300 rows, so the separator is told from the first 200),
    # row 251 holding a quoted field of 140,000 characters: more than the csv module's 131,072.
    # Before: "text: field larger than field limit (131072)".
    rows = ["Mã hộ\tHọ và tên\tXóm"] + [f"BC{i}\tTên {i}\tBản Cọ" for i in range(300)]
    rows[251] = 'BC9\t"' + "a" * 140_000 + '"\tBản Cọ'
    path = tmp_path / "DS_BanCo_2024-05.xls"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert _refusal(path) == (
        "tệp văn bản có một ô dài hơn 131.072 ký tự: tệp hỏng hoặc không phải một bảng",
        "the text file holds a cell longer than 131,072 characters: the file is damaged or no "
        "table",
    )


def test_a_part_whose_xml_is_damaged_is_said_in_vietnamese_its_words_kept_in_english(tmp_path):
    # Bản Cọ's shared strings with two bytes no UTF-8 text holds: before, the reader's "cannot
    # decode input using UTF-8: …" was the aside; now in words, the reader's kept under --lang en.
    clean_rosters(tmp_path)
    path = tmp_path / "BanCo.xlsx"
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["xl/sharedStrings.xml"] = parts["xl/sharedStrings.xml"].replace(b"<t>", b"<t>\xff\xfe", 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    vi, en = _refusal(path)
    assert vi == "nội dung XML bên trong tệp Excel bị hỏng: tệp hỏng hoặc không do Excel lưu"
    assert en.startswith("the XML inside the Excel file is damaged (cannot decode input using ")
    assert en.endswith("): the file is damaged or not saved by Excel")


# --- 3. `check`'s "Chưa nộp" names a file found for the hamlet, in the run's words -------------


def test_checks_not_received_line_names_a_file_skipped_for_the_hamlet_as_the_run_does(tmp_path):
    # The small commune's plan, Nà Mòn's and Bản Cọ's May lists, Đồng Kè's list sent zipped:
    # the run says "Chưa nộp: Đồng Kè (tệp nén DS_DongKe_2024-05.zip chưa giải nén, xem trang
    # 'Lỗi dữ liệu')"; `check` said a bare "Chưa nộp (kỳ 05/2024): Đồng Kè". Now the run's
    # words, without the sheet (`check` writes none: the zip's own line is above).
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    out.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    with zipfile.ZipFile(folder / "DS_DongKe_2024-05.zip", "w") as package:
        package.writestr("DS_DongKe_2024-05.xlsx", b"list")
    lines = _check(str(folder), "--output", str(out)).output.splitlines()
    assert (
        lines[-2] == "Chưa nộp (kỳ 05/2024): Đồng Kè (tệp nén DS_DongKe_2024-05.zip chưa giải nén)"
    )
    assert any(s.startswith("[Cảnh báo] DS_DongKe_2024-05.zip (file-skipped)") for s in lines)
    english = _check(str(folder), "--output", str(out), "--lang", "en").output.splitlines()
    assert english[-2] == (
        "Not received (period 05/2024): Đồng Kè (compressed file DS_DongKe_2024-05.zip, not "
        "unpacked)"
    )
    # a hidden copy in its place: named so too; one named for April's list: a bare name
    (folder / "DS_DongKe_2024-05.zip").unlink()
    (folder / ".DS_DongKe_2024-05.xlsx").write_bytes((folder / "BanCo.xlsx").read_bytes())
    lines = _check(str(folder), "--output", str(out)).output.splitlines()
    assert lines[-2] == (
        "Chưa nộp (kỳ 05/2024): Đồng Kè (tệp ẩn .DS_DongKe_2024-05.xlsx chưa được đọc)"
    )
    (folder / ".DS_DongKe_2024-05.xlsx").rename(folder / ".DS_DongKe_2024-04.xlsx")
    lines = _check(str(folder), "--output", str(out)).output.splitlines()
    assert lines[-2] == "Chưa nộp (kỳ 05/2024): Đồng Kè"
