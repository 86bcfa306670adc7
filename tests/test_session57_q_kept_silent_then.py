"""Session 57 (helper Q, the QA gate; `--turn` shape (g), seeds 1100, 1148, …): B's (a) with
the start list's hamlet silent or refused in January. The commune of
tests.test_session57_b_turn_kept: Nà Mòn's December 2024 An 001 poor, Bình 002 near-poor, Cường
(1953) 003 poor; the 2025 start list has An, Bình in Nà Mòn and Cường under 009 in Bản Cọ (Bản
Cọ's Dung, Em poor and one near-poor; Đồng Kè one of each); Nà Mòn's January and February lists
write Cường as 011."""

from __future__ import annotations

from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session57_b2_start_list_kept import run_february
from tests.test_session57_b_turn_kept import STILL, run_january, tables_of


def test_the_start_lists_hamlet_beside_its_start_list_in_february_has_him_moved_out(tmp_path):
    """Bản Cọ's January list refused ('abc' total), its February list accepted without Cường.
    Bản Cọ's February month table is set beside its start list (no list of January counted):
    009 poor there, listed now in Nà Mòn as 011 (one household, B's (a)): moved out, as its
    year's table says, not exited. Worked by hand, poor (start, …, moved out at 5th, …, moved
    in at 9th, …, end): Nà Mòn year 1, moved in 1, 2; month (January's An, Cường) 2 to 2; Bản Cọ
    year 3, moved out 1, 2; month the same (3, moved out 1, 2); Đồng Kè 1 to 1; the commune's
    year 5, moved out 1, moved in 1, 5; its month the hamlets' sum: 2 + 3 + 1 = 6, moved out 1,
    5 (staggered bases: Bản Cọ's is the start list); near-poor 1 to 1 each, the commune 3 to 3.
    Before: Bản Cọ's month table exited 1 ('Không còn trong danh sách'), the commune's too,
    while both years' tables said he moved."""
    _, out = run_january(tmp_path, "abc", [])
    summary = run_february(tmp_path, out, 100)
    moved_out = ((3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2), STILL)
    assert tables_of(summary) == {
        "Nà Mòn": (((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), STILL), ((2, *[0] * 9, 2), STILL)),
        "Bản Cọ": (moved_out, moved_out),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (((5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), (3, *[0] * 9, 3)),
               ((6, 0, 0, 0, 1, 0, 0, 0, 0, 0, 5), (3, *[0] * 9, 3))),
    }  # fmt: skip
    assert [row for row in listed_movements(out, "2025-02") if row[0] == "Bản Cọ"] == [
        ("Bản Cọ", "009", "Chuyển sang Nà Mòn", "Từ đầu năm"),
        ("Bản Cọ", "009", "Chuyển sang Nà Mòn", "So với danh sách đầu năm"),
    ]
