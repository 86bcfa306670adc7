"""Session 34 review (docs/decisions.md, "Session 34: review of the session's changes"): the
notice of a month run under an older plan than several later plans, read as the officer reads
it. A run takes one plan of the year from the folder (the file saved last), so each later month
is run with the plan it used put there alone, one month at a time; months grouped by the
hamlets their plans lack may be of two plans (said so in English); and the notice built with
no stored summaries at hand says one plan, as before session 34, without a TypeError."""

from __future__ import annotations

from types import SimpleNamespace

from pipeline.messages import in_language
from pipeline.notices_plan import run_under_older_plan
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, plan_hamlets, start_list
from tests.test_session32_renames import na_mon_run
from tests.test_session34_a_older_plans import PUT, PUT_EN, older


def _plan(folder, names: dict[str, str]) -> None:
    """The small commune's plan with its hamlets written as ``names`` says (old -> new)."""
    hamlets = [dict(h, hamlet=names.get(h["hamlet"], h["hamlet"])) for h in plan_hamlets()]
    start = [dict(r, hamlet=names.get(r["hamlet"], r["hamlet"])) for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)


def year(tmp_path, later: list[tuple[str, dict[str, str]]]):
    """March run with the first plan, then each later month with its own plan (Nà Mòn's list
    under the name that plan gives it, NM3-5 near-poor)."""
    folder, out = new_commune(tmp_path)
    na_mon_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    for period, names in later:
        _plan(folder, names)
        na_mon_run(folder, out, period, names.get("Nà Mòn", "Nà Mòn"), (3, 4, 5))
    return folder, out


def test_a_month_run_with_this_plan_first_then_each_later_month_with_its_own(tmp_path):
    """April under March's plan; May's plan writes 'Nà Mòn Mới', June's 'Tân Mòn'. March run
    again (NM2 near-poor now) with its plan: April is run again first with this plan, then May
    and June, each with its own plan alone in the folder. Before: "trước khi chạy lại kỳ
    05/2024, 06/2024, hãy đặt lại vào thư mục đầu vào kế hoạch mà từng kỳ đó đã dùng", which
    reads as both plans put back at once, when the run takes one (the file saved last)."""
    folder, out = year(tmp_path, [("2024-04", {}), ("2024-05", {"Nà Mòn": "Nà Mòn Mới"}),
                                   ("2024-06", {"Nà Mòn": "Tân Mòn"})])  # fmt: skip
    vi, en = older(folder, out)
    assert vi == (
        "Kỳ 03/2024 vừa được tính theo kế hoạch cũ hơn các kế hoạch đã dùng cho kỳ 05/2024, "
        "06/2024 (các kế hoạch đó đều không còn xóm Nà Mòn): danh sách hộ đầu năm lưu trong lịch "
        "sử vẫn theo kế hoạch của kỳ 06/2024. Hãy chạy lại kỳ 04/2024 trước, vẫn với kế hoạch "
        "này; trước khi chạy lại từng kỳ 05/2024, 06/2024, " + PUT
    )
    assert en == (
        "Period 03/2024 was consolidated now under an older plan than the ones used for 05/2024, "
        "06/2024 (which no longer have hamlet(s) Nà Mòn): the start-of-year list the history "
        "keeps still follows the plan of 06/2024. Run 04/2024 again first, still with this "
        "plan; before running each of 05/2024, 06/2024 again, " + PUT_EN
    )


def test_months_whose_plans_lack_the_same_hamlets_are_said_as_plans_in_english(tmp_path):
    """April's plan writes 'Nà Mòn Mới', May's 'Tân Mòn' (two plans, each without Nà Mòn),
    June's 'Tân Mòn' and 'Bản Cọ Mới' (without Bản Cọ too). April and May are said together:
    "the plans of 04/2024, 05/2024 no longer have …". Before: "the plan of 04/2024, 05/2024
    no longer has …", one plan, when they were two."""
    folder, out = year(tmp_path, [("2024-04", {"Nà Mòn": "Nà Mòn Mới"}),
                                   ("2024-05", {"Nà Mòn": "Tân Mòn"}),
                                   ("2024-06", {"Nà Mòn": "Tân Mòn", "Bản Cọ": "Bản Cọ Mới"})])  # fmt: skip
    vi, en = older(folder, out)
    assert vi.startswith(
        "Kỳ 03/2024 vừa được tính theo kế hoạch cũ hơn các kế hoạch đã dùng cho kỳ 04/2024, "
        "05/2024, 06/2024 (kế hoạch của kỳ 04/2024, 05/2024 không còn xóm Nà Mòn; của kỳ "
        "06/2024 không còn xóm Bản Cọ, Nà Mòn): "
    )
    assert en.startswith(
        "Period 03/2024 was consolidated now under an older plan than the ones used for "
        "04/2024, 05/2024, 06/2024 (the plans of 04/2024, 05/2024 no longer have hamlet(s) Nà "
        "Mòn; that of 06/2024 no longer has hamlet(s) Bản Cọ, Nà Mòn): "
    )


def test_without_the_stored_summaries_the_notice_says_one_plan():
    """``stored`` left out (its default None): one newer plan, as the notice said before
    session 34. Before: TypeError ('argument of type NoneType is not iterable')."""
    result = SimpleNamespace(
        period="2024-03", plan=SimpleNamespace(file="KH.xlsx", start_list=None)
    )
    said = run_under_older_plan(result, {"2024-04": ["Nà Mòn"]})
    assert in_language(said, "vi") == (
        "Kỳ 03/2024 vừa được tính theo kế hoạch cũ hơn kế hoạch đã dùng cho kỳ 04/2024 (kế "
        "hoạch đó không còn xóm Nà Mòn). Trước khi chạy lại các kỳ sau, hãy đặt tệp kế hoạch "
        "mới trở lại thư mục đầu vào (thay cho 'KH.xlsx')."
    )
