"""'Biến động''s table 'so với tháng trước' in the month of a hamlet merger says that the merged
hamlet's last-month column holds the hamlet merged into it too, as 'Xu hướng' says of its
points (session 48's officer's-eye audit, rendered in LibreOffice)."""

from __future__ import annotations

import openpyxl

from tests.commune import write_merged_plan
from tests.test_session43_mergers import april_and_may

NOTE = "Xóm Nà Mòn: số liệu tháng 04/2024 gồm cả xóm Bản Cọ (sáp nhập từ tháng 05/2024)."


def test_the_month_table_of_a_merger_says_last_months_column_holds_both_hamlets(tmp_path):
    """April: Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor; Bản Cọ BC1, BC2, BC4 poor, BC3, BC5
    near-poor; Đồng Kè DK1 poor, DK2 near-poor. May's plan merges Bản Cọ into Nà Mòn. Nà Mòn's
    'Tháng 4/2024' column reads 6 poor and 4 near-poor: its April list's 3 and 2 with Bản Cọ's
    3 and 2, where April's own report showed Nà Mòn with 3 and 2. The note under the month
    tables says so; the year's tables (from the plan's start list, already merged) have none."""
    by_name = april_and_may(tmp_path, write_merged_plan)
    assert by_name["Nà Mòn"]["merged_since"] == {"Bản Cọ": "2024-05"}
    ws = openpyxl.load_workbook(tmp_path / "ra" / "2024-05" / "TongHop_2024-05.xlsx")["Biến động"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    month = next(i for i, r in enumerate(rows) if str(r[0]).startswith("II. BIẾN ĐỘNG SO VỚI"))
    firsts = [r[:4] for r in rows[month:] if r[1] == "Nà Mòn" and r[2] == "Đã tổng hợp"]
    assert firsts == [[1, "Nà Mòn", "Đã tổng hợp", 6], [1, "Nà Mòn", "Đã tổng hợp", 4]]
    notes = [r[0] for r in rows if r[0] == NOTE]
    assert len(notes) == 1
    at = next(i for i, r in enumerate(rows) if r[0] == NOTE)
    assert at > month and rows[at - 1][0].startswith("Cột 11 = 1 − 2")
