"""The roster rules' constants, without pandera (CONTRACT §2.2).

``schemas.models`` states the rules as pandera models (the naive baseline and the
tests validate with them); ``pipeline.validate`` applies the same rules as vectorised
masks and needs only these constants, so an everyday run does not import pandera.
"""

from __future__ import annotations

from pipeline import lazyre

MIN_BIRTH_YEAR = 1900
# A whole number up to this under 'Năm sinh' is no year but an age (session 29)
MAX_AGE = 120
# A household's head is grown up: a two-digit year is 20yy only for a head of this age or more
# by the list's year ('12/05/20' in 2024: 1920, not a four-year-old; the message of
# birth-year-two-digits in schemas/issues.py says this age)
HEAD_MIN_AGE = 16


def writes_ages(ages, years):
    """Whether a list's 'Năm sinh' is read as ages: it holds more ages (whole numbers 0 to
    MAX_AGE) than years (MIN_BIRTH_YEAR to the list's year) (session 29). Counts, or arrays of
    counts per list (elementwise). Validation (validate._ages_read) and the match of a list's
    heads before it (rosterchecks.codes_names_years) ask this one rule."""
    return ages > years


MIN_HOUSEHOLD_SIZE, MAX_HOUSEHOLD_SIZE = 1, 30
ID_NUMBER = lazyre.compile(r"^\d{12}$")
# A monthly income per person below this (đồng), and above 0, was surely written in thousands
# of đồng ('1300' for 1,300,000): no one lives on under 10,000 đ a month. A warning, not read
# otherwise: the hamlet head says what was meant.
INCOME_SURELY_IN_THOUSANDS = 10_000
# Of those, one below this was written in millions ('1,2' typed on a Vietnamese Excel, the
# number 1.2, for 1,200,000): in millions 0-10,000,000 đ a person a month, the range such
# lists hold; in thousands under 10,000 đ, which no one writes (session 50).
INCOME_SURELY_IN_MILLIONS = 10
# Under an income column headed in thousands (or millions) of đồng, a value that would be this
# much đồng a month or more once multiplied was written in đồng after all ('1.200.000' under
# 'nghìn đồng'): it is read as written.
INCOME_SURELY_IN_DONG = 100_000_000

# Code for an empty cell in a required column.
REQUIRED_CODES = {
    "ma_ho": "missing-household-id",
    "chu_ho": "missing-head-name",
    "nhan_khau": "invalid-household-size",
    "phan_loai": "invalid-classification",
}
