"""Session 50's read of its own pipeline diff (T26): the defects found, each proved by a case.

The small commune (tests.commune): the plan's start list Nà Mòn NM1-NM3 poor, NM4, NM5
near-poor; Bản Cọ BC1, BC2 poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor."""

from __future__ import annotations

from pipeline import history as hist
from pipeline.checkfiles import check_files
from pipeline.run import execute
from tests.april_may import write_unnamed
from tests.commune import new_commune, person, write_roster
from tests.summaries import json_summary

_UNNAMED = "DanhSach_2024-05.xlsx"


def test_a_list_naming_no_hamlet_in_the_communes_first_run_is_refused_not_a_traceback(tmp_path):
    """The commune's first run (no history stored yet), May: Nà Mòn lists NM1-NM3 poor, NM4
    near-poor (NM5 left off); Bản Cọ BC1, BC2 poor, BC3 near-poor; a list naming no hamlet
    ('Xóm' and title blank, 'DanhSach_2024-05.xlsx') lists NM5 near-poor. Before: a KeyError
    'status' (holding._month_codes filtered an empty frame of no stored month with an empty
    list, which pandas takes for a choice of columns) stopped the whole run. Now the list is
    refused, its refusal saying it holds 1 household (NM5) of Nà Mòn on the start list. Since
    session 51 its codes (1 of 1 Nà Mòn's, not on Nà Mòn's list) hold it apart ('holds-held'):
    Nà Mòn 'rejected' (its near-poor 1, NM4), the commune Bản Cọ alone: 2 poor, 1 near-poor
    (was Nà Mòn counted, NM5 exited: 3 + 2 = 5 and 1 + 1 = 2)."""
    folder, out = new_commune(tmp_path)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
                  person("NM4", "near_poor")])  # fmt: skip
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")])  # fmt: skip
    write_unnamed(folder, [person("NM5", "near_poor")])
    result, _, _ = execute(folder, out, "2024-05")
    [refused] = [i for i in result.issues if i.code == "missing-hamlet"]
    assert (refused.file, refused.variant, refused.instead) == (_UNNAMED, "holds-held", "Nà Mòn")
    assert "1 hộ (NM5) của xóm Nà Mòn (có trong danh sách đầu năm của xóm)" in refused.message("vi")
    summary = json_summary(out, "2024-05")
    hamlets = {h["hamlet"]: h for h in summary["hamlets"]}
    assert (hamlets["Nà Mòn"]["status"], hamlets["Nà Mòn"]["near_poor"]) == ("rejected", 1)
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (2, 1)


def test_check_of_a_list_naming_no_hamlet_before_any_run_says_what_it_holds(tmp_path):
    """`giamngheo check` of the same files before any run (no history store yet): before, the
    same KeyError 'status' (checkfiles._whose -> holding.unnamed_holding) was a traceback. Now
    the list is said as the run says it: 1 household (NM5) of Nà Mòn on its start list (held
    apart since session 51: 'holds-held')."""
    folder, out = new_commune(tmp_path)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
                  person("NM4", "near_poor")])  # fmt: skip
    write_unnamed(folder, [person("NM5", "near_poor")])
    store = hist.HistoryStore(out / hist.HISTORY_FILE, read_only=True)
    checked = check_files(sorted(folder.glob("*.xlsx")), history=store)
    [said] = [i for i in checked if i.code == "missing-hamlet"]
    assert (said.file, said.variant, said.instead) == (_UNNAMED, "holds-held", "Nà Mòn")
    assert "1 hộ (NM5) của xóm Nà Mòn (có trong danh sách đầu năm của xóm)" in said.message("vi")
