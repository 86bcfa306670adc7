"""Session 29's QA: the session's changes met together, as the officer and the heads meet them."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.messages import in_language
from pipeline.plan import PlanError, load_plan
from pipeline.read import open_workbook
from pipeline.run import collect, execute
from tests.commune import person, write_plan, write_roster
from tests.test_session29_officer import BAN_CO, DONG_KE, NA_MON, grouped_plan, plan_and_hamlets
from tests.test_session29_rosters import na_mon_births, na_mon_born


def test_a_lone_hamlet_named_like_a_group_left_blank_still_stops_the_plan(tmp_path):
    # 'Vùng Cao' is a real hamlet whose five figures were forgotten; it is the table's only
    # group-worded row, so it is no heading: the plan stops at its cells (row 5, the second
    # row of the table from row 4), as for any hamlet. Before: passed over in silence, the
    # commune read as 2 hamlets and Vùng Cao's lists refused as 'không có trong kế hoạch'
    path = grouped_plan(tmp_path, [NA_MON, ["Vùng Cao", None, None, None, None, None], BAN_CO])
    with pytest.raises(PlanError) as stopped:
        load_plan(open_workbook(path), path.name)
    assert "dòng 5 (Vùng Cao), cột B 'Tổng số hộ đầu năm' đang trống" in str(stopped.value)


def test_headings_among_other_groups_are_still_passed_over(tmp_path):
    # 'Cụm 1' over Nà Mòn and Bản Cọ, 'Cụm 2' over Đồng Kè, both blank: two groups, three
    # hamlets, 100 + 200 + 150 = 450 households
    path = grouped_plan(
        tmp_path,
        [["Cụm 1", None, None, None, None, None], NA_MON, BAN_CO,
         ["Cụm 2", None, None, None, None, None], DONG_KE],
    )  # fmt: skip
    plan, hamlets, _ = plan_and_hamlets(path)
    assert hamlets == ["Nà Mòn", "Bản Cọ", "Đồng Kè"]
    assert int(plan.hamlets["start_households"].sum()) == 450


def test_the_two_digit_year_warning_says_the_rule_that_read_it(tmp_path):
    # '12/05/20' in a May 2024 list: a head born in 2020 would be 4 (under 16), so 1920. The
    # message said "20.. if that year is not after the list's year", which names 2020 for it
    # while quoting 12/05/1920; it now says the rule applied: 20.. only for a head 16 by 2024
    folder = tmp_path / "input"
    folder.mkdir()
    na_mon_births(folder, ["12/05/20", 1958, 1960])
    result, _ = collect(folder, None, workers=0)
    assert na_mon_born(result)["NM1"] == 1920
    [issue] = [i for i in result.issues if i.code == "birth-year-two-digits"]
    assert issue.message() == (
        "Cột 'Năm sinh' ghi năm sinh chỉ có 2 chữ số (ô D5 ghi '12/05/20'): đã đọc là ngày "
        "12/05/1920; năm 2 chữ số được tính là năm 20.. nếu người sinh năm đó đã đủ 16 tuổi vào "
        "năm của danh sách, nếu không là năm 19.. (các ô khác của cột cũng vậy), nên có thể sai "
        "thế kỷ. Hãy ghi năm sinh đủ 4 chữ số (ví dụ 12/05/1962)."
    )
    assert "taken as 20.. when a head born then is 16 by the list's year, else as 19.." in (
        issue.message("en")
    )


def _lock_lines(folder, out, period: str) -> list[str]:
    from pipeline.output import NOTICES

    execute(folder, out, period)
    return [n for n in (in_language(m, "vi") for m in NOTICES) if n.startswith("Bỏ qua")]


def test_a_lock_file_of_another_months_list_is_not_said_in_this_months_run(tmp_path):
    # Bản Cọ's April and May lists, May's open in Excel ('~$_BanCo_2024-05.xlsx' stands for
    # 'DS_BanCo_2024-05.xlsx'). April's run does not read May's list: nothing said (before: "what
    # is not saved in 'DS_BanCo_2024-05.xlsx' is not read … run again", in April's run). May's
    # run reads it: one line. A lock left over (no workbook beside it) is said in both
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "DS_BanCo_2024-04.xlsx", "Bản Cọ", 200, rows, period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, rows)
    for name in ("~$_BanCo_2024-05.xlsx", "~$_Cu_2024-05.xlsx"):
        (folder / name).write_bytes(b"\x0bMa Thi Hoa" + b"\x00" * 150)
    left = (
        "Bỏ qua '~$_Cu_2024-05.xlsx': đây là tệp khóa Excel còn sót lại của một tệp đã đóng "
        "(Excel tạo ra khi mở một tệp, xóa đi khi đóng), không phải danh sách; có thể xóa nó."
    )
    assert _lock_lines(folder, out, "2024-04") == [left]
    assert _lock_lines(folder, out, "2024-05") == [
        "Bỏ qua '~$_BanCo_2024-05.xlsx': đây là tệp khóa Excel tạo ra khi tệp "
        "'DS_BanCo_2024-05.xlsx' đang mở, không phải danh sách. Những gì sửa trong "
        "'DS_BanCo_2024-05.xlsx' mà chưa lưu thì chưa được đọc: nếu vừa sửa, hãy lưu và đóng "
        "tệp đó rồi chạy lại.",
        left,
    ]
