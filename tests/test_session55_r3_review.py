"""Session 55 (R3): review of session 55's titles naming a 'khu' or a 'tổ', and of its
mostly-gone and one-household words, as heads would break them.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the start list. Nà Mòn's May list
(tests.test_session30_c_heads_lists.OWN): NM1, NM5, NM6 poor, NM2, NM4 near-poor in rows 5-9,
then a title row (row 10) over the households of a group."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.run import collect, execute
from tests.april_may import SPLIT, may_lists, write_unnamed
from tests.commune import person, write_renamed_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session38_oracle import na_mon_rows
from tests.test_session40_titles import issues


@pytest.mark.parametrize(
    ("title", "renamed", "hamlet"),
    [
        ("Danh sách tổ 2", {"Bản Cọ": "Tổ 2"}, "Nà Mòn"),
        ("DANH SÁCH HỘ NGHÈO TỔ 2", {"Bản Cọ": "Tổ 2"}, "Nà Mòn"),
        ("Danh sách Khu 4A", {"Nà Mòn": "Khu 4", "Bản Cọ": "Khu 4A"}, "Khu 4"),
    ],
)
def test_a_group_title_over_the_lists_own_households_keeps_them(tmp_path, title, renamed, hamlet):
    """Nà Mòn's list (a village's, grouped by its own 'tổ'; or the plan's 'Khu 4') with NM3,
    Nà Mòn's on the start list, under 'Danh sách tổ 2' where the plan names Bản Cọ 'Tổ 2' (or
    under 'Danh sách Khu 4A', Bản Cọ being 'Khu 4A'). By hand: NM3 is the list's own group's,
    counted there: NM1, NM3, NM5, NM6 poor (4), NM2, NM4 near-poor (2); nothing said of rows
    of another hamlet, and NM3 is not warned as gone. Was (session 55, b6af7e4e): NM3 taken
    out as Tổ 2's ('rows-of-other-hamlet' at A10), 3 poor, and NM3 counted as exited."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [(title, [person("NM3", "poor")])], hamlet=hamlet)
    write_renamed_plan(folder, renamed)
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == []
    assert [i.value for i in result.issues if i.code == "vanished-household"] == []
    own = hamlet_figures(result, renamed.get("Nà Mòn", "Nà Mòn"))
    assert (own["status"], own["poor"], own["near_poor"]) == ("ok", 4, 2)


def test_a_group_title_over_the_named_hamlets_households_still_takes_them(tmp_path):
    """A guard: under 'Danh sách tổ 2' (the plan's Bản Cọ named 'Tổ 2') NM3, Nà Mòn's, and
    BC1, Tổ 2's on the start list: a household of the hamlet the title names is there, so the
    rows are Tổ 2's as session 55 made them: said at A10, rows 11-12, Nà Mòn 3 poor (NM1, NM5,
    NM6), 2 near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [("Danh sách tổ 2", [person("NM3", "poor"), person("BC1", "poor")])])
    write_renamed_plan(folder, {"Bản Cọ": "Tổ 2"})
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Tổ 2")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


def _na_mon_reported(out) -> str:
    """Nà Mòn's 'Tình trạng' words on May's 'Nộp báo cáo' (in the run's language)."""
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    rows = list(book["Nộp báo cáo"].iter_rows(values_only=True))
    book.close()
    return next(r[2] for r in rows if isinstance(r[0], int) and r[1] == "Nà Mòn")


@pytest.mark.parametrize(
    ("apart", "said", "counted", "them"),
    [(["NM5"], "1 household", "is", "it"), (["NM4", "NM5"], "2 households", "are", "them")],
)
def test_the_reporting_row_of_a_list_apart_says_one_household_in_the_singular(
    tmp_path, apart, said, counted, them
):
    """May: Nà Mòn's list NM1-NM3 (poor), its near-poor NM5 (or NM4 and NM5) on a list naming
    no hamlet, every hamlet sending its own: Nà Mòn's figures lack them ('incomplete'). The
    English 'Nộp báo cáo' row of --lang en, by hand from 'report.incomplete.unnamed': of one
    household "is not counted … Write it", of two "are not counted … Write them". Was: "1
    household … are not counted … Write them"; the Vietnamese are number-free."""
    folder, out = may_lists(tmp_path, na_mon_rows()[:3])
    write_unnamed(folder, [person(code, "near_poor") for code in apart])
    execute(folder, out, "2024-05", lang="en")
    assert _na_mon_reported(out) == (
        f"Valid but incomplete: {said} on a list naming no hamlet (file {SPLIT}, refused) "
        f"{counted} not counted, so the hamlet is left out of the commune's figures. Write "
        f"{them} in the hamlet's list (one list for the whole hamlet) and send it again."
    )


@pytest.mark.parametrize(
    ("file", "title", "renamed", "said"),
    [
        (
            "DS_2024-05.xlsx",
            "DANH SÁCH HỘ NGHÈO NÀ MÒN THÁNG 5/2024",
            None,
            "'Nà Mòn' từ tiêu đề của danh sách",
        ),
        (
            "DS_2024-05.xlsx",
            "DANH SÁCH HỘ NGHÈO KHU 4 – THÁNG 5/2024",
            "Khu 4",
            "'Khu 4' từ tiêu đề của danh sách",
        ),
        ("DS_NaMon_2024-05.xlsx", "DANH SÁCH HỘ NGHÈO", None, "'Nà Mòn' từ tên tệp"),
    ],
)
def test_a_blank_xom_taken_from_the_title_says_the_title(tmp_path, file, title, renamed, said):
    """A list whose 'Xóm' (B3 of 'Thông tin') is blank, NM1 alone, titled in A1 by the plan's
    name without 'Xóm' ('… NÀ MÒN …', or 'KHU 4' where the plan's Nà Mòn is 'Khu 4'), its file
    name naming no hamlet: counted for Nà Mòn (or Khu 4), the blank cell said taken "từ tiêu
    đề của danh sách". Was: "từ tên tệp" (consolidate.list_hamlet took every plan name found
    for the list's as its file name's); for 'KHU 4' since 664a9941 (the reader no longer takes
    'KHU 4' for the list's 'Xóm'). A guard: a file name naming it, the title not, "từ tên tệp"."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, {"Nà Mòn": renamed} if renamed else {})
    path = write_roster(folder, file, "", 102, [person("NM1", "poor")])
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = title
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    blank = [i for i in result.issues if i.code == "info-cell-blank"]
    assert [(i.hamlet, i.cell) for i in blank] == [(renamed or "Nà Mòn", "B3")]
    assert blank[0].message("vi") == (
        f"Ô 'Xóm' của trang 'Thông tin' đang trống; đã lấy {said}. Hãy ghi vào ô này cho chắc chắn."
    )
