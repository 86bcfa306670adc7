"""Session 32 QA: an officer's year with renamed and merged hamlets, as the officer meets it
(docs/decisions.md, "Session 32: an officer's year with renamed and merged hamlets, after the
session's changes (QA)")."""

from __future__ import annotations

import openpyxl

from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from tests.commune import new_commune, write_plan
from tests.test_session32_renames import (
    hamlet_in_summary,
    na_mon_run,
    renamed_plan,
    write_na_mon_under,
)


def test_a_month_run_again_with_its_own_older_plan_does_not_ask_to_write_the_old_name_back(
    tmp_path,
):
    # March under the first plan ('Nà Mòn': NM1-3 poor, NM4-5 near-poor); April's plan renames
    # it 'Nà Mòn Mới', April's list says so (NM3 near-poor too: 2 poor). A corrected March list
    # comes (NM2 near-poor: 2 poor, 3 near-poor); the officer runs March with the plan March
    # used, put back in the folder as the screen tells after a merger. That run named April to
    # run again and told him to write 'Nà Mòn' back into April's list ("tên mới như trong kế
    # hoạch" being March's old name), though it also said to put the new plan back first, under
    # which April's 'Nà Mòn Mới' is right. Now April is named to run again, with no such clause;
    # done as told (new plan back, April run as it is), April counts its list: 2 poor,
    # 3 near-poor.
    folder, out = new_commune(tmp_path)
    na_mon_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    renamed_plan(folder, "Nà Mòn Mới")
    na_mon_run(folder, out, "2024-04", "Nà Mòn Mới", (3, 4, 5))
    (folder / "NaMon_2024-03.xlsx").unlink()
    write_na_mon_under(folder, "2024-03", "Nà Mòn", (2, 4, 5), name="NaMon_sua_2024-03.xlsx")
    write_plan(folder)  # the plan March used
    execute(folder, out, "2024-03")
    na_mon = hamlet_in_summary(out, "2024-03", "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 3)
    said = [in_language(n, "vi") for n in NOTICES]
    assert any(line.startswith("Kỳ 03/2024 vừa được tính theo kế hoạch cũ hơn") for line in said)
    stale = [line for line in said if line.startswith("Các kỳ sau")]
    assert stale == [
        "Các kỳ sau (04/2024) đã được tổng hợp với số liệu cũ của kỳ 03/2024: biến động so với "
        "tháng trước, số hộ tái nghèo và xu hướng của các kỳ đó chưa theo số liệu mới. Hãy chạy "
        "lại các kỳ đó, theo thứ tự: giamngheo run --period 2024-04"
    ]
    renamed_plan(folder, "Nà Mòn Mới")
    execute(folder, out, "2024-04")
    new = hamlet_in_summary(out, "2024-04", "Nà Mòn Mới")
    assert (new["poor"], new["near_poor"]) == (2, 3)
    # April since March corrected: poor 2 (NM1, NM3), NM3 to near-poor, NM2 from near-poor, 2;
    # near-poor 3 (NM2, NM4, NM5), NM2 to poor, NM3 from poor, 3
    moves = {kind: {k: v for k, v in new["movements_month"][kind].items() if v}
             for kind in ("poor", "near_poor")}  # fmt: skip
    assert moves == {
        "poor": {"start": 2, "to_near_poor": 1, "from_near_poor": 1, "end": 2},
        "near_poor": {"start": 3, "to_poor": 1, "from_poor": 1, "end": 3},
    }


def test_a_month_run_again_with_its_own_plan_says_which_later_months_run_with_it_first(tmp_path):
    # February and March under the first plan ('Nà Mòn': NM1-3 poor, NM4-5 near-poor), April
    # under the plan renaming it 'Nà Mòn Mới'. A corrected February list (NM3 near-poor: 2 poor,
    # 3 near-poor) is run with February's plan. The screen said "before running the later
    # periods again, put the new plan back", and March, the first of them, then stops: March
    # too is run with the first plan ("… không có trong kế hoạch đang dùng …"). Now March is
    # said first, with this plan, then the plan put back for April; done so, both count.
    folder, out = new_commune(tmp_path)
    na_mon_run(folder, out, "2024-02", "Nà Mòn", (4, 5))
    na_mon_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    renamed_plan(folder, "Nà Mòn Mới")
    na_mon_run(folder, out, "2024-04", "Nà Mòn Mới", (3, 4, 5))
    (folder / "NaMon_2024-02.xlsx").unlink()
    write_na_mon_under(folder, "2024-02", "Nà Mòn", (3, 4, 5), name="NaMon_sua_2024-02.xlsx")
    write_plan(folder)  # the plan February used
    execute(folder, out, "2024-02")
    assert (
        hamlet_in_summary(out, "2024-02", "Nà Mòn")["poor"],
        hamlet_in_summary(out, "2024-02", "Nà Mòn")["near_poor"],
    ) == (2, 3)
    older = next(n for n in NOTICES if "kế hoạch cũ hơn" in in_language(n, "vi"))
    assert in_language(older, "vi") == (
        "Kỳ 02/2024 vừa được tính theo kế hoạch cũ hơn kế hoạch đã dùng cho kỳ 04/2024 (kế "
        "hoạch đó không còn xóm Nà Mòn): danh sách hộ đầu năm lưu trong lịch sử vẫn theo kế "
        "hoạch của các kỳ đó. Hãy chạy lại kỳ 03/2024 trước, vẫn với kế hoạch này; trước khi "
        "chạy lại kỳ 04/2024, hãy đặt tệp kế hoạch mới trở lại thư mục đầu vào (thay cho "
        "'KeHoach_2024.xlsx')."
    )
    assert in_language(older, "en").endswith(
        "Run 03/2024 again first, still with this plan; before running 04/2024 again, put the "
        "new plan file back in the input folder (in place of 'KeHoach_2024.xlsx')."
    )
    # followed: March with this plan (NM1-3 poor, 3), then the new plan back and April (2)
    execute(folder, out, "2024-03")
    assert hamlet_in_summary(out, "2024-03", "Nà Mòn")["poor"] == 3
    renamed_plan(folder, "Nà Mòn Mới")
    execute(folder, out, "2024-04")
    assert hamlet_in_summary(out, "2024-04", "Nà Mòn Mới")["poor"] == 2


def test_a_household_moved_between_the_lists_is_one_change_in_the_notice_of_figures_changed():
    # A month run again whose only change is one more household poor to near-poor since last
    # month (1 -> 2): the poor table's 'to near-poor' and the near-poor table's 'from poor' are
    # that one fact; the notice said both ("hộ nghèo chuyển sang cận nghèo … 1 → 2, …, hộ
    # nghèo chuyển sang hộ cận nghèo … 1 → 2"), now the first alone; likewise near-poor to poor
    from pipeline.notices_plan import _changed

    def month(to_near: int, to_poor: int) -> dict:
        return {
            "movements_month": {
                "poor": {"start": 5, "to_near_poor": to_near, "from_near_poor": to_poor},
                "near_poor": {"start": 3, "to_poor": to_poor, "from_poor": to_near},
            }
        }

    said = [(what.vi, a, b) for what, a, b in _changed(month(1, 0), month(2, 1))]
    assert said == [
        ("hộ nghèo chuyển sang cận nghèo (so với tháng trước)", 1, 2),
        ("hộ cận nghèo chuyển sang nghèo (so với tháng trước)", 0, 1),
    ]


def test_a_late_list_under_the_name_before_its_months_rename_is_told_with_the_cell(tmp_path):
    # March 'Nà Mòn' (NM1-3 poor, NM4-5 near-poor); April's plan renames it 'Nà Mòn Mới', its
    # list says so (NM1-2 poor, NM3-5 near-poor), April run. Then the head sends April again,
    # NM2 near-poor too, but under 'Nà Mòn', the name he wrote until March. May's run said
    # nothing of it: the name is no hamlet of April. Now it is told, as a late list written
    # under the name then is, with the cell to write the name now; done so (his first April
    # list put aside), April counts the correction: 1 poor (NM1), 4 near-poor (NM2-5).
    folder, out = new_commune(tmp_path)
    na_mon_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    renamed_plan(folder, "Nà Mòn Mới")
    na_mon_run(folder, out, "2024-04", "Nà Mòn Mới", (3, 4, 5))
    late = "NaMon_sua_2024-04.xlsx"
    write_na_mon_under(folder, "2024-04", "Nà Mòn", (2, 3, 4, 5), name=late)
    na_mon_run(folder, out, "2024-05", "Nà Mòn Mới", (2, 3, 4, 5))
    said = [n for n in NOTICES if "Có danh sách kỳ" in in_language(n, "vi")]
    assert [in_language(n, "vi") for n in said] == [
        f"Có danh sách kỳ 04/2024 của xóm Nà Mòn Mới ('{late}') khác với tệp đã dùng khi tổng "
        "hợp kỳ đó (có thể là bản sửa). Để tính lại kỳ đó, hãy sửa ô 'Xóm' thành tên mới như "
        f"trong kế hoạch (tệp '{late}' ghi 'Nà Mòn' ở ô B3 trang 'Thông tin', kế hoạch nay ghi "
        "là 'Nà Mòn Mới') rồi chạy lại: giamngheo run --period 2024-04"
    ]
    book = openpyxl.load_workbook(folder / late)
    book["Thông tin"]["B3"] = "Nà Mòn Mới"
    book.save(folder / late)
    (folder / "NaMon_2024-04.xlsx").unlink()
    execute(folder, out, "2024-04")
    new = hamlet_in_summary(out, "2024-04", "Nà Mòn Mới")
    assert (new["poor"], new["near_poor"]) == (1, 4)
