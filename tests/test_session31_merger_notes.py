"""Session 31 (B2): the history's notes around a hamlet merged in the middle of the year.

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households); Bản Cọ's BC1-2 poor, BC3 near-poor (200); Đồng Kè (DK1 poor, DK2 near-poor) sends
nothing. The district's revised plan merges Bản Cọ into Nà Mòn (tests/test_session31_officer_year).
"""

from __future__ import annotations

from datetime import date

from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import (
    PLAN_INFO,
    person,
    plan_hamlets,
    start_list,
    write_plan,
    write_roster,
)
from tests.test_session31_officer_year import _merge_ban_co_into_na_mon

# --- 1. the kept start list's note names the merger ------------------------------------------


def _kept_notes(language: str) -> list[str]:
    return [
        in_language(n, language) for n in NOTICES if "Danh sách hộ đầu năm" in in_language(n, "vi")
    ]


def test_the_kept_start_lists_note_names_a_merged_hamlet_not_one_household(tmp_path):
    # April (the year's first stored month): Nà Mòn NM1-5, Bản Cọ BC1-2 (BC3 on the start list
    # but on no list: untold, so kept). The history keeps each hamlet's first household and the
    # untold ones: BC1, BC3, DK1, DK2 (Đồng Kè sent nothing), NM1. May, merged plan: Bản Cọ's
    # BC1-3 under Nà Mòn, NM1 its first; kept now BC3 (under Nà Mòn), DK1, DK2, NM1. Of the
    # rows kept one differs (BC3, by its hamlet): it said "khác danh sách đã lưu ở 1 hộ (BC3)"
    # of a hamlet of 3 start households (BC1-3) merged
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    na = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    na += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    write_roster(folder, "NaMon_2024-04.xlsx", "Nà Mòn", 100, na, period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    write_roster(folder, "BanCo_2024-04.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor")], period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    execute(folder, out, "2024-04")
    _merge_ban_co_into_na_mon(folder)
    for name in ("NaMon_2024-04.xlsx", "BanCo_2024-04.xlsx"):
        (folder / name).unlink()
    rows = na + [person("BC1", "poor"), person("BC2", "poor")]
    write_roster(folder, "NaMon_2024-05.xlsx", "Nà Mòn", 300, rows, period="2024-05",
                 prepared=date(2024, 6, 3))  # fmt: skip
    execute(folder, out, "2024-05")
    assert _kept_notes("vi") == [
        "Danh sách hộ đầu năm 2024 lưu trong lịch sử (dùng để nhận ra hộ tái nghèo năm sau) đã "
        "được ghi lại theo kế hoạch 'KeHoach_2024.xlsx' của lần chạy này, khác danh sách đã "
        "lưu: xóm 'Bản Cọ' nay thuộc xóm 'Nà Mòn' (3 hộ trong danh sách đầu năm)."
    ]
    assert _kept_notes("en")[0].endswith(
        "differs from the one kept: hamlet 'Bản Cọ' is now part of hamlet 'Nà Mòn' (3 "
        "household(s) on the list)."
    )


def test_a_kept_row_that_differs_otherwise_is_still_said_beside_the_merger(tmp_path):
    # The same April; the revised plan merges Bản Cọ into Nà Mòn and corrects DK2 (Đồng Kè,
    # on no list, so kept) from near-poor to poor: the merger as above, then DK2 as before
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    na = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    na += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    write_roster(folder, "NaMon_2024-04.xlsx", "Nà Mòn", 100, na, period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    write_roster(folder, "BanCo_2024-04.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor")], period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    execute(folder, out, "2024-04")
    hamlets = [
        dict(h, start_households=300, start_poor=5, start_near_poor=3)
        if h["hamlet"] == "Nà Mòn"
        else dict(h, start_poor=h["start_poor"] + 1, start_near_poor=h["start_near_poor"] - 1)
        if h["hamlet"] == "Đồng Kè"
        else h
        for h in plan_hamlets()
        if h["hamlet"] != "Bản Cọ"
    ]
    start = [
        dict(r, hamlet="Nà Mòn")
        if r["hamlet"] == "Bản Cọ"
        else dict(r, phan_loai=person("DK2", "poor")["phan_loai"])
        if r["ma_ho"] == "DK2"
        else r
        for r in start_list()
    ]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)
    for name in ("NaMon_2024-04.xlsx", "BanCo_2024-04.xlsx"):
        (folder / name).unlink()
    rows = na + [person("BC1", "poor"), person("BC2", "poor")]
    write_roster(folder, "NaMon_2024-05.xlsx", "Nà Mòn", 300, rows, period="2024-05",
                 prepared=date(2024, 6, 3))  # fmt: skip
    execute(folder, out, "2024-05")
    assert _kept_notes("vi")[0].endswith(
        "khác danh sách đã lưu: xóm 'Bản Cọ' nay thuộc xóm 'Nà Mòn' (3 hộ trong danh sách đầu "
        "năm); và khác ở 1 hộ (DK2)."
    )
    assert _kept_notes("en")[0].endswith(
        "differs from the one kept: hamlet 'Bản Cọ' is now part of hamlet 'Nà Mòn' (3 "
        "household(s) on the list); and differs at 1 household(s) (DK2)."
    )
