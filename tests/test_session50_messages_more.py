"""Session 50, T24: messages left by the session's reviews.

(a) `run --period 05/24`, a month with its year in two digits, was said not to be of the form
YYYY-MM, without a word of the year: now the year is asked in full, the period it means given.
(b) `check` of a folder whose only plan is a shortcut or a hidden (dot-named) file warned of
that file and then noted that no plan was checked, the two unlinked: the note now says the
plan may be that file and what to do, as a run stopped without a plan says it.
(c) A list apart the history tells ('joined-sent' and its variants), held apart, said its
households not counted until written on the list of the hamlet it joined, but not that the
hamlet is left out of the commune's figures till then: now said ('-held' variants)."""

from __future__ import annotations

import os
from pathlib import Path

from schemas.issues import CATALOGUE
from tests.commune import clean_rosters, write_plan
from tests.test_session50_joined_start_apart import may
from tests.test_session50_officer_screen_more import command, period_said

# --- (a) a year in two digits -----------------------------------------------------------------


def test_a_period_with_a_two_digit_year_asks_the_year_in_full():
    assert period_said("05/24") == (
        "LỖI: --period '05/24' ghi năm bằng 2 chữ số: hãy ghi đủ 4 chữ số của năm, dạng "
        "YYYY-MM ('05/24' là 2024-05)."
    )
    assert period_said("T11/25", "--lang", "en") == (
        "ERROR: --period 'T11/25' writes the year in two digits: write the year in full, as "
        "YYYY-MM ('T11/25' is 2025-11)."
    )
    # no month 13: not a month of a year, its words kept
    assert period_said("13/24") == "LỖI: --period '13/24' không đúng dạng YYYY-MM (ví dụ 2024-05)."


# --- (b) `check`: the plan a shortcut or a hidden file ----------------------------------------

_NOTE_VI = (
    "Lưu ý: không có tệp kế hoạch trong các tệp được kiểm tra, nên tên xóm, số hộ và danh "
    "sách đầu năm chưa được so với kế hoạch (một danh sách ghi tên xóm không có trong kế hoạch "
    "sẽ bị từ chối khi tổng hợp)."
)  # (the whole folder checked: no advice to add the plan to the command since session 57, H4)
_NOTE_EN = (
    "Note: no plan among the files checked, so hamlet names, household counts and the "
    "start-of-year list are not compared with the plan (a list whose hamlet is not in the "
    "plan is refused by the run)."
)


def _stops_vi(folder: Path) -> str:
    """The words said when the whole folder is checked: its run stops (session 57), the plan
    to be copied there (H4); at the note's end before session 58, on the error line
    'plan-missing' above it since (D)."""
    return (
        f" Thư mục '{folder}' không có tệp kế hoạch: khi tổng hợp (make hoặc giamngheo run), "
        "chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy chép tệp kế hoạch của xã "
        "(KeHoach_YYYY.xlsx) vào thư mục đó rồi kiểm tra lại."
    )


def _stops_en(folder: Path) -> str:
    return (
        f" Folder '{folder}' holds no plan: a run (make or giamngheo run) stops and writes no "
        "workbook. Copy the commune's plan (KeHoach_YYYY.xlsx) into that folder, then check "
        "again."
    )


def _lists_and(tmp_path: Path, name: str) -> Path:
    """input/ with May's lists of Nà Mòn and Bản Cọ, the 2024 plan under ``name``, or a
    shortcut of that name (a '.lnk', the plan not in the folder)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    if name.endswith(".lnk"):
        (folder / "KeHoach_2024.xlsx").unlink()
        (folder / name).write_bytes(b"L\0\0\0\x01\x14\x02\0")
    else:
        os.rename(folder / "KeHoach_2024.xlsx", folder / name)
    return folder


def _note(folder: Path, *lang: str) -> str:
    done = command("check", str(folder), "--no-history", *lang)
    # the whole folder checked holds no plan: its run stops, `check` exits 1 (session 57, H3)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    [at] = [i for i, line in enumerate(lines) if line.startswith(("Lưu ý:", "Note:"))]
    # the stop on an error line of its own right above the note (session 58, D)
    stops = _stops_en(folder) if lang else _stops_vi(folder)
    assert lines[at - 1] == ("[ERROR]" if lang else "[LỖI]") + f" (plan-missing):{stops}"
    return lines[at]


def test_check_whose_only_plan_is_hidden_says_the_plan_may_be_that_file(tmp_path):
    folder = _lists_and(tmp_path, ".KeHoach_2024.xlsx")
    assert _note(folder) == (
        _NOTE_VI + " Có 1 tệp ẩn (tên bắt đầu bằng dấu chấm) không được đọc, có thể là kế "
        "hoạch: '.KeHoach_2024.xlsx'. Nếu đúng, hãy đổi tên tệp bỏ dấu chấm ở đầu rồi chạy lại."
    )


def test_check_whose_only_plan_is_a_shortcut_says_to_copy_the_plan_itself(tmp_path):
    folder = _lists_and(tmp_path, "KeHoach_2024.xlsx - Shortcut.lnk")
    assert _note(folder, "--lang", "en") == (
        _NOTE_EN + " 1 shortcut(s), perhaps to the plan: 'KeHoach_2024.xlsx - Shortcut.lnk'. "
        "A file behind a shortcut is not read: copy the plan itself (not the shortcut) into "
        "the input folder, then run again."
    )


def test_check_of_lists_without_any_plan_keeps_its_note(tmp_path):
    folder = _lists_and(tmp_path, "KeHoach_2024.xlsx")
    os.remove(folder / "KeHoach_2024.xlsx")
    assert _note(folder) == _NOTE_VI  # the folder's run stops (session 57): said above it


# --- (c) a list apart held: the hamlet it joined left out of the commune ----------------------

_HELD_VI = (
    "chừng nào chưa ghi, các hộ này chưa được tính, và cả xóm 'Nà Mòn' chưa được tính vào số "
    "liệu toàn xã."
)
_HELD_EN = (
    "until then they are not counted, and the whole of 'Nà Mòn' is left out of the commune's "
    "figures."
)


def test_a_list_apart_held_says_the_hamlet_it_joined_is_left_out_of_the_commune(tmp_path):
    """May: Bản Cọ's old head lists BC1 (on the start list, not on Nà Mòn's list) and BX1-BX4:
    held apart, Nà Mòn 'rejected' (test_session50_joined_start_apart): its words say so, to
    the officer and to the head."""
    result, hamlets, _, _ = may(tmp_path)
    assert hamlets["Nà Mòn"]["status"] == "rejected"
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert refused.variant == "joined-sent-start-held"
    said = refused.message("vi")
    assert said.startswith("Ô 'Xóm' ghi 'Bản Cọ': xóm 'Bản Cọ' đã sáp nhập vào xóm 'Nà Mòn' (")
    assert said.count(_HELD_VI) == 1 and "các hộ này chưa được tính." not in said
    assert refused.message("en").count(_HELD_EN) == 1
    head = CATALOGUE["unknown-hamlet"].head_variant(refused.variant)
    assert head == "joined-sent-start-held-head"
    assert (
        CATALOGUE["unknown-hamlet"]
        .template("vi", head)
        .count("và cả xóm '{instead}' chưa được tính vào số liệu toàn xã.")
        == 1
    )


def test_a_list_apart_held_named_by_its_title_says_it_too(tmp_path):
    result, _, _, _ = may(tmp_path, titled=True)
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert refused.variant == "joined-sent-start-held-title"
    assert refused.message("vi").startswith("Tiêu đề của danh sách ghi xóm 'Bản Cọ'")
    assert refused.message("vi").count(_HELD_VI) == 1


def test_a_list_apart_not_held_does_not_say_the_hamlet_is_left_out(tmp_path):
    """BC2, on Nà Mòn's own list, and BX1-BX4: not held, Nà Mòn counted: its words unchanged."""
    result, hamlets, _, _ = may(tmp_path, start=1)
    assert hamlets["Nà Mòn"]["status"] == "ok"
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert refused.variant == "joined-sent-start"
    said = refused.message("vi")
    assert "chừng nào chưa ghi, các hộ này chưa được tính." in said
    assert "số liệu toàn xã" not in said
