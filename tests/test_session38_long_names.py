"""Session 38: a merged commune's long hamlet names in the workbooks (QA of a 45-hamlet commune).

A name longer than its column ('Xóm Khuôn Thính Thượng – Khu tái định cư', 40 letters) was cut
at the next column on every table of TongHop (the cells did not wrap); a name that begins with
its own unit word was titled "XÓM XÓM …" on the posted list and the feedback copy."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.messages import with_unit
from pipeline.run import execute
from pipeline.sample import generate_sample
from tests.commune import new_commune, person, write_merged_plan, write_roster
from tests.printed_pages import page_starts, problems

LONG = "Xóm Khuôn Thính Thượng – Khu tái định cư"


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    """Bản Cọ merged into Nà Mòn, the merged hamlet named LONG (300 households; start 5 poor,
    3 near-poor); its May list: NM1–NM3, BC1, BC2 poor (5), NM4, NM5, BC3 near-poor (3); NM1's
    income above the standard (a warning: a feedback copy). Đồng Kè sends nothing."""
    folder, out = new_commune(tmp_path_factory.mktemp("long"))
    write_merged_plan(folder, new=LONG)
    rows = [person(c, "poor") for c in ("NM1", "NM2", "NM3", "BC1", "BC2")]
    rows += [person(c, "near_poor") for c in ("NM4", "NM5", "BC3")]
    rows[0]["thu_nhap"] = 5_000_000
    write_roster(folder, "Long.xlsx", LONG, 300, rows)
    result = execute(folder, out, "2024-05")[0]
    month = out / "2024-05"
    feedback = sorted((month / "PhanHoi").glob("*.xlsx"))
    return (
        openpyxl.load_workbook(month / "TongHop_2024-05.xlsx"),
        openpyxl.load_workbook(month / "NiemYet_2024-05.xlsx"),
        [openpyxl.load_workbook(f) for f in feedback],
        result,
    )


def _name_cell(ws):
    found = [c for row in ws.iter_rows() for c in row if c.value == LONG]
    assert found, ws.title
    return found[0]


# Sheet → the height (pt) of the name's row: textwrap at int(width × 1.1) letters. Width 18
# (19 letters): "Xóm Khuôn Thính" / "Thượng – Khu tái" / "định cư", 3 lines of 15 pt; width 16
# (17): the same three; width 14 (15): "Xóm Khuôn Thính" / "Thượng – Khu" / "tái định cư";
# width 24 (26): "Xóm Khuôn Thính Thượng –" / "Khu tái định cư", 2 lines. Session 54: measured
# letter by letter (cells.text_lines, thousandths of an em: Xóm 2000, Khuôn 2722, Thính 2389,
# Thượng 3271, '–' 1000, Khu 1722, tái 1000, định 1778, cư 1024, a space 250): width 14 holds
# 6493, "Xóm Khuôn" / "Thính Thượng" / "– Khu tái định" / "cư", 4 lines ("Xóm Khuôn Thính",
# 7611, is wider than the column); width 24 holds 11038, "Xóm Khuôn Thính" / "Thượng – Khu tái
# định" (9771) / "cư" (with it 11045), 3 lines. Session 54 (H3): '–' half an em, 500: width 14
# the same 4 lines ("– Khu tái định cư" 7024 > 6493); width 24 "Xóm Khuôn Thính" / "Thượng –
# Khu tái định cư" (10545 ≤ 11038), 2 lines.
HEIGHTS = {
    "Theo xóm": 45,
    "Nộp báo cáo": 45,
    "Thiếu hụt": 45,
    "Biến động": 45,
    "Nguyên nhân": 45,
    "DS hộ nghèo": 60,
    "Xu hướng": 30,
}


@pytest.mark.parametrize("sheet", list(HEIGHTS))
def test_a_long_hamlet_name_wraps_in_a_row_tall_enough_on_every_table(books, sheet):
    ws = books[0][sheet]
    c = _name_cell(ws)
    assert c.alignment.wrap_text is True
    assert ws.row_dimensions[c.row].height == HEIGHTS[sheet]


def test_theo_xom_row_of_the_long_name_keeps_its_figures(books):
    ws = books[0]["Theo xóm"]
    c = _name_cell(ws)
    values = [ws.cell(c.row, col).value for col in range(4, 8)]
    # 300 households, 5 poor (5/300 = 1.67 %, shown so), 3 near-poor
    assert values[0] == 300 and values[1] == 5 and values[3] == 3
    assert values[2] == pytest.approx(5 / 300 * 100)


def test_a_short_name_stays_on_one_line(books):
    ws = books[0]["Theo xóm"]
    c = [c for row in ws.iter_rows() for c in row if c.value == "Đồng Kè"][0]
    assert not c.alignment.wrap_text
    assert ws.row_dimensions[c.row].height == 15.75


def test_the_posted_list_and_feedback_name_the_hamlet_once(books):
    _, posted, feedback, _ = books
    ws = posted[LONG] if LONG in posted.sheetnames else posted.worksheets[0]
    titles = [c.value for row in ws.iter_rows(max_row=8) for c in row if isinstance(c.value, str)]
    assert (
        "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM KHUÔN THÍNH THƯỢNG – KHU TÁI ĐỊNH CƯ THÁNG 5/2024 "
        "– NIÊM YẾT CÔNG KHAI"
    ) in titles
    assert ws.oddFooter.center.text == (
        f"{LONG}, xã Trung Lương – danh sách niêm yết tháng 5/2024 – Trang &P"
    )
    assert len(feedback) == 1
    first = feedback[0].worksheets[0]["A1"].value
    assert first == (
        "PHẢN HỒI DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO – XÓM KHUÔN THÍNH THƯỢNG – KHU TÁI ĐỊNH CƯ "
        "– THÁNG 5/2024"
    )


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Nà Mòn", "xóm Nà Mòn"),
        ("Bản Lanh", "xóm Bản Lanh"),
        ("Tổng Mòn", "xóm Tổng Mòn"),
        ("Xóm Đồng Mỏ – Làng Mới", "Xóm Đồng Mỏ – Làng Mới"),
        ("Tổ dân phố số 12", "Tổ dân phố số 12"),
        ("THÔN 3", "THÔN 3"),
        ("Khu phố 2", "Khu phố 2"),
    ],
)
def test_with_unit_adds_xom_only_to_a_name_without_its_own_unit_word(name, said):
    assert with_unit(name) == said


@pytest.fixture(scope="module")
def merged_commune(tmp_path_factory):
    """The 45-hamlet sample, May only: lists of about 1,000 poor and 750 near-poor households,
    some 40 printed pages."""
    base = tmp_path_factory.mktemp("merged45")
    generate_sample(base / "input", hamlets=45, seed=2024, months=1)
    result = execute(base / "input", base / "output", None)[0]
    return openpyxl.load_workbook(base / "output" / result.period / f"TongHop_{result.period}.xlsx")


@pytest.mark.parametrize("sheet", ["DS hộ nghèo", "DS hộ cận nghèo"])
def test_a_long_list_is_cut_at_the_same_rows_in_every_estimate(merged_commune, sheet):
    """Without breaks through the list, Excel's and LibreOffice's estimates drifted apart over
    its pages (36 to 42 pages, their last page starting at different rows), and LibreOffice
    printed the signature's names alone on a page after the list's last."""
    ws = merged_commune[sheet]
    layouts = page_starts(ws)
    assert len(ws.row_breaks.brk) >= 20
    assert all(layout == layouts[0] for layout in layouts)
    # The last page holds the list's last households and the whole signature block (a blank
    # row, then 'Ngày …' above the chairman's title, beside the preparer's).
    households = [r for r in range(1, ws.max_row + 1) if isinstance(ws.cell(r, 1).value, int)]
    last_household = households[-1]
    assert ws.cell(last_household + 3, 1).value == "NGƯỜI LẬP BIỂU"
    assert layouts[0][-1] <= last_household - 1
    assert problems(ws) == []
