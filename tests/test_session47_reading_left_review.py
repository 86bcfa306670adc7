"""Session 47 (helper N): review of the reading leftovers (tests/test_session47_reading_left.py).
Each finding pinned by a small fixture worked out by hand.

The small commune (tests.commune): Bản Cọ's May list is the template (tests.test_session43_d_
heads_files._ban_co): header in row 4, households in rows 5 to 7 (BC1, BC2 poor, BC3
near-poor, 200 households); H 'Số nhân khẩu' (all 4), J 'Thu nhập BQ (đồng/người/tháng)'."""

from __future__ import annotations

from tests.test_session30_c_heads_lists import _hamlet
from tests.test_session44_headers import _run, _said


def _incomes(result) -> list:
    return result.households.set_index("ma_ho").loc[["BC1", "BC2", "BC3"], "thu_nhap"].tolist()


# --- 1. 'TNBQ hộ/năm' is 'Thu nhập BQ hộ/năm' by its initials ----------------------------------


def test_tnbq_of_a_household_a_year_reads_as_its_words_spelt_out(tmp_path):
    """J4 'TNBQ hộ/năm', 'TN BQ hộ/năm' or 'Thu nhập BQ hộ/năm' (thu nhập bình quân: the
    average, per person, as 'BQ' always says: session 46 review), J5, J6 14,400,000, J7
    12,000,000, 4 members each. The two spelt with 'BQ' apart were read a twelfth per person
    (1,200,000, 1,200,000, 1,000,000; said income-per-year, no variant), but 'TNBQ' glued was no
    'BQ' to text.household_year: the household's year, also divided by its 4 members (300,000,
    300,000, 250,000; variant 'household'), a quarter of the same header's reading (1 of 3 cases
    fails before). Now all three read alike."""
    cells = {"J5": 14_400_000, "J6": 14_400_000, "J7": 12_000_000}
    for index, header in enumerate(("TNBQ hộ/năm", "TN BQ hộ/năm", "Thu nhập BQ hộ/năm")):
        (tmp_path / str(index)).mkdir()
        result = _run(tmp_path / str(index), {"J4": header, **cells})
        ban_co = _hamlet(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), header
        assert _said(result) == [("income-per-year", "J4")], header
        (issue,) = [i for i in result.issues if i.hamlet == "Bản Cọ"]
        assert issue.variant == "", header
        assert _incomes(result) == [1_200_000, 1_200_000, 1_000_000], header
