"""Session 60 (helper F2): a telephone number written as a Mã hộ with middle dots
('0513·088·426') on two rows of a Unicode list. The sheet's only cells with a Latin-1 letter
were these two, and the legacy-font guess read them as TCVN3 ('·' is 'ã' there: '0513ã088ã426',
each 'ã' between digits scored as a Vietnamese syllable): the codes were rewritten, not told
as telephone numbers, and posted with their digits whole on NiemYet (the plain oracle's seed
2237). A word touching a digit is no syllable's evidence now.

The small commune (tests.commune): Bản Cọ BC1, BC2 poor, BC3 near-poor on the plan's start
list; its list writes BC1, BC2 'Thoát', BC3 in rows 5-7, then the two new households in rows 8
and 9 (the sheet's cells of Latin-1 letters alone: 'Nguyên nhân nghèo', 'Ghi chú', 'Tày',
'Thoát' and the two codes, as the oracle's June list of Bản Cọ)."""

from __future__ import annotations

import re
import zipfile

from pipeline.run import execute
from tests.commune import new_commune, person
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists

BC = [person("BC1", "poor"), person("BC2", "exited"), person("BC3", "near_poor")]
PHONES = ("0513·088·426", "0984·667·564")


def test_two_telephone_numbers_by_middle_dots_are_told_and_not_posted(tmp_path):
    """By hand: each row is told at its Mã hộ cell (B8, B9) as a telephone number, the code as
    written; Bản Cọ counts BC1 + 2 new = 3 poor (BC2 exited); nothing is decoded as a legacy
    font's text; NiemYet holds neither number's ten digits (failed before: none told, the
    sheet read as TCVN3, both posted as '0513ã088ã426', '0984ã667ã564')."""
    folder, out = new_commune(tmp_path)
    rows = [*BC, person(PHONES[0], "poor"), person(PHONES[1], "poor")]
    hamlets = run_lists(folder, out, "2024-06",
                        {"Nà Mòn": na_mon_rows(), "Bản Cọ": rows, "Đồng Kè": dk_rows()})  # fmt: skip
    assert hamlets["Bản Cọ"]["poor"] == 3
    result = execute(folder, out, "2024-06")[0]
    told = sorted((i.cell, i.value) for i in result.issues
                  if i.code == "household-id-is-id-number" and i.variant.startswith("phone"))  # fmt: skip
    assert told == [("B8", PHONES[0]), ("B9", PHONES[1])]
    assert [i for i in result.issues if i.code == "legacy-text-decoded"] == []
    with zipfile.ZipFile(out / "2024-06" / "NiemYet_2024-06.xlsx") as book:
        posted = "".join(
            book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml")
        )
    texts = [
        "".join(ch for ch in text if ch.isdigit()) for text in re.findall(r">([^<]+)<", posted)
    ]
    assert [t for t in texts if "0513088426" in t or "0984667564" in t] == []
