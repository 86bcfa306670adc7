"""Session 60 (E): three totals left unsaid by session 59 (E3's and R1's Left): a count with
'hộ' before the label in the name's column, a stale grand total beside its right bare count,
and the plan's start list's total counting its households with 'hộ'.

The lists: Nà Mòn's from row 5 on, A STT, B Mã hộ, C the head's name, D Năm sinh, H Số nhân
khẩu, I Phân loại hộ (tests.test_session52_total_sums.total_sums_run). NM1 born 1958, NM2 1962,
NM3 1975, poor, 4 people each: their years add up to 5,895, their people to 12. The plan:
tests.test_plan_fixes (start list 'Danh sách đầu năm' B Xóm, C Mã hộ, D the head's name; NM1-5
rows 4-8, BC1-3 rows 9-11, DK1-2 rows 12-13: 10 households, Đồng Kè's 2 last).
"""

from __future__ import annotations

from pipeline.run import collect
from tests.commune import person
from tests.test_plan_fixes import START, edited, load
from tests.test_session52_total_sums import household_row, total_sums_run


def _three() -> list:
    return [person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962),
            person("NM3", "poor", nam_sinh=1975), None]  # fmt: skip


HOUSEHOLDS = [household_row("NM1"), household_row("NM2"), household_row("NM3")]


# --- 1. '4 hộ' under Mã hộ, 'Tổng cộng' in the name's column ---------------------------------


def test_a_count_with_ho_before_the_label_in_the_names_column_is_said_where_it_differs(tmp_path):
    """Row 8 under NM1-NM3: '4 hộ' in B (Mã hộ), 'Tổng cộng' in C (the head's name), A blank;
    its sums right (5,895, 12) or stale (9,815, 20). By hand: the head says 4 households, the
    list has 3 rows: total-count-differs at B8, as 'Tổng cộng | 4 hộ' (label in A) is; poor 3.
    Before: passed over unsaid (the row's first text was the count, no total's words)."""
    for name, line in (
        ("sums", {2: "4 hộ", 3: "Tổng cộng", 4: 5895, 8: 12}),
        ("stale", {2: "4 hộ", 3: "Tổng cộng", 4: 9815, 8: 20}),
    ):
        issues, read, counts = total_sums_run(tmp_path / name, _three(), {8: line})
        assert (issues, read, counts) == ([("total-count-differs", "B8")], HOUSEHOLDS, (3, 0)), name
    result, _ = collect(tmp_path / "sums", None)
    told = [i for i in result.issues if i.code == "total-count-differs"]
    assert [(i.value, i.detail) for i in told] == [("4 hộ", "3")]
    assert "Dòng tổng cộng ghi '4 hộ' nhưng danh sách có 3 dòng hộ" in told[0].message()


def test_a_right_count_with_ho_before_the_label_is_unsaid(tmp_path):
    """Guard (passes before and after): '3 hộ | Tổng cộng | 5,895 | … | 12' (3 the rows):
    passed over, nothing said, poor 3."""
    line = {2: "3 hộ", 3: "Tổng cộng", 4: 5895, 8: 12}
    assert total_sums_run(tmp_path, _three(), {8: line}) == ([], HOUSEHOLDS, (3, 0))


# --- 2. a stale grand total beside its right bare count ---------------------------------------


def test_a_stale_grand_total_beside_its_right_bare_count_is_said(tmp_path):
    """Row 8 under NM1-NM3: 'Tổng cộng' (in A, or in C), 3 under Mã hộ (the right count), 9,815
    under Năm sinh and 20 under Số nhân khẩu (left as they were: the rows give 5,895 and 12).
    By hand: a total, not counted (poor 3), said once at D8 (its first figure off) as
    subtotal-differs, variant 'total', quoting both figures beside rows 5-7's. Before: passed
    over unsaid (a grand total's figures were asked nothing once its count was right)."""
    for name, line in (
        ("in A", {1: "Tổng cộng", 2: 3, 4: 9815, 8: 20}),
        ("in C", {2: 3, 3: "Tổng cộng", 4: 9815, 8: 20}),
    ):
        issues, read, counts = total_sums_run(tmp_path / name, _three(), {8: line})
        assert (issues, read, counts) == ([("subtotal-differs", "D8")], HOUSEHOLDS, (3, 0)), name
    result, _ = collect(tmp_path / "in A", None)
    told = [i for i in result.issues if i.code == "subtotal-differs"]
    assert [(i.row, i.value, i.variant, i.severity) for i in told] == [
        (8, "Tổng cộng", "total", "warning")
    ]
    assert (
        told[0]
        .message("vi")
        .startswith(
            "Dòng 'Tổng cộng' (dòng 8) là dòng tổng cộng của danh sách, ghi đúng số hộ, nhưng các số "
            "khác của dòng khác với các dòng hộ: cột D 'Năm sinh' ghi 9.815, cộng các dòng 5–7 được "
            "5.895; cột H 'Số nhân khẩu' ghi 20, cộng các dòng 5–7 được 12."
        )
    )
    assert "column D 'Năm sinh' holds 9,815, rows 5–7 add up to 5,895" in told[0].message("en")


def test_a_grand_total_whose_figures_are_sums_or_whose_count_is_a_class_is_unsaid(tmp_path):
    """Guards (pass before and after): 'Tổng cộng | 3 | … | 5,895 | … | 12' (the sums):
    nothing said; 'Tổng cộng | 2 | … | 9,815 | … | 20' over NM1, NM2 poor and NM3 near-poor
    (2 counts the poor, =COUNTIF: the rows its figures sum are not told): nothing said; both
    counted as before (3 and 0; 2 and 1)."""
    line = {1: "Tổng cộng", 2: 3, 4: 5895, 8: 12}
    assert total_sums_run(tmp_path / "sums", _three(), {8: line}) == ([], HOUSEHOLDS, (3, 0))
    rows = [person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962),
            person("NM3", "near_poor", nam_sinh=1975), None]  # fmt: skip
    line = {1: "Tổng cộng", 2: 2, 4: 9815, 8: 20}
    assert total_sums_run(tmp_path / "class", rows, {8: line}) == ([], HOUSEHOLDS, (2, 1))


# --- 3. the start list's 'Tổng cộng | 3 hộ' ---------------------------------------------------


def _start_total(label_col: int, count):
    def edit(book):
        sheet = book[START]
        sheet.cell(14, label_col).value = "Tổng cộng"
        sheet.cell(14, 3).value = count

    return edit


def _said(tmp_path, label_col, count):
    tmp_path.mkdir()
    plan, issues = load(edited(tmp_path, edit=_start_total(label_col, count)))
    assert len(plan.start_list) == 10
    return [i for i in issues if not i.code.startswith("plan-")]


def test_the_start_lists_total_counting_with_ho_is_said_where_it_differs(tmp_path):
    """Row 14 of the start list, under its 10 households: 'Tổng cộng' (under Xóm, or under
    the head's name) with '3 hộ' under Mã hộ. By hand: 3 is neither the 10 rows nor Đồng Kè's
    2 (the last hamlet's): said once, a warning at C14, variant 'plan', as a bare '5' is
    (session 59, E3). Before: nothing said."""
    for name, label_col in (("xom", 2), ("name", 4)):
        said = _said(tmp_path / name, label_col, "3 hộ")
        assert [
            (i.code, i.cell, i.row, i.severity, i.variant, i.value, i.detail) for i in said
        ] == [("total-count-differs", "C14", 14, "warning", "plan", "3 hộ", "10")], name
    assert (
        said[0]
        .message("vi")
        .startswith(
            "Dòng tổng cộng (dòng 14) của danh sách đầu năm ghi '3 hộ' nhưng danh sách có 10 dòng hộ;"
        )
    )


def test_the_start_lists_total_counting_all_or_its_last_hamlet_is_unsaid(tmp_path):
    """Guards (pass before and after): '10 hộ' (all the rows), '2 hộ' (Đồng Kè's, the last
    hamlet's rows: that hamlet's total): nothing said; 'Cộng xóm Đồng Kè | 3 hộ' (a row naming
    a plan hamlet: its total, not the list's): not said as the list's ('plan'), but as that
    hamlet's, which has 2 rows ('plan-hamlet', session 60 review; was unsaid)."""
    assert _said(tmp_path / "all", 2, "10 hộ") == []
    assert _said(tmp_path / "last", 2, "2 hộ") == []

    def named(book):
        sheet = book[START]
        sheet.cell(14, 4).value = "Cộng xóm Đồng Kè"
        sheet.cell(14, 3).value = "3 hộ"

    (tmp_path / "named").mkdir()
    plan, issues = load(edited(tmp_path / "named", edit=named))
    assert [(i.code, i.variant) for i in issues if not i.code.startswith("plan-")] == [
        ("total-count-differs", "plan-hamlet")
    ]
