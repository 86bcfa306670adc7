"""Session 15: the feedback of a list sent without its 'Thông tin' sheet (hamlet and period read
from its title or file name, total households from the plan) holds a copy of the list and a
'Thông tin' sheet filled with what the run understood, so that the head who corrects it and
sends it back sends a whole roster. Figures worked out by hand from tests/commune.py: Bản Cọ
lists BC1, BC2 poor and BC3 near-poor, 200 households at the start of the year."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from pipeline.publish import publish
from pipeline.report.feedback import GUIDE_SHEET
from pipeline.run import collect
from tests import messy
from tests.commune import person, write_plan, write_roster

RED = "FFFFC7CE"
YELLOW = "FFFFEB9C"
FEEDBACK = "Bản Cọ_2024-05.xlsx"


def na_mon(folder: Path) -> None:
    """Nà Mòn's clean list: 102 households, NM1, NM5, NM6 poor, NM2, NM4 near-poor."""
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "exited"),
        person("NM4", "near_poor"), person("NM5", "poor"), person("NM6", "poor"),
    ])  # fmt: skip


def guide_rows(wb: openpyxl.Workbook) -> list[tuple]:
    rows = list(wb[GUIDE_SHEET].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[:3] == ("STT", "Trang", "Ô"))
    return [r for r in rows[head + 1 :] if r[0] is not None]


def run_and_publish(folder: Path, output: Path):
    result, _ = collect(folder, None)
    written = publish(result, output)
    return result, {p.name: p for p in written["feedback"]}


# Bản Cọ's list without 'Thông tin': named by its file name only (its one issue names no sheet),
# or by its title, with two extra columns (warnings at their header cells in 'Sheet1').
SENT = {
    "file-name": (messy.ban_co_from_file_name, "DS_BanCo_T5-2024.xlsx", set()),
    "title": (messy.ban_co_no_info, "BanCo.xlsm", {"unknown-column"}),
}


@pytest.mark.parametrize("how", list(SENT))
def test_a_list_without_info_sent_back_from_its_feedback_is_counted_whole(tmp_path, how):
    """Run 1: Bản Cọ's list has no 'Thông tin' (missing-info-sheet), counted with the plan's
    200 households. Its feedback workbook, put instead of the list into a fresh folder with
    the plan and Nà Mòn's list, is read as Bản Cọ's whole roster: 200 households, 2 poor, 1
    near-poor, as before, and missing-info-sheet is no longer said."""
    build, name, still = SENT[how]
    first = tmp_path / "input"
    first.mkdir()
    write_plan(first)
    na_mon(first)
    build(first)
    result, feedback = run_and_publish(first, tmp_path / "out")
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    assert (by["Bản Cọ"]["status"], by["Bản Cọ"]["households"]) == ("ok", 200)
    assert (by["Bản Cọ"]["poor"], by["Bản Cọ"]["near_poor"]) == (2, 1)
    assert [i.file for i in result.issues if i.code == "missing-info-sheet"] == [name]

    again_in = tmp_path / "again"
    again_in.mkdir()
    write_plan(again_in)
    na_mon(again_in)
    shutil.copy(feedback[FEEDBACK], again_in / FEEDBACK)
    again, _ = collect(again_in, None)
    by = {h["hamlet"]: h for h in again.summary["hamlets"]}
    ban_co, nam = by["Bản Cọ"], by["Nà Mòn"]
    assert (ban_co["status"], ban_co["households"], ban_co["poor"], ban_co["near_poor"]) == (
        "ok", 200, 2, 1,
    )  # fmt: skip
    assert (nam["status"], nam["households"], nam["poor"], nam["near_poor"]) == ("ok", 102, 3, 2)
    [sub] = [s for s in again.submissions if s.hamlet == "Bản Cọ"]
    assert (sub.file, sub.extra["info_sheet"], sub.rows_read) == (FEEDBACK, "Thông tin", 3)
    assert {i.code for i in again.issues if i.file == FEEDBACK} == still


def test_the_feedback_of_a_list_without_info_holds_the_list_and_a_filled_info_sheet(tmp_path):
    """Bản Cọ's list named by its file name only ('DS_BanCo_T5-2024.xlsx', no 'Thông tin'). Its
    feedback: the guide, a 'Thông tin' sheet laid out as the template's (labels in A, values in
    B, rows 1-7) with the form, the plan's commune, the plan's 'Bản Cọ', '05/2024' and the
    plan's 200 households (yellow: taken from the plan, to check), Người lập and Ngày lập blank
    and yellow, each marked cell with a note; then the copy of 'Sheet1', every value at its
    cell. The guide's missing-info-sheet entry points at 'Thông tin'!B5 and says the sheet was
    added."""
    write_plan(tmp_path)
    na_mon(tmp_path)
    messy.ban_co_from_file_name(tmp_path)
    _, feedback = run_and_publish(tmp_path, tmp_path / "out")
    wb = openpyxl.load_workbook(feedback[FEEDBACK])
    assert wb.sheetnames == [GUIDE_SHEET, "Thông tin", "Sheet1"]

    info = wb["Thông tin"]
    assert [[c.value for c in row] for row in info.iter_rows(max_col=2)] == [
        ["Loại biểu", "Danh sách hộ"],
        ["Xã", "Trung Lương"],
        ["Xóm", "Bản Cọ"],
        ["Kỳ báo cáo", "05/2024"],
        ["Tổng số hộ dân cư", 200],
        ["Người lập", None],
        ["Ngày lập", None],
    ]
    assert info["B4"].data_type == "s"  # text, as the template writes it: Excel makes no date
    fills = {f"B{r}": info[f"B{r}"].fill.fgColor.rgb for r in range(1, 8)}
    assert [c for c, rgb in fills.items() if rgb == YELLOW] == ["B5", "B6", "B7"]
    assert not [c for c, rgb in fills.items() if rgb == RED]
    assert "200 hộ" in info["B5"].comment.text
    assert "người lập" in info["B6"].comment.text and "ngày lập" in info["B7"].comment.text
    assert info["B4"].comment is None

    source = openpyxl.load_workbook(tmp_path / "DS_BanCo_T5-2024.xlsx")["Sheet1"]
    copy = wb["Sheet1"]
    cells = [(c.coordinate, c.value) for row in source.iter_rows() for c in row if c.value]
    assert len(cells) > 30
    assert [(k, copy[k].value) for k, _ in cells] == cells
    # Printed two pages across from column P (session 26): the title ends on the first page,
    # the indicators' parent goes on as a range of its own.
    assert [b.id for b in copy.col_breaks.brk] == [15]
    cut = {"A1:Z1": {"A1:O1"}, "K3:V3": {"K3:O3", "P3:V3"}}
    wanted = {str(r) for r in source.merged_cells.ranges}
    assert set(cut) <= wanted
    assert {str(r) for r in copy.merged_cells.ranges} == set().union(
        *(cut.get(r, {r}) for r in wanted)
    )

    [entry] = guide_rows(wb)
    assert entry[1:3] == ("Thông tin", "B5")
    assert "đã thêm trang 'Thông tin' vào tệp phản hồi này" in entry[7]
    assert "Người lập, Ngày lập" in entry[7]
    link = wb[GUIDE_SHEET].cell(guide_rows_start(wb), 3).hyperlink
    assert link is not None and link.location == "'Thông tin'!B5"


def guide_rows_start(wb: openpyxl.Workbook) -> int:
    """The Excel row of the guide's first issue."""
    ws = wb[GUIDE_SHEET]
    return next(r for r in range(1, 40) if ws.cell(r, 1).value == "STT") + 1


def test_a_refused_list_without_info_gets_the_info_sheet_with_its_blanks_marked(tmp_path):
    """A list without 'Thông tin' whose title names hamlet '=Lạ Lùng' (not in the plan) and
    whose file name 'DS.xlsx' names none: refused (unknown-hamlet). Its feedback's 'Thông tin'
    writes the hamlet as written, as text (no formula), red; the total the run could not know
    is blank and red; the period from the title is 05/2024."""
    write_plan(tmp_path)
    na_mon(tmp_path)
    messy.ban_co_no_info(
        tmp_path,
        "DS.xlsx",
        title=("DANH SÁCH HỘ NGHÈO xóm =Lạ Lùng - Tháng 5 năm 2024",),
        households=messy.households_of_no_hamlet(),  # codes of no plan hamlet: refused
    )
    result, feedback = run_and_publish(tmp_path, tmp_path / "out")
    [sub] = [s for s in result.submissions if s.file == "DS.xlsx"]
    assert (sub.status, sub.hamlet) == ("rejected", None)
    wb = openpyxl.load_workbook(feedback["=Lạ Lùng_2024-05.xlsx"])
    assert wb.sheetnames == [GUIDE_SHEET, "Thông tin", "Sheet1"]
    info = wb["Thông tin"]
    assert [info[f"B{r}"].value for r in range(1, 8)] == [
        "Danh sách hộ", "Trung Lương", "=Lạ Lùng", "05/2024", None, None, None,
    ]  # fmt: skip
    assert (info["B3"].data_type, info["B3"].fill.fgColor.rgb) == ("s", RED)
    assert info["B5"].fill.fgColor.rgb == RED and "tổng số hộ" in info["B5"].comment.text
    assert [info[f"B{r}"].fill.fgColor.rgb for r in (6, 7)] == [YELLOW, YELLOW]


def test_a_list_without_info_or_any_period_is_pointed_at_the_added_period_cell(tmp_path):
    """A list without 'Thông tin' whose title and file name name no month: refused
    (invalid-period, no cell of its own). Its guide pointed at 'Sheet1' with no cell and told
    the head to fix "the original file"; the period's cell is the added sheet's B4 (blank, red),
    so the guide's entry is on 'Thông tin', B4, linked there, and 'Cách sửa' says to copy that
    sheet into the hamlet's file and write its coloured cells."""
    write_plan(tmp_path)
    na_mon(tmp_path)
    messy.ban_co_no_info(tmp_path, "DS BC.xlsx", title=("DANH SÁCH HỘ NGHÈO THÔN BẢN CỌ",))
    result, feedback = run_and_publish(tmp_path, tmp_path / "out")
    [sub] = [s for s in result.submissions if s.file == "DS BC.xlsx"]
    assert (sub.status, sub.hamlet, sub.period) == ("rejected", "Bản Cọ", None)
    wb = openpyxl.load_workbook(feedback[FEEDBACK])
    assert wb.sheetnames == [GUIDE_SHEET, "Thông tin", "Sheet1"]
    info = wb["Thông tin"]
    assert (info["B4"].value, info["B4"].fill.fgColor.rgb) == (None, RED)
    [row] = [r for r in guide_rows(wb) if r[6] != "Cảnh báo"]
    assert row[1:5] == ("Thông tin", "B4", None, "Kỳ báo cáo")
    # Session 17: refused before the run looked for 'Thông tin', its warning is said too, at
    # the first yellow cell (B5, the plan's total), not at the red period
    [warning] = [r for r in guide_rows(wb) if r[6] == "Cảnh báo"]
    assert (warning[1:3], warning[7][:27]) == (("Thông tin", "B5"), "Không có trang 'Thông tin';")
    first = guide_rows_start(wb)
    link = wb[GUIDE_SHEET].cell(first, 3).hyperlink
    assert link is not None and link.location == "'Thông tin'!B4"
    how = next(r[3] for r in wb[GUIDE_SHEET].iter_rows(values_only=True) if r[0] == "Cách sửa:")
    assert how.startswith("Trang 'Thông tin' do xã thêm vào tệp này")
    # Session 21: the reason names what is missing, not a period '' that "cannot be read"
    status = next(
        r[3] for r in wb[GUIDE_SHEET].iter_rows(values_only=True) if r[0] == "Tình trạng:"
    )
    assert status.startswith(
        "Danh sách chưa được tổng hợp vì chưa ghi kỳ báo cáo (tháng, năm) của danh sách; "
    )
