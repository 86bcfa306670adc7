"""Session 53 (F2): a plan or list kept in a month's 'nguon' under its decomposed (NFD) name, by a
run before names were shown composed (session 52), is found by the name shown now.

The notices that point to a kept copy ("kept as '…/nguon/…'") looked it up by the name shown
now, composed: a copy kept decomposed was not found and the hint was lost (the refusal said to
move the new plan out, which leaves no plan; the late list's notice said to run the month again
with the plan now, which is refused; the corrected list's copy-back did not say to leave the old
one out). The month's history, manifest and copy are made as the old code left them
(tests.test_session52_qa_left.as_the_old_code_stored).

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households); Bản Cọ's BC1-2 poor, BC3 near-poor (200).
"""

from __future__ import annotations

import json
import os
import unicodedata
from datetime import date

import pytest

from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import FatalError, execute
from tests.commune import new_commune, person, write_merged_plan, write_plan, write_roster
from tests.month_lists import two_lists
from tests.test_session31_officer_year import write_april
from tests.test_session52_qa_left import as_the_old_code_stored

PLAN = "Kế hoạch 2024.xlsx"
PLAN_NFD = unicodedata.normalize("NFD", PLAN)


def _totals(out, period: str) -> tuple[int, int]:
    summary = json.loads((out / period / f"TongHop_{period}.json").read_text(encoding="utf-8"))
    return summary["totals"]["poor"], summary["totals"]["near_poor"]


def test_the_plan_a_month_used_kept_decomposed_is_pointed_to(tmp_path):
    """The plan saved on a Mac as 'Kế hoạch 2024.xlsx' (NFD); April (Nà Mòn 3 poor 2 near-poor,
    Bản Cọ 2 and 1) run before names were shown composed: its copy kept under that NFD name.
    The revised plan, merging Bản Cọ into Nà Mòn, written over the same file; May run. Nà Mòn's
    April list corrected (NM3 near-poor): May's notice and April's refusal name the kept copy
    ('ra/2024-04/nguon/' + the NFD name), as for a plan named composed (session 31). Done as
    told, April counts the correction: poor NM1, NM2 + BC1, BC2 = 4, near-poor NM3-5 + BC3 = 4."""
    assert PLAN_NFD != PLAN
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    os.replace(write_plan(folder), folder / PLAN_NFD)
    write_april(folder, out)
    as_the_old_code_stored(out, "2024-04", PLAN, PLAN_NFD)
    kept = out / "2024-04" / "nguon" / PLAN_NFD
    assert kept.is_file()
    os.replace(write_merged_plan(folder), folder / PLAN_NFD)  # the revised plan, over the old
    rows = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    rows += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    rows += [person("BC1", "poor"), person("BC2", "near_poor"), person("BC3", "near_poor")]
    write_roster(folder, "NaMon_2024-05.xlsx", "Nà Mòn", 300, rows, period="2024-05",
                 prepared=date(2024, 6, 3))  # fmt: skip
    execute(folder, out, "2024-05")
    corrected = [person("NM1", "poor"), person("NM2", "poor")]
    corrected += [person(f"NM{i}", "near_poor") for i in (3, 4, 5)]
    write_roster(folder, "NaMon_2024-04.xlsx", "Nà Mòn", 100, corrected, period="2024-04",
                 prepared=date(2024, 6, 20))  # fmt: skip
    execute(folder, out, "2024-05")
    said = [n for n in NOTICES if "Có danh sách kỳ 04/2024" in in_language(n, "vi")]
    assert [in_language(n, "vi") for n in said] == [
        "Có danh sách kỳ 04/2024 của xóm Nà Mòn ('NaMon_2024-04.xlsx') khác với tệp đã dùng khi "
        "tổng hợp kỳ đó (có thể là bản sửa). Để tính lại kỳ đó, hãy chạy lại kỳ đó với kế hoạch "
        "đã dùng khi đó (kỳ 04/2024 được tổng hợp trước khi kế hoạch bỏ hoặc gộp xóm Bản Cọ): "
        f"tạm thay tệp '{PLAN}' trong thư mục đầu vào bằng bản được giữ ở '{kept}', chạy lại kỳ "
        "đó, rồi đặt tệp kế hoạch mới trở lại. Lệnh chạy lại kỳ đó: "
        "giamngheo run --period 2024-04"
    ]
    with pytest.raises(FatalError) as refused:
        execute(folder, out, "2024-04")
    assert in_language(refused.value.args[0], "vi").endswith(
        f"Để tính lại kỳ này theo kế hoạch cũ, hãy tạm thay tệp '{PLAN}' trong thư mục đầu vào "
        f"bằng bản kế hoạch đã dùng khi đó (được giữ ở '{kept}'), chạy lại, rồi đặt tệp kế "
        "hoạch mới trở lại; nếu thật sự muốn tính lại kỳ này theo kế hoạch mới (bỏ các xóm đó), "
        "chạy lại với --replace."
    )
    assert f"(kept as '{kept}') in place of '{PLAN}'" in in_language(refused.value.args[0], "en")
    new_plan = (folder / PLAN_NFD).read_bytes()
    (folder / PLAN_NFD).write_bytes(kept.read_bytes())  # as told
    execute(folder, out, "2024-04")
    (folder / PLAN_NFD).write_bytes(new_plan)
    assert _totals(out, "2024-04") == (4, 4)


def test_a_corrected_list_under_the_name_of_one_kept_decomposed_is_not_to_be_copied_over(
    tmp_path,
):
    """April counted Nà Mòn's list saved on a Mac as 'Nà Mòn_04.xlsx' (NFD; NM1-3 poor, NM4-5
    near-poor) and Bản Cọ's 'BanCo_04.xlsx' (BC1-2 poor, BC3 near-poor), kept under those names
    by a run before names were shown composed; the lists then taken out. Nà Mòn's corrected
    April list (NM3 near-poor) comes with June's, its name typed composed. The notice asked to
    copy April's kept lists back, the old Nà Mòn list among them (a second list of the hamlet's
    beside the correction); it now says to leave that one out, as for a name kept composed
    (session 51). Done as told, April counts the correction: poor 2 + 2 = 4, near-poor 3 + 1 =
    4 (was 5 and 3)."""
    composed = "Nà Mòn_04.xlsx"
    decomposed = unicodedata.normalize("NFD", composed)
    folder, out = new_commune(tmp_path)
    na = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    na += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, decomposed, "Nà Mòn", 100, na, period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    write_roster(folder, "BanCo_04.xlsx", "Bản Cọ", 200, ban, period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    execute(folder, out, "2024-04")
    assert _totals(out, "2024-04") == (5, 3)
    as_the_old_code_stored(out, "2024-04", composed, decomposed)
    for name in (decomposed, "BanCo_04.xlsx"):
        (folder / name).unlink()
    kept = out / "2024-04" / "nguon"
    two_lists(folder, "2024-06", date(2024, 7, 3))
    corrected = [person(f"NM{i}", "poor") for i in (1, 2)]
    corrected += [person(f"NM{i}", "near_poor") for i in (3, 4, 5)]
    write_roster(folder, composed, "Nà Mòn", 100, corrected, period="2024-04",
                 prepared=date(2024, 6, 20))  # fmt: skip
    execute(folder, out, "2024-06")
    [said] = [n for n in NOTICES if in_language(n, "vi").startswith("Có danh sách kỳ 04/2024")]
    assert (
        f"hãy chép các danh sách trong thư mục '{kept}' (trừ tệp kế hoạch, không chép tệp cũ "
        f"'{composed}': tệp mới cùng tên đã có trong thư mục đầu vào) vào thư mục đầu vào cùng "
        "với tệp mới rồi chạy lại: "
    ) in in_language(said, "vi")
    assert (
        f"copy the lists of '{kept}' (not the plan file, nor the old '{composed}': the new "
        "file of that name is in the input folder) into the input folder with the new file and "
        "run again: "
    ) in in_language(said, "en")
    (folder / "BanCo_04.xlsx").write_bytes((kept / "BanCo_04.xlsx").read_bytes())  # as told
    execute(folder, out, "2024-04")
    assert _totals(out, "2024-04") == (4, 4)


def test_a_kept_copy_is_looked_up_by_its_name_shown_first(tmp_path):
    """`archive.kept_copy`: the copy under the name shown (composed) when there is one, even
    beside one kept decomposed; else the decomposed one; else the path under the name shown,
    which is no file (nor is any under a folder not there)."""
    from pipeline.archive import kept_copy

    composed = "Nà Mòn_04.xlsx"
    decomposed = unicodedata.normalize("NFD", composed)
    sources = tmp_path / "nguon"
    sources.mkdir()
    (sources / decomposed).write_bytes(b"old")
    assert kept_copy(sources, composed) == sources / decomposed
    (sources / composed).write_bytes(b"new")
    assert kept_copy(sources, composed) == sources / composed
    assert kept_copy(sources, "BanCo_04.xlsx") == sources / "BanCo_04.xlsx"
    assert not kept_copy(sources, "BanCo_04.xlsx").is_file()
    assert kept_copy(tmp_path / "khong-co", composed) == tmp_path / "khong-co" / composed
