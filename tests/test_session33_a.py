"""Our modules' import cost on the commune run (issue #6, docs/decisions.md: "Session 33: our
modules' import cost on the commune run (issue #6)"): the classes on the runner's path that were
dataclasses only to be written briefly are plain classes (a dataclass compiles its methods from
source at every import), and the dataclasses kept generate only the methods something asks of
them. Each plain class behaves as the dataclass did where anything used it."""

import ast
import dataclasses
import pickle
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.messages import RunCommand
from pipeline.read import Table, TableRow
from pipeline.readpool import Outcome
from pipeline.report.bulk import Block, Column
from pipeline.startlist import StartRows
from pipeline.types import Issue, Plan, Submission
from pipeline.validate import Part
from schemas.issues import CATALOGUE
from schemas.standards import STANDARDS

ROOT = Path(__file__).resolve().parent.parent

# The dataclasses left on the runner's path and how each is made (session 33): Issue is compared
# (tests) and `replace`d, Column hashed (headers._header_names caches by columns), RunResult and
# RunCommand `replace`d; none of the others is compared, hashed or printed.
KEPT = {
    "pipeline.types.Issue": "frozen=True",
    "pipeline.types.RunResult": "eq=False, repr=False",
    "pipeline.messages.RunCommand": "frozen=True, eq=False, repr=False",
    "schemas.issues.IssueType": "frozen=True, eq=False, repr=False",
    "schemas.standards.Standard": "frozen=True, eq=False, repr=False",
    "schemas.columns.Column": "frozen=True",
}


def _runners_modules() -> list[str]:
    """Our modules a fresh process imports as `giamngheo run`'s runner does."""
    code = (
        "import sys\n"
        "import pipeline.cli, pipeline.readpool, pipeline.history, pipeline.publish, pipeline.run\n"
        "print(' '.join(sorted(n for n in sys.modules if n.split('.')[0] in "
        "('pipeline', 'schemas'))))\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return shown.split()


def _dataclasses_in(module: str) -> dict[str, str]:
    path = ROOT.joinpath(*module.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    found = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ClassDef):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            name = ast.unparse(call.func if call else decorator)
            if name in ("dataclass", "dataclasses.dataclass"):
                how = ", ".join(ast.unparse(k) for k in call.keywords) if call else ""
                found[f"{module}.{node.name}"] = how
    return found


def test_the_runners_modules_define_only_the_dataclasses_kept():
    """A new dataclass on the runner's path costs every run ~0.3–1 ms of compiling: this test
    names it (write a plain class with an ``__init__``, or add it here with its reason)."""
    modules = _runners_modules()
    assert len(modules) > 40  # 46 when written: the walk found the modules
    assert "pipeline.read" in modules and "schemas.issues" in modules
    found = {}
    for module in modules:
        found.update(_dataclasses_in(module))
    assert found == KEPT


def test_a_table_row_compares_and_shows_as_the_dataclass_did():
    row = TableRow(3, {"ma_ho": "A1"})
    assert row == TableRow(3, {"ma_ho": "A1"})
    assert row != TableRow(4, {"ma_ho": "A1"}) and row != TableRow(3, {"ma_ho": "A2"})
    assert row != (3, {"ma_ho": "A1"})  # another class: NotImplemented, then unequal
    with pytest.raises(TypeError):
        hash(row)  # a dataclass with eq and not frozen is unhashable
    assert repr(row) == "TableRow(excel_row=3, values={'ma_ho': 'A1'})"
    # Table's equality compares its rows: same rows equal, one value apart not
    table = Table([3, 4], {"ma_ho": ["A1", "A2"]})
    assert table == Table([3, 4], {"ma_ho": ["A1", "A2"]})
    assert table != Table([3, 4], {"ma_ho": ["A1", "A3"]})
    assert list(table) == [TableRow(3, {"ma_ho": "A1"}), TableRow(4, {"ma_ho": "A2"})]


def test_the_plain_classes_take_the_same_arguments_and_defaults():
    plan = Plan("KeHoach.xlsx", "P", "C", 2024, "rural", "2022-2025", 1.0, 2.0)
    other = Plan("KeHoach.xlsx", "P", "C", 2024, "rural", "2022-2025", 1.0, 2.0, "Người nhận")
    assert (plan.recipient, other.recipient, plan.commune_at) == ("", "Người nhận", ("", ""))
    assert isinstance(plan.hamlets, pd.DataFrame) and plan.hamlets.empty
    assert plan.start_list is None and plan.start_list_unread is False
    # each instance its own containers, as default_factory gave
    assert plan.hamlet_rows == {} and plan.hamlet_rows is not other.hamlet_rows
    assert plan.hidden_hamlets is not other.hidden_hamlets
    assert plan.former_communes is not other.former_communes

    sub = Submission("a.xlsx", Path("a.xlsx"), "plan")  # third positional: kind
    assert (sub.kind, sub.status, sub.hamlet, sub.rows_read, sub.mtime) == (
        "plan",
        "skipped",
        None,
        0,
        0.0,
    )
    assert sub.extra == {} and sub.extra is not Submission("b", Path("b")).extra
    assert Submission("b", Path("b")).kind == "unknown"

    # sixth positional: elsewhere; the rest by keyword
    part = Part({}, "f.xlsx", "S", "Nà Mòn", {}, {"nam_sinh": {5: (3, "Năm sinh")}}, slips={})
    assert part.elsewhere == {"nam_sinh": {5: (3, "Năm sinh")}}
    assert (part.questioned, part.questioned_marks, part.questioned_start) == ({}, {}, set())

    rows = StartRows("Danh sách", None, [[1]], [])
    assert (rows.sheet, rows.grid, rows.merges, rows.rows, rows.marks, rows.columns) == (
        "Danh sách",
        [[1]],
        [],
        None,
        None,
        None,
    )


def test_an_outcome_pickles_as_the_early_reader_sends_it():
    """The early reader's child and the read workers send Outcomes through a pipe: the same
    attributes come back, in the dataclass's field order."""
    sub = Submission("DS.xlsx", Path("DS.xlsx"), kind="roster", hamlet="Nà Mòn", rows_read=6)
    outcome = Outcome(sub, [Issue("file-unreadable", file="DS.xlsx", row=4)])
    back = pickle.loads(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    assert list(vars(back)) == [
        "sub",
        "issues",
        "plan",
        "plan_issues",
        "plan_error",
        "plan_error_year",
        "plan_deferred",
        "plan_book",
        "plan_start",
    ]
    assert vars(back.sub) == vars(sub) and back.sub.extra == {}
    assert back.issues == [Issue("file-unreadable", file="DS.xlsx", row=4)]
    assert Outcome(sub).issues == [] and Outcome(sub).issues is not Outcome(sub).issues


def test_a_block_works_out_its_rows_and_refuses_unequal_columns():
    # rows 5, 6, 7: three values a column, so length 3 and last row 5 + 3 − 1 = 7
    block = Block(5, [Column([1, 2, 3], None, "num"), Column(["a", "b", "c"], None)])
    assert (block.length, block.last, block.heights, block.columns[1].kind) == (3, 7, None, "text")
    assert Block(5, []).length == 0
    with pytest.raises(ValueError, match=r"columns of unequal length: \[1, 3\]"):
        Block(5, [Column([1, 2, 3], None)], heights=[12.0])


def test_the_kept_dataclasses_stay_frozen_and_replaceable():
    command = RunCommand(Path("xa"), Path("ra"), "giamngheo")
    moved = dataclasses.replace(command, input_dir=Path("cu"))
    assert moved.of("2024-05") == "giamngheo run --input cu --output ra --period 2024-05"
    for frozen in (command, STANDARDS["2022-2025"], CATALOGUE["file-unreadable"]):
        with pytest.raises(dataclasses.FrozenInstanceError):
            frozen.name = "x"
    # 2022-2025 (Nghị định 07/2021): rural line 1,500,000, urban 2,000,000; poor with 3
    # deprivations or more (validate classifies by these; classify, used by nothing, is gone)
    standard = STANDARDS["2022-2025"]
    assert (standard.income_line("rural"), standard.income_line("urban")) == (1_500_000, 2_000_000)
    assert standard.min_deprivations_poor == 3
    # Issue keeps its equality and hash (tests compare issues; sets may hold them)
    issue = Issue("file-unreadable", file="DS.xlsx", row=4)
    assert issue == Issue("file-unreadable", file="DS.xlsx", row=4)
    assert hash(issue) == hash(Issue("file-unreadable", file="DS.xlsx", row=4))
    assert dataclasses.replace(issue, row=5) != issue
