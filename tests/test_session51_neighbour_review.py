"""Review of "a hamlet's households sent apart under a neighbour's name held" (session 51): a
second file naming Đồng Kè (which sent its own list) holding Nà Mòn's NM4, NM5 when Nà Mòn's
own list of the month came too but was refused for an error of its own ('Tổng số hộ dân cư'
not a number). The split file was told to write 'Nà Mòn' in 'Xóm' and the title: a second Nà
Mòn list, which would replace the corrected one (the newer wins, CONTRACT §1).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. April: the three send their own lists."""

from __future__ import annotations

from tests.april_may import (
    SPLIT,
    SPLIT_REFUSED,
    may_errors,
    may_feedback,
    may_moved_in,
    may_refused,
    may_report,
)
from tests.summaries import json_summary


def test_the_hamlets_own_list_refused_the_split_file_is_not_told_to_name_it(tmp_path):
    """Nà Mòn's own list refused for its total: the file naming Đồng Kè said "hãy sửa ô 'Xóm'
    và tiêu đề thành 'Nà Mòn'" (a second Nà Mòn list, the newer, replacing NaMon.xlsx once
    corrected: NM1-NM3 counted exited). Now it names NaMon.xlsx, refused, and says to write its
    households there when it is corrected, never to name this file 'Nà Mòn'. The figures as
    before: Nà Mòn rejected (its own list's error), the commune Bản Cọ and Đồng Kè: poor 2 + 1
    = 3, near-poor 1 + 1 = 2; 'Nộp báo cáo' and both feedback workbooks say no cell to fix."""
    _, out = may_refused(tmp_path)
    may = json_summary(out, "2024-05")
    na_mon = {h["hamlet"]: h for h in may["hamlets"]}["Nà Mòn"]
    assert (na_mon["status"], na_mon.get("incomplete")) == ("rejected", None)
    assert (may["totals"]["poor"], may["totals"]["near_poor"], may["complete"]) == (3, 2, False)
    assert may_errors(out)["hamlet-codes-of-file-name"] == [SPLIT_REFUSED]
    assert may_report(out)[1][SPLIT] == (
        "Bị từ chối: danh sách ghi xóm 'Đồng Kè' nhưng các mã hộ là của xóm Nà Mòn, danh sách "
        "của xóm bị từ chối"
    )
    said = may_feedback(out)
    assert said[SPLIT] == (
        "Danh sách gửi riêng này không được tổng hợp: danh sách ghi xóm 'Đồng Kè' nhưng các hộ "
        "trong danh sách là của xóm Nà Mòn, và xóm Nà Mòn đã gửi danh sách của xóm kỳ này "
        "(NaMon.xlsx), bị từ chối vì có lỗi. Không sửa ô nào, cũng không gửi lại tệp này: khi "
        "sửa danh sách NaMon.xlsx, hãy ghi vào đó các hộ của tệp này mà danh sách đó chưa có "
        "(một danh sách cho cả xóm) rồi gửi lại."
    )
    assert said["NaMon.xlsx"].startswith("Danh sách chưa được tổng hợp vì 'Tổng số hộ dân cư'")


_MOVED = (
    "Danh sách ghi xóm 'Đồng Kè' nhưng các mã hộ trong danh sách là của xóm Nà Mòn, không phải "
    "của xóm 'Đồng Kè' (xóm 'Đồng Kè' đã gửi danh sách của xóm: tệp 'DongKe.xlsx'), nên tệp "
    "chưa được tính. Danh sách có 2 hộ (NM4, NM5) của xóm Nà Mòn (có trong danh sách đầu năm "
    "hoặc danh sách tháng 04/2024 của xóm) được ghi chú là chuyển đến từ xóm Nà Mòn: nếu các hộ "
    "này nay ở xóm 'Đồng Kè', trưởng xóm 'Đồng Kè' cần ghi các hộ này vào danh sách của xóm "
    "(tệp 'DongKe.xlsx'; một danh sách cho cả xóm) rồi gửi lại. Chừng nào chưa được ghi vào "
    "danh sách của một xóm, các hộ này được tính là đã thoát khỏi xóm Nà Mòn. Không sửa tên xóm "
    "của tệp này: mỗi xóm chỉ gửi một danh sách mỗi kỳ."
)


def test_the_neighbours_moved_in_households_apart_do_not_hold_the_hamlet(tmp_path):
    """May: Đồng Kè sends its list (DK1, DK2) and, a day later, a second file naming Đồng Kè of
    NM4, NM5, each noted 'Chuyển đến từ xóm Nà Mòn' (moved in this month); Nà Mòn sends NM1-NM3.
    Was held as Nà Mòn's households sent apart (Nà Mòn 'rejected', out of the commune's figures,
    its head told to write NM4, NM5 on his list): they are Đồng Kè's now, and the file is
    Đồng Kè's. Now not held: Nà Mòn counted, near-poor start 2, exited 2, end 0 (no counted list
    holds them, as before session 51's hold); the commune 3 + 2 + 1 = 6 poor, 0 + 1 + 1 = 2
    near-poor, complete; the words send Đồng Kè's head to write them on Đồng Kè's list."""
    folder, out = may_moved_in(tmp_path)
    may = json_summary(out, "2024-05")
    na_mon = {h["hamlet"]: h for h in may["hamlets"]}["Nà Mòn"]
    assert (na_mon["status"], na_mon.get("incomplete")) == ("ok", None)
    near = na_mon["movements"]["near_poor"]
    assert (near["start"], near["exited"], near["not_counted"], near["end"]) == (2, 2, 0, 0)
    assert (may["totals"]["poor"], may["totals"]["near_poor"], may["complete"]) == (6, 2, True)
    assert may_errors(out)["hamlet-codes-of-file-name"] == [_MOVED]
    assert may_report(out)[1][SPLIT] == (
        "Bị từ chối: danh sách ghi xóm 'Đồng Kè' nhưng các mã hộ là của xóm Nà Mòn, các hộ ghi "
        "chú chuyển đến xóm 'Đồng Kè'"
    )
    assert may_feedback(out)[SPLIT] == (
        "Danh sách gửi riêng này không được tổng hợp: danh sách ghi xóm 'Đồng Kè' nhưng các hộ "
        "trong danh sách là của xóm Nà Mòn, ghi chú là chuyển đến. Không sửa ô nào, cũng không "
        "gửi lại tệp này: nếu các hộ này nay ở xóm 'Đồng Kè', hãy ghi các hộ đó vào danh sách "
        "của xóm 'Đồng Kè' (DongKe.xlsx; một danh sách cho cả xóm) rồi gửi lại."
    )
