"""Session 54 (helper G3): a hamlet's total typed with 'Cộng' or 'Tổng' alone before its
name, read once the plan's hamlets are known.

'Cong Na Mon' with the hamlet's sums beside it: 'Cộng' (or 'Tổng') alone before words is a
head's name to the reader, which knows no plan (session 23: 'Công Hồ Nam'), so the row was a
household without a code: three errors no head would correct. Now, with the plan, a head's
name cell of a total's words then a plan hamlet's name, no Mã hộ, no birth year and no ID
number is the hamlet's total: taken out, nothing said (consolidate.hamlet_totals_taken).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. A list's first household is at row 5."""

from __future__ import annotations

from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run

# the three errors of a total read as a household without a code: no code, its sum 3,940 no
# birth year, no class
_AS_HOUSEHOLD = [
    ("missing-household-id", "B7"),
    ("invalid-birth-year", "D7"),
    ("invalid-classification", "I7"),
]


def _run(tmp_path, name: str, cells: dict | None = None):
    """Nà Mòn's NM1, NM2 (poor, born 1970 each), row 7 '3 | | ``name`` | 3,940 | … | 8' (B Mã
    hộ, D Năm sinh, H Số nhân khẩu; ``cells`` more of its cells by column number)."""
    return total_sums_run(
        tmp_path,
        [person("NM1", "poor"), person("NM2", "poor"), None],
        {7: {1: 3, 3: name, 4: 3940, 8: 8, **(cells or {})}},
    )


def test_a_hamlets_total_after_cong_or_tong_alone_is_passed_over(tmp_path):
    """Row 7 the hamlet's total 'Cong Na Mon' (3,940 = 1970 + 1970, 8 = 4 + 4). Was: a
    household without a code, three errors at B7, D7, I7. Now passed over unsaid: NM1, NM2
    read, poor 2. So too 'Tong Na Mon', 'CONG XOM NA MON', 'Cộng Nà Mòn', 'Tổng thôn Nà Mòn:'
    and another plan hamlet's, 'Cong Ban Co' (a list's subtotal of the hamlets it holds)."""
    names = ("Cong Na Mon", "Tong Na Mon", "CONG XOM NA MON", "Cộng Nà Mòn",
             "Tổng thôn Nà Mòn:", "Cong Ban Co")  # fmt: skip
    for n, name in enumerate(names):
        assert _run(tmp_path / str(n), name) == (
            [],
            [household_row("NM1"), household_row("NM2")],
            (2, 0),
        ), name


def test_a_name_after_cong_that_no_plan_hamlet_is_stays_a_household(tmp_path):
    """Guards, each read as before: 'Cong Van Thanh' (no plan hamlet: a head's name, 'Công
    Văn Thành' typed without marks) and 'Công Nà Mòn' (a head's 'Công', its marks) with the
    same cells, a household without a code (the three errors); 'Cong Na Mon' with a code, NM3
    under B: a household named so, counted (poor 3); with a birth year, 1975 (no sum of 1970
    and 1970): a household without a code, its 8 people and no class told (B7, I7)."""
    for n, name in enumerate(("Cong Van Thanh", "Công Nà Mòn")):
        issues, read, counts = _run(tmp_path / str(n), name)
        assert issues == _AS_HOUSEHOLD, name
        assert read == [household_row("NM1"), household_row("NM2"), ("", name, False)], name
        assert counts == (2, 0), name
    issues, read, counts = _run(
        tmp_path / "coded", "Cong Na Mon", {2: "NM3", 4: 1975, 9: "Hộ nghèo"}
    )
    assert (issues, read[2], counts) == ([], ("NM3", "Cong Na Mon", True), (3, 0))
    issues, read, counts = _run(tmp_path / "born", "Cong Na Mon", {4: 1975})
    assert issues == [("missing-household-id", "B7"), ("invalid-classification", "I7")]
    assert read[2] == ("", "Cong Na Mon", False)
    assert counts == (2, 0)


def test_a_heads_name_of_three_words_after_tong_cong_is_a_household(tmp_path):
    """Row 7 '3 | | Tong Cong Van Thanh | (D-G blank) | 4 | Hộ nghèo | …' ('Tống Công Văn
    Thành' typed without marks; no code, no birth year, its class and cause written). Was: two
    words or more after the total's were a total's (session 54's review): passed over, the
    household lost, nothing said. Now its household's text (class, cause) makes it a name:
    told missing-household-id at B7, not counted, poor 2. With its code NM3 on its own row:
    was head-name-is-total at C7 and not counted; now counted, nothing told, poor 3. 'Tong Cong
    Na Mon' on the same row, its class and cause copied down but its figures Nà Mòn's sums (8
    people, 2,400,000 đồng; session 55: a household's 4 and 1,200,000 make it a household,
    tests/test_session55_f_total_names.py), is Nà Mòn's total (the plan's hamlet): passed
    over, poor 2; with the code NM3 still told head-name-is-total at C7, not counted."""
    blank = {2: None, 4: None, 5: None, 6: None, 7: None}
    two = [person("NM1", "poor"), person("NM2", "poor")]
    issues, read, counts = total_sums_run(
        tmp_path / "named",
        [*two, None],
        {7: {"keep": True, 1: 3, 3: "Tong Cong Van Thanh", **blank}},
    )
    assert issues == [("missing-household-id", "B7")]
    assert read == [*map(household_row, ("NM1", "NM2")), ("", "Tong Cong Van Thanh", False)]
    assert counts == (2, 0)
    issues, read, counts = total_sums_run(
        tmp_path / "coded", [*two, person("NM3", "poor", chu_ho="Tong Cong Van Thanh")], {}
    )
    assert (issues, read[2], counts) == ([], ("NM3", "Tong Cong Van Thanh", True), (3, 0))
    issues, read, counts = total_sums_run(
        tmp_path / "hamlet",
        [*two, None],
        {7: {"keep": True, 1: 3, 3: "Tong Cong Na Mon", **blank, 8: 8, 10: 2_400_000}},
    )
    assert (issues, read, counts) == ([], [*map(household_row, ("NM1", "NM2"))], (2, 0))
    issues, read, counts = total_sums_run(
        tmp_path / "hamlet-coded", [*two, person("NM3", "poor", chu_ho="Tong Cong Na Mon")], {}
    )
    assert (issues, read[2], counts) == (
        [("head-name-is-total", "C7")],
        ("NM3", "Tong Cong Na Mon", False),
        (2, 0),
    )


def test_check_with_the_plan_reads_the_hamlets_total_and_the_name_as_a_run_does(tmp_path):
    """`giamngheo check` with the plan in the folder (consolidate.list_hamlet, validate given
    the plan's hamlets, as a run): Nà Mòn's list NM1, NM2, row 7 'Cong Na Mon' with its sums
    (3,940, 8), row 8 NM3 named 'Tong Cong Van Thanh'. Was: three errors at row 7 and
    head-name-is-total at C8. Now nothing said at rows 7 and 8."""
    import openpyxl

    from pipeline.checkfiles import check_files
    from tests.test_typed_by_hand import commune

    rows = [person("NM1", "poor"), person("NM2", "poor"), person("ZZ9", "poor"),
            person("NM3", "poor", chu_ho="Tong Cong Van Thanh")]  # fmt: skip
    path = commune(tmp_path, rows)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    for col in range(1, sheet.max_column + 1):
        sheet.cell(7, col).value = None
    for col, value in {1: 3, 3: "Cong Na Mon", 4: 3940, 8: 8}.items():
        sheet.cell(7, col).value = value
    book.save(path)
    found = [(i.code, i.cell) for i in check_files([tmp_path])
             if i.file == "NaMon.xlsx" and i.row in (7, 8)]  # fmt: skip
    assert found == []
