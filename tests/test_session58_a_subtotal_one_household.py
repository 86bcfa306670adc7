"""A subtotal over a one-household section or tổ is no household (session 58, helper A).

Mess fuzz seed 3641 (`python -m tests.test_mess_fuzz 3641 3641`) wrote each section's 'Cộng'
ON TOP of it, under 'Mã hộ', its =SUM dragged across the row; the last section (Thoát) held one
household, so its 'Cộng' held that household's birth year (1985) and its ID number (the sum as
text, '019185275238'); under that household the grand total 'Tổng cộng | 9 hộ | … | 17,699'.
The rows under a subtotal on top (`tables._rows_below`) ran from the household to that total:
'9 hộ' under 'Mã hộ' was taken for a household's code, so the sum was 1985 + 17,699, no year,
and the 'Cộng' was read as a household coded 'Cộng' (missing-head-name, invalid-classification).
Now a count of households ('9 hộ') is no code, and a subtotal holding numbers alone whose
figures a run of the households right above or right under it gives at once (F2's runs,
session 57) is a subtotal where its year or ID is no sum of session 52's groups (R3's Left: no
'Cộng tổ 1' above a 'Cộng tổ 2' under one household).

The small commune (tests.commune); Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's
name, D Năm sinh, G Số định danh, H Số nhân khẩu, I Phân loại hộ
(tests.test_session52_total_sums.total_sums_run). Households NM1 born 1958, NM2 1962 (poor),
NM4 1975 (near-poor), NM3 1975 (poor), 4 people each.
"""

from __future__ import annotations

from tests.commune import person
from tests.test_mess_fuzz import check_seed
from tests.test_session52_total_sums import household_row, total_sums_run

# NM4's ID typed as a number (its leading 0 lost: 019075001234, born 1975), shown whole
NM4_ID = 19_075_001_234
_ID_FORMAT = {(11, 7): "0"}


def _sections() -> list:
    """Rows 5-12: 5 the poor's subtotal on top, 6 'I | Hộ nghèo', 7-8 NM1, NM2, 9 the
    near-poor's subtotal on top, 10 'II | Hộ cận nghèo', 11 NM4 alone, 12 the grand total
    (:func:`_on_top` writes the lines)."""
    return [None, None, person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962),
            None, None, person("NM4", "near_poor", nam_sinh=1975), None]  # fmt: skip


def _on_top(label_col: int, nine: dict[int, object], grand: dict[int, object]) -> dict:
    """The lines of :func:`_sections`: each subtotal's label 'Cộng' in ``label_col``, the
    near-poor's (row 9) holding ``nine``, the grand total (row 12) ``grand``."""
    return {
        5: {label_col: "Cộng", 4: 3920, 8: 8},  # 1958 + 1962; 4 + 4
        6: {1: "I", 3: "Hộ nghèo"},
        9: {label_col: "Cộng", **nine},
        10: {1: "II", 3: "Hộ cận nghèo"},
        11: {"keep": True, 7: NM4_ID},
        12: grand,
    }


def test_the_seeds_shape_a_subtotal_on_top_of_one_household_over_the_grand_totals_count(
    tmp_path,
):
    """Seed 3641 reduced: row 9 'Cộng' | 1975 | … | '019075001234' (=SUM over NM4 alone, as
    text, its 0 written back) | 4 on top of the near-poor section of NM4 alone; row 12 'Tổng
    cộng' in STT, '3 hộ' under Mã hộ, 5,895 (1958 + 1962 + 1975), 12. The label under 'Mã hộ'
    (the seed's) and in the name's column. Before: row 9 summed NM4 and row 12 (1975 + 5,895,
    no year): a household told missing-head-name C9 and invalid-classification I9 (and '3 hộ'
    against 4 rows, total-count-differs B12), or missing-household-id B9 and I9. Now passed
    over: poor 2 (NM1, NM2), near-poor 1 (NM4) by hand, nothing said."""
    nine = {4: 1975, 7: "019075001234", 8: 4}
    households = [household_row("NM1"), household_row("NM2"), household_row("NM4")]
    for label_col, grand in (
        (2, {1: "Tổng cộng", 2: "3 hộ", 4: 5895, 8: 12}),
        (3, {2: "3 hộ", 3: "Tổng cộng", 4: 5895, 8: 12}),
    ):
        issues, read, counts = total_sums_run(
            tmp_path / str(label_col), _sections(), _on_top(label_col, nine, grand), _ID_FORMAT
        )
        assert (issues, read, counts) == ([], households, (2, 1)), label_col


def test_a_subtotal_on_top_holding_its_class_ends_at_the_grand_totals_count(tmp_path):
    """As above, the label in the name's column, but row 9 holds the class too ('Cộng' | 1975
    | … | 4 | Hộ cận nghèo: no numbers alone, so no run is asked): only the rows under it tell.
    Before: they ran on to row 12 ('3 hộ' a code), a household told missing-household-id B9.
    Now they end at NM4: its year, passed over; poor 2, near-poor 1."""
    nine = {4: 1975, 8: 4, 9: "Hộ cận nghèo"}
    grand = {2: "3 hộ", 3: "Tổng cộng", 4: 5895, 8: 12}
    issues, read, counts = total_sums_run(
        tmp_path, _sections(), _on_top(3, nine, grand), _ID_FORMAT
    )
    households = [household_row("NM1"), household_row("NM2"), household_row("NM4")]
    assert (issues, read, counts) == ([], households, (2, 1))


def test_a_groups_subtotal_on_top_of_one_household_over_the_grand_totals_count(tmp_path):
    """'Cộng tổ 1 | 3,920 | … | 8' (row 5) over NM1, NM2, 'Cộng tổ 2 | 1975 | … | 4' (row 8)
    over NM4 alone (row 9), 'Tổng cộng' with '3 hộ' under Mã hộ (row 10). Before: row 8 a
    household (missing-household-id B8, invalid-classification I8). Now poor 2, near-poor 1."""
    issues, read, counts = total_sums_run(
        tmp_path,
        [None, person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962), None,
         person("NM4", "near_poor", nam_sinh=1975), None],
        {5: {3: "Cộng tổ 1", 4: 3920, 8: 8}, 8: {3: "Cộng tổ 2", 4: 1975, 8: 4},
         10: {2: "3 hộ", 3: "Tổng cộng", 4: 5895, 8: 12}},
    )  # fmt: skip
    households = [household_row("NM1"), household_row("NM2"), household_row("NM4")]
    assert (issues, read, counts) == ([], households, (2, 1))


def _three() -> list:
    return [person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962),
            person("NM3", "poor", nam_sinh=1975), None]  # fmt: skip


def test_a_subtotal_below_a_one_household_group_with_no_subtotal_above(tmp_path):
    """Rows 5-7 NM1, NM2 (tổ 1, no subtotal) and NM3 (tổ 2, 1975, 4 people); row 8 its
    subtotal, =SUM over NM3 alone: 1975 | … | 4. The rows since the last total are all three
    (5,895, 12): no sum of them is 1975 (R3's Left). Written 'Cộng tổ 2', 'Cộng', 'Cộng' under
    Mã hộ, numbered on ('4 | | Cộng tổ 2', '4 | | Cộng'). Before: a household told
    missing-household-id B8 (missing-head-name C8 under Mã hộ) and invalid-classification I8.
    Now NM3 right above gives every figure: passed over, poor 3, nothing said."""
    households = [household_row("NM1"), household_row("NM2"), household_row("NM3")]
    for name, line in (
        ("group", {3: "Cộng tổ 2", 4: 1975, 8: 4}),
        ("plain", {3: "Cộng", 4: 1975, 8: 4}),
        ("code", {2: "Cộng", 4: 1975, 8: 4}),
        ("numbered group", {1: 4, 3: "Cộng tổ 2", 4: 1975, 8: 4}),
        ("numbered", {1: 4, 3: "Cộng", 4: 1975, 8: 4}),
    ):
        issues, read, counts = total_sums_run(tmp_path / name, _three(), {8: line})
        # a lone 'Cộng' (no group named, no other so labelled) is said since session 59 (E)
        said = {"plain": "C8", "code": "B8", "numbered": "C8"}.get(name)
        expected = [("subtotal-one-household", said)] if said else []
        assert (issues, read, counts) == (expected, households, (3, 0)), name


def test_a_household_missing_its_name_or_holding_its_own_figures_is_still_a_household(
    tmp_path,
):
    """Guards, row 8 under NM1, NM2, NM3 (1975, 4 people, poor), none counted:
    * NM4 written with its year 1975, 4 people, poor, its head's name blank: missing-head-name
      C8, and with its code blank too, missing-household-id B8 as well (no total's word: never
      a subtotal, whatever its figures);
    * 'Cộng | 1975 | … | 4 | Hộ cận nghèo' (a class NM3 does not hold: no copy, session 58 A2),
      'Cộng | 1976 | … | 4' and
      'Cộng | 1975 | … | 5' (no run gives them), 'Tổng | '1975' | … | NM3's ID as text | 4'
      (SUM gives 0 over the IDs as text, so the ID is copied, no sum): a household named so,
      told missing-household-id B8 as before."""
    nameless = person("NM4", "poor", nam_sinh=1975, chu_ho=None)
    for name, last, said in (
        ("nameless", nameless, [("missing-head-name", "C8")]),
        ("codeless", {**nameless, "ma_ho": None},
         [("missing-household-id", "B8"), ("missing-head-name", "C8")]),
    ):  # fmt: skip
        issues, read, counts = total_sums_run(tmp_path / name, [*_three()[:3], last], {})
        assert issues == said, name
        assert read[3:] == [("NM4" if name == "nameless" else "", "", False)], name
        assert counts == (3, 0), name
    nm3_id = person("NM3", "poor")["so_dinh_danh"]
    for name, line in (
        ("class", {3: "Cộng", 4: 1975, 8: 4, 9: "Hộ cận nghèo"}),
        ("year", {3: "Cộng", 4: 1976, 8: 4}),
        ("size", {3: "Cộng", 4: 1975, 8: 5}),
        ("id text", {3: "Tổng", 4: "1975", 7: nm3_id, 8: 4}),
    ):
        issues, read, counts = total_sums_run(tmp_path / name, _three(), {8: line})
        assert ("missing-household-id", "B8") in issues, name
        assert {cell[1:] for _, cell in issues} == {"8"}, name
        assert read[3:] == [("", line[3], False)], name
        assert counts == (3, 0), name


def test_mess_fuzz_seed_3641(tmp_path):
    """The seed itself: its three rosters sent messy give the clean month's figures, nothing
    more said (failed before: missing-head-name D15, invalid-classification J15 in Thôn Pác
    Cập's list)."""
    check_seed(3641, tmp_path)
