"""The history walk tells two households under one code (session 50): a code listed in another
hamlet under another head's name, its own hamlet reporting without it, is its household's
leaving, not a move.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list (poor 6). Each
head is 'Hoàng Văn <code>', born 1970, with an ID number of its code. Bản Cọ's lists here
(_BC) have BC5 near-poor too, new this year.

The case of every test: March, Đồng Kè lists DK3 'Hoàng Văn DK3' (new this year); April, Bản
Cọ writes DK3 (for 'Lò Thị Mai', another head, or for him); May, Đồng Kè lists DK3 'Hoàng Văn
DK3' again and Bản Cọ drops it; June and July the same lists as May."""

from __future__ import annotations

import openpyxl

from tests.commune import new_commune, person
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session48_code_reused import MAI, json_totals, sheets
from tests.test_session49_reused_older import returned
from tests.test_session49_reused_older_review import BC  # Bản Cọ without BC4

_MONTHS = ("2024-06", "2024-07")


def _run(tmp_path, april_bc: dict | None, dk_april: bool = True) -> tuple:
    """March to July of the case above: Bản Cọ's April list with ``april_bc`` (DK3's row);
    Đồng Kè's April list without DK3 (``dk_april``; else Đồng Kè sends nothing in April).
    Returns (out, {month: hamlets by name}) of June and July."""
    folder, out = new_commune(tmp_path)
    dk3 = person("DK3", "poor")
    may = {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": [*dk_rows(), dk3]}
    run_lists(folder, out, "2024-03", may)
    april = {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*BC, april_bc]}
    run_lists(folder, out, "2024-04", {**april, **({"Đồng Kè": dk_rows()} if dk_april else {})})
    run_lists(folder, out, "2024-05", may)
    return out, {month: run_lists(folder, out, month, may) for month in _MONTHS}


def test_a_household_back_in_its_own_hamlet_stays_back_in_later_months(tmp_path):
    """The session 49 case (DK3 written by Bản Cọ for Lò Thị Mai in April) a month and two
    later. May's year table had DK3 back (tái nghèo); June's and July's had it new, returned 0:
    the walk took DK3 for one household that moved to Bản Cọ in April and back in May, never
    off the lists. Now Lò Thị Mai's row is another household's: DK3 left the lists from Đồng
    Kè in April. By hand, June and July: Đồng Kè's year (start DK1) 1 + 1 new (DK3, returned
    1) = 2 (was returned 0), month (May: DK1, DK3) 2 = 2; Bản Cọ's year (BC1, BC2) and month 2
    = 2; Nà Mòn's 3 = 3; the commune's year 6 + 1 new = 7, returned 1 (was 0), month (7) 7 = 7,
    returned 0. 'Biến động' has DK3 once, 'Tái nghèo' in Đồng Kè's year; no warning at DK3."""
    out, found = _run(tmp_path, person("DK3", "poor", **MAI))
    for month in _MONTHS:
        dk, bc = found[month]["Đồng Kè"], found[month]["Bản Cọ"]
        assert returned(dk["movements"]) == ((1, 1, 0, 0, 0, 2), 1), month
        assert returned(dk["movements_month"]) == ((2, 0, 0, 0, 0, 2), 0), month
        assert returned(bc["movements"]) == ((2, 0, 0, 0, 0, 2), 0), month
        assert returned(bc["movements_month"]) == ((2, 0, 0, 0, 0, 2), 0), month
        totals = json_totals(out, month)
        assert returned(totals["movements"]) == ((6, 1, 0, 0, 0, 7), 1), month
        assert returned(totals["movements_month"]) == ((7, 0, 0, 0, 0, 7), 0), month
        moves, said = sheets(out, month, "DK3")
        assert [(m[0], m[1], m[3], m[4]) for m in moves] == [
            ("Đồng Kè", "Hoàng Văn DK3", "Tái nghèo", "Từ đầu năm")
        ], month
        assert said == [], month


def test_a_household_moved_and_back_never_left(tmp_path):
    """Kept (passes before too): Bản Cọ writes DK3 in April for its own head, 'Hoàng Văn DK3':
    one household, moved to Bản Cọ and back, never off the lists. By hand, June and July: Đồng
    Kè's year 1 + 1 new (returned 0) = 2, month 2 = 2; the commune's year 6 + 1 new = 7,
    returned 0; 'Biến động' has DK3 'Phát sinh mới' in Đồng Kè's year."""
    out, found = _run(tmp_path, person("DK3", "poor"))
    for month in _MONTHS:
        dk = found[month]["Đồng Kè"]
        assert returned(dk["movements"]) == ((1, 1, 0, 0, 0, 2), 0), month
        assert returned(dk["movements_month"]) == ((2, 0, 0, 0, 0, 2), 0), month
        assert returned(json_totals(out, month)["movements"]) == ((6, 1, 0, 0, 0, 7), 0), month
        moves, said = sheets(out, month, "DK3")
        assert [(m[0], m[3], m[4]) for m in moves] == [
            ("Đồng Kè", "Phát sinh mới", "Từ đầu năm")
        ], month
        assert said == [], month


def test_a_household_kept_by_its_silent_hamlet_never_left(tmp_path):
    """Kept (passes before too): the first case with Đồng Kè silent in April. A silent hamlet
    keeps its households: DK3 never left, Lò Thị Mai's row in Bản Cọ is another household's.
    By hand, June and July: Đồng Kè's year 1 + 1 new (returned 0) = 2, month 2 = 2; the
    commune's year 6 + 1 new = 7, returned 0, month 7 = 7; no warning at DK3 (a first draft
    letting her row take DK3 had its return to Đồng Kè in May as her leaving: June's year
    table asked the older months and said 'reused')."""
    out, found = _run(tmp_path, person("DK3", "poor", **MAI), dk_april=False)
    for month in _MONTHS:
        dk = found[month]["Đồng Kè"]
        assert returned(dk["movements"]) == ((1, 1, 0, 0, 0, 2), 0), month
        assert returned(dk["movements_month"]) == ((2, 0, 0, 0, 0, 2), 0), month
        totals = json_totals(out, month)
        assert returned(totals["movements"]) == ((6, 1, 0, 0, 0, 7), 0), month
        assert returned(totals["movements_month"]) == ((7, 0, 0, 0, 0, 7), 0), month
        assert sheets(out, month, "DK3")[1] == [], month


def test_a_household_back_where_it_left_after_another_head_took_its_code_stays_back(tmp_path):
    """Kept (passes before too): Đồng Kè drops DK3 in April (no other list has it: it left the
    lists from Đồng Kè); Bản Cọ writes DK3 for Lò Thị Mai in May; June and July, Đồng Kè lists
    DK3 'Hoàng Văn DK3' again, Bản Cọ drops her. Her leaving in June is not the code's last
    leaving: DK3 left from Đồng Kè and is back there (a draft taking her leaving for the
    code's had July's year table new, returned 0, told 'reused'). By hand, June: Đồng Kè's
    year 1 + 1 new (returned 1) = 2, month (May: DK1) 1 + 1 new (returned 1) = 2; Bản Cọ's
    month (May: BC1, BC2, DK3) 3 − 1 exited = 2, year 2 = 2; the commune's year 6 + 1 new = 7
    (returned 1), month (3 + 3 + 1 = 7) 7 + 1 new − 1 exited = 7 (returned 1). July: Đồng Kè's
    year the same, month 2 = 2; the commune's year 7, returned 1, month 7 = 7; no warning at
    DK3 either month."""
    folder, out = new_commune(tmp_path)
    dk3, mai = person("DK3", "poor"), person("DK3", "poor", **MAI)
    back = {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": [*dk_rows(), dk3]}
    run_lists(folder, out, "2024-03", back)
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": dk_rows()})
    run_lists(
        folder,
        out,
        "2024-05",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*BC, mai], "Đồng Kè": dk_rows()},
    )
    june, july = (run_lists(folder, out, month, back) for month in _MONTHS)
    assert returned(june["Đồng Kè"]["movements"]) == ((1, 1, 0, 0, 0, 2), 1)
    assert returned(june["Đồng Kè"]["movements_month"]) == ((1, 1, 0, 0, 0, 2), 1)
    assert returned(june["Bản Cọ"]["movements"]) == ((2, 0, 0, 0, 0, 2), 0)
    assert returned(june["Bản Cọ"]["movements_month"]) == ((3, 0, 0, 0, 1, 2), 0)
    assert returned(json_totals(out, "2024-06")["movements"]) == ((6, 1, 0, 0, 0, 7), 1)
    assert returned(json_totals(out, "2024-06")["movements_month"]) == ((7, 1, 0, 0, 1, 7), 1)
    assert returned(july["Đồng Kè"]["movements"]) == ((1, 1, 0, 0, 0, 2), 1)
    assert returned(july["Đồng Kè"]["movements_month"]) == ((2, 0, 0, 0, 0, 2), 0)
    assert returned(json_totals(out, "2024-07")["movements"]) == ((6, 1, 0, 0, 0, 7), 1)
    assert returned(json_totals(out, "2024-07")["movements_month"]) == ((7, 0, 0, 0, 0, 7), 0)
    for month in _MONTHS:
        assert sheets(out, month, "DK3")[1] == [], month


def _said(out, month: str, values: tuple[str, ...]) -> list[tuple]:
    """(hamlet, value) of the rows of 'Lỗi dữ liệu' whose value is one of ``values``."""
    book = openpyxl.load_workbook(out / month / f"TongHop_{month}.xlsx", read_only=True)
    found = [(r[1], r[7]) for r in book["Lỗi dữ liệu"].iter_rows(values_only=True)
             if len(r) > 7 and r[7] in values]  # fmt: skip
    book.close()
    return found


def test_a_start_household_whose_code_another_head_took_stays_gone_since_then(tmp_path):
    """April: Đồng Kè drops DK1 (on its start list), Bản Cọ writes DK1 for Lò Thị Mai; May and
    June the same. DK1's household left the lists in April (asked to confirm then); her rows
    are another household's (new, with the 'reused' warning each month). Before, the walk had
    DK1 moved to Bản Cọ, never gone: each month's year table asked to confirm it again; with
    her row taking the code the month after (a first draft), June's said 'đề nghị xác nhận'
    without asking. By hand, April to June: Đồng Kè's year (DK1) 1 − 1 exited = 0, its month
    April 1 − 1 exited = 0, May and June 0 = 0; Bản Cọ's year 2 + 1 new = 3 (returned 0); the
    commune's year 6 + 1 new − 1 exited = 6, returned 0. 'Biến động': April, DK1 gone 'đề nghị
    xác nhận' in both of Đồng Kè's tables, the 'vanished-household' warning; May and June, its
    year's row says since April, no warning; Bản Cọ's warning at B9 each month."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": dk_rows()})
    mai = person("DK1", "poor", **MAI)
    lists = {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*BC, mai], "Đồng Kè": dk_rows()[1:]}
    asked = "Không còn trong danh sách (đề nghị xác nhận)"
    since = "Không còn trong danh sách từ tháng 4/2024 (không ghi 'Thoát')"
    for month in ("2024-04", "2024-05", "2024-06"):
        found = run_lists(folder, out, month, lists)
        assert returned(found["Đồng Kè"]["movements"]) == ((1, 0, 0, 0, 1, 0), 0), month
        assert returned(found["Bản Cọ"]["movements"]) == ((2, 1, 0, 0, 0, 3), 0), month
        assert returned(json_totals(out, month)["movements"]) == ((6, 1, 0, 0, 1, 6), 0), month
        moves, _ = sheets(out, month, "DK1")
        gone = [(m[3], m[4]) for m in moves if m[0] == "Đồng Kè"]
        said = _said(out, month, ("DK1", "DK1 (Hoàng Văn DK1)"))
        if month == "2024-04":
            assert returned(found["Đồng Kè"]["movements_month"]) == ((1, 0, 0, 0, 1, 0), 0)
            assert gone == [(asked, "Từ đầu năm"), (asked, "So với tháng trước")]
            assert said == [("Bản Cọ", "DK1"), ("Đồng Kè", "DK1 (Hoàng Văn DK1)")]
        else:
            assert returned(found["Đồng Kè"]["movements_month"]) == ((0, 0, 0, 0, 0, 0), 0)
            assert gone == [(since, "Từ đầu năm")], month
            assert said == [("Bản Cọ", "DK1")], month
