"""Session 67 (helper H): session 66 RAC's Left. A household whose last listing is on a list held
apart in the other class than its hamlet's latest list with a baseline: the month's baselines
hold it in that list's class, not the list held apart's (a list held apart is no baseline,
session 42), so 'Biến động''s month row says that class at the month's start.

The small commune (tests.commune: the start list has Đồng Kè DK1 poor, DK2 near-poor). March,
all three lists counted: Đồng Kè DK1 near-poor (from poor), DK2 near-poor, DK3 poor. April:
Đồng Kè held apart (DK3 on a list naming no hamlet), its own list DK1 **poor**, DK2 near-poor.
May: held apart again, DK2 alone (DK1 left off: no leaving yet, session 66 A); or Đồng Kè sends
nothing in May. June: Đồng Kè sends nothing; Bản Cọ (its 'Xóm' written 'Xóm  bản cọ') writes
BC1, BC2 poor, BC3 near-poor and DK1.

Worked by hand, DK1 near-poor in June: the month's baselines are Nà Mòn's and Bản Cọ's May
lists and Đồng Kè's March list (DK1 near-poor). Bản Cọ's month table poor 2 to 2, near-poor 1,
moved in 1 (DK1), 2; its year's table alike (DK1 poor on Đồng Kè's start list, near-poor in Bản
Cọ: moved in, counted in its class now); Nà Mòn 3 to 3, 2 to 2; the commune (Đồng Kè missing)
poor 5 to 5, near-poor 3, moved in 1, 4, both tables. The rows: 'Chuyển đến từ Đồng Kè', its
start 'Hộ nghèo' in the year's row (the start list), 'Hộ cận nghèo' in the month's (March's
list); before, the month's said 'Hộ nghèo' (April's list held apart). DK1 poor in June: Bản
Cọ poor 2, moved in 1, 3, both tables; the month's row 'Hộ cận nghèo' to 'Hộ nghèo' (before:
'Hộ nghèo' to 'Hộ nghèo')."""

from __future__ import annotations

import json
from datetime import date

import openpyxl

from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import bc_rows, na_mon_rows, run_lists
from tests.test_session56_b_turn_moved import table
from tests.test_session66_rac_apart_twice import apart_month

NEAR, POOR = "Hộ cận nghèo", "Hộ nghèo"
MOVED_IN = "Chuyển đến từ Đồng Kè"


def _june(tmp_path, june_class: str, may_apart: bool = True) -> tuple[dict, list[tuple]]:
    """The months above, DK1 ``june_class`` in Bản Cọ's June list; May held apart (or Đồng Kè
    silent then). June's JSON and 'Biến động''s household rows (Xóm, Mã hộ, Danh sách, Biến
    động, Đầu kỳ, Hiện tại, Phạm vi)."""
    folder, out = new_commune(tmp_path)
    dk = [person("DK1", "near_poor"), person("DK2", "near_poor"), person("DK3", "poor")]
    run_lists(folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk})
    april = [person("DK1", "poor"), person("DK2", "near_poor")]
    apart_month(folder, out, "2024-04", april, date(2024, 5, 3))
    if may_apart:
        apart_month(folder, out, "2024-05", [person("DK2", "near_poor")], date(2024, 6, 3))
    else:
        for old in folder.glob("DanhSach_*.xlsx"):
            old.unlink()
        run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows()})
    for old in [*folder.glob("DS_*.xlsx"), *folder.glob("DanhSach_*.xlsx")]:
        old.unlink()
    prepared = date(2024, 7, 3)
    write_roster(folder, "DS_NM_2024-06.xlsx", "Nà Mòn", 100, na_mon_rows(), "2024-06", prepared)
    write_roster(folder, "DS_BC_2024-06.xlsx", "Xóm  bản cọ", 200,
                 [*bc_rows(), person("DK1", june_class)], "2024-06", prepared)  # fmt: skip
    execute(folder, out, "2024-06")
    june = json.loads((out / "2024-06" / "TongHop_2024-06.json").read_text("utf-8"))
    rows = list(openpyxl.load_workbook(out / "2024-06" / "TongHop_2024-06.xlsx")["Biến động"]
                .iter_rows(values_only=True))  # fmt: skip
    at = next(i for i, row in enumerate(rows) if row[0] == "DANH SÁCH HỘ CÓ BIẾN ĐỘNG")
    return june, [r[1:9] for r in rows[at + 2 :] if isinstance(r[0], int)]


def _tables(june: dict) -> dict:
    """hamlet (or 'commune') -> (year's table, month's table) of June's accepted hamlets."""
    tables = {h["hamlet"]: (table(h["movements"]), table(h["movements_month"]))
              for h in june["hamlets"] if h["status"] == "ok"}  # fmt: skip
    totals = june["totals"]
    return {**tables, "commune": (table(totals["movements"]), table(totals["movements_month"]))}


def _both(poor: tuple, near: tuple) -> tuple:
    return ((poor, near), (poor, near))


def test_near_poor_in_june_is_moved_in_from_the_class_of_the_latest_list_with_a_baseline(tmp_path):
    for may_apart in (True, False):
        (tmp_path / str(may_apart)).mkdir()
        june, rows = _june(tmp_path / str(may_apart), "near_poor", may_apart)
        assert {h["hamlet"]: h["status"] for h in june["hamlets"]} == {
            "Nà Mòn": "ok", "Bản Cọ": "ok", "Đồng Kè": "missing"}  # fmt: skip
        assert _tables(june) == {
            "Nà Mòn": _both((3, *[0] * 9, 3), (2, *[0] * 9, 2)),
            "Bản Cọ": _both((2, *[0] * 9, 2), (1, *[0] * 7, 1, 0, 2)),
            "commune": _both((5, *[0] * 9, 5), (3, *[0] * 7, 1, 0, 4)),
        }
        assert rows == [
            ("Bản Cọ", "DK1", "Hoàng Văn DK1", NEAR, MOVED_IN, POOR, NEAR, "Từ đầu năm"),
            ("Bản Cọ", "DK1", "Hoàng Văn DK1", NEAR, MOVED_IN, NEAR, NEAR, "So với tháng trước"),
        ]


def test_poor_in_june_is_moved_in_from_near_poor_in_the_month(tmp_path):
    june, rows = _june(tmp_path, "poor")
    assert _tables(june) == {
        "Nà Mòn": _both((3, *[0] * 9, 3), (2, *[0] * 9, 2)),
        "Bản Cọ": _both((2, *[0] * 7, 1, 0, 3), (1, *[0] * 9, 1)),
        "commune": _both((5, *[0] * 7, 1, 0, 6), (3, *[0] * 9, 3)),
    }
    assert rows == [
        ("Bản Cọ", "DK1", "Hoàng Văn DK1", POOR, MOVED_IN, POOR, POOR, "Từ đầu năm"),
        ("Bản Cọ", "DK1", "Hoàng Văn DK1", POOR, MOVED_IN, NEAR, POOR, "So với tháng trước"),
    ]
