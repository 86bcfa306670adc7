"""Session 43: the province's read stage a fifth time: a roster's mark searches and a pass over
its text cut (docs/decisions.md, issue #6).

A sheet under 1 MiB (a hamlet's list) holding no hidden-row mark (' ht="0', ' hidden=') and
no error type (t="e") is told so by one regular expression each, which starts at the rare 'h'
or 'e', instead of a search for each mark. A text column every cell of which was seen before
is taken from the remembered values without a pass looking for one that was not. Each case
below has its answer worked out by hand; the fast answer is also checked beside the slow path
it stands in for.
"""

from __future__ import annotations

import pytest

from pipeline import normalise, sheetscan


def _sheet(rows: dict[int, str], cells: dict[int, str] | None = None, tail: str = "") -> bytes:
    """A short sheet of 20 rows, one value each; row r's attributes from ``rows`` and its cell
    from ``cells`` (1-based); ``tail`` after the sheet's data (page margins, page setup)."""
    cells = cells or {}
    body = "".join(
        f'<row r="{r}"{rows.get(r, "")}>' + cells.get(r, f'<c r="A{r}"><v>{r}</v></c>') + "</row>"
        for r in range(1, 21)
    )
    data = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{body}</sheetData>{tail}</worksheet>"
    ).encode()
    assert len(data) < sheetscan._ANCHORED_FROM
    return data


# What Excel writes after the data of every sheet: 'right="0.7"' holds 'ht="0'
_MARGINS = (
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    '<pageSetup paperSize="9" orientation="landscape"/>'
)


def _slow(monkeypatch) -> None:
    """Every sheet searched as before this session: the prefilters never answer."""
    monkeypatch.setattr(sheetscan, "_ANCHORED_FROM", 0)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ({}, []),
        ({4: ' hidden="1"'}, [(3, 3, False)]),
        ({4: " hidden='true'", 5: ' ht="0" customHeight="1"'}, [(3, 4, False)]),
        ({7: ' ht="0.0"', 9: " ht='0'"}, [(6, 6, False), (8, 8, False)]),
        ({7: ' ht="0.75" customHeight="1"'}, []),  # a low row, shown
        ({7: ' hidden="0"'}, []),  # said shown
    ],
)
def test_a_short_sheets_hidden_rows(monkeypatch, rows, expected):
    data = _sheet(rows, tail=_MARGINS)
    marks = sheetscan._Marks.of(data)
    assert sheetscan._hidden_rows(data, marks) == expected
    _slow(monkeypatch)
    assert sheetscan._hidden_rows(data, marks) == expected


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({}, {}),
        ({3: '<c r="B3" t="e"><v>#REF!</v></c>'}, {(2, 1): "#REF!"}),
        ({3: "<c r='C3' t='e'><v>#N/A</v></c>"}, {(2, 2): "#N/A"}),
        ({3: '<c r="D3" t="str"><v>e</v></c>'}, {}),  # text 'e' is no error type
    ],
)
def test_a_short_sheets_error_cells(monkeypatch, cells, expected):
    data = _sheet({}, cells, tail=_MARGINS)
    marks = sheetscan._Marks.of(data)
    assert sheetscan._error_cells(data, marks) == expected
    _slow(monkeypatch)
    assert sheetscan._error_cells(data, marks) == expected


def test_a_short_sheet_without_marks_is_told_by_one_search(monkeypatch):
    """A hamlet's list (its page margins' 'right="0.7"' and 'landscape"' too) holds none of
    the marks: told without the searches for each of them (``_holds`` gives those)."""
    data = _sheet({12: ' ht="30" customHeight="1"'}, tail=_MARGINS)
    marks = sheetscan._Marks.of(data)

    def searched(*_args):
        raise AssertionError("each mark searched for")

    monkeypatch.setattr(sheetscan, "_holds", searched)
    assert sheetscan._hidden_rows(data, marks) == []
    assert sheetscan._error_cells(data, marks) == {}


# ---------------------------------------------------------------------------------------------
# normalise_column: a text column whose every cell was seen before


@pytest.fixture
def unseen(monkeypatch):
    """normalise_column's memory of the class and cause columns, empty for the test."""
    for key in ("phan_loai", "nguyen_nhan"):
        monkeypatch.setitem(normalise._SEEN, key, {k: {} for k in normalise._CACHED_TYPES})


@pytest.mark.parametrize(
    ("key", "values", "expected"),
    [
        ("phan_loai", ["Hộ nghèo", "Cận nghèo", "HN", ""], ["poor", "near_poor", "poor", None]),
        ("phan_loai", ["Hộ nghèo", 1.0, None, "Thoát nghèo"], ["poor", "1", None, "exited"]),
        ("phan_loai", ["Hộ nghèo", ["x"], "Cận nghèo"], ["poor", "['x']", "near_poor"]),
        ("nguyen_nhan", ["Thiếu vốn", " thiếu  vốn ", "Ốm"], ["Thiếu vốn", "thiếu vốn", "Ốm"]),
    ],
)
def test_a_text_column_first_met_then_seen_again(unseen, key, values, expected):
    assert normalise.normalise_column(key, values) == expected
    assert normalise.normalise_column(key, values) == expected  # every cell seen now


class _Tripwire(str):
    """A remembered value that may not be compared with anything."""

    def __eq__(self, other):
        raise AssertionError("compared")

    __hash__ = str.__hash__


def test_a_column_seen_before_is_taken_without_a_pass_over_it(unseen):
    seen = normalise._SEEN["nguyen_nhan"][str]
    remembered = seen["Thiếu vốn"] = seen["Ốm đau"] = _Tripwire("as remembered")
    out = normalise.normalise_column("nguyen_nhan", ["Thiếu vốn", "Ốm đau", "Thiếu vốn"])
    assert len(out) == 3 and all(v is remembered for v in out)
