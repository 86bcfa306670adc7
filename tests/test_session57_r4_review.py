"""Session 57 (R4): review of the print and check changes of helpers G, G2 and H.

`feedback._lines_within` (G2) found a long title's lines by dynamic programming, measuring
each candidate line again from every word before its last, wider than the room or not: a
400-word text took 13 s, a 100-word one 0.26 s, for one text of one copy. A line is now
sought back only while it fits, measured by its words' units added (`styles.units_pixels`):
the same lines, the text measured word by word.
"""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.report import feedback
from pipeline.report.feedback import _lines_within
from pipeline.report.styles import text_pixels
from tests.commune import new_commune
from tests.test_session26_feedback_print import TITLE
from tests.test_session55_i_earlier_months import month_lists, run_month
from tests.test_session57_h_unrun_month_strays import check_said


def test_a_long_title_is_measured_word_by_word_not_line_by_line(monkeypatch):
    """TITLE (13 words, session 26's) ten times over, 130 words, in 501 pixels (regular 11):
    as many lines as the greedy ones (the fewest that fit), each within 501 pixels, the words
    in their order. The module's text_pixels is called for the greedy lines alone, at most
    twice a word (260 calls: 140 now); before, each line was measured from every word before
    its last: 8,600 calls."""
    calls = []

    def counted(text, size=11.0, bold=True):
        calls.append(text)
        return text_pixels(text, size, bold)

    monkeypatch.setattr(feedback, "text_pixels", counted)
    text = " ".join([TITLE] * 10)
    lines = _lines_within(text, 501)
    assert len(calls) <= 2 * len(text.split())
    assert " ".join(lines).split() == text.split()
    assert all(text_pixels(line, 11.0, False) <= 501 for line in lines)
    greedy = feedback._greedy_lines(text, 501)
    assert len(lines) == len(greedy)


def test_a_file_both_an_unrun_month_and_the_month_checked_take_is_said_once(tmp_path):
    """June never run: Nà Mòn's and Bản Cọ's lists in 'T6/' and 'T7/', Đồng Kè silent both
    months but for 'T6/DongKe_2024-07.csv' (June's by its folder, July's by its name: each run
    takes it as Đồng Kè's refused file, `not-a-spreadsheet`, 1 error). `check input/` says it
    once, "1 lỗi, 2 cảnh báo" (the plan's two targets); before, the same line twice, "2 lỗi",
    one file."""
    folder, out = new_commune(tmp_path)
    out.mkdir()
    month_lists(folder, 6, ("Nà Mòn", "Bản Cọ"))
    month_lists(folder, 7, ("Nà Mòn", "Bản Cọ"))
    (folder / "T6" / "DongKe_2024-07.csv").write_text(
        "Mã hộ,Họ và tên chủ hộ\nDK1,Hoàng Văn DK1\n", encoding="utf-8"
    )
    said, last = check_said(out, folder)
    assert said == [("T6/DongKe_2024-07.csv", "not-a-spreadsheet")]
    assert last.endswith(" tệp, 1 lỗi, 2 cảnh báo.")
    for month in ("2024-06", "2024-07"):
        code, line, counts, rows = run_month(folder, out, month)
        assert (counts["errors"], counts["warnings"]) == (1, 2)
        assert ("T6/DongKe_2024-07.csv", "not-a-spreadsheet") in rows


def test_an_undated_list_of_the_hamlet_is_weighed_as_the_never_run_months_run_weighs_it(tmp_path):
    """June never run: Nà Mòn's and Bản Cọ's June lists and Đồng Kè's 'T6/DongKe.csv'; an old
    Đồng Kè list at the top, 'DongKe_cu.xlsx', its 'Kỳ báo cáo' blank ('Ngày lập' 1/5/2024;
    invalid-period, an error in every run); July's three lists. June's run weighs the undated
    list with the CSV for Đồng Kè's refused file: the list, the later of the two (the CSV has
    no 'Ngày lập'), so the CSV is a file skipped: 1 error, 3 warnings. `check input/` says
    the same, "1 lỗi, 3 cảnh báo"; before, the undated list was left out of June's lists and
    the CSV said Đồng Kè's refused file, "2 lỗi, 2 cảnh báo"."""
    from datetime import date

    from tests.commune import write_roster
    from tests.test_session38_oracle import dk_rows

    folder, out = new_commune(tmp_path)
    out.mkdir()
    month_lists(folder, 6, ("Nà Mòn", "Bản Cọ"))
    month_lists(folder, 7)
    (folder / "T6" / "DongKe.csv").write_text(
        "Mã hộ,Họ và tên chủ hộ\nDK1,Hoàng Văn DK1\n", encoding="utf-8"
    )
    write_roster(folder, "DongKe_cu.xlsx", "Đồng Kè", 150, dk_rows(), "", date(2024, 5, 1))
    said, last = check_said(out, folder)
    assert said == [("DongKe_cu.xlsx, Thông tin, B4", "invalid-period"),
                    ("T6/DongKe.csv", "file-skipped")]  # fmt: skip
    assert last.endswith(" tệp, 1 lỗi, 3 cảnh báo.")
    code, line, counts, rows = run_month(folder, out, "2024-06")
    assert (counts["errors"], counts["warnings"]) == (1, 3)
    assert ("T6/DongKe.csv", "file-skipped") in rows


def test_a_file_naming_no_month_is_said_as_the_never_run_months_run_says_it(tmp_path):
    """June never run: Nà Mòn's and Bản Cọ's June lists, July's three, and 'DongKe.csv' at the
    input's top, naming no month. Every run takes it as its own month's: June's, Đồng Kè
    having sent no June list, as Đồng Kè's refused file (`not-a-spreadsheet`, 1 error);
    July's as a file skipped (Đồng Kè's July list counted: 3 warnings). `check input/` says
    both, "1 lỗi, 3 cảnh báo", and exits 1; before, July's line alone, "0 lỗi, 3 cảnh báo",
    exit 0, where June's run then says an error."""
    folder, out = new_commune(tmp_path)
    out.mkdir()
    month_lists(folder, 6, ("Nà Mòn", "Bản Cọ"))
    month_lists(folder, 7)
    (folder / "DongKe.csv").write_text(
        "Mã hộ,Họ và tên chủ hộ\nDK1,Hoàng Văn DK1\n", encoding="utf-8"
    )
    said, last = check_said(out, folder)
    assert said == [("DongKe.csv", "file-skipped"), ("DongKe.csv", "not-a-spreadsheet")]
    assert last.endswith(" tệp, 1 lỗi, 3 cảnh báo.")
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)])
    assert checked.exit_code == 1
    code, line, counts, rows = run_month(folder, out, "2024-06")
    assert (counts["errors"], counts["warnings"]) == (1, 2)
    assert ("DongKe.csv", "not-a-spreadsheet") in rows
    code, line, counts, rows = run_month(folder, out, "2024-07")
    assert (counts["errors"], counts["warnings"]) == (0, 3)
    assert ("DongKe.csv", "file-skipped") in rows
