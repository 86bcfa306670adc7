"""`check` of the whole input folder holding the plan and no hamlet's list (the plan alone, or
beside files passed over: a .zip, a photo) says on an error line of its own that the run stops,
"[LỖI] (no-rosters): …", counted on the total and exit 1, beside the run's exit 2 ("Thư mục đầu
vào chưa có danh sách hộ nào của các xóm …"). Before: "1 tệp, 0 lỗi, 0 cảnh báo." and exit 0
(session 58, helper D3; found by the docs helper)."""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import TARGET_LINES, new_commune


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def _no_rosters(folder) -> str:
    return (
        f"[LỖI] (no-rosters): Thư mục '{folder}' chưa có danh sách hộ nào của các xóm: khi tổng "
        "hợp (make hoặc giamngheo run), chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy "
        "chép danh sách tháng này của các xóm (tệp Excel điền theo mẫu MauDanhSachHo.xlsx) vào "
        "thư mục đó rồi kiểm tra lại."
    )


def test_check_of_a_folder_holding_the_plan_alone_says_the_runs_stop_on_an_error_line(tmp_path):
    # 'vao' holds the small commune's plan alone: its two target warnings (the plan's own), then
    # the stop; 1 file, 1 error, 2 warnings, exit 1; the run of the folder stops, exit 2.
    folder, out = new_commune(tmp_path)
    done = _invoke("check", str(folder), "--no-history")
    assert done.exit_code == 1
    assert done.output.splitlines() == [
        *TARGET_LINES,
        _no_rosters(folder),
        "1 tệp, 1 lỗi, 2 cảnh báo.",
    ]
    english = _invoke("check", str(folder), "--no-history", "--lang", "en")
    assert english.exit_code == 1
    assert english.output.splitlines()[-2:] == [
        f"[ERROR] (no-rosters): Folder '{folder}' holds no hamlet's list yet: a run (make or "
        "giamngheo run) stops and writes no workbook. Copy the hamlets' lists of the month (Excel "
        "files filled in from the template MauDanhSachHo.xlsx) into that folder, then check again.",
        "1 file(s), 1 error(s), 2 warning(s).",
    ]
    stopped = _invoke("run", "--input", str(folder), "--output", str(out))
    assert stopped.exit_code == 2
    assert "chưa có danh sách hộ nào của các xóm" in stopped.output
    # the plan named alone: the lists may be elsewhere, nothing said of a run, 0 (unchanged)
    named = _invoke("check", str(folder / "KeHoach_2024.xlsx"), "--no-history")
    assert named.exit_code == 0
    assert named.output.splitlines() == [*TARGET_LINES, "1 tệp, 0 lỗi, 2 cảnh báo."]


def test_check_of_the_plan_beside_a_zip_and_a_photo_says_the_runs_stop_after_their_warnings(
    tmp_path,
):
    # The plan beside Bản Cọ's May list sent as a .zip and a photo: both passed over (warnings),
    # no list; the run stops as for the plan alone ("… và 2 tệp bị bỏ qua"), exit 2.
    folder, out = new_commune(tmp_path)
    (folder / "DS_BanCo_2024-05.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    (folder / "anh.jpg").write_bytes(b"\xff\xd8\xff\xe0 a photo")
    done = _invoke("check", str(folder), "--no-history")
    assert done.exit_code == 1
    lines = done.output.splitlines()
    # the files by name (the passed over ones' words are session 50's), then the stop
    assert [line.split(":")[0] for line in lines[:2]] == [
        "[Cảnh báo] anh.jpg (file-skipped)",
        "[Cảnh báo] DS_BanCo_2024-05.zip (file-skipped)",
    ]
    assert lines[2:] == [*TARGET_LINES, _no_rosters(folder), "3 tệp, 1 lỗi, 4 cảnh báo."]
    stopped = _invoke("run", "--input", str(folder), "--output", str(out))
    assert stopped.exit_code == 2
    assert "và 2 tệp bị bỏ qua" in stopped.output
