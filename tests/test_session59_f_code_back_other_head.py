"""Session 59 (helper F), session 58 F2's Left (c): a code back in its own hamlet under another
head. A Mã hộ is one household within a hamlet (CONTRACT §4.3; sessions 48, 49): a household
back on its list is counted back (tái nghèo), whoever heads it now. Where its latest earlier row
there names another head and a household size 2 or more apart, the code may have been given
to another household: said at its Mã hộ (code-changed, variant 'returned-other-head'), the
tables unchanged. A new head of the same household (a spouse, a child) keeps its members, or
one fewer or more: not said (session 49's spouse 'Lò Thị Mai', tests/test_session49_*, keeps
its size).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list. Each head is
'Hoàng Văn <code>' born 1970, four members, unless given. Nà Mòn's list writes its start
households in rows 5-9, the ones added after them from row 10 (Mã hộ in column B)."""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import execute
from tests.commune import new_commune, person
from tests.summaries import hamlet_figures
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists

BC = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
TU = person("NM6", "poor", chu_ho="Lò Văn Tú")


def em(code: str = "NM6", size: int = 2) -> dict:
    return person(code, "poor", chu_ho="Hà Thị Em", nam_sinh=1955, gioi_tinh="Nữ", nhan_khau=size)


def said(code: str, then: str, listed: str, now: str) -> str:
    return (
        f"Mã hộ '{code}' là mã của hộ {then} trong {listed}; nay ghi cho hộ {now}, chủ hộ khác "
        "và số nhân khẩu chênh từ 2 người trở lên; hộ vẫn được tính là hộ mã "
        f"'{code}' trở lại danh sách (tái nghèo hoặc tái cận nghèo). Nếu hộ đổi chủ hộ (vợ, "
        "chồng, con… làm chủ hộ): không cần sửa. Nếu là một hộ khác: xin xã cấp mã hộ riêng "
        "cho hộ này rồi ghi vào ô này; hộ sẽ được tính là hộ mới của xóm Nà Mòn, không phải "
        "tái nghèo."
    )


def _months(folder, out, na_mon: dict[str, list]):
    """Each month of ``na_mon`` (period -> Nà Mòn's households), Bản Cọ and Đồng Kè as on the
    start list; returns the last month's run result."""
    for period, rows in na_mon.items():
        run_lists(folder, out, period, {"Nà Mòn": rows, "Bản Cọ": BC, "Đồng Kè": dk_rows()})
    return execute(folder, out, period)[0]


def _poor(result, hamlet: str | None, scope: str) -> tuple[int, ...]:
    """(start, new, returned, moved in, moved out, exited, end) of the poor row of a hamlet's
    (None: the commune's) table."""
    figures = hamlet_figures(result, hamlet) if hamlet else result.summary["totals"]
    row = figures[scope]["poor"]
    keys = ("start", "new", "returned", "moved_in", "moved_out", "exited", "end")
    return tuple(row[k] for k in keys)


def _said(result) -> list[tuple]:
    return [(i.cell, i.value, i.variant, i.message()) for i in result.issues
            if i.code == "code-changed"]  # fmt: skip


def test_a_code_back_for_another_head_and_size_is_said(tmp_path):
    """February: Nà Mòn lists NM6 'Lò Văn Tú' (1970, 4 members; new this year) and three more
    new households; March: drops the four (each asked); April: NM6 for 'Hà Thị Em' (1955, 2
    members), NM7 for 'Lò Thị Mai' (his spouse, 3 members: he died), NM8 for its own head with
    1 member, NM9 for 'Hà Thị Na' with 5 members. By hand, April: Nà Mòn's year (start list
    NM1-NM3) and month (March: NM1-NM3) 3 + 4 new (4 returned) = 7; the commune's year 6 + 4 new
    = 10, 4 returned. Said at NM6's Mã hộ (B10) alone, naming February's list (failed before:
    nothing said); NM7-NM9 are one size off or the same head: not said. `check` of April's
    folder says it too."""
    folder, out = new_commune(tmp_path)
    others = [person("NM7", "poor", chu_ho="Lò Văn Hai"), person("NM8", "poor"),
              person("NM9", "poor", chu_ho="Hà Văn Tư")]  # fmt: skip
    back = [person("NM7", "poor", chu_ho="Lò Thị Mai", nhan_khau=3),
            person("NM8", "poor", nhan_khau=1),
            person("NM9", "poor", chu_ho="Hà Thị Na", nhan_khau=5)]  # fmt: skip
    april = _months(folder, out, {"2024-02": na_mon_rows(TU, *others), "2024-03": na_mon_rows(),
                                  "2024-04": na_mon_rows(em(), *back)})  # fmt: skip
    assert _poor(april, "Nà Mòn", "movements") == (3, 4, 4, 0, 0, 0, 7)
    assert _poor(april, "Nà Mòn", "movements_month") == (3, 4, 4, 0, 0, 0, 7)
    assert _poor(april, None, "movements") == (6, 4, 4, 0, 0, 0, 10)
    message = said("NM6", "'Lò Văn Tú' (năm sinh 1970, 4 nhân khẩu)", "danh sách tháng 2/2024",
                   "'Hà Thị Em' (năm sinh 1955, 2 nhân khẩu)")  # fmt: skip
    assert _said(april) == [("B10", "NM6", "returned-other-head", message)]
    english = next(i for i in april.issues if i.code == "code-changed").message("en")
    assert english == (
        "Mã hộ 'NM6' is the code of household 'Lò Văn Tú' (born 1970, 4 members) on the list "
        "of 02/2024; it is now written for household 'Hà Thị Em' (born 1955, 2 members), "
        "another head and a household size 2 or more apart; it is still counted as household "
        "'NM6' back on the lists (tái nghèo or tái cận nghèo). If the household's head has "
        "changed (a spouse, a child…): nothing to fix. If it is another household: ask the "
        "commune for this household's own Mã hộ and write it in this cell; it will be counted "
        "as new in hamlet Nà Mòn, not as back."
    )
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    assert f"[Cảnh báo] DS_0_2024-04.xlsx, Danh sách, B10 (code-changed): {message}\n" in checked


def test_a_code_written_thoat_then_back_names_the_thoat_row(tmp_path):
    """February: NM6 'Lò Văn Tú'; March: written 'Thoát' (his row: 4 members); April: NM6 for
    'Hà Thị Em' (2 members). By hand, April: Nà Mòn's year 3 + 1 new (returned 1) = 4, its
    month (March: NM1-NM3 poor, NM6 'Thoát') 3 + 1 new (returned 1) = 4. Said at B10, naming
    March's list (failed before)."""
    folder, out = new_commune(tmp_path)
    gone = person("NM6", "exited", chu_ho="Lò Văn Tú")
    april = _months(folder, out, {"2024-02": na_mon_rows(TU), "2024-03": na_mon_rows(gone),
                                  "2024-04": na_mon_rows(em())})  # fmt: skip
    assert _poor(april, "Nà Mòn", "movements") == (3, 1, 1, 0, 0, 0, 4)
    assert _poor(april, "Nà Mòn", "movements_month") == (3, 1, 1, 0, 0, 0, 4)
    message = said("NM6", "'Lò Văn Tú' (năm sinh 1970, 4 nhân khẩu)", "danh sách tháng 3/2024",
                   "'Hà Thị Em' (năm sinh 1955, 2 nhân khẩu)")  # fmt: skip
    assert _said(april) == [("B10", "NM6", "returned-other-head", message)]


def test_a_start_list_code_back_for_another_head_names_the_start_list(tmp_path):
    """February (the first month stored): Nà Mòn drops NM3 (the start list's 'Hoàng Văn NM3',
    4 members; asked). March: NM3 for 'Hà Thị Em' (1955, 1 member) in its row (row 7). No
    stored month of the year lists NM3: its latest row is the start list's. By hand, March:
    Nà Mòn's year (NM1-NM3) 3 = 3 (NM3 on both), its month (February: NM1, NM2) 2 + 1 new
    (returned 1) = 3. Said at B7, naming the start list (failed before)."""
    folder, out = new_commune(tmp_path)
    rows = na_mon_rows()
    march = _months(folder, out, {"2024-02": [r for r in rows if r["ma_ho"] != "NM3"],
                                  "2024-03": [*rows[:2], em("NM3", 1), *rows[3:]]})  # fmt: skip
    assert _poor(march, "Nà Mòn", "movements") == (3, 0, 0, 0, 0, 0, 3)
    assert _poor(march, "Nà Mòn", "movements_month") == (2, 1, 1, 0, 0, 0, 3)
    message = said("NM3", "'Hoàng Văn NM3' (năm sinh 1970, 4 nhân khẩu)", "danh sách đầu năm",
                   "'Hà Thị Em' (năm sinh 1955, 1 nhân khẩu)")  # fmt: skip
    assert _said(march) == [("B7", "NM3", "returned-other-head", message)]
