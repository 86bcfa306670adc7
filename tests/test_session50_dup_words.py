"""The words of a Mã hộ two hamlets write for a household that moved (moves.duplicate_moved),
left by session 50's review: the head changed in the move, the old hamlet renamed, and `check`
of several months keeping a month's warnings when its scratch store fails (session 50).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list. Each head is
'Hoàng Văn <code>' with an ID number of its code; a list's third household is at row 7."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import new_commune, person, write_renamed_plan, write_roster
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session48_code_reused import json_totals, sheets
from tests.test_session50_check_months import vanished_words
from tests.test_session50_dup_check_review import two_months
from tests.test_session50_duplicate_moved import moved_away_words, moved_in_words, poor_moves

_BC = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
# NM3's household with its head's ID number, headed by his wife since he died
_LAN = {"chu_ho": "Hoàng Thị Lan"}


# Nà Mòn's row with its ID number, or without (the old head's then from the start list)
@pytest.mark.parametrize("own_id", [True, False])
def test_a_head_changed_in_the_move_is_told_by_the_id_number_not_as_the_same_head(tmp_path, own_id):
    """April: the three hamlets their own lists. May: NM3's household moved to Đồng Kè, which
    lists it under NM3 headed by 'Hoàng Thị Lan' with the old head's ID number; Nà Mòn still
    lists NM3 'Hoàng Văn NM3' (with his ID number, or none: April's row has it, from the start
    list). Before, both rows said "cùng chủ hộ" (the same head) though the names differ. Now
    each says the ID number is the same, the names not, naming both heads.
    Figures as before, by hand: both rows left out; Nà Mòn's year and month poor 3, not
    counted 1, 2; Đồng Kè 1 = 1; the commune's 6, not counted 1, 5 in both tables."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": _BC, "Đồng Kè": dk_rows()}
    )
    lan = person("NM3", "poor", **_LAN)
    lan["so_dinh_danh"] = person("NM3", "poor")["so_dinh_danh"]
    nam_mon = [dict(row, so_dinh_danh=None) if row["ma_ho"] == "NM3" and not own_id else row
               for row in na_mon_rows()]  # fmt: skip
    may = run_lists(folder, out, "2024-05",
                 {"Nà Mòn": nam_mon, "Bản Cọ": _BC, "Đồng Kè": [*dk_rows(), lan]})  # fmt: skip
    _, said = sheets(out, "2024-05", "NM3")
    away = (
        "Mã hộ 'NM3' bị trùng với xóm Đồng Kè, tệp DS_2_2024-05.xlsx, dòng 7, cùng số "
        "CCCD/định danh của chủ hộ, tên chủ hộ khác: dòng này ghi 'Hoàng Văn NM3', xóm Đồng Kè "
        "ghi 'Hoàng Thị Lan'. Hộ có trong danh sách trước của xóm Nà Mòn, nay xóm kia ghi hộ "
        "vào danh sách của mình (có thể hộ đã đổi chủ hộ): hộ đã chuyển đi. Hãy xóa dòng này "
        "khỏi danh sách của xóm Nà Mòn (không ghi 'Thoát': xóm kia giữ dòng của hộ, với Mã hộ "
        "cũ). Nếu hộ chưa chuyển đi, hoặc đây là hai hộ khác nhau, hãy báo xã (các dòng này "
        "tạm chưa được tính)."
    )
    came = (
        "Mã hộ 'NM3' bị trùng với xóm Nà Mòn, tệp DS_0_2024-05.xlsx, dòng 7, cùng số "
        "CCCD/định danh của chủ hộ, tên chủ hộ khác: dòng này ghi 'Hoàng Thị Lan', danh sách "
        "tháng 4/2024 của xóm Nà Mòn ghi 'Hoàng Văn NM3'. Hộ có trong danh sách đó, nay xóm "
        "Đồng Kè ghi hộ vào danh sách của mình (có thể hộ đã đổi chủ hộ): hộ đã chuyển đến xóm "
        "Đồng Kè. Hãy giữ nguyên dòng này; xóm cũ của hộ cần xóa dòng của hộ khỏi danh sách "
        "của xóm đó (không ghi 'Thoát'). Nếu hộ chưa chuyển đến, hãy xóa dòng này; nếu đây là "
        "hai hộ khác nhau, hãy sửa số định danh và mã của hộ ghi sai theo sổ quản lý hộ nghèo "
        "của xã (các dòng này tạm chưa được tính)."
    )
    assert sorted((hamlet, cell, message) for hamlet, _, cell, _, message in said) == [
        ("Nà Mòn", "B7", away),
        ("Đồng Kè", "B7", came),
    ]
    assert poor_moves(may["Nà Mòn"]) == ((3, 1, 0, 0, 0, 2), (3, 1, 0, 0, 0, 2))
    assert poor_moves(may["Đồng Kè"]) == ((1, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 1))
    assert poor_moves(json_totals(out, "2024-05")) == ((6, 1, 0, 0, 0, 5), (6, 1, 0, 0, 0, 5))


def test_a_renamed_hamlets_old_list_is_named_as_it_wrote_itself(tmp_path):
    """April: the three hamlets their own lists, Nà Mòn as 'Nà Mòn'. The plan renames it 'Nà
    Mòn Mới'; May: its list (under the new name) still has NM3, which Đồng Kè lists too under
    the same head. Đồng Kè's row named the old list "danh sách tháng 4/2024 của xóm Nà Mòn
    Mới", a name April's list never had; now "… của xóm Nà Mòn", as that list wrote it. Nà
    Mòn Mới's own row keeps its name now ("danh sách trước của xóm Nà Mòn Mới": its own
    list). Figures as before, by hand: Nà Mòn Mới's year and month poor 3, not counted 1, 2;
    Đồng Kè 1 = 1; the commune's 6, not counted 1, 5 in both tables."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": _BC, "Đồng Kè": dk_rows()}
    )
    write_renamed_plan(folder, {"Nà Mòn": "Nà Mòn Mới"})
    may = run_lists(folder, out, "2024-05",
                 {"Nà Mòn Mới": na_mon_rows(), "Bản Cọ": _BC,
                  "Đồng Kè": [*dk_rows(), person("NM3", "poor")]})  # fmt: skip
    _, said = sheets(out, "2024-05", "NM3")
    assert sorted((hamlet, cell, message) for hamlet, _, cell, _, message in said) == [
        ("Nà Mòn Mới", "B7", moved_away_words("NM3", "Nà Mòn Mới", "Đồng Kè", "DS_2_2024-05.xlsx")),
        ("Đồng Kè", "B7", moved_in_words("NM3", "danh sách tháng 4/2024 của xóm Nà Mòn", "Đồng Kè",
                              "xóm Nà Mòn Mới, tệp DS_0_2024-05.xlsx")),
    ]  # fmt: skip
    assert poor_moves(may["Nà Mòn Mới"]) == ((3, 1, 0, 0, 0, 2), (3, 1, 0, 0, 0, 2))
    assert poor_moves(may["Đồng Kè"]) == ((1, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 1))
    assert poor_moves(json_totals(out, "2024-05")) == ((6, 1, 0, 0, 0, 5), (6, 1, 0, 0, 0, 5))


def test_a_month_whose_scratch_store_fails_keeps_its_own_warnings(tmp_path, monkeypatch):
    """`check` of April's and May's lists (March run; April drops NM2 and lists NM6, May drops
    NM2, NM3 and NM6). Storing April into the scratch copy fails (its disk full): April's own
    warning (NM2, against March and the start list) was dropped with it; now it is said, and
    May, with April not stored, is compared with March as after a month not stored. By hand:
    April's file NM2; May's file NM2 and NM3 (both on March's list and the start list, said
    by the year's table: 'danh sách đầu năm'), not NM6 (on no list stored). The history's
    bytes unchanged."""
    from pipeline.history import HistoryStore

    folder, out = two_months(tmp_path)
    history = out / "lich-su.sqlite"
    before = history.read_bytes()
    save = HistoryStore.save

    def full(self, *args, **kwargs):
        if "giamngheo-check-" in str(self.path):
            raise sqlite3.OperationalError("database or disk is full")
        return save(self, *args, **kwargs)

    monkeypatch.setattr(HistoryStore, "save", full)
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    assert [line for line in checked.splitlines() if "(vanished-household)" in line] == [
        vanished_words("DS_0_2024-04.xlsx", "NM2", "danh sách đầu năm"),
        vanished_words("DS_0_2024-05.xlsx", "NM2", "danh sách đầu năm"),
        vanished_words("DS_0_2024-05.xlsx", "NM3", "danh sách đầu năm"),
    ]
    assert history.read_bytes() == before


def test_check_says_the_head_changed_as_the_run_will(tmp_path):
    """`check` of May's lists above (the plan among them, April run) before May is run: both
    rows told by the ID number as the run tells them (run.MOVED_DUPLICATE), naming both heads;
    not "cùng chủ hộ", not asked where the household lives."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": _BC, "Đồng Kè": dk_rows()}
    )
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    lan = person("NM3", "poor", **_LAN)
    lan["so_dinh_danh"] = person("NM3", "poor")["so_dinh_danh"]
    lists = {
        "Nà Mòn": (100, na_mon_rows()),
        "Bản Cọ": (200, _BC),
        "Đồng Kè": (150, [*dk_rows(), lan]),
    }
    for n, (hamlet, (size, rows)) in enumerate(lists.items()):
        write_roster(
            folder, f"DS_{n}_2024-05.xlsx", hamlet, size, rows, "2024-05", date(2024, 6, 3)
        )
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    lines = [line for line in checked.splitlines() if "(duplicate-household-id)" in line]
    at = {line.split(": ", 1)[0]: line for line in lines}
    away = at.pop("[LỖI] DS_0_2024-05.xlsx, Danh sách, B7 (duplicate-household-id)")
    came = at.pop("[LỖI] DS_2_2024-05.xlsx, Danh sách, B7 (duplicate-household-id)")
    assert at == {}
    assert (
        "tên chủ hộ khác: dòng này ghi 'Hoàng Văn NM3', xóm Đồng Kè ghi 'Hoàng Thị Lan'. " in away
    )
    assert (
        "tên chủ hộ khác: dòng này ghi 'Hoàng Thị Lan', danh sách tháng 4/2024 của xóm Nà Mòn "
        "ghi 'Hoàng Văn NM3'. " in came
    )
    assert "cùng chủ hộ" not in checked and "ở xóm nơi hộ đang sống" not in checked


def test_a_code_reused_after_a_rename_names_the_old_list_as_it_wrote_itself(tmp_path):
    """The same naming in the 'reused' warning (moves.code_reused reads the month's list by
    the same Heads): April, Nà Mòn lists NM6 'Hoàng Văn NM6' (new, on no start list); the plan
    renames Nà Mòn 'Nà Mòn Mới'; May, Nà Mòn Mới drops NM6 and Đồng Kè writes NM6 for 'Lò Thị
    Mai' (another head, her own ID number). The warning named April's list "của xóm Nà Mòn
    Mới"; now "của xóm Nà Mòn". Figures unchanged, by hand: Đồng Kè's month 1 + 1 new = 2
    (Lò Thị Mai new, not moved in)."""
    from tests.test_session48_code_reused import MAI, reused

    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
           {"Nà Mòn": na_mon_rows(person("NM6", "poor")), "Bản Cọ": _BC, "Đồng Kè": dk_rows()})  # fmt: skip
    write_renamed_plan(folder, {"Nà Mòn": "Nà Mòn Mới"})
    may = run_lists(folder, out, "2024-05",
                 {"Nà Mòn Mới": na_mon_rows(), "Bản Cọ": _BC,
                  "Đồng Kè": [*dk_rows(), person("NM6", "poor", **MAI)]})  # fmt: skip
    moves, said = sheets(out, "2024-05", "NM6")
    assert [(hamlet, message) for hamlet, _, _, _, message in said] == [
        ("Đồng Kè", reused("Đồng Kè", "NM6", "Hoàng Văn NM6", "danh sách tháng 4/2024", "Nà Mòn"))
    ]
    assert may["Đồng Kè"]["movements_month"]["poor"]["new"] == 1
    assert may["Đồng Kè"]["movements_month"]["poor"]["moved_in"] == 0
    assert may["Đồng Kè"]["movements_month"]["poor"]["end"] == 2
