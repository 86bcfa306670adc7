"""Session 55 (helper A): `validate.validate_table`'s quick answers agree with the full ones.

The quick paths (issue #6) skip work only where its answer is known: a head's name after '='
is looked for only where some name holds an '=' (`_names_after_equals`), a total's words once
per distinct name (`_total_words_as_names`), blanks all None answered once (`_blanks`), a
column's types read from its values as a list (`Columns.kinds`). Each test below is a case the
full work is needed for: it fails if the quick answer is wrong (a row missed, a name of
another class said, a blank of another kind answered as None)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.validate import (
    Columns,
    Part,
    _blanks,
    _names_after_equals,
    _total_words_as_names,
    validate_table,
)
from schemas.columns import INDICATOR_KEYS, ROSTER_KEYS
from schemas.standards import STANDARDS


def _names(*values) -> np.ndarray:
    return np.array(values, dtype=object)


def test_a_total_name_written_twice_is_said_at_both_rows():
    # each distinct name tested once: its answer goes to every row holding it
    names = _names("Tổng cộng", "Lộc Văn A", None, "Lộc Văn A", "Tổng cộng", "Tong so ho")
    assert _total_words_as_names(names) == [(0, "Tổng cộng"), (4, "Tổng cộng"), (5, "Tong so ho")]


def test_a_name_not_a_plain_text_is_not_said_though_its_words_are_a_totals():
    # a str subclass (numpy's) first, then the same words as a text: the text's row alone, as
    # the name-by-name test says (its class is looked at)
    names = _names(np.str_("Tổng cộng"), "Lò A", "Tổng cộng")
    assert _total_words_as_names(names) == [(2, "Tổng cộng")]
    # a column not of text and blanks alone (a number): name by name, the same answer
    assert _total_words_as_names(_names(3, "Tổng cộng", 2.5)) == [(1, "Tổng cộng")]


def test_total_words_are_found_at_their_rows_among_other_names():
    names = _names(
        "Lộc Văn Quyết", None, "Tổng cộng", "Trần Văn B", "Lộc Thị C", "Cộng I+II", "Tống Công Hòa"
    )
    # 'Cộng I+II' and 'Tổng cộng' are a total's words; 'Tống Công Hòa' and the Lộc a name
    assert _total_words_as_names(names) == [(2, "Tổng cộng"), (5, "Cộng I+II")]


def test_a_name_after_equals_is_found_only_where_a_name_holds_one():
    names = _names("Lò Văn A", None, "=Đinh Thị Nhung", "Nguyễn = B", 5)
    assert _names_after_equals(names) == [(2, "=Đinh Thị Nhung", "Đinh Thị Nhung")]
    # an '=' inside a name only: none told (the full look, not the quick 'no =')
    assert _names_after_equals(_names("Nguyễn = B", "Lò C")) == []
    assert _names_after_equals(_names("Lò C", "Trần D")) == []


def test_blanks_all_none_are_answered_once_and_other_blanks_each_by_kind():
    calls = []

    def test(value):
        calls.append(value)
        return "blank" if value is None else "nan"

    out = _blanks(_names(None, None, None), test)
    assert out.tolist() == ["blank", "blank", "blank"] and calls == [None]
    calls.clear()
    out = _blanks(_names(None, float("nan"), None), test)
    assert out.tolist() == ["blank", "nan", "blank"]
    assert len(calls) == 2  # one per kind: None, then NaN


def test_a_columns_kinds_are_its_values_exact_types():
    cols = Columns(
        {
            "a": _names(1, True, 2.0, "x", None, np.int64(3)),
            "b": np.array([1, 2], dtype=np.int64),  # not of objects: numpy's own type
        }
    )
    assert cols.kinds("a") == {int, bool, float, str, type(None), np.int64}
    assert cols.kinds("b") == {np.int64}
    # an np.int64 is no whole number of the rules (an int exactly)
    assert cols.whole("a").tolist() == [True, False, False, False, False, False]


def test_validate_table_says_a_total_name_and_a_name_after_equals_at_their_rows():
    # two lists; the second's rows 2 and 4 (Excel 8 and 10) a total's words and a name after '='
    size = 5
    frame = {key: [None] * size for key in ROSTER_KEYS}
    frame.update(
        ma_ho=[f"NM{i}" for i in range(1, size + 1)],
        chu_ho=["Lộc Văn A", "Lò Văn B", "Tổng cộng", "Trần C", "=Đinh Thị Nhung"],
        nam_sinh=[1970] * size,
        nhan_khau=[3] * size,
        phan_loai=["poor"] * size,
        thu_nhap=[900_000] * size,
        **{key: [True] * size for key in INDICATOR_KEYS},
    )
    frame["excel_row"] = list(range(6, 6 + size))
    first = Part(
        pd.DataFrame({**frame, "chu_ho": ["Lộc Thị D"] * size}, dtype=object),
        "a.xlsx",
        "DS",
        "Bản Cọ",
        {"chu_ho": (2, "Họ và tên chủ hộ")},
    )
    second = Part(frame, "b.xlsx", "DS", "Nà Mòn", {"chu_ho": (2, "Họ và tên chủ hộ")})
    done = validate_table(
        [first, second], report_year=2024, standard=STANDARDS["2022-2025"], area="rural"
    )
    assert done.issues[0] == []
    said = [(i.code, i.row, i.cell, i.value) for i in done.issues[1]]
    assert said == [
        ("leading-equals-sign", 10, "C10", "=Đinh Thị Nhung"),
        ("head-name-is-total", 8, "C8", "Tổng cộng"),
    ]
    assert done.typed["valid"].tolist() == [True] * 5 + [True, True, False, True, True]
