"""Session 41: `giamngheo check` of lists with no plan among the files says, before its total,
that their hamlet names were not compared with the plan.

Without the plan `check` cannot tell a hamlet name the plan lacks (session 12): a list whose
'Xóm' is 'Bản Cọ 2' checked alone said "1 tệp, 0 lỗi, 0 cảnh báo." and nothing else, and the
run then refused it (`unknown-hamlet`). The officer read "0 lỗi" as "this list is fine".
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from tests.commune import person, write_plan, write_roster

ROOT = Path(__file__).resolve().parents[1]

NO_PLAN_VI = (
    "Lưu ý: không có tệp kế hoạch trong các tệp được kiểm tra, nên tên xóm, số hộ và danh sách "
    "đầu năm chưa được so với kế hoạch (một danh sách ghi tên xóm không có trong kế hoạch sẽ bị "
    "từ chối khi tổng hợp). Để kiểm tra đủ như khi tổng hợp, hãy thêm tệp kế hoạch (ví dụ "
    "{plan}) vào cuối lệnh check."
)
NO_PLAN_EN = (
    "Note: no plan among the files checked, so hamlet names, household counts and the "
    "start-of-year list are not compared with the plan (a list whose hamlet is not in the plan "
    "is refused by the run). To check as a run does, add the plan (for example "
    "{plan}) at the end of the check command."
)


def _check(*args) -> subprocess.CompletedProcess:
    """`check` with an empty output folder of its own: the repository's output/ (a developer's
    `make`) holds a history whose kept plan `check` would name (session 44)."""
    with tempfile.TemporaryDirectory() as out:
        return subprocess.run([sys.executable, "-m", "pipeline", "check", *map(str, args),
                               "--output", out],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip


def test_a_list_checked_without_the_plan_says_its_hamlet_was_not_compared(tmp_path):
    """'Bản Cọ 2' (no hamlet of the plan: Nà Mòn, Bản Cọ, Đồng Kè) alone: no issue, the note,
    the total; exit 0 (before: the total alone). In English too."""
    path = write_roster(tmp_path, "DS_BanCo_2024-05.xlsx", "Bản Cọ 2", 200,
                        [person("BC1", "poor")])  # fmt: skip
    done = _check(path)
    assert (done.returncode, done.stderr) == (0, "")
    # (the example plan in the list's folder since session 59, D)
    assert done.stdout.splitlines() == [said_for(NO_PLAN_VI, tmp_path), "1 tệp, 0 lỗi, 0 cảnh báo."]
    english = _check(path, "--lang", "en")
    assert english.stdout.splitlines() == [
        said_for(NO_PLAN_EN, tmp_path),
        "1 file(s), 0 error(s), 0 warning(s).",
    ]


def test_with_the_plan_there_is_no_note_and_the_hamlet_is_refused(tmp_path):
    """Control: the same list with the plan: the run's `unknown-hamlet` at B3, exit 1, no note. The plan
    checked alone (no list): no note either."""
    path = write_roster(tmp_path, "DS_BanCo_2024-05.xlsx", "Bản Cọ 2", 200,
                        [person("BC1", "poor")])  # fmt: skip
    plan = write_plan(tmp_path)
    done = _check(path, plan)
    lines = done.stdout.splitlines()
    assert done.returncode == 1
    assert lines[0].startswith("[LỖI] DS_BanCo_2024-05.xlsx, Thông tin, B3 (unknown-hamlet): ")
    # (the test plan's two targets above its start rates: the plan's own warnings)
    assert said_for(NO_PLAN_VI, tmp_path) not in lines and lines[-1] == "2 tệp, 1 lỗi, 2 cảnh báo."
    alone = _check(plan)
    assert said_for(NO_PLAN_VI, tmp_path) not in alone.stdout.splitlines()


UNREAD_VI = (
    "Lưu ý: không đọc được tệp kế hoạch nào trong các tệp được kiểm tra, nên tên xóm, số hộ và "
    "danh sách đầu năm chưa được so với kế hoạch. Kế hoạch có thể là một trong các tệp không đọc "
    "được ở trên: hãy sửa tệp đó; nếu không, hãy thêm tệp kế hoạch (ví dụ "
    "{plan}) vào cuối lệnh check."
)
UNREAD_EN = (
    "Note: no plan could be read among the files checked, so hamlet names, household counts and "
    "the start-of-year list are not compared with the plan. The plan may be one of the files "
    "that could not be read above: correct it; if not, add the plan (for example "
    "{plan}) at the end of the check command."
)


def said_for(note: str, folder, year: int = 2024) -> str:
    """``note`` (one of the four above) giving as its example the plan of ``year`` in
    ``folder``, the one a run of the files checked reads (their folder): 'input/KeHoach_2024.xlsx'
    whatever their folder and year before session 59 (D)."""
    return note.format(plan=Path(folder) / f"KeHoach_{year}.xlsx")


def test_a_plan_that_cannot_be_read_is_not_said_missing(tmp_path):
    """Review of session 41: the plan given but cut off in a copy (its first 3000 bytes) cannot
    be read. Its own error is said; the note then said "no plan among the files … add the plan
    (input/KeHoach_2024.xlsx)", the file the officer had just given. Now it says no plan could be
    read, and that the plan may be the file that could not be read, as a run says it (run's
    'trong đó có thể có kế hoạch'). In English too (2 cases fail before)."""
    roster = write_roster(tmp_path, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200,
                          [person("BC1", "poor")])  # fmt: skip
    plan = write_plan(tmp_path)
    plan.write_bytes(plan.read_bytes()[:3000])
    done = _check(roster, plan)
    lines = done.stdout.splitlines()
    assert done.returncode == 1
    assert lines[0].startswith("[LỖI] KeHoach_2024.xlsx (")
    assert lines[1:] == [said_for(UNREAD_VI, tmp_path), "2 tệp, 1 lỗi, 0 cảnh báo."]
    english = _check(roster, plan, "--lang", "en").stdout.splitlines()
    assert english[1:] == [said_for(UNREAD_EN, tmp_path), "2 file(s), 1 error(s), 0 warning(s)."]
