"""Session 40: a town's unit written short or without its 'số' ('TDP 12', 'TDP số 12', 'Tổ dân
phố 12' for the plan's 'Tổ dân phố số 12'; 'KP3' for 'Khu phố 3') names that plan hamlet, in
the 'Xóm' cell and in a title (text.unit_number_form). Before: `unknown-hamlet`, the list
refused."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.discover import _title_hamlet, hamlet_key
from pipeline.hamlets import HamletMatcher
from pipeline.run import collect
from tests.commune import person, write_renamed_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session40_titles import issues, renamed_may_list

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
    folder, path = renamed_may_list(tmp_path, RENAMED, TDP)
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B3"] = "TDP 12"
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    tdp = hamlet_figures(result, TDP)
    assert (tdp["status"], tdp["poor"], tdp["near_poor"]) == ("ok", 2, 1)
    codes = {i.code for i in result.issues if i.severity == "error"}
    assert "unknown-hamlet" not in codes


TOWN = ["Tổ dân phố số 1", "Tổ dân phố số 11", "Tổ 1", "Khu phố 1", "Nà Mòn"]


@pytest.mark.parametrize(
    ("written", "name"),
    [("TDP 01", "Tổ dân phố số 1"), ("TDP số 01", "Tổ dân phố số 1"),
     ("Tổ DP 1", "Tổ dân phố số 1"), ("TDP 11", "Tổ dân phố số 11"),
     ("Tổ dân phố số 011", "Tổ dân phố số 11"), ("KP 01", "Khu phố 1"),
     ("Khu phố số 01", "Khu phố 1"), ("Tổ 1", "Tổ 1"), ("tổ 01", "Tổ 1"), ("TDP 10", None),
     ("Khu 1", None)],
)  # fmt: skip
def test_a_towns_unit_numbered_with_a_zero_is_its_plan_hamlet(written, name):
    """A town holding 'Tổ dân phố số 1' and 'số 11', a 'Tổ 1' and a 'Khu phố 1': a number
    written '01' is 1 ('TDP 01', 'KP 01'; before: no hamlet), never 11 or 10; 'Tổ DP' is 'Tổ
    dân phố' (before: no hamlet); a 'Tổ 1' stays the plan's 'Tổ 1', and 'Khu' alone no 'Khu
    phố' (a 'khu' is also a 'khu dân cư', 'khu tái định cư')."""
    assert HamletMatcher(TOWN).match(written) == name


@pytest.mark.parametrize(
    ("title", "read"),
    [("DANH SÁCH HỘ NGHÈO TDP SỐ 12 – THÁNG 5/2024", "TDP SỐ 12"),
     ("DANH SÁCH HỘ NGHÈO TDP 12 - THÁNG 5/2024", "TDP 12"),
     ("Danh sách hộ cận nghèo T.D.P 12 năm 2024", "T.D.P 12"),
     ("DANH SÁCH HỘ NGHÈO KP3 – THÁNG 5/2024", "KP3"),
     ("DANH SÁCH HỘ NGHÈO TỔ DP SỐ 12", "TỔ DP SỐ 12")],
)  # fmt: skip
def test_a_title_naming_a_unit_written_short_reads_it(title, read):
    """Before: no hamlet read from these titles (a list whose 'Xóm' is blank had none)."""
    assert _title_hamlet([title]) == read
    assert HamletMatcher([TDP, "Khu phố 3"]).match_title(read) in (TDP, "Khu phố 3")


def test_a_towns_lists_are_counted_each_for_its_own_unit(tmp_path):
    """A town: Nà Mòn, Bản Cọ, Đồng Kè renamed 'Tổ dân phố số 1', 'Tổ dân phố số 11', 'Khu
    phố 3'. Its May lists: 'Xóm' 'TDP 01' (H1, H2 poor); 'Xóm' blank under the title 'DANH
    SÁCH HỘ NGHÈO TDP SỐ 11 – THÁNG 5/2024' (H3 poor, H4 and H5 near-poor); 'Xóm' 'KP3' (H6
    near-poor). Counted 2 + 0, 1 + 2, 0 + 1. Before: the first refused as an unknown hamlet,
    the second as having none, both hamlets missing."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(
        folder, {"Nà Mòn": "Tổ dân phố số 1", "Bản Cọ": "Tổ dân phố số 11", "Đồng Kè": "Khu phố 3"}
    )
    lists = [
        ("Tổ dân phố số 1", "TDP 01", None, ["poor", "poor"]),
        ("Tổ dân phố số 11", None, "DANH SÁCH HỘ NGHÈO TDP SỐ 11 – THÁNG 5/2024",
         ["poor", "near_poor", "near_poor"]),
        ("Khu phố 3", "KP3", None, ["near_poor"]),
    ]  # fmt: skip
    households = iter(range(1, 7))
    for n, (hamlet, xom, title, classes) in enumerate(lists):
        rows = [person(f"H{next(households)}", status) for status in classes]
        path = write_roster(folder, f"DS_{n}_2024-05.xlsx", hamlet, 200, rows)
        book = openpyxl.load_workbook(path)
        book["Thông tin"]["B3"] = xom
        book["Danh sách"]["A1"] = title or book["Danh sách"]["A1"].value
        book.save(path)
    result, _ = collect(folder, None, workers=0)
    counted = {
        h["hamlet"]: (h["status"], h["poor"], h["near_poor"]) for h in result.summary["hamlets"]
    }
    assert counted == {
        "Tổ dân phố số 1": ("ok", 2, 0),
        "Tổ dân phố số 11": ("ok", 1, 2),
        "Khu phố 3": ("ok", 0, 1),
    }
    assert not [i.code for i in result.issues if i.severity == "error"]


@pytest.mark.parametrize(
    "heading",
    [
        "DANH SÁCH HỘ NGHÈO TỔ DÂN PHỐ SỐ 1",
        "DANH SÁCH HỘ NGHÈO TDP 01",
        "Danh sách hộ nghèo Tổ dân phố 1",
    ],
)
def test_a_heading_naming_the_towns_unit_in_a_villages_list_is_the_units(tmp_path, heading):
    """A plan holding 'Thôn 1' (Nà Mòn renamed) and 'Tổ dân phố số 1' (Bản Cọ): Thôn 1's list
    (3 poor, 2 near-poor), then the heading over BC1 (poor). The rows are Tổ dân phố số 1's:
    3 poor, 2 near-poor. Before: the unit word left out, both were '1', and BC1 counted as
    Thôn 1's (4 poor)."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [(heading, [person("BC1", "poor")])], hamlet="Thôn 1")
    write_renamed_plan(folder, {"Nà Mòn": "Thôn 1", "Bản Cọ": "Tổ dân phố số 1"})
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == [("Thôn 1", "A10", "11", "Tổ dân phố số 1")]
    thon = hamlet_figures(result, "Thôn 1")
    assert (thon["poor"], thon["near_poor"]) == (3, 2)


def test_a_heading_naming_the_units_own_number_is_its_own(tmp_path):
    """Tổ dân phố số 1's list, 'Xóm' 'TDP 01', a heading 'DANH SÁCH HỘ CẬN NGHÈO TỔ DÂN PHỐ SỐ
    1' over NM7 (near-poor): its own, 3 poor and 3 near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    heading = "DANH SÁCH HỘ CẬN NGHÈO TỔ DÂN PHỐ SỐ 1"
    with_titles(folder, [(heading, [person("NM7", "near_poor")])], hamlet="TDP 01")
    write_renamed_plan(folder, {"Nà Mòn": "Tổ dân phố số 1"})
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == []
    unit = hamlet_figures(result, "Tổ dân phố số 1")
    assert (unit["status"], unit["poor"], unit["near_poor"]) == ("ok", 3, 3)
