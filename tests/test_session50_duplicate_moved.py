"""A Mã hộ two hamlets' lists write this month, that the lists compared with had in one of them
alone under the same head: the household moved and is still on its old list (session 50).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list. Each head is
'Hoàng Văn <code>', born 1970, with an ID number of its code. Each list's households start at
row 5 (STT 1), so a list's third household is at row 7."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session48_code_reused import MAI, json_totals, sheets

_BC = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]


def moved_away_words(code: str, old: str, new: str, file: str) -> str:
    """The message at the old list's row, by hand."""
    return (
        f"Mã hộ '{code}' bị trùng với xóm {new}, tệp {file}, dòng 7, cùng chủ hộ. Hộ có trong "
        f"danh sách trước của xóm {old}, nay xóm {new} ghi hộ vào danh sách của mình: hộ đã "
        f"chuyển sang xóm {new}. Hãy xóa dòng này khỏi danh sách của xóm {old} (không ghi "
        f"'Thoát': xóm {new} giữ dòng của hộ, với Mã hộ cũ). Nếu hộ chưa chuyển đi, hãy báo xã "
        f"để xóm {new} xóa dòng của hộ (các dòng này tạm chưa được tính)."
    )


def moved_in_words(code: str, listed: str, new: str, file: str) -> str:
    """The message at the new list's row (``listed``: the old list, named), by hand."""
    return (
        f"Mã hộ '{code}' bị trùng với {file}, dòng 7, cùng chủ hộ. Hộ có trong {listed}, nay "
        f"xóm {new} ghi hộ vào danh sách của mình: hộ đã chuyển đến xóm {new}. Hãy giữ nguyên "
        "dòng này; xóm cũ của hộ cần xóa dòng của hộ khỏi danh sách của xóm đó (không ghi "
        "'Thoát'). Nếu hộ chưa chuyển đến, hãy xóa dòng này (các dòng này tạm chưa được tính)."
    )


def asked(code: str, other: str) -> str:
    """The message asking where the household lives (as before session 50)."""
    return (
        f"Mã hộ '{code}' bị trùng với {other}, dòng 7. Nếu là cùng một hộ, chỉ giữ một dòng (ở "
        "xóm nơi hộ đang sống); nếu là hai hộ khác nhau, hãy sửa mã của hộ ghi sai theo sổ quản "
        "lý hộ nghèo của xã (các dòng này tạm chưa được tính)."
    )


def poor_moves(hamlet: dict) -> tuple[tuple, tuple]:
    """(start, not counted, moved in, moved out, new, end) of the poor, year and month (None:
    no month's table, the first month run)."""
    return tuple(
        tuple(hamlet[scope]["poor"][k]
              for k in ("start", "not_counted", "moved_in", "moved_out", "new", "end"))
        if hamlet[scope] else None
        for scope in ("movements", "movements_month")
    )  # fmt: skip


def test_a_household_moved_still_on_its_old_list_is_told_which_list_is_old(tmp_path):
    """April: the three hamlets their own lists. May: Đồng Kè lists NM3 'Hoàng Văn NM3' (the
    same head, his ID number) besides DK1, DK2; Nà Mòn still lists NM3. April's list has NM3 in
    Nà Mòn alone: the household moved to Đồng Kè, Nà Mòn's row the old one (was: both asked
    'ở xóm nơi hộ đang sống'). The figures as before, by hand: Nà Mòn's year (start NM1-NM3)
    and month (April: NM1-NM3) poor 3, not counted 1 (NM3's row left out), 2; Đồng Kè's 1 = 1
    (its NM3 row left out too, on no list of Đồng Kè before: nothing); the commune's poor year
    6 − 1 not counted = 5, month (April: 3 + 2 + 1 = 6) the same."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": _BC, "Đồng Kè": dk_rows()}
    )
    may = run_lists(folder, out, "2024-05",
                 {"Nà Mòn": na_mon_rows(), "Bản Cọ": _BC, "Đồng Kè": [*dk_rows(), person("NM3", "poor")]})  # fmt: skip
    _, said = sheets(out, "2024-05", "NM3")
    assert sorted(said) == [
        ("Nà Mòn", "DS_0_2024-05.xlsx", "B7", "duplicate-household-id",
         moved_away_words("NM3", "Nà Mòn", "Đồng Kè", "DS_2_2024-05.xlsx")),
        ("Đồng Kè", "DS_2_2024-05.xlsx", "B7", "duplicate-household-id",
         moved_in_words("NM3", "danh sách tháng 4/2024 của xóm Nà Mòn", "Đồng Kè",
             "xóm Nà Mòn, tệp DS_0_2024-05.xlsx")),
    ]  # fmt: skip
    assert poor_moves(may["Nà Mòn"]) == ((3, 1, 0, 0, 0, 2), (3, 1, 0, 0, 0, 2))
    assert poor_moves(may["Đồng Kè"]) == ((1, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 1))
    totals = json_totals(out, "2024-05")
    assert poor_moves(totals) == ((6, 1, 0, 0, 0, 5), (6, 1, 0, 0, 0, 5))


def test_the_first_month_of_the_year_is_told_by_the_start_list(tmp_path):
    """No month stored: April is the first run, Bản Cọ lists NM1 'Hoàng Văn NM1' besides its
    own; Nà Mòn still lists NM1. The plan's start list has NM1 in Nà Mòn alone: moved to Bản
    Cọ, told by the start list ('danh sách đầu năm của xóm Nà Mòn'). The year's tables (no
    month's: the first month run), by hand: Nà Mòn poor 3, not counted 1, 2; Bản Cọ 2 = 2."""
    folder, out = new_commune(tmp_path)
    april = run_lists(folder, out, "2024-04",
                   {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*_BC, person("NM1", "poor")],
                    "Đồng Kè": dk_rows()})  # fmt: skip
    _, said = sheets(out, "2024-04", "NM1")
    assert sorted(said) == [
        # Bản Cọ's NM1 is its fourth household (row 8), Nà Mòn's its first (row 5)
        ("Bản Cọ", "DS_1_2024-04.xlsx", "B8", "duplicate-household-id",
         moved_in_words("NM1", "danh sách đầu năm của xóm Nà Mòn", "Bản Cọ",
             "xóm Nà Mòn, tệp DS_0_2024-04.xlsx").replace("dòng 7", "dòng 5")),
        ("Nà Mòn", "DS_0_2024-04.xlsx", "B5", "duplicate-household-id",
         moved_away_words("NM1", "Nà Mòn", "Bản Cọ", "DS_1_2024-04.xlsx").replace("dòng 7", "dòng 8")),
    ]  # fmt: skip
    assert poor_moves(april["Nà Mòn"]) == ((3, 1, 0, 0, 0, 2), None)
    assert poor_moves(april["Bản Cọ"]) == ((2, 0, 0, 0, 0, 2), None)


def test_another_head_under_the_code_is_still_asked(tmp_path):
    """Kept (passes before too): May, Đồng Kè writes NM3 for 'Lò Thị Mai' (another head, her ID
    number): two households under one code, not a move; both rows asked as before."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": _BC, "Đồng Kè": dk_rows()}
    )
    mai = person("NM3", "poor", **MAI)
    run_lists(
        folder,
        out,
        "2024-05",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": _BC, "Đồng Kè": [*dk_rows(), mai]},
    )
    _, said = sheets(out, "2024-05", "NM3")
    assert sorted(m for *_, m in said) == [
        asked("NM3", "xóm Nà Mòn, tệp DS_0_2024-05.xlsx"),
        asked("NM3", "xóm Đồng Kè, tệp DS_2_2024-05.xlsx"),
    ]


def test_a_code_both_hamlets_listed_before_is_still_asked(tmp_path):
    """Kept (passes before too): April's lists already write NM3 in Nà Mòn and Đồng Kè (its
    third household), May's again: the lists compared with do not tell which is the old one."""
    folder, out = new_commune(tmp_path)
    lists = {"Nà Mòn": na_mon_rows(), "Bản Cọ": _BC, "Đồng Kè": [*dk_rows(), person("NM3", "poor")]}
    run_lists(folder, out, "2024-04", lists)
    run_lists(folder, out, "2024-05", lists)
    _, said = sheets(out, "2024-05", "NM3")
    assert sorted(m for *_, m in said) == [
        asked("NM3", "xóm Nà Mòn, tệp DS_0_2024-05.xlsx"),
        asked("NM3", "xóm Đồng Kè, tệp DS_2_2024-05.xlsx"),
    ]


def test_check_says_it_as_the_run_will(tmp_path):
    """`check` of May's lists (the plan among them, April run) before May is run: the two rows
    told as the run tells them, not asked where the household lives."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": _BC, "Đồng Kè": dk_rows()}
    )
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    lists = {"Nà Mòn": (100, na_mon_rows()), "Bản Cọ": (200, _BC),
             "Đồng Kè": (150, [*dk_rows(), person("NM3", "poor")])}  # fmt: skip
    for n, (hamlet, (size, rows)) in enumerate(lists.items()):
        write_roster(
            folder, f"DS_{n}_2024-05.xlsx", hamlet, size, rows, "2024-05", date(2024, 6, 3)
        )
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    away = moved_away_words("NM3", "Nà Mòn", "Đồng Kè", "DS_2_2024-05.xlsx")
    came = moved_in_words("NM3", "danh sách tháng 4/2024 của xóm Nà Mòn", "Đồng Kè",
               "xóm Nà Mòn, tệp DS_0_2024-05.xlsx")  # fmt: skip
    assert f"DS_0_2024-05.xlsx, Danh sách, B7 (duplicate-household-id): {away}\n" in checked
    assert f"DS_2_2024-05.xlsx, Danh sách, B7 (duplicate-household-id): {came}\n" in checked
    assert "ở xóm nơi hộ đang sống" not in checked
