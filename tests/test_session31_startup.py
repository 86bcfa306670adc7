"""The commune run's start-up (issue #6): our modules' regular expressions are compiled at
their first use (pipeline.lazyre), not when the modules are imported (docs/decisions.md,
session 31: our regular expressions compiled at first use)."""

import ast
import importlib
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pipeline
import schemas
from pipeline import lazyre
from pipeline.lazyre import LazyPattern

ROOT = Path(__file__).resolve().parent.parent


def test_a_lazy_pattern_is_compiled_once_at_its_first_use():
    pattern = lazyre.compile(r"(\d+)-(?P<tail>\d+)", re.IGNORECASE)
    assert pattern._compiled is None  # nothing compiled yet
    assert pattern.pattern == r"(\d+)-(?P<tail>\d+)"  # known without compiling
    assert pattern._compiled is None
    assert pattern.match("12-34").groups() == ("12", "34")
    first = pattern._compiled
    assert isinstance(first, re.Pattern)
    # later uses are the compiled pattern's own methods, never compiled again
    assert pattern.sub(r"\2-\1", "a 12-34 b") == "a 34-12 b"
    assert pattern.findall("1-2 3-4") == [("1", "2"), ("3", "4")]
    assert pattern._compiled is first
    assert pattern.match.__self__ is first and pattern.search.__self__ is first
    # what re.compile gives: flags (IGNORECASE 2 | UNICODE 32 = 34), 2 groups, one named
    assert (pattern.flags, pattern.groups, dict(pattern.groupindex)) == (34, 2, {"tail": 2})


def test_a_method_taken_before_the_first_use_is_the_compiled_patterns():
    pattern = lazyre.compile(rb"<(\w+)>")
    find = pattern.search  # as hot loops do: `search = PATTERN.search`
    assert find.__self__ is pattern._compiled  # compiled by taking it, once
    assert find(b"x <row> y").group(1) == b"row"
    assert pattern.search.__self__ is find.__self__


def _our_modules():
    names = ["pipeline", "schemas"]
    for package in (pipeline, schemas):
        found = pkgutil.walk_packages(package.__path__, package.__name__ + ".")
        names += [m.name for m in found if not m.name.endswith("__main__")]  # that one runs
    return [importlib.import_module(n) for n in names]


def test_every_lazy_pattern_of_our_modules_compiles():
    """An invalid pattern now fails at its first use, not at import: each is compiled here."""
    patterns = [
        (module.__name__, name, value)
        for module in _our_modules()
        for name, value in vars(module).items()
        if isinstance(value, LazyPattern)
    ]
    assert len(patterns) > 140  # 155 when written (session 31): the walk found the modules
    for module, name, pattern in patterns:
        assert isinstance(pattern.compiled(), re.Pattern), (module, name)


def test_no_module_compiles_a_pattern_at_import():
    """Every pattern assigned at module level in pipeline/ and schemas/ is a lazyre one: an
    `re.compile` there costs every run its compiling, used or not."""
    found = []
    for path in [*ROOT.joinpath("pipeline").rglob("*.py"), *ROOT.joinpath("schemas").glob("*.py")]:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            value = getattr(node, "value", None)
            if (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Attribute)
                and value.func.attr == "compile"
                and isinstance(value.func.value, ast.Name)
                and value.func.value.id == "re"
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_importing_what_a_run_imports_compiles_only_what_module_code_uses():
    """In a fresh process, the modules `giamngheo run`'s runner imports: of their module-level
    patterns, only text._NON_ALNUM is compiled (text.fold, asked by module-level tables)."""
    code = (
        "import sys\n"
        "import pipeline.cli, pipeline.readpool, pipeline.history, pipeline.publish, pipeline.run\n"
        "from pipeline.lazyre import LazyPattern\n"
        "seen, done = 0, []\n"
        "for name, module in sorted(sys.modules.items()):\n"
        "    if name.split('.')[0] in ('pipeline', 'schemas'):\n"
        "        for key, value in vars(module).items():\n"
        "            if isinstance(value, LazyPattern):\n"
        "                seen += 1\n"
        "                if value._compiled is not None:\n"
        "                    done.append(name + '.' + key)\n"
        "print(seen > 100, done)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert shown.strip() == "True ['pipeline.text._NON_ALNUM']"


# --- the plan's start list read to rows in the early reader's child ------------------------


def _plans_both_ways(path, monkeypatch):
    """The plan at ``path`` loaded as the early reader hands it over (its sheets and its start
    list's rows read with plans=False, pickled through the pipe, loaded by finish_plan), and as
    a worker loads it (plans=True). Asserts the runner took no start-list step the child took."""
    import pickle

    from pipeline import plan as plan_module
    from pipeline import readpool

    early = readpool.read_guarded(path, path.name, plans=False)
    assert early.plan_deferred and early.plan_start is not None
    read = early.plan_start  # both steps taken in the child, unless it found no header
    assert (read.columns is None) == (read.header is None)
    early = pickle.loads(pickle.dumps(early, protocol=pickle.HIGHEST_PROTOCOL))
    taken = []
    monkeypatch.setattr(plan_module, "start_list_rows", lambda book: taken.append(book))
    finished = readpool.finish_plan(early, path, path.name)
    assert taken == [] and finished.plan_start is None and finished.plan_book is None
    monkeypatch.undo()
    direct = readpool.read_guarded(path, path.name)
    return finished, direct


def _same(finished, direct):
    assert finished.plan_error == direct.plan_error
    assert finished.plan_issues == direct.plan_issues
    one, other = finished.plan.start_list, direct.plan.start_list
    assert (one is None) == (other is None)
    if one is not None:
        assert one.equals(other)


def test_the_start_list_read_ahead_gives_the_plan_read_at_once(tmp_path, monkeypatch):
    """tests.commune's plan: its start list holds Nà Mòn's 3 poor + 2 near-poor, Bản Cọ's 2 + 1
    and Đồng Kè's 1 + 1 households, 10 rows, read the same either way."""
    from tests.commune import write_plan

    finished, direct = _plans_both_ways(write_plan(tmp_path), monkeypatch)
    _same(finished, direct)
    start = finished.plan.start_list
    assert len(start) == 10
    assert start.groupby("hamlet")["ma_ho"].count().to_dict() == {
        "Bản Cọ": 3,
        "Nà Mòn": 5,
        "Đồng Kè": 2,
    }


def test_a_start_list_marked_in_columns_read_ahead_says_the_same_rows(tmp_path, monkeypatch):
    """test_class_marks's start list: classes marked under 'Hộ nghèo | Hộ cận nghèo', DK3 (no
    mark, row 15) and DK4 (two marks, row 16) errors at their cells and left out: the other 10
    households kept, the two errors said, the same either way."""
    from tests.test_class_marks import plan_with_marked_start_list

    path = plan_with_marked_start_list(tmp_path, ".xlsx")
    finished, direct = _plans_both_ways(path, monkeypatch)
    _same(finished, direct)
    assert len(finished.plan.start_list) == 10
    said = sorted((i.code, i.row) for i in finished.plan_issues if i.severity == "error")
    assert said == [("class-marks-none", 15), ("class-marks-several", 16)]


def test_a_start_list_without_its_header_read_ahead_is_left_out_as_before(tmp_path, monkeypatch):
    """A 'Danh sách đầu năm' sheet whose header row is not the template's: 'plan-invalid' on
    that sheet, the start list left out, the same either way."""
    import openpyxl

    from tests.commune import write_plan

    path = write_plan(tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = next(ws for ws in book if ws.title.startswith("Danh sách đầu năm"))
    for row in sheet.iter_rows():
        if any(cell.value == "Mã hộ" for cell in row):  # the header row: no name left in it
            for number, cell in enumerate(row, start=1):
                cell.value = f"Cột {number}"
    book.save(path)
    finished, direct = _plans_both_ways(path, monkeypatch)
    _same(finished, direct)
    assert finished.plan.start_list is None and finished.plan.start_list_unread
    assert [(i.code, i.sheet) for i in finished.plan_issues if i.code == "plan-invalid"] == [
        ("plan-invalid", sheet.title)
    ]
