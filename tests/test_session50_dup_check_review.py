"""Session 50's review of a duplicate Mã hộ told as a household moved (moves.duplicate_moved)
and of `check` given lists of several months (checkfiles._movements_said).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list. Each head is
'Hoàng Văn <code>' with an ID number of its code; a list's third household is at row 7."""

from __future__ import annotations

from tests.commune import new_commune, person
from tests.test_session38_oracle import _dk, _month, _na_mon
from tests.test_session48_code_reused import _MAI, _sheets, _totals
from tests.test_session50_duplicate_moved import _asked, _moves

_BC = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]


def test_a_code_moved_away_and_reused_for_another_head_is_asked_not_told_to_drop(tmp_path):
    """April: the three hamlets their own lists. May: NM3's household (Hoàng Văn NM3) moved to
    Đồng Kè, which lists it under NM3; Nà Mòn gave NM3 to another household, 'Lò Thị Mai' (her
    own ID number). Nà Mòn's row is not the household that moved: telling its head "cùng chủ
    hộ … Hãy xóa dòng này" would drop a household living there (before). Both rows are asked
    as before (the code is another household's in Nà Mòn). Figures as before, by hand: both
    rows left out; Nà Mòn's year and month poor 3, not counted 1, 2; Đồng Kè 1 = 1; the
    commune's 6, not counted 1, 5 in both tables."""
    folder, out = new_commune(tmp_path)
    _month(folder, out, "2024-04", {"Nà Mòn": _na_mon(), "Bản Cọ": _BC, "Đồng Kè": _dk()})
    mai = person("NM3", "poor", **_MAI)
    nam_mon = [mai if row["ma_ho"] == "NM3" else row for row in _na_mon()]
    may = _month(folder, out, "2024-05",
                 {"Nà Mòn": nam_mon, "Bản Cọ": _BC, "Đồng Kè": [*_dk(), person("NM3", "poor")]})  # fmt: skip
    _, said = _sheets(out, "2024-05", "NM3")
    assert sorted((hamlet, cell, message) for hamlet, _, cell, _, message in said) == [
        ("Nà Mòn", "B7", _asked("NM3", "xóm Đồng Kè, tệp DS_2_2024-05.xlsx")),
        ("Đồng Kè", "B7", _asked("NM3", "xóm Nà Mòn, tệp DS_0_2024-05.xlsx")),
    ]
    assert _moves(may["Nà Mòn"]) == ((3, 1, 0, 0, 0, 2), (3, 1, 0, 0, 0, 2))
    assert _moves(may["Đồng Kè"]) == ((1, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 1))
    assert _moves(_totals(out, "2024-05")) == ((6, 1, 0, 0, 0, 5), (6, 1, 0, 0, 0, 5))
