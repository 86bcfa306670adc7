"""Session 49: small consistency defects (docs/decisions.md, the sections 'Session 49: …' named
by each test): `check` of a web page named for a hamlet, a tiny change of rate written with at
most four decimals, the income messages' example in the column's unit, the start list's exited
mark named as the officer sees its column, 'Thu nhập BQ chính thức'."""

from __future__ import annotations

import pytest

# --- 3. the income messages' example in the column's unit ---------------------------------------


def test_the_income_messages_example_is_in_the_columns_unit(tmp_path):
    """Bản Cọ's income headed 'Thu nhập BQ (nghìn đồng/người/tháng)' (J4), BC1's J5 'abc', BC2's
    J6 -5. Before, both asked for the column's unit 'ví dụ 1.200.000': a thousand times the
    income in thousands (fails before). Now 1,200,000 đồng written in thousands: '1.200'."""
    from tests.test_session44_headers import run_with_headers

    cells = {"J4": "Thu nhập BQ (nghìn đồng/người/tháng)", "J5": "abc", "J6": -5, "J7": 900}
    result = run_with_headers(tmp_path, cells)
    said = {i.code: i for i in result.issues if i.hamlet == "Bản Cọ"}
    assert said["invalid-income"].message("vi") == (
        "Ô J5 ('Thu nhập BQ (nghìn đồng/người/tháng)') ghi 'abc', không phải số. Hãy ghi thu nhập "
        "bằng số, theo đơn vị ghi ở tiêu đề cột (ví dụ 1.200). Hộ vẫn được tính."
    )
    assert "(e.g. 1,200)." in said["invalid-income"].message("en")
    assert "(ví dụ 1.200; ghi 0 nếu hộ không có thu nhập)" in said["negative-income"].message("vi")
    assert "(e.g. 1,200; 0 if" in said["negative-income"].message("en")
    # BC3's 900 thousand is 900,000 đồng
    assert result.households.set_index("ma_ho").loc["BC3", "thu_nhap"] == 900_000


def test_the_income_example_follows_the_headers_unit():
    """1,200,000 đồng a person a month in each unit by hand: đồng 1.200.000, thousands 1.200,
    millions 1,2, a year 12 × 1,200,000 = 14.400.000, a year in thousands 14.400."""
    from pipeline.text import income_example

    headers = ["Thu nhập BQ (đồng/người/tháng)", "Thu nhập BQ (nghìn đồng/người/tháng)",
               "Thu nhập BQ (triệu đồng)", "Tổng thu nhập năm của hộ",
               "Thu nhập năm (nghìn đồng)"]  # fmt: skip
    assert [income_example(h) for h in headers] == [
        "1.200.000", "1.200", "1,2", "14.400.000", "14.400"
    ]  # fmt: skip
    assert income_example(headers[2], "en") == "1.2"


# --- 2. a tiny change of rate, its progress and the change since last year, one rule ----------

# A province's poor: 400 of 30,000 households at the start (1.333333 %), 400 of 30,001 now
# (1.333289 %). By hand: down 100 × 400 × (1/30,000 − 1/30,001) = 40,000/(30,000 × 30,001)
# = 0.000044443 points, four decimals write 0,0000: 'dưới 0,0001'; of the 1.52-point target
# 0.0029239 %, two decimals write 0,00: '0,0029 %'.
TINY = 40_000 / (30_000 * 30_001)
TINY_PROGRESS = TINY / 1.52 * 100


def test_the_screen_writes_a_tiny_reduction_in_words_and_its_progress_with_digits():
    """Before: 'giảm 0,000044' (six decimals, no limit), a 1e-9 change with ten, and the
    progress '0,00 %' beside digits (fails before)."""
    from pipeline.cli import _reduction

    assert round(TINY, 9) == 0.000044443 and round(TINY_PROGRESS, 7) == 0.0029239
    assert _reduction(TINY, "vi") == "giảm dưới 0,0001"
    assert _reduction(-1e-9, "vi") == "tăng dưới 0,0001"
    assert _reduction(1e-9, "en") == "down under 0.0001"
    assert _reduction(0.00042, "vi") == "giảm 0,0004"  # four decimals at most
    assert _reduction(0.0, "vi") == "giảm 0,00"
    from pipeline.cli import _progress

    assert _progress(TINY_PROGRESS, "vi") == "0,0029 %"
    assert _progress(TINY / 300 * 100, "vi") == "dưới 0,0001 %"  # a 300-point target
    assert _progress(0.19451, "vi") == "0,19 %" and _progress(None, "vi") == "—"
    assert _progress(-0.0013, "en") == "-0.0013 %"


def test_a_month_run_again_names_a_tiny_change_and_progress_by_the_same_rule():
    """Before: the progress '0,00 % → 0,00 %' and a reduction of 1e-9 '0,0000000010' (fails
    before)."""
    from pipeline.notices_plan import _shown

    assert _shown(1e-9, "points", "vi") == "dưới 0,0001"
    assert _shown(TINY_PROGRESS, "progress", "vi") == "0,0029 %"
    assert _shown(0.0, "progress", "vi") == "0,00 %"
    assert _shown(0.0013, "rate", "vi") == "0,00 %"  # a rate keeps its two decimals


def test_tong_hop_writes_the_tiny_reduction_its_progress_and_last_years_change_alike(tmp_path):
    """The report's test commune (tests/test_report.py) with the province's figures above: its
    poor reduction TINY, progress TINY_PROGRESS; near-poor up 0.0013 points (−0.0013), its
    progress −0.0013/1.01 = −0.12871 %; since May 2023 the poor rate down TINY, the near-poor
    up 0.003. Before: the progress cells '0.00' (0,00), the change since last year 'không đổi'
    in words and '0.00' in its cells beside a reduction of digits (fails before). Now the cells
    keep the JSON's values, shown by the one rule; the line above says the same."""
    import openpyxl

    from pipeline.report.labels import t
    from pipeline.report.workbook import write_consolidated
    from tests import test_report

    result = test_report.make_result()
    totals, yoy = result.summary["totals"], result.summary["year_on_year"]
    totals.update(poor_rate_reduction=TINY, poor_progress=TINY_PROGRESS,
                  near_poor_rate_reduction=-0.0013, near_poor_progress=-0.0013 / 1.01 * 100)  # fmt: skip
    yoy.update(poor_rate_change=-TINY, near_poor_rate_change=0.003)
    path = tmp_path / "tong_hop.xlsx"
    write_consolidated(result, path)
    sheet = openpyxl.load_workbook(path)["Tổng hợp"]
    rows = {r[0].value: r for r in sheet.iter_rows() if r[0].value}
    words = '"dưới 0,0001";"trên -0,0001";0.00'
    cells = {
        label: [(c.value, c.number_format) for c in rows[t(label, "vi")][1:3]]
        for label in ("sum.reduction", "sum.progress", "sum.yoy_change")
    }
    assert cells["sum.reduction"] == [(pytest.approx(TINY), words), (-0.0013, "0.0000")]
    assert cells["sum.progress"] == [
        (pytest.approx(TINY_PROGRESS), "0.0000"), (pytest.approx(-0.12871, abs=1e-5), "0.00")
    ]  # fmt: skip
    assert cells["sum.yoy_change"] == [(pytest.approx(-TINY), words), (0.003, "0.0000")]
    line = next(v for v in rows if v.startswith("So với cùng kỳ năm trước"))
    assert "tỷ lệ hộ nghèo giảm dưới 0,0001 điểm %; tỷ lệ hộ cận nghèo tăng 0,0030 điểm %" in line
    assert any("Tỷ lệ hộ cận nghèo tăng 0,0013 điểm % so với đầu năm" in v for v in rows)


# --- 1. `check` of a web page named for a hamlet says what the run says ------------------------


def test_check_says_a_web_page_named_for_a_hamlet_is_its_refused_file_as_the_run_does(tmp_path):
    """The plan, Nà Mòn's May list and a web page with no list saved as
    'DS_BanCo_2024-05.xlsx' (Bản Cọ sent nothing else; tests.test_session49_shifted_marks). The
    run refuses it as Bản Cọ's file: one `file-unreadable` with the save-as fix. Before, `check`
    of the same folder said `not-a-roster` (the file skipped; fails before). Now the same code,
    hamlet and words, and no line skipping it."""
    from pipeline.checkfiles import check_files
    from pipeline.run import collect
    from tests.test_session49_shifted_marks import page_beside_na_mon

    folder = tmp_path / "vao"
    folder.mkdir()
    page_beside_na_mon(folder, "DS_BanCo_2024-05.xlsx")
    checked = [i for i in check_files([folder]) if i.file.endswith("DS_BanCo_2024-05.xlsx")]
    result, _ = collect(folder, None, workers=0)
    ran = [i for i in result.issues if i.file == "DS_BanCo_2024-05.xlsx"]
    assert [(i.code, i.hamlet) for i in ran] == [("file-unreadable", "Bản Cọ")]
    assert [(i.code, i.severity, i.hamlet) for i in checked] == [
        ("file-unreadable", "error", "Bản Cọ")
    ]
    assert checked[0].message("vi") == ran[0].message("vi")
    assert "trang web (HTML)" in checked[0].message("vi")


def test_check_still_skips_a_web_page_named_for_no_hamlet_or_one_whose_list_came(tmp_path):
    """The same page as 'TinTuc.xlsx' (no hamlet) and as 'DS_NaMon_2024-05_ban_web.xlsx' (Nà
    Mòn, whose list is given too): both `not-a-roster`, as the run says them (a guard)."""
    from pipeline.checkfiles import check_files
    from tests.test_session49_shifted_marks import PAGE, page_beside_na_mon

    folder = tmp_path / "vao"
    folder.mkdir()
    page_beside_na_mon(folder, "TinTuc.xlsx")
    (folder / "DS_NaMon_2024-05_ban_web.xlsx").write_text(PAGE, encoding="utf-8")
    said = sorted((i.file.rsplit("/", 1)[-1], i.code) for i in check_files([folder])
                  if i.file.endswith(("web.xlsx", "TinTuc.xlsx")))  # fmt: skip
    assert said == [
        ("DS_NaMon_2024-05_ban_web.xlsx", "not-a-roster"),
        ("TinTuc.xlsx", "not-a-roster"),
    ]


# --- 4. the start list's exited mark named as the officer sees its column ----------------------


def test_a_two_row_start_lists_exited_mark_is_named_by_its_own_header_cell(tmp_path):
    """The marked start list with its two-row header (tests.test_class_marks: 'Phân loại hộ'
    merged over 'Hộ nghèo | Hộ cận nghèo'), widened to F3:H3 over a 'Thoát nghèo' column at
    H4, DK3's only mark 'x' at H15. Before, the warning named the column 'Phân loại hộ Thoát
    nghèo', a header written nowhere (fails before). Now 'Thoát nghèo', the text of H4, as
    class-marks-several names DK4's cells ('F16 'Hộ nghèo'') under 'Phân loại hộ'."""
    import unicodedata

    import openpyxl

    from pipeline.checkfiles import check_files
    from tests.test_class_marks import plan_with_marked_start_list

    folder = tmp_path / "vao"
    folder.mkdir()
    plan = plan_with_marked_start_list(folder, ".xlsx")
    book = openpyxl.load_workbook(plan)
    sheet = book["Danh sách đầu năm"]
    nfc = [
        unicodedata.normalize("NFC", v) if v else v
        for v in (sheet[c].value for c in ("F3", "F4", "G4", "H4", "C15", "F15", "G15"))
    ]
    assert nfc == ["Phân loại hộ", "Hộ nghèo", "Hộ cận nghèo", None, "DK3", None, None]
    sheet.unmerge_cells("F3:G3")
    sheet.merge_cells("F3:H3")  # F3 keeps its text
    sheet["H4"], sheet["H15"] = "Thoát nghèo", "x"
    book.save(plan)
    said = [i for i in check_files([plan]) if i.sheet == "Danh sách đầu năm"]
    assert [(i.code, i.cell, i.column, i.value) for i in said] == [
        ("start-list-exited", "H15", "Thoát nghèo", "DK3"),
        ("class-marks-several", "F16", "Phân loại hộ", "x"),
    ]
    assert said[0].message("vi").startswith("Ô H15 ('Thoát nghèo') ghi hộ DK3 là hộ đã thoát")
    assert "F16 'Hộ nghèo', G16 'Hộ cận nghèo'" in said[1].message("vi")


# --- 5. 'Thu nhập BQ chính thức' is the official income, 'Thu nhập BQ (chính)' a part ----------


def test_the_official_income_is_the_income_and_the_main_works_stays_a_part(tmp_path):
    """'Thu nhập BQ chính thức' over J (500,000, 300,000, 200,000): the income as the commune's
    review settled it. Before, it began with the part 'Thu nhập BQ chính' (the main work's):
    no column, every income blank, 'unknown-column' at J4 (fails before). Now read, nothing
    said. 'Thu nhập BQ (chính)' is 'Thu nhập BQ chính', the main work's part: still no column
    (a guard)."""
    from tests.test_session48_income_names import PARTS, column_cells, incomes_read

    (tmp_path / "official").mkdir()
    cells = column_cells("J", "Thu nhập BQ chính thức", PARTS)
    assert incomes_read(tmp_path / "official", cells) == ([], [500_000, 300_000, 200_000])
    (tmp_path / "main").mkdir()
    cells = column_cells("J", "Thu nhập BQ (chính)", PARTS)
    assert incomes_read(tmp_path / "main", cells) == ([("unknown-column", "J4")], [None] * 3)


def test_the_header_names_of_the_official_income():
    """The header names alone (headers._HeaderNames.match): 'chính thức' after each name of the
    income names it (5 of 5 none before), in parentheses, upper case and with its unit too; a
    part after it ('… chính thức từ lương', '… khác') none, the whole after it the income, and
    'Thu nhập BQ (chính)' none (guards)."""
    from pipeline.headers import _header_names
    from pipeline.text import fold
    from schemas.columns import ROSTER_COLUMNS

    names = _header_names(ROSTER_COLUMNS)

    def key(header: str) -> str | None:
        found = names.match(fold(header), header)
        return found[0] if found else None

    official = ("Thu nhập BQ chính thức", "Thu nhập chính thức", "Thu nhập BQ (chính thức)",
                "THU NHẬP BÌNH QUÂN CHÍNH THỨC (đồng/người/tháng)", "TN BQ chính thức")  # fmt: skip
    assert [key(h) for h in official] == ["thu_nhap"] * 5
    parts = ("Thu nhập BQ chính thức từ lương", "Thu nhập BQ chính thức khác",
             "Thu nhập BQ (chính)", "Thu nhập BQ chính")  # fmt: skip
    assert [key(h) for h in parts] == [None] * 4
    assert key("Thu nhập BQ chính thức từ các nguồn") == "thu_nhap"
