"""Small builders for household tables, so each test shows its case in a few lines."""

from __future__ import annotations

import pandas as pd

from pipeline.types import HOUSEHOLD_COLUMNS
from schemas.columns import INDICATOR_KEYS


def household(
    ma_ho: str,
    status: str,
    hamlet: str = "A",
    deprived: tuple[int, ...] = (),
    name: str | None = None,
    birth: int | None = 1970,
    income: float = 1_000_000,
) -> dict:
    row = {
        "hamlet": hamlet,
        "file": f"{hamlet}.xlsx",
        "sheet": "Danh sách",
        "excel_row": 5,
        "ma_ho": ma_ho,
        "chu_ho": name or f"Chủ hộ {ma_ho}",
        "nam_sinh": birth,
        "gioi_tinh": "Nam",
        "dan_toc": "Tày",
        "so_dinh_danh": "",
        "nhan_khau": 4,
        "phan_loai": status,
        "thu_nhap": income,
        "nguyen_nhan": "",
        "doi_tuong": "",
        "nhu_cau": "",
        "ghi_chu": "",
        "valid": True,
    }
    for index, key in enumerate(INDICATOR_KEYS, start=1):
        row[key] = index in deprived
    row["n_deprived"] = len(deprived)
    return row


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(HOUSEHOLD_COLUMNS))
