"""Writing outputs safely: every file goes to a temporary name and is renamed into place.

Outputs are created readable by the owner only (where the platform allows):
they hold names and ID numbers. A workbook that is open in Excel or
LibreOffice is not overwritten; the new result goes under a new name.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from pipeline.messages import Message, os_reason

OWNER_ONLY = 0o600


class OutputError(Exception):
    """The output folder cannot be written (exit 2)."""


# Notices for the officer gathered during a run ("the workbook was open; wrote … instead"),
# each a Message in both languages.
NOTICES: list[str] = []


def is_open_elsewhere(path: Path) -> bool:
    """Excel (``~$name``) or LibreOffice (``.~lock.name#``) has the file open."""
    return (
        path.with_name("~$" + path.name).exists() or path.with_name(f".~lock.{path.name}#").exists()
    )


def _alternative(path: Path) -> Path:
    for number in range(1, 1000):
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        if not candidate.exists() and not is_open_elsewhere(candidate):
            return candidate
    raise OutputError(
        Message(
            f"Không tìm được tên mới để ghi '{path.name}' (các tên '{path.stem} (1)' đến "
            f"'{path.stem} (999)' đều đã có hoặc đang mở); hãy đóng bảng tính hoặc dọn bớt tệp cũ.",
            f"No new name is free to write '{path.name}' ('{path.stem} (1)' to '{path.stem} (999)' "
            "all exist or are open); close the spreadsheet or clear out old files.",
        )
    )


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` then rename ``tmp`` over ``path``; the old file stays until then.

    Returns the path written, which differs from ``path`` when the old file
    is open in a spreadsheet program or cannot be replaced.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        reason = os_reason(err)
        raise OutputError(
            Message(
                f"Không tạo được thư mục kết quả '{path.parent}': {reason}.",
                f"Cannot create the output folder '{path.parent}': {reason.en}.",
            )
        ) from None
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        try:
            os.chmod(tmp, OWNER_ONLY)
        except OSError:
            pass
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        target = path
        if path.suffix == ".xlsx" and is_open_elsewhere(path):
            target = _alternative(path)
        try:
            os.replace(tmp, target)
        except PermissionError:  # Windows: the file is open in Excel
            target = _alternative(path)
            os.replace(tmp, target)
        if target != path:
            NOTICES.append(
                Message(
                    f"Tệp '{path.name}' đang được mở nên kết quả mới được ghi vào '{target.name}'.",
                    f"'{path.name}' is open, so the new result was written to '{target.name}'.",
                )
            )
    except OSError as err:
        tmp.unlink(missing_ok=True)
        reason = os_reason(err)
        raise OutputError(
            Message(f"Không ghi được '{path}': {reason}.", f"Cannot write '{path}': {reason.en}.")
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def summary_json(summary: dict) -> str:
    return json.dumps(summary, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_json(path: Path, summary: dict) -> Path:
    text = summary_json(summary)
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
