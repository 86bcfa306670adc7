"""Session 47 (helper X): the order leftovers of the income wave and the list apart of new
households, each pinned by a small fixture worked out by hand.

The small commune (tests.commune): Bản Cọ's May list is the template (tests.test_session43_d_
heads_files._ban_co): header in row 4, households in rows 5 to 7 (BC1, BC2 poor, BC3
near-poor); H 'Số nhân khẩu' (all 4), J 'Thu nhập BQ (đồng/người/tháng)' (all 1,200,000)."""

from __future__ import annotations

# --- 1. extra income columns fill a blank row left to right -----------------------------------


def test_the_leftmost_extra_income_column_fills_a_blank_row(tmp_path):
    """J7 (BC3's income, 4 members) blank; AA4 'Thu nhập năm' (AA7 24,000,000: a twelfth,
    2,000,000), AB4 'Tổng thu nhập năm của hộ' (AB7 48,000,000 / 12 / 4 = 1,000,000). AB's
    name is surer, so it was settled first and filled row 7: BC3's income 1,000,000, AA4 said
    differing (fails before). Now the first column is the leftmost: AA's 2,000,000, AB4 said
    differing from AA4; the words otherwise the same."""
    from tests.test_session44_headers import ban_co_said, run_with_headers

    cells = {"J7": None, "AA4": "Thu nhập năm", "AA7": 24_000_000,
             "AB4": "Tổng thu nhập năm của hộ", "AB7": 48_000_000}  # fmt: skip
    result = run_with_headers(tmp_path, cells)
    incomes = result.households.set_index("ma_ho").loc[["BC1", "BC2", "BC3"], "thu_nhap"]
    assert incomes.tolist() == [1_200_000, 1_200_000, 2_000_000]
    assert ban_co_said(result)[:2] == [
        ("column-twice-ignored", "AA4"),
        ("column-twice-ignored", "AB4"),
    ]
    aa4, ab4 = [i.message("vi") for i in result.issues if i.code == "column-twice-ignored"]
    row = "1 dòng hộ để trống cột ở ô J4 (dòng 7): đã đọc cột ở ô AA4"
    assert row + " (thu nhập cả năm: đã lấy một phần mười hai, thu nhập một tháng)." in aa4
    assert row + ", ghi khác cột ở ô AB4." in ab4


def test_the_start_lists_leftmost_extra_income_column_fills_a_blank_row(tmp_path):
    """The start list: K4 (NM1's income, 4 people) blank, AB3 'Thu nhập năm' (AB4 24,000,000:
    2,000,000), AC3 'Tổng thu nhập năm của hộ' (AC4 48,000,000 / 12 / 4 = 1,000,000). Read
    from AC before (fails before: 1,000,000); now from AB, the leftmost: 2,000,000, AC3 said
    differing from AB3."""
    from tests.test_session47_reading_left_income import start_said

    said, start = start_said(tmp_path, {"K4": None, "AB3": "Thu nhập năm", "AB4": 24_000_000,
                                         "AC3": "Tổng thu nhập năm của hộ",
                                         "AC4": 48_000_000})  # fmt: skip
    assert start.loc["NM1", "thu_nhap"] == 2_000_000
    assert [(i.code, i.cell) for i in said] == [("plan-value-guessed", "AB3"),
                                                ("plan-value-guessed", "AC3")]  # fmt: skip
    assert (
        said[1]
        .message("vi")
        .endswith(
            "1 dòng hộ để trống cột ở ô K3 (dòng 4): đã đọc cột ở ô AB3, ghi khác cột ở ô AC3."
        )
    )
