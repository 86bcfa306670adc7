"""Session 53's review of the masking on the posted list (NiemYet; helper R3).

Two leaks found: a person's number right after a letter and a dot ('ĐT.0912345678',
'CCCD.001204012345') was posted whole (``text._NOT_WITHIN`` read any '.' or ',' before a
number as a longer number's); a code the plan's start list holds was never masked, so the head's
CCCD entered as NM1's code in a register numbering 'NM1', 'NM2'... was posted whole. Now the
number after a letter and a dot is read as a group of 9 to 12 digits (a grouped one may be a
code's part, as after a dash); a start-list code is posted as written only where it is of the
commune's numbering (the shape more than half the start list's codes have).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor. Each head is 'Hoàng Văn <code>'."""

from __future__ import annotations

import openpyxl

from pipeline.template import write_plan_workbook
from pipeline.text import mask_ids_in, may_hold_id
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets
from tests.id_cells import check_na_mon, nm1_coded, renumbered
from tests.test_session38_oracle import na_mon_rows, run_lists
from tests.test_session51_privacy import xml_text

BAN_CO = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]


def posted_households(path, sheet: str = "Nà Mòn") -> list[tuple]:
    """A sheet's households on NiemYet: (Mã hộ, Chủ hộ)."""
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [r[1:3] for r in book[sheet].iter_rows(values_only=True)
            if len(r) > 2 and isinstance(r[0], int)]  # fmt: skip
    book.close()
    return rows


def test_a_number_after_a_letter_and_a_dot_is_masked():
    """By hand: the phone or ID after 'ĐT.', 'CCCD.', 'SĐT.' or a comma is masked to its last 4
    digits (was kept whole); the first look sees each. Guards kept as written: a dotted code
    after letters ('NM.212.345.678', 'TL.01.001', 'HN.2024.000123'), an amount, a date, a
    number after a digit and a dot ('1.500.000')."""
    masked = {
        "Hoàng Văn An ĐT.0912345678": "Hoàng Văn An ĐT.********5678",
        "CCCD.001204012345": "CCCD.********2345",
        "SĐT.0987654321 (con trai)": "SĐT.********4321 (con trai)",
        "Lò Thị Hoa,0912345678": "Lò Thị Hoa,********5678",
        "sđt.0912 345 678": "sđt.********5678",
    }
    for text, shown in masked.items():
        assert may_hold_id(text), text
        assert mask_ids_in(text) == shown, text
    for kept in ("NM.212.345.678", "TL.01.001", "HN.2024.000123", "1.500.000",
                 "thu nhập 1.200.000đ/tháng", "12.03.2024", "Xóm 3.2"):  # fmt: skip
        assert mask_ids_in(kept) == kept, kept


def test_a_cccd_the_start_list_holds_as_a_code_of_no_numbering_is_masked(tmp_path):
    """The start list writes NM1's code '019088776655' (its head's CCCD; the commune numbers
    'NM1', 'NM2'...); May's list writes NM1 so and NM2's head 'Hoàng Văn NM2 ĐT.0912345678'.
    NiemYet posted both numbers whole. Now, by hand: '********6655' for NM1,
    'Hoàng Văn NM2 ĐT.********5678'; the other codes as written; neither number in the XML."""
    folder, out = new_commune(tmp_path)
    write_plan_workbook(
        folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), nm1_coded("019088776655")
    )
    nm = na_mon_rows()
    nm[0] = person("019088776655", "poor", chu_ho="Hoàng Văn NM1")
    nm[1]["chu_ho"] = "Hoàng Văn NM2 ĐT.0912345678"
    run_lists(folder, out, "2024-05", {"Nà Mòn": nm, "Bản Cọ": BAN_CO})
    path = out / "2024-05" / "NiemYet_2024-05.xlsx"
    assert posted_households(path) == [
        ("********6655", "Hoàng Văn NM1"),
        ("NM2", "Hoàng Văn NM2 ĐT.********5678"),
        ("NM3", "Hoàng Văn NM3"),
        ("NM4", "Hoàng Văn NM4"),
        ("NM5", "Hoàng Văn NM5"),
    ]
    text = xml_text(path)
    assert "019088776655" not in text and "0912345678" not in text


def test_a_commune_numbering_in_twelve_digits_posts_its_codes(tmp_path):
    """Guard: a start list numbering every household '019088776601' on (12 digits from 0, the
    commune's numbering, not a CCCD): Nà Mòn's codes '...01' to '...05' posted as written, and
    a new household's '019088776655' (of the same shape, on no start list) masked."""
    folder, out = new_commune(tmp_path)
    start, na_mon = renumbered(lambda n: f"0190887766{n:02d}")
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), start)
    ban_co = [{k: v for k, v in row.items() if k not in ("hamlet", "stt")}
              for row in start if row["hamlet"] == "Bản Cọ"]  # fmt: skip
    nm = [*na_mon, person("019088776655", "poor", chu_ho="Hoàng Văn Sáu")]
    run_lists(folder, out, "2024-05", {"Nà Mòn": nm, "Bản Cọ": ban_co})
    path = out / "2024-05" / "NiemYet_2024-05.xlsx"
    assert posted_households(path) == [
        ("019088776601", "Hoàng Văn NM1"),
        ("019088776602", "Hoàng Văn NM2"),
        ("019088776603", "Hoàng Văn NM3"),
        ("********6655", "Hoàng Văn Sáu"),
        ("019088776604", "Hoàng Văn NM4"),
        ("019088776605", "Hoàng Văn NM5"),
    ]


def _dotted(n: int) -> str:
    """The commune's own code of its n-th household, grouped 3.3.3 as an old CMND is."""
    return f"167.012.{n:03d}"


def test_the_communes_code_written_with_spaces_is_neither_told_nor_masked(tmp_path):
    """The start list numbers every household '167.012.001' on. Nà Mòn's head writes NM1's code
    '167 012 001' (spaces for its dots; the run pairs it with '167.012.001': one household).
    `check` told B5 a CMND ('... là một dãy 9 chữ số như số CCCD/CMND ...') and NiemYet
    posted '********2001'. Now nothing is told, and NM1's code is posted as written, while a
    new household's '212 345 678' (a CMND, digits of no start-list code) is masked."""
    start, na_mon = renumbered(_dotted)
    rows = [dict(r) for r in na_mon]
    rows[0]["ma_ho"] = "167 012 001"
    assert check_na_mon(tmp_path / "check", rows, start) == []
    folder, out = new_commune(tmp_path)
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), start)
    ban_co = [{k: v for k, v in row.items() if k not in ("hamlet", "stt")}
              for row in start if row["hamlet"] == "Bản Cọ"]  # fmt: skip
    nm = [*rows, person("212 345 678", "poor", chu_ho="Hoàng Văn Sáu")]
    run_lists(folder, out, "2024-05", {"Nà Mòn": nm, "Bản Cọ": ban_co})
    path = out / "2024-05" / "NiemYet_2024-05.xlsx"
    assert posted_households(path) == [
        ("167 012 001", "Hoàng Văn NM1"),
        ("167.012.002", "Hoàng Văn NM2"),
        ("167.012.003", "Hoàng Văn NM3"),
        ("********5678", "Hoàng Văn Sáu"),
        ("167.012.004", "Hoàng Văn NM4"),
        ("167.012.005", "Hoàng Văn NM5"),
    ]
    assert "212 345 678" not in xml_text(path)
