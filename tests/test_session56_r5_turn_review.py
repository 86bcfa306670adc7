"""Session 56 (helper R5): review of the late year's-turn changes (M, N, N2). A list missing most
of last year's households, one or more of them moved to another hamlet by the year's start list:
the 'households-mostly-gone' warning says those moved, not to be written again nor 'Thoát'
(N2's Left). The commune of tests.test_session56_n2_vanished_moved, Nà Mòn's December 2024 with
four more poor households (Lò Văn Phụ 0-3, 020-023) kept by the 2025 start list."""

from __future__ import annotations

import shutil
from datetime import date
from types import SimpleNamespace

import openpyxl

from pipeline.notices import mostly_gone_notes
from pipeline.types import Issue
from tests.test_session54_b_renumbered_within import run_renumbered_month, write_renumbered_plans
from tests.test_session56_b_turn_moved import AN, BINH, CUONG, MOVED, table
from tests.test_session56_m_small_merger import (
    DECEMBER,
    DUNG,
    EM,
    GIANG,
    HAI,
    PHUONG,
    TAM,
    merged_lists,
    run_month,
    write_plans,
)
from tests.test_session56_n2_vanished_moved import guide, january

PHU = [(f"02{i}", f"Lò Văn Phụ {i}", 1970 + i, "poor") for i in range(4)]

MOSTLY_MOVED_VI = (
    "5 trong 7 hộ nghèo, hộ cận nghèo có trong danh sách tháng 12/2024 không có trong danh sách "
    "kỳ này và đã được tính là thoát (xem cảnh báo của từng hộ); trong đó hộ mà danh sách đầu "
    "năm ghi ở xóm khác là hộ đã chuyển đi, không phải đã thoát: đừng ghi lại dòng của hộ vào "
    "danh sách này, đừng ghi 'Thoát'. Nếu danh sách này chỉ ghi các hộ thay đổi (danh sách bổ "
    "sung), hãy nhờ trưởng xóm gửi danh sách đầy đủ mọi hộ nghèo, hộ cận nghèo của xóm kỳ này "
    "rồi tổng hợp lại; nếu các hộ khác thật sự đã thoát, hãy ghi lại dòng của từng hộ với Phân "
    "loại hộ 'Thoát'."
)
MOSTLY_MOVED_HEAD = (
    "5 trong 7 hộ nghèo, hộ cận nghèo có trong danh sách tháng 12/2024 không có trong danh sách "
    "kỳ này nên đã được tính là thoát (xem cảnh báo của từng hộ); trong đó hộ mà danh sách đầu "
    "năm ghi ở xóm khác là hộ đã chuyển đi, không phải đã thoát: đừng ghi lại dòng của hộ vào "
    "danh sách này, đừng ghi 'Thoát'. Nếu danh sách này chỉ ghi các hộ thay đổi (danh sách bổ "
    "sung), hãy gửi lại cho xã danh sách đầy đủ mọi hộ nghèo, hộ cận nghèo của xóm kỳ này; nếu "
    "các hộ khác thật sự đã thoát, hãy ghi lại dòng của từng hộ với Phân loại hộ 'Thoát'."
)
MOSTLY_MOVED_EN = (
    "5 of the 7 poor and near-poor households on the list of 12/2024 are missing from this "
    "period's roster and are counted as exited (see each household's warning); of them, a "
    "household the start-of-year list writes in another hamlet moved there and has not exited: "
    "do not write its row again on this list, nor 'Thoát'. If this roster lists only the "
    "households that changed (a supplementary list), ask the hamlet head for the full list of "
    "every poor and near-poor household this period and consolidate again; if the others really "
    "exited, write each one's row again with Phân loại hộ 'Thoát'."
)


def mostly_gone_said(out, period: str) -> list[tuple]:
    """The 'households-mostly-gone' lines of the consolidated workbook: (Xóm, Giá trị, Nội dung)."""
    wb = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")
    return [
        (row[1], row[7], row[10])
        for sheet in wb
        for row in sheet.iter_rows(values_only=True)
        if len(row) > 10 and row[9] == "households-mostly-gone"
    ]


def test_a_list_missing_most_households_one_moved_at_the_turn_says_it_moved(tmp_path):
    """December 2024 Nà Mòn: An 001, Cường 003, Phụ 0-3 020-023 poor, Bình 002 near-poor (7);
    the 2025 start list writes Cường in Bản Cọ as 009, Bản Cọ's January list refused ('abc'
    total); Nà Mòn's January lists An and Bình alone. Worked by hand: gone 5 of the 7 (Cường
    and the four Phụ), at least 5 and more than half, so the list is said mostly gone, and of
    them Cường moved by the start list: not to be written again nor 'Thoát', the 'Thoát' asked
    only of the others; the head's feedback in its own words. In English the same. Before: "… nếu các hộ đó thật sự đã thoát, hãy
    ghi lại dòng của từng hộ với Phân loại hộ 'Thoát'", Cường among them."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, [AN, BINH, *PHU], MOVED)
    run_renumbered_month(folder, out, "2024-12", [AN, BINH, CUONG, *PHU], date(2025, 1, 3))
    english = tmp_path / "en"
    shutil.copytree(out, english)
    january(folder, out, [AN, BINH], "abc")
    assert mostly_gone_said(out, "2025-01") == [("Nà Mòn", "5", MOSTLY_MOVED_VI)]
    assert MOSTLY_MOVED_HEAD in guide(out, "2025-01", "Nà Mòn")[1]  # the head's own words
    january(folder, english, [AN, BINH], "abc", lang="en")
    assert mostly_gone_said(english, "2025-01") == [("Nà Mòn", "5", MOSTLY_MOVED_EN)]


def test_the_screen_line_of_a_list_missing_households_moved_at_the_turn_says_them_not_exited():
    """notices.mostly_gone_notes of a 'moved' and a 'moved-several' warning (5 of 7 missing
    from 'NaMon_2025-01.xlsx' against December's list): the clause said after 'thoát', one
    household or several in English."""
    said = [
        Issue("households-mostly-gone", file="NaMon_2025-01.xlsx", hamlet="Nà Mòn", value="5",
              instead="7", detail="danh sách tháng 12/2024", variant=variant)
        for variant in ("moved", "moved-several")
    ]  # fmt: skip
    notes = mostly_gone_notes(SimpleNamespace(issues=said))
    vi = (
        "Xóm Nà Mòn: 5 trong 7 hộ nghèo, hộ cận nghèo có trong danh sách tháng 12/2024 không có "
        "trong danh sách 'NaMon_2025-01.xlsx' và đã được tính là thoát; trong đó hộ mà danh "
        "sách đầu năm ghi ở xóm khác là hộ đã chuyển đi, không phải thoát. Nếu đó chỉ là danh "
        "sách bổ sung (các hộ thay đổi), hãy nhờ trưởng xóm gửi danh sách đầy đủ rồi chạy lại "
        "(xem trang 'Lỗi dữ liệu')."
    )
    assert [str(note) for note in notes] == [vi, vi]
    assert [note.en.split("exited")[1] for note in notes] == [
        "; of them, a household the start-of-year list writes in another hamlet moved there and "
        "has not ",
        "; of them, the households the start-of-year list writes in another hamlet moved there "
        "and have not ",
    ]


def test_a_small_merged_hamlets_list_sent_apart_under_its_old_name_is_said_merged(tmp_path):
    """M's merger of a hamlet of four (tests.test_session56_m_small_merger: Bản Cọ's Dung, Em,
    Phương under Nà Mòn on the 2025 start list, Tám under Đồng Kè), its old head sending
    January's list apart under 'Bản Cọ' (Dung, Em, Phương), Nà Mòn its own three, Đồng Kè its
    two and Tám. Worked by hand: Bản Cọ is merged into Nà Mòn, so its list is said a list of a
    merged part sent apart (3 households not counted, not exited) and Nà Mòn is left out of the
    commune's figures ('rejected'); Nà Mòn's month table from both hamlets' December: poor An,
    Cường, Dung, Em, Tám 5, not counted 2 (Dung, Em), moved out 1 (Tám), end 2; near-poor Bình,
    Phương 2, not counted 1, end 1; Đồng Kè poor 1, moved in 1, 2, near-poor 1 to 1. Under the
    80 % rule alone (before M) 3 of 4 was a split and Bản Cọ's list no merged part."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: DECEMBER, 2025: merged_lists({})})
    run_month(folder, out, "2024-12", DECEMBER, date(2025, 1, 3))
    summary = run_month(folder, out, "2025-01", {"Nà Mòn": [AN, BINH, CUONG],
                        "Bản Cọ": [DUNG, EM, PHUONG], "Đồng Kè": [GIANG, HAI, TAM]},
                        date(2025, 2, 3))  # fmt: skip
    na_mon, dong_ke = summary["hamlets"]
    assert (na_mon["hamlet"], na_mon["status"], na_mon.get("merged_from")) == (
        "Nà Mòn", "rejected", ["Bản Cọ"])  # fmt: skip
    assert table(na_mon["movements_month"]) == (
        (5, 0, 0, 2, 1, 0, 0, 0, 0, 0, 2), (2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1))  # fmt: skip
    assert (dong_ke["hamlet"], dong_ke["status"], table(dong_ke["movements_month"])) == (
        "Đồng Kè", "ok", ((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)))  # fmt: skip
    apart = [row for row in issues_of(out, "2025-01") if row[2] == "merged-list-apart"]
    assert apart == [(
        "Nà Mòn", "Bản Cọ", "merged-list-apart",
        "Số liệu của xóm Nà Mòn chưa đủ: 3 hộ của danh sách xóm 'Bản Cọ' gửi riêng (tệp "
        "DS_1_2025-01.xlsx, bị từ chối vì xóm 'Bản Cọ' không có trong kế hoạch) chưa được tính "
        "(không phải đã thoát), nên xóm Nà Mòn chưa được tính vào số liệu toàn xã. Nếu xóm 'Bản "
        "Cọ' đã sáp nhập vào xóm Nà Mòn, hãy ghi các hộ đó vào danh sách này (một danh sách cho "
        "cả xóm, với tổng số hộ dân cư của cả xóm sau sáp nhập) rồi gửi lại.",
    )]  # fmt: skip


def issues_of(out, period: str) -> list[tuple]:
    """'Lỗi dữ liệu''s rows: (Xóm, Giá trị, code, Nội dung)."""
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Lỗi dữ liệu"]
    return [(r[1], r[7], r[9], r[10]) for r in sheet.iter_rows(min_row=8, values_only=True) if r[9]]
