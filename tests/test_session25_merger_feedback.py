"""Session 25: what the hamlet heads read in the merger cases (docs/decisions.md, "Session 25:
what the heads read after a merger").

The merged hamlet (tests/test_session25_merged_figures.py): the 2025 plan folds Đồng Kè into
Bản Cọ; in January Bản Cọ sends its old list (BC1, BC2 poor, BC3 near-poor) and Đồng Kè's head
his own (DK1 poor, DK2 near-poor), refused (unknown-hamlet variant 'merged'). The merger
(tests/test_session25_commune_merger.py): July 2025 for Định Hóa, Nà Mòn's list still naming
Trung Lương, the commune of the other plan in the folder (commune-mismatch variant 'former').
"""

from __future__ import annotations

import openpyxl

from pipeline.run import execute
from tests import test_session25_commune_merger as merger
from tests import test_session25_merged_figures as merged


def _guide(path) -> dict[str, list]:
    """The guide sheet's rows by their first cell, the row's other values."""
    ws = openpyxl.load_workbook(path).worksheets[0]
    return {r[0]: [v for v in r[1:] if v is not None] for r in ws.iter_rows(values_only=True)}


_split = merged.split_january_run


def test_the_list_sent_apart_is_told_where_its_households_go_not_to_fix_red_cells(tmp_path):
    """Đồng Kè's head read "hãy sửa các ô tô đỏ (xem bảng dưới) và gửi lại" (and, fixing 'Xóm'
    to 'Bản Cọ', his list would have replaced Bản Cọ's or been replaced by it). Now the top of
    his workbook says his households go on Bản Cọ's one list, sent by Bản Cọ's head."""
    result, month = _split(tmp_path)
    rows = _guide(month / "PhanHoi" / "Đồng Kè_2025-01.xlsx")
    assert rows["Tình trạng:"][0] == (
        "Danh sách gửi riêng này không được tổng hợp: xóm 'Đồng Kè' không có trong kế hoạch của"
        " xã, và các hộ trong danh sách là của xóm Bản Cọ. Không cần sửa ô nào: các hộ này phải"
        " được ghi vào danh sách của xóm Bản Cọ (một danh sách cho cả xóm) do trưởng xóm Bản Cọ"
        " gửi cho xã; xem 'Cách sửa'."
    )
    assert rows["Số lỗi:"] == [
        1,
        "ô tô đỏ – không sửa để gửi lại: các hộ chỉ được tính khi được ghi vào danh sách của"
        " xóm Bản Cọ",
    ]
    assert rows["Cách sửa:"][0] == (
        "Hãy chuyển các hộ ở trang 'Danh sách' (bản sao danh sách xóm đã gửi) cho trưởng xóm"
        " Bản Cọ để ghi vào danh sách của xóm Bản Cọ (chèn dưới dòng hộ cuối cùng, đủ các cột"
        " như các hộ khác), với 'Tổng số hộ dân cư' là tổng số hộ của cả xóm Bản Cọ sau sáp"
        " nhập; trưởng xóm Bản Cọ gửi danh sách đó cho xã. Không gửi lại danh sách riêng của"
        " xóm 'Đồng Kè', kể cả khi sửa ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách. Nếu xóm"
        " 'Đồng Kè' không sáp nhập vào xóm Bản Cọ, hãy báo lại cho xã."
    )
    said_to_head = (
        "Xóm 'Đồng Kè' không có trong kế hoạch của xã, và theo danh sách của xã, các hộ trong"
        " danh sách này là của xóm Bản Cọ (2/2 mã hộ có trong danh sách đầu năm), nên danh sách"
        " gửi riêng này không được tính. Không sửa ô này để gửi lại: nếu xóm 'Đồng Kè' đã sáp"
        " nhập vào xóm Bản Cọ, các hộ này phải được ghi vào danh sách của xóm Bản Cọ (một danh"
        " sách cho cả xóm, với tổng số hộ dân cư của cả xóm) do trưởng xóm Bản Cọ gửi cho xã;"
        " chừng nào chưa ghi, các hộ này chưa được tính (không phải đã thoát). Nếu xóm 'Đồng"
        " Kè' không sáp nhập vào xóm Bản Cọ, hãy báo lại cho xã."
    )
    assert rows[1] == ["Thông tin", "B3", "Xóm", "Đồng Kè", "Lỗi", said_to_head]
    # the note on the red cell of the copy says the same
    book = openpyxl.load_workbook(month / "PhanHoi" / "Đồng Kè_2025-01.xlsx")
    assert book["Thông tin"]["B3"].comment.text == said_to_head
    # the officer's message keeps what the commune may do (add a hamlet to the plan)
    [refusal] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert refusal.variant == "merged"
    assert refusal.message("vi").endswith(
        "Nếu đây là một xóm khác chưa có trong kế hoạch thì xã cần thêm xóm đó vào kế hoạch rồi"
        " tổng hợp lại."
    )
    issues = openpyxl.load_workbook(month / "TongHop_2025-01.xlsx")["Lỗi dữ liệu"]
    texts = [c for r in issues.iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert refusal.message("vi") in texts and said_to_head not in texts


def test_a_plain_unknown_hamlet_still_tells_its_head_to_fix_the_red_cell(tmp_path):
    """A list whose 'Xóm' names no plan hamlet, its codes no hamlet's: the plain refusal, the red
    cell to fix, as before."""
    folder = merged.merged_plan(tmp_path)
    merged.write_roster(folder, "Lạ.xlsx", "Khuổi Lạ", 80, [merged.person("KL1", "poor")],
                        **merged.JANUARY)  # fmt: skip
    execute(folder, tmp_path / "output", "2025-01")
    rows = _guide(tmp_path / "output" / "2025-01" / "PhanHoi" / "Khuổi Lạ_2025-01.xlsx")
    assert rows["Tình trạng:"][0] == (
        "Danh sách chưa được tổng hợp vì tên xóm 'Khuổi Lạ' không có trong kế hoạch của xã; hãy"
        " sửa các ô tô đỏ (xem bảng dưới) và gửi lại."
    )
    assert rows["Số lỗi:"] == [1, "ô tô đỏ – phải sửa thì hộ (hoặc cả danh sách) mới được tính"]


def test_the_former_commune_is_said_to_the_head_without_the_communes_plans(tmp_path):
    """Nà Mòn's head read "(kế hoạch 'KeHoach_2025.xlsx' trong thư mục); kế hoạch đang dùng là
    của xã Định Hóa": the commune's files. Now his feedback says the name is the one before the
    merger, his hamlet now belongs to Định Hóa, and to write that; the officer's 'Lỗi dữ liệu'
    keeps the plan's file."""
    folder, out, _ = merger.merger(tmp_path)
    july, _, _ = execute(folder, out, "2025-07")
    path = out / "2025-07" / "PhanHoi" / "Nà Mòn_2025-07.xlsx"
    said_to_head = (
        "Tên xã 'Trung Lương' là tên xã trước khi sáp nhập; nay xóm thuộc xã Định Hóa. Danh sách"
        " vẫn được tính. Từ nay hãy ghi 'Định Hóa' ở ô này."
    )
    rows = _guide(path)
    assert rows[1] == ["Thông tin", "B2", "Xã", "Trung Lương", "Cảnh báo", said_to_head]
    assert openpyxl.load_workbook(path)["Thông tin"]["B2"].comment.text == said_to_head
    [former] = [i for i in july.issues if i.code == "commune-mismatch" and i.hamlet == "Nà Mòn"]
    officer = openpyxl.load_workbook(out / "2025-07" / "TongHop_2025-07.xlsx")["Lỗi dữ liệu"]
    texts = [c for r in officer.iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert former.message("vi") in texts
    assert "(kế hoạch 'KeHoach_2025.xlsx' trong thư mục)" in former.message("vi")
    # Khuôn Tát's third commune keeps the plain wording, said alike to both
    rows = _guide(out / "2025-07" / "PhanHoi" / "Khuôn Tát_2025-07.xlsx")
    assert rows[1][-1] == (
        "Tên xã 'Phú Đình' khác với kế hoạch ('Định Hóa'); danh sách vẫn được tính. Nếu xóm nay"
        " thuộc xã Định Hóa (sau sáp nhập xã), hãy ghi 'Định Hóa' ở ô này; nếu không, hãy kiểm"
        " tra tệp có đúng của xã không."
    )


def _header_and_notes(path, sheet="Biến động"):
    ws = openpyxl.load_workbook(path)[sheet]
    heads = [r for r in ws.iter_rows(values_only=True) if r[3] in ("Đầu năm", "Start of year")]
    notes = [r[0] for r in ws.iter_rows(values_only=True) if isinstance(r[0], str)]
    return [h[6] for h in heads], notes


def test_the_not_counted_column_is_headed_for_the_list_apart_too(tmp_path):
    """'Biến động''s column 4 (and 15) was headed "Chưa tính (dòng có lỗi)" while Bản Cọ's 1
    there (DK1; DK2 in 15) is for Đồng Kè's list apart, no row with an error. Now the header
    says both, and the note under the tables names the columns and the hamlet."""
    result, month = _split(tmp_path)
    ban_co = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Bản Cọ")
    assert ban_co["movements"]["poor"]["not_counted"] == 1
    assert ban_co["movements"]["near_poor"]["not_counted"] == 1
    heads, notes = _header_and_notes(month / "TongHop_2025-01.xlsx")
    assert heads == ["Chưa tính (dòng có lỗi, danh sách gửi riêng)"] * 2
    assert (
        "Chưa đủ hộ: Bản Cọ (thiếu danh sách 'Đồng Kè') — số liệu của xóm thiếu các hộ của danh"
        " sách gửi riêng, bị từ chối (xem trang 'Nộp báo cáo'), nên không cộng vào dòng Tổng"
        " cộng. Ở cột 4 và 15 (Chưa tính), số của Bản Cọ là các hộ có trong danh sách gửi"
        " riêng, cùng các dòng có lỗi (nếu có)." in notes
    )
    # 'Theo xóm' keeps the note without the columns (it has no 'Chưa tính')
    hamlets = openpyxl.load_workbook(month / "TongHop_2025-01.xlsx")["Theo xóm"]
    assert not any("Ở cột 4" in str(c) for r in hamlets.iter_rows(values_only=True) for c in r if c)
    (tmp_path / "en").mkdir()
    _, month_en = _split(tmp_path / "en", "en")
    heads, notes = _header_and_notes(month_en / "TongHop_2025-01.xlsx")
    assert heads == ["Not counted (row with an error, list sent apart)"] * 2
    assert any(
        n.endswith(
            "In columns 4 and 15 (Not counted), the figures of Bản Cọ are the households on the"
            " list sent apart, with any rows with an error."
        )
        for n in notes
    )


def test_the_ordinary_header_is_kept_when_no_list_is_apart(tmp_path):
    """Bản Cọ's one list after the merger (BC1, DK1 poor, BC2 'Thoát', BC3, DK2 near-poor):
    nothing apart, the header as before, no note on columns 4 and 15."""
    folder = merged.merged_plan(tmp_path)
    merged.combined(folder, "BanCo.xlsx", merged.JANUARY)
    execute(folder, tmp_path / "output", "2025-01")
    heads, notes = _header_and_notes(tmp_path / "output" / "2025-01" / "TongHop_2025-01.xlsx")
    assert heads == ["Chưa tính (dòng có lỗi)"] * 2
    assert not any("Ở cột 4 và 15" in n for n in notes)


def test_the_reporting_rows_keep_the_height_excel_needs(tmp_path):
    """'Nộp báo cáo''s status of the merged hamlet (271 characters, column C 34 wide) is 8 lines,
    120 pt, as written; the 6 lines a LibreOffice drew were an artefact of a machine without
    Carlito (Calibri's width unit taken from DejaVu Sans: every column ~1.3 × wider for its
    text). Measured with Times New Roman's metrics (Liberation Serif) in Excel's 243-pixel
    column the text takes 8 lines (LibreOffice with Carlito draws 7 in its 5.7 % wider column):
    a shorter row would cut its last line in Excel. The refused list's row, 49 letters, is two
    lines (30 pt) in both. Kept as they are (docs/decisions.md, session 25, what the heads read
    after a merger)."""
    _, month = _split(tmp_path)
    ws = openpyxl.load_workbook(month / "TongHop_2025-01.xlsx")["Nộp báo cáo"]
    rows = {r[1].value: r[1].row for r in ws.iter_rows() if r[1].value in ("Bản Cọ", "Đồng Kè")}
    assert len(ws.cell(rows["Bản Cọ"], 3).value) == 271
    assert ws.row_dimensions[rows["Bản Cọ"]].height == 120
    assert ws.row_dimensions[rows["Đồng Kè"]].height == 30
