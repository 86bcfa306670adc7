"""Session 53: the read stage's three small cuts (issue #6), each changing no output: the work
each one leaves out is not done, and what is read stays the same."""

from __future__ import annotations

from pipeline import headers
from pipeline.headers import _header_names, find_header
from schemas.columns import ROSTER_COLUMNS


def _template_grid() -> list[list]:
    """A template-shaped list: a title, the template's header row, two household rows."""
    header = [c.header for c in ROSTER_COLUMNS]
    keys = [c.key for c in ROSTER_COLUMNS]
    rows = []
    for stt, code, name in ((1, "NM01", "Nguyễn Văn An"), (2, "NM02", "Lò Thị Bích")):
        row = [None] * len(keys)
        row[keys.index("stt")] = stt
        row[keys.index("ma_ho")] = code
        row[keys.index("chu_ho")] = name
        row[keys.index("nam_sinh")] = 1970
        row[keys.index("nhan_khau")] = 4
        rows.append(row)
    return [["DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN"], header, *rows]


def test_a_household_row_under_a_one_row_header_is_not_matched_as_header(monkeypatch):
    """The first household row (STT 1, birth year 1970, 4 members: figures) ends the span
    before its cells are folded and matched against the header names: 'Nguyễn Văn An' and
    'NM01' are never looked up; the header found is row 2 (0-based 1) with every column."""
    looked_up: list[str] = []
    real = headers._HeaderNames.match

    def match(self, text, written=None):
        looked_up.append(text)
        return real(self, text, written)

    monkeypatch.setattr(headers._HeaderNames, "match", match)
    found = find_header(_template_grid(), ROSTER_COLUMNS)
    assert (found.first_row, found.last_row) == (1, 1)
    assert found.columns["chu_ho"][0] == [c.key for c in ROSTER_COLUMNS].index("chu_ho")
    assert found.score == len(ROSTER_COLUMNS)
    assert "nguyen van an" not in looked_up and "nm01" not in looked_up
    assert "lo thi bich" not in looked_up


def test_the_never_names_are_looked_at_only_under_the_headers_first_word(monkeypatch):
    """'Họ và tên chủ hộ' begins with no never-name's first word ('thu', 'tn', 'muc',
    'nguyen', 'nhu'): none of the 60 is tried; 'Thu nhập khác' is still a never-name, and
    'Thu nhập từ các nguồn' still passed over by the longer name of the income."""
    names = _header_names(ROSTER_COLUMNS)
    tried: list[tuple[str, ...]] = []
    real = headers._longest_begun

    def longest_begun(text, words):
        tried.append(words)
        return real(text, words)

    monkeypatch.setattr(headers, "_longest_begun", longest_begun)
    assert names._never("ho va ten chu ho") is False
    assert tried == [()]
    assert names._never("thu nhap khac") is True
    assert names._never("thu nhap tu cac nguon") is False  # 'thu nhap tu' 11 < 21
    assert names._never("thu nhap tu cac nguon khac") is True  # 26 > 21
    assert names._never("thu nhap bq tu thang 1 den thang 12") is False  # a period
    assert sorted(names.never_by_word) == ["muc", "nguyen", "nhu", "thu", "tn"]
