"""What the officer and the heads are told: commands ready to paste, the list that tells whose
codes a file holds, a count not taken for the household size, `check` with the history."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl

from pipeline.run import collect, execute
from tests.commune import (
    copy_named_for_na_mon,
    june_list_named_for_may,
    person,
    write_plan,
    write_roster,
)

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
    # started as `python -m pipeline`, the command starts so too (a literal paste runs)
    command = (
        f"{shlex.quote(sys.executable)} -m pipeline run --input '{folder}' --output '{out}' "
        "--period 2024-01"
    )
    assert (
        "CHÚ Ý: Có danh sách kỳ 01/2024 của xóm Bản Cọ ('BanCo_2024-01.xlsx'), kỳ mà khi tổng "
        f"hợp xóm chưa nộp hoặc bị từ chối. Để tính vào kỳ đó, hãy chạy lại: {command}\n"
    ) in done.stdout
    again = subprocess.run(command + " --quiet", shell=True, cwd=ROOT, capture_output=True,
                           text=True, timeout=300)  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert f"Bảng tổng hợp: {out / '2024-01' / 'TongHop_2024-01.xlsx'}" in again.stdout
    assert "Xóm: 2/3 đã tổng hợp" in again.stdout


def test_a_pasted_command_starts_as_the_officer_started_this_one():
    """Under `make` the script is '.venv/bin/giamngheo' (not on the terminal's PATH): the
    notices repeat it as typed; started as `python -m pipeline`, they give this interpreter's
    `-m pipeline`."""
    from pipeline.messages import RunCommand, program_as_started

    assert program_as_started(".venv/bin/giamngheo", "/usr/bin/python3") == ".venv/bin/giamngheo"
    assert program_as_started("giamngheo", "/usr/bin/python3") == "giamngheo"
    assert (
        program_as_started("/srv/gn/pipeline/__main__.py", "/srv/my env/bin/python")
        == "'/srv/my env/bin/python' -m pipeline"
    )
    command = RunCommand(Path("input"), Path("output"), ".venv/bin/giamngheo")
    assert command.of("2024-03") == ".venv/bin/giamngheo run --period 2024-03"


def test_the_mistyped_month_notice_gives_the_folders_of_the_run(tmp_path):
    """One file of June named for May beside May's files: the notice's command to consolidate
    June names the run's input folder."""
    from pipeline.messages import RunCommand
    from pipeline.output import NOTICES

    NOTICES.clear()
    june_list_named_for_may(tmp_path)
    result, _ = collect(tmp_path, None, command=RunCommand(Path("vao"), Path("ra")))
    assert result.summary["period"] == "2024-05"
    assert NOTICES == [
        "Kỳ 06/2024 chỉ có ở 'DS_NaMon_2024-05.xlsx', mà tên tệp lại ghi kỳ 05/2024; đã tổng hợp "
        "kỳ 05/2024. Nếu đúng là danh sách kỳ 06/2024, hãy chạy: giamngheo run --input vao "
        "--output ra --period 2024-06"
    ]


# --- 2. the list that tells whose codes a file holds --------------------------------------------


REFUSED_VI = (
    "Ô 'Xóm' ghi 'Bản Cọ' nhưng tên tệp ghi xóm Nà Mòn và các mã hộ trong danh sách là của xóm "
    "Nà Mòn (theo {list}): có thể tệp được chép từ xóm 'Bản Cọ' mà chưa sửa ô 'Xóm', nên tệp "
    "chưa được tính. Nếu đây là danh sách của xóm Nà Mòn, hãy sửa ô 'Xóm' thành 'Nà Mòn', kiểm "
    "tra cả các ô khác chép từ tệp của xóm 'Bản Cọ' (nhất là 'Tổng số hộ dân cư') rồi gửi lại."
)


def _refusal(issues):
    return next(i for i in issues if i.code == "hamlet-codes-of-file-name")


def test_the_refusal_by_codes_names_the_stored_months_that_told_it(tmp_path):
    """Without a start list, April's stored lists tell that NM1 and NM4 are Nà Mòn's: May's
    refusal says so ('theo danh sách tháng 4/2024 đã tổng hợp'), not 'the start of the year, or
    the months'. May run again is judged by April's and May's stored lists, and names both."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    copy_named_for_na_mon(folder, out)
    refused = _refusal(execute(folder, out, "2024-05")[0].issues)
    assert (refused.file, refused.hamlet) == ("DS_NaMon_2024-05.xlsx", "Nà Mòn")
    assert refused.message() == REFUSED_VI.format(list="danh sách tháng 4/2024 đã tổng hợp")
    assert "(on the list of 04/2024 already consolidated)" in refused.message("en")
    again = _refusal(execute(folder, out, "2024-05")[0].issues)
    assert again.message() == REFUSED_VI.format(
        list="danh sách các tháng 4/2024–5/2024 đã tổng hợp"
    )
    assert "(on the lists of 04/2024–05/2024 already consolidated)" in again.message("en")


def test_the_refusal_by_codes_names_the_start_list_when_the_plan_has_one(tmp_path):
    """With the plan's start list (NM1 and NM4 Nà Mòn's), the same copy is refused 'theo danh
    sách đầu năm', though months are stored too."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    copy_named_for_na_mon(folder, out)
    write_plan(folder)  # the plan again, now with its start list
    refused = _refusal(collect(folder, "2024-05")[0].issues)
    assert refused.message() == REFUSED_VI.format(list="danh sách đầu năm")


def test_stored_months_are_named_as_a_run_or_one_by_one():
    from pipeline.consolidate import lists_named

    assert lists_named(["2024-04"]) == "danh sách tháng 4/2024"
    assert lists_named(["2024-05", "2024-03", "2024-04"]) == "danh sách các tháng 3/2024–5/2024"
    assert lists_named(["2024-01", "2024-03"]) == "danh sách các tháng 1/2024, 3/2024"
    assert lists_named(["2024-01", "2024-03"]).en == "the lists of 01/2024, 03/2024"


# --- 3. a count of some members, not taken for the household size --------------------------------


def test_a_missing_household_size_says_which_count_was_not_taken_for_it(tmp_path):
    """Bản Cọ's header says 'Số người có BHYT' (H4) where the template says 'Số nhân khẩu': the
    household size is missing, and the error says that H4 was seen and not taken for it, in a
    run as in `check`. A header naming no column ('Điện thoại') adds nothing."""
    from pipeline.checkfiles import check_files

    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    path = write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    book = openpyxl.load_workbook(path)
    assert book["Danh sách"]["H4"].value == "Số nhân khẩu"
    book["Danh sách"]["H4"] = "Số người có BHYT"
    book.save(path)
    result, _ = collect(tmp_path, None, workers=0)
    missing = next(i for i in result.issues if i.code == "missing-column")
    assert (missing.file, missing.column) == ("BanCo.xlsx", "Số nhân khẩu")
    assert missing.message() == (
        "Thiếu cột bắt buộc 'Số nhân khẩu' trong trang 'Danh sách'. Cột 'Số người có BHYT' (ô "
        "H4) không được lấy làm cột này vì nó chỉ đếm một số người trong hộ, không phải mọi nhân "
        "khẩu của hộ. Hãy thêm cột 'Số nhân khẩu' vào dòng tiêu đề và ghi 'Số nhân khẩu' cho từng "
        "hộ (xem mẫu)."
    )
    assert missing.message("en") == (
        "Required column 'Số nhân khẩu' is missing from sheet 'Danh sách'. Column 'Số người có "
        "BHYT' (cell H4) was not taken for it: it counts only some of the household's members, "
        "not all of them. Add a 'Số nhân khẩu' column to the header row and fill it in for every "
        "household (see the template)."
    )
    checked = [i for i in check_files([path]) if i.code == "missing-column"]
    assert [i.message() for i in checked] == [missing.message()]
    book["Danh sách"]["H4"] = "Điện thoại"
    book.save(path)
    (plain,) = [i for i in check_files([path]) if i.code == "missing-column"]
    assert plain.message() == (
        "Thiếu cột bắt buộc 'Số nhân khẩu' trong trang 'Danh sách'. Hãy thêm cột 'Số nhân khẩu' "
        "vào dòng tiêu đề và ghi 'Số nhân khẩu' cho từng hộ (xem mẫu)."
    )
    # A count of some members that shares no word with another column ('Số người khuyết tật')
    # is not guessed to be the size either ("sửa tiêu đề ô H4 thành 'Số nhân khẩu'" would have
    # the disabled members counted as the household): the same missing-column error.
    book["Danh sách"]["H4"] = "Số người khuyết tật"
    book.save(path)
    said = [i for i in check_files([path]) if i.code in ("missing-column", "column-misnamed")]
    assert [(i.code, i.message()) for i in said] == [
        (
            "missing-column",
            "Thiếu cột bắt buộc 'Số nhân khẩu' trong trang 'Danh sách'. Cột 'Số người khuyết tật' "
            "(ô H4) không được lấy làm cột này vì nó chỉ đếm một số người trong hộ, không phải "
            "mọi nhân khẩu của hộ. Hãy thêm cột 'Số nhân khẩu' vào dòng tiêu đề và ghi 'Số nhân "
            "khẩu' cho từng hộ (xem mẫu).",
        )
    ]


# --- 4. `check` with the run's history, only read ----------------------------------------------


def _store_state(out: Path) -> tuple:
    """The output folder's files, and the history store's bytes and modification time."""
    store = out / "lich-su.sqlite"
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    return names, store.read_bytes(), store.stat().st_mtime_ns


def test_check_tells_whose_codes_a_file_holds_from_the_history_without_changing_it(tmp_path):
    """No start list; April stored in 'output' says NM1 and NM4 are Nà Mòn's. `check input`
    (run where 'input' and 'output' are, as the officer runs `run`) refuses Nà Mòn's copy of
    Bản Cọ's file as May's run does, with the same message, where it said the file was counted
    for Bản Cọ; the history store and the output folder are left byte for byte as they were.
    Given another output folder, it reads that one's store; one that is not there is said."""
    from pipeline.checkfiles import check_files

    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    copy_named_for_na_mon(folder, out)
    before = _store_state(out)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "pipeline", "check", "input"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 1, done.stderr
    told = f"{REFUSED_VI.format(list='danh sách tháng 4/2024 đã tổng hợp')}"
    said = [line for line in done.stdout.splitlines() if "DS_NaMon_2024-05.xlsx" in line]
    assert said == [
        f"[LỖI] DS_NaMon_2024-05.xlsx, Thông tin, B3 (hamlet-codes-of-file-name): {told}"
    ]
    assert "tệp được tính cho xóm" not in done.stdout
    assert _store_state(out) == before
    # the same refusal as May's run (which then stores May)
    ran = _refusal(execute(folder, out, "2024-05")[0].issues)
    assert ran.message() == told
    # another output folder: its store is read; a store of no use there is left unused
    moved = tmp_path / "Kết quả"
    out.rename(moved)
    elsewhere = subprocess.run(
        [sys.executable, "-m", "pipeline", "check", "input", "--output", "Kết quả"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert "(hamlet-codes-of-file-name)" in elsewhere.stdout, elsewhere.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "pipeline", "check", "input", "--output", "ketqua"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert (missing.returncode, missing.stdout) == (2, "")
    assert not (tmp_path / "ketqua").exists()
    assert missing.stderr == (
        f"LỖI: Không có thư mục kết quả 'ketqua' trong thư mục '{tmp_path.name}'; hãy "
        "kiểm tra lại đường dẫn (--output).\n"  # its full path before session 60 (H)
    )
    # no history where the files are checked: as before, the file name alone warns
    plain = check_files([folder])
    assert [i.code for i in plain if i.file == "DS_NaMon_2024-05.xlsx"] == [
        "hamlet-differs-from-file-name"
    ]
    assert not (tmp_path / "output").exists()
    # a store a run would stop on (damaged): the files are checked without it, and it is left
    from pipeline.history import HistoryStore

    damaged = tmp_path / "hong" / "lich-su.sqlite"
    damaged.parent.mkdir()
    damaged.write_bytes(b"not a database" * 100)
    found = check_files([folder], history=HistoryStore(damaged, read_only=True))
    assert [i.code for i in found if i.file == "DS_NaMon_2024-05.xlsx"] == [
        "hamlet-differs-from-file-name"
    ]
    assert damaged.read_bytes() == b"not a database" * 100
    assert [p.name for p in damaged.parent.iterdir()] == ["lich-su.sqlite"]


# --- 5. a list sent for this month that says another in 'Kỳ báo cáo' ---------------------------


def test_a_hamlet_whose_file_says_another_month_is_told_as_sent_not_just_missing(tmp_path):
    """Bản Cọ's 'DS_BanCo_2024-05.xlsx' says 'Kỳ báo cáo' 04/2024 (April's file sent again, or
    the cell not updated). It counts for April, so Bản Cọ has no May list (status 'missing', as
    the contract's JSON says), but the officer is told on screen which file and cell, with the
    command to run May again, and 'Nộp báo cáo' names the file instead of a bare 'Chưa nộp'."""
    from pipeline.output import NOTICES

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 100, [person("NM1", "poor")])
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                 period="2024-04")  # fmt: skip
    NOTICES.clear()
    result, written, _ = execute(folder, out, None)
    assert result.period == "2024-05"
    by = {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}
    assert (by["Nà Mòn"], by["Bản Cọ"]) == ("ok", "missing")
    told = [str(n) for n in NOTICES if "Bản Cọ" in str(n)]
    assert told == [
        "Xóm Bản Cọ được tính là chưa nộp kỳ 05/2024: tệp 'DS_BanCo_2024-05.xlsx' mang tên kỳ "
        "05/2024 nhưng ô 'Kỳ báo cáo' ghi 04/2024. Nếu đó là danh sách kỳ 05/2024, hãy sửa ô "
        "'Kỳ báo cáo' (trang 'Thông tin', ô B4) thành 05/2024 rồi chạy lại: giamngheo run "
        "--period 2024-05"
    ]
    sheet = openpyxl.load_workbook(written["workbook"])["Nộp báo cáo"]
    rows: dict = {}  # the hamlet table's row (its file is listed again under 'Các tệp khác')
    for r in sheet.iter_rows(values_only=True):
        if r[1] in by and r[0]:
            rows.setdefault(r[1], r[2:4])
    assert rows["Bản Cọ"] == (
        "Chưa nộp kỳ này: tệp gửi ghi kỳ 04/2024 ở ô 'Kỳ báo cáo' (xem trang 'Lỗi dữ liệu')",
        "DS_BanCo_2024-05.xlsx",
    )
    assert rows["Nà Mòn"][0].startswith("Hợp lệ")  # its start list's households gone: warned
    assert rows["Nà Mòn"][1] == "DS_NaMon_2024-05.xlsx"


def test_a_later_months_list_named_for_this_one_keeps_its_own_notice_only(tmp_path):
    """June's list named for May (consolidate._unless_only_mistyped) is told once, by its own
    notice (run June), not also as "not sent for May"; 'Nộp báo cáo' still names the file."""
    from pipeline.output import NOTICES

    june_list_named_for_may(tmp_path)
    NOTICES.clear()
    result, written, _ = execute(tmp_path, tmp_path / "ra", None)
    assert result.period == "2024-05"
    assert [str(n) for n in NOTICES if "Nà Mòn" in str(n) or "DS_NaMon" in str(n)] == [
        "Kỳ 06/2024 chỉ có ở 'DS_NaMon_2024-05.xlsx', mà tên tệp lại ghi kỳ 05/2024; đã tổng hợp "
        "kỳ 05/2024. Nếu đúng là danh sách kỳ 06/2024, hãy chạy: giamngheo run --period 2024-06"
    ]
    sheet = openpyxl.load_workbook(written["workbook"])["Nộp báo cáo"]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[1] == "Nà Mòn")
    assert row[2:4] == (
        "Chưa nộp kỳ này: tệp gửi ghi kỳ 06/2024 ở ô 'Kỳ báo cáo' (xem trang 'Lỗi dữ liệu')",
        "DS_NaMon_2024-05.xlsx",
    )
