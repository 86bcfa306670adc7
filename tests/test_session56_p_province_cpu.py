"""Session 56 (P): two of session 56's per-file or per-row costs skipped where they cannot apply
(issue #6; docs/decisions.md, 'the province's CPU after session 56's changes').

`rosterchecks.start_codes_masked` compared each start-list row's code with what the posted list
shows even where `ids_posted`'s first look found no person's number in any (150,000 rows at a
province, none masked); `hamlets.roman_read_as_number` folded the plan hamlet's name for every
list's title before looking for a 'tổ'/'khu' word it could apply to. The answers are the same."""

from __future__ import annotations

import pandas as pd

from pipeline import hamlets, rosterchecks


class _Codes(list):
    """A start list's Mã hộ column that a pass over (`iter`) fails once ``done`` is set."""

    done = False

    def __iter__(self):
        assert not self.done, "a pass over the rows after ids_posted's look"
        return super().__iter__()


class _Column:
    def __init__(self, codes: list) -> None:
        self.codes = codes

    def tolist(self) -> list:
        return self.codes


class _Start:
    """A stand-in for the plan's start list: its 'ma_ho' column only."""

    columns = ("ma_ho",)

    def __init__(self, codes: list) -> None:
        self.codes = codes

    def __getitem__(self, key: str) -> _Column:
        assert key == "ma_ho"
        return _Column(self.codes)


def test_start_list_without_a_persons_number_is_not_compared_row_by_row(monkeypatch):
    """Three codes 'NM1', None and 'BC2': no person's number, so none masked ([]), and no pass
    over the rows after ids_posted's look at them all (before: a zip over every row)."""
    looked = rosterchecks.ids_posted

    def posted(values, start_list=None):
        shown = looked(values, start_list)
        values.done = True
        return shown

    monkeypatch.setattr(rosterchecks, "ids_posted", posted)
    codes = _Codes(["NM1", None, "BC2"])
    assert rosterchecks.start_codes_masked(_Start(codes)) == []
    assert codes.done


def test_start_list_with_a_phone_still_names_its_row():
    """The same rule where a code is a telephone number: 'NM1', the phone '0912345678' at
    position 1, 'BC2' (no numbering: one code of each shape): position 1 masked, as before."""
    start = pd.DataFrame({"ma_ho": ["NM1", "0912345678", "BC2"], "hamlet": ["Nà Mòn"] * 3})
    assert rosterchecks.start_codes_masked(start) == [1]


def test_title_without_a_unit_word_does_not_read_the_plan_name(monkeypatch):
    """'DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ' holds no 'tổ' or 'khu': False without folding the plan's
    'Bản Cọ 2' (before: folded once for each title)."""
    folded: list[object] = []
    fold = hamlets.fold

    def counted(text):
        folded.append(text)
        return fold(text)

    monkeypatch.setattr(hamlets, "fold", counted)
    assert hamlets.roman_read_as_number("DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ", "Bản Cọ 2") is False
    assert folded == []


def test_tuned_rule_still_tells_a_name_from_a_roman_number():
    """The answers by hand: 'tổ Vi' (a name, a capital then small letters) is no 6 for the plan's
    'Tổ 6'; 'TỔ VI' in capitals is; 'Khu Vi' is no 6 for 'Khu 6', 'Khu Iv' is 4 for 'Khu 4'
    (session 58: 'Iv' is no syllable; was no 4); 'tổ Vi' for the plan's own
    'Tổ Vi' is its name; 'tổ 6' is a digit, no Roman word."""
    assert hamlets.roman_read_as_number("Danh sách tổ Vi", "Tổ 6") is True
    assert hamlets.roman_read_as_number("DANH SÁCH TỔ VI", "Tổ 6") is False
    assert hamlets.roman_read_as_number("Khu Vi", "Khu 6") is True
    assert hamlets.roman_read_as_number("Khu Iv", "Khu 4") is False
    assert hamlets.roman_read_as_number("Danh sách tổ Vi", "Tổ Vi") is False
    assert hamlets.roman_read_as_number("Danh sách tổ 6", "Tổ 6") is False
