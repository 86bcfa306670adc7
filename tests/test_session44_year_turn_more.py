"""Session 44: what the review of the year-turn changes left (docs/decisions.md), tried as the
officer would. Each defect found pinned by a small fixture worked out by hand.

The small commune (tests.commune): Nà Mòn 100 households, Bản Cọ 200, Đồng Kè 150. December
2024 is run under the 2024 plan; the 2025 plan renames Nà Mòn 'Nà Mòn Mới'
(tests.test_session43_l_year_turn's helpers). The merger of 1 July 2025 is session 25's:
Trung Lương (Nà Mòn, Bản Cọ) joins Định Hóa, whose plan adds Khuôn Tát."""

from __future__ import annotations

import shutil
from datetime import date

import openpyxl
import pytest

from pipeline.run import FatalError, execute
from tests.commune import new_commune, person, write_roster
from tests.test_session25_commune_merger import merger, write_merger_month
from tests.test_session43_l_year_turn import (
    BOTH_PLANS_WARNINGS,
    OTHER_YEAR_VI,
    check_cli,
    checked,
    counted,
    december_then_january,
    late_dong_ke,
    notices_with,
    plan_2025,
    write_two_lists,
)
from tests.test_session44_year_turn import MISTYPED_VI, year_mistyped
from tests.test_session44_year_turn_review import assert_december_refuses_dong_ke, submitted

# --- (a) a late December list mistyping both its hamlet and the year in its file name --------


def test_a_december_list_named_for_december_of_next_year_is_refused_in_december(tmp_path):
    """December 2024 and January 2025 run (Đồng Kè silent in both). Đồng Kè's December list
    comes late as 'DongKe_12-2025.xlsx' ('Kỳ báo cáo' 12/2024, Ngày lập 10/01/2025, DK1 poor),
    the year in its name mistyped and 'Xóm' mistyped 'Đông Khê'. December is run again.
    Before this fix it was a list sent for December 2025, "Khác kỳ (tháng 12/2025)": no
    error, Đồng Kè missing, the head never told; January's run then said to run December
    again for it (a loop). Each month's list is copied from the last: a month half a year or
    more after its cell is none it was sent for. Now December refuses it (unknown-hamlet at
    B3, 1 error, Đồng Kè rejected with this file), as with its year right; January names no
    month to run again; `check` says the same error."""
    folder, out = new_commune(tmp_path)
    december_then_january(folder, out)
    write_roster(folder, "DongKe_12-2025.xlsx", "Đông Khê", 150, [person("DK1", "poor")],
                 "2024-12", date(2025, 1, 10))  # fmt: skip
    execute(folder, out, "2024-12")
    assert_december_refuses_dong_ke(out)
    [(hamlet, status, _)] = submitted(out, "2024-12", "DongKe_12-2025.xlsx")
    assert hamlet == "Đồng Kè"
    assert status.startswith("Bị từ chối: xóm 'Đông Khê' không có trong kế hoạch")
    execute(folder, out, "2025-01")
    assert notices_with("--period 2024-12") == []
    # the refusal alone, beside the two plans' own warnings (session 49: was 'among them')
    assert checked(folder) == [
        ("unknown-hamlet", "DongKe_12-2025.xlsx", "B3"),
        *BOTH_PLANS_WARNINGS,
    ]


# --- (b) `check` exits 1 when a run of the latest lists stops on a plan of another year -------


def test_check_whose_only_finding_is_the_plan_of_another_year_exits_1(tmp_path):
    """The folder of session 44's first year-turn test: the 2024 plan, KeHoach_2025.xlsx
    whose 'Năm kế hoạch' says 2024, and January 2025's lists. `check` finds no error (the
    plans' own 4 warnings) and says in its note that a run stops and asks for the 2025 plan.
    A run of January does stop. Before this fix `check` exited 0, "nothing to fix" to a script
    that checks before it runs. Now it exits 1, as for an error; corrected, 0."""
    folder, _ = new_commune(tmp_path)
    year_mistyped(folder)
    write_two_lists(folder, "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    done = check_cli(folder)
    other = OTHER_YEAR_VI.replace("'KeHoach_2024.xlsx'", "'KeHoach_2025.xlsx'")
    assert done.stdout.splitlines()[-2:] == [other + MISTYPED_VI, "4 tệp, 1 lỗi, 4 cảnh báo."]
    assert done.returncode == 1
    plan_2025(folder)
    done = check_cli(folder)
    # (the 2024 plan, no list of its year, said by nothing, as in the run: session 64 H2)
    assert (done.returncode, done.stdout.splitlines()[-1]) == (0, "4 tệp, 0 lỗi, 2 cảnh báo.")


# --- (c) next year's plan set aside, its 'Năm kế hoạch' left blank ----------------------------


def year_blank(folder) -> None:
    """KeHoach_2025.xlsx (the 2025 plan) whose 'Năm kế hoạch' (B4) the officer cleared to fill
    in later."""
    year_mistyped(folder)
    path = folder / "KeHoach_2025.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["Thông tin chung"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Năm kế hoạch")
    sheet.cell(row, 2).value = None
    book.save(path)


def test_a_plan_named_for_next_year_with_its_year_blank_is_not_said_to_write_this_year(tmp_path):
    """December 2024 run. The officer copies KeHoach_2024.xlsx to KeHoach_2025.xlsx, writes
    2025's hamlets and clears 'Năm kế hoạch' to fill it in later. Đồng Kè's December list
    comes late and December is run again: it takes KeHoach_2024.xlsx (Nà Mòn 3 and 2, Bản Cọ
    2 and 1, Đồng Kè 1 and 0) and sets the 2025 file aside. Before this fix the warning and
    the screen said the file's 'Năm kế hoạch' "says this period's year": the cell is blank.
    Now they say it gives no year, and to write 2025 in it if it is the 2025 plan."""
    folder, out = new_commune(tmp_path)
    write_two_lists(folder, "2024-12", "Nà Mòn", date(2025, 1, 3))
    execute(folder, out, "2024-12")
    year_blank(folder)
    late_dong_ke(folder)
    result, _, _ = execute(folder, out, "2024-12")
    assert counted(out, "2024-12") == {
        "Nà Mòn": ("ok", 3, 2),
        "Bản Cọ": ("ok", 2, 1),
        "Đồng Kè": ("ok", 1, 0),
    }
    [said] = [i for i in result.issues if i.code == "plan-duplicate"]
    assert (said.file, said.detail, said.value) == (
        "KeHoach_2025.xlsx",
        "KeHoach_2024.xlsx",
        "2025",
    )
    assert said.message("vi") == (
        "Tệp kế hoạch này mang tên năm 2025 nhưng ô 'Năm kế hoạch' (trang 'Thông tin chung') "
        "không ghi năm, nên chưa dùng được; đã dùng 'KeHoach_2024.xlsx', tệp mang tên đúng năm, "
        "không dùng tệp này. Nếu tệp này là kế hoạch năm 2025, hãy ghi 2025 vào ô 'Năm kế "
        "hoạch' (các kỳ năm 2025 cần nó), và đừng xóa 'KeHoach_2024.xlsx'."
    )
    from pipeline.cli import _plans_set_aside

    assert _plans_set_aside(result.issues, "vi") == [
        "Kế hoạch: dùng 'KeHoach_2024.xlsx', để riêng 'KeHoach_2025.xlsx' — tệp này mang tên năm "
        "2025 nhưng 'Năm kế hoạch' không ghi năm: nếu đó là kế hoạch năm 2025, hãy ghi 2025 vào ô "
        "đó (xem trang 'Lỗi dữ liệu')"
    ]


# --- (d) both plans deleted after a merger: a month never run before it ----------------------


def test_a_month_never_run_before_a_merger_is_told_the_old_communes_plan_copy(tmp_path):
    """June 2025 run with Trung Lương's plan, July with Định Hóa's (the merger of 1 July,
    session 25). The officer deletes both plans; May's lists of Trung Lương come (never run).
    Before this fix the stop named the copy kept with the latest month, July: Định Hóa's plan,
    and May copied back with it was counted as Định Hóa's, Khuôn Tát missing. Now a month
    never run is told the copy of the latest month run for the commune of the stored month
    nearest it (June: Trung Lương's); copied back, May is Trung Lương's: Nà Mòn and Bản Cọ,
    4 poor of 300 households. August, never run, is told July's (Định Hóa's), as before."""
    folder, out, _ = merger(tmp_path)
    execute(folder, out, "2025-07")
    for plan in folder.glob("KeHoach_*.xlsx"):
        plan.unlink()
    write_merger_month(folder, 5)
    kept = {p: out / p / "nguon" / name for p, name in (("2025-06", "KeHoach_2025.xlsx"),
            ("2025-07", "KeHoach_2025_DinhHoa.xlsx"))}  # fmt: skip
    for period, used in (("2025-05", "2025-06"), ("2025-08", "2025-07")):
        with pytest.raises(FatalError) as stop:
            execute(folder, out, period)
        assert str(stop.value).endswith(
            f"Kế hoạch đã dùng khi tổng hợp kỳ {int(used[5:]):02d}/2025 được giữ ở "
            f"'{kept[used]}': hãy chép (không chuyển) tệp đó vào thư mục đầu vào rồi chạy lại."
        )
    shutil.copy2(kept["2025-06"], folder / "KeHoach_2025.xlsx")
    may, _, _ = execute(folder, out, "2025-05")
    assert may.summary["commune"] == "Trung Lương"
    assert [h["hamlet"] for h in may.summary["hamlets"]] == ["Nà Mòn", "Bản Cọ"]
    totals = may.summary["totals"]
    assert (totals["households"], totals["poor"]) == (300, 4)
