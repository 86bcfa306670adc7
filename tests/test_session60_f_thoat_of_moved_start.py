"""Session 60 (helper F), R3's Left (d) of session 59: a start-list household of the list's own
hamlet, moved to a hamlet that is silent now and written 'Thoát' by its old hamlet two months
running, is said both months (the second month's row was read as the hamlet's own exit, its
latest stored row being that very 'Thoát' row, and the start list's own households were never
looked into). Its words say what the tables count: the year's table takes the row as the old
hamlet's exit (the start list has it there), the month's counts it nowhere until the new
hamlet's list comes without it (variant 'other-hamlet-start').

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

SAID = (
    "Hộ mã 'NM2' được ghi 'Thoát' trong danh sách của xóm Nà Mòn, nhưng danh sách tháng 4/2024 "
    "ghi hộ ở xóm Bản Cọ (hộ đã chuyển sang xóm Bản Cọ). Bảng biến động từ đầu năm tính hộ là "
    "thoát của xóm Nà Mòn, vì bảng đó so với danh sách đầu năm, danh sách này ghi hộ ở xóm Nà "
    "Mòn (hộ chuyển đi rồi thoát nghèo được tính là thoát của xóm có hộ trong danh sách đầu năm, "
    "cả khi xóm Bản Cọ đã nộp danh sách). Kỳ này xóm Bản Cọ chưa nộp danh sách, nên bảng biến "
    "động trong tháng chưa tính hộ là thoát ở xóm nào: khi danh "
    "sách của xóm Bản Cọ được tổng hợp mà không còn hộ này, bảng trong tháng tính hộ là thoát "
    "của xóm Bản Cọ. Đề nghị xóm Bản Cọ ghi dòng của hộ vào danh sách của xóm mình với Phân loại "
    "hộ 'Thoát' (giữ nguyên Mã hộ) và xóm Nà Mòn xóa dòng này. Nếu hộ chưa chuyển đi (hộ vẫn là "
    "của xóm Nà Mòn), hãy báo xã để xóm Bản Cọ xóa dòng của hộ."
)


def _poor(result, hamlet: str, scope: str) -> tuple[int, ...]:
    """(start, moved in, moved out, exited, end) of a hamlet's poor row."""
    row = hamlet_figures(result, hamlet)[scope]["poor"]
    return tuple(row[k] for k in ("start", "moved_in", "moved_out", "exited", "end"))


def _said(result) -> list[tuple]:
    return [(i.hamlet, i.file, i.cell, i.value, i.variant, i.instead, i.message())
            for i in result.issues if i.code == "exited-not-listed-at-start"]  # fmt: skip


def test_a_moved_start_household_written_thoat_twice_is_said_both_months(tmp_path):
    """February: the three send, NM2 on Nà Mòn's list. March and April: NM2 on Bản Cọ's list,
    not on Nà Mòn's (moved: April, Nà Mòn's year 3 - 1 moved out = 2, Bản Cọ's 2 + 1 moved in
    = 3). May and June: Bản Cọ silent, Nà Mòn writes NM2 'Thoát' (row 9). By hand, both
    months: Nà Mòn's year 3 - 1 exited = 2 (the start list's household, its 'Thoát' row here),
    its month (NM1, NM3 on April's list) 2 = 2; said at B9 naming April's list of Bản Cọ, with
    the year's count told (June failed before: nothing said; May's words said the exit
    counted nowhere). July: Bản Cọ sends BC1-BC3, Nà Mòn drops the row: Bản Cọ's month
    (April's list) 3 - 1 exited = 2, nothing said."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-02",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": dk_rows()})  # fmt: skip
    for period in ("2024-03", "2024-04"):
        run_lists(folder, out, period, {"Nà Mòn": WITHOUT_NM2, "Bản Cọ": [*BC, person("NM2", "poor")],
                                        "Đồng Kè": dk_rows()})  # fmt: skip
    april = execute(folder, out, "2024-04")[0]
    assert _poor(april, "Nà Mòn", "movements") == (3, 0, 1, 0, 2)
    assert _poor(april, "Bản Cọ", "movements") == (2, 1, 0, 0, 3)
    for period in ("2024-05", "2024-06"):
        run_lists(folder, out, period,
                  {"Nà Mòn": [*WITHOUT_NM2, person("NM2", "exited")], "Đồng Kè": dk_rows()})  # fmt: skip
        result = execute(folder, out, period)[0]
        assert _poor(result, "Nà Mòn", "movements") == (3, 0, 0, 1, 2), period
        assert _poor(result, "Nà Mòn", "movements_month") == (2, 0, 0, 0, 2), period
        assert hamlet_figures(result, "Bản Cọ")["status"] == "missing"
        assert _said(result) == [("Nà Mòn", f"DS_0_{period}.xlsx", "B9", "NM2",
                                  "other-hamlet-start", "Bản Cọ", SAID)], period  # fmt: skip
    english = next(i for i in result.issues if i.code == "exited-not-listed-at-start")
    assert english.message("en").startswith(
        "Household 'NM2' is marked 'Thoát' on the list of hamlet Nà Mòn, but the list of "
        "04/2024 lists it in hamlet Bản Cọ (it moved to hamlet Bản Cọ). The table since the "
        "start of the year counts it as an exit of hamlet Nà Mòn"
    )
    run_lists(folder, out, "2024-07",
              {"Nà Mòn": WITHOUT_NM2, "Bản Cọ": BC, "Đồng Kè": dk_rows()})  # fmt: skip
    july = execute(folder, out, "2024-07")[0]
    assert _poor(july, "Bản Cọ", "movements_month") == (3, 0, 0, 1, 2)
    assert _said(july) == []


def test_a_household_counted_here_since_its_move_is_its_own_exit(tmp_path):
    """The guard: NM2 on Bản Cọ's March list, back on Nà Mòn's in April (Bản Cọ's April list
    without it); May, Bản Cọ silent, Nà Mòn writes NM2 'Thoát'. By hand, May: Nà Mòn's year
    3 - 1 exited = 2, its month (April's NM1-NM3) 3 - 1 exited = 2: its own exit, nothing
    said (passes before too)."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-03", {"Nà Mòn": WITHOUT_NM2, "Bản Cọ": [*BC, person("NM2", "poor")],
                                       "Đồng Kè": dk_rows()})  # fmt: skip
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": dk_rows()})  # fmt: skip
    run_lists(folder, out, "2024-05",
              {"Nà Mòn": [*WITHOUT_NM2, person("NM2", "exited")], "Đồng Kè": dk_rows()})  # fmt: skip
    may = execute(folder, out, "2024-05")[0]
    assert _poor(may, "Nà Mòn", "movements") == (3, 0, 0, 1, 2)
    assert _poor(may, "Nà Mòn", "movements_month") == (3, 0, 0, 1, 2)
    assert _said(may) == []


def test_a_moved_start_households_thoat_row_its_new_hamlet_refused(tmp_path):
    """As the first test to April; May: Bản Cọ's list refused whole (its household total 1:
    DS_1_2024-05.xlsx), Nà Mòn writes NM2 'Thoát' in row 9. By hand, May: Nà Mòn's year 3 - 1
    exited = 2; said at B9, variant 'other-hamlet-start-refused', naming the refused file (said
    'other-hamlet-refused' before, its exit "counted in no hamlet")."""
    folder, out = new_commune(tmp_path)
    for period in ("2024-03", "2024-04"):
        run_lists(folder, out, period, {"Nà Mòn": WITHOUT_NM2, "Bản Cọ": [*BC, person("NM2", "poor")],
                                        "Đồng Kè": dk_rows()})  # fmt: skip
    run_lists(folder, out, "2024-05", {"Nà Mòn": [*WITHOUT_NM2, person("NM2", "exited")],
                                       "Bản Cọ": BC, "Đồng Kè": dk_rows()}, refused=("Bản Cọ",))  # fmt: skip
    may = execute(folder, out, "2024-05")[0]
    assert hamlet_figures(may, "Bản Cọ")["status"] == "rejected"
    assert _poor(may, "Nà Mòn", "movements") == (3, 0, 0, 1, 2)
    issue = next(i for i in may.issues if i.code == "exited-not-listed-at-start")
    assert (issue.cell, issue.variant, issue.elsewhere) == (
        "B9", "other-hamlet-start-refused", "DS_1_2024-05.xlsx")  # fmt: skip
    assert issue.message().startswith(
        "Hộ mã 'NM2' được ghi 'Thoát' trong danh sách của xóm Nà Mòn, nhưng danh sách tháng "
        "4/2024 ghi hộ ở xóm Bản Cọ (hộ đã chuyển sang xóm Bản Cọ). Bảng biến động từ đầu năm "
        "tính hộ là thoát của xóm Nà Mòn"
    )
