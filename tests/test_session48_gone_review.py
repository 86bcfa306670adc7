"""Review of session 48's refusal of a list under a name the plan dropped (unknown-hamlet
variant 'gone'): a hamlet the list's households may have joined was named only where the
plan's merger rule would, short of its half: a hamlet the stored month had (a name it lacked
is a rename), holding nearly all (consolidate.NEARLY_ALL) of them found on the start list (a
hamlet split in two goes to both). Otherwise the plain words, as before. Session 49 made that
the merger rule itself (renames.merged_by_start_list): the rename and the split still get the
plain words.

The small commune (tests.commune). March and April: Bản Cọ lists BC1, BC2, BC4, BC6 poor and
BC3, BC5, BC7 near-poor (BC4-BC7 new this year: 4 of its 7)."""

from __future__ import annotations

import openpyxl

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, plan_hamlets, start_list, write_merged_plan, write_renamed_plan
from tests.test_session32_merged_alone import rows_having
from tests.test_session38_oracle import dk_rows, na_mon_rows
from tests.test_session48_gone_hamlet import bc_7, may, merged_may


def _plain(names: str) -> str:
    return (
        f"Xóm 'Bản Cọ' không có trong kế hoạch của xã. Hãy ghi đúng tên xóm như trong kế hoạch "
        f"({names}). Nếu đây là một xóm chưa có trong kế hoạch thì xã cần thêm xóm đó vào trang "
        "'Chỉ tiêu theo xóm' của kế hoạch rồi tổng hợp lại."
    )


def test_a_hamlet_renamed_mostly_new_is_not_told_it_joined_its_new_name(tmp_path):
    """The plan renames Bản Cọ 'Bản Cọ Mới' in May (BC1-BC3 under it on the start list, 3 of
    the 7 stored: no rename found, under half). Its head still writes 'Bản Cọ' on all seven.
    Before, variant 'gone': "có thể xóm đã sáp nhập vào xóm 'Bản Cọ Mới'", and not to correct
    the cell to 'Bản Cọ Mới' (which is the fix). April had no 'Bản Cọ Mới': no merger into it;
    the plain words, naming the plan's hamlets."""
    bc = bc_7()
    [issue] = may(
        tmp_path,
        lambda folder: write_renamed_plan(folder, {"Bản Cọ": "Bản Cọ Mới"}),
        (("NaMon_2024-05.xlsx", "Nà Mòn", 100, na_mon_rows()),
         ("BanCo_2024-05.xlsx", "Bản Cọ", 200, bc),
         ("DongKe_2024-05.xlsx", "Đồng Kè", 150, dk_rows())),
    )  # fmt: skip
    assert (issue.file, issue.cell, issue.variant, issue.instead) == (
        "BanCo_2024-05.xlsx", "B3", "", "")  # fmt: skip
    assert issue.message("vi") == _plain("Nà Mòn, Bản Cọ Mới, Đồng Kè")


def test_a_hamlet_split_in_two_is_not_told_it_joined_the_larger_part(tmp_path):
    """The plan drops Bản Cọ in May, its start list writing BC1, BC2 under Nà Mòn and BC3 under
    Đồng Kè. May: Nà Mòn lists its own and BC2, Đồng Kè its own and BC3; the old head sends
    BC1, BC4-BC7 under 'Bản Cọ'. Before, variant 'gone' naming Nà Mòn (2 of the 3 found): his
    households to be written in Nà Mòn's list. 2 is under 0.8 × 3: a split, the plain words."""
    bc = bc_7()

    def split(folder):
        into = {"BC1": "Nà Mòn", "BC2": "Nà Mòn", "BC3": "Đồng Kè"}
        hamlets = [dict(h) for h in plan_hamlets() if h["hamlet"] != "Bản Cọ"]
        hamlets[0].update(start_households=200, start_poor=5, start_near_poor=2)
        hamlets[1].update(start_households=250, start_poor=1, start_near_poor=2)
        start = [dict(r, hamlet=into.get(r["ma_ho"], r["hamlet"])) for r in start_list()]
        write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)

    [issue] = may(
        tmp_path,
        split,
        (("NaMon_2024-05.xlsx", "Nà Mòn", 200, na_mon_rows(bc[1])),
         ("BanCo_2024-05.xlsx", "Bản Cọ", 200, [bc[0], *bc[3:]]),
         ("DongKe_2024-05.xlsx", "Đồng Kè", 250, [*dk_rows(), bc[2]])),
    )  # fmt: skip
    assert (issue.file, issue.cell, issue.variant, issue.instead) == (
        "BanCo_2024-05.xlsx", "B3", "", "")  # fmt: skip
    assert issue.message("vi") == _plain("Nà Mòn, Đồng Kè")


def test_a_list_whose_title_names_the_dropped_hamlet_is_told_merged_by_the_one_rule(
    tmp_path,
):
    """The case of tests.test_session48_gone_hamlet (the plan merges Bản Cọ into Nà Mòn in May,
    BC1-BC3 under Nà Mòn; May: Nà Mòn lists its own, BC2, BC3, BC6), the old head's list (BC1,
    BC4, BC5, BC7) leaving its 'Xóm' cell B3 blank, its title 'DANH SÁCH … xóm Bản Cọ - Tháng 5
    năm 2024'. Session 48 refused it 'gone' at B3 ("có thể xóm đã sáp nhập vào xóm Nà Mòn").
    Session 49 pairs Bản Cọ with Nà Mòn by the start list's households alone, as the figures
    do; its review holds a list named by its title apart as one named in its cell ('merged',
    whose words name no cell; the figures: tests.test_session49_merged_new_review). The head's
    copy keeps B3 blank, his status says no cell to correct."""
    [issue] = may(tmp_path, write_merged_plan, merged_may(), titled="BanCo_2024-05.xlsx")
    assert (issue.file, issue.cell, issue.variant, issue.instead) == (
        "BanCo_2024-05.xlsx", "B3", "merged", "Nà Mòn")  # fmt: skip
    out = tmp_path / "ra"
    head = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Bản Cọ_2024-05.xlsx")
    assert head["Thông tin"]["B3"].value is None  # kept blank
    assert [r[-1] for r in rows_having(head["Hướng dẫn sửa"], "Tình trạng:")] == [
        "Danh sách gửi riêng này không được tổng hợp: xóm 'Bản Cọ' không có trong kế hoạch của "
        "xã, và các hộ trong danh sách là của xóm Nà Mòn. Không cần sửa ô nào: các hộ này phải "
        "được ghi vào danh sách của xóm Nà Mòn (một danh sách cho cả xóm) do trưởng xóm Nà Mòn "
        "gửi cho xã; xem 'Cách sửa'."
    ]
    head.close()
