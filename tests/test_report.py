"""The consolidated workbook: sheets, figures equal to the JSON summary, safety, determinism."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipeline.figures import causes_of, target_groups_of
from pipeline.report.workbook import write_consolidated
from pipeline.types import HOUSEHOLD_COLUMNS, Issue, Plan, RunResult, Submission
from schemas.columns import INDICATOR_KEYS
from tests.printed_pages import between_estimates, page_starts

SHEETS = [
    "Tổng hợp",
    "Theo xóm",
    "Biến động",
    "Thiếu hụt",
    "Nguyên nhân",
    "DS hộ nghèo",
    "DS hộ cận nghèo",
    "Nộp báo cáo",
    "Lỗi dữ liệu",
    "Xu hướng",
]

# Three hamlets: Nà Mòn and Khuôn Ca reported, Bản Cọ did not.
#   Nà Mòn   100 households, start 3 poor / 2 near-poor, now 2 poor / 1 near-poor,
#            targets 2 poor / 1 near-poor: 1 more poor household must leave, none near-poor
#   Khuôn Ca  50 households, start 2 poor / 1 near-poor, now 1 poor / 1 near-poor,
#            targets 1 / 0: none more
#   Bản Cọ    80 households, start 5 poor / 4 near-poor, missing
PLAN_HAMLETS = pd.DataFrame(
    {
        "hamlet": ["Nà Mòn", "Khuôn Ca", "Bản Cọ"],
        "start_households": [100, 50, 80],
        "start_poor": [3, 2, 5],
        "start_near_poor": [2, 1, 4],
        "poor_target": [2, 1, 2],
        "near_poor_target": [1, 0, 1],
    }
)


def _household(hamlet, row, ma_ho, chu_ho, phan_loai, deprived=(), valid=True, **extra):
    base = {
        "hamlet": hamlet,
        "file": f"{hamlet}.xlsx",
        "sheet": "Danh sách",
        "excel_row": row,
        "ma_ho": ma_ho,
        "chu_ho": chu_ho,
        "nam_sinh": 1970,
        "gioi_tinh": "Nam",
        "dan_toc": "Tày",
        "so_dinh_danh": "001070000123",
        "nhan_khau": 4,
        "phan_loai": phan_loai,
        "thu_nhap": 1_200_000.0,
        **{k: k in deprived for k in INDICATOR_KEYS},
        "n_deprived": len(deprived),
        "nguyen_nhan": "",
        "doi_tuong": "",
        "nhu_cau": "",
        "ghi_chu": "",
        "valid": valid,
    }
    return {**base, **extra}


HOUSEHOLDS = pd.DataFrame(
    [
        _household(
            "Nà Mòn",
            9,
            "NM-002",
            "=1+1",
            "poor",
            ("td_04", "td_07", "td_10", "td_12"),
            nguyen_nhan="Thiếu đất sản xuất, Thiếu vốn",
            doi_tuong="NCC, KKNLĐ",
        ),
        _household(
            "Nà Mòn",
            8,
            "NM-001",
            "Hoàng Thị Mai",
            "poor",
            ("td_01", "td_04", "td_09"),
            gioi_tinh="Nữ",
            nguyen_nhan="Thiếu vốn; Thiếu công cụ, phương tiện sản xuất",
            doi_tuong="BTXH",
        ),
        _household(
            "Nà Mòn",
            10,
            "NM-003",
            "Lục Văn Hai",
            "near_poor",
            ("td_04",),
            nguyen_nhan="Ốm đau, bệnh nặng, tai nạn",
        ),
        _household("Nà Mòn", 11, "NM-009", "Lò Văn Thoát", "exited"),
        _household(
            "Khuôn Ca",
            8,
            "KC-001",
            "+84 912 345 678",
            "poor",
            ("td_02", "td_05", "td_08"),
            nguyen_nhan="Thiếu lao động",
            doi_tuong="KCKNLĐ",
        ),
        _household("Khuôn Ca", 9, "KC-002", "Ma Thị Ba", "near_poor", ("td_11",), gioi_tinh="Nữ"),
        _household(
            "Khuôn Ca", 10, "KC-003", "Nông Văn Lỗi", "poor", nguyen_nhan="Thiếu vốn", valid=False
        ),
    ],
    columns=list(HOUSEHOLD_COLUMNS),
)


def _deprivations(**counts: int) -> dict:
    return {k: counts.get(k, 0) for k in INDICATOR_KEYS}


def _subgroups(minority: tuple, no_labour: tuple, protection: tuple, female: tuple) -> dict:
    pairs = {
        "ethnic_minority": minority,
        "no_labour_capacity": no_labour,
        "social_protection": protection,
        "female_head": female,
    }
    return {name: {"poor": p, "near_poor": n} for name, (p, n) in pairs.items()}


def _movements(poor: tuple, near_poor: tuple) -> dict:
    return {
        "poor": dict(
            zip(
                ("start", "to_near_poor", "exited", "from_near_poor", "new", "returned", "end"),
                poor,
                strict=True,
            ),
            not_counted=0,
            moved_out=0,
            moved_in=0,
            recounted=0,
        ),
        "near_poor": dict(
            zip(
                ("start", "to_poor", "exited", "from_poor", "new", "returned", "end"),
                near_poor,
                strict=True,
            ),
            not_counted=0,
            moved_out=0,
            moved_in=0,
            recounted=0,
        ),
    }


NA_MON = {
    "hamlet": "Nà Mòn",
    "status": "ok",
    "households": 100,
    "poor": 2,
    "near_poor": 1,
    "poor_rate": 2.0,
    "near_poor_rate": 1.0,
    "multidim_rate": 3.0,
    "start_households": 100,
    "start_poor": 3,
    "start_near_poor": 2,
    "start_poor_rate": 3.0,
    "start_near_poor_rate": 2.0,
    "poor_rate_reduction": 1.0,
    "near_poor_rate_reduction": 1.0,
    "poor_target": 2,
    "near_poor_target": 1,
    "poor_target_met": False,
    "near_poor_target_met": True,
    "poor_progress": 50.0,
    "near_poor_progress": 100.0,
    "poor_still_to_exit": 1,  # 2 − (3 − 2)
    "near_poor_still_to_exit": 0,  # 1 − (2 − 1)
    "movements": _movements((3, 0, 1, 0, 0, 0, 2), (2, 0, 1, 0, 0, 0, 1)),
    # Against April: 2 poor and 1 near-poor then, no change since.
    "movements_month": _movements((2, 0, 0, 0, 0, 0, 2), (1, 0, 0, 0, 0, 0, 1)),
    "deprivations": {
        "poor": _deprivations(td_01=1, td_04=2, td_07=1, td_09=1, td_10=1, td_12=1),
        "near_poor": _deprivations(td_04=1),
    },
    # NM-002 (NCC, KKNLĐ) and NM-001 (Nữ, BTXH) poor, NM-003 near-poor; all Tày.
    "subgroups": _subgroups(minority=(2, 1), no_labour=(1, 0), protection=(1, 0), female=(1, 0)),
}
KHUON_CA = {
    "hamlet": "Khuôn Ca",
    "status": "ok",
    "households": 50,
    "poor": 1,
    "near_poor": 1,
    "poor_rate": 2.0,
    "near_poor_rate": 2.0,
    "multidim_rate": 4.0,
    "start_households": 50,
    "start_poor": 2,
    "start_near_poor": 1,
    "start_poor_rate": 4.0,
    "start_near_poor_rate": 2.0,
    "poor_rate_reduction": 2.0,
    "near_poor_rate_reduction": 0.0,
    "poor_target": 1,
    "near_poor_target": 0,
    "poor_target_met": True,
    "near_poor_target_met": True,
    "poor_progress": 100.0,
    "near_poor_progress": None,
    "poor_still_to_exit": 0,
    "near_poor_still_to_exit": 0,
    "movements": _movements((2, 1, 0, 0, 0, 0, 1), (1, 0, 1, 1, 0, 0, 1)),
    # Against April: the 1 poor household left; KC-005, who had left earlier, fell back.
    "movements_month": _movements((1, 0, 1, 0, 1, 1, 1), (1, 0, 0, 0, 0, 0, 1)),
    "deprivations": {
        "poor": _deprivations(td_02=1, td_05=1, td_08=1),
        "near_poor": _deprivations(td_11=1),
    },
    # KC-001 (KCKNLĐ) poor, KC-002 (Nữ) near-poor; both Tày (KC-003 has an error).
    "subgroups": _subgroups(minority=(1, 1), no_labour=(1, 0), protection=(0, 0), female=(0, 1)),
}
BAN_CO = {
    "hamlet": "Bản Cọ",
    "status": "missing",
    "households": None,
    "poor": None,
    "near_poor": None,
    "poor_rate": None,
    "near_poor_rate": None,
    "multidim_rate": None,
    "start_households": 80,
    "start_poor": 5,
    "start_near_poor": 4,
    "start_poor_rate": 6.25,
    "start_near_poor_rate": 5.0,
    "poor_rate_reduction": None,
    "near_poor_rate_reduction": None,
    "poor_target": 2,
    "near_poor_target": 1,
    "poor_target_met": None,
    "near_poor_target_met": None,
    "poor_progress": None,
    "near_poor_progress": None,
    "poor_still_to_exit": None,
    "near_poor_still_to_exit": None,
    "movements": None,
    "movements_month": None,
    "deprivations": None,
    "subgroups": None,
}
# Commune totals over Nà Mòn + Khuôn Ca only: 150 households, 3 poor, 2 near-poor;
# start 5 poor, 3 near-poor.
TOTALS = {
    "households": 150,
    "poor": 3,
    "near_poor": 2,
    "poor_rate": 3 / 150 * 100,
    "near_poor_rate": 2 / 150 * 100,
    "multidim_rate": 3 / 150 * 100 + 2 / 150 * 100,
    "start_households": 150,
    "start_poor": 5,
    "start_near_poor": 3,
    "start_poor_rate": 5 / 150 * 100,
    "start_near_poor_rate": 3 / 150 * 100,
    "poor_rate_reduction": 5 / 150 * 100 - 3 / 150 * 100,
    "near_poor_rate_reduction": 3 / 150 * 100 - 2 / 150 * 100,
    "poor_target": 1.52,
    "near_poor_target": 1.01,
    "poor_target_met": False,
    "near_poor_target_met": False,
    "poor_progress": (5 / 150 * 100 - 3 / 150 * 100) / 1.52 * 100,
    "near_poor_progress": (3 / 150 * 100 - 2 / 150 * 100) / 1.01 * 100,
    # From the rate targets: at most floor((5/150·100 − 1.52) % × 150) = floor(2.72) = 2 poor
    # and floor((2.00 − 1.01) % × 150) = floor(1.485) = 1 near-poor may remain.
    "poor_still_to_exit": 1,
    "near_poor_still_to_exit": 1,
    "movements": _movements((5, 1, 1, 0, 0, 0, 3), (3, 0, 2, 1, 0, 0, 2)),
    "movements_month": _movements((3, 0, 1, 0, 1, 1, 3), (2, 0, 0, 0, 0, 0, 2)),
    "deprivations": {
        "poor": _deprivations(
            td_01=1, td_02=1, td_04=2, td_05=1, td_07=1, td_08=1, td_09=1, td_10=1, td_12=1
        ),
        "near_poor": _deprivations(td_04=1, td_11=1),
    },
    "subgroups": _subgroups(minority=(3, 2), no_labour=(2, 0), protection=(1, 0), female=(1, 1)),
}


def _path(start: float, target: float, month: int) -> float:
    """The target path: the start rate less the year's target pro rata."""
    return start - target * month / 12


# March: only Nà Mòn reported (100 households, 3 poor, 2 near-poor); April: both
# (150 households, Nà Mòn 3 + Khuôn Ca 1 poor, 1 + 1 near-poor); May: now.
TREND = {
    "commune": [
        {
            "period": "2024-03",
            "complete": False,
            "households": 100,
            "poor": 3,
            "near_poor": 2,
            "poor_rate": 3.0,
            "near_poor_rate": 2.0,
            "poor_target_rate": _path(5 / 150 * 100, 1.52, 3),
            "near_poor_target_rate": _path(2.0, 1.01, 3),
        },
        {
            "period": "2024-04",
            "complete": True,
            "households": 150,
            "poor": 4,
            "near_poor": 2,
            "poor_rate": 4 / 150 * 100,
            "near_poor_rate": 2 / 150 * 100,
            "poor_target_rate": _path(5 / 150 * 100, 1.52, 4),
            "near_poor_target_rate": _path(2.0, 1.01, 4),
        },
        {
            "period": "2024-05",
            "complete": False,
            "households": 150,
            "poor": 3,
            "near_poor": 2,
            "poor_rate": 2.0,
            "near_poor_rate": 2 / 150 * 100,
            "poor_target_rate": _path(5 / 150 * 100, 1.52, 5),
            "near_poor_target_rate": _path(2.0, 1.01, 5),
        },
    ],
    "hamlets": {
        "Nà Mòn": [
            {"period": "2024-03", "poor_rate": 3.0, "near_poor_rate": 2.0},
            {"period": "2024-04", "poor_rate": 3.0, "near_poor_rate": 1.0},
            {"period": "2024-05", "poor_rate": 2.0, "near_poor_rate": 1.0},
        ],
        "Khuôn Ca": [
            {"period": "2024-03", "poor_rate": None, "near_poor_rate": None},
            {"period": "2024-04", "poor_rate": 2.0, "near_poor_rate": 2.0},
            {"period": "2024-05", "poor_rate": 2.0, "near_poor_rate": 2.0},
        ],
        "Bản Cọ": [
            {"period": p, "poor_rate": None, "near_poor_rate": None}
            for p in ("2024-03", "2024-04", "2024-05")
        ],
    },
}
# May 2023: 4.50 % poor, 1.50 % near-poor; now 2.00 % and 1.33 %.
YEAR_ON_YEAR = {
    "period": "2023-05",
    "poor_rate": 4.5,
    "near_poor_rate": 1.5,
    "poor_rate_change": 2.0 - 4.5,
    "near_poor_rate_change": 2 / 150 * 100 - 1.5,
}
SUMMARY = {
    "schema": 1,
    "commune": "Trung Lương",
    "province": "Thái Nguyên",
    "period": "2024-05",
    "plan_year": 2024,
    "standard": "2022-2025",
    "area": "rural",
    "complete": False,
    "reporting": {"expected": 3, "accepted": 2, "rate": 2 / 3 * 100},
    "totals": TOTALS,
    "hamlets": [NA_MON, KHUON_CA, BAN_CO],
    "start_from": "plan",
    "previous_period": "2024-04",
    "trend": TREND,
    "year_on_year": YEAR_ON_YEAR,
    "issues": {"errors": 1, "warnings": 1, "files_skipped": 1},
}
ISSUES = [
    Issue(
        "invalid-household-size",
        file="Khuôn Ca.xlsx",
        sheet="Danh sách",
        row=10,
        column="Số nhân khẩu",
        cell="H10",
        value="=2+3",
        hamlet="Khuôn Ca",
    ),
    Issue(
        "invalid-gender",
        file="Nà Mòn.xlsx",
        sheet="Danh sách",
        row=8,
        column="Giới tính",
        cell="E8",
        value="nu",
        hamlet="Nà Mòn",
    ),
]
MOVEMENT_DETAILS = pd.DataFrame(
    {
        "scope": ["month", "month", "year", "year"],
        "hamlet": ["Khuôn Ca", "Khuôn Ca", "Khuôn Ca", "Nà Mòn"],
        "ma_ho": ["KC-005", "KC-006", "KC-004", "NM-009"],
        "chu_ho": ["Hoàng Văn Tái", "Hà Văn Sáu", "Triệu Văn Bốn", "Lò Văn Thoát"],
        "list": ["poor", "poor", "poor", "poor"],
        "movement": ["returned", "exited", "to_near_poor", "exited"],
        "start_status": [None, "poor", "poor", "poor"],
        "current_status": ["poor", "exited", "near_poor", "exited"],
    }
)
REPORTING = pd.DataFrame(
    {
        "hamlet": ["Nà Mòn", "Khuôn Ca", "Bản Cọ"],
        "status": ["valid", "warnings", "missing"],
        "file": ["Nà Mòn.xlsx", "Khuôn Ca.xlsx", None],
        "rows_read": [4, 3, 0],
        "rows_rejected": [0, 1, 0],
    }
)


def make_result() -> RunResult:
    plan = Plan(
        file="KeHoach_2024.xlsx",
        province="Thái Nguyên",
        commune="Trung Lương",
        plan_year=2024,
        area="rural",
        standard="2022-2025",
        poor_target=1.52,
        near_poor_target=1.01,
        recipient="Phòng Lao động - Thương binh và Xã hội",
        reporter="Nguyễn Văn Lập",
        chairman="Hoàng Văn Chủ",
        hamlets=PLAN_HAMLETS,
    )
    submissions = [
        Submission("KeHoach_2024.xlsx", Path("KeHoach_2024.xlsx"), kind="plan"),
        Submission(
            "Nà Mòn.xlsx", Path("Nà Mòn.xlsx"), "roster", "Nà Mòn", period="2024-05", status="valid"
        ),
        Submission(
            "Nà Mòn_T4.xlsx",
            Path("Nà Mòn_T4.xlsx"),
            "roster",
            "Nà Mòn",
            period="2024-04",
            status="other_period",
        ),
        Submission("ghi chú.docx", Path("ghi chú.docx"), "skipped", status="skipped"),
    ]
    return RunResult(
        plan=plan,
        period="2024-05",
        # a copy each: a test changing its figures (session 49's tiny reduction) leaves the
        # others theirs, whatever order they run in
        summary=copy.deepcopy(SUMMARY),
        households=HOUSEHOLDS,
        submissions=submissions,
        reporting=REPORTING,
        issues=ISSUES,
        movement_details=MOVEMENT_DETAILS,
        lang="vi",
    )


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "TongHop_2024-05.xlsx"
    write_consolidated(make_result(), path)
    return path


@pytest.fixture(scope="module")
def values(written):
    return openpyxl.load_workbook(written, data_only=True)


@pytest.fixture(scope="module")
def formulas(written):
    return openpyxl.load_workbook(written)


def _find_row(ws, col: int, predicate) -> int:
    for row in ws.iter_rows(min_col=col, max_col=col):
        value = row[0].value
        if isinstance(value, str) and predicate(value):
            return row[0].row
    raise AssertionError(f"no matching row in {ws.title}")


def _row_values(ws, row: int, first: int, last: int) -> list:
    return [ws.cell(row, c).value for c in range(first, last + 1)]


def test_sheet_names_in_contract_order(values):
    assert values.sheetnames == SHEETS


def test_title_block_names_commune_and_period(values):
    ws = values["Tổng hợp"]
    assert ws["A1"].value == "ỦY BAN NHÂN DÂN XÃ TRUNG LƯƠNG"
    assert ws["C1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert ws["A4"].value == "TỔNG HỢP KẾT QUẢ GIẢM NGHÈO THÁNG 5/2024"
    assert ws["A5"].value == "Chuẩn nghèo đa chiều giai đoạn 2022-2025 – khu vực nông thôn"


def test_summary_says_plainly_what_is_missing(values):
    ws = values["Tổng hợp"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(t.startswith("Số liệu tổng hợp 2/3 xóm; chưa có: Bản Cọ (chưa nộp)") for t in texts)
    # Section V: the JSON's reporting counts (2 accepted of 3 expected), the fraction said once
    row = _find_row(ws, 1, lambda v: v == "Số xóm đã tổng hợp / số xóm phải nộp")
    assert ws.cell(row, 2).value == "2/3"
    row = _find_row(ws, 1, lambda v: v == "Tỷ lệ hiện tại (%)")
    assert _row_values(ws, row, 2, 3) == pytest.approx([2.0, 2 / 150 * 100])
    row = _find_row(ws, 1, lambda v: v == "Đánh giá")
    assert _row_values(ws, row, 2, 3) == ["Chưa đạt", "Chưa đạt"]


def test_hamlet_rows_show_their_figures(values):
    ws = values["Theo xóm"]
    row = _find_row(ws, 2, lambda v: v == "Nà Mòn")
    # Tình trạng, households, poor, rate, near-poor, rate, multidim, start (5),
    # reductions (reduced, target, progress, still to leave, met) × 2
    assert _row_values(ws, row, 3, 24) == [
        "Đã tổng hợp",
        100,
        2,
        2.0,
        1,
        1.0,
        3.0,
        100,
        3,
        3.0,
        2,
        2.0,
        1,
        2,
        50.0,
        1,
        "Chưa đạt",
        1,
        1,
        100.0,
        0,
        "Đạt",
    ]
    row = _find_row(ws, 2, lambda v: v == "Bản Cọ")
    assert _row_values(ws, row, 3, 24) == [
        "Chưa nộp",
        None,
        None,
        None,
        None,
        None,
        None,
        80,
        5,
        6.25,
        4,
        5.0,
        None,
        2,
        None,
        None,
        None,
        None,
        1,
        None,
        None,
        None,
    ]


def test_hamlet_total_row_is_formulas_cached_with_json_totals(values, formulas):
    ws = values["Theo xóm"]
    row = _find_row(ws, 1, lambda v: v.startswith("Tổng cộng"))
    got = _row_values(ws, row, 4, 14)
    want = [
        150,
        3,
        3 / 150 * 100,
        2,
        2 / 150 * 100,
        TOTALS["multidim_rate"],
        150,
        5,
        5 / 150 * 100,
        3,
        3 / 150 * 100,
    ]
    assert got == pytest.approx(want)
    # Households reduced (5 − 3) against the hamlets' household targets (2 + 1).
    assert _row_values(ws, row, 15, 16) == [2, 3]
    fws = formulas["Theo xóm"]
    for col in [*range(4, 17), 20, 21]:
        assert fws.cell(row, col).data_type == "f", fws.cell(row, col).coordinate
        assert str(fws.cell(row, col).value).startswith("=")
    # The missing hamlet's start figures stay out of the total.
    assert "SUM(" in fws.cell(row, 10).value


def _total_rows(ws) -> list[int]:
    return [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Tổng cộng"]


def test_movement_totals_equal_json(values):
    ws = values["Biến động"]
    totals = _total_rows(ws)
    # start, to the other list, exited, not counted, moved out, from the other list, new,
    # (of which) returned, moved in, counted again, now: the poor table, then under it the
    # near-poor table in the same columns.
    values = _row_values(ws, totals[0], 4, 14) + _row_values(ws, totals[1], 4, 14)
    assert values == [
        5, 1, 1, 0, 0, 0, 0, 0, 0, 0, 3,
        3, 0, 2, 0, 0, 1, 0, 0, 0, 0, 2,
    ]  # fmt: skip
    # the note under the table: its column numbers are the identity the figures keep
    note = next(text for text in _texts(ws) if text.startswith("Cột 11"))
    assert note.startswith(
        "Cột 11 = 1 − 2 − 3 − 4 − 5 + 6 + 7 + 9 + 10; cột 22 = 12 − 13 − 14 − 15 − 16 + 17 + 18 "
        "+ 20 + 21 (cột 8, 19 nằm trong cột 7, 18)."
    )
    for first in (0, 11):
        c = values[first : first + 11]
        assert c[10] == c[0] - c[1] - c[2] - c[3] - c[4] + c[5] + c[6] + c[8] + c[9]
    row = _find_row(ws, 4, lambda v: v == "Lò Văn Thoát")
    assert _row_values(ws, row, 5, 8) == ["Hộ nghèo", "Thoát nghèo", "Hộ nghèo", "Thoát"]
    assert ws.auto_filter.ref is not None


def test_deprivation_totals_equal_json(values):
    ws = values["Thiếu hụt"]
    row = _find_row(ws, 1, lambda v: v == "Tổng cộng")  # the poor block comes first
    assert _row_values(ws, row, 3, 15) == [3, 1, 1, 0, 2, 1, 0, 1, 1, 1, 1, 0, 1]
    assert ws.conditional_formatting


def test_causes_count_valid_current_households(values):
    ws = values["Nguyên nhân"]
    row = _find_row(ws, 1, lambda v: v == "Tổng cộng")
    # households, 8 causes, BTXH, NCC, KKNLĐ, female poor, female near-poor
    assert _row_values(ws, row, 3, 16) == [5, 1, 2, 1, 1, 0, 0, 1, 0, 1, 1, 2, 1, 1]


def test_cause_and_group_parsing():
    assert causes_of("Thiếu vốn; Thiếu công cụ, phương tiện sản xuất") == {
        "Thiếu vốn",
        "Thiếu công cụ, phương tiện sản xuất",
    }
    assert causes_of("Thiếu đất sản xuất, thiếu vốn") == {"Thiếu đất sản xuất", "Thiếu vốn"}
    assert causes_of("") == set()
    assert target_groups_of("NCC, KKNLĐ") == {"NCC", "KKNLĐ"}
    assert target_groups_of("KCKNLĐ") == {"KKNLĐ"}


def test_household_lists_match_totals(values):
    for sheet, total in (("DS hộ nghèo", 3), ("DS hộ cận nghèo", 2)):
        ws = values[sheet]
        numbered = [
            r
            for r in range(1, ws.max_row + 1)
            if isinstance(ws.cell(r, 1).value, int) and ws.cell(r, 3).value
        ]
        assert len(numbered) == total
        assert ws.auto_filter.ref is not None
    ws = values["DS hộ nghèo"]
    first = _find_row(ws, 3, lambda v: v == "Mã hộ") + 2
    # Plan order (Nà Mòn before Khuôn Ca), then the file's row order.
    assert [ws.cell(first + i, 3).value for i in range(3)] == ["NM-001", "NM-002", "KC-001"]
    assert ws.cell(first, 14).value == "x"  # td_04 of NM-001


def test_input_text_stays_text(formulas):
    ws = formulas["DS hộ nghèo"]
    row = _find_row(ws, 3, lambda v: v == "NM-002")
    assert ws.cell(row, 4).value == "=1+1"
    assert ws.cell(row, 4).data_type == "s"
    row = _find_row(ws, 3, lambda v: v == "KC-001")
    assert ws.cell(row, 4).value == "+84 912 345 678"
    assert ws.cell(row, 4).data_type == "s"


def test_issue_sheet_lists_every_issue_with_its_cell(values, formulas):
    ws = values["Lỗi dữ liệu"]
    head = _find_row(ws, 1, lambda v: v == "STT")
    rows = [_row_values(ws, head + i, 1, 11) for i in (1, 2)]
    assert ws.cell(head + 3, 1).value is None
    # Sorted by Issue.sort_key(): Khuôn Ca before Nà Mòn.
    assert rows[0][:10] == [
        1,
        "Khuôn Ca",
        "Khuôn Ca.xlsx",
        "Danh sách",
        "H10",
        10,
        "Số nhân khẩu",
        "=2+3",
        "Lỗi",
        "invalid-household-size",
    ]
    assert rows[1][4] == "E8" and rows[1][8] == "Cảnh báo"
    assert formulas["Lỗi dữ liệu"].cell(head + 1, 8).data_type == "s"
    assert ws.auto_filter.ref is not None


def test_reporting_sheet(values):
    ws = values["Nộp báo cáo"]
    row = _find_row(ws, 2, lambda v: v == "Khuôn Ca")
    # 3 rows read, 1 left out: counted, but not "valid"
    assert _row_values(ws, row, 3, 6) == [
        "Đã tổng hợp, có dòng bị loại (xem trang 'Lỗi dữ liệu')",
        "Khuôn Ca.xlsx",
        3,
        1,
    ]
    row = _find_row(ws, 2, lambda v: v == "Bản Cọ")
    assert ws.cell(row, 3).value == "Chưa nộp"
    row = _find_row(ws, 1, lambda v: v.startswith("Tỷ lệ nộp báo cáo"))
    assert ws.cell(row, 4).value == pytest.approx(2 / 3 * 100)
    texts = [c.value for r in ws.iter_rows() for c in r if isinstance(c.value, str)]
    # April's list alone, its month's outcome not told (session 51)
    assert "Khác kỳ (tháng 4/2024): không tính vào kỳ này" in texts and "Bỏ qua" in texts
    assert "KeHoach_2024.xlsx" not in texts


def _texts(ws) -> list[str]:
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def test_trend_commune_rows_equal_json(values):
    ws = values["Xu hướng"]
    head = _find_row(ws, 1, lambda v: v == "Tháng")
    assert _row_values(ws, head, 1, 8) == [
        "Tháng",
        "Số hộ",
        "Hộ nghèo",
        "Tỷ lệ hộ nghèo (%)",
        "Lộ trình chỉ tiêu (%)",
        "Hộ cận nghèo",
        "Tỷ lệ hộ cận nghèo (%)",
        "Lộ trình chỉ tiêu (%)",
    ]
    # The start of the year first, from totals; its path is the start rate itself.
    start = _row_values(ws, head + 1, 1, 8)
    assert start[0] == "Đầu năm"
    assert start[1:] == pytest.approx([150, 5, 5 / 150 * 100, 5 / 150 * 100, 3, 2.0, 2.0])
    # Then one row per month of summary["trend"]["commune"]; (*) marks an incomplete month.
    labels = ["Tháng 3 (*)", "Tháng 4", "Tháng 5 (*)"]
    for i, (label, month) in enumerate(zip(labels, TREND["commune"], strict=True)):
        got = _row_values(ws, head + 2 + i, 1, 8)
        assert got[0] == label
        keys = ["households", "poor", "poor_rate", "poor_target_rate", "near_poor"]
        keys += ["near_poor_rate", "near_poor_target_rate"]
        assert got[1:] == pytest.approx([month[k] for k in keys])
    # Last, the year-end target (start rate − the year's target), in the path columns only.
    end = _row_values(ws, head + 5, 1, 8)
    assert end[0] == "Mục tiêu cuối năm 2024"
    assert end[1:4] == [None, None, None] and end[5:7] == [None, None]
    assert [end[4], end[7]] == pytest.approx([5 / 150 * 100 - 1.52, 2.0 - 1.01])
    assert any(v.startswith("(*) Chưa đủ các xóm: toàn xã chỉ tính") for v in _texts(ws))


def test_trend_hamlet_tables_by_month(values):
    ws = values["Xu hướng"]
    poor = _find_row(ws, 1, lambda v: v.startswith("II. TỶ LỆ HỘ NGHÈO THEO XÓM")) + 1
    near = _find_row(ws, 1, lambda v: v.startswith("III. TỶ LỆ HỘ CẬN NGHÈO THEO XÓM")) + 1
    heads = ["Xóm", "Đầu năm", "Tháng 3 (*)", "Tháng 4", "Tháng 5 (*)"]
    assert _row_values(ws, poor, 1, 5) == heads
    assert _row_values(ws, near, 1, 5) == heads
    want_poor = {
        "Nà Mòn": [3.0, 3.0, 3.0, 2.0],
        "Khuôn Ca": [4.0, None, 2.0, 2.0],
        "Bản Cọ": [6.25, None, None, None],
        "Toàn xã": [5 / 150 * 100, 3.0, 4 / 150 * 100, 2.0],
    }
    want_near = {
        "Nà Mòn": [2.0, 2.0, 1.0, 1.0],
        "Khuôn Ca": [2.0, None, 2.0, 2.0],
        "Bản Cọ": [5.0, None, None, None],
        "Toàn xã": [2.0, 2.0, 2 / 150 * 100, 2 / 150 * 100],
    }
    for head, want in ((poor, want_poor), (near, want_near)):
        for i, (name, rates) in enumerate(want.items()):
            assert ws.cell(head + 1 + i, 1).value == name
            got = _row_values(ws, head + 1 + i, 2, 5)
            assert [g is None for g in got] == [r is None for r in rates], name
            assert [g for g in got if g is not None] == pytest.approx(
                [r for r in rates if r is not None]
            )


def _charts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [
            z.read(n).decode("utf-8") for n in sorted(z.namelist()) if n.startswith("xl/charts/")
        ]


def test_trend_chart_is_a_native_line_chart(written):
    chart = next(c for c in _charts(written) if "'Xu hướng'!" in c)
    assert "<c:lineChart>" in chart
    assert chart.count("<c:ser>") == 4  # rates and target paths, poor and near-poor
    # The series read the chart's table beside the print area (session 27): the start and
    # January to December in K..W of row 18, the four series in rows 19 to 22.
    assert "'Xu hướng'!$K$19:$W$19" in chart and "'Xu hướng'!$K$22:$W$22" in chart
    assert "'Xu hướng'!$K$18:$W$18" in chart
    assert "Lộ trình chỉ tiêu hộ nghèo" in chart


def test_year_on_year_table(values):
    ws = values["Xu hướng"]
    head = _find_row(ws, 1, lambda v: v == "IV. SO VỚI CÙNG KỲ NĂM TRƯỚC") + 1
    assert _row_values(ws, head, 1, 4) == [
        "Chỉ tiêu",
        "Tháng 5/2023",
        "Tháng 5/2024",
        "Thay đổi (điểm %)",
    ]
    assert ws.cell(head + 1, 1).value == "Tỷ lệ hộ nghèo (%)"
    assert _row_values(ws, head + 1, 2, 4) == pytest.approx([4.5, 2.0, -2.5])
    assert ws.cell(head + 2, 1).value == "Tỷ lệ hộ cận nghèo (%)"
    assert _row_values(ws, head + 2, 2, 4) == pytest.approx(
        [1.5, 2 / 150 * 100, 2 / 150 * 100 - 1.5]
    )


def test_trend_with_one_month_and_no_history(tmp_path):
    result = make_result()
    result.summary = {
        **SUMMARY,
        "trend": {
            "commune": TREND["commune"][-1:],
            "hamlets": {k: v[-1:] for k, v in TREND["hamlets"].items()},
        },
        "year_on_year": None,
        "previous_period": None,
        "totals": {**TOTALS, "movements_month": None},
    }
    path = tmp_path / "one.xlsx"
    write_consolidated(result, path)
    ws = openpyxl.load_workbook(path, data_only=True)["Xu hướng"]
    head = _find_row(ws, 1, lambda v: v == "Tháng")
    assert [ws.cell(head + i, 1).value for i in range(1, 4)] == [
        "Đầu năm",
        "Tháng 5 (*)",
        "Mục tiêu cuối năm 2024",
    ]
    texts = _texts(ws)
    assert any(v.startswith("Số liệu các tháng trước sẽ được bổ sung") for v in texts)
    assert "IV. SO VỚI CÙNG KỲ NĂM TRƯỚC" not in texts
    with zipfile.ZipFile(path) as z:
        assert "xl/charts/chart1.xml" in z.namelist()
    moves = openpyxl.load_workbook(path, data_only=True)["Biến động"]
    texts = _texts(moves)
    assert not any(v.startswith("II. BIẾN ĐỘNG SO VỚI THÁNG TRƯỚC") for v in texts)
    assert any(v.startswith("Chưa có số liệu tháng 4/2024 trong lịch sử") for v in texts)
    # January has no month before it in the year: nothing is "to be added".
    result.period = "2024-01"
    write_consolidated(result, path)
    texts = _texts(openpyxl.load_workbook(path, data_only=True)["Xu hướng"])
    assert not [v for v in texts if v.startswith("Số liệu các tháng trước")]


def test_movements_since_previous_month(values, formulas):
    ws = values["Biến động"]
    texts = _texts(ws)
    assert "I. BIẾN ĐỘNG TỪ ĐẦU NĂM" in texts
    title = _find_row(ws, 1, lambda v: v == "II. BIẾN ĐỘNG SO VỚI THÁNG TRƯỚC (tháng 4/2024)")
    # Its 'start' column counts from April.
    assert ws.cell(title + 2, 4).value == "Tháng 4/2024"
    assert ws.cell(title + 1, 4).value == "Hộ nghèo"
    # The year's poor and near-poor tables, then the month's.
    row, near = _total_rows(ws)[2:]
    assert title < row < near
    # movements_month of totals; column 7 is "chưa tính (dòng có lỗi)", 8 "chuyển sang xóm
    # khác", 11 "(trong đó) tái nghèo", 12 "chuyển đến từ xóm khác", 13 "tính lại".
    assert _row_values(ws, row, 4, 14) + _row_values(ws, near, 4, 14) == [
        3, 0, 1, 0, 0, 0, 1, 1, 0, 0, 3,
        2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
    ]  # fmt: skip
    assert ws.cell(title + 2, 7).value == "Chưa tính (dòng có lỗi)"
    assert ws.cell(title + 2, 8).value == "Chuyển sang xóm khác"
    assert ws.cell(title + 2, 11).value == "Trong đó: tái nghèo"
    assert ws.cell(title + 2, 12).value == "Chuyển đến từ xóm khác"
    assert ws.cell(title + 2, 13).value == "Tính lại (dòng đã sửa lỗi)"
    khuon_ca = next(r for r in range(title, row) if ws.cell(r, 2).value == "Khuôn Ca")
    assert _row_values(ws, khuon_ca, 4, 14) == [1, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1]
    assert str(formulas["Biến động"].cell(row, 9).value).startswith("=SUM(")


def test_movements_print_at_a_readable_size(formulas):
    """'Biến động' printed one page wide on A4 landscape: 25 columns (the poor and near-poor
    figures side by side, widened by the household list) shrank to 45 % (5 pt). The two lists'
    tables are stacked in 14 columns, so the sheet prints at 81 % (8.9 pt; 82 % and 9 pt before
    session 24 widened G and H, whose 'Không có trong danh sách' Excel cut)."""
    ws = formulas["Biến động"]
    assert ws.max_column == 14
    setup = ws.page_setup
    assert (setup.paperSize, setup.orientation) == (9, "landscape")
    assert (setup.fitToWidth or 1, setup.fitToHeight) == (1, 0)
    # Column widths as stored (XlsxWriter adds 0.7109375), in pixels (7 per character + 5).
    stored = {c: d.width for d in ws.column_dimensions.values() for c in range(d.min, d.max + 1)}
    widths = [stored[c] - 0.7109375 for c in range(1, 15)]
    assert widths == [5, 16, 13, 20, 12, 20, 14, 14, 15, 9, 9, 9, 9, 9]
    points = sum(int(w * 7 + 0.5) + 5 for w in widths) * 0.75  # 1288 px = 966 pt
    page = 841.9 - 0.8 * 72  # A4 landscape less 0.4" margins each side: 784.3 pt
    assert points == 966.0
    assert 11 * page / points >= 8.9  # Times New Roman 11 printed at 81 %: 8.93 pt
    # The near-poor table stands under the poor one, its columns numbered on from 12.
    heads = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value == "Hộ cận nghèo"]
    poor = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value == "Hộ nghèo"]
    assert len(heads) == len(poor) == 2 and poor[0] < heads[0] < poor[1] < heads[1]
    numbers = [ws.cell(heads[0] + 2, c).value for c in range(1, 15)]
    assert numbers == ["A", "B", "C", *map(str, range(12, 23))]


def test_movement_list_has_scope_and_returned(values):
    ws = values["Biến động"]
    head = _find_row(ws, 3, lambda v: v == "Mã hộ")
    assert _row_values(ws, head, 5, 9) == [
        "Danh sách",
        "Biến động",
        "Đầu kỳ",
        "Hiện tại",
        "Phạm vi",
    ]
    ids = [ws.cell(head + i, 3).value for i in range(1, 5)]
    # Since the start of the year first, then since last month.
    assert ids == ["NM-009", "KC-004", "KC-006", "KC-005"]
    row = _find_row(ws, 3, lambda v: v == "KC-005")
    assert _row_values(ws, row, 5, 9) == [
        "Hộ nghèo",
        "Tái nghèo",
        "Không có trong danh sách",
        "Hộ nghèo",
        "So với tháng trước",
    ]
    row = _find_row(ws, 3, lambda v: v == "NM-009")
    assert ws.cell(row, 9).value == "Từ đầu năm"


def test_movements_counted_from_a_stored_month(tmp_path):
    result = make_result()
    result.summary = {**SUMMARY, "start_from": "2024-01"}
    path = tmp_path / "from.xlsx"
    write_consolidated(result, path)
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb["Biến động"]
    assert ws["A4"].value == "BIẾN ĐỘNG HỘ NGHÈO, HỘ CẬN NGHÈO TỪ THÁNG 1/2024 ĐẾN THÁNG 5/2024"
    title = _find_row(ws, 1, lambda v: v.startswith("I. BIẾN ĐỘNG TÍNH TỪ"))
    assert ws.cell(title, 1).value == (
        "I. BIẾN ĐỘNG TÍNH TỪ THÁNG 1/2024 (tháng đầu tiên có trong lịch sử)"
    )
    assert ws.cell(title + 2, 4).value == "Tháng 1/2024"
    texts = _texts(wb["Tổng hợp"])
    assert "IV. BIẾN ĐỘNG TỪ THÁNG 1/2024" in texts
    assert any(v.startswith("Biến động tính từ tháng 1/2024 (tháng đầu tiên") for v in texts)


def test_households_still_to_leave(values):
    ws = values["Theo xóm"]
    head = _find_row(ws, 2, lambda v: v == "Xóm")
    assert ws.cell(head + 1, 18).value == "Còn phải giảm (hộ)"
    assert ws.cell(head + 1, 23).value == "Còn phải giảm (hộ)"
    for name, want in (("Nà Mòn", [1, 0]), ("Khuôn Ca", [0, 0]), ("Bản Cọ", [None, None])):
        row = _find_row(ws, 2, lambda v, name=name: v == name)
        assert [ws.cell(row, 18).value, ws.cell(row, 23).value] == want
    # The commune's count follows its rate target (marked (*)), not the hamlets' sum.
    row = _find_row(ws, 1, lambda v: v.startswith("Tổng cộng"))
    assert [ws.cell(row, 18).value, ws.cell(row, 23).value] == [1, 1]
    assert "(*)" in ws.cell(row, 18).number_format
    ws = values["Tổng hợp"]
    texts = _texts(ws)
    assert "Để đạt chỉ tiêu giảm tỷ lệ hộ nghèo, toàn xã cần giảm thêm 1 hộ nghèo." in texts
    assert "Để đạt chỉ tiêu giảm tỷ lệ hộ cận nghèo, toàn xã cần giảm thêm 1 hộ cận nghèo." in texts
    row = _find_row(ws, 1, lambda v: v == "Số hộ còn phải giảm để đạt chỉ tiêu")
    assert _row_values(ws, row, 2, 3) == [1, 1]


def test_summary_year_on_year_and_target_met(values, tmp_path):
    ws = values["Tổng hợp"]
    texts = _texts(ws)
    assert (
        "So với cùng kỳ năm trước (tháng 5/2023): tỷ lệ hộ nghèo giảm 2,50 điểm %; "
        "tỷ lệ hộ cận nghèo giảm 0,17 điểm %." in texts
    )
    row = _find_row(ws, 1, lambda v: v == "Tỷ lệ cùng kỳ năm trước (%)")
    assert _row_values(ws, row, 2, 4) == [4.5, 1.5, "Tháng 5/2023"]
    assert _row_values(ws, row + 1, 2, 3) == pytest.approx([-2.5, 2 / 150 * 100 - 1.5])
    # A hamlet in only one of the two months: left out of both sides, and said on both sheets.
    left = make_result()
    left.summary = {**SUMMARY, "year_on_year": {**YEAR_ON_YEAR, "now_poor_rate": 2.0,
                                                 "now_near_poor_rate": 1.2,
                                                 "hamlets_left_out": ["Bản Cọ"]}}  # fmt: skip
    path = tmp_path / "left.xlsx"
    write_consolidated(left, path)
    book = openpyxl.load_workbook(path, data_only=True)
    said = "So sánh trên các xóm có số liệu ở cả hai tháng; không tính: Bản Cọ."
    assert any(
        v.endswith(said) and v.startswith("So với cùng kỳ") for v in _texts(book["Tổng hợp"])
    )
    trend = book["Xu hướng"]
    assert any(v.endswith(said) for v in _texts(trend))
    row = _find_row(trend, 1, lambda v: v == "Tỷ lệ hộ nghèo (%)")
    assert _row_values(trend, row, 2, 4) == pytest.approx([4.5, 2.0, -2.5])
    result = make_result()
    result.summary = {
        **SUMMARY,
        "totals": {**TOTALS, "poor_still_to_exit": 0, "poor_target_met": True},
        "year_on_year": None,
    }
    path = tmp_path / "met.xlsx"
    write_consolidated(result, path)
    texts = _texts(openpyxl.load_workbook(path, data_only=True)["Tổng hợp"])
    assert "Đã đạt chỉ tiêu giảm tỷ lệ hộ nghèo năm 2024." in texts
    assert not any(v.startswith("So với cùng kỳ năm trước") for v in texts)


def test_every_sheet_freezes_panes_and_prints_a4_landscape(formulas):
    for ws in formulas.worksheets:
        # 'Tổng hợp' is a report read top to bottom: its 13-row heading is not kept in place
        assert (ws.freeze_panes is None) == (ws.title == "Tổng hợp"), ws.title
        assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
        assert "Trang &P / &N" in ws.oddFooter.center.text


def test_same_input_gives_identical_bytes(tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_consolidated(make_result(), a)
    write_consolidated(make_result(), b)
    assert a.read_bytes() == b.read_bytes()


def test_complete_run_without_issues_or_movements(tmp_path):
    result = make_result()
    totals = {**TOTALS, "movements": None}
    result.summary = {
        **SUMMARY,
        "complete": True,
        "totals": totals,
        "reporting": {"expected": 2, "accepted": 2, "rate": 100.0},
        "hamlets": [{**NA_MON, "movements": None}, {**KHUON_CA, "movements": None}],
    }
    result.issues = []
    result.movement_details = MOVEMENT_DETAILS.iloc[0:0]
    path = tmp_path / "t.xlsx"
    write_consolidated(result, path)
    wb = openpyxl.load_workbook(path, data_only=True)
    assert wb["Lỗi dữ liệu"]["A7"].value == "Không có lỗi."
    assert wb["Biến động"]["A7"].value.startswith("Chưa tính được biến động")


# --- traffic lights, the chart, subgroups ------------------------------------------------------


def _rules(ws) -> dict[str, list[str]]:
    """Conditional-format cell ranges and their rule formulas."""
    out: dict[str, list[str]] = {}
    for rng in ws.conditional_formatting:
        for rule in rng.rules:
            out.setdefault(str(rng.sqref), []).extend(rule.formula or [])
    return out


def test_progress_cells_and_verdicts_get_traffic_lights(values, formulas):
    ws = values["Theo xóm"]
    head = _find_row(ws, 2, lambda v: v == "Xóm")
    assert ws.cell(head + 1, 17).value == "Tiến độ (%)"
    assert ws.cell(head + 1, 22).value == "Tiến độ (%)"
    row = _find_row(ws, 2, lambda v: v == "Nà Mòn")
    # Values stay what the JSON says: 50 % → amber, 100 % → green.
    assert [ws.cell(row, 17).value, ws.cell(row, 19).value] == [50.0, "Chưa đạt"]
    assert [ws.cell(row, 22).value, ws.cell(row, 24).value] == [100.0, "Đạt"]
    rules = _rules(formulas["Theo xóm"])
    q, s = f"Q{row}", f"S{row}"
    assert rules[q] == [
        f"AND(ISNUMBER({q}),{q}>=100)",
        f"AND(ISNUMBER({q}),{q}>=50,{q}<100)",
        f"AND(ISNUMBER({q}),{q}<50)",
    ]
    # The 'Đạt' cell is coloured by its row's progress.
    assert rules[s][0] == f"AND(ISNUMBER({q}),{q}>=100)"
    total = _find_row(ws, 1, lambda v: v.startswith("Tổng cộng"))
    assert ws.cell(total, 17).value == pytest.approx(TOTALS["poor_progress"])
    assert f"Q{total}" in rules and f"S{total}" in rules
    # Tổng hợp: the commune's progress and verdict.
    ws = values["Tổng hợp"]
    met = _find_row(ws, 1, lambda v: v == "Đánh giá")
    assert ws.cell(met + 1, 1).value == "Tiến độ thực hiện chỉ tiêu (%)"
    rules = _rules(formulas["Tổng hợp"])
    for col in "BC":
        assert rules[f"{col}{met}"][0] == f"AND(ISNUMBER({col}{met + 1}),{col}{met + 1}>=100)"
        assert f"{col}{met + 1}" in rules


def test_summary_has_a_native_chart_of_poor_rates_by_hamlet(written, values):
    chart = next(c for c in _charts(written) if "'Tổng hợp'!" in c)
    assert "<c:barChart>" in chart and '<c:barDir val="col"/>' in chart
    assert "<c:lineChart>" in chart  # the commune's rate and its year-end target
    assert chart.count("<c:ser>") == 4
    assert "Tỷ lệ hộ nghèo theo xóm (%)" in chart
    ws = values["Tổng hợp"]
    head = next(
        r for r in range(1, ws.max_row + 1) if ws.cell(r, 6).value == "Xóm"
    )  # the chart's table, right of the print area
    assert _row_values(ws, head, 7, 10) == [
        "Tháng 5/2024",
        "Đầu năm 2024",
        "Toàn xã tháng 5/2024",
        "Mục tiêu toàn xã cuối năm 2024",
    ]
    assert _row_values(ws, head + 1, 6, 10) == pytest.approx(
        ["Nà Mòn", 2.0, 3.0, 2.0, 5 / 150 * 100 - 1.52]
    )
    assert _row_values(ws, head + 3, 6, 8) == ["Bản Cọ", None, 6.25]
    assert f"'Tổng hợp'!$G${head + 1}:$G${head + 3}" in chart
    assert f"'Tổng hợp'!$F${head + 1}:$F${head + 3}" in chart
    # The chart's table does not print: the print area is the report's four columns.
    book = openpyxl.load_workbook(written)
    assert book["Tổng hợp"].print_area.startswith("'Tổng hợp'!$A$1:$D$")
    texts = _texts(ws)
    assert "III. TỶ LỆ HỘ NGHÈO THEO XÓM" in texts
    assert any(v.startswith("Toàn xã: tỷ lệ hộ nghèo tháng 5/2024 là 2,00 %") for v in texts)


def test_subgroups_with_their_rates_equal_json(values, formulas):
    ws = values["Nguyên nhân"]
    title = _find_row(ws, 1, lambda v: v == "HỘ NGHÈO, HỘ CẬN NGHÈO THUỘC CÁC NHÓM ĐẶC THÙ")
    assert _row_values(ws, title + 1, 1, 6) == [
        "STT",
        "Xóm",
        "Danh sách",
        "Số hộ",
        "Dân tộc thiểu số",
        None,
    ]
    # its lines written out: 'lao động' is not cut (session 42)
    assert ws.cell(title + 1, 7).value == "Không có khả năng\nlao động (KKNLĐ)"
    first = title + 4  # title, two header rows, column numbers
    # Nà Mòn: 2 poor, both minority (100 %), 1 KKNLĐ, 1 BTXH, 1 female head (50 % each).
    assert ws.cell(first, 2).value == "Nà Mòn"
    assert _row_values(ws, first, 3, 12) == pytest.approx(
        ["Hộ nghèo", 2, 2, 100.0, 1, 50.0, 1, 50.0, 1, 50.0]
    )
    assert _row_values(ws, first + 1, 3, 12) == pytest.approx(
        ["Hộ cận nghèo", 1, 1, 100.0, 0, 0.0, 0, 0.0, 0, 0.0]
    )
    # Bản Cọ sent nothing: no figures, its status across the counts (session 52).
    assert _row_values(ws, first + 4, 4, 12) == ["Chưa nộp"] + [None] * 8
    total = first + 6
    assert ws.cell(total, 1).value == "Tổng cộng"
    assert _row_values(ws, total, 4, 12) == pytest.approx(
        [3, 3, 100.0, 2, 200 / 3, 1, 100 / 3, 1, 100 / 3]
    )
    assert _row_values(ws, total + 1, 4, 12) == pytest.approx(
        [2, 2, 100.0, 0, 0.0, 0, 0.0, 1, 50.0]
    )
    fws = formulas["Nguyên nhân"]
    assert fws.cell(total, 5).value == f"=SUM(E{first},E{first + 2})"
    assert fws.cell(first, 6).value == f"=IF(D{first}>0,E{first}/D{first}*100,0)"


def test_subgroups_missing_from_an_older_summary_are_worked_out(tmp_path, values):
    result = make_result()
    result.summary = {
        **SUMMARY,
        "totals": {k: v for k, v in TOTALS.items() if k != "subgroups"},
        "hamlets": [{k: v for k, v in h.items() if k != "subgroups"} for h in SUMMARY["hamlets"]],
    }
    path = tmp_path / "old.xlsx"
    write_consolidated(result, path)
    ws = openpyxl.load_workbook(path, data_only=True)["Nguyên nhân"]
    want = values["Nguyên nhân"]
    for row in range(1, want.max_row + 1):
        assert _row_values(ws, row, 1, 12) == _row_values(want, row, 1, 12), row


# --- printing ------------------------------------------------------------------------------------

# Sheets holding several tables repeat no rows on print: 'Tổng hợp''s are short, the others
# repeat a table's header in the sheet where a page continues it (session 17).
MULTI_TABLE = {"Tổng hợp", "Nguyên nhân", "Xu hướng", "Nộp báo cáo"}


def assert_prints_a4_landscape_one_page_wide(book, multi_table=frozenset()) -> None:
    for ws in book.worksheets:
        setup = ws.page_setup
        assert setup.paperSize == 9 and setup.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        # 1 page wide (the file's default when not written), as many pages tall as needed;
        # one page tall (the default), without manual breaks, where its rows fit Excel's
        # larger page estimate but not its smaller one (session 49), a chart's sheet aside
        smaller, height, larger = between_estimates(ws)
        one_tall = smaller < height <= larger and not ws._charts
        assert (setup.fitToWidth or 1, setup.fitToHeight) == (1, None if one_tall else 0), ws.title
        if one_tall:
            assert not ws.row_breaks.brk, ws.title
        # (a posted list's page also names its hamlet before the number, which counts that
        # hamlet's pages alone: no '/ &N', the whole printout's count; session 24)
        footer = ws.oddFooter.center.text
        assert footer.endswith(
            ("Trang &P / &N", "Page &P / &N", "niêm yết tháng 5/2024 – Trang &P")
        ), ws.title
        if ws.title not in multi_table:
            assert ws.print_title_rows, ws.title


def test_every_sheet_repeats_its_header_rows_on_print(formulas):
    assert_prints_a4_landscape_one_page_wide(formulas, MULTI_TABLE)
    assert formulas["Theo xóm"].print_title_rows == "$7:$9"
    assert formulas["DS hộ nghèo"].print_title_rows == "$7:$8"


def test_signature_stays_with_the_table(tmp_path):
    """A table whose last rows end near the bottom of a page takes them along to the next."""
    result = make_result()
    many = [
        {**NA_MON, "hamlet": f"Xóm {i:02d}"} for i in range(1, 31)
    ]  # 30 hamlet rows on 'Theo xóm'
    result.summary = {**SUMMARY, "hamlets": many, "complete": True}
    path = tmp_path / "long.xlsx"
    write_consolidated(result, path)
    ws = openpyxl.load_workbook(path)["Theo xóm"]
    total = _find_row(ws, 1, lambda v: v.startswith("Tổng cộng"))
    # The table overflows its first page by a few rows: its last three hamlets and the total
    # go to the second page with the signature (a break after Excel row total − 4; the last
    # hamlet alone before session 42's review).
    assert [b.id for b in ws.row_breaks.brk] == [total - 4]
    sign = _find_row(ws, 1, lambda v: v == "NGƯỜI LẬP BIỂU")
    assert sign - total < 10


def test_every_report_sheet_ends_with_the_signature(values):
    """Every sheet but 'Lỗi dữ liệu' ends with the place-and-date line and the signatures,
    after a blank row, below its tables and outside any autofilter."""
    for ws in values.worksheets:
        if ws.title == "Lỗi dữ liệu":
            with pytest.raises(AssertionError):
                _find_row(ws, 1, lambda v: v == "NGƯỜI LẬP BIỂU")
            continue
        sign = _find_row(ws, 1, lambda v: v == "NGƯỜI LẬP BIỂU")
        # The date line is the row above; the row above it is blank.
        assert any(c.value == "Ngày ..... tháng ..... năm ....." for c in ws[sign - 1]), ws.title
        filled = [c.row for row in ws.iter_rows() for c in row if c.value not in (None, "")]
        assert sign - 2 not in filled, ws.title
        assert max(r for r in filled if r < sign - 1) < sign - 2, ws.title
        assert max(filled) <= sign + 7, ws.title  # nothing after the signature block
        if ws.auto_filter.ref:
            last_filtered = int(re.sub(r"[A-Z]+", "", ws.auto_filter.ref.split(":")[1]))
            assert last_filtered < sign - 1, ws.title


# --- a real run: no formula from input text in any output workbook --------------------------

INJECTED = ("=1+1", "+84 912 345 678", "-x", "@SUM(A1)")
# Every formula the consolidated workbook writes: sums, rates (0 without a denominator), and
# the multidimensional rate (poor rate + near-poor rate).
_REF = r"\$?[A-Z]{1,3}\$?\d+"
ALLOWED_FORMULA = re.compile(
    rf"^=(SUM\({_REF}(:{_REF})?(,{_REF}(:{_REF})?)*\)|IF\({_REF}>0,{_REF}/{_REF}\*100,0\)"
    rf"|{_REF}\+{_REF}|0)$"
)


@pytest.fixture(scope="module")
def injected_run(tmp_path_factory):
    """Nà Mòn's heads are named like formulas; a bad household size makes a feedback workbook."""
    from pipeline.run import execute
    from tests.commune import person, write_plan, write_roster

    base = tmp_path_factory.mktemp("injected")
    folder = base / "input"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor", chu_ho="=1+1"),
        person("NM2", "near_poor", chu_ho="+84 912 345 678", so_dinh_danh="001234567890"),
        person("NM4", "near_poor", chu_ho="-x"),
        person("NM5", "poor", chu_ho="@SUM(A1)", gioi_tinh="Nữ"),
        person("NM6", "poor", chu_ho="=SUM(1,2)", nhan_khau="=2+3"),  # an error: left out
    ])  # fmt: skip
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [
        person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"),
    ])  # fmt: skip
    result, written, _ = execute(folder, base / "output")
    return result, written


def _cells(path: Path):
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    yield ws.title, c


def test_no_input_text_becomes_a_formula_in_any_output_workbook(injected_run):
    _, written = injected_run
    assert written["feedback"], "the bad household size gives Nà Mòn a feedback workbook"
    books = [written["workbook"], written["public_list"], *written["feedback"]]
    for path in books:
        found: set[str] = set()
        for sheet, c in _cells(path):
            if c.data_type == "f":
                assert path == written["workbook"], (path.name, sheet, c.coordinate, c.value)
                assert ALLOWED_FORMULA.match(str(c.value)), (sheet, c.coordinate, c.value)
            elif isinstance(c.value, str):
                found.update(s for s in INJECTED if c.value == s)
        # Every formula-like name is there, as text (the feedback copy holds the whole sheet);
        # the public list shows the telephone number masked (session 52), as text too
        if path == written["public_list"]:
            found.update(c.value for _, c in _cells(path) if c.value == "********5678")
            assert found == {*INJECTED, "********5678"} - {"+84 912 345 678"}, path.name
        else:
            assert found == set(INJECTED), path.name


def test_public_list_of_a_real_run(injected_run):
    result, written = injected_run
    book = openpyxl.load_workbook(written["public_list"])
    assert book.sheetnames == ["Nà Mòn", "Bản Cọ", "Đồng Kè"]
    ws = book["Nà Mòn"]
    head = _find_row(ws, 2, lambda v: v == "Mã hộ")
    rows = {ws.cell(r, 2).value: r for r in range(head + 1, head + 5)}
    assert list(rows) == ["NM1", "NM5", "NM2", "NM4"]  # poor first, then near-poor
    assert _row_values(ws, rows["NM2"], 3, 9) == [
        "********5678",  # a telephone number as the name, masked (session 52)
        1970,
        "Nam",
        "Tày",
        4,
        "Hộ cận nghèo",
        "********7890",
    ]
    assert ws.cell(rows["NM1"], 3).data_type == "s"
    texts = _texts(book["Đồng Kè"])
    assert any(v.startswith("Danh sách tháng 5/2024 của xóm chưa nộp") for v in texts)


# --- the public posting list, NiemYet_YYYY-MM.xlsx ---------------------------------------------


@pytest.fixture(scope="module")
def public_list(tmp_path_factory) -> Path:
    from pipeline.report.public_list import write_public_list

    path = tmp_path_factory.mktemp("public") / "NiemYet_2024-05.xlsx"
    write_public_list(make_result(), path)
    return path


def test_public_list_hides_income_and_ids_and_lists_every_household(public_list, values):
    book = openpyxl.load_workbook(public_list)
    assert book.sheetnames == ["Nà Mòn", "Khuôn Ca", "Bản Cọ"]
    listed: set[str] = set()
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                assert c.data_type != "f", (ws.title, c.coordinate)
                # No income: neither its header nor any income value.
                assert not (isinstance(v, str) and "Thu nhập" in v), (ws.title, c.coordinate)
                assert v != 1_200_000, (ws.title, c.coordinate)
                # No full ID number: only ********0123.
                if isinstance(v, str) and re.search(r"\d{5,}", v):
                    raise AssertionError((ws.title, c.coordinate, v))
                if isinstance(v, str) and re.fullmatch(r"[A-Z]{2}-\d{3}", v):
                    listed.add(v)
        head = _find_row(ws, 2, lambda v: v == "Mã hộ") if ws.title != "Bản Cọ" else None
        if head:
            assert ws.cell(head, 9).value == "Số định danh cá nhân (4 số cuối)"
            ids = [ws.cell(r, 9).value for r in range(head + 1, ws.max_row + 1)]
            assert "********0123" in ids
    # Exactly the households of 'DS hộ nghèo' and 'DS hộ cận nghèo'.
    on_lists = set()
    for sheet in ("DS hộ nghèo", "DS hộ cận nghèo"):
        ws = values[sheet]
        head = _find_row(ws, 3, lambda v: v == "Mã hộ")
        on_lists |= {ws.cell(r, 3).value for r in range(head + 2, ws.max_row + 1)} - {None}
    assert listed == on_lists == {"NM-001", "NM-002", "NM-003", "KC-001", "KC-002"}
    # A name starting with '=' stays text.
    ws = book["Nà Mòn"]
    row = _find_row(ws, 2, lambda v: v == "NM-002")
    assert ws.cell(row, 3).value == "=1+1" and ws.cell(row, 3).data_type == "s"


def test_public_list_title_notice_signature_and_print(public_list):
    book = openpyxl.load_workbook(public_list)
    ws = book["Nà Mòn"]
    assert ws["A4"].value == (
        "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN THÁNG 5/2024 – NIÊM YẾT CÔNG KHAI"
    )
    texts = _texts(ws)
    assert "Tổng số: 2 hộ nghèo, 1 hộ cận nghèo." in texts
    assert any(
        v.startswith("Thời gian niêm yết:") and "Ban Chỉ đạo giảm nghèo xã Trung Lương" in v
        for v in texts
    )
    head = _find_row(ws, 1, lambda v: v == "STT")
    assert _row_values(ws, head, 1, 9) == [
        "STT",
        "Mã hộ",
        "Họ và tên chủ hộ",
        "Năm sinh",
        "Giới tính",
        "Dân tộc",
        "Số nhân khẩu",
        "Phân loại hộ",
        "Số định danh cá nhân (4 số cuối)",
    ]
    # Poor first, then near-poor; the signature right under the table.
    assert [ws.cell(head + i, 8).value for i in (1, 2, 3)] == [
        "Hộ nghèo",
        "Hộ nghèo",
        "Hộ cận nghèo",
    ]
    sign = _find_row(ws, 1, lambda v: v == "TRƯỞNG XÓM")
    assert sign - (head + 3) <= 3
    assert "TM. ỦY BAN NHÂN DÂN" in texts and "Hoàng Văn Chủ" in texts
    assert ws.print_title_rows == f"${head}:${head}"
    assert_prints_a4_landscape_one_page_wide(book, {"Bản Cọ"})
    # A hamlet without an accepted roster is said to be so.
    assert any(
        v.startswith("Danh sách tháng 5/2024 của xóm chưa nộp") for v in _texts(book["Bản Cọ"])
    )


def test_public_list_masks_and_sheet_names():
    from pipeline.report.cells import safe_sheet_names
    from pipeline.report.public_list import mask_id

    assert mask_id("001070000123") == "********0123"
    assert mask_id("") == "" and mask_id(None) == ""
    assert mask_id("12") == ""  # fewer than 4 digits: nothing to show
    names = safe_sheet_names(
        ["Xóm: Nà/Mòn*?", "xóm: nà/mòn*?", "x" * 40, "'Bản'", "History"], set()
    )
    assert names["Xóm: Nà/Mòn*?"] == "Xóm_ Nà_Mòn__"
    assert names["xóm: nà/mòn*?"] == "xóm_ nà_mòn__ (2)"
    assert len(names["x" * 40]) == 31
    assert names["'Bản'"] == "Bản" and names["History"] == "History_"


def test_public_list_in_one_sheet_for_many_hamlets(tmp_path, monkeypatch):
    from pipeline.report import public_list as pl

    monkeypatch.setattr(pl, "SHEETS_MAX", 2)
    path = tmp_path / "NiemYet.xlsx"
    pl.write_public_list(make_result(), path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Niêm yết"]
    ws = book["Niêm yết"]
    titles = [
        r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value).startswith("DANH SÁCH")
    ]
    assert len(titles) == 3
    # Each hamlet starts a printed page.
    breaks = {b.id for b in ws.row_breaks.brk}
    assert {t - 4 for t in titles[1:]} <= breaks


def test_public_list_in_one_sheet_names_the_hamlet_on_every_printed_page(tmp_path, monkeypatch):
    """Over SHEETS_MAX hamlets the list is one sheet, with one footer for all: a hamlet's
    printed page after its first named no one (QA). It now begins with a line naming the
    hamlet, then the table's header, after a manual page break."""
    from pipeline.report import public_list as pl

    monkeypatch.setattr(pl, "SHEETS_MAX", 2)
    result = make_result()
    many = [
        _household("Khuôn Ca", 7 + i, f"KC-{i:03d}", f"Hộ số {i}", "poor") for i in range(1, 61)
    ]
    others = HOUSEHOLDS[HOUSEHOLDS["hamlet"] != "Khuôn Ca"]
    result.households = pd.concat([others, pd.DataFrame(many)], ignore_index=True)
    path = tmp_path / "NiemYet.xlsx"
    pl.write_public_list(result, path)
    ws = openpyxl.load_workbook(path)["Niêm yết"]
    # A page is 516.1 pt of A4 landscape less the margins, 96 % of it estimated: 495.5 pt, at
    # 100 % (the 9 columns are 679.5 pt wide). Above Khuôn Ca's first household: 3 heading
    # rows, the 44 pt title, 2 rows, the count, the posting period's 2 lines (30 pt), a blank
    # row and the 33 pt header: 217.25 pt, so 17 households of 15.75 pt. A continued page has
    # the line and the header (48.75 pt) and 28 households; the last 15 and the signature
    # (157.5 pt) fit the third page.
    lines = [
        r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value).endswith("(tiếp theo)")
    ]
    assert [ws.cell(r, 1).value for r in lines] == [
        "Danh sách hộ nghèo, hộ cận nghèo xóm Khuôn Ca tháng 5/2024 (tiếp theo)"
    ] * 2
    assert [ws.cell(r + 1, 1).value for r in lines] == ["STT", "STT"]
    assert [ws.cell(r + 1, 3).value for r in lines] == ["Họ và tên chủ hộ"] * 2
    assert [ws.cell(r + 2, 1).value for r in lines] == [18, 46]
    assert [ws.cell(r + 2, 2).value for r in lines] == ["KC-018", "KC-046"]
    assert ws.cell(lines[0] - 1, 1).value == 17 and ws.cell(lines[1] - 1, 1).value == 45
    breaks = {b.id for b in ws.row_breaks.brk}  # openpyxl: the last row of the page before
    assert {r - 1 for r in lines} <= breaks
    sign = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "TRƯỞNG XÓM"]
    last = next(r for r in range(lines[1], ws.max_row + 1) if ws.cell(r, 2).value == "KC-060")
    assert any(0 < s - last <= 3 for s in sign)
    assert not any(lines[1] < b < last for b in breaks)  # the signature's page: no break


def test_public_list_masks_a_column_as_mask_id_does():
    from pipeline.report.public_list import _masked, mask_id

    values = ["001070000123", "123", "", None, float("nan"), 1234567.0, "CCCD: 0010 7000 0123"]
    values += ["\u0661\u0662\u0663\u0664\u0665", "１２３４５", "00107000012a", " 001070000123"]
    assert _masked(values) == [mask_id(v) for v in values]
    assert _masked(values)[:2] == ["********0123", ""]


def test_sorted_breaks_looks_again_at_a_list_changed_out_of_order():
    import xlsxwriter

    from pipeline.report.styles import _sorted_breaks

    ws = xlsxwriter.Workbook(None, {"in_memory": True}).add_worksheet()
    ws.hbreaks.extend([5, 9])
    assert _sorted_breaks(ws) is ws.hbreaks
    ws.hbreaks.append(12)  # appended in order: the sheet's own list
    assert _sorted_breaks(ws) is ws.hbreaks
    ws.hbreaks.append(7)  # out of order: a sorted copy without repeats
    ws.hbreaks.append(7)
    assert _sorted_breaks(ws) == [5, 7, 9, 12]
    ws.set_h_pagebreaks([3, 1])  # a new list is looked at from its start
    assert _sorted_breaks(ws) == [1, 3]
    ws.set_h_pagebreaks([1, 3])
    assert _sorted_breaks(ws) is ws.hbreaks


def test_public_list_page_starts():
    from pipeline.report.public_list import SIGNATURE_PT, page_starts

    assert SIGNATURE_PT == 157.5  # a blank row and the signature's 9 rows of 15.75 pt
    # A page of 100 pt: 40 pt above, rows of 20 pt: 3 on the first page (100), then 30 pt of
    # continued heading and 3 rows (90); the last three (two before session 45) and the
    # signature need their own page: 4 rows (120) and 217.5 pt do not fit 257.5.
    assert page_starts(40, [20.0] * 7, 30, page=100 + SIGNATURE_PT) == [0, 4]
    assert page_starts(40, [20.0] * 9, 30, page=100) == [0, 3, 6]
    # Every page holds a household, even one that does not fit.
    assert page_starts(90, [50.0, 50.0], 30, page=100) == [0, 1]


def written_with_hamlets(tmp_path, count: int, name: str, summary=None) -> Path:
    """The consolidated workbook of a commune of ``count`` hamlets like Nà Mòn ('Xóm 01' …)."""
    result = make_result()
    many = [{**NA_MON, "hamlet": f"Xóm {i:02d}"} for i in range(1, count + 1)]
    result.summary = {**(summary or SUMMARY), "hamlets": many, "complete": True}
    path = tmp_path / name
    write_consolidated(result, path)
    return path


def test_the_near_poor_section_of_thieu_hut_starts_a_page_rather_than_split(tmp_path):
    """12 hamlets: the poor section fills most of the first page, so the near-poor section
    (label, 12 rows, total, rate) would be split; it starts the second page instead, under its
    label. With 3 hamlets both sections fit on one page, the note and signature do not on
    Excel's smaller page: the near-poor section went whole with them, from its label (session
    44's review; it was split above its last hamlets); they fit its larger page (and
    LibreOffice's), so the sheet now prints one page tall, without the break (session 49)."""
    for count, breaks_at_label in ((12, True), (3, False)):
        path = written_with_hamlets(tmp_path, count, f"thieu-hut-{count}.xlsx")
        ws = openpyxl.load_workbook(path)["Thiếu hụt"]
        label = _find_row(ws, 1, lambda v: v.startswith("II. HỘ CẬN NGHÈO"))
        breaks = [b.id for b in ws.row_breaks.brk]
        # openpyxl's break id is the last row of the page before
        assert ((label - 1) in breaks) is breaks_at_label, (count, breaks)
        assert ws.page_setup.fitToHeight == (0 if breaks_at_label else None), count


def test_the_trend_sheets_last_table_prints_whole_with_the_note_and_signature(tmp_path):
    """12 hamlets: the two hamlet tables of 'Xu hướng' fill their page, and the note and
    signature would print alone on the next. The break used to fall before the near-poor
    table's last hamlet, whose row and the commune's started a page with no header; the table
    fits a page with its note and signature, so it starts the next page under its title
    (session 17: continued tables keep their header)."""
    first_year = {k: v for k, v in SUMMARY.items() if k != "year_on_year"}  # no table IV
    path = written_with_hamlets(tmp_path, 12, "trend.xlsx", first_year)
    ws = openpyxl.load_workbook(path)["Xu hướng"]
    rows = [c.row for c in ws["A"] if c.value == "Toàn xã"]
    last_commune_row = rows[-1]
    assert ws.cell(last_commune_row + 1, 1).value.startswith("Ô trống")
    title = _find_row(ws, 1, lambda v: v.startswith("III. TỶ LỆ HỘ CẬN NGHÈO"))
    # The poor table has its blank cells' note too (session 51), a row more: an estimate
    # puts the empty row above the title on the next page already, and the break goes
    # before it (PageFlow.new_page: no empty row printed alone). openpyxl's break id is the
    # last row of the page before: the page starts at that empty row, then the title.
    assert ws.cell(title - 2, 1).value.startswith("Ô trống") and ws.cell(title - 1, 1).value is None
    assert [b.id for b in ws.row_breaks.brk][-1] == title - 2
    assert all(starts[-1] == title - 1 for starts in page_starts(ws))  # Excel's and LibreOffice's
    assert ws.print_title_rows is None


def test_without_the_chart_section_v_prints_whole_with_the_signature(tmp_path):
    """70 hamlets: no chart page, so sections I–V follow one another; section V (6 rows) would
    be split by the page end, 3 rows kept with the signature. It starts the third page whole
    instead. Section II (3 rows) was split over the first two pages: it starts the second
    (session 17: 'Nộp báo cáo' and 'Tổng hợp' pages)."""
    path = written_with_hamlets(tmp_path, 70, "many.xlsx")
    ws = openpyxl.load_workbook(path)["Tổng hợp"]
    section_ii = _find_row(ws, 1, lambda v: v.startswith("II. QUY MÔ"))
    section_v = _find_row(ws, 1, lambda v: v.startswith("V. NỘP BÁO CÁO"))
    sign = _find_row(ws, 1, lambda v: v == "NGƯỜI LẬP BIỂU")
    assert sign - section_v < 12
    # openpyxl's break id is the last row of the page before
    assert [b.id for b in ws.row_breaks.brk] == [section_ii - 1, section_v - 1]


def test_seventy_hamlets_name_twelve_behind_and_count_the_rest(tmp_path):
    """70 hamlets (no chart): Nà Mòn's figures (3 → 2 poor of target 2: Chưa đạt; 2 → 1
    near-poor of 1: Đạt) in every one, the even-numbered ones given Đạt for the poor list too.
    Section III names the first 12 of the 35 behind and counts the other 23; all 70 meet the
    near-poor target, said in one line (session 38)."""
    result = make_result()
    many = [{**NA_MON, "hamlet": f"Xóm {i:02d}", "poor_target_met": i % 2 == 0}
            for i in range(1, 71)]  # fmt: skip
    result.summary = {**SUMMARY, "hamlets": many, "complete": True}
    path = tmp_path / "many.xlsx"
    write_consolidated(result, path)
    ws = openpyxl.load_workbook(path)["Tổng hợp"]
    note = _find_row(ws, 1, lambda v: v.startswith("Có 70 xóm: biểu đồ theo xóm"))
    odd = ", ".join(f"Xóm {i:02d}" for i in range(1, 24, 2))
    assert [ws.cell(note + i, 1).value for i in (1, 2, 3, 4)] == [
        f"Xóm chưa đạt chỉ tiêu giảm hộ nghèo (35/70 xóm): {odd}, và 23 xóm khác (xem trang "
        "'Theo xóm').",
        "Cả 70/70 xóm đã tổng hợp đều đạt chỉ tiêu giảm hộ cận nghèo.",
        None,
        "IV. BIẾN ĐỘNG TỪ ĐẦU NĂM",
    ]
    breaks = [b.id for b in ws.row_breaks.brk]  # openpyxl's id: the last row of the page before
    assert not any(note - 2 <= b < note + 2 for b in breaks)  # with their section's title


def test_libreoffice_pages_keep_the_signature_with_the_table_too():
    """LibreOffice draws columns 5.7 % wider than Excel, so a sheet printed one page wide is
    scaled down further there and its pages hold more rows. Here (the widths of 'Nguyên nhân',
    79 % in Excel, 75 % there) Excel's pages hold 39 to 42 rows of 15.75 pt, LibreOffice's 44:
    a table of 44 rows and its signature fit Excel's first two pages without a split, but
    LibreOffice's second page would start inside the signature block. The table's last two
    rows go with it."""
    import xlsxwriter

    from pipeline.report.styles import keep_with_table, print_scale

    widths = [5, 18] + [11] * 14
    assert print_scale(widths) == 0.79
    book = xlsxwriter.Workbook(io.BytesIO(), {"in_memory": True})
    ws = book.add_worksheet()
    keep_with_table(ws, widths, last_table_row=43, end_row=54)
    assert ws.hbreaks == [42]
    book.close()


def test_a_sixty_hamlet_nguyen_nhan_prints_its_signature_under_the_subgroup_totals(tmp_path):
    """60 hamlets: the subgroup table (two rows a hamlet) fills three pages; in LibreOffice
    the date line stayed on the third and the signatures printed alone on a fourth page. The
    last hamlet's two rows and the two total rows now print on the signature's page, under
    the table's header written again (session 17)."""
    path = written_with_hamlets(tmp_path, 60, "many.xlsx")
    ws = openpyxl.load_workbook(path)["Nguyên nhân"]
    total = [c.row for c in ws["A"] if c.value == "Tổng cộng"][-1]
    # openpyxl's break id is the last row of the page before: the last page starts with the
    # two header rows and the column numbers, then hamlets' rows, the totals, the signature
    top = [b.id for b in ws.row_breaks.brk][-1] + 1
    assert [ws.cell(top + i, 1).value for i in range(3)] == ["STT", None, "A"]
    assert top < total and ws.cell(total + 2, 1).value.startswith("Tỷ lệ")
    assert all(starts[-1] == top for starts in page_starts(ws))  # Excel's and LibreOffice's
