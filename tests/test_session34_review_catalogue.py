"""Session 34 review: every wording of the issue catalogue has its English twin with the same
placeholders (a '{value}' said in Vietnamese and not in English, or the other way round, would
drop a name from one language's message), the head variants added in session 34
('former-blank-head', 'former-sent-blank-head') among them, and those two are the head's
wording of the blank-cell refusals (IssueType.head_variant)."""

from __future__ import annotations

import re

from schemas.issues import CATALOGUE


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def test_each_wording_has_an_english_twin_with_the_same_placeholders():
    differ = [
        (code, name)
        for code, kind in CATALOGUE.items()
        for name, vi, en in (("", kind.vi, kind.en), *kind.variants)
        if not vi or not en or _placeholders(vi) != _placeholders(en)
    ]
    assert differ == []


def test_the_blank_cell_variants_are_said_to_the_head():
    kind = CATALOGUE["unknown-hamlet"]
    assert kind.head_variant("former-blank") == "former-blank-head"
    assert kind.head_variant("former-sent-blank") == "former-sent-blank-head"
    assert kind.head_variant("former") is None  # said to both alike
    assert _placeholders(kind.template("vi", "former-blank-head")) == {"value", "instead", "detail"}
    assert _placeholders(kind.template("en", "former-sent-blank-head")) == {
        "value", "instead", "detail"
    }  # fmt: skip
