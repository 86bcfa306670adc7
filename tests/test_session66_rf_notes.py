"""Session 66, review of F's counts and notes (RF): a note saying a list is empty, as heads
write it beside F's shapes.

F took 'Trống', 'Chưa có hộ' and '1 | Không có hộ nghèo' (its STT) as no household. Near
shapes were still a household coded with the note, three errors asking for a head, a size and
a class that do not exist (C5, H5, I5):
* the note after a space or a dash (' Không có hộ nghèo', '- Không có -'): the quick look
  took only a note beginning with its letter;
* a label under STT ('Ghi chú | Không có hộ', 'Lưu ý: | Trống'), as a head marks a note;
* on the plan's start list, the hamlet it is said of beside it ('Đồng Kè | Chưa có hộ'): three
  errors on the plan (D, I, J of its row).
A word under STT that is no label ('x | Trống') is still a household (F's guard).

Nà Mòn's list (tests.commune): row 5 the note, rows 6-7 NM1, NM2 (poor); Bản Cọ sends none.
"""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.run import collect
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list
from tests.test_session38_oracle import na_mon_rows
from tests.test_session64_d_hamlet_counts import said_and_codes
from tests.test_typed_by_hand import commune

NFD = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731
TWO = [person("NM1", "poor"), person("NM2", "poor")]


@pytest.mark.parametrize(
    "cells",
    [
        {2: " Không có hộ nghèo"},
        {2: "- Không có -"},
        {1: "Ghi chú", 2: "Không có hộ"},
        {1: NFD("Lưu ý:"), 2: NFD("Trống")},
    ],
    ids=["space", "dashes", "label", "label-nfd"],
)
def test_a_note_after_a_space_a_dash_or_a_label_is_no_household(tmp_path, cells):
    """By hand: row 5 writes the note alone (and a label under STT): no household; NM1, NM2
    read, nothing said of the list. Before: a household coded with the note, said at C5
    (missing-head-name), H5 (invalid-household-size), I5 (invalid-classification)."""
    assert said_and_codes(tmp_path, [None, *TWO], {5: cells}) == ([], ["NM1", "NM2"])


def test_a_word_under_stt_that_is_no_label_is_still_a_household(tmp_path):
    """Guard (F's): 'x | Trống': a household coded 'Trống', its three cells asked."""
    said, codes = said_and_codes(tmp_path, [None, *TWO], {5: {1: "x", 2: "Trống"}})
    assert [(c, cell) for c, cell, _, _ in said] == [
        ("missing-head-name", "C5"),
        ("invalid-household-size", "H5"),
        ("invalid-classification", "I5"),
    ]
    assert codes == ["NM1", "NM2", "Trống"]


def test_a_start_lists_note_beside_its_hamlet_is_no_household(tmp_path):
    """The plan's start list (tests.commune.start_list: NM1-NM5, BC1-BC3, DK1-DK2 on rows 4-13)
    and row 14 'Đồng Kè | Chưa có hộ' (its hamlet, the note under 'Mã hộ'). By hand: no
    household; the start list's ten households, nothing said of row 14. Before: row 14 a
    household, said missing-head-name at D14, invalid-household-size at I14,
    invalid-classification at J14."""
    commune(tmp_path, na_mon_rows())
    rows = [*start_list(), {"hamlet": "Đồng Kè", "ma_ho": "Chưa có hộ"}]
    write_plan_workbook(tmp_path / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), rows)
    result, _ = collect(tmp_path, None, workers=0)
    said = [
        (i.code, i.cell)
        for i in result.issues
        if i.file == "KeHoach_2024.xlsx" and i.code != "plan-commune-target-above-start"
    ]
    assert said == []
    assert len(result.plan.start_list) == 10
