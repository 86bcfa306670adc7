"""Hamlets merged by the plan: the seeds session 42's merger oracle still got wrong (session
46).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list."""

from __future__ import annotations

from tests.commune import new_commune, person, write_merged_plan
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists


def test_merged_by_the_plan_while_two_of_its_five_left_the_lists_and_one_moved(tmp_path):
    """Found by the merger oracle (seed 300: 3 of 7 on the list of the hamlet joined, 2 left,
    2 elsewhere). Bản Cọ sends March's list (BC1, BC2, BC4 poor; BC3, BC5 near-poor; BC4 and
    BC5 new this year) and nothing in April; the plan merges it into Nà Mòn. In May Nà Mòn
    lists BC1 and BC2, Đồng Kè BC3; BC4 and BC5 are on no list. 2 of 5 on Nà Mòn's list is
    under half, so the plan's merger was not believed (session 43's second condition) and
    Nà Mòn was set beside its April list alone. A household that left the lists says nothing
    of the hamlet it joined: 2 of the 3 still listed are on Nà Mòn's list."""
    folder, out = new_commune(tmp_path)
    bc = [*bc_rows(), person("BC4", "poor"), person("BC5", "near_poor")]
    run_lists(folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": dk_rows()})
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows()})
    write_merged_plan(folder)
    by_name = run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(bc[0], bc[1]),
                                              "Đồng Kè": [*dk_rows(), bc[2]]})  # fmt: skip
    na_mon = by_name["Nà Mòn"]
    assert (na_mon["movements_month_from"], na_mon.get("merged_from")) == ("2024-03", ["Bản Cọ"])
    poor, near = na_mon["movements_month"]["poor"], na_mon["movements_month"]["near_poor"]
    # NM1-NM3 (April), BC1, BC2, BC4 (March) poor: BC4 left the lists
    assert (poor["start"], poor["exited"], poor["new"], poor["moved_in"], poor["end"]) == (
        6, 1, 0, 0, 5)  # fmt: skip
    # NM4, NM5 (April), BC3, BC5 (March) near-poor: BC3 moved to Đồng Kè, BC5 left the lists
    assert (near["start"], near["moved_out"], near["exited"], near["end"]) == (4, 1, 1, 2)
    near = by_name["Đồng Kè"]["movements_month"]["near_poor"]
    assert (near["start"], near["moved_in"], near["end"]) == (1, 1, 2)
