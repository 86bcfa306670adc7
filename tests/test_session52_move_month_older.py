"""Session 52: at the month a code moves to another hamlet, the tables (moves.code_reused) read
the code's older rows of the year too where the rows at hand name other heads, as the months
after read them (moves.OlderHeads) and as the history walk does (timeline.older): one of them
naming the same head, the household moved.

The small commune and the DK5 case of tests/test_session52_walk_older_heads.py: DK5 new in
Đồng Kè in February, head 'Lò Thị Mai'; March's list of Đồng Kè writes her 'Lò T. Mai'; from
April Bản Cọ lists DK5 'Lò Thị Mai' (her ID number the same on every list; a stored month's
row keeps none), Đồng Kè no longer.
"""

from __future__ import annotations

from tests.commune import new_commune, person
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session47_mergers import bc5_rows
from tests.test_session48_code_reused import reused, sheets
from tests.test_session52_walk_older_heads import (
    ban_co,
    dk5,
    dong_ke,
    hamlet,
    na_mon,
    poor_row,
    run_month,
)


def _february_march(tmp_path):
    folder, out = new_commune(tmp_path)
    run_month(folder, out, "2024-02", {"Nà Mòn": na_mon(), "Bản Cọ": ban_co(),
                                       "Đồng Kè": dong_ke(dk5())})  # fmt: skip
    run_month(folder, out, "2024-03", {"Nà Mòn": na_mon(), "Bản Cọ": ban_co(),
                                       "Đồng Kè": dong_ke(dk5("Lò T. Mai"))})  # fmt: skip
    return folder, out


def test_the_move_month_reads_the_codes_older_rows_as_the_months_after(tmp_path):
    """April's tables set Bản Cọ's DK5 beside Đồng Kè's March row alone ('Lò T. Mai'): two
    households (DK5 new in Bản Cọ with the 'reused' warning, March's household gone from Đồng
    Kè, asked), while May's, and the walk, read February's row (her head: she moved).
    By hand, April against March (Nà Mòn NM1-NM3 poor, Bản Cọ BC1, BC2, Đồng Kè DK1, DK5):
    Bản Cọ's month 2 + 1 moved in = 3; Đồng Kè's month 2 − 1 moved out = 1 (was: exited 1,
    asked); the commune's month 3 + 2 + 2 = 7, 1 moved in, 1 moved out, 7; returned 0 in all.
    The year's tables as before (DK5 on no start list: new): Bản Cọ 2 + 1 new = 3, Đồng Kè
    DK1 1 = 1, the commune 6 + 1 new = 7. No 'code-changed' warning at Bản Cọ's DK5."""
    folder, out = _february_march(tmp_path)
    moved = {"Nà Mòn": na_mon(), "Bản Cọ": ban_co(dk5()), "Đồng Kè": dong_ke()}
    april = run_month(folder, out, "2024-04", moved)
    # before: Bản Cọ ((2, 1, 0, 0, 0, 3), 0), Đồng Kè ((2, 0, 0, 0, 1, 1), 0)
    assert poor_row(hamlet(april, "Bản Cọ")["movements_month"]) == ((2, 0, 1, 0, 0, 3), 0)
    assert poor_row(hamlet(april, "Đồng Kè")["movements_month"]) == ((2, 0, 0, 1, 0, 1), 0)
    assert poor_row(april["totals"]["movements_month"]) == ((7, 0, 1, 1, 0, 7), 0)
    assert poor_row(hamlet(april, "Bản Cọ")["movements"]) == ((2, 1, 0, 0, 0, 3), 0)
    assert poor_row(hamlet(april, "Đồng Kè")["movements"]) == ((1, 0, 0, 0, 0, 1), 0)
    assert poor_row(april["totals"]["movements"]) == ((6, 1, 0, 0, 0, 7), 0)
    moves, said = sheets(out, "2024-04", "DK5")
    assert [(m[0], m[1], m[3], m[4]) for m in moves] == [
        ("Bản Cọ", "Lò Thị Mai", "Phát sinh mới", "Từ đầu năm"),
        ("Bản Cọ", "Lò Thị Mai", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
        ("Đồng Kè", "Lò T. Mai", "Chuyển sang Bản Cọ", "So với tháng trước"),
    ]
    assert said == []


def test_another_head_in_april_is_still_another_household(tmp_path):
    """The guard: Bản Cọ writes DK5 in April for 'Hà Văn Nam' (another ID number), whom no row
    of the code names: two households, as before. April: Bản Cọ's month 2 + 1 new = 3, Đồng
    Kè's 2 − 1 exited (asked) = 1; the 'reused' warning at Bản Cọ's DK5 names March's list."""
    folder, out = _february_march(tmp_path)
    nam = dict(dk5(), chu_ho="Hà Văn Nam", so_dinh_danh="012888881234")
    april = run_month(folder, out, "2024-04", {"Nà Mòn": na_mon(), "Bản Cọ": ban_co(nam),
                                               "Đồng Kè": dong_ke()})  # fmt: skip
    assert poor_row(hamlet(april, "Bản Cọ")["movements_month"]) == ((2, 1, 0, 0, 0, 3), 0)
    assert poor_row(hamlet(april, "Đồng Kè")["movements_month"]) == ((2, 0, 0, 0, 1, 1), 0)
    moves, said = sheets(out, "2024-04", "DK5")
    assert [(m[0], m[3]) for m in moves] == [
        ("Bản Cọ", "Phát sinh mới"),
        ("Bản Cọ", "Phát sinh mới"),
        ("Đồng Kè", "Không còn trong danh sách (đề nghị xác nhận)"),
    ]
    message = reused("Bản Cọ", "DK5", "Lò T. Mai", "danh sách tháng 3/2024", "Đồng Kè")
    assert [s[3:] for s in said] == [("code-changed", message.replace("Lò Thị Mai", "Hà Văn Nam"))]


def test_a_code_written_again_for_its_first_head_elsewhere_is_a_move_as_a_month_later(tmp_path):
    """Session 49's Left (1): Bản Cọ lists BC4 'Hoàng Văn BC4' in February (tests'
    test_session47_mergers.bc5_rows), drops it in March, writes it for 'Lò Văn Hai' in April; in May
    Đồng Kè writes BC4 for 'Hoàng Văn BC4' while Bản Cọ drops it. April's row at hand (Lò Văn
    Hai) made May two households (new with the 'reused' warning, returned 0; Lò Văn Hai asked),
    while June's year table, the same lists, read February's row: 'Tái nghèo', returned 1. Now
    May reads February's row too: one household of Bản Cọ under BC4 (a code is one household
    within a hamlet), moved to Đồng Kè, as the walk has it.
    By hand, May: Bản Cọ's month (April: BC1, BC2, BC4 poor) 3 − 1 moved out = 2; Đồng Kè's
    month (April: DK1) 1 + 1 moved in = 2; Đồng Kè's year DK1 1 + 1 new (returned 1: BC4 left
    the lists in March) = 2; no 'code-changed' warning."""
    folder, out = new_commune(tmp_path)
    dropped = [b for b in bc5_rows() if b["ma_ho"] != "BC4"]
    hai = person("BC4", "poor", chu_ho="Lò Văn Hai", so_dinh_danh="012777771234")
    run_lists(
        folder,
        out,
        "2024-02",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc5_rows(), "Đồng Kè": dk_rows()},
    )
    run_lists(
        folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Bản Cọ": dropped, "Đồng Kè": dk_rows()}
    )
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*dropped, hai],
                                    "Đồng Kè": dk_rows()})  # fmt: skip
    may = run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(), "Bản Cọ": dropped,
                                          "Đồng Kè": [*dk_rows(), person("BC4", "poor")]})  # fmt: skip
    # before: Bản Cọ ((3, 0, 0, 0, 1, 2), 0), Đồng Kè ((1, 1, 0, 0, 0, 2), 0) and 0 returned
    assert poor_row(may["Bản Cọ"]["movements_month"]) == ((3, 0, 0, 1, 0, 2), 0)
    assert poor_row(may["Đồng Kè"]["movements_month"]) == ((1, 0, 1, 0, 0, 2), 0)
    assert poor_row(may["Đồng Kè"]["movements"]) == ((1, 1, 0, 0, 0, 2), 1)
    moves, said = sheets(out, "2024-05", "BC4")
    assert [(m[0], m[1], m[3]) for m in moves] == [
        ("Đồng Kè", "Hoàng Văn BC4", "Tái nghèo"),
        ("Bản Cọ", "Lò Văn Hai", "Chuyển sang Đồng Kè"),
        ("Đồng Kè", "Hoàng Văn BC4", "Chuyển đến từ Bản Cọ"),
    ]
    assert said == []
