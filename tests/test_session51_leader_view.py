"""Session 51: a commune leader's year of consolidated workbooks, looked at page by page
(docs/decisions.md, "Session 51: ...")."""

from __future__ import annotations

import openpyxl

from tests.commune import new_commune, write_merged_plan, write_renamed_plan
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists

MERGED = "Xóm Nà Mòn: gồm cả xóm Bản Cọ (sáp nhập từ tháng 05/2024)."
RENAMED = "Xóm Đồng Kè Mới: trước đây là xóm Đồng Kè (đổi tên từ tháng 05/2024)."


def _column_a(out, period: str, sheet: str) -> list[str]:
    ws = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")[sheet]
    return [str(v) for (v,) in ws.iter_rows(min_col=1, max_col=1, values_only=True) if v]


def _row_of(out, period: str, hamlet: str) -> list:
    ws = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Theo xóm"]
    return next([c.value for c in r] for r in ws.iter_rows() if r[1].value == hamlet)


def test_a_hamlet_merged_into_another_is_said_on_tong_hop_and_theo_xom(tmp_path):
    """April: Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor; Bản Cọ BC1, BC2 poor, BC3 near-poor;
    Đồng Kè DK1 poor, DK2 near-poor (3/3 hamlets). The plan is written again with Bản Cọ
    merged into Nà Mòn (300 households, 5 poor, 3 near-poor at the start); May's Nà Mòn list
    holds both hamlets' rows. May's 'Tổng hợp' said "đủ 2/2 xóm" where April's said 3/3, and
    'Theo xóm' showed Nà Mòn at 300 households with no word of Bản Cọ: only 'Biến động' and
    'Xu hướng' said the merger. Now both sheets say it, in May and in June; April says
    nothing."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()}
    )
    write_merged_plan(folder)
    for period in ("2024-05", "2024-06"):
        by_name = run_lists(
            folder, out, period, {"Nà Mòn": na_mon_rows(*bc_rows()), "Đồng Kè": dk_rows()}
        )
        assert by_name["Nà Mòn"]["merged_since"] == {"Bản Cọ": "2024-05"}
        lines = _column_a(out, period, "Tổng hợp")
        assert "Số liệu tổng hợp đủ 2/2 xóm. " + MERGED in lines
        assert MERGED in _column_a(out, period, "Theo xóm")
        # the row the note is of: the start of both hamlets (100 + 200 households, 3 + 2 poor,
        # 2 + 1 near-poor), both hamlets' lists now (NM1-NM3, BC1, BC2; NM4, NM5, BC3)
        row = _row_of(out, period, "Nà Mòn")
        assert (row[9], row[10], row[12]) == (300, 5, 3)
        assert (row[4], row[6]) == (5, 3)
    april = _column_a(out, "2024-04", "Tổng hợp")
    assert "Số liệu tổng hợp đủ 3/3 xóm." in april
    assert not [
        line for line in april + _column_a(out, "2024-04", "Theo xóm") if "sáp nhập" in line
    ]


def test_a_hamlet_renamed_by_the_plan_is_said_with_its_former_name(tmp_path):
    """April under the plan's names; the plan then renames Đồng Kè 'Đồng Kè Mới' (its start
    list too), and May's list is written under the new name (DK1 poor, DK2 near-poor). Its row
    on 'Theo xóm' is the one a leader knew as Đồng Kè: said under the table and on
    'Tổng hợp'."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()}
    )
    write_renamed_plan(folder, {"Đồng Kè": "Đồng Kè Mới"})
    may = {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè Mới": dk_rows()}
    by_name = run_lists(folder, out, "2024-05", may)
    assert by_name["Đồng Kè Mới"]["renamed_from"] == [{"hamlet": "Đồng Kè", "period": "2024-05"}]
    assert "Số liệu tổng hợp đủ 3/3 xóm. " + RENAMED in _column_a(out, "2024-05", "Tổng hợp")
    assert RENAMED in _column_a(out, "2024-05", "Theo xóm")
    row = _row_of(out, "2024-05", "Đồng Kè Mới")
    assert (row[3], row[4], row[6]) == (150, 1, 1)  # Đồng Kè's 150 households, DK1, DK2


def test_past_a_few_hamlets_renamed_tong_hop_counts_the_rest(tmp_path, monkeypatch):
    """All three hamlets renamed by the plan (Nà Mòn Mới, Bản Cọ Trên, Đồng Kè Mới), the
    first page allowed one (a province's reorganisation renames hundreds, whose sentences
    would bury the page): 'Tổng hợp' says the first in the plan's order and counts the other
    3 − 1 = 2; 'Theo xóm' says all three under its table."""
    monkeypatch.setattr("pipeline.report.summary.MOST_CHANGES", 1)
    folder, out = new_commune(tmp_path)
    run_lists(
        folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()}
    )
    renamed = {"Nà Mòn": "Nà Mòn Mới", "Bản Cọ": "Bản Cọ Trên", "Đồng Kè": "Đồng Kè Mới"}
    write_renamed_plan(folder, renamed)
    may = {"Nà Mòn Mới": na_mon_rows(), "Bản Cọ Trên": bc_rows(), "Đồng Kè Mới": dk_rows()}
    run_lists(folder, out, "2024-05", may)
    said = [
        f"Xóm {new}: trước đây là xóm {old} (đổi tên từ tháng 05/2024)."
        for old, new in renamed.items()
    ]
    assert (
        f"Số liệu tổng hợp đủ 3/3 xóm. {said[0]} Còn 2 xóm khác đổi tên hoặc có xóm sáp nhập "
        "vào trong năm: xem ghi chú dưới bảng ở trang 'Theo xóm'."
    ) in _column_a(out, "2024-05", "Tổng hợp")
    notes = _column_a(out, "2024-05", "Theo xóm")
    assert [line for line in notes if line in said] == said
