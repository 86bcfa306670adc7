"""Session 47: `check` of two months at a merger whose earlier month's commune's plan is unusable
(docs/decisions.md, "Session 47: a month checked apart whose run stops on its commune's plan
is checked as that run").

Session 25's merger of 1 July 2025 on the small commune (tests.commune): June run for Trung
Lương (Nà Mòn, Bản Cọ; KeHoach_2025.xlsx), July for Định Hóa (KeHoach_2025_DinhHoa.xlsx, saved
later, Khuôn Tát added), both plans kept; then Trung Lương's plan has its 'Xã' (B3) cleared
and a late list for June comes."""

from __future__ import annotations

from pipeline.checkfiles import check_files
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.messages import RunCommand, quoted
from pipeline.run import execute
from tests.test_session25_commune_merger import merger, write_merger_month
from tests.test_session45_year_turn_review import old_plan_unusable


def test_june_checked_with_july_is_said_as_junes_run_stops(tmp_path):
    """`check` of both months' files with the history. A run of June stops on Trung Lương's
    plan (Định Hóa's is not used in its place: session 45's review); `check` of June's files
    alone says so (session 46). With July's files given too, June's lists were checked with
    Định Hóa's plan, July's: Nà Mòn's and Bản Cọ's June lists were told to write 'Định Hóa' in
    'Xã' (June is Trung Lương's), and the plan's error was said as July's, without June's
    words. Now June's lists are checked as June's run takes them (no plan: nothing said of
    them), and the plan's error is said once, with June's run's words and the run of June to
    paste; July's lists and the plan set aside for July are said as before."""
    folder, out, _ = merger(tmp_path)  # June's lists there, July's too
    execute(folder, out, "2025-07")
    old_plan_unusable(folder)
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    found = check_files(sorted(folder.glob("*.xlsx")), "vi", history, None, RunCommand(folder, out))
    assert [(i.code, i.file) for i in found] == [
        ("commune-mismatch", "KT_2025-07.xlsx"),  # Khuôn Tát writes 'Phú Đình'
        ("commune-mismatch", "NM_2025-07.xlsx"),  # Nà Mòn still writes 'Trung Lương'
        ("plan-duplicate", "KeHoach_2025.xlsx"),
        ("plan-invalid", "KeHoach_2025.xlsx"),
    ]
    again = f"giamngheo run --input {quoted(str(folder))} --output {quoted(str(out))} --period"
    assert found[3].message("vi") == (
        "Kế hoạch không hợp lệ: ô 'Xã' trong trang 'Thông tin chung' đang trống. (Kỳ tháng "
        "6/2025 đã được tổng hợp theo xã 'Trung Lương' nhưng không có tệp kế hoạch nào của xã "
        "đó dùng được; kế hoạch 'KeHoach_2025_DinhHoa.xlsx' của xã 'Định Hóa' không được dùng "
        f"thay.) Hãy sửa tệp 'KeHoach_2025.xlsx' rồi chạy lại: {again} 2025-06"
    )
    assert (
        found[3]
        .message("en")
        .endswith(
            "(Month 6/2025 was consolidated for commune 'Trung Lương', but no plan of that commune "
            "can be used; plan 'KeHoach_2025_DinhHoa.xlsx' of commune 'Định Hóa' is not used in its "
            f"place.) Correct 'KeHoach_2025.xlsx' and run again: {again} 2025-06"
        )
    )
    # July's: Định Hóa's plan used, Trung Lương's (unreadable as a plan) set aside, said to be
    # unusable since session 65 (F; before: "… đã dùng 'KeHoach_2025_DinhHoa.xlsx'. Mỗi năm chỉ
    # để một tệp kế hoạch trong thư mục.")
    assert found[2].variant == "unusable"
    assert (
        found[2]
        .message("vi")
        .startswith(
            "Có nhiều hơn một tệp kế hoạch của cùng năm; đã dùng 'KeHoach_2025_DinhHoa.xlsx', không "
            "dùng tệp này: tệp này không dùng được làm kế hoạch "
        )
    )


def test_a_month_unsure_of_its_commune_checked_with_a_later_month_is_said_as_each_run(tmp_path):
    """The tool first used in July 2025 (both plans in the folder), July run for Định Hóa;
    May's lists of Trung Lương come late, May never run. A run of May says the history cannot
    tell May's commune (plan-duplicate 'commune-not-run-unsure' on Trung Lương's plan) and its
    lists 'former-unsure'; a run of July says 'former' to Nà Mòn's list still writing 'Trung
    Lương' ("from now on write 'Định Hóa'"). `check` of the folder with both months' lists
    took May by its plan alone (Định Hóa's, as July's): May was not checked apart, nothing
    said of its being unsure but its lists' 'former-unsure', which pointed to a warning not
    given; and the plan choice tried for May left its unsure commune on Định Hóa's plan, so
    July's Nà Mòn list was told 'former-unsure' too. Now a month whose lists are told
    otherwise is checked apart, and each plan choice notes its own month's: May's lists and
    warning as May's run says them, July's as July's run."""
    from tests.test_session46_plan_pick import first_used_in_july

    folder, out = first_used_in_july(tmp_path)
    execute(folder, out, "2025-07")
    write_merger_month(folder, 5)
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    found = check_files(sorted(folder.glob("*.xlsx")), "vi", history, None, RunCommand(folder, out))
    assert [(i.code, i.file, i.variant) for i in found] == [
        ("commune-mismatch", "BC_2025-05.xlsx", "former-unsure"),
        ("commune-mismatch", "KT_2025-07.xlsx", ""),  # Khuôn Tát writes 'Phú Đình'
        ("commune-mismatch", "NM_2025-05.xlsx", "former-unsure"),
        ("commune-mismatch", "NM_2025-07.xlsx", "former"),
        ("plan-duplicate", "KeHoach_2025.xlsx", "commune"),  # July's
        ("plan-duplicate", "KeHoach_2025.xlsx", "commune-not-run-unsure"),  # May's
    ]
    again = f"giamngheo run --input {quoted(str(folder))} --output {quoted(str(out))} --period"
    assert found[5].message("vi").endswith(f"Lệnh chạy lại kỳ này: {again} 2025-05")
    # as July's run says it
    july, _, _ = execute(folder, out, "2025-07")
    said = [(i.code, i.file, i.variant) for i in july.issues if i.file.endswith("2025-07.xlsx")]
    assert said == [
        ("commune-mismatch", "KT_2025-07.xlsx", ""),
        ("commune-mismatch", "NM_2025-07.xlsx", "former"),
    ]


def test_two_months_unsure_of_their_commune_checked_together_are_each_told_their_run(tmp_path):
    """The tool first used in July 2025, July run for Định Hóa; May's and June's lists of
    Trung Lương come late, neither run. A run of May and a run of June each say
    'commune-not-run-unsure' on Trung Lương's plan, with their own month's run to paste.
    `check` of May's and June's files (July's not given, June the latest) checked May with
    June, the plan taken the same: the warning was said once, June's, so May's lists, told
    "do as the warning on 'KeHoach_2025.xlsx' says", were given June's run alone (with July's
    lists given too, each month's was said). Now a month unsure of its commune is checked
    apart: each warning in its month's words, with its run."""
    from tests.test_session46_plan_pick import first_used_in_july, plans_and_lists

    folder, out = first_used_in_july(tmp_path)
    execute(folder, out, "2025-07")
    write_merger_month(folder, 5)
    write_merger_month(folder, 6)
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    given = sorted({*plans_and_lists(folder, 5), *plans_and_lists(folder, 6)})
    found = check_files(given, "vi", history, None, RunCommand(folder, out))
    assert [(i.code, i.file, i.variant) for i in found] == [
        ("commune-mismatch", "BC_2025-05.xlsx", "former-unsure"),
        ("commune-mismatch", "BC_2025-06.xlsx", "former-unsure"),
        ("commune-mismatch", "NM_2025-05.xlsx", "former-unsure"),
        ("commune-mismatch", "NM_2025-06.xlsx", "former-unsure"),
        ("plan-duplicate", "KeHoach_2025.xlsx", "commune-not-run-unsure"),  # June's
        ("plan-duplicate", "KeHoach_2025.xlsx", "commune-not-run-unsure"),  # May's
    ]
    again = f"giamngheo run --input {quoted(str(folder))} --output {quoted(str(out))} --period"
    june, may = found[4].message("vi"), found[5].message("vi")
    assert "(tháng 6/2025 chưa được tổng hợp;" in june
    assert june.endswith(f"Lệnh chạy lại kỳ này: {again} 2025-06")
    assert "(tháng 5/2025 chưa được tổng hợp;" in may
    assert may.endswith(f"Lệnh chạy lại kỳ này: {again} 2025-05")
    # as May's run says it
    run, _, _ = execute(folder, out, "2025-05", command=RunCommand(folder, out))
    [said] = [i for i in run.issues if i.code == "plan-duplicate"]
    assert said.message("vi") == may


def test_two_months_stopping_on_their_communes_plan_are_said_with_the_earliest_run(tmp_path):
    """June run for Trung Lương, July for Định Hóa; Trung Lương's plan then has its 'Xã' (B3)
    cleared, and late lists of May (never run) and June come: a run of either stops on that
    plan. `check` said the plan's error once with the earliest month's run when July's files
    were given too (May's: its run's notice then names June and July to run again, in order),
    but with June's when they were not (May checked with June, the latest, their plan choice
    the same): May, never run, was not named. Now a month that stops is checked apart too:
    the error is said once, with May's run, whichever months are given."""
    folder, out, _ = merger(tmp_path)  # June's lists there, July's too
    execute(folder, out, "2025-07")
    old_plan_unusable(folder)
    write_merger_month(folder, 5)
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    again = f"giamngheo run --input {quoted(str(folder))} --output {quoted(str(out))} --period"
    plans = sorted(folder.glob("KeHoach_*.xlsx"))
    for months in ((5, 6), (5, 6, 7)):
        lists = [path for m in months for path in sorted(folder.glob(f"*_2025-{m:02d}.xlsx"))]
        found = check_files([*plans, *lists], "vi", history, None, RunCommand(folder, out))
        [error] = [i for i in found if i.code == "plan-invalid"]
        assert error.file == "KeHoach_2025.xlsx", months
        assert error.message("vi").endswith(
            f"Hãy sửa tệp 'KeHoach_2025.xlsx' rồi chạy lại: {again} 2025-05"
        ), months
        # nothing said of May's and June's lists: their runs take no plan
        assert not [i for i in found if i.file.endswith(("2025-05.xlsx", "2025-06.xlsx"))]


def _plans_unusable(folder, *names) -> None:
    """The plans ``names`` with their 'Xã' (B3) cleared, their times kept (which is newer)."""
    import os

    import openpyxl

    for name in names:
        plan = folder / name
        saved = plan.stat().st_mtime
        book = openpyxl.load_workbook(plan)
        book["Thông tin chung"]["B3"] = None
        book.save(plan)
        os.utime(plan, (saved, saved))


def test_check_says_no_plan_used_where_the_run_stops_on_the_plan_taken(tmp_path):
    """June run for Trung Lương, July for Định Hóa; both plans then have their 'Xã' cleared. A
    run of June, and of July, stops on Định Hóa's plan (the newest): "ô 'Xã' … đang trống.",
    no plan used. `check` said the other plan set aside: "… đã dùng
    'KeHoach_2025_DinhHoa.xlsx'. Mỗi năm chỉ để một tệp kế hoạch …" (plan-duplicate). Now it
    says each plan's error, as the run does, and no plan used. With Định Hóa's plan alone
    unusable, July's run stops on it naming the older plan not used in its place: `check` of
    July's files said "đã dùng 'KeHoach_2025_DinhHoa.xlsx'" and the error without those words;
    now the run's words, no plan-duplicate."""
    import pytest
    from click.testing import CliRunner

    from pipeline.cli import main
    from pipeline.run import FatalError
    from tests.test_session46_plan_pick import plans_and_lists

    folder, out, _ = merger(tmp_path)
    execute(folder, out, "2025-07")
    _plans_unusable(folder, "KeHoach_2025_DinhHoa.xlsx")
    with pytest.raises(FatalError) as stop:
        execute(folder, out, "2025-07")
    newest = "KeHoach_2025_DinhHoa.xlsx: "
    assert str(stop.value).startswith(newest + "ô 'Xã' trong trang 'Thông tin chung' đang trống.")
    assert "tệp cũ hơn 'KeHoach_2025.xlsx' không được dùng thay" in str(stop.value)
    july = CliRunner().invoke(
        main, ["check", *map(str, plans_and_lists(folder, 7)), "--output", str(out)]
    )
    said = [line for line in july.output.splitlines() if "KeHoach" in line]
    assert said == [
        f"[LỖI] {newest[:-2]} (plan-invalid): Kế hoạch không hợp lệ: "
        f"{str(stop.value)[len(newest) :]}"
    ]
    _plans_unusable(folder, "KeHoach_2025.xlsx")
    for period in ("2025-06", "2025-07"):
        with pytest.raises(FatalError) as stop:
            execute(folder, out, period)
        assert str(stop.value) == newest + "ô 'Xã' trong trang 'Thông tin chung' đang trống."
    for month in (6, 7):
        done = CliRunner().invoke(
            main, ["check", *map(str, plans_and_lists(folder, month)), "--output", str(out)]
        )
        assert [line for line in done.output.splitlines() if "KeHoach" in line] == [
            f"[LỖI] {name} (plan-invalid): Kế hoạch không hợp lệ: ô 'Xã' trong trang 'Thông tin "
            "chung' đang trống."
            for name in ("KeHoach_2025.xlsx", "KeHoach_2025_DinhHoa.xlsx")
        ]
        assert done.exit_code == 1


def test_the_plan_set_aside_for_two_months_of_the_old_commune_is_said_once(tmp_path):
    """May and June run for Trung Lương, July for Định Hóa; `check` of the folder checks May
    and June apart from July (each with Trung Lương's plan, as their runs take it). Định Hóa's
    plan, set aside, was said for each month in the same words but the month ("kỳ tháng
    5/2025 đã được tổng hợp …", then "kỳ tháng 6/2025 …"). Now once, naming both months;
    Trung Lương's plan set aside for July as before."""
    folder, out, _ = merger(tmp_path)
    write_merger_month(folder, 5)
    execute(folder, out, "2025-05")
    execute(folder, out, "2025-07")
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    found = [i for i in check_files([folder], "vi", history) if i.code == "plan-duplicate"]
    assert [(i.file, i.detail, i.variant) for i in found] == [
        ("KeHoach_2025.xlsx", "KeHoach_2025_DinhHoa.xlsx", "commune"),  # July's
        ("KeHoach_2025_DinhHoa.xlsx", "KeHoach_2025.xlsx", "commune-months"),  # May's, June's
    ]
    assert found[1].instead == (
        "tệp đã dùng là kế hoạch của xã 'Trung Lương' (các kỳ tháng 5/2025, 6/2025 đã được "
        "tổng hợp theo xã 'Trung Lương' nên dùng lại kế hoạch của xã đó), tệp này của xã 'Định "
        "Hóa'"
    )
    assert found[1].instead.en == (
        "the plan used is for commune 'Trung Lương' (months 5/2025, 6/2025 were consolidated "
        "for commune 'Trung Lương', so its plan is used again), this one for commune 'Định Hóa'"
    )
    # each month's run says it for its month alone, in the same words (May run again)
    may, _, _ = execute(folder, out, "2025-05")
    [said] = [i for i in may.issues if i.code == "plan-duplicate"]
    assert said.instead == found[1].instead.replace(
        "các kỳ tháng 5/2025, 6/2025", "kỳ tháng 5/2025"
    )
