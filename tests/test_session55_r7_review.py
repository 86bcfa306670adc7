"""Session 55 (R7): review of session 55's privacy round 2 (J) and title-line reading (K) as
heads would break them.

1. A Mã hộ 'NM-01 0912345678' (the commune's dashed code and the head's phone) was posted
   'NM-********5678' (the code's '01' masked with the phone, read as one spaced number of 12
   digits) and the head told the Mã hộ is "một dãy 12 chữ số như số CCCD/CMND": a code's dash
   is no join (`text._glued_apart`, `rosterchecks._numbers_told`).
2. A title's 'Tổng số hộ dân cư:' left blank, the next cell of its row another count's label
   ('Số hộ nghèo:' | 3): the warning quoted 'Số hộ nghèo:' as the total written
   (`keyvalues.read_title_lines`): a text ending in ':' is a label, no value.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
a list's sixth household at row 10."""

from __future__ import annotations

from unicodedata import normalize

import pytest

from pipeline.text import mask_ids_in
from tests.commune import clean_rosters, person, write_plan
from tests.id_cells import check_na_mon, phone_said
from tests.test_session38_oracle import na_mon_rows
from tests.test_session54_told_as_masked import id_number_said
from tests.test_session55_k_leftovers import k_na_mon, title_head_list

# --- 1. a dashed code beside a phone or an ID -------------------------------------------------

# (as written, as posted), by hand: the code 'NM-01' kept, the number 8 stars and its last 4
DASHED_CODE = [
    ("NM-01 0912345678", "NM-01 ********5678"),
    ("NM-01 0912 345 678", "NM-01 ********5678"),
    ("NM-01 212345678", "NM-01 ********5678"),
    ("NM.01 0912345678", "NM.01 ********5678"),
    # guards, as before: a phone after the code's dash; a dotted label's grouped phone
    ("NM-0912345678", "NM-********5678"),
    ("ĐT.0912 345 678", "ĐT.********5678"),
    ("TL-01-001", "TL-01-001"),
]


@pytest.mark.parametrize(("written", "posted"), DASHED_CODE)
def test_a_dashed_codes_digits_are_no_part_of_the_number_after_it(written, posted):
    assert mask_ids_in(written) == posted


def test_a_dashed_code_beside_a_phone_is_told_a_phone(tmp_path):
    """`check` of Nà Mòn's May list: NM1-NM5, then new households under 'NM-01 0912345678'
    (row 10), 'NM-01 212345678' (row 11, an old CMND) and 'NM-0912345678' (row 12). By hand:
    B10 the phone's warning (before: "một dãy 12 chữ số như số CCCD/CMND", '01 0912345678'
    read as one number), B11 the 9 digits' (before: 12), B12 the phone's (as before)."""
    codes = ["NM-01 0912345678", "NM-01 212345678", "NM-0912345678"]
    found = check_na_mon(tmp_path, na_mon_rows(*(person(code, "poor") for code in codes)))
    assert [(i.cell, i.message("vi")) for i in found] == [
        ("B10", phone_said(codes[0])),
        ("B11", id_number_said(codes[1], 9)),
        ("B12", phone_said(codes[2])),
    ]


# --- 2. a title's total left blank, another count's label after it ----------------------------


@pytest.mark.parametrize(
    "after",
    [{5: "Số hộ nghèo:", 6: 3}, {7: "Số hộ nghèo: 3"}, {5: "Số hộ cận nghèo =", 6: 2}],
)
def test_a_blank_title_total_beside_another_count_quotes_nothing(tmp_path, after):
    """Nà Mòn's own list (no 'Thông tin'): 'Xóm: Nà Mòn', 'Kỳ báo cáo: 05/2024', then
    'Tổng số hộ dân cư:' in A4 left blank and another count's label (and value) further right
    in its row. By hand: the plan's 100 households (3 poor: 3 %), the missing-info-sheet
    warning without a quote (no total written). Before: it quoted "dòng tiêu đề ở ô E4 ghi
    tổng số hộ dân cư 'Số hộ nghèo:'" (or G4's 'Số hộ nghèo: 3'), as the total written."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    lines = [{1: "Xóm: Nà Mòn"}, {1: "Kỳ báo cáo: 05/2024"}, {1: "Tổng số hộ dân cư:", **after}]
    title_head_list(tmp_path, lines)
    result, hamlet = k_na_mon(tmp_path)
    assert (hamlet["status"], hamlet["households"], hamlet["poor"]) == ("ok", 100, 3)
    assert hamlet["poor_rate"] == pytest.approx(3.0)
    [issue] = [i for i in result.issues if i.file == "NaMon.xlsx"]
    assert issue.code == "missing-info-sheet"
    assert issue.message() == (
        "Không có trang 'Thông tin'; đã lấy xóm 'Nà Mòn' và kỳ 05/2024 từ tiêu đề/tên tệp, tổng"
        " số hộ dân cư từ kế hoạch đầu năm. Lần sau hãy dùng mẫu có trang 'Thông tin': ở cột A"
        " các dòng Loại biểu, Xã, Xóm, Kỳ báo cáo, Tổng số hộ dân cư, Người lập, Ngày lập, và"
        " giá trị của từng dòng ở cột B."
    )


# --- 3. 'ĐT' and 'DT' before money: 'đầu tư', 'doanh thu' -------------------------------------

# Kept, by hand: after 'ĐT' or 'DT' alone, an amount grouped by threes to '000' before its
# currency ('Hỗ trợ ĐT 150.000.000 đ': investment support; 'DT … đ/năm': a year's takings)
DT_MONEY = [
    "Hỗ trợ ĐT 150.000.000 đ",
    "Vốn ĐT 200.000.000đ",
    "DT 120.000.000 đ/năm",
]
# Masked as before, by hand: not grouped to '000', not grouped, or after 'SĐT' or 'CMND'
# (session 56: 'Vốn ĐT 212.345.678 đồng' is money, tests/test_session56_d_privacy.py; 'ĐT'
# after a name is still a phone's label)
DT_PERSONS = [
    ("Lò Văn A ĐT 212.345.678 đồng", "Lò Văn A ĐT ********5678 đồng"),
    ("ĐT 912345000 đồng ký", "ĐT ********5000 đồng ký"),
    ("SĐT 0912.345.000 đồng", "SĐT ********5000 đồng"),
    ("CMND 212.345.000 đồng vay", "CMND ********5000 đồng vay"),
]


@pytest.mark.parametrize("written", DT_MONEY)
def test_money_after_dt_alone_is_kept(written):
    assert mask_ids_in(written) == written


@pytest.mark.parametrize(("written", "posted"), DT_PERSONS)
def test_a_number_after_dt_not_written_as_money_is_masked(written, posted):
    assert mask_ids_in(written) == posted


# --- 4. an ID's label typed decomposed (NFD, as a Mac types it) -------------------------------

# (as written NFC, as posted NFC): the label's marks decomposed in the cell; by hand, 8 stars
# and the number's last 4 digits, the rest of the text as written (decomposed)
NFD_LABELLED = [
    ("điện thoại 912345678 đồng", "điện thoại ********5678 đồng"),
    ("Số định danh 212345678 đồng chủ hộ", "Số định danh ********5678 đồng chủ hộ"),
    ("định danh cá nhân: 212345678 đồng", "định danh cá nhân: ********5678 đồng"),
]


@pytest.mark.parametrize(("written", "posted"), NFD_LABELLED)
def test_a_decomposed_ids_label_is_read(written, posted):
    assert mask_ids_in(normalize("NFD", written)) == normalize("NFD", posted)
