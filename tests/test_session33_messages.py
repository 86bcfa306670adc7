"""Session 33: what a hamlet head reads in PhanHoi about a second list of the hamlet still
under its former name (unknown-hamlet variant 'former-sent'): not "correct and send again",
since the hamlet's own list of the month is counted (session 32 left the status line as
for any refused list)."""

from __future__ import annotations

import openpyxl

from pipeline.run import execute
from tests.commune import person, write_roster
from tests.test_session32_former_name import april_renamed, refusal


def _status(book) -> list[str]:
    rows = [r for r in book["Hướng dẫn sửa"].iter_rows(values_only=True) if "Tình trạng:" in r]
    return [[v for v in r if v][-1] for r in rows]


def test_a_second_list_under_the_former_name_is_not_told_to_be_sent_again_as_such(tmp_path):
    # April: Tân Mòn's list (counted) and a copy still written 'Nà Mòn' (NaMon_cu_2024-04.xlsx)
    folder, out = april_renamed(tmp_path)
    rows = [person(f"NM{i}", "near_poor" if i > 3 else "poor") for i in range(1, 6)]
    write_roster(folder, "NaMon_cu_2024-04.xlsx", "Nà Mòn", 100, rows, period="2024-04")
    result, _, _ = execute(folder, out, "2024-04")
    assert refusal(result).variant == "former-sent"
    # the copy's feedback file: the only one of the month (Tân Mòn's and Bản Cọ's lists are clean)
    [phan_hoi] = sorted((out / "2024-04" / "PhanHoi").iterdir())
    assert _status(openpyxl.load_workbook(phan_hoi)) == [
        "Danh sách chưa được tổng hợp vì ô 'Xóm' ghi 'Nà Mòn', là tên cũ của xóm Tân Mòn, và "
        "xóm Tân Mòn đã có danh sách kỳ này (tệp 'NaMon_2024-04.xlsx') được tính. Nếu tệp này "
        "mới là bản đúng, hãy sửa ô 'Xóm' thành 'Tân Mòn' (xem bảng dưới) rồi gửi lại để thay "
        "cho tệp kia; nếu không, không cần gửi lại tệp này."
    ]


def test_the_check_a_stopped_run_names_reads_the_runs_history(tmp_path):
    """May's folder holds the plan and Nà Mòn's list under its former name alone: the run
    stops, naming the list and the `check` that says every problem of each file. That check
    now carries the run's history (--output, not the default here): only with it does `check`
    know 'Nà Mòn' as Tân Mòn's former name, as the run does; without it, the plain refusal."""
    import shutil
    import subprocess
    import sys

    from tests.test_session32_former_name import FORMER_VI

    folder, out = april_renamed(tmp_path)
    may = tmp_path / "thang 5"  # a folder with a space: quoted in the command
    may.mkdir()
    shutil.copy(folder / "KeHoach_2024.xlsx", may / "KeHoach_2024.xlsx")
    rows = [person(f"NM{i}", "near_poor" if i > 3 else "poor") for i in range(1, 6)]
    write_roster(may, "NaMon_2024-05.xlsx", "Nà Mòn", 100, rows, period="2024-05")

    def giamngheo(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True,
                              text=True, timeout=120)  # fmt: skip

    stopped = giamngheo("run", "--input", str(may), "--output", str(out), "--period", "2024-05")
    assert stopped.returncode == 2, stopped.stderr
    said = stopped.stderr.strip()
    assert said.endswith(
        f". Xem đủ các lỗi của từng tệp: {sys.executable} -m pipeline check '{may}' --output {out}"
    ), said
    checked = giamngheo("check", str(may), "--output", str(out))
    assert FORMER_VI in checked.stdout, checked.stdout
    alone = giamngheo("check", str(may), "--output", str(tmp_path / "no history"))
    assert "là tên cũ" not in alone.stdout, alone.stdout
