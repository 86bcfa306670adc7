"""A refused hamlet's line on the run's screen with a file name longer than the screen: on
lines of its own within cli.SCREEN_WIDTH (100) characters shown, broken at a space or a
folder's '/', nothing of the name left out (session 58, helper D; session 57's R6 left the
line past 100 characters)."""

from __future__ import annotations

import unicodedata

from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import clean_rosters, new_commune

# Bản Cọ's list sent again into a folder of its own, empty (its copy cut off): refused, its
# hamlet told by its name. The name (relative to the input folder) is 16 + 101 = 117 characters.
FOLDER = "Gửi lại tháng 5"
NAME = (
    "Danh sách hộ nghèo, hộ cận nghèo xóm Bản Cọ tháng 5 năm 2024 (bản sửa lần hai, gửi lại "
    "ngày 3-6).xlsx"
)


def _shown(text: str) -> int:
    return sum(1 for ch in text if not unicodedata.combining(ch))


def _refused_lines(output: str, label: str) -> list[str]:
    """The screen's lines from the refused hamlet's to the next that is not under it."""
    lines = output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(f"  {label}: "))
    end = at + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    return lines[at:end]


def _run(tmp_path, name: str, *more: str):
    tmp_path.mkdir(exist_ok=True)
    folder, out = new_commune(tmp_path)
    clean_rosters(folder)
    (folder / "BanCo.xlsx").unlink()
    (folder / FOLDER).mkdir()
    (folder / FOLDER / name).write_bytes(b"")
    return CliRunner().invoke(main, ["run", "--input", str(folder), "--output", str(out), *more])


def test_a_refused_hamlets_long_file_name_is_wrapped_within_the_screen(tmp_path):
    # "  Bị từ chối: Bản Cọ (" (22) + the name (117) + ")" = 140 characters, then " — tệp
    # không có dữ liệu". Before: one line of 163 characters. Now broken at the last space
    # that fits 100 ("… năm 2024" ends at 98, the space after it is the 99th, left out; "(bản"
    # would end at 103), the rest under it after 4 spaces (4 + 40 + 1 = 45), the reason
    # beside it (45 + 3 + 20 = 68). English: "  Rejected: " is 2 shorter, still "(bản" past 100.
    assert len(f"{FOLDER}/{NAME}") == 117
    done = _run(tmp_path, NAME)
    assert done.exit_code == 0
    lines = _refused_lines(done.output, "Bị từ chối")
    assert lines == [
        "  Bị từ chối: Bản Cọ (Gửi lại tháng 5/Danh sách hộ nghèo, hộ cận nghèo xóm Bản Cọ tháng 5 "
        "năm 2024",
        "    (bản sửa lần hai, gửi lại ngày 3-6).xlsx) — tệp không có dữ liệu",
    ]
    assert [_shown(line) for line in lines] == [98, 68]
    english = _refused_lines(_run(tmp_path / "en", NAME, "--lang", "en").output, "Rejected")
    assert english == [
        "  Rejected: Bản Cọ (Gửi lại tháng 5/Danh sách hộ nghèo, hộ cận nghèo xóm Bản Cọ tháng 5 năm "
        "2024",
        "    (bản sửa lần hai, gửi lại ngày 3-6).xlsx) — the file holds no data",
    ]
    assert [_shown(line) for line in english] == [96, 70]


def test_a_name_without_a_space_is_broken_after_a_folders_slash_then_where_the_line_ends(
    tmp_path,
):
    # A name of 110 characters without a space: the line breaks after the folder's '/' (the
    # last break that fits), the name then longer than the 96 left: cut at the 100th character,
    # its end on a third line. No character is left out.
    name = "DS_BanCo_" + "x" * 96 + ".xlsx"
    lines = _refused_lines(_run(tmp_path, name).output, "Bị từ chối")
    assert lines == [
        "  Bị từ chối: Bản Cọ (Gửi lại tháng 5/",
        "    DS_BanCo_" + "x" * 87,
        "    " + "x" * 9 + ".xlsx) — tệp không có dữ liệu",
    ]
    assert "".join(line.strip() for line in lines).replace(" — ", "") == (
        f"Bị từ chối: Bản Cọ (Gửi lại tháng 5/{name})tệp không có dữ liệu"
    )
