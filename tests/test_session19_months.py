"""Session 19's QA over months: what the session added (class marks 'Đầu kỳ | Cuối kỳ', an
income in 'nghìn đồng', hidden rows, an .xls error cell) met by an officer running April, May
and June in turn, and May again with a corrected list (docs/decisions.md)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl

from pipeline import history as hist
from pipeline.output import NOTICES
from pipeline.run import execute
from tests import messy
from tests.biff import xls_from_xlsx
from tests.commune import past_targets, person, write_plan, write_roster
from tests.test_class_marks import full_two_times_sheet

PREPARED = {"2024-04": date(2024, 5, 3), "2024-05": date(2024, 6, 3), "2024-06": date(2024, 7, 2)}


def _list(folder: Path, name: str, hamlet: str, total: int, rows, period: str) -> Path:
    return write_roster(folder, name, hamlet, total, rows, period=period, prepared=PREPARED[period])


def _april(folder: Path) -> None:
    """The plan (start list: Nà Mòn NM1-3 poor, NM4-5 near-poor; Bản Cọ BC1-2 poor, BC3
    near-poor; Đồng Kè DK1 poor, DK2 near-poor) and April's lists, all in the template: Nà Mòn
    and Bản Cọ as at the start; Đồng Kè's as an .xls whose DK2 class cell (I6) shows #DIV/0!."""
    write_plan(folder)
    _list(folder, "NaMon_T4.xlsx", "Nà Mòn", 100, [
        person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
        person("NM4", "near_poor"), person("NM5", "near_poor"),
    ], "2024-04")  # fmt: skip
    _list(folder, "BanCo_T4.xlsx", "Bản Cọ", 200,
          [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")],
          "2024-04")  # fmt: skip
    dong_ke = _list(folder, "DongKe_T4.xlsx", "Đồng Kè", 150,
                    [person("DK1", "poor"), person("DK2", "near_poor")], "2024-04")  # fmt: skip
    book = openpyxl.load_workbook(dong_ke)
    book["Danh sách"]["I6"] = "#DIV/0!"
    book.save(dong_ke)
    xls_from_xlsx(dong_ke, folder / "DongKe_T4.xls")
    dong_ke.unlink()


def _may(folder: Path) -> None:
    """May: Nà Mòn switches to 'Phân loại hộ' over 'Đầu kỳ | Cuối kỳ', each over 'Hộ nghèo |
    Hộ cận nghèo' (no exit column), its income in 'nghìn đồng': NM1 poor -> poor, NM2 poor ->
    near-poor, NM3 poor at the start only (left; 2.000 nghìn đồng, above the line), NM4 near ->
    near, NM5 near -> poor, NM6 at the end only (new poor). Bản Cọ as in April, BC2's row
    hidden (row 6). Đồng Kè as an .xlsx, DK2's class written."""
    rows = [
        ("NM1", "Hộ nghèo", "Hộ nghèo", 1200, (4, 9, 10)),
        ("NM2", "Hộ nghèo", "Hộ cận nghèo", 1200, ()),
        ("NM3", "Hộ nghèo", None, 2000, ()),
        ("NM4", "Hộ cận nghèo", "Hộ cận nghèo", 1200, ()),
        ("NM5", "Hộ cận nghèo", "Hộ nghèo", 1200, (4, 9, 10)),
        ("NM6", None, "Hộ nghèo", 1200, (4, 9, 10)),
    ]
    sheet = full_two_times_sheet(rows)
    sheet.put(2, 9, "Thu nhập BQ (nghìn đồng/người/tháng)")
    info = messy.info_values("Nà Mòn", "05/2024", 100, prepared_on=PREPARED["2024-05"])
    messy.write_book(folder / "NaMon_T5.xlsx", [messy.info_sheet(info), sheet])
    ban_co = _list(folder, "BanCo_T5.xlsx", "Bản Cọ", 200,
                   [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")],
                   "2024-05")  # fmt: skip
    book = openpyxl.load_workbook(ban_co)
    book["Danh sách"].row_dimensions[6].hidden = True
    book.save(ban_co)
    _list(folder, "DongKe_T5.xlsx", "Đồng Kè", 150,
          [person("DK1", "poor"), person("DK2", "near_poor")], "2024-05")  # fmt: skip


def _june(folder: Path) -> None:
    """June: Nà Mòn back in the template, NM3 (left in May) no longer written; Bản Cọ's BC2
    unhidden, still poor; Đồng Kè unchanged."""
    _list(folder, "NaMon_T6.xlsx", "Nà Mòn", 100, [
        person("NM1", "poor"), person("NM2", "near_poor"), person("NM4", "near_poor"),
        person("NM5", "poor"), person("NM6", "poor"),
    ], "2024-06")  # fmt: skip
    _list(folder, "BanCo_T6.xlsx", "Bản Cọ", 200,
          [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")],
          "2024-06")  # fmt: skip
    _list(folder, "DongKe_T6.xlsx", "Đồng Kè", 150,
          [person("DK1", "poor"), person("DK2", "near_poor")], "2024-06")  # fmt: skip


def _moves(table: dict | None) -> dict | None:
    """A movements table without its zeros."""
    if table is None:
        return None
    return {side: {k: v for k, v in counts.items() if v} for side, counts in table.items()}


def _hamlets(summary: dict) -> dict:
    return {h["hamlet"]: (h["poor"], h["near_poor"], _moves(h["movements"]),
                          _moves(h["movements_month"])) for h in summary["hamlets"]}  # fmt: skip


def test_a_quarter_with_the_sessions_layouts_moves_as_worked_out_by_hand(tmp_path):
    """By hand, month by month.
    April (no month before it): Nà Mòn 3/2 and Bản Cọ 2/1 as at the start; Đồng Kè 1 poor, DK2
    not counted (its class cell shows #DIV/0!, said at I6 of the .xls).
    May against April: Nà Mòn poor 3 - NM2 to near-poor - NM3 exited (its 'Đầu kỳ' mark only)
    + NM5 from near-poor + NM6 new = 3; near-poor 2 - NM5 + NM2 = 2 (the same since the start,
    April being the start); Bản Cọ 2/1 with BC2 hidden, counted and told at B6; Đồng Kè's DK2
    counted again: 'recounted' against April (not new), nothing since the start.
    June against May: nothing moves; NM3, which left in May and is no longer written, is no
    vanished household; since the start Nà Mòn's table is May's.
    Commune: April 6 poor, 3 near-poor; May 6 and 4; June 6 and 4 (trend and history alike)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    _april(folder)
    april = execute(folder, out, "2024-04")[0]
    assert _hamlets(april.summary) == {
        "Nà Mòn": (3, 2, {"poor": {"start": 3, "end": 3}, "near_poor": {"start": 2, "end": 2}},
                   None),
        "Bản Cọ": (2, 1, {"poor": {"start": 2, "end": 2}, "near_poor": {"start": 1, "end": 1}},
                   None),
        "Đồng Kè": (1, 0, {"poor": {"start": 1, "end": 1},
                           "near_poor": {"start": 1, "not_counted": 1}}, None),
    }  # fmt: skip
    said = [(i.code, i.file, i.cell, i.value) for i in past_targets(april.issues)]
    assert said == [("cell-error-value", "DongKe_T4.xls", "I6", "#DIV/0!")]

    _may(folder)
    may = execute(folder, out, "2024-05")[0]
    na_mon = {
        "poor": {"start": 3, "to_near_poor": 1, "exited": 1, "from_near_poor": 1, "new": 1,
                 "end": 3},
        "near_poor": {"start": 2, "to_poor": 1, "from_poor": 1, "end": 2},
    }  # fmt: skip
    same = {"poor": {"start": 2, "end": 2}, "near_poor": {"start": 1, "end": 1}}
    assert _hamlets(may.summary) == {
        "Nà Mòn": (3, 2, na_mon, na_mon),
        "Bản Cọ": (2, 1, same, same),
        "Đồng Kè": (1, 1, {"poor": {"start": 1, "end": 1}, "near_poor": {"start": 1, "end": 1}},
                    {"poor": {"start": 1, "end": 1},
                     "near_poor": {"recounted": 1, "end": 1}}),
    }  # fmt: skip
    said = [(i.code, i.file, i.cell, i.value) for i in past_targets(may.issues)]
    assert said == [("rows-hidden", "BanCo_T5.xlsx", "B6", "dòng 6")]
    incomes = may.households.set_index("ma_ho").loc[["NM1", "NM3"], "thu_nhap"].tolist()
    assert incomes == [1_200_000, 2_000_000]  # 'nghìn đồng' read in đồng
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")
    listed = {(r[2], r[5], r[8]) for r in book["Biến động"].iter_rows(values_only=True)
              if r[2] in ("NM3", "DK2")}  # fmt: skip
    assert listed == {
        ("NM3", "Thoát nghèo", "Từ đầu năm"),
        ("NM3", "Thoát nghèo", "So với tháng trước"),
        ("DK2", "Tính lại (dòng đã sửa lỗi)", "So với tháng trước"),
    }  # fmt: skip

    _june(folder)
    june = execute(folder, out, "2024-06")[0]
    quiet = {"poor": {"start": 3, "end": 3}, "near_poor": {"start": 2, "end": 2}}
    assert _hamlets(june.summary)["Nà Mòn"] == (3, 2, na_mon, quiet)
    assert _hamlets(june.summary)["Bản Cọ"] == (2, 1, same, same)
    assert past_targets(june.issues) == []
    trend = [(t["period"], t["poor"], t["near_poor"]) for t in june.summary["trend"]["commune"]]
    assert trend == [("2024-04", 6, 3), ("2024-05", 6, 4), ("2024-06", 6, 4)]
    stored = hist.HistoryStore(out / hist.HISTORY_FILE).periods()
    assert [(p["period"], p["totals"]["poor"], p["totals"]["near_poor"]) for p in stored] == trend
    written = json.loads((out / "2024-06" / "TongHop_2024-06.json").read_text("utf-8"))
    assert _hamlets(written) == _hamlets(june.summary)


def test_may_corrected_after_june_asks_for_june_again_which_then_sees_a_return(tmp_path):
    """After April, May (BC2 hidden, still 'Hộ nghèo') and June (BC2 unhidden, poor), Bản Cọ's
    head corrects May: BC2 left, written 'Thoát'. May again: Bản Cọ poor 2 - 1 exited = 1
    (since the start and against April); the run says June was made from May's old figures.
    June again: BC2 poor after leaving in May: new and returned against May (1 + 1 = 2), no
    movement since the start. Commune poor: 6, 5, 6."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    _april(folder)
    _may(folder)
    _june(folder)
    for month in ("2024-04", "2024-05", "2024-06"):
        execute(folder, out, month)
    _list(folder, "BanCo_T5.xlsx", "Bản Cọ", 200,
          [person("BC1", "poor"), person("BC2", "exited"), person("BC3", "near_poor")],
          "2024-05")  # fmt: skip
    NOTICES.clear()
    may = execute(folder, out, "2024-05")[0]
    left = {"poor": {"start": 2, "exited": 1, "end": 1}, "near_poor": {"start": 1, "end": 1}}
    assert _hamlets(may.summary)["Bản Cọ"] == (1, 1, left, left)
    assert any(str(n).startswith("Các kỳ sau (06/2024) đã được tổng hợp") for n in NOTICES)
    june = execute(folder, out, "2024-06")[0]
    assert _hamlets(june.summary)["Bản Cọ"] == (
        2, 1, {"poor": {"start": 2, "end": 2}, "near_poor": {"start": 1, "end": 1}},
        {"poor": {"start": 1, "new": 1, "returned": 1, "end": 2},
         "near_poor": {"start": 1, "end": 1}},
    )  # fmt: skip
    trend = [(t["period"], t["poor"]) for t in june.summary["trend"]["commune"]]
    assert trend == [("2024-04", 6), ("2024-05", 5), ("2024-06", 6)]
