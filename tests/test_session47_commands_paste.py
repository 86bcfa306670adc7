"""Session 47: every command the tool prints pastes and runs as it stands, copied from its start
to the end of its line (docs/decisions.md, "Session 47: a command printed ends its line").

Session 25's merger on the small commune (tests.commune): Trung Lương (KeHoach_2025.xlsx) joins
Định Hóa (KeHoach_2025_DinhHoa.xlsx) on 1 July 2025. The tool is started here as the officer
starts it, in a process of its own (this interpreter's `-m pipeline`), with folders whose names
have spaces (quoted in the command). Each command is taken from where it starts to the end of
its line (of the screen, or of a 'Lỗi dữ liệu' cell), split as a shell splits it and run."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from contextlib import contextmanager
from datetime import date

import openpyxl

from pipeline.messages import quoted
from tests.test_session25_commune_merger import (
    OLD,
    merger,
    old_commune_month,
    write_merger_month,
    write_merger_plan,
)
from tests.test_session45_year_turn_review import old_plan_unusable
from tests.test_session46_plan_pick import first_used_in_july, plans_and_lists

PROGRAM = f"{quoted(sys.executable)} -m pipeline"  # as the commands here name the tool


def tool(*words, cwd) -> subprocess.CompletedProcess:
    """The tool run as the officer runs it (its own process), its screen in text."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, words)], cwd=cwd,
                          capture_output=True, text=True, env=env)  # fmt: skip


def pasted(text: str) -> list[str]:
    """Each command of ``text``: from where it starts to the end of its line."""
    return [line[line.index(PROGRAM) :] for line in text.splitlines() if PROGRAM in line]


def paste(command: str, cwd) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(shlex.split(command), cwd=cwd, capture_output=True, text=True, env=env)


def run_command(folder, out, period: str) -> str:
    return (f"{PROGRAM} run --input {quoted(str(folder))} --output {quoted(str(out))} "
            f"--period {period}")  # fmt: skip


@contextmanager
def _moved_out(path, tmp_path):
    """The file ``path`` moved out of its folder (into ``tmp_path``) while the block runs."""
    aside = tmp_path / path.name
    shutil.move(path, aside)
    try:
        yield
    finally:
        shutil.move(aside, path)


def _errors_sheet(out, period: str) -> str:
    """The text of every cell of 'Lỗi dữ liệu' of ``period``'s workbook, a line a cell."""
    [book] = (out / period).glob("TongHop_*.xlsx")
    sheet = openpyxl.load_workbook(book)["Lỗi dữ liệu"]
    return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)


def test_checks_stop_line_pastes_the_run(tmp_path):
    """June run for Trung Lương, July for Định Hóa; Trung Lương's plan then has its 'Xã' (B3)
    cleared. `check` of June's files said the stop's run, then the code: "… --period 2025-06
    (plan-invalid)"; pasted to the line's end, the shell refuses it (here: an extra argument,
    a usage error). Now the code comes before the words: the command ends the line, in both
    languages; pasted once 'Xã' is written back, it runs June (exit 0)."""
    (tmp_path / "Xa TL").mkdir()
    folder, out, _ = merger(tmp_path / "Xa TL")
    assert tool("run", "--input", folder, "--output", out, "--period", "2025-07",
                 cwd=tmp_path).returncode == 0  # fmt: skip
    old_plan_unusable(folder)
    said = {}
    for lang in ("vi", "en"):
        done = tool(
            "check", *plans_and_lists(folder, 6), "--output", out, "--lang", lang, cwd=tmp_path
        )
        assert done.returncode == 1
        said[lang] = pasted(done.stdout)
    assert said["vi"] == said["en"] == [run_command(folder, out, "2025-06")]
    book = openpyxl.load_workbook(folder / "KeHoach_2025.xlsx")
    book["Thông tin chung"]["B3"] = "Trung Lương"
    book.save(folder / "KeHoach_2025.xlsx")
    os.utime(folder / "KeHoach_2025.xlsx", (1_750_000_000, 1_750_000_000))
    done = paste(said["vi"][0], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "xã Trung Lương" in done.stdout


def test_the_unsure_months_warning_pastes_the_run_from_check_and_the_workbook(tmp_path):
    """The tool first used in July 2025, July run for Định Hóa; May's lists of Trung Lương come
    late. The warning on Trung Lương's plan gave May's run inside its words ("chạy lại kỳ này
    (… --period 2025-05), rồi chép tệp đó trở lại"): pasted to the line's end, "2025-05),"
    is no month. Now the words end with it, on `check`'s line and in May's 'Lỗi dữ liệu'
    cell; done as said (Định Hóa's plan moved out), the pasted run stores May for Trung
    Lương."""
    (tmp_path / "Xa TL").mkdir()
    folder, out = first_used_in_july(tmp_path / "Xa TL")
    assert tool("run", "--input", folder, "--output", out, "--period", "2025-07",
                 cwd=tmp_path).returncode == 0  # fmt: skip
    write_merger_month(folder, 5)
    checked = tool("check", *plans_and_lists(folder, 5), "--output", out, cwd=tmp_path)
    ran = tool("run", "--input", folder, "--output", out, "--period", "2025-05", cwd=tmp_path)
    assert (checked.returncode, ran.returncode) == (0, 0)
    may = run_command(folder, out, "2025-05")
    assert pasted(checked.stdout) == [may]
    # the screen sends to 'Lỗi dữ liệu' for the warning; its notice: July to run again
    assert pasted(ran.stdout + ran.stderr) == [run_command(folder, out, "2025-07")]
    assert pasted(_errors_sheet(out, "2025-05")) == [may]
    with _moved_out(folder / "KeHoach_2025_DinhHoa.xlsx", tmp_path):
        done = paste(may, tmp_path)
        assert done.returncode == 0, done.stderr
        assert "xã Trung Lương" in done.stdout
    done = paste(pasted(ran.stdout)[0], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "xã Định Hóa" in done.stdout


def test_two_plans_differing_paste_the_run_from_check_and_the_workbook(tmp_path):
    """June consolidated for Trung Lương; a copy of its plan with 'Xã' mistyped is saved later
    and June is run again (differ-stored): "… và chạy lại (… --period 2025-06)." Now "… Lệnh
    chạy lại kỳ này: <the run>", ending `check`'s line (its code first) and the cell."""
    (tmp_path / "Xa TL").mkdir()
    folder, out, _ = old_commune_month(tmp_path / "Xa TL", 6)
    write_merger_plan(
        folder / "KeHoach_2025_sua.xlsx", "Trung Luơng X", OLD, (0.5, 0.3), 1_760_000_000
    )
    ran = tool("run", "--input", folder, "--output", out, "--period", "2025-06", cwd=tmp_path)
    checked = tool("check", folder, "--output", out, "--lang", "en", cwd=tmp_path)
    assert (ran.returncode, checked.returncode) == (0, 0)
    june = run_command(folder, out, "2025-06")
    assert pasted(_errors_sheet(out, "2025-06")) == pasted(checked.stdout) == [june]
    assert "(plan-duplicate): More than one plan workbook" in checked.stdout
    (folder / "KeHoach_2025_sua.xlsx").unlink()  # the one found wrong
    assert paste(june, tmp_path).returncode == 0


def test_a_month_rewritten_for_the_other_commune_is_told_a_run_that_pastes(tmp_path):
    """June run for Trung Lương, July for Định Hóa; Trung Lương's plan then leaves the folder
    and June is run again: its figures are Định Hóa's, said in a notice ending "chạy lại kỳ
    này (… --period 2025-06), rồi chép tệp đó trở lại; từ đó …". Now it ends with the run,
    on the screen's line; done as said, the pasted run stores June for Trung Lương again."""
    (tmp_path / "Xa TL").mkdir()
    folder, out, _ = merger(tmp_path / "Xa TL")
    assert tool("run", "--input", folder, "--output", out, "--period", "2025-07",
                 cwd=tmp_path).returncode == 0  # fmt: skip
    with _moved_out(folder / "KeHoach_2025.xlsx", tmp_path):
        ran = tool("run", "--input", folder, "--output", out, "--period", "2025-06", cwd=tmp_path)
        assert ran.returncode == 0
        # the notice's run, the earlier runs of June to look at (session 51: the re-run's
        # line names `history --period`), then the later months' (July, with June's old figures)
        [june, runs, july] = pasted(ran.stdout)
        assert (june, july) == (
            run_command(folder, out, "2025-06"),
            run_command(folder, out, "2025-07"),
        )
        assert runs == f"{PROGRAM} history --output {quoted(str(out))} --period 2025-06"
        assert paste(runs, tmp_path).returncode == 0
    with _moved_out(folder / "KeHoach_2025_DinhHoa.xlsx", tmp_path):
        done = paste(june, tmp_path)
        assert done.returncode == 0, done.stderr
        assert "xã Trung Lương" in done.stdout
    assert paste(july, tmp_path).returncode == 0


def test_a_stop_naming_two_lists_sent_again_ends_with_the_run(tmp_path):
    """Nà Mòn's and Bản Cọ's April lists sent again under May's names ('Kỳ báo cáo' 04/2024),
    no other list of May: `run --period 2024-05` stops, saying each file with the run of May
    after it, on one line: "… rồi chạy lại: <run> Xóm Nà Mòn …". Pasted to the line's end,
    the second hamlet's words went with the first run. Now the run is said once, ending the
    line; pasted once May's lists come, it runs May (exit 0)."""
    from tests.commune import person, write_plan, write_roster

    folder = tmp_path / "Xa TL" / "vao"
    folder.mkdir(parents=True)
    out = tmp_path / "Xa TL" / "ra"
    write_plan(folder)
    april = {"period": "2024-04", "prepared": date(2024, 5, 3)}
    lists = {"BanCo": ("Bản Cọ", 200, "BC"), "NaMon": ("Nà Mòn", 100, "NM")}
    for name, (hamlet, size, code) in lists.items():
        rows = [person(f"{code}1", "poor"), person(f"{code}3", "near_poor")]
        write_roster(folder, f"{name}_2024-04.xlsx", hamlet, size, rows, **april)
        shutil.copy(folder / f"{name}_2024-04.xlsx", folder / f"{name}_2024-05.xlsx")
    for lang in ("vi", "en"):
        ran = tool("run", "--input", folder, "--output", out, "--period", "2024-05",
                    "--lang", lang, cwd=tmp_path)  # fmt: skip
        assert ran.returncode == 2
        [line] = ran.stderr.splitlines()
        assert ("'BanCo_2024-05.xlsx'" in line) and ("'NaMon_2024-05.xlsx'" in line)
        said = pasted(line)
        assert said == [run_command(folder, out, "2024-05")]
    for name, (hamlet, size, code) in lists.items():  # May's lists come
        rows = [person(f"{code}1", "poor"), person(f"{code}3", "near_poor")]
        write_roster(folder, f"{name}_2024-05.xlsx", hamlet, size, rows, period="2024-05")
    done = paste(said[0], tmp_path)
    assert done.returncode == 0, done.stderr
