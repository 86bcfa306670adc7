"""No test file imports another test file's private (`_name`) helper (session 53).

Session 53 gave the 246 helpers test files imported from each other public names (decision
"session 52's test set-ups written twice, shared"); this keeps it so: a helper shared between
test files is public where it is defined, so that renaming or folding it is seen by its users.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parent


def _private_imports(source: str) -> list[str]:
    """'module:name' for every private name ``source`` takes from a ``tests.`` module, by
    ``from tests.x import _y`` or by ``import tests.x as m`` then ``m._y``."""
    tree = ast.parse(source)
    found, aliases = [], {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tests."):
            found += [f"{node.module}:{a.name}" for a in node.names if a.name.startswith("_")]
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("tests.") and a.asname:
                    aliases[a.asname] = a.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and node.attr.startswith("_")
        ):
            found.append(f"{aliases[node.value.id]}:{node.attr}")
    return found


def test_the_check_sees_both_forms_of_a_private_import():
    source = (
        "from tests.april_may import SPLIT, _hidden\n"
        "import tests.test_session38_oracle as o38\n"
        "def f():\n"
        "    from tests.month_lists import _inner\n"
        "    return o38._na_mon(), o38.na_mon_rows()\n"
    )
    assert sorted(_private_imports(source)) == [
        "tests.april_may:_hidden",
        "tests.month_lists:_inner",
        "tests.test_session38_oracle:_na_mon",
    ]


def test_no_test_file_imports_a_private_helper_of_another():
    found = {
        path.name: names
        for path in sorted(TESTS.glob("*.py"))
        if (names := _private_imports(path.read_text(encoding="utf-8")))
    }
    assert found == {}
