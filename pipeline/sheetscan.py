"""A cheap look into an xlsx worksheet's XML before calamine reads it.

calamine builds a sheet as one dense block from A1 to its farthest value: a
single stray value in XFD1048576 asks for half a terabyte, and the reader dies.
Before a sheet is read, its XML is looked at with a few byte searches (no XML
parser, so no DTD, entity or external reference is ever expanded):

* how far its values reach (the last row holding a value, the widest column),
  so that a sheet too large for a hamlet roster is refused with a clear reason;
* which formula cells have no calculated value. A file saved by a program
  other than Excel may hold ``<c r="H5"><f>2+2</f></c>`` with no ``<v>``;
  calamine reads such a cell as blank, and a blank must not pass for a value;
* which rows are hidden (``<row r="14" hidden="1">``, or of height 0), and whether the
  sheet's AutoFilter hides them: calamine reads a hidden row like any other, and the list a
  head sees on screen must be the list counted (looked for only where the sheet says
  ``hidden="1"`` or ``ht="0"`` at all: a few byte searches in most sheets);
* which columns are hidden (``<col min="9" max="9" hidden="1"/>``, or of width 0): a header
  written twice is read where the head sees it (twice.settle_twice).

Only xlsx and xlsm packages are looked into; anything that cannot be made out
here is left to the reader, whose worker is bounded in memory and time.
"""

from __future__ import annotations

import html
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import lazyre

_P = rb"(?:[A-Za-z_][\w.-]*:)?"  # an optional namespace prefix ("x:c")
_SHEET = lazyre.compile(rb"<" + _P + rb"sheet\s([^>]*)>")
_RELATION = lazyre.compile(rb"<" + _P + rb"Relationship\s([^>]*)>")
_ATTR = lazyre.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ROOT = lazyre.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet[\s>]")
_WORKBOOK_ROOT = lazyre.compile(rb"<" + _P + rb"workbook[\s/>]")
_ROW_NUMBER = lazyre.compile(rb"""\sr\s*=\s*["'](\d+)["']""")
_CELL_REF = lazyre.compile(rb"""\sr\s*=\s*["']([A-Z]{1,3})(\d{1,7})["']""")
_CELL_TYPE = lazyre.compile(rb"""\st\s*=\s*["'](\w+)["']""")
# A cell reference beyond column Z that carries content (the tag is not self-closing). The
# literal " r=" keeps the search fast; a reference written otherwise is left to the reader.
_WIDE_CELL = lazyre.compile(rb""" r=["']([A-Z]{2,3})(\d+)["'][^>]*?(/?)>""")
_WIDE_LETTERS = lazyre.compile(
    rb""" r=["']([A-Z]{2,3})\d+["'][^>]*?(/?)>"""
)  # _WIDE_CELL's groups 1, 3
# Inside one cell: a formula, and a cached value (a non-empty <v>, or an inline string).
_FORMULA = lazyre.compile(rb"<" + _P + rb"f[\s>/]")
_CACHED = lazyre.compile(rb"<" + _P + rb"v>[^<]|<" + _P + rb"is[\s>]")
# A formula's text inside a cell ('<f>SUM(H5:H10)</f>'; a shared one's other cells write none)
_FORMULA_TEXT = lazyre.compile(rb"<" + _P + rb"f(?:\s[^>]*)?>([^<]+)</")
# Every row and cell tag, for sheets whose cells do not all say where they are.
_TAGS = lazyre.compile(rb"<(" + _P + rb")(row|c)(\s[^>]*?)?(/?)>")
_ROW_TAG = lazyre.compile(rb"<" + _P + rb"row[\s>/]")


def column_index(letters: str) -> int:
    """Excel column letters to a 0-based index (A -> 0, XFD -> 16383)."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index - 1


@dataclass
class SheetLook:
    """What the byte scan saw of one worksheet part."""

    last_row: int = 0  # 1-based number of the last row holding a value (0: none)
    # 1-based number of the widest column holding a value (26 when ≤ Z), and the cell that
    # reaches farthest ("XFD1048576"); both read only when the sheet is refused (``stopped``),
    # so worked out only where its width may refuse it (:func:`look`): else 26 and the cell
    # holding the last value
    last_col: int = 0
    far_cell: str = ""
    stopped: bool = False  # the sheet is too large: formulas were not looked for
    # (row, col) 0-based -> its formula as written ('=SUM(H5:H10)'; '' where the cell shares
    # another's and writes none), of the formula cells holding no calculated value
    formulas_without_value: dict[tuple[int, int], str] = field(default_factory=dict)
    # (row, col) 0-based -> the error shown ('#REF!', '#N/A'), of the cells holding an error
    # value: calamine reads them as '' (an empty cell), which would hide a broken formula
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)
    # (first row, last row, hidden by the AutoFilter) 0-based, inclusive, of the hidden rows
    hidden_rows: list[tuple[int, int, bool]] = field(default_factory=list)
    # 0-based indexes of the hidden columns (hidden="1", or a width of 0)
    hidden_cols: set[int] = field(default_factory=set)
    # (row, col) 0-based of the cells whose style's font is struck through (:func:`struck_styles`)
    struck_cells: set[tuple[int, int]] = field(default_factory=set)
    # (row, col) 0-based -> (the whole text, the struck text, the text left) of the text cells
    # struck through in part by their runs' fonts (:func:`struck_text_cells`; session 66, H)
    partly_struck: dict[tuple[int, int], tuple[str, str, str]] = field(default_factory=dict)
    # and their runs, each (text, struck) (:func:`strike_pieces`; session 67, D)
    struck_pieces: dict[tuple[int, int], StruckPieces] = field(default_factory=dict)


_LOCAL_HEADER = struct.Struct(zipfile.structFileHeader)
# Flag bits a part read by :func:`read_part` may not carry: encrypted, compressed patched data,
# strong encryption (zipfile refuses or asks a password for each; left to it).
_FLAGS_LEFT = 0x1 | 0x20 | 0x40


# What reading a part of a damaged package may raise: zipfile's own errors (a CRC that differs,
# a header that does not match: BadZipFile; a part cut short: EOFError), a part not there
# (KeyError), and a deflate stream zlib cannot inflate (zlib.error, which zipfile lets through).
PART_ERRORS = (
    OSError, zipfile.BadZipFile, KeyError, ValueError, RuntimeError, EOFError, zlib.error
)  # fmt: skip


def read_bounded(package: zipfile.ZipFile, member: str | zipfile.ZipInfo) -> bytes:
    """``package.read(member)`` (the same bytes, the same errors) without inflating more than
    the part declares. Asked for a whole part, zipfile inflates up to 2 GiB at a time before it
    cuts the result to the declared size: a part whose stream holds far more than its header
    says (3 MB of one repeated row declared as 8 KB, 2 GB inflated) cost 2 GiB of memory for
    a file the size checks had let through. Asked for the declared size, zipfile inflates
    that much and 4 KiB more, and checks the CRC as it reaches the end."""
    info = member if isinstance(member, zipfile.ZipInfo) else package.getinfo(member)
    with package.open(member) as part:  # (by its name, as zipfile's errors name it)
        return part.read(info.file_size)


def read_part(package: zipfile.ZipFile, member: str | zipfile.ZipInfo) -> bytes:
    """``package.read(member)``: the same bytes, the same errors. A plain part (deflated or
    stored, not encrypted, its local header naming it) is read with one seek and one inflate,
    bounded by its declared size; its length and CRC are checked as zipfile checks them.
    Anything else, or any doubt (a stream longer or shorter than declared, a CRC that
    differs, a header that does not match), is read by zipfile itself (:func:`read_bounded`),
    which says what is wrong. zipfile's stream object costs ~15 µs a part, ~50 µs for a
    roster's list sheet: a tenth of a roster's byte scan (docs/decisions.md, "Session 32: the province's read stage
    taken apart again (issue #6)")."""
    info = member if isinstance(member, zipfile.ZipInfo) else package.getinfo(member)
    handle = package.fp
    if (
        handle is None
        or info.flag_bits & _FLAGS_LEFT
        or info.compress_type not in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED)
        or not 0 < info.file_size <= 1 << 30
        or getattr(package, "_writing", False)
    ):
        return read_bounded(package, member)
    try:
        handle.seek(info.header_offset)
        header = handle.read(_LOCAL_HEADER.size)
        fields = _LOCAL_HEADER.unpack(header) if len(header) == _LOCAL_HEADER.size else None
        if fields is None or fields[0] != zipfile.stringFileHeader:
            return read_bounded(package, member)
        name = handle.read(fields[10])
        encoding = "utf-8" if fields[3] & 0x800 else (package.metadata_encoding or "cp437")
        if name.decode(encoding) != info.orig_filename:
            return read_bounded(package, member)
        handle.seek(fields[11], 1)  # the extra field
        raw = handle.read(info.compress_size)
    except (OSError, ValueError):  # (a name not decoded: UnicodeDecodeError)
        return read_bounded(package, member)
    if info.compress_type == zipfile.ZIP_STORED:
        data = raw
    else:
        inflate = zlib.decompressobj(-15)
        try:
            data = inflate.decompress(raw, info.file_size + 1)  # + 1: a longer one is told
        except zlib.error:
            return read_bounded(package, member)
        if not inflate.eof:
            return read_bounded(package, member)
    if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
        return read_bounded(package, member)
    return data


def _attrs(raw: bytes) -> dict[str, str]:
    out = {}
    for name, dq, sq in _ATTR.findall(raw):
        key = name.decode("ascii", "replace").rpartition(":")[2]
        out.setdefault(key, html.unescape((dq or sq).decode("utf-8", "replace")))
    return out


def relation_targets(
    package: zipfile.ZipFile, rels: str, names: set[str], base: str = "xl"
) -> dict[str, str]:
    """Relationship id -> the part it targets, of the workbook's relationships part ``rels``
    (``xl/_rels/workbook.xml.rels``, an .xlsb's ``…workbook.bin.rels``; {} when the package
    has none): a target from the package's root or relative to ``base``, the folder of the
    workbook's part ('xl')."""
    targets: dict[str, str] = {}
    if rels in names:
        for raw in _RELATION.findall(read_part(package, rels)):
            attrs = _attrs(raw)
            targets[attrs.get("Id", "")] = _target_part(attrs.get("Target", ""), base)
    return targets


def _target_part(target: str, base: str) -> str:
    """The part a relationship's ``target`` names: from the package's root ('/xl/styles.xml')
    or relative to the folder ``base`` of the part it is a relationship of."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base, target)).lstrip("/")


def main_part(package: zipfile.ZipFile, names: list[str] | set[str] | None = None) -> str | None:
    """The package's workbook part, which lists its sheets: 'xl/workbook.xml' where the package
    holds it (nothing else read: the usual case costs one membership test), else the part the
    package's relationship 'officeDocument' ('_rels/.rels') targets, as Excel and calamine find
    it, its name matched case aside as OPC matches part names ('xl/Workbook.xml') and its root a
    'workbook' element (a Word document's 'word/document.xml' is none: session 65 review), else
    'xl/workbook.xml' case aside; None without one (an .xlsb's 'xl/workbook.bin' is not one:
    its sheets are read by pipeline.xlsbscan) (session 65)."""
    names = package.namelist() if names is None else names
    if "xl/workbook.xml" in names:
        return "xl/workbook.xml"
    by_case = {name.casefold(): name for name in names}
    rels = by_case.get("_rels/.rels")
    for raw in _RELATION.findall(read_part(package, rels)) if rels is not None else ():
        attrs = _attrs(raw)
        if attrs.get("Type", "").rpartition("/")[2] != "officeDocument" or attrs.get("TargetMode"):
            continue
        found = by_case.get(_target_part(attrs.get("Target", ""), "").casefold())
        if found is not None and found.casefold().endswith(".xml") and _is_workbook(package, found):
            return found
    return by_case.get("xl/workbook.xml")


def _is_workbook(package: zipfile.ZipFile, part: str) -> bool:
    """Whether ``part`` is a workbook part: its root a 'workbook' element, read in its first
    8 KiB. A Word document's or a presentation's main part is its package's 'officeDocument'
    too ('word/document.xml'): such a file without its suffix is no workbook (session 65
    review: it was taken for one, then refused as unreadable)."""
    try:
        with package.open(part) as stream:
            head = stream.read(8192)
    except (OSError, zipfile.BadZipFile, ValueError, RuntimeError, EOFError, zlib.error):
        return False
    return _WORKBOOK_ROOT.search(head) is not None


def rels_part(part: str) -> str:
    """The relationships part of ``part``: 'xl/_rels/workbook.xml.rels' of 'xl/workbook.xml'."""
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


def workbook_part(package: zipfile.ZipFile, kind: str, usual: str) -> str | None:
    """The package's part of ``kind`` ('sharedStrings', 'styles'): ``usual`` ('xl/styles.xml')
    where the package holds it, else the part the workbook's relationship of that kind targets
    (a writer may name it 'xl/SharedStrings.xml'), its name matched as OPC matches part names,
    case aside; None without one. The relationships are read only where ``usual`` is not
    there (session 64); those of the workbook part however it is named (:func:`main_part`,
    session 65)."""
    names = package.namelist()
    if usual in names:
        return usual
    by_case = {name.casefold(): name for name in names}
    main = main_part(package, names) or "xl/workbook.xml"
    rels = by_case.get(rels_part(main).casefold())
    base = main.rpartition("/")[0]
    for raw in _RELATION.findall(read_part(package, rels)) if rels is not None else ():
        attrs = _attrs(raw)
        if attrs.get("Type", "").rpartition("/")[2] != kind or attrs.get("TargetMode"):
            continue
        part = _target_part(attrs.get("Target", ""), base)
        if (found := by_case.get(part.casefold())) is not None:
            return found
    return by_case.get(usual.casefold())


def sheet_parts(package: zipfile.ZipFile) -> list[str]:
    """The worksheet part of each sheet of the workbook part (:func:`main_part`: 'xl/workbook.xml'
    or the part the package names so), in its order ('' when unknown)."""
    names = set(package.namelist())
    main = main_part(package, names)
    if main is None:
        return []
    if main == "xl/workbook.xml":
        rels, base = "xl/_rels/workbook.xml.rels", "xl"
    else:
        by_case = {name.casefold(): name for name in names}
        rels = by_case.get(rels_part(main).casefold(), "")
        base = main.rpartition("/")[0]
    targets = relation_targets(package, rels, names, base)
    parts = []
    for raw in _SHEET.findall(read_part(package, main)):
        part = targets.get(_attrs(raw).get("id", ""), "")
        parts.append(part if part in names else "")
    return parts


@dataclass(frozen=True)
class _Marks:
    """The literal tags searched for, with the sheet's namespace prefix ('' or 'x:')."""

    value: tuple[bytes, ...]
    row: tuple[bytes, ...]
    cell: tuple[bytes, ...]
    formula: tuple[bytes, ...]
    cell_end: bytes

    @classmethod
    def of(cls, data: bytes) -> _Marks:
        root = _ROOT.search(data, 0, 4096)
        p = (root.group(1) or b"") if root else b""
        o = b"<" + p
        return cls((o + b"v>", o + b"is>", o + b"is "), (o + b"row ", o + b"row>"),
                   (o + b"c ", o + b"c>"), (o + b"f>", o + b"f ", o + b"f/"),
                   b"</" + p + b"c>")  # fmt: skip


_FONTS = lazyre.compile(rb"<" + _P + rb"fonts[\s>].*?</" + _P + rb"fonts>", re.S)
_FONT = lazyre.compile(rb"<" + _P + rb"font(?:\s[^>]*)?(?:/>|>(.*?)</" + _P + rb"font>)", re.S)
_STRIKE = lazyre.compile(rb"<" + _P + rb"strike(\s[^>]*)?/?>")
_CELL_XFS = lazyre.compile(rb"<" + _P + rb"cellXfs[\s>].*?</" + _P + rb"cellXfs>", re.S)
_XF = lazyre.compile(rb"<" + _P + rb"xf(\s[^>]*)?/?>")
_CELL_TAG = lazyre.compile(rb"<" + _P + rb"c(\s[^>]*?)/?>")


def struck_styles(styles: bytes) -> frozenset[int]:
    """The cell styles (indexes into ``cellXfs``) whose font is struck through, from an xlsx's
    ``xl/styles.xml``; empty, after one byte search, when no font is."""
    if b"strike" not in styles:
        return frozenset()
    fonts = _FONTS.search(styles)
    xfs = _CELL_XFS.search(styles)
    if fonts is None or xfs is None:
        return frozenset()
    struck = set()
    for index, font in enumerate(_FONT.finditer(fonts.group(0))):
        mark = _STRIKE.search(font.group(1) or b"")
        if mark is not None and _attrs(mark.group(1) or b"").get("val", "1") not in ("0", "false"):
            struck.add(index)
    if not struck:
        return frozenset()
    found = set()
    for index, xf in enumerate(_XF.finditer(xfs.group(0))):
        font = _attrs(xf.group(1) or b"").get("fontId", "0")
        if font.isdigit() and int(font) in struck:
            found.add(index)
    return frozenset(found)


def struck_cells(data: bytes, styles: frozenset[int]) -> set[tuple[int, int]]:
    """(row, col) 0-based of a worksheet's cells written in one of the struck ``styles`` (only
    cells that say where they are: '<c r="B5" s="7">')."""
    found = set()
    wanted = {str(style).encode() for style in styles}
    for match in _CELL_TAG.finditer(data):
        raw = match.group(1) or b""
        if b" s=" not in raw and b"\ts=" not in raw:
            continue
        attrs = _attrs(raw)
        ref = _CELL_ONLY.match(attrs.get("r", ""))
        if ref is not None and attrs.get("s", "").encode() in wanted:
            found.add((int(ref.group(2)) - 1, column_index(ref.group(1))))
    return found


_CELL_ONLY = lazyre.compile(r"([A-Z]{1,3})(\d{1,7})$")

_BOLD = lazyre.compile(rb"<" + _P + rb"b(\s[^>]*)?/?>")
_ITALIC = lazyre.compile(rb"<" + _P + rb"i(\s[^>]*)?/?>")


def _font_flag(pattern, font: bytes) -> bool:
    mark = pattern.search(font)
    return mark is not None and _attrs(mark.group(1) or b"").get("val", "1") not in ("0", "false")


def emphasis_styles(styles: bytes) -> dict[int, tuple[bool, bool]]:
    """The cell styles (indexes into ``cellXfs``) whose font is bold or italic, from an xlsx's
    ``xl/styles.xml``: {style: (bold, italic)} (the head's bold 'Trưởng xóm' kept on his
    feedback copy; session 59, G2)."""
    fonts = _FONTS.search(styles)
    xfs = _CELL_XFS.search(styles)
    if fonts is None or xfs is None:
        return {}
    marked: dict[int, tuple[bool, bool]] = {}
    for index, font in enumerate(_FONT.finditer(fonts.group(0))):
        body = font.group(1) or b""
        flags = (_font_flag(_BOLD, body), _font_flag(_ITALIC, body))
        if any(flags):
            marked[index] = flags
    found: dict[int, tuple[bool, bool]] = {}
    if marked:
        for index, xf in enumerate(_XF.finditer(xfs.group(0))):
            font = _attrs(xf.group(1) or b"").get("fontId", "0")
            if font.isdigit() and int(font) in marked:
                found[index] = marked[int(font)]
    return found


def styled_cells(data: bytes, styles: dict[int, Any]) -> dict[tuple[int, int], Any]:
    """{(row, col) 0-based: ``styles``' value} of a worksheet's cells written in one of
    ``styles`` (only cells that say where they are, as :func:`struck_cells`)."""
    found: dict[tuple[int, int], Any] = {}
    wanted = {str(style).encode(): value for style, value in styles.items()}
    for match in _CELL_TAG.finditer(data):
        raw = match.group(1) or b""
        if b" s=" not in raw and b"\ts=" not in raw:
            continue
        attrs = _attrs(raw)
        value = wanted.get(attrs.get("s", "").encode())
        ref = _CELL_ONLY.match(attrs.get("r", "")) if value is not None else None
        if ref is not None:
            found[(int(ref.group(2)) - 1, column_index(ref.group(1)))] = value
    return found


# A text cell's element with what it holds (t="s": its shared string's index in <v>;
# t="inlineStr": its runs in <is>), and a rich text's parts
_TEXT_CELL = lazyre.compile(
    rb"<"
    + _P
    + rb"c(\s[^>]*?\bt\s*=\s*[\"'](?:s|inlineStr)[\"'][^>]*?)(?<!/)>(.*?)</"
    + _P
    + rb"c>",
    re.S,
)
_SHARED_ITEM = lazyre.compile(rb"<" + _P + rb"si(?:\s[^>]*)?(?:/>|>(.*?)</" + _P + rb"si>)", re.S)
_RUN = lazyre.compile(rb"<" + _P + rb"r(?:\s[^>]*)?>(.*?)</" + _P + rb"r>", re.S)
_RUN_FONT = lazyre.compile(rb"<" + _P + rb"rPr(?:\s[^>]*)?(?:/>|>(.*?)</" + _P + rb"rPr>)", re.S)
_RUN_TEXT = lazyre.compile(rb"<" + _P + rb"t(?:\s[^>]*)?>(.*?)</" + _P + rb"t>", re.S)
_INDEX = lazyre.compile(rb"<" + _P + rb"v(?:\s[^>]*)?>\s*(\d+)\s*</" + _P + rb"v>")

# A rich text's emphasis: per run holding a letter, (bold, italic) as its own font says, or
# None for a run in the cell's font
RunFlags = tuple[tuple[bool, bool] | None, ...]


def rich_runs(item: bytes) -> RunFlags | None:
    """The runs of a rich text (a shared string's ``<si>`` or a cell's ``<is>`` body) that hold
    more than spaces, each (bold, italic) by its font (``<rPr>``), None where it has none (the
    cell's font); None for a plain text (no runs)."""
    flags: list[tuple[bool, bool] | None] = []
    for run in _RUN.finditer(item):
        body = run.group(1)
        text = b"".join(t.group(1) for t in _RUN_TEXT.finditer(body))
        if not text.strip():
            continue
        font = _RUN_FONT.search(body)
        own = None if font is None else font.group(1) or b""
        flags.append(None if own is None else (_font_flag(_BOLD, own), _font_flag(_ITALIC, own)))
    return tuple(flags) if flags else None


def rich_shared_strings(
    shared: bytes, items: dict[int, bytes] | None = None
) -> dict[int, RunFlags]:
    """{index: :func:`rich_runs`} of a workbook's shared strings written as rich text, where
    Excel keeps a cell's text made bold in the cell's edit line (every run bold) rather than
    by the cell's font (session 61, R3's Left of session 60). ``items``: filled with each such
    string's ``<si>`` body, for :func:`rich_fragments` (session 62)."""
    found: dict[int, RunFlags] = {}
    if b"<r>" not in shared and b":r>" not in shared and b"<r " not in shared:
        return found
    for index, item in enumerate(_SHARED_ITEM.finditer(shared)):
        runs = rich_runs(item.group(1) or b"")
        if runs is not None:
            found[index] = runs
            if items is not None and len(set(runs)) > 1:  # its runs' fonts differ
                items[index] = item.group(1) or b""
    return found


def _strike_runs(item: bytes, own: bool) -> list[tuple[str, bool]]:
    """A rich text's runs (a shared string's ``<si>`` or a cell's ``<is>`` body), each (its
    text as the file keeps it, whether its font strikes it through), a run without a font of
    its own in its cell's (``own``); empty for a plain text (no runs)."""
    runs = []
    for run in _RUN.finditer(item):
        body = run.group(1)
        font = _RUN_FONT.search(body)
        strikes = own if font is None else _font_flag(_STRIKE, font.group(1) or b"")
        runs.append((_run_text(body), strikes))
    return runs


def run_strikes(item: bytes, own: bool) -> tuple[str, str, str] | bool | None:
    """Whether a rich text (a shared string's ``<si>`` or a cell's ``<is>`` body) is struck
    through by its runs' fonts, a run without a font of its own in its cell's (``own``): True
    where every run holding more than spaces is, False where none is, None for a plain text (no
    runs); where some are, (the whole text, the struck text, the text left), each as the file
    keeps it: a head striking part of a name or code and typing the right one beside it
    (session 66, H). A text whose part left holds no letter or digit ('~~NM5~~.', '~~NM5~~ ,')
    is struck whole: what the head struck is all the cell says (session 67, D); not where that
    part is a mark ('~~x~~ -', '~~x~~ √': a mark corrected; session 67, RD)."""
    runs = _strike_runs(item, own)
    if not runs:
        return None
    struck = "".join(text for text, strikes in runs if strikes)
    kept = "".join(text for text, strikes in runs if not strikes)
    if not kept.strip() or not any(ch.isalnum() for ch in kept) and not _a_mark(kept):
        return bool(struck.strip())
    if not struck.strip():
        return False
    return "".join(text for text, _ in runs), struck, kept


def _a_mark(text: str) -> bool:
    """Whether ``text`` (no letter or digit in it) is a deprivation mark a cell may hold ('-',
    '√', '✓', '?'; vocab.deprivation_mark): a head's corrected mark, not a code's leftover."""
    from pipeline.vocab import deprivation_mark  # rare: a part left without a letter or digit

    return deprivation_mark(text) is not None


# A text struck through in part as its runs split it: (text, struck) per piece, at least two,
# none empty, two neighbours never alike; they join into the cell's text as the file keeps it
# (the feedback copy writes them, the struck pieces struck; session 67, D)
StruckPieces = tuple[tuple[str, bool], ...]


def strike_pieces(item: bytes, own: bool) -> StruckPieces:
    """The :data:`StruckPieces` of a rich text struck through in part (:func:`run_strikes`):
    its runs, empty ones dropped, neighbours alike joined."""
    out: list[list[Any]] = []
    for text, strikes in _strike_runs(item, own):
        if not text:
            continue
        if out and out[-1][1] == strikes:
            out[-1][0] += text
        else:
            out.append([text, strikes])
    return tuple((text, strikes) for text, strikes in out)


def struck_shared_strings(shared: bytes) -> dict[int, bytes]:
    """{index: its ``<si>`` body} of a workbook's shared strings whose runs' fonts strike text
    through (for :func:`struck_text_cells`); empty, after one byte search, where none does."""
    if b"strike" not in shared:
        return {}
    return {
        index: item.group(1)
        for index, item in enumerate(_SHARED_ITEM.finditer(shared))
        if item.group(1) and b"strike" in item.group(1)
    }


def struck_text_cells(
    data: bytes,
    shared: dict[int, bytes],
    struck: set[tuple[int, int]],
    pieces: dict[tuple[int, int], StruckPieces] | None = None,
) -> dict[tuple[int, int], tuple[str, str, str]]:
    """The text cells of a worksheet struck through by their runs' fonts (a text struck in the
    cell's edit line, as Excel keeps it: in the shared strings, ``shared`` as
    :func:`struck_shared_strings` gave them, or in the cell): those struck whole added to
    ``struck`` (the cells struck by their style, :func:`struck_cells`), those whose runs leave
    none struck taken out of it; returned {(row, col): :func:`run_strikes`' (the whole text, the
    struck text, the text left)} of those struck in part (session 66, H); ``pieces``: filled
    with each of those's :func:`strike_pieces`, for the feedback copy (session 67, D)."""
    parts: dict[tuple[int, int], tuple[str, str, str]] = {}
    for match in _struck_text_matches(data, shared):
        body = match.group(2)
        attrs = _attrs(match.group(1))
        if attrs.get("t") == "s":
            index = _INDEX.search(body)
            item = shared.get(int(index.group(1))) if index is not None else None
        else:
            item = body if b"strike" in body else None
        ref = _CELL_ONLY.match(attrs.get("r", "")) if item is not None else None
        if ref is None:
            continue
        where = (int(ref.group(2)) - 1, column_index(ref.group(1)))
        own = where in struck
        said = run_strikes(item, own)
        if said is True:
            struck.add(where)
        elif said is False:
            struck.discard(where)
        elif said is not None:
            struck.discard(where)
            parts[where] = said
            if pieces is not None:
                pieces[where] = strike_pieces(item, own)
    return parts


# At most so many shared strings struck by runs are looked for one by one (a byte search each)
_STRUCK_STRINGS_SOUGHT = 64


def _struck_text_matches(data: bytes, shared: dict[int, bytes]) -> Iterator[re.Match]:
    """The text cells of a worksheet that :func:`struck_text_cells` reads (``_TEXT_CELL``'s
    matches): all of them where the sheet's bytes name a strike (an inline rich text), else those
    whose value is one of the few ``shared`` strings struck, each found by a byte search of its
    '<v>index</v>' (a province's plan whose shared strings strike one text is not read cell by
    cell: 0.7 s and 1.9 s for 200 hamlets' plan; session 66, RH)."""
    if b"strike" in data or len(shared) > _STRUCK_STRINGS_SOUGHT:
        yield from _TEXT_CELL.finditer(data)
        return
    root = _ROOT.search(data, 0, 4096)
    p = (root.group(1) or b"") if root else b""
    cell = b"<" + p + b"c "
    found = []
    for index in shared:
        needle = b"<" + p + b"v>" + str(index).encode() + b"</" + p + b"v>"
        at = data.find(needle)
        while at >= 0:
            start = data.rfind(cell, 0, at)
            match = _TEXT_CELL.match(data, start) if start >= 0 else None
            if match is not None and match.end() > at:
                found.append(match)
            at = data.find(needle, at + len(needle))
    yield from found


# A text's fragments, each (text, bold, italic), as the head made part of it bold or italic
# (its words selected in the cell's edit line): at least two, none empty, two neighbours never
# alike; they join into the cell's text as the file keeps it (session 62)
Fragments = tuple[tuple[str, bool, bool], ...]

_ESCAPED_CHAR = lazyre.compile(r"_x([0-9A-Fa-f]{4})_")


def fragments_of(
    pieces: list[tuple[str, tuple[bool, bool]]] | tuple[tuple[str, tuple[bool, bool]], ...],
) -> Fragments | None:
    """``pieces`` (text, (bold, italic)) as :data:`Fragments`: empty pieces dropped, a piece of
    spaces only (which looks alike in any font) joined to the one before (else after), pieces
    alike joined; None where fewer than two are left (the text is in one font)."""
    out: list[list[Any]] = []
    pending = ""  # spaces before the first piece holding more
    for text, (bold, italic) in pieces:
        if not text:
            continue
        if not text.strip():
            if out:
                out[-1][0] += text
            else:
                pending += text
            continue
        if out and (out[-1][1], out[-1][2]) == (bold, italic):
            out[-1][0] += text
        else:
            out.append([pending + text, bold, italic])
            pending = ""
    if len(out) < 2:
        return None
    return tuple((text, bold, italic) for text, bold, italic in out)


def _run_text(body: bytes) -> str:
    """A rich text run's text: its ``<t>`` pieces joined, entities and Excel's escape of a
    control character ('_x000D_') read."""
    raw = b"".join(t.group(1) for t in _RUN_TEXT.finditer(body))
    text = html.unescape(raw.decode("utf-8", "replace"))
    if "_x" in text:
        text = _ESCAPED_CHAR.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text


def rich_fragments(item: bytes, own: tuple[bool, bool]) -> Fragments | None:
    """The :data:`Fragments` of a rich text (a shared string's ``<si>`` or a cell's ``<is>``
    body), a run without a font of its own in its cell's (``own``): None where it is in one
    font throughout, or holds no runs."""
    pieces: list[tuple[str, tuple[bool, bool]]] = []
    for run in _RUN.finditer(item):
        body = run.group(1)
        text = _run_text(body)
        font = _RUN_FONT.search(body)
        if font is None:
            flags = own
        else:
            said = font.group(1) or b""
            flags = (_font_flag(_BOLD, said), _font_flag(_ITALIC, said))
        pieces.append((text, flags))
    return fragments_of(pieces)


def rich_cells(
    data: bytes,
    shared: dict[int, RunFlags],
    styled: dict[tuple[int, int], tuple[bool, bool]],
    items: dict[int, bytes] | None = None,
    parts: dict[tuple[int, int], Fragments] | None = None,
) -> dict[tuple[int, int], tuple[bool, bool]]:
    """{(row, col): (bold, italic)} of a worksheet's rich text cells whose every run is bold
    (or italic): a run with no font of its own is as its cell's (``styled``, the cells' fonts
    by style); a text partly bold is regular by the cell's one font. ``parts``: filled with
    such a text's :func:`rich_fragments` (a shared string's body from ``items``, as
    :func:`rich_shared_strings` gave them), for the feedback copy to write its runs (session
    62)."""
    found: dict[tuple[int, int], tuple[bool, bool]] = {}
    for match in _TEXT_CELL.finditer(data):
        attrs = _attrs(match.group(1))
        ref = _CELL_ONLY.match(attrs.get("r", ""))
        if ref is None:
            continue
        item: bytes | None = None
        if attrs.get("t") == "s":
            index = _INDEX.search(match.group(2))
            runs = shared.get(int(index.group(1))) if index is not None else None
            if runs and items is not None and index is not None:
                item = items.get(int(index.group(1)))
        else:
            runs = rich_runs(match.group(2))
            item = match.group(2)
        if not runs:
            continue
        where = (int(ref.group(2)) - 1, column_index(ref.group(1)))
        own = styled.get(where, (False, False))
        told = [run or own for run in runs]
        flags = tuple(all(run[k] for run in told) for k in (0, 1))
        if flags != own:
            found[where] = (flags[0], flags[1])
        if parts is not None and item is not None and len(set(told)) > 1:
            split = rich_fragments(item, own)
            if split is not None:
                parts[where] = split
    return found


_WIDEST = 18_278  # columns up to ZZZ, the widest reference _WIDE_LETTERS reads


def look(data: bytes, max_rows: int, max_cells: int) -> SheetLook:
    """The reach of a worksheet's values and its formula cells without a value.

    The reach is what calamine would build: from A1 to the last row holding a
    value (rows are stored in order) and the widest column holding one;
    formatted empty cells and rows do not count. Formula cells are looked for
    only when the reach is within ``max_rows`` rows and ``max_cells`` cells.
    A few literal searches over the bytes: about 5 ms for 1,000 rows.
    """
    found = SheetLook()
    marks = _Marks.of(data)
    position = _last_value(data, marks)
    if position < 0:
        return found
    found.last_row, found.far_cell = _row_of(data, position, marks)
    found.last_col = 26
    # The columns beyond Z holding content, told in one pass in C (<c r="XFD5" s="3"/> is a
    # formatted empty cell, not read); then where the widest of them is first used. Only where
    # the width may refuse the sheet, or says how far a refused one reaches: a sheet of fewer
    # rows than max_cells / _WIDEST (547 for a roster) passes whatever its width, and its
    # reach is read nowhere else (one pass less over a roster's list sheet, ~0.1 ms).
    wide: set[bytes] = set()
    if found.last_row > max_rows or found.last_row * _WIDEST > max_cells:
        found_wide = _WIDE_LETTERS.findall(data, 0, position + 1)
        wide = {letters for letters, empty in found_wide if not empty}
    if wide:
        widest = max(wide, key=lambda letters: column_index(letters.decode("ascii")))
        for match in _WIDE_CELL.finditer(data, 0, position + 1):
            if match.group(1) == widest and not match.group(3):
                found.last_col = column_index(widest.decode("ascii")) + 1
                found.far_cell = f"{widest.decode('ascii')}{int(match.group(2))}"
                break
    if found.last_row > max_rows or found.last_row * found.last_col > max_cells:
        found.stopped = True
        return found
    found.formulas_without_value = _formulas_without_value(data, marks)
    found.error_cells = _error_cells(data, marks)
    found.hidden_rows = _hidden_rows(data, marks)
    found.hidden_cols = _hidden_cols(data)
    return found


_COLS = lazyre.compile(rb"<" + _P + rb"cols[\s>].*?</" + _P + rb"cols>", re.S)
_COL = lazyre.compile(rb"<" + _P + rb"col(\s[^>]*)/?>")


# A width that may read as 0 (or is no plain number): any but a nonzero digit first then no
# exponent ('1e-400' is 0.0) and no entity ('&#48;', '1&#101;-400'), quoted either way.
_MAYBE_NO_WIDTH = lazyre.compile(rb"""width\s*=\s*(?:"(?![1-9][^"eE&]*")|'(?![1-9][^'eE&]*'))""")


def _hidden_cols(data: bytes) -> set[int]:
    """0-based indexes of the columns a ``<cols>`` block hides (``hidden="1"`` or a width of
    0), written before the sheet's data; a sheet hiding none, most, costs one byte search."""
    start = data.find(b"cols>")
    end = data.find(b"sheetData")
    if start < 0 or (0 <= end < start):
        return set()
    block = _COLS.search(data, max(0, start - 40), end if end > 0 else len(data))
    if block is None:
        return set()
    if b"hidden" not in block.group(0) and not _MAYBE_NO_WIDTH.search(block.group(0)):
        return set()  # no tag says hidden, every width is 1 or more: no tag looked at
    found: set[int] = set()
    for tag in _COL.finditer(block.group(0)):
        attrs = _attrs(tag.group(1) or b"")
        width = attrs.get("width", "")
        hidden = attrs.get("hidden", "") in ("1", "true")
        try:
            hidden = hidden or (width != "" and float(width) == 0)
            first, last = int(attrs["min"]), int(attrs.get("max", attrs["min"]))
        except (KeyError, ValueError):
            continue
        if hidden and 1 <= first <= last:
            found.update(range(first - 1, min(last, 16384)))
    return found


# What hides a row: hidden="1" (Excel; "true" from LibreOffice, which writes hidden="false"
# on every row it shows), or a height of 0 ('0.0' too; ' ht="0.75"' is told by its value).
# The space before each keeps out 'right="0.4"' (page margins) and 'customHeight="0"'.
_HIDDEN_MARKS = (b' hidden="1"', b' hidden="true"', b" hidden='1'", b" hidden='true'")
_ZERO_HEIGHT = (b' ht="0', b" ht='0")
# What every mark above holds, with the space before it (' ht="0', " ht='0", ' hidden='),
# looked for from the rare 'h' (not 'right="0.7"' of the page margins): none of it, no mark
_HIDING = lazyre.compile(rb"""h(?<=\sh)(?:t=["']0|idden=)""")
_HIDDEN = lazyre.compile(rb"""\shidden\s*=\s*["'](?:1|true)["']""")
_HEIGHT = lazyre.compile(rb"""\sht\s*=\s*["']([^"']*)["']""")
_ROW_OPEN = lazyre.compile(rb"<" + _P + rb"row(\s[^>]*)?/?>")
# An AutoFilter's range, and a filter set on one of its columns (rows it hides are filtered)
_AUTOFILTER = lazyre.compile(
    rb"<" + _P + rb"""autoFilter\s[^>]*?ref\s*=\s*["'][A-Z]{1,3}(\d+)(?::[A-Z]{1,3}(\d+))?["']"""
)
_FILTER_COLUMN = lazyre.compile(rb"<" + _P + rb"filterColumn[\s>]")


def _row_hidden(attrs: bytes) -> bool:
    if _HIDDEN.search(attrs):
        return True
    height = _HEIGHT.search(attrs)
    try:
        return height is not None and float(height.group(1)) == 0
    except ValueError:
        return False


def _hidden_rows(data: bytes, marks: _Marks) -> list[tuple[int, int, bool]]:
    """(first, last, filtered) 0-based of the runs of hidden rows. A sheet saying neither
    ``hidden=`` nor `` ht="0`` anywhere, most, costs one search; otherwise each such
    attribute's tag is looked at (a hidden column's ``<col>`` tag is passed over: columns are
    not rows). Rows not written (``<sheetFormatPr zeroHeight="1">`` hides them) hold no value:
    not told."""
    # (A sheet under 1 MiB holding none of the marks, most, is told so by one search from the
    # rare 'h' (_HIDING): each mark ends in a byte the sheet's tags are full of, and searched
    # one by one they cost three times as much; docs/decisions.md, "Session 43: the
    # province's read stage a fifth time: a roster's mark searches and a pass over its text
    # cut (issue #6)".)
    if len(data) < _ANCHORED_FROM and _HIDING.search(data) is None:
        return []
    # (A sheet holding no single quote at all, most, is not searched for the marks quoted so:
    # told by one memchr, many times faster than a search for each of them.)
    quoted = b"'" in data
    held = _holds(data, b"h")
    found = [mark for mark in _ZERO_HEIGHT if (quoted or b"'" not in mark) and held(mark)]
    if held(b"hidden="):
        found += [mark for mark in _HIDDEN_MARKS if (quoted or b"'" not in mark) and held(mark)]
    if not found:
        return []
    rows: set[int] = set()
    for mark in found:
        at = data.find(mark)
        while at >= 0:
            tag = data.rfind(b"<", 0, at)
            end = data.find(b">", at)
            if tag >= 0 and end >= 0 and data.startswith(marks.row, tag):
                attrs = data[tag + len(marks.row[0]) - 1 : end]
                if _row_hidden(attrs):
                    number = _ROW_NUMBER.search(attrs)
                    if number is None:
                        return _hidden_by_walking(data)  # rows that do not say their number
                    rows.add(int(number.group(1)) - 1)
            at = data.find(mark, at + 1)
    return hidden_runs(sorted(rows), _filtered_span(data))


# A sheet this long (bytes) is searched for marks holding a rare byte by that byte's places
# (:func:`_holds`), when it holds that byte at most once in _ANCHOR_SPACING bytes.
_ANCHORED_FROM = 1 << 20  # a hamlet roster's sheet is under it: searched as before
_ANCHOR_SPACING = 1 << 10


def _holds(data: bytes, anchor: bytes):
    """A test ``mark in data`` for marks holding the byte ``anchor`` (``b"h"`` of ' ht="0' and
    'hidden=', ``b"e"`` of 't="e"'), giving what ``in`` gives. A search for a mark a long
    sheet does not hold goes through all of it (~2 GB/s, whatever the mark: 0.1 s for the
    plan's 181 MB start list); the places of a byte the cells of a sheet's XML do not hold
    (its tags are 'row', 'c', 'v': no 'h', no 'e') are found with memchr, and each mark is
    compared at those places only. A short sheet, or one holding the byte more than once in
    _ANCHOR_SPACING bytes (text written in the sheet: a roster's input prompts), is searched
    as before."""
    if len(data) < _ANCHORED_FROM:
        return data.__contains__
    places = []
    kept = len(data) // _ANCHOR_SPACING
    at = data.find(anchor)
    while at >= 0:
        if len(places) == kept:
            return data.__contains__
        places.append(at)
        at = data.find(anchor, at + 1)

    def held(mark: bytes) -> bool:
        offset = mark.index(anchor)
        return any(data.startswith(mark, at - offset) for at in places if at >= offset)

    return held


def _hidden_by_walking(data: bytes) -> list[tuple[int, int, bool]]:
    """:func:`_hidden_rows` for a sheet whose rows do not all carry their number."""
    rows, row = [], -1
    for match in _ROW_OPEN.finditer(data):
        attrs = match.group(1) or b""
        number = _ROW_NUMBER.search(attrs)
        row = int(number.group(1)) - 1 if number else row + 1
        if _row_hidden(attrs):
            rows.append(row)
    return hidden_runs(sorted(set(rows)), _filtered_span(data))


def _filtered_span(data: bytes) -> tuple[int, int] | None:
    """The rows (0-based, inclusive) under an AutoFilter's header that a filter set on one of
    its columns may hide (every row in a sheet holding an Excel Table); None when the sheet
    has no filter set."""
    found = _AUTOFILTER.search(data) if b"autoFilter" in data else None
    if found is None:
        # An Excel Table (Insert > Table) keeps its filter in its own part, not here: hidden
        # rows of a sheet holding one are said as filtered, whose advice (clear the filter,
        # then unhide what stays hidden) also shows rows hidden by hand.
        return (0, 1 << 30) if b"tablePart" in data else None
    tag_end = data.find(b">", found.end())
    close = data.find(b"autoFilter", tag_end) if data[tag_end - 1 : tag_end] != b"/" else tag_end
    if tag_end < 0 or not _FILTER_COLUMN.search(data, tag_end, close if close >= 0 else len(data)):
        return None  # the drop-down arrows only: no row filtered out
    first = int(found.group(1))  # the header row (1-based), whose rows below are filtered
    last = int(found.group(2)) if found.group(2) else first
    return first, last - 1


def hidden_runs(rows: list[int], filtered: tuple[int, int] | None) -> list[tuple[int, int, bool]]:
    """Sorted row numbers as runs of consecutive rows, each split where a filter's span ends
    (``filtered``: the rows, 0-based and inclusive, a filter may hide; also for an .xls,
    ``biff``)."""
    runs: list[tuple[int, int, bool]] = []
    for row in rows:
        by_filter = filtered is not None and filtered[0] <= row <= filtered[1]
        if runs and runs[-1][1] == row - 1 and runs[-1][2] == by_filter:
            runs[-1] = (runs[-1][0], row, by_filter)
        else:
            runs.append((row, row, by_filter))
    return runs


_ERROR_TYPE = lazyre.compile(rb"""\st\s*=\s*["']e["']""")
# What both marks of the error type hold ('"e"', "'e'"), looked for from the rare 'e'
_ERROR_QUOTED = lazyre.compile(rb"""e(?<=["']e)["']""")
_VALUE = lazyre.compile(rb"<" + _P + rb"v>([^<]*)<")


def _error_cells(data: bytes, marks: _Marks) -> dict[tuple[int, int], str]:
    """(row, col) 0-based -> error text of the cells of type error (t="e"), found from the type
    itself: the cost follows the number of such cells (none in most sheets: one search)."""
    if len(data) < _ANCHORED_FROM and _ERROR_QUOTED.search(data) is None:
        return {}  # (one search from the rare 'e' instead of two: as in _hidden_rows)
    # (A sheet holding no single quote at all, most, needs no search for t='e': told by one
    # memchr, many times faster than a search for the five bytes.)
    held = _holds(data, b"e")
    if not held(b't="e"') and (b"'" not in data or not held(b"t='e'")):
        return {}
    out: dict[tuple[int, int], str] = {}
    for match in _ERROR_TYPE.finditer(data):
        opening, _ = _last(data, marks.cell, match.start())
        if opening < 0:
            continue
        tag_end = data.find(b">", opening) + 1
        if not opening < match.start() < tag_end:
            continue  # the attribute of another element
        ref = _CELL_REF.search(data, opening, tag_end)
        if ref is None:
            continue  # a cell that does not say where it is: left as calamine reads it
        close = data.find(marks.cell_end, tag_end)
        value = _VALUE.search(data, tag_end, close if close >= 0 else len(data))
        text = value.group(1).decode("utf-8", "replace").strip() if value else ""
        out[(int(ref.group(2)) - 1, column_index(ref.group(1).decode("ascii")))] = text or "#ERROR"
    return out


def _last(data: bytes, marks: tuple[bytes, ...], end: int) -> tuple[int, bytes]:
    """The last of ``marks`` before ``end`` (-1 when none), looked for in growing windows
    from ``end``: a mark a sheet never uses is not searched for through all of it at once."""
    window = 1 << 12
    while True:
        start = max(0, end - window)
        found = max((data.rfind(mark, start, end), mark) for mark in marks)
        if found[0] >= 0 or start == 0:
            return found
        window <<= 4


def _last_value(data: bytes, marks: _Marks) -> int:
    """Where the last value of the sheet is stored (-1: none). An empty ``<v></v>`` is no
    value (calamine skips it); an inline string is one even when empty."""
    end = len(data)
    while True:
        position, mark = _last(data, marks.value, end)
        if position < 0:
            return -1
        after = position + len(mark)
        if mark.endswith(b"v>") and data[after : after + 1] in (b"<", b""):
            end = position  # <v></v>: look further back
            continue
        return position


def _row_of(data: bytes, position: int, marks: _Marks) -> tuple[int, str]:
    """(1-based row, cell reference) of the cell holding the value stored at ``position``."""
    tag, _ = _last(data, marks.row, position)
    row = 0
    if tag >= 0:
        number = _ROW_NUMBER.search(data, tag, data.find(b">", tag) + 1)
        row = int(number.group(1)) if number else len(_ROW_TAG.findall(data, 0, tag + 1))
    cell, _ = _last(data, marks.cell, position)
    if cell > tag:
        ref = _CELL_REF.search(data, cell, data.find(b">", cell) + 1)
        if ref:
            return int(ref.group(2)), f"{ref.group(1).decode('ascii')}{int(ref.group(2))}"
    return row, f"A{row}"


def _formula_text(body: bytes) -> str:
    """A formula cell's formula as Excel shows it ('=SUM(H5:H10)'), '' where it writes none."""
    found = _FORMULA_TEXT.search(body)
    if found is None:
        return ""
    return "=" + html.unescape(found.group(1).decode("utf-8", "replace"))


def cell_formula(data: bytes, ref: str) -> str:
    """The formula of worksheet cell ``ref`` ('B7') as Excel shows it ('=5-6-24'), whatever
    its cached value; '' when the cell holds none, or is not found by its reference. Asked
    only of a cell whose value is not what its column wants (a 'Ngày lập' of −25), so only
    then is the sheet searched (session 41)."""
    tag = re.search(
        rb"<(" + _P + rb")c\s[^>]*?\br\s*=\s*[\"']" + re.escape(ref.encode("ascii"))
        + rb"[\"'][^>]*?(/?)>",
        data,
    )  # fmt: skip
    if tag is None or tag.group(2):
        return ""
    close = data.find(b"</" + tag.group(1) + b"c>", tag.end())
    return _formula_text(data[tag.end() : close if close >= 0 else len(data)])


def _formulas_without_value(data: bytes, marks: _Marks) -> dict[tuple[int, int], str]:
    """(row, col) 0-based -> the formula (:func:`_formula_text`) of the formula cells with no
    cached value (no ``<v>``, or an empty one where the formula's result is not text). Each
    formula's cell is found from the formula itself, so the cost follows the number of
    formulas, not of cells."""
    out: dict[tuple[int, int], str] = {}
    for at in _all(data, marks.formula):
        opening, _ = _last(data, marks.cell, at)
        if opening < 0:
            continue
        tag_end = data.find(b">", opening) + 1
        ref = _CELL_REF.search(data, opening, tag_end)
        if ref is None:
            return _formulas_by_walking(data)  # cells without references: count them all
        close = data.find(marks.cell_end, at)
        body = data[tag_end : close if close >= 0 else len(data)]
        if not _cached(body, _CELL_TYPE.search(data, opening, tag_end)):
            at_cell = (int(ref.group(2)) - 1, column_index(ref.group(1).decode("ascii")))
            out[at_cell] = _formula_text(body)
    return out


def _all(data: bytes, marks: tuple[bytes, ...]) -> list[int]:
    """Every position of any of ``marks``, in order. Marks sharing all but their last byte
    ('<f>', '<f ', '<f/') are looked for in one pass."""
    stem = marks[0][:-1]
    if all(mark[:-1] == stem for mark in marks):
        ends = {mark[-1] for mark in marks}
        # Found by the stem's last byte ('f' of '<f'), rare in a sheet's XML, which bytes.find
        # looks for with memchr: a search for '<f' itself stops at every tag's '<'.
        last, size = stem[-1:], len(stem)
        found = []
        at = data.find(last, size - 1)
        while at >= 0:
            start = at - size + 1
            if data[start : at + 1] == stem and at + 1 < len(data) and data[at + 1] in ends:
                found.append(start)
            at = data.find(last, at + 1)
        return found
    found = []
    for mark in marks:
        at = data.find(mark)
        while at >= 0:
            found.append(at)
            at = data.find(mark, at + 1)
    return sorted(found)


def _cached(body: bytes, kind) -> bool:
    """A cached value in a formula cell's body: a non-empty <v>, an inline string, or the
    empty <v></v> of a formula whose result is empty text (t="str")."""
    return bool(_CACHED.search(body)) or (kind is not None and kind.group(1) == b"str"
                                          and b"v>" in body)  # fmt: skip


def _formulas_by_walking(data: bytes) -> dict[tuple[int, int], str]:
    """:func:`_formulas_without_value` for sheets whose cells do not all carry a reference:
    every row and cell is walked to know where each one is."""
    out: dict[tuple[int, int], str] = {}
    row, col = -1, -1
    for match in _TAGS.finditer(data):
        prefix, name, attrs, empty = match.groups()
        attrs = attrs or b""
        if name == b"row":
            number = _ROW_NUMBER.search(attrs)
            row = int(number.group(1)) - 1 if number else row + 1
            col = -1
            continue
        ref = _CELL_REF.search(attrs)
        if ref:
            col = column_index(ref.group(1).decode("ascii"))
            row = int(ref.group(2)) - 1
        else:
            col += 1
        if empty:
            continue
        end = data.find(b"</" + prefix + b"c>", match.end())
        body = data[match.end() : end if end >= 0 else len(data)]
        if _FORMULA.search(body) and not _cached(body, _CELL_TYPE.search(attrs)):
            out[(row, col)] = _formula_text(body)
    return out


class Package:
    """An xlsx/xlsm package opened once for the looks at its sheets (``parts`` is None when
    the file is not one, or its parts cannot be made out: the reader then judges alone)."""

    def __init__(self, path: Path, opened: zipfile.ZipFile | None = None, head: bytes = b""):
        """``opened``: the file's zip already open (``head``: its first four bytes), as the
        size precheck left it; else the file is opened here."""
        self.zip: zipfile.ZipFile | None = None
        self.parts: list[str] | None = None
        self._struck: frozenset[int] | None = None
        self._struck_strings: dict[int, bytes] | None = None  # struck by runs, read once
        self._rich: dict[int, RunFlags] | None = None  # the shared strings' rich texts, read once
        self._rich_items: dict[int, bytes] = {}  # those in several fonts: their <si> bodies
        self.released = False  # closed by its owner once the file is read
        try:
            if opened is None:
                with path.open("rb") as handle:
                    head = handle.read(4)
            if head != b"PK\x03\x04":
                return
            self.zip = opened if opened is not None else zipfile.ZipFile(path)
            self.parts = sheet_parts(self.zip)
        except PART_ERRORS:
            self.close()

    def look(self, index: int, sheets: int, max_rows: int, max_cells: int) -> SheetLook | None:
        if self.zip is None or self.parts is None:
            return None
        try:
            if len(self.parts) != sheets or not self.parts[index]:
                return None
            info = self.zip.getinfo(self.parts[index])
            if info.file_size > 1 << 30:
                return None  # the precheck refuses such packages before they get here
            data = read_part(self.zip, info)
            found = look(data, max_rows, max_cells)
            if not found.stopped and self.struck:
                found.struck_cells = struck_cells(data, self.struck)
            if not found.stopped and (self.struck_strings or b"strike" in data):
                # a text struck in the cell's edit line, by its runs' fonts (session 66, H)
                found.partly_struck = struck_text_cells(
                    data, self.struck_strings, found.struck_cells, found.struck_pieces
                )
            return found
        except PART_ERRORS:
            return None

    def formula_at(self, index: int, sheets: int, ref: str) -> str:
        """:func:`cell_formula` of cell ``ref`` of the ``index``-th of the ``sheets`` sheets;
        '' when the file is no xlsx/xlsm package or its part cannot be read."""
        if self.zip is None or self.parts is None:
            return ""
        try:
            if len(self.parts) != sheets or not self.parts[index]:
                return ""
            info = self.zip.getinfo(self.parts[index])
            if info.file_size > 1 << 30:
                return ""
            return cell_formula(read_part(self.zip, info), ref)
        except PART_ERRORS:
            return ""

    def emphasis(
        self, index: int, sheets: int, parts: dict[tuple[int, int], Fragments] | None = None
    ) -> dict[tuple[int, int], tuple[bool, bool]]:
        """{(row, col): (bold, italic)} of the ``index``-th of the ``sheets`` sheets' cells
        written bold or italic (:func:`emphasis_styles`, :func:`styled_cells`); empty when
        the file is no xlsx/xlsm package or its parts cannot be read. ``parts``: filled with
        its texts partly bold or italic (:func:`rich_cells`, session 62)."""
        if self.zip is None or self.parts is None:
            return {}
        try:
            if len(self.parts) != sheets or not self.parts[index]:
                return {}
            if (styles_part := workbook_part(self.zip, "styles", "xl/styles.xml")) is None:
                return {}
            info = self.zip.getinfo(styles_part)
            sheet = self.zip.getinfo(self.parts[index])
            if info.file_size >= 1 << 26 or sheet.file_size > 1 << 30:
                return {}
            styles = emphasis_styles(read_part(self.zip, info))
            data = read_part(self.zip, sheet)
            found = styled_cells(data, styles) if styles else {}
            # a text made bold run by run (its words selected in the cell's edit line), kept
            # in the shared strings or the cell (session 61)
            if self._rich is None:
                self._rich, self._rich_items = {}, {}
                # (named otherwise by some writers: 'xl/SharedStrings.xml'; session 64)
                part = workbook_part(self.zip, "sharedStrings", "xl/sharedStrings.xml")
                if part is not None:
                    strings = self.zip.getinfo(part)
                    if strings.file_size < 1 << 28:
                        self._rich = rich_shared_strings(
                            read_part(self.zip, strings), self._rich_items
                        )
            shared = self._rich
            # (openpyxl writes every text inline: its runs looked for only where one has runs)
            if shared or b"<r>" in data or b":r>" in data:
                found.update(rich_cells(data, shared, found, self._rich_items, parts))
            return {cell: flags for cell, flags in found.items() if any(flags)}
        except PART_ERRORS:
            return {}

    @property
    def struck(self) -> frozenset[int]:
        """The package's struck-through cell styles (:func:`struck_styles`), read once. Its
        styles part found as Excel finds it (:func:`workbook_part`: 'xl/styles.xml' first, as
        before, else the part the workbook's relationship names, 'xl/Styles.xml'; session 64,
        H2: before, such a workbook's struck rows were not said)."""
        if self._struck is None:
            self._struck = self._part_read(
                "styles", "xl/styles.xml", 1 << 26, struck_styles, frozenset()
            )
        return self._struck

    @property
    def struck_strings(self) -> dict[int, bytes]:
        """The package's shared strings struck through by their runs' fonts
        (:func:`struck_shared_strings`), read once (session 66, H)."""
        if self._struck_strings is None:
            self._struck_strings = self._part_read(
                "sharedStrings", "xl/sharedStrings.xml", 1 << 28, struck_shared_strings, {}
            )
        return self._struck_strings

    def _part_read(self, kind: str, name: str, limit: int, parse, empty):
        """``parse`` of the package's ``kind`` part, found as Excel finds it
        (:func:`workbook_part`), where it is under ``limit`` bytes; ``empty`` where it is
        missing, too big or unreadable."""
        try:
            if self.zip is not None and (part := workbook_part(self.zip, kind, name)):
                info = self.zip.getinfo(part)
                if info.file_size < limit:
                    return parse(read_part(self.zip, info))
        except PART_ERRORS:
            pass
        return empty

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()
        self.zip = self.parts = None


class OpenedPackage(Package):
    """A package opened by the reader's size precheck (pipeline.readpool); closing it closes
    the file too."""

    def __init__(self, path: Path, package: zipfile.ZipFile, handle, head: bytes):
        self.handle = handle
        super().__init__(path, package, head)

    def close(self) -> None:
        super().close()
        self.handle.close()
        self.released = True  # a sheet read after this opens the file again
