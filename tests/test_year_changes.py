"""A year as it happens: a revised plan merges two hamlets, a revised plan saved with a mistake,
last months' files of a hamlet that no longer exists still in the folder."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from pipeline import figures as fig
from pipeline import history as hist
from pipeline.run import FatalError, collect, execute
from pipeline.template import write_plan_workbook
from tests.commune import HAMLETS, PLAN_INFO, person, write_plan, write_roster


def _merged_plan(folder: Path, name: str = "KeHoach_2024_sapnhap.xlsx") -> Path:
    """The July revision: Bản Cọ and Đồng Kè merged into Tân Thành (350 households, 3 poor,
    2 near-poor, targets 2 and 2); saved after the first plan."""
    n, p, c, pt, ct = HAMLETS["Nà Mòn"]
    hamlets = [
        {
            "hamlet": "Nà Mòn",
            "start_households": n,
            "start_poor": p,
            "start_near_poor": c,
            "poor_target": pt,
            "near_poor_target": ct,
        },
        {
            "hamlet": "Tân Thành",
            "start_households": 350,
            "start_poor": 3,
            "start_near_poor": 2,
            "poor_target": 2,
            "near_poor_target": 2,
        },
    ]
    path = folder / name
    write_plan_workbook(path, PLAN_INFO, hamlets, None)
    later = (folder / "KeHoach_2024.xlsx").stat().st_mtime + 100
    os.utime(path, (later, later))
    return path


def _june(folder: Path) -> None:
    """June: all three hamlets of the first plan send their list."""
    folder.mkdir(parents=True, exist_ok=True)
    write_plan(folder, with_start_list=False)
    for name, hamlet, total, code in (
        ("NaMon", "Nà Mòn", 100, "NM"),
        ("BanCo", "Bản Cọ", 200, "BC"),
        ("DongKe", "Đồng Kè", 150, "DK"),
    ):
        write_roster(
            folder,
            f"{name}_2024-06.xlsx",
            hamlet,
            total,
            [person(f"{code}1", "poor")],
            period="2024-06",
            prepared=date(2024, 7, 1),
        )


def test_rerunning_a_month_from_before_a_merge_does_not_drop_the_merged_hamlets(tmp_path):
    """June was consolidated with 3 hamlets (3 poor of 450 households). The merge plan is then
    dropped in, and June run again: Bản Cọ's and Đồng Kè's June files are refused as not in the
    plan, so June would be stored with Nà Mòn alone (1 poor of 100). The run stops instead."""
    folder, out = tmp_path / "input", tmp_path / "output"
    _june(folder)
    execute(folder, out, "2024-06")
    stored = hist.HistoryStore(out / hist.HISTORY_FILE).periods()
    assert [(p["period"], p["totals"]["households"], p["totals"]["poor"]) for p in stored] == [
        ("2024-06", 450, 3)
    ]
    _merged_plan(folder)
    with pytest.raises(FatalError) as stopped:
        execute(folder, out, "2024-06")
    assert str(stopped.value).startswith(
        "Kỳ 06/2024 đã được tổng hợp với 3 xóm; 2 xóm trong số đó (Bản Cọ, Đồng Kè) không có "
        "trong kế hoạch đang dùng ('KeHoach_2024_sapnhap.xlsx'), nên chương trình không ghi đè "
        "kết quả cũ."
    )
    assert "--replace" in str(stopped.value)
    stored = hist.HistoryStore(out / hist.HISTORY_FILE).periods()
    assert [(p["totals"]["households"], p["totals"]["poor"]) for p in stored] == [(450, 3)]
    # On purpose: June under the new plan, Nà Mòn's 1 poor of 100 households (Tân Thành sent none).
    summary = execute(folder, out, "2024-06", replace=True)[0].summary
    assert (summary["totals"]["households"], summary["totals"]["poor"]) == (100, 1)


def test_a_revised_plan_that_cannot_be_read_is_not_passed_over_for_the_older_one(tmp_path):
    folder = tmp_path / "input"
    _june(folder)
    revised = _merged_plan(folder, "KeHoach_2024_T7.xlsx")
    import openpyxl

    book = openpyxl.load_workbook(revised)
    book["Chỉ tiêu theo xóm"].delete_rows(3)  # the header row lost
    book.save(revised)
    later = (folder / "KeHoach_2024.xlsx").stat().st_mtime + 100
    os.utime(revised, (later, later))
    with pytest.raises(FatalError) as stopped:
        collect(folder, "2024-06")
    assert str(stopped.value) == (
        "KeHoach_2024_T7.xlsx: trang 'Chỉ tiêu theo xóm' không có dòng tiêu đề 'Xóm | Tổng số hộ "
        "đầu năm | …'. (Tệp kế hoạch mới nhất là 'KeHoach_2024_T7.xlsx'; tệp cũ hơn "
        "'KeHoach_2024.xlsx' không được dùng thay. Nếu tệp mới nhất là bản lưu nhầm, hãy chuyển "
        "nó ra khỏi thư mục đầu vào.)"
    )


def test_an_older_broken_plan_beside_a_good_newer_one_is_only_skipped(tmp_path):
    folder = tmp_path / "input"
    _june(folder)
    old = folder / "KeHoach_2024.xlsx"
    import openpyxl

    book = openpyxl.load_workbook(old)
    book["Chỉ tiêu theo xóm"].delete_rows(3)
    book.save(old)
    os.utime(old, (1_700_000_000, 1_700_000_000))
    _merged_plan(folder, "KeHoach_2024_T7.xlsx")
    result, _ = collect(folder, "2024-06")
    assert result.plan.file == "KeHoach_2024_T7.xlsx"
    assert [(i.code, i.file) for i in result.issues if i.code == "plan-duplicate"] == [
        ("plan-duplicate", "KeHoach_2024.xlsx")
    ]


def test_last_months_files_of_merged_hamlets_are_of_another_period_not_errors(tmp_path):
    """July under the merge plan, June's files still in the folder: Bản Cọ's and Đồng Kè's June
    files name hamlets the plan no longer has. They are of another month ("khác kỳ"), not
    unknown-hamlet errors of July's run."""
    folder = tmp_path / "input"
    _june(folder)
    _merged_plan(folder)
    write_roster(
        folder,
        "NaMon_2024-07.xlsx",
        "Nà Mòn",
        100,
        [person("NM1", "poor")],
        period="2024-07",
        prepared=date(2024, 8, 1),
    )
    write_roster(
        folder,
        "TanThanh_2024-07.xlsx",
        "Tân Thành",
        350,
        [person("BC1", "poor"), person("DK1", "poor")],
        period="2024-07",
        prepared=date(2024, 8, 1),
    )
    write_roster(
        folder,
        "La_2024-07.xlsx",
        "Nà Lạ",
        90,
        [person("NL1", "poor")],
        period="2024-07",
        prepared=date(2024, 8, 1),
    )
    result, _ = collect(folder, None)
    assert result.period == "2024-07"
    assert sorted((i.code, i.file) for i in result.issues if i.severity == "error") == [
        ("unknown-hamlet", "La_2024-07.xlsx")
    ]  # a hamlet unknown in July itself stays an error
    status = {s.file: s.status for s in result.submissions}
    assert status["BanCo_2024-06.xlsx"] == status["DongKe_2024-06.xlsx"] == "other_period"
    assert (result.summary["totals"]["households"], result.summary["totals"]["poor"]) == (450, 3)


def test_without_a_start_list_the_first_month_of_the_year_says_how_to_compare(tmp_path):
    folder = tmp_path / "input"
    _june(folder)  # the plan has no start list, and June is the first month stored
    result, _ = collect(folder, "2024-06")
    [said] = [i for i in result.issues if i.code == "no-start-list"]
    assert said.message() == (
        "Kế hoạch không có trang 'Danh sách đầu năm' và lịch sử chưa có kỳ nào của năm 2024 trước "
        "kỳ này: chưa tính được biến động hộ từ đầu năm (các kỳ sau sẽ so với kỳ đầu tiên của năm "
        "được lưu). Để so với đầu năm, hãy thêm trang 'Danh sách đầu năm' vào tệp kế hoạch: danh "
        "sách hộ nghèo, hộ cận nghèo được công nhận cuối năm trước, có cột 'Xóm'."
    )
    assert result.summary["totals"]["movements"] is None


# --- a household moving to another hamlet of the commune ------------------------------------


def write_moved_may(folder: Path) -> None:
    """May against the plan's start list (Nà Mòn NM1–NM3 poor, NM4–NM5 near-poor; Bản Cọ BC1–BC2
    poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor). NM3 (poor) moved to Bản Cọ and is
    poor there; NM5 (near-poor) moved to Đồng Kè and is poor there."""
    folder.mkdir(parents=True, exist_ok=True)
    write_plan(folder)
    write_roster(
        folder,
        "NaMon.xlsx",
        "Nà Mòn",
        100,
        [person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor")],
    )
    write_roster(
        folder,
        "BanCo.xlsx",
        "Bản Cọ",
        200,
        [
            person("BC1", "poor"),
            person("BC2", "poor"),
            person("BC3", "near_poor"),
            person("NM3", "poor"),
        ],
    )
    write_roster(
        folder,
        "DongKe.xlsx",
        "Đồng Kè",
        150,
        [person("DK1", "poor"), person("DK2", "near_poor"), person("NM5", "poor")],
    )


def test_a_household_moving_between_hamlets_is_neither_exited_nor_new(tmp_path):
    folder = tmp_path / "input"
    write_moved_may(folder)
    result, _ = collect(folder, None)
    moves = {h["hamlet"]: h["movements"] for h in result.summary["hamlets"]}
    zero = dict.fromkeys(
        ("to_near_poor", "exited", "not_counted", "from_near_poor", "new", "returned", "recounted"),
        0,
    )
    zero_near = dict.fromkeys(
        ("to_poor", "exited", "not_counted", "from_poor", "new", "returned", "recounted"), 0
    )
    # Nà Mòn: 3 poor − NM3 moved out = 2; 2 near-poor − NM5 moved out = 1.
    assert moves["Nà Mòn"]["poor"] == {**zero, "start": 3, "moved_out": 1, "moved_in": 0, "end": 2}
    assert moves["Nà Mòn"]["near_poor"] == {
        **zero_near,
        "start": 2,
        "moved_out": 1,
        "moved_in": 0,
        "end": 1,
    }
    # Bản Cọ: 2 poor + NM3 moved in = 3. Đồng Kè: 1 poor + NM5 moved in (near-poor before) = 2.
    assert moves["Bản Cọ"]["poor"] == {**zero, "start": 2, "moved_out": 0, "moved_in": 1, "end": 3}
    assert moves["Đồng Kè"]["poor"] == {**zero, "start": 1, "moved_out": 0, "moved_in": 1, "end": 2}
    # The commune: no household left the lists and none is new; 6 − 1 + 2 = 7 poor, 4 − 1 = 3.
    totals = result.summary["totals"]["movements"]
    assert totals["poor"] == {**zero, "start": 6, "moved_out": 1, "moved_in": 2, "end": 7}
    assert totals["near_poor"] == {**zero_near, "start": 4, "moved_out": 1, "moved_in": 0, "end": 3}
    assert not [i for i in result.issues if i.code == "vanished-household"]
    details = result.movement_details
    rows = sorted(
        zip(
            details["hamlet"],
            details["ma_ho"],
            details["movement"],
            details["start_status"],
            details["current_status"],
            details["other_hamlet"],
            strict=True,
        )
    )
    assert rows == [
        ("Bản Cọ", "NM3", "moved_in", "poor", "poor", "Nà Mòn"),
        ("Nà Mòn", "NM3", "moved_out", "poor", "poor", "Bản Cọ"),
        ("Nà Mòn", "NM5", "moved_out", "near_poor", "poor", "Đồng Kè"),
        ("Đồng Kè", "NM5", "moved_in", "near_poor", "poor", "Nà Mòn"),
    ]


def test_the_workbook_shows_where_a_household_moved(tmp_path):
    import openpyxl

    folder, out = tmp_path / "input", tmp_path / "output"
    write_moved_may(folder)
    execute(folder, out, None)
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", data_only=True)
    sheet = book["Biến động"]
    said = {(row[2].value, row[5].value) for row in sheet.iter_rows() if row[2].value == "NM3"}
    # moved away: the verb of column 5's 'Chuyển sang xóm khác', not 'Chuyển đến' (moved in's);
    # the hamlet alone, the reason under the list (session 49)
    assert said == {
        ("NM3", "Chuyển sang Bản Cọ"),
        ("NM3", "Chuyển đến từ Nà Mòn"),
    }
    summary = book["Tổng hợp"]
    lines = {
        row[0].value: (row[1].value, row[2].value)
        for row in summary.iter_rows()
        if row[0].value
        in (
            "Chuyển sang xóm khác",
            "Chuyển đến từ xóm khác",
            "Thoát khỏi danh sách",
            "Phát sinh mới",
        )
    }
    assert lines == {
        "Chuyển sang xóm khác": (1, 1),
        "Chuyển đến từ xóm khác": (2, 0),
        "Thoát khỏi danh sách": (0, 0),
        "Phát sinh mới": (0, 0),
    }


def test_a_household_back_in_poverty_shows_it_was_listed_as_exited_last_month(tmp_path):
    """NM2 exited in January (Thoát, still listed in February) and is poor again in March: the
    month's list says it was 'Thoát' in February, not 'not on the lists'."""
    from tests.test_history import three_months

    three_months(tmp_path / "input")
    out = tmp_path / "output"
    for month in ("2024-01", "2024-02"):
        execute(tmp_path / "input", out, month)
    result = execute(tmp_path / "input", out, "2024-03")[0]
    details = result.movement_details
    nm2 = details[(details["ma_ho"] == "NM2") & (details["movement"] == "returned")]
    # (since the start of the year it is unchanged: poor on the start list, poor now)
    assert list(zip(nm2["scope"], nm2["start_status"], strict=True)) == [("month", "exited")]


def _nm3_in_ban_co(folder: Path, nm3: dict):
    """May against the start list: Nà Mòn without NM3, which Bản Cọ lists as ``nm3``."""
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, [
        person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor"),
        person("NM5", "near_poor")])  # fmt: skip
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [
        person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"), nm3])  # fmt: skip
    return collect(folder, None)[0]


def test_a_moved_household_whose_new_row_has_an_error_is_not_taken_for_an_exit(tmp_path):
    """NM3 (poor) moved to Bản Cọ, where its row has 0 members (an error, left out): it is still
    on the commune's lists. Nà Mòn: moved out (its row 'not counted' there), no 'confirm Thoát';
    Bản Cọ: moved in and not counted (2 + 1 − 1 = 2; session 10: it used to show nothing, so the
    commune had a move out and no move in); the commune counts no exit."""
    result = _nm3_in_ban_co(tmp_path / "input", person("NM3", "poor", nhan_khau=0))
    moves = {h["hamlet"]: h["movements"] for h in result.summary["hamlets"] if h["movements"]}
    assert moves["Nà Mòn"]["poor"]["moved_out"] == 1 and moves["Nà Mòn"]["poor"]["exited"] == 0
    ban_co = moves["Bản Cọ"]["poor"]
    assert (ban_co["moved_in"], ban_co["not_counted"], ban_co["end"]) == (1, 1, 2)
    totals = result.summary["totals"]["movements"]["poor"]
    assert (totals["exited"], totals["moved_out"], totals["moved_in"]) == (0, 1, 1)
    assert not [i for i in result.issues if i.code == "vanished-household"]
    details = result.movement_details
    nm3 = details[details["ma_ho"] == "NM3"]
    assert list(
        zip(nm3["hamlet"], nm3["movement"], nm3["current_status"], nm3["other_hamlet"], strict=True)
    ) == [
        ("Nà Mòn", "moved_out", "not_counted", "Bản Cọ"),
        ("Bản Cọ", "moved_in", "not_counted", "Nà Mòn"),
        ("Bản Cọ", "not_counted", "not_counted", "Nà Mòn"),
    ]


def test_a_household_that_moved_and_left_the_lists_is_one_exit_and_no_question(tmp_path):
    """NM3 moved to Bản Cọ and is marked Thoát there: one exit (in Nà Mòn, whose start list had
    it), no 'confirm Thoát' to Nà Mòn, no 'not on the start list' to Bản Cọ."""
    result = _nm3_in_ban_co(tmp_path / "input", person("NM3", "exited"))
    totals = result.summary["totals"]["movements"]["poor"]
    assert (totals["exited"], totals["moved_out"], totals["moved_in"]) == (1, 0, 0)
    codes = {i.code for i in result.issues}
    assert "vanished-household" not in codes and "exited-not-listed-at-start" not in codes


def _lists_without_nm3() -> tuple[list[dict], list[dict]]:
    """Nà Mòn's list without NM3 (NM1, NM2 poor; NM4, NM5 near-poor) and Bản Cọ's (BC1, BC2
    poor; BC3 near-poor): the rest of the commune around a household that moves."""
    na_mon = [person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor"),
              person("NM5", "near_poor")]  # fmt: skip
    return na_mon, [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]


def test_a_household_that_left_the_lists_in_one_hamlet_and_returns_in_another(tmp_path):
    """April: NM3 marked Thoát in Nà Mòn. May: Bản Cọ lists NM3 as poor. Since last month it is
    new and back in poverty (tái nghèo) in Bản Cọ, not a move (it had left the lists), and the
    list shows it was 'Thoát' in April."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    write_plan(folder)
    na_mon, ban_co = _lists_without_nm3()
    write_roster(folder, "NaMon_04.xlsx", "Nà Mòn", 100, [*na_mon, person("NM3", "exited")],
                 period="2024-04", prepared=date(2024, 5, 2))  # fmt: skip
    write_roster(folder, "BanCo_04.xlsx", "Bản Cọ", 200, ban_co, period="2024-04",
                 prepared=date(2024, 5, 2))  # fmt: skip
    write_roster(folder, "NaMon_05.xlsx", "Nà Mòn", 100, na_mon)
    write_roster(folder, "BanCo_05.xlsx", "Bản Cọ", 200, [*ban_co, person("NM3", "poor")])
    execute(folder, out, "2024-04")
    result = execute(folder, out, "2024-05")[0]
    month = {h["hamlet"]: h["movements_month"] for h in result.summary["hamlets"]}
    poor = month["Bản Cọ"]["poor"]
    assert (poor["new"], poor["returned"], poor["moved_in"], poor["end"]) == (1, 1, 0, 3)
    details = result.movement_details
    nm3 = details[(details["ma_ho"] == "NM3") & (details["scope"] == "month")]
    assert list(zip(nm3["hamlet"], nm3["movement"], nm3["start_status"], strict=True)) == [
        ("Bản Cọ", "returned", "exited")
    ]


def test_a_household_moved_into_a_row_with_an_error_moves_out_and_in_for_the_commune(tmp_path):
    """April: NM3 poor in Nà Mòn. May: NM3 has moved to Bản Cọ, whose row for it has 0 members
    (an error, left out). June: the row is fixed. Đồng Kè sends nothing (the commune is Nà Mòn
    and Bản Cọ). Worked out by hand, poor list:

    May, since April and since the start of the year alike (April = the start list here):
    Nà Mòn 3 − NM3 moved out = 2; Bản Cọ 2 + NM3 moved in − NM3 not counted (its row there has
    an error) = 2; the commune 5 − 1 not counted − 1 moved out + 1 moved in = 4: it moved
    within the commune (out 1 = in 1) and is not counted for an error — no half move.
    June since May: Bản Cọ 2 + NM3 counted again = 3 (Nà Mòn 2 = 2); since the start of the
    year: Nà Mòn 3 − 1 moved out = 2, Bản Cọ 2 + 1 moved in = 3, the commune 5 − 1 + 1 = 5."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    write_plan(folder)
    na_mon, ban_co = _lists_without_nm3()
    nm3 = {"2024-04": None, "2024-05": person("NM3", "poor", nhan_khau=0),
           "2024-06": person("NM3", "poor")}  # fmt: skip
    results = {}
    for month, moved in nm3.items():
        prepared = date(2024, int(month[5:]) + 1, 2)
        rows = [dict(r) for r in na_mon] + ([person("NM3", "poor")] if moved is None else [])
        write_roster(folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, rows, period=month,
                     prepared=prepared)  # fmt: skip
        write_roster(folder, f"BanCo_{month}.xlsx", "Bản Cọ", 200,
                     [dict(r) for r in ban_co] + ([moved] if moved else []), period=month,
                     prepared=prepared)  # fmt: skip
        results[month] = execute(folder, out, month)[0]
    zero = dict.fromkeys(fig.POOR_MOVES, 0)

    def poor(result, key):
        by = {h["hamlet"]: h[key]["poor"] for h in result.summary["hamlets"] if h[key]}
        return by["Nà Mòn"], by["Bản Cọ"], result.summary["totals"][key]["poor"]

    may = results["2024-05"]
    for key in ("movements_month", "movements"):
        assert poor(may, key) == (
            {**zero, "start": 3, "moved_out": 1, "end": 2},
            {**zero, "start": 2, "moved_in": 1, "not_counted": 1, "end": 2},
            {**zero, "start": 5, "moved_out": 1, "moved_in": 1, "not_counted": 1, "end": 4},
        )
    details = may.movement_details
    nm3_may = details[details["ma_ho"] == "NM3"]
    assert sorted(zip(nm3_may["scope"], nm3_may["hamlet"], nm3_may["movement"],
                      nm3_may["current_status"], nm3_may["other_hamlet"], strict=True)) == [
        ("month", "Bản Cọ", "moved_in", "not_counted", "Nà Mòn"),
        ("month", "Bản Cọ", "not_counted", "not_counted", "Nà Mòn"),
        ("month", "Nà Mòn", "moved_out", "not_counted", "Bản Cọ"),
        ("year", "Bản Cọ", "moved_in", "not_counted", "Nà Mòn"),
        ("year", "Bản Cọ", "not_counted", "not_counted", "Nà Mòn"),
        ("year", "Nà Mòn", "moved_out", "not_counted", "Bản Cọ"),
    ]  # fmt: skip
    # the commune's lines on 'Tổng hợp' (poor, near-poor; since the start of the year)
    import openpyxl

    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", data_only=True)
    wanted = ("Chưa tính (dòng có lỗi)", "Chuyển sang xóm khác", "Chuyển đến từ xóm khác")
    lines = {r[0].value: (r[1].value, r[2].value) for r in book["Tổng hợp"].iter_rows()
             if r[0].value in wanted}  # fmt: skip
    assert lines == dict.fromkeys(wanted, (1, 0))
    june = results["2024-06"]
    assert poor(june, "movements_month") == (
        {**zero, "start": 2, "end": 2},
        {**zero, "start": 2, "recounted": 1, "end": 3},
        {**zero, "start": 4, "recounted": 1, "end": 5},
    )
    assert poor(june, "movements") == (
        {**zero, "start": 3, "moved_out": 1, "end": 2},
        {**zero, "start": 2, "moved_in": 1, "end": 3},
        {**zero, "start": 5, "moved_out": 1, "moved_in": 1, "end": 5},
    )


def test_a_household_written_in_both_hamlets_is_not_counted_once_and_moves_nowhere(tmp_path):
    """NM3 written Thoát in Nà Mòn and poor in Bản Cọ: a Mã hộ used twice, both rows left out
    until the hamlets settle it. Nà Mòn still lists it (in a row left out): not counted there;
    Bản Cọ had no NM3 and counts none; no move out or in is made of it. The commune, poor:
    5 − 1 not counted = 4."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, [
        person("NM1", "poor"), person("NM2", "poor"), person("NM3", "exited"),
        person("NM4", "near_poor"), person("NM5", "near_poor")])  # fmt: skip
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [
        person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"),
        person("NM3", "poor")])  # fmt: skip
    result = collect(folder, None)[0]
    zero = dict.fromkeys(fig.POOR_MOVES, 0)
    moves = {h["hamlet"]: h["movements"] for h in result.summary["hamlets"] if h["movements"]}
    assert moves["Nà Mòn"]["poor"] == {**zero, "start": 3, "not_counted": 1, "end": 2}
    assert moves["Bản Cọ"]["poor"] == {**zero, "start": 2, "end": 2}
    totals = result.summary["totals"]["movements"]["poor"]
    assert totals == {**zero, "start": 5, "not_counted": 1, "end": 4}


@pytest.mark.parametrize("ban_co_in_march", [True, False])
def test_a_move_into_a_hamlet_without_last_months_list_arrives_there(tmp_path, ban_co_in_march):
    """March: Nà Mòn NM1–NM3 poor, NM4–NM5 near-poor (as the start list); Bản Cọ BC1 poor, BC2
    gone near-poor, BC3 near-poor (or, ``ban_co_in_march`` False, nothing). April: Nà Mòn the
    same, Bản Cọ sends nothing. May: NM3 has moved to Bản Cọ (poor there). Đồng Kè sends
    nothing. May's table since last month, worked out by hand:

    Nà Mòn against April: poor 3 − NM3 moved out = 2; near-poor 2 = 2.
    Bản Cọ has no April list: against its latest list, March's, poor 1 + NM3 moved in = 2 and
    near-poor 2 = 2. Without a March list, against the start list (BC1, BC2 poor, BC3
    near-poor): poor 2 − BC2 to near-poor + NM3 moved in = 2, near-poor 1 + BC2 = 2.
    The commune is the sum: poor 3 + 1 − 1 moved out + 1 moved in = 4 (without March:
    3 + 2 − 1 − 1 + 1 = 4), near-poor 2 + 2 = 4 (2 + 1 + 1 = 4). The move is out of one hamlet
    and into another, as in the year's table; it used to be a move out of Nà Mòn into nowhere
    (Bản Cọ's row blank, the commune's moves out 1 and in 0)."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    write_plan(folder)
    na_mon, ban_co = _lists_without_nm3()
    ban_co_march = [person("BC1", "poor"), person("BC2", "near_poor"), person("BC3", "near_poor")]
    for month in ("2024-03", "2024-04", "2024-05"):
        prepared = date(2024, int(month[5:]) + 1, 2)
        rows = [dict(r) for r in na_mon] + ([person("NM3", "poor")] if month < "2024-05" else [])
        write_roster(folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, rows, period=month,
                     prepared=prepared)  # fmt: skip
    if ban_co_in_march:
        write_roster(folder, "BanCo_2024-03.xlsx", "Bản Cọ", 200, ban_co_march, period="2024-03",
                     prepared=date(2024, 4, 2))  # fmt: skip
    write_roster(folder, "BanCo_2024-05.xlsx", "Bản Cọ", 200,
                 [*ban_co_march, person("NM3", "poor")], period="2024-05",
                 prepared=date(2024, 6, 2))  # fmt: skip
    for month in ("2024-03", "2024-04"):
        execute(folder, out, month)
    may = execute(folder, out, "2024-05")[0]
    zero = dict.fromkeys(fig.POOR_MOVES, 0)
    zero_near = dict.fromkeys(fig.NEAR_POOR_MOVES, 0)
    by = {h["hamlet"]: h for h in may.summary["hamlets"]}
    month = {h: by[h]["movements_month"] for h in ("Nà Mòn", "Bản Cọ")}
    totals = may.summary["totals"]["movements_month"]
    assert month["Nà Mòn"] == {
        "poor": {**zero, "start": 3, "moved_out": 1, "end": 2},
        "near_poor": {**zero_near, "start": 2, "end": 2},
    }
    if ban_co_in_march:
        ban_co = {"poor": {**zero, "start": 1, "moved_in": 1, "end": 2},
                  "near_poor": {**zero_near, "start": 2, "end": 2}}  # fmt: skip
    else:
        ban_co = {"poor": {**zero, "start": 2, "to_near_poor": 1, "moved_in": 1, "end": 2},
                  "near_poor": {**zero_near, "start": 1, "from_poor": 1, "end": 2}}  # fmt: skip
    assert month["Bản Cọ"] == ban_co
    assert by["Bản Cọ"]["movements_month_from"] == ("2024-03" if ban_co_in_march else "plan")
    assert by["Nà Mòn"]["movements_month_from"] is None  # April, the month before
    switched = 0 if ban_co_in_march else 1  # BC2, poor on the start list, near-poor since March
    assert totals == {
        "poor": {**zero, "start": 4 + switched, "to_near_poor": switched, "moved_out": 1,
                 "moved_in": 1, "end": 4},
        "near_poor": {**zero_near, "start": 4 - switched, "from_poor": switched, "end": 4},
    }  # fmt: skip
    # Each hamlet's identity and the commune's; the commune is the sum of its hamlets.
    for moves in (*month.values(), totals):
        for name, to_other, from_other in (("poor", "to_near_poor", "from_near_poor"),
                                           ("near_poor", "to_poor", "from_poor")):  # fmt: skip
            m = moves[name]
            gone = m[to_other] + m["exited"] + m["not_counted"] + m["moved_out"]
            came = m[from_other] + m["new"] + m["moved_in"] + m["recounted"]
            assert m["start"] - gone + came == m["end"]
    assert totals == fig.sum_nested(list(month.values()))
    details = may.movement_details
    nm3 = details[(details["ma_ho"] == "NM3") & (details["scope"] == "month")]
    assert sorted(zip(nm3["hamlet"], nm3["movement"], nm3["other_hamlet"], strict=True)) == [
        ("Bản Cọ", "moved_in", "Nà Mòn"),
        ("Nà Mòn", "moved_out", "Bản Cọ"),
    ]
    # The workbook says what Bản Cọ's row is compared with.
    import openpyxl

    sheet = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Biến động"]
    notes = [c.value for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and "không có danh sách" in c.value]  # fmt: skip
    base = "tháng 3/2024" if ban_co_in_march else "danh sách đầu năm"
    assert notes == [
        f"(*) So với danh sách trước đó của xóm: Bản Cọ ({base}) — xóm không có danh sách "
        "được chấp nhận của tháng 4/2024 (chưa nộp hoặc bị từ chối)."
    ]
    # The month table's start column (poor, near-poor) is not April's for Bản Cọ: marked so.
    starts = [c.value for row in sheet.iter_rows() for c in row
              if isinstance(c.value, str) and c.value.startswith("Tháng 4/2024")]  # fmt: skip
    assert starts == ["Tháng 4/2024 (*)", "Tháng 4/2024 (*)"]
    # The household list's 'Phạm vi' names it too, on Bản Cọ's month rows only.
    listed = [(r[1].value, r[2].value, r[8].value) for r in sheet.iter_rows()
              if r[2].value == "NM3" and str(r[8].value).startswith("So với")]  # fmt: skip
    since = "So với tháng 3/2024" if ban_co_in_march else "So với danh sách đầu năm"
    assert listed == [("Nà Mòn", "NM3", "So với tháng trước"), ("Bản Cọ", "NM3", since)]
    note = [c.value for row in sheet.iter_rows() for c in row
            if isinstance(c.value, str) and c.value.startswith("Đầu kỳ:")]  # fmt: skip
    assert note == [
        "Đầu kỳ: đầu năm (Từ đầu năm) hoặc tháng 4/2024 (So với tháng trước). Xóm thiếu danh "
        "sách tháng 4/2024: so với danh sách ghi ở cột Phạm vi."
    ]


def test_an_arrival_in_a_row_with_an_error_reads_moved_in_then_not_counted(tmp_path):
    """NM2 and NM3 (poor in Nà Mòn's start list) moved to Bản Cọ, whose rows for them have 0
    members; BC2's own row there has an error too. Bản Cọ's households in 'Biến động' read:
    BC2 not counted (a household of its own), then each arrival moved in and, right under it,
    not counted (session 10 sorted every 'not counted' before every 'moved in')."""
    import openpyxl

    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, [
        person("NM1", "poor"), person("NM4", "near_poor"), person("NM5", "near_poor")])  # fmt: skip
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [
        person("BC1", "poor"), person("BC2", "poor", nhan_khau=0), person("BC3", "near_poor"),
        person("NM3", "poor", nhan_khau=0), person("NM2", "poor", nhan_khau=0)])  # fmt: skip
    execute(folder, out, None)
    sheet = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Biến động"]
    rows = [(r[2].value, r[5].value) for r in sheet.iter_rows() if r[1].value == "Bản Cọ"
            and str(r[2].value)[:2] in ("BC", "NM")]  # the household list's rows  # fmt: skip
    held = "Chưa tính (dòng có lỗi)"
    came = "Chuyển đến từ Nà Mòn"
    assert rows == [
        ("BC2", held),
        ("NM2", came),
        ("NM2", held),
        ("NM3", came),
        ("NM3", held),
    ]


def test_a_household_that_moved_while_its_new_hamlet_sent_nothing_arrives_moved_in(tmp_path):
    """March: NM3 poor in Nà Mòn, Bản Cọ BC1, BC2 poor, BC3 near-poor. April: NM3 has moved to
    Bản Cọ, which sends nothing (Nà Mòn's list has no NM3: it vanished there). May: Bản Cọ
    lists NM3 as poor. Bản Cọ's month table compares with its March list, when NM3 was on Nà
    Mòn's: since then NM3 moved in, worked out by hand poor 2 + 1 moved in = 3 — not new and
    back in poverty (tái nghèo): it never left a list it was known to be off. (Nà Mòn's April
    table said it vanished, without Thoát: one-sided for the commune, as documented.)"""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    write_plan(folder)
    na_mon, ban_co = _lists_without_nm3()
    write_roster(folder, "NaMon_03.xlsx", "Nà Mòn", 100, [*na_mon, person("NM3", "poor")],
                 period="2024-03", prepared=date(2024, 4, 2))  # fmt: skip
    write_roster(folder, "BanCo_03.xlsx", "Bản Cọ", 200, ban_co, period="2024-03",
                 prepared=date(2024, 4, 2))  # fmt: skip
    write_roster(folder, "NaMon_04.xlsx", "Nà Mòn", 100, [dict(r) for r in na_mon],
                 period="2024-04", prepared=date(2024, 5, 2))  # fmt: skip
    write_roster(folder, "NaMon_05.xlsx", "Nà Mòn", 100, [dict(r) for r in na_mon])
    write_roster(folder, "BanCo_05.xlsx", "Bản Cọ", 200, [*ban_co, person("NM3", "poor")])
    for month in ("2024-03", "2024-04"):
        execute(folder, out, month)
    may = execute(folder, out, "2024-05")[0]
    by = {h["hamlet"]: h for h in may.summary["hamlets"]}
    assert by["Bản Cọ"]["movements_month_from"] == "2024-03"
    poor = by["Bản Cọ"]["movements_month"]["poor"]
    assert (poor["start"], poor["moved_in"], poor["new"], poor["returned"], poor["end"]) == (
        2, 1, 0, 0, 3
    )  # fmt: skip
    assert by["Nà Mòn"]["movements_month"]["poor"]["moved_out"] == 0  # gone since April
    details = may.movement_details
    nm3 = details[(details["ma_ho"] == "NM3") & (details["scope"] == "month")]
    assert list(zip(nm3["hamlet"], nm3["movement"], nm3["other_hamlet"], strict=True)) == [
        ("Bản Cọ", "moved_in", "Nà Mòn")
    ]


def test_a_household_that_moved_months_ago_stays_moved_out_while_its_new_hamlet_is_silent(
    tmp_path,
):
    """March: NM3 has moved from Nà Mòn to Bản Cọ (both lists say so). April: Bản Cọ sends
    nothing; Nà Mòn's list is as in March. Since the start of the year Nà Mòn's NM3 is still
    moved out (to Bản Cọ, where it was last listed), worked out by hand poor 3 − 1 moved out =
    2 and exited 0, as in March: not gone from the lists in April, and Nà Mòn's head is not
    asked to write it 'Thoát'."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    write_plan(folder)
    na_mon, ban_co = _lists_without_nm3()
    write_roster(folder, "NaMon_03.xlsx", "Nà Mòn", 100, na_mon, period="2024-03",
                 prepared=date(2024, 4, 2))  # fmt: skip
    write_roster(folder, "BanCo_03.xlsx", "Bản Cọ", 200, [*ban_co, person("NM3", "poor")],
                 period="2024-03", prepared=date(2024, 4, 2))  # fmt: skip
    write_roster(folder, "NaMon_04.xlsx", "Nà Mòn", 100, [dict(r) for r in na_mon],
                 period="2024-04", prepared=date(2024, 5, 2))  # fmt: skip
    results = [execute(folder, out, month)[0] for month in ("2024-03", "2024-04")]
    for result in results:
        year = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")["movements"]
        poor = year["poor"]
        assert (poor["start"], poor["moved_out"], poor["exited"], poor["end"]) == (3, 1, 0, 2)
        details = result.movement_details
        nm3 = details[(details["ma_ho"] == "NM3") & (details["scope"] == "year")]
        assert ("Nà Mòn", "moved_out", "Bản Cọ") in set(
            zip(nm3["hamlet"], nm3["movement"], nm3["other_hamlet"], strict=True)
        )
    april = results[1]
    assert not [i for i in april.issues if i.code == "vanished-household"]
