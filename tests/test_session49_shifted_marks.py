"""Session 49: slips of a hamlet head's list said once, at the right cell (docs/decisions.md,
session 49).

A household's birth year and size typed in each other's cells ('4' under 'Năm sinh', 1970
under 'Số nhân khẩu'): one error at the size's cell naming the birth year's cell and what to
write in each. Before, two errors, the birth year's saying "có vẻ đây là tuổi" (an age), which
asked a head to write a year of birth in place of the household's size."""

from __future__ import annotations

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY

YEAR_SWAPPED = (
    "'Số nhân khẩu' là '1970', còn ô D9 (cột 'Năm sinh') ghi '4': có lẽ hai ô bị ghi đổi chỗ "
    "cho nhau. Hãy ghi số người trong hộ vào ô H9 và năm sinh của chủ hộ vào ô D9."
)


def _na_mon(folder, **nm5) -> None:
    """Nà Mòn's May list (NM1–NM6, rows 5–10), NM5 (poor, row 9) with ``nm5`` as written."""
    write_plan(folder)
    rows = [person(code, status, **(nm5 if code == "NM5" else {})) for code, status in MAY]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)


def test_a_birth_year_and_size_swapped_are_said_once_naming_both_cells(tmp_path):
    """NM5: 4 at D9 (its size), 1970 at H9 (its head's birth year). One error at H9 naming D9,
    nothing at D9 (before: an 'age' error there too); the row left out as before: Nà Mòn 2 poor
    (NM1, NM6: NM5 out, NM3 exited), 2 near-poor (NM2, NM4)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    _na_mon(folder, nam_sinh=4, nhan_khau=1970)
    result, _ = collect(folder, None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 2, 2)
    row_9 = [(i.code, i.cell, i.severity) for i in result.issues if i.row == 9]
    assert row_9 == [("invalid-household-size", "H9", "error")]
    [size] = [i for i in result.issues if i.row == 9]
    assert size.message("vi") == YEAR_SWAPPED
    assert size.message("en") == (
        "'Số nhân khẩu' is '1970' and cell D9 ('Năm sinh') holds '4': the two were probably "
        "written in each other's place. Write the number of members in H9 and the head's year "
        "of birth in D9."
    )
    issues = check_files([folder / "NaMon.xlsx", folder / "KeHoach_2024.xlsx"])
    assert [(i.cell, i.message("vi")) for i in issues if i.row == 9] == [("H9", YEAR_SWAPPED)]


def test_a_year_under_the_size_beside_a_year_of_birth_is_said_as_before(tmp_path):
    """NM5: 1970 at H9 and its birth year 1970 at D9 (no size there): no swap, the plain
    message (a guard: passes before the change too)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    _na_mon(folder, nhan_khau=1970)
    result, _ = collect(folder, None, workers=0)
    [size] = [i for i in result.issues if i.row == 9]
    assert size.message("vi") == (
        "'Số nhân khẩu' là '1970', không phải số nguyên từ 1 đến 30. Hãy ghi số người trong "
        "hộ (ví dụ 4)."
    )
