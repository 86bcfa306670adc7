"""Session 60 (helper F2, review of F): the year's table of a start household that moved to
another hamlet and then left poverty. It counts the exit in the hamlet the start list has it in
(the table compares each hamlet's start-of-year list with now), whichever hamlet wrote the
'Thoát' row and whether the new hamlet has sent since; the month's tables tell the path (moved
out, moved in, exited where it lived). F's words of 'other-hamlet-start' said the year's table
counted it there "for now" (tạm), as if it would move once the new hamlet sent: it does not.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list. Without NM2,
Nà Mòn's list writes NM1, NM3-NM5 in rows 5-8 and the 'Thoát' row of NM2 in row 9."""

from __future__ import annotations

from pipeline.run import execute
from tests.commune import new_commune, person
from tests.summaries import hamlet_figures
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists

BC = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
WITHOUT_NM2 = [r for r in na_mon_rows() if r["ma_ho"] != "NM2"]
MOVED = {"Nà Mòn": WITHOUT_NM2, "Bản Cọ": [*BC, person("NM2", "poor")], "Đồng Kè": dk_rows()}


def _poor(result, hamlet: str, scope: str) -> tuple[int, ...]:
    """(start, moved in, moved out, exited, end) of a hamlet's poor row."""
    row = hamlet_figures(result, hamlet)[scope]["poor"]
    return tuple(row[k] for k in ("start", "moved_in", "moved_out", "exited", "end"))


def _run(folder, out, period: str, lists: dict):
    run_lists(folder, out, period, lists)
    return execute(folder, out, period)[0]


def test_the_old_hamlets_thoat_row_counts_at_the_start_hamlet_for_good(tmp_path):
    """February: the three send, NM2 on Nà Mòn's list. March, April: NM2 on Bản Cọ's list
    (April's year: Nà Mòn 3 - 1 moved out = 2, Bản Cọ 2 + 1 moved in = 3). May, June: Bản Cọ
    silent, Nà Mòn writes NM2 'Thoát'. July: Bản Cọ sends BC1-BC3, Nà Mòn drops the row. By
    hand, July: the year's table (start list -> now): NM2 is Nà Mòn's start household on no
    list now, last written 'Thoát': Nà Mòn 3 - 1 exited = 2 (nothing moved), Bản Cọ 2 = 2;
    the month's (each hamlet's latest list -> now): Bản Cọ (April's BC1, BC2, NM2) 3 - 1
    exited = 2, Nà Mòn 2 = 2. May's words say the year's table counts it at Nà Mòn even
    once Bản Cọ sends, not "for now" (tạm: failed before)."""
    folder, out = new_commune(tmp_path)
    _run(folder, out, "2024-02", {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": dk_rows()})
    _run(folder, out, "2024-03", MOVED)
    april = _run(folder, out, "2024-04", MOVED)
    assert _poor(april, "Nà Mòn", "movements") == (3, 0, 1, 0, 2)
    assert _poor(april, "Bản Cọ", "movements") == (2, 1, 0, 0, 3)
    exited = {"Nà Mòn": [*WITHOUT_NM2, person("NM2", "exited")], "Đồng Kè": dk_rows()}
    may = _run(folder, out, "2024-05", exited)
    said = next(i for i in may.issues if i.code == "exited-not-listed-at-start")
    assert said.variant == "other-hamlet-start"
    assert "tạm tính" not in said.message()
    assert (
        "Bảng biến động từ đầu năm tính hộ là thoát của xóm Nà Mòn, vì bảng đó so với danh "
        "sách đầu năm, danh sách này ghi hộ ở xóm Nà Mòn (hộ chuyển đi rồi thoát nghèo được tính "
        "là thoát của xóm có hộ trong danh sách đầu năm, cả khi xóm Bản Cọ đã nộp danh sách). Kỳ "
        "này xóm Bản Cọ chưa nộp danh sách, nên bảng biến động trong tháng chưa tính hộ là thoát "
        "ở xóm nào"
    ) in said.message()
    assert "for now" not in said.message("en")
    _run(folder, out, "2024-06", exited)
    july = _run(folder, out, "2024-07",
                {"Nà Mòn": WITHOUT_NM2, "Bản Cọ": BC, "Đồng Kè": dk_rows()})  # fmt: skip
    assert _poor(july, "Nà Mòn", "movements") == (3, 0, 0, 1, 2)
    assert _poor(july, "Bản Cọ", "movements") == (2, 0, 0, 0, 2)
    assert _poor(july, "Nà Mòn", "movements_month") == (2, 0, 0, 0, 2)
    assert _poor(july, "Bản Cọ", "movements_month") == (3, 0, 0, 1, 2)
    assert [i for i in july.issues if i.code == "exited-not-listed-at-start"] == []


def test_the_new_hamlets_own_thoat_row_counts_at_the_start_hamlet_too(tmp_path):
    """The guard of the rule (passes before): March, April as above; May, Bản Cọ itself writes
    NM2 'Thoát' (the right list). By hand, May: the year's table Nà Mòn 3 - 1 exited = 2 (its
    start household, on no list as poor now), Bản Cọ 2 = 2; the month's Bản Cọ (April's BC1,
    BC2, NM2) 3 - 1 exited = 2, Nà Mòn 2 = 2: the same figures as Nà Mòn's row gives in July
    above, one rule; nothing said."""
    folder, out = new_commune(tmp_path)
    _run(folder, out, "2024-03", MOVED)
    _run(folder, out, "2024-04", MOVED)
    may = _run(folder, out, "2024-05", {"Nà Mòn": WITHOUT_NM2, "Bản Cọ": [*BC, person("NM2", "exited")],
                                        "Đồng Kè": dk_rows()})  # fmt: skip
    assert _poor(may, "Nà Mòn", "movements") == (3, 0, 0, 1, 2)
    assert _poor(may, "Bản Cọ", "movements") == (2, 0, 0, 0, 2)
    assert _poor(may, "Nà Mòn", "movements_month") == (2, 0, 0, 0, 2)
    assert _poor(may, "Bản Cọ", "movements_month") == (3, 0, 0, 1, 2)
    assert [i for i in may.issues if i.code == "exited-not-listed-at-start"] == []
