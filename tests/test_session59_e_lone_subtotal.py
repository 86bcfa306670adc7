"""A lone 'Cộng' told by one household's figures alone is said (session 59, E; R3's Left (a)
of session 58's review).

Session 58 (A) passes over a row labelled as a total, without code, name or class, where a run
of the households right next to it gives each of its figures (a subtotal over a one-household
tổ: `tables._run_total`). Where the list writes no other row so labelled and the label names no
group, such a row is as well that household written twice or a head named 'Cộng': it is still
not counted (no code, no class), but the officer now hears of it
('subtotal-one-household', a warning at the label's cell, naming the household's row and the
figures it shares).

The small commune (tests.commune); Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's
name, D Năm sinh, G Số định danh, H Số nhân khẩu, I Phân loại hộ
(tests.test_session52_total_sums.total_sums_run). NM1 born 1958, NM2 1962, NM3 1975, poor, 4
people each.
"""

from __future__ import annotations

from pipeline.run import collect
from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run

# NM4's ID typed as a number (its leading 0 lost: 019075001234, born 1975), shown whole
NM4_ID = 19_075_001_234


def sections() -> list:
    """Rows 5-12, seed 3641's shape (session 58, A): 5 the poor's subtotal on top, 6 'I | Hộ
    nghèo', 7-8 NM1, NM2, 9 the near-poor's subtotal on top, 10 'II | Hộ cận nghèo', 11 NM4
    alone, 12 the grand total (:func:`on_top` writes the lines); also read by
    tests/test_session59_e_bare_count.py."""
    return [None, None, person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962),
            None, None, person("NM4", "near_poor", nam_sinh=1975), None]  # fmt: skip


def on_top(label_col: int, nine: dict[int, object], grand: dict[int, object]) -> dict:
    """The lines of :func:`sections`: each subtotal's label 'Cộng' in ``label_col``, the
    near-poor's (row 9) holding ``nine``, the grand total (row 12) ``grand``."""
    return {
        5: {label_col: "Cộng", 4: 3920, 8: 8},  # 1958 + 1962; 4 + 4
        6: {1: "I", 3: "Hộ nghèo"},
        9: {label_col: "Cộng", **nine},
        10: {1: "II", 3: "Hộ cận nghèo"},
        11: {"keep": True, 7: NM4_ID},
        12: grand,
    }


def _three() -> list:
    return [person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962),
            person("NM3", "poor", nam_sinh=1975), None]  # fmt: skip


HOUSEHOLDS = [household_row("NM1"), household_row("NM2"), household_row("NM3")]


def test_a_lone_cong_beside_one_households_figures_is_said(tmp_path):
    """Row 8 under NM1, NM2, NM3: 1975 | … | 4, NM3's year and size, labelled 'Cộng' (in the
    name's column, under Mã hộ, numbered on '4 | | Cộng'), or 'Tổng cộng' (a grand total stale
    since NM1 and NM2 were added: A's Left). By hand: not counted (poor 3), and said once at
    the label's cell: subtotal-one-household. Before: passed over, nothing said."""
    for name, line, cell in (
        ("plain", {3: "Cộng", 4: 1975, 8: 4}, "C8"),
        ("code", {2: "Cộng", 4: 1975, 8: 4}, "B8"),
        ("numbered", {1: 4, 3: "Cộng", 4: 1975, 8: 4}, "C8"),
        ("grand", {3: "Tổng cộng", 4: 1975, 8: 4}, "C8"),
    ):
        issues, read, counts = total_sums_run(tmp_path / name, _three(), {8: line})
        assert (issues, read, counts) == ([("subtotal-one-household", cell)], HOUSEHOLDS, (3, 0)), (
            name
        )


def test_the_warning_names_the_households_row_and_the_figures(tmp_path):
    """The plain row's words: 'Cộng' at C8, row 8, the household in row 7, its year without a
    thousands dot and its size; the English twin alike."""
    total_sums_run(tmp_path, _three(), {8: {3: "Cộng", 4: 1975, 8: 4}})
    result, _ = collect(tmp_path, None)
    told = [i for i in result.issues if i.code == "subtotal-one-household"]
    assert len(told) == 1
    issue = told[0]
    assert (issue.row, issue.cell, issue.severity) == (8, "C8", "warning")
    message = issue.message()
    assert "Dòng 'Cộng' (dòng 8) không ghi mã hộ, họ tên chủ hộ hay phân loại hộ" in message
    assert "trùng đúng với hộ ở dòng 7 (cột D 'Năm sinh' 1975; cột H 'Số nhân khẩu' 4)" in message
    english = issue.message("en")
    assert "the household in row 7 (column D 'Năm sinh' 1975; column H 'Số nhân khẩu' 4)" in english


def test_a_group_subtotal_or_a_list_summing_each_section_says_nothing(tmp_path):
    """Guards, unsaid as session 58 decided: 'Cộng tổ 2' under NM3 (its label names its group);
    the seed 3641 shape (a 'Cộng' on top of each section, the near-poor's over NM4 alone: the
    list writes another 'Cộng', over NM1 and NM2: its subtotals): poor 2, near-poor 1."""
    issues, read, counts = total_sums_run(
        tmp_path / "group", _three(), {8: {3: "Cộng tổ 2", 4: 1975, 8: 4}}
    )
    assert (issues, read, counts) == ([], HOUSEHOLDS, (3, 0))
    nine = {4: 1975, 7: "019075001234", 8: 4}
    grand = {1: "Tổng cộng", 2: "3 hộ", 4: 5895, 8: 12}
    issues, read, counts = total_sums_run(
        tmp_path / "sections", sections(), on_top(2, nine, grand), {(11, 7): "0"}
    )
    assert issues == []
    assert counts == (2, 1)
