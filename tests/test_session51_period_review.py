"""Review of session 51's "a list of this month left at last month in 'Kỳ báo cáo' has its rows
checked" (consolidate.rows_told_uncounted; docs/decisions.md, session 51 review).

The stale list's own checks are said; nothing else of the run may move: its figures, the other
hamlets' messages, `--strict`. What its 'Kỳ báo cáo' cells say is the period warning's alone,
and the screen's notice says that the rows have errors too."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import execute
from tests.commune import person, submission_row, write_plan, write_roster
from tests.month_lists import january_left_at_december

ROOT = Path(__file__).resolve().parents[1]
JUNE = "2024-06"
AFTER_JUNE = date(2024, 7, 2)  # 'Ngày lập' of the June lists


def _june(folder: Path, stale: bool) -> None:
    """June: Nà Mòn NM1, NM2 poor (100 households), Đồng Kè DK1 poor (150) as June's lists;
    with ``stale``, Bản Cọ's June list left at 05/2024 ('DS_BanCo_2024-06.xlsx'): BC1 poor
    (row 5), DK1 poor (row 6, the code Đồng Kè lists this month), NM2 near-poor with 'Số nhân
    khẩu' 0 (row 7, H7: Nà Mòn's code), BC3 near-poor with its Mã hộ left blank (B8)."""
    folder.mkdir(parents=True)
    write_plan(folder)
    write_roster(folder, "DS_NaMon_2024-06.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor")], period=JUNE,
                 prepared=AFTER_JUNE)  # fmt: skip
    write_roster(folder, "DS_DongKe_2024-06.xlsx", "Đồng Kè", 150, [person("DK1", "poor")],
                 period=JUNE, prepared=AFTER_JUNE)  # fmt: skip
    if stale:
        rows = [person("BC1", "poor"), person("DK1", "poor"),
                person("NM2", "near_poor", nhan_khau=0), dict(person("BC3", "near_poor"), ma_ho=None)]  # fmt: skip
        write_roster(folder, "DS_BanCo_2024-06.xlsx", "Bản Cọ", 200, rows, prepared=AFTER_JUNE)


def _said(issues, stale: bool) -> list[tuple]:
    """(file, cell, code, variant, detail) of the issues of the stale list (``stale``) or of
    every other file."""
    return sorted(
        (i.file, i.cell, i.code, i.variant, str(i.detail))
        for i in issues
        if ("BanCo" in i.file) == stale
    )


def _cli_run(folder: Path, out: Path) -> subprocess.CompletedProcess:
    """`giamngheo run --strict` as the officer types it."""
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--input", str(folder), "--output", str(out),
         "--strict", "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_a_stale_list_moves_no_figure_no_other_hamlets_message_nor_strict(tmp_path):
    """The June run with Bản Cọ's stale list, and without that file: the JSON is the same but
    for its issue counts (2 errors, 1 warning more: the list's size and blank code, the period
    warning); Bản Cọ 'missing' both times; the commune's figures Nà Mòn's and Đồng Kè's:
    250 households, 3 poor (NM1, NM2, DK1), 0 near-poor. DK1, also on Đồng Kè's counted list,
    and NM2, on Nà Mòn's, are no code twice in the commune: the other lists' messages are the
    same in both runs. `--strict` exits 0 in both (the list is not refused: as before), and
    the screen's notice for Bản Cọ says its 2 errors and where they are listed."""
    runs = {}
    for stale in (True, False):
        folder, out = tmp_path / str(stale) / "vao", tmp_path / str(stale) / "ra"
        _june(folder, stale)
        result, written, _ = execute(folder, out, None)
        summary = json.loads(written["json"].read_text(encoding="utf-8"))
        runs[stale] = (folder, out, result, summary)
    (_, _, with_it, said), (_, _, without, alone) = runs[True], runs[False]
    assert {k: v for k, v in said.items() if k != "issues"} == {
        k: v for k, v in alone.items() if k != "issues"
    }
    totals = said["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (250, 3, 0)
    assert {h["hamlet"]: h["status"] for h in said["hamlets"]}["Bản Cọ"] == "missing"
    assert (said["issues"]["errors"], alone["issues"]["errors"]) == (2, 0)
    assert said["issues"]["warnings"] == alone["issues"]["warnings"] + 1
    assert (said["issues"]["rows_left_out"], alone["issues"]["rows_left_out"]) == (0, 0)
    assert _said(with_it.issues, stale=False) == _said(without.issues, stale=False)
    assert [(cell, code, variant) for _, cell, code, variant, _ in _said(with_it.issues, True)] == [
        ("B4", "period-differs-from-file-name", ""),
        ("B8", "missing-household-id", "start"),
        ("H7", "invalid-household-size", ""),
    ]
    for stale in (True, False):
        folder, out, _, _ = runs[stale]
        done = _cli_run(folder, out)
        assert "Traceback" not in done.stderr
        assert done.returncode == 0
        notices = [line for line in done.stdout.splitlines() if "Bản Cọ" in line]
        if not stale:
            assert notices == ["  Chưa nộp: Bản Cọ"]
            continue
        assert notices[1].startswith(
            "CHÚ Ý: Xóm Bản Cọ được tính là chưa nộp kỳ 06/2024: tệp 'DS_BanCo_2024-06.xlsx' mang "
            "tên kỳ 06/2024 nhưng ô 'Kỳ báo cáo' ghi 05/2024, và danh sách còn 2 lỗi (xem trang "
            "'Lỗi dữ liệu'; hộ có lỗi chưa được tính đến khi sửa). Nếu đó là danh sách kỳ "
            "06/2024, hãy sửa ô 'Kỳ báo cáo' (trang 'Thông tin', ô B4) thành 06/2024 rồi chạy "
            "lại: "
        )


def test_a_stale_list_beside_its_hamlets_june_list_is_not_checked(tmp_path):
    """Bản Cọ sent its June list ('BanCo_T6.xlsx', BC1, BC2 poor) and the stale copy beside it
    (size 0 on NM2's row, a blank code): June's list counts (2 poor of Bản Cọ, 5 in the
    commune), the stale copy is "khác kỳ" and says nothing, its rows unchecked: a list of
    another month beside the hamlet's list of this month is no list of this month."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    _june(folder, stale=True)
    write_roster(folder, "BanCo_T6.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor")], period=JUNE,
                 prepared=AFTER_JUNE)  # fmt: skip
    result, written, _ = execute(folder, out, None)
    assert [i for i in result.issues if i.file == "DS_BanCo_2024-06.xlsx"] == []
    summary = json.loads(written["json"].read_text(encoding="utf-8"))
    by = {h["hamlet"]: h for h in summary["hamlets"]}
    assert (by["Bản Cọ"]["status"], by["Bản Cọ"]["poor"]) == ("ok", 2)
    assert (summary["totals"]["poor"], summary["issues"]["errors"]) == (5, 0)
    assert submission_row(written["workbook"], "Bản Cọ")[1] == "BanCo_T6.xlsx"


def _stale_banco(folder: Path, cell, second=None) -> None:
    """The plan, Nà Mòn's June list, and Bản Cọ's June list whose 'Kỳ báo cáo' (B4) holds
    ``cell`` (May's, as written), BC2's 'Số nhân khẩu' 0 (H6); ``second``: a second 'Kỳ báo
    cáo' at A9:B9."""
    folder.mkdir(parents=True)
    write_plan(folder)
    write_roster(folder, "DS_NaMon_2024-06.xlsx", "Nà Mòn", 100, [person("NM1", "poor")],
                 period=JUNE, prepared=AFTER_JUNE)  # fmt: skip
    path = write_roster(folder, "DS_BanCo_2024-06.xlsx", "Bản Cọ", 200,
                        [person("BC1", "poor"), person("BC2", "poor", nhan_khau=0)],
                        prepared=AFTER_JUNE)  # fmt: skip
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B4"] = cell
    if second is not None:
        book["Thông tin"]["A9"], book["Thông tin"]["B9"] = "Kỳ báo cáo", second
    book.save(path)


@pytest.mark.parametrize(
    ("cell", "second", "period_at", "more"),
    [
        ("05/24", None, "B4", []),  # was also: "write the whole year, e.g. 05/2024"
        ("tháng 5", None, "B4", []),  # was also: "read as 05/2024 (the plan's year)"
        (None, None, "A1", []),  # the title's May: was also "B4 blank, took 05/2024"
        ("=05/2024", None, "A1", []),  # was also: "delete the '=' so B4 reads 05/2024"
        # a second 'Kỳ báo cáo' naming June: said once (period_twice_issues), was twice
        ("05/2024", "06/2024", "B4", [("B9", "info-label-twice")]),
    ],
)
def test_the_stale_months_cells_are_told_by_the_period_warning_alone(
    tmp_path, cell, second, period_at, more
):
    """What Bản Cọ's stale 'Kỳ báo cáo' holds is told by the warning that the list is June's
    (at B4, or at the title A1 where May was read from it): the cell's own warnings quoted
    May again and asked the head to write it in full (05/2024), against that warning. Its
    row's error (H6) is still said."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    _stale_banco(folder, cell, second)
    result, _, _ = execute(folder, out, None)
    assert result.period == JUNE
    said = sorted((i.cell, i.code) for i in result.issues if "BanCo" in i.file)
    assert said == sorted(
        [(period_at, "period-differs-from-file-name"), ("H6", "invalid-household-size"), *more]
    )


def test_januarys_list_left_at_december_is_checked_of_januarys_year_by_check_as_by_the_run(
    tmp_path,
):
    """Bản Cọ's January 2025 list ('DS_BanCo_2025-01.xlsx') left at 12/2024, its heads' ages
    written (54, 60) under 'Năm sinh': the January run (plan 2025) reads them as of 2025, the
    year of the month it is told for (1971, 1965), and `check` of the file said 2024
    (1970, 1964): the same list, two readings. Now both say 2025."""
    folder, out, name = january_left_at_december(tmp_path)
    stale = folder / name
    result, _, _ = execute(folder, out, None)
    assert (result.period, result.plan.file) == ("2025-01", "KeHoach_2025.xlsx")
    ran = [(i.cell, i.code, str(i.detail)) for i in result.issues if i.file == stale.name]
    assert ran == [("D5", "birth-year-from-age", "2025"),
                   ("B4", "period-differs-from-file-name", "01/2025")]  # fmt: skip
    for given in ([stale], [stale, folder / "KeHoach_2025.xlsx"]):
        checked = [
            (i.cell, i.code, str(i.detail)) for i in check_files(given) if i.file == stale.name
        ]
        assert sorted(checked) == sorted(ran)
