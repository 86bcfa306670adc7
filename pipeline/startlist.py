"""The plan's start-of-year list read to rows and columns, without pandas.

Loading the plan's start list (plan._start_list) first finds its sheet, header and rows and
normalises its columns: work that needs no pandas, ~4–5 ms of the ~23 ms the runner took to load
the shipped sample's plan. A commune's early reader (pipeline.early) does it in its child while the runner
imports pandas, and hands it over with the plan's sheets (readpool.Outcome.plan_start); where
the plan is read otherwise (a province's read pool, a file read again), plan._start_list does it
itself. Both take the same steps in the same order. See docs/decisions.md "Session 31: the
plan's start list read to rows in the early reader's child (issue #6)".
"""

from __future__ import annotations

from typing import Any

from pipeline.discover import plan_info_sheet
from pipeline.normalise import holds_dates, table_columns
from pipeline.read import (
    NOTES,
    ReadError,
    Workbook,
    class_mark_columns,
    classes_from_marks,
    find_header,
    hidden_twice,
    join_head_name,
    mark_columns,
    settle_twice,
    split_head_name,
    table_rows,
)
from pipeline.text import fold
from schemas.columns import (
    PLAN_START_LIST_SHEET,
    PLAN_TARGET_COLUMNS,
    PLAN_TARGETS_SHEET,
    ROSTER_KEYS,
    SIGNATURE_MARKERS,
    START_LIST_COLUMNS,
    TOTAL_MARKERS,
    Column,
)

TARGET_COLUMNS = tuple(
    Column(key, header, aliases, required=True)
    for key, (header, aliases) in PLAN_TARGET_COLUMNS.items()
)

# Sheet names of the plan as officers retitle them (folded): 'Chỉ tiêu theo thôn', 'Chỉ tiêu
# theo xóm 2024', 'Chỉ tiêu giao'; 'Thông tin' for 'Thông tin chung' (as on a hamlet's list).
_TARGETS_NAMES = ("chi tieu",)


def plan_targets_sheet(book: Workbook) -> str | None:
    """The plan's 'Chỉ tiêu theo xóm': that sheet, else a visible sheet whose name begins
    'Chỉ tiêu' ('Chỉ tiêu theo thôn', 'Chỉ tiêu theo xóm 2024'), else the first visible sheet
    whose header is the hamlet table's, every column of it (whatever the sheet is called)."""
    sheet = book.find_sheet(PLAN_TARGETS_SHEET)
    if sheet is not None:
        return sheet
    named = [n for n in book.visible_sheets if fold(n).startswith(_TARGETS_NAMES)]
    if len(named) == 1:
        return named[0]
    info = plan_info_sheet(book)
    for name in named or book.visible_sheets:
        if name == info or fold(name).startswith(_START_LIST_NAMES):
            continue
        try:
            header = find_header(book.grid(name), TARGET_COLUMNS, book.merges(name))
        except ReadError:
            continue
        if header is not None and all(k in header.columns for k in PLAN_TARGET_COLUMNS):
            return name
    return None


_START_LIST_NAMES = ("danh sach dau nam", "ds dau nam")  # folded: 'Danh sách đầu năm 2024'


def start_list_sheet(book: Workbook) -> str | None:
    """The start-of-year list's sheet: 'Danh sách đầu năm', else a sheet whose name begins so
    ('Danh sách đầu năm 2024', 'DS đầu năm'), else the first visible sheet other than the plan's
    two whose header is the start list's (Xóm, Mã hộ, Phân loại hộ, ...)."""
    sheet = book.find_sheet(PLAN_START_LIST_SHEET)
    if sheet is not None:
        return sheet
    for name in book.sheets_visible_first():
        if fold(name).startswith(_START_LIST_NAMES):
            return name
    plan_sheets = {plan_info_sheet(book), plan_targets_sheet(book)}
    for name in book.visible_sheets:
        if name in plan_sheets:
            continue
        try:
            header = find_header(book.grid(name), START_LIST_COLUMNS, book.merges(name))
        except ReadError:
            continue  # a sheet that cannot be read is no list the plan can use
        if header is not None:
            marked = book.mark_grid(name, below=header.last_row + 1)
            header = class_mark_columns(marked, header, book.merges(name))
        if header is not None and {"hamlet", "ma_ho", "phan_loai"} <= header.columns.keys():
            return name
    return None


class StartRows:
    """The start list's sheet as read (``sheet`` None: the plan has none). ``header`` None: the
    sheet has no header row like the template's (the rest is then empty). ``grid`` is the sheet
    with the marks drawn by symbol fonts; ``rows`` its household rows (tables.table_rows), their
    head's name joined and a column written twice settled. ``marks`` and ``columns`` are the
    next step (:func:`start_list_columns`), None until it is taken. A plain class, not a
    dataclass (a dataclass's methods are compiled at every import): nothing compares or prints
    one (session 33, issue #6)."""

    def __init__(
        self,
        sheet: str | None,
        header: Any = None,
        grid: list[list[Any]] | None = None,
        merges: list | None = None,
        rows: Any = None,
    ) -> None:
        self.sheet = sheet
        self.header = header
        self.grid = grid
        self.merges = merges
        self.rows = rows
        # classmarks.classes_from_marks: the rows' class-mark problems
        self.marks: list | None = None
        self.columns: dict[str, list[Any]] | None = None  # normalise.table_columns, 'hamlet' too
        # how the plan's file counts the days of its date cells (opening.Workbook.days_counted),
        # asked only where a size, an income or a birth year is a date (session 50, review)
        self.days: str | None = None


def start_list_rows(book: Workbook) -> StartRows:
    """The start list's sheet, header and rows (plan._start_list's first step)."""
    sheet = start_list_sheet(book)
    if sheet is None:
        return StartRows(None)
    grid, merges = book.grid(sheet), book.merges(sheet)
    # the class marked in columns ('Phân loại hộ' over 'Hộ nghèo | Hộ cận nghèo', an 'x' in
    # one) read as in a hamlet's list, a letter in a symbol font as the mark it draws
    # the head's name in two columns ('Họ' | 'Tên'), read joined as in a hamlet's list
    header = split_head_name(
        hidden_twice(
            find_header(grid, START_LIST_COLUMNS, merges), book.hidden_cols.get(sheet, set())
        )
    )
    if header is not None:
        marked = book.mark_grid(sheet, below=header.last_row + 1)
        header = class_mark_columns(marked, header, merges)
        grid = book.mark_grid(sheet, mark_columns(header), below=header.last_row + 1)
    if header is None:
        return StartRows(sheet, None, grid, merges)
    # a hamlet's total written after its 'Xóm' ('Nà Mòn | | Tổng cộng | 9850'): a total
    rows = table_rows(
        grid, header, ("ma_ho", "chu_ho", "phan_loai"), SIGNATURE_MARKERS, TOTAL_MARKERS,
        notes=NOTES, lead_keys=("hamlet",),
    )  # fmt: skip
    if getattr(header, "surname", None) is not None:  # 'Họ' | 'Tên': the name read joined
        rows = join_head_name(rows, grid, header.surname)
    settle_twice(book.grid(sheet), header, rows)  # a header written twice: by its rows
    read = StartRows(sheet, header, grid, merges, rows)
    if holds_dates(rows):
        read.days = book.days_counted()
    return read


def start_list_columns(read: StartRows) -> StartRows:
    """``read`` with its rows' classes read from their marks and its columns normalised
    (plan._start_list's second step, taken once the columns written twice leave the list in)."""
    if read.columns is None:
        read.marks = classes_from_marks(read.grid, read.header, read.rows, read.merges)
        read.columns = table_columns(read.rows, (*ROSTER_KEYS, "hamlet"), read.days)
    return read


def read_ahead(book: Workbook) -> StartRows | None:
    """Both steps, for the early reader's child: None when they fail (the runner then takes
    them itself and says what is wrong)."""
    try:
        read = start_list_rows(book)
        if read.header is not None:
            start_list_columns(read)
        return read
    except Exception:  # noqa: BLE001 - taken again by the runner
        return None
