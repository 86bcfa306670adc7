"""Session 49: a hamlet head's list filled from the template as heads fill it, and the feedback
workbook that goes back (docs/decisions.md, session 49).

A household's size and income typed in each other's cells (1.200.000 under 'Số nhân khẩu', 4
under 'Thu nhập BQ'): one error at the size's cell that names the income's cell and says to
write each value in the other's place, in the run, `check` and the feedback guide. Before, only
"not a whole number from 1 to 30" was said, the income's 4 not at all (its row left out, no
income warning is said there): a head who wrote the number of people at the size's cell sent
the list again to be told that 4 đồng is too low."""

from __future__ import annotations

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.run import collect, execute
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY

SWAPPED = (
    "'Số nhân khẩu' là '1200000', còn ô J9 (cột 'Thu nhập BQ') ghi '4': có lẽ hai ô bị ghi "
    "đổi chỗ cho nhau. Hãy ghi số người trong hộ vào ô H9 và thu nhập (đồng/người/tháng) vào "
    "ô J9."
)
SWAPPED_EN = (
    "'Số nhân khẩu' is '1200000' and cell J9 ('Thu nhập BQ') holds '4': the two were probably "
    "written in each other's place. Write the number of members in H9 and the income (đồng per "
    "person a month) in J9."
)


def _na_mon(folder, **nm5) -> None:
    """Nà Mòn's May list (NM1–NM6, rows 5–10), NM5 (poor, row 9) with ``nm5`` as written."""
    write_plan(folder)
    rows = [person(code, status, **(nm5 if code == "NM5" else {})) for code, status in MAY]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)


def test_a_size_and_income_swapped_are_said_once_naming_both_cells(tmp_path):
    """NM5: 1,200,000 at H9, 4 at J9. One error at H9 naming J9, nothing at J9; the row left
    out as before: Nà Mòn 2 poor (NM1, NM6: NM5 out, NM3 exited), 2 near-poor (NM2, NM4)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    _na_mon(folder, nhan_khau=1_200_000, thu_nhap=4)
    result, _ = collect(folder, None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 2, 2)
    row_9 = [(i.code, i.cell, i.severity) for i in result.issues if i.row == 9]
    assert row_9 == [("invalid-household-size", "H9", "error")]
    [size] = [i for i in result.issues if i.row == 9]
    assert size.message("vi") == SWAPPED
    assert size.message("en") == SWAPPED_EN


def test_check_says_the_swap_as_the_run_does(tmp_path):
    folder = tmp_path / "vao"
    folder.mkdir()
    _na_mon(folder, nhan_khau=1_200_000, thu_nhap=4)
    issues = check_files([folder / "NaMon.xlsx", folder / "KeHoach_2024.xlsx"])
    said = [(i.cell, i.message("vi")) for i in issues if i.row == 9]
    assert said == [("H9", SWAPPED)]


def test_the_feedback_guide_says_the_swap(tmp_path):
    """The guide's row of H9: the value as the cell holds it (1200000, a number) and the
    message naming J9; J9 has no row of its own."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    _na_mon(folder, nhan_khau=1_200_000, thu_nhap=4)
    execute(folder, out, None)
    path = out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    ws = openpyxl.load_workbook(path)["Hướng dẫn sửa"]
    rows = [(r[2], r[5], r[7]) for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert rows == [("H9", "1200000", SWAPPED)]


def test_a_large_size_beside_an_income_is_said_as_before(tmp_path):
    """NM5: 1,200,000 at H9 and its income 1,200,000 at J9 (no size there): no swap, the plain
    message (a guard: passes before the change too)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    _na_mon(folder, nhan_khau=1_200_000)
    result, _ = collect(folder, None, workers=0)
    [size] = [i for i in result.issues if i.row == 9]
    assert size.message("vi") == (
        "'Số nhân khẩu' là '1200000', không phải số nguyên từ 1 đến 30. Hãy ghi số người trong "
        "hộ (ví dụ 4)."
    )
