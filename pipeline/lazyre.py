"""Regular expressions compiled the first time they are used, not when their module is imported.

Our modules hold ~150 patterns at module level; compiling them all at import cost the commune
run ~13 ms on the runner's critical path, for patterns a clean commune run mostly never uses
(messy lists, .xls and .ods files, the plan's odd rows) or uses only in the early reader's child.
``lazyre.compile`` is written where ``re.compile`` was and used the same way
(``PATTERN.match(text)``, ``PATTERN.sub(...)``, ``find = PATTERN.search``). The pattern is
compiled once, at its first use, in the process that uses it. See docs/decisions.md
"Session 31: our regular expressions compiled at first use (issue #6)".
"""

from __future__ import annotations

import re

# The compiled pattern's attributes a LazyPattern gives.
_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer")
_VALUES = ("flags", "groups", "groupindex")


class _Compiling:
    """A LazyPattern's attribute ``name``: read the first time, it compiles the pattern and stores
    the compiled pattern's attributes on the LazyPattern, where they hide this (a non-data
    descriptor). ``find = PATTERN.search`` read before any use is the compiled pattern's method."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, lazy: LazyPattern | None, owner=None):
        if lazy is None:
            return self
        return getattr(lazy.compiled(), self.name)


class LazyPattern:
    """``re.compile(pattern, flags)``, done at the first read of one of its methods or of
    ``flags``, ``groups``, ``groupindex``; ``pattern`` is there from the start.

    Every later ``PATTERN.match`` is the compiled pattern's own bound method, an instance
    attribute away: ~10 ns a call more than a pattern compiled at import (a ``__getattr__``
    would cost ~40 ns, as a class that has one is looked up the slow way)."""

    def __init__(self, pattern: str | bytes, flags: int = 0):
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        """The compiled pattern (compiled now if it has not been used before)."""
        compiled = self._compiled
        if compiled is None:
            compiled = re.compile(self.pattern, self._flags)
            for name in _METHODS + _VALUES:
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return compiled

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r}, {self._flags!r})"


for _name in _METHODS + _VALUES:
    setattr(LazyPattern, _name, _Compiling(_name))
del _name


def compile(pattern: str | bytes, flags: int = 0) -> LazyPattern:  # noqa: A001 - re.compile's name
    """A pattern compiled at its first use (see LazyPattern)."""
    return LazyPattern(pattern, flags)
