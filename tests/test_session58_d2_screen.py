"""The officer's screen within 100 columns (session 58, helper D2; the Left of helper D): the
run's rate lines on two lines each, the verdict first; the "Chưa nộp" lines of a run and of
`check` broken between two hamlets; `check`'s plan of another year advising to add a file to
the command only where files were named; the note of an earlier year's months run with a kept
plan saying which runs stop, and the hamlets of the latest month a run names."""

from __future__ import annotations

import os
import unicodedata

from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import new_commune, person, write_roster
from tests.month_lists import november_then_december_and_january
from tests.summaries import json_summary


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def _shown(text: str) -> int:
    return sum(1 for ch in text if not unicodedata.combining(ch))


# --- 1. the rate lines: the verdict first, the movement under it ------------------------------


def _may_of_three_hamlets(folder) -> None:
    """May 2024 of the small commune (450 households at the start: 6 poor, 1,33 %; 4 near-poor,
    0,89 %): Nà Mòn 100 households, NM1 NM2 poor, NM4 near-poor, NM3 NM5 'Thoát'; Bản Cọ 200,
    BC1 BC2 poor, BC3 near-poor; Đồng Kè 150, DK1 poor, DK2 near-poor. 5 poor, 3 near-poor."""
    rows = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "exited"),
            person("NM4", "near_poor"), person("NM5", "exited")]  # fmt: skip
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 100, rows)
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, rows)
    rows = [person("DK1", "poor"), person("DK2", "near_poor")]
    write_roster(folder, "DS_DongKe_2024-05.xlsx", "Đồng Kè", 150, rows)


def test_each_rate_says_its_verdict_on_its_first_line_and_its_movement_under_it(tmp_path):
    # By hand: poor 5/450 = 1,11 % against 6/450 = 1,33 %: down 0,2222 point, "0,22"; of the
    # target 1,52: 0,2222/1,52 = 14,62 %, not met. Near-poor 3/450 = 0,67 % against 0,89 %:
    # down 0,22; 0,2222/1,01 = 22,00 %, not met. Before: one line each, "Tỷ lệ hộ nghèo: 1,11 %
    # (đầu năm 1,33 %), giảm 0,22 điểm / chỉ tiêu 1,52 điểm — CHƯA ĐẠT (14,62 % kế hoạch)",
    # 103 characters with the sample's 39,90 % (the brief's 106).
    folder, out = new_commune(tmp_path)
    _may_of_three_hamlets(folder)
    done = _invoke("run", "--input", str(folder), "--output", str(out))
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    at = lines.index("Tỷ lệ hộ nghèo: 1,11 % — CHƯA ĐẠT (14,62 % kế hoạch)")
    assert lines[at : at + 4] == [
        "Tỷ lệ hộ nghèo: 1,11 % — CHƯA ĐẠT (14,62 % kế hoạch)",
        "    đầu năm 1,33 %, giảm 0,22 điểm / chỉ tiêu 1,52 điểm",
        "Tỷ lệ hộ cận nghèo: 0,67 % — CHƯA ĐẠT (22,00 % kế hoạch)",
        "    đầu năm 0,89 %, giảm 0,22 điểm / chỉ tiêu 1,01 điểm",
    ]
    # the figures are the JSON's
    totals = json_summary(out, "2024-05")["totals"]
    assert (round(totals["poor_rate"], 2), round(totals["start_poor_rate"], 2)) == (1.11, 1.33)
    assert (round(totals["poor_progress"], 2), round(totals["near_poor_progress"], 2)) == (
        14.62,
        22.0,
    )
    english = _invoke("run", "--input", str(folder), "--output", str(out), "--lang", "en")
    lines = english.output.splitlines()
    at = lines.index("Poor rate: 1.11 % — NOT YET (14.62 % of plan)")
    assert lines[at : at + 4] == [
        "Poor rate: 1.11 % — NOT YET (14.62 % of plan)",
        "    start 1.33 %, down 0.22 points / target 1.52 points",
        "Near-poor rate: 0.67 % — NOT YET (22.00 % of plan)",
        "    start 0.89 %, down 0.22 points / target 1.01 points",
    ]


def test_the_time_line_is_broken_between_two_stages_and_the_bench_still_reads_it(tmp_path):
    # The five stages and the total, 134 characters on the sample ("Thời gian: đọc tệp 0,06
    # giây, …, lưu lịch sử 0,10 giây; tổng 0,75 giây"): broken after the last stage's comma that
    # fits, the rest under 4 spaces. `make bench` reads the stages from the screen: it joins the
    # lines again. (The seconds differ each run: the lines' shape is asserted, not their width.)
    import sys
    from pathlib import Path

    folder, out = new_commune(tmp_path)
    _may_of_three_hamlets(folder)
    done = _invoke("run", "--input", str(folder), "--output", str(out))
    lines = done.output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Thời gian: "))
    assert lines[at].startswith("Thời gian: đọc tệp ") and lines[at].endswith(" giây,")
    assert lines[at + 1].startswith("    ") and "; tổng " in lines[at + 1]
    assert lines[at + 1].endswith(" giây") and at + 2 == len(lines)
    assert max(_shown(line) for line in lines[at:]) <= 100
    sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
    try:
        import bench
    finally:
        sys.path.pop(0)
    stages = bench.parse_stages(done.output)
    assert list(stages) == ["read", "validate", "figures", "write", "history", "total"]
    assert stages["total"] >= stages["write"] > 0


def test_the_rows_left_out_line_is_broken_after_its_first_clause(tmp_path):
    # Nà Mòn's May alone, NM4's head's name left out (an error row, not counted): "  Còn 1 dòng
    # hộ có lỗi chưa được tính vào các tỷ lệ trên (xem trang 'Lỗi dữ liệu'): tỷ lệ và kết quả
    # ĐẠT/CHƯA ĐẠT sẽ thay đổi khi các xóm sửa lại." was 146 characters; broken after ': ' (the
    # first clause with its colon 83, the rest 4 + 62 = 66). English alike (159: 90, 4 + 68).
    folder, out = new_commune(tmp_path)
    rows = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    rows += [person("NM4", "near_poor", chu_ho=None), person("NM5", "near_poor")]
    write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 100, rows)
    for lang, said in (
        ("vi", ["  Còn 1 dòng hộ có lỗi chưa được tính vào các tỷ lệ trên (xem trang 'Lỗi dữ liệu'):",
                "    tỷ lệ và kết quả ĐẠT/CHƯA ĐẠT sẽ thay đổi khi các xóm sửa lại."]),
        ("en", ["  1 household row(s) with errors are not yet in the rates above (see sheet 'Lỗi dữ "
                "liệu'):",
                "    the rates and MET/NOT YET will change once the hamlets correct them."]),
    ):  # fmt: skip
        done = _invoke("run", "--input", str(folder), "--output", str(out), "--lang", lang)
        lines = done.output.splitlines()
        at = lines.index(said[0])
        assert lines[at : at + 2] == said
        assert [_shown(line) for line in said] == ([83, 66] if lang == "vi" else [90, 72])


# --- 2. "Chưa nộp" broken between two hamlets, run and `check` alike ----------------------------

# The shipped sample's May (seed 2024), its plan's hamlets in order: Nà Mòn, Khau Lang, Bản Cọ,
# Đồng Kè, Pác Cập, Bản Piềng, Nà Pải, Khuôn Tát, Làng Mòn, Thẩm Rộc, Đồng Màn, Nà Tiến.
GONE = ("KhauLang", "DongKe", "BanPieng", "NaPai", "KhuonTat", "LangMon", "DongMan", "NaTien")


def _sample_with_nine_not_sent(tmp_path):
    """The sample's May with 8 hamlets' lists taken out and Pác Cập's zipped, not unpacked: 9
    hamlets not received in the plan's order, Pác Cập's zip named beside it, Nà Tiến the
    ninth, counted."""
    import zipfile

    folder = tmp_path / "input"
    made = _invoke("sample", str(folder))
    assert made.exit_code == 0, made.output
    for name in GONE:
        (folder / f"DS_{name}_2024-05.xlsx").unlink()
    pac_cap = folder / "DS_PacCap_2024-05.xlsx"
    with zipfile.ZipFile(folder / "DS_PacCap_2024-05.zip", "w") as packed:
        packed.write(pac_cap, pac_cap.name)
    pac_cap.unlink()
    return folder, tmp_path / "output"


def test_the_hamlets_not_received_are_broken_between_two_hamlets_within_the_screen(tmp_path):
    # The run's line was "  Chưa nộp: Khau Lang, Đồng Kè, Pác Cập (tệp nén … 'Lỗi dữ liệu'),
    # Bản Piềng, Nà Pải, Khuôn Tát, Làng Mòn, Đồng Màn và 1 xóm khác (xem trang 'Nộp báo
    # cáo')", 202 characters; `check`'s 173. Now broken after the last comma between two hamlets
    # that fits 100 (not inside Pác Cập's brackets), the lines after the first under 4 spaces:
    # the run's "Pác Cập (…)," would end at 125 after "Đồng Kè,", its own line 4 + 89 = 93,
    # "Bản Piềng," at 104 goes under it. `check`'s "(kỳ 05/2024)" and no sheet: Pác Cập's words
    # end at 97 with their comma.
    folder, out = _sample_with_nine_not_sent(tmp_path)
    done = _invoke("run", "--input", str(folder), "--output", str(out))
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    at = lines.index("  Chưa nộp: Khau Lang, Đồng Kè,")
    assert lines[at : at + 3] == [
        "  Chưa nộp: Khau Lang, Đồng Kè,",
        "    Pác Cập (tệp nén DS_PacCap_2024-05.zip chưa giải nén, xem trang 'Lỗi dữ liệu'), "
        "Bản Piềng,",
        "    Nà Pải, Khuôn Tát, Làng Mòn, Đồng Màn và 1 xóm khác (xem trang 'Nộp báo cáo')",
    ]
    assert [_shown(line) for line in lines[at : at + 3]] == [31, 94, 81]
    checked = _invoke("check", str(folder), "--output", str(out))
    assert checked.exit_code == 0, checked.output
    assert checked.output.splitlines()[-3:] == [
        "Chưa nộp (kỳ 05/2024): Khau Lang, Đồng Kè, Pác Cập (tệp nén DS_PacCap_2024-05.zip chưa "
        "giải nén),",
        "    Bản Piềng, Nà Pải, Khuôn Tát, Làng Mòn, Đồng Màn và 1 xóm khác",
        "17 tệp, 0 lỗi, 1 cảnh báo.",  # the plan, 12 of April, 3 of May, the zip
    ]
    english = _invoke("check", str(folder), "--output", str(out), "--lang", "en")
    assert english.output.splitlines()[-4:-1] == [
        "Not received (period 05/2024): Khau Lang, Đồng Kè,",
        "    Pác Cập (compressed file DS_PacCap_2024-05.zip, not unpacked), Bản Piềng, Nà Pải, "
        "Khuôn Tát,",
        "    Làng Mòn, Đồng Màn and 1 more",
    ]
    assert all(_shown(line) <= 100 for line in done.output.splitlines()[:3])


# --- 3. the plan of another year: "add it to the command" only where files were named ----------


def _january_with_last_years_plan(tmp_path):
    folder, out = new_commune(tmp_path)
    out.mkdir()
    rows = [person("BC1", "poor")]
    write_roster(folder, "DS_BanCo_2025-01.xlsx", "Bản Cọ", 200, rows, "2025-01")
    return folder, out


OTHER_YEAR = (
    "[LỖI] (plan-of-other-year): Kế hoạch 'KeHoach_2024.xlsx' là của năm 2024, còn các danh "
    "sách mới nhất là của năm 2025, nên tên xóm, số hộ và danh sách đầu năm của chúng được so "
    "với kế hoạch năm 2024 (khi tổng hợp, chương trình sẽ dừng lại và đòi kế hoạch năm 2025). "
    "Hãy đặt kế hoạch năm 2025 vào thư mục đầu vào{} rồi kiểm tra lại."
)
OTHER_YEAR_EN = (
    "[ERROR] (plan-of-other-year): Plan 'KeHoach_2024.xlsx' is for 2024, but the latest lists "
    "are of 2025, so their hamlet names, household counts and start-of-year list are compared "
    "with the 2024 plan (a run stops and asks for the 2025 plan). Put the 2025 plan in the "
    "input folder{} and check again."
)


def test_the_plan_of_another_year_says_to_add_a_file_to_the_command_only_where_files_were_named(
    tmp_path,
):
    # The whole folder checked: the command names no file to add one to (H4's rule for no
    # plan). Before: "(hoặc thêm tệp đó vào cuối lệnh check)" here too.
    folder, out = _january_with_last_years_plan(tmp_path)
    whole = _invoke("check", str(folder), "--output", str(out))
    assert whole.exit_code == 1
    assert whole.output.splitlines()[-2] == OTHER_YEAR.format("")
    english = _invoke("check", str(folder), "--output", str(out), "--lang", "en")
    assert english.output.splitlines()[-2] == OTHER_YEAR_EN.format("")
    # the two files named: the 2025 plan may be added to them (unchanged)
    named = [str(folder / "KeHoach_2024.xlsx"), str(folder / "DS_BanCo_2025-01.xlsx")]
    files = _invoke("check", *named, "--output", str(out))
    assert files.exit_code == 1
    assert files.output.splitlines()[-2] == OTHER_YEAR.format(
        " (hoặc thêm tệp đó vào cuối lệnh check)"
    )
    files = _invoke("check", *named, "--output", str(out), "--lang", "en")
    assert files.output.splitlines()[-2] == OTHER_YEAR_EN.format(
        " (or add it at the end of the check command)"
    )


# --- 4. last year's months run with a kept plan: which runs stop --------------------------------


def test_the_note_of_months_run_with_a_kept_plan_says_the_latest_run_goes_on(tmp_path):
    # November 2024 run (the 2024 plan kept in ra/2024-11/nguon/); the input folder then holds
    # December's lists never run, the 2025 plan and January's lists of Nà Mòn and Bản Cọ, the
    # 2024 plan taken out (tests.month_lists). A run of the folder, January's, goes on (exit 0,
    # "Chưa nộp: Đồng Kè"); December's alone stops without the kept plan. Before: the note said
    # December's run stops and not that January's goes on, and `check` named no hamlet not
    # received, as if the folder's run stopped.
    folder, out = november_then_december_and_january(tmp_path)
    (folder / "KeHoach_2024.xlsx").unlink()
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        said = {
            lang: _invoke("check", "vao", "--output", "ra", "--lang", lang) for lang in ("vi", "en")
        }
        run = _invoke("run", "--input", "vao", "--output", "ra")
    finally:
        os.chdir(here)
    assert said["vi"].exit_code == 0
    assert said["vi"].output.splitlines()[-3:] == [
        "Lưu ý: các danh sách kỳ 12/2024 (chưa tổng hợp) đã được so với kế hoạch năm 2024 giữ "
        "ở 'ra/2024-11/nguon/KeHoach_2024.xlsx' (kế hoạch đã dùng khi tổng hợp kỳ 11/2024), vì "
        "kế hoạch năm 2024 không có trong các tệp được kiểm tra. Tổng hợp kỳ mới nhất (make hoặc "
        "giamngheo run) vẫn chạy được; chỉ khi tổng hợp kỳ 12/2024, thiếu kế hoạch đó, chương "
        "trình sẽ dừng: trước đó, hãy chép (không chuyển) tệp đó vào thư mục đầu vào.",
        "Chưa nộp (kỳ 01/2025): Đồng Kè",
        # NM5, gone from December's list and January's, asked in December alone (session 51)
        "5 tệp, 0 lỗi, 3 cảnh báo.",
    ]
    assert said["en"].output.splitlines()[-3:-1] == [
        "Note: the lists of period 12/2024 (not consolidated yet) were compared with the 2024 "
        "plan kept as 'ra/2024-11/nguon/KeHoach_2024.xlsx' (the plan period 11/2024 was "
        "consolidated with), as the 2024 plan is not among the files checked. Consolidating the "
        "latest period (make or giamngheo run) goes on; only consolidating period 12/2024 stops "
        "without it: first copy (do not move) that file into the input folder.",
        "Not received (period 01/2025): Đồng Kè",
    ]
    # the run of the folder, as `check` said: January's, Đồng Kè not received
    assert run.exit_code == 0, run.output
    assert run.output.splitlines()[0].startswith("Kỳ báo cáo 01/2025")
    assert "  Chưa nộp: Đồng Kè" in run.output.splitlines()
