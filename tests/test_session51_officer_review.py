"""Session 51 (RD): review of the officer's-year fixes (the revised plan's notice, a late list's
copy-back, the owner file of an open workbook), the defects it found.

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households), Bản Cọ's BC1-2 poor, BC3 near-poor (200), Đồng Kè (150) sends nothing; the plan's
commune targets 1.52 and 1.01 points, each hamlet's targets 1 and 1 household.
"""

from __future__ import annotations

import json
from datetime import date

from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_roster
from tests.month_lists import april_run, revised_may, two_lists


def _plan_notices() -> list[str]:
    return [in_language(n, "vi") for n in NOTICES if "theo kế hoạch khác" in in_language(n, "vi")]


# --- the revised plan's notice ----------------------------------------------------------------


def test_a_hamlet_renamed_and_its_target_changed_tells_the_months_run_before(tmp_path):
    """The revised plan renames Nà Mòn 'Nà Mòn Mới' (its start list too) and raises its poor
    target 1 -> 2 households. April counted Nà Mòn with target 1: its 'Theo xóm' progress
    (1 of 1) follows the old target. Before, no notice: the stored hamlet was looked up in
    the plan by its old name, found nowhere, and skipped. Now April is named, the hamlet by
    its name now and then."""
    folder, out = april_run(tmp_path)
    renamed = {"Nà Mòn": "Nà Mòn Mới"}
    hamlets = [dict(h, hamlet=renamed.get(h["hamlet"], h["hamlet"])) for h in plan_hamlets()]
    hamlets[0]["poor_target"] = 2
    start = [dict(r, hamlet=renamed.get(r["hamlet"], r["hamlet"])) for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)
    two_lists(folder, "2024-05", date(2024, 6, 3), na_mon="Nà Mòn Mới")
    execute(folder, out, "2024-05")
    [said] = _plan_notices()
    assert said.startswith(
        "Kỳ 04/2024 đã được tổng hợp theo kế hoạch khác với kế hoạch đang dùng "
        "('KeHoach_2024.xlsx'): xóm Nà Mòn Mới (trước đây: Nà Mòn), cột 'Chỉ tiêu giảm hộ nghèo "
        "(hộ)' lúc đó là 1, nay là 2. Mức giảm"
    )
    assert "có thêm" not in said  # a rename is no hamlet added
    assert said.endswith("giamngheo run --period 2024-04; giamngheo run --period 2024-05")


def test_a_hamlet_renamed_alone_tells_no_plan_change(tmp_path):
    # the control: the same figures under the new name: no plan notice
    folder, out = april_run(tmp_path)
    renamed = {"Nà Mòn": "Nà Mòn Mới"}
    hamlets = [dict(h, hamlet=renamed.get(h["hamlet"], h["hamlet"])) for h in plan_hamlets()]
    start = [dict(r, hamlet=renamed.get(r["hamlet"], r["hamlet"])) for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)
    two_lists(folder, "2024-05", date(2024, 6, 3), na_mon="Nà Mòn Mới")
    execute(folder, out, "2024-05")
    assert _plan_notices() == []


def test_a_commune_target_rewritten_as_text_tells_no_plan_change(tmp_path):
    """The plan saved again with the poor target typed as text, '1,52', '1,520' and '1.52
    điểm': all read 1.52 points, as April ran with; no month is told of a plan change."""
    folder, out = april_run(tmp_path)
    for month, written in (("05", "1,52"), ("06", "1,520"), ("07", "1.52 điểm")):
        info = dict(PLAN_INFO, poor_target=written)
        write_plan_workbook(folder / "KeHoach_2024.xlsx", info, plan_hamlets(), start_list())
        two_lists(folder, f"2024-{month}", date(2024, int(month) + 1, 3))
        execute(folder, out, f"2024-{month}")
        assert _plan_notices() == [], written


# --- an owner file beside the month's workbook, or beside none ----------------------------------


def _open_notices() -> list[str]:
    return [in_language(n, "vi") for n in NOTICES if "đang được mở" in in_language(n, "vi")]


def test_an_owner_file_beside_no_workbook_tells_nothing_open(tmp_path):
    """LibreOffice crashed with April's TongHop open; the officer deleted the workbook to run
    April afresh, its hidden lock file '.~lock.TongHop_2024-04.xlsx#' left behind. Before, the
    run wrote 'TongHop_2024-04 (1).xlsx' and said the workbook (not there) was open; now it
    writes the workbook under its own name and says nothing of it."""
    folder, out = april_run(tmp_path, keep_lists=True)
    book = out / "2024-04" / "TongHop_2024-04.xlsx"
    book.unlink()
    (out / "2024-04" / ".~lock.TongHop_2024-04.xlsx#").write_text("owner", encoding="utf-8")
    _, written, _ = execute(folder, out, "2024-04")
    assert written["workbook"] == book
    assert book.is_file() and not (out / "2024-04" / "TongHop_2024-04 (1).xlsx").exists()
    assert _open_notices() == []


def test_a_libreoffice_lock_file_beside_the_workbook_is_named_to_delete(tmp_path):
    # the control: the workbook there, LibreOffice's lock file beside it: written beside, and
    # the lock file named as Excel's owner file is
    folder, out = april_run(tmp_path, keep_lists=True)
    (out / "2024-04" / ".~lock.TongHop_2024-04.xlsx#").write_text("owner", encoding="utf-8")
    _, written, _ = execute(folder, out, "2024-04")
    assert written["workbook"].name == "TongHop_2024-04 (1).xlsx"
    assert _open_notices() == [
        "Tệp 'TongHop_2024-04.xlsx' đang được mở nên kết quả mới được ghi vào 'TongHop_2024-04 "
        "(1).xlsx'. Nếu tệp đó đã được đóng (không còn chương trình bảng tính nào mở nó), hãy "
        "xóa tệp ẩn '.~lock.TongHop_2024-04.xlsx#' bên cạnh nó (chương trình để lại khi bị tắt "
        "đột ngột) rồi chạy lại."
    ]


# --- the revised plan's notice said once per plan ----------------------------------------------


def test_a_revised_plans_notice_is_said_once_not_at_every_later_month(tmp_path):
    """April run under the first plan; from May the district's revision (the commune's poor
    target 1.52 -> 1.6), April kept under the plan of its time. May's run names April and
    says the notice will not come again; June's run, under the same plan, no longer names
    April (before: every month named it until April was run again). A second revision before
    July (1.6 -> 1.7) is told at July's run, naming April, May and June, each under an older
    plan."""
    folder, out = revised_may(tmp_path, dict(PLAN_INFO, poor_target=1.6), plan_hamlets())
    [may] = _plan_notices()
    assert may.startswith("Kỳ 04/2024 đã được tổng hợp theo kế hoạch khác")
    assert (
        "rồi chạy lại kỳ này. Nếu kế hoạch được điều chỉnh từ một kỳ sau các kỳ đó (các kỳ đó "
        "giữ theo kế hoạch lúc đó), không cần chạy lại: thông báo này không nhắc lại khi chạy các "
        "kỳ sau. Nếu kế hoạch đã được sửa, hãy chạy lại lần lượt từng kỳ: giamngheo run --period "
        "2024-04; giamngheo run --period 2024-05"
    ) in may
    two_lists(folder, "2024-06", date(2024, 7, 3))
    execute(folder, out, "2024-06")
    assert _plan_notices() == []
    again = dict(PLAN_INFO, poor_target=1.7)
    write_plan_workbook(folder / "KeHoach_2024.xlsx", again, plan_hamlets(), start_list())
    two_lists(folder, "2024-07", date(2024, 8, 3))
    execute(folder, out, "2024-07")
    [july] = _plan_notices()
    assert july.startswith(
        "Kỳ 04/2024, 05/2024, 06/2024 đã được tổng hợp theo kế hoạch khác với kế hoạch đang dùng "
        "('KeHoach_2024.xlsx'): chỉ tiêu giảm tỷ lệ hộ nghèo của xã lúc đó là 1,52 điểm, nay là "
        "1,70 điểm. "
    )


def test_a_month_run_again_under_the_revised_plan_is_told_again(tmp_path):
    # the control: May run again (no later month under the revised plan): April named again
    folder, out = revised_may(tmp_path, dict(PLAN_INFO, poor_target=1.6), plan_hamlets())
    execute(folder, out, "2024-05")
    [said] = _plan_notices()
    assert said.startswith("Kỳ 04/2024 đã được tổng hợp theo kế hoạch khác")


# --- a late list's copy-back ---------------------------------------------------------------------


def test_a_corrected_list_under_its_kept_name_is_not_to_be_copied_over(tmp_path):
    """April counted Nà Mòn (NM1-3 poor, NM4-5 near-poor) and Bản Cọ (BC1-2 poor, BC3
    near-poor); its lists were taken out of the input folder. Nà Mòn's corrected April list
    comes with June's under the same name 'NaMon_04.xlsx' (NM3 now near-poor). The notice asked
    to copy April's kept lists (all but the plan) into the input folder: that copies the old
    'NaMon_04.xlsx' over the correction. It now says not to copy that one. Done as said (Bản
    Cọ's kept list alone copied back), April counts the correction: poor 2 + 2 = 4, near-poor
    3 + 1 = 4 (was 5 and 3)."""
    folder, out = april_run(tmp_path)
    kept = out / "2024-04" / "nguon"
    two_lists(folder, "2024-06", date(2024, 7, 3))
    corrected = [person(f"NM{i}", "poor") for i in (1, 2)]
    corrected += [person(f"NM{i}", "near_poor") for i in (3, 4, 5)]
    write_roster(folder, "NaMon_04.xlsx", "Nà Mòn", 100, corrected, period="2024-04",
                 prepared=date(2024, 6, 20))  # fmt: skip
    execute(folder, out, "2024-06")
    [said] = [n for n in NOTICES if in_language(n, "vi").startswith("Có danh sách kỳ 04/2024")]
    assert (
        f"hãy chép các danh sách trong thư mục '{kept}' (trừ tệp kế hoạch, không chép tệp cũ "
        "'NaMon_04.xlsx': tệp mới cùng tên đã có trong thư mục đầu vào) vào thư mục đầu vào cùng "
        "với tệp mới rồi chạy lại: "
    ) in in_language(said, "vi")
    assert (
        f"copy the lists of '{kept}' (not the plan file, nor the old 'NaMon_04.xlsx': the new "
        "file of that name is in the input folder) into the input folder with the new file and "
        "run again: "
    ) in in_language(said, "en")
    (folder / "BanCo_04.xlsx").write_bytes((kept / "BanCo_04.xlsx").read_bytes())  # as told
    execute(folder, out, "2024-04")
    april = json.loads((out / "2024-04" / "TongHop_2024-04.json").read_text(encoding="utf-8"))
    assert (april["totals"]["poor"], april["totals"]["near_poor"]) == (4, 4)
