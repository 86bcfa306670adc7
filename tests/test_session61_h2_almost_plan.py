"""Session 61 (H2): a plan there but not told a plan is named, with the sheet it lacks.

May 2024's folder (tests.commune.may_folder: the plan and Nà Mòn's and Bản Cọ's lists) with
the plan 'KeHoach_2024.xlsx' spoiled as an officer spoils it: its 'Chỉ tiêu theo xóm' sheet
deleted and its 'Loại biểu' blanked (no sheet then tells it a plan, CONTRACT §3), its targets
sheet renamed, its 'Thông tin chung' renamed, or both renamed (only its file name then says
what it is). The run's stop said "Không tìm thấy tệp kế hoạch … Hãy chép tệp kế hoạch … vào
thư mục đầu vào", which the officer had done; it names the file and the sheet it lacks now, in
one line, and `check`'s 'plan-missing' alike. Beside a plan of another year (2025) the run's
stop and `check`'s 'plan-of-other-year' name it too. Whole lines asserted, both languages."""

from __future__ import annotations

import openpyxl
from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import may_folder
from tests.year import write_plan as write_plan_of_year

STOP_VI = "LỖI: Không tìm thấy tệp kế hoạch trong thư mục đầu vào."
STOP_EN = "ERROR: No plan file was found in the input folder."
DO_VI = ": hãy đặt tên trang đúng như mẫu MauKeHoach.xlsx (hoặc thêm trang còn thiếu từ mẫu) rồi "
DO_EN = ": name the sheets as in the template MauKeHoach.xlsx (or add the missing one from it), "
LACKS_TARGETS_VI = (
    "Tệp 'KeHoach_2024.xlsx' có vẻ là kế hoạch nhưng không có trang 'Chỉ tiêu theo xóm'"
)
LACKS_TARGETS_EN = (
    "The file 'KeHoach_2024.xlsx' looks like the plan but has no sheet 'Chỉ tiêu theo xóm'"
)


def _spoiled(tmp_path, monkeypatch, how: str):
    """May's folder, its plan spoiled ``how``; the current folder set to ``tmp_path``."""
    folder = may_folder(tmp_path)
    path = folder / "KeHoach_2024.xlsx"
    book = openpyxl.load_workbook(path)
    info = book["Thông tin chung"]
    if how == "no-targets":
        assert info["A1"].value == "Loại biểu" and info["B1"].value == "Kế hoạch"
        info["B1"] = None
        del book["Chỉ tiêu theo xóm"]
    elif how == "targets-renamed":
        info["B1"] = None
        book["Chỉ tiêu theo xóm"].title = "Chi tieu"
    elif how == "info-renamed":  # its 'Loại biểu' still 'Kế hoạch'
        info.title = "Sheet1"
    elif how == "both-renamed":
        info.title = "TT"
        book["Chỉ tiêu theo xóm"].title = "Chỉ tiêu"
    book.save(path)
    monkeypatch.chdir(tmp_path)
    return folder


def _stop(*args: str) -> tuple[str, str]:
    """The one line a run stopped on, in Vietnamese and in English (exit 2 each)."""
    lines = []
    for lang in ("vi", "en"):
        done = CliRunner().invoke(main, [*args, "--lang", lang])
        assert done.exit_code == 2, done.output
        assert len(done.output.splitlines()) == 1, done.output
        lines.append(done.output.splitlines()[0])
    return lines[0], lines[1]


def _check_line(code: str, lang: str) -> str:
    done = CliRunner().invoke(main, ["check", "input", "--no-history", "--lang", lang])
    assert done.exit_code == 1, done.output
    found = [line for line in done.output.splitlines() if f"({code}):" in line]
    assert len(found) == 1, done.output
    return found[0]


def test_a_plan_whose_targets_sheet_was_deleted_is_named_by_the_run_and_check(
    tmp_path, monkeypatch
):
    _spoiled(tmp_path, monkeypatch, "no-targets")
    assert _stop("run", "--input", "input", "--output", "ra") == (
        f"{STOP_VI} {LACKS_TARGETS_VI}{DO_VI}chạy lại.",
        f"{STOP_EN} {LACKS_TARGETS_EN}{DO_EN}then run again.",
    )
    assert _check_line("plan-missing", "vi") == (
        "[LỖI] (plan-missing): Thư mục 'input' không có tệp kế hoạch đọc được: khi tổng hợp "
        "(make hoặc giamngheo run), chương trình sẽ dừng lại, không ghi bảng tổng hợp. "
        f"{LACKS_TARGETS_VI}{DO_VI}kiểm tra lại."
    )
    assert _check_line("plan-missing", "en") == (
        "[ERROR] (plan-missing): Folder 'input' holds no plan that can be read: a run (make or "
        f"giamngheo run) stops and writes no workbook. {LACKS_TARGETS_EN}{DO_EN}then check again."
    )


def test_a_plan_whose_targets_sheet_was_renamed_is_named_alike(tmp_path, monkeypatch):
    _spoiled(tmp_path, monkeypatch, "targets-renamed")
    assert _stop("run", "--input", "input", "--output", "ra")[0] == (
        f"{STOP_VI} {LACKS_TARGETS_VI}{DO_VI}chạy lại."
    )


def test_a_plan_whose_info_sheet_was_renamed_lacks_thong_tin_chung(tmp_path, monkeypatch):
    _spoiled(tmp_path, monkeypatch, "info-renamed")
    assert _stop("run", "--input", "input", "--output", "ra") == (
        f"{STOP_VI} Tệp 'KeHoach_2024.xlsx' có vẻ là kế hoạch nhưng không có trang 'Thông tin "
        f"chung'{DO_VI}chạy lại.",
        f"{STOP_EN} The file 'KeHoach_2024.xlsx' looks like the plan but has no sheet 'Thông "
        f"tin chung'{DO_EN}then run again.",
    )


def test_a_file_named_as_the_plan_with_both_sheets_renamed_lacks_both(tmp_path, monkeypatch):
    _spoiled(tmp_path, monkeypatch, "both-renamed")
    assert _stop("run", "--input", "input", "--output", "ra")[0] == (
        f"{STOP_VI} Tệp 'KeHoach_2024.xlsx' có vẻ là kế hoạch nhưng không có trang 'Thông tin "
        f"chung' và 'Chỉ tiêu theo xóm'{DO_VI}chạy lại."
    )
    assert _check_line("plan-missing", "vi").endswith(
        "Tệp 'KeHoach_2024.xlsx' có vẻ là kế hoạch nhưng không có trang 'Thông tin chung' và "
        f"'Chỉ tiêu theo xóm'{DO_VI}kiểm tra lại."
    )


def test_a_spoiled_plan_beside_another_years_plan_is_named_after_the_year_stop(
    tmp_path, monkeypatch
):
    folder = _spoiled(tmp_path, monkeypatch, "no-targets")
    write_plan_of_year(folder, 2025)
    vi, en = _stop("run", "--input", "input", "--output", "ra")
    assert vi == (
        "LỖI: Kế hoạch 'KeHoach_2025.xlsx' là của năm 2025, còn kỳ tổng hợp là 05/2024: số hộ "
        "đầu năm và chỉ tiêu phải là của năm 2024. Hãy đặt kế hoạch năm 2024 vào thư mục đầu "
        "vào (kế hoạch các năm khác để cùng thư mục cũng được). Chỉ sửa 'Năm kế hoạch' nếu "
        "'KeHoach_2025.xlsx' đúng là kế hoạch năm 2024 mà ghi nhầm năm. "
        f"{LACKS_TARGETS_VI}{DO_VI}chạy lại."
    )
    assert en.endswith(f". {LACKS_TARGETS_EN}{DO_EN}then run again.")
    assert _check_line("plan-of-other-year", "vi").endswith(
        "Hãy đặt kế hoạch năm 2024 vào thư mục đầu vào rồi kiểm tra lại. "
        f"{LACKS_TARGETS_VI}{DO_VI}kiểm tra lại."
    )


def test_a_hamlets_list_named_as_the_plan_is_not_taken_for_one(tmp_path, monkeypatch):
    """A guard: a list (its 'Thông tin' sheet) saved as 'KeHoach_2024.xlsx' by mistake, the plan
    deleted: the plain stop, the list not said to lack the plan's sheets."""
    folder = may_folder(tmp_path)
    (folder / "KeHoach_2024.xlsx").unlink()
    (folder / "NaMon.xlsx").rename(folder / "KeHoach_2024.xlsx")
    monkeypatch.chdir(tmp_path)
    assert _stop("run", "--input", "input", "--output", "ra")[0] == (
        f"{STOP_VI} Hãy chép tệp kế hoạch của xã (KeHoach_YYYY.xlsx, điền theo mẫu "
        "MauKeHoach.xlsx) vào thư mục đầu vào rồi chạy lại."
    )
