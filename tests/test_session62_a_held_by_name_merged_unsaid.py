"""Session 62, helper A: the mergers oracle's seed 1526 (docs/decisions.md, "Session 62: a row by
name in a part's list before a merger no month said holds its household").

The small commune (tests.commune). April: Bản Cọ's list holds BC2 (poor on its start list) in a
row without a Mã hộ (left out for an error: on the list, not counted, held by its head's name);
BC1 and BC3 are counted. The plan merges Bản Cọ into Nà Mòn from May (its start list writing
Bản Cọ's households under Nà Mòn). May: Đồng Kè alone sends (Nà Mòn silent: no stored month
says the merger). June: Nà Mòn's list is refused, and Đồng Kè's lists BC2 poor by its code.

Worked by hand, one household, one story: BC2 never left the lists (April's row by name held it
in its own hamlet's list; Nà Mòn, holding Bản Cọ's households since May, sent nothing valid
since). Counted in Đồng Kè in June: the month's table, beside Đồng Kè's May list (DK1 poor, DK2
near-poor) and the commune's month baseline, where no list counted BC2 (a row by name holds its
household in its own hamlet alone, session 9), has it new ('Phát sinh mới'), not back ('Tái
nghèo', returned 0); the year's table moves it in from Nà Mòn, whose start rows hold it. Both as
without the merger (Bản Cọ's June list refused instead: the guard)."""

from __future__ import annotations

from tests.commune import new_commune, person, write_merged_plan
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table

BC2_BY_NAME = dict(person("BC2", "poor"), ma_ho=None)
DK_STILL = (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)  # DK2, near-poor from start to end
# poor: DK1 at the start, BC2 new (returned 0), 2 at the end
MONTH = ((1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2), DK_STILL)
# poor: DK1 at the start, BC2 moved in from its start list's hamlet, 2 at the end
YEAR = ((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), DK_STILL)


def _june(tmp_path, april_refused: tuple = (), merged: bool = True) -> tuple:
    """April, May and June as the module says (``april_refused``: Nà Mòn's April list refused
    too, so that no month of the year accepts the merged hamlet; not ``merged``: the plan
    unchanged, Bản Cọ's June list refused). Returns (June's hamlets by name, the output)."""
    folder, out = new_commune(tmp_path)
    bc = [person("BC1", "poor"), dict(BC2_BY_NAME), person("BC3", "near_poor")]
    april = run_lists(folder, out, "2024-04",
                      {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": dk_rows()},
                      refused=april_refused)  # fmt: skip
    assert april["Bản Cọ"]["status"] == "ok"
    assert april["Bản Cọ"]["poor"] == 1  # BC1 (BC2's row left out)
    if merged:
        write_merged_plan(folder)
    run_lists(folder, out, "2024-05", {"Đồng Kè": dk_rows()})
    june = {"Nà Mòn" if merged else "Bản Cọ": [person("BC1", "poor"), person("BC3", "near_poor")],
            "Đồng Kè": [*dk_rows(), person("BC2", "poor")]}  # fmt: skip
    hamlets = run_lists(folder, out, "2024-06", june, refused=("Nà Mòn", "Bản Cọ"))
    return hamlets, out


def _said(out) -> list[tuple]:
    return [row for row in listed_movements(out, "2024-06") if row[1] == "BC2"]


def test_held_by_name_before_a_merger_no_month_said_is_new_not_back(tmp_path):
    """Nà Mòn accepted in April: Đồng Kè's June month table poor 1, new 1 of which returned 0,
    2; the commune's the same (Nà Mòn has no table). Before: returned 1, BC2 'Tái nghèo' (the
    walk read April's row under 'Bản Cọ' and the start list's BC2 under 'Nà Mòn': no match, so
    BC2 left the lists in April)."""
    june, out = _june(tmp_path)
    assert june["Nà Mòn"]["status"] == "rejected"
    assert table(june["Đồng Kè"]["movements_month"]) == MONTH
    assert table(june["Đồng Kè"]["movements"]) == YEAR
    assert _said(out) == [
        ("Đồng Kè", "BC2", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("Đồng Kè", "BC2", "Phát sinh mới", "So với tháng trước"),
    ]


def test_held_by_name_in_a_part_of_a_hamlet_no_month_accepted_is_new_not_moved_in(tmp_path):
    """The seed's own shape: Nà Mòn's April list refused too, so the merged hamlet has no list
    of the year (its start rows stand for its Nà Mòn part, session 59 A); BC2 was on Bản Cọ's
    April list, held there, not on no list of the year: new in the month's table, as above,
    not moved in from Nà Mòn's start rows. Before: returned 1 ('Tái nghèo'); with the walk's
    names alone fixed, moved in 1 ('Chuyển đến từ Nà Mòn' in both tables)."""
    june, out = _june(tmp_path, april_refused=("Nà Mòn",))
    assert table(june["Đồng Kè"]["movements_month"]) == MONTH
    assert table(june["Đồng Kè"]["movements"]) == YEAR
    assert _said(out) == [
        ("Đồng Kè", "BC2", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("Đồng Kè", "BC2", "Phát sinh mới", "So với tháng trước"),
    ]


def test_without_the_merger_the_same_household_is_new_too(tmp_path):
    """The guard (passes before too): the plan unchanged, Bản Cọ's June list refused: the same
    figures, the year's move in from Bản Cọ."""
    june, out = _june(tmp_path, merged=False)
    assert june["Bản Cọ"]["status"] == "rejected"
    assert table(june["Đồng Kè"]["movements_month"]) == MONTH
    assert table(june["Đồng Kè"]["movements"]) == YEAR
    assert _said(out) == [
        ("Đồng Kè", "BC2", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
        ("Đồng Kè", "BC2", "Phát sinh mới", "So với tháng trước"),
    ]


def _thoat_elsewhere_then_merged(tmp_path, code: str, apart: bool) -> tuple:
    """Seed 1495's shape (docs/decisions.md, the same section): April, the year's first stored
    month, Nà Mòn silent, Bản Cọ's list writes Nà Mòn's start household ``code`` 'Thoát' (BC1-BC3
    as on its start list), Đồng Kè DK1, DK2. The plan merges Bản Cọ into Nà Mòn from May; May
    Đồng Kè alone (``apart``: Nà Mòn's list beside Bản Cọ's old head's list apart, Nà Mòn held
    out); June Nà Mòn lists NM1-NM5 and BC1-BC3 without ``code``. Returns (June's hamlets, out)."""
    folder, out = new_commune(tmp_path)
    bc = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    run_lists(folder, out, "2024-04",
              {"Bản Cọ": [*bc, person(code, "exited")], "Đồng Kè": dk_rows()})  # fmt: skip
    write_merged_plan(folder)
    may = {"Đồng Kè": dk_rows()}
    if apart:
        may = {"Nà Mòn": na_mon_rows(), "Bản Cọ": list(bc), "Đồng Kè": dk_rows()}
    assert run_lists(folder, out, "2024-05", may)["Nà Mòn"]["status"] != "ok"
    june = [row for row in na_mon_rows(*bc) if row["ma_ho"] != code]
    return run_lists(folder, out, "2024-06", {"Nà Mòn": june, "Đồng Kè": dk_rows()}), out


def test_a_thoat_on_a_parts_first_list_is_told_when_its_own_list_comes_without_it(tmp_path):
    """Worked by hand: Nà Mòn, no month of the year accepted, is set beside its start rows and
    its Bản Cọ part's April list (month_from 'plan'); NM2's April 'Thoát' row, on another
    hamlet's list while Nà Mòn was silent, hides no start row (session 60 F's (d); session
    43): Nà Mòn's June list is the first without NM2. Month table poor NM1-NM3, BC1, BC2 = 5,
    NM2 gone 1, 4; near-poor NM4, NM5, BC3 3 to 3; the year's the same, NM2 'Thoát nghèo'.
    Before: month poor 4 to 4, nothing gone (May's run rewrote the kept start list under the
    merged plan, leaving NM2 out as said in its own hamlet: Bản Cọ is Nà Mòn now); NM1, Nà Mòn's
    first household (which the kept list always keeps), gave 5, 1 gone, 4 already."""
    for apart in (False, True):
        (tmp_path / str(apart)).mkdir()
        june, out = _thoat_elsewhere_then_merged(tmp_path / str(apart), "NM2", apart)
        month = ((5, 0, 1, 0, 0, 0, 0, 0, 0, 0, 4), (3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3))
        assert (apart, table(june["Nà Mòn"]["movements_month"])) == (apart, month)
        assert (apart, table(june["Nà Mòn"]["movements"])) == (apart, month)
        assert [row for row in listed_movements(out, "2024-06") if row[1] == "NM2"] == [
            ("Nà Mòn", "NM2", "Thoát nghèo", "Từ đầu năm"),
            ("Nà Mòn", "NM2", "Không còn trong danh sách (đề nghị xác nhận)",
             "So với danh sách đầu năm"),
        ]  # fmt: skip


def test_the_hamlets_first_household_gives_the_same_figures(tmp_path):
    """The guard (passes before too): NM1, the one the kept list keeps whatever the month says."""
    june, _ = _thoat_elsewhere_then_merged(tmp_path, "NM1", False)
    month = ((5, 0, 1, 0, 0, 0, 0, 0, 0, 0, 4), (3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3))
    assert table(june["Nà Mòn"]["movements_month"]) == month
