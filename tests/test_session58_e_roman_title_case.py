"""Session 58 (E): a Roman number after 'tổ' or 'khu' written in title case ('Danh Sach To Xii',
'Khu Iv') is a number; only 'Vi' and 'Xi', Vietnamese syllables, are names so written
(hamlets.roman_read_as_number; R1's Left of session 57).

The small commune (tests.commune): Nà Mòn's May list ('Tổng số hộ dân cư' 102) NM1, NM5, NM6
poor, NM2, NM4 near-poor in rows 5-9, then the heading in A10 over BC1 (poor) and BC3
(near-poor) in rows 11-12 (tests.test_session56_e_titles.titled_rows); the plan's Bản Cọ
renamed as a town's 'Tổ 12' or 'Tổ 11'."""

from __future__ import annotations

import pytest

from pipeline.hamlets import HamletMatcher, roman_read_as_number
from pipeline.run import collect
from tests.commune import person, write_renamed_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import OWN
from tests.test_session40_titles import issues
from tests.test_session56_e_titles import titled_rows

# --- a Roman number in title case ------------------------------------------------------------


def test_a_roman_number_in_title_case_is_a_number_but_vi_and_xi():
    """The plan 'Tổ 1' … 'Tổ 15', 'Khu 4', Nà Mòn. By hand: 'Danh Sach To Xii', 'DsToXii',
    'Danh Sach To Vii', 'To Xiv' (a file name in title case: 'Xii', 'Vii', 'Xiv' no
    Vietnamese syllable) name Tổ 12, Tổ 7, Tổ 14; 'Khu Iv' Khu 4; 'To Xi', 'Danh Sach To Xi
    Nghiep', 'tổ Vi' (syllables: a name, session 56) none. Was: every Roman word written as a
    name was a name: the first five none."""
    plan = HamletMatcher([f"Tổ {n}" for n in range(1, 16)] + ["Khu 4", "Nà Mòn"])
    texts = ["Danh Sach To Xii", "DsToXii", "Danh Sach To Vii 2024-05", "To Xiv", "Khu Iv",
             "To Xi", "Danh Sach To Xi Nghiep", "Danh sách tổ Vi"]  # fmt: skip
    expected = ["Tổ 12", "Tổ 12", "Tổ 7", "Tổ 14", "Khu 4", None, None, None]
    assert [plan.find_in(text) for text in texts] == expected
    assert [plan.in_title(t) for t in ("Tổ Xii", "Khu Iv", "tổ Xi", "Tổ Vi")] == [
        "Tổ 12", "Khu 4", None, None]  # fmt: skip
    assert roman_read_as_number("Danh Sách Tổ Xii", "Tổ 12") is False
    assert roman_read_as_number("Danh Sách Tổ Xi", "Tổ 11") is True


def test_a_list_named_to_xii_in_title_case_is_to_12s(tmp_path):
    """The plan's Bản Cọ named 'Tổ 12'; Nà Mòn's May list and 'Danh Sach To Xii 2024-05.xlsx'
    whose 'Xóm' is blank holding BC1, BC2 poor, BC3 near-poor. By hand: the file name names
    Tổ 12 (as 'To XII' does): counted for it, 2 poor, 1 near-poor; Nà Mòn 3 and 2. Was:
    refused as naming no hamlet, Tổ 12 missing."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, {"Bản Cọ": "Tổ 12"})
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, list(OWN))
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "Danh Sach To Xii 2024-05.xlsx", "", 200, rows)
    result = collect(folder, None, workers=0)[0]
    to_12 = hamlet_figures(result, "Tổ 12")
    assert (to_12["status"], to_12["poor"], to_12["near_poor"]) == ("ok", 2, 1)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


def test_a_heading_to_xii_in_title_case_takes_its_rows_as_to_12s(tmp_path):
    """'Danh Sách Tổ Xii' (A10) over BC1 and BC3 in Nà Mòn's list, the plan's Bản Cọ named 'Tổ
    12'. By hand, as 'DANH SÁCH TỔ XII' (session 56, K): rows 11-12 taken out, said at A10 as
    Tổ 12's; Nà Mòn 3 poor (NM1, NM5, NM6), 2 near-poor (NM2, NM4). Was: kept silently as Nà
    Mòn's, 4 and 3 ('Xii' read as a name)."""
    result = titled_rows(tmp_path, "Danh Sách Tổ Xii", {"Bản Cọ": "Tổ 12"})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Tổ 12")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize("title", ["Danh Sách Tổ Xi", "Danh Sách Tổ Xi Nghiệp"])
def test_a_heading_to_xi_in_title_case_still_keeps_its_rows(tmp_path, title):
    """A guard: 'Danh Sách Tổ Xi' (a syllable written as a name, session 56) over BC1 and BC3,
    the plan's Bản Cọ named 'Tổ 11': kept, Nà Mòn 4 poor, 3 near-poor, nothing said."""
    result = titled_rows(tmp_path, title, {"Bản Cọ": "Tổ 11"})
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)
