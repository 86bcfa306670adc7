"""Session 35's coverage pass (docs/decisions.md, "Session 35: the coverage pass over
pipeline/"): user-visible text no test reached before, each asserted with values worked out by
hand from the small commune (tests.commune)."""

from __future__ import annotations

from datetime import date, time, timedelta
from types import SimpleNamespace

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.cli import _plans_set_aside
from pipeline.messages import RunCommand, in_language
from pipeline.notices import later_months_stale, start_list_kept
from pipeline.output import NOTICES
from pipeline.planpick import _duplicate, _other_commune
from pipeline.publish import publish
from pipeline.report.feedback import _typed
from pipeline.run import FatalError, collect, execute
from pipeline.template import write_plan_workbook
from tests import messy
from tests.commune import (
    PLAN_INFO,
    past_targets,
    person,
    plan_hamlets,
    start_list,
    write_plan,
    write_roster,
)
from tests.test_class_marks import write_na_mon
from tests.test_cli_messages import cli, one_line
from tests.test_left_copied_on import april_then_may_without_code, na_mon_figures
from tests.test_plan_fixes import edited, refusal
from tests.test_session18_reading import without_info_sheet
from tests.test_session23_columns import split
from tests.test_session23_notices import write_may
from tests.test_session23_rows import (
    MAY,
    NEAR_MOVES,
    POOR_MOVES,
    moves_without_zeros,
    na_mon_in_summary,
)
from tests.test_session32_renames import renamed_twice
from tests.test_session32_renames import write_na_mon_under as _renamed_na_mon


def _changed() -> list:
    return [n for n in NOTICES if in_language(n, "vi").startswith("Số liệu kỳ")]


def test_a_corrected_commune_target_says_the_target_met_now(tmp_path):
    """May: Nà Mòn (100) NM1-2 poor, Bản Cọ (200) BC1-2 poor; 5 poor of 300 at the start
    (1,67 %), 4 now (1,33 %): a reduction of 0,33 point. Against the plan's 1,52: progress
    0,3333 / 1,52 = 21,93 %, not met, and 4 poor still to leave (floor((1,667 − 1,52) % × 300) =
    0 may stay). The officer corrects the commune target to 0,30 and runs May again: 111,11 %,
    met, floor((1,667 − 0,30) % × 300) = 4 may stay, 0 to leave. The near-poor figures and every
    hamlet's are unchanged."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    write_plan(folder)
    write_may(folder)
    execute(folder, out, "2024-05")
    assert _changed() == []
    info = dict(PLAN_INFO, poor_target=0.30)
    write_plan_workbook(folder / "KeHoach_2024.xlsx", info, plan_hamlets(), start_list())
    execute(folder, out, "2024-05")
    [said] = _changed()
    assert in_language(said, "vi") == (
        "Số liệu kỳ 05/2024 khác lần tổng hợp trước của kỳ này: toàn xã tiến độ chỉ tiêu hộ "
        "nghèo 21,93 % → 111,11 %, chỉ tiêu giảm tỷ lệ hộ nghèo 1,52 → 0,30 điểm, đánh giá chỉ "
        "tiêu hộ nghèo chưa đạt → đạt, số hộ nghèo còn phải giảm 4 → 0; xóm có số liệu thay đổi: "
        "không có. Nếu đã gửi báo cáo kỳ này, hãy gửi lại bản mới. Số liệu lần trước vẫn được "
        "lưu trong lịch sử; xem các lần chạy của kỳ này: "
        "giamngheo history --period 2024-05"
    )
    assert in_language(said, "en") == (
        "The figures of period 05/2024 differ from its previous consolidation: commune poor "
        "target progress 21.93 % → 111.11 %, poor rate target 1.52 → 0.30 points, poor target "
        "not met → met, poor still to leave 4 → 0; hamlets whose figures changed: none. If this "
        "period's report was sent, send the new one. The previous figures stay in the history; to see this period's runs: "
        "giamngheo history --period 2024-05"
    )
    # A target of 0 has no progress (÷ 0): said as "—", as the summary lines write a figure
    # there is none of; met (a reduction of 0,33 ≥ 0) and 0 to leave stay.
    write_plan_workbook(
        folder / "KeHoach_2024.xlsx", dict(PLAN_INFO, poor_target=0), plan_hamlets(), start_list()
    )
    execute(folder, out, "2024-05")
    [said] = _changed()
    assert in_language(said, "vi").startswith(
        "Số liệu kỳ 05/2024 khác lần tổng hợp trước của kỳ này: toàn xã tiến độ chỉ tiêu hộ "
        "nghèo 111,11 % → —, chỉ tiêu giảm tỷ lệ hộ nghèo 0,30 → 0,00 điểm; xóm có số liệu thay "
        "đổi: không có."
    )
    assert "poor target progress 111.11 % → —, poor rate target 0.30 → 0.00 points;" in (
        in_language(said, "en")
    )


MONTHS_8 = [f"2024-{m:02d}" for m in range(4, 12)]  # April to November


def test_more_than_six_later_months_are_named_six_and_the_last():
    """March run again in December with eight later months stored (April to November), none
    with a year table from March: the notice names six, then "… 11/2024 (8)", and gives the
    eight commands in order."""
    result = SimpleNamespace(period="2024-03", submissions=[])
    stored = {p: {} for p in ["2024-03", *MONTHS_8]}
    said = later_months_stale(result, list(MONTHS_8), stored, RunCommand())
    commands = "; ".join(f"giamngheo run --period {p}" for p in MONTHS_8)
    assert in_language(said, "vi") == (
        "Các kỳ sau (04/2024, 05/2024, 06/2024, 07/2024, 08/2024, 09/2024, … 11/2024 (8)) đã "
        "được tổng hợp với số liệu cũ của kỳ 03/2024: biến động so với tháng trước, số hộ tái "
        "nghèo và xu hướng "
        "của các kỳ đó chưa theo số liệu mới. Hãy chạy lại các kỳ đó, theo thứ tự: " + commands
    )
    assert in_language(said, "en") == (
        "Later periods (04/2024, 05/2024, 06/2024, 07/2024, 08/2024, 09/2024, … 11/2024 (8)) "
        "were consolidated with this period's old figures: their changes since the previous "
        "month, households back in poverty (tái nghèo) and trend do not follow the new ones. Run "
        "those periods again, in order: " + commands
    )


def test_more_than_six_later_years_months_reading_a_kept_start_list():
    """The 2024 start list kept for the first time while eight months of 2025 are stored
    (January to August), their returns counted without it; the notice of later months gave
    the commands already: six months named, then "… 08/2025 (8)"."""
    later = [f"2025-{m:02d}" for m in range(1, 9)]
    kept = SimpleNamespace(replaced=False, later=later, year=2024, month=None)
    result = SimpleNamespace(period="2024-12", plan=SimpleNamespace(file="KeHoach_2024.xlsx"))
    [said] = start_list_kept(result, kept, True, {}, RunCommand())
    assert in_language(said, "vi") == (
        "Lịch sử nay lưu danh sách hộ đầu năm 2024 (dùng để nhận ra hộ tái nghèo năm sau). Kỳ "
        "01/2025, 02/2025, 03/2025, 04/2025, 05/2025, 06/2025, … 08/2025 (8) đã tính hộ tái "
        "nghèo khi chưa có danh sách này (hãy chạy lại như trên)."
    )
    assert in_language(said, "en") == (
        "The history now keeps the 2024 start-of-year list (to tell households back in poverty "
        "next year). Period(s) 01/2025, 02/2025, 03/2025, 04/2025, 05/2025, 06/2025, … 08/2025 "
        "(8) counted households back in poverty without it (run them again as above)."
    )


def test_a_hamlet_whose_list_is_titled_for_this_month_is_told_not_counted(tmp_path):
    """May: Bản Cọ's only file 'BanCo_moi.xlsx' has 04/2024 in 'Kỳ báo cáo' (B4 of 'Thông
    tin') and the title 'THÁNG 5/2024' (tests.test_check's case): the run counts Bản Cọ as not
    sent, and says the file's title names May, with the cell to correct."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    path = write_roster(folder, "BanCo_moi.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                        period="2024-04", prepared=date(2024, 5, 20))  # fmt: skip
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM BẢN CỌ – THÁNG 5/2024"
    book.save(path)
    result, _, _ = execute(folder, out, "2024-05")
    assert {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}["Bản Cọ"] == "missing"
    said = [n for n in NOTICES if in_language(n, "vi").startswith("Xóm Bản Cọ")]
    assert [in_language(n, "vi") for n in said] == [
        "Xóm Bản Cọ được tính là chưa nộp kỳ 05/2024: tệp 'BanCo_moi.xlsx' có tiêu đề ghi tháng "
        "05/2024 nhưng ô 'Kỳ báo cáo' ghi 04/2024. Nếu đó là danh sách kỳ 05/2024, hãy sửa ô "
        "'Kỳ báo cáo' (trang 'Thông tin', ô B4) thành 05/2024 rồi chạy lại: giamngheo run "
        "--period 2024-05"
    ]
    assert in_language(said[0], "en") == (
        "Hamlet Bản Cọ counts as not submitted for 05/2024: file 'BanCo_moi.xlsx' has a title "
        "naming 05/2024 but its 'Kỳ báo cáo' says 04/2024. If it is the 05/2024 list, correct "
        "'Kỳ báo cáo' (sheet 'Thông tin', cell B4) to 05/2024 and run again: giamngheo run "
        "--period 2024-05"
    )


def test_the_feedback_of_a_list_without_info_titled_last_month_says_so(tmp_path):
    """Session 18's case (tests.test_session18_reading): Nà Mòn's 'DS_NaMon_2024-05.xlsx' has no
    'Thông tin' and keeps April's title. Its PhanHoi's status line says the file name and the
    title disagree (no 'Thông tin' to correct), with the title's cell yellow: one warning, no
    error. No test read this line."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    copied = write_roster(folder, "tmp.xlsx", "Nà Mòn", 100, [person("NM1", "poor")],
                          period="2024-04")  # fmt: skip
    without_info_sheet(copied, "DS_NaMon_2024-05.xlsx")
    result, _ = collect(folder, None)
    written = publish(result, tmp_path / "out")
    path = next(p for p in written["feedback"] if p.name == "Nà Mòn_2024-05.xlsx")
    rows = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(max_row=8, values_only=True))
    head = {
        cells[0]: cells[1] for row in rows if len(cells := [c for c in row if c is not None]) > 1
    }
    assert head["Tệp đã nhận:"] == "DS_NaMon_2024-05.xlsx"
    assert head["Tình trạng:"] == (
        "Danh sách chưa được tính vào kỳ 05/2024: tên tệp ghi kỳ 05/2024 nhưng tiêu đề danh sách "
        "ghi tháng 04/2024 (tệp không có trang 'Thông tin'). Nếu đây là danh sách kỳ 05/2024, "
        "hãy sửa tiêu đề (ô tô vàng) rồi gửi lại."
    )
    assert (head["Số lỗi:"], head["Số cảnh báo:"]) == (0, 1)


def _plan_in_rounds(folder):
    """The plan, its start list's 'Phân loại hộ' over 'Lần 1 | Lần 2' (J4 | K4, a header row
    put in at 4, the households from row 5: NM1 at 5, NM2 at 6, NM4 at 8). Lần 1 says NM2
    'Hộ cận nghèo'; Lần 2 leaves NM4 blank; every other household alike in both."""
    plan = write_plan(folder)
    book = openpyxl.load_workbook(plan)
    sheet = book["Danh sách đầu năm"]
    sheet.insert_cols(10)
    sheet.insert_rows(4)
    sheet["J3"], sheet["J4"], sheet["K4"] = "Phân loại hộ", "Lần 1", "Lần 2"
    for row in range(5, sheet.max_row + 1):
        code = sheet.cell(row, 3).value
        if code:
            older = "Hộ cận nghèo" if code == "NM2" else sheet.cell(row, 11).value
            sheet.cell(row, 10).value = older
            if code == "NM4":
                sheet.cell(row, 11).value = None
    sheet.merge_cells("J3:K3")
    for col in range(1, sheet.max_column + 1):
        if col not in (10, 11) and sheet.cell(3, col).value is not None:
            sheet.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    book.save(plan)
    return plan


def test_a_start_list_class_written_in_two_rounds_reads_the_later_and_fills_its_blanks(
    tmp_path,
):
    """Lần 2 read: NM2 poor (Lần 1 said near-poor: the difference told, row 6), NM4 blank in
    Lần 2 read from Lần 1, near-poor (told, row 8): Nà Mòn's start is NM1-3 poor, NM4-5
    near-poor, as the plan's template writes it, so May's movements are session 23's
    (POOR_MOVES, NEAR_MOVES). The plan's warning: no test read this 'rounds' wording."""
    folder = tmp_path / "input"
    folder.mkdir()
    plan = _plan_in_rounds(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    result = execute(folder, tmp_path / "out", "2024-05")[0]
    moves = moves_without_zeros(na_mon_in_summary(result.summary)["movements"])
    assert moves == {"poor": POOR_MOVES, "near_poor": NEAR_MOVES}
    planned = past_targets([i for i in result.issues if i.file == plan.name])
    assert [(i.code, i.sheet, i.cell) for i in planned] == [
        ("plan-value-guessed", "Danh sách đầu năm", "J4")
    ]
    assert planned[0].message("vi") == (
        "Kế hoạch: trang 'Danh sách đầu năm' có cột 'Phân loại hộ' ghi nhiều lần (lần trước ở ô "
        "J4, lần sau ở ô K4): mỗi hộ đọc lần sau, lần trước chỉ đọc khi lần sau để trống; 1 dòng "
        "hộ ghi hai lần khác nhau (đầu tiên là dòng 6): đã đọc lần sau; 1 dòng hộ chưa ghi lần "
        "sau (đầu tiên là dòng 8): đã đọc lần trước."
    )
    assert planned[0].message("en") == (
        "The plan: sheet 'Danh sách đầu năm' has column 'Phân loại hộ' written more than once "
        "(the earlier at J4, the later at K4): each household is read from the later one, from "
        "the earlier only where the later is blank; 1 household row(s) differ between the two "
        "(the first row 6): the later one was read; 1 household row(s) leave the later one "
        "blank (the first row 8): the earlier one was read."
    )
    checked = past_targets([i for i in check_files([plan]) if i.file == plan.name])
    assert [(i.code, i.cell) for i in checked] == [("plan-value-guessed", "J4")]


def test_hidden_rows_past_eight_runs_are_counted(tmp_path):
    """Nà Mòn's template list of NM1-NM20 (rows 5-24), the odd ones poor, the even near-poor,
    whose ten near-poor rows (6, 8, … 24: ten runs of one row) the head hid by hand. All
    twenty counted (10 poor, 10 near-poor), told once at B6: the first eight runs named, then
    "… (10 dòng)", the rows in all. No test hid more than eight runs."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    rows = [person(f"NM{i}", "poor" if i % 2 else "near_poor") for i in range(1, 21)]
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, rows)
    book = openpyxl.load_workbook(path)
    assert book["Danh sách"]["B24"].value == "NM20"
    for row in range(6, 25, 2):
        book["Danh sách"].row_dimensions[row].hidden = True
    book.save(path)
    result, _, _ = execute(folder, tmp_path / "ra", "2024-05")
    hamlet = na_mon_in_summary(result.summary)
    assert (hamlet["poor"], hamlet["near_poor"]) == (10, 10)
    [told] = [i for i in result.issues if i.code == "rows-hidden"]
    assert (told.cell, told.variant) == ("B6", "")
    assert in_language(told.value, "vi") == "các dòng 6, 8, 10, 12, 14, 16, 18, 20, … (10 dòng)"
    assert in_language(told.value, "en") == "rows 6, 8, 10, 12, 14, 16, 18, 20, … (10 rows)"
    assert told.message("vi").startswith(
        "Trong danh sách có các dòng 6, 8, 10, 12, 14, 16, 18, 20, … (10 dòng) đang bị ẩn (Hide) "
        "nhưng vẫn là dòng hộ, nên xã vẫn đọc và tính các hộ đó như mọi hộ khác."
    )


def test_the_feedback_of_a_list_with_no_period_anywhere_says_what_was_taken(tmp_path):
    """Nà Mòn's 'DS_NaMon.xlsx': no 'Thông tin', a title naming the hamlet and no month, a file
    name with no month. Refused (no period); its PhanHoi's guide says the period cell is to be
    written (the error) and, in the warning on the 'Thông tin' sheet it adds, that the hamlet
    was taken from the title or file name and no period found anywhere."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    path = write_roster(folder, "tmp.xlsx", "Nà Mòn", 100, [person("NM1", "poor")])
    path = without_info_sheet(path, "DS_NaMon.xlsx")
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN"
    book.save(path)
    result, _, _ = execute(folder, tmp_path / "out", "2024-05")
    assert {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}["Nà Mòn"] == "rejected"
    guide = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    rows = [
        [c for c in row if c is not None] for row in guide.worksheets[0].iter_rows(values_only=True)
    ]
    said = {row[2]: row[-1] for row in rows if row and row[0] in (1, 2)}
    assert said["B4"].startswith("Không tìm thấy kỳ báo cáo của danh sách:")
    assert said["B5"].startswith(
        "Không có trang 'Thông tin'; đã lấy xóm 'Nà Mòn' từ tiêu đề/tên tệp (không thấy kỳ báo "
        "cáo ở đâu), tổng số hộ dân cư từ kế hoạch đầu năm. Xã đã thêm trang 'Thông tin' vào tệp "
        "phản hồi này"
    )


def test_the_movement_list_without_a_start_list_heads_its_start_column_with_the_first_month(
    tmp_path,
):
    """A plan with no start list; March stored (NM1, NM2 poor), April never run, May: NM2
    near-poor. May's year movements start from March (the year's first stored month) and it
    has no month table (no April): 'Biến động''s list of households heads its start column
    'Tháng 3/2024', not 'Đầu năm'; NM2 is there twice, poor to near-poor."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder, with_start_list=False)
    for period, near in (("2024-03", ()), ("2024-05", ("NM2",))):
        rows = [person(c, "near_poor" if c in near else "poor") for c in ("NM1", "NM2")]
        month = int(period[5:])
        write_roster(folder, f"NaMon_{month:02d}.xlsx", "Nà Mòn", 100, rows, period=period,
                     prepared=date(2024, month + 1, 3))  # fmt: skip
        result, _, _ = execute(folder, tmp_path / "out", period)
    assert (result.summary["start_from"], result.summary.get("previous_period")) == (
        "2024-03",
        None,
    )
    book = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx")
    rows = [[c for c in r if c is not None] for r in book["Biến động"].iter_rows(values_only=True)]
    head = next(i for i, r in enumerate(rows) if "Mã hộ" in r)
    assert rows[head : head + 3] == [
        ["STT", "Xóm", "Mã hộ", "Họ và tên chủ hộ", "Danh sách", "Biến động", "Tháng 3/2024",
         "Hiện tại", "Phạm vi"],
        [1, "Nà Mòn", "NM2", "Hoàng Văn NM2", "Hộ nghèo", "Chuyển sang hộ cận nghèo", "Hộ nghèo",
         "Hộ cận nghèo", "Từ đầu năm"],
        [2, "Nà Mòn", "NM2", "Hoàng Văn NM2", "Hộ cận nghèo", "Từ hộ nghèo chuyển sang hộ cận nghèo",
         "Hộ nghèo", "Hộ cận nghèo", "Từ đầu năm"],
    ]  # fmt: skip


def test_more_mistyped_command_lines_are_one_line_in_either_language():
    """click's complaints no test made: a flag given a value, an argument too many, a whole
    number option given a word (no bounds said: '--seed')."""
    expected = {
        ("run", "--replace=1"): (
            "LỖI: Tùy chọn '--replace' không nhận giá trị. Xem: giamngheo run --help",
            "ERROR: Option '--replace' takes no value. See: giamngheo run --help",
        ),
        ("run", "thua"): (
            "LỖI: Thừa đối số: thua. Xem: giamngheo run --help",
            "ERROR: Unexpected extra argument(s): thua. See: giamngheo run --help",
        ),
        ("sample", "x", "--seed", "abc"): (
            "LỖI: Giá trị '--seed' không hợp lệ: 'abc' (cần một số nguyên). Xem: giamngheo "
            "sample --help",
            "ERROR: Invalid value for '--seed': 'abc' (expected a whole number). See: giamngheo "
            "sample --help",
        ),
    }
    for args, (vi, en) in expected.items():
        for lang, line in (("vi", vi), ("en", en)):
            done = cli(*args, *(["--lang", "en"] if lang == "en" else []))
            assert done.returncode == 2, args
            assert one_line(done) == line
            assert done.stdout == ""


def test_no_plan_among_more_than_three_unreadable_files_names_three(tmp_path):
    """A folder with Nà Mòn's list and four damaged workbooks, no plan readable: the run stops
    naming the first three unread files and how many more (not '…', which ended on a
    doubled stop)."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, [person("NM1", "poor")])
    for name in ("A.xlsx", "B.xlsx", "C.xlsx", "D.xlsx"):
        (folder / name).write_bytes(b"PK\x03\x04 cut short")
    with pytest.raises(FatalError) as stop:
        execute(folder, tmp_path / "out", None)
    assert in_language(stop.value.args[0], "vi") == (
        "Không tìm thấy tệp kế hoạch trong "
        "thư mục đầu vào. Không đọc được 4 tệp, trong đó có thể có kế hoạch: A.xlsx, B.xlsx, "
        "C.xlsx và 1 tệp khác."
    )
    assert in_language(stop.value.args[0], "en") == (
        "No plan file was found in the input "
        "folder. 4 file(s) could not be read, the plan may be among them: A.xlsx, B.xlsx, "
        "C.xlsx and 1 more."
    )


def test_the_screen_line_of_a_plan_set_aside_of_another_commune_or_unread():
    """The run's screen names each plan of the year set aside (cli._plans_set_aside). Two
    cases no test printed: the plan of the commune merged away (planpick._other_commune: no month
    stored, the file saved last used), and a copy that cannot be read as a plan (no figures
    compared). "tệp này" / "this one" of the warning is the one set aside, on screen."""
    used = SimpleNamespace(plan=SimpleNamespace(commune="Trung Lương Mới"),
                           sub=SimpleNamespace(file="KeHoach_2024.xlsx"))  # fmt: skip
    old = SimpleNamespace(plan=SimpleNamespace(commune="Trung Lương"),
                          sub=SimpleNamespace(file="KeHoach_cu.xlsx"))  # fmt: skip
    merged = _other_commune(used, old, None)
    unread = _duplicate(used, SimpleNamespace(plan=None, sub=SimpleNamespace(file="KH_hong.xlsx")))
    assert _plans_set_aside([merged, unread], "vi") == [
        "Kế hoạch: dùng 'KeHoach_2024.xlsx', để riêng 'KeHoach_cu.xlsx' cùng năm — tệp đã dùng là "
        "kế hoạch của xã 'Trung Lương Mới' (tệp sửa sau cùng), tệp để riêng của xã 'Trung "
        "Lương' (xem trang 'Lỗi dữ liệu')",
        "Kế hoạch: dùng 'KeHoach_2024.xlsx' (tệp sửa sau cùng), để riêng 'KH_hong.xlsx' cùng năm "
        "— không so được số liệu: tệp để riêng không đọc được làm kế hoạch (xem trang 'Lỗi dữ "
        "liệu')",
    ]
    assert _plans_set_aside([merged, unread], "en") == [
        "Plan: used 'KeHoach_2024.xlsx', set aside 'KeHoach_cu.xlsx' of the same year — the plan "
        "used is for commune 'Trung Lương Mới' (the last saved), the one set aside for commune "
        "'Trung Lương' (see sheet 'Lỗi dữ liệu')",
        "Plan: used 'KeHoach_2024.xlsx' (the last saved), set aside 'KH_hong.xlsx' of the same "
        "year — figures not compared: the one set aside cannot be read as a plan (see sheet "
        "'Lỗi dữ liệu')",
    ]


def test_a_row_without_code_nor_birth_year_is_known_by_the_heads_name_alone(tmp_path):
    """tests.test_left_copied_on's April and May (NM3 left in April, its row copied on to May
    with its Mã hộ blank), the row's birth year blank too: known by the head's name alone, said
    so ("dòng không ghi năm sinh"), counted as exited as with the year: poor 3 − 1 = 2. No test
    left the year blank."""
    folder, out, may_file, may = april_then_may_without_code(tmp_path, None)
    [said] = [i for i in may.issues if i.code == "household-left-copied-on"]
    assert (said.row, said.cell, said.variant) == (8, "H8", "by-name")
    assert said.message("vi").startswith(
        "Dòng này không ghi Mã hộ, nhưng họ tên chủ hộ (dòng không ghi năm sinh) trùng với hộ "
        "'NM3' (Hoàng Văn NM3, 1970), hộ đã ra khỏi danh sách hộ nghèo, hộ cận nghèo từ tháng "
        "04/2024 (theo số liệu xã đã tổng hợp)"
    )
    assert said.message("en").startswith(
        "This row has no 'Mã hộ', but the head's name (the row writes no birth year) is that of "
        "household 'NM3' (Hoàng Văn NM3, 1970), which left the poor and near-poor lists in "
        "04/2024"
    )
    left = {"poor": {"start": 3, "exited": 1, "end": 2}, "near_poor": {"start": 2, "end": 2}}
    quiet = {"poor": {"start": 2, "end": 2}, "near_poor": {"start": 2, "end": 2}}
    assert na_mon_figures(may) == (2, 2, left, quiet)


def test_a_negative_count_in_the_plans_targets_table_refuses_the_plan(tmp_path):
    """Bản Cọ's start poor written -2 (C5 of 'Chỉ tiêu theo xóm'): the plan is refused, the
    cell named as a negative number. No test wrote a negative count there."""
    reason = refusal(edited(tmp_path, {"C5": -2}))
    assert str(reason) == (
        "KeHoach_2024.xlsx, trang 'Chỉ tiêu theo xóm': dòng 5 (Bản Cọ), cột C 'Số hộ nghèo đầu "
        "năm' ghi -2, là số âm. Hãy sửa tệp kế hoạch rồi chạy lại."
    )
    assert reason.en == (
        "KeHoach_2024.xlsx, sheet 'Chỉ tiêu theo xóm': row 5 (Bản Cọ), column C 'Số hộ nghèo "
        "đầu năm' holds -2, a negative number. Correct the plan file and run again."
    )


def test_the_screen_says_no_progress_against_a_target_of_zero(tmp_path):
    """May (tests.test_session23_notices.write_may) under a plan whose commune poor target is 0: 4
    poor of 300 (1,33 %) against 5 at the start (1,67 %), down 0,33 point, met; progress has
    no value (÷ 0), said "—" on the run's screen, in either language."""
    folder = tmp_path / "in"
    folder.mkdir()
    info = dict(PLAN_INFO, poor_target=0)
    write_plan_workbook(folder / "KeHoach_2024.xlsx", info, plan_hamlets(), start_list())
    write_may(folder)
    for lang, line in (
        ("vi", ["Tỷ lệ hộ nghèo: 1,33 % — ĐẠT (— kế hoạch)",
                "    đầu năm 1,67 %, giảm 0,33 điểm / chỉ tiêu 0,00 điểm"]),
        ("en", ["Poor rate: 1.33 % — MET (— of plan)",
                "    start 1.67 %, down 0.33 points / target 0.00 points"]),
    ):  # fmt: skip
        done = cli("run", "--input", str(folder), "--output", str(tmp_path / lang),
                   "--period", "2024-05", "--quiet", "--lang", lang)  # fmt: skip
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()  # two lines a rate (session 58, D2)
        assert lines[lines.index(line[0]) + 1] == line[1]


def test_a_code_on_both_list_sheets_of_one_file_names_the_other_sheet(tmp_path):
    """Nà Mòn's 'DS_NaMon.xlsx' with its poor households on sheet 'Hộ nghèo' (header row 1:
    NM1 2, NM3 'Thoát' 3, NM5 4, NM6 5) and its near-poor on 'Hộ cận nghèo' (NM2 2, NM4 3);
    NM4 written again at row 6 of 'Hộ nghèo', poor. Both NM4 rows are left out (a code used
    twice), each naming the other sheet of the same file: poor NM1, NM5, NM6 = 3; near-poor
    NM2 = 1. No test put one code on two sheets of one file."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    households = messy.na_mon_households()
    near = [hh for hh in households if hh["phan_loai"] == "Hộ cận nghèo"]
    others = [hh for hh in households if hh["phan_loai"] != "Hộ cận nghèo"]
    others.append(dict(near[-1], phan_loai="Hộ nghèo"))
    placed_poor, placed_near = messy.Placed(), messy.Placed()
    sheets = [
        messy.roster_sheet(others, messy.Layout(sheet="Hộ nghèo"), messy.Typing(), placed_poor),
        messy.roster_sheet(near, messy.Layout(sheet="Hộ cận nghèo"), messy.Typing(), placed_near),
        messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102)),
    ]
    messy.write_book(folder / "DS_NaMon.xlsx", sheets)
    assert (placed_poor.rows["NM4"], placed_near.rows["NM4"]) == (6, 3)
    result, _ = collect(folder, None, workers=0)
    said = sorted((i.sheet, i.cell, i.message("vi"), i.message("en")) for i in result.issues
                  if i.code == "duplicate-household-id")  # fmt: skip
    assert [s[:2] for s in said] == [("Hộ cận nghèo", "B3"), ("Hộ nghèo", "B6")]
    assert said[0][2].startswith(
        "Mã hộ 'NM4' bị trùng với trang 'Hộ nghèo', dòng 6 của tệp này. Nếu là cùng một hộ"
    )
    assert said[1][2].startswith(
        "Mã hộ 'NM4' bị trùng với trang 'Hộ cận nghèo', dòng 3 của tệp này. Nếu là cùng một hộ"
    )
    assert said[1][3].startswith(
        "Household code 'NM4' is also used at sheet 'Hộ cận nghèo', row 3 of this file. If"
    )
    hamlet = na_mon_in_summary(result.summary)
    assert (hamlet["status"], hamlet["poor"], hamlet["near_poor"]) == ("ok", 3, 1)


def test_the_feedback_copy_keeps_a_boolean_and_a_time_as_the_list_shows_them(tmp_path):
    """Nà Mòn's list with 'Ghi chú' (Z) holding TRUE (a boolean) at NM1's row 5 and the time
    08:30 at NM2's row 6, and NM3's class (I7) '???' so that a PhanHoi is written: its copy of
    the list shows Z5 'TRUE' and Z6 08:30 in a time format, as Excel showed them (no test
    copied such cells: feedback._typed)."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor")]
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, rows)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert (sheet["Z4"].value, sheet["I4"].value) == ("Ghi chú", "Phân loại hộ")
    sheet["Z5"], sheet["Z6"], sheet["I7"] = True, time(8, 30), "???"
    book.save(path)
    result, _, _ = execute(folder, tmp_path / "out", "2024-05")
    assert [i.cell for i in result.issues if i.code == "invalid-classification"] == ["I7"]
    copy = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    sheet = copy["Danh sách"]
    assert (sheet["Z5"].value, sheet["Z6"].value) == ("TRUE", time(8, 30))
    assert sheet["Z6"].number_format == "hh:mm:ss"


def test_hidden_rows_of_a_list_marking_its_class_without_an_exit_column(tmp_path):
    """Nà Mòn's list marks the class under 'Hộ nghèo | Hộ cận nghèo' only (session 18's layout
    less its 'Thoát nghèo' column; rows 5-9: NM1 poor, NM2 near-poor, NM4 near-poor, NM5 poor,
    NM6 poor), NM2 (6) and NM5 (8) hidden by hand. Counted by hand: poor NM1, NM5, NM6 = 3;
    near-poor NM2, NM4 = 2. With no column to mark an exit in, the head is told to add a
    'Thoát' column beside the last class column (no test had such a list hide rows)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    sheet = messy.SheetSpec("Danh sách")
    sheet.merge(0, 0, 0, 7, "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN - THÁNG 5/2024")
    for col, text in enumerate(["STT", "Mã hộ", "Họ và tên chủ hộ", "Năm sinh", "Số nhân khẩu"]):
        sheet.merge(2, col, 3, col, text)
    sheet.merge(2, 5, 2, 6, "Phân loại hộ")
    sheet.put(3, 5, "Hộ nghèo")
    sheet.put(3, 6, "Hộ cận nghèo")
    sheet.merge(2, 7, 3, 7, "Ghi chú")
    rows = [
        (1, "NM1", "Lò Văn Một", 1970, 4, "x", None),
        (2, "NM2", "Lò Văn Hai", 1971, 3, None, "x"),
        (3, "NM4", "Lò Thị Bốn", 1973, 2, None, "x"),
        (4, "NM5", "Lò Văn Năm", 1974, 6, "x", None),
        (5, "NM6", "Lò Văn Sáu", 1975, 4, "x", None),
    ]
    sheet.hidden_rows = {5: "collapse", 7: "collapse"}  # 0-based: rows 6 and 8
    write_na_mon(folder, sheet, rows, 4)
    result, _, _ = execute(folder, tmp_path / "ra", "2024-05")
    hamlet = na_mon_in_summary(result.summary)
    assert (hamlet["poor"], hamlet["near_poor"]) == (3, 2)
    [told] = [i for i in result.issues if i.code == "rows-hidden"]
    assert (told.cell, in_language(told.value, "vi")) == ("B6", "các dòng 6, 8")
    assert (
        "Nếu các hộ đó đã ra khỏi danh sách, hãy thêm cột 'Thoát' bên cạnh cột 'Hộ cận nghèo' và "
        "đánh dấu 'x' ở cột đó cho các dòng đó thay vì ẩn dòng;" in told.message("vi")
    )
    assert (
        "If they have left the list, add a 'Thoát' column beside the 'Hộ cận nghèo' column and "
        "mark 'x' there for them instead of hiding the rows;" in told.message("en")
    )


def test_a_hamlet_name_cell_unread_in_the_plan_is_said_with_how_to_fix_it(tmp_path):
    """Bản Cọ's name in the targets table (A5) a formula saved without its value (the plan
    written by a script or LibreOffice), then showing '#N/A' (a VLOOKUP that found nothing): the
    row holds a hamlet's figures, so the plan is refused naming the cell, in the words a count
    cell's are said in, and the '#N/A' told to be replaced by the hamlet's name."""
    reason = refusal(edited(tmp_path, {"A5": "=DanhMuc!A2"}))
    assert reason == (
        "KeHoach_2024.xlsx, trang 'Chỉ tiêu theo xóm': dòng 5, cột A 'Xóm' (tên xóm) có công "
        "thức nhưng không có giá trị đã tính (tệp được lưu bằng chương trình khác Excel: hãy mở "
        "tệp bằng Excel, nhấn Lưu). Hãy sửa tệp kế hoạch rồi chạy lại."
    )
    assert reason.en == (
        "KeHoach_2024.xlsx, sheet 'Chỉ tiêu theo xóm': row 5, column A 'Xóm' (the hamlet's "
        "name) holds a formula but no calculated value (the file was saved by a program other "
        "than Excel: open it in Excel and press Save). Correct the plan file and run again."
    )
    reason = refusal(edited(tmp_path, {"A5": "#N/A"}))
    assert reason == (
        "KeHoach_2024.xlsx, trang 'Chỉ tiêu theo xóm': dòng 5, cột A 'Xóm' (tên xóm) hiện lỗi "
        "'#N/A': hãy ghi tên xóm vào ô này. Hãy sửa tệp kế hoạch rồi chạy lại."
    )
    assert reason.en == (
        "KeHoach_2024.xlsx, sheet 'Chỉ tiêu theo xóm': row 5, column A 'Xóm' (the hamlet's "
        "name) shows the error '#N/A': write the hamlet's name in it. Correct the plan file and "
        "run again."
    )


_NO_HAMLET = (
    "Không xác định được tên xóm của tệp: tệp không có trang 'Thông tin', tiêu đề danh sách và "
    "tên tệp cũng không ghi tên xóm nào có trong kế hoạch. Hãy đặt tên tệp theo tên xóm như "
    "trong kế hoạch, hoặc thêm trang 'Thông tin' như mẫu và ghi tên xóm vào ô 'Xóm', rồi chạy lại."
)
_NO_HAMLET_EN = (
    "The file's hamlet cannot be told: the file has no 'Thông tin' sheet, and neither the list's "
    "title nor the file name names a hamlet of the plan. Name the file after the hamlet as the "
    "plan writes it, or add a 'Thông tin' sheet as in the template and write the hamlet in its "
    "'Xóm' cell, then run again."
)


@pytest.mark.parametrize(
    ("name", "title", "taken"),
    [
        (
            "DanhSach_T5.xlsx",
            "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO THÁNG 5/2024",
            "kỳ 05/2024 từ tiêu đề/tên tệp (không thấy tên xóm ở đâu)",
        ),
        (
            "DanhSach.xlsx",
            "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO",
            "danh sách hộ từ trang 'Danh sách' (không thấy tên xóm và kỳ báo cáo ở đâu)",
        ),
    ],
)
def test_a_list_without_info_naming_no_hamlet_is_told_how_to_name_it(tmp_path, name, title, taken):
    """Nà Mòn's list sent without 'Thông tin', its title and file name naming no hamlet (the
    title giving May, or no month either). Refused: the officer is no longer sent to the 'Xóm'
    cell of a 'Thông tin' sheet the file lacks, but told to name the file after the hamlet or add
    the sheet; the head's PhanHoi, which adds that sheet, asks for its 'Xóm' cell and says what
    was taken (the period, or only the households' sheet)."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    path = without_info_sheet(
        write_roster(folder, "tmp.xlsx", "Nà Mòn", 100, [person("NM1", "poor")]), name
    )
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = title
    book.save(path)
    result, _, _ = execute(folder, tmp_path / "out", "2024-05")
    [refused] = [i for i in result.issues if i.file == name]
    assert (refused.code, refused.sheet, refused.cell) == ("missing-hamlet", "Danh sách", "")
    assert (refused.message("vi"), refused.message("en")) == (_NO_HAMLET, _NO_HAMLET_EN)
    [checked] = [i for i in check_files(sorted(folder.iterdir())) if i.file == name]
    assert checked.message("vi") == _NO_HAMLET
    guide = openpyxl.load_workbook(
        tmp_path / "out" / "2024-05" / "PhanHoi" / f"{name[:-5]}_2024-05.xlsx"
    )
    rows = [
        [c for c in row if c is not None] for row in guide.worksheets[0].iter_rows(values_only=True)
    ]
    said = {row[2]: row[-1] for row in rows if row and row[0] in (1, 2)}
    assert said == {
        "B3": "Không xác định được tên xóm của tệp. Hãy ghi tên xóm vào ô 'Xóm' của trang "
        "'Thông tin'.",
        "B6": f"Không có trang 'Thông tin'; đã lấy {taken}. Xã đã thêm trang 'Thông tin' vào tệp "
        "phản hồi này, ghi những gì xã đã hiểu: hãy kiểm tra Xã, Xóm, Kỳ báo cáo và Tổng số hộ "
        "dân cư, sửa nếu sai, và ghi Người lập, Ngày lập vào các ô tô màu. Lần sau hãy gửi danh "
        "sách kèm trang 'Thông tin' như trang đó (có thể chép trang đó vào tệp của xóm).",
    }


@pytest.mark.parametrize(
    ("time", "advised"), [("Tháng 1", "Tháng 12"), ("T1/2024", "Tháng 12/2023")]
)
def test_a_january_column_twice_advises_december_of_the_year_before(tmp_path, time, advised):
    """Nà Mòn's January list heads its class column 'Tháng 1' (or 'T1/2024') twice, the two
    differing in NM2 (row 7; Bản Cọ's list counted): refused, and the older column's header is to be corrected to last
    December, of 2023 when the header names its year."""
    folder = tmp_path
    write_plan(folder)
    codes = ("NM1", "NM2", "NM3", "NM4", "NM5", "NM6")
    marks = {"NM1": "Hộ nghèo", "NM2": "Hộ cận nghèo", "NM3": "Thoát", "NM4": "Hộ cận nghèo",
             "NM5": "Hộ nghèo", "NM6": "Hộ nghèo"}  # fmt: skip
    rows = [person(c, {"Hộ nghèo": "poor", "Hộ cận nghèo": "near_poor"}.get(marks[c], "exited"))
            for c in codes]  # fmt: skip
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows, period="2024-01")
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")], period="2024-01")
    split(path, 9, [(time, marks), (time, {**marks, "NM2": "Hộ nghèo"})])
    result, _ = collect(folder, "2024-01", workers=0)
    said = [i for i in result.issues if i.code == "column-twice"]
    assert [(i.cell, i.variant, i.instead) for i in said] == [
        ("I5", "timed", advised),
        ("J5", "timed", advised),
    ]
    assert said[0].message("vi") == (
        f"Cột 'Phân loại hộ {time}' có hai lần (I5 và J5) và hai cột ghi khác nhau ở 1 dòng hộ, "
        "đầu tiên là dòng 7: không biết cột nào đúng nên danh sách chưa được tổng hợp. Hãy xóa "
        "cột không dùng; nếu đó là số liệu cũ, hãy sửa thời gian ghi ở tiêu đề của nó cho đúng "
        f"(ví dụ '{advised}') rồi gửi lại."
    )


def test_the_feedback_copy_shows_a_duration_as_the_list_shows_it(tmp_path):
    """Nà Mòn's 'Ghi chú' (Z) holding durations, as a cell formatted '[h]:mm:ss' holds them:
    26:30:00 at NM1's row 5, 1:30 at NM2's row 6; NM3's class (I7) '???' so that a PhanHoi is
    written. Its copy showed '1 day, 2:30:00' (Python's text, in English); it now holds the
    durations in the '[h]:mm:ss' format, 26:30:00 and 1:30:00 as in the head's file."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor")]
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, rows)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    sheet["Z5"], sheet["Z6"], sheet["I7"] = (
        timedelta(hours=26, minutes=30),
        timedelta(minutes=90),
        "???",
    )
    sheet["Z5"].number_format = sheet["Z6"].number_format = "[h]:mm:ss"
    book.save(path)
    result, _, _ = execute(folder, tmp_path / "out", "2024-05")
    assert [i.cell for i in result.issues if i.code == "invalid-classification"] == ["I7"]
    copy = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    sheet = copy["Danh sách"]
    assert (sheet["Z5"].value, sheet["Z6"].value) == (
        timedelta(hours=26, minutes=30),
        timedelta(minutes=90),
    )
    assert sheet["Z5"].number_format == sheet["Z6"].number_format == "[h]:mm:ss"
    # a negative duration, which Excel cannot show as a time, is written as its text
    assert _typed(timedelta(minutes=-90)) == ("string", "-1:30:00", None)


def test_a_late_list_under_the_old_name_in_its_title_is_told_to_correct_the_title(tmp_path):
    """Session 32's renamed hamlet ('Nà Mòn' in March, 'Nà Mòn Mới' in April, 'Tân Mòn' in May,
    each month run). Nà Mòn's head sends March again without 'Thông tin', the hamlet named only in
    the title ('… XÓM NÀ MÒN – THÁNG 3/2024'). The notice told him to correct the 'Xóm' cell, a
    cell the file lacks, and named no place; it now names the title to correct."""
    folder, out = renamed_twice(tmp_path)
    late = "NaMon_sua_2024-03.xlsx"
    _renamed_na_mon(folder, "2024-03", "Nà Mòn", (3, 4, 5), name="tmp.xlsx")
    without_info_sheet(folder / "tmp.xlsx", late)
    execute(folder, out, "2024-05")
    [said] = [n for n in NOTICES if "Có danh sách kỳ 03/2024" in in_language(n, "vi")]
    assert in_language(said, "vi") == (
        f"Có danh sách kỳ 03/2024 của xóm Tân Mòn (trước đây: Nà Mòn) ('{late}') khác với tệp "
        "đã dùng khi tổng hợp kỳ đó (có thể là bản sửa). Để tính lại kỳ đó, hãy sửa tên xóm "
        f"thành tên mới như trong kế hoạch (tệp '{late}' ghi 'NÀ MÒN' ở tiêu đề trang 'Danh "
        "sách', kế hoạch nay ghi là 'Tân Mòn') rồi chạy lại: giamngheo run --period 2024-03"
    )
    assert in_language(said, "en") == (
        f"There is a 03/2024 list of Tân Mòn (formerly Nà Mòn) ('{late}') other than the file "
        "that period's run used (a corrected copy?). To count that period again, write the new "
        f"name, as the plan has it, for the old one (file '{late}' says 'NÀ MÒN' in the title of "
        "sheet 'Danh sách', which the plan now writes 'Tân Mòn') and run again: giamngheo run "
        "--period 2024-03"
    )


def test_a_late_list_under_the_name_of_two_renames_back_is_told_with_the_cell(tmp_path):
    """The hamlet renamed twice (March 'Nà Mòn', April 'Nà Mòn Mới', May 'Tân Mòn'), June run
    too. May's list sent again under March's name 'Nà Mòn': May and April had no hamlet of that
    name, March had it, renamed since to 'Tân Mòn' (renames.named_before past months without the
    name): told with the cell to correct. Sent under a name no month had ('Xóm Lạ'): nothing
    said (run again, May refuses it for its 'Xóm')."""
    folder, out = renamed_twice(tmp_path)
    _renamed_na_mon(folder, "2024-06", "Tân Mòn", (2, 3, 4, 5))
    execute(folder, out, "2024-06")
    late = "NaMon_sua_2024-05.xlsx"
    _renamed_na_mon(folder, "2024-05", "Nà Mòn", (3, 4, 5), name=late)
    execute(folder, out, "2024-06")
    said = [in_language(n, "vi") for n in NOTICES if "Có danh sách kỳ" in in_language(n, "vi")]
    assert said == [
        f"Có danh sách kỳ 05/2024 của xóm Tân Mòn ('{late}') khác với tệp đã dùng khi tổng hợp "
        "kỳ đó (có thể là bản sửa). Để tính lại kỳ đó, hãy sửa ô 'Xóm' thành tên mới như trong "
        f"kế hoạch (tệp '{late}' ghi 'Nà Mòn' ở ô B3 trang 'Thông tin', kế hoạch nay ghi là "
        "'Tân Mòn') rồi chạy lại: giamngheo run --period 2024-05"
    ]
    _renamed_na_mon(folder, "2024-05", "Xóm Lạ", (3, 4, 5), name=late)
    execute(folder, out, "2024-06")
    assert [n for n in NOTICES if "Có danh sách kỳ" in in_language(n, "vi")] == []
