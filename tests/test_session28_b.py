"""Session 28 (helper B): wording on 'Tổng hợp' and in the CLI.

* section V's reporting row says the fraction once: "Số xóm đã tổng hợp / số xóm phải nộp |
  2/3", the two counts those of the JSON;
* the 'Số lỗi' row's note fits one line, the row one line high;
* English messages write amounts and counts the English way (850,000; 1,048,576 rows),
  Vietnamese ones keep theirs (850.000);
* a message names a period as the others do (05/2024), not as YYYY-MM.
"""

from __future__ import annotations

import dataclasses
import re

import openpyxl
import pytest

from pipeline.output import OutputError, make_folder, os_error_of
from pipeline.read import MAX_HOUSEHOLD_ROWS
from pipeline.report.cells import wrapped_lines
from pipeline.report.charts import axis_span, label_span
from pipeline.report.labels import t
from pipeline.report.summary import WIDTHS
from pipeline.report.workbook import write_consolidated
from pipeline.run import FatalError, collect
from tests import test_report
from tests.commune import clean_rosters, person, write_plan, write_roster
from tests.test_cli_messages import cli
from tests.test_hostile import LIST_SHEET, add_rows, edited, many_rows
from tests.test_typed_by_hand import commune, edit_list

# --- 'Tổng hợp', section V --------------------------------------------------------------------


def _summary_sheet(tmp_path, lang: str):
    """test_report's commune (2 of its 3 hamlets accepted, 1 error) written in ``lang``."""
    result = dataclasses.replace(test_report.make_result(), lang=lang)
    path = tmp_path / f"TongHop_{lang}.xlsx"
    write_consolidated(result, path)
    return result, openpyxl.load_workbook(path)["Tổng hợp"]


def _row_of(ws, label: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)


def test_the_reporting_row_says_the_fraction_once(tmp_path):
    """The JSON's reporting is 2 accepted of 3 expected: the value cell holds "2/3" alone
    (it said "Đã tổng hợp 2/3 xóm" beside the label "Số xóm đã tổng hợp"), the label says
    what each side counts."""
    for lang, label in (
        ("vi", "Số xóm đã tổng hợp / số xóm phải nộp"),
        ("en", "Hamlets consolidated / expected"),
    ):
        result, ws = _summary_sheet(tmp_path, lang)
        reporting = result.summary["reporting"]
        row = _row_of(ws, label)
        assert ws.cell(row, 2).value == "2/3"
        assert ws.cell(row, 2).value == f"{reporting['accepted']}/{reporting['expected']}"
        # the rate under it: 2/3 = 66.67 %, the JSON's
        assert ws.cell(row + 1, 2).value == reporting["rate"]
        assert abs(ws.cell(row + 1, 2).value - 200 / 3) < 1e-9


# --- 'Tổng hợp', the 'Số lỗi' row --------------------------------------------------------------


def test_the_errors_row_is_one_line_high(tmp_path):
    """Its note was 67 characters ("Dòng hoặc tệp có lỗi không được tính; chi tiết: trang
    'Lỗi dữ liệu'") in a column of 58 (63 characters as fit_row counts): the row was set two
    lines high (30 pt). Now 58 and 62 characters: no height set, the sheet's default."""
    for lang, label, note in (
        ("vi", "Số lỗi", "Không tính dòng, tệp có lỗi; chi tiết: trang 'Lỗi dữ liệu'"),
        ("en", "Errors", "Rows, files with errors left out; details: sheet 'Lỗi dữ liệu'"),
    ):
        assert t("sum.note.errors", lang) == note
        assert wrapped_lines([(note, WIDTHS[3])]) == 1
        result, ws = _summary_sheet(tmp_path, lang)
        row = _row_of(ws, label)
        assert ws.cell(row, 2).value == result.summary["issues"]["errors"] == 1
        assert ws.cell(row, 4).value == note
        assert ws.row_dimensions[row].height in (None, 15.75)  # not 30


# --- English amounts ---------------------------------------------------------------------------


def _issue(result, code: str, file: str = "NaMon.xlsx"):
    [found] = [i for i in result.issues if i.code == code and i.file == file]
    return found


def test_an_income_in_thousands_is_said_each_languages_way(tmp_path):
    """NM1 writes 850 (thousands): 850 × 1000 = 850,000 đ in English, 850.000 in Vietnamese.
    NM2, near-poor, writes 3,500,000 đ, above the 1,500,000 rural line with no deprivation:
    the standard says not poor, the amount in each language's way."""
    path = commune(
        tmp_path,
        [
            person("NM1", "poor", thu_nhap=850),
            person("NM2", "near_poor", thu_nhap=3_500_000),
            person("NM3", "poor", thu_nhap="abc"),
        ],
    )
    assert path.exists()
    result, _ = collect(tmp_path, None)
    thousands = _issue(result, "income-in-thousands")
    assert "(850.000 đồng?)" in thousands.message("vi")
    assert "is 850 đồng per person a month" in thousands.message("en")
    assert "(850,000 đồng?)" in thousands.message("en")
    mismatch = _issue(result, "classification-mismatch")
    assert "(thu nhập 3.500.000 đ, 0 chỉ số thiếu hụt" in mismatch.message("vi")
    assert "(income 3,500,000 đ, 0 deprivation indicators" in mismatch.message("en")
    # the catalogue's own example of an income
    not_a_number = _issue(result, "invalid-income")
    assert "(ví dụ 1.200.000)" in not_a_number.message("vi")
    assert "(e.g. 1,200,000)" in not_a_number.message("en")


def test_an_income_too_low_in_its_columns_unit_in_english(tmp_path):
    """'0,5' under 'nghìn đồng' is 500 đ: quoted 0,5 / 0.5, and 500 in either language."""
    path = commune(tmp_path, [person("NM1", "poor"), person("NM2", "near_poor")])
    header = "Thu nhập BQ (nghìn đồng/người/tháng)"
    edit_list(path, lambda ws: (ws.cell(4, 10, header), ws.cell(5, 10, 0.5)))
    result, _ = collect(tmp_path, None)
    issue = _issue(result, "income-in-thousands")
    assert (issue.variant, issue.value, issue.detail) == ("in-unit", "0,5", "500")
    assert issue.message("vi").startswith(f"'{header}' ghi 0,5, tính theo đơn vị")
    assert issue.message("en").startswith(f"'{header}' is 0.5, in the unit its header names 500")


def test_a_roster_of_too_many_households_in_english(tmp_path):
    """Đồng Kè's list runs on to 21,003 households (its 3, then rows 8 … 21,007 as
    test_hostile writes them): more than the 20,000 one hamlet may hold, fewer than the 25,000
    rows a sheet may reach, so it is the households counted that refuse it: "21.003 dòng hộ" /
    "21,003 household rows"."""
    assert MAX_HOUSEHOLD_ROWS == 20_000
    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    three = [person("DK1", "poor"), person("DK2", "near_poor"), person("DK3", "poor")]
    source = write_roster(tmp_path, "DongKe.xlsx", "Đồng Kè", 150, three)

    def edit(xml: bytes) -> bytes:  # the households go on from row 8, the signature dropped
        xml = re.sub(rb'<row r="(?:8|9|10|11)".*?</row>', b"", xml)
        return add_rows(xml, many_rows(21_000, first=8))

    edited(source, folder / "DongKe.xlsx", LIST_SHEET, edit)
    result, _ = collect(folder, None)
    issue = _issue(result, "too-many-rows", "DongKe.xlsx")
    assert "(21.003 dòng hộ)" in issue.message("vi")
    assert "(21,003 household rows)" in issue.message("en")


# --- the period in messages --------------------------------------------------------------------


def test_no_roster_accepted_says_the_period_as_the_other_messages_do(tmp_path):
    """Nà Mòn's May list says 1 household in all for 2 listed, Bản Cọ's 1 for 2: both refused,
    nothing to consolidate. The line said "kỳ 2024-05" where every other message says
    "kỳ 05/2024"; now 05/2024 in either language."""
    write_plan(tmp_path)
    write_roster(
        tmp_path, "NaMon.xlsx", "Nà Mòn", 1, [person("NM1", "poor"), person("NM2", "poor")]
    )
    write_roster(
        tmp_path, "BanCo.xlsx", "Bản Cọ", 1, [person("BC1", "poor"), person("BC2", "poor")]
    )
    with pytest.raises(FatalError) as caught:
        collect(tmp_path, "2024-05", workers=0)
    said = caught.value.args[0]
    assert str(said).startswith(
        "Không có danh sách hộ nào của kỳ 05/2024 được chấp nhận; không có gì để tổng hợp. "
    )
    assert said.en.startswith(
        "No household roster of period 05/2024 was accepted; there is nothing to consolidate. "
    )
    assert "2024-05" not in str(said) and "2024-05" not in said.en


def test_a_period_outside_the_plan_year_says_it_as_a_month(tmp_path):
    """--period 2023-05 with the 2024 plan: "Kỳ 05/2023 nằm ngoài năm kế hoạch 2024"; the
    option to type keeps its form (--period 2024-MM)."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    with pytest.raises(FatalError) as caught:
        collect(tmp_path, "2023-05", workers=0)
    said = caught.value.args[0]
    assert str(said).startswith("Kỳ 05/2023 nằm ngoài năm kế hoạch 2024 (tệp 'KeHoach_2024.xlsx')")
    assert said.en.startswith("Period 05/2023 is outside the plan year 2024")
    assert "(--period 2024-MM)" in str(said) and "(--period 2024-MM)" in said.en


def test_the_english_summary_names_the_period_as_the_vietnamese_one(tmp_path):
    """The run's first line: "Kỳ báo cáo 05/2024 — xã Trung Lương …" and, in English, it was
    "Period 2024-05 — …": now "Period 05/2024 — Trung Lương commune …"."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    out = str(tmp_path / "out")
    vi = cli("run", "--input", str(folder), "--output", out, "--quiet")
    en = cli("run", "--input", str(folder), "--output", out, "--quiet", "--lang", "en")
    assert (vi.returncode, en.returncode) == (0, 0), vi.stderr + en.stderr
    assert vi.stdout.splitlines()[0].startswith("Kỳ báo cáo 05/2024 — xã Trung Lương (")
    assert en.stdout.splitlines()[0].startswith("Period 05/2024 — Trung Lương commune (")


# --- tidy-ups ----------------------------------------------------------------------------------


def test_the_axis_estimate_both_charts_share():
    """charts.axis_span, as LibreOffice picks the axis: rates 6.12 … 10.75 from 5 reach
    10.75 + 5.75 / 20 - 5 = 6.04, in steps of 1 (0.5 would be 13 steps): 5 to 12, a span of
    7; 5.89 … 7.78 from 4 reach 3.97, steps of 0.5 (7.9 of them): 4 to 8, a span of 4. A
    22 px label on a 159 px plot over the first is 22 / 159 × 7 = 0.97 rate points."""
    assert axis_span(5, 10.75) == 7
    assert axis_span(4, 7.78) == 4
    assert label_span(22, 159, 5, 10.75) == 22 / 159 * 7


def test_one_helper_makes_every_output_folder(tmp_path):
    """make_folder says a folder it cannot make as the run, its lock, atomic_write and
    `template` each said it in their own copy of the code: a file named like the folder is in
    the way; the templates' folder is called as `template` called it."""
    blocker = tmp_path / "ra"
    blocker.write_text("x")
    folder = blocker / "2024-05"
    with pytest.raises(OutputError) as caught:
        make_folder(folder)
    said = caught.value.args[0]
    assert str(said).startswith(f"Không tạo được thư mục kết quả '{folder}': ")
    assert said.en.startswith(f"Cannot create the output folder '{folder}': ")
    with pytest.raises(OutputError) as caught:
        make_folder(folder, ("thư mục '{folder}' để ghi mẫu", "the folder '{folder}' for it"))
    said = caught.value.args[0]
    assert str(said).startswith(f"Không tạo được thư mục '{folder}' để ghi mẫu: ")
    assert said.en.startswith(f"Cannot create the folder '{folder}' for it: ")
    assert not folder.exists() and blocker.read_text() == "x"
    made = tmp_path / "a" / "b"
    make_folder(made)
    assert made.is_dir()


def test_the_os_error_behind_another_is_found():
    """os_error_of (was output._os_error): the OSError an error was raised from, one it
    carries as an argument (XlsxWriter's FileCreateError), else the error itself."""
    full = OSError(28, "No space left on device")
    try:
        try:
            raise full
        except OSError as err:
            raise RuntimeError("writing") from err
    except RuntimeError as wrapped:
        assert os_error_of(wrapped) is full
    carried = ValueError(full)
    assert os_error_of(carried) is full
    alone = ValueError("x")
    assert os_error_of(alone) is alone


def test_one_deprivation_is_said_in_the_singular_in_english(tmp_path):
    """Session 37 (audit): NM1, written poor with an income of 1,200,000 đ and one deprivation
    (td_04), is near-poor by the standard: '1 deprivation indicator', not '… indicators'."""
    commune(tmp_path, [person("NM1", "poor", (4,))])
    result, _ = collect(tmp_path, None)
    mismatch = _issue(result, "classification-mismatch")
    assert "(income 1,200,000 đ, 1 deprivation indicator: by the standard, " in mismatch.message(
        "en"
    )
    assert "(thu nhập 1.200.000 đ, 1 chỉ số thiếu hụt: theo chuẩn" in mismatch.message("vi")
