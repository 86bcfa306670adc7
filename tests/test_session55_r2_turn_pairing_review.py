"""Session 55 (R2): review of helper B's year's-turn pairing by a head's name corrected by its
last letter ('Lò Văn Cườn' -> 'Lò Văn Cường'). The commune of
tests.test_session54_b_renumbered_within: Nà Mòn's December 2024 An 001 'Thoát', Bình 002
near-poor, Cường 003 poor (:data:`DECEMBER`); Bản Cọ (004-006) and Đồng Kè (007-008) keep their
codes."""

from __future__ import annotations

from datetime import date

import openpyxl
import pandas as pd
import pytest

from pipeline.baselines import as_start_codes
from pipeline.figures import slip_written_alike
from tests.test_session54_b_renumbered_within import (
    DECEMBER,
    ends,
    moved,
    run_renumbered_month,
    write_renumbered_plans,
)
from tests.test_session55_b_turn_pairing import DUNG, JANUARY, listed_movements, silent_in_december

HOA = ("010", "Lò Thị Hoa", 1960, "poor")  # poor in December, off the 2025 start list
HOAN = ("011", "Lò Thị Hoan", 1960, "poor")  # new at the review under a fresh code


def test_a_household_off_at_the_review_and_one_new_a_letter_apart_are_two_in_an_ordinary_year(
    tmp_path,
):
    """December: Nà Mòn's :data:`DECEMBER` and 'Lò Thị Hoa' (1960) 010 poor. The 2025 start list
    renumbers nothing (Bình 002, Cường 003 as in December): Hoa left at the review and 'Lò Thị
    Hoan' (1960), another household, is new under 011, a code no list of 2024 wrote. January
    writes the start list. Worked by hand, the month table against December: poor start 2
    (Cường, Hoa), Hoa gone 1 ("Không còn trong danh sách (đề nghị xác nhận)", exited), Hoan
    new 1 (on no list before: not 'Tái nghèo'), end 2; near-poor 1 -> 1; the year's table
    (against the start list) nothing, poor 2 -> 2. Before: Hoa's 010 paired with Hoan's 011 as
    one household renumbered (the names a last letter apart, one year): nothing moved."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    start = [DECEMBER[1], DECEMBER[2], HOAN]
    write_renumbered_plans(folder, start)
    run_renumbered_month(folder, out, "2024-12", [*DECEMBER, HOA], date(2025, 1, 3))
    summary = run_renumbered_month(folder, out, "2025-01", start, date(2025, 2, 3))
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert moved(na_mon, "movements_month") == {("poor", "exited"): 1, ("poor", "new"): 1}
    assert na_mon["movements_month"]["poor"]["returned"] == 0
    assert ends(na_mon, "movements_month") == (2, 2, 1, 1)
    assert moved(na_mon, "movements") == {}
    assert ends(na_mon, "movements") == (2, 2, 1, 1)
    for hamlet in summary["hamlets"]:
        if hamlet["hamlet"] != "Nà Mòn":
            assert (hamlet["hamlet"], moved(hamlet, "movements_month")) == (hamlet["hamlet"], {})
    assert listed_movements(out, "2025-01") == [
        ("Nà Mòn", "010", "Không còn trong danh sách (đề nghị xác nhận)", "So với tháng trước"),
        ("Nà Mòn", "011", "Phát sinh mới", "So với tháng trước"),
    ]


def test_the_slip_is_the_last_letter_alone_as_written_marks_and_all():
    """figures.slip_written_alike by hand: the given name's letters before the last alike with
    their marks (case, Unicode form and spacing aside); names folded a last letter apart whose
    marks differ too are two names."""
    assert slip_written_alike("Lò Văn Cườn", "Lò Văn Cường")
    assert slip_written_alike("Lo\u0300 Va\u0306n Cu\u031bo\u031b\u0300n", "LÒ VĂN  CƯỜNG")
    assert slip_written_alike("Lò Văn Hùng", "Lò Văn Hùnh")  # changed
    assert not slip_written_alike("Hà Văn Thành", "Hà Văn Thắng")  # 'thàn' / 'thắn'
    assert not slip_written_alike("Lò Thị Hiền", "Lò Thị Hiếu")  # 'hiề' / 'hiế'
    assert not slip_written_alike("Lò Thị Hoà", "Lò Thị Hoan")  # 'hoà' / 'hoa'


def test_only_a_slip_written_alike_under_a_code_of_last_years_lists_is_renumbered():
    """baselines.as_start_codes by hand. December: Nà Mòn's Bình 002 (1952), 'Lò Văn Cườn' 003
    (1953) in NFD, 'LÒ VĂN HÙN' 004 (1954); Bản Cọ's 'Hà Văn Thàn' 006 (1955), 'Hà Thị Hoa'
    007 (1956). The start list compacts Nà Mòn: Bình 001, 'Lò Văn Cường' 002, 'Lò Văn Hùng'
    003; Bản Cọ: 'Hà Văn Thắng' 005 (1955), 'Hà Thị Hoan' 012 (1956, a code on no list of
    December). Renumbered: Bình (exact), Cườn -> 002 and Hùn -> 003 (two slips of one hamlet,
    each alone in its year; the form and capitals aside); Thàn/Thắng not (the marks of 'thàn'
    and 'thắn' differ: two names, though folded a letter apart), Hoa/Hoan not (012 is a fresh
    code: a household new at the review). Before: Thàn -> 005 and Hoa -> 012 too."""
    december = pd.DataFrame(
        [("Nà Mòn", "id|2", "002", "Lò Văn Bình", 1952.0, "near_poor"),
         ("Nà Mòn", "id|3", "003", "Lo\u0300 Va\u0306n Cu\u031bo\u031b\u0300n", 1953.0, "poor"),
         ("Nà Mòn", "id|4", "004", "LÒ VĂN HÙN", 1954.0, "poor"),
         ("Bản Cọ", "id|6", "006", "Hà Văn Thàn", 1955.0, "poor"),
         ("Bản Cọ", "id|7", "007", "Hà Thị Hoa", 1956.0, "poor")],
        columns=["hamlet", "hh_key", "ma_ho", "chu_ho", "nam_sinh", "phan_loai"],
    )  # fmt: skip
    start = pd.DataFrame(
        [("Nà Mòn", "001", "Lò Văn Bình", 1952, "near_poor"),
         ("Nà Mòn", "002", "Lò Văn Cường", 1953, "poor"),
         ("Nà Mòn", "003", "Lò Văn Hùng", 1954, "poor"),
         ("Bản Cọ", "005", "Hà Văn Thắng", 1955, "poor"),
         ("Bản Cọ", "012", "Hà Thị Hoan", 1956, "poor")],
        columns=["hamlet", "ma_ho", "chu_ho", "nam_sinh", "phan_loai"],
    )  # fmt: skip
    frame, renumbered = as_start_codes(december, start)
    assert renumbered == {"id|2": "id|1", "id|3": "id|2", "id|4": "id|3"}
    assert frame["ma_ho"].tolist() == ["001", "002", "003", "006", "007"]
    # 012 a code of last year's lists (as renumbered_at_turn passes its whole month's): paired
    assert as_start_codes(december, start, None, {"id|12"})[1] == {"id|2": "id|1", "id|7": "id|12"}


@pytest.mark.parametrize("silent", [False, True], ids=["december", "silent-in-december"])
def test_a_household_new_in_january_under_a_freed_code_is_still_new_in_february(tmp_path, silent):
    """Nà Mòn's December list :data:`DECEMBER` (or, ``silent``, November's, December without
    Nà Mòn); the 2025 start list compacts the codes (Bình 001, Cường 002, freeing 003). Lò Văn
    Dũng (1960), on no list before, is written poor under 003 in January and again in
    February. Worked by hand, February's year's table against the start list: poor start 1
    (Cường), new 1 (Dũng), of which returned 0, end 2; near-poor 1 -> 1 (Bình); the month's
    table against January (the same lists) nothing, poor 2 -> 2; 'Biến động''s list one row,
    003 "Phát sinh mới" since the start of the year. January already said new. Before: 003,
    listed again in January, was no longer 'out' of the lists, so renumbered_at_turn did not
    ask it and its leaving at the turn stood: Dũng 'Tái nghèo' (returned 1) in February's
    year's table."""
    if silent:
        folder, out = silent_in_december(tmp_path)
    else:
        folder, out = tmp_path / "vao", tmp_path / "ra"
        folder.mkdir()
        write_renumbered_plans(folder)
        run_renumbered_month(folder, out, "2024-12", DECEMBER, date(2025, 1, 3))
    run_renumbered_month(folder, out, "2025-01", [*JANUARY, DUNG], date(2025, 2, 3))
    summary = run_renumbered_month(folder, out, "2025-02", [*JANUARY, DUNG], date(2025, 3, 3))
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert moved(na_mon, "movements") == {("poor", "new"): 1}
    assert na_mon["movements"]["poor"]["returned"] == 0
    assert ends(na_mon, "movements") == (1, 2, 1, 1)
    assert moved(na_mon, "movements_month") == {}
    assert ends(na_mon, "movements_month") == (2, 2, 1, 1)
    for hamlet in summary["hamlets"]:
        if hamlet["hamlet"] != "Nà Mòn":
            for scope in ("movements", "movements_month"):
                assert (hamlet["hamlet"], moved(hamlet, scope)) == (hamlet["hamlet"], {})
    assert listed_movements(out, "2025-02") == [("Nà Mòn", "003", "Phát sinh mới", "Từ đầu năm")]


@pytest.mark.parametrize(
    "binh, cuong",
    [("Lò Văn Bình", "Lò Văn Cườn"), ("Lò Văn Bìn", "Lò Văn Cường"), ("Lò Văn Bìn", "Lò Văn Cườn")],
    ids=["cuong-slipped", "binh-slipped", "both-slipped"],
)
def test_a_january_list_in_last_years_codes_keeping_a_name_the_start_list_corrected(
    tmp_path, binh, cuong
):
    """December: Nà Mòn's An 001 'Thoát', Bình 002 near-poor, Cường 003 poor, one or both of
    their names slipped at the last letter ('Lò Văn Bìn', 'Lò Văn Cườn'); the 2025 start list
    compacts the codes and corrects the names (Bình 001, Cường 002); January copies December
    (its codes and names). Worked by hand: Bình's row under 002, now Cường's code, is the start
    list's 001 (figures._renumbered_here), Cường's under 003 its 002 (figures._paired_by_name,
    his start code 002 written now for Bình): nothing moved in either table (poor 1 -> 1,
    near-poor 1 -> 1, as December's month table says already), no household in 'Biến động''s
    list, and no 'vanished-household' warning asking the head to write "002 (Lò Văn Cường)"
    'Thoát' while told (B6) that 003 is counted as 002. Before: the year's table paired
    exact names only: Cường's 'Cườn' poor exited 1 and new 1 ('vanished-household' for 002);
    Bình's 'Bìn' as 002's new head (Cường's household to near-poor 1, from poor 1), Bình's
    001 near-poor exited 1, Cường's 003 poor new 1."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder)
    december = [DECEMBER[0], ("002", binh, 1952, "near_poor"), ("003", cuong, 1953, "poor")]
    run_renumbered_month(folder, out, "2024-12", december, date(2025, 1, 3))
    summary = run_renumbered_month(folder, out, "2025-01", december[1:], date(2025, 2, 3))
    for hamlet in summary["hamlets"]:
        start = (1, 1, 1, 1) if hamlet["hamlet"] == "Nà Mòn" else None
        for scope in ("movements", "movements_month"):
            assert (scope, hamlet["hamlet"], moved(hamlet, scope)) == (scope, hamlet["hamlet"], {})
            if start:
                assert (scope, ends(hamlet, scope)) == (scope, start)
    assert listed_movements(out, "2025-01") == []
    wb = openpyxl.load_workbook(out / "2025-01" / "TongHop_2025-01.xlsx")
    told = [(row[4], row[7], row[9]) for row in wb["Lỗi dữ liệu"].iter_rows(min_row=6, values_only=True)
            if row[1] == "Nà Mòn"]  # fmt: skip
    assert told == [("B5", "002", "code-changed"), ("B6", "003", "code-changed")]
