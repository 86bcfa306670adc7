"""Session 57 (helper D3): D2's Left: in the month a plan without a start list drops a small
hamlet that its lists alone merge (renames.lists_alone), a list sent apart under the hamlet's
old name was refused with the plain words, "Hãy ghi đúng tên xóm như trong kế hoạch (Nà Mòn,
Đồng Kè)": done so, the list would replace Nà Mòn's whole list. Now it is told the merger and
that its households belong on Nà Mòn's list (renames._joined_by_lists).

Session 56 M's commune (tests.test_session56_m_small_merger): April Nà Mòn An, Cường poor,
Bình near-poor; Bản Cọ Dung, Em, Tám poor, Phương near-poor; Đồng Kè Giang poor, Hải
near-poor. May's plan has no Bản Cọ and no start list; May's lists write Dung, Em, Phương
under Nà Mòn, Tám under Đồng Kè (D's merger: 3 of 4)."""

from __future__ import annotations

from datetime import date

from tests.test_session56_m_small_merger import (
    DECEMBER,
    DUNG,
    EM,
    PHUONG,
    TAM,
    merged_lists,
    run_month,
    write_plans,
)
from tests.test_session56_r5_turn_review import issues_of
from tests.test_session57_d_small_merger_by_lists import plan_without_start_list


def _may_with_a_list_apart(tmp_path, apart: list[tuple]) -> tuple:
    """April run; May's plan without Bản Cọ and without a start list; May's lists as D's and a
    list under 'Bản Cọ' of ``apart`` (its file DS_2_2024-05.xlsx). May's JSON, the output."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: DECEMBER})
    run_month(folder, out, "2024-04", DECEMBER, date(2024, 5, 3))
    may = merged_lists({})
    plan_without_start_list(folder, 2024, may)
    lists = {**may, "Bản Cọ": apart}
    return run_month(folder, out, "2024-05", lists, date(2024, 6, 3)), out


def test_a_list_apart_in_the_month_of_a_merger_by_the_lists_alone_is_told_the_merger(tmp_path):
    """Bản Cọ's head sends May's list of all four apart (Tám on Đồng Kè's list too). Refused,
    the figures counting the merger as without it (Nà Mòn counted, merged from Bản Cọ); the
    words say Bản Cọ merged into Nà Mòn from 05/2024, its households on Nà Mòn's list, and not
    to write 'Nà Mòn' in its cell. Before: "Xóm 'Bản Cọ' không có trong kế hoạch của xã. Hãy
    ghi đúng tên xóm như trong kế hoạch (Nà Mòn, Đồng Kè). …"."""
    summary, out = _may_with_a_list_apart(tmp_path, [DUNG, EM, PHUONG, TAM])
    assert [(h["hamlet"], h["status"], h.get("merged_from")) for h in summary["hamlets"]] == [
        ("Nà Mòn", "ok", ["Bản Cọ"]), ("Đồng Kè", "ok", None)]  # fmt: skip
    assert issues_of(out, "2024-05") == [(
        "Bản Cọ", "Bản Cọ", "unknown-hamlet",
        "Ô 'Xóm' ghi 'Bản Cọ': xóm 'Bản Cọ' đã sáp nhập vào xóm 'Nà Mòn' (trong kế hoạch từ "
        "kỳ 05/2024), các hộ ghi trong danh sách xóm 'Nà Mòn', và xóm 'Nà Mòn' đã gửi danh "
        "sách kỳ này, nên danh sách riêng này không được tính. Hộ nào trong danh sách này chưa "
        "có trong danh sách của xóm nào gửi kỳ này, trưởng xóm 'Nà Mòn' cần ghi vào danh sách "
        "của xóm 'Nà Mòn' (một danh sách cho cả xóm) rồi gửi lại; chừng nào chưa ghi, các hộ "
        "này chưa được tính. Không sửa ô 'Xóm' thành 'Nà Mòn' để gửi lại danh sách này: mỗi "
        "xóm, xã chỉ tính một danh sách, và danh sách này sẽ thay cho danh sách của cả xóm 'Nà "
        "Mòn'.",
    )]  # fmt: skip


def test_a_list_apart_whose_households_are_all_on_the_list_they_joined_need_not_be_sent(
    tmp_path,
):
    """Bản Cọ's head sends Dung and Em apart, both on Nà Mòn's May list: told, as for a
    merger the start list tells (session 36 QA), that every household is on Nà Mòn's list and
    the list need not be sent again."""
    summary, out = _may_with_a_list_apart(tmp_path, [DUNG, EM])
    assert summary["hamlets"][0]["merged_from"] == ["Bản Cọ"]
    assert issues_of(out, "2024-05") == [(
        "Bản Cọ", "Bản Cọ", "unknown-hamlet",
        "Ô 'Xóm' ghi 'Bản Cọ': xóm 'Bản Cọ' đã sáp nhập vào xóm 'Nà Mòn' (trong kế hoạch từ "
        "kỳ 05/2024), và mọi hộ trong danh sách này đều đã có trong danh sách xóm 'Nà Mòn' gửi "
        "kỳ này, nên danh sách riêng này không được tính và không cần gửi lại (có thể bỏ tệp "
        "ra khỏi thư mục đầu vào). Không sửa ô 'Xóm' thành 'Nà Mòn': mỗi xóm, xã chỉ tính một "
        "danh sách, và danh sách này sẽ thay cho danh sách của cả xóm 'Nà Mòn'.",
    )]  # fmt: skip
