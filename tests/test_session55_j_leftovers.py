"""Session 55 (J): the privacy and file-month leftovers session 55's review (R1) found.

1. A number right after an ID's label ('CMND 212345678 đồng vay': a co-borrower, 'SĐT
   912345678 đồng ký') was read as an amount ('đồng' its currency) and posted whole: the label
   settles it (`text._id_labelled`); amounts after 'Vay', 'Thu nhập' are kept.
2. 'NM1 0912345678' was posted 'NM********5678': the code's digit read into a spaced number
   (`text._glued_apart`); now 'NM1 ********5678'.
3. A Mã hộ of a code and a phone ('NM1/0912345678', '0912345678;NM2', 'NM1 0912345678'), a
   phone and a trailing mark ('0912345678;'), or two numbers joined by a dash, 'và', '|' or a
   line break was masked on NiemYet but the head told nothing (`rosterchecks._joined_told`).
4. A photo in a folder naming a month without its year: J made it the nearest year's; the
   merge kept review R6's rule instead (`consolidate.month_of_file`: a later month is last
   year's unless the input's lists are of that month of this year), as the nearest year would
   read January's folder 'T1/' at December's run as next January. The test pins that rule.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; a list's sixth
household at row 10."""

from __future__ import annotations

import pytest

from pipeline.run import collect
from pipeline.text import mask_ids_in
from tests.commune import clean_rosters, person, write_plan
from tests.id_cells import check_na_mon, na_mon_posted, phone_said
from tests.test_session38_oracle import na_mon_rows
from tests.test_session54_told_as_masked import id_number_said
from tests.test_session55_d_privacy import errors_at, feedback_of, na_mon_poor_rows

# --- 1. an ID after its label -----------------------------------------------------------------

# (as written, as posted), by hand: each number 8 stars and its last 4 digits (the last, a
# CCCD from 0, never an amount: masked before too)
LABELLED = [
    ("CMND 212345678 đồng vay", "CMND ********5678 đồng vay"),
    ("cmnd: 212.345.678 đồng bảo lãnh", "cmnd: ********5678 đồng bảo lãnh"),
    ("CMT số 212 345 678 đồng ký", "CMT số ********5678 đồng ký"),
    ("SĐT 912345678 đồng ký", "SĐT ********5678 đồng ký"),
    ("sdt:912345678 đồng", "sdt:********5678 đồng"),
    ("ĐT số: 212345678 đồng thừa kế", "ĐT số: ********5678 đồng thừa kế"),
    ("Số định danh 212345678 đồng chủ hộ", "Số định danh ********5678 đồng chủ hộ"),
    ("so dinh danh 212345678 đồng", "so dinh danh ********5678 đồng"),
    ("CCCD 001204012345 đồng chủ hộ", "CCCD ********2345 đồng chủ hộ"),
]
# Kept: an amount after another word than an ID's label ('Vay', 'Thu nhập', 'BHYT'), or a
# label not right before it
AMOUNTS = [
    "Vay 212.345.678 đồng",
    "Thu nhập 212345678 đồng",
    "Vay 212345678 đồng vay",
    "BHYT 212345678 đồng",
    "CMND cũ, vay 212.345.678 đồng",
    "Vay 1 500 000 000",
]


@pytest.mark.parametrize(("written", "posted"), LABELLED)
def test_a_number_after_an_ids_label_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("written", AMOUNTS)
def test_an_amount_after_another_word_is_kept(written):
    assert mask_ids_in(written) == written


def test_a_run_posts_a_labelled_id_before_dong_vay_masked(tmp_path):
    """May: Nà Mòn's NM1 headed 'Lò Văn A CMND 212345678 đồng vay', NM2 'Lò Văn B SĐT
    912345678 đồng ký' (a phone whose 0 was lost). Before: both posted whole (read as 212,345,678
    and 912,345,678 đồng). Now, by hand: 'Lò Văn A CMND ********5678 đồng vay', 'Lò Văn B SĐT
    ********5678 đồng ký'; neither number in NiemYet's XML nor the JSON; nothing told (a
    number in a head's name is the head's to write), Nà Mòn 3 poor, 2 near-poor."""
    nm = na_mon_rows()
    nm[0] = {**nm[0], "chu_ho": "Lò Văn A CMND 212345678 đồng vay"}
    nm[1] = {**nm[1], "chu_ho": "Lò Văn B SĐT 912345678 đồng ký"}
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[:2] == [
        ("NM1", "Lò Văn A CMND ********5678 đồng vay"),
        ("NM2", "Lò Văn B SĐT ********5678 đồng ký"),
    ]
    for secret in ("212345678", "912345678"):
        assert secret not in text, secret
    assert errors_at(tmp_path, "DS_0_2024-05.xlsx") == []
    assert feedback_of(tmp_path) == []
    assert na_mon_poor_rows(tmp_path) == (3, 2)


# --- 2. a code's digit glued to its letters -----------------------------------------------------

GLUED = [
    ("NM1 0912345678", "NM1 ********5678"),
    ("NM1 0912 345 678", "NM1 ********5678"),
    ("Hộ1 212345678", "Hộ1 ********5678"),
    ("NM12 345 678 901", "NM12 ********8901"),
    # guards: a number glued to a label, what follows no number alone; a number not glued
    ("ĐT0912 345 678", "ĐT********5678"),
    ("1970 0912 345 678", "1970 ********5678"),
]


@pytest.mark.parametrize(("written", "posted"), GLUED)
def test_a_digit_glued_to_letters_is_no_part_of_a_spaced_number(written, posted):
    assert mask_ids_in(written) == posted


def test_a_run_posts_a_code_and_a_phone_apart_and_tells_the_head(tmp_path):
    """May: Nà Mòn lists NM1-NM5 and a new poor household 'Lò Văn Tám' under 'NM6 0912345678'
    (row 10). Before: NiemYet posted 'NM********5678' (the code's 6 masked with the phone)
    and nothing was told. Now, by hand: 'NM6 ********5678'; 'Lỗi dữ liệu' and Nà Mòn's
    feedback say at B10 that the Mã hộ is a telephone number, quoting the cell; the phone in
    neither NiemYet's XML nor the JSON; Nà Mòn 4 poor, 2 near-poor."""
    code = "NM6 0912345678"
    rows, text = na_mon_posted(tmp_path, na_mon_rows(person(code, "poor", chu_ho="Lò Văn Tám")))
    assert rows[3] == ("NM6 ********5678", "Lò Văn Tám", "Tày")
    assert "0912345678" not in text
    assert errors_at(tmp_path, "DS_0_2024-05.xlsx") == [("B10", phone_said(code))]
    assert feedback_of(tmp_path) == [("B10", "Cảnh báo", phone_said(code))]
    assert na_mon_poor_rows(tmp_path) == (4, 2)


# --- 3. a code and a number, a trailing mark, numbers joined otherwise --------------------------


# Two lists' new households (rows 10 on; five warnings at most each, past them said once), and
# what is told at each, by hand: the first number's warning, the cell as read (a line break
# a space); the guards (masked none) told none
JOINED = [
    [("NM1/0912345678", "phone"), ("0912345678;NM2", "phone"), ("0912345678;", "phone"),
     ("0912345678-0987654321", "phone"), ("NM6;NM7", None), ("12/03/2024", None)],
    [("212345678 và 0912345678", 9), ("0912345678|0987654321", "phone"),
     ("0912345678\n0987654321", "phone"), ("TL-01/02", None), ("01-02", None)],
]  # fmt: skip


@pytest.mark.parametrize("codes", JOINED)
def test_a_code_beside_a_number_or_numbers_joined_otherwise_are_told(tmp_path, codes):
    """`check` of Nà Mòn's May list: NM1-NM5, then new households under ``codes`` (row 10 on):
    a code and a phone joined by '/' or ';', a phone and a trailing ';', two numbers joined by
    a dash, 'và', '|' or a line break. Before: none told (masked on NiemYet); now each as its
    first number is, the cell quoted as read. Guards 'NM6;NM7', '12/03/2024', 'TL-01/02',
    '01-02': masked none, told none."""
    found = check_na_mon(tmp_path, na_mon_rows(*(person(code, "poor") for code, _ in codes)))
    said = [
        (f"B{10 + at}", "warning",
         phone_said(code.replace("\n", " ")) if told == "phone" else id_number_said(code, told))
        for at, (code, told) in enumerate(codes)
        if told is not None
    ]  # fmt: skip
    assert [(i.cell, i.severity, i.message("vi")) for i in found] == said


def test_a_run_posts_and_tells_a_code_and_a_phone_joined_by_a_slash(tmp_path):
    """May: Nà Mòn lists NM1-NM5, then new poor households under 'NM6/0912345678' (row 10,
    'Lò Văn Tám') and '0987654321;' (row 11, 'Lò Văn Chín'). Before: posted masked but the
    head told nothing. Now, by hand: NiemYet posts 'NM6/********5678' and '********4321;';
    'Lỗi dữ liệu' and the feedback say the phone warning at B10 and B11, the cells as
    written; Nà Mòn 5 poor, 2 near-poor."""
    slash, trailing = "NM6/0912345678", "0987654321;"
    nm = na_mon_rows(person(slash, "poor", chu_ho="Lò Văn Tám"),
                     person(trailing, "poor", chu_ho="Lò Văn Chín"))  # fmt: skip
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert ("NM6/********5678", "Lò Văn Tám") in rows
    assert ("********4321;", "Lò Văn Chín") in rows
    for secret in ("0912345678", "0987654321"):
        assert secret not in text, secret
    said = [("B10", phone_said(slash)), ("B11", phone_said(trailing))]
    assert errors_at(tmp_path, "DS_0_2024-05.xlsx") == said
    assert feedback_of(tmp_path) == [(cell, "Cảnh báo", words) for cell, words in said]
    assert na_mon_poor_rows(tmp_path) == (5, 2)


# --- 4. a later month without its year ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "month"),
    [("T6/DongKe.jpg", "2023-06"), ("Đồng Kè tháng 6.jpg", "2023-06"),
     ("T12/DongKe.pdf", "2023-12"), ("T11/DongKe.jpg", "2023-11"),
     ("Đồng Kè tháng 4.jpg", "2024-04"), ("T1/DongKe.jpg", "2024-01")],
)  # fmt: skip
def test_a_month_without_its_year_is_of_this_year_before_the_run_else_last_years(
    tmp_path, name, month
):
    """May 2024's run (tests.commune.clean_rosters: Đồng Kè sends no list) with a photo of Đồng
    Kè's in a folder or named for a month without its year, no list of that month of 2024 in
    the input: a month after May is last year's (June, December, November 2023: last year's
    folder kept), one before this year's (April, January 2024). 'Khác kỳ', Đồng Kè 'missing',
    nothing said. (A later month whose lists of 2024 are in the input is 2024's: R6's test.)"""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    document = tmp_path / name
    document.parent.mkdir(exist_ok=True)
    document.write_bytes(b"\xff\xd8\xff\xe0 not a list")
    result, _ = collect(tmp_path, None)
    assert result.period == "2024-05"
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Đồng Kè")
    sub = next(s for s in result.submissions if s.file == name)
    assert (hamlet["status"], sub.status, sub.extra.get("name_period")) == (
        "missing",
        "other_period",
        month,
    )
    assert [i.code for i in result.issues if i.file == name] == []
