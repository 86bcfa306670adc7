"""Feedback workbooks PhanHoi/<Xóm>_YYYY-MM.xlsx: what a hamlet head gets back to fix."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipeline.output import NOTICES
from pipeline.publish import publish
from pipeline.report.feedback import GUIDE_SHEET, feedback_targets, safe_file_stem
from pipeline.run import collect
from pipeline.types import Issue, Plan, RunResult, Submission
from tests.commune import person, write_plan, write_roster

RED = "FFFFC7CE"
YELLOW = "FFFFEB9C"


def build_commune(folder: Path) -> None:
    """Nà Mòn: a bad household size at H6, formula-like names; Bản Cọ clean; one unknown hamlet."""
    (folder / "la").mkdir(parents=True, exist_ok=True)
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"),
        person("NM2", "near_poor", nhan_khau="bốn"),  # row 6, column H
        person("NM3", "exited", chu_ho='=HYPERLINK("http://x","y")'),
        person("NM4", "near_poor", chu_ho="=1+1", gioi_tinh="nam giới"),  # warning at E8
        person("NM5", "poor"),
        person("NM6", "poor"),
    ])  # fmt: skip
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [
        person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"),
    ])  # fmt: skip
    write_roster(folder, "la/XomLa.xlsx", "Xóm Không Có", 50, [person("XX1", "poor")])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    base = tmp_path_factory.mktemp("feedback")
    folder = base / "input"
    build_commune(folder)
    before = {p: (digest(p), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}
    result, _ = collect(folder, None)
    written = publish(result, base / "output")
    after = {p: (digest(p), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}
    return base, result, written, before, after


@pytest.fixture(scope="module")
def namon(run):
    base, _, _, _, _ = run
    return openpyxl.load_workbook(base / "output" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")


def guide_rows(wb) -> list[dict]:
    ws = wb[GUIDE_SHEET]
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[:3] == ("STT", "Trang", "Ô"))
    names = rows[head]
    return [dict(zip(names, r, strict=True)) for r in rows[head + 1 :] if r[0] is not None]


def test_a_feedback_file_for_the_hamlet_with_issues_only(run):
    base, _, written, _, _ = run
    folder = base / "output" / "2024-05" / "PhanHoi"
    names = sorted(p.name for p in folder.iterdir())
    assert "Nà Mòn_2024-05.xlsx" in names
    assert not any(n.startswith("Bản Cọ") for n in names)
    assert written["feedback_dir"] == folder
    assert sorted(p.name for p in written["feedback"]) == names


def test_the_input_files_are_not_touched(run):
    _, _, _, before, after = run
    assert before == after


def test_guide_sheet_comes_first_and_lists_every_issue_with_its_cell(run, namon):
    _, result, _, _, _ = run
    assert namon.sheetnames[0] == GUIDE_SHEET
    ws = namon[GUIDE_SHEET]
    assert ws["A1"].value == (
        "PHẢN HỒI DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO – XÓM NÀ MÒN – THÁNG 5/2024"
    )
    texts = [c for row in ws.iter_rows(max_row=12, values_only=True) for c in row if c]
    assert "NaMon.xlsx" in texts
    assert any(isinstance(t, str) and t.startswith("Danh sách đã được tổng hợp, nhưng 1 dòng bị loại")
               for t in texts)  # fmt: skip
    listed = guide_rows(namon)
    own = [i for i in result.issues if i.file == "NaMon.xlsx"]
    assert len(listed) == len(own) > 0
    for issue in own:
        assert any(
            r["Ô"] == (issue.cell or None) and r["Cần sửa"] == issue.message() for r in listed
        )
    bad = next(r for r in listed if r["Ô"] == "H6")
    assert (bad["Trang"], bad["Dòng"], bad["Cột"], bad["Giá trị đã ghi"], bad["Mức độ"]) == (
        "Danh sách",
        6,
        "Số nhân khẩu",
        "bốn",
        "Lỗi",
    )
    severities = [r["Mức độ"] for r in listed]
    assert severities == sorted(severities, key=lambda s: s != "Lỗi")  # errors first
    assert ws.freeze_panes is not None and ws.auto_filter.ref
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"


def test_roster_copy_keeps_cells_in_place_and_marks_the_bad_ones(namon):
    ws = namon["Danh sách"]
    assert ws["H6"].value == "bốn"
    assert ws["B6"].value == "NM2" and ws["H5"].value == 4
    assert ws["B4"].value == "Mã hộ"  # the header row where the file has it
    assert ws["H6"].fill.fgColor.rgb == RED and ws["H6"].font.b
    assert "1 đến 30" in ws["H6"].comment.text
    assert ws["E8"].fill.fgColor.rgb == YELLOW
    assert "Nam hoặc Nữ" in ws["E8"].comment.text
    assert ws["H5"].comment is None and ws["H5"].fill.fgColor.rgb != RED
    assert ws.freeze_panes == "D5"  # header rows and STT / Mã hộ / name frozen


def test_formula_like_text_stays_text(namon):
    ws = namon["Danh sách"]
    assert ws["C7"].value == '=HYPERLINK("http://x","y")' and ws["C7"].data_type == "s"
    assert ws["C8"].value == "=1+1" and ws["C8"].data_type == "s"
    number = ws["G5"].value  # as tests/commune.py writes it: twelve digits, a leading zero
    assert len(number) == 12 and number.startswith("0") and ws["G5"].data_type == "s"


def test_rejected_unknown_hamlet_gets_feedback(run):
    base, _, written, _, _ = run
    # named after the hamlet it says, as the one file of that name, so with no '_1'
    path = next(p for p in written["feedback"] if p.name.startswith("Xóm Không Có_2024-05"))
    assert path.name == "Xóm Không Có_2024-05.xlsx"
    wb = openpyxl.load_workbook(path)
    listed = guide_rows(wb)
    message = next(r["Cần sửa"] for r in listed if r["Ô"] == "B3")
    assert "'Xóm Không Có' không có trong kế hoạch" in message
    texts = [c for row in wb[GUIDE_SHEET].iter_rows(max_row=8, values_only=True) for c in row if c]
    assert any(
        isinstance(t, str) and t.startswith("Danh sách chưa được tổng hợp vì") for t in texts
    )
    info = wb["Thông tin"]
    assert info["B3"].value == "Xóm Không Có" and info["B3"].fill.fgColor.rgb == RED
    assert "Nà Mòn" in info["B3"].comment.text  # the plan's names to choose from


def test_two_publishes_give_byte_identical_feedback(run, tmp_path):
    base, result, written, _, _ = run
    again = publish(result, tmp_path)
    assert [p.name for p in again["feedback"]] == [p.name for p in written["feedback"]]
    for first, second in zip(written["feedback"], again["feedback"], strict=True):
        assert first.read_bytes() == second.read_bytes()


def test_stale_feedback_of_the_period_is_removed_other_periods_kept(run, tmp_path):
    _, result, _, _, _ = run
    folder = tmp_path / "2024-05" / "PhanHoi"
    folder.mkdir(parents=True)
    stale = [folder / "Đồng Kè_2024-05.xlsx", folder / "Nà Mòn_2024-05_2.xlsx"]
    kept = [
        folder / "Đồng Kè_2024-04.xlsx",
        folder / "~$Nà Mòn_2024-05.xlsx",
        folder / "ghi chú.txt",
    ]
    for path in stale + kept:
        path.write_bytes(b"old")
    written = publish(result, tmp_path)
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in kept)
    assert all(p.exists() for p in written["feedback"])


def test_copies_written_beside_an_open_feedback_file_go_with_their_hamlets_feedback(run, tmp_path):
    """Copies earlier runs wrote while the head's file was open in Excel ('… (1).xlsx', then
    '… (2).xlsx'). Đồng Kè has no feedback now: its copy was left for ever, a fixed list's
    errors waiting to be sent; now it goes, as its own file does, unless open now. Nà Mòn still
    has feedback: its copies stay, each said to be older (only '(1)' was said)."""
    _, result, _, _, _ = run
    folder = tmp_path / "2024-05" / "PhanHoi"
    folder.mkdir(parents=True)
    stale = folder / "Đồng Kè_2024-05 (1).xlsx"
    kept = [folder / "Nà Mòn_2024-05 (1).xlsx", folder / "Nà Mòn_2024-05 (2).xlsx",
            folder / "Đồng Kè_2024-05 (2).xlsx", folder / "~$Đồng Kè_2024-05 (2).xlsx"]  # fmt: skip
    for path in [stale, *kept]:
        path.write_bytes(b"old")
    NOTICES.clear()
    publish(result, tmp_path)
    assert not stale.exists()
    assert all(p.exists() for p in kept)
    said = [n.split("'")[1] for n in map(str, NOTICES) if "là kết quả cũ" in n]
    assert said == ["Nà Mòn_2024-05 (1).xlsx", "Nà Mòn_2024-05 (2).xlsx"]


def test_a_name_like_a_copy_with_a_superscript_number_is_no_copy(run, tmp_path):
    """'Nà Mòn_2024-05 (²).xlsx' beside the head's feedback: no copy a run wrote (those are
    numbered 1, 2, …), left alone and not said. '²' is a digit to str.isdigit but not to int(),
    so the run that wrote 'Nà Mòn_2024-05.xlsx' stopped on a ValueError, 'Lỗi không mong muốn'
    (session 39)."""
    _, result, _, _, _ = run
    folder = tmp_path / "2024-05" / "PhanHoi"
    folder.mkdir(parents=True)
    odd = folder / "Nà Mòn_2024-05 (²).xlsx"
    odd.write_bytes(b"old")
    NOTICES.clear()
    publish(result, tmp_path)
    assert odd.exists()
    assert [n for n in map(str, NOTICES) if "là kết quả cũ" in n] == []


def test_feedback_and_public_list_stay_vietnamese_with_lang_en(tmp_path):
    """`--lang en` is the officer's language; the hamlet head reads the feedback and the
    hamlet reads the posted list, both in Vietnamese (CONTRACT §5)."""
    build_commune(tmp_path / "in")
    result, _ = collect(tmp_path / "in", None, lang="en")
    written = publish(result, tmp_path / "out")
    path = next(p for p in written["feedback"] if p.name == "Nà Mòn_2024-05.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == GUIDE_SHEET == "Hướng dẫn sửa"
    assert book[GUIDE_SHEET]["A1"].value.startswith("PHẢN HỒI DANH SÁCH HỘ NGHÈO")
    assert "từ 1 đến 30" in book["Danh sách"]["H6"].comment.text
    posted = openpyxl.load_workbook(written["public_list"])
    assert posted["Nà Mòn"]["A4"].value.startswith("DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN")
    # the officer's workbook is in English
    summary = openpyxl.load_workbook(written["workbook"])["Tổng hợp"]
    assert any("POVERTY" in str(c.value) for c in summary["A"] if c.value)


def test_vanished_source_gives_the_guide_only(tmp_path):
    build_commune(tmp_path / "in")
    result, _ = collect(tmp_path / "in", None)
    (tmp_path / "in" / "NaMon.xlsx").unlink()
    written = publish(result, tmp_path / "out")
    path = next(p for p in written["feedback"] if p.name == "Nà Mòn_2024-05.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [GUIDE_SHEET] and guide_rows(wb)


# --- names and which files get feedback (no files needed) ---------------------------------


def fake_result(subs: list[Submission], issues: list[Issue]) -> RunResult:
    plan = Plan(
        file="KeHoach.xlsx",
        province="P",
        commune="C",
        plan_year=2024,
        area="rural",
        standard="2022-2025",
        poor_target=1.0,
        near_poor_target=1.0,
        hamlets=pd.DataFrame({"hamlet": ["Nà Mòn", "Bản Cọ", "Khuổi: Tát?"]}),
    )
    return RunResult(plan=plan, period="2024-05", summary={}, households=pd.DataFrame(),
                     submissions=subs, reporting=pd.DataFrame(), issues=issues,
                     movement_details=pd.DataFrame())  # fmt: skip


def sub(
    file: str,
    status: str,
    hamlet: str | None = None,
    kind: str = "roster",
    period: str | None = "2024-05",
    raw: str = "",
) -> Submission:
    return Submission(file=file, path=Path(file), kind=kind, hamlet=hamlet, status=status,
                      period=period, hamlet_raw=raw or (hamlet or ""))  # fmt: skip


def test_feedback_targets_names_and_selection():
    subs = [
        sub("b/old.xlsx", "superseded", "Nà Mòn"),
        sub("b/new.xlsx", "warnings", "Nà Mòn"),
        sub("banco.xlsx", "valid", "Bản Cọ"),  # no issues
        sub("kt.xlsx", "rejected", "Khuổi: Tát?"),
        sub("x1.xlsx", "rejected", None, raw="Xóm Lạ"),
        sub("x2.xlsx", "rejected", None, raw="Xóm Lạ"),
        sub("nohamlet.xlsx", "rejected", None),
        sub("april.xlsx", "other_period", "Bản Cọ", period="2024-04"),
        sub("rej_april.xlsx", "rejected", None, period="2024-04", raw="Xóm Lạ"),
        sub("broken.xlsx", "rejected", kind="unreadable", period=None),
        sub("notes.docx", "skipped", kind="unknown", period=None),
        sub("KeHoach.xlsx", "valid", kind="plan", period=None),
    ]
    issues = [Issue("invalid-gender", file=s.file) for s in subs if s.file != "banco.xlsx"]
    result = fake_result(subs, issues)
    targets = feedback_targets(result)
    assert [(s.file, name) for s, _, name in targets] == [
        ("b/new.xlsx", "Nà Mòn_2024-05_1.xlsx"),  # counted file first
        ("b/old.xlsx", "Nà Mòn_2024-05_2.xlsx"),
        ("kt.xlsx", "Khuổi_ Tát__2024-05.xlsx"),
        ("nohamlet.xlsx", "nohamlet_2024-05.xlsx"),  # alone with its name: no _1
        ("x1.xlsx", "Xóm Lạ_2024-05_1.xlsx"),
        ("x2.xlsx", "Xóm Lạ_2024-05_2.xlsx"),
    ]
    assert all(len(found) == 1 and found[0].file == s.file for s, found, _ in targets)
    assert feedback_targets(result) == targets  # deterministic


def test_safe_file_stem_keeps_vietnamese_letters():
    assert safe_file_stem("Nà Mòn") == "Nà Mòn"
    assert safe_file_stem('Bản/Cọ:"A"*?<>|\\') == "Bản_Cọ__A_______"
    assert safe_file_stem("Na\u0300 Mo\u0300n") == "Nà Mòn"  # NFD → NFC
    assert safe_file_stem(" ... ") == "_"


def test_a_roster_dated_in_the_future_is_sent_back(tmp_path):
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")], period="2099-05")
    result, _ = collect(tmp_path, None)
    assert result.period == "2024-05"
    written = publish(result, tmp_path / "out")
    back = [p for p in written["feedback"] if p.name.startswith("Bản Cọ")]
    assert [p.name for p in back] == ["Bản Cọ_2024-05.xlsx"]  # named for the run's period
    listed = guide_rows(openpyxl.load_workbook(back[0]))
    assert any("05/2099 ở sau tháng hiện tại" in r["Cần sửa"] for r in listed)


def test_the_status_says_why_a_file_was_not_counted_in_the_officers_words_too(tmp_path):
    """A reason the feedback has no wording of its own for (all rows with errors, a future
    period) is said as 'Nộp báo cáo' says it, not as a bare "the file has errors"."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    write_roster(
        tmp_path,
        "BanCo.xlsx",
        "Bản Cọ",
        200,
        [person("BC1", "poor", nhan_khau=0), person("BC2", "poor", nhan_khau=0)],
    )
    result, _ = collect(tmp_path, None)
    written = publish(result, tmp_path / "out")
    [back] = [p for p in written["feedback"] if p.name.startswith("Bản Cọ")]
    texts = [
        c
        for row in openpyxl.load_workbook(back)[GUIDE_SHEET].iter_rows(max_row=8, values_only=True)
        for c in row
        if isinstance(c, str)
    ]
    assert any(
        t.startswith("Danh sách chưa được tổng hợp vì cả 2 dòng hộ đều có lỗi") for t in texts
    ), texts


def test_a_feedback_workbook_corrected_and_sent_back_is_the_whole_roster(tmp_path):
    """Nà Mòn's head leaves NM2's Số nhân khẩu 'bốn' (H6; the only problem, on 'Danh sách').
    His feedback holds a copy of 'Thông tin' too. He writes 4 in the copy's H6 and sends the
    feedback workbook back instead of his file: it is read as his roster, total 102 from its
    'Thông tin' (not the plan's 100), NM1, NM5, NM6 poor and NM2, NM4 near-poor (NM3 exited),
    nothing said."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"), person("NM2", "near_poor", nhan_khau="bốn"),
        person("NM3", "exited"), person("NM4", "near_poor"), person("NM5", "poor"),
        person("NM6", "poor"),
    ])  # fmt: skip
    result, _ = collect(folder, None)

    def fix(book):
        assert book["Danh sách"]["H6"].value == "bốn"
        book["Danh sách"]["H6"] = 4

    _sent_back_corrected(folder, result, tmp_path / "output", fix)


def _sent_back_corrected(folder, result, output, fix) -> None:
    """Nà Mòn's feedback of ``result`` (copies of 'Thông tin' and 'Danh sách'), corrected by
    ``fix`` and put in ``folder`` instead of 'NaMon.xlsx': read as Nà Mòn's whole roster (102
    households, 3 poor, 2 near-poor), nothing said of it."""
    written = publish(result, output)
    feedback = next(p for p in written["feedback"] if p.name == "Nà Mòn_2024-05.xlsx")
    book = openpyxl.load_workbook(feedback)
    assert book.sheetnames == [GUIDE_SHEET, "Thông tin", "Danh sách"]
    fix(book)
    (folder / "NaMon.xlsx").unlink()
    book.save(folder / feedback.name)
    again, _ = collect(folder, None)
    na_mon = next(h for h in again.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["status"], na_mon["households"], na_mon["poor"], na_mon["near_poor"]) == (
        "ok", 102, 3, 2,
    )  # fmt: skip
    assert [i.code for i in again.issues if i.file == feedback.name] == []


def test_a_feedback_about_the_info_sheet_alone_copies_the_list_too(tmp_path):
    """Nà Mòn's 'Tổng số hộ dân cư' says 'một trăm' (B5: the file is refused, nothing wrong in
    its list). The feedback copies 'Danh sách' as well as 'Thông tin', so that the head who
    writes 102 in the copy's B5 and sends the feedback workbook back sends a whole roster:
    counted, NM1, NM5, NM6 poor and NM2, NM4 near-poor, nothing said."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "exited"),
        person("NM4", "near_poor"), person("NM5", "poor"), person("NM6", "poor"),
    ])  # fmt: skip
    book = openpyxl.load_workbook(path)
    assert book["Thông tin"]["A5"].value == "Tổng số hộ dân cư"
    book["Thông tin"]["B5"] = "một trăm"
    book.save(path)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])  # counted
    result, _ = collect(folder, None)
    assert next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")["status"] == (
        "rejected"
    )
    _sent_back_corrected(
        folder, result, tmp_path / "output", lambda book: book["Thông tin"].__setitem__("B5", 102)
    )


def test_the_copy_of_a_long_list_keeps_its_signature_below_it(tmp_path):
    """Nà Mòn lists 110 households (rows 5-114; more than the blank template's 100 rows),
    NM110 with 'bốn' members (H114), its signature block from row 116. The feedback's copy
    holds every household and the signature at their own cells, H114 red."""
    write_plan(tmp_path)
    rows = [person(f"NM{i}", "poor" if i <= 3 else "near_poor") for i in range(1, 110)]
    rows.append(person("NM110", "near_poor", nhan_khau="bốn"))
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 400, rows)
    result, _ = collect(tmp_path, None)
    publish(result, tmp_path / "output")
    wb = openpyxl.load_workbook(tmp_path / "output" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    copy = wb["Danh sách"]
    assert [copy[f"B{r}"].value for r in range(5, 115)] == [f"NM{i}" for i in range(1, 111)]
    assert copy["H114"].value == "bốn" and copy["H114"].fill.fgColor.rgb == RED
    assert copy["R116"].value == "Ngày 03 tháng 06 năm 2024"
    # 'Người lập biểu' past the repeated A:C, from D (session 60, H)
    assert (copy["D117"].value, copy["R117"].value) == ("Người lập biểu", "Trưởng xóm")
    assert all(copy.cell(115, c).value is None for c in range(1, 27))


def test_the_copy_keeps_the_files_merged_title_and_header(tmp_path):
    """Nà Mòn's list with a merged title and a three-row header ('Thông tin chủ hộ' over the
    head's columns, 'Các chỉ số thiếu hụt…' over the twelve indicators, single columns merged
    down), and NM2's size 'bốn'. The copy sent back merges the same ranges, so it looks like the
    head's own file; the bad cell keeps its mark; no range is merged that the file did not."""
    from tests import messy

    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    households = messy.with_changes(messy.na_mon_households(), NM2={"nhan_khau": "bốn"})
    placed = messy.na_mon_three_row_header(folder, households=households)
    source = openpyxl.load_workbook(folder / "NaMon.xlsx")["DS"]
    wanted = {str(r) for r in source.merged_cells.ranges}
    assert len(wanted) >= 10  # the title, two parents, the columns merged down
    result, _ = collect(folder, None)
    publish(result, tmp_path / "output")
    copy = openpyxl.load_workbook(
        tmp_path / "output" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    )
    ws = copy["DS"]
    # Printed two pages across from column Q (session 26: P; session 55 measured the header's
    # columns by their bold letters, narrower): the title ends on the first page, the parent
    # over the indicators goes on as a range of its own; 'Giáo dục' (O4:P4), on page 1 whole
    # now, stays merged (it was cut at P into two cells, each showing it).
    assert [b.id for b in ws.col_breaks.brk] == [16]
    assert {"A1:Z1", "K3:V3", "O4:P4"} <= wanted
    cut = {"A1:Z1": {"A1:P1"}, "K3:V3": {"K3:P3", "Q3:V3"}}
    # the left signature block's lines past the repeated A:C, from D (session 60, H)
    cut.update({f"B{r}:D{r}": {f"D{r}:G{r}"} for r in (16, 17, 21)})
    assert {str(r) for r in ws.merged_cells.ranges} == set().union(
        *(cut.get(r, {r}) for r in wanted)
    )
    assert ws["O4"].value == "Giáo dục"
    assert ws["K3"].value == ws["Q3"].value == messy.INDICATOR_PARENT
    bad = placed.cell("NM2", "nhan_khau")
    assert unicodedata.normalize("NFC", ws[bad].value) == "bốn"  # as typed (NFD here)
    assert ws[bad].fill.fgColor.rgb == RED
    parent = next(r for r in source.merged_cells.ranges
                  if source.cell(r.min_row, r.min_col).value == messy.INDICATOR_PARENT)  # fmt: skip
    assert ws.cell(parent.min_row, parent.min_col).value == messy.INDICATOR_PARENT
    assert parent.max_col - parent.min_col == 11  # over the twelve indicator columns


def test_a_hamlet_whose_file_could_not_be_read_gets_the_guide_sheet_back(tmp_path):
    """Bản Cọ sent its list as a CSV ('DS Ban Co thang 5.csv'), Đồng Kè's file was cut short in
    the copy; both hamlets are 'rejected'. Each gets a feedback workbook, the guide sheet
    alone (nothing of the file can be copied), saying why the file was refused and what to do,
    so that the officer forwards one workbook per hamlet as for the others. A damaged file no
    hamlet can be told of ('hong.xlsx') and the plan get none."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    (folder / "DS Ban Co thang 5.csv").write_text("STT,Mã hộ\n1,BC1\n", encoding="utf-8")
    write_roster(folder, "DS_DongKe_2024-05.xlsx", "Đồng Kè", 150, [person("DK1", "poor")])
    whole = (folder / "DS_DongKe_2024-05.xlsx").read_bytes()
    (folder / "DS_DongKe_2024-05.xlsx").write_bytes(whole[: len(whole) - 200])
    (folder / "hong.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 300)
    result, _ = collect(folder, None)
    by = {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}
    assert (by["Bản Cọ"], by["Đồng Kè"]) == ("rejected", "rejected")
    written = publish(result, tmp_path / "out")
    names = sorted(p.name for p in written["feedback"])
    assert "Bản Cọ_2024-05.xlsx" in names and "Đồng Kè_2024-05.xlsx" in names
    assert not [n for n in names if n.startswith(("hong", "KeHoach"))]
    for hamlet, words in (("Bản Cọ", "tệp .csv"), ("Đồng Kè", "chưa chép hết")):
        path = tmp_path / "out" / "2024-05" / "PhanHoi" / f"{hamlet}_2024-05.xlsx"
        wb = openpyxl.load_workbook(path)
        assert wb.sheetnames == [GUIDE_SHEET]
        rows = guide_rows(wb)
        assert len(rows) == 1 and words in rows[0]["Cần sửa"], (hamlet, rows)
        # said to the head, not to the officer ("Hãy nhờ trưởng xóm …"), no library detail
        assert (
            "trưởng xóm" not in rows[0]["Cần sửa"] and "Chi tiết kỹ thuật" not in rows[0]["Cần sửa"]
        )
        assert "Excel (.xlsx)" in rows[0]["Cần sửa"]
        cells = [str(c.value) for row in wb[GUIDE_SHEET].iter_rows() for c in row if c.value]
        status = cells[cells.index("Tình trạng:") + 1]
        assert status.startswith("Danh sách chưa được tổng hợp vì "), status
        assert status.endswith("xã không đọc được số liệu nào trong tệp này."), status
        assert "ô tô đỏ" not in status  # no cell of this file can be coloured
        how = cells[cells.index("Cách sửa:") + 1]
        assert how.startswith("Gửi lại cho xã danh sách của xóm trong một tệp Excel (.xlsx)")


def test_a_damaged_copy_beside_the_hamlets_counted_list_says_the_list_was_counted(tmp_path):
    """Đồng Kè's May list came cut short in the copy ('DS_DongKe_2024-05.xlsx'); its head sent
    it again ('DS_DongKe_2024-05_sua.xlsx'), which is counted. The damaged copy's feedback
    said "Danh sách chưa được tổng hợp" and to send the list again, in red, though the hamlet's
    list was counted (session 43). It says the file could not be read, that the month's list
    was counted from the other file, and that nothing need be sent unless this one was the
    right one; in amber, as a copy set aside is."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    write_roster(folder, "DS_DongKe_2024-05.xlsx", "Đồng Kè", 150, [person("DK1", "poor")])
    whole = (folder / "DS_DongKe_2024-05.xlsx").read_bytes()
    (folder / "DS_DongKe_2024-05.xlsx").write_bytes(whole[: len(whole) - 200])
    write_roster(folder, "DS_DongKe_2024-05_sua.xlsx", "Đồng Kè", 150, [person("DK1", "poor")])
    result, _ = collect(folder, None)
    assert {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}["Đồng Kè"] == "ok"
    names = {sub.file: name for sub, _, name in feedback_targets(result)}
    publish(result, tmp_path / "out")
    path = tmp_path / "out" / "2024-05" / "PhanHoi" / names["DS_DongKe_2024-05.xlsx"]
    ws = openpyxl.load_workbook(path)[GUIDE_SHEET]
    cells = [c for row in ws.iter_rows() for c in row if c.value]
    values = [str(c.value) for c in cells]
    assert values[values.index("Tệp đã nhận:") + 1] == "DS_DongKe_2024-05.xlsx"
    status = cells[values.index("Tình trạng:") + 1]
    assert status.value == (
        "Tệp này không được tổng hợp vì tệp bị hỏng hoặc chưa chép hết (tải về, gửi qua Zalo "
        "hay chép USB bị ngắt giữa chừng); xã không đọc được số liệu nào trong tệp này. Danh "
        "sách kỳ này của xóm đã được tổng hợp từ tệp khác (DS_DongKe_2024-05_sua.xlsx)."
    )
    assert status.font.color.rgb == "FF7F6000"  # amber, not the red of a list not counted
    assert values[values.index("Cách sửa:") + 1] == (
        "Nếu danh sách đã được tổng hợp (DS_DongKe_2024-05_sua.xlsx) là bản đúng, không cần gửi "
        "lại. Nếu tệp này mới là bản đúng, hãy mở tệp gốc bằng Excel, chọn Lưu thành (Save As), "
        "kiểu Sổ làm việc Excel (.xlsx), rồi gửi lại cho xã tệp vừa lưu."
    )
