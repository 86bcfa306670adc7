"""Session 44: what the review of the year-turn changes left (docs/decisions.md), tried as the
officer would. Each defect found pinned by a small fixture worked out by hand.

The small commune (tests.commune): Nà Mòn 100 households, Bản Cọ 200, Đồng Kè 150. December
2024 is run under the 2024 plan; the 2025 plan renames Nà Mòn 'Nà Mòn Mới'
(tests.test_session43_l_year_turn's helpers). The merger of 1 July 2025 is session 25's:
Trung Lương (Nà Mòn, Bản Cọ) joins Định Hóa, whose plan adds Khuôn Tát."""

from __future__ import annotations

from datetime import date

from pipeline.checkfiles import check_files
from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.test_session43_l_year_turn import (
    OTHER_YEAR_VI,
    _check,
    _counted,
    _lists,
    _plan_2025,
    _summary,
    december_then_january,
)
from tests.test_session44_year_turn import MISTYPED_VI, _year_mistyped
from tests.test_session44_year_turn_review import _submitted

# --- (a) a late December list mistyping both its hamlet and the year in its file name --------


def test_a_december_list_named_for_december_of_next_year_is_refused_in_december(tmp_path):
    """December 2024 and January 2025 run (Đồng Kè silent in both). Đồng Kè's December list
    comes late as 'DongKe_12-2025.xlsx' ('Kỳ báo cáo' 12/2024, Ngày lập 10/01/2025, DK1 poor),
    the year in its name mistyped and 'Xóm' mistyped 'Đông Khê'. December is run again.
    Before this fix it was a list sent for December 2025, "Khác kỳ (tháng 12/2025)": no
    error, Đồng Kè missing, the head never told; January's run then said to run December
    again for it (a loop). Each month's list is copied from the last: a month half a year or
    more after its cell is none it was sent for. Now December refuses it (unknown-hamlet at
    B3, 1 error, Đồng Kè rejected with this file), as with its year right; January names no
    month to run again; `check` says the same error."""
    folder, out = new_commune(tmp_path)
    december_then_january(folder, out)
    write_roster(folder, "DongKe_12-2025.xlsx", "Đông Khê", 150, [person("DK1", "poor")],
                 "2024-12", date(2025, 1, 10))  # fmt: skip
    execute(folder, out, "2024-12")
    assert _counted(out, "2024-12") == {
        "Nà Mòn": ("ok", 3, 2),
        "Bản Cọ": ("ok", 2, 1),
        "Đồng Kè": ("rejected", None, None),
    }
    assert _summary(out, "2024-12")["issues"]["errors"] == 1
    [(hamlet, status, _)] = _submitted(out, "2024-12", "DongKe_12-2025.xlsx")
    assert hamlet == "Đồng Kè"
    assert status.startswith("Bị từ chối: xóm 'Đông Khê' không có trong kế hoạch")
    execute(folder, out, "2025-01")
    assert [n for n in NOTICES if "--period 2024-12" in in_language(n, "vi")] == []
    found = [(i.code, i.file, i.cell) for i in check_files([folder])]
    assert ("unknown-hamlet", "DongKe_12-2025.xlsx", "B3") in found


# --- (b) `check` exits 1 when a run of the latest lists stops on a plan of another year -------


def test_check_whose_only_finding_is_the_plan_of_another_year_exits_1(tmp_path):
    """The folder of session 44's first year-turn test: the 2024 plan, KeHoach_2025.xlsx
    whose 'Năm kế hoạch' says 2024, and January 2025's lists. `check` finds no error (the
    plans' own 4 warnings) and says in its note that a run stops and asks for the 2025 plan.
    A run of January does stop. Before this fix `check` exited 0, "nothing to fix" to a script
    that checks before it runs. Now it exits 1, as for an error; corrected, 0."""
    folder, _ = new_commune(tmp_path)
    _year_mistyped(folder)
    _lists(folder, "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    done = _check(folder)
    other = OTHER_YEAR_VI.replace("'KeHoach_2024.xlsx'", "'KeHoach_2025.xlsx'")
    assert done.stdout.splitlines()[-2:] == [other + MISTYPED_VI, "4 tệp, 0 lỗi, 4 cảnh báo."]
    assert done.returncode == 1
    _plan_2025(folder)
    done = _check(folder)
    assert (done.returncode, done.stdout.splitlines()[-1]) == (0, "4 tệp, 0 lỗi, 4 cảnh báo.")
