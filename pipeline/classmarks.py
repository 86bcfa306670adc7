"""A household's class read from mark columns ('Hộ nghèo | Hộ cận nghèo' marked 'x').

Moved from ``pipeline.read`` (session 52; ``pipeline.read`` re-exports its public names;
docs/decisions.md, session 18): :func:`class_mark_columns` finds the columns,
:func:`classes_from_marks` reads each row's class from its marks.
"""

from __future__ import annotations

from typing import Any

from pipeline import lazyre
from pipeline.headers import HeaderMatch, is_column_number_row, number_folds, spread_merges
from pipeline.keyvalues import label_in
from pipeline.opening import Merge
from pipeline.tables import SIGNATURE_DATE, Table, first_cells, vertical_fills
from pipeline.text import clean_text, column_letter, fold, is_blank
from pipeline.timeranks import EARLIER_TIME, EARLIER_WORD, time_before, time_in
from schemas.columns import INDICATOR_KEYS

MARK_SAMPLE_ROWS = 200  # rows under a header looked at to tell a column of marks


def _class_parts(rows: list[list[Any]], header: HeaderMatch, col: int) -> tuple | None:
    """(class key, the column's lowest header cell, the cell above it that differs or None)
    of a column of the header whose lowest cell names a class ('Hộ nghèo', 'Thoát nghèo');
    None for any other."""
    from pipeline import vocab

    lowest = None
    for r in range(header.last_row, header.first_row - 1, -1):
        if col < len(rows[r]) and not is_blank(rows[r][col]):
            lowest = r
            break
    if lowest is None:
        return None
    child = rows[lowest][col]
    kind = vocab.classification(child) if isinstance(child, str) else None
    if kind is None:
        return None
    for r in range(lowest - 1, header.first_row - 1, -1):
        above = rows[r][col] if col < len(rows[r]) else None
        if not is_blank(above) and fold(above) != fold(child):
            return kind, child, above
    return kind, child, None


def _runs(cols: list[int]) -> list[list[int]]:
    """Sorted column indexes cut into runs of neighbours."""
    runs: list[list[int]] = []
    for col in sorted(cols):
        if runs and runs[-1][-1] == col - 1:
            runs[-1].append(col)
        else:
            runs.append([col])
    return runs


def _one_of_each(kinds: list[str]) -> bool:
    """Whether mark columns of these classes tell a household's class: two or more, one poor
    or one near-poor at least, neither twice (exited may be split: 'Thoát nghèo | Thoát cận
    nghèo')."""
    poor, near = kinds.count("poor"), kinds.count("near_poor")
    return len(kinds) >= 2 and poor <= 1 and near <= 1 and poor + near >= 1


# A parent over class columns that may tell no class of this period: a count or a target ('Số
# hộ', 'Chỉ tiêu giảm … (hộ)', 'Tổng'), or a time ('Năm 2023', 'Tháng 4': which one is this
# list's the reader cannot tell; an earlier time is said by EARLIER_TIME).
_NOT_A_RESULT = lazyre.compile(
    r"\b(?:so|tong|chi tieu|ke hoach|giam|tang|luot|nhan khau|nguoi|ty le|(?:19|20)\d\d|"
    r"thang \d{1,2})\b|\(ho\)"
)


def _names_a_result(parent: Any) -> bool:
    """Whether a parent that names no class column ('Kết quả bình xét', 'Bình xét') may head
    class columns that hold this period's class: not a count, a target or an earlier time."""
    folded = fold(parent)
    return not _NOT_A_RESULT.search(folded) and not EARLIER_TIME.search(folded)


def _by_parent(run: list[int], under: dict) -> list[list[int]]:
    """A run of neighbouring class columns cut where their parent changes ('Kết quả bình xét'
    over two, none over the next)."""
    pieces: list[tuple[str | None, list[int]]] = []
    for col in run:
        parent = under[col][2]
        key = None if parent is None else fold(parent)
        if pieces and pieces[-1][0] == key:
            pieces[-1][1].append(col)
        else:
            pieces.append((key, [col]))
    return [cols for _, cols in pieces]


def _holds_marks(
    grid: list[list[Any]],
    header: HeaderMatch,
    under: dict,
    cols: list[int],
    earlier: dict | None = None,
) -> bool:
    """Whether the columns hold marks under the header: in the rows with a household code (else
    a head's name), at least one tick, and two in three of the values written marks ('x', '1',
    '✓', '0', '-', as the deprivation marks are read; or the column's class written out). The
    few others are each said where they are (classes_from_marks). A list with no such
    row holds nothing else either: its columns are taken as headed. ``earlier``: the columns
    of the class at the start of the period beside them ('Đầu kỳ'), as ``under``: a tick
    there counts too (a list whose only households left shows them marked there only)."""
    earlier = earlier or {}
    under = {**earlier, **under}
    cols = [*cols, *(c for c in earlier if c not in cols)]
    from pipeline import vocab
    from schemas.columns import ROSTER_INFO_LABELS, SIGNATURE_MARKERS

    key = next((k for k in ("ma_ho", "chu_ho") if k in header.columns), None)
    if key is None:
        return False
    guard = header.columns[key][0]
    ticks = read = written = households = 0
    for raw in grid[header.last_row + 1 : header.last_row + 1 + MARK_SAMPLE_ROWS]:
        if guard >= len(raw) or is_blank(raw[guard]):
            continue
        if is_column_number_row(number_folds(raw)):
            continue  # '(1) | (2) | …' under the header: no household, its numbers no marks
        cells = first_cells(raw, 4)
        first = fold(cells[0][1])
        if len(cells) <= 3 and (
            first.startswith(SIGNATURE_MARKERS) or SIGNATURE_DATE.search(first) is not None
        ):
            break  # the signatures ('Ngày … tháng … năm', 'Người lập biểu'): the list has ended
        if len(cells) == 1 or len(cells) <= 3 and label_in(cells[0][1], ROSTER_INFO_LABELS):
            # a line of a 'Thông tin' block under the list ('Kỳ báo cáo: | 05/2024', its
            # title), its value under 'Mã hộ': no household (session 64, D2); nor a line of
            # one cell, a note under 'Mã hộ' ('Không có hộ nghèo'), no household's row and
            # no mark either (session 65, D)
            continue
        households += 1
        for col in cols:
            value = raw[col] if col < len(raw) else None
            if is_blank(value):
                continue
            written += 1
            mark = vocab.deprivation_mark(value)
            if mark is None and isinstance(value, str):
                mark = vocab.classification(value) == under[col][0] or None
            ticks += mark is True
            read += mark is not None
    if not households:
        # a list with its header and no household yet: nothing says the columns are anything
        # but what they are headed, so an empty list is said as one (empty-list), in its layout
        return True
    return ticks > 0 and read * 3 >= written * 2


def class_mark_columns(
    grid: list[list[Any]], header: HeaderMatch | None, merges: list[Merge] | None = None
) -> HeaderMatch | None:
    """A roster list's header whose class is written as a mark in one of several columns, read
    so (in place): ``header.marks`` holds them, 'phan_loai' names the first of them (with the
    parent's header), and they are no unknown columns.

    Two layouts: a parent naming the class ('Phân loại hộ', 'Phân loại', 'Loại hộ', 'Kết quả
    phân loại' merged over 'Hộ nghèo | Hộ cận nghèo | Thoát nghèo', or written over the first
    only), the neighbouring columns under it headed by classes; or, where the list has no
    class column at all, neighbouring top-level columns headed by classes alone ('Hộ nghèo |
    Hộ cận nghèo'), or under a parent that names no class column ('Kết quả bình xét', 'Bình
    xét'; not a count, a target or an earlier time: :func:`_names_a_result`), when the rows
    under them hold marks (:func:`_holds_marks`) and no other such run does. Either way two
    columns or more, one poor or one near-poor at least and neither twice
    (:func:`_one_of_each`); anything else is left as it was read. For a roster's list sheets
    and the plan's start list: under a plan's 'Chỉ tiêu giảm … (hộ)' the same headers are
    counts."""
    if header is None or header.marks:
        return header
    phan = header.columns.get("phan_loai")
    dated = phan is not None and time_before(time_in(str(phan[1])), header.period)
    if phan is not None and header.period is None and time_in(str(phan[1])) is not None:
        header.timed = True  # no month known yet: read again once it is told (session 41)
    if phan is not None and (dated or _names_earlier(phan[1])):
        # 'Phân loại hộ tháng trước' (last month's class, an earlier time) beside 'Hộ nghèo |
        # Hộ cận nghèo | Thoát nghèo' marks: this month's class is marked, the other is not
        # read (and no unknown column); alone, it is still the class column (session 39). So
        # is 'Phân loại hộ tháng 4/2024' in a May list (``dated``: the list's month told it;
        # read again if the list's month is settled otherwise, session 40), and 'Phân loại
        # hộ năm 2023' in a 2024 list (session 41)
        columns = dict(header.columns)
        del header.columns["phan_loai"]
        marked = class_mark_columns(grid, header, merges)
        if marked is not None and marked.marks:
            marked.earlier.append(phan)
            marked.timed = marked.timed or dated
            return marked
        header.columns = columns
        return header
    rows = spread_merges(grid, min(len(grid), header.last_row + 1), merges)
    unknown = {col for col, _ in header.unknown}
    earlier: dict[int, tuple] = {}
    if phan is not None:
        seen = _class_parts(rows, header, phan[0])
        if seen is None or seen[2] is None:
            return header  # an ordinary class column (its values the classes)
        parent = fold(seen[2])
        under = {phan[0]: seen}
        for col in unknown:
            found = _class_parts(rows, header, col)
            if found is not None and (found[2] is None or fold(found[2]) == parent):
                under[col] = found
        run = next(r for r in _runs(list(under)) if phan[0] in r)
        named = clean_text(seen[2])
    else:
        under, earlier, times = {}, {}, {}
        for col in unknown:
            found = _class_parts(rows, header, col)
            if found is None:
                continue
            times[col] = found[2]  # the cell right above ('Cuối kỳ')
            found = (*found[:2], _above(rows, header, col))  # every header cell above it
            if found[2] is None or _names_a_result(found[2]):
                under[col] = found
            elif EARLIER_TIME.search(fold(found[2])):
                earlier[col] = found  # 'Đầu kỳ' over 'Hộ nghèo | Hộ cận nghèo': the class before
        runs = [
            piece
            for run in _runs(list(under))
            for piece in _by_parent(run, under)
            if _one_of_each([under[c][0] for c in piece])
            and _holds_marks(grid, header, under, piece, earlier)
        ]
        if len(runs) != 1:
            return header
        run = runs[0]
        beside = under.get(run[-1] + 1)
        if beside is not None and beside[0] == "exited" and beside[2] is None and under[run[0]][2]:
            # a 'Thoát' column added beside the classes of a parent ('Kết quả bình xét', 'Cuối
            # kỳ') without widening it, as the messages of a list with no exit column ask
            run = [*run, run[-1] + 1]
        above = under[run[0]][2]
        named = (
            " | ".join(clean_text(under[c][1]) for c in run) if above is None else clean_text(above)
        )
    if not _one_of_each([under[c][0] for c in run]):
        return header
    header.marks = [
        (c, under[c][0], clean_text(under[c][1]),
         " ".join(clean_text(t) for t in (under[c][2], under[c][1]) if not is_blank(t)))
        for c in run
    ]  # fmt: skip
    header.columns["phan_loai"] = (run[0], named)
    if phan is None and not any(under[c][0] == "exited" for c in run):
        # the class at the start of the period ('Đầu kỳ') of a list with no exit column: a
        # row marked there only is how such a list shows a household that left both lists
        starts = [piece for part in _runs(list(earlier)) for piece in _by_parent(part, earlier)
                  if _one_of_each([earlier[c][0] for c in piece])]  # fmt: skip
        if len(starts) == 1:
            header.start_marks = [
                (c, earlier[c][0], clean_text(earlier[c][1]),
                 " ".join(clean_text(t) for t in (earlier[c][2], earlier[c][1]) if not is_blank(t)))
                for c in starts[0]
            ]  # fmt: skip
            header.times = tuple(
                "" if is_blank(times.get(c)) else clean_text(times[c])
                for c in (starts[0][0], run[0])
            )
    # the class at the start of the period beside it ('Đầu kỳ'): known, not read as the class
    # (it is last month's, which the history holds), so no unknown column either
    header.unknown = [(col, text) for col, text in header.unknown
                      if col not in run and col not in earlier]  # fmt: skip
    return header


def _names_earlier(text: Any) -> bool:
    """Whether a column's header as written names an earlier time ('Phân loại hộ tháng
    trước', 'Phân loại hộ đầu kỳ', '… cũ'), as :func:`time_ranks` tells one."""
    return bool(EARLIER_TIME.search(fold(text)) or EARLIER_WORD.search(clean_text(text).lower()))


def _above(rows: list[list[Any]], header: HeaderMatch, col: int) -> str | None:
    """The header cells above a column's lowest one, top first, each once ('Phân loại hộ Cuối
    kỳ' over 'Hộ nghèo'); None when there are none."""
    lowest = max(r for r in range(header.first_row, header.last_row + 1)
                 if col < len(rows[r]) and not is_blank(rows[r][col]))  # fmt: skip
    seen: list[str] = []
    for r in range(header.first_row, lowest):
        text = rows[r][col] if col < len(rows[r]) else None
        if not is_blank(text) and fold(text) not in {fold(t) for t in seen}:
            seen.append(clean_text(text))
    child = fold(rows[lowest][col])
    seen = [t for t in seen if fold(t) != child]
    return " ".join(seen) or None


def mark_columns(header: HeaderMatch) -> set[int]:
    """The columns of a list whose cells are marks: the deprivations' and the class's
    (:func:`class_mark_columns`, at the end and at the start of the period), where a letter in
    a symbol font is read as the mark it draws (``Workbook.mark_grid``)."""

    cols = {header.columns[key][0] for key in INDICATOR_KEYS if key in header.columns}
    return cols | {m[0] for m in header.marks} | {m[0] for m in header.start_marks}


def mark_names(header: HeaderMatch) -> dict[int, str]:
    """Column -> the name every message gives a class mark column (``header.marks`` and
    ``start_marks``): its own header cell ('Hộ nghèo' under 'Phân loại hộ', not the joined
    'Phân loại hộ Hộ nghèo'), as class-marks-several names its cells (session 50). A mark at
    the start of the period, and one at its end whose own text heads a start column too
    ('Hộ nghèo' under 'Đầu kỳ' and under 'Cuối kỳ'), is named by its time's cell and its own:
    'Cuối kỳ Hộ nghèo', not all the rows above ('Phân loại hộ Cuối kỳ Hộ nghèo', session 50's
    review); by the header as written where no time is written over it."""
    end_time, start_time = header.times[1], header.times[0]
    before = {fold(own) for _, _, own, _ in header.start_marks}
    named = {}
    for col, _, own, text in header.marks:
        if fold(own) not in before:
            named[col] = own
        else:
            named[col] = f"{end_time} {own}" if end_time else text
    for col, _, own, text in header.start_marks:
        named[col] = f"{start_time} {own}" if start_time else text
    return named


def classes_from_marks(
    grid: list[list[Any]], header: HeaderMatch, table: Table, merges: list[Merge] | None = None
) -> list[tuple[int, str, str, str, str, str, str]]:
    """The class of each row of a table whose header has mark columns
    (:func:`class_mark_columns`), put in ``table.columns['phan_loai']`` as the list would
    have written it ('Hộ nghèo') and located at the marked cell (``table.elsewhere``); and the
    rows that tell none, as (Excel row, code, cell, column, value as shown, detail, variant): a cell
    holding something other than a mark ('invalid-class-mark', each such cell), else marks in
    two columns or more ('class-marks-several', at the first), else no mark
    ('class-marks-none', at the first column). A class written out in its own column ('Hộ
    nghèo' under 'Hộ nghèo') is a mark. Such a row's class is left blank."""
    from pipeline import vocab
    from schemas.columns import CLASSIFICATION_LABEL

    if not header.marks:
        return []
    fills = vertical_fills(merges, header.last_row)
    parent = header.columns["phan_loai"][1]
    named = mark_names(header)
    # the columns a mark goes in, as each cell is named ('Cuối kỳ Hộ nghèo' on a two-times
    # list, where 'Hộ nghèo' heads a start column too: session 50's review)
    names = ", ".join(f"'{named[col]}'" for col, *_ in header.marks)
    classes: list[Any] = []
    there: dict[int, tuple[int, str]] = {}
    problems = []

    def read(raw: list[Any], excel_row: int, col: int, kind: str) -> tuple[Any, bool | None]:
        value = raw[col] if col < len(raw) else None
        source = fills.get((excel_row - 1, col))
        if source is not None and is_blank(value):
            value = grid[source[0]][source[1]]
        mark = vocab.deprivation_mark(value)
        if mark is None and isinstance(value, str) and vocab.classification(value) == kind:
            mark = True  # the class written out in its own column
        return value, mark

    for excel_row in table.excel_rows:
        raw = grid[excel_row - 1]
        ticked, odd, cells = [], [], []
        for col, kind, own, _ in header.marks:
            value, mark = read(raw, excel_row, col, kind)
            cell = f"{column_letter(col)}{excel_row}"
            cells.append(f"{cell} '{own}'")
            if mark is None:
                odd.append((cell, named[col], value))
            elif mark:
                ticked.append((col, kind, named[col], cell, value, own))
        if len(ticked) == 1 and not odd:
            col, kind, text = ticked[0][:3]
            classes.append(CLASSIFICATION_LABEL[kind])
            there[excel_row] = (col, text)
            value = ticked[0][4]
            if value.__class__ is str and ("?" in value or "\uff1f" in value):
                table.questioned[excel_row] = clean_text(value)  # 'x?': counted, and said
            continue
        before: list = []
        if not ticked and not odd and header.start_marks:
            # marked at the start of the period only ('Đầu kỳ'), nothing at its end: it left
            # both lists; located at that mark
            before = [(col, named[col], *read(raw, excel_row, col, kind))
                      for col, kind, _, _ in header.start_marks]  # fmt: skip
            once = [(col, text, value) for col, text, value, mark in before if mark]
            if len(once) == 1 and all(mark is not None for *_, mark in before):
                classes.append(CLASSIFICATION_LABEL["exited"])
                there[excel_row] = once[0][:2]
                value = once[0][2]
                if value.__class__ is str and ("?" in value or "\uff1f" in value):
                    table.questioned[excel_row] = clean_text(value)  # 'x?' at the start: said
                    table.questioned_start.add(excel_row)
                continue
        classes.append(None)
        if odd:
            for cell, text, value in odd:
                problems.append((excel_row, "invalid-class-mark", cell, text, clean_text(value),
                                 names, ""))  # fmt: skip
        elif ticked:
            said = ", ".join(f"{cell} '{own}'" for *_, cell, _, own in ticked)
            problems.append((excel_row, "class-marks-several", ticked[0][3], parent,
                             clean_text(ticked[0][4]), said, ""))  # fmt: skip
        elif before and all(mark is False for *_, mark in before):
            # nothing at the start nor at the end: a household that left in an earlier month,
            # its row copied on (or one whose class was forgotten): both said, with every cell
            start = [
                f"{column_letter(c)}{excel_row} '{own}'" for c, _, own, _ in header.start_marks
            ]
            problems.append((excel_row, "class-marks-none", cells[0].split(" ")[0], parent, "",
                             ", ".join([*start, *cells]), "start-and-end"))  # fmt: skip
        else:
            problems.append((excel_row, "class-marks-none", cells[0].split(" ")[0], parent, "",
                             ", ".join(cells), ""))  # fmt: skip
    table.columns["phan_loai"] = classes
    if there:
        table.elsewhere["phan_loai"] = there
    return problems
