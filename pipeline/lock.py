"""One run at a time per output folder: a lock file holding the runner's process id.

A second run waits a little, then stops with a clear message; a lock left by
a run that no longer exists (killed, power cut) is recovered.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from pipeline.messages import Message, os_reason
from pipeline.output import OutputError

LOCK_NAME = ".giamngheo.lock"


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    except OSError:
        return False
    return True


class RunLock:
    def __init__(self, folder: Path, wait_seconds: float = 20.0):
        self.path = folder / LOCK_NAME
        self.wait_seconds = wait_seconds
        self.held = False

    def _holder(self) -> int:
        try:
            return int(self.path.read_text(encoding="ascii").split()[0])
        except (OSError, ValueError, IndexError):
            return -1

    def acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            reason = os_reason(err)
            raise OutputError(
                Message(
                    f"Không tạo được thư mục kết quả '{self.path.parent}': {reason}.",
                    f"Cannot create the output folder '{self.path.parent}': {reason.en}.",
                )
            ) from None
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                handle = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                holder = self._holder()
                if not _alive(holder):
                    # a run that died left its lock behind: recover it
                    try:
                        self.path.unlink()
                    except FileNotFoundError:
                        pass
                    continue
                if time.monotonic() >= deadline:
                    raise OutputError(
                        Message(
                            f"Một lần chạy khác (tiến trình {holder}) đang ghi vào '{self.path.parent}'. "
                            "Hãy đợi lần chạy đó xong rồi chạy lại.",
                            f"Another run (process {holder}) is writing to '{self.path.parent}'. "
                            "Wait for it to finish, then run again.",
                        )
                    ) from None
                time.sleep(0.2)
                continue
            except OSError as err:
                reason = os_reason(err)
                raise OutputError(
                    Message(
                        f"Không ghi được vào thư mục kết quả '{self.path.parent}': {reason}.",
                        f"Cannot write to the output folder '{self.path.parent}': {reason.en}.",
                    )
                ) from None
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write(f"{os.getpid()}\n")
            self.held = True
            self._sweep()
            return

    def _sweep(self) -> None:
        """Remove temporary files a killed run left behind (no other run can be writing now)."""
        folder = self.path.parent
        for pattern in (".*.tmp", "*/.*.tmp", "*/PhanHoi/.*.tmp"):
            for leftover in folder.glob(pattern):
                try:
                    leftover.unlink()
                except OSError:
                    pass
        for leftover in folder.glob("*/.nguon.*"):
            shutil.rmtree(leftover, ignore_errors=True)

    def release(self) -> None:
        if self.held and self._holder() == os.getpid():
            try:
                self.path.unlink()
            except OSError:
                pass
        self.held = False

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
