"""Session 50's review of T18 (lists apart of a merged hamlet) and T20 ('Nộp báo cáo' says what
each other month did with its lists).

The small commune (tests.commune). March: Nà Mòn NM1-NM3, NX1 (new this year) poor, NM4, NM5
near-poor; Bản Cọ BC1, BC2, BC4, BC6 poor and BC3, BC5, BC7 near-poor; Đồng Kè DK1 poor, DK2
near-poor. April: Nà Mòn sends nothing; Bản Cọ and Đồng Kè their own. The plan then merges Bản
Cọ into Nà Mòn (start list NM1-NM3, BC1, BC2 poor, NM4, NM5, BC3 near-poor, all under Nà Mòn).
May: Nà Mòn lists its own, BC2, BC3, BC6; Đồng Kè its own; Bản Cọ's old head a list with its
'Xóm' cell and title blank, named only by its file name 'BanCo_2024-05.xlsx'. The lists sent
twice use session 50's apart_more fixture, the months run again its other_months_said one."""

from __future__ import annotations

from datetime import date

from pipeline.run import execute
from tests.commune import new_commune, person, write_merged_plan, write_roster
from tests.summaries import json_summary
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session47_mergers import movement_row
from tests.test_session48_gone_hamlet import bc_7
from tests.test_session49_merged_two import NEW
from tests.test_session49_merged_two import merged_may_lists as _lists_may
from tests.test_session50_apart_more import lists_unnamed, may
from tests.test_session50_other_months_said import lists, may_rows


def _silent_april(tmp_path, old_head: list[dict]):
    """March and April as above (Nà Mòn silent in April), the merged plan, May's lists with the
    old head's ``old_head`` named only by its file name. Returns the run's issues."""
    folder, out = new_commune(tmp_path)
    nx1 = person("NX1", "poor")
    run_lists(
        folder, out, "2024-03", {"Nà Mòn": na_mon_rows(nx1), "Bản Cọ": bc_7(), "Đồng Kè": dk_rows()}
    )
    run_lists(folder, out, "2024-04", {"Bản Cọ": bc_7(), "Đồng Kè": dk_rows()})
    write_merged_plan(folder)
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    lists_unnamed(folder, old_head)
    result, _, _ = execute(folder, out, "2024-05")
    return result.issues


def test_a_list_named_by_its_file_name_names_the_month_of_the_list_compared_with(tmp_path):
    """The old head's list NX1, BX1-BX4 (no 'Xóm', no title): NX1 is on Nà Mòn's March list,
    the list its month table compares with (Nà Mòn silent in April), on no list counted. The
    refusal says it holds 1 household of Nà Mòn 'on the hamlet's list of 03/2024'. Before it
    said 'danh sách tháng trước' (April's, which Nà Mòn never sent) or the start list (NX1 is
    not on it)."""
    issues = _silent_april(tmp_path, [person("NX1", "poor"), *NEW])
    [refused] = [i for i in issues if i.code == "missing-hamlet"]
    # every hamlet of the merged plan sent its list: no name to write (session 53)
    assert (refused.variant, refused.instead) == ("holds-all-sent", "Nà Mòn")
    assert (
        "Danh sách có 1 hộ (NX1) của xóm Nà Mòn (có trong danh sách tháng 03/2024 của xóm) mà "
        "danh sách xóm Nà Mòn gửi kỳ này không có:" in refused.message("vi")
    )
    assert (
        "It lists 1 household (NX1) of hamlet Nà Mòn (on the hamlet's list of 03/2024) that the "
        "list Nà Mòn sent this period lacks:" in refused.message("en")
    )


def test_a_list_named_by_its_file_name_names_both_lists_its_households_are_on(tmp_path):
    """The same with BC1 too (Nà Mòn's start list; Bản Cọ's April list is stored under Bản Cọ,
    a name the plan lacks): 2 households (BC1, NX1), on the start list or March's list."""
    issues = _silent_april(tmp_path, [bc_7()[0], person("NX1", "poor"), *NEW])
    [refused] = [i for i in issues if i.code == "missing-hamlet"]
    assert (
        "Danh sách có 2 hộ (BC1, NX1) của xóm Nà Mòn (có trong danh sách đầu năm hoặc danh "
        "sách tháng 03/2024 của xóm) mà" in refused.message("vi")
    )
    assert (
        "It lists 2 households (BC1, NX1) of hamlet Nà Mòn (on the hamlet's start-of-year list "
        "or its list of 03/2024) that" in refused.message("en")
    )


def test_lists_a_month_run_again_without_them_are_said_neutrally(tmp_path):
    """'Nộp báo cáo' of May, April run twice: first with the three lists, then again
    (--replace) with Nà Mòn's alone, Bản Cọ's and Đồng Kè's April lists moved out and back for
    May's run. April's stored run (the latest) read Nà Mòn's list only: Nà Mòn's its own row;
    the two others "không tính vào kỳ này" (the history cannot tell they were counted: the
    month's run that stands did not read them), never "tính vào kỳ đó"."""
    folder, out = new_commune(tmp_path)
    every = {"Nà Mòn": 100, "Bản Cọ": 200, "Đồng Kè": 150}
    lists(folder, "2024-04", every)
    execute(folder, out, "2024-04")
    aside = tmp_path / "aside"
    aside.mkdir()
    for name in ("BanCo_2024-04.xlsx", "DongKe_2024-04.xlsx"):
        (folder / name).rename(aside / name)
    execute(folder, out, "2024-04", replace=True)
    for name in ("BanCo_2024-04.xlsx", "DongKe_2024-04.xlsx"):
        (aside / name).rename(folder / name)
    assert may_rows(folder, out) == [
        ("Nà Mòn", "Khác kỳ (tháng 4/2024): tính vào kỳ đó", "NaMon_2024-04.xlsx"),
        (
            "2 xóm",
            "Khác kỳ (tháng 4/2024): 2 tệp của 2 xóm, không tính vào kỳ này",
            "BanCo_2024-04.xlsx\nDongKe_2024-04.xlsx",
        ),
    ]


def test_a_list_apart_sent_twice_with_other_households_counts_each_once(tmp_path):
    """T18's list sent twice, the second file ('BanCo_2024-05 (2).xlsx') with other households:
    BC4 (on Bản Cọ's April list, new this year) and BX5 (new), the first BC1, BX1-BX4. One
    warning; listed apart the union: BC1, BC4, BX1-BX5 = 7, of the start list 1 (BC1). Nà
    Mòn's month table (poor NM1-NM3, BC1, BC2, BC4, BC6 = 7): BC1 and BC4 not counted, none
    exited: 7 - 2 = 5; the year table poor 5 + 1 new (BC6) - 1 not counted (BC1) = 5."""
    result, hamlets, _, _ = may(tmp_path, [bc_7()[3], person("BX5", "poor")])
    na_mon = hamlets["Nà Mòn"]
    assert (na_mon["status"], na_mon["incomplete"]["households_apart"],
            na_mon["incomplete"]["households_listed_apart"]) == ("rejected", 1, 7)  # fmt: skip
    [apart] = [i for i in result.issues if i.code == "merged-list-apart"]
    assert "1 hộ có trong danh sách đầu năm và 6 hộ khác" in apart.message("vi")
    year, month = na_mon["movements"], na_mon["movements_month"]
    assert (movement_row(month, "poor"), month["poor"]["not_counted"]) == ((7, 0, 0, 0, 0, 5), 2)
    assert (movement_row(year, "poor"), year["poor"]["not_counted"]) == ((5, 1, 0, 0, 0, 5), 1)


def test_a_household_of_march_holds_the_list_apart_after_a_refused_april(tmp_path):
    """T18's silent April, Nà Mòn's April list sent but refused (total 'abc') instead: its
    month table still compares with its March list (April accepted no list of it), so NX1,
    on the old head's list apart (NX1, BX1-BX4, 'Bản Cọ' written), holds it: Nà Mòn
    'rejected', month poor 8 (NM1-NM3, NX1, BC1, BC2, BC4, BC6) - 2 exited (BC1, BC4) - 1 not
    counted (NX1) = 5, as after a silent April."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-03", {"Nà Mòn": na_mon_rows(person("NX1", "poor")),
                                    "Bản Cọ": bc_7(), "Đồng Kè": dk_rows()})  # fmt: skip
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    for n, (hamlet, total, rows) in enumerate(
        (("Nà Mòn", "abc", na_mon_rows()), ("Bản Cọ", 200, bc_7()), ("Đồng Kè", 150, dk_rows()))
    ):
        write_roster(folder, f"DS_{n}_2024-04.xlsx", hamlet, total, rows, "2024-04",
                     date(2024, 5, 3))  # fmt: skip
    execute(folder, out, "2024-04")
    april = {h["hamlet"]: h["status"] for h in json_summary(out, "2024-04")["hamlets"]}
    assert april["Nà Mòn"] == "rejected"
    write_merged_plan(folder)
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    for name, hamlet, total, rows in _lists_may([person("NX1", "poor"), *NEW]):
        write_roster(folder, name, hamlet, total, rows, period="2024-05")
    execute(folder, out, "2024-05")
    na_mon = {h["hamlet"]: h for h in json_summary(out, "2024-05")["hamlets"]}["Nà Mòn"]
    assert (na_mon["status"], na_mon["movements_month_from"]) == ("rejected", "2024-03")
    month = na_mon["movements_month"]
    assert (movement_row(month, "poor"), month["poor"]["not_counted"]) == ((8, 0, 0, 0, 2, 5), 1)
