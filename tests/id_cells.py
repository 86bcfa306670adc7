"""A Mã hộ that is an ID or telephone number, and `check` of Nà Mòn's May list holding it, as
session 51's and 52's tests of 'household-id-is-id-number' build them.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor. Each list's
households start at row 5: Nà Mòn's sixth household at row 10."""

from __future__ import annotations

from collections.abc import Callable

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.template import write_plan_workbook
from tests.april_may import BAN_CO
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets, start_list, write_roster
from tests.test_session38_oracle import na_mon_rows, run_lists
from tests.test_session51_privacy import xml_text

CODE = "household-id-is-id-number"
# the end of the warning at a Mã hộ that is an ID number, by hand
ID_TAIL = (
    "không phải mã hộ của xã. Mã hộ được niêm yết công khai cùng danh sách hộ, nên không dùng "
    "số CCCD/CMND làm mã hộ: hãy ghi vào ô này mã hộ như trong sổ quản lý hộ nghèo của xã (hộ "
    "mới chưa có mã thì hỏi cán bộ xã mã hộ mới); số CCCD của chủ hộ, nếu cần, ghi ở cột 'Số "
    "định danh cá nhân'."
)


def phone_said(value: str, counted: bool = True) -> str:
    """The warning at a Mã hộ that is a telephone number, by hand."""
    return (
        f"'Mã hộ' ghi '{value}', là một số điện thoại, không phải mã hộ của xã. Mã hộ được niêm "
        "yết công khai cùng danh sách hộ, nên không dùng số điện thoại làm mã hộ: hãy ghi vào ô "
        "này mã hộ như trong sổ quản lý hộ nghèo của xã (hộ mới chưa có mã thì hỏi cán bộ xã mã "
        "hộ mới); số điện thoại, nếu cần, ghi ở cột 'Ghi chú'."
        + (" Hộ vẫn được tính." if counted else "")
    )


def numbered(code: int, status: str = "poor", name: str | None = None) -> dict:
    """A row whose Mã hộ is a number cell ``code`` (as Excel keeps a CCCD typed into it),
    once :func:`as_numbers` has made it one (the template writes every code as text)."""
    row = person(name or f"N{code}", status)
    row["ma_ho"] = code
    return row


def as_numbers(path, rows: list[dict]) -> None:
    """The list ``path`` of ``rows`` with each whole-number Mã hộ a Number cell in the General
    format, as Excel keeps a number typed into a cell (the template wrote it as text)."""
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    for at, row in enumerate(rows):
        if row["ma_ho"].__class__ is int:
            cell = sheet.cell(row=5 + at, column=2)
            assert cell.value == str(row["ma_ho"])  # the row where the template wrote it
            cell.value, cell.number_format = row["ma_ho"], "General"
    book.save(path)


def check_na_mon(tmp_path, rows: list[dict], plan_start: list[dict] | None = None):
    """`check` (check_files) of the plan and Nà Mòn's May list of ``rows``; the plan's start
    list ``plan_start`` (the small commune's by default). Returns its :data:`CODE` issues."""
    folder = tmp_path / "vao"
    folder.mkdir(parents=True)
    plan = folder / "KeHoach_2024.xlsx"
    write_plan_workbook(plan, PLAN_INFO, plan_hamlets(), plan_start or start_list())
    roster = write_roster(folder, "NaMon_2024-05.xlsx", "Nà Mòn", 100, rows)
    as_numbers(roster, rows)
    return [i for i in check_files([plan, roster]) if i.code == CODE]


def renumbered(code: Callable[[int], str]) -> tuple[list[dict], list[dict]]:
    """The small commune's start list with each household's Mã hộ ``code(n)`` (n from 1, in its
    order: a commune's own numbering), and Nà Mòn's households of it as its list writes them."""
    start = [{**row, "ma_ho": code(n)} for n, row in enumerate(start_list(), 1)]
    na_mon = [{k: v for k, v in row.items() if k not in ("hamlet", "stt")}
              for row in start if row["hamlet"] == "Nà Mòn"]  # fmt: skip
    return start, na_mon


def nm1_coded(code: str) -> list[dict]:
    """The small commune's start list writing NM1's Mã hộ ``code``."""
    return [{**row, "ma_ho": code} if row["ma_ho"] == "NM1" else row for row in start_list()]


def own_codes_told(
    tmp_path, code: Callable[[int], str], new: int, nm1: str, nm1_typed: int, other: int
) -> list[tuple[str, str]]:
    """The guards of a commune's own codes typed as numbers. A start list numbering every
    household ``code(n)`` (:func:`renumbered`): Nà Mòn's list of its households and a new
    household's ``new`` typed as a number, nothing told (asserted). The small commune's start
    list writing NM1's code ``nm1`` (:func:`nm1_coded`): Nà Mòn's list of NM1 typed as the
    number ``nm1_typed``, NM2-NM5 as written and another household's number ``other`` (row
    10). Returns what `check` tells of the latter: (cell, its Vietnamese message)."""
    scheme, lists = renumbered(code)
    assert check_na_mon(tmp_path, [*lists, numbered(new)], scheme) == []
    rows = [numbered(nm1_typed, name="Hoàng Văn NM1"), *na_mon_rows()[1:], numbered(other)]
    found = check_na_mon(tmp_path / "one", rows, nm1_coded(nm1))
    return [(i.cell, i.message("vi")) for i in found]


def na_mon_posted(tmp_path, nm: list[dict], ethnicity: bool = True) -> tuple[list[tuple], str]:
    """May run of the small commune with Nà Mòn's rows ``nm`` beside Bản Cọ's: NiemYet's Nà
    Mòn rows as posted, (code, head's name) and the ethnicity if ``ethnicity``, and what is
    published as text (NiemYet's XML and the JSON summary), to search for a number."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-05", {"Nà Mòn": nm, "Bản Cọ": BAN_CO})
    path = out / "2024-05" / "NiemYet_2024-05.xlsx"
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [r[1:3] + (r[5:6] if ethnicity else ()) for r in book["Nà Mòn"].iter_rows(values_only=True)
            if len(r) > 2 and isinstance(r[0], int)]  # fmt: skip
    book.close()
    summary = out / "2024-05" / "TongHop_2024-05.json"
    return rows, xml_text(path) + summary.read_text("utf-8")
