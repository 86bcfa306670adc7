"""'Nộp báo cáo', "Các tệp khác": other months' lists summed up in one row per month.

The officer keeps the whole year's lists in the input folder, so by December the table listed
132 lists of earlier months (12 hamlets), one row each, with nothing to do about any of them.
A list that is simply another month's (a roster of a known hamlet, dated that month, with no
issue of its own) is now counted in its month's row: "Khác kỳ (tháng 4/2024): 12 tệp của 12
xóm, …", the first and last file named (session 50: "tính vào kỳ đó" only when the
history says that month counted them; here no history: "không tính vào kỳ này"). Files needing attention (refused,
damaged, skipped, a list named for this month but dated another) keep their own rows first;
a month with a single list keeps that list's row as before, saying its outcome since
session 51 (docs/decisions.md, session 24).
The JSON lists no files (CONTRACT §5.1): the counts are checked against the folder and the
JSON's 'reporting' and 'issues'."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from pipeline.run import execute
from pipeline.sample import generate_sample

SHEET = "Nộp báo cáo"
FIRST, LAST = "DS_BanCo", "DS_ThamRoc"  # the sample's 12 hamlets' files, sorted by name


def _run(folder: Path, out: Path, period: str) -> tuple[Path, dict]:
    execute(folder, out, period)
    book = out / period / f"TongHop_{period}.xlsx"
    return book, json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))


def other_rows(book: Path) -> list[tuple]:
    """The rows of 'Các tệp khác' as written (STT … 'Số dòng bị loại'), headers left out."""
    ws = openpyxl.load_workbook(book)[SHEET]
    title = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "CÁC TỆP KHÁC")
    rows = []
    for r in range(title + 1, ws.max_row + 1):
        values = tuple(ws.cell(r, c).value for c in range(1, 7))
        if values[0] == "STT":
            continue
        if not isinstance(values[0], int):
            break
        rows.append(values)
    return rows


def set_info(path: Path, cell: str, value: str, saved_as: Path | None = None) -> None:
    book = openpyxl.load_workbook(path)
    book["Thông tin"][cell] = value
    book.save(saved_as or path)


@pytest.fixture(scope="module")
def year_folder(tmp_path_factory) -> tuple[Path, Path, dict]:
    """12 hamlets' lists of January to May, with a damaged workbook, a Word file, a list of a
    hamlet not in the plan and Đồng Kè's May list still saying 04/2024: May's workbook."""
    base = tmp_path_factory.mktemp("year")
    folder = base / "input"
    generate_sample(folder, hamlets=12, months=5)
    may = folder / "DS_BanCo_2024-05.xlsx"
    (folder / "DS_Hong_2024-05.xlsx").write_bytes(may.read_bytes()[:3000])
    (folder / "GhiChu.docx").write_bytes(b"not a docx")
    set_info(may, "B3", "Xóm Không Có", folder / "DS_XomLa_2024-05.xlsx")
    set_info(folder / "DS_DongKe_2024-05.xlsx", "B4", "04/2024")
    book, summary = _run(folder, base / "output", "2024-05")
    return folder, book, summary


def test_earlier_months_are_one_row_each_after_the_files_to_see_to(year_folder):
    folder, book, summary = year_folder
    rows = other_rows(book)
    group = "Khác kỳ (tháng {m}/2024): 12 tệp của 12 xóm, không tính vào kỳ này"  # no history
    assert [r[1:] for r in rows] == [
        (
            None,
            "Bị từ chối: tệp bị hỏng hoặc chưa chép hết (tải về, gửi qua Zalo hay chép USB bị "
            "ngắt giữa chừng)",
            "DS_Hong_2024-05.xlsx",
            None,
            None,
        ),
        (
            "Xóm Không Có",
            "Bị từ chối: xóm 'Xóm Không Có' không có trong kế hoạch",
            "DS_XomLa_2024-05.xlsx",
            53,
            53,  # a refused list has every row left out (session 47)
        ),
        # named for May, dated April: its own row, not in April's
        ("Đồng Kè", "Khác kỳ (tháng 4/2024)", "DS_DongKe_2024-05.xlsx", 60, 0),
        (None, "Bỏ qua", "GhiChu.docx", None, None),
        *[
            (
                "12 xóm",
                group.format(m=m),
                f"{FIRST}_2024-0{m}.xlsx …\n{LAST}_2024-0{m}.xlsx",
                None,
                None,
            )
            for m in (1, 2, 3, 4)
        ],
    ]
    assert [r[0] for r in rows] == list(range(1, 9))
    # Every hamlet of the plan (JSON: 12 expected) sent a list each earlier month.
    assert summary["reporting"] == {"expected": 12, "accepted": 11, "rate": 11 / 12 * 100}
    # The summed months hold every list of theirs in the folder: 4 × 12 of 60 + 4 given.
    for m in (1, 2, 3, 4):
        assert len(list(folder.glob(f"DS_*_2024-0{m}.xlsx"))) == 12
    # the damaged workbook and the Word file: JSON's files skipped, each on its own row
    assert summary["issues"]["files_skipped"] == 2
    assert {"DS_Hong_2024-05.xlsx", "GhiChu.docx"} <= {r[3] for r in rows}


def test_a_month_of_one_list_keeps_its_row_two_lists_are_named_both(tmp_path):
    """April's lists of Bản Cọ only (one row as before: its hamlet, file and rows read; no
    history, so "không tính vào kỳ này", session 51); then with Nà Mòn's too (one row, both
    files named)."""
    folder = tmp_path / "input"
    generate_sample(folder, hamlets=12, months=2)
    for path in folder.glob("DS_*_2024-04.xlsx"):
        if path.stem not in ("DS_BanCo_2024-04", "DS_NaMon_2024-04"):
            path.unlink()
    shutil.move(folder / "DS_NaMon_2024-04.xlsx", tmp_path / "DS_NaMon_2024-04.xlsx")
    book, _ = _run(folder, tmp_path / "out1", "2024-05")
    # 52 rows read: as April's workbook says of Bản Cọ's list
    assert other_rows(book) == [
        (
            1,
            "Bản Cọ",
            "Khác kỳ (tháng 4/2024): không tính vào kỳ này",
            "DS_BanCo_2024-04.xlsx",
            52,
            0,
        )
    ]
    shutil.move(tmp_path / "DS_NaMon_2024-04.xlsx", folder / "DS_NaMon_2024-04.xlsx")
    book, _ = _run(folder, tmp_path / "out2", "2024-05")
    assert other_rows(book) == [
        (
            1,
            "2 xóm",
            "Khác kỳ (tháng 4/2024): 2 tệp của 2 xóm, không tính vào kỳ này",
            "DS_BanCo_2024-04.xlsx\nDS_NaMon_2024-04.xlsx",
            None,
            None,
        )
    ]


def test_a_later_month_and_a_second_copy_are_summed_by_file_and_hamlet(tmp_path):
    """April's run with May's lists and a second copy of Bản Cọ's May list: 13 files of 12
    hamlets, in one row for May."""
    folder = tmp_path / "input"
    generate_sample(folder, hamlets=12, months=2)
    shutil.copy(folder / "DS_BanCo_2024-05.xlsx", folder / "DS_BanCo_2024-05_ban2.xlsx")
    book, summary = _run(folder, tmp_path / "out", "2024-04")
    assert summary["reporting"]["accepted"] == 12
    assert other_rows(book) == [
        (
            1,
            "12 xóm",
            "Khác kỳ (tháng 5/2024): 13 tệp của 12 xóm, không tính vào kỳ này",
            f"{FIRST}_2024-05.xlsx …\n{LAST}_2024-05.xlsx",
            None,
            None,
        )
    ]


def test_one_hamlets_two_lists_of_a_month_name_the_hamlet(tmp_path):
    folder = tmp_path / "input"
    generate_sample(folder, hamlets=12, months=2)
    for path in folder.glob("DS_*_2024-04.xlsx"):
        if path.stem != "DS_NaMon_2024-04":
            path.unlink()
    shutil.copy(folder / "DS_NaMon_2024-04.xlsx", folder / "DS_NaMon_2024-04_sua.xlsx")
    book, _ = _run(folder, tmp_path / "out", "2024-05")
    assert other_rows(book) == [
        (
            1,
            "Nà Mòn",
            "Khác kỳ (tháng 4/2024): 2 tệp của 1 xóm, không tính vào kỳ này",
            "DS_NaMon_2024-04.xlsx\nDS_NaMon_2024-04_sua.xlsx",
            None,
            None,
        )
    ]
