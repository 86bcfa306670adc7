"""Session 61 (G2): the commune run's own work made smaller (issue #6), its outputs unchanged.

* A list's letters are measured as they are met (`styles.regular_units`), not every one of the
  8,448 code points the width table holds at the first list a writing process measures.
* The run's staged files are synced to the disk by a thread while the run goes on, all of them
  before the commit puts any in place (`output.Staged.sync_later`, `synced`).
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import threading

import numpy as np
import pytest

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.messages import os_reason
from pipeline.output import OutputError, staged_outputs
from pipeline.report.bulk import column_lines
from pipeline.report.styles import TABLE_SIZE, regular_units
from pipeline.run import execute
from tests.commune import new_commune, person, write_roster


def _fresh(code: str) -> dict:
    """What ``code`` (run in a new interpreter, after the imports a writing process has)
    prints as JSON."""
    prelude = "import json\nfrom pipeline.report import bulk, styles\n"
    done = subprocess.run(
        [sys.executable, "-c", prelude + code], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_a_list_measures_only_the_letters_it_holds():
    # 'ab № ' ten times (50 letters, more than a 10-wide column is sure to hold at once):
    # a 444, b 500, the space 250, '№' (U+2116, past the table) an em: 2194 a time, 21940,
    # over the column's line (line_room(10)): wrapped word by word at the letters' own widths
    # ('№' measured itself there), more than one line. The letters measured are the four code
    # points met, '№' as U+20FF (the table's last, an em), and '№' by the wrapping; before,
    # all 8,448 of the table were measured at the first list.
    seen = _fresh(
        "lines = bulk.column_lines(['ab \\u2116 ' * 10, 'a'], 10)\n"
        "print(json.dumps({'lines': lines, 'letters': sorted(styles.REGULAR_LETTERS)}))"
    )
    assert seen["letters"] == [" ", "a", "b", "\u20ff", "\u2116"]
    # the lines as the whole table gave them (session 60's code: [6, 1])
    assert seen["lines"] == [6, 1]


def test_letters_met_later_are_measured_then():
    seen = _fresh(
        "import numpy as np\n"
        "first = styles.regular_units(np.array([97, 98], dtype=np.uint32)).tolist()\n"
        "known = len(styles.REGULAR_LETTERS)\n"
        "later = styles.regular_units(np.array([0x1EA1, 97, 0x0110], dtype=np.uint32)).tolist()\n"
        "print(json.dumps({'first': first, 'known': known, 'later': later,"
        " 'letters': sorted(styles.REGULAR_LETTERS)}))"
    )
    # a 444, b 500; then 'ạ' as its base letter a (444), 'Đ' as D (722)
    assert seen == {
        "first": [444, 500],
        "known": 2,
        "later": [444, 444, 722],
        "letters": ["a", "b", "\u0110", "\u1ea1"],
    }


def test_the_units_are_each_letters_own_and_an_em_past_the_table():
    codes = np.array([32, 97, 0x1EA1, 0x2013, TABLE_SIZE - 1, TABLE_SIZE, 0x2116], np.uint32)
    # space 250, a 444, 'ạ' 444, the en dash 500, U+20FF and anything past it an em
    assert regular_units(codes).tolist() == [250, 444, 444, 500, 1000, 1000, 1000]


def test_a_list_is_wrapped_as_before():
    # session 54's and 55's cases, measured together (the table filled as they come)
    assert column_lines(["“Nhà tạm” – ít đất", "Lò Văn Nam – Đồng Mỏ"], 16) == [1, 2]
    assert column_lines(["• Nhà tạm, thiếu đất", "Nhà tạm,\u00a0thiếu đất ở xa"], 18) == [1, 2]


# --- the outputs synced by a thread while the run goes on ---------------------------------------


def _logged_syncs(monkeypatch, fail: str | None = None) -> list[tuple]:
    """os.fsync and os.replace logged in order: ('sync', file name, whether on the main thread)
    and ('replace', from, to); a sync of a file whose name holds ``fail`` fails as a full disk."""
    log: list[tuple] = []
    fsync, replace = os.fsync, os.replace

    def logged_fsync(fd):
        name = os.path.basename(os.readlink(f"/proc/self/fd/{fd}"))
        log.append(("sync", name, threading.current_thread() is threading.main_thread()))
        if fail is not None and fail in name:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return fsync(fd)

    def logged_replace(src, dst, *args, **kwargs):
        log.append(("replace", os.path.basename(src), os.path.basename(dst)))
        return replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "fsync", logged_fsync)
    monkeypatch.setattr(os, "replace", logged_replace)
    return log


needs_proc = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="Linux's /proc")


@needs_proc
def test_the_runs_files_are_synced_by_a_thread_before_they_are_put_in_place(tmp_path, monkeypatch):
    folder, out = new_commune(tmp_path)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    log = _logged_syncs(monkeypatch)
    execute(folder, out, "2024-05")
    pid = os.getpid()
    synced = {name: main for kind, name, main in (e for e in log if e[0] == "sync")}
    put = {src: i for i, (kind, src, _) in enumerate(log) if kind == "replace"}
    for name in ("TongHop_2024-05.xlsx", "TongHop_2024-05.json"):
        tmp = f".{name}.{pid}.tmp"
        # synced on the staging's thread, not the runner's (before: on the runner's) ...
        assert synced[tmp] is False, log
        # ... and before the commit renames it into place
        assert [e[:2] for e in log].index(("sync", tmp)) < put[tmp]
    # the commit's journal is synced by the runner itself, before the renames
    journal = next(n for kind, n, _ in (e for e in log if e[0] == "sync") if "commit" in n)
    assert synced[journal] is True
    assert (out / "2024-05" / "TongHop_2024-05.xlsx").is_file()


@needs_proc
def test_a_file_that_cannot_be_synced_stops_the_run_as_before(tmp_path, monkeypatch):
    folder, out = new_commune(tmp_path)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    _logged_syncs(monkeypatch, fail="TongHop_2024-05.json")
    month = out / "2024-05"
    with pytest.raises(OutputError) as raised:
        execute(folder, out, "2024-05")
    # atomic_write's words, as when the JSON's sync failed in place: the file, a full disk
    said = raised.value.args[0]
    reason = os_reason(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    assert said == f"Không ghi được '{month / 'TongHop_2024-05.json'}': {reason}."
    assert said.en == f"Cannot write '{month / 'TongHop_2024-05.json'}': {reason.en}."
    # nothing put in place, no temporary file left, no month stored
    assert not (month / "TongHop_2024-05.xlsx").exists()
    assert not list(month.glob(".*.tmp")) if month.exists() else True
    assert HistoryStore(out / HISTORY_FILE).periods() == []


def test_a_forked_writer_syncs_its_own_files_at_once(tmp_path):
    with staged_outputs() as staged:
        staged.pid = -1  # as a forked writer sees the run's staging
        assert staged.sync_later(tmp_path / "x.tmp", tmp_path / "x") is False
        staged.pid = os.getpid()
        written = tmp_path / "y.tmp"
        written.write_bytes(b"y")
        assert staged.sync_later(written, tmp_path / "y") is True
        staged.synced()
        staged.synced()  # nothing left: again is harmless
