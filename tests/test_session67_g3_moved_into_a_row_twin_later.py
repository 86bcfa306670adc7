"""Session 67 (helper G3): a household the walk moved into a row left out for an error of
another hamlet's list, its own hamlet's row under its code naming another head later (a twin),
stays moved out: the `--apart` oracle's seed 3166, Khuôn Lăn's March (H3S7), where the run said
'Chưa tính (dòng có lỗi)'. By session 62 another head's row under the code holds not the
household; the walk asked that head only against the rows of the household's listing outside
the hamlet asked (its start list's row, in that very hamlet: none), so it took the row for the
household's own.

The small commune (tests.commune), January the year's first month. January: Nà Mòn its start
list, Bản Cọ BC1-BC3 and DK1 (poor on Đồng Kè's start list) marked 'Thoát' with 0 members (left
out for an error), Đồng Kè DK2 alone. February: Nà Mòn its start list, Đồng Kè DK2, Bản Cọ
silent. March: as February, and Đồng Kè writes DK1 poor for 'Lò Thị Trùng' (another head, a
twin: its own CCCD) with 0 members. By hand, Đồng Kè's year table (beside its start list:
DK1 poor) each month: poor 1, moved out 1 (DK1 'Chuyển sang Bản Cọ', held in Bản Cọ's row, Bản
Cọ silent since), 0; March's row of Lò Thị Trùng holds not DK1 (another head), so March is as
February: no 'Chưa tính' in Đồng Kè. Its March month table (beside February's DK2) moves no
poor household. Before the fix, March said poor 1, not counted 1 ('Chưa tính (dòng có lỗi)'),
moved out 0."""

from __future__ import annotations

from pathlib import Path

from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_scenario
from tests.test_session53_apart_listing import apart_month
from tests.test_session55_b_turn_pairing import listed_movements


def _poor(hamlet: dict, scope: str) -> tuple:
    m = hamlet[scope]["poor"]
    return (m["start"], m["moved_out"], m["new"], m["not_counted"], m["end"])


def _dk1(out: Path, period: str) -> list:
    return [r for r in listed_movements(out, period) if r[0] == "Đồng Kè" and r[1] == "DK1"]


def test_moved_into_a_row_elsewhere_then_a_twin_in_its_own_hamlet_stays_moved_out(tmp_path):
    folder, out = new_commune(tmp_path)
    thoat = person("DK1", "exited", nhan_khau=0)
    january = apart_month(folder, out, "2024-01",
                          {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows(), thoat],
                           "Đồng Kè": dk_rows()[1:]})  # fmt: skip
    assert _poor(january["Đồng Kè"], "movements") == (1, 1, 0, 0, 0)
    february = apart_month(folder, out, "2024-02",
                           {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows()[1:]})  # fmt: skip
    assert _poor(february["Đồng Kè"], "movements") == (1, 1, 0, 0, 0)
    twin = person("DK1", "poor", chu_ho="Lò Thị Trùng", nhan_khau=0)
    march = apart_month(folder, out, "2024-03",
                        {"Nà Mòn": na_mon_rows(), "Đồng Kè": [*dk_rows()[1:], twin]})  # fmt: skip
    assert _poor(march["Đồng Kè"], "movements") == (1, 1, 0, 0, 0)
    assert _poor(march["Đồng Kè"], "movements_month") == (0, 0, 0, 0, 0)
    assert _dk1(out, "2024-03") == [("Đồng Kè", "DK1", "Chuyển sang Bản Cọ", "Từ đầu năm")]


def test_the_apart_oracles_seed_3166_agrees(tmp_path: Path):
    """Seed 3166 (`python -m tests.test_session38_oracle 3166 1 --apart`): its March (Khuôn
    Lăn's year table, H3S7 moved out, not 'Chưa tính') agrees now, and so the whole seed."""
    assert run_scenario(3166, tmp_path, s53=True, apart=True) == []
