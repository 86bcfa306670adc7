"""A line of the run's screen broken within 100 characters (session 58, D and D2) is not broken
inside a hamlet's name: "… của xóm Nà" / "    Mòn: …" reads as two hamlets, 'Nà' and 'Mòn'
(session 58, R4's review of D's refused lines)."""

from __future__ import annotations

import os
import unicodedata

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.sample import generate_sample


def _shown(text: str) -> int:
    return sum(1 for ch in text if not unicodedata.combining(ch))


def test_a_copied_list_s_refused_line_breaks_before_the_hamlet_copied_not_inside_it(tmp_path):
    # The sample's May of 4 hamlets; 'DS_KhauLang_2024-05.xlsx' holds the very bytes of Nà Mòn's
    # list (session 43): Khau Lang refused, its line "  Bị từ chối: Khau Lang
    # (DS_KhauLang_2024-05.xlsx giống hệt tệp DS_NaMon_2024-05.xlsx của xóm Nà Mòn: xóm chưa gửi
    # danh sách của mình)", 137 characters: 25 to the bracket, + 24 the file, + 15 ' giống hệt
    # tệp ', + 21 Nà Mòn's file, + 8 ' của xóm' = 93; ' Nà' ends at 96, ' Mòn:' at 101. D's
    # break at the last space that fits put 'Nà' on the first line and 'Mòn' on the second.
    # Now the break is the space before 'Nà Mòn' (93 characters), the rest under 4 spaces (4 +
    # 40 = 44). English breaks after "file" (before 'DS_NaMon…', no name there): unchanged.
    folder, out = tmp_path / "input", tmp_path / "output"
    generate_sample(folder, hamlets=4, households=5, months=1)
    own, copy = folder / "DS_NaMon_2024-05.xlsx", folder / "DS_KhauLang_2024-05.xlsx"
    copy.write_bytes(own.read_bytes())
    os.utime(own, (1717300000, 1717300000))
    os.utime(copy, (1717400000, 1717400000))  # the copy saved the later
    done = CliRunner().invoke(main, ["run", "--input", str(folder), "--output", str(out)])
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  Bị từ chối: Khau Lang"))
    assert lines[at : at + 2] == [
        "  Bị từ chối: Khau Lang (DS_KhauLang_2024-05.xlsx giống hệt tệp DS_NaMon_2024-05.xlsx "
        "của xóm",
        "    Nà Mòn: xóm chưa gửi danh sách của mình)",
    ]
    assert [_shown(line) for line in lines[at : at + 2]] == [93, 44]
    english = CliRunner().invoke(
        main, ["run", "--input", str(folder), "--output", str(out), "--lang", "en"]
    )
    lines = english.output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  Rejected: Khau Lang"))
    assert lines[at : at + 2] == [
        "  Rejected: Khau Lang (DS_KhauLang_2024-05.xlsx is the very same as Nà Mòn's file",
        "    DS_NaMon_2024-05.xlsx: the hamlet has not sent its own list)",
    ]
