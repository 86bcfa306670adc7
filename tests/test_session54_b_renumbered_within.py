"""Session 54 (helper B): January's month table when the new year's start list renumbers codes
within a hamlet (codes compacted after an exit). Left (a), (b) of "Session 53: review of the
year's-turn changes: what holds, and what a renumbering within a hamlet still does to
January's month table".

Bản Cọ and Đồng Kè: session 53's households (tests.test_session53_g_year_turn), their 2024 codes
kept in 2025. Nà Mòn's own, below: Lò Văn An 001 marked 'Thoát' in December 2024; the 2025 start
list compacts the codes, Lò Văn Bình 002 -> 001, Lò Văn Cường 003 -> 002."""

from __future__ import annotations

import json
import zlib
from datetime import date
from types import SimpleNamespace

import openpyxl
import pandas as pd

from pipeline.baselines import as_start_codes, renumbered_at_turn
from pipeline.figures import name_key_text
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, write_roster
from tests.test_session53_g_year_turn import PEOPLE, SLUGS, year_turn_households

# Nà Mòn's households as (code, head, birth year, class), per list
DECEMBER = [
    ("001", "Lò Văn An", 1951, "exited"),
    ("002", "Lò Văn Bình", 1952, "near_poor"),
    ("003", "Lò Văn Cường", 1953, "poor"),
]
START_2024 = [
    ("001", "Lò Văn An", 1951, "poor"),
    ("002", "Lò Văn Bình", 1952, "near_poor"),
    ("003", "Lò Văn Cường", 1953, "poor"),
]
START_2025 = [("001", "Lò Văn Bình", 1952, "near_poor"), ("002", "Lò Văn Cường", 1953, "poor")]


def na_mon_rows(
    households: list[tuple], with_hamlet: bool = False, hamlet: str = "Nà Mòn"
) -> list[dict]:
    """Nà Mòn's rows of ``households`` (or ``hamlet``'s), each head's ID number his own whatever
    his code."""
    rows = []
    for code, name, born, status in households:
        number = f"0{zlib.crc32(name.encode()) % 10**7:07d}1234"
        row = person(code, status, chu_ho=name, nam_sinh=born, so_dinh_danh=number)
        rows.append(dict(row, hamlet=hamlet) if with_hamlet else row)
    return rows


def write_renumbered_plans(
    folder, start: list[tuple] = START_2025, added: dict[str, list[tuple]] | None = None
) -> None:
    """Both plans in ``folder`` (100 households a hamlet; each start list in its year's codes,
    Nà Mòn's 2024 one :data:`START_2024`, its 2025 one ``start``; ``added``: households another
    hamlet's 2025 start list has besides its own, as ``start`` writes them)."""
    for year, na_mon in ((2024, START_2024), (2025, start)):
        more = (added or {}) if year == 2025 else {}
        counts = {h: [s for _, s in p] + [s for *_, s in more.get(h, ())]
                  for h, p in PEOPLE.items()}  # fmt: skip
        counts["Nà Mòn"] = [s for *_, s in na_mon]
        hamlets = [
            dict(hamlet=h, start_households=100, start_poor=c.count("poor"),
                 start_near_poor=c.count("near_poor"), poor_target=1, near_poor_target=0)
            for h, c in counts.items()
        ]  # fmt: skip
        listed = na_mon_rows(na_mon, with_hamlet=True) + [
            row
            for h in PEOPLE
            if h != "Nà Mòn"
            for row in year_turn_households(h, 2024, True) + na_mon_rows(more.get(h, []), True, h)
        ]
        for stt, row in enumerate(listed, start=1):
            row["stt"] = stt
        info = {**PLAN_INFO, "plan_year": year, "poor_target": 0.5, "near_poor_target": 0.0}
        write_plan_workbook(folder / f"KeHoach_{year}.xlsx", info, hamlets, listed)


def run_renumbered_month(
    folder,
    out,
    period: str,
    na_mon: list[tuple] | None,
    prepared,
    added: dict[str, list[tuple]] | None = None,
) -> dict:
    """``period``'s lists written (Nà Mòn's ``na_mon``, None: Nà Mòn sends none; the others
    their households in 2024's codes and those ``added`` to them, as ``na_mon`` writes them,
    prepared on ``prepared``) and run; returns its JSON."""
    for hamlet, slug in SLUGS.items():
        if hamlet == "Nà Mòn" and na_mon is None:
            continue
        rows = na_mon_rows(na_mon) if hamlet == "Nà Mòn" else year_turn_households(hamlet, 2024)
        rows += na_mon_rows((added or {}).get(hamlet, []))
        write_roster(folder, f"{slug}_{period}.xlsx", hamlet, 100, rows, period, prepared)
    execute(folder, out, period)
    return json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))


def renumbered_within(tmp_path, january: list[tuple], start: list[tuple] = START_2025) -> dict:
    """Both plans (:func:`write_renumbered_plans`, Nà Mòn's 2025 start list ``start``);
    December 2024's lists (Nà Mòn's :data:`DECEMBER`) run, then January 2025's (Nà Mòn's
    ``january``, the others as in December). Returns the January run's JSON."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, start)
    run_renumbered_month(folder, out, "2024-12", DECEMBER, date(2025, 1, 3))
    return run_renumbered_month(folder, out, "2025-01", january, date(2025, 2, 3))


def moved(hamlet: dict, scope: str) -> dict:
    """The movements of ``scope``'s table that are not zero, start and end apart."""
    return {
        (name, k): v
        for name in ("poor", "near_poor")
        for k, v in hamlet[scope][name].items()
        if k not in ("start", "end") and v
    }


def ends(hamlet: dict, scope: str) -> tuple[int, int, int, int]:
    """(poor start, poor end, near-poor start, near-poor end) of ``scope``'s table."""
    poor, near = hamlet[scope]["poor"], hamlet[scope]["near_poor"]
    return poor["start"], poor["end"], near["start"], near["end"]


def test_codes_compacted_within_a_hamlet_are_no_movement_in_januarys_month_table(tmp_path):
    """Nà Mòn's January list writes the start list's new codes: Bình 001 near-poor, Cường 002
    poor, as in December under 002 and 003. Before: part II against December matched by code:
    002 (Bình near-poor then, Cường poor now) 'from near-poor' / 'to poor', Cường's 003 gone
    without 'Thoát', Bình under An's 001 'Tái cận nghèo'. Now December's codes are read as the
    start list renumbers them (by head's name and birth year in the hamlet): no movement, poor 1
    to 1 (Cường), near-poor 1 to 1 (Bình); Bản Cọ 2 to 2 and 1 to 1, Đồng Kè 1 to 1 and 1 to 1;
    the year's table the same in every hamlet."""
    summary = renumbered_within(tmp_path, START_2025)
    start = {"Nà Mòn": (1, 1, 1, 1), "Bản Cọ": (2, 2, 1, 1), "Đồng Kè": (1, 1, 1, 1)}
    for hamlet in summary["hamlets"]:
        for scope in ("movements", "movements_month"):
            name = hamlet["hamlet"]
            assert (scope, name, moved(hamlet, scope)) == (scope, name, {})
            assert (scope, name, ends(hamlet, scope)) == (scope, name, start[name])


def test_a_real_change_and_a_new_household_under_a_freed_code_are_told_as_they_are(tmp_path):
    """Nà Mòn's January list: Bình 001 poor (near-poor in December as 002), Cường 002 near-poor
    (poor in December as 003), and Lò Văn Dũng (1960), on no list before, poor under the code
    003 the renumbering freed. Worked by hand against December read in the new codes: poor
    start 1 (Cường), 1 to near-poor, 1 from near-poor (Bình), 1 new (Dũng, no 'Tái nghèo': no
    household of his left the lists), end 2; near-poor start 1 (Bình), 1 to poor, 1 from poor
    (Cường), end 1. Before: by code, 002 and 003 unchanged (near-poor, poor) and Bình under
    An's 001 'Tái nghèo'. The year's table (against the start list) says the same."""
    january = [
        ("001", "Lò Văn Bình", 1952, "poor"),
        ("002", "Lò Văn Cường", 1953, "near_poor"),
        ("003", "Lò Văn Dũng", 1960, "poor"),
    ]
    summary = renumbered_within(tmp_path, january)
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    want = {
        ("poor", "to_near_poor"): 1,
        ("poor", "from_near_poor"): 1,
        ("poor", "new"): 1,
        ("near_poor", "to_poor"): 1,
        ("near_poor", "from_poor"): 1,
    }
    for scope in ("movements", "movements_month"):
        assert (scope, moved(na_mon, scope)) == (scope, want)
        assert (scope, ends(na_mon, scope)) == (scope, (1, 2, 1, 1))
    for hamlet in summary["hamlets"][1:]:
        assert moved(hamlet, "movements_month") == {}


def test_only_a_household_one_of_its_name_and_year_on_each_side_is_renumbered():
    """baselines.as_start_codes, by hand. December: Nà Mòn's An 001 'Thoát', Bình 002, Cường
    003, and two heads 'Lò Văn Tám' born 1960 (006, 007); Bản Cọ's Dung 004. The start list:
    Bình 001, Cường 002, one Lò Văn Tám 1960 under 005, Dung 004. Bình and Cường take their new
    codes (001, 002, as the start list writes them); the two Tám are not told apart by name and
    year: kept under 006 and 007; Dung's code unchanged; An's 001, now Bình's, held by his
    name and birth year (a row without a Mã hộ), never under Bình's code."""
    december = pd.DataFrame(
        [("Nà Mòn", "id|1", "001", "Lò Văn An", 1951.0, "exited"),
         ("Nà Mòn", "id|2", "002", "Lò Văn Bình", 1952.0, "near_poor"),
         ("Nà Mòn", "id|3", "003", "Lò Văn Cường", 1953.0, "poor"),
         ("Nà Mòn", "id|6", "006", "Lò Văn Tám", 1960.0, "poor"),
         ("Nà Mòn", "id|7", "007", "Lò Văn Tám", 1960.0, "poor"),
         ("Bản Cọ", "id|4", "004", "Hà Thị Dung", 1954.0, "poor")],
        columns=["hamlet", "hh_key", "ma_ho", "chu_ho", "nam_sinh", "phan_loai"],
    )  # fmt: skip
    start = pd.DataFrame(
        [("Nà Mòn", "001", "Lò Văn Bình", 1952, "near_poor"),
         ("Nà Mòn", "002", "Lò Văn Cường", 1953, "poor"),
         ("Nà Mòn", "005", "Lò Văn Tám", 1960, "poor"),
         ("Bản Cọ", "004", "Hà Thị Dung", 1954, "poor")],
        columns=["hamlet", "ma_ho", "chu_ho", "nam_sinh", "phan_loai"],
    )  # fmt: skip
    frame, renumbered = as_start_codes(december, start)
    assert renumbered == {"id|2": "id|1", "id|3": "id|2"}
    an = name_key_text("Nà Mòn", "Lò Văn An", 1951)
    assert frame["hh_key"].tolist() == [an, "id|1", "id|2", "id|6", "id|7", "id|4"]
    assert frame["ma_ho"].tolist() == ["001", "001", "002", "006", "007", "004"]
    assert as_start_codes(december, start.iloc[[3]])[1] == {}  # nothing renumbered: as it was


def test_a_household_new_in_february_under_a_code_freed_at_the_years_turn_is_new(tmp_path):
    """Session 54's review (R2): January as in the plain compaction (Bình 001 near-poor, Cường
    002 poor); February adds Lò Văn Dũng (1960), on no list before, poor under the code 003
    the renumbering freed (Cường's in 2024, Cường still listed as 002). Worked by hand: poor
    start 1 (Cường), 1 new, of which 0 returned (no household of Dũng's left the lists), end 2;
    near-poor 1 to 1; the month table against January the same. Before: the history walk had
    003 leave the lists at the year's turn and Dũng 'Tái nghèo' (returned 1) in both tables,
    while January itself (helper B's fix) said new."""
    january = [("001", "Lò Văn Bình", 1952, "near_poor"), ("002", "Lò Văn Cường", 1953, "poor")]
    renumbered_within(tmp_path, january)
    folder, out = tmp_path / "vao", tmp_path / "ra"
    february = [*january, ("003", "Lò Văn Dũng", 1960, "poor")]
    for hamlet, slug in SLUGS.items():
        rows = na_mon_rows(february) if hamlet == "Nà Mòn" else year_turn_households(hamlet, 2024)
        write_roster(folder, f"{slug}_2025-02.xlsx", hamlet, 100, rows, "2025-02", date(2025, 3, 3))
    execute(folder, out, "2025-02")
    summary = json.loads((out / "2025-02" / "TongHop_2025-02.json").read_text("utf-8"))
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    for scope in ("movements", "movements_month"):
        assert (scope, moved(na_mon, scope)) == (scope, {("poor", "new"): 1})
        assert (scope, na_mon[scope]["poor"]["returned"]) == (scope, 0)
        assert (scope, ends(na_mon, scope)) == (scope, (1, 2, 1, 1))
    for hamlet in summary["hamlets"]:
        if hamlet["hamlet"] != "Nà Mòn":
            assert moved(hamlet, "movements_month") == {}


def test_the_codes_renumbered_at_the_turn_read_from_their_hamlet_and_year_rows_alone():
    """Session 54 (R3): baselines.renumbered_at_turn pairs only the rows of a hamlet and birth
    year of a code that left at the turn, the start list's codes counted over the whole list.
    By hand, December: Nà Mòn's Bình 002 (1952) and Cường 003 (1953), two 'Lò Văn Tám' 1960
    (006, 007), Bản Cọ's Dung 004; the start list: Bình 001, Cường 002, one Tám 1960 under 005,
    Dung 004, and Đồng Kè writing 002 too (Giang). Left at the turn: 003, 006, 007 (off the
    start list). Cường's 003 renumbered (002 is written twice on the start list, but his new
    key id|2 is written twice too: not renumbered); the two Tám not told apart: none. So with
    Đồng Kè's 002 nothing; without it, 003 alone (Bình's 002 never left)."""
    december = pd.DataFrame(
        [("2024-12", "Nà Mòn", "id|2", "002", "Lò Văn Bình", 1952.0, "near_poor"),
         ("2024-12", "Nà Mòn", "id|3", "003", "Lò Văn Cường", 1953.0, "poor"),
         ("2024-12", "Nà Mòn", "id|6", "006", "Lò Văn Tám", 1960.0, "poor"),
         ("2024-12", "Nà Mòn", "id|7", "007", "Lò Văn Tám", 1960.0, "poor"),
         ("2024-12", "Bản Cọ", "id|4", "004", "Hà Thị Dung", 1954.0, "poor")],
        columns=["period", "hamlet", "hh_key", "ma_ho", "chu_ho", "nam_sinh", "status"],
    )  # fmt: skip
    start = pd.DataFrame(
        [("Nà Mòn", "id|1", "001", "Lò Văn Bình", 1952, "near_poor"),
         ("Nà Mòn", "id|2", "002", "Lò Văn Cường", 1953, "poor"),
         ("Nà Mòn", "id|5", "005", "Lò Văn Tám", 1960, "poor"),
         ("Bản Cọ", "id|4", "004", "Hà Thị Dung", 1954, "poor"),
         ("Đồng Kè", "id|2", "002", "Ma Văn Giang", 1957, "poor")],
        columns=["hamlet", "hh_key", "ma_ho", "chu_ho", "nam_sinh", "phan_loai"],
    )  # fmt: skip
    left_in = {"id|3": "2025-00", "id|6": "2025-00", "id|7": "2025-00"}
    plan = SimpleNamespace(plan_year=2025)

    def turn(start: pd.DataFrame) -> set[str]:
        return renumbered_at_turn(plan, start, ["2024-12"], lambda _: december, left_in,
                                   set(left_in))  # fmt: skip

    assert turn(start) == set()
    assert turn(start.iloc[:4]) == {"id|3"}
    assert renumbered_at_turn(plan, start, ["2024-12"], None, left_in, set()) == set()  # no load


def test_a_january_list_still_in_last_years_codes_counts_the_start_lists_households(tmp_path):
    """Session 54 (R3): Nà Mòn's January list copies December's codes after the start list
    compacted them: Bình 002 near-poor (001 on the start list; 002 is Cường's), Cường 003 poor
    (002 on the start list). Worked by hand: each head is the start list's household of his
    name and year, so both tables say nothing moved (poor 1 to 1, near-poor 1 to 1), and 002
    is told it is Cường's, Bình's code being 001 ('code-changed', variant 'renumbered', B5);
    003 is told its start-list code is 002, now written for another head ('renumbered-own',
    B6). Before: by code, poor 1 to
    near-poor, 1 new; near-poor 1 exited, 1 from poor; nothing told. February, the codes
    rewritten as told (Bình 001, Cường 002): nothing moved in either table, nothing told."""
    january = [("002", "Lò Văn Bình", 1952, "near_poor"), ("003", "Lò Văn Cường", 1953, "poor")]
    summary = renumbered_within(tmp_path, january)
    for hamlet in summary["hamlets"]:
        for scope in ("movements", "movements_month"):
            assert (scope, hamlet["hamlet"], moved(hamlet, scope)) == (scope, hamlet["hamlet"], {})
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert ends(na_mon, "movements") == ends(na_mon, "movements_month") == (1, 1, 1, 1)
    wb = openpyxl.load_workbook(tmp_path / "ra" / "2025-01" / "TongHop_2025-01.xlsx")
    told = [
        (row[4], row[7], row[9], row[10])
        for row in wb["Lỗi dữ liệu"].iter_rows(min_row=6, values_only=True)
        if row[1] == "Nà Mòn"
    ]
    assert told == [
        ("B5", "002", "code-changed",
         "Theo danh sách đầu năm, mã hộ '002' là mã của hộ 'Lò Văn Cường', còn hộ này ('Lò Văn"
         " Bình') có mã '001' (cùng họ tên chủ hộ và năm sinh). Có lẽ danh sách ghi nhầm mã hộ"
         " (mã của hộ này ghi cho hộ khác) hoặc còn ghi mã hộ cũ (trước khi mã hộ được đánh"
         " lại). Hộ được tính theo danh sách đầu năm: không tính là thoát hay phát sinh mới. Hãy ghi lại cột 'Mã hộ' theo mã của từng hộ trong danh sách đầu"
         " năm (không sửa ô 'Xóm') rồi gửi lại."),
        ("B6", "003", "code-changed",
         "Theo danh sách đầu năm, hộ này (cùng họ tên chủ hộ và năm sinh) có mã hộ '002', không"
         " phải '003'; mã '002' nay danh sách ghi cho một hộ khác. Có lẽ danh sách ghi nhầm mã"
         " hộ hoặc còn ghi mã hộ cũ (trước khi mã hộ được đánh lại). Hộ được tính là hộ mã '002': không tính là thoát hay phát"
         " sinh mới. Hãy ghi lại cột 'Mã hộ' theo mã của từng hộ trong danh sách đầu năm (không"
         " sửa ô 'Xóm') rồi gửi lại."),
    ]  # fmt: skip
    folder, out = tmp_path / "vao", tmp_path / "ra"
    february = [("001", "Lò Văn Bình", 1952, "near_poor"), ("002", "Lò Văn Cường", 1953, "poor")]
    for hamlet, slug in SLUGS.items():
        rows = na_mon_rows(february) if hamlet == "Nà Mòn" else year_turn_households(hamlet, 2024)
        write_roster(folder, f"{slug}_2025-02.xlsx", hamlet, 100, rows, "2025-02", date(2025, 3, 3))
    execute(folder, out, "2025-02")
    summary = json.loads((out / "2025-02" / "TongHop_2025-02.json").read_text("utf-8"))
    for hamlet in summary["hamlets"]:
        for scope in ("movements", "movements_month"):
            assert (scope, hamlet["hamlet"], moved(hamlet, scope)) == (scope, hamlet["hamlet"], {})
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert ends(na_mon, "movements") == ends(na_mon, "movements_month") == (1, 1, 1, 1)
    assert summary["issues"]["warnings"] == 0


def test_real_changes_in_a_january_list_still_in_last_years_codes_are_told_as_they_are(tmp_path):
    """Session 54 (R3): the list in last year's codes with both households changing class: Bình
    002 poor (near-poor in December, 001 on the start list), Cường 003 near-poor (poor in
    December, 002 on the start list). Worked by hand against the start list's households: poor
    start 1 (Cường), 1 to near-poor, 1 from near-poor (Bình), end 1; near-poor start 1 (Bình),
    1 to poor, 1 from poor (Cường), end 1; both tables. Before: by code, 002 poor unchanged
    (Cường then, Bình now), Bình's 001 near-poor exited, Cường's 003 near-poor new."""
    january = [("002", "Lò Văn Bình", 1952, "poor"), ("003", "Lò Văn Cường", 1953, "near_poor")]
    summary = renumbered_within(tmp_path, january)
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    want = {
        ("poor", "to_near_poor"): 1,
        ("poor", "from_near_poor"): 1,
        ("near_poor", "to_poor"): 1,
        ("near_poor", "from_poor"): 1,
    }
    for scope in ("movements", "movements_month"):
        assert (scope, moved(na_mon, scope)) == (scope, want)
        assert (scope, ends(na_mon, scope)) == (scope, (1, 1, 1, 1))
