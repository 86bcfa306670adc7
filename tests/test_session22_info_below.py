"""Session 22: a one-sheet list with its 'Thông tin' block written under the list (under its
signatures, or right under the last household) is read as that block above the list is: its
'Xóm', 'Kỳ báo cáo' and 'Tổng số hộ dân cư' give the hamlet, period and total, and its rows
are no households. Nà Mòn's clean May households (tests.messy.na_mon_households: NM1, NM5,
NM6 poor, NM2, NM4 near-poor, NM3 left; 102 households) read so give the template file's
figures: 3 poor (3/102 = 2.94 %), 2 near-poor (2/102 = 1.96 %)."""

from __future__ import annotations

import pytest

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests import messy
from tests.commune import write_plan, write_roster

THREE = ["hamlet", "period", "total_households"]
ALL = ["form_type", "commune", "hamlet", "period", "total_households", "preparer", "prepared_on"]


def _one_sheet(folder, style: str, keys: list[str], signature: bool, gap: int) -> None:
    """NaMon.xlsx: one sheet 'DS', a title, the list from row 3 (households rows 4-9), its
    signatures when ``signature``, then ``gap`` blank rows and the 'Thông tin' block of
    ``keys`` in ``style`` ('standard': label | value; 'inline': "Xóm: Nà Mòn")."""
    layout = messy.Layout(sheet="DS", title=("DANH SÁCH HỘ NGHÈO, CẬN NGHÈO",), signature=signature)
    roster = messy.roster_sheet(messy.na_mon_households(), layout, messy.Typing())
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102), style, order=keys)
    messy.write_book(folder / "NaMon.xlsx", [messy.below(roster, info, gap=gap)])


def _figures(result) -> dict:
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    return na_mon


@pytest.mark.parametrize(
    "style, keys, signature, gap",
    [("standard", THREE, True, 2), ("standard", THREE, False, 1), ("standard", ALL, False, 2),
     ("shifted", THREE, True, 3), ("inline", THREE, False, 1)],
)  # fmt: skip
def test_a_block_under_the_list_is_read_as_its_info(tmp_path, style, keys, signature, gap):
    template, below = tmp_path / "mau", tmp_path / "duoi"
    for folder in (template, below):
        folder.mkdir()
        write_plan(folder)
    write_roster(template, "NaMon.xlsx", "Nà Mòn", 102, messy.na_mon_households())
    _one_sheet(below, style, keys, signature, gap)
    expected, _ = collect(template, None)
    result, _ = collect(below, None)
    assert result.period == expected.period == "2024-05"
    figures = _figures(result)
    assert (figures["status"], figures["poor"], figures["near_poor"]) == ("ok", 3, 2)
    assert figures["poor_rate"] == pytest.approx(3 / 102 * 100)
    assert figures["near_poor_rate"] == pytest.approx(2 / 102 * 100)
    assert figures == _figures(expected)
    # the block's rows are no households: NM1-NM6 alone, with the template's values
    assert sorted(result.households["ma_ho"]) == [f"NM{i}" for i in range(1, 7)]
    columns = ["ma_ho", "chu_ho", "phan_loai", "nhan_khau"]
    got = result.households[columns].sort_values("ma_ho").reset_index(drop=True)
    want = expected.households[columns].sort_values("ma_ho").reset_index(drop=True)
    assert got.equals(want)
    # nothing said of the list; `check` says the same
    assert [i.code for i in result.issues if i.file == "NaMon.xlsx"] == []
    assert [i.code for i in check_files([below]) if i.file == "NaMon.xlsx"] == []


def test_the_block_s_cells_are_pointed_at(tmp_path):
    """The block under the list with no signature, one blank row under it (households rows
    4-9, block rows 11-13, values in B): its cells are where its values are said to be (a
    problem with one would be pointed there), and the list has its six households."""
    from pipeline.discover import inspect_file

    _one_sheet(tmp_path, "standard", THREE, False, 1)
    sub, issues, _ = inspect_file(tmp_path / "NaMon.xlsx", "NaMon.xlsx")
    assert issues == []
    assert (sub.hamlet_raw, sub.period, sub.extra["info_sheet"]) == ("Nà Mòn", "2024-05", "DS")
    assert sub.extra["info_cells"] == {"hamlet": "B11", "period": "B12", "total_households": "B13"}
    assert sub.rows_read == 6
