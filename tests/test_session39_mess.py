"""Session 39: what the combined-mess fuzzer (tests/test_mess_fuzz.py) found, each case reduced
to the smallest list that shows it (docs/decisions.md, "Session 39: harmless mess combined")."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.read import class_mark_columns, find_header
from pipeline.run import collect
from schemas.columns import ROSTER_COLUMNS
from tests import messy
from tests.commune import clean_rosters, write_plan

LAST_MONTH = "Phân loại hộ tháng trước"
APRIL_HEADING = "Phân loại hộ tháng 4/2024"  # the same, by its month (session 40)
# Nà Mòn's April classes, as its head keeps them beside May's marks: NM2 and NM3 were poor
# (NM2 is near-poor in May, NM3 left), NM5 near-poor (poor in May), NM6 not listed (new).
APRIL = {"NM1": "Hộ nghèo", "NM2": "Hộ nghèo", "NM3": "Hộ nghèo", "NM4": "Hộ cận nghèo",
         "NM5": "Hộ cận nghèo", "NM6": None}  # fmt: skip


def _marked_with_last_month(
    folder,
    header_rows: int = 1,
    heading: str = LAST_MONTH,
    this_month: str | None = None,
    above: bool = False,
) -> None:
    """Nà Mòn's May list (tests/messy.py's households) with its class as an 'x' under 'Hộ
    nghèo | Hộ cận nghèo | Thoát nghèo' and April's class written beside it, in a column
    headed ``heading`` ('Phân loại hộ tháng trước'). ``this_month``: May's class written in a
    column so headed instead of the marks. ``above``: 'Thông tin' above the list on its sheet
    (the file name 'NaMon.xlsx' names no month: the list's month is read after its header)."""
    columns = list(messy.TEMPLATE_ORDER)
    columns.insert(columns.index("phan_loai"), heading)
    households = [{**hh, heading: APRIL[hh["ma_ho"]]} for hh in messy.na_mon_households()]
    layout = messy.Layout(
        columns=columns,
        class_marks=None if this_month else "columns" if header_rows == 1 else "parent",
        headers={"phan_loai": this_month} if this_month else {},
        header_rows=header_rows,
        title=(messy.TITLE_NA_MON,),
    )
    roster = messy.roster_sheet(households, layout, messy.Typing())
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102))
    sheets = [messy.stacked(info, roster, gap=1)] if above else [info, roster]
    messy.write_book(folder / "NaMon.xlsx", sheets)


@pytest.mark.parametrize(
    ("heading", "this_month"),
    [
        (LAST_MONTH, None),
        # session 40: last month named by its number, beside the marks or a class column
        (APRIL_HEADING, None),
        (APRIL_HEADING, "Phân loại hộ"),
        (APRIL_HEADING, "Phân loại hộ tháng 5/2024"),
        ("Phân loại hộ T4/2024", "Phân loại hộ"),
        # session 41: last year's, named by its year, beside the marks or a class column
        ("Phân loại hộ năm 2023", None),
        ("Phân loại hộ cuối năm 2023", None),
        ("Phân loại hộ năm 2023", "Phân loại hộ"),
    ],
)
def test_last_month_s_class_column_beside_this_month_s_marks_is_not_read(
    tmp_path, heading, this_month
):
    """'Phân loại hộ tháng trước' is an earlier time (session 23: not read, not said); beside
    'Hộ nghèo | Hộ cận nghèo | Thoát nghèo' marks it was read as May's class and the marks
    were called unknown columns: NM2 counted poor, NM5 near-poor, NM3 not exited and NM6
    refused for a blank class. The marks are May's class: Nà Mòn 3 poor (NM1, NM5, NM6) and 2
    near-poor (NM2, NM4) of 102, as the template list of the same households says. Session 40:
    so is 'Phân loại hộ tháng 4/2024' in this May list, beside the marks or beside May's class
    column ('Phân loại hộ', which it was read instead of, as it was of the marks). Session 41:
    so is 'Phân loại hộ năm 2023' (or '… cuối năm 2023'); beside 'Phân loại hộ' the list was
    refused, the class column named twice."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    expected, _ = collect(folder, None, workers=0)
    _marked_with_last_month(folder, heading=heading, this_month=this_month)
    result, _ = collect(folder, None, workers=0)
    na_mon = result.summary["hamlets"][0]
    assert (na_mon["hamlet"], na_mon["status"]) == ("Nà Mòn", "ok")
    assert (na_mon["households"], na_mon["poor"], na_mon["near_poor"]) == (102, 3, 2)
    # start (NM1–NM3 poor, NM4–NM5 near-poor): NM2 poor → near, NM3 left, NM5 near → poor, NM6 new
    assert na_mon["movements"]["poor"] == {
        "start": 3, "to_near_poor": 1, "exited": 1, "not_counted": 0, "moved_out": 0,
        "from_near_poor": 1, "new": 1, "returned": 0, "moved_in": 0, "recounted": 0, "end": 3,
    }  # fmt: skip
    assert na_mon["movements"]["near_poor"]["from_poor"] == 1
    assert na_mon["movements"]["near_poor"]["to_poor"] == 1
    assert result.summary["hamlets"] == expected.summary["hamlets"]
    assert result.summary["totals"] == expected.summary["totals"]
    assert [i.code for i in result.issues if i.file == "NaMon.xlsx"] == []


def test_last_month_s_class_beside_marks_is_known_and_unsaid_and_alone_still_read():
    """The header: the marks are the class, last month's column is an earlier one (no unknown
    column). Without marks beside it, a lone 'Phân loại hộ tháng trước' is still the list's
    class column, as before (nothing else tells the class)."""
    top = ["STT", "Mã hộ", "Họ và tên chủ hộ", "Số nhân khẩu", LAST_MONTH, "Hộ nghèo",
           "Hộ cận nghèo", "Thoát nghèo"]  # fmt: skip
    grid = [top, [1, "NM1", "Lò Văn Một", 4, "Hộ cận nghèo", "x", None, None],
            [2, "NM2", "Lò Văn Hai", 3, "Hộ nghèo", None, "x", None]]  # fmt: skip
    header = class_mark_columns(grid, find_header(grid, ROSTER_COLUMNS))
    assert [(col, key) for col, key, _, _ in header.marks] == [
        (5, "poor"),
        (6, "near_poor"),
        (7, "exited"),
    ]
    assert header.columns["phan_loai"][0] == 5
    assert header.earlier == [(4, LAST_MONTH)]
    assert header.unknown == []

    alone = [row[:5] for row in grid]
    header = class_mark_columns(alone, find_header(alone, ROSTER_COLUMNS))
    assert header.marks == [] and header.columns["phan_loai"] == (4, LAST_MONTH)


def _name_in_two_columns(folder, surname: str) -> None:
    """Nà Mòn's May list (tests/messy.py's households, every template column) with the head's
    name in two columns, 'Họ và tên chủ hộ' merged over ``surname`` | 'Tên', the other
    headers merged down the two header rows."""
    keys = list(messy.TEMPLATE_ORDER)
    at = keys.index("chu_ho")
    keys[at : at + 1] = ["ho", "ten"]
    spec = messy.SheetSpec("Danh sách")
    spec.merge(0, 0, 0, len(keys) - 1, messy.TITLE_NA_MON)
    for col, key in enumerate(keys):
        if key in ("ho", "ten"):
            spec.put(2, col, surname if key == "ho" else "Tên")
        else:
            spec.merge(1, col, 2, col, messy.DEFAULT_HEADERS[key])
    spec.merge(1, at, 1, at + 1, "Họ và tên chủ hộ")
    for row, hh in enumerate(messy.na_mon_households(), start=3):
        family, _, given = hh["chu_ho"].rpartition(" ")
        cells = {**hh, "stt": row - 2, "ho": family, "ten": given}
        for col, key in enumerate(keys):
            value = cells[key]
            spec.put(row, col, "x" if value is True else None if value is False else value)
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102))
    messy.write_book(folder / "NaMon.xlsx", [info, spec])


def test_a_name_under_ho_va_ten_chu_ho_as_ho_va_ten_dem_and_ten_is_read_whole(tmp_path):
    """'Họ và tên chủ hộ' over 'Họ và tên đệm | Tên' (session 28's layout, the surname headed
    as the civil register heads it): the surname column was read as the whole name ('Hoàng
    Văn' for every head) and 'Tên' said to be an unknown column. Read whole now, nothing said,
    as under 'Họ | Tên'."""
    for surname in ("Họ và tên đệm", "Họ"):
        folder = tmp_path / surname
        folder.mkdir()
        write_plan(folder)
        _name_in_two_columns(folder, surname)
        result, _ = collect(folder, None, workers=0)
        names = result.households.sort_values("ma_ho")["chu_ho"].tolist()
        assert names == [f"Hoàng Văn NM{i}" for i in range(1, 7)], surname
        assert [i.code for i in result.issues if i.file == "NaMon.xlsx"] == [], surname
        na_mon = result.summary["hamlets"][0]
        assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


def test_the_title_of_a_thong_tin_block_under_a_list_without_stt_is_no_household(tmp_path):
    """A one-sheet list without an STT column (Mã hộ first) and its 'Thông tin' block under it
    as heads write it (no signature between), titled 'THÔNG TIN CHUNG VỀ DANH SÁCH' (merged over A:D) above labels in
    B and values in C (session 22: the block ends the households). The title fell in the Mã
    hộ column above the block's first label and was read as a household: three errors (no
    size, class, name) for a line that is none. It is the block's title now: nothing said,
    Nà Mòn's 3 poor and 2 near-poor of 102 as the template list says."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    expected, _ = collect(folder, None, workers=0)
    columns = [key for key in messy.TEMPLATE_ORDER if key != "stt"]
    layout = messy.Layout(columns=columns, title=(messy.TITLE_NA_MON,))
    roster = messy.roster_sheet(messy.na_mon_households(), layout, messy.Typing())
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102), "shifted")
    messy.write_book(folder / "NaMon.xlsx", [messy.below(roster, info, gap=1)])
    result, _ = collect(folder, None, workers=0)
    assert [(i.code, i.cell) for i in result.issues if i.file == "NaMon.xlsx"] == []
    na_mon = result.summary["hamlets"][0]
    assert (na_mon["status"], na_mon["households"], na_mon["poor"], na_mon["near_poor"]) == (
        "ok",
        102,
        3,
        2,
    )
    assert result.summary["totals"] == expected.summary["totals"]


def test_the_commune_written_as_its_people_s_committee_is_the_plan_s(tmp_path):
    """'Xã' written 'UBND xã Trung Lương' or 'Ủy ban nhân dân xã Trung Lương' (the unit's name
    in the motto block of every form) names the plan's commune: nothing said, as for 'Xã Trung
    Lương'. Another commune so written is still told ('commune-mismatch' at B2)."""
    said = {}
    for written in ("UBND xã Trung Lương", "Ủy ban nhân dân xã Trung Lương", "UBND xã Phú Đình"):
        folder = tmp_path / written
        folder.mkdir()
        write_plan(folder)
        clean_rosters(folder)
        book = openpyxl.load_workbook(folder / "NaMon.xlsx")
        assert book["Thông tin"]["A2"].value == "Xã"
        book["Thông tin"]["B2"] = written
        book.save(folder / "NaMon.xlsx")
        result, _ = collect(folder, None, workers=0)
        said[written] = [(i.code, i.cell) for i in result.issues if i.file == "NaMon.xlsx"]
        assert (result.summary["totals"]["poor"], result.summary["totals"]["near_poor"]) == (5, 3)
    assert said == {
        "UBND xã Trung Lương": [],
        "Ủy ban nhân dân xã Trung Lương": [],
        "UBND xã Phú Đình": [("commune-mismatch", "B2")],
    }


@pytest.mark.parametrize(
    ("heading", "this_month"),
    [("Phân loại hộ năm 2023", "Phân loại hộ"), ("Phân loại hộ cuối năm 2023", "Phân loại hộ"),
     ("Phân loại hộ năm 2023", None), (APRIL_HEADING, "Phân loại hộ")],
)  # fmt: skip
def test_last_year_s_class_column_is_earlier_when_the_month_is_read_after_the_header(
    tmp_path, heading, this_month
):
    """As above, the 'Thông tin' block above the list on its sheet and the file named by no
    month: the list's month is known only after its header is read. 'Phân loại hộ năm 2023'
    beside 'Phân loại hộ' was then no earlier column (no month to put it before): the list
    refused, the class column named twice (`column-twice`). Now the header notes that a time
    decides, and the list is read again for its month, as with a month in the file name: 3 poor,
    2 near-poor, nothing said. Found by the mess fuzzer (a file named by no hamlet, session 41)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    expected, _ = collect(folder, None, workers=0)
    _marked_with_last_month(folder, heading=heading, this_month=this_month, above=True)
    result, _ = collect(folder, None, workers=0)
    na_mon = result.summary["hamlets"][0]
    assert (na_mon["hamlet"], na_mon["status"]) == ("Nà Mòn", "ok")
    assert (na_mon["households"], na_mon["poor"], na_mon["near_poor"]) == (102, 3, 2)
    assert result.summary["hamlets"] == expected.summary["hamlets"]
    assert [i.code for i in result.issues if i.file == "NaMon.xlsx"] == []
