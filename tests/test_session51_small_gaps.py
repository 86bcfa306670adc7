"""Two small gaps (session 51, helper K).

1. A CCCD typed into a Number cell of 'Mã hộ' loses its leading 0 (11 digits, 19088776655):
   told as the text '019088776655' is ("Session 51: a Mã hộ that is an ID number is told to
   the head"), with the same guards (the start list's codes, the commune's numbering); an
   11-digit code written as text is never told.
2. A hidden folder inside an output folder given inside the input ('ket-qua/.thang5/…') names
   its lists on the output folder's warning, as the output folder's own lists are named.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor. Each list's
households start at row 5: Nà Mòn's sixth household at row 10.
"""

from __future__ import annotations

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.commune import person, write_plan, write_roster
from tests.id_cells import ID_TAIL, check_na_mon, numbered, own_codes_told
from tests.test_session38_oracle import na_mon_rows


def _number(value: str, counted: bool = True) -> str:
    """The warning at a number cell of 11 digits, by hand."""
    return (
        f"'Mã hộ' ghi '{value}', là một dãy 11 chữ số như số CCCD bị mất số 0 ở đầu (ô kiểu số "
        f"không giữ số 0 ở đầu), {ID_TAIL}" + (" Hộ vẫn được tính." if counted else "")
    )


def test_a_cccd_typed_into_a_number_cell_is_told(tmp_path):
    """Nà Mòn's sixth household (row 10) under the number 19088776655: the head's CCCD
    019088776655 typed into a Number cell, its leading 0 lost. Before, nothing was told (the
    text '019088776655' was). Now the warning at B10, vi and en."""
    found = check_na_mon(tmp_path, na_mon_rows(numbered(19088776655)))
    assert [(i.cell, i.value, i.variant, i.severity) for i in found] == [
        ("B10", "19088776655", "number", "warning")
    ]
    assert found[0].message("vi") == _number("19088776655")
    assert found[0].message("en") == (
        "'Mã hộ' holds '19088776655', 11 digits like a CCCD ID number that lost its leading 0 "
        "(a number cell drops leading zeros), not the commune's household code. Household codes "
        "are posted publicly with the list, so an ID number is not used as one: write in this "
        "cell the household code from the commune's register (a new household without a code "
        "gets one from the commune officer); the head's ID number, if needed, goes under 'Số "
        "định danh cá nhân'. The household still counts."
    )


def test_an_eleven_digit_number_told_only_where_sure(tmp_path):
    """Guards, rows 10-15: the same 11 digits written as TEXT '19088776655' (a commune's dotted
    code typed without its dots may be so); the number 97088776655 (its 12-digit form
    097…: no province's code, 001-096); 11111111111 (a placeholder); 10 digits 1908877665 and 12
    digits 190887766551 (no CCCD with one lost 0): none told. The numbers 96088776655 (row 16,
    province 096) and 10088776655 (row 17, province 010) are, at their cells. The number
    written twice (rows 18, 19: duplicate-household-id, left out) is told without 'Hộ vẫn được
    tính'."""
    rows = na_mon_rows(person("19088776655", "poor"), numbered(97088776655),
                   numbered(11111111111), numbered(1908877665), numbered(190887766551),
                   person("TL.01.001", "poor"), numbered(96088776655),
                   numbered(10088776655), numbered(12088776655),
                   numbered(12088776655))  # fmt: skip
    found = check_na_mon(tmp_path, rows)
    assert [(i.cell, i.message("vi")) for i in found] == [
        ("B16", _number("96088776655")),
        ("B17", _number("10088776655")),
        ("B18", _number("12088776655", counted=False)),
        ("B19", _number("12088776655", counted=False)),
    ]


def test_the_communes_own_codes_typed_as_numbers_are_not_told(tmp_path):
    """Guards: a start list numbering every household with 12 digits from 0 ('062770100001'…,
    the commune's scheme): a new household's 62770100099 typed as a number (its 0 lost) is not
    told; nor the start list's own code: NM1 written '019088776655' on the start list and typed
    as the number 19088776655 on the list. Another household's number 19088776699 is (B10)."""
    told = own_codes_told(tmp_path, lambda n: f"0627701{n:05d}", 62770100099, "019088776655",
                          19088776655, 19088776699)  # fmt: skip
    assert told == [("B10", _number("19088776699"))]


def output_folder(tmp_path):
    """The input: the plan and Nà Mòn's list; inside it 'ket-qua', the run's output folder (its
    history store 'lich-su.sqlite'), whose hidden folder '.thang5' holds Bản Cọ's list."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    output = tmp_path / "ket-qua"
    (output / ".thang5").mkdir(parents=True)
    (output / "lich-su.sqlite").write_bytes(b"")
    write_roster(output / ".thang5", "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    return output


def test_a_hidden_folder_in_an_output_folder_names_its_lists(tmp_path):
    """Bản Cọ's list in 'ket-qua/.thang5/'. Before, the output folder looked right inside only:
    nothing there, it was passed over in silence, Bản Cọ "chưa nộp" with no word of its list.
    Now the output folder is said skipped naming '.thang5/BanCo.xlsx' (not read: copy it out),
    both languages; `check` says the same. Bản Cọ still missing; Nà Mòn 1 poor of 102."""
    output_folder(tmp_path)
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.file == "ket-qua"]
    assert [(i.code, i.variant, i.severity) for i in told] == [
        ("file-skipped", "output-folder", "warning")
    ]
    assert told[0].message() == (
        "Bỏ qua thư mục kết quả của giamngheo (có tệp 'lich-su.sqlite'): các tệp trong đó không "
        "được đọc, kể cả '.thang5/BanCo.xlsx'. Nếu đó là danh sách mới của xóm, hãy chép chúng "
        "ra thư mục đầu vào (ngoài thư mục này) rồi chạy lại."
    )
    assert told[0].message("en") == (
        "Skipped an output folder of giamngheo (it holds 'lich-su.sqlite'): the files in it are "
        "not read, '.thang5/BanCo.xlsx' included. If those are hamlets' new lists, copy them "
        "out into the input folder (outside this folder) and run again."
    )
    hamlets = {h["hamlet"]: h for h in result.summary["hamlets"]}
    assert hamlets["Bản Cọ"]["status"] == "missing"
    assert (hamlets["Nà Mòn"]["status"], hamlets["Nà Mòn"]["poor"]) == ("ok", 1)
    assert hamlets["Nà Mòn"]["households"] == 102
    checked = [i for i in check_files([tmp_path]) if i.file == "ket-qua"]
    assert [i.message() for i in checked] == [told[0].message()]


def test_the_output_folders_own_lists_first_and_its_own_hidden_copies_not_named(tmp_path):
    """Đồng Kè's list right inside 'ket-qua' is named first, then '.thang5/BanCo.xlsx'. Guards:
    a run's sources' copies left in '.nguon.4242.tmp/' and '.nguon.4242.old/' (a run stopped
    while copying), a '.git/' and a '.Trash-1000/' folder: not named. An output folder whose
    only hidden folder is such a copy is passed over in silence, as before."""
    output = output_folder(tmp_path)
    write_roster(output, "DongKe.xlsx", "Đồng Kè", 80, [person("DK1", "poor")])
    for hidden in (".nguon.4242.tmp", ".nguon.4242.old", ".git", ".Trash-1000"):
        (output / hidden).mkdir()
        write_roster(output / hidden, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    told = [i for i in check_files([tmp_path]) if i.file == "ket-qua"]
    assert [i.value for i in told] == ["'DongKe.xlsx', '.thang5/BanCo.xlsx'"]
    for name in ("DongKe.xlsx", ".thang5/BanCo.xlsx"):
        (output / name).unlink()
    (output / ".thang5").rmdir()
    assert [i for i in check_files([tmp_path]) if i.file == "ket-qua"] == []
