"""Session 54 (E): the feedback workbook's leftovers of session 53.

A list refused as every row is left out for codes another hamlet's list writes too, each row
the one the start list gives the code to, is told to keep them, not to fix its red cells; a
list naming no hamlet holding two hamlets' households ('holds-several') goes to a head; the
English words say "it" of one household and "'Đồng Kè's" with one apostrophe."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pipeline.run import execute
from tests.april_may import SPLIT
from tests.commune import person
from tests.test_session38_oracle import dk_rows, na_mon_rows
from tests.test_session52_advice_table import listed_moved_case, officer, unnamed_case
from tests.test_session53_g_year_turn import renumbered_commune
from tests.test_session53_held_list_variants import feedback_names, other_files, others_en


def guide_lines(path: Path) -> dict[str, list]:
    """The 'Hướng dẫn sửa' sheet of the feedback ``path``: each labelled line ('Tình trạng:',
    'Số lỗi:', 'Cách sửa:' …) -> its values after the label; 'title' -> the first line."""
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [[v for v in r if v is not None] for r in book["Hướng dẫn sửa"].iter_rows(values_only=True)]  # fmt: skip
    book.close()
    lines = {r[0]: r[1:] for r in rows if r and isinstance(r[0], str) and r[0].endswith(":")}
    return {**lines, "title": rows[0][0]}


def test_a_list_refused_whose_codes_are_right_is_told_to_keep_them(tmp_path):
    """January 2025: Nà Mòn's head writes last year's codes 001-003, Bản Cọ's the start list's
    001-003: all six rows left out, both lists refused (all-rows-rejected 'across'). Each of
    Bản Cọ's 3 rows says "Dòng này ghi đúng mã: hãy giữ nguyên" ('renumbered-new'), yet its
    feedback's status said "… hãy sửa các ô tô đỏ (xem bảng dưới) và gửi lại", the note beside
    its 4 errors "phải sửa" and 'Cách sửa' "Hãy sửa trong tệp gốc của xóm rồi gửi lại cho xã".
    Now they say the list is right, nothing to send again, counted once Nà Mòn corrects its
    codes (the hamlet its rows' twins are on). Nà Mòn's, whose rows are to be written again,
    keeps the plain status."""
    renumbered_commune(tmp_path, {"Nà Mòn": 2024, "Bản Cọ": 2025, "Đồng Kè": 2025})
    feedback = tmp_path / "ra" / "2025-01" / "PhanHoi"
    ban_co = guide_lines(feedback / "Bản Cọ_2025-01.xlsx")
    assert ban_co["Tệp đã nhận:"] == ["BanCo_2025-01.xlsx"]
    assert ban_co["Tình trạng:"] == [
        "Danh sách chưa được tổng hợp: cả 3 dòng hộ đều bị loại vì 'Mã hộ' trùng với danh sách "
        "của xóm Nà Mòn, nhưng theo danh sách đầu năm, các dòng của danh sách này ghi đúng mã "
        "hộ (xem bảng dưới). Không sửa các dòng đó, cũng không cần gửi lại tệp này: khi xóm Nà "
        "Mòn sửa mã hộ trong danh sách của mình rồi gửi lại, danh sách này sẽ được tính."
    ]
    # 4 errors: the list's refusal and its 3 rows
    assert ban_co["Số lỗi:"] == [
        4,
        "ô tô đỏ – giữ nguyên: các dòng này ghi đúng mã hộ, được tính khi xóm Nà Mòn sửa mã hộ "
        "của mình",
    ]
    assert ban_co["Cách sửa:"] == [
        "Các dòng bị loại (xem bảng dưới) ghi đúng mã hộ theo danh sách đầu năm: hãy giữ "
        "nguyên, không cần gửi lại tệp này. Khi xóm Nà Mòn đã sửa mã hộ trong danh sách của "
        "mình và gửi lại, xã tổng hợp lại và danh sách này sẽ được tính."
    ]
    na_mon = guide_lines(feedback / "Nà Mòn_2025-01.xlsx")
    assert na_mon["Tình trạng:"] == [
        "Danh sách chưa được tổng hợp vì cả 3 dòng hộ đều bị loại, có dòng vì 'Mã hộ' trùng với "
        "danh sách của xóm khác; được tính khi các mã trùng đã được giải quyết; hãy sửa các ô "
        "tô đỏ (xem bảng dưới) và gửi lại."
    ]
    assert na_mon["Số lỗi:"] == [4, "ô tô đỏ – phải sửa thì hộ (hoặc cả danh sách) mới được tính"]


def several_hamlets_case(tmp_path):
    """May: NM5 and DK2 naming no hamlet, NaMon.xlsx NM1-NM4 and DongKe.xlsx DK1 counted
    ('holds-several', the hamlets in Vietnamese order: Đồng Kè, Nà Mòn)."""
    return unnamed_case(
        tmp_path, na_mon_rows()[:4], [na_mon_rows()[4], person("DK2", "near_poor")],
        dk=dk_rows()[:1],
    )  # fmt: skip


def test_a_list_naming_no_hamlet_of_two_hamlets_goes_to_the_head_first_named(tmp_path):
    """The 'holds-several' list's feedback was named for no head ('DanhSach_2024-05_2024-05
    .xlsx', titled for no hamlet) and its 'Nộp báo cáo' row under none. Now both go to the
    head of the first hamlet its words name, Đồng Kè (its 'DongKe.xlsx' has a feedback too:
    '_1', this one '_2'), as 'holds-listed-mixed' goes to the first of a tie."""
    may = several_hamlets_case(tmp_path)
    execute(may.folder, may.out, "2024-05")
    name = feedback_names(may.out)[SPLIT]
    assert name == "Đồng Kè_2024-05_2.xlsx"
    guide = guide_lines(may.out / "2024-05" / "PhanHoi" / name)
    assert (
        guide["title"] == "PHẢN HỒI DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO – XÓM ĐỒNG KÈ – THÁNG 5/2024"
    )
    assert other_files(may.out)[SPLIT][0] == "Đồng Kè"


def test_the_english_words_say_it_of_one_household(tmp_path):
    """In English, 'holds-several' said "1 household (DK2) …: Đồng Kè's head writes them";
    now "writes it" of each hamlet's one household."""
    may = several_hamlets_case(tmp_path)
    execute(may.folder, may.out, "2024-05", lang="en")
    lists = "(on the hamlet's start-of-year list or its list of 04/2024)"
    assert officer(may.out, SPLIT) == [
        "The file's hamlet cannot be told: the 'Xóm' cell is empty, and neither the list's "
        "title nor the file name names a hamlet of the plan, so the list is not counted. It "
        "lists households of hamlets Đồng Kè, Nà Mòn that their lists sent this period lack: "
        f"1 household (DK2) of hamlet Đồng Kè {lists}: Đồng Kè's head writes it on the "
        f"hamlet's list (file 'DongKe.xlsx'); 1 household (NM5) of hamlet Nà Mòn {lists}: Nà "
        "Mòn's head writes it on the hamlet's list (file 'NaMon.xlsx'). Until they are written "
        "on their hamlet's list, they count as having exited it. Each hamlet's head writes the "
        "hamlet's own households on its own list (below the last household, every column as "
        "the others) and sends it again; once they are written, take this file out of the "
        "input folder. Do not write any hamlet in this file's 'Xóm' cell: each hamlet sends "
        "one list a period."
    ]


def test_the_english_words_write_a_quoted_hamlets_possessive_with_one_apostrophe(tmp_path):
    """A list naming Đồng Kè whose households, Nà Mòn's, are all on DongKe.xlsx
    ('codes-listed') said in English "every household on 'Đồng Kè''s list counted", "not
    'Đồng Kè''s" and "'Đồng Kè''s head corrects it"; now "'Đồng Kè's"."""
    listed = listed_moved_case(tmp_path)
    execute(listed.folder, listed.out, "2024-05", lang="en")
    assert others_en(listed.out)[SPLIT] == (
        "Đồng Kè",
        "Rejected: the list names 'Đồng Kè' but its household codes are Nà Mòn's, every "
        "household on 'Đồng Kè's list counted",
    )
    assert officer(listed.out, SPLIT) == [
        "The list names hamlet 'Đồng Kè' but its household codes are Nà Mòn's, not 'Đồng Kè's, "
        "so it is not counted. Every household on it is on the list 'Đồng Kè' sent this period "
        "(file 'DongKe.xlsx'), counted: nothing to correct, do not send this file again; take "
        "it out of the input folder. If this file says something that list does not (a "
        "household's class, its members…), 'Đồng Kè's head corrects it on 'DongKe.xlsx' and "
        "sends that list again. Do not change this file's hamlet: each hamlet sends one list a "
        "period."
    ]
