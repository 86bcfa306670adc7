"""A subtotal over a one-household group holding its class copied down is no household
(session 58, helper A2; the Left of "Session 58: a subtotal over one household …").

A head who sums each tổ or section with =SUM dragged across the row, and fills 'Phân loại hộ'
down over the whole table, writes under a one-household group 'Cộng | 1975 | … | 4 | Hộ
nghèo': that household's year and size, and its class. Session 58 (helper A) passed such a
subtotal over where it held numbers alone; with the class copied it was still read as a
household without a code (missing-household-id). Now a class text equal to that of each
household of the run that gives the numbers is a copy, no household's.

The small commune (tests.commune); Nà Mòn's list from row 5 on, B Mã hộ, C the head's name, D
Năm sinh, G Số định danh, H Số nhân khẩu, I Phân loại hộ ('Hộ nghèo', 'Hộ cận nghèo' as
tests.commune.person writes them; tests.test_session52_total_sums.total_sums_run). Households
NM1 born 1958, NM2 1962, NM3 1975, NM4 1975, 4 people each.
"""

from __future__ import annotations

from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run


def _three(second: str = "poor") -> list:
    """Rows 5-7: NM1 (poor, 1958), NM2 (``second``, 1962), NM3 (poor, 1975); row 8 the line."""
    return [person("NM1", "poor", nam_sinh=1958), person("NM2", second, nam_sinh=1962),
            person("NM3", "poor", nam_sinh=1975), None]  # fmt: skip


def test_a_subtotal_under_one_household_holding_its_class_copied_is_passed_over(tmp_path):
    """Row 8 under NM3 alone (tổ 2; NM1, NM2 tổ 1 with no subtotal): its =SUM over NM3, 1975
    and 4, and 'Hộ nghèo' copied down, written 'Cộng tổ 2', 'Cộng', 'Cộng' under Mã hộ, the
    class in capitals ('HỘ NGHÈO'), numbered on ('4 | | Cộng'). No group since the last total
    sums 1975 (5,895 the three). Before: a household told missing-household-id B8 (and
    missing-head-name C8 with the label under Mã hộ). Now passed over: poor 3 by hand, nothing
    said."""
    households = [household_row("NM1"), household_row("NM2"), household_row("NM3")]
    for name, line in (
        ("group", {3: "Cộng tổ 2", 4: 1975, 8: 4, 9: "Hộ nghèo"}),
        ("plain", {3: "Cộng", 4: 1975, 8: 4, 9: "Hộ nghèo"}),
        ("code", {2: "Cộng", 4: 1975, 8: 4, 9: "Hộ nghèo"}),
        ("capitals", {3: "Cộng", 4: 1975, 8: 4, 9: "HỘ NGHÈO"}),
        ("numbered", {1: 4, 3: "Cộng", 4: 1975, 8: 4, 9: "Hộ nghèo"}),
    ):
        issues, read, counts = total_sums_run(tmp_path / name, _three(), {8: line})
        # a lone 'Cộng' (no group named, no other so labelled) is said since session 59 (E)
        said = (
            []
            if name == "group"
            else [("subtotal-one-household", "B8" if name == "code" else "C8")]
        )
        assert (issues, read, counts) == (said, households, (3, 0)), name


def test_a_sections_subtotal_under_its_one_near_poor_household_holding_its_class(tmp_path):
    """Rows 5-7 NM1, NM2 (poor), NM4 (near-poor, 1975), row 8 'Cộng | 1975 | … | 4 | Hộ cận
    nghèo' (the near-poor section's =SUM over NM4, its class copied). Before:
    missing-household-id B8. Now passed over: poor 2, near-poor 1, nothing said."""
    rows = [person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962),
            person("NM4", "near_poor", nam_sinh=1975), None]  # fmt: skip
    issues, read, counts = total_sums_run(
        tmp_path, rows, {8: {3: "Cộng", 4: 1975, 8: 4, 9: "Hộ cận nghèo"}}
    )
    assert issues == [("subtotal-one-household", "C8")]  # a lone 'Cộng': said (session 59, E)
    assert read == [household_row("NM1"), household_row("NM2"), household_row("NM4")]
    assert counts == (2, 1)


def test_a_row_whose_class_no_household_of_the_run_holds_is_still_a_household(tmp_path):
    """Guards, row 8 labelled 'Cộng', none counted (no code), each told missing-household-id
    B8 and nothing else, as before:
    * 1975 | 4 | 'Hộ cận nghèo' under NM3, who is poor (no copy of the run's class);
    * 1976 | 4 | 'Hộ nghèo' (no run gives 1976);
    * 1975 | 4 | 'Hộ nghèo' | 'Nam' under 'Giới tính' (a sex: a household's, not numbers);
    * 1975 | 8 | 'Hộ nghèo' under NM2 (near-poor, its year blank) and NM3 (poor): NM2 and NM3
      give 1975 and 8, but NM2 holds another class, so the run ends at NM3 (4 people: no)."""
    for name, rows, line in (
        ("other class", _three(), {3: "Cộng", 4: 1975, 8: 4, 9: "Hộ cận nghèo"}),
        ("year", _three(), {3: "Cộng", 4: 1976, 8: 4, 9: "Hộ nghèo"}),
        ("sex", _three(), {3: "Cộng", 4: 1975, 5: "Nam", 8: 4, 9: "Hộ nghèo"}),
        ("two classes", _three("near_poor"), {3: "Cộng", 4: 1975, 8: 8, 9: "Hộ nghèo"}),
    ):
        if name == "two classes":
            rows[1]["nam_sinh"] = None
        issues, read, counts = total_sums_run(tmp_path / name, rows, {8: line})
        assert issues == [("missing-household-id", "B8")], name
        assert read[3:] == [("", "Cộng", False)], name
        poor = 2 if name == "two classes" else 3
        assert counts == (poor, 3 - poor), name
