"""Matching hamlet names as people write them to the plan's spelling.

Case, spacing, Unicode form and a 'Xóm'/'Thôn' prefix never matter; accents
matter only when two hamlets of the plan differ by accents alone.
"""

from __future__ import annotations

from pipeline.text import fold, fold_exact

_PREFIXES = ("xom ", "thon ")


def _strip_prefix(key: str, prefixes) -> str:
    for prefix in prefixes:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


class HamletMatcher:
    def __init__(self, names: list[str]):
        self.names = list(names)
        self._exact = {_strip_prefix(fold_exact(n), ("xóm ", "thôn ")): n for n in names}
        loose: dict[str, list[str]] = {}
        for name in names:
            loose.setdefault(_strip_prefix(fold(name), _PREFIXES), []).append(name)
        self._loose = loose

    def match(self, written: object) -> str | None:
        """The plan's name for ``written``, or None when it is not (unambiguously) a plan hamlet."""
        exact = _strip_prefix(fold_exact(written), ("xóm ", "thôn "))
        if exact in self._exact:
            return self._exact[exact]
        candidates = self._loose.get(_strip_prefix(fold(written), _PREFIXES), [])
        return candidates[0] if len(candidates) == 1 else None

    def find_in(self, text: str) -> str | None:
        """A plan hamlet named inside free text (a title row or a file name), if exactly one is."""
        folded = f" {fold(text)} "
        compact = folded.replace(" ", "")
        found = {
            name
            for name in self.names
            if f" {fold(name)} " in folded
            or (len(fold(name)) > 4 and fold(name).replace(" ", "") in compact)
        }
        return found.pop() if len(found) == 1 else None
