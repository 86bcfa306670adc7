"""An empty list sheet whose class is marked in columns, a 'Thông tin' block under it (session
64, D2; random layouts seed 1274).

Nà Mòn's May list splits its households over two sheets: 'Hộ nghèo' (no household this month)
and 'Hộ cận nghèo' (NM1, marked 'x' under 'Hộ cận nghèo'), both headed 'Hộ nghèo | Hộ cận nghèo
| Thoát nghèo' where the template has 'Phân loại hộ'. Under the empty 'Hộ nghèo' list, the
'Thông tin' block (its title, then label in B, value in C, or label in A, value in B): its
values stand under 'Mã hộ'. They were taken for households with no class marked, so the class
columns were not read as marks and the list was refused ("Thiếu cột bắt buộc 'Phân loại hộ'").
The block's lines are no households: the list is read, NM1 near-poor, Nà Mòn 0 poor, 1
near-poor of its 100 households."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipeline.run import collect
from tests.commune import write_plan

HEADER = [
    "STT", "Mã hộ", "Họ và tên chủ hộ", "Năm sinh", "Giới tính", "Dân tộc",
    "Số định danh cá nhân", "Số nhân khẩu", "Hộ nghèo", "Hộ cận nghèo", "Thoát nghèo",
    "Thu nhập BQ (đồng/người/tháng)", "Việc làm", "Người phụ thuộc", "Dinh dưỡng",
    "Bảo hiểm y tế", "Trình độ giáo dục của người lớn", "Tình trạng đi học của trẻ em",
    "Chất lượng nhà ở", "Diện tích nhà ở bình quân đầu người", "Nguồn nước sinh hoạt",
    "Nhà tiêu hợp vệ sinh", "Sử dụng dịch vụ viễn thông",
    "Phương tiện phục vụ tiếp cận thông tin", "Nguyên nhân nghèo", "Nhóm đối tượng",
    "Nhu cầu hỗ trợ", "Ghi chú",
]  # fmt: skip
BLOCK = [("Loại biểu:", "Danh sách hộ"), ("Kỳ báo cáo:", "05/2024"), ("Xóm:", "Nà Mòn"),
         ("Tổng số hộ dân cư:", 100)]  # fmt: skip


def _folder(tmp_path: Path, shifted: bool) -> Path:
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    book = openpyxl.Workbook()
    poor = book.active
    poor.title = "Hộ nghèo"
    poor.append(HEADER)
    poor.append([])
    if shifted:  # the title, a blank row, then label in B, value in C (under 'Mã hộ', 'Họ tên')
        poor.append(["THÔNG TIN CHUNG VỀ DANH SÁCH"])
        poor.append([])
    for label, value in BLOCK:
        poor.append([None, label, value] if shifted else [label, value])  # value under 'Mã hộ'
    near = book.create_sheet("Hộ cận nghèo")
    near.append(HEADER)
    near.append([1, "NM1", "Hoàng Văn NM1", 1970, "Nam", "Tày", "012345671234", 4,
                 None, "x", None, 1_200_000])  # fmt: skip
    book.save(folder / "DS_NaMon_T5-2024.xlsx")
    return folder


@pytest.mark.parametrize("shifted", [True, False], ids=["title-label-in-B", "label-in-A"])
def test_an_empty_marked_list_over_its_info_block_is_read(tmp_path, shifted):
    result, _ = collect(_folder(tmp_path, shifted), None, workers=0)
    assert [(i.code, i.sheet, i.column) for i in result.issues if i.severity == "error"] == []
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["status"], na_mon["households"], na_mon["poor"], na_mon["near_poor"]) == (
        "ok", 100, 0, 1,
    )  # fmt: skip
    rows = result.households[["ma_ho", "phan_loai"]].values.tolist()
    assert rows == [["NM1", "near_poor"]]
