"""Session 58 (helper H2): a late list of a consolidated month under the name its hamlet had
before that month's plan renamed it, the renamed hamlet merged since into another (helper H's
Left of "a hamlet new in a revised plan beside its start list…", (d)): the run and `check` tell
it as the renamed hamlet's own list of that month, to be written under that month's name, not
the merged hamlet's, and that month run again with the plan it used.

Session 56 M's households (tests.test_session56_m_small_merger). March 2024: Nà Mòn An 001,
Cường 003 poor, Bình 002 near-poor; Bản Cọ Dũng, Em, Phương, Tám; Đồng Kè Giang, Hải. April's
plan renames Bản Cọ 'Bản Cọ Mới'; May's merges it into Nà Mòn (its households on Nà Mòn's
start list and list). A corrected April list of the hamlet arrives in June, its 'Xóm' 'Bản Cọ'
(March's name)."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.messages import in_language
from pipeline.output import NOTICES
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import na_mon_rows
from tests.test_session56_m_small_merger import (
    AN,
    BINH,
    CUONG,
    DUNG,
    EM,
    GIANG,
    HAI,
    PHUONG,
    TAM,
    merged_lists,
    run_month,
    write_plans,
)

LATE = "BanCo_sua_2024-04.xlsx"


def _late_april(tmp_path) -> tuple:
    """March, April (renamed), May (merged) run; the corrected April list written. Returns the
    input and output folders and May's lists."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    march = {"Nà Mòn": [AN, BINH, CUONG], "Bản Cọ": [DUNG, EM, PHUONG, TAM],
             "Đồng Kè": [GIANG, HAI]}  # fmt: skip
    write_plans(folder, {2024: march})
    run_month(folder, out, "2024-03", march, date(2024, 4, 3))
    april = {"Nà Mòn": march["Nà Mòn"], "Bản Cọ Mới": march["Bản Cọ"], "Đồng Kè": [GIANG, HAI]}
    write_plans(folder, {2024: april})
    run_month(folder, out, "2024-04", april, date(2024, 5, 3))
    may = merged_lists({})
    write_plans(folder, {2024: may})
    run_month(folder, out, "2024-05", may, date(2024, 6, 3))
    corrected = [DUNG, EM, (*PHUONG[:3], "poor"), TAM]
    write_roster(folder, LATE, "Bản Cọ", 100, na_mon_rows(corrected, hamlet="Bản Cọ"), "2024-04",
                 date(2024, 6, 5))  # fmt: skip
    return folder, out, may


def test_the_run_tells_the_late_list_as_the_renamed_hamlets_own(tmp_path):
    """May run again with the late April list in the folder: the notice names Bản Cọ Mới's April
    list, says the file writes 'Bản Cọ' where April's plan writes 'Bản Cọ Mới', and to run April
    again with its kept plan. Before: "Có danh sách kỳ 04/2024 của xóm Nà Mòn (…) khác với tệp
    đã dùng" (as if Nà Mòn's own April list were replaced) and no word of the name."""
    folder, out, may = _late_april(tmp_path)
    NOTICES.clear()
    run_month(folder, out, "2024-05", may, date(2024, 6, 3))
    said = [in_language(n, "vi") for n in NOTICES]
    late = [text for text in said if text.startswith("Có danh sách kỳ 04/2024")]
    assert len(late) == 1
    assert late[0].startswith(
        f"Có danh sách kỳ 04/2024 của xóm Bản Cọ Mới ('{LATE}') khác với tệp đã dùng khi tổng hợp "
        "kỳ đó (có thể là bản sửa). Để tính lại kỳ đó, hãy sửa ô 'Xóm' thành tên xóm như trong "
        f"kế hoạch của kỳ đó — tệp '{LATE}' ghi 'Bản Cọ' ở ô B3 trang 'Thông tin', kế hoạch kỳ "
        "đó ghi là 'Bản Cọ Mới' — rồi chạy lại kỳ đó với kế hoạch đã dùng khi đó"
    ), late[0]
    assert "xóm Nà Mòn" not in late[0]


def test_check_tells_the_late_list_as_the_renamed_hamlets_own(tmp_path):
    """`check` of the input folder: the late list's refusal says 'Bản Cọ' is Bản Cọ Mới's name
    before April, merged into Nà Mòn from May, its own list in April: write 'Bản Cọ Mới', not
    'Nà Mòn', and run April again with its plan. Before: "xóm 'Bản Cọ' đã sáp nhập vào xóm 'Nà
    Mòn' (trong kế hoạch từ kỳ 04/2024) … sửa ô 'Xóm' thành 'Nà Mòn'" (the opposite of the
    run's words, and untrue of April)."""
    folder, out, _ = _late_april(tmp_path)
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    errors = [s for s in checked.splitlines() if s.startswith("[LỖI]")]
    assert errors == [
        f"[LỖI] {LATE}, Thông tin, B3 (unknown-hamlet): Ô 'Xóm' ghi 'Bản Cọ', là tên cũ của xóm "
        "'Bản Cọ Mới' (tên trong kế hoạch kỳ 04/2024; từ kỳ 05/2024 xóm này sáp nhập vào xóm "
        "'Nà Mòn', nhưng kỳ 04/2024 xóm có danh sách riêng: đừng ghi tên xóm 'Nà Mòn', và chạy "
        "lại kỳ 04/2024 với kế hoạch đã dùng khi đó), nên danh sách chưa được tính. Hãy sửa ô "
        "'Xóm' thành 'Bản Cọ Mới' đúng như trong kế hoạch rồi gửi lại."
    ]
