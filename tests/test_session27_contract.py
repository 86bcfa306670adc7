"""Session 27: the CLI clauses of CONTRACT §6 an audit found unmet, and the input folder's
files kept safe from `template` and `sample` (§1: input files are never written).

* every command speaks English with `--lang en`: `template` and `sample` had no `--lang`,
  and `history` said a damaged store in Vietnamese under `--lang en`;
* a folder that cannot be made is one plain line, exit 2, not "Lỗi không mong muốn
  (FileExistsError …)";
* `template` never overwrites a file under its names that is not the blank template (a
  hamlet's list filled in on it), `sample` never writes into a folder that holds files;
* a `--period` no list was sent for says so and names the months there are.
* the template's 'Nhóm đối tượng' says a household may be in several groups (§2.2 "any of").
* an incomplete month's start rate on 'Tổng hợp' says it is of the hamlets consolidated.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pipeline.template import PLAN_TEMPLATE_NAME, ROSTER_TEMPLATE_NAME, write_templates
from tests.commune import clean_rosters, person, write_plan, write_roster
from tests.test_cli_messages import cli, one_line

# --- `template` -------------------------------------------------------------------------------


def stopped_in_both(*args: str) -> tuple[str, str]:
    """The one line the command prints when it stops (exit 2), in Vietnamese and in English."""
    vi, en = cli(*args), cli(*args, "--lang", "en")
    assert (vi.returncode, en.returncode) == (2, 2)
    return one_line(vi), one_line(en)


def test_template_keeps_a_filled_list_under_its_name(tmp_path):
    """A hamlet head fills MauDanhSachHo.xlsx and sends it back under that name; the officer
    keeps it in the input folder and runs `giamngheo template --output input` for a fresh
    blank. The list was overwritten by the blank (its households gone); now nothing is
    written, exit 2, one line naming the file, in either language."""
    folder = tmp_path / "input"
    folder.mkdir()
    filled = write_roster(folder, ROSTER_TEMPLATE_NAME, "Nà Mòn", 102, [person("NM1", "poor")])
    before = filled.read_bytes()
    vi, en = stopped_in_both("template", "--output", str(folder))
    assert vi == (
        f"LỖI: Đã có tệp '{filled}' khác với mẫu trống (có thể là danh sách của một xóm đã "
        "điền theo mẫu), nên không ghi đè. Hãy chọn thư mục khác (--output) hoặc đổi tên tệp "
        "đó rồi chạy lại."
    )
    assert en == (
        f"ERROR: '{filled}' is already there and is not the blank template (it may be a "
        "hamlet's list filled in on the template), so it is not overwritten. Choose another "
        "folder (--output) or rename that file, then run again."
    )
    assert filled.read_bytes() == before
    # nothing else written either: no plan template, no temporary file left
    assert sorted(p.name for p in folder.iterdir()) == [ROSTER_TEMPLATE_NAME]


def test_template_run_again_replaces_its_own_blanks_and_speaks_english(tmp_path):
    """The blank templates are the same bytes each time, so running `template` twice into one
    folder is no conflict: both runs write both files (exit 0). `--lang en` says it in
    English ('Wrote …'), as CONTRACT §6 says of every message."""
    folder = tmp_path / "mau"
    first = cli("template", "--output", str(folder))
    blanks = {
        name: (folder / name).read_bytes() for name in (ROSTER_TEMPLATE_NAME, PLAN_TEMPLATE_NAME)
    }
    again = cli("template", "--output", str(folder), "--lang", "en")
    assert (first.returncode, again.returncode) == (0, 0)
    assert first.stdout.splitlines() == [
        f"Đã ghi {folder / ROSTER_TEMPLATE_NAME}",
        f"Đã ghi {folder / PLAN_TEMPLATE_NAME}",
    ]
    assert again.stdout.splitlines() == [
        f"Wrote {folder / ROSTER_TEMPLATE_NAME}",
        f"Wrote {folder / PLAN_TEMPLATE_NAME}",
    ]
    assert {name: (folder / name).read_bytes() for name in blanks} == blanks
    assert sorted(p.name for p in folder.iterdir()) == sorted(blanks)


def test_template_into_a_file_is_one_plain_line(tmp_path):
    """`--output` naming a file: "Lỗi không mong muốn (FileExistsError: [Errno 17] …). Chi
    tiết kỹ thuật đã ghi vào …" before; now what is in the way and what to do."""
    taken = tmp_path / "mau"
    taken.write_text("a note", encoding="utf-8")
    vi, en = stopped_in_both("template", "--output", str(taken))
    assert vi == (
        f"LỖI: Không tạo được thư mục '{taken}' để ghi mẫu: ở đó đã có một tệp trùng tên, nên "
        "không tạo được thư mục; hãy đổi tên tệp đó hoặc chọn thư mục khác."
    )
    assert en == (
        f"ERROR: Cannot create the folder '{taken}' for the templates: a file of that name is "
        "already there, so the folder cannot be created; rename that file or choose another "
        "folder."
    )
    assert taken.read_text(encoding="utf-8") == "a note"


# --- `sample` ---------------------------------------------------------------------------------


def test_sample_never_writes_over_a_real_commune(tmp_path):
    """`giamngheo sample input` into the commune's own folder wrote its invented plan over a
    real KeHoach_2024.xlsx (and mixed its lists with the real ones). A folder holding any file
    is refused now (exit 2, the folder and one of its files named); the file is untouched."""
    folder = tmp_path / "input"
    folder.mkdir()
    plan = write_plan(folder)  # KeHoach_2024.xlsx, the name the sample's plan takes
    before = plan.read_bytes()
    vi, en = stopped_in_both("sample", str(folder), "--hamlets", "1", "--months", "1")
    assert vi == (
        f"LỖI: Thư mục '{folder}' đã có 1 tệp hoặc thư mục (ví dụ 'KeHoach_2024.xlsx'); dữ "
        "liệu mẫu chỉ ghi vào một thư mục trống hoặc chưa có, để không ghi đè hay trộn lẫn với "
        "kế hoạch và danh sách thật. Hãy chọn thư mục khác."
    )
    assert en == (
        f"ERROR: The folder '{folder}' already holds 1 file(s) or folder(s) (for example "
        "'KeHoach_2024.xlsx'); the sample is written only into an empty or new folder, so "
        "that it neither overwrites nor mixes with a real plan and lists. Choose another folder."
    )
    assert plan.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["KeHoach_2024.xlsx"]


def test_sample_into_a_new_folder_in_english_and_into_a_file(tmp_path):
    """A new folder (or one holding only Excel's lock files and the like) is written: 1 hamlet
    × 1 month is the plan and 1 list. A path that is a file is one plain line."""
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / "Thumbs.db").write_bytes(b"")  # left by Windows Explorer: the folder is empty
    done = cli("sample", str(folder), "--hamlets", "1", "--months", "1", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        f"Wrote the plan and 1 list(s) (1 hamlet(s) × 1 month(s)) in {folder}"
    )
    assert len(list(folder.glob("*.xlsx"))) == 2
    taken = tmp_path / "taken"
    taken.write_text("x", encoding="utf-8")
    vi = cli("sample", str(taken))
    assert vi.returncode == 2
    assert one_line(vi) == (
        f"LỖI: Không ghi được dữ liệu mẫu vào '{taken}': ở đó đã có một tệp trùng tên, nên "
        "không tạo được thư mục; hãy đổi tên tệp đó hoặc chọn thư mục khác."
    )


# --- `history` --------------------------------------------------------------------------------


def test_history_says_a_damaged_store_in_english(tmp_path):
    """`history --lang en` on a store that is no SQLite file: the reason was printed in
    Vietnamese (the command's guard was called without the language)."""
    out = tmp_path / "output"
    out.mkdir()
    store = out / "lich-su.sqlite"
    store.write_text("not a database", encoding="utf-8")
    vi, en = stopped_in_both("history", "--output", str(out))
    assert vi == (
        f"LỖI: Không mở được kho lịch sử '{store}': tệp bị hỏng hoặc không phải kho lịch sử; "
        "hãy khôi phục bản sao hoặc đổi tên tệp này để bắt đầu kho mới."
    )
    assert en == (
        f"ERROR: Cannot open the history store '{store}': the file is damaged or is not a "
        "history store; restore a copy, or rename this file to start a new store."
    )


# --- `run --period` with no list of that month ------------------------------------------------


def test_a_period_nobody_sent_a_list_for_names_the_months_there_are(tmp_path):
    """The small commune's lists are of 05/2024 (and one of 04/2024 is added here). `--period
    2024-06` said "no roster of period 2024-06 was accepted", as if June's lists had been
    refused; it now says none was sent and which months the folder holds, exit 2."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    write_roster(folder, "BanCo_T4.xlsx", "Bản Cọ", 200, [person("BC1", "poor")], "2024-04")
    args = ("run", "--input", str(folder), "--output", str(tmp_path / "out"), "--quiet")
    vi, en = stopped_in_both(*args, "--period", "2024-06")
    assert vi == (
        "LỖI: Thư mục đầu vào không có danh sách hộ nào của kỳ 06/2024; không có gì để tổng "
        "hợp. Các kỳ có danh sách: 04/2024, 05/2024. Hãy kiểm tra lại --period."
    )
    assert en == (
        "ERROR: The input folder holds no household roster of period 06/2024; there is nothing "
        "to consolidate. Periods with rosters: 04/2024, 05/2024. Check --period."
    )
    assert not (tmp_path / "out" / "2024-06").exists()


# --- the template's 'Nhóm đối tượng' ----------------------------------------------------------


def test_template_tells_a_household_may_be_in_several_target_groups(tmp_path):
    """CONTRACT §2.2: `doi_tuong` is any of BTXH, NCC, KKNLĐ, and the reader takes several
    ("BTXH; KKNLĐ" counts the household in both groups). The template's drop-down offers one
    at a time and its hint and warning said only "Nên chọn một trong: BTXH, NCC, KKNLĐ.", so a
    head would drop the second group. Both now say how to write several (within Excel's 255
    characters)."""
    roster = write_templates(tmp_path)[0]
    sheet = openpyxl.load_workbook(roster)["Danh sách"]
    [groups] = [
        dv for dv in sheet.data_validations.dataValidation if "KKNLĐ" in (dv.formula1 or "")
    ]
    several = "Hộ thuộc nhiều nhóm: ghi các nhóm cách nhau bằng dấu ; (ví dụ BTXH; KKNLĐ)."
    assert groups.prompt == (
        "BTXH = Bảo trợ xã hội; NCC = Người có công; KKNLĐ = Không có khả năng lao động. "
        f"{several} Để trống nếu không thuộc nhóm nào."
    )
    assert groups.error == f"Nên chọn một trong: BTXH, NCC, KKNLĐ. {several} Bấm Có (Yes) để giữ."
    assert groups.errorStyle == "warning"  # several groups are typed past the warning
    assert len(groups.prompt) <= 255 and len(groups.error) <= 255


# --- 'Tổng hợp': whose start-of-year rate ----------------------------------------------------


def _start_row(workbook: Path) -> tuple:
    sheet = openpyxl.load_workbook(workbook)["Tổng hợp"]
    [row] = [r for r in sheet.iter_rows(values_only=True) if r[0] in START_LABELS]
    return row[1:4]


START_LABELS = ("Tỷ lệ đầu năm (%)", "Rate at the start of the year (%)")


def test_the_start_rate_of_an_incomplete_month_says_whose_it_is(tmp_path):
    """CONTRACT §4: without every hamlet the commune's start figures are summed over the hamlets
    consolidated, so the start rate is no longer the commune's recognised rate (§3), yet its
    note still read "Kết quả công nhận đến 31/12/2023". The small commune without Đồng Kè:
    start poor (3 + 2) / (100 + 200) = 1.667 %, near-poor (2 + 1) / 300 = 1.000 %, where the
    whole commune's recognised rates are 6/450 = 1.333 % and 4/450 = 0.889 %. The note now
    says "của 2/3 xóm đã tổng hợp"; with all three hamlets it is the recognised result."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)  # Nà Mòn and Bản Cọ; Đồng Kè sends nothing
    vi = cli("run", "--input", str(folder), "--output", str(tmp_path / "vi"), "--quiet")
    en = cli("run", "--input", str(folder), "--output", str(tmp_path / "en"), "--lang", "en")
    assert (vi.returncode, en.returncode) == (0, 0), vi.stderr + en.stderr
    poor, near, note = _start_row(tmp_path / "vi" / "2024-05" / "TongHop_2024-05.xlsx")
    assert (round(poor, 9), near) == (round(5 / 300 * 100, 9), 1.0)
    assert note == "Kết quả công nhận đến 31/12/2023 của 2/3 xóm đã tổng hợp"
    _, _, note = _start_row(tmp_path / "en" / "2024-05" / "TongHop_2024-05.xlsx")
    assert note == "Recognised result at 31/12/2023 of the 2/3 hamlets consolidated"

    # Đồng Kè's list comes (its start households DK1 poor, DK2 near-poor, still listed)
    rows = [person("DK1", "poor"), person("DK2", "near_poor")]
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150, rows)
    done = cli("run", "--input", str(folder), "--output", str(tmp_path / "all"), "--quiet")
    assert done.returncode == 0, done.stderr
    poor, near, note = _start_row(tmp_path / "all" / "2024-05" / "TongHop_2024-05.xlsx")
    assert (round(poor, 9), round(near, 9)) == (round(6 / 450 * 100, 9), round(4 / 450 * 100, 9))
    assert note == "Kết quả công nhận đến 31/12/2023"


def test_template_replaces_an_older_blank_but_keeps_one_typed_into(tmp_path):
    """A blank template written by an earlier version differs in its bytes (here: the income
    column's width and a drop-down's hint, both changed this session), not in its values:
    `template` replaces it, as it replaces this version's. One value typed into the list (the
    hamlet's name on 'Thông tin') keeps it: exit 2, the file untouched."""
    import openpyxl

    folder = tmp_path / "mau"
    assert cli("template", "--output", str(folder)).returncode == 0
    roster = folder / ROSTER_TEMPLATE_NAME
    blank = roster.read_bytes()
    # An "older" blank: the same values, another layout (openpyxl re-saves every part).
    book = openpyxl.load_workbook(roster)
    book.worksheets[-1].column_dimensions["B"].width = 7
    book.save(roster)
    assert roster.read_bytes() != blank
    assert cli("template", "--output", str(folder)).returncode == 0
    assert roster.read_bytes() == blank  # replaced by this version's blank
    # Typed into: one cell with a value the blank does not hold.
    book = openpyxl.load_workbook(roster)
    sheet = book.worksheets[0]
    free = next(c for row in sheet.iter_rows(min_row=1, max_row=30) for c in row[1:3]
                if c.value is None and c.coordinate not in sheet.merged_cells)  # fmt: skip
    free.value = "Bản Cọ"
    book.save(roster)
    typed = roster.read_bytes()
    refused = cli("template", "--output", str(folder))
    assert refused.returncode == 2
    assert "khác với mẫu trống" in one_line(refused)
    assert roster.read_bytes() == typed
