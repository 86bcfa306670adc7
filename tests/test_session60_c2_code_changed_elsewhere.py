"""Session 60 (C2, review of helper C): the plain 'code-changed' words where the household's
other code is another hamlet's. The commune of tests.test_session56_b_turn_moved: Nà Mòn's
December 2024 Lò Văn Cường (1953) 003 poor; the 2025 start list writes him 009 in Bản Cọ
(Bản Cọ's Dung 004, Em 005 poor, Phương 006 near-poor; Đồng Kè's Giang 007 poor, Hải 008
near-poor). Bản Cọ's January list writes him 009, Nà Mòn's has An 001 and Bình 002."""

from __future__ import annotations

import json
from datetime import date

from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import na_mon_rows
from tests.test_session56_b_turn_moved import AN, BINH
from tests.test_session57_b_turn_kept import run_january, tables_of
from tests.test_session58_f_kept_recoded import month_run, said_of

CUONG_009 = ("009", "Lò Văn Cường", 1953, "poor")
CUONG_003 = ("003", "Lò Văn Cường", 1953, "poor")
DUNG = ("004", "Hà Thị Dung", 1954, "poor")
EM = ("005", "Hà Thị Em", 1955, "poor")
PHUONG = ("006", "Hà Thị Phương", 1956, "near_poor")
GIANG = ("007", "Ma Văn Giang", 1957, "poor")
HAI = ("008", "Ma Văn Hải", 1958, "near_poor")

# Nà Mòn's row 003 (B7), moved in from Bản Cọ, whose January list holds 009: Nà Mòn's head
# is told Bản Cọ holds that row, not to write it 'Thoát' himself
MOVED_VI = (
    "Mã hộ '003' khác mã '009' của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong danh sách "
    "tháng 1/2025 của xóm Bản Cọ. Hộ được tính là một hộ chuyển đến xóm Nà Mòn từ xóm đó: không "
    "tính là thoát hay phát sinh mới. Nếu ghi nhầm mã, hãy sửa lại cho đúng mã trong sổ của xã; "
    "nếu xã đã đổi mã cho hộ thì không cần sửa; nếu đây là hai hộ khác nhau, hãy báo cho cán bộ "
    "xã: xóm Nà Mòn giữ nguyên dòng này, còn hộ mã '009' là hộ của xóm đó (nếu hộ đó đã thoát, "
    "xóm đó ghi lại dòng của hộ với Phân loại hộ 'Thoát')."
)


def code_changed_said(out, period: str) -> list[tuple]:
    return [row[:3] + (row[4],) for row in said_of(out, period) if row[3] == "code-changed"]


def test_a_household_moved_in_under_another_code_is_told_the_other_hamlet_holds_that_row(
    tmp_path,
):
    """February: Bản Cọ's list without Cường, Nà Mòn's writes him 003 (C's fixture; the tables
    move him from Bản Cọ). His row's one warning names Bản Cọ's January list and says the
    other code's row is Bản Cọ's. Before: "hãy ghi lại dòng của hộ mã '009' với Phân loại hộ
    'Thoát'" to Nà Mòn's head, whose list never had 009."""
    _, out = run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    month_run(tmp_path, out, 2, [AN, BINH, CUONG_003])
    assert code_changed_said(out, "2025-02") == [("Nà Mòn", "B7", "003", MOVED_VI)]


def test_with_bản_cọ_refused_the_row_names_its_january_list_not_the_start_list(tmp_path):
    """February: Bản Cọ's list refused (its total 'abc'), Nà Mòn writes Cường 003. His latest
    stored row is Bản Cọ's January list's (last month's lists, its hamlet's latest): named, as
    with Bản Cọ accepted. Before: "trong danh sách đầu năm của xóm Bản Cọ"."""
    _, out = run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    month_run(tmp_path, out, 2, [AN, BINH, CUONG_003], "abc")
    assert code_changed_said(out, "2025-02") == [("Nà Mòn", "B7", "003", MOVED_VI)]


def _swap_month(tmp_path, out, month: int, ban_co: list[tuple], dong_ke: list[tuple]) -> None:
    folder = tmp_path / "vao"
    for hamlet, slug, rows in (("Nà Mòn", "NaMon", [AN, BINH]), ("Bản Cọ", "BanCo", ban_co),
                               ("Đồng Kè", "DongKe", dong_ke)):  # fmt: skip
        write_roster(folder, f"{slug}_2025-{month:02d}.xlsx", hamlet, 100, na_mon_rows(rows),
                     f"2025-{month:02d}", date(2025, month + 1, 3))  # fmt: skip
    execute(folder, out, f"2025-{month:02d}")


def test_two_hamlets_swapping_codes_are_not_told_to_write_the_other_code_exited(tmp_path):
    """February as January; March: Bản Cọ writes Em 007, Đồng Kè writes Giang 005 (the two
    codes swapped across hamlets; names and birth years alike). Both tables pair each by name
    (nothing moves); each row is told its other code is another hamlet's household's now, not
    to write a 'Thoát' row under it (that would write 005 twice in the commune: Đồng Kè's
    Giang and Bản Cọ's 'Thoát'). Before: "hãy ghi lại dòng của hộ mã '005' với Phân loại hộ
    'Thoát'" to Bản Cọ's head, '007' to Đồng Kè's."""
    _, out = run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    _swap_month(tmp_path, out, 2, [DUNG, EM, PHUONG, CUONG_009], [GIANG, HAI])
    _swap_month(tmp_path, out, 3, [DUNG, ("007", *EM[1:]), PHUONG, CUONG_009],
                [("005", *GIANG[1:]), HAI])  # fmt: skip

    def taken(value: str, other: str) -> str:
        return (
            f"Mã hộ '{value}' khác mã '{other}' của cùng hộ này (cùng họ tên chủ hộ và năm sinh) "
            f"trong danh sách đầu năm, và mã '{other}' nay là mã của một hộ trong danh sách xóm "
            "khác (có thể hai mã bị ghi đổi cho nhau); hộ được tính là một hộ, không phải hộ "
            "thoát hay hộ mới. Nếu ghi nhầm mã: sửa theo mã trong sổ của xã. Nếu xã đã đổi mã "
            "cho hộ: không cần sửa. Nếu là hai hộ khác nhau: báo cán bộ xã, và đừng ghi dòng "
            f"'Thoát' với mã '{other}' (mã đó nay là của hộ khác)."
        )

    assert sorted(code_changed_said(out, "2025-03")) == [
        ("Bản Cọ", "B6", "007", taken("007", "005")),
        ("Đồng Kè", "B5", "005", taken("005", "007")),
    ]


def test_a_household_recoded_then_gone_is_asked_once_naming_both_codes(tmp_path):
    """February: Bản Cọ writes Em 015 (005 on the start list and January's list; a code change
    by name within the hamlet). March: Bản Cọ's list without her. Worked by hand: both tables
    count her exited (Bản Cọ poor 3 -> 2, exited 1; the year's row 005, the month's 015), and
    her head is asked once, under the code his list wrote last (015), naming the start list's
    005. Before: two 'vanished-household' warnings, 005 "có trong danh sách đầu năm" and 015
    "có trong danh sách tháng 2/2025"."""
    _, out = run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    _swap_month(tmp_path, out, 2, [DUNG, ("015", *EM[1:]), PHUONG, CUONG_009], [GIANG, HAI])
    _swap_month(tmp_path, out, 3, [DUNG, PHUONG, CUONG_009], [GIANG, HAI])
    asked = [row[:3] + (row[4],) for row in said_of(out, "2025-03")
             if row[3] == "vanished-household"]  # fmt: skip
    assert asked == [
        (
            "Bản Cọ",
            None,
            "015 (Hà Thị Em)",
            "Hộ 015 (Hà Thị Em) có trong danh sách tháng 2/2025 (danh sách đầu năm ghi hộ với Mã "
            "hộ 005) nhưng không có trong danh sách kỳ này; đã tính là thoát. Đề nghị xóm xác "
            "nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ các cột như các hộ khác) với Phân loại "
            "hộ 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác trong xã thì không ghi lại: xóm nơi hộ "
            "đến ghi hộ vào danh sách của mình với Mã hộ cũ.",
        )
    ]
    summary = json.loads((out / "2025-03" / "TongHop_2025-03.json").read_text("utf-8"))
    exited = (3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2)  # Bản Cọ's poor, both tables
    assert tables_of(summary)["Bản Cọ"] == (
        (exited, (1, *[0] * 9, 1)),
        (exited, (1, *[0] * 9, 1)),
    )
