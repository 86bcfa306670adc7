"""The key types passed between stages, defined once.

Household tables are DataFrames with the columns documented in
``HOUSEHOLD_COLUMNS``; everything else is a small class.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the read path (forked before pandas is imported) needs none of it
    import pandas as pd

from pipeline import lazyre
from pipeline.messages import in_language, said_with_unit
from pipeline.text import income_example, vi_key
from schemas.columns import INDICATOR_KEYS
from schemas.issues import CATALOGUE, ONE_HOUSEHOLD_CODES, in_one_household

# The history store's file name in the output folder (here, where the read path can see it
# without importing pandas: a folder holding it is an output folder, never read as input).
HISTORY_FILE = "lich-su.sqlite"
# ... and, for the same reason, the run's lock in the output folder (there while a run writes
# to it) and the manifest of a month's archived sources in output/YYYY-MM/ (session 50).
LOCK_NAME = ".giamngheo.lock"
MANIFEST = "nguon-sha256.txt"

# A normalised household table (one row per household row read from a file):
#   hamlet        canonical hamlet name (as the plan spells it)
#   file, sheet   where the row came from (file relative to the input folder)
#   excel_row     1-based Excel row number
#   ma_ho, chu_ho, gioi_tinh, dan_toc, so_dinh_danh, nguyen_nhan, doi_tuong,
#   nhu_cau, ghi_chu     NFC text ("" when blank)
#   nam_sinh, nhan_khau  Int64 (NA when blank)
#   phan_loai     'poor' | 'near_poor' | 'exited'
#   thu_nhap      float (NaN when blank)
#   td_01..td_12  bool
#   n_deprived    int, number of indicators deprived
#   valid         bool, False when the row has an error (left out of the counts)
HOUSEHOLD_COLUMNS: tuple[str, ...] = (
    "hamlet",
    "file",
    "sheet",
    "excel_row",
    "ma_ho",
    "chu_ho",
    "nam_sinh",
    "gioi_tinh",
    "dan_toc",
    "so_dinh_danh",
    "nhan_khau",
    "phan_loai",
    "thu_nhap",
    *INDICATOR_KEYS,
    "n_deprived",
    "nguyen_nhan",
    "doi_tuong",
    "nhu_cau",
    "ghi_chu",
    "valid",
)
# Beside them in a validated table (validate_table, the merged households, the plan's start list),
# not in a frame built otherwise (a test's, a stored month's): read as all False where missing.
#   nam_sinh_from_age  bool, the birth year was read from an age under 'Năm sinh' (45: 2024 − 45)
FROM_AGE = "nam_sinh_from_age"


@dataclass(frozen=True)
class Issue:
    """One problem found in the input, located as precisely as it can be."""

    code: str
    file: str = ""
    sheet: str = ""
    row: int | None = None  # 1-based Excel row
    column: str = ""  # the column header as the file writes it
    cell: str = ""  # e.g. "F12"
    value: str = ""
    hamlet: str = ""
    detail: str = ""
    variant: str = ""  # a narrower wording of the code's message (``IssueType.variants``)
    # A second column the message names: where to write instead of the issue's own column
    # ('Hộ cận nghèo' for an 'x' under 'Thoát nghèo' that the standard makes near-poor); or
    # the cells to look at, in both languages (a messages.Message).
    instead: str = ""
    # The `giamngheo run` to paste where the message says to run again (messages.RunCommand;
    # blank when the period is not known: the message then gives none).
    command: str = ""
    # Another file the message names beside the issue's own ({elsewhere}): the list of the
    # hamlet that holds the rows said ('rows-of-other-hamlet' 'listed'; session 55, L).
    elsewhere: str = ""

    @property
    def severity(self) -> str:
        return CATALOGUE[self.code].severity

    def message(self, lang: str = "vi") -> str:
        template = CATALOGUE[self.code].template(lang, self.variant)
        if lang == "en" and getattr(self.detail, "households", None) == 1:
            if self.code in ONE_HOUSEHOLD_CODES:  # '1 household (DK2)': "it", not "they"
                template = in_one_household(template)
        value = in_language(self.value, lang)
        if not str(value).strip():
            # "'Phân loại hộ' là ''" reads as a typo: a blank cell is said to be blank
            for quoted, blank in _BLANK_VALUE[lang == "en"]:
                template = template.replace(quoted, blank)
        if not self.command:  # no month known: the sentence giving the command goes
            template = _COMMAND_SAID.sub(".", template)
        if "{example}" in template:  # an income's example in its column's unit (session 49)
            template = template.replace("{example}", income_example(self.column, lang))
        return said_with_unit(
            template,
            value=value,
            column=self.column,
            cell=self.cell,
            sheet=self.sheet,
            detail=in_language(self.detail, lang),
            file=self.file,
            hamlet=self.hamlet,
            instead=in_language(self.instead, lang),
            command=self.command,
            elsewhere=self.elsewhere,
        )

    def sort_key(self, by_row: Collection[str] = ()) -> tuple:
        """Its place among the issues: by hamlet (none last), then file, sheet, row and cell
        as the sheet has them, a cell said without its row ('Thông tin' values) at its cell's
        row. A file of ``by_row`` (the plan's: its start list and targets name every hamlet)
        is placed as a file of no hamlet, its lines in row order (:func:`in_order`;
        docs/decisions.md, session 48 and its review). Hamlets, files and sheets in Vietnamese
        alphabetical order (:func:`pipeline.text.vi_key`: 'Đồng Kè' before 'Gia')."""
        hamlet = "" if self.file and self.file in by_row else self.hamlet
        place = _cell_order(self.cell)
        row = self.row or (0 if place[0] == _ODD else place[0])
        return (not hamlet, vi_key(hamlet), vi_key(self.file), vi_key(self.sheet), row, *place,
                self.code)  # fmt: skip


def in_order(issues: Iterable[Issue], plans: Collection[str] = ()) -> list[Issue]:
    """``issues`` as `check` prints them and 'Lỗi dữ liệu' lists them (:meth:`Issue.sort_key`):
    each hamlet's lines together, then those of no hamlet; the lines of the files ``plans``
    (the plans' files, as their issues name them) with the latter, in row order, so that the
    officer fixing the start list reads it top to bottom."""
    return sorted(issues, key=lambda issue: issue.sort_key(plans))


# The last sentence of a message that gives the run to paste ("… và chạy lại. Lệnh chạy lại kỳ
# này: {command}"): the command ends the message, nothing after it to paste with it (session 47).
_COMMAND_SAID = lazyre.compile(r"\. [^.]*: \{command\}$")

_CELL = lazyre.compile(r"([A-Z]{1,3})(\d+)")
_ODD = 1 << 30  # the place of a cell written otherwise: after every row


def _cell_order(cell: str) -> tuple:
    """A cell's place for sorting: by row, then column (B4 before AB4, B5 before B10), as the
    sheet has them; no cell first, anything else after, as written."""
    found = _CELL.fullmatch(cell)
    if found is None:
        return (0 if not cell else _ODD, 0, cell)  # no cell first, as before
    return (int(found[2]), len(found[1]), found[1])


# How a message quoting a blank cell's value says it instead (Vietnamese, English).
_BLANK_VALUE = (
    (("là '{value}', không phải", "đang để trống; cần"), ("là '{value}'", "đang để trống")),
    (("is '{value}', not", "is empty; it needs"), ("is '{value}'", "is empty")),
)


def _empty_frame() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame()


class Plan:
    """The commune's yearly plan (CONTRACT §3).

    A plain class, not a dataclass: a dataclass's methods are compiled from source at every
    import, and nothing compares, prints or ``replace``s a plan (session 33, issue #6)."""

    def __init__(
        self,
        file: str,
        province: str,
        commune: str,
        plan_year: int,
        area: str,
        standard: str,
        poor_target: float,
        near_poor_target: float,
        recipient: str = "",
        reporter: str = "",
        chairman: str = "",
        hamlets: pd.DataFrame | None = None,
        start_list: pd.DataFrame | None = None,
        start_list_unread: bool = False,
        hamlet_rows: dict[str, int] | None = None,
        targets_sheet: str = "",
        hidden_hamlets: dict[str, int] | None = None,
        former_communes: dict[str, tuple[str, str]] | None = None,
        commune_at: tuple[str, str] = ("", ""),
    ) -> None:
        self.file = file
        self.province = province
        self.commune = commune
        self.plan_year = plan_year
        self.area = area  # 'rural' | 'urban'
        self.standard = standard  # key of schemas.standards.STANDARDS
        self.poor_target = poor_target  # rate points
        self.near_poor_target = near_poor_target
        self.recipient = recipient
        self.reporter = reporter
        self.chairman = chairman
        # one row per hamlet in plan order: hamlet, start_households, start_poor,
        # start_near_poor, poor_target, near_poor_target (ints); none given: an empty frame
        self.hamlets: pd.DataFrame = _empty_frame() if hamlets is None else hamlets
        # households recognised at the start of the year (HOUSEHOLD_COLUMNS), or None
        self.start_list = start_list
        # the plan has a start list that could not be used (no header like the template's, a
        # column written twice differently: 'plan-invalid' says why)
        self.start_list_unread = start_list_unread
        # each hamlet's row on the targets sheet (Excel's numbering), and that sheet's name
        self.hamlet_rows: dict[str, int] = {} if hamlet_rows is None else hamlet_rows
        self.targets_sheet = targets_sheet
        # hamlets whose row of the targets sheet is hidden by hand, left out of the plan:
        # their row there (plan-hamlet-hidden), to tell a list or start list naming one why it
        # is refused
        self.hidden_hamlets: dict[str, int] = {} if hidden_hamlets is None else hidden_hamlets
        # the communes of the other plans in the input folder, by folded name: (name, file);
        # at a merger the former commune's plan is kept there, and a list still naming it is
        # told so
        self.former_communes: dict[str, tuple[str, str]] = (
            {} if former_communes is None else former_communes
        )
        # of those, the ones a month never run may still be of (planpick: the warning
        # 'commune-not-run-unsure'): a list naming one is not told to write the plan's commune
        self.former_unsure: set[str] = set()
        # where the plan writes its 'Xã': (sheet, cell), to point at a name the lists all
        # write otherwise (a typo in the plan, consolidate.plan_commune_typo)
        self.commune_at = commune_at

    @property
    def hamlet_names(self) -> list[str]:
        return list(self.hamlets["hamlet"])

    @property
    def start_households(self) -> dict[str, int]:
        """Each hamlet's households at the start of the year, by its name in the plan."""
        rows = self.hamlets
        if "start_households" not in rows:
            return {}
        counts = rows["start_households"].astype(int).tolist()
        return dict(zip(rows["hamlet"].tolist(), counts, strict=True))


class Submission:
    """One file found in the input folder and what became of it. A plain class, not a
    dataclass (its methods compiled at every import): nothing compares, prints or
    ``replace``s a submission (session 33, issue #6)."""

    def __init__(
        self,
        file: str,
        path: Path,
        kind: str = "unknown",
        hamlet: str | None = None,
        hamlet_raw: str = "",
        commune_raw: str = "",
        period: str | None = None,
        prepared_on: date | None = None,
        mtime: float = 0.0,
        total_households: int | None = None,
        status: str = "skipped",
        rows_read: int = 0,
        rows_rejected: int = 0,
        households: pd.DataFrame | None = None,
        sheet: str = "",
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.file = file  # path relative to the input folder, '/'-separated
        self.path = path
        self.kind = kind  # 'plan' | 'roster' | 'skipped'
        self.hamlet = hamlet  # canonical plan name, once matched
        self.hamlet_raw = hamlet_raw  # as written in the file
        self.commune_raw = commune_raw
        self.period = period  # 'YYYY-MM'
        self.prepared_on = prepared_on
        self.mtime = mtime
        self.total_households = total_households
        # 'valid' | 'warnings' | 'rejected' | 'superseded' | 'other_period' | 'skipped'
        self.status = status
        self.rows_read = rows_read
        self.rows_rejected = rows_rejected
        self.households = households
        self.sheet = sheet  # the roster sheet's name
        self.extra: dict[str, Any] = {} if extra is None else extra


@dataclass(eq=False, repr=False)
class RunResult:
    """Everything the report stage needs for one period. A dataclass (the report's languages
    are ``dataclasses.replace``d), without the ``__repr__`` and ``__eq__`` nothing asks of it:
    each costs every import a compile (session 33, issue #6)."""

    plan: Plan
    period: str  # 'YYYY-MM'
    summary: dict  # the JSON summary, CONTRACT §5.1
    households: pd.DataFrame  # HOUSEHOLD_COLUMNS, rows of the counted submissions (valid and not)
    submissions: list[Submission]
    # one row per plan hamlet: hamlet, status ('valid'|'warnings'|'rejected'|'missing'),
    # file, rows_read, rows_rejected
    reporting: pd.DataFrame
    issues: list[Issue]
    # households behind the movement numbers: hamlet, ma_ho, chu_ho, list ('poor'|'near_poor'),
    # movement ('to_near_poor'|'to_poor'|'exited'|'from_near_poor'|'from_poor'|'new'|'vanished'|
    # 'not_counted'|'returned'|'moved_out'|'moved_in'|'recounted'),
    # start_status, current_status, other_hamlet (where a household that moved went, or came from)
    movement_details: pd.DataFrame
    lang: str = "vi"
    # households a list wrote under a move-out title naming another hamlet, on no list of the
    # commune, counted moved out: (hamlet moved out of, hh_key, Mã hộ, head's name, stored
    # status: figures.MOVED, birth year, whether read from an age: None, False), kept in the
    # history so the next month finds them moved in; and those of a list sent apart, under the
    # merged hamlet, status 'not_counted', with the list's birth year (apart.apart_rows)
    moved: list[tuple] = field(default_factory=list)
    # the commune's own codes the Mã hộ were read against where one may be an ID number and the
    # plan has no start list (the stored months' or the month's lists' numbering:
    # rosterchecks.Rows.numbering): the public list posts them as written, as the head is not
    # told them (session 54's review); None otherwise
    numbering: pd.DataFrame | None = None
