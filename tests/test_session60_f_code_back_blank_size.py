"""Session 60 (helper F), F's Left (2) of session 59: the code-back rule ('code-changed' variant
'returned-other-head') reads the household's size, and is silent where the earlier row's size is
blank. Walked through the real pipeline: a counted row never has a blank size ('Số nhân khẩu' is
required, 1 to 30, on a month's list and on the plan's start list alike; a blank leaves the row
out, 'invalid-household-size', and a list without the column is refused, 'missing-column'), so
the earlier row the rule compares with (poor, near-poor or 'Thoát': counted) always has one. A
row left out for its blank size is stored 'not_counted': the household has not left the lists
(nor been counted on them), so the code written after it for another head is no household
counted back, and the rule is not asked. Decided: no rule by name and birth year alone (these
tell a spouse or a child heading the household from another household no better than nothing;
session 49's spouse tests); these tests pin the two ways a blank size reaches the rule's months.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor on the plan's start
list; each head 'Hoàng Văn <code>' born 1970, four members, unless given. Nà Mòn's list writes
its start households in rows 5-9, NM6 in row 10 ('Số nhân khẩu' in column H)."""

from __future__ import annotations

from pipeline.run import execute
from tests.commune import new_commune, person
from tests.summaries import hamlet_figures
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists

BC = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
EM = person("NM6", "poor", chu_ho="Hà Thị Em", nam_sinh=1955, gioi_tinh="Nữ", nhan_khau=2)


def _months(folder, out, na_mon: dict[str, list]) -> dict:
    """Each month of ``na_mon`` (period -> Nà Mòn's rows) run, Bản Cọ and Đồng Kè as on the
    start list; returns each month's result."""
    results = {}
    for period, rows in na_mon.items():
        run_lists(folder, out, period, {"Nà Mòn": rows, "Bản Cọ": BC, "Đồng Kè": dk_rows()})
        results[period] = execute(folder, out, period)[0]
    return results


def _poor(result, scope: str = "movements") -> tuple[int, ...]:
    """(start, not counted, new, returned, end) of Nà Mòn's poor row."""
    row = hamlet_figures(result, "Nà Mòn")[scope]["poor"]
    return tuple(row[k] for k in ("start", "not_counted", "new", "returned", "end"))


def _said(result, code: str) -> list[tuple]:
    return [(i.cell, i.value, i.variant) for i in result.issues if i.code == code]


def test_an_earlier_row_without_its_size_was_never_counted(tmp_path):
    """February: NM6 'Lò Văn Tú' (1970) with 'Số nhân khẩu' blank: left out, said at H10, Nà
    Mòn 3 = 3 (not counted: it is no start household). March: NM6 not written. April: NM6 for
    'Hà Thị Em' (1955, 2 members). By hand, April: Nà Mòn's year 3 + 1 new (none returned) = 4;
    nothing said of the code (never counted before: no household back)."""
    folder, out = new_commune(tmp_path)
    tu = person("NM6", "poor", chu_ho="Lò Văn Tú", nhan_khau="")
    runs = _months(folder, out, {"2024-02": na_mon_rows(tu), "2024-03": na_mon_rows(),
                                 "2024-04": na_mon_rows(EM)})  # fmt: skip
    assert _said(runs["2024-02"], "invalid-household-size") == [("H10", "", "")]
    assert _poor(runs["2024-02"]) == (3, 0, 0, 0, 3)
    assert _poor(runs["2024-04"]) == (3, 0, 1, 0, 4)
    assert _said(runs["2024-04"], "code-changed") == []


def test_a_thoat_row_without_its_size_holds_the_household(tmp_path):
    """February: NM6 'Lò Văn Tú' (1970, 4 members) new; March: his 'Thoát' row with 'Số nhân
    khẩu' blank: left out, said at H10, the household held (not gone); April: NM6 for 'Hà Thị
    Em' (1955, 2 members). By hand, April: Nà Mòn's year 3 + 1 new (none returned: it never
    left the lists) = 4; nothing said of the code."""
    folder, out = new_commune(tmp_path)
    tu = person("NM6", "poor", chu_ho="Lò Văn Tú")
    gone = person("NM6", "exited", chu_ho="Lò Văn Tú", nhan_khau="")
    runs = _months(folder, out, {"2024-02": na_mon_rows(tu), "2024-03": na_mon_rows(gone),
                                 "2024-04": na_mon_rows(EM)})  # fmt: skip
    assert _poor(runs["2024-02"]) == (3, 0, 1, 0, 4)
    assert _said(runs["2024-03"], "invalid-household-size") == [("H10", "", "")]
    assert _poor(runs["2024-04"]) == (3, 0, 1, 0, 4)
    assert _said(runs["2024-04"], "code-changed") == []
