"""Session 22: a row under a list with a class picked in 'Phân loại hộ' ('Hộ nghèo' from the
drop-down) and no household typed (no Mã hộ, no head's name, no size) is no household row, so
nothing is counted from it, but it is said at the row (class-without-household, a warning at
the head's name cell): the head may have meant to type a household. A template row with
its STT alone, or its STT and a formula, stays silent (docs/decisions.md)."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.commune import person, write_plan, write_roster

SAID_VI = (
    "Dòng này ghi 'Phân loại hộ' là '{value}' nhưng không ghi hộ nào ('Mã hộ', 'Họ và tên chủ "
    "hộ' và 'Số nhân khẩu' đều trống), nên xã không tính dòng này. Nếu đây là một hộ, hãy ghi "
    "mã hộ, họ tên chủ hộ và các thông tin khác của hộ rồi gửi lại; nếu không, hãy xóa "
    "'{value}' ở dòng này."
)
SAID_EN = (
    "This row says '{value}' in 'Phân loại hộ' but holds no household ('Mã hộ', 'Họ và tên chủ "
    "hộ' and 'Số nhân khẩu' are empty), so the commune does not count it. If it is a household, "
    "write its code, the head's name and its other details and send it again; if not, delete "
    "'{value}' from this row."
)


def _said(issues) -> list[tuple]:
    return [(i.file, i.sheet, i.row, i.cell, i.column, i.value, i.severity)
            for i in issues if i.code == "class-without-household"]  # fmt: skip


def _na_mon(folder) -> None:
    """NaMon.xlsx as the template writes it (header row 4, 'Phân loại hộ' in column I, the
    head's name in C): NM1 poor (row 5), NM2 near-poor (row 6); then row 7 with STT 3 and
    'Hộ nghèo' alone, row 8 with STT 4 alone, row 9 with STT 5 and a formula in the income
    column (J), row 10 with ' Hộ cận nghèo ' alone (no STT). The signatures follow."""
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102,
                        [person("NM1", "poor"), person("NM2", "near_poor")])  # fmt: skip
    book = openpyxl.load_workbook(path)
    ws = book["Danh sách"]
    assert (ws["C4"].value, ws["I4"].value) == ("Họ và tên chủ hộ", "Phân loại hộ")
    ws.insert_rows(7, 4)  # the signature block moves down under the rows added
    ws["A7"], ws["I7"] = 3, "Hộ nghèo"
    ws["A8"] = 4
    ws["A9"], ws["J9"] = 5, "=H9*1000"
    ws["I10"] = " Hộ cận nghèo "
    book.save(path)


def test_a_class_picked_without_its_household_is_said_at_the_row(tmp_path):
    """Nà Mòn counts NM1 poor and NM2 near-poor (1/102 = 0.98 % each), as without the added
    rows; rows 7 and 10 are said at C7 and C10, rows 8 and 9 not; `check` says the same."""
    write_plan(tmp_path)
    _na_mon(tmp_path)
    result, _ = collect(tmp_path, None)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 1, 1)
    assert na_mon["poor_rate"] == pytest.approx(1 / 102 * 100)
    assert sorted(result.households["ma_ho"]) == ["NM1", "NM2"]
    expected = [
        ("NaMon.xlsx", "Danh sách", 7, "C7", "Họ và tên chủ hộ", "Hộ nghèo", "warning"),
        ("NaMon.xlsx", "Danh sách", 10, "C10", "Họ và tên chủ hộ", "Hộ cận nghèo", "warning"),
    ]
    assert _said(result.issues) == expected
    assert _said(check_files([tmp_path])) == expected
    [first, _] = [i for i in result.issues if i.code == "class-without-household"]
    assert first.message("vi") == SAID_VI.format(value="Hộ nghèo")
    assert first.message("en") == SAID_EN.format(value="Hộ nghèo")
    # nothing else is said of the rows added (no missing code, name or size)
    assert [i.code for i in result.issues if i.row in (7, 8, 9, 10)] == [
        "class-without-household", "class-without-household",
    ]  # fmt: skip


def test_the_blank_template_s_rows_are_silent_and_a_class_in_one_is_said(tmp_path):
    """The blank roster `giamngheo template` writes (100 empty rows 5-104, signatures from row
    106), filled in: 'Thông tin', one household (NM1 poor, row 5) and 'Hộ nghèo' picked in
    row 40 alone. Only row 40 is said (C40); the empty rows and the signatures are not."""
    from pipeline.template import write_templates

    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    [blank] = [p for p in write_templates(tmp_path / "mau") if p.name == "MauDanhSachHo.xlsx"]
    path = folder / "NaMon.xlsx"
    book = openpyxl.load_workbook(blank)
    info = book["Thông tin"]
    for row, value in ((2, "Trung Lương"), (3, "Nà Mòn"), (4, "05/2024"), (5, 102),
                       (6, "Lường Thị Mai"), (7, "03/06/2024")):  # fmt: skip
        info.cell(row, 2, value)
    ws = book["Danh sách"]
    nm1 = person("NM1", "poor")
    for col, key in enumerate(["stt", "ma_ho", "chu_ho", "nam_sinh", "gioi_tinh", "dan_toc",
                               "so_dinh_danh", "nhan_khau", "phan_loai"], start=1):  # fmt: skip
        ws.cell(5, col, 1 if key == "stt" else nm1[key])
    ws["I40"] = "Hộ nghèo"
    book.save(path)
    result, _ = collect(folder, None)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 1, 0)
    assert _said(result.issues) == [
        ("NaMon.xlsx", "Danh sách", 40, "C40", "Họ và tên chủ hộ", "Hộ nghèo", "warning"),
    ]


def test_a_section_s_heading_in_the_class_column_is_no_class_picked_alone(tmp_path):
    """'Phân loại hộ' as the list's second column, its households under 'I | Hộ nghèo', 'II |
    Hộ cận nghèo', 'III | …' headings (the numeral in the STT column, the heading in the class
    column): the headings are no class picked alone, nothing is said; Nà Mòn counts as the
    template's list does (NM1, NM5, NM6 poor; NM2, NM4 near-poor; NM3 left)."""
    from tests import messy

    write_plan(tmp_path)
    order = [
        "stt",
        "phan_loai",
        *(k for k in messy.TEMPLATE_ORDER if k not in ("stt", "phan_loai")),
    ]
    layout = messy.Layout(sheet="DS", columns=order, sections="split")
    roster = messy.roster_sheet(messy.na_mon_households(), layout, messy.Typing())
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102))
    messy.write_book(tmp_path / "NaMon.xlsx", [info, roster])
    result, _ = collect(tmp_path, None)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 2)
    assert _said(result.issues) == []
