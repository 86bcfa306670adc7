"""Session 34: a month run again with its own, older plan when the later months were run under
SEVERAL newer plans (docs/decisions.md, "Session 34: a month run under an older plan than
several later plans"): the notice says plans, not "kế hoạch đó" (that plan), and which months'
plans lack which hamlets where they differ; each later month to be run with its own plan."""

from __future__ import annotations

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets, start_list, write_plan
from tests.test_session32_renames import na_mon_run, renamed_twice, write_na_mon_under


def older(folder, out) -> tuple[str, str]:
    """March's list corrected (NM2 near-poor), run with March's plan put back: the notice."""
    (folder / "NaMon_2024-03.xlsx").unlink()
    write_na_mon_under(folder, "2024-03", "Nà Mòn", (2, 4, 5), name="NaMon_sua_2024-03.xlsx")
    write_plan(folder)  # the plan March used
    execute(folder, out, "2024-03")
    said = [n for n in NOTICES if "kế hoạch cũ hơn" in in_language(n, "vi")]
    assert len(said) == 1
    return in_language(said[0], "vi"), in_language(said[0], "en")


# each later month run with its own plan, put in the folder alone (session 34 review)
PUT = (
    "hãy để trong thư mục đầu vào kế hoạch mà chính kỳ đó đã dùng, thay cho kế hoạch đang ở đó "
    "('KeHoach_2024.xlsx' lúc này), mỗi lần chỉ một tệp kế hoạch (có hai tệp thì chương trình "
    "dùng tệp lưu sau cùng); mỗi kỳ giữ bản kế hoạch của nó trong thư mục 'nguon' của kỳ, trong "
    "thư mục kết quả."
)
PUT_EN = (
    "put in the input folder the plan that period used, in place of the plan there "
    "('KeHoach_2024.xlsx' now), one plan file at a time (of two, the run takes the one saved "
    "last); each period keeps a copy of its plan in its 'nguon' folder, in the output folder."
)


def kept_hamlets(out) -> list[str]:
    """The hamlets of the start list the history keeps for 2024 (period '2024-00')."""
    return sorted(set(HistoryStore(out / HISTORY_FILE).households(["2024-00"])["hamlet"]))


KEPT = (
    "danh sách hộ đầu năm lưu trong lịch sử vẫn theo kế hoạch của kỳ 05/2024. Trước khi chạy "
    "lại từng kỳ sau, " + PUT
)
KEPT_EN = (
    "the start-of-year list the history keeps still follows the plan of 05/2024. Before "
    "running each later period again, " + PUT_EN
)


def test_two_later_plans_lacking_the_same_hamlet_are_said_as_plans(tmp_path):
    """March under the first plan, April under a plan writing 'Nà Mòn Mới', May under one
    writing 'Tân Mòn' (tests.test_session32_renames.renamed_twice): two newer plans, each
    without 'Nà Mòn'. Before: "… cũ hơn kế hoạch đã dùng cho kỳ 04/2024, 05/2024 (kế hoạch đó
    không còn xóm Nà Mòn) … hãy đặt tệp kế hoạch mới trở lại …", as if one plan ran both."""
    folder, out = renamed_twice(tmp_path)
    vi, en = older(folder, out)
    assert kept_hamlets(out) == ["Bản Cọ", "Tân Mòn", "Đồng Kè"]  # May's plan's list
    assert vi == (
        "Kỳ 03/2024 vừa được tính theo kế hoạch cũ hơn các kế hoạch đã dùng cho kỳ 04/2024, "
        "05/2024 (các kế hoạch đó đều không còn xóm Nà Mòn): " + KEPT
    )
    assert en == (
        "Period 03/2024 was consolidated now under an older plan than the ones used for "
        "04/2024, 05/2024 (which no longer have hamlet(s) Nà Mòn): " + KEPT_EN
    )


def test_later_plans_lacking_different_hamlets_are_said_month_by_month(tmp_path):
    """As above, May's plan also writing 'Bản Cọ' as 'Bản Cọ Mới' (Bản Cọ sends nothing): April's
    plan lacks Nà Mòn, May's Bản Cọ and Nà Mòn. Before: "(kế hoạch đó không còn xóm Bản Cọ,
    Nà Mòn)", untrue of April's."""
    folder, out = new_commune(tmp_path)
    na_mon_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    for period, names in (("2024-04", {"Nà Mòn": "Nà Mòn Mới"}),
                          ("2024-05", {"Nà Mòn": "Tân Mòn", "Bản Cọ": "Bản Cọ Mới"})):  # fmt: skip
        hamlets = [dict(h, hamlet=names.get(h["hamlet"], h["hamlet"])) for h in plan_hamlets()]
        start = [dict(r, hamlet=names.get(r["hamlet"], r["hamlet"])) for r in start_list()]
        write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)
        na_mon_run(folder, out, period, names["Nà Mòn"], (3, 4, 5))
    vi, en = older(folder, out)
    assert kept_hamlets(out) == ["Bản Cọ Mới", "Tân Mòn", "Đồng Kè"]  # May's plan's list
    assert vi == (
        "Kỳ 03/2024 vừa được tính theo kế hoạch cũ hơn các kế hoạch đã dùng cho kỳ 04/2024, "
        "05/2024 (kế hoạch của kỳ 04/2024 không còn xóm Nà Mòn; của kỳ 05/2024 không còn xóm "
        "Bản Cọ, Nà Mòn): " + KEPT
    )
    assert en == (
        "Period 03/2024 was consolidated now under an older plan than the ones used for "
        "04/2024, 05/2024 (the plan of 04/2024 no longer has hamlet(s) Nà Mòn; that of 05/2024 "
        "no longer has hamlet(s) Bản Cọ, Nà Mòn): " + KEPT_EN
    )


def test_the_start_list_kept_is_named_by_the_month_whose_run_kept_it(tmp_path):
    """March under the first plan; May under a plan writing 'Nà Mòn Mới' with a new hamlet
    'Khuổi Mới' (KM1 poor on its start list); April, run after May, under the same plan without
    'Khuổi Mới' (no hamlet May's lacks: not older, so it keeps its start list). The history's
    start list is then April's plan's (no Khuổi Mới), not May's. Before, the notice of March
    run again said it follows "kế hoạch của các kỳ đó" (one plan of April and May); now it
    names April."""
    folder, out = new_commune(tmp_path)
    na_mon_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    renamed = [dict(h, hamlet="Nà Mòn Mới") if h["hamlet"] == "Nà Mòn" else h
               for h in plan_hamlets()]  # fmt: skip
    start = [dict(r, hamlet="Nà Mòn Mới") if r["hamlet"] == "Nà Mòn" else r for r in start_list()]
    khuoi = dict(renamed[-1], hamlet="Khuổi Mới", start_poor=1, start_near_poor=0)
    extra = dict(person("KM1", "poor"), hamlet="Khuổi Mới", stt=len(start) + 1)
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, [*renamed, khuoi],
                        [*start, extra])  # fmt: skip
    na_mon_run(folder, out, "2024-05", "Nà Mòn Mới", (2, 3, 4, 5))
    assert "Khuổi Mới" in kept_hamlets(out)
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, renamed, start)
    na_mon_run(folder, out, "2024-04", "Nà Mòn Mới", (3, 4, 5))
    assert kept_hamlets(out) == ["Bản Cọ", "Nà Mòn Mới", "Đồng Kè"]  # April's plan's list
    vi, en = older(folder, out)
    assert kept_hamlets(out) == ["Bản Cọ", "Nà Mòn Mới", "Đồng Kè"]
    assert vi == (
        "Kỳ 03/2024 vừa được tính theo kế hoạch cũ hơn các kế hoạch đã dùng cho kỳ 04/2024, "
        "05/2024 (các kế hoạch đó đều không còn xóm Nà Mòn): " + KEPT.replace("05/2024", "04/2024")
    )
    assert en == (
        "Period 03/2024 was consolidated now under an older plan than the ones used for "
        "04/2024, 05/2024 (which no longer have hamlet(s) Nà Mòn): "
        + KEPT_EN.replace("05/2024", "04/2024")
    )
