"""Session 52: what the QA of a new officer's first three months found and left, fixed
(docs/decisions.md, "Session 52")."""

from __future__ import annotations

import hashlib
import os
import shutil
import unicodedata
from pathlib import Path

import openpyxl

from pipeline.run import execute
from tests.commune import person, write_plan, write_roster

# Bản Cọ's March list's name as every keyboard in Vietnam types it (NFC), and as a Mac saves it
# (NFD: the marks apart from their letters)
_COMPOSED = "DS_Bản Cọ_2024-03.xlsx"
_DECOMPOSED = unicodedata.normalize("NFD", _COMPOSED)


def _nop_bao_cao(book: Path) -> dict[str, str]:
    """'Nộp báo cáo''s rows: file (column D) -> status (column C)."""
    sheet = openpyxl.load_workbook(book)["Nộp báo cáo"]
    rows = sheet.iter_rows(values_only=True)
    return {row[3]: row[2] for row in rows if row[0] and isinstance(row[3], str)}


def _counted(result) -> str:
    return result.reporting.set_index("hamlet").loc["Nà Mòn", "file"]


def _ban_co_march(tmp_path, name: str) -> tuple[Path, Path]:
    """The input folder 'vao' (the plan, Bản Cọ's March list of BC1 poor named ``name``) and
    the output folder 'ra' (not made)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, name, "Bản Cọ", 200, [person("BC1", "poor")], period="2024-03")
    return folder, out


def _tagged() -> str:
    """The name the decomposed copy is shown under beside the composed one: a tag of five
    letters made from its name as stored, before '.xlsx'."""
    digest = hashlib.sha256(_DECOMPOSED.encode("utf-8")).digest()
    return f"DS_Bản Cọ_2024-03~{''.join(chr(97 + b % 26) for b in digest[:5])}.xlsx"


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
    composed, decomposed = _COMPOSED, _DECOMPOSED
    assert decomposed != composed
    folder, out = _ban_co_march(tmp_path, decomposed)
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


def as_the_old_code_stored(out: Path, period: str, composed: str, decomposed: str) -> None:
    """Make ``period``'s stored run what a run before names were shown composed left: the
    history's ``run_files``, ``nguon-sha256.txt`` and the copy kept in 'nguon' under the name
    as written (``decomposed``), not as shown now (``composed``)."""
    import sqlite3

    from pipeline.types import HISTORY_FILE, MANIFEST

    with sqlite3.connect(out / HISTORY_FILE) as conn:
        changed = conn.execute(
            "UPDATE run_files SET file = ? WHERE file = ?", (decomposed, composed)
        ).rowcount
    assert changed >= 1
    manifest = out / period / MANIFEST
    text = manifest.read_text(encoding="utf-8")
    assert f"  {composed}\n" in text
    manifest.write_text(text.replace(f"  {composed}\n", f"  {decomposed}\n"), encoding="utf-8")
    kept = out / period / "nguon"
    (kept / composed).rename(kept / decomposed)


def _stored_decomposed(tmp_path) -> tuple[Path, Path]:
    """Bản Cọ's March list under its decomposed name (:func:`_ban_co_march`) run, then stored as
    a run before names were shown composed left it (:func:`_as_the_old_code_stored`). Returns
    (input folder, output folder)."""
    folder, out = _ban_co_march(tmp_path, _DECOMPOSED)
    execute(folder, out, "2024-03")
    as_the_old_code_stored(out, "2024-03", _COMPOSED, _DECOMPOSED)
    return folder, out


def test_a_month_stored_under_a_decomposed_name_still_matches_it(tmp_path):
    """March was run before names were shown composed: its history, 'nguon-sha256.txt' and
    kept copy name Bản Cọ's list 'DS_Bản Cọ_2024-03.xlsx' as written on the Mac (NFD). The
    list is shown composed now, and April said it "không tính vào kỳ này" (the history has no
    such name) until March was run again; March run again set its kept copy aside as a file
    "not used in this run". Both compare the names composed now: April says the list was
    counted in March, by hand its one file; March run again with the same file keeps no
    'nguon-cu-…' folder."""
    folder, out = _stored_decomposed(tmp_path)
    write_roster(folder, "DS_Bản Cọ_2024-04.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                 period="2024-04")  # fmt: skip
    execute(folder, out, "2024-04")
    rows = _nop_bao_cao(out / "2024-04" / "TongHop_2024-04.xlsx")
    assert rows[_COMPOSED] == "Khác kỳ (tháng 3/2024): tính vào kỳ đó"
    (folder / "DS_Bản Cọ_2024-04.xlsx").unlink()
    execute(folder, out, "2024-03")
    assert sorted(p.name for p in (out / "2024-03").iterdir() if p.name.startswith("nguon")) == [
        "nguon",
        "nguon-sha256.txt",
    ]


def test_two_files_one_name_once_composed_are_told_apart(tmp_path):
    """A folder holding Bản Cọ's March list twice, byte for byte, its name typed composed and
    decomposed (two files to Linux; the decomposed one saved later): both were shown
    'DS_Bản Cọ_2024-03.xlsx', and 'Nộp báo cáo' had one row for the two files (the copy set
    aside said under the name of the one counted). The one written composed keeps its name;
    the other is shown with a tag of five letters made from its name as stored before
    '.xlsx' (as a name no output could hold is): two rows, the later copy counted, the other
    a copy of it set aside, each under its own name."""
    from pipeline.discover import composed_apart, relative_name

    composed, decomposed = _COMPOSED, _DECOMPOSED
    folder, out = _ban_co_march(tmp_path, composed)
    shutil.copy(folder / composed, folder / decomposed)
    os.utime(folder / composed, (1_700_000_000, 1_700_000_000))
    os.utime(folder / decomposed, (1_700_000_060, 1_700_000_060))
    assert len(list(folder.glob("DS_*"))) == 2
    tagged = _tagged()
    paths = [folder / composed, folder / decomposed]
    assert composed_apart(paths, [relative_name(p, folder) for p in paths]) == [composed, tagged]
    result = execute(folder, out, "2024-03")[0]
    assert result.reporting.set_index("hamlet").loc["Bản Cọ", "file"] == tagged
    rows = _nop_bao_cao(out / "2024-03" / "TongHop_2024-03.xlsx")
    assert rows[tagged] == "Hợp lệ, có cảnh báo"
    assert rows[composed] == f"Bản trùng, giống hệt tệp {tagged}"


def test_check_names_two_files_one_name_once_composed_apart(tmp_path):
    """`check` of a folder holding 'DS_Bản Cọ_2024-03.xlsx' typed composed and decomposed:
    both named the same once composed, and naming them by more of their path never told
    them apart (one folder), so `check` named them for ever (it hung). The decomposed one is
    named with its tag, as a run names it (:func:`test_two_files_one_name_once_composed_are_
    told_apart`)."""
    from pipeline.checkfiles import shown_names

    composed, decomposed, tagged = _COMPOSED, _DECOMPOSED, _tagged()
    (tmp_path / composed).write_bytes(b"a")
    (tmp_path / decomposed).write_bytes(b"b")
    files = [tmp_path / composed, tmp_path / decomposed]
    assert [name for name, _ in shown_names(files, [tmp_path])] == [composed, tagged]


def test_history_period_fingerprints_a_run_stored_under_a_decomposed_name_alike(tmp_path):
    """`history --period` gives each run of a month the fingerprint of the files it read (their
    names and hashes): March run before names were shown composed (Bản Cọ's list stored under
    its NFD name) and March run again now with the same file gave two fingerprints, as if the
    files had changed. Names are composed before the fingerprint: one, both runs."""
    from pipeline.history import HistoryStore
    from pipeline.types import HISTORY_FILE

    folder, out = _stored_decomposed(tmp_path)
    execute(folder, out, "2024-03")
    runs = HistoryStore(out / HISTORY_FILE).runs_of("2024-03")
    assert [run["files"] for run in runs] == [2, 2]  # the plan and Bản Cọ's list
    assert runs[0]["fingerprint"] == runs[1]["fingerprint"]
