"""The read floor for `make bench`: unzip every .xlsx and tokenise its sheet XML, nothing more.

Each workbook is opened with ``zipfile``; ``xl/sharedStrings.xml`` and every
``xl/worksheets/sheet*.xml`` are run through ``xml.parsers.expat``, in 2 worker
processes, largest file first. No DataFrame, no type conversion, no header
search.

* ``--mode tokenise`` (the floor): expat with no handlers, i.e. unzip and
  tokenise only; nothing reaches Python. No reader of these files can be
  faster on this machine.
* ``--mode values``: a Python handler counts the elements and keeps every
  text piece, i.e. the cheapest way to get the cell values as Python objects.
* ``--mode reader``: python-calamine, the reader `giamngheo run` uses, opens
  each workbook and builds every sheet as Python lists, as the run's reading
  starts, and nothing else: no header search, no check, no normalising. The
  run's read stage cannot be faster than this with this reader.

    python bench/floor.py DIR [--workers 2] [--mode tokenise|values]
"""

from __future__ import annotations

import argparse
import sys
import time
import zipfile
from multiprocessing import Pool
from pathlib import Path
from xml.parsers import expat


def _wanted(name: str) -> bool:
    return name == "xl/sharedStrings.xml" or (
        name.startswith("xl/worksheets/sheet") and name.endswith(".xml")
    )


def tokenise(task: tuple[Path, str]) -> tuple[int, int, int]:
    """(elements, text pieces, XML bytes) of one workbook's sheets and shared strings."""
    path, mode = task
    if mode == "reader":
        return _reader(path)
    elements = 0
    texts: list[str] = []
    size = 0

    def start(name, attrs):
        nonlocal elements
        elements += 1

    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not _wanted(name):
                continue
            data = archive.read(name)
            size += len(data)
            parser = expat.ParserCreate()
            if mode == "values":
                parser.buffer_text = True
                parser.StartElementHandler = start
                parser.CharacterDataHandler = texts.append
            parser.Parse(data, True)
    return elements, len(texts), size


def _reader(path: Path) -> tuple[int, int, int]:
    """(0, cells, XML bytes) of one workbook read by python-calamine into Python lists."""
    from python_calamine import CalamineWorkbook

    with zipfile.ZipFile(path) as archive:
        size = sum(i.file_size for i in archive.infolist() if _wanted(i.filename))
    book = CalamineWorkbook.from_path(str(path))
    cells = 0
    for name in book.sheet_names:
        grid = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        cells += sum(map(len, grid))
    return 0, cells, size


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--mode", choices=("tokenise", "values", "reader"), default="tokenise")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    # Largest first, so that a big plan workbook does not start last.
    paths = sorted(args.input.rglob("*.xlsx"), key=lambda p: (-p.stat().st_size, p))
    elements = texts = size = 0
    with Pool(args.workers) as pool:
        for e, t, s in pool.imap_unordered(tokenise, [(p, args.mode) for p in paths], chunksize=4):
            elements, texts, size = elements + e, texts + t, size + s
    elapsed = time.perf_counter() - started
    counted = f"{texts} cells" if args.mode == "reader" else (
        f"{elements} elements, {texts} text pieces")  # fmt: skip
    print(
        f"Floor: {len(paths)} files, {size / 1e6:.1f} MB of XML, {counted}, "
        f"{args.workers} processes, mode {args.mode}"
    )
    print(f"Time: read {elapsed:.2f}s; total {elapsed:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
