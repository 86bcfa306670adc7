"""Session 61 (D): 'Tổ 2 B - xóm Bản Cọ' (a space between the group's number and its letter)
heads that hamlet's rows as 'Tổ 2B' does (session 60 R1's Left).

Nà Mòn's May list NM1, NM5, NM6 poor, NM2, NM4 near-poor in rows 5-9, the heading in A10 over
BC1 (poor) and BC3 (near-poor) in rows 11-12 (tests.test_session56_e_titles.titled_rows); the
plan holds Bản Cọ.
"""

from __future__ import annotations

from pipeline.discover import group_first
from tests.summaries import hamlet_figures
from tests.test_session40_titles import issues
from tests.test_session56_e_titles import titled_rows

# --- 'Tổ 2 B - xóm Bản Cọ': a space between the number and the letter -----------------------------


def test_group_first_reads_a_number_and_a_letter_apart():
    """By hand: 'Tổ 2 B - xóm Bản Cọ', 'TỔ 12 B, THÔN BẢN CỌ', 'tổ số 2 b xóm Bản Cọ' begin
    with a group before a hamlet, as 'Tổ 2B' does (before: False each); 'Tổ 2 BC xóm Bản Cọ'
    (two letters), 'Tổ 2 B' (no hamlet after) and 'Tổ 2 xóm Bản Cọ' as before (no, no, yes)."""
    texts = ["Tổ 2 B - xóm Bản Cọ", "TỔ 12 B, THÔN BẢN CỌ", "tổ số 2 b xóm Bản Cọ",
             "Tổ 2 BC xóm Bản Cọ", "Tổ 2 B", "Tổ 2 xóm Bản Cọ"]  # fmt: skip
    assert [group_first(t) for t in texts] == [True, True, True, False, False, True]


def test_a_group_by_a_number_a_space_and_a_letter_of_another_hamlet_takes_its_rows(tmp_path):
    """'Tổ 2 B - xóm Bản Cọ' in A10 over BC1 (poor), BC3 (near-poor) in Nà Mòn's May list
    (NM1, NM5, NM6 poor, NM2, NM4 near-poor in rows 5-9). By hand, as 'Tổ 2B - xóm Bản Cọ':
    rows 11-12 taken out, said at A10 as Bản Cọ's; Nà Mòn 3 poor, 2 near-poor. Before: no
    heading, kept silently as Nà Mòn's, 4 and 3."""
    result = titled_rows(tmp_path, "Tổ 2 B - xóm Bản Cọ", {})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Bản Cọ")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


def test_a_group_by_a_number_a_space_and_a_letter_of_the_lists_own_hamlet_keeps_rows(tmp_path):
    """Guard (passes before and after): 'Tổ 2 B - xóm Nà Mòn' (the list's own group) keeps the
    rows: 4 poor and 3 near-poor, nothing said."""
    result = titled_rows(tmp_path, "Tổ 2 B - xóm Nà Mòn", {})
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)
