"""Session 32: a merged hamlet's own list, the hamlet it joined silent, is told to send one list
of the merged hamlet.

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households), Bản Cọ's BC1-2 poor, BC3 near-poor (200), Đồng Kè's DK1 poor, DK2 near-poor (150).
March is run with both lists; April's plan merges Bản Cọ into Nà Mòn (300 households, its start
list's BC rows under Nà Mòn) and April is run with Nà Mòn's one list of both. In May Bản Cọ's
old head sends his own list ('Xóm' B3 'Bản Cọ', BC1-3) and Nà Mòn's head sends nothing. The
codes tell Nà Mòn (3/3); told before to write 'Nà Mòn' in 'Xóm' (a list of Bản Cọ's households
counted as the whole of Nà Mòn), now told the merger, one list of the whole of Nà Mòn, and that
Nà Mòn sent none. Still refused, Nà Mòn still out of the figures.
"""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.messages import in_language
from pipeline.run import FatalError, execute
from tests.commune import (
    new_commune,
    person,
    write_merged_plan,
    write_roster,
)

JOINED_VI = (
    "Ô 'Xóm' ghi 'Bản Cọ': xóm 'Bản Cọ' đã sáp nhập vào xóm 'Nà Mòn' (trong kế hoạch từ kỳ "
    "04/2024), nên danh sách riêng này chưa được tính, và xóm 'Nà Mòn' chưa gửi danh sách kỳ "
    "này. Các hộ trong danh sách này phải được ghi vào một danh sách chung của cả xóm 'Nà Mòn' "
    "(với tổng số hộ dân cư của cả xóm sau sáp nhập): do trưởng xóm 'Nà Mòn' ghi vào danh sách "
    "của xóm rồi gửi cho xã, hoặc bổ sung vào danh sách này các hộ của xóm 'Nà Mòn', sửa ô "
    "'Xóm' thành 'Nà Mòn' rồi gửi lại. Không chỉ sửa ô 'Xóm': danh sách chỉ có các hộ của xóm "
    "'Bản Cọ' sẽ bị tính như cả xóm 'Nà Mòn'. Chừng nào chưa có danh sách đó, xóm 'Nà Mòn' chưa "
    "được tính vào số liệu toàn xã."
)
JOINED_EN = (
    "The 'Xóm' cell says 'Bản Cọ': hamlet 'Bản Cọ' was merged into 'Nà Mòn' (in the plan since "
    "04/2024), so this list sent apart is not counted, and 'Nà Mòn' has sent no list this "
    "period. The households on this list must be written in one list of the whole of 'Nà Mòn' "
    "(with the whole merged hamlet's resident households): written in the hamlet's list by the "
    "head of 'Nà Mòn' and sent to the commune, or this list completed with the households of "
    "'Nà Mòn', its 'Xóm' corrected to 'Nà Mòn', and sent again. Do not only correct the 'Xóm' "
    "cell: a list of the households of 'Bản Cọ' alone would be counted as the whole of 'Nà "
    "Mòn'. Until that list comes, 'Nà Mòn' is left out of the commune's figures."
)


def write_na_mon_merged(folder, period: str, merged: bool = False) -> None:
    """Nà Mòn's list NM1-3 poor, NM4-5 near-poor (100); merged, with Bản Cọ's BC1-3 (300)."""
    rows = [person(f"NM{i}", "near_poor" if i > 3 else "poor") for i in range(1, 6)]
    if merged:
        rows += [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, f"NaMon_{period}.xlsx", "Nà Mòn", 300 if merged else 100, rows,
                 period=period)  # fmt: skip


def write_ban_co_period(folder, period: str) -> None:
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, f"BanCo_{period}.xlsx", "Bản Cọ", 200, rows, period=period)


def _merged_plan(folder) -> None:
    """The plan merging Bản Cọ into Nà Mòn: 100 + 200 = 300 households, 3 + 2 = 5 poor,
    2 + 1 = 3 near-poor."""
    write_merged_plan(folder)


def april_merged(tmp_path):
    """March run with both hamlets' lists; April's plan merging them, April run with one list."""
    folder, out = new_commune(tmp_path)
    write_na_mon_merged(folder, "2024-03")
    write_ban_co_period(folder, "2024-03")
    execute(folder, out, "2024-03")
    _merged_plan(folder)
    write_na_mon_merged(folder, "2024-04", merged=True)
    execute(folder, out, "2024-04")
    return folder, out


def rows_having(sheet, having: str) -> list[list]:
    return [[v for v in r if v is not None] for r in sheet.iter_rows(values_only=True)
            if having in r]  # fmt: skip


def test_bans_list_alone_with_nothing_from_na_mon_is_told_one_list_of_the_merged_hamlet(tmp_path):
    folder, out = april_merged(tmp_path)
    write_ban_co_period(folder, "2024-05")
    dk = [person("DK1", "poor"), person("DK2", "near_poor")]
    write_roster(folder, "DongKe_2024-05.xlsx", "Đồng Kè", 150, dk, period="2024-05")
    result, _, _ = execute(folder, out, "2024-05")
    [issue] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (issue.file, issue.sheet, issue.cell, issue.variant, issue.instead) == (
        "BanCo_2024-05.xlsx", "Thông tin", "B3", "joined", "Nà Mòn"
    )  # fmt: skip
    assert issue.message("vi") == JOINED_VI
    assert issue.message("en") == JOINED_EN
    assert "hãy sửa ô 'Xóm' thành 'Nà Mòn' đúng như trong kế hoạch rồi gửi lại" not in JOINED_VI
    # figures unchanged: Nà Mòn's only file refused, Đồng Kè alone counted (1 poor, 1 near-poor
    # of 150: 0.67 % each)
    statuses = {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}
    assert statuses == {"Nà Mòn": "rejected", "Đồng Kè": "ok"}
    totals = result.summary["totals"]
    assert (totals["poor"], totals["near_poor"], totals["households"]) == (1, 1, 150)
    assert totals["poor_rate"] == pytest.approx(100 / 150) == totals["near_poor_rate"]
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")
    assert [r[-1] for r in rows_having(book["Lỗi dữ liệu"], "B3")] == [JOINED_VI]
    sent = rows_having(book["Nộp báo cáo"], "BanCo_2024-05.xlsx")
    assert [r[2] for r in sent] == [
        "Bị từ chối: ô 'Xóm' ghi 'Bản Cọ', xóm đã sáp nhập vào xóm Nà Mòn (xóm Nà Mòn chưa gửi "
        "danh sách)"
    ]
    # the head's PhanHoi: the status, the note by the errors, how to put it right, the row
    head = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    guide = head["Hướng dẫn sửa"]
    assert [r[-1] for r in rows_having(guide, "Tình trạng:")] == [
        "Danh sách này chưa được tổng hợp: xóm 'Bản Cọ' đã sáp nhập vào xóm Nà Mòn, và xóm Nà "
        "Mòn chưa gửi danh sách kỳ này. Không chỉ sửa ô 'Xóm': các hộ này phải được ghi vào một "
        "danh sách của cả xóm Nà Mòn; xem 'Cách sửa'."
    ]
    assert [r[-1] for r in rows_having(guide, "Số lỗi:")] == [
        "ô tô đỏ – không chỉ sửa ô này: các hộ chỉ được tính khi được ghi vào một danh sách của "
        "cả xóm Nà Mòn"
    ]
    assert [r[-1] for r in rows_having(guide, "Cách sửa:")] == [
        "Các hộ trong danh sách này phải được ghi vào một danh sách của cả xóm Nà Mòn, với 'Tổng "
        "số hộ dân cư' là tổng số hộ của cả xóm Nà Mòn sau sáp nhập: trưởng xóm Nà Mòn ghi các "
        "hộ này vào danh sách của xóm rồi gửi cho xã, hoặc bổ sung vào danh sách này các hộ của "
        "xóm Nà Mòn (chèn dưới dòng hộ cuối cùng, đủ các cột như các hộ khác), sửa ô 'Xóm' "
        "thành 'Nà Mòn' rồi gửi lại. Mỗi xóm, xã chỉ tính một danh sách: danh sách chỉ có các "
        "hộ của xóm 'Bản Cọ' mà ghi 'Xóm' là 'Nà Mòn' sẽ bị tính như cả xóm Nà Mòn. Nếu xóm "
        "'Bản Cọ' không sáp nhập vào xóm Nà Mòn, hãy báo lại cho xã."
    ]
    assert [r[-1] for r in rows_having(guide, "B3")] == [JOINED_VI]


def test_bans_list_the_months_only_one_stops_the_run_with_the_merged_hamlets_words(tmp_path):
    folder, out = april_merged(tmp_path)
    may = tmp_path / "thang5"
    may.mkdir()
    (may / "KeHoach_2024.xlsx").write_bytes((folder / "KeHoach_2024.xlsx").read_bytes())
    write_ban_co_period(may, "2024-05")
    with pytest.raises(FatalError) as stop:
        execute(may, out, "2024-05")
    said = in_language(stop.value.args[0], "vi")
    assert f"'BanCo_2024-05.xlsx' (Nà Mòn): {JOINED_VI}" in said, said
    said = in_language(stop.value.args[0], "en")
    assert JOINED_EN in said, said


def test_when_na_mon_sent_its_list_the_merged_wording_stays(tmp_path):
    # Nà Mòn's May list of its own 5 households: Bản Cọ's list is 'merged' (session 24), as before
    folder, out = april_merged(tmp_path)
    write_ban_co_period(folder, "2024-05")
    write_na_mon_merged(folder, "2024-05")
    result, _, _ = execute(folder, out, "2024-05")
    [issue] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (issue.file, issue.variant, issue.instead) == ("BanCo_2024-05.xlsx", "merged", "Nà Mòn")


def test_check_with_the_history_says_the_merger_and_without_it_the_codes(tmp_path):
    folder, out = april_merged(tmp_path)
    write_ban_co_period(folder, "2024-05")
    files = [folder / "KeHoach_2024.xlsx", folder / "BanCo_2024-05.xlsx"]
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    [issue] = [i for i in check_files(files, "vi", history) if i.code == "unknown-hamlet"]
    assert (issue.cell, issue.variant, issue.instead) == ("B3", "joined", "Nà Mòn")
    assert issue.message("vi") == JOINED_VI
    # without the history no month had Bản Cọ beside Nà Mòn: the codes' wording, as before
    [issue] = [i for i in check_files(files, "vi") if i.code == "unknown-hamlet"]
    assert (issue.cell, issue.variant, issue.hamlet) == ("B3", "codes", "Nà Mòn")
