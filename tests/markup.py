"""Writing a list as the web page (HTML), Excel 2003 XML or separated text that programs export
"to Excel" under an .xls name (pipeline.markup, pipeline.textsheet read them), from an xlsx
written by openpyxl."""

from __future__ import annotations

import csv
import html
import io
import quopri
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from tests.biff import sheets_of

SPREADSHEET_NS = "urn:schemas-microsoft-com:office:spreadsheet"


def _grid(cells: dict) -> list[list]:
    rows = max((r for r, _ in cells), default=-1) + 1
    cols = max((c for _, c in cells), default=-1) + 1
    return [[cells.get((r, c)) for c in range(cols)] for r in range(rows)]


def _shown(value) -> str:
    if value is None:
        return ""
    if value is True or value is False:
        return "x" if value else ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _cp1258(text: str) -> bytes:
    """``text`` in Windows-1258 as Vietnamese programs wrote it: a letter with its vowel mark
    precomposed (ơ, â, ư…) where the code page has it, its tone (acute, dot below…) a combining
    mark after it."""
    out = []
    decomposed = unicodedata.normalize("NFD", text)
    for index, char in enumerate(decomposed):
        if unicodedata.combining(char):
            continue
        marks = []
        for follower in decomposed[index + 1 :]:
            if not unicodedata.combining(follower):
                break
            marks.append(follower)
        vowel = "".join(m for m in marks if m in "\u0302\u0306\u031b")  # â ă ơ: one letter
        tones = "".join(m for m in marks if m not in vowel)
        out.append((unicodedata.normalize("NFC", char + vowel) + tones).encode("cp1258"))
    return b"".join(out)


def html_from_xlsx(
    source: Path,
    target: Path,
    encoding: str = "utf-8",
    meta: bool = True,
    title_tag: str = "h3",
    hidden_rows: dict[str, set[int]] | None = None,
) -> Path:
    """Every sheet of ``source`` as one table of a web page, one after the other, each after
    its name in a ``title_tag`` (so one sheet, as Excel opens it); merged cells as colspan and
    rowspan, text escaped, spaces as '&nbsp;' where a program pads, the header row in <th>.
    ``encoding``: the bytes' (declared in a meta tag when ``meta``). ``hidden_rows``: by
    sheet, the Excel rows of ``source`` written hidden, as Excel writes them
    (``style='display:none'``)."""
    sheets, merges, _ = sheets_of(source)
    out = ["<html xmlns:o='urn:schemas-microsoft-com:office:office' "
           "xmlns:x='urn:schemas-microsoft-com:office:excel'><head>"]  # fmt: skip
    if meta:
        out.append(f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">')
    out.append("<style>td {mso-number-format:'\\@'; border: .5pt solid}</style></head><body>\n")
    for name, cells in sheets:
        spans = {(r1, c1): (r2, c2) for r1, r2, c1, c2 in merges[name]}
        covered = {(r, c) for (r1, c1), (r2, c2) in spans.items()
                   for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - set(spans)  # fmt: skip
        out.append(f"<{title_tag}>{html.escape(name)}</{title_tag}>\n<table border=1>\n")
        for r, row in enumerate(_grid(cells)):
            tag = "th" if any(_shown(v) == "Mã hộ" for v in row) else "td"
            hide = r + 1 in (hidden_rows or {}).get(name, set())
            out.append("<tr style='height:15.0pt; display:none'>" if hide else "<tr>")
            for c, value in enumerate(row):
                if (r, c) in covered:
                    continue
                attrs = ""
                if (r, c) in spans:
                    r2, c2 = spans[(r, c)]
                    attrs += f' colspan="{c2 - c + 1}"' if c2 > c else ""
                    attrs += f" rowspan={r2 - r + 1}" if r2 > r else ""
                text = html.escape(_shown(value)).replace("\n", "<br>")
                out.append(
                    f"<{tag}{attrs}>&nbsp;{text}\n</{tag}>" if text else f"<{tag}{attrs}></{tag}>"
                )
            out.append("</tr>\n")
        out.append("</table>\n")
    out.append("</body></html>\n")
    page = "".join(out)
    target.write_bytes(_cp1258(page) if encoding == "cp1258" else page.encode(encoding))
    return target


def _data(value) -> tuple[str, str]:
    if value is True or value is False:
        return "String", "x" if value else ""
    if isinstance(value, int | float):
        return "Number", repr(value)
    if hasattr(value, "strftime"):
        return "DateTime", value.strftime("%Y-%m-%dT%H:%M:%S.000")
    return "String", str(value)


def xml2003_from_xlsx(
    source: Path,
    target: Path,
    errors: dict[tuple[str, str], str] | None = None,
    hidden_rows: dict[str, set[int]] | None = None,
    autofilter: set[str] = frozenset(),
    arrows: set[str] = frozenset(),
) -> Path:
    """``source`` as Excel 2003 XML ("XML Spreadsheet 2003"), as Excel writes it: rows and cells
    placed by ss:Index where some are skipped, merges as ss:MergeAcross/ss:MergeDown, hidden
    sheets in WorksheetOptions. ``errors``: (sheet, 'B6') -> '#REF!' written as Error cells with
    a formula; ``hidden_rows``: sheet -> Excel row numbers hidden (ss:Hidden); ``autofilter``:
    sheets with an AutoFilter on rows 4-20 filtering column E (an AutoFilterColumn, as Excel
    writes a column filtered); ``arrows``: sheets with the AutoFilter's arrows only (no
    column filtered: Excel writes the range alone)."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    sheets, merges, hidden = sheets_of(source)
    wrong = {}
    for (sheet, ref), error in (errors or {}).items():
        letters, row = coordinate_from_string(ref)
        wrong[(sheet, row - 1, column_index_from_string(letters) - 1)] = error
    out = ['<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n',
           f'<Workbook xmlns="{SPREADSHEET_NS}" xmlns:o="urn:schemas-microsoft-com:office:office"'
           ' xmlns:x="urn:schemas-microsoft-com:office:excel"'
           f' xmlns:ss="{SPREADSHEET_NS}" xmlns:html="http://www.w3.org/TR/REC-html40">\n']  # fmt: skip
    for name, cells in sheets:
        spans = {(r1, c1): (r2, c2) for r1, r2, c1, c2 in merges[name]}
        out.append(f" <Worksheet ss:Name={quoteattr(name)}>\n  <Table>\n")
        last_row = -1
        for r, row in enumerate(_grid(cells)):
            written = [(c, v) for c, v in enumerate(row)
                       if v is not None or (name, r, c) in wrong or (r, c) in spans]  # fmt: skip
            is_hidden = r + 1 in (hidden_rows or {}).get(name, set())
            if not written and not is_hidden:
                continue
            attrs = f' ss:Index="{r + 1}"' if r != last_row + 1 else ""
            attrs += ' ss:Hidden="1"' if is_hidden else ""
            out.append(f"   <Row{attrs}>\n")
            last_col = -1
            for c, value in written:
                cell = f' ss:Index="{c + 1}"' if c != last_col + 1 else ""
                if (r, c) in spans:
                    r2, c2 = spans[(r, c)]
                    cell += f' ss:MergeAcross="{c2 - c}"' if c2 > c else ""
                    cell += f' ss:MergeDown="{r2 - r}"' if r2 > r else ""
                    last_col = c2
                else:
                    last_col = c
                if (name, r, c) in wrong:
                    cell += ' ss:Formula="=1/0"'
                    data = f'<Data ss:Type="Error">{escape(wrong[(name, r, c)])}</Data>'
                elif value is None:
                    data = ""
                else:
                    kind, text = _data(value)
                    data = f'<Data ss:Type="{kind}">{escape(text)}</Data>'
                out.append(f"    <Cell{cell}>{data}</Cell>\n")
            out.append("   </Row>\n")
            last_row = r
        out.append("  </Table>\n")
        options = '  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">\n'
        if name in hidden:
            options += "   <Visible>SheetHidden</Visible>\n"
        out.append(options + "  </WorksheetOptions>\n")
        if name in autofilter or name in arrows:
            column = ('<AutoFilterColumn x:Index="5" x:Type="Custom"><AutoFilterCondition '
                      'x:Operator="DoesNotEqual" x:Value="3"/></AutoFilterColumn>'
                      if name in autofilter else "")  # fmt: skip
            out.append('  <AutoFilter x:Range="R4C1:R20C26" '
                       f'xmlns="urn:schemas-microsoft-com:office:excel">{column}</AutoFilter>\n')  # fmt: skip
        out.append(" </Worksheet>\n")
    out.append("</Workbook>\n")
    target.write_text("".join(out), encoding="utf-8")
    return target


def text_from_xlsx(
    source: Path, target: Path, separator: str = "\t", encoding: str = "utf-16"
) -> Path:
    """Every sheet of ``source`` one after the other as separated text (a web application's
    "export to Excel"; Excel's own "Unicode Text" is tab-separated UTF-16 with its byte-order
    mark), each after a line naming it; fields quoted where they hold the separator, a quote
    or a line break, as CSV does."""
    sheets, _, _ = sheets_of(source)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    for name, cells in sheets:
        writer.writerow([name])
        for row in _grid(cells):
            writer.writerow([_shown(value) for value in row])
    text = out.getvalue()
    target.write_bytes(_cp1258(text) if encoding == "cp1258" else text.encode(encoding))
    return target


def mhtml(parts: list[tuple[str, str]], boundary: str = "----=_NextPart_01DA") -> bytes:
    """A web archive (Excel's "Single File Web Page", MIME multipart/related) of ``parts``:
    (Content-Location, HTML), each quoted-printable in UTF-8, as Excel writes it."""
    out = [
        "MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\n"
        f'Content-Type: multipart/related; boundary="{boundary}"\r\n\r\n'
        "This document is a Single File Web Page, also known as a Web Archive file.\r\n"
    ]
    for location, page in parts:
        body = quopri.encodestring(page.encode("utf-8")).decode("ascii")
        out.append(
            f"\r\n--{boundary}\r\nContent-Location: {location}\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            f'Content-Type: text/html; charset="utf-8"\r\n\r\n{body}\r\n'
        )
    out.append(f"\r\n--{boundary}--\r\n")
    return "".join(out).encode("ascii")
