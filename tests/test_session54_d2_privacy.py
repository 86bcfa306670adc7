"""Privacy follow-ups of session 54 (helper D2): two numbers joined by a bare comma are each
masked on the posted list; 'Đ.C' and 'đ/chỉ' (địa chỉ) after a number are no currency; a
start-list code written in full-width digits is the household the list writes in ASCII (and
the reverse), posted as the commune's own code.

Before: '0912345678,0987654321' was posted whole (',0' read as a decimal part); 'CMND
212.345.678 Đ.C: Xóm 3' was posted whole ('đ' read as the currency before '.C'); and
``figures.id_key`` and ``public_list._numbering`` read a code as written, so a start list's
'０１' and a list's '01' were two households (paired by the head's name alone, with a warning
that the code changed; not at all once the head changed) and a start list's
'１６７．０１２．００１' left its household's '167.012.001' masked on NiemYet.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor. Each head is 'Hoàng Văn <code>', born 1970."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.template import write_plan_workbook
from pipeline.text import mask_ids_in, may_hold_id
from tests.april_may import BAN_CO
from tests.commune import (
    PLAN_INFO,
    new_commune,
    person,
    plan_hamlets,
    start_list,
    write_roster,
)
from tests.id_cells import na_mon_posted, nm1_coded, renumbered
from tests.test_session38_oracle import na_mon_rows, run_lists

# (as written, as posted), by hand: each number 8 stars and its last 4 digits
MASKED = [
    ("0912345678,0987654321", "********5678,********4321"),
    ("SĐT 0912345678,0987654321,0913456789", "SĐT ********5678,********4321,********6789"),
    ("CCCD 001204012345,001204067890", "CCCD ********2345,********7890"),
    ("CMND 212.345.678 Đ.C: Xóm 3", "CMND ********5678 Đ.C: Xóm 3"),
    ("CMND 212.345.678 đ.c Xóm 3", "CMND ********5678 đ.c Xóm 3"),
    ("CMND 212.345.678 đ/chỉ Xóm 3", "CMND ********5678 đ/chỉ Xóm 3"),
]
# Kept as written: amounts with a decimal comma or commas grouping by threes, money by 'đ'
KEPT = [
    "1,5 triệu",
    "1.200,5",
    "2,000,000 đồng",
    "1.500.000,50",
    "1.500.000,123",
    # ('0912345678,5' masked since session 57, C2: a phone before ',' and a digit is read as
    # before a space, tests/test_session57_c2_privacy.py)
    "212.345.678 đ",
    "212.345.678 đ.",
    "212.345.678 đ/tháng",
    "212.345.678đ/con",
    "200.000.000 đồng",
]


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_numbers_joined_by_a_comma_or_before_an_address_are_masked(written, posted):
    assert mask_ids_in(written) == posted
    assert may_hold_id(written)


@pytest.mark.parametrize("written", KEPT)
def test_a_decimal_comma_and_money_by_its_currency_are_kept(written):
    assert mask_ids_in(written) == written


def test_a_cmnd_before_dc_is_masked():
    """'đc' (địa chỉ) after a CMND: a letter after 'đ', never read as the currency (a guard:
    so before too)."""
    assert mask_ids_in("CMND 212.345.678 đc Xóm 3") == "CMND ********5678 đc Xóm 3"


def test_a_run_posts_the_numbers_joined_by_a_comma_and_before_an_address_masked(tmp_path):
    """May: Nà Mòn lists NM1-NM5 and two new poor households headed 'Lò Văn Tám
    0912345678,0987654321' and 'Lò Văn Chín CMND 212.345.678 Đ.C: Xóm 3'. Before, NiemYet
    posted both names whole; now, by hand, 'Lò Văn Tám ********5678,********4321' and 'Lò Văn
    Chín CMND ********5678 Đ.C: Xóm 3'; no number in NiemYet's XML nor the JSON."""
    nm = na_mon_rows(
        person("NM6", "poor", chu_ho="Lò Văn Tám 0912345678,0987654321"),
        person("NM7", "poor", chu_ho="Lò Văn Chín CMND 212.345.678 Đ.C: Xóm 3"),
    )
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[3:5] == [
        ("NM6", "Lò Văn Tám ********5678,********4321"),
        ("NM7", "Lò Văn Chín CMND ********5678 Đ.C: Xóm 3"),
    ]
    for secret in ("0912345678", "0987654321", "212.345.678"):
        assert secret not in text, secret


def may_with_start_list(
    tmp_path, start: list[dict], na_mon: list[dict], ban_co: list[dict] = BAN_CO
):
    """May run of the small commune with the plan's start list ``start`` and these lists:
    (Nà Mòn's poor movements in the JSON, NiemYet's Nà Mòn rows (code, head), the warnings of
    'Lỗi dữ liệu' at Nà Mòn's list (cell, code))."""
    folder, out = new_commune(tmp_path)
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), start)
    hamlets = run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon, "Bản Cọ": ban_co})
    book = openpyxl.load_workbook(out / "2024-05" / "NiemYet_2024-05.xlsx", read_only=True)
    posted = [r[1:3] for r in book["Nà Mòn"].iter_rows(values_only=True)
              if len(r) > 2 and isinstance(r[0], int)]  # fmt: skip
    book.close()
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    said = [(r[4], r[9]) for r in book["Lỗi dữ liệu"].iter_rows(values_only=True)
            if r[2] == "DS_0_2024-05.xlsx"]  # fmt: skip
    book.close()
    moves = hamlets["Nà Mòn"]["movements"]["poor"]
    return {k: moves[k] for k in ("start", "exited", "new", "end")}, posted, said


# Nà Mòn's poor households all kept (3 at the start, none gone, none new, 3 at the end)
KEPT_POOR = {"start": 3, "exited": 0, "new": 0, "end": 3}


@pytest.mark.parametrize(("start_code", "listed"), [("０１", "01"), ("01", "０１")])
def test_a_fullwidth_code_is_the_household_its_ascii_form_is(tmp_path, start_code, listed):
    """The start list writes NM1's code ``start_code``; Nà Mòn's May list writes it
    ``listed``, its head now 'Lò Thị Mai' (the wife heads the household). Before, the two
    were two households: NM1 exited and a new poor household (exited 1, new 1). Now one:
    Nà Mòn's poor 3 at the start, none exited, none new, 3 at the end. The list's ASCII '01'
    for the start list's '０１': nothing said, posted as written. Since D3 of session 54, the
    list's '０１' for the start list's '01' is told at B5 and posted '01', as a code written
    apart by spaces or case is (tests/test_session54_d3_privacy.py)."""
    nm = [person(listed, "poor", chu_ho="Lò Thị Mai"), *na_mon_rows()[1:]]
    moves, posted, said = may_with_start_list(tmp_path, nm1_coded(start_code), nm)
    assert moves == KEPT_POOR
    assert posted[0] == ("01", "Lò Thị Mai")
    assert said == ([] if listed == "01" else [("B5", "code-spelled-differently")])


def test_a_fullwidth_code_of_the_same_head_is_no_code_change(tmp_path):
    """The start list writes NM1's code '０１', Nà Mòn's list '01' under the same head: paired
    before by the head's name and birth year with a warning at B5 that the code changed
    ('code-changed'); now the same code: nothing said, Nà Mòn's poor kept."""
    nm = [person("01", "poor", chu_ho="Hoàng Văn NM1"), *na_mon_rows()[1:]]
    moves, _, said = may_with_start_list(tmp_path, nm1_coded("０１"), nm)
    assert moves == KEPT_POOR
    assert said == []


def _dotted(n: int) -> str:
    """The commune's own code of its n-th household, grouped 3.3.3 from 1 as an old CMND is."""
    return f"167.012.{n:03d}"


FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@pytest.mark.parametrize("fullwidth_in", ["start", "list"])
def test_the_communes_dotted_code_in_fullwidth_digits_is_posted_as_its_own(tmp_path, fullwidth_in):
    """The start list numbers every household '167.012.001' on (Nà Mòn 001-005, Bản Cọ
    006-008); NM1's code written in full-width digits ('１６７．０１２．００１') on the start list
    (``fullwidth_in`` 'start') or on Nà Mòn's May list ('list'). Before, NiemYet masked NM1's
    code ('********2001', a CMND's shape not the commune's own) and NM1 was two households.
    Now, by hand: NM1 posted under the start list's ASCII code, NM2-NM5 as written; Nà Mòn's
    poor kept (3, none exited, none new, 3). The list's full-width code for the start list's
    ASCII one is told at B5 (since D3 of session 54, as a code apart by spaces or case is);
    the start list's full-width code for the list's ASCII one is not (no head is told to type
    full-width digits)."""
    start, na_mon = renumbered(_dotted)
    wide = _dotted(1).translate(FULL_WIDTH)
    assert wide == "１６７．０１２．００１"
    if fullwidth_in == "start":
        start[0] = {**start[0], "ma_ho": wide}
    else:
        na_mon[0] = {**na_mon[0], "ma_ho": wide}
    ban_co = [{k: v for k, v in row.items() if k not in ("hamlet", "stt")}
              for row in start if row["hamlet"] == "Bản Cọ"]  # fmt: skip
    moves, posted, said = may_with_start_list(tmp_path, start, na_mon, ban_co)
    nm1 = "167.012.001"
    assert posted == [
        (nm1, "Hoàng Văn NM1"),
        ("167.012.002", "Hoàng Văn NM2"),
        ("167.012.003", "Hoàng Văn NM3"),
        ("167.012.004", "Hoàng Văn NM4"),
        ("167.012.005", "Hoàng Văn NM5"),
    ]
    assert moves == KEPT_POOR
    assert said == ([("B5", "code-spelled-differently")] if fullwidth_in == "list" else [])


def test_one_code_written_in_ascii_and_in_fullwidth_digits_on_one_list_is_used_twice(tmp_path):
    """Nà Mòn's list writes NM1-NM5, then '01' (B10) and '０１' (B11) for two heads: one code
    written twice, each row told it is used at the other ('duplicate-household-id', errors at
    B10 and B11). Before, two codes (nothing said); with ``id_key`` alone reading '０１' as
    '01' and ``rosterchecks.id_keys`` not, the run broke on its movement identity."""
    from pipeline.checkfiles import check_files

    folder = tmp_path / "vao"
    folder.mkdir()
    plan = folder / "KeHoach_2024.xlsx"
    write_plan_workbook(plan, PLAN_INFO, plan_hamlets(), start_list())
    rows = na_mon_rows(person("01", "poor"), person("０１", "poor", chu_ho="Lò Văn Sáu"))
    roster = write_roster(folder, "NaMon_2024-05.xlsx", "Nà Mòn", 100, rows)
    found = [(i.cell, i.severity, i.value) for i in check_files([plan, roster])
             if i.code == "duplicate-household-id"]  # fmt: skip
    assert found == [("B10", "error", "01"), ("B11", "error", "０１")]


def test_a_store_keyed_by_a_fullwidth_code_keeps_its_households_history(tmp_path):
    """April run with the start list and Nà Mòn's list writing NM1's code '０１'; the store then
    keyed as a run before this session kept it ('id|０１', where the key is 'id|1' now). May:
    Nà Mòn lists '０１' again, its head now 'Lò Thị Mai'. Read back as 'id|1'
    (``figures.stored_key``): since April, Nà Mòn's poor 3, none exited, none new, 3 (before,
    the stored key matched no household: exited 1, new 1)."""
    import sqlite3

    from pipeline.history import HISTORY_FILE

    folder, out = new_commune(tmp_path)
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), nm1_coded("０１"))
    april = [person("０１", "poor", chu_ho="Hoàng Văn NM1"), *na_mon_rows()[1:]]
    run_lists(folder, out, "2024-04", {"Nà Mòn": april, "Bản Cọ": BAN_CO})
    with sqlite3.connect(out / HISTORY_FILE) as db:
        assert db.execute("UPDATE households SET hh_key = 'id|０１' WHERE hh_key = 'id|1'").rowcount
    db.close()
    may = [person("０１", "poor", chu_ho="Lò Thị Mai"), *na_mon_rows()[1:]]
    hamlets = run_lists(folder, out, "2024-05", {"Nà Mòn": may, "Bản Cọ": BAN_CO})
    poor = hamlets["Nà Mòn"]["movements_month"]["poor"]
    assert {k: poor[k] for k in ("start", "exited", "new", "end")} == KEPT_POOR
