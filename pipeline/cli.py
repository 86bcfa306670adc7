"""Command line (CONTRACT §6): a thin click layer over the stages. No traceback reaches the officer."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline import start
from pipeline.messages import (
    DEFAULT_INPUT,
    DEFAULT_OUTPUT,
    Message,
    RunCommand,
    apart_households,
    commands_in_turn,
    folder_named,
    in_language,
    known_sqlite_reason,
    looked_in,
    os_reason,
    program_as_started,
    with_unit,
)
from pipeline.start import ERROR_PREFIX as _ERROR_PREFIX
from pipeline.start import stopped_words, typed_command
from pipeline.start import typed_language as _typed_language
from pipeline.text import (
    commune_key,
    format_vn,
    months_between,
    small_figure,
    vi_key,
    year_named,
)

if TYPE_CHECKING:
    from pipeline.types import Issue

EXIT_OK, EXIT_STRICT, EXIT_FATAL = 0, 1, 2


def _stopped(command: str | None) -> Message:
    """The stop line of ``command`` (pipeline.start.stopped_words)."""
    words = stopped_words(command)
    return Message(words["vi"], words["en"])


def _fail(message: str, lang: str = "vi") -> None:
    """One line on stderr in the run's language (CONTRACT §6), then exit 2 (also when stderr
    cannot be written: the terminal closed, a full disk). A stop from here on changes nothing:
    the command is ending (pipeline.start)."""
    start.PHASE = start.LEAVING
    _say_failed(message, lang)
    sys.exit(EXIT_FATAL)


def _say_failed(message: str, lang: str) -> None:
    try:
        click.echo(f"{_ERROR_PREFIX[lang]}: {in_language(message, lang)}", err=True)
    except OSError:
        pass


class Unprinted(Exception):
    """stdout cannot be written, for another reason than a reader that stopped reading: the
    file it goes to is on a full disk, a drive gone (``err``: what the system said)."""

    def __init__(self, err: OSError):
        super().__init__(str(err))
        self.err = err


def _echo(text: str) -> None:
    """A line on stdout. When its reader has stopped reading (`giamngheo check … | head -3`)
    the rest goes nowhere, quietly, as with Unix tools; the exit status still says what was found.
    When it cannot be written otherwise (a log file on a full disk), the rest goes nowhere
    either, and :class:`Unprinted` is raised for the command to say so on stderr."""
    try:
        click.echo(text)
    except BrokenPipeError:
        # Later lines, and the last flush on the way out, would fail the same way: they go
        # nowhere. (click's own printing, --help, ends a closed pipe quietly with exit 1.)
        _stdout_to_nowhere()
    except OSError as err:
        _stdout_to_nowhere()
        raise Unprinted(err) from None


def _stdout_to_nowhere() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _unprinted_reason(err: OSError) -> Message:
    """Why a command other than a run stops when what it prints cannot be written."""
    reason = os_reason(err, advice=False)
    return Message(
        f"Không in được kết quả ra màn hình hay tệp nhận kết quả: {reason}.",
        f"The results cannot be printed to the screen or the file they are sent to: {reason.en}.",
    )


def _say_stored_unprinted(result, written: dict, err: OSError, lang: str) -> None:
    """A run whose summary cannot be printed once the month was stored: said on stderr (when
    that can be written), the run's own exit status kept (docs/decisions.md "Session 40: a
    summary that cannot be printed")."""
    s = result.summary
    month = f"{s['period'][5:]}/{s['period'][:4]}"
    folder = Path(written["workbook"]).parent
    reason = os_reason(err, advice=False)
    notice = Message(
        f"Kỳ {month} đã được tổng hợp và lưu vào lịch sử; các tệp kết quả ở '{folder}'. Chỉ "
        f"bản tóm tắt là không in ra được ({reason}); không cần chạy lại.",
        f"Period {month} was consolidated and stored in the history; the result files are in "
        f"'{folder}'. Only the summary could not be printed ({reason.en}); there is no need to "
        "run again.",
    )
    prefix = "CHÚ Ý" if lang == "vi" else "NOTE"
    try:
        click.echo(f"{prefix}: {in_language(notice, lang)}", err=True)
    except OSError:
        pass


# Problems the officer is told in one line. Looked up only when one is raised: importing their
# modules (pandas with them) first would keep `run` from forking its early reader before that.
_KNOWN_ERRORS = (
    ("pipeline.run", "FatalError"),
    ("pipeline.output", "OutputError"),
    ("pipeline.history", "HistoryError"),
)


def _known(err: Exception) -> bool:
    # An instance can exist only once its module has been imported.
    return any(isinstance(err, cls) for module, name in _KNOWN_ERRORS
               if (cls := getattr(sys.modules.get(module), name, None)) is not None)  # fmt: skip


def _reason(err: Exception) -> str | None:
    """The one line a known problem is told in; None for a bug."""
    if _known(err):
        return str(err)  # a messages.Message: every reason is written in both languages
    if isinstance(err, Unprinted):
        return _unprinted_reason(err.err)
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is not None and isinstance(err, sqlite3.Error):
        # The store failing mid-run (locked by another program, disk full); anything else
        # SQLite says is a bug of ours and is logged below.
        reason = known_sqlite_reason(err)
        if reason is not None:
            return Message(
                f"Không đọc hay ghi được kho lịch sử trong thư mục kết quả: {reason}.",
                f"The history store in the output folder cannot be used: {reason.en}.",
            )
    return None


def _guarded(action, lang: str = "vi"):
    """Run a command; known problems print one line, unknown ones are logged, never shown raw."""
    try:
        return action()
    except KeyboardInterrupt:
        context = click.get_current_context(silent=True)
        command = context.info_name if context is not None else typed_command(sys.argv[1:])
        _fail(_stopped(command), lang)
    except Exception as err:
        reason = _reason(err)
        if reason is not None:
            _fail(reason, lang)
        # a bug: keep the details for the developers, one line for the officer
        if os.environ.get("GIAMNGHEO_DEBUG"):
            raise
        log = Path(tempfile.gettempdir()) / "giamngheo-loi.log"
        try:
            log.write_text(traceback.format_exc(), encoding="utf-8")
            where = Message(
                f" Chi tiết kỹ thuật đã ghi vào {log}.", f" The technical details are in {log}."
            )
        except OSError:
            where = Message("", "")
        what = f"{type(err).__name__}: {str(err)[:150]}"
        _fail(
            Message(
                f"Lỗi không mong muốn ({what}).{where}", f"Unexpected error ({what}).{where.en}"
            ),
            lang,
        )


# --- the command line in the officer's language ----------------------------------------------
# click words its help and its complaints about a mistyped command line in English ("Error: No
# such option"). The help keeps click's layout with Vietnamese headings; a complaint becomes one
# line like every other reason the tool stops with, in the run's language, exit 2.


class _HelpFormatter(click.HelpFormatter):
    HEADINGS = {"Options": "Tùy chọn", "Commands": "Lệnh"}

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Cách dùng: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(self.HEADINGS.get(heading, heading))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(term, text.replace("[default: ", "[mặc định: ")) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


class _Context(click.Context):
    formatter_class = _HelpFormatter


class _Vietnamese:
    """What the group and its commands share: the help above, and its own option's wording."""

    context_class = _Context

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Hiện hướng dẫn này rồi thoát."
        return option

    # A stop while click reads the command line, or outside a command's own handling: click
    # prints an empty line before its Abort; _Commands.main says the stop line alone.
    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt:
            raise click.Abort from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise click.Abort from None


class _Command(_Vietnamese, click.Command):
    pass


class _Choice(click.Choice):
    """click.Choice whose complaint names the value typed, in both languages."""

    def convert(self, value, param, ctx):
        if value in self.choices:
            return value
        self.fail(
            Message(
                f"'{value}' (chọn {' hoặc '.join(self.choices)})",
                f"'{value}' (choose {' or '.join(self.choices)})",
            ),
            param,
            ctx,
        )


# The language of a command's messages: the same option on run, check and history.
_LANG = click.option(
    "--lang",
    type=_Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help="Ngôn ngữ của thông báo: vi (tiếng Việt) hoặc en (tiếng Anh).",
)


def _output_option(help_text: str):
    """The run's output folder (`run` writes it; `history` and `check` read its history)."""
    return click.option(
        "--output",
        "output_dir",
        type=click.Path(path_type=Path, readable=False),
        default=DEFAULT_OUTPUT,
        show_default=True,
        help=help_text,
    )


class _Whole(click.IntRange):
    """A whole number, optionally within bounds, whose complaint is in both languages."""

    def _describe_range(self) -> str:
        # click writes 'x<=None' for a range without bounds
        return "" if self.min is None and self.max is None else super()._describe_range()

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            pass
        if self.min is not None and self.max is not None:
            wanted = Message(
                f"một số nguyên từ {self.min} đến {self.max}",
                f"a whole number from {self.min} to {self.max}",
            )
        else:
            wanted = Message("một số nguyên", "a whole number")
        self.fail(
            Message(f"'{value}' (cần {wanted})", f"'{value}' (expected {wanted.en})"), param, ctx
        )


# What a missing argument is for, said with the complaint.
_ARGUMENTS = {
    "files": Message("các tệp cần kiểm tra", "the files to check"),
    "directory": Message("thư mục sẽ ghi dữ liệu mẫu", "the folder to write the sample into"),
}


def _usage_message(err: click.UsageError, commands, typed: list[str]) -> Message:
    """click's complaint about the command line, in both languages, with where to read more."""
    hint = ""
    if isinstance(err, click.BadParameter):
        hint = err.param_hint or (err.param.get_error_hint(err.ctx) if err.param else "")
    if isinstance(err, click.NoSuchOption):
        vi = f"Không có tùy chọn '{err.option_name}'."
        en = f"There is no option '{err.option_name}'."
        if err.possibilities:
            vi += f" Có phải là {' hoặc '.join(err.possibilities)}?"
            en += f" Did you mean {' or '.join(err.possibilities)}?"
    elif isinstance(err, click.exceptions.NoSuchCommand):
        names = ", ".join(commands)
        vi = f"Không có lệnh '{err.command_name}'. Các lệnh: {names}."
        en = f"There is no command '{err.command_name}'. The commands are: {names}."
    elif isinstance(err, click.MissingParameter):
        option = err.param is not None and err.param.param_type_name == "option"
        gloss = _ARGUMENTS.get(err.param.name) if err.param is not None else None
        vi = (
            f"Thiếu {'tùy chọn' if option else 'đối số'} {hint}"
            + (f" ({gloss})" if gloss else "")
            + "."
        )
        en = (
            f"Missing {'option' if option else 'argument'} {hint}"
            + (f" ({gloss.en})" if gloss else "")
            + "."
        )
    elif isinstance(err, click.BadParameter):
        vi = f"Giá trị {hint} không hợp lệ: {in_language(err.message, 'vi')}."
        en = f"Invalid value for {hint}: {in_language(err.message, 'en')}."
    elif isinstance(err, click.BadOptionUsage) and "requires" in err.message:
        vi = f"Tùy chọn '{err.option_name}' cần một giá trị đi sau nó."
        en = f"Option '{err.option_name}' needs a value after it."
    elif isinstance(err, click.BadOptionUsage) and "does not take a value" in err.message:
        vi = f"Tùy chọn '{err.option_name}' không nhận giá trị."
        en = f"Option '{err.option_name}' takes no value."
    elif err.message.startswith("Got unexpected extra argument"):
        extra = err.message[err.message.find("(") + 1 : err.message.rfind(")")]
        vi, en = f"Thừa đối số: {extra}.", f"Unexpected extra argument(s): {extra}."
    else:  # nothing our commands can meet today; click's own words rather than none
        vi = f"Lệnh gõ chưa đúng ({err.format_message()})."
        en = err.format_message()
    if err.ctx is not None:
        see = f"{err.ctx.command_path} --help"
    else:  # the option parser does not say whose option it was
        see = (
            f"giamngheo {typed[0]} --help" if typed and typed[0] in commands else "giamngheo --help"
        )
    return Message(f"{vi} Xem: {see}", f"{en} See: {see}")


class _Commands(_Vietnamese, click.Group):
    command_class = _Command

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """click's main, with its complaints told as above. `giamngheo` and `python -m pipeline`
        both call it and both are named `giamngheo` in what it prints (CONTRACT §6)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        typed = sys.argv[1:] if args is None else list(args)
        try:
            code = super().main(
                args, prog_name or "giamngheo", complete_var, standalone_mode=False, **extra
            )
        except click.exceptions.NoArgsIsHelpError as err:
            err.show()  # `giamngheo` alone: the help, as click prints it
            sys.exit(err.exit_code)
        except click.UsageError as err:
            _fail(_usage_message(err, self.commands, typed), _typed_language(typed))
        except click.Abort:  # Ctrl-C while click was still reading the command line
            _fail(_stopped(typed_command(typed)), _typed_language(typed))
        except click.ClickException as err:
            err.show()
            sys.exit(err.exit_code)
        except OSError as err:  # --help or --version to a full disk (a closed pipe: click's exit 1)
            _fail(_unprinted_reason(err), _typed_language(typed))
        # --help and --version come back as their exit code; a command that ran, as None
        sys.exit(code if isinstance(code, int) else EXIT_OK)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    package_name="giamngheo",
    message="%(prog)s, phiên bản %(version)s",
    help="Hiện số phiên bản rồi thoát.",
)
def main() -> None:
    """giamngheo: tổng hợp danh sách hộ nghèo, cận nghèo của các xóm thành báo cáo của xã."""


def entry() -> None:
    """The `giamngheo` command (and `python -m pipeline`): :func:`main`, then straight out.

    When the command is done, every file it wrote is closed and synced and the history is
    committed; what is left is the interpreter tearing down pandas, numpy and the run's tables
    one object at a time, a third of a second the officer would wait for nothing. So the
    process ends there, once what it printed is flushed (docs/decisions.md "Doing two things
    at once").
    """
    start.catch_stops()  # Ctrl-C, `kill`, a shutdown, the terminal closed (started from here)
    _speak_vietnamese()
    if not os.environ.get("GIAMNGHEO_DEBUG"):
        # An error inside a finaliser (a zip writer's, after a full disk) is kept for the
        # developers, not printed under the one line the officer is given.
        sys.unraisablehook = _log_unraisable
    # A stop raises KeyboardInterrupt only between the two phase changes below (attribute
    # stores: no signal handler runs inside one), so every one it raises is caught here.
    try:
        try:
            start.PHASE = start.RUNNING
            main()
            code = 0
        finally:
            start.PHASE = start.LEAVING
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:  # a stop outside the command's own handling (click's, _guarded)
        _say_failed(_stopped(typed_command(sys.argv[1:])), _typed_language(sys.argv[1:]))
        code = EXIT_FATAL
    if code is not None and not isinstance(code, int):
        try:
            sys.stderr.write(f"{code}\n")
        except (OSError, AttributeError):
            pass
        code = 1
    start.LEAVING_STATUS = code or 0  # a stop now ends the command at once, with its status
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, AttributeError):
            # a closed pipe: nothing more can be said; no stream at all (started with its
            # output closed, or by pythonw or a scheduled task): nothing was printed
            pass
    os._exit(code or 0)


def _speak_vietnamese() -> None:
    """stdout and stderr in UTF-8 when their encoding cannot write Vietnamese.

    On Windows, output sent to a file or a pipe (`giamngheo run > nhat-ky.txt`, `make` in Git
    Bash, a scheduled task) is in the ANSI code page (cp1252), which has no 'ệ': the first line
    printed raised UnicodeEncodeError, the run (its files already written) ended as an
    unexpected error, and `check` printed nothing. UTF-8 is what Notepad and Git Bash read."""
    for stream in (sys.stdout, sys.stderr):
        try:
            "Lỗi, cảnh báo: tệp đã ghi".encode(stream.encoding or "ascii")
        except (LookupError, UnicodeEncodeError):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (AttributeError, OSError, ValueError):  # not a text stream: leave it
                pass
        except AttributeError:  # no stream (pythonw): nothing printed anyway
            pass


def _log_unraisable(info) -> None:
    log = Path(tempfile.gettempdir()) / "giamngheo-loi.log"
    try:
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{info.err_msg or 'Exception ignored'}: {info.object!r}\n")
            out.writelines(
                traceback.format_exception(info.exc_type, info.exc_value, info.exc_traceback)
            )
    except OSError:
        pass


PROGRESS_MIN_FILES = 10  # fewer files than this finish before a bar would be worth drawing


class Progress:
    """A one-line progress bar on stderr: files read, then files and sheets written.

    Called as ``progress(done, total)`` by the reader and ``progress.step(label, done, total)``
    by the writer. Drawn only on a terminal and only for runs with more than a handful of files.
    """

    WIDTH = 30
    # The stages' words under --lang en: the reader's, and the writer's (pipeline.publish.WRITING)
    # and `check`'s months run (pipeline.checkfiles.MOVEMENTS)
    ENGLISH = {"Đọc tệp": "Reading", "Ghi kết quả": "Writing", "Tính biến động": "Movements"}

    def __init__(self, stream=None, lang: str = "vi"):
        self.stream = stream if stream is not None else sys.stderr
        self.lang = lang
        self.enabled = True
        self.label = ""
        self._last: tuple[str, int] | None = None

    def __call__(self, done: int, total: int) -> None:
        if done == 1 and total < PROGRESS_MIN_FILES:
            self.enabled = False  # a commune's few files: the run is over before the bar matters
        self.step("Đọc tệp", done, total)

    def width(self, label: str, total: int) -> int:
        """The bar's width: ``WIDTH``, less when the terminal is too narrow for the line."""
        columns = shutil.get_terminal_size((80, 24)).columns
        around = max(len(label), 12) + 4 + 2 * len(str(total)) + 1  # "label [] done/total"
        return max(5, min(self.WIDTH, columns - 1 - around))

    def step(self, label: str, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        if self.lang == "en":
            label = self.ENGLISH.get(label, label)
        # The bar fits the terminal: a line longer than it wraps, and each redraw then leaves
        # a broken line behind.
        width = self.width(label, total)
        filled = int(width * done / total)
        # Redraw at most ~50 times per stage: a 2,000-file read must not spend its time printing.
        key = (label, filled if done < total else -1)
        if key == self._last:
            return
        self._last = key
        bar = "#" * filled + "." * (width - filled)
        end = "\n" if done >= total else ""
        self.stream.write(f"\r{label:<12} [{bar}] {done}/{total}{end}")
        self.stream.flush()


def _progress_printer(enabled: bool, lang: str = "vi") -> Progress | None:
    # Only on a terminal: a log file or a pipe gets the summary, not the carriage returns.
    if not enabled or not sys.stderr.isatty():
        return None
    return Progress(lang=lang)


@main.command()
@click.option(
    "--input",
    "input_dir",
    type=click.Path(path_type=Path, readable=False),
    default=DEFAULT_INPUT,
    show_default=True,
    help="Thư mục chứa tệp kế hoạch và danh sách hộ của các xóm.",
)
@_output_option("Thư mục ghi kết quả.")
@click.option(
    "--period", default=None, help="Kỳ báo cáo YYYY-MM (mặc định: kỳ mới nhất trong các danh sách)."
)
@click.option("--strict", is_flag=True, help="Thoát với mã 1 nếu có dòng hoặc tệp bị loại.")
@_LANG
@click.option("--quiet", is_flag=True, help="Không in thanh tiến trình.")
@click.option(
    "--replace",
    is_flag=True,
    help="Chạy lại một kỳ đã tổng hợp dù thiếu tệp của xóm đã có trong lần trước "
    "(các xóm đó bị bỏ khỏi kỳ này).",
)
def run(
    input_dir: Path,
    output_dir: Path,
    period: str | None,
    strict: bool,
    lang: str,
    quiet: bool,
    replace: bool,
) -> None:
    """Tổng hợp một kỳ báo cáo: đọc input/, ghi output/YYYY-MM/."""

    def action():
        from pipeline.text import parse_period

        wanted = None
        if period:
            wanted = parse_period(period)
            if wanted is None:
                _fail(_period_refused(period), lang)
        # A commune's files are read by a forked child while this process imports the
        # libraries the rest of the run needs (pipeline.forked).
        from pipeline.early import start_early

        early = start_early(input_dir)
        try:
            execute = _load_runner()
            started = time.perf_counter()
            result, written, timings = execute(
                input_dir,
                output_dir,
                wanted,
                lang,
                progress=_progress_printer(not quiet, lang),
                early=early,
                replace=replace,
                command=RunCommand(
                    input_dir, output_dir, program_as_started(sys.argv[0], sys.executable)
                ),
            )
        finally:
            start.PHASE = start.LEAVING  # stored: a stop now changes nothing (pipeline.start)
            if early is not None:
                early.cancel()
        try:
            _print_summary(result, written, timings, time.perf_counter() - started, lang)
        except Unprinted as err:  # the month is stored all the same
            _say_stored_unprinted(result, written, err.err, lang)
        # Under --strict, anything sent that was not taken in: a hamlet's file refused, rows
        # left out, a file that could not be used at all (damaged, not a list, a photo of
        # one) whose hamlet cannot be told ('tệp bỏ qua' on screen), or a file refused with an
        # error this run reports while its hamlet shows as not sent (a 'Xóm' not in the plan,
        # a 'Thông tin' without its list sheet).
        refused = {s.file for s in result.submissions if s.status == "rejected"}
        rejected = (
            any(r["status"] == "rejected" for r in result.summary["hamlets"])
            or any(r > 0 for r in result.reporting["rows_rejected"])
            or result.summary["issues"]["files_skipped"] > 0
            or any(i.severity == "error" and i.file in refused for i in result.issues)
        )
        if strict and rejected:
            sys.exit(EXIT_STRICT)

    _guarded(action, lang)


def _period_refused(period: str) -> Message:
    """Why `run --period` does not take ``period``: a month past 12 or a year outside the
    years a period can fall in ('2024-13', '1999-01', written as a period is), a month
    without its year ('tháng 5', 'T5'), a year in two digits ('05/24'), else not of the form
    YYYY-MM (session 50)."""
    from pipeline.text import (
        PERIOD_YEARS,
        parse_month_only,
        parse_short_year_period,
        period_numbers,
    )

    numbers = period_numbers(period)
    if numbers is not None and not 1 <= numbers[1] <= 12:
        return Message(
            f"--period '{period}': không có tháng {numbers[1]}; tháng ghi từ 01 đến 12, dạng "
            "YYYY-MM (ví dụ 2024-05).",
            f"--period '{period}': there is no month {numbers[1]}; the month is 01 to 12, as "
            "YYYY-MM (for example 2024-05).",
        )
    if numbers is not None:
        first, last = PERIOD_YEARS
        return Message(
            f"--period '{period}': năm {numbers[0]} nằm ngoài các năm chương trình nhận "
            f"({first}–{last}); hãy chọn một kỳ của năm kế hoạch, dạng YYYY-MM (ví dụ 2024-05).",
            f"--period '{period}': the year {numbers[0]} is outside the years the program "
            f"takes ({first}–{last}); choose a period of the plan's year, as YYYY-MM (for "
            "example 2024-05).",
        )
    short = parse_short_year_period(period)
    if short is not None:  # '05/24': the year in two digits (session 50)
        return Message(
            f"--period '{period}' ghi năm bằng 2 chữ số: hãy ghi đủ 4 chữ số của năm, dạng "
            f"YYYY-MM ('{period}' là {short}).",
            f"--period '{period}' writes the year in two digits: write the year in full, as "
            f"YYYY-MM ('{period}' is {short}).",
        )
    month = parse_month_only(period)
    if month is not None:
        return Message(
            f"--period '{period}' chưa ghi năm: hãy ghi cả năm, dạng YYYY-MM (tháng {month} "
            f"năm 2024 là 2024-{month:02d}).",
            f"--period '{period}' gives no year: write the year too, as YYYY-MM (month {month} "
            f"of 2024 is 2024-{month:02d}).",
        )
    return Message(
        f"--period '{period}' không đúng dạng YYYY-MM (ví dụ 2024-05).",
        f"--period '{period}' is not of the form YYYY-MM (for example 2024-05).",
    )


def _load_runner():
    """Import everything a run needs, with the garbage collector paused.

    Importing pandas, xlsxwriter and our modules creates some 10⁵ long-lived objects; the
    collector would rescan them again and again while they are created (about a tenth of the
    import time). They are then frozen: later collections skip what lives for the whole run.
    """
    import gc

    gc.disable()
    try:
        import pipeline.history  # noqa: F401
        import pipeline.publish  # noqa: F401
        from pipeline.run import execute
    finally:
        gc.freeze()
        gc.enable()
    return execute


# The run's stages, as the officer reads them in the summary's time line.
STAGE_NAMES_VI = {
    "read": "đọc tệp",
    "validate": "kiểm tra",
    "figures": "tính số liệu",
    "write": "ghi kết quả",
    "history": "lưu lịch sử",
}

_STATUS_WORDS = {
    "vi": {"ok": "đã tổng hợp", "missing": "chưa nộp", "rejected": "bị từ chối"},
    "en": {"ok": "consolidated", "missing": "not received", "rejected": "rejected"},
}
# The run's summary on screen (_print_summary): each line's words, (Vietnamese, English).
_SUMMARY_WORDS = {
    "head": ("Kỳ báo cáo {month} — xã {commune} (chuẩn nghèo {standard}, {area})",
             "Period {month} — {commune} commune (standard {standard}, {area})"),
    "hamlets": ("Xóm: {n[ok]}/{of} {w[ok]}, {n[missing]} {w[missing]}, {n[rejected]} "
                "{w[rejected]}",
                "Hamlets: {n[ok]}/{of} {w[ok]}, {n[missing]} {w[missing]}, {n[rejected]} "
                "{w[rejected]}"),
    "incomplete": (" — SỐ LIỆU CHƯA ĐỦ CÁC XÓM", " — INCOMPLETE"),
    "rates": (("Tỷ lệ hộ nghèo", "Tỷ lệ hộ cận nghèo"), ("Poor rate", "Near-poor rate")),
    # two lines a rate, within 100 characters: the rate and its verdict, read at a glance over
    # the officer's shoulder, then how it moved against the target (session 58, D2)
    "rate": ("{label}: {rate} — {met} ({progress} kế hoạch)",
             "{label}: {rate} — {met} ({progress} of plan)"),
    "rate_detail": ("    đầu năm {start}, {reduction} điểm / chỉ tiêu {target} điểm",
                    "    start {start}, {reduction} points / target {target} points"),
    "met": (("ĐẠT", "CHƯA ĐẠT"), ("MET", "NOT YET")),
    # rows of counted lists left out for an error: the rates are not final (session 52)
    "rows_left_out": ("  Còn {n} dòng hộ có lỗi chưa được tính vào các tỷ lệ trên (xem trang "
                      "'Lỗi dữ liệu'): tỷ lệ và kết quả ĐẠT/CHƯA ĐẠT sẽ thay đổi khi các xóm "
                      "sửa lại.",
                      "  {n} household row(s) with errors are not yet in the rates above (see "
                      "sheet 'Lỗi dữ liệu'): the rates and MET/NOT YET will change once the "
                      "hamlets correct them."),
    "issues": ("Lỗi: {errors}, cảnh báo: {warnings}, tệp bỏ qua: {files_skipped} (xem trang "
               "'Lỗi dữ liệu')",
               "Errors: {errors}, warnings: {warnings}, files skipped: {files_skipped} (see "
               "sheet 'Lỗi dữ liệu')"),
    "workbook": ("Bảng tổng hợp: {}", "Workbook: {}"),
    "public_list": ("Danh sách niêm yết: {}", "Public list: {}"),
    "notice": ("CHÚ Ý: {}", "NOTE: {}"),
    "history": ("Đã lưu vào lịch sử: {}", "Saved to history: {}"),
    "replaced": (" (thay kết quả lần chạy trước của kỳ này)",
                 " (replaces this period's earlier run)"),
    "feedback": ("Phản hồi cho các xóm: {} tệp trong {}", "Feedback for hamlets: {} file(s) in {}"),
    "time": ("Thời gian: ", "Time: "),
    "stage": ("{} {} giây", "{} {}s"),
    "total": ("; tổng {} giây", "; total {}s"),
}  # fmt: skip


def _two_places(value: float, lang: str) -> str:
    """``value`` to 2 decimals, the run's way; one that rounds to zero has no sign ('0,00')."""
    if round(value, 2) == 0:
        value = 0.0  # not '-0,00'
    return format_vn(value) if lang == "vi" else f"{value:.2f}"


def _pct(value: float | None, lang: str) -> str:
    if value is None:
        return "—"
    return f"{_two_places(value, lang)} %"


_CHANGE_WORDS = {"vi": ("giảm", "tăng"), "en": ("down", "up")}


def _reduction(value: float | None, lang: str) -> str:
    """A rate's fall in points as the summary says it: 'giảm 0,74' / 'down 0.74'; a rate that
    rose says so ('tăng 0,24' / 'up 0.24'); one not zero that two decimals would write 0,00 is
    written with its first two digits (text.point_places: 'giảm 0,0013'), one too small for
    four decimals in words ('giảm dưới 0,0001', text.small_figure), and a zero 'giảm 0,00'."""
    down, up = _CHANGE_WORDS[lang]
    if value is None:
        return f"{down} —"
    return f"{up if value < 0 else down} {small_figure(abs(value), lang)}"


def _progress(value: float | None, lang: str) -> str:
    """A progress in % of the target by the reduction's rule (text.small_figure): '0,43 %',
    '0,0043 %' where two decimals would write 0,00 beside a reduction in digits, 'dưới 0,0001
    %' (session 49)."""
    return "—" if value is None else f"{small_figure(value, lang)} %"


def _plans_set_aside(issues, lang: str) -> list[str]:
    """A line for each plan of the year set aside for the one used (plan-duplicate): both
    named, and whether their figures differ, the first differences said."""
    vi = lang == "vi"
    lines = []
    for issue in issues:
        if issue.code != "plan-duplicate":
            continue
        if issue.variant.startswith("commune"):  # a merger: why the one used was taken, in it
            said = in_language(issue.instead, lang).replace("tệp này", "tệp để riêng")
            said = said.replace("this one", "the one set aside")
            lines.append(
                f"Kế hoạch: dùng '{issue.detail}', để riêng '{issue.file}' cùng năm — {said} "
                "(xem trang 'Lỗi dữ liệu')"
                if vi
                else f"Plan: used '{issue.detail}', set aside '{issue.file}' of the same year — "
                f"{said} (see sheet 'Lỗi dữ liệu')"
            )
            continue
        if issue.variant.startswith("named-other-year"):  # next year's plan (session 44)
            year, blank = issue.value, issue.variant.endswith("-blank")  # its year cell blank
            lines.append(
                f"Kế hoạch: dùng '{issue.detail}', để riêng '{issue.file}' — tệp này mang tên năm "
                f"{year} nhưng 'Năm kế hoạch' "
                + ("không ghi năm" if blank else "ghi năm của kỳ này")
                + f": nếu đó là kế hoạch năm {year}, hãy "
                + (f"ghi {year} vào ô đó" if blank else f"sửa ô đó thành {year}")
                + " (xem trang 'Lỗi dữ liệu')"
                if vi
                else f"Plan: used '{issue.detail}', set aside '{issue.file}' — it is named for "
                f"{year} but its 'Năm kế hoạch' "
                + ("gives no year" if blank else "says this period's year")
                + f": if it is the {year} plan, "
                + (f"write {year} in that cell" if blank else f"correct that cell to {year}")
                + " (see sheet 'Lỗi dữ liệu')"
            )
            continue
        if issue.variant == "spoiled":  # a sheet of the plan's missing or misnamed (session 62)
            sheets = in_language(issue.instead, lang)
            lines.append(
                f"Kế hoạch: dùng '{issue.detail}', để riêng '{issue.file}' — tệp này có vẻ là kế "
                f"hoạch nhưng không có trang {sheets} (xem trang 'Lỗi dữ liệu')"
                if vi
                else f"Plan: used '{issue.detail}', set aside '{issue.file}' — it looks like the "
                f"plan but has no sheet {sheets} (see sheet 'Lỗi dữ liệu')"
            )
            continue
        variant = issue.variant.removesuffix("stored").removesuffix("-")
        if variant == "same":
            how = "số liệu hai tệp giống nhau" if vi else "their figures are the same"
        elif variant == "differ":
            # on screen, 'this file' of the warning is the one set aside
            differ = in_language(issue.instead, lang)
            how = (
                "số liệu KHÁC nhau: " + differ.replace("ở tệp này", "ở tệp để riêng")
                if vi
                else "their figures DIFFER: "
                + differ.replace("in this one", "in the one set aside")
            )
        elif vi:
            how = "không so được số liệu: tệp để riêng không đọc được làm kế hoạch"
        else:
            how = "figures not compared: the one set aside cannot be read as a plan"
        if issue.variant.endswith("stored"):  # taken for the commune the period was run for
            why = (
                "kỳ này đã tổng hợp theo xã của tệp đó"
                if vi
                else "the period was run for its commune"
            )
        else:
            why = "tệp sửa sau cùng" if vi else "the last saved"
        lines.append(
            f"Kế hoạch: dùng '{issue.detail}' ({why}), để riêng '{issue.file}' "
            f"cùng năm — {how} (xem trang 'Lỗi dữ liệu')"
            if vi
            else f"Plan: used '{issue.detail}' ({why}), set aside '{issue.file}' of the "
            f"same year — {how} (see sheet 'Lỗi dữ liệu')"
        )
    return lines


# A file named for a hamlet that sent nothing, skipped unread (consolidate.named_skipped_files),
# as the summary's "not received" line names it beside the hamlet: (Vietnamese, English).
_SKIPPED_NAMED = {
    "shortcut": ("chỉ có lối tắt {file}, không phải chính danh sách",
                 "only a shortcut {file}, not the list itself"),
    "hidden": ("tệp ẩn {file} chưa được đọc", "hidden file {file}, not read"),
    "archive": ("tệp nén {file} chưa giải nén", "compressed file {file}, not unpacked"),
    "hidden_folder": ("danh sách {file} trong thư mục ẩn chưa được đọc",
                      "list {file} in a hidden folder, not read"),
    "output_folder": ("danh sách {file} trong thư mục kết quả chưa được đọc",
                      "list {file} in an output folder, not read"),
}  # fmt: skip


def skipped_named_said(file: str, kind: str, lang: str, workbook: bool = True) -> str:
    """What the "Chưa nộp" line says beside a hamlet of the file skipped unread found named
    for it (``kind`` as consolidate.named_skipped_files gives it): the run's words and `check`'s
    alike (session 57, H3), the run's sending to its sheet 'Lỗi dữ liệu' (``workbook``), where
    `check` said the file on its own line above."""
    said = _SKIPPED_NAMED[kind][0 if lang == "vi" else 1].format(file=file)
    if not workbook:
        return said
    return said + (", xem trang 'Lỗi dữ liệu'" if lang == "vi" else ", see sheet 'Lỗi dữ liệu'")


# At most this many hamlets are named on the summary's "not received" line, and said on as many
# "rejected" lines; the others are counted (a province's run can miss hundreds).
NAMED_ON_SCREEN = 8
# The width a refused hamlet's line keeps within, its reason said whole beside the name and file
# or on a line of its own under them: fixed, so that a log and a console show the same lines (a
# Windows console opens 120 columns wide).
SCREEN_WIDTH = 100


def _shown(text: str) -> int:
    """The characters ``text`` shows on screen: a combining mark (a file name in NFD, as a Mac
    or a phone writes it: 'ò' as 'o' and its mark) shows none of its own (session 57, R6)."""
    return sum(1 for ch in text if not unicodedata.combining(ch))


# Where a reason's clause ends, the cut the screen prefers to a space between two syllables,
# which may fall inside a word ('phần mềm', 'Bản Piềng'); and before a bracket that ends it or
# its clause ("tệp bị hỏng hoặc chưa chép hết (tải về, …)"), not one inside it ('trang web
# (HTML) hoặc …').
_CLAUSE_ENDS = (", ", "; ", ": ", " — ")


def _clause_cut(reason: str, room: int) -> str:
    """The longest start of ``reason`` made of whole clauses (:data:`_CLAUSE_ENDS`, outside
    brackets) showing at most ``room`` characters; '' when its first clause is longer."""
    ends = [at for end in _CLAUSE_ENDS for at in _found_all(reason, end)]
    for at in _found_all(reason, " ("):
        close = reason.find(")", at)
        after = reason[close + 1 :] if close != -1 else ""
        if not after or any(after.startswith(end) for end in _CLAUSE_ENDS):
            ends.append(at)
    for at in sorted(ends, reverse=True):
        text = reason[:at]
        if at > 0 and _shown(text) <= room and text.count("(") == text.count(")"):
            return text
    return ""


def _found_all(text: str, part: str) -> list[int]:
    """Where ``part`` starts in ``text``, each place."""
    found, at = [], text.find(part)
    while at != -1:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def _word_cut(reason: str, room: int) -> str:
    """The start of ``reason`` showing at most ``room`` characters, cut between two words (a
    mark kept with its letter), before a bracket it would leave open ("hỏng hoặc chưa chép hết
    (tải về, gửi…" reads as a fault): for a first clause longer than the line."""
    shown = end = 0
    while end < len(reason) and (shown < room or unicodedata.combining(reason[end])):
        shown += not unicodedata.combining(reason[end])
        end += 1
    text = reason[: end + 1] if end < len(reason) else reason
    if " " in text:
        text = text[: text.rfind(" ")]
    else:
        text = text[:end]
    if text.count("(") > text.count(")") and " (" in text:
        text = text[: text.rfind(" (")]
    return text


def _cut_to_width(head: str, reason: str) -> str:
    """``head`` then ``reason``, the reason's last clauses left out with '…' when the line shows
    more than :data:`SCREEN_WIDTH` characters (:func:`_clause_cut`; a first clause too long
    for the line cut between two words, :func:`_word_cut`)."""
    if _shown(head) + _shown(reason) <= SCREEN_WIDTH:
        return head + reason
    room = max(SCREEN_WIDTH - _shown(head) - 1, 1)
    text = _clause_cut(reason, room) or _word_cut(reason, room)
    return head + text.rstrip(" ,;:—-") + "…"


def _reason_lines(head: str, why: str | None, whole: tuple[str, ...] = ()) -> list[str]:
    """A refused hamlet's line ``head`` with ``why`` after a dash where the whole reason fits
    the screen; else the reason on a line of its own under it, with the most room, cut there
    at a clause if longer (session 57, R6: cut beside the name at a space, "… tệp XML xuất từ
    phần…", "… nhưng các mã hộ là của…" said half a word, or not whose list it is). A head
    longer than the screen (a long file name) on lines of its own (:func:`_wrapped`), the
    reason beside its last or under it (session 58, D), not broken inside the hamlets named in
    ``whole`` (session 58, R4)."""
    *above, last = _wrapped(head, whole=whole)
    if why is None:
        return [*above, last]
    beside = f"{last} — "
    if _shown(beside) + _shown(why) <= SCREEN_WIDTH:
        return [*above, beside + why]
    return [*above, last, _cut_to_width("    — ", why)]


# Where a line too long for the screen is broken: after a space (left out) or a folder's '/' or
# '\\' (kept), the last that fits; the lines after the first under these spaces.
_BREAKS, _WRAPPED_INDENT = (" ", "/", "\\"), "    "


def _wrapped(text: str, between: str = "", whole: tuple[str, ...] = ()) -> list[str]:
    """``text`` on lines of at most :data:`SCREEN_WIDTH` characters shown, broken at the last
    space, '/' or '\\' that fits (a path's folders, a name's words), a piece longer than a line
    where the line ends (a letter's marks kept with it), the lines after the first indented by
    :data:`_WRAPPED_INDENT`. Nothing is left out: a file name is what the officer looks for in
    the folder (session 57's R6 kept it whole, its line past 100 characters; session 58, D).
    ``between``: where a break is taken first, outside brackets (else inside them), its mark
    kept and the space after it left out (', ' between two hamlets named, or before "xem trang
    'Lỗi dữ liệu'" in a hamlet's file words: not inside 'Bản Piềng'; session 58, D2).
    ``whole``: texts not broken inside where they stand in ``text`` (the hamlets it names: "… của
    xóm Nà" / "Mòn: …" read as two hamlets; session 58, R4)."""
    lines = []
    while _shown(text) > SCREEN_WIDTH:
        end = shown = 0
        while end < len(text) and (shown < SCREEN_WIDTH or unicodedata.combining(text[end])):
            shown += not unicodedata.combining(text[end])
            end += 1
        floor = len(text) - len(text.lstrip(" "))  # not within the line's own indent
        kept = len(between.rstrip(" "))
        found = [at for at in _found_all(text[: end + len(between) - kept], between) if at > floor]
        # outside brackets first; else inside them (a hamlet's file words: "…, xem trang …")
        closed = [at for at in found if text[:at].count("(") == text[:at].count(")")] or found
        # a space or a folder's mark, the last that fits, not inside a hamlet's name (R4)
        inside = {i for name in whole if name for at in _found_all(text, name)
                  for i in range(at + 1, at + len(name))}  # fmt: skip
        at = next((i for i in range(min(end, len(text) - 1), floor, -1)
                   if i not in inside and (text[i] == " " or (text[i] in _BREAKS and i < end))),
                  -1)  # fmt: skip
        if between and closed:
            first, rest = text[: closed[-1] + kept], text[closed[-1] + len(between) :]
        elif at == -1:  # no break: cut where the line ends
            first, rest = text[:end], text[end:]
        elif text[at] == " ":
            first, rest = text[:at], text[at + 1 :]
        else:
            first, rest = text[: at + 1], text[at + 1 :]
        lines.append(first)
        text = _WRAPPED_INDENT + rest
    return [*lines, text]


def _named_lines(
    head: str, names: list[str], lang: str, sheet: str = "", whole: tuple[str, ...] = ()
) -> list[str]:
    """``names`` (hamlets, each perhaps with its file's words) after ``head`` as the "Chưa nộp"
    lines of a run and of `check` say them: at most :data:`NAMED_ON_SCREEN`, then "và k xóm
    khác", with the workbook's ``sheet`` that names them all when there is one (a run's); on
    lines within :data:`SCREEN_WIDTH`, broken between two hamlets where one fits (session 58,
    D2: one line past 100 characters before), and not inside a hamlet's name (``whole``) where
    a break falls at a space (R4)."""
    shown = ", ".join(names[:NAMED_ON_SCREEN])
    if (more := len(names) - NAMED_ON_SCREEN) > 0:
        if lang == "vi":
            shown += f" và {more} xóm khác" + (f" (xem trang '{sheet}')" if sheet else "")
        else:
            shown += f" and {more} more" + (f" (see sheet '{sheet}')" if sheet else "")
    return _wrapped(head + shown, between=", ", whole=whole)


def _absent_lines(result, lang: str) -> list[str]:
    """Under the hamlets' count, which hamlets sent no list and whose list was refused (its
    file named), at most NAMED_ON_SCREEN each, so that the officer knows whom to call without
    opening the workbook. A hamlet whose figures lack a list sent apart is said by
    :func:`_incomplete_lines` instead. Session 32."""
    vi = lang == "vi"
    files = {}
    reporting = getattr(result, "reporting", None)
    if reporting is not None and len(reporting):
        files = dict(zip(reporting["hamlet"], reporting["file"], strict=True))
    # an older copy set aside for the refused one: named beside it, the officer may take the
    # newer out to use it (session 37)
    from pipeline.consolidate import older_set_aside  # (imported by the run already)

    older = older_set_aside(getattr(result, "issues", ()))
    # a copy of another hamlet's list under this hamlet's name: whose list it is (session 43)
    copied = {i.file: i for i in getattr(result, "issues", ())
              if i.code == "hamlet-codes-of-file-name" and i.variant == "same-file"}  # fmt: skip
    # a damaged file loose in the input folder whose name gives another month, of a hamlet that
    # sent nothing this month: that month's (no error here), but perhaps this month's list with
    # its month mistyped, so named beside the hamlet (session 43)
    from pipeline.rosterchecks import folder_month, month_written

    damaged = {}
    for sub in getattr(result, "submissions", ()):
        period = sub.extra.get("name_period")
        if sub.status == "other_period" and sub.kind == "unreadable" and period and sub.hamlet:
            if folder_month(sub.file) is None:
                damaged.setdefault(sub.hamlet, (sub.file, month_written(period)))
    # a shortcut, a hidden file or a hidden folder's list named for a hamlet that sent nothing,
    # skipped unread: named beside it, as its line on 'Nộp báo cáo' names it (session 51)
    from pipeline.consolidate import named_skipped_files

    skipped = named_skipped_files(list(getattr(result, "submissions", ())))
    # why each refused list was refused, in the few words of 'Nộp báo cáo' (session 57)
    from pipeline.report.reporting import refusal_reasons

    reasons = refusal_reasons(list(getattr(result, "issues", ())), lang)
    lines = []
    for status, label in (
        ("missing", "Chưa nộp" if vi else "Not received"),
        ("rejected", "Bị từ chối" if vi else "Rejected"),
    ):
        names = []
        for h in result.summary["hamlets"]:
            if h["status"] != status or h.get("incomplete"):
                continue
            file = files.get(h["hamlet"]) if status == "rejected" else ""
            if file and older.get(file):
                aside = ", ".join(older[file])
                file += (
                    f"; bản cũ hơn {aside} để riêng, xem trang 'Lỗi dữ liệu'"
                    if vi
                    else f"; older copy {aside} set aside, see sheet 'Lỗi dữ liệu'"
                )
            if file in copied:
                of = copied[file]
                file += (
                    f" giống hệt tệp {of.detail} của xóm {of.instead}: xóm chưa gửi danh sách "
                    "của mình"
                    if vi
                    else f" is the very same as {of.instead}'s file {of.detail}: the hamlet has "
                    "not sent its own list"
                )
            if status == "missing" and h["hamlet"] in damaged:
                file, month = damaged[h["hamlet"]]
                file = (
                    f"tệp {file} mang tên kỳ {month} không đọc được, xem trang 'Nộp báo cáo'"
                    if vi
                    else f"file {file}, named for {month}, cannot be read, see sheet 'Nộp báo cáo'"
                )
            elif status == "missing" and h["hamlet"] in skipped:
                file, kind = skipped[h["hamlet"]]
                file = skipped_named_said(file, kind, lang)
            named = f"{h['hamlet']} ({file})" if file else h["hamlet"]
            if status == "rejected":  # a line each, with why (a copied list says it already)
                own = files.get(h["hamlet"]) or ""
                why = None if own in copied else reasons.get(own)
                head = f"  {label}: {named}"
                # not broken inside a hamlet's name: the refused one, the one copied (R4)
                whole = (h["hamlet"], *([copied[own].instead] if own in copied else []))
                names.append(_reason_lines(head, why or None, whole))
                continue
            names.append(named)
        if not names:
            continue
        if status == "rejected":
            lines.extend(line for said in names[:NAMED_ON_SCREEN] for line in said)
            if (more := len(names) - NAMED_ON_SCREEN) > 0:
                lines.append(
                    f"  {label}: … và {more} xóm khác, xem trang 'Lỗi dữ liệu'"
                    if vi
                    else f"  {label}: … and {more} more, see sheet 'Lỗi dữ liệu'"
                )
            continue
        hamlets = tuple(h["hamlet"] for h in result.summary["hamlets"] if h["status"] == status)
        lines.extend(_named_lines(f"  {label}: ", names, lang, "Nộp báo cáo", hamlets))
    # a folder of the input that could not be listed: a hamlet "not received" may be in it
    folders = sorted(
        {i.file for i in getattr(result, "issues", ()) if i.code == "folder-unopened"}, key=vi_key
    )
    if folders:
        shown = ", ".join(folders)
        lines.append(
            f"  Thư mục không mở được trên máy này, các tệp trong đó chưa được đọc: {shown} "
            "(xem trang 'Lỗi dữ liệu')"
            if vi
            else f"  Folders this computer cannot open, their files not read: {shown} (see "
            "sheet 'Lỗi dữ liệu')"
        )
    return lines


def _incomplete_lines(summary: dict, lang: str) -> list[str]:
    """A line per hamlet whose figures lack the households of a list sent apart (a hamlet
    merged into it in the plan, refused; counted among the rejected): what and what to do."""
    lines = []
    for h in summary["hamlets"]:
        apart = h.get("incomplete")
        if not apart:
            continue
        written, file = apart["hamlet_written"], apart["file"]
        n = in_language(
            apart_households(apart["households_apart"], apart["households_listed_apart"]), lang
        )
        if not written:  # a list naming no hamlet, told by its codes (session 51)
            lines.append(
                f"  {with_unit(h['hamlet'], 'Xóm')}: số liệu thiếu {n} của danh sách không ghi "
                f"tên xóm ({file}, bị từ chối), nên chưa tính vào số liệu toàn xã — cần một danh "
                "sách cho cả xóm"
                if lang == "vi"
                else f"  {h['hamlet']}: its figures lack the {n} on a list naming no hamlet "
                f"({file}, refused), so it is left out of the commune's figures — one list is "
                "needed for the whole hamlet"
            )
            continue
        if apart.get("hamlet_written_in_plan"):  # a neighbour named, the codes its (session 51)
            lines.append(
                f"  {with_unit(h['hamlet'], 'Xóm')}: số liệu thiếu {n} của danh sách ghi xóm "
                f"'{written}' mà các mã hộ là của xóm ({file}, bị từ chối), nên chưa tính vào số "
                "liệu toàn xã — cần một danh sách cho cả xóm"
                if lang == "vi"
                else f"  {h['hamlet']}: its figures lack the {n} on a list naming '{written}' "
                f"whose codes are its own ({file}, refused), so it is left out of the commune's "
                "figures — one list is needed for the whole hamlet"
            )
            continue
        lines.append(
            f"  {with_unit(h['hamlet'], 'Xóm')}: số liệu thiếu {n} của danh sách xóm '{written}' gửi riêng "
            f"({file}, bị từ chối), nên chưa tính vào số liệu toàn xã — cần một danh sách cho "
            "cả xóm, với tổng số hộ dân cư của cả xóm"
            if lang == "vi"
            else f"  {h['hamlet']}: its figures lack the {n} on the list of "
            f"hamlet '{written}', sent apart ({file}, refused), so it is left out of the "
            "commune's figures — one list is needed for the whole hamlet, with its total "
            "resident households"
        )
    return lines


def _indicators_assumed(summary: dict, lang: str) -> list[str]:
    """The line saying a standard's indicator list is unconfirmed (2027-2030) and what the tool
    assumed, where the note on 'Thiếu hụt' says it in full (docs/decisions.md, session 38)."""
    from schemas.standards import STANDARDS

    standard = STANDARDS.get(summary.get("standard", ""))
    if standard is None or standard.indicators_confirmed:
        return []
    if lang == "vi":
        return [
            f"Lưu ý: chỉ số thiếu hụt của chuẩn {standard.name} chưa được xác nhận; công cụ vẫn "
            "dùng 12 chỉ số của chuẩn 2022-2025 (xem ghi chú trang 'Thiếu hụt')."
        ]
    return [
        f"Note: the deprivation indicators of the {standard.name} standard are not confirmed; "
        "the tool keeps the 12 indicators of 2022-2025 (see the note on 'Thiếu hụt')."
    ]


def _print_summary(result, written: dict, timings, elapsed: float, lang: str) -> None:
    s = result.summary
    t = s["totals"]
    month = f"{s['period'][5:]}/{s['period'][:4]}"
    counts = {
        k: sum(1 for h in s["hamlets"] if h["status"] == k) for k in ("ok", "missing", "rejected")
    }
    say = {key: words[lang == "en"] for key, words in _SUMMARY_WORDS.items()}
    # numbers as the run's screen text has them: 1.234,56 in Vietnamese, 1234.56 in English
    number = format_vn if lang == "vi" else "{:.2f}".format
    area = s["area"] if lang == "en" else "nông thôn" if s["area"] == "rural" else "thành thị"
    lines = [
        say["head"].format(month=month, commune=s["commune"], standard=s["standard"], area=area),
        say["hamlets"].format(n=counts, of=len(s["hamlets"]), w=_STATUS_WORDS[lang])
        + ("" if s["complete"] else say["incomplete"]),
        *_absent_lines(result, lang),
        *_incomplete_lines(s, lang),
        *_indicators_assumed(s, lang),
    ]
    for label, key in zip(say["rates"], ("poor", "near_poor"), strict=True):
        figures = {
            "label": label,
            "rate": _pct(t[f"{key}_rate"], lang),
            "start": _pct(t[f"start_{key}_rate"], lang),
            "reduction": _reduction(t[f"{key}_rate_reduction"], lang),
            "target": number(t[f"{key}_target"]),
            "met": say["met"][not t[f"{key}_target_met"]],
            "progress": _progress(t[f"{key}_progress"], lang),
        }
        lines += [say["rate"].format(**figures), say["rate_detail"].format(**figures)]
    if s["issues"].get("rows_left_out"):  # as 'Tổng hợp' says it under its hamlets' line
        # within 100 characters, broken after its first clause (session 58, D2)
        lines += _wrapped(say["rows_left_out"].format(n=s["issues"]["rows_left_out"]), ": ")
    lines.append(say["issues"].format(**s["issues"]))
    lines.extend(_plans_set_aside(result.issues, lang))
    lines.append(say["workbook"].format(written["workbook"]))
    if written.get("public_list"):
        lines.append(say["public_list"].format(written["public_list"]))
    from pipeline.output import NOTICES

    lines.extend(say["notice"].format(in_language(notice, lang)) for notice in NOTICES)
    if written.get("history"):
        again = say["replaced"] if written.get("replaced_run") else ""
        lines.append(say["history"].format(written["history"]) + again)
    if written.get("feedback"):
        lines.append(say["feedback"].format(len(written["feedback"]), written["feedback_dir"]))
    stages = STAGE_NAMES_VI if lang == "vi" else {}
    # within 100 characters, broken between two stages (session 58, D2: 134 on the sample)
    lines += _wrapped(
        say["time"]
        + ", ".join(
            say["stage"].format(stages.get(k, k), number(v)) for k, v in timings.stages.items()
        )
        + say["total"].format(number(elapsed)),
        between=", ",
    )
    _echo("\n".join(lines))


@main.command()
@_output_option("Thư mục kết quả chứa kho lịch sử lich-su.sqlite. Chỉ đọc, không ghi gì.")
@click.option(
    "--period",
    default=None,
    help="Kỳ YYYY-MM: liệt kê mọi lần chạy của kỳ đó (cả các lần đã được chạy lại), mỗi lần với "
    "số liệu toàn xã của nó.",
)
@_LANG
def history(output_dir: Path, period: str | None, lang: str) -> None:
    """Liệt kê các kỳ đã lưu trong kho lịch sử cùng số liệu toàn xã."""

    def action():
        from pipeline.history import HISTORY_FILE, HistoryStore, being_made_said

        if not output_dir.is_dir():  # a mistyped folder must not look like a lost history
            _fail(_no_output_folder(output_dir), lang)
        # only read, opened as `check` opens it: nothing made, changed or left beside it (a WAL
        # store's '-wal' read, never put into it), a store held said in `check`'s words. A
        # journal beside it said first as `check` says it; a write cut off (or a '-wal' alone)
        # cannot be read so before a run puts it back: said, nothing listed.
        store = HistoryStore(output_dir / HISTORY_FILE, read_only=True)
        if (making := store.made_by_a_run()) is not None:  # its first month being stored now
            said = being_made_said(store.path, making.pid, listing=True, computer=making.computer)
            _echo(in_language(said, lang))
            return
        journal = store.journal_said()
        if journal is not None and store.cut_off():
            _fail(
                Message(
                    f"{journal} {_LISTED_AFTER_A_RUN}", f"{journal.en} {_LISTED_AFTER_A_RUN.en}"
                ),
                lang,
            )
        if journal is not None:
            _echo(in_language(journal, lang))
        en = lang == "en"
        if period is not None:
            _runs_of_period(store, period, lang)
            return
        periods = store.periods()
        if not periods:
            _echo(
                f"No period stored in {store.path} yet."
                if en
                else f"Chưa có kỳ nào trong {store.path}."
            )
            return
        heads = (
            ("Period", "Households", "Poor", "Rate %", "Near-poor", "Rate %", "All", "Run at")
            if en
            else (
                "Kỳ",
                "Số hộ",
                "Hộ nghèo",
                "Tỷ lệ %",
                "Cận nghèo",
                "Tỷ lệ %",
                "Đủ xóm",
                "Lần chạy",
            )
        )
        # a commune merger in the middle of the year: each month says whose it is
        communes = {commune_key(p["commune"]) for p in periods}
        merged = len(communes) > 1
        _echo(
            f"{heads[0]:<8} {heads[1]:>10} {heads[2]:>9} {heads[3]:>8} {heads[4]:>10} "
            f"{heads[5]:>8}  {heads[6]:<6}  "
            + (f"{heads[7]:<16}  " + ("Commune" if en else "Xã") if merged else heads[7])
        )
        stale_periods: list[str] = []  # stored periods built on an earlier one run again
        reruns = [run for run in store.reruns() if run[2]]  # those that changed later periods
        for p in periods:
            t = p["totals"]
            # Run before an earlier period was run again with new figures: built on its old ones
            # (the same test as the notice of the run that did it); run ids tell which ran first
            # even within one second.
            older = any(q < p["period"] and run > p["run_id"] for q, run, _ in reruns)
            if older:
                stale_periods.append(p["period"])
            complete = ("yes" if en else "có") if p["complete"] else ("no" if en else "không")
            rate = (lambda x: f"{x:.2f}") if en else format_vn  # noqa: E731
            _echo(
                f"{p['period']:<8} {t['households']:>10} {t['poor']:>9} "
                f"{rate(t['poor_rate']):>8} {t['near_poor']:>10} "
                f"{rate(t['near_poor_rate']):>8}  {complete:<6}  "
                + (
                    f"{_local_time(p['ran_at'], en):<16}  {p['commune']}"
                    if merged
                    else _local_time(p["ran_at"], en)
                )
                + (" *" if older else "")
            )
        skipped = months_between([p["period"] for p in periods])
        if skipped:
            # a month never run between two stored ones: the month after it has no "since last
            # month" table ('Biến động' says so), and nothing else the officer lists shows it
            months = ", ".join(f"{m[5:]}/{m[:4]}" for m in skipped)
            _echo(
                f"Not consolidated between the periods above: {months} (the period after each "
                "has no changes since last month)."
                if en
                else f"Chưa tổng hợp giữa các kỳ trên: {months} (kỳ ngay sau không có biến động "
                "so với tháng trước)."
            )
        if stale_periods:
            # In order, each as the officer would run it: with the input folder the period's
            # stored run read (the default one for a run stored before that was kept).
            program = program_as_started(sys.argv[0], sys.executable)
            folders = {p["period"]: p.get("input_dir") or DEFAULT_INPUT for p in periods}
            commands = commands_in_turn(
                RunCommand(Path(folders[p]), output_dir, program).of(p) for p in stale_periods
            )
            _echo(
                "* Run before an earlier period was run again with new figures: its changes "
                f"since last month and trend may follow the old figures; run those periods "
                f"again, in order{commands}"
                if en
                else "* Chạy trước khi một kỳ trước đó được chạy lại với số liệu mới: biến động so "
                "với tháng trước và xu hướng có thể theo số liệu cũ; hãy chạy lại các kỳ đó theo "
                f"thứ tự{commands}"
            )

    _guarded(action, lang)


def _runs_of_period(store, given: str, lang: str) -> None:
    """`history --period`: every stored run of the month, oldest first, each with its time, the
    commune's figures as that run consolidated them, whether it had every hamlet, how many input
    files it read and their fingerprint (HistoryStore.runs_of); the run the month's figures now
    come from marked (docs/decisions.md, session 51)."""
    from pipeline.text import parse_period

    en = lang == "en"
    period = parse_period(given.strip())
    if period is None:  # said as `run --period` says it: the month, the year, its two digits
        _fail(_period_refused(given), lang)
    month = f"{period[5:]}/{period[:4]}"
    runs = store.runs_of(period)
    if not runs:
        _echo(
            f"Period {month} is not stored in {store.path}."
            if en
            else f"Chưa có kỳ {month} trong {store.path}."
        )
        return
    heads = (
        ("Run at", "Households", "Poor", "Rate %", "Near-poor", "Rate %", "All", "Files", "Print")
        if en
        else ("Lần chạy", "Số hộ", "Hộ nghèo", "Tỷ lệ %", "Cận nghèo", "Tỷ lệ %", "Đủ xóm",
              "Số tệp", "Dấu tệp")
    )  # fmt: skip
    _echo(f"Period {month}: {len(runs)} run(s)" if en else f"Kỳ {month}: {len(runs)} lần chạy")
    _echo(
        f"{heads[0]:<19} {heads[1]:>10} {heads[2]:>9} {heads[3]:>8} {heads[4]:>10} "
        f"{heads[5]:>8}  {heads[6]:<6} {heads[7]:>7}  {heads[8]}"
    )
    rate = (lambda x: f"{x:.2f}") if en else format_vn  # noqa: E731
    for run in runs:
        t = run["totals"]
        complete = ("yes" if en else "có") if run["complete"] else ("no" if en else "không")
        used = ("  (in use)" if en else "  (đang dùng)") if run["current"] else ""
        _echo(
            f"{_local_time(run['ran_at'], en, seconds=True):<19} {t['households']:>10} {t['poor']:>9} "
            f"{rate(t['poor_rate']):>8} {t['near_poor']:>10} {rate(t['near_poor_rate']):>8}  "
            f"{complete:<6} {run['files']:>7}  {run['fingerprint']}{used}"
        )
    _echo(
        "The run marked (in use) gives the period's figures now; the others were replaced by a "
        "later run. Files: the plan and the period's lists read; the same print: the same "
        "files, byte for byte."
        if en
        else "Lần chạy ghi (đang dùng) cho số liệu hiện nay của kỳ; các lần khác đã được thay "
        "bằng lần chạy sau. Số tệp: tệp kế hoạch và các danh sách của kỳ đã đọc; cùng dấu tệp: "
        "cùng các tệp đó, không sai một byte."
    )
    for line in _replaced_by_hamlet(runs, en):
        _echo(line)


def _replaced_by_hamlet(runs: list[dict], en: bool) -> list[str]:
    """`history --period`'s lines of what each run replaced had per hamlet where it differs
    from the run in use (its status, or its households, poor and near-poor): the hamlets whose
    figures the officer may have sent otherwise, at most NAMED_ON_SCREEN a run; a run alike in
    every hamlet said so. None without a run in use or a run replaced (session 52)."""
    used = next((run for run in runs if run["current"]), None)
    if used is None or len(runs) < 2:
        return []
    now = {h[0]: h[1:] for h in used["hamlets"]}

    def said(figures: tuple | None) -> str:
        if figures is None:  # a hamlet that run's plan did not have
            return "not in that run's plan" if en else "không có trong kế hoạch của lần đó"
        status, households, poor, near_poor = figures
        if status != "ok":
            if en:
                return "not received" if status == "missing" else "not counted"
            return "chưa nộp" if status == "missing" else "không được tính"
        if en:
            return f"{households} households, {poor} poor, {near_poor} near-poor"
        return f"{households} hộ, {poor} nghèo, {near_poor} cận nghèo"

    lines = [
        "By hamlet, the runs replaced (the hamlets whose figures differ from the run in use):"
        if en
        else "Theo xóm, các lần đã được thay (các xóm có số liệu khác lần đang dùng):"
    ]
    for run in runs:
        if run is used:
            continue
        then = {h[0]: h[1:] for h in run["hamlets"]}
        names = [h[0] for h in run["hamlets"]]
        names += [name for name in now if name not in then]
        differ = [
            f"{name} {said(then.get(name))} ("
            + ("in use: " if en else "lần đang dùng: ")
            + f"{said(now.get(name))})"
            for name in names
            if then.get(name) != now.get(name)
        ]
        if not differ:
            text = "every hamlet as in the run in use" if en else "từng xóm như lần đang dùng"
        else:
            text = "; ".join(differ[:NAMED_ON_SCREEN])
            more = len(differ) - NAMED_ON_SCREEN
            if more > 0:
                text += f"; and {more} more hamlets" if en else f"; và {more} xóm khác"
        lines.append(f"  {_local_time(run['ran_at'], en, seconds=True)}: {text}")
    return lines


# said after a write cut off beside the history (journal_said): `history` lists it after that run
_LISTED_AFTER_A_RUN = Message(
    "Các kỳ đã lưu sẽ được liệt kê sau lần chạy đó.",
    "The stored periods are listed after that run.",
)


def _no_output_folder(output_dir: Path) -> Message:
    # named once, from the current folder where it lies under it (session 60; session 57 added
    # the full path after one typed relative)
    named, where = folder_named(output_dir), looked_in(output_dir)
    if output_dir.is_file():  # not "no folder" where the officer sees one of that name (session 50)
        return Message(
            f"'{named}' là một tệp, không phải thư mục kết quả: hãy chỉ thư mục kết quả "
            "mà lệnh run đã ghi (--output).",
            f"'{named}' is a file, not an output folder: give the folder the run wrote its "
            "results in (--output).",
        )
    return Message(
        f"Không có thư mục kết quả '{named}'{where}; hãy kiểm tra lại đường dẫn (--output).",
        f"There is no output folder '{named}'{where.en}; check the path (--output).",
    )


def _local_time(stamp: str, en: bool, seconds: bool = False) -> str:
    """A run's time (stored in UTC) as this computer's clock shows it: 'dd/mm/yyyy hh:mm', or
    with ``seconds`` 'dd/mm/yyyy hh:mm:ss' (a month's runs may be minutes apart: session 51)."""
    from datetime import datetime

    try:
        when = datetime.fromisoformat(stamp).astimezone()
    except (TypeError, ValueError, OverflowError, OSError):
        return str(stamp)
    clock = "%H:%M:%S" if seconds else "%H:%M"
    return when.strftime(("%Y-%m-%d " if en else "%d/%m/%Y ") + clock)


def _plan_missing(folder, seen: dict, variant: str = "") -> Issue:
    """`check`'s 'plan-missing' of the whole ``folder``: with a file there that looks like the
    plan (a sheet of it missing or misnamed), that file and its sheet named, as the run's stop
    names them (session 61), else ``variant``'s words."""
    from pipeline.types import Issue

    if almost := seen.get("almost_plan"):
        return Issue("plan-missing", detail=str(folder), value=almost, variant="almost-plan")
    return Issue("plan-missing", detail=str(folder), variant=variant)


def _issue_line(issue: Issue, lang: str) -> str:
    """``issue`` on `check`'s screen: "[LỖI] file, sheet, cell (code): words", a line each; the
    errors `check` adds of a run that stops (no place) "[LỖI] (plan-missing): words"."""
    row = f"{_CHECK_WORDS[lang]['row']} {issue.row}" if issue.row else ""
    where = ", ".join(p for p in (issue.file, issue.sheet, issue.cell or row) if p)
    # one line per issue: a file or sheet name holding a line break or other control character
    # ('a\nb.xlsx') is shown with '?' in its place
    where = "".join("?" if ord(c) < 32 or ord(c) == 127 else c for c in where)
    level = _CHECK_WORDS[lang][issue.severity]
    # the code in one place on every line, after the place: the words end the line, and a run
    # they end with pastes from its start to the line's end (session 47)
    place = f"{where} ({issue.code})" if where else f"({issue.code})"
    return f"[{level}] {place}: {issue.message(lang)}"


_CHECK_WORDS = {
    "vi": {
        "error": "LỖI",
        "warning": "Cảnh báo",
        "row": "dòng",
        "total": "{files} tệp, {errors} lỗi, {warnings} cảnh báo.",
        "empty": "Thư mục '{folder}' chưa có tệp nào. Hãy chép vào đó tệp kế hoạch của xã "
        "(KeHoach_YYYY.xlsx) và danh sách của các xóm rồi kiểm tra lại.",
    },
    "en": {
        "error": "ERROR",
        "warning": "Warning",
        "row": "row",
        "total": "{files} file(s), {errors} error(s), {warnings} warning(s).",
        "empty": "The folder '{folder}' holds no file yet. Copy the commune's plan "
        "(KeHoach_YYYY.xlsx) and the hamlets' lists into it, then check again.",
    },
}


# From this many months not run, run first in order before the latest (checkfiles._months_not_run:
# a January with last year's months and no history), `check` says it is running them before it
# does: on the sample commune each takes about half a second, 11 some 5 to 6 s of silence.
MONTHS_SAID_RUNNING = 3


def _running_said(lang: str):
    """What `check` is told of the months not run it runs first (checkfiles.check_files's
    ``running``): one line when they are :data:`MONTHS_SAID_RUNNING` or more (session 51)."""
    from pipeline.rosterchecks import month_written

    def said(months: list[str]) -> None:
        if len(months) < MONTHS_SAID_RUNNING:
            return
        first, last = month_written(months[0]), month_written(months[-1])
        _echo(
            f"Đang kiểm tra lần lượt {len(months)} kỳ chưa tổng hợp ({first} đến {last}) như các "
            "lần tổng hợp theo thứ tự tháng sẽ làm, để so sánh kỳ mới nhất với chúng; xin chờ "
            "trong giây lát…"
            if lang == "vi"
            else f"Checking the {len(months)} months not yet run ({first} to {last}) one after "
            "another, as runs in month order will, to compare the latest month with them; this "
            "may take a moment…"
        )

    return said


# The advice of the note below, said where the plan may be elsewhere (some files of a folder
# checked); the whole input folder checked, which has no plan, is told to copy it there
# (_run_stops_without_plan) rather than to add a file it lacks to the command (session 57, H4).
_ADD_PLAN = Message(
    " Để kiểm tra đủ như khi tổng hợp, hãy thêm tệp kế hoạch (ví dụ input/KeHoach_2024.xlsx) vào "
    "cuối lệnh check.",
    " To check as a run does, add the plan (for example input/KeHoach_2024.xlsx) at the end of "
    "the check command.",
)
# Said after the issues of lists checked with no plan among the files: their 'Xóm' is not
# compared with the plan's hamlets, so a name a run refuses says nothing here
# (docs/decisions.md, session 41).
_CHECKED_WITHOUT_PLAN = Message(
    "Lưu ý: không có tệp kế hoạch trong các tệp được kiểm tra, nên tên xóm, số hộ và danh "
    "sách đầu năm chưa được so với kế hoạch (một danh sách ghi tên xóm không có trong kế hoạch "
    "sẽ bị từ chối khi tổng hợp)." + _ADD_PLAN,
    "Note: no plan among the files checked, so hamlet names, household counts and the "
    "start-of-year list are not compared with the plan (a list whose hamlet is not in the "
    "plan is refused by the run)." + _ADD_PLAN.en,
)


# ... and when a file given could not be read: the plan may be that file (the run's words,
# run._pick_plan); not "add the plan", which the officer may have given (session 41's review).
_PLAN_UNREAD = Message(
    "Lưu ý: không đọc được tệp kế hoạch nào trong các tệp được kiểm tra, nên tên xóm, số hộ và "
    "danh sách đầu năm chưa được so với kế hoạch. Kế hoạch có thể là một trong các tệp không đọc "
    "được ở trên: hãy sửa tệp đó; nếu không, hãy thêm tệp kế hoạch (ví dụ "
    "input/KeHoach_2024.xlsx) vào cuối lệnh check.",
    "Note: no plan could be read among the files checked, so hamlet names, household counts and "
    "the start-of-year list are not compared with the plan. The plan may be one of the files "
    "that could not be read above: correct it; if not, add the plan (for example "
    "input/KeHoach_2024.xlsx) at the end of the check command.",
)


def _run_stops_without_plan(note: Message, folder: Path, unread: bool) -> Message:
    """``note`` (:data:`_CHECKED_WITHOUT_PLAN` or :data:`_PLAN_UNREAD`) when the files checked
    are the whole input folder a run reads (``folder``) and it has no plan (read): its run
    stops (exit 2, "Không tìm thấy tệp kế hoạch"; session 57), and the plan is to be copied
    into that folder (the run's words, run.py), not added to the check command, which the
    folder's files all are (H4). With no file unread, the error line 'plan-missing' says the
    stop and the copy, the note no more than the names not compared (session 58, D)."""
    if unread:
        return Message(
            note.replace(
                "hãy thêm tệp kế hoạch (ví dụ input/KeHoach_2024.xlsx) vào cuối lệnh check.",
                f"hãy chép tệp kế hoạch của xã (KeHoach_YYYY.xlsx) vào thư mục '{folder}'.",
            )
            + f" Thư mục '{folder}' không có tệp kế hoạch nào đọc được: khi tổng hợp (make hoặc "
            "giamngheo run), chương trình sẽ dừng lại, không ghi bảng tổng hợp, cho tới khi sửa "
            "được tệp kế hoạch trong thư mục đó.",
            note.en.replace(
                "add the plan (for example input/KeHoach_2024.xlsx) at the end of the check "
                "command.",
                f"copy the commune's plan (KeHoach_YYYY.xlsx) into folder '{folder}'.",
            )
            + f" Folder '{folder}' holds no plan that can be read: a run (make or giamngheo run) "
            "stops and writes no workbook until the plan in that folder is corrected.",
        )
    # no file unread: that the run stops, and to copy the plan there, is the error line
    # 'plan-missing' said above the note (session 58, D)
    return Message(note.replace(_ADD_PLAN, ""), note.en.replace(_ADD_PLAN.en, ""))


# the example plan the two notes above name, and what it is when the plan is found (session 50)
_EXAMPLE_PLAN = Message("(ví dụ input/KeHoach_2024.xlsx)", "(for example input/KeHoach_2024.xlsx)")


def _plan_example(note: Message, folder: Path, year: int | None) -> Message:
    """``note`` (:data:`_CHECKED_WITHOUT_PLAN` or :data:`_PLAN_UNREAD`) whose example plan is
    in ``folder``, the one a run of the files checked reads (checkfiles.input_folder: the
    folder holding them), named for ``year``, the latest lists' (the plan a run takes; 'YYYY'
    when no list says one): 'input/KeHoach_2024.xlsx' whatever the files' folder and year
    before (session 59, D)."""
    example = folder / f"KeHoach_{year or 'YYYY'}.xlsx"
    return Message(
        note.replace(_EXAMPLE_PLAN, f"(ví dụ {example})"),
        note.en.replace(_EXAMPLE_PLAN.en, f"(for example {example})"),
    )


def _example_folder(files: list[Path], folder: Path) -> Path:
    """The folder of the example plan for the files named (``folder``: the one a run of them
    reads, checkfiles.input_folder), but not a folder no plan is kept in (session 59, R2): a
    month's output folder or its 'PhanHoi' (a feedback copy named there) gives the copies of
    that run's sources ('output/2024-05/nguon', the plan it read among them), and a drive's
    root (`check /a/x.xlsx /b/y.xlsx`: '/KeHoach_2024.xlsx') the first file's own folder."""
    from pipeline.discover import month_output_folder

    if (month := month_output_folder(folder)) is not None:
        return month / "nguon"
    if folder.is_absolute() and folder == folder.parent:  # '/', 'C:\\'
        return files[0] if files[0].is_dir() else files[0].parent
    return folder


def _plan_named(note: Message, plan: Path) -> Message:
    """``note`` (:data:`_CHECKED_WITHOUT_PLAN` or :data:`_PLAN_UNREAD`) naming ``plan``, the
    plan beside the lists checked, where it gives an example."""
    return Message(
        note.replace(_EXAMPLE_PLAN, f"'{plan}'"), note.en.replace(_EXAMPLE_PLAN.en, f"'{plan}'")
    )


def _not_sent_lines(
    period: str, hamlets: list[str], lang: str, skipped: dict[str, tuple[str, str]] | None = None
) -> list[str]:
    """`check`'s line (or lines, :func:`_named_lines`) naming the plan's ``hamlets`` no file checked is of for ``period``, at
    most :data:`NAMED_ON_SCREEN`, as a run's "Chưa nộp" names them (session 57): a file
    skipped unread named for one (``skipped``: hamlet -> its path and kind) said beside it in
    the run's words (H3)."""
    from pipeline.rosterchecks import month_written

    named = [
        f"{name} ({skipped_named_said(*skipped[name], lang, workbook=False)})"
        if skipped and name in skipped
        else name
        for name in hamlets
    ]
    if lang == "vi":
        return _named_lines(
            f"Chưa nộp (kỳ {month_written(period)}): ", named, lang, whole=tuple(hamlets)
        )
    return _named_lines(
        f"Not received (period {month_written(period)}): ", named, lang, whole=tuple(hamlets)
    )


def _same(path: Path, other: Path) -> bool:
    """Whether ``path`` and ``other`` are the same file or folder."""
    try:
        return path.samefile(other)
    except OSError:
        return False


def _given(path: Path, given: list[Path]) -> bool:
    """Whether ``path`` is one of the files ``given`` (a folder's files among them)."""
    try:
        return any(path.samefile(file) for file in given if file.is_file())
    except OSError:
        return False


def _run_with_kept(months: list[tuple[str, Path, str]]) -> list[Message]:
    """Said after the issues for each copy of an earlier year's plan the history keeps that
    `check` ran that year's months not stored with (``months``: (month, copy, the month it was
    kept with); checkfiles._kept_year_parts), that plan not among the files checked: the lists
    of those months were compared with it, and their runs stop without it (the plan of
    another year in the folder), so it is to be copied back first (session 51). The run of
    the folder, its latest month, goes on (`check` exits 0): said, so that the officer knows
    which runs stop (session 58, D2)."""
    from pipeline.rosterchecks import month_written

    by_copy: dict[tuple[Path, str], list[str]] = {}
    for month, kept, period in months:
        by_copy.setdefault((kept, period), []).append(month_written(month))
    said = []
    for (kept, period), written in by_copy.items():
        year, named = written[0][-4:], ", ".join(written)  # months of one year
        said.append(
            Message(
                f"Lưu ý: các danh sách kỳ {named} (chưa tổng hợp) đã được so với kế hoạch năm "
                f"{year} giữ ở '{kept}' (kế hoạch đã dùng khi tổng hợp kỳ "
                f"{month_written(period)}), vì kế hoạch năm {year} không có trong các tệp được "
                "kiểm tra. Tổng hợp kỳ mới nhất (make hoặc giamngheo run) vẫn chạy được; chỉ "
                f"khi tổng hợp kỳ {named}, thiếu kế hoạch đó, chương trình sẽ dừng: trước đó, "
                "hãy chép (không chuyển) tệp đó vào thư mục đầu vào.",
                f"Note: the lists of period {named} (not consolidated yet) were compared with the "
                f"{year} plan kept as '{kept}' (the plan period {month_written(period)} was "
                f"consolidated with), as the {year} plan is not among the files checked. "
                "Consolidating the latest period (make or giamngheo run) goes on; only "
                f"consolidating period {named} stops without it: first copy (do not move) that "
                "file into the input folder.",
            )
        )
    return said


def _plan_of_other_year(
    file: str, year: int, wanted: int, unusable: str | None = None, named: bool = True
) -> Message:
    """Said after the issues when the plan taken is of another year than the latest lists
    (January's lists, last year's plan alone among the files): their hamlets were compared with
    that plan, and a run of their month stops on it (docs/decisions.md, session 43): the words
    of an error line of its own since session 58 (D). A plan
    whose file name writes their year ('KeHoach_2025.xlsx' saying 2024) may be that year's plan
    with its year mistyped: said too, as the run's stop says it (session 44). ``unusable``: the
    file taken for their year, which cannot be used (its plan-invalid says why): to correct it
    first, not the lists by last year's plan (session 45). ``named``: files were named on the
    command, to which the plan may be added; the whole input folder checked is told to put the
    plan there alone, as H4 told it for no plan (session 58, D2)."""
    if unusable is not None:
        return Message(
            f"Lưu ý: tệp kế hoạch '{unusable}', lấy cho năm {wanted}, chưa dùng được (xem lỗi "
            f"của tệp đó), nên tên xóm, số hộ và danh sách đầu năm của các danh sách năm {wanted} "
            f"được so với kế hoạch '{file}' của năm {year}. Đừng sửa các danh sách theo kế hoạch "
            f"năm {year}: hãy sửa tệp '{unusable}' trước rồi kiểm tra lại.",
            f"Note: plan file '{unusable}', taken for {wanted}, cannot be used yet (see that "
            f"file's error), so the hamlet names, household counts and start-of-year list of the "
            f"{wanted} lists are compared with plan '{file}' of {year}. Do not correct the lists "
            f"by the {year} plan: correct '{unusable}' first and check again.",
        )
    mistyped = Message("", "")
    if year_named(file) == wanted:
        mistyped = Message(
            f" Tệp '{file}' mang tên năm {wanted}: nếu đó là kế hoạch năm {wanted} mà ô 'Năm kế "
            f"hoạch' (trang 'Thông tin chung') ghi nhầm {year}, hãy sửa ô đó thành {wanted} rồi "
            "kiểm tra lại.",
            f" File '{file}' is named for {wanted}: if it is the {wanted} plan with 'Năm kế "
            f"hoạch' (sheet 'Thông tin chung') mistyped {year}, correct that cell to {wanted} and "
            "check again.",
        )
    add = (
        Message(
            " (hoặc thêm tệp đó vào cuối lệnh check)",
            " (or add it at the end of the check command)",
        )
        if named
        else Message("", "")
    )
    # the words of the error line 'plan-of-other-year' (session 58, D: a note before)
    return Message(
        f"Kế hoạch '{file}' là của năm {year}, còn các danh sách mới nhất là của năm "
        f"{wanted}, nên tên xóm, số hộ và danh sách đầu năm của chúng được so với kế hoạch năm "
        f"{year} (khi tổng hợp, chương trình sẽ dừng lại và đòi kế hoạch năm {wanted}). Hãy "
        f"đặt kế hoạch năm {wanted} vào thư mục đầu vào{add} rồi kiểm tra lại.{mistyped}",
        f"Plan '{file}' is for {year}, but the latest lists are of {wanted}, so their "
        f"hamlet names, household counts and start-of-year list are compared with the {year} "
        f"plan (a run stops and asks for the {wanted} plan). Put the {wanted} plan in the "
        f"input folder{add.en} and check again.{mistyped.en}",
    )


_CHECKED_WITHOUT_HISTORY = Message(
    "Các tệp dưới đây vẫn được kiểm tra, nhưng không so với các kỳ đã lưu.",
    "The files below are checked all the same, but not against the stored periods.",
)

# the store failing while the files are compared with it (HistoryStore.failed): another program
# changed it meanwhile, or holds it now, or it became damaged, another program's or newer
_CHECKED_PARTLY_WITHOUT_HISTORY = Message(
    "Các tệp dưới đây đã được kiểm tra, nhưng có thể chưa được so với mọi kỳ đã lưu; hãy kiểm "
    "tra lại.",
    "The files below are checked, but perhaps not against every stored period; check again.",
)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@_output_option(
    "Thư mục kết quả của lệnh run: kho lịch sử lich-su.sqlite trong đó (nếu có) cho biết "
    "mã hộ của xóm nào khi kế hoạch không có danh sách đầu năm, và hộ nào của tháng trước "
    "không còn trong danh sách. Chỉ đọc, không ghi gì."
)
@click.option(
    "--no-history",
    is_flag=True,
    help="Không đọc kho lịch sử nào (như lần chạy vào một thư mục kết quả mới).",
)
@_LANG
def check(files: tuple[Path, ...], output_dir: Path, no_history: bool, lang: str) -> None:
    """Kiểm tra các tệp (không tổng hợp) và in ra các lỗi."""
    given = click.get_current_context().get_parameter_source("output_dir")

    def action():
        from pipeline.checkfiles import check_files, expand, input_folder, shown_names
        from pipeline.discover import (
            feedback_copy_said,
            hidden_only_said,
            is_temporary,
            lock_file_of,
            lock_file_said,
            output_root_said,
        )
        from pipeline.history import HISTORY_FILE, HistoryStore, being_made_said
        from pipeline.types import Issue

        if given is not click.core.ParameterSource.DEFAULT and not output_dir.is_dir():
            # as `history` says it: a mistyped folder must not look like no history
            _fail(_no_output_folder(output_dir), lang)
        # The run's history, only read: without a start list it tells whose codes a file holds;
        # with last month's lists, the households missing now (the run's movement warnings).
        # (none with --no-history: as a run into a folder it makes, the check such a run names)
        history = None if no_history else HistoryStore(output_dir / HISTORY_FILE, read_only=True)
        # a first run making the store now: said, the files checked as with no month stored (an
        # empty file before, said "restore a copy" of a store that is fine: session 63)
        making = history.made_by_a_run() if history is not None else None
        if making is not None:
            said = being_made_said(history.path, making.pid, computer=making.computer)
            _echo(in_language(said, lang))
            history = None
        stops = history.what_stops_a_run() if history is not None else None
        # what a run of the files stops on, each an error of the total: `check` exits 1 on it
        # (session 58, D: "0 lỗi" beside exit 1 before)
        stopping_said: list[Issue] = []
        if stops is not None:  # a run stops on it: said first, the files checked without it
            stopping_said.append(Issue("history-unusable", detail=stops))
            _echo(_issue_line(stopping_said[-1], lang))
        # a journal beside it (session 46): a write cut off, which a run puts back and goes on
        # (only read, it cannot be compared with), or another program writing now
        journal = history.journal_said() if history is not None and stops is None else None
        cut_off = journal is not None and history.cut_off()
        if journal is not None:
            without = " " + in_language(_CHECKED_WITHOUT_HISTORY, lang) if cut_off else ""
            _echo(in_language(journal, lang) + without)
        # (no store read: none, or a folder of its name; one gone since it was read is said)
        if history is not None and (stops is not None or cut_off or not history.found):
            history = None
        seen: dict = {}
        # the run of the files given, for the warnings that say to run a month again
        program = program_as_started(sys.argv[0], sys.executable)
        command = RunCommand(input_folder(list(files)), output_dir, program)
        # on a terminal, the files read and the months not run worked out (session 51)
        progress = _progress_printer(True, lang)
        # the files given listed once: the files read, counted and named are one set, whatever
        # changes in the folder while `check` runs (session 64: listed again for the count, a
        # file saved meanwhile was counted, never checked)
        given_files = expand(list(files))
        issues = check_files(
            list(files), lang, history, seen, command, _running_said(lang), progress,
            listed=given_files,
        )  # fmt: skip
        # the whole input folder a run reads checked, not some of its files (session 57)
        folder = input_folder(list(files))
        whole = any(path.is_dir() and _same(path, folder) for path in files)
        if not whole:  # a hamlet whose list is not among the files is not known to send none:
            # another hamlet's 'Thoát' of its household is said of the whole folder (session 59)
            issues = [i for i in issues if not (i.code == "exited-not-listed-at-start"
                                                and i.variant in ("other-hamlet",
                                                                  "other-hamlet-start"))]  # fmt: skip
        failed = history.failed if history is not None else None
        if failed is not None:  # read in part: said first, as a store a run stops on is
            stopping_said.append(Issue("history-read-failed", detail=failed))
            _echo(_issue_line(stopping_said[-1], lang))
        # the files a system leaves in a folder (.DS_Store, Thumbs.db) and Excel's lock files
        # are passed over, as a run passes them over: they are not counted as files checked
        # (a file of a folder given gone before its reading is left out, as a run leaves it
        # out: not counted either; session 62)
        left_out = set(seen["left_out"])
        count = sum(not is_temporary(file.name) and file not in left_out for file in given_files)
        # a spreadsheet's lock file: one line, as a run says it on screen (session 29)
        locks = [(i, lock) for i, f in enumerate(given_files) if (lock := lock_file_of(f))]
        if locks:
            shown = shown_names(given_files, list(files))
            # in Vietnamese alphabetical order, as a run says them (session 48)
            for index, lock in sorted(locks, key=lambda found: vi_key(shown[found[0]][0])):
                _echo(in_language(lock_file_said(shown[index][0], lock), lang))
        # a feedback copy of ours named from its month's output folder: checked as a list, and
        # said as the copy to send to the head, not a list sent (session 59, R2)
        for named in dict.fromkeys(path for path in files if path.is_file()):
            if (copy := feedback_copy_said(named, str(named))) is not None:
                _echo(in_language(copy, lang))
        # what the run of that folder stops on before it reads a file (an output folder of
        # ours, a folder with no file): an error line of its own, the only stop said (session
        # 59, D: a line counting nothing, "0 lỗi" and exit 0 before); a folder given among
        # others keeps its line (the run reads the folder holding them)
        first_stop = False

        def _inside(folder: Path) -> list[Path]:
            """The files of the one listing in a folder given (its own entry where it could
            not be listed), as :func:`expand` of it alone lists them."""
            base = Path(os.path.abspath(folder))
            return [f for f in given_files if Path(os.path.abspath(f)).is_relative_to(base)]

        for given_folder in dict.fromkeys(path for path in files if path.is_dir()):
            runs = whole and _same(given_folder, folder)
            if (output_root := output_root_said(given_folder, checked=runs)) is not None:
                if runs:
                    stopping_said.append(Issue("input-is-output", detail=output_root))
                    _echo(_issue_line(stopping_said[-1], lang))
                    first_stop = True
                else:
                    _echo(in_language(output_root, lang))
            elif all(is_temporary(file.name) for file in _inside(given_folder)):
                if runs:
                    # lists in a hidden folder only: said so, not "no file" (session 60); the
                    # folder named as the run's stop names it (session 60, review of H)
                    inside, named = _inside(given_folder), folder_named(given_folder)
                    hidden = hidden_only_said(given_folder, inside, named, True)
                    stopping_said.append(
                        Issue("no-files", detail=named)
                        if hidden is None
                        else Issue("no-files", detail=hidden, variant="hidden-folder")
                    )
                    _echo(_issue_line(stopping_said[-1], lang))
                    first_stop = True
                else:
                    _echo(_CHECK_WORDS[lang]["empty"].format(folder=folder_named(given_folder)))
        for issue in issues:
            _echo(_issue_line(issue, lang))
        errors = sum(1 for i in issues if i.severity == "error")
        if whole and not first_stop and seen["neither"]:
            from pipeline.run import plan_perhaps

            # files passed over alone (a photo, a .zip), no plan: the run stops on the plan
            # ("Không tìm thấy tệp kế hoạch"), the lists to be copied in too (session 59, D)
            stopping_said.append(_plan_missing(folder, seen, "no-lists"))
            _echo(_issue_line(stopping_said[-1], lang))
            # a shortcut or a hidden file skipped above, the plan's perhaps, as the run says
            if perhaps := in_language(plan_perhaps(issues), lang).strip():
                _echo(perhaps)
        if seen["lists_without_plan"] and not first_stop:
            note = _PLAN_UNREAD if seen["plan_unread"] else _CHECKED_WITHOUT_PLAN
            # the plan a run of the lists' year read, still in their folder and not given: that
            # file named, not copied back from output/ (session 50)
            kept = seen["kept_plan_file"]
            beside = None if kept is None else input_folder(list(files)) / kept.name
            if beside is not None and beside.is_file() and not _given(beside, given_files):
                _echo(in_language(_plan_named(note, beside), lang))
            else:
                from pipeline.run import plan_perhaps

                # the whole folder a run reads checked: its run stops (session 57), the plan to
                # be copied there (H4), an error line of its own where no file given could not
                # be read (that file's error is said above, the plan perhaps; session 58, D)
                if whole and not seen["plan_unread"]:
                    stopping_said.append(_plan_missing(folder, seen))
                    _echo(_issue_line(stopping_said[-1], lang))
                if whole:
                    note = _run_stops_without_plan(note, folder, seen["plan_unread"])
                else:  # the plan of the lists' year in their folder, not 'input' (session 59, D)
                    note = _plan_example(
                        note, _example_folder(list(files), folder), seen["lists_year"]
                    )
                # with the copy of the plan a run of the lists' year kept, when there is one, and
                # the shortcuts and hidden files skipped above, the plan's perhaps (session 50)
                _echo(
                    in_language(note, lang)
                    + in_language(seen["kept_plan"] or "", lang)
                    + in_language(plan_perhaps(issues), lang)
                )
        if whole and seen["plan_without_lists"] and not first_stop:
            # the plan and no list in the whole folder a run reads: its run stops ("chưa có danh
            # sách hộ nào", exit 2), an error line of its own (session 58, D3)
            stopping_said.append(Issue("no-rosters", detail=str(folder)))
            _echo(_issue_line(stopping_said[-1], lang))
        if seen["plan_of_other_year"] and not first_stop:
            other_year = _plan_of_other_year(*seen["plan_of_other_year"], named=not whole)
            if almost := seen.get("almost_plan"):  # that year's plan perhaps (session 61)
                other_year = Message(
                    f"{other_year} {almost} rồi kiểm tra lại.",
                    f"{other_year.en} {almost.en}, then check again.",
                )
            if seen["plan_of_other_year"][3] is None:  # an error of its own: the run stops on it
                stopping_said.append(Issue("plan-of-other-year", detail=other_year))
                _echo(_issue_line(stopping_said[-1], lang))
            else:  # the plan of the lists' year unusable: its own error said above (session 45)
                _echo(in_language(other_year, lang))
        for said in _run_with_kept(seen["run_with_kept"]):
            _echo(in_language(said, lang))
        # the hamlets a run of the folder says "Chưa nộp": none where that run stops on the
        # plan of another year or the history (said above), its hamlets perhaps not these; an
        # earlier year's months run with a kept plan stop their own runs, not the folder's
        # (session 58, D2)
        stopping = (
            seen["plan_of_other_year"] or stops is not None or failed is not None or first_stop
        )
        if whole and not stopping and seen.get("not_sent") and seen["not_sent"][1]:
            period, hamlets, skipped = seen["not_sent"]
            _echo("\n".join(_not_sent_lines(period, hamlets, lang, skipped)))
        # a run of the latest lists that stops (on a plan of another year, session 44; the
        # history, said first, session 45; no plan in the whole folder checked, session 57) is an
        # error of the total, said on its line above (session 58, D): the total's errors and the
        # exit status agree, 1 = "fix before you run"
        warnings = len(issues) - errors
        errors += len(stopping_said)
        _echo(_CHECK_WORDS[lang]["total"].format(files=count, errors=errors, warnings=warnings))
        if errors:
            sys.exit(EXIT_STRICT)

    _guarded(action, lang)


@main.command()
@click.option(
    "--output",
    "output_dir",
    type=click.Path(path_type=Path, readable=False),
    default=Path("."),
    show_default=True,
    help="Thư mục ghi hai tệp mẫu (không ghi đè một tệp cùng tên đã điền).",
)
@_LANG
def template(output_dir: Path, lang: str) -> None:
    """Ghi mẫu danh sách hộ và mẫu kế hoạch (có danh sách chọn)."""

    def action():
        from pipeline.template import write_templates

        for path in write_templates(output_dir):
            _echo(f"Wrote {path}" if lang == "en" else f"Đã ghi {path}")

    _guarded(action, lang)


def _unwrite_sample(directory: Path, made: bool, held_before: set[str]) -> None:
    """Remove what a `sample` stopped part way wrote into ``directory``: the names that were not
    there before it started (the folder held only system or lock files), and the folder itself
    when the command made it. What cannot be removed stays."""
    from pipeline.output import remove_tree

    try:
        for name in set(os.listdir(directory)) - held_before:
            remove_tree(directory / name)
        if made:
            directory.rmdir()
    except OSError:
        pass


@main.command()
@click.argument("directory", type=click.Path(path_type=Path, readable=False))
@click.option(
    "--hamlets",
    default=12,
    show_default=True,
    type=_Whole(1, 100_000),
    help="Số xóm của xã mẫu (mỗi xóm một danh sách mỗi tháng).",
)
@click.option(
    "--households",
    default=None,
    type=_Whole(1, 100_000),
    help="Số hộ nghèo và cận nghèo mỗi xóm (mặc định: theo tỷ lệ thực tế).",
)
@click.option(
    "--seed",
    default=2024,
    show_default=True,
    type=_Whole(),
    help="Số khởi tạo ngẫu nhiên: cùng số thì cùng dữ liệu mẫu (make sample dùng 2024).",
)
@click.option(
    "--months",
    default=2,
    show_default=True,
    type=_Whole(1, 5),
    help="Số tháng có danh sách, tính lùi từ tháng 05/2024 (2: tháng 4 và tháng 5).",
)
@_LANG
def sample(
    directory: Path, hamlets: int, households: int | None, seed: int, months: int, lang: str
) -> None:
    """Tạo dữ liệu mẫu của một xã giả định (kế hoạch + danh sách các xóm)."""

    def action():
        from pipeline.discover import is_temporary
        from pipeline.sample import generate_sample

        # An invented commune goes into a folder of its own: never over a commune's real plan
        # or lists (a plan named KeHoach_2024.xlsx), nor mixed with them in one input folder.
        try:
            held_before = set(os.listdir(directory)) if directory.is_dir() else set()
            held = sorted(name for name in held_before if not is_temporary(name))
        except OSError as err:  # not listed, so not known to be empty: not written into
            reason = os_reason(err)
            _fail(
                Message(
                    f"Không đọc được thư mục '{directory}': {reason}.",
                    f"Cannot read the folder '{directory}': {reason.en}.",
                ),
                lang,
            )
        if held:
            _fail(
                Message(
                    f"Thư mục '{directory}' đã có {len(held)} tệp hoặc thư mục (ví dụ "
                    f"'{held[0]}'); dữ liệu mẫu chỉ ghi vào một thư mục trống hoặc chưa có, để "
                    "không ghi đè hay trộn lẫn với kế hoạch và danh sách thật. Hãy chọn thư mục "
                    "khác.",
                    f"The folder '{directory}' already holds {len(held)} file(s) or folder(s) "
                    f"(for example '{held[0]}'); the sample is written only into an empty or new "
                    "folder, so that it neither overwrites nor mixes with a real plan and lists. "
                    "Choose another folder.",
                ),
                lang,
            )
        made = not directory.exists()
        try:
            try:
                truth = generate_sample(
                    directory, hamlets=hamlets, households=households, seed=seed, months=months
                )
            except BaseException:
                # stopped (Ctrl-C) or failed part way: no half a sample left behind, which a
                # `sample` of that folder again would refuse as not empty (session 50)
                _unwrite_sample(directory, made, held_before)
                raise
        except OSError as err:
            reason = os_reason(err)
            _fail(
                Message(
                    f"Không ghi được dữ liệu mẫu vào '{directory}': {reason}.",
                    f"Cannot write the sample into '{directory}': {reason.en}.",
                ),
                lang,
            )
        lists = len(truth["hamlets"]) * len(truth["periods"])
        hamlets_done, months_done = len(truth["hamlets"]), len(truth["periods"])
        _echo(
            f"Wrote the plan and {lists} list(s) ({hamlets_done} hamlet(s) × {months_done} month(s)) "
            f"in {directory}"
            if lang == "en"
            else f"Đã ghi kế hoạch và {lists} danh sách ({hamlets_done} xóm × {months_done} "
            f"tháng) vào {directory}"
        )

    _guarded(action, lang)
