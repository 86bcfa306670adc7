"""Session 50 (the read of session 50's diff, Left): a 'Tổng số hộ dân cư' cell is read for two
counts side by side ('62 hộ/250 khẩu') only when it is short. `text._COUNT_PAIR`'s lazy groups
take time as the square of the text's length: a cell of Excel's 32,767 characters held the run
for seconds. The pair is looked for in cells of at most 200 characters."""

from pipeline import text


class _Spy:
    """Stands in for `_COUNT_PAIR`, noting the length of every text it is asked to match."""

    def __init__(self, real):
        self.real = real
        self.lengths: list[int] = []

    def fullmatch(self, value):
        self.lengths.append(len(value))
        return self.real.fullmatch(value)


def test_a_long_cell_is_not_scanned_for_two_counts(monkeypatch):
    spy = _Spy(text._COUNT_PAIR)
    monkeypatch.setattr(text, "_COUNT_PAIR", spy)
    long_cell = "1" * 30_000 + " hộ, 250 khẩu"
    assert text.parse_households(long_cell) is None
    assert all(length <= 200 for length in spy.lengths)


def test_short_cells_still_read_their_households_beside_their_people(monkeypatch):
    spy = _Spy(text._COUNT_PAIR)
    monkeypatch.setattr(text, "_COUNT_PAIR", spy)
    assert text.parse_households("62 hộ/250 khẩu") == 62
    assert text.parse_households("250 nhân khẩu (62 hộ)") == 62
    assert text.parse_households("Tổng: 62 hộ; 250 người") == 62
    assert spy.lengths  # the pair was looked for in these short cells
