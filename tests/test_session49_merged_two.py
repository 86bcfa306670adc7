"""Two hamlets merged by the plan into one, both old heads sending their lists apart the same
month (session 49, W1), and the words of a list apart the history tells ('joined-sent').

The small commune (tests.commune). March and April: Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor;
Bản Cọ BC1, BC2, BC4, BC6 poor and BC3, BC5, BC7 near-poor (BC4-BC7 new this year); Đồng Kè
DK1 poor, DK2 near-poor. April ends at 3 + 4 + 1 = 8 poor and 2 + 3 + 1 = 6 near-poor."""

from __future__ import annotations

import openpyxl

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import (
    PLAN_INFO,
    person,
    plan_hamlets,
    start_list,
    write_merged_plan,
    write_roster,
)
from tests.summaries import json_summary
from tests.test_session32_merged_alone import rows_having
from tests.test_session38_oracle import dk_rows, na_mon_rows
from tests.test_session47_apart_new_codes import merged_after_april
from tests.test_session47_mergers import movement_row
from tests.test_session48_gone_hamlet import bc_7
from tests.test_session48_gone_hamlet import may as _may_merged


def _all_in_na_mon(folder):
    """KeHoach_2024.xlsx with Bản Cọ and Đồng Kè merged into Nà Mòn: one row of 100 + 200 +
    150 = 450 households, 3 + 2 + 1 = 6 poor, 2 + 1 + 1 = 4 near-poor, every start household
    under Nà Mòn."""
    [na_mon] = [h for h in plan_hamlets() if h["hamlet"] == "Nà Mòn"]
    hamlets = [dict(na_mon, start_households=450, start_poor=6, start_near_poor=4)]
    start = [dict(r, hamlet="Nà Mòn") for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)


def _may(tmp_path, lists: tuple) -> tuple:
    """March and April as above, the plan merging Bản Cọ and Đồng Kè into Nà Mòn, and May run
    with ``lists`` ((file, hamlet written, rows)). Returns the refusals of the hamlets the plan
    lacks by file (and the warnings of a list apart by ('apart', its file)), Nà Mòn's May
    summary and the commune's."""
    folder, out, _ = merged_after_april(tmp_path, bc_7(), _all_in_na_mon)
    for name, hamlet, rows in lists:
        write_roster(folder, name, hamlet, 200, rows, "2024-05")
    result, _, _ = execute(folder, out, "2024-05")
    said = {i.file: i for i in result.issues if i.code == "unknown-hamlet"}
    said.update({("apart", i.instead): i for i in result.issues if i.code == "merged-list-apart"})
    summary = json_summary(out, "2024-05")
    return said, {h["hamlet"]: h for h in summary["hamlets"]}["Nà Mòn"], summary


def test_two_hamlets_merged_into_one_both_sending_apart_are_both_held_apart(tmp_path):
    """May: Nà Mòn lists its own, BC2, BC3, BC6; Bản Cọ's old head sends BC1, BC4 poor and BC5,
    BC7 near-poor apart; Đồng Kè's old head sends DK1 poor and DK2 near-poor apart. Before,
    `refused_by_codes` held one list apart per hamlet: two claimed Nà Mòn, so neither was held
    ('joined-sent' both, "chưa có trong danh sách đầu năm" of BC1, DK1, DK2, which are), and
    Nà Mòn was counted with BC1, BC4, DK1 and BC5, BC7, DK2 exited (poor 8 - 3 = 5, near-poor
    6 - 3 = 3). Now both are held apart ('merged'), as one is: Nà Mòn left out
    ('merged-list-apart'), 3 start households (BC1, DK1, DK2) and 6 listed apart; its table
    from April's three lists: poor NM1-NM3, BC1, BC2, BC4, BC6, DK1 = 8, BC1, BC4, DK1 not
    counted, 5; near-poor NM4, NM5, BC3, BC5, BC7, DK2 = 6, BC5, BC7, DK2 not counted, 3; none
    exited; no hamlet left in the commune's figures."""
    bc = bc_7()
    said, na_mon, summary = _may(
        tmp_path,
        (("NaMon_2024-05.xlsx", "Nà Mòn", na_mon_rows(bc[1], bc[2], bc[5])),
         ("BanCo_2024-05.xlsx", "Bản Cọ", [bc[0], bc[3], bc[4], bc[6]]),
         ("DongKe_2024-05.xlsx", "Đồng Kè", dk_rows())),
    )  # fmt: skip
    assert {f: (i.variant, i.instead) for f, i in said.items() if i.code == "unknown-hamlet"} == {
        "BanCo_2024-05.xlsx": ("merged", "Nà Mòn"),
        "DongKe_2024-05.xlsx": ("merged", "Nà Mòn"),
    }
    assert "(4/4 mã hộ có trong danh sách đầu năm và danh sách các tháng 3/2024–4/2024" in (
        said["BanCo_2024-05.xlsx"].message("vi")
    )
    assert "(2/2 mã hộ có trong danh sách đầu năm)" in said["DongKe_2024-05.xlsx"].message("vi")
    assert (na_mon["status"], na_mon["incomplete"]["reason"]) == ("rejected", "merged-list-apart")
    assert (na_mon["incomplete"]["households_apart"],
            na_mon["incomplete"]["households_listed_apart"]) == (3, 6)  # fmt: skip
    month = na_mon["movements_month"]
    assert (movement_row(month, "poor"), month["poor"]["not_counted"]) == ((8, 0, 0, 0, 0, 5), 3)
    assert (movement_row(month, "near_poor"), month["near_poor"]["not_counted"]) == (
        (6, 0, 0, 0, 0, 3), 3)  # fmt: skip
    assert [h["status"] for h in summary["hamlets"]] == ["rejected"]
    assert summary["totals"]["movements_month"] is None
    # each list apart is said to Nà Mòn's list with its own households: BC1 of the start list
    # and BC4, BC5, BC7; DK1 and DK2, both of it
    assert (
        said[("apart", "BanCo_2024-05.xlsx")]
        .message("vi")
        .startswith(
            "Số liệu của xóm Nà Mòn chưa đủ: 1 hộ có trong danh sách đầu năm và 3 hộ khác của danh "
            "sách xóm 'Bản Cọ' gửi riêng (tệp BanCo_2024-05.xlsx,"
        )
    )
    assert (
        said[("apart", "DongKe_2024-05.xlsx")]
        .message("vi")
        .startswith(
            "Số liệu của xóm Nà Mòn chưa đủ: 2 hộ của danh sách xóm 'Đồng Kè' gửi riêng (tệp "
            "DongKe_2024-05.xlsx,"
        )
    )
    assert (na_mon["incomplete"]["hamlet_written"], na_mon["incomplete"]["file"]) == (
        "Bản Cọ', 'Đồng Kè", "BanCo_2024-05.xlsx, DongKe_2024-05.xlsx")  # fmt: skip
    # Nà Mòn's head is told both lists apart (was the first alone)
    head = openpyxl.load_workbook(tmp_path / "ra" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    status = [v for ws in head for row in ws.iter_rows(values_only=True) for v in row
              if isinstance(v, str) and v.startswith("Danh sách đã được tổng hợp nhưng")]  # fmt: skip
    head.close()
    assert status == [
        "Danh sách đã được tổng hợp nhưng chưa tính vào số liệu toàn xã: còn thiếu 1 hộ có "
        "trong danh sách đầu năm và 3 hộ khác của danh sách xóm 'Bản Cọ'; 2 hộ của danh sách "
        "xóm 'Đồng Kè' gửi riêng (xem bảng dưới); hãy ghi các hộ đó vào danh sách này rồi gửi "
        "lại."
    ]
    # each list apart is said to Nà Mòn's list with its own households


# Bản Cọ's old head's May list after the plan merged Bản Cọ into Nà Mòn (write_merged_plan):
# households never stored (BX: on no list, no month)
NEW = [person("BX1", "poor"), person("BX2", "poor"), person("BX3", "near_poor"),
        person("BX4", "near_poor")]  # fmt: skip


def merged_may_lists(ban_co: list[dict], na_mon: bool = True) -> tuple:
    """May's lists: Nà Mòn its own, BC2, BC3, BC6 (unless not ``na_mon``), Bản Cọ's old head
    ``ban_co``, Đồng Kè its own."""
    bc = bc_7()
    lists = [("BanCo_2024-05.xlsx", "Bản Cọ", 200, ban_co),
             ("DongKe_2024-05.xlsx", "Đồng Kè", 150, dk_rows())]  # fmt: skip
    if na_mon:
        lists.insert(0, ("NaMon_2024-05.xlsx", "Nà Mòn", 300, na_mon_rows(bc[1], bc[2], bc[5])))
    return tuple(lists)


def _reason(tmp_path) -> list[str]:
    """The reason 'Nộp báo cáo' gives for Bản Cọ's old head's file."""
    book = openpyxl.load_workbook(
        tmp_path / "ra" / "2024-05" / "TongHop_2024-05.xlsx", read_only=True
    )
    said = [r[2] for r in rows_having(book["Nộp báo cáo"], "BanCo_2024-05.xlsx")]
    book.close()
    return said


def test_a_list_apart_with_a_few_start_households_among_new_ones_says_how_many(tmp_path):
    """May: Bản Cọ's old head lists BC1 (on the start list, under Nà Mòn) and BX1-BX4, never
    stored: 1 of its 5 codes on a list, too few to tell a hamlet, so the history tells the
    merger, and Nà Mòn sent its own list: 'joined-sent'. Its words said "Các hộ trong danh sách
    này chưa có trong danh sách đầu năm của xã", false of BC1. Now 'joined-sent-start': the
    detail says 1/5 codes on the start list, the words "Các hộ khác …" (the 4 others)."""
    [issue] = _may_merged(tmp_path, write_merged_plan, merged_may_lists([bc_7()[0], *NEW]))
    assert (issue.cell, issue.variant, issue.instead) == ("B3", "joined-sent-start-held", "Nà Mòn")
    said = issue.message("vi")
    assert said.startswith(
        "Ô 'Xóm' ghi 'Bản Cọ': xóm 'Bản Cọ' đã sáp nhập vào xóm 'Nà Mòn' (trong kế hoạch từ kỳ "
        "05/2024; 1/5 mã hộ có trong danh sách đầu năm), và xóm 'Nà Mòn' đã gửi danh sách kỳ "
        "này, nên danh sách riêng này không được tính. Các hộ khác trong danh sách này chưa có "
        "trong danh sách đầu năm của xã:"
    )
    assert "Các hộ trong danh sách này chưa có" not in said
    assert _reason(tmp_path) == [
        "Bị từ chối: ô 'Xóm' ghi 'Bản Cọ', xóm đã sáp nhập vào xóm Nà Mòn (xóm Nà Mòn đã gửi "
        "danh sách riêng)"
    ]
    head = openpyxl.load_workbook(tmp_path / "ra" / "2024-05" / "PhanHoi" / "Bản Cọ_2024-05.xlsx")
    [guide] = [r[-1] for r in rows_having(head["Hướng dẫn sửa"], "B3")]
    head.close()
    assert "Các hộ khác trong danh sách này chưa có trong danh sách đầu năm" in guide


def test_a_list_of_new_households_named_by_its_title_is_told_of_its_title(tmp_path):
    """May: Bản Cọ's old head lists BX1-BX4 (never stored), its 'Xóm' cell B3 blank, its title
    'DANH SÁCH … xóm Bản Cọ - Tháng 5 năm 2024'; Nà Mòn sent its own list. Before, 'joined-sent',
    whose words began "Ô 'Xóm' ghi 'Bản Cọ'" of a blank cell. Now 'joined-sent-title': the
    title named ("Tiêu đề của danh sách ghi xóm 'Bản Cọ'"), as 'joined-title' does; 'Nộp báo
    cáo' names the title too."""
    [issue] = _may_merged(
        tmp_path, write_merged_plan, merged_may_lists(NEW), titled="BanCo_2024-05.xlsx"
    )
    assert (issue.variant, issue.instead) == ("joined-sent-title", "Nà Mòn")
    said = issue.message("vi")
    assert said.startswith(
        "Tiêu đề của danh sách ghi xóm 'Bản Cọ': xóm 'Bản Cọ' đã sáp nhập vào xóm 'Nà Mòn' (trong "
        "kế hoạch từ kỳ 05/2024), và xóm 'Nà Mòn' đã gửi danh sách kỳ này, nên danh sách riêng "
        "này không được tính. Các hộ trong danh sách này chưa có trong danh sách đầu năm của xã:"
    )
    assert "Ô 'Xóm'" not in said and "Không sửa tên xóm trong tiêu đề thành 'Nà Mòn'" in said
    assert _reason(tmp_path) == [
        "Bị từ chối: tiêu đề ghi xóm 'Bản Cọ', xóm đã sáp nhập vào xóm Nà Mòn (xóm Nà Mòn đã "
        "gửi danh sách riêng)"
    ]


def test_a_list_named_by_its_title_all_on_the_merged_hamlets_list_is_told_of_its_title(tmp_path):
    """May: Bản Cọ's old head lists BC2 and BC3, both on Nà Mòn's own May list, B3 blank, the
    title naming Bản Cọ: a copy of Nà Mòn's households (plain by its codes), the history's
    merger, every code on Nà Mòn's list: 'joined-listed', whose words began "Ô 'Xóm' ghi".
    Now 'joined-listed-title'."""
    bc = bc_7()
    [issue] = _may_merged(
        tmp_path, write_merged_plan, merged_may_lists([bc[1], bc[2]]), titled="BanCo_2024-05.xlsx"
    )
    assert (issue.variant, issue.instead) == ("joined-listed-title", "Nà Mòn")
    assert issue.message("vi").startswith(
        "Tiêu đề của danh sách ghi xóm 'Bản Cọ': xóm 'Bản Cọ' đã sáp nhập vào xóm 'Nà Mòn' (trong "
        "kế hoạch từ kỳ 05/2024), và mọi hộ trong danh sách này đều đã có trong danh sách xóm "
        "'Nà Mòn' gửi kỳ này"
    )
    assert "Ô 'Xóm'" not in issue.message("vi")
    assert _reason(tmp_path) == [
        "Bị từ chối: tiêu đề ghi xóm 'Bản Cọ', xóm đã sáp nhập vào xóm Nà Mòn (các hộ đã có "
        "trong danh sách của xóm Nà Mòn)"
    ]


def test_a_list_of_new_households_named_by_its_title_beside_no_list_is_told_joined_title(
    tmp_path,
):
    """May: Bản Cọ's old head lists BX1-BX4, B3 blank, the title naming Bản Cọ; Nà Mòn sends
    nothing. Before, 'joined' ("Ô 'Xóm' ghi 'Bản Cọ'" of a blank cell); now 'joined-title', as
    a list named by its title whose codes tell Nà Mòn is (session 49's review)."""
    [issue] = _may_merged(
        tmp_path,
        write_merged_plan,
        merged_may_lists(NEW, na_mon=False),
        titled="BanCo_2024-05.xlsx",
    )
    assert (issue.variant, issue.instead) == ("joined-title", "Nà Mòn")
    assert issue.message("vi").startswith(
        "Tiêu đề của danh sách ghi xóm 'Bản Cọ': xóm 'Bản Cọ' đã sáp nhập vào xóm 'Nà Mòn'"
    )
