"""A household on the list of a hamlet held apart last month, on another hamlet's list now
(session 53, found by the oracle's lists naming no hamlet: `python -m
tests.test_session38_oracle … --apart`, seeds 11, 24, 27, 32, 34)."""

from __future__ import annotations

import json
from datetime import date

from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows


def apart_month(folder, out, period: str, lists: dict, unnamed: list | None = None) -> dict:
    """Run ``period`` with these lists {hamlet: rows} and, when given, a list naming no hamlet
    ('Xóm' and title blank, 'DanhSach_<period>.xlsx'); the JSON summary's hamlets by name."""
    for old in folder.glob("*_2024-*.xlsx"):
        old.unlink()
    prepared = date(2024, int(period[5:]) + 1, 3)
    sizes = {"Nà Mòn": 100, "Bản Cọ": 200, "Đồng Kè": 150}
    for n, (hamlet, rows) in enumerate(lists.items()):
        write_roster(folder, f"DS_{n}_{period}.xlsx", hamlet, sizes[hamlet], rows, period, prepared)
    if unnamed:
        write_roster(folder, f"DanhSach_{period}.xlsx", None, 150, unnamed, period, prepared)
    execute(folder, out, period)
    summary = json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))
    return {h["hamlet"]: h for h in summary["hamlets"]} | {"": summary["totals"]}


def test_back_from_a_hamlet_held_apart_last_month_is_moved_in_not_new(tmp_path):
    """April: the three hamlets' start lists. May: NM3 (poor) is on Đồng Kè's list beside DK1,
    not on Nà Mòn's; DK2 is on a list naming no hamlet, so Đồng Kè is held apart ('rejected',
    its list read and stored: session 51) and Nà Mòn's May table has NM3 moved out to Đồng
    Kè. June: NM3 is back on Nà Mòn's list, Đồng Kè lists DK1, DK2. Nà Mòn's June table (set
    beside its May list) had NM3 new, a household joining the lists reported upward, though
    it was on Đồng Kè's list in May and its moving out was told then: it moved in."""
    folder, out = new_commune(tmp_path)
    apart_month(
        folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()}
    )
    na_mon = [p for p in na_mon_rows() if p["ma_ho"] != "NM3"]
    may = apart_month(folder, out, "2024-05",
                 {"Nà Mòn": na_mon, "Bản Cọ": bc_rows(),
                  "Đồng Kè": [person("DK1", "poor"), person("NM3", "poor")]},
                 [person("DK2", "near_poor")])  # fmt: skip
    assert may["Đồng Kè"]["status"] == "rejected"
    month = may["Nà Mòn"]["movements_month"]["poor"]
    # April's NM1-NM3 poor; May: NM3 on Đồng Kè's list
    assert (month["start"], month["moved_out"], month["end"]) == (3, 1, 2)
    june = apart_month(
        folder, out, "2024-06", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()}
    )
    month = june["Nà Mòn"]["movements_month"]["poor"]
    # May's NM1, NM2 poor; June: NM3 back from Đồng Kè's May list
    assert (month["start"], month["moved_in"], month["new"], month["returned"], month["end"]) == (
        2, 1, 0, 0, 3)  # fmt: skip
    assert june[""]["movements_month"]["poor"]["new"] == 0
    # Đồng Kè, set beside its April list (DK1 poor): nothing moved; the year's tables unchanged
    dk = june["Đồng Kè"]["movements_month"]["poor"]
    assert (dk["start"], dk["moved_out"], dk["new"], dk["end"]) == (1, 0, 0, 1)
    year = june["Nà Mòn"]["movements"]["poor"]
    assert (year["start"], year["moved_in"], year["new"], year["end"]) == (3, 0, 0, 3)
