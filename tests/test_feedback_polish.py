"""Session 17: what last session's renders showed. A feedback copy cut a head's name of more than
about 45 letters at the next column (it now wraps, its row as tall as its lines); a list refused
before the run looked for its 'Thông tin' said "Số cảnh báo: 0" beside the added sheet's yellow
Người lập and Ngày lập (that warning is now said and counted, as for every other list without the
sheet); 'Theo xóm''s 'Đạt' columns only just held "Chưa đạt (**)" (now 13 wide). Figures worked
out by hand from tests/commune.py."""

from __future__ import annotations

import json

import openpyxl

from pipeline.publish import publish
from pipeline.report.cells import CHARS_PER_WIDTH, wrapped_lines
from pipeline.report.feedback import GUIDE_SHEET
from pipeline.report.hamlets import N_MET, P_MET, WIDTHS
from pipeline.report.styles import LIBREOFFICE_WIDTH, column_pixels
from pipeline.run import collect, execute
from tests import messy
from tests.commune import person, write_plan, write_roster

RED = "FFFFC7CE"
YELLOW = "FFFFEB9C"
# 65 letters: the name, as written, is cut after "Phương Thảo Minh" at a width of 40
LONG_NAME = "Nguyễn Thị Hoàng Bảo Ngọc Phương Thảo Minh Châu Lan Anh Diệu Linh"
# 108 letters, five causes of the list: three lines of at most 44
LONG_CAUSES = (
    "Thiếu đất sản xuất; Thiếu vốn; Thiếu lao động; Thiếu công cụ, phương tiện sản xuất; "
    "Thiếu kiến thức sản xuất"
)


def _guide(wb: openpyxl.Workbook) -> tuple[dict, list[tuple]]:
    """The guide's labelled lines (label -> (value, note)) and its issue rows."""
    rows = list(wb[GUIDE_SHEET].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[:3] == ("STT", "Trang", "Ô"))
    labelled = {r[0]: (r[3], r[4]) for r in rows[:head] if r[0]}
    return labelled, [r for r in rows[head + 1 :] if r[0] is not None]


# --- 1. long texts in a feedback copy -----------------------------------------------------------


def test_a_long_name_in_a_feedback_copy_wraps_in_a_row_as_tall_as_its_lines(tmp_path):
    """Nà Mòn's May list: NM1's head has a 65-letter name, NM3's causes are 108 letters, NM2's
    birth year '85' is an error (so the list gets a feedback workbook). In the copy the name
    column, like the causes', is as wide as a copy's column gets (40), so both texts wrap:
    the name on 2 lines of at most 44 letters (30 pt), the causes on 3 (45 pt); the other
    rows keep their default height and no wrapping. The cells hold the texts whole."""
    (tmp_path / "in").mkdir()
    write_plan(tmp_path / "in")
    write_roster(tmp_path / "in", "NaMon.xlsx", "Nà Mòn", 100, [
        person("NM1", "poor", chu_ho=LONG_NAME), person("NM2", "poor", nam_sinh=85),
        person("NM3", "poor", nguyen_nhan=LONG_CAUSES),
        person("NM4", "near_poor"), person("NM5", "near_poor"),
    ])  # fmt: skip
    result, _ = collect(tmp_path / "in", None)
    [path] = publish(result, tmp_path / "out")["feedback"]
    ws = openpyxl.load_workbook(path)["Danh sách"]
    name = next(c for row in ws.iter_rows() for c in row if c.value == LONG_NAME)
    causes = next(c for row in ws.iter_rows() for c in row if c.value == LONG_CAUSES)
    assert ws.column_dimensions[name.column_letter].width == 40.7109375  # 40, as written
    assert ws.column_dimensions[causes.column_letter].width == 40.7109375
    assert (name.alignment.wrap_text, causes.alignment.wrap_text) == (True, True)
    assert wrapped_lines([(LONG_NAME, 40)]) == 2 and wrapped_lines([(LONG_CAUSES, 40)]) == 3
    assert ws.row_dimensions[name.row].height == 30
    assert ws.row_dimensions[causes.row].height == 45
    assert causes.row == name.row + 2
    other = name.row + 1  # NM2: its short name neither wraps nor raises its row
    assert ws.cell(other, name.column).value == "Hoàng Văn NM2"
    assert not ws.cell(other, name.column).alignment.wrap_text
    # one line: since session 26 written at 15.75 pt (ROW_HEIGHT_PT), so that Excel and
    # LibreOffice break the pages at the same rows (the signature kept with the table)
    assert ws.row_dimensions[other].height == 15.75
    assert ws.cell(other, name.column - 1).value == "NM2"


# --- 2. a refused list without 'Thông tin': counts and colours ---------------------------------


def test_a_list_refused_for_its_hamlet_without_info_counts_the_warning_its_yellow_cells_show(
    tmp_path,
):
    """Bản Cọ's list without 'Thông tin', its title naming hamlet 'Lạ Lùng' (not in the plan),
    file name 'DS.xlsx': refused for unknown-hamlet before the run looks for 'Thông tin', so the
    run says no missing-info-sheet (nor does the JSON). Its feedback adds 'Thông tin' with B3
    (the hamlet) and B5 (the total, unknown) red, B6 and B7 (Người lập, Ngày lập) yellow. It
    said "Số cảnh báo: 0" beside them; it now counts 1 warning, the missing-info-sheet one,
    linked to B6 (the first yellow cell), saying what was taken (the hamlet and period from the
    title, no total: the plan has no such hamlet)."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor"),
    ])  # fmt: skip
    messy.ban_co_no_info(
        tmp_path,
        "DS.xlsx",
        title=("DANH SÁCH HỘ NGHÈO xóm Lạ Lùng - Tháng 5 năm 2024",),
        households=messy.households_of_no_hamlet(),  # codes of no plan hamlet: refused
    )
    result, _ = collect(tmp_path, None)
    [sub] = [s for s in result.submissions if s.file == "DS.xlsx"]
    assert (sub.status, sub.hamlet) == ("rejected", None)
    assert [i.code for i in result.issues if i.file == "DS.xlsx"] == ["unknown-hamlet"]
    feedback = publish(result, tmp_path / "out")["feedback"]
    [path] = [p for p in feedback if p.name == "Lạ Lùng_2024-05.xlsx"]
    wb = openpyxl.load_workbook(path)

    info = wb["Thông tin"]
    fills = {f"B{r}": info[f"B{r}"].fill.fgColor.rgb for r in range(1, 8)}
    assert [c for c, rgb in fills.items() if rgb == RED] == ["B3", "B5"]
    assert [c for c, rgb in fills.items() if rgb == YELLOW] == ["B6", "B7"]

    labelled, rows = _guide(wb)
    assert labelled["Số lỗi:"] == (1, "ô tô đỏ – phải sửa thì hộ (hoặc cả danh sách) mới được tính")
    assert labelled["Số cảnh báo:"] == (1, "ô tô vàng – đề nghị kiểm tra lại, sửa nếu sai")
    assert [(r[1], r[2], r[6]) for r in rows] == [
        ("Thông tin", "B3", "Lỗi"), ("Thông tin", "B6", "Cảnh báo"),
    ]  # fmt: skip
    assert rows[1][7].startswith(
        "Không có trang 'Thông tin'; đã lấy xóm 'Lạ Lùng' và kỳ 05/2024 từ tiêu đề/tên tệp. "
        "Xã đã thêm trang 'Thông tin' vào tệp phản hồi này"
    )
    first = next(r for r in range(1, 40) if wb[GUIDE_SHEET].cell(r, 1).value == "STT") + 1
    link = wb[GUIDE_SHEET].cell(first + 1, 3).hyperlink
    assert link is not None and link.location == "'Thông tin'!B6"

    # The officer's workbook and JSON say what they said: the refusal, no missing-info-sheet.
    [json_path] = (tmp_path / "out" / "2024-05").glob("TongHop_*.json")
    summary = json.loads(json_path.read_text(encoding="utf-8"))
    warned = [i.code for i in result.issues if i.severity == "warning"]
    assert "missing-info-sheet" not in warned
    assert summary["issues"]["errors"] == 1 and summary["issues"]["warnings"] == len(warned)


def test_a_list_without_hamlet_or_period_says_what_it_was_read_from(tmp_path):
    """The same list titled without hamlet or month: refused (missing-hamlet). Its warning says
    the households were taken from its sheet, no hamlet or period found; the total is not the
    plan's (no hamlet): B3, B4, B5 red, B6 and B7 yellow, 1 warning at B6."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
        person("NM4", "near_poor"), person("NM5", "near_poor"),
    ])  # fmt: skip
    messy.ban_co_no_info(tmp_path, "DS.xlsx", title=("DANH SÁCH HỘ NGHÈO",))
    result, _ = collect(tmp_path, None)
    [path] = publish(result, tmp_path / "out")["feedback"]
    wb = openpyxl.load_workbook(path)
    info = wb["Thông tin"]
    fills = [info[f"B{r}"].fill.fgColor.rgb for r in range(3, 8)]
    assert fills == [RED, RED, RED, YELLOW, YELLOW]
    labelled, rows = _guide(wb)
    assert labelled["Số cảnh báo:"][0] == 1
    [warning] = [r for r in rows if r[6] == "Cảnh báo"]
    assert warning[1:3] == ("Thông tin", "B6")
    assert warning[7].startswith(
        "Không có trang 'Thông tin'; đã lấy danh sách hộ từ trang 'Sheet1' "
        "(không thấy tên xóm và kỳ báo cáo ở đâu). Xã đã thêm trang"
    )


# --- 3. 'Theo xóm''s 'Đạt' columns ---------------------------------------------------------------

# "Chưa đạt (**)" in Times New Roman 11, from its advance widths (C 667, h 500, ư 500, a 444,
# space 250, đ 500, ạ 444, t 278, space 250, ( 333, * 500, * 500, ) 333 thousandths of the size)
CHUA_DAT_MARKED_PT = 5.499 * 11
CELL_PADDING_PT = 2 * 2.25  # Excel's and LibreOffice's margins either side of a cell's text


def test_theo_xom_dat_columns_hold_a_marked_verdict_on_one_line(tmp_path):
    """Nà Mòn's NM2 has an error (its row left out), so its verdicts may be marked (**). The
    'Đạt' columns S and X are 13 wide: 96 px, 72 pt in Excel and 76.1 pt in LibreOffice, where
    "Chưa đạt (**)" takes 60.5 pt and its margins 4.5 (a width of 11 drew 61.5 pt in Excel:
    it wrapped there, and just fitted in LibreOffice's 65). The row estimate puts it on one
    line too. The sheet still prints one page wide (fit to width 1, any height)."""
    (tmp_path / "in").mkdir()
    write_plan(tmp_path / "in")
    write_roster(tmp_path / "in", "NaMon.xlsx", "Nà Mòn", 100, [
        person("NM1", "poor"), person("NM2", "poor", nam_sinh=85), person("NM3", "poor"),
        person("NM4", "near_poor"), person("NM5", "near_poor"),
    ])  # fmt: skip
    execute(tmp_path / "in", tmp_path / "out", "2024-05")
    wb = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx")
    ws = wb["Theo xóm"]
    assert (ws.cell(8, P_MET + 1).value, ws.cell(8, N_MET + 1).value) == ("Đạt", "Đạt")
    assert (ws.column_dimensions["S"].width, ws.column_dimensions["X"].width) == (
        13.7109375, 13.7109375,
    )  # fmt: skip
    marked = [ws.cell(r, c).value for r in range(10, ws.max_row + 1) for c in (19, 24)]
    assert "Đạt (**)" in marked
    for col in (P_MET, N_MET):
        width = WIDTHS[col]
        assert width == 13
        excel_pt = column_pixels(width) * 0.75
        assert (excel_pt, round(excel_pt * LIBREOFFICE_WIDTH, 1)) == (72.0, 76.1)
        assert CHUA_DAT_MARKED_PT + CELL_PADDING_PT < excel_pt
        assert int(width * CHARS_PER_WIDTH) >= len("Chưa đạt (**)")
        assert wrapped_lines([("Chưa đạt (**)", width)]) == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight) == (1, 0)
