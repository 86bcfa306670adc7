"""Review of session 50's list apart the history tells ('joined-sent-start') held apart: the
rule asks of the households the movement tables compare with that no list counted has.

The small commune (tests.commune). March and April: Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor
(and, where said, NX1 poor in April, new this year); Bản Cọ BC1, BC2, BC4, BC6 poor and BC3,
BC5, BC7 near-poor (BC4-BC7 new this year); Đồng Kè DK1 poor, DK2 near-poor. The plan then
merges Bản Cọ into Nà Mòn (write_merged_plan: 300 households, start list NM1-NM3, BC1, BC2
poor, NM4, NM5, BC3 near-poor, all under Nà Mòn). May: Nà Mòn lists its own, BC2, BC3, BC6;
Bản Cọ's old head lists one household and BX1-BX4 (never stored): 1 of its 5 codes on a list,
too few to tell a hamlet, so the history tells the merger ('joined-sent', '-start' when that
household is on the start list); Đồng Kè lists DK1, DK2."""

from __future__ import annotations

import json
from datetime import date

import openpyxl

from pipeline import history as hist
from pipeline.checkfiles import check_files
from pipeline.run import execute
from tests.commune import new_commune, person, write_merged_plan, write_roster
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session47_merger_year_turn import merged_at_the_turn
from tests.test_session47_merger_year_turn import nm6_rows as _na_mon_six
from tests.test_session47_mergers import movement_row
from tests.test_session48_apart_year_turn import NEW_IN_DECEMBER, by_code
from tests.test_session48_gone_hamlet import bc_7
from tests.test_session49_merged_two import NEW

_NX1 = person("NX1", "poor")


def _may(tmp_path, old: list[dict], april: tuple = (), dong_ke: list[dict] | None = None):
    """March, April (Nà Mòn's April list with ``april`` too), the merged plan, and May: Bản
    Cọ's old head lists ``old``; Đồng Kè ``dong_ke`` (its own by default). Returns the run's
    result, May's hamlets by name, May's summary, the input and the output folders."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_7(), "Đồng Kè": dk_rows()}
    )
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(*april), "Bản Cọ": bc_7(),
                                    "Đồng Kè": dk_rows()})  # fmt: skip
    write_merged_plan(folder)
    bc = bc_7()
    for name, hamlet, total, rows in (
        ("NaMon_2024-05.xlsx", "Nà Mòn", 300, na_mon_rows(bc[1], bc[2], bc[5])),
        ("BanCo_2024-05.xlsx", "Bản Cọ", 200, old),
        ("DongKe_2024-05.xlsx", "Đồng Kè", 150, dk_rows() if dong_ke is None else dong_ke),
    ):
        write_roster(folder, name, hamlet, total, rows, period="2024-05")
    result, _, _ = execute(folder, out, "2024-05")
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    return result, {h["hamlet"]: h for h in summary["hamlets"]}, summary, folder, out


def _held(na_mon: dict, listed: int) -> None:
    """Nà Mòn left out for Bản Cọ's list apart of ``listed`` households, none of the start list."""
    assert (na_mon["status"], na_mon["incomplete"]) == (
        "rejected",
        {
            "reason": "merged-list-apart",
            "file": "BanCo_2024-05.xlsx",
            "hamlet_written": "Bản Cọ",
            "households_apart": 0,
            "households_listed_apart": listed,
        },
    )


def test_a_joined_sent_list_of_a_household_the_hamlets_last_month_listed_is_held_apart(tmp_path):
    """Session 50's Left (2). Nà Mòn listed NX1 (new this year) in April; in May the old head
    lists NX1 and BX1-BX4: no code on the start list, 'joined-sent', its words "các hộ này chưa
    được tính". Before: Nà Mòn counted, NX1 exited from its month table (poor 8 (NM1-NM3, NX1,
    BC1, BC2, BC4, BC6) - 3 exited (BC1, BC4, NX1) = 5). Now held apart: NX1 not counted, not
    exited: month poor 8 - 2 exited (BC1, BC4) - 1 not counted (NX1) = 5; near-poor 5 - 2
    exited (BC5, BC7) = 3; the year table has no NX1 (not on the start list, on no list
    counted): poor 5 + 1 new (BC6) - 1 exited (BC1) = 5. Nà Mòn 'rejected', "5 hộ" listed
    apart (none of the start list); the commune Đồng Kè alone (1 poor, 1 near-poor). The same
    month run again says the same; `check` on the same files words the refusal as the run."""
    old = [_NX1, *NEW]
    result, hamlets, summary, folder, out = _may(tmp_path, old, april=(_NX1,))
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (refused.variant, refused.instead) == ("joined-sent-held", "Nà Mòn")
    assert "chừng nào chưa ghi, các hộ này chưa được tính" in refused.message("vi")
    na_mon = hamlets["Nà Mòn"]
    _held(na_mon, 5)
    year, month = na_mon["movements"], na_mon["movements_month"]
    assert (movement_row(month, "poor"), month["poor"]["not_counted"]) == ((8, 0, 0, 0, 2, 5), 1)
    assert (movement_row(month, "near_poor"), month["near_poor"]["not_counted"]) == (
        (5, 0, 0, 0, 2, 3), 0)  # fmt: skip
    assert (movement_row(year, "poor"), year["poor"]["not_counted"]) == ((5, 1, 0, 0, 1, 5), 0)
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (1, 1)
    [apart] = [i for i in result.issues if i.code == "merged-list-apart"]
    assert apart.message("vi").startswith(
        "Số liệu của xóm Nà Mòn chưa đủ: 5 hộ của danh sách xóm 'Bản Cọ' gửi riêng (tệp "
        "BanCo_2024-05.xlsx,"
    )
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    nx1 = [r[5:8] for r in book["Biến động"].iter_rows(values_only=True) if r[2] == "NX1"]
    book.close()
    assert nx1 == [
        ("Chưa tính (danh sách gửi riêng)", "Hộ nghèo", "Trong danh sách gửi riêng, chưa tính")
    ]
    # `check` on the same files: the same refusal, in the same words
    store = hist.HistoryStore(out / hist.HISTORY_FILE, read_only=True)
    checked = check_files(
        [*sorted(folder.glob("*_2024-05.xlsx")), folder / "KeHoach_2024.xlsx"], history=store
    )
    [said] = [i for i in checked if i.code == "unknown-hamlet"]
    assert (said.variant, said.message("vi")) == (refused.variant, refused.message("vi"))
    # the month run again: the same figures
    execute(folder, out, "2024-05")
    again = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    assert (again["hamlets"], again["totals"]) == (summary["hamlets"], summary["totals"])


def test_a_joined_sent_list_of_a_household_the_old_hamlets_last_month_listed_is_held_apart(
    tmp_path,
):
    """The old head lists BC4 (Bản Cọ's April list, new this year) and BX1-BX4: 'joined-sent'.
    Before: BC4 exited from Nà Mòn's month table (poor 7 - 2 exited (BC1, BC4) = 5). Now: held,
    month poor 7 - 1 exited (BC1) - 1 not counted (BC4) = 5; year poor 5 + 1 (BC6) - 1 (BC1)
    = 5, BC4 in no year table row."""
    result, hamlets, _, _, _ = _may(tmp_path, [bc_7()[3], *NEW])
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert refused.variant == "joined-sent-held"
    na_mon = hamlets["Nà Mòn"]
    _held(na_mon, 5)
    year, month = na_mon["movements"], na_mon["movements_month"]
    assert (movement_row(month, "poor"), month["poor"]["not_counted"]) == ((7, 0, 0, 0, 1, 5), 1)
    assert (movement_row(year, "poor"), year["poor"]["not_counted"]) == ((5, 1, 0, 0, 1, 5), 0)


def test_a_list_apart_with_a_start_household_counted_in_another_hamlet_is_not_held(tmp_path):
    """The old head lists DK1, on Đồng Kè's start list and on Đồng Kè's May list, and
    BX1-BX4: 'joined-sent-start' (1/5 codes on the start list). Before: held, as DK1 is a
    start household Nà Mòn's list lacks: Nà Mòn left out of the commune ("5 hộ" apart, none in
    its tables), the commune Đồng Kè alone (1 poor, 1 near-poor). DK1 is counted where it is
    listed: nothing of Nà Mòn's tables is on the list apart, which holds, as a 'joined-sent'
    one does, households new to the lists: not held, Nà Mòn counted. Nà Mòn year poor 5 + 1
    new (BC6) - 1 exited (BC1) = 5, near-poor 3; Đồng Kè 1 and 1: the commune 6 poor, 4
    near-poor."""
    result, hamlets, summary, _, _ = _may(tmp_path, [person("DK1", "poor"), *NEW])
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (refused.variant, refused.instead) == ("joined-sent-start", "Nà Mòn")
    na_mon = hamlets["Nà Mòn"]
    assert (na_mon["status"], na_mon.get("incomplete")) == ("ok", None)
    assert not [i for i in result.issues if i.code == "merged-list-apart"]
    year = na_mon["movements"]
    assert (movement_row(year, "poor"), movement_row(year, "near_poor")) == (
        (5, 1, 0, 0, 1, 5), (3, 0, 0, 0, 0, 3))  # fmt: skip
    dong_ke = hamlets["Đồng Kè"]["movements"]
    assert movement_row(dong_ke, "poor") == (1, 0, 0, 0, 0, 1)
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (6, 4)


def test_a_january_joined_sent_list_of_a_household_new_in_december_is_held_apart(tmp_path):
    """The merger at the turn of the year (tests.test_session48_apart_year_turn): December 2024
    Nà Mòn NM1-NM3, NM5 poor, NM4, NM6 near-poor; Bản Cọ BC1, BC2, BC4 poor, BC3 'Thoát', BC5
    poor and BC6 near-poor new in December; the 2025 plan merges Bản Cọ into Nà Mòn (start
    list NM1-NM6, BC1, BC2, BC4: poor 7, near-poor 2). January 2025, the first month of the
    year: Nà Mòn lists its six, BC2 and BC4; the old head BC5 and BX1-BX4 ('joined-sent': BC5
    is off the 2025 start list). Before: Nà Mòn counted, BC5 exited from its month table (poor
    8 (December's NM1-NM3, NM5, BC1, BC2, BC4, BC5) - 2 exited (BC1, BC5) = 6). Now held: month
    poor 8 - 1 exited (BC1) - 1 not counted (BC5) = 6; near-poor 3 (NM4, NM6, BC6) - 1 exited
    (BC6) = 2; year poor 7 - 1 exited (BC1) = 6, near-poor 2 -> 2; the commune Đồng Kè alone."""
    folder, out = merged_at_the_turn(tmp_path, NEW_IN_DECEMBER)
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    for name, hamlet, total, rows in (
        ("NaMon_2025-01.xlsx", "Nà Mòn", 300, [*_na_mon_six(), *by_code("BC2", "BC4")]),
        ("BanCo_2025-01.xlsx", "Bản Cọ", 200, [*by_code("BC5"), *NEW]),
        ("DongKe_2025-01.xlsx", "Đồng Kè", 150, dk_rows()),
    ):
        write_roster(folder, name, hamlet, total, rows, "2025-01", date(2025, 2, 3))
    result, _, _ = execute(folder, out, "2025-01")
    summary = json.loads((out / "2025-01" / "TongHop_2025-01.json").read_text("utf-8"))
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert refused.variant == "joined-sent-held"
    na_mon = {h["hamlet"]: h for h in summary["hamlets"]}["Nà Mòn"]
    assert (na_mon["status"], na_mon["incomplete"]["households_apart"],
            na_mon["incomplete"]["households_listed_apart"]) == ("rejected", 0, 5)  # fmt: skip
    year, month = na_mon["movements"], na_mon["movements_month"]
    assert (movement_row(month, "poor"), month["poor"]["not_counted"]) == ((8, 0, 0, 0, 1, 6), 1)
    assert (movement_row(month, "near_poor"), month["near_poor"]["not_counted"]) == (
        (3, 0, 0, 0, 1, 2), 0)  # fmt: skip
    assert (movement_row(year, "poor"), year["poor"]["not_counted"]) == ((7, 0, 0, 0, 1, 6), 0)
    assert movement_row(year, "near_poor") == (2, 0, 0, 0, 0, 2)
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (1, 1)
