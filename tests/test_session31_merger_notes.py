"""Session 31 (B2): the history's notes around a hamlet merged in the middle of the year.

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households); Bản Cọ's BC1-2 poor, BC3 near-poor (200); Đồng Kè (DK1 poor, DK2 near-poor) sends
nothing. The district's revised plan merges Bản Cọ into Nà Mòn (tests/test_session31_officer_year).
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date

from pipeline.history import HISTORY_FILE
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
from tests.test_session31_officer_year import merge_ban_co_into_na_mon, merged_may

# --- 1. the kept start list's note names the merger ------------------------------------------


def _kept_notes(language: str) -> list[str]:
    return [
        in_language(n, language) for n in NOTICES if "Danh sách hộ đầu năm" in in_language(n, "vi")
    ]


def _merged_may_bc3_untold(tmp_path, keep_april: bool = False):
    """April under the old plan, Bản Cọ's BC3 on no list; the merged plan; May."""
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
    merge_ban_co_into_na_mon(folder)
    for name in () if keep_april else ("NaMon_2024-04.xlsx", "BanCo_2024-04.xlsx"):
        (folder / name).unlink()
    rows = na + [person("BC1", "poor"), person("BC2", "poor")]
    write_roster(folder, "NaMon_2024-05.xlsx", "Nà Mòn", 300, rows, period="2024-05",
                 prepared=date(2024, 6, 3))  # fmt: skip
    execute(folder, out, "2024-05")
    return folder, out


def test_the_kept_start_lists_note_names_a_merged_hamlet_not_one_household(tmp_path):
    # April (the year's first stored month): Nà Mòn NM1-5, Bản Cọ BC1-2 (BC3 on the start list
    # but on no list: untold, so kept). The history keeps each hamlet's first household and the
    # untold ones: BC1, BC3, DK1, DK2 (Đồng Kè sent nothing), NM1. May, merged plan: Bản Cọ's
    # BC1-3 under Nà Mòn, NM1 its first; kept now BC3 (under Nà Mòn), DK1, DK2, NM1. Of the
    # rows kept one differs (BC3, by its hamlet): it said "khác danh sách đã lưu ở 1 hộ (BC3)"
    # of a hamlet of 3 start households (BC1-3) merged
    _merged_may_bc3_untold(tmp_path)
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


# --- 2. a month before the merger run with its own plan: the kept start list stays -----------


def _kept_rows(out) -> list[tuple]:
    with closing(sqlite3.connect(out / HISTORY_FILE)) as conn:
        return conn.execute(
            "SELECT hamlet, hh_key, status FROM households WHERE period = '2024-00' ORDER BY hh_key"
        ).fetchall()


def test_a_month_before_a_merger_run_with_its_own_plan_leaves_the_kept_start_list(tmp_path):
    # April (old plan; BC3 on no list), then the merged plan and May: the history keeps BC3
    # (under Nà Mòn), DK1, DK2, NM1 (test above). Nà Mòn's April list comes corrected (NM3
    # near-poor); April is run with its own plan, kept in its sources, as told: Nà Mòn 2 poor
    # (NM1, NM2) + Bản Cọ 2 (BC1, BC2) = 4. That run rewrote the kept list to the old plan's
    # (BC1 and BC3 under Bản Cọ: "khác ... ở 2 hộ (BC1, BC3)"), the next with the merged plan
    # back rewrote it again, and it named May as "consolidated under another plan, run it
    # again" with a command under the old plan. Now the kept list stays the merged plan's, May
    # is not named so, and the officer is told to put the new plan back before running May
    folder, out = _merged_may_bc3_untold(tmp_path, keep_april=True)
    kept_then = _kept_rows(out)
    assert kept_then == [
        ("Nà Mòn", "id|bc3", "near_poor"),
        ("Đồng Kè", "id|dk1", "poor"),
        ("Đồng Kè", "id|dk2", "near_poor"),
        ("Nà Mòn", "id|nm1", "poor"),
    ]
    rows = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "near_poor")]
    rows += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    write_roster(folder, "NaMon_2024-04.xlsx", "Nà Mòn", 100, rows, period="2024-04",
                 prepared=date(2024, 6, 20))  # fmt: skip
    kept = out / "2024-04" / "nguon" / "KeHoach_2024.xlsx"
    new_plan = (folder / "KeHoach_2024.xlsx").read_bytes()
    (folder / "KeHoach_2024.xlsx").write_bytes(kept.read_bytes())
    execute(folder, out, "2024-04")
    assert (
        json.loads((out / "2024-04" / "TongHop_2024-04.json").read_text("utf-8"))["totals"]["poor"]
        == 4
    )
    said = [in_language(n, "vi") for n in NOTICES]
    assert not [n for n in said if "theo kế hoạch khác" in n or "Danh sách hộ đầu năm" in n]
    older = [n for n in NOTICES if "kế hoạch cũ hơn" in in_language(n, "vi")]
    assert [in_language(n, "vi") for n in older] == [
        "Kỳ 04/2024 vừa được tính theo kế hoạch cũ hơn kế hoạch đã dùng cho kỳ 05/2024 (kế "
        "hoạch đó không còn xóm Bản Cọ): danh sách hộ đầu năm lưu trong lịch sử vẫn theo kế "
        "hoạch của các kỳ đó. Trước khi chạy lại các kỳ sau, hãy đặt tệp kế hoạch mới trở lại "
        "thư mục đầu vào (thay cho 'KeHoach_2024.xlsx')."
    ]
    assert in_language(older[0], "en") == (
        "Period 04/2024 was consolidated now under an older plan than the one used for 05/2024 "
        "(which no longer has hamlet(s) Bản Cọ): the start-of-year list the history keeps still "
        "follows those periods' plan. Before running the later periods again, put the new plan "
        "file back in the input folder (in place of 'KeHoach_2024.xlsx')."
    )
    # before the notice of the later months to run again, which gives the commands
    assert said.index(in_language(older[0], "vi")) + 1 == next(
        i for i, n in enumerate(said) if n.startswith("Các kỳ sau (05/2024)")
    )
    assert _kept_rows(out) == kept_then
    # the new plan back, May run again as told: the kept list read the same, nothing said
    (folder / "KeHoach_2024.xlsx").write_bytes(new_plan)
    execute(folder, out, "2024-05")
    said = [in_language(n, "vi") for n in NOTICES]
    assert not [n for n in said if "Danh sách hộ đầu năm" in n or "kế hoạch cũ hơn" in n]
    assert _kept_rows(out) == kept_then


def test_a_month_run_again_with_the_plan_of_the_later_months_is_no_older_plan(tmp_path):
    # May (merged) run again with the merged plan, April stored under the old one: the months
    # after May are none, and April is before it - nothing is "older"
    folder, out = merged_may(tmp_path, keep_april=True)
    execute(folder, out, "2024-05")
    assert not [n for n in NOTICES if "kế hoạch cũ hơn" in in_language(n, "vi")]
    # April run again with the merged plan on purpose (--replace, Bản Cọ dropped): May used
    # the same plan, so no plan is older
    execute(folder, out, "2024-04", replace=True)
    assert not [n for n in NOTICES if "kế hoạch cũ hơn" in in_language(n, "vi")]
