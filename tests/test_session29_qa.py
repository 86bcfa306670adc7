"""Session 29's QA: the session's changes met together, as the officer and the heads meet them."""

from __future__ import annotations

import pytest

from pipeline.plan import PlanError, load_plan
from pipeline.read import open_workbook
from tests.test_session29_officer import BAN_CO, DONG_KE, NA_MON, _grouped_plan, _hamlets


def test_a_lone_hamlet_named_like_a_group_left_blank_still_stops_the_plan(tmp_path):
    # 'Vùng Cao' is a real hamlet whose five figures were forgotten; it is the table's only
    # group-worded row, so it is no heading: the plan stops at its cells (row 5, the second
    # row of the table from row 4), as for any hamlet. Before: passed over in silence, the
    # commune read as 2 hamlets and Vùng Cao's lists refused as 'không có trong kế hoạch'
    path = _grouped_plan(tmp_path, [NA_MON, ["Vùng Cao", None, None, None, None, None], BAN_CO])
    with pytest.raises(PlanError) as stopped:
        load_plan(open_workbook(path), path.name)
    assert "dòng 5 (Vùng Cao), cột B 'Tổng số hộ đầu năm' đang trống" in str(stopped.value)


def test_headings_among_other_groups_are_still_passed_over(tmp_path):
    # 'Cụm 1' over Nà Mòn and Bản Cọ, 'Cụm 2' over Đồng Kè, both blank: two groups, three
    # hamlets, 100 + 200 + 150 = 450 households
    path = _grouped_plan(
        tmp_path,
        [["Cụm 1", None, None, None, None, None], NA_MON, BAN_CO,
         ["Cụm 2", None, None, None, None, None], DONG_KE],
    )  # fmt: skip
    plan, hamlets, _ = _hamlets(path)
    assert hamlets == ["Nà Mòn", "Bản Cọ", "Đồng Kè"]
    assert int(plan.hamlets["start_households"].sum()) == 450
