"""Session 59 (helper B2): B's **Left** of "Session 59: a household re-coded by its hamlet and
written by another under its older code …". F's kept household (tests.test_session58_f_kept_
recoded: Cường 003 in Nà Mòn in December, the 2025 start list's 009 in Bản Cọ, Nà Mòn's January
list 011: kept at the turn, moved in from Bản Cọ; Bản Cọ's lists accepted without him) is
written 013 in February, is on no list in March (An, Bình: 013 asked to confirm) and is written
011 again in April: back, 'Tái nghèo' in the month's table, told back, as F's household back
under 013 (tests.test_session58_f_kept_recoded's last test)."""

from __future__ import annotations

from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import AN, BINH
from tests.test_session57_b_turn_kept import CUONG_011, STILL, run_january, tables_of
from tests.test_session58_f_kept_recoded import CUONG_013, MOVED, month_run, said_of

# April: the year's tables move him in from Bản Cọ (the start list's 009), the month's (March:
# An alone in Nà Mòn) count him back
BACK_IN_APRIL = {
    "Nà Mòn": (((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), STILL),
               ((1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 2), STILL)),
    "Bản Cọ": (((3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2), STILL), ((2, *[0] * 9, 2), STILL)),
    "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
    None: (((5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), (3, *[0] * 9, 3)),
           ((4, 0, 0, 0, 0, 0, 1, 1, 0, 0, 5), (3, *[0] * 9, 3))),
}  # fmt: skip
# May (011 again, as April): the month's tables move nothing
STILL_IN_MAY = {
    **BACK_IN_APRIL,
    "Nà Mòn": (BACK_IN_APRIL["Nà Mòn"][0], ((2, *[0] * 9, 2), STILL)),
    None: (BACK_IN_APRIL[None][0], ((5, *[0] * 9, 5), (3, *[0] * 9, 3))),
}
BACK_VI = (
    "Mã hộ '011' khác mã '013' của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong danh sách "
    "tháng 2/2025; hộ đã ra khỏi danh sách sau đó. Hộ được tính là một hộ trở lại danh sách (tái "
    "nghèo hoặc tái cận nghèo), không phải hộ lần đầu vào danh sách. Nếu ghi nhầm mã, hãy sửa lại "
    "cho đúng mã trong sổ của xã; nếu xã đã đổi mã cho hộ thì không cần sửa; nếu đây là hai hộ "
    "khác nhau, hãy báo cho cán bộ xã."
)


def test_a_kept_household_gone_under_its_later_code_and_back_under_its_older_is_back(tmp_path):
    """Worked by hand. March: 013 gone (Nà Mòn exited 1, asked to confirm). April, Nà Mòn
    writes him 011 again: the year's tables (the start list) Nà Mòn poor 1 (An), moved in 1, 2;
    Bản Cọ 3 (Dung, Em, Cường 009), moved out 1, 2; the commune 5, moved out 1, moved in 1, 5;
    the month's (March: Nà Mòn An alone) Nà Mòn poor 1, new 1, of which returned 1 ('Tái
    nghèo'), 2; Bản Cọ 2 to 2; the commune 4, new 1, returned 1, 5; near-poor 1 to 1 each, the
    commune 3 to 3. 'Biến động' lists 011 'Tái nghèo' beside the year's move. The row's one
    'code-changed' warning says him back ('returned') under 011 after February's 013 ("trong
    danh sách tháng 2/2025; hộ đã ra khỏi danh sách sau đó"). Before: the month's table said
    'Phát sinh mới' (returned 0) and the 'moved-at-turn' words said he never left the lists."""
    _, out = run_january(tmp_path, 100, [])
    month_run(tmp_path, out, 2, [AN, BINH, CUONG_013])
    month_run(tmp_path, out, 3, [AN, BINH])
    summary = month_run(tmp_path, out, 4, [AN, BINH, CUONG_011])
    assert tables_of(summary) == BACK_IN_APRIL
    assert listed_movements(out, "2025-04") == [
        ("Nà Mòn", "011", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
        MOVED[1],
        ("Nà Mòn", "011", "Tái nghèo", "So với tháng trước"),
    ]
    assert said_of(out, "2025-04") == [("Nà Mòn", "B7", "011", "code-changed", BACK_VI)]


def test_a_kept_household_back_in_april_is_not_said_never_to_have_left_in_may(tmp_path):
    """May, 011 again (listed in April): the month's table moves nothing (Nà Mòn 2 to 2, the
    commune 5 to 5), the year's as April's; he was told back in April, so May says nothing of
    his code (as F's household back under 013, in May). Before: May's 'moved-at-turn' words
    said he never left the lists ("Hộ chưa ra khỏi danh sách")."""
    _, out = run_january(tmp_path, 100, [])
    month_run(tmp_path, out, 2, [AN, BINH, CUONG_013])
    month_run(tmp_path, out, 3, [AN, BINH])
    month_run(tmp_path, out, 4, [AN, BINH, CUONG_011])
    summary = month_run(tmp_path, out, 5, [AN, BINH, CUONG_011])
    assert tables_of(summary) == STILL_IN_MAY
    assert listed_movements(out, "2025-05") == [
        ("Nà Mòn", "011", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
        MOVED[1],
    ]
    assert said_of(out, "2025-05") == []
