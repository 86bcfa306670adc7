"""Session 35: the merged hamlet's old head sending a list of new codes only, the hamlet it
joined having sent its own list.

The small commune (tests/commune.py): March run with Nà Mòn's list (NM1-5, 100) and Bản Cọ's
(BC1-3, 200); April's plan merges Bản Cọ into Nà Mòn, April run with Nà Mòn's one list of both.
In May Nà Mòn's head sends that one list again (NM1-5, BC1-3, 300) and Bản Cọ's old head a list
of two households on no start list (BC7, BC8). Told before the plain refusal, "Hãy ghi đúng tên
xóm như trong kế hoạch (Nà Mòn, Đồng Kè)": written 'Nà Mòn' as told (prepared later), his list
superseded Nà Mòn's and its 8 households were counted as exited. Now told the merger, that Nà
Mòn sent its list, not to write 'Nà Mòn', and to give the households to Nà Mòn's head
(variant 'joined-sent'; the head's PhanHoi as the 'merged' case's).
"""

from __future__ import annotations

import json

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import execute
from tests.test_session32_merged_alone import april_merged, rows_having, write_na_mon_merged
from tests.test_session35_b_merged_new_codes import PLAIN_VI, new_codes, refused

SENT_VI = (
    "Ô 'Xóm' ghi 'Bản Cọ': xóm 'Bản Cọ' đã sáp nhập vào xóm 'Nà Mòn' (trong kế hoạch từ kỳ "
    "04/2024), và xóm 'Nà Mòn' đã gửi danh sách kỳ này, nên danh sách riêng này không được "
    "tính. Các hộ trong danh sách này chưa có trong danh sách đầu năm của xã: nếu đúng là hộ "
    "của xóm 'Bản Cọ' cũ, trưởng xóm 'Nà Mòn' cần ghi các hộ này vào danh sách của xóm 'Nà "
    "Mòn' (một danh sách cho cả xóm) rồi gửi lại; chừng nào chưa ghi, các hộ này chưa được "
    "tính. Không sửa ô 'Xóm' thành 'Nà Mòn' để gửi lại danh sách này: mỗi xóm, xã chỉ tính một "
    "danh sách, và danh sách này sẽ thay cho danh sách của cả xóm 'Nà Mòn'."
)
SENT_EN = (
    "The 'Xóm' cell says 'Bản Cọ': hamlet 'Bản Cọ' was merged into 'Nà Mòn' (in the plan since "
    "04/2024), and 'Nà Mòn' has sent its list this period, so this list sent apart is not "
    "counted. The households on this list are on none of the commune's start-of-year lists: if "
    "they are households of the former 'Bản Cọ', the head of 'Nà Mòn' needs to write them in "
    "the list of 'Nà Mòn' (one list for the whole hamlet) and send it again; until then they "
    "are not counted. Do not correct the 'Xóm' cell to 'Nà Mòn' to send this list again: the "
    "commune counts one list per hamlet, and this list would replace the list of the whole of "
    "'Nà Mòn'."
)
SENT_HEAD = (
    "Ô 'Xóm' ghi 'Bản Cọ': xóm 'Bản Cọ' đã sáp nhập vào xóm 'Nà Mòn' (trong kế hoạch từ kỳ "
    "04/2024), và trưởng xóm 'Nà Mòn' đã gửi danh sách của cả xóm kỳ này, nên danh sách riêng "
    "này không được tính. Không sửa ô này để gửi lại: mỗi xóm, xã chỉ tính một danh sách, và "
    "danh sách này sẽ thay cho danh sách của cả xóm 'Nà Mòn'. Các hộ trong danh sách này chưa "
    "có trong danh sách đầu năm của xã: hãy chuyển các hộ này cho trưởng xóm 'Nà Mòn' để ghi "
    "vào danh sách của xóm 'Nà Mòn' rồi gửi cho xã; chừng nào chưa ghi, các hộ này chưa được "
    "tính. Nếu xóm 'Bản Cọ' không sáp nhập vào xóm 'Nà Mòn', hãy báo lại cho xã."
)


def _may(tmp_path):
    folder, out = april_merged(tmp_path)
    new_codes(folder)
    write_na_mon_merged(folder, "2024-05", merged=True)
    return folder, out


def test_new_codes_beside_na_mons_own_list_are_told_to_go_on_it(tmp_path):
    folder, out = _may(tmp_path)
    result, _, _ = execute(folder, out, "2024-05")
    issue = refused(result)
    assert (issue.file, issue.cell, issue.variant, issue.instead) == (
        "BanCo_2024-05.xlsx", "B3", "joined-sent", "Nà Mòn"
    )  # fmt: skip
    assert issue.message("vi") == SENT_VI
    assert issue.message("en") == SENT_EN
    assert "Hãy ghi đúng tên xóm" not in SENT_VI
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")
    assert [r[-1] for r in rows_having(book["Lỗi dữ liệu"], "B3")] == [SENT_VI]
    assert [r[2] for r in rows_having(book["Nộp báo cáo"], "BanCo_2024-05.xlsx")] == [
        "Bị từ chối: ô 'Xóm' ghi 'Bản Cọ', xóm đã sáp nhập vào xóm Nà Mòn (xóm Nà Mòn đã gửi "
        "danh sách riêng)"
    ]
    # the JSON: Nà Mòn's own list counted, as sent (NM1-3, BC1-2 poor; NM4-5, BC3 near-poor of
    # 300), the refused list no hamlet's, its two households nowhere
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    assert {h["hamlet"]: h["status"] for h in summary["hamlets"]} == {
        "Nà Mòn": "ok", "Đồng Kè": "missing"
    }  # fmt: skip
    totals = summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (300, 5, 3)
    # the PhanHoi back to the sender: as the 'merged' case's, no cell to fix
    head = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Bản Cọ_2024-05.xlsx")
    guide = head["Hướng dẫn sửa"]
    assert [r[-1] for r in rows_having(guide, "Tình trạng:")] == [
        "Danh sách gửi riêng này không được tổng hợp: xóm 'Bản Cọ' đã sáp nhập vào xóm Nà Mòn, và "
        "trưởng xóm Nà Mòn đã gửi danh sách của cả xóm kỳ này. Không cần sửa ô nào: các hộ này "
        "phải được ghi vào danh sách của xóm Nà Mòn (một danh sách cho cả xóm) do trưởng xóm Nà "
        "Mòn gửi cho xã; xem 'Cách sửa'."
    ]
    assert [r[-2:] for r in rows_having(guide, "Số lỗi:")] == [[
        1, "ô tô đỏ – không sửa để gửi lại: các hộ chỉ được tính khi được ghi vào danh sách của xóm "
        "Nà Mòn"
    ]]  # fmt: skip
    [how] = [r[-1] for r in rows_having(guide, "Cách sửa:")]
    assert how.startswith(
        "Hãy chuyển các hộ ở trang 'Danh sách' (bản sao danh sách xóm đã gửi) cho trưởng xóm Nà "
        "Mòn để ghi vào danh sách của xóm Nà Mòn"
    )
    assert "Không gửi lại danh sách riêng của xóm 'Bản Cọ', kể cả khi sửa ô 'Xóm'" in how
    assert [r[-1] for r in rows_having(guide, "B3")] == [SENT_HEAD]


def test_check_with_both_lists_and_the_history_says_the_merger(tmp_path):
    folder, out = _may(tmp_path)
    files = [folder / n for n in ("KeHoach_2024.xlsx", "BanCo_2024-05.xlsx", "NaMon_2024-05.xlsx")]
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    [issue] = [i for i in check_files(files, "vi", history) if i.code == "unknown-hamlet"]
    assert (issue.cell, issue.variant, issue.instead) == ("B3", "joined-sent", "Nà Mòn")
    assert issue.message("vi") == SENT_VI
    [issue] = [i for i in check_files(files, "vi") if i.code == "unknown-hamlet"]
    assert issue.message("vi") == PLAIN_VI.format("Bản Cọ")
