"""Session 53: a list naming no hamlet held apart from the lists counted, the two defects
session 52 left in its words and routing.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor ('NaMon.xlsx', 100);
Bản Cọ BC1, BC2 poor, BC3 near-poor ('BanCo.xlsx', 200); Đồng Kè DK1 poor, DK2 near-poor
('DongKe.xlsx', 150). April: the three send their own lists; May's own lists are made 3 June,
the list naming no hamlet ('DanhSach_2024-05.xlsx': 'Xóm' and title blank) 4 June."""

from __future__ import annotations

import openpyxl
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import execute
from tests.april_may import HELD_ALL_SENT, SPLIT, may_feedback
from tests.commune import person
from tests.test_session38_oracle import dk_rows, na_mon_rows
from tests.test_session52_advice_table import (
    ALL_COUNTED,
    feedback_heads,
    figures,
    officer,
    said_of_split,
    unnamed_case,
)

_ALL_SENT = (
    "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không "
    "ghi tên xóm nào có trong kế hoạch, nên danh sách chưa được tính. Danh sách có 1 hộ (DK2) "
    "của xóm Đồng Kè (có trong danh sách đầu năm hoặc danh sách tháng 04/2024 của xóm) mà danh "
    "sách xóm Đồng Kè gửi kỳ này không có: chừng nào chưa được ghi vào danh sách của xóm Đồng "
    "Kè, các hộ này được tính là đã thoát khỏi xóm Đồng Kè. Trưởng xóm Đồng Kè cần ghi các hộ "
    "này vào danh sách của xóm (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác; một "
    "danh sách cho cả xóm) rồi gửi lại; khi các hộ đã được ghi, hãy bỏ tệp này ra khỏi thư mục "
    "đầu vào. Không ghi tên xóm nào vào ô 'Xóm' của tệp này: các xóm trong kế hoạch đều đã gửi "
    "danh sách kỳ này, và mỗi xóm chỉ gửi một danh sách mỗi kỳ."
)


def other_files(out) -> dict[str, tuple[str, str]]:
    """May's 'Nộp báo cáo', 'CÁC TỆP KHÁC': file -> (the hamlet its row names, its 'Tình
    trạng')."""
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    rows = list(book["Nộp báo cáo"].iter_rows(values_only=True))
    book.close()
    start = next(i for i, r in enumerate(rows) if r[0] == "CÁC TỆP KHÁC")
    return {r[3]: (r[1], r[2]) for r in rows[start:] if isinstance(r[0], int)}


def others_en(out) -> dict[str, tuple[str, str]]:
    """:func:`other_files` of a run in English ('OTHER FILES')."""
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    rows = list(book["Nộp báo cáo"].iter_rows(values_only=True))
    book.close()
    start = next(i for i, r in enumerate(rows) if r[0] == "OTHER FILES")
    return {r[3]: (r[1], r[2]) for r in rows[start:] if isinstance(r[0], int)}


def feedback_names(out) -> dict[str, str]:
    """May's feedback workbooks: the file each is of -> the workbook's name."""
    names = {}
    for path in sorted((out / "2024-05" / "PhanHoi").glob("*.xlsx")):
        book = openpyxl.load_workbook(path, read_only=True)
        rows = {r[0]: next(v for v in r[1:] if v is not None)
                for r in book["Hướng dẫn sửa"].iter_rows(values_only=True)
                if r and r[0] == "Tệp đã nhận:"}  # fmt: skip
        book.close()
        names[rows["Tệp đã nhận:"]] = path.name
    return names


def _fed_back_to_write_on_the_list(out, hamlet: str) -> None:
    """May's feedback on :data:`SPLIT` is named for ``hamlet``'s head ('<hamlet>_2024-05…') and
    its 'Cách sửa' tells him to write the households on his hamlet's list, never to send the
    file again: asserted."""
    assert feedback_heads(out, SPLIT)[0] == (
        f"Trưởng xóm {hamlet} ghi các hộ ở trang 'Danh sách' (bản sao danh sách xóm đã gửi) mà "
        "danh sách của xóm chưa có vào danh sách của xóm (chèn dưới dòng hộ cuối cùng, đủ các cột "
        "như các hộ khác) rồi gửi lại. Không gửi lại tệp này, kể cả khi ghi tên xóm vào ô 'Xóm': "
        "mỗi xóm, xã chỉ tính một danh sách."
    )
    assert feedback_names(out)[SPLIT].startswith(f"{hamlet}_2024-05")


def _routed_to(out, hamlet: str) -> None:
    """May's feedback on :data:`SPLIT` is named '<hamlet>_2024-05.xlsx' (the hamlet's own
    name: its list has nothing to fix) and its 'Nộp báo cáo' row is under ``hamlet``:
    asserted."""
    assert feedback_names(out)[SPLIT] == f"{hamlet}_2024-05.xlsx"
    assert other_files(out)[SPLIT][0] == hamlet


def test_a_list_naming_no_hamlet_left_off_one_list_when_every_hamlet_sent_names_no_hamlet(
    tmp_path,
):
    """NM5 and DK2 naming no hamlet; NaMon.xlsx NM1-NM5, BanCo.xlsx BC1-BC3 and DongKe.xlsx DK1
    counted (the 'holds-several' list of session 52 once Nà Mòn's head wrote NM5 on his list):
    DK2 alone left off, no one hamlet's codes (1 of 2 each). It was 'holds' of Đồng Kè, whose
    words end "nếu không, hãy ghi tên xóm vào ô 'Xóm'": every hamlet of the plan sent its
    list, so any name written makes a second, newer list of that hamlet. Now
    ('holds-all-sent') `check` and the run say Đồng Kè's head writes DK2 on his list, the file
    then taken out, never a name in 'Xóm'; 'Nộp báo cáo' says so under Đồng Kè, and the
    feedback, named for Đồng Kè's head, says so with no cell to correct. While refused DK2
    counts exited: Đồng Kè 1 poor 0 near-poor; the commune 3 + 2 + 1 = 6 poor, 2 + 1 + 0 = 3
    near-poor, complete."""
    may = unnamed_case(
        tmp_path, na_mon_rows(), [na_mon_rows()[4], person("DK2", "near_poor")], dk=dk_rows()[:1]
    )
    said_of_split(may, _ALL_SENT)
    assert other_files(may.out)[SPLIT] == (
        "Đồng Kè",
        "Bị từ chối: danh sách không ghi tên xóm, có các hộ của xóm Đồng Kè chưa có trong danh "
        "sách của xóm",
    )
    assert may_feedback(may.out)[SPLIT] == (
        "Danh sách gửi riêng này không được tổng hợp: danh sách không ghi tên xóm, có các hộ của "
        "xóm Đồng Kè mà danh sách của xóm gửi kỳ này không có (1 hộ (DK2) của xóm Đồng Kè (có "
        "trong danh sách đầu năm hoặc danh sách tháng 04/2024 của xóm)). Không sửa ô nào, cũng "
        "không gửi lại tệp này."
    )
    _fed_back_to_write_on_the_list(may.out, "Đồng Kè")
    assert figures(may.out) == (
        {"Nà Mòn": ("ok", 3, 2), "Bản Cọ": ("ok", 2, 1), "Đồng Kè": ("ok", 1, 0)},
        (6, 3, True),
    )


def test_a_list_naming_no_hamlet_of_no_one_hamlet_all_listed_goes_to_the_head_of_most(tmp_path):
    """NM4, NM5, BC3 and DK2 naming no hamlet, every one on its hamlet's own list counted
    (NaMon.xlsx NM1-NM5, BanCo.xlsx BC1-BC3, DongKe.xlsx DK1, DK2): Nà Mòn's 2 of 4, not more
    than half, no one hamlet's ('holds-listed-mixed'). Its feedback was named as a plain
    refusal's ('DanhSach_2024-05_2024-05.xlsx', no head's) and its 'Nộp báo cáo' row named no
    hamlet. Now both go to the head of the hamlet whose list holds most of its households, as
    its words name that list first: Nà Mòn ('Nà Mòn_2024-05.xlsx': NaMon.xlsx has nothing to
    fix, so the name is the hamlet's own). Figures as the households are: 6 poor, 4
    near-poor."""
    apart = [*na_mon_rows()[3:], person("BC3", "near_poor"), person("DK2", "near_poor")]
    may = unnamed_case(tmp_path, na_mon_rows(), apart)
    execute(may.folder, may.out, "2024-05")
    [words] = officer(may.out, SPLIT)
    assert (
        "(2 hộ trong tệp 'NaMon.xlsx' của xóm Nà Mòn, 1 hộ trong tệp 'BanCo.xlsx' của xóm Bản "
        "Cọ, 1 hộ trong tệp 'DongKe.xlsx' của xóm Đồng Kè)" in words
    )
    _routed_to(may.out, "Nà Mòn")
    assert figures(may.out) == ALL_COUNTED


def test_a_list_naming_no_hamlet_held_apart_when_every_hamlet_sent_names_no_hamlet(tmp_path):
    """NM4 and NM5 naming no hamlet, NaMon.xlsx NM1-NM3, BanCo.xlsx BC1-BC3, DongKe.xlsx DK1,
    DK2: its codes Nà Mòn's (2 of 2), none on NaMon.xlsx, so held apart from Nà Mòn. It was
    'holds-held', whose words end "nếu không, hãy ghi tên xóm vào ô 'Xóm'": every hamlet of the
    plan sent its list, so any name written makes a second, newer list of that hamlet. Now
    ('holds-held-all-sent') `check` and the run say Nà Mòn's head writes NM4, NM5 on his list,
    the file then taken out, never a name in 'Xóm'; 'Nộp báo cáo' says so under Nà Mòn, and the
    feedback, for Nà Mòn's head, with no cell to correct. While held, NM4 and NM5 are not
    counted (not exited) and Nà Mòn is left out: Nà Mòn 'rejected' with its list's 3 poor, 0
    near-poor; the commune Bản Cọ and Đồng Kè, 2 + 1 = 3 poor, 1 + 1 = 2 near-poor."""
    may = unnamed_case(
        tmp_path, na_mon_rows()[:3], [person("NM4", "near_poor"), person("NM5", "near_poor")]
    )
    said_of_split(may, HELD_ALL_SENT)
    assert other_files(may.out)[SPLIT] == (
        "Nà Mòn",
        "Bị từ chối: danh sách không ghi tên xóm, các mã hộ là của xóm Nà Mòn, có các hộ chưa có "
        "trong danh sách của xóm",
    )
    assert may_feedback(may.out)[SPLIT] == (
        "Danh sách gửi riêng này không được tổng hợp: danh sách không ghi tên xóm nhưng các mã hộ "
        "trong danh sách là của xóm Nà Mòn, có các hộ mà danh sách của xóm gửi kỳ này không có "
        "(2 hộ (NM4, NM5) của xóm Nà Mòn (có trong danh sách đầu năm hoặc danh sách tháng "
        "04/2024 của xóm)); chừng nào các hộ đó chưa được ghi vào danh sách của xóm, xóm Nà Mòn "
        "chưa được tính vào số liệu toàn xã. Không sửa ô nào, cũng không gửi lại tệp này."
    )
    _fed_back_to_write_on_the_list(may.out, "Nà Mòn")
    assert figures(may.out) == (
        {"Nà Mòn": ("rejected", 3, 0), "Bản Cọ": ("ok", 2, 1), "Đồng Kè": ("ok", 1, 1)},
        (3, 2, False),
    )


def test_a_list_naming_no_hamlet_of_no_one_hamlet_tied_goes_to_the_first_hamlet_by_name(tmp_path):
    """NM5 and DK2 naming no hamlet, both on their hamlets' lists counted (NaMon.xlsx NM1-NM5,
    BanCo.xlsx BC1-BC3, DongKe.xlsx DK1, DK2): 1 of 2 each, no one hamlet's
    ('holds-listed-mixed'), Nà Mòn's and Đồng Kè's lists holding as many. The maker is unknown;
    the tie went to the first hamlet by code point ('Nà Mòn': 'Đ' is U+0110, after 'N'), unlike
    every name the officer reads in order (session 48). Now it goes to the first in Vietnamese
    alphabetical order, Đồng Kè (d, đ before n): its words name DongKe.xlsx first, its feedback
    is named for Đồng Kè's head ('Đồng Kè_2024-05.xlsx': DongKe.xlsx has nothing to fix) and
    its 'Nộp báo cáo' row is under Đồng Kè. Figures as the households are: 6 poor, 4 near-poor."""
    may = unnamed_case(tmp_path, na_mon_rows(), [na_mon_rows()[4], person("DK2", "near_poor")])
    execute(may.folder, may.out, "2024-05")
    [words] = officer(may.out, SPLIT)
    assert (
        "(1 hộ trong tệp 'DongKe.xlsx' của xóm Đồng Kè, 1 hộ trong tệp 'NaMon.xlsx' của xóm Nà "
        "Mòn)" in words
    )
    _routed_to(may.out, "Đồng Kè")
    assert figures(may.out) == ALL_COUNTED


# HELD_ALL_SENT in English (`--lang en`), by hand from its case: NM4, NM5 naming no hamlet,
# NaMon.xlsx NM1-NM3, every hamlet's list sent
_HELD_ALL_SENT_EN = (
    "The file's hamlet cannot be told: the 'Xóm' cell is empty, and neither the list's title "
    "nor the file name names a hamlet of the plan, so the list is not counted. Its household "
    "codes are Nà Mòn's: it lists 2 households (NM4, NM5) of hamlet Nà Mòn (on the hamlet's "
    "start-of-year list or its list of 04/2024) that the list Nà Mòn sent this period lacks. "
    "Until they are written on Nà Mòn's list, they are not counted (not exited either) and Nà "
    "Mòn is left out of the commune's figures. Nà Mòn's head needs to write them on the "
    "hamlet's list (below the last household, every column as the others; one list for the "
    "whole hamlet) and send it again; once they are written, take this file out of the input "
    "folder. Do not write any hamlet in this file's 'Xóm' cell: every hamlet of the plan has "
    "sent its list this period, and each hamlet sends one list a period."
)


def test_a_list_held_apart_when_every_hamlet_sent_is_told_in_english(tmp_path):
    """Session 53's review: 'holds-held-all-sent' in English was untested (session 53, B2).
    The case of :func:`test_a_list_naming_no_hamlet_held_apart_when_every_hamlet_sent_names_no_
    hamlet`, `check --lang en` and the run in English: its words, and its 'Nộp báo cáo' reason
    under Nà Mòn."""
    may = unnamed_case(
        tmp_path, na_mon_rows()[:3], [person("NM4", "near_poor"), person("NM5", "near_poor")]
    )
    checked = CliRunner().invoke(
        main, ["check", str(may.folder), "--output", str(may.out), "--lang", "en"]
    )
    assert f"{SPLIT}, Thông tin, B3 (missing-hamlet): {_HELD_ALL_SENT_EN}\n" in checked.output
    execute(may.folder, may.out, "2024-05", lang="en")
    assert officer(may.out, SPLIT) == [_HELD_ALL_SENT_EN]
    assert others_en(may.out)[SPLIT] == (
        "Nà Mòn",
        "Rejected: the list names no hamlet, its household codes are Nà Mòn's, some not on the "
        "hamlet's list",
    )


def test_the_english_reasons_of_a_list_all_listed_say_what_its_codes_are(tmp_path):
    """Session 53's review: the English 'Nộp báo cáo' reasons of 'holds-listed-mixed' and
    'holds-listed-several' lacked their verb ("its household codes several hamlets', every
    household …"). NM5 and BC3 naming no hamlet, all lists full: no one hamlet's, the row
    under Bản Cọ (the tie, first by name); NM2-NM5 and BC3: nearly all Nà Mòn's (4 of 5)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    mixed = unnamed_case(
        tmp_path / "a", na_mon_rows(), [na_mon_rows()[4], person("BC3", "near_poor")]
    )
    execute(mixed.folder, mixed.out, "2024-05", lang="en")
    assert others_en(mixed.out)[SPLIT] == (
        "Bản Cọ",
        "Rejected: the list names no hamlet, its household codes are several hamlets', "
        "every household on the hamlets' lists counted",
    )
    several = unnamed_case(
        tmp_path / "b", na_mon_rows(), [*na_mon_rows()[1:], person("BC3", "near_poor")]
    )
    execute(several.folder, several.out, "2024-05", lang="en")
    assert others_en(several.out)[SPLIT] == (
        "Nà Mòn",
        "Rejected: the list names no hamlet, its household codes are nearly all Nà Mòn's, "
        "every household on the hamlets' lists counted",
    )


def _errors_note(out, file: str) -> str:
    """The words beside 'Số lỗi:' of May's feedback on ``file``."""
    for path in sorted((out / "2024-05" / "PhanHoi").glob("*.xlsx")):
        book = openpyxl.load_workbook(path, read_only=True)
        rows = [[v for v in r if v is not None] for r in book["Hướng dẫn sửa"].iter_rows(values_only=True)]  # fmt: skip
        book.close()
        if ["Tệp đã nhận:", file] in rows:
            return next(r[2] for r in rows if r and r[0] == "Số lỗi:")
    raise AssertionError(f"no feedback on {file}")


def test_an_old_copy_naming_no_hamlet_is_no_cell_to_correct_and_goes_to_its_hamlets_head(tmp_path):
    """Session 53's review, the advice followed as the head reads his feedback: last month's
    NM1-NM5 sent again naming no hamlet, NaMon.xlsx NM1-NM4 ('holds-copy'). Its words say to take
    it out if an old copy, else Nà Mòn's head writes NM5, and never 'Nà Mòn' in its 'Xóm'; but
    its feedback was a plain refusal's, named for no head ('DanhSach_2024-05_2024-05.xlsx'):
    "hãy sửa các ô tô đỏ (xem bảng dưới) và gửi lại", the red cell "phải sửa thì hộ (hoặc cả
    danh sách) mới được tính", the one red cell its 'Xóm'. Now, as a list apart: no cell to
    correct, nothing to send again, to Nà Mòn's head (who writes NM5 if it has not exited), its
    'Nộp báo cáo' row under Nà Mòn. Figures unchanged: while refused NM5 counts exited, Nà Mòn
    3 poor 1 near-poor, the commune 6 and 3."""
    may = unnamed_case(tmp_path, na_mon_rows()[:4], na_mon_rows())
    execute(may.folder, may.out, "2024-05")
    assert may_feedback(may.out)[SPLIT] == (
        "Danh sách gửi riêng này không được tổng hợp: danh sách không ghi tên xóm, phần lớn các "
        "hộ trong danh sách đã có trong danh sách xóm Nà Mòn gửi kỳ này (có thể tệp này là bản cũ "
        "của danh sách đó), còn 1 hộ (NM5) của xóm Nà Mòn (có trong danh sách đầu năm hoặc danh "
        "sách tháng 04/2024 của xóm) thì danh sách đó không có. Không sửa ô nào, cũng không gửi "
        "lại tệp này."
    )
    assert feedback_heads(may.out, SPLIT)[0] == (
        "Nếu các hộ ở trang 'Danh sách' (bản sao danh sách xóm đã gửi) mà danh sách của xóm Nà "
        "Mòn chưa có vẫn chưa thoát, trưởng xóm Nà Mòn ghi các hộ đó vào danh sách của xóm (chèn "
        "dưới dòng hộ cuối cùng, đủ các cột như các hộ khác) rồi gửi lại; nếu tệp này là bản cũ "
        "của danh sách đó, không cần làm gì thêm. Không gửi lại tệp này, kể cả khi ghi tên xóm "
        "vào ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách."
    )
    assert _errors_note(may.out, SPLIT) == (
        "ô tô đỏ – không sửa để gửi lại: các hộ chỉ được tính khi được ghi vào danh sách của xóm "
        "Nà Mòn"
    )
    assert feedback_names(may.out)[SPLIT].startswith("Nà Mòn_2024-05")
    assert other_files(may.out)[SPLIT] == (
        "Nà Mòn",
        "Bị từ chối: danh sách không ghi tên xóm, phần lớn các hộ đã có trong danh sách xóm Nà "
        "Mòn (có thể là bản cũ)",
    )
    assert figures(may.out) == (
        {"Nà Mòn": ("ok", 3, 1), "Bản Cọ": ("ok", 2, 1), "Đồng Kè": ("ok", 1, 1)},
        (6, 3, True),
    )
