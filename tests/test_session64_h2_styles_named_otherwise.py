"""Session 64 (H2): a struck-through row is said in a workbook whose styles part is named
otherwise.

Nà Mòn's May list (NM1 poor, NM2 near-poor, NM6 poor in rows 5–7), NM6's row 7 struck through
(session 30 B3's fixture: a head striking out a household that left). Excel finds a workbook's
styles part by the workbook's relationship; the package here is rewritten so that part is
'xl/Styles.xml' (target 'Styles.xml') or 'xl/styles2.xml' (target 'theme/../styles2.xml'), its
content type and relationship changed with it. The values are read either way (calamine); the
read stage's struck cells (`sheetscan.Package.struck`) looked for 'xl/styles.xml' alone, so the
row was counted and nothing said. By hand: the row said at B7 ('Dòng 7 …'), still counted as
written (session 28): poor NM1, NM6 = 2, near-poor NM2 = 1.
"""

from __future__ import annotations

import re
import zipfile

import pytest

from pipeline.run import collect
from tests.commune import person, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session30_b3_one_row_said import struck_list


def _renamed_styles(path, part: str, target: str) -> None:
    """The package at ``path`` with 'xl/styles.xml' named ``part``, the workbook's relationship
    targeting it as ``target`` and its content type overridden at its new name."""
    with zipfile.ZipFile(path) as source:
        items = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in items:
            if name == "xl/styles.xml":
                name = part
            elif name == "[Content_Types].xml":
                new = data.replace(b'PartName="/xl/styles.xml"', f'PartName="/{part}"'.encode())
                assert new != data
                data = new
            elif name == "xl/_rels/workbook.xml.rels":
                new = re.sub(rb'Target="(/xl/)?styles\.xml"', f'Target="{target}"'.encode(), data)
                assert new != data
                data = new
            package.writestr(name, data)


@pytest.mark.parametrize(
    ("part", "target"),
    [
        (None, None),  # a guard: the usual name (passes before)
        ("xl/Styles.xml", "Styles.xml"),  # fails before: nothing said
        ("xl/styles2.xml", "theme/../styles2.xml"),  # fails before: nothing said
        ("xl/Styles.xml", "/xl/Styles.xml"),  # an absolute target; fails before
    ],
)
def test_a_struck_row_is_said_whatever_the_styles_part_is_named(tmp_path, part, target):
    folder, path = struck_list(tmp_path)
    if part is not None:
        _renamed_styles(path, part, target)
        with zipfile.ZipFile(path) as package:
            assert "xl/styles.xml" not in package.namelist() and part in package.namelist()
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    said = [i for i in result.issues if i.code == "rows-struck-through"]
    assert [(i.file, i.cell, i.detail, i.variant) for i in said] == [
        ("DS_NaMon_2024-05.xlsx", "B7", "7", "one")
    ]


def test_a_styles_part_named_otherwise_striking_nothing_says_nothing(tmp_path):
    """A guard (passes before): the same list, no row struck, its styles part 'xl/Styles.xml':
    nothing said of struck rows, the figures as written (poor 2, near-poor 1)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM6", "poor")]
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, rows)
    _renamed_styles(path, "xl/Styles.xml", "Styles.xml")
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    assert [i for i in result.issues if i.code == "rows-struck-through"] == []
