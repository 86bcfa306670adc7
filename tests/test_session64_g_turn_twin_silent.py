"""Session 64 (helper G): the `--turn` oracle's seed 1870, reduced. B's commune of session 56
(tests.test_session56_b_turn_moved): Nà Mòn's Lò Văn An 001 poor, Lò Văn Bình 002 near-poor,
Lò Văn Cường (1953) 003 poor on its November and December 2024 lists; Bản Cọ's Dung 004, Em 005
poor, Phương 006 near-poor; Đồng Kè's Giang 007 poor, Hải 008 near-poor. The 2025 start list
writes An and Bình in Nà Mòn and a 'Lò Văn Cường' (1953) under 009 in Bản Cọ (B's move at the
turn). Here Đồng Kè sends no December list, and its November list, its latest of 2024, holds
another household of that name and year under 011 (its own CCCD): a twin left on the December
side, which B's rule ("a name with a twin left on either side pairs none") reads, as
`_moved_from_silent` does for a household of the silent hamlet (session 57, A)."""

from __future__ import annotations

import json
from datetime import date

import openpyxl

from pipeline.run import execute
from tests.commune import person, write_roster
from tests.test_session54_b_renumbered_within import na_mon_rows, write_renumbered_plans
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import (
    AN,
    BINH,
    CUONG,
    MOVED,
    month_tables_and_a_still_year,
    part_two,
    table,
)
from tests.year_turn import SLUGS, year_turn_households

TWIN = ("011", "Lò Văn Cường", 1953, "poor")  # Đồng Kè's, another household (its own CCCD)


def twin_row(code: str = "011") -> dict:
    """Đồng Kè's 'Lò Văn Cường' (1953) poor under ``code``, his CCCD another than Nà Mòn's."""
    return person(code, "poor", chu_ho="Lò Văn Cường", nam_sinh=1953, so_dinh_danh="001053009999")


def twin_number_on_start_list(folder) -> None:
    """The 2025 start list's 011 given the twin's own CCCD, as Đồng Kè's rows write it."""
    book = openpyxl.load_workbook(folder / "KeHoach_2025.xlsx")
    sheet = book["Danh sách đầu năm"]
    rows = list(sheet.iter_rows())
    header = next(r for r in rows if any(c.value == "Mã hộ" for c in r))
    col = {c.value: c.column for c in header}
    code, number = col["Mã hộ"], col["Số định danh cá nhân"]
    found = [r for r in rows if r[code - 1].value == "011"]
    assert len(found) == 1
    found[0][number - 1].value = twin_row()["so_dinh_danh"]
    book.save(folder / "KeHoach_2025.xlsx")


def send(folder, out, period: str, lists: dict[str, list[dict]], prepared: date) -> dict:
    """``period``'s rosters, one a hamlet of ``lists`` (hamlet -> rows; a hamlet not in it
    sends none), written and run; returns the JSON summary."""
    for hamlet, rows in lists.items():
        write_roster(folder, f"{SLUGS[hamlet]}_{period}.xlsx", hamlet, 100, rows, period, prepared)
    execute(folder, out, period)
    return json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))


def own(hamlet: str) -> list[dict]:
    """Bản Cọ's or Đồng Kè's own households in 2024's codes (kept in 2025)."""
    return year_turn_households(hamlet, 2024)


def commune_to_january(tmp_path, november_dk: list[dict], start_added: dict) -> tuple:
    """The plans (Nà Mòn's 2025 start list An and Bình; ``start_added``: the households other
    hamlets' 2025 start lists have besides their own), November 2024 (Nà Mòn An, Bình, Cường
    003; Bản Cọ its own; Đồng Kè ``november_dk``), December (Đồng Kè silent) and January 2025
    (Nà Mòn An, Bình; Bản Cọ its own and Cường 009; Đồng Kè its own). Returns (the January JSON, the output folder)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, [AN, BINH], start_added)
    na_mon = [AN, BINH, CUONG]
    send(folder, out, "2024-11", {"Nà Mòn": na_mon_rows(na_mon), "Bản Cọ": own("Bản Cọ"),
                                  "Đồng Kè": november_dk}, date(2024, 12, 3))  # fmt: skip
    send(folder, out, "2024-12", {"Nà Mòn": na_mon_rows(na_mon), "Bản Cọ": own("Bản Cọ")},
         date(2025, 1, 3))  # fmt: skip
    january = {
        "Nà Mòn": na_mon_rows([AN, BINH]),
        "Bản Cọ": own("Bản Cọ") + na_mon_rows(MOVED["Bản Cọ"]),
        "Đồng Kè": own("Đồng Kè"),
    }
    return send(folder, out, "2025-01", january, date(2025, 2, 3)), out


def test_a_twin_on_the_latest_list_of_a_hamlet_silent_in_december_pairs_none(tmp_path):
    """Worked by hand, January's month table: Nà Mòn against December, poor start 2 (An,
    Cường 003), Cường not listed and not paired with Bản Cọ's 009 (two 'Lò Văn Cường' 1953 left
    the lists at the turn, Nà Mòn's 003 and Đồng Kè's 011, one new on the start list): exited
    1, end 1; near-poor 1 to 1. Bản Cọ against December, poor start 2, 009 new 1 (on no list
    before: returned 0), end 3; near-poor 1 to 1. Đồng Kè beside its start list (Giang, Hải;
    011 off it): 1 to 1 twice. The commune poor 5, exited 1, new 1, 5; near-poor 3 to 3. The
    year's table (the start list): nothing moved, Nà Mòn 1 and 1, Bản Cọ 3 and 1, Đồng Kè 1
    and 1. Before: B's pairing across hamlets saw one 'Lò Văn Cường' 1953 a side (Đồng Kè's
    November list not read): Nà Mòn moved out 1, Bản Cọ moved in 1."""
    summary, out = commune_to_january(tmp_path, own("Đồng Kè") + [twin_row()], MOVED)
    # start, to the other list, exited, not counted, moved out, from the other list, new,
    # returned, moved in, recounted, end
    still = {n: (n, *[0] * 9, n) for n in (1, 3)}
    na_mon = ((2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1), still[1])
    ban_co = ((2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 3), still[1])
    commune = ((5, 0, 1, 0, 0, 0, 1, 0, 0, 0, 5), still[3])
    month = {"Nà Mòn": na_mon, "Bản Cọ": ban_co, "Đồng Kè": (still[1], still[1])}
    month_tables_and_a_still_year(summary, month, {"Nà Mòn": (1, 1), "Bản Cọ": (3, 1),
                                                   "Đồng Kè": (1, 1)})  # fmt: skip
    assert table(summary["totals"]["movements_month"]) == commune
    assert part_two(out, "2025-01") == [
        *[(name, *month[name][0]) for name in month], ("Tổng cộng", *commune[0]),
        *[(name, *month[name][1]) for name in month], ("Tổng cộng", *commune[1]),
    ]  # fmt: skip
    assert listed_movements(out, "2025-01") == [
        ("Nà Mòn", "003", "Không còn trong danh sách (đề nghị xác nhận)", "So với tháng trước"),
        ("Bản Cọ", "009", "Phát sinh mới", "So với tháng trước"),
    ]


def test_the_moved_household_on_the_silent_hamlets_list_before_december_is_no_twin(tmp_path):
    """A guard: Cường himself (003, his CCCD) on Đồng Kè's November list, moved to Nà Mòn in
    December (Nà Mòn's November list An and Bình alone). His November row is the household
    Nà Mòn's December row holds by its code, no twin: B's move at the turn stands, as in B's
    test. By hand, January's month table: Nà Mòn poor 2, moved out 1 (to Bản Cọ), 1; Bản Cọ
    poor 2, moved in 1, 3; Đồng Kè 1 to 1 twice; the commune poor 5, moved out 1, moved in 1,
    5, near-poor 3 to 3. (Read beside December's rows, that November row would be a twin of
    the December row: exited 1 and new 1.)"""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, [AN, BINH], MOVED)
    send(folder, out, "2024-11", {"Nà Mòn": na_mon_rows([AN, BINH]), "Bản Cọ": own("Bản Cọ"),
                                  "Đồng Kè": own("Đồng Kè") + na_mon_rows([CUONG])},
         date(2024, 12, 3))  # fmt: skip
    send(folder, out, "2024-12", {"Nà Mòn": na_mon_rows([AN, BINH, CUONG]),
                                  "Bản Cọ": own("Bản Cọ")}, date(2025, 1, 3))  # fmt: skip
    january = {"Nà Mòn": na_mon_rows([AN, BINH]),
               "Bản Cọ": own("Bản Cọ") + na_mon_rows(MOVED["Bản Cọ"]), "Đồng Kè": own("Đồng Kè")}  # fmt: skip
    summary = send(folder, out, "2025-01", january, date(2025, 2, 3))
    still = {n: (n, *[0] * 9, n) for n in (1, 3)}
    month = {"Nà Mòn": ((2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1), still[1]),
             "Bản Cọ": ((2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3), still[1]),
             "Đồng Kè": (still[1], still[1])}  # fmt: skip
    month_tables_and_a_still_year(summary, month, {"Nà Mòn": (1, 1), "Bản Cọ": (3, 1),
                                                   "Đồng Kè": (1, 1)})  # fmt: skip
    assert table(summary["totals"]["movements_month"]) == (
        (5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), still[3])  # fmt: skip
    assert listed_movements(out, "2025-01") == [
        ("Nà Mòn", "009", "Chuyển sang Bản Cọ", "So với tháng trước"),
        ("Bản Cọ", "009", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
    ]


def test_a_silent_hamlets_household_kept_on_the_start_list_is_no_one_elses(tmp_path):
    """Đồng Kè's 'Lò Văn Cường' (1953) 011 on its November list and kept by the 2025 start list
    under 011 in Đồng Kè (its start row written as its November row); Nà Mòn's Cường 003 off
    the start list, no 009 anywhere; January: Bản Cọ its own, Đồng Kè its own and 011. By hand,
    January's month table: Nà Mòn poor 2, exited 1 (003), 1; near-poor 1 to 1; Bản Cọ 2 to 2
    and 1 to 1; Đồng Kè beside its start list poor 2 (Giang, 011) to 2, near-poor 1 to 1; the
    commune poor 6, exited 1, 5; near-poor 3 to 3. The year's table nothing moved (Nà Mòn 1
    and 1, Bản Cọ 2 and 1, Đồng Kè 2 and 1). Before: Nà Mòn's 003 was paired with Đồng Kè's
    start row 011 (one name and year a side of the commune, the silent hamlet's November row
    not read): Nà Mòn moved out 1, and no hamlet moved in (Đồng Kè's baseline held 011)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, [AN, BINH], {"Đồng Kè": [TWIN]})
    twin_number_on_start_list(folder)
    send(folder, out, "2024-11", {"Nà Mòn": na_mon_rows([AN, BINH, CUONG]),
                                  "Bản Cọ": own("Bản Cọ"),
                                  "Đồng Kè": own("Đồng Kè") + [twin_row()]},
         date(2024, 12, 3))  # fmt: skip
    send(folder, out, "2024-12", {"Nà Mòn": na_mon_rows([AN, BINH, CUONG]),
                                  "Bản Cọ": own("Bản Cọ")}, date(2025, 1, 3))  # fmt: skip
    january = {"Nà Mòn": na_mon_rows([AN, BINH]), "Bản Cọ": own("Bản Cọ"),
               "Đồng Kè": own("Đồng Kè") + [twin_row()]}  # fmt: skip
    summary = send(folder, out, "2025-01", january, date(2025, 2, 3))
    still = {n: (n, *[0] * 9, n) for n in (1, 2, 3)}
    month = {"Nà Mòn": ((2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1), still[1]),
             "Bản Cọ": (still[2], still[1]), "Đồng Kè": (still[2], still[1])}  # fmt: skip
    month_tables_and_a_still_year(summary, month, {"Nà Mòn": (1, 1), "Bản Cọ": (2, 1),
                                                   "Đồng Kè": (2, 1)})  # fmt: skip
    assert table(summary["totals"]["movements_month"]) == (
        (6, 0, 1, 0, 0, 0, 0, 0, 0, 0, 5), still[3])  # fmt: skip
    assert listed_movements(out, "2025-01") == [
        ("Nà Mòn", "003", "Không còn trong danh sách (đề nghị xác nhận)", "So với tháng trước"),
    ]
