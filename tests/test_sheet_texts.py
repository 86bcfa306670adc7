"""What the report sheets say where QA found them silent, cut off or half in Vietnamese: a
hamlet counted without some of its rows, a status too long for its cell, the English texts, the
location of an issue, a hamlet's posted list past its first page."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from pipeline.run import execute
from tests.commune import person, write_plan, write_roster


def _rows_left_out(folder: Path) -> None:
    """The plan (Nà Mòn: start NM1–NM3 poor, NM4–NM5 near-poor, targets 1 and 1, 100 households;
    Bản Cọ: BC1–BC2 poor, BC3 near-poor, targets 1 and 1, 200 households; Đồng Kè: 1 and 1).
    May: Nà Mòn's NM2 has the birth year '85' (an error: its row is left out of the counts),
    NM4 has 3 deprivations at 1,200,000 đ but is declared near-poor (a warning only); Bản Cọ's
    BC2 is 'Thoát'. Đồng Kè sends nothing."""
    folder.mkdir(parents=True)
    write_plan(folder)
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor", nam_sinh=85),
                  person("NM3", "poor"), person("NM4", "near_poor", (1, 2, 3)),
                  person("NM5", "near_poor")])  # fmt: skip
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "exited"),
                  person("BC3", "near_poor")])  # fmt: skip


@pytest.fixture(scope="module")
def left_out(tmp_path_factory) -> Path:
    """The May run of :func:`_rows_left_out`, in Vietnamese: its output folder for May."""
    base = tmp_path_factory.mktemp("left_out")
    _rows_left_out(base / "in")
    execute(base / "in", base / "out", "2024-05")
    return base / "out" / "2024-05"


def _row_of(ws, col: int, value) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, col).value == value)


def _texts(ws) -> list[str]:
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


# --- 1. a hamlet counted without some of its rows ----------------------------------------------


def test_theo_xom_says_a_hamlet_met_its_target_with_rows_left_out(left_out):
    """Nà Mòn counts 2 poor (NM1, NM3): 3 at the start − 2 = 1 taken off, its target 1, so the
    JSON says met (as the contract counts). But NM2, still on the list, is one of them only
    because its row has an error: Tình trạng says a row was left out, and 'Đạt (**)' points to
    the note. Its near-poor list (2 = 2 at the start, target 1) lost no household to an error:
    'Chưa đạt' unmarked. Bản Cọ met its poor target by BC2's 'Thoát': 'Đạt' unmarked. The
    commune: 5 poor at the start of 300 households (1.67 %), 3 now (1.00 %): 0.67 points of
    1.52, 'Chưa đạt (*)', marked (**) too since NM2 is in it; near-poor 3 and 3: unmarked."""
    summary = json.loads((left_out / "TongHop_2024-05.json").read_text(encoding="utf-8"))
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["poor"], na_mon["start_poor"], na_mon["poor_target"]) == (2, 3, 1)
    assert na_mon["poor_target_met"] is True and na_mon["near_poor_target_met"] is False
    assert na_mon["movements"]["poor"]["not_counted"] == 1
    assert na_mon["movements"]["near_poor"]["not_counted"] == 0
    assert summary["totals"]["movements"]["poor"]["not_counted"] == 1

    ws = openpyxl.load_workbook(left_out / "TongHop_2024-05.xlsx", data_only=True)["Theo xóm"]
    row = _row_of(ws, 2, "Nà Mòn")
    # C status; E poor; O taken off, P target, Q progress, S Đạt; X near-poor Đạt
    assert ws.cell(row, 3).value == "Đã tổng hợp, có 1 dòng bị loại"
    assert [ws.cell(row, c).value for c in (5, 15, 16, 17, 19, 24)] == [
        2, 1, 1, 100, "Đạt (**)", "Chưa đạt"
    ]  # fmt: skip
    assert ws.cell(row, 3).alignment.wrap_text
    row = _row_of(ws, 2, "Bản Cọ")
    assert [ws.cell(row, c).value for c in (3, 5, 15, 19, 24)] == [
        "Đã tổng hợp", 1, 1, "Đạt", "Chưa đạt"
    ]  # fmt: skip
    assert ws.cell(_row_of(ws, 2, "Đồng Kè"), 3).value == "Chưa nộp"
    total = _row_of(ws, 1, "Tổng cộng (2/3 xóm đã tổng hợp)")
    assert ws.cell(total, 5).value == 3 and ws.cell(total, 11).value == 5
    assert ws.cell(total, 19).value == "Chưa đạt (*) (**)"
    assert ws.cell(total, 24).value == "Chưa đạt (*)"
    notes = [t for t in _texts(ws) if t.startswith("(**)")]
    assert notes == [
        "(**) Tạm tính: số hộ đã giảm có cả những hộ còn trong danh sách nhưng dòng có lỗi nên "
        "chưa được tính (xem trang 'Lỗi dữ liệu'). Khi xóm sửa lại các dòng đó, số hộ đã giảm "
        "và kết quả Đạt/Chưa đạt có thể thay đổi."
    ]
    assert _row_of(ws, 1, notes[0]) == total + 2  # under the (*) note


def test_theo_xom_marks_nothing_when_no_row_was_left_out(tmp_path):
    """Nà Mòn's May list without the error (NM2 is then counted: 3 poor, none taken off)."""
    (tmp_path / "in").mkdir()
    write_plan(tmp_path / "in")
    write_roster(tmp_path / "in", "NaMon.xlsx", "Nà Mòn", 100,
                 [person(f"NM{i}", "poor" if i < 4 else "near_poor") for i in range(1, 6)])  # fmt: skip
    execute(tmp_path / "in", tmp_path / "out", "2024-05")
    book = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx")
    ws = book["Theo xóm"]
    row = _row_of(ws, 2, "Nà Mòn")
    assert [ws.cell(row, c).value for c in (3, 5, 19, 24)] == [
        "Đã tổng hợp", 3, "Chưa đạt", "Chưa đạt"
    ]  # fmt: skip
    assert not any("(**)" in t for t in _texts(ws))


def test_theo_xom_marks_a_verdict_a_new_households_row_with_an_error_could_change(tmp_path):
    """Nà Mòn (start NM1–NM3 poor, NM4–NM5 near-poor, targets 1 and 1, 100 households) sends NM3
    'Thoát' and NM6, on no list at the start, poor with the birth year '85': its row is left out.
    Poor: 2 now (NM1, NM2), 3 − 2 = 1 taken off, target 1: 'Đạt'. No start household is in a
    row left out (not_counted 0), but NM6, once its row is fixed, is a new poor household: 3
    now, none taken off, 'Chưa đạt'. So 'Đạt (**)'. Near-poor 2 = 2: 'Chưa đạt', unmarked (NM6
    says poor). Bản Cọ sends BC6, on no list at the start, with the class 'Hộ khó khăn' (not a
    class: an error) and BC2 'Thoát' (poor 2 − 1 = 1, target 1: 'Đạt'): fixed, BC6 may join
    either list, so both its verdicts are marked. Đồng Kè (start DK1 poor, DK2 near-poor) sends
    DK1 'Thoát' and DK3, on no list at the start, 'Thoát' with the birth year '85': fixed, it
    joins no list, so its poor 'Đạt' (1 − 0 = 1 of 1) is not marked. The commune (450
    households): poor 6 → 3, 1.33 % → 0.67 %, 0.67 of 1.52 points: 'Chưa đạt (*) (**)';
    near-poor 4 → 4: 'Chưa đạt (*) (**)' (BC6). The note says a new household's row is not
    counted yet."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "exited"),
                  person("NM4", "near_poor"), person("NM5", "near_poor"),
                  person("NM6", "poor", nam_sinh=85)])  # fmt: skip
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "exited"), person("BC3", "near_poor"),
                  person("BC6", "Hộ khó khăn")])  # fmt: skip
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150,
                 [person("DK1", "exited"), person("DK2", "near_poor"),
                  person("DK3", "exited", nam_sinh=85)])  # fmt: skip
    execute(folder, tmp_path / "out", "2024-05")
    out = tmp_path / "out" / "2024-05"
    summary = json.loads((out / "TongHop_2024-05.json").read_text(encoding="utf-8"))
    by = {h["hamlet"]: h for h in summary["hamlets"]}
    assert (by["Nà Mòn"]["poor"], by["Nà Mòn"]["poor_target_met"]) == (2, True)
    assert by["Nà Mòn"]["movements"]["poor"]["not_counted"] == 0
    assert (by["Bản Cọ"]["poor"], by["Bản Cọ"]["poor_target_met"]) == (1, True)
    assert by["Bản Cọ"]["movements"]["near_poor"]["not_counted"] == 0
    ws = openpyxl.load_workbook(out / "TongHop_2024-05.xlsx", data_only=True)["Theo xóm"]
    # C status; E poor; S poor Đạt; X near-poor Đạt
    row = _row_of(ws, 2, "Nà Mòn")
    assert [ws.cell(row, c).value for c in (3, 5, 19, 24)] == [
        "Đã tổng hợp, có 1 dòng bị loại", 2, "Đạt (**)", "Chưa đạt"
    ]  # fmt: skip
    row = _row_of(ws, 2, "Bản Cọ")
    assert [ws.cell(row, c).value for c in (3, 5, 19, 24)] == [
        "Đã tổng hợp, có 1 dòng bị loại", 1, "Đạt (**)", "Chưa đạt (**)"
    ]  # fmt: skip
    row = _row_of(ws, 2, "Đồng Kè")
    assert [ws.cell(row, c).value for c in (3, 5, 19, 24)] == [
        "Đã tổng hợp, có 1 dòng bị loại", 0, "Đạt", "Chưa đạt"
    ]  # fmt: skip
    total = _row_of(ws, 1, "Tổng cộng")
    assert (ws.cell(total, 5).value, ws.cell(total, 11).value) == (3, 6)
    assert ws.cell(total, 19).value == "Chưa đạt (*) (**)"
    assert ws.cell(total, 24).value == "Chưa đạt (*) (**)"
    notes = [t for t in _texts(ws) if t.startswith("(**)")]
    assert notes == [
        "(**) Tạm tính: có dòng hộ bị loại vì lỗi nên chưa được tính (xem trang 'Lỗi dữ liệu'). "
        "Hộ còn trong danh sách mà dòng có lỗi được tính như đã giảm; hộ mới vào danh sách "
        "(hoặc chuyển từ danh sách kia sang) mà dòng có lỗi chưa có trong số hộ hiện tại. Khi "
        "xóm sửa lại các dòng đó, số hộ đã giảm và kết quả Đạt/Chưa đạt có thể thay đổi."
    ]
    assert _row_of(ws, 1, notes[0]) == total + 2  # under the (*) note


# --- 2. a status too long for its cell ----------------------------------------------------------


def test_nop_bao_cao_wraps_a_long_status_on_a_row_tall_enough(left_out):
    """ "Đã tổng hợp, có dòng bị loại (xem trang 'Lỗi dữ liệu')" is 54 characters; column C is 34
    wide (about 37 characters): two lines, so 30 pt, and the cell wraps them."""
    ws = openpyxl.load_workbook(left_out / "TongHop_2024-05.xlsx")["Nộp báo cáo"]
    row = _row_of(ws, 2, "Nà Mòn")
    status = ws.cell(row, 3)
    assert status.value == "Đã tổng hợp, có dòng bị loại (xem trang 'Lỗi dữ liệu')"
    assert status.alignment.wrap_text
    assert ws.row_dimensions[row].height == 30
    assert ws.cell(row, 6).value == 1  # Số dòng bị loại
    short = ws.cell(_row_of(ws, 2, "Bản Cọ"), 3)
    assert short.value == "Hợp lệ" and short.alignment.wrap_text


def test_nop_bao_cao_says_no_other_file_across_the_table(left_out):
    """ "Không có tệp nào khác." was written in column A alone (5 wide), wrapped out of sight."""
    ws = openpyxl.load_workbook(left_out / "TongHop_2024-05.xlsx")["Nộp báo cáo"]
    row = _row_of(ws, 1, "Không có tệp nào khác.")
    assert f"A{row}:F{row}" in {str(m) for m in ws.merged_cells.ranges}


# --- 3. the English texts ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def left_out_en(tmp_path_factory) -> Path:
    """The run of :func:`_rows_left_out` with ``--lang en``: its workbook."""
    base = tmp_path_factory.mktemp("left_out_en")
    _rows_left_out(base / "in")
    execute(base / "in", base / "out", "2024-05", lang="en")
    return base / "out" / "2024-05" / "TongHop_2024-05.xlsx"


def _message(book, code: str) -> str:
    ws = book["Lỗi dữ liệu"]
    row = _row_of(ws, 10, code)
    return ws.cell(row, 11).value


def test_the_classification_mismatch_is_said_in_one_language(left_out, left_out_en):
    """NM4: 1,200,000 đ and 3 deprivations (td_01–td_03), declared near-poor: the standard says
    poor. The value quoted is the cell's own text in either language; the income is written
    each language's way (1,200,000 in English since session 28)."""
    vi = openpyxl.load_workbook(left_out / "TongHop_2024-05.xlsx")
    assert _message(vi, "classification-mismatch") == (
        "Phân loại 'Hộ cận nghèo' khác với chuẩn nghèo (thu nhập 1.200.000 đ, 3 chỉ số thiếu hụt:"
        " theo chuẩn là hộ nghèo). Giữ nguyên theo kết quả bình xét của xóm; đề nghị kiểm tra lại."
    )
    en = openpyxl.load_workbook(left_out_en)
    assert _message(en, "classification-mismatch") == (
        "Classification 'Hộ cận nghèo' differs from the poverty standard (income 1,200,000 đ, 3 "
        "deprivation indicators: by the standard, a poor household). Kept as the hamlet decided;"
        " please check."
    )


def test_english_texts_name_the_issue_sheet_by_its_tab(left_out_en):
    """The tabs keep their Vietnamese names in English (CONTRACT §5): a text pointing to the
    issues names 'Lỗi dữ liệu', never an 'Errors sheet' the officer cannot find."""
    book = openpyxl.load_workbook(left_out_en)
    texts = [t for ws in book.worksheets for t in _texts(ws)]
    assert not [t for t in texts if "Errors sheet" in t]
    assert (
        "1 household row with an error is not yet in the figures below (see sheet 'Lỗi dữ "
        "liệu'); the rates and results will change once the hamlets correct it."
    ) in _texts(book["Tổng hợp"])
    # the household list's row reads the tables' column; its reason, under the list (session 48)
    held = (
        "Not counted (row with an error): still listed, but its row has an error and is not "
        "counted; see sheet 'Lỗi dữ liệu'."
    )
    assert held in _texts(book["Biến động"])
    assert "Not counted (row with an error)" in _texts(book["Biến động"])
    ws = book["Theo xóm"]
    row = _row_of(ws, 2, "Nà Mòn")
    assert [ws.cell(row, c).value for c in (3, 19)] == [
        "Consolidated, 1 row(s) left out",
        "Met (**)",
    ]


# --- 4. where an issue is ----------------------------------------------------------------------


def test_each_issue_of_the_info_sheet_names_its_label_beside_its_cell(tmp_path):
    """On 'Thông tin' (the template's labels in A, values in B: Xã B2, Xóm B3, Tổng số hộ dân cư
    B5) every issue at a value's cell names its label in 'Cột'. Đồng Kè writes 1 household for
    2 listed (and 150 at the start of the year): both issues at B5 say 'Tổng số hộ dân cư'. A
    list for 'Khuổi Đắc' (no such hamlet): B3, 'Xóm'. Nà Mòn's 'Xã' says 'Phú Đình': B2, 'Xã'.
    Bản Cọ's list has no 'Số nhân khẩu' column: no cell holds it, so 'Ô' stays blank; the
    header's row (4) and the column's name say where it is missing."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "DS_DongKe.xlsx", "Đồng Kè", 1,
                 [person("DK1", "poor"), person("DK2", "near_poor")])  # fmt: skip
    write_roster(folder, "DS_KhuoiDac.xlsx", "Khuổi Đắc", 90, [person("KD1", "poor")])
    path = write_roster(folder, "DS_NaMon.xlsx", "Nà Mòn", 100, [person("NM1", "poor")])
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B2"] = "Phú Đình"
    book.save(path)
    path = write_roster(folder, "DS_BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert sheet["H4"].value == "Số nhân khẩu"
    sheet.delete_cols(8)
    book.save(path)
    execute(folder, tmp_path / "out", "2024-05")
    ws = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx")[
        "Lỗi dữ liệu"
    ]
    # Tệp, Trang, Ô, Dòng, Cột, Giá trị by Mã lỗi
    found = {
        ws.cell(r, 10).value: [ws.cell(r, c).value for c in (3, 4, 5, 6, 7, 8)]
        for r in range(1, ws.max_row + 1)
    }
    assert found["total-less-than-listed"] == [
        "DS_DongKe.xlsx", "Thông tin", "B5", None, "Tổng số hộ dân cư", "1"
    ]  # fmt: skip
    assert found["total-far-from-plan"] == [
        "DS_DongKe.xlsx", "Thông tin", "B5", None, "Tổng số hộ dân cư", "1"
    ]  # fmt: skip
    assert found["unknown-hamlet"] == [
        "DS_KhuoiDac.xlsx", "Thông tin", "B3", None, "Xóm", "Khuổi Đắc"
    ]  # fmt: skip
    assert found["commune-mismatch"] == [
        "DS_NaMon.xlsx", "Thông tin", "B2", None, "Xã", "Phú Đình"
    ]  # fmt: skip
    assert found["missing-column"] == [
        "DS_BanCo.xlsx", "Danh sách", None, 4, "Số nhân khẩu", None
    ]  # fmt: skip


# --- 5. a hamlet's posted list past its first page -----------------------------------------------


def test_every_printed_page_of_a_posted_list_names_its_hamlet(left_out):
    """The title names the hamlet on page 1 only, and a long list's page 2 repeats only the
    table's header: the footer of each hamlet's sheet names the hamlet, commune and month
    (a footer prints on every page)."""
    book = openpyxl.load_workbook(left_out / "NiemYet_2024-05.xlsx")
    assert book.sheetnames == ["Nà Mòn", "Bản Cọ", "Đồng Kè"]
    for hamlet in book.sheetnames:
        footer = book[hamlet].oddFooter
        assert footer.center.text == (
            f"Xóm {hamlet}, xã Trung Lương – danh sách niêm yết tháng 5/2024 – Trang &P"
        )
        assert not footer.left.text and not footer.right.text
