"""Text, numbers, periods and vocabularies as people type them."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest

from pipeline import vocab
from pipeline.hamlets import HamletMatcher
from pipeline.text import (
    column_letter,
    find_period_in_text,
    fold,
    parse_number,
    parse_period,
    parse_whole,
)


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("1.500.000", 1_500_000),
        ("1,52", 1.52),
        (" 4 ", 4),
        ("1 500 000 đ", 1_500_000),
        ("1.500.000,5", 1_500_000.5),
        ("1,500,000", 1_500_000),
        (3, 3),
        (2.5, 2.5),
        ("12.5", 12.5),
        ("bốn", None),
        ("", None),
        (None, None),
    ],
)
def test_numbers_as_typed(typed, number):
    assert parse_number(typed) == number


def test_whole_numbers():
    assert parse_whole("4") == 4 and parse_whole(4.0) == 4
    assert parse_whole("4,5") is None and parse_whole("x") is None


@pytest.mark.parametrize(
    "typed",
    [
        "05/2024",
        "5/2024",
        "2024-05",
        "Tháng 5 năm 2024",
        "tháng 05/2024",
        "T5/2024",
        datetime(2024, 5, 31),
        date(2024, 5, 1),
        45413.0,
    ],
)
def test_periods_as_typed(typed):
    assert parse_period(typed) == "2024-05"


def test_bad_periods():
    assert parse_period("13/2024") is None
    assert parse_period("tháng năm") is None


def test_period_in_titles_and_file_names():
    assert find_period_in_text("DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN – THÁNG 5/2024") == "2024-05"
    assert find_period_in_text("DS_NaMon_2024-05") == "2024-05"
    assert find_period_in_text("Na Mon 05-2024") == "2024-05"


def test_fold_ignores_case_accents_form_and_spacing():
    nfd = unicodedata.normalize("NFD", "Họ và tên chủ hộ")
    assert fold(nfd) == fold("HỌ VÀ TÊN  CHỦ HỘ") == "ho va ten chu ho"
    assert fold("Đồng Kè") == "dong ke"


def test_hamlet_names_match_as_people_write_them():
    matcher = HamletMatcher(["Nà Mòn", "Đồng Kè", "Bản Cọ"])
    assert matcher.match("Xóm Nà Mòn") == "Nà Mòn"
    assert matcher.match(unicodedata.normalize("NFD", "nà mòn")) == "Nà Mòn"
    assert matcher.match("THÔN ĐỒNG KÈ") == "Đồng Kè"
    assert matcher.match("dong ke") == "Đồng Kè"
    assert matcher.match("Khau Lang") is None
    assert matcher.find_in("DS_BanCo_2024-05") == "Bản Cọ"


def test_hamlet_names_in_free_text_match_whole_words_the_longest_first():
    matcher = HamletMatcher(["Nà Mòn", "Bản Cọ", "Bản Cọ 2", "Nặm Òn"])
    assert matcher.find_in("DS_BanCo_2024-05") == "Bản Cọ"  # '2024' is not '2'
    assert matcher.find_in("BanCo2024") == "Bản Cọ"
    assert matcher.find_in("DS_BanCo2_T5") == "Bản Cọ 2"
    assert matcher.find_in("Danh sách hộ nghèo xóm Bản Cọ 2 năm 2024") == "Bản Cọ 2"
    assert matcher.find_in("XÓM BẢN CỌ, THÁNG 5") == "Bản Cọ"
    assert matcher.find_in("Bản Cọ và Nà Mòn") is None  # two hamlets named
    assert matcher.find_in("NaMon_T5") == "Nà Mòn"  # capitals part the words
    assert matcher.find_in("namon") is None  # Nà Mòn or Nặm Òn run together
    assert matcher.find_in("Nặm Òn") == "Nặm Òn"
    assert HamletMatcher(["Nà Mòn", "Bản Cọ"]).find_in("xomnamon 2024") == "Nà Mòn"
    assert matcher.find_in("") is None


def test_hamlets_differing_only_by_accents_need_the_accents():
    matcher = HamletMatcher(["Na", "Nà"])
    assert matcher.match("Nà") == "Nà"
    assert matcher.match("NA") == "Na"
    assert matcher.match("ná") is None  # ambiguous without its exact accents


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("Hộ nghèo", "poor"),
        ("nghèo", "poor"),
        ("HỘ CẬN NGHÈO", "near_poor"),
        ("Thoát", "exited"),
        ("Hộ khá", None),
    ],
)
def test_classifications(typed, status):
    assert vocab.classification(typed) == status


@pytest.mark.parametrize(
    ("typed", "mark"),
    [
        ("x", True),
        ("X", True),
        ("1", True),
        (1, True),
        ("có", True),
        ("✓", True),
        ("", False),
        (None, False),
        ("0", False),
        ("không", False),
        ("-", False),
        (" – ", False),  # the dash a list pasted from Word has
        ("—", False),
        ("?", True),  # a mark the head is unsure of (session 30)
        ("2", None),
    ],
)
def test_deprivation_marks(typed, mark):
    assert vocab.deprivation_mark(typed) is mark


def test_causes_may_contain_commas():
    canonical, unknown = vocab.causes("Ốm đau, bệnh nặng, tai nạn; thiếu vốn")
    assert canonical == "Thiếu vốn; Ốm đau, bệnh nặng, tai nạn" or canonical.split("; ") == [
        "Ốm đau, bệnh nặng, tai nạn",
        "Thiếu vốn",
    ]
    assert unknown == []
    assert vocab.causes("Thiếu vốn, lười lao động")[1] == ["luoi lao dong"]
    # a cause written twice is one cause, not one and an unknown leftover
    assert vocab.causes("Thiếu vốn; Thiếu vốn") == ("Thiếu vốn", [])
    assert vocab.causes("; ".join(["Thiếu đất sản xuất"] * 200)) == ("Thiếu đất sản xuất", [])


def test_target_groups_and_ethnicity():
    assert vocab.target_groups("BTXH; kknld") == ("BTXH, KKNLĐ", [])
    assert vocab.ethnicity("tày") == "Tày" and vocab.ethnicity("H'Mông") == "Mông"
    assert vocab.ethnicity("Sao Hỏa") is None


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701)] == ["A", "Z", "AA", "AB", "ZZ"]
