"""The cost of session 48's reading of last year's stored months for a list apart
(consolidate.StoredCodes, issue #6): last year's codes are read only where last year's months
had a hamlet the plan lacks that no month of the plan year keeps. A refused list whose codes
tell no hamlet by the start list, in a year whose plan has every hamlet last year had, reads
the plan year's codes alone (at a province, last year's twelve months of households are
millions of rows).

The small commune (tests.commune): October and November 2024 run with Nà Mòn, Bản Cọ and Đồng
Kè; the 2025 plan the same hamlets and start list. January 2025: the three lists, and one under
'Khuổi Đắc' (no plan hamlet) with two households new, KD1 and KD2."""

from __future__ import annotations

from pipeline.history import HistoryStore
from pipeline.run import execute
from tests.commune import new_commune, person, start_list, write_plan_2025, write_roster
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session47_mergers import bc5_rows


def test_no_hamlet_gone_reads_no_codes_of_last_year(tmp_path, monkeypatch):
    """January's refused 'Khuổi Đắc' list asks whose its codes are (none on the start list):
    the plan year's stored codes are read (2025), not last year's (before: 2025 and 2024,
    though every hamlet of 2024 is in the plan). Still the plain refusal; the three hamlets
    counted."""
    folder, out = new_commune(tmp_path)
    lists = {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc5_rows(), "Đồng Kè": dk_rows()}
    run_lists(folder, out, "2024-10", lists)
    run_lists(folder, out, "2024-11", lists)
    write_plan_2025(folder, (3, 2), ())
    assert {r["hamlet"] for r in start_list()} == {"Nà Mòn", "Bản Cọ", "Đồng Kè"}
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    for name, hamlet, total, rows in (
        ("NaMon_2025-01.xlsx", "Nà Mòn", 100, na_mon_rows()),
        ("BanCo_2025-01.xlsx", "Bản Cọ", 200, bc5_rows()),
        ("DongKe_2025-01.xlsx", "Đồng Kè", 150, dk_rows()),
        ("KhuoiDac_2025-01.xlsx", "Khuổi Đắc", 80,
         [person("KD1", "poor"), person("KD2", "near_poor")]),
    ):  # fmt: skip
        write_roster(folder, name, hamlet, total, rows, period="2025-01")
    asked: list[int] = []
    codes_of_year = HistoryStore.codes_of_year

    def counted(self, year):
        asked.append(year)
        return codes_of_year(self, year)

    monkeypatch.setattr(HistoryStore, "codes_of_year", counted)
    result, _, _ = execute(folder, out, "2025-01")
    assert asked == [2025]
    [issue] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (issue.file, issue.variant) == ("KhuoiDac_2025-01.xlsx", "")
    assert {h["hamlet"]: h["status"] for h in result.summary["hamlets"]} == {
        "Nà Mòn": "ok", "Bản Cọ": "ok", "Đồng Kè": "ok"}  # fmt: skip
