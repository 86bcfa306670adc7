"""Session 40: a town's unit written short or without its 'số' ('TDP 12', 'TDP số 12', 'Tổ dân
phố 12' for the plan's 'Tổ dân phố số 12'; 'KP3' for 'Khu phố 3') names that plan hamlet, in
the 'Xóm' cell and in a title (text.unit_number_form). Before: `unknown-hamlet`, the list
refused."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.discover import hamlet_key
from pipeline.hamlets import HamletMatcher
from pipeline.run import collect
from tests.commune import person, write_renamed_plan, write_roster
from tests.test_session30_c_heads_lists import _hamlet

TDP = "Tổ dân phố số 12"
RENAMED = {"Bản Cọ": TDP, "Nà Mòn": "Khu phố 3"}


@pytest.mark.parametrize(
    ("written", "name"),
    [("TDP 12", TDP), ("TDP số 12", TDP), ("tdp12", TDP), ("Tổ dân phố 12", TDP),
     ("T.D.P 12", TDP), ("KP3", "Khu phố 3"), ("K.P 3", "Khu phố 3"),
     ("Khu phố số 3", "Khu phố 3"), ("TDP 1", None), ("Tổ 12", None), ("KP 12", None)],
)  # fmt: skip
def test_a_units_short_form_is_the_plans_hamlet(written, name):
    """'TDP 1' is no 'Tổ dân phố số 12' (another number), nor 'Tổ 12' (a group, session 40's
    review), nor 'KP 12'."""
    matcher = HamletMatcher([TDP, "Khu phố 3", "Nà Mòn"])
    assert matcher.match(written) == name


def test_a_title_and_its_xom_written_apart_are_one_hamlet():
    assert hamlet_key("TỔ DÂN PHỐ SỐ 12") == hamlet_key("TDP 12") == hamlet_key("Tổ dân phố 12")
    assert hamlet_key("Sơ 2") != hamlet_key("2")  # 'số' only, not a name 'Sơ'


def test_a_list_whose_xom_is_written_short_is_counted_for_the_plans_hamlet(tmp_path):
    """Tổ dân phố số 12's May list (BC1, BC2 poor, BC3 near-poor) with 'Xóm' 'TDP 12' under
    the template's title naming 'TỔ DÂN PHỐ SỐ 12': counted there, 2 poor and 1 near-poor, and
    no unknown hamlet or title mismatch said."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, RENAMED)
    path = write_roster(folder, "DS_TDP12_2024-05.xlsx", TDP, 200,
                        [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")])  # fmt: skip
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B3"] = "TDP 12"
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    tdp = _hamlet(result, TDP)
    assert (tdp["status"], tdp["poor"], tdp["near_poor"]) == ("ok", 2, 1)
    codes = {i.code for i in result.issues if i.severity == "error"}
    assert "unknown-hamlet" not in codes
