"""A merged hamlet's old head sends his list apart, the hamlet more than half new this year
(session 48): neither the list apart's rule nor the refusal's history words paired it with a
plan hamlet (renames.hamlet_renames: under half of its stored households on the start list).
It was told "Hãy ghi đúng tên xóm như trong kế hoạch (Nà Mòn, Đồng Kè)": done, his list would
be counted as the whole of Nà Mòn. Session 48 told it the hamlet it may have joined (variant
'gone'); session 49 holds it as that hamlet's list apart, by one rule for the list, the words
and the figures (renames.merged_by_start_list: its households new this year say nothing).

The small commune (tests.commune). March and April: Bản Cọ lists BC1, BC2, BC4, BC6 poor and
BC3, BC5, BC7 near-poor (BC4-BC7 new this year: 4 of its 7); the plan then merges Bản Cọ into
Nà Mòn (BC1-BC3 under Nà Mòn on its start list). May: Nà Mòn lists its own, BC2, BC3 and BC6;
Bản Cọ's old head sends BC1, BC4, BC5 and BC7; Đồng Kè its own."""

from __future__ import annotations

import openpyxl

from pipeline.run import execute
from tests.commune import person, write_merged_plan, write_roster
from tests.test_session32_merged_alone import rows_having
from tests.test_session38_oracle import dk_rows, na_mon_rows
from tests.test_session47_apart_new_codes import merged_after_april
from tests.test_session47_mergers import bc5_rows

# the refusal of the old head's list, held apart as Nà Mòn's (session 49)
MERGED_VI = (
    "Xóm 'Bản Cọ' không có trong kế hoạch của xã, nên danh sách chưa được tính. Các mã hộ trong "
    "danh sách là của xóm Nà Mòn (4/4 mã hộ có trong danh sách đầu năm và danh sách các tháng "
    "3/2024–4/2024 đã tổng hợp), và xóm Nà Mòn đã gửi danh sách riêng. Nếu xóm 'Bản Cọ' đã sáp "
    "nhập vào xóm Nà Mòn, các hộ này phải được ghi vào danh sách của xóm Nà Mòn (một danh sách "
    "cho cả xóm, với tổng số hộ dân cư của cả xóm) rồi gửi lại; chừng nào chưa ghi, các hộ đó "
    "chưa được tính (không phải đã thoát) và xóm Nà Mòn chưa được tính vào số liệu toàn xã. Nếu "
    "đây là một xóm khác chưa có trong kế hoạch thì xã cần thêm xóm đó vào kế hoạch rồi tổng hợp "
    "lại."
)


def may(tmp_path, plan, lists: tuple, titled: str = "") -> list:
    """March and April as above, then ``plan`` (a function of the input folder) written, and
    May run with ``lists`` ((file, hamlet, households, rows)): the refusals of May's lists.
    ``titled``: the file whose 'Xóm' cell is left blank, its title naming its hamlet."""
    folder, out, _ = merged_after_april(tmp_path, bc_7(), plan)
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


def bc_7() -> list[dict]:
    return [*bc5_rows(), person("BC6", "poor"), person("BC7", "near_poor")]


def merged_may() -> tuple:
    """May's lists after the merger, as above: Nà Mòn its own, BC2, BC3, BC6; Bản Cọ's old
    head BC1, BC4, BC5, BC7; Đồng Kè its own."""
    bc = bc_7()
    return (("NaMon_2024-05.xlsx", "Nà Mòn", 300, na_mon_rows(bc[1], bc[2], bc[5])),
            ("BanCo_2024-05.xlsx", "Bản Cọ", 200, [bc[0], bc[3], bc[4], bc[6]]),
            ("DongKe_2024-05.xlsx", "Đồng Kè", 150, dk_rows()))  # fmt: skip


def test_an_old_hamlets_list_mostly_new_this_year_is_held_apart_as_the_hamlet_it_joined(
    tmp_path,
):
    """Session 48 told this list the hamlet it may have joined (variant 'gone'), the list
    refused plainly and Nà Mòn counted without Bản Cọ's April list. Session 49 pairs Bản Cọ
    with Nà Mòn by the start list's households alone (BC1-BC3, all under Nà Mòn): the list is
    Nà Mòn's list apart (variant 'merged', its 4 codes on the start list and Bản Cọ's stored
    months), its households to go on Nà Mòn's list; the head's feedback says so (the figures:
    tests/test_session49_merged_new.py)."""
    [issue] = may(tmp_path, write_merged_plan, merged_may())
    out = tmp_path / "ra"
    assert (issue.file, issue.cell, issue.variant, issue.instead) == (
        "BanCo_2024-05.xlsx", "B3", "merged", "Nà Mòn")  # fmt: skip
    assert issue.message("vi") == MERGED_VI
    assert "Hãy ghi đúng tên xóm" not in issue.message("vi")
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    assert [r[-1] for r in rows_having(book["Lỗi dữ liệu"], "B3")] == [MERGED_VI]
    assert [r[2] for r in rows_having(book["Nộp báo cáo"], "BanCo_2024-05.xlsx")] == [
        "Bị từ chối: xóm 'Bản Cọ' không có trong kế hoạch"
    ]
    book.close()
    # the feedback to the old head: not "sửa các ô tô đỏ và gửi lại"
    head = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Bản Cọ_2024-05.xlsx")
    guide = head["Hướng dẫn sửa"]
    assert [r[-1] for r in rows_having(guide, "Tình trạng:")] == [
        "Danh sách gửi riêng này không được tổng hợp: xóm 'Bản Cọ' không có trong kế hoạch của "
        "xã, và các hộ trong danh sách là của xóm Nà Mòn. Không cần sửa ô nào: các hộ này phải "
        "được ghi vào danh sách của xóm Nà Mòn (một danh sách cho cả xóm) do trưởng xóm Nà Mòn "
        "gửi cho xã; xem 'Cách sửa'."
    ]
    head.close()
