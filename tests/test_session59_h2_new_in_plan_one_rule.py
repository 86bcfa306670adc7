"""Session 59 (helper H2): "new in the plan" asked two ways. `trend.new_in_plan` (the (*) mark
and the spans note's "tính ở cả hai bên") asks whether a month of the year did not name the
hamlet, a renamed one (``renamed_from``) aside; `baselines._in_no_plan` (the start column) asked
too whether a name the plan lacks now, named that month, may have been the hamlet's name then
(`renames.may_be_renamed`), and took a name none of whose households is found now as maybe its
name. Then the hamlet's start column kept the households last month's lists had in another
hamlet, counted at both starts, moved out there and not moved in here, while the note said every
move into or out of it counts on both sides.

April 2024 (the plan's start list its lists): Nà Mòn A1 poor; Đồng Kè C1 poor, D1 near-poor.
May's revised plan drops Nà Mòn (A1 is on no list, nor on the start list) and adds Khuổi Hin:
C1 and X1 poor; Đồng Kè D1. May's lists as that start list."""

from __future__ import annotations

from datetime import date

import openpyxl

from tests.commune import person
from tests.test_session56_b_turn_moved import table
from tests.test_session59_h2_renamed_then_merged_into import run_month_lists, write_plan_2024

A1, C1, D1, X1 = (person("A1", "poor"), person("C1", "poor"), person("D1", "near_poor"),
                  person("X1", "poor"))  # fmt: skip


def _notes(out, period: str) -> list[str]:
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Biến động"]
    return [row[0] for row in sheet.iter_rows(values_only=True)
            if str(row[0]).startswith(("(*)", "Dòng Tổng cộng"))]  # fmt: skip


def test_a_hamlet_new_beside_a_name_dropped_whose_households_are_nowhere_pairs_its_moves(
    tmp_path,
):
    """Worked by hand, May's month table: Khuổi Hin (in no plan of April: April's Nà Mòn, the
    one name the plan lacks, has its one household nowhere now) from its start rows without C1,
    which Đồng Kè's April list counts: poor 1 (X1), C1 moved in, 2; Đồng Kè poor 1 (C1), moved
    out 1, 0, near-poor 1 to 1; the commune poor 2, 1 out, 1 in, 2 (Nà Mòn has no table), near-
    poor 1 to 1. The year's table (May's start list) moves nothing. The notes: Khuổi Hin new in
    the plan from May, a move into or out of it counted on both sides. Before: Khuổi Hin from
    its whole start rows, poor 2 to 2, the commune poor 3, 1 out, none in, 2, beside the note
    saying both sides."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan_2024(folder, {"Nà Mòn": [A1], "Đồng Kè": [C1, D1]})
    run_month_lists(folder, out, "2024-04", {"Nà Mòn": [A1], "Đồng Kè": [C1, D1]}, date(2024, 5, 3))
    write_plan_2024(folder, {"Khuổi Hin": [C1, X1], "Đồng Kè": [D1]})
    may = run_month_lists(folder, out, "2024-05", {"Khuổi Hin": [C1, X1], "Đồng Kè": [D1]},
                 date(2024, 6, 3))  # fmt: skip
    assert may["new_in_plan"] == {"Khuổi Hin": {"since": "2024-05", "first_list": "2024-05"}}
    none = (0,) * 11
    month = {
        "Khuổi Hin": ((1, *[0] * 7, 1, 0, 2), none),
        "Đồng Kè": ((1, 0, 0, 0, 1, *[0] * 5, 0), (1, *[0] * 9, 1)),
    }
    year = {"Khuổi Hin": ((2, *[0] * 9, 2), none), "Đồng Kè": (none, (1, *[0] * 9, 1))}
    assert {h["hamlet"]: table(h["movements_month"]) for h in may["hamlets"]} == month
    assert {h["hamlet"]: table(h["movements"]) for h in may["hamlets"]} == year
    assert table(may["totals"]["movements_month"]) == (
        (2, 0, 0, 0, 1, 0, 0, 0, 1, 0, 2),
        (1, *[0] * 9, 1),
    )
    assert (may["totals"]["poor"], may["totals"]["near_poor"]) == (2, 1)
    notes = _notes(out, "2024-05")
    assert notes[0].startswith("(*) So với danh sách trước đó của xóm: Khuổi Hin (danh sách đầu "
                               "năm) — xóm mới có trong kế hoạch từ tháng 5/2024")  # fmt: skip
    assert notes[1] == (
        "Dòng Tổng cộng là tổng số liệu của các xóm, tính từ các mốc khác nhau: xóm Khuổi Hin từ "
        "danh sách đầu năm, các xóm còn lại từ tháng 4/2024. Hộ chuyển xóm được tính ở cả hai "
        "bên (chuyển đi và chuyển đến)."
    )
