"""Session 50 (helper 11): what the QA of input/ found and left, in the officer's messages.

* a workbook package missing a part, or with a part that stops short of its end, was said
  with the reader's bare word as its technical detail ('workbook', 'Tabelle1',
  'Relationships'), and one without its 'xl/workbook.xml' was called an empty file.
"""

from __future__ import annotations

import zipfile

import pytest

from pipeline.run import collect
from tests.commune import clean_rosters, person, write_plan, write_roster
from tests.summaries import hamlet_figures

FAULT = "tệp hỏng hoặc không do Excel lưu"


def rewrite(path, part, change) -> None:
    """``path``'s zip again with ``part`` changed (``change(bytes)`` -> bytes, None to drop)."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename == part:
                data = change(data)
                if data is None:
                    continue
            target.writestr(info.filename, data)


def _cut_before(closing: bytes):
    def change(data: bytes) -> bytes:
        assert closing in data
        return data[: data.index(closing)]

    return change


# The roster's package as tests.commune writes it: sheet1 'Thông tin', sheet2 'Danh sách'.
PARTS = [
    (
        "xl/workbook.xml",
        None,
        "thiếu phần 'xl/workbook.xml' của tệp Excel: " + FAULT,
        "the part 'xl/workbook.xml' is missing from the Excel file: the file is damaged or "
        "not saved by Excel",
    ),
    (
        "xl/worksheets/sheet2.xml",
        None,
        "thiếu phần chứa trang 'Danh sách' của tệp Excel: " + FAULT,
        "the part holding sheet 'Danh sách' is missing from the Excel file: the file is "
        "damaged or not saved by Excel",
    ),
    (
        "xl/_rels/workbook.xml.rels",
        None,
        "thiếu phần 'xl/_rels/workbook.xml.rels' của tệp Excel: " + FAULT,
        "the part 'xl/_rels/workbook.xml.rels' is missing from the Excel file: the file is "
        "damaged or not saved by Excel",
    ),
    (
        "xl/workbook.xml",
        b"</workbook>",
        "phần 'xl/workbook.xml' của tệp Excel không đọc được đến hết (dừng trong thẻ "
        "<workbook>): " + FAULT,
        "the part 'xl/workbook.xml' of the Excel file cannot be read to its end (it stops "
        "inside <workbook>): the file is damaged or not saved by Excel",
    ),
    (
        "_rels/.rels",
        b"</Relationships>",
        "phần '….rels' của tệp Excel không đọc được đến hết (dừng trong thẻ "
        "<Relationships>): " + FAULT,
        "the part '….rels' of the Excel file cannot be read to its end (it stops inside "
        "<Relationships>): the file is damaged or not saved by Excel",
    ),
    (
        "xl/worksheets/sheet2.xml",
        b"</sheetData>",
        "phần 'xl/worksheets/sheet….xml' của tệp Excel không đọc được đến hết (dừng trong "
        "thẻ <sheetData>): " + FAULT,
        "the part 'xl/worksheets/sheet….xml' of the Excel file cannot be read to its end (it "
        "stops inside <sheetData>): the file is damaged or not saved by Excel",
    ),
]


@pytest.mark.parametrize(
    ("part", "closing", "vi", "en"),
    PARTS,
    ids=[
        "workbook-missing",
        "sheet-missing",
        "rels-missing",
        "workbook-cut",
        "rels-cut",
        "sheet-cut",
    ],
)
def test_a_part_missing_or_cut_short_is_said_in_words(tmp_path, part, closing, vi, en):
    """Nà Mòn's list with one part of its .xlsx package dropped, or cut just before its
    closing tag. Before, the technical detail was the reader's bare word ('workbook',
    'Danh sách', 'Relationships', 'sheetData') or its English ("File not found '…'"), and a
    package without 'xl/workbook.xml' was `file-empty` ("tệp trống"). Now each says which
    part is missing or cannot be read to its end, in both languages; Nà Mòn is rejected
    with the file as before, the others counted."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    path = write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    rewrite(path, part, _cut_before(closing) if closing else lambda data: None)
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.file == "NaMon.xlsx"]
    assert [(i.code, str.__str__(i.detail)) for i in told] == [("file-unreadable", vi)]
    assert told[0].detail.en == en
    assert told[0].message().endswith(f"(Chi tiết kỹ thuật: {vi})")
    assert told[0].message("en").endswith(f"(Technical detail: {en})")
    assert hamlet_figures(result, "Nà Mòn")["status"] == "rejected"
    assert hamlet_figures(result, "Bản Cọ")["status"] == "ok"


def test_a_workbook_whose_sheets_hold_no_value_is_not_called_an_empty_file(tmp_path):
    """Nà Mòn's file a workbook of two sheets ('Sheet1' with a width and a style set, 'Sheet2'),
    no value in any cell. Before, `file-empty` said "tệp trống, hoặc sao chép / tải về chưa
    xong": untrue of a whole file that opens in Excel. Now it says the file has sheets and no
    value (a template not filled in, or the wrong file); to the head in their own words."""
    import openpyxl

    from schemas.issues import CATALOGUE

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.active.column_dimensions["A"].width = 30
    book.active["A1"].font = openpyxl.styles.Font(bold=True)
    book.create_sheet("Sheet2")
    book.save(tmp_path / "NaMon.xlsx")
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.file == "NaMon.xlsx"]
    assert [(i.code, i.variant) for i in told] == [("file-empty", "no-values")]
    assert told[0].message() == (
        "Tệp có trang tính nhưng không ô nào có dữ liệu (có lẽ là mẫu chưa điền, hoặc gửi "
        "nhầm tệp). Hãy nhờ trưởng xóm gửi lại tệp đã điền danh sách hộ."
    )
    assert "chưa xong" not in told[0].message()
    assert "not fully copied" not in told[0].message("en")
    head = CATALOGUE["file-empty"].head_variant("no-values")
    assert (
        CATALOGUE["file-empty"]
        .template("vi", head)
        .startswith("Tệp xã nhận được có trang tính nhưng không ô nào có dữ liệu")
    )
    assert hamlet_figures(result, "Nà Mòn")["status"] == "rejected"


def test_a_file_of_no_byte_is_still_said_empty_or_cut_short(tmp_path):
    """A zero-byte NaMon.xlsx keeps the plain `file-empty` words (tệp trống, hoặc sao chép /
    tải về chưa xong): true of it."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    (tmp_path / "NaMon.xlsx").write_bytes(b"")
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.file == "NaMon.xlsx"]
    assert [(i.code, i.variant) for i in told] == [("file-empty", "")]
    assert "tệp trống, hoặc sao chép / tải về chưa xong" in told[0].message()


# circled 1–50: '①'…'⑳' then '㉑'…'㉟', '㊱'…'㊿'; negative circled '❶'…'❿', '⓫'…'⓴', then those
BEYOND_20 = "".join(map(chr, range(0x3251, 0x3260))) + "".join(map(chr, range(0x32B1, 0x32C0)))
CIRCLED = "".join(map(chr, range(0x2460, 0x2474))) + BEYOND_20
NEGATIVE = "".join(map(chr, range(0x2776, 0x2780))) + "".join(map(chr, range(0x24EB, 0x24F5)))


@pytest.mark.parametrize("numbers", [CIRCLED, NEGATIVE + BEYOND_20], ids=["circled", "negative"])
def test_a_column_number_row_in_circled_digits_is_no_household(tmp_path, numbers):
    """Nà Mòn's list (NM1 poor, NM2 near-poor, of 102) with a row under its header numbering
    each column '① | ② | ③ | …' (or '❶ | ❷ | …'). Before, the row folded to nothing, was not
    known as the column numbers and was read as a household with an error in most cells
    (left out of the counts, said on 'Lỗi dữ liệu'). Now it is the column-number row, as
    '1 | 2 | 3' is: no error on the file, 1 poor and 1 near-poor of 102."""
    from tests.test_typed_by_hand import commune, edit_list

    path = commune(tmp_path, [person("NM1", "poor"), person("NM2", "near_poor")])

    def number(ws) -> None:
        assert ws.cell(4, 2).value  # the header is row 4, the households from row 5
        ws.insert_rows(5)
        last = max(c.column for c in ws[4] if c.value not in (None, ""))
        for col in range(1, last + 1):
            ws.cell(5, col, numbers[col - 1])

    edit_list(path, number)
    result, _ = collect(tmp_path, None, workers=0)
    said = [i for i in result.issues if i.file == "NaMon.xlsx"]
    assert [(i.code, i.cell) for i in said if i.severity == "error" or i.cell] == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert na_mon["status"] == "ok"
    assert (na_mon["households"], na_mon["poor"], na_mon["near_poor"]) == (102, 1, 1)


def test_a_list_named_with_a_leading_dot_is_said_skipped(tmp_path):
    """Đồng Kè's list saved as '.DongKe_05.xlsx' (a name a sync tool or a Mac gives: hidden
    there), beside the May lists; a Mac's '._BanCo.xlsx' and a sync tool's '.NaMon.xlsx'
    beside 'NaMon.xlsx' too. Before, '.DongKe_05.xlsx' was skipped as a system file without a
    word, Đồng Kè "chưa nộp" with no hint. Now it is said skipped, why, and to rename it
    'DongKe_05.xlsx'; the other two stay silent; Đồng Kè still not sent; `check` alike."""
    from pipeline.checkfiles import check_files

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    write_roster(tmp_path, ".DongKe_05.xlsx", "Đồng Kè", 150, [person("DK1", "poor")])
    (tmp_path / "._BanCo.xlsx").write_bytes(b"\x00\x05\x16\x07" + bytes(60))
    (tmp_path / ".NaMon.xlsx").write_bytes((tmp_path / "NaMon.xlsx").read_bytes())
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.file.startswith(".")]
    assert [(i.file, i.code, i.severity, i.variant) for i in told] == [
        (".DongKe_05.xlsx", "file-skipped", "warning", "hidden")
    ]
    assert told[0].message() == (
        "Bỏ qua tệp ẩn: tên tệp bắt đầu bằng dấu chấm (thường do phần mềm đồng bộ hoặc máy Mac "
        "đặt) nên không được đọc. Nếu đây là danh sách của xóm, hãy đổi tên tệp bỏ dấu chấm ở "
        "đầu (thành 'DongKe_05.xlsx') rồi chạy lại; nếu không, có thể xóa tệp."
    )
    assert told[0].message("en").startswith("Skipped a hidden file: its name starts with a dot")
    assert hamlet_figures(result, "Đồng Kè")["status"] == "missing"
    assert hamlet_figures(result, "Nà Mòn")["status"] == "ok"
    files = sorted(tmp_path.glob("*.xlsx"), key=lambda p: p.name)
    checked = [i for i in check_files(files) if i.file.startswith(".")]
    assert [(i.file, i.message()) for i in checked] == [(".DongKe_05.xlsx", told[0].message())]


def reporting_rows(folder, lang="vi") -> dict[str, tuple]:
    """The rows of 'Nộp báo cáo' by hamlet, the commune in ``folder`` run and published."""
    import openpyxl

    from pipeline.publish import publish

    result, _ = collect(folder, None, workers=0, lang=lang)
    written = publish(result, folder.parent / f"out_{lang}")
    sheet = openpyxl.load_workbook(written["workbook"])["Nộp báo cáo"]
    return {r[1]: r for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)}


@pytest.mark.parametrize(
    ("name", "vi", "en"),
    [
        (
            "DS_DongKe_2024-05.xlsx - Shortcut.lnk",
            "Chưa nộp: chỉ có lối tắt (shortcut) mang tên xóm, không phải chính danh sách (xem "
            "trang 'Lỗi dữ liệu')",
            "Not submitted: only a shortcut named for the hamlet, not the list itself (see sheet "
            "'Lỗi dữ liệu')",
        ),
        (
            "DS_DongKe_2024-05.url",
            "Chưa nộp: chỉ có lối tắt (shortcut) mang tên xóm, không phải chính danh sách (xem "
            "trang 'Lỗi dữ liệu')",
            "Not submitted: only a shortcut named for the hamlet, not the list itself (see sheet "
            "'Lỗi dữ liệu')",
        ),
        (
            ".DS_DongKe_2024-05.xlsx",
            "Chưa nộp: có tệp ẩn mang tên xóm, chưa được đọc (xem trang 'Lỗi dữ liệu')",
            "Not submitted: a hidden file named for the hamlet, not read (see sheet 'Lỗi dữ liệu')",
        ),
    ],
    ids=["lnk", "url", "hidden"],
)
def test_a_shortcut_or_hidden_file_named_for_a_hamlet_is_said_on_its_line(tmp_path, name, vi, en):
    """Đồng Kè sent nothing but a shortcut to its list (a Windows .lnk, an Internet .url) or
    its list named with a leading dot. Before, its line on 'Nộp báo cáo' was a bare "Chưa
    nộp", the file said only among the skipped ones on 'Lỗi dữ liệu'. Now the line says what
    was found, and names the file; no row counted. Nà Mòn and Bản Cọ as before."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    if name.startswith("."):
        write_roster(folder, name, "Đồng Kè", 150, [person("DK1", "poor")])
    elif name.endswith(".url"):
        (folder / name).write_text("[InternetShortcut]\r\nURL=https://drive.example/DK\r\n")
    else:
        (folder / name).write_bytes(b"L\x00\x00\x00\x01\x14\x02\x00" + bytes(68))
    rows = reporting_rows(folder)
    assert rows["Đồng Kè"][2:6] == (vi, name, None, None)
    assert rows["Nà Mòn"][2:4] == ("Hợp lệ", "NaMon.xlsx")
    assert reporting_rows(folder, "en")["Đồng Kè"][2] == en


def test_a_shortcut_named_for_a_hamlet_that_sent_its_list_is_not_said_on_its_line(tmp_path):
    """Nà Mòn sent its list and a shortcut 'NaMon.xlsx - Shortcut.lnk' beside it: its line is
    about the list counted, not the shortcut."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    (folder / "NaMon.xlsx - Shortcut.lnk").write_bytes(b"L\x00\x00\x00\x01\x14\x02\x00")
    rows = reporting_rows(folder)
    assert rows["Nà Mòn"][2:4] == ("Hợp lệ", "NaMon.xlsx")
    assert rows["Đồng Kè"][2:4] == ("Chưa nộp", None)


def test_an_internet_shortcut_is_told_as_a_shortcut(tmp_path):
    """'DS_DongKe_2024-05.url' (an Internet shortcut, to a shared drive's list): before, "Bỏ
    qua tệp không phải bảng tính (.url). Nếu đây là danh sách hộ, hãy lưu lại dạng .xlsx.",
    advice it cannot follow; now the words of a shortcut (.lnk), its list to be copied."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    (tmp_path / "DS_DongKe_2024-05.url").write_text("[InternetShortcut]\r\nURL=https://x/DK\r\n")
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.file == "DS_DongKe_2024-05.url"]
    assert [(i.code, i.variant, i.detail) for i in told] == [("file-skipped", "shortcut", ".url")]
    assert (
        told[0]
        .message()
        .startswith("Đây là lối tắt (shortcut) tới một tệp, không phải chính tệp đó (.url): ")
    )


def test_an_xlsb_missing_its_workbook_part_is_said_in_words():
    """The reader's words for an .xlsb without 'xl/workbook.bin' (the corpus's
    sheetjs-test_files/wtf_path.xlsb): "File not found: 'xl/workbook.bin'", with a colon the .xlsx
    reader's words lack. Before, left in English; now said as every missing part is."""
    import python_calamine

    from pipeline.read import describe_error

    said = describe_error(python_calamine.CalamineError("File not found: 'xl/workbook.bin'"))
    assert str.__str__(said) == "thiếu phần 'xl/workbook.bin' của tệp Excel: " + FAULT
    assert said.en == (
        "the part 'xl/workbook.bin' is missing from the Excel file: the file is damaged or not "
        "saved by Excel"
    )
