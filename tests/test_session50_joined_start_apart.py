"""A list the history tells merged into a hamlet that sent its own list, holding a few start
households ('joined-sent-start'), is held apart, as its words say (session 50).

The small commune (tests.commune). March and April: Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor;
Bản Cọ BC1, BC2, BC4, BC6 poor and BC3, BC5, BC7 near-poor (BC4-BC7 new this year); Đồng Kè
DK1 poor, DK2 near-poor. The plan then merges Bản Cọ into Nà Mòn (write_merged_plan: 300
households, start list NM1-NM3, BC1, BC2 poor, NM4, NM5, BC3 near-poor, all under Nà Mòn).
May: Nà Mòn lists its own, BC2, BC3, BC6; Bản Cọ's old head lists BC1 and BX1-BX4 (never
stored): 1 of its 5 codes on a list, too few to tell a hamlet, so the history tells the merger
('joined-sent-start'); Đồng Kè lists DK1, DK2."""

from __future__ import annotations

import openpyxl

from pipeline.run import execute
from tests.commune import write_merged_plan, write_roster
from tests.summaries import json_summary
from tests.test_session32_merged_alone import rows_having
from tests.test_session47_apart_new_codes import merged_after_april
from tests.test_session47_mergers import movement_row
from tests.test_session48_gone_hamlet import bc_7
from tests.test_session49_merged_two import NEW, merged_may_lists


def may(tmp_path, titled: bool = False, start: int = 0):
    """March, April and May as above (``titled``: Bản Cọ's list's 'Xóm' cell B3 blank, its
    title naming Bản Cọ; ``start``: the index in _bc_7() of the start household it lists, BC1
    by default). Returns the run's result, May's summary by hamlet, the summary and the output
    folder."""
    folder, out, _ = merged_after_april(tmp_path, bc_7(), write_merged_plan)
    for name, hamlet, total, rows in merged_may_lists([bc_7()[start], *NEW]):
        path = write_roster(folder, name, hamlet, total, rows, period="2024-05")
        if titled and name == "BanCo_2024-05.xlsx":
            book = openpyxl.load_workbook(path)
            book["Thông tin"]["B3"] = None
            book["Danh sách"]["A1"] = (
                "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO xóm Bản Cọ - Tháng 5 năm 2024"
            )
            book.save(path)
    result, _, _ = execute(folder, out, "2024-05")
    summary = json_summary(out, "2024-05")
    return result, {h["hamlet"]: h for h in summary["hamlets"]}, summary, out / "2024-05"


def _nop(where, file: str) -> list[str]:
    """The reason 'Nộp báo cáo' gives for ``file``."""
    book = openpyxl.load_workbook(where / "TongHop_2024-05.xlsx", read_only=True)
    said = [r[2] for r in rows_having(book["Nộp báo cáo"], file)]
    book.close()
    return said


def test_a_list_apart_with_a_few_start_households_is_held_apart(tmp_path):
    """Before: the words said the list not counted, but Nà Mòn was counted, BC1 exited from its
    tables (year: poor start 5 (NM1-NM3, BC1, BC2), new BC6, exited BC1, end 5; month: poor 7
    (NM1-NM3, BC1, BC2, BC4, BC6), exited BC1, BC4, end 5). Now the list is held apart as a
    list told by its codes is: BC1 'chưa tính' (status 'apart'), not exited; Nà Mòn 'rejected'
    ('merged-list-apart'), 1 start household apart (BC1) and 5 listed apart (BC1, BX1-BX4).
    Year poor: 5 + 1 new (BC6) - 1 not counted (BC1) = 5, none exited; near-poor 3 -> 3.
    Month poor: 7 - 1 exited (BC4, on no list) - 1 not counted (BC1) = 5; near-poor: 5 - 2
    exited (BC5, BC7) = 3. The commune is Đồng Kè alone: 1 poor, 1 near-poor."""
    result, hamlets, summary, where = may(tmp_path)
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (refused.variant, refused.instead) == ("joined-sent-start-held", "Nà Mòn")
    na_mon = hamlets["Nà Mòn"]
    assert (na_mon["status"], na_mon["incomplete"]) == (
        "rejected",
        {
            "reason": "merged-list-apart",
            "file": "BanCo_2024-05.xlsx",
            "hamlet_written": "Bản Cọ",
            "households_apart": 1,
            "households_listed_apart": 5,
        },
    )
    year, month = na_mon["movements"], na_mon["movements_month"]
    assert (movement_row(year, "poor"), year["poor"]["not_counted"]) == ((5, 1, 0, 0, 0, 5), 1)
    assert (movement_row(year, "near_poor"), year["near_poor"]["not_counted"]) == (
        (3, 0, 0, 0, 0, 3),
        0,
    )
    assert (movement_row(month, "poor"), month["poor"]["not_counted"]) == ((7, 0, 0, 0, 1, 5), 1)
    assert (movement_row(month, "near_poor"), month["near_poor"]["not_counted"]) == (
        (5, 0, 0, 0, 2, 3), 0)  # fmt: skip
    # the commune's figures: Đồng Kè alone
    assert [h["hamlet"] for h in summary["hamlets"] if h["status"] == "ok"] == ["Đồng Kè"]
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (1, 1)
    # Nà Mòn's list is told of the list apart, with its households
    [apart] = [i for i in result.issues if i.code == "merged-list-apart"]
    assert (apart.file, apart.value, apart.instead) == (
        "NaMon_2024-05.xlsx", "Bản Cọ", "BanCo_2024-05.xlsx")  # fmt: skip
    assert apart.message("vi").startswith(
        "Số liệu của xóm Nà Mòn chưa đủ: 1 hộ có trong danh sách đầu năm và 4 hộ khác của danh "
        "sách xóm 'Bản Cọ' gửi riêng (tệp BanCo_2024-05.xlsx,"
    )
    assert _nop(where, "NaMon_2024-05.xlsx")[0].startswith(
        "Hợp lệ nhưng chưa đủ hộ: 1 hộ có trong danh sách đầu năm và 4 hộ khác của danh sách "
        "xóm 'Bản Cọ' gửi riêng (tệp BanCo_2024-05.xlsx, bị từ chối) chưa được tính, nên xóm "
        "chưa được tính vào số liệu toàn xã."
    )
    assert _nop(where, "BanCo_2024-05.xlsx") == [
        "Bị từ chối: ô 'Xóm' ghi 'Bản Cọ', xóm đã sáp nhập vào xóm Nà Mòn (xóm Nà Mòn đã gửi "
        "danh sách riêng)"
    ]
    # 'Tổng hợp' and 'Theo xóm' leave Nà Mòn out, saying why
    book = openpyxl.load_workbook(where / "TongHop_2024-05.xlsx", read_only=True)
    [headline] = [v for r in book["Tổng hợp"].iter_rows(values_only=True) for v in r
                  if isinstance(v, str) and v.startswith("Số liệu tổng hợp")]  # fmt: skip
    assert headline.startswith(
        "Số liệu tổng hợp 1/2 xóm; chưa có: Nà Mòn (số liệu thiếu các hộ của danh sách 'Bản Cọ' "
        "gửi riêng, bị từ chối;"
    )
    [by_hamlet] = [r for r in book["Theo xóm"].iter_rows(values_only=True) if r[1] == "Nà Mòn"]
    assert by_hamlet[2] == "Chưa đủ hộ, không tính vào toàn xã"
    # 'Biến động': BC1 on the list sent apart, not counted, in both tables; none of BX1-BX4
    rows = [r for r in book["Biến động"].iter_rows(values_only=True) if r[1] == "Nà Mòn"]
    book.close()
    bc1 = [r[5:8] for r in rows if r[2] == "BC1"]
    assert (
        bc1
        == [("Chưa tính (danh sách gửi riêng)", "Hộ nghèo", "Trong danh sách gửi riêng, chưa tính")]
        * 2
    )
    assert not [r for r in rows if str(r[2]).startswith("BX")]


def test_a_list_apart_named_by_its_title_with_a_start_household_is_held_apart(tmp_path):
    """The same list, its 'Xóm' cell blank, its title naming Bản Cọ ('joined-sent-start-title'):
    held apart alike (Nà Mòn 'rejected', 1 start household and 5 listed apart; BC1 not
    counted, not exited: year poor 5 + 1 - 1 = 5)."""
    result, hamlets, _, _ = may(tmp_path, titled=True)
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert refused.variant == "joined-sent-start-held-title"
    na_mon = hamlets["Nà Mòn"]
    assert (na_mon["status"], na_mon["incomplete"]["households_apart"],
            na_mon["incomplete"]["households_listed_apart"]) == ("rejected", 1, 5)  # fmt: skip
    year = na_mon["movements"]
    assert (movement_row(year, "poor"), year["poor"]["not_counted"]) == ((5, 1, 0, 0, 0, 5), 1)


def test_a_list_apart_whose_start_households_are_all_on_the_hamlets_list_is_not_held(tmp_path):
    """Bản Cọ's old head lists BC2, which Nà Mòn's own May list has too, and BX1-BX4: still
    'joined-sent-start' (1/5 codes on the start list), but the hamlet's list lacks none of its
    start households, and its others are new to the lists, as a 'joined-sent' list's are: not
    held apart, Nà Mòn counted ('ok', no 'merged-list-apart'). Year poor: start 5 (NM1-NM3,
    BC1, BC2) + 1 new (BC6) - 1 exited (BC1, on no list) = 5; near-poor 3 -> 3."""
    result, hamlets, summary, _ = may(tmp_path, start=1)
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert refused.variant == "joined-sent-start"
    na_mon = hamlets["Nà Mòn"]
    assert (na_mon["status"], na_mon.get("incomplete")) == ("ok", None)
    assert not [i for i in result.issues if i.code == "merged-list-apart"]
    year = na_mon["movements"]
    assert (movement_row(year, "poor"), year["poor"]["not_counted"]) == ((5, 1, 0, 0, 1, 5), 0)
    assert (movement_row(year, "near_poor"), year["near_poor"]["not_counted"]) == (
        (3, 0, 0, 0, 0, 3),
        0,
    )
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (5 + 1, 3 + 1)
