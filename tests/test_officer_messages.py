"""What the officer and the heads are told: commands ready to paste, the list that tells whose
codes a file holds, a count not taken for the household size, `check` with the history."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl

from pipeline.run import collect, execute
from tests.commune import person, write_plan, write_roster

ROOT = Path(__file__).resolve().parents[1]


def _pipeline(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)  # fmt: skip


# --- 1. commands ready to paste ----------------------------------------------------------------


def test_a_pasted_command_repeats_only_the_folders_given_otherwise():
    from pipeline.messages import RunCommand

    assert RunCommand().of("2024-05") == "giamngheo run --period 2024-05"
    same = RunCommand(Path("./input"), Path("output/"))  # the defaults, written otherwise
    assert same.of("2024-05") == "giamngheo run --period 2024-05"
    assert RunCommand(Path("/srv/xa/vao"), Path("output")).of("2024-01") == (
        "giamngheo run --input /srv/xa/vao --period 2024-01"
    )
    if os.name != "nt":
        assert RunCommand(Path("input"), Path("/srv/Kết quả 2024")).of("2024-01") == (
            "giamngheo run --output '/srv/Kết quả 2024' --period 2024-01"
        )


def test_the_late_file_notice_gives_the_folders_of_the_run_and_its_command_works(tmp_path):
    """January is run from 'Xã Trung Lương/vao' into 'Kết quả 2024' while Bản Cọ had sent
    nothing; its January list arrives with February's. February's run, from the command line
    with the same two folders, says to run January again with both folders (the output one,
    with its space, quoted). Pasted into a shell, that command consolidates January in that
    output folder with Bản Cọ (1 poor)."""
    folder, out = tmp_path / "Xã Trung Lương" / "vao", tmp_path / "Kết quả 2024"
    folder.mkdir(parents=True)
    write_plan(folder)
    for month in ("2024-01", "2024-02"):
        write_roster(folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, [person("NM1", "poor")],
                     period=month, prepared=date(2024, int(month[5:]) + 1, 2))  # fmt: skip
    execute(folder, out, "2024-01")
    for month in ("2024-01", "2024-02"):
        write_roster(folder, f"BanCo_{month}.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                     period=month, prepared=date(2024, 3, 2))  # fmt: skip
    done = _pipeline("run", "--input", str(folder), "--output", str(out), "--period", "2024-02",
                     "--quiet")  # fmt: skip
    assert done.returncode == 0, done.stderr
    command = f"giamngheo run --input '{folder}' --output '{out}' --period 2024-01"
    assert (
        "CHÚ Ý: Có danh sách kỳ 01/2024 của xóm Bản Cọ ('BanCo_2024-01.xlsx'), kỳ mà khi tổng "
        f"hợp xóm chưa nộp hoặc bị từ chối. Để tính vào kỳ đó, hãy chạy lại: {command}\n"
    ) in done.stdout
    pasted = command.replace("giamngheo", f"{sys.executable} -m pipeline", 1)
    again = subprocess.run(pasted + " --quiet", shell=True, cwd=ROOT, capture_output=True,
                           text=True, timeout=300)  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert f"Bảng tổng hợp: {out / '2024-01' / 'TongHop_2024-01.xlsx'}" in again.stdout
    assert "Xóm: 2/3 đã tổng hợp" in again.stdout


def test_the_mistyped_month_notice_gives_the_folders_of_the_run(tmp_path):
    """One file of June named for May beside May's files: the notice's command to consolidate
    June names the run's input folder."""
    from pipeline.messages import RunCommand
    from pipeline.output import NOTICES

    NOTICES.clear()
    write_plan(tmp_path)
    path = write_roster(tmp_path, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102,
                        [person("NM1", "poor")], period="2024-06")  # fmt: skip
    book = openpyxl.load_workbook(path)  # only the cell was mistyped: the title says May
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024"
    book.save(path)
    write_roster(tmp_path, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    result, _ = collect(tmp_path, None, command=RunCommand(Path("vao"), Path("ra")))
    assert result.summary["period"] == "2024-05"
    assert NOTICES == [
        "Kỳ 06/2024 chỉ có ở 'DS_NaMon_2024-05.xlsx', mà tên tệp lại ghi kỳ 05/2024; đã tổng hợp "
        "kỳ 05/2024. Nếu đúng là danh sách kỳ 06/2024, hãy chạy: giamngheo run --input vao "
        "--output ra --period 2024-06"
    ]
