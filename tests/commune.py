"""A small commune built in code: a plan with three hamlets and rosters whose answers are known."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.template import write_plan_workbook, write_roster_workbook

PLAN_INFO = {
    "province": "Thái Nguyên",
    "commune": "Trung Lương",
    "plan_year": 2024,
    "area": "rural",
    "standard": "2022-2025",
    "poor_target": 1.52,
    "near_poor_target": 1.01,
    "recipient": "Phòng Lao động - Thương binh và Xã hội huyện Định Hóa",
    "reporter": "Ma Thị Hoa",
    "chairman": "Hoàng Văn Toàn",
}
# hamlet -> (start households, start poor, start near-poor, poor target, near-poor target)
HAMLETS = {"Nà Mòn": (100, 3, 2, 1, 1), "Bản Cọ": (200, 2, 1, 1, 1), "Đồng Kè": (150, 1, 1, 1, 1)}
# Its targets, 1.52 and 1.01 points, are above its start rates (6/450 = 1.33 %, 4/450 = 0.89 %):
# the plan is warned so at the targets' cells, B7 and B8 of 'Thông tin chung'.
TARGETS_ABOVE_START = "plan-commune-target-above-start"


def past_targets(issues: list) -> list:
    """``issues`` less the small commune's plan warnings that its targets are above its start
    rates, which must be there, once each (B7, B8): what a test of something else asserts."""
    said = [(i.cell, i.value) for i in issues if i.code == TARGETS_ABOVE_START]
    assert said == [("B7", "1,52"), ("B8", "1,01")]
    return [i for i in issues if i.code != TARGETS_ABOVE_START]


def _target_line(cell: str, word: str, target: str, rate: str, start: int) -> str:
    return (
        f"[Cảnh báo] KeHoach_2024.xlsx, Thông tin chung, {cell} ({TARGETS_ABOVE_START}): Chỉ "
        f"tiêu giảm tỷ lệ {word} toàn xã là {target} điểm %, nhưng đầu năm tỷ lệ {word} của xã "
        f"chỉ là {rate} % ({start}/450 hộ): không thể đạt, vì tỷ lệ không thể xuống dưới 0 %. "
        "Hãy kiểm tra lại chỉ tiêu: ghi số điểm phần trăm (ví dụ 1,52), không phải số hộ."
    )


# The two warnings as `giamngheo check` prints them, first of its lines (the plan comes first).
TARGET_LINES = [
    _target_line("B7", "hộ nghèo", "1,52", "1,33", 6),
    _target_line("B8", "hộ cận nghèo", "1,01", "0,89", 4),
]


def person(ma_ho: str, status: str, deprived: tuple[int, ...] = (), **extra) -> dict:
    """A household row as a hamlet head writes it (labels, not codes). Its head's CCCD is made
    from the Mã hộ, and from the head's name too where ``chu_ho`` is given as another than
    'Hoàng Văn <Mã hộ>' (a code passed on to another household: two heads, two numbers)."""
    label = {"poor": "Hộ nghèo", "near_poor": "Hộ cận nghèo", "exited": "Thoát"}.get(status, status)
    if not deprived and status == "poor":
        deprived = (4, 9, 10)
    income = 2_000_000 if status == "exited" else 1_200_000
    head = f"Hoàng Văn {ma_ho}"
    seed = ma_ho if extra.get("chu_ho", head) == head else f"{ma_ho}|{extra['chu_ho']}"
    row = {
        "ma_ho": ma_ho,
        "chu_ho": head,
        "nam_sinh": 1970,
        "gioi_tinh": "Nam",
        "dan_toc": "Tày",
        # one CCCD per head (two heads never share one), ending 1234 as the tests mask it
        "so_dinh_danh": f"0{zlib.crc32(seed.encode()) % 10**7:07d}1234",
        "nhan_khau": 4,
        "phan_loai": label,
        "thu_nhap": income,
        "nguyen_nhan": "Thiếu vốn",
        "doi_tuong": None,
        "nhu_cau": "Vay vốn ưu đãi",
        "ghi_chu": None,
    }
    for index in range(1, 13):
        row[f"td_{index:02d}"] = index in deprived
    row.update(extra)
    return row


def start_list() -> list[dict]:
    rows = []
    for hamlet, (_, poor, near, _, _) in HAMLETS.items():
        code = {"Nà Mòn": "NM", "Bản Cọ": "BC", "Đồng Kè": "DK"}[hamlet]
        rows += [dict(person(f"{code}{i}", "poor"), hamlet=hamlet) for i in range(1, poor + 1)]
        rows += [
            dict(person(f"{code}{i}", "near_poor"), hamlet=hamlet)
            for i in range(poor + 1, poor + near + 1)
        ]
    for stt, row in enumerate(rows, start=1):
        row["stt"] = stt
    return rows


def plan_hamlets() -> list[dict]:
    """The plan's hamlet rows of :data:`HAMLETS`."""
    return [
        {
            "hamlet": h,
            "start_households": n,
            "start_poor": p,
            "start_near_poor": c,
            "poor_target": pt,
            "near_poor_target": ct,
        }
        for h, (n, p, c, pt, ct) in HAMLETS.items()
    ]


def write_plan(folder: Path, with_start_list: bool = True) -> Path:
    path = folder / "KeHoach_2024.xlsx"
    write_plan_workbook(path, PLAN_INFO, plan_hamlets(), start_list() if with_start_list else None)
    return path


def new_commune(tmp_path: Path) -> tuple[Path, Path]:
    """A new input folder ``vao`` holding the plan (:func:`write_plan`), and the output folder
    ``ra`` (made by the first run): where a test's year of months starts."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    return folder, out


def write_merged_plan(
    folder: Path, new: str = "Nà Mòn", renamed: dict[str, str] | None = None
) -> Path:
    """KeHoach_2024.xlsx with Bản Cọ merged into Nà Mòn, the merged hamlet written ``new``: one
    row of 100 + 200 = 300 households, 3 + 2 = 5 poor, 2 + 1 = 3 near-poor, and both hamlets'
    start households under ``new`` on the start list; ``renamed``: Đồng Kè's new name at the
    merger too ({"Đồng Kè": name})."""
    names = {"Nà Mòn": new, "Bản Cọ": new, **(renamed or {})}
    hamlets = []
    for h in plan_hamlets():
        if h["hamlet"] == "Nà Mòn":
            h = dict(h, start_households=300, start_poor=5, start_near_poor=3)
        if h["hamlet"] != "Bản Cọ":
            hamlets.append(dict(h, hamlet=names.get(h["hamlet"], h["hamlet"])))
    start = [dict(r, hamlet=names.get(r["hamlet"], r["hamlet"])) for r in start_list()]
    path = folder / "KeHoach_2024.xlsx"
    write_plan_workbook(path, PLAN_INFO, hamlets, start)
    return path


def write_renamed_plan(folder: Path, renamed: dict[str, str]) -> Path:
    """KeHoach_2024.xlsx with the hamlets of ``renamed`` (old name -> new) renamed, on its
    targets sheet and its start list alike: the same figures under other names."""
    hamlets = [dict(h, hamlet=renamed.get(h["hamlet"], h["hamlet"])) for h in plan_hamlets()]
    start = [dict(r, hamlet=renamed.get(r["hamlet"], r["hamlet"])) for r in start_list()]
    path = folder / "KeHoach_2024.xlsx"
    write_plan_workbook(path, PLAN_INFO, hamlets, start)
    return path


def write_plan_2025(folder: Path, na_mon_start: tuple[int, int], gone: tuple[str, ...]) -> Path:
    """KeHoach_2025.xlsx: the 2024 plan's hamlets, Nà Mòn's start (poor, near-poor) as given,
    and its start list without the households ``gone`` (by Mã hộ) during 2024."""
    hamlets = plan_hamlets()
    hamlets[0].update(start_poor=na_mon_start[0], start_near_poor=na_mon_start[1])
    listed = [r for r in start_list() if r["ma_ho"] not in gone]
    path = folder / "KeHoach_2025.xlsx"
    write_plan_workbook(path, {**PLAN_INFO, "plan_year": 2025}, hamlets, listed)
    return path


def write_roster(
    folder: Path,
    name: str,
    hamlet: str,
    total: int,
    rows: list[dict],
    period: str = "2024-05",
    prepared: date = date(2024, 6, 3),
) -> Path:
    for stt, row in enumerate(rows, start=1):
        row.setdefault("stt", stt)
    info = {
        "commune": "Trung Lương",
        "hamlet": hamlet,
        "period": period,
        "total_households": total,
        "preparer": "Lường Thị Mai",
        "prepared_on": prepared,
    }
    path = folder / name
    write_roster_workbook(path, info, rows)
    return path


@contextmanager
def roster_edited(path: Path, below: int = 4) -> Iterator[Worksheet]:
    """The roster ``path``'s 'Danh sách' sheet, to write cells, rows and columns into as a head
    does, saved back on leaving (not where the block fails). Its merges below row ``below``
    are undone first: by default those under the header (row 4), the signature block's, which
    openpyxl's insert_rows and insert_cols would leave where they are; ``below=0``: every
    merge. The workbook is ``sheet.parent`` (session 56: the idiom of ten test files since
    session 28, written once)."""
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    for merged in [m for m in sheet.merged_cells.ranges if m.min_row > below]:
        sheet.unmerge_cells(str(merged))
    yield sheet
    book.save(path)


def may_folder(tmp_path: Path) -> Path:
    """May 2024's input folder ``tmp_path / "input"``: the plan (:func:`write_plan`) and May's
    rosters (:func:`clean_rosters`: Nà Mòn and Bản Cọ sent, Đồng Kè nothing)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    return folder


def clean_rosters(folder: Path) -> None:
    """May 2024, all valid. Nà Mòn: NM1 poor, NM2 → near-poor, NM3 exited, NM4 near-poor, NM5
    near → poor, NM6 new poor. Bản Cọ: BC1, BC2 poor, BC3 near-poor. Đồng Kè sends nothing."""
    write_roster(
        folder,
        "NaMon.xlsx",
        "Nà Mòn",
        102,
        [
            person("NM1", "poor"),
            person("NM2", "near_poor"),
            person("NM3", "exited"),
            person("NM4", "near_poor"),
            person("NM5", "poor"),
            person("NM6", "poor"),
        ],
    )
    write_roster(
        folder,
        "BanCo.xlsx",
        "Bản Cọ",
        200,
        [
            person("BC1", "poor"),
            person("BC2", "poor"),
            person("BC3", "near_poor"),
        ],
    )


def copy_named_for_na_mon(folder: Path, out: Path) -> None:
    """No start list in the plan. April: Nà Mòn (NM1 poor, NM4 near-poor) and Bản Cọ (BC1, BC2
    poor) consolidated into ``out``. May: Bản Cọ's own list, and Nà Mòn's head's copy of Bản
    Cọ's file, its 'Xóm' cell left 'Bản Cọ', saved as 'DS_NaMon_2024-05.xlsx' (NM1, NM4)."""
    from pipeline.run import execute

    write_plan(folder, with_start_list=False)
    april = {"period": "2024-04", "prepared": date(2024, 5, 3)}
    write_roster(folder, "NaMon_T4.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM4", "near_poor")], **april)  # fmt: skip
    write_roster(folder, "BanCo_T4.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor")], **april)  # fmt: skip
    execute(folder, out, "2024-04")
    write_roster(folder, "BanCo_T5.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor")])  # fmt: skip
    copied = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Bản Cọ", 200,
                          [person("NM1", "poor"), person("NM4", "near_poor")],
                          prepared=date(2024, 6, 5))  # fmt: skip
    import openpyxl

    book = openpyxl.load_workbook(copied)
    book["Danh sách"]["A1"] = None  # no title naming a hamlet: the file name alone says Nà Mòn
    book.save(copied)


def june_list_named_for_may(folder: Path) -> None:
    """The plan; Nà Mòn's 'DS_NaMon_2024-05.xlsx' whose 'Kỳ báo cáo' says 06/2024 (only that
    cell mistyped: its title says May; NM1 poor) and Bản Cọ's May list (BC1 poor)."""
    import openpyxl

    write_plan(folder)
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102,
                        [person("NM1", "poor")], period="2024-06")  # fmt: skip
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024"
    book.save(path)
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])


def submission_row(workbook: Path, hamlet: str) -> tuple:
    """What 'Nộp báo cáo' of a consolidated workbook says of a hamlet: (status, file)."""
    sheet = openpyxl.load_workbook(workbook)["Nộp báo cáo"]
    for row in sheet.iter_rows(values_only=True):
        if row[0] and row[1] == hamlet:
            return row[2:4]
    raise AssertionError(hamlet)


# The blank roster's list columns a head fills, in the template's order (A-I).
BLANK_KEYS = ["stt", "ma_ho", "chu_ho", "nam_sinh", "gioi_tinh", "dan_toc", "so_dinh_danh",
              "nhan_khau", "phan_loai"]  # fmt: skip


def filled_blank(tmp_path: Path, households: int):
    """The blank roster (`giamngheo template`: rows 5-104 empty, the signature in rows 106-108)
    filled in as a head fills it: Nà Mòn's 'Thông tin' for 05/2024 (102 households) and NM1 …
    NMn poor in rows 5 on, beside the plan in a new folder 'vao': (folder, book, 'Danh sách')."""
    from pipeline.template import write_templates

    folder = tmp_path / "vao"
    folder.mkdir(parents=True)
    write_plan(folder)
    [blank] = [p for p in write_templates(tmp_path / "mau") if p.name == "MauDanhSachHo.xlsx"]
    book = openpyxl.load_workbook(blank)
    info = book["Thông tin"]
    for row, value in ((2, "Trung Lương"), (3, "Nà Mòn"), (4, "05/2024"), (5, 102),
                       (6, "Lường Thị Mai"), (7, "03/06/2024")):  # fmt: skip
        info.cell(row, 2, value)
    ws = book["Danh sách"]
    for i in range(1, households + 1):
        household = person(f"NM{i}", "poor")
        for col, key in enumerate(BLANK_KEYS, start=1):
            ws.cell(4 + i, col, i if key == "stt" else household[key])
    return folder, book, ws


def collect_stop(folder: Path, period: str | None) -> str:
    """The message a run of ``folder`` (``period``; None: the latest) stops with (FatalError)."""
    import pytest

    from pipeline.run import FatalError, collect

    with pytest.raises(FatalError) as stop:
        collect(folder, period, workers=0)
    return str(stop.value)
