"""Session 57 (helper R7): review of B3's noted move (moves.moved_noted). The commune of
tests.test_session57_b3_noted_move: Cường (1953) on the 2025 start list in Bản Cọ as 009,
listed there January to June; Nà Mòn (An 001 poor, Bình 002 near-poor) writes a Cường under a
new code, 012, from June, its 'Ghi chú' the case's; July Bản Cọ no longer lists 009 (or marks it
Thoát). Each case where the two rows may be two households must stay exit + new (the lesser
harm: an unpaired move is asked about, a paired one is never seen again)."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

import pytest

from pipeline.moves import note_moved_from
from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import na_mon_rows
from tests.test_session56_b_turn_moved import AN, BINH
from tests.test_session57_b2_start_list_kept import CUONG_009
from tests.test_session57_b_turn_kept import STILL, issues_of, run_january, tables_of
from tests.year_turn import year_turn_households

NAMES = ("Nà Mòn", "Bản Cọ", "Đồng Kè")


def _july(tmp_path, note: str, born: int = 1953, ban_co_july: list | None = None) -> tuple:
    """January to July: Nà Mòn writes Cường 012 (born ``born``) from June with 'Ghi chú'
    ``note``; Bản Cọ lists 009 to June, in July ``ban_co_july`` (none). Returns (July's JSON,
    the outputs' folder)."""
    _, out = run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    folder = tmp_path / "vao"
    moved = na_mon_rows([("012", "Lò Văn Cường", born, "poor")])
    moved[0]["ghi_chu"] = note
    for month in range(2, 8):
        ban_co = year_turn_households("Bản Cọ", 2024)
        ban_co += na_mon_rows([CUONG_009] if month < 7 else (ban_co_july or []))
        for hamlet, slug, rows in (
            ("Nà Mòn", "NaMon", na_mon_rows([AN, BINH]) + (moved if month >= 6 else [])),
            ("Bản Cọ", "BanCo", ban_co),
            ("Đồng Kè", "DongKe", year_turn_households("Đồng Kè", 2024)),
        ):
            write_roster(folder, f"{slug}_2025-{month:02d}.xlsx", hamlet, 100, rows,
                         f"2025-{month:02d}", date(2025, month + 1, 3))  # fmt: skip
        execute(folder, out, f"2025-{month:02d}")
    return json.loads((out / "2025-07" / "TongHop_2025-07.json").read_text("utf-8")), out


def _codes(out) -> set[str]:
    return {row[3] for row in issues_of(out, "2025-07")}


@pytest.mark.parametrize(
    "note", ["Chuyển đến từ xóm Bản Cọ năm 2019", "Chuyển đến từ xóm Bản Cọ từ tháng 3/2021"]
)
def test_a_note_of_a_move_in_an_earlier_year_pairs_no_household_gone_now(tmp_path, note):
    """The note tells a move of 2019 (2021): the household has lived in Nà Mòn since, 012 a
    household new to the lists now, not Bản Cọ's 009 gone this month. Worked by hand as the
    contract's matching by Mã hộ: Bản Cọ poor 3 (Dung, Em, Cường), exited 1, 2; Nà Mòn 1
    (An; June's 012 left out as Bản Cọ's), new 1, 2; the commune 5, exited 1, new 1, 5;
    near-poor 1 to 1 each, 3 to 3; both tables alike; Bản Cọ's 009 asked to confirm
    ('vanished-household'). Before: moved out 1 / moved in 1, nothing asked."""
    summary, out = _july(tmp_path, note)
    na_mon = ((1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2), STILL)
    ban_co = ((3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2), STILL)
    commune = ((5, 0, 1, 0, 0, 0, 1, 0, 0, 0, 5), (3, *[0] * 9, 3))
    assert tables_of(summary) == {
        "Nà Mòn": (na_mon, na_mon),
        "Bản Cọ": (ban_co, ban_co),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (commune, commune),
    }
    assert "vanished-household" in _codes(out)


@pytest.mark.parametrize(
    "note",
    ["Chuyển đến từ xóm Bản Cọ tháng 6/2025", "Chuyển đến từ xóm Bản Cọ, chủ hộ sinh năm 1953"],
)
def test_a_note_of_this_years_move_still_pairs(tmp_path, note):
    """The guard of the fix: 'tháng 6/2025' (the plan's year) is this year's move, 'sinh năm
    1953' the head's birth year: moved out 1 / moved in 1 as B3's case (Nà Mòn 1, in 1, 2; Bản
    Cọ 3, out 1, 2; the commune 5, out 1, in 1, 5), nothing asked."""
    summary, out = _july(tmp_path, note)
    na_mon = ((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), STILL)
    ban_co = ((3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2), STILL)
    commune = ((5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), (3, *[0] * 9, 3))
    assert tables_of(summary)[None] == (commune, commune)
    assert tables_of(summary)["Nà Mòn"] == (na_mon, na_mon)
    assert tables_of(summary)["Bản Cọ"] == (ban_co, ban_co)
    assert "vanished-household" not in _codes(out)


def test_a_birth_year_typed_another_or_thoat_marked_pairs_nothing(tmp_path):
    """Guards (passing before): Nà Mòn's Cường born 1954 (Bản Cọ's 1953, no year from an
    age): exit + new as the matching by Mã hộ gives (Bản Cọ 3, exited 1, 2, both tables; Nà
    Mòn's year 1, new 1, 2, its month 2 to 2: June counted 012, another head than 009); Bản
    Cọ marking 009 Thoát in July (on its list: no household gone): Bản Cọ 3, exited 1, 2,
    nothing asked of 009; Nà Mòn 1, new 1, 2, both tables (June left 012 out as 009)."""
    new = ((1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2), STILL)
    ban_co = ((3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2), STILL)
    for at, (born, july) in enumerate(((1954, None), (1953, [("009", "Lò Văn Cường", 1953,
                                                              "exited")]))):  # fmt: skip
        (tmp_path / str(at)).mkdir()
        summary, out = _july(tmp_path / str(at), "Chuyển đến từ xóm Bản Cọ", born, july)
        tables = tables_of(summary)
        month = ((2, *[0] * 9, 2), STILL) if born == 1954 else new
        assert (tables["Nà Mòn"], tables["Bản Cọ"]) == ((new, month), (ban_co, ban_co)), at
        assert ("vanished-household" in _codes(out)) is (july is None), at


@pytest.mark.parametrize(
    "note",
    [
        "CHUYỂN ĐẾN TỪ XÓM BẢN CỌ",
        unicodedata.normalize("NFD", "Chuyển đến từ xóm Bản Cọ"),
        "chuyen den tu xom Ban Co",
        "Từ xóm Bản Cọ chuyển đến",
    ],
)
def test_a_note_in_capitals_nfd_or_without_marks_names_the_hamlet(note):
    """The note's reading (folded: capitals, decomposed marks, no marks alike)."""
    assert note_moved_from(note, "Bản Cọ", NAMES, "Minh Tâm")
    assert not note_moved_from(note, "Nà Mòn", NAMES, "Minh Tâm")
