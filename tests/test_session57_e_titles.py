"""Session 57 (E): titles and file names left by session 56.

1. A file name's or a title row's free text (HamletMatcher.find_in) reads a word after 'tổ'
   as a title does (in_title): 'Xi' written as a name, 'Xí' with a mark are no Roman number.
2. A hamlet's heading between the households ending in a move out ('Tổ 2 xóm Bản Cọ chuyển
   đi') heads households that moved out, as 'Hộ chuyển đi xóm Bản Cọ' does.
3. A heading naming the list's own hamlet with words after it ('Xóm Nà Mòn mới') keeps its
   rows unless the plan has a hamlet so named.
4. 'TỔ X' in capitals is Tổ 10 (a lone 'X' after a small 'tổ' stays a letter).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the start list; here Bản Cọ renamed
as a town's unit where a test says so ('Tổ 11')."""

from __future__ import annotations

import unicodedata

import openpyxl
import pytest

from pipeline.hamlets import HamletMatcher
from pipeline.run import collect
from tests.commune import person, write_renamed_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import OWN, with_titles
from tests.test_session40_titles import issues
from tests.test_session56_e_titles import titled_rows

_NO_HAMLET = (
    "Không xác định được tên xóm của tệp. Hãy ghi tên xóm vào ô 'Xóm' của trang 'Thông tin'."
)

# --- 1. a file name's words after 'tổ' read as a title's ------------------------------------


def test_a_file_names_syllable_after_to_is_no_roman_number():
    """The plan 'Tổ 1' … 'Tổ 15' and Nà Mòn. By hand: 'To XI' (capitals: a Roman number) is
    Tổ 11, 'TO VI' Tổ 6, 'DS_To_XI' Tổ 11; 'to Xi nghiep' ('Xi' a capital then a small letter:
    a name, xí nghiệp, a works), 'tổ Xí nghiệp' (a mark), 'DS_to_Xi_nghiep', 'DsToXiNghiep'
    name no hamlet, and 'Na Mon to Xi nghiep' names Nà Mòn alone. Was: 'xi' read as 11
    whatever its case or marks: the four named Tổ 11, the last none (two hamlets named)."""
    plan = HamletMatcher([f"Tổ {n}" for n in range(1, 16)] + ["Nà Mòn"])
    named = ["To XI", "TO VI", "DS_To_XI", "Danh sach to Xi nghiep", "Danh sách tổ Xí nghiệp",
             "DS_to_Xi_nghiep", "DsToXiNghiep", "Na Mon to Xi nghiep"]  # fmt: skip
    expected = ["Tổ 11", "Tổ 6", "Tổ 11", None, None, None, None, "Nà Mòn"]
    assert [plan.find_in(text) for text in named] == expected


def _blank_xom_list(tmp_path, file: str):
    """The plan's Bản Cọ named 'Tổ 11'; Nà Mòn's May list (NM1, NM5, NM6 poor, NM2, NM4
    near-poor) and a list ``file`` whose 'Xóm' is blank holding BC1, BC2 poor, BC3 near-poor:
    the run's result."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, {"Bản Cọ": "Tổ 11"})
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, list(OWN))
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, file, "", 200, rows)
    return collect(folder, None, workers=0)[0]


def test_a_list_named_to_xi_nghiep_is_no_list_of_to_11(tmp_path):
    """'Danh sach to Xi nghiep 2024-05.xlsx', its 'Xóm' blank. By hand: the file name names
    no hamlet (a works' name), the title none: the list is refused as naming no hamlet, told
    so; Tổ 11 sent nothing. Was: counted for Tổ 11 (2 poor, 1 near-poor), the file name read
    'tổ 11'."""
    result = _blank_xom_list(tmp_path, "Danh sach to Xi nghiep 2024-05.xlsx")
    assert hamlet_figures(result, "Tổ 11")["status"] == "missing"
    refused = [i for i in result.issues if i.file == "Danh sach to Xi nghiep 2024-05.xlsx"
               and i.severity == "error"]  # fmt: skip
    assert [(i.code, i.message()) for i in refused] == [("missing-hamlet", _NO_HAMLET)]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize("file", ["To XI 2024-05.xlsx", "DS_TO_XI_2024-05.xlsx"])
def test_a_list_named_to_xi_in_capitals_is_to_11s(tmp_path, file):
    """A guard: 'To XI 2024-05.xlsx' (capitals, a Roman number), its 'Xóm' blank: Tổ 11's
    list, 2 poor, 1 near-poor."""
    result = _blank_xom_list(tmp_path, file)
    to_11 = hamlet_figures(result, "Tổ 11")
    assert (to_11["status"], to_11["poor"], to_11["near_poor"]) == ("ok", 2, 1)


# --- 2. a hamlet's heading ending in 'chuyển đi' ----------------------------------------------

_TO_BAN_CO = (
    "Các dòng 11–12 nằm dưới tiêu đề '{title}', là các hộ đã chuyển đi xóm Bản Cọ, nên không "
    "được tính vào xóm Nà Mòn. Xóm Bản Cọ ghi các hộ đó vào danh sách của xóm mình, giữ nguyên "
    "Mã hộ: hãy xóa các dòng đó khỏi danh sách của xóm Nà Mòn (không ghi 'Thoát': mã hộ sẽ bị "
    "trùng với danh sách của xóm Bản Cọ). Nếu các hộ đó vẫn ở xóm Nà Mòn, hãy xóa tiêu đề đó."
)


def _moved_out_under(tmp_path, title: str):
    """Nà Mòn's May list ('Tổng số hộ dân cư' 102; NM1, NM5, NM6 poor, NM2, NM4 near-poor in
    rows 5-9), then ``title`` in A10 over BC1 (poor) and BC3 (near-poor) numbered 1 and 2 (a
    part numbered as its own list): the run's result. Bản Cọ sends no list."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [(title, [person("BC1", "poor"), person("BC3", "near_poor")])], True)
    return collect(folder, None, workers=0)[0]


def _said(result) -> list[tuple]:
    return [(i.code, i.cell, i.detail, i.instead) for i in result.issues
            if i.code in ("rows-moved-away", "rows-of-other-hamlet", "rows-moved-unclear")]  # fmt: skip


@pytest.mark.parametrize(
    "title",
    ["Tổ 2 xóm Bản Cọ chuyển đi", "Xóm Bản Cọ chuyển đi", "Danh sách xóm Bản Cọ chuyển đi",
     "TỔ 2 XÓM BẢN CỌ CHUYỂN ĐI", "Tổ 2 - xóm Bản Cọ (chuyển đi)", "Xóm Bản Cọ - đã chuyển đi",
     unicodedata.normalize("NFD", "Tổ 2 xóm Bản Cọ chuyển đi")],
)  # fmt: skip
def test_a_hamlets_heading_ending_chuyen_di_takes_its_rows_out_as_moved(tmp_path, title):
    """'Tổ 2 xóm Bản Cọ chuyển đi' (A10) over BC1 and BC3 numbered 1, 2. By hand, as under 'Hộ
    chuyển đi xóm Bản Cọ': households that went from Nà Mòn to Bản Cọ, rows 11-12 taken out
    (the part bounded by its own numbering), said at A10 as moved to Bản Cọ, each told not
    listed by Bản Cọ (A11, A12); Nà Mòn 3 poor (NM1, NM5, NM6), 2 near-poor, 3 / 102 =
    2.94 %. Was: 'Tổ 2 …' kept the rows silently (4 and 3, the plan has no 'Bản Cọ chuyển
    đi'); 'Xóm …', 'Danh sách xóm …' took them out as the rows of a hamlet 'Bản Cọ chuyển
    đi' (3 and 2, counted nowhere, the head told to move them to that hamlet's file)."""
    result = _moved_out_under(tmp_path, title)
    assert _said(result) == [("rows-moved-away", "A10", "11–12", "Bản Cọ")]
    away = next(i for i in result.issues if i.code == "rows-moved-away")
    assert away.message() == _TO_BAN_CO.format(title=unicodedata.normalize("NFC", title))
    assert [(i.cell, i.instead) for i in result.issues if i.code == "moved-not-listed"] == [
        ("A11", "Bản Cọ"), ("A12", "Bản Cọ")]  # fmt: skip
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert round(na_mon["poor_rate"], 2) == 2.94


def test_a_chuyen_di_heading_numbered_on_goes_by_the_moves_out_rules(tmp_path):
    """'Tổ 2 xóm Bản Cọ chuyển đi' over BC1, BC3 numbered on from the list's STT (6, 7) down to
    the list's end: where the part ends is not written, so only BC1 (row 11) is surely moved
    out; BC3 (row 12) is counted and asked about (session 31's rule for 'Hộ chuyển đi …'):
    Nà Mòn 3 poor, 3 near-poor (NM2, NM4, BC3). Was: 4 and 3, nothing said."""
    result = titled_rows(tmp_path, "Tổ 2 xóm Bản Cọ chuyển đi", {})
    assert _said(result) == [("rows-moved-away", "A10", "11", "Bản Cọ"),
                             ("rows-moved-unclear", "A10", "12", "Bản Cọ")]  # fmt: skip
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 3)


_WHERE_UNSAID = (
    "Các dòng 11–12 nằm dưới tiêu đề '{title}', là các hộ đã chuyển đi, nên không được tính "
    "vào xóm Nà Mòn. Nếu hộ chuyển sang xóm khác trong xã, hãy xóa dòng của hộ (xóm nơi hộ đến "
    "ghi hộ vào danh sách của xóm đó, giữ nguyên Mã hộ); nếu hộ chuyển khỏi xã, hãy ghi 'Thoát' "
    "ở cột 'Phân loại hộ' và 'Chuyển khỏi xã' ở cột 'Ghi chú' (dòng ghi 'Thoát' được tính là hộ "
    "đã ra khỏi danh sách). Nếu các hộ đó vẫn ở xóm Nà Mòn, hãy xóa tiêu đề đó."
)


@pytest.mark.parametrize("title", ["Xóm Nà Mòn chuyển đi", "Tổ 2 xóm Nà Mòn chuyển đi: 2 hộ"])
def test_the_lists_own_hamlets_heading_ending_chuyen_di_takes_its_rows_out(tmp_path, title):
    """'Xóm Nà Mòn chuyển đi' in Nà Mòn's own list: Nà Mòn's households that went, where to
    unsaid, as under 'Hộ chuyển đi'. By hand: rows 11-12 taken out, said at A10 with no
    hamlet; Nà Mòn 3 poor, 2 near-poor. Was: 'Xóm Nà Mòn chuyển đi' took them out as the rows
    of a hamlet 'Nà Mòn chuyển đi' (3 and 2, counted nowhere, the head told to move them to
    that hamlet's file); 'Tổ 2 xóm Nà Mòn chuyển đi' kept them as Nà Mòn's group (4 and 3)."""
    result = _moved_out_under(tmp_path, title)
    assert _said(result) == [("rows-moved-away", "A10", "11–12", "")]
    away = next(i for i in result.issues if i.code == "rows-moved-away")
    assert away.message() == _WHERE_UNSAID.format(title=title)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize("title", ["Hộ chuyển đi xóm Nà Mòn", "Tổ 2 - xóm Nà Mòn"])
def test_headings_of_the_lists_own_hamlet_without_chuyen_di_keep_their_rows(tmp_path, title):
    """Guards: 'Hộ chuyển đi xóm Nà Mòn' (session 30: a move to the list's own hamlet, no
    move out) and 'Tổ 2 - xóm Nà Mòn' (its group) keep the rows: 4 poor, 3 near-poor."""
    result = _moved_out_under(tmp_path, title)
    assert _said(result) == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)


# --- 3. the list's own hamlet with words after it ---------------------------------------------


@pytest.mark.parametrize(
    "title",
    ["Xóm Nà Mòn mới", "Danh sách xóm Nà Mòn cũ", "DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN MỚI",
     "Tổ 2 - xóm Nà Mòn mới"],
)  # fmt: skip
def test_a_heading_of_the_lists_own_hamlet_with_words_after_keeps_its_rows(tmp_path, title):
    """'Xóm Nà Mòn mới' (A10) over BC1 and BC3 in Nà Mòn's list; the plan's hamlets Nà Mòn,
    Bản Cọ, Đồng Kè, none 'Nà Mòn mới'. By hand: the plan names no other hamlet so, the rows
    stay Nà Mòn's: 4 poor (NM1, NM5, NM6, BC1), 3 near-poor, nothing said. Was (the first
    three, since session 30): taken out as the rows of a hamlet 'Nà Mòn mới', counted nowhere:
    3 and 2, a warning at A10. 'Tổ 2 - xóm Nà Mòn mới' was kept by session 56's rule (a guard)."""
    result = titled_rows(tmp_path, title, {})
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)


def test_a_heading_of_the_own_hamlet_with_words_after_under_a_xom_cell_with_its_word(tmp_path):
    """The same with the list's 'Xóm' cell written 'Xóm Nà Mòn' (the hamlet word kept): 'Xóm
    Nà Mòn mới' over BC1 and BC3 keeps them, 4 poor, 3 near-poor, nothing said. Was (session
    57's first cut, the cell's words compared with the word 'xóm'): 3 and 2, said at A10."""
    folder = tmp_path / "input"
    folder.mkdir()
    under = [person("BC1", "poor"), person("BC3", "near_poor")]
    with_titles(folder, [("Xóm Nà Mòn mới", under)], hamlet="Xóm Nà Mòn")
    result = collect(folder, None, workers=0)[0]
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)


_OF_NA_MON_MOI = (
    "Các dòng 11–12 nằm dưới tiêu đề 'Xóm Nà Mòn mới', là danh sách của xóm Nà Mòn Mới, không "
    "phải của xóm Nà Mòn, nên không được tính: không tính vào xóm Nà Mòn, cũng không tính cho "
    "xóm Nà Mòn Mới. Mỗi xóm gửi danh sách của mình trong một tệp riêng: hãy chuyển các dòng đó "
    "sang một tệp mới theo mẫu của xóm Nà Mòn Mới rồi gửi tệp đó; nếu các hộ đó đúng là của xóm "
    "Nà Mòn, hãy sửa tiêu đề đó."
)


def test_a_heading_naming_a_plan_hamlet_longer_than_the_lists_takes_its_rows(tmp_path):
    """A guard: the plan's Bản Cọ named 'Nà Mòn Mới'; 'Xóm Nà Mòn mới' over BC1 and BC3 names
    it: rows 11-12 taken out, said at A10 as Nà Mòn Mới's; Nà Mòn 3 poor, 2 near-poor."""
    result = titled_rows(tmp_path, "Xóm Nà Mòn mới", {"Bản Cọ": "Nà Mòn Mới"})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Nà Mòn Mới")]
    said = next(i for i in result.issues if i.code == "rows-of-other-hamlet")
    assert said.message() == _OF_NA_MON_MOI
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


def test_a_heading_of_the_lists_own_hamlet_with_a_number_after_still_takes_its_rows(tmp_path):
    """A guard: 'Xóm Nà Mòn 2' is a hamlet of its own ('Bản Cọ 2' is no 'Bản Cọ'), taken out as
    since session 30 though the plan lacks it: said at A10, Nà Mòn 3 and 2."""
    result = titled_rows(tmp_path, "Xóm Nà Mòn 2", {})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Nà Mòn 2")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


# --- 4. 'TỔ X' in capitals ---------------------------------------------------------------------


def test_the_matcher_reads_a_lone_x_after_to_in_capitals_as_ten():
    """The plan 'Tổ 1' … 'Tổ 15', 'Khu 1' … 'Khu 15'. By hand: 'TỔ X', 'TỔ SỐ X', 'TO X' (a
    title or a cell in capitals: 'X' can only be the number) are Tổ 10, 'KHU X' Khu 10, as a
    'Xóm' cell and a title's hamlet; 'Tổ X', 'tổ x' (a letter, as session 56 left it) and 'TỔ
    XÍ' (a syllable) none. Was: a lone 'X' was never 10 after 'tổ' or 'khu'."""
    plan = HamletMatcher([f"Tổ {n}" for n in range(1, 16)] + [f"Khu {n}" for n in range(1, 16)])
    written = ["TỔ X", "TỔ SỐ X", "TO X", "KHU X", "Tổ X", "tổ x", "TỔ XÍ"]
    expected = ["Tổ 10", "Tổ 10", "Tổ 10", "Khu 10", None, None, None]
    assert [plan.match(w) for w in written] == expected
    assert [plan.match_title(w) for w in written] == expected


_OF_TO_10 = (
    "Các dòng 11–12 nằm dưới tiêu đề 'DANH SÁCH TỔ X', là danh sách của Tổ 10, không phải của "
    "xóm Nà Mòn, nên không được tính: không tính vào xóm Nà Mòn, cũng không tính cho Tổ 10. Mỗi "
    "xóm gửi danh sách của mình trong một tệp riêng: hãy chuyển các dòng đó sang một tệp mới "
    "theo mẫu của Tổ 10 rồi gửi tệp đó; nếu các hộ đó đúng là của xóm Nà Mòn, hãy sửa tiêu đề đó."
)


def test_a_heading_to_x_in_capitals_takes_the_rows_of_the_plans_to_10(tmp_path):
    """The plan's Bản Cọ named 'Tổ 10'; 'DANH SÁCH TỔ X' (A10) over BC1 and BC3 in Nà Mòn's
    list. By hand: X is 10, the heading names Tổ 10: rows 11-12 taken out, said at A10; Nà Mòn
    3 poor, 2 near-poor. Was: 'TỔ X' no number, no title: 4 and 3, nothing said."""
    result = titled_rows(tmp_path, "DANH SÁCH TỔ X", {"Bản Cọ": "Tổ 10"})
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Tổ 10")]
    said = next(i for i in result.issues if i.code == "rows-of-other-hamlet")
    assert said.message() == _OF_TO_10
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize(
    ("title", "renamed"),
    [("Danh sách tổ X", {"Bản Cọ": "Tổ 10"}), ("DANH SÁCH TỔ X", {})],
)  # fmt: skip
def test_a_heading_to_x_not_in_capitals_or_without_the_plans_to_10_keeps_its_rows(
    tmp_path, title, renamed
):
    """Guards: 'Danh sách tổ X' ('X' a letter in a title in small letters) and 'DANH SÁCH TỔ X'
    where the plan has no Tổ 10 (Nà Mòn's group 10: the plan decides, as for 'TỔ 10') keep
    the rows: 4 poor, 3 near-poor, nothing said."""
    result = titled_rows(tmp_path, title, renamed)
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)


def test_a_list_with_a_blank_xom_titled_to_x_in_capitals_is_to_10s(tmp_path):
    """The plan's Bản Cọ named 'Tổ 10'; Nà Mòn's list and one 'DS_2024-05.xlsx' whose 'Xóm'
    is blank (BC1, BC2 poor, BC3 near-poor) titled 'DANH SÁCH HỘ NGHÈO TỔ X – THÁNG 5/2024' in
    A1. By hand: the title names Tổ 10: counted there, 2 poor, 1 near-poor. Was: no hamlet
    read, the list refused ('missing-hamlet'), Tổ 10 missing."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, {"Bản Cọ": "Tổ 10"})
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, list(OWN))
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    path = write_roster(folder, "DS_2024-05.xlsx", "", 200, rows)
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO TỔ X – THÁNG 5/2024"
    book.save(path)
    result = collect(folder, None, workers=0)[0]
    to_10 = hamlet_figures(result, "Tổ 10")
    assert (to_10["status"], to_10["poor"], to_10["near_poor"]) == ("ok", 2, 1)
