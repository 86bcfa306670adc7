"""Session 65 (helper B): the month after a hamlet renamed at a merger was refused or silent
(session 64 M's Left (2) and (3)): its list of before is its month table's baseline under the
name now, its own households not read as moved into it.

Session 64 M's commune (tests/test_session64_m_merged_rename_refused.py, the small commune of
tests.commune): in April NM1, BC1 and BC2 are on Đồng Kè's list (DK1 poor, DK2 near-poor and
those three poor); the plan then merges Bản Cọ into Nà Mòn and renames Đồng Kè 'Đồng Kè Mới';
in May Đồng Kè Mới's list is refused (or it sends nothing; the store writes its kept start list
under the name now). In June Đồng Kè Mới sends again.
"""

from __future__ import annotations

import json

import pytest

import tests.test_session38_oracle as o38
from tests.commune import new_commune, person, write_merged_plan, write_renamed_plan
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table

MOVED = [person("BC1", "poor"), person("BC2", "poor"), person("NM1", "poor")]
CODES = ("BC1", "BC2", "NM1")
STILL = (1, *[0] * 9, 1)


def _june(tmp_path, may: str, back: bool) -> tuple[dict, object]:
    """April to June as above; ``back``: NM1, BC1, BC2 on Nà Mòn's June list (Đồng Kè Mới's
    own two alone on its own), else on Đồng Kè Mới's as in April. Returns June's JSON."""
    folder, out = new_commune(tmp_path)
    dk = [*o38.dk_rows(), *MOVED]
    na_mon = [*o38.na_mon_rows()[1:], person("BC3", "near_poor")]  # NM2-NM5 and BC3
    o38.run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon[:-1], "Bản Cọ": na_mon[-1:],
                                           "Đồng Kè": dk})  # fmt: skip
    write_merged_plan(folder, renamed={"Đồng Kè": "Đồng Kè Mới"})
    lists = {"Nà Mòn": na_mon, **({"Đồng Kè Mới": dk} if may == "refused" else {})}
    o38.run_lists(folder, out, "2024-05", lists, refused=("Đồng Kè Mới",))
    june = {"Nà Mòn": [*na_mon, *MOVED], "Đồng Kè Mới": o38.dk_rows()} if back else {
        "Nà Mòn": na_mon, "Đồng Kè Mới": dk}  # fmt: skip
    o38.run_lists(folder, out, "2024-06", june)
    return json.loads((out / "2024-06" / "TongHop_2024-06.json").read_text("utf-8")), out


def _tables(summary: dict, key: str) -> dict:
    found = {h["hamlet"]: table(h[key]) for h in summary["hamlets"]}
    return {**found, None: table(summary["totals"][key])}


@pytest.mark.parametrize("may", ["refused", "silent"])
def test_the_three_back_in_na_mon_in_june_moved_in_from_dong_ke_moi(tmp_path, may):
    """Worked by hand, June. Month tables: Đồng Kè Mới against its April list under its name
    now (poor DK1, NM1, BC1, BC2; near-poor DK2): poor 4, moved out 3, 1; near-poor 1 to 1;
    Nà Mòn against its May list (poor NM2, NM3; near-poor NM4, NM5, BC3): poor 2, moved in 3,
    5; near-poor 3 to 3; the commune poor 6, out 3, in 3, 6, near-poor 4 to 4. Year tables
    (the merged start list): Nà Mòn poor 5 to 5, near-poor 3 to 3; Đồng Kè Mới 1 to 1 and 1 to
    1. Before: Đồng Kè Mới's April list was not its baseline (its own DK1, DK2, under Đồng Kè
    Mới on the kept start list the store rewrote, were read as households moved into it, so
    no rename was found): its month table against the start list, 1 to 1, and Nà Mòn's three
    new ("Phát sinh mới"), the commune poor 3, new 3, 6. The month rows name the hamlets the
    plan has: Nà Mòn's three "Chuyển đến từ Đồng Kè Mới"."""
    summary, out = _june(tmp_path, may, back=True)
    month = _tables(summary, "movements_month")
    assert month["Đồng Kè Mới"] == ((4, 0, 0, 0, 3, 0, 0, 0, 0, 0, 1), STILL)
    assert month["Nà Mòn"] == ((2, *[0] * 7, 3, 0, 5), (3, *[0] * 9, 3))
    assert month[None] == ((6, 0, 0, 0, 3, 0, 0, 0, 3, 0, 6), (4, *[0] * 9, 4))
    year = _tables(summary, "movements")
    assert year["Nà Mòn"] == ((5, *[0] * 9, 5), (3, *[0] * 9, 3))
    assert year["Đồng Kè Mới"] == (STILL, STILL)
    assert listed_movements(out, "2024-06") == [
        *[("Nà Mòn", code, "Chuyển đến từ Đồng Kè Mới", "So với tháng trước") for code in CODES],
        *[("Đồng Kè Mới", code, "Chuyển sang Nà Mòn", "So với tháng 4/2024") for code in CODES],
    ]


def test_a_hamlet_renamed_alone_and_silent_its_households_moved_in_from_its_name_now(tmp_path):
    """No merger: the plan renames Đồng Kè alone ('Đồng Kè Mới', silent in May); Bản Cọ lists
    BC3 in May and June. June, NM1, BC1, BC2 on Nà Mòn's list, Đồng Kè Mới's own two on its
    own. Worked by hand: Nà Mòn's month table (against May's NM2-NM5) poor 2, moved in 3, 5,
    its rows "Chuyển đến từ Đồng Kè Mới" (the name the plan has; the move's other row, Đồng Kè
    Mới's "Chuyển sang Nà Mòn", names Nà Mòn); Đồng Kè Mới 4, moved out 3, 1; the commune 6,
    out 3, in 3, 6. Before (the figures right): "Chuyển đến từ Đồng Kè", a name the plan lacks:
    the month rows read the April list's hamlet under its name then."""
    folder, out = new_commune(tmp_path)
    na_mon, bc3 = o38.na_mon_rows()[1:], person("BC3", "near_poor")
    o38.run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon, "Bản Cọ": [bc3],
                                           "Đồng Kè": [*o38.dk_rows(), *MOVED]})  # fmt: skip
    write_renamed_plan(folder, {"Đồng Kè": "Đồng Kè Mới"})
    o38.run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon, "Bản Cọ": [bc3]})
    june = {"Nà Mòn": [*na_mon, *MOVED], "Bản Cọ": [bc3], "Đồng Kè Mới": o38.dk_rows()}
    o38.run_lists(folder, out, "2024-06", june)
    summary = json.loads((out / "2024-06" / "TongHop_2024-06.json").read_text("utf-8"))
    month = _tables(summary, "movements_month")
    assert month["Nà Mòn"][0] == (2, *[0] * 7, 3, 0, 5)
    assert month["Đồng Kè Mới"][0] == (4, 0, 0, 0, 3, 0, 0, 0, 0, 0, 1)
    assert month[None][0] == (6, 0, 0, 0, 3, 0, 0, 0, 3, 0, 6)
    rows = [row for row in listed_movements(out, "2024-06") if row[3] != "Từ đầu năm"]
    assert rows == [
        *[("Nà Mòn", code, "Chuyển đến từ Đồng Kè Mới", "So với tháng trước") for code in CODES],
        *[("Đồng Kè Mới", code, "Chuyển sang Nà Mòn", "So với tháng 4/2024") for code in CODES],
    ]


@pytest.mark.parametrize("may", ["refused", "silent"])
def test_the_three_still_in_dong_ke_moi_in_june_nothing_moved_this_month(tmp_path, may):
    """The guard (passes before too: this month's lists alone find the rename). Worked by hand,
    June: Đồng Kè Mới against its April list, poor 4 to 4, near-poor 1 to 1; Nà Mòn 2 to 2, 3
    to 3; the commune 6 to 6, 4 to 4. Year: Nà Mòn poor 5, moved out 3, 2, near-poor 3 to 3;
    Đồng Kè Mới poor 1, moved in 3, 4, near-poor 1 to 1; the commune 6, out 3, in 3, 6."""
    summary, _ = _june(tmp_path, may, back=False)
    month = _tables(summary, "movements_month")
    assert month["Đồng Kè Mới"] == ((4, *[0] * 9, 4), STILL)
    assert month["Nà Mòn"] == ((2, *[0] * 9, 2), (3, *[0] * 9, 3))
    assert month[None] == ((6, *[0] * 9, 6), (4, *[0] * 9, 4))
    year = _tables(summary, "movements")
    assert year["Nà Mòn"] == ((5, 0, 0, 0, 3, 0, 0, 0, 0, 0, 2), (3, *[0] * 9, 3))
    assert year["Đồng Kè Mới"] == ((1, *[0] * 7, 3, 0, 4), STILL)
