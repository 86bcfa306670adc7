"""Session 61 (helper C): a hamlet the plan drops, some of whose households last month's list
had are on no list now. R2's rule (session 60) starts a hamlet new in the plan by its name at
its start rows where a dropped name may have been its name then (renames.may_be_renamed), last
month's list of that name holding some of them: one household, one start. The dropped name's
other households, on no list now, were in no table: the commune's month start column fell
short of last month's end by them, their leaving the lists told nowhere. They start in the
hamlet that name may have become, and are told gone there, once.

H2's shape (docs/decisions.md, session 59): April 2024 (the plan's start list its lists): Nà
Mòn A1, B1, E1, F1 poor; Đồng Kè C1 poor, D1 near-poor. May's revised plan drops Nà Mòn and adds
Khuổi Hin (A1, C1 poor); Đồng Kè D1 near-poor. B1, E1, F1 are on no list in May."""

from __future__ import annotations

from datetime import date

import openpyxl

from tests.commune import person
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table
from tests.test_session59_h2_renamed_then_merged_into import run_month_lists, write_plan_2024

A1, B1, E1, F1, G1, X1 = (person(c, "poor") for c in ("A1", "B1", "E1", "F1", "G1", "X1"))
C1, D1 = person("C1", "poor"), person("D1", "near_poor")
NONE = (0,) * 11
GONE = "Không còn trong danh sách (đề nghị xác nhận)"


def _may(tmp_path, april: dict, may_plan: dict, may_lists: dict | None = None):
    """April's plan and lists ``april``, May's plan ``may_plan`` (its start list) and May's
    lists (``may_lists``, else as that start list); May's JSON and the output folder."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan_2024(folder, april)
    run_month_lists(folder, out, "2024-04", april, date(2024, 5, 3))
    write_plan_2024(folder, may_plan)
    return run_month_lists(folder, out, "2024-05", may_lists or may_plan, date(2024, 6, 3)), out


def _notes(out, period: str) -> list[str]:
    """The (*) notes under 'Biến động''s tables, top to bottom."""
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Biến động"]
    return [row[0] for row in sheet.iter_rows(values_only=True) if str(row[0]).startswith("(*)")]


def _tables(summary: dict, key: str) -> tuple:
    return (
        {h["hamlet"]: table(h[key]) for h in summary["hamlets"]},
        table(summary["totals"][key]),
    )


def test_a_dropped_names_households_on_no_list_are_told_gone_where_it_may_have_gone(tmp_path):
    """Worked by hand, May's month table. Khuổi Hin is new in the plan by its name; Nà Mòn, the
    name the plan lacks now, may have been its name then (A1, its one household found now, is
    on Khuổi Hin's start rows and list), and Nà Mòn's April list holds A1: Khuổi Hin starts
    with A1 and with Nà Mòn's April households on no list now, B1, E1, F1 (C1, on Đồng Kè's
    April list, moved in): poor 4, B1, E1, F1 gone (col. 3) 3, C1 moved in 1, 2. Đồng Kè poor 1,
    C1 moved out, 0; near-poor D1 1 to 1. The commune poor 5 (April's end), 3 gone, 1 out, 1 in,
    2. The year's table (May's start list, without B1, E1, F1) moves nothing: Khuổi Hin 2 to 2,
    Đồng Kè near-poor 1 to 1. Before: Khuổi Hin 1, C1 in, 2; the commune 2, 1 out, 1 in, 2:
    three households of April's lists in no table, their leaving told nowhere."""
    april = {"Nà Mòn": [A1, B1, E1, F1], "Đồng Kè": [C1, D1]}
    may, out = _may(tmp_path, april, {"Khuổi Hin": [A1, C1], "Đồng Kè": [D1]})
    assert _tables(may, "movements_month") == (
        {
            "Khuổi Hin": ((4, 0, 3, 0, 0, 0, 0, 0, 1, 0, 2), NONE),
            "Đồng Kè": ((1, 0, 0, 0, 1, *[0] * 5, 0), (1, *[0] * 9, 1)),
        },
        ((5, 0, 3, 0, 1, 0, 0, 0, 1, 0, 2), (1, *[0] * 9, 1)),
    )
    assert _tables(may, "movements") == (
        {"Khuổi Hin": ((2, *[0] * 9, 2), NONE), "Đồng Kè": (NONE, (1, *[0] * 9, 1))},
        ((2, *[0] * 9, 2), (1, *[0] * 9, 1)),
    )
    assert may["month_paired"] == ["Khuổi Hin"]
    assert may["month_took"] == {"Khuổi Hin": ["Nà Mòn"]}
    assert _notes(out, "2024-05")[0].endswith(
        " Cột đầu kỳ của Khuổi Hin gồm cả các hộ trong danh sách tháng 4/2024 của xóm Nà Mòn "
        "(không còn trong kế hoạch, có thể là tên cũ của xóm) mà tháng này không có trong danh "
        "sách xóm khác; hộ không còn trong danh sách nào được tính ở cột 3 hoặc 14."
    )
    # each asked of as on April's list, not on the start list (session 61)
    sheet = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Lỗi dữ liệu"]
    asked = [
        row[-1] for row in sheet.iter_rows(values_only=True) if row[-2] == "vanished-household"
    ]
    assert [text.split(";")[0] for text in asked] == [
        f"Hộ {code} (Hoàng Văn {code}) có trong danh sách tháng 4/2024 nhưng không có trong danh "
        "sách kỳ này"
        for code in ("B1", "E1", "F1")
    ]
    # their rows beside Nà Mòn's April list, last month's, not the start list (session 61)
    assert listed_movements(out, "2024-05") == [
        ("Khuổi Hin", "B1", GONE, "So với tháng trước"),
        ("Khuổi Hin", "E1", GONE, "So với tháng trước"),
        ("Khuổi Hin", "F1", GONE, "So với tháng trước"),
        ("Khuổi Hin", "C1", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
        ("Đồng Kè", "C1", "Chuyển sang Khuổi Hin", "So với tháng trước"),
    ]


def test_one_on_the_new_start_list_and_on_no_list_is_told_gone_once_in_each_table(tmp_path):
    """As above, April's Nà Mòn also G1; May's start list writes B1 in Khuổi Hin too (A1, B1,
    C1), May's lists Khuổi Hin A1, C1: B1 and G1 are on no list. Worked by hand, the month
    table: Khuổi Hin poor 5 (A1, B1 of its start rows; E1, F1, G1 of Nà Mòn's April list), gone
    4, C1 moved in, 2; the commune 6 (April's end), 4 gone, 1 out, 1 in, 2. The year's table:
    Khuổi Hin 3 (A1, B1, C1), B1 gone 1, 2. B1 gone once in each table, never at two starts.
    Before: the month table Khuổi Hin 2 (A1, B1), B1 gone, C1 in, 2; the commune 3, 1 gone, 1
    out, 1 in, 2 (E1, F1, G1 in no table)."""
    april = {"Nà Mòn": [A1, B1, E1, F1, G1], "Đồng Kè": [C1, D1]}
    may, _ = _may(
        tmp_path,
        april,
        {"Khuổi Hin": [A1, B1, C1], "Đồng Kè": [D1]},
        {"Khuổi Hin": [A1, C1], "Đồng Kè": [D1]},
    )
    assert _tables(may, "movements_month") == (
        {
            "Khuổi Hin": ((5, 0, 4, 0, 0, 0, 0, 0, 1, 0, 2), NONE),
            "Đồng Kè": ((1, 0, 0, 0, 1, *[0] * 5, 0), (1, *[0] * 9, 1)),
        },
        ((6, 0, 4, 0, 1, 0, 0, 0, 1, 0, 2), (1, *[0] * 9, 1)),
    )
    assert _tables(may, "movements")[1] == ((3, 0, 1, *[0] * 7, 2), (1, *[0] * 9, 1))


def test_half_of_the_dropped_names_households_found_there_is_a_rename_alike(tmp_path):
    """A guard (passes before too): as the first, May's lists also write B1 on Khuổi Hin's list
    (not on May's start list): 2 of Nà Mòn's 4 under Khuổi Hin, half of all, is Nà Mòn renamed
    (`renamed_from`), its table set beside Nà Mòn's April list. Worked by hand, the month
    table: Khuổi Hin poor 4, E1, F1 gone 2, C1 moved in, 3; the commune 5, 2 gone, 1 out, 1 in,
    3: what the rule above gives where only A1 (1 of 4) is found, the households found nowhere
    told gone in the hamlet the name became."""
    april = {"Nà Mòn": [A1, B1, E1, F1], "Đồng Kè": [C1, D1]}
    may, out = _may(
        tmp_path,
        april,
        {"Khuổi Hin": [A1, C1], "Đồng Kè": [D1]},
        {"Khuổi Hin": [A1, C1, B1], "Đồng Kè": [D1]},
    )
    assert [r["hamlet"] for h in may["hamlets"] for r in h.get("renamed_from") or ()] == ["Nà Mòn"]
    assert _tables(may, "movements_month")[1] == (
        (5, 0, 2, 0, 1, 0, 0, 0, 1, 0, 3),
        (1, *[0] * 9, 1),
    )
    assert table(next(h for h in may["hamlets"] if h["hamlet"] == "Khuổi Hin")["movements_month"])[
        0
    ] == (4, 0, 2, 0, 0, 0, 0, 0, 1, 0, 3)


def test_a_dropped_name_none_of_whose_households_is_found_is_no_hamlets(tmp_path):
    """A guard (session 59, H2): Nà Mòn's A1 and B1 on no list in May, none of its households
    found now (no hamlet it may have become): Khuổi Hin (X1) in no plan of April, 1 to 1;
    Đồng Kè 1 to 1; the commune 2 to 2: Nà Mòn has no table, its households in none."""
    april = {"Nà Mòn": [A1, B1], "Đồng Kè": [C1, D1]}
    may, _ = _may(tmp_path, april, {"Khuổi Hin": [X1], "Đồng Kè": [C1, D1]})
    assert _tables(may, "movements_month")[1] == ((2, *[0] * 9, 2), (1, *[0] * 9, 1))
