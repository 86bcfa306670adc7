"""Session 59 (helper A): a household on a hamlet's own list of a month that hamlet was held
apart in (its list read and stored, the hamlet left out: sessions 42, 51, 53), counted there the
month after, set beside an earlier list (the `--apart` oracle's seed 1876, found by session 58's
QA gate)."""

from __future__ import annotations

from pathlib import Path

from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_scenario
from tests.test_session53_apart_listing import apart_month as _month
from tests.test_session55_b_turn_pairing import listed_movements


def test_joined_on_its_own_list_held_apart_is_moved_in_from_where_that_month_had_it(tmp_path):
    """Worked by hand. April: the three hamlets' start lists (DK1 poor in Đồng Kè). May: DK1
    is on Nà Mòn's list (poor) and not on Đồng Kè's; NM2 is on a list naming no hamlet, off
    Nà Mòn's, so Nà Mòn is held apart (no table, out of the figures). Đồng Kè's May table
    (beside April: DK1 poor) has DK1 moved out to Nà Mòn. June: Nà Mòn lists its five and DK1,
    set beside its April list (NM1-NM3 poor): poor 3, moved in 1 ("Chuyển đến từ Đồng Kè"),
    4; the year's table alike. Before: the month's table said DK1 new ("Phát sinh mới": Nà
    Mòn's own May list was taken as where it was last listed, in Nà Mòn itself, so from
    nowhere), the commune's June new 1, beside May's move out to Nà Mòn never matched."""
    folder, out = new_commune(tmp_path)
    april = {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()}
    _month(folder, out, "2024-04", april)
    na_mon = [p for p in na_mon_rows() if p["ma_ho"] != "NM2"] + [person("DK1", "poor")]
    may = _month(folder, out, "2024-05",
                 {"Nà Mòn": na_mon, "Bản Cọ": bc_rows(), "Đồng Kè": [person("DK2", "near_poor")]},
                 [person("NM2", "poor")])  # fmt: skip
    assert may["Nà Mòn"]["status"] == "rejected"
    dk = may["Đồng Kè"]["movements_month"]["poor"]
    assert (dk["start"], dk["moved_out"], dk["end"]) == (1, 1, 0)
    june = _month(folder, out, "2024-06",
                  {"Nà Mòn": na_mon_rows(person("DK1", "poor")), "Bản Cọ": bc_rows(),
                   "Đồng Kè": [person("DK2", "near_poor")]})  # fmt: skip
    assert june["Nà Mòn"]["movements_month_from"] == "2024-04"
    for scope in ("movements_month", "movements"):
        poor = june["Nà Mòn"][scope]["poor"]
        got = (poor["start"], poor["moved_in"], poor["new"], poor["recounted"], poor["end"])
        assert (scope, got) == (scope, (3, 1, 0, 0, 4))
    assert june[""]["movements_month"]["poor"]["new"] == 0
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "DK1"] == [
        ("Nà Mòn", "DK1", "Chuyển đến từ Đồng Kè", "Từ đầu năm"),
        ("Đồng Kè", "DK1", "Chuyển sang Nà Mòn", "Từ đầu năm"),
        ("Nà Mòn", "DK1", "Chuyển đến từ Đồng Kè", "So với tháng 4/2024"),
    ]


def test_new_on_its_own_list_held_apart_is_new(tmp_path):
    """A guard (session 42's NM6): X1, on no list before, on Nà Mòn's May list held apart and
    counted in June: new in June's month table (beside April), as the year's (passes before)."""
    folder, out = new_commune(tmp_path)
    april = {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()}
    _month(folder, out, "2024-04", april)
    na_mon = [p for p in na_mon_rows() if p["ma_ho"] != "NM2"] + [person("X1", "poor")]
    _month(folder, out, "2024-05", {**april, "Nà Mòn": na_mon}, [person("NM2", "poor")])
    june = _month(folder, out, "2024-06", {**april, "Nà Mòn": na_mon_rows(person("X1", "poor"))})
    for scope in ("movements_month", "movements"):
        poor = june["Nà Mòn"][scope]["poor"]
        got = (poor["start"], poor["moved_in"], poor["new"], poor["end"])
        assert (scope, got) == (scope, (3, 0, 1, 4))


def test_the_apart_oracles_seed_1876_agrees(tmp_path: Path):
    """Seed 1876 (`python -m tests.test_session38_oracle 1876 1 --apart`): H2S15, poor on Đồng
    Kè's start list, held in Đồng Kè's January list (Đồng Kè held apart), on Nà Mòn's February
    list (Nà Mòn held apart; Đồng Kè's February table, beside the start list, moved it out to
    Nà Mòn), counted in Nà Mòn in March: moved in from Đồng Kè in Nà Mòn's March month table
    (beside its January list), as in the year's. Before, the run said new, the oracle
    counted it again."""
    assert run_scenario(1876, tmp_path, s53=True, apart=True) == []
