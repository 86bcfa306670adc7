"""Session 49's review of two late fixes (docs/decisions.md, session 49: review of the copy
refused by its codes and the shifted marks).

A hamlet's own corrected list, most of its households moved in from a neighbour (their codes
the neighbour's on the start list), is not refused as the neighbour's copy while it lists a
household of the hamlet's own (consolidate.copied_by_codes): a copy of the neighbour's list
lists none.

An 'x' under 'Nguyên nhân nghèo' (a cause ticked) beside a household's last marks, nothing
under 'Nhóm đối tượng' and the need in its own column, is no row typed one column to the
right (misplaced.marks_shifted): its marks are counted."""

from __future__ import annotations

from datetime import date

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY

# The small commune (tests.commune): Nà Mòn 100 households, NM1-NM3 poor, NM4-NM5 near-poor at
# the start; Bản Cọ 200, BC1-BC2 poor, BC3 near-poor; Đồng Kè 150, DK1 poor, DK2 near-poor.


def _moved_in(folder) -> None:
    """May: NM1-NM4 moved from Nà Mòn to Đồng Kè. Nà Mòn lists NM5 (near-poor), 96
    households; Bản Cọ as at the start; Đồng Kè's first list 'DS_DongKe_2024-05.xlsx' (DK1
    poor, DK2 near-poor, dated 3 June) and its corrected list 'DanhSach_T5.xlsx' (DK1 poor, NM1-
    NM3 poor, NM4 near-poor, 154 households, dated 9 June): 4 of its 5 codes Nà Mòn's on the
    start list (80 %), one Đồng Kè's own."""
    write_plan(folder)
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 96, [person("NM5", "near_poor")])
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")])  # fmt: skip
    write_roster(folder, "DS_DongKe_2024-05.xlsx", "Đồng Kè", 150,
                 [person("DK1", "poor"), person("DK2", "near_poor")])  # fmt: skip
    moved = [person(f"NM{i}", "poor") for i in (1, 2, 3)] + [person("NM4", "near_poor")]
    write_roster(folder, "DanhSach_T5.xlsx", "Đồng Kè", 154, [person("DK1", "poor"), *moved],
                 prepared=date(2024, 6, 9))  # fmt: skip


def test_a_hamlets_list_mostly_moved_in_households_is_not_refused_as_the_neighbours(tmp_path):
    """By hand: Đồng Kè's corrected list is its newer copy, counted: 154 households, 4 poor
    (DK1; NM1-NM3 moved in), 1 near-poor (NM4 moved in; DK2 gone, counted exited); its first
    list superseded. Nà Mòn: 0 poor (3 moved out), 1 near-poor (NM5; NM4 moved out). The
    commune 96 + 200 + 154 = 450 households, 0 + 2 + 4 = 6 poor, 1 + 1 + 1 = 3 near-poor.
    Before: the corrected list refused as Nà Mòn's copy ('hamlet-codes-of-file-name'), Đồng Kè
    counted from its first list (150 households, 1 poor, 1 near-poor), NM1-NM4 gone."""
    _moved_in(tmp_path)
    result, _ = collect(tmp_path, None, workers=0)
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    dong_ke = by["Đồng Kè"]
    assert (dong_ke["status"], dong_ke["households"], dong_ke["poor"], dong_ke["near_poor"]) == (
        "ok", 154, 4, 1,
    )  # fmt: skip
    poor = dong_ke["movements"]["poor"]
    assert (poor["start"], poor["moved_in"], poor["exited"], poor["end"]) == (1, 3, 0, 4)
    near = dong_ke["movements"]["near_poor"]
    assert (near["start"], near["moved_in"], near["exited"], near["end"]) == (1, 1, 1, 1)
    na_mon = by["Nà Mòn"]
    assert (na_mon["poor"], na_mon["near_poor"]) == (0, 1)
    assert na_mon["movements"]["poor"]["moved_out"] == 3
    assert na_mon["movements"]["near_poor"]["moved_out"] == 1
    totals = result.summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (450, 6, 3)
    assert not [i for i in result.issues if i.code.startswith("hamlet-")]
    assert [(i.code, i.file) for i in result.issues if i.code == "superseded"] == [
        ("superseded", "DS_DongKe_2024-05.xlsx")
    ]
    # `check` with the plan decides alike
    issues = check_files(sorted(tmp_path.glob("*.xlsx")))
    assert [(i.code, i.file) for i in issues
            if i.code.startswith("hamlet-") or i.code == "superseded"] == [
        ("superseded", "DS_DongKe_2024-05.xlsx")
    ]  # fmt: skip


def _cause_ticked(folder, **nm5) -> None:
    """Nà Mòn's May list (NM1-NM6, rows 5-10), NM5 (poor, row 9) with ``nm5`` as written."""
    write_plan(folder)
    rows = [person(code, status, **(nm5 if code == "NM5" else {})) for code, status in MAY]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)


def _poor_deprived(result) -> dict[str, int]:
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 2)
    return {k: v for k, v in na_mon["deprivations"]["poor"].items() if v}


def test_a_cause_ticked_x_beside_the_last_marks_is_no_shift(tmp_path):
    """NM5 deprived in td_11 and td_12 (U9, V9), its cause ticked 'x' at W9, 'Nhóm đối tượng'
    X9 empty, its need 'Vay vốn ưu đãi' in its own column Y9: no row typed on (its need would
    then stand under 'Ghi chú'). Its marks counted: the poor (NM1, NM5, NM6) td_04 2, td_09 2,
    td_10 2 (NM1, NM6), td_11 1, td_12 1 (NM5); W9's 'x' said as a cause not in the list, as
    before session 49. Before: marks-shifted at T9, td_11 and td_12 not counted (0)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    _cause_ticked(folder, deprived=(11, 12), nguyen_nhan="x")
    result, _ = collect(folder, None, workers=0)
    assert _poor_deprived(result) == {"td_04": 2, "td_09": 2, "td_10": 2, "td_11": 1, "td_12": 1}
    assert "marks-shifted" not in {i.code for i in result.issues}
    assert ("unknown-vocabulary", "W9") in [(i.code, i.cell) for i in result.issues]
    issues = check_files([folder / "NaMon.xlsx", folder / "KeHoach_2024.xlsx"])
    assert "marks-shifted" not in {i.code for i in issues}


def test_a_shift_with_no_cause_typed_is_told_by_its_need_moved_on(tmp_path):
    """A guard: NM5 deprived in td_10-td_12, no cause, its need typed, the row typed from S9
    one to the right: marks U9-W9, X9 and Y9 empty, the need at Z9 ('Ghi chú'). Said at T9 as
    before; td_10-td_12 of NM5 not counted (the poor: td_04 2, td_09 2, td_10 2)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    _cause_ticked(folder, deprived=(10, 11, 12), nguyen_nhan=None)
    path = folder / "NaMon.xlsx"
    book = openpyxl.load_workbook(path)
    book["Danh sách"].move_range("S9:Z9", cols=1)
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    assert [(i.code, i.cell) for i in result.issues if i.row == 9] == [("marks-shifted", "T9")]
    assert _poor_deprived(result) == {"td_04": 2, "td_09": 2, "td_10": 2}
