"""Session 61 (helper B): another household's row under a listed household's code, left out for
an error in another hamlet, is not that household moved there (session 60 B's and C2's Left).

The small commune (tests.commune): NM5 (Hoàng Văn NM5, 1970) near-poor on Nà Mòn's start list,
NM4 near-poor beside it. The twin: Lò Thị Trùng (1981), another head and ID number, written
under 'NM5' in Bản Cọ's list with 0 members (left out for that error). Two heads named alike
nowhere are two households (session 48): the twin's row holds not NM5, in the history walk
(`timeline.departures`) nor in the tables (`moves.code_reused`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session54_b_renumbered_within import na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session57_b_turn_kept import run_january
from tests.test_session58_f_kept_recoded import month_run, said_of
from tests.test_session60_c2_code_changed_elsewhere import (
    AN,
    BINH,
    CUONG_003,
    CUONG_009,
    MOVED_VI,
    code_changed_said,
)

VANISHED_NM5 = (
    "Hộ NM5 (Hoàng Văn NM5) có trong danh sách đầu năm nhưng không có trong danh sách kỳ "
    "này; đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ các "
    "cột như các hộ khác) với Phân loại hộ 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác trong xã "
    "thì không ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ."
)


def other_head_nm5(**extra) -> dict:
    """A row of another household under Nà Mòn's NM5 (another head, another birth year)."""
    return person("NM5", "near_poor", chu_ho="Lò Thị Trùng NM5", nam_sinh=1981, **extra)


def _twin() -> dict:
    return other_head_nm5(nhan_khau=0)


def na_mon_with(with_nm5: bool = True) -> list[dict]:
    rows = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
            person("NM4", "near_poor")]  # fmt: skip
    return [*rows, person("NM5", "near_poor")] if with_nm5 else rows


def near_of(hamlet: dict, scope: str) -> dict:
    """The near-poor columns of a table that are not 0."""
    return {k: v for k, v in hamlet[scope]["near_poor"].items() if v}


def asked_of(out: Path, period: str) -> list[tuple]:
    return [row[:3] + (row[4],) for row in said_of(out, period)
            if row[3] == "vanished-household"]  # fmt: skip


def gone_in_may_back_in_june(folder: Path, out: Path) -> None:
    """May: Nà Mòn's list without NM5 (Bản Cọ silent): NM5 gone from Nà Mòn's near-poor in
    both tables (2 to 1, exited 1), its head asked; June: NM5 back, 'Tái cận nghèo' against
    May (month: 1 + new 1 of which returned 1 = 2; year: 2 to 2)."""
    may = run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_with(False), "Đồng Kè": dk_rows()})
    for scope in ("movements", "movements_month"):
        assert (scope, near_of(may["Nà Mòn"], scope)) == (
            scope, {"start": 2, "exited": 1, "end": 1})  # fmt: skip
    assert asked_of(out, "2024-05") == [("Nà Mòn", None, "NM5 (Hoàng Văn NM5)", VANISHED_NM5)]
    june = run_lists(folder, out, "2024-06", {"Nà Mòn": na_mon_with(), "Đồng Kè": dk_rows()})
    assert near_of(june["Nà Mòn"], "movements_month") == {
        "start": 1, "new": 1, "returned": 1, "end": 2}  # fmt: skip
    assert near_of(june["Nà Mòn"], "movements") == {"start": 2, "end": 2}
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "NM5"] == [
        ("Nà Mòn", "NM5", "Tái cận nghèo", "So với tháng trước"),
    ]


def test_a_twin_row_of_another_head_does_not_take_the_household_there(tmp_path):
    """Worked by hand. April: Nà Mòn sends nothing; Bản Cọ's list holds the twin (left out).
    May: Nà Mòn's list without NM5, Bản Cọ silent: NM5 left the lists (the twin's row is
    another household's), both tables near-poor 2, exited 1, 1 (NM4), and Nà Mòn's head is
    asked to confirm NM5's exit. June, NM5 on Nà Mòn's list again: the month's table (May's
    list, NM4) 1, new 1 of which returned 1 (tái cận nghèo), 2; the year's 2 to 2, nothing
    moved. Before: May's tables had NM5 moved out to Bản Cọ (not counted there), no ask, and
    June's month table counted it again ('Tính lại (dòng đã sửa lỗi)'), a row that never had
    an error in Nà Mòn."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04", {"Bản Cọ": [*bc_rows(), _twin()], "Đồng Kè": dk_rows()})
    gone_in_may_back_in_june(folder, out)


def test_the_twin_alone_in_a_list_sent_now_moves_nothing_in(tmp_path):
    """April: NM5 on Nà Mòn's list and the twin on Bản Cọ's (the code written twice: both rows
    left out, §4 of the contract). May: Nà Mòn without NM5, Bản Cọ's list still with the twin
    (left out, now alone under the code). Worked by hand: NM5 left Nà Mòn's list; the year's
    table Nà Mòn near-poor 2, exited 1, 1 (asked), Bản Cọ 1 to 1, nothing moved in (the twin
    is no household of the start list). Before: Nà Mòn moved out 1, Bản Cọ moved in 1 and not
    counted 1, 'Biến động' naming Hoàng Văn NM5 in Bản Cọ's row, whose head is Lò Thị Trùng."""
    folder, out = new_commune(tmp_path)
    twice = {"Nà Mòn": na_mon_with(), "Bản Cọ": [*bc_rows(), _twin()], "Đồng Kè": dk_rows()}
    run_lists(folder, out, "2024-04", twice)
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": na_mon_with(False), "Bản Cọ": [*bc_rows(), _twin()],
                     "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    assert near_of(may["Bản Cọ"], "movements") == {"start": 1, "end": 1}
    assert asked_of(out, "2024-05") == [("Nà Mòn", None, "NM5 (Hoàng Văn NM5)", VANISHED_NM5)]
    assert [r[0] for r in listed_movements(out, "2024-05") if r[1] == "NM5"] == ["Nà Mòn"]


def test_held_by_name_beside_a_twin_in_a_list_sent_now(tmp_path):
    """Session 60 B's second Left. April: the three lists. May: Nà Mòn writes NM5 without its
    Mã hộ (held by name) while Bản Cọ's list, sent, holds the twin: NM5 near-poor not counted 1
    in both tables (as before). June: Nà Mòn without NM5, Bản Cọ with the twin again: the year's
    table exited 1 (asked), Bản Cọ nothing moved in; the month's (May's list held NM5's row, not
    counted) 1 to 1. July, NM5 back: tái cận nghèo in the month's table, the year's 2 to 2.
    Before: June's year table had NM5 moved out to Bản Cọ (and moved in there, not counted),
    and July's month table counted it again. The heads need no other question: Nà Mòn's is
    told to write the Mã hộ (May), then asked to confirm the exit (June); Bản Cọ's row is told
    its size (each month), its code written twice once both rows are counted (contract §4)."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": na_mon_with(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    nameless = dict(person("NM5", "near_poor"), ma_ho=None)
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": [*na_mon_with(False), nameless], "Bản Cọ": [*bc_rows(), _twin()],
                     "Đồng Kè": dk_rows()})  # fmt: skip
    for scope in ("movements", "movements_month"):
        assert (scope, near_of(may["Nà Mòn"], scope)) == (
            scope, {"start": 2, "not_counted": 1, "end": 1})  # fmt: skip
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": na_mon_with(False), "Bản Cọ": [*bc_rows(), _twin()],
                      "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(june["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    assert near_of(june["Nà Mòn"], "movements_month") == {"start": 1, "end": 1}
    assert near_of(june["Bản Cọ"], "movements") == {"start": 1, "end": 1}
    assert asked_of(out, "2024-06") == [("Nà Mòn", None, "NM5 (Hoàng Văn NM5)", VANISHED_NM5)]
    july = run_lists(folder, out, "2024-07",
                     {"Nà Mòn": na_mon_with(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(july["Nà Mòn"], "movements_month") == {
        "start": 1, "new": 1, "returned": 1, "end": 2}  # fmt: skip
    assert near_of(july["Nà Mòn"], "movements") == {"start": 2, "end": 2}


def test_its_own_head_in_a_row_left_out_elsewhere_is_still_a_move(tmp_path):
    """A guard (passes before): NM5's own head (name and year as the start list's) written in
    Bản Cọ's April list with 0 members while Nà Mòn is silent; May, Nà Mòn without it, Bản Cọ
    silent: moved out to Bản Cọ (sessions 10 and 39), in both tables; June, Bản Cọ lists it:
    the year's table moved in 1, the month's (April's list) counted again 1."""
    folder, out = new_commune(tmp_path)
    own = person("NM5", "near_poor", nhan_khau=0)
    run_lists(folder, out, "2024-04", {"Bản Cọ": [*bc_rows(), own], "Đồng Kè": dk_rows()})
    may = run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_with(False), "Đồng Kè": dk_rows()})
    for scope in ("movements", "movements_month"):
        assert (scope, near_of(may["Nà Mòn"], scope)) == (
            scope, {"start": 2, "moved_out": 1, "end": 1})  # fmt: skip
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": na_mon_with(False), "Bản Cọ": [*bc_rows(), person("NM5", "near_poor")],
                      "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(june["Bản Cọ"], "movements") == {"start": 1, "moved_in": 1, "end": 2}
    assert near_of(june["Bản Cọ"], "movements_month") == {"start": 1, "recounted": 1, "end": 2}


# --------------------------------------------------------------------------- C2's Left


def test_a_hamlet_refused_two_months_running_names_its_latest_list(tmp_path):
    """C2's commune: Bản Cọ's January list writes Cường 009. February and March: Bản Cọ's list
    refused (its total 'abc'); Nà Mòn writes Cường 003 in March. His row's words name the list
    that last had him, Bản Cọ's January list, as February's do with Bản Cọ refused once.
    Before: "trong danh sách đầu năm của xóm Bản Cọ" (last month's lists have no Bản Cọ)."""
    _, out = run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    month_run(tmp_path, out, 2, [AN, BINH], "abc")
    month_run(tmp_path, out, 3, [AN, BINH, CUONG_003], "abc")
    assert code_changed_said(out, "2025-03") == [("Nà Mòn", "B7", "003", MOVED_VI)]


def test_the_other_code_held_by_a_row_left_out_elsewhere_is_taken(tmp_path):
    """C2's Left: February as January; March: Bản Cọ writes Em 007, Đồng Kè writes Giang 005
    (the two codes swapped across hamlets) with 0 members (left out). Em's row is told that
    '005' is another household's code now, not to write a 'Thoát' row under it (which would
    write 005 twice in the commune). Before: the plain words, "hãy ghi lại dòng của hộ mã
    '005' với Phân loại hộ 'Thoát'" (the tables moved Em out into Giang's row, not paired)."""
    from tests.test_session60_c2_code_changed_elsewhere import DUNG, EM, GIANG, HAI, PHUONG

    _, out = run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    folder = tmp_path / "vao"

    def month(number: int, ban_co: list[tuple], dong_ke: list[dict]) -> None:
        for hamlet, slug, rows in (("Nà Mòn", "NaMon", na_mon_rows([AN, BINH])),
                                   ("Bản Cọ", "BanCo", na_mon_rows(ban_co)),
                                   ("Đồng Kè", "DongKe", dong_ke)):  # fmt: skip
            write_roster(folder, f"{slug}_2025-{number:02d}.xlsx", hamlet, 100, rows,
                         f"2025-{number:02d}", date(2025, number + 1, 3))  # fmt: skip
        execute(folder, out, f"2025-{number:02d}")

    month(2, [DUNG, EM, PHUONG, CUONG_009], na_mon_rows([GIANG, HAI]))
    giang = dict(na_mon_rows([("005", *GIANG[1:])])[0], nhan_khau=0)
    month(3, [DUNG, ("007", *EM[1:]), PHUONG, CUONG_009], [giang, *na_mon_rows([HAI])])
    assert code_changed_said(out, "2025-03") == [
        (
            "Bản Cọ",
            "B6",
            "007",
            "Mã hộ '007' khác mã '005' của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong "
            "danh sách đầu năm, và mã '005' nay là mã của một hộ trong danh sách xóm khác (có "
            "thể hai mã bị ghi đổi cho nhau); hộ được tính là một hộ, không phải hộ thoát hay hộ "
            "mới. Nếu ghi nhầm mã: sửa theo mã trong sổ của xã. Nếu xã đã đổi mã cho hộ: không "
            "cần sửa. Nếu là hai hộ khác nhau: báo cán bộ xã, và đừng ghi dòng 'Thoát' với mã "
            "'005' (mã đó nay là của hộ khác).",
        ),
        # Giang's row, left out, told at once that '005' is Em's (session 63, B)
        (
            "Đồng Kè",
            "B5",
            "005",
            "Mã hộ '005' đã là mã của hộ 'Hà Thị Em' trong danh sách tháng 2/2025 của xóm Bản "
            "Cọ; nay ghi cho hộ 'Ma Văn Giang', chủ hộ khác họ tên (và khác số định danh, nếu có "
            "ghi). Dòng này chưa được tính vì lỗi khác đã báo ở cùng dòng. Khi sửa lỗi đó: nếu là "
            "hai hộ khác nhau, xin xã cấp mã hộ riêng cho hộ này rồi ghi vào ô này (giữ mã '005' "
            "thì dòng bị hiểu nhầm là hộ kia, và khi xóm đó cũng ghi mã này thì cả hai dòng đều "
            "không được tính); nếu ghi nhầm họ tên chủ hộ, sửa cho giống danh sách trước; nếu hộ "
            "đổi chủ hộ (vợ, chồng, con… làm chủ hộ), giữ nguyên mã và báo cán bộ xã (hộ sẽ được "
            "tính là hộ mới, không phải hộ chuyển đến).",
        ),
    ]
