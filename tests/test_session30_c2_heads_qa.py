"""Session 30 (C2): fresh-eyes QA of a hamlet head's list after the session's changes.

1. 'Số nhân khẩu' in 'Thông tin' that is the whole hamlet's (beside its 'Tổng số hộ dân cư')
   is not set beside the list's rows, though the rows could hold that many people.
"""

from __future__ import annotations

from pipeline.rosterchecks import _hamlet_people
from tests.commune import person
from tests.test_session30_b_feedback_reader import _info_lines, _said

# --- 1. the hamlet's people in 'Thông tin' ----------------------------------------------------


def test_hamlet_people_read_against_the_hamlet_households():
    """The shipped sample's Nà Mòn (May): 37 rows of 159 people, 'Tổng số hộ dân cư' 243. Its
    population 980 is under 37 × 30 = 1,110 (session 30's cap) but nearer 243 households at
    the rows' mean size (159 × 243 / 37 ≈ 1,044) than 159: 2·37·980 = 72,520 ≥ 159·(37 + 243)
    = 44,520, the hamlet's. 195 (2·37·195 = 14,430) is the list's, compared; the midpoint
    44,520 / 74 = 601.6: 602 the hamlet's, 601 the list's. No hamlet total, or one not more
    than the rows: never the hamlet's."""
    rows = (159, 159, 37)
    assert _hamlet_people(980, rows, 243)
    assert not _hamlet_people(195, rows, 243)
    assert _hamlet_people(602, rows, 243) and not _hamlet_people(601, rows, 243)
    assert not _hamlet_people(980, rows, None)
    assert not _hamlet_people(980, rows, 37)


def test_people_of_the_whole_hamlet_are_not_said(tmp_path):
    """12 rows of 4 people (48) in Nà Mòn of 102 households ('Tổng số hộ dân cư', the
    fixture's). 'Số nhân khẩu | 350' (102 households at 3.4): not more than 12 × 30 = 360,
    so session 30 said it against 48; now the hamlet's (2·12·350 = 8,400 ≥ 48·(12 + 102) =
    5,472): nothing said. '100' (2,400 < 5,472) is the list's miscounted: said, 48."""
    codes = [f"NM{i}" for i in range(1, 7)] + [f"NM{i}" for i in range(21, 27)]
    rows = [person(code, "poor" if i % 2 else "near_poor") for i, code in enumerate(codes)]
    assert sum(r["nhan_khau"] for r in rows) == 48
    hamlet, typo = tmp_path / "hamlet" / "input", tmp_path / "typo" / "input"
    for folder, written in ((hamlet, 350), (typo, 100)):
        folder.mkdir(parents=True)
        _info_lines(folder, [("Số nhân khẩu", written)], [dict(r) for r in rows])
    assert _said(hamlet) == []
    assert _said(typo) == [("B8", "Số nhân khẩu", "100", "48", "people", "")]
