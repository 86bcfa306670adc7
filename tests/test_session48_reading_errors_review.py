"""Session 48 (helper J): review of the reading errors said this session (the start list's
cells of every column, its 'Xóm' past five, class mark cells, an .ods formula without a value).

1. LibreOffice saves a formula whose value is an empty text ('=IF(…;"";…)', the usual way a
   list leaves an indicator blank) with no value and an empty paragraph: read empty, rightly;
   it was said as a formula saved without a value ("mở tệp bằng Excel và nhấn Lưu").
2. The start list's 'Xóm' read blank in every row named the plan's hamlets again at each row:
   a province's start list (150,000 rows, 1,000 hamlets) with '#REF!' in every 'Xóm' was
   refused as too large (3.6 GB), though said in one line since this session."""

from __future__ import annotations

import zipfile

from tests.test_ods_merges import ods, text_cell
from tests.test_session48_ods_formulas import VALUELESS

# as LibreOffice writes '=IF(A1="x";"";"y")' valued "" and '=""' (converted from .xlsx)
_EMPTY_TEXT = (
    '<table:table-cell table:formula="of:=IF([.A1]=&quot;x&quot;;&quot;&quot;;&quot;y&quot;)">'
    "<text:p/></table:table-cell>"
)
_TYPED_EMPTY = (
    '<table:table-cell table:formula="of:=&quot;&quot;" office:value-type="string" '
    'calcext:value-type="string"/>'
)


def test_an_ods_formula_valued_an_empty_text_is_not_noted(tmp_path):
    """Sheet 'DS', row 1: A 'x', B a formula valued "" as LibreOffice saves it (no value, an
    empty paragraph), C '=""' typed a string without text, D '=A1+1' saved without a value
    (no value, no paragraph), E '=1+1' showing '2' without a value. B and C were noted as
    formulas without a value (fails before: (0, 1) and (0, 2) noted); now D and E alone."""
    from pipeline import odsmerge

    row = f"{text_cell('x')}{_EMPTY_TEXT}{_TYPED_EMPTY}{VALUELESS.format('of:=[.A1]+1')}"
    row += '<table:table-cell table:formula="of:=1+1"><text:p>2</text:p></table:table-cell>'
    path = ods(tmp_path / "a.ods", f'<table:table table:name="DS"><table:table-row>{row}'
                "</table:table-row></table:table>")  # fmt: skip
    with zipfile.ZipFile(path) as package:
        _, _, _, formulas = odsmerge.scan(package)
    assert formulas == {"DS": {(0, 3): "=A1+1", (0, 4): "=1+1"}}


def test_an_ods_lists_empty_text_formula_is_said_nowhere(tmp_path):
    """Bản Cọ's May list as an .ods (tests.test_ods_merges: BC1 to BC3 in rows 5 to 7, income
    in J): BC3's income a formula valued "" as LibreOffice saves it. It was said at J7 as a
    formula without a value (fails before); now nothing is said of row 7, and BC3 is counted
    without an income, as an .xlsx's '=IF(…,"",…)' valued "" is."""
    from pipeline.run import collect
    from tests.commune import write_plan
    from tests.test_ods_merges import ban_co_ods_income

    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    ban_co_ods_income(folder, _EMPTY_TEXT)
    result, _ = collect(folder, None, workers=0)
    assert [(i.code, i.cell) for i in result.issues if i.hamlet == "Bản Cọ" and i.row == 7] == []
    households = result.households.set_index("ma_ho")
    assert households.loc[["BC1", "BC2", "BC3"], "valid"].tolist() == [True, True, True]
    assert households.loc[["BC1", "BC3"], "thu_nhap"].fillna(-1).tolist() == [1_200_000, -1]


def test_the_plans_hamlets_are_named_once_however_many_rows_lack_their_xom(tmp_path, monkeypatch):
    """The small commune's start list (tests.commune: 'Xóm' in B, NM1 to DK2 in rows 4-13)
    with '#REF!' in B4, B5, then in B4 to B11. Said once either way, naming the plan's three
    hamlets; the plan's hamlet names are asked for as often with 8 such rows as with 2 (fails
    before: 6 times more, one a row: a province's 150,000 rows × 1,000 names)."""
    import openpyxl

    from pipeline import types
    from pipeline.plan import load_plan
    from pipeline.read import open_workbook
    from tests.commune import write_plan

    asked = []
    names = types.Plan.hamlet_names.fget
    monkeypatch.setattr(types.Plan, "hamlet_names", property(lambda p: asked.append(1) or names(p)))

    def read(last: int):
        folder = tmp_path / str(last)
        folder.mkdir()
        plan = write_plan(folder)
        book = openpyxl.load_workbook(plan)
        for row in range(4, last + 1):
            book["Danh sách đầu năm"][f"B{row}"] = "#REF!"
        book.save(plan)
        asked.clear()
        loaded, issues = load_plan(open_workbook(plan), plan.name)
        said = [(i.code, i.cell, i.variant, i.detail) for i in issues if i.column == "Xóm"]
        return len(asked), said, len(loaded.start_list)

    two, said, kept = read(5)
    hamlets = "Nà Mòn, Bản Cọ, Đồng Kè"
    assert said == [("start-list-hamlet-blank", c, "error", hamlets) for c in ("B4", "B5")]
    assert kept == 8
    eight, said, kept = read(11)
    assert said == [("start-list-hamlet-blank", "B4", "error-rows", hamlets)]
    assert kept == 2
    assert eight == two
