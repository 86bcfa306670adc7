"""A month run again with a hamlet's corrected list (session 18): the sources behind the
figures it replaces are kept, and the officer is told which figures changed."""

from __future__ import annotations

import hashlib
from datetime import date

from pipeline import history as hist
from pipeline.output import NOTICES
from pipeline.run import execute
from tests.commune import person, write_plan, write_roster


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_corrected_list_under_the_same_name_keeps_the_one_counted_before(tmp_path):
    """May: Nà Mòn NM1, NM2 poor (102 households), Bản Cọ BC1 poor. Nà Mòn's head sends a
    corrected list under the same file name (NM2 near-poor); the officer copies it over the
    old one and runs May again. The commune's poor go 3 → 2 and near-poor 0 → 1; the file that
    gave the first figures (perhaps already reported) is kept in 'nguon-cu-…', not deleted."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    write_plan(folder)
    first = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102,
                         [person("NM1", "poor"), person("NM2", "poor")])  # fmt: skip
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    old_digest = _sha(first)
    result = execute(folder, out, "2024-05")[0]
    assert (result.summary["totals"]["poor"], result.summary["totals"]["near_poor"]) == (3, 0)
    NOTICES.clear()
    assert list((out / "2024-05").glob("nguon-cu-*")) == []

    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102,
                 [person("NM1", "poor"), person("NM2", "near_poor")],
                 prepared=date(2024, 6, 9))  # fmt: skip
    assert _sha(first) != old_digest
    result = execute(folder, out, "2024-05")[0]
    assert (result.summary["totals"]["poor"], result.summary["totals"]["near_poor"]) == (2, 1)
    month = out / "2024-05"
    [kept] = month.glob("nguon-cu-*")
    assert sorted(p.name for p in kept.iterdir()) == [
        "BanCo.xlsx",
        "KeHoach_2024.xlsx",
        "NaMon.xlsx",
    ]
    assert _sha(kept / "NaMon.xlsx") == old_digest  # the list behind the first figures
    assert _sha(month / "nguon" / "NaMon.xlsx") == _sha(first)
    kept_notice = [n for n in NOTICES if n.startswith("Bản sao tệp nguồn trước đó")]
    assert kept_notice == [
        "Bản sao tệp nguồn trước đó của kỳ này (1 tệp nay được thay bằng bản khác cùng tên: "
        f"NaMon.xlsx) được giữ trong '{kept}'."
    ]
    # 8, not 9: a household poor to near-poor is said once, not again as "near-poor from poor"
    # (session 32 QA)
    assert [n for n in NOTICES if n.startswith("Số liệu kỳ")] == [
        "Số liệu kỳ 05/2024 khác lần tổng hợp trước của kỳ này: toàn xã hộ nghèo 3 → 2, hộ cận "
        "nghèo 0 → 1, tỷ lệ hộ nghèo 0,99 % → 0,66 %, tỷ lệ hộ cận nghèo 0,00 % → 0,33 %, mức "
        "giảm tỷ lệ hộ nghèo 0,67 → 1,00 điểm và 8 số liệu khác; xóm có số liệu thay đổi: Nà "
        "Mòn. Nếu đã gửi báo cáo kỳ này, hãy gửi lại bản mới. Số liệu lần trước vẫn được lưu "
        "trong lịch sử; xem các lần chạy của kỳ này: giamngheo history --period 2024-05"
    ]
    # the replaced run's figures are still in the history's runs
    store = hist.HistoryStore(out / hist.HISTORY_FILE)
    assert store.periods()[0]["totals"]["poor"] == 2
    import json
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(store.path)) as conn:
        summaries = [
            json.loads(s) for (s,) in conn.execute("SELECT summary FROM runs ORDER BY run_id")
        ]
    assert [s["totals"]["poor"] for s in summaries] == [3, 2]


def test_a_month_run_again_unchanged_keeps_nothing_and_says_nothing(tmp_path):
    """The same files run twice: no copy kept, no figures said to have changed (a hamlet's
    households changed alone are said: 102 → 103 households, the lists unchanged)."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    execute(folder, out, "2024-05")
    NOTICES.clear()
    execute(folder, out, "2024-05")
    assert list((out / "2024-05").glob("nguon-cu-*")) == []
    assert not [n for n in NOTICES if n.startswith(("Bản sao tệp nguồn", "Số liệu kỳ"))]

    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 103, [person("NM1", "poor")],
                 prepared=date(2024, 6, 9))  # fmt: skip
    NOTICES.clear()
    execute(folder, out, "2024-05")
    assert [n for n in NOTICES if n.startswith("Số liệu kỳ")] == [
        "Số liệu kỳ 05/2024 khác lần tổng hợp trước của kỳ này: toàn xã số hộ dân cư 102 → "
        "103, tỷ lệ hộ nghèo 0,98 % → 0,97 %, tỷ lệ nghèo đa chiều 0,98 % → 0,97 %, mức giảm tỷ "
        "lệ hộ nghèo 2,02 → 2,03 điểm, tiến độ chỉ tiêu hộ nghèo 132,87 % → 133,50 %; xóm có số "
        "liệu thay đổi: Nà Mòn. Nếu đã gửi báo cáo kỳ này, hãy gửi lại bản mới. Số liệu lần "
        "trước vẫn được lưu trong lịch sử; xem các lần chạy của kỳ này: "
        "giamngheo history --period 2024-05"
    ]
    assert len(list((out / "2024-05").glob("nguon-cu-*"))) == 1


def test_a_target_above_the_start_rate_asks_for_a_rate_of_0_not_below(tmp_path):
    """The test commune: 450 households, 6 poor at the start (1.3333 %), 4 near-poor
    (0.8889 %); targets 1.52 and 1.01 points, above both start rates. November, Nà Mòn and Bản Cọ
    (300 households, start 5 poor = 1.6667 %, 3 near-poor = 1.0 %): the straight-line path asks
    1.6667 − 1.52 × 11/12 = 0.2733 % poor and 1.0 − 1.01 × 11/12 = 0.0742 % near-poor; the
    year-end poor target is 1.6667 − 1.52 = 0.1467 %. December, the three hamlets: the path
    would be 1.3333 − 1.52 = −0.1867 % and 0.8889 − 1.01 = −0.1211 %; it is 0 (every
    household off the list), in the JSON's trend and in 'Tổng hợp'."""
    import openpyxl
    import pytest

    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    write_plan(folder)
    for period, prepared in (("2024-11", date(2024, 12, 3)), ("2024-12", date(2025, 1, 3))):
        month = period[5:]
        write_roster(folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, [person("NM1", "poor")],
                     period=period, prepared=prepared)  # fmt: skip
        write_roster(folder, f"BanCo_{month}.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                     period=period, prepared=prepared)  # fmt: skip
    write_roster(folder, "DongKe_12.xlsx", "Đồng Kè", 150, [person("DK1", "poor")],
                 period="2024-12", prepared=date(2025, 1, 3))  # fmt: skip
    first = execute(folder, out, "2024-11")[0].summary
    path = {m["period"]: m for m in first["trend"]["commune"]}
    assert path["2024-11"]["poor_target_rate"] == pytest.approx(5 / 3 - 1.52 * 11 / 12)
    assert path["2024-11"]["near_poor_target_rate"] == pytest.approx(1.0 - 1.01 * 11 / 12)
    summary = execute(folder, out, "2024-12")[0].summary
    path = {m["period"]: m for m in summary["trend"]["commune"]}
    # December's one path from its start over the three hamlets (session 52): November's
    # 1.3333 − 1.52 × 11/12 = −0.06 and 0.8889 − 1.01 × 11/12 = −0.037 are 0 too.
    assert [path[p]["poor_target_rate"] for p in ("2024-11", "2024-12")] == [0.0, 0.0]
    assert [path[p]["near_poor_target_rate"] for p in ("2024-11", "2024-12")] == [0.0, 0.0]
    book = openpyxl.load_workbook(out / "2024-12" / "TongHop_2024-12.xlsx", data_only=True)
    cells = [c for row in book["Tổng hợp"].iter_rows() for c in row]
    [head] = [c for c in cells if c.value == "Mục tiêu toàn xã cuối năm 2024"]
    sheet = book["Tổng hợp"]
    assert [sheet.cell(head.row + i, head.column).value for i in (1, 2, 3)] == [0, 0, 0]
    notes = [c.value for c in cells if isinstance(c.value, str) and "mục tiêu cuối năm" in c.value]
    assert notes and all("mục tiêu cuối năm 2024: 0,00 %" in n for n in notes)
    november = openpyxl.load_workbook(out / "2024-11" / "TongHop_2024-11.xlsx", data_only=True)
    cells = [c for row in november["Tổng hợp"].iter_rows() for c in row]
    [head] = [c for c in cells if c.value == "Mục tiêu toàn xã cuối năm 2024"]
    value = november["Tổng hợp"].cell(head.row + 1, head.column).value
    assert value == pytest.approx(5 / 3 - 1.52)


def test_the_trend_sheets_year_end_target_stops_at_0_as_its_path_does(tmp_path):
    """Session 37 (audit): 'Xu hướng''s row 'Mục tiêu cuối năm 2024' was start rate − target
    unclamped, though session 18 stopped the path and 'Tổng hợp''s target at 0. May, Nà Mòn
    (100 households, start 3 poor, 2 near-poor) and Bản Cọ (200, 2 poor, 1 near-poor) sent,
    Đồng Kè not: start 5/300 = 1.6667 % poor and 3/300 = 1.0 % near-poor; targets 1.52 and
    1.01 points. The year-end targets are 1.6667 − 1.52 = 0.1467 % poor and 1.0 − 1.01 =
    −0.01 % near-poor, shown 0 (every near-poor household off the list), not −0.01."""
    import openpyxl
    import pytest

    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, [person("NM1", "poor")])
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    execute(folder, out, "2024-05")
    sheet = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", data_only=True)[
        "Xu hướng"
    ]
    [row] = [r for r in sheet.iter_rows(values_only=True) if r[0] == "Mục tiêu cuối năm 2024"]
    # Tháng | Số hộ | Hộ nghèo | Tỷ lệ | Lộ trình | Hộ cận nghèo | Tỷ lệ | Lộ trình
    assert row[1:4] == (None, None, None) and row[5:7] == (None, None)
    assert row[4] == pytest.approx(5 / 3 - 1.52)
    assert row[7] == 0
