"""Session 53: the variants of a list sent apart from its hamlet's own list, one table
(pipeline.apart_variants) instead of five parallel lists of names (report/reporting.py,
report/labels.py, report/feedback.py twice, report/feedback_files.py). Every variant
pipeline.holding can give has its row, under the code it is given with; every row told as a
list apart has its words (schemas/issues.py), its feedback status, 'Cách sửa' and red-cell note,
and its 'Nộp báo cáo' reason in both languages; a plain one has none of them. The outputs of the
advice table's scenarios were compared byte for byte before and after (docs/decisions.md)."""

from __future__ import annotations

import ast
import inspect

import pytest

from pipeline import holding
from pipeline.apart_variants import APART_VARIANTS, apart_variant
from pipeline.report.feedback import has_text
from pipeline.report.labels import LABELS
from pipeline.types import Issue
from schemas.issues import CATALOGUE

# the function of pipeline.holding that gives a variant -> the code its refusal keeps
_GIVEN_BY = {"unnamed_holding": "missing-hamlet", "_neighbour_held": "hamlet-codes-of-file-name"}


def _given() -> set[tuple[str, str]]:
    """(code, variant) of every variant pipeline.holding gives: each string a ``variant=``
    keyword's value can be (a constant, a name of the module's, either side of an 'if')."""
    found = set()
    for node in ast.walk(ast.parse(inspect.getsource(holding))):
        if not isinstance(node, ast.FunctionDef):
            continue
        for call in ast.walk(node):
            for keyword in getattr(call, "keywords", []) if isinstance(call, ast.Call) else []:
                if keyword.arg != "variant":
                    continue
                assert node.name in _GIVEN_BY, f"{node.name} gives a variant: add it to the table"
                found |= {(_GIVEN_BY[node.name], v) for v in _values(keyword.value)}
    return found


def _values(expr: ast.expr) -> set[str]:
    """The strings ``expr`` can be: a constant, a name of pipeline.holding's, or either side of
    an 'if'; anything else is not read (the test then asks for it to be)."""
    if isinstance(expr, ast.IfExp):
        return _values(expr.body) | _values(expr.orelse)
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return {expr.value}
    if isinstance(expr, ast.Name) and isinstance(getattr(holding, expr.id, None), str):
        return {getattr(holding, expr.id)}
    raise AssertionError(f"a variant not read: {ast.unparse(expr)}")


def test_every_variant_holding_gives_has_its_row():
    given = _given()
    # the sixteen of sessions 50-53, read from the source (a guard on the reading itself)
    assert len(given) == 16
    assert sorted(given - set(APART_VARIANTS)) == []
    assert sorted(set(APART_VARIANTS) - given) == []


@pytest.mark.parametrize("key", sorted(APART_VARIANTS), ids=lambda k: k[1])
def test_every_row_has_every_entry(key):
    row = APART_VARIANTS[key]
    code, variant = key
    assert any(name == variant for name, *_ in CATALOGUE[code].variants)
    assert row.note_of in ("codes", "value", "quoted", "")
    assert row.status_file in ("detail", "instead")
    assert row.route in ("codes", "first", "named", "")
    if row.apart:
        assert has_text(row.status_key) and has_text(row.how_key)
        assert has_text("errors.note." + row.note)
        assert set(LABELS["reason." + row.reason_key]) == {"vi", "en"}
        assert apart_variant(Issue(code, "f.xlsx", variant=variant)) is row
    else:
        assert not has_text(row.status_key) and not has_text(row.how_key)
        assert "reason." + row.reason_key not in LABELS
        assert row == type(row)(code, variant, apart=False)
        assert apart_variant(Issue(code, "f.xlsx", variant=variant)) is None


def test_no_text_of_a_list_apart_is_left_without_its_row():
    """The other way: every feedback status of the two codes' variants is a row's."""
    for code in ("missing-hamlet", "hamlet-codes-of-file-name"):
        for name, *_ in CATALOGUE[code].variants:
            if has_text(f"status.rejected.{name}"):
                assert apart_variant(Issue(code, "f.xlsx", variant=name)) is not None, name
