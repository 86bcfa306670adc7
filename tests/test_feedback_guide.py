"""Session 16: the feedback's guide says what its sheets show. A list whose issues name no cell
(households no longer listed) still gets the copy of its list the head corrects and sends back;
the status line and the counts' notes name red or yellow cells only when some cell is so
coloured, and "xem bảng dưới" when the table alone tells it. Figures worked out by hand from
tests/commune.py: Bản Cọ starts the year with BC1, BC2 poor and BC3 near-poor among 200
households; its template list has 'Thông tin' (values in B1:B7) and 'Danh sách' (header in row
4, households from row 5)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import openpyxl

from pipeline.publish import publish
from pipeline.report.feedback import GUIDE_SHEET
from pipeline.run import collect
from tests import messy
from tests.commune import person, write_plan, write_roster

RED = "FFFFC7CE"
YELLOW = "FFFFEB9C"
FEEDBACK = "Bản Cọ_2024-05.xlsx"
VANISHED_BC3 = (
    "Hộ BC3 (Hoàng Văn BC3) có trong danh sách đầu năm nhưng không có trong danh sách kỳ này; "
    "đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ các cột như "
    "các hộ khác) với Phân loại hộ 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác trong xã thì không "
    "ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ."
)
ADD_BELOW_ROW_6 = (
    "Hộ nào ở bảng dưới không còn trong danh sách thì ghi lại dòng của hộ đó vào trang "
    "'Danh sách', chèn ngay dưới dòng 6 (dòng của hộ cuối cùng), đủ các cột như các hộ khác; "
    "hộ đã thoát thì ghi Phân loại hộ 'Thoát'."
)


def na_mon(folder: Path) -> None:
    """Nà Mòn's clean list: 102 households, NM1, NM5, NM6 poor, NM2, NM4 near-poor."""
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "exited"),
        person("NM4", "near_poor"), person("NM5", "poor"), person("NM6", "poor"),
    ])  # fmt: skip


def commune(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    write_plan(folder)
    na_mon(folder)
    return folder


def run_and_publish(folder: Path, output: Path):
    result, _ = collect(folder, None)
    written = publish(result, output)
    return result, {p.name: p for p in written["feedback"]}


def guide(wb: openpyxl.Workbook) -> dict:
    """The guide's block above the table ({label: the values right of it}) and its table."""
    rows = list(wb[GUIDE_SHEET].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[:3] == ("STT", "Trang", "Ô"))
    block = {}
    for row in rows[2:head]:
        values = [v for v in row if v is not None]
        if values:
            block[values[0]] = values[1:]
    block["table"] = [r for r in rows[head + 1 :] if r[0] is not None]
    return block


def coloured(wb: openpyxl.Workbook) -> dict[str, str]:
    """{'sheet!cell': 'red'|'yellow'} of every filled cell of the sheets after the guide."""
    found = {}
    for ws in wb.worksheets[1:]:
        for row in ws.iter_rows():
            for cell in row:
                rgb = cell.fill.fgColor.rgb if cell.fill.fill_type else None
                if rgb in (RED, YELLOW):
                    found[f"{ws.title}!{cell.coordinate}"] = "red" if rgb == RED else "yellow"
    return found


def bc(*rows: dict) -> list[dict]:
    return list(rows)


# --- a list whose only issues are households no longer listed ------------------------------


def test_a_list_missing_a_start_household_gets_its_copy_and_where_to_add_the_row(tmp_path):
    """Bản Cọ lists BC1, BC2 (rows 5, 6) but not BC3, near-poor at the start of the year: counted,
    one vanished-household warning, which names no sheet or cell. The feedback held the guide
    alone; now it also holds the copies of 'Thông tin' and 'Danh sách' (nothing coloured, no
    note), the table names 'Danh sách' for BC3 with no cell, and 'Cách sửa' says to write its
    row again below row 6, the last household. The status and the count's note say "xem bảng
    dưới", and that the list (not the household, counted as gone) is counted."""
    folder = commune(tmp_path / "in")
    write_roster(
        folder, "BanCo.xlsx", "Bản Cọ", 200, bc(person("BC1", "poor"), person("BC2", "poor"))
    )
    result, feedback = run_and_publish(folder, tmp_path / "out")
    assert [(i.code, i.sheet, i.cell) for i in result.issues if i.file == "BanCo.xlsx"] == [
        ("vanished-household", "", "")
    ]
    wb = openpyxl.load_workbook(feedback[FEEDBACK])
    assert wb.sheetnames == [GUIDE_SHEET, "Thông tin", "Danh sách"]
    assert coloured(wb) == {}
    assert not [c for ws in wb.worksheets[1:] for row in ws.iter_rows() for c in row if c.comment]
    assert [ws.sheet_properties.tabColor for ws in wb.worksheets[1:]] == [None, None]
    source = openpyxl.load_workbook(folder / "BanCo.xlsx")
    for name in ("Thông tin", "Danh sách"):
        cells = [
            (c.coordinate, c.value) for row in source[name].iter_rows() for c in row if c.value
        ]
        # the left signature block's lines written past the repeated A:C, from D (session 60, H)
        moved = {"Người lập biểu", "(Ký, ghi rõ họ tên)"}
        at = {k: (f"D{k[1:]}" if k[0] == "B" and v in moved else k) for k, v in cells}
        assert [(k, wb[name][at[k]].value) for k, _ in cells] == cells
        assert sorted(k for k in at if at[k] != k) == (["B10", "B9"] if name == "Danh sách" else [])

    said = guide(wb)
    assert said["Tình trạng:"] == [
        "Danh sách đã được tổng hợp, mọi hộ đều được tính; có 1 cảnh báo (xem bảng dưới), "
        "đề nghị kiểm tra lại."
    ]
    assert said["Số lỗi:"] == [0, "ô tô đỏ – phải sửa thì hộ (hoặc cả danh sách) mới được tính"]
    assert said["Số cảnh báo:"] == [
        1, "xem bảng dưới – danh sách vẫn được tính; đề nghị kiểm tra lại, sửa nếu sai",
    ]  # fmt: skip
    assert said["Cách sửa:"] == [
        "Các trang sau ('Thông tin', 'Danh sách') là bản sao tệp xóm đã gửi, giữ nguyên vị trí "
        f"các ô; không có ô nào phải sửa. {ADD_BELOW_ROW_6} Hãy ghi trong tệp gốc của xóm rồi "
        "gửi lại cho xã."
    ]
    assert said["table"] == [
        (1, "Danh sách", None, None, None, None, "Cảnh báo", VANISHED_BC3),
    ]


def test_the_copy_sent_back_with_the_missing_household_as_thoat_is_counted_without_warning(
    tmp_path,
):
    """The head writes BC3 back in the feedback's copy of 'Danh sách', in row 7 below BC2 as
    'Cách sửa' says, as 'Thoát', and sends that workbook back: Bản Cọ is counted with BC1, BC2
    poor, no near-poor household (BC3 exited, now said), 200 households, and nothing is
    warned of. Before, the feedback had no list to write BC3 in."""
    folder = commune(tmp_path / "in")
    write_roster(
        folder, "BanCo.xlsx", "Bản Cọ", 200, bc(person("BC1", "poor"), person("BC2", "poor"))
    )
    _, feedback = run_and_publish(folder, tmp_path / "out")
    back = tmp_path / "back"
    commune(back)
    shutil.copy(feedback[FEEDBACK], back / FEEDBACK)
    book = openpyxl.load_workbook(back / FEEDBACK)
    ws = book["Danh sách"]
    header = {c.value: c.column for c in ws[4] if c.value}
    for col in range(1, ws.max_column + 1):  # as BC2's row, then BC3's own values
        ws.cell(7, col).value = ws.cell(6, col).value
    bc3 = person("BC3", "exited")
    for label, value in (
        ("STT", 3), ("Mã hộ", "BC3"), ("Họ và tên chủ hộ", bc3["chu_ho"]),
        ("Số định danh cá nhân", bc3["so_dinh_danh"]), ("Phân loại hộ", "Thoát"),
        ("Thu nhập BQ (đồng/người/tháng)", bc3["thu_nhap"]),
    ):  # fmt: skip
        ws.cell(7, header[label]).value = value
    book.save(back / FEEDBACK)

    again, _ = collect(back, None)
    by = {h["hamlet"]: h for h in again.summary["hamlets"]}
    ban_co = by["Bản Cọ"]
    assert (ban_co["status"], ban_co["households"], ban_co["poor"], ban_co["near_poor"]) == (
        "ok", 200, 2, 0,
    )  # fmt: skip
    assert ban_co["movements"]["near_poor"]["exited"] == 1
    assert [i.code for i in again.issues if i.file == FEEDBACK] == []


def test_a_warning_at_a_cell_and_a_household_no_longer_listed_say_both(tmp_path):
    """Bản Cọ: BC1's 'Giới tính' 'nam giới' (a warning at E5, yellow) and BC3 missing (a warning
    of no cell). The status said "2 cảnh báo (ô tô vàng)" with one yellow cell; it says the
    table too, and 'Cách sửa' adds where to write BC3's row."""
    folder = commune(tmp_path / "in")
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200,
                 bc(person("BC1", "poor", gioi_tinh="nam giới"), person("BC2", "poor")))  # fmt: skip
    _, feedback = run_and_publish(folder, tmp_path / "out")
    wb = openpyxl.load_workbook(feedback[FEEDBACK])
    assert coloured(wb) == {"Danh sách!E5": "yellow"}
    said = guide(wb)
    assert said["Tình trạng:"] == [
        "Danh sách đã được tổng hợp, mọi hộ đều được tính; có 2 cảnh báo (ô tô vàng và bảng "
        "dưới), đề nghị kiểm tra lại."
    ]
    assert said["Số cảnh báo:"] == [
        2, "ô tô vàng và bảng dưới – danh sách vẫn được tính; đề nghị kiểm tra lại, sửa nếu sai",
    ]  # fmt: skip
    [how] = said["Cách sửa:"]
    assert how.startswith("Các trang sau ('Thông tin', 'Danh sách') là bản sao tệp xóm đã gửi, "
                          "giữ nguyên vị trí các ô: ô E5 trong bảng dưới")  # fmt: skip
    assert how.endswith(f"Hãy sửa trong tệp gốc của xóm rồi gửi lại cho xã. {ADD_BELOW_ROW_6}")
    assert [r[1:4] for r in said["table"]] == [("Danh sách", None, None), ("Danh sách", "E5", 5)]


# --- the one warning of a list without 'Thông tin' -----------------------------------------


def test_a_list_without_info_warned_of_that_alone_is_told_of_its_yellow_cells(tmp_path):
    """Bản Cọ's list without 'Thông tin', named by its file name: counted, its one warning
    missing-info-sheet, which since session 15 points at the added 'Thông tin' sheet's B5
    (yellow, as B6 and B7 to write). The status said "(xem bảng dưới)" and the count's note
    "xem bảng dưới"; both say the yellow cells."""
    folder = commune(tmp_path / "in")
    messy.ban_co_from_file_name(folder)
    _, feedback = run_and_publish(folder, tmp_path / "out")
    wb = openpyxl.load_workbook(feedback[FEEDBACK])
    assert coloured(wb) == {f"Thông tin!B{r}": "yellow" for r in (5, 6, 7)}
    said = guide(wb)
    assert said["Tình trạng:"] == [
        "Danh sách đã được tổng hợp, mọi hộ đều được tính; có 1 cảnh báo (ô tô vàng), "
        "đề nghị kiểm tra lại."
    ]
    assert said["Số cảnh báo:"] == [
        1, "ô tô vàng – hộ vẫn được tính; đề nghị kiểm tra lại, sửa nếu sai",
    ]  # fmt: skip
    assert [r[1:3] for r in said["table"]] == [("Thông tin", "B5")]


# --- nothing red, nothing said red ----------------------------------------------------------


def test_an_empty_list_is_told_by_the_table_and_where_to_write_its_households(tmp_path):
    """Bản Cọ's list holds no household (header in row 4, none below): refused, empty-list, no
    cell. The status said "vì tệp có lỗi; hãy sửa các ô tô đỏ" with nothing red, and the value
    column '3' (the start list's count, not written in the file). Now: the reason, "theo bảng
    dưới", the errors' note "xem bảng dưới", no value, and where to write the households."""
    folder = commune(tmp_path / "in")
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [])
    result, feedback = run_and_publish(folder, tmp_path / "out")
    assert [i.code for i in result.issues if i.file == "BanCo.xlsx"] == ["empty-list"]
    wb = openpyxl.load_workbook(feedback[FEEDBACK])
    assert wb.sheetnames == [GUIDE_SHEET, "Thông tin", "Danh sách"]
    assert coloured(wb) == {}
    said = guide(wb)
    assert said["Tình trạng:"] == [
        "Danh sách chưa được tổng hợp vì không có hộ nào trong danh sách; hãy sửa theo bảng dưới "
        "và gửi lại."
    ]
    assert said["Số lỗi:"] == [
        1, "xem bảng dưới – phải sửa thì hộ (hoặc cả danh sách) mới được tính",
    ]  # fmt: skip
    assert said["Cách sửa:"] == [
        "Các trang sau ('Thông tin', 'Danh sách') là bản sao tệp xóm đã gửi, giữ nguyên vị trí "
        "các ô; không có ô nào phải sửa. Hãy ghi các hộ vào trang 'Danh sách', chèn ngay dưới "
        "dòng 4 (dòng tiêu đề), đủ các cột như mẫu; hộ đã thoát thì ghi Phân loại hộ 'Thoát'. "
        "Hãy ghi trong tệp gốc của xóm rồi gửi lại cho xã."
    ]
    [row] = said["table"]
    assert row[:7] == (1, "Danh sách", None, None, None, None, "Lỗi")
    assert row[7].startswith("Danh sách không có hộ nào, trong khi đầu năm xóm có 3 hộ")


def test_a_csv_copy_counts_its_error_in_the_table_not_in_red_cells(tmp_path):
    """Bản Cọ sent a CSV: refused, the guide alone. Its error's note said "ô tô đỏ" with no
    sheet to colour; it says "xem bảng dưới"."""
    folder = commune(tmp_path / "in")
    (folder / "BanCo.csv").write_text("Mã hộ,Họ và tên chủ hộ\nBC1,A\n", encoding="utf-8")
    _, feedback = run_and_publish(folder, tmp_path / "out")
    wb = openpyxl.load_workbook(feedback[FEEDBACK])
    assert wb.sheetnames == [GUIDE_SHEET]
    said = guide(wb)
    assert said["Số lỗi:"] == [
        1, "xem bảng dưới – phải sửa thì hộ (hoặc cả danh sách) mới được tính",
    ]  # fmt: skip
    assert said["Số cảnh báo:"] == [0, "ô tô vàng – đề nghị kiểm tra lại, sửa nếu sai"]


def test_a_list_gone_before_its_feedback_is_written_says_the_table_not_red_cells(tmp_path):
    """Bản Cọ's BC2 has 'Số nhân khẩu' 'bốn' (H6): counted, one row left out. The file is gone
    when the feedback is written (no copy can be made: the guide alone). The status said
    "hãy sửa các ô tô đỏ"; it says "theo bảng dưới", and so does the errors' note."""
    folder = commune(tmp_path / "in")
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, bc(
        person("BC1", "poor"), person("BC2", "poor", nhan_khau="bốn"), person("BC3", "near_poor"),
    ))  # fmt: skip
    result, _ = collect(folder, None)
    (folder / "BanCo.xlsx").unlink()
    written = publish(result, tmp_path / "out")
    wb = openpyxl.load_workbook(next(p for p in written["feedback"] if p.name == FEEDBACK))
    assert wb.sheetnames == [GUIDE_SHEET]
    said = guide(wb)
    assert said["Tình trạng:"] == [
        "Danh sách đã được tổng hợp, nhưng 1 dòng bị loại do lỗi; hãy sửa theo bảng dưới và gửi "
        "lại."
    ]
    assert said["Số lỗi:"] == [
        1, "xem bảng dưới – phải sửa thì hộ (hoặc cả danh sách) mới được tính",
    ]  # fmt: skip
    assert [r[1:4] for r in said["table"]] == [("Danh sách", "H6", 6)]


def test_a_warning_on_a_red_cell_is_not_said_yellow(tmp_path):
    """Bản Cọ's total 2: total-less-than-listed (error) and total-far-from-plan (warning), both
    at 'Thông tin'!B5, which is red. The warnings' note said "ô tô vàng" with no yellow cell;
    it says "xem bảng dưới" (the warning is in the table, and in B5's note)."""
    folder = commune(tmp_path / "in")
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 2,
                 bc(person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")))  # fmt: skip
    _, feedback = run_and_publish(folder, tmp_path / "out")
    wb = openpyxl.load_workbook(feedback[FEEDBACK])
    assert coloured(wb) == {"Thông tin!B5": "red"}
    said = guide(wb)
    assert said["Số lỗi:"] == [1, "ô tô đỏ – phải sửa thì hộ (hoặc cả danh sách) mới được tính"]
    assert said["Số cảnh báo:"] == [1, "xem bảng dưới – đề nghị kiểm tra lại, sửa nếu sai"]
    assert said["Tình trạng:"][0].endswith("hãy sửa các ô tô đỏ (xem bảng dưới) và gửi lại.")


# --- every status: what the guide says is what the sheets show -----------------------------


def _scenarios() -> dict:
    """name -> (how Bản Cọ's files are written, the feedback's file name, its sheets, its
    coloured cells), worked out by hand: E is 'Giới tính', H 'Số nhân khẩu'; BC1-BC3 in rows
    5-7; 'Thông tin' B3 Xóm, B4 Kỳ báo cáo, B5 Tổng số hộ dân cư."""
    three = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    copies = [GUIDE_SHEET, "Thông tin", "Danh sách"]

    def write(name, hamlet="Bản Cọ", total=200, rows=None, **more):
        listed = [dict(r) for r in three] if rows is None else rows
        return lambda f: write_roster(f, name, hamlet, total, listed, **more)

    def newer_refused(f):  # the newer copy lacks its 'Phân loại hộ' column (I)
        write("BanCo_cu.xlsx", prepared=date(2024, 6, 1))(f)
        newer = write("BanCo_moi.xlsx", prepared=date(2024, 6, 3))(f)
        book = openpyxl.load_workbook(newer)
        book["Danh sách"].delete_cols(9)
        book.save(newer)

    return {
        "warnings": (write("BanCo.xlsx", rows=[person("BC1", "poor", gioi_tinh="nam giới"),
                                               *three[1:]]),
                     FEEDBACK, copies, {"Danh sách!E5": "yellow"}),
        "rows left out": (write("BanCo.xlsx", rows=[three[0], person("BC2", "poor", nhan_khau="bốn"),
                                                    three[2]]),
                          FEEDBACK, copies, {"Danh sách!H6": "red"}),
        "vanished": (write("BanCo.xlsx", rows=three[:2]), FEEDBACK, copies, {}),
        "no info": (messy.ban_co_from_file_name, FEEDBACK, [GUIDE_SHEET, "Thông tin", "Sheet1"],
                    {f"Thông tin!B{r}": "yellow" for r in (5, 6, 7)}),
        # (codes on no list: with Bản Cọ's it is Bản Cọ's refused file, as below; session 22)
        "unknown hamlet": (write("BanCo.xlsx", hamlet="Bản Xa",
                                 rows=[{**r, "ma_ho": r["ma_ho"].replace("BC", "BX")}
                                       for r in three]),
                           "Bản Xa_2024-05.xlsx", copies, {"Thông tin!B3": "red"}),
        "hamlet from codes": (write("BanCo.xlsx", hamlet="Bản Cọ 2"), FEEDBACK, copies,
                              {"Thông tin!B3": "red"}),
        "future period": (write("BanCo.xlsx", period="2099-05"), FEEDBACK, copies,
                          {"Thông tin!B4": "red"}),
        "other period": (write("BanCo_T5-2024.xlsx", period="2024-04", prepared=date(2024, 5, 3)),
                         FEEDBACK, copies, {"Thông tin!B4": "yellow"}),
        "superseded": (newer_refused, "Bản Cọ_2024-05_2.xlsx", [GUIDE_SHEET], {}),
        "refused newer": (newer_refused, "Bản Cọ_2024-05_1.xlsx", copies, {"Danh sách!Z4": "red"}),
        "empty": (write("BanCo.xlsx", rows=[]), FEEDBACK, copies, {}),
        "csv": (lambda f: (f / "BanCo.csv").write_text("Mã hộ\nBC1\n", encoding="utf-8"),
                FEEDBACK, [GUIDE_SHEET], {}),
        "total below the list": (write("BanCo.xlsx", total=2), FEEDBACK, copies,
                                 {"Thông tin!B5": "red"}),
    }  # fmt: skip


def test_every_status_says_only_the_colours_its_sheets_show(tmp_path):
    """For each main status of a Bản Cọ file (counted with warnings or rows left out, households
    no longer listed, no 'Thông tin', refused for its hamlet or a future month, of another
    month, a superseded copy and its refused newer copy, an empty list, a CSV, a total below
    the list): the sheets and coloured cells are as worked out; the status line, and each
    count's note when the count is not 0, name red (yellow) cells only if some cell is red
    (yellow), else say "xem bảng dưới"; and a list counted or refused carries its copy. Before,
    the households-no-longer-listed feedback had no copy, the no-'Thông tin' one said "xem
    bảng dưới" of its yellow cells, and the empty list and the CSV said "ô tô đỏ" of none."""
    wrong = []
    for name, (build, file, sheets, cells) in _scenarios().items():
        folder = commune(tmp_path / name / "in")
        build(folder)
        _, feedback = run_and_publish(folder, tmp_path / name / "out")
        wb = openpyxl.load_workbook(feedback[file])
        said = guide(wb)
        shown = coloured(wb)
        if (wb.sheetnames, shown) != (sheets, cells):
            wrong.append((name, "sheets", wb.sheetnames, shown))
        colours = set(shown.values())
        texts = list(said["Tình trạng:"])
        for label in ("Số lỗi:", "Số cảnh báo:"):
            if label in said and said[label][0]:
                texts.append(said[label][1])
        for text in texts:
            for words, colour in (("ô tô đỏ", "red"), ("ô tô vàng", "yellow")):
                if words in text and colour not in colours:
                    wrong.append((name, words, text))
            if "(xem bảng dưới)" in text and "cảnh báo" in text and "yellow" in colours:
                wrong.append((name, "xem bảng dưới", text))
        if not said["table"]:
            wrong.append((name, "no table"))
    assert wrong == []
