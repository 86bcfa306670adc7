"""Random cells as hamlet heads type them into a name or a note, with the digits of the
persons' numbers in them that the posted list (NiemYet) must not show, and a check of what
`text.mask_ids_in` shows of them (session 57).

The generator is session 56's (Q's scorer, `/work/hF-scratch56/leaks.py`, drawing R2's cell
shapes), draw for draw: a seed gives the cells Q's and R2's counts were made of. A cell is 1 to
4 pieces apart by single spaces (or another joiner), each one of: a phone (0 and 3, 5, 7, 8 or 9, then 8 digits)
in a row or by 4-3-3, 3-3-4, 4-6 or 2-4-4 apart by a space, a dot or a dash; a CCCD (12
digits from 0, its century digit 0-3) in a row, or by threes apart by spaces or dots; an old
CMND (9 digits from 0-3) likewise; an amount (1 to 3,000 times a thousand to a million,
grouped by dots or spaces, perhaps with its currency); a date (dd mm yyyy apart by a space,
'/', '.' or '-'); a word or a code ('Lò Văn A', 'NM 01', '+84', '(+84)', 'Vay' …); a small
number. The never-leak rule (sessions 56, 57): of a phone's, a CCCD's or a CMND's digits the
list may show its last 4 alone; an amount or a date masked is the lesser harm."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

WORDS = ["Lò Văn A", "Xóm 3", "Tổ 12", "NM 01", "NM", "Vay", "Vốn ĐT", "SĐT", "CCCD",
         "Hộ 3 người", "Thu nhập", "ngày", "Nguyễn Thị B", "TL", "VAY", "1", "2", "12", "+84",
         "(+84)", "và", ",", "+"]  # fmt: skip
PHONE_GROUPINGS = [(4, 3, 3), (3, 3, 4), (10,), (4, 6), (2, 4, 4)]


@dataclass(frozen=True)
class Cell:
    """A random cell: its text, and the places in it of the digits of a person's number that
    the list must not show (each number's digits but its last 4)."""

    text: str
    secret: frozenset[int]


class CellDrawer:
    """Draws cells by a seed (:func:`cells`)."""

    def __init__(self, seed: int, inner: str | None = None) -> None:
        self.rng = random.Random(seed)
        # the marks between a person's number's groups: None, Q's ('.', '-' and spaces);
        # others ('/', ',') drawn in their place where given (session 57, C3)
        self.inner = inner

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    def phone(self) -> str:
        number = "0" + self.rng.choice("35789") + self.digits(8)
        grouping = self.rng.choice(PHONE_GROUPINGS)
        groups, at = [], 0
        for size in grouping:
            groups.append(number[at : at + size])
            at += size
        if self.inner is not None:
            return self.rng.choice(self.inner).join(groups)
        return self.rng.choice([" ", ".", "-", " "]).join(groups)

    def cccd(self) -> str:
        number = "0" + self.digits(2) + self.rng.choice("0123") + self.digits(8)
        threes = [number[:3], number[3:6], number[6:9], number[9:]]
        if self.inner is not None:  # by threes, or 6-6 (session 57, C3)
            six = [number[:6], number[6:]]
            return self.rng.choice(self.inner).join([threes, six][self.rng.randrange(2)])
        return [number, " ".join(threes), ".".join(threes)][self.rng.randrange(3)]

    def cmnd(self) -> str:
        number = self.rng.choice("0123") + self.digits(8)
        threes = [number[:3], number[3:6], number[6:]]
        if self.inner is not None:
            return self.rng.choice(self.inner).join(threes)
        return [number, " ".join(threes), ".".join(threes)][self.rng.randrange(3)]

    def amount(self) -> str:
        value = self.rng.randint(1, 3000) * self.rng.choice([1000, 10000, 100000, 1000000])
        written = f"{value:,}".replace(",", self.rng.choice([".", " "]))
        return written + self.rng.choice(["", " đồng", "đ", " VNĐ", ""])

    def date(self) -> str:
        sep = self.rng.choice([" ", "/", ".", "-"])
        day, month = f"{self.rng.randint(1, 28):02d}", f"{self.rng.randint(1, 12):02d}"
        return sep.join([day, month, str(self.rng.randint(1990, 2025))])

    def word(self) -> str:
        return self.rng.choice(WORDS)

    def small(self) -> str:
        return str(self.rng.randint(1, 999))

    def cell(self, joiner: str = " ") -> Cell:
        """One cell of 1 to 4 pieces apart by ``joiner`` (a single space, as Q's)."""
        draws = [(self.phone, True), (self.cccd, True), (self.cmnd, True), (self.amount, False),
                 (self.date, False), (self.word, False), (self.small, False)]  # fmt: skip
        pieces, secret, at = [], set(), 0
        for _ in range(self.rng.randint(1, 4)):
            draw, persons = self.rng.choice(draws)
            piece = draw()
            if persons:  # its digits but the last 4 are secret
                places = [at + i for i, ch in enumerate(piece) if ch.isdigit()]
                secret.update(places[:-4])
            pieces.append(piece)
            at += len(piece) + len(joiner)
        return Cell(joiner.join(pieces), frozenset(secret))


def cells(seed: int, count: int, joiner: str = " ", inner: str | None = None) -> Iterator[Cell]:
    """``count`` random cells drawn by ``seed``, their pieces apart by ``joiner``, a person's
    number's groups by one of ``inner`` where given (:class:`CellDrawer`)."""
    drawer = CellDrawer(seed, inner)
    for _ in range(count):
        yield drawer.cell(joiner)


# A number as the list masks it: 8 stars and the last 4 digits shown
_MASKED = re.compile(r"\*{8}([0-9]{4})")


def shown_places(text: str, posted: str) -> frozenset[int]:
    """The places of ``text`` whose characters ``posted`` (``text`` as `mask_ids_in` posts it)
    shows: all but those of each masked number, save its last 4 digits. A masked number stands
    for the shortest stretch of ``text`` that holds its 4 digits last, what is around it shown
    as written; AssertionError where ``posted`` is no such masking of ``text``."""
    bits = _MASKED.split(posted)  # shown, 4 digits, shown, 4 digits, …, shown
    pattern = re.escape(bits[0]) + "".join(
        "(.*?" + "[^0-9]*?".join(bits[k]) + ")" + re.escape(bits[k + 1])
        for k in range(1, len(bits), 2)
    )
    found = re.fullmatch(pattern, text, re.S)
    assert found is not None, (text, posted)
    hidden = set()
    for group in range(1, len(bits) // 2 + 1):
        span = range(found.start(group), found.end(group))
        last_four = [i for i in span if text[i].isdigit()][-4:]
        hidden.update(i for i in span if i not in last_four)
    return frozenset(range(len(text))) - hidden
