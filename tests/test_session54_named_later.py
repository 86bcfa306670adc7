"""Session 54 (helper F2): a household whose code a silent hamlet's row held last, listed later
by its head's name in its own hamlet, is judged by that later row (the QA gate's seed 12).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1-BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150), on the
plan's start list."""

from __future__ import annotations

import json
from datetime import date

from pipeline.run import execute
from tests.commune import new_commune, person, write_renamed_plan, write_roster


def _month(out, period: str, hamlet: str) -> dict:
    summary = json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))
    return next(h for h in summary["hamlets"] if h["hamlet"] == hamlet)


def test_a_later_row_by_name_outweighs_a_silent_hamlets_older_twin_row(tmp_path):
    """February: Nà Mòn's list [NM4 near-poor] and Bản Cọ's [BC1-BC3 and another household
    'Lý Thị Mai' written 'NM4']: both NM4 rows left out, Nà Mòn's list refused ('across'), the
    twin holding 'NM4' in Bản Cọ. March: Nà Mòn's list NM1-3 poor, NM4 'Thoát' without its Mã
    hộ (left out, held by name in Nà Mòn), NM5 near-poor; Bản Cọ BC1-BC3. April: Nà Mòn NM1-3
    poor, NM5 near-poor, NM4 on no list; Bản Cọ silent. Before: NM4 read where its code was
    last seen, Bản Cọ's February twin row: Nà Mòn's April year table near-poor moved out 1,
    exited 0. Now March's row by name, later, decides: NM4 left Nà Mòn's list, exited 1,
    moved out 0; start 2, end 1 (NM5), as March's table had it held (not counted 1)."""
    folder, out = new_commune(tmp_path)

    def write(name: str, hamlet: str, households: int, rows: list, period: str) -> None:
        month = int(period[5:])
        write_roster(folder, f"{name}_{month:02d}.xlsx", hamlet, households, rows,
                     period=period, prepared=date(2024, month + 1, 3))  # fmt: skip

    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    poor = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    write("NaMon", "Nà Mòn", 100, [person("NM4", "near_poor")], "2024-02")
    write("BanCo", "Bản Cọ", 200, [*ban, person("NM4", "near_poor", chu_ho="Lý Thị Mai")],
          "2024-02")  # fmt: skip
    execute(folder, out, "2024-02")
    assert _month(out, "2024-02", "Nà Mòn")["status"] == "rejected"
    nm4_by_name = {**person("NM4", "exited"), "ma_ho": None}
    write("NaMon", "Nà Mòn", 100, [*poor, nm4_by_name, person("NM5", "near_poor")], "2024-03")
    write("BanCo", "Bản Cọ", 200, ban, "2024-03")
    execute(folder, out, "2024-03")
    march = _month(out, "2024-03", "Nà Mòn")["movements"]["near_poor"]
    assert (march["not_counted"], march["exited"], march["moved_out"]) == (1, 0, 0)
    for sent in folder.glob("BanCo_*.xlsx"):
        sent.unlink()
    write("NaMon", "Nà Mòn", 100, [*poor, person("NM5", "near_poor")], "2024-04")
    execute(folder, out, "2024-04")
    april = _month(out, "2024-04", "Nà Mòn")
    assert _month(out, "2024-04", "Bản Cọ")["status"] == "missing"
    year = april["movements"]["near_poor"]
    assert (year["start"], year["exited"], year["moved_out"], year["not_counted"], year["end"]) == (
        2,
        1,
        0,
        0,
        1,
    )
    assert april["movements"]["poor"]["end"] == 3


def test_a_household_its_new_hamlets_later_list_left_off_stays_exited_while_it_is_silent(
    tmp_path,
):
    """February: BC1 (poor, Bản Cọ's start list) on Nà Mòn's list (NM1-3 poor, NM4-5 near-poor,
    BC1 poor), Bản Cọ's list BC2 poor, BC3 near-poor: Bản Cọ's year table poor moved out 1.
    March: Nà Mòn NM1-5, Bản Cọ the same: BC1 on no list, exited 1 (moved out 0). April: Bản
    Cọ the same, Nà Mòn silent. Before: BC1 read where it was last seen, Nà Mòn's February
    list: Bản Cọ's April year table poor moved out 1, exited 0, March's exit undone. Now Nà
    Mòn's March list, its latest, left BC1 off: exited 1, moved out 0; start 2, end 1 (BC2);
    the commune's poor the same (Bản Cọ's table alone: Nà Mòn silent, Đồng Kè too)."""
    moved_then_left_off(tmp_path)


def test_a_renamed_hamlets_later_list_under_its_new_name_leaves_the_household_exited(tmp_path):
    """The same, Nà Mòn renamed Nà Mòn Mới from March (the QA gate's seed 1347): February's
    list under 'Nà Mòn' holds BC1 (poor, Bản Cọ's start list): Bản Cọ's poor moved out 1.
    March: Nà Mòn Mới's list NM1-5, BC1 off; Bản Cọ BC2, BC3: BC1 exited 1, moved out 0.
    April: Bản Cọ the same, Nà Mòn Mới silent. Before: the later list was looked for under
    the name February's was sent as, 'Nà Mòn' (none): BC1 read on February's list, Bản Cọ's
    April year table poor moved out 1, exited 0. Now March's list, the same hamlet under its
    new name, left BC1 off: exited 1, moved out 0; start 2, end 1 (BC2); the commune the same."""
    moved_then_left_off(tmp_path, renamed="Nà Mòn Mới")


def moved_then_left_off(tmp_path, renamed: str | None = None) -> None:
    """February: BC1 (poor, Bản Cọ's start list) on Nà Mòn's list (NM1-3 poor, NM4-5
    near-poor, BC1 poor), Bản Cọ's list BC2 poor, BC3 near-poor: Bản Cọ's poor moved out 1.
    March: Nà Mòn's list (under ``renamed``, the plan renaming it, if given) NM1-5, BC1 off;
    Bản Cọ the same: BC1 exited 1, moved out 0. April: Bản Cọ the same, Nà Mòn silent: Bản
    Cọ's year table poor start 2, exited 1, moved out 0, end 1; the commune's exited 1, moved
    out 0 (both tests below, by hand)."""
    folder, out = new_commune(tmp_path)

    def write(name: str, hamlet: str, households: int, rows: list, period: str) -> None:
        month = int(period[5:])
        write_roster(folder, f"{name}_{month:02d}.xlsx", hamlet, households, rows,
                     period=period, prepared=date(2024, month + 1, 3))  # fmt: skip

    na = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    na += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    ban = [person("BC2", "poor"), person("BC3", "near_poor")]
    write("NaMon", "Nà Mòn", 100, [*na, person("BC1", "poor")], "2024-02")
    write("BanCo", "Bản Cọ", 200, ban, "2024-02")
    execute(folder, out, "2024-02")
    assert _month(out, "2024-02", "Bản Cọ")["movements"]["poor"]["moved_out"] == 1
    name, hamlet = "NaMon", "Nà Mòn"
    if renamed is not None:
        write_renamed_plan(folder, {"Nà Mòn": renamed})
        for sent in folder.glob("NaMon_*.xlsx"):
            sent.unlink()
        name, hamlet = "NaMonMoi", renamed
    write(name, hamlet, 100, na, "2024-03")
    write("BanCo", "Bản Cọ", 200, ban, "2024-03")
    execute(folder, out, "2024-03")
    march = _month(out, "2024-03", "Bản Cọ")["movements"]["poor"]
    assert (march["exited"], march["moved_out"]) == (1, 0)
    for sent in folder.glob(f"{name}_*.xlsx"):
        sent.unlink()
    write("BanCo", "Bản Cọ", 200, ban, "2024-04")
    execute(folder, out, "2024-04")
    assert _month(out, "2024-04", hamlet)["status"] == "missing"
    year = _month(out, "2024-04", "Bản Cọ")["movements"]["poor"]
    assert (year["start"], year["exited"], year["moved_out"], year["end"]) == (2, 1, 0, 1)
    summary = json.loads((out / "2024-04" / "TongHop_2024-04.json").read_text("utf-8"))
    commune = summary["totals"]["movements"]["poor"]
    assert (commune["exited"], commune["moved_out"]) == (1, 0)
