"""Session 24 (more): the plan's hamlet table as an officer leaves it, on the commune of
tests/test_session24_plan.py (Nà Mòn, Khau Lang, Bản Cọ; 100+198+150 households at the start,
8+12+7 poor, 6+9+5 near-poor)."""

from __future__ import annotations

import pytest

from pipeline.plan import load_plan
from pipeline.read import open_workbook
from tests.test_session24_plan import INFO, START, commune, refusal, run, summary, write_plan

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
    assert run(folder).returncode == 0
    result = summary(folder)
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
    assert run(folder).returncode == 0
    result = summary(folder)
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
