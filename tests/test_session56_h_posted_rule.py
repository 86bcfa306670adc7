"""Session 56 (H): the start list's warning and the posted list (NiemYet) read a code by one rule.

Before, `rosterchecks.start_codes_masked` (which start-list codes the officer is told the hall's
list masks, session 55) restated `public_list._ids_masked`'s rule (which codes it masks): two
copies, agreeing on session 55's 27 start lists but free to drift apart. Now both ask
`rosterchecks.ids_posted`. These runs hold the two to each other on start lists mixing every
kind of code: phones (in a row and dotted), a CCCD, old CMNDs (in a row and dotted), dotted
numbers (a lone one, a commune's numbering) and plain codes.

The small commune (tests.commune): the start list's ten households NM1-NM5 (Nà Mòn), BC1-BC3
(Bản Cọ), DK1-DK2 (Đồng Kè) on rows 4-13, its Mã hộ in column C; each hamlet's May list writes
its households' codes as the start list does."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import (
    HAMLETS,
    PLAN_INFO,
    TARGETS_ABOVE_START,
    new_commune,
    plan_hamlets,
    start_list,
    write_roster,
)
from tests.test_session55_d_privacy import errors_at

# Each start list: its ten codes in order, each with the cell NiemYet posts for it, by hand
# (masked: 8 stars and the number's last 4 digits; the commune's own codes as written).
# No numbering: four plain codes of ten, no shape held by more than half the codes, so each
# person's number is masked, the lone dotted '167.012.045' too (an old CMND's 3.3.3 from 1).
PLAIN = [
    ("0912345678", "********5678"),  # a phone
    ("0987.654.321", "********4321"),  # a phone, dotted
    ("019088776655", "********6655"),  # a CCCD
    ("212345678", "********5678"),  # an old CMND
    ("212.345.679", "********5679"),  # an old CMND, dotted
    ("167.012.045", "********2045"),  # a dotted number, alone
    ("BC2", "BC2"),
    ("BC3", "BC3"),
    ("DK1", "DK1"),
    ("DK2", "DK2"),
]
# A dotted numbering: six codes of ten grouped 3.3.3, five of them beginning '167.012' (more
# than half of the six: the commune's own, posted as written); the dotted old CMND
# '212.345.678' of that shape begins otherwise, so is a person's number, masked as the phone,
# the CCCD and the CMND in a row are; the plain 'BC3' is kept.
DOTTED = [
    ("167.012.001", "167.012.001"),
    ("167.012.002", "167.012.002"),
    ("0912345678", "********5678"),  # a phone
    ("167.012.004", "167.012.004"),
    ("212.345.678", "********5678"),  # an old CMND, dotted
    ("167.012.006", "167.012.006"),
    ("019088776655", "********6655"),  # a CCCD
    ("BC3", "BC3"),
    ("167.012.009", "167.012.009"),
    ("212345679", "********5679"),  # an old CMND
]


def said(rows: str, count: int, code: str, cell: str, shown: str) -> str:
    """The start list's one warning over ``count`` rows ``rows``, quoting its first ``code`` at
    ``cell`` and how the hall reads it, ``shown``: the words of session 55's test, by hand."""
    return (
        f"'Mã hộ' của danh sách đầu năm ghi số điện thoại hoặc số CCCD/CMND làm mã hộ ở {count} "
        f"dòng hộ (các dòng {rows}), như '{code}' ở ô {cell}, không phải mã hộ của xã: danh sách "
        f"niêm yết công khai che các số này (như '{code}' chỉ hiện '{shown}'), nên các hộ khó "
        "tìm thấy mình trên danh sách. Hãy ghi vào các ô này mã hộ như trong sổ quản lý hộ nghèo "
        "của xã rồi chạy lại, và báo các trưởng xóm ghi đúng các mã đó trong danh sách gửi lên."
    )


# (start list, what 'Lỗi dữ liệu' says at the plan's first such cell), by hand: the rows of
# the codes masked above (row 4 the first code's)
CASES = {
    "plain": (PLAIN, ("C4", said("4–9", 6, "0912345678", "C4", "********5678"))),
    "dotted": (DOTTED, ("C6", said("6, 8, 10, 13", 4, "0912345678", "C6", "********5678"))),
}


def posted_and_told(tmp_path, codes: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """A May run of the small commune whose start list writes ``codes`` (in its order) and whose
    three hamlets' lists write them as it does: NiemYet's Mã hộ cells in the start list's
    order, and 'Lỗi dữ liệu''s lines of the plan past its targets' warnings: (cell, words)."""
    folder, out = new_commune(tmp_path)
    start = [{**row, "ma_ho": code} for row, code in zip(start_list(), codes, strict=True)]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), start)
    for n, (hamlet, (total, *_)) in enumerate(HAMLETS.items()):
        rows = [{k: v for k, v in row.items() if k not in ("hamlet", "stt")}
                for row in start if row["hamlet"] == hamlet]  # fmt: skip
        write_roster(folder, f"DS_{n}_2024-05.xlsx", hamlet, total, rows, "2024-05")
    execute(folder, out, "2024-05")
    book = openpyxl.load_workbook(out / "2024-05" / "NiemYet_2024-05.xlsx", read_only=True)
    posted = [row[1] for hamlet in HAMLETS for row in book[hamlet].iter_rows(values_only=True)
              if row and isinstance(row[0], int)]  # fmt: skip
    book.close()
    return posted, errors_at(tmp_path, "KeHoach_2024.xlsx", TARGETS_ABOVE_START)


@pytest.mark.parametrize("case", CASES)
def test_the_start_lists_warning_names_the_codes_the_posted_list_masks(tmp_path, case):
    """Each start list's codes as NiemYet posts them, by hand; one warning on 'Lỗi dữ liệu' at
    the first masked code's cell naming the rows of exactly the codes posted masked (a rule
    changed in one place and not the other fails here: the warning's rows and the posted
    cells are asserted together)."""
    start, told = CASES[case]
    posted, lines = posted_and_told(tmp_path, [code for code, _ in start])
    assert posted == [shown for _, shown in start]
    assert lines == [told]
    masked_rows = [4 + at for at, (code, shown) in enumerate(start) if shown != code]
    assert masked_rows == {"plain": [4, 5, 6, 7, 8, 9], "dotted": [6, 8, 10, 13]}[case]
