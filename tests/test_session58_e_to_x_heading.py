"""Session 58 (E): 'TỔ X - XÓM BẢN CỌ' alone between the households ('TỔ X' in capitals, 10:
session 57) is a group before its hamlet, as 'TỔ 10 - XÓM BẢN CỌ' is (discover.group_first;
R1's Left of session 57): the plan decides whose its rows are (session 56 review).

The small commune (tests.commune): Nà Mòn's May list ('Tổng số hộ dân cư' 102) NM1, NM5, NM6
poor, NM2, NM4 near-poor in rows 5-9, then the heading in A10 over BC1 (poor) and BC3
(near-poor) in rows 11-12 (tests.test_session56_e_titles.titled_rows)."""

from __future__ import annotations

import pytest

from pipeline.discover import group_first
from tests.summaries import hamlet_figures
from tests.test_session40_titles import issues
from tests.test_session56_e_titles import titled_rows


def test_group_first_reads_to_x_in_capitals():
    """By hand: 'TỔ X - XÓM BẢN CỌ', 'TỔ SỐ X, THÔN BẢN CỌ', 'TỔ 10 - XÓM BẢN CỌ', 'Tổ 2 - xóm
    Bản Cọ' begin with a group before a hamlet, and 'Tổ X xóm Bản Cọ' (a group by a letter in
    small letters, session 58 E2); 'TỔ XÓM BẢN CỌ', 'Xóm Bản Cọ' not. Was: 'TỔ X' read folded
    only, a letter: the first two False."""
    texts = ["TỔ X - XÓM BẢN CỌ", "TỔ SỐ X, THÔN BẢN CỌ", "TỔ 10 - XÓM BẢN CỌ", "Tổ 2 - xóm Bản Cọ",
             "Tổ X xóm Bản Cọ", "TỔ XÓM BẢN CỌ", "Xóm Bản Cọ"]  # fmt: skip
    assert [group_first(t) for t in texts] == [True, True, True, True, True, False, False]


@pytest.mark.parametrize("title", ["TỔ X - XÓM BẢN CỌ", "TỔ X, THÔN BẢN CỌ", "TỔ SỐ X XÓM BẢN CỌ"])
def test_to_x_before_another_hamlet_between_the_households_takes_its_rows(tmp_path, title):
    """'TỔ X - XÓM BẢN CỌ' (A10) over BC1 and BC3 in Nà Mòn's list, the plan holding Bản Cọ.
    By hand, as 'TỔ 10 - XÓM BẢN CỌ' and 'DANH SÁCH TỔ X - XÓM BẢN CỌ' (session 57 review):
    Bản Cọ's group 10, rows 11-12 taken out and said at A10 as Bản Cọ's; Nà Mòn 3 poor (NM1,
    NM5, NM6), 2 near-poor (NM2, NM4). Was: no heading ('TỔ X' folded to a letter): kept
    silently, 4 and 3."""
    result = titled_rows(tmp_path, title, {})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Bản Cọ")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize(
    "title",
    ["TỔ X - XÓM NÀ MÒN", "TỔ X - XÓM BẢN CỌ CŨ", "TỔ 10 - XÓM BẢN CỌ CŨ"],
)
def test_to_x_of_the_lists_own_hamlet_or_one_the_plan_lacks_keeps_its_rows(tmp_path, title):
    """Guards: 'TỔ X - XÓM NÀ MÒN' (the list's own group 10), 'TỔ X - XÓM BẢN CỌ CŨ' (a hamlet
    the plan lacks: the plan decides, as 'TỔ 10 - XÓM BẢN CỌ CŨ', session 56 review) keep the
    rows: Nà Mòn 4 poor, 3 near-poor, nothing said. ('Tổ X xóm Bản Cọ', kept here before, is
    now a group by a letter of Bản Cọ: tests/test_session58_e2_group_by_letter.py.)"""
    result = titled_rows(tmp_path, title, {})
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)
