"""Nothing lost: the inputs a run consumed, copied beside its outputs with SHA-256 hashes.

``output/YYYY-MM/nguon/`` holds the plan and every roster of the period as
received (counted, rejected or superseded), so the officer can empty
``input/`` next month and the month can still be re-run and audited;
``output/YYYY-MM/nguon-sha256.txt`` lists their hashes (``sha256sum -c``
format, run from inside ``nguon/``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
from datetime import datetime
from pathlib import Path

from pipeline import output
from pipeline.messages import Message, os_reason
from pipeline.output import OutputError, atomic_write
from pipeline.text import nfc
from pipeline.types import MANIFEST, RunResult

SOURCES_DIR = "nguon"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def consumed(result: RunResult) -> list:
    """The plan, the period's rosters (whatever became of them) and each refused hamlet's file
    (one that could not even be read too), in file order."""
    reporting = result.reporting
    refused = (
        set()
        if reporting is None or not len(reporting)
        else set(reporting.loc[reporting["status"] == "rejected", "file"])
    )
    keep = []
    for sub in result.submissions:
        if sub.kind == "plan" and sub.file == result.plan.file or sub.file in refused:
            keep.append(sub)
        elif (
            sub.kind == "roster"
            and sub.status != "other_period"
            and (sub.period == result.period or sub.status == "rejected")
        ):
            keep.append(sub)
    return sorted(keep, key=lambda s: s.file)


def source_hashes(result: RunResult) -> dict[Path, tuple[int, str, tuple | None]]:
    """Path -> (size, SHA-256, the file as found) of every input file the run saw, as
    :func:`file_records` finds them ('' where it is no file to read, 0 and '' where it cannot
    be read). The file as found (its size, times and inode before it was hashed; None when it
    could not be looked at) lets :func:`file_records` hash again a file changed since."""
    return {sub.path: _size_hash_and_stamp(sub.path) for sub in result.submissions}


def _stamp(status: os.stat_result) -> tuple:
    # a file written again changes its change time (and, saved through a new file, its inode)
    # even when its size and modification time come out the same
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino


def _size_hash_and_stamp(path: Path) -> tuple[int, str, tuple | None]:
    try:
        status = path.stat()
        # a pipe or a device under a file's name is not read: it would wait for ever
        digest = sha256_of(path) if stat.S_ISREG(status.st_mode) else ""
        return status.st_size, digest, _stamp(status)
    except OSError:
        return 0, "", None


def _unchanged(path: Path, stamp: tuple | None) -> bool:
    try:
        return stamp is not None and _stamp(path.stat()) == stamp
    except OSError:
        return False


def file_records(
    result: RunResult, hashed: dict[Path, tuple[int, str, tuple | None]] | None = None
) -> list[dict]:
    """Name, size, SHA-256, kind and status of every input file the run saw. ``hashed``: what
    :func:`source_hashes` found (the side writer works them out while the runner writes the
    consolidated workbook: session 62); a file not in it, or changed since (its size, times or
    inode not as found then: saved again meanwhile), is looked at here, so that the hash listed
    is that of the copy kept in 'nguon' as before (session 62, review of G)."""
    records = []
    hashed = hashed or {}
    for sub in sorted(result.submissions, key=lambda s: s.file):
        found = hashed.get(sub.path)
        if found is not None and _unchanged(sub.path, found[2]):
            size, digest = found[0], found[1]
        else:
            size, digest = _size_hash_and_stamp(sub.path)[:2]
        records.append(
            {
                "file": sub.file,
                "size": size,
                "sha256": digest,
                "kind": sub.kind,
                "status": sub.status,
                "path": sub.path,
            }
        )
    return records


def _keep_if_dropped(target: Path, wanted: dict[str, str]) -> Path | None:
    """Where to keep the previous ``nguon`` when it holds files this run does not consume (a
    month re-run with --replace without some hamlets' files), or a file this run replaces with
    other content under the same name (a hamlet's corrected list copied over the one counted
    before): else None; said to the officer. ``wanted``: name -> SHA-256 of each file this run
    keeps. The files behind the figures of the run replaced stay, as its history does."""
    if not target.is_dir():
        return None
    # a file this run could not open (no digest) is not copied: not used, rather than replaced
    wanted = {name: digest for name, digest in wanted.items() if digest}
    before = kept_copies(target)
    dropped = before.keys() - wanted.keys()
    stored = manifest_hashes(target.parent / MANIFEST) or {}
    changed = sorted(
        name
        for name in before.keys() & wanted.keys()
        if wanted[name] != (stored.get(name) or _sha256_or_none(before[name]))
    )
    if not dropped and not changed:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    keep = target.with_name(f"{SOURCES_DIR}-cu-{stamp}")
    parts, parts_en = [], []
    if dropped:
        parts.append(f"{len(dropped)} tệp không dùng trong lần chạy này")
        parts_en.append(f"{len(dropped)} not used in this run")
    if changed:
        names = ", ".join(changed[:3]) + (f", … ({len(changed)})" if len(changed) > 3 else "")
        parts.append(f"{len(changed)} tệp nay được thay bằng bản khác cùng tên: {names}")
        parts_en.append(f"{len(changed)} now replaced by another file of the same name: {names}")
    output.NOTICES.append(
        Message(
            f"Bản sao tệp nguồn trước đó của kỳ này ({'; '.join(parts)}) được giữ trong '{keep}'.",
            f"The earlier copies of this period's input files ({'; '.join(parts_en)}) are kept "
            f"in '{keep}'.",
        )
    )
    return keep


def kept_copies(sources: Path) -> dict[str, Path]:
    """The files of a period's ``nguon`` folder by the name shown now (composed): a copy kept
    under its name as written before names were shown composed (NFD) is found by it too
    (session 52). Empty when there is no such folder."""
    return {nfc(str(p.relative_to(sources))): p for p in sources.rglob("*") if p.is_file()}


def kept_copy(sources: Path, name: str) -> Path:
    """Where a period's ``nguon`` folder (``sources``) keeps the file shown as ``name``: under
    that name, else under the name it was kept as before names were shown composed (a plan or
    list named on a Mac, kept decomposed by a run before session 52: its "kept as …" hint was
    lost; session 53). ``sources / name`` when neither is there: the caller asks ``is_file()``."""
    path = sources / name
    if path.is_file():
        return path
    try:
        return kept_copies(sources).get(nfc(name), path)
    except OSError:  # the folder unreadable: not kept, as a copy not there
        return path


def manifest_hashes(manifest: Path) -> dict[str, str] | None:
    """name -> SHA-256 of a period's ``nguon-sha256.txt``; None when there is none to read."""
    try:
        text = manifest.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    pairs = (line.split("  ", 1) for line in text.splitlines() if "  " in line)
    # a name kept as written before names were shown composed matches its name now (session 52)
    return {nfc(name): digest for digest, name in pairs}


def _sha256_or_none(path: Path) -> str | None:
    try:
        return sha256_of(path)
    except OSError:
        return None


def archive_sources(result: RunResult, folder: Path, records: list[dict]) -> Path:
    """Copy the consumed inputs into ``folder/nguon`` (replaced whole, never half-written: with
    the run's other outputs when they are staged)."""
    wanted = {s.file for s in consumed(result)}
    target = folder / SOURCES_DIR
    digests = {record["file"]: record["sha256"] for record in records if record["file"] in wanted}
    staging = folder / f".{SOURCES_DIR}.{os.getpid()}.tmp"
    retired = folder / f".{SOURCES_DIR}.{os.getpid()}.old"
    try:
        shutil.rmtree(staging, ignore_errors=True)
        lines = []
        for record in records:
            if record["file"] not in wanted:
                continue
            try:
                open(record["path"], "rb").close()
            except OSError:
                # gone or unreadable since it was listed (reported as unreadable): nothing to
                # keep; only what cannot be written here stops the run
                continue
            destination = staging / record["file"]
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(record["path"], destination)
            # names and ID numbers, as every output: the owner's only (copy2 kept the sender's
            # mode, 644 here; and a file marked read-only, its Windows copy too)
            with contextlib.suppress(OSError):
                os.chmod(destination, output.OWNER_ONLY)
            lines.append(f"{record['sha256']}  {record['file']}\n")
        staging.mkdir(parents=True, exist_ok=True)
        staged = output.staging()
        if staged is not None:
            # swapped in with the other outputs; the copies of files this run did not consume
            # (hamlets dropped on purpose with --replace) or replaces with other content (a
            # corrected list under the same name) are kept, not deleted
            staged.add(staging, target, _keep_if_dropped(target, digests))
        else:
            if target.exists():
                os.replace(target, retired)
            os.replace(staging, target)
            shutil.rmtree(retired, ignore_errors=True)
        atomic_write(
            folder / MANIFEST, lambda tmp: tmp.write_text("".join(lines), encoding="utf-8")
        )
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        if retired.exists() and not target.exists():
            os.replace(retired, target)
        reason = os_reason(err)
        raise OutputError(
            Message(
                f"Không sao lưu được tệp nguồn vào '{target}': {reason}.",
                f"Cannot keep a copy of the input files in '{target}': {reason.en}.",
            )
        ) from None
    return target
