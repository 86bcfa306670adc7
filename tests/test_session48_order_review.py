"""Session 48: review of the plan's order and the income names (docs/decisions.md, "Session 48:
a cell said without its row is ordered by its cell's row").

A 'Thông tin' value is said at its cell alone (``Issue.cell``, no ``row``); a household's
problem at its row and cell. Before, the key put an issue without a row first in its sheet,
whatever its cell: a 'Thông tin' block written under the list (session 22) was said before the
households above it."""

from __future__ import annotations

from pipeline.types import Issue, in_order
from tests import messy
from tests.commune import write_plan


def test_a_cell_said_without_its_row_is_ordered_by_its_cells_row(tmp_path):
    """NaMon.xlsx, one sheet 'DS': households in rows 4 to 9, the 'Thông tin' block under them
    (rows 11-13, values in B). NM2's birth year 1700 (D5, row 5) and the total of households
    'một trăm' (B13, no row): `check` says D5, then B13, as the sheet has them top to bottom
    (fails before: B13 first)."""
    from pipeline.checkfiles import check_files

    write_plan(tmp_path)
    households = messy.na_mon_households()
    households[1]["nam_sinh"] = 1700
    layout = messy.Layout(sheet="DS", title=("DANH SÁCH HỘ NGHÈO, CẬN NGHÈO",), signature=False)
    roster = messy.roster_sheet(households, layout, messy.Typing())
    keys = ["hamlet", "period", "total_households"]
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", "một trăm"), order=keys)
    messy.write_book(tmp_path / "NaMon.xlsx", [messy.below(roster, info, gap=1)])
    said = [(i.code, i.sheet, i.row, i.cell) for i in check_files([tmp_path])]
    assert said[:2] == [
        ("invalid-birth-year", "DS", 5, "D5"),
        ("invalid-total-households", "DS", None, "B13"),
    ]


def test_rows_and_columns_are_ordered_as_numbers():
    """Rows 9, 10, 100 by number (not as text: '10' < '100' < '9'), B5 before AA5 (column 2
    before 27), with a cell without its row among them by its cell's row (B9 without a row
    before row 10; fails before: first). The plan's file after the hamlets' lines."""
    plan, roster = "KeHoach_2024.xlsx", "NaMon.xlsx"
    at = lambda cell, row=None, file=roster: Issue(  # noqa: E731
        "invalid-birth-year", file=file, sheet="DS", row=row, cell=cell,
        hamlet="Bản Cọ" if file == plan else "Nà Mòn",
    )  # fmt: skip
    issues = [at("AA5", 5), at("D100", 100), at("B9"), at("D10", 10), at("B5", 5),
              at("D9", 9), at("K4", 4, plan)]  # fmt: skip
    ordered = [(i.file, i.cell) for i in in_order(issues, (plan,))]
    assert ordered == [(roster, "B5"), (roster, "AA5"), (roster, "B9"), (roster, "D9"),
                       (roster, "D10"), (roster, "D100"), (plan, "K4")]  # fmt: skip
