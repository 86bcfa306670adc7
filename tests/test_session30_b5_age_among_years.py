"""Session 30 (B5): a small whole number among years under 'Năm sinh' is said to look like an
age (or a 2-digit year), the 4-digit year of birth asked for; it is still not counted."""

from __future__ import annotations

from pipeline.run import collect
from pipeline.validate import _variant
from tests.test_session29_rosters import hamlet, na_mon_births

YEAR = "invalid-birth-year"


def test_a_small_number_among_years_is_said_to_look_like_an_age(tmp_path):
    """79, 1958, 1960 in May 2024: two years, one small number, so a list of years (session 29):
    NM1 (D5) `invalid-birth-year` and left out, NM6 poor and NM2 near-poor counted (1, 1). The
    message now says '79' looks like an age and asks for the 4-digit year."""
    folder = tmp_path / "input"
    folder.mkdir()
    na_mon_births(folder, [79, 1958, 1960])
    result, _ = collect(folder, None, workers=0)
    said = [i for i in result.issues if i.code == YEAR]
    assert [(i.cell, i.value, i.detail, i.variant) for i in said] == [("D5", "79", "2024", "age")]
    assert said[0].message() == (
        "'Năm sinh' là '79', không phải năm từ 1900 đến 2024: có vẻ đây là tuổi (hoặc năm sinh "
        "chỉ ghi 2 chữ số), nên hộ chưa được tính. Hãy ghi năm sinh 4 chữ số (ví dụ 1968) thay "
        "cho '79'."
    )
    na_mon = hamlet(result)
    assert (na_mon["poor"], na_mon["near_poor"]) == (1, 1)


def test_a_year_out_of_range_keeps_the_plain_message(tmp_path):
    """1800 and 0 are no age (0 is no age a head of household has): the plain message; 1800 at
    D5, 0 at D6 both left out, NM2 (1960) the one near-poor counted (0 poor, 1 near-poor)."""
    folder = tmp_path / "input"
    folder.mkdir()
    na_mon_births(folder, [1800, 0, 1960])
    result, _ = collect(folder, None, workers=0)
    said = [(i.cell, i.value, i.variant) for i in result.issues if i.code == YEAR]
    assert said == [("D5", "1800", ""), ("D6", "0", "")]
    assert (hamlet(result)["poor"], hamlet(result)["near_poor"]) == (0, 1)


def test_the_variant_by_value():
    """Whole 1 to 120 (the age rule's MAX_AGE), as a number or text: 'age'; else plain."""
    assert [_variant(YEAR, v) for v in (79, 79.0, " 79 ", 1, 120)] == ["age"] * 5
    assert [_variant(YEAR, v) for v in (0, 121, 79.5, "bảy chín", True, 1800)] == [""] * 6
