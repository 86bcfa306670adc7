"""Session 59 (helper B): the **Left** (c) of "Session 58: review of B's merged hamlet silent at
the turn …" (R1), on F's kept household (tests.test_session58_f_kept_recoded: Cường 003 in Nà
Mòn in December, the 2025 start list's 009 in Bản Cọ, Nà Mòn's January list 011: kept at the
turn, moved in from Bản Cọ; Bản Cọ's lists accepted without him). Nà Mòn's February list
writes him 013, its March (and April) list 011 again: its 'code-changed' warning names the code
he had just before, February's 013, not December's 003."""

from __future__ import annotations

from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import AN, BINH
from tests.test_session57_b_turn_kept import (
    CUONG_011,
    KEPT_ACCEPTED,
    run_january,
    tables_of,
)
from tests.test_session58_f_kept_recoded import (
    CUONG_013,
    MOVED,
    RECODED_VI,
    month_run,
    said_of,
)

# the row's words once written 011 again after February's 013
BACK_TO_011_VI = RECODED_VI.replace("Mã hộ '013' khác mã '011'", "Mã hộ '011' khác mã '013'")


def test_a_kept_household_written_under_its_january_code_again_is_told_februarys_code(tmp_path):
    """Worked by hand: he never left a list (011, 013, 011, one head by name and birth year),
    so March and April read as F's March: the year's tables (the start list) Nà Mòn poor 1,
    moved in 1, 2; Bản Cọ 3, moved out 1, 2; the commune 5, moved out 1, moved in 1, 5; the
    month's nothing moved (Nà Mòn 2, Bản Cọ 2, the commune 5); near-poor 1 to 1 each, the
    commune 3 to 3. The one 'code-changed' warning at 011's Mã hộ names the code before it,
    February's 013 ("khác mã '013' … trong danh sách tháng 2/2025"), with the start list's
    question; April (011 again) the same. Before: "khác mã '003' … tháng 12/2024", the code
    of the turn, though the household's code changed in March from 013."""
    _, out = run_january(tmp_path, 100, [])
    month_run(tmp_path, out, 2, [AN, BINH, CUONG_013])
    for month in (3, 4):
        period = f"2025-{month:02d}"
        summary = month_run(tmp_path, out, month, [AN, BINH, CUONG_011])
        assert tables_of(summary) == KEPT_ACCEPTED, period
        assert listed_movements(out, period) == [
            ("Nà Mòn", "011", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
            MOVED[1],
        ], period
        assert said_of(out, period) == [
            ("Nà Mòn", "B7", "011", "code-changed", BACK_TO_011_VI.format(m=2))
        ], period


def test_a_kept_household_recoded_twice_then_back_names_the_latest_code(tmp_path):
    """011 in January, 013 in February, 015 in March (each a code change by name), 011 again
    in April: April's warning names March's 015 ("tháng 3/2025"), the code just before; the
    tables as above (he never left a list)."""
    _, out = run_january(tmp_path, 100, [])
    month_run(tmp_path, out, 2, [AN, BINH, CUONG_013])
    month_run(tmp_path, out, 3, [AN, BINH, ("015", "Lò Văn Cường", 1953, "poor")])
    summary = month_run(tmp_path, out, 4, [AN, BINH, CUONG_011])
    assert tables_of(summary) == KEPT_ACCEPTED
    words = RECODED_VI.replace("Mã hộ '013' khác mã '011'", "Mã hộ '011' khác mã '015'")
    assert said_of(out, "2025-04") == [("Nà Mòn", "B7", "011", "code-changed", words.format(m=3))]
