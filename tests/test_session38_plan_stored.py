"""Session 38: a plan set aside though saved later, when a month is re-run.

June 2025 is consolidated for Trung Lương with its plan (tests.test_session25_commune_merger).
A second plan of 2025 is then saved in the folder, later than the first, and June is re-run:

* a copy whose 'Xã' cell is mistyped ('Trung Luơng X', the same hamlets and figures): one
  commune's two plans, not a merger. June was consolidated for 'Trung Lương', so the plan
  naming it is used again, though the other is the last saved (planpick.rank_plans);
* a revised plan that cannot be used (Bản Cọ's start poor written -2): set aside the same way.

Neither the warning nor the run's screen may say the plan used was "the last saved" (before
session 38 both did); they say why it was taken: June was consolidated for its commune.
"""

from __future__ import annotations

import os

import openpyxl

from pipeline.cli import _plans_set_aside
from pipeline.run import execute
from tests.test_session25_commune_merger import OLD, old_commune_month, write_merger_plan

LATER = 1_760_000_000  # saved after the plan June was consolidated with (1_750_000_000)


def _rerun_june_with(tmp_path, commune: str, edit=None):
    """June consolidated, then a second 2025 plan of ``commune`` saved later (``edit``: cell →
    value written in its 'Chỉ tiêu theo xóm'), then June re-run: its plan-duplicate warnings."""
    folder, out, june = old_commune_month(tmp_path, 6)
    assert june.summary["commune"] == "Trung Lương"
    later = folder / "KeHoach_2025_sua.xlsx"
    write_merger_plan(later, commune, OLD, (0.5, 0.3), LATER)
    if edit:
        book = openpyxl.load_workbook(later)
        for cell, value in edit.items():
            book["Chỉ tiêu theo xóm"][cell] = value
        book.save(later)
        os.utime(later, (LATER, LATER))
    again, _, _ = execute(folder, out, "2025-06")
    assert again.summary["commune"] == "Trung Lương"
    t = again.summary["totals"]
    # June's figures of the plan used: 4 poor of 300 households, 5 at the start
    assert (t["households"], t["poor"], t["start_poor"]) == (300, 4, 5)
    return [i for i in again.issues if i.code == "plan-duplicate"]


def test_a_mistyped_copy_saved_later_is_set_aside_for_the_commune_june_was_run_for(tmp_path):
    [said] = _rerun_june_with(tmp_path, "Trung Luơng X")
    assert (said.file, said.detail, said.variant) == (
        "KeHoach_2025_sua.xlsx",
        "KeHoach_2025.xlsx",
        "differ-stored",
    )
    assert said.message("vi") == (
        "Có nhiều hơn một tệp kế hoạch của cùng năm; đã dùng 'KeHoach_2025.xlsx' (kỳ này đã được "
        "tổng hợp theo xã ghi trong tệp đó), không dùng tệp này dù tệp này sửa sau. Số liệu hai "
        "tệp KHÁC nhau: tên xã: 'Trung Lương' ở tệp đã dùng, 'Trung Luơng X' ở tệp này. Hãy xem "
        "tệp nào đúng rồi chỉ để tệp đó trong thư mục, và chạy lại. Lệnh chạy lại kỳ này: "
        "giamngheo run --period 2025-06"
    )
    assert "(the last saved)" not in said.message("en")
    assert _plans_set_aside([said], "vi") == [
        "Kế hoạch: dùng 'KeHoach_2025.xlsx' (kỳ này đã tổng hợp theo xã của tệp đó), để riêng "
        "'KeHoach_2025_sua.xlsx' cùng năm — số liệu KHÁC nhau: tên xã: 'Trung Lương' ở tệp đã "
        "dùng, 'Trung Luơng X' ở tệp để riêng (xem trang 'Lỗi dữ liệu')"
    ]
    assert _plans_set_aside([said], "en")[0].startswith(
        "Plan: used 'KeHoach_2025.xlsx' (the period was run for its commune), set aside "
        "'KeHoach_2025_sua.xlsx' of the same year — their figures DIFFER: commune name: "
    )


def test_an_unusable_plan_saved_later_is_set_aside_without_calling_the_used_one_last(tmp_path):
    [said] = _rerun_june_with(tmp_path, "Trung Lương", {"C5": -2})
    assert (said.file, said.detail, said.variant) == (
        "KeHoach_2025_sua.xlsx",
        "KeHoach_2025.xlsx",
        "unusable-stored",  # 'stored' before session 65 (F): not said to be unusable
    )
    assert said.message("vi") == (
        "Có nhiều hơn một tệp kế hoạch của cùng năm; đã dùng 'KeHoach_2025.xlsx', không dùng tệp "
        "này dù tệp này sửa sau (kỳ này đã được tổng hợp theo xã ghi trong 'KeHoach_2025.xlsx'): "
        "tệp này không dùng được làm kế hoạch (có lỗi khi đọc như một tệp kế hoạch) nên không so "
        "được số liệu với tệp đã dùng. Nếu tệp này là bản cũ hoặc bản hỏng, hãy xóa hoặc chuyển "
        "nó ra khỏi thư mục đầu vào; nếu tệp này mới là kế hoạch đúng, hãy chuyển "
        "'KeHoach_2025.xlsx' ra khỏi thư mục đầu vào rồi chạy lệnh kiểm tra (giamngheo check) để "
        "xem lỗi của tệp này."
    )
    assert _plans_set_aside([said], "vi") == [
        "Kế hoạch: dùng 'KeHoach_2025.xlsx' (kỳ này đã tổng hợp theo xã của tệp đó), để riêng "
        "'KeHoach_2025_sua.xlsx' cùng năm — không so được số liệu: tệp để riêng không đọc được "
        "làm kế hoạch (xem trang 'Lỗi dữ liệu')"
    ]


def test_a_copy_saved_earlier_is_still_said_set_aside_for_the_last_saved(tmp_path):
    """The common case is unchanged: the same commune's copy saved before the plan used."""
    folder, out, _ = old_commune_month(tmp_path, 6)
    write_merger_plan(
        folder / "KeHoach_2025_cu.xlsx", "Trung Lương", OLD, (0.5, 0.3), 1_740_000_000
    )
    again, _, _ = execute(folder, out, "2025-06")
    [said] = [i for i in again.issues if i.code == "plan-duplicate"]
    assert (said.file, said.variant) == ("KeHoach_2025_cu.xlsx", "same")
    assert "(tệp sửa sau cùng)" in _plans_set_aside([said], "vi")[0]
