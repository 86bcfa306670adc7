"""A Mã hộ that is an ID number ('019088776655': a CCCD's 12 digits, or an old CMND's 9) is told
to the head at its cell, with the commune's code to write instead (session 51): the code is
posted publicly (NiemYet masks it, but then posts no code the commune's book has). Counted as
any code. Past five rows of one list, said once at the first naming the rows. Never a code of
the commune's own (dotted, 8 or 13 digits, short numbers, the start list's codes or their
length).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. Each list's households start at row 5:
Nà Mòn's sixth household at row 10."""

from __future__ import annotations

import json
from datetime import date

import openpyxl
from click.testing import CliRunner

from pipeline.checkfiles import check_files
from pipeline.cli import main
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.april_may import BAN_CO
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets, start_list, write_roster
from tests.test_session32_merged_alone import rows_having
from tests.test_session38_oracle import na_mon_rows, run_lists

CODE = "household-id-is-id-number"


def _one(value: str, digits: int, counted: bool = True) -> str:
    """The warning at one cell, by hand."""
    return (
        f"'Mã hộ' ghi '{value}', là một dãy {digits} chữ số như số CCCD/CMND, không phải mã hộ "
        "của xã. Mã hộ được niêm yết công khai cùng danh sách hộ, nên không dùng số CCCD/CMND "
        "làm mã hộ: hãy ghi vào ô này mã hộ như trong sổ quản lý hộ nghèo của xã (hộ mới chưa "
        "có mã thì hỏi cán bộ xã mã hộ mới); số CCCD của chủ hộ, nếu cần, ghi ở cột 'Số định "
        "danh cá nhân'." + (" Hộ vẫn được tính." if counted else "")
    )


_ONE_EN = (
    "'Mã hộ' holds '019088776655', 12 digits like a CCCD/CMND ID number, not the commune's "
    "household code. Household codes are posted publicly with the list, so an ID number is not "
    "used as one: write in this cell the household code from the commune's register (a new "
    "household without a code gets one from the commune officer); the head's ID number, if "
    "needed, goes under 'Số định danh cá nhân'. The household still counts."
)


def test_a_code_that_is_an_id_number_is_told_at_its_cell_and_counted(tmp_path):
    """May: Nà Mòn lists a new near-poor household 'Lý Thị Năm' under the Mã hộ
    '019088776655' (her CCCD), row 10. Nothing told it before (NiemYet masked it only). Now a
    warning at B10 in the officer's 'Lỗi dữ liệu' and the head's feedback, vi and en. Counted
    as before, by hand: Nà Mòn near-poor start 2 (NM4, NM5), new 1, end 3; poor 3 = 3."""
    folder, out = new_commune(tmp_path)
    nm = na_mon_rows(person("019088776655", "near_poor", chu_ho="Lý Thị Năm"))
    run_lists(folder, out, "2024-05", {"Nà Mòn": nm, "Bản Cọ": BAN_CO})
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    said = [r for r in book["Lỗi dữ liệu"].iter_rows(values_only=True) if CODE in r]
    book.close()
    assert [(r[1], r[4], r[7], r[8], r[10]) for r in said] == [
        ("Nà Mòn", "B10", "019088776655", "Cảnh báo", _one("019088776655", 12))
    ]
    head = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    assert [r[-1] for r in rows_having(head["Hướng dẫn sửa"], "B10")] == [_one("019088776655", 12)]
    head.close()
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    [na_mon] = [h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    near = na_mon["movements"]["near_poor"]
    assert (near["start"], near["new"], near["end"], na_mon["near_poor"]) == (2, 1, 3, 3)
    assert (na_mon["movements"]["poor"]["end"], na_mon["poor"]) == (3, 3)
    execute(folder, out, "2024-05", lang="en")
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    said = [r[10] for ws in book.worksheets for r in ws.iter_rows(values_only=True) if CODE in r]
    book.close()
    assert said == [_ONE_EN]


def _check(tmp_path, rows: list[dict], plan_start: list[dict] | None = None):
    """`check` (check_files) of the plan and Nà Mòn's May list of ``rows``; the plan's start
    list ``plan_start`` (the small commune's by default)."""
    folder = tmp_path / "vao"
    folder.mkdir(parents=True)
    plan = folder / "KeHoach_2024.xlsx"
    write_plan_workbook(plan, PLAN_INFO, plan_hamlets(), plan_start or start_list())
    roster = write_roster(folder, "NaMon_2024-05.xlsx", "Nà Mòn", 100, rows)
    return [i for i in check_files([plan, roster]) if i.code == CODE]


def test_many_rows_of_one_list_are_said_once_naming_them(tmp_path):
    """Six new households written under 12-digit ID numbers (rows 10-15): one warning at the
    first, B10, naming the rows, vi and en; five (rows 10-14) are said each at its cell."""
    ids = [f"0190887766{n:02d}" for n in range(50, 56)]
    found = _check(tmp_path, na_mon_rows(*(person(code, "poor") for code in ids)))
    assert [(i.cell, i.variant) for i in found] == [("B10", "rows")]
    assert found[0].message("vi") == (
        "'Mã hộ' ghi số CCCD/CMND thay cho mã hộ ở các dòng 10–15, như '019088776650' ở ô "
        "B10: đó không phải mã hộ của xã. Mã hộ được niêm yết công khai cùng danh sách hộ, nên "
        "không dùng số CCCD/CMND làm mã hộ: hãy ghi vào các ô này mã hộ của từng hộ như trong "
        "sổ quản lý hộ nghèo của xã (hộ mới chưa có mã thì hỏi cán bộ xã mã hộ mới); số CCCD "
        "của chủ hộ, nếu cần, ghi ở cột 'Số định danh cá nhân'."
    )
    assert found[0].message("en") == (
        "'Mã hộ' holds CCCD/CMND ID numbers instead of household codes in rows 10–15, such as "
        "'019088776650' at B10: these are not the commune's household codes. Household codes "
        "are posted publicly with the list, so an ID number is not used as one: write in these "
        "cells each household's code from the commune's register (a new household without a "
        "code gets one from the commune officer); the heads' ID numbers, if needed, go under "
        "'Số định danh cá nhân'."
    )
    five = _check(tmp_path / "five", na_mon_rows(*(person(code, "poor") for code in ids[:5])))
    assert [(i.cell, i.value, i.detail) for i in five] == [
        (f"B{row}", code, "12") for row, code in zip(range(10, 15), ids[:5], strict=True)
    ]


def test_the_communes_own_codes_are_never_told(tmp_path):
    """Guards: a dotted code (the sample's 'TL.01.001', '167.06277.001'), 8 or 13 digits, short
    numbers '001' and '999', 12 digits not beginning with 0 (no CCCD), 9 beginning with 4 (no
    CMND), a placeholder of one digit: none is told; the list's one CCCD (row 19) and one old
    CMND '012345678' (row 20) are, at their cells. A row left out for another error (the
    CMND written twice: duplicate-household-id) is told without 'Hộ vẫn được tính'."""
    guards = ["TL.01.001", "167.06277.001", "87654321", "0190887766551", "001", "999",
              "190887766551", "456789012", "000000000000"]  # fmt: skip
    rows = na_mon_rows(*(person(code, "poor") for code in guards),
                   person("019088776655", "poor"), person("012345678", "near_poor"))  # fmt: skip
    found = _check(tmp_path, rows)
    assert [(i.cell, i.message("vi")) for i in found] == [
        ("B19", _one("019088776655", 12)),
        ("B20", _one("012345678", 9)),
    ]
    twice = _check(tmp_path / "twice", na_mon_rows(person("012345678", "poor"),
                                                person("012345678", "poor")))  # fmt: skip
    assert [(i.cell, i.message("vi")) for i in twice] == [
        ("B10", _one("012345678", 9, counted=False)),
        ("B11", _one("012345678", 9, counted=False)),
    ]


def test_a_commune_whose_start_list_writes_such_codes_is_not_told(tmp_path):
    """Guards: the plan's start list numbering every household with 12 digits from 0 (the
    commune's own scheme): a new household's '019088776655' is not told either; a start list
    holding '019088776655' for NM1 alone: that code is the commune's (not told), another
    household's '019088776699' is (B10)."""
    scheme = [{**row, "ma_ho": f"0627701{n:05d}"} for n, row in enumerate(start_list(), 1)]
    lists = [{k: v for k, v in row.items() if k not in ("hamlet", "stt")}
             for row in scheme if row["hamlet"] == "Nà Mòn"]  # fmt: skip
    mine = [*lists, person("019088776655", "poor")]
    assert _check(tmp_path, mine, scheme) == []
    one = [{**row, "ma_ho": "019088776655"} if row["ma_ho"] == "NM1" else row
           for row in start_list()]  # fmt: skip
    rows = [person("019088776655", "poor", chu_ho="Hoàng Văn NM1"), *na_mon_rows()[1:],
            person("019088776699", "poor")]  # fmt: skip
    found = _check(tmp_path / "one", rows, one)
    assert [(i.cell, i.message("vi")) for i in found] == [("B10", _one("019088776699", 12))]


def test_check_says_it_as_the_run(tmp_path):
    """`giamngheo check` of the plan and Nà Mòn's list with an old CMND as a Mã hộ (row 10):
    the run's warning, whole."""
    folder, _ = new_commune(tmp_path)
    write_roster(folder, "NaMon_2024-05.xlsx", "Nà Mòn", 100,
                 na_mon_rows(person("012345678", "poor")), "2024-05", date(2024, 6, 3))  # fmt: skip
    checked = CliRunner().invoke(main, ["check", str(folder)]).output
    assert f"NaMon_2024-05.xlsx, Danh sách, B10 ({CODE}): {_one('012345678', 9)}\n" in checked


def test_a_code_that_is_an_id_number_is_told_after_a_list_with_a_formula_cell(tmp_path):
    """Both lists have a formula without its value in J5 (the first household's income, counted
    without it) and a new near-poor household under a CCCD as its Mã hộ: Nà Mòn's 'Lý Thị Năm'
    '019088776655' at row 10, Bản Cọ's 'Lò Văn Sáu' '019088776600' at row 8. `validate_rosters`
    took the start list's name for a list's first row number while saying the formula cell, so
    the next list's ID check was handed a row number for the start list and the run stopped
    on it. Now both warnings, as for lists read alone; by hand: Nà Mòn near-poor 2 + 1 = 3,
    Bản Cọ near-poor 1 (BC3) + 1 = 2."""
    folder, out = new_commune(tmp_path)
    nm = na_mon_rows(person("019088776655", "near_poor", chu_ho="Lý Thị Năm"))
    bc = [*BAN_CO, person("019088776600", "near_poor", chu_ho="Lò Văn Sáu")]
    run_lists(folder, out, "2024-05", {"Bản Cọ": bc, "Nà Mòn": nm})
    for path in sorted(folder.glob("DS_*.xlsx")):
        book = openpyxl.load_workbook(path)
        book["Danh sách"]["J5"] = "=1000000+200000"
        book.save(path)
    execute(folder, out, "2024-05")
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", read_only=True)
    said = [r for r in book["Lỗi dữ liệu"].iter_rows(values_only=True) if CODE in r]
    book.close()
    assert sorted((r[1], r[4], r[7]) for r in said) == [
        ("Bản Cọ", "B8", "019088776600"), ("Nà Mòn", "B10", "019088776655")
    ]  # fmt: skip
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    hamlets = {h["hamlet"]: h for h in summary["hamlets"]}
    assert (hamlets["Nà Mòn"]["near_poor"], hamlets["Bản Cọ"]["near_poor"]) == (3, 2)
