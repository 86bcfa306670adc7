"""`check` of the whole input folder without a plan says what its exit status says (session 57,
helper H4): the missing plan counted as an error on the total line ("1 lỗi", exit 1), and the
folder told to get the plan copied into it, not to add to the check command a file it lacks."""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, write_roster


def _check(*args: str):
    return CliRunner().invoke(main, ["check", *args])


NOTE = (
    "Lưu ý: không có tệp kế hoạch trong các tệp được kiểm tra, nên tên xóm, số hộ và danh sách "
    "đầu năm chưa được so với kế hoạch (một danh sách ghi tên xóm không có trong kế hoạch sẽ bị "
    "từ chối khi tổng hợp)."
)
NOTE_EN = (
    "Note: no plan among the files checked, so hamlet names, household counts and the "
    "start-of-year list are not compared with the plan (a list whose hamlet is not in the plan "
    "is refused by the run)."
)


def test_check_of_a_folder_without_a_plan_counts_it_an_error_and_says_to_copy_it_there(tmp_path):
    # Bản Cọ's list alone in 'vao': its run stops, `check` exits 1 (H3). Before: the note told
    # to add 'input/KeHoach_2024.xlsx' (not in 'vao') to the check command, and the total said
    # "0 lỗi" beside exit 1.
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    out.mkdir()
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    done = _check(str(folder), "--output", str(out))
    assert done.exit_code == 1
    # (the stop said on an error line of its own above the note since session 58, D)
    assert done.output.splitlines() == [
        f"[LỖI] (plan-missing): Thư mục '{folder}' không có tệp kế hoạch: khi tổng hợp (make "
        "hoặc giamngheo run), chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy chép tệp kế "
        "hoạch của xã (KeHoach_YYYY.xlsx) vào thư mục đó rồi kiểm tra lại.",
        NOTE,
        "1 tệp, 1 lỗi, 0 cảnh báo.",
    ]
    english = _check(str(folder), "--output", str(out), "--lang", "en")
    assert english.exit_code == 1
    assert english.output.splitlines() == [
        f"[ERROR] (plan-missing): Folder '{folder}' holds no plan: a run (make or giamngheo run) "
        "stops and writes no workbook. Copy the commune's plan (KeHoach_YYYY.xlsx) into that "
        "folder, then check again.",
        NOTE_EN,
        "1 file(s), 1 error(s), 0 warning(s).",
    ]


def test_check_of_some_files_keeps_the_advice_to_add_the_plan(tmp_path):
    # the list alone given: the plan may be elsewhere, so add it to the command; no error, 0
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    out.mkdir()
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    done = _check(str(folder / "DS_BanCo_2024-05.xlsx"), "--output", str(out))
    assert done.exit_code == 0
    assert done.output.splitlines() == [
        f"{NOTE} Để kiểm tra đủ như khi tổng hợp, hãy thêm tệp kế hoạch (ví dụ "
        f"{folder / 'KeHoach_2024.xlsx'}) vào cuối lệnh check.",  # its folder's (session 59, D)
        "1 tệp, 0 lỗi, 0 cảnh báo.",
    ]


def test_check_of_a_folder_whose_plan_cannot_be_read_says_to_copy_it_there(tmp_path):
    # Bản Cọ's list and 'KeHoach.xlsx' cut short (the plan perhaps, one error already): the
    # advice names the folder to copy the plan into, not the check command; the error not
    # counted twice ("1 lỗi": the damaged file). Before: "… vào cuối lệnh check."
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    out.mkdir()
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    whole = (folder / "DS_BanCo_2024-05.xlsx").read_bytes()
    (folder / "KeHoach.xlsx").write_bytes(whole[:900])
    done = _check(str(folder), "--output", str(out))
    assert done.exit_code == 1
    lines = done.output.splitlines()
    assert lines[-1] == "2 tệp, 1 lỗi, 0 cảnh báo."
    assert lines[-2].endswith(
        "Kế hoạch có thể là một trong các tệp không đọc được ở trên: hãy sửa tệp đó; nếu không, "
        f"hãy chép tệp kế hoạch của xã (KeHoach_YYYY.xlsx) vào thư mục '{folder}'. Thư mục "
        f"'{folder}' không có tệp kế hoạch nào đọc được: khi tổng hợp (make hoặc giamngheo run), "
        "chương trình sẽ dừng lại, không ghi bảng tổng hợp, cho tới khi sửa được tệp kế hoạch "
        "trong thư mục đó."
    )
    english = _check(str(folder), "--output", str(out), "--lang", "en").output.splitlines()
    assert english[-1] == "2 file(s), 1 error(s), 0 warning(s)."
    assert english[-2].endswith(
        "could not be read above: correct it; if not, copy the commune's plan (KeHoach_YYYY.xlsx) "
        f"into folder '{folder}'. Folder '{folder}' holds no plan that can be read: a run (make "
        "or giamngheo run) stops and writes no workbook until the plan in that folder is "
        "corrected."
    )


def test_checks_not_received_line_names_eight_and_counts_the_others(tmp_path):
    # a plan of 11 hamlets (Nà Mòn, Bản Cọ, Đồng Kè and Xóm 1 to Xóm 8), Nà Mòn's May list
    # alone: 10 not received, the first 8 in the plan's order, "và 2 xóm khác" (the run's words
    # without its sheet, one function for both since H4)
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    out.mkdir()
    hamlets = plan_hamlets()
    hamlets += [{**hamlets[-1], "hamlet": f"Xóm {n}"} for n in range(1, 9)]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, None)
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 200, [person("NM1", "poor")])
    lines = _check(str(folder), "--output", str(out)).output.splitlines()
    assert lines[-2] == (
        "Chưa nộp (kỳ 05/2024): Bản Cọ, Đồng Kè, Xóm 1, Xóm 2, Xóm 3, Xóm 4, Xóm 5, Xóm 6 và 2 "
        "xóm khác"
    )
    english = _check(str(folder), "--output", str(out), "--lang", "en").output.splitlines()
    assert english[-2] == (
        "Not received (period 05/2024): Bản Cọ, Đồng Kè, Xóm 1, Xóm 2, Xóm 3, Xóm 4, Xóm 5, "
        "Xóm 6 and 2 more"
    )
