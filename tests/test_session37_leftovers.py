"""Session 37: what a hamlet head's round trip (session 36) left: the feedback copy printing the
blank template's empty rows, a head's name typed after '=' as text, a 'Thông tin' value typed
after '=' and saved as a formula without a value; and a hamlet named with an apostrophe, a kind
of DOMAIN §5.2's mess no test fed (docs/decisions.md)."""

from __future__ import annotations

import json

import openpyxl
import pytest

from pipeline.run import collect, execute
from tests.commune import BLANK_KEYS as KEYS
from tests.commune import filled_blank, person, write_plan, write_roster
from tests.printed_pages import page_starts
from tests.test_session23_rows import MAY

PHAN_HOI = ("ra", "2024-05", "PhanHoi", "Nà Mòn_2024-05.xlsx")


def _blank_filled_and_copied(tmp_path, households: int, far: int | None = None):
    """The blank roster (`giamngheo template`: rows 5-104 empty, the signature in rows 106-108)
    filled in with NM1 … NMn poor from row 5, NM1's size 'bốn' (an error, so the head gets a
    feedback copy), and the list sheet copied as 'Danh sách (2)' (as Excel's "Move or Copy"
    names it), and one more household in row ``far`` if given; run; the feedback workbook."""
    folder, book, ws = filled_blank(tmp_path, households)
    if far is not None:
        household = person(f"NM{households + 1}", "poor")
        for col, key in enumerate(KEYS, start=1):
            ws.cell(far, col, households + 1 if key == "stt" else household[key])
    ws["H5"] = "bốn"
    book.copy_worksheet(ws).title = "Danh sách (2)"
    book.save(folder / "NaMon.xlsx")
    result = execute(folder, tmp_path / "ra", "2024-05")[0]
    return result, openpyxl.load_workbook(tmp_path.joinpath(*PHAN_HOI))


def test_the_copy_prints_no_page_of_the_blank_template_s_empty_rows(tmp_path):
    """Nine households (rows 5-13) in the blank template, the list sheet copied as 'Danh sách
    (2)' (said: sheet-copy-not-read, so the copy is in the feedback workbook too). Under the
    households, 92 empty rows (14-105) before the signature (106-108): 92 × 15.75 pt =
    1449 pt, more than a printed page of the copy (533.36 pt at most, see
    test_session36_round_trip), so both copies print rows 1-13 only: one page down. Before,
    each printed rows 1-108, its empty rows over pages of their own. No row is hidden (the
    copy is the workbook the head corrects), the signature still in row 106."""
    result, book = _blank_filled_and_copied(tmp_path, 9)
    assert [i.sheet for i in result.issues if i.code == "sheet-copy-not-read"] == ["Danh sách (2)"]
    for name in ("Danh sách", "Danh sách (2)"):
        ws = book[name]
        assert ws.print_area == f"'{name}'!$A$1:$Z$13"
        assert [starts[0] for starts in page_starts(ws)] == [1] * len(page_starts(ws))
        assert all(len(starts) == 1 for starts in page_starts(ws))
        assert not any(ws.row_dimensions[r].hidden for r in range(1, 109))
        assert (ws["B13"].value, ws["B14"].value) == ("NM9", None)
        assert ws["R106"].value == "Ngày … tháng … năm …"


def test_a_list_filling_the_template_still_prints_its_signature(tmp_path):
    """Eighty households (rows 5-84): 21 empty rows (85-105) under them, 330.75 pt, less than
    a page: no print area, the signature prints with the list as before."""
    _, book = _blank_filled_and_copied(tmp_path, 80)
    assert not book["Danh sách"].print_area


def test_a_household_written_far_below_the_others_still_prints(tmp_path):
    """Nine households in rows 5-13 and a tenth, NM10, in row 100 (86 empty rows between, more
    than a page; 5 empty rows under it, then the signature in rows 106-108): NM10 is read and
    counted (NM1 left out for its size: 9 poor), and prints: the copy of the list has no print
    area (no run of empty rows as tall as a page under NM10), nor has the copy of the sheet
    not read (row 100 holds numbers, a household's STT and birth year: no signature).
    Written in row 60 instead, NM10 has 45 empty rows and the signature under it: both copies
    print rows 1-60."""
    result, book = _blank_filled_and_copied(tmp_path, 9, far=100)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert na_mon["poor"] == 9
    assert [book[n].print_area for n in ("Danh sách", "Danh sách (2)")] == ["", ""]
    _, book = _blank_filled_and_copied(tmp_path / "60", 9, far=60)
    assert [book[n].print_area for n in ("Danh sách", "Danh sách (2)")] == [
        "'Danh sách'!$A$1:$Z$60",
        "'Danh sách (2)'!$A$1:$Z$60",
    ]


def _na_mon(tmp_path, names: dict[str, str]):
    """Nà Mòn's May list (MAY: NM1 poor, NM2 near-poor, NM3 'Thoát', NM4 near-poor, NM5 and NM6
    poor, rows 5-10, the head's name in C) with some heads' names as typed (code -> name, text
    cells); run: the result and the output folder."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    rows = [person(c, s, **({"chu_ho": names[c]} if c in names else {})) for c, s in MAY]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    return execute(folder, tmp_path / "ra", "2024-05")[0], tmp_path / "ra" / "2024-05"


def test_a_name_typed_after_an_equals_sign_as_text_is_said_and_posted_without_it(tmp_path):
    """NM5's name typed '=Đinh Thị Nhung' in a text cell (C9; "'=Đinh Thị Nhung" in Excel):
    a warning at C9 saying to delete the '=', the household counted (3 poor, 2 near-poor, as
    the clean list); the lists of TongHop and the feedback copy keep the text as written, a
    string; the posted list (NiemYet) shows 'Đinh Thị Nhung'. NM1's '=1+1' and NM6's '=Hoàng
    Văn NM6' (an operator, digits: perhaps meant so) are kept, posted as written, said
    nothing. Before, '=Đinh Thị Nhung' was posted so in the meeting house, nothing said."""
    result, out = _na_mon(tmp_path, {"NM5": "=Đinh Thị Nhung", "NM1": "=1+1",
                                     "NM6": "=Hoàng Văn NM6"})  # fmt: skip
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    said = [i for i in result.issues if i.code == "leading-equals-sign"]
    assert [(i.cell, i.value, i.detail, i.severity) for i in said] == [
        ("C9", "=Đinh Thị Nhung", "Đinh Thị Nhung", "warning")
    ]
    assert said[0].message("vi") == (
        "'Họ và tên chủ hộ' ghi '=Đinh Thị Nhung': dấu '=' ở đầu tên có lẽ gõ nhầm; hộ vẫn được "
        "tính, danh sách niêm yết ghi tên là 'Đinh Thị Nhung'. Hãy xóa dấu '=' ở đầu ô để ô ghi "
        "'Đinh Thị Nhung'."
    )
    assert said[0].message("en") == (
        "'Họ và tên chủ hộ' holds '=Đinh Thị Nhung': the '=' before the name is most likely a "
        "typing slip; the household is counted, and the posted list shows the name 'Đinh Thị "
        "Nhung'. Delete the '=' at the start of the cell, so that it reads 'Đinh Thị Nhung'."
    )
    posted = openpyxl.load_workbook(out / "NiemYet_2024-05.xlsx")["Nà Mòn"]
    names = [
        (c.value, c.data_type)
        for row in posted.iter_rows()
        for c in row
        if isinstance(c.value, str) and (c.value[:1] == "=" or "Nhung" in c.value)
    ]
    # poor in the list's order: NM1, NM5, NM6
    assert names == [("=1+1", "s"), ("Đinh Thị Nhung", "s"), ("=Hoàng Văn NM6", "s")]
    listed = openpyxl.load_workbook(out / "TongHop_2024-05.xlsx")["DS hộ nghèo"]
    assert ("=Đinh Thị Nhung", "s") in [(c.value, c.data_type) for row in listed.iter_rows()
                                        for c in row]  # fmt: skip
    copy = openpyxl.load_workbook(out / "PhanHoi" / "Nà Mòn_2024-05.xlsx")["Danh sách"]
    assert (copy["C9"].value, copy["C9"].data_type) == ("=Đinh Thị Nhung", "s")


# DOMAIN §5.2 "Names": apostrophes vary in place names, one real system stripped the one of 'Ea
# T'Ling'. The plan names the hamlet with a straight apostrophe; the lists as heads write it.
@pytest.mark.parametrize("written", ["Ea T'Ling", "Ea T\u2019Ling", "EA TLING", "Thôn Ea Tling"])
def test_a_hamlet_named_with_an_apostrophe_is_found_however_the_list_writes_it(tmp_path, written):
    """The small commune with Đồng Kè renamed 'Ea T'Ling' in the plan (150 households; its start
    list EA1 poor, EA2 near-poor). Its head fills the blank template (`giamngheo template`)
    writing the hamlet ``written`` in 'Xóm': EA1 poor, EA2 near-poor, EA3 poor (new); the officer
    runs `giamngheo run`. Counted under the plan's name: 2 poor, 1 near-poor (2/150 = 1.33 %);
    poor movements 1 + 1 new = 2; the posted list has a sheet 'Ea T'Ling'. Before, 'EA TLING'
    and 'Thôn Ea Tling' refused the list (unknown-hamlet: folding made the apostrophe a
    space, 'ea t ling' against 'ea tling')."""
    from pipeline.template import write_plan_workbook
    from tests.commune import PLAN_INFO, plan_hamlets
    from tests.runner import run_cli

    folder = tmp_path / "vao"
    folder.mkdir()
    hamlets = [dict(h, hamlet="Ea T'Ling") if h["hamlet"] == "Đồng Kè" else h
               for h in plan_hamlets()]  # fmt: skip
    start = [dict(person("EA1", "poor"), hamlet="Ea T'Ling", stt=1),
             dict(person("EA2", "near_poor"), hamlet="Ea T'Ling", stt=2)]  # fmt: skip
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)
    done = run_cli("template", "--output", str(tmp_path / "mau"))
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(tmp_path / "mau" / "MauDanhSachHo.xlsx")
    for row, value in ((2, "Trung Lương"), (3, written), (4, "05/2024"), (5, 150),
                       (6, "Y Bhim"), (7, "03/06/2024")):  # fmt: skip
        book["Thông tin"].cell(row, 2, value)
    for i, status in enumerate(("poor", "near_poor", "poor"), start=1):
        household = person(f"EA{i}", status)
        for col, key in enumerate(KEYS, start=1):
            book["Danh sách"].cell(4 + i, col, i if key == "stt" else household[key])
    book.save(folder / "DS_EaTLing_T5.xlsx")
    done = run_cli("run", "--input", str(folder), "--output", str(tmp_path / "ra"), "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    summary = json.loads((tmp_path / "ra" / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    [hamlet] = [h for h in summary["hamlets"] if h["hamlet"] == "Ea T'Ling"]
    assert (hamlet["status"], hamlet["poor"], hamlet["near_poor"]) == ("ok", 2, 1)
    assert hamlet["poor_rate"] == pytest.approx(2 / 150 * 100)
    moves = hamlet["movements"]["poor"]
    assert (moves["start"], moves["new"], moves["exited"], moves["end"]) == (1, 1, 0, 2)
    posted = openpyxl.load_workbook(tmp_path / "ra" / "2024-05" / "NiemYet_2024-05.xlsx")
    assert "Ea T'Ling" in posted.sheetnames


def info_formulas(tmp_path, cells: dict[str, str], title: str | None = None, name="NaMon.xlsx"):
    """Nà Mòn's May list (3 poor, 2 near-poor; Bản Cọ's beside it) with 'Thông tin' cells (B1 'Loại biểu', B2 'Xã',
    B3 'Xóm', B4 'Kỳ báo cáo', B5 'Tổng số hộ dân cư', B6 'Người lập', B7 'Ngày lập') given
    formulas saved without a value (openpyxl keeps none), the list's title replaced by
    ``title``; read: Nà Mòn's figures and its file's issues (code, cell, variant, message)."""
    folder = tmp_path / "vao"
    folder.mkdir(parents=True)
    write_plan(folder)
    roster = write_roster(folder, name, "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    book = openpyxl.load_workbook(roster)
    for ref, formula in cells.items():
        book["Thông tin"][ref] = formula
    if title is not None:
        book["Danh sách"]["A1"] = title
    book.save(roster)
    result, _ = collect(folder, None)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    said = [(i.code, i.cell, i.variant, i.message("vi")) for i in result.issues if i.file == name]
    return na_mon, said


FORMULA_TYPED = ("Ô {cell} ('{column}') trong trang 'Thông tin' ghi '={text}': dấu '=' ở đầu ô "
                 "làm chương trình coi chữ này là công thức, nên ô không có giá trị; ")  # fmt: skip


def test_info_values_typed_after_an_equals_sign_and_saved_as_formulas_are_said(tmp_path):
    """'=Nà Mòn' in 'Xóm' (B3), '=05/2024' in 'Kỳ báo cáo' (B4), '=Lường Thị Mai' in 'Người
    lập' (B6), saved as formulas without a value: the hamlet and month are taken from the title
    ('… XÓM NÀ MÒN – THÁNG 5/2024'), the list counted (3 poor, 2 near-poor), and each cell is
    said, a warning telling what was made of it and to delete the '='. Before, nothing was
    said: the head never learnt that the cells hold no value (Excel shows '#NAME?' in B3)."""
    na_mon, said = info_formulas(tmp_path, {"B3": "=Nà Mòn", "B4": "=05/2024",
                                             "B6": "=Lường Thị Mai"})  # fmt: skip
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 2)
    assert said == [
        ("info-formula-skipped", "B3", "typed",
         FORMULA_TYPED.format(cell="B3", column="Xóm", text="Nà Mòn")
         + "đã lấy 'Nà Mòn' từ tiêu đề của danh sách. Hãy xóa dấu '=' ở đầu ô để ô ghi 'Nà Mòn'."),
        ("info-formula-skipped", "B4", "typed",
         FORMULA_TYPED.format(cell="B4", column="Kỳ báo cáo", text="05/2024")
         + "đã lấy '05/2024' từ tiêu đề của danh sách. Hãy xóa dấu '=' ở đầu ô để ô ghi "
         "'05/2024'."),
        ("info-formula-skipped", "B6", "typed",
         FORMULA_TYPED.format(cell="B6", column="Người lập", text="Lường Thị Mai")
         + "coi như danh sách không ghi người lập. Hãy xóa dấu '=' ở đầu ô để ô ghi 'Lường Thị "
         "Mai'."),
    ]  # fmt: skip


def test_a_hamlet_typed_after_an_equals_sign_that_nothing_else_names_is_told_what_to_write(
    tmp_path,
):
    """'=Nà Mòn' in 'Xóm' (B3) saved without a value, the title naming no hamlet and the file
    named 'DanhSach.xlsx': the list is refused (the hamlet unknown), told at B3 to delete the
    '=' and send it again. Before: "open the file in Excel, press Save and send it again",
    after which Excel shows '#NAME?' there: a second send to learn what to write. A total
    '=102' (B5, a sum Excel works out) keeps "open in Excel and save"."""
    na_mon, said = info_formulas(tmp_path, {"B3": "=Nà Mòn"}, "DANH SÁCH HỘ NGHÈO", "DanhSach.xlsx")
    assert na_mon["status"] == "missing"
    assert said == [
        ("info-formula-without-value", "B3", "typed",
         FORMULA_TYPED.format(cell="B3", column="Xóm", text="Nà Mòn").replace(
             "; ", " và không đọc được. ")
         + "Hãy xóa dấu '=' ở đầu ô để ô ghi 'Nà Mòn', rồi gửi lại."),
    ]  # fmt: skip
    _, said = info_formulas(tmp_path / "tong", {"B5": "=102"})
    assert [(code, cell, variant) for code, cell, variant, _ in said] == [
        ("info-formula-without-value", "B5", "")
    ]
    assert said[0][3].endswith("Hãy mở tệp bằng Excel, nhấn Lưu rồi gửi lại.")


def test_the_guide_shows_the_formula_typed_after_an_equals_sign_as_the_value_written(tmp_path):
    """The feedback guide's 'Giá trị đã ghi' (F) of 'Xóm' '=Nà Mòn' (B3, taken from the title)
    and of NM5's name '=Đinh Thị Nhung' (C9, a formula: NM5 not counted), both saved without a
    value: the formula, as the copy shows it and the message quotes it. It was empty (the cell
    read as blank), beside a message quoting '=Nà Mòn'."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    book["Thông tin"]["B3"] = "=Nà Mòn"
    book["Danh sách"]["C9"] = "=Đinh Thị Nhung"
    book.save(roster)
    execute(folder, tmp_path / "ra", "2024-05")
    guide = openpyxl.load_workbook(tmp_path.joinpath(*PHAN_HOI))["Hướng dẫn sửa"]
    rows = [[c.value for c in row] for row in guide.iter_rows()]
    header = next(i for i, row in enumerate(rows) if "Giá trị đã ghi" in row)
    at, value = rows[header].index("Ô"), rows[header].index("Giá trị đã ghi")
    shown = {row[at]: row[value] for row in rows[header + 1 :] if row[at]}
    assert (shown["B3"], shown["C9"]) == ("=Nà Mòn", "=Đinh Thị Nhung")


def test_a_template_list_typed_in_tcvn3_with_its_titles_in_a_capitals_font_counts(tmp_path):
    """DOMAIN §5.2: '.VnTimeH' draws lower-case TCVN3 bytes as capitals; only the decoder's unit
    tests fed it. The blank template (`giamngheo template`) filled with Nà Mòn's May list (NM1,
    NM5, NM6 poor; NM2, NM4 near-poor; NM3 'Thoát'), every text re-typed in TCVN3: the title
    rows, the header and the 'Xã' and 'Xóm' values in lower case in '.VnTimeH' ('nµ mßn'), the
    rest in '.VnTime'; `giamngheo run`: the hamlet found, 3 poor and 2 near-poor, the names
    posted as typed ('Hoàng Văn NM1', not in capitals), each sheet said decoded. Nothing to
    fix was found."""
    from openpyxl.styles import Font

    from pipeline import legacy
    from tests.runner import run_cli

    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    assert run_cli("template", "--output", str(tmp_path / "mau")).returncode == 0
    book = openpyxl.load_workbook(tmp_path / "mau" / "MauDanhSachHo.xlsx")
    info, ws = book["Thông tin"], book["Danh sách"]
    for row, value in ((2, "Trung Lương"), (3, "Nà Mòn"), (4, "05/2024"), (5, 102),
                       (6, "Lường Thị Mai"), (7, "03/06/2024")):  # fmt: skip
        info.cell(row, 2, value)
    for i, (code, status) in enumerate(MAY, start=1):
        household = person(code, status)
        for col, key in enumerate(KEYS, start=1):
            ws.cell(4 + i, col, i if key == "stt" else household[key])
    capitals = {(ws.title, row) for row in (1, 2, 4)} | {(info.title, 2), (info.title, 3)}
    for sheet in (info, ws):
        for cell in (c for row in sheet.iter_rows() for c in row if c.data_type == "s"):
            if (sheet.title, cell.row) in capitals and (sheet is ws or cell.column == 2):
                cell.value = legacy.encode(cell.value.lower(), "tcvn3")
                cell.font = Font(name=".VnTimeH", bold=True)
            else:
                cell.value, cell.font = legacy.encode(cell.value, "tcvn3"), Font(name=".VnTime")
    assert info["B3"].value == "nµ mßn"
    book.save(folder / "NaMon_T5.xlsx")
    done = run_cli("run", "--input", str(folder), "--output", str(tmp_path / "ra"), "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    out = tmp_path / "ra" / "2024-05"
    summary = json.loads((out / "TongHop_2024-05.json").read_text("utf-8"))
    [na_mon] = [h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 2)
    posted = openpyxl.load_workbook(out / "NiemYet_2024-05.xlsx")["Nà Mòn"]
    names = [r[2] for r in posted.iter_rows(values_only=True) if r[1] in ("NM1", "NM2")]
    assert names == ["Hoàng Văn NM1", "Hoàng Văn NM2"]
    issues = openpyxl.load_workbook(out / "TongHop_2024-05.xlsx")["Lỗi dữ liệu"]
    decoded = [r[3] for r in issues.iter_rows(values_only=True) if "legacy-text-decoded" in r]
    assert decoded == ["Danh sách", "Thông tin"]
