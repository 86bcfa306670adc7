"""Hamlets merged by the plan: the merger oracle's last two seeds (session 45).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list."""

from __future__ import annotations

from tests.commune import new_commune, write_merged_plan
from tests.test_session38_oracle import _bc, _dk, _month, _na_mon


def test_held_by_name_in_the_merged_hamlets_older_list_is_counted_again(tmp_path):
    """The merger oracle's seed 16. March: Bản Cọ's list writes BC2 without its Mã hộ (the row
    is left out and holds BC2 by name); April: Nà Mòn sends nothing and Bản Cọ lists BC1 and
    BC3; the plan merges Bản Cọ into Nà Mòn and May's list counts BC2. BC2 was on the lists at
    the end of March, its row's month: counted again (session 39), as with its code in that row
    (tests/test_session43_mergers.py). Its row held by name in a list older than Bản Cọ's
    latest matched nothing: new and back (tái nghèo)."""
    folder, out = new_commune(tmp_path)
    bc1, bc2, bc3 = _bc()
    lists = {"Nà Mòn": _na_mon(), "Bản Cọ": [bc1, dict(bc2, ma_ho=None), bc3], "Đồng Kè": _dk()}
    _month(folder, out, "2024-03", lists)
    _month(folder, out, "2024-04", {"Bản Cọ": [bc1, bc3], "Đồng Kè": _dk()})
    write_merged_plan(folder)
    by_name = _month(folder, out, "2024-05", {"Nà Mòn": _na_mon(*_bc()), "Đồng Kè": _dk()})
    # NM1-NM3 (March) and BC1 (April) poor; BC2 counted again
    poor = by_name["Nà Mòn"]["movements_month"]["poor"]
    assert (poor["start"], poor["new"], poor["returned"], poor["recounted"], poor["end"]) == (
        4, 0, 0, 1, 5)  # fmt: skip


def test_held_by_name_in_the_merged_hamlets_older_list_after_it_left_is_back(tmp_path):
    """The guard of the case above (session 39): BC2 left Bản Cọ's list in February, before its
    row without a Mã hộ in March. It was out of the lists at the end of March: back (tái
    nghèo) in May, not counted again."""
    folder, out = new_commune(tmp_path)
    bc1, bc2, bc3 = _bc()
    _month(folder, out, "2024-02", {"Nà Mòn": _na_mon(), "Bản Cọ": [bc1, bc3], "Đồng Kè": _dk()})
    lists = {"Nà Mòn": _na_mon(), "Bản Cọ": [bc1, dict(bc2, ma_ho=None), bc3], "Đồng Kè": _dk()}
    _month(folder, out, "2024-03", lists)
    _month(folder, out, "2024-04", {"Bản Cọ": [bc1, bc3], "Đồng Kè": _dk()})
    write_merged_plan(folder)
    by_name = _month(folder, out, "2024-05", {"Nà Mòn": _na_mon(*_bc()), "Đồng Kè": _dk()})
    poor = by_name["Nà Mòn"]["movements_month"]["poor"]
    assert (poor["start"], poor["new"], poor["returned"], poor["recounted"], poor["end"]) == (
        4, 1, 1, 0, 5)  # fmt: skip


def test_held_by_name_after_it_left_in_a_month_after_the_list_compared_with_is_back(tmp_path):
    """January: all three hamlets send; February: Nà Mòn sends nothing, Bản Cọ lists BC1 and
    BC3 (BC2 left the lists); March: Nà Mòn nothing, Bản Cọ writes BC2 without its Mã hộ; the
    plan merges Bản Cọ into Nà Mòn and April's list counts BC2. Nà Mòn is set beside its
    January list and Bản Cọ's March list. BC2 was out of the lists at the end of March, its
    row's month: back (tái nghèo). It was judged at January's end, Nà Mòn's list, where BC2 was
    listed: counted again."""
    folder, out = new_commune(tmp_path)
    bc1, bc2, bc3 = _bc()
    _month(folder, out, "2024-01", {"Nà Mòn": _na_mon(), "Bản Cọ": _bc(), "Đồng Kè": _dk()})
    _month(folder, out, "2024-02", {"Bản Cọ": [bc1, bc3], "Đồng Kè": _dk()})
    _month(folder, out, "2024-03", {"Bản Cọ": [bc1, dict(bc2, ma_ho=None), bc3], "Đồng Kè": _dk()})
    write_merged_plan(folder)
    by_name = _month(folder, out, "2024-04", {"Nà Mòn": _na_mon(*_bc()), "Đồng Kè": _dk()})
    na_mon = by_name["Nà Mòn"]
    assert (na_mon["movements_month_from"], na_mon["merged_from"]) == ("2024-01", ["Bản Cọ"])
    # NM1-NM3 (January) and BC1 (March) poor; BC2 back
    poor = na_mon["movements_month"]["poor"]
    assert (poor["start"], poor["new"], poor["returned"], poor["recounted"], poor["end"]) == (
        4, 1, 1, 0, 5)  # fmt: skip
