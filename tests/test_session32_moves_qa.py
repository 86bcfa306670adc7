"""Session 32 QA of households moving between hamlets, month after month (helper A2): a head
writing 'Chuyển đi' in 'Phân loại hộ' while the hamlet it moved to lists it, and a move-out
title naming a hamlet the plan does not have. Each pinned by a small fixture whose answer is
worked out by hand in the test."""

from __future__ import annotations

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.commune import person, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session31_heads_qa import moves

# The small commune (tests.commune): the plan's start list has Nà Mòn NM1, NM2, NM3 poor, NM4,
# NM5 near-poor; Bản Cọ BC1, BC2 poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor.


def _moved_by_class(tmp_path, ban_co_lists_it: bool):
    """May: Nà Mòn lists NM1, NM2 (poor), NM3 written 'Chuyển đi' in 'Phân loại hộ' (row 7),
    NM4, NM5 (near-poor); Bản Cọ lists BC1, BC2, BC3 and, if asked, NM3 (poor, row 8)."""
    folder = tmp_path / "input"
    folder.mkdir(parents=True)
    plan = write_plan(folder)
    moved = person("NM3", "poor", phan_loai="Chuyển đi", ghi_chu="Chuyển đi xóm Bản Cọ")
    na = [person("NM1", "poor"), person("NM2", "poor"), moved]
    na += [person("NM4", "near_poor"), person("NM5", "near_poor")]
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    ban += [person("NM3", "poor")] if ban_co_lists_it else []
    na_mon = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, na)
    ban_co = write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, ban)
    result, _ = collect(folder, None, workers=0)
    return result, plan, na_mon, ban_co


def _errors(issues) -> list[tuple]:
    return sorted((i.code, i.hamlet, i.cell) for i in issues if i.severity == "error")


def test_a_class_written_moved_away_does_not_refuse_the_row_where_it_is_listed(tmp_path):
    """NM3 written 'Chuyển đi' in Nà Mòn (its row refused, as session 21 decided) and listed
    'Hộ nghèo' by Bản Cọ. Before: the refused row still used the code, so Bản Cọ's row was
    refused too (duplicate-household-id in both lists): NM3 counted nowhere, Bản Cọ poor 2, the
    commune 4 poor. Now the row that says the household left claims no code: one error (the
    class, I7); Bản Cọ poor 2 + 1 moved in = 3; Nà Mòn poor 3 − 1 moved out = 2 (not 'not
    counted': the household is counted, in Bản Cọ); the commune 5 poor (NM1, NM2, BC1, BC2,
    NM3, DK1 has no list) and 4 near-poor less Đồng Kè's (NM4, NM5, BC3)."""
    result, plan, na_mon, ban_co = _moved_by_class(tmp_path, ban_co_lists_it=True)
    assert _errors(result.issues) == [("invalid-classification", "Nà Mòn", "I7")]
    (said,) = [i for i in result.issues if i.code == "invalid-classification"]
    assert said.variant == "moved-away"
    assert moves(hamlet_figures(result, "Bản Cọ"))["poor"] == {"start": 2, "moved_in": 1, "end": 3}
    assert moves(hamlet_figures(result, "Nà Mòn"))["poor"] == {"start": 3, "moved_out": 1, "end": 2}
    totals = result.summary["totals"]
    assert (totals["poor"], totals["near_poor"]) == (5, 3)
    detail = result.movement_details
    moved = detail[(detail["movement"] == "moved_out") & (detail["scope"] == "year")]
    assert list(zip(moved["ma_ho"], moved["other_hamlet"], strict=True)) == [("NM3", "Bản Cọ")]
    # `check` of the plan and both lists: the class only, no Mã hộ used twice
    checked = check_files([plan, na_mon, ban_co])
    assert _errors(checked) == [("invalid-classification", "Nà Mòn", "I7")]


def test_a_class_written_moved_away_nobody_lists_is_still_not_counted(tmp_path):
    """The control: Bản Cọ does not list NM3. Nà Mòn's refused row still holds it (session 8):
    poor 3 − 1 not counted = 2, the class the one error, nothing moved."""
    result, *_ = _moved_by_class(tmp_path, ban_co_lists_it=False)
    assert _errors(result.issues) == [("invalid-classification", "Nà Mòn", "I7")]
    assert moves(hamlet_figures(result, "Nà Mòn"))["poor"] == {
        "start": 3,
        "not_counted": 1,
        "end": 2,
    }
    assert moves(hamlet_figures(result, "Bản Cọ"))["poor"] == {"start": 2, "end": 2}


def test_a_code_used_twice_with_a_row_refused_for_another_reason_is_still_both_out(tmp_path):
    """Not widened: NM3 written 'Hộ nghèo' with a bad birth year ('abc', its row refused for
    that) in Nà Mòn and listed by Bản Cọ: the code is used twice, both rows out (session 8), as
    before."""
    folder = tmp_path / "input"
    folder.mkdir(parents=True)
    write_plan(folder)
    na = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor", nam_sinh="abc")]
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, na)
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("NM3", "poor")]
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, ban)
    result, _ = collect(folder, None, workers=0)
    twice = sorted((i.hamlet, i.cell) for i in result.issues if i.code == "duplicate-household-id")
    assert twice == [("Bản Cọ", "B7"), ("Nà Mòn", "B7")]
    assert hamlet_figures(result, "Bản Cọ")["poor"] == 2  # BC1, BC2


# --- a move-out title naming a hamlet the plan does not have ---------------------------------

OUTSIDE = (
    "Dòng 11 nằm dưới tiêu đề 'Hộ chuyển đi xóm Khuổi Mới', là hộ đã chuyển đi xóm Khuổi Mới, "
    "nên không được tính vào xóm Nà Mòn. Xóm Khuổi Mới không có trong kế hoạch của xã. Nếu hộ "
    "đó đã chuyển khỏi xã, hãy sửa tiêu đề thành 'Hộ chuyển khỏi xã', ghi 'Thoát' ở cột 'Phân "
    "loại hộ' và 'Chuyển khỏi xã' ở cột 'Ghi chú' của dòng đó (dòng ghi 'Thoát' được tính là "
    "hộ đã ra khỏi danh sách); nếu Khuổi Mới là một xóm trong xã được ghi tên khác, hãy sửa tên "
    "xóm trong tiêu đề đúng như kế hoạch của xã (xóm đó ghi hộ đó vào danh sách của mình, giữ "
    "nguyên Mã hộ). Nếu hộ đó vẫn ở xóm Nà Mòn, hãy xóa tiêu đề đó."
)


def test_a_title_naming_a_hamlet_outside_the_plan_does_not_say_that_hamlet_lists_it(tmp_path):
    """NM3 under 'Hộ chuyển đi xóm Khuổi Mới' (row 11, numbered 1); Khuổi Mới is no hamlet of
    the plan. The row is out and NM3 exited, asked about (session 31, unchanged): poor 3 − 1
    to near-poor (NM2) − 1 exited + 1 from near-poor (NM5) + 1 new (NM6) = 3. Before, the
    title's warning said "Xóm Khuổi Mới ghi hộ đó vào danh sách của xóm mình … không ghi
    'Thoát'" beside vanished-household asking for 'Thoát': it now says Khuổi Mới is not in the
    plan, and how to write a move out of the commune (or correct the hamlet's name)."""
    folder = tmp_path / "input"
    folder.mkdir(parents=True)
    path = with_titles(folder, [("Hộ chuyển đi xóm Khuổi Mới", [person("NM3", "poor")])], True)
    result, _ = collect(folder, None, workers=0)
    assert moves(hamlet_figures(result, "Nà Mòn"))["poor"] == {
        "start": 3, "to_near_poor": 1, "exited": 1, "from_near_poor": 1, "new": 1, "end": 3
    }  # fmt: skip
    (said,) = [i for i in result.issues if i.code == "rows-moved-away"]
    assert (said.cell, said.instead, said.variant) == ("A10", "Khuổi Mới", "outside-one")
    assert said.message() == OUTSIDE
    assert said.message("en").startswith(
        "Row 11 is under the title 'Hộ chuyển đi xóm Khuổi Mới', a household that moved to "
        "hamlet Khuổi Mới, so it is not counted in hamlet Nà Mòn. Hamlet Khuổi Mới is not in "
        "the commune's plan. If the household is now outside the commune, change the title"
    )
    assert [i.value for i in result.issues if i.code == "vanished-household"] == [
        "NM3 (Hoàng Văn NM3)"
    ]
    # `check` with the plan says it as the run does; without it, the hamlet cannot be told
    # from one outside the plan: the plain wording, as before
    plan = folder / "KeHoach_2024.xlsx"
    with_plan = [i for i in check_files([plan, path]) if i.code == "rows-moved-away"]
    assert [(i.variant, i.message()) for i in with_plan] == [("outside-one", OUTSIDE)]
    alone = [i for i in check_files([path]) if i.code == "rows-moved-away"]
    assert [i.variant for i in alone] == ["one"]


def test_a_title_naming_a_plan_hamlet_keeps_its_wording(tmp_path):
    """The control: 'Hộ chuyển đi xóm Đồng Kè' (a hamlet of the plan, written without its
    marks as 'xom dong ke' would be matched too): the plain wording, the plan's name."""
    folder = tmp_path / "input"
    folder.mkdir(parents=True)
    with_titles(folder, [("Hộ chuyển đi xóm Dong Ke", [person("NM3", "poor")])], True)
    result, _ = collect(folder, None, workers=0)
    (said,) = [i for i in result.issues if i.code == "rows-moved-away"]
    assert (said.instead, said.variant) == ("Đồng Kè", "one")
