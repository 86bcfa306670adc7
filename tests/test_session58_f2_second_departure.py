"""Session 58 (helper F2): a household that left the lists without 'Thoát', was asked to
confirm, came back and leaves again is asked again. The commune of
tests.test_session57_b_turn_kept (January: Nà Mòn An 001 poor, Bình 002 near-poor, as the start
list; Bản Cọ Dung 004, Em 005, Cường 009 poor, Phương 006 near-poor; Đồng Kè Giang poor, Hải
near-poor). Before, `moves.vanished_warnings` passed over every household the history showed
leaving once (``left_before``: the walk's ``ever``), so the second leaving was counted as an
exit and said "Không còn trong danh sách (đề nghị xác nhận)" in 'Biến động' while nothing
asked the head to confirm it."""

from __future__ import annotations

import json
from datetime import date

from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import AN, BINH
from tests.test_session57_b2_start_list_kept import CUONG_009
from tests.test_session57_b_turn_kept import STILL, issues_of, run_january, tables_of
from tests.year_turn import year_turn_households

TU = ("014", "Lò Văn Tú", 1970, "poor")
GONE = "Không còn trong danh sách (đề nghị xác nhận)"
ASKED = (
    "Hộ {} có trong danh sách {} nhưng không có trong danh sách kỳ này; đã tính là thoát. "
    "Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ các cột như các hộ khác) "
    "với Phân loại hộ 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác trong xã thì không ghi lại: "
    "xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ."
)


def run_months(tmp_path, na_mon: dict[int, list[tuple]]) -> tuple[dict, object]:
    """January, then each month of ``na_mon`` (month -> Nà Mòn's households), Bản Cọ and Đồng
    Kè as in January. Returns ({period: its 'Lỗi dữ liệu' rows but the plan's}, the outputs'
    folder)."""
    _, out = run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    folder = tmp_path / "vao"
    said = {}
    for month, households in na_mon.items():
        ban_co = year_turn_households("Bản Cọ", 2024) + na_mon_rows([CUONG_009])
        for hamlet, slug, rows in (
            ("Nà Mòn", "NaMon", na_mon_rows(households)),
            ("Bản Cọ", "BanCo", ban_co),
            ("Đồng Kè", "DongKe", year_turn_households("Đồng Kè", 2024)),
        ):
            write_roster(folder, f"{slug}_2025-{month:02d}.xlsx", hamlet, 100, rows,
                         f"2025-{month:02d}", date(2025, month + 1, 3))  # fmt: skip
        period = f"2025-{month:02d}"
        execute(folder, out, period)
        said[period] = [row for row in issues_of(out, period)
                        if row[3] != "plan-commune-target-above-start"]  # fmt: skip
    return said, out


def _summary(out, period: str) -> dict:
    return json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))


def test_a_start_list_household_gone_again_is_asked_again(tmp_path):
    """Bình 002 (near-poor, start list) gone in February, back in March, gone again in April.
    Worked by hand, April: Nà Mòn's year's table (start list: An; Bình) poor 1 to 1, near-poor
    1, exited 1, to 0; its month's (March: An; Bình) alike; Bản Cọ poor 3 to 3, near-poor 1 to
    1, Đồng Kè still; the commune poor 5 to 5, near-poor 3, exited 1, to 2, both tables. Bình is
    asked to confirm in February and again in April (the year's table's warning, naming the
    start list; the month's says it once), nothing in March. April's warning failed before."""
    said, out = run_months(tmp_path, {2: [AN], 3: [AN, BINH], 4: [AN]})
    binh = ("Nà Mòn", None, "002 (Lò Văn Bình)", "vanished-household",
            ASKED.format("002 (Lò Văn Bình)", "đầu năm"))  # fmt: skip
    assert said == {"2025-02": [binh], "2025-03": [], "2025-04": [binh]}
    na_mon = (STILL, (1, 0, 1, *[0] * 8))
    ban_co = ((3, *[0] * 9, 3), STILL)
    commune = ((5, *[0] * 9, 5), (3, 0, 1, *[0] * 7, 2))
    assert tables_of(_summary(out, "2025-04")) == {
        "Nà Mòn": (na_mon, na_mon),
        "Bản Cọ": (ban_co, ban_co),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (commune, commune),
    }
    assert listed_movements(out, "2025-04") == [
        ("Nà Mòn", "002", GONE, "Từ đầu năm"),
        ("Nà Mòn", "002", GONE, "So với tháng trước"),
    ]


def test_a_household_new_in_the_year_gone_again_is_asked_again(tmp_path):
    """Tú 014 (poor), new in February, gone in March, back in April (tái nghèo), gone again in
    May. Worked by hand, May: Nà Mòn's year's table (start list: An; Bình) still, its month's
    (April: An, Tú; Bình) poor 2, exited 1, to 1, near-poor still; the commune's year's table
    still (poor 5, near-poor 3), its month's poor 6, exited 1, to 5, near-poor 3 to 3. Tú is
    asked in March (naming February's list) and in May (naming April's). May's warning failed
    before."""
    said, out = run_months(
        tmp_path, {2: [AN, BINH, TU], 3: [AN, BINH], 4: [AN, BINH, TU], 5: [AN, BINH]}
    )
    tu = "014 (Lò Văn Tú)"
    assert said == {
        "2025-02": [],
        "2025-03": [("Nà Mòn", None, tu, "vanished-household", ASKED.format(tu, "tháng 2/2025"))],
        "2025-04": [],
        "2025-05": [("Nà Mòn", None, tu, "vanished-household", ASKED.format(tu, "tháng 4/2025"))],
    }
    still = ((5, *[0] * 9, 5), (3, *[0] * 9, 3))
    assert tables_of(_summary(out, "2025-05")) == {
        "Nà Mòn": ((STILL, STILL), ((2, 0, 1, *[0] * 7, 1), STILL)),
        "Bản Cọ": (((3, *[0] * 9, 3), STILL), ((3, *[0] * 9, 3), STILL)),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (still, ((6, 0, 1, *[0] * 7, 5), (3, *[0] * 9, 3))),
    }
    assert listed_movements(out, "2025-05") == [("Nà Mòn", "014", GONE, "So với tháng trước")]
