"""pandera models of the roster rows and the plan's hamlet targets (CONTRACT §2.2, §3).

The normalise stage has already turned what it could into canonical values
(ints, floats, booleans, vocabulary keys) and left the rest as written; these
models state which values are acceptable. Each check is named by the issue
code it raises; a null in a required column raises ``REQUIRED_CODES[column]``.
"""

from __future__ import annotations

import pandera.pandas as pa

from pipeline import vocab
from schemas.columns import CAUSES, CLASSIFICATIONS, INDICATOR_KEYS, NEEDS
from schemas.rules import (  # noqa: F401  (re-exported: the rules' constants)
    ID_NUMBER,
    MAX_HOUSEHOLD_SIZE,
    MIN_BIRTH_YEAR,
    MIN_HOUSEHOLD_SIZE,
    REQUIRED_CODES,
)


def _whole_between(low: int, high: int):
    def check(value) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high

    return check


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _not_negative(value) -> bool:
    """A number is not below 0 (what is not a number is another check's)."""
    return not _number(value) or value >= 0


def _is_mark(value) -> bool:
    return isinstance(value, bool)


def _known_tokens(parse):
    def check(value) -> bool:
        return not parse(value)[1]

    return check


def _check(function, code: str) -> pa.Check:
    return pa.Check(function, element_wise=True, name=code)


def roster_schema(report_year: int) -> pa.DataFrameSchema:
    """Rules for one household row; ``report_year`` bounds the birth year."""
    columns = {
        "ma_ho": pa.Column(None, nullable=False),
        "chu_ho": pa.Column(None, nullable=False),
        "nhan_khau": pa.Column(
            None,
            nullable=False,
            checks=_check(
                _whole_between(MIN_HOUSEHOLD_SIZE, MAX_HOUSEHOLD_SIZE), "invalid-household-size"
            ),
        ),
        "phan_loai": pa.Column(
            None,
            nullable=False,
            checks=_check(lambda v: v in CLASSIFICATIONS, "invalid-classification"),
        ),
        "nam_sinh": pa.Column(
            None,
            nullable=True,
            checks=_check(_whole_between(MIN_BIRTH_YEAR, report_year), "invalid-birth-year"),
        ),
        "so_dinh_danh": pa.Column(
            None,
            nullable=True,
            checks=_check(lambda v: bool(ID_NUMBER.match(str(v))), "invalid-id-number"),
        ),
        "gioi_tinh": pa.Column(
            None, nullable=True, checks=_check(lambda v: v in ("Nam", "Nữ"), "invalid-gender")
        ),
        "dan_toc": pa.Column(
            None,
            nullable=True,
            checks=_check(lambda v: vocab.ethnicity(v) == v, "unknown-ethnicity"),
        ),
        "thu_nhap": pa.Column(
            None,
            nullable=True,
            checks=[_check(_number, "invalid-income"), _check(_not_negative, "negative-income")],
        ),
        **{
            key: pa.Column(None, nullable=True, checks=_check(_is_mark, "invalid-deprivation-mark"))
            for key in INDICATOR_KEYS
        },
        "nguyen_nhan": pa.Column(
            None,
            nullable=True,
            checks=_check(
                _known_tokens(lambda v: vocab.multi_choice(v, CAUSES)), "unknown-vocabulary"
            ),
        ),
        "nhu_cau": pa.Column(
            None,
            nullable=True,
            checks=_check(
                _known_tokens(lambda v: vocab.multi_choice(v, NEEDS)), "unknown-vocabulary"
            ),
        ),
        "doi_tuong": pa.Column(
            None,
            nullable=True,
            checks=_check(_known_tokens(vocab.target_groups), "unknown-vocabulary"),
        ),
    }
    return pa.DataFrameSchema(columns, strict=False, coerce=False)


def _non_negative_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


# A hamlet written twice is told by its hamlet key in pipeline.plan (identical rows are counted
# once, 'Nà Mòn' and 'Xóm Nà Mòn' are one hamlet), not by the names' being equal.
PLAN_TARGETS_SCHEMA = pa.DataFrameSchema(
    {
        "hamlet": pa.Column(None, nullable=False),
        "start_households": pa.Column(
            None,
            nullable=False,
            checks=_check(lambda v: _non_negative_whole(v) and v > 0, "plan-invalid"),
        ),
        **{
            key: pa.Column(None, nullable=False, checks=_check(_non_negative_whole, "plan-invalid"))
            for key in ("start_poor", "start_near_poor", "poor_target", "near_poor_target")
        },
    },
    strict=False,
    coerce=False,
)
