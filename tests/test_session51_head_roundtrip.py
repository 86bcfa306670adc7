"""A hamlet head's four months with the feedback workbook acted upon (session 51 QA).

A row the head left without its Mã hộ was told "write the code from the commune's register",
though the plan's start list holds the household under that hamlet, head's name and birth year:
the feedback now names that code (the head writes it, the next run counts the row)."""

from __future__ import annotations

import json
import re

import openpyxl

from pipeline.run import execute
from tests.commune import person, write_plan, write_roster


def _guide(out, hamlet: str = "Nà Mòn") -> list[tuple]:
    """The guide's table rows of ``hamlet``'s May feedback: (Ô, Giá trị đã ghi, Cần sửa)."""
    [path] = out.glob(f"2024-05/PhanHoi/{hamlet}_2024-05.xlsx")
    ws = openpyxl.load_workbook(path)["Hướng dẫn sửa"]
    rows = list(ws.iter_rows(min_row=11, values_only=True))
    return [(r[2], r[5], r[7]) for r in rows if isinstance(r[0], int)]


# the plain message of a blank Mã hộ, as the head's feedback says it (session 51: how a new
# household gets its code) and as the officer's 'Lỗi dữ liệu' says it
PLAIN_HEAD = (
    "Thiếu 'Mã hộ'. Hãy ghi mã hộ như trong sổ quản lý hộ nghèo của xã; hộ mới tách hộ hay mới "
    "phát sinh chưa có mã thì hãy hỏi cán bộ xã mã hộ mới rồi ghi vào ô này."
)
PLAIN = "Thiếu 'Mã hộ'. Hãy ghi mã hộ như trong sổ quản lý hộ nghèo của xã."


def _na_mon(folder, rows):
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)


def _month(tmp_path, rows):
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir(exist_ok=True)
    write_plan(folder)
    _na_mon(folder, rows)
    execute(folder, out, None)
    return folder, out


def _rows(nm4_code: str | None):
    """Nà Mòn's May list, the start list's five households (NM1..NM3 poor, NM4, NM5 near-poor):
    NM1 poor, NM2 near-poor, NM3 poor, NM4 near-poor (its code as given: None leaves the cell
    empty, B8: rows from 5), NM5 near-poor, and a household split off NM1 this month, 'Lò Văn
    Hải' (1985), not on the start list, its code not yet given (B10)."""
    return [
        person("NM1", "poor"),
        person("NM2", "near_poor"),
        person("NM3", "poor"),
        dict(person("NM4", "near_poor"), ma_ho=nm4_code),
        person("NM5", "near_poor"),
        dict(person("LVH", "near_poor"), ma_ho=None, chu_ho="Lò Văn Hải", nam_sinh=1985),
    ]


def test_a_missing_code_names_the_start_lists_code_of_that_household(tmp_path):
    """B8 (Hoàng Văn NM4, 1970, Nà Mòn): the start list's row of that hamlet, name and year is
    NM4, used by no other row of the list: the head is told to write 'NM4'. B10 (Lò Văn Hải,
    1985) matches no start row: told as before, with how to get a new household's code (the
    officer's 'Lỗi dữ liệu' says it as before)."""
    _, out = _month(tmp_path, _rows(None))
    said = {cell: text for cell, _, text in _guide(out)}
    assert said["B8"] == (
        "Thiếu 'Mã hộ'. Danh sách hộ nghèo, hộ cận nghèo đầu năm của xã ghi hộ 'Hoàng Văn NM4' "
        "(năm sinh 1970) của xóm với mã 'NM4': nếu đúng là hộ này, hãy ghi 'NM4' vào ô này; "
        "nếu không, hãy ghi mã hộ như trong sổ quản lý hộ nghèo của xã."
    )
    assert said["B10"] == PLAIN_HEAD
    ws = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Lỗi dữ liệu"]
    officer = [r[10] for r in ws.iter_rows(values_only=True) if r[4] == "B10"]
    assert officer == [PLAIN]


def _near_poor(out) -> int:
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    [na_mon] = [h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    return na_mon["near_poor"]


def test_the_code_written_as_said_counts_the_row_without_a_new_complaint(tmp_path):
    """Before: NM2 and NM5 near-poor (NM4's row out for its blank code; Lò Văn Hải's too). The
    head writes in B8 the code the feedback says, as it says it: NM2, NM4 and NM5 near-poor, 3;
    B10 alone is still said."""
    folder, out = _month(tmp_path, _rows(None))
    assert _near_poor(out) == 2
    said = {cell: text for cell, _, text in _guide(out)}
    told = re.search(r"hãy ghi '([^']+)' vào ô này", said["B8"])
    assert told is not None, said["B8"]
    _na_mon(folder, _rows(told.group(1)))
    execute(folder, out, None)
    assert _near_poor(out) == 3
    assert [cell for cell, _, _ in _guide(out)] == ["B10"]


def test_one_household_on_two_blank_rows_is_not_given_the_code_twice(tmp_path):
    """NM4 written twice without a code (B8, B10): writing 'NM4' in both would make two rows of
    one code: neither is told the code, both read as before."""
    rows = _rows(None)[:5] + [dict(person("NM4", "near_poor"), ma_ho=None)]
    _, out = _month(tmp_path, rows)
    said = {cell: text for cell, _, text in _guide(out)}
    assert said["B8"] == PLAIN_HEAD and said["B10"] == PLAIN_HEAD


def test_a_code_already_on_another_row_is_not_offered(tmp_path):
    """NM4's row written with its code (B8) and again without one (B10, the same name and
    year): the start list's code is the list's already, so B10 is told as before."""
    rows = _rows("NM4")[:5] + [dict(person("NM4", "near_poor"), ma_ho=None)]
    _, out = _month(tmp_path, rows)
    said = {cell: text for cell, _, text in _guide(out)}
    assert said["B10"] == PLAIN_HEAD


# --- a household split off under its parent's code -------------------------------------------


def _split_rows(split_code: str):
    """Nà Mòn's May list of its five start households, NM1's son 'Lò Văn Hải' (1985) split off
    as a near-poor household (B10) under ``split_code``."""
    return _rows("NM4")[:5] + [
        dict(person("LVH", "near_poor"), ma_ho=split_code, chu_ho="Lò Văn Hải", nam_sinh=1985)
    ]


def test_one_code_under_two_heads_in_one_list_says_they_are_two_households(tmp_path):
    """'NM1' at B5 (Hoàng Văn NM1) and B10 (Lò Văn Hải): two heads, so two households, not a
    row pasted twice. Before: "if one household written twice, delete the extra rows…; if two,
    correct the wrong code from the register", which a split household is not in. Now each row
    names both heads and how a new household gets its code (since session 51's review, and
    how one household whose head changed keeps one row: the list cannot tell the two)."""
    _, out = _month(tmp_path, _split_rows("NM1"))
    said = {cell: text for cell, _, text in _guide(out)}
    tail = (
        ". Nếu là hai hộ khác nhau (như hộ mới tách hộ), mỗi hộ phải có mã riêng: hãy giữ mã này "
        "ở dòng của hộ đã có mã này trong sổ quản lý hộ nghèo của xã, và ghi cho hộ kia mã của hộ "
        "đó; hộ mới tách hộ hay mới phát sinh chưa có mã thì hãy hỏi cán bộ xã mã hộ mới rồi ghi "
        "vào. Nếu là cùng một hộ (như hộ đã đổi chủ hộ), hãy xóa dòng thừa, chỉ giữ dòng ghi chủ "
        "hộ hiện nay (các dòng này tạm chưa được tính)."
    )
    assert said["B5"] == (
        "Mã hộ 'NM1' cũng được ghi ở dòng 10 của danh sách này cho một chủ hộ khác (dòng này ghi "
        "'Hoàng Văn NM1', dòng 10 ghi 'Lò Văn Hải')" + tail
    )
    assert said["B10"] == (
        "Mã hộ 'NM1' cũng được ghi ở dòng 5 của danh sách này cho một chủ hộ khác (dòng này ghi "
        "'Lò Văn Hải', dòng 5 ghi 'Hoàng Văn NM1')" + tail
    )


def test_the_split_household_given_its_own_code_is_counted_without_a_complaint(tmp_path):
    """The head follows: B5 keeps 'NM1', B10 gets the code the commune gives, 'NM7'. By hand:
    poor NM1, NM3; near-poor NM2, NM4, NM5 and NM7: 2 and 4; nothing said."""
    folder, out = _month(tmp_path, _split_rows("NM1"))
    _na_mon(folder, _split_rows("NM7"))
    execute(folder, out, None)
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    [na_mon] = [h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 4)
    assert not list(out.glob("2024-05/PhanHoi/Nà Mòn_*.xlsx"))


def test_one_household_pasted_twice_is_said_as_before(tmp_path):
    """NM4's row pasted twice (B8, B10, one head): the message of a row written twice stays."""
    rows = _rows("NM4")[:5] + [person("NM4", "near_poor")]
    _, out = _month(tmp_path, rows)
    said = {cell: text for cell, _, text in _guide(out)}
    assert said["B8"].startswith(
        "Mã hộ 'NM4' bị trùng với dòng 10 của danh sách này. Nếu là cùng một hộ được ghi nhiều "
        "lần, hãy xóa các dòng thừa"
    )


def test_check_names_the_start_lists_code_as_the_run(tmp_path):
    """`giamngheo check` of the plan and the list says B8 as the run does (a head checking his
    list before sending it reads the same code to write)."""
    from pipeline.checkfiles import check_files

    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    _na_mon(folder, _rows(None))
    issues = check_files(sorted(folder.glob("*.xlsx")))
    [b8] = [i for i in issues if i.code == "missing-household-id" and i.cell == "B8"]
    assert (b8.variant, b8.instead) == ("start", "NM4")
    assert "hãy ghi 'NM4' vào ô này" in b8.message("vi")
