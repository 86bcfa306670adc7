"""Session 62 (F): a file that looks like the plan, a sheet of it missing, is said as a plan,
never as a hamlet's list; `check` lists what a run lists when a list goes after the listing.

May 2024's folder (tests.commune.may_folder: the plan 'KeHoach_2024.xlsx', Nà Mòn's and Bản
Cọ's lists, Đồng Kè silent). A plan spoiled as an officer spoils it: its 'Chỉ tiêu theo xóm'
deleted and its 'Loại biểu' blanked, so no sheet tells it a plan (CONTRACT §3); read as a list,
its start list 'Danh sách đầu năm' has no 'Xóm' nor month.
* Alone (no plan read): the run stops naming it (session 61, H2); `check` said its lines as a
  list's first ("[LỖI] KeHoach_2024.xlsx, … (invalid-period): … hãy thêm trang 'Thông tin'"),
  now only the stop's 'plan-missing' line names it.
* Beside the good plan, as 'KeHoach_2024 (2).xlsx': it was a list refused for its hamlet
  ('missing-hamlet', an error on 'Lỗi dữ liệu', "Bị từ chối" on 'Nộp báo cáo'); now a plan set
  aside: one warning (plan-duplicate 'spoiled'), 'Bỏ qua' on 'Nộp báo cáo', a line on screen,
  and `check` says the same warning.
* A list whose 'Thông tin' was renamed 'Thông tin chung' (its 'Xóm' read) stays its hamlet's
  list (a guard).
* A list gone between `check`'s listing and its reading: left out when found in the folder
  given (the run's hamlet missing, session 61, G3), said not there when given by itself; it was
  said "không mở được trên máy này" (file-unopened).
"""

from __future__ import annotations

import json
import shutil

import openpyxl
from click.testing import CliRunner

import pipeline.checkfiles
from pipeline.cli import main
from tests.commune import may_folder

SPOILED = "KeHoach_2024 (2).xlsx"
SET_ASIDE_VI = (
    "Tệp này có vẻ là kế hoạch nhưng không có trang 'Chỉ tiêu theo xóm' nên không được dùng; "
    "đã dùng kế hoạch 'KeHoach_2024.xlsx'. Nếu tệp này là bản cũ hoặc bản hỏng, hãy xóa hoặc "
    "chuyển nó ra khỏi thư mục đầu vào; nếu tệp này mới là kế hoạch đúng, hãy đặt tên trang "
    "đúng như mẫu MauKeHoach.xlsx (hoặc thêm trang còn thiếu từ mẫu) rồi chạy lại."
)
SET_ASIDE_EN = (
    "This file looks like the plan but has no sheet 'Chỉ tiêu theo xóm', so it is not used; "
    "used the plan 'KeHoach_2024.xlsx'. If this file is an old or spoiled copy, delete it or "
    "move it out of the input folder; if it is the right plan, name the sheets as in the "
    "template MauKeHoach.xlsx (or add the missing one from it), then run again."
)


def _spoil(path) -> None:
    """The plan at ``path`` with its targets sheet deleted and its 'Loại biểu' blanked."""
    book = openpyxl.load_workbook(path)
    info = book["Thông tin chung"]
    assert info["A1"].value == "Loại biểu" and info["B1"].value == "Kế hoạch"
    info["B1"] = None
    del book["Chỉ tiêu theo xóm"]
    book.save(path)


def _check(lang: str = "vi", *args: str) -> tuple[int, list[str]]:
    done = CliRunner().invoke(
        main, ["check", *(args or ("input",)), "--no-history", "--lang", lang]
    )
    return done.exit_code, done.output.splitlines()


def _naming(lines: list[str], file: str) -> list[str]:
    return [line for line in lines if file in line]


def test_check_of_a_spoiled_plan_alone_names_it_by_the_stop_only(tmp_path, monkeypatch):
    folder = may_folder(tmp_path)
    _spoil(folder / "KeHoach_2024.xlsx")
    monkeypatch.chdir(tmp_path)
    code, lines = _check()
    assert code == 1
    # its one line is the stop's, as the run's stop names it (session 61, H2): no list's line
    assert _naming(lines, "KeHoach_2024.xlsx") == [
        "[LỖI] (plan-missing): Thư mục 'input' không có tệp kế hoạch đọc được: khi tổng hợp "
        "(make hoặc giamngheo run), chương trình sẽ dừng lại, không ghi bảng tổng hợp. Tệp "
        "'KeHoach_2024.xlsx' có vẻ là kế hoạch nhưng không có trang 'Chỉ tiêu theo xóm': hãy "
        "đặt tên trang đúng như mẫu MauKeHoach.xlsx (hoặc thêm trang còn thiếu từ mẫu) rồi "
        "kiểm tra lại."
    ]
    assert not any("invalid-period" in line or "Thông tin'" in line for line in lines)


def _beside(tmp_path, monkeypatch):
    folder = may_folder(tmp_path)
    shutil.copy(folder / "KeHoach_2024.xlsx", folder / SPOILED)
    _spoil(folder / SPOILED)
    monkeypatch.chdir(tmp_path)
    return folder


def test_a_spoiled_copy_beside_the_plan_is_a_plan_set_aside_in_the_run(tmp_path, monkeypatch):
    _beside(tmp_path, monkeypatch)
    done = CliRunner().invoke(main, ["run", "--input", "input", "--output", "ra"])
    assert done.exit_code == 0, done.output
    assert (
        f"Kế hoạch: dùng 'KeHoach_2024.xlsx', để riêng '{SPOILED}' — tệp này có vẻ là kế hoạch "
        "nhưng không có trang 'Chỉ tiêu theo xóm' (xem trang 'Lỗi dữ liệu')"
    ) in done.output.splitlines()
    summary = json.loads((tmp_path / "ra" / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    assert [(h["hamlet"], h["status"]) for h in summary["hamlets"]] == [
        ("Nà Mòn", "ok"),
        ("Bản Cọ", "ok"),
        ("Đồng Kè", "missing"),
    ]
    book = openpyxl.load_workbook(tmp_path / "ra" / "2024-05" / "TongHop_2024-05.xlsx")
    said = [row for row in book["Lỗi dữ liệu"].iter_rows(values_only=True) if SPOILED in row]
    assert [(row[8], row[9], row[10]) for row in said] == [
        ("Cảnh báo", "plan-duplicate", SET_ASIDE_VI)
    ]
    files = [row for row in book["Nộp báo cáo"].iter_rows(values_only=True) if SPOILED in row]
    assert [row[2] for row in files] == [
        "Bỏ qua: có vẻ là kế hoạch nhưng không có trang 'Chỉ tiêu theo xóm' (kỳ này dùng tệp "
        "'KeHoach_2024.xlsx')"
    ]


def test_check_says_the_spoiled_copy_beside_the_plan_as_the_run_does(tmp_path, monkeypatch):
    _beside(tmp_path, monkeypatch)
    for lang, words, level in (("vi", SET_ASIDE_VI, "Cảnh báo"), ("en", SET_ASIDE_EN, "Warning")):
        _, lines = _check(lang)
        assert _naming(lines, SPOILED) == [f"[{level}] {SPOILED} (plan-duplicate): {words}"]


def test_a_list_whose_info_sheet_is_named_as_the_plans_stays_its_hamlets(tmp_path, monkeypatch):
    """A guard: Nà Mòn's list, its 'Thông tin' renamed 'Thông tin chung' ('Xóm' still read
    there), beside the plan: Nà Mòn's list, counted; no plan set aside."""
    folder = may_folder(tmp_path)
    book = openpyxl.load_workbook(folder / "NaMon.xlsx")
    book["Thông tin"].title = "Thông tin chung"
    book.save(folder / "NaMon.xlsx")
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, ["run", "--input", "input", "--output", "ra"])
    assert done.exit_code == 0, done.output
    summary = json.loads((tmp_path / "ra" / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    assert [(h["hamlet"], h["status"], h["poor"]) for h in summary["hamlets"]] == [
        ("Nà Mòn", "ok", 3),
        ("Bản Cọ", "ok", 2),
        ("Đồng Kè", "missing", None),
    ]
    assert "để riêng" not in done.output


def _listed_then(monkeypatch, change) -> None:
    """Run ``change`` once `check` has listed the files, before any is read."""
    read_files = pipeline.checkfiles.read_files

    def read_after_change(tasks, *args, **kwargs):
        change()
        return read_files(tasks, *args, **kwargs)

    monkeypatch.setattr(pipeline.checkfiles, "read_files", read_after_change)


def test_check_leaves_out_a_list_gone_after_listing_as_the_run_does(tmp_path, monkeypatch):
    folder = may_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    _listed_then(monkeypatch, (folder / "BanCo.xlsx").unlink)
    code, lines = _check()
    assert _naming(lines, "BanCo.xlsx") == []
    # the plan and Nà Mòn's list read; Bản Cọ not sent, as the run says it missing
    assert lines[-2:] == ["Chưa nộp (kỳ 05/2024): Bản Cọ, Đồng Kè", "2 tệp, 0 lỗi, 2 cảnh báo."]
    assert code == 0


def test_check_says_a_list_given_by_itself_gone_after_listing_is_not_there(tmp_path, monkeypatch):
    """As `check` says a file given that is not there at all (session 57's words): no such
    file, its full path after the path typed relative."""
    folder = may_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    _listed_then(monkeypatch, (folder / "BanCo.xlsx").unlink)
    _, lines = _check("vi", "input/KeHoach_2024.xlsx", "input/NaMon.xlsx", "input/BanCo.xlsx")
    assert _naming(lines, "BanCo.xlsx") == [
        "[LỖI] input/BanCo.xlsx (file-not-found): Không có tệp hay thư mục này (đường dẫn đầy "
        f"đủ: {tmp_path / 'input' / 'BanCo.xlsx'}). Hãy kiểm tra lại tên và đường dẫn, rồi chạy "
        "lại lệnh check."
    ]


def test_without_the_plan_a_list_whose_info_sheet_is_named_as_the_plans_is_not_named_as_one(
    tmp_path, monkeypatch
):
    """The plan deleted, Nà Mòn's 'Thông tin' renamed 'Thông tin chung' ('Xóm' read there): the
    run's stop is the plain one, not "'NaMon.xlsx' looks like the plan" (session 61 named it)."""
    folder = may_folder(tmp_path)
    (folder / "KeHoach_2024.xlsx").unlink()
    book = openpyxl.load_workbook(folder / "NaMon.xlsx")
    book["Thông tin"].title = "Thông tin chung"
    book.save(folder / "NaMon.xlsx")
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, ["run", "--input", "input", "--output", "ra"])
    assert done.exit_code == 2
    assert done.output.splitlines() == [
        "LỖI: Không tìm thấy tệp kế hoạch trong thư mục đầu vào. Hãy chép tệp kế hoạch của xã "
        "(KeHoach_YYYY.xlsx, điền theo mẫu MauKeHoach.xlsx) vào thư mục đầu vào rồi chạy lại."
    ]


def test_the_plan_and_a_spoiled_copy_alone_stop_as_the_plan_alone(tmp_path, monkeypatch):
    """No list beside the plan and its spoiled copy: the run's stop is "no hamlet's list yet"
    (session 50), as for the plan alone, and `check` says it ('no-rosters'); it was "no list
    whose month can be read. Refused: 'KeHoach_2024 (2).xlsx': … tên xóm …"."""
    folder = _beside(tmp_path, monkeypatch)
    (folder / "NaMon.xlsx").unlink()
    (folder / "BanCo.xlsx").unlink()
    done = CliRunner().invoke(main, ["run", "--input", "input", "--output", "ra"])
    assert done.exit_code == 2
    assert done.output.splitlines() == [
        "LỖI: Thư mục đầu vào chưa có danh sách hộ nào của các xóm, chỉ có kế hoạch "
        "'KeHoach_2024.xlsx'. Hãy chép vào đó danh sách của các xóm (tệp Excel điền theo mẫu "
        "MauDanhSachHo.xlsx) rồi chạy lại."
    ]
    code, lines = _check()
    assert code == 1
    assert [line for line in lines if "(no-rosters)" in line] == [
        "[LỖI] (no-rosters): Thư mục 'input' chưa có danh sách hộ nào của các xóm: khi tổng hợp "
        "(make hoặc giamngheo run), chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy chép "
        "danh sách tháng này của các xóm (tệp Excel điền theo mẫu MauDanhSachHo.xlsx) vào thư mục "
        "đó rồi kiểm tra lại."
    ]
    assert lines[-1] == "2 tệp, 1 lỗi, 3 cảnh báo."
