"""Session 24 (more): the plan's hamlet table as an officer leaves it, on the commune of
tests/test_session24_plan.py (Nà Mòn, Khau Lang, Bản Cọ; 100+198+150 households at the start,
8+12+7 poor, 6+9+5 near-poor)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.plan import load_plan
from pipeline.read import open_workbook
from tests.test_session24_plan import (
    INFO,
    ROOT,
    START,
    commune,
    may_json_summary,
    refusal,
    run_pipeline,
    write_plan,
)

OLD = ["Nà Mòn 2", 40, 3, 2, 1, 1]  # an old hamlet merged into Nà Mòn, its row hidden


def hide_old_row(book) -> None:
    book["Chỉ tiêu theo xóm"].row_dimensions[7].hidden = True  # header at row 3, OLD at 7


def test_a_hidden_hamlet_row_is_left_out_of_the_plan(tmp_path):
    """Before: 'Nà Mòn 2' (hidden) was a plan hamlet: said 'chưa nộp', the month incomplete,
    and its 40 households in the start figures (488). Now the plan is the three hamlets
    (448 at the start, 27 poor) and the hidden row is said at its cell."""
    folder = commune(tmp_path / "in", [*START, OLD], edit=hide_old_row)
    plan, issues = load_plan(open_workbook(folder / "KeHoach_2024.xlsx"), "KeHoach_2024.xlsx")
    assert plan.hamlets["hamlet"].tolist() == ["Nà Mòn", "Khau Lang", "Bản Cọ"]
    [hidden] = [i for i in issues if i.code == "plan-hamlet-hidden"]
    assert (hidden.sheet, hidden.row, hidden.cell, hidden.value, hidden.variant) == (
        "Chỉ tiêu theo xóm", 7, "A7", "Nà Mòn 2", ""
    )  # fmt: skip
    from schemas.issues import CATALOGUE

    text = CATALOGUE["plan-hamlet-hidden"].template("vi").format(value="Nà Mòn 2", sheet="X")
    assert "bỏ xóm ra khỏi kế hoạch" in text and "Bỏ ẩn" in text
    assert run_pipeline(folder).returncode == 0
    result = may_json_summary(folder)
    assert [h["hamlet"] for h in result["hamlets"]] == ["Nà Mòn", "Khau Lang", "Bản Cọ"]
    totals = result["totals"]
    assert (totals["start_households"], totals["start_poor"], totals["households"]) == (
        448, 27, 450
    )  # fmt: skip


def test_a_row_hidden_by_a_filter_stays_a_plan_hamlet(tmp_path):
    """A filter only puts the row out of sight: the hamlet stays (4 hamlets, 488 at the
    start), with a warning saying so."""

    def filtered(book):
        sheet = book["Chỉ tiêu theo xóm"]
        sheet.auto_filter.ref = "A3:F7"
        sheet.auto_filter.add_filter_column(0, ["Nà Mòn", "Khau Lang", "Bản Cọ"])
        sheet.row_dimensions[7].hidden = True

    path = write_plan(tmp_path / "KeHoach_2024.xlsx", [*START, OLD], edit=filtered)
    plan, issues = load_plan(open_workbook(path), path.name)
    assert plan.hamlets["hamlet"].tolist() == ["Nà Mòn", "Khau Lang", "Bản Cọ", "Nà Mòn 2"]
    assert int(plan.hamlets["start_households"].sum()) == 488
    assert [(i.code, i.row, i.variant) for i in issues if i.code == "plan-hamlet-hidden"] == [
        ("plan-hamlet-hidden", 7, "filter")
    ]


# --- cosmetic: a plan hamlet's trailing dot, a negative target, a target in households -------


def test_a_full_stop_after_a_plan_hamlets_name_is_left_out(tmp_path):
    """'Bản Cọ.' in the plan showed with its dot in the outputs; the list's 'Bản Cọ' is its
    list (150 households, 6 poor), and a list written 'Bản Cọ.' would be as well."""
    from pipeline.hamlets import HamletMatcher

    rows = [START[0], START[1], ["Bản Cọ.", 150, 7, 5, 1, 1]]
    folder = commune(tmp_path / "in", rows, names={"Bản Cọ": "Bản Cọ."})
    plan, _ = load_plan(open_workbook(folder / "KeHoach_2024.xlsx"), "KeHoach_2024.xlsx")
    assert plan.hamlets["hamlet"].tolist() == ["Nà Mòn", "Khau Lang", "Bản Cọ"]
    assert HamletMatcher(plan.hamlets["hamlet"].tolist()).match("Bản Cọ.") == "Bản Cọ"
    assert run_pipeline(folder).returncode == 0
    result = may_json_summary(folder)
    assert (result["hamlets"][2]["hamlet"], result["hamlets"][2]["households"]) == ("Bản Cọ", 150)
    assert result["totals"]["households"] == 450


def test_a_bracketed_note_keeps_its_closing_bracket():
    from pipeline.plan import _without_end_marks

    assert _without_end_marks("Nà Mòn (ghép).") == "Nà Mòn (ghép)"
    assert _without_end_marks("Khau Lang ;") == "Khau Lang"


def commune_target(tmp_path, written):
    info = [(label, written if label.startswith("Chỉ tiêu giảm tỷ lệ hộ nghèo") else value)
            for label, value in INFO]  # fmt: skip
    return write_plan(tmp_path / "KeHoach_2024.xlsx", info=info)


def test_a_negative_commune_target_is_said_with_a_decimal_comma(tmp_path):
    said = refusal(commune_target(tmp_path, -1.52))
    assert "là -1,52: chỉ tiêu giảm tỷ lệ phải từ 0 đến 100 điểm %" in said
    assert "-1.52" not in said


@pytest.mark.parametrize("written", ["6 hộ", "6 hộ nghèo"])
def test_a_commune_target_in_households_says_points_are_wanted(tmp_path, written):
    said = refusal(commune_target(tmp_path, written))
    assert f"ghi '{written}', là số hộ, nhưng ô này cần chỉ tiêu giảm tỷ lệ tính bằng điểm" in said
    assert "ví dụ 1,52" in said and "không đọc được" not in said


# --- two plans of the year in the folder ------------------------------------------------------


def two_plans(folder: Path, older_rows, older_info=None) -> Path:
    """The commune with its plan (saved last) and an older copy 'KeHoach_2024_cu.xlsx'."""
    commune(folder)
    old = write_plan(folder / "KeHoach_2024_cu.xlsx", older_rows, info=older_info)
    os.utime(old, (1_700_000_000, 1_700_000_000))  # Nov 2023: older than the plan just saved
    return folder


def duplicates(folder: Path) -> tuple[str, list]:
    """The run's screen, and its plan-duplicate warnings (as collected in-process)."""
    from pipeline.run import collect

    done = subprocess.run([sys.executable, "-m", "pipeline", "run", "--input", str(folder),
                           "--output", str(folder.parent / "out")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    result, _ = collect(folder, "2024-05")
    return done.stdout, [i for i in result.issues if i.code == "plan-duplicate"]


def test_two_plans_with_the_same_figures_say_so(tmp_path):
    folder = two_plans(tmp_path / "in", START)
    screen, [said] = duplicates(folder)
    assert (said.file, said.detail, said.variant) == (
        "KeHoach_2024_cu.xlsx", "KeHoach_2024.xlsx", "same"
    )  # fmt: skip
    assert "Số liệu của hai tệp giống nhau nên kết quả không đổi" in said.message("vi")
    assert (
        "Kế hoạch: dùng 'KeHoach_2024.xlsx' (tệp sửa sau cùng), để riêng 'KeHoach_2024_cu.xlsx' "
        "cùng năm — số liệu hai tệp giống nhau" in screen
    )


def test_two_plans_whose_figures_differ_name_the_first_differences(tmp_path):
    """The older copy: Khau Lang's poor target 4 (not 3), Bản Cọ's start households 140 (not
    150), Bản Cọ's near-poor target 2 (not 1), the commune's poor target 1,6 (not 1,52): the
    commune's target and Khau Lang's target are said, the other two counted."""
    older = [START[0], ["Khau Lang", 198, 12, 9, 4, 2], ["Bản Cọ", 140, 7, 5, 1, 2]]
    info = [(k, 1.6 if k.startswith("Chỉ tiêu giảm tỷ lệ hộ nghèo") else v) for k, v in INFO]
    folder = two_plans(tmp_path / "in", older, info)
    screen, [said] = duplicates(folder)
    assert said.variant == "differ"
    differences = (
        "chỉ tiêu giảm tỷ lệ hộ nghèo của xã: 1,52 điểm ở tệp đã dùng, 1,60 điểm ở tệp này; "
        "xóm Khau Lang, 'Chỉ tiêu giảm hộ nghèo (hộ)': 3 ở tệp đã dùng, 4 ở tệp này; "
        "và 2 chỗ khác"
    )
    assert f"Số liệu hai tệp KHÁC nhau: {differences}." in said.message("vi")
    on_screen = differences.replace("ở tệp này", "ở tệp để riêng")
    assert f"để riêng 'KeHoach_2024_cu.xlsx' cùng năm — số liệu KHÁC nhau: {on_screen}" in screen
    assert "1,60 điểm ở tệp để riêng; xóm Khau Lang" in screen
    # the plan saved last is the one used: Khau Lang's target 3
    assert may_json_summary(folder)["totals"]["poor_target"] == pytest.approx(1.52)


def test_a_hamlet_in_one_plan_only_is_a_difference(tmp_path):
    from pipeline.planpick import plan_differences

    used = load_plan(open_workbook(write_plan(tmp_path / "a.xlsx")), "a.xlsx")[0]
    other = load_plan(open_workbook(write_plan(tmp_path / "b.xlsx", START[:2])), "b.xlsx")[0]
    assert [str(m) for m in plan_differences(used, other)] == ["xóm Bản Cọ chỉ có ở tệp đã dùng"]


def test_a_list_of_a_hidden_plan_hamlet_is_told_its_row_is_hidden(tmp_path):
    """Nà Mòn 2's head still sends a list: refused as before (its hamlet is out of the plan),
    but told that its plan row is hidden (row 7) and how to bring it back, not "add it"."""
    from tests.test_session24_plan import write_roster

    folder = commune(tmp_path / "in", [*START, OLD], edit=hide_old_row)
    write_roster(folder / "DS_04_2024-05.xlsx", "Nà Mòn 2", "04", 40, 3, 2)
    [said] = [i for i in collect_issues(folder) if i.code == "unknown-hamlet"]
    assert (said.file, said.variant, str(said.detail)) == ("DS_04_2024-05.xlsx", "hidden", "dòng 7")
    assert said.message("vi").startswith(
        "Xóm 'Nà Mòn 2' có trong trang 'Chỉ tiêu theo xóm' của kế hoạch nhưng dòng của xóm "
        "(dòng 7) đang bị ẩn"
    )
    assert summary_totals(folder) == 450  # the three plan hamlets, Nà Mòn 2 not counted


def collect_issues(folder: Path) -> list:
    from pipeline.run import collect

    return collect(folder, "2024-05")[0].issues


def summary_totals(folder: Path) -> int:
    from pipeline.run import collect

    return collect(folder, "2024-05")[0].summary["totals"]["households"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_a_hidden_hamlet_row_of_a_plan_saved_as_xls_or_ods_is_left_out_too(tmp_path):
    """The same plan saved by LibreOffice as .xls and .ods (a 300-row notes sheet: an .xls
    under 4,096 bytes is kept where its hidden rows are not looked for, docs/decisions.md)."""
    from tests.test_session24_formats import convert

    def hide_with_notes(book):
        hide_old_row(book)
        notes = book.create_sheet("Ghi chú")
        for n in range(300):
            notes.append([f"ghi chú dòng {n}", n])

    path = write_plan(tmp_path / "KeHoach_2024.xlsx", [*START, OLD], edit=hide_with_notes)
    for fmt in ("xls", "ods"):
        convert([path], fmt, tmp_path / fmt, tmp_path / "profile")
        saved = tmp_path / fmt / f"KeHoach_2024.{fmt}"
        plan, issues = load_plan(open_workbook(saved), saved.name)
        assert plan.hamlet_names == ["Nà Mòn", "Khau Lang", "Bản Cọ"], fmt
        assert [(i.code, i.row) for i in issues if i.code == "plan-hamlet-hidden"] == [
            ("plan-hamlet-hidden", 7)
        ], fmt
