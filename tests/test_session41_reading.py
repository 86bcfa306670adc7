"""Session 41: leftovers of the reader logged by session 40. Last year's class column named
by its year ('Phân loại hộ năm 2023') in a 2024 list; a 'Ngày lập' typed '=5-6-24' in Excel,
saved with its value −25 (and a 'Kỳ báo cáo' '=05/2024')."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pipeline.run import collect, execute
from pipeline.sheetscan import cell_formula
from tests import messy
from tests.commune import clean_rosters, write_plan
from tests.test_session40_reading import MARKED, MARKS, class_header

LAST_YEAR = "Phân loại hộ năm 2023"


@pytest.mark.parametrize("last_year", [LAST_YEAR, "Phân loại hộ cuối năm 2023", "Phân loại 2023"])
def test_last_year_s_class_column_beside_marks_is_an_earlier_column(last_year):
    """In a May 2024 list the marks are the class and the column naming 2023 is an earlier one
    (not read, no unknown column; ``timed``: read again if the list's month is settled
    otherwise). Before, it was the class and the three mark columns unknown. In a 2023 list,
    or with no month known, it is the class column, as before."""
    header = class_header([last_year, *MARKS], MARKED, "2024-05")
    assert [(col, key) for col, key, _, _ in header.marks] == [
        (5, "poor"),
        (6, "near_poor"),
        (7, "exited"),
    ]
    assert (header.earlier, header.unknown, header.timed) == ([(4, last_year)], [], True)
    for period in ("2023-12", None):
        header = class_header([last_year, *MARKS], MARKED, period)
        assert header.marks == [] and header.columns["phan_loai"] == (4, last_year)
        assert [col for col, _ in header.unknown] == [5, 6, 7]


def test_a_class_column_naming_the_list_s_own_year_or_a_span_is_still_the_class_column():
    """'Phân loại hộ năm 2024' in a 2024 list is not earlier, nor is a span of years ('giai
    đoạn 2022-2025'): both are read as before, the marks unknown."""
    for named in ("Phân loại hộ năm 2024", "Phân loại hộ giai đoạn 2022-2025"):
        header = class_header([named, *MARKS], MARKED, "2024-05")
        assert header.marks == [] and header.columns["phan_loai"] == (4, named)
        assert [col for col, _ in header.unknown] == [5, 6, 7]


@pytest.mark.parametrize(
    ("classes", "read", "earlier"),
    [
        ([LAST_YEAR, "Phân loại hộ"], (5, "Phân loại hộ"), [(4, LAST_YEAR)]),
        (["Phân loại hộ", LAST_YEAR], (4, "Phân loại hộ"), [(5, LAST_YEAR)]),
    ],
)
def test_a_class_column_of_an_earlier_year_than_the_lists_is_not_read(classes, read, earlier):
    """Beside a plain 'Phân loại hộ' in a May 2024 list, the column naming 2023 is earlier and
    the plain one is May's. Before, neither was chosen: the class column named twice."""
    header = class_header(
        classes, [["Hộ cận nghèo", "Hộ nghèo"], ["Hộ nghèo", "Hộ nghèo"]], "2024-05"
    )
    assert (header.columns["phan_loai"], header.earlier, header.unknown) == (read, earlier, [])
    assert header.twice == []


def in_excel(tmp_path: Path, period: Any = "05/2024", **more: Any) -> Path:
    """The input folder of Nà Mòn's May list (tests/messy.py's households; 3 poor, 2 near-poor)
    saved as Excel saves it (XlsxWriter: each formula with its value), its 'Kỳ báo cáo' (B4)
    ``period``, other 'Thông tin' values ``more``, beside the other hamlets' clean lists."""
    folder = tmp_path / "vao"
    folder.mkdir(parents=True)
    write_plan(folder)
    clean_rosters(folder)
    layout = messy.Layout(columns=list(messy.TEMPLATE_ORDER), title=(messy.TITLE_NA_MON,))
    roster = messy.roster_sheet(messy.na_mon_households(), layout, messy.Typing())
    info = messy.info_sheet(messy.info_values("Nà Mòn", period, 102, **more))
    messy.write_book(folder / "NaMon.xlsx", [info, roster], writer="xlsxwriter")
    return folder


def dated_in_excel(tmp_path, made) -> tuple[dict, list]:
    """:func:`_in_excel` with 'Ngày lập' (B7) ``made``, read: Nà Mòn's figures and its file's
    issues (code, cell, variant, message in Vietnamese and English)."""
    result, _ = collect(in_excel(tmp_path, prepared_on=made), None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    said = [(i.code, i.cell, i.variant, i.message("vi"), i.message("en"))
            for i in result.issues if i.file == "NaMon.xlsx"]  # fmt: skip
    return na_mon, said


TYPED_DATE = (
    "Ô B7 ('Ngày lập') trong trang 'Thông tin' ghi '{formula}': dấu '=' ở đầu ô làm chương "
    "trình coi đây là phép tính và ô hiện {shown}, không phải ngày; coi như danh sách không có "
    "ngày lập. Hãy xóa dấu '=' ở đầu ô để ô ghi '{typed}'; khi xóm gửi nhiều bản của cùng một "
    "kỳ, bản có ngày lập sau được dùng."
)


@pytest.mark.parametrize(
    ("formula", "value", "shown", "shown_en"),
    [
        ("=5-6-24", -25, "-25", "-25"),  # 5 − 6 − 24
        ("=05/06/2024", 5 / 6 / 2024, "0,000411726", "0.000411726"),  # as Excel shows it
    ],
)
def test_a_date_filled_typed_after_an_equals_sign_in_excel_is_told_to_lose_its_equals(
    tmp_path, formula, value, shown, shown_en
):
    """'=5-6-24' typed in Excel's 'Ngày lập' is saved as a formula with the value Excel worked
    out (−25). Before, the head was told the date '-25' cannot be read; now the formula as
    typed is quoted, with what the cell shows, and the head told to delete the '=', as for
    such a formula saved without a value (session 40). The date is still not guessed; the
    list is counted."""
    na_mon, said = dated_in_excel(tmp_path, messy.Formula(formula, value))
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 2)
    typed = formula[1:]
    [(code, cell, variant, vi, en)] = said
    assert (code, cell, variant) == ("invalid-prepared-date", "B7", "typed")
    assert vi == TYPED_DATE.format(formula=formula, shown=shown, typed=typed)
    assert en.startswith(
        f"Cell B7 ('Ngày lập') of sheet 'Thông tin' holds '{formula}': the '=' at the start "
        f"makes the program take it for a sum, and the cell shows {shown_en}, not a date;"
    )


def test_a_date_filled_worked_out_by_a_formula_or_typed_as_a_number_is_as_before(tmp_path):
    """A formula naming no date typed ('=TODAY()-1', a date's serial) is read as its value,
    nothing said; a number typed with no formula (−25) is no date, quoted as before."""
    na_mon, said = dated_in_excel(tmp_path / "a", messy.Formula("=TODAY()-1", 45446))
    assert (na_mon["status"], said) == ("ok", [])
    _, said = dated_in_excel(tmp_path / "b", -25)
    assert [(code, cell, variant, vi) for code, cell, variant, vi, _ in said] == [
        ("invalid-prepared-date", "B7", "",
         "Không đọc được ngày ở ô 'Ngày lập' ('-25'). Hãy ghi ngày theo dạng 03/06/2024; khi "
         "xóm gửi nhiều bản của cùng một kỳ, bản có ngày lập sau được dùng."),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("xml", "formula"),
    [
        (b'<c r="B7"><f>5-6-24</f><v>-25</v></c>', "=5-6-24"),
        (b"<x:c r='B7' t='n'><x:f>5-6-24</x:f><x:v>-25</x:v></x:c>", "=5-6-24"),
        (b'<c r="B7" s="2"><v>-25</v></c>', ""),  # no formula
        (b'<c r="B7"/>', ""),
        (b'<c r="B70"><f>1+1</f><v>2</v></c><c r="B7"><v>3</v></c>', ""),  # B70 is no B7
        (b'<c r="B7"><f t="shared" si="0"/><v>1</v></c>', ""),  # shares another's: none written
        (b'<c r="B7"><f>A1&amp;"x"</f><v>1</v></c>', '=A1&"x"'),
    ],
)
def test_a_cell_s_formula_is_read_whatever_its_value(xml, formula):
    data = b"<worksheet><sheetData><row r='7'>" + xml + b"</row></sheetData></worksheet>"
    assert cell_formula(data, "B7") == formula


def test_a_period_typed_after_an_equals_sign_in_excel_is_told_to_lose_its_equals(tmp_path):
    """'=05/2024' typed in Excel's 'Kỳ báo cáo' is saved with its value 5 ÷ 2024. The list is
    refused, as any period that cannot be read; before, the message quoted
    '0.0024703557312252965' and told the head to write the month as 05/2024, which they
    thought they had. Now it quotes the formula as typed, what the cell shows, and says to
    delete the '='; so does the note in the head's feedback copy (which quoted the cell's
    value)."""
    folder = in_excel(tmp_path, messy.Formula("=05/2024", 5 / 2024))
    result = execute(folder, tmp_path / "ra", "2024-05")[0]
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert na_mon["status"] == "rejected"
    said = (
        "Ô B4 ('Kỳ báo cáo') trong trang 'Thông tin' ghi '=05/2024': dấu '=' ở đầu ô làm chương "
        "trình coi đây là phép tính và ô hiện 0,002470356, không phải tháng, nên không "
        "đọc được kỳ báo cáo. Hãy xóa dấu '=' ở đầu ô để ô ghi '05/2024', rồi gửi lại."
    )
    assert [(i.code, i.cell, i.variant, i.message("vi")) for i in result.issues
            if i.file == "NaMon.xlsx"] == [("invalid-period", "B4", "typed", said)]  # fmt: skip
    feedback = openpyxl.load_workbook(
        tmp_path / "ra" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    )
    assert feedback["Thông tin"]["B4"].comment.text.startswith(said)
