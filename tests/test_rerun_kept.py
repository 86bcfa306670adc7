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
    assert [n for n in NOTICES if n.startswith("Số liệu kỳ")] == [
        "Số liệu kỳ 05/2024 khác lần tổng hợp trước của kỳ này: toàn xã hộ nghèo 3 → 2, hộ cận "
        "nghèo 0 → 1; xóm có số liệu thay đổi: Nà Mòn. Nếu đã gửi báo cáo kỳ này, hãy gửi lại "
        "bản mới. Số liệu lần trước vẫn được lưu trong lịch sử."
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
        "103; xóm có số liệu thay đổi: Nà Mòn. Nếu đã gửi báo cáo kỳ này, hãy gửi lại bản mới. "
        "Số liệu lần trước vẫn được lưu trong lịch sử."
    ]
    assert len(list((out / "2024-05").glob("nguon-cu-*"))) == 1
