"""Session 51 (D3): two small things (docs/decisions.md, "Session 51: a total row's word as a
household's name is said; `history --period` shows each run's seconds"): a row whose name
(or STT) cell is a total's word ('Tổng cộng') but which holds a household's details (a Mã hộ,
a birth year, an ID number) is said at its name cell, not skipped or counted in silence; a
plain total row, and one with a class copied down into it, stay silent; `history --period`
tells runs made within one minute apart by their seconds."""

from __future__ import annotations

import sqlite3
import time
from datetime import date

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import collect, execute
from pipeline.types import HISTORY_FILE
from tests.commune import person, write_plan, write_roster
from tests.test_typed_by_hand import commune

# --- 2. `history --period`: each run's time to the second ------------------------------------


@pytest.fixture
def hanoi_clock(monkeypatch):
    """This computer's clock at UTC+7 (Vietnam), for the local times shown."""
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_runs_within_one_minute_are_told_apart_by_their_seconds(tmp_path, hanoi_clock):
    """Nà Mòn's April list run three times; their stored times (UTC) set to 01:15:07, 01:15:42
    and 01:16:03 on 03/05/2024. Before, the listing showed '03/05/2024 08:15' twice (to the
    minute): two runs alike; now 08:15:07, 08:15:42, 08:16:03 (UTC+7, by hand), in Vietnamese
    and in English ('2024-05-03 08:15:07')."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon_04.xlsx", "Nà Mòn", 100, [person("NM1", "poor")],
                 period="2024-04", prepared=date(2024, 5, 3))  # fmt: skip
    for _ in range(3):
        execute(folder, out, "2024-04")
    stamps = ["2024-05-03T01:15:07+00:00", "2024-05-03T01:15:42+00:00", "2024-05-03T01:16:03+00:00"]
    with sqlite3.connect(out / HISTORY_FILE) as db:
        ids = [r[0] for r in db.execute("SELECT run_id FROM runs ORDER BY run_id")]
        assert len(ids) == 3
        for run_id, stamp in zip(ids, stamps, strict=True):
            db.execute("UPDATE runs SET ran_at = ? WHERE run_id = ?", (stamp, run_id))
    db.close()
    shown = CliRunner().invoke(main, ["history", "--output", str(out), "--period", "2024-04"])
    assert shown.exit_code == 0, shown.output
    rows = shown.output.splitlines()[2:5]
    assert [row.split()[:2] for row in rows] == [
        ["03/05/2024", "08:15:07"], ["03/05/2024", "08:15:42"], ["03/05/2024", "08:16:03"]
    ]  # fmt: skip
    english = CliRunner().invoke(
        main, ["history", "--lang", "en", "--output", str(out), "--period", "2024-04"]
    )
    assert english.exit_code == 0, english.output
    assert english.output.splitlines()[2].split()[:2] == ["2024-05-03", "08:15:07"]


# --- 1. a total row's word as a household's name ---------------------------------------------

NA_MON = "NaMon.xlsx"
TOTAL_ID = "001065001234"


def _with_row_8(tmp_path, cells: dict[int, object]):
    """The small commune, Nà Mòn listing NM1, NM2 (poor) and NM3 (near-poor) in rows 5 to 7, and
    row 8 written ``cells`` (column number -> value; A STT, B Mã hộ, C name, D Năm sinh, G Số
    định danh, H Số nhân khẩu, I Phân loại hộ): the run's issues on Nà Mòn's list (the start
    list's households it lacks left out), and its households read (code, name, counted)."""
    path = commune(
        tmp_path, [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "near_poor")]
    )
    book = openpyxl.load_workbook(path)
    for col, value in cells.items():
        book["Danh sách"].cell(8, col, value)
    book.save(path)
    result, _ = collect(tmp_path, None)
    issues = [
        (i.code, i.cell, i.severity)
        for i in result.issues
        if i.file == NA_MON and i.code != "vanished-household"
    ]
    rows = result.households[result.households["hamlet"] == "Nà Mòn"]
    read = list(zip(rows["ma_ho"], rows["chu_ho"], rows["valid"], strict=True))
    return issues, read, result


_THREE = [
    ("NM1", "Hoàng Văn NM1", True),
    ("NM2", "Hoàng Văn NM2", True),
    ("NM3", "Hoàng Văn NM3", True),
]


@pytest.mark.parametrize(
    "cells",
    [
        {3: "Tổng cộng", 8: 12},  # a plain total row: the three households' 4 + 4 + 4 members
        {3: "Tổng cộng", 8: 12, 9: "Hộ nghèo"},  # the class copied down into it
        {1: "Tổng cộng", 8: 12, 9: "Hộ nghèo"},  # its word in the STT column
        {3: "Cộng", 4: 3, 7: 3, 8: 12, 9: "Hộ nghèo"},  # counts under Năm sinh and the ID
        # =SUM copied across the row, 'Năm sinh' too: three heads born 1965 make 5,895, no year
        {3: "Tổng cộng", 4: 5895, 8: 12, 9: "Hộ nghèo"},
        {3: "Tổng cộng", 4: "5895", 7: "3 người", 8: 12},  # the same sum, as text
    ],
)
def test_a_total_row_of_counts_and_a_class_is_skipped_unsaid(tmp_path, cells):
    """Row 8 holds a total's word, counts (12 members: 3 households of 4) and perhaps a class
    copied down: a total row, passed over as before: nothing said at row 8, the three
    households read alone."""
    issues, read, _ = _with_row_8(tmp_path, cells)
    assert [i for i in issues if i[1] and i[1][1:] == "8"] == []
    assert read == _THREE


@pytest.mark.parametrize(
    "cells, name",
    [
        ({3: "Tổng cộng", 7: TOTAL_ID, 8: 5, 9: "Hộ nghèo"}, "Tổng cộng"),  # an ID number
        ({3: "Tổng cộng", 7: int(TOTAL_ID), 8: 5, 9: "Hộ nghèo"}, "Tổng cộng"),  # as a number
        ({3: "Tổng số", 4: 1965, 8: 5, 9: "Hộ nghèo"}, "Tổng số"),  # a birth year
        ({3: "Tổng cộng", 4: "15/03/1962", 8: 5, 9: "Hộ nghèo"}, "Tổng cộng"),  # a birth date
    ],
)
def test_a_total_word_row_with_a_person_s_details_is_said_at_its_name(tmp_path, cells, name):
    """Row 8 named by a total's word but holding a birth year or an ID number, which no total
    row holds: a household whose name is wrong. Before, skipped in silence (its first written
    cell a total's word, no Mã hộ); now read, said at C8 (head-name-is-total, an error: not
    counted until a name is written) and at B8 for its missing code; the three households
    still counted."""
    issues, read, result = _with_row_8(tmp_path, cells)
    assert sorted(i for i in issues if i[1] and i[1][1:] == "8") == [
        ("head-name-is-total", "C8", "error"), ("missing-household-id", "B8", "error")
    ]  # fmt: skip
    assert read == [*_THREE, ("", name, False)]
    said = next(i for i in result.issues if i.code == "head-name-is-total")
    assert said.message("vi").startswith(
        f"'Họ và tên chủ hộ' ghi '{name}', là chữ của dòng tổng cộng chứ không phải họ tên chủ hộ"
    )


def test_a_row_named_cong_with_a_birth_year_is_read_and_its_code_asked(tmp_path):
    """Row 8 'Cộng | 1965 | … | 5 | Hộ nghèo' without a code: 'Cộng' alone may be a head's
    name (session 23: a head named 'Cộng' with a code is a household), so its name is not said;
    but the row is no longer skipped in silence: read, its missing code said at B8, not
    counted."""
    issues, read, _ = _with_row_8(tmp_path, {3: "Cộng", 4: 1965, 8: 5, 9: "Hộ nghèo"})
    assert [i for i in issues if i[1] and i[1][1:] == "8"] == [
        ("missing-household-id", "B8", "error")
    ]
    assert read == [*_THREE, ("", "Cộng", False)]


def test_a_coded_row_named_by_a_total_word_is_not_counted_in_silence(tmp_path):
    """Row 8 'NM9 | Tổng cộng | 1965 | … | 5 | Hộ nghèo': before, read as household NM9 whose
    head is 'Tổng cộng', counted poor, nothing said (a fourth poor household: 3 by hand, not
    4). Now said at C8, not counted: the poor households NM1 and NM2 alone."""
    issues, read, result = _with_row_8(
        tmp_path, {2: "NM9", 3: "Tổng cộng", 4: 1965, 8: 5, 9: "Hộ nghèo"}
    )
    assert [i for i in issues if i[1] and i[1][1:] == "8"] == [
        ("head-name-is-total", "C8", "error")
    ]
    assert read == [*_THREE, ("NM9", "Tổng cộng", False)]
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (hamlet["poor"], hamlet["near_poor"]) == (2, 1)


@pytest.mark.parametrize("name", ["Tống Công Hòa", "Công", "Cộng", "Tòng Văn Cộng"])
def test_a_head_named_like_a_total_word_is_a_name(tmp_path, name):
    """Guard: 'Tống Công Hòa' folds to 'tong cong hoa' as 'Tổng cộng hòa' would, 'Công' to
    'cong': names, their first word not a total's as written; 'Cộng' alone a name too, with a
    code (session 23). Row 8 'NM9 | <name> | 1965 | … |
    5 | Hộ nghèo' is read and counted, nothing said of its name."""
    issues, read, _ = _with_row_8(tmp_path, {2: "NM9", 3: name, 4: 1965, 8: 5, 9: "Hộ nghèo"})
    assert [i for i in issues if i[0] == "head-name-is-total"] == []
    assert read == [*_THREE, ("NM9", name, True)]
