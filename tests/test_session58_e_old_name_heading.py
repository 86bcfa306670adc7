"""Session 58 (E): a heading between the households naming the list's own hamlet cut short ('Xóm
Nà Mòn', its old name, in the list of the plan's 'Nà Mòn Mới') keeps its rows unless the plan
has a hamlet so named (discover.shortens_own; the mirror of session 57's 'Xóm Nà Mòn mới' in
Nà Mòn's list; R1's Left of session 57).

The small commune (tests.commune), Nà Mòn renamed 'Nà Mòn Mới' in the plan (targets and start
list): its May list ('Xóm' 'Nà Mòn Mới', 'Tổng số hộ dân cư' 102) NM1, NM5, NM6 poor, NM2, NM4
near-poor in rows 5-9, then the heading in A10 over BC1 (poor) and BC3 (near-poor) in rows
11-12 (tests.test_session30_c_heads_lists.with_titles)."""

from __future__ import annotations

import pytest

from pipeline.discover import shortens_own
from pipeline.run import collect
from tests.commune import person, write_renamed_plan
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session40_titles import issues

_UNDER = [person("BC1", "poor"), person("BC3", "near_poor")]

# --- the list's own hamlet's name cut short ----------------------------------------------------


def test_shortens_own_reads_the_lists_name_cut_short():
    """By hand: 'Nà Mòn', 'NÀ MÒN', 'Xóm Nà Mòn' are Nà Mòn Mới cut short (a word left off);
    'Bản Cọ' of 'Bản Cọ 2' and of 'Bản Cọ II' too (a number left off: another hamlet only
    where the plan has one so named; session 58, E2); 'Nà Mòn Mới' (the whole name) and 'Nà
    Mòn Mới Trên' (longer) not."""
    named = ["Nà Mòn", "NÀ MÒN", "Xóm Nà Mòn", "Nà Mòn Mới", "Nà Mòn Mới Trên"]
    assert [shortens_own(n, ["Nà Mòn Mới"]) for n in named] == [True, True, True, False, False]
    assert [shortens_own("Bản Cọ", [own]) for own in ("Bản Cọ 2", "Bản Cọ II")] == [True, True]


def _renamed_list(tmp_path, title: str, renamed: dict[str, str]):
    """The plan's hamlets renamed ``renamed`` (Nà Mòn as 'Nà Mòn Mới'); Nà Mòn Mới's May list
    ('Xóm' 'Nà Mòn Mới') with ``title`` in A10 over BC1 and BC3. The run's result."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [(title, list(_UNDER))], hamlet="Nà Mòn Mới")
    write_renamed_plan(folder, renamed)
    return collect(folder, None, workers=0)[0]


@pytest.mark.parametrize(
    "title", ["Xóm Nà Mòn", "Danh sách xóm Nà Mòn", "DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN"]
)
def test_a_heading_of_the_lists_old_name_keeps_its_rows(tmp_path, title):
    """'Xóm Nà Mòn' (A10) over BC1 and BC3 in the list of the plan's 'Nà Mòn Mới' (Nà Mòn
    renamed; the plan has no 'Nà Mòn'). By hand: its own name as it was, the plan naming no
    other hamlet so: the rows stay Nà Mòn Mới's, 4 poor (NM1, NM5, NM6, BC1), 3 near-poor
    (NM2, NM4, BC3), nothing said. Was (since session 30): taken out as a hamlet 'Nà Mòn''s,
    counted nowhere: 3 and 2, a warning at A10."""
    result = _renamed_list(tmp_path, title, {"Nà Mòn": "Nà Mòn Mới"})
    assert issues(result, "rows-of-other-hamlet") == []
    own = hamlet_figures(result, "Nà Mòn Mới")
    assert (own["poor"], own["near_poor"]) == (4, 3)


def test_a_heading_of_another_plan_hamlet_the_lists_name_begins_takes_its_rows(tmp_path):
    """A guard: the plan holds both 'Nà Mòn Mới' (Nà Mòn renamed) and 'Nà Mòn' (Đồng Kè
    renamed): 'Xóm Nà Mòn' over BC1 and BC3 in Nà Mòn Mới's list names that hamlet: rows
    11-12 taken out, said at A10 as Nà Mòn's; Nà Mòn Mới 3 poor, 2 near-poor."""
    result = _renamed_list(tmp_path, "Xóm Nà Mòn", {"Nà Mòn": "Nà Mòn Mới", "Đồng Kè": "Nà Mòn"})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn Mới", "A10", "11–12", "Nà Mòn")]
    own = hamlet_figures(result, "Nà Mòn Mới")
    assert (own["poor"], own["near_poor"]) == (3, 2)


def test_a_heading_of_another_hamlet_the_plan_lacks_still_takes_its_rows(tmp_path):
    """A guard: 'Xóm Bản Cọ cũ' (no part of the list's name) over BC1 and BC3 in Nà Mòn
    Mới's list: taken out as said since session 30, 3 and 2."""
    result = _renamed_list(tmp_path, "Xóm Bản Cọ cũ", {"Nà Mòn": "Nà Mòn Mới"})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn Mới", "A10", "11–12", "Bản Cọ cũ")]
    own = hamlet_figures(result, "Nà Mòn Mới")
    assert (own["poor"], own["near_poor"]) == (3, 2)
