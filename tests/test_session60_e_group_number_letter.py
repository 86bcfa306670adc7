"""Session 60 (E): a group named by a number and a letter glued ('Tổ 2B - xóm Bản Cọ', 'TỔ 12B,
THÔN BẢN CỌ') between a list's households heads that hamlet's rows as 'Tổ A1 - xóm Bản Cọ'
does (session 59, E), the plan deciding (E's and R1's Left (b) of session 59).

The small commune (tests.commune): Nà Mòn's May list NM1, NM5, NM6 poor, NM2, NM4 near-poor in
rows 5-9, the heading in A10 over BC1 (poor) and BC3 (near-poor) in rows 11-12
(tests.test_session56_e_titles.titled_rows); the plan holds Bản Cọ."""

from __future__ import annotations

import pytest

from pipeline.discover import group_first
from tests.summaries import hamlet_figures
from tests.test_session40_titles import issues
from tests.test_session56_e_titles import titled_rows


def test_group_first_reads_a_group_by_a_number_and_a_letter():
    """By hand: 'Tổ 2B - xóm Bản Cọ', 'TỔ 12B, THÔN BẢN CỌ', 'Tổ 2b xóm Bản Cọ' begin with a
    group before a hamlet (before: False each); 'Tổ 2BC xóm Bản Cọ' (two letters), 'Tổ 2B'
    (no hamlet after), 'Tổ 2 Bản Cọ' (no 'xóm') not."""
    texts = ["Tổ 2B - xóm Bản Cọ", "TỔ 12B, THÔN BẢN CỌ", "Tổ 2b xóm Bản Cọ",
             "Tổ 2BC xóm Bản Cọ", "Tổ 2B", "Tổ 2 Bản Cọ"]  # fmt: skip
    assert [group_first(t) for t in texts] == [True, True, True, False, False, False]


@pytest.mark.parametrize("title", ["Tổ 2B - xóm Bản Cọ", "TỔ 12B, THÔN BẢN CỌ"])
def test_a_group_by_a_number_and_a_letter_of_another_plan_hamlet_takes_its_rows(tmp_path, title):
    """The heading in A10 over BC1, BC3 in Nà Mòn's list. By hand, as 'Tổ A1 - xóm Bản Cọ':
    Bản Cọ's group pasted into the list, the plan holding Bản Cọ: rows 11-12 taken out, said at
    A10 as Bản Cọ's; Nà Mòn 3 poor (NM1, NM5, NM6), 2 near-poor (NM2, NM4). Was: no heading
    (the whole text read as a unit's name, 'Tổ 2B - xóm Bản Cọ'), kept silently as Nà Mòn's,
    4 and 3."""
    result = titled_rows(tmp_path, title, {})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Bản Cọ")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize("title", ["Tổ 2B - xóm Nà Mòn", "Tổ 2B - xóm Bản Cọ cũ"])
def test_a_group_by_a_number_and_a_letter_of_the_lists_hamlet_or_one_the_plan_lacks_keeps_rows(
    tmp_path, title
):
    """Guards (pass before and after): 'Tổ 2B - xóm Nà Mòn' (the list's own group) and 'Tổ 2B -
    xóm Bản Cọ cũ' (a hamlet the plan lacks: the plan decides) keep the rows: 4 and 3, nothing
    said."""
    result = titled_rows(tmp_path, title, {})
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)
