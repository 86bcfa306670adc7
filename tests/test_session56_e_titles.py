"""Session 56 (E): titles naming hamlets, the leftovers of session 55's.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the start list. Nà Mòn's May list
(tests.test_session30_c_heads_lists.OWN): NM1, NM5, NM6 poor, NM2, NM4 near-poor in rows 5-9,
then a title row (row 10, merged across the table as heads write it) over BC1 (poor) and BC3
(near-poor), rows 11-12."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.run import collect
from tests.commune import person, write_renamed_plan
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session40_titles import issues

_UNDER_TITLE = [person("BC1", "poor"), person("BC3", "near_poor")]


def _titled_rows(tmp_path, title: str, renamed: dict[str, str]):
    """Nà Mòn's May list with ``title`` in A10, merged over the table's columns (as a head
    writes a title across the list), over BC1 and BC3; the plan's hamlets renamed
    ``renamed``. The run's result."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = with_titles(folder, [(title, list(_UNDER_TITLE))])
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert sheet["A10"].value == title and sheet["B11"].value == "BC1"
    sheet.merge_cells(start_row=10, start_column=1, end_row=10, end_column=sheet.max_column)
    book.save(path)
    write_renamed_plan(folder, renamed)
    return collect(folder, None, workers=0)[0]


# --- 4. a group before its hamlet as a title between the households ---------------------------


@pytest.mark.parametrize(
    "title", ["Tổ 2 - xóm Bản Cọ", "TỔ 2, THÔN BẢN CỌ", "Tổ số 2 xóm Bản Cọ", "Tổ II - xóm Bản Cọ"]
)
def test_a_group_before_another_hamlet_as_a_title_takes_its_rows(tmp_path, title):
    """'Tổ 2 - xóm Bản Cọ' (row 10) over BC1 and BC3 in Nà Mòn's list. By hand: the title
    names Bản Cọ, not the list's hamlet, as 'Danh sách xóm Bản Cọ' does: rows 11-12 taken out
    and said at A10 as Bản Cọ's; Nà Mòn 3 poor (NM1, NM5, NM6), 2 near-poor (NM2, NM4). Was:
    a text beginning 'Tổ' was no title (discover._titles_between wanted 'Danh sách' or the
    hamlet word first): 4 poor, 3 near-poor, nothing said."""
    result = _titled_rows(tmp_path, title, {})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Bản Cọ")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize("title", ["Tổ 2 - xóm Nà Mòn", "TỔ 2 THÔN NÀ MÒN", "Tổ III - xóm Nà Mòn"])
def test_a_group_before_the_lists_own_hamlet_keeps_its_rows(tmp_path, title):
    """A guard: 'Tổ 2 - xóm Nà Mòn' over the same rows names the list's own hamlet (its group
    2): the rows stay Nà Mòn's, nothing said: 4 poor (NM1, NM5, NM6, BC1), 3 near-poor."""
    result = _titled_rows(tmp_path, title, {})
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)
