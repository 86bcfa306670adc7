"""Session 52: what the QA of a new officer's first three months found and left, fixed
(docs/decisions.md, "Session 52")."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import openpyxl

from pipeline.run import execute
from tests.commune import person, write_plan, write_roster


def _nop_bao_cao(book: Path) -> dict[str, str]:
    """'Nộp báo cáo''s rows: file (column D) -> status (column C)."""
    sheet = openpyxl.load_workbook(book)["Nộp báo cáo"]
    rows = sheet.iter_rows(values_only=True)
    return {row[3]: row[2] for row in rows if row[0] and isinstance(row[3], str)}


def _counted(result) -> str:
    return result.reporting.set_index("hamlet").loc["Nà Mòn", "file"]


def test_identical_copies_count_the_same_file_every_run_and_later_months_say_it(tmp_path):
    """Nà Mòn's March list downloaded twice: 'DS_NaMon_2024-03.xlsx' and '… (1).xlsx', byte
    for byte, the copy's file time later. March counted '(1)' (the later file time), and
    April's 'Nộp báo cáo' called the original "không tính vào kỳ này". The file without the
    copy mark is now counted; run again after the copy is touched, the same; April says both
    files were counted in March (their one list)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    original = folder / "DS_NaMon_2024-03.xlsx"
    write_roster(folder, original.name, "Nà Mòn", 100, [person("NM1", "poor")], period="2024-03")
    copy = folder / "DS_NaMon_2024-03 (1).xlsx"
    shutil.copy(original, copy)
    os.utime(original, (1_700_000_000, 1_700_000_000))
    os.utime(copy, (1_700_000_060, 1_700_000_060))
    march = execute(folder, out, "2024-03")[0]
    assert _counted(march) == "DS_NaMon_2024-03.xlsx"
    os.utime(copy, (1_700_000_600, 1_700_000_600))
    assert _counted(execute(folder, out, "2024-03")[0]) == "DS_NaMon_2024-03.xlsx"
    write_roster(folder, "DS_NaMon_2024-04.xlsx", "Nà Mòn", 100, [person("NM1", "poor")],
                 period="2024-04")  # fmt: skip
    execute(folder, out, "2024-04")
    rows = _nop_bao_cao(out / "2024-04" / "TongHop_2024-04.xlsx")
    said = {file: status for file, status in rows.items() if "2024-03" in file}
    assert said == {
        "DS_NaMon_2024-03 (1).xlsx\nDS_NaMon_2024-03.xlsx": (
            "Khác kỳ (tháng 3/2024): 2 tệp của 1 xóm, tính vào kỳ đó"
        )
    }


def test_identical_copies_keep_the_file_the_history_counted(tmp_path):
    """March was run with '… (1).xlsx' alone; the original, the same bytes, was put in the
    folder later (a later file time). March run again counts '(1)' still, the file the history
    counted, not the newer original."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    copy = folder / "DS_NaMon_2024-03 (1).xlsx"
    write_roster(folder, copy.name, "Nà Mòn", 100, [person("NM1", "poor")], period="2024-03")
    assert _counted(execute(folder, out, "2024-03")[0]) == copy.name
    original = folder / "DS_NaMon_2024-03.xlsx"
    shutil.copy(copy, original)
    os.utime(copy, (1_700_000_000, 1_700_000_000))
    os.utime(original, (1_700_000_600, 1_700_000_600))
    assert _counted(execute(folder, out, "2024-03")[0]) == copy.name


def test_a_plan_set_aside_writes_the_commune_targets_with_two_decimals(tmp_path):
    """The plan used says 1.60 points for the poor rate, the one set aside 1.52: the
    difference said "1,6 điểm ở tệp đã dùng, 1,52 ở tệp này" where every other line writes
    "1,60 điểm". Now both with two decimals and 'điểm'; a third decimal the plan holds (1.525
    against 1.52, not both "1,53") is kept."""
    from pipeline.plan import load_plan
    from pipeline.planpick import plan_differences
    from pipeline.read import open_workbook
    from pipeline.template import write_plan_workbook
    from tests.commune import PLAN_INFO, plan_hamlets, start_list

    def plan(name: str, poor: float, near: float):
        path = tmp_path / name
        info = dict(PLAN_INFO, poor_target=poor, near_poor_target=near)
        write_plan_workbook(path, info, plan_hamlets(), start_list())
        return load_plan(open_workbook(path), name)[0]

    used, other = plan("a.xlsx", 1.6, 1.525), plan("b.xlsx", 1.52, 1.52)
    said = plan_differences(used, other)
    assert [str.__str__(m) for m in said] == [
        "chỉ tiêu giảm tỷ lệ hộ nghèo của xã: 1,60 điểm ở tệp đã dùng, 1,52 điểm ở tệp này",
        "chỉ tiêu giảm tỷ lệ hộ cận nghèo của xã: 1,525 điểm ở tệp đã dùng, 1,52 điểm ở tệp này",
    ]
    assert said[0].en == (
        "the commune's poor rate target: 1.60 points in the plan used, 1.52 in this one"
    )


def test_a_file_name_typed_decomposed_is_shown_composed(tmp_path):
    """Bản Cọ's list saved on a Mac as 'DS_Bản Cọ_2024-03.xlsx' in NFD (the marks apart from
    their letters): 'Nộp báo cáo' showed the name as written, and Ctrl+F for "Bản Cọ" (NFC, as
    every keyboard in Vietnam types it) missed it. The name is now shown composed, on the
    sheet and in its warnings; the file itself is neither renamed nor changed."""
    import hashlib
    import unicodedata

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    composed = "DS_Bản Cọ_2024-03.xlsx"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    write_roster(folder, decomposed, "Bản Cọ", 200, [person("BC1", "poor")], period="2024-03")
    before = hashlib.sha256((folder / decomposed).read_bytes()).hexdigest()
    result = execute(folder, out, "2024-03")[0]
    assert result.reporting.set_index("hamlet").loc["Bản Cọ", "file"] == composed
    rows = _nop_bao_cao(out / "2024-03" / "TongHop_2024-03.xlsx")
    assert rows[composed] == "Hợp lệ, có cảnh báo"  # BC2, BC3 of the start list not listed
    assert decomposed not in rows
    # the warnings of its start list's BC2 and BC3 not listed ('Lỗi dữ liệu', the feedback)
    assert {i.file for i in result.issues if i.code == "vanished-household"} == {composed}
    assert [p.name for p in folder.iterdir() if p.name.startswith("DS_")] == [decomposed]
    assert hashlib.sha256((folder / decomposed).read_bytes()).hexdigest() == before
