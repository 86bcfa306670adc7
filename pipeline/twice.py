"""A column written twice: which of the two copies is read, and where they differ.

Moved from ``pipeline.read`` (session 52; ``pipeline.read`` re-exports its public names):
:func:`hidden_twice` (the visible copy read) and :func:`settle_twice` (the rows where both
copies are written and differ counted; a copy that fills the other's blanks).
"""

from __future__ import annotations

from typing import Any

from pipeline.headers import HARMLESS_TWICE, HeaderMatch, TwiceColumn
from pipeline.tables import Table
from pipeline.text import (
    clean_text,
    fold,
    income_unit,
    is_blank,
    month_unit,
    of_household,
    per_year,
)


def hidden_twice(header: HeaderMatch | None, hidden: set[int]) -> HeaderMatch | None:
    """A header written twice, one of the two columns hidden (``hidden``: the sheet's hidden
    columns, ``Workbook.hidden_cols``): the visible one is read, what the head sees and
    corrects (in place; said by rosterchecks.header_issues). Done before the rows are read."""
    if header is None or not header.twice or not hidden:
        return header
    for index, twice in enumerate(header.twice):
        if twice.state == "round" or (twice.read in hidden) == (twice.other in hidden):
            continue
        if twice.read in hidden:  # the other one is visible: read it
            text = header.columns[twice.key][1]
            header.columns[twice.key] = (twice.other, twice.text)
            twice = twice._replace(read=twice.other, other=twice.read, text=text)
        header.twice[index] = twice._replace(state="hidden")
    return header


def _same_value(a: Any, b: Any) -> bool:
    if is_blank(a) or is_blank(b):
        return is_blank(a) and is_blank(b)
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool | str):
        return float(a) == float(b)
    return fold(clean_text(a)) == fold(clean_text(b))


def _agree(key: str, a: Any, b: Any) -> bool:
    """Whether two values of one column written twice agree: the same as written
    (:func:`_same_value`) or read the same (``normalise_value``: '04' and '4 người' as 4, an
    ID typed as a number beside the same as text; session 46 review); an ethnic group's code
    or mark ('DTTS', 'x') agrees with a group's name on its side of Kinh ('Tày'), 'Kinh' with
    'Kinh', two names of one group ('Mèo', "H'Mông") with each other (session 46: 'Dân tộc
    (Kinh/DTTS)' beside 'Dân tộc (DTTS)')."""
    if _same_value(a, b):
        return True
    from pipeline import vocab
    from pipeline.normalise import normalise_value

    if key != "dan_toc":
        return normalise_value(key, a) == normalise_value(key, b)
    groups = vocab.ethnicity(a), vocab.ethnicity(b)
    if None not in groups:
        return groups[0] == groups[1]  # 'Tày' is no 'Nùng'
    return (groups[0] == "Kinh") == (groups[1] == "Kinh")


def _taken_over(header: HeaderMatch, twice: TwiceColumn, row: int, read: Any, value: Any) -> bool:
    """Whether an income ``value`` of ``twice``'s other column, a number, takes over Excel row
    ``row`` from the column that filled it first with ``read``, no number ('chưa rõ'): that
    column, settled already, then has the row among those it differs from the one read
    (``TwiceColumn.unheeded``), no longer among those it filled; a column settled already as
    differing there from it ('không rõ') now differs from ``twice``'s, the one read (session 47
    review of the income wave). Session 47 review."""
    if _income_number(read) is not None or _income_number(value) is None:
        return False
    for index, first in enumerate(header.twice):
        if first.key == twice.key and row in first.filled:
            taken = (row, first.other)
            for at, said in enumerate(header.twice):
                if said.key == twice.key and taken in said.unheeded:
                    moved = ((row, twice.other) if u == taken else u for u in said.unheeded)
                    header.twice[at] = said._replace(unheeded=tuple(sorted(moved)))
            unheeded = tuple(sorted((*first.unheeded, (row, twice.other))))
            filled = tuple(r for r in first.filled if r != row)
            header.twice[index] = first._replace(filled=filled, unheeded=unheeded)
            return True
    return False


def _income_number(value: Any) -> int | float | None:
    """An income as written read as a number ('1.200.000' too); None for none ('chưa rõ')."""
    from pipeline.normalise import normalise_value

    number = normalise_value("thu_nhap", value)
    return None if not isinstance(number, int | float) or isinstance(number, bool) else number


def _same_income(headers: tuple[str, str], values: tuple[Any, Any], size: Any) -> bool:
    """Whether two incomes ``values`` under the income columns headed ``headers`` are the same
    month's income per person, each taken in its column's unit (text.income_unit: a year's a
    twelfth, a household's year divided by its ``size`` too: text.household_year), to the
    đồng; written alike where either is no number (:func:`_agree`). Session 47."""
    from pipeline.normalise import normalise_value

    months = []
    for value, header in zip(values, headers, strict=True):
        number = _income_number(value)
        if number is None:
            return _agree("thu_nhap", *values)
        household, members = of_household(header), None
        if household:
            members = normalise_value("nhan_khau", size)
            if not isinstance(members, int) or isinstance(members, bool) or members <= 0:
                return _agree("thu_nhap", *values)
        # in đồng as the income is read (a year's in đồng under 'nghìn đồng' too)
        unit = month_unit(number, income_unit(header), per_year(header), household, members)
        months.append(number * float(unit))
    return abs(months[0] - months[1]) < 1


def settle_twice(grid: list[list[Any]], header: HeaderMatch, table: Table) -> None:
    """How each header written twice and not settled by :func:`hidden_twice` is read, by the
    household rows of ``table`` (in place): 'same' where the two hold the same in every row
    (the first read); for a column that changes no figure (``HARMLESS_TWICE``) 'quiet' so,
    else 'notes' (the first read); 'differ' where they differ, which refuses the list. Other
    names of a column (``TwiceColumn.named``) are settled left to right: of two filling a
    blank row, the leftmost fills it first, not the surer name (session 47); rounds of a
    check after them, latest first (:meth:`_SecondColumn.rounds`)."""
    named = sorted((twice.other, index) for index, twice in enumerate(header.twice) if twice.named)
    rest = [index for index, twice in enumerate(header.twice) if not twice.named]
    for index in [index for _, index in named] + rest:
        twice = header.twice[index]
        if twice.state == "round":
            header.twice[index] = _settle_round(grid, header, table, twice)
            continue
        if twice.state:
            continue
        differ = []
        for excel_row in table.excel_rows:
            row = grid[excel_row - 1] if excel_row - 1 < len(grid) else []
            a = row[twice.read] if twice.read < len(row) else None
            b = row[twice.other] if twice.other < len(row) else None
            if not _same_value(a, b):
                differ.append(excel_row)
        if twice.key in HARMLESS_TWICE:
            state = "notes" if differ else "quiet"
        else:
            state = "differ" if differ else "same"
        header.twice[index] = twice._replace(
            state=state, differ=len(differ), first=differ[0] if differ else 0
        )


def _settle_round(
    grid: list[list[Any]], header: HeaderMatch, table: Table, twice: TwiceColumn
) -> TwiceColumn:
    """An earlier round of a check ('Lần 1' beside 'Lần 2', :func:`_round_ranks`): in a row
    the later round leaves blank its value is read, located at its own cell
    (``Table.elsewhere``); the rows where both are written and differ are counted (the later
    one read). State 'rounds', said by rosterchecks.column_twice_issues when either is so."""
    values = table.columns.get(twice.key)
    if values is None:
        return twice._replace(state="rounds")
    text = twice.text or header.columns[twice.key][1]
    there = table.elsewhere.setdefault(twice.key, {})
    differ, filled = [], []
    # two income columns are compared as a month's income per person, each in its own unit
    # ('Thu nhập năm' beside 'Thu nhập BQ': 14,400,000 agrees with 1,200,000; session 47)
    incomes = twice.key == "thu_nhap"
    sizes = table.columns.get("nhan_khau", ()) if incomes else ()
    unheeded = []

    def agree(read: Any, headed: str, value: Any, position: int) -> bool:
        """Whether ``read``, under the column headed ``headed``, agrees with ``value``, this
        column's in the row at ``position``."""
        if not incomes:
            return _agree(twice.key, read, value)
        return _same_income((headed, text), (read, value), sizes[position] if sizes else None)

    for position, excel_row in enumerate(table.excel_rows):
        row = grid[excel_row - 1] if excel_row - 1 < len(grid) else []
        later = row[twice.read] if twice.read < len(row) else None
        earlier = row[twice.other] if twice.other < len(row) else None
        if is_blank(earlier):
            continue
        if is_blank(later):
            if is_blank(values[position]):
                values[position] = earlier
                there[excel_row] = (twice.other, text)
                filled.append(excel_row)
            elif excel_row in there and not agree(
                values[position], there[excel_row][1], earlier, position
            ):  # a third column of the kind: another one filled this blank row first
                if not (incomes and _taken_over(header, twice, excel_row, values[position],
                                                earlier)):  # fmt: skip
                    unheeded.append((excel_row, there[excel_row][0]))
                    continue
                values[position] = earlier  # its words give way to this column's number
                there[excel_row] = (twice.other, text)
                filled.append(excel_row)
        elif not agree(later, header.columns[twice.key][1], earlier, position):
            differ.append(excel_row)
    if not there:
        del table.elsewhere[twice.key]
    return twice._replace(
        state="rounds", differ=len(differ), first=differ[0] if differ else 0,
        filled=tuple(filled), unheeded=tuple(unheeded),
    )  # fmt: skip
