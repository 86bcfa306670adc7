"""Review of session 49's merger of a hamlet more than half new this year
(renames.merged_by_start_list: those of its households the start list has, nearly all under
one plan hamlet that stood beside it in its months).

The small commune (tests.commune). March and April: Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor;
Bản Cọ BC1, BC2, BC4, BC6 poor and BC3, BC5, BC7 near-poor (BC4-BC7 new this year: 4 of its
7; BC1-BC3 on the start list); Đồng Kè DK1 poor, DK2 near-poor. April ends at 3 + 4 + 1 = 8
poor and 2 + 3 + 1 = 6 near-poor."""

from __future__ import annotations

import openpyxl

from pipeline.run import execute
from tests.commune import write_merged_plan, write_renamed_plan, write_roster
from tests.summaries import json_summary
from tests.test_session32_merged_alone import rows_having
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session47_apart_new_codes import merged_after_april
from tests.test_session47_mergers import movement_row
from tests.test_session48_gone_hamlet import bc_7, may, merged_may
from tests.test_session49_merged_new import commune_month_table


def _may_of_a_rename(folder, out, bc: list[dict]) -> tuple:
    """May after the plan renamed Bản Cọ 'Bản Cọ Trên': its new head lists BC2, BC3, BC6, the
    old name's list BC1, BC4, BC5, BC7. Returns Bản Cọ Trên's summary, the commune's month table
    and the refusal of the old name's list (variant, instead)."""
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    for name, hamlet, rows in (("DS_0", "Nà Mòn", na_mon_rows()), ("DS_1", "Đồng Kè", dk_rows()),
                               ("DS_2", "Bản Cọ Trên", [bc[1], bc[2], bc[5]]),
                               ("DS_3", "Bản Cọ", [bc[0], bc[3], bc[4], bc[6]])):  # fmt: skip
        write_roster(folder, f"{name}_2024-05.xlsx", hamlet, 200, rows, "2024-05")
    result, _, _ = execute(folder, out, "2024-05")
    [said] = [i for i in result.issues if i.code == "unknown-hamlet"]
    hamlets = {h["hamlet"]: h for h in json_summary(out, "2024-05")["hamlets"]}
    return hamlets["Bản Cọ Trên"], commune_month_table(out, "2024-05"), (said.variant, said.instead)


def test_a_month_run_again_does_not_take_a_rename_for_a_merger(tmp_path):
    """The plan renames Bản Cọ 'Bản Cọ Trên' in May, BC1-BC3 under it on the start list (3 of
    the 7 stored: neither rename rule finds it, nor a merger: April had no 'Bản Cọ Trên'). May:
    the old name's list is told 'former-sent' (Bản Cọ Trên's own list counted), Bản Cọ Trên set
    beside Bản Cọ's April list: poor 4, BC1, BC4 exited, 2; near-poor 3, BC5, BC7 exited, 1;
    the commune 8 - 2 = 6 and 6 - 2 = 4. May run again, and again after June (Bản Cọ Trên
    listing all seven), must say the same. Before, `consolidate.StoredCodes` took as beside
    Bản Cọ every hamlet of the year's stored months, May's own first run's 'Bản Cọ Trên' too:
    run again, the old name's list was held as Bản Cọ Trên's list apart ('merged'), Bản Cọ Trên
    left out, the commune 4 and 3."""
    folder, out, bc = merged_after_april(
        tmp_path, bc_7(), lambda f: write_renamed_plan(f, {"Bản Cọ": "Bản Cọ Trên"})
    )
    runs = [_may_of_a_rename(folder, out, bc), _may_of_a_rename(folder, out, bc)]
    run_lists(
        folder, out, "2024-06", {"Nà Mòn": na_mon_rows(), "Bản Cọ Trên": bc, "Đồng Kè": dk_rows()}
    )
    runs.append(_may_of_a_rename(folder, out, bc))
    for trend, commune, said in runs:
        month = trend["movements_month"]
        assert (trend["status"], trend.get("incomplete")) == ("ok", None)
        assert (movement_row(month, "poor"), movement_row(month, "near_poor")) == (
            (4, 0, 0, 0, 2, 2), (3, 0, 0, 0, 2, 1))  # fmt: skip
        assert commune == (((8, 0, 0, 0, 2, 6), 0), ((6, 0, 0, 0, 2, 4), 0))
        assert said == ("former-sent", "Bản Cọ Trên")


def test_a_list_apart_named_by_its_title_is_held_as_one_named_in_its_cell(tmp_path):
    """The plan merges Bản Cọ into Nà Mòn in May (BC1-BC3 under Nà Mòn on its start list). May:
    Nà Mòn lists its own, BC2, BC3, BC6; the old head's list BC1, BC4 poor and BC5, BC7
    near-poor leaves its 'Xóm' cell B3 blank, its title 'DANH SÁCH … xóm Bản Cọ - Tháng 5 năm
    2024'. Written in the cell, the list is held apart (tests.test_session49_merged_new). Before,
    a list named by its title was never held apart (`consolidate.refused_by_codes`, session 24):
    told 'joined-sent', whose words began "Ô 'Xóm' ghi 'Bản Cọ'" of a blank cell and said its
    households were on no start list (BC1 is), and Nà Mòn was counted with BC1, BC4, BC5, BC7
    exited (the commune 8 - 2 = 6 and 6 - 2 = 4) while the words said them not counted. Now as
    the cell's: 'merged' at B3, Nà Mòn left out ('merged-list-apart'); its table from April's
    two lists: poor NM1-NM3, BC1, BC2, BC4, BC6 = 7, BC1, BC4 not counted, 5; near-poor NM4,
    NM5, BC3, BC5, BC7 = 5, BC5, BC7 not counted, 3; the commune Đồng Kè alone, 1 and 1."""
    [issue] = may(tmp_path, write_merged_plan, merged_may(), titled="BanCo_2024-05.xlsx")
    assert (issue.file, issue.cell, issue.variant, issue.instead) == (
        "BanCo_2024-05.xlsx", "B3", "merged", "Nà Mòn")  # fmt: skip
    said = issue.message("vi")
    assert said.startswith("Xóm 'Bản Cọ' không có trong kế hoạch của xã, nên danh sách chưa")
    assert "(4/4 mã hộ có trong danh sách đầu năm và danh sách các tháng 3/2024–4/2024" in said
    assert "Ô 'Xóm'" not in said and "chưa có trong danh sách đầu năm" not in said
    out = tmp_path / "ra"
    na_mon = {h["hamlet"]: h for h in json_summary(out, "2024-05")["hamlets"]}["Nà Mòn"]
    assert (na_mon["status"], na_mon["incomplete"]["reason"]) == ("rejected", "merged-list-apart")
    month = na_mon["movements_month"]
    assert (movement_row(month, "poor"), month["poor"]["not_counted"]) == ((7, 0, 0, 0, 0, 5), 2)
    assert (movement_row(month, "near_poor"), month["near_poor"]["not_counted"]) == (
        (5, 0, 0, 0, 0, 3), 2)  # fmt: skip
    assert commune_month_table(out, "2024-05") == (((1, 0, 0, 0, 0, 1), 0), ((1, 0, 0, 0, 0, 1), 0))
    head = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Bản Cọ_2024-05.xlsx")
    assert head["Thông tin"]["B3"].value is None  # kept blank
    [guide] = [r[-1] for r in rows_having(head["Hướng dẫn sửa"], "B3")]
    assert guide.startswith("Xóm 'Bản Cọ' không có trong kế hoạch của xã, và theo danh sách")
    assert "chưa có trong danh sách đầu năm" not in guide
    head.close()


def test_a_list_named_by_its_title_of_a_hamlet_merged_into_a_silent_one_is_told_joined(tmp_path):
    """The plan merges Bản Cọ into Nà Mòn in May; Nà Mòn sends nothing. The old head's list
    (BC1, BC4, BC5, BC7) leaves B3 blank, its title naming Bản Cọ; Đồng Kè its own. Written in
    the cell, it is told 'joined': merged into Nà Mòn, not the cell alone to correct (one list
    of the whole hamlet). Before, 'codes-title': "nếu đây là danh sách của xóm Nà Mòn, hãy sửa
    tên xóm trong tiêu đề thành 'Nà Mòn'": done, Bản Cọ's four households would be counted as
    the whole of Nà Mòn (NM1-NM5 exited). Now 'joined-title', the same words of the title;
    'Nộp báo cáo' names the title too. Nà Mòn is the list's hamlet, 'rejected'; the commune
    Đồng Kè alone, 1 poor and 1 near-poor."""
    bc = bc_7()
    [issue] = may(
        tmp_path,
        write_merged_plan,
        (("BanCo_2024-05.xlsx", "Bản Cọ", 200, [bc[0], bc[3], bc[4], bc[6]]),
         ("DongKe_2024-05.xlsx", "Đồng Kè", 150, dk_rows())),
        titled="BanCo_2024-05.xlsx",
    )  # fmt: skip
    assert (issue.file, issue.cell, issue.variant, issue.instead) == (
        "BanCo_2024-05.xlsx", "B3", "joined-title", "Nà Mòn")  # fmt: skip
    said = issue.message("vi")
    assert said.startswith(
        "Tiêu đề của danh sách ghi xóm 'Bản Cọ': xóm 'Bản Cọ' đã sáp nhập vào xóm 'Nà Mòn' "
        "(trong kế hoạch từ kỳ 05/2024), nên danh sách riêng này chưa được tính, và xóm 'Nà Mòn' "
        "chưa gửi danh sách kỳ này."
    )
    assert "Không chỉ sửa tên xóm trong tiêu đề" in said and "Ô 'Xóm'" not in said
    out = tmp_path / "ra"
    summary = json_summary(out, "2024-05")
    assert {h["hamlet"]: h["status"] for h in summary["hamlets"]}["Nà Mòn"] == "rejected"
    assert commune_month_table(out, "2024-05") == (((1, 0, 0, 0, 0, 1), 0), ((1, 0, 0, 0, 0, 1), 0))
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    assert [r[2] for r in rows_having(book["Nộp báo cáo"], "BanCo_2024-05.xlsx")] == [
        "Bị từ chối: tiêu đề ghi xóm 'Bản Cọ', xóm đã sáp nhập vào xóm Nà Mòn (xóm Nà Mòn chưa "
        "gửi danh sách)"
    ]
    book.close()
