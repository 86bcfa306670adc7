"""Row validation over whole columns: the same failures as the pandera roster model applied cell
by cell, the same canonical values as normalising cell by cell, issues located per part."""

from __future__ import annotations

import random

import pandas as pd
import pandera.pandas as pa
import pytest

from pipeline import normalise
from pipeline.read import Table
from pipeline.validate import Columns, Part, _failing, validate_table
from schemas.columns import INDICATOR_KEYS, ROSTER_KEYS
from schemas.issues import CATALOGUE
from schemas.models import REQUIRED_CODES, roster_schema
from schemas.standards import STANDARDS

STANDARD = STANDARDS["2022-2025"]

# Canonical-or-raw values as normalise leaves them, good and bad, of every type a cell gives.
POOL = {
    "stt": [1, 2, "a", None],
    "ma_ho": ["A1", "A2", None, "x y", 5],
    "chu_ho": ["Nguyễn Văn A", None, "B", 3.5],
    "nam_sinh": [1980, 1899, 1900, 2030, 2024, 2025, "abc", None, True, 1950.0],
    "gioi_tinh": ["Nam", "Nữ", "nam", None, 1, True],
    "dan_toc": ["Kinh", "Tày", "kinh", "Xyz", None, 3],
    "so_dinh_danh": [
        "012345678901",
        "123",
        None,
        "01234567890a",
        5,
        12345678901,
        "012345678901\n",
        "٠١٢٣٤٥٦٧٨٩٠١",
        "0123456789012",
    ],
    "nhan_khau": [1, 5, 0, 31, 30, "5 người", None, True, 2.0],
    "phan_loai": ["poor", "near_poor", "exited", "Hộ giàu", None, 1, True],
    "thu_nhap": [1_000_000, 2_500_000.5, -3, "nhiều", None, True, 0, 500_000],
    "nguyen_nhan": ["Thiếu vốn", "Thiếu vốn; Khác", "xyz", None, 5],
    "doi_tuong": ["BTXH", "BTXH, NCC", "abc", None],
    "nhu_cau": ["Nhà ở", "Vay vốn ưu đãi; Nhà ở", "qq", None],
    "ghi_chu": ["g", None, 7],
    **{key: [True, False, False, False, "y", None, 2, 1] for key in INDICATOR_KEYS},
}


def _frame(rng: random.Random, rows: int, first_row: int = 5) -> pd.DataFrame:
    data = {key: [rng.choice(POOL[key]) for _ in range(rows)] for key in ROSTER_KEYS}
    data["excel_row"] = list(range(first_row, first_row + rows))
    return pd.DataFrame(data, dtype=object)


def _pandera_failures(frame: pd.DataFrame, year: int) -> set[tuple[int, str, str]]:
    """(position, column, code) as the pandera model finds them, cell by cell."""
    try:
        roster_schema(year).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        cases = cases[cases["index"].notna()]
        found = set()
        for column, check, position in zip(
            cases["column"], cases["check"], cases["index"], strict=True
        ):
            code = REQUIRED_CODES.get(column) if check == "not_nullable" else check
            if code in CATALOGUE:
                found.add((int(position), column, code))
        return found
    return set()


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_whole_column_rules_find_what_the_pandera_model_finds(seed):
    frame = _frame(random.Random(seed), 300)
    columns = Columns({k: frame[k].to_numpy() for k in ROSTER_KEYS})
    found = {(int(p), column, code) for column, code, mask in _failing(columns, 2024)
             for p in mask.nonzero()[0]}  # fmt: skip
    expected = _pandera_failures(frame, 2024)
    assert found == expected
    assert len(expected) > 300  # every rule is exercised


def test_issues_are_located_per_part_and_rows_typed():
    frame = pd.DataFrame({key: [None, None] for key in ROSTER_KEYS}, dtype=object)
    frame["excel_row"] = [7, 8]
    good = {
        "ma_ho": "A1",
        "chu_ho": "Lò Văn A",
        "nhan_khau": 4,
        "phan_loai": "poor",
        "nam_sinh": 1970,
        "thu_nhap": 900_000,
        "td_01": True,
        "td_02": True,
        "td_03": True,
    }
    for key, value in good.items():
        frame.at[0, key] = value
        frame.at[1, key] = value
    frame.at[1, "nhan_khau"] = "bốn"
    frame.at[1, "td_04"] = "y"
    first = Part(frame.copy(), "a.xlsx", "Danh sách", "Nà Mòn", {"nhan_khau": (7, "Số khẩu")})
    second = Part(
        {key: frame[key].tolist() for key in [*ROSTER_KEYS, "excel_row"]},
        "b.xlsx",
        "DS",
        "Bản Cọ",
        {},
    )
    done = validate_table([first, second], report_year=2024, standard=STANDARD, area="rural")
    assert done.sizes == [2, 2]
    assert list(done.typed["hamlet"]) == ["Nà Mòn", "Nà Mòn", "Bản Cọ", "Bản Cọ"]
    assert list(done.typed["valid"]) == [True, False, True, False]
    assert list(done.typed["n_deprived"]) == [3, 3, 3, 3]
    assert str(done.typed["nhan_khau"].dtype) == "Int64"
    assert done.typed["nhan_khau"].isna().tolist() == [False, True, False, True]
    size = [(i.code, i.file, i.row, i.column, i.cell, i.value) for i in done.issues[0]]
    assert ("invalid-household-size", "a.xlsx", 8, "Số khẩu", "H8", "bốn") in size
    assert ("invalid-deprivation-mark", "a.xlsx", 8, "Bảo hiểm y tế", "", "y") in size
    assert {i.file for i in done.issues[1]} == {"b.xlsx"}
    assert list(done.typed["file"]) == ["a.xlsx", "a.xlsx", "b.xlsx", "b.xlsx"]


RAW = ["", " ", "x", 1e20, float("inf"), -0.0, 2.5, "X", " x ", "Hộ nghèo", "ho ngheo", "HN", "Nguye\u0302\u0303n Văn A",
       "a  b", "a\u200bb", "\ufeffTày", "012345678901", "0123 4567 8901", "4", "4.0", "1.500.000",
       "Nam", "nữ", "BTXH; NCC", "Thiếu vốn", "-", "✓", "có", "không", "=1+1", 4, 4.0, 4.5, 0,
       1, 1.0, True, False, None, float("nan"), 12345678901, 1970.0]  # fmt: skip


@pytest.mark.parametrize("key", [*ROSTER_KEYS, "hamlet"])
def test_normalising_a_column_gives_each_cells_canonical_value(key):
    values = RAW * 2
    expected = [normalise.normalise_value(key, v) for v in values]
    got = normalise.normalise_column(key, values)
    assert len(got) == len(expected)
    for value, a, b in zip(values, expected, got, strict=True):
        assert type(a) is type(b) and (a == b or (a != a and b != b)), (key, value, a, b)


def test_a_normalised_table_reads_as_rows_of_canonical_values():
    table = Table([5, 6], {"ma_ho": [" A1 ", "A2"], "nhan_khau": ["4", 3.0]})
    columns = normalise.table_columns(table)
    assert columns["ma_ho"] == ["A1", "A2"]
    assert columns["nhan_khau"] == [4, 3]
    assert columns["excel_row"] == [5, 6]
    assert table.normalised and [r.excel_row for r in table] == [5, 6]
    assert table[1].values["nhan_khau"] == 3


@pytest.mark.parametrize(
    "odd",
    [
        "",
        " Lò Văn B",
        "Lò  Văn B",
        "Lò Văn B ",
        "Lo\u0300 Văn B",
        "Lò\u200bVăn B",
        "Lò|Văn B",
        "a\tb",
        "12 34",
        "١٢٣",
    ],
)
@pytest.mark.parametrize("key", ["chu_ho", "so_dinh_danh", "ma_ho"])
def test_a_column_of_text_is_taken_as_typed_only_when_every_cell_is_tidy(key, odd):
    tidy = ["Lò Văn A", "012345678901", "TL.001.002", "Hà Thị Ún"]
    assert normalise.normalise_column(key, tidy) == [
        normalise.normalise_value(key, v) for v in tidy
    ]
    for position in (0, 2, 4):
        values = [*tidy[:position], odd, *tidy[position:]]
        assert normalise.normalise_column(key, values) == [
            normalise.normalise_value(key, v) for v in values
        ]


def test_a_normalised_table_keeps_its_other_columns_and_blanks_the_missing_ones():
    table = Table([3], {"ma_ho": ["A1"], "hamlet": [" Nà  Mòn "]})
    normalise.normalise_table(table)
    assert table.columns["hamlet"] == ["Nà Mòn"]
    data = normalise.table_columns(table, ("ma_ho", "hamlet", "td_01", "ghi_chu"))
    assert data == {
        "ma_ho": ["A1"],
        "hamlet": ["Nà Mòn"],
        "td_01": [False],
        "ghi_chu": [None],
        "excel_row": [3],
    }


def test_no_rows_validate_to_an_empty_typed_table():
    empty = Part({key: [] for key in [*ROSTER_KEYS, "excel_row"]}, "a.xlsx", "DS", "Nà Mòn", {})
    done = validate_table([empty], report_year=2024, standard=STANDARD, area="rural")
    assert len(done.typed) == 0 and done.issues == [[]]
    assert "valid" in done.typed and "n_deprived" in done.typed
