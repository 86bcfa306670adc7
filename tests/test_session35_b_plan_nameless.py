"""Session 35: plan._nameless_rows' two branches no test reached, pinned.

The commune's plan (tests/commune.py; tests/test_plan_fixes.edited): targets table rows 4-6 Nà
Mòn, Bản Cọ, Đồng Kè, 'Tổng cộng' row 7.
"""

from __future__ import annotations

from tests.commune import HAMLETS, past_targets
from tests.test_plan_fixes import TARGETS, edited, load, refusal


def test_a_targets_table_without_any_hamlet_row_stops_with_its_own_words(tmp_path):
    def empty(book):  # the header left alone: the hamlets and the total deleted
        book[TARGETS].delete_rows(4, 4)

    assert refusal(edited(tmp_path, edit=empty)) == (
        "KeHoach_2024.xlsx: trang 'Chỉ tiêu theo xóm' không có xóm hợp lệ nào."
    )


def test_a_nameless_row_labelled_in_another_column_is_no_hamlet_row(tmp_path):
    # row 5 inside the table: no name, a hamlet's figures, 'Khu trên' in column G (a section's
    # subtotal): not told to hold a hamlet's name; the three hamlets read as before
    def labelled(book):
        sheet = book[TARGETS]
        sheet.insert_rows(5)
        for col, value in zip("ABCDEFG", [None, 120, 4, 3, 1, 1, "Khu trên"], strict=True):
            sheet[f"{col}5"] = value

    plan, issues = load(edited(tmp_path, edit=labelled))
    assert (plan.hamlet_names, past_targets(issues)) == (list(HAMLETS), [])
    assert [h["start_households"] for h in plan.hamlets.to_dict("records")] == [100, 200, 150]
