"""A class written with a question mark ('Nghèo?', 'cận nghèo ?'): counted as the class
written, and said at its cell (session 27)."""

from __future__ import annotations

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.normalise import normalise_table
from pipeline.read import Table
from pipeline.run import execute
from tests.commune import clean_rosters, past_targets, write_plan

CODE = "questioned-classification"


def _edit(path, sheet: str, cells: dict[str, str]) -> None:
    book = openpyxl.load_workbook(path)
    for ref, text in cells.items():
        book[sheet][ref] = text
    book.save(path)


def _na_mon(result) -> tuple[int, int]:
    figures = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    return figures["poor"], figures["near_poor"]


def test_a_class_with_a_question_mark_is_read_as_that_class_and_noted_at_its_row():
    """Rows 5-12: 'Nghèo?', 'Hộ nghèo', 'Thoát??', 'Hộ nghèo (?)', '?', 'Nghèo/cận nghèo?',
    '=Nghèo?', 'Cận nghèo？' (a full-width mark). Read as poor, poor, exited, poor, '?' (no
    class), as written (no class), poor, near-poor; the class cells with a question mark are
    rows 5, 7, 8, 11 and 12 (row 6 has none, rows 9 and 10 are no class: an error as before)."""
    written = ["Nghèo?", "Hộ nghèo", "Thoát??", "Hộ nghèo (?)", "?", "Nghèo/cận nghèo?",
               "=Nghèo?", "Cận nghèo\uff1f"]  # fmt: skip
    table = normalise_table(Table(list(range(5, 13)), {"phan_loai": list(written)}), ("phan_loai",))
    assert table.columns["phan_loai"] == [
        "poor", "poor", "exited", "poor", "?", "Nghèo/cận nghèo?", "poor", "near_poor"
    ]  # fmt: skip
    assert table.questioned == {
        5: "Nghèo?", 7: "Thoát??", 8: "Hộ nghèo (?)", 11: "=Nghèo?", 12: "Cận nghèo\uff1f"
    }  # fmt: skip
    clean = normalise_table(Table([5, 6], {"phan_loai": ["Hộ nghèo", "Cận nghèo"]}), ("phan_loai",))
    assert clean.questioned == {}


def test_a_questioned_class_is_counted_as_written_and_warned_at_its_cell(tmp_path):
    """Nà Mòn's list (NM1 poor, NM2 near-poor, NM3 exited, NM4 near-poor, NM5 poor, NM6 poor)
    with NM1's class 'Nghèo?' (I5) and NM2's 'Cận nghèo ?' (I6): still 3 poor (NM1 + NM5 +
    NM6) and 2 near-poor (NM2 + NM4), as the clean list; NM1 counts +1 poor, NM2 +1
    near-poor. Exactly two warnings, at I5 and I6; the other four classes, written without
    '?', none. The head reads them in the feedback workbook, the officer on 'Lỗi dữ liệu'."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    _edit(folder / "NaMon.xlsx", "Danh sách", {"I5": "Nghèo?", "I6": "Cận nghèo ?"})
    result = execute(folder, tmp_path / "out", None)[0]
    assert _na_mon(result) == (3, 2)
    said = [(i.code, i.severity, i.sheet, i.cell, i.row, i.column, i.value, i.detail)
            for i in past_targets(result.issues)]  # fmt: skip
    assert said == [
        (CODE, "warning", "Danh sách", "I5", 5, "Phân loại hộ", "Nghèo?", "Hộ nghèo"),
        (CODE, "warning", "Danh sách", "I6", 6, "Phân loại hộ", "Cận nghèo ?", "Hộ cận nghèo"),
    ]
    vi = (
        "'Phân loại hộ' ghi 'Nghèo?', có dấu '?' (chưa chắc chắn): đã tính là Hộ nghèo. Nếu "
        "đúng là Hộ nghèo, hãy ghi lại 'Hộ nghèo' không có dấu '?'; nếu không, hãy sửa lại cho "
        "đúng (Hộ nghèo, Hộ cận nghèo hoặc Thoát)."
    )
    assert result.issues[0].message("vi") == vi
    assert result.issues[0].message("en") == (
        "'Phân loại hộ' holds 'Nghèo?', with a question mark (unsure): counted as Hộ nghèo. If "
        "it is Hộ nghèo, write 'Hộ nghèo' without the '?'; if not, correct it (Hộ nghèo, Hộ "
        "cận nghèo or Thoát)."
    )
    month = tmp_path / "out" / "2024-05"
    book = openpyxl.load_workbook(month / "TongHop_2024-05.xlsx")
    errors = [[c.value for c in row] for row in book["Lỗi dữ liệu"].iter_rows()]
    assert [r for r in errors if vi in r and "Nghèo?" in r and "I5" in r]
    guide = openpyxl.load_workbook(month / "PhanHoi" / "Nà Mòn_2024-05.xlsx")["Hướng dẫn sửa"]
    texts = [c.value for row in guide.iter_rows() for c in row if isinstance(c.value, str)]
    asked = [t for t in texts if "có dấu '?'" in t]  # the two messages, once each
    assert asked == [vi, result.issues[1].message("vi")]


def test_check_reports_a_questioned_class_too(tmp_path):
    """`giamngheo check` on Nà Mòn's list with NM3's class 'Thoát??' (I7; income 2,000,000 đ,
    above the line, so Thoát agrees with the standard): the same warning, counted as Thoát;
    nothing else."""
    clean_rosters(tmp_path)
    _edit(tmp_path / "NaMon.xlsx", "Danh sách", {"I7": "Thoát??"})
    found = check_files([tmp_path / "NaMon.xlsx"])
    assert [(i.code, i.severity, i.cell, i.value, i.detail) for i in found] == [
        (CODE, "warning", "I7", "Thoát??", "Thoát")
    ]


def test_a_questioned_class_on_the_plans_start_list_is_counted_and_said_on_the_plan(tmp_path):
    """The plan's start list: NM1 'Nghèo?' (J5, was 'Hộ nghèo') and NM4 'cận nghèo ?' (J8, was
    'Hộ cận nghèo'). The list is read as the clean one (Nà Mòn starts 3 poor, 2 near-poor;
    the month's figures and movements are the clean run's), and the officer is warned on the
    plan at J5 and J8 of 'Danh sách đầu năm' (its other warnings are still not said)."""
    runs = {}
    for name, cells in (("clean", {}), ("asked", {"J5": "Nghèo?", "J8": "cận nghèo ?"})):
        folder = tmp_path / name
        folder.mkdir()
        plan = write_plan(folder)
        clean_rosters(folder)
        if cells:
            _edit(plan, "Danh sách đầu năm", cells)
        runs[name] = execute(folder, tmp_path / f"out-{name}", None)[0]
    clean, asked = runs["clean"], runs["asked"]
    assert past_targets(clean.issues) == []
    said = [(i.code, i.severity, i.file, i.sheet, i.cell, i.value, i.detail)
            for i in past_targets(asked.issues)]  # fmt: skip
    start = "Danh sách đầu năm"
    assert said == [
        (CODE, "warning", "KeHoach_2024.xlsx", start, "J5", "Nghèo?", "Hộ nghèo"),
        (CODE, "warning", "KeHoach_2024.xlsx", start, "J8", "cận nghèo ?", "Hộ cận nghèo"),
    ]
    assert _na_mon(asked) == _na_mon(clean) == (3, 2)
    assert asked.summary["hamlets"] == clean.summary["hamlets"]
    moves = ["ma_ho", "movement"]
    assert (
        asked.movement_details[moves].values.tolist()
        == clean.movement_details[moves].values.tolist()
    )
