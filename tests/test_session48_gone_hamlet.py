"""A merged hamlet's old head sends his list apart, the hamlet more than half new this year
(session 48): neither the list apart's rule nor the refusal's history words pair it with a
plan hamlet (notices.hamlet_renames: under half of its stored households on the start list), so the
list is refused as before. It was told "Hãy ghi đúng tên xóm như trong kế hoạch (Nà Mòn, Đồng
Kè)": done, his list would be counted as the whole of Nà Mòn. Now it is told the name is one the
plan dropped, the hamlet holding most of its households on the start list as the one it may
have joined, and not to correct the cell alone (unknown-hamlet variant 'gone').

The small commune (tests.commune). March and April: Bản Cọ lists BC1, BC2, BC4, BC6 poor and
BC3, BC5, BC7 near-poor (BC4-BC7 new this year: 4 of its 7); the plan then merges Bản Cọ into
Nà Mòn (BC1-BC3 under Nà Mòn on its start list). May: Nà Mòn lists its own, BC2, BC3 and BC6;
Bản Cọ's old head sends BC1, BC4, BC5 and BC7; Đồng Kè its own."""

from __future__ import annotations

import openpyxl

from pipeline.run import execute
from tests.commune import person, write_merged_plan, write_roster
from tests.test_session32_merged_alone import _rows
from tests.test_session38_oracle import _dk, _na_mon
from tests.test_session47_apart_new_codes import _merged_after_april
from tests.test_session47_mergers import _bc

GONE_VI = (
    "Xóm 'Bản Cọ' không còn trong kế hoạch của xã, nên danh sách này chưa được "
    "tính. Xóm 'Bản Cọ' có trong danh sách tháng 4/2024 đã tổng hợp (3/7 hộ của xóm trong năm "
    "2024 nay có trong danh sách đầu năm của xóm 'Nà Mòn'): có thể xóm đã sáp nhập vào xóm "
    "'Nà Mòn'. Nếu đúng vậy, các hộ trong danh sách này phải được ghi vào danh sách của xóm 'Nà "
    "Mòn' (một danh sách cho cả xóm, với tổng số hộ dân cư của cả xóm sau sáp nhập) do trưởng "
    "xóm 'Nà Mòn' gửi cho xã; chừng nào chưa ghi, các hộ này chưa được tính. Không chỉ sửa ô "
    "'Xóm' thành 'Nà Mòn' để gửi lại danh sách này: mỗi xóm, xã chỉ tính một danh sách, và danh "
    "sách này sẽ bị tính như cả xóm 'Nà Mòn'. Nếu xóm 'Bản Cọ' chỉ đổi tên, hãy ghi tên mới như "
    "trong kế hoạch; nếu xóm 'Bản Cọ' vẫn còn mà kế hoạch thiếu, xã cần thêm xóm đó vào trang "
    "'Chỉ tiêu theo xóm' của kế hoạch rồi tổng hợp lại."
)


def _may(tmp_path, plan, lists: tuple, titled: str = "") -> list:
    """March and April as above, then ``plan`` (a function of the input folder) written, and
    May run with ``lists`` ((file, hamlet, households, rows)): the refusals of May's lists.
    ``titled``: the file whose 'Xóm' cell is left blank, its title naming its hamlet."""
    folder, out, _ = _merged_after_april(tmp_path, _bc_7(), plan)
    for name, hamlet, total, rows in lists:
        path = write_roster(folder, name, hamlet, total, rows, period="2024-05")
        if name == titled:
            book = openpyxl.load_workbook(path)
            book["Thông tin"]["B3"] = None
            book["Danh sách"]["A1"] = (
                f"DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO xóm {hamlet} - Tháng 5 năm 2024"
            )
            book.save(path)
    result, _, _ = execute(folder, out, "2024-05")
    return [i for i in result.issues if i.code == "unknown-hamlet"]


def _bc_7() -> list[dict]:
    return [*_bc(), person("BC6", "poor"), person("BC7", "near_poor")]


def _merged_may() -> tuple:
    """May's lists after the merger, as above: Nà Mòn its own, BC2, BC3, BC6; Bản Cọ's old
    head BC1, BC4, BC5, BC7; Đồng Kè its own."""
    bc = _bc_7()
    return (("NaMon_2024-05.xlsx", "Nà Mòn", 300, _na_mon(bc[1], bc[2], bc[5])),
            ("BanCo_2024-05.xlsx", "Bản Cọ", 200, [bc[0], bc[3], bc[4], bc[6]]),
            ("DongKe_2024-05.xlsx", "Đồng Kè", 150, _dk()))  # fmt: skip


def test_an_old_hamlets_list_mostly_new_this_year_is_told_the_hamlet_it_may_have_joined(
    tmp_path,
):
    [issue] = _may(tmp_path, write_merged_plan, _merged_may())
    out = tmp_path / "ra"
    # still refused, no list apart held (neither rule pairs Bản Cọ: 3 of its 7 on the start
    # list), told as a name the plan dropped, Nà Mòn holding those 3
    assert (issue.file, issue.cell, issue.variant, issue.instead) == (
        "BanCo_2024-05.xlsx", "B3", "gone", "Nà Mòn")  # fmt: skip
    assert issue.message("vi") == GONE_VI
    assert "Hãy ghi đúng tên xóm" not in issue.message("vi")
    assert issue.message("en").startswith(
        "Hamlet 'Bản Cọ' is no longer in the commune's plan, so this list is "
        "not counted. 'Bản Cọ' is on the list of 04/2024 already consolidated (3 of its 7 households "
        "in 2024 are now on the start-of-year list under 'Nà Mòn'): it may have been merged into "
        "'Nà Mòn'."
    )
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    assert [r[-1] for r in _rows(book["Lỗi dữ liệu"], "B3")] == [GONE_VI]
    assert [r[2] for r in _rows(book["Nộp báo cáo"], "BanCo_2024-05.xlsx")] == [
        "Bị từ chối: xóm 'Bản Cọ' không còn trong kế hoạch (có thể đã sáp nhập vào xóm Nà Mòn)"
    ]
    book.close()
    # the feedback to the old head: not "sửa các ô tô đỏ và gửi lại"
    head = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Bản Cọ_2024-05.xlsx")
    guide = head["Hướng dẫn sửa"]
    assert [r[-1] for r in _rows(guide, "Tình trạng:")] == [
        "Danh sách này chưa được tổng hợp: kế hoạch của xã không còn xóm 'Bản Cọ', có thể xóm đã "
        "sáp nhập vào xóm Nà Mòn. Không chỉ sửa ô 'Xóm': nếu đã sáp nhập, các hộ này phải được "
        "ghi vào danh sách của xóm Nà Mòn (một danh sách cho cả xóm) do trưởng xóm Nà Mòn gửi "
        "cho xã; xem bảng dưới."
    ]
    assert [r[-1] for r in _rows(guide, "B3")] == [GONE_VI]
    head.close()
