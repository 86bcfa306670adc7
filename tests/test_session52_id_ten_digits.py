"""A CCCD of a province whose code is 00x typed into a Number cell as the Mã hộ (session 52,
helper F).

Hà Nội's 001088776655 typed into a Number cell is kept by Excel as 1088776655: two zeros lost,
10 digits. Told as the 11-digit case is ("Session 51: a CCCD typed into a Number cell as the
Mã hộ … is told too"), where the 12 digits are a CCCD's shape: a province's code in use (001,
004, 006, 008), a century digit 0-3, a birth year; never where a telephone number that lost
its 0 reads the same (a landline 02xx…, an old mobile 012x…).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor. Each list's
households start at row 5: Nà Mòn's sixth household at row 10.
"""

from __future__ import annotations

from tests.commune import person
from tests.id_cells import (
    ID_TAIL,
    check_na_mon,
    numbered,
    own_codes_told,
    phone_said,
    renumbered,
)
from tests.test_session38_oracle import na_mon_rows


def _two_lost(value: str, counted: bool = True) -> str:
    """The warning at a number cell of 10 digits, by hand."""
    return (
        f"'Mã hộ' ghi '{value}', là một dãy 10 chữ số như số CCCD bị mất hai số 0 ở đầu (ô kiểu "
        f"số không giữ số 0 ở đầu), {ID_TAIL}" + (" Hộ vẫn được tính." if counted else "")
    )


def test_a_ha_noi_cccd_typed_into_a_number_cell_is_told(tmp_path):
    """Nà Mòn's sixth household (row 10) under the number 1088776655: the head's CCCD
    001 0 88 776655 (Hà Nội, a man born in 1988) typed into a Number cell. Before, nothing was
    told (the reader noted only 11 digits). Now the warning at B10, vi and en."""
    found = check_na_mon(tmp_path, na_mon_rows(numbered(1088776655)))
    assert [(i.cell, i.value, i.variant, i.severity) for i in found] == [
        ("B10", "1088776655", "number-two", "warning")
    ]
    assert found[0].message("vi") == _two_lost("1088776655")
    assert found[0].message("en") == (
        "'Mã hộ' holds '1088776655', 10 digits like a CCCD ID number that lost its two leading "
        "0s (a number cell drops leading zeros), not the commune's household code. Household "
        "codes are posted publicly with the list, so an ID number is not used as one: write in "
        "this cell the household code from the commune's register (a new household without a "
        "code gets one from the commune officer); the head's ID number, if needed, goes under "
        "'Số định danh cá nhân'. The household still counts."
    )


def test_a_ten_digit_number_told_only_in_a_cccds_shape(tmp_path):
    """Rows 10-21, not told: 2083123456 (Thái Nguyên's landline 0208 3123456 that lost its 0;
    Hà Giang's 002 shape too), 2193123456 (Hà Giang's landline 0219…), 1201234567 (an old
    mobile 0120 1234567), 1681234567 (0168…), 1288776655 (Hà Nội born 20x: as an 0128… mobile),
    8288776655 (born 2088), 3088776655, 5088776655, 7088776655, 9088776655 (no province
    003, 005, 007, 009), 1111111111 (a placeholder), the TEXT '1088776655'. Told, at their
    cells (rows 22-24): 1188776655 (Hà Nội, a woman born 1988), 4302123456 (Cao Bằng, a woman
    born 2002), 6088776655 (Bắc Kạn); and 8102123456 (Tuyên Quang, a woman born 1902) written
    twice (rows 25, 26: duplicate-household-id, left out) without 'Hộ vẫn được tính'."""
    quiet = [2083123456, 2193123456, 1201234567, 1681234567, 1288776655, 8288776655,
             3088776655, 5088776655, 7088776655, 9088776655, 1111111111]  # fmt: skip
    told = [1188776655, 4302123456, 6088776655]
    rows = na_mon_rows(*[numbered(code) for code in quiet], person("1088776655", "poor"),
                   *[numbered(code) for code in told], numbered(8102123456),
                   numbered(8102123456))  # fmt: skip
    found = check_na_mon(tmp_path, rows)
    assert [(i.cell, i.message("vi")) for i in found] == [
        ("B22", _two_lost("1188776655")),
        ("B23", _two_lost("4302123456")),
        ("B24", _two_lost("6088776655")),
        ("B25", _two_lost("8102123456", counted=False)),
        ("B26", _two_lost("8102123456", counted=False)),
    ]


def test_the_communes_own_ten_digit_codes_are_not_told(tmp_path):
    """Guards: a start list numbering every household with 10 digits ('1008101001'…, a
    commune's code 10081, hamlet 01, household 001: the commune's scheme): a new household's
    1008101099 typed as a number is not told; nor the start list's own code: NM1 written
    '001088776655' on the start list and typed as the number 1088776655 on the list. Another
    household's number 1088776699 is (B10)."""
    told = own_codes_told(tmp_path, lambda n: f"1008101{n:03d}", 1008101099, "001088776655",
                          1088776655, 1088776699)  # fmt: skip
    assert told == [("B10", _two_lost("1088776699"))]


def test_a_mobile_number_that_lost_its_0_is_not_told_as_an_old_cmnd(tmp_path):
    """Session 52 review (helper RF). A Viettel mobile 0345 678 901 typed into a Number cell as
    the Mã hộ is kept as 345678901: 9 digits from 3, the old CMND's shape (province 30-38), so
    it was told as an ID number. Today's mobiles begin 032-039 (and 05, 07, 08, 09): a Number
    cell of 9 digits from 32-39 is a mobile that lost its 0, not told (rows 10, 11: 345678901,
    398765432). Still told, at their cells: the Number cells 301234567 (030 and 031 begin no
    mobile) and 125678901 (a CMND from 12), and the TEXT '345612789' (written so, no 0 lost).
    Since F2 (the same session's review) rows 10, 11 are told as the phone numbers they are
    (variant 'phone')."""
    rows = na_mon_rows(numbered(345678901), numbered(398765432), numbered(301234567),
                   numbered(125678901), person("345612789", "poor"))  # fmt: skip
    found = check_na_mon(tmp_path, rows)
    assert [(i.cell, i.value, i.variant) for i in found] == [
        ("B10", "345678901", "phone"),
        ("B11", "398765432", "phone"),
        ("B12", "301234567", ""),
        ("B13", "125678901", ""),
        ("B14", "345612789", ""),
    ]


def test_a_mobile_number_with_the_country_code_is_not_told_as_a_cccd(tmp_path):
    """Session 52 review (helper RF). '+84 912 345 678' typed into a cell is kept by Excel as
    the number 84912345678: 11 digits from 84, which the 11-digit rule (session 51) told as a
    CCCD of Trà Vinh (084) that lost its 0. A mobile after +84 begins 3, 5, 7, 8 or 9: rows 10,
    11 (84912345678, 84345678901) not told. Still told at B12, B13: 84088776655 (Trà Vinh's
    CCCD 084088776655, a man born 1988: 84 then the century digit 0) and 84301234567 (084301…,
    a woman born 2001: 030 begins no mobile). Since F2 rows 10, 11 are told as phone numbers."""
    rows = na_mon_rows(numbered(84912345678), numbered(84345678901), numbered(84088776655),
                   numbered(84301234567))  # fmt: skip
    found = check_na_mon(tmp_path, rows)
    assert [(i.cell, i.value, i.variant) for i in found] == [
        ("B10", "84912345678", "phone"),
        ("B11", "84345678901", "phone"),
        ("B12", "84088776655", "number"),
        ("B13", "84301234567", "number"),
    ]


def test_an_eleven_digit_number_told_only_with_a_cccds_century_digit(tmp_path):
    """Session 52 review of F's work (F2). The 11-digit rule (session 51: a CCCD that lost its
    0) looked at the province's code alone, so 19488776655 (019 then 4: born in the 2100s, no
    CCCD) was told. Now the century and sex digit 0-3 and, for 2-3, a year to 2029 are wanted
    as for 10 digits: rows 10-12 (19488776655, 19988776655, 19288776655: born 2088) not told.
    Still told at B13, B14: 19088776655 (Thái Nguyên, a man born 1988) and 19301234567 (a
    woman born 2001)."""
    rows = na_mon_rows(numbered(19488776655), numbered(19988776655), numbered(19288776655),
                   numbered(19088776655), numbered(19301234567))  # fmt: skip
    found = check_na_mon(tmp_path, rows)
    assert [(i.cell, i.value, i.variant) for i in found] == [
        ("B13", "19088776655", "number"),
        ("B14", "19301234567", "number"),
    ]


def test_a_phone_number_as_the_code_is_told(tmp_path):
    """Session 52 review of F's work (F2). A telephone number written as the Mã hộ was counted
    under it and said nowhere ('+84 912 345 678' even posted as written: the public list masks
    9-12 digits in a row). Now told, variant 'phone', the household counted: rows 10-12 the
    texts '0912345678', '+84 912 345 678' and '02083851234' (Thái Nguyên's landline 0208
    3851234). Not told: '0123456789' (01 begins no phone of today), the number
    cell 2193123456 (a landline that lost its 0 is Hà Giang's CCCD shape: never told), 'NM12'.
    A phone number written twice (rows 16, 17: duplicate-household-id, left out) is told
    without 'Hộ vẫn được tính'. And past five rows, once at the first naming the rows
    ('phone-rows'); a start list using phone numbers as its codes is not told."""
    texts = ["0912345678", "+84 912 345 678", "02083851234"]
    rows = na_mon_rows(*[person(code, "poor") for code in texts], person("0123456789", "poor"),
                   numbered(2193123456), person("NM12", "poor"), person("0987654321", "poor"),
                   person("0987654321", "poor"))  # fmt: skip
    found = check_na_mon(tmp_path, rows)
    assert [(i.cell, i.message("vi")) for i in found] == [
        ("B10", phone_said("0912345678")),
        ("B11", phone_said("+84 912 345 678")),
        ("B12", phone_said("02083851234")),
        ("B16", phone_said("0987654321", counted=False)),
        ("B17", phone_said("0987654321", counted=False)),
    ]
    assert found[0].message("en") == (
        "'Mã hộ' holds '0912345678', a phone number, not the commune's household code. "
        "Household codes are posted publicly with the list, so a phone number is not used as "
        "one: write in this cell the household code from the commune's register (a new "
        "household without a code gets one from the commune officer); a phone number, if "
        "needed, goes under 'Ghi chú'. The household still counts."
    )
    many = [person(f"09123456{n:02d}", "poor") for n in range(6)]
    found = check_na_mon(tmp_path / "many", na_mon_rows(*many))
    assert [(i.cell, i.variant, i.value) for i in found] == [("B10", "phone-rows", "0912345600")]
    phones, lists = renumbered(lambda n: f"09{n:08d}")
    assert check_na_mon(tmp_path / "start", [*lists, person("0912345699", "poor")], phones) == []
