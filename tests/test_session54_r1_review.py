"""Session 54's review (R1): session 54's changes as hamlets would break them.

1. Without a start list, the Mã hộ a head is told of as an ID number and those the posted
   list (NiemYet) masks were read against two numberings: the telling against the plan's
   start list, the stored months' codes or the numbering the month's lists share (refused
   lists among them), the posting against the counted lists' numbering alone. A commune
   numbering its households '167.012.001' on (grouped 3.3.3 as an old CMND is) saw them
   masked, untold, when a list sharing the numbering was refused, and in every month after
   the first where fewer than two lists of it were counted. Now the posting reads against
   what the telling read (``rosterchecks.Rows.numbering``, ``RunResult.numbering``).
2. Two heads' CCCDs typed as codes in two lists were the commune's numbering, posted in full;
   now a numbering's codes begin alike (``rosterchecks.numbered_alike``).
3. The katakana middle dot '・' among full-width digits, and 'Đồng' of a place's name after a
   CMND ('Đồng Kè'), left a number unmasked.
4. A hamlet's total typed without marks ('Tong Cong Na Mon') was read as a head's name.
5. The second hamlet of a list naming no hamlet of two hamlets ('holds-several') was told only
   that its household exited.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. A list's first household is at row 5."""

from __future__ import annotations

from datetime import date

import openpyxl

from tests.commune import person, write_plan, write_roster
from tests.test_session54_reading_leftovers import dotted_code, renumbered_lists


def run_month(folder, out, period: str, lists: dict[str, list[dict]]):
    """``period``'s run of the lists {hamlet: rows} in ``folder`` (its plan without a start
    list), earlier months stored in ``out``: (the household-id-is-id-number cells, the
    statuses by file, NiemYet's (code, head's name) of Nà Mòn)."""
    from pipeline.run import execute

    for old in folder.glob("DS_*"):
        old.unlink()
    sizes = {"Nà Mòn": 100, "Bản Cọ": 200, "Đồng Kè": 150}
    year, month = map(int, period.split("-"))
    for n, (hamlet, rows) in enumerate(lists.items()):
        write_roster(folder, f"DS_{n}_{period}.xlsx", hamlet, sizes[hamlet], rows, period,
                     date(year, month + 1, 3))  # fmt: skip
    result = execute(folder, out, period)[0]
    told = [(i.file, i.cell) for i in result.issues if i.code == "household-id-is-id-number"]
    statuses = {s.file: s.status for s in result.submissions if s.file.startswith("DS_")}
    book = openpyxl.load_workbook(out / period / f"NiemYet_{period}.xlsx", read_only=True)
    posted = [r[1:3] for r in book["Nà Mòn"].iter_rows(values_only=True)
              if len(r) > 2 and isinstance(r[0], int)]  # fmt: skip
    book.close()
    return told, statuses, posted


def _na_mon(codes: list[str]) -> list[tuple[str, str]]:
    """NiemYet's Nà Mòn rows by hand: NM1-NM3 poor then NM4-NM5 near-poor, under ``codes``."""
    return [(code, f"Hoàng Văn NM{n}") for n, code in enumerate(codes, 1)]


def test_the_posted_list_masks_no_code_of_the_numbering_the_head_is_not_told_of(tmp_path):
    """No start list. April, the first month: Nà Mòn '167.012.001'-'005', Bản Cọ '006'-'008'
    each classed 'xyz' (refused: every row in error), Đồng Kè 'DK1', 'DK2'. Two lists of three
    number '000.000.000': the commune's, no head told. Was: NiemYet masked Nà Mòn's codes
    ('********2001'…), the one counted list of the shape. Now posted as written. May, April's
    three lists counted and stored, Bản Cọ silent: Nà Mòn and Đồng Kè alike, nothing told
    (April's codes are the commune's); was masked again, now as written."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder, with_start_list=False)
    lists = renumbered_lists(dotted_code)
    lists["Đồng Kè"] = [person("DK1", "poor"), person("DK2", "near_poor")]
    refused = dict(lists, **{"Bản Cọ": [dict(r, phan_loai="xyz") for r in lists["Bản Cọ"]]})
    told, statuses, posted = run_month(folder, tmp_path / "refused", "2024-04", refused)
    assert told == []
    assert statuses["DS_1_2024-04.xlsx"] == "rejected"
    assert posted == _na_mon([dotted_code(n) for n in range(1, 6)])
    told, statuses, posted = run_month(folder, out, "2024-04", lists)
    assert (told, set(statuses.values())) == ([], {"valid"})
    assert posted == _na_mon([dotted_code(n) for n in range(1, 6)])
    del lists["Bản Cọ"]
    told, statuses, posted = run_month(folder, out, "2024-05", lists)
    assert (told, set(statuses.values())) == ([], {"valid"})
    assert posted == _na_mon([dotted_code(n) for n in range(1, 6)])


def test_heads_ids_typed_as_codes_in_two_lists_are_no_numbering(tmp_path):
    """No start list. April: Nà Mòn NM1-NM3 (2 poor, 1 near-poor); Bản Cọ's head typed each
    household's CCCD as its code, '019088776655', '019170123456', '019265432100' (B5-B7), and
    Đồng Kè's '019185067890', '019304012345' (B5, B6), the province's '019' each: two lists of
    three whose codes are 12 digits from 0 (and, stored, 11 without it, id_key), beginning
    alike no further than '019' (a commune numbers from its own code, over half the digits). Was: the commune's numbering, no head told, each CCCD posted in full. Now each
    told at its cell and masked: '********6655'... May, April stored, the same lists: the
    stored CCCDs are no numbering either, told again and masked (was, with the posting read
    against the stored codes, posted in full)."""

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder, with_start_list=False)
    ban_co = ["019088776655", "019170123456", "019265432100"]
    dong_ke = ["019185067890", "019304012345"]
    lists = {
        "Nà Mòn": [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "near_poor")],
        "Bản Cọ": [person(code, "poor", chu_ho=f"Lò Văn {n}") for n, code in enumerate(ban_co)],
        "Đồng Kè": [person(code, "poor", chu_ho=f"Lò Thị {n}") for n, code in enumerate(dong_ke)],
    }
    said = [*(("DS_1_{}.xlsx", f"B{n}") for n in (5, 6, 7)),
            *(("DS_2_{}.xlsx", f"B{n}") for n in (5, 6))]  # fmt: skip
    for period in ("2024-04", "2024-05"):
        told, statuses, _ = run_month(folder, out, period, lists)
        assert told == [(file.format(period), cell) for file, cell in said], period
        book = openpyxl.load_workbook(out / period / f"NiemYet_{period}.xlsx", read_only=True)
        posted = {
            sheet: [r[1:3] for r in book[sheet].iter_rows(values_only=True)
                    if len(r) > 2 and isinstance(r[0], int)]
            for sheet in ("Bản Cọ", "Đồng Kè")
        }  # fmt: skip
        book.close()
        assert posted == {
            "Bản Cọ": [("********6655", "Lò Văn 0"), ("********3456", "Lò Văn 1"),
                       ("********2100", "Lò Văn 2")],
            "Đồng Kè": [("********7890", "Lò Thị 0"), ("********2345", "Lò Thị 1")],
        }, period  # fmt: skip


def test_a_phone_grouped_by_the_katakana_middle_dot_is_masked_and_told(tmp_path):
    """Full-width digits come with a Japanese or Chinese keyboard's middle dot '・' (U+30FB;
    half-width '･', U+FF65), as session 54 read its '＋８４', '（０２４）' and bullets. Was: kept
    as written, on NiemYet and untold. Now read as a dash: NM3's code '０９１２・３４５・６７８'
    (B7) told as a phone's and posted '********5678'; NM2's head 'Lò Văn B ２１２・３４５・６７８'
    posted 'Lò Văn B ********5678'; NM1's '0912･345･678' in the name likewise. A year range
    '2024・2025' and katakana 'ア・イ' stay as written."""
    from pipeline.text import mask_ids_in

    assert mask_ids_in("０９１２・３４５・６７８") == "********5678"
    assert mask_ids_in("SĐT 0912･345･678") == "SĐT ********5678"
    assert mask_ids_in("2024・2025 ア・イ") == "2024・2025 ア・イ"
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder, with_start_list=False)
    lists = {
        "Nà Mòn": [
            person("NM1", "poor", chu_ho="Lò Văn A 0912･345･678"),
            person("NM2", "poor", chu_ho="Lò Văn B ２１２・３４５・６７８"),
            person("０９１２・３４５・６７８", "near_poor", chu_ho="Lò Văn C"),
        ]
    }
    told, _, posted = run_month(folder, tmp_path / "ra", "2024-04", lists)
    assert told == [("DS_0_2024-04.xlsx", "B7")]
    assert posted == [
        ("NM1", "Lò Văn A ********5678"),
        ("NM2", "Lò Văn B ********5678"),
        ("********5678", "Lò Văn C"),
    ]


def test_a_hamlets_total_typed_without_marks_stays_a_total(tmp_path):
    """Under NM1 and NM2 (born 1970 each), row 7 '3 | | <total> | 3,940 | … | 8': the
    hamlet's total typed without marks, 'Tong Cong Na Mon', 'Tong So Na Mon', 'Tong Cong Ban
    Co' (a hamlet's name after a total's words, two words). Was, since session 54 read 'Tong
    Cong Thanh' as a head's name: a household without a code, its 3,940 no birth year, no
    class (three errors at B7, D7, I7). Now the rows' sum, passed over unsaid, poor 2; 'Tong
    Cong Thanh' (one word after) stays a head's name (tests.test_session54_reading_leftovers)."""
    from tests.test_session52_total_sums import household_row, total_sums_run

    for n, name in enumerate(("Tong Cong Na Mon", "Tong So Na Mon", "Tong Cong Ban Co")):
        issues, read, counts = total_sums_run(
            tmp_path / str(n),
            [person("NM1", "poor"), person("NM2", "poor"), None],
            {7: {1: 3, 3: name, 4: 3940, 8: 8}},
        )
        assert (issues, read, counts) == (
            [],
            [household_row("NM1"), household_row("NM2")],
            (2, 0),
        ), name


def test_an_id_before_a_place_named_dong_is_masked(tmp_path):
    """'Đồng' is the currency's word and the first of many places' names ('Đồng Kè', 'Đồng
    Tâm'). Was: 'CMND 212.345.678 Đồng Kè' read as an amount of 212,345,678 đồng, kept on
    NiemYet. Now 'Đồng' capitalised before a capitalised word is a place: the CMND masked
    '********5678'. An amount stays: 'Vay 212.345.678 đồng Ngân hàng', '212.345.678 Đồng',
    '212.345.678 Đồng/tháng'. NM1's head 'Lò Văn A CMND 212.345.678 Đồng Kè' is posted 'Lò
    Văn A CMND ********5678 Đồng Kè'."""
    from pipeline.text import mask_ids_in

    assert mask_ids_in("CMND 212.345.678 Đồng Kè") == "CMND ********5678 Đồng Kè"
    assert mask_ids_in("CMND 212.345.678 Đồng Tâm") == "CMND ********5678 Đồng Tâm"
    for amount in ("Vay 212.345.678 đồng Ngân hàng", "212.345.678 Đồng", "212.345.678 Đồng/tháng"):
        assert mask_ids_in(amount) == amount
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder, with_start_list=False)
    lists = {"Nà Mòn": [person("NM1", "poor", chu_ho="Lò Văn A CMND 212.345.678 Đồng Kè")]}
    _, _, posted = run_month(folder, tmp_path / "ra", "2024-04", lists)
    assert posted == [("NM1", "Lò Văn A CMND ********5678 Đồng Kè")]


def test_the_second_hamlet_of_a_list_of_two_hamlets_is_told_its_households_did_not_exit(
    tmp_path,
):
    """May: NaMon.xlsx NM1-NM4 and DongKe.xlsx DK1 counted; DanhSach_2024-05.xlsx names no
    hamlet and holds NM5 and DK2 ('holds-several'), its feedback to Đồng Kè's head (session
    54). Nà Mòn's head saw only NM5 warned vanished, "đã tính là thoát … nếu đúng, hãy ghi
    lại dòng của hộ … với Phân loại hộ 'Thoát'": followed, NM5 exits. Now Nà Mòn's 'Cách
    sửa' (and Đồng Kè's own list's) adds that the file holds the hamlet's households, not
    exited, to write on its list; the officer has the file."""
    from pipeline.run import execute
    from tests.test_session54_feedback_leftovers import guide_lines, several_hamlets_case

    may = several_hamlets_case(tmp_path)
    execute(may.folder, may.out, "2024-05")
    feedback = may.out / "2024-05" / "PhanHoi"
    for name, code in (("Nà Mòn_2024-05.xlsx", "NM5"), ("Đồng Kè_2024-05_1.xlsx", "DK2")):
        # the households named since session 54's G2 (tests/test_session54_g2_leftovers.py)
        said = (
            "Tệp 'DanhSach_2024-05.xlsx' (gửi riêng, không ghi tên xóm, không được tính) có hộ "
            f"của xóm mà danh sách này chưa có: {code} (Hoàng Văn {code}). Các hộ đó không phải "
            "đã thoát, đừng ghi 'Thoát' cho các hộ đó. Hãy ghi các hộ đó vào danh sách này (chèn "
            "dưới dòng hộ cuối cùng, đủ các cột như các hộ khác; hỏi xã nếu cần bản sao tệp đó) "
            "rồi gửi lại; không gửi lại tệp 'DanhSach_2024-05.xlsx'."
        )
        how = guide_lines(feedback / name)["Cách sửa:"]
        assert len(how) == 1 and how[0].endswith(f"gửi lại cho xã. {said}"), name
