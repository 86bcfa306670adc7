"""Session 67 (helper RB), review of B's rule (a household's own row left out of a hamlet merged
since is its last row): the near cases B did not run, with the figures worked by hand.

B's fixture (tests.test_session67_b_own_row_merged): the small commune (tests.commune), NM5
(Hoàng Văn NM5, 1970) near-poor on Nà Mòn's start list beside NM4. April: Nà Mòn's list
without NM5 (Bản Cọ silent): it left the lists (Nà Mòn exited 1). May: Bản Cọ writes NM5's own
row (its head in NFD), Nà Mòn the twin under 'NM5' (Lò Thị Trùng, 1981): both left out, the
code written twice. June: the plan revised as each test says; the hamlet holding the own row
then lists that row alone (refused 'across'), Nà Mòn's side the twin. By session 66 A2's rule
NM5's last row is May's own-head row, so the twin holds it not in Nà Mòn: a move out, to the
hamlet that row's hamlet is part of now."""

from __future__ import annotations

import unicodedata

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets, start_list
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session61_b_other_household_rows import (
    asked_of,
    na_mon_with,
    near_of,
    other_head_nm5,
)


def _own_nm5() -> dict:
    """NM5's own row, its head's name typed decomposed (NFD) (B's)."""
    return {**person("NM5", "near_poor"),
            "chu_ho": unicodedata.normalize("NFD", "Hoàng Văn NM5")}  # fmt: skip


def _april_and_may(folder, out) -> None:
    """B's April and May (the module's docstring), with B's checks of them."""
    april = run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_with(False), "Đồng Kè": dk_rows()})
    assert near_of(april["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": [*na_mon_with(False), other_head_nm5()],
                     "Bản Cọ": [*bc_rows(), _own_nm5()], "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "not_counted": 1, "end": 1}
    assert asked_of(out, "2024-05") == []


def _merged_plan(folder, gone: str, into: str, name: str | None = None) -> None:
    """KeHoach_2024.xlsx revised: ``gone`` merged into ``into`` (named ``name`` from now on,
    if given), the two hamlets' start figures and start households under that name."""
    name = name or into
    old = next(h for h in plan_hamlets() if h["hamlet"] == gone)
    hamlets = [dict(h, hamlet=name,
                    **{c: h[c] + old[c] for c in ("start_households", "start_poor",
                                                  "start_near_poor")})
               if h["hamlet"] == into else h
               for h in plan_hamlets() if h["hamlet"] != gone]  # fmt: skip
    start = [dict(r, hamlet=name) if r["hamlet"] in (gone, into) else r for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)


def _nm5_of(out) -> list[tuple]:
    return [r for r in listed_movements(out, "2024-06") if r[1] == "NM5"]


def test_merged_and_renamed_at_once(tmp_path):
    """June: Bản Cọ merged into Đồng Kè, the merged hamlet named 'Đồng Kè Mới' (its list NM5's
    own row alone). Nà Mòn's June year table near-poor 2 − 1 moved out = 1 ("Chuyển sang Đồng
    Kè Mới"); its month (May's list: NM4) 1 to 1; nobody asked. Before B's fix: not counted 1
    ('Chưa tính (dòng có lỗi)'), as B's merger alone."""
    folder, out = new_commune(tmp_path)
    _april_and_may(folder, out)
    _merged_plan(folder, "Bản Cọ", "Đồng Kè", "Đồng Kè Mới")
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": [*na_mon_with(False), other_head_nm5()],
                      "Đồng Kè Mới": [_own_nm5()]})  # fmt: skip
    assert june["Đồng Kè Mới"]["status"] == "rejected"
    assert near_of(june["Nà Mòn"], "movements") == {"start": 2, "moved_out": 1, "end": 1}
    assert near_of(june["Nà Mòn"], "movements_month") == {"start": 1, "end": 1}
    assert _nm5_of(out) == [("Nà Mòn", "NM5", "Chuyển sang Đồng Kè Mới", "Từ đầu năm")]
    assert asked_of(out, "2024-06") == []


def test_the_hamlet_it_left_merged_since(tmp_path):
    """June: Nà Mòn (the hamlet NM5 left, holding the twin) merged into Đồng Kè; Đồng Kè's list
    Nà Mòn's households (NM4, the twin) beside its own, Bản Cọ's NM5's own row alone. Đồng
    Kè's June year table near-poor 3 (NM4, NM5, its own one) − 1 moved out = 2 ("Chuyển sang
    Bản Cọ"); its month (May's Nà Mòn and Đồng Kè lists: NM4, its own) 2 to 2. Before: not
    counted 1 (the hamlet of NM5's last row, Nà Mòn, found under no name)."""
    folder, out = new_commune(tmp_path)
    _april_and_may(folder, out)
    _merged_plan(folder, "Nà Mòn", "Đồng Kè")
    june = run_lists(folder, out, "2024-06",
                     {"Đồng Kè": [*dk_rows(), *na_mon_with(False), other_head_nm5()],
                      "Bản Cọ": [_own_nm5()]})  # fmt: skip
    assert june["Bản Cọ"]["status"] == "rejected"
    assert near_of(june["Đồng Kè"], "movements") == {"start": 3, "moved_out": 1, "end": 2}
    assert near_of(june["Đồng Kè"], "movements_month") == {"start": 2, "end": 2}
    assert _nm5_of(out) == [("Đồng Kè", "NM5", "Chuyển sang Bản Cọ", "Từ đầu năm")]
    assert asked_of(out, "2024-06") == []


def test_the_hamlet_of_its_row_joined_by_another(tmp_path):
    """June: Đồng Kè merged into Bản Cọ (the hamlet of NM5's own row absorbs the other; its
    list NM5's own row alone). Nà Mòn's June year table 2 − 1 moved out = 1 ("Chuyển sang
    Bản Cọ"), month 1 to 1. Passes before too (no stored name read otherwise)."""
    folder, out = new_commune(tmp_path)
    _april_and_may(folder, out)
    _merged_plan(folder, "Đồng Kè", "Bản Cọ")
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": [*na_mon_with(False), other_head_nm5()],
                      "Bản Cọ": [_own_nm5()]})  # fmt: skip
    assert near_of(june["Nà Mòn"], "movements") == {"start": 2, "moved_out": 1, "end": 1}
    assert near_of(june["Nà Mòn"], "movements_month") == {"start": 1, "end": 1}
    assert _nm5_of(out) == [("Nà Mòn", "NM5", "Chuyển sang Bản Cọ", "Từ đầu năm")]


def test_merged_the_month_it_left(tmp_path):
    """The plan revised before April: Bản Cọ merged into Đồng Kè. April: Nà Mòn without NM5,
    Đồng Kè's list (Bản Cọ's households with its own) without it too: NM5 left the lists
    (Nà Mòn exited 1), no hamlet silent it could have gone to. May: Đồng Kè writes NM5's own
    row, Nà Mòn the twin; June: Đồng Kè NM5's own row alone, Nà Mòn the twin. A row left out
    for an error brings no household back (session 10): Nà Mòn's June year table 2 − 1 exited
    = 1 ("Không còn trong danh sách từ tháng 4/2024 (không ghi 'Thoát')"), as the same lists
    with no merger and Đồng Kè in Bản Cọ's place (run by hand, scratch): the merger changes
    nothing. Passes before too."""
    folder, out = new_commune(tmp_path)
    _merged_plan(folder, "Bản Cọ", "Đồng Kè")
    april = run_lists(folder, out, "2024-04",
                      {"Nà Mòn": na_mon_with(False), "Đồng Kè": [*dk_rows(), *bc_rows()]})  # fmt: skip
    assert near_of(april["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    run_lists(folder, out, "2024-05",
              {"Nà Mòn": [*na_mon_with(False), other_head_nm5()],
               "Đồng Kè": [*dk_rows(), *bc_rows(), _own_nm5()]})  # fmt: skip
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": [*na_mon_with(False), other_head_nm5()],
                      "Đồng Kè": [_own_nm5()]})  # fmt: skip
    assert near_of(june["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    assert _nm5_of(out) == [
        (
            "Nà Mòn",
            "NM5",
            "Không còn trong danh sách từ tháng 4/2024 (không ghi 'Thoát')",
            "Từ đầu năm",
        ),
    ]


def test_a_twin_later_in_the_hamlet_its_row_joined(tmp_path):
    """June: Bản Cọ merged into Đồng Kè; Đồng Kè's list (its and Bản Cọ's households) writes
    under 'NM5' the twin's head with 0 members (left out for its size), Nà Mòn nothing of NM5.
    NM5's last row is May's in Bản Cọ, part of Đồng Kè now, and a code is one household within
    a hamlet: the row holds NM5 there. Nà Mòn's June year table 2 − 1 moved out = 1 ("Chuyển
    sang Đồng Kè"); Đồng Kè's (Bản Cọ's start near-poor 1 with its own 1) 2 + 1 moved in − 1
    not counted = 2 ("Chuyển đến từ Nà Mòn", "Chưa tính (dòng có lỗi)"); its month (May's
    lists: 2) 2 to 2. The same lists without the merger (Bản Cọ's June list the twin's row,
    run by hand, scratch): Bản Cọ 1 + 1 − 1 = 1, Đồng Kè 1 to 1, Nà Mòn the same: the merger
    only adds the two hamlets' columns."""
    folder, out = new_commune(tmp_path)
    _april_and_may(folder, out)
    _merged_plan(folder, "Bản Cọ", "Đồng Kè")
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": na_mon_with(False),
                      "Đồng Kè": [*dk_rows(), *bc_rows(), other_head_nm5(nhan_khau=0)]})  # fmt: skip
    assert near_of(june["Nà Mòn"], "movements") == {"start": 2, "moved_out": 1, "end": 1}
    assert near_of(june["Đồng Kè"], "movements") == {
        "start": 2, "not_counted": 1, "moved_in": 1, "end": 2}  # fmt: skip
    assert near_of(june["Đồng Kè"], "movements_month") == {"start": 2, "end": 2}
    assert _nm5_of(out) == [
        ("Nà Mòn", "NM5", "Chuyển sang Đồng Kè", "Từ đầu năm"),
        ("Đồng Kè", "NM5", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("Đồng Kè", "NM5", "Chưa tính (dòng có lỗi)", "Từ đầu năm"),
    ]
    assert asked_of(out, "2024-06") == []
