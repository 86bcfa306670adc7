"""Session 46 (helper N): the words of a list naming the old commune in a month the history
cannot tell before or after the merger (plan-duplicate 'commune-not-run-unsure').

Session 25's merger on the small commune (tests.test_session25_commune_merger): Trung Lương's
plan (KeHoach_2025.xlsx, Nà Mòn, Bản Cọ) and Định Hóa's saved later (KeHoach_2025_DinhHoa.xlsx,
with Khuôn Tát); the tool first used in July 2025, run for Định Hóa; May's lists (Nà Mòn,
Bản Cọ, each writing 'Trung Lương' in B2) come late."""

from __future__ import annotations

from pipeline.checkfiles import check_files
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import execute
from schemas.issues import CATALOGUE
from tests.test_session25_commune_merger import write_merger_month
from tests.test_session46_plan_pick import first_used_in_july


def _mismatches(result) -> list[tuple[str, str, str]]:
    """The lists naming a commune of another plan in the folder (not Khuôn Tát's 'Phú Đình')."""
    return sorted((i.file, i.variant, i.message()) for i in result.issues
                  if i.code == "commune-mismatch" and i.variant.startswith("former"))  # fmt: skip


def test_a_month_unsure_of_its_commune_does_not_tell_the_lists_to_write_the_new_name(tmp_path):
    """May takes Định Hóa's plan, and KeHoach_2025.xlsx is said set aside with how to count May
    as Trung Lương's. Before: each May list was also told "Từ nay hãy ghi 'Định Hóa' ở ô này"
    (2 lists; fails before), the opposite advice. Now both are said as they fit: if May is
    Trung Lương's, do as the plan's warning says; if not, write 'Định Hóa'; the head is told
    to write 'Định Hóa' only if the hamlet was Định Hóa's in May. July's Nà Mòn list writing
    'Trung Lương' is still told to write 'Định Hóa' (July is after the merger). `check` of
    May's files before May is run says the same."""
    folder, out = first_used_in_july(tmp_path)
    july, _, _ = execute(folder, out, "2025-07")
    former = (
        "Tên xã 'Trung Lương' là tên xã trước khi sáp nhập (kế hoạch 'KeHoach_2025.xlsx' trong "
        "thư mục); kế hoạch đang dùng là của xã Định Hóa. Danh sách vẫn được tính. "
    )
    assert _mismatches(july) == [
        ("NM_2025-07.xlsx", "former", former + "Từ nay hãy ghi 'Định Hóa' ở ô này.")
    ]
    write_merger_month(folder, 5)
    files = [*sorted(folder.glob("KeHoach_*.xlsx")), *sorted(folder.glob("*_2025-05.xlsx"))]
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    checked = [(i.file, i.variant) for i in check_files(files, "vi", history)
               if i.code in ("commune-mismatch", "plan-duplicate")]  # fmt: skip
    assert checked == [("BC_2025-05.xlsx", "former-unsure"), ("NM_2025-05.xlsx", "former-unsure"),
                       ("KeHoach_2025.xlsx", "commune-not-run-unsure")]  # fmt: skip
    may, _, _ = execute(folder, out, "2025-05")
    unsure = (
        former + "Nếu kỳ này là của xã 'Trung Lương' (trước khi sáp nhập), hãy làm như cảnh "
        "báo về tệp 'KeHoach_2025.xlsx' nói; nếu không, từ nay hãy ghi 'Định Hóa' ở ô này."
    )
    assert _mismatches(may) == [
        ("BC_2025-05.xlsx", "former-unsure", unsure),
        ("NM_2025-05.xlsx", "former-unsure", unsure),
    ]
    (issue,) = [i for i in may.issues if i.code == "commune-mismatch" and i.file[:2] == "NM"]
    assert issue.message("en") == (
        "Commune 'Trung Lương' is the name before the merger (plan 'KeHoach_2025.xlsx' in the "
        "folder); the plan used is commune Định Hóa's. The list is counted. If this period is "
        "of commune 'Trung Lương' (before the merger), do as the warning on "
        "'KeHoach_2025.xlsx' says; if not, from now on write 'Định Hóa' in this cell."
    )
    head = CATALOGUE["commune-mismatch"].head_variant(issue.variant)
    assert CATALOGUE["commune-mismatch"].template("vi", head).format(
        value="Trung Lương", detail="Định Hóa"
    ) == (
        "Tên xã 'Trung Lương' là tên xã trước khi sáp nhập; kế hoạch xã đang dùng là của xã "
        "Định Hóa. Danh sách vẫn được tính. Nếu kỳ này xóm đã thuộc xã Định Hóa, từ nay hãy "
        "ghi 'Định Hóa' ở ô này."
    )
