"""Session 59 (E): a group named by a letter and a number glued ('Tổ A1 - xóm Bản Cọ', 'TỔ B12,
THÔN BẢN CỌ') between a list's households heads that hamlet's rows as 'Tổ A - xóm Bản Cọ' does
(session 58, E2), the plan deciding (R3's Left (c) of session 58's review).

The small commune (tests.commune): Nà Mòn's May list NM1, NM5, NM6 poor, NM2, NM4 near-poor in
rows 5-9, the heading in A10 over BC1 (poor) and BC3 (near-poor) in rows 11-12
(tests.test_session56_e_titles.titled_rows); the plan holds Bản Cọ."""

from __future__ import annotations

import pytest

from pipeline.discover import group_first
from tests.summaries import hamlet_figures
from tests.test_session40_titles import issues
from tests.test_session56_e_titles import titled_rows


def test_group_first_reads_a_group_by_a_letter_and_a_number():
    """By hand: 'Tổ A1 - xóm Bản Cọ', 'TỔ B12, THÔN BẢN CỌ' begin with a group before a hamlet
    (before: False, False); 'Tổ A123 xóm Bản Cọ' (three digits), 'Tổ AB1 xóm Bản Cọ' (two
    letters), 'Tổ A1' (no hamlet after) not."""
    texts = ["Tổ A1 - xóm Bản Cọ", "TỔ B12, THÔN BẢN CỌ", "Tổ A123 xóm Bản Cọ",
             "Tổ AB1 xóm Bản Cọ", "Tổ A1"]  # fmt: skip
    assert [group_first(t) for t in texts] == [True, True, False, False, False]


@pytest.mark.parametrize("title", ["Tổ A1 - xóm Bản Cọ", "TỔ B12, THÔN BẢN CỌ"])
def test_a_group_by_a_letter_and_a_number_of_another_plan_hamlet_takes_its_rows(tmp_path, title):
    """The heading in A10 over BC1, BC3 in Nà Mòn's list. By hand, as 'Tổ A - xóm Bản Cọ'
    (session 58, E2): Bản Cọ's group pasted into the list, the plan holding Bản Cọ: rows 11-12
    taken out, said at A10 as Bản Cọ's; Nà Mòn 3 poor (NM1, NM5, NM6), 2 near-poor (NM2, NM4).
    Was: no heading, kept silently as Nà Mòn's, 4 and 3."""
    result = titled_rows(tmp_path, title, {})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Bản Cọ")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize("title", ["Tổ A1 - xóm Nà Mòn", "Tổ A1 - xóm Bản Cọ cũ"])
def test_a_group_by_a_letter_and_a_number_of_the_lists_hamlet_or_one_the_plan_lacks_keeps_rows(
    tmp_path, title
):
    """Guards: 'Tổ A1 - xóm Nà Mòn' (the list's own group) and 'Tổ A1 - xóm Bản Cọ cũ' (a hamlet
    the plan lacks: the plan decides, session 56 review) keep the rows: 4 and 3, nothing said."""
    result = titled_rows(tmp_path, title, {})
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)
