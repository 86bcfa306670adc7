"""Session 21: what a fresh-eyes QA pass found, as a hamlet head and as the officer would.

1. A column the template does not have, headed in a cell merged down the list's two header rows
   (as heads head every column but the twelve indicators), was pointed at in the blank lower
   half of the merge: the feedback copy had to unmerge the head's header to colour that blank,
   and the guide showed the cell with no value, under the text it spoke of.
"""

from __future__ import annotations

import openpyxl

from pipeline.publish import publish
from pipeline.run import collect
from tests import messy
from tests.commune import write_plan, write_roster

YELLOW = "FFFFEB9C"


# --- 1. a column not in the template, its header merged down two rows ----------------------------


def _na_mon_with_phone_column(folder) -> messy.Placed:
    """Nà Mòn's clean May households in a list whose header spans two rows (the indicators
    under their parent, every other header merged down both rows), with a 'Số điện thoại'
    column after the template's, and a blank size for NM2 (an error: the list gets a
    feedback workbook). Header rows 1-2, households from row 3."""
    households = messy.with_changes(messy.na_mon_households(), NM2={"nhan_khau": None})
    layout = messy.Layout(
        sheet="DS",
        columns=[*messy.TEMPLATE_ORDER, "Số điện thoại"],
        header_rows=2,
        extra_values={"Số điện thoại": "0912345678"},
    )
    placed = messy.Placed()
    roster = messy.roster_sheet(households, layout, messy.Typing(), placed)
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102))
    messy.write_book(folder / "NaMon.xlsx", [info, roster])
    return placed


def test_an_unknown_column_merged_down_the_header_is_pointed_at_where_its_text_is(tmp_path):
    """'Số điện thoại' is in the first cell of a range merged over rows 1-2 of its column: the
    warning names that cell (row 1), not the blank row-2 half of the merge; the feedback copy
    keeps the merge and colours the header's own cell, with the note on it."""
    write_plan(tmp_path)
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, messy.ban_co_households())
    placed = _na_mon_with_phone_column(tmp_path)
    phone = placed.cols["Số điện thoại"]
    result, _ = collect(tmp_path, None)
    [unknown] = [i for i in result.issues if i.code == "unknown-column"]
    assert (unknown.cell, unknown.row, unknown.column) == (f"{phone}1", 1, "Số điện thoại")
    [path] = publish(result, tmp_path / "out")["feedback"]
    ws = openpyxl.load_workbook(path)["DS"]
    assert f"{phone}1:{phone}2" in {str(r) for r in ws.merged_cells.ranges}
    header = ws[f"{phone}1"]
    assert header.value == "Số điện thoại"
    assert header.fill.fgColor.rgb == YELLOW
    assert "'Số điện thoại' không có trong mẫu" in header.comment.text
    assert ws[f"{phone}2"].comment is None
