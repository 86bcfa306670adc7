"""Session 48: the plan's warnings in row order, after the hamlets' lines (docs/decisions.md,
"Session 48: the plan's warnings are listed in row order, after the hamlets' lines").

The small commune (tests.commune): the plan's start list 'Danh sách đầu năm' has its header in
row 3, K the income, and its ten households in rows 4 to 13: Nà Mòn's NM1 to NM5 (rows 4-8),
Bản Cọ's BC1 to BC3 (rows 9-11), Đồng Kè's DK1, DK2 (rows 12, 13). Here K5 (NM2) '#REF!',
K11 (BC3) '=A1+1' (a formula openpyxl saves without its value), K12 (DK1) '#VALUE!': each
said at its cell. Bản Cọ's May list BanCo.xlsx lists BC1 and BC2 alone: BC3 is said gone
(vanished-household, in BanCo.xlsx, no cell). The plan's own warnings at B7 and B8 of
'Thông tin chung' (its targets above its start rates) have no hamlet.

Before, every line was ordered by hamlet first (Bản Cọ, Nà Mòn, Đồng Kè: 'Đ' sorts after
'N'), then file, sheet, row: the start list read K11, K5, K12, Bản Cọ's K11 among Bản Cọ's
lines. Now the plan's file is ordered as a file of no hamlet: after the hamlets' lines, by
sheet, row and cell, so K5, K11, K12, then B7, B8."""

from __future__ import annotations

import openpyxl
from click.testing import CliRunner

from tests.commune import person, write_plan, write_roster

# (file, sheet, cell, code) of each line, in the order the officer now reads them
ORDER = [
    ("BanCo.xlsx", "", "", "vanished-household"),
    ("KeHoach_2024.xlsx", "Danh sách đầu năm", "K5", "optional-cell-error-value"),
    ("KeHoach_2024.xlsx", "Danh sách đầu năm", "K11", "optional-formula-without-value"),
    ("KeHoach_2024.xlsx", "Danh sách đầu năm", "K12", "optional-cell-error-value"),
    ("KeHoach_2024.xlsx", "Thông tin chung", "B7", "plan-commune-target-above-start"),
    ("KeHoach_2024.xlsx", "Thông tin chung", "B8", "plan-commune-target-above-start"),
]


def _files(folder):
    """The plan with K5, K11, K12 of its start list not read from a formula, and Bản Cọ's May
    list without BC3."""
    plan = write_plan(folder)
    book = openpyxl.load_workbook(plan)
    sheet = book["Danh sách đầu năm"]
    assert [sheet[f"C{row}"].value for row in (5, 11, 12)] == ["NM2", "BC3", "DK1"]
    for cell, value in {"K5": "#REF!", "K11": "=A1+1", "K12": "#VALUE!"}.items():
        sheet[cell] = value
    book.save(plan)
    write_roster(
        folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor"), person("BC2", "poor")]
    )


def test_check_prints_the_start_lists_warnings_in_row_order_after_the_hamlets_lines(tmp_path):
    """`giamngheo check`'s lines: Bản Cọ's list first, then the plan's top to bottom (fails
    before: K11 second, after BanCo.xlsx, then K5, K12)."""
    from pipeline.cli import main

    _files(tmp_path)
    done = CliRunner().invoke(main, ["check", str(tmp_path), "--no-history"])
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    # the folder checked whole: the hamlets that sent nothing before the total (session 57)
    assert lines[-2:] == ["Chưa nộp (kỳ 05/2024): Nà Mòn, Đồng Kè", "2 tệp, 0 lỗi, 6 cảnh báo."]
    places = [line.split("): ")[0] for line in lines[:-2]]
    assert places == [
        "[Cảnh báo] BanCo.xlsx (vanished-household",
        "[Cảnh báo] KeHoach_2024.xlsx, Danh sách đầu năm, K5 (optional-cell-error-value",
        "[Cảnh báo] KeHoach_2024.xlsx, Danh sách đầu năm, K11 (optional-formula-without-value",
        "[Cảnh báo] KeHoach_2024.xlsx, Danh sách đầu năm, K12 (optional-cell-error-value",
        "[Cảnh báo] KeHoach_2024.xlsx, Thông tin chung, B7 (plan-commune-target-above-start",
        "[Cảnh báo] KeHoach_2024.xlsx, Thông tin chung, B8 (plan-commune-target-above-start",
    ]


def test_the_issues_sheet_lists_the_start_lists_warnings_in_row_order(tmp_path):
    """May's run: 'Lỗi dữ liệu' lists the same six lines in the same order, numbered 1 to 6,
    each start-list line still naming its hamlet in 'Xóm' (to filter by), and the run's issues
    in that order too (fails before: K11 second, then K5, K12)."""
    from pipeline.publish import publish
    from pipeline.run import collect

    sent = tmp_path / "sent"
    sent.mkdir()
    _files(sent)
    result, _ = collect(sent, None, workers=0)
    assert [(i.file, i.sheet, i.cell, i.code) for i in result.issues] == ORDER
    book = openpyxl.load_workbook(publish(result, tmp_path / "out")["workbook"])
    rows = [r for r in book["Lỗi dữ liệu"].iter_rows(values_only=True) if r[0] in range(1, 7)]
    assert [(r[0], r[1], r[2], r[3] or "", r[4] or "", r[9]) for r in rows] == [
        (n, hamlet, *line)
        for n, hamlet, line in zip(
            range(1, 7), ["Bản Cọ", "Nà Mòn", "Bản Cọ", "Đồng Kè", None, None], ORDER, strict=True
        )
    ]
