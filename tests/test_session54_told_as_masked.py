"""A Mã hộ the posted list masks as an ID or telephone number in look-alike digits or marks is
told to the head; a full-width country or area code and a bullet read as a phone's (session 54).

Session 53 (R5) masked on NiemYet a number written in full-width or another script's digits,
or grouped by an en dash or a middle dot (``text.ascii_number_text``), but the warning to the
head read ASCII alone (``rosterchecks._ID_AS_CODE``, ``_PHONE_WRITTEN``, ``text.masked_whole``):
such a Mã hộ was masked but not told. A full-width '＋８４' or '（０２４）' was not read as a
country or area code, and a bullet '•' or '∙' was no separator: a phone written so was posted
whole. Now the warning reads the code as the masking does, '＋' '（' '）' are read as ASCII and
the bullets as the middle dot (a dash); an amount followed by its currency is kept whatever
mark groups it.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor. Each head is 'Hoàng Văn <code>'; a list's sixth household at row 10."""

from __future__ import annotations

import json

import openpyxl
import pytest

from pipeline.text import mask_ids_in, masked_whole, may_hold_id
from tests.commune import person
from tests.id_cells import ID_TAIL, check_na_mon, na_mon_posted, phone_said, renumbered
from tests.test_session38_oracle import na_mon_rows


def id_number_said(value: str, digits: int) -> str:
    """The warning at a Mã hộ that is an ID number, by hand."""
    return f"'Mã hộ' ghi '{value}', là một dãy {digits} chữ số như số CCCD/CMND, {ID_TAIL}" + (
        " Hộ vẫn được tính."
    )


# (as written, as posted), by hand: 8 stars and the number's last 4 digits. Each posted whole
# before (the full-width '＋' kept before the masked digits: '＋********5678').
MASKED = [
    ("＋８４ ９１２ ３４５ ６７８", "********5678"),
    ("ĐT ＋84 912.345.678", "ĐT ********5678"),
    ("（＋８４）９１２３４５６７８", "********5678"),
    ("（０２４）３８２５１２３４", "********1234"),
    ("Hoa （024） 3825 1234", "Hoa ********1234"),
    ("0912•345•678", "********5678"),
    ("SĐT 0912 • 345 • 678", "SĐT ********5678"),
    ("0912∙345∙678", "********5678"),
    ("CMND 212•345•678", "CMND ********5678"),
    # 'Đ/c' (an address) after a CMND is no currency: masked (kept before as '212.345.678 đ')
    ("CMND 212.345.678 Đ/c Xóm 3", "CMND ********5678 Đ/c Xóm 3"),
    # two numbers joined by a bare comma, each masked (D2: pinned as posted whole before, its
    # ',0' read as a decimal part)
    ("0912345678,0987654321", "********5678,********4321"),
    # a phone in two groups, the second of 6 digits (pinned as posted whole before: session
    # 56's review masks it, the never-leak rule first; a code 'TL-0101-234567' is after a dash)
    ("0912-345678", "********5678"),
]
# Kept as written: amounts (by their currency: the middle dot's and a dash's masked before),
# dates, names with the marks
KEPT = [
    "200•000•000 đồng",
    "200·000·000 đồng",
    "vay 212-345-678 đồng",
    "212.345.678đ/tháng",
    "2•000•000 đồng",
    "1•500•000",
    "01•01•2024",
    "Lò Thị Hoa • con Lò Văn Sơn",
    "（Xóm ３）",
    "＋ 5 khẩu",
]
# Left as they were (session 53, R3 and R5), and kept so on purpose: a grouped number after a
# letter and a dot (a code's part, 'NM.212.345.678'). Two numbers joined by a bare comma were
# pinned here too until D2 of session 54 read the comma as a list's, and a phone in two groups
# one of more than 4 digits ('0912-345678') until session 56's review (both now in MASKED);
# 'ĐT.0912.345.678', after a phone's label and a dot, until session 57's review
# (tests/test_session57_r5_privacy_review.py); 'NM.0912.345.678', a phone called today after a
# code's dot, until session 59, C (tests/test_session59_c_slashed_privacy.py): an old CMND's
# shape after it is still a code's part.
LEFT_WHOLE = ["NM.212.345.678"]


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_a_fullwidth_code_or_a_bullet_grouped_number_is_masked(written, posted):
    assert mask_ids_in(written) == posted
    assert may_hold_id(written)
    assert may_hold_id("\x00".join(["TL-01-001", "Hoàng Văn An", written, "NM2"]))


@pytest.mark.parametrize("written", KEPT)
def test_an_amount_by_its_currency_a_date_or_a_name_with_the_marks_is_kept(written):
    assert mask_ids_in(written) == written


@pytest.mark.parametrize("written", LEFT_WHOLE)
def test_the_forms_left_on_purpose_are_posted_as_written(written):
    """Pinned: these are posted as written (docs/decisions.md, session 54). A change that masks
    one is a decision to write down."""
    assert mask_ids_in(written) == written


def test_masked_whole_reads_lookalike_digits():
    """A Mã hộ in look-alike digits the list masks whole is masked whole ('********5678' of
    '２１２–３４５–６７８'; the digits were read as ASCII 0-9 alone: False before)."""
    assert masked_whole("２１２–３４５–６７８")
    assert masked_whole("٠٠١٢٠٤٠١٢٣٤٥")
    assert not masked_whole("Hoa （024） 3825 1234")
    assert not masked_whole("２１２３.４５.６７８")


def test_a_code_in_lookalike_digits_or_marks_is_told_at_its_cell(tmp_path):
    """`check` of Nà Mòn's May list: NM1-NM5, then new households under '０９１２－３４５－６７８'
    (B10, a phone in full-width digits and hyphens), '２１２–３４５–６７８' (B11, a CMND by en
    dashes), '٠٠١٢٠٤٠١٢٣٤٥' (B12, a CCCD in Arabic-Indic digits), '0987·654·321' (B13, middle
    dots), '0913•456•789' (B14, bullets), '＋８４ ９１４ ５６７ ８９０' (B15), '（０２４）３８２５１２３４'
    (B16, a landline); guards '１６７．０６２７７．００１' (B17, a dotted code) and 'TL–01–001'
    (B18). Nothing was told (B16 not even written in ASCII); now B10-B16 each at its cell as
    their ASCII forms are, the code quoted as written, the words by hand."""
    codes = ("０９１２－３４５－６７８", "２１２–３４５–６７８", "٠٠١٢٠٤٠١٢٣٤٥", "0987·654·321",
             "0913•456•789", "＋８４ ９１４ ５６７ ８９０", "（０２４）３８２５１２３４",
             "１６７．０６２７７．００１", "TL–01–001")  # fmt: skip
    found = check_na_mon(tmp_path, na_mon_rows(*(person(code, "poor") for code in codes)))
    assert [(i.cell, i.row, i.column, i.severity, i.message("vi")) for i in found] == [
        ("B10", 10, "Mã hộ", "warning", phone_said("０９１２－３４５－６７８")),
        ("B11", 11, "Mã hộ", "warning", id_number_said("２１２–３４５–６７８", 9)),
        ("B12", 12, "Mã hộ", "warning", id_number_said("٠٠١٢٠٤٠١٢٣٤٥", 12)),
        ("B13", 13, "Mã hộ", "warning", phone_said("0987·654·321")),
        ("B14", 14, "Mã hộ", "warning", phone_said("0913•456•789")),
        ("B15", 15, "Mã hộ", "warning", phone_said("＋８４ ９１４ ５６７ ８９０")),
        ("B16", 16, "Mã hộ", "warning", phone_said("（０２４）３８２５１２３４")),
    ]


def test_an_ascii_landline_with_its_area_code_as_the_code_is_told(tmp_path):
    """'(024) 3825 1234' and '(0204)3852468' as the Mã hộ (B10, B11) were masked on NiemYet but
    not told (`_PHONE_WRITTEN` read no area code); a phone after '(+84)' (B12) was told as
    before."""
    rows = na_mon_rows(*(person(code, "poor") for code in (
        "(024) 3825 1234", "(0204)3852468", "(+84) 912 345 678")))  # fmt: skip
    found = check_na_mon(tmp_path, rows)
    assert [(i.cell, i.message("vi")) for i in found] == [
        ("B10", phone_said("(024) 3825 1234")),
        ("B11", phone_said("(0204)3852468")),
        ("B12", phone_said("(+84) 912 345 678")),
    ]


def test_the_communes_own_code_in_fullwidth_digits_is_not_told(tmp_path):
    """Guard: a start list numbering every household '167.012.001' on; Nà Mòn's list writes
    NM1's code in full-width digits ('１６７．０１２．００１') and a new household's
    '１６７．０１２．０９９' (the commune's grouping): nothing told, as their ASCII forms are not
    (session 53). Another household's '０９１２．３４５．６７８' (a phone) is told at B11."""
    start, na_mon = renumbered(lambda n: f"167.012.{n:03d}")
    na_mon[0] = {**na_mon[0], "ma_ho": "１６７．０１２．００１"}
    rows = [
        *na_mon,
        person("１６７．０１２．０９９", "poor"),
        person("０９１２．３４５．６７８", "poor"),
    ]
    found = check_na_mon(tmp_path, rows, start)
    assert [(i.cell, i.message("vi")) for i in found] == [
        ("B11", phone_said("０９１２．３４５．６７８"))
    ]


def test_a_run_masks_and_tells_each_lookalike_code(tmp_path):
    """May: Nà Mòn lists NM1-NM5 and five new poor households under '０９１２－３４５－６７８'
    (row 10), '２１２–３４５–６７８' (11), '＋８４ ９１４ ５６７ ８９０' (12), '（０２４）３８２５１２３４'
    (13) and '0913•456•789' (14). Before, NiemYet masked the first two alone, posting the
    others whole, and no one was told. Now, by hand: NiemYet posts '********5678',
    '********5678', '********7890', '********1234', '********6789'; 'Lỗi dữ liệu' and Nà Mòn's
    feedback say a warning at each of B10-B14 (four phones, one CMND of 9 digits), each
    household counted (Nà Mòn 3 + 5 = 8 poor in the JSON); no number in NiemYet's XML nor the
    JSON."""
    codes = ["０９１２－３４５－６７８", "２１２–３４５–６７８", "＋８４ ９１４ ５６７ ８９０",
             "（０２４）３８２５１２３４", "0913•456•789"]  # fmt: skip
    nm = na_mon_rows(*(person(code, "poor", chu_ho=f"Hoàng Văn Mới {n}")
                       for n, code in enumerate(codes, 1)))  # fmt: skip
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows == [
        ("NM1", "Hoàng Văn NM1"),
        ("NM2", "Hoàng Văn NM2"),
        ("NM3", "Hoàng Văn NM3"),
        ("********5678", "Hoàng Văn Mới 1"),
        ("********5678", "Hoàng Văn Mới 2"),
        ("********7890", "Hoàng Văn Mới 3"),
        ("********1234", "Hoàng Văn Mới 4"),
        ("********6789", "Hoàng Văn Mới 5"),
        ("NM4", "Hoàng Văn NM4"),
        ("NM5", "Hoàng Văn NM5"),
    ]
    for secret in (
        "３４５－６７８",
        "３４５–６７８",
        "５６７ ８９０",
        "３８２５１２３４",
        "456•789",
    ):
        assert secret not in text, secret
    said = [
        ("B10", phone_said(codes[0])),
        ("B11", id_number_said(codes[1], 9)),
        ("B12", phone_said(codes[2])),
        ("B13", phone_said(codes[3])),
        ("B14", phone_said(codes[4])),
    ]
    out = tmp_path / "ra" / "2024-05"
    book = openpyxl.load_workbook(out / "TongHop_2024-05.xlsx", read_only=True)
    lines = [(r[4], r[8], r[10]) for r in book["Lỗi dữ liệu"].iter_rows(values_only=True)
             if r[2] == "DS_0_2024-05.xlsx"]  # fmt: skip
    book.close()
    assert lines == [(cell, "Cảnh báo", words) for cell, words in said]
    book = openpyxl.load_workbook(out / "PhanHoi" / "Nà Mòn_2024-05.xlsx", read_only=True)
    told = [(r[2], r[6], r[7]) for r in book["Hướng dẫn sửa"].iter_rows(values_only=True)
            if r and isinstance(r[0], int)]  # fmt: skip
    book.close()
    assert told == [(cell, "Cảnh báo", words) for cell, words in said]
    summary = json.loads((out / "TongHop_2024-05.json").read_text("utf-8"))
    [na_mon] = [h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["poor"], na_mon["near_poor"]) == (8, 2)
