"""Session 44 review (helper B): where the session's new readings were wrong. Each finding
pinned by a small fixture worked out by hand.

The small commune (tests.commune): Bản Cọ's start list is BC1, BC2 poor and BC3 near-poor,
200 households; Nà Mòn's NM1–NM3 poor, NM4, NM5 near-poor. Bản Cọ's May list is the template
(tests.test_session43_d_heads_files.ban_co_template): title in A1 ('… THÁNG 5/2024'), 'Kỳ báo cáo' in B4
of 'Thông tin', 'Ngày lập' below it."""

from __future__ import annotations

from datetime import datetime

import openpyxl

from pipeline.run import collect
from tests.commune import person, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session43_d_heads_files import ban_co_template

# --- 1. a 'Kỳ báo cáo' date read swapped only where the list's own title says so ----------------


def dated(tmp_path, period, title=None, name=None, prepared=None):
    """Nà Mòn's May list (a plain one), and Bản Cọ's whose 'Kỳ báo cáo' (B4) is the date cell
    ``period``, its title (A1) ``title`` (the template's by default), its file named ``name``,
    its 'Ngày lập' the date cell ``prepared`` when given; the run of the latest month."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
                  person("NM4", "near_poor"), person("NM5", "near_poor")])  # fmt: skip
    path = ban_co_template(folder, [person("BC1", "poor"), person("BC2", "poor"),
                            person("BC3", "near_poor")])  # fmt: skip
    book = openpyxl.load_workbook(path)
    info = book["Thông tin"]
    assert (info["A4"].value, info["A7"].value) == ("Kỳ báo cáo", "Ngày lập")
    info["B4"] = period
    if prepared is not None:
        info["B7"] = prepared
    if title is not None:
        book["Danh sách"]["A1"] = title
    book.save(path)
    if name is not None:
        path.rename(folder / name)
    return collect(folder, None, workers=0)[0]


def test_a_period_date_is_not_read_swapped_for_a_number_in_the_file_name(tmp_path):
    """Bản Cọ's May list, its 'Kỳ báo cáo' a date cell typed day first, 10 May 2024, its title
    naming no month ('… NĂM 2024'), the file named 'DS_Xom10_2024.xlsx' (a hamlet's number, read
    as '10/2024'). Before: read swapped as October, so the run went to October with Bản Cọ
    alone, Nà Mòn's May list 'khác kỳ'. Now a file name's numbers do not swap it (the title
    must name the month): the run is May's, Bản Cọ poor 2, near-poor 1, Nà Mòn poor 3,
    near-poor 2; no period-month-day said."""
    result = dated(tmp_path, datetime(2024, 5, 10), "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024",
                    "DS_Xom10_2024.xlsx")  # fmt: skip
    assert result.summary["period"] == "2024-05"
    ban_co, na_mon = hamlet_figures(result, "Bản Cọ"), hamlet_figures(result, "Nà Mòn")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 2)
    assert [i for i in result.issues if i.code == "period-month-day"] == []


def test_a_period_date_beside_a_ngay_lap_typed_day_first_is_not_read_swapped(tmp_path):
    """April's list copied for May: the title says 'THÁNG 5/2024' (the template's), 'Kỳ báo
    cáo' still the date cell 5 April 2024, 'Ngày lập' the date cell 25 April 2024. An Excel
    reading dates month first keeps '25/04/2024' as text, never a date: the dates were typed
    day first, so 5 April is April. Before: read swapped as May, the April list counted for
    May (poor 2, near-poor 1), said only as period-month-day. Now the cell's month stands: the
    list is April's, not counted in May's run ('khác kỳ', Bản Cọ missing), said at B4
    (period-differs-from-title, the cell's 04/2024), as before session 44."""
    result = dated(tmp_path, datetime(2024, 4, 5), prepared=datetime(2024, 4, 25))
    assert result.summary["period"] == "2024-05"
    assert hamlet_figures(result, "Bản Cọ")["status"] == "missing"
    said = [(i.code, i.cell, i.value) for i in result.issues if i.hamlet == "Bản Cọ"]
    assert said == [("period-differs-from-title", "B4", "04/2024")]


def test_a_period_date_kept_month_first_is_still_read_as_the_title_says(tmp_path):
    """The case session 44 read (guard): 10 May typed on an Excel reading month first, kept as
    5 October 2024, the title 'THÁNG 5/2024', 'Ngày lập' 3 June (a day up to 12: no sign of how
    dates were typed). Read as May: Bản Cọ poor 2, near-poor 1, one period-month-day at B4."""
    result = dated(tmp_path, datetime(2024, 10, 5))
    assert result.summary["period"] == "2024-05"
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    said = [(i.code, i.cell) for i in result.issues if i.hamlet == "Bản Cọ"]
    assert said == [("period-month-day", "B4")]


# --- 2. a note in brackets after a name of the head's column does not narrow it ----------------


def test_a_note_in_brackets_after_a_head_column_name_is_still_that_column(tmp_path):
    """Session 44 made words after a name of the head's column ('không', 'có', 'con', 'nam',
    'nữ', 'là', another column's name) narrow it to another column. A note in brackets begins
    so too: 'Họ và tên chủ hộ (không viết tắt)' (C4), 'Họ tên chủ hộ (có dấu)', 'Năm sinh
    (Nam/Nữ)' (D4), 'Giới tính (con trai/gái)' (E4). Before: the name unread, so the only list
    refused (missing-column); the birth year and sex unknown columns (a warning, the female
    head BC2 not counted). Now each is its column as before session 44: poor 2 (one female
    head), near-poor 1, nothing said."""
    for index, (cell, header) in enumerate(
        (("C4", "Họ và tên chủ hộ (không viết tắt)"), ("C4", "Họ tên chủ hộ (có dấu)"),
         ("D4", "Năm sinh (Nam/Nữ)"), ("E4", "Giới tính (con trai/gái)"))
    ):  # fmt: skip
        folder = tmp_path / str(index)
        folder.mkdir()
        write_plan(folder)
        ban_co_template(folder, [person("BC1", "poor"), person("BC2", "poor", gioi_tinh="Nữ"),
                         person("BC3", "near_poor")], {cell: header})  # fmt: skip
        result = collect(folder, None, workers=0)[0]
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), header
        assert ban_co["subgroups"]["female_head"] == {"poor": 1, "near_poor": 0}, header
        assert [i.code for i in result.issues if i.hamlet == "Bản Cọ"] == [], header


def test_a_family_member_in_the_header_outside_brackets_is_still_another_column(tmp_path):
    """Guard: 'Họ tên vợ (chồng)' (Z4) names the spouse before its brackets: still a column not
    in the template (one warning), the list counted (poor 2, near-poor 1)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    ban_co_template(folder, [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")],
            {"Z4": "Họ tên vợ (chồng)", "Z5": "Hoàng Thị Lan"})  # fmt: skip
    result = collect(folder, None, workers=0)[0]
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert [(i.code, i.cell) for i in result.issues if i.hamlet == "Bản Cọ"] == [
        ("unknown-column", "Z4")
    ]


# --- 3. 'Giới tính' over 'Nam | Nữ' holding a word or a birth year, not a mark ----------------


def _sex_split(tmp_path, cells: dict):
    """Bản Cọ's May list with a column inserted at F and a row at 5: 'Giới tính' (E4, merged
    over E4:F4) over 'Nam' (E5) and 'Nữ' (F5); households from row 6 (BC1 poor, BC2 poor, BC3
    near-poor), the sex cells E6:F8 as ``cells`` says."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    path = ban_co_template(folder, [person("BC1", "poor"), person("BC2", "poor"),
                            person("BC3", "near_poor")])  # fmt: skip
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    sheet.insert_cols(6)
    sheet.insert_rows(5)
    sheet["E4"], sheet["E5"], sheet["F5"] = "Giới tính", "Nam", "Nữ"
    sheet.merge_cells("E4:F4")
    for cell in ("E6", "F6", "E7", "F7", "E8", "F8"):
        sheet[cell] = cells.get(cell)
    book.save(path)
    return collect(folder, None, workers=0)[0]


def test_a_sex_written_as_a_word_or_a_year_under_nam_or_nu_is_read(tmp_path):
    """Heads write under 'Giới tính' split into 'Nam | Nữ' the sex's word ('Nam' in E6, 'Nữ' in
    F7 and F8), or the head's birth year under the head's sex (1970 in E6, 1975 in F7, 1980 in
    F8), not an 'x'. Before: only an 'x' (or 1) was read as a mark; a row writing under 'Nữ'
    alone kept its blank 'Nam' cell, so no female head was counted, and nothing said (before
    session 44 'Nữ' was at least an unknown column). Now what is written under one column
    alone, a word of that sex or a year from 1900, is that column's sex: female heads poor 1
    (BC2), near-poor 1 (BC3); nothing said."""
    cases = (
        {"E6": "Nam", "F7": "Nữ", "F8": "Nữ"},
        {"E6": 1970, "F7": 1975, "F8": "1980"},
    )
    for index, cells in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        result = _sex_split(tmp_path / str(index), cells)
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), cells
        assert ban_co["subgroups"]["female_head"] == {"poor": 1, "near_poor": 1}, cells
        assert [i.code for i in result.issues if i.hamlet == "Bản Cọ"] == [], cells


def test_other_words_under_nam_or_nu_are_still_said(tmp_path):
    """Guard: 'Nữ' written under 'Nam' (E6) is read as written, 'Nữ' (BC1 a female head);
    'không rõ' under 'Nữ' alone (F7) is neither a mark, a sex nor a year: BC2's sex is not read
    as 'Nữ' (female heads poor 1: BC1; near-poor 1: BC3's 'x'). Passes before too."""
    result = _sex_split(tmp_path, {"E6": "Nữ", "F7": "không rõ", "F8": "x"})
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert ban_co["subgroups"]["female_head"] == {"poor": 1, "near_poor": 1}


# --- 4. words that say the code is missing, capitalised, under 'Mã hộ' are no name ---------------


def test_capitalised_words_for_no_code_under_ma_ho_are_no_name(tmp_path):
    """BC3's row has 'Chưa Có' (no code yet), 'Hộ Mới' (a new household) or 'Đang Cập Nhật' (being
    updated) under 'Mã hộ' (B7) and its name cell (C7) empty. Each word is capitalised, so
    session 44 read each as the head's name: an error at B7 saying "'Mã hộ' ghi 'Chưa Có', là
    họ tên chủ hộ", which it is not. Now words that say there is no code yet are no name: said
    as before session 44, the name missing at C7; nothing said at B7."""
    for index, code in enumerate(("Chưa Có", "Hộ Mới", "Đang Cập Nhật")):
        folder = tmp_path / str(index)
        folder.mkdir()
        write_plan(folder)
        third = dict(person("BC3", "near_poor"), ma_ho=code, chu_ho=None)
        ban_co_template(folder, [person("BC1", "poor"), person("BC2", "poor"), third])
        result = collect(folder, None, workers=0)[0]
        said = [(i.code, i.cell) for i in result.issues if i.hamlet == "Bản Cọ"]
        assert ("missing-head-name", "C7") in said, code
        assert [c for c, _ in said if c == "missing-household-id"] == [], code


# --- 5. a short name beside the column's own name is another column ------------------------------


def test_a_short_name_beside_the_columns_own_name_is_another_column(tmp_path):
    """Bản Cọ keeps the template's columns and adds at Z a column headed with one of session 44's
    new names of a template column: 'CMND' beside 'Số định danh cá nhân' (G4: the old 9-digit
    ID beside the new one, as lists of the change-over keep both), 'TNBQ' beside 'Thu nhập BQ',
    'PL' beside 'Phân loại hộ', 'Tổng số nhân khẩu' beside 'Số nhân khẩu'. Before: each was a
    second copy of that column differing from it, and the only list was refused (column-twice).
    Now these names are read as the column only where no other header names it, as 'Mã' is:
    Z is a column not in the template (one warning), the list counts: poor 2, near-poor 1."""
    cases = {
        "CMND": {"Z5": "012345678", "Z6": "012345679", "Z7": "012345670"},
        "TNBQ": {"Z5": 1_000_000},
        "PL": {"Z5": "A"},
        "Tổng số nhân khẩu": {"Z5": 7},
    }
    for index, (header, cells) in enumerate(cases.items()):
        folder = tmp_path / str(index)
        folder.mkdir()
        write_plan(folder)
        ban_co_template(folder, [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")],
                {"Z4": header, **cells})  # fmt: skip
        result = collect(folder, None, workers=0)[0]
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), header
        assert [(i.code, i.cell) for i in result.issues if i.hamlet == "Bản Cọ"] == [
            ("unknown-column", "Z4")
        ], header


# --- 6. 'Năm sinh' followed by the sexes it is written under ------------------------------------


def test_a_birth_year_headed_with_the_sexes_is_still_the_birth_year(tmp_path):
    """'Năm sinh Nam/Nữ' and 'Năm sinh chủ hộ nam/nữ' (D4): the year, the sexes it is written
    under noted. Session 44 narrowed the head's birth year by words naming another column, and
    'Nam/Nữ' names the sex: the year was an unknown column (a warning), as it was not before
    session 44. Now the sexes after the name are a note: read, nothing said. BC3 born 1890
    (D7) is said (invalid-birth-year), so the column is read."""
    for index, header in enumerate(("Năm sinh Nam/Nữ", "Năm sinh chủ hộ nam/nữ")):
        folder = tmp_path / str(index)
        folder.mkdir()
        write_plan(folder)
        ban_co_template(folder, [person("BC1", "poor"), person("BC2", "poor"),
                         person("BC3", "near_poor", nam_sinh=1890)], {"D4": header})  # fmt: skip
        result = collect(folder, None, workers=0)[0]
        said = [(i.code, i.cell) for i in result.issues if i.hamlet == "Bản Cọ"]
        assert [c for c, _ in said if c == "unknown-column"] == [], header
        assert [cell for _, cell in said] == ["D7"], header


def test_a_short_name_alone_with_a_note_in_brackets_is_read(tmp_path):
    """The names read only where no other header names their column ('Mã', 'TNBQ', 'Tổng số
    nhân khẩu') are read with a note in brackets too: 'Mã (*)' (B4), 'TNBQ (đồng)' (J4) and
    'Tổng số nhân khẩu (người)' (H4), the template's own headers of those columns gone. BC3's
    income 1,800,000 (J7) is over the rural line 1,500,000, so its class (I7) is said to
    contradict it: the income is read; poor 2, near-poor 1, nothing else said."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    third = person("BC3", "near_poor", thu_nhap=1_800_000)
    headers = {"B4": "Mã (*)", "J4": "TNBQ (đồng)", "H4": "Tổng số nhân khẩu (người)"}
    ban_co_template(folder, [person("BC1", "poor"), person("BC2", "poor"), third], headers)
    result = collect(folder, None, workers=0)[0]
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    said = [(i.code, i.cell) for i in result.issues if i.hamlet == "Bản Cọ"]
    assert said == [("classification-mismatch", "I7")]
