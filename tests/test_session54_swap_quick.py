"""Session 54 (helper A2): `consolidate.copied_by_codes` no longer keys the start list's codes
on a month where every list holds one of its own hamlet's codes as the start list writes it:
whether there is any start code (``bool`` of `start_codes`) is told by the first code written,
and `_swapped`'s "one of its own: no swap" by a code written alike (``written_under``). Where
that quick look finds none, the keys decide as before: a list holding its own hamlet's code in
other letters is still no swap.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. April: the three send their own lists."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from pipeline import consolidate
from pipeline.consolidate import start_codes
from pipeline.figures import id_key
from tests.april_may import may_errors
from tests.commune import person
from tests.summaries import json_summary
from tests.test_session38_oracle import na_mon_rows
from tests.test_session51_swapped_hamlets import may_with_lists


def _start(hamlets: list, codes: list):
    """`start_codes` of a plan whose start list is ``hamlets`` and ``codes`` row by row."""
    return start_codes(
        SimpleNamespace(start_list=pd.DataFrame({"hamlet": hamlets, "ma_ho": codes}))
    )


def _no_key(code):
    raise AssertionError(f"keyed {code!r}")


def test_whether_there_is_a_start_code_is_told_without_keying(monkeypatch):
    # only blanks and a number (the start list's codes are text): none, as the keys say
    blank = _start(["Nà Mòn"] * 4, ["", "  ", None, 1001.0])
    # a blank first, a code later: some
    some = _start(["Nà Mòn", "Nà Mòn", "Đồng Kè"], [" ", "NM 1", "DK1"])
    monkeypatch.setattr(consolidate, "id_key", _no_key)
    assert (bool(blank), bool(some)) == (False, True)
    monkeypatch.setattr(consolidate, "id_key", id_key)
    assert (len(blank), dict(blank)) == (0, {})
    assert (len(some), dict(some)) == (2, {"Nà Mòn": {"nm1"}, "Đồng Kè": {"dk1"}})
    # once keyed, the keys tell
    assert (bool(blank), bool(some)) == (False, True)


def test_a_code_written_as_the_start_list_writes_it_is_told_without_keying(monkeypatch):
    # DK1 written under Đồng Kè and again under Bản Cọ (the last kept as written)
    codes = _start(
        ["Nà Mòn", "Nà Mòn", "Đồng Kè", "Bản Cọ", "Bản Cọ"], ["NM1", "NM2", "DK1", "DK1", " "]
    )
    monkeypatch.setattr(consolidate, "id_key", _no_key)
    assert codes.written_under("Nà Mòn", ["X9", None, 7.0, "NM2"]) is True
    assert codes.written_under("Bản Cọ", ["DK1"]) is True
    # said nothing of: written otherwise, DK1 under Bản Cọ last, a blank, another hamlet's
    assert codes.written_under("Nà Mòn", ["nm2", "NM 1", 2.0]) is False
    assert codes.written_under("Đồng Kè", ["DK1"]) is False
    assert codes.written_under("Bản Cọ", [" "]) is False
    assert codes.written_under("Nà Mòn", ["DK1"]) is False
    assert codes.written_under("Khuổi Hẻo", ["NM1"]) is False
    # the keys (the full test): the first three of those are their hamlet's all the same
    monkeypatch.setattr(consolidate, "id_key", id_key)
    assert {"nm2", "nm1"} <= codes["Nà Mòn"] and codes["Đồng Kè"] == {"dk1"}
    assert codes["Bản Cọ"] == {"dk1"}


def _may(tmp_path, lists: dict[str, tuple[str, int, list[dict]]]):
    """April run; May: Bản Cọ's own list and ``lists`` (file -> 'Xóm', total, rows), run
    (tests.test_session51_swapped_hamlets.may_with_lists): May's JSON summary and errors."""
    _, out = may_with_lists(tmp_path, lists)
    return json_summary(out, "2024-05"), may_errors(out)


def test_a_list_holding_its_own_code_in_other_letters_is_no_swap(tmp_path):
    """'DS1.xlsx' 'Xóm' Đồng Kè lists Nà Mòn's NM1-NM5 and Đồng Kè's DK2 written 'dk2';
    'DS2.xlsx' 'Xóm' Nà Mòn lists DK1 alone. DS1's codes are Nà Mòn's (5 of 6: nearly all,
    more than half), DS2's Đồng Kè's: a swap were DS1 holding none of Đồng Kè's. The quick look
    finds none written as the start list writes it ('DK2'); the keys find dk2, Đồng Kè's: no
    swap, both counted as written: Đồng Kè poor 3 (NM1-NM3), near-poor 3 (NM4, NM5, DK2); Nà
    Mòn poor 1 (DK1); Bản Cọ 2 and 1; the commune poor 6, near-poor 4, complete."""
    dk2 = person("dk2", "near_poor")
    lists = {
        "DS1.xlsx": ("Đồng Kè", 150, na_mon_rows(dk2)),
        "DS2.xlsx": ("Nà Mòn", 100, [person("DK1", "poor")]),
    }
    may, errors = _may(tmp_path, lists)
    by = {h["hamlet"]: h for h in may["hamlets"]}
    assert [by[h]["status"] for h in ("Nà Mòn", "Bản Cọ", "Đồng Kè")] == ["ok", "ok", "ok"]
    assert [(by[h]["poor"], by[h]["near_poor"]) for h in ("Nà Mòn", "Bản Cọ", "Đồng Kè")] == [
        (1, 0),
        (2, 1),
        (3, 3),
    ]
    totals = may["totals"]
    assert (totals["poor"], totals["near_poor"], may["complete"]) == (6, 4, True)
    assert "hamlet-codes-of-file-name" not in errors


@pytest.mark.parametrize("dk2", ["DK2", "dk2"])
def test_the_swap_beside_it_is_refused_either_way(tmp_path, dk2):
    """Guard, the swap proper: DS1 'Xóm' Đồng Kè holding NM1-NM5 alone, DS2 'Xóm' Nà Mòn holding DK1 and DK2 (written 'DK2' or 'dk2'): neither list
    holds a code of its own hamlet's, so the keys decide, both refused; Bản Cọ alone counted
    (poor 2, near-poor 1), the commune not complete."""
    lists = {
        "DS1.xlsx": ("Đồng Kè", 150, na_mon_rows()),
        "DS2.xlsx": ("Nà Mòn", 100, [person("DK1", "poor"), person(dk2, "near_poor")]),
    }
    may, errors = _may(tmp_path, lists)
    by = {h["hamlet"]: h for h in may["hamlets"]}
    assert [by[h]["status"] for h in ("Nà Mòn", "Bản Cọ", "Đồng Kè")] == [
        "rejected",
        "ok",
        "rejected",
    ]
    totals = may["totals"]
    assert (totals["poor"], totals["near_poor"], may["complete"]) == (2, 1, False)
    assert len(errors["hamlet-codes-of-file-name"]) == 2
