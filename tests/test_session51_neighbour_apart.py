"""A hamlet's list sent apart under a neighbour's name (session 51): a second file whose 'Xóm'
and title name Đồng Kè, which sent its own list, holding Nà Mòn's households (its codes Nà
Mòn's, consolidate.copied_by_codes), when Nà Mòn sent its own list too. Held apart as a list
naming no hamlet is (Nà Mòn 'rejected', incomplete, its households apart, not exited) where it
is not a copy of Nà Mòn's list; a copy is refused as before, its words sending the officer to
take the old file out. No word asks for a second list of Nà Mòn.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. April: the three send their own lists."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from pipeline.cli import _incomplete_lines, main
from pipeline.run import execute
from tests.april_may import (
    BAN_CO,
    SPLIT,
    april,
    may_errors,
    may_feedback,
    may_naming_dong_ke,
    may_report,
    may_texts,
    write_unnamed,
)
from tests.commune import person, write_roster
from tests.summaries import json_summary
from tests.test_session38_oracle import dk_rows, na_mon_rows
from tests.test_session52_advice_followed import SENT_LISTED

_HELD = (
    "Danh sách ghi xóm 'Đồng Kè' nhưng các mã hộ trong danh sách là của xóm Nà Mòn, không phải "
    "của xóm 'Đồng Kè' (xóm 'Đồng Kè' đã gửi danh sách của xóm: tệp 'DongKe.xlsx'), nên tệp "
    "chưa được tính. Danh sách có 2 hộ (NM4, NM5) của xóm Nà Mòn (có trong danh sách đầu năm "
    "hoặc danh sách tháng 04/2024 của xóm) mà danh sách xóm Nà Mòn gửi kỳ này không có. Chừng "
    "nào chưa được ghi vào danh sách của xóm Nà Mòn, các hộ này chưa được tính (không phải đã "
    "thoát) và xóm Nà Mòn chưa được tính vào số liệu toàn xã. Trưởng xóm Nà Mòn cần ghi các hộ "
    "này vào danh sách của xóm (một danh sách cho cả xóm) rồi gửi lại; không sửa tên xóm của "
    "tệp này thành 'Nà Mòn': mỗi xóm chỉ gửi một danh sách mỗi kỳ."
)

_SENT = (
    "Danh sách ghi xóm 'Đồng Kè' nhưng các mã hộ trong danh sách là của xóm Nà Mòn, không phải "
    "của xóm 'Đồng Kè' (xóm 'Đồng Kè' đã gửi danh sách của xóm: tệp 'DongKe.xlsx'), nên tệp "
    "chưa được tính. Xóm Nà Mòn cũng đã gửi danh sách của xóm (tệp 'NaMon.xlsx'), đã được "
    "tính: nếu tệp này là bản cũ hoặc bản chép của danh sách đó, hãy bỏ tệp này ra khỏi thư mục "
    "đầu vào. Nếu tệp này có hộ của xóm Nà Mòn mà tệp 'NaMon.xlsx' không có, trưởng xóm Nà Mòn "
    "cần ghi các hộ đó vào danh sách của xóm (một danh sách cho cả xóm) rồi gửi lại; không sửa "
    "tên xóm của tệp này thành 'Nà Mòn': mỗi xóm chỉ gửi một danh sách mỗi kỳ."
)


def test_a_list_of_a_hamlets_households_naming_a_neighbour_is_held_apart(tmp_path):
    """May: Nà Mòn's head sends his poor NM1-NM3 in 'NaMon.xlsx' and his near-poor NM4, NM5 in
    a file whose 'Xóm' and title name Đồng Kè (which sent its own list). Before: refused as a
    copy of Đồng Kè's file, Nà Mòn counted with NM4, NM5 exited (near-poor 2 - 2 = 0), the
    commune poor 3 + 2 + 1 = 6, near-poor 0 + 1 + 1 = 2, complete, and the refusal told to write
    'Nà Mòn' in 'Xóm' (a second Nà Mòn list). Now held apart as a list naming no hamlet is: Nà
    Mòn 'rejected', incomplete (2 of the start list, 2 listed apart), near-poor start 2, not
    counted 2, end 0 in both tables; the commune Bản Cọ and Đồng Kè alone: poor 2 + 1 = 3,
    near-poor 1 + 1 = 2, not complete; each place's words, by hand."""
    _, out = may_naming_dong_ke(
        tmp_path, [person("NM4", "near_poor"), person("NM5", "near_poor")], na_mon_rows()[:3]
    )
    may = json_summary(out, "2024-05")
    na_mon = {h["hamlet"]: h for h in may["hamlets"]}["Nà Mòn"]
    assert na_mon["status"] == "rejected"
    assert na_mon["incomplete"] == {
        "reason": "merged-list-apart", "file": SPLIT, "hamlet_written": "Đồng Kè",
        "households_apart": 2, "households_listed_apart": 2, "hamlet_written_in_plan": True,
    }  # fmt: skip
    for scope in ("movements", "movements_month"):
        near = na_mon[scope]["near_poor"]
        assert (near["start"], near["exited"], near["not_counted"], near["end"]) == (2, 0, 2, 0)
    assert (may["totals"]["poor"], may["totals"]["near_poor"], may["complete"]) == (3, 2, False)
    errors = may_errors(out)
    assert errors["hamlet-codes-of-file-name"] == [_HELD]
    assert errors["merged-list-apart"] == [
        "Số liệu của xóm Nà Mòn chưa đủ: 2 hộ của danh sách ghi xóm 'Đồng Kè' (tệp "
        f"{SPLIT}, bị từ chối vì các mã hộ là của xóm Nà Mòn, không phải của xóm 'Đồng Kè') "
        "chưa được tính (không phải đã thoát), nên xóm Nà Mòn chưa được tính vào số liệu toàn "
        "xã. Nếu đó là các hộ của xóm Nà Mòn, hãy ghi các hộ đó vào danh sách này (một danh "
        "sách cho cả xóm) rồi gửi lại."
    ]
    assert "vanished-household" not in errors  # NM4, NM5 not said gone: they are apart
    assert may_report(out)[0]["Nà Mòn"] == (
        "Hợp lệ nhưng chưa đủ hộ: 2 hộ của danh sách ghi xóm 'Đồng Kè' (tệp "
        f"{SPLIT}, bị từ chối vì các mã hộ là của xóm này) chưa được tính, nên xóm chưa được "
        "tính vào số liệu toàn xã. Hãy ghi các hộ đó vào danh sách của xóm (một danh sách cho "
        "cả xóm) rồi gửi lại."
    )
    assert may_report(out)[1][SPLIT] == (
        "Bị từ chối: danh sách ghi xóm 'Đồng Kè' nhưng các mã hộ là của xóm Nà Mòn, chưa có "
        "trong danh sách của xóm"
    )
    assert may_texts(out, "mà các mã hộ là của xóm") == [
        "Số liệu tổng hợp 2/3 xóm; chưa có: Nà Mòn (số liệu thiếu các hộ của một danh sách ghi "
        "xóm 'Đồng Kè' mà các mã hộ là của xóm, bị từ chối; cần một danh sách cho cả xóm). Số "
        "liệu toàn xã (kể cả số đầu năm) chỉ tính các xóm đã tổng hợp.",
        "Chưa đủ hộ: Nà Mòn (thiếu danh sách ghi xóm 'Đồng Kè' mà các mã hộ là của xóm Nà Mòn) "
        "— số liệu của xóm thiếu các hộ của danh sách gửi riêng, bị từ chối (xem trang 'Nộp báo "
        "cáo'), nên không cộng vào dòng Tổng cộng.",
    ]
    assert _incomplete_lines(may, "vi") == [
        "  Xóm Nà Mòn: số liệu thiếu 2 hộ của danh sách ghi xóm 'Đồng Kè' mà các mã hộ là của "
        f"xóm ({SPLIT}, bị từ chối), nên chưa tính vào số liệu toàn xã — cần một danh sách "
        "cho cả xóm"
    ]
    said = may_feedback(out)
    assert said["NaMon.xlsx"] == (
        "Danh sách đã được tổng hợp nhưng chưa tính vào số liệu toàn xã: còn thiếu 2 hộ của danh "
        "sách ghi xóm 'Đồng Kè' gửi riêng (xem bảng dưới); hãy ghi các hộ đó vào danh sách này "
        "rồi gửi lại."
    )
    assert said[SPLIT] == (
        "Danh sách gửi riêng này không được tổng hợp: danh sách ghi xóm 'Đồng Kè' nhưng các hộ "
        "trong danh sách là của xóm Nà Mòn, và trưởng xóm Nà Mòn đã gửi danh sách của xóm kỳ "
        "này. Không cần sửa ô nào: các hộ này phải được ghi vào danh sách của xóm Nà Mòn (một "
        "danh sách cho cả xóm) do trưởng xóm Nà Mòn gửi cho xã."
    )


def test_check_says_the_list_held_as_the_run(tmp_path):
    """`check` of May's files (April run): the same refusal words as the run's."""
    apart = [person("NM4", "near_poor"), person("NM5", "near_poor")]
    folder, out = may_naming_dong_ke(tmp_path, apart, na_mon_rows()[:3], run=False)
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    assert f"{SPLIT}, Thông tin, B3 (hamlet-codes-of-file-name): {_HELD}\n" in checked


def test_an_old_copy_of_the_hamlets_list_naming_a_neighbour_says_take_it_out(tmp_path):
    """May: Nà Mòn sends its whole list (NM1-NM5) and an old copy of it under Đồng Kè's name.
    Refused as before, Nà Mòn counted from its own list (near-poor 2 = 2, nothing apart); its
    words were to write 'Nà Mòn' in 'Xóm' and the title and send it again (a second Nà Mòn
    list, the newer, that would replace the one counted); now they name Nà Mòn's counted file
    and say to take this one out of the folder, or to write on Nà Mòn's list what it lacks.
    Since session 52 ('codes-sent-listed'): every household of it is on NaMon.xlsx, said so,
    the file to take out, nothing to write."""
    _, out = may_naming_dong_ke(tmp_path, na_mon_rows(), na_mon_rows())
    may = json_summary(out, "2024-05")
    na_mon = {h["hamlet"]: h for h in may["hamlets"]}["Nà Mòn"]
    assert (na_mon["status"], na_mon.get("incomplete")) == ("ok", None)
    near = na_mon["movements"]["near_poor"]
    assert (near["start"], near["exited"], near["end"]) == (2, 0, 2)
    # every household of it on NaMon.xlsx: since session 52 said so plainly ('codes-sent-listed')
    assert may_errors(out)["hamlet-codes-of-file-name"] == [SENT_LISTED]
    assert may_report(out)[1][SPLIT] == (
        "Bị từ chối: danh sách ghi xóm 'Đồng Kè' nhưng các mã hộ là của xóm Nà Mòn, các hộ đều "
        "đã có trong danh sách xóm Nà Mòn đã được tính"
    )
    assert may_feedback(out)[SPLIT] == (
        "Danh sách gửi riêng này không được tổng hợp: danh sách ghi xóm 'Đồng Kè' nhưng các hộ "
        "trong danh sách là của xóm Nà Mòn, và mọi hộ đều đã có trong danh sách của xóm Nà Mòn "
        "kỳ này (NaMon.xlsx), đã được tính. Không sửa ô nào, cũng không gửi lại tệp này."
    )


def test_a_list_of_households_written_thoat_naming_a_neighbour_holds_nothing(tmp_path):
    """NM4, NM5 written 'Thoát' on the file naming Đồng Kè: counted without it, Nà Mòn's tables
    say what it says (near-poor 2, exited 2, end 0; the commune 3 + 2 + 1 = 6 poor, 0 + 1 + 1
    = 2 near-poor, complete), as a list naming no hamlet of leavers holds nothing: not held,
    its words those of a hamlet that sent its own list (no second list asked)."""
    _, out = may_naming_dong_ke(
        tmp_path, [person("NM4", "exited"), person("NM5", "exited")], na_mon_rows()[:3]
    )
    may = json_summary(out, "2024-05")
    na_mon = {h["hamlet"]: h for h in may["hamlets"]}["Nà Mòn"]
    assert (na_mon["status"], na_mon.get("incomplete")) == ("ok", None)
    near = na_mon["movements"]["near_poor"]
    assert (near["start"], near["exited"], near["not_counted"], near["end"]) == (2, 2, 0, 0)
    assert (may["totals"]["poor"], may["totals"]["near_poor"], may["complete"]) == (6, 2, True)
    assert may_errors(out)["hamlet-codes-of-file-name"] == [_SENT]


def test_the_hamlet_sending_nothing_keeps_the_refusal_naming_it(tmp_path):
    """Kept (passes before too): Nà Mòn sends nothing, its whole list comes under Đồng Kè's
    name: the refused file is Nà Mòn's, told to write 'Nà Mòn' (its only list)."""
    _, out = may_naming_dong_ke(tmp_path, na_mon_rows(), None)
    may = json_summary(out, "2024-05")
    assert {h["hamlet"]: h for h in may["hamlets"]}["Nà Mòn"]["status"] == "rejected"
    [words] = may_errors(out)["hamlet-codes-of-file-name"]
    assert "hãy sửa ô 'Xóm' và tiêu đề thành 'Nà Mòn'" in words


def test_an_old_copy_naming_no_hamlet_says_take_it_out(tmp_path):
    """May: Nà Mòn's list NM1-NM4 (NM5 left off: exited), and last month's list NM1-NM5 sent
    again with 'Xóm' and title blank ('DanhSach_2024-05.xlsx'). Its codes 4 of 5 on Nà Mòn's
    list: a copy, not held ('holds', as before: Nà Mòn counted, near-poor start 2, exited 1,
    end 1). Its words told to write the hamlet's name in 'Xóm' and send it again (a second Nà
    Mòn list); now they say it may be an old copy, to take out of the folder, by hand."""
    folder, out = april(tmp_path)
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    lists = {"NaMon.xlsx": ("Nà Mòn", 100, na_mon_rows()[:4]), "BanCo.xlsx": ("Bản Cọ", 200, BAN_CO),
             "DongKe.xlsx": ("Đồng Kè", 150, dk_rows())}  # fmt: skip
    for file, (hamlet, size, rows) in lists.items():
        write_roster(folder, file, hamlet, size, rows, "2024-05", date(2024, 6, 3))
    write_unnamed(folder, na_mon_rows())
    execute(folder, out, "2024-05")
    na_mon = {h["hamlet"]: h for h in json_summary(out, "2024-05")["hamlets"]}["Nà Mòn"]
    assert (na_mon["status"], na_mon.get("incomplete")) == ("ok", None)
    near = na_mon["movements"]["near_poor"]
    assert (near["start"], near["exited"], near["end"]) == (2, 1, 1)
    assert may_errors(out)["missing-hamlet"] == [
        "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp "
        "không ghi tên xóm nào có trong kế hoạch, nên danh sách chưa được tính. Phần lớn các hộ "
        "trong danh sách có trong danh sách xóm Nà Mòn gửi kỳ này: có thể tệp này là bản cũ của "
        "danh sách đó. Danh sách có 1 hộ (NM5) của xóm Nà Mòn (có trong danh sách đầu năm hoặc "
        "danh sách tháng 04/2024 của xóm) mà danh sách xóm Nà Mòn gửi kỳ này không có: chừng "
        "nào chưa được ghi vào danh sách của xóm Nà Mòn, các hộ này được tính là đã thoát khỏi "
        "xóm Nà Mòn. Nếu tệp này là bản cũ, hãy bỏ tệp này ra khỏi thư mục đầu vào; nếu các hộ "
        "đó chưa thoát, trưởng xóm Nà Mòn cần ghi các hộ này vào danh sách của xóm (một danh "
        "sách cho cả xóm) rồi gửi lại. Không ghi 'Nà Mòn' vào ô 'Xóm' của tệp này: mỗi xóm chỉ "
        "gửi một danh sách mỗi kỳ."
    ]
