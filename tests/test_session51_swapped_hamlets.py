"""Two hamlets' lists with their 'Xóm' cells swapped (session 51): 'DS1.xlsx' writes 'Đồng Kè'
and holds Nà Mòn's NM1-NM5, 'DS2.xlsx' writes 'Nà Mòn' and holds Đồng Kè's DK1, DK2, the file
names naming no hamlet. Each was counted as the other's: every household said moved between
them, the commune complete. Now both are refused, each naming the other.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1, BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150). April: the
three send their own lists."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import execute
from tests.april_may import BAN_CO, april, may_errors, may_report
from tests.commune import person, write_renamed_plan, write_roster
from tests.summaries import json_summary
from tests.test_session38_oracle import dk_rows, na_mon_rows


def may_with_lists(tmp_path, lists: dict[str, tuple[str, int, list[dict]]], run: bool = True):
    """April run; May: Bản Cọ's own list and ``lists`` (file -> 'Xóm', total, rows); May run if
    ``run``. Returns (folder, out)."""
    folder, out = april(tmp_path)
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, BAN_CO, "2024-05", date(2024, 6, 3))
    for file, (hamlet, size, rows) in lists.items():
        write_roster(folder, file, hamlet, size, rows, "2024-05", date(2024, 6, 3))
    if run:
        execute(folder, out, "2024-05")
    return folder, out


# each head reused the other's file: its 'Xóm' and its 'Tổng số hộ dân cư' the other's
_SWAPPED = {"DS1.xlsx": ("Đồng Kè", 150, na_mon_rows()), "DS2.xlsx": ("Nà Mòn", 100, dk_rows())}


def _said(value: str, hamlet: str, other: str) -> str:
    """The 'swapped-title' refusal by hand (the test rosters' titles name their 'Xóm')."""
    return (
        f"Ô 'Xóm' và tiêu đề danh sách ghi '{value}' nhưng các mã hộ trong danh sách là của xóm "
        f"{hamlet} (theo danh sách đầu năm), còn tệp '{other}' ghi xóm {hamlet} nhưng các mã hộ "
        f"trong đó là của xóm '{value}': có thể hai xóm đã dùng nhầm tệp của nhau (ô 'Xóm' bị đổi "
        f"cho nhau), nên cả hai tệp chưa được tính. Nếu đây là danh sách của xóm {hamlet}, hãy sửa "
        f"ô 'Xóm' và tiêu đề thành '{hamlet}', kiểm tra cả các ô khác chép từ tệp của xóm "
        f"'{value}' (nhất là 'Tổng số hộ dân cư') rồi gửi lại."
    )


def test_two_lists_with_their_hamlets_swapped_are_both_refused(tmp_path):
    """Before: Nà Mòn counted DK1, DK2 (its NM1-NM5 moved out to Đồng Kè), Đồng Kè NM1-NM5, the
    commune complete. Now both refused: the commune is Bản Cọ alone, poor 2, near-poor 1, 200
    households, not complete; no household moved; each file told whose its codes are and which
    file holds its own hamlet's."""
    _, out = may_with_lists(tmp_path, _SWAPPED)
    may = json_summary(out, "2024-05")
    by = {h["hamlet"]: h for h in may["hamlets"]}
    assert (by["Nà Mòn"]["status"], by["Đồng Kè"]["status"], by["Bản Cọ"]["status"]) == (
        "rejected",
        "rejected",
        "ok",
    )
    totals = may["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (200, 2, 1)
    assert may["complete"] is False
    moved = by["Bản Cọ"]["movements"]
    assert (moved["poor"]["moved_in"], moved["poor"]["moved_out"]) == (0, 0)
    assert sorted(may_errors(out)["hamlet-codes-of-file-name"]) == sorted(
        [_said("Đồng Kè", "Nà Mòn", "DS2.xlsx"), _said("Nà Mòn", "Đồng Kè", "DS1.xlsx")]
    )
    hamlets = may_report(out)[0]
    assert hamlets["Nà Mòn"] == (
        "Bị từ chối: ô 'Xóm' ghi 'Đồng Kè' nhưng các mã hộ là của xóm Nà Mòn (tệp chép từ xóm "
        "khác?)"
    )
    assert hamlets["Đồng Kè"] == (
        "Bị từ chối: ô 'Xóm' ghi 'Nà Mòn' nhưng các mã hộ là của xóm Đồng Kè (tệp chép từ xóm "
        "khác?)"
    )


def test_check_says_the_swapped_lists_as_the_run(tmp_path):
    """`check` of May's files (April run): the same two refusals as the run's."""
    folder, out = may_with_lists(tmp_path, _SWAPPED, run=False)
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    said = _said("Đồng Kè", "Nà Mòn", "DS2.xlsx")
    assert f"DS1.xlsx, Thông tin, B3 (hamlet-codes-of-file-name): {said}\n" in checked
    said = _said("Nà Mòn", "Đồng Kè", "DS1.xlsx")
    assert f"DS2.xlsx, Thông tin, B3 (hamlet-codes-of-file-name): {said}\n" in checked


def test_a_list_with_households_moved_in_from_the_other_is_no_swap(tmp_path):
    """Guard: Nà Mòn lists NM1-NM3, Đồng Kè DK1, DK2 and NM4, NM5 moved in (no note): Đồng Kè's
    codes 2 of 4 Nà Mòn's (not nearly all), its own DK1 on it. Both counted: Nà Mòn poor 3,
    near-poor 2 - 2 moved out = 0; Đồng Kè poor 1, near-poor 1 + 2 moved in = 3; the commune
    poor 3 + 2 + 1 = 6, near-poor 0 + 1 + 3 = 4, complete."""
    moved = dk_rows() + [person("NM4", "near_poor"), person("NM5", "near_poor")]
    lists = {"DS1.xlsx": ("Nà Mòn", 100, na_mon_rows()[:3]), "DS2.xlsx": ("Đồng Kè", 150, moved)}
    _, out = may_with_lists(tmp_path, lists)
    may = json_summary(out, "2024-05")
    by = {h["hamlet"]: h for h in may["hamlets"]}
    near = by["Đồng Kè"]["movements"]["near_poor"]
    assert (near["start"], near["moved_in"], near["end"]) == (1, 2, 3)
    near = by["Nà Mòn"]["movements"]["near_poor"]
    assert (near["start"], near["moved_out"], near["end"]) == (2, 2, 0)
    totals = may["totals"]
    assert (totals["poor"], totals["near_poor"], may["complete"]) == (6, 4, True)
    assert "hamlet-codes-of-file-name" not in may_errors(out)


def test_one_list_with_a_neighbours_name_and_the_other_hamlet_sending_its_own_is_no_swap(tmp_path):
    """Guard: Nà Mòn's whole list with 'Xóm' 'Đồng Kè' while Đồng Kè's own list names Đồng Kè
    (no swap: the second names its own hamlet): refused as before ('codes-title', not
    'swapped'), Đồng Kè counted."""
    lists = {"DS1.xlsx": ("Đồng Kè", 150, na_mon_rows()), "DS2.xlsx": ("Đồng Kè", 150, dk_rows())}
    _, out = may_with_lists(tmp_path, lists)
    said = may_errors(out)["hamlet-codes-of-file-name"]
    assert len(said) == 1 and "bị đổi cho nhau" not in said[0]
    by = {h["hamlet"]: h for h in json_summary(out, "2024-05")["hamlets"]}
    assert by["Đồng Kè"]["status"] == "ok"


def test_a_renamed_hamlets_lists_are_told_by_its_new_name(tmp_path):
    """Đồng Kè renamed 'Khuổi Hẻo' in the plan (its start list too), May the first month run.
    Guard: the two hamlets' own lists under their names are both counted (Nà Mòn poor 3,
    near-poor 2; Khuổi Hẻo 1, 1; Bản Cọ 2, 1: the commune 6, 4, complete). Swapped, both are
    refused, the words naming the new name."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renamed_plan(folder, {"Đồng Kè": "Khuổi Hẻo"})
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, BAN_CO, "2024-05", date(2024, 6, 3))
    write_roster(folder, "DS1.xlsx", "Nà Mòn", 100, na_mon_rows(), "2024-05", date(2024, 6, 3))
    write_roster(folder, "DS2.xlsx", "Khuổi Hẻo", 150, dk_rows(), "2024-05", date(2024, 6, 3))
    execute(folder, out, "2024-05")
    may = json_summary(out, "2024-05")
    assert (may["totals"]["poor"], may["totals"]["near_poor"], may["complete"]) == (6, 4, True)
    swapped = tmp_path / "doi"
    swapped.mkdir()
    write_renamed_plan(swapped, {"Đồng Kè": "Khuổi Hẻo"})
    write_roster(swapped, "BanCo.xlsx", "Bản Cọ", 200, BAN_CO, "2024-05", date(2024, 6, 3))
    write_roster(swapped, "DS1.xlsx", "Khuổi Hẻo", 150, na_mon_rows(), "2024-05", date(2024, 6, 3))
    write_roster(swapped, "DS2.xlsx", "Nà Mòn", 100, dk_rows(), "2024-05", date(2024, 6, 3))
    execute(swapped, tmp_path / "ra2", "2024-05")
    may = json_summary(tmp_path / "ra2", "2024-05")
    assert (may["totals"]["poor"], may["totals"]["near_poor"], may["complete"]) == (2, 1, False)
    assert sorted(may_errors(tmp_path / "ra2")["hamlet-codes-of-file-name"]) == sorted(
        [_said("Khuổi Hẻo", "Nà Mòn", "DS2.xlsx"), _said("Nà Mòn", "Khuổi Hẻo", "DS1.xlsx")]
    )
