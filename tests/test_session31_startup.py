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
