"""The outputs rendered again with Carlito (Calibri's metrics) installed (session 25): the English
headers whose longest word was wider than its column, broken inside it ("Househol/ds"), now fit;
the Vietnamese layout is unchanged."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipeline.report import deprivations, hamlets
from pipeline.report.cells import header_texts, header_word_width, header_words_fit
from pipeline.report.styles import text_pixels
from pipeline.run import execute
from tests.commune import person, write_plan, write_roster


def _may(folder: Path) -> None:
    """The plan and two May lists (Nà Mòn: 2 poor, 1 near-poor; Bản Cọ: 1 poor)."""
    folder.mkdir(parents=True)
    write_plan(folder)
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor"),
                  person("NM3", "near_poor")])  # fmt: skip
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, Path]:
    """The May TongHop in Vietnamese and in English."""
    base = tmp_path_factory.mktemp("render_fonts")
    _may(base / "in")
    out = {}
    for lang in ("vi", "en"):
        execute(base / "in", base / lang, "2024-05", lang=lang)
        out[lang] = base / lang / "2024-05" / "TongHop_2024-05.xlsx"
    return out


def _widths(ws, count: int) -> list[float]:
    """The first ``count`` columns' widths as Excel reads them (XlsxWriter writes w + 0.71)."""
    found: dict[int, float] = {}
    for dim in ws.column_dimensions.values():
        for col in range(dim.min, dim.max + 1):
            found[col] = dim.width
    return [round(found[c] - 0.7109375, 2) for c in range(1, count + 1)]


def test_a_header_word_is_measured_in_times_new_roman_bold():
    """'Households': H 778 + o 500 + u 557 + s 390 + e 444 + h 557 + o 500 + l 278 + d 557 +
    s 390 = 4951 thousandths of an em; at 11 pt, 96 dpi: 72.61 px, × 1.05 = 76.25, + 3 of
    padding = 79.25 px; a width w draws 7 w + 5 px: (79.25 − 5) / 7 = 10.61 — more than the
    10 of 'Theo xóm''s column D. 'Tổng' (ổ measured as o): T 667 + o 500 + n 557 + g 500 = 2224:
    32.62 × 1.05 + 3 = 37.25 px, 4.61."""
    assert header_word_width("Households") == pytest.approx(10.606, abs=0.001)
    assert header_word_width("Tổng") == pytest.approx(4.607, abs=0.001)
    # đ is measured as d (557), ư as u (557) with its horn (80)
    assert header_word_width("đư") - header_word_width("du") == pytest.approx(
        0.080 * 11 * 96 / 72 * 1.05 / 7, abs=1e-9
    )


def test_a_column_widens_to_a_half_unit_for_its_longest_word_only():
    """Words break at spaces, slashes and after hyphens: 'Near-poor' needs 'Near-' (N 723 +
    e 444 + a 500 + r 444 + - 334 = 2445: 35.86 × 1.05 + 3 = 40.65 px, 5.09), so 6 is left;
    'Households' (10.61) makes 10 → 11; a parent (a tuple) is not measured, its children are."""
    items = ["Near-poor", "Households", ("Start of year extremely", ["a", "Households"])]
    assert header_texts(items) == {0: "Near-poor", 1: "Households", 2: "a", 3: "Households"}
    assert header_words_fit([6, 10, 3, 12], header_texts(items)) == [6, 11.0, 3, 12]


def test_the_vietnamese_headers_keep_their_widths():
    """No Vietnamese header word is wider than its column: the widths are the sheets' own, but
    for a word of two syllables, one word since session 42: 'cận nghèo' (9.19) on 'Theo xóm'
    8 → 9.5; on 'Thiếu hụt' 'Dinh dưỡng' (11.15) 10 → 11.5, 'Chất lượng' (10.53) 10 → 11.0,
    'Nguồn nước' and 'Phương tiện' (11.39) 10 → 11.5; no syllable alone on a line (session 42's
    review): 'Trình độ giáo dục của người lớn' 10 → 11.0, 'Nhà tiêu hợp vệ sinh' 10 → 10.5."""
    items = hamlets._header_items("vi")
    widths = list(hamlets.WIDTHS)
    widths[12] = 9.5  # 'Hộ cận nghèo'
    assert hamlets.WIDTHS[12] == 8
    assert header_words_fit(hamlets.WIDTHS, header_texts(items)) == widths
    base = [5, 18, 9] + [10] * (deprivations.TOTAL_COL - deprivations.FIRST) + [11]
    items = deprivations._header_items("vi")
    widths = [5, 18, 9, 10, 10, 11.5, 10, 11.0, 10, 11.0, 10, 11.5, 10.5, 10, 11.5, 11]
    assert header_words_fit(base, header_texts(items)) == widths


def test_theo_xom_in_english_has_room_for_its_header_words(books):
    """English 'Theo xóm': 'Households' (10.61) widens column D (10) and J (9, under 'Start of
    year') to 11; the poor and near-poor blocks' children say 'Number' (7.54 < 8), the
    reductions '(hh)' (3.63), the rate 'Multidim. poverty rate (%)' ('Multidim.' 9.19 < 10)."""
    vi = openpyxl.load_workbook(books["vi"])["Theo xóm"]
    en = openpyxl.load_workbook(books["en"])["Theo xóm"]
    # M 'Hộ cận nghèo': 9.5 for 'cận nghèo' (session 42), 72 px, which Excel reads as 9.57
    assert _widths(vi, 24) == [*hamlets.WIDTHS[:12], 9.57, *hamlets.WIDTHS[13:]]
    expected = list(hamlets.WIDTHS)
    expected[3], expected[9] = 11.0, 11.0
    assert _widths(en, 24) == expected
    header = [en.cell(r, c).value for r in (7, 8) for c in range(1, 25)]
    assert "Number" in header and "Reduced (hh)" in header and "Still to leave (hh)" in header
    assert "Multidim. poverty rate (%)" in header
    assert "Households" in header  # column D, widened


def test_thieu_hut_in_english_has_room_for_its_indicator_words(books):
    """English 'Thiếu hụt': 'Employment' (E 667 + m 834 + p 557 + l 278 + o 500 + y 500 + m 834
    + e 444 + n 557 + t 334 = 5505: 80.74 × 1.05 + 3 = 87.77 px, 11.82) widens D from 10 to 12;
    'Dependants' (D 723 + e 444 + p 557 + e 444 + n 557 + d 557 + a 500 + n 557 + t 334 + s 390
    = 5063: 10.85) E to 11; 'Information' (11.22) O to 11.5, 'deprivations' (11.46) P from 11
    to 11.5 (written in whole pixels: 86, which Excel reads as 11.57); 'Number' (7.54) keeps C
    at 9. The Vietnamese sheet keeps 5, 18, 9, 10 …, 11, but for its words of two syllables
    (session 42): 'Dinh dưỡng', 'Nguồn nước', 'Phương tiện' 11.5 (read as 11.57), 'Chất
    lượng' 11.0; 'Trình độ giáo dục của người lớn' 11.0 and 'Nhà tiêu hợp vệ sinh' 10.5 (read
    as 10.57), no syllable alone on a line (session 42's review)."""
    vi = openpyxl.load_workbook(books["vi"])["Thiếu hụt"]
    en = openpyxl.load_workbook(books["en"])["Thiếu hụt"]
    assert _widths(vi, 16) == [
        5,
        18,
        9,
        10,
        10,
        11.57,
        10,
        11,
        10,
        11,
        10,
        11.57,
        10.57,
        10,
        11.57,
        11,
    ]
    assert _widths(en, 16) == [5, 18, 9, 12, 11] + [10] * 9 + [11.57, 11.57]
    assert en.cell(7, 3).value == "Number"


def test_a_committee_name_wider_than_its_columns_gets_two_lines(books):
    """'PEOPLE'S COMMITTEE OF TRUNG LƯƠNG COMMUNE' in bold 11 pt: 26 867 thousandths of an em
    (Ư as U, 723, with its horn, 80; Ơ as O, 778): 394.05 px, × 1.05 + 3 = 416.75 px. 'Xu
    hướng' gives it columns A–C (24, 11, 11: 173 + 82 + 82 = 337 px) and 'Nộp báo cáo' A–C
    (5, 18, 34: 40 + 131 + 243 = 414 px): two lines, a row of 31.5 pt (LibreOffice grew
    'Xu hướng''s row, which had no height; Excel would cut the second line). 'Tổng hợp''s
    A–B (46, 16: 327 + 117 = 444 px) hold it on one line, 15.75 pt. 'ỦY BAN NHÂN DÂN XÃ TRUNG
    LƯƠNG' (19 064: 296.59 px) fits every sheet: no row grows in Vietnamese."""
    en = openpyxl.load_workbook(books["en"])
    vi = openpyxl.load_workbook(books["vi"])
    assert text_pixels("PEOPLE'S COMMITTEE OF TRUNG LƯƠNG COMMUNE") == pytest.approx(
        416.752, abs=0.001
    )
    assert text_pixels("ỦY BAN NHÂN DÂN XÃ TRUNG LƯƠNG") == pytest.approx(296.586, abs=0.001)
    assert en["Xu hướng"].row_dimensions[1].height == 31.5
    assert en["Nộp báo cáo"].row_dimensions[1].height == 31.5
    assert en["Tổng hợp"].row_dimensions[1].height == 15.75
    assert en["Xu hướng"].cell(1, 1).value == "PEOPLE'S COMMITTEE OF TRUNG LƯƠNG COMMUNE"
    assert all(ws.row_dimensions[1].height in (None, 15.75) for ws in vi)


def test_one_line_english_heads_fit_their_columns(books):
    """Two heads on a row one line high: 'Xu hướng''s tables II–III head column B (11: 82 px)
    "Year start" (70.2 px; "Start of year" needed 86.0) and 'Biến động''s household list heads
    column C (13: 96 px) "Code" (37.2 px; "Household code" needed 107.0). Vietnamese: "Đầu
    năm", "Mã hộ", as before."""
    assert text_pixels("Year start") == pytest.approx(70.2, abs=0.05)
    assert text_pixels("Household code") == pytest.approx(107.0, abs=0.05)
    for lang, start, code in (("en", "Year start", "Code"), ("vi", "Đầu năm", "Mã hộ")):
        book = openpyxl.load_workbook(books[lang])
        trend = book["Xu hướng"]
        heads = [r for r in trend.iter_rows(values_only=True) if r[1] == start]
        assert len(heads) == 2  # tables II and III
        moves = book["Biến động"]
        assert any(
            r[2] == code and r[1] in ("Hamlet", "Xóm") for r in moves.iter_rows(values_only=True)
        )
