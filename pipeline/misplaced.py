"""Cells typed in the wrong place (session 49): a household's size and income, or its size and
head's birth year, typed in each other's cells; its row typed one column to the right or left
of its headers from some column on; its marks typed one column to the right from a mark cell
on, and (session 50) from its cause on or one column to the left. Each check finds the rows
and words what tells it; pipeline.validate says them at their cells and decides what of the
row is read."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

from pipeline import lazyre, vocab
from pipeline.messages import Message, in_language
from pipeline.text import as_shown, column_letter, fold, income_unit, parse_whole
from schemas.columns import INDICATOR_KEYS, ROSTER_COLUMN_BY_KEY
from schemas.rules import (
    INCOME_SURELY_IN_THOUSANDS,
    MAX_HOUSEHOLD_SIZE,
    MIN_BIRTH_YEAR,
    MIN_HOUSEHOLD_SIZE,
)

if TYPE_CHECKING:
    from pipeline.validate import Columns, Part

# The columns a row typed one column to the right is told by, as the template orders them: the
# value meant for each is in the cell right of its own (session 49).
_SHIFT_KEYS = (
    "ma_ho", "chu_ho", "nam_sinh", "gioi_tinh", "dan_toc", "so_dinh_danh", "nhan_khau",
    "phan_loai",
)  # fmt: skip
_ID_DIGITS = lazyre.compile(r"0?\d{8,11}")  # 9 (an old CMND) to 12 digits, a leading 0 lost


def _blank(value: Any) -> bool:
    """An empty cell as normalised: None, NaN or spaces."""
    return value is None or value != value or (value.__class__ is str and not value.strip())


def _fits(key: str, value: Any, report_year: int) -> bool:
    """Whether ``value`` (as normalised for another column) is one a head writes under ``key``:
    a code or a name, a birth year, Nam/Nữ, one of the 54 groups, an ID number, a size 1 to
    30, a class."""
    if _blank(value):
        return False
    if key == "ma_ho":
        return True
    if key == "chu_ho":  # a text of letters, no number ('TL.01.004' is one too: no matter)
        return (
            value.__class__ is str
            and any(c.isalpha() for c in value)
            and parse_whole(value) is None
        )
    if key == "phan_loai":
        return vocab.classification(value) is not None
    if key == "gioi_tinh":
        return vocab.gender(value) is not None
    if key == "dan_toc":
        return value.__class__ is str and vocab.ethnicity(value) is not None
    if key == "so_dinh_danh":
        text = value if value.__class__ is str else str(parse_whole(value) or "")
        return _ID_DIGITS.fullmatch(text.replace(" ", "")) is not None
    whole = parse_whole(value)
    if whole is None:
        return False
    if key == "nam_sinh":
        return MIN_BIRTH_YEAR <= whole <= report_year
    return MIN_HOUSEHOLD_SIZE <= whole <= MAX_HOUSEHOLD_SIZE  # nhan_khau


def _cell_at(columns: dict, key: str, row: int) -> str:
    """The cell of ``key``'s column in the row ('T9'), as its list's headers place it."""
    return f"{column_letter(columns[key][0])}{row}"


def _typed_under(cols: Columns, columns: dict, position: int, row: int, moved) -> Message:
    """What tells a row typed a column off, of each (where, meant) of ``moved``: the value in
    ``where``'s cell is one meant for ``meant``'s column ("ô W9 ghi 'x', là 'Phương tiện …'
    (cột V)"), joined by '; '."""
    parts_vi, parts_en = [], []
    for where, meant in moved:
        cell = _cell_at(columns, where, row)
        shown = as_shown(cols.data[where][position])
        header = ROSTER_COLUMN_BY_KEY[meant].header
        letter = column_letter(columns[meant][0])
        parts_vi.append(f"ô {cell} ghi '{in_language(shown, 'vi')}', là '{header}' (cột {letter})")
        parts_en.append(
            f"{cell} holds '{in_language(shown, 'en')}', a '{header}' (column {letter})"
        )
    return Message("; ".join(parts_vi), "; ".join(parts_en))


def rows_shifted(
    cols: Columns, parts: list[Part], owner: np.ndarray, excel_rows: np.ndarray, report_year: int
) -> list[tuple[int, str, Message, str, str]]:
    """(position, the key of the cell said, what tells it, the cell to paste at or cut from,
    variant) of each row typed one column off its headers from some column on: to the right
    (variant ''; a skipped 'Giới tính', a code typed under 'Họ và tên chủ hộ': said at the
    shift's first, empty cell, naming the cell its values begin at) or to the left ('left';
    an unknown ID number not left empty: said at the cell the shift begins at, naming the cell
    to paste at). Told by a class and a size each one cell off ('Thu nhập BQ' and 'Phân loại
    hộ' to the right, 'Số nhân khẩu' and 'Số định danh cá nhân' to the left: the row is
    refused anyway), then each column further left whose value is one cell off, down to the
    first that is not; that must be as a shift leaves it (:func:`_shift_of`). Only rows whose
    income (right) or size (left) is text are looked at (a class there; both are numbers
    otherwise, so a list has no row to look at). In lists whose size, class and income
    columns follow each other as in the template. Session 49."""
    found: list[tuple[int, str, Message, str, str]] = []
    for step, held in ((1, "thu_nhap"), (-1, "nhan_khau")):
        for position in np.flatnonzero(cols.of(held, str)).tolist():
            part = parts[owner[position]]
            shift = _shift_of(cols, part, position, int(excel_rows[position]), step, report_year)
            if shift is not None:
                found.append((position, *shift))
    return found


def _shift_of(
    cols: Columns, part: Part, position: int, row: int, step: int, report_year: int
) -> tuple[str, Message, str, str] | None:
    """:func:`rows_shifted` of one row, ``step`` 1 (to the right) or -1 (to the left)."""
    columns = part.columns
    if any(k not in columns for k in ("nhan_khau", "phan_loai", "thu_nhap")) or any(
        part.elsewhere.get(k) for k in _SHIFT_KEYS
    ):
        return None
    by_column = {index: key for key, (index, _) in columns.items()}
    if (
        by_column.get(columns["nhan_khau"][0] + 1) != "phan_loai"
        or by_column.get(columns["phan_loai"][0] + 1) != "thu_nhap"
    ):
        return None
    # where each key's value is, the row shifted: the cell ``step`` to its right
    source = {key: by_column.get(columns[key][0] + step) for key in _SHIFT_KEYS if key in columns}
    first = None
    for key in sorted(source, key=lambda k: columns[k][0], reverse=True):
        if columns[key][0] > columns["phan_loai"][0]:
            continue
        where = source[key]
        if where is None or where not in cols.data or where == "stt":
            break
        if not _fits(key, cols.data[where][position], report_year):
            break
        first = key
    if first is None or columns[first][0] > columns["nhan_khau"][0]:
        return None
    if step > 0:
        # the shift's first cell left empty (the column skipped, or the row begun a cell to
        # the right): where it holds something, the row is not said shifted (its cells said
        # one by one), never a wrong cell to paste at
        if not _blank(cols.data[first][position]):
            return None
        at, other, variant = first, source[first], ""
    else:
        # the cell left of the shift holds its own column's value (a shift further left,
        # stopped by a value not told, is not said)
        start = source[first]
        kept = by_column.get(columns[start][0] - 1)
        if kept not in _SHIFT_KEYS or not _fits(kept, cols.data[kept][position], report_year):
            return None
        at, other, variant = start, first, "left"
    told = sorted({first, "nhan_khau", "phan_loai"}, key=lambda k: columns[k][0])
    detail = _typed_under(cols, columns, position, row, [(source[key], key) for key in told])
    return at, detail, _cell_at(columns, other, row), variant


def read_where_typed(data: dict[str, np.ndarray], cols: Columns, position: int) -> None:
    """A row begun a cell to the right (row-shifted at 'Mã hộ'): its code and name read where
    they stand, so that its household is a row not counted, not one gone from the list."""
    code, name = data["chu_ho"][position], data["nam_sinh"][position]
    data["ma_ho"][position] = code.strip() if code.__class__ is str else code
    data["chu_ho"][position] = name if name.__class__ is str else None
    cols.forget("ma_ho")
    cols.forget("chu_ho")


# The columns a household's marks and what follows them are told by, as the template orders
# them: a row typed one column to the right from a mark cell on (session 49).
_MARK_RUN = (*INDICATOR_KEYS, "nguyen_nhan", "doi_tuong")
_AFTER_MARKS = ("nguyen_nhan", "doi_tuong", "nhu_cau", "ghi_chu")


def _a_deprived_mark(value: Any) -> bool:
    """A cell holding a deprivation mark ('x', '1', 'có', '✓'), a question mark alone aside."""
    if _blank(value) or value.__class__ is bool:
        return False
    if value.__class__ is str and vocab.question_alone(value):
        return False
    return vocab.deprivation_mark(value) is True


def _need_moved_on(cols: Columns, part: Part, position: int) -> bool:
    """Whether a row's need stands one column on, as the template orders the columns: its
    'Nhu cầu' cell empty and the 'Ghi chú' right of it holding needs alone. What tells a row
    typed on from a mark whose cause was left empty (the cause cell's 'x' then the last mark
    moved on, not a cause ticked: some forms tick a cause with 'x'; session 49's review)."""
    columns = part.columns
    if any(k not in columns or part.elsewhere.get(k) for k in _AFTER_MARKS[1:]):
        return False
    first = columns["doi_tuong"][0]
    if any(columns[k][0] != first + n for n, k in enumerate(_AFTER_MARKS[1:])):
        return False
    if not _blank(cols.data["nhu_cau"][position]):
        return False
    found, unknown = vocab.needs(cols.data["ghi_chu"][position])
    return bool(found) and not unknown


def _marks_in_order(part: Part) -> bool:
    """Whether a list's marks, cause and group columns follow each other as in the template,
    none of them read from elsewhere."""
    columns = part.columns
    if any(k not in columns or part.elsewhere.get(k) for k in _MARK_RUN):
        return False
    first = columns[INDICATOR_KEYS[0]][0]
    return all(columns[k][0] == first + n for n, k in enumerate(_MARK_RUN))


def _one_choice_of(value: Any, choices) -> bool:
    """Whether ``value`` is one or more of a vocabulary's choices (``vocab.causes``,
    ``vocab.target_groups``, ``vocab.needs``) and nothing else."""
    found, unknown = choices(value)
    return bool(found) and not unknown


def _cause_alone(value: Any) -> bool:
    """A cell holding causes alone, no group among them, and not a need's wording alone as
    well: 'Khác' (other), both a cause and a need, is written under any header ('Nhóm đối
    tượng: Khác' for a household in none of the groups), so it tells no cause moved (session
    50's review; 'Nguyên nhân khác' does)."""
    return (
        not _blank(value)
        and _one_choice_of(value, vocab.causes)
        and not vocab.target_groups(value)[0]
        and not _one_choice_of(value, vocab.needs)
    )


# The cause 'Thiếu lao động' as the review's forms word it, 'Không có (hoặc thiếu) lao động'
# (DOMAIN §4), folded: its words begin as the group KKNLĐ's ('Không có khả năng lao động'), so
# heads write it under either header (session 51).
_NO_LABOUR = "khong co "


def labour_cause(value: Any) -> bool:
    """A cell holding the cause 'Thiếu lao động' alone in the words 'Không có … lao động' (a
    head may mean the group KKNLĐ by them): under 'Nhóm đối tượng', it tells no row typed on by
    itself, and beside an empty cause cell it is read as that cause (session 51)."""
    return (
        value.__class__ is str
        and fold(value).startswith(_NO_LABOUR)
        and vocab.causes(value) == ("Thiếu lao động", [])
    )


def causes_under_group(cols: Columns) -> list[int]:
    """The positions of rows whose 'Nhóm đối tượng' holds :func:`labour_cause` and whose
    'Nguyên nhân nghèo' is empty: the household's cause written one cell on, read as that
    cause by pipeline.validate where the row is not said typed on (session 51)."""
    found = np.flatnonzero(cols.per_value("doi_tuong", labour_cause).astype(bool))
    return [p for p in found.tolist() if _blank(cols.data["nguyen_nhan"][p])]


def _group_alone(value: Any) -> bool:
    """A cell holding target groups alone, no cause or need among them."""
    return (
        not _blank(value)
        and _one_choice_of(value, vocab.target_groups)
        and not vocab.causes(value)[0]
        and not vocab.needs(value)[0]
    )


def _marks_read(cols: Columns, position: int, keys=INDICATOR_KEYS) -> list[bool] | None:
    """The row's marks of ``keys``, each deprived or not; None where one is not read (said
    at its cell)."""
    marks = [cols.data[k][position] for k in keys]
    if any(m is not None and m.__class__ is not bool for m in marks):
        return None
    return [m is True for m in marks]


def marks_shifted(
    cols: Columns,
    parts: list[Part],
    owner: np.ndarray,
    excel_rows: np.ndarray,
    min_deprivations_poor: int,
    line: float,
) -> list[tuple[int, str, Message, str, str]]:
    """(position, the key of the cell the shift is said at, what tells it, the other cell it
    names, variant) of each row whose marks are typed one column off their headers, where
    that is certain: :func:`_marks_shifted_right` (session 49), :func:`_cause_shifted_right`
    and :func:`_marks_shifted_left` (session 50), in that order, a row said by one only.
    ``min_deprivations_poor`` and ``line`` (đồng a person a month): the standard's, by which a
    household's class tells its last mark typed under the cause from a cause ticked 'x'
    (:func:`_last_mark_moved_on`)."""
    found: list[tuple[int, str, Message, str, str]] = []
    seen: set[int] = set()
    right = partial(_marks_shifted_right, min_deprivations_poor=min_deprivations_poor, line=line)
    for check in (right, _cause_shifted_right, _marks_shifted_left):
        for shift in check(cols, parts, owner, excel_rows):
            if shift[0] not in seen:
                seen.add(shift[0])
                found.append(shift)
    return found


def _marks_shifted_right(
    cols: Columns,
    parts: list[Part],
    owner: np.ndarray,
    excel_rows: np.ndarray,
    min_deprivations_poor: int,
    line: float,
) -> list[tuple[int, str, Message, str, str]]:
    """(position, the key of the empty cell the shift is said at, what tells it, the cell its
    values begin at, variant) of each row typed one column to the right from a deprivation
    mark cell on (a mark cell skipped, the rest typed on), where that is certain: a mark under
    'Nguyên nhân nghèo' (a mark is no cause), the cell right of it empty or causes alone
    (:func:`_cause_alone`: 'Khác' alone not, since session 50's review), and the
    row's cells not deprived among its marks one run, with a mark after it (so the shift
    begins in that run whichever of its cells was skipped, and one cut and paste mends it). A
    row whose marks leave two runs not deprived (where the shift begins is not known) is said
    where its cause is under 'Nhóm đối tượng' too, at its first mark cell, naming its last
    (variant 'start-unknown': the head finds the skipped cell on the household's form). Only
    lists whose marks, cause and group columns follow each other as in the template are
    looked at, and only rows whose cause is a mark, so a list costs one test per distinct
    cause. Session 49. With nothing after the cause's mark, the row is told by its class and
    its list (:func:`_last_mark_moved_on`; session 51)."""
    # per_value's answers are objects: as booleans
    ticked = cols.per_value("nguyen_nhan", _a_deprived_mark).astype(bool)
    candidates = np.flatnonzero(ticked)
    found: list[tuple[int, str, Message, str, str]] = []
    named: np.ndarray | None = None  # each list's rows naming a cause, counted when first asked
    for position in candidates.tolist():
        part = parts[owner[position]]
        columns = part.columns
        if not _marks_in_order(part):
            continue
        group = cols.data["doi_tuong"][position]
        if not _blank(group) and not _cause_alone(group):
            continue  # the cell right of the cause holds no cause: not the cause moved on
        marks = _marks_read(cols, position)
        if marks is None:
            continue  # a mark not read: said at its cell
        if _blank(group) and not _need_moved_on(cols, part, position):
            # nothing typed on to tell it: a cause cell ticked 'x', unless the class and the
            # list tell the 'x' a mark (session 51)
            if named is None:
                by_name = cols.per_value("nguyen_nhan", _names_a_cause).astype(bool)
                named = np.bincount(owner[by_name], minlength=len(parts))
                named = np.stack([named, np.bincount(owner[ticked], minlength=len(parts))])
            tally = named[:, owner[position]]
            if not _last_mark_moved_on(
                cols, part, position, marks, tally, (min_deprivations_poor, line)
            ):
                continue
        deprived = [*marks, True]  # the cause cell's mark last
        runs = [n for n in range(1, len(deprived)) if not deprived[n] and deprived[n - 1]]
        runs += [0] if not deprived[0] else []
        if not runs:
            continue  # every cell a mark: no cell skipped
        row = int(excel_rows[position])
        if len(runs) > 1:
            # two runs not deprived: the skipped cell in either, so no cut and paste to name;
            # said where the cause cell is the cause typed on as well (variant 'start-unknown')
            if _blank(group):
                continue
            at, variant = INDICATOR_KEYS[0], "start-unknown"
            other = _cell_at(columns, INDICATOR_KEYS[-1], row)
        else:
            last = max(n for n, d in enumerate(deprived) if not d)  # the run's last cell
            if last + 1 >= len(INDICATOR_KEYS):
                continue  # no mark after the run but the cause's: a cause cell 'x', perhaps
            at, variant = _MARK_RUN[last], ""
            other = _cell_at(columns, _MARK_RUN[last + 1], row)
        moved = [
            (key, _MARK_RUN[_MARK_RUN.index(key) - 1])
            for key in ("nguyen_nhan", "doi_tuong")
            if not _blank(cols.data[key][position])
        ]
        found.append((position, at, _typed_under(cols, columns, position, row, moved), other,
                      variant))  # fmt: skip
    return found


def _names_a_cause(value: Any) -> bool:
    """A cell naming one or more causes ('Thiếu vốn'), whatever else it holds."""
    return not _blank(value) and bool(vocab.causes(value)[0])


def _last_mark_moved_on(
    cols: Columns,
    part: Part,
    position: int,
    marks: list[bool],
    tally: np.ndarray,
    standard: tuple[int, float],
) -> bool:
    """Whether a row's 'x' under 'Nguyên nhân nghèo', nothing typed after it (its group, need
    and note empty), is its last mark typed one column on rather than a cause ticked 'x' (as
    some forms tick a cause: session 49's review), told as a reader of the row tells it: the
    list writes its causes by name (``tally``: its rows naming a cause, then its rows with a
    mark under the cause; more of the former), and the household's class agrees with its
    marks only with the 'x' among them: written poor, deprived in one fewer than the
    standard's ``min_poor`` as written (near-poor then), in ``min_poor`` with the 'x'. Any
    other row is a cause ticked, its marks counted as written (session 51). ``standard``: the
    standard's ``min_poor`` and its income line; a household whose income is read over the
    line (in its column's unit, text.income_unit) is poor by neither reading, its class telling
    nothing of the 'x': read as written (session 51's review)."""
    min_poor, line = standard
    if any(not _blank(cols.data[key][position]) for key in _AFTER_MARKS[1:]):
        return False
    if tally[0] <= tally[1]:
        return False  # the list ticks its causes as often as it names them
    if cols.data["phan_loai"][position] != "poor" or sum(marks) + 1 != min_poor:
        return False
    income = cols.data["thu_nhap"][position]
    if income.__class__ in (int, float) and "thu_nhap" in part.columns:
        return not income * income_unit(part.columns["thu_nhap"][1]) > line  # NaN: not over
    return True


def _cause_shifted_right(
    cols: Columns, parts: list[Part], owner: np.ndarray, excel_rows: np.ndarray
) -> list[tuple[int, str, Message, str, str]]:
    """Rows typed one column to the right from a mark cell or the cause cell on, whose last
    mark was not deprived (so nothing but an empty cell fell under 'Nguyên nhân nghèo'), as
    :func:`_marks_shifted_right` gives them: 'Nguyên nhân nghèo' empty, 'Nhóm đối tượng'
    holding causes alone, and what follows typed on as well ('Nhu cầu hỗ trợ' holding groups
    alone, or empty with 'Ghi chú' holding needs alone): one cell typed off is a slip, two a
    shift. Where the row's marks not deprived are its last ones alone (none deprived after
    the first not deprived), the shift, wherever it begins among them or at the cause, moved
    empty cells only: its marks are as meant and counted, and one cut and paste mends the row
    (said at the cause cell, naming the group's). Otherwise the skipped cell may be any of
    them or the cause's (variant 'start-unknown-cause', at the first mark cell naming the
    cause's; none of the marks read, as session 49's 'start-unknown'). Session 50."""
    candidates = np.flatnonzero(cols.per_value("doi_tuong", _cause_alone).astype(bool))
    found: list[tuple[int, str, Message, str, str]] = []
    for position in candidates.tolist():
        part = parts[owner[position]]
        if not _marks_in_order(part) or not _blank(cols.data["nguyen_nhan"][position]):
            continue
        group_moved = (
            "nhu_cau" in part.columns
            and part.columns["nhu_cau"][0] == part.columns["doi_tuong"][0] + 1
            and _group_alone(cols.data["nhu_cau"][position])
        )
        if not group_moved and not _need_moved_on(cols, part, position):
            continue  # only the cause one cell off: said at its cells as before
        if not group_moved and labour_cause(cols.data["doi_tuong"][position]):
            continue  # the cause, or the group KKNLĐ meant: read as the cause (session 51)
        marks = _marks_read(cols, position)
        if marks is None:
            continue  # a mark not read: said at its cell
        row = int(excel_rows[position])
        columns = part.columns
        moved = [
            (key, _AFTER_MARKS[n])
            for n, key in enumerate(_AFTER_MARKS[1:3])
            if not _blank(cols.data[key][position])
        ]
        if _need_moved_on(cols, part, position):  # the need under 'Ghi chú' tells it too
            moved.append(("ghi_chu", "nhu_cau"))
        detail = _typed_under(cols, columns, position, row, moved)
        cause = _cell_at(columns, "nguyen_nhan", row)
        if False in marks and True in marks[marks.index(False) :]:
            # a mark after cells not deprived: the skipped cell among them, or the cause's
            found.append((position, INDICATOR_KEYS[0], detail, cause, "start-unknown-cause"))
        else:
            found.append((position, "nguyen_nhan", detail, _cell_at(columns, "doi_tuong", row),
                          ""))  # fmt: skip
    return found


def _marks_shifted_left(
    cols: Columns, parts: list[Part], owner: np.ndarray, excel_rows: np.ndarray
) -> list[tuple[int, str, Message, str, str]]:
    """Rows whose marks are typed one column to the left of their headers from the first on
    (the household's first mark under 'Thu nhập BQ', its income not typed), where that is
    certain: 'Thu nhập BQ' holding a deprivation mark as text (no figure) and 'Phương tiện
    phục vụ tiếp cận thông tin', the last mark's cell, causes alone (a cause is never a
    mark), and what follows typed to the left as well: the cause's cell holding groups
    alone, or empty with 'Nhóm đối tượng' holding needs alone (:func:`_need_moved_back`; an 'x'
    is what some heads write for an income not known, and a cause typed one cell to the left
    beside it, its group and need in place or none, is two slips, not a shift: session 50's
    review). Said at the income's cell, naming the first mark's (variant 'left'): the
    household counted, its income, marks, cause, group, need and note not read. A row whose
    first mark was not deprived (the income cell empty) is not said: where such a shift begins
    is not known (any mark cell's value may be the one lost), and an income left empty is said
    as it is. Session 50."""
    candidates = np.flatnonzero(cols.of("thu_nhap", str))
    found: list[tuple[int, str, Message, str, str]] = []
    for position in candidates.tolist():
        part = parts[owner[position]]
        columns = part.columns
        if not _marks_in_order(part) or "thu_nhap" not in columns:
            continue
        if columns["thu_nhap"][0] + 1 != columns[INDICATOR_KEYS[0]][0]:
            continue
        income = cols.data["thu_nhap"][position]
        if parse_whole(income) is not None or not _a_deprived_mark(income):
            continue
        if not _cause_alone(cols.data[INDICATOR_KEYS[-1]][position]):
            continue
        group = cols.data["nguyen_nhan"][position]
        if not _blank(group) and not _group_alone(group):
            continue
        if _blank(group) and not _need_moved_back(cols, part, position):
            continue  # only the cause one cell off, besides an 'x' for no income: a slip
        if _marks_read(cols, position, INDICATOR_KEYS[:-1]) is None:
            continue  # a mark not read: said at its cell
        row = int(excel_rows[position])
        moved = [("thu_nhap", INDICATOR_KEYS[0]), (INDICATOR_KEYS[-1], "nguyen_nhan")]
        moved.append(
            ("nguyen_nhan", "doi_tuong") if not _blank(group) else ("doi_tuong", "nhu_cau")
        )
        detail = _typed_under(cols, columns, position, row, moved)
        found.append((position, "thu_nhap", detail, _cell_at(columns, INDICATOR_KEYS[0], row),
                      "left"))  # fmt: skip
    return found


def _need_moved_back(cols: Columns, part: Part, position: int) -> bool:
    """Whether a row's need stands one column back, as the template orders the columns: its
    'Nhóm đối tượng' right before 'Nhu cầu hỗ trợ' holding needs alone (no group among them).
    What tells marks typed to the left whose group was empty from an 'x' written for an income
    not known beside a cause typed one cell to the left, its need in place (session 50's
    review)."""
    columns = part.columns
    if "nhu_cau" not in columns or part.elsewhere.get("nhu_cau"):
        return False
    if columns["nhu_cau"][0] != columns["doi_tuong"][0] + 1:
        return False
    value = cols.data["doi_tuong"][position]
    return _one_choice_of(value, vocab.needs) and not vocab.target_groups(value)[0]


def forget_marks_from(
    data: dict[str, np.ndarray], cols: Columns, columns: dict, position: int, start: int
) -> None:
    """A row's marks shifted (marks-shifted): its marks, cause, group, need and note from the
    column ``start`` on not read (a mark False, the others None), and its income where the
    shift begins at it (the marks typed to the left, the first under the income)."""
    income = ("thu_nhap",) if columns.get("thu_nhap", (None,))[0] == start else ()
    for key in (*income, *INDICATOR_KEYS, *_AFTER_MARKS):
        if key in columns and columns[key][0] >= start:
            data[key] = data[key].copy()  # the column may be a list's own array
            data[key][position] = False if key in INDICATOR_KEYS else None
            cols.forget(key)


def size_and_income_swapped(cols: Columns) -> np.ndarray:
    """Rows whose 'Số nhân khẩu' holds an income (a number of INCOME_SURELY_IN_THOUSANDS or
    more) and whose 'Thu nhập BQ' a household size (a whole number from MIN_HOUSEHOLD_SIZE to
    MAX_HOUSEHOLD_SIZE): the two cells typed in each other's place, said as such at the size's
    cell (variant 'income-swapped'; session 49). The row stays out, as for any size that is
    no whole number 1 to 30: which of the two a head meant is theirs to write."""
    size = cols.numbers("nhan_khau", cols.of("nhan_khau", int, float))
    income = cols.numbers("thu_nhap", cols.of("thu_nhap", int, float))
    with np.errstate(invalid="ignore"):
        return (
            (size >= INCOME_SURELY_IN_THOUSANDS)
            & (income >= MIN_HOUSEHOLD_SIZE)
            & (income <= MAX_HOUSEHOLD_SIZE)
            & (income == np.floor(income))
        )


def size_and_birth_year_swapped(cols: Columns, report_year: int) -> np.ndarray:
    """Rows whose 'Số nhân khẩu' holds a birth year (a whole number from MIN_BIRTH_YEAR to
    ``report_year``) and whose 'Năm sinh' a household size (a whole number from
    MIN_HOUSEHOLD_SIZE to MAX_HOUSEHOLD_SIZE): the two cells typed in each other's place, said
    as such at the size's cell, the birth year's own line not said (variant
    'birth-year-swapped'; session 49). The row stays out, as for any size that is no whole
    number 1 to 30."""
    return cols.whole_between("nhan_khau", MIN_BIRTH_YEAR, report_year) & cols.whole_between(
        "nam_sinh", MIN_HOUSEHOLD_SIZE, MAX_HOUSEHOLD_SIZE
    )


def swapped_with_size(cols: Columns, report_year: int) -> list[tuple[str, str, np.ndarray]]:
    """(the other cell's key, variant, rows) of each cell a household's size is typed in each
    other's place with, in the order they are told: its income, then its head's birth year."""
    return [
        ("thu_nhap", "income-swapped", size_and_income_swapped(cols)),
        ("nam_sinh", "birth-year-swapped", size_and_birth_year_swapped(cols, report_year)),
    ]
