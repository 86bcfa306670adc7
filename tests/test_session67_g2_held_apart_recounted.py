"""Session 67 (helper G2): a household held last month in a row left out for an error of
another hamlet's list held apart (its list read and stored, the hamlet left out: sessions 42,
53), on its own hamlet's list now, is counted again ('Tính lại'), as where that list was
accepted (session 9; session 63: a list held apart then counts as read): the `--apart`
oracle's seed 3166, Đồng Kè's February (H2S0), where the oracle said new.

The small commune (tests.commune), January the year's first month. Nà Mòn's list writes its
five households but NM5, and DK1 (poor on Đồng Kè's start list) with a size of 0 (left out for
an error); NM5 is on a list naming no hamlet, so Nà Mòn is held apart (the twin: NM5 on Nà
Mòn's list, no such list, Nà Mòn accepted). Bản Cọ sends BC1-BC3, Đồng Kè DK2 alone. By hand,
Đồng Kè's January (year's) table beside the start list: poor 1, moved out 1 (DK1 'Chuyển sang Nà Mòn',
held there), 0; near-poor 1 to 1. February: every hamlet its start list (Đồng Kè DK1 poor, DK2
near-poor). Đồng Kè's month table beside its January list (DK2): poor 0, counted again 1
(DK1, 'Tính lại (dòng đã sửa lỗi)': its latest listing the row left out, never off the lists),
1; its year table beside the start list poor 1 to 1. Nà Mòn's month table (held apart: beside
its start list; accepted: its January list, NM1-NM3 poor) poor 3 to 3. The commune's month row
poor 5, counted again 1, 6. Both sides agree with the run (the run unchanged); the oracle said
new 1 where Nà Mòn was held apart (its `held_then` read only the hamlets' baselines, Nà Mòn's
its start list), and so the oracle is changed; the seed's February agrees with it now."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_scenario
from tests.test_session53_apart_listing import apart_month
from tests.test_session55_b_turn_pairing import listed_movements


def _poor(hamlet: dict, scope: str) -> tuple:
    m = hamlet[scope]["poor"]
    return (m["start"], m["moved_out"], m["new"], m["moved_in"], m["recounted"], m["end"])


@pytest.mark.parametrize("apart", [True, False], ids=["held-apart", "accepted"])
def test_held_in_a_list_held_apart_back_on_its_own_list_is_counted_again(tmp_path, apart):
    folder, out = new_commune(tmp_path)
    na_mon = [r for r in na_mon_rows() if r["ma_ho"] != "NM5" or not apart]
    nm5 = [r for r in na_mon_rows() if r["ma_ho"] == "NM5"] if apart else None
    january = apart_month(folder, out, "2024-01",
                          {"Nà Mòn": [*na_mon, person("DK1", "poor", nhan_khau=0)],
                           "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()[1:]}, nm5)  # fmt: skip
    assert january["Nà Mòn"]["status"] == ("rejected" if apart else "ok")
    assert _poor(january["Đồng Kè"], "movements") == (1, 1, 0, 0, 0, 0)
    february = apart_month(folder, out, "2024-02",
                           {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    assert _poor(february["Đồng Kè"], "movements_month") == (0, 0, 0, 0, 1, 1)
    assert _poor(february["Đồng Kè"], "movements") == (1, 0, 0, 0, 0, 1)
    assert _poor(february["Nà Mòn"], "movements_month") == (3, 0, 0, 0, 0, 3)
    assert _poor(february[""], "movements_month") == (5, 0, 0, 0, 1, 6)
    assert [r for r in listed_movements(out, "2024-02") if r[1] == "DK1"] == [
        ("Đồng Kè", "DK1", "Tính lại (dòng đã sửa lỗi)", "So với tháng trước"),
    ]


def test_the_apart_oracles_seed_3166_february_agrees(tmp_path: Path):
    """Seed 3166 (`python -m tests.test_session38_oracle 3166 1 --apart`): H2S0, poor on Đồng
    Kè's start list, held in a row of Nà Mòn's January list held apart, near-poor on Đồng Kè's
    February list: 'Tính lại' on both sides now (the oracle said new before). Its March
    (Khuôn Lăn's year table, H3S7) agrees since session 67 G3
    (tests/test_session67_g3_moved_into_a_row_twin_later.py)."""
    diffs = run_scenario(3166, tmp_path, s53=True, apart=True)
    assert [d for d in diffs if "2024-02" in d] == []
