"""Session 55 (L): leftovers of session 55's review R3 of its titles naming a 'tổ' or 'khu'
and its mostly-gone words.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the start list. Nà Mòn's May list
(tests.test_session30_c_heads_lists.OWN): NM1, NM5, NM6 poor, NM2, NM4 near-poor in rows 5-9,
then a title row (row 10) over the households of a group."""

from __future__ import annotations

from dataclasses import replace

import openpyxl
import pytest

from pipeline.notices import mostly_gone_notes
from pipeline.run import collect, execute
from schemas.issues import CATALOGUE
from tests.commune import person, roster_edited, write_renamed_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session38_oracle import na_mon_rows
from tests.test_session40_titles import issues
from tests.test_session52_advice_table import unnamed_case
from tests.test_session54_e4_all_sent_held import said_rows
from tests.test_session55_e_leftovers import GONE_HELD, GONE_HELD_HEAD

# --- 4. a title naming another plan hamlet whose name the list's begins ---------------------


def _khu_list(tmp_path, title: str):
    """The plan's Nà Mòn named 'Khu 4', its Bản Cọ 'Khu 4A'; Nà Mòn's list ('Xóm' Khu 4, file
    DS_Khu4_2024-05.xlsx) NM1, NM3 poor, NM2 near-poor, titled ``title`` in A1."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, {"Nà Mòn": "Khu 4", "Bản Cọ": "Khu 4A"})
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor")]
    path = write_roster(folder, "DS_Khu4_2024-05.xlsx", "Khu 4", 102, rows)
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = title
    book.save(path)
    return collect(folder, None, workers=0)[0]


def test_a_title_naming_khu_4a_over_a_list_of_khu_4_is_told(tmp_path):
    """'Xóm' Khu 4 under 'DANH SÁCH HỘ NGHÈO KHU 4A – THÁNG 5/2024', the plan holding both.
    By hand: the title names Khu 4A exactly, another hamlet: 'hamlet-differs-from-title' at
    A1, in both languages; still counted for Khu 4 (2 poor, 1 near-poor). Was: nothing said
    (HamletMatcher.related took 4A for a part of 4, a number written otherwise)."""
    result = _khu_list(tmp_path, "DANH SÁCH HỘ NGHÈO KHU 4A – THÁNG 5/2024")
    told = [i for i in result.issues if i.code == "hamlet-differs-from-title"]
    assert [(i.hamlet, i.cell, i.detail) for i in told] == [("Khu 4", "A1", "Khu 4A")]
    assert told[0].message("vi") == (
        "Tiêu đề của danh sách ghi Khu 4A nhưng ô 'Xóm' và tên tệp ghi 'Khu 4'; tệp được tính "
        "cho xóm 'Khu 4'. Hãy sửa tiêu đề cho đúng xóm."
    )
    assert told[0].message("en") == (
        "The list's title names Khu 4A but the 'Xóm' cell and the file name say 'Khu 4'; the "
        "file is counted for 'Khu 4'. Correct the title."
    )
    khu = hamlet_figures(result, "Khu 4")
    assert (khu["status"], khu["poor"], khu["near_poor"]) == ("ok", 2, 1)


@pytest.mark.parametrize(
    "title", ["DANH SÁCH HỘ NGHÈO KHU 4 CŨ – THÁNG 5/2024", "DANH SÁCH HỘ NGHÈO KHU IV"]
)
def test_a_title_naming_khu_4_otherwise_is_not_told(tmp_path, title):
    """Guards: 'KHU 4 CŨ' (old Khu 4) and 'KHU IV' over Khu 4's list name no other plan
    hamlet: nothing said, counted for Khu 4 (2 poor, 1 near-poor)."""
    result = _khu_list(tmp_path, title)
    assert [i for i in result.issues if i.code == "hamlet-differs-from-title"] == []
    khu = hamlet_figures(result, "Khu 4")
    assert (khu["poor"], khu["near_poor"]) == (2, 1)


# --- 3. a 'khu' or 'tổ' numbered in Roman numbers in a title --------------------------------

# Nà Mòn's May list, then row 10 a title over BC1 (poor) and BC3 (near-poor), rows 11-12
_UNDER_TITLE = [person("BC1", "poor"), person("BC3", "near_poor")]


@pytest.mark.parametrize(
    ("title", "renamed"),
    [("Danh sách Khu IV", "Khu 4"), ("DANH SÁCH HỘ NGHÈO TỔ III", "Tổ 3"),
     ("Danh sách Khu VI", "Khu 6")],
)  # fmt: skip
def test_a_title_naming_a_khu_or_to_in_roman_numbers_takes_its_rows(tmp_path, title, renamed):
    """The plan's Bản Cọ named 'Khu 4' (or 'Tổ 3', 'Khu 6'); BC1 and BC3 under 'Danh sách Khu
    IV' in Nà Mòn's list. By hand: the title names Khu 4 (IV is 4), Bản Cọ's hamlet: rows 11-12
    taken out and said at A10, Nà Mòn 3 poor (NM1, NM5, NM6), 2 near-poor (NM2, NM4). Was:
    'khu' before 'IV' named no hamlet (discover._ZONE wanted a digit): 4 poor, 3 near-poor,
    nothing said."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [(title, list(_UNDER_TITLE))])
    write_renamed_plan(folder, {"Bản Cọ": renamed})
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", renamed)]
    said = next(i for i in result.issues if i.code == "rows-of-other-hamlet")
    assert said.message("vi") == (
        f"Các dòng 11–12 nằm dưới tiêu đề '{title}', là danh sách của {renamed}, không phải của "
        f"xóm Nà Mòn, nên không được tính: không tính vào xóm Nà Mòn, cũng không tính cho "
        f"{renamed}. Mỗi xóm gửi danh sách của mình trong một tệp riêng: hãy chuyển các dòng đó "
        f"sang một tệp mới theo mẫu của {renamed} rồi gửi tệp đó; nếu các hộ đó đúng là của xóm "
        "Nà Mòn, hãy sửa tiêu đề đó."
    )
    assert said.message("en") == (
        f"Rows 11–12 are under the title '{title}', the list of {renamed}, not of hamlet Nà Mòn, "
        f"so they are not counted: neither in hamlet Nà Mòn nor for {renamed}. Each hamlet "
        "sends its list in a file of its own: move those rows into a new file made from the "
        f"template for {renamed} and send that file; if the households are in fact hamlet Nà "
        "Mòn's, correct that title."
    )
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


@pytest.mark.parametrize(
    ("title", "renamed"),
    [("DANH SÁCH KHU VỰC IV", "Khu 4"), ("Danh sách khu Việt Hưng", "Khu 6"),
     ("Danh sách tổ Vinh Quang", "Tổ 6")],
)  # fmt: skip
def test_a_title_with_words_beginning_like_a_roman_number_keeps_its_rows(tmp_path, title, renamed):
    """Guards: 'KHU VỰC IV' (an area, not a 'khu'), 'khu Việt Hưng' and 'tổ Vinh Quang' ('Vi'
    begins a word: no number) name no plan hamlet though the plan's Bản Cọ is 'Khu 4' (or
    'Khu 6', 'Tổ 6'): the rows stay Nà Mòn's (4 poor, 3 near-poor), nothing said of them."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [(title, list(_UNDER_TITLE))])
    write_renamed_plan(folder, {"Bản Cọ": renamed})
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)


def test_a_group_in_roman_numbers_after_a_hamlet_in_a_title_names_that_hamlet(tmp_path):
    """'DANH SÁCH XÓM BẢN CỌ TỔ III' (a group after the hamlet, in Roman numbers) over BC1,
    BC3 in Nà Mòn's list: the hamlet is the plan's Bản Cọ, as under 'XÓM BẢN CỌ TỔ 3'
    (text.without_group): rows 11-12 said Bản Cọ's at A10, Nà Mòn 3 poor, 2 near-poor. Was:
    said of 'BẢN CỌ TỔ III' as written, no plan hamlet."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [("DANH SÁCH XÓM BẢN CỌ TỔ III", list(_UNDER_TITLE))])
    result, _ = collect(folder, None, workers=0)
    assert issues(result, "rows-of-other-hamlet") == [("Nà Mòn", "A10", "11–12", "Bản Cọ")]
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


def test_a_blank_xom_titled_with_a_group_in_roman_numbers_before_the_hamlet(tmp_path):
    """A list whose 'Xóm' is blank (NM1 poor, NM2 near-poor, NM3 poor), titled 'DANH SÁCH HỘ
    NGHÈO TỔ III XÓM NÀ MÒN – THÁNG 5/2024' (its group before the hamlet, as 'TỔ 3 XÓM NÀ
    MÒN'; discover._GROUP_BEFORE_HAMLET): the hamlet is Nà Mòn, taken from the title and
    counted there (2 poor, 1 near-poor). A guard: the reader no longer reads 'TỔ III XÓM NÀ
    MÒN' as the hamlet, and the plan's names found in the title decided it before too."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, {})
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor")]
    path = write_roster(folder, "DS_2024-05.xlsx", "", 102, rows)
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO TỔ III XÓM NÀ MÒN – THÁNG 5/2024"
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 2, 1)


# --- 2. the mostly-gone words of two households on a list apart -----------------------------


def _gone_held_en(households: str, head: bool = False) -> str:
    """'households-mostly-gone' of Nà Mòn's list missing 5 of April's 5 in English ('held',
    'held-several', or their '-head' words), ``households`` the words of those held."""
    counted = ", so they are counted" if head else " and are counted"
    ask = (
        "send the commune the full list of every poor and near-poor household of the hamlet "
        "this period"
        if head
        else "ask the hamlet head for the full list of every poor and near-poor household this "
        "period and consolidate again"
    )
    return (
        "5 of the 5 poor and near-poor households on the list of 04/2024 are missing from this "
        f"period's roster{counted} as exited (see each household's warning); of them, "
        f"{households}: write {'it' if households.startswith('a ') else 'them'} on this list, "
        "not 'Thoát'. If this roster lists only the households that changed (a supplementary "
        f"list), {ask}; if the others really exited, write each one's row again with Phân loại "
        "hộ 'Thoát'."
    )


@pytest.mark.parametrize(
    ("apart", "variant", "households", "screen"),
    [
        (
            ["NM5"],
            "held",
            "a household on a file sent apart naming no hamlet has not exited",
            "a household on a file sent apart naming no hamlet has not exited",
        ),
        (
            ["NM4", "NM5"],
            "held-several",
            "the households on a file sent apart naming no hamlet have not exited",
            "the households on a file sent apart naming no hamlet have not exited",
        ),
    ],
)
def test_mostly_gone_says_several_held_households_in_the_plural(
    tmp_path, apart, variant, households, screen
):
    """NaMon.xlsx lists NM6 alone (new, poor); NM5 (or NM4 and NM5), BC1, BC2 on a list naming
    no hamlet, every hamlet sent. By hand: Nà Mòn's list misses all 5 of April's (NM1-NM5), 1
    (or 2) of them on the list apart, not exited: 'households-mostly-gone' 5 of 5, its English
    of one household "a household … has not exited: write it", of two "the households … have
    not exited: write them", alike in the head's words and on the screen; the Vietnamese the
    same of both (number-free). Was: of two, "a household … has not exited: write it"."""
    rows = {r["ma_ho"]: r for r in na_mon_rows()}
    extra = [person("BC1", "poor"), person("BC2", "poor")]
    may = unnamed_case(tmp_path, [person("NM6", "poor")], [rows[c] for c in apart] + extra)
    result, _, _ = execute(may.folder, may.out, "2024-05", lang="en")
    gone = [i for i in result.issues if i.code == "households-mostly-gone"]
    assert [(i.hamlet, i.value, i.instead, i.variant) for i in gone] == [
        ("Nà Mòn", "5", "5", variant)
    ]
    assert gone[0].message("en") == _gone_held_en(households)
    assert said_rows(may.out)[0] == ("NaMon.xlsx", "households-mostly-gone", gone[0].message("en"))
    assert gone[0].message("vi") == GONE_HELD
    head = replace(gone[0], variant=CATALOGUE[gone[0].code].head_variant(variant))
    assert head.message("en") == _gone_held_en(households, head=True)
    assert head.message("vi") == GONE_HELD_HEAD
    assert [note.en for note in mostly_gone_notes(result)] == [
        "Hamlet Nà Mòn: 5 of the 5 poor and near-poor households on the list of 04/2024 are "
        f"missing from the list 'NaMon.xlsx' and are counted as exited; of them, {screen}. If "
        "it is only a supplementary list (the households that changed), ask the hamlet head "
        "for the full list and run again (see sheet 'Lỗi dữ liệu')."
    ]


# --- 1. rows taken out as another hamlet's that its own list holds ---------------------------

_BAN_CO = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]


@pytest.mark.parametrize(
    ("title", "renamed", "named"),
    [("Danh sách xóm Bản Cọ", None, "xóm Bản Cọ"), ("Danh sách Khu 4", "Khu 4", "Khu 4")],
)
def test_rows_under_a_title_the_named_hamlets_list_holds_are_said_counted_there(
    tmp_path, title, renamed, named
):
    """Nà Mòn's May list (NM1, NM5, NM6 poor, NM2, NM4 near-poor), then row 10 'Danh sách xóm
    Bản Cọ' (or 'Danh sách Khu 4', the plan's Bản Cọ named 'Khu 4') over BC1 (poor) and BC3
    (near-poor), rows 11-12; Bản Cọ's own list DS_BanCo_2024-05.xlsx holds BC1, BC2, BC3. By
    hand: the two rows are taken out of Nà Mòn (3 poor, 2 near-poor) and counted in Bản Cọ's
    list (2 poor, 1 near-poor): the warning says they are counted there, names that file, and
    says to delete them here. Was (since session 30): "… cũng không tính cho xóm Bản Cọ … hãy
    chuyển các dòng đó sang một tệp mới theo mẫu của xóm Bản Cọ"."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [(title, list(_UNDER_TITLE))])
    if renamed:
        write_renamed_plan(folder, {"Bản Cọ": renamed})
    write_roster(folder, "DS_BanCo_2024-05.xlsx", renamed or "Bản Cọ", 200, list(_BAN_CO))
    result, _ = collect(folder, None, workers=0)
    hamlet = renamed or "Bản Cọ"
    said = [i for i in result.issues if i.code == "rows-of-other-hamlet"]
    assert [(i.hamlet, i.cell, i.detail, i.instead, i.variant, i.elsewhere) for i in said] == [
        ("Nà Mòn", "A10", "11–12", hamlet, "listed", "DS_BanCo_2024-05.xlsx")
    ]
    assert said[0].message("vi") == (
        f"Các dòng 11–12 nằm dưới tiêu đề '{title}', là danh sách của {named}, không phải của "
        f"xóm Nà Mòn, nên không được tính vào xóm Nà Mòn; các hộ đó đã có trong danh sách kỳ "
        f"này của {named} (tệp 'DS_BanCo_2024-05.xlsx') và được tính ở đó. Hãy xóa các dòng đó "
        "khỏi danh sách của xóm Nà Mòn; nếu các hộ đó đúng là của xóm Nà Mòn, hãy sửa tiêu đề "
        f"đó và báo {named} xóa các hộ đó khỏi danh sách của mình."
    )
    english = named.replace("xóm", "hamlet")
    assert said[0].message("en") == (
        f"Rows 11–12 are under the title '{title}', the list of {english}, not of hamlet Nà "
        f"Mòn, so they are not counted in hamlet Nà Mòn: those households are on {english}'s "
        "list of this period (file 'DS_BanCo_2024-05.xlsx') and counted there. Delete those "
        "rows from hamlet Nà Mòn's list; if the households are in fact hamlet Nà Mòn's, correct "
        f"that title and have {english} delete them from its list."
    )
    na_mon, ban_co = hamlet_figures(result, "Nà Mòn"), hamlet_figures(result, hamlet)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)


def test_one_row_of_a_xom_column_the_named_hamlets_list_holds_is_said_counted_there(tmp_path):
    """Nà Mòn's list with a 'Xóm' column (B): 'Nà Mòn' on NM1's row, 'ban co' on BC1's (row 8);
    Bản Cọ's own list holds BC1-BC3. By hand: row 8 is taken out of Nà Mòn (NM1, NM6 poor, NM2
    near-poor: 2, 1) and counted in Bản Cọ's: said of one row, counted there, to delete it
    here, in both languages."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, {})
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM6", "poor"),
            person("BC1", "poor")]  # fmt: skip
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, rows)
    with roster_edited(path) as sheet:
        sheet.insert_cols(2)
        sheet["B4"] = "Xóm"
        sheet["B5"], sheet["B8"] = "Nà Mòn", "ban co"
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, list(_BAN_CO))
    result, _ = collect(folder, None, workers=0)
    said = [i for i in result.issues if i.code == "rows-of-other-hamlet"]
    assert [(i.cell, i.variant, i.elsewhere) for i in said] == [
        ("B8", "column-listed-one", "DS_BanCo_2024-05.xlsx")
    ]
    assert said[0].message("vi") == (
        "Dòng 8 ghi 'ban co' ở cột 'Xóm', không phải xóm Nà Mòn, nên không được tính vào xóm Nà "
        "Mòn; hộ đó đã có trong danh sách kỳ này của xóm Bản Cọ (tệp 'DS_BanCo_2024-05.xlsx') "
        "và được tính ở đó. Hãy xóa dòng đó khỏi danh sách của xóm Nà Mòn; nếu hộ đó đúng là của "
        "xóm Nà Mòn, hãy sửa ô ở cột 'Xóm' của dòng đó và báo xóm Bản Cọ xóa hộ đó khỏi danh "
        "sách của mình."
    )
    assert said[0].message("en") == (
        "Row 8 says 'ban co' in column 'Xóm', not hamlet Nà Mòn, so it is not counted in hamlet "
        "Nà Mòn: that household is on hamlet Bản Cọ's list of this period (file "
        "'DS_BanCo_2024-05.xlsx') and counted there. Delete that row from hamlet Nà Mòn's list; "
        "if the household is in fact hamlet Nà Mòn's, correct the 'Xóm' cell of that row and "
        "have hamlet Bản Cọ delete it from its list."
    )
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)


def test_rows_the_named_hamlets_list_lacks_keep_the_words_to_move_them(tmp_path):
    """A guard: under 'Danh sách xóm Bản Cọ' BC1 and BC3, Bản Cọ's own list holding BC1 and BC2
    only (BC3 is on no list counted): the rows are counted nowhere, so the words still say to
    move them to Bản Cọ's list (variant '', no file named); Nà Mòn 3 poor, 2 near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [("Danh sách xóm Bản Cọ", list(_UNDER_TITLE))])
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, _BAN_CO[:2])
    result, _ = collect(folder, None, workers=0)
    said = [i for i in result.issues if i.code == "rows-of-other-hamlet"]
    assert [(i.cell, i.variant, i.elsewhere) for i in said] == [("A10", "", "")]
    assert "cũng không tính cho xóm Bản Cọ" in said[0].message("vi")
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
