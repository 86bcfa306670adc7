"""Session 60 (helper B): a household held by name in its own hamlet's row without a Mã hộ
while the history walk had it in another hamlet's row left out under its code is that
household's row, not a newcomer's: counted the month after, it is counted again ('Tính lại'),
not new (the `--apart` band's seed 1963, August: H0S15)."""

from __future__ import annotations

from pathlib import Path

from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists, run_scenario
from tests.test_session55_b_turn_pairing import listed_movements


def _twin() -> dict:
    """Another household (another head, birth year and ID number) written under NM5's code in
    Bản Cọ's list, its size 0: left out for an error, holding the code there (session 53's
    'across' twin, seed 1963's June)."""
    return person("NM5", "near_poor", chu_ho="Lò Thị Trùng NM5", nam_sinh=1981, nhan_khau=0)


def _nameless() -> dict:
    """NM5's own row (its head's name and year as the start list's) with its Mã hộ left
    blank: left out for an error, holding NM5 by name in Nà Mòn (CONTRACT §4.3)."""
    return dict(person("NM5", "near_poor"), ma_ho=None)


def _may_june(tmp_path: Path) -> tuple[dict, dict, Path]:
    folder, out = new_commune(tmp_path)
    # April: Nà Mòn sends nothing; Bản Cọ's list holds the twin under NM5 (left out)
    run_lists(folder, out, "2024-04", {"Bản Cọ": [*bc_rows(), _twin()], "Đồng Kè": dk_rows()})
    na_mon = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
              person("NM4", "near_poor")]  # fmt: skip
    # May: Bản Cọ sends nothing; Nà Mòn writes NM5 without its code (left out)
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": [*na_mon, _nameless()], "Đồng Kè": dk_rows()})  # fmt: skip
    # June: Nà Mòn writes NM5 with its code again
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": [*na_mon, person("NM5", "near_poor")], "Đồng Kè": dk_rows()})  # fmt: skip
    return may, june, out


def _near(hamlet: dict, scope: str) -> tuple:
    m = hamlet[scope]["near_poor"]
    return (m["start"], m["not_counted"], m["new"], m["returned"], m["moved_in"],
            m["recounted"], m["end"])  # fmt: skip


def test_held_by_name_while_its_code_is_held_elsewhere_is_counted_again(tmp_path):
    """Worked by hand. The start list: NM4, NM5 near-poor in Nà Mòn. May, Nà Mòn (compared
    with the start list, silent in April): NM4 counted, NM5's row without a Mã hộ left out,
    held by name: near-poor start 2, not counted 1, end 1, both tables. June, beside May's
    list (NM4 counted, NM5 held): NM5 counted again, 'Tính lại': start 1, recounted 1, end
    2; the year's table beside the start list: 2 to 2, nothing moved. Before: the month's
    table said NM5 new ('Phát sinh mới', from no list): the walk took May's row by name for a
    newcomer's, NM5 being in Bản Cọ (its twin's row under the code, April) rather than gone
    from Nà Mòn's list."""
    may, june, out = _may_june(tmp_path)
    for scope in ("movements", "movements_month"):
        assert (scope, _near(may["Nà Mòn"], scope)) == (scope, (2, 1, 0, 0, 0, 0, 1))
    assert _near(june["Nà Mòn"], "movements_month") == (1, 0, 0, 0, 0, 1, 2)
    assert _near(june["Nà Mòn"], "movements") == (2, 0, 0, 0, 0, 0, 2)
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "NM5"] == [
        ("Nà Mòn", "NM5", "Tính lại (dòng đã sửa lỗi)", "So với tháng trước"),
    ]


def test_the_apart_oracles_seed_1963_agrees(tmp_path: Path):
    """Seed 1963 (`python -m tests.test_session38_oracle 1963 1 --apart`): H0S15, near-poor on
    Nà Mòn's start list; June, Nà Mòn's list refused ('across'), Bản Cọ's twin row under its
    code left out; July, Nà Mòn's row of it without a Mã hộ left out; August, counted: 'Tính
    lại' in Nà Mòn's month table. Before, the run said new."""
    assert run_scenario(1963, tmp_path, s53=True, apart=True) == []
