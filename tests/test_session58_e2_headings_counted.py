"""Session 58 (E2): a heading between a list's households never makes its rows counted nowhere
unsaid, and one naming where the households went after the list's own hamlet is read as the
move it says (helper E's Left of session 58).

The small commune (tests.commune): the May list ('Tổng số hộ dân cư' 102) NM1, NM5, NM6 poor,
NM2, NM4 near-poor in rows 5-9, then a heading in A10 over two households in rows 11-12
(tests.test_session30_c_heads_lists.with_titles), BC1 (poor) and BC3 (near-poor) unless told;
Bản Cọ sends no list."""

from __future__ import annotations

import re

import pytest

from pipeline.run import collect
from tests.commune import person, write_renamed_plan
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles

_UNDER = [person("BC1", "poor"), person("BC3", "near_poor")]
_ROWS = ("rows-of-other-hamlet", "rows-moved-away", "rows-moved-unclear")


def _run(tmp_path, title: str, hamlet="Nà Mòn", renamed=None, under=None, restart=True):
    """``hamlet``'s May list, ``title`` in A10 over ``under`` (BC1, BC3) numbered from 1 (or on
    from the list's STT: ``restart`` False); the plan's hamlets ``renamed``. The run's result."""
    folder = tmp_path / "input"
    folder.mkdir(parents=True)
    with_titles(folder, [(title, list(under or _UNDER))], restart, hamlet=hamlet)
    if renamed:
        write_renamed_plan(folder, renamed)
    return collect(folder, None, workers=0)[0]


def _said(result) -> list[tuple]:
    return [(i.code, i.cell, i.detail, i.instead) for i in result.issues
            if i.code in (*_ROWS, "moved-not-listed")]  # fmt: skip


# --- 1. the list's own name with its number left off ('Xóm Bản Cọ' in Bản Cọ 2's list) ---------

# Bản Cọ split in two: the plan's Nà Mòn renamed 'Bản Cọ 2' and Bản Cọ 'Bản Cọ 1' (no 'Bản Cọ')
_SPLIT = {"Nà Mòn": "Bản Cọ 2", "Bản Cọ": "Bản Cọ 1"}


@pytest.mark.parametrize("title", ["Xóm Bản Cọ", "Danh sách xóm Bản Cọ", "XÓM BẢN CỌ"])
def test_the_lists_name_without_its_number_keeps_its_rows_where_the_plan_lacks_it(tmp_path, title):
    """'Xóm Bản Cọ' (A10) over BC1, BC3 in Bản Cọ 2's list, the plan holding Bản Cọ 1 and Bản
    Cọ 2 and no 'Bản Cọ'. By hand: the hamlet's name before the plan numbered it, as 'Tổ 2 -
    xóm Bản Cọ' in the same list is read (session 56 review: the plan decides): Bản Cọ 2 4 poor
    (NM1, NM5, NM6, BC1), 3 near-poor (NM2, NM4, BC3), no row said. Was: taken out as a hamlet
    'Bản Cọ''s, counted nowhere, the head told to send them in a file for a hamlet the plan
    lacks: 3 and 2, a warning at A10."""
    result = _run(tmp_path, title, "Bản Cọ 2", _SPLIT)
    assert _said(result) == []
    own = hamlet_figures(result, "Bản Cọ 2")
    assert (own["poor"], own["near_poor"]) == (4, 3)


def test_the_lists_name_without_its_number_is_another_plan_hamlet_where_it_has_one(tmp_path):
    """A guard: the plan holding Bản Cọ beside Bản Cọ 2 (Nà Mòn renamed): 'Xóm Bản Cọ' in Bản Cọ
    2's list names that hamlet: rows 11-12 taken out, said at A10 as Bản Cọ's; 3 and 2."""
    result = _run(tmp_path, "Xóm Bản Cọ", "Bản Cọ 2", {"Nà Mòn": "Bản Cọ 2"})
    assert _said(result) == [("rows-of-other-hamlet", "A10", "11–12", "Bản Cọ")]
    own = hamlet_figures(result, "Bản Cọ 2")
    assert (own["poor"], own["near_poor"]) == (3, 2)


# --- 2. where the households went, after the list's own hamlet -----------------------------------


@pytest.mark.parametrize(
    "title",
    ["Xóm Nà Mòn chuyển sang xóm Bản Cọ", "Xóm Nà Mòn chuyển đến xóm Bản Cọ",
     "XÓM NÀ MÒN ĐÃ CHUYỂN ĐI XÓM BẢN CỌ", "Danh sách xóm Nà Mòn chuyển sang thôn Bản Cọ"],
)  # fmt: skip
def test_a_heading_naming_where_the_lists_households_went_takes_them_out(tmp_path, title):
    """'Xóm Nà Mòn chuyển sang xóm Bản Cọ' (A10) over BC1, BC3 (numbered 1, 2) in Nà Mòn's
    list. By hand, as under 'Hộ chuyển sang xóm Bản Cọ' (session 30): households of Nà Mòn
    gone to Bản Cọ, rows 11-12 said moved to Bản Cọ at A10; Bản Cọ sends no list, so each is
    'moved-not-listed' (A11, A12); Nà Mòn 3 poor, 2 near-poor. Was: read as a hamlet 'Nà Mòn
    chuyển sang xóm Bản Cọ' lengthening Nà Mòn, the plan lacking it: kept, 4 and 3, nothing
    said."""
    result = _run(tmp_path, title)
    assert _said(result) == [
        ("rows-moved-away", "A10", "11–12", "Bản Cọ"),
        ("moved-not-listed", "A11", "", "Bản Cọ"),
        ("moved-not-listed", "A12", "", "Bản Cọ"),
    ]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize(
    "title", ["Xóm Bản Cọ chuyển đến xóm Nà Mòn", "Xóm Nà Mòn chuyển từ xóm Bản Cọ"]
)
def test_a_heading_naming_the_list_as_where_households_came_keeps_them(tmp_path, title):
    """Guards: 'Xóm Bản Cọ chuyển đến xóm Nà Mòn' (households of Bản Cọ come to the list's
    hamlet) and 'Xóm Nà Mòn chuyển từ xóm Bản Cọ' (a move in): kept, nothing said, 4 and 3."""
    result = _run(tmp_path, title)
    assert _said(result) == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)


# --- 3. 'Thoát' under another hamlet's heading out of the commune --------------------------------


@pytest.mark.parametrize("title", ["Xóm Bản Cọ chuyển khỏi xã", "Hộ chuyển khỏi xã"])
def test_thoat_under_another_hamlets_move_out_of_the_commune_is_the_lists_exit(tmp_path, title):
    """'Xóm Bản Cọ chuyển khỏi xã' over BC7 (poor, row 11) and NM3 (Nà Mòn's start-list poor,
    written 'Thoát', row 12). By hand, as under 'Hộ chuyển khỏi xã' (session 30; session 58):
    a household leaving the commune is written 'Thoát' by the list that had it, whichever
    hamlet the heading names; NM3 is Nà Mòn's, so its exit is Nà Mòn's: poor exited 1, NM3
    not said vanished; BC7 taken out, said at A10 for row 11 alone; Nà Mòn 3 and 2. Pinned
    (passes before too)."""
    under = [person("BC7", "poor"), person("NM3", "exited")]
    result = _run(tmp_path, title, under=under)
    assert _said(result) == [("rows-moved-away", "A10", "11", "")]
    assert [i.code for i in result.issues if i.code == "vanished-household"] == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert na_mon["movements"]["poor"]["exited"] == 1


# --- every household counted or named in an issue, whatever the heading -------------------------

_SHAPES = [
    "Xóm Bản Cọ", "Xóm Bản Cọ cũ", "Danh sách xóm Bản Cọ", "XÓM BẢN CỌ - THÁNG 5/2024",
    "Xóm: Bản Cọ", "Thôn Bản Cọ", "Xóm Bản Cọ (cũ)", "Xóm Khuổi Lừa", "Tổ 2 - xóm Bản Cọ",
    "Tổ 2 - xóm Bản Cọ cũ", "TỔ X - XÓM BẢN CỌ", "Tổ A - xóm Bản Cọ", "Xóm Bản Cọ 2",
    "Xóm Nà Mòn 2", "Xóm Nà Mòn mới", "Xóm Nà", "Danh sách tổ 2", "Danh sách Khu 4",
    "Xóm Bản Cọ chuyển đi", "Xóm Bản Cọ chuyển đến", "Tổ 2 xóm Bản Cọ chuyển đi",
    "Xóm Bản Cọ chuyển đi ngày 3/5/2024", "Xóm Bản Cọ chuyển khỏi xã", "Xóm Nà Mòn chuyển khỏi xã",
    "Xóm Nà Mòn chuyển sang xã khác", "Xóm Nà Mòn chuyển sang xóm Bản Cọ",
    "Xóm Bản Cọ chuyển sang xóm Đồng Kè", "Hộ chuyển đi xóm Bản Cọ", "Hộ chuyển khỏi xã",
    "Hộ chuyển đi xóm Khuổi Lừa",
]  # fmt: skip
# (the list's hamlet, the plan's hamlets renamed): as written; Bản Cọ split (no 'Bản Cọ');
# Nà Mòn renamed 'Nà Mòn Mới' (no 'Nà Mòn')
_PLANS = [("Nà Mòn", None), ("Bản Cọ 2", _SPLIT), ("Nà Mòn Mới", {"Nà Mòn": "Nà Mòn Mới"})]


def _rows_named(result) -> set[int]:
    """The Excel rows the issues of rows left out or asked about name ('11–12', '11')."""
    found = set()
    for issue in result.issues:
        if issue.code in _ROWS:
            for first, last in re.findall(r"(\d+)(?:–(\d+))?", str(issue.detail)):
                found.update(range(int(first), int(last or first) + 1))
    return found


@pytest.mark.parametrize(("hamlet", "renamed"), _PLANS)
def test_every_household_under_a_heading_is_counted_or_named(tmp_path, hamlet, renamed):
    """Each heading shape known (A10, over BC1 poor in row 11 and BC3 near-poor in row 12,
    numbered on from the list's STT) in three plans: BC1 is counted (the list's 4 poor) or
    row 11 is named in a 'rows-…' issue; BC3 likewise (3 near-poor, row 12). None may be
    counted nowhere unsaid."""
    lost = []
    for at, title in enumerate(_SHAPES):
        result = _run(tmp_path / str(at), title, hamlet, renamed, restart=False)
        own, named = hamlet_figures(result, hamlet), _rows_named(result)
        counted = {11: own["poor"] == 4, 12: own["near_poor"] == 3}
        lost += [(title, row) for row in (11, 12) if not counted[row] and row not in named]
    assert lost == []
