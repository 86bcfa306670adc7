"""Session 50: 'Theo xóm''s progress cells and 'Xu hướng''s change since last year written by
the rule 'Tổng hợp' follows since session 49 (docs/decisions.md, 'Session 50: a small progress
on 'Theo xóm' and a small change on 'Xu hướng' are written as 'Tổng hợp' writes them'): two
decimals; one not zero that two write 0,00 with its first two digits; one that four write 0
in words. The cells keep the JSON's values; only their number formats change."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.report.labels import t
from pipeline.report.workbook import write_consolidated
from tests import test_report

# A province's poor: 400 of 30,000 households at the start, 400 of 30,001 now. By hand: down
# 100 × 400 × (1/30,000 − 1/30,001) = 40,000/(30,000 × 30,001) = 0.000044443 points (four
# decimals write 0,0000: 'dưới 0,0001'); of a 1.52-point target 0.0029239 % (two decimals
# write 0,00: '0,0029').
TINY = 40_000 / (30_000 * 30_001)
TINY_PROGRESS = TINY / 1.52 * 100
# Its near-poor: 400 of 3,000,001 households at the start, 400 of 3,000,000 now: up
# 40,000/(3,000,000 × 3,000,001) = 0.0000000044444 points, of a 1.01-point target
# −0.00000044004 %; four decimals write -0,0000: 'trên -0,0001'.
TINIER_PROGRESS = -40_000 / (3_000_000 * 3_000_001) / 1.01 * 100
WORDS = '"dưới 0,0001";"trên -0,0001";0.00'
WORDS_NOTED = '"dưới 0,0001 (*)";"trên -0,0001 (*)";0.00" (*)"'


def _written(tmp_path, totals: dict, yoy: dict):
    result = test_report.make_result()
    result.summary["totals"].update(totals)
    result.summary["year_on_year"].update(yoy)
    path = tmp_path / "TongHop.xlsx"
    write_consolidated(result, path)
    return openpyxl.load_workbook(path)


def _row(sheet, col: int, text: str) -> int:
    """The first row whose cell in ``col`` begins with ``text``."""
    cells = sheet.iter_rows(min_col=col, max_col=col)
    return next(r[0].row for r in cells if str(r[0].value or "").startswith(text))


def test_theo_xom_writes_the_communes_small_progress_as_tong_hop_does(tmp_path):
    """The total row's progress cells (Q and V: the commune's, from its rate target, marked
    (*)) held TINY_PROGRESS and TINIER_PROGRESS in '0.00" (*)"': '0,00 (*)' twice, where
    'Tổng hợp' writes '0,0029' and 'trên -0,0001' (fails before). Now '0.0000" (*)"' and the
    words with their (*); Nà Mòn's 50 % stays in '0.00'."""
    assert round(TINY_PROGRESS, 7) == 0.0029239 and round(TINIER_PROGRESS, 11) == -4.4004e-7
    book = _written(
        tmp_path, {"poor_progress": TINY_PROGRESS, "near_poor_progress": TINIER_PROGRESS}, {}
    )
    sheet = book["Theo xóm"]
    total = _row(sheet, 1, "Tổng cộng")
    shown = [(sheet.cell(total, c).value, sheet.cell(total, c).number_format) for c in (17, 22)]
    assert shown == [
        (pytest.approx(TINY_PROGRESS), '0.0000" (*)"'),
        (pytest.approx(TINIER_PROGRESS), WORDS_NOTED),
    ]
    na_mon = sheet.cell(_row(sheet, 2, "Nà Mòn"), 17)
    assert (na_mon.value, na_mon.number_format) == (50.0, "0.00")
    # 'Tổng hợp''s progress row says the same figures the same way, without the (*)
    summary = book["Tổng hợp"]
    row = _row(summary, 1, t("sum.progress", "vi"))
    assert [summary.cell(row, c).number_format for c in (2, 3)] == ["0.0000", WORDS]


def test_xu_huong_writes_a_small_change_since_last_year_as_tong_hop_does(tmp_path):
    """Table IV's change column (D) held the poor rate's −TINY and the near-poor's +0.003
    points in '0.00': '-0,00' and '0,00', where 'Tổng hợp' and the line above its table say
    'giảm dưới 0,0001' and 'tăng 0,0030' (fails before). Now the words' format and '0.0000';
    the two rates beside them keep '0.00'."""
    book = _written(tmp_path, {}, {"poor_rate_change": -TINY, "near_poor_rate_change": 0.003})
    sheet = book["Xu hướng"]
    rows = [
        r[0].row
        for r in sheet.iter_rows(min_col=1, max_col=1)
        if r[0].value in ("Tỷ lệ hộ nghèo (%)", "Tỷ lệ hộ cận nghèo (%)")
    ][-2:]
    cells = [[(sheet.cell(r, c).value, sheet.cell(r, c).number_format) for c in (4,)] for r in rows]
    assert cells == [[(pytest.approx(-TINY), WORDS)], [(0.003, "0.0000")]]
    assert {sheet.cell(r, c).number_format for r in rows for c in (2, 3)} == {"0.00"}


def test_a_rate_format_keeps_its_mark_after_more_decimals_and_in_words(tmp_path):
    """Styles.figure of the total's noted format, in English too: the (*) follows the digits
    and the words (before: '0.0000' and '"under 0.0001";"over -0.0001";0.00', the (*) lost)."""
    import xlsxwriter

    from pipeline.report.styles import Styles

    book = xlsxwriter.Workbook(tmp_path / "styles.xlsx")
    st = Styles(book)
    assert st.figure("total_rate_note", 0.0013, "en").num_format == '0.0000" (*)"'
    assert st.figure("total_rate_note", 1e-7, "en").num_format == (
        '"under 0.0001 (*)";"over -0.0001 (*)";0.00" (*)"'
    )
    assert st.figure("total_rate_note", 0.5, "vi") is st["total_rate_note"]
    assert st.figure("rate", -0.004, "vi").num_format == "0.0000"
    book.close()


def test_theo_xoms_progress_column_is_widened_to_the_communes_progress_in_words():
    """The words 'trên -0,0001 (*)' (16 characters of bold Times New Roman, 14.1 units by
    styles.text_pixels) in a column 9 units wide printed '###' in LibreOffice (seen rendered,
    fails before: no such widening); '-0,0044 (*)' (a rise of 0.0044 % of the target, by the
    rule's four decimals) needs 9.6 units. Widened to the next half unit: 14.5 and 10;
    '0,0029 (*)' (8.9 units), '-12,34 (*)' (8.5) and a blank progress leave 9; a progress two
    decimals write as wide is widened too since the review ('-195,58 (*)', 9.6 units: 10)."""
    from types import SimpleNamespace

    from pipeline.report.hamlets import N_PROGRESS, P_PROGRESS, WIDTHS, progress_widths

    def widths(poor, near_poor, lang="vi"):
        ctx = SimpleNamespace(
            totals={"poor_progress": poor, "near_poor_progress": near_poor}, lang=lang
        )
        fitted = progress_widths(ctx, WIDTHS)
        assert [w for i, w in enumerate(fitted) if i not in (P_PROGRESS, N_PROGRESS)] == [
            w for i, w in enumerate(WIDTHS) if i not in (P_PROGRESS, N_PROGRESS)
        ]
        return fitted[P_PROGRESS], fitted[N_PROGRESS]

    assert WIDTHS[P_PROGRESS] == WIDTHS[N_PROGRESS] == 9
    assert widths(TINY_PROGRESS, TINIER_PROGRESS) == (9, 14.5)
    assert widths(-0.0044, None) == (10, 9)
    assert widths(-12.34, None, "en") == (9, 9)
    assert widths(-195.58, -100.5) == (10, 10)  # session 50's review (was 9, 9)
    assert widths(0.43, 100.0) == (9, 9)
