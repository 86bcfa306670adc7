"""The commune renumbered at the year's turn, as session 53's tests of the year's turn build it:
the same people in both years, Nà Mòn's and Bản Cọ's codes swapped by the 2025 start list.

Nà Mòn: Lò Văn An, Lò Văn Bình poor, Lò Văn Cường near-poor; Bản Cọ: Hà Thị Dung, Hà Thị Em
poor, Hà Thị Phương near-poor; Đồng Kè: Ma Văn Giang poor, Ma Văn Hải near-poor. 2024's codes:
Nà Mòn 001-003, Bản Cọ 004-006, Đồng Kè 007-008; 2025's: Nà Mòn 004-006, Bản Cọ 001-003,
Đồng Kè 007-008."""

from __future__ import annotations

from pathlib import Path

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person

# Nà Mòn's and Bản Cọ's households (head, class), the same people both years; Đồng Kè's too.
PEOPLE = {
    "Nà Mòn": [("Lò Văn An", "poor"), ("Lò Văn Bình", "poor"), ("Lò Văn Cường", "near_poor")],
    "Bản Cọ": [("Hà Thị Dung", "poor"), ("Hà Thị Em", "poor"), ("Hà Thị Phương", "near_poor")],
    "Đồng Kè": [("Ma Văn Giang", "poor"), ("Ma Văn Hải", "near_poor")],
}
# The first code of each hamlet's households: the 2025 start list gives Nà Mòn's the codes
# Bản Cọ's had in 2024 and the reverse; Đồng Kè keeps 007-008.
FIRST_CODE = {2024: {"Nà Mòn": 1, "Bản Cọ": 4, "Đồng Kè": 7},
              2025: {"Nà Mòn": 4, "Bản Cọ": 1, "Đồng Kè": 7}}  # fmt: skip
SLUGS = {"Nà Mòn": "NaMon", "Bản Cọ": "BanCo", "Đồng Kè": "DongKe"}


def year_turn_households(hamlet: str, year: int, with_hamlet: bool = False) -> list[dict]:
    """``hamlet``'s households under ``year``'s codes ('001' …), each head born in his own year."""
    rows = []
    for i, (name, status) in enumerate(PEOPLE[hamlet]):
        code = f"{FIRST_CODE[year][hamlet] + i:03d}"
        row = person(code, status, chu_ho=name, nam_sinh=1950 + FIRST_CODE[2024][hamlet] + i)
        rows.append(dict(row, hamlet=hamlet) if with_hamlet else row)
    return rows


def write_year_turn_plans(folder: Path, years: tuple[int, ...] = (2024, 2025)) -> None:
    """Each of ``years``' plans 'KeHoach_<year>.xlsx' in ``folder``: 100 households a hamlet, 2
    poor and 1 near-poor at the start in Nà Mòn and Bản Cọ, 1 and 1 in Đồng Kè (hamlet targets
    1 poor, 0 near-poor; the commune's 0.5 % and 0 %), the start list in that year's codes."""
    hamlets = [
        dict(hamlet=h, start_households=100, start_poor=len(p) - 1, start_near_poor=1,
             poor_target=1, near_poor_target=0)
        for h, p in PEOPLE.items()
    ]  # fmt: skip
    for year in years:
        start = [row for h in PEOPLE for row in year_turn_households(h, year, with_hamlet=True)]
        for stt, row in enumerate(start, start=1):
            row["stt"] = stt
        info = {**PLAN_INFO, "plan_year": year, "poor_target": 0.5, "near_poor_target": 0.0}
        write_plan_workbook(folder / f"KeHoach_{year}.xlsx", info, hamlets, start)
