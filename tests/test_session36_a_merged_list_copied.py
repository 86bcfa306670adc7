"""Session 36 QA: a merged hamlet's list sent apart whose households are all on the list of the
hamlet it joined.

The small commune (tests/commune.py): March run with Nà Mòn's list (NM1-5, 100) and Bản Cọ's
(BC1-3, 200); April's plan merges Bản Cọ into Nà Mòn, April run with one list of both. In May
Nà Mòn's head sends that one list again (NM1-5, BC1-3, 300), and Bản Cọ's old list (BC1-3
under 'Bản Cọ') is in the folder too: the officer did as told (the households written on Nà
Mòn's list) and left the old file, or the old head sent it anyway. It was told as session 35's
new codes ('joined-sent'): "Các hộ trong danh sách này chưa có trong danh sách đầu năm của xã
… chừng nào chưa ghi, các hộ này chưa được tính": false (all three are on the start list and
counted in Nà Mòn); followed, Nà Mòn's head would write them twice. Now 'joined-listed': they
are on Nà Mòn's list, the file need not be sent again.
"""

from __future__ import annotations

import json

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import execute
from tests.test_session32_merged_alone import (
    april_merged,
    rows_having,
    write_ban_co_period,
    write_na_mon_merged,
)

LISTED_VI = (
    "Ô 'Xóm' ghi 'Bản Cọ': xóm 'Bản Cọ' đã sáp nhập vào xóm 'Nà Mòn' (trong kế hoạch từ kỳ "
    "04/2024), và mọi hộ trong danh sách này đều đã có trong danh sách xóm 'Nà Mòn' gửi kỳ "
    "này, nên danh sách riêng này không được tính và không cần gửi lại (có thể bỏ tệp ra khỏi "
    "thư mục đầu vào). Không sửa ô 'Xóm' thành 'Nà Mòn': mỗi xóm, xã chỉ tính một danh sách, "
    "và danh sách này sẽ thay cho danh sách của cả xóm 'Nà Mòn'."
)
LISTED_EN = (
    "The 'Xóm' cell says 'Bản Cọ': hamlet 'Bản Cọ' was merged into 'Nà Mòn' (in the plan since "
    "04/2024), and every household on this list is on the list 'Nà Mòn' sent this period, so "
    "this list sent apart is not counted and need not be sent again (the file can be taken out "
    "of the input folder). Do not correct the 'Xóm' cell to 'Nà Mòn': the commune counts one "
    "list per hamlet, and this list would replace the list of the whole of 'Nà Mòn'."
)

LISTED_HEAD = (
    "Ô 'Xóm' ghi 'Bản Cọ': xóm 'Bản Cọ' đã sáp nhập vào xóm 'Nà Mòn' (trong kế hoạch từ kỳ "
    "04/2024), và mọi hộ trong danh sách này đều đã có trong danh sách của cả xóm do trưởng "
    "xóm 'Nà Mòn' gửi kỳ này, nên danh sách riêng này không được tính. Không cần gửi lại danh "
    "sách này, cũng không sửa ô này để gửi lại: mỗi xóm, xã chỉ tính một danh sách, và danh "
    "sách này sẽ thay cho danh sách của cả xóm 'Nà Mòn'."
)


def _may(tmp_path):
    folder, out = april_merged(tmp_path)
    write_ban_co_period(folder, "2024-05")
    write_na_mon_merged(folder, "2024-05", merged=True)
    return folder, out


def test_a_merged_hamlets_list_already_on_the_merged_list_is_told_so(tmp_path):
    folder, out = _may(tmp_path)
    result, _, _ = execute(folder, out, "2024-05")
    [issue] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (issue.file, issue.cell, issue.variant, issue.instead) == (
        "BanCo_2024-05.xlsx", "B3", "joined-listed", "Nà Mòn"
    )  # fmt: skip
    assert issue.message("vi") == LISTED_VI
    assert issue.message("en") == LISTED_EN
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")
    assert [r[-1] for r in rows_having(book["Lỗi dữ liệu"], "B3")] == [LISTED_VI]
    assert [r[2] for r in rows_having(book["Nộp báo cáo"], "BanCo_2024-05.xlsx")] == [
        "Bị từ chối: ô 'Xóm' ghi 'Bản Cọ', xóm đã sáp nhập vào xóm Nà Mòn (các hộ đã có trong "
        "danh sách của xóm Nà Mòn)"
    ]
    # Nà Mòn's one list counted: NM1-3, BC1-2 poor, NM4-5, BC3 near-poor, of 300
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    [na_mon] = [h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["households"], na_mon["poor"], na_mon["near_poor"]) == (
        "ok", 300, 5, 3
    )  # fmt: skip
    # the PhanHoi back to the sender: nothing to write, nothing to send again
    head = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Bản Cọ_2024-05.xlsx")
    guide = head["Hướng dẫn sửa"]
    assert [r[-1] for r in rows_having(guide, "Tình trạng:")] == [
        "Danh sách gửi riêng này không được tổng hợp: xóm 'Bản Cọ' đã sáp nhập vào xóm Nà Mòn, và "
        "mọi hộ trong danh sách này đều đã có trong danh sách của cả xóm do trưởng xóm Nà Mòn "
        "gửi kỳ này. Không cần sửa ô nào, cũng không cần gửi lại danh sách này."
    ]
    assert [r[-2:] for r in rows_having(guide, "Số lỗi:")] == [
        [1, "ô tô đỏ – không sửa để gửi lại: các hộ đã có trong danh sách của xóm Nà Mòn"]
    ]
    assert [r[-1] for r in rows_having(guide, "Cách sửa:")] == [
        "Không cần làm gì thêm: các hộ ở trang 'Danh sách' (bản sao danh sách xóm đã gửi) đều đã "
        "có trong danh sách của xóm Nà Mòn kỳ này. Không gửi lại danh sách riêng của xóm 'Bản "
        "Cọ', kể cả khi sửa ô 'Xóm': mỗi xóm, xã chỉ tính một danh sách."
    ]
    assert [r[-1] for r in rows_having(guide, "B3")] == [LISTED_HEAD]


def test_check_with_both_lists_and_the_history_says_they_are_listed(tmp_path):
    folder, out = _may(tmp_path)
    files = [folder / n for n in ("KeHoach_2024.xlsx", "BanCo_2024-05.xlsx", "NaMon_2024-05.xlsx")]
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    [issue] = [i for i in check_files(files, "vi", history) if i.code == "unknown-hamlet"]
    assert (issue.cell, issue.variant, issue.instead) == ("B3", "joined-listed", "Nà Mòn")
    assert issue.message("vi") == LISTED_VI


def test_one_household_not_on_the_merged_list_keeps_the_new_codes_wording(tmp_path):
    """BC1-3 and BC7 (on no start list) under 'Bản Cọ': not all on Nà Mòn's list, session 35's
    'joined-sent' (give them to Nà Mòn's head) as before; BC1-BC3 on the start list, so worded
    'joined-sent-start' (session 49, W1): 3/4 codes on it, "các hộ khác" (BC7) not."""
    from tests.commune import person, write_roster

    folder, out = april_merged(tmp_path)
    rows = [person(c, "poor") for c in ("BC1", "BC2", "BC7")] + [person("BC3", "near_poor")]
    write_roster(folder, "BanCo_2024-05.xlsx", "Bản Cọ", 200, rows, period="2024-05")
    write_na_mon_merged(folder, "2024-05", merged=True)
    result, _, _ = execute(folder, out, "2024-05")
    [issue] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (issue.variant, issue.instead) == ("joined-sent-start", "Nà Mòn")
    said = issue.message("vi")
    assert "; 3/4 mã hộ có trong danh sách đầu năm)" in said
    assert "Các hộ khác trong danh sách này chưa có trong danh sách đầu năm của xã" in said
