"""Session 54 (helper C): the small commune's fixture rows (tests.commune.person) give each head
his own CCCD, also where a Mã hộ changes hands."""

from __future__ import annotations

import zlib

from tests.commune import person


def test_a_code_passed_on_to_another_head_gives_him_another_cccd():
    """NM1 is Hoàng Văn NM1's household; a later list writes NM1 for Lò Thị Mai (the code passed
    on, as session 48's reused codes do). Before, person() made the CCCD of the Mã hộ alone, so
    both heads had one number, and a test of a code changing hands had two people sharing an ID.
    Now Lò Thị Mai's is made of 'NM1|Lò Thị Mai': another number, 12 digits, '0' first and
    '1234' last as every fixture CCCD (the tests mask it so). A row that does not name another
    head, or names the default head, keeps the number it always had: '0', the CRC-32 of 'NM1'
    modulo 10^7 in 7 digits, '1234'; the same head twice, the same number."""
    before = f"0{zlib.crc32(b'NM1') % 10**7:07d}1234"
    assert person("NM1", "poor")["so_dinh_danh"] == before
    assert person("NM1", "near_poor", chu_ho="Hoàng Văn NM1")["so_dinh_danh"] == before
    mai = person("NM1", "poor", chu_ho="Lò Thị Mai")["so_dinh_danh"]
    assert mai != before
    assert mai == f"0{zlib.crc32('NM1|Lò Thị Mai'.encode()) % 10**7:07d}1234"
    assert (len(mai), mai[0], mai[-4:]) == (12, "0", "1234")
    assert person("NM1", "exited", chu_ho="Lò Thị Mai")["so_dinh_danh"] == mai
    assert person("NM2", "poor", chu_ho="Lò Thị Mai")["so_dinh_danh"] != mai
    given = person("NM1", "poor", chu_ho="Lò Thị Mai", so_dinh_danh="001234561234")
    assert given["so_dinh_danh"] == "001234561234"  # a number given is kept
