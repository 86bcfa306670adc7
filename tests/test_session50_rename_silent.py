"""Session 50: a hamlet renamed by the plan in a month it sent nothing is said renamed from
that month on 'Xu hướng' (JSON ``renamed_from``), that month and after.

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households); Bản Cọ's BC1-2 poor, BC3 near-poor (200); Đồng Kè sends nothing. March: both
lists. April: the plan writes Nà Mòn 'Nà Mòn Mới'; only Bản Cọ sends. May: Nà Mòn Mới's list.
"""

from __future__ import annotations

from pipeline.run import execute
from tests.commune import new_commune
from tests.summaries import json_summary
from tests.test_session32_renames import hamlet_in_summary, na_mon_run, renamed_plan
from tests.test_session32_trend_notes import ban_co, lists_run, trend_texts


def _silent_in_the_rename_month(tmp_path):
    folder, out = new_commune(tmp_path)
    # March: Nà Mòn NM1-3 poor of 100 (3.0 %), Bản Cọ 2 poor of 200
    lists_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    (folder / "NaMon_2024-03.xlsx").unlink()
    renamed_plan(folder, "Nà Mòn Mới")
    ban_co(folder, "2024-04")
    execute(folder, out, "2024-04")
    return folder, out


def test_a_hamlet_renamed_in_a_month_it_sent_nothing_is_said_renamed_from_that_month(tmp_path):
    folder, out = _silent_in_the_rename_month(tmp_path)
    april = hamlet_in_summary(out, "2024-04", "Nà Mòn Mới")
    assert april["status"] == "missing"
    # April's trend row of Nà Mòn Mới holds March's point, Nà Mòn's: 3 / 100 = 3.0 %
    points = json_summary(out, "2024-04")["trend"]["hamlets"]["Nà Mòn Mới"]
    assert [(p["period"], p["poor_rate"]) for p in points] == [
        ("2024-03", 3.0),
        ("2024-04", None),
    ]
    # ... and says whose it is, April the first month consolidated under the new name
    assert april["renamed_from"] == [{"hamlet": "Nà Mòn", "period": "2024-04"}]
    said = "Xóm Nà Mòn Mới: số liệu tháng 03/2024 là của xóm Nà Mòn (đổi tên từ tháng 04/2024)."
    assert trend_texts(out, "2024-04") == [said]
    assert "renamed_from" not in hamlet_in_summary(out, "2024-04", "Bản Cọ")
    # May, its list back (NM1-2 poor: 2.0 %): still renamed from April, not from May
    na_mon_run(folder, out, "2024-05", "Nà Mòn Mới", (3, 4, 5))
    may = hamlet_in_summary(out, "2024-05", "Nà Mòn Mới")
    assert may["poor"] == 2
    assert may["renamed_from"] == [{"hamlet": "Nà Mòn", "period": "2024-04"}]
    assert trend_texts(out, "2024-05") == [said]
