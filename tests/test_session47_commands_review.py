"""Session 47: review of the commands printed to paste and the words after them
(docs/decisions.md, "Session 47: the plan set aside for several months says those months";
"Session 47: review of the commands printed to paste").

Session 25's merger of 1 July 2025 on the small commune (tests.commune): Trung Lương
(KeHoach_2025.xlsx) joins Định Hóa (KeHoach_2025_DinhHoa.xlsx, saved later) on 1 July 2025."""

from __future__ import annotations

from pipeline.checkfiles import check_files
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import execute
from tests.test_session25_commune_merger import _merger, _month


def test_the_plan_set_aside_for_two_months_says_those_months(tmp_path):
    """May and June run for Trung Lương, July for Định Hóa; `check` of the folder says Định
    Hóa's plan set aside once for May and June. Its words named the two months, then went on
    "không dùng tệp này cho kỳ này" ("for this period"): which one? Now "các kỳ tháng 5/2025,
    6/2025 … cho các kỳ đó" ("months 5/2025, 6/2025 … for those months"); a month's run says
    it for its month as before."""
    folder, out, _ = _merger(tmp_path)
    _month(folder, 5)
    execute(folder, out, "2025-05")
    execute(folder, out, "2025-07")
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    [_, both] = [i for i in check_files([folder], "vi", history) if i.code == "plan-duplicate"]
    assert (both.file, both.detail) == ("KeHoach_2025_DinhHoa.xlsx", "KeHoach_2025.xlsx")
    assert both.message("vi").startswith(
        "Có hai tệp kế hoạch cùng năm của hai xã khác nhau (như khi sáp nhập xã): tệp đã dùng "
        "là kế hoạch của xã 'Trung Lương' (các kỳ tháng 5/2025, 6/2025 đã được tổng hợp theo "
        "xã 'Trung Lương' nên dùng lại kế hoạch của xã đó), tệp này của xã 'Định Hóa'; đã dùng "
        "'KeHoach_2025.xlsx', không dùng tệp này cho các kỳ đó. Hãy để cả hai tệp trong thư "
        "mục: "
    )
    assert both.message("en").startswith(
        "Two plan workbooks of the same year, of two different communes (as at a commune "
        "merger): the plan used is for commune 'Trung Lương' (months 5/2025, 6/2025 were "
        "consolidated for commune 'Trung Lương', so its plan is used again), this one for "
        "commune 'Định Hóa'; used 'KeHoach_2025.xlsx', not this one for those months. Keep "
        "both in the folder: "
    )
    # the rest as a month's: May's run says it for May alone
    may, _, _ = execute(folder, out, "2025-05")
    [said] = [i for i in may.issues if i.code == "plan-duplicate"]
    assert said.message("vi").startswith(
        "Có hai tệp kế hoạch cùng năm của hai xã khác nhau (như khi sáp nhập xã): tệp đã dùng "
        "là kế hoạch của xã 'Trung Lương' (kỳ tháng 5/2025 đã được tổng hợp theo xã 'Trung "
        "Lương' nên dùng lại kế hoạch của xã đó), tệp này của xã 'Định Hóa'; đã dùng "
        "'KeHoach_2025.xlsx', không dùng tệp này cho kỳ này. Hãy để cả hai tệp trong thư mục: "
    )
    tail = "Hãy để cả hai tệp trong thư mục: "
    assert both.message("vi").split(tail)[1] == said.message("vi").split(tail)[1]
