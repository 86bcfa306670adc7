"""Session 18: messy rosters read as a careful person reads them (docs/decisions.md)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.run import execute
from tests.commune import person, write_plan, write_roster


def _without_info_sheet(path: Path, new_name: str) -> Path:
    """The roster at ``path`` with its 'Thông tin' sheet deleted, saved under ``new_name``."""
    book = openpyxl.load_workbook(path)
    del book["Thông tin"]
    target = path.with_name(new_name)
    book.save(target)
    path.unlink()
    return target


def _submission_row(workbook: Path, hamlet: str) -> tuple:
    sheet = openpyxl.load_workbook(workbook)["Nộp báo cáo"]
    for row in sheet.iter_rows(values_only=True):
        if row[0] and row[1] == hamlet:
            return row[2:4]
    raise AssertionError(hamlet)


def test_a_list_without_info_whose_title_is_last_month_s_is_told_not_silently_missing(tmp_path):
    """Nà Mòn's May list, named DS_NaMon_2024-05.xlsx, has no 'Thông tin' sheet and keeps the
    title of April's file it was copied from ('… THÁNG 4/2024'). The period in the file (its
    title) still decides, so the list is April's; but the May run showed Nà Mòn as a bare
    'Chưa nộp' with nothing on 'Lỗi dữ liệu' and no word on screen. It is now told at the
    title cell, as a list whose 'Kỳ báo cáo' cell says another month is."""
    from pipeline.output import NOTICES

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_roster(
        folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor"), person("BC2", "poor")]
    )
    copied = write_roster(
        folder, "tmp.xlsx", "Nà Mòn", 100, [person("NM1", "poor")], period="2024-04"
    )
    _without_info_sheet(copied, "DS_NaMon_2024-05.xlsx")

    result, _, _ = execute(folder, out, None)

    assert result.period == "2024-05"
    by = {h["hamlet"]: (h["status"], h.get("poor")) for h in result.summary["hamlets"]}
    assert by["Bản Cọ"] == ("ok", 2)
    assert by["Nà Mòn"][0] == "missing"
    told = [i for i in result.issues if i.file == "DS_NaMon_2024-05.xlsx"]
    assert [(i.code, i.sheet, i.cell, i.value, i.detail, i.variant) for i in told] == [
        ("period-differs-from-file-name", "Danh sách", "A1", "04/2024", "05/2024", "title")
    ]
    assert (
        told[0]
        .message("vi")
        .startswith(
            "Tên tệp ghi kỳ 05/2024 nhưng tiêu đề danh sách ghi tháng 04/2024 (tệp không có trang "
            "'Thông tin' với ô 'Kỳ báo cáo')"
        )
    )
    assert [str(n) for n in NOTICES if "Nà Mòn" in str(n)] == [
        "Xóm Nà Mòn được tính là chưa nộp kỳ 05/2024: tệp 'DS_NaMon_2024-05.xlsx' mang tên kỳ "
        "05/2024 nhưng tiêu đề danh sách ghi tháng 04/2024 (tệp không có trang 'Thông tin'). "
        "Nếu đó là danh sách kỳ 05/2024, hãy sửa tiêu đề (trang 'Danh sách', ô A1) thành "
        "tháng 05/2024 rồi chạy lại: giamngheo run --period 2024-05"
    ]
    workbook = out / "2024-05" / "TongHop_2024-05.xlsx"
    assert _submission_row(workbook, "Nà Mòn") == (
        "Chưa nộp kỳ này: tiêu đề của tệp gửi ghi tháng 04/2024 (xem trang 'Lỗi dữ liệu')",
        "DS_NaMon_2024-05.xlsx",
    )
    # check says it as the run does
    checked = check_files([folder / "DS_NaMon_2024-05.xlsx"])
    assert [(i.code, i.cell, i.variant) for i in checked if i.code.startswith("period")] == [
        ("period-differs-from-file-name", "A1", "title")
    ]
