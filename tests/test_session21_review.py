"""Session 21's review: defects found in the session's changes, each with hand-worked values."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline import figures
from pipeline.rosterchecks import left_in_history
from pipeline.timeline import NOT_COUNTED


def test_name_keys_asked_one_by_one_are_the_whole_frames():
    """figures.NameKeys answers as name_keys_by_key: a key's last row, nothing for a row that
    names no head or writes a birth year that is no number, nothing for a key not there."""
    frame = pd.DataFrame(
        {
            "hamlet": ["Nà Mòn", "Nà Mòn", "Bản Cọ", "Bản Cọ", "Bản Cọ"],
            "hh_key": ["id|a1", "id|a1", "id|b1", "name|Bản Cọ|lo thi c|", "id|b3"],
            "ma_ho": ["A1", "A1", "B1", "", "B3"],
            "chu_ho": ["Nông Văn Á", "Nông Văn Ánh", "", "Lò Thị C", "Hà Văn D"],
            "nam_sinh": [1970, 1971, 1980, None, "năm"],
        }
    )
    whole = figures.name_keys_by_key(frame)
    asked = figures.NameKeys(frame)
    for key in [*frame["hh_key"], "id|zz"]:
        assert asked.get(key) == whole.get(key)
    assert asked.get("id|a1") == "name|Nà Mòn|nong van anh|1971"
    assert asked.get("id|b1") is None and asked.get("id|b3") is None
    assert asked.get("id|zz", "x") == "x"


def _history(rows: dict[str, pd.DataFrame], hamlets: list[str]):
    class History:
        def periods(self):
            return [{"period": m, "hamlets": [{"hamlet": h, "status": "ok"} for h in hamlets]}
                    for m in rows]  # fmt: skip

        def statuses(self, periods):
            return pd.concat([rows[p][["period", "hamlet", "hh_key", "status"]] for p in periods])

        def households(self, periods):
            return pd.concat([rows[p] for p in periods])

    return History()


def test_households_left_at_province_scale_fold_only_the_names_asked(monkeypatch):
    """A row marked nowhere in one hamlet's 'Đầu kỳ | Cuối kỳ' list asks which households left
    the lists this year: with 11 stored months, some households leaving and some rows left out
    for an error every month, the names of the few asked are worked out, not every row's of
    every month (at a province's 300,000 households, over a minute of the run)."""
    folded = []
    name_text = figures._name_text
    monkeypatch.setattr(figures, "_name_text", lambda *row: folded.append(row) or name_text(*row))
    n, months = 20_000, [f"2024-{m:02d}" for m in range(1, 12)]
    rng = np.random.default_rng(0)
    alive = np.ones(n, bool)
    rows = {}
    for month in months:
        alive &= rng.random(n) > 0.01
        at = np.flatnonzero(alive)
        status = np.where(rng.random(len(at)) < 0.002, NOT_COUNTED, "poor")
        rows[month] = pd.DataFrame(
            {
                "period": month,
                "hamlet": [f"Xóm {i % 100}" for i in at],
                "hh_key": [f"id|h{i}" for i in at],
                "ma_ho": [f"H{i}" for i in at],
                "chu_ho": [f"Nguyễn Văn {i}" for i in at],
                "nam_sinh": [1950 + i % 50 for i in at],
                "status": status,
            }
        )
    history = _history(rows, [f"Xóm {i}" for i in range(100)])
    left = left_in_history(history, "2024-12")
    assert len(left) > 1_800 and set(left.stored) == set(left)
    first = min(left, key=lambda key: int(key[4:]))
    number = int(first[4:])
    name = f"name|Xóm {number % 100}|nguyen van {number}|{1950 + number % 50}"
    assert left.stored[first] == (name, f"H{number}", f"Nguyễn Văn {number}", 1950 + number % 50)
    # each household that left is named once, and each row held by name asks a few more; the
    # whole year's rows (11 months of about 19,000) would be over 200,000
    assert len(folded) < 2 * len(left), len(folded)


def test_a_row_without_a_code_is_matched_by_name_as_holder_by_name_holds_it():
    """rosterchecks.left_by_name looks a row's (hamlet, name, birth year) up among the
    households gone (asked once per row: an index, not a walk over every household gone); its
    answers are figures.holder_by_name's: the same name and year, or the same name where the
    row writes no year; none where two households match or the code is written elsewhere."""
    from pipeline.rosterchecks import left_by_name
    from pipeline.timeline import Left

    left = Left({"id|a1": "2024-03", "id|a2": "2024-04", "id|b1": "2024-04"}, {})
    left.stored = {
        "id|a1": ("name|Nà Mòn|nong van a|1970", "A1", "Nông Văn A", 1970),
        "id|a2": ("name|Nà Mòn|lo thi b|1980", "A2", "Lò Thị B", 1980),
        "id|b1": ("name|Nà Mòn|lo thi b|1981", "B1", "Lò Thị B", 1981),
        "id|c1": ("name|Nà Mòn|ha van c|1960", "C1", "Hà Văn C", 1960),  # listed again
    }
    assert left_by_name("name|Nà Mòn|nong van a|1970", left, set()) == (
        "id|a1", "A1", "Nông Văn A", 1970, True,
    )  # fmt: skip
    assert left_by_name("name|Nà Mòn|nong van a|", left, set()) == (
        "id|a1", "A1", "Nông Văn A", 1970, False,
    )  # fmt: skip
    assert left_by_name("name|Nà Mòn|nong van a|1971", left, set()) is None  # another year
    assert left_by_name("name|Bản Cọ|nong van a|1970", left, set()) is None  # another hamlet
    assert left_by_name("name|Nà Mòn|lo thi b|1981", left, set())[0] == "id|b1"
    assert left_by_name("name|Nà Mòn|lo thi b|", left, set()) is None  # two households
    assert left_by_name("name|Nà Mòn|ha van c|1960", left, set()) is None  # not gone
    assert left_by_name("name|Nà Mòn|nong van a|1970", left, {"a1"}) is None  # its code's row
    assert left_by_name("id|a1", left, set()) is None  # a row with a code is matched by it


def test_residential_land_is_not_counted_as_production_land(tmp_path):
    """'Thiếu đất' is read as 'Thiếu đất sản xuất', but 'Thiếu đất ở' (residential land) is no
    cause of the list: NM1 'Thiếu đất ở' is warned of as written and counted under no cause;
    NM2 'Thiếu đất ở, thiếu vốn' is 'Thiếu vốn', its unknown part named 'Thiếu đất ở'; NM3
    'Thiếu đất canh tác' stays production land. Nà Mòn's 'Nguyên nhân': land 1, capital 1."""
    from pipeline.figures import causes_of
    from pipeline.run import collect
    from tests.commune import person, write_plan, write_roster

    assert causes_of("Thiếu đất ở") == set() and causes_of("Không có đất ở") == set()
    assert causes_of("Thiếu đất; Thiếu đất ở") == {"Thiếu đất sản xuất"}
    write_plan(tmp_path)
    rows = [
        person("NM1", "poor", nguyen_nhan="Thiếu đất ở"),
        person("NM2", "poor", nguyen_nhan="Thiếu đất ở, thiếu vốn"),
        person("NM3", "near_poor", nguyen_nhan="Thiếu đất canh tác"),
    ]
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, rows)
    result, _ = collect(tmp_path, None)
    said = {i.cell: i for i in result.issues if i.code == "unknown-vocabulary"}
    first, second = said["W5"], said["W6"]  # NM1's and NM2's 'Nguyên nhân nghèo'
    assert (first.variant, first.value) == ("", "Thiếu đất ở")
    assert (second.variant, second.instead) == ("partly", "Thiếu đất ở")
    counted = [causes_of(v) for v in result.households["nguyen_nhan"]]
    assert counted == [set(), {"Thiếu vốn"}, {"Thiếu đất sản xuất"}]


def test_a_month_written_nowhere_in_a_file_with_a_thong_tin_sheet_asks_for_the_row(tmp_path):
    """Nà Mòn's list has its 'Thông tin' sheet but no 'Kỳ báo cáo' row in it, and its title
    names no month. It was told to "add the 'Thông tin' sheet as in the template" — the sheet
    it has. Now: the row to add to that sheet; 'Nộp báo cáo' gives the same reason as for a
    file with no 'Thông tin' at all."""
    import openpyxl

    from pipeline.report.reporting import refusal_reasons
    from pipeline.run import collect
    from tests.commune import write_plan, write_roster
    from tests.messy import ban_co_households, na_mon_households

    write_plan(tmp_path)
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 180, ban_co_households())
    path = write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, na_mon_households())
    book = openpyxl.load_workbook(path)
    info = book["Thông tin"]
    [row] = [c.row for c in info["A"] if c.value == "Kỳ báo cáo"]
    info.delete_rows(row)
    listed = book["Danh sách"]
    for cell in listed["A"][:3]:
        if isinstance(cell.value, str) and "THÁNG" in cell.value:
            cell.value = cell.value.split("THÁNG")[0].rstrip(" –-")
    book.save(path)
    result, _ = collect(tmp_path, None, workers=0)
    [issue] = [i for i in result.issues if i.code == "invalid-period"]
    assert (issue.variant, issue.sheet, issue.cell) == ("none-in-info", "Thông tin", "")
    assert issue.message("vi") == (
        "Không tìm thấy kỳ báo cáo của danh sách: trang 'Thông tin' không có dòng 'Kỳ báo cáo', "
        "tiêu đề và tên tệp cũng không ghi đủ tháng và năm, nên xã không biết danh sách là của "
        "tháng nào. Hãy thêm dòng 'Kỳ báo cáo' vào trang 'Thông tin' như mẫu (nhãn ở cột A, giá "
        "trị ở cột B), ví dụ 05/2024."
    )
    assert refusal_reasons(result.issues)["NaMon.xlsx"] == "không ghi kỳ báo cáo (tháng, năm)"


def test_a_change_of_list_written_chuyen_ve_is_not_told_as_a_household_that_moved_in():
    """'Chuyển về hộ cận nghèo' in 'Phân loại hộ' is a change of list (to near-poor): it was
    told "a household that moved in is written as any other … keeps its old Mã hộ". Now the
    plain wording; 'Chuyển về', 'Chuyển về xóm Nà Mòn', 'Hộ nghèo chuyển đến' are still moves
    in, 'Chuyển đi' a move away."""
    from pipeline.validate import _variant

    said = {
        value: _variant("invalid-classification", value)
        for value in ("Chuyển về hộ cận nghèo", "Chuyển về diện cận nghèo", "Chuyển về",
                      "Chuyển về xóm Nà Mòn", "Hộ nghèo chuyển đến", "Chuyển đi")
    }  # fmt: skip
    assert said == {
        "Chuyển về hộ cận nghèo": "",
        "Chuyển về diện cận nghèo": "",
        "Chuyển về": "moved-in",
        "Chuyển về xóm Nà Mòn": "moved-in",
        "Hộ nghèo chuyển đến": "moved-in",
        "Chuyển đi": "moved-away",
    }
