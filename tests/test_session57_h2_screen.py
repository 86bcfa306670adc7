"""What the officer's pass of session 57 found on screen (helper H2): a refused list's reason
on the run's summary, `check` without a plan saying a run stops, a web page's technical aside
in Vietnamese, `check` naming the plan's hamlets that sent nothing, a whole .xlsb said as its
format, not as damaged."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from pipeline import cli
from pipeline.discover import web_page_issue
from pipeline.messages import Message
from pipeline.types import Issue, Submission
from tests.commune import clean_rosters, person, write_plan, write_roster

# a damaged file's value, as the reader's refusal gives it (discover._UNREADABLE_KINDS)
DAMAGED = Message(
    "Tệp bị hỏng hoặc chưa chép hết (tải về, gửi qua Zalo hay chép USB bị ngắt giữa chừng).",
    "The file is damaged or was not copied in full (a download, a Zalo transfer or a USB copy "
    "cut off halfway).",
)


def refused_run(*hamlets: tuple[str, str], issues: list[Issue]) -> SimpleNamespace:
    """A run whose hamlets (name, file) were all refused, with the issues that refused them."""
    summary = {"hamlets": [{"hamlet": h, "status": "rejected"} for h, _ in hamlets]}
    reporting = pd.DataFrame(
        [{"hamlet": h, "status": "rejected", "file": f} for h, f in hamlets],
        columns=["hamlet", "status", "file"],
    )
    return SimpleNamespace(summary=summary, reporting=reporting, issues=issues, submissions=[])


def test_a_refused_list_is_said_with_why_one_line_a_hamlet():
    # Bản Cọ sent an empty file, Nà Mòn a password one: each its own line, its file, the few
    # words of 'Nộp báo cáo' after a dash (before: "Bị từ chối: Nà Mòn (NaMon.xlsx), Bản Cọ
    # (BanCo.xlsx)", no reason).
    result = refused_run(
        ("Nà Mòn", "NaMon.xlsx"),
        ("Bản Cọ", "BanCo.xlsx"),
        issues=[Issue("file-empty", file="BanCo.xlsx"), Issue("file-encrypted", file="NaMon.xlsx")],
    )
    assert cli._absent_lines(result, "vi") == [
        "  Bị từ chối: Nà Mòn (NaMon.xlsx) — tệp có đặt mật khẩu",
        "  Bị từ chối: Bản Cọ (BanCo.xlsx) — tệp không có dữ liệu",
    ]
    assert cli._absent_lines(result, "en") == [
        "  Rejected: Nà Mòn (NaMon.xlsx) — the file is password-protected",
        "  Rejected: Bản Cọ (BanCo.xlsx) — the file holds no data",
    ]


def test_a_long_reason_is_cut_at_a_clause_under_the_name():
    # The web page's reason (120 characters) does not fit a line of 100 after its 38 characters
    # of name and file: it goes under them (R6: cut beside them at a space, "… xuất từ phần…"
    # could split a word), where 93 are left before '…': its clauses up to the colon (87).
    # The whole reason is on 'Nộp báo cáo'.
    page = web_page_issue(Submission("PacCap.xlsx", Path("PacCap.xlsx")))
    result = refused_run(("Pác Cập", "PacCap.xlsx"), issues=[page])
    assert cli.SCREEN_WIDTH == 100
    assert cli._absent_lines(result, "vi") == [
        "  Bị từ chối: Pác Cập (PacCap.xlsx)",
        "    — đây là trang web (HTML) hoặc tệp XML xuất từ phần mềm khác, chỉ được đặt tên đuôi "
        ".xlsx…",
    ]


def test_a_cut_falling_inside_brackets_keeps_none_of_them():
    # A damaged file's reason under the name: whole in Vietnamese (85 characters), its bracket
    # included; in English (103) cut before its bracket, not at the comma inside it.
    result = refused_run(
        ("Nà Tiến", "DS_NaTien_2024-05.xlsb"),
        issues=[Issue("file-unreadable", file="DS_NaTien_2024-05.xlsb", value=DAMAGED)],
    )
    assert cli._absent_lines(result, "vi") == [
        "  Bị từ chối: Nà Tiến (DS_NaTien_2024-05.xlsb)",
        "    — tệp bị hỏng hoặc chưa chép hết (tải về, gửi qua Zalo hay chép USB bị ngắt giữa "
        "chừng)",
    ]
    assert cli._absent_lines(result, "en") == [
        "  Rejected: Nà Tiến (DS_NaTien_2024-05.xlsb)",
        "    — the file is damaged or was not copied in full…",
    ]


def test_at_most_eight_refused_lines_the_others_counted():
    # 10 refused: the first 8 said, a last line counts the 2 others and names the sheet.
    hamlets = [(f"Xóm {n}", f"X{n}.xlsx") for n in range(1, 11)]
    issues = [Issue("file-empty", file=f) for _, f in hamlets]
    lines = cli._absent_lines(refused_run(*hamlets, issues=issues), "vi")
    assert lines[:8] == [
        f"  Bị từ chối: Xóm {n} (X{n}.xlsx) — tệp không có dữ liệu" for n in range(1, 9)
    ]
    assert lines[8:] == ["  Bị từ chối: … và 2 xóm khác, xem trang 'Lỗi dữ liệu'"]
    en = cli._absent_lines(refused_run(*hamlets, issues=issues), "en")
    assert en[8:] == ["  Rejected: … and 2 more, see sheet 'Lỗi dữ liệu'"]


def test_a_web_page_taken_as_a_hamlets_file_says_its_aside_in_vietnamese():
    # Session 49's page named for Bản Cọ: "(Chi tiết kỹ thuật: a web page with no household
    # list)" was English inside the Vietnamese line; now Vietnamese, English under --lang en.
    issue = web_page_issue(Submission("DS_BanCo_2024-05.xlsx", Path("DS_BanCo_2024-05.xlsx")))
    assert issue.message("vi").endswith(
        "rồi gửi lại tệp vừa lưu. (Chi tiết kỹ thuật: trang web không có danh sách hộ)"
    )
    assert issue.message("en").endswith(
        "and send the saved file again. (Technical detail: a web page with no household list)"
    )


def test_a_web_page_or_xml_with_no_table_is_said_in_vietnamese(tmp_path):
    # The markup reader's own English ("a web page with no table", "an XML workbook with no
    # worksheet") was the technical aside of the Vietnamese line too.
    from pipeline.opening import ReadError, open_workbook

    page = tmp_path / "web.xls"
    page.write_bytes(b"<html><body><p>Phien dang nhap da het han</p></body></html>")
    xml = tmp_path / "xml.xls"
    xml.write_bytes(
        b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'
    )
    said = {}
    for path in (page, xml):
        try:
            open_workbook(path)
        except ReadError as refused:
            said[path.name] = (refused.code, refused.detail)
    assert said["web.xls"][0] == "file-unreadable"
    assert str(said["web.xls"][1]) == "trang web không có bảng nào"
    assert said["web.xls"][1].en == "a web page with no table"
    assert str(said["xml.xls"][1]) == "tệp XML của Excel không có trang tính nào"
    assert said["xml.xls"][1].en == "an XML workbook with no worksheet"


def _check(*args: str):
    from click.testing import CliRunner

    from pipeline.cli import main

    return CliRunner().invoke(main, ["check", *args])


def test_check_of_a_folder_without_a_plan_says_its_run_will_stop(tmp_path):
    # Bản Cọ's list alone in 'vao' (no plan): "1 tệp, 0 lỗi" as before, but the note now says a
    # run of 'vao' stops (it does: exit 2, "Không tìm thấy tệp kế hoạch"); exit 1 since (H3);
    # the plan to be copied there, not added to the check command, and "1 lỗi" since (H4)
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    out.mkdir()
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    done = _check(str(folder), "--output", str(out))
    assert done.exit_code == 1
    # (the stop on an error line of its own above the note since session 58, D)
    stop, note, total = done.output.splitlines()
    assert note.startswith("Lưu ý: không có tệp kế hoạch trong các tệp được kiểm tra")
    assert note.endswith("từ chối khi tổng hợp).")
    assert stop == (
        f"[LỖI] (plan-missing): Thư mục '{folder}' không có tệp kế hoạch: khi tổng hợp (make "
        "hoặc giamngheo run), chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy chép tệp kế "
        "hoạch của xã (KeHoach_YYYY.xlsx) vào thư mục đó rồi kiểm tra lại."
    )
    assert total == "1 tệp, 1 lỗi, 0 cảnh báo."
    english = _check(str(folder), "--output", str(out), "--lang", "en").output.splitlines()
    assert english[0] == (
        f"[ERROR] (plan-missing): Folder '{folder}' holds no plan: a run (make or giamngheo run) "
        "stops and writes no workbook. Copy the commune's plan (KeHoach_YYYY.xlsx) into that "
        "folder, then check again."
    )
    # the file alone checked: the folder may hold the plan, nothing said of its run
    alone = _check(str(folder / "DS_BanCo_2024-05.xlsx"), "--output", str(out))
    assert "Thư mục" not in alone.output and alone.output.splitlines()[-1].startswith(
        "1 tệp, 0 lỗi"
    )


def test_check_of_the_input_folder_names_the_plans_hamlets_that_sent_nothing(tmp_path):
    # The small commune's plan (Nà Mòn, Bản Cọ, Đồng Kè), Nà Mòn's and Bản Cọ's May lists, and a
    # copy of Bản Cọ's cut short as 'BanCo_cu_2024-05.xlsx' (Bản Cọ's file, refused): Đồng Kè
    # alone sent nothing, as a run's "Chưa nộp: Đồng Kè" says; the line before the total.
    # Before: `check` never named it.
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    out.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    (folder / "BanCo_cu_2024-05.xlsx").write_bytes((folder / "BanCo.xlsx").read_bytes()[:900])
    lines = _check(str(folder), "--output", str(out)).output.splitlines()
    assert lines[-2:-1] == ["Chưa nộp (kỳ 05/2024): Đồng Kè"]
    assert lines[-1].startswith("4 tệp, 1 lỗi")
    english = _check(str(folder), "--output", str(out), "--lang", "en").output.splitlines()
    assert english[-2] == "Not received (period 05/2024): Đồng Kè"
    # Nà Mòn's list and the plan alone: the folder's other files not checked, nothing said
    some = _check(
        str(folder / "NaMon.xlsx"), str(folder / "KeHoach_2024.xlsx"), "--output", str(out)
    )
    assert "Chưa nộp" not in some.output


XLSB_VI = (
    "Không đọc được tệp. Định dạng .xlsb chưa đọc được: lưu lại thành .xlsx. Hãy nhờ trưởng xóm mở tệp gốc bằng Excel, chọn Lưu thành (Save As) kiểu Sổ làm việc Excel (.xlsx) "
    "rồi gửi lại tệp vừa lưu. (Chi tiết kỹ thuật: gói nén của tệp .xlsb nguyên vẹn nhưng trình "
    "đọc không đọc được nội dung)"
)


def _xlsb(path: Path) -> Path:
    """An .xlsb package copied whole (every part's checksum agrees) whose workbook part the
    reader cannot read: its records stop one byte into the first."""
    import zipfile

    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        package.writestr("xl/workbook.bin", b"\x83")
    return path


def test_a_whole_xlsb_the_reader_cannot_read_is_not_said_damaged(tmp_path):
    # Đồng Kè's list saved as .xlsb: before, "Tệp bị hỏng hoặc chưa chép hết" (the head copies
    # it again, to no end); now the format, and to save it as .xlsx. 'Nộp báo cáo' says the same.
    from pipeline.report.reporting import refusal_reasons
    from pipeline.run import collect

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    _xlsb(tmp_path / "DS_DongKe_2024-05.xlsb")
    result, _ = collect(tmp_path, None, workers=0)
    (said,) = [i for i in result.issues if i.file == "DS_DongKe_2024-05.xlsb"]
    assert (said.code, said.message("vi")) == ("file-unreadable", XLSB_VI)
    assert refusal_reasons([said], "vi") == {
        "DS_DongKe_2024-05.xlsb": "định dạng .xlsb chưa đọc được: lưu lại thành .xlsx"
    }


def test_an_xlsb_cut_short_is_still_said_damaged(tmp_path):
    # The same package cut in half: its zip is not whole, a copy that stopped: damaged, as before.
    from pipeline.discover import unreadable_kind

    path = _xlsb(tmp_path / "cut.xlsb")
    path.write_bytes(path.read_bytes()[:-40])
    assert unreadable_kind(path) == "damaged"
    assert unreadable_kind(_xlsb(tmp_path / "whole.xlsb")) == "xlsb"
