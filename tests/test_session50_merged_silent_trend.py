"""Session 50: a hamlet merged by the plan into one that sent nothing in the merger month has
its trend's months before the merger over both hamlets, said merged from that month on 'Xu
hướng' (JSON ``merged_from``, ``merged_since``), that month and after; the month's and the
year's tables stay as before (baselines._merges_said reads no merger a silent month says).

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households); Bản Cọ's BC1-2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150).
March: Nà Mòn's and Bản Cọ's lists. April: the plan merges Bản Cọ into Nà Mòn (300 households,
5 poor, 3 near-poor); only Đồng Kè sends. May, June: the merged list (NM1-3, BC1 poor, NM4-5,
BC2-3 near-poor of 300).
"""

from __future__ import annotations

from datetime import date

from pipeline.run import execute
from tests.commune import new_commune, person, write_merged_plan, write_roster
from tests.summaries import json_summary
from tests.test_session24_other_files import other_rows, set_info
from tests.test_session31_heads_qa import moves
from tests.test_session32_renames import hamlet_in_summary
from tests.test_session32_trend_notes import lists_run, merged_run, trend_texts

SAID = "Xóm Nà Mòn: số liệu tháng 03/2024 gồm cả xóm Bản Cọ (sáp nhập từ tháng 04/2024)."


def _points(out, period: str) -> list[tuple]:
    """Nà Mòn's trend points of ``period``'s JSON: (month, poor rate, near-poor rate), rounded."""
    points = json_summary(out, period)["trend"]["hamlets"]["Nà Mòn"]
    return [(p["period"], *(None if p[k] is None else round(p[k], 4)
                            for k in ("poor_rate", "near_poor_rate"))) for p in points]  # fmt: skip


def silent_in_the_merger_month(tmp_path):
    folder, out = new_commune(tmp_path)
    # March: Nà Mòn NM1-3 poor, NM4-5 near-poor of 100; Bản Cọ BC1-2 poor, BC3 near-poor of 200
    lists_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    write_merged_plan(folder)
    rows = [person("DK1", "poor"), person("DK2", "near_poor")]
    write_roster(folder, "DongKe_2024-04.xlsx", "Đồng Kè", 150, rows, period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    execute(folder, out, "2024-04")
    return folder, out


def test_a_hamlet_merged_into_one_silent_in_the_merger_month_has_its_months_over_both(tmp_path):
    folder, out = silent_in_the_merger_month(tmp_path)
    april = hamlet_in_summary(out, "2024-04", "Nà Mòn")
    assert april["status"] == "missing"
    # March's point of Nà Mòn over both, as its start is (5 / 300): (3 + 2) / (100 + 200) =
    # 1.6667 %, near-poor (2 + 1) / 300 = 1.0 %; before, Nà Mòn's alone: 3 / 100 = 3.0 %, 2.0 %
    assert _points(out, "2024-04") == [("2024-03", 1.6667, 1.0), ("2024-04", None, None)]
    assert april["merged_from"] == ["Bản Cọ"]
    assert april["merged_since"] == {"Bản Cọ": "2024-04"}
    assert trend_texts(out, "2024-04") == [SAID]  # before: no note
    # May, the merged list: 4 poor, 4 near-poor of 300 (1.3333 %); the merger still from April
    # (before: 'từ tháng 05/2024')
    merged_run(folder, out, "2024-05")
    may = hamlet_in_summary(out, "2024-05", "Nà Mòn")
    assert (may["poor"], may["near_poor"]) == (4, 4)
    assert may["merged_since"] == {"Bản Cọ": "2024-04"}
    assert _points(out, "2024-05") == [
        ("2024-03", 1.6667, 1.0),
        ("2024-04", None, None),
        ("2024-05", 1.3333, 1.3333),
    ]
    assert trend_texts(out, "2024-05") == [SAID]


def test_the_merger_said_by_the_silent_month_changes_no_table(tmp_path):
    """May against both March lists: poor NM1-3, BC1-2 = 5, BC2 to near-poor, 4 left; near-poor
    NM4-5, BC3 = 3 and BC2 = 4; the year's table from the start list likewise (5 → 4, 3 → 4).
    June against May's list: 4 = 4 poor, 4 = 4 near-poor (its months read the merger as May's
    lists did: the silent April says it to the trend alone)."""
    folder, out = silent_in_the_merger_month(tmp_path)
    merged_run(folder, out, "2024-05")
    may = hamlet_in_summary(out, "2024-05", "Nà Mòn")
    month = {"poor": {"start": 5, "to_near_poor": 1, "end": 4},
             "near_poor": {"start": 3, "from_poor": 1, "end": 4}}  # fmt: skip
    assert moves(may, "movements_month") == month
    assert moves(may) == month
    merged_run(folder, out, "2024-06")
    june = hamlet_in_summary(out, "2024-06", "Nà Mòn")
    assert moves(june, "movements_month") == {
        "poor": {"start": 4, "end": 4},
        "near_poor": {"start": 4, "end": 4},
    }
    assert moves(june) == month
    assert june["merged_since"] == {"Bản Cọ": "2024-04"}
    assert trend_texts(out, "2024-06") == [SAID]


def test_a_merged_hamlets_earlier_lists_are_summed_up_by_month_on_nop_bao_cao(tmp_path):
    """May's 'Nộp báo cáo', other files: March's lists of Nà Mòn and Bản Cọ (merged into Nà
    Mòn in April, counted in March) are one row, as two plan hamlets' lists are: 2 files of 2
    hamlets. Before, Bản Cọ's, a name the plan lacks now, kept a row of its own and Nà Mòn's,
    alone in its month then, too. A list of March naming a hamlet never merged ('Xóm Không
    Có') keeps its own row; Đồng Kè's April list, alone in its month, its own (the files to
    see to by name first, the months' rows after)."""
    folder, out = silent_in_the_merger_month(tmp_path)
    set_info(folder / "BanCo_2024-03.xlsx", "B3", "Xóm Không Có", folder / "XomLa_2024-03.xlsx")
    merged_run(folder, out, "2024-05")
    rows = [r[1:4] for r in other_rows(out / "2024-05" / "TongHop_2024-05.xlsx")]
    assert rows == [
        ("Đồng Kè", "Khác kỳ (tháng 4/2024): tính vào kỳ đó", "DongKe_2024-04.xlsx"),
        ("Xóm Không Có", "Khác kỳ (tháng 3/2024)", "XomLa_2024-03.xlsx"),
        (
            "2 xóm",
            "Khác kỳ (tháng 3/2024): 2 tệp của 2 xóm, tính vào kỳ đó",
            "BanCo_2024-03.xlsx\nNaMon_2024-03.xlsx",
        ),
    ]
