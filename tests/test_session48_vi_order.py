"""Session 48: names in Vietnamese alphabetical order (docs/decisions.md, "Session 48: names the
officer reads in order in Vietnamese alphabetical order").

Hamlets and files were sorted by their code points: 'Đồng Kè' after 'Gia' and 'Xóm Mới' ('Đ'
is U+0110, past 'Z'), 'DS_b.xlsx' before 'ds_a.xlsx' (capitals first). The officer expects the
alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, case not mattering, a tone
mark after its letters, as dictionaries have it."""

from __future__ import annotations

import openpyxl

from pipeline.text import vi_key
from pipeline.types import Issue, in_order
from tests.commune import person, write_renamed_plan, write_roster


def test_the_key_orders_names_as_the_alphabet_does():
    """Worked by hand: d < đ < g < x; a < ă < â; o < ô < ơ; u < ư; case not mattering, names
    alike by their text (capitals first); the tone marks weighed only between names of the same
    letters, as Excel's sort of a Vietnamese list: the five tones of 'ba' in dictionary order
    (huyền, hỏi, ngã, sắc, nặng), before 'Bà Con' ('ba' is shorter), before 'Ba Mươi' ('ba con'
    before 'ba muoi'), before 'bác' (a space before a letter)."""
    names = ["Xóm Mới", "Gia", "Đồng Kè", "Dương", "bác", "Bà Con", "bà", "Ba Mươi", "ơ", "ô",
             "o", "Ư", "uy", "â", "ă", "a", "ds_a.xlsx", "DS_b.xlsx", "DS_a.xlsx", "bá", "bạ",
             "bả", "bã"]  # fmt: skip
    assert sorted(names, key=vi_key) == [
        "a", "ă", "â", "bà", "bả", "bã", "bá", "bạ", "Bà Con", "Ba Mươi", "bác",
        "DS_a.xlsx", "ds_a.xlsx", "DS_b.xlsx", "Dương", "Đồng Kè", "Gia",
        "o", "ô", "ơ", "uy", "Ư", "Xóm Mới",
    ]  # fmt: skip


def test_lines_of_hamlets_and_files_in_alphabetical_order():
    """`check`'s and 'Lỗi dữ liệu''s order (in_order): by hamlet, then file, the lines of no
    hamlet last. Before: Dương, Gia, Xóm Mới, Đồng Kè; DS_b.xlsx before ds_a.xlsx (fails
    before)."""
    at = lambda hamlet, file: Issue("invalid-birth-year", file=file, sheet="DS", row=5,  # noqa: E731
                                    cell="D5", hamlet=hamlet)  # fmt: skip
    issues = [at("Xóm Mới", "XomMoi.xlsx"), at("Gia", "Gia.xlsx"), at("", "DS_b.xlsx"),
              at("Đồng Kè", "DongKe.xlsx"), at("", "ds_a.xlsx"), at("Dương", "Duong.xlsx")]  # fmt: skip
    assert [(i.hamlet, i.file) for i in in_order(issues)] == [
        ("Dương", "Duong.xlsx"), ("Đồng Kè", "DongKe.xlsx"), ("Gia", "Gia.xlsx"),
        ("Xóm Mới", "XomMoi.xlsx"), ("", "ds_a.xlsx"), ("", "DS_b.xlsx"),
    ]  # fmt: skip


def _commune(folder):
    """The plan's hamlets renamed Gia (was Nà Mòn), Dương (Bản Cọ), Đồng Kè, in that order; a
    May list of each with a valid household and one born in 1700 (an error on row 6, D6)."""
    folder.mkdir()
    write_renamed_plan(folder, {"Nà Mòn": "Gia", "Bản Cọ": "Dương"})
    for file, hamlet, code in (("Gia.xlsx", "Gia", "NM"), ("Duong.xlsx", "Dương", "BC"),
                               ("DongKe.xlsx", "Đồng Kè", "DK")):  # fmt: skip
        rows = [person(f"{code}1", "poor"), person(f"{code}2", "poor", nam_sinh=1700)]
        write_roster(folder, file, hamlet, 100, rows)
    return folder


def test_check_says_the_hamlets_in_alphabetical_order(tmp_path):
    """`giamngheo check`: Dương, Đồng Kè, Gia (before: Dương, Gia, Đồng Kè; fails before)."""
    from pipeline.checkfiles import check_files

    folder = _commune(tmp_path / "vao")
    said = [i.hamlet for i in check_files([folder]) if i.code == "invalid-birth-year"]
    assert said == ["Dương", "Đồng Kè", "Gia"]


def test_other_files_in_alphabetical_order(tmp_path):
    """'Nộp báo cáo', 'Các tệp khác': five files that are no workbook, refused alike, by name:
    ds_a, DS_b, Dương, Đồng Kè, Gia (before: DS_b, Dương, Gia, ds_a, Đồng Kè; fails before).
    The hamlet table above keeps the plan's order (Gia, Dương, Đồng Kè)."""
    folder = _commune(tmp_path / "vao")
    names = ["Gia ve.xlsx", "ds_a.xlsx", "Đồng Kè ve.xlsx", "DS_b.xlsx", "Dương ve.xlsx"]
    others, hamlets = files_reported(folder, tmp_path / "ra", names,
                                     ("Gia.xlsx", "Duong.xlsx", "DongKe.xlsx"))  # fmt: skip
    assert others == ["ds_a.xlsx", "DS_b.xlsx", "Dương ve.xlsx", "Đồng Kè ve.xlsx", "Gia ve.xlsx"]
    assert hamlets == ["Gia", "Dương", "Đồng Kè"]


def files_reported(folder, out, names, lists) -> tuple[list[str], list[str]]:
    """Files ``names`` written as no workbook into ``folder`` (a commune's May), the folder run
    into ``out``: the order 'Nộp báo cáo' names them in, and the hamlets of its rows of the
    lists ``lists`` (file names), in its order."""
    from pipeline.run import execute

    for name in names:
        (folder / name).write_bytes(b"not a workbook")
    execute(folder, out, "2024-05")
    ws = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Nộp báo cáo"]
    files = [ws.cell(r, 4).value for r in range(1, ws.max_row + 1)]
    hamlets = [ws.cell(r, 2).value for r in range(1, ws.max_row + 1) if files[r - 1] in lists]
    return [f for f in files if f in names], hamlets


def test_a_run_with_no_list_names_the_refused_in_alphabetical_order(tmp_path):
    """No list of May counted: the stop names the refused files Dương, Đồng Kè, Gia (before:
    Dương, Gia, Đồng Kè, as the folder was listed; fails before)."""
    import re

    import pytest

    from pipeline.run import FatalError, execute
    from tests.commune import write_plan

    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    for name in ("Gia ve.xlsx", "Đồng Kè ve.xlsx", "Dương ve.xlsx"):
        (folder / name).write_bytes(b"not a workbook")
    with pytest.raises(FatalError) as stop:
        execute(folder, tmp_path / "ra", "2024-05")
    said = re.findall(r"'([^']+ ve\.xlsx)'", str(stop.value))
    assert said == ["Dương ve.xlsx", "Đồng Kè ve.xlsx", "Gia ve.xlsx"]


# The other places a list of names is said in order, each worked by hand with three hamlets
# whose code-point order is Dương, Gia, Đồng Kè and alphabetical order Dương, Đồng Kè, Gia.
NAMES = ["Gia", "Đồng Kè", "Dương"]
IN_ORDER = "Dương, Đồng Kè, Gia"


def test_sheets_of_a_file_in_alphabetical_order():
    """Two sheets of one list: 'Đợt 2' before 'Gia đình' (before: after it; fails before)."""
    issues = [Issue("invalid-birth-year", file="Gia.xlsx", sheet=sheet, row=5, cell="D5",
                    hamlet="Gia") for sheet in ("Gia đình", "Đợt 2")]  # fmt: skip
    assert [i.sheet for i in in_order(issues)] == ["Đợt 2", "Gia đình"]


def test_renames_and_mergers_of_the_kept_start_list_in_alphabetical_order():
    """ "Danh sách đầu năm khác trước": the renamed hamlets, then the merged, each by its old
    name (before: as the history listed them, by code point; fails before)."""
    from types import SimpleNamespace

    from pipeline.notices import _kept_differs

    kept = SimpleNamespace(
        renamed=[("Gia", "Gia Mới", 2), ("Đồng Kè", "Đồng Kè Mới", 1)],
        merged=[("Gia Hạ", "Nà Mòn", 3), ("Dương", "Nà Mòn", 4)],
        changed=[],
    )
    vi, _ = _kept_differs(kept)
    olds = [name for name in ("Gia", "Đồng Kè", "Gia Hạ", "Dương") if f"'{name}' nay" in vi]
    assert sorted(olds, key=vi.index) == ["Đồng Kè", "Gia", "Dương", "Gia Hạ"]


def test_merged_hamlets_in_alphabetical_order():
    """The JSON's 'merged_from' (a list of names, sorted; CONTRACT.md fixes no order for it) and
    'Xu hướng''s note of hamlets merged in a month (fails before: Dương, Gia, Đồng Kè)."""
    from pipeline.report.trend import names_note
    from pipeline.trend import merges_named

    figs = merges_named("2024-05", [{"hamlet": "Nà Mòn"}], dict.fromkeys(NAMES, "Nà Mòn"), [])
    assert figs[0]["merged_from"] == ["Dương", "Đồng Kè", "Gia"]
    note = names_note("vi", {"hamlet": "Nà Mòn", "merged_since": dict.fromkeys(NAMES, "2024-05")},
                      ["2024-04"])  # fmt: skip
    assert IN_ORDER in note


def test_the_newer_plans_lacking_hamlets_in_alphabetical_order():
    """A month run again whose later months ran under a plan without three hamlets: the notice
    names them in alphabetical order, for one plan and for two (fails before)."""
    from types import SimpleNamespace

    import pandas as pd

    from pipeline.notices_plan import _newer_plans_lack, later_under_newer_plan

    plan = SimpleNamespace(plan_year=2024, commune="Trung Lương",
                           hamlets=pd.DataFrame({"hamlet": ["Nà Mòn", *NAMES]}))  # fmt: skip
    hamlets = [{"hamlet": name} for name in ["Nà Mòn", *NAMES]]
    result = SimpleNamespace(period="2024-05", plan=plan, summary={"hamlets": hamlets})
    stored = {
        "2024-05": {"period": "2024-05", "commune": "Trung Lương", "hamlets": hamlets},
        "2024-06": {"period": "2024-06", "commune": "Trung Lương", "hamlets": hamlets[:1]},
    }
    newer = later_under_newer_plan(result, stored)
    assert newer == {"2024-06": ["Dương", "Đồng Kè", "Gia"]}
    assert IN_ORDER in _newer_plans_lack({"2024-06": NAMES}, several=False)[0]


def test_lock_files_and_archives_name_files_in_alphabetical_order(tmp_path):
    """The run's lines of lock files ('~$…'), one a file, and the spreadsheets a .zip holds
    (fails before: as the folder and the archive list them)."""
    import zipfile
    from types import SimpleNamespace

    from pipeline.discover import archive_issue
    from pipeline.notices import lock_files

    subs = [SimpleNamespace(file=f"~${name}.xlsx", extra={"lock_of": (f"{name}.xlsx", True)},
                            status="skipped") for name in NAMES]  # fmt: skip
    said = [str(m) for m in lock_files(SimpleNamespace(submissions=subs))]
    assert [line.split("'")[1] for line in said] == ["~$Dương.xlsx", "~$Đồng Kè.xlsx", "~$Gia.xlsx"]
    with zipfile.ZipFile(tmp_path / "ds.zip", "w") as archive:
        for name in NAMES:
            archive.writestr(f"{name}.xlsx", b"")
    said = archive_issue(tmp_path / "ds.zip", "ds.zip", ".zip").value
    assert said == " Bên trong có: Dương.xlsx, Đồng Kè.xlsx, Gia.xlsx."


def test_unread_files_and_folders_in_alphabetical_order():
    """No plan found: the stop names the files that could not be read and the folders that
    could not be opened in alphabetical order; the screen's line of unopened folders too
    (fails before)."""
    from types import SimpleNamespace

    import pytest

    from pipeline.cli import _absent_lines
    from pipeline.run import FatalError, _pick_plan

    issues = [Issue(code, file=f"{name}{end}") for name in NAMES
              for code, end in (("file-unreadable", ".xlsx"), ("folder-unopened", ""))]  # fmt: skip
    with pytest.raises(FatalError) as stop:
        _pick_plan([], issues, [])
    assert "Dương.xlsx, Đồng Kè.xlsx, Gia.xlsx" in str(stop.value)
    assert f"thư mục, trong đó có thể có kế hoạch: {IN_ORDER}." in str(stop.value)
    result = SimpleNamespace(issues=issues, reporting=None, summary={"hamlets": []}, submissions=[])
    lines = _absent_lines(result, "vi")
    assert any(f"chưa được đọc: {IN_ORDER} " in line for line in lines)


def test_feedback_workbooks_of_one_unknown_hamlet_numbered_in_alphabetical_order():
    """Two lists of 'Xóm Lạ' (in no plan), both refused: 'PhanHoi/Xóm Lạ_2024-05_1.xlsx' is
    xomla_a.xlsx's, '_2' XomLa_b.xlsx's (before: the other way round, capitals first; fails
    before)."""
    from pathlib import Path
    from types import SimpleNamespace

    from pipeline.report.feedback_files import feedback_targets
    from pipeline.types import Submission

    subs = [Submission(file, Path(file), kind="roster", hamlet_raw="Xóm Lạ", period="2024-05",
                       status="rejected") for file in ("XomLa_b.xlsx", "xomla_a.xlsx")]  # fmt: skip
    issues = [Issue("unknown-hamlet", file=sub.file, sheet="Thông tin", cell="B3") for sub in subs]
    result = SimpleNamespace(period="2024-05", issues=issues, submissions=subs,
                             plan=SimpleNamespace(hamlet_names=["Nà Mòn"]))  # fmt: skip
    named = [(sub.file, name) for sub, _, name in feedback_targets(result)]
    assert named == [
        ("xomla_a.xlsx", "Xóm Lạ_2024-05_1.xlsx"),
        ("XomLa_b.xlsx", "Xóm Lạ_2024-05_2.xlsx"),
    ]
