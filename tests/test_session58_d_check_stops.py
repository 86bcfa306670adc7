"""`check` exits 1 where a run of the files would stop, and says so on an error line of its own
in the form of the others, "[LỖI] (code): what stops the run and what to do", counted on the
total: "0 lỗi" beside exit 1 no more (session 58, helper D; the Left of session 57's H3, H4 and
R6). Each case beside the run's own stop (exit 2), the two agreeing."""

from __future__ import annotations

import os
from datetime import date

from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import (
    TARGET_LINES,
    clean_rosters,
    new_commune,
    person,
    write_roster,
)
from tests.test_session47_wal import BC4_GONE, may_with_bc4


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args))


# --- the whole input folder without a plan: "[LỖI] (plan-missing)" ----------------------------

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


def test_check_of_a_folder_without_a_plan_says_the_stop_on_an_error_line(tmp_path):
    # Bản Cọ's list alone in 'vao' (its run stops: "Không tìm thấy tệp kế hoạch", exit 2).
    # Before: "1 lỗi" counted (H4) but no "[LỖI]" line: the stop was said at the end of the
    # note. Now the error line first, the note after it saying what was not compared.
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    out.mkdir()
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    done = _invoke("check", str(folder), "--output", str(out))
    assert done.exit_code == 1
    assert done.output.splitlines() == [
        f"[LỖI] (plan-missing): Thư mục '{folder}' không có tệp kế hoạch: khi tổng hợp (make "
        "hoặc giamngheo run), chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy chép tệp kế "
        "hoạch của xã (KeHoach_YYYY.xlsx) vào thư mục đó rồi kiểm tra lại.",
        NOTE,
        "1 tệp, 1 lỗi, 0 cảnh báo.",
    ]
    english = _invoke("check", str(folder), "--output", str(out), "--lang", "en")
    assert english.exit_code == 1
    assert english.output.splitlines() == [
        f"[ERROR] (plan-missing): Folder '{folder}' holds no plan: a run (make or giamngheo run) "
        "stops and writes no workbook. Copy the commune's plan (KeHoach_YYYY.xlsx) into that "
        "folder, then check again.",
        NOTE_EN,
        "1 file(s), 1 error(s), 0 warning(s).",
    ]
    # the run of the folder stops, as `check` said
    stopped = _invoke("run", "--input", str(folder), "--output", str(out))
    assert stopped.exit_code == 2
    # one file of the folder checked: the plan may be elsewhere, no error, 0 (unchanged)
    alone = _invoke("check", str(folder / "DS_BanCo_2024-05.xlsx"), "--output", str(out))
    assert (alone.exit_code, alone.output.splitlines()[-1]) == (0, "1 tệp, 0 lỗi, 0 cảnh báo.")
    assert "plan-missing" not in alone.output


# --- a plan of another year than the lists: "[LỖI] (plan-of-other-year)" -----------------------


def test_check_of_januarys_list_with_last_years_plan_alone_says_the_stop_on_an_error_line(
    tmp_path,
):
    # The 2024 plan and Bản Cọ's January 2025 list: a run stops ("Kế hoạch 'KeHoach_2024.xlsx'
    # là của năm 2024, còn kỳ tổng hợp là 01/2025 …", exit 2). Before: the note "Lưu ý: kế
    # hoạch …" and "2 tệp, 0 lỗi, 2 cảnh báo." beside exit 1.
    folder, out = new_commune(tmp_path)
    out.mkdir()
    rows = [person("BC1", "poor")]
    write_roster(folder, "DS_BanCo_2025-01.xlsx", "Bản Cọ", 200, rows, "2025-01", date(2025, 2, 3))
    done = _invoke("check", str(folder), "--output", str(out))
    assert done.exit_code == 1
    assert done.output.splitlines() == [
        *TARGET_LINES,
        "[LỖI] (plan-of-other-year): Kế hoạch 'KeHoach_2024.xlsx' là của năm 2024, còn các danh "
        "sách mới nhất là của năm 2025, nên tên xóm, số hộ và danh sách đầu năm của chúng được so "
        "với kế hoạch năm 2024 (khi tổng hợp, chương trình sẽ dừng lại và đòi kế hoạch năm 2025). "
        "Hãy đặt kế hoạch năm 2025 vào thư mục đầu vào rồi kiểm tra lại.",  # (D2: the folder)
        "2 tệp, 1 lỗi, 2 cảnh báo.",
    ]
    english = _invoke("check", str(folder), "--output", str(out), "--lang", "en")
    assert english.exit_code == 1
    assert english.output.splitlines()[-2:] == [
        "[ERROR] (plan-of-other-year): Plan 'KeHoach_2024.xlsx' is for 2024, but the latest "
        "lists are of 2025, so their hamlet names, household counts and start-of-year list are "
        "compared with the 2024 plan (a run stops and asks for the 2025 plan). Put the 2025 plan "
        "in the input folder and check again.",
        "2 file(s), 1 error(s), 2 warning(s).",
    ]
    stopped = _invoke("run", "--input", str(folder), "--output", str(out))
    assert stopped.exit_code == 2


# --- a history a run stops on: "[LỖI] (history-unusable)" --------------------------------------


def test_check_with_a_history_a_run_stops_on_says_it_on_an_error_line_first(tmp_path):
    # The small commune's plan and May's lists, 'ra/lich-su.sqlite' no store (bytes of text):
    # a run stops ("Không mở được kho lịch sử …", exit 2). Before: that line first, then the
    # files' lines and "3 tệp, 0 lỗi, 2 cảnh báo." beside exit 1.
    folder, out = new_commune(tmp_path)
    clean_rosters(folder)
    out.mkdir()
    store = out / "lich-su.sqlite"
    store.write_bytes(b"not a database " * 300)
    done = _invoke("check", str(folder), "--output", str(out))
    assert done.exit_code == 1
    assert done.output.splitlines() == [
        f"[LỖI] (history-unusable): Không mở được kho lịch sử '{store}': tệp bị hỏng hoặc không "
        "phải kho lịch sử; hãy khôi phục bản sao hoặc đổi tên tệp này để bắt đầu kho mới. Khi "
        "tổng hợp (make hoặc giamngheo run), chương trình cũng sẽ dừng lại vì kho này, không ghi "
        "bảng tổng hợp. Các tệp dưới đây vẫn được kiểm tra, nhưng không so với các kỳ đã lưu.",
        *TARGET_LINES,
        "3 tệp, 1 lỗi, 2 cảnh báo.",
    ]
    english = _invoke("check", str(folder), "--output", str(out), "--lang", "en")
    assert english.exit_code == 1
    lines = english.output.splitlines()
    assert lines[0] == (
        f"[ERROR] (history-unusable): Cannot open the history store '{store}': the file is "
        "damaged or is not a history store; restore a copy, or rename this file to start a new "
        "store. A run (make or giamngheo run) stops on that store too and writes no workbook. "
        "The files below are checked all the same, but not against the stored periods."
    )
    assert lines[-1] == "3 file(s), 1 error(s), 2 warning(s)."
    stopped = _invoke("run", "--input", str(folder), "--output", str(out))
    assert stopped.exit_code == 2


# --- a history that fails while `check` compares: "[LỖI] (history-read-failed)" ---------------


def test_check_of_a_history_removed_while_it_compares_counts_it_an_error(
    commune, tmp_path, monkeypatch
):
    # May run into 'out' with BC4, June's list checked with the plan; the store moved away as
    # `check` reads May's households (session 48's case). Before: its line first, the files'
    # lines, and "2 tệp, 0 lỗi, 2 cảnh báo." beside exit 1. Now its error line, "1 lỗi".
    import pipeline.history as history

    path, args = may_with_bc4(commune, tmp_path)
    read = history.HistoryStore.households
    moved = []

    def moved_first(self, *more, **kwargs):
        if not moved:
            os.replace(path, tmp_path / "moved.sqlite")
            moved.append(True)
        return read(self, *more, **kwargs)

    monkeypatch.setattr(history.HistoryStore, "households", moved_first)
    done = _invoke(*args)
    assert moved
    assert done.exit_code == 1
    lines = done.output.splitlines()
    assert lines[0] == (
        f"[LỖI] (history-read-failed): Không đọc hay ghi được kho lịch sử '{path}': kho đang bị "
        "chương trình khác giữ (một lần chạy khác, hoặc một phần mềm đang mở tệp này); hãy đóng "
        "chương trình đó rồi chạy lại. Các tệp dưới đây đã được kiểm tra, nhưng có thể chưa được "
        "so với mọi kỳ đã lưu; hãy kiểm tra lại."
    )
    assert lines[1:] == [*TARGET_LINES, "2 tệp, 1 lỗi, 2 cảnh báo."]
    assert not any(BC4_GONE in line for line in lines)


def test_check_with_nothing_stopping_its_run_keeps_0_and_no_such_line(tmp_path):
    # the small commune's plan and May's lists, no history: warnings only, exit 0, no error
    # line of a stop, the total's errors 0 (what agrees with exit 0)
    folder, out = new_commune(tmp_path)
    clean_rosters(folder)
    out.mkdir()
    done = _invoke("check", str(folder), "--output", str(out))
    assert done.exit_code == 0
    assert done.output.splitlines() == [
        *TARGET_LINES,
        "Chưa nộp (kỳ 05/2024): Đồng Kè",
        "3 tệp, 0 lỗi, 2 cảnh báo.",
    ]
