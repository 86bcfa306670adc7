"""Session 35: the older-plan notice's loose ends (docs/decisions.md, "Session 35: …"): the
start-list clause when no run recorded the kept list; a month run with this plan after one run
with a newer plan (the months to run again said in calendar order); plans with the same hamlets
and other targets told apart."""

from __future__ import annotations

import sqlite3
from types import SimpleNamespace

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.messages import in_language
from pipeline.notices_plan import run_under_older_plan
from pipeline.output import NOTICES
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, plan_hamlets, start_list, write_plan
from tests.test_session32_renames import na_mon_run, renamed_plan, renamed_twice, write_na_mon_under
from tests.test_session34_a_older_plans import PUT, PUT_EN, kept_hamlets, older
from tests.test_session34_review import year


def _said(folder, out, near: tuple[int, ...]) -> tuple[str, str]:
    """March's list written again (NM1-5, ``near`` near-poor) and run with March's plan put back:
    the older-plan notice, in both languages."""
    (folder / "NaMon_2024-03.xlsx").unlink()
    write_na_mon_under(folder, "2024-03", "Nà Mòn", near, name="NaMon_2024-03.xlsx")
    write_plan(folder)
    execute(folder, out, "2024-03")
    said = [n for n in NOTICES if "kế hoạch cũ hơn" in in_language(n, "vi")]
    assert len(said) == 1
    return in_language(said[0], "vi"), in_language(said[0], "en")


def test_no_run_recorded_the_kept_list_says_one_of_those_plans(tmp_path):
    """April's plan writes 'Nà Mòn Mới', May's 'Tân Mòn' (tests.test_session32_renames), both
    run by a version before the kept list's record (session 26: run_files 'start-list' rows
    taken out). March run again with its plan keeps no list (an older plan) and records none,
    so no month is known to have kept it: "một trong các kế hoạch đó" (one of those plans)."""
    folder, out = renamed_twice(tmp_path)
    with sqlite3.connect(out / HISTORY_FILE) as conn:
        conn.execute("DELETE FROM run_files WHERE kind = 'start-list'")
    vi, en = older(folder, out)
    assert HistoryStore(out / HISTORY_FILE).start_list_run(2024) is None
    assert kept_hamlets(out) == ["Bản Cọ", "Tân Mòn", "Đồng Kè"]  # May's plan's, as it was
    assert vi == (
        "Kỳ 03/2024 vừa được tính theo kế hoạch cũ hơn các kế hoạch đã dùng cho kỳ 04/2024, "
        "05/2024 (các kế hoạch đó đều không còn xóm Nà Mòn): danh sách hộ đầu năm lưu trong lịch "
        "sử vẫn theo một trong các kế hoạch đó. Trước khi chạy lại từng kỳ sau, " + PUT
    )
    assert en == (
        "Period 03/2024 was consolidated now under an older plan than the ones used for "
        "04/2024, 05/2024 (which no longer have hamlet(s) Nà Mòn): the start-of-year list the "
        "history keeps still follows one of those plans. Before running each later period "
        "again, " + PUT_EN
    )


def _back_to_the_old_plan(tmp_path):
    """March under the first plan (NM4-5 near-poor); April under a plan writing 'Nà Mòn Mới'
    (NM3-5 near-poor); May under the first plan put back (NM2-5 near-poor)."""
    folder, out = new_commune(tmp_path)
    na_mon_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    renamed_plan(folder, "Nà Mòn Mới")
    na_mon_run(folder, out, "2024-04", "Nà Mòn Mới", (3, 4, 5))
    write_plan(folder)
    na_mon_run(folder, out, "2024-05", "Nà Mòn", (2, 3, 4, 5))
    return folder, out


ORDER = (
    "Hãy chạy lại các kỳ sau theo thứ tự tháng, mỗi kỳ với kế hoạch nó đã dùng: kỳ 04/2024 với "
    "kế hoạch mới, rồi kỳ 05/2024 với kế hoạch này. Mỗi lần đổi kế hoạch, hãy để trong thư mục "
    "đầu vào chỉ tệp kế hoạch của kỳ sắp chạy, thay cho kế hoạch đang ở đó ('KeHoach_2024.xlsx' "
    "lúc này; có hai tệp thì chương trình dùng tệp lưu sau cùng); mỗi kỳ giữ bản kế hoạch của "
    "nó trong thư mục 'nguon' của kỳ, trong thư mục kết quả."
)
ORDER_EN = (
    "Run the later periods again in calendar order, each with the plan it used: 04/2024 with "
    "the new plan, then 05/2024 with this plan. Each time the plan changes, leave in the input "
    "folder only the plan file of the period to run, in place of the plan there "
    "('KeHoach_2024.xlsx' now; of two, the run takes the one saved last); each period keeps a "
    "copy of its plan in its 'nguon' folder, in the output folder."
)


def test_a_later_month_back_under_this_plan_is_run_again_in_calendar_order(tmp_path):
    """March run again (NM2 near-poor now): April and May took March's figures, April to run
    with its plan (no Nà Mòn), May with this one. Before: "Hãy chạy lại kỳ 05/2024 trước, vẫn
    với kế hoạch này; trước khi chạy lại kỳ 04/2024, hãy đặt tệp kế hoạch mới trở lại …", May
    before April, against the next notice's "theo thứ tự: … 2024-04; … 2024-05" (May's changes
    follow April's); and the kept list said to follow April's plan ("của các kỳ đó"), when May,
    run last under this plan, kept this plan's (Nà Mòn)."""
    folder, out = _back_to_the_old_plan(tmp_path)
    vi, en = _said(folder, out, (2, 4, 5))
    assert kept_hamlets(out) == ["Bản Cọ", "Nà Mòn", "Đồng Kè"]
    assert vi == (
        "Kỳ 03/2024 vừa được tính theo kế hoạch cũ hơn kế hoạch đã dùng cho kỳ 04/2024 (kế hoạch "
        "đó không còn xóm Nà Mòn): danh sách hộ đầu năm lưu trong lịch sử vẫn theo kế hoạch của "
        "kỳ 05/2024. " + ORDER
    )
    assert en == (
        "Period 03/2024 was consolidated now under an older plan than the one used for 04/2024 "
        "(which no longer has hamlet(s) Nà Mòn): the start-of-year list the history keeps still "
        "follows the plan of 05/2024. " + ORDER_EN
    )
    stale = [in_language(n, "en") for n in NOTICES if "Later periods" in in_language(n, "en")]
    assert stale[0].endswith(
        "in order: giamngheo run --period 2024-04; giamngheo run --period 2024-05"
    )


def test_nothing_later_changed_names_the_months_of_the_new_plan_only(tmp_path):
    """March's list written again as it was: April and May keep their figures, nothing to run
    again now. Before: "Trước khi chạy lại các kỳ sau, hãy đặt tệp kế hoạch mới trở lại …",
    May too, whose lists write Nà Mòn, which the new plan lacks. Now April only."""
    folder, out = _back_to_the_old_plan(tmp_path)
    vi, en = _said(folder, out, (4, 5))
    assert not [n for n in NOTICES if "Later periods" in in_language(n, "en")]
    assert vi == (
        "Kỳ 03/2024 vừa được tính theo kế hoạch cũ hơn kế hoạch đã dùng cho kỳ 04/2024 (kế hoạch "
        "đó không còn xóm Nà Mòn): danh sách hộ đầu năm lưu trong lịch sử vẫn theo kế hoạch của "
        "kỳ 05/2024. Trước khi chạy lại kỳ 04/2024, hãy đặt tệp kế hoạch mới trở lại thư mục đầu "
        "vào (thay cho 'KeHoach_2024.xlsx')."
    )
    assert en == (
        "Period 03/2024 was consolidated now under an older plan than the one used for 04/2024 "
        "(which no longer has hamlet(s) Nà Mòn): the start-of-year list the history keeps still "
        "follows the plan of 05/2024. Before running 04/2024 again, put the new plan file back "
        "in the input folder (in place of 'KeHoach_2024.xlsx')."
    )


def test_same_hamlets_other_targets_are_two_plans(tmp_path):
    """April and May under plans writing 'Nà Mòn Mới'; May's raises its poor target from 1 to 2
    points. Run again with May's plan, April's 'Chỉ tiêu' would say 2 where April's run said 1.
    Before: one plan ("kế hoạch đã dùng cho kỳ 04/2024, 05/2024 … hãy đặt tệp kế hoạch mới
    trở lại"); now two, each month run again with its own."""
    folder, out = new_commune(tmp_path)
    na_mon_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    start = [dict(r, hamlet="Nà Mòn Mới") if r["hamlet"] == "Nà Mòn" else r for r in start_list()]
    for period, target in (("2024-04", 1), ("2024-05", 2)):
        hamlets = [dict(h, hamlet="Nà Mòn Mới", poor_target=target) if h["hamlet"] == "Nà Mòn"
                   else h for h in plan_hamlets()]  # fmt: skip
        write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)
        na_mon_run(folder, out, period, "Nà Mòn Mới", (3, 4, 5))
    targets = {
        p["period"]: next(h["poor_target"] for h in p["hamlets"] if h["hamlet"] == "Nà Mòn Mới")
        for p in HistoryStore(out / HISTORY_FILE).periods() if p["period"] > "2024-03"
    }  # fmt: skip
    assert targets == {"2024-04": 1, "2024-05": 2}
    vi, en = _said(folder, out, (2, 4, 5))
    assert vi == (
        "Kỳ 03/2024 vừa được tính theo kế hoạch cũ hơn các kế hoạch đã dùng cho kỳ 04/2024, "
        "05/2024 (các kế hoạch đó đều không còn xóm Nà Mòn): danh sách hộ đầu năm lưu trong lịch "
        "sử vẫn theo kế hoạch của kỳ 05/2024. Trước khi chạy lại từng kỳ sau, " + PUT
    )
    assert en == (
        "Period 03/2024 was consolidated now under an older plan than the ones used for "
        "04/2024, 05/2024 (which no longer have hamlet(s) Nà Mòn): the start-of-year list the "
        "history keeps still follows the plan of 05/2024. Before running each later period "
        "again, " + PUT_EN
    )


def test_in_calendar_order_with_two_newer_plans_and_next_year():
    """The order said month by month: April and June run under two newer plans (other hamlets
    lacking), May under this plan, January 2025 under the 2025 plan (built from stored summaries,
    no run: the wording of each step)."""
    result = SimpleNamespace(
        period="2024-03", plan=SimpleNamespace(file="KH.xlsx", start_list=None)
    )
    stored = {
        "2024-04": {"hamlets": [{"hamlet": "Bản Cọ"}, {"hamlet": "Nà Mòn Mới"}]},
        "2024-06": {"hamlets": [{"hamlet": "Bản Cọ Mới"}, {"hamlet": "Nà Mòn Mới"}]},
    }
    newer = {"2024-04": ["Nà Mòn"], "2024-06": ["Bản Cọ", "Nà Mòn"]}
    said = run_under_older_plan(result, newer, ["2024-04", "2024-05", "2024-06", "2025-01"], stored)
    assert in_language(said, "vi") == (
        "Kỳ 03/2024 vừa được tính theo kế hoạch cũ hơn các kế hoạch đã dùng cho kỳ 04/2024, "
        "06/2024 (kế hoạch của kỳ 04/2024 không còn xóm Nà Mòn; của kỳ 06/2024 không còn xóm Bản "
        "Cọ, Nà Mòn). Hãy chạy lại các kỳ sau theo thứ tự tháng, mỗi kỳ với kế hoạch nó đã dùng: "
        "kỳ 04/2024 với kế hoạch của chính kỳ đó, rồi kỳ 05/2024 với kế hoạch này, rồi kỳ 06/2024 "
        "với kế hoạch của chính kỳ đó, rồi kỳ 01/2025 với kế hoạch năm 2025. Mỗi lần đổi kế "
        "hoạch, hãy để trong thư mục đầu vào chỉ tệp kế hoạch của kỳ sắp chạy, thay cho kế hoạch "
        "đang ở đó ('KH.xlsx' lúc này; có hai tệp thì chương trình dùng tệp lưu sau cùng); mỗi "
        "kỳ giữ bản kế hoạch của nó trong thư mục 'nguon' của kỳ, trong thư mục kết quả."
    )
    assert in_language(said, "en").endswith(
        "Run the later periods again in calendar order, each with the plan it used: 04/2024 with "
        "its own plan, then 05/2024 with this plan, then 06/2024 with its own plan, then 01/2025 "
        "with the 2025 plan. Each time the plan changes, leave in the input folder only the plan "
        "file of the period to run, in place of the plan there ('KH.xlsx' now; of two, the run "
        "takes the one saved last); each period keeps a copy of its plan in its 'nguon' folder, "
        "in the output folder."
    )


def test_nothing_later_changed_a_month_between_under_this_plan_names_the_new_plans_months(
    tmp_path,
):
    """April under March's plan, May under a plan writing 'Nà Mòn Mới'; March's list written
    again as it was: nothing later to run again now. Before: "Trước khi chạy lại các kỳ sau,
    hãy đặt tệp kế hoạch mới trở lại …", April too, whose list writes Nà Mòn. Now May only."""
    folder, out = year(tmp_path, [("2024-04", {}), ("2024-05", {"Nà Mòn": "Nà Mòn Mới"})])
    vi, en = _said(folder, out, (4, 5))
    assert not [n for n in NOTICES if "Later periods" in in_language(n, "en")]
    assert vi == (
        "Kỳ 03/2024 vừa được tính theo kế hoạch cũ hơn kế hoạch đã dùng cho kỳ 05/2024 (kế hoạch "
        "đó không còn xóm Nà Mòn): danh sách hộ đầu năm lưu trong lịch sử vẫn theo kế hoạch của "
        "các kỳ đó. Trước khi chạy lại kỳ 05/2024, hãy đặt tệp kế hoạch mới trở lại thư mục đầu "
        "vào (thay cho 'KeHoach_2024.xlsx')."
    )
    assert en == (
        "Period 03/2024 was consolidated now under an older plan than the one used for 05/2024 "
        "(which no longer has hamlet(s) Nà Mòn): the start-of-year list the history keeps still "
        "follows those periods' plan. Before running 05/2024 again, put the new plan file back "
        "in the input folder (in place of 'KeHoach_2024.xlsx')."
    )


def test_a_month_between_under_a_corrected_plan_is_run_again_with_its_own(tmp_path):
    """April under a plan with March's hamlets and Nà Mòn's poor target 1 + 1 = 2 (corrected),
    May under a plan writing 'Nà Mòn Mới'; March run again (NM2 near-poor) with its plan. Before:
    "Hãy chạy lại kỳ 04/2024 trước, vẫn với kế hoạch này": followed, April's 'Chỉ tiêu' says 1
    for Nà Mòn where April run in order with its plan says 2. Now April with its own plan, in
    calendar order; followed (each month's plan from its 'nguon' folder), April's target is 2."""
    folder, out = new_commune(tmp_path)
    na_mon_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    hamlets = [dict(h, poor_target=h["poor_target"] + 1) if h["hamlet"] == "Nà Mòn" else h
               for h in plan_hamlets()]  # fmt: skip
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start_list())
    na_mon_run(folder, out, "2024-04", "Nà Mòn", (3, 4, 5))
    renamed_plan(folder, "Nà Mòn Mới")
    na_mon_run(folder, out, "2024-05", "Nà Mòn Mới", (3, 4, 5))
    vi, en = _said(folder, out, (2, 4, 5))
    assert vi.endswith(
        "Hãy chạy lại các kỳ sau theo thứ tự tháng, mỗi kỳ với kế hoạch nó đã dùng: kỳ 04/2024 "
        "với kế hoạch của chính kỳ đó, rồi kỳ 05/2024 với kế hoạch mới. Mỗi lần đổi kế hoạch, "
        "hãy để trong thư mục đầu vào chỉ tệp kế hoạch của kỳ sắp chạy, thay cho kế hoạch đang ở "
        "đó ('KeHoach_2024.xlsx' lúc này; có hai tệp thì chương trình dùng tệp lưu sau cùng); "
        "mỗi kỳ giữ bản kế hoạch của nó trong thư mục 'nguon' của kỳ, trong thư mục kết quả."
    )
    assert "then 04/2024 with" not in en and en.count("04/2024 with its own plan, then 05/2024 "
                                                      "with the new plan.") == 1  # fmt: skip
    for period in ("2024-04", "2024-05"):  # as said: each with the plan its sources keep
        (folder / "KeHoach_2024.xlsx").write_bytes(
            (out / period / "nguon" / "KeHoach_2024.xlsx").read_bytes()
        )
        execute(folder, out, period)
    april = next(p for p in HistoryStore(out / HISTORY_FILE).periods() if p["period"] == "2024-04")
    assert [h["poor_target"] for h in april["hamlets"] if h["hamlet"] == "Nà Mòn"] == [2]
