"""Session 47 (helper T): the adversarial review of the income reading wave (the start list's
income formulas and error values said at their cells, an extra income column's number over
another's words, a household's year in millions judged by each person's month).

The small commune's plan (tests.commune): its start list 'Danh sách đầu năm' has its header
in row 3, K the income, its 10 households in rows 4 to 13: Nà Mòn's NM1 to NM5 (rows 4-8),
Bản Cọ's BC1 to BC3 (rows 9-11), Đồng Kè's DK1, DK2 (rows 12, 13)."""

from __future__ import annotations

from tests.test_session47_reading_left_income import _start_said


class _Counted(tuple):
    """A cell tuple (discover.household_cells') that counts the reads of its Excel row."""

    reads = 0

    def __getitem__(self, index):
        if index == 1:
            _Counted.reads += 1
        return super().__getitem__(index)


# --- 1. the start list's income cells found hamlet by hamlet (issue #6) ------------------------


def test_each_income_error_cells_row_is_read_twice_whatever_the_hamlets(tmp_path, monkeypatch):
    """K4 to K13 '#REF!': the 10 cells, one in each household row of the three hamlets. Each
    cell's row was read once for each hamlet of the list to find the hamlet's cells, then once
    to say it: 4 reads a cell here, 40 (a province's list of 1,000 hamlets, '#REF!' in each of
    its 150,000 incomes: 150 million looks, the plan's read 5.6 s → 11.1 s CPU). Now once to
    find its hamlet, once to say it: 20, however many hamlets. Said as before: once past five,
    at K4 naming rows 4–13, each hamlet's rows in one warning (variant plan-rows)."""
    from pipeline import plan
    from pipeline.discover import household_cells
    from pipeline.read import open_workbook

    counted = lambda *args: [_Counted(c) for c in household_cells(*args)]  # noqa: E731
    monkeypatch.setattr(plan, "household_cells", counted)
    said, start = _start_said(tmp_path, {f"K{row}": "#REF!" for row in range(4, 14)})
    assert [(i.code, i.cell, i.variant) for i in said] == [
        ("optional-cell-error-value", "K4", "plan-rows")
    ]
    assert "10 dòng hộ (các dòng 4–13)" in said[0].message("vi")
    assert start["thu_nhap"].isna().sum() == 10
    _Counted.reads = 0
    plan.load_plan(open_workbook(tmp_path / "KeHoach_2024.xlsx"), "KeHoach_2024.xlsx")
    assert _Counted.reads == 20


def test_household_cells_looks_at_the_columns_holding_a_cell_only():
    """discover.household_cells over 3 household rows (5 to 7) of a header reading 4 columns
    (B Mã hộ, C name, D size, E income): the cells at E5 and E7 found, E7 showing '#REF!'. Each
    row was looked at in each of the 4 columns (12 looks; a province's start list of 150,000
    rows and 27 columns: 4 million for its income's cells); now in E alone: 3."""
    from types import SimpleNamespace

    from pipeline.discover import household_cells

    class Looked(dict):
        looks = 0

        def __contains__(self, key):
            Looked.looks += 1
            return super().__contains__(key)

    columns = {"ma_ho": (1, "Mã hộ"), "chu_ho": (2, "Họ và tên chủ hộ"),
               "nhan_khau": (3, "Số nhân khẩu"), "thu_nhap": (4, "Thu nhập BQ")}  # fmt: skip
    header = SimpleNamespace(columns=columns, marks=[])
    rows = SimpleNamespace(excel_rows=[5, 6, 7])
    cells = Looked({(4, 4): "", (6, 4): "#REF!"})
    found = household_cells({"DS": cells}, [("DS", header, rows)], {})
    assert found == [
        ("DS", 5, "E5", "thu_nhap", "Thu nhập BQ", ""),
        ("DS", 7, "E7", "thu_nhap", "Thu nhập BQ", "#REF!"),
    ]
    assert Looked.looks == 3


# --- 2. a column said differing from one whose words gave way names the column read -------------


def test_a_column_differing_from_words_that_gave_way_names_the_number_read(tmp_path):
    """J7 (BC3's income, 4 members) blank; Z4 'Thu nhập năm' (Z7 'chưa rõ'), AA4 'Thu nhập năm
    của hộ' (AA7 0), AB4 'Tổng thu nhập năm của hộ' (AB7 'không rõ'). They are settled AB,
    Z, AA: AB's words fill row 7 first, Z's words differ from them, then AA's 0, the one
    number, takes the row over: BC3's income 0. Z4 said the row read from AB4, whose words
    were not read (fails before); now from AA4, as AB4 says it too."""
    from tests.test_session44_headers import _run, _said

    cells = {"J7": None, "Z4": "Thu nhập năm", "Z7": "chưa rõ", "AA4": "Thu nhập năm của hộ",
             "AA7": 0, "AB4": "Tổng thu nhập năm của hộ", "AB7": "không rõ"}  # fmt: skip
    result = _run(tmp_path, cells)
    incomes = result.households.set_index("ma_ho").loc[["BC1", "BC2", "BC3"], "thu_nhap"]
    assert incomes.tolist() == [1_200_000, 1_200_000, 0]
    assert _said(result) == [("column-twice-ignored", c) for c in ("Z4", "AA4", "AB4")]
    z4, aa4, ab4 = [i.message("vi") for i in result.issues if i.hamlet == "Bản Cọ"]
    row = "1 dòng hộ để trống cột ở ô J4 (dòng 7): đã đọc cột ở ô AA4"
    assert row + ", ghi khác cột ở ô Z4." in z4
    assert row + " (thu nhập cả năm của cả hộ: " in aa4
    assert row + ", ghi khác cột ở ô AB4." in ab4
