"""Session 18: messy rosters read as a careful person reads them (docs/decisions.md)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.run import execute
from tests.commune import person, submission_row, write_plan, write_roster


def without_info_sheet(path: Path, new_name: str) -> Path:
    """The roster at ``path`` with its 'Thông tin' sheet deleted, saved under ``new_name``."""
    book = openpyxl.load_workbook(path)
    del book["Thông tin"]
    target = path.with_name(new_name)
    book.save(target)
    path.unlink()
    return target


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
    without_info_sheet(copied, "DS_NaMon_2024-05.xlsx")

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
    assert submission_row(workbook, "Nà Mòn") == (
        "Chưa nộp kỳ này: tiêu đề của tệp gửi ghi tháng 04/2024 (xem trang 'Lỗi dữ liệu')",
        "DS_NaMon_2024-05.xlsx",
    )
    # check says it as the run does
    checked = check_files([folder / "DS_NaMon_2024-05.xlsx"])
    assert [(i.code, i.cell, i.variant) for i in checked if i.code.startswith("period")] == [
        ("period-differs-from-file-name", "A1", "title")
    ]


def _may_with_na_mon(tmp_path: Path, rows: list[dict]):
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, rows)
    result, _, _ = execute(folder, out, "2024-05")
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    return result, hamlet


def test_one_household_written_twice_under_another_code_is_told(tmp_path):
    """Nà Mòn lists NM1, NM2 poor and NM3 near-poor; NM2 is written again at the end under
    'N.M-2' (its code typed with other marks) and NM3 again under 'NM9' (same head, same birth
    year), neither with an ID number. A careful reader counts 2 poor and 1 near-poor. The rows
    still count as written (3 poor, 2 near-poor: which row is wrong is the hamlet's to say, as
    for one ID number under two codes), but each pair is now told at its codes; it passed
    unsaid."""
    nm2 = person("NM2", "poor", so_dinh_danh=None)
    again = dict(nm2, ma_ho="N.M-2")
    nm3 = person("NM3", "near_poor", so_dinh_danh=None, chu_ho="Lò Thị Hoa", nam_sinh=1961)
    other = dict(nm3, ma_ho="NM9")
    rows = [person("NM1", "poor"), nm2, nm3, again, other]
    result, hamlet = _may_with_na_mon(tmp_path, rows)
    assert (hamlet["poor"], hamlet["near_poor"]) == (3, 2)  # counted as written
    told = sorted(
        (i.cell, i.value, i.variant, i.severity)
        for i in result.issues
        if i.code == "likely-same-household"
    )
    # rows: header on 4, NM1 on 5, NM2 6, NM3 7, N.M-2 8, NM9 9
    assert told == [
        ("B6", "NM2", "same-code", "warning"),
        ("B7", "NM3", "same-head", "warning"),
        ("B8", "N.M-2", "same-code", "warning"),
        ("B9", "NM9", "same-head", "warning"),
    ]
    said = next(i for i in result.issues if i.cell == "B9").message("vi")
    assert said.startswith(
        "Mã hộ 'NM9' và dòng 7 của danh sách này có cùng họ tên và năm sinh chủ hộ nhưng mã hộ khác"
    )


def test_two_households_with_other_names_or_years_are_not_told(tmp_path):
    """Different heads, or one name with different birth years (father and son), or codes that
    differ in more than their marks ('NM1', 'NM11'): nothing to tell."""
    rows = [
        person("NM1", "poor", so_dinh_danh=None, chu_ho="Hoàng Văn Nam", nam_sinh=1950),
        person("NM11", "poor", so_dinh_danh=None, chu_ho="Hoàng Văn Nam", nam_sinh=1978),
        person("NM2", "near_poor", so_dinh_danh=None, chu_ho="Hoàng Thị Lan", nam_sinh=1978),
    ]
    result, hamlet = _may_with_na_mon(tmp_path, rows)
    assert (hamlet["poor"], hamlet["near_poor"]) == (2, 1)
    assert not [i for i in result.issues if i.code == "likely-same-household"]


def test_one_head_in_capitals_is_told_but_another_accent_is_another_name(tmp_path):
    """'LÒ VĂN THẮNG' in capitals is the 'Lò Văn Thắng' of another row (letter case aside);
    'Lò Văn Thằng', one accent apart, is another man's name, as a careful reader takes it."""
    rows = [
        person("NM1", "poor", so_dinh_danh=None, chu_ho="Lò Văn Thắng", nam_sinh=1970),
        person("NM2", "poor", so_dinh_danh=None, chu_ho="LÒ VĂN THẮNG", nam_sinh=1970),
        person("NM3", "near_poor", so_dinh_danh=None, chu_ho="Lò Văn Thằng", nam_sinh=1970),
    ]
    result, hamlet = _may_with_na_mon(tmp_path, rows)
    assert (hamlet["poor"], hamlet["near_poor"]) == (2, 1)
    told = sorted((i.cell, i.value) for i in result.issues if i.code == "likely-same-household")
    assert told == [("B5", "NM1"), ("B6", "NM2")]


def test_classes_and_ticks_as_phones_and_symbol_fonts_write_them_are_read(tmp_path):
    """Nà Mòn started the year with NM1-NM3 poor and NM4, NM5 near-poor. Its May list writes
    the classes as heads abbreviate them ('Hộ HN', 'Tái nghèo', 'Hộ CN', 'Thoát CN', 'Thoát
    cận') and ticks the indicators as a phone ('✔️' with its emoji selector, '✅', '❌'), a
    check box pasted as text ('TRUE', 'FALSE') or Excel's Wingdings symbols ('ü' ✓, 'þ' ☑)
    give them. All were errors that left the rows out. A careful reader counts NM1, NM2 poor
    (deprived in indicators 4, 9, 10 each), NM3 now near-poor (deprived in 4), NM4, NM5 out."""
    ticks = {"td_01": "FALSE", "td_02": "false"}
    rows = [
        person("NM1", "Hộ HN", td_04="✔\ufe0f", td_09="ü", td_10="TRUE", **ticks),
        person("NM2", "Tái nghèo", td_04="✅", td_09="❌", td_10="þ"),
        person("NM3", "Hộ CN", td_04="x", td_09=False, td_10=False),
        person("NM4", "Thoát CN"),
        person("NM5", "Thoát cận"),
    ]
    result, hamlet = _may_with_na_mon(tmp_path, rows)
    assert [(i.code, i.cell) for i in result.issues if i.severity == "error"] == []
    assert (hamlet["poor"], hamlet["near_poor"]) == (2, 1)
    deprived = hamlet["deprivations"]
    assert {k: v for k, v in deprived["poor"].items() if v} == {"td_04": 2, "td_09": 2, "td_10": 2}
    assert {k: v for k, v in deprived["near_poor"].items() if v} == {"td_04": 1}
    poor, near = hamlet["movements"]["poor"], hamlet["movements"]["near_poor"]
    assert (poor["start"], poor["to_near_poor"], poor["exited"], poor["end"]) == (3, 1, 0, 2)
    assert (near["start"], near["from_poor"], near["exited"], near["end"]) == (2, 1, 2, 1)


def test_a_hamlet_total_row_cong_toan_xom_is_no_household(tmp_path):
    """Under Nà Mòn's list (NM1, NM2 poor, NM3 near-poor) the head added a total row: 'Cộng
    toàn xóm' in the name column, 12 (the members summed) under 'Số nhân khẩu'. It was read
    as a household without a code, class or valid size: three errors about a row that is no
    household. It is a total, passed over as 'Tổng cộng' is; a head named 'Công Toàn' with no
    code is still a row (its missing code told)."""
    rows = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "near_poor")]
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    # two more rows written, then made over into the total and the head without a code
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, [*rows, person("X4", "poor"),
                        person("X5", "poor")])  # fmt: skip
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    header = {sheet.cell(4, c).value: c for c in range(1, sheet.max_column + 1)}
    for row in (8, 9):
        for col in range(1, len(header) + 1):
            sheet.cell(row, col).value = None
    sheet.cell(8, header["Họ và tên chủ hộ"]).value = "Cộng toàn xóm"
    sheet.cell(8, header["Số nhân khẩu"]).value = 12
    sheet.cell(9, header["Họ và tên chủ hộ"]).value = "Công Toàn"
    sheet.cell(9, header["Số nhân khẩu"]).value = 3
    sheet.cell(9, header["Phân loại hộ"]).value = "Hộ nghèo"
    book.save(path)
    result, _, _ = execute(folder, out, "2024-05")
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (hamlet["poor"], hamlet["near_poor"]) == (2, 1)
    assert sorted((i.code, i.cell) for i in result.issues if i.row) == [
        ("missing-household-id", "B9")
    ]
