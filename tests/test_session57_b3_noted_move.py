"""Session 57 (helper B3): B2's Left of "Session 57: a household moved within the year to
another hamlet under a new code, noted 'Chuyển đến', its old hamlet still listing it". The
commune of tests.test_session57_b2_start_list_kept: Cường (1953) on the 2025 start list in Bản
Cọ as 009, listed there January to June; Nà Mòn (An 001 poor, Bình 002 near-poor) writes him
in June under a new code, 012, 'Ghi chú' "Chuyển đến từ xóm Bản Cọ" (counted once, in Bản Cọ);
July Bản Cọ deletes 009 as asked (moves.moved_noted)."""

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

VANISHED = (
    "Hộ 009 (Lò Văn Cường) có trong danh sách đầu năm nhưng không có trong danh sách kỳ này; "
    "đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ các cột như "
    "các hộ khác) với Phân loại hộ 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác trong xã thì không "
    "ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ."
)


def _to_july(tmp_path, note: str, last: int = 7, first: int = 6) -> tuple[dict, object]:
    """January to July of the move (to ``last``): Nà Mòn writes Cường 012 from June (from
    ``first``) with 'Ghi chú' ``note`` (August on without it), Bản Cọ lists 009 to June and
    not from July. Returns (the last month's JSON, the outputs' folder)."""
    _, out = run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    folder = tmp_path / "vao"
    moved = na_mon_rows([("012", "Lò Văn Cường", 1953, "poor")])
    moved[0]["ghi_chu"] = note
    for month in range(2, last + 1):
        if month == 8:
            moved[0]["ghi_chu"] = ""
        ban_co = year_turn_households("Bản Cọ", 2024)
        for hamlet, slug, rows in (
            ("Nà Mòn", "NaMon", na_mon_rows([AN, BINH]) + (moved if month >= first else [])),
            ("Bản Cọ", "BanCo", ban_co + (na_mon_rows([CUONG_009]) if month < 7 else [])),
            ("Đồng Kè", "DongKe", year_turn_households("Đồng Kè", 2024)),
        ):
            write_roster(folder, f"{slug}_2025-{month:02d}.xlsx", hamlet, 100, rows,
                         f"2025-{month:02d}", date(2025, month + 1, 3))  # fmt: skip
        execute(folder, out, f"2025-{month:02d}")
    period = f"2025-{last:02d}"
    return json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8")), out


def _said(out, period: str = "2025-07") -> list[tuple]:
    return [row for row in issues_of(out, period) if row[3] != "plan-commune-target-above-start"]


@pytest.mark.parametrize("first", [6, 7])
def test_a_household_noted_moved_in_is_moved_once_its_old_hamlet_deletes_its_row(tmp_path, first):
    """July, Bản Cọ's 009 gone, Nà Mòn's 012 counted, noted moved in from Bản Cọ, the same
    head's name and birth year (one such record in Bản Cọ's baselines, one in Nà Mòn now).
    Worked by hand: the year's tables (the start list: 009 in Bản Cọ) Nà Mòn poor 1 (An),
    moved in 1, 2; Bản Cọ 3 (Dung, Em, Cường), moved out 1, 2; the month's (June's counted
    lists: Nà Mòn An alone, 012 left out; Bản Cọ Dung, Em, Cường) alike; near-poor 1 to 1 in
    each; Đồng Kè still; the commune poor 5, moved out 1, moved in 1, 5, near-poor 3 to 3, both
    tables. 'Biến động' lists the two moves in each table, nothing asked. Before: Bản Cọ
    exited 1 ("Không còn trong danh sách (đề nghị xác nhận)", its 'vanished-household' "đã
    tính là thoát"), Nà Mòn new 1 ('Phát sinh mới'), both tables. The same where Nà Mòn first
    writes 012 in July (``first`` 7), the month Bản Cọ deletes 009; before: Nà Mòn new 1,
    returned 1 ('Tái nghèo': the fixture's December had Cường as 003 in Nà Mòn), its row's
    'code-changed' saying "hộ đã ra khỏi danh sách sau đó … trở lại danh sách"."""
    summary, out = _to_july(tmp_path, "Chuyển đến từ xóm Bản Cọ", first=first)
    na_mon = ((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), STILL)
    ban_co = ((3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2), STILL)
    commune = ((5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), (3, *[0] * 9, 3))
    assert tables_of(summary) == {
        "Nà Mòn": (na_mon, na_mon),
        "Bản Cọ": (ban_co, ban_co),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (commune, commune),
    }
    counts = {h["hamlet"]: (h["poor"], h["near_poor"]) for h in summary["hamlets"]}
    assert counts == {"Nà Mòn": (2, 1), "Bản Cọ": (2, 1), "Đồng Kè": (1, 1)}
    assert listed_movements(out, "2025-07") == [
        ("Nà Mòn", "012", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
        ("Bản Cọ", "009", "Chuyển sang Nà Mòn", "Từ đầu năm"),
        ("Nà Mòn", "012", "Chuyển đến từ Bản Cọ", "So với tháng trước"),
        ("Bản Cọ", "009", "Chuyển sang Nà Mòn", "So với tháng trước"),
    ]
    assert _said(out) == []


def test_the_move_stays_in_the_years_table_in_august_the_note_gone(tmp_path):
    """August, the lists as July's but Nà Mòn's 012 without its note (heads clear old notes).
    July kept 009's trace in Bản Cọ (moved_poor), and 012 was first counted in July (June's
    row was left out for an error, the household counted in Bản Cọ then). Worked by hand: the
    year's tables as July's (Nà Mòn 1, moved in 1, 2; Bản Cọ 3, moved out 1, 2; the commune 5,
    out 1, in 1, 5); the month's (July's lists) nothing moved: Nà Mòn 2, Bản Cọ 2, the commune
    5; near-poor still; 'Biến động' the year's two moves, nothing asked. Before: the year's
    read Bản Cọ exited 1 ('vanished-household') and Nà Mòn new 1 (moves.moved_recoded_since
    took June's row left out as a namesake listed before the move)."""
    summary, out = _to_july(tmp_path, "Chuyển đến từ xóm Bản Cọ", last=8)
    na_mon = ((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), STILL)
    ban_co = ((3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2), STILL)
    two = ((2, *[0] * 9, 2), STILL)
    assert tables_of(summary) == {
        "Nà Mòn": (na_mon, two),
        "Bản Cọ": (ban_co, two),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (((5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), (3, *[0] * 9, 3)),
               ((5, *[0] * 9, 5), (3, *[0] * 9, 3))),
    }  # fmt: skip
    assert listed_movements(out, "2025-08") == [
        ("Nà Mòn", "012", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
        ("Bản Cọ", "009", "Chuyển sang Nà Mòn", "Từ đầu năm"),
    ]
    assert _said(out, "2025-08") == []


def test_without_the_note_or_naming_another_hamlet_july_stays_exit_and_new(tmp_path):
    """The guard: Nà Mòn's 012 with a blank 'Ghi chú', then with one naming Đồng Kè ("Chuyển
    đến từ xóm Đồng Kè", where no such head was). No rule pairs the two codes (no move-out
    title in Bản Cọ, no trace: Bản Cọ listed 009 in June), so July reads as the contract's
    matching by Mã hộ gives: Bản Cọ poor 3, exited 1, 2, asked to confirm ('vanished-household'),
    Nà Mòn 1, new 1, 2, both tables; the commune 5, exited 1, new 1, 5."""
    for at, note in enumerate(("", "Chuyển đến từ xóm Đồng Kè")):
        (tmp_path / str(at)).mkdir()
        summary, out = _to_july(tmp_path / str(at), note)
        na_mon = ((1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2), STILL)
        ban_co = ((3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2), STILL)
        commune = ((5, 0, 1, 0, 0, 0, 1, 0, 0, 0, 5), (3, *[0] * 9, 3))
        assert tables_of(summary) == {
            "Nà Mòn": (na_mon, na_mon),
            "Bản Cọ": (ban_co, ban_co),
            "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
            None: (commune, commune),
        }, note
        assert _said(out) == [("Bản Cọ", None, "009 (Lò Văn Cường)", "vanished-household",
                               VANISHED)], note  # fmt: skip
