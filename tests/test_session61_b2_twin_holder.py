"""Session 61 (helper B2): a listed household's code written in two hamlets' rows left out for
an error, its own hamlet holding neither: the history walk moves it into the hamlet whose row
names its head, not into the first list read (helper H's seed 2362 of session 38's oracle).

The small commune (tests.commune): BC3 (Hoàng Văn BC3) near-poor on Bản Cọ's start list. The
twin: Lò Thị Trùng (1981, another ID number) written under 'BC3' in Nà Mòn's April list, a
valid row left out as the code written twice (§4 of the contract), beside Đồng Kè's row of
BC3 itself (poor, left out too). Session 54 (seed 1214): a household held in two hamlets' rows
left out, its first holder's next list leaving it off while the other hamlet's latest list
still holds it, never left a list: counted again where it is counted next."""

from __future__ import annotations

from tests.commune import new_commune, person
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements

TWIN = {"chu_ho": "Lò Thị Trùng", "nam_sinh": 1981}


def _poor(hamlet: dict, scope: str) -> dict:
    """The poor columns of a table that are not 0."""
    return {k: v for k, v in hamlet[scope]["poor"].items() if v}


def _bc() -> list[dict]:
    return [person("BC1", "poor"), person("BC2", "poor")]


def _bc3_said(out, period: str) -> list[tuple]:
    return [r for r in listed_movements(out, period) if r[1] == "BC3"]


def test_twin_read_first_does_not_take_the_household(tmp_path):
    """Worked by hand. April: Nà Mòn's list NM1-NM5 and the twin under BC3; Bản Cọ's BC1,
    BC2; Đồng Kè's DK1, DK2 and BC3 poor (both BC3 rows left out: the code written twice).
    May: Nà Mòn's NM1-NM5 (no BC3), Bản Cọ's BC1, BC2, Đồng Kè's list refused (its latest
    stays April's, holding BC3). June: Nà Mòn's NM1-NM5 and BC3 poor, Bản Cọ's BC1, BC2,
    Đồng Kè's DK1, DK2. Nà Mòn's June month table, poor: May's NM1-NM3 (start 3); BC3 last on
    Đồng Kè's latest list in a row left out and never off a list: counted again 1; end 4.
    The year's table: start 3 (NM1-NM3), BC3 moved in from Bản Cọ's start list (near-poor
    there), end 4. Before: the walk put BC3 in Nà Mòn (the twin's row, the first list read),
    whose May list left it off: gone in May, so June's month table said new 1 of which
    returned 1 ('Tái nghèo') for a household that never left a list."""
    folder, out = new_commune(tmp_path)
    twin = person("BC3", "poor", **TWIN)
    dk = [*dk_rows(), person("BC3", "poor")]
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(twin), "Bản Cọ": _bc(), "Đồng Kè": dk})
    run_lists(
        folder,
        out,
        "2024-05",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": _bc(), "Đồng Kè": dk},
        refused=("Đồng Kè",),
    )
    june = run_lists(
        folder,
        out,
        "2024-06",
        {"Nà Mòn": na_mon_rows(person("BC3", "poor")), "Bản Cọ": _bc(), "Đồng Kè": dk_rows()},
    )
    assert _poor(june["Nà Mòn"], "movements_month") == {"start": 3, "recounted": 1, "end": 4}
    assert _poor(june["Nà Mòn"], "movements") == {"start": 3, "moved_in": 1, "end": 4}
    assert _poor(june["Đồng Kè"], "movements_month") == {"start": 1, "end": 1}
    assert _bc3_said(out, "2024-06") == [
        ("Nà Mòn", "BC3", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
        ("Bản Cọ", "BC3", "Chuyển sang Nà Mòn", "Từ đầu năm"),
        ("Nà Mòn", "BC3", "Tính lại (dòng đã sửa lỗi)", "So với tháng trước"),
    ]


def test_household_read_first_beside_a_twin_is_held_as_before(tmp_path):
    """The guard (passes before too): the rows swapped. April: Nà Mòn's list NM1-NM5 and BC3
    itself (Hoàng Văn BC3, poor), Đồng Kè's DK1, DK2 and the twin under BC3 (both left out).
    May: Nà Mòn's list refused (its latest stays April's, holding BC3), Đồng Kè's DK1, DK2.
    June: Nà Mòn's NM1-NM5, Đồng Kè's DK1, DK2 and BC3 poor. By hand, Đồng Kè's June month
    table, poor: May's DK1 (start 1); BC3 last on Nà Mòn's latest list in a row left out and
    never off a list: counted again 1; end 2. The year's: DK1 (start 1), BC3 moved in from
    Bản Cọ's start list, end 2."""
    folder, out = new_commune(tmp_path)
    nm = na_mon_rows(person("BC3", "poor"))
    run_lists(
        folder,
        out,
        "2024-04",
        {"Nà Mòn": nm, "Bản Cọ": _bc(), "Đồng Kè": [*dk_rows(), person("BC3", "poor", **TWIN)]},
    )
    run_lists(
        folder,
        out,
        "2024-05",
        {"Nà Mòn": nm, "Bản Cọ": _bc(), "Đồng Kè": dk_rows()},
        refused=("Nà Mòn",),
    )
    june = run_lists(
        folder,
        out,
        "2024-06",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": _bc(), "Đồng Kè": [*dk_rows(), person("BC3", "poor")]},
    )
    assert _poor(june["Đồng Kè"], "movements_month") == {"start": 1, "recounted": 1, "end": 2}
    assert _poor(june["Đồng Kè"], "movements") == {"start": 1, "moved_in": 1, "end": 2}
