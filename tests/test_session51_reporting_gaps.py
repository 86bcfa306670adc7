"""Session 51: three gaps session 50 left in 'Nộp báo cáo' and `check`.

1. Another month's single list (one of its month and outcome) says what its month's run did
   with it, as a row summing up several does: "Khác kỳ (tháng 3/2024): tính vào kỳ đó".
2. A list in a hidden folder ('.thang5/') named for a hamlet that sent nothing is named on that
   hamlet's line, as a hidden file is: "Chưa nộp: có danh sách mang tên xóm trong thư mục ẩn…".
3. `check` of December's lists, not run, with January's of the next year (both plans given)
   runs December first, with its year's plan: January is compared with it, as the runs in
   calendar order compare them.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1-BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150), on the
plan's start list.
"""

from __future__ import annotations

import openpyxl

from pipeline.run import execute
from tests.commune import may_folder, new_commune, person, write_roster
from tests.month_lists import november_then_december_and_january, vanished_said
from tests.test_session24_other_files import other_rows
from tests.test_session50_input_messages import reporting_rows
from tests.test_session50_other_months_said import lists, may_rows

# --- 1. another month's single list says what its month did --------------------------------


def test_a_single_list_of_another_month_says_what_its_month_did_with_it(tmp_path):
    """March run: Nà Mòn's list refused (total 'abc'), Bản Cọ's and Đồng Kè's counted. Then
    Đồng Kè's March list written again (a later 'Ngày lập': other bytes under its name), and
    Nà Mòn's April list put in, April never run. May's 'Nộp báo cáo': each of the four is alone
    of its month and outcome, so each keeps its own row, now saying the outcome, by hand:
    Bản Cọ's March list the bytes March counted: "tính vào kỳ đó"; Nà Mòn's March list the
    bytes March refused: "kỳ đó đã từ chối"; Đồng Kè's changed since, the history cannot
    tell: "không tính vào kỳ này"; Nà Mòn's April list: "kỳ đó chưa được tổng hợp". Before:
    each a bare "Khác kỳ (tháng 3/2024)" / "Khác kỳ (tháng 4/2024)", in file-name order as now."""
    folder, out = new_commune(tmp_path)
    lists(folder, "2024-03", {"Nà Mòn": "abc", "Bản Cọ": 200, "Đồng Kè": 150})
    execute(folder, out, "2024-03")
    lists(folder, "2024-03", {"Đồng Kè": 150}, names=("Đồng Kè",))
    lists(folder, "2024-04", {"Nà Mòn": 100})
    assert may_rows(folder, out) == [
        ("Bản Cọ", "Khác kỳ (tháng 3/2024): tính vào kỳ đó", "BanCo_2024-03.xlsx"),
        ("Đồng Kè", "Khác kỳ (tháng 3/2024): không tính vào kỳ này", "DongKe_2024-03.xlsx"),
        ("Nà Mòn", "Khác kỳ (tháng 3/2024): kỳ đó đã từ chối", "NaMon_2024-03.xlsx"),
        ("Nà Mòn", "Khác kỳ (tháng 4/2024): kỳ đó chưa được tổng hợp", "NaMon_2024-04.xlsx"),
    ]
    # its rows read are still given: Bản Cọ's 3 households, none left out
    rows = other_rows(out / "2024-05" / "TongHop_2024-05.xlsx")
    assert rows[0][4:6] == (3, 0)


def test_a_single_list_of_another_month_says_it_in_english_too(tmp_path):
    """As above in English (`--lang en`): March run with Bản Cọ's list alone of the March
    lists in the folder at May: "Other period (3/2024): counted in that month"."""
    folder, out = new_commune(tmp_path)
    lists(folder, "2024-03", {"Bản Cọ": 200})
    execute(folder, out, "2024-03")
    lists(folder, "2024-05", {"Nà Mòn": 100, "Bản Cọ": 200, "Đồng Kè": 150})
    execute(folder, out, "2024-05", lang="en")
    sheet = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Nộp báo cáo"]
    rows = [r[1:4] for r in sheet.iter_rows(values_only=True) if r[3] == "BanCo_2024-03.xlsx"]
    assert rows == [
        ("Bản Cọ", "Other period (3/2024): counted in that month", "BanCo_2024-03.xlsx")
    ]


# --- 2. a hidden folder's list named on its hamlet's line ----------------------------------

HIDDEN_FOLDER_VI = (
    "Chưa nộp: có danh sách mang tên xóm trong thư mục ẩn, chưa được đọc (xem trang 'Lỗi dữ liệu')"
)
HIDDEN_FOLDER_EN = (
    "Not submitted: a list named for the hamlet is in a hidden folder, not read (see sheet "
    "'Lỗi dữ liệu')"
)


def test_a_list_in_a_hidden_folder_is_named_on_its_hamlets_line(tmp_path):
    """Đồng Kè's May list 'DS_DongKe_2024-05.xlsx' kept in '.thang5/' (hidden: not read, said
    skipped on screen and on 'Lỗi dữ liệu'). Before, Đồng Kè's line read a bare "Chưa nộp", as
    if nothing of it was there. Now it says a list named for it is in a hidden folder, and
    names that list ('.thang5/DS_DongKe_2024-05.xlsx'), no row counted; in English too. Nà Mòn
    and Bản Cọ as before."""
    folder = may_folder(tmp_path)
    hidden = folder / ".thang5"
    hidden.mkdir()
    write_roster(hidden, "DS_DongKe_2024-05.xlsx", "Đồng Kè", 150, [person("DK1", "poor")])
    rows = reporting_rows(folder)
    assert rows["Đồng Kè"][2:6] == (
        HIDDEN_FOLDER_VI,
        ".thang5/DS_DongKe_2024-05.xlsx",
        None,
        None,
    )
    assert rows["Nà Mòn"][2:4] == ("Hợp lệ", "NaMon.xlsx")
    assert reporting_rows(folder, "en")["Đồng Kè"][2] == HIDDEN_FOLDER_EN


def test_a_hidden_folder_names_each_hamlet_it_holds_a_list_of(tmp_path):
    """'.sync/' holds Đồng Kè's list and a copy of Bản Cọ's (Bản Cọ sent its own beside it):
    Đồng Kè's line names its list there; Bản Cọ's line is its list counted, as before."""
    folder = may_folder(tmp_path)
    hidden = folder / ".sync" / "xom"
    hidden.mkdir(parents=True)
    write_roster(hidden, "DongKe.xlsx", "Đồng Kè", 150, [person("DK1", "poor")])
    write_roster(hidden, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    rows = reporting_rows(folder)
    assert rows["Đồng Kè"][2:4] == (HIDDEN_FOLDER_VI, ".sync/xom/DongKe.xlsx")
    assert rows["Bản Cọ"][2:4] == ("Hợp lệ", "BanCo.xlsx")


def test_a_hidden_folder_of_another_month_is_not_named_on_the_line(tmp_path):
    """A guard: '.thang4/DongKe.xlsx' (the folder names April, the file no month) at May's run
    is no list of May: Đồng Kè's line is a bare "Chưa nộp", as it is for '.cu/DongKe_2024-04.xlsx'
    (its name April's, its folder no month's). The folders are still said skipped on 'Lỗi dữ
    liệu'. (A list named April's in '.thang5/' is May's, its name mistyped, as session 43 takes
    'T5/DongKe_2024-04.xlsx'.)"""
    folder = may_folder(tmp_path)
    for name, file in ((".thang4", "DongKe.xlsx"), (".cu", "DongKe_2024-04.xlsx")):
        (folder / name).mkdir()
        write_roster(folder / name, file, "Đồng Kè", 150, [person("DK1", "poor")])
    rows = reporting_rows(folder)
    assert rows["Đồng Kè"][2:4] == ("Chưa nộp", None)


# --- 3. `check` runs December before January ----------------------------------------------


def test_check_runs_december_before_januarys_lists_of_the_next_year(tmp_path):
    """November 2024 run (NM1-NM5). In the folder, as the README keeps it in January: both
    plans, December 2024's lists (Nà Mòn's without NM5, no 'Thoát'), not run, and January
    2025's (Nà Mòn's NM1-NM4). By hand, the runs in calendar order: December's (against
    November and the 2024 start list) asks about NM5 at December's Nà Mòn list ('danh sách
    đầu năm'); January's, December stored, does not ask about NM5 again (its leaving is in
    the history). Before: December was not run first, so nothing was said at December's list
    and January's was compared with November: NM5 asked at January's list. The history's
    bytes unchanged."""
    folder, out = november_then_december_and_january(tmp_path)
    before = (out / "lich-su.sqlite").read_bytes()
    assert vanished_said(folder, out) == [
        ("NaMon_2024-12.xlsx", "NM5 (Hoàng Văn NM5)", "danh sách đầu năm")
    ]
    assert (out / "lich-su.sqlite").read_bytes() == before


def test_check_after_december_run_says_januarys_movements_alone_as_before(tmp_path):
    """Kept (passes before too): the same folder, December run: `check` says nothing of NM5,
    asked by December's run (session 43: January's movements alone)."""
    folder, out = november_then_december_and_january(tmp_path, run_december=True)
    assert vanished_said(folder, out) == []
