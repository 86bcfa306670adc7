"""Session 55 (R1): session 55's privacy (D) and officer's-month (H) changes as heads break
them.

1. A head's own list (no 'Thông tin') whose title lines write 'Xóm:', 'Kỳ báo cáo:' and a
   'Tổng số hộ dân cư:' that reads as no count of households ('khoảng 120 hộ', '450 nhân
   khẩu', '120 hộ, trong đó 3 hộ nghèo') was refused whole since session 55's H (read as the
   list's 'Thông tin' block): a title's words do not refuse the list; the plan's total is
   taken and the missing 'Thông tin' said, as before session 55.
"""

from __future__ import annotations

import pytest

from pipeline.run import collect
from tests.commune import clean_rosters, write_plan
from tests.test_session55_officer_month import own_list


@pytest.mark.parametrize(
    "total",
    ["khoảng 120 hộ", "450 nhân khẩu", "120 hộ, trong đó 3 hộ nghèo", "120 hộ - 450 khẩu"],
)
def test_a_title_total_read_as_no_count_does_not_refuse_the_list(tmp_path, total):
    """Nà Mòn by hand (tests.commune.clean_rosters' list): poor NM1, NM5, NM6 = 3, near-poor
    NM2, NM4 = 2, over the plan's 100 households (the title's total unread): 3 %, 2 %, the
    hamlet counted, one missing-info-sheet warning. Before: 'rejected', invalid-total-households
    at the title's total line."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    (tmp_path / "NaMon.xlsx").unlink()
    own_list(tmp_path, ["Xóm: Nà Mòn", "Kỳ báo cáo: 05/2024", f"Tổng số hộ dân cư: {total}"])
    result, _ = collect(tmp_path, None)
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    told = sorted(i.code for i in result.issues if i.file == "NaMon.xlsx")
    assert (hamlet["status"], hamlet["poor"], hamlet["near_poor"]) == ("ok", 3, 2)
    assert hamlet["households"] == 100
    assert hamlet["poor_rate"] == pytest.approx(3.0)
    assert hamlet["near_poor_rate"] == pytest.approx(2.0)
    assert told == ["missing-info-sheet"]
