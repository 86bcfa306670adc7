"""Session 47: review of the commands printed to paste and the words after them
(docs/decisions.md, "Session 47: the plan set aside for several months says those months";
"Session 47: review of the commands printed to paste").

Session 25's merger of 1 July 2025 on the small commune (tests.commune): Trung Lương
(KeHoach_2025.xlsx) joins Định Hóa (KeHoach_2025_DinhHoa.xlsx, saved later) on 1 July 2025."""

from __future__ import annotations

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.messages import quoted
from pipeline.run import execute
from tests.test_session25_commune_merger import merger, write_merger_month


def test_the_plan_set_aside_for_two_months_says_those_months(tmp_path):
    """May and June run for Trung Lương, July for Định Hóa; `check` of the folder says Định
    Hóa's plan set aside once for May and June. Its words named the two months, then went on
    "không dùng tệp này cho kỳ này" ("for this period"): which one? Now "các kỳ tháng 5/2025,
    6/2025 … cho các kỳ đó" ("months 5/2025, 6/2025 … for those months"); a month's run says
    it for its month as before."""
    folder, out, _ = merger(tmp_path)
    write_merger_month(folder, 5)
    execute(folder, out, "2025-05")
    execute(folder, out, "2025-07")
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    [_, both] = [i for i in check_files([folder], "vi", history) if i.code == "plan-duplicate"]
    assert (both.file, both.detail) == ("KeHoach_2025_DinhHoa.xlsx", "KeHoach_2025.xlsx")
    assert both.message("vi").startswith(
        "Có hai tệp kế hoạch cùng năm của hai xã khác nhau (như khi sáp nhập xã): tệp đã dùng "
        "là kế hoạch của xã 'Trung Lương' (các kỳ tháng 5/2025, 6/2025 đã được tổng hợp theo "
        "xã 'Trung Lương' nên dùng lại kế hoạch của xã đó), tệp này của xã 'Định Hóa'; đã dùng "
        "'KeHoach_2025.xlsx', không dùng tệp này cho các kỳ đó. Hãy để cả hai tệp trong thư "
        "mục: "
    )
    assert both.message("en").startswith(
        "Two plan workbooks of the same year, of two different communes (as at a commune "
        "merger): the plan used is for commune 'Trung Lương' (months 5/2025, 6/2025 were "
        "consolidated for commune 'Trung Lương', so its plan is used again), this one for "
        "commune 'Định Hóa'; used 'KeHoach_2025.xlsx', not this one for those months. Keep "
        "both in the folder: "
    )
    # the rest as a month's: May's run says it for May alone
    may, _, _ = execute(folder, out, "2025-05")
    [said] = [i for i in may.issues if i.code == "plan-duplicate"]
    assert said.message("vi").startswith(
        "Có hai tệp kế hoạch cùng năm của hai xã khác nhau (như khi sáp nhập xã): tệp đã dùng "
        "là kế hoạch của xã 'Trung Lương' (kỳ tháng 5/2025 đã được tổng hợp theo xã 'Trung "
        "Lương' nên dùng lại kế hoạch của xã đó), tệp này của xã 'Định Hóa'; đã dùng "
        "'KeHoach_2025.xlsx', không dùng tệp này cho kỳ này. Hãy để cả hai tệp trong thư mục: "
    )
    tail = "Hãy để cả hai tệp trong thư mục: "
    assert both.message("vi").split(tail)[1] == said.message("vi").split(tail)[1]


def test_a_command_in_a_cell_stays_text_with_folders_named_as_formulas(tmp_path):
    """The plan set aside for a copy saved later, their figures differing (plan-duplicate
    'differ'): its words end with the run to paste, in 'Lỗi dữ liệu'. The input folder is
    named '=SUM(1)', the output folder given as '-x' and '=1+1' (relative). Each cell is text,
    not a formula Excel would compute or refuse ('=SUM(1)' read back as written), and the
    command taken from the cell runs as it stands. A guard: it passes before session 47's
    review too (every cell of the sheet is written as a string: report.cells.put_text)."""
    from tests.test_session25_commune_merger import OLD, write_merger_plan
    from tests.test_session47_commands_paste import PROGRAM, paste, pasted, tool

    folder = tmp_path / "=SUM(1)"
    folder.mkdir()
    write_merger_plan(folder / "KeHoach_2025.xlsx", "Trung Lương", OLD, (0.5, 0.3), 1_750_000_000)
    write_merger_plan(
        folder / "KeHoach_2025_sua.xlsx", "Trung Lương", OLD, (0.6, 0.3), 1_760_000_000
    )
    write_merger_month(folder, 6)
    for out in ("-x", "=1+1"):
        ran = tool("run", "--input", folder, "--output", out, "--period", "2025-06", cwd=tmp_path)
        assert ran.returncode == 0, ran.stderr
        [book] = (tmp_path / out / "2025-06").glob("TongHop_*.xlsx")
        sheet = openpyxl.load_workbook(book)["Lỗi dữ liệu"]
        [cell] = [c for row in sheet.iter_rows() for c in row if PROGRAM in str(c.value or "")]
        assert cell.data_type == "s"
        run = f"{PROGRAM} run --input {quoted(str(folder))} --output {out} --period 2025-06"
        assert cell.value.endswith(
            "Hãy xem tệp nào đúng rồi chỉ để tệp đó trong thư mục, và chạy lại. Lệnh chạy lại "
            f"kỳ này: {run}"
        )
        assert pasted(cell.value) == [run]
        assert paste(run, tmp_path).returncode == 0


def test_the_check_a_stop_names_runs_with_an_input_folder_beginning_with_a_dash(tmp_path):
    """The run given `--input -vao` (a folder whose name begins with '-', relative: click takes
    it as the option's value) stops, Bản Cọ's only list refused (its total 0), naming the
    check to paste: "giamngheo check -vao". Pasted, click took '-vao' for options ('-v'…) and
    refused it: "Không có tùy chọn '-v'" (exit 2). Now the folder is written './-vao', a path
    no option is taken for: the check says the list's error (exit 1)."""
    from tests.commune import person, write_plan, write_roster
    from tests.test_session47_commands_paste import PROGRAM, paste, pasted, tool

    folder = tmp_path / "-vao"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 0, [person("BC1", "poor")])
    ran = tool("run", "--input", "-vao", "--output", "-ra", cwd=tmp_path)
    assert ran.returncode == 2
    [check] = pasted(ran.stderr)
    assert check == f"{PROGRAM} check ./-vao"
    done = paste(check, tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[-1] == "2 tệp, 1 lỗi, 2 cảnh báo."


def test_check_says_every_lines_code_in_one_place(tmp_path):
    """The tool first used in July 2025, July run for Định Hóa; May's lists of Trung Lương come
    late. `check` of May's files says three warnings: the two lists' commune, then Trung
    Lương's plan set aside, whose words end with May's run. The plan's line said its code
    after its place ("[Cảnh báo] KeHoach_2025.xlsx (plan-duplicate): …"), the lists' lines
    after their words ("… ở ô này. (commune-mismatch)"): an officer scanning the lines found
    it in two places. Now every line says it after its place, the words ending the line."""
    from tests.test_session46_plan_pick import first_used_in_july, plans_and_lists
    from tests.test_session47_commands_paste import run_command, tool

    folder, out = first_used_in_july(tmp_path)
    assert tool("run", "--input", folder, "--output", out, "--period", "2025-07",
                 cwd=tmp_path).returncode == 0  # fmt: skip
    write_merger_month(folder, 5)
    for lang, level in (("vi", "Cảnh báo"), ("en", "Warning")):
        checked = tool(
            "check", *plans_and_lists(folder, 5), "--output", out, "--lang", lang, cwd=tmp_path
        )
        assert checked.returncode == 0
        *lines, total = checked.stdout.splitlines()
        assert [line.split(": ", 1)[0] for line in lines] == [
            f"[{level}] BC_2025-05.xlsx, Thông tin, B2 (commune-mismatch)",
            f"[{level}] NM_2025-05.xlsx, Thông tin, B2 (commune-mismatch)",
            f"[{level}] KeHoach_2025.xlsx (plan-duplicate)",
        ]
        assert lines[0].endswith(
            "hãy làm như cảnh báo về tệp 'KeHoach_2025.xlsx' nói; nếu không, từ nay hãy ghi "
            "'Định Hóa' ở ô này."
            if lang == "vi"
            else "do as the warning on 'KeHoach_2025.xlsx' says; if not, from now on write "
            "'Định Hóa' in this cell."
        )
        assert lines[2].endswith(run_command(folder, out, "2025-05"))


def test_a_folder_with_cmds_own_characters_is_quoted_on_windows(monkeypatch):
    """On Windows the command is quoted as a program reads its command line (subprocess.
    list2cmdline): a folder with spaces in "…", one without ('Xa&Thon', 'A|B') as it stands.
    Pasted into cmd.exe, '&' ran the rest of the line as a second command ("'Thon' is not
    recognized …") and '|' piped the tool into it. Now such a folder is in "…" too, a
    backslash ending it doubled before the quote (a program reads '\\"' as a quote); a Unix
    shell's quoting unchanged."""
    import os

    from pipeline.messages import quoted

    assert [quoted(t) for t in ("Xa&Thon", "D:\\A|B\\")] == ["'Xa&Thon'", "'D:\\A|B\\'"]
    with monkeypatch.context() as windows:  # (back to this system's before pytest reports)
        windows.setattr(os, "name", "nt")
        said = [quoted(t) for t in ("Xa&Thon", "D:\\A|B\\", "D:\\Tong hop", "D:\\TongHop", "a^b")]
    assert said == ['"Xa&Thon"', '"D:\\A|B\\\\"', '"D:\\Tong hop"', "D:\\TongHop", '"a^b"']
