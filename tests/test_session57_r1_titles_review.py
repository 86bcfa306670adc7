"""Session 57 (R1): review of E's title changes (session 57), as heads write titles.

1. 'Xóm Nà Mòn II' between Nà Mòn's households is a hamlet of its own, as 'Xóm Nà Mòn 2' is:
   a Roman number after the list's own name is a number (discover.lengthens_own).
2. 'DANH SÁCH TỔ X - XÓM BẢN CỌ': 'TỔ X' (session 57: 10 in capitals) is a group before its
   hamlet, as 'TỔ 2 - XÓM BẢN CỌ' is: the hamlet read is Bản Cọ, not 'TỔ X - XÓM BẢN CỌ'.
3. A heading ending in a move with its month after it ('Xóm Bản Cọ chuyển đi tháng 5/2024',
   '… chuyển đến trong tháng') is read as one without it (E's and session 56 review's rules).
4. HamletMatcher.find_in asks E's Roman rule only of a text holding a Roman number's letters.

The small commune (tests.commune): Nà Mòn's May list ('Tổng số hộ dân cư' 102) NM1, NM5, NM6
poor, NM2, NM4 near-poor in rows 5-9, then the heading in A10 over BC1 (poor) and BC3
(near-poor) in rows 11-12 (tests.test_session56_e_titles.titled_rows)."""

from __future__ import annotations

import pytest

from pipeline import hamlets
from pipeline.discover import lengthens_own
from pipeline.hamlets import HamletMatcher
from pipeline.run import collect
from tests.commune import person
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session40_titles import issues
from tests.test_session56_e_titles import titled_rows

# --- 1. a Roman number after the list's own name ----------------------------------------------


def test_lengthens_own_reads_a_roman_number_after_the_name_as_a_number():
    """By hand: 'Nà Mòn mới', 'NÀ MÒN CŨ' lengthen Nà Mòn (words, no number); 'Nà Mòn 2',
    'NÀ MÒN II', 'Nà Mòn iii', 'Nà Mòn XII' hold a number (a hamlet of its own, as
    HamletMatcher.written_for reads 'Bản Cọ II'). Was: the Roman ones read as words, True."""
    named = ["Nà Mòn mới", "NÀ MÒN CŨ", "Nà Mòn 2", "NÀ MÒN II", "Nà Mòn iii", "Nà Mòn XII"]
    assert [lengthens_own(n, ["Nà Mòn"]) for n in named] == [True, True, False, False, False, False]


def test_a_heading_of_the_lists_own_hamlet_with_a_roman_number_still_takes_its_rows(tmp_path):
    """'Xóm Nà Mòn II' (A10) over BC1 and BC3, the plan without a 'Nà Mòn 2'. By hand, as 'Xóm
    Nà Mòn 2' (E's guard) and as before session 57: a hamlet of its own, rows 11-12 taken out,
    said at A10 as 'Nà Mòn II''s; Nà Mòn 3 poor (NM1, NM5, NM6), 2 near-poor (NM2, NM4). Was
    (session 57, E): kept silently as Nà Mòn's, 4 and 3."""
    result = titled_rows(tmp_path, "Xóm Nà Mòn II", {})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Nà Mòn II")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


# --- 2. 'TỔ X' before its hamlet ----------------------------------------------------------------


def test_a_heading_to_x_before_another_hamlet_names_that_hamlet(tmp_path):
    """'DANH SÁCH TỔ X - XÓM BẢN CỌ' (A10) over BC1 and BC3. By hand, as before session 57 and
    as 'DANH SÁCH TỔ 2 - XÓM BẢN CỌ': group X of Bản Cọ, rows 11-12 taken out as Bản Cọ's, said
    at A10 naming Bản Cọ; Nà Mòn 3 poor, 2 near-poor. Was (session 57, E: 'TỔ X' read as a
    hamlet's name): said as the rows of a hamlet 'TỔ X - XÓM BẢN CỌ', no plan hamlet."""
    result = titled_rows(tmp_path, "DANH SÁCH TỔ X - XÓM BẢN CỌ", {})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Bản Cọ")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


# --- 3. a month after a heading's 'chuyển đi', 'chuyển đến' -------------------------------------


def _under(tmp_path, title: str):
    """Nà Mòn's May list, ``title`` in A10 over BC1 (poor) and BC3 (near-poor) numbered 1 and
    2 (a part numbered as its own list); Bản Cọ sends no list. The run's result."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [(title, [person("BC1", "poor"), person("BC3", "near_poor")])], True)
    return collect(folder, None, workers=0)[0]


def _moves(result) -> list[tuple]:
    return [(i.code, i.cell, i.detail, i.instead) for i in result.issues
            if i.code in ("rows-moved-away", "rows-of-other-hamlet", "moved-not-listed")]  # fmt: skip


@pytest.mark.parametrize(
    "title",
    ["Xóm Bản Cọ chuyển đi tháng 5/2024", "Tổ 2 xóm Bản Cọ chuyển đi tháng 5/2024",
     "Xóm Bản Cọ chuyển đi trong tháng", "Danh sách xóm Bản Cọ chuyển đi trong tháng 5"],
)  # fmt: skip
def test_a_chuyen_di_heading_with_its_month_after_takes_its_rows_out_as_moved(tmp_path, title):
    """'Xóm Bản Cọ chuyển đi tháng 5/2024' (A10) over BC1, BC3 numbered 1, 2. By hand, as E's
    'Xóm Bản Cọ chuyển đi': households that went to Bản Cọ, rows 11-12 taken out, said at A10
    as moved to Bản Cọ, each told not listed there (A11, A12); Nà Mòn 3 poor (NM1, NM5,
    NM6), 2 near-poor (NM2, NM4). Was: the month cut off after 'chuyển đi', the heading read
    as a hamlet 'Bản Cọ chuyển đi' (or '… trong tháng'): 'Xóm …' taken out as its rows,
    counted nowhere; 'Tổ 2 xóm …' kept silently (4 and 3, a group the plan lacks)."""
    result = _under(tmp_path, title)
    assert _moves(result) == [("rows-moved-away", "A10", "11–12", "Bản Cọ"),
                              ("moved-not-listed", "A11", "", "Bản Cọ"),
                              ("moved-not-listed", "A12", "", "Bản Cọ")]  # fmt: skip
    away = next(i for i in result.issues if i.code == "rows-moved-away")
    assert away.message().startswith(
        f"Các dòng 11–12 nằm dưới tiêu đề '{title}', là các hộ đã chuyển đi xóm Bản Cọ, nên "
        "không được tính vào xóm Nà Mòn."
    )
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


def test_the_lists_own_chuyen_di_heading_with_its_month_after_takes_its_rows_out(tmp_path):
    """'Xóm Nà Mòn chuyển đi tháng 5' in Nà Mòn's own list: its households that went, where to
    unsaid (E's 'Xóm Nà Mòn chuyển đi'): rows 11-12 taken out, said at A10 with no hamlet;
    Nà Mòn 3 and 2. Was: a hamlet 'Nà Mòn chuyển đi', its rows counted nowhere."""
    result = _under(tmp_path, "Xóm Nà Mòn chuyển đi tháng 5")
    assert _moves(result) == [("rows-moved-away", "A10", "11–12", "")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize(
    "title", ["Xóm Bản Cọ chuyển đến tháng 5/2024", "Tổ 2 xóm Bản Cọ chuyển đến trong tháng"]
)
def test_a_chuyen_den_heading_with_its_month_after_keeps_its_rows(tmp_path, title):
    """'Xóm Bản Cọ chuyển đến tháng 5/2024' over BC1, BC3: households come from Bản Cọ, Nà
    Mòn's own now (session 56 review's 'Tổ 2 xóm Bản Cọ chuyển đến'): kept, nothing said, 4
    poor, 3 near-poor. Was: read as a hamlet 'Bản Cọ chuyển đến', rows taken out (3 and 2);
    'Tổ 2 xóm … trong tháng' a guard (kept before too, as a group of a hamlet the plan lacks)."""
    result = _under(tmp_path, title)
    assert _moves(result) == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)


# --- 4. find_in's Roman rule asked only of a text holding a Roman number ------------------------


def test_find_in_asks_the_roman_rule_only_of_a_text_holding_roman_letters(monkeypatch):
    """The plan Bản Cọ, Bản Cọ 2, Tổ 11. 'DS_BanCo2_2024-05' (no two of i, v, x together once
    folded: no word read as a Roman number) names Bản Cọ 2 without asking
    hamlets.roman_read_as_number (the province's numbered hamlets' file names: ~9 % of
    find_in's instructions, session 57 review); 'to Xi nghiep' and 'tổ Xí nghiệp' still ask
    it and name none, 'To XI' Tổ 11. Was (session 57, E): asked of every text whose hamlet
    holds a number."""
    plan = HamletMatcher(["Bản Cọ", "Bản Cọ 2", "Tổ 11"])
    asked = []
    rule = hamlets.roman_read_as_number
    monkeypatch.setattr(hamlets, "roman_read_as_number", lambda *a: asked.append(a[0]) or rule(*a))
    assert plan.find_in("DS_BanCo2_2024-05") == "Bản Cọ 2"
    assert asked == []
    named = ["to Xi nghiep", "tổ Xí nghiệp", "To XI"]
    assert [plan.find_in(text) for text in named] == [None, None, "Tổ 11"]
    assert asked == named
