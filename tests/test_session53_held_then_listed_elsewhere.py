"""Session 53 (S): a household held in a row left out for an error in a hamlet's list, counted
on another hamlet's list the month after while that hamlet sends nothing, then listed by that
hamlet again, moved in to it (compared with last month: it was counted elsewhere), not
'recounted' (found by the QA gate's oracle, seed 801)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists


@pytest.mark.parametrize("refused", [False, True])
def test_held_then_counted_elsewhere_then_back_is_moved_in(tmp_path, refused):
    """BC1, poor on Bản Cọ's start list, is written twice on Bản Cọ's January list (both rows
    left out: held there). In February Bản Cọ sends nothing (or, ``refused``, a list refused
    whole for its 'Tổng số hộ dân cư' 'abc') and Nà Mòn counts BC1 poor. In March Bản Cọ lists
    BC1 near-poor (and Nà Mòn no longer does). Bản Cọ's March table compares with its January
    list, but BC1 was last counted in Nà Mòn (February): it moved in, as Nà Mòn's table has it
    moved out; before, Bản Cọ called it 'recounted' (its January row held it)."""
    folder, out = new_commune(tmp_path)
    twice = [person("BC1", "poor"), person("BC1", "poor")]
    run_lists(folder, out, "2024-01",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows()[1:] + twice, "Đồng Kè": dk_rows()})  # fmt: skip
    if refused:
        write_roster(
            folder, "BanCo_02.xlsx", "Bản Cọ", "abc", bc_rows(), "2024-02", date(2024, 3, 3)
        )
    february = run_lists(folder, out, "2024-02",
                         {"Nà Mòn": na_mon_rows(person("BC1", "poor")), "Đồng Kè": dk_rows()})  # fmt: skip
    assert february["Bản Cọ"]["status"] == ("rejected" if refused else "missing")
    if refused:
        (folder / "BanCo_02.xlsx").unlink()
    by_name = run_lists(folder, out, "2024-03",
                        {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows()[1:] + [person("BC1", "near_poor")],
                         "Đồng Kè": dk_rows()})  # fmt: skip
    month = by_name["Bản Cọ"]["movements_month"]["near_poor"]
    # January's list counted BC3 alone; BC1 comes from Nà Mòn's February list: 1 + 1 = 2
    assert (month["start"], month["moved_in"], month["recounted"], month["new"], month["end"]) == (
        1, 1, 0, 0, 2)  # fmt: skip
    poor = by_name["Bản Cọ"]["movements_month"]["poor"]
    # January's list counted BC2 alone (BC1's two rows left out): 1, unchanged
    assert (poor["start"], poor["moved_out"], poor["exited"], poor["end"]) == (1, 0, 0, 1)
    na_mon = by_name["Nà Mòn"]["movements_month"]["poor"]
    # February's NM1-NM3 and BC1; BC1 gone to Bản Cọ: 4 - 1 = 3
    assert (na_mon["start"], na_mon["moved_out"], na_mon["exited"], na_mon["end"]) == (4, 1, 0, 3)
