"""Sheet 'Lỗi dữ liệu': every issue found, located to the cell, errors red and warnings yellow."""

from __future__ import annotations

from pipeline.messages import in_language
from pipeline.report.cells import Context, fit_row, put_num, put_text
from pipeline.report.labels import SHEET_NAMES, t
from pipeline.report.styles import (
    LIBREOFFICE_WIDTH,
    merge_text,
    page_setup,
    print_scale,
    title_block,
)
from pipeline.types import in_order

HEADS = [
    "col.stt",
    "col.hamlet",
    "col.file",
    "col.sheet",
    "col.cell",
    "col.row",
    "col.column",
    "col.value",
    "col.severity",
    "col.code",
    "col.message",
]
WIDTHS = [5, 14, 24, 11, 6, 6, 16, 16, 9, 21, 60]
FILE_COL = 2
# A file name is one word to a spreadsheet (no space to wrap at): 'DS_BanNoong_2024-05.xlsx'
# is 174 pixels in Times New Roman 11, wider than the 24 of 'Tệp' (170), and Excel wrapped it
# after 'xls' on a row one line high. 'Tệp' is as wide as the longest name needs, at 1.1 a
# character (capitals and '_' are wide), up to this.
FILE_MAX_WIDTH = 45


def _widths(issues) -> list[float]:
    """The columns' widths: ``WIDTHS``, 'Tệp' widened for the longest file name."""
    longest = max((len(i.file or "") for i in issues), default=0)
    widths = list(WIDTHS)
    widths[FILE_COL] = max(WIDTHS[FILE_COL], min(FILE_MAX_WIDTH, round(longest * 1.1 + 1, 1)))
    return widths


def _one_page(widths: list[float]) -> int:
    """How many of the first columns ``widths`` print on one page wide at 100 %, in Excel and
    in LibreOffice (which draws them wider)."""
    return max(
        k for k in range(1, len(widths) + 1) if print_scale(widths[:k], LIBREOFFICE_WIDTH) == 1
    )


# A value longer than this that the message quotes whole is an explanation, not a cell's
# content (file-unreadable's "Tệp bị hỏng hoặc chưa chép hết …"): not shown twice in a row.
_EXPLANATION = 40
_ARCHIVE = ("file-skipped", "archive")  # a .zip named: what it holds is an explanation too


def write(ctx: Context) -> None:
    """Add the 'Lỗi dữ liệu' sheet."""
    lang, st = ctx.lang, ctx.st
    ws = ctx.wb.add_worksheet(SHEET_NAMES["issues"])
    plan = getattr(ctx.result.plan, "file", "")
    issues = in_order(ctx.result.issues, (plan,))  # as the run ordered them (session 48)
    widths = _widths(issues)
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    ncols = len(HEADS) if issues else _one_page(widths)
    row = title_block(ctx, ws, t("title.issues", lang, m=ctx.month, y=ctx.year), ncols, 5)
    if not issues:
        # One line under the title, over the columns a page holds at 100 %: across all of
        # them (1,371 px) it printed at 57 %, its title 7 pt (session 51).
        merge_text(ws, row, 0, row, ncols - 1, t("iss.none", lang), st["good"])
        ws.freeze_panes(row, 0)
        page_setup(ctx, ws, 0, row - 1)
        ws.set_print_scale(100)  # (not fit to a page: nothing to shrink)
        return
    head = row
    ws.set_row(head, 30)
    for col, key in enumerate(HEADS):
        ws.write_string(head, col, t(key, lang), st["head"])
    for i, issue in enumerate(issues):
        r = head + 1 + i
        kind = "err" if issue.severity == "error" else "warn"
        text, num = st[f"{kind}_text"], st[f"{kind}_int"]
        put_num(ws, r, 0, i + 1, num)
        # Everything below comes from the input (names, values, messages quoting values).
        for col, value in ((1, issue.hamlet), (2, issue.file), (3, issue.sheet), (4, issue.cell)):
            put_text(ws, r, col, value, text)
        put_num(ws, r, 5, issue.row, num)
        put_text(ws, r, 6, issue.column, text)
        value = in_language(issue.value, lang)  # an explanation may come in both languages
        message = issue.message(lang)
        # what a damaged file turned out to be, what a .zip holds (however short): the message
        # says it already. Not any short value its message quotes: a size written '4,5' is the
        # cell's value, said in the run's language (session 38)
        explained = len(value) > _EXPLANATION or (issue.code, issue.variant) == _ARCHIVE
        if explained and value.strip() and value.strip() in message:
            value = ""
        put_text(ws, r, 7, value, text)
        ws.write_string(r, 8, t(f"severity.{issue.severity}", lang), text)
        put_text(ws, r, 9, issue.code, text)
        put_text(ws, r, 10, message, text)
        wrapped = (issue.hamlet, issue.file, issue.sheet, "", "", issue.column, value)
        cells = [(v, widths[c + 1]) for c, v in enumerate(wrapped)]
        fit_row(ws, r, [*cells, (message, widths[10])])
    ws.autofilter(head, 0, head + len(issues), ncols - 1)
    ws.freeze_panes(head + 1, 0)
    page_setup(ctx, ws, head, head)
