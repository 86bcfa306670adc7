"""Session 56 (helper N): 'Biến động''s words over the year's turn where the receiving hamlet is
refused or the merged hamlet silent (R1's Left (b), (c) of "Session 56: review of the year's-turn
pairing across hamlets"). The commune of tests.test_session56_b_turn_moved: Nà Mòn's December
2024 Lò Văn An 001 poor, Lò Văn Bình 002 near-poor, Lò Văn Cường (1953) 003 poor; the 2025
start list has An 001 and Bình 002 in Nà Mòn and Cường under 009 in Bản Cọ."""

from __future__ import annotations

import json
from datetime import date

import openpyxl

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets, write_roster
from tests.test_session47_merger_year_turn import bc4_rows, dk, nm6_rows, run_with_lists
from tests.test_session54_b_renumbered_within import na_mon_rows, run_renumbered_month
from tests.test_session56_b_turn_moved import AN, BINH, MOVED, moved_at_the_turn, table
from tests.year_turn import year_turn_households

GONE = "Không còn trong danh sách (đề nghị xác nhận)"


def listed_rows(out, period: str) -> list[tuple]:
    """'Biến động''s household list: its header's columns B-I, then each row's."""
    wb = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")
    rows = list(wb["Biến động"].iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if row[0] == "DANH SÁCH HỘ CÓ BIẾN ĐỘNG")
    return [tuple(rows[at + 1][1:9])] + [
        tuple(r[1:9]) for r in rows[at + 2 :] if isinstance(r[0], int)
    ]


def test_a_household_moved_at_the_turn_to_a_hamlet_refused_in_january_shows_decembers_code(
    tmp_path,
):
    """January 2025: Nà Mòn lists An 001 and Bình 002; Bản Cọ's list (its own and Cường 009)
    refused for its 'Tổng số hộ dân cư' 'abc'; Đồng Kè its own. Worked by hand, the month table
    against December: Nà Mòn poor 2 (An, Cường 003, read as the start list's 009), Cường on no
    accepted list: exited 1, 1; near-poor 1 to 1; Đồng Kè 1 to 1 and 1 to 1; the commune (Nà Mòn
    and Đồng Kè) poor 3, exited 1, 2, near-poor 2 to 2. The year's table (the start list: Nà Mòn
    1, Đồng Kè 1 poor): nothing. The one row of the household list, Nà Mòn's, under the code
    Cường has now (009) with the code Nà Mòn's December list wrote him under beside his class
    then: 'Hộ nghèo (tháng 12/2024: mã 003)'. Before: 'Hộ nghèo' alone, nothing on the sheet
    saying 003, the code Nà Mòn's head knows him by."""
    folder, out = moved_at_the_turn(tmp_path)
    prepared = date(2025, 2, 3)
    for hamlet, slug, total, rows in (
        ("Nà Mòn", "NaMon", 100, na_mon_rows([AN, BINH])),
        ("Bản Cọ", "BanCo", "abc", year_turn_households("Bản Cọ", 2024) + na_mon_rows(MOVED["Bản Cọ"])),
        ("Đồng Kè", "DongKe", 100, year_turn_households("Đồng Kè", 2024)),
    ):  # fmt: skip
        write_roster(folder, f"{slug}_2025-01.xlsx", hamlet, total, rows, "2025-01", prepared)
    execute(folder, out, "2025-01")
    summary = json.loads((out / "2025-01" / "TongHop_2025-01.json").read_text("utf-8"))
    assert [(h["hamlet"], h["status"]) for h in summary["hamlets"]] == [
        ("Nà Mòn", "ok"), ("Bản Cọ", "rejected"), ("Đồng Kè", "ok")]  # fmt: skip
    # start, to the other list, exited, not counted, moved out, from the other list, new,
    # returned, moved in, recounted, end
    month = {
        "Nà Mòn": ((2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1), (1, *[0] * 9, 1)),
        "Đồng Kè": ((1, *[0] * 9, 1), (1, *[0] * 9, 1)),
    }
    for hamlet in (summary["hamlets"][0], summary["hamlets"][2]):
        name = hamlet["hamlet"]
        assert (name, table(hamlet["movements_month"])) == (name, month[name])
        assert (name, table(hamlet["movements"])) == (name, ((1, *[0] * 9, 1), (1, *[0] * 9, 1)))
    assert table(summary["totals"]["movements_month"]) == (
        (3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2), (2, *[0] * 9, 2))  # fmt: skip
    assert listed_rows(out, "2025-01") == [
        ("Xóm", "Mã hộ", "Họ và tên chủ hộ", "Danh sách", "Biến động", "Tháng 12/2024",
         "Hiện tại", "Phạm vi"),
        ("Nà Mòn", "009", "Lò Văn Cường", "Hộ nghèo", GONE, "Hộ nghèo (tháng 12/2024: mã 003)",
         "Không có trong danh sách", "So với tháng trước"),
    ]  # fmt: skip


def test_both_rows_of_a_household_moved_at_the_turn_show_decembers_code_once_code_now(tmp_path):
    """B's run (Bản Cọ's January list accepted): Nà Mòn's row "Chuyển sang Bản Cọ" and Bản Cọ's
    "Chuyển đến từ Nà Mòn", both under 009 (B's decision, kept), each with December's 003
    beside his class then (Nà Mòn's poor). February (compared with January, whose lists write
    the start list's codes): Cường's class changed in Bản Cọ, poor to near-poor: no December
    code said (the rows of both scopes under 009, 'Hộ nghèo' alone)."""
    folder, out = moved_at_the_turn(tmp_path)
    run_renumbered_month(folder, out, "2025-01", [AN, BINH], date(2025, 2, 3), MOVED)
    then = "Hộ nghèo (tháng 12/2024: mã 003)"
    assert listed_rows(out, "2025-01")[1:] == [
        ("Nà Mòn", "009", "Lò Văn Cường", "Hộ nghèo", "Chuyển sang Bản Cọ", then, "Hộ nghèo",
         "So với tháng trước"),
        ("Bản Cọ", "009", "Lò Văn Cường", "Hộ nghèo", "Chuyển đến từ Nà Mòn", then, "Hộ nghèo",
         "So với tháng trước"),
    ]  # fmt: skip
    near = {"Bản Cọ": [("009", "Lò Văn Cường", 1953, "near_poor")]}
    run_renumbered_month(folder, out, "2025-02", [AN, BINH], date(2025, 3, 3), near)
    assert {row[5] for row in listed_rows(out, "2025-02")[1:]} == {"Hộ nghèo"}
    assert {row[1] for row in listed_rows(out, "2025-02")[1:]} == {"009"}


def six_of_ban_co(bc3: str = "near_poor") -> list[dict]:
    """Bản Cọ's November list: session 47's four and BC5, BC6 poor."""
    return [*bc4_rows(bc3), person("BC5", "poor"), person("BC6", "poor")]


def merged_silent_one_to_dong_ke(tmp_path, codes: dict[str, str], december_dk=()) -> tuple:
    """November 2024: Nà Mòn NM1-NM3, NM5 poor, NM4, NM6 near-poor; Bản Cọ
    :func:`six_of_ban_co`; Đồng Kè DK1 poor, DK2 near-poor. December: Nà Mòn and Đồng Kè the
    same (Đồng Kè with ``december_dk`` too), Bản Cọ silent. The 2025 plan merges Bản Cọ into Nà
    Mòn; its start list writes NM1-NM6, BC1, BC2, BC5, BC6 under Nà Mòn (8 poor, 2 near-poor),
    DK1, DK2 and BC4 under Đồng Kè (2 and 1), Bản Cọ's codes as ``codes`` renumbers them; BC3
    off at the review. January's lists as the start list; run. Returns January's JSON, out."""
    folder, out = new_commune(tmp_path)
    lists = {"Nà Mòn": nm6_rows(), "Bản Cọ": six_of_ban_co(), "Đồng Kè": dk()}
    run_with_lists(folder, out, "2024-11", lists, date(2024, 12, 3))
    lists = {"Nà Mòn": nm6_rows(), "Đồng Kè": [*dk(), *december_dk]}
    run_with_lists(folder, out, "2024-12", lists, date(2025, 1, 3))
    hamlets = [dict(h) for h in plan_hamlets() if h["hamlet"] != "Bản Cọ"]
    hamlets[0].update(start_households=300, start_poor=8, start_near_poor=2)
    hamlets[1].update(start_poor=2)
    ban_co = [dict(r, ma_ho=codes.get(r["ma_ho"], r["ma_ho"])) for r in six_of_ban_co()
              if r["ma_ho"] != "BC3"]  # fmt: skip
    moved = codes.get("BC4", "BC4")
    january = {"Nà Mòn": [*nm6_rows(), *[r for r in ban_co if r["ma_ho"] != moved]],
               "Đồng Kè": [*dk(), *[r for r in ban_co if r["ma_ho"] == moved]]}  # fmt: skip
    start = [dict(row, hamlet=hamlet) for hamlet, rows in january.items() for row in rows]
    for stt, row in enumerate(start, start=1):
        row["stt"] = stt
    info = {**PLAN_INFO, "plan_year": 2025}
    write_plan_workbook(folder / "KeHoach_2025.xlsx", info, hamlets, start)
    return run_with_lists(folder, out, "2025-01", january, date(2025, 2, 3)), out


def test_a_household_of_a_hamlet_merged_and_silent_at_the_turn_moved_to_a_third_is_moved(tmp_path):
    """R1's Left (b). Bản Cọ, merged into Nà Mòn at the turn, silent in December; its BC4 (poor
    on its November list) on Đồng Kè's 2025 start list and January list (code kept, or
    renumbered DK3 with Bản Cọ's others NM7-NM10). Worked by hand, the month table: Nà Mòn starts
    from its December (poor 4) and Bản Cọ's households of its latest list as the start list has
    them (BC1, BC2, BC5, BC6 and BC4: 5), poor 9, BC4 moved out to Đồng Kè, 8; near-poor 2 to 2
    (BC3 off the start list); Đồng Kè poor 1, moved in 1, 2, near-poor 1 to 1; the commune 10,
    1 out, 1 in, 10, near-poor 3 to 3, as where Bản Cọ sent December. The year's table: nothing
    (Nà Mòn 8 and 2, Đồng Kè 2 and 1). Before: BC4 in no baseline (the start list's rows under
    Nà Mòn alone were Bản Cọ's part): Nà Mòn 8 to 8, Đồng Kè new 1 ("Phát sinh mới"), the
    commune poor 9, new 1, 10, where the year's table said nothing new."""
    renumbered = {"BC1": "NM7", "BC2": "NM8", "BC4": "DK3", "BC5": "NM9", "BC6": "NM10"}
    for codes in ({}, renumbered):
        place = tmp_path / str(len(codes))
        place.mkdir()
        summary, out = merged_silent_one_to_dong_ke(place, codes)
        na_mon, dong_ke = summary["hamlets"]
        assert (codes, na_mon["hamlet"], na_mon.get("merged_from")) == (codes, "Nà Mòn", ["Bản Cọ"])
        month = {
            "Nà Mòn": ((9, 0, 0, 0, 1, 0, 0, 0, 0, 0, 8), (2, *[0] * 9, 2)),
            "Đồng Kè": ((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), (1, *[0] * 9, 1)),
        }
        year = {"Nà Mòn": (8, 2), "Đồng Kè": (2, 1)}
        for hamlet in (na_mon, dong_ke):
            name = hamlet["hamlet"]
            assert (codes, name, table(hamlet["movements_month"])) == (codes, name, month[name])
            poor, near = year[name]
            assert (codes, name, table(hamlet["movements"])) == (
                codes, name, ((poor, *[0] * 9, poor), (near, *[0] * 9, near)))  # fmt: skip
        assert (codes, table(summary["totals"]["movements_month"])) == (
            codes, ((10, 0, 0, 0, 1, 0, 0, 0, 1, 0, 10), (3, *[0] * 9, 3)))  # fmt: skip
        code = codes.get("BC4", "BC4")
        assert (codes, listed_rows(out, "2025-01")[1:]) == (codes, [
            ("Nà Mòn", code, "Hoàng Văn BC4", "Hộ nghèo", "Chuyển sang Đồng Kè", "Hộ nghèo",
             "Hộ nghèo", "So với tháng trước"),
            ("Đồng Kè", code, "Hoàng Văn BC4", "Hộ nghèo", "Chuyển đến từ Nà Mòn", "Hộ nghèo",
             "Hộ nghèo", "So với tháng trước"),
        ])  # fmt: skip


def test_a_household_of_a_silent_merged_hamlet_on_a_third_hamlets_december_list_is_that_ones(
    tmp_path,
):
    """A guard of the rule above. As there (codes kept), BC4 on Đồng Kè's December list too
    (moved there in December, Bản Cọ silent): it is Đồng Kè's household of December, not Nà
    Mòn's. Worked by hand: Nà Mòn poor 8 to 8 (4 and BC1, BC2, BC5, BC6); Đồng Kè 2 to 2; the
    commune 10 to 10, nothing moved, nothing listed."""
    summary, out = merged_silent_one_to_dong_ke(tmp_path, {}, [person("BC4", "poor")])
    na_mon, dong_ke = summary["hamlets"]
    assert table(na_mon["movements_month"]) == ((8, *[0] * 9, 8), (2, *[0] * 9, 2))
    assert table(dong_ke["movements_month"]) == ((2, *[0] * 9, 2), (1, *[0] * 9, 1))
    assert table(summary["totals"]["movements_month"]) == ((10, *[0] * 9, 10), (3, *[0] * 9, 3))
    assert listed_rows(out, "2025-01")[1:] == []
