"""Cell values as people type them to canonical values: NFC text, numbers, marks, vocabularies.

What cannot be understood is kept as written, so that validation can report
it with the value the hamlet head will recognise.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from pipeline import vocab
from pipeline.read import TableRow
from pipeline.text import clean_text, is_blank, parse_number, parse_whole
from schemas.columns import INDICATOR_KEYS, ROSTER_KEYS

TEXT_KEYS = ("ma_ho", "chu_ho", "nguyen_nhan", "doi_tuong", "nhu_cau", "ghi_chu")


def _text_or_none(value: Any) -> str | None:
    text = clean_text(value)
    return text or None


def _id_number(value: Any) -> str | None:
    if is_blank(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = parse_whole(value)
        if number is not None and number >= 0:
            # A number cell lost its leading zeros (Excel stores 012345678901 as 12345678901).
            # An ID starts with a province code 001-096, so at most two zeros can be lost:
            # a shorter number is not an ID with its zeros dropped and is reported as written.
            digits = str(number)
            return digits.zfill(12) if 10 <= len(digits) <= 12 else digits
    text = clean_text(value)
    compact = text.replace(" ", "").replace(".", "").replace("-", "")
    return compact if compact.isdigit() else text


def _whole_or_raw(value: Any) -> Any:
    if is_blank(value):
        return None
    number = parse_whole(value)
    return number if number is not None else clean_text(value)


def _number_or_raw(value: Any) -> Any:
    if is_blank(value):
        return None
    number = parse_number(value)
    return number if number is not None else clean_text(value)


def _vocab_or_raw(value: Any, match) -> Any:
    if is_blank(value):
        return None
    found = match(value)
    return found if found is not None else clean_text(value)


def normalise_value(key: str, value: Any) -> Any:
    """One cell's canonical value, or the cell's text when it has none."""
    if key == "so_dinh_danh":
        return _id_number(value)
    if key in ("nam_sinh", "nhan_khau", "stt"):
        return _whole_or_raw(value)
    if key == "thu_nhap":
        return _number_or_raw(value)
    if key == "phan_loai":
        return _vocab_or_raw(value, vocab.classification)
    if key == "gioi_tinh":
        return _vocab_or_raw(value, vocab.gender)
    if key == "dan_toc":
        return _vocab_or_raw(value, vocab.ethnicity)
    if key in INDICATOR_KEYS:
        mark = vocab.deprivation_mark(value)
        return mark if mark is not None else clean_text(value)
    return _text_or_none(value)


def rows_to_frame(rows: list[TableRow], keys: tuple[str, ...] = ROSTER_KEYS) -> pd.DataFrame:
    """Table rows to an object-dtype frame of canonical-or-raw values, plus ``excel_row``."""
    data: dict[str, list[Any]] = {key: [] for key in keys}
    data["excel_row"] = []
    # Rosters repeat the same few values ("x", "Hộ nghèo", "Tày", "4") thousands of times.
    seen: dict[tuple[str, Any], Any] = {}
    for row in rows:
        values = row.values
        for key in keys:
            value = values.get(key)
            kind = type(value)
            if kind is str or kind is int or (kind is float and value == value) or value is None:
                marker = (key, kind, value)
                if marker in seen:
                    canonical = seen[marker]
                else:
                    canonical = seen[marker] = normalise_value(key, value)
            else:
                canonical = normalise_value(key, value)
            data[key].append(canonical)
        data["excel_row"].append(row.excel_row)
    frame = pd.DataFrame(data, dtype=object)
    frame.index = pd.RangeIndex(len(frame))
    return frame


def _canonical_choices(value: Any, parse) -> str:
    """Canonical spelling when every entry is known, else the text as written."""
    canonical, unknown = parse(value)
    return canonical if not unknown else clean_text(value)


def finish_types(frame: pd.DataFrame) -> pd.DataFrame:
    """After validation: proper dtypes, canonical vocabularies; invalid leftovers blanked."""
    out = frame.copy()
    for key in ("nam_sinh", "nhan_khau"):
        out[key] = pd.array(
            [v if isinstance(v, int) and not isinstance(v, bool) else None for v in out[key]],
            dtype="Int64",
        )
    out["thu_nhap"] = pd.to_numeric(
        out["thu_nhap"].map(
            lambda v: v if isinstance(v, (int, float)) and not isinstance(v, bool) else None
        ),
        errors="coerce",
    ).astype(float)
    for key in INDICATOR_KEYS:
        out[key] = out[key].map(lambda v: v is True).astype(bool)
    out["n_deprived"] = out[list(INDICATOR_KEYS)].sum(axis=1).astype(int)
    for key, parse in (
        ("nguyen_nhan", vocab.causes),
        ("nhu_cau", vocab.needs),
        ("doi_tuong", vocab.target_groups),
    ):
        out[key] = out[key].map(lambda v, parse=parse: _canonical_choices(v, parse))
    for key in ("ma_ho", "chu_ho", "gioi_tinh", "dan_toc", "so_dinh_danh", "ghi_chu", "phan_loai"):
        out[key] = out[key].map(lambda v: "" if v is None else str(v))
    return out
