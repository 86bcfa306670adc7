"""Session 31 (A): a hamlet renamed in the plan, then an earlier month's list sent again.

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor; Bản Cọ's
BC1-2 poor, BC3 near-poor; Đồng Kè sends nothing. April is run with 'Nà Mòn'; then the plan (its
targets table and its start list) writes 'Nà Mòn Mới', and the head sends April's list again
under the new name with NM3 now near-poor, with May's.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import FatalError, execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_plan, write_roster

NEW = "Nà Mòn Mới"


def _lists(folder, period: str, na_mon: str, prepared: date, nm3: str = "poor", only=None):
    na = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", nm3)]
    na += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    for name, hamlet, total, rows in (("NaMon", na_mon, 100, na), ("BanCo", "Bản Cọ", 200, ban)):
        if only in (None, name):
            write_roster(folder, f"{name}_{period}.xlsx", hamlet, total, rows, period=period,
                         prepared=prepared)  # fmt: skip


def plan(folder, names: dict[str, str], dropped: str | None = None) -> None:
    """The plan again, its hamlets (targets table and start list) renamed by ``names`` and
    ``dropped`` left out of both."""
    hamlets = [dict(h, hamlet=names.get(h["hamlet"], h["hamlet"])) for h in plan_hamlets()]
    start = [dict(r, hamlet=names.get(r["hamlet"], r["hamlet"])) for r in start_list()]
    hamlets = [h for h in hamlets if h["hamlet"] != dropped]
    start = [r for r in start if r["hamlet"] != dropped]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)


def _renamed_then_may(tmp_path):
    """April run under 'Nà Mòn'; the plan renamed; April's Nà Mòn list sent again under the new
    name (NM3 near-poor); May run."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    _lists(folder, "2024-04", "Nà Mòn", date(2024, 5, 3))
    execute(folder, out, "2024-04")
    plan(folder, {"Nà Mòn": NEW})
    _lists(folder, "2024-04", NEW, date(2024, 5, 20), nm3="near_poor", only="NaMon")
    _lists(folder, "2024-05", NEW, date(2024, 6, 3))
    execute(folder, out, "2024-05")
    return folder, out


def _said(word: str, lang: str = "vi") -> list[str]:
    return [in_language(n, lang) for n in NOTICES if word in in_language(n, "vi")]


# --- 1. the late-file notice finds the renamed hamlet's April by its old name ------------------


def test_a_renamed_hamlets_earlier_list_sent_again_is_told_by_both_names(tmp_path):
    # April's stored summary has 'Nà Mòn' (ok), the list now names 'Nà Mòn Mới': looked up by
    # the new name alone it was found nowhere and nothing was said. NM1-5, stored under 'Nà Mòn'
    # in April, are all under 'Nà Mòn Mới' on the plan's start list (5 of 5): a rename
    _renamed_then_may(tmp_path)
    assert _said("Có danh sách kỳ 04/2024") == [
        "Có danh sách kỳ 04/2024 của xóm Nà Mòn Mới (trước đây: Nà Mòn) ('NaMon_2024-04.xlsx') "
        "khác với tệp đã dùng khi tổng hợp kỳ đó (có thể là bản sửa). Để tính lại kỳ đó, hãy "
        "chạy lại: giamngheo run --period 2024-04"
    ]
    assert _said("Có danh sách kỳ 04/2024", "en") == [
        "There is a 04/2024 list of Nà Mòn Mới (formerly Nà Mòn) ('NaMon_2024-04.xlsx') other "
        "than the file that period's run used (a corrected copy?). To count that period again, "
        "run again: giamngheo run --period 2024-04"
    ]


def test_a_renamed_hamlet_missing_then_is_told_as_a_list_of_a_month_it_sent_nothing(tmp_path):
    # April run with Bản Cọ alone (Nà Mòn missing, so no row of April holds 'Nà Mòn'); the kept
    # start list (2024-00) holds Nà Mòn's start households under 'Nà Mòn' (the rows April does
    # not say): NM1-5 are found under 'Nà Mòn Mới' on the plan's list now, 5 of 5
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    _lists(folder, "2024-04", "Nà Mòn", date(2024, 5, 3), only="BanCo")
    execute(folder, out, "2024-04")
    plan(folder, {"Nà Mòn": NEW})
    _lists(folder, "2024-04", NEW, date(2024, 5, 20), only="NaMon")
    _lists(folder, "2024-05", NEW, date(2024, 6, 3))
    execute(folder, out, "2024-05")
    assert _said("Có danh sách kỳ 04/2024") == [
        "Có danh sách kỳ 04/2024 của xóm Nà Mòn Mới (trước đây: Nà Mòn) ('NaMon_2024-04.xlsx'), "
        "kỳ mà khi tổng hợp xóm chưa nộp hoặc bị từ chối. Để tính vào kỳ đó, hãy chạy lại: "
        "giamngheo run --period 2024-04"
    ]


# --- 2. April run again after the rename: its Nà Mòn is taken as Nà Mòn Mới --------------------


def test_the_earlier_month_run_again_after_a_rename_is_stored_under_the_new_name(tmp_path):
    # April again, from the plan that writes 'Nà Mòn Mới': it used to be refused ("… không có
    # trong kế hoạch đang dùng … (bỏ các xóm đó) …") though nothing was dropped. Now April's
    # Nà Mòn Mới: NM1, NM2 poor (2), NM3-5 near-poor (3); the commune 2 + 2 = 4 poor (was 5),
    # 3 + 1 = 4 near-poor (was 3), of 450 households: 4/450 = 0.89 %
    folder, out = _renamed_then_may(tmp_path)
    execute(folder, out, "2024-04")
    summary = json.loads((out / "2024-04" / "TongHop_2024-04.json").read_text("utf-8"))
    hamlets = {h["hamlet"]: h for h in summary["hamlets"]}
    assert sorted(hamlets) == ["Bản Cọ", NEW, "Đồng Kè"]
    assert (hamlets[NEW]["poor"], hamlets[NEW]["near_poor"]) == (2, 3)
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (4, 4)
    assert _said("đổi tên xóm") == [
        "Kỳ 04/2024 đã được tổng hợp trước khi kế hoạch 'KeHoach_2024.xlsx' đổi tên xóm ('Nà "
        "Mòn' nay ghi là 'Nà Mòn Mới'): số liệu kỳ này của xóm được ghi lại dưới tên mới. Số "
        "liệu lần trước vẫn được lưu trong lịch sử; xem các lần chạy của kỳ này: "
        "giamngheo history --period 2024-04"
    ]
    assert _said("đổi tên xóm", "en") == [
        "Period 04/2024 was consolidated before the plan 'KeHoach_2024.xlsx' renamed the hamlet "
        "('Nà Mòn' is now written 'Nà Mòn Mới'): its figures of this period are now stored "
        "under the new name. The previous figures stay in the history; to see this period's runs: "
        "giamngheo history --period 2024-04"
    ]
    # the figures that changed name the hamlet by both names, once (not 'Nà Mòn Mới, Nà Mòn')
    (changed,) = _said("khác lần tổng hợp trước")
    assert changed.startswith("Số liệu kỳ 04/2024 khác lần tổng hợp trước của kỳ này: toàn xã "
                              "hộ nghèo 5 → 4, hộ cận nghèo 3 → 4,")  # fmt: skip
    assert "; xóm có số liệu thay đổi: Nà Mòn Mới (trước đây: Nà Mòn). Nếu" in changed
    (changed_en,) = _said("khác lần tổng hợp trước", "en")
    assert "hamlets whose figures changed: Nà Mòn Mới (formerly Nà Mòn). If" in changed_en
    # the run replaced stays in the history: April run twice, May once
    assert [p for p, _, _ in HistoryStore(out / HISTORY_FILE).reruns()] == [
        "2024-04",
        "2024-05",
        "2024-04",
    ]


def test_the_renamed_hamlet_without_a_file_is_refused_by_both_names(tmp_path):
    # April again with Nà Mòn's list taken out of the folder: the renamed hamlet has no file,
    # so April would lose it; refused as a hamlet without a file (copy the sources back), by
    # both names, not as a hamlet gone from the plan
    folder, out = _renamed_then_may(tmp_path)
    (folder / "NaMon_2024-04.xlsx").unlink()
    with pytest.raises(FatalError) as refused:
        execute(folder, out, "2024-04")
    said = in_language(refused.value.args[0], "vi")
    assert said.startswith(
        "Kỳ 04/2024 đã được tổng hợp với 2 xóm; lần chạy này không có tệp của 1 xóm trong số đó "
        "(Nà Mòn Mới (trước đây: Nà Mòn)), nên chương trình không ghi đè kết quả cũ."
    )
    assert "(Nà Mòn Mới (formerly Nà Mòn))" in in_language(refused.value.args[0], "en")


def test_the_earlier_month_run_again_with_its_list_under_the_old_name_is_refused_as_a_rename(
    tmp_path,
):
    # April's own lists kept in the folder, Nà Mòn's still writing 'Nà Mòn' in 'Xóm' (B3 of
    # 'Thông tin'), the plan renamed: the list is refused as a hamlet the plan lacks, so April
    # would be stored without NM1-5 (300 → 200 households). Refused, said as the rename, the
    # cell to correct; nothing stored (April run once)
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    _lists(folder, "2024-04", "Nà Mòn", date(2024, 5, 3))
    execute(folder, out, "2024-04")
    plan(folder, {"Nà Mòn": NEW})
    with pytest.raises(FatalError) as refused:
        execute(folder, out, "2024-04")
    assert in_language(refused.value.args[0], "vi") == (
        "Kỳ 04/2024 đã được tổng hợp trước khi kế hoạch 'KeHoach_2024.xlsx' đổi tên xóm; danh "
        "sách kỳ này vẫn ghi tên cũ ở 'Xóm' nên chưa được tính: tệp 'NaMon_2024-04.xlsx' ghi "
        "'Nà Mòn' ở ô B3 trang 'Thông tin', kế hoạch nay ghi là 'Nà Mòn Mới'. Chương trình không "
        "ghi đè kết quả cũ. Hãy sửa ô 'Xóm' thành tên mới như trong kế hoạch rồi chạy lại; nếu "
        "thật sự muốn tính lại kỳ này không có các hộ đó, chạy lại với --replace."
    )
    assert in_language(refused.value.args[0], "en") == (
        "Period 04/2024 was consolidated before the plan 'KeHoach_2024.xlsx' renamed a hamlet; "
        "this period's list still writes the old name in 'Xóm', so it is not counted: file "
        "'NaMon_2024-04.xlsx' says 'Nà Mòn' in cell B3 of sheet 'Thông tin', which the plan now "
        "writes 'Nà Mòn Mới'. The old results are not overwritten. Write the new name, as the "
        "plan has it, in the 'Xóm' cell and run again; to consolidate this period without those "
        "households on purpose, run again with --replace."
    )
    assert [p for p, _, _ in HistoryStore(out / HISTORY_FILE).reruns()] == ["2024-04"]


# --- 3. a hamlet really dropped, merged or split is said as before ----------------------------------


@pytest.mark.parametrize("change", ["dropped", "merged", "split"])
def test_a_hamlet_dropped_merged_or_split_is_still_refused_as_gone_from_the_plan(tmp_path, change):
    # April with Nà Mòn and Bản Cọ; the plan then drops Bản Cọ (its start households BC1-3 on no
    # list now), merges it into Nà Mòn (BC1-3 under 'Nà Mòn', a hamlet April had already), or
    # splits it into 'Bản Cọ Trên' (BC1, BC2) and 'Bản Cọ Dưới' (BC3) (two new names): no
    # rename, April again is refused as before
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    _lists(folder, "2024-04", "Nà Mòn", date(2024, 5, 3))
    execute(folder, out, "2024-04")
    if change == "merged":
        _plan_without_second_na_mon(folder)
    elif change == "split":
        _plan_split(folder)
    else:
        plan(folder, {}, dropped="Bản Cọ")
    with pytest.raises(FatalError) as refused:
        execute(folder, out, "2024-04")
    said = in_language(refused.value.args[0], "vi")
    assert said.startswith(
        "Kỳ 04/2024 đã được tổng hợp với 2 xóm; 1 xóm trong số đó (Bản Cọ) không có trong kế "
        "hoạch đang dùng ('KeHoach_2024.xlsx')"
    )
    assert said.endswith("(bỏ các xóm đó), chạy lại với --replace.")
    assert not _said("đổi tên xóm")


def _plan_without_second_na_mon(folder) -> None:
    """The merged plan: one 'Nà Mòn' row in the targets table (Bản Cọ's row left out), the start
    list's BC1-3 under 'Nà Mòn'."""
    hamlets = [h for h in plan_hamlets() if h["hamlet"] != "Bản Cọ"]
    start = [dict(r, hamlet="Nà Mòn") if r["hamlet"] == "Bản Cọ" else r for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)


def _plan_split(folder) -> None:
    """Bản Cọ split: 'Bản Cọ Trên' (its targets row; BC1, BC2 on the start list) and 'Bản Cọ
    Dưới' (a row of its own; BC3)."""
    hamlets = []
    for h in plan_hamlets():
        if h["hamlet"] == "Bản Cọ":
            hamlets += [dict(h, hamlet="Bản Cọ Trên"), dict(h, hamlet="Bản Cọ Dưới")]
        else:
            hamlets.append(h)
    start = [
        dict(r, hamlet="Bản Cọ Dưới" if r["ma_ho"] == "BC3" else "Bản Cọ Trên")
        if r["hamlet"] == "Bản Cọ"
        else r
        for r in start_list()
    ]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)


# --- 4. the month after the rename is compared with last month's list under the old name ------


def _moves(out, period: str, hamlet: str, key: str) -> dict:
    summary = json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))
    figures = next(h for h in summary["hamlets"] if h["hamlet"] == hamlet)
    if figures[key] is None:  # no table: nothing to compare with
        return {"from": figures.get(f"{key}_from")}
    return {
        kind: {k: v for k, v in figures[key][kind].items() if v} for kind in ("poor", "near_poor")
    } | {"from": figures.get(f"{key}_from")}


def test_the_month_after_a_rename_is_compared_with_last_months_list_under_the_old_name(tmp_path):
    # April: NM1-3 and NM5 poor, NM4 near-poor (the start list has NM5 near-poor). Renamed, May
    # the same as April. Since April: 4 poor stay 4, 1 near-poor stays 1, nothing moved; it was
    # compared with the start list instead (NM5 "from near-poor", 'from': 'plan'). The trend's
    # April point of Nà Mòn Mới is Nà Mòn's: 4/100 = 4.0 % poor, 1/100 = 1.0 % near-poor
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)

    def na_mon(period: str, hamlet: str, prepared: date) -> None:
        rows = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
        rows += [person("NM4", "near_poor"), person("NM5", "poor")]
        write_roster(folder, f"NaMon_{period}.xlsx", hamlet, 100, rows, period=period,
                     prepared=prepared)  # fmt: skip

    na_mon("2024-04", "Nà Mòn", date(2024, 5, 3))
    execute(folder, out, "2024-04")
    plan(folder, {"Nà Mòn": NEW})
    (folder / "NaMon_2024-04.xlsx").unlink()
    na_mon("2024-05", NEW, date(2024, 6, 3))
    execute(folder, out, "2024-05")
    assert _moves(out, "2024-05", NEW, "movements_month") == {
        "poor": {"start": 4, "end": 4},
        "near_poor": {"start": 1, "end": 1},
        "from": None,
    }
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    assert summary["trend"]["hamlets"][NEW][0] == {
        "period": "2024-04",
        "poor_rate": 4.0,
        "near_poor_rate": 1.0,
    }


def test_without_a_start_list_the_year_is_counted_from_the_first_month_under_the_old_name(
    tmp_path,
):
    # No start list in the plan: the year starts at April, stored under 'Nà Mòn' (NM1-3 poor,
    # NM4-5 near-poor). Renamed in the targets table; May under 'Nà Mòn Mới' with NM3 near-poor.
    # Since the start of the year (April): 3 poor, 1 to near-poor, 2 at the end; 2 near-poor,
    # 1 from poor, 3 at the end; since April the same
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder, with_start_list=False)
    _lists(folder, "2024-04", "Nà Mòn", date(2024, 5, 3), only="NaMon")
    execute(folder, out, "2024-04")
    hamlets = [dict(h, hamlet=NEW) if h["hamlet"] == "Nà Mòn" else h for h in plan_hamlets()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, None)
    (folder / "NaMon_2024-04.xlsx").unlink()
    _lists(folder, "2024-05", NEW, date(2024, 6, 3), nm3="near_poor", only="NaMon")
    execute(folder, out, "2024-05")
    moved = {
        "poor": {"start": 3, "to_near_poor": 1, "end": 2},
        "near_poor": {"start": 2, "from_poor": 1, "end": 3},
    }
    assert _moves(out, "2024-05", NEW, "movements_month") == {**moved, "from": None}
    year = _moves(out, "2024-05", NEW, "movements")
    assert {k: year.get(k) for k in ("poor", "near_poor")} == moved


def test_a_hamlet_merged_into_one_missing_last_month_is_no_rename(tmp_path):
    # April: Nà Mòn and Bản Cọ sent, Đồng Kè missing (named in April's summary). The plan then
    # merges Bản Cọ into Đồng Kè (BC1-3 on its start list); May's Đồng Kè list: DK1, DK2,
    # BC1-3. Đồng Kè is no new name (April had it, missing): Bản Cọ's April rows are not taken
    # as Đồng Kè's, which is compared with its latest list, the plan's (as before)
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    _lists(folder, "2024-04", "Nà Mòn", date(2024, 5, 3))
    execute(folder, out, "2024-04")
    hamlets = [h for h in plan_hamlets() if h["hamlet"] != "Bản Cọ"]
    start = [dict(r, hamlet="Đồng Kè") if r["hamlet"] == "Bản Cọ" else r for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)
    (folder / "BanCo_2024-04.xlsx").unlink()
    rows = [person("DK1", "poor"), person("DK2", "near_poor")]
    rows += [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "DongKe_2024-05.xlsx", "Đồng Kè", 350, rows, period="2024-05",
                 prepared=date(2024, 6, 3))  # fmt: skip
    execute(folder, out, "2024-05")
    assert _moves(out, "2024-05", "Đồng Kè", "movements_month")["from"] == "plan"
