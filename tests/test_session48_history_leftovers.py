"""Session 48: session 47's history store leftovers. A store removed while `check` compares the
files with it is said, as one changed meanwhile is."""

from __future__ import annotations

import os

from click.testing import CliRunner

import pipeline.history as history
from pipeline.cli import main
from tests.test_session47_wal import _BC4_GONE, _may_with_bc4

# what `check` says first of a store changed (or held) while it compares the files with it
_CHANGED = (
    "Không đọc hay ghi được kho lịch sử '{path}': kho đang bị chương trình khác giữ (một lần chạy "
    "khác, hoặc một phần mềm đang mở tệp này); hãy đóng chương trình đó rồi chạy lại. Các tệp "
    "dưới đây đã được kiểm tra, nhưng có thể chưa được so với mọi kỳ đã lưu; hãy kiểm tra lại."
)


def test_a_store_removed_while_check_compares_is_said_as_one_changed(
    commune, tmp_path, monkeypatch
):
    """`check` looks at the store first, then reads it for each comparison. The store removed
    (moved away) between the two. Before: the later read found no store and compared with
    nothing in silence (BC4 gone not said, nothing said of the store, exit 0). Now it is said
    first as a store changed meanwhile is, exit 1."""
    path, args = _may_with_bc4(commune, tmp_path)
    alone = CliRunner().invoke(main, args)
    assert (alone.exit_code, alone.output.count(_BC4_GONE)) == (0, 1)
    read = history.HistoryStore.households
    moved = tmp_path / "moved.sqlite"

    def removed_first(self, *args, **kwargs):
        if not moved.exists():  # the store moved away as `check` reads last month's households
            os.replace(path, moved)
        return read(self, *args, **kwargs)

    monkeypatch.setattr(history.HistoryStore, "households", removed_first)
    said = CliRunner().invoke(main, args)
    assert moved.exists() and not path.exists()
    assert said.exit_code == 1, said.output
    lines = said.output.splitlines()
    assert lines[0] == _CHANGED.format(path=path)
    assert lines[1:] == [
        line.replace("3 cảnh báo", "2 cảnh báo")
        for line in alone.output.splitlines()
        if _BC4_GONE not in line
    ]
