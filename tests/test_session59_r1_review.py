"""Review of session 59 E's reading changes (R1): a bare count under 'Mã hộ' that counts none of
the households is said as the total's count differing; 'Tổng số' beside one household's
figures is a lone total as 'Tổng cộng' is; a household coded by a number stays one.

The small commune (tests.commune); Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's
name, D Năm sinh, G Số định danh, H Số nhân khẩu, I Phân loại hộ
(tests.test_session52_total_sums.total_sums_run). NM1 born 1958, NM2 1962, NM3 1975, poor, 4
people each: their years add up to 5,895, their people to 12.
"""

from __future__ import annotations

from pipeline.run import collect
from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run


def _three() -> list:
    return [person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962),
            person("NM3", "poor", nam_sinh=1975), None]  # fmt: skip


HOUSEHOLDS = [household_row("NM1"), household_row("NM2"), household_row("NM3")]


def test_a_bare_count_that_counts_no_households_is_said_as_the_total_differing(tmp_path):
    """Row 8 under NM1, NM2, NM3: 'Tổng cộng' with 5 under Mã hộ (a number, or '5' as text),
    its sums 5,895 and 12, or nothing else. By hand: a total whose count (5) is not the 3
    household rows: passed over, said once at B8 as total-count-differs; poor 3. Before: a
    household coded 5 without name or class (missing-head-name C8, invalid-birth-year D8 or
    invalid-household-size H8, invalid-classification I8)."""
    for name, line in (
        ("sums", {1: "Tổng cộng", 2: 5, 4: 5895, 8: 12}),
        ("text", {1: "Tổng cộng", 2: "5", 4: 5895, 8: 12}),
        ("alone", {1: "Tổng cộng", 2: 5}),
        ("in the name's column", {2: 5, 3: "Tổng cộng", 4: 5895, 8: 12}),
    ):
        issues, read, counts = total_sums_run(tmp_path / name, _three(), {8: line})
        assert (issues, read, counts) == ([("total-count-differs", "B8")], HOUSEHOLDS, (3, 0)), name


def test_the_count_differing_says_the_count_and_the_rows(tmp_path):
    """The words: 'Dòng tổng cộng ghi '5' nhưng danh sách có 3 dòng hộ', at row 8, a warning."""
    total_sums_run(tmp_path, _three(), {8: {1: "Tổng cộng", 2: 5, 4: 5895, 8: 12}})
    result, _ = collect(tmp_path, None)
    told = [i for i in result.issues if i.code == "total-count-differs"]
    assert [(i.row, i.cell, i.severity, i.value, i.detail) for i in told] == [
        (8, "B8", "warning", "5", "3")
    ]
    assert "Dòng tổng cộng ghi '5' nhưng danh sách có 3 dòng hộ" in told[0].message()


def test_a_count_typed_right_or_a_row_holding_a_household_is_as_before(tmp_path):
    """Guards (pass before and after): 'Tổng cộng | 3' alone (3 the rows) passed over, nothing
    said; 'Tổng cộng | 5 | … | Hộ nghèo' (a class written: maybe a household) a household
    coded 5, told, not counted; a household coded 3 with a name ('Nguyễn Văn Chín', born 1980,
    3 people, poor): counted, poor 4; 'Tổng cộng | 5' above NM3 (a household under it) a
    household coded 5, told."""
    issues, read, counts = total_sums_run(tmp_path / "three", _three(), {8: {1: "Tổng cộng", 2: 3}})
    assert (issues, read, counts) == ([], HOUSEHOLDS, (3, 0))
    issues, read, counts = total_sums_run(
        tmp_path / "class", _three(), {8: {1: "Tổng cộng", 2: 5, 4: 5895, 8: 12, 9: "Hộ nghèo"}}
    )
    assert [(str(c), v) for c, _, v in read] == [("NM1", True), ("NM2", True), ("NM3", True),
                                                 ("5", False)]  # fmt: skip
    assert "total-count-differs" not in {code for code, _ in issues}
    assert {cell[1:] for _, cell in issues} == {"8"}
    named = {1: 4, 2: 3, 3: "Nguyễn Văn Chín", 4: 1980, 8: 3, 9: "Hộ nghèo"}
    issues, read, counts = total_sums_run(tmp_path / "named", _three(), {8: named})
    assert read == [*HOUSEHOLDS, ("3", "Nguyễn Văn Chín", True)]
    assert counts == (4, 0)
    rows = [person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962), None,
            person("NM3", "poor", nam_sinh=1975)]  # fmt: skip
    issues, read, counts = total_sums_run(
        tmp_path / "above", rows, {7: {1: "Tổng cộng", 2: 5, 4: 3920, 8: 8}}
    )
    assert [(str(c), v) for c, _, v in read] == [("NM1", True), ("NM2", True), ("5", False),
                                                 ("NM3", True)]  # fmt: skip
    assert "total-count-differs" not in {code for code, _ in issues}
    assert counts == (3, 0)


def test_tong_so_beside_one_households_figures_is_said_as_tong_cong_is(tmp_path):
    """Row 8 'Tổng số | 1975 | … | 4' (NM3's year and size; the whole list's label, as 'Tổng
    cộng' is), or 'Cộng toàn xóm': subtotal-one-household at C8, poor 3. Before: nothing
    said."""
    for label in ("Tổng số", "Cộng toàn xóm"):
        issues, read, counts = total_sums_run(
            tmp_path / label, _three(), {8: {3: label, 4: 1975, 8: 4}}
        )
        assert (issues, read, counts) == ([("subtotal-one-household", "C8")], HOUSEHOLDS, (3, 0)), (
            label
        )


def test_a_household_named_cong_beside_its_neighbours_figures_is_counted_and_said(tmp_path):
    """Row 8 '4 | 3 | Cộng | 1975 | … | 4 | Hộ nghèo' under NM1-NM3 (E's found item: a stale
    'Cộng' with the list's count typed under 'Mã hộ' and its class copied, or a head named
    'Cộng'): counted as before (a code, a name, a class; poor 4), and now said once at C8,
    household-named-as-total, naming NM3's row 7 and its year and size. Before: nothing said.
    A head with a name ('Nguyễn Văn Chín', coded 3, the same figures) says nothing; one named
    'Tổng cộng' is told head-name-is-total alone (not counted, as before)."""
    line = {1: 4, 2: 3, 3: "Cộng", 4: 1975, 8: 4, 9: "Hộ nghèo"}
    issues, read, counts = total_sums_run(tmp_path / "cong", _three(), {8: line})
    assert (issues, read, counts) == (
        [("household-named-as-total", "C8")],
        [*HOUSEHOLDS, ("3", "Cộng", True)],
        (4, 0),
    )
    result, _ = collect(tmp_path / "cong", None)
    told = [i for i in result.issues if i.code == "household-named-as-total"]
    assert [(i.row, i.severity) for i in told] == [(8, "warning")]
    assert (
        "Dòng 'Cộng' (dòng 8) có mã hộ và phân loại hộ nên xã tính là một hộ, nhưng ô họ tên chủ "
        "hộ chỉ ghi 'Cộng' (chữ của dòng cộng) và các số của dòng trùng đúng với hộ ở dòng 7 "
        "(cột D 'Năm sinh' 1975; cột H 'Số nhân khẩu' 4)"
    ) in told[0].message()
    # 'Tổng cộng' (two words) is told head-name-is-total, not counted (session 51): that alone
    issues, read, counts = total_sums_run(
        tmp_path / "tong", _three(), {8: {**line, 3: "Tổng cộng"}}
    )
    assert (issues, read[3:], counts) == (
        [("head-name-is-total", "C8")],
        [("3", "Tổng cộng", False)],
        (3, 0),
    )
    named = {**line, 3: "Nguyễn Văn Chín"}
    issues, read, counts = total_sums_run(tmp_path / "named", _three(), {8: named})
    assert (issues, read, counts) == ([], [*HOUSEHOLDS, ("3", "Nguyễn Văn Chín", True)], (4, 0))


def test_a_lone_cong_writing_its_class_or_a_count_is_not_told_it_writes_none(tmp_path):
    """Row 8 'Cộng | 1975 | … | 4 | Hộ nghèo' (its class copied down), or '5 | 1 | Cộng | 1975
    | … | 4 | Hộ nghèo' (1, the households it adds up, under Mã hộ) under NM1-NM3: passed
    over as E decided, subtotal-one-household at C8, poor 3; its words no longer say the row
    writes no code or class (they did: "không ghi mã hộ, họ tên chủ hộ hay phân loại hộ")."""
    for name, line in (
        ("class", {3: "Cộng", 4: 1975, 8: 4, 9: "Hộ nghèo"}),
        ("count", {1: 5, 2: 1, 3: "Cộng", 4: 1975, 8: 4, 9: "Hộ nghèo"}),
    ):
        issues, read, counts = total_sums_run(tmp_path / name, _three(), {8: line})
        assert (issues, read, counts) == ([("subtotal-one-household", "C8")], HOUSEHOLDS, (3, 0))
        result, _ = collect(tmp_path / name, None)
        message = next(i for i in result.issues if i.code == "subtotal-one-household").message()
        assert message.startswith(
            "Dòng 'Cộng' (dòng 8) không ghi họ tên chủ hộ, và các số của dòng trùng đúng với hộ "
            "ở dòng 7 (cột D 'Năm sinh' 1975; cột H 'Số nhân khẩu' 4). Xã hiểu đây là dòng cộng "
            "của hộ đó nên không tính dòng này là một hộ (số ở cột 'Mã hộ' hay phân loại hộ ghi "
            "trên dòng không được dùng)."
        ), name
