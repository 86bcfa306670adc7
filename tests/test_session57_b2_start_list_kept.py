"""Session 57 (helper B2): the start list's hamlet keeps a household two hamlets' lists write
under two codes (rosterchecks.kept_by_start_list) told alike by `check` and a run. The commune
of tests.test_session57_b_turn_kept: Nà Mòn's December 2024 An 001 poor, Bình 002 near-poor,
Cường (1953) 003 poor; the 2025 start list has An 001, Bình 002 in Nà Mòn and Cường under 009
in Bản Cọ (Bản Cọ's Dung, Em poor and its near-poor; Đồng Kè one of each)."""

from __future__ import annotations

import json
from datetime import date

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import AN, BINH
from tests.test_session57_b_turn_kept import (
    CUONG_011,
    KEPT_ACCEPTED,
    KEPT_REFUSED,
    KEPT_VI,
    STILL,
    TWICE_KEPT,
    TWICE_OTHER,
    issues_of,
    run_january,
    tables_of,
)
from tests.year_turn import year_turn_households

CUONG_009 = ("009", "Lò Văn Cường", 1953, "poor")  # as the start list writes him, in Bản Cọ


def _twice(issues) -> list[tuple]:
    return [
        (i.hamlet, i.cell, i.value, i.code, i.variant, i.message("vi"))
        for i in issues
        if i.code in ("duplicate-id-number", "duplicate-household-id", "all-rows-rejected")
    ]


def test_check_tells_the_household_on_two_lists_as_the_run_does(tmp_path):
    """Bản Cọ's January list with Cường 009, Nà Mòn's with him as 011 (An, Bình beside him).
    The run leaves Nà Mòn's row out (an error at its Mã hộ B7) and keeps Bản Cọ's (a warning at
    its ID number G8), words by hand in tests.test_session57_b_turn_kept. `check` of the same
    January lists with the 2025 plan says the same two, the same codes, cells and words.
    Before: `check` said the plain 'duplicate-id-number' warning at both rows' G cells ("Nếu là
    cùng một hộ được ghi nhiều lần, hãy chỉ giữ một dòng …"), nothing left out."""
    _, out = run_january(tmp_path, 100, [CUONG_009])
    run_said = [row for row in issues_of(out) if row[3] != "plan-commune-target-above-start"]
    assert run_said == [
        ("Bản Cọ", "G8", "036614931234", "duplicate-id-number", TWICE_KEPT),
        ("Nà Mòn", "B7", "011", "duplicate-household-id", TWICE_OTHER),
    ]
    folder = tmp_path / "vao"
    files = [folder / name for name in ("KeHoach_2025.xlsx", "NaMon_2025-01.xlsx",
                                         "BanCo_2025-01.xlsx", "DongKe_2025-01.xlsx")]  # fmt: skip
    said = check_files(files)
    assert _twice(said) == [
        ("Bản Cọ", "G8", "036614931234", "duplicate-id-number", "start-list-kept", TWICE_KEPT),
        ("Nà Mòn", "B7", "011", "duplicate-household-id", "start-list-other", TWICE_OTHER),
    ]
    left_out = [i for i in said if i.code == "duplicate-household-id"]
    assert [i.severity for i in left_out] == ["error"]


REFUSED_VI = (
    "Cả 1 dòng hộ trong danh sách đều chưa được tính: danh sách đầu năm ghi hộ ở xóm Bản Cọ, "
    "danh sách kỳ này của xóm Bản Cọ cũng ghi hộ (cùng số định danh của chủ hộ), nên xã tạm tính "
    "hộ ở đó (một hộ chỉ được tính một lần). Vì vậy tệp chưa được tính: xóm chưa có trong số "
    "liệu của xã (cả số hiện tại lẫn số đầu năm), vì nếu tính, xóm sẽ có 0 hộ nghèo và cận nghèo. "
    "Đề nghị các xóm xác nhận hộ đang sống ở xóm nào và làm theo hướng dẫn ở từng dòng được đánh "
    "dấu."
)
REFUSED_EN = (
    "All 1 household rows of the list are not counted: the start-of-year list has the household "
    "in hamlet Bản Cọ, whose list of this period writes it too (the head's same ID number), so "
    "the commune counts it there for now (a household is counted once)."
)
STATUS_VI = (
    "Danh sách chưa được tổng hợp vì cả 1 dòng hộ đều là hộ danh sách đầu năm ghi ở xóm Bản Cọ, "
    "được tạm tính ở đó vì danh sách kỳ này của xóm Bản Cọ cũng ghi hộ; hãy sửa các ô tô đỏ (xem "
    "bảng dưới) và gửi lại."
)


def test_a_list_whose_only_row_is_counted_in_the_start_lists_hamlet_is_refused_saying_so(
    tmp_path,
):
    """Nà Mòn's January list holds Cường 011 alone, Bản Cọ's Cường 009 (the start list's): the
    run leaves Nà Mòn's one row out (counted in Bản Cọ), so the list, every row left out, is
    refused ('all-rows-rejected'). Its words name Bản Cọ, where the start list and Bản Cọ's list
    have him and he is counted, and ask the hamlets where he lives, in 'Lỗi dữ liệu', the
    feedback's status and `check` alike. Worked by hand, Bản Cọ's month table poor 2, moved in
    1 (from Nà Mòn's December), 3. Before: "… có dòng vì 'Mã hộ' trùng với danh sách của xóm
    khác …; khi các mã hộ trùng đã được giải quyết …", though no code was used twice."""
    _, out = run_january(tmp_path, 100, [CUONG_009], na_mon=[CUONG_011])
    said = [row for row in issues_of(out) if row[3] == "all-rows-rejected"]
    assert said == [("Nà Mòn", None, None, "all-rows-rejected", REFUSED_VI)]
    sheet = openpyxl.load_workbook(out / "2025-01" / "PhanHoi" / "Nà Mòn_2025-01.xlsx")
    status = next([cell for cell in row[1:] if cell][0]
                  for row in sheet["Hướng dẫn sửa"].iter_rows(values_only=True)
                  if row[0] == "Tình trạng:")  # fmt: skip
    assert status == STATUS_VI
    summary = json.loads((out / "2025-01" / "TongHop_2025-01.json").read_text("utf-8"))
    ban_co = tables_of(summary)["Bản Cọ"][1][0]
    assert ban_co == (2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3)
    folder = tmp_path / "vao"
    files = [folder / name for name in ("KeHoach_2025.xlsx", "NaMon_2025-01.xlsx",
                                         "BanCo_2025-01.xlsx", "DongKe_2025-01.xlsx")]  # fmt: skip
    refused = [i for i in check_files(files) if i.code == "all-rows-rejected"]
    assert [(i.hamlet, i.variant, i.message("vi")) for i in refused] == [
        ("Nà Mòn", "start-list-other", REFUSED_VI)
    ]
    assert refused[0].message("en").startswith(REFUSED_EN)


def run_february(tmp_path, out, ban_co_total) -> dict:
    """February 2025's lists as January's of the (a) fixture (the heads changed nothing): Nà
    Mòn An, Bình, Cường 011; Bản Cọ its own (total ``ban_co_total``); Đồng Kè its own. Returns
    February's JSON."""
    folder = tmp_path / "vao"
    for hamlet, slug, total, rows in (
        ("Nà Mòn", "NaMon", 100, na_mon_rows([AN, BINH, CUONG_011])),
        ("Bản Cọ", "BanCo", ban_co_total, year_turn_households("Bản Cọ", 2024)),
        ("Đồng Kè", "DongKe", 100, year_turn_households("Đồng Kè", 2024)),
    ):
        write_roster(folder, f"{slug}_2025-02.xlsx", hamlet, total, rows, "2025-02",
                     date(2025, 3, 3))  # fmt: skip
    execute(folder, out, "2025-02")
    return json.loads((out / "2025-02" / "TongHop_2025-02.json").read_text("utf-8"))


def test_a_household_kept_here_the_start_list_writes_elsewhere_stays_moved_in_in_february(
    tmp_path,
):
    """(a) run on: January as tests.test_session57_b_turn_kept (Bản Cọ accepted without
    Cường, Nà Mòn with him as 011), February both lists unchanged. Worked by hand: the year's
    tables still compare with the start list (Cường 009 in Bản Cọ): Nà Mòn poor 1 (An), moved
    in 1, 2; Bản Cọ poor 3, moved out 1, 2; the commune 5, moved out 1, moved in 1, 5 (no exit,
    no return); near-poor 1 to 1 in each, the commune 3 to 3. The month's (January's lists):
    nothing moved, Nà Mòn 2, Bản Cọ 2, the commune 5. 'Biến động' lists the same two year's
    moves; the row's 'code-changed' 'moved-at-turn' is said again (the head has not answered
    it), word for word as January's. Before: Nà Mòn 'Tái nghèo' (new 1, returned 1), Bản Cọ
    009 exited ("Không còn trong danh sách từ tháng 1/2025"): the commune exited 1, new 1,
    returned 1 for a household that never left a list."""
    _, out = run_january(tmp_path, 100, [])
    summary = run_february(tmp_path, out, 100)
    assert tables_of(summary) == KEPT_ACCEPTED
    assert listed_movements(out, "2025-02") == [
        ("Nà Mòn", "011", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
        ("Bản Cọ", "009", "Chuyển sang Nà Mòn", "Từ đầu năm"),
    ]
    said = [row for row in issues_of(out, "2025-02")
            if row[3] != "plan-commune-target-above-start"]  # fmt: skip
    assert said == [("Nà Mòn", "B7", "011", "code-changed", KEPT_VI)]


def test_a_household_kept_here_its_start_list_hamlet_refused_stays_moved_in_in_february(
    tmp_path,
):
    """As above, Bản Cọ's list refused ('abc' total) in January and February. Worked by hand:
    Nà Mòn's tables as above (year 1, moved in 1, 2; month 2 to 2); the commune (Nà Mòn, Đồng
    Kè) year poor 2, moved in 1, 3, near-poor 2 to 2, month 3 to 3. Before: Nà Mòn new 1,
    returned 1 (the commune year 2, new 1, returned 1, 3)."""
    _, out = run_january(tmp_path, "abc", [])
    summary = run_february(tmp_path, out, "abc")
    assert tables_of(summary) == KEPT_REFUSED
    assert listed_movements(out, "2025-02") == [
        ("Nà Mòn", "011", "Chuyển đến từ Bản Cọ", "Từ đầu năm")
    ]


MOVED_KEPT = (
    "Số định danh '036614931234' trùng với xóm Nà Mòn, tệp NaMon_2025-06.xlsx, dòng 7, Mã hộ "
    "'012', dòng ghi chú hộ chuyển đến: có lẽ là cùng một hộ. Danh sách đầu năm ghi hộ ở xóm Bản "
    "Cọ với Mã hộ của dòng này, nên xã vẫn tính hộ ở xóm Bản Cọ; dòng kia tạm chưa được tính (một "
    "hộ chỉ được tính một lần). Nếu hộ đã chuyển đi, hãy xóa dòng này (không ghi 'Thoát'): khi đó "
    "xã tính hộ ở xóm kia; nếu hộ vẫn ở xóm Bản Cọ, giữ nguyên dòng này và báo xóm kia xóa dòng "
    "của hộ."
)
MOVED_OTHER = (
    "Hộ Mã hộ '012' (ghi chú chuyển đến) có cùng số định danh của chủ hộ với xóm Bản Cọ, tệp "
    "BanCo_2025-06.xlsx, dòng 8, Mã hộ '009': có lẽ là cùng một hộ. Danh sách đầu năm ghi hộ ở "
    "xóm kia với Mã hộ '009' và danh sách kỳ này của xóm kia vẫn ghi hộ, nên xã tạm tính hộ ở xóm "
    "kia; dòng này chưa được tính (một hộ chỉ được tính một lần). Nếu hộ đã chuyển đến xóm Nà Mòn, "
    "giữ nguyên dòng này và đề nghị xóm kia xóa dòng của hộ (không ghi 'Thoát'), rồi tổng hợp lại; "
    "không cần sửa danh sách đầu năm. Nếu hộ chưa chuyển đến, hãy xóa dòng này."
)


def test_a_household_moved_in_june_its_old_hamlet_still_listing_it_is_counted_once_there(
    tmp_path,
):
    """The mid-year move: Cường on the start list in Bản Cọ (009), listed there January to May
    (Nà Mòn An, Bình). In June Nà Mòn writes him under a new code, 012, 'Ghi chú' "Chuyển đến
    từ xóm Bản Cọ"; Bản Cọ's head forgets to delete his row. Worked by hand, counted once, in
    Bản Cọ until its head deletes the row (the start list's hamlet, as B's rule): Nà Mòn poor 1
    (An), near-poor 1 (Bình), both its tables 1 to 1; Bản Cọ poor 3, near-poor 1, both tables
    3 to 3; Đồng Kè 1 and 1; the commune poor 5 to 5, near-poor 3 to 3 in both tables, nothing
    moved. Both rows told and asked where he lives; as Nà Mòn's row notes a move in, neither
    asks to correct the start list (right in January): Bản Cọ's asks its head to delete its
    row if he moved, Nà Mòn's to keep its row and ask Bản Cọ to delete theirs. `check` of
    June's lists says the same. Before: the words asked Nà Mòn "báo xã để sửa danh sách đầu
    năm" for a move the start list could not have known."""
    cuong = [CUONG_009]
    _, out = run_january(tmp_path, 100, cuong, na_mon=[AN, BINH])
    folder = tmp_path / "vao"
    moved = na_mon_rows([("012", "Lò Văn Cường", 1953, "poor")])
    moved[0]["ghi_chu"] = "Chuyển đến từ xóm Bản Cọ"
    for month in (2, 3, 4, 5, 6):
        for hamlet, slug, rows in (
            ("Nà Mòn", "NaMon", na_mon_rows([AN, BINH]) + (moved if month == 6 else [])),
            ("Bản Cọ", "BanCo", year_turn_households("Bản Cọ", 2024) + na_mon_rows(cuong)),
            ("Đồng Kè", "DongKe", year_turn_households("Đồng Kè", 2024)),
        ):
            write_roster(folder, f"{slug}_2025-{month:02d}.xlsx", hamlet, 100, rows,
                         f"2025-{month:02d}", date(2025, month + 1, 3))  # fmt: skip
        execute(folder, out, f"2025-{month:02d}")
    summary = json.loads((out / "2025-06" / "TongHop_2025-06.json").read_text("utf-8"))
    ban_co = ((3, *[0] * 9, 3), STILL)
    assert tables_of(summary) == {
        "Nà Mòn": ((STILL, STILL), (STILL, STILL)),
        "Bản Cọ": (ban_co, ban_co),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (((5, *[0] * 9, 5), (3, *[0] * 9, 3)), ((5, *[0] * 9, 5), (3, *[0] * 9, 3))),
    }
    counts = {h["hamlet"]: (h["poor"], h["near_poor"]) for h in summary["hamlets"]}
    assert counts == {"Nà Mòn": (1, 1), "Bản Cọ": (3, 1), "Đồng Kè": (1, 1)}
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (5, 3)
    said = [row for row in issues_of(out, "2025-06")
            if row[3] != "plan-commune-target-above-start"]  # fmt: skip
    assert said == [
        ("Bản Cọ", "G8", "036614931234", "duplicate-id-number", MOVED_KEPT),
        ("Nà Mòn", "B7", "012", "duplicate-household-id", MOVED_OTHER),
    ]
    assert listed_movements(out, "2025-06") == []
    files = [folder / name for name in ("KeHoach_2025.xlsx", "NaMon_2025-06.xlsx",
                                         "BanCo_2025-06.xlsx", "DongKe_2025-06.xlsx")]  # fmt: skip
    assert [(h, cell, variant, words) for h, cell, _, _, variant, words
            in _twice(check_files(files))] == [
        ("Bản Cọ", "G8", "start-list-kept-moved", MOVED_KEPT),
        ("Nà Mòn", "B7", "start-list-other-moved", MOVED_OTHER),
    ]  # fmt: skip
