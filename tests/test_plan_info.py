"""The officer's plan, 'Thông tin chung' as typed by hand: targets, year, area, standard, commune.

A target that cannot be read stops the run (taken as 0 it reported the target met); the rest is
read as an officer writes it, with a warning at the cell where a guess was made."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from pipeline.plan import PlanError
from pipeline.run import FatalError, collect
from tests.commune import clean_rosters, write_plan

ROOT = Path(__file__).resolve().parents[1]


def edited_plan(
    folder: Path, cells: dict[str, object], number_format: dict[str, str] | None = None
):
    """The commune's plan with cells of 'Thông tin chung' overwritten (B3 Xã, B4 Năm kế
    hoạch, B5 Khu vực, B6 Chuẩn nghèo, B7/B8 the targets)."""
    path = write_plan(folder)
    book = openpyxl.load_workbook(path)
    sheet = book["Thông tin chung"]
    for ref, value in cells.items():
        sheet[ref] = value
    for ref, fmt in (number_format or {}).items():
        sheet[ref].number_format = fmt
    book.save(path)
    return path


@pytest.fixture
def folder(tmp_path):
    clean_rosters(tmp_path)
    return tmp_path


def labels(folder: Path) -> dict[str, str]:
    book = openpyxl.load_workbook(folder / "KeHoach_2024.xlsx")
    return {
        row[0].value: row[0].coordinate
        for row in book["Thông tin chung"].iter_rows()
        if row[0].value
    }


def test_the_info_sheet_layout_this_file_assumes(folder):
    write_plan(folder)
    assert {k: labels(folder)[k] for k in ("Xã", "Năm kế hoạch", "Khu vực", "Chuẩn nghèo")} == {
        "Xã": "A3",
        "Năm kế hoạch": "A4",
        "Khu vực": "A5",
        "Chuẩn nghèo": "A6",
    }
    assert labels(folder)["Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)"] == "A7"


@pytest.mark.parametrize("written", ["1,52 điểm", "1,52 điểm %", "1.52%", " 1,52 "])
def test_a_target_written_with_its_unit_is_read(folder, written):
    edited_plan(folder, {"B7": written})
    result, _ = collect(folder, None)
    assert result.summary["totals"]["poor_target"] == 1.52


@pytest.mark.parametrize(
    "written, said",
    [
        (None, "đang trống; hãy ghi chỉ tiêu (ghi 0 nếu không giao)"),
        ("-", "ghi '-', không đọc được thành số điểm %"),
        ("=9.49-7.97", "là công thức chưa có kết quả"),
    ],
)
def test_a_target_that_cannot_be_read_stops_the_run_at_its_cell(folder, written, said):
    edited_plan(folder, {"B7": written})
    with pytest.raises(FatalError) as stopped:
        collect(folder, None)
    text = str(stopped.value)
    assert "'Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)' (ô B7) trong trang 'Thông tin chung'" in text
    assert said in text


def test_a_percentage_formatted_target_is_read_as_points_with_a_warning(folder):
    """Excel shows 1.52 % and stores 0.0152: 1.52 points, said at B7."""
    edited_plan(folder, {"B7": 0.0152}, {"B7": "0.00%"})
    result, _ = collect(folder, None)
    assert result.summary["totals"]["poor_target"] == pytest.approx(1.52)
    warned = [(i.cell, i.severity) for i in result.issues if i.code == "plan-value-guessed"]
    assert warned == [("B7", "warning")]


def test_a_target_over_100_points_stops_the_run(folder):
    edited_plan(folder, {"B8": 152})
    with pytest.raises(FatalError, match="phải từ 0 đến 100 điểm %"):
        collect(folder, None)


@pytest.mark.parametrize("written", ["Năm 2024", date(2024, 1, 1), "Kế hoạch năm 2024", "2024"])
def test_the_plan_year_is_read_as_written(folder, written):
    edited_plan(folder, {"B4": written})
    result, _ = collect(folder, None)
    assert result.summary["plan_year"] == 2024


def test_a_label_with_the_year_or_a_unit_after_it_is_recognised(folder):
    edited_plan(
        folder,
        {"A7": "Chỉ tiêu giảm tỷ lệ hộ nghèo năm 2024 (%)", "B7": 2.5, "A4": "Năm kế hoạch (năm)"},
    )
    result, _ = collect(folder, None)
    assert result.summary["totals"]["poor_target"] == 2.5 and result.summary["plan_year"] == 2024


@pytest.mark.parametrize(
    "written, area, warned",
    [
        ("Đô thị", "urban", False),
        ("TT", "urban", False),
        ("nong thon", "rural", False),
        ("NT", "rural", False),
        ("Vùng cao", "rural", True),
    ],
)
def test_the_area_as_written_and_an_unknown_one_warned_of(folder, written, area, warned):
    edited_plan(folder, {"B5": written})
    result, _ = collect(folder, None)
    assert result.summary["area"] == area
    cells = [i.cell for i in result.issues if i.code == "plan-value-guessed"]
    assert cells == (["B5"] if warned else [])


def test_the_standard_written_as_a_period_and_one_of_another_year(folder):
    edited_plan(folder, {"B6": "Giai đoạn 2022 - 2025"})
    result, _ = collect(folder, None)
    assert result.summary["standard"] == "2022-2025"
    assert not [i for i in result.issues if i.code == "plan-value-guessed"]
    edited_plan(folder, {"B6": "2027-2030"})
    result, _ = collect(folder, None)
    assert result.summary["standard"] == "2027-2030"  # as written, but said
    said = [i for i in result.issues if i.code == "plan-value-guessed"]
    assert [(i.cell, i.severity) for i in said] == [("B6", "warning")]
    assert (
        said[0]
        .message()
        .endswith(
            "chuẩn nghèo 2027-2030 không áp dụng cho năm 2024 (năm đó "
            "dùng chuẩn 2022-2025); vẫn dùng chuẩn đã ghi."
        )
    )


@pytest.mark.parametrize("written", ["2026-2030", "Giai đoạn 2026 - 2030"])
def test_the_2026_2030_period_in_a_plan_for_2024_is_said_at_its_cell(folder, written):
    """Session 40: taken by the plan year (2022-2025 for 2024) without a word; a plan for a
    year before the period it names is a slip in the year or the standard."""
    from pipeline.messages import in_language
    from pipeline.plan import load_plan
    from pipeline.read import open_workbook

    path = edited_plan(folder, {"B6": written})
    plan, issues = load_plan(open_workbook(path), path.name)
    assert plan.standard == "2022-2025"
    [said] = [i for i in issues if i.code == "plan-value-guessed"]
    assert (said.cell, said.severity) == ("B6", "warning")
    assert in_language(said.detail, "vi") == (
        f"chuẩn nghèo '{written}' là của giai đoạn từ năm 2026, còn kế hoạch là của năm 2024; "
        "dùng chuẩn của năm 2024: 2022-2025. Hãy kiểm tra lại năm kế hoạch và chuẩn nghèo."
    )
    path = edited_plan(folder, {"B6": written, "B4": 2026})  # its first year: by the year
    plan, issues = load_plan(open_workbook(path), path.name)
    assert plan.standard == "2022-2025"
    assert [i for i in issues if i.code == "plan-value-guessed"] == []


def test_a_commune_written_with_its_prefix_is_not_doubled(folder):
    edited_plan(folder, {"B3": "xã Trung Lương"})
    result, _ = collect(folder, None)
    assert result.summary["commune"] == "Trung Lương"


def test_the_command_says_which_target_cell_to_fix(folder, tmp_path):
    edited_plan(folder, {"B8": "chưa giao"})
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "run",
            "--input",
            str(folder),
            "--output",
            str(tmp_path / "out"),
            "--quiet",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        "LỖI: KeHoach_2024.xlsx: 'Chỉ tiêu giảm tỷ lệ hộ cận nghèo (điểm %)' (ô B8) trong trang "
        "'Thông tin chung' ghi 'chưa giao', không đọc được thành số điểm %; hãy ghi số, ví dụ "
        "1,52."
    )
    assert not (tmp_path / "out" / "2024-05").exists()
    assert PlanError  # the error a reader process sends back as the run's reason


def test_last_years_plan_saved_later_does_not_replace_this_years(folder):
    """KeHoach_2023.xlsx (target 2.0) saved after KeHoach_2024.xlsx: May 2024 uses 2024's."""
    import os

    this_year = write_plan(folder)
    from pipeline.template import write_plan_workbook
    from tests.commune import HAMLETS, PLAN_INFO

    hamlets = [{"hamlet": h, "start_households": n, "start_poor": p, "start_near_poor": c,
                "poor_target": pt, "near_poor_target": ct}
               for h, (n, p, c, pt, ct) in HAMLETS.items()]  # fmt: skip
    last_year = folder / "KeHoach_2023.xlsx"
    write_plan_workbook(last_year, dict(PLAN_INFO, plan_year=2023, poor_target=2.0), hamlets, None)
    os.utime(this_year, (1_700_000_000, 1_700_000_000))
    os.utime(last_year, (1_710_000_000, 1_710_000_000))
    result, _ = collect(folder, None)
    assert result.plan.file == "KeHoach_2024.xlsx" and result.summary["plan_year"] == 2024
    assert result.summary["totals"]["poor_target"] == 1.52
    # Last year's plan is kept for re-running last year's months (README): not a duplicate.
    assert [i.file for i in result.issues if i.code == "plan-duplicate"] == []


def test_a_plan_of_another_year_stops_the_run(folder):
    edited_plan(folder, {"B4": 2023})
    for path in folder.glob("KeHoach_*.xlsx"):
        path.rename(folder / "KeHoach.xlsx")
    with pytest.raises(FatalError) as stopped:
        collect(folder, None)
    assert str(stopped.value).startswith(
        "Kế hoạch 'KeHoach.xlsx' là của năm 2023, còn kỳ tổng hợp là 05/2024"
    )
    # Not "correct its year": that would give May 2024 the 2023 plan's counts and targets.
    assert str(stopped.value).endswith(
        "Hãy đặt kế hoạch năm 2024 vào thư mục đầu vào (kế hoạch các năm khác để cùng thư mục "
        "cũng được). Chỉ sửa 'Năm kế hoạch' nếu 'KeHoach.xlsx' đúng là kế hoạch năm 2024 mà ghi "
        "nhầm năm."
    )


@pytest.mark.parametrize("form_type", ["Kế hoạch giảm nghèo năm 2024", None, "KH"])
def test_the_plan_is_recognised_whatever_its_form_type_says(folder, form_type):
    edited_plan(folder, {"B1": form_type})
    result, _ = collect(folder, None)
    assert result.plan.file == "KeHoach_2024.xlsx" and result.summary["totals"]["poor"] == 5


def test_every_problem_of_the_plan_is_said_at_once(folder, tmp_path):
    """A blank target and a word in the hamlet table: one line names both cells, and check
    names the file once."""
    path = edited_plan(folder, {"B7": None})
    book = openpyxl.load_workbook(path)
    book["Chỉ tiêu theo xóm"]["C4"] = "mười tám"
    book.save(path)
    with pytest.raises(FatalError) as stopped:
        collect(folder, None)
    text = str(stopped.value)
    assert text.count("KeHoach_2024.xlsx") == 1
    assert "(ô B7)" in text and "dòng 4" in text and "'mười tám'" in text
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "check", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = done.stdout.splitlines()[0]
    assert line.startswith(
        "[LỖI] KeHoach_2024.xlsx (plan-invalid): Kế hoạch không hợp lệ: 'Chỉ tiêu giảm tỷ lệ"
    )
    assert line.count("KeHoach_2024.xlsx") == 1 and "'mười tám'" in line


def test_the_percentage_target_is_said_as_excel_shows_it(folder):
    edited_plan(folder, {"B7": 0.0152}, {"B7": "0.00%"})
    result, _ = collect(folder, None)
    said = next(i for i in result.issues if i.code == "plan-value-guessed")
    assert said.value == "1,52%"
    assert said.value.en == "1.52%"  # as an English Excel shows it (session 29)
    assert said.message() == (
        "Kế hoạch: 'Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)' là 1,52% (ô định dạng phần trăm), tức "
        "0,0152 điểm, quá nhỏ cho một chỉ tiêu: dùng 1,52 điểm %. Hãy ghi số điểm % (ví dụ 1,52) "
        "trong ô định dạng số thường."
    )


def test_a_target_with_a_dot_before_three_digits_is_read_as_points_and_said(folder):
    """'1.520': 1520 in Vietnamese notation, which no rate target can be; 1.52 points, told."""
    edited_plan(folder, {"B7": "1.520"})
    result, _ = collect(folder, None)
    assert result.summary["totals"]["poor_target"] == 1.52
    [said] = [i for i in result.issues if i.code == "plan-value-guessed"]
    assert (said.cell, said.value) == ("B7", "1.520")
    assert said.message() == (
        "Kế hoạch: 'Chỉ tiêu giảm tỷ lệ hộ nghèo (điểm %)' ghi '1.520': dấu chấm trước ba chữ số "
        "thường là dấu phân cách hàng nghìn, nhưng chỉ tiêu không thể là 1520 điểm: dùng 1,52 "
        "điểm %. Hãy ghi dấu phẩy thập phân (ví dụ 1,52)."
    )


@pytest.mark.parametrize("written", ["1.52", "1,520"])
def test_a_target_with_a_plain_decimal_is_not_warned(folder, written):
    edited_plan(folder, {"B7": written})
    result, _ = collect(folder, None)
    assert result.summary["totals"]["poor_target"] == 1.52
    assert not [i for i in result.issues if i.code == "plan-value-guessed"]


@pytest.mark.parametrize(
    "cells, said",
    [
        (
            {"A4": None, "B4": None},
            "KeHoach_2024.xlsx: trang 'Thông tin chung' không có dòng 'Năm kế "
            "hoạch'; hãy thêm dòng đó như mẫu, ghi năm của kế hoạch này (các kỳ năm 2024 cần "
            "kế hoạch năm 2024).",
        ),
        (
            {"B4": None},
            "KeHoach_2024.xlsx: 'Năm kế hoạch' (ô B4) trong trang 'Thông tin chung' đang "
            "trống; hãy ghi năm của kế hoạch này (các kỳ năm 2024 cần kế hoạch năm 2024).",
        ),
    ],
)
def test_a_missing_or_blank_plan_year_says_which(folder, cells, said):
    edited_plan(folder, cells)
    with pytest.raises(FatalError) as stopped:
        collect(folder, None)
    assert str(stopped.value) == said


def test_a_start_list_unlike_the_targets_is_said_at_the_hamlets_row(folder):
    """Nà Mòn's start poor written 4 in the targets (row 4) while its start list has 3."""
    path = write_plan(folder)
    book = openpyxl.load_workbook(path)
    assert book["Chỉ tiêu theo xóm"]["A4"].value == "Nà Mòn"
    book["Chỉ tiêu theo xóm"]["C4"] = 4
    book.save(path)
    clean_rosters(folder)
    result, _ = collect(folder, None)
    [said] = [i for i in result.issues if i.code == "plan-start-mismatch"]
    assert (said.sheet, said.row, said.hamlet) == ("Chỉ tiêu theo xóm", 4, "Nà Mòn")
