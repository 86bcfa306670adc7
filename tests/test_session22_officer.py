"""Session 22: what an officer finds in the input folder besides the lists (compressed folders)."""

from __future__ import annotations

import re
import shutil
import unicodedata
import zipfile
from pathlib import Path

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.run import collect, execute
from tests.commune import person, write_plan, write_roster

INPUT = Path(__file__).resolve().parents[1] / "input"


def _zip_with_raw_names(path: Path, members: dict[bytes, bytes]) -> Path:
    """A .zip whose member names are the given bytes with the UTF-8 flag left unset, as
    Windows' "Send to compressed folder" and many phone apps write them."""

    class RawName(zipfile.ZipInfo):
        def _encodeFilenameFlags(self):  # the name's bytes as given, no UTF-8 flag
            return self.filename.encode("cp437"), self.flag_bits & ~0x800

    with zipfile.ZipFile(path, "w") as archive:
        for raw, data in members.items():
            archive.writestr(RawName(raw.decode("cp437")), data)
    for info in zipfile.ZipFile(path).infolist():
        assert not info.flag_bits & 0x800
    return path


def test_a_compressed_folder_of_lists_is_named_with_the_spreadsheets_it_holds(tmp_path):
    write_plan(tmp_path)
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    with zipfile.ZipFile(tmp_path / "Danh sach thang 5.zip", "w") as archive:
        for name in ("Xom 3/DS_NaMon.xlsx", "DS_PacCap.xls", "DS_KhauLang.ods", "DS_NaPai.xlsx",
                     "DS_DongKe.xlsm", "DS_ThamRoc.xlsx", "~$DS_NaMon.xlsx", "ghichu.txt"):  # fmt: skip
            archive.writestr(name, b"x")
        archive.writestr("Xom 3/", b"")
    _zip_with_raw_names(tmp_path / "BanPieng.zip", {"Bản Piềng.xlsx".encode(): b"x"})
    (tmp_path / "DS_DongMan.rar").write_bytes(b"Rar!\x1a\x07\x00" + b"\x00" * 40)
    (tmp_path / "hong.zip").write_bytes(b"PK\x03\x04 not a zip at all")

    found = {i.file: i for i in check_files(sorted(tmp_path.iterdir()))}
    # Six spreadsheets, named in sorted order, five shown: the lock file, the text file and
    # the folder are not lists.
    assert found["Danh sach thang 5.zip"].message() == (
        "Tệp nén (.zip): các tệp bên trong không được đọc. Bên trong có: DS_DongKe.xlsm, "
        "DS_KhauLang.ods, DS_NaMon.xlsx, DS_NaPai.xlsx, DS_PacCap.xls và 1 tệp khác. Nếu chưa "
        "giải nén, hãy giải nén vào thư mục đầu vào (nhấp chuột phải vào tệp, chọn Giải nén / "
        "Extract All) rồi chạy lại; nếu đã giải nén rồi, có thể xóa tệp nén."
    )
    assert (
        found["Danh sach thang 5.zip"]
        .message("en")
        .startswith(
            "A compressed file (.zip): the files inside are not read. It holds: DS_DongKe.xlsm, "
            "DS_KhauLang.ods, DS_NaMon.xlsx, DS_NaPai.xlsx, DS_PacCap.xls and 1 more. If it is"
        )
    )
    # A name written in UTF-8 without the flag is shown as written, not as cp437 mojibake.
    assert "Bên trong có: Bản Piềng.xlsx." in found["BanPieng.zip"].message()
    # A .rar cannot be listed, a damaged .zip lists nothing: the advice alone.
    for name, suffix in (("DS_DongMan.rar", ".rar"), ("hong.zip", ".zip")):
        assert (
            found[name]
            .message()
            .startswith(f"Tệp nén ({suffix}): các tệp bên trong không được đọc. Nếu chưa giải nén")
        )
    assert {i.code for i in found.values() if i.file.endswith((".zip", ".rar"))} == {"file-skipped"}
    assert all(found[n].severity == "warning" for n in ("BanPieng.zip", "hong.zip"))

    # A run says the same, and Bản Cọ is consolidated as if the archives were not there.
    result, _ = collect(tmp_path, None, workers=0)
    ran = {i.file: i.message() for i in result.issues if i.code == "file-skipped"}
    assert ran == {name: found[name].message() for name in ran}
    assert sorted(ran) == ["BanPieng.zip", "DS_DongMan.rar", "Danh sach thang 5.zip", "hong.zip"]
    ban_co = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"]) == ("ok", 1)


def test_a_zip_made_by_a_vietnamese_windows_names_its_lists_in_vietnamese(tmp_path):
    """Windows' own "Send to > Compressed (zipped) folder" writes names in the system's code
    page without the UTF-8 flag: on a Vietnamese Windows cp1258, the tone mark a combining
    character after its letter ('Bản' is 'a', 0xD2 for the hook above). They are shown as
    the hamlet head typed them, not as cp437 box-drawing characters."""
    cp1258 = b"DS_Ba\xd2n Pi\xea\xccng.xlsx"  # 'DS_Bản Piềng.xlsx' as that Windows writes it
    assert unicodedata.normalize("NFC", cp1258.decode("cp1258")) == "DS_Bản Piềng.xlsx"
    _zip_with_raw_names(tmp_path / "thang5.zip", {cp1258: b"x", b"DS_NaMon.xlsx": b"x"})
    (found,) = check_files([tmp_path / "thang5.zip"])
    assert "Bên trong có: DS_Bản Piềng.xlsx, DS_NaMon.xlsx." in found.message()
    # A name that is neither UTF-8 nor cp1258 (0x81 has no character there) stays as Python
    # reads it: cp437, the zip format's own.
    _zip_with_raw_names(tmp_path / "khac.zip", {b"M\x81ller.xlsx": b"x"})
    (other,) = check_files([tmp_path / "khac.zip"])
    assert "Bên trong có: Müller.xlsx." in other.message()


def _summary_sections(ws) -> dict[str, int]:
    return {
        str(ws.cell(r, 1).value).split(".")[0]: r
        for r in range(1, ws.max_row + 1)
        if re.match(r"(I|II|III|IV|V)\. ", str(ws.cell(r, 1).value or ""))
    }


def test_a_chart_shares_the_page_section_two_was_pushed_on_to(tmp_path):
    """A hamlet refused and rows left out add two lines to 'Tổng hợp''s headline, so section II
    no longer fits the first page. It used to print alone on page two (three rows) and the
    chart on page three; the chart now follows it on page two, drawn smaller, and section IV
    starts page three. The shipped sample (I and II on page one) keeps its full-page chart."""
    from tests.printed_pages import chart_rows, page_starts, problems

    folder = tmp_path / "input"
    folder.mkdir()
    for path in [INPUT / "KeHoach_2024.xlsx", *sorted(INPUT.glob("DS_*_2024-05.xlsx"))]:
        shutil.copy(path, folder / path.name)
    book = openpyxl.load_workbook(folder / "DS_BanCo_2024-05.xlsx")
    book["Thông tin"]["B4"] = "13/2024"  # no month: Bản Cọ refused
    book.save(folder / "DS_BanCo_2024-05.xlsx")
    book = openpyxl.load_workbook(folder / "DS_KhauLang_2024-05.xlsx")
    book["Danh sách"]["H7"] = "bốn"  # a row left out
    book.save(folder / "DS_KhauLang_2024-05.xlsx")

    for source, full in ((folder, False), (INPUT, True)):
        out = tmp_path / ("out-full" if full else "out")
        result = execute(source, out, "2024-05")[0]
        path = out / "2024-05" / "TongHop_2024-05.xlsx"
        ws = openpyxl.load_workbook(path)["Tổng hợp"]
        sections = _summary_sections(ws)
        [(first, last)] = chart_rows(ws)
        assert first == sections["III"] + 1  # under its title
        note = next(r for r in range(last, ws.max_row + 1) if ws.cell(r, 1).value)
        assert str(ws.cell(note, 1).value).startswith("Toàn xã: tỷ lệ hộ nghèo tháng 5/2024")
        assert problems(ws) == []  # no empty page either
        for starts in page_starts(ws):  # Excel's two estimates and LibreOffice's
            page_of = [sum(s <= r for s in starts) for r in range(ws.max_row + 1)]
            assert page_of[sections["III"]] == page_of[note]
            assert page_of[sections["IV"]] == page_of[note] + 1
            if full:
                assert page_of[sections["II"]] == 1 and page_of[sections["III"]] == 2
            else:
                assert page_of[sections["II"]] == page_of[sections["III"]] == 2
        # 500 pixels from 4 down its first row (60 pixels: its table's header row, 45
        # points): 444 more, 21 rows of 21 pixels (15.75 points) and 3 pixels of a 22nd;
        # the note right under. On its own page the shipped sample's is a row shorter: the
        # two lines naming the hamlets behind their targets print under the note (session
        # 38). A shared page: shorter, 360 pixels at least (14 rows).
        rows = last - first
        assert rows == 21 if full else 14 <= rows < 21
        assert note == last + 1
        behind = [str(ws.cell(note + i, 1).value) for i in (1, 2)]
        assert behind == [
            f"Cả {n}/{n} xóm đã tổng hợp đều chưa đạt chỉ tiêu giảm hộ {kind}."
            for n in [12 if full else 11]
            for kind in ("nghèo", "cận nghèo")
        ]
        for starts in page_starts(ws):
            assert not any(note < s <= note + 2 for s in starts)  # on the note's page
        statuses = {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}
        assert statuses["Bản Cọ"] == ("ok" if full else "rejected")


def test_what_a_zip_holds_is_said_once_in_the_issues_sheet(tmp_path):
    """'nop.zip' holding 'BanCo.xlsx': the row of 'Lỗi dữ liệu' says it in 'Nội dung' ("...
    Bên trong có: BanCo.xlsx. ..."), and its 'Giá trị' is left blank, not " Bên trong có:
    BanCo.xlsx." a second time (the text is shorter than the 40 characters that told an
    explanation from a cell's value). Only this value is left blank, not any short value its
    message quotes: a size written '4,5' stays (tests/test_session29_outputs.py). Session 37's
    README walkthrough, done in session 38."""
    from pipeline.publish import publish

    sent = tmp_path / "sent"
    sent.mkdir()
    write_plan(sent)
    write_roster(sent, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    with zipfile.ZipFile(sent / "nop.zip", "w") as archive:
        archive.writestr("BanCo.xlsx", b"x")
    for lang, held in (("vi", "Bên trong có: BanCo.xlsx."), ("en", "It holds: BanCo.xlsx.")):
        result, _ = collect(sent, None, lang=lang, workers=0)
        book = openpyxl.load_workbook(publish(result, tmp_path / lang)["workbook"])
        sheet = book["Lỗi dữ liệu"]
        [row] = [r for r in sheet.iter_rows(values_only=True) if r[2] == "nop.zip"]
        assert (row[7], row[9]) == (None, "file-skipped")
        assert held in row[10]
