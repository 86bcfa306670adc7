"""`check` of the whole input folder says what the run of that folder stops on, where it said
"0 lỗi" and exited 0 (session 58's Left, D3): a folder with no file, a folder holding only files
passed over and no plan, and giamngheo's output folder given as the folder. Each is an error
line of its own, counted, exit 1, beside the run's exit 2. And `check` of lists named without a
plan gives as its example the plan of their folder and year, not 'input/KeHoach_2024.xlsx'
(session 59, helper D). Every case from the command line (click's runner), both languages."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import person, write_plan, write_roster


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args))


NOTE = (
    "Lưu ý: không có tệp kế hoạch trong các tệp được kiểm tra, nên tên xóm, số hộ và danh sách "
    "đầu năm chưa được so với kế hoạch (một danh sách ghi tên xóm không có trong kế hoạch sẽ bị "
    "từ chối khi tổng hợp). Để kiểm tra đủ như khi tổng hợp, hãy thêm tệp kế hoạch (ví dụ "
    "{plan}) vào cuối lệnh check."
)
NOTE_EN = (
    "Note: no plan among the files checked, so hamlet names, household counts and the "
    "start-of-year list are not compared with the plan (a list whose hamlet is not in the plan "
    "is refused by the run). To check as a run does, add the plan (for example {plan}) at the "
    "end of the check command."
)


def test_lists_named_without_the_plan_are_told_the_plan_of_their_folder_and_year(
    tmp_path, monkeypatch
):
    # June 2025's lists of Nà Mòn and Bản Cọ in 'thang6', checked by name from the folder above
    # it: a run of them reads 'thang6' and takes the 2025 plan. Before: "(ví dụ
    # input/KeHoach_2024.xlsx)", a folder and a year of neither.
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "thang6"
    folder.mkdir()
    sent = date(2025, 7, 1)
    write_roster(folder, "DS_NaMon.xlsx", "Nà Mòn", 100, [person("NM1", "poor")], "2025-06", sent)
    write_roster(folder, "DS_BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")], "2025-06", sent)
    named = ("check", "thang6/DS_NaMon.xlsx", "thang6/DS_BanCo.xlsx", "--no-history")
    done = _invoke(*named)
    assert done.exit_code == 0
    assert done.output.splitlines() == [
        NOTE.format(plan="thang6/KeHoach_2025.xlsx"),
        "2 tệp, 0 lỗi, 0 cảnh báo.",
    ]
    english = _invoke(*named, "--lang", "en")
    assert english.output.splitlines() == [
        NOTE_EN.format(plan="thang6/KeHoach_2025.xlsx"),
        "2 file(s), 0 error(s), 0 warning(s).",
    ]
    # one list named in the folder it is in: the plan beside it, no folder written
    monkeypatch.chdir(folder)
    here = _invoke("check", "DS_NaMon.xlsx", "--no-history")
    assert here.output.splitlines() == [
        NOTE.format(plan="KeHoach_2025.xlsx"),
        "1 tệp, 0 lỗi, 0 cảnh báo.",
    ]


def test_an_empty_folder_checked_says_the_runs_stop_on_an_error_line(tmp_path):
    # 'vao' holds only what a system leaves in a folder: the run stops ("chưa có tệp nào",
    # exit 2). Before: the same words as a line counting nothing, "0 tệp, 0 lỗi", exit 0.
    folder = tmp_path / "vao"
    folder.mkdir()
    (folder / ".DS_Store").write_bytes(b"\x00")
    done = _invoke("check", str(folder), "--no-history")
    assert done.exit_code == 1
    assert done.output.splitlines() == [
        f"[LỖI] (no-files): Thư mục '{folder}' chưa có tệp nào: khi tổng hợp (make hoặc giamngheo "
        "run), chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy chép vào đó tệp kế hoạch "
        "của xã (KeHoach_YYYY.xlsx) và danh sách của các xóm rồi kiểm tra lại.",
        "0 tệp, 1 lỗi, 0 cảnh báo.",
    ]
    english = _invoke("check", str(folder), "--no-history", "--lang", "en")
    assert english.exit_code == 1
    assert english.output.splitlines() == [
        f"[ERROR] (no-files): Folder '{folder}' holds no file yet: a run (make or giamngheo run) "
        "stops and writes no workbook. Copy the commune's plan (KeHoach_YYYY.xlsx) and the "
        "hamlets' lists into it, then check again.",
        "0 file(s), 1 error(s), 0 warning(s).",
    ]
    stopped = _invoke("run", "--input", str(folder), "--output", str(tmp_path / "ra"))
    assert stopped.exit_code == 2
    assert "chưa có tệp nào" in stopped.output


PHOTO_VI = (
    "[Cảnh báo] anh.jpg (file-skipped): Bỏ qua tệp không phải bảng tính (.jpg). Nếu đây là danh "
    "sách hộ, hãy lưu lại dạng .xlsx."
)


def _neither(folder) -> str:
    return (
        f"[LỖI] (plan-missing): Thư mục '{folder}' không có tệp kế hoạch và chưa có danh sách hộ "
        "nào của các xóm: khi tổng hợp (make hoặc giamngheo run), chương trình sẽ dừng lại, "
        "không ghi bảng tổng hợp. Hãy chép tệp kế hoạch của xã (KeHoach_YYYY.xlsx) và danh sách "
        "tháng này của các xóm vào thư mục đó rồi kiểm tra lại."
    )


def test_a_folder_of_files_passed_over_and_no_plan_says_the_runs_stop(tmp_path):
    # a photo alone in 'vao': its warning, then the stop (the run: "Không tìm thấy tệp kế
    # hoạch", exit 2). Before: "1 tệp, 0 lỗi, 1 cảnh báo.", exit 0 ('plan-missing' was said
    # only beside lists).
    folder = tmp_path / "vao"
    folder.mkdir()
    (folder / "anh.jpg").write_bytes(b"\xff\xd8\xff\xe0 a photo")
    done = _invoke("check", str(folder), "--no-history")
    assert done.exit_code == 1
    assert done.output.splitlines() == [PHOTO_VI, _neither(folder), "1 tệp, 1 lỗi, 1 cảnh báo."]
    english = _invoke("check", str(folder), "--no-history", "--lang", "en")
    assert english.exit_code == 1
    assert english.output.splitlines()[1:] == [
        f"[ERROR] (plan-missing): Folder '{folder}' holds no plan and no hamlet's list yet: a run "
        "(make or giamngheo run) stops and writes no workbook. Copy the commune's plan "
        "(KeHoach_YYYY.xlsx) and the hamlets' lists of the month into that folder, then check "
        "again.",
        "1 file(s), 1 error(s), 1 warning(s).",
    ]
    stopped = _invoke("run", "--input", str(folder), "--output", str(tmp_path / "ra"))
    assert stopped.exit_code == 2
    assert "Không tìm thấy tệp kế hoạch" in stopped.output
    # the photo named alone: no folder a run reads, nothing said of a run, 0 (unchanged)
    named = _invoke("check", str(folder / "anh.jpg"), "--no-history")
    assert named.exit_code == 0
    assert named.output.splitlines() == [PHOTO_VI, "1 tệp, 0 lỗi, 1 cảnh báo."]


def test_the_plan_hidden_alone_is_named_under_the_stop_as_the_run_names_it(tmp_path):
    # the plan saved as '.KeHoach_2024.xlsx' (hidden), nothing else: its warning, the stop,
    # then the run's words for a hidden file that may be the plan.
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder).rename(folder / ".KeHoach_2024.xlsx")
    done = _invoke("check", str(folder), "--no-history")
    assert done.exit_code == 1
    lines = done.output.splitlines()
    assert lines[0].startswith("[Cảnh báo] .KeHoach_2024.xlsx (file-skipped): ")
    assert lines[1:] == [
        _neither(folder),
        "Có 1 tệp ẩn (tên bắt đầu bằng dấu chấm) không được đọc, có thể là kế hoạch: "
        "'.KeHoach_2024.xlsx'. Nếu đúng, hãy đổi tên tệp bỏ dấu chấm ở đầu rồi chạy lại.",
        "1 tệp, 1 lỗi, 1 cảnh báo.",
    ]


def test_the_output_folder_checked_as_the_input_says_the_runs_stop(tmp_path):
    # May's run of Nà Mòn's list into 'ra', then 'ra' checked as the folder: the run given it
    # as the input stops (session 50, exit 2). Before: its words on a line counting nothing,
    # then the store's warning, "1 tệp, 0 lỗi, 1 cảnh báo.", exit 0.
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    assert _invoke("run", "--input", str(folder), "--output", str(out), "--quiet").exit_code == 0
    done = _invoke("check", str(out), "--no-history")
    assert done.exit_code == 1
    lines = done.output.splitlines()
    assert lines[0] == (
        f"[LỖI] (input-is-output): Thư mục '{out}' là thư mục kết quả của giamngheo (có kho lịch "
        "sử 'lich-su.sqlite'), không phải thư mục chứa danh sách của các xóm: bảng tổng hợp và "
        "bản sao tệp nguồn trong đó không được đọc lại, và khi tổng hợp thư mục này, chương "
        "trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy kiểm tra thư mục chứa tệp kế hoạch và "
        "danh sách của các xóm (mặc định: input)."
    )
    # the store said as ours (session 50), then the total: no other stop said
    assert lines[1].startswith("[Cảnh báo] lich-su.sqlite (file-skipped): ")
    assert lines[2:] == ["1 tệp, 1 lỗi, 1 cảnh báo."]
    english = _invoke("check", str(out), "--no-history", "--lang", "en")
    assert english.exit_code == 1
    assert english.output.splitlines()[::2] == [
        f"[ERROR] (input-is-output): Folder '{out}' is an output folder of giamngheo (it holds "
        "the history store 'lich-su.sqlite'), not the folder of the hamlets' lists: the "
        "consolidated workbooks and the copies of the input files in it are not read again, and "
        "a run of this folder stops and writes no workbook. Check the folder that holds the plan "
        "and the hamlets' lists (default: input).",
        "1 file(s), 1 error(s), 1 warning(s).",
    ]
    stopped = _invoke("run", "--input", str(out), "--output", str(tmp_path / "ra2"))
    assert stopped.exit_code == 2
    assert "là thư mục kết quả của giamngheo" in stopped.output
