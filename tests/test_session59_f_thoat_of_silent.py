"""Session 59 (helper F), R3's Left (b) of session 58: another hamlet's household written
'Thoát' on a list while that hamlet sends nothing (or its list is refused) is said at the row's
Mã hộ that month. Its exit is counted in no hamlet that month (R3 pinned it: the row is the
list's, whose start list lacks it), and in that hamlet's once its list comes without it.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list. Each list
writes its households from row 5: Nà Mòn's five in rows 5-9, the 'Thoát' row in row 10 (its
Mã hộ in B10)."""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import execute
from tests.commune import new_commune, person, roster_edited, write_roster
from tests.summaries import hamlet_figures
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session47_mergers import bc5_rows

SAID = (
    "Hộ mã '{code}' được ghi 'Thoát' trong danh sách của xóm Nà Mòn, nhưng {listed} ghi hộ ở "
    "xóm Bản Cọ. {why}, nên hộ chưa được tính là thoát ở xóm nào: khi {when} mà không còn hộ "
    "này, hộ được tính là thoát của xóm Bản Cọ. Đề nghị xóm Bản Cọ ghi dòng của hộ vào danh "
    "sách của xóm mình với Phân loại hộ 'Thoát' (giữ nguyên Mã hộ) và xóm Nà Mòn xóa dòng này. "
    "Nếu ghi nhầm Mã hộ (hộ là của xóm Nà Mòn), hãy sửa lại Mã hộ cho đúng."
)
SILENT = ("Kỳ này xóm Bản Cọ chưa nộp danh sách", "danh sách của xóm Bản Cọ được tổng hợp")


def said(code: str, listed: str, why: str = SILENT[0], when: str = SILENT[1]) -> str:
    return SAID.format(code=code, listed=listed, why=why, when=when)


def _of_exits(result) -> list[tuple]:
    return [(i.hamlet, i.file, i.cell, i.value, i.variant, i.message())
            for i in result.issues if i.code == "exited-not-listed-at-start"]  # fmt: skip


def _poor(result, hamlet: str, scope: str = "movements") -> tuple[int, ...]:
    """(start, new, moved in, moved out, exited, end) of a hamlet's poor row."""
    row = hamlet_figures(result, hamlet)[scope]["poor"]
    return tuple(row[k] for k in ("start", "new", "moved_in", "moved_out", "exited", "end"))


def _may(tmp_path, heading: str | None = None, ban_co: list | None = None):
    """May, nothing stored before: Nà Mòn's list with BC2 (Bản Cọ's start-list poor) written
    'Thoát' in row 10 (or under ``heading`` in A10, the row in 11); Đồng Kè sends; Bản Cọ sends
    ``ban_co`` (None: nothing). Returns (the run's result, the input folder, Nà Mòn's file)."""
    folder, out = new_commune(tmp_path)
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 100,
                        na_mon_rows(person("BC2", "exited")))  # fmt: skip
    if heading is not None:
        with roster_edited(path) as sheet:
            sheet.insert_rows(10)
            sheet.cell(10, 1, heading)
    write_roster(folder, "DS_DongKe_2024-05.xlsx", "Đồng Kè", 150, dk_rows())
    if ban_co is not None:
        write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, ban_co)
    return execute(folder, out, "2024-05")[0], folder, path


def test_thoat_of_a_silent_hamlets_household_is_said_at_its_code(tmp_path):
    """By hand, May: Nà Mòn's tables (its start list: NM1-NM3 poor) 3 = 3, nothing exited (BC2
    is no household of its start list); Bản Cọ sends nothing: no figures; the start list
    writes BC2 in Bản Cọ. Said at B10, naming the start list and Bản Cọ (failed before: nothing
    said that month)."""
    result, _, _ = _may(tmp_path)
    assert _poor(result, "Nà Mòn") == (3, 0, 0, 0, 0, 3)
    assert hamlet_figures(result, "Bản Cọ")["status"] == "missing"
    assert _of_exits(result) == [("Nà Mòn", "DS_NaMon_2024-05.xlsx", "B10", "BC2", "other-hamlet",
                                  said("BC2", "danh sách đầu năm"))]  # fmt: skip
    english = next(i for i in result.issues if i.code == "exited-not-listed-at-start")
    assert english.message("en").startswith(
        "Household 'BC2' is marked 'Thoát' on the list of hamlet Nà Mòn, but the start-of-year "
        "list lists it in hamlet Bản Cọ. Hamlet Bản Cọ has sent no list this period"
    )


def test_under_a_heading_out_of_the_commune_too(tmp_path):
    """R3's fixture: 'Xóm Bản Cọ chuyển khỏi xã' in A10 over BC2 'Thoát' (row 11): the same
    words at B11; Nà Mòn 3 = 3 (failed before: nothing said)."""
    result, _, _ = _may(tmp_path, "Xóm Bản Cọ chuyển khỏi xã")
    assert _poor(result, "Nà Mòn") == (3, 0, 0, 0, 0, 3)
    assert [(s[2], s[4], s[5]) for s in _of_exits(result)] == [
        ("B11", "other-hamlet", said("BC2", "danh sách đầu năm"))
    ]


def test_a_refused_list_of_that_hamlet_is_named(tmp_path):
    """Bản Cọ's May list refused whole (its household total 1 below the three it lists): not
    consolidated, so the words name that file (failed before: nothing said)."""
    folder, out = new_commune(tmp_path)
    result = run_lists(folder, out, "2024-05", {
        "Nà Mòn": na_mon_rows(person("BC2", "exited")),
        "Bản Cọ": [person("BC1", "poor"), person("BC3", "near_poor"), person("BC2", "poor")],
        "Đồng Kè": dk_rows()}, refused=("Bản Cọ",))  # fmt: skip
    assert result["Bản Cọ"]["status"] == "rejected"
    issues = execute(folder, out, "2024-05")[0].issues
    found = [(i.cell, i.variant, i.elsewhere, i.message()) for i in issues
             if i.code == "exited-not-listed-at-start"]  # fmt: skip
    why = "Danh sách kỳ này của xóm Bản Cọ (DS_1_2024-05.xlsx) bị từ chối nên không được tổng hợp (xem các lỗi của danh sách đó)"
    when = "danh sách đó được sửa và tổng hợp lại"
    assert found == [("B10", "other-hamlet-refused", "DS_1_2024-05.xlsx",
                      said("BC2", "danh sách đầu năm", why, when))]  # fmt: skip


def test_a_household_new_this_year_is_named_by_the_month_that_listed_it(tmp_path):
    """March: Bản Cọ lists BC4 (poor, new this year). April: Bản Cọ sends nothing, Nà Mòn
    writes BC4 'Thoát' (row 10). By hand, April: Nà Mòn's year (start list) and month (March:
    NM1-NM3) 3 = 3; said at B10 naming March's list of Bản Cọ (failed before). May: Bản Cọ's
    list without BC4: its month's table (against its March list: BC1, BC2, BC4 poor) 3 - 1
    exited = 2, BC4 not asked to confirm (April's 'Thoát' kept), nothing said of April's row."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-03",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc5_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": na_mon_rows(person("BC4", "exited")), "Đồng Kè": dk_rows()})  # fmt: skip
    april = execute(folder, out, "2024-04")[0]
    assert _poor(april, "Nà Mòn") == _poor(april, "Nà Mòn", "movements_month") == (
        3, 0, 0, 0, 0, 3)  # fmt: skip
    assert [(s[2], s[5]) for s in _of_exits(april)] == [
        ("B10", said("BC4", "danh sách tháng 3/2024"))
    ]
    bc = [b for b in bc5_rows() if b["ma_ho"] != "BC4"]
    run_lists(folder, out, "2024-05",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc, "Đồng Kè": dk_rows()})  # fmt: skip
    may = execute(folder, out, "2024-05")[0]
    assert _poor(may, "Bản Cọ", "movements_month") == (3, 0, 0, 0, 1, 2)
    assert [i for i in may.issues if i.code in ("vanished-household", "exited-not-listed-at-start")
            and i.hamlet == "Bản Cọ"] == []  # fmt: skip


def test_nothing_said_where_that_hamlet_sends_or_the_household_moved_here(tmp_path):
    """Guards (passing before too). (1) Bản Cọ sends BC1, BC3 in May: BC2's exit is Bản Cọ's
    (start 2, exited 1, end 1), nothing said of Nà Mòn's row. (2) BC2 moved to Nà Mòn in April
    (Nà Mòn lists it poor, Bản Cọ drops it); May: Nà Mòn writes it 'Thoát', Bản Cọ silent: Nà
    Mòn's own exit (its month, against April's NM1-NM3 and BC2: 4 - 1 exited = 3), not said."""
    result, _, _ = _may(tmp_path, ban_co=[person("BC1", "poor"), person("BC3", "near_poor")])
    assert _poor(result, "Bản Cọ") == (2, 0, 0, 0, 1, 1)
    assert _of_exits(result) == []
    (tmp_path / "moved").mkdir()
    folder, out = new_commune(tmp_path / "moved")
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(person("BC2", "poor")),
                                       "Bản Cọ": [person("BC1", "poor"), person("BC3", "near_poor")],
                                       "Đồng Kè": dk_rows()})  # fmt: skip
    run_lists(folder, out, "2024-05",
              {"Nà Mòn": na_mon_rows(person("BC2", "exited")), "Đồng Kè": dk_rows()})  # fmt: skip
    may = execute(folder, out, "2024-05")[0]
    assert _poor(may, "Nà Mòn", "movements_month") == (4, 0, 0, 0, 1, 3)
    assert _of_exits(may) == []


def test_check_of_the_whole_folder_says_it_of_one_file_not(tmp_path):
    """`check` of the whole folder knows Bản Cọ sent nothing: the run's words at B10. Of Nà Mòn's
    file alone it does not know (Bản Cọ's list may be in the folder): not said."""
    _, folder, path = _may(tmp_path)
    line = (f"[Cảnh báo] DS_NaMon_2024-05.xlsx, Danh sách, B10 (exited-not-listed-at-start): "
            f"{said('BC2', 'danh sách đầu năm')}")  # fmt: skip
    whole = CliRunner().invoke(main, ["check", str(folder), "--no-history"]).output
    assert line + "\n" in whole
    plan = folder / "KeHoach_2024.xlsx"
    alone = CliRunner().invoke(main, ["check", str(path), str(plan), "--no-history"]).output
    assert "exited-not-listed-at-start" not in alone
