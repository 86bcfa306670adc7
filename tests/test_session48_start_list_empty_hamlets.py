"""Session 48 (helper L): the plan's start list's 'Xóm' left empty (no formula) with no
section row above naming the hamlet, past five, is said once naming the rows, as its errors
and formulas without a value are (plan._hamlets_from_sections, plan._rows_named).

The small commune's plan (tests.commune): its start list 'Danh sách đầu năm' has its header in
row 3, B 'Xóm', C 'Mã hộ'; its 10 households in rows 4 to 13: Nà Mòn's NM1 to NM5 (rows 4-8),
Bản Cọ's BC1 to BC3 (rows 9-11), Đồng Kè's DK1, DK2 (rows 12, 13); no section rows."""

from __future__ import annotations

from tests.test_session47_start_required_formulas import start_said


def test_empty_hamlets_past_five_are_said_once_naming_the_rows(tmp_path):
    """B4 to B10 emptied (NM1 to BC2's 'Xóm'), B11 '#REF!' (BC3's): the 7 empty cells were
    said one line a row (fails before: 8 lines); now once at B4 naming rows 4–10 (variant
    'rows'), the one error at its cell as before. The 8 households left out as before: DK1,
    DK2 kept."""
    cells = {f"B{row}": None for row in range(4, 11)}
    said, start = start_said(tmp_path, {**cells, "B11": "#REF!"})
    assert [(i.code, i.cell, i.row, i.variant, i.value) for i in said] == [
        ("start-list-hamlet-blank", "B4", 4, "rows", ""),
        ("start-list-hamlet-blank", "B11", 11, "error", "#REF!"),
    ]
    assert said[0].message("vi") == (
        "'Xóm' trống ở 7 dòng hộ (các dòng 4–10), như ô B4: không biết các hộ này thuộc xóm "
        "nào nên các hộ không được tính vào danh sách đầu năm. Hãy ghi tên xóm như trong kế "
        "hoạch (Nà Mòn, Bản Cọ, Đồng Kè) vào các ô này."
    )
    assert said[0].message("en") == (
        "'Xóm' is empty in 7 household rows (rows 4–10), such as B4: these households' hamlet "
        "is unknown, so they are left out of the start-of-year list. Write the hamlet names as "
        "the plan has them (Nà Mòn, Bản Cọ, Đồng Kè) in these cells."
    )
    assert sorted(start.index) == ["DK1", "DK2"]


def test_five_empty_hamlets_are_each_said_at_their_cell(tmp_path):
    """B4 to B8 emptied (Nà Mòn's five): five, each said at its cell as before (variant ''),
    the five left out."""
    said, start = start_said(tmp_path, {f"B{row}": None for row in range(4, 9)})
    assert [(i.code, i.cell, i.variant) for i in said] == [
        ("start-list-hamlet-blank", f"B{row}", "") for row in range(4, 9)
    ]
    assert said[0].message("vi") == (
        "Ô 'Xóm' trống: không biết hộ thuộc xóm nào nên hộ không được tính vào danh sách đầu "
        "năm. Hãy ghi tên xóm như trong kế hoạch (Nà Mòn, Bản Cọ, Đồng Kè)."
    )
    assert sorted(start.index) == ["BC1", "BC2", "BC3", "DK1", "DK2"]
