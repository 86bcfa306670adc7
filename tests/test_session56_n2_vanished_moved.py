"""Session 56 (helper N2): the 'vanished-household' warning of a household the year's start
list moved to another hamlet (N's Left of "Session 56: 'Biến động''s household list in January
shows the code last year's list wrote …"). The commune of tests.test_session56_n_turn_words:
Nà Mòn's December 2024 Lò Văn An 001 poor, Lò Văn Bình 002 near-poor, Lò Văn Cường (1953) 003
poor; the 2025 start list has An 001 and Bình 002 in Nà Mòn and Cường under 009 in Bản Cọ."""

from __future__ import annotations

import shutil
from datetime import date

import openpyxl

from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import (
    na_mon_rows,
    run_renumbered_month,
    write_renumbered_plans,
)
from tests.test_session56_b_turn_moved import AN, BINH, CUONG, MOVED, moved_at_the_turn
from tests.year_turn import year_turn_households

REFUSED_VI = (
    "Hộ 003 (Lò Văn Cường) có trong danh sách tháng 12/2024 của xóm nhưng không có trong danh "
    "sách kỳ này; danh sách đầu năm 2025 ghi hộ ở xóm Bản Cọ, Mã hộ 009. Danh sách kỳ này của "
    "xóm đó (tệp 'BanCo_2025-01.xlsx') có lỗi nên chưa được tổng hợp, vì vậy kỳ này hộ tạm được "
    "tính là thoát khỏi xóm. Hộ đã chuyển đi thì không ghi lại dòng của hộ vào danh sách này, "
    "đừng ghi 'Thoát': khi danh sách của xóm đó được sửa và tổng hợp lại, hộ được tính là chuyển "
    "đến xóm đó. Nếu hộ vẫn ở xóm này, hãy báo xã để sửa danh sách đầu năm."
)
REFUSED_EN = (
    "Household 003 (Lò Văn Cường) of this hamlet was on the list of 12/2024 but is missing from "
    "this period's roster; the start-of-year list of 2025 lists it in hamlet Bản Cọ under "
    "Mã hộ 009. That hamlet's roster of this period (file 'BanCo_2025-01.xlsx') has errors and "
    "was not consolidated, so for now the household counts as having exited the hamlet. If it "
    "moved, do not write its row again on this roster, nor 'Thoát': once that hamlet's roster "
    "is corrected and consolidated, the household counts as moved there. If it still lives in "
    "this hamlet, tell the commune so that the start-of-year list is corrected."
)
PLAIN_BINH = (
    "Hộ 002 (Lò Văn Bình) có trong danh sách đầu năm nhưng không có trong danh sách kỳ này; đã "
    "tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ các cột như các "
    "hộ khác) với Phân loại hộ 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác trong xã thì không ghi "
    "lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ."
)


def vanished_said(out, period: str) -> list[tuple]:
    """The 'vanished-household' lines of the consolidated workbook's issues sheet (whichever
    language): (Xóm, Giá trị, Nội dung)."""
    wb = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")
    return [
        (row[1], row[7], row[10])
        for sheet in wb
        for row in sheet.iter_rows(values_only=True)
        if len(row) > 10 and row[9] == "vanished-household"
    ]


def guide(out, period: str, hamlet: str) -> tuple[str, list[str]]:
    """A hamlet's feedback: its 'Cách sửa' text and the 'Cần sửa' column of its table."""
    wb = openpyxl.load_workbook(out / period / "PhanHoi" / f"{hamlet}_{period}.xlsx")
    rows = list(wb["Hướng dẫn sửa"].iter_rows(values_only=True))
    how = next(row[3] for row in rows if row[0] == "Cách sửa:")
    at = next(i for i, row in enumerate(rows) if row[0] == "STT")
    return how, [row[7] for row in rows[at + 1 :] if isinstance(row[0], int)]


def january(folder, out, na_mon: list[tuple], ban_co_total, ban_co_moved=MOVED["Bản Cọ"],
            lang: str = "vi") -> None:  # fmt: skip
    """January 2025's lists: Nà Mòn's ``na_mon``; Bản Cọ its own and ``ban_co_moved``, its
    'Tổng số hộ dân cư' ``ban_co_total``; Đồng Kè its own; run in ``lang``."""
    prepared = date(2025, 2, 3)
    for hamlet, slug, total, rows in (
        ("Nà Mòn", "NaMon", 100, na_mon_rows(na_mon)),
        ("Bản Cọ", "BanCo", ban_co_total, year_turn_households("Bản Cọ", 2024) + na_mon_rows(ban_co_moved)),
        ("Đồng Kè", "DongKe", 100, year_turn_households("Đồng Kè", 2024)),
    ):  # fmt: skip
        write_roster(folder, f"{slug}_2025-01.xlsx", hamlet, total, rows, "2025-01", prepared)
    execute(folder, out, "2025-01", lang=lang)


def test_a_household_moved_at_the_turn_to_a_refused_hamlet_is_said_under_decembers_code(
    tmp_path,
):
    """Bản Cọ's January list (its own and Cường 009) refused for its total 'abc'; Nà Mòn lists
    An alone. Cường's warning names 003, the code Nà Mòn's December list wrote, says the start
    list writes him in Bản Cọ under 009 and that Bản Cọ's file was refused, and asks nothing to
    be written here, neither his row nor 'Thoát' (the feedback's 'Cách sửa' says no row to
    add); Bình (002 on both lists, no renumbering) keeps the plain words against the start
    list. In English (`--lang en`) the same. Before: "Hộ 009 (Lò Văn Cường) có trong danh sách
    tháng 12/2024 …", asking Nà Mòn's head to write him again 'Thoát'."""
    folder, out = moved_at_the_turn(tmp_path)
    english = tmp_path / "en"
    shutil.copytree(out, english)
    january(folder, out, [AN], "abc")
    assert vanished_said(out, "2025-01") == [
        ("Nà Mòn", "002 (Lò Văn Bình)", PLAIN_BINH),
        ("Nà Mòn", "003 (Lò Văn Cường)", REFUSED_VI),
    ]
    how, said = guide(out, "2025-01", "Nà Mòn")
    assert sorted(said) == [PLAIN_BINH, REFUSED_VI]
    assert "ghi lại dòng của hộ đó vào trang 'Danh sách'" in how  # Bình's row, not Cường's
    january(folder, english, [AN], "abc", lang="en")
    assert [(h, v, m) for h, v, m in vanished_said(english, "2025-01") if v.startswith("003")] == [
        ("Nà Mòn", "003 (Lò Văn Cường)", REFUSED_EN)
    ]


def test_a_household_moved_at_the_turn_alone_gone_asks_no_row_in_the_feedback(tmp_path):
    """As above, Nà Mòn listing An and Bình: Cường's the one warning, its words those above;
    the feedback's 'Cách sửa' asks no row written again (before: "Hộ nào ở bảng dưới không
    còn trong danh sách thì ghi lại dòng của hộ đó …")."""
    folder, out = moved_at_the_turn(tmp_path)
    january(folder, out, [AN, BINH], "abc")
    assert vanished_said(out, "2025-01") == [("Nà Mòn", "003 (Lò Văn Cường)", REFUSED_VI)]
    how, said = guide(out, "2025-01", "Nà Mòn")
    assert said == [REFUSED_VI]
    assert "ghi lại dòng" not in how


def test_a_household_moved_at_the_turn_keeping_its_code_missing_there_too(tmp_path):
    """The start list writes Cường under his own 003 in Bản Cọ; Bản Cọ's January list accepted
    without him. Nà Mòn's warning: 003, moved to Bản Cọ by the start list, whose list lacks
    him, not to be written here; Bản Cọ's own (against the start list) the plain words.
    Before: Nà Mòn asked to write him again 'Thoát'."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, [AN, BINH], {"Bản Cọ": [CUONG]})
    run_renumbered_month(folder, out, "2024-12", [AN, BINH, CUONG], date(2025, 1, 3))
    january(folder, out, [AN, BINH], 100, [])
    assert vanished_said(out, "2025-01") == [
        ("Bản Cọ", "003 (Lò Văn Cường)",
         "Hộ 003 (Lò Văn Cường) có trong danh sách đầu năm nhưng không có trong danh sách kỳ "
         "này; đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ "
         "các cột như các hộ khác) với Phân loại hộ 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác "
         "trong xã thì không ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ "
         "cũ."),
        ("Nà Mòn", "003 (Lò Văn Cường)",
         "Hộ 003 (Lò Văn Cường) có trong danh sách tháng 12/2024 của xóm nhưng không có trong "
         "danh sách kỳ này; danh sách đầu năm 2025 ghi hộ ở xóm Bản Cọ, Mã hộ 003, nhưng danh "
         "sách kỳ này của xóm đó chưa có hộ (hoặc xóm đó chưa gửi danh sách), vì vậy kỳ này hộ "
         "tạm được tính là thoát khỏi xóm. Hộ đã chuyển đi thì không ghi lại dòng của hộ vào "
         "danh sách này, đừng ghi 'Thoát': xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã "
         "hộ đó. Nếu hộ vẫn ở xóm này, hãy báo xã để sửa danh sách đầu năm."),
    ]  # fmt: skip
