"""The start list the history keeps for a year ('YYYY-00', written with the year's first stored
month): only the households the month's own rows do not tell, and read by January's 'Thoát'
check (docs/decisions.md, session 25).

The small commune's 2024 plan: Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor; Bản Cọ BC1, BC2 poor,
BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. December 2024, the first month the history
holds: Nà Mòn NM1 poor, NM2 poor in a row left out for an error (0 members), NM4 near-poor, NM5
'Thoát', NM3 on no list; Bản Cọ as at the start, and BC7, on no list before, poor in a row
left out for an error (0 members); Đồng Kè sends no list. The 2025 plan's list:
NM1 poor, NM4 near-poor; BC1, BC2 poor, BC3 near-poor; DK1 poor (Nà Mòn 1 poor 1 near-poor,
Bản Cọ 2 and 1, Đồng Kè 1 and 0).
"""

from __future__ import annotations

import sqlite3
from datetime import date

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import HAMLETS, PLAN_INFO, person, start_list, write_plan, write_roster

DECEMBER = {"period": "2024-12", "prepared": date(2025, 1, 3)}
JANUARY = {"period": "2025-01", "prepared": date(2025, 2, 3)}


def _commune(tmp_path, january_dong_ke=None, january_ban_co=None):
    """The folder (both plans, December's lists, January's Nà Mòn list: NM1, NM2, NM3, NM6
    poor, NM4 near-poor; and Đồng Kè's ``january_dong_ke`` rows when given) and the output."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    counts = {"Nà Mòn": (1, 1), "Bản Cọ": (2, 1), "Đồng Kè": (1, 0)}
    hamlets = [
        {"hamlet": h, "start_households": n, "start_poor": counts[h][0],
         "start_near_poor": counts[h][1], "poor_target": pt, "near_poor_target": ct}
        for h, (n, _, _, pt, ct) in HAMLETS.items()
    ]  # fmt: skip
    listed = [r for r in start_list() if r["ma_ho"] not in ("NM2", "NM3", "NM5", "DK2")]
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025}, hamlets,
                        listed)  # fmt: skip
    write_roster(folder, "NaMon_2024-12.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor", nhan_khau=0),
                  person("NM4", "near_poor"), person("NM5", "exited")], **DECEMBER)  # fmt: skip
    write_roster(folder, "BanCo_2024-12.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"),
                  person("BC7", "poor", nhan_khau=0)], **DECEMBER)  # fmt: skip
    write_roster(folder, "NaMon_2025-01.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
                  person("NM4", "near_poor"), person("NM6", "poor")], **JANUARY)  # fmt: skip
    if january_ban_co is not None:
        write_roster(folder, "BanCo_2025-01.xlsx", "Bản Cọ", 200, january_ban_co, **JANUARY)
    if january_dong_ke is not None:
        write_roster(folder, "DongKe_2025-01.xlsx", "Đồng Kè", 150, january_dong_ke, **JANUARY)
    return folder, tmp_path / "output"


def _kept(out) -> list[tuple]:
    frame = HistoryStore(out / HISTORY_FILE).households(["2024-00"])
    return sorted(zip(frame["hamlet"], frame["ma_ho"], frame["status"], strict=True))


def _poor(result, hamlet="Nà Mòn", scope="movements"):
    [found] = [h for h in result.summary["hamlets"] if h["hamlet"] == hamlet]
    return found[scope]["poor"]


def test_the_kept_list_holds_only_what_the_first_month_does_not_say(tmp_path):
    """Of the ten start households, kept: Đồng Kè's two (no list in December), NM2 (held in a
    row with an error), NM3 (gone), and NM1 and BC1, each its hamlet's first on the plan's
    list, so that the hamlets the list covers are known. NM4 (near-poor), NM5 ('Thoát'), BC2,
    BC3 are on December's stored rows, as the month says them."""
    folder, out = _commune(tmp_path)
    execute(folder, out, "2024-12")
    assert _kept(out) == [
        ("Bản Cọ", "BC1", "poor"),
        ("Nà Mòn", "NM1", "poor"), ("Nà Mòn", "NM2", "poor"), ("Nà Mòn", "NM3", "poor"),
        ("Đồng Kè", "DK1", "poor"), ("Đồng Kè", "DK2", "near_poor"),
    ]  # fmt: skip
    # December run again (--replace): the list is written again, the same
    execute(folder, out, "2024-12", replace=True)
    assert len(_kept(out)) == 6


def test_january_reads_the_kept_list_as_it_read_the_whole(tmp_path):
    """January 2025, Nà Mòn, year table (start NM1 poor): new NM2, NM3, NM6 (3), of which
    returned NM2 (on the 2024 list, held in December's row with an error, not on the 2025
    list: it left then) and NM3 (gone in December): 2; end 4. The same with the whole 2024
    list written back in place of the kept rows."""
    folder, out = _commune(tmp_path)
    execute(folder, out, "2024-12")
    january, _, _ = execute(folder, out, "2025-01")
    poor = _poor(january)
    assert (poor["start"], poor["exited"], poor["new"], poor["returned"], poor["end"]) == (
        1, 0, 3, 2, 4,
    )  # fmt: skip
    year = sorted(
        (m, d) for s, m, d in zip(*(january.movement_details[c] for c in
                                    ("scope", "ma_ho", "movement")), strict=True) if s == "year"
    )  # fmt: skip
    assert year == [("NM2", "returned"), ("NM3", "returned"), ("NM6", "new")]
    month = _poor(january, scope="movements_month")
    with sqlite3.connect(out / HISTORY_FILE) as conn:  # the whole list, as before
        conn.execute("DELETE FROM households WHERE period = '2024-00'")
        conn.executemany(
            "INSERT INTO households VALUES ('2024-00', ?, ?, ?, ?, 1970, ?, 4, 0, NULL, NULL, NULL)",
            [(r["hamlet"], f"id|{r['ma_ho'].lower()}", r["ma_ho"], r["chu_ho"],
              {"Hộ nghèo": "poor", "Hộ cận nghèo": "near_poor"}[r["phan_loai"]])
             for r in start_list()],
        )  # fmt: skip
    conn.close()
    assert len(_kept(out)) == 10
    whole, _, _ = execute(folder, out, "2025-01", replace=True)
    assert _poor(whole) == poor
    assert _poor(whole, scope="movements_month") == month


def test_a_thoat_in_january_for_a_household_only_on_last_years_list_is_not_unknown(tmp_path):
    """Đồng Kè, January 2025: DK1 poor, DK2 'Thoát' (on the 2024 start list only: Đồng Kè sent
    no list in December, and DK2 is not on the 2025 list), DK9 'Thoát' (on no list ever). Only
    DK9's row (Excel row 2 of the table's households, the third) is warned on no list."""
    dong_ke = [person("DK1", "poor"), person("DK2", "exited"), person("DK9", "exited")]
    folder, out = _commune(tmp_path, dong_ke)
    execute(folder, out, "2024-12")
    january, _, _ = execute(folder, out, "2025-01")
    warned = [i for i in january.issues if i.code == "exited-not-listed-at-start"]
    assert [(i.file, i.value) for i in warned] == [("DongKe_2025-01.xlsx", "DK9")]


def test_a_household_first_held_in_the_first_month_is_new_next_month(tmp_path):
    """Bản Cọ, January 2025: BC1, BC2, BC7 poor, BC3 near-poor. BC7 was first written in
    December in a row left out for an error, in a hamlet whose start list (BC1, BC2, BC3, all
    on December's list: BC1 alone kept, for the hamlet) says it was on no list: the month
    table has it new (poor: start 2, new 1, recounted 0, end 3), not counted again."""
    ban_co = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"),
              person("BC7", "poor")]  # fmt: skip
    folder, out = _commune(tmp_path, january_ban_co=ban_co)
    execute(folder, out, "2024-12")
    january, _, _ = execute(folder, out, "2025-01")
    month = _poor(january, "Bản Cọ", "movements_month")
    assert (month["start"], month["new"], month["recounted"], month["end"]) == (2, 1, 0, 3)
