"""Write the consolidated workbook TongHop_YYYY-MM.xlsx (CONTRACT §5), one module per sheet."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pipeline.report import (
    causes,
    deprivations,
    hamlets,
    issues_sheet,
    lists,
    movements,
    reporting,
    summary,
    trend,
)
from pipeline.report.bulk import new_workbook
from pipeline.report.cells import Context
from pipeline.report.labels import t
from pipeline.report.styles import Styles, text_kept
from pipeline.types import RunResult

# The contract's sheet order.
SHEET_WRITERS = (
    summary.write,
    hamlets.write,
    movements.write,
    deprivations.write,
    causes.write,
    lists.write_poor,
    lists.write_near_poor,
    reporting.write,
    issues_sheet.write,
    trend.write,
)
# A fixed creation date: the same run gives a byte-identical file.
FIXED_DATE = datetime(2000, 1, 1)


def write_consolidated(result: RunResult, path: Path, sheet_done=None) -> None:
    """Write the consolidated workbook for ``result`` at ``path``; ``sheet_done()`` after each sheet."""
    # Belt and braces: write() never turns text into formulas, numbers or links, even if a
    # sheet module slips and writes input text with it.
    options = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    households = result.households
    wb = new_workbook(str(path), options, rows=0 if households is None else len(households))
    ctx = Context(wb, Styles(wb), result)
    wb.set_properties(
        {
            "title": t("doc_title", result.lang, m=ctx.month, y=ctx.year, commune=ctx.commune),
            "author": "giamngheo",
            "created": FIXED_DATE,
        }
    )
    for write_sheet in SHEET_WRITERS:
        write_sheet(ctx)
        if sheet_done is not None:
            sheet_done()
    text_kept(wb)
    # xlsxwriter writes the file only here, so a failure above leaves nothing half-written.
    wb.close()
