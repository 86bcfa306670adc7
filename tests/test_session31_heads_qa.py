"""Session 31 (helper C3): fresh-eyes QA of a hamlet head's list after the session's reading
changes (move-out parts), each finding pinned by a small fixture worked out by hand."""

from __future__ import annotations

from pipeline.run import collect
from tests.commune import person
from tests.test_session30_c_heads_lists import _hamlet, _with_titles

# --- 1. a household the list says moved to another hamlet, that hamlet not listing it ---------

# The plan's start list (tests.commune.start_list): Nà Mòn NM1, NM2, NM3 poor, NM4, NM5
# near-poor. Nà Mòn's May list: NM1 poor, NM2 near-poor, NM4 near-poor, NM5 poor, NM6 poor
# (rows 5–9, _with_titles' OWN), then the title in A10 over NM3 (poor), numbered 1 (the part's
# own numbering: wholly taken out, session 30).


def _moves(hamlet: dict, scope: str = "movements") -> dict:
    return {k: {m: n for m, n in v.items() if n} for k, v in hamlet[scope].items()}


def _na_mon_moves_nm3(tmp_path, title: str):
    folder = tmp_path / "input"
    folder.mkdir()
    _with_titles(folder, [(title, [person("NM3", "poor")])], restart=True)
    result, _ = collect(folder, None, workers=0)
    return result


def test_a_household_moved_to_a_hamlet_that_does_not_list_it_is_moved_out_not_exited(tmp_path):
    """Before: NM3, written by the head under 'Hộ chuyển đi xóm Bản Cọ', was counted as
    having left the lists ('exited', thoát nghèo) and a 'vanished-household' warning said it
    was not in the list and was counted as exited. Now it moved out: poor start 3 − 1 to
    near-poor (NM2) − 1 moved out (NM3) + 1 from near-poor (NM5) + 1 new (NM6) = 3 (NM1, NM5,
    NM6); near-poor start 2 (NM4, NM5) − 1 to poor + 1 from poor = 2. Nothing vanished; the
    row itself is said once (rows-moved-away)."""
    result = _na_mon_moves_nm3(tmp_path, "Hộ chuyển đi xóm Bản Cọ")
    na_mon = _hamlet(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert _moves(na_mon)["poor"] == {
        "start": 3, "to_near_poor": 1, "moved_out": 1, "from_near_poor": 1, "new": 1, "end": 3
    }  # fmt: skip
    assert _moves(na_mon)["near_poor"] == {"start": 2, "to_poor": 1, "from_poor": 1, "end": 2}
    assert [i.value for i in result.issues if i.code == "vanished-household"] == []
    assert [(i.code, i.cell, i.detail) for i in result.issues if i.code.startswith("rows-")] == [
        ("rows-moved-away", "A10", "11")
    ]
    # ... and that Bản Cọ has not written it is said once (not for the year and the month), at
    # its row's STT cell (row 11, under the title in A10)
    told = [i for i in result.issues if i.code == "moved-not-listed"]
    assert [(i.hamlet, i.sheet, i.cell, i.value, i.instead) for i in told] == [
        ("Nà Mòn", "Danh sách", "A11", "NM3 (Hoàng Văn NM3)", "Bản Cọ")
    ]
    assert (
        told[0]
        .message()
        .startswith(
            "Hộ NM3 (Hoàng Văn NM3) được ghi dưới tiêu đề chuyển đi xóm Bản Cọ nhưng danh sách kỳ "
            "này của xóm Bản Cọ không có hộ đó"
        )
    )


def test_a_household_moved_to_a_hamlet_that_lists_it_is_told_nothing_more(tmp_path):
    """Bản Cọ lists NM3 (its own BC1, BC2 poor, BC3 near-poor, then NM3 poor): Nà Mòn's NM3
    moved out and Bản Cọ's moved in (poor: start 2 + 1 moved in = 3), nothing more said."""
    from tests.test_session31_lists import _ban_co

    folder = tmp_path / "input"
    folder.mkdir()
    _with_titles(folder, [("Hộ chuyển đi xóm Bản Cọ", [person("NM3", "poor")])], restart=True)
    _ban_co(folder, [person("NM3", "poor")])
    result, _ = collect(folder, None, workers=0)
    assert _moves(_hamlet(result, "Nà Mòn"))["poor"]["moved_out"] == 1
    assert _moves(_hamlet(result, "Bản Cọ"))["poor"] == {"start": 2, "moved_in": 1, "end": 3}
    assert [i for i in result.issues if i.code in ("moved-not-listed", "vanished-household")] == []


def test_a_household_moved_out_of_the_commune_is_still_exited(tmp_path):
    """'Hộ chuyển khỏi xã' names no hamlet of the commune: NM3 has left the lists, as before
    (poor: 3 − 1 − 1 exited + 1 + 1 = 3), and the head is asked to confirm it."""
    result = _na_mon_moves_nm3(tmp_path, "Hộ chuyển khỏi xã")
    na_mon = _hamlet(result, "Nà Mòn")
    assert _moves(na_mon)["poor"] == {
        "start": 3, "to_near_poor": 1, "exited": 1, "from_near_poor": 1, "new": 1, "end": 3
    }  # fmt: skip
    assert [i.value for i in result.issues if i.code == "vanished-household"] == [
        "NM3 (Hoàng Văn NM3)"
    ]
    assert [i for i in result.issues if i.code == "moved-not-listed"] == []


def test_a_household_new_this_month_said_moved_and_not_listed_is_told_too(tmp_path):
    """NM9 (poor, on no list before: not on the start list) under 'Hộ chuyển đi xóm Bản Cọ',
    Bản Cọ not listing it: it is in no hamlet's figures (Nà Mòn 3 poor: NM1, NM5, NM6; no
    movement of NM9 — nothing to move out of) and still said at its row, A11, so that Bản Cọ
    writes it. NM3, left off the list without a word, is asked about as before."""
    folder = tmp_path / "input"
    folder.mkdir()
    _with_titles(folder, [("Hộ chuyển đi xóm Bản Cọ", [person("NM9", "poor")])], restart=True)
    result, _ = collect(folder, None, workers=0)
    na_mon = _hamlet(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert _moves(na_mon)["poor"] == {
        "start": 3, "to_near_poor": 1, "exited": 1, "from_near_poor": 1, "new": 1, "end": 3
    }  # fmt: skip
    told = [(i.cell, i.value, i.instead) for i in result.issues if i.code == "moved-not-listed"]
    assert told == [("A11", "NM9 (Hoàng Văn NM9)", "Bản Cọ")]
    assert [i.value for i in result.issues if i.code == "vanished-household"] == [
        "NM3 (Hoàng Văn NM3)"
    ]
