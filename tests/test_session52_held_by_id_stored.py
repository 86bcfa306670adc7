"""A household held by its head's ID number in a row left out for an error, carried to the next
months (session 52): the history keeps the ID number of each row left out (schema 6), so the
walk of a later month holds the household by it where no row at hand writes that number.

The small commune (tests.commune, 'Trung Lương'): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản
Cọ BC1, BC2 poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. Each head is 'Hoàng Văn
<code>', born 1970, with an ID number of its code (tests.commune.person). April: the three
hamlets send their start lists. May: NM3 on no list; Nà Mòn and Đồng Kè both write NX3
'Hoàng Thị Lan' (his wife) with NM3's ID number, both rows left out for the code written twice:
May's tables hold NM3 by the number (not counted, session 51)."""

from __future__ import annotations

import sqlite3

from pipeline import history as hist
from pipeline.rosterchecks import id_number
from tests.april_may import BAN_CO, april, nm3_on_both, nx3_headed_by
from tests.commune import person
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session48_code_reused import json_totals, sheets

_EXITED_NOW = "Không còn trong danh sách (đề nghị xác nhận)"
_EXITED_MAY = "Không còn trong danh sách từ tháng 5/2024 (không ghi 'Thoát')"
_LAN = nx3_headed_by("Hoàng Thị Lan")
_NM = [*na_mon_rows()[:2], *na_mon_rows()[3:]]  # NM1, NM2, NM4, NM5: no NM3, no NX3


def _poor(hamlet: dict, scope: str) -> tuple:
    """(start, exited, not counted, new, recounted, returned, end) of the poor in ``scope``."""
    poor = hamlet[scope]["poor"]
    keys = ("start", "exited", "not_counted", "new", "recounted", "returned", "end")
    return tuple(poor[k] for k in keys)


def _june_without_nx3(folder, out) -> dict:
    """June: Nà Mòn and Đồng Kè both drop NX3 (no row writes NM3's number now)."""
    return run_lists(
        folder, out, "2024-06", {"Nà Mòn": _NM, "Bản Cọ": BAN_CO, "Đồng Kè": dk_rows()}
    )


def _year_and_month(june: dict, out) -> None:
    """June's figures, the same whichever month NM3 left in. The year's table (start list): Nà
    Mòn poor 3 (NM1-NM3), exited 1 (NM3), end 2; the commune 3 + 2 + 1 = 6, exited 1, end 5.
    The month's table (May's lists): Nà Mòn 2 (NM1, NM2; NM3 not counted in May) = 2, nothing
    new or recounted; the commune 2 + 2 + 1 = 5 = 5."""
    assert _poor(june["Nà Mòn"], "movements") == (3, 1, 0, 0, 0, 0, 2)
    assert _poor(json_totals(out, "2024-06"), "movements") == (6, 1, 0, 0, 0, 0, 5)
    assert _poor(june["Nà Mòn"], "movements_month") == (2, 0, 0, 0, 0, 0, 2)
    assert _poor(json_totals(out, "2024-06"), "movements_month") == (5, 0, 0, 0, 0, 0, 5)


def test_the_store_keeps_the_id_number_of_the_rows_left_out_only(tmp_path):
    """May's stored rows: the two NX3 rows (left out, 'not_counted') keep NM3's ID number's
    digits; every counted row keeps none (its number is the start list's)."""
    folder, out = april(tmp_path)
    nm3_on_both(folder, out, _LAN)
    with sqlite3.connect(out / hist.HISTORY_FILE) as conn:
        rows = conn.execute(
            "SELECT hamlet, ma_ho, status, so_dinh_danh FROM households WHERE period = "
            "'2024-05' AND so_dinh_danh IS NOT NULL ORDER BY hamlet"
        ).fetchall()
        counted = conn.execute(
            "SELECT COUNT(*) FROM households WHERE period = '2024-05' AND status != 'not_counted'"
        ).fetchone()[0]
    conn.close()
    number = id_number(person("NM3", "poor")["so_dinh_danh"])
    assert len(number) == 12
    assert rows == [
        ("Nà Mòn", "NX3", "not_counted", number),
        ("Đồng Kè", "NX3", "not_counted", number),
    ]
    # NM1, NM2, NM4, NM5, BC1-BC3, DK1, DK2: stored without a number
    assert counted == 9
    frame = hist.HistoryStore(out / hist.HISTORY_FILE, read_only=True).households(["2024-05"])
    assert sorted(frame["so_dinh_danh"].dropna().tolist()) == [number, number]


def test_june_after_both_rows_are_dropped_nm3_leaves_the_lists_in_june(tmp_path):
    """June: no row writes NX3. Was: the walk knew NX3's number from no row at hand (not on the
    start list, not in June's lists), so May's row held nothing and the year's table said NM3
    'Không còn trong danh sách từ tháng 5/2024' where May's tables said not counted. Now May's
    stored row keeps the number: NM3 was held in May and left the lists in June, asked to
    confirm now, as when the row names him ('Hoàng Văn NM3': session 51's guard)."""
    folder, out = april(tmp_path)
    nm3_on_both(folder, out, _LAN)
    june = _june_without_nx3(folder, out)
    _year_and_month(june, out)
    moves, _ = sheets(out, "2024-06", "NM3")
    assert moves == [("Nà Mòn", "Hoàng Văn NM3", "Hộ nghèo", _EXITED_NOW, "Từ đầu năm")]


def test_a_row_without_its_code_holds_by_its_kept_number(tmp_path):
    """May: Nà Mòn writes 'Hoàng Thị Lan' with NM3's ID number and no Mã hộ (left out for the
    blank code: stored by name, with the number); no other row. May's tables hold NM3 by the
    number (not counted 1: Nà Mòn poor 3, not counted 1, end 2). June: Nà Mòn drops the row.
    Was: the walk held by the number only a row with a Mã hộ, so NM3 left in May ('từ tháng
    5/2024'); now in June, asked to confirm. The figures as above."""
    folder, out = april(tmp_path)
    nm = [*na_mon_rows()[:2], {**_LAN, "ma_ho": None}, *na_mon_rows()[3:]]
    may = run_lists(folder, out, "2024-05", {"Nà Mòn": nm, "Bản Cọ": BAN_CO, "Đồng Kè": dk_rows()})
    assert _poor(may["Nà Mòn"], "movements") == (3, 0, 1, 0, 0, 0, 2)
    june = _june_without_nx3(folder, out)
    _year_and_month(june, out)
    moves, _ = sheets(out, "2024-06", "NM3")
    assert moves == [("Nà Mòn", "Hoàng Văn NM3", "Hộ nghèo", _EXITED_NOW, "Từ đầu năm")]


def test_a_store_of_schema_5_opens_and_reads_as_before(tmp_path):
    """Guard (the history as the previous version left it): April and May stored, then the
    store brought back to schema 5 (no so_dinh_danh column). It is read (only read too: no
    number, the store left at 5), and June's run brings it to 7 (session 62: twice), keeping
    May's 11 rows (no number for them); June then reads as before: NM3 left the lists in May ('từ tháng
    5/2024'), the figures as above."""
    folder, out = april(tmp_path)
    nm3_on_both(folder, out, _LAN)
    path = out / hist.HISTORY_FILE
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE households DROP COLUMN so_dinh_danh")
        conn.execute("ALTER TABLE households DROP COLUMN twice")  # schema 7's (session 62)
        conn.execute("PRAGMA user_version = 5")
    conn.close()
    frame = hist.HistoryStore(path, read_only=True).households(["2024-05"])
    assert len(frame) == 11 and frame["so_dinh_danh"].isna().all()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 5
    conn.close()
    june = _june_without_nx3(folder, out)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == hist.SCHEMA_VERSION == 7
        may_rows = conn.execute(
            "SELECT COUNT(*), COUNT(so_dinh_danh) FROM households WHERE period = '2024-05'"
        ).fetchone()
    conn.close()
    assert may_rows == (11, 0)
    _year_and_month(june, out)
    moves, _ = sheets(out, "2024-06", "NM3")
    assert moves == [("Nà Mòn", "Hoàng Văn NM3", "Hộ nghèo", _EXITED_MAY, "Từ đầu năm")]


def _back_in_june(tmp_path, nx3: dict) -> tuple[dict, object]:
    """May: Nà Mòn writes ``nx3`` (left out) in NM3's place, Đồng Kè too where it has a Mã hộ;
    June: Nà Mòn lists NM1-NM5 again, no row writes NX3."""
    folder, out = april(tmp_path)
    nm = [*na_mon_rows()[:2], nx3, *na_mon_rows()[3:]]
    dk = [*dk_rows(), nx3] if nx3["ma_ho"] else dk_rows()
    run_lists(folder, out, "2024-05", {"Nà Mòn": nm, "Bản Cọ": BAN_CO, "Đồng Kè": dk})
    lists = {"Nà Mòn": na_mon_rows(), "Bản Cọ": BAN_CO, "Đồng Kè": dk_rows()}
    return run_lists(folder, out, "2024-06", lists), out


def _recounted_in_june(june: dict, out) -> None:
    """By hand: the year's table (start list) Nà Mòn poor 3 = 3 (NM3 on both); the month's
    table (May's lists) Nà Mòn 2 (NM1, NM2), recounted 1 (NM3, held in May by the row's ID
    number), new 0, returned 0, end 3; the commune 2 + 2 + 1 = 5, recounted 1, end 6.
    'Biến động': NM3 'Tính lại (dòng đã sửa lỗi)' in the month's table, nothing in the year's."""
    assert _poor(june["Nà Mòn"], "movements") == (3, 0, 0, 0, 0, 0, 3)
    assert _poor(june["Nà Mòn"], "movements_month") == (2, 0, 0, 0, 1, 0, 3)
    assert _poor(json_totals(out, "2024-06"), "movements_month") == (5, 0, 0, 0, 1, 0, 6)
    moves, _ = sheets(out, "2024-06", "NM3")
    recounted = "Tính lại (dòng đã sửa lỗi)"
    assert moves == [("Nà Mòn", "Hoàng Văn NM3", "Hộ nghèo", recounted, "So với tháng trước")]


def test_back_on_its_list_in_june_after_held_by_id_is_counted_again(tmp_path):
    """June: NM3 back on Nà Mòn's list. Was: the walk had NM3 leave the lists in May, so June's
    month table counted it back to poverty ('Tái nghèo': new 1, returned 1) though May said
    not counted; with the number kept alone, new ('Phát sinh mới'), the month's table not
    knowing May's row held it. Now counted again, as when the row names him."""
    june, out = _back_in_june(tmp_path, _LAN)
    _recounted_in_june(june, out)


def test_back_on_its_list_after_a_row_without_its_code_is_counted_again(tmp_path):
    """The same with May's row written without a Mã hộ in Nà Mòn alone (held by its number,
    kept with the row stored by name). Was 'Tái nghèo' too."""
    june, out = _back_in_june(tmp_path, {**_LAN, "ma_ho": None})
    _recounted_in_june(june, out)


def test_a_rerun_that_changes_only_a_kept_id_number_marks_later_months(tmp_path):
    """May first run with NX3 'Hoàng Thị Lan' written without an ID number (NM3 exited in May,
    on no list since), June run (no NX3: the year's table says NM3 left in May). May run again
    with NM3's number on both NX3 rows: its tables hold NM3 (not counted, not exited), its
    counts and rates the same (NM3 counted in neither), its rows the same but the kept number;
    June's walk now holds NM3 in May (it left in June). Was: the re-run was said to change
    nothing later months took (later_affected 0), June's outputs left saying 'từ tháng 5'
    unflagged. Now marked. Guard: May run again as it is changes nothing (0)."""
    folder, out = april(tmp_path)
    store = hist.HistoryStore(out / hist.HISTORY_FILE)
    first = nm3_on_both(folder, out, {**_LAN, "so_dinh_danh": None})
    assert _poor(first["Nà Mòn"], "movements") == (3, 1, 0, 0, 0, 0, 2)
    _june_without_nx3(folder, out)
    may = nm3_on_both(folder, out, _LAN)
    assert _poor(may["Nà Mòn"], "movements") == (3, 0, 1, 0, 0, 0, 2)
    assert store.reruns()[-1][0] == "2024-05" and store.reruns()[-1][2] is True
    nm3_on_both(folder, out, _LAN)
    assert store.reruns()[-1][0] == "2024-05" and store.reruns()[-1][2] is False
