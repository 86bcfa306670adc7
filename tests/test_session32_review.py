"""Session 32 review: what the review of the session's changes found wrong, each pinned by a
small fixture whose answer is worked out by hand in the test (docs/decisions.md, "Session 32:
review of the session's changes: what was found and fixed, and what was checked and left")."""

from __future__ import annotations

import sqlite3
from types import SimpleNamespace

import pandas as pd

from pipeline import figures as fig
from pipeline.baselines import _month_renamed
from pipeline.checkfiles import check_files
from pipeline.history import _joined_hamlets
from pipeline.text import name_within
from tests.commune import person, write_roster
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session32_moves import TITLE


def test_a_name_is_within_another_as_whole_words_only():
    """'Bản Cọ' is in 'Bản Cọ Mới' (folded: 'ban co' in 'ban co moi'); 'Xóm 1' is not in 'Xóm
    11 Mới' ('xom 1' is a plain substring of 'xom 11 moi', not its words), 'Xóm 11' is."""
    assert name_within("Bản Cọ", "BẢN CỌ Mới")
    assert name_within("Xóm 11", "Xóm 11 Mới")
    assert not name_within("Xóm 1", "Xóm 11 Mới")
    assert not name_within("Bản Co", "Bản Cốc Mới")  # 'ban co' in 'ban coc moi': not words


def _households(rows: list[tuple[str, str]]) -> pd.DataFrame:
    """(hamlet, Mã hộ) rows as a list's households (the head's name and year unused)."""
    return pd.DataFrame(
        {
            "hamlet": [hamlet for hamlet, _ in rows],
            "ma_ho": [code for _, code in rows],
            "chu_ho": ["Hoàng Văn A"] * len(rows),
            "nam_sinh": [1970] * len(rows),
        }
    )


# Last month: Xóm 1 with 3 households (X1A, X1B, X1C), Xóm 11 with 2 (X11A, X11B). The plan now
# has 'Xóm 11 Mới' alone, whose list this month holds all 5: the two renamed and merged at once.
LAST = [
    ("Xóm 1", "X1A"),
    ("Xóm 1", "X1B"),
    ("Xóm 1", "X1C"),
    ("Xóm 11", "X11A"),
    ("Xóm 11", "X11B"),
]
NEW = "Xóm 11 Mới"


def test_renamed_and_merged_at_once_is_told_by_the_whole_name_not_a_substring():
    """The hamlet whose name the new one holds is the one renamed: 'Xóm 11' (its words are in
    'Xóm 11 Mới'), Xóm 1 merged into it. Before, 'xom 1' was found in 'xom 11 moi' as a
    substring too, the tie went to the bigger (Xóm 1: 3 households against 2), and Xóm 1 was
    said renamed 'Xóm 11 Mới' with Xóm 11 merged into it. Every row of last month is compared
    as Xóm 11 Mới's either way (5 rows)."""
    month = _households(LAST)
    month["hh_key"] = fig.household_key_texts(month)
    plan = SimpleNamespace(hamlets=pd.DataFrame({"hamlet": [NEW]}), start_list=None)
    now = _households([(NEW, code) for _, code in LAST])
    base, hamlets, renamed, merged = _month_renamed(
        plan, month, {"Xóm 1", "Xóm 11"}, None, {NEW}, now
    )
    assert renamed == {"Xóm 11": NEW}
    assert merged == {"Xóm 1": NEW}
    assert hamlets == {NEW}
    assert base["hamlet"].tolist() == [NEW] * 5


def test_the_kept_start_lists_note_says_the_whole_name_renamed_not_a_substring():
    """history._joined_hamlets with the rename found as 'Xóm 11' -> 'Xóm 11 Mới' of the 5 start
    households and Xóm 1 (kept X1A, X1B, X1C) gone with all 3 now under Xóm 11 Mới: Xóm 1 merged
    (3), the rename 5 − 3 = 2. Of the two, the one renamed is the one whose words the new name
    holds: Xóm 11 (before: both 'held' as substrings, the bigger, Xóm 1, said renamed)."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE households (period TEXT, hamlet TEXT, hh_key TEXT)")
    start = _households([(NEW, code) for _, code in LAST])
    keys = fig.household_key_texts(start)
    before = [(None, hamlet, key) for (hamlet, _), key in zip(LAST, keys, strict=True)]
    rows = [(None, NEW, key) for key in keys]
    renamed, merged = _joined_hamlets(
        conn, "2024-01", before, rows, start, (("Xóm 11", NEW, 5),), ()
    )
    assert renamed == (("Xóm 11", NEW, 2),)
    assert merged == (("Xóm 1", NEW, 3),)


def test_check_with_the_plan_does_not_take_an_unclear_row_matched_to_a_start_list_code(tmp_path):
    """`check` of the plan and both lists says what the run says (tests/test_session32_recoded_
    move.py, the namesake): Nà Mòn's unclear part NM7 (row 11), NM3 (row 12); Bản Cọ lists NM7
    and, as BC2 (a code of the plan's start list), a head 'Hoàng Văn NM3' born 1970. Row 11 is
    taken (rows-moved-away '11'), row 12 is not: another household's code (rows-moved-unclear
    '12'), nothing said moved-not-listed. Before, row 12 was taken and said moved-not-listed at
    A12. Without the plan, `check` knows no start list: row 12 taken as before."""
    folder = tmp_path / "lists"
    folder.mkdir()
    na_mon = with_titles(folder, [(TITLE, [person("NM7", "poor"), person("NM3", "poor")])])
    own = [person("BC1", "poor"), person("BC2", "poor", chu_ho="Hoàng Văn NM3")]
    ban_co = write_roster(
        folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [*own, person("NM7", "poor")]
    )
    plan = folder / "KeHoach_2024.xlsx"

    def said(paths):
        codes = ("rows-moved-away", "rows-moved-unclear", "moved-not-listed")
        return sorted((i.code, i.cell, i.detail) for i in check_files(paths) if i.code in codes)

    assert said([plan, na_mon, ban_co]) == [
        ("rows-moved-away", "A10", "11"),
        ("rows-moved-unclear", "A10", "12"),
    ]
    assert said([na_mon, ban_co]) == [("rows-moved-away", "A10", "11–12")]
