"""Advice on lists apart followed literally must end well, and the value column quotes what
the head wrote (session 52, E2).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. April: the three send their own lists."""

from __future__ import annotations

from datetime import date

import openpyxl
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import execute
from tests.april_may import (
    SPLIT,
    SPLIT_REFUSED,
    may_errors,
    may_feedback,
    may_lists,
    may_refused,
    may_report,
    said_by_check_and_run,
    write_unnamed,
)
from tests.commune import person, write_roster
from tests.summaries import json_summary
from tests.test_session38_oracle import na_mon_rows

_PLAIN = "Không xác định được tên xóm của tệp. Hãy ghi tên xóm vào ô 'Xóm' của trang 'Thông tin'."

_HOLDS_LISTED_SEVERAL = (
    "Không xác định được tên xóm của tệp: ô 'Xóm' để trống, tiêu đề danh sách và tên tệp không "
    "ghi tên xóm nào có trong kế hoạch, nên danh sách không được tính. Các mã hộ trong danh sách "
    "hầu hết là của xóm Nà Mòn, và mọi hộ trong danh sách đều đã có trong danh sách các xóm gửi "
    "kỳ này, đã được tính (4 hộ trong tệp 'NaMon.xlsx' của xóm Nà Mòn, 1 hộ trong tệp "
    "'BanCo.xlsx' của xóm Bản Cọ): không cần sửa, cũng không gửi lại tệp này; hãy bỏ tệp này ra "
    "khỏi thư mục đầu vào. Nếu tệp này ghi khác các danh sách đó (phân loại hộ, số nhân khẩu…), "
    "trưởng xóm có hộ đó sửa trên danh sách của xóm mình rồi gửi lại. Không ghi 'Nà Mòn' hay tên "
    "xóm nào khác vào ô 'Xóm' của tệp này: mỗi xóm chỉ gửi một danh sách mỗi kỳ."
)


def _unnamed_beside_counted(tmp_path):
    """April run; May: the three hamlets' own lists (NaMon.xlsx NM1-NM5, BanCo.xlsx BC1-BC3,
    DongKe.xlsx DK1, DK2; made 3 June), and 'DanhSach_2024-05.xlsx' (made 4 June), its 'Xóm'
    and title naming no hamlet, listing NM2-NM5 and BC3: its codes 4 of 5 Nà Mòn's (nearly
    all, more than half: consolidate.one_hamlet), one Bản Cọ's, every one on its hamlet's list
    counted. Returns (folder, out); May not run."""
    folder, out = may_lists(tmp_path, na_mon_rows())
    rows = [*na_mon_rows()[1:], person("BC3", "near_poor")]
    write_unnamed(folder, rows, date(2024, 6, 4))
    return folder, out


def _follow(folder, words: str, hamlet: str) -> None:
    """Do as the refusal ``words`` of the split file say, literally: take it out of the input
    folder, or write ``hamlet`` in its 'Xóm' cell with a later 'Ngày lập' (8 June)."""
    path = folder / SPLIT
    if "hãy bỏ tệp này ra khỏi thư mục đầu vào" in words:
        path.unlink()
    elif "Hãy ghi tên xóm vào ô 'Xóm'" in words:
        book = openpyxl.load_workbook(path)
        book["Thông tin"]["B3"] = hamlet
        book["Thông tin"]["B7"] = date(2024, 6, 8)
        book.save(path)


def test_a_list_naming_no_hamlet_of_one_hamlet_and_another_all_listed_is_not_told_to_be_named(
    tmp_path,
):
    """Session 52's review of 'holds-listed'. NM2-NM5 and BC3 on a list naming no hamlet, all
    on NaMon.xlsx and BanCo.xlsx, counted: nothing 'gone', and Nà Mòn's list lacks BC3, so the
    plain words came ("Hãy ghi tên xóm vào ô 'Xóm'"). Done as told ('Nà Mòn', made 8 June),
    the file became Nà Mòn's newer list: NM1 counted exited, BC3 on two lists. Now (variant
    'holds-listed-several') the words say every household is on the lists counted, which
    hold how many, to take the file out, never to name it. Followed, the figures by hand: Nà
    Mòn 3 poor (NM1-NM3) 2 near-poor, Bản Cọ 2 and 1, Đồng Kè 1 and 1: 6 poor, 4 near-poor,
    complete, no household exited."""
    folder, out = _unnamed_beside_counted(tmp_path)
    errors = said_by_check_and_run(folder, out, "missing-hamlet", _HOLDS_LISTED_SEVERAL)
    assert may_report(out)[1] == {
        SPLIT: "Bị từ chối: danh sách không ghi tên xóm, các mã hộ hầu hết là của xóm Nà Mòn, các "
        "hộ đều đã có trong danh sách các xóm đã được tính"
    }
    assert may_feedback(out) == {
        SPLIT: "Danh sách gửi riêng này không được tổng hợp: danh sách không ghi tên xóm, các hộ "
        "trong danh sách hầu hết là của xóm Nà Mòn, và mọi hộ đều đã có trong danh sách các xóm "
        "kỳ này, đã được tính (4 hộ trong tệp 'NaMon.xlsx' của xóm Nà Mòn, 1 hộ trong tệp "
        "'BanCo.xlsx' của xóm Bản Cọ). Không sửa ô nào, cũng không gửi lại tệp này."
    }
    assert [p.name for p in (out / "2024-05" / "PhanHoi").glob("*.xlsx")] == ["Nà Mòn_2024-05.xlsx"]
    _follow(folder, errors["missing-hamlet"][0], "Nà Mòn")
    execute(folder, out, "2024-05")
    may = json_summary(out, "2024-05")
    assert {h["hamlet"]: h["status"] for h in may["hamlets"]} == dict.fromkeys(
        ("Nà Mòn", "Bản Cọ", "Đồng Kè"), "ok"
    )
    na_mon = next(h for h in may["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert (may["totals"]["poor"], may["totals"]["near_poor"], may["complete"]) == (6, 4, True)
    assert "missing-hamlet" not in may_errors(out)


SENT_LISTED = (
    "Danh sách ghi xóm 'Đồng Kè' nhưng các mã hộ trong danh sách là của xóm Nà Mòn, không phải "
    "của xóm 'Đồng Kè' (xóm 'Đồng Kè' đã gửi danh sách của xóm: tệp 'DongKe.xlsx'), nên tệp "
    "không được tính. Mọi hộ trong danh sách đều đã có trong danh sách xóm Nà Mòn gửi kỳ này "
    "(tệp 'NaMon.xlsx'), đã được tính: không cần sửa, cũng không gửi lại tệp này; hãy bỏ tệp "
    "này ra khỏi thư mục đầu vào. Nếu tệp này ghi khác danh sách đó (phân loại hộ, số nhân "
    "khẩu…), trưởng xóm Nà Mòn sửa trên danh sách 'NaMon.xlsx' rồi gửi lại. Không sửa tên xóm "
    "của tệp này thành 'Nà Mòn': mỗi xóm chỉ gửi một danh sách mỗi kỳ."
)


def test_following_the_codes_refused_advice_then_says_all_listed_take_it_out(tmp_path):
    """May as tests.april_may.may_refused: NaMon.xlsx (NM1-NM3) refused for its 'Tổng số hộ
    dân cư' 'abc', NM4, NM5 in DanhSach_2024-05.xlsx naming Đồng Kè ('codes-refused'). Nà
    Mòn's head does as told: NaMon.xlsx corrected (100) with NM4, NM5 written on it (made 6
    June), the split file left in the folder. It was then 'codes-sent' ("if an old copy, take
    it out; if it has households NaMon.xlsx lacks, write them…"), though NaMon.xlsx now holds
    both: now ('codes-sent-listed') it says every household is on NaMon.xlsx, counted, and to
    take the file out; 'Nộp báo cáo' and its feedback say the same. Followed, by hand: Nà Mòn
    3 poor 2 near-poor, the commune 3+2+1 = 6 poor, 2+1+1 = 4 near-poor, complete."""
    folder, out = may_refused(tmp_path)
    assert may_errors(out)["hamlet-codes-of-file-name"] == [SPLIT_REFUSED]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, na_mon_rows(), "2024-05", date(2024, 6, 6))
    errors = said_by_check_and_run(folder, out, "hamlet-codes-of-file-name", SENT_LISTED)
    [said] = errors["hamlet-codes-of-file-name"]
    assert may_report(out)[1] == {
        SPLIT: "Bị từ chối: danh sách ghi xóm 'Đồng Kè' nhưng các mã hộ là của xóm Nà Mòn, các "
        "hộ đều đã có trong danh sách xóm Nà Mòn đã được tính"
    }
    assert may_feedback(out)[SPLIT] == (
        "Danh sách gửi riêng này không được tổng hợp: danh sách ghi xóm 'Đồng Kè' nhưng các hộ "
        "trong danh sách là của xóm Nà Mòn, và mọi hộ đều đã có trong danh sách của xóm Nà Mòn "
        "kỳ này (NaMon.xlsx), đã được tính. Không sửa ô nào, cũng không gửi lại tệp này."
    )
    assert "hãy bỏ tệp này ra khỏi thư mục đầu vào" in said
    (folder / SPLIT).unlink()
    execute(folder, out, "2024-05")
    may = json_summary(out, "2024-05")
    na_mon = next(h for h in may["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 2)
    assert (may["totals"]["poor"], may["totals"]["near_poor"], may["complete"]) == (6, 4, True)
    assert "hamlet-codes-of-file-name" not in may_errors(out)


def _mismatches(book_path, sheet: str, value_col: int, message_col: int) -> list[tuple]:
    """The rows of ``sheet`` whose message is a classification-mismatch's ("Phân loại '…'
    khác với chuẩn nghèo"): (its value, the start of its message)."""
    book = openpyxl.load_workbook(book_path, read_only=True)
    rows = [(r[value_col], r[message_col].split(" khác")[0]) for r in book[sheet].iter_rows(
        values_only=True) if len(r) > message_col and isinstance(r[message_col], str)
        and "khác với chuẩn nghèo" in r[message_col]]  # fmt: skip
    book.close()
    return rows


def test_a_class_written_as_an_abbreviation_is_quoted_as_written_in_both_workbooks(tmp_path):
    """QA: NM1 written 'HN' (read as Hộ nghèo), its income 3,000,000 đ and no deprivation:
    the standard makes it not poor, a classification-mismatch. 'Lỗi dữ liệu' showed the class
    as read ('Hộ nghèo', its message "Phân loại 'Hộ nghèo' …") where the head's feedback
    quotes the cell, 'HN': the officer searching Nà Mòn's file for 'Hộ nghèo' finds another
    row. Now both quote 'HN'. NM2 written 'Hộ nghèo' (the drop-down's name), its income 3,000,000
    đ and one deprivation, keeps 'Hộ nghèo' in both."""
    rows = [
        person("NM1", "HN", thu_nhap=3_000_000),
        person("NM2", "poor", deprived=(1,), thu_nhap=3_000_000),
        *na_mon_rows()[2:],
    ]
    folder, out = may_lists(tmp_path, rows)
    execute(folder, out, "2024-05")
    expected = [("HN", "Phân loại 'HN'"), ("Hộ nghèo", "Phân loại 'Hộ nghèo'")]
    summary = out / "2024-05" / "TongHop_2024-05.xlsx"
    assert _mismatches(summary, "Lỗi dữ liệu", 7, 10) == expected
    feedback = out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    assert _mismatches(feedback, "Hướng dẫn sửa", 5, 7) == expected
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    assert "NaMon.xlsx, Danh sách, I5 (classification-mismatch): Phân loại 'HN' khác" in checked
