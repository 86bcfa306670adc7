"""Session 58 (helper F): R7's **Left** of "Session 57: review of the noted-move and new-hamlet
changes": `moves.moved_noted` did not ask whether the new code was counted on a list of an
earlier month of the year. The commune of tests.test_session57_b3_noted_move (January: Nà Mòn
An 001 poor, Bình 002 near-poor; Bản Cọ Dung 004, Em 005 poor, Phương 006 near-poor, Cường 009
poor, as the start list; Đồng Kè Giang poor, Hải near-poor). February Nà Mòn writes a new
household, Ông Lò Văn Tú (1970) 014 poor; March Tú is gone (his row deleted, or written
'Thoát'); April Nà Mòn writes 014 for Bà Hà Thị Em (1955, Bản Cọ's 005), 'Ghi chú' "Chuyển đến
từ xóm Bản Cọ", and Bản Cọ deletes her row."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import AN, BINH
from tests.test_session57_b2_start_list_kept import CUONG_009
from tests.test_session57_b_turn_kept import STILL, issues_of, run_january, tables_of
from tests.year_turn import year_turn_households

TU = ("014", "Lò Văn Tú", 1970, "poor")
VANISHED = (
    "Hộ 005 (Hà Thị Em) có trong danh sách đầu năm nhưng không có trong danh sách kỳ này; "
    "đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ các cột như "
    "các hộ khác) với Phân loại hộ 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác trong xã thì không "
    "ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ."
)


def _to_april(tmp_path, tu_in_march: list[tuple]) -> tuple[dict, object]:
    """January to April as the module says, Tú's March row ``tu_in_march`` ([]: deleted).
    Returns (April's JSON, the outputs' folder)."""
    _, out = run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    folder = tmp_path / "vao"
    em = na_mon_rows([("014", "Hà Thị Em", 1955, "poor")])
    em[0]["ghi_chu"] = "Chuyển đến từ xóm Bản Cọ"
    for month, na_mon in ((2, na_mon_rows([TU])), (3, na_mon_rows(tu_in_march)), (4, em)):
        ban_co = year_turn_households("Bản Cọ", 2024) + na_mon_rows([CUONG_009])
        if month == 4:
            ban_co = [row for row in ban_co if row["chu_ho"] != "Hà Thị Em"]
        for hamlet, slug, rows in (
            ("Nà Mòn", "NaMon", na_mon_rows([AN, BINH]) + na_mon),
            ("Bản Cọ", "BanCo", ban_co),
            ("Đồng Kè", "DongKe", year_turn_households("Đồng Kè", 2024)),
        ):
            write_roster(folder, f"{slug}_2025-{month:02d}.xlsx", hamlet, 100, rows,
                         f"2025-{month:02d}", date(2025, month + 1, 3))  # fmt: skip
        execute(folder, out, f"2025-{month:02d}")
    return json.loads((out / "2025-04" / "TongHop_2025-04.json").read_text("utf-8")), out


@pytest.mark.parametrize(
    "tu_in_march", [[], [("014", "Lò Văn Tú", 1970, "exited")]], ids=["deleted", "thoat"]
)
def test_a_noted_move_under_a_code_counted_earlier_in_the_year_is_that_code_back(
    tmp_path, tu_in_march
):
    """Households are matched by Mã hộ (CONTRACT §4.3): 014 was Tú's household, counted in
    February, gone in March; in April it is back (the head's name aside), so the note pairs
    nothing and Bản Cọ's Em is gone, asked to confirm (her 'vanished-household' says a
    household moved is written by its new hamlet under its old code). Worked by hand, April:
    Nà Mòn's year's table (the start list: An; Bình) poor 1, new 1 of which returned 1, 2, its
    month's (March: An) alike; Bản Cọ's (Dung, Em, Cường; Phương) poor 3, exited 1, 2, both
    tables; Đồng Kè still; the commune poor 5, exited 1, new 1, returned 1, 5, near-poor 3 to 3,
    both tables. With Tú deleted in March this failed before: the note paired Em with 014
    (Bản Cọ moved out 1, Nà Mòn moved in 1, nothing asked) while Tú's written 'Thoát' (the
    second case, a guard passing before and after) read as above: the two now agree."""
    summary, out = _to_april(tmp_path, tu_in_march)
    na_mon = ((1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 2), STILL)
    ban_co = ((3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2), STILL)
    commune = ((5, 0, 1, 0, 0, 0, 1, 1, 0, 0, 5), (3, *[0] * 9, 3))
    assert tables_of(summary) == {
        "Nà Mòn": (na_mon, na_mon),
        "Bản Cọ": (ban_co, ban_co),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (commune, commune),
    }
    gone = "Không còn trong danh sách (đề nghị xác nhận)"
    assert listed_movements(out, "2025-04") == [
        ("Nà Mòn", "014", "Tái nghèo", "Từ đầu năm"),
        ("Bản Cọ", "005", gone, "Từ đầu năm"),
        ("Nà Mòn", "014", "Tái nghèo", "So với tháng trước"),
        ("Bản Cọ", "005", gone, "So với tháng trước"),
    ]
    said = [row for row in issues_of(out, "2025-04")
            if row[3] != "plan-commune-target-above-start"]  # fmt: skip
    assert said == [("Bản Cọ", None, "005 (Hà Thị Em)", "vanished-household", VANISHED)]
