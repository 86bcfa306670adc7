"""Session 64 (helper E, from the **Left** (1) of "Session 63: review of G's history-walk and
tables changes" (R4)): ``figuresteps._held_here_moved_out`` asked whether the old hamlet's table
told a held household's arrival in the month of the merged hamlet's baseline (its older part's),
not in the month of the list holding the row (its newer part's).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor; Bản Cọ BC1, BC2 poor,
BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. A row with 0 members is left out for an error,
holding its household there (sessions 9, 10)."""

from __future__ import annotations

import json
from datetime import date

from pipeline.run import execute
from tests.commune import new_commune, person, write_merged_plan, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session61_a_merged_apart_moved import month_summary, poor_moves


def _held(row: dict) -> dict:
    return dict(row, nhan_khau=0)


def test_held_in_the_newer_parts_list_the_old_hamlet_silent_then_is_moved_in(tmp_path):
    """Worked by hand. April: the three lists. May: Bản Cọ alone sends, its list holding DK1
    (Đồng Kè's poor household) in a row with 0 members; Nà Mòn and Đồng Kè silent (no table
    tells DK1's move in May). The plan then merges Bản Cọ into Nà Mòn. June: Nà Mòn counts
    NM1-NM5, BC1-BC3 and DK1; Đồng Kè lists DK2 alone. Đồng Kè's month table, beside its April
    list: poor 1, moved out 1 (DK1, 'Chuyển sang Nà Mòn'), 0. Nà Mòn's, beside Nà Mòn's April
    list and Bản Cọ's May list (NM1-NM3, BC1, BC2 poor; DK1 held), 'So với tháng 4/2024' (the
    older part's month): poor 5, moved in 1 ('Chuyển đến từ Đồng Kè'), 6; the commune's month
    row 6, moved out 1, moved in 1, 6, as the year's. Before: the held row was taken as of April
    (the older part's month), when Đồng Kè's list was read: Nà Mòn counted DK1 again ('Tính
    lại'), the commune's month row moved out 1, counted again 1, the year's moved in 1."""
    folder, out = new_commune(tmp_path)
    month_summary(folder, out, "2024-04",
                  {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    dk1, dk2 = dk_rows()
    may = month_summary(folder, out, "2024-05", {"Bản Cọ": [*bc_rows(), _held(dk1)]})
    assert poor_moves(may["Bản Cọ"], "movements_month") == (2, 0, 0, 0, 0, 0, 2)
    write_merged_plan(folder)
    june = month_summary(folder, out, "2024-06",
                         {"Nà Mòn": na_mon_rows(*bc_rows(), dk1), "Đồng Kè": [dk2]})  # fmt: skip
    nm, dk = june["Nà Mòn"], june["Đồng Kè"]
    assert nm["movements_month_from"] == "2024-04"
    assert dk["movements_month_from"] == "2024-04"
    assert poor_moves(dk, "movements_month") == (1, 0, 1, 0, 0, 0, 0)
    assert poor_moves(nm, "movements_month") == (5, 0, 0, 0, 1, 0, 6)
    assert poor_moves(june[""], "movements_month") == (6, 0, 1, 0, 1, 0, 6)
    assert poor_moves(june[""], "movements") == (6, 0, 1, 0, 1, 0, 6)
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "DK1" and "tháng" in r[3]] == [
        ("Nà Mòn", "DK1", "Chuyển đến từ Đồng Kè", "So với tháng 4/2024"),
        ("Đồng Kè", "DK1", "Chuyển sang Nà Mòn", "So với tháng 4/2024"),
    ]


def test_held_in_the_older_part_counted_elsewhere_then_held_in_the_newer_is_moved_in(tmp_path):
    """Worked by hand: the month of the held row is the one it arrived in the rows held, after
    the last list that counted it. March: the three lists, Nà Mòn's holding DK1 (0 members),
    Đồng Kè's DK2 alone. April: Nà Mòn silent, Đồng Kè counts DK1 and DK2, Bản Cọ its three. May:
    Bản Cọ alone, its list holding DK1; Nà Mòn, Đồng Kè silent. The plan merges Bản Cọ into Nà
    Mòn. June: Nà Mòn counts NM1-NM5, BC1-BC3, DK1; Đồng Kè lists DK2. Đồng Kè's month table,
    beside its April list (DK1 counted): poor 1, moved out 1, 0; Nà Mòn's (beside Nà Mòn's March
    list and Bản Cọ's May list, 'So với tháng 3/2024'): DK1 arrived in May's held row, no table
    told it then: poor 5, moved in 1, 6; the commune 6, moved out 1, moved in 1, 6. Before: the
    held row taken as of March (Đồng Kè's list read then): counted again."""
    folder, out = new_commune(tmp_path)
    dk1, dk2 = dk_rows()
    month_summary(folder, out, "2024-03",
                  {"Nà Mòn": na_mon_rows(_held(dk1)), "Bản Cọ": bc_rows(), "Đồng Kè": [dk2]})  # fmt: skip
    month_summary(folder, out, "2024-04", {"Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    month_summary(folder, out, "2024-05", {"Bản Cọ": [*bc_rows(), _held(dk1)]})
    write_merged_plan(folder)
    june = month_summary(folder, out, "2024-06",
                         {"Nà Mòn": na_mon_rows(*bc_rows(), dk1), "Đồng Kè": [dk2]})  # fmt: skip
    nm, dk = june["Nà Mòn"], june["Đồng Kè"]
    assert (nm["movements_month_from"], dk["movements_month_from"]) == ("2024-03", "2024-04")
    assert poor_moves(dk, "movements_month") == (1, 0, 1, 0, 0, 0, 0)
    assert poor_moves(nm, "movements_month") == (5, 0, 0, 0, 1, 0, 6)
    assert poor_moves(june[""], "movements_month") == (6, 0, 1, 0, 1, 0, 6)
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "DK1" and "tháng" in r[3]] == [
        ("Nà Mòn", "DK1", "Chuyển đến từ Đồng Kè", "So với tháng 3/2024"),
        ("Đồng Kè", "DK1", "Chuyển sang Nà Mòn", "So với tháng 4/2024"),
    ]


def test_held_in_the_newer_parts_list_the_old_hamlet_read_then_is_counted_again(tmp_path):
    """The guard, worked by hand: the same, Đồng Kè's May list read (DK2 alone). May's tables
    told DK1's move: Đồng Kè poor 1, moved out 1, 0; Bản Cọ 2, moved in 1 (its row held: 'Chưa
    tính (dòng có lỗi)'), 2. June: Đồng Kè's month table, beside May's list, has no DK1 (0 to
    0); Nà Mòn's counts it again ('Tính lại (dòng đã sửa lỗi)'): poor 5, counted again 1, 6; the
    commune's month row 5, counted again 1, 6 (May's ended at 2 beside Nà Mòn's silent 3).
    Passes before too (April was then asked, when Đồng Kè's list was read as well)."""
    folder, out = new_commune(tmp_path)
    month_summary(folder, out, "2024-04",
                  {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    dk1, dk2 = dk_rows()
    may = month_summary(
        folder, out, "2024-05", {"Bản Cọ": [*bc_rows(), _held(dk1)], "Đồng Kè": [dk2]}
    )
    assert poor_moves(may["Đồng Kè"], "movements_month") == (1, 0, 1, 0, 0, 0, 0)
    assert poor_moves(may["Bản Cọ"], "movements_month") == (2, 0, 0, 0, 1, 0, 2)
    write_merged_plan(folder)
    june = month_summary(folder, out, "2024-06",
                         {"Nà Mòn": na_mon_rows(*bc_rows(), dk1), "Đồng Kè": [dk2]})  # fmt: skip
    assert poor_moves(june["Đồng Kè"], "movements_month") == (0, 0, 0, 0, 0, 0, 0)
    assert poor_moves(june["Nà Mòn"], "movements_month") == (5, 0, 0, 0, 0, 1, 6)
    assert poor_moves(june[""], "movements_month") == (5, 0, 0, 0, 0, 1, 6)
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "DK1" and "tháng" in r[3]] == [
        ("Nà Mòn", "DK1", "Tính lại (dòng đã sửa lỗi)", "So với tháng 4/2024"),
    ]


def test_old_hamlet_held_apart_then_by_a_list_naming_no_hamlet_told_the_move(tmp_path):
    """R4's Left (2), worked by hand: the old hamlet held apart in the held row's month for
    another cause than a merger (a list naming no hamlet writes one of its households, session
    51) made a table then, which told the move, as a merged hamlet's held table does (session
    63, G). April: the three lists. May: Nà Mòn's list holds DK1 in a row with 0 members, Bản
    Cọ's its three, Đồng Kè's list DK3 (a new near-poor household) beside a list naming no
    hamlet, DK2: Đồng Kè held apart, its table (out of the totals) poor 1, moved out 1 (DK1 to
    Nà Mòn), 0; Nà Mòn's 3, moved in 1 (held: 'Chưa tính (dòng có lỗi)'), 3; the commune 5,
    moved in 1, 5. June: Nà Mòn counts DK1, Đồng Kè lists DK2: Đồng Kè's month table, beside
    April's list (May's held apart is no baseline), poor 1, moved out 1, 0, in the totals now;
    Nà Mòn's 3, counted again 1 ('Tính lại (dòng đã sửa lỗi)'), 4; the commune 6, moved out 1,
    counted again 1, 6: over May and June the move in once (May) and the move out once (June)
    in the totals, as seed 2453's shape (session 63, R4). Passes before this session."""
    folder, out = new_commune(tmp_path)
    dk1, dk2 = dk_rows()

    def month(period: str, lists: dict, apart: list | None = None) -> dict:
        for old in [*folder.glob("DS_*.xlsx"), *folder.glob("DanhSach_*.xlsx")]:
            old.unlink()
        prepared = date(2024, int(period[5:]) + 1, 3)
        sizes = {"Nà Mòn": 100, "Bản Cọ": 200, "Đồng Kè": 150}
        for n, (hamlet, rows) in enumerate(lists.items()):
            write_roster(
                folder, f"DS_{n}_{period}.xlsx", hamlet, sizes[hamlet], rows, period, prepared
            )
        if apart:
            write_roster(folder, f"DanhSach_{period}.xlsx", None, 150, apart, period, prepared)
        execute(folder, out, period)
        summary = json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))
        return {h["hamlet"]: h for h in summary["hamlets"]} | {"": summary["totals"]}

    month("2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    may = month("2024-05",
                {"Nà Mòn": na_mon_rows(_held(dk1)), "Bản Cọ": bc_rows(),
                 "Đồng Kè": [person("DK3", "near_poor")]}, apart=[dk2])  # fmt: skip
    assert may["Đồng Kè"]["status"] == "rejected"
    assert poor_moves(may["Đồng Kè"], "movements_month") == (1, 0, 1, 0, 0, 0, 0)
    assert poor_moves(may["Nà Mòn"], "movements_month") == (3, 0, 0, 0, 1, 0, 3)
    assert poor_moves(may[""], "movements_month") == (5, 0, 0, 0, 1, 0, 5)
    june = month("2024-06", {"Nà Mòn": na_mon_rows(dk1), "Bản Cọ": bc_rows(), "Đồng Kè": [dk2]})
    assert june["Đồng Kè"]["movements_month_from"] == "2024-04"
    assert poor_moves(june["Đồng Kè"], "movements_month") == (1, 0, 1, 0, 0, 0, 0)
    assert poor_moves(june["Nà Mòn"], "movements_month") == (3, 0, 0, 0, 0, 1, 4)
    assert poor_moves(june[""], "movements_month") == (6, 0, 1, 0, 0, 1, 6)
    assert poor_moves(june[""], "movements") == (6, 0, 1, 0, 1, 0, 6)
