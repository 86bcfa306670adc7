"""Session 46: print leftovers of session 45: 'Biến động''s list never starts with its header
and a whole hamlet's two rows at a page's foot; the feedback copy keeps three households with
the signature, as the lists."""

from __future__ import annotations

from tests.printed_pages import page_starts
from tests.test_session45_print import list_head, sample


def test_the_changed_households_list_does_not_start_with_one_hamlets_two_rows(tmp_path):
    """18 hamlets, one month: under the tables the room left held the list's title (row 57),
    header (58) and three rows: Nà Mòn's two (59, 60) and Khau Lang's first (61). fix_pages
    moved the cut above Khau Lang's first (not alone at the foot), so the page ended with the
    header and Nà Mòn's two. The title and header now keep four rows (to 62, the cut not
    moved), which do not fit: the list starts a page at its title."""
    ws = sample(tmp_path, 18, 1)["Biến động"]
    assert list_head(ws) == 58
    assert ws.cell(57, 1).value == "DANH SÁCH HỘ CÓ BIẾN ĐỘNG"
    assert [ws.cell(r, 2).value for r in (59, 60, 61, 62)] == [
        "Nà Mòn", "Nà Mòn", "Khau Lang", "Khau Lang",
    ]  # fmt: skip
    assert ws.cell(63, 2).value == "Khau Lang"
    breaks = [b.id + 1 for b in ws.row_breaks.brk]
    assert 57 in breaks and 61 not in breaks
    for layout in page_starts(ws):
        assert 57 in layout
        assert min(s for s in layout if s > 57) > 62


def test_the_feedback_copy_prints_three_households_with_the_signature(tmp_path):
    """Nà Mòn's feedback copy (session 26's case: the households from row 5, 24 to 27 of them on
    page 1 by the estimates). 25 households (rows 5-29): the 24-row page began page 2 at row 29,
    and the break went there: one household with the signature. Now before row 27, the last
    three. 28 (rows 5-32): no break, and the 27-row page printed row 32 alone with the
    signature; now before row 29, where the 24-row page begins its second. Session 54: the
    header's texts measured letter by letter take three lines (45 pt, not 60): page 1 holds 25
    to 27 rows, and with 28 households the break goes before row 30, where the 25-row page
    begins its second. Session 55: the header's columns measured by their bold letters, the copy
    prints at 100 % (98 % before): page 1 holds 24 to 26 rows, and with 28 households the break
    goes before row 29 again, where the 24-row page begins its second."""
    import openpyxl

    from pipeline.run import execute
    from tests.commune import person, write_plan, write_roster

    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    found = {}
    for n in (25, 28):
        rows = [person(f"NM{i}", "poor") for i in range(1, n + 1)]
        write_roster(folder, "NaMon.xlsx", "Nà Mòn", 300, rows)
        execute(folder, tmp_path / f"out{n}", "2024-05")
        path = tmp_path / f"out{n}" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
        ws = openpyxl.load_workbook(path)["Danh sách"]
        assert ws.cell(4 + n, 2).value == f"NM{n}" and ws.cell(5 + n, 2).value is None
        found[n] = [b.id + 1 for b in ws.row_breaks.brk]
    assert found == {25: [27], 28: [29]}
