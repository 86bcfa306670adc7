"""Session 57 (R1): review of E's title changes (session 57), as heads write titles.

1. 'Xóm Nà Mòn II' between Nà Mòn's households is a hamlet of its own, as 'Xóm Nà Mòn 2' is:
   a Roman number after the list's own name is a number (discover.lengthens_own).
2. 'DANH SÁCH TỔ X - XÓM BẢN CỌ': 'TỔ X' (session 57: 10 in capitals) is a group before its
   hamlet, as 'TỔ 2 - XÓM BẢN CỌ' is: the hamlet read is Bản Cọ, not 'TỔ X - XÓM BẢN CỌ'.

The small commune (tests.commune): Nà Mòn's May list ('Tổng số hộ dân cư' 102) NM1, NM5, NM6
poor, NM2, NM4 near-poor in rows 5-9, then the heading in A10 over BC1 (poor) and BC3
(near-poor) in rows 11-12 (tests.test_session56_e_titles.titled_rows)."""

from __future__ import annotations

from pipeline.discover import lengthens_own
from tests.summaries import hamlet_figures
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
