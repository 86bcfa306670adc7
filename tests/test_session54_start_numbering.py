"""Session 54 (D4): a start list whose codes are telephone numbers is no numbering.

The start list's numbering (the shape more than half its codes have) took phones or heads'
CCCDs typed as codes for the commune's own: NiemYet posted them whole and never told. Now, as
the lists' and stored months' numbering (session 54's review), a numbering's codes begin alike
over more than half their digits (``rosterchecks.numbered_alike``), among the list's codes or
their hamlet's: phones and CCCDs of different people do not.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor. Each head is 'Hoàng Văn <code>'."""

from __future__ import annotations

import json

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets
from tests.id_cells import check_na_mon, renumbered
from tests.test_session38_oracle import run_lists
from tests.test_session51_privacy import xml_text
from tests.test_session53_r3_masking import posted_households

# the ten households' codes, each a mobile number (Nà Mòn's five, Bản Cọ's three, Đồng Kè's two)
PHONES = ["0912345678", "0987654321", "0911222333", "0934567812", "0977111222",
          "0966333444", "0858123456", "0389765432", "0868555777", "0327444111"]  # fmt: skip


def _run(tmp_path, code):
    """A May run of both hamlets' lists writing the start list's codes ``code(n)``."""
    folder, out = new_commune(tmp_path)
    start, na_mon = renumbered(code)
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), start)
    ban_co = [{k: v for k, v in row.items() if k not in ("hamlet", "stt")}
              for row in start if row["hamlet"] == "Bản Cọ"]  # fmt: skip
    run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon, "Bản Cọ": ban_co})
    return out / "2024-05"


def test_a_start_list_of_phone_numbers_is_masked_on_niemyet(tmp_path):
    """Every start-list code a phone: NiemYet posted them whole ('0912345678'). Now each is
    masked to its last 4 digits, by hand, none in the XML; the households are still counted
    (Nà Mòn 3 poor and 2 near-poor, Bản Cọ 2 and 1, as the start list; Đồng Kè sent none)
    and the head is told nothing of them (the start list is the register; session 51), but
    of a new household's phone, at B10."""
    month = _run(tmp_path, lambda n: PHONES[n - 1])
    path = month / "NiemYet_2024-05.xlsx"
    assert posted_households(path) == [
        ("********5678", "Hoàng Văn NM1"),
        ("********4321", "Hoàng Văn NM2"),
        ("********2333", "Hoàng Văn NM3"),
        ("********7812", "Hoàng Văn NM4"),
        ("********1222", "Hoàng Văn NM5"),
    ]
    assert posted_households(path, "Bản Cọ") == [
        ("********3444", "Hoàng Văn BC1"),
        ("********3456", "Hoàng Văn BC2"),
        ("********5432", "Hoàng Văn BC3"),
    ]
    text = xml_text(path)
    assert not [p for p in PHONES if p in text]
    summary = json.loads((month / "TongHop_2024-05.json").read_text("utf-8"))
    by_hamlet = {h["hamlet"]: (h["poor"], h["near_poor"]) for h in summary["hamlets"]}
    assert by_hamlet == {"Nà Mòn": (3, 2), "Bản Cọ": (2, 1), "Đồng Kè": (None, None)}
    start, na_mon = renumbered(lambda n: PHONES[n - 1])
    assert check_na_mon(tmp_path / "check", na_mon, start) == []
    # a new household's phone (on no start list) told at its cell, as in any commune (before:
    # of the start list's shape, the commune's own, not told)
    new = person("0905111222", "poor", chu_ho="Hoàng Văn Sáu")
    told = check_na_mon(tmp_path / "new", [*na_mon, new], start)
    assert [(i.cell, i.variant) for i in told] == [("B10", "phone")]


def test_a_numbering_parting_by_hamlet_is_posted_as_written(tmp_path):
    """Guard: Nà Mòn numbered '167.001.001'-'005', Bản Cọ and Đồng Kè '167.105.001'-'005'
    (their first 5 digits, over half, shared by 5 of 10 codes, not over half: alike among
    their hamlet's): every code posted as written, as before."""

    def code(n: int) -> str:
        return f"167.001.{n:03d}" if n <= 5 else f"167.105.{n - 5:03d}"

    path = _run(tmp_path, code) / "NiemYet_2024-05.xlsx"
    assert [c for c, _ in posted_households(path)] == [f"167.001.00{n}" for n in range(1, 6)]
    assert [c for c, _ in posted_households(path, "Bản Cọ")] == [
        "167.105.001",
        "167.105.002",
        "167.105.003",
    ]
