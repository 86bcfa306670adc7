"""A Mã hộ two hamlets' lists write this month that neither hamlet's list compared with has
(session 51): told moved where a row's 'Ghi chú' or the history says which hamlet it left,
else both rows asked where it lives, naming both files, rows and heads and what to compare.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. Each head is 'Hoàng Văn <code>', born
1970, with an ID number of its code. Each list's households start at row 5, so Đồng Kè's
third household is at row 7 and Nà Mòn's sixth at row 10."""

from __future__ import annotations

from datetime import date

import openpyxl
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import execute
from tests.april_may import (
    BAN_CO,
    DK_MAY,
    HELD_ALL_SENT,
    NM_MAY,
    april,
    asked_where,
    may_report,
    may_texts,
    may_unnamed,
    nm3_on_both,
    nx9_on_both,
    write_unnamed,
)
from tests.commune import person, write_roster
from tests.test_session38_oracle import dk_rows, na_mon_rows
from tests.test_session48_code_reused import MAI, json_totals, sheets
from tests.test_session50_duplicate_moved import poor_moves


def test_the_head_on_one_hamlets_list_under_another_code_tells_the_move(tmp_path):
    """April: Nà Mòn lists NM3 'Hoàng Văn NM3'. May: both Nà Mòn and Đồng Kè write him under a
    new code NX3 (his name, year and ID number); NM3 is on no list. Neither April list has NX3
    (was: both rows asked where it lives), but Nà Mòn's has its head under NM3: the household
    was Nà Mòn's and Đồng Kè lists it now, as when the code was kept (session 50). The figures
    as before, by hand: Nà Mòn's year (start NM1-NM3) and month (April: NM1-NM3) poor 3, not
    counted 1 (NM3, its row NX3 left out), end 2; Đồng Kè 1 = 1; the commune 6 - 1 = 5."""
    folder, out = april(tmp_path)
    nx3 = {**person("NM3", "poor"), "ma_ho": "NX3"}
    may = nm3_on_both(folder, out, nx3)
    _, said = sheets(out, "2024-05", "NX3")
    assert sorted(said) == [
        ("Nà Mòn", NM_MAY, "B7", "duplicate-household-id",
         f"Mã hộ 'NX3' bị trùng với xóm Đồng Kè, tệp {DK_MAY}, dòng 7, cùng chủ hộ. Hộ có trong "
         "danh sách trước của xóm Nà Mòn với Mã hộ khác ('NM3'), nay xóm kia ghi hộ vào danh "
         "sách của mình: hộ đã chuyển đi. Hãy xóa dòng này khỏi danh sách của xóm Nà Mòn "
         "(không ghi 'Thoát': xóm kia giữ dòng của hộ). Nếu hộ chưa chuyển đi, hãy báo xã để "
         "xóm kia xóa dòng của hộ (các dòng này tạm chưa được tính)."),
        ("Đồng Kè", DK_MAY, "B7", "duplicate-household-id",
         f"Mã hộ 'NX3' bị trùng với xóm Nà Mòn, tệp {NM_MAY}, dòng 7, cùng chủ hộ. Hộ có trong "
         "danh sách tháng 4/2024 của xóm Nà Mòn với Mã hộ 'NM3', nay xóm Đồng Kè ghi hộ vào "
         "danh sách của mình: hộ đã chuyển đến xóm Đồng Kè. Hãy giữ nguyên dòng này; xóm cũ "
         "của hộ cần xóa dòng của hộ khỏi danh sách của xóm đó (không ghi 'Thoát'). Nếu hộ "
         "chưa chuyển đến, hãy xóa dòng này (các dòng này tạm chưa được tính)."),
    ]  # fmt: skip
    assert poor_moves(may["Nà Mòn"]) == ((3, 1, 0, 0, 0, 2), (3, 1, 0, 0, 0, 2))
    assert poor_moves(may["Đồng Kè"]) == ((1, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 1))
    assert poor_moves(json_totals(out, "2024-05")) == ((6, 1, 0, 0, 0, 5), (6, 1, 0, 0, 0, 5))


def test_a_note_saying_moved_in_from_the_other_hamlet_tells_the_move(tmp_path):
    """May: a household new to the lists, NX9, written by Nà Mòn (its sixth row) and by Đồng
    Kè, whose row's 'Ghi chú' says 'Chuyển đến từ xóm Nà Mòn': no list before has it, the note
    tells it moved from Nà Mòn to Đồng Kè (was: both asked). Figures unchanged, by hand: both
    rows left out, NX9 on no list before (neither new nor not counted): Nà Mòn 3 = 3, Đồng Kè
    1 = 1 in both tables."""
    folder, out = april(tmp_path)
    may, said = nx9_on_both(folder, out, dk_note="Chuyển đến từ xóm Nà Mòn")
    assert sorted(said) == [
        ("Nà Mòn", NM_MAY, "B10", "duplicate-household-id",
         f"Mã hộ 'NX9' bị trùng với xóm Đồng Kè, tệp {DK_MAY}, dòng 7, cùng chủ hộ. Hộ không có "
         "trong danh sách trước của hai xóm, nhưng 'Ghi chú' của dòng kia ghi 'Chuyển đến từ "
         "xóm Nà Mòn': hộ đã chuyển từ xóm Nà Mòn sang xóm kia. Hãy xóa dòng này khỏi danh sách "
         "của xóm Nà Mòn (không ghi 'Thoát': xóm kia giữ dòng của hộ). Nếu hộ chưa chuyển đi, "
         "hãy báo xã để xóm kia xóa dòng của hộ (các dòng này tạm chưa được tính)."),
        ("Đồng Kè", DK_MAY, "B7", "duplicate-household-id",
         f"Mã hộ 'NX9' bị trùng với xóm Nà Mòn, tệp {NM_MAY}, dòng 10, cùng chủ hộ. Hộ không có "
         "trong danh sách trước của hai xóm, nhưng 'Ghi chú' của dòng này ghi 'Chuyển đến từ "
         "xóm Nà Mòn': hộ đã chuyển đến xóm Đồng Kè. Hãy giữ nguyên dòng này; xóm cũ của hộ "
         "cần xóa dòng của hộ khỏi danh sách của xóm đó (không ghi 'Thoát'). Nếu hộ chưa "
         "chuyển đến, hãy xóa dòng này (các dòng này tạm chưa được tính)."),
    ]  # fmt: skip
    assert poor_moves(may["Nà Mòn"]) == ((3, 0, 0, 0, 0, 3), (3, 0, 0, 0, 0, 3))
    assert poor_moves(may["Đồng Kè"]) == ((1, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 1))


def test_the_old_rows_own_note_saying_moved_to_the_other_tells_it_too(tmp_path):
    """Nà Mòn's row of NX9 notes 'Đã chuyển sang xóm Đồng Kè', Đồng Kè's writes nothing: the
    same move told, the note quoted as this row's at Nà Mòn and the other's at Đồng Kè."""
    folder, out = april(tmp_path)
    _, said = nx9_on_both(folder, out, na_mon_note="Đã chuyển sang xóm Đồng Kè")
    words = {hamlet: message for hamlet, *_, message in said}
    assert "nhưng 'Ghi chú' của dòng này ghi 'Đã chuyển sang xóm Đồng Kè': hộ đã chuyển từ " \
           "xóm Nà Mòn sang xóm kia. Hãy xóa dòng này" in words["Nà Mòn"]  # fmt: skip
    assert "nhưng 'Ghi chú' của dòng kia ghi 'Đã chuyển sang xóm Đồng Kè': hộ đã chuyển đến " \
           "xóm Đồng Kè. Hãy giữ nguyên dòng này" in words["Đồng Kè"]  # fmt: skip


def test_nothing_telling_asks_naming_both_rows_and_heads(tmp_path):
    """NX9 new to both lists, no note, its head on no list before: still asked where it lives
    (was the plain question naming the other row alone), now naming this row's file and row,
    both heads, and what to compare. A note naming a third hamlet ('Chuyển đến từ xóm Bản Cọ')
    tells nothing of these two."""
    folder, out = april(tmp_path)
    _, said = nx9_on_both(folder, out, dk_note="Chuyển đến từ xóm Bản Cọ")
    head = "Hoàng Văn NX9"
    assert sorted(said) == [
        ("Nà Mòn", NM_MAY, "B10", "duplicate-household-id",
         asked_where("NX9", "Đồng Kè", 7, DK_MAY, 10, head, head)),
        ("Đồng Kè", DK_MAY, "B7", "duplicate-household-id",
         asked_where("NX9", "Nà Mòn", 10, NM_MAY, 7, head, head)),
    ]  # fmt: skip


def test_two_heads_are_asked_with_both_names_and_check_says_it_as_the_run(tmp_path):
    """Đồng Kè writes NX9 for 'Lò Thị Mai' (her own ID number), Nà Mòn for 'Hoàng Văn NX9':
    asked, each row naming its head and the other's; `check` of May's lists (April run) words
    both rows as the run will."""
    folder, out = april(tmp_path)
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    mai = person("NX9", "poor", **MAI)
    lists = {"Nà Mòn": (100, na_mon_rows(person("NX9", "poor"))), "Bản Cọ": (200, BAN_CO),
             "Đồng Kè": (150, [*dk_rows(), mai])}  # fmt: skip
    for n, (hamlet, (size, rows)) in enumerate(lists.items()):
        write_roster(
            folder, f"DS_{n}_2024-05.xlsx", hamlet, size, rows, "2024-05", date(2024, 6, 3)
        )
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    mine = asked_where("NX9", "Đồng Kè", 7, DK_MAY, 10, "Hoàng Văn NX9", "Lò Thị Mai")
    theirs = asked_where("NX9", "Nà Mòn", 10, NM_MAY, 7, "Lò Thị Mai", "Hoàng Văn NX9")
    assert f"{NM_MAY}, Danh sách, B10 (duplicate-household-id): {mine}\n" in checked
    assert f"{DK_MAY}, Danh sách, B7 (duplicate-household-id): {theirs}\n" in checked
    execute(folder, out, "2024-05")
    _, said = sheets(out, "2024-05", "NX9")
    assert sorted(m for *_, m in said) == sorted([mine, theirs])


# A list naming no hamlet ('Xóm' and title blank, its file name naming none) whose codes are
# one hamlet's, that hamlet's own list lacking them: held apart from that hamlet (session 51).
_UNNAMED = "DanhSach_2024-05.xlsx"


def test_a_list_naming_no_hamlet_whose_codes_are_one_hamlets_is_held_apart(tmp_path):
    """May: Nà Mòn's head sends his poor (NM1-NM3) in 'NaMon.xlsx' and his near-poor NM4, NM5
    in a list naming no hamlet. Before: refused 'holds' ("được tính là đã thoát"), Nà Mòn
    counted with NM4, NM5 exited (near-poor 2 - 2 = 0), the commune's near-poor 0 + 1 + 1 = 2
    with two exits that did not happen. Now its codes (2 of 2 Nà Mòn's, none on Nà Mòn's list)
    hold it apart, as a list apart the history tells: Nà Mòn 'rejected', `incomplete` (2 of
    the start list, 2 listed apart), its near-poor start 2, not counted 2, end 0 in both tables;
    the commune Bản Cọ and Đồng Kè alone: poor 2 + 1 = 3, near-poor 1 + 1 = 2, not complete.
    Every hamlet sent its list: since session 53 its words never offer a name for its 'Xóm'
    ('holds-held-all-sent'), its 'Nộp báo cáo' row is under Nà Mòn with its reason."""
    _, out, may = may_unnamed(tmp_path, [person("NM4", "near_poor"), person("NM5", "near_poor")])
    hamlets = {h["hamlet"]: h for h in may["hamlets"]}
    na_mon = hamlets["Nà Mòn"]
    assert na_mon["status"] == "rejected"
    assert na_mon["incomplete"] == {
        "reason": "merged-list-apart", "file": _UNNAMED, "hamlet_written": "",
        "households_apart": 2, "households_listed_apart": 2,
    }  # fmt: skip
    for scope in ("movements", "movements_month"):
        near = na_mon[scope]["near_poor"]
        assert (near["start"], near["exited"], near["not_counted"], near["end"]) == (2, 0, 2, 0)
    assert (may["totals"]["poor"], may["totals"]["near_poor"], may["complete"]) == (3, 2, False)
    said, others = may_report(out)
    assert said["Nà Mòn"] == (
        "Hợp lệ nhưng chưa đủ hộ: 2 hộ của danh sách không ghi tên xóm (tệp "
        f"{_UNNAMED}, bị từ chối) chưa được tính, nên xóm chưa được tính vào số liệu toàn xã. "
        "Hãy ghi các hộ đó vào danh sách của xóm (một danh sách cho cả xóm) rồi gửi lại."
    )
    # (every hamlet sent its list: 'holds-held-all-sent', its reason said; session 53)
    assert others[_UNNAMED] == (
        "Bị từ chối: danh sách không ghi tên xóm, các mã hộ là của xóm Nà Mòn, có các hộ chưa "
        "có trong danh sách của xóm"
    )
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    errors = {r[9]: r[10] for r in book["Lỗi dữ liệu"].iter_rows(values_only=True)
              if len(r) > 10 and r[9] in ("missing-hamlet", "merged-list-apart")}  # fmt: skip
    book.close()
    assert errors["missing-hamlet"] == HELD_ALL_SENT
    assert may_texts(out, "không ghi tên xóm") == [
        "Số liệu tổng hợp 2/3 xóm; chưa có: Nà Mòn (số liệu thiếu các hộ của một danh sách không "
        "ghi tên xóm, bị từ chối; cần một danh sách cho cả xóm). Số liệu toàn xã (kể cả số đầu "
        "năm) chỉ tính các xóm đã tổng hợp.",
        "Chưa đủ hộ: Nà Mòn (thiếu danh sách không ghi tên xóm) — số liệu của xóm thiếu các hộ "
        "của danh sách gửi riêng, bị từ chối (xem trang 'Nộp báo cáo'), nên không cộng vào dòng "
        "Tổng cộng.",
    ]
    # (both feedbacks Nà Mòn's head's since session 53: NaMon.xlsx's and the list apart's)
    folder = out / "2024-05" / "PhanHoi"
    assert sorted(p.name for p in folder.glob("*.xlsx")) == [
        "Nà Mòn_2024-05_1.xlsx",
        "Nà Mòn_2024-05_2.xlsx",
    ]
    words = [v for path in sorted(folder.glob("*.xlsx"))
             for sheet in openpyxl.load_workbook(path) for row in sheet.iter_rows(values_only=True)
             for v in row if isinstance(v, str) and "gửi riêng (xem bảng dưới)" in v]  # fmt: skip
    assert words == [
        "Danh sách đã được tổng hợp nhưng chưa tính vào số liệu toàn xã: còn thiếu 2 hộ của danh "
        "sách không ghi tên xóm gửi riêng (xem bảng dưới); hãy ghi các hộ đó vào danh sách này "
        "rồi gửi lại."
    ]
    assert errors["merged-list-apart"] == (
        "Số liệu của xóm Nà Mòn chưa đủ: 2 hộ của danh sách không ghi tên xóm (tệp "
        f"{_UNNAMED}, bị từ chối vì không xác định được tên xóm) chưa được tính (không phải đã "
        "thoát), nên xóm Nà Mòn chưa được tính vào số liệu toàn xã. Nếu đó là các hộ của xóm "
        "Nà Mòn, hãy ghi các hộ đó vào danh sách này (một danh sách cho cả xóm) rồi gửi lại."
    )


# ... when a hamlet of the plan sent nothing (here Bản Cọ and Đồng Kè): 'holds-held', its
# "nếu không, hãy ghi tên xóm" kept (the list may be that hamlet's; session 53)
_HELD_WORDS = (
    "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không "
    "ghi tên xóm nào có trong kế hoạch, nên danh sách chưa được tính. Các mã hộ trong danh sách "
    "là của xóm Nà Mòn: danh sách có 2 hộ (NM4, NM5) của xóm Nà Mòn (có trong danh sách đầu năm "
    "hoặc danh sách tháng 04/2024 của xóm) mà danh sách xóm Nà Mòn gửi kỳ này không có. Chừng "
    "nào chưa được ghi vào danh sách của xóm Nà Mòn, các hộ này chưa được tính (không phải đã "
    "thoát) và xóm Nà Mòn chưa được tính vào số liệu toàn xã. Nếu đây là các hộ của xóm Nà Mòn "
    "(hoặc của một xóm đã sáp nhập vào xóm Nà Mòn), trưởng xóm Nà Mòn cần ghi các hộ này vào "
    "danh sách của xóm (một danh sách cho cả xóm) rồi gửi lại; nếu không, hãy ghi tên xóm vào ô "
    "'Xóm' của trang 'Thông tin' rồi gửi lại."
)


def test_check_says_the_list_naming_no_hamlet_held_as_the_run(tmp_path):
    """`check` of May's files (April run, May not): the same refusal words as the run's."""
    folder, out = april(tmp_path)
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    write_roster(
        folder, "NaMon.xlsx", "Nà Mòn", 100, na_mon_rows()[:3], "2024-05", date(2024, 6, 3)
    )
    write_unnamed(folder, [person("NM4", "near_poor"), person("NM5", "near_poor")])
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    assert f"{_UNNAMED}, Thông tin, B3 (missing-hamlet): {_HELD_WORDS}\n" in checked


def test_a_list_naming_no_hamlet_mostly_a_copy_is_not_held(tmp_path):
    """Kept (passes before too): the list naming no hamlet writes NM1, NM2 (on Nà Mòn's list)
    and NM4: a copy of Nà Mòn's list more than half (2 of 3), not held: refused 'holds' as
    before, Nà Mòn counted: near-poor 2 - 2 exited (NM4, NM5) = 0; the commune 3 + 2 + 1 = 6
    poor, 0 + 1 + 1 = 2 near-poor."""
    _, out, may = may_unnamed(
        tmp_path, [person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor")]
    )
    na_mon = {h["hamlet"]: h for h in may["hamlets"]}["Nà Mòn"]
    assert (na_mon["status"], na_mon.get("incomplete")) == ("ok", None)
    near = na_mon["movements"]["near_poor"]
    assert (near["start"], near["exited"], near["end"]) == (2, 2, 0)
    assert (may["totals"]["poor"], may["totals"]["near_poor"], may["complete"]) == (6, 2, True)
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    [words] = [r[10] for r in book["Lỗi dữ liệu"].iter_rows(values_only=True)
               if len(r) > 10 and r[9] == "missing-hamlet"]  # fmt: skip
    book.close()
    assert "1 hộ (NM4) của xóm Nà Mòn" in words
    assert "các hộ này được tính là đã thoát khỏi xóm Nà Mòn" in words
