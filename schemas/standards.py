"""Poverty standards as data (CONTRACT §2.3): income lines and the deprivation rule.

The plan names the standard that applies; nothing else in the code knows the
numbers. Lines are đồng per person per month.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, eq=False, repr=False)
class Standard:
    """A poverty standard: its income lines and how many deprivations make a household poor.
    Frozen, without the ``__eq__``, ``__hash__`` and ``__repr__`` nothing asks of one (a
    dataclass compiles each at every import; the docstring spares it working one out: session
    33)."""

    name: str
    rural_line: int
    urban_line: int
    min_deprivations_poor: int  # poor when income ≤ line and deprived in at least this many
    years: tuple[int, int]  # first and last year the standard applies
    # whether its 12 deprivation indicators are the ones the roster holds (2022-2025's). The
    # 2027-2030 list of Nghị định 351/2025 is unconfirmed (DOMAIN §2.1): the roster keeps the
    # 2022-2025 indicators and the reports say so (docs/decisions.md, session 38).
    indicators_confirmed: bool = True

    def income_line(self, area: str) -> int:
        return self.urban_line if area == "urban" else self.rural_line


STANDARDS: dict[str, Standard] = {
    # Nghị định 07/2021/NĐ-CP; extended through 2026 by Nghị định 351/2025/NĐ-CP.
    "2022-2025": Standard("2022-2025", 1_500_000, 2_000_000, 3, (2022, 2026)),
    # Nghị định 351/2025/NĐ-CP.
    "2027-2030": Standard("2027-2030", 2_200_000, 2_800_000, 3, (2027, 2030), False),
}
DEFAULT_STANDARD = "2022-2025"


def standard_for_year(year: int) -> str:
    """The standard in force in ``year`` (the latest one for a year after them all)."""
    for name, standard in STANDARDS.items():
        if standard.years[0] <= year <= standard.years[1]:
            return name
    return DEFAULT_STANDARD if year < 2022 else list(STANDARDS)[-1]


# Names a plan may give a standard besides its key: Nghị định 351/2025 is "giai đoạn
# 2026-2030", whose first year keeps the 2022-2025 lines; "" is a blank cell.
YEAR_DEPENDENT_NAMES = frozenset({"", "2026-2030"})
