"""Session 25: this session's new outputs looked at as an officer would, rendered in
LibreOffice (docs/decisions.md, "Session 25: the merged hamlet and the merger, rendered").

The merged hamlet (tests/test_session25_merged_figures.py): the 2025 plan folds Đồng Kè into
Bản Cọ (350 households, start 3 poor: BC1, BC2, DK1; 2 near-poor: BC3, DK2); in January Bản
Cọ sends its old list (200 households: BC1, BC2 poor, BC3 near-poor) and Đồng Kè's head his own
(DK1, DK2), refused. Bản Cọ is left out of the commune's figures: its rate now, 2/200 = 1.00 %,
is over its own list's households, its start rate, 3/350 = 0.857 %, over the whole hamlet's.

The merger (tests/test_session25_commune_merger.py): June 2025 consolidated for Trung Lương,
then Định Hóa's plan (saved later) and July's lists.
"""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.report import movements
from pipeline.report.cells import CHARS_PER_WIDTH
from pipeline.run import execute
from tests import test_session25_commune_merger as merger
from tests import test_session25_merged_figures as merged

NOTE_VI = (
    "Chưa đủ hộ: Bản Cọ (thiếu danh sách 'Đồng Kè') — số liệu của xóm thiếu các hộ của danh"
    " sách gửi riêng, bị từ chối (xem trang 'Nộp báo cáo'), nên không cộng vào dòng Tổng cộng."
)
NOTE_EN = (
    "Incomplete: Bản Cọ (lacking list 'Đồng Kè') — the hamlet's figures lack the households of"
    " a list sent apart, refused (see sheet 'Nộp báo cáo'), so they are not in the Total row."
)


_split = merged.split_january_run


def _texts(ws) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def _row_of(ws, column: int, text: str) -> int:
    return next(r[0].row for r in ws.iter_rows() if r[column].value == text)


@pytest.mark.parametrize(
    ("lang", "status", "short", "note", "height"),
    [
        # measured letter by letter (session 54), 'Chưa đủ hộ, không' is wider than the 16-wide
        # column: 'Chưa đủ hộ,' / 'không tính vào' / 'toàn xã', three lines
        ("vi", "Chưa đủ hộ, không tính vào toàn xã", "Chưa đủ hộ", NOTE_VI, 45),
        ("en", "Incomplete, not in the total", "Incomplete", NOTE_EN, 30),
    ],
)
def test_the_merged_hamlets_status_fits_its_cell_and_the_note_says_why(
    tmp_path, lang, status, short, note, height
):
    """'Biến động''s status column (13 wide, about 14 characters, no wrap) cut "Chưa đủ hộ, không
    cộng vào toàn xã" after "Chưa đủ hộ, khôn"; 'Theo xóm''s status cell (16 wide) held a
    sentence of 102 characters in 7 lines, its row 105 pt tall. Now one line and two lines (30
    pt), and the same note under both tables names the hamlet and the list apart."""
    _, month = _split(tmp_path, lang)
    book = openpyxl.load_workbook(month / "TongHop_2025-01.xlsx")
    moves = book["Biến động"]
    rows = [r for r in moves.iter_rows() if r[1].value == "Bản Cọ" and r[2].value == short]
    assert len(rows) == 2  # the poor and the near-poor tables
    assert len(short) <= int(movements.WIDTHS[2] * CHARS_PER_WIDTH) == 14
    for row in rows:
        assert moves.row_dimensions[row[0].row].height == 15.75  # ROW_HEIGHT_PT, one line
    # under the near-poor table, with the other notes; there it also says what column 4 and 15
    # count of the hamlet (tests/test_session25_merger_feedback.py)
    assert sum(text.startswith(f"{note} ") for text in _texts(moves)) == 1
    hamlets = book["Theo xóm"]
    at = _row_of(hamlets, 2, status)
    assert hamlets.cell(at, 2).value == "Bản Cọ"
    assert hamlets.row_dimensions[at].height == height  # two or three lines, was 105
    assert note in _texts(hamlets)


def test_the_chart_shows_no_bar_now_for_the_hamlet_left_out(tmp_path):
    """The chart of 'Tổng hợp' drew Bản Cọ's bar now at 1.00 beside its start 0.86, as if its
    rate had risen, while its note says a hamlet without consolidated figures shows its start
    bar only (and the trend gives it no rate). Now: start bar only; Nà Mòn as before."""
    result, month = _split(tmp_path)
    ws = openpyxl.load_workbook(month / "TongHop_2025-01.xlsx")["Tổng hợp"]
    head = next(r for r in ws.iter_rows() if r[5].value == "Xóm" and r[6].value == "Tháng 1/2025")
    data = {
        r[5].value: (r[6].value, r[7].value)
        for r in ws.iter_rows(min_row=head[0].row + 1, max_row=head[0].row + 2)
    }
    assert data["Nà Mòn"] == (3, 3)
    assert data["Bản Cọ"][0] is None
    assert data["Bản Cọ"][1] == pytest.approx(100 * 3 / 350)
    # its row in 'Theo xóm' and the JSON keep what its list says
    ban_co = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Bản Cọ")
    assert ban_co["poor_rate"] == 1.0


def test_the_merged_hamlets_feedback_does_not_say_every_household_is_counted(tmp_path):
    """Bản Cọ's feedback workbook said "Danh sách đã được tổng hợp, mọi hộ đều được tính"
    above a warning that its households lack 2 of Đồng Kè's list and the hamlet is not in the
    commune's figures. Now the status says so (in red), and the warnings' note no longer says
    the list is still counted."""
    _, month = _split(tmp_path)
    ws = openpyxl.load_workbook(month / "PhanHoi" / "Bản Cọ_2025-01.xlsx").worksheets[0]
    rows = {r[0].value: [c.value for c in r if c.value is not None] for r in ws.iter_rows()}
    assert rows["Tình trạng:"][1] == (
        "Danh sách đã được tổng hợp nhưng chưa tính vào số liệu toàn xã: còn thiếu 2 hộ của"
        " danh sách xóm 'Đồng Kè' gửi riêng (xem bảng dưới); hãy ghi các hộ đó vào danh sách"
        " này rồi gửi lại."
    )
    status_row = next(r for r in ws.iter_rows() if r[0].value == "Tình trạng:")
    value = next(c for c in status_row[1:] if c.value)
    assert value.font.color.rgb == "FF9C0006"  # red, as a list not counted (was dark yellow)
    assert rows["Số cảnh báo:"][1:] == [
        2,
        "ô tô vàng và bảng dưới – đề nghị kiểm tra lại, sửa nếu sai",
    ]
    # Nà Mòn's, counted with nothing said: no feedback; Đồng Kè's refusal says where its
    # households go (tests/test_session25_merger_feedback.py)
    other = openpyxl.load_workbook(month / "PhanHoi" / "Đồng Kè_2025-01.xlsx").worksheets[0]
    said = next(
        c for r in other.iter_rows() if r[0].value == "Tình trạng:" for c in r[1:] if c.value
    )
    assert said.value.startswith("Danh sách gửi riêng này không được tổng hợp: xóm 'Đồng Kè'")


def test_the_reporting_status_of_the_merged_hamlet_ends_its_sentence(tmp_path):
    _, month = _split(tmp_path)
    ws = openpyxl.load_workbook(month / "TongHop_2025-01.xlsx")["Nộp báo cáo"]
    row = next(r for r in ws.iter_rows(values_only=True) if r[1] == "Bản Cọ")
    assert row[2].endswith(
        "(một danh sách cho cả xóm, với tổng số hộ dân cư của cả xóm) rồi gửi lại."
    )


def test_the_trend_note_of_one_month_of_the_former_commune_says_one_month(tmp_path):
    """June alone stored for Trung Lương: "Tháng 6/2025 … số liệu tháng đó", not "các tháng
    đó"; in English "Month 6/2025 was", not "Months 6/2025 were"."""
    folder, out, _ = merger.merger(tmp_path)
    execute(folder, out, "2025-07", lang="en")
    sheet = openpyxl.load_workbook(out / "2025-07" / "TongHop_2025-07.xlsx")["Xu hướng"]
    assert (
        "Month 6/2025 was consolidated with the plan of commune Trung Lương (before the merger):"
        " not the same hamlets, households and targets as commune Định Hóa, so it is not in this"
        " trend; see that month's workbook for its figures." in _texts(sheet)
    )


def test_two_months_of_the_former_commune_keep_the_plural(tmp_path):
    """May and June stored for Trung Lương: "Tháng 5, 6/2025 … các tháng đó"."""
    folder = tmp_path / "input"
    folder.mkdir()
    merger.write_merger_plan(folder / "KeHoach_2025.xlsx", "Trung Lương", merger.OLD, (0.5, 0.3),
                 1_750_000_000)  # fmt: skip
    out = tmp_path / "output"
    for month in (5, 6):
        merger.write_merger_month(folder, month)
        execute(folder, out, f"2025-{month:02d}")
    merger.write_merger_plan(folder / "KeHoach_2025_DinhHoa.xlsx", "Định Hóa", merger.NEW, (1.0, 0.5),
                 1_751_500_000)  # fmt: skip
    merger.write_merger_month(folder, 7)
    july, _, _ = execute(folder, out, "2025-07")
    assert july.summary["trend"]["other_commune"]["periods"] == ["2025-05", "2025-06"]
    sheet = openpyxl.load_workbook(out / "2025-07" / "TongHop_2025-07.xlsx")["Xu hướng"]
    assert (
        "Tháng 5, 6/2025 được tổng hợp theo kế hoạch của xã Trung Lương (trước khi sáp nhập),"
        " không cùng các xóm, số hộ và chỉ tiêu với xã Định Hóa, nên không có trong xu hướng"
        " này; số liệu các tháng đó xem ở bảng tổng hợp của từng tháng." in _texts(sheet)
    )


def test_the_plan_set_aside_names_each_commune_without_a_doubled_quote(tmp_path):
    """English said "the plan used is commune 'Định Hóa''s (the last saved), this one commune
    'Trung Lương''s"."""
    folder, out, _ = merger.merger(tmp_path)
    july, _, _ = execute(folder, out, "2025-07", lang="en")
    [said] = [i for i in july.issues if i.code == "plan-duplicate"]
    assert said.instead.en == (
        "the plan used is for commune 'Định Hóa' (the last saved), this one for commune"
        " 'Trung Lương'"
    )
    assert "''s" not in said.message("en")


def test_the_deprivations_totals_leave_out_the_merged_hamlet_as_their_cached_values_do(tmp_path):
    """'Thiếu hụt' summed Bản Cọ's rows (2 poor, 1 near-poor) into its totals (=SUM(C11:C12))
    while caching the commune's figures without it (3 poor, Nà Mòn's): LibreOffice's
    recalculation gave 5 where the file said 3 (6 cells). Now its totals sum Nà Mòn's rows
    alone (=SUM(C11): 3 poor; =SUM(C17): 2 near-poor), and the note says why."""
    _, month = _split(tmp_path)
    path = month / "TongHop_2025-01.xlsx"
    ws = openpyxl.load_workbook(path)["Thiếu hụt"]
    cached = openpyxl.load_workbook(path, data_only=True)["Thiếu hụt"]
    totals = [r[0].row for r in ws.iter_rows() if r[0].value == "Tổng cộng"]
    assert [ws.cell(r, 3).value for r in totals] == ["=SUM(C11)", "=SUM(C17)"]
    assert [cached.cell(r, 3).value for r in totals] == [3, 2]
    assert [(ws.cell(r, 2).value, ws.cell(r, 3).value) for r in (12, 18)] == [
        ("Bản Cọ", 2), ("Bản Cọ", 1),
    ]  # fmt: skip
    assert NOTE_VI in _texts(ws)
