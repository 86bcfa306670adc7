"""Session 67, review of D (RD): a mark struck and another typed beside it ('~~x~~ -').

D struck a text whole where the part left holds no letter or digit ('~~NM6~~.': the code
struck, a full stop left). But a deprivation mark cell's values are symbols too: '-' (not
deprived), '√' and '✓' (deprived) hold no letter or digit (schemas.columns.DEPRIVED_MARKS,
NOT_DEPRIVED_MARKS). A head correcting his 'x' strikes it and types the right mark beside it.

Nà Mòn's May list (`tests.commune`, H's `struck_list`): NM1 poor, NM2 near-poor, NM6 poor in
rows 5–7; NM6 1,200,000 đ a month, its marks in N7, S7, T7 ('x': 3 deprivations, poor by the
standard). T7 rewritten as rich text, inline and in the shared strings:

* T7 '~~x~~ -': the head says NM6 is not deprived in T (Nhà tiêu hợp vệ sinh). By hand, as
  session 66 H reads a text struck in part: T7 read '-', not deprived; NM6 2 deprivations
  (N, S), 1,200,000 đ: near-poor by the standard, written 'Hộ nghèo': 'classification-mismatch'
  at I7 ("… 2 chỉ số thiếu hụt: theo chuẩn là hộ cận nghèo"), kept as the hamlet decided: poor
  2 (NM1, NM6), near-poor 1 (NM2); T7 said 'text-partly-struck' ('x', read '-'). After D
  (before this fix): T7 struck whole, read 'x -' as written, a mark: 3 deprivations, no
  mismatch, nothing said at all.
* T7 '~~x~~ √': read '√' (deprived), 3 deprivations, no mismatch, T7 said ('x', '√'); after D
  nothing said.
* '~~NM6~~.' is still struck whole (D's case: '.' is no mark).
"""

from __future__ import annotations

import pytest

from pipeline.run import collect
from tests.summaries import hamlet_figures
from tests.test_session66_h_struck_runs import NAME, struck_list

MISMATCH = (
    "Phân loại 'Hộ nghèo' khác với chuẩn nghèo (thu nhập 1.200.000 đ, 2 chỉ số thiếu hụt: "
    "theo chuẩn là hộ cận nghèo). Giữ nguyên theo kết quả bình xét của xóm; đề nghị kiểm tra lại."
)


def _said(result) -> list[tuple]:
    return [
        (i.code, i.cell, i.value, i.instead)
        for i in result.issues
        if i.file == NAME and i.code != "vanished-household"
    ]


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_a_mark_struck_and_a_dash_typed_beside_it_reads_the_dash(tmp_path, shared):
    """T7 '~~x~~ -': read '-' (not deprived), NM6 near-poor by the standard, said twice (fails
    before the fix: read 'x -', deprived, nothing said)."""
    folder, _ = struck_list(tmp_path, shared, T7=[("x", True), (" -", False)])
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    assert _said(result) == [
        ("classification-mismatch", "I7", "Hộ nghèo", ""),
        ("text-partly-struck", "T7", "x", "-"),
    ]
    mismatch = next(i for i in result.issues if i.code == "classification-mismatch")
    assert mismatch.message() == MISMATCH
    struck = next(i for i in result.issues if i.code == "text-partly-struck")
    assert struck.message() == (
        "Ô T7 có chữ bị gạch ngang ('x') bên cạnh chữ không gạch: xã coi phần gạch ngang là chữ "
        "đã bỏ và đọc ô này là '-'. Nếu đúng, hãy xóa hẳn phần chữ bị gạch ngang khỏi ô; nếu "
        "không, hãy sửa lại ô cho đúng và bỏ gạch ngang."
    )


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_a_mark_struck_and_a_check_typed_beside_it_is_said(tmp_path, shared):
    """T7 '~~x~~ √': read '√' (deprived: 3 deprivations, no mismatch), said at T7 (fails
    before the fix: nothing said)."""
    folder, _ = struck_list(tmp_path, shared, T7=[("x", True), (" √", False)])
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    assert _said(result) == [("text-partly-struck", "T7", "x", "√")]


def test_runs_leaving_a_mark_are_a_text_struck_in_part():
    """`run_strikes`: a part left that is a mark ('-', ' √', '✓', '?') is a text struck in part
    (fails before the fix: True, struck whole); '.' and ', ' still strike the text whole."""
    from pipeline.sheetscan import run_strikes

    run = b"<r><rPr>%s</rPr><t xml:space='preserve'>%s</t></r>"
    strike = b"<strike/>"
    for left in (" -", " √", "✓", " ?", " - "):
        body = run % (strike, b"x") + run % (b"", left.encode())
        assert run_strikes(body, False) == ("x" + left, "x", left)
    assert run_strikes(run % (strike, b"NM6") + run % (b"", b"."), False) is True
    assert run_strikes(run % (strike, b"NM6") + run % (b"", b", "), False) is True
