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

import openpyxl

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets
from tests.id_cells import renumbered
from tests.test_session38_oracle import _month
from tests.test_session51_privacy import _xml_text


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
    _month(folder, out, "2024-05", {"Nà Mòn": nm, "Bản Cọ": ban_co})
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
    text = _xml_text(path)
    assert "212.345.678" not in text and "0912.345 678" not in text
