"""Session 57 (E): titles and file names left by session 56.

1. A file name's or a title row's free text (HamletMatcher.find_in) reads a word after 'tổ'
   as a title does (in_title): 'Xi' written as a name, 'Xí' with a mark are no Roman number.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the start list; here Bản Cọ renamed
as a town's unit where a test says so ('Tổ 11')."""

from __future__ import annotations

import pytest

from pipeline.hamlets import HamletMatcher
from pipeline.run import collect
from tests.commune import person, write_renamed_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import OWN

_NO_HAMLET = (
    "Không xác định được tên xóm của tệp. Hãy ghi tên xóm vào ô 'Xóm' của trang 'Thông tin'."
)

# --- 1. a file name's words after 'tổ' read as a title's ------------------------------------


def test_a_file_names_syllable_after_to_is_no_roman_number():
    """The plan 'Tổ 1' … 'Tổ 15' and Nà Mòn. By hand: 'To XI' (capitals: a Roman number) is
    Tổ 11, 'TO VI' Tổ 6, 'DS_To_XI' Tổ 11; 'to Xi nghiep' ('Xi' a capital then a small letter:
    a name, xí nghiệp, a works), 'tổ Xí nghiệp' (a mark), 'DS_to_Xi_nghiep', 'DsToXiNghiep'
    name no hamlet, and 'Na Mon to Xi nghiep' names Nà Mòn alone. Was: 'xi' read as 11
    whatever its case or marks: the four named Tổ 11, the last none (two hamlets named)."""
    plan = HamletMatcher([f"Tổ {n}" for n in range(1, 16)] + ["Nà Mòn"])
    named = ["To XI", "TO VI", "DS_To_XI", "Danh sach to Xi nghiep", "Danh sách tổ Xí nghiệp",
             "DS_to_Xi_nghiep", "DsToXiNghiep", "Na Mon to Xi nghiep"]  # fmt: skip
    expected = ["Tổ 11", "Tổ 6", "Tổ 11", None, None, None, None, "Nà Mòn"]
    assert [plan.find_in(text) for text in named] == expected


def _blank_xom_list(tmp_path, file: str):
    """The plan's Bản Cọ named 'Tổ 11'; Nà Mòn's May list (NM1, NM5, NM6 poor, NM2, NM4
    near-poor) and a list ``file`` whose 'Xóm' is blank holding BC1, BC2 poor, BC3 near-poor:
    the run's result."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, {"Bản Cọ": "Tổ 11"})
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, list(OWN))
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, file, "", 200, rows)
    return collect(folder, None, workers=0)[0]


def test_a_list_named_to_xi_nghiep_is_no_list_of_to_11(tmp_path):
    """'Danh sach to Xi nghiep 2024-05.xlsx', its 'Xóm' blank. By hand: the file name names
    no hamlet (a works' name), the title none: the list is refused as naming no hamlet, told
    so; Tổ 11 sent nothing. Was: counted for Tổ 11 (2 poor, 1 near-poor), the file name read
    'tổ 11'."""
    result = _blank_xom_list(tmp_path, "Danh sach to Xi nghiep 2024-05.xlsx")
    assert hamlet_figures(result, "Tổ 11")["status"] == "missing"
    refused = [i for i in result.issues if i.file == "Danh sach to Xi nghiep 2024-05.xlsx"
               and i.severity == "error"]  # fmt: skip
    assert [(i.code, i.message()) for i in refused] == [("missing-hamlet", _NO_HAMLET)]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize("file", ["To XI 2024-05.xlsx", "DS_TO_XI_2024-05.xlsx"])
def test_a_list_named_to_xi_in_capitals_is_to_11s(tmp_path, file):
    """A guard: 'To XI 2024-05.xlsx' (capitals, a Roman number), its 'Xóm' blank: Tổ 11's
    list, 2 poor, 1 near-poor."""
    result = _blank_xom_list(tmp_path, file)
    to_11 = hamlet_figures(result, "Tổ 11")
    assert (to_11["status"], to_11["poor"], to_11["near_poor"]) == ("ok", 2, 1)
