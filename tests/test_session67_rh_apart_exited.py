"""Session 67, review RH of H's "a household last listed on a list held apart in the other class
is moved in from the class of its hamlet's latest list with a baseline": H's Left, 'Thoát' on a
list held apart. A list held apart is no baseline (session 42) and what it leaves off is no
leaving yet (session 66 A); what it writes 'Thoát' is not counted either, so the month's
baselines hold the household as its hamlet's latest list with a baseline does.

The small commune (tests.commune: the start list has Đồng Kè DK1 poor). March, all three lists
counted: Đồng Kè DK1 near-poor, DK2 near-poor, DK3 poor. April: Đồng Kè held apart (DK3 on a
list naming no hamlet), its own list DK1 **'Thoát'**, DK2 near-poor. May: held apart again, DK2
alone. June: Đồng Kè sends nothing; Bản Cọ writes BC1, BC2 poor, BC3 near-poor and DK1.

Worked by hand, DK1 near-poor in June: the month's baselines are Nà Mòn's and Bản Cọ's May lists
and Đồng Kè's March list (DK1 near-poor). Bản Cọ poor 2 to 2, near-poor 1, moved in 1 (DK1), 2,
the month's table as the year's (DK1 poor on Đồng Kè's start list, near-poor now: moved in,
counted in its class now); Nà Mòn 3 to 3, 2 to 2; the commune (Đồng Kè missing) poor 5 to 5,
near-poor 3, moved in 1, 4. Rows: 'Chuyển đến từ Đồng Kè', the year's from 'Hộ nghèo', the
month's from 'Hộ cận nghèo'. Before: the month's table near-poor 1, new 1 (of it returned 1), 2,
its row 'Tái cận nghèo' from 'Thoát' (April's list held apart), the year's 'moved in': the two
tables told one household two ways. DK1 poor in June: Bản Cọ poor 2, moved in 1, 3, both
tables; the commune poor 5, 1 in, 6; the month's row 'Hộ cận nghèo' to 'Hộ nghèo'."""

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


def _june(tmp_path, june_class: str) -> tuple[dict, list[tuple]]:
    """The months above, DK1 ``june_class`` in Bản Cọ's June list: June's tables (hamlet or
    'commune' -> (year's, month's)) and 'Biến động''s household rows (Xóm, Mã hộ, Họ tên, Loại
    hộ, Biến động, Đầu kỳ, Hiện tại, Phạm vi)."""
    folder, out = new_commune(tmp_path)
    dk = [person("DK1", "near_poor"), person("DK2", "near_poor"), person("DK3", "poor")]
    run_lists(folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk})
    april = [person("DK1", "exited"), person("DK2", "near_poor")]
    apart_month(folder, out, "2024-04", april, date(2024, 5, 3))
    apart_month(folder, out, "2024-05", [person("DK2", "near_poor")], date(2024, 6, 3))
    for old in [*folder.glob("DS_*.xlsx"), *folder.glob("DanhSach_*.xlsx")]:
        old.unlink()
    prepared = date(2024, 7, 3)
    write_roster(folder, "DS_NM_2024-06.xlsx", "Nà Mòn", 100, na_mon_rows(), "2024-06", prepared)
    write_roster(folder, "DS_BC_2024-06.xlsx", "Bản Cọ", 200,
                 [*bc_rows(), person("DK1", june_class)], "2024-06", prepared)  # fmt: skip
    execute(folder, out, "2024-06")
    june = json.loads((out / "2024-06" / "TongHop_2024-06.json").read_text("utf-8"))
    tables = {h["hamlet"]: (table(h["movements"]), table(h["movements_month"]))
              for h in june["hamlets"] if h["status"] == "ok"}  # fmt: skip
    totals = june["totals"]
    tables["commune"] = (table(totals["movements"]), table(totals["movements_month"]))
    rows = list(openpyxl.load_workbook(out / "2024-06" / "TongHop_2024-06.xlsx")["Biến động"]
                .iter_rows(values_only=True))  # fmt: skip
    at = next(i for i, row in enumerate(rows) if row[0] == "DANH SÁCH HỘ CÓ BIẾN ĐỘNG")
    return tables, [r[1:9] for r in rows[at + 2 :] if isinstance(r[0], int)]


def _both(poor: tuple, near: tuple) -> tuple:
    return ((poor, near), (poor, near))


def test_thoat_on_a_list_held_apart_near_poor_in_june_is_moved_in_in_both_tables(tmp_path):
    tables, rows = _june(tmp_path, "near_poor")
    assert tables == {
        "Nà Mòn": _both((3, *[0] * 9, 3), (2, *[0] * 9, 2)),
        "Bản Cọ": _both((2, *[0] * 9, 2), (1, *[0] * 7, 1, 0, 2)),
        "commune": _both((5, *[0] * 9, 5), (3, *[0] * 7, 1, 0, 4)),
    }
    assert rows == [
        ("Bản Cọ", "DK1", "Hoàng Văn DK1", NEAR, MOVED_IN, POOR, NEAR, "Từ đầu năm"),
        ("Bản Cọ", "DK1", "Hoàng Văn DK1", NEAR, MOVED_IN, NEAR, NEAR, "So với tháng trước"),
    ]


def test_thoat_on_a_list_held_apart_poor_in_june_is_moved_in_from_near_poor(tmp_path):
    tables, rows = _june(tmp_path, "poor")
    assert tables == {
        "Nà Mòn": _both((3, *[0] * 9, 3), (2, *[0] * 9, 2)),
        "Bản Cọ": _both((2, *[0] * 7, 1, 0, 3), (1, *[0] * 9, 1)),
        "commune": _both((5, *[0] * 7, 1, 0, 6), (3, *[0] * 9, 3)),
    }
    assert rows == [
        ("Bản Cọ", "DK1", "Hoàng Văn DK1", POOR, MOVED_IN, POOR, POOR, "Từ đầu năm"),
        ("Bản Cọ", "DK1", "Hoàng Văn DK1", POOR, MOVED_IN, NEAR, POOR, "So với tháng trước"),
    ]
