"""Session 60 (helper F), R3's Left (a) of session 59: another hamlet's 'Thoát' row of a
household its own hamlet still lists (poor or near-poor) the same month. The code is written
twice: both rows are left out (CONTRACT §4) and were asked where the household lives (the
month after a silent month), or told the household moved to the 'Thoát' row's hamlet (a 'Thoát'
row read as a listing: its own hamlet told to delete its row, the 'Thoát' row to be kept). Now
each row is told the lists contradict each other ('duplicate-household-id' variants
'thoat-of-other' at the 'Thoát' row, to be deleted, and 'thoat-elsewhere' at the other, kept or
written 'Thoát' as the household is), naming the list that had it in its hamlet.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list. Nà Mòn's list
writes its five households in rows 5-9, a sixth row in row 10; Bản Cọ's BC1-BC3 in rows 5-7."""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import execute
from tests.commune import new_commune, person
from tests.summaries import hamlet_figures
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists

BC = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
GONE = person("BC2", "exited")


def of_other(period: str, listed: str) -> str:
    """The words at Nà Mòn's 'Thoát' row (B10)."""
    return (
        f"Mã hộ 'BC2' bị trùng với xóm Bản Cọ, tệp DS_1_{period}.xlsx, dòng 6, cùng chủ hộ. "
        f"Dòng này ghi hộ 'Thoát', nhưng hộ là hộ của xóm kia ({listed} ghi hộ ở xóm đó) và "
        "danh sách kỳ này của xóm đó vẫn ghi hộ là hộ nghèo hoặc cận nghèo: hai danh sách trái "
        "nhau, nên cả hai dòng tạm chưa được tính. Dòng 'Thoát' của một hộ chỉ ghi trong danh "
        "sách của xóm có hộ: hãy xóa dòng này khỏi danh sách của xóm Nà Mòn. Nếu hộ đã thoát "
        "nghèo, xóm kia ghi Phân loại hộ 'Thoát' ở dòng của hộ (giữ nguyên Mã hộ). Nếu ghi nhầm "
        "Mã hộ (hộ là của xóm Nà Mòn), hãy sửa lại Mã hộ cho đúng."
    )


def elsewhere(period: str, listed: str) -> str:
    """The words at Bản Cọ's row of BC2 (B6)."""
    return (
        f"Mã hộ 'BC2' bị trùng với xóm Nà Mòn, tệp DS_0_{period}.xlsx, dòng 10, cùng chủ hộ, "
        f"dòng đó ghi hộ 'Thoát'. Hộ là hộ của xóm Bản Cọ ({listed} ghi hộ ở xóm Bản Cọ) và "
        "dòng này vẫn ghi hộ là hộ nghèo hoặc cận nghèo: hai danh sách trái nhau, nên cả hai "
        "dòng tạm chưa được tính. Xóm kia cần xóa dòng 'Thoát' của hộ. Nếu hộ vẫn là hộ nghèo "
        "hoặc cận nghèo, hãy giữ nguyên dòng này; nếu hộ đã thoát nghèo, hãy ghi Phân loại hộ "
        "'Thoát' ở dòng này (giữ nguyên Mã hộ)."
    )


def _poor(result, hamlet: str, scope: str = "movements") -> tuple[int, ...]:
    """(start, exited, not counted, moved in, moved out, end) of a hamlet's poor row."""
    row = hamlet_figures(result, hamlet)[scope]["poor"]
    keys = ("start", "exited", "not_counted", "moved_in", "moved_out", "end")
    return tuple(row[k] for k in keys)


def _said(result) -> list[tuple]:
    return [(i.hamlet, i.cell, i.variant, i.message()) for i in result.issues
            if i.code == "duplicate-household-id"]  # fmt: skip


def test_thoat_row_kept_the_month_its_hamlet_lists_it_again(tmp_path):
    """April: the three send. May: Bản Cọ silent, Nà Mòn writes BC2 'Thoát' (said,
    'other-hamlet'). June: Bản Cọ lists BC1-BC3 again, Nà Mòn still writes BC2 'Thoát' in row
    10. By hand, June: BC2 written twice, both rows left out: Bản Cọ's year and month 2 - 1 not
    counted = 1, Nà Mòn's 3 = 3. Said at B10 (the 'Thoát' row: delete it) and B6 (Bản Cọ's:
    keep it, or write it 'Thoát'), naming April's list (failed before: both asked where the
    household lives). `check` of June's folder says them so too."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": dk_rows()})  # fmt: skip
    run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(GONE), "Đồng Kè": dk_rows()})
    run_lists(folder, out, "2024-06",
              {"Nà Mòn": na_mon_rows(GONE), "Bản Cọ": BC, "Đồng Kè": dk_rows()})  # fmt: skip
    june = execute(folder, out, "2024-06")[0]
    assert _poor(june, "Bản Cọ") == _poor(june, "Bản Cọ", "movements_month") == (
        2, 0, 1, 0, 0, 1)  # fmt: skip
    assert _poor(june, "Nà Mòn") == _poor(june, "Nà Mòn", "movements_month") == (
        3, 0, 0, 0, 0, 3)  # fmt: skip
    listed = "danh sách tháng 4/2024"
    assert sorted(_said(june)) == [
        ("Bản Cọ", "B6", "thoat-elsewhere", elsewhere("2024-06", listed)),
        ("Nà Mòn", "B10", "thoat-of-other", of_other("2024-06", listed)),
    ]
    english = next(i for i in june.issues if i.variant == "thoat-of-other").message("en")
    assert english.startswith(
        "Household code 'BC2' is also used at hamlet Bản Cọ, file DS_1_2024-06.xlsx, row 6, for "
        "the same head. This row marks it 'Thoát', but the household is the other hamlet's (the "
        "list of 04/2024 lists it there)"
    )
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    assert (
        f"DS_0_2024-06.xlsx, Danh sách, B10 (duplicate-household-id): {of_other('2024-06', listed)}\n"
        in checked
    )
    assert (
        f"DS_1_2024-06.xlsx, Danh sách, B6 (duplicate-household-id): {elsewhere('2024-06', listed)}\n"
        in checked
    )


def test_thoat_row_of_a_household_its_hamlet_lists_the_same_month(tmp_path):
    """May, nothing stored before: Bản Cọ lists BC1-BC3, Nà Mòn writes BC2 'Thoát' in row 10.
    By hand: Bản Cọ 2 - 1 not counted = 1, Nà Mòn 3 = 3. Said as the lists contradicting each
    other, naming the start list (failed before: Bản Cọ was told the household moved to Nà
    Mòn and to delete its row, Nà Mòn to keep its 'Thoát' row)."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-05",
              {"Nà Mòn": na_mon_rows(GONE), "Bản Cọ": BC, "Đồng Kè": dk_rows()})  # fmt: skip
    may = execute(folder, out, "2024-05")[0]
    assert _poor(may, "Bản Cọ") == (2, 0, 1, 0, 0, 1)
    assert _poor(may, "Nà Mòn") == (3, 0, 0, 0, 0, 3)
    listed = "danh sách đầu năm"
    assert sorted(_said(may)) == [
        ("Bản Cọ", "B6", "thoat-elsewhere", elsewhere("2024-05", listed)),
        ("Nà Mòn", "B10", "thoat-of-other", of_other("2024-05", listed)),
    ]


def test_a_moved_household_written_thoat_by_its_old_hamlet_is_told_moved(tmp_path):
    """The guard: NM2 (Nà Mòn's start list) on Bản Cọ's May list in row 8, Nà Mòn writing it
    'Thoát' (row 9, its other rows 5-8): Nà Mòn counted it before, so it moved, as before: at
    Nà Mòn's row 'moved-away' (delete it, no 'Thoát'), at Bản Cọ's 'moved-in' (passes before
    too)."""
    folder, out = new_commune(tmp_path)
    nm = [r for r in na_mon_rows() if r["ma_ho"] != "NM2"]
    run_lists(folder, out, "2024-05", {"Nà Mòn": [*nm, person("NM2", "exited")],
                                       "Bản Cọ": [*BC, person("NM2", "poor")],
                                       "Đồng Kè": dk_rows()})  # fmt: skip
    may = execute(folder, out, "2024-05")[0]
    assert sorted(s[:3] for s in _said(may)) == [
        ("Bản Cọ", "B8", "moved-in"), ("Nà Mòn", "B9", "moved-away")]  # fmt: skip
