"""The consolidated workbook of a large run (a district or province at once): every total
formula stays within what Excel and LibreOffice accept, and recomputes to its cached value."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pipeline.report.cells import MAX_SUM_PARTS, sum_formula
from pipeline.run import execute
from pipeline.sample import generate_sample

HAMLETS = 70  # above the chart's 60, and with the missing ones > MAX_SUM_PARTS gaps


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """70 hamlets, May only; every other hamlet's roster removed (35 gaps in each table); one
    household row of the second hamlet with a 2-digit birth year (left out of the counts)."""
    base = tmp_path_factory.mktemp("big")
    truth = generate_sample(base / "input", hamlets=HAMLETS, households=6, seed=7, months=1)
    period = truth["periods"][-1]
    files = truth["by_period"][period]
    for name in truth["hamlets"][::2]:  # every other hamlet in plan order
        (base / "input" / files[name]["file"]).unlink()
    _birth_year_85(base / "input" / files[truth["hamlets"][1]]["file"])
    result = execute(base / "input", base / "output", None)[0]
    assert result.summary["reporting"]["accepted"] == HAMLETS // 2
    return base / "output" / result.period / f"TongHop_{result.period}.xlsx"


def _birth_year_85(path: Path) -> None:
    """The first household of ``path``'s list gets the birth year 85 (an error)."""
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    head = next(c for row in sheet.iter_rows() for c in row if c.value == "Năm sinh")
    sheet.cell(head.row + 2, head.column).value = 85  # below the column-number row
    book.save(path)


def test_sum_formula_names_few_pieces_and_one_range_past_the_limit():
    assert sum_formula(3, [7, 8, 10]) == "=SUM(D8:D9,D11)"
    gaps = list(range(10, 10 + 2 * (MAX_SUM_PARTS + 1), 2))  # 31 rows, none next to another
    assert sum_formula(3, gaps) == "=SUM(D11:D71)"
    assert sum_formula(3, gaps, (2, 'Đã "tổng" hợp')) == (
        '=SUMIF(C11:C71,"Đã ""tổng"" hợp",D11:D71)'
    )
    assert sum_formula(3, gaps[:MAX_SUM_PARTS]).count(",") == MAX_SUM_PARTS - 1


_RANGE = re.compile(r"([A-Z]+)(\d+):([A-Z]+)(\d+)")


def _number(value) -> float:
    """A cell as SUM and SUMIF add it: a number itself, text ('Chưa nộp' across a hamlet not
    consolidated, session 52) and blanks nothing."""
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def _cells(sheet, text: str) -> list:
    first_col, first_row, last_col, last_row = _RANGE.fullmatch(text).groups()
    assert first_col == last_col
    return [sheet[f"{first_col}{r}"].value for r in range(int(first_row), int(last_row) + 1)]


def test_every_total_formula_recomputes_to_its_cached_value(big):
    """Each SUM/SUMIF over one range is worked out here from the cells it names (the
    formula's arguments) and compared with the value the workbook caches (the JSON's)."""
    formulas = openpyxl.load_workbook(big)
    values = openpyxl.load_workbook(big, data_only=True)
    kinds = {"SUMIF": 0, "SUM": 0}
    for sheet in formulas.worksheets:
        shown = values[sheet.title]
        for row in sheet.iter_rows():
            for c in row:
                if c.data_type != "f":
                    continue
                text = c.value
                assert len(text) <= 8192, (sheet.title, c.coordinate)
                cached = shown[c.coordinate].value
                sumif = re.fullmatch(r'=SUMIF\(([A-Z0-9:]+),"([^"]*)",([A-Z0-9:]+)\)', text)
                # (a criterion ending in '*' takes the labels beginning with what comes before)
                wanted = sumif.group(2) if sumif else ""
                prefix = wanted.endswith("*")
                plain = re.fullmatch(r"=SUM\(([A-Z0-9:,]+)\)", text)
                if sumif:
                    labels = _cells(shown, sumif.group(1))
                    numbers = _cells(shown, sumif.group(3))
                    expected = sum(
                        _number(n)
                        for label, n in zip(labels, numbers, strict=True)
                        if label == wanted or (prefix and str(label or "").startswith(wanted[:-1]))
                    )
                    kinds["SUMIF"] += 1
                elif plain:
                    parts = plain.group(1).split(",")
                    assert len(parts) <= MAX_SUM_PARTS, (sheet.title, c.coordinate)
                    expected = sum(
                        _number(n)
                        for part in parts
                        for n in (_cells(shown, part) if ":" in part else [shown[part].value])
                    )
                    kinds["SUM"] += 1
                else:
                    continue
                assert cached == expected, (sheet.title, c.coordinate, text)
    # Theo xóm's ten totals and Nguyên nhân's ten subgroup totals sum the 35 hamlets with a
    # roster by their label (35 pieces apart); the other tables' totals are one SUM over their
    # range (the rows of the hamlets without a roster are blank there).
    assert kinds["SUMIF"] == 20 and kinds["SUM"] >= 40, kinds


def test_the_hamlet_with_a_row_left_out_is_summed_by_theo_xoms_total(big):
    """Its status on 'Theo xóm' says the row left out, and still begins "Đã tổng hợp", which the
    total's SUMIF takes (the test above recomputes it)."""
    sheet = openpyxl.load_workbook(big)["Theo xóm"]
    statuses = [sheet.cell(r, 3).value for r in range(1, sheet.max_row + 1)]
    assert statuses.count("Đã tổng hợp, có 1 dòng bị loại") == 1
    assert statuses.count("Đã tổng hợp") == HAMLETS // 2 - 1
    total = next(r for r in range(1, sheet.max_row + 1)
                 if str(sheet.cell(r, 1).value).startswith("Tổng cộng"))  # fmt: skip
    assert (
        sheet.cell(total, 4).value.startswith("=SUMIF(C")
        and '"Đã tổng hợp*"' in sheet.cell(total, 4).value
    )


def test_the_hamlet_chart_is_left_out_above_sixty_hamlets(big):
    with zipfile.ZipFile(big) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert not any("'Tổng hợp'!" in chart for chart in charts)
    assert any("'Xu hướng'!" in chart for chart in charts)
    sheet = openpyxl.load_workbook(big)["Tổng hợp"]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert (
        f"Có {HAMLETS} xóm: biểu đồ theo xóm chỉ vẽ khi có tới 60 xóm, vì nhiều cột hơn sẽ "
        "không đọc được. Tỷ lệ hộ nghèo của từng xóm ở trang 'Theo xóm'."
    ) in texts


def test_the_first_page_names_a_dozen_missing_hamlets_and_counts_the_rest(big):
    sheet = openpyxl.load_workbook(big)["Tổng hợp"]
    [line] = [
        c.value
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("Số liệu tổng hợp 35/70 xóm")
    ]
    assert line.count("(chưa nộp)") == 12
    assert "và 23 xóm khác (xem trang 'Nộp báo cáo')" in line
