"""Session 38: the move from the 2022–2025 poverty standard (in force through 2026, Nghị định
351/2025) to the 2027–2030 one (2,200,000 đ rural): each month's lists are judged by its plan's
standard, and a comparison with last year's month or last month across the change says so
(docs/decisions.md, "a comparison with a year earlier or last month across the standard
change")."""

from __future__ import annotations

import json
from datetime import date

import openpyxl

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_roster

# NM7: 2,000,000 đ a person a month and 3 deprivations. Above the 2022–2025 rural line
# (1,500,000), so not poor in 2026; under the 2027–2030 one (2,200,000): poor from 2027, and on
# the 2027 plan's start list (the review at the end of 2026 by the new standard).
NM7 = {"thu_nhap": 2_000_000}


def _plan(folder, year: int, standard: str) -> None:
    hamlets, listed = plan_hamlets(), start_list()
    if year == 2027:
        hamlets[0].update(start_poor=4)
        listed.insert(5, dict(person("NM7", "poor", **NM7), hamlet="Nà Mòn", stt=0))
        for stt, row in enumerate(listed, start=1):
            row["stt"] = stt
    info = dict(PLAN_INFO, plan_year=year, standard=standard, poor_target=0.5,
                near_poor_target=0.3)  # fmt: skip
    write_plan_workbook(folder / f"KeHoach_{year}.xlsx", info, hamlets, listed)


def _lists(folder, period: str, nm7: bool) -> None:
    """Every hamlet's list of ``period``: its start-of-2026 households as they were, and NM7
    written poor when ``nm7``."""
    when = {"period": period, "prepared": date(int(period[:4]) + (period[5:] == "12"),
                                               int(period[5:]) % 12 + 1, 3)}  # fmt: skip
    for hamlet, code, total in (("Nà Mòn", "NM", 100), ("Bản Cọ", "BC", 200),
                                ("Đồng Kè", "DK", 150)):  # fmt: skip
        rows = [person(r["ma_ho"], "poor" if r["phan_loai"] == "Hộ nghèo" else "near_poor")
                for r in start_list() if r["hamlet"] == hamlet]  # fmt: skip
        if nm7 and code == "NM":
            rows.append(person("NM7", "poor", **NM7))
        write_roster(folder, f"{code}_{period}.xlsx", hamlet, total, rows, **when)


def _run(folder, out, period: str) -> tuple[dict, list, dict]:
    """The run of ``period``: its JSON, its issues and the first column of each sheet's text."""
    result, _, _ = execute(folder, out, period)
    month = out / period
    summary = json.loads((month / f"TongHop_{period}.json").read_text(encoding="utf-8"))
    book = openpyxl.load_workbook(month / f"TongHop_{period}.xlsx")
    text = {
        name: [
            " | ".join(str(v) for v in row if v is not None)
            for row in book[name].iter_rows(values_only=True)
            if any(row)
        ]  # fmt: skip
        for name in ("Tổng hợp", "Xu hướng", "Biến động", "Thiếu hụt")
    }
    return summary, result.issues, text


def _mismatches(issues: list) -> list:
    return [(i.file, i.cell) for i in issues if i.code == "classification-mismatch"]


def test_a_year_earlier_by_the_old_standard_is_said_so(tmp_path):
    """January 2026 (2022–2025): 6 poor, 4 near-poor of 450 households (1.33 %, 0.89 %).
    December 2026: Nà Mòn writes NM7 poor, which the 2022–2025 line makes not poor (warned,
    kept: 7 poor). January 2027 (plan 2027, 2027–2030): the same households, NM7 poor by the
    new line (no warning): 7 of 450 = 1.56 %, up 0.22 points on January 2026 — a rise the new
    standard made, which 'Tổng hợp' and 'Xu hướng' said as a rise alone."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    _plan(folder, 2026, "2022-2025")
    _lists(folder, "2026-01", nm7=False)
    january_2026, issues, _ = _run(folder, out, "2026-01")
    assert (january_2026["standard"], january_2026["totals"]["poor"]) == ("2022-2025", 6)
    assert january_2026["year_on_year"] is None and _mismatches(issues) == []
    _lists(folder, "2026-12", nm7=True)
    december, issues, _ = _run(folder, out, "2026-12")
    assert (december["standard"], december["totals"]["poor"]) == ("2022-2025", 7)
    assert _mismatches(issues) == [("NM_2026-12.xlsx", "I10")]  # NM7, the list's 6th row
    _plan(folder, 2027, "2027-2030")
    _lists(folder, "2027-01", nm7=True)
    summary, issues, text = _run(folder, out, "2027-01")
    assert (summary["standard"], summary["plan_year"], summary["totals"]["poor"]) == (
        "2027-2030", 2027, 7)  # fmt: skip
    assert _mismatches(issues) == []  # 2,000,000 ≤ 2,200,000 with 3 deprivations: poor
    yoy = summary["year_on_year"]
    assert (yoy["period"], yoy["standard"]) == ("2026-01", "2022-2025")
    assert round(yoy["poor_rate"], 4) == round(6 / 450 * 100, 4) == 1.3333
    assert round(yoy["poor_rate_change"], 4) == round((7 - 6) / 450 * 100, 4) == 0.2222
    assert yoy["near_poor_rate_change"] == 0
    said = (
        "Tháng 1/2026 tính theo chuẩn nghèo 2022-2025, tháng 1/2027 theo chuẩn nghèo "
        "2027-2030: thay đổi này có phần do đổi chuẩn nghèo, không phải chỉ là kết quả giảm "
        "nghèo (hay tăng nghèo)."
    )
    headline = next(line for line in text["Tổng hợp"] if line.startswith("So với cùng kỳ"))
    assert headline == (
        "So với cùng kỳ năm trước (tháng 1/2026): tỷ lệ hộ nghèo tăng 0,22 điểm %; tỷ lệ hộ "
        f"cận nghèo không đổi. {said}"
    )
    # on two lines: the headline's style wraps (it ran off the page on one)
    sheet = openpyxl.load_workbook(out / "2027-01" / "TongHop_2027-01.xlsx")["Tổng hợp"]
    cell = next(c for (c,) in sheet.iter_rows(max_col=1) if c.value == headline)
    assert cell.alignment.wrap_text and cell.font.b
    rows = [line for line in text["Tổng hợp"]
            if line.startswith(("Tỷ lệ cùng kỳ", "Thay đổi so với cùng kỳ"))]  # fmt: skip
    assert rows[0].endswith("| Tháng 1/2026, theo chuẩn nghèo 2022-2025")
    # beside the table's change row in a few words: the row above names both standards, and
    # the whole sentence there pushed section I off page 1 under the headline
    assert rows[1].endswith(
        "| = tỷ lệ hiện tại − tỷ lệ cùng kỳ; số âm là giảm. Hai tháng theo hai chuẩn nghèo "
        "khác nhau: thay đổi có phần do đổi chuẩn."
    )
    assert (
        "Thay đổi = tỷ lệ tháng 1/2027 − tỷ lệ tháng 1/2026; số âm là giảm. " + said
        in text["Xu hướng"]
    )
    # 'Biến động' section II compares with December 2026's lists, of the old standard
    assert summary["previous_standard"] == "2022-2025"
    assert (
        text["Biến động"].count(
            "Tháng 12/2026 tính theo chuẩn nghèo 2022-2025, tháng này theo chuẩn nghèo 2027-2030; "
            "danh sách đầu năm 2027 đã rà soát theo chuẩn 2027-2030, nên biến động so với tháng "
            "12/2026 gồm cả các hộ vào, ra danh sách do đổi chuẩn nghèo. Biến động trong năm: mục I."
        )
        == 1
    )  # under section II alone
    # February 2027 against February 2026, never consolidated, and January 2027: nothing said
    _lists(folder, "2027-02", nm7=True)
    february, _, text = _run(folder, out, "2027-02")
    assert february["year_on_year"] is None and "previous_standard" not in february
    said = [line for name in ("Tổng hợp", "Xu hướng", "Biến động") for line in text[name]]
    assert not any("2022-2025" in line for line in said)


ASSUMED = (
    "Chuẩn nghèo 2027-2030: danh mục chỉ số thiếu hụt theo Nghị định 351/2025 chưa được xác "
    "nhận trong công cụ này, nên công cụ vẫn dùng 12 chỉ số của chuẩn 2022-2025 (dự thảo bỏ "
    "'Phương tiện phục vụ tiếp cận thông tin', thêm 'Xử lý rác thải'). Hãy đối chiếu với văn "
    "bản hướng dẫn trước khi dùng số liệu thiếu hụt."
)


def test_the_unconfirmed_2027_indicators_are_said_as_assumed(tmp_path):
    """The 2027–2030 indicator list is unconfirmed (DOMAIN §2.1): a 2027 run keeps the 12
    indicators of 2022–2025 and says so under 'Thiếu hụt' and on the screen; a 2026 run (the
    2022–2025 standard, confirmed) says nothing."""
    from pipeline.cli import _indicators_assumed

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    _plan(folder, 2026, "2022-2025")
    _lists(folder, "2026-12", nm7=False)
    _, _, text = _run(folder, out, "2026-12")
    assert not any("351/2025" in line for line in text["Thiếu hụt"])
    _plan(folder, 2027, "2027-2030")
    _lists(folder, "2027-01", nm7=True)
    summary, _, text = _run(folder, out, "2027-01")
    assert text["Thiếu hụt"].count(ASSUMED) == 1
    assert _indicators_assumed(summary, "vi") == [
        "Lưu ý: chỉ số thiếu hụt của chuẩn 2027-2030 chưa được xác nhận; công cụ vẫn dùng 12 "
        "chỉ số của chuẩn 2022-2025 (xem ghi chú trang 'Thiếu hụt')."
    ]
    assert _indicators_assumed({"standard": "2022-2025"}, "vi") == []
