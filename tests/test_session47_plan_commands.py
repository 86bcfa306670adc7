"""Session 47: the plan choice's warnings and stop give the run to paste (docs/decisions.md,
"Session 47: the plan choice's advice to run again gives the command").

Session 25's merger of 1 July 2025 on the small commune (tests.commune): Trung Lương (Nà Mòn,
Bản Cọ; KeHoach_2025.xlsx) joins Định Hóa (KeHoach_2025_DinhHoa.xlsx, saved later, Khuôn Tát
added). Every run here is given folders that are not the defaults (the test's own), so the
command pasted must name them: `--input` and `--output`, then `--period` of the month."""

from __future__ import annotations

import dataclasses
import sys

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.messages import RunCommand, program_as_started, quoted
from pipeline.run import FatalError, execute
from tests.test_session25_commune_merger import (
    OLD,
    merger,
    old_commune_month,
    write_merger_month,
    write_merger_plan,
)
from tests.test_session45_year_turn_review import old_plan_unusable
from tests.test_session46_plan_pick import START, START_EN, first_used_in_july, plans_and_lists


def _run(program: str, folder, out, period: str) -> str:
    """The command a warning is to give: the run of ``period`` with the test's folders."""
    return (f"{program} run --input {quoted(str(folder))} --output {quoted(str(out))} "
            f"--period {period}")  # fmt: skip


def _check(files, out) -> list[str]:
    """`giamngheo check FILES --output OUT`'s lines (the program as a test starts it)."""
    done = CliRunner().invoke(main, ["check", *map(str, files), "--output", str(out)])
    return done.output.splitlines()


PROGRAM = program_as_started(sys.argv[0], sys.executable)  # as `check` names itself here


def test_the_unsure_month_is_told_the_run_to_paste_with_its_folders(tmp_path):
    """The tool first used in July 2025, July run for Định Hóa; May's lists of Trung Lương come
    late. The warning on Trung Lương's plan (commune-not-run-unsure) said "chạy lại kỳ này",
    no command: the officer, who ran with other folders than the defaults, had to find the
    options. Now it gives the run of May with the run's folders, in both languages, and
    `check` of May's files gives the same with its own folders (the files' folder, the
    history's)."""
    folder, out = first_used_in_july(tmp_path)
    command = RunCommand(folder, out)
    execute(folder, out, "2025-07", command=command)
    write_merger_month(folder, 5)
    lines = _check(
        plans_and_lists(folder, 5), out
    )  # before May is run: never run, as the run finds it
    may, _, _ = execute(folder, out, "2025-05", command=command)
    [said] = [i for i in may.issues if i.code == "plan-duplicate"]
    again = _run("giamngheo", folder, out, "2025-05")
    words = dict(used="Định Hóa", old="Trung Lương", month="5/2025", stored="7/2025",
                 file="KeHoach_2025_DinhHoa.xlsx", side="sau")  # fmt: skip
    assert (said.file, said.variant) == ("KeHoach_2025.xlsx", "commune-not-run-unsure")
    assert said.message("vi") == (
        START.format(**words) + "Lịch sử không cho biết kỳ này trước hay sau khi sáp nhập: nếu "
        "kỳ này là của xã 'Trung Lương' (trước khi sáp nhập), hãy tạm chuyển tệp "
        "'KeHoach_2025_DinhHoa.xlsx' ra khỏi thư mục đầu vào, chạy lại kỳ này, rồi chép tệp đó "
        f"trở lại. Hãy để cả hai tệp trong thư mục. Lệnh chạy lại kỳ này: {again}"
    )
    assert said.message("en") == (
        START_EN.format(**{**words, "side": "after"}) + "The history does not tell whether this "
        "period is before or after the merger: if it is of commune 'Trung Lương' (before the "
        "merger), move 'KeHoach_2025_DinhHoa.xlsx' out of the input folder for a while, run "
        "this period again, then put that file back. Keep both in the folder. To run this "
        f"period again: {again}"
    )
    [line] = [line for line in lines if "(plan-duplicate)" in line]
    assert line.endswith(f"Lệnh chạy lại kỳ này: {_run(PROGRAM, folder, out, '2025-05')}")


def test_the_stop_on_the_months_communes_plan_gives_the_run_to_paste(tmp_path):
    """June run for Trung Lương, July for Định Hóa; Trung Lương's plan then has its 'Xã' (B3)
    cleared and June's late list comes. The stop said "Hãy sửa tệp 'KeHoach_2025.xlsx' rồi
    chạy lại." inside its brackets, no command. Now the advice comes after the brackets and
    ends with the run of June with the run's folders (nothing after it to paste by mistake);
    `check` of June's files says the same on the plan's plan-invalid, with its folders."""
    folder, out, _ = merger(tmp_path)
    command = RunCommand(folder, out)
    execute(folder, out, "2025-07", command=command)
    old_plan_unusable(folder)
    with pytest.raises(FatalError) as stop:
        execute(folder, out, "2025-06", command=command)
    again = _run("giamngheo", folder, out, "2025-06")
    assert str(stop.value) == (
        "KeHoach_2025.xlsx: ô 'Xã' trong trang 'Thông tin chung' đang trống. (Kỳ tháng 6/2025 "
        "đã được tổng hợp theo xã 'Trung Lương' nhưng không có tệp kế hoạch nào của xã đó dùng "
        "được; kế hoạch 'KeHoach_2025_DinhHoa.xlsx' của xã 'Định Hóa' không được dùng thay.) "
        f"Hãy sửa tệp 'KeHoach_2025.xlsx' rồi chạy lại: {again}"
    )
    assert stop.value.args[0].en.endswith(
        "is not used in its place.) Correct 'KeHoach_2025.xlsx' and run again: " + again
    )
    lines = _check(plans_and_lists(folder, 6), out)
    [line] = [line for line in lines if "(plan-invalid)" in line]
    run = _run(PROGRAM, folder, out, "2025-06")
    assert line.endswith(f"dùng thay.) Hãy sửa tệp 'KeHoach_2025.xlsx' rồi chạy lại: {run}")


def test_two_plans_differing_give_the_run_to_paste_and_none_without_a_month(tmp_path):
    """June consolidated for Trung Lương; a copy of its plan whose 'Xã' is mistyped ('Trung
    Luơng X') is saved later, and June is run again (session 38: differ-stored). The warning
    ended "và chạy lại." with no command; now with the run of June and the run's folders.
    Without a month to give, the words stay as they were."""
    folder, out, _ = old_commune_month(tmp_path, 6)
    write_merger_plan(
        folder / "KeHoach_2025_sua.xlsx", "Trung Luơng X", OLD, (0.5, 0.3), 1_760_000_000
    )
    june, _, _ = execute(folder, out, "2025-06", command=RunCommand(folder, out))
    [said] = [i for i in june.issues if i.code == "plan-duplicate"]
    again = _run("giamngheo", folder, out, "2025-06")
    assert said.variant == "differ-stored"
    assert said.message("vi").endswith(
        "Số liệu hai tệp KHÁC nhau: tên xã: 'Trung Lương' ở tệp đã dùng, 'Trung Luơng X' ở tệp "
        "này. Hãy xem tệp nào đúng rồi chỉ để tệp đó trong thư mục, và chạy lại. Lệnh chạy lại "
        f"kỳ này: {again}"
    )
    assert said.message("en").endswith(
        "Check which is right, keep only that one in the folder, and run again. To run this "
        f"period again: {again}"
    )
    # no month known (lists writing 'tháng 5' and no year: the period comes later): no
    # command, the words as before, byte for byte
    alone = dataclasses.replace(said, command="")
    assert alone.message("vi").endswith(
        "Hãy xem tệp nào đúng rồi chỉ để tệp đó trong thư mục, và chạy lại."
    )
    assert alone.message("en").endswith(
        "Check which is right, keep only that one in the folder, and run again."
    )


def test_the_json_does_not_depend_on_how_the_tool_was_started(tmp_path):
    """The command a warning gives starts as the run was started (`giamngheo`, or this
    interpreter's `-m pipeline`): it is in the workbook's 'Lỗi dữ liệu', never in the JSON
    (CONTRACT §5.1). The unsure month (May, the tool first used in July) run twice into the
    same history, started two ways: the JSON byte for byte the same; the workbooks' cells the
    same but the warning's command, which differs by its program alone."""
    import shutil

    import openpyxl

    folder, out = first_used_in_july(tmp_path)
    execute(folder, out, "2025-07")
    write_merger_month(folder, 5)
    made = {}
    for program in ("giamngheo", "/opt/py/bin/python -m pipeline"):
        there = tmp_path / program.replace("/", "_").replace(" ", "_") / "output"
        shutil.copytree(out, there)
        _, written, _ = execute(
            folder, there, "2025-05", command=RunCommand(folder, program=program)
        )
        book = openpyxl.load_workbook(written["workbook"])
        cells = {(ws.title, c.coordinate): c.value for ws in book for row in ws.iter_rows()
                 for c in row if c.value is not None}  # fmt: skip
        made[program] = (written["json"].read_bytes(), cells)
    (json_a, cells_a), (json_b, cells_b) = made.values()
    assert json_a == json_b
    differ = [key for key in cells_a if cells_a[key] != cells_b.get(key)]
    assert len(differ) == 1 and differ[0][0] == "Lỗi dữ liệu"
    run = f"run --input {quoted(str(folder))} --period 2025-05"
    assert cells_a[differ[0]].endswith(f"Lệnh chạy lại kỳ này: giamngheo {run}")
    assert cells_b[differ[0]] == cells_a[differ[0]].replace(
        f": giamngheo {run}", f": /opt/py/bin/python -m pipeline {run}"
    )
