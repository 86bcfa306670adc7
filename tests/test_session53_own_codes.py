"""The commune's own codes never masked on the posted list; a Mã hộ that is an ID or telephone
number grouped by dots, dashes or mixed separators told to the head (session 53, helper A).

Session 53 masked on NiemYet an old CMND grouped 3.3.3 from 0-3 ('212.345.678') and a number
of mixed separators ('0912.345 678'). Left: a commune whose own codes are grouped so
('167.012.045') saw every code masked on the list a household finds itself on, and a Mã hộ
written so was masked but not told to the head (``rosterchecks._ID_AS_CODE`` read spaces
alone, ``_PHONE_WRITTEN`` one kind of separator). Now a code on the plan's start list is never
masked in the Mã hộ column, and the warning reads a number's separators as the masking does
(``text.NUMBER_SEPARATOR``), telling what the list masks whole.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor. Each head is 'Hoàng Văn <code>'; a list's sixth household at row 10."""

from __future__ import annotations

from datetime import date

import openpyxl

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets, write_plan, write_roster
from tests.id_cells import ID_TAIL, check_na_mon, nm1_coded, phone_said, renumbered
from tests.test_session38_oracle import na_mon_rows, run_lists
from tests.test_session51_privacy import xml_text


def _id_said(value: str, digits: int) -> str:
    """The warning at a Mã hộ that is an ID number, by hand."""
    return f"'Mã hộ' ghi '{value}', là một dãy {digits} chữ số như số CCCD/CMND, {ID_TAIL}" + (
        " Hộ vẫn được tính."
    )


def _dotted(n: int) -> str:
    """The commune's own code of its n-th household, grouped 3.3.3 from 1 as an old CMND is."""
    return f"167.012.{n:03d}"


def test_the_communes_own_codes_are_posted_and_an_id_or_phone_as_a_code_masked(tmp_path):
    """The plan's start list numbers every household '167.012.001' on (Nà Mòn's NM1-NM5 are
    001-005, Bản Cọ's 006-008). May: Nà Mòn lists its five households under those codes and two
    new poor households under '212.345.678' (a CMND) and '0912.345 678' (a phone). NiemYet
    masked every code ('********2001' for NM1). Now, by hand: each of the commune's codes as
    written, the CMND '********5678', the phone '********5678'; neither number in the
    workbook."""
    folder, out = new_commune(tmp_path)
    start, na_mon = renumbered(_dotted)
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), start)
    ban_co = [{k: v for k, v in row.items() if k not in ("hamlet", "stt")}
              for row in start if row["hamlet"] == "Bản Cọ"]  # fmt: skip
    nm = [*na_mon, person("212.345.678", "poor", chu_ho="Hoàng Văn Sáu"),
          person("0912.345 678", "poor", chu_ho="Hoàng Văn Bảy")]  # fmt: skip
    run_lists(folder, out, "2024-05", {"Nà Mòn": nm, "Bản Cọ": ban_co})
    path = out / "2024-05" / "NiemYet_2024-05.xlsx"
    book = openpyxl.load_workbook(path, read_only=True)
    posted = {
        sheet: [r[1:3] for r in book[sheet].iter_rows(values_only=True)
                if len(r) > 2 and isinstance(r[0], int)]
        for sheet in ("Nà Mòn", "Bản Cọ")
    }  # fmt: skip
    book.close()
    assert posted == {
        "Nà Mòn": [
            ("167.012.001", "Hoàng Văn NM1"),
            ("167.012.002", "Hoàng Văn NM2"),
            ("167.012.003", "Hoàng Văn NM3"),
            ("********5678", "Hoàng Văn Sáu"),
            ("********5678", "Hoàng Văn Bảy"),
            ("167.012.004", "Hoàng Văn NM4"),
            ("167.012.005", "Hoàng Văn NM5"),
        ],
        "Bản Cọ": [
            ("167.012.006", "Hoàng Văn BC1"),
            ("167.012.007", "Hoàng Văn BC2"),
            ("167.012.008", "Hoàng Văn BC3"),
        ],
    }
    text = xml_text(path)
    assert "212.345.678" not in text and "0912.345 678" not in text


def test_an_id_or_phone_grouped_by_marks_as_a_code_is_told_at_its_cell(tmp_path):
    """Nà Mòn's May list: NM1-NM5, then new households under '212.345.678' (B10, an old CMND
    by dots), '0912.345 678' (B11, a phone of mixed separators), '001.088.776.655' (B12, a CCCD
    by dots), '0912 - 345 - 678' (B13, a phone by spaced dashes), and the guards '2123.45.678'
    (B14: no grouping the list masks, posted as written) and '167.06277.001' (B15, a dotted
    code). None was told; now B10-B13 each at its cell, the words by hand."""
    rows = na_mon_rows(*(person(code, "poor") for code in (
        "212.345.678", "0912.345 678", "001.088.776.655", "0912 - 345 - 678", "2123.45.678",
        "167.06277.001")))  # fmt: skip
    found = check_na_mon(tmp_path, rows)
    assert [(i.cell, i.row, i.column, i.message("vi")) for i in found] == [
        ("B10", 10, "Mã hộ", _id_said("212.345.678", 9)),
        ("B11", 11, "Mã hộ", phone_said("0912.345 678")),
        ("B12", 12, "Mã hộ", _id_said("001.088.776.655", 12)),
        ("B13", 13, "Mã hộ", phone_said("0912 - 345 - 678")),
    ]
    assert {(i.file, i.sheet) for i in found} == {("NaMon_2024-05.xlsx", "Danh sách")}


def test_the_communes_own_codes_grouped_as_an_id_are_not_told(tmp_path):
    """Guards: the start list numbering every household '167.012.001' on: Nà Mòn's list of its
    households and a new household's '167.012.099' (the commune's grouping) tells nothing. The
    small commune's start list writing NM1's code '212.345.678': NM1 under it is not told;
    another household's '312.456.789' (row 10) is."""
    start, na_mon = renumbered(_dotted)
    assert check_na_mon(tmp_path, [*na_mon, person("167.012.099", "poor")], start) == []
    rows = [person("212.345.678", "poor", chu_ho="Hoàng Văn NM1"), *na_mon_rows()[1:],
            person("312.456.789", "poor")]  # fmt: skip
    found = check_na_mon(tmp_path / "one", rows, nm1_coded("212.345.678"))
    assert [(i.cell, i.message("vi")) for i in found] == [("B10", _id_said("312.456.789", 9))]


def test_without_a_start_list_the_codes_stored_of_the_communes_shape_are_its_own(tmp_path):
    """A plan without a start list; April's run stores Nà Mòn's households under '167.012.001'
    to '167.012.005' and a new one under '019088776655' (a CCCD, told in April). May's list
    writes them again (the CCCD at B10), a new household's '167.012.099' (B11, the commune's
    grouping) and '0912.345 678' (B12, a phone). May told each of the seven codes but the
    phone an ID number (one warning naming rows 5-11). Now the stored codes of the shape most
    have are the commune's own: B10 and B12 are told, the words by hand; the CCCD stored
    in April is told again (no code of the commune's shape)."""
    from pipeline.run import execute

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder, with_start_list=False)
    _, na_mon = renumbered(_dotted)
    april = [*(dict(r) for r in na_mon), person("019088776655", "poor")]
    write_roster(folder, "NaMon_2024-04.xlsx", "Nà Mòn", 100, april, "2024-04", date(2024, 5, 3))
    execute(folder, out, "2024-04")
    may = [*na_mon, person("019088776655", "poor"), person("167.012.099", "poor"),
           person("0912.345 678", "poor")]  # fmt: skip
    write_roster(folder, "NaMon_2024-05.xlsx", "Nà Mòn", 100, may, "2024-05", date(2024, 6, 3))
    result = execute(folder, out, "2024-05")[0]
    told = [i for i in result.issues if i.code == "household-id-is-id-number"]
    assert [(i.file, i.cell, i.message("vi")) for i in told] == [
        ("NaMon_2024-05.xlsx", "B10", _id_said("019088776655", 12)),
        ("NaMon_2024-05.xlsx", "B12", phone_said("0912.345 678")),
    ]
