"""A Mã hộ two hamlets' lists write this month that neither hamlet's list compared with has
(session 51): told moved where a row's 'Ghi chú' or the history says which hamlet it left,
else both rows asked where it lives, naming both files, rows and heads and what to compare.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. Each head is 'Hoàng Văn <code>', born
1970, with an ID number of its code. Each list's households start at row 5, so Đồng Kè's
third household is at row 7 and Nà Mòn's sixth at row 10."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import _dk, _month, _na_mon
from tests.test_session48_code_reused import _MAI, _sheets, _totals
from tests.test_session50_duplicate_moved import _moves

_BC = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
_NM = "DS_0_2024-05.xlsx"
_DK = "DS_2_2024-05.xlsx"


def _april(tmp_path):
    """The commune with April run, the three hamlets their own lists."""
    folder, out = new_commune(tmp_path)
    _month(folder, out, "2024-04", {"Nà Mòn": _na_mon(), "Bản Cọ": _BC, "Đồng Kè": _dk()})
    return folder, out


def _asked(code: str, other: str, row: int, file: str, mine: int, me: str, them: str) -> str:
    """'new-both' by hand: ``other`` the other hamlet, its ``file`` and ``row``; ``mine`` this
    row; ``me``, ``them`` the heads written."""
    return (
        f"Mã hộ '{code}' bị trùng với xóm {other}, tệp {file}, dòng {row}: dòng này (tệp "
        f"{_NM if other == 'Đồng Kè' else _DK}, dòng {mine}) ghi chủ hộ '{me}', dòng kia ghi "
        f"'{them}'. Mã hộ này không có trong danh sách trước của cả hai xóm, nên chưa biết hộ "
        "đang sống ở xóm nào. Hãy so họ tên, năm sinh, số định danh của chủ hộ ở hai dòng và hỏi "
        "trưởng hai xóm: nếu là cùng một hộ, chỉ giữ dòng ở xóm nơi hộ đang sống, xóa dòng kia "
        "(không ghi 'Thoát'); nếu là hai hộ khác nhau, hãy sửa mã của hộ ghi sai theo sổ quản lý "
        "hộ nghèo của xã (các dòng này tạm chưa được tính)."
    )


def test_the_head_on_one_hamlets_list_under_another_code_tells_the_move(tmp_path):
    """April: Nà Mòn lists NM3 'Hoàng Văn NM3'. May: both Nà Mòn and Đồng Kè write him under a
    new code NX3 (his name, year and ID number); NM3 is on no list. Neither April list has NX3
    (was: both rows asked where it lives), but Nà Mòn's has its head under NM3: the household
    was Nà Mòn's and Đồng Kè lists it now, as when the code was kept (session 50). The figures
    as before, by hand: Nà Mòn's year (start NM1-NM3) and month (April: NM1-NM3) poor 3, not
    counted 1 (NM3, its row NX3 left out), end 2; Đồng Kè 1 = 1; the commune 6 - 1 = 5."""
    folder, out = _april(tmp_path)
    nx3 = {**person("NM3", "poor"), "ma_ho": "NX3"}
    nm = [*_na_mon()[:2], nx3, *_na_mon()[3:]]
    may = _month(folder, out, "2024-05", {"Nà Mòn": nm, "Bản Cọ": _BC, "Đồng Kè": [*_dk(), nx3]})
    _, said = _sheets(out, "2024-05", "NX3")
    assert sorted(said) == [
        ("Nà Mòn", _NM, "B7", "duplicate-household-id",
         f"Mã hộ 'NX3' bị trùng với xóm Đồng Kè, tệp {_DK}, dòng 7, cùng chủ hộ. Hộ có trong "
         "danh sách trước của xóm Nà Mòn với Mã hộ khác ('NM3'), nay xóm kia ghi hộ vào danh "
         "sách của mình: hộ đã chuyển đi. Hãy xóa dòng này khỏi danh sách của xóm Nà Mòn "
         "(không ghi 'Thoát': xóm kia giữ dòng của hộ). Nếu hộ chưa chuyển đi, hãy báo xã để "
         "xóm kia xóa dòng của hộ (các dòng này tạm chưa được tính)."),
        ("Đồng Kè", _DK, "B7", "duplicate-household-id",
         f"Mã hộ 'NX3' bị trùng với xóm Nà Mòn, tệp {_NM}, dòng 7, cùng chủ hộ. Hộ có trong "
         "danh sách tháng 4/2024 của xóm Nà Mòn với Mã hộ 'NM3', nay xóm Đồng Kè ghi hộ vào "
         "danh sách của mình: hộ đã chuyển đến xóm Đồng Kè. Hãy giữ nguyên dòng này; xóm cũ "
         "của hộ cần xóa dòng của hộ khỏi danh sách của xóm đó (không ghi 'Thoát'). Nếu hộ "
         "chưa chuyển đến, hãy xóa dòng này (các dòng này tạm chưa được tính)."),
    ]  # fmt: skip
    assert _moves(may["Nà Mòn"]) == ((3, 1, 0, 0, 0, 2), (3, 1, 0, 0, 0, 2))
    assert _moves(may["Đồng Kè"]) == ((1, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 1))
    assert _moves(_totals(out, "2024-05")) == ((6, 1, 0, 0, 0, 5), (6, 1, 0, 0, 0, 5))


def test_a_note_saying_moved_in_from_the_other_hamlet_tells_the_move(tmp_path):
    """May: a household new to the lists, NX9, written by Nà Mòn (its sixth row) and by Đồng
    Kè, whose row's 'Ghi chú' says 'Chuyển đến từ xóm Nà Mòn': no list before has it, the note
    tells it moved from Nà Mòn to Đồng Kè (was: both asked). Figures unchanged, by hand: both
    rows left out, NX9 on no list before (neither new nor not counted): Nà Mòn 3 = 3, Đồng Kè
    1 = 1 in both tables."""
    folder, out = _april(tmp_path)
    nx9 = person("NX9", "poor")
    came = {**nx9, "ghi_chu": "Chuyển đến từ xóm Nà Mòn"}
    may = _month(folder, out, "2024-05",
                 {"Nà Mòn": _na_mon(nx9), "Bản Cọ": _BC, "Đồng Kè": [*_dk(), came]})  # fmt: skip
    _, said = _sheets(out, "2024-05", "NX9")
    assert sorted(said) == [
        ("Nà Mòn", _NM, "B10", "duplicate-household-id",
         f"Mã hộ 'NX9' bị trùng với xóm Đồng Kè, tệp {_DK}, dòng 7, cùng chủ hộ. Hộ không có "
         "trong danh sách trước của hai xóm, nhưng 'Ghi chú' của dòng kia ghi 'Chuyển đến từ "
         "xóm Nà Mòn': hộ đã chuyển từ xóm Nà Mòn sang xóm kia. Hãy xóa dòng này khỏi danh sách "
         "của xóm Nà Mòn (không ghi 'Thoát': xóm kia giữ dòng của hộ). Nếu hộ chưa chuyển đi, "
         "hãy báo xã để xóm kia xóa dòng của hộ (các dòng này tạm chưa được tính)."),
        ("Đồng Kè", _DK, "B7", "duplicate-household-id",
         f"Mã hộ 'NX9' bị trùng với xóm Nà Mòn, tệp {_NM}, dòng 10, cùng chủ hộ. Hộ không có "
         "trong danh sách trước của hai xóm, nhưng 'Ghi chú' của dòng này ghi 'Chuyển đến từ "
         "xóm Nà Mòn': hộ đã chuyển đến xóm Đồng Kè. Hãy giữ nguyên dòng này; xóm cũ của hộ "
         "cần xóa dòng của hộ khỏi danh sách của xóm đó (không ghi 'Thoát'). Nếu hộ chưa "
         "chuyển đến, hãy xóa dòng này (các dòng này tạm chưa được tính)."),
    ]  # fmt: skip
    assert _moves(may["Nà Mòn"]) == ((3, 0, 0, 0, 0, 3), (3, 0, 0, 0, 0, 3))
    assert _moves(may["Đồng Kè"]) == ((1, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 1))


def test_the_old_rows_own_note_saying_moved_to_the_other_tells_it_too(tmp_path):
    """Nà Mòn's row of NX9 notes 'Đã chuyển sang xóm Đồng Kè', Đồng Kè's writes nothing: the
    same move told, the note quoted as this row's at Nà Mòn and the other's at Đồng Kè."""
    folder, out = _april(tmp_path)
    nx9 = person("NX9", "poor")
    left = {**nx9, "ghi_chu": "Đã chuyển sang xóm Đồng Kè"}
    _month(folder, out, "2024-05",
           {"Nà Mòn": _na_mon(left), "Bản Cọ": _BC, "Đồng Kè": [*_dk(), nx9]})  # fmt: skip
    _, said = _sheets(out, "2024-05", "NX9")
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
    folder, out = _april(tmp_path)
    nx9 = person("NX9", "poor")
    odd = {**nx9, "ghi_chu": "Chuyển đến từ xóm Bản Cọ"}
    _month(
        folder, out, "2024-05", {"Nà Mòn": _na_mon(nx9), "Bản Cọ": _BC, "Đồng Kè": [*_dk(), odd]}
    )
    _, said = _sheets(out, "2024-05", "NX9")
    head = "Hoàng Văn NX9"
    assert sorted(said) == [
        ("Nà Mòn", _NM, "B10", "duplicate-household-id",
         _asked("NX9", "Đồng Kè", 7, _DK, 10, head, head)),
        ("Đồng Kè", _DK, "B7", "duplicate-household-id",
         _asked("NX9", "Nà Mòn", 10, _NM, 7, head, head)),
    ]  # fmt: skip


def test_two_heads_are_asked_with_both_names_and_check_says_it_as_the_run(tmp_path):
    """Đồng Kè writes NX9 for 'Lò Thị Mai' (her own ID number), Nà Mòn for 'Hoàng Văn NX9':
    asked, each row naming its head and the other's; `check` of May's lists (April run) words
    both rows as the run will."""
    folder, out = _april(tmp_path)
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    mai = person("NX9", "poor", **_MAI)
    lists = {"Nà Mòn": (100, _na_mon(person("NX9", "poor"))), "Bản Cọ": (200, _BC),
             "Đồng Kè": (150, [*_dk(), mai])}  # fmt: skip
    for n, (hamlet, (size, rows)) in enumerate(lists.items()):
        write_roster(
            folder, f"DS_{n}_2024-05.xlsx", hamlet, size, rows, "2024-05", date(2024, 6, 3)
        )
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    mine = _asked("NX9", "Đồng Kè", 7, _DK, 10, "Hoàng Văn NX9", "Lò Thị Mai")
    theirs = _asked("NX9", "Nà Mòn", 10, _NM, 7, "Lò Thị Mai", "Hoàng Văn NX9")
    assert f"{_NM}, Danh sách, B10 (duplicate-household-id): {mine}\n" in checked
    assert f"{_DK}, Danh sách, B7 (duplicate-household-id): {theirs}\n" in checked
    from pipeline.run import execute

    execute(folder, out, "2024-05")
    _, said = _sheets(out, "2024-05", "NX9")
    assert sorted(m for *_, m in said) == sorted([mine, theirs])
