"""Reading spreadsheets: any supported file to grids of cell values, header rows found by content.

Knows nothing about poverty: it opens a workbook (python-calamine), reads
key/value blocks, finds a header row by matching known column names, and
hands back each data row with its Excel row number so that every issue can
point at a cell. The words that mark title, section, total and signature
rows are passed in by the caller (they live in ``schemas.columns``).

Merged cells: calamine gives a merged cell's value in its top-left cell only.
The merged ranges come from calamine for xlsx, xlsm and xls, and for ods (which
calamine reports none for) from the file's content.xml (``pipeline.odsmerge``,
read once per file, only when the file is an ods package). A header's merged
parents are spread over the columns they cover, and a value merged down over
several household rows counts for each of them. Without merge information (an
xlsb, an ods whose spans cannot be made out) the header is still found: each
column is named by its lowest header cell.

Session 52: the reading is in modules by subject, moved there unchanged; this module
re-exports their public names, so that ``from pipeline.read import …`` goes on working:
``pipeline.opening`` (a workbook opened, its errors, its days), ``pipeline.keyvalues``
(key/value labels), ``pipeline.headers`` (the header search), ``pipeline.timeranks`` (months
and rounds of a key's columns), ``pipeline.twice`` (a column written twice),
``pipeline.persons`` (sex, birth year and name split in two), ``pipeline.classmarks`` (a
class read from marks) and ``pipeline.tables`` (the rows of a table). They import one way:
keyvalues -> opening; headers -> opening, timeranks; tables -> headers; twice, persons and
classmarks -> headers, tables (classmarks -> timeranks too).
"""

from __future__ import annotations

from pipeline.classmarks import (  # noqa: F401 - re-exported
    MARK_SAMPLE_ROWS,
    class_mark_columns,
    classes_from_marks,
    mark_columns,
    mark_names,
)
from pipeline.headers import (  # noqa: F401 - re-exported
    BIRTH_YEAR_OF_WOMEN,
    HEADER_SEARCH_ROWS,
    MAX_HEADER_SPAN,
    SEX_OF_WOMEN,
    HeaderMatch,
    LaterColumn,
    TwiceColumn,
    counts_some_of,
    find_header,
)
from pipeline.keyvalues import (  # noqa: F401 - re-exported
    LABEL_COLUMNS,
    PLACEHOLDER_MARKS,
    VALUE_REACH,
    KeyValue,
    Twice,
    hidden_by,
    is_placeholder,
    read_key_values,
)
from pipeline.opening import (  # noqa: F401 - re-exported
    EXCEL_DAYS,
    LIBRE_DAYS,
    MAC_DAYS,
    MAX_HOUSEHOLD_ROWS,
    MAX_SHEET_CELLS,
    MAX_SHEET_ROWS,
    PLAN_MAX_SHEET_CELLS,
    PLAN_MAX_SHEET_ROWS,
    SPREADSHEET_SUFFIXES,
    HiddenRows,
    Merge,
    ReadError,
    Workbook,
    days_counted,
    describe_error,
    looks_like_spreadsheet,
    missing_part,
    named_as_spreadsheet,
    open_workbook,
)
from pipeline.persons import (  # noqa: F401 - re-exported
    GIVEN_NAME_HEADERS,
    SURNAME_HEADERS,
    birth_year_by_sex,
    join_head_name,
    sex_by_legend,
    sex_by_marks,
    split_head_name,
)
from pipeline.tables import (  # noqa: F401 - re-exported
    NOTES,
    NoteWords,
    Table,
    TableRow,
    signs_a_list,
    starts_with_marker,
    table_rows,
)
from pipeline.twice import (  # noqa: F401 - re-exported
    hidden_twice,
    settle_twice,
)
