"""Session 40's review: a title's hamlet may begin with its own unit word ('TỔ 3', 'ẤP BẮC',
'BUÔN EA T'LING'), but 'tổ' and 'buôn' begin ordinary words too ('TỔ CÔNG TÁC RÀ SOÁT', 'HỘ
BUÔN BÁN'), and a village's hamlet is divided into 'tổ' (its neighbourhood groups). Read as
before session 40 there; a town's 'Tổ 2' is still another hamlet."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.discover import _title_hamlet
from pipeline.run import FatalError, collect
from tests.commune import person, write_plan, write_renamed_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session40_titles import issues


@pytest.mark.parametrize(
    ("cells", "read"),
    [
        # a working group's line above the title, or inside it, names no hamlet
        (["UBND XÃ TRUNG LƯƠNG", "TỔ CÔNG TÁC GIẢM NGHÈO",
          "DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN - THÁNG 5/2024"], "NÀ MÒN"),
        (["UBND XÃ TRUNG LƯƠNG", "TỔ RÀ SOÁT XÓM NÀ MÒN", "DANH SÁCH HỘ NGHÈO THÁNG 5/2024"],
         "NÀ MÒN"),
        (["Kèm theo Biên bản họp Tổ rà soát ngày 5/6/2024", "DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN"],
         "NÀ MÒN"),
        (["DANH SÁCH HỘ NGHÈO ĐƯỢC TỔ CHỨC BÌNH XÉT XÓM NÀ MÒN"], "NÀ MÒN"),
        (["DANH SÁCH HỘ BUÔN BÁN NHỎ XÓM NÀ MÒN"], "NÀ MÒN"),
        # a 'tổ' before its number, a 'buôn' before its name, still name themselves
        (["DANH SÁCH HỘ NGHÈO TỔ 3 - THÁNG 5/2024"], "TỔ 3"),
        (["DANH SÁCH HỘ NGHÈO TỔ SỐ 3"], "TỔ SỐ 3"),
        (["DANH SÁCH HỘ NGHÈO BUÔN EA T'LING - 2024"], "BUÔN EA T'LING"),
        # a month shortened after a dash is the title's own, as '– THÁNG 5/2024' is
        (["Xóm Bản Cọ - T5/2024"], "Bản Cọ"),
        (["XÓM BẢN CỌ-T05.2024"], "BẢN CỌ"),
    ],
)  # fmt: skip
def test_a_tổ_or_buôn_that_begins_an_ordinary_word_names_no_hamlet(cells, read):
    """Before the review: 'TỔ CÔNG TÁC GIẢM NGHÈO', 'TỔ RÀ SOÁT XÓM NÀ MÒN', 'Tổ rà soát ngày
    5', 'TỔ CHỨC BÌNH XÉT XÓM NÀ MÒN', 'BUÔN BÁN NHỎ XÓM NÀ MÒN'; 'Bản Cọ - T5', 'BẢN CỌ-T05'
    (said so where no plan hamlet is named)."""
    assert _title_hamlet(cells) == read


def test_a_heading_naming_a_tổ_in_a_villages_list_is_its_own_group(tmp_path):
    """Nà Mòn's list (3 poor, 2 near-poor), then row 10 'Danh sách hộ nghèo tổ 2' (the hamlet's
    group 2) over NM7, poor, row 11. Before the review, NM7 was left out as another hamlet 'tổ
    2''s (3 poor); it is Nà Mòn's: 4 poor, 2 near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [("Danh sách hộ nghèo tổ 2", [person("NM7", "poor")])])
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 2)


def test_a_heading_naming_a_tổ_in_a_towns_list_is_another_hamlet(tmp_path):
    """A town whose hamlets are 'Tổ 1' (Nà Mòn renamed) and 'Tổ 2' (Bản Cọ): the same heading
    over BC1 (poor, Tổ 2's) in Tổ 1's list names the other hamlet, as session 40 reads it."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [("Danh sách hộ nghèo tổ 2", [person("BC1", "poor")])], hamlet="Tổ 1")
    write_renamed_plan(folder, {"Nà Mòn": "Tổ 1", "Bản Cọ": "Tổ 2"})
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == [("Tổ 1", "A10", "11", "Tổ 2")]
    to_1 = hamlet_figures(result, "Tổ 1")
    assert (to_1["poor"], to_1["near_poor"]) == (3, 2)


def working_group_above(path, xom, title=None, above="TỔ CÔNG TÁC RÀ SOÁT"):
    """A line ``above`` (None: none) inserted above the list's title (``title`` if given); its
    'Xóm' cell ``xom``."""
    book = openpyxl.load_workbook(path)
    if title is not None:
        book["Danh sách"]["A1"] = title
    if above is not None:
        book["Danh sách"].insert_rows(1)
        book["Danh sách"]["A1"] = above
    book["Thông tin"]["B3"] = xom
    book.save(path)


def test_a_working_groups_line_above_the_title_leaves_the_hamlet_read_from_it(tmp_path):
    """Nà Mòn's list, 'Xóm' blank, 'TỔ CÔNG TÁC RÀ SOÁT' above the title '… XÓM NÀ MÒN – …', a
    heading 'DANH SÁCH HỘ CẬN NGHÈO XÓM NÀ MÒN' over NM7 (near-poor). Before the review the
    list's hamlet was read 'TỔ CÔNG TÁC RÀ SOÁT' and NM7 left out as another hamlet's (3 poor,
    2 near-poor); it is Nà Mòn's: 3 poor, 3 near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    heading = "DANH SÁCH HỘ CẬN NGHÈO XÓM NÀ MÒN"
    working_group_above(with_titles(folder, [(heading, [person("NM7", "near_poor")])]), None)
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 3)


def test_a_working_groups_line_above_the_title_hides_no_conflict(tmp_path):
    """'Xóm' 'Bản Cọ' under the title '… XÓM NÀ MÒN – …', a line 'TỔ CÔNG TÁC RÀ SOÁT' above
    it: which hamlet's list it is cannot be told, and it is refused (the only list: nothing to
    consolidate). Before the review the title was read 'TỔ CÔNG TÁC RÀ SOÁT', no plan hamlet,
    and the list was counted as Bản Cọ's."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    path = write_roster(folder, "DS_2024-05.xlsx", "Bản Cọ", 200, [person("NM1", "poor")])
    working_group_above(path, "Bản Cọ", "DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN – THÁNG 5/2024")
    with pytest.raises(FatalError, match="Ô 'Xóm' ghi 'Bản Cọ' nhưng tiêu đề của danh sách ghi"):
        collect(folder, None, workers=0)


def test_a_misspelt_hamlet_in_a_dashed_title_is_still_suggested(tmp_path):
    """Nà Mòn's list, 'Xóm' blank, its title 'DANH SÁCH HỘ NGHÈO XÓM NÀ MÒNG – TRUNG LƯƠNG'
    (a slip, then the commune after a dash) over a household new to the lists, beside Bản
    Cọ's list. The name is read whole, 'NÀ
    MÒNG – TRUNG LƯƠNG', and refused as no plan hamlet; the message asks whether it is 'Nà
    Mòn'. Before the review no hamlet was suggested (the whole name is close to none); before
    session 40 the name was read 'NÀ MÒNG' and suggested so."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")])  # fmt: skip
    path = write_roster(folder, "DS_2024-05.xlsx", "Nà Mòn", 102, [person("MOI1", "poor")])
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO XÓM NÀ MÒNG – TRUNG LƯƠNG"
    book["Thông tin"]["B3"] = None
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    [issue] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert issue.value == "NÀ MÒNG – TRUNG LƯƠNG"
    assert (
        str(issue.detail) == "có phải xóm 'Nà Mòn'? Các xóm trong kế hoạch: Nà Mòn, Bản Cọ, Đồng Kè"
    )


def test_a_hidden_plan_hamlet_in_a_dashed_title_is_said_hidden(tmp_path):
    """A list, 'Xóm' blank, titled 'DANH SÁCH HỘ NGHÈO XÓM KHUỔI ĐẮC – TRUNG LƯƠNG', Khuổi Đắc's
    plan row (7) hidden: refused, and told that row is hidden, as for a 'Xóm' cell naming it
    (session 24). Before the review it was told to add 'KHUỔI ĐẮC – TRUNG LƯƠNG' to the plan."""
    from tests.test_session24_plan import START, commune
    from tests.test_session24_plan import write_roster as write_small_roster
    from tests.test_session24_plan_more import collect_issues, hide_old_row

    folder = commune(tmp_path / "in", [*START, ["Khuổi Đắc", 40, 3, 2, 1, 1]], edit=hide_old_row)
    path = folder / "DS_04_2024-05.xlsx"
    write_small_roster(path, None, "04", 40, 3, 2)
    book = openpyxl.load_workbook(path)
    book["Danh sách"].insert_rows(1)
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO XÓM KHUỔI ĐẮC – TRUNG LƯƠNG"
    book.save(path)
    [said] = [i for i in collect_issues(folder) if i.code == "unknown-hamlet"]
    assert (said.value, said.variant, str(said.detail)) == (
        "KHUỔI ĐẮC – TRUNG LƯƠNG",
        "hidden",
        "dòng 7",
    )


@pytest.mark.parametrize(
    ("title", "read"),
    [("DANH SÁCH HỘ NGHÈO TỔ 3 XÓM NÀ MÒN – THÁNG 5/2024", "NÀ MÒN"),
     ("DANH SÁCH HỘ NGHÈO TỔ SỐ 3, THÔN BẢN CỌ", "BẢN CỌ"),
     ("Danh sách hộ cận nghèo tổ 3 - xóm Nà Mòn - tháng 5", "Nà Mòn"),
     ("DANH SÁCH HỘ NGHÈO TỔ 3, XÓM ĐỒNG MỎ – LÀNG MỚI – THÁNG 5/2024", "ĐỒNG MỎ – LÀNG MỚI"),
     ("DANH SÁCH HỘ NGHÈO TỔ 3 XÓM ……… – THÁNG 5/2024", ""),
     ("DANH SÁCH HỘ NGHÈO TỔ 3 – THÁNG 5/2024", "TỔ 3")],
)  # fmt: skip
def test_a_group_written_before_its_hamlet_leaves_the_hamlet(title, read):
    """A 'TỔ n' before 'XÓM'/'THÔN' is that hamlet's group: the hamlet is the name after the
    hamlet word (before: 'TỔ 3 XÓM NÀ MÒN', 'TỔ SỐ 3'); the form's blank after 'XÓM' names none;
    a 'TỔ 3' alone is still read (a town's hamlet)."""
    assert _title_hamlet([title]) == read


def test_a_list_titled_with_its_group_first_counts_its_hamlets_heading(tmp_path):
    """Nà Mòn's list (3 poor, 2 near-poor), 'Xóm' blank, titled 'DANH SÁCH HỘ NGHÈO TỔ 3 XÓM NÀ
    MÒN – THÁNG 5/2024', a heading 'DANH SÁCH HỘ CẬN NGHÈO XÓM NÀ MÒN' over NM7 (near-poor).
    Before: the list's hamlet was read 'TỔ 3 XÓM NÀ MÒN', the heading named another hamlet and NM7
    was left out (3 poor, 2 near-poor); it is Nà Mòn's: 3 poor, 3 near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    heading = "DANH SÁCH HỘ CẬN NGHÈO XÓM NÀ MÒN"
    path = with_titles(folder, [(heading, [person("NM7", "near_poor")])])
    working_group_above(path, None, "DANH SÁCH HỘ NGHÈO TỔ 3 XÓM NÀ MÒN – THÁNG 5/2024", None)
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 3)


def test_a_heading_naming_another_hamlets_group_is_that_hamlets(tmp_path):
    """Nà Mòn's list, then 'DANH SÁCH HỘ NGHÈO TỔ 2 XÓM BẢN CỌ' over BC1 (poor): Bản Cọ's group
    2, not Nà Mòn's. Before: read as a 'tổ' of Nà Mòn's own and counted there (4 poor)."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [("DANH SÁCH HỘ NGHÈO TỔ 2 XÓM BẢN CỌ", [person("BC1", "poor")])])
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11", "Bản Cọ")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
