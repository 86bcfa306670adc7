"""A head's sex, birth year and name read from columns split in two or written in codes.

Moved from ``pipeline.read`` (session 52; ``pipeline.read`` re-exports its public names):
'Năm sinh' split into 'Nam | Nữ' (:func:`birth_year_by_sex`), 'Giới tính' as marks
(:func:`sex_by_marks`) or codes its header gives (:func:`sex_by_legend`), and the head's name
written as 'Họ | Tên' (:func:`split_head_name`, :func:`join_head_name`).
"""

from __future__ import annotations

from typing import Any

from pipeline import lazyre
from pipeline.headers import BIRTH_YEAR_OF_WOMEN, SEX_OF_WOMEN, HeaderMatch
from pipeline.tables import Table
from pipeline.text import fold, is_blank, parse_whole


def birth_year_by_sex(table: Table, header: HeaderMatch) -> Table:
    """A table whose 'Năm sinh' is split into 'Nam | Nữ': the year from whichever is written,
    and the head's sex from which one it is when the table has no 'Giới tính' of its own (or
    the row leaves it blank). A year taken from the 'Nữ' column is located there
    (``Table.elsewhere``), so that a problem with it points at that cell."""
    women = table.columns.pop(BIRTH_YEAR_OF_WOMEN, None)
    if women is None:
        return table
    men = table.columns.get("nam_sinh") or [None] * len(women)
    sexes = table.columns.get("gioi_tinh") or [None] * len(women)
    column = header.columns[BIRTH_YEAR_OF_WOMEN]
    there = {}
    years, said = [], []
    for excel_row, man, woman, sex in zip(table.excel_rows, men, women, sexes, strict=True):
        if is_blank(man) and not is_blank(woman):
            years.append(woman)
            said.append("Nữ" if is_blank(sex) else sex)
            there[excel_row] = column
        else:
            years.append(man)
            said.append("Nam" if is_blank(sex) and not is_blank(man) else sex)
    table.columns["nam_sinh"] = years
    table.columns["gioi_tinh"] = said
    if there:
        table.elsewhere["nam_sinh"] = there
    return table


def sex_by_marks(table: Table, header: HeaderMatch) -> Table:
    """A table whose 'Giới tính' (or 'Giới') is split into 'Nam | Nữ' columns marked 'x': the
    head's sex as the column marked, 'Nam' or 'Nữ'. So too a column's own sex written there, or
    the head's birth year (1900 to 2100) written under the head's sex, as under 'Năm sinh'
    split so (session 44 review). A row marked in neither or both, or writing anything else,
    keeps its 'Nam' cell as written (said there by the rules when it is no sex). Session 44."""
    women = table.columns.pop(SEX_OF_WOMEN, None)
    if women is None:
        return table
    from pipeline import vocab

    def marked(value: object, sex: str) -> bool | None:
        """True for a mark, the column's sex or a year; False for blank, '0', 'không'."""
        mark = vocab.deprivation_mark(value)
        if mark is None and not isinstance(value, bool):
            year = parse_whole(value)
            mark = vocab.gender(value) == sex or (year is not None and 1900 <= year <= 2100)
            mark = mark or None
        return mark

    men = table.columns["gioi_tinh"]
    sexes = []
    for man, woman in zip(men, women, strict=True):
        both = (marked(man, "Nam"), marked(woman, "Nữ"))
        sexes.append({(True, False): "Nam", (False, True): "Nữ"}.get(both, man))
    table.columns["gioi_tinh"] = sexes
    return table


# A sex column's header giving the codes written under it ('Giới tính (1: Nam, 2: Nữ)',
# '(Nam = 1; Nữ = 2)'), folded: both sexes, each beside its own digit.
_SEX_LEGEND = lazyre.compile(r"\b(?:(\d) (nam|nu) (\d) (nam|nu)|(nam|nu) (\d) (nam|nu) (\d))\b")
_SEXES = {"nam": "Nam", "nu": "Nữ"}


def sex_by_legend(table: Table, header: HeaderMatch) -> Table:
    """A table whose 'Giới tính' header gives the codes written under it ('(1: Nam, 2: Nữ)'):
    each code read as the sex it stands for; anything else kept as written (said by the rules
    when it is no sex). Session 44."""
    found = header.columns.get("gioi_tinh")
    legend = _SEX_LEGEND.search(fold(found[1])) if found is not None else None
    if legend is None:
        return table
    a = legend.groups()
    pairs = ((a[0], a[1]), (a[2], a[3])) if a[0] else ((a[5], a[4]), (a[7], a[6]))
    codes = {int(digit): _SEXES[sex] for digit, sex in pairs}
    if len(codes) != 2 or len(set(codes.values())) != 2:
        return table
    table.columns["gioi_tinh"] = [
        codes.get(parse_whole(value), value) if not isinstance(value, bool) else value
        for value in table.columns["gioi_tinh"]
    ]
    return table


# Headers of the first part of a head's name written in two columns ('Họ' | 'Tên'), folded.
SURNAME_HEADERS = frozenset(
    {"ho", "ho dem", "ho va dem", "ho ten dem", "ho va ten dem", "ho va chu dem", "ho chu ho",
     "ho va ten lot", "ho ten lot"}
)  # fmt: skip
GIVEN_NAME_HEADERS = frozenset({"ten", "ten chu ho"})


def _surname_then_given(first: list[str], second: list[str]) -> bool:
    """Whether two headers (folded words) are the surname's then the given name's, less the
    words of a parent both are written under; or the surname's read alone (its own cell,
    'Họ và tên đệm', taken as the name's column) beside the given name's under the parent
    ('Họ và tên chủ hộ Tên', session 39)."""
    same = 0  # the words of a parent header both are written under
    while same < min(len(first), len(second)) - 1 and first[same] == second[same]:
        same += 1
    if " ".join(first[same:]) in SURNAME_HEADERS and " ".join(second[same:]) in GIVEN_NAME_HEADERS:
        return True
    return " ".join(first) in SURNAME_HEADERS and any(
        " ".join(second[i:]) in GIVEN_NAME_HEADERS for i in range(1, len(second))
    )


def split_head_name(header: HeaderMatch | None) -> HeaderMatch | None:
    """A header whose head's name is written in two columns side by side, 'Họ' (or 'Họ và tên
    đệm': :data:`SURNAME_HEADERS`) then 'Tên' (:data:`GIVEN_NAME_HEADERS`), under a parent or
    not ('Họ và tên chủ hộ' merged over 'Họ | Tên', whose 'Họ' column alone was read as the
    name): the name is read from both, joined (``header.surname``, the 'Tên' column as
    'chu_ho'), and neither is an unknown column. Any other header is returned as it is."""
    if header is None or not header.unknown:
        return header
    unknown = dict(header.unknown)
    if "chu_ho" in header.columns:
        pairs = [header.columns["chu_ho"]]
    else:
        pairs = list(header.unknown)
    for col, text in pairs:
        given = unknown.get(col + 1)
        if given is None:
            continue
        if _surname_then_given(fold(text).split(), fold(given).split()):
            header.columns["chu_ho"] = (col + 1, given)
            header.surname = col
            header.unknown = [(c, t) for c, t in header.unknown if c not in (col, col + 1)]
            break
    return header


def join_head_name(table: Table, grid: list[list[Any]], surname: int) -> Table:
    """The head's name of each row of ``table`` read from the surname's column (``surname``,
    0-based) and the given name's ('chu_ho'), joined with a space; a part left blank is left
    out ('Nông Quang' | 'Lâm' gives 'Nông Quang Lâm')."""
    given = table.columns.get("chu_ho")
    if given is None:
        return table
    joined = []
    for excel_row, name in zip(table.excel_rows, given, strict=True):
        row = grid[excel_row - 1]
        first = row[surname] if surname < len(row) else None
        parts = [str(v).strip() for v in (first, name) if not is_blank(v)]
        joined.append(" ".join(parts) if parts else name)
    table.columns["chu_ho"] = joined
    return table
