"""Review of session 59 D's `check` of the whole folder (helper R2): the officer's `check` and
`run` agree on every folder shape (the error line and its count, `check`'s exit 1 where the run
stops with 2 or goes on with row errors), and two of D's Left: a feedback copy named from the
month's output folder is said as ours, and its example plan is the copy that run read, not
'PhanHoi/KeHoach_2024.xlsx'; lists named from two folders under a drive's root are not told
'/KeHoach_2024.xlsx'. Every case from the command line (click's runner), hand-made folders."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import may_folder, person, write_roster


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def _run(folder: str, out: str, *more: str):
    return _invoke("run", "--input", folder, "--output", out, "--quiet", *more)


DUPLICATE = (
    "[LỖI] {file}, Danh sách, B{row} (duplicate-household-id): Mã hộ 'NM1' bị trùng với dòng "
    "{other} của danh sách này. Nếu là cùng một hộ được ghi nhiều lần, hãy xóa các dòng thừa, "
    "chỉ giữ một dòng; nếu là hai hộ khác nhau, hãy sửa mã của hộ ghi sai theo sổ quản lý hộ "
    "nghèo của xã (các dòng này tạm chưa được tính)."
)
NOTE = (
    "Lưu ý: không có tệp kế hoạch trong các tệp được kiểm tra, nên tên xóm, số hộ và danh sách "
    "đầu năm chưa được so với kế hoạch (một danh sách ghi tên xóm không có trong kế hoạch sẽ bị "
    "từ chối khi tổng hợp). Để kiểm tra đủ như khi tổng hợp, hãy thêm tệp kế hoạch (ví dụ "
    "{plan}) vào cuối lệnh check."
)
COPY = (
    "Lưu ý: '{file}' là bản phản hồi do giamngheo ghi trong thư mục kết quả, không phải danh "
    "sách xóm gửi về: các lỗi của nó là lỗi của danh sách xóm đã gửi. Hãy gửi bản này cho "
    "trưởng xóm sửa; bản trưởng xóm sửa xong gửi lại mới là danh sách của xóm: hãy chép bản đó "
    "vào thư mục đầu vào (thay danh sách cũ của xóm) rồi kiểm tra lại."
)
COPY_EN = (
    "Note: '{file}' is a feedback copy giamngheo wrote in its output folder, not a list a "
    "hamlet sent: its issues are those of the list the hamlet sent. Send this copy to the "
    "hamlet head to correct; the copy the head sends back corrected is the hamlet's list: copy "
    "that one into the input folder (in place of the hamlet's older list), then check again."
)


@pytest.fixture
def may_run(tmp_path, monkeypatch):
    """May 2024 run from 'input' into 'ra' (cwd: tmp_path). Nà Mòn's list writes NM1 on rows 5
    and 6 (two errors, its feedback copy 'ra/2024-05/PhanHoi/Nà Mòn_2024-05.xlsx') and NM4;
    Bản Cọ's is clean; Đồng Kè sends nothing."""
    monkeypatch.chdir(tmp_path)
    folder = may_folder(tmp_path)
    rows = [person("NM1", "poor"), person("NM1", "poor"), person("NM4", "near_poor")]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    assert _run("input", "ra").exit_code == 0
    return tmp_path


def test_a_feedback_copy_named_from_the_output_folder_is_said_as_ours(may_run):
    # Before: checked as a list sent, its plan example 'ra/2024-05/PhanHoi/KeHoach_2024.xlsx'
    # (D's example in the files' folder), a plan no one keeps there.
    copy = "ra/2024-05/PhanHoi/Nà Mòn_2024-05.xlsx"
    done = _invoke("check", copy, "--no-history")
    assert done.exit_code == 1
    assert done.output.splitlines() == [
        COPY.format(file=copy),
        DUPLICATE.format(file="Nà Mòn_2024-05.xlsx", row=5, other=6),
        DUPLICATE.format(file="Nà Mòn_2024-05.xlsx", row=6, other=5),
        NOTE.format(plan="ra/2024-05/nguon/KeHoach_2024.xlsx"),
        "1 tệp, 2 lỗi, 0 cảnh báo.",
    ]
    # the plan named there is the copy May's run read and kept
    assert (may_run / "ra/2024-05/nguon/KeHoach_2024.xlsx").is_file()
    english = _invoke("check", copy, "--no-history", "--lang", "en")
    assert english.output.splitlines()[0] == COPY_EN.format(file=copy)
    assert english.output.splitlines()[-1] == "1 file(s), 2 error(s), 0 warning(s)."


def test_the_copy_sent_back_into_the_input_is_a_list_with_no_word(may_run):
    # the head's copy sent back lands in the input (the old list moved away): a list, said as
    # any list is, its plan beside it; only the copy in the output folder is said as ours
    sent = may_run / "thang5"
    sent.mkdir()
    shutil.copy(may_run / "ra/2024-05/PhanHoi/Nà Mòn_2024-05.xlsx", sent)
    done = _invoke("check", "thang5/Nà Mòn_2024-05.xlsx", "--no-history")
    assert done.exit_code == 1
    assert done.output.splitlines() == [
        DUPLICATE.format(file="Nà Mòn_2024-05.xlsx", row=5, other=6),
        DUPLICATE.format(file="Nà Mòn_2024-05.xlsx", row=6, other=5),
        NOTE.format(plan="thang5/KeHoach_2024.xlsx"),
        "1 tệp, 2 lỗi, 0 cảnh báo.",
    ]


def test_lists_named_from_two_folders_under_a_drives_root_are_told_the_first_ones_folder(
    tmp_path, monkeypatch
):
    # `check /a/x.xlsx /b/y.xlsx`: the folder holding both is '/', and D's example read
    # '/KeHoach_2024.xlsx'. A test cannot write in '/': the folder a run of them reads is
    # made '/' (the files stay under tmp_path), as checkfiles.input_folder gives it there.
    import pipeline.checkfiles

    for name, hamlet, total, code in (("a", "Nà Mòn", 102, "NM1"), ("b", "Bản Cọ", 200, "BC1")):
        (tmp_path / name).mkdir()
        write_roster(tmp_path / name, f"{name}.xlsx", hamlet, total, [person(code, "poor")])
    monkeypatch.setattr(pipeline.checkfiles, "input_folder", lambda paths: Path("/"))
    done = _invoke("check", str(tmp_path / "a/a.xlsx"), str(tmp_path / "b/b.xlsx"), "--no-history")
    assert done.exit_code == 0
    assert done.output.splitlines() == [
        NOTE.format(plan=tmp_path / "a/KeHoach_2024.xlsx"),
        "2 tệp, 0 lỗi, 0 cảnh báo.",
    ]


# -- every folder shape: `check`'s error line, its total and exit code beside the run's exit


def _agree(folder: str, lines: list[str], total: str, run_exit: int, *check: str) -> None:
    done = _invoke("check", folder, *check)
    said = done.output.splitlines()
    assert [line for line in said if line.startswith(("[LỖI]", "[ERROR]"))] == lines
    assert said[-1] == total
    assert done.exit_code == 1
    assert _run(folder, "ra-check").exit_code == run_exit


NO_FILES = (
    "[LỖI] (no-files): Thư mục '{folder}' chưa có tệp nào: khi tổng hợp (make hoặc giamngheo "
    "run), chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy chép vào đó tệp kế hoạch của "
    "xã (KeHoach_YYYY.xlsx) và danh sách của các xóm rồi kiểm tra lại."
)
OUTPUT = (
    "[LỖI] (input-is-output): Thư mục '{folder}' là thư mục kết quả của giamngheo (có kho lịch "
    "sử 'lich-su.sqlite'), không phải thư mục chứa danh sách của các xóm: bảng tổng hợp và bản "
    "sao tệp nguồn trong đó không được đọc lại, và khi tổng hợp thư mục này, chương trình sẽ "
    "dừng lại, không ghi bảng tổng hợp. Hãy kiểm tra thư mục chứa tệp kế hoạch và danh sách "
    "của các xóm (mặc định: input)."
)


def test_hidden_files_and_a_shortcut_to_the_plan_alone(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("vao").mkdir()
    for name in (".DS_Store", "Thumbs.db", "~$KeHoach_2024.xlsx"):
        Path("vao", name).write_bytes(b"\x00")
    Path("vao", "KeHoach_2024.xlsx.lnk").write_bytes(b"L\x00\x00\x00")
    plan_missing = (
        "[LỖI] (plan-missing): Thư mục 'vao' không có tệp kế hoạch và chưa có danh sách hộ nào "
        "của các xóm: khi tổng hợp (make hoặc giamngheo run), chương trình sẽ dừng lại, không "
        "ghi bảng tổng hợp. Hãy chép tệp kế hoạch của xã (KeHoach_YYYY.xlsx) và danh sách tháng "
        "này của các xóm vào thư mục đó rồi kiểm tra lại."
    )
    # the shortcut counted as a file checked (its warning), the lock and system files not
    _agree("vao", [plan_missing], "1 tệp, 1 lỗi, 1 cảnh báo.", 2, "--no-history")


def test_only_a_feedback_copy_in_the_folder(may_run):
    Path("vao").mkdir()
    shutil.copy("ra/2024-05/PhanHoi/Nà Mòn_2024-05.xlsx", "vao")
    plan_missing = (
        "[LỖI] (plan-missing): Thư mục 'vao' không có tệp kế hoạch: khi tổng hợp (make hoặc "
        "giamngheo run), chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy chép tệp kế "
        "hoạch của xã (KeHoach_YYYY.xlsx) vào thư mục đó rồi kiểm tra lại."
    )
    lines = [DUPLICATE.format(file="Nà Mòn_2024-05.xlsx", row=r, other=11 - r) for r in (5, 6)]
    _agree("vao", [*lines, plan_missing], "1 tệp, 3 lỗi, 0 cảnh báo.", 2, "--no-history")


def test_a_months_output_folder_is_read_as_input_as_the_run_reads_it(may_run):
    # session 50: 'ra/2024-05' is read (its copies in 'nguon', the feedback copy newer than
    # Nà Mòn's copy): the run goes on (exit 0) with the two rows' errors; `check` counts them
    lines = [
        DUPLICATE.format(file="PhanHoi/Nà Mòn_2024-05.xlsx", row=r, other=11 - r) for r in (5, 6)
    ]
    _agree("ra/2024-05", lines, "8 tệp, 2 lỗi, 10 cảnh báo.", 0, "--no-history")


def test_the_output_folder_with_a_hamlets_list_dropped_in(may_run):
    write_roster(may_run / "ra", "DongKe.xlsx", "Đồng Kè", 150, [person("DK1", "poor")])
    _agree("ra", [OUTPUT.format(folder="ra")], "2 tệp, 1 lỗi, 1 cảnh báo.", 2)
    # with a trailing slash and in full: the folder as a run names it
    _agree("ra/", [OUTPUT.format(folder="ra")], "2 tệp, 1 lỗi, 1 cảnh báo.", 2)
    full = str(may_run / "ra")
    _agree(full, [OUTPUT.format(folder=full)], "2 tệp, 1 lỗi, 1 cảnh báo.", 2)


def test_an_empty_folder_typed_every_way_and_in_english(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    nfd = unicodedata.normalize("NFD", "Tháng năm")
    Path(nfd).mkdir()
    total = "0 tệp, 1 lỗi, 0 cảnh báo."
    for typed in (nfd, nfd + "/", "./" + nfd):
        _agree(typed, [NO_FILES.format(folder=nfd)], total, 2, "--no-history")
    # given in full: named from the current folder, as the run's stop (session 60, review of H)
    full = str(tmp_path / nfd)
    _agree(full, [NO_FILES.format(folder=nfd)], total, 2, "--no-history")
    english = _invoke("check", nfd, "--no-history", "--lang", "en")
    assert english.exit_code == 1
    assert english.output.splitlines() == [
        f"[ERROR] (no-files): Folder '{nfd}' holds no file yet: a run (make or giamngheo run) "
        "stops and writes no workbook. Copy the commune's plan (KeHoach_YYYY.xlsx) and the "
        "hamlets' lists into it, then check again.",
        "0 file(s), 1 error(s), 0 warning(s).",
    ]
