"""Session 38: a hamlet's list that went through the programs heads use (LibreOffice, Google
Sheets, an old Excel) is read as the clean list, or refused with the right reason
(docs/decisions.md, "a quote typed before a number or a code")."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.run import collect
from pipeline.text import parse_count
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY, NEAR_MOVES, POOR_MOVES, moves_without_zeros


def _may_quoted(tmp_path, cells: dict[tuple[str, str], str]):
    """The plan, Bản Cọ's clean May list and Nà Mòn's (:data:`MAY`: NM1-NM6 in rows 5-10, 102
    households), ``cells`` (sheet, cell) -> text written over it, then read: (result, Nà Mòn's
    figures)."""
    folder = tmp_path / "vao"
    folder.mkdir(parents=True)
    write_plan(folder)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102,
                        [person(code, status) for code, status in MAY])  # fmt: skip
    book = openpyxl.load_workbook(path)
    for (sheet, cell), text in cells.items():
        book[sheet][cell] = text
    book.save(path)
    result, _ = collect(folder, None)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    return result, na_mon


def test_a_quote_typed_before_a_number_or_a_code_is_no_part_of_it(tmp_path):
    """LibreOffice keeps the quote a head types before a value to keep it as text ('102) as
    part of the value in a cell formatted as Text, as the sample's 'Mã hộ' and 'Số định danh'
    are; Excel hides it. Nà Mòn's total '102, NM2's code 'NM2, NM4's size '3 and NM5's income
    '1.140.000 (text cells holding the quote) are read as 102, NM2, 3 and 1140000: the list
    counted as the clean one, 3 poor (NM1, NM5, NM6) and 2 near-poor (NM2, NM4) of 102, the
    movements since the start list the same (NM2 to near-poor, not a new household with NM2
    vanished), nothing said of Nà Mòn. Before, '102 refused the whole list
    (invalid-total-households), '3 left NM4 out of the count (invalid-household-size),
    '1.140.000 was no income, and 'NM2 was a code changed from NM2."""
    result, na_mon = _may_quoted(tmp_path, {
        ("Thông tin", "B5"): "'102",
        ("Danh sách", "B6"): "'NM2",
        ("Danh sách", "H8"): "'3",
        ("Danh sách", "J9"): "’1.140.000",
    })  # fmt: skip
    assert (na_mon["status"], na_mon["households"]) == ("ok", 102)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert moves_without_zeros(na_mon["movements"]) == {"poor": POOR_MOVES, "near_poor": NEAR_MOVES}
    assert [(i.code, i.cell) for i in result.issues if i.hamlet == "Nà Mòn"] == []
    rows = result.households.set_index("ma_ho")
    assert (rows.at["NM4", "nhan_khau"], rows.at["NM5", "thu_nhap"]) == (3, 1_140_000)


def test_a_quote_alone_or_before_words_is_still_said(tmp_path):
    """Only a quote before the value goes: a size written "'" alone, or "'ba" (three in words),
    is still no size, said at its cell with the value as written (NM4 at H8 not counted: 3 poor,
    1 near-poor). An income written '10%' (NM5, J9) is no amount: said as no number, quoting
    '10%', the household counted; it was read as 10 đồng and said as an income written in
    thousands ("10.000 đồng?"), the '%' not named."""
    result, na_mon = _may_quoted(tmp_path, {("Danh sách", "H8"): "'ba", ("Danh sách", "J9"): "10%"})
    said = [(i.code, i.cell, i.value) for i in result.issues if i.hamlet == "Nà Mòn"]
    assert said == [("invalid-household-size", "H8", "'ba"), ("invalid-income", "J9", "10%")]
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 1)


def test_a_total_with_an_english_thousands_comma_is_read(tmp_path):
    """'Tổng số hộ dân cư' '1,020' as text (pasted, or typed in a cell formatted as Text): the
    comma is no decimal one in a count, whose only whole reading is 1020, as the number cell
    1.020 already was (session 31). Counted over 1020 households (3 poor, 2 near-poor), said
    only as far from the plan's 100 (beyond 1.25 ×); before, the whole list was refused
    (invalid-total-households). '1,5' and '1,0125' stay no count; '102%' is a rate, no count
    (as in the plan's hamlet table, session 24): the list refused at B5, where before it was
    read as 102 households, unsaid."""
    result, na_mon = _may_quoted(tmp_path, {("Thông tin", "B5"): "1,020"})
    assert (na_mon["status"], na_mon["households"]) == ("ok", 1020)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert [i.code for i in result.issues if i.hamlet == "Nà Mòn"] == ["total-far-from-plan"]
    assert [parse_count(text) for text in ("1,5", "1,0125", "1,020 hộ")] == [None, None, 1020]
    result, na_mon = _may_quoted(tmp_path / "b", {("Thông tin", "B5"): "102%"})
    assert na_mon["status"] == "rejected"
    said = [(i.code, i.cell, i.value) for i in result.issues if i.hamlet == "Nà Mòn"]
    assert said == [("invalid-total-households", "B5", "102%")]


def test_a_round_total_with_an_english_thousands_comma_is_read_as_the_others(tmp_path):
    """'Tổng số hộ dân cư' '1,000' as text is 1000 households, as '1,020' is (above) and '1.000'
    is: read first as a decimal, 1,000 is whole (1), and it was taken for one household, so a
    list of 1000 households was refused (3 poor > 1; the '1,020' rule applied only when the
    decimal reading was no whole number). A group after a 0 ('0,020', '01,020') is no
    thousands group, as for the cell 0.012 (session 31): no count, as before session 38."""
    result, na_mon = _may_quoted(tmp_path, {("Thông tin", "B5"): "1,000"})
    assert (na_mon["status"], na_mon["households"]) == ("ok", 1000)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert [i.code for i in result.issues if i.hamlet == "Nà Mòn"] == ["total-far-from-plan"]
    texts = ("1,000", "2,000 hộ", "'1,000", "12,000", "1,000,000", "0,020", "01,020", "1,0")
    expected = [1000, 2000, 1000, 12000, 1_000_000, None, None, 1]
    assert [parse_count(text) for text in texts] == expected


@pytest.mark.parametrize("written", ["5-6-24", "’5-6-24", "'5-6-24", "‘5-6-24"])
def test_a_date_filled_typed_with_a_two_digit_year_chooses_the_newer_copy(tmp_path, written):
    """Two copies of Nà Mòn's May list: 'NaMon_sua.xlsx', 'Ngày lập' typed '5-6-24' (text: 5
    June 2024), NM5 no longer poor but 'Thoát'; and 'NaMon.xlsx', 'Ngày lập' 03/06/2024 (a date
    cell), saved after it. The later 'Ngày lập' wins (CONTRACT §1): the corrected copy, 2 poor
    (NM1, NM6), 2 near-poor; the other is superseded; '5-6-24' not said. Before, '5-6-24' was
    no date (`invalid-prepared-date`) and the copy saved last, 3 poor, was taken. Session 40:
    so after a quote typed to keep it as text, plain or curled ("’5-6-24"), which was still
    no date."""
    import os

    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    rows = [person(code, "exited" if code == "NM5" else status) for code, status in MAY]
    fixed = write_roster(folder, "NaMon_sua.xlsx", "Nà Mòn", 102, rows)
    book = openpyxl.load_workbook(fixed)
    book["Thông tin"]["B7"] = written
    book.save(fixed)
    first = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102,
                         [person(code, status) for code, status in MAY])  # fmt: skip
    os.utime(fixed, (1_700_000_000, 1_700_000_000))
    os.utime(first, (1_700_000_100, 1_700_000_100))
    result, _ = collect(folder, None)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 2)
    said = [(i.code, i.file) for i in result.issues if i.hamlet == "Nà Mòn"]
    assert said == [("superseded", "NaMon.xlsx")]


def test_comma_separated_text_named_xls_whose_causes_hold_semicolons(tmp_path):
    """Nà Mòn's May list saved as comma-separated UTF-8 text (LibreOffice's or a web
    application's CSV) under an .xls name, every household's cause written 'Thiếu vốn; Thiếu
    lao động' (no comma: unquoted). The ';' split those rows as well, into two fields each,
    and being tried before ',' it was taken for the separator: the header was lost, the file
    'not-a-roster', Nà Mòn counted as sending nothing. At ',' every row splits into the
    table's width: read as the workbook, 3 poor (NM1, NM5, NM6), 2 near-poor of 102, nothing
    said (session 20's reading of separated text)."""
    from tests.markup import text_from_xlsx

    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    rows = [person(code, status, nguyen_nhan="Thiếu vốn; Thiếu lao động") for code, status in MAY]
    source = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    text_from_xlsx(source, folder / "NaMon.xls", ",", "utf-8")
    source.unlink()
    result, _ = collect(folder, None)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["households"]) == ("ok", 102)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert [i.code for i in result.issues if i.file == "NaMon.xls"] == []
