"""Session 31 (A2): an officer's year after a plan revision (QA), the bugs it found.

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households); Bản Cọ's BC1-2 poor, BC3 near-poor (200); Đồng Kè sends nothing. April is run
with both lists; then the district's revised plan merges Bản Cọ into Nà Mòn (one targets row,
BC1-3 on Nà Mòn's start list), and May's Nà Mòn list holds both hamlets' households.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import FatalError, execute
from pipeline.template import write_plan_workbook
from tests.commune import (
    PLAN_INFO,
    person,
    plan_hamlets,
    start_list,
    write_merged_plan,
    write_plan,
    write_roster,
)
from tests.summaries import json_summary


def write_april(folder, out) -> None:
    na = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    na += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "NaMon_2024-04.xlsx", "Nà Mòn", 100, na, period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    write_roster(folder, "BanCo_2024-04.xlsx", "Bản Cọ", 200, ban, period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    execute(folder, out, "2024-04")


def merge_ban_co_into_na_mon(folder) -> None:
    """The revised plan: Bản Cọ's row gone from the targets table (Nà Mòn's start figures summed),
    its start households BC1-3 under 'Nà Mòn' on the start list."""
    write_merged_plan(folder)  # 100 + 200 households, 3 + 2 poor, 2 + 1 near-poor


def merged_may(tmp_path, keep_april: bool = False):
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_april(folder, out)
    merge_ban_co_into_na_mon(folder)
    for name in () if keep_april else ("NaMon_2024-04.xlsx", "BanCo_2024-04.xlsx"):
        (folder / name).unlink()
    rows = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    rows += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    rows += [person("BC1", "poor"), person("BC2", "near_poor"), person("BC3", "near_poor")]
    write_roster(folder, "NaMon_2024-05.xlsx", "Nà Mòn", 300, rows, period="2024-05",
                 prepared=date(2024, 6, 3))  # fmt: skip
    execute(folder, out, "2024-05")
    return folder, out


def _nonzero(moves: dict) -> dict:
    return {kind: {k: v for k, v in moves[kind].items() if v} for kind in ("poor", "near_poor")}


# --- 1. the month after a merger: the merged hamlet's households are no move-ins -------------


def test_the_month_after_a_merger_compares_the_merged_hamlets_households_with_last_month(
    tmp_path,
):
    # April: Nà Mòn 3 poor + 2 near-poor, Bản Cọ 2 poor + 1 near-poor; the commune 5 poor, 3
    # near-poor. May (merged): NM1-3 poor, NM4-5 near-poor, BC1 poor, BC2 poor -> near-poor,
    # BC3 near-poor. Since April, Nà Mòn (with Bản Cọ's April rows): poor 3 + 2 = 5, 1 to
    # near-poor, 4 at the end; near-poor 2 + 1 = 3, 1 from poor, 4. It was: poor 3, 1 "moved
    # in" (BC1), 4; near-poor 2, 2 "moved in" (BC2, BC3), 4: BC2's change hidden, and the
    # commune's start of the month 3 poor against April's reported 5
    _, out = merged_may(tmp_path)
    summary = json_summary(out, "2024-05")
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    expected = {
        "poor": {"start": 5, "to_near_poor": 1, "end": 4},
        "near_poor": {"start": 3, "from_poor": 1, "end": 4},
    }
    assert _nonzero(na_mon["movements_month"]) == expected
    assert na_mon["movements_month_from"] is None  # last month's lists, not the plan's
    assert _nonzero(summary["totals"]["movements_month"]) == expected
    # the year's movements were right already (the plan's start list has BC1-3 under Nà Mòn)
    assert _nonzero(na_mon["movements"]) == expected


# --- 2. the months before a merger are not told to be run again with the merged plan --------


def test_the_months_before_a_merger_are_not_told_to_be_run_again_with_the_merged_plan(tmp_path):
    # May, after the merger: April (Nà Mòn 100 households, 3 poor, 2 near-poor at the start;
    # Bản Cọ counted) differs from the plan now (Nà Mòn 300, 5, 3). The notice told the officer
    # to run April again ("Nếu kế hoạch đã được sửa, hãy chạy lại lần lượt từng kỳ: … --period
    # 2024-04; …"), every month from then on, though that run is refused (Bản Cọ is no longer in
    # the plan): April was consolidated before the merger, under the plan of its time
    folder, out = merged_may(tmp_path, keep_april=True)
    assert [n for n in NOTICES if "theo kế hoạch khác" in in_language(n, "vi")] == []
    with pytest.raises(FatalError) as refused:
        execute(folder, out, "2024-04")
    assert "(Bản Cọ) không có trong kế hoạch đang dùng" in in_language(refused.value.args[0], "vi")


def test_a_plan_corrected_without_a_merger_is_still_told(tmp_path):
    # The control: April run, then the plan's Nà Mòn start figures corrected (100 -> 120
    # households), no hamlet gone: the notice names April and the command, as before
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_april(folder, out)
    hamlets = [dict(h, start_households=120) if h["hamlet"] == "Nà Mòn" else h
               for h in plan_hamlets()]  # fmt: skip
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start_list())
    rows = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    rows += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    write_roster(folder, "NaMon_2024-05.xlsx", "Nà Mòn", 120, rows, period="2024-05",
                 prepared=date(2024, 6, 3))  # fmt: skip
    execute(folder, out, "2024-05")
    said = [in_language(n, "vi") for n in NOTICES if "theo kế hoạch khác" in in_language(n, "vi")]
    assert len(said) == 1
    assert said[0].startswith(
        "Kỳ 04/2024 đã được tổng hợp theo kế hoạch khác với kế hoạch đang dùng "
        "('KeHoach_2024.xlsx'): xóm Nà Mòn, cột 'Tổng số hộ đầu năm' lúc đó là 100, nay là 120."
    )
    assert "--period 2024-04" in said[0]


# --- 3. a month before the merger run again: the refusal points to the plan it used ----------


def test_a_month_before_a_merger_run_again_is_pointed_to_the_plan_it_used(tmp_path):
    # The officer wrote the revised plan over KeHoach_2024.xlsx; April's list of Nà Mòn is
    # corrected (NM3 near-poor) after May was run, and May's notice says to run April again.
    # The refusal said "move the new plan out" - then no plan is left and the run stops for
    # that. April's plan is kept in its sources ('ra/2024-04/nguon/KeHoach_2024.xlsx'): it is
    # named, and the run with it works: Nà Mòn 2 poor (NM1, NM2) + Bản Cọ 2 = 4 poor
    folder, out = merged_may(tmp_path, keep_april=True)
    kept = out / "2024-04" / "nguon" / "KeHoach_2024.xlsx"
    with pytest.raises(FatalError) as refused:
        execute(folder, out, "2024-04")
    assert in_language(refused.value.args[0], "vi").endswith(
        "Để tính lại kỳ này theo kế hoạch cũ, hãy tạm thay tệp 'KeHoach_2024.xlsx' trong thư "
        f"mục đầu vào bằng bản kế hoạch đã dùng khi đó (được giữ ở '{kept}'), chạy lại, rồi đặt "
        "tệp kế hoạch mới trở lại; nếu thật sự muốn tính lại kỳ này theo kế hoạch mới (bỏ các "
        "xóm đó), chạy lại với --replace."
    )
    assert in_language(refused.value.args[0], "en").endswith(
        f"To consolidate this period again under the old plan, put the plan that period used "
        f"(kept as '{kept}') in place of 'KeHoach_2024.xlsx' in the input folder for the run, "
        "then put the new plan back; to consolidate it under the new plan (without those "
        "hamlets) on purpose, run again with --replace."
    )
    rows = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "near_poor")]
    rows += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    write_roster(folder, "NaMon_2024-04.xlsx", "Nà Mòn", 100, rows, period="2024-04",
                 prepared=date(2024, 6, 20))  # fmt: skip
    new_plan = (folder / "KeHoach_2024.xlsx").read_bytes()
    (folder / "KeHoach_2024.xlsx").write_bytes(kept.read_bytes())
    execute(folder, out, "2024-04")
    (folder / "KeHoach_2024.xlsx").write_bytes(new_plan)
    assert json_summary(out, "2024-04")["totals"]["poor"] == 4


# --- 4. the trend keeps a renamed hamlet's points from before the rename, every month after ---


def _na_mon(folder, period: str, hamlet: str, nm3: str, prepared: date) -> None:
    rows = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", nm3)]
    rows += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    write_roster(folder, f"NaMon_{period}.xlsx", hamlet, 100, rows, period=period,
                 prepared=prepared)  # fmt: skip


def test_the_trend_keeps_a_renamed_hamlets_points_before_the_rename_in_later_months(tmp_path):
    # March run with 'Nà Mòn' (NM1-3 poor, NM4-5 near-poor, of 100: 3.0 % and 2.0 %); the plan
    # renames it 'Nà Mòn Mới'; April and May under the new name with NM3 near-poor (2.0 %,
    # 3.0 %). April's trend has March's point (last month's rename is known then); May's had
    # none: March has no row of 'Nà Mòn Mới' and April, last month, has it, so no rename was
    # looked for. May's point of March is April's trend's: 3.0 % and 2.0 %
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    _na_mon(folder, "2024-03", "Nà Mòn", "poor", date(2024, 4, 3))
    execute(folder, out, "2024-03")
    hamlets = [dict(h, hamlet="Nà Mòn Mới") if h["hamlet"] == "Nà Mòn" else h
               for h in plan_hamlets()]  # fmt: skip
    start = [dict(r, hamlet="Nà Mòn Mới") if r["hamlet"] == "Nà Mòn" else r for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)
    (folder / "NaMon_2024-03.xlsx").unlink()
    march = {"period": "2024-03", "poor_rate": 3.0, "near_poor_rate": 2.0}
    for period, prepared in (("2024-04", date(2024, 5, 3)), ("2024-05", date(2024, 6, 3))):
        _na_mon(folder, period, "Nà Mòn Mới", "near_poor", prepared)
        execute(folder, out, period)
        points = json_summary(out, period)["trend"]["hamlets"]["Nà Mòn Mới"]
        assert points[0] == march, period
        assert points[-1] == {"period": period, "poor_rate": 2.0, "near_poor_rate": 3.0}


# --- 5. a renamed hamlet refused last month is compared with its latest list, under the old name


def test_a_renamed_hamlet_refused_last_month_is_compared_with_its_list_under_the_old_name(
    tmp_path,
):
    # April: 'Nà Mòn' NM1-3 and NM5 poor, NM4 near-poor (the start list has NM5 near-poor), with
    # Bản Cọ. The plan renames it; May's list still writes 'Nà Mòn' (refused), Bản Cọ's sent.
    # June under 'Nà Mòn Mới': NM1, NM2, NM5 poor, NM3 and NM4 near-poor. Its latest list is
    # April's, under the old name: since then poor 4, 1 to near-poor, 3; near-poor 1, 1 from
    # poor, 2 ('from' 2024-04). It was set beside the plan's start list ('from' 'plan': poor 3,
    # 1 to near-poor, 1 from near-poor, 3), months of changes said again
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]

    def lists(period: str, hamlet: str, rows: list[dict], prepared: date) -> None:
        write_roster(folder, f"NaMon_{period}.xlsx", hamlet, 100, rows, period=period,
                     prepared=prepared)  # fmt: skip
        write_roster(folder, f"BanCo_{period}.xlsx", "Bản Cọ", 200, [dict(r) for r in ban],
                     period=period, prepared=prepared)  # fmt: skip

    april = [person(f"NM{i}", "poor") for i in (1, 2, 3, 5)] + [person("NM4", "near_poor")]
    lists("2024-04", "Nà Mòn", april, date(2024, 5, 3))
    execute(folder, out, "2024-04")
    hamlets = [dict(h, hamlet="Nà Mòn Mới") if h["hamlet"] == "Nà Mòn" else h
               for h in plan_hamlets()]  # fmt: skip
    start = [dict(r, hamlet="Nà Mòn Mới") if r["hamlet"] == "Nà Mòn" else r for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)
    (folder / "NaMon_2024-04.xlsx").unlink()
    lists("2024-05", "Nà Mòn", [dict(r) for r in april], date(2024, 6, 3))
    execute(folder, out, "2024-05")
    assert next(h for h in json_summary(out, "2024-05")["hamlets"]
                if h["hamlet"] == "Nà Mòn Mới")["status"] == "rejected"  # fmt: skip
    (folder / "NaMon_2024-05.xlsx").unlink()
    june = [person(f"NM{i}", "poor") for i in (1, 2, 5)]
    june += [person("NM3", "near_poor"), person("NM4", "near_poor")]
    lists("2024-06", "Nà Mòn Mới", june, date(2024, 7, 3))
    execute(folder, out, "2024-06")
    na_mon = next(h for h in json_summary(out, "2024-06")["hamlets"] if h["hamlet"] == "Nà Mòn Mới")
    assert na_mon["movements_month_from"] == "2024-04"
    assert _nonzero(na_mon["movements_month"]) == {
        "poor": {"start": 4, "to_near_poor": 1, "end": 3},
        "near_poor": {"start": 1, "from_poor": 1, "end": 2},
    }


# --- 6. the merged hamlet's trend before the merger is over both hamlets ----------------------


def test_the_merged_hamlets_trend_before_the_merger_is_over_both_hamlets(tmp_path):
    # April: Nà Mòn 3 poor, 2 near-poor of 100; Bản Cọ 2 poor, 1 near-poor of 200. Merged, May's
    # Nà Mòn (300) 4 poor, 4 near-poor. Its trend's April point was Nà Mòn's alone (3.0 %,
    # 2.0 %) beside a merged start (5/300) and May (4/300): now both hamlets' April counts,
    # (3 + 2) / (100 + 200) = 1.6667 % poor, (2 + 1) / 300 = 1.0 % near-poor; in June too
    # (June's Nà Mòn list as May's)
    folder, out = merged_may(tmp_path)
    april = json_summary(out, "2024-05")["trend"]["hamlets"]["Nà Mòn"][0]
    assert april["period"] == "2024-04"
    assert abs(april["poor_rate"] - 500 / 300) < 1e-9
    assert abs(april["near_poor_rate"] - 1.0) < 1e-9
    rows = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    rows += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    rows += [person("BC1", "poor"), person("BC2", "near_poor"), person("BC3", "near_poor")]
    write_roster(folder, "NaMon_2024-06.xlsx", "Nà Mòn", 300, rows, period="2024-06",
                 prepared=date(2024, 7, 3))  # fmt: skip
    execute(folder, out, "2024-06")
    points = json_summary(out, "2024-06")["trend"]["hamlets"]["Nà Mòn"]
    assert [p["period"] for p in points] == ["2024-04", "2024-05", "2024-06"]
    assert abs(points[0]["poor_rate"] - 500 / 300) < 1e-9
    assert abs(points[1]["poor_rate"] - 400 / 300) < 1e-9
    # Bản Cọ has no row now: no trend of its own (as for any hamlet gone from the plan)
    assert "Bản Cọ" not in json_summary(out, "2024-06")["trend"]["hamlets"]


# --- 7. a late list of a month before the merger: the notice says how to run it --------------


def test_a_late_list_of_a_month_before_a_merger_is_told_with_the_plan_that_month_used(tmp_path):
    # After May (merged), Nà Mòn's April list comes again corrected (NM3 near-poor). May run
    # again: the notice said "hãy chạy lại: giamngheo run --period 2024-04", a run refused (Bản
    # Cọ is gone from the plan). It now says to run April with April's plan, kept in its
    # sources, and how; done so, April counts the correction: 2 + 2 = 4 poor
    folder, out = merged_may(tmp_path, keep_april=True)
    rows = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "near_poor")]
    rows += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    write_roster(folder, "NaMon_2024-04.xlsx", "Nà Mòn", 100, rows, period="2024-04",
                 prepared=date(2024, 6, 20))  # fmt: skip
    execute(folder, out, "2024-05")
    kept = out / "2024-04" / "nguon" / "KeHoach_2024.xlsx"
    said = [n for n in NOTICES if "Có danh sách kỳ 04/2024" in in_language(n, "vi")]
    assert [in_language(n, "vi") for n in said] == [
        "Có danh sách kỳ 04/2024 của xóm Nà Mòn ('NaMon_2024-04.xlsx') khác với tệp đã dùng khi "
        "tổng hợp kỳ đó (có thể là bản sửa). Để tính lại kỳ đó, hãy chạy lại kỳ đó với kế hoạch "
        "đã dùng khi đó (kỳ 04/2024 được tổng hợp trước khi kế hoạch bỏ hoặc gộp xóm Bản Cọ): "
        "tạm thay tệp 'KeHoach_2024.xlsx' trong thư mục đầu vào bằng bản được giữ ở "
        f"'{kept}', chạy lại kỳ đó, rồi đặt tệp kế hoạch mới trở lại. Lệnh chạy lại kỳ đó: "
        "giamngheo run --period 2024-04"
    ]
    assert in_language(said[0], "en").endswith(
        "run that period again with the plan it used (04/2024 was consolidated before the plan "
        f"dropped or merged Bản Cọ): put the copy kept as '{kept}' in place of "
        "'KeHoach_2024.xlsx' in the input folder, run it again, then put the new plan back. To "
        "run that period again: giamngheo run --period 2024-04"
    )
    new_plan = (folder / "KeHoach_2024.xlsx").read_bytes()
    (folder / "KeHoach_2024.xlsx").write_bytes(kept.read_bytes())
    execute(folder, out, "2024-04")
    (folder / "KeHoach_2024.xlsx").write_bytes(new_plan)
    assert json_summary(out, "2024-04")["totals"]["poor"] == 4
