"""Session 60 (helper D): "new in the plan" asked one way. `trend.new_in_plan` tells a hamlet new
by its name (a month of the year did not name it, no `renamed_from`): the (*) note's words.
`baselines._in_no_plan` tells whether its start column leaves out the households last month's
lists had in another hamlet (so that a move into or out of it pairs): it also takes a name the
plan lacks now as maybe the hamlet's name then where at least half of that name's households
found now are under the hamlet (`renames.may_be_renamed`), though fewer than half of all (no
`renamed_from`). The spans note's "Hộ chuyển xóm được tính ở cả hai bên" and the (*) note's
"Hộ chuyển đến … không tính ở cột đầu kỳ" asked the first; they now read the figures' answer
(the summary's ``month_paired``). Session 60 (R2, the review): such a hamlet's start column
leaves out the households last month's lists counted in a hamlet of the plan now, keeping
those under a name the plan lacks (baselines._latest_lists' ``maybe``), so the figures pair
the move and the notes say so (tests 1 and 2 rewritten to those figures).

H2's shape (docs/decisions.md, session 59, the mergers oracle's seed 1207 …, its Left). April
2024 (the plan's start list its lists): Nà Mòn A1, B1, E1, F1 poor; Đồng Kè C1 poor, D1
near-poor. May's revised plan drops Nà Mòn and adds Khuổi Hin: A1, C1 poor; Đồng Kè D1
near-poor. May's lists as that start list. Nà Mòn's households found now: A1 alone, under
Khuổi Hin (1 of 1 found: may be its name then; 1 of 4: no rename)."""

from __future__ import annotations

from datetime import date

import openpyxl

from tests.commune import person
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table
from tests.test_session59_h2_renamed_then_merged_into import run_month_lists, write_plan_2024

A1, B1, E1, F1 = (person(code, "poor") for code in ("A1", "B1", "E1", "F1"))
C1, D1, Y1 = person("C1", "poor"), person("D1", "near_poor"), person("Y1", "poor")
NONE = (0,) * 11
GONE = "Không còn trong danh sách (đề nghị xác nhận)"


def _notes(out, period: str) -> list[str]:
    """The (*) notes and the spans note under 'Biến động''s tables, top to bottom."""
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Biến động"]
    return [row[0] for row in sheet.iter_rows(values_only=True)
            if str(row[0]).startswith(("(*)", "Dòng Tổng cộng"))]  # fmt: skip


def _may(
    tmp_path,
    april_dong_ke: list[dict],
    may: dict[str, list[dict]],
    may_lists: dict[str, list[dict]] | None = None,
) -> tuple[dict, object]:
    """April as above (Đồng Kè's list ``april_dong_ke``), May's plan ``may`` (its start list)
    and May's lists (``may_lists``, else as that start list). Returns May's JSON and the
    output folder."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    april = {"Nà Mòn": [A1, B1, E1, F1], "Đồng Kè": april_dong_ke}
    write_plan_2024(folder, april)
    run_month_lists(folder, out, "2024-04", april, date(2024, 5, 3))
    write_plan_2024(folder, may)
    return run_month_lists(folder, out, "2024-05", may_lists or may, date(2024, 6, 3)), out


SPANS_BOTH = (
    "Dòng Tổng cộng là tổng số liệu của các xóm, tính từ các mốc khác nhau: xóm Khuổi Hin từ "
    "danh sách đầu năm, các xóm còn lại từ tháng 4/2024. Hộ chuyển xóm được tính ở cả hai bên "
    "(chuyển đi và chuyển đến)."
)
NEW_SINCE_MAY = (
    "(*) So với danh sách trước đó của xóm: Khuổi Hin (danh sách đầu năm) — xóm mới có trong kế "
    "hoạch từ tháng 5/2024, kế hoạch tháng 4/2024 chưa có xóm này."
)
MOVED_IN = (
    " Hộ chuyển đến Khuổi Hin là hộ mà danh sách tháng 4/2024 ghi ở xóm khác, nên không tính ở "
    "cột đầu kỳ của xóm."
)

# Nà Mòn's April households on no list now start in Khuổi Hin (session 61, C)
TOOK = (
    " Cột đầu kỳ của Khuổi Hin gồm cả các hộ trong danh sách tháng 4/2024 của xóm Nà Mòn (không "
    "còn trong kế hoạch, có thể là tên cũ của xóm) mà tháng này không có trong danh sách xóm "
    "khác; hộ không còn trong danh sách nào được tính ở cột 3 hoặc 14."
)


def test_a_new_hamlet_maybe_renamed_leaves_out_of_its_start_a_household_counted_elsewhere(
    tmp_path,
):
    """Worked by hand, May's month table, one household one start (session 60, R2: the figures
    pair the move; D had them count C1 at both starts and the notes say so): Khuổi Hin beside
    its start rows save C1, which April's lists counted in Đồng Kè, a hamlet of the plan now
    (A1, under Nà Mòn then, a name that may have been Khuổi Hin's, starts there): poor 1 (A1),
    C1 moved in, 2; Đồng Kè beside April's list: poor 1 (C1), moved out 1, 0; near-poor 1 (D1)
    to 1; the commune poor 2, 1 moved out, 1 in, 2; near-poor 1 to 1. Session 61 (C): Nà Mòn's
    April households on no list now (B1, E1, F1) start in Khuổi Hin too (the name it may have
    had), told gone: Khuổi Hin poor 4, 3 gone, C1 in, 2; the commune 5 (April's end), 3 gone,
    1 out, 1 in, 2. The year's table (May's
    start list) moves nothing. So ``month_paired`` names Khuổi Hin; the notes: Khuổi Hin new
    in the plan from May, its household moved in not in its start column, and moves counted on
    both sides. D's answer: Khuổi Hin 2 to 2, the commune 3, 1 out, none in, 2."""
    may, out = _may(tmp_path, [C1, D1], {"Khuổi Hin": [A1, C1], "Đồng Kè": [D1]})
    assert may["new_in_plan"] == {"Khuổi Hin": {"since": "2024-05", "first_list": "2024-05"}}
    assert [h.get("renamed_from") for h in may["hamlets"]] == [None, None]
    month = {
        "Khuổi Hin": ((4, 0, 3, *[0] * 5, 1, 0, 2), NONE),
        "Đồng Kè": ((1, 0, 0, 0, 1, *[0] * 5, 0), (1, *[0] * 9, 1)),
    }
    year = {"Khuổi Hin": ((2, *[0] * 9, 2), NONE), "Đồng Kè": (NONE, (1, *[0] * 9, 1))}
    assert {h["hamlet"]: table(h["movements_month"]) for h in may["hamlets"]} == month
    assert {h["hamlet"]: table(h["movements"]) for h in may["hamlets"]} == year
    assert table(may["totals"]["movements_month"]) == (
        (5, 0, 3, 0, 1, 0, 0, 0, 1, 0, 2),
        (1, *[0] * 9, 1),
    )
    assert _notes(out, "2024-05") == [NEW_SINCE_MAY + MOVED_IN + TOOK, SPANS_BOTH]
    assert may["month_paired"] == ["Khuổi Hin"]  # the figures' answer, as the notes read it


def test_a_household_moved_into_such_a_hamlet_is_said_left_out_of_its_start_column(tmp_path):
    """As above, Y1 poor on Đồng Kè's April list too, on its May start rows, on Khuổi Hin's May
    list. Worked by hand, May's month table: Khuổi Hin poor 1 (A1), C1 and Y1 moved in, 3;
    Đồng Kè poor 2 (C1, Y1), 2 moved out, 0; near-poor 1 to 1; the commune poor 3, 2 out, 2
    in, 3. Session 61 (C): Nà Mòn's April households on no list now (B1, E1, F1) start in Khuổi
    Hin too, gone: Khuổi Hin poor 4, 3 gone, 2 in, 3; the commune 6, 3 gone, 2 out, 2 in, 3. The year's table (May's start list): Đồng Kè poor 1 (Y1), moved out 1, 0; Khuổi Hin
    2, moved in 1, 3. C1's and Y1's month rows in Khuổi Hin compare with Đồng Kè's April list
    ("So với tháng trước"); the (*) note says them left out of Khuổi Hin's start column, the
    spans note both sides (session 60, R2; D's answer: Khuổi Hin 2, Y1 in, 3, the commune 4,
    2 out, 1 in, 3, Y1's row "So với danh sách đầu năm")."""
    may, out = _may(
        tmp_path,
        [C1, Y1, D1],
        {"Khuổi Hin": [A1, C1], "Đồng Kè": [D1, Y1]},
        {"Khuổi Hin": [A1, C1, Y1], "Đồng Kè": [D1]},
    )
    month = {
        "Khuổi Hin": ((4, 0, 3, *[0] * 5, 2, 0, 3), NONE),
        "Đồng Kè": ((2, 0, 0, 0, 2, *[0] * 5, 0), (1, *[0] * 9, 1)),
    }
    year = {
        "Khuổi Hin": ((2, *[0] * 7, 1, 0, 3), NONE),
        "Đồng Kè": ((1, 0, 0, 0, 1, *[0] * 5, 0), (1, *[0] * 9, 1)),
    }
    assert {h["hamlet"]: table(h["movements_month"]) for h in may["hamlets"]} == month
    assert {h["hamlet"]: table(h["movements"]) for h in may["hamlets"]} == year
    assert table(may["totals"]["movements_month"]) == (
        (6, 0, 3, 0, 2, 0, 0, 0, 2, 0, 3),
        (1, *[0] * 9, 1),
    )
    rows = listed_movements(out, "2024-05")
    # Nà Mòn's April households on no list now, told gone in Khuổi Hin, beside that list, last
    # month's (session 61, C)
    assert [row for row in rows if row[2] == GONE] == [
        ("Khuổi Hin", code, GONE, "So với tháng trước") for code in ("B1", "E1", "F1")
    ]
    assert [row for row in rows if row[2] != GONE] == [
        ("Khuổi Hin", "Y1", "Chuyển đến từ Đồng Kè", "Từ đầu năm"),
        ("Đồng Kè", "Y1", "Chuyển sang Khuổi Hin", "Từ đầu năm"),
        ("Khuổi Hin", "C1", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
        ("Khuổi Hin", "Y1", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
        ("Đồng Kè", "C1", "Chuyển sang Khuổi Hin", "So với tháng trước"),
        ("Đồng Kè", "Y1", "Chuyển sang Khuổi Hin", "So với tháng trước"),
    ]
    assert _notes(out, "2024-05") == [NEW_SINCE_MAY + MOVED_IN + TOOK, SPANS_BOTH]
    assert may["month_paired"] == ["Khuổi Hin"]  # the figures' answer, as the notes read it


def test_a_new_hamlet_whose_start_column_leaves_them_out_is_said_to_pair(tmp_path):
    """A guard (fails before only for want of the key): H2's case, none of Nà Mòn's households
    on a list now (May's Khuổi Hin C1 and X1 poor, Đồng Kè D1): Khuổi Hin in no plan of April,
    its start column without C1 (``month_paired`` names it): poor 1 (X1), C1 moved in, 2;
    Đồng Kè 1, 1 moved out, 0; the commune poor 2, 1 out, 1 in, 2. The spans note says its
    moves pair."""
    x1 = person("X1", "poor")
    may, out = _may(tmp_path, [C1, D1], {"Khuổi Hin": [C1, x1], "Đồng Kè": [D1]})
    assert may["month_paired"] == ["Khuổi Hin"]
    assert table(may["totals"]["movements_month"]) == (
        (2, 0, 0, 0, 1, 0, 0, 0, 1, 0, 2),
        (1, *[0] * 9, 1),
    )
    assert _notes(out, "2024-05")[1].endswith(
        "Hộ chuyển xóm được tính ở cả hai bên (chuyển đi và chuyển đến)."
    )
