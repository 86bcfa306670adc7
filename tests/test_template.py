"""The input-side workbooks: layout, drop-down lists, and text that must stay text."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from pipeline.template import write_plan_workbook, write_roster_workbook, write_templates
from schemas.columns import (
    PLAN_INFO_LABELS,
    PLAN_INFO_SHEET,
    PLAN_START_LIST_SHEET,
    PLAN_TARGET_COLUMNS,
    PLAN_TARGETS_SHEET,
    ROSTER_COLUMNS,
    ROSTER_INFO_LABELS,
    ROSTER_INFO_SHEET,
    ROSTER_KEYS,
    ROSTER_LIST_SHEET,
    START_LIST_COLUMNS,
)

INFO = {
    "commune": "Trung Lương",
    "hamlet": "Nà Mòn",
    "period": "2024-05",
    "total_households": 212,
    "preparer": "Hoàng Văn Thắng",
    "prepared_on": date(2024, 6, 3),
}


def household(**values) -> dict:
    row = dict.fromkeys(ROSTER_KEYS)
    row.update(
        stt=1,
        ma_ho="TL.01.001",
        chu_ho="Ma Văn Sáng",
        nam_sinh=1968,
        gioi_tinh="Nam",
        dan_toc="Tày",
        so_dinh_danh="019068123456",
        nhan_khau=4,
        phan_loai="poor",
        thu_nhap=1_200_000,
        td_04=True,
        td_09=True,
        td_10=True,
        td_01=False,
        nguyen_nhan="Thiếu vốn; Ốm đau, bệnh nặng, tai nạn",
        nhu_cau="Vay vốn ưu đãi",
    )
    row.update(values)
    return row


HOUSEHOLDS = [
    household(),
    household(
        stt=2,
        ma_ho="00123",
        chu_ho="=HYPERLINK(1)",
        so_dinh_danh="012345678901",
        phan_loai="Hộ cận nghèo",
        td_04=False,
        td_09=False,
        td_10=False,
        doi_tuong="BTXH",
        ghi_chu="+84 912",
    ),
    household(stt=3, ma_ho="TL.01.003", phan_loai="exited", thu_nhap=None, gioi_tinh="Nữ"),
]


def col(key: str, columns=ROSTER_COLUMNS) -> str:
    """Excel column letter of a key, from the schema's column order."""
    return get_column_letter([c.key for c in columns].index(key) + 1)


def row_values(ws, row: int) -> list:
    return [c.value for c in ws[row]]


@pytest.fixture
def roster(tmp_path):
    path = tmp_path / "DS_NaMon_2024-05.xlsx"
    write_roster_workbook(path, INFO, HOUSEHOLDS)
    return openpyxl.load_workbook(path)


def test_roster_sheets_and_info_block(roster):
    assert roster.sheetnames == [ROSTER_INFO_SHEET, ROSTER_LIST_SHEET]
    info = roster[ROSTER_INFO_SHEET]
    labels = [info.cell(r, 1).value for r in range(1, len(ROSTER_INFO_LABELS) + 1)]
    assert labels == [template for template, _ in ROSTER_INFO_LABELS.values()]
    values = [info.cell(r, 2).value for r in range(1, 8)]
    assert values == [
        "Danh sách hộ",
        "Trung Lương",
        "Nà Mòn",
        "05/2024",
        212,
        "Hoàng Văn Thắng",
        datetime(2024, 6, 3),
    ]
    assert info["B4"].data_type == "s"
    assert info["B7"].number_format == "dd/mm/yyyy"
    assert info["A1"].font.b


def test_roster_title_and_header_rows(roster):
    ws = roster[ROSTER_LIST_SHEET]
    assert ws["A1"].value == "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024"
    assert ws["A2"].value == "Xã Trung Lương"
    last = get_column_letter(len(ROSTER_COLUMNS))
    assert f"A1:{last}1" in ws.merged_cells
    assert all(v is None for v in row_values(ws, 3))
    assert row_values(ws, 4) == [c.header for c in ROSTER_COLUMNS]
    assert ws["A4"].font.b and ws["A4"].alignment.wrap_text
    assert ws.freeze_panes == "D5"
    assert ws.column_dimensions[col("chu_ho")].width == pytest.approx(
        next(c.width for c in ROSTER_COLUMNS if c.key == "chu_ho"), abs=1
    )


def test_roster_cells_keep_their_types(roster):
    ws = roster[ROSTER_LIST_SHEET]
    first, second, third = 5, 6, 7
    assert ws[f"{col('stt')}{first}"].value == 1
    assert ws[f"{col('ma_ho')}{first}"].value == "TL.01.001"
    assert ws[f"{col('phan_loai')}{first}"].value == "Hộ nghèo"
    assert ws[f"{col('phan_loai')}{second}"].value == "Hộ cận nghèo"
    assert ws[f"{col('phan_loai')}{third}"].value == "Thoát"
    income = ws[f"{col('thu_nhap')}{first}"]
    assert (income.value, income.number_format) == (1_200_000, "#,##0")
    assert ws[f"{col('thu_nhap')}{third}"].value is None
    assert ws[f"{col('td_04')}{first}"].value == "x"
    assert ws[f"{col('td_01')}{first}"].value is None  # False -> blank
    assert ws[f"{col('td_04')}{second}"].value is None
    assert ws[f"{col('nguyen_nhan')}{first}"].value == "Thiếu vốn; Ốm đau, bệnh nặng, tai nạn"

    name = ws[f"{col('chu_ho')}{second}"]
    assert (name.value, name.data_type) == ("=HYPERLINK(1)", "s")
    ident = ws[f"{col('so_dinh_danh')}{second}"]
    assert (ident.value, ident.data_type) == ("012345678901", "s")
    code = ws[f"{col('ma_ho')}{second}"]
    assert (code.value, code.data_type) == ("00123", "s")
    assert ws[f"{col('ghi_chu')}{second}"].value == "+84 912"


def test_roster_signature_block_follows_one_blank_row(roster):
    ws = roster[ROSTER_LIST_SHEET]
    last_data = 4 + len(HOUSEHOLDS)
    assert all(v is None for v in row_values(ws, last_data + 1))
    dated = [v for v in row_values(ws, last_data + 2) if v]
    assert dated == ["Ngày 03 tháng 06 năm 2024"]
    signers = [v for v in row_values(ws, last_data + 3) if v]
    assert signers == ["Người lập biểu", "Trưởng xóm"]
    first_signer = next(c for c in ws[last_data + 3] if c.value)
    assert (
        first_signer.column < next(c for c in ws[last_data + 3] if c.value == "Trưởng xóm").column
    )


@pytest.mark.parametrize("info", [INFO, {}], ids=["filled", "blank-info"])
def test_a_list_longer_than_the_blank_templates_room_pushes_the_signature_down(tmp_path, info):
    """110 households (more than the blank template's 100 empty rows) written by the roster
    writer: rows 5-114, row 115 empty, the signature block from row 116 (from row 216 with
    no info, which keeps 100 rows to type more), no merged cell over a household row."""
    path = tmp_path / "r.xlsx"
    rows = [household(stt=i, ma_ho=f"TL.01.{i:03d}") for i in range(1, 111)]
    write_roster_workbook(path, info, rows)
    ws = openpyxl.load_workbook(path)[ROSTER_LIST_SHEET]
    codes = [ws[f"{col('ma_ho')}{r}"].value for r in range(5, 115)]
    assert codes == [f"TL.01.{i:03d}" for i in range(1, 111)]
    dated = 116 if info else 216
    assert all(v is None for r in range(115, dated) for v in row_values(ws, r))
    assert [v for v in row_values(ws, dated) if v] == [
        "Ngày 03 tháng 06 năm 2024" if info else "Ngày … tháng … năm …"
    ]
    assert [v for v in row_values(ws, dated + 1) if v] == ["Người lập biểu", "Trưởng xóm"]
    assert min(m.min_row for m in ws.merged_cells.ranges if m.min_row > 2) == dated


def validations(ws) -> dict[str, tuple[str, str | None]]:
    """formula1 -> (sqref, error style)."""
    return {
        dv.formula1: (str(dv.sqref), dv.errorStyle) for dv in ws.data_validations.dataValidation
    }


def test_roster_drop_down_lists(roster):
    """Rows 5-1004 but the signature block's three (one blank row under the households)."""
    found = validations(roster[ROSTER_LIST_SHEET])
    sig = 4 + len(HOUSEHOLDS) + 2

    def rows(first: str, last: str) -> str:
        return f"{first}5:{last}{sig - 1} {first}{sig + 3}:{last}1004"

    assert found['"Hộ nghèo,Hộ cận nghèo,Thoát"'] == (
        rows(col("phan_loai"), col("phan_loai")),
        None,  # 'stop' is the default style
    )
    assert found['"Nam,Nữ"'] == (rows(col("gioi_tinh"), col("gioi_tinh")), None)
    assert found['"x"'] == (rows(col("td_01"), col("td_12")), "warning")
    assert found['"BTXH,NCC,KKNLĐ"'] == (rows(col("doi_tuong"), col("doi_tuong")), "warning")
    prompts = [dv.prompt for dv in roster[ROSTER_LIST_SHEET].data_validations.dataValidation]
    assert all(prompts)


def test_the_blank_templates_signature_asks_to_insert_rows(tmp_path):
    """The blank template: 100 empty rows (5-104), row 105 blank, the signature on 106-108.
    Selecting any of its cells shows how to insert rows above it; no drop-down sits on it
    (a 101st household typed there would lose the signature and push values sideways)."""
    ws = openpyxl.load_workbook(write_templates(tmp_path)[0])[ROSTER_LIST_SHEET]
    assert [v for v in row_values(ws, 106) if v] == ["Ngày … tháng … năm …"]
    assert [v for v in row_values(ws, 107) if v] == ["Người lập biểu", "Trưởng xóm"]
    hints = [dv for dv in ws.data_validations.dataValidation if dv.type is None]
    # the causes' and needs' hints (session 43) skip the signature's rows as the lists do
    assert [(str(dv.sqref), dv.promptTitle) for dv in hints] == [
        ("W5:W105 W109:W1004", "Nguyên nhân nghèo"),
        ("Y5:Y105 Y109:Y1004", "Nhu cầu hỗ trợ"),
        ("A106:Z108", "Phần ký tên"),
    ]
    assert "Chèn (Insert)" in hints[2].prompt and "dòng trống ngay trên" in hints[2].prompt
    c = col("phan_loai")
    assert validations(ws)['"Hộ nghèo,Hộ cận nghèo,Thoát"'][0] == f"{c}5:{c}105 {c}109:{c}1004"


def test_roster_print_setup(roster):
    ws = roster[ROSTER_LIST_SHEET]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1)  # 1 is the default and may be left out
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$4:$4"


def test_custom_title(tmp_path):
    path = tmp_path / "r.xlsx"
    write_roster_workbook(path, INFO, HOUSEHOLDS[:1], title="DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN")
    ws = openpyxl.load_workbook(path)[ROSTER_LIST_SHEET]
    assert ws["A1"].value == "DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN"


def test_same_input_gives_identical_bytes(tmp_path):
    write_roster_workbook(tmp_path / "a.xlsx", INFO, HOUSEHOLDS)
    write_roster_workbook(tmp_path / "b.xlsx", INFO, HOUSEHOLDS)
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


PLAN_INFO = {
    "province": "Thái Nguyên",
    "commune": "Trung Lương",
    "plan_year": 2024,
    "area": "rural",
    "standard": "2022-2025",
    "poor_target": 1.52,
    "near_poor_target": 1.01,
    "recipient": "Phòng Lao động - Thương binh và Xã hội huyện Định Hóa",
    "reporter": "Ma Thị Thu Hằng",
    "chairman": "Hoàng Văn Quyết",
}
PLAN_HAMLETS = [
    {"hamlet": "Nà Mòn", "start_households": 200, "start_poor": 20, "start_near_poor": 12,
     "poor_target": 3, "near_poor_target": 2},
    {"hamlet": "Khau Lang", "start_households": 150, "start_poor": 9, "start_near_poor": 8,
     "poor_target": 2, "near_poor_target": 2},
]  # fmt: skip


@pytest.fixture
def plan_path(tmp_path):
    path = tmp_path / "KeHoach_2024.xlsx"
    start = [{**household(), "hamlet": "Nà Mòn"}, {**HOUSEHOLDS[1], "hamlet": "Khau Lang"}]
    write_plan_workbook(path, PLAN_INFO, PLAN_HAMLETS, start)
    return path


def test_plan_info_sheet(plan_path):
    wb = openpyxl.load_workbook(plan_path)
    assert wb.sheetnames == [PLAN_INFO_SHEET, PLAN_TARGETS_SHEET, PLAN_START_LIST_SHEET]
    info = wb[PLAN_INFO_SHEET]
    rows = [(info.cell(r, 1).value, info.cell(r, 2).value) for r in range(1, 12)]
    assert [label for label, _ in rows] == [t for t, _ in PLAN_INFO_LABELS.values()]
    assert [value for _, value in rows] == [
        "Kế hoạch", "Thái Nguyên", "Trung Lương", 2024, "Nông thôn", "2022-2025", 1.52, 1.01,
        "Phòng Lao động - Thương binh và Xã hội huyện Định Hóa", "Ma Thị Thu Hằng",
        "Hoàng Văn Quyết",
    ]  # fmt: skip
    assert info["B7"].number_format == "0.00"
    assert info["B8"].number_format == "0.00"


def test_plan_targets_sheet_with_total(plan_path):
    ws = openpyxl.load_workbook(plan_path)[PLAN_TARGETS_SHEET]
    assert ws["A1"].value == "CHỈ TIÊU GIẢM NGHÈO NĂM 2024 THEO XÓM"
    assert row_values(ws, 3) == [t for t, _ in PLAN_TARGET_COLUMNS.values()]
    assert row_values(ws, 4) == ["Nà Mòn", 200, 20, 12, 3, 2]
    assert row_values(ws, 5) == ["Khau Lang", 150, 9, 8, 2, 2]
    assert ws["A6"].value == "Tổng cộng" and ws["A6"].font.b
    assert ws["B6"].value == "=SUM(B4:B5)"
    cached = openpyxl.load_workbook(plan_path, data_only=True)[PLAN_TARGETS_SHEET]
    assert row_values(cached, 6)[1:] == [350, 29, 20, 5, 4]


def test_plan_start_list_sheet(plan_path):
    ws = openpyxl.load_workbook(plan_path)[PLAN_START_LIST_SHEET]
    assert ws["A1"].value == "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO ĐẦU NĂM 2024"
    assert row_values(ws, 3) == [c.header for c in START_LIST_COLUMNS]
    assert ws[f"{col('hamlet', START_LIST_COLUMNS)}4"].value == "Nà Mòn"
    assert ws[f"{col('phan_loai', START_LIST_COLUMNS)}5"].value == "Hộ cận nghèo"
    ident = ws[f"{col('so_dinh_danh', START_LIST_COLUMNS)}5"]
    assert (ident.value, ident.data_type) == ("012345678901", "s")
    found = validations(ws)
    c = col("phan_loai", START_LIST_COLUMNS)
    assert found['"Hộ nghèo,Hộ cận nghèo,Thoát"'][0] == f"{c}4:{c}1003"
    first, last = col("td_01", START_LIST_COLUMNS), col("td_12", START_LIST_COLUMNS)
    assert found['"x"'] == (f"{first}4:{last}1003", "warning")
    assert '"Nam,Nữ"' in found and '"BTXH,NCC,KKNLĐ"' in found


def test_plan_without_start_list(tmp_path):
    path = tmp_path / "plan.xlsx"
    write_plan_workbook(path, PLAN_INFO, PLAN_HAMLETS, None)
    assert openpyxl.load_workbook(path).sheetnames == [PLAN_INFO_SHEET, PLAN_TARGETS_SHEET]


def test_blank_templates(tmp_path):
    paths = write_templates(tmp_path / "mau")
    assert [p.name for p in paths] == ["MauDanhSachHo.xlsx", "MauKeHoach.xlsx"]

    roster = openpyxl.load_workbook(paths[0])
    info = roster[ROSTER_INFO_SHEET]
    assert [info.cell(r, 1).value for r in range(1, 8)] == [
        t for t, _ in ROSTER_INFO_LABELS.values()
    ]
    assert [info.cell(r, 2).value for r in range(1, 8)] == ["Danh sách hộ"] + [None] * 6
    assert info["B4"].number_format == "@"  # a typed "05/2024" stays text
    ws = roster[ROSTER_LIST_SHEET]
    assert ws["A1"].value == "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO"
    assert row_values(ws, 4) == [c.header for c in ROSTER_COLUMNS]
    assert all(v is None for v in row_values(ws, 5))
    assert '"Hộ nghèo,Hộ cận nghèo,Thoát"' in validations(ws)
    assert ws.column_dimensions[col("so_dinh_danh")].number_format == "@"

    plan = openpyxl.load_workbook(paths[1])
    assert plan.sheetnames == [PLAN_INFO_SHEET, PLAN_TARGETS_SHEET, PLAN_START_LIST_SHEET]
    info = plan[PLAN_INFO_SHEET]
    assert [info.cell(r, 2).value for r in range(1, 12)] == ["Kế hoạch"] + [None] * 10
    assert row_values(plan[PLAN_TARGETS_SHEET], 3) == [t for t, _ in PLAN_TARGET_COLUMNS.values()]
    assert row_values(plan[PLAN_START_LIST_SHEET], 3) == [c.header for c in START_LIST_COLUMNS]


def test_the_blank_templates_rows_are_ruled_for_a_list_filled_by_hand(tmp_path):
    """Session 52: a head who prints MauDanhSachHo.xlsx to fill in by hand got the header and
    white space under it. Its 100 empty rows (Excel rows 5 to 104) are now ruled: every cell of
    every column a blank one with a thin border, keeping its column's format (the CCCD as
    text, the income's thousands); row 105, the one before the signature, is not. The reader
    finds a list of no household and says nothing of it."""
    from pipeline.discover import inspect_file

    path = write_templates(tmp_path / "mau")[0]
    ws = openpyxl.load_workbook(path)[ROSTER_LIST_SHEET]
    last = len(ROSTER_COLUMNS)
    for row in (5, 50, 104):
        cells = [ws.cell(row, c) for c in range(1, last + 1)]
        assert [c.value for c in cells] == [None] * last
        assert {(c.border.left.style, c.border.bottom.style) for c in cells} == {("thin", "thin")}
    assert ws.cell(105, 1).border.left.style is None
    assert ws[f"{col('so_dinh_danh')}5"].number_format == "@"
    assert ws[f"{col('thu_nhap')}104"].number_format == "#,##0"
    sub, issues, _ = inspect_file(path, path.name)
    assert (sub.kind, len(sub.extra["rows"]), issues) == ("roster", 0, [])
