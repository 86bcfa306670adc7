"""Session 55 (helper B): the year's turn pairing's leftovers of session 54 (helpers B, R2, R3,
R4). The commune of tests.test_session54_b_renumbered_within: Nà Mòn's 2024 codes An 001, Bình
002, Cường 003; the 2025 start list compacts them, Bình 001 near-poor, Cường 002 poor; Bản Cọ
and Đồng Kè keep their codes."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import openpyxl
import pandas as pd

from pipeline.baselines import as_start_codes, renumbered_at_turn
from pipeline.figures import last_letter_slip
from tests.test_session54_b_renumbered_within import (
    DECEMBER,
    ends,
    moved,
    run_renumbered_month,
    write_renumbered_plans,
)

JANUARY = [("001", "Lò Văn Bình", 1952, "near_poor"), ("002", "Lò Văn Cường", 1953, "poor")]
DUNG = ("003", "Lò Văn Dũng", 1960, "poor")  # on no list before, under the code 003 freed


def silent_in_december(tmp_path) -> tuple:
    """The plans; November 2024's lists (Nà Mòn's :data:`DECEMBER`'s households: An 001
    'Thoát', Bình 002 near-poor, Cường 003 poor), December's without Nà Mòn's. Returns the
    folders (lists, outputs)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder)
    run_renumbered_month(folder, out, "2024-11", DECEMBER, date(2024, 12, 3))
    run_renumbered_month(folder, out, "2024-12", None, date(2025, 1, 3))
    return folder, out


def listed_movements(out, period: str) -> list[tuple]:
    """'Biến động''s household list: (hamlet, Mã hộ, movement, scope) of each row."""
    wb = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")
    rows = list(wb["Biến động"].iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if row[0] == "DANH SÁCH HỘ CÓ BIẾN ĐỘNG")
    return [(r[1], r[2], r[5], r[8]) for r in rows[at + 2 :] if isinstance(r[0], int)]


def assert_dung_new(summary: dict) -> None:
    """Nà Mòn: poor 1 (Cường) + 1 new (Dũng), of which 0 returned = 2; near-poor 1 to 1
    (Bình); both tables. Bản Cọ (2, 1) and Đồng Kè (1, 1): nothing moved."""
    start = {"Nà Mòn": (1, 2, 1, 1), "Bản Cọ": (2, 2, 1, 1), "Đồng Kè": (1, 1, 1, 1)}
    for hamlet in summary["hamlets"]:
        name = hamlet["hamlet"]
        want = {("poor", "new"): 1} if name == "Nà Mòn" else {}
        for scope in ("movements", "movements_month"):
            assert (scope, name, moved(hamlet, scope)) == (scope, name, want)
            assert (scope, name, ends(hamlet, scope)) == (scope, name, start[name])


def test_a_household_new_in_january_under_a_code_freed_in_a_hamlet_silent_in_december(
    tmp_path,
):
    """Nà Mòn silent in December (its last list November's); its January list writes the start
    list's codes and Lò Văn Dũng (1960), on no list before, poor under 003, the code the start
    list took off Cường (002 now). Worked by hand: Cường's 003 left no list at the turn (the
    start list renumbered him), so Dũng is new, not 'Tái nghèo'. Part II compares Nà Mòn with
    the start list (no December list). Before: 003 read in December, where Nà Mòn has no row:
    not renumbered, so Dũng returned 1 in both tables."""
    folder, out = silent_in_december(tmp_path)
    summary = run_renumbered_month(folder, out, "2025-01", [*JANUARY, DUNG], date(2025, 2, 3))
    assert_dung_new(summary)
    assert listed_movements(out, "2025-01") == [
        ("Nà Mòn", "003", "Phát sinh mới", "Từ đầu năm"),
        ("Nà Mòn", "003", "Phát sinh mới", "So với danh sách đầu năm"),
    ]


def test_a_household_new_in_february_under_a_code_freed_in_a_hamlet_silent_in_december(
    tmp_path,
):
    """As above, Dũng first written in February (January: Bình 001, Cường 002). Worked by
    hand: both tables of February (the month's against January) poor 1 → 2, new 1, returned
    0. Before: renumbered_at_turn read last year's latest month across all hamlets (December,
    without Nà Mòn): Dũng 'Tái nghèo' in both tables."""
    folder, out = silent_in_december(tmp_path)
    run_renumbered_month(folder, out, "2025-01", JANUARY, date(2025, 2, 3))
    summary = run_renumbered_month(folder, out, "2025-02", [*JANUARY, DUNG], date(2025, 3, 3))
    assert_dung_new(summary)
    assert listed_movements(out, "2025-02") == [
        ("Nà Mòn", "003", "Phát sinh mới", "Từ đầu năm"),
        ("Nà Mòn", "003", "Phát sinh mới", "So với tháng trước"),
    ]


def test_a_heads_name_corrected_on_the_start_list_by_its_last_letter_is_renumbered(tmp_path):
    """December 2024: Nà Mòn's An 001 'Thoát', Bình 002 near-poor, 'Lò Văn Cườn' (1953) 003 poor;
    the 2025 start list writes him 'Lò Văn Cường' under 002 (Bình 001); January writes the
    start list's names and codes. Worked by hand: one household a side of Nà Mòn and 1953 one
    letter apart at the end of the given name, so December's 003 is the start list's 002:
    nothing moved in either table of any hamlet (Nà Mòn poor 1 → 1, near-poor 1 → 1), no
    household in 'Biến động''s list. Before: part II poor exited 1 ('Cườn' 003 "Không còn
    trong danh sách") and new 1 ('Cường' 002)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder)
    december = [*DECEMBER[:2], ("003", "Lò Văn Cườn", 1953, "poor")]
    run_renumbered_month(folder, out, "2024-12", december, date(2025, 1, 3))
    summary = run_renumbered_month(folder, out, "2025-01", JANUARY, date(2025, 2, 3))
    start = {"Nà Mòn": (1, 1, 1, 1), "Bản Cọ": (2, 2, 1, 1), "Đồng Kè": (1, 1, 1, 1)}
    for hamlet in summary["hamlets"]:
        name = hamlet["hamlet"]
        for scope in ("movements", "movements_month"):
            assert (scope, name, moved(hamlet, scope)) == (scope, name, {})
            assert (scope, name, ends(hamlet, scope)) == (scope, name, start[name])
    assert listed_movements(out, "2025-01") == []
    assert summary["issues"]["warnings"] == 0


def test_the_last_letter_slip_by_hand():
    """figures.last_letter_slip: one letter added, dropped or changed at the end of the given
    name, three letters before it alike, the words before alike."""
    assert last_letter_slip("lo van cuon", "lo van cuong")  # dropped
    assert last_letter_slip("lo van cuong", "lo van cuon")
    assert last_letter_slip("lo van hung", "lo van hunh")  # changed
    assert not last_letter_slip("lo van an", "lo van anh")  # two letters before: other names
    assert not last_letter_slip("lo van lan", "lo van loan")  # not at the end
    assert not last_letter_slip("lo van cuong", "lo van cuong")  # alike: the exact pairing's
    assert not last_letter_slip("lo van cuon", "lo thi cuong")  # the middle name differs
    assert not last_letter_slip("lo van cuon", "lo van cuongg")  # two letters
    assert not last_letter_slip("cuon", "cuong")  # one word: no family name to agree


def test_only_one_slip_a_side_of_a_hamlet_and_year_is_renumbered():
    """baselines.as_start_codes, by hand. December: Nà Mòn's Bình 002 (1952), 'Lò Văn Cườn'
    003 (1953), 'Lò Thị Hoa' 004 (1955), 'Lò Văn An' 005 (1956); Bản Cọ's 'Hà Thị Dun' 006
    (1954). The start list: Bình 001, 'Lò Văn Cường' 002 (1953), 'Lò Thị Hoan' 003 (1960, another
    year), 'Lò Văn Anh' 004 (1956: 'an' too short), and Bản Cọ's 'Hà Thị Dung' 005 and 'Hà Thị
    Dunh' 007 (1954: two within a slip). Renumbered: Bình (exact name) and Cườn (the one
    slip of Nà Mòn and 1953); Hoa, An and Dun not."""
    december = pd.DataFrame(
        [("Nà Mòn", "id|2", "002", "Lò Văn Bình", 1952.0, "near_poor"),
         ("Nà Mòn", "id|3", "003", "Lò Văn Cườn", 1953.0, "poor"),
         ("Nà Mòn", "id|4", "004", "Lò Thị Hoa", 1955.0, "poor"),
         ("Nà Mòn", "id|5", "005", "Lò Văn An", 1956.0, "poor"),
         ("Bản Cọ", "id|6", "006", "Hà Thị Dun", 1954.0, "poor")],
        columns=["hamlet", "hh_key", "ma_ho", "chu_ho", "nam_sinh", "phan_loai"],
    )  # fmt: skip
    start = pd.DataFrame(
        [("Nà Mòn", "001", "Lò Văn Bình", 1952, "near_poor"),
         ("Nà Mòn", "002", "Lò Văn Cường", 1953, "poor"),
         ("Nà Mòn", "003", "Lò Thị Hoan", 1960, "poor"),
         ("Nà Mòn", "004", "Lò Văn Anh", 1956, "poor"),
         ("Bản Cọ", "005", "Hà Thị Dung", 1954, "poor"),
         ("Bản Cọ", "007", "Hà Thị Dunh", 1954, "poor")],
        columns=["hamlet", "ma_ho", "chu_ho", "nam_sinh", "phan_loai"],
    )  # fmt: skip
    frame, renumbered = as_start_codes(december, start)
    assert renumbered == {"id|2": "id|1", "id|3": "id|2"}
    assert frame["ma_ho"].tolist() == ["001", "002", "004", "005", "006"]
    # Hoa's 004 and An's 005 not renumbered: kept (their codes taken by no renumbered row)
    assert frame["hh_key"].tolist() == ["id|1", "id|2", "id|4", "id|5", "id|6"]
    # one 'Hà Thị Dung' 1954 alone on the start list: Dun's 006 is her 005
    assert as_start_codes(december, start.iloc[:5])[1]["id|6"] == "id|5"


def test_a_code_freed_at_the_turn_by_a_name_corrected_on_the_start_list():
    """baselines.renumbered_at_turn: December's 'Lò Văn Cườn' 003 left the lists at the turn
    (the start list writes 'Lò Văn Cường' under 002): renumbered, so 003 is freed; without the
    slip pairing it was not (a household new under 003 in February was 'Tái nghèo')."""
    december = pd.DataFrame(
        [("2024-12", "Nà Mòn", "id|2", "002", "Lò Văn Bình", 1952.0, "near_poor"),
         ("2024-12", "Nà Mòn", "id|3", "003", "Lò Văn Cườn", 1953.0, "poor")],
        columns=["period", "hamlet", "hh_key", "ma_ho", "chu_ho", "nam_sinh", "status"],
    )  # fmt: skip
    start = pd.DataFrame(
        [("Nà Mòn", "001", "Lò Văn Bình", 1952, "near_poor"),
         ("Nà Mòn", "002", "Lò Văn Cường", 1953, "poor")],
        columns=["hamlet", "ma_ho", "chu_ho", "nam_sinh", "phan_loai"],
    )  # fmt: skip
    left_in = {"id|3": "2025-00"}
    plan = SimpleNamespace(plan_year=2025)
    got = renumbered_at_turn(plan, start, ["2024-12"], lambda _: december, left_in, {"id|3"},
                             {"id|3": "2024-12"})  # fmt: skip
    assert got == {"id|3"}
    # its row read in the month ``seen`` names (none of it stored there): nothing answered
    assert renumbered_at_turn(plan, start, ["2024-12"], lambda _: december, left_in, {"id|3"},
                              {"id|3": "2024-11"}) == set()  # fmt: skip


def test_a_spouse_made_head_as_the_codes_are_renumbered_is_not_told_to_write_the_old_head_exited(
    tmp_path,
):
    """December 2024: Nà Mòn's An 001 'Thoát', Bình 002 near-poor, Cường 003 poor; the 2025
    start list compacts the codes and writes Bình's household under his wife 'Lò Thị Hoa'
    (1955): Hoa 001 near-poor, Cường 002 poor; January writes the start list. No name pairs
    Bình with Hoa and the history keeps no ID number (no rule: Left). Worked by hand, the month
    table against December read in the start list's codes: Cường's 003 is 002 (no movement);
    Bình, his 002 now Cường's, is held by his name, on the start list under no code: near-poor
    exited 1 (gone, "đề nghị xác nhận"); Hoa under An's 001 (Thoát in December) new 1, of which
    returned 1 (a code is one household: session 48); near-poor 1 → 1. The year's table against
    the start list: nothing. Bình left the lists at the turn as a household off the start list
    under his own code would: no 'vanished-household' warning asking the head to write "002
    (Lò Văn Bình)" back with 'Thoát' (002 is Cường's on this list). Before: that warning."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    start = [("001", "Lò Thị Hoa", 1955, "near_poor"), ("002", "Lò Văn Cường", 1953, "poor")]
    write_renumbered_plans(folder, start)
    run_renumbered_month(folder, out, "2024-12", DECEMBER, date(2025, 1, 3))
    summary = run_renumbered_month(folder, out, "2025-01", start, date(2025, 2, 3))
    for hamlet in summary["hamlets"]:
        name = hamlet["hamlet"]
        assert (name, moved(hamlet, "movements")) == (name, {})
        if name != "Nà Mòn":
            assert (name, moved(hamlet, "movements_month")) == (name, {})
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert moved(na_mon, "movements_month") == {
        ("near_poor", "exited"): 1,
        ("near_poor", "new"): 1,
        ("near_poor", "returned"): 1,
    }
    assert ends(na_mon, "movements_month") == ends(na_mon, "movements") == (1, 1, 1, 1)
    assert listed_movements(out, "2025-01") == [
        ("Nà Mòn", "002", "Không còn trong danh sách (đề nghị xác nhận)", "So với tháng trước"),
        ("Nà Mòn", "001", "Tái cận nghèo", "So với tháng trước"),
    ]
    assert summary["issues"]["warnings"] == 0
