"""Review of session 57's screen and check changes (helper R6): a refused hamlet's reason cut
at a clause, not inside a word, and measured in the characters it shows (a file name in NFD);
the readers' sentences said whatever braces the reader's words hold."""

from __future__ import annotations

import string
import unicodedata
from pathlib import Path

from pipeline import cli, opening
from pipeline.discover import web_page_issue
from pipeline.types import Issue, Submission
from tests.test_session57_h2_screen import refused_run


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _shown(text: str) -> int:
    """The characters ``text`` shows: its combining marks none."""
    return sum(1 for ch in text if not unicodedata.combining(ch))


def test_a_reason_whose_first_clause_does_not_fit_beside_the_name_goes_under_it():
    # Pác Cập's web page named 'DS_PacCap_2024-05.xlsx': "  Bị từ chối: Pác Cập
    # (DS_PacCap_2024-05.xlsx) — " is 49 characters, leaving 50 before '…'; the reason's first
    # clause, "đây là trang web (HTML) hoặc tệp XML xuất từ phần mềm khác", is 59. Before: cut at
    # the last space that fits, "… tệp XML xuất từ phần…" ('phần mềm', software, cut in two).
    # Now under the name, 6 + 87 + 1 = 94 characters: its two clauses before ': không phải …'.
    file = "DS_PacCap_2024-05.xlsx"
    result = refused_run(("Pác Cập", file), issues=[web_page_issue(Submission(file, Path(file)))])
    assert cli._absent_lines(result, "vi") == [
        "  Bị từ chối: Pác Cập (DS_PacCap_2024-05.xlsx)",
        "    — đây là trang web (HTML) hoặc tệp XML xuất từ phần mềm khác, chỉ được đặt tên đuôi "
        ".xlsx…",
    ]
    assert cli._absent_lines(result, "en") == [
        "  Rejected: Pác Cập (DS_PacCap_2024-05.xlsx)",
        "    — this is a web page (HTML) or an XML export of another program, only named .xlsx…",
    ]


def test_whose_codes_a_copied_list_holds_is_not_cut_off():
    # Bản Piềng's file says 'Nà Mòn' in its 'Xóm' cell, its codes Bản Piềng's: the reason (82
    # characters) beside "  Bị từ chối: Bản Piềng (DS_BanPieng_2024-05.xlsx) — " (53) was cut
    # "… nhưng các mã hộ là của…", whose codes left out. Its first clause (57, before ' (tệp
    # chép …') does not fit the 46 left: the whole reason under the name, 6 + 82 characters.
    file = "DS_BanPieng_2024-05.xlsx"
    issue = Issue("hamlet-codes-of-file-name", file=file, value="Nà Mòn", hamlet="Bản Piềng")
    assert cli._absent_lines(refused_run(("Bản Piềng", file), issues=[issue]), "vi") == [
        "  Bị từ chối: Bản Piềng (DS_BanPieng_2024-05.xlsx)",
        "    — ô 'Xóm' ghi 'Nà Mòn' nhưng các mã hộ là của xóm Bản Piềng (tệp chép từ xóm khác?)",
    ]


def test_a_file_name_in_nfd_is_measured_by_the_characters_it_shows():
    # 'Danh sách hộ nghèo xóm Nà Mòn tháng 5.xlsx' as a Mac writes it (NFD): 42 characters shown,
    # 50 code points (8 marks apart: 'ộ' two). "  Bị từ chối: Nà Mòn (…)" shows 22 + 42 + 1 = 65,
    # the reason "thiếu cột 'Số nhân khẩu'" 24: 65 + 3 + 24 = 92, one line. Before: measured
    # 73 + 30 > 100, the reason put on a line of its own.
    file = _nfd("Danh sách hộ nghèo xóm Nà Mòn tháng 5.xlsx")
    assert (len(file), _shown(file)) == (50, 42)
    issue = Issue("missing-column", file=file, column="Số nhân khẩu")
    (line,) = cli._absent_lines(refused_run(("Nà Mòn", file), issues=[issue]), "vi")
    assert line == f"  Bị từ chối: Nà Mòn ({file}) — thiếu cột 'Số nhân khẩu'"
    assert _shown(line) == 92


def test_a_word_longer_than_the_line_is_cut_after_a_letters_marks():
    # "Đồng" in NFD is 6 code points showing 4 ('o', its circumflex and its grave apart). 30 of
    # them without a space under the name: 93 characters shown before '…', 23 words and 'Đ'.
    # Before: cut at the 93rd code point, 15 words and 'Đô' without its grave (a wrong letter),
    # 62 characters shown.
    word = _nfd("Đồng")
    assert cli._cut_to_width("    — ", word * 30) == "    — " + word * 23 + "Đ…"


def test_the_readers_sentences_hold_no_brace_but_their_own_numbers():
    # Each sentence is formatted with the numbers its pattern names ('{line}', '{limit}') and
    # nothing else: a literal brace in one would stop every file meeting it. The reader's own
    # words, braces and all, are never formatted (a guard, with the cases below).
    for pattern, vi, en in opening._READER_SENTENCES:
        names = set(pattern.groupindex)
        for text in (vi, en):
            fields = {field for _, field, _, _ in string.Formatter().parse(text) if field}
            assert fields == names, text


def test_a_readers_words_holding_braces_are_said_without_a_fault():
    import python_calamine

    said = opening.describe_error(python_calamine.XmlError("expected `</row>`, found `</{0}>`"))
    assert str(said) == "nội dung XML bên trong tệp Excel bị hỏng: tệp hỏng hoặc không do Excel lưu"
    assert said.en == (
        "the XML inside the Excel file is damaged (expected `</row>`, found `</{0}>`): the file is "
        "damaged or not saved by Excel"
    )
    said = opening.describe_error(ValueError("XML: mismatched {tag}: line 8, column 4"))
    assert str(said) == "nội dung XML của tệp bị hỏng ở dòng 8: tệp hỏng hoặc không do Excel lưu"
    said = opening.describe_error(ValueError("text: {0} }{"))
    assert said.en == (
        "the text file cannot be read as a table: the file is damaged or no table ({0} }{)"
    )
    issue = Issue("file-unreadable", file="DS_{0}_{x}.xlsx", value="Hỏng {0}.", detail=said)
    assert issue.message("vi").endswith(
        "(Chi tiết kỹ thuật: tệp văn bản không đọc được thành bảng: tệp hỏng hoặc không phải "
        "một bảng)"
    )
