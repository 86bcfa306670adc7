"""Session 24 QA: the same hamlet lists saved by the programs heads use give the same figures.

A metamorphic check: tests.commune's May (Nà Mòn 102 households: NM1, NM5, NM6 poor, NM2, NM4
near-poor, NM3 exited; Bản Cọ 200: BC1, BC2 poor, BC3 near-poor; Đồng Kè sends nothing) is
read as written by the template, then as LibreOffice saves it (Excel 97 .xls, .ods, .xlsx
re-saved), Nà Mòn's list edited the way heads edit it first (every text in NFD, sizes and
incomes typed as text, a household's row hidden, sizes as formulas whose values LibreOffice
calculates), and as a folder of mixed formats. The session's QA (docs/decisions.md, "Session
24: formats") found every figure equal; these tests keep it so.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from pipeline.run import collect
from tests.commune import clean_rosters, write_plan

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")

# Hand-worked: Nà Mòn 102 households, 3 poor, 2 near-poor; Bản Cọ 200, 2 poor, 1 near-poor.
HOUSEHOLDS, POOR, NEAR_POOR = 302, 5, 3


def _commune(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    write_plan(folder)
    clean_rosters(folder)
    return folder


def _header(ws) -> tuple[int, dict[str, int]]:
    for row in ws.iter_rows():
        texts = {c.value: c.column for c in row if isinstance(c.value, str)}
        if "Mã hộ" in texts:
            return row[0].row, texts
    raise AssertionError("no header")


def _edit_as_heads_do(path: Path) -> None:
    """NFD texts, sizes and incomes typed as text, NM4's row hidden, NM1's size a formula."""
    wb = openpyxl.load_workbook(path)
    ws = next(s for s in wb.worksheets if s.title != "Thông tin" and s.max_row > 5)
    top, cols = _header(ws)
    size, income, code = cols["Số nhân khẩu"], cols["Thu nhập BQ (đồng/người/tháng)"], cols["Mã hộ"]
    for row in ws.iter_rows(min_row=top + 1):
        by = {c.column: c for c in row}
        if by[code].value == "NM4":
            ws.row_dimensions[row[0].row].hidden = True
        if isinstance(by[size].value, int):
            value = by[size].value
            by[size].value = f"={value}*1" if by[code].value == "NM1" else str(value)
        if isinstance(by[income].value, int):
            by[income].value = f"{by[income].value:,}".replace(",", ".")
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and not cell.value.startswith("="):
                    cell.value = unicodedata.normalize("NFD", cell.value)
    wb.save(path)


def convert(files: list[Path], fmt: str, out: Path, profile: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    for path in files:
        assert (out / f"{path.stem}.{fmt}").exists(), (path, fmt)


def _figures(folder: Path) -> tuple[dict, list, Counter]:
    result, _ = collect(folder, "2024-05", workers=0)
    issues = Counter((i.code, i.severity) for i in result.issues)
    return result.summary["totals"], result.summary["hamlets"], issues


def test_the_template_commune_gives_the_hand_worked_figures(tmp_path):
    totals, hamlets, issues = _figures(_commune(tmp_path / "src"))
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (302, 5, 3)
    assert totals["poor_rate"] == pytest.approx(100 * 5 / 302)
    assert totals["near_poor_rate"] == pytest.approx(100 * 3 / 302)
    na_mon = next(h for h in hamlets if h["hamlet"] == "Nà Mòn")
    assert (na_mon["households"], na_mon["poor"], na_mon["near_poor"]) == (102, 3, 2)
    assert not [code for code, severity in issues if severity == "error"]


@needs_soffice
@pytest.mark.parametrize("fmt", ["xls", "ods", "xlsx"])
def test_lists_edited_by_heads_and_saved_by_libreoffice_give_the_same_figures(tmp_path, fmt):
    expected_totals, expected_hamlets, expected_issues = _figures(_commune(tmp_path / "src"))
    src = tmp_path / "src"
    _edit_as_heads_do(src / "NaMon.xlsx")
    convert(sorted(src.glob("*.xlsx")), fmt, tmp_path / fmt, tmp_path / "lo")
    totals, hamlets, issues = _figures(tmp_path / fmt)
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (302, 5, 3)
    assert totals == expected_totals
    assert hamlets == expected_hamlets
    # the hidden household row is still counted, and told once; nothing else differs
    assert issues - expected_issues == Counter({("rows-hidden", "warning"): 1})
    assert expected_issues - issues == Counter()


@needs_soffice
def test_a_folder_of_mixed_formats_gives_the_same_figures(tmp_path):
    """Nà Mòn as Excel 97 .xls, Bản Cọ as .ods, the plan as .ods."""
    src = _commune(tmp_path / "src")
    expected = _figures(src)
    mixed = tmp_path / "mixed"
    convert([src / "NaMon.xlsx"], "xls", mixed, tmp_path / "lo")
    convert([src / "BanCo.xlsx", src / "KeHoach_2024.xlsx"], "ods", mixed, tmp_path / "lo")
    assert sorted(p.name for p in mixed.iterdir()) == ["BanCo.ods", "KeHoach_2024.ods", "NaMon.xls"]
    got = _figures(mixed)
    assert got == expected
    assert (got[0]["households"], got[0]["poor"], got[0]["near_poor"]) == (302, 5, 3)
