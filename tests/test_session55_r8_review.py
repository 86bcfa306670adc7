"""Session 55 (R8): review of helper L's titles naming another hamlet exactly, Roman numbers in
titles, rows another hamlet's list holds and the held-several words, as heads would break them.

The small commune (tests.commune) with its Đồng Kè renamed 'Bản Cọ 2' (or 'Bản Cọ 5'): Bản Cọ
BC1, BC2 poor, BC3 near-poor; the renamed hamlet DK1 poor, DK2 near-poor on the start list."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.commune import person, write_renamed_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles

_BAN_CO = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
_SECOND = [person("DK1", "poor"), person("DK2", "near_poor")]


def _titled(tmp_path, renamed: str, cell: str, file: str, title: str, rows: list[dict]):
    """The plan with Đồng Kè renamed ``renamed``; one list ``file`` whose 'Xóm' is ``cell``,
    ``rows`` its households, titled ``title`` in A1: the run's result."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, {"Đồng Kè": renamed})
    path = write_roster(folder, file, cell, 200, [dict(row) for row in rows])
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = title
    book.save(path)
    return collect(folder, None, workers=0)[0]


def _told(result) -> list[tuple]:
    return [(i.hamlet, i.cell, i.detail, i.variant)
            for i in result.issues if i.code == "hamlet-differs-from-title"]  # fmt: skip


def test_a_month_after_the_hamlet_in_a_title_is_no_number_of_its_name(tmp_path):
    """'DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ 05/2024' over a list whose 'Xóm' is blank (BC1, BC2 poor,
    BC3 near-poor), in a plan holding Bản Cọ and Bản Cọ 5. By hand: the title names Bản Cọ (05
    is May, of 05/2024): counted for Bản Cọ, 2 poor, 1 near-poor; Bản Cọ 5 sent nothing. Was:
    the title read 'BẢN CỌ 05' (the name ended at the '/'), Bản Cọ 5's: the list counted there."""
    title = "DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ 05/2024"
    result = _titled(tmp_path, "Bản Cọ 5", "", "DS_2024-05.xlsx", title, _BAN_CO)
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert hamlet_figures(result, "Bản Cọ 5")["status"] == "missing"


def test_a_month_after_the_hamlet_in_a_title_names_no_other_hamlet(tmp_path):
    """The same title over Bản Cọ's list whose 'Xóm' says Bản Cọ: nothing told (since L's
    names_exactly the title was said to name Bản Cọ 5), counted 2 and 1."""
    title = "DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ 05/2024"
    result = _titled(tmp_path, "Bản Cọ 5", "Bản Cọ", "DS_BanCo_2024-05.xlsx", title, _BAN_CO)
    assert _told(result) == []
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["poor"], ban_co["near_poor"]) == (2, 1)


def test_a_title_writing_the_lists_number_otherwise_is_not_told(tmp_path):
    """'DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ (2)' over Bản Cọ 2's list (DS_BanCo2_2024-05.xlsx, DK1
    poor, DK2 near-poor): the title reads 'BẢN CỌ' (cut at the bracket), Bản Cọ 2's number
    written otherwise, as HamletMatcher.related has it since session 40: nothing told, counted
    1 and 1. Was (L's names_exactly): "Tiêu đề của danh sách ghi xóm Bản Cọ …"."""
    title = "DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ (2)"
    result = _titled(tmp_path, "Bản Cọ 2", "Bản Cọ 2", "DS_BanCo2_2024-05.xlsx", title, _SECOND)
    assert _told(result) == []
    second = hamlet_figures(result, "Bản Cọ 2")
    assert (second["status"], second["poor"], second["near_poor"]) == ("ok", 1, 1)


@pytest.mark.parametrize("file", ["DS_2024-05.xlsx", "DS_BanCo2_2024-05.xlsx"])
def test_a_title_naming_another_hamlet_exactly_without_the_file_name_says_the_cell(tmp_path, file):
    """'… XÓM BẢN CỌ 2 – THÁNG 5/2024' over a list whose 'Xóm' is Bản Cọ (BC1, BC2 poor, BC3
    near-poor), its file name naming no hamlet (or Bản Cọ 2, as the title): told at A1 that the
    title names Bản Cọ 2 and the 'Xóm' cell Bản Cọ, either to correct (variant 'cell'), in both
    languages; counted for Bản Cọ, 2 and 1. Was: "… nhưng ô 'Xóm' và tên tệp ghi 'Bản Cọ'", of
    a file name that says no such thing."""
    title = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM BẢN CỌ 2 – THÁNG 5/2024"
    result = _titled(tmp_path, "Bản Cọ 2", "Bản Cọ", file, title, _BAN_CO)
    assert _told(result) == [("Bản Cọ", "A1", "Bản Cọ 2", "cell")]
    told = next(i for i in result.issues if i.code == "hamlet-differs-from-title")
    assert told.message("vi") == (
        "Tiêu đề của danh sách ghi xóm Bản Cọ 2 nhưng ô 'Xóm' ghi 'Bản Cọ'; tệp được tính cho "
        "xóm 'Bản Cọ'. Nếu đây là danh sách của xóm Bản Cọ, hãy sửa tiêu đề; nếu là danh sách "
        "của xóm Bản Cọ 2, hãy sửa ô 'Xóm' rồi gửi lại."
    )
    assert told.message("en") == (
        "The list's title names hamlet Bản Cọ 2 but the 'Xóm' cell says 'Bản Cọ'; the file is "
        "counted for 'Bản Cọ'. If it is hamlet Bản Cọ's list, correct the title; if it is "
        "hamlet Bản Cọ 2's, correct the 'Xóm' cell and send it again."
    )
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)


def test_check_says_rows_the_named_hamlets_list_holds_counted_there(tmp_path):
    """`giamngheo check` of May's folder: Nà Mòn's list with 'Danh sách xóm Bản Cọ' (row 10)
    over BC1, BC3 (rows 11-12), Bản Cọ's own list DS_BanCo_2024-05.xlsx holding BC1-BC3. By
    hand: both lists are counted together, Bản Cọ's holds both rows' households: told as the
    run tells them (variant 'listed', that file named, to delete them here). Was: the words to
    move them to a new file (L's Left: check validated no month's lists together for it)."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [("Danh sách xóm Bản Cọ", [person("BC1", "poor"),
                                                   person("BC3", "near_poor")])])  # fmt: skip
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [dict(r) for r in _BAN_CO])
    said = [i for i in check_files([folder]) if i.code == "rows-of-other-hamlet"]
    assert [(i.file, i.cell, i.variant, i.elsewhere) for i in said] == [
        ("DS_NaMon_2024-05.xlsx", "A10", "listed", "DS_BanCo_2024-05.xlsx")
    ]
    assert said[0].message("vi") == (
        "Các dòng 11–12 nằm dưới tiêu đề 'Danh sách xóm Bản Cọ', là danh sách của xóm Bản Cọ, "
        "không phải của xóm Nà Mòn, nên không được tính vào xóm Nà Mòn; các hộ đó đã có trong "
        "danh sách kỳ này của xóm Bản Cọ (tệp 'DS_BanCo_2024-05.xlsx') và được tính ở đó. Hãy "
        "xóa các dòng đó khỏi danh sách của xóm Nà Mòn; nếu các hộ đó đúng là của xóm Nà Mòn, "
        "hãy sửa tiêu đề đó và báo xóm Bản Cọ xóa các hộ đó khỏi danh sách của mình."
    )


@pytest.mark.parametrize(
    ("renamed", "title", "counted"),
    [("Bản Cọ 2", "DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ 2 - 2024", "Bản Cọ 2"),
     ("Tổ dân phố số 10", "DANH SÁCH HỘ NGHÈO TDP 10 - 2024", "Tổ dân phố số 10"),
     ("Bản Cọ 5", "DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ 05-06-2024", "Bản Cọ")],
)  # fmt: skip
def test_a_number_then_a_dash_and_a_year_alone_is_the_hamlets_number(
    tmp_path, renamed, title, counted
):
    """A list whose 'Xóm' is blank (DS_2024-05.xlsx; DK1 poor, DK2 near-poor) titled ``title``,
    in the plan with Đồng Kè renamed ``renamed`` (beside Bản Cọ). By hand: '2 - 2024' and '10 -
    2024' are the hamlet's number and the year (no month: a month needs '/' or '.', or a whole
    date), so the list is Bản Cọ 2's / Tổ dân phố số 10's: counted there, 1 poor, 1 near-poor;
    a whole date by dashes ends the name ('BẢN CỌ 05-06-2024': Bản Cọ's). Was (R8's date rule
    taking '2 - 2024' as a month and its year): the name cut to 'BẢN CỌ' (Bản Cọ's) and 'TDP'
    (no plan hamlet: refused)."""
    result = _titled(tmp_path, renamed, "", "DS_2024-05.xlsx", title, _SECOND)
    figures = hamlet_figures(result, counted)
    assert (figures["status"], figures["poor"], figures["near_poor"]) == ("ok", 1, 1)
