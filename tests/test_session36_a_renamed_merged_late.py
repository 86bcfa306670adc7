"""Session 36: a late list under the name its hamlet had before a rename, merged since.

The small commune (tests/commune.py): March under the first plan, Nà Mòn's list (NM1-3 poor,
NM4-5 near-poor) and Bản Cọ's (BC1-2 poor, BC3 near-poor). April's plan renames Nà Mòn 'Nà Mòn
Mới' (NM3 near-poor now). May's plan merges Nà Mòn Mới into Bản Cọ (300 households, start list
under 'Bản Cọ'); Bản Cọ's May list holds both. Then Nà Mòn's head sends April's list again,
corrected (NM2 near-poor too), under March's name 'Nà Mòn', and May is run again. April's
hamlet was renamed by April and merged since, so `renames.named_before` found no rename to the
plan now and the list was passed over: nothing was said. So was a list under the name its
month had, of a hamlet merged since (April's own name here, or a merged hamlet's March list).
"""

from __future__ import annotations

import shutil
from datetime import date

import openpyxl

from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_plan, write_roster
from tests.test_session32_merged_alone import april_merged
from tests.test_session32_merged_alone import write_na_mon_merged as _merged_na_mon
from tests.test_session32_renames import hamlet_in_summary, renamed_plan, write_na_mon_under

LATE = "NaMon_sua_2024-04.xlsx"


def _merged_into_ban_co(folder) -> None:
    """May's plan: Nà Mòn Mới merged into Bản Cọ (100 + 200 households, 3 + 2 poor, 2 + 1
    near-poor), both start lists under 'Bản Cọ'."""
    hamlets = [dict(h, start_households=300, start_poor=5, start_near_poor=3)
               if h["hamlet"] == "Bản Cọ" else h
               for h in plan_hamlets() if h["hamlet"] != "Nà Mòn"]  # fmt: skip
    start = [dict(r, hamlet="Bản Cọ") if r["hamlet"] in ("Nà Mòn", "Bản Cọ") else r
             for r in start_list()]  # fmt: skip
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)


def _ban_co(folder, period: str, *extra: dict) -> None:
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"), *extra]
    write_roster(folder, f"BanCo_{period}.xlsx", "Bản Cọ", 300 if extra else 200, rows,
                 period=period, prepared=date(2024, int(period[5:]) + 1, 3))  # fmt: skip


def _renamed_then_merged(tmp_path):
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_na_mon_under(folder, "2024-03", "Nà Mòn", (4, 5))
    _ban_co(folder, "2024-03")
    execute(folder, out, "2024-03")
    renamed_plan(folder, "Nà Mòn Mới")
    write_na_mon_under(folder, "2024-04", "Nà Mòn Mới", (3, 4, 5))
    _ban_co(folder, "2024-04")
    execute(folder, out, "2024-04")
    _merged_into_ban_co(folder)
    _ban_co(folder, "2024-05", *(person(f"NM{i}", "near_poor" if i > 1 else "poor")
                                 for i in range(1, 6)))  # fmt: skip
    execute(folder, out, "2024-05")
    return folder, out


def test_a_late_list_under_the_name_before_a_rename_merged_since_is_told_that_months_name(
    tmp_path,
):
    """Told: write the name April's plan has ('Nà Mòn Mới', not March's, nor the merged
    hamlet's: Bản Cọ had its own April list), and run April with the plan it used. Followed:
    April counts it, Nà Mòn Mới poor 1 (NM1), near-poor 4 (NM2-5)."""
    folder, out = _renamed_then_merged(tmp_path)
    write_na_mon_under(folder, "2024-04", "Nà Mòn", (2, 3, 4, 5), name=LATE)
    execute(folder, out, "2024-05")
    kept = out / "2024-04" / "nguon" / "KeHoach_2024.xlsx"
    said = [n for n in NOTICES if "Có danh sách kỳ" in in_language(n, "vi")]
    assert [in_language(n, "vi") for n in said] == [
        f"Có danh sách kỳ 04/2024 của xóm Nà Mòn Mới ('{LATE}') khác với tệp đã dùng khi tổng "
        "hợp kỳ đó (có thể là bản sửa). Để tính lại kỳ đó, hãy sửa ô 'Xóm' thành tên xóm như "
        f"trong kế hoạch của kỳ đó — tệp '{LATE}' ghi 'Nà Mòn' ở ô B3 trang 'Thông tin', kế "
        "hoạch kỳ đó ghi là 'Nà Mòn Mới' (từ kỳ 05/2024 xóm này sáp nhập vào xóm Bản Cọ, các hộ "
        "ghi trong danh sách xóm Bản Cọ, nhưng kỳ 04/2024 xóm Bản Cọ có danh sách riêng: đừng "
        "ghi 'Bản Cọ') — rồi chạy lại kỳ đó với kế hoạch đã dùng khi đó (kỳ 04/2024 được tổng "
        "hợp trước khi kế hoạch bỏ hoặc gộp xóm Nà Mòn Mới): tạm thay tệp 'KeHoach_2024.xlsx' "
        f"trong thư mục đầu vào bằng bản được giữ ở '{kept}', chạy lại kỳ đó, rồi đặt tệp kế "
        "hoạch mới trở lại. Lệnh chạy lại kỳ đó: giamngheo run --period 2024-04"
    ]
    assert in_language(said[0], "en") == (
        f"There is a 04/2024 list of Nà Mòn Mới ('{LATE}') other than the file that period's run "
        "used (a corrected copy?). To count that period again, write the hamlet's name as that "
        f"period's plan has it in the 'Xóm' cell — file '{LATE}' says 'Nà Mòn' in cell B3 of "
        "sheet 'Thông tin', which that period's plan writes 'Nà Mòn Mới' (from 05/2024 the "
        "hamlet is merged into Bản Cọ, its households on Bản Cọ's list, but in 04/2024 Bản Cọ "
        "had its own list: do not write 'Bản Cọ') — then run that period again with the plan it "
        "used (04/2024 was consolidated before the plan dropped or merged Nà Mòn Mới): put the "
        f"copy kept as '{kept}' in place of 'KeHoach_2024.xlsx' in the input folder, run it "
        "again, then put the new plan back. To run that period again: giamngheo run --period "
        "2024-04"
    )
    # followed as said
    book = openpyxl.load_workbook(folder / LATE)
    book["Thông tin"]["B3"] = "Nà Mòn Mới"
    book.save(folder / LATE)
    shutil.copy(kept, folder / "KeHoach_2024.xlsx")
    execute(folder, out, "2024-04")
    na_mon = hamlet_in_summary(out, "2024-04", "Nà Mòn Mới")
    assert (na_mon["poor"], na_mon["near_poor"]) == (1, 4)


def test_a_late_list_under_its_months_name_merged_since_is_told_to_run_with_its_plan(tmp_path):
    """The same year, April's list sent again under April's own name 'Nà Mòn Mới': right for
    April's plan, so no cell to correct; it was passed over too (the name is no plan hamlet's,
    nor renamed since). Told as April's list of Nà Mòn Mới, to run with April's plan."""
    folder, out = _renamed_then_merged(tmp_path)
    write_na_mon_under(folder, "2024-04", "Nà Mòn Mới", (2, 3, 4, 5), name=LATE)
    execute(folder, out, "2024-05")
    kept = out / "2024-04" / "nguon" / "KeHoach_2024.xlsx"
    said = [n for n in NOTICES if "Có danh sách kỳ" in in_language(n, "vi")]
    assert [in_language(n, "en") for n in said] == [
        f"There is a 04/2024 list of Nà Mòn Mới ('{LATE}') other than the file that period's run "
        "used (a corrected copy?). To count that period again, run that period again with the "
        "plan it used (04/2024 was consolidated before the plan dropped or merged Nà Mòn Mới): "
        f"put the copy kept as '{kept}' in place of 'KeHoach_2024.xlsx' in the input folder, run "
        "it again, then put the new plan back. To run that period again: giamngheo run --period "
        "2024-04"
    ]


def test_a_merged_hamlets_late_list_of_a_month_before_the_merger_is_told(tmp_path):
    """Session 32's merger (tests.test_session32_merged_alone): March run with Nà Mòn's and Bản
    Cọ's lists, April's plan merges Bản Cọ into Nà Mòn. With May's lists Bản Cọ's head sends
    March's list again, corrected (BC2 near-poor). It was passed over ('Bản Cọ' is no plan
    hamlet now). Told; followed, March counts it: Bản Cọ poor 1 (BC1), near-poor 2."""
    folder, out = april_merged(tmp_path)
    _merged_na_mon(folder, "2024-05", merged=True)
    late = "BanCo_sua_2024-03.xlsx"
    rows = [person("BC1", "poor"), person("BC2", "near_poor"), person("BC3", "near_poor")]
    write_roster(folder, late, "Bản Cọ", 200, rows, period="2024-03")
    execute(folder, out, "2024-05")
    kept = out / "2024-03" / "nguon" / "KeHoach_2024.xlsx"
    said = [in_language(n, "vi") for n in NOTICES if "Có danh sách kỳ" in in_language(n, "vi")]
    assert said == [
        f"Có danh sách kỳ 03/2024 của xóm Bản Cọ ('{late}') khác với tệp đã dùng khi tổng hợp kỳ "
        "đó (có thể là bản sửa). Để tính lại kỳ đó, hãy chạy lại kỳ đó với kế hoạch đã dùng khi "
        "đó (kỳ 03/2024 được tổng hợp trước khi kế hoạch bỏ hoặc gộp xóm Bản Cọ): tạm thay tệp "
        f"'KeHoach_2024.xlsx' trong thư mục đầu vào bằng bản được giữ ở '{kept}', chạy lại kỳ "
        "đó, rồi đặt tệp kế hoạch mới trở lại. Lệnh chạy lại kỳ đó: giamngheo run --period "
        "2024-03"
    ]
    shutil.copy(kept, folder / "KeHoach_2024.xlsx")
    execute(folder, out, "2024-03")
    ban_co = hamlet_in_summary(out, "2024-03", "Bản Cọ")
    assert (ban_co["poor"], ban_co["near_poor"]) == (1, 2)
