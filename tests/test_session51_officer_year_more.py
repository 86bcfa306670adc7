"""Session 51 (D2): what the officer's year (QA) found and left, fixed.

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households), Bản Cọ's BC1-2 poor, BC3 near-poor (200), Đồng Kè (150) sends nothing; the plan's
commune targets 1.52 and 1.01 points. April is run with Nà Mòn's list alone; the district
revises the plan in place (the commune's poor target 1.52 -> 1.80); June is run with Bản Cọ's
late April list beside June's lists.
"""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import FatalError, execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets, start_list, write_roster
from tests.month_lists import april_na_mon_alone, two_lists

_BAN_CO = [person("BC1", "poor"), person("BC3", "near_poor")]


def _june_after_a_revised_plan(tmp_path):
    """April run with Nà Mòn's list alone (3 poor), its list then taken out of the input folder;
    the plan revised in place (KeHoach_2024.xlsx, poor target 1.80); June run with both
    hamlets' June lists and Bản Cọ's late April list."""
    folder, out = april_na_mon_alone(tmp_path)
    na = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", dict(PLAN_INFO, poor_target=1.8),
                        plan_hamlets(), start_list())  # fmt: skip
    for hamlet, file, rows in (
        ("Nà Mòn", "NaMon_06.xlsx", na),
        ("Bản Cọ", "BanCo_06.xlsx", _BAN_CO),
    ):
        write_roster(folder, file, hamlet, 100 if hamlet == "Nà Mòn" else 200, rows,
                     period="2024-06", prepared=date(2024, 7, 3))  # fmt: skip
    write_roster(folder, "BanCo_04.xlsx", "Bản Cọ", 200, _BAN_CO, period="2024-04",
                 prepared=date(2024, 6, 20))  # fmt: skip
    execute(folder, out, "2024-06")
    return folder, out


def _april_totals(out) -> tuple:
    april = json.loads((out / "2024-04" / "TongHop_2024-04.json").read_text(encoding="utf-8"))
    t = april["totals"]
    return t["households"], t["poor"], t["near_poor"], t["poor_target"]


# --- 1. the stop of a month run again without its lists: the lists, not the plan -------------


def test_the_stop_of_a_month_lacking_its_lists_says_to_copy_the_lists_not_the_plan(tmp_path):
    """April run again with Bản Cọ's late list alone stops. It said "Hãy chép các tệp trong thư
    mục '…/nguon'", which holds April's plan too: copied over the plan revised since, it puts
    the old plan back for every later month. It now says the lists, not the plan file, as the
    late list's notice does; done so, April counts both hamlets under the plan in the folder:
    Nà Mòn 3 poor + Bản Cọ 1 poor, 1 near-poor = 4 poor, 1 near-poor of 300 households."""
    folder, out = _june_after_a_revised_plan(tmp_path)
    kept = out / "2024-04" / "nguon"
    with pytest.raises(FatalError) as stopped:
        execute(folder, out, "2024-04")
    said = stopped.value.args[0]
    assert in_language(said, "vi") == (
        "Kỳ 04/2024 đã được tổng hợp với 1 xóm; lần chạy này không có tệp của 1 xóm trong số đó "
        "(Nà Mòn), nên chương trình không ghi đè kết quả cũ. Hãy chép các danh sách trong thư "
        f"mục '{kept}' (trừ tệp kế hoạch) vào thư mục đầu vào cùng với tệp mới rồi chạy lại; nếu "
        "thật sự muốn bỏ các xóm đó khỏi kỳ này, chạy lại với --replace."
    )
    assert in_language(said, "en") == (
        "Period 04/2024 was consolidated with 1 hamlets; this run has no file for 1 of them (Nà "
        f"Mòn), so the old results are not overwritten. Copy the lists of '{kept}' (not the plan "
        "file) into the input folder with the new file and run again; to leave those hamlets out "
        "of this period on purpose, run again with --replace."
    )
    shutil.copy2(kept / "NaMon_04.xlsx", folder / "NaMon_04.xlsx")  # as told: the list alone
    execute(folder, out, "2024-04")
    assert _april_totals(out) == (300, 4, 1, 1.8)
    assert not [n for n in NOTICES if "giống hệt" in in_language(n, "vi")]


def test_an_old_plan_copied_back_over_the_revised_one_is_said_as_the_months_kept_copy(tmp_path):
    """Everything in April's 'nguon' copied back, its plan too, over the revised plan of the
    same name (what the stop's words led to): April runs under the old plan (1.52, its own),
    and the revised-plan notice named June, "lúc đó là 1,80 điểm, nay là 1,52 điểm", then told
    to run June again with it, never that the plan in the folder is April's kept copy. It now
    says so, and to put the new plan back before the later months are run."""
    folder, out = _june_after_a_revised_plan(tmp_path)
    for kept in sorted((out / "2024-04" / "nguon").iterdir()):
        shutil.copy2(kept, folder / kept.name)
    execute(folder, out, "2024-04")
    assert _april_totals(out) == (300, 4, 1, 1.52)
    [said] = [n for n in NOTICES if "theo kế hoạch khác" in in_language(n, "vi")]
    vi, en = in_language(said, "vi"), in_language(said, "en")
    assert vi.startswith(
        "Kỳ 06/2024 đã được tổng hợp theo kế hoạch khác với kế hoạch đang dùng "
        "('KeHoach_2024.xlsx'): chỉ tiêu giảm tỷ lệ hộ nghèo của xã lúc đó là 1,80 điểm, nay là "
        "1,52 điểm."
    )
    back = (
        " Tệp 'KeHoach_2024.xlsx' đang dùng giống hệt bản kế hoạch kỳ 04/2024 đã dùng (bản được "
        "giữ trong thư mục 'nguon' của kỳ đó), cũ hơn kế hoạch kỳ 06/2024 đã dùng: nếu tệp này "
        "được chép lại từ thư mục 'nguon', hãy đặt lại tệp kế hoạch mới vào thư mục đầu vào "
        "trước khi chạy các kỳ sau. Nếu tệp kế hoạch bị đặt nhầm"
    )
    assert back in vi
    assert (
        " The file 'KeHoach_2024.xlsx' used now is the very plan period 04/2024 used (the copy "
        "kept in its 'nguon' folder), older than the plan 06/2024 used: if it was copied back "
        "from a 'nguon' folder, put the new plan file back in the input folder before running "
        "the later periods. If the plan file"
    ) in en
    assert vi.endswith("giamngheo run --period 2024-06")  # the command stays the last words


# --- 2. a month run again: every run's figures, by `giamngheo history --period` --------------


def _march(folder, near_poor_nm3: bool = False) -> None:
    """March's lists: Nà Mòn NM1-3 poor (NM3 near-poor once corrected), NM4-5 near-poor;
    Bản Cọ BC1-2 poor, BC3 near-poor."""
    nm3 = "near_poor" if near_poor_nm3 else "poor"
    two_lists(folder, "2024-03", date(2024, 4, 3), nm3=nm3)


def test_history_of_a_period_lists_every_run_with_its_own_figures(tmp_path):
    """March run, then again after Nà Mòn's list was corrected (NM3 poor -> near-poor), then
    once more with the same files. The re-run's screen said "Số liệu lần trước vẫn được lưu
    trong lịch sử" and no command showed them (`history` shows a month's last run). Now it
    names `giamngheo history --period 2024-03`, which lists the three runs, oldest first:
    300 households each; 5 poor (5/300 = 1,67 %) and 3 near-poor (1,00 %) first, then 4 and 4
    (1,33 % each); Đồng Kè sent nothing (not every hamlet); 3 files read (the plan, two lists);
    the third run read the second's files (the same print), the last run marked in use."""
    from click.testing import CliRunner

    from pipeline.cli import main
    from pipeline.messages import RunCommand

    folder, out = new_commune(tmp_path)
    _march(folder)
    command = RunCommand(folder, out)
    execute(folder, out, "2024-03", command=command)
    _march(folder, near_poor_nm3=True)
    execute(folder, out, "2024-03", command=command)
    [said] = [n for n in NOTICES if in_language(n, "vi").startswith("Số liệu kỳ 03/2024")]
    assert in_language(said, "vi").endswith(
        "Số liệu lần trước vẫn được lưu trong lịch sử; xem các lần chạy của kỳ này: "
        f"giamngheo history --output {out} --period 2024-03"
    )
    assert in_language(said, "en").endswith(
        "The previous figures stay in the history; to see this period's runs: "
        f"giamngheo history --output {out} --period 2024-03"
    )
    execute(folder, out, "2024-03", command=command)
    shown = CliRunner().invoke(main, ["history", "--output", str(out), "--period", "2024-03"])
    assert shown.exit_code == 0
    lines = shown.output.splitlines()
    assert lines[0] == "Kỳ 03/2024: 3 lần chạy"
    assert lines[1].split() == ["Lần", "chạy", "Số", "hộ", "Hộ", "nghèo", "Tỷ", "lệ", "%",
                                "Cận", "nghèo", "Tỷ", "lệ", "%", "Đủ", "xóm", "Số", "tệp",
                                "Dấu", "tệp"]  # fmt: skip
    rows = [line.split() for line in lines[2:5]]
    # the time (date and hh:mm), then the figures
    assert [row[2:9] for row in rows] == [
        ["300", "5", "1,67", "3", "1,00", "không", "3"],
        ["300", "4", "1,33", "4", "1,33", "không", "3"],
        ["300", "4", "1,33", "4", "1,33", "không", "3"],
    ]
    prints = [row[9] for row in rows]
    assert prints[0] != prints[1] == prints[2] and all(len(p) == 8 for p in prints)
    assert [row[10:] for row in rows] == [[], [], ["(đang", "dùng)"]]
    assert lines[5] == (
        "Lần chạy ghi (đang dùng) cho số liệu hiện nay của kỳ; các lần khác đã được thay bằng "
        "lần chạy sau. Số tệp: tệp kế hoạch và các danh sách của kỳ đã đọc; cùng dấu tệp: cùng "
        "các tệp đó, không sai một byte."
    )  # (then what each run replaced had by hamlet: tests/test_session52_left_messages.py)
    english = CliRunner().invoke(
        main, ["history", "--output", str(out), "--period", "03/2024", "--lang", "en"]
    )
    lines = english.output.splitlines()
    assert lines[0] == "Period 03/2024: 3 run(s)"
    assert lines[2].split()[2:] == ["300", "5", "1.67", "3", "1.00", "no", "3", prints[0]]
    assert lines[4].split()[-2:] == ["(in", "use)"]


def test_history_of_a_period_not_stored_or_not_a_month_says_so(tmp_path):
    """A month never run: said, exit 0, as `history` of an empty store; a value that is no
    month ('2024-13'): one line naming the form to write, exit 2."""
    from click.testing import CliRunner

    from pipeline.cli import main

    folder, out = new_commune(tmp_path)
    _march(folder)
    execute(folder, out, "2024-03")
    none = CliRunner().invoke(main, ["history", "--output", str(out), "--period", "2024-04"])
    assert (none.exit_code, none.output) == (
        0,
        f"Chưa có kỳ 04/2024 trong {out / 'lich-su.sqlite'}.\n",
    )
    bad = CliRunner().invoke(main, ["history", "--output", str(out), "--period", "2024-13"])
    assert bad.exit_code == 2
    assert (
        "--period '2024-13': không có tháng 13; tháng ghi từ 01 đến 12, dạng YYYY-MM (ví dụ "
        "2024-05)."
    ) in bad.output


# --- 3. June run with May never run: said on screen ------------------------------------------


def test_a_month_run_after_a_month_never_run_says_so_on_screen(tmp_path):
    """April run; May never (no lists came); June run. Only 'Biến động' said it ("Chưa có số
    liệu tháng 5/2024 …"): the JSON's previous_period is null and June is not compared with
    April. Now one line names May and what follows, with the commands in order."""
    folder, out = april_na_mon_alone(tmp_path)
    na = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    write_roster(folder, "NaMon_06.xlsx", "Nà Mòn", 100, na[:2], period="2024-06",
                 prepared=date(2024, 7, 3))  # fmt: skip
    execute(folder, out, "2024-06")
    june = json.loads((out / "2024-06" / "TongHop_2024-06.json").read_text(encoding="utf-8"))
    assert (june["previous_period"], june["totals"]["movements_month"]) == (None, None)
    said = [n for n in NOTICES if "chưa được tổng hợp (kỳ đã tổng hợp" in in_language(n, "vi")]
    assert [in_language(n, "vi") for n in said] == [
        "Kỳ 05/2024 chưa được tổng hợp (kỳ đã tổng hợp liền trước kỳ này là 04/2024), nên kỳ "
        "06/2024 không có biến động so với tháng trước (không so với kỳ 04/2024) và xu hướng "
        "không có kỳ đó. Nếu có danh sách của kỳ đó, hãy tổng hợp lần lượt rồi chạy lại kỳ này: "
        "giamngheo run --period 2024-05; giamngheo run --period 2024-06"
    ]
    assert in_language(said[0], "en") == (
        "Period 05/2024 was never consolidated (the consolidated period just before this one is "
        "04/2024), so 06/2024 has no changes since last month (none counted against 04/2024) "
        "and its trend lacks it. If its lists exist, run it in order, then this period again: "
        "giamngheo run --period 2024-05; giamngheo run --period 2024-06"
    )


def test_a_month_run_after_the_month_before_it_or_beside_its_lists_says_nothing_of_a_skip(
    tmp_path,
):
    # controls: May run before June says nothing of a skip; June with May's lists in the
    # folder, May never run, hears the notice of lists never consolidated, not this one too
    folder, out = new_commune(tmp_path)
    na = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    for month in ("04", "05"):
        write_roster(folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, na, period=f"2024-{month}",
                     prepared=date(2024, int(month) + 1, 3))  # fmt: skip
    execute(folder, out, "2024-04")
    write_roster(folder, "NaMon_06.xlsx", "Nà Mòn", 100, na, period="2024-06",
                 prepared=date(2024, 7, 3))  # fmt: skip
    execute(folder, out, "2024-06")
    vi = [in_language(n, "vi") for n in NOTICES]
    assert not [n for n in vi if "(kỳ đã tổng hợp liền trước" in n]
    assert [n for n in vi if n.startswith("Thư mục đầu vào có danh sách kỳ 05/2024")]
    execute(folder, out, "2024-05")
    execute(folder, out, "2024-06")
    assert not [n for n in NOTICES if "(kỳ đã tổng hợp liền trước" in in_language(n, "vi")]
