"""Session 24 (more): the plan's hamlet table as an officer leaves it, on the commune of
tests/test_session24_plan.py (Nà Mòn, Khau Lang, Bản Cọ; 100+198+150 households at the start,
8+12+7 poor, 6+9+5 near-poor)."""

from __future__ import annotations

from pipeline.plan import load_plan
from pipeline.read import open_workbook
from tests.test_session24_plan import START, commune, run, summary, write_plan

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
