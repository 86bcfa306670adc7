"""`make bench`: how fast and how big `giamngheo run` is, against a naive baseline and the read floor.

    .venv/bin/python bench/bench.py [--reps 3] [--naive-reps 3] [--hamlets 2000] [--households 150]
    .venv/bin/python bench/bench.py --quick      # tiny sizes, one repetition (the test's smoke run)

Generates its inputs with `giamngheo sample` into bench/work/ (reused while the
parameters stay the same: a stamp file per input), then runs every measured
command as a fresh process and records, per run, the wall time, the CPU time
and the peak memory of the process tree:

* commune: `giamngheo run` on the shipped sample (`giamngheo sample DIR --seed 2024`,
  what `make sample` puts in input/) against a process that merely imports
  every module that run imports;
* province: `giamngheo run` on HAMLETS rosters x HOUSEHOLDS households (one
  month, plan included) against bench/naive.py (pandas + openpyxl, same
  pandera model, same figures) and bench/floor.py (unzip + expat, 2 processes);
* linearity: `giamngheo run` on HAMLETS/2 rosters (a second generated input).

Prints a markdown table and writes it, with the machine and the targets, to
bench/results.md (rewritten after every measurement, so a long run can be
followed and an interrupted one still leaves its numbers).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
PYTHON = sys.executable  # the venv's python (not resolved: the venv's bin/ is its folder)
GIAMNGHEO = (
    [str(Path(PYTHON).parent / "giamngheo")]
    if (Path(PYTHON).parent / "giamngheo").exists()
    else [PYTHON, "-m", "pipeline"]
)
CODE_DIRS = ("pipeline", "schemas")  # copied at the start: the code every measurement runs
BENCH_SCRIPTS = ("naive.py", "floor.py")
SEED = 2024
PAGE = os.sysconf("SC_PAGE_SIZE")
MB = 1_000_000
LIBRARIES = ("pandas", "numpy", "pandera", "python-calamine", "xlsxwriter", "openpyxl", "click")

# Targets (the issue): commune run <= 1.3 x imports; province >= 10 x faster than naive;
# read stage <= 1.5 x the read floor; peak memory <= 1.5 GB; half the files ~ half the time.
COMMUNE_IMPORT_RATIO = 1.3
NAIVE_SPEEDUP = 10.0
READ_FLOOR_RATIO = 1.5
PEAK_MEMORY = 1500 * MB
LINEAR_BAND = (0.4, 0.6)


# --- measuring one process -----------------------------------------------------------------


@dataclass
class Sample:
    wall: float  # seconds, from spawn to reaped
    cpu: float  # user + system seconds of the process and every child it reaped
    maxrss: int  # bytes, largest single process of the tree (wait4's ru_maxrss)
    tree_peak: int  # bytes, largest sampled sum of PSS over the process tree
    rc: int
    stdout: str
    stderr: str
    load: float  # 1-minute load average when the process started
    stages: dict[str, float] = field(default_factory=dict)

    @property
    def peak(self) -> int:
        return max(self.maxrss, self.tree_peak)


def _tree(pid: int) -> list[int]:
    """The process and all its descendants (from /proc/PID/task/TID/children)."""
    found, i = [pid], 0
    while i < len(found):
        current = found[i]
        i += 1
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    found.extend(int(c) for c in handle.read().split())
            except (OSError, ValueError):
                continue
    return found


def _memory(pid: int) -> int:
    """Proportional set size of one process (shared pages split between sharers); RSS if no PSS."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * PAGE
    except (OSError, ValueError, IndexError):
        return 0


class TreeWatcher(threading.Thread):
    """Samples the memory of a process tree until stopped; keeps the peak."""

    def __init__(self, pid: int, interval: float):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.done = threading.Event()

    def run(self) -> None:
        while True:
            self.peak = max(self.peak, sum(_memory(p) for p in _tree(self.pid)))
            if self.done.wait(self.interval):
                return


_STAGE_LINE = re.compile(
    r"^(?:Thời gian|Time): (.*?); (?:tổng|total) ([\d.,]+) ?(?:s|giây)", re.MULTILINE
)
_STAGE_ITEM = re.compile(r"([^,;]+?) (\d[\d.,]*) ?(?:s|giây)(?:,|$)")


def _seconds(text: str) -> float:
    """'1.234,56' (the Vietnamese line) or '1234.56' (the English one) in seconds."""
    return float(text.replace(".", "").replace(",", ".")) if "," in text else float(text)


def _joined(stdout: str) -> str:
    """``stdout`` with each line the run's screen broke within 100 characters (the rest under 4
    spaces: pipeline.cli._wrapped) one line again."""
    return re.sub(r"\n    (?=\S)", " ", stdout)


def parse_stages(stdout: str) -> dict[str, float]:
    """The stage timings a run prints ('Thời gian: đọc tệp 1,20 giây, …; tổng 5,60 giây')."""
    from pipeline.cli import STAGE_NAMES_VI

    # the line broken within the screen, its rest under 4 spaces (session 58, D2), joined again
    stdout = _joined(stdout)
    match = _STAGE_LINE.search(stdout)
    if not match:
        return {}
    keys = {label: key for key, label in STAGE_NAMES_VI.items()}
    stages = {keys.get(name.strip(), name.strip()): _seconds(v)
              for name, v in _STAGE_ITEM.findall(match.group(1))}  # fmt: skip
    stages["total"] = _seconds(match.group(2))
    return stages


def measure(cmd: list[str], cwd: Path, interval: float) -> Sample:
    """Run ``cmd`` in ``cwd`` as a fresh process; wall and CPU time, peak memory, output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        load = os.getloadavg()[0]
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        watcher = TreeWatcher(proc.pid, interval)
        watcher.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        watcher.done.set()
        watcher.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return Sample(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        maxrss=usage.ru_maxrss * 1024,  # kilobytes on Linux
        tree_peak=watcher.peak,
        rc=proc.returncode,
        stdout=stdout,
        stderr=stderr,
        load=load,
        stages=parse_stages(stdout),
    )


# --- inputs ----------------------------------------------------------------------------------


@dataclass
class Input:
    name: str
    sample_args: list[str]  # for `giamngheo sample DIR …`
    hamlets: int
    households: str  # per hamlet, as given to the generator ("realistic" when not given)
    months: int
    path: Path = Path()
    generated_in: float | None = None  # seconds, when generated by this run

    @property
    def files(self) -> list[Path]:
        return sorted(p for p in self.path.rglob("*") if p.is_file())


def prepare(item: Input, work: Path) -> Input:
    """Generate the input unless the stamp says it is already there with the same parameters
    and the same generator code (a changed generator, e.g. one that no longer draws an ID
    number twice, makes other files)."""
    item.path = work / item.name
    stamp = work / f"{item.name}.stamp.json"
    generator = hashlib.sha256((ROOT / "pipeline" / "sample.py").read_bytes()).hexdigest()[:12]
    wanted = {"generator": "giamngheo sample", "args": item.sample_args, "code": generator}
    try:
        if json.loads(stamp.read_text()) == wanted and item.files:
            return item
    except (OSError, ValueError):
        pass
    stamp.unlink(missing_ok=True)
    shutil.rmtree(item.path, ignore_errors=True)
    print(f"bench: generating {item.name} …", file=sys.stderr, flush=True)
    started = time.perf_counter()
    done = subprocess.run([*GIAMNGHEO, "sample", str(item.path), *item.sample_args], cwd=ROOT,
                          capture_output=True, text=True)  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"bench: `giamngheo sample` failed for {item.name}:\n{done.stderr}")
    item.generated_in = time.perf_counter() - started
    stamp.write_text(json.dumps(wanted))
    return item


def code_digest(base: Path) -> str:
    """A short hash of the code the pipeline runs (pipeline/ and schemas/ under ``base``)."""
    digest = hashlib.sha256()
    for folder in CODE_DIRS:
        for path in sorted((base / folder).rglob("*.py")):
            digest.update(path.relative_to(base).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def snapshot(work: Path) -> Path:
    """Copy the code once, so that every measurement of a long bench runs the same code.

    Others may be editing pipeline/ while the bench runs; the measured processes
    run ``python -m pipeline`` (the `giamngheo` entry point) with this copy as
    their working directory, which comes first on ``sys.path``.
    """
    code = work / "code"
    shutil.rmtree(code, ignore_errors=True)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in CODE_DIRS:
        shutil.copytree(ROOT / folder, code / folder, ignore=skip)
    (code / "bench").mkdir()
    for name in BENCH_SCRIPTS:
        shutil.copy2(BENCH / name, code / "bench" / name)
    # Byte-compile the copy, as `make` does for the checkout: with PYTHONDONTWRITEBYTECODE set
    # (as on this machine) Python would otherwise recompile every module in every measured run.
    subprocess.run([PYTHON, "-m", "compileall", "-q", *CODE_DIRS], cwd=code, check=True)
    return code


def warm(item: Input) -> None:
    """Read every input byte once, so no measured run pays for a cold disk cache."""
    for path in item.files:
        with path.open("rb") as handle:
            while handle.read(1 << 20):
                pass


_DETECT = """
import json, sys
before = set(sys.modules)
from pipeline.cli import main
try:
    main(["run", "--input", sys.argv[1], "--output", sys.argv[2], "--quiet"], standalone_mode=False)
except SystemExit as exc:
    if exc.code:
        raise
mods = sorted(m for m in set(sys.modules) - before
              if m.split(".")[0] not in ("pipeline", "schemas") and not m.startswith("__"))
third = sorted({m.split(".")[0] for m in mods
                if "site-packages" in (getattr(sys.modules.get(m), "__file__", None) or "")})
with open(sys.argv[3], "w") as handle:
    json.dump({"modules": mods, "third_party": third}, handle)
"""

# `giamngheo run` with the per-file safety bounds of reading lifted (the read pool's time
# and address-space limits, the size limits of files and sheets): a diagnostic, measured
# only when the run itself fails, so that its stage timings and memory can still be seen.
_LIFTED = """
import sys
import pipeline.run
from pipeline import readpool

bounded = readpool.read_files


def lifted(*args, **kwargs):
    kwargs["timeout"] = 7 * 86400.0
    kwargs["memory_limit"] = 1 << 40
    return bounded(*args, **kwargs)


pipeline.run.read_files = lifted
BOUNDS = ("MAX_FILE_BYTES", "MAX_UNZIPPED_BYTES", "MAX_RATIO", "MAX_HOUSEHOLD_ROWS",
          "MAX_SHEET_ROWS", "MAX_SHEET_CELLS")
for name, module in list(sys.modules.items()):
    if name.split(".")[0] == "pipeline":
        for bound in BOUNDS:
            if isinstance(getattr(module, bound, None), int):
                setattr(module, bound, 1 << 62)
from pipeline.cli import main

sys.argv[0] = "giamngheo"
main()
"""

_IMPORT = """
import importlib, sys
for name in open(sys.argv[1]).read().split():
    try:
        importlib.import_module(name)
    except Exception:
        pass
"""
# The same, leaving as `giamngheo run` leaves (cli.entry: os._exit once the output is out, no
# interpreter teardown): for information, so the comparison can be read both ways.
_IMPORT_EXIT = _IMPORT + "import os\nos._exit(0)\n"
# The same with numpy's BLAS held to one thread, as `giamngheo` loads it (pipeline.start): for
# information, the run against a baseline spared that pool's spinning too.
_IMPORT_ONE_BLAS = 'import os\nos.environ.setdefault("OPENBLAS_NUM_THREADS", "1")\n' + _IMPORT
# The commune's jobs take a second each and vary by ±20 % between runs on a shared machine:
# repeated COMMUNE_REPEAT times as often as the province's, rounds interleaved.
COMMUNE_REPEAT = 5
COMMUNE_JOBS = ("commune_run", "commune_imports", "commune_imports_exit", "commune_imports_blas")


def detect_imports(commune: Input, work: Path, code: Path) -> dict:
    """Every module a commune run imports (run in-process once, not timed), minus our own."""
    out = work / "out" / "detect-imports"
    shutil.rmtree(out, ignore_errors=True)
    found = work / "commune-imports.json"
    done = subprocess.run([PYTHON, "-c", _DETECT, str(commune.path), str(out), str(found)],
                          cwd=code, capture_output=True, text=True)  # fmt: skip
    shutil.rmtree(out, ignore_errors=True)
    if done.returncode != 0:
        raise SystemExit(f"bench: the commune run failed:\n{done.stdout}\n{done.stderr}")
    info = json.loads(found.read_text())
    (work / "commune-imports.txt").write_text("\n".join(info["modules"]) + "\n")
    return info


# --- jobs --------------------------------------------------------------------------------------


@dataclass
class Job:
    key: str
    label: str
    command: object  # out_dir -> argv
    reps: int
    samples: list[Sample] = field(default_factory=list)
    optional: bool = False  # a diagnostic: listed only when it was measured
    fallback: str | None = None  # the diagnostic twin measured when this job fails

    @property
    def ok(self) -> list[Sample]:
        return [s for s in self.samples if s.rc == 0]

    @property
    def failed(self) -> list[Sample]:
        return [s for s in self.samples if s.rc != 0]

    def wall(self) -> float | None:
        return statistics.median(s.wall for s in self.ok) if self.ok else None

    def stage(self, name: str) -> float | None:
        values = [s.stages[name] for s in self.ok if name in s.stages]
        return statistics.median(values) if values else None

    def peak(self) -> int | None:
        return max(s.peak for s in self.ok) if self.ok else None


def run_job(job: Job, work: Path, code: Path, interval: float) -> Sample:
    out = work / "out" / f"{job.key}-{len(job.samples) + 1}"
    shutil.rmtree(out, ignore_errors=True)
    sample = measure(job.command(out), code, interval)
    shutil.rmtree(out, ignore_errors=True)
    job.samples.append(sample)
    line = (
        f"bench: {job.label} [{len(job.samples)}/{job.reps}]: {sample.wall:.2f} s, "
        f"CPU {sample.cpu:.2f} s, peak {sample.peak / MB:.0f} MB, load {sample.load:.2f}"
    )
    if sample.rc != 0:
        line += f" — FAILED (exit {sample.rc}): {_tail(sample.stderr)}"
    print(line, file=sys.stderr, flush=True)
    return sample


def _tail(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


# --- the report ----------------------------------------------------------------------------------


def _fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _check(ok: bool | None) -> str:
    return "…" if ok is None else ("✓" if ok else "✗")


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, IndexError, ValueError):
        pass
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    git = "unknown"
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True).stdout.strip()  # fmt: skip
        changed = subprocess.run(
            ["git", "--no-optional-locks", "status", "--porcelain", "--", "pipeline", "schemas"],
            cwd=ROOT, capture_output=True, text=True,
        ).stdout.strip().splitlines()  # fmt: skip
        git = head + (
            f" + {len(changed)} uncommitted file(s) in pipeline/, schemas/" if changed else ""
        )
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram": ram,
        "os": platform.platform(),
        "python": platform.python_version(),
        "versions": versions,
        "git": git,
    }


@dataclass
class Bench:
    args: argparse.Namespace
    inputs: dict[str, Input]
    jobs: dict[str, Job]
    machine: dict
    started: datetime
    load_start: tuple[float, float, float]
    code: Path = Path()  # the snapshot every measurement runs
    digest: str = ""  # of the snapshot's pipeline/ and schemas/
    live_digests: list[str] = field(default_factory=list)  # of the working tree, after each job
    imports: dict | None = None
    load_end: tuple[float, float, float] | None = None
    complete: bool = False

    def table(self) -> list[str]:
        rows = [
            "| measurement | reps | wall median (s) | spread min–max (s) | CPU median (s) "
            "| peak memory (MB) |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for job in self.jobs.values():
            ok = job.ok
            if job.optional and not job.samples:
                continue
            if job.failed:
                failure = job.failed[0]
                cells = [f"FAILED (exit {failure.rc}; not repeated): {_tail(failure.stderr)}",
                         "", "", ""]  # fmt: skip
            elif not ok:
                cells = ["pending", "", "", ""]
            else:
                walls = [s.wall for s in ok]
                cells = [
                    _fmt(statistics.median(walls)),
                    f"{min(walls):.2f}–{max(walls):.2f}",
                    _fmt(statistics.median(s.cpu for s in ok)),
                    f"{job.peak() / MB:.0f}",
                ]
            rows.append(f"| {job.label} | {len(ok)}/{job.reps} | " + " | ".join(cells) + " |")
        return rows

    def effective(self, key: str) -> tuple[Job, str]:
        """The run to judge: the real one, or its diagnostic twin when the real one failed."""
        real = self.jobs[key]
        twin = self.jobs.get(real.fallback or "")
        if real.failed and twin is not None and twin.ok:
            return twin, " [diagnostic, read limits lifted]"
        return real, ""

    def completes(self, key: str, label: str) -> str:
        real = self.jobs[key]
        if real.failed:
            said = f"exit {real.failed[0].rc}: {_tail(real.failed[0].stderr)}"
        else:
            said = "yes" if real.ok else "—"
        met = _check(False if real.failed else (True if real.ok else None))
        return f"| {label} completes (exit 0) | {said} | {met} |"

    def targets(self) -> list[str]:
        j = self.jobs
        province, which = self.effective("province_run")
        half_job, half_which = self.effective("half_run")
        commune = _ratio(j["commune_run"].wall(), j["commune_imports"].wall())
        run, naive = province.wall(), j["province_naive"].wall()
        run_naive = _ratio(run, naive)
        read = province.stage("read")
        # Both in-process: the run's read stage against the floor's own timing of its work.
        floor = j["province_floor"].stage("read")
        values = j["province_floor_values"].stage("read")
        reader = j["province_reader"].stage("read")
        read_floor = _ratio(read, floor)
        peak = province.peak()
        half = _ratio(half_job.wall(), run)
        h, half_h = self.inputs["province"].hamlets, self.inputs["half"].hamlets
        low, high = LINEAR_BAND
        rows = [
            "| target | measured | met |",
            "|---|---:|:---:|",
            self.completes("province_run", f"province run ({h} hamlets)"),
            self.completes("half_run", f"linearity run ({half_h} hamlets)"),
            f"| commune run (fresh process) ≤ {COMMUNE_IMPORT_RATIO} × importing what it imports "
            f"| {_fmt(commune)} × | {_check(None if commune is None else commune <= COMMUNE_IMPORT_RATIO)} |",
            f"| province run{which} ≥ {NAIVE_SPEEDUP:.0f} × faster than naive, end to end (run/naive ≤ "
            f"{1 / NAIVE_SPEEDUP:.2f}) | run/naive {_fmt(run_naive, 3)} "
            f"(naive/run {_fmt(_ratio(naive, run), 1)} ×) "
            f"| {_check(None if run_naive is None else run_naive <= 1 / NAIVE_SPEEDUP)} |",
            f"| province reading (run's `read` stage){which} ≤ {READ_FLOOR_RATIO} × read floor "
            f"| {_fmt(read)} s / {_fmt(floor)} s = {_fmt(read_floor)} × "
            f"(against expat + Python values, {_fmt(values)} s: {_fmt(_ratio(read, values))} ×) "
            f"| {_check(None if read_floor is None else read_floor <= READ_FLOOR_RATIO)} |",
            f"| province run{which} peak memory ≤ {PEAK_MEMORY / 1e9:.1f} GB "
            f"| {'—' if peak is None else f'{peak / 1e9:.2f} GB'} "
            f"| {_check(None if peak is None else peak <= PEAK_MEMORY)} |",
            f"| linear: {half_h} hamlets{half_which} take ≈ half the time of {h}{which} "
            f"({low}–{high} accepted) | {_fmt(half, 3)} "
            f"| {_check(None if half is None else low <= half <= high)} |",
            f"| (information) commune run / importing what it imports and leaving like the run "
            f"(os._exit, no interpreter teardown) "
            f"| {_fmt(_ratio(j['commune_run'].wall(), j['commune_imports_exit'].wall()))} × | |",
            f"| (information) commune run / importing what it imports with numpy's BLAS held to "
            f"one thread, as the run loads it (`OPENBLAS_NUM_THREADS=1`, pipeline.start) "
            f"| {_fmt(_ratio(j['commune_run'].wall(), j['commune_imports_blas'].wall()))} × | |",
            f"| (information) province run{which}/floor, end to end (process walls) "
            f"| {_fmt(_ratio(run, j['province_floor'].wall()), 1)} × | |",
            f"| (information) the run's reader alone (python-calamine into Python lists, no work "
            f"of ours) / read floor: the least any read stage built on it can take "
            f"| {_fmt(reader)} s / {_fmt(floor)} s = {_fmt(_ratio(reader, floor))} × | |",
        ]
        return rows

    def stages(self) -> list[str]:
        run, which = self.effective("province_run")
        half, half_which = self.effective("half_run")
        naive = self.jobs["province_naive"]
        names: list[str] = []
        for job in (run, half, naive):
            for sample in job.ok:
                names.extend(n for n in sample.stages if n not in names)
        if "total" in names:
            names.remove("total")
            names.append("total")
        h, half_h = self.inputs["province"].hamlets, self.inputs["half"].hamlets
        rows = [
            f"| stage | run, {h} hamlets{which} | run, {half_h} hamlets{half_which} "
            f"| ratio {half_h}/{h} "
            f"| naive, {h} hamlets |",
            "|---|---:|---:|---:|---:|",
        ]
        for name in names:
            a, b, c = run.stage(name), half.stage(name), naive.stage(name)
            label = "total (in-process)" if name == "total" else name
            rows.append(
                f"| {label} | {_fmt(a)} | {_fmt(b)} | {_fmt(_ratio(b, a), 3)} | {_fmt(c)} |"
            )
        walls = (run.wall(), half.wall(), naive.wall())
        rows.append(
            f"| process wall (incl. start-up, imports) | {_fmt(walls[0])} | {_fmt(walls[1])} "
            f"| {_fmt(_ratio(walls[1], walls[0]), 3)} | {_fmt(walls[2])} |"
        )
        return rows

    def markdown(self) -> str:
        m = self.machine
        a = self.args
        loads = [s.load for job in self.jobs.values() for s in job.samples]
        status = "complete" if self.complete else "IN PROGRESS (partial numbers)"
        lines = [
            "# Benchmark results",
            "",
            f"Written by `{a.command}` (`make bench` runs it without arguments), started "
            f"{self.started:%Y-%m-%d %H:%M:%S}; status: **{status}**.",
            "",
            "## Machine",
            "",
            f"* CPU: {m['cpu']}, {m['cores']} cores; RAM {m['ram']}; {m['os']}",
            f"* Python {m['python']}; " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
            f"* Code measured: commit {m['git']} at the start; a copy of `pipeline/` and "
            f"`schemas/` (sha256 `{self.digest}`) taken then was run by every measurement"
            + self._drift()
            + ".",
            "* Load average at start (1, 5, 15 min): "
            + ", ".join(f"{x:.2f}" for x in self.load_start)
            + (
                "; at the end: " + ", ".join(f"{x:.2f}" for x in self.load_end)
                if self.load_end
                else ""
            )
            + (
                f"; 1-min load when each measured process started: {min(loads):.2f}–{max(loads):.2f}"
                if loads
                else ""
            ),
            "  (the machine is shared: a load above the core count means other work competed "
            "for the CPU, which stretches wall times; CPU time is less affected).",
            "",
            "## Inputs (generated by `giamngheo sample`, seed 2024)",
            "",
            "| input | hamlets | households per hamlet | months | files | size (MB) | generated in (s) |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for key, item in self.inputs.items():
            files = item.files
            size = sum(p.stat().st_size for p in files) / MB
            lines.append(
                f"| {key}: `{_shown(item.path)}` "
                f"| {item.hamlets} | {item.households} | {item.months} | {len(files)} | {size:.1f} "
                f"| {_fmt(item.generated_in, 1) if item.generated_in else 'reused'} |"
            )
        lines += ["", "## Results", "", *self.table(), "", "## Targets", "", *self.targets()]
        lines += [
            "",
            "## Where the province run spends its time (median seconds, as the run prints them)",
            "",
            *self.stages(),
            "",
            "## How it is measured",
            "",
            "* Every measurement is a fresh process (`subprocess.Popen` + `os.wait4`), outputs in a "
            "fresh folder; inputs are read once beforehand so the disk cache is warm for all. "
            "`giamngheo run` is run as `python -m pipeline run …` (the same entry point, "
            "`pipeline.cli:entry`) in the code copy, so that edits made to the working tree while "
            "the bench runs do not change what is measured.",
            "* wall = spawn to reaped; CPU = user + system time of the process and the children it "
            "reaped (`wait4` rusage); spread = min–max over the repetitions; rounds interleave "
            "the jobs so that a change of machine load hits them alike.",
            "* peak memory = the larger of `ru_maxrss` from `wait4` (largest single process of the "
            f"tree) and the sum of PSS over the process tree sampled every {a.interval} s; the "
            "largest over the repetitions.",
            f"* Repetitions: {a.reps} per job ({a.reps * COMMUNE_REPEAT} for the commune's, a "
            "second each); the province naive baseline "
            f"{a.naive_reps}"
            + (
                " (one naive province run takes well over 5 minutes here, 3 would exceed 20 minutes; "
                "`--naive-reps 3` to do all)."
                if a.naive_reps < a.reps
                else "."
            ),
            "* commune: `giamngheo run --input <commune> --output <tmp> --quiet` against "
            "`python -c <import every module in bench/work/commune-imports.txt>`: the modules a "
            "commune run imports (found by running it in-process once), minus `pipeline` and "
            "`schemas`"
            + (
                f": {len(self.imports['modules'])} modules, third-party packages "
                + ", ".join(f"`{p}`" for p in self.imports["third_party"])
                if self.imports
                else ""
            )
            + ". The run leaves with `os._exit` once its output is out (`cli.entry`); the "
            "baseline exits normally, as the issue words it (interpreter teardown included); the "
            "information row compares with a baseline that also leaves with `os._exit`.",
            "* province: `giamngheo run --input <province> --output <tmp> --quiet`; "
            "`bench/naive.py` (every workbook via `pandas.read_excel(engine='openpyxl')`, "
            "`roster_schema(year)` on the concatenated rows and on the start-of-year list, "
            "`pipeline.figures`, `DataFrame.to_excel(engine='openpyxl')` of the summary, the "
            "per-hamlet figures and the poor and near-poor lists); `bench/floor.py` (unzip + expat "
            "over `xl/worksheets/sheet*.xml` and `xl/sharedStrings.xml`, 2 processes, largest file "
            "first): `--mode tokenise` has no Python handler (the floor the target uses), "
            "`--mode values` keeps every text piece as a Python object, `--mode reader` has "
            "python-calamine (the run's reader) build every sheet as Python lists and does "
            "nothing else.",
            *(
                [
                    "* **A run failed** (see the first targets); a failure is not repeated. To "
                    "still show where the time and memory go, the same run was then measured "
                    "with the per-file safety bounds of reading lifted (`_LIFTED` in "
                    "`bench/bench.py`: no time or address-space limit in `pipeline.readpool`, "
                    "no `MAX_*` file and sheet size limits); figures marked 'diagnostic' come "
                    "from that run."
                ]
                if any(job.optional and job.samples for job in self.jobs.values())
                else []
            ),
            "* The run's `read` stage is taken from the line it prints (`Thời gian: read …s, …`) and "
            "compared with the floor's own in-process time (`Time: read …s`, pool start included).",
            "",
            "## What each measured command reported (last repetition)",
            "",
        ]
        for job in self.jobs.values():
            if job.samples:
                text = _joined(job.samples[-1].stdout.strip()).splitlines()
                keep = [
                    t
                    for t in text
                    if t.startswith(("Xóm:", "Naive:", "Floor:", "Thời gian:", "Time:"))
                ]
                if keep:
                    lines.append(f"* {job.label}: " + " / ".join(f"`{t}`" for t in keep))
        return "\n".join(lines) + "\n"

    def _drift(self) -> str:
        versions = [d for i, d in enumerate(self.live_digests) if d not in self.live_digests[:i]]
        changed = [d for d in versions if d != self.digest]
        if not changed:
            return ""
        return (
            f" (the working tree changed during the bench: {len(changed)} other version(s) of the "
            "code were seen, none of them measured)"
        )

    def write(self) -> None:
        self.args.results.parent.mkdir(parents=True, exist_ok=True)
        self.args.results.write_text(self.markdown(), encoding="utf-8")


def build(args: argparse.Namespace, code: Path) -> tuple[dict[str, Input], dict[str, Job]]:
    """The inputs and the measured jobs; every command runs in the code copy ``code``."""
    h, hh, half = args.hamlets, args.households, max(1, args.hamlets // 2)
    province_args = lambda n: ["--hamlets", str(n), "--households", str(hh),  # noqa: E731
                               "--seed", str(SEED), "--months", "1"]  # fmt: skip
    if args.quick:
        commune = Input("commune-3x5", ["--hamlets", "3", "--households", "5", "--seed",
                                        str(SEED), "--months", "2"], 3, "5", 2)  # fmt: skip
    else:
        commune = Input("commune-sample", ["--seed", str(SEED)], 12, "realistic", 2)
    inputs = {
        "commune": commune,
        "province": Input(f"province-{h}x{hh}", province_args(h), h, str(hh), 1),
        "half": Input(f"province-{half}x{hh}", province_args(half), half, str(hh), 1),
    }

    def run(item: Input, lifted: bool = False):
        entry = ["-c", _LIFTED] if lifted else ["-m", "pipeline"]
        return lambda out: [PYTHON, *entry, "run", "--input", str(item.path),
                            "--output", str(out), "--quiet"]  # fmt: skip

    imports = args.work / "commune-imports.txt"
    p = inputs["province"]
    script = lambda name: str(code / "bench" / name)  # noqa: E731
    diagnostic = "read limits lifted — diagnostic"
    jobs = [
        Job("commune_run", f"commune: giamngheo run ({commune.hamlets} hamlets)",
            run(commune), args.reps * COMMUNE_REPEAT),
        Job("commune_imports", "commune: import only (the modules the run imports)",
            lambda out: [PYTHON, "-c", _IMPORT, str(imports)], args.reps * COMMUNE_REPEAT),
        Job("commune_imports_exit", "commune: import only, then leave like the run "
            "(os._exit, no teardown; information)",
            lambda out: [PYTHON, "-c", _IMPORT_EXIT, str(imports)], args.reps * COMMUNE_REPEAT),
        Job("commune_imports_blas", "commune: import only, numpy's BLAS held to one thread as "
            "the run loads it (information)",
            lambda out: [PYTHON, "-c", _IMPORT_ONE_BLAS, str(imports)],
            args.reps * COMMUNE_REPEAT),
        Job("province_run", f"province: giamngheo run ({h} × {hh})", run(p), args.reps,
            fallback="province_run_lifted"),
        Job("province_run_lifted", f"province: giamngheo run, {diagnostic} ({h} × {hh})",
            run(p, lifted=True), args.reps, optional=True),
        Job("province_naive", f"province: naive (pandas + openpyxl, {h} × {hh})",
            lambda out: [PYTHON, script("naive.py"), "--input", str(p.path),
                         "--output", str(out)], args.naive_reps),
        Job("province_floor", f"province: read floor (unzip + expat tokenise, 2 processes, {h} × {hh})",
            lambda out: [PYTHON, script("floor.py"), str(p.path), "--workers", "2"], args.reps),
        Job("province_floor_values", "province: expat + Python text handler (2 processes)",
            lambda out: [PYTHON, script("floor.py"), str(p.path), "--workers", "2",
                         "--mode", "values"], args.reps),
        Job("province_reader", "province: the run's reader alone (python-calamine, every sheet "
            "to Python lists, nothing else; 2 processes)",
            lambda out: [PYTHON, script("floor.py"), str(p.path), "--workers", "2",
                         "--mode", "reader"], args.reps),
        Job("half_run", f"linearity: giamngheo run ({half} × {hh})", run(inputs["half"]),
            args.reps, fallback="half_run_lifted"),
        Job("half_run_lifted", f"linearity: giamngheo run, {diagnostic} ({half} × {hh})",
            run(inputs["half"], lifted=True), args.reps, optional=True),
    ]  # fmt: skip
    return inputs, {job.key: job for job in jobs}


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes, one repetition (smoke test)"
    )
    parser.add_argument("--reps", type=int, default=None, help="repetitions per job (default 3)")
    parser.add_argument(
        "--naive-reps",
        type=int,
        default=None,
        help="repetitions of the province naive baseline (default: --reps)",
    )
    parser.add_argument("--hamlets", type=int, default=None, help="province hamlets (default 2000)")
    parser.add_argument("--households", type=int, default=None, help="households per hamlet (150)")
    parser.add_argument("--work", type=Path, default=BENCH / "work", help="generated inputs")
    parser.add_argument(
        "--results",
        type=Path,
        default=None,
        help="markdown report (default bench/results.md; WORK/results-quick.md with --quick)",
    )
    parser.add_argument("--interval", type=float, default=None, help="memory sampling period (s)")
    args = parser.parse_args(argv)  # fmt: skip
    given = sys.argv[1:] if argv is None else list(argv)
    args.command = " ".join(["bench/bench.py", *given])
    quick = args.quick
    args.reps = args.reps or (1 if quick else 3)
    args.naive_reps = min(args.naive_reps or args.reps, args.reps)
    args.hamlets = args.hamlets or (6 if quick else 2000)
    args.households = args.households or (8 if quick else 150)
    args.interval = args.interval or (0.05 if quick else 0.25)
    args.work = args.work.resolve()
    default = args.work / "results-quick.md" if quick else BENCH / "results.md"
    args.results = (args.results or default).resolve()
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    load_start = os.getloadavg()
    started = datetime.now()
    about = machine()
    code = snapshot(args.work)
    inputs, jobs = build(args, code)
    for item in inputs.values():
        prepare(item, args.work)
        warm(item)
    bench = Bench(args, inputs, jobs, about, started, load_start, code, code_digest(code))
    bench.write()
    bench.imports = detect_imports(inputs["commune"], args.work, code)

    def measure_job(job: Job) -> None:
        run_job(job, args.work, code, args.interval)
        bench.live_digests.append(code_digest(ROOT))
        bench.write()

    for _ in range(jobs["commune_run"].reps):
        for key in COMMUNE_JOBS:
            measure_job(jobs[key])
    order = (
        "province_run",
        "province_floor",
        "province_floor_values",
        "province_reader",
        "half_run",
        "province_naive",
    )
    for rep in range(args.reps):
        for key in order:
            job = jobs[key]
            if rep < job.reps and not job.failed:  # a failure is not repeated
                measure_job(job)
                if job.failed and job.fallback:
                    print(f"bench: {job.label} failed; measuring it with the read limits "
                          "lifted, as a diagnostic", file=sys.stderr, flush=True)  # fmt: skip
            twin = jobs.get(job.fallback or "")
            if job.failed and twin is not None and not twin.failed and len(twin.samples) <= rep:
                measure_job(twin)
    bench.load_end = os.getloadavg()
    bench.complete = True
    bench.write()
    shutil.rmtree(args.work / "out", ignore_errors=True)
    print("\n".join([*bench.table(), "", *bench.targets(), "", *bench.stages()]))
    print(f"\nWritten to {args.results}")
    return 1 if any(job.failed for job in jobs.values() if not job.optional) else 0


if __name__ == "__main__":
    sys.exit(main())
