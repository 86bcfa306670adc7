"""What session 50's review of a list apart the history tells left (T18): a list apart sent
twice said once, naming both files; a household of the list the month table compares with,
not last month's (a silent month), holds the list apart.

The small commune (tests.commune). March and April: Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor;
Bản Cọ BC1, BC2, BC4, BC6 poor and BC3, BC5, BC7 near-poor (BC4-BC7 new this year); Đồng Kè
DK1 poor, DK2 near-poor. The plan then merges Bản Cọ into Nà Mòn (write_merged_plan: 300
households, start list NM1-NM3, BC1, BC2 poor, NM4, NM5, BC3 near-poor, all under Nà Mòn).
May: Nà Mòn lists its own, BC2, BC3, BC6; Bản Cọ's old head lists BC1 and BX1-BX4 (never
stored; 'joined-sent-start'); Đồng Kè lists DK1, DK2."""

from __future__ import annotations

import openpyxl

from pipeline import history as hist
from pipeline.checkfiles import check_files
from pipeline.run import execute
from tests.commune import new_commune, person, write_merged_plan, write_roster
from tests.summaries import json_summary
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session47_apart_new_codes import merged_after_april
from tests.test_session47_mergers import movement_row
from tests.test_session48_gone_hamlet import bc_7
from tests.test_session49_merged_two import NEW, merged_may_lists

_TWICE = "BanCo_2024-05 (2).xlsx"


def may(tmp_path, again: list[dict] | None = None):
    """March, April and May as above; ``again``: Bản Cọ's old head's list sent a second time
    ('BanCo_2024-05 (2).xlsx', these rows). Returns the run's result, May's hamlets by name and
    the summary."""
    folder, out, _ = merged_after_april(tmp_path, bc_7(), write_merged_plan)
    for name, hamlet, total, rows in merged_may_lists([bc_7()[0], *NEW]):
        write_roster(folder, name, hamlet, total, rows, period="2024-05")
    if again is not None:
        write_roster(folder, _TWICE, "Bản Cọ", 200, again, period="2024-05")
    result, _, _ = execute(folder, out, "2024-05")
    summary = json_summary(out, "2024-05")
    return result, {h["hamlet"]: h for h in summary["hamlets"]}, summary, out / "2024-05"


def test_a_list_apart_sent_twice_is_one_list_apart_said_once_naming_both_files(tmp_path):
    """Session 50's review, Left (1). The old head's list (BC1, BX1-BX4) and again BC1, BX1,
    BX2 in 'BanCo_2024-05 (2).xlsx': both held apart, the figures once (5 households listed
    apart: BC1, BX1-BX4; 1 of the start list, BC1). Before: `incomplete.hamlet_written` read
    "Bản Cọ', 'Bản Cọ" and Nà Mòn had two warnings, one "1 hộ … và 2 hộ khác" of the second
    file. Now one name, one warning of the 5 households naming both files. Nà Mòn's figures
    as for the list sent once: year poor 5 + 1 new (BC6) - 1 not counted (BC1) = 5; month poor
    7 - 1 exited (BC4) - 1 not counted (BC1) = 5; the commune Đồng Kè alone (1, 1)."""
    result, hamlets, summary, where = may(tmp_path, [bc_7()[0], *NEW[:2]])
    na_mon = hamlets["Nà Mòn"]
    assert (na_mon["status"], na_mon["incomplete"]) == (
        "rejected",
        {
            "reason": "merged-list-apart",
            "file": f"{_TWICE}, BanCo_2024-05.xlsx",
            "hamlet_written": "Bản Cọ",
            "households_apart": 1,
            "households_listed_apart": 5,
        },
    )
    [apart] = [i for i in result.issues if i.code == "merged-list-apart"]
    assert apart.message("vi").startswith(
        "Số liệu của xóm Nà Mòn chưa đủ: 1 hộ có trong danh sách đầu năm và 4 hộ khác của danh "
        f"sách xóm 'Bản Cọ' gửi riêng (tệp {_TWICE}, BanCo_2024-05.xlsx, bị từ chối"
    )
    year, month = na_mon["movements"], na_mon["movements_month"]
    assert (movement_row(year, "poor"), year["poor"]["not_counted"]) == ((5, 1, 0, 0, 0, 5), 1)
    assert (movement_row(month, "poor"), month["poor"]["not_counted"]) == ((7, 0, 0, 0, 1, 5), 1)
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (1, 1)
    # 'Tổng hợp' names Bản Cọ once
    book = openpyxl.load_workbook(where / "TongHop_2024-05.xlsx", read_only=True)
    [headline] = [v for r in book["Tổng hợp"].iter_rows(values_only=True) for v in r
                  if isinstance(v, str) and v.startswith("Số liệu tổng hợp")]  # fmt: skip
    book.close()
    assert headline.startswith(
        "Số liệu tổng hợp 1/2 xóm; chưa có: Nà Mòn (số liệu thiếu các hộ của danh sách 'Bản Cọ' "
        "gửi riêng, bị từ chối;"
    )


def test_a_household_of_the_list_the_month_table_compares_with_before_a_silent_month_holds(
    tmp_path,
):
    """Session 50's review, Left (3). March: Nà Mòn NM1-NM3, NX1 (new this year) poor, NM4,
    NM5 near-poor; Bản Cọ, Đồng Kè their own. April: Nà Mòn sends nothing; Bản Cọ, Đồng Kè
    their own. The merged plan; May: Nà Mòn its own, BC2, BC3, BC6; the old head NX1 and
    BX1-BX4 ('joined-sent', NX1 off the start list). Nà Mòn's month table compares with its
    March list and Bản Cọ's April list (poor NM1-NM3, NX1, BC1, BC2, BC4, BC6: 8). Before: only
    April's lists were asked, NX1 not on them: not held, Nà Mòn counted, NX1 exited (month poor
    8 - 3 exited (BC1, BC4, NX1) = 5). Now held: month poor 8 - 2 exited (BC1, BC4) - 1 not
    counted (NX1) = 5; near-poor 5 (NM4, NM5, BC3, BC5, BC7) - 2 exited (BC5, BC7) = 3; year
    poor 5 + 1 new (BC6) - 1 exited (BC1) = 5 (NX1 off the start list, in no year row); Nà Mòn
    'rejected', 5 households listed apart, none of the start list; the commune Đồng Kè alone."""
    folder, out = new_commune(tmp_path)
    nx1 = person("NX1", "poor")
    run_lists(
        folder, out, "2024-03", {"Nà Mòn": na_mon_rows(nx1), "Bản Cọ": bc_7(), "Đồng Kè": dk_rows()}
    )
    run_lists(folder, out, "2024-04", {"Bản Cọ": bc_7(), "Đồng Kè": dk_rows()})
    write_merged_plan(folder)
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    for name, hamlet, total, rows in merged_may_lists([person("NX1", "poor"), *NEW]):
        write_roster(folder, name, hamlet, total, rows, period="2024-05")
    result, _, _ = execute(folder, out, "2024-05")
    summary = json_summary(out, "2024-05")
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (refused.variant, refused.instead) == ("joined-sent-held", "Nà Mòn")
    na_mon = {h["hamlet"]: h for h in summary["hamlets"]}["Nà Mòn"]
    assert na_mon["movements_month_from"] == "2024-03"
    assert (na_mon["status"], na_mon.get("incomplete")) == (
        "rejected",
        {
            "reason": "merged-list-apart",
            "file": "BanCo_2024-05.xlsx",
            "hamlet_written": "Bản Cọ",
            "households_apart": 0,
            "households_listed_apart": 5,
        },
    )
    year, month = na_mon["movements"], na_mon["movements_month"]
    assert (movement_row(month, "poor"), month["poor"]["not_counted"]) == ((8, 0, 0, 0, 2, 5), 1)
    assert (movement_row(month, "near_poor"), month["near_poor"]["not_counted"]) == (
        (5, 0, 0, 0, 2, 3), 0)  # fmt: skip
    assert (movement_row(year, "poor"), year["poor"]["not_counted"]) == ((5, 1, 0, 0, 1, 5), 0)
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (1, 1)


def lists_unnamed(folder, old_head: list[dict]) -> None:
    """May's lists, the old head's (``old_head``) as 'BanCo_2024-05.xlsx' with its 'Xóm' cell
    and title blank: named only by its file name."""
    for name, hamlet, total, rows in merged_may_lists(old_head):
        path = write_roster(folder, name, hamlet, total, rows, period="2024-05")
        if name == "BanCo_2024-05.xlsx":
            book = openpyxl.load_workbook(path)
            book["Thông tin"]["B3"] = None
            book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO - Tháng 5 năm 2024"
            book.save(path)


def test_a_list_named_only_by_its_file_name_says_the_start_households_it_holds(tmp_path):
    """Session 50's review, Left (4). The old head's list (BC1, BX1-BX4) with its 'Xóm' cell and
    title blank, named only by its file name 'BanCo_2024-05.xlsx' (Bản Cọ, a name the plan
    lacks): 'missing-hamlet'. Its codes do not tell a hamlet (1 of 5 on the start list: too few,
    as for a list naming Bản Cọ), nor does its name: not held apart, Nà Mòn counted. BC1, on
    Nà Mòn's start list and on Bản Cọ's April list, is on no list counted: exited from Nà Mòn's
    tables (year poor 5 + 1 new (BC6) - 1 exited (BC1) = 5; month poor 7 (NM1-NM3, BC1, BC2,
    BC4, BC6) - 2 exited (BC1, BC4) = 5); the commune 5 + 1 = 6 poor, 3 + 1 = 4 near-poor.
    Before: the refusal said only to fill the 'Xóm' cell. Now it says the list holds 1
    household of Nà Mòn (BC1) Nà Mòn's list lacks, counted as exited until written there.
    Session 53: both hamlets of the merged plan sent their lists, so no name is left to write
    in 'Xóm' ('holds-all-sent', was 'holds' and its "nếu không, hãy ghi tên xóm")."""
    folder, out, _ = merged_after_april(tmp_path, bc_7(), write_merged_plan)
    lists_unnamed(folder, [bc_7()[0], *NEW])
    result, _, _ = execute(folder, out, "2024-05")
    summary = json_summary(out, "2024-05")
    [refused] = [i for i in result.issues if i.code == "missing-hamlet"]
    assert (refused.file, refused.variant, refused.instead) == (
        "BanCo_2024-05.xlsx", "holds-all-sent", "Nà Mòn")  # fmt: skip
    assert refused.message("vi").startswith(
        "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp "
        "không ghi tên xóm nào có trong kế hoạch, nên danh sách chưa được tính. Danh sách có 1 "
        "hộ (BC1) của xóm Nà Mòn (có trong danh sách đầu năm của xóm) mà danh sách xóm Nà Mòn gửi kỳ này không có: chừng nào chưa được ghi vào danh "
        "sách của xóm Nà Mòn, các hộ này được tính là đã thoát khỏi xóm Nà Mòn."
    )
    assert "It lists 1 household (BC1) of hamlet Nà Mòn" in refused.message("en")
    na_mon = {h["hamlet"]: h for h in summary["hamlets"]}["Nà Mòn"]
    assert (na_mon["status"], na_mon.get("incomplete")) == ("ok", None)
    year, month = na_mon["movements"], na_mon["movements_month"]
    assert (movement_row(year, "poor"), year["poor"]["not_counted"]) == ((5, 1, 0, 0, 1, 5), 0)
    assert (movement_row(month, "poor"), month["poor"]["not_counted"]) == ((7, 0, 0, 0, 2, 5), 0)
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (6, 4)
    # `check` on the same files says the same
    store = hist.HistoryStore(out / hist.HISTORY_FILE, read_only=True)
    checked = check_files(
        [*sorted(folder.glob("*_2024-05.xlsx")), folder / "KeHoach_2024.xlsx"], history=store
    )
    [said] = [i for i in checked if i.code == "missing-hamlet"]
    assert (said.variant, said.message("vi")) == (refused.variant, refused.message("vi"))


def test_a_list_named_only_by_its_file_name_of_new_households_says_nothing_more(tmp_path):
    """A guard: the same list of BX1-BX4 alone (no household of any baseline): the plain
    'missing-hamlet' refusal, as before; Nà Mòn counted."""
    folder, out, _ = merged_after_april(tmp_path, bc_7(), write_merged_plan)
    lists_unnamed(folder, [*NEW])
    result, _, _ = execute(folder, out, "2024-05")
    [refused] = [i for i in result.issues if i.code == "missing-hamlet"]
    assert (refused.variant, refused.instead) == ("", "")
