"""Session 46: the plan a month is counted with at a commune merger (pipeline.planpick), as the
officer meets it (docs/decisions.md, "Session 46: …").

Session 25's merger of 1 July 2025 on the small commune (tests.commune): Trung Lương (Nà Mòn,
Bản Cọ; KeHoach_2025.xlsx) joins Định Hóa (KeHoach_2025_DinhHoa.xlsx, saved later, Khuôn Tát
added); June run for Trung Lương, July for Định Hóa, both plans kept in the folder."""

from __future__ import annotations

import os
import shutil

import pytest

from pipeline.checkfiles import check_files
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import FatalError, execute
from tests.test_session25_commune_merger import (
    NEW,
    OLD,
    merger,
    write_merger_month,
    write_merger_plan,
)
from tests.test_session45_year_turn_review import old_plan_unusable


def plans_and_lists(folder, month: int) -> list:
    """The plans and the lists of ``month`` of 2025, as `check` is given them."""
    return [
        *sorted(folder.glob("KeHoach_*.xlsx")),
        *sorted(folder.glob(f"*_2025-{month:02d}.xlsx")),
    ]


def _set_aside(issues) -> list[tuple]:
    """The plans set aside (plan-duplicate): file, variant, the message in both languages."""
    return [
        (i.file, i.variant, i.message("vi"), i.message("en"))
        for i in issues
        if i.code == "plan-duplicate"
    ]


START = (
    "Có hai tệp kế hoạch cùng năm của hai xã khác nhau (như khi sáp nhập xã): tệp đã dùng là kế "
    "hoạch của xã '{used}' (tháng {month} chưa được tổng hợp; tháng đã tổng hợp liền {side} nó, "
    "tháng {stored}, là của xã '{used}' nên dùng kế hoạch của xã đó), tệp này của xã '{old}'; đã "
    "dùng '{file}', không dùng tệp này cho kỳ này. "
)
START_EN = (
    "Two plan workbooks of the same year, of two different communes (as at a commune merger): "
    "the plan used is for commune '{used}' (month {month} was never consolidated; the "
    "consolidated month just {side} it, {stored}, is of commune '{used}', so its plan is used), "
    "this one for commune '{old}'; used '{file}', not this one for this period. "
)
# what the officer is to do: not "new months use the plan saved last", which May did not
CLOSING = (
    "Hãy để cả hai tệp trong thư mục: một tháng chưa tổng hợp dùng kế hoạch của xã của tháng đã "
    "tổng hợp liền sau nó (sau tháng tổng hợp cuối cùng: của xã sau sáp nhập), chạy lại một tháng "
    "đã tổng hợp dùng lại kế hoạch của xã của tháng đó. Nếu tệp này không phải kế hoạch cũ của "
    "xã, hãy chuyển nó ra khỏi thư mục."
)
CLOSING_EN = (
    "Keep both in the folder: a month never consolidated takes the plan of the commune of the "
    "consolidated month just after it (after the last consolidated month: the merged commune's), "
    "re-running a consolidated month uses that month's commune's plan again. If this file is not "
    "the commune's former plan, move it out of the folder."
)


def first_used_in_july(tmp_path):
    """The tool first used in July 2025: both plans in the input folder (Trung Lương's, then
    Định Hóa's saved later) and July's lists; (input folder, output folder), nothing run yet
    (shared with tests/test_session46_unsure_wording.py)."""
    folder = tmp_path / "input"
    folder.mkdir()
    out = tmp_path / "output"
    write_merger_plan(folder / "KeHoach_2025.xlsx", "Trung Lương", OLD, (0.5, 0.3), 1_750_000_000)
    write_merger_plan(
        folder / "KeHoach_2025_DinhHoa.xlsx", "Định Hóa", NEW, (1.0, 0.5), 1_751_500_000
    )
    write_merger_month(folder, 7)
    return folder, out


def test_a_month_never_run_before_a_merger_is_told_why_it_takes_the_old_plan(tmp_path):
    """May's lists of Trung Lương come late, May never run; it takes Trung Lương's plan (the
    month after it, June, is Trung Lương's: session 45). The warning on Định Hóa's plan, set
    aside, said "kỳ tháng 6/2025 đã được tổng hợp theo xã 'Trung Lương' nên dùng lại kế hoạch"
    (May was never run: nothing is used again) and ended "các tháng mới dùng kế hoạch sửa sau
    cùng", which May, a new month, did not. Now it says May was never consolidated and takes
    June's commune, and how months take a plan; `check` of May's files says the same."""
    folder, out, _ = merger(tmp_path)
    execute(folder, out, "2025-07")
    write_merger_month(folder, 5)
    words = dict(used="Trung Lương", old="Định Hóa", month="5/2025", stored="6/2025",
                 file="KeHoach_2025.xlsx")  # fmt: skip
    told = [(
        "KeHoach_2025_DinhHoa.xlsx",
        "commune-not-run",
        START.format(side="sau", **words) + CLOSING,
        START_EN.format(side="after", **words) + CLOSING_EN,
    )]  # fmt: skip
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    assert _set_aside(check_files(plans_and_lists(folder, 5), "vi", history)) == told
    may, _, _ = execute(folder, out, "2025-05")
    assert may.summary["commune"] == "Trung Lương"
    assert _set_aside(may.issues) == told


def test_a_new_month_after_the_merger_is_told_it_takes_the_last_months_commune(tmp_path):
    """Trung Lương's plan opened and saved again after July's run: it is the plan saved last.
    August, never run, takes Định Hóa's plan (July's commune; session 45's review). The warning
    on Trung Lương's plan said "kỳ tháng 7/2025 … dùng lại" and "các tháng mới dùng kế hoạch sửa
    sau cùng": the plan saved last is the one set aside. Now: August was never consolidated,
    the month just before it, July, is Định Hóa's."""
    folder, out, _ = merger(tmp_path)
    execute(folder, out, "2025-07")
    saved = (folder / "KeHoach_2025_DinhHoa.xlsx").stat().st_mtime + 600
    os.utime(folder / "KeHoach_2025.xlsx", (saved, saved))
    write_merger_month(folder, 8)
    august, _, _ = execute(folder, out, "2025-08")
    assert august.summary["commune"] == "Định Hóa"
    words = dict(used="Định Hóa", old="Trung Lương", month="8/2025", stored="7/2025",
                 file="KeHoach_2025_DinhHoa.xlsx")  # fmt: skip
    assert _set_aside(august.issues) == [(
        "KeHoach_2025.xlsx",
        "commune-not-run",
        START.format(side="trước", **words) + CLOSING,
        START_EN.format(side="before", **words) + CLOSING_EN,
    )]  # fmt: skip


def test_check_with_the_months_communes_plan_unusable_says_the_run_stops(tmp_path):
    """June run for Trung Lương, July for Định Hóa; a late list for June comes and Trung
    Lương's plan has its 'Xã' (B3) cleared by mistake. The run of June stops on that plan,
    Định Hóa's not used in its place (session 45's review). `check` of June's files said the
    plan's error but also "đã dùng 'KeHoach_2025_DinhHoa.xlsx'" on Trung Lương's plan, and
    checked June's lists with Định Hóa's plan: it told Nà Mòn's and Bản Cọ's lists to write
    'Định Hóa' in 'Xã' (B2), June being Trung Lương's. Now `check` says what the run does: the
    plan's error with the run's words (June's commune, Định Hóa's plan not used in its place),
    and the lists are checked with no plan, as the run takes none; exit 1. May, never run
    before June, the same."""
    folder, out, _ = merger(tmp_path)
    execute(folder, out, "2025-07")
    old_plan_unusable(folder)
    write_merger_month(folder, 5)
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    for month in (6, 5):
        found = check_files(plans_and_lists(folder, month), "vi", history)
        assert [(i.code, i.file) for i in found] == [("plan-invalid", "KeHoach_2025.xlsx")]
        assert found[0].message("vi") == (
            "Kế hoạch không hợp lệ: ô 'Xã' trong trang 'Thông tin chung' đang trống. (Kỳ tháng "
            "6/2025 đã được tổng hợp theo xã 'Trung Lương' nhưng không có tệp kế hoạch nào của "
            "xã đó dùng được; kế hoạch 'KeHoach_2025_DinhHoa.xlsx' của xã 'Định Hóa' không được "
            "dùng thay.) Hãy sửa tệp 'KeHoach_2025.xlsx' rồi chạy lại: giamngheo run --period "
            f"2025-{month:02d}"
        )
        assert (
            found[0]
            .message("en")
            .endswith(
                "(Month 6/2025 was consolidated for commune 'Trung Lương', but no plan of that "
                "commune can be used; plan 'KeHoach_2025_DinhHoa.xlsx' of commune 'Định Hóa' is not "
                "used in its place.) Correct 'KeHoach_2025.xlsx' and run again: giamngheo run "
                f"--period 2025-{month:02d}"
            )
        )


def test_a_month_never_run_between_two_communes_months_is_told_the_later_months_plan_copy(
    tmp_path,
):
    """June run for Trung Lương, August for Định Hóa (July skipped); with both plans in the
    folder, July's late lists take Định Hóa's plan, the commune of the month after (session
    45). The officer deletes both plans, then July is run. The stop named the copy kept
    with June (Trung Lương's, the month before: session 44's rule); copied back as told, July
    was run as Trung Lương's, where the same folder with both plans runs it as Định Hóa's: two
    answers to one month. Now the stop names the copy kept with August, as the plans' rule
    takes; copied back, July is Định Hóa's: 420 households, 7 poor, complete, target 1,0."""
    folder, out, _ = merger(tmp_path)  # July's lists there, not run
    write_merger_month(folder, 8)
    assert execute(folder, out, "2025-08")[0].summary["commune"] == "Định Hóa"
    for plan in folder.glob("KeHoach_*.xlsx"):
        plan.unlink()
    kept = out / "2025-08" / "nguon" / "KeHoach_2025_DinhHoa.xlsx"
    with pytest.raises(FatalError) as stop:
        execute(folder, out, "2025-07")
    assert str(stop.value).endswith(
        f"Kế hoạch đã dùng khi tổng hợp kỳ 08/2025 được giữ ở '{kept}': hãy chép (không "
        "chuyển) tệp đó vào thư mục đầu vào rồi chạy lại."
    )
    shutil.copy2(kept, folder / "KeHoach_2025_DinhHoa.xlsx")
    july, _, _ = execute(folder, out, "2025-07")
    assert july.summary["commune"] == "Định Hóa"
    totals = july.summary["totals"]
    assert (totals["households"], totals["poor"], totals["poor_target"]) == (420, 7, 1.0)
    assert july.summary["complete"] is True


def test_a_month_never_run_before_the_first_month_run_after_a_merger_says_how_to_count_it_old(
    tmp_path,
):
    """The tool first used in July 2025: both plans in the folder (Trung Lương's, then Định
    Hóa's saved later), July run for Định Hóa. May's lists of Trung Lương come late. No month
    before May is stored: the history cannot tell whether May is before the merger. May takes
    Định Hóa's plan, the commune of the month after, whose plan knows May's two hamlets (no
    list refused; Khuôn Tát said missing). Before this fix the warning said nothing of what to
    do if May is Trung Lương's. Now it says the history cannot tell, and how to count it so;
    done as told (Định Hóa's plan moved out, May run, put back), May is Trung Lương's: 300
    households, 4 poor, complete, target 0,5."""
    folder, out = first_used_in_july(tmp_path)
    assert execute(folder, out, "2025-07")[0].summary["commune"] == "Định Hóa"
    write_merger_month(folder, 5)
    may, _, _ = execute(folder, out, "2025-05")
    assert (may.summary["commune"], may.summary["complete"]) == ("Định Hóa", False)
    words = dict(used="Định Hóa", old="Trung Lương", month="5/2025", stored="7/2025",
                 file="KeHoach_2025_DinhHoa.xlsx", side="sau")  # fmt: skip
    assert _set_aside(may.issues) == [(
        "KeHoach_2025.xlsx",
        "commune-not-run-unsure",
        START.format(**words) + "Lịch sử không cho biết kỳ này trước hay sau khi sáp nhập: nếu "
        "kỳ này là của xã 'Trung Lương' (trước khi sáp nhập), hãy tạm chuyển tệp "
        "'KeHoach_2025_DinhHoa.xlsx' ra khỏi thư mục đầu vào, chạy lại kỳ này, rồi chép tệp đó "
        "trở lại. Hãy để cả hai tệp trong thư mục. Lệnh chạy lại kỳ này: giamngheo run --period "
        "2025-05",
        START_EN.format(**{**words, "side": "after"}) + "The history does not tell whether this "
        "period is before or after the merger: if it is of commune 'Trung Lương' (before the "
        "merger), move 'KeHoach_2025_DinhHoa.xlsx' out of the input folder for a while, run "
        "this period again, then put that file back. Keep both in the folder. To run this "
        "period again: giamngheo run --period 2025-05",
    )]  # fmt: skip
    (folder / "KeHoach_2025_DinhHoa.xlsx").rename(tmp_path / "KeHoach_2025_DinhHoa.xlsx")
    may, _, _ = execute(folder, out, "2025-05")
    (tmp_path / "KeHoach_2025_DinhHoa.xlsx").rename(folder / "KeHoach_2025_DinhHoa.xlsx")
    assert may.summary["commune"] == "Trung Lương"
    totals = may.summary["totals"]
    assert (totals["households"], totals["poor"], totals["poor_target"]) == (300, 4, 0.5)
    assert may.summary["complete"] is True
    again, _, _ = execute(folder, out, "2025-05")  # both plans back: May stays Trung Lương's
    assert again.summary["commune"] == "Trung Lương"
