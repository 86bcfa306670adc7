"""Session 57 (helper H): a compressed file named for a hamlet that sent nothing else is named
on its line, as a shortcut or a hidden file is (sessions 50-51).

Found in the officer's pass over the screen: a hamlet's list zipped by Zalo
('DS_BanCo_2024-05.zip' among the sample's lists) read "Chưa nộp: Bản Cọ" on screen and
"Chưa nộp" on 'Nộp báo cáo'; only its `file-skipped` line among the files skipped on 'Lỗi dữ
liệu' said the list was inside. The officer calls the hamlet for a list already in his folder.

tests.commune.may_folder: the plan and May's lists of Nà Mòn and Bản Cọ, Đồng Kè silent.
"""

from __future__ import annotations

import zipfile

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import may_folder, person, write_roster
from tests.test_session50_input_messages import reporting_rows

ZIP_VI = (
    "Chưa nộp: có tệp nén mang tên xóm, chưa giải nén nên chưa được đọc (xem trang 'Lỗi dữ liệu')"
)


def _zipped(folder, name: str) -> None:
    """Đồng Kè's May list written, put into ``name`` in ``folder`` and taken out."""
    write_roster(folder, "DS_DongKe_2024-05.xlsx", "Đồng Kè", 150, [person("DK1", "poor")])
    with zipfile.ZipFile(folder / name, "w") as packed:
        packed.write(folder / "DS_DongKe_2024-05.xlsx", "DS_DongKe_2024-05.xlsx")
    (folder / "DS_DongKe_2024-05.xlsx").unlink()


def test_a_zip_named_for_a_hamlet_that_sent_nothing_is_named_on_its_line_and_screen(tmp_path):
    """'DS_DongKe_2024-05.zip' holding Đồng Kè's list: 'Nộp báo cáo' says a compressed file
    named for it was found and names it (before: "Chưa nộp", no file); the screen reads "Chưa
    nộp: Đồng Kè (tệp nén DS_DongKe_2024-05.zip chưa giải nén, xem trang 'Lỗi dữ liệu')"
    (before: "Chưa nộp: Đồng Kè"). Nothing counted for it, exit 0, as before."""
    folder = may_folder(tmp_path)
    _zipped(folder, "DS_DongKe_2024-05.zip")
    rows = reporting_rows(folder)
    assert rows["Đồng Kè"][2:6] == (ZIP_VI, "DS_DongKe_2024-05.zip", None, None)
    assert reporting_rows(folder, "en")["Đồng Kè"][2] == (
        "Not submitted: a compressed file named for the hamlet, not unpacked, not read (see "
        "sheet 'Lỗi dữ liệu')"
    )
    ran = CliRunner().invoke(
        main, ["run", "--input", str(folder), "--output", str(tmp_path / "ra")]
    )
    assert ran.exit_code == 0
    assert [s for s in ran.output.splitlines() if s.startswith("  Chưa nộp")] == [
        "  Chưa nộp: Đồng Kè (tệp nén DS_DongKe_2024-05.zip chưa giải nén, xem trang 'Lỗi dữ liệu')"
    ]


@pytest.mark.parametrize("name", ["cac_xom_thang5.zip", "T4/DongKe.zip"])
def test_a_zip_naming_no_hamlet_or_of_another_month_is_not_named(tmp_path, name):
    """Guards: a zip naming no hamlet ('cac_xom_thang5.zip'), or Đồng Kè's in April's folder
    ('T4/DongKe.zip': April's file, as a shortcut there is): a bare "Chưa nộp"."""
    folder = may_folder(tmp_path)
    (folder / name).parent.mkdir(exist_ok=True)
    _zipped(folder, name)
    assert reporting_rows(folder)["Đồng Kè"][2:4] == ("Chưa nộp", None)
