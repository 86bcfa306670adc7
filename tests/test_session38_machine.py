"""The officer's computer, not the data, going wrong (session 38): a folder of the input this
account may not read, the command started with its output closed (a scheduled task, pythonw).
Permissions are taken away for real: as an ordinary user, or as root without the capability
that lets root read anything (``setpriv``); skipped where neither can be done."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import execute
from tests.runner import ROOT
from tests.test_cli_messages import cli, one_line

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX permissions")

PIPELINE = (sys.executable, "-m", "pipeline")
# root's power to read and search any folder, taken away for the command (what an ordinary
# account on the office's computer has)
NO_OVERRIDE = "-dac_override,-dac_read_search,-fowner"


def _unprivileged() -> tuple[str, ...]:
    """The command line's start that runs the tool without the right to read what its mode
    forbids."""
    if os.geteuid() != 0:
        return PIPELINE
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("permissions cannot be taken away from root here")
    prefix = (setpriv, "--bounding-set", NO_OVERRIDE, "--inh-caps", NO_OVERRIDE)
    with tempfile.NamedTemporaryFile() as unreadable:
        os.chmod(unreadable.name, 0)
        probe = subprocess.run([*prefix, "test", "-r", unreadable.name], capture_output=True)
    if probe.returncode == 0:
        pytest.skip("permissions cannot be taken away from root here")
    return (*prefix, *PIPELINE)


@pytest.fixture
def closed(tmp_path):
    """``tmp_path / name`` made unreadable to the command (mode 000), given back afterwards so
    that the test's folder can be removed."""
    made: list[Path] = []

    def close(path: Path) -> Path:
        path.chmod(0)
        made.append(path)
        return path

    yield close
    for path in made:
        path.chmod(0o755)


def test_an_input_folder_this_account_may_not_read_is_said_so(commune, tmp_path, closed):
    """It said click's English ("Path '…' is not readable.."); with that check left to the
    run, listing it gave no file and the run said the folder held none yet."""
    command = _unprivileged()
    closed(commune)
    done = cli("run", "--input", str(commune), "--output", str(tmp_path / "out"), "--quiet",
               command=command)  # fmt: skip
    assert done.returncode == 2
    assert one_line(done) == (
        f"LỖI: Không đọc được thư mục đầu vào '{commune}': không có quyền truy cập; hãy chọn "
        "thư mục khác hoặc nhờ người quản trị máy cấp quyền."
    )
    assert not (tmp_path / "out").exists()


def test_a_sub_folder_this_account_may_not_read_is_an_error_not_a_hamlet_that_sent_nothing(
    commune, tmp_path, closed
):
    """Bản Cọ's list in 'T5', a folder copied from another account: it was passed over in
    silence, Bản Cọ "Chưa nộp" and no error anywhere."""
    command = _unprivileged()
    (commune / "T5").mkdir()
    (commune / "BanCo.xlsx").rename(commune / "T5" / "BanCo.xlsx")
    closed(commune / "T5")
    out = tmp_path / "out"
    done = cli("run", "--input", str(commune), "--output", str(out), "--quiet", command=command)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[2:4] == [
        "  Chưa nộp: Bản Cọ, Đồng Kè",
        "  Thư mục không mở được trên máy này, các tệp trong đó chưa được đọc: T5 (xem trang "
        "'Lỗi dữ liệu')",
    ]
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text(encoding="utf-8"))
    assert {h["hamlet"]: h["status"] for h in summary["hamlets"]} == {
        "Nà Mòn": "ok",
        "Bản Cọ": "missing",
        "Đồng Kè": "missing",
    }
    # the folder's error; the warnings are the plan's two targets above the start rates
    assert summary["issues"] == {"errors": 1, "warnings": 2, "files_skipped": 1, "rows_left_out": 0}
    assert (summary["totals"]["households"], summary["totals"]["poor"]) == (102, 3)


def test_a_plan_in_a_folder_this_account_may_not_read_names_the_folder(commune, tmp_path, closed):
    command = _unprivileged()
    (commune / "KH").mkdir()
    (commune / "KeHoach_2024.xlsx").rename(commune / "KH" / "KeHoach_2024.xlsx")
    closed(commune / "KH")
    done = cli("run", "--input", str(commune), "--output", str(tmp_path / "out"), "--quiet",
               command=command)  # fmt: skip
    assert done.returncode == 2
    assert one_line(done).endswith(
        "trong thư mục đầu vào. Không mở được 1 thư mục, trong đó có thể có kế hoạch: KH."
    )


def test_check_of_a_folder_this_account_may_not_read_names_it(commune, closed):
    command = _unprivileged()
    closed(commune)
    done = cli("check", str(commune), command=command)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith(
        "[LỖI] input (folder-unopened): Không mở được thư mục trên máy này (Chi tiết kỹ thuật: "
        "Permission denied), nên các tệp trong đó chưa được đọc"
    )


def _closing(*fds: int):
    def close() -> None:
        for fd in fds:
            os.close(fd)

    return close


def test_a_run_started_with_its_output_closed_stores_the_month_and_exits_0(commune, tmp_path):
    """A scheduled task or pythonw starts the tool with no stdout: the run was done, then the
    last flush raised AttributeError: a traceback and exit status 1."""
    out = tmp_path / "out"
    done = subprocess.run([*PIPELINE, "run", "--input", str(commune), "--output", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          preexec_fn=_closing(1))  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert [p["period"] for p in HistoryStore(out / HISTORY_FILE).periods()] == ["2024-05"]


def test_a_stop_with_no_stream_to_say_it_on_still_exits_2(tmp_path):
    done = subprocess.run([*PIPELINE, "run", "--input", str(tmp_path / "nowhere")], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=_closing(1, 2))  # fmt: skip
    assert done.returncode == 2  # was 1, from the traceback nobody could see


def test_a_stored_month_is_not_replaced_when_a_counted_list_cannot_be_opened(
    commune, tmp_path, closed
):
    """May stored with Nà Mòn and Bản Cọ; run again with Bản Cọ's list unreadable to this
    account (held open by Excel on another computer, a permission lost in a copy). It replaced
    the month with Bản Cọ refused, 'file-unopened': households 302 → 102, for the machine's
    trouble, not the list's. Now the run stops as it does for a list gone; --replace goes on."""
    command = _unprivileged()
    out = tmp_path / "out"
    execute(commune, out)
    before = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    closed(commune / "BanCo.xlsx")
    done = cli("run", "--input", str(commune), "--output", str(out), "--quiet", command=command)
    assert done.returncode == 2
    assert one_line(done) == (
        "LỖI: Kỳ 05/2024 đã được tổng hợp với 2 xóm; lần chạy này không mở được trên máy này tệp "
        "của 1 xóm trong số đó (Bản Cọ: 'BanCo.xlsx'), nên chương trình không ghi đè kết quả cũ. "
        "Hãy đóng chương trình đang mở tệp đó (kể cả Excel trên máy khác trong mạng) hoặc cho tài "
        "khoản đang chạy quyền đọc tệp, rồi chạy lại; nếu thật sự muốn tính kỳ này không có các "
        "xóm đó, chạy lại với --replace."
    )
    after = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert after == before
    done = cli("run", "--input", str(commune), "--output", str(out), "--quiet", "--replace",
               command=command)  # fmt: skip
    assert done.returncode == 0, done.stderr
    # its copy kept from the month replaced is said as not used now (it said "replaced by
    # another file of the same name": its digest, not read, differed)
    [kept] = (out / "2024-05").glob("nguon-cu-*")
    assert sorted(p.name for p in kept.iterdir()) == [
        "BanCo.xlsx",
        "KeHoach_2024.xlsx",
        "NaMon.xlsx",
    ]
    assert (
        f"CHÚ Ý: Bản sao tệp nguồn trước đó của kỳ này (1 tệp không dùng trong lần chạy này) được giữ trong '{kept}'."
        in done.stdout.splitlines()
    )
    [may] = HistoryStore(out / HISTORY_FILE).periods()
    assert (may["totals"]["households"], may["totals"]["poor"]) == (102, 3)
    assert {h["hamlet"]: h["status"] for h in may["hamlets"]}["Bản Cọ"] == "rejected"


def test_sample_into_a_folder_this_account_may_not_list_is_refused_in_one_line(tmp_path, closed):
    """Not listed, it is not known to be empty (the sample never goes beside real files): it
    said click's English, then, with click's check left out, "Lỗi không mong muốn"."""
    command = _unprivileged()
    folder = tmp_path / "mau"
    folder.mkdir()
    closed(folder)
    done = cli("sample", str(folder), "--hamlets", "2", command=command)
    assert done.returncode == 2
    assert one_line(done) == (
        f"LỖI: Không đọc được thư mục '{folder}': không có quyền truy cập; hãy chọn thư mục khác "
        "hoặc nhờ người quản trị máy cấp quyền."
    )


def test_a_closed_folder_named_for_a_hamlet_keeps_the_stored_month_and_sends_the_head_nothing(
    commune, tmp_path, closed
):
    """Bản Cọ's list in a folder 'Bản Cọ' (counted in May's first run), then the folder closed
    to this account: the folder, named for the hamlet, is the hamlet's refused "file" — the run
    replaced May without it, and wrote Bản Cọ's head a feedback workbook asking to save the
    list again (Save As), for the officer's folder."""
    command = _unprivileged()
    (commune / "Bản Cọ").mkdir()
    (commune / "BanCo.xlsx").rename(commune / "Bản Cọ" / "BanCo.xlsx")
    out = tmp_path / "out"
    execute(commune, out)
    closed(commune / "Bản Cọ")
    done = cli("run", "--input", str(commune), "--output", str(out), "--quiet", command=command)
    assert done.returncode == 2
    assert "tệp của 1 xóm trong số đó (Bản Cọ: 'Bản Cọ'), nên chương trình không ghi đè" in (
        one_line(done)
    )
    done = cli("run", "--input", str(commune), "--output", str(out), "--quiet", "--replace",
               command=command)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[2:4] == [
        "  Chưa nộp: Đồng Kè",
        "  Bị từ chối: Bản Cọ (Bản Cọ) — không mở được thư mục trên máy này",  # why: session 57
    ]
    assert not (out / "2024-05" / "PhanHoi").exists()
