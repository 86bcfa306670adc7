"""Session 56 (lead, after review R3): a group before a hamlet the plan lacks, written between
a list's households ('Tổ 2 - xóm Bản Cọ cũ' in a merged commune), keeps its rows.

The small commune (tests.commune): Nà Mòn's May list (tests.test_session30_c_heads_lists.OWN)
holds NM1, NM5, NM6 poor and NM2, NM4 near-poor in rows 5-9, then a title in A10 merged across
the table over BC1 (poor) and BC3 (near-poor) in rows 11-12. The plan's hamlets are Nà Mòn,
Bản Cọ and Đồng Kè; none is 'Bản Cọ cũ' or 'Làng Cũ'."""

from __future__ import annotations

import pytest

from tests.summaries import hamlet_figures
from tests.test_session40_titles import issues
from tests.test_session56_e_titles import titled_rows


@pytest.mark.parametrize("title", ["Tổ 2 - xóm Bản Cọ cũ", "TỔ 3 THÔN LÀNG CŨ"])
def test_a_group_of_a_hamlet_the_plan_lacks_keeps_its_rows(tmp_path, title):
    """By hand: the title names no plan hamlet, so the rows under it are Nà Mòn's as before
    session 56's E (a text beginning 'Tổ' was no title): 4 poor (NM1, NM5, NM6, BC1), 3
    near-poor (NM2, NM4, BC3), nothing said. Was (E): taken out as a hamlet 'Bản Cọ cũ' no
    plan has, counted nowhere: 3 poor, 2 near-poor, a row warning at A10."""
    result = titled_rows(tmp_path, title, {})
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)


def test_a_group_of_a_plan_hamlet_still_takes_its_rows(tmp_path):
    """The plan has Bản Cọ: 'Tổ 2 - xóm Bản Cọ' takes rows 11-12 out as Bản Cọ's, said at A10;
    Nà Mòn 3 poor, 2 near-poor (as E made it; the plan now decides it)."""
    result = titled_rows(tmp_path, "Tổ 2 - xóm Bản Cọ", {})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Bản Cọ")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
