"""Session 56 (helper C2): the QA gate's year's-turn stream (`tests/test_session38_oracle.py
--turn`, seed 695) found a household moved at the turn into a hamlet that sent no December list
taken for gone. The commune of tests.test_session54_b_renumbered_within: Nà Mòn's Lò Văn An 001
poor, Lò Văn Bình 002 near-poor, Lò Văn Cường 003 poor; Bản Cọ's Dung 004, Em 005 poor, Phương
006 near-poor and, new in 2024, Lò Văn Tâm (1960) 010 poor; Đồng Kè's Giang 007 poor, Hải 008
near-poor. The 2025 start list writes Tâm under 011 in Nà Mòn (his household moved at the turn),
the rest as in 2024."""

from __future__ import annotations

from datetime import date

from tests.test_session54_b_renumbered_within import run_renumbered_month, write_renumbered_plans
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import AN, BINH, CUONG, month_tables_and_a_still_year, table

TAM_2024 = {"Bản Cọ": [("010", "Lò Văn Tâm", 1960, "poor")]}  # Bản Cọ's, November and December
TAM = ("011", "Lò Văn Tâm", 1960, "poor")  # Nà Mòn's on the 2025 start list


def test_a_household_moved_at_the_turn_into_a_hamlet_silent_in_december_moved_out(tmp_path):
    """November 2024: every hamlet sends (Nà Mòn An, Bình, Cường; Bản Cọ its three and Tâm 010);
    December: Nà Mòn sends nothing; January 2025: Nà Mòn lists An, Bình, Cường and Tâm 011, the
    others as in December less Tâm. Worked by hand, the month table: Bản Cọ beside its December
    list, poor start 3 (Dung, Em, Tâm), Tâm on Nà Mòn's list now (the start list's Tâm, one
    'Lò Văn Tâm' 1960 a side of the commune): moved out 1, end 2; Nà Mòn beside its start list
    (no December list), poor 3 (An, Cường, Tâm) to 3, nothing moved; the commune poor start 7,
    moved out 1, end 6; near-poor 1, 1, 1 to 3. The year's table nothing moved. Before: Bản Cọ
    poor exited 1 (010 "Không còn trong danh sách (đề nghị xác nhận)"), as if Tâm had left the
    lists: Nà Mòn's start list rows, read beside December's as its baseline, wrote Tâm alike
    and so took him out of the pairing across hamlets."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, [AN, BINH, CUONG, TAM])
    run_renumbered_month(folder, out, "2024-11", [AN, BINH, CUONG], date(2024, 12, 3), TAM_2024)
    run_renumbered_month(folder, out, "2024-12", None, date(2025, 1, 3), TAM_2024)
    summary = run_renumbered_month(folder, out, "2025-01", [AN, BINH, CUONG, TAM], date(2025, 2, 3))
    # start, to the other list, exited, not counted, moved out, from the other list, new,
    # returned, moved in, recounted, end
    month = {
        "Nà Mòn": ((3, *[0] * 9, 3), (1, *[0] * 9, 1)),
        "Bản Cọ": ((3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2), (1, *[0] * 9, 1)),
        "Đồng Kè": ((1, *[0] * 9, 1), (1, *[0] * 9, 1)),
    }
    year = {"Nà Mòn": (3, 1), "Bản Cọ": (2, 1), "Đồng Kè": (1, 1)}
    month_tables_and_a_still_year(summary, month, year)
    assert table(summary["totals"]["movements_month"]) == (
        (7, 0, 0, 0, 1, 0, 0, 0, 0, 0, 6), (3, *[0] * 9, 3))  # fmt: skip
    assert listed_movements(out, "2025-01") == [
        ("Bản Cọ", "011", "Chuyển sang Nà Mòn", "So với tháng trước")
    ]
