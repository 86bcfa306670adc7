"""Writing outputs safely: every file goes to a temporary name and is renamed into place."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path


class OutputError(Exception):
    """The output folder cannot be written (exit 2)."""


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` then rename ``tmp`` over ``path``; the old file stays until then."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"Không tạo được thư mục kết quả '{path.parent}': {err.strerror}.") from None
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"Không ghi được '{path}': {err.strerror or err}.") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def summary_json(summary: dict) -> str:
    return json.dumps(summary, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_json(path: Path, summary: dict) -> Path:
    text = summary_json(summary)
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
