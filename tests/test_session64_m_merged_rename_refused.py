"""Session 64, M: the mergers oracle's seed 1834, reduced (docs/decisions.md, "Session 64: a
hamlet renamed at a merger, refused or silent then, its last list mostly of the merged hamlet's
households: the rename missed").

The small commune of tests.commune (Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1-BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor). In April NM1, BC1 and BC2 are on Đồng
Kè's list. The plan then merges Bản Cọ into Nà Mòn and renames Đồng Kè 'Đồng Kè Mới'; in May
Đồng Kè Mới's list is refused (or it sends nothing). NM1, BC1 and BC2 are where they were last
seen, in Đồng Kè, now Đồng Kè Mới (session 11; session 41's seed 13): moved out of Nà Mòn
(their start list's hamlet, the two merged), not exited. The run took them for exited: the
rename of Đồng Kè was missed, as its April list, without the households that moved into it
during the year, still held BC1 and BC2 (the kept start list has them under Bản Cọ, the plan's
under Nà Mòn, and the merger Bản Cọ -> Nà Mòn is not among the names baselines._moved_in_kept
is given). Fixed by helper M2: baselines._latest_named gives it the known mergers (``joined``)."""

from __future__ import annotations

import json

import pytest

import tests.test_session38_oracle as o38
from tests.commune import new_commune, person, write_merged_plan


def _year(hamlet: dict, column: str) -> tuple[int, ...]:
    year = hamlet["movements"][column]
    return year["start"], year["exited"], year["moved_out"], year["moved_in"], year["end"]


@pytest.mark.parametrize("may", ["refused", "silent"])
def test_moved_into_a_hamlet_renamed_at_a_merger_and_refused_is_moved_out(tmp_path, may):
    folder, out = new_commune(tmp_path)
    dk = [*o38.dk_rows(), person("BC1", "poor"), person("BC2", "poor"), person("NM1", "poor")]
    na_mon = o38.na_mon_rows()[1:]  # NM2, NM3 poor, NM4, NM5 near-poor: NM1 is in Đồng Kè
    bc3 = person("BC3", "near_poor")
    o38.run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon, "Bản Cọ": [bc3], "Đồng Kè": dk})
    write_merged_plan(folder, renamed={"Đồng Kè": "Đồng Kè Mới"})
    lists = {"Nà Mòn": [*na_mon, bc3]}
    if may == "refused":
        lists["Đồng Kè Mới"] = dk  # its household total 1, below the 5 it lists: refused whole
    by_name = o38.run_lists(folder, out, "2024-05", lists, refused=("Đồng Kè Mới",))
    assert by_name["Đồng Kè Mới"]["status"] == ("rejected" if may == "refused" else "missing")
    na_mon_now = by_name["Nà Mòn"]
    assert na_mon_now["merged_from"] == ["Bản Cọ"]
    # poor on the merged start list: NM1-NM3, BC1, BC2; NM2, NM3 still listed, NM1, BC1, BC2
    # last seen in Đồng Kè (now Đồng Kè Mới): moved out, none exited
    assert _year(na_mon_now, "poor") == (5, 0, 3, 0, 2)
    # near-poor: NM4, NM5, BC3, all still listed
    assert _year(na_mon_now, "near_poor") == (3, 0, 0, 0, 3)
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    # the commune's table is its accepted hamlets' (Nà Mòn alone): the same three moved out
    assert _year(summary["totals"], "poor") == (5, 0, 3, 0, 2)
