"""Session 65 (helper B): a start row told gone when its hamlet was back in the plan is not held
again when the hamlet, renamed since, is back once more (session 64 RE's Left (2)).

E's commune as A's test builds it (tests/test_session64_a_back_in_plan.py): Khuổi Hin lists K1
in February, is in no plan of March and April (April's plan gives B1, B2 to Bản Cọ, silent),
and is back in May with K1, B1, B2 on its start rows, its list K1, B1: May's month column holds
B1, B2 (``month_started``), tells B2 gone and asks then. June's plan renames it 'Khuổi Hin Mới'
(the same start rows), its list K1, B1; July's plan drops it; August's (a revised file: the
hamlets written in another order) has it back as 'Khuổi Hin Mới', its list K1, B1.
"""

from __future__ import annotations

from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session63_e_back_start_rows import B1, B2, K1, MAR, run_steps
from tests.test_session64_a_back_in_plan import START, asked, poor_of

SINCE_MAY = "Không còn trong danh sách từ tháng 5/2024 (không ghi 'Thoát')"


def _steps(name: str) -> list:
    plan, lists = {name: [K1, B1, B2], **MAR}, {name: [K1, B1], **MAR}
    revised = {**MAR, name: [K1, B1, B2]}  # not the file June ran with (session 64 A2 aside)
    return [*START, ("2024-06", plan, lists), ("2024-07", MAR, MAR), ("2024-08", revised, lists)]


def _check_august(done, out, name: str) -> None:
    """Worked by hand. August's month table of the hamlet against its June list (K1, B1): poor
    2 to 2, nothing held, nothing gone (B2 was told gone in May, asked then); the commune 4 to
    4; no ``month_started``. The year's table: 3, gone 1 (B2), 2; the commune 5, gone 1, 4.
    'Biến động' lists B2 once, "từ tháng 5/2024", of the year; no question."""
    august = done["2024-08"]
    assert august["month_started"] == {}
    assert poor_of(august, "movements_month")[name] == (2, *[0] * 9, 2)
    assert poor_of(august, "movements_month")[None] == (4, *[0] * 9, 4)
    assert poor_of(august, "movements")[name] == (3, 0, 1, *[0] * 7, 2)
    assert poor_of(august, "movements")[None] == (5, 0, 1, *[0] * 7, 4)
    assert listed_movements(out, "2024-08") == [(name, "B2", SINCE_MAY, "Từ đầu năm")]
    assert asked(out, "2024-08") == []


def test_a_start_row_told_in_may_is_not_held_again_when_its_hamlet_renamed_since_is_back(
    tmp_path,
):
    """May's ``month_started`` names 'Khuổi Hin'; August's start list writes B2 under 'Khuổi
    Hin Mới' (June's summary said the rename). Before: August's column held B2 again (poor 3,
    gone 1, 2; ``month_started`` B2; its month row "đề nghị xác nhận" beside the year's "từ
    tháng 5/2024"): the column read May's names as they were, the walk under the names now."""
    done, out = run_steps(tmp_path, _steps("Khuổi Hin Mới"))
    assert done["2024-05"]["month_started"] == {"Khuổi Hin": ["B1", "B2"]}
    renamed = [h.get("renamed_from") for h in done["2024-06"]["hamlets"]]
    assert [[r["hamlet"] for r in r_ or ()] for r_ in renamed] == [["Khuổi Hin"], [], []]
    _check_august(done, out, "Khuổi Hin Mới")


def test_the_same_months_without_the_rename_hold_it_not_again_either(tmp_path):
    """The control: the same months, the hamlet named 'Khuổi Hin' throughout (passes before
    too: May's names are the start list's)."""
    done, out = run_steps(tmp_path, _steps("Khuổi Hin"))
    _check_august(done, out, "Khuổi Hin")
