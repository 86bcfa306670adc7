"""Session 23: the warning that a list's 'Tổng số hộ dân cư' is far from the plan's count says
"the hamlet's rates use the number written" only of a list that counts."""

from __future__ import annotations

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.commune import person, write_plan, write_roster

NOT_COUNTED = (
    "'Tổng số hộ dân cư' ({}) khác xa số hộ đầu năm trong kế hoạch ({} hộ). Hãy kiểm tra lại: "
    "ô này ghi tổng số hộ dân cư của cả xóm, không phải số hộ nghèo và cận nghèo."
)


def _far(issues) -> dict[str, str]:
    return {i.file: i.message() for i in issues if i.code == "total-far-from-plan"}


def test_a_far_total_on_a_refused_list_is_said_without_the_rates(tmp_path):
    """Đồng Kè (150 households in the plan) writes 'Tổng số hộ dân cư' 1 over two poor
    households: refused for it (total-less-than-listed at B5). The warning at the same cell
    said 1 is far from 150 and "the hamlet's rates use the number written", which
    contradicted the refusal (no rate is worked out); it now keeps only its advice, the likely
    reason for the error. Bản Cọ's two rows both wrong (0 people, born in 1800), total 2 for
    the plan's 200: refused for its rows (all-rows-rejected), told the same. Nà Mòn's list
    counts, its 5 for the plan's 100 used for its rates: told so."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 5, [person("NM1", "poor")])
    write_roster(
        tmp_path, "DongKe.xlsx", "Đồng Kè", 1, [person("DK1", "poor"), person("DK2", "poor")]
    )
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 2,
                 [person("BC1", "poor", nhan_khau=0),
                  person("BC2", "poor", nam_sinh=1800)])  # fmt: skip
    result, _ = collect(tmp_path, None, workers=0)
    status = {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}
    assert status == {"Nà Mòn": "ok", "Bản Cọ": "rejected", "Đồng Kè": "rejected"}
    refusals = {i.file: i.code for i in result.issues if i.severity == "error" and not i.row}
    assert refusals == {"DongKe.xlsx": "total-less-than-listed", "BanCo.xlsx": "all-rows-rejected"}
    far = _far(result.issues)
    assert far["DongKe.xlsx"] == NOT_COUNTED.format(1, 150)
    assert far["BanCo.xlsx"] == NOT_COUNTED.format(2, 200)
    assert far["NaMon.xlsx"].startswith(
        "'Tổng số hộ dân cư' (5) khác xa số hộ đầu năm trong kế hoạch (100 hộ); tỷ lệ của xóm "
        "được tính theo số đã ghi. Hãy kiểm tra lại"
    )
    # `check` says the same of each
    assert _far(check_files([tmp_path])) == far
