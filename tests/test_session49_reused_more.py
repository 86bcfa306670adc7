"""Reused codes, more (session 49): a household back in its own hamlet under its own code while
another hamlet's row of that code names another head; a re-coded household's leaving.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list (poor 6). Each
head is 'Hoàng Văn <code>', born 1970, with an ID number of its code. Bản Cọ's list (_bc) has
BC4 poor and BC5 near-poor too, new this year."""

from __future__ import annotations

from tests.commune import new_commune, person
from tests.test_session38_oracle import _dk, _month, _na_mon
from tests.test_session47_mergers import _bc
from tests.test_session48_code_reused import _sheets, _totals
from tests.test_session49_reused_older import _returned

# Bản Cọ's list without BC4 (BC1, BC2 poor; BC3, BC5 near-poor)
_BC = [b for b in _bc() if b["ma_ho"] != "BC4"]
# BC4's head written by Bản Cọ under another code, BC9 (his own ID number)
_BC9 = person(
    "BC9", "poor", chu_ho="Hoàng Văn BC4", so_dinh_danh=person("BC4", "poor")["so_dinh_danh"]
)


def test_a_recoded_household_back_on_the_lists_stays_back_in_the_years_table(tmp_path):
    """February: Bản Cọ lists BC4 'Hoàng Văn BC4' (new this year); March: drops it (left the
    lists); April: lists it again (back: tái nghèo); May: writes its head under BC9 (re-coded:
    the same household, session 27); June: the same. The year's table had BC4 returned in
    April but BC9 only new in May and June: the re-code did not carry the code's leaving.
    By hand, Bản Cọ's year table (start BC1, BC2): April 2 + 1 new (BC4, returned 1) = 3;
    May and June 2 + 1 new (BC9, returned 1) = 3 (was returned 0). Its month tables: April
    (March: BC1, BC2) 2 + 1 new (returned 1) = 3; May (April: BC1, BC2, BC4) BC4 and BC9
    paired, 3 = 3; June (May) 3 = 3. The commune's year: April, May and June 6 + 1 new = 7,
    returned 1 (was 0 in May and June); its month: May and June 7 = 7, returned 0."""
    folder, out = new_commune(tmp_path)
    lists = {"2024-02": _bc(), "2024-03": _BC, "2024-04": _bc(), "2024-05": [*_BC, _BC9],
             "2024-06": [*_BC, _BC9]}  # fmt: skip
    found = {}
    for month, bc in lists.items():
        found[month] = _month(folder, out, month,
                              {"Nà Mòn": _na_mon(), "Bản Cọ": bc, "Đồng Kè": _dk()})  # fmt: skip
    april, may, june = (found[m]["Bản Cọ"] for m in ("2024-04", "2024-05", "2024-06"))
    assert _returned(april["movements"]) == ((2, 1, 0, 0, 0, 3), 1)
    assert _returned(april["movements_month"]) == ((2, 1, 0, 0, 0, 3), 1)
    for later in (may, june):
        assert _returned(later["movements"]) == ((2, 1, 0, 0, 0, 3), 1)
        assert _returned(later["movements_month"]) == ((3, 0, 0, 0, 0, 3), 0)
    for month in ("2024-04", "2024-05", "2024-06"):
        assert _returned(_totals(out, month)["movements"]) == ((6, 1, 0, 0, 0, 7), 1)
    for month in ("2024-05", "2024-06"):
        assert _returned(_totals(out, month)["movements_month"]) == ((7, 0, 0, 0, 0, 7), 0)
    moves, _ = _sheets(out, "2024-06", "BC9")
    assert [(m[0], m[1], m[3]) for m in moves] == [("Bản Cọ", "Hoàng Văn BC4", "Tái nghèo")]
