"""Session 58 (E2): a group named by a letter before a hamlet between a list's households ('Tổ A -
xóm Bản Cọ', 'Tổ X xóm Bản Cọ') heads that hamlet's rows as 'Tổ 2 - xóm Bản Cọ' does, the plan
deciding (session 56 review; helper E's Left of 'TỔ X - XÓM BẢN CỌ').

The small commune (tests.commune): Nà Mòn's May list NM1, NM5, NM6 poor, NM2, NM4 near-poor in
rows 5-9, the heading in A10 over BC1 (poor) and BC3 (near-poor) in rows 11-12
(tests.test_session56_e_titles.titled_rows); the plan holds Bản Cọ."""

from __future__ import annotations

import pytest

from pipeline.discover import group_first
from tests.summaries import hamlet_figures
from tests.test_session40_titles import issues
from tests.test_session56_e_titles import titled_rows


def test_group_first_reads_a_group_by_a_letter():
    """By hand: 'Tổ A - xóm Bản Cọ', 'TỔ B XÓM BẢN CỌ', 'Tổ A, thôn Bản Cọ', 'Tổ Đ - xóm Bản Cọ'
    begin with a group (one letter) before a hamlet; 'Tổ xóm Bản Cọ' (no group), 'Tổ AB xóm Bản
    Cọ' (a word), 'Tổ A' (no hamlet after) not."""
    texts = ["Tổ A - xóm Bản Cọ", "TỔ B XÓM BẢN CỌ", "Tổ A, thôn Bản Cọ", "Tổ Đ - xóm Bản Cọ",
             "Tổ xóm Bản Cọ", "Tổ AB xóm Bản Cọ", "Tổ A"]  # fmt: skip
    assert [group_first(t) for t in texts] == [True, True, True, True, False, False, False]


@pytest.mark.parametrize("title", ["Tổ A - xóm Bản Cọ", "TỔ B, THÔN BẢN CỌ", "Tổ X xóm Bản Cọ"])
def test_a_group_by_a_letter_of_another_plan_hamlet_takes_its_rows(tmp_path, title):
    """'Tổ A - xóm Bản Cọ' (A10) over BC1, BC3 in Nà Mòn's list. By hand, as 'Tổ 2 - xóm Bản Cọ'
    (session 56): Bản Cọ's group pasted into the list, the plan holding Bản Cọ: rows 11-12 taken
    out, said at A10 as Bản Cọ's; Nà Mòn 3 poor, 2 near-poor. Was: no heading, kept silently,
    4 and 3."""
    result = titled_rows(tmp_path, title, {})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Bản Cọ")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize("title", ["Tổ A - xóm Nà Mòn", "Tổ A - xóm Bản Cọ cũ"])
def test_a_group_by_a_letter_of_the_lists_hamlet_or_one_the_plan_lacks_keeps_its_rows(
    tmp_path, title
):
    """Guards: 'Tổ A - xóm Nà Mòn' (the list's own group) and 'Tổ A - xóm Bản Cọ cũ' (a hamlet
    the plan lacks: the plan decides, session 56 review) keep the rows: 4 and 3, nothing said."""
    result = titled_rows(tmp_path, title, {})
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)
