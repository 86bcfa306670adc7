"""Sheet 'Nộp báo cáo': which hamlets reported, with which file, and the files not counted."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from pipeline.apart_variants import apart_variant
from pipeline.discover import hamlet_key
from pipeline.messages import apart_households, in_language
from pipeline.report.cells import (
    Context,
    as_text,
    fit_row,
    fitted_height,
    missing,
    number,
    put_name,
    put_num,
    put_text,
)
from pipeline.report.feedback_files import feedback_hamlet
from pipeline.report.labels import LABELS, SHEET_NAMES, incomplete_key, t, t_households
from pipeline.report.styles import (
    MIN_TABLE_ROWS,
    ROW_HEIGHT_PT,
    SIGNATURE_ROWS,
    PageFlow,
    end_room,
    merge_text,
    page_setup,
    signature_block,
    title_block,
)
from pipeline.rosterchecks import period_written_nowhere, sent_for_another_period
from pipeline.text import vi_key
from pipeline.types import Issue
from schemas.issues import JOINED_LISTED_VARIANTS, JOINED_SENT_VARIANTS

NCOLS = 6
WIDTHS = [5, 18, 34, 42, 14, 14]
# Files not in the hamlet table: refused ones the officer must chase first.
OTHER_STATUSES = ("rejected", "superseded", "other_period", "skipped")

# Why a file was refused, in a few words, from its file-level errors (the message, with what to
# fix, is on 'Lỗi dữ liệu'). A file-unreadable issue's value says what the file turned out to be.
REASON_CODES = frozenset(key.removeprefix("reason.") for key in LABELS if key.startswith("reason."))


def reason_text(issue: Issue, lang: str) -> str:
    """Why ``issue`` (a code of REASON_CODES) keeps its file from being counted, in a few words."""
    if issue.code == "file-unreadable" and issue.value:
        text = in_language(issue.value, lang).rstrip(". ")
        return text[:1].lower() + text[1:]
    if period_written_nowhere(issue):
        return t("missing.period", lang)
    key = issue.code
    if key == "unknown-hamlet" and issue.variant.startswith("codes"):
        key = "unknown-hamlet.codes"  # the hamlet whose refused file it is (session 22)
    elif key == "unknown-hamlet" and issue.variant.startswith("former"):
        key = "unknown-hamlet.former"  # a name the hamlet had before a rename (session 32)
        if issue.variant.endswith("-title"):
            key += "-title"  # read from the list's title: no 'Xóm' cell (session 33)
    elif key == "unknown-hamlet" and issue.variant in ("joined", "joined-title"):
        # merged into a hamlet that sent nothing (session 32), named by the title (session 49)
        key = "unknown-hamlet." + issue.variant
    elif key == "unknown-hamlet" and issue.variant in JOINED_SENT_VARIANTS:
        key = "unknown-hamlet.joined-sent"  # ... into one that sent its list (session 35)
        if issue.variant.endswith("-title"):
            key += "-title"  # named by the title (session 49, W1)
    elif key == "unknown-hamlet" and issue.variant in JOINED_LISTED_VARIANTS:
        key = "unknown-hamlet.joined-listed"  # ... its households all on it (session 36)
        if issue.variant.endswith("-title"):
            key += "-title"
    elif key == "invalid-total-households" and issue.variant == "people":
        key = "invalid-total-households.people"  # the hamlet's people written (session 50)
    elif key == "hamlet-codes-of-file-name" and issue.variant == "same-file":
        key = "hamlet-codes-of-file-name.same-file"  # a neighbour's list copied (session 43)
    elif apart_variant(issue) is not None:
        # a list sent apart from its hamlet's own list, naming a neighbour (session 51) or no
        # hamlet (session 52): its variant's reason (pipeline.apart_variants; session 53)
        key = apart_variant(issue).reason_key
    elif key == "all-rows-rejected" and issue.variant == "across":
        key += ".across"  # some for a Mã hộ another hamlet's list writes too (session 53)
    elif key == "all-rows-rejected" and issue.variant == "start-list-other":
        key += ".start-list-other"  # counted in the start list's hamlet (session 57)
    elif key == "hamlet-codes-of-file-name" and issue.variant.startswith("renumbered"):
        key += f".{issue.variant}"  # old codes the new start list renumbered (session 53)
    elif key == "hamlet-codes-of-file-name" and issue.variant.endswith("title-only"):
        key = "hamlet-codes-of-file-name.title-only"  # no 'Xóm' cell, its title (session 49)
    elif key == "hamlet-codes-of-file-name" and issue.variant.endswith("file-name"):
        key = "hamlet-codes-of-file-name.file-name"  # ... nor a title: its name (session 52)
    return _label(key, lang).format(
        value=in_language(issue.value, lang),
        sheet=issue.sheet,
        cell=issue.cell,
        column=issue.column,
        detail=in_language(issue.detail, lang),
        hamlet=issue.hamlet,
        instead=in_language(issue.instead, lang),
    )


def refusal_reasons(issues: list[Issue], lang: str = "vi") -> dict[str, str]:
    """{file: why it was refused, in a few words} from each file's file-level errors."""
    found: dict[str, list[str]] = {}
    for issue in issues:
        if issue.code not in REASON_CODES or issue.severity != "error":
            continue
        texts = found.setdefault(issue.file, [])
        text = reason_text(issue, lang)
        if text not in texts:
            texts.append(text)
    return {file: "; ".join(texts) for file, texts in found.items()}


def _label(key: str, lang: str) -> str:
    return t(f"reason.{key}", lang)


def _refused(status: str, reason: str | None, lang: str) -> str:
    """'Bị từ chối: <reason>'."""
    return _label("status", lang).format(status=status, reason=reason or _label("see-issues", lang))


def rows_left_out(ctx: Context) -> dict[str, int]:
    """{hamlet: rows left out of the counts for an error}, for each hamlet counted without some
    of its rows (the 'Số dòng bị loại' of the hamlet table below)."""
    reporting = ctx.result.reporting
    if reporting is None or reporting.empty:
        return {}
    if "left_out" not in ctx.cache:  # asked by 'Theo xóm' and by this sheet

        def column(name: str) -> list:  # a column the table lacks: None for every hamlet
            if name in reporting.columns:
                return reporting[name].tolist()
            return [None] * len(reporting)

        found = {}
        for hamlet, status, rejected in zip(
            column("hamlet"), column("status"), column("rows_rejected"), strict=True
        ):
            rejected = number(rejected)
            if status not in ("missing", "rejected") and rejected:
                found[hamlet] = int(rejected)
        ctx.cache["left_out"] = found
    return dict(ctx.cache["left_out"])


def rows_counted(status: str, read, rejected) -> tuple:
    """A file's 'Số dòng đã đọc' and 'Số dòng bị loại': a refused list counts none of its rows,
    so every row read is left out, not only those with an error of their own (session 47: 46
    read, 0 left out read as "nothing refused")."""
    return read, read if status == "rejected" else rejected


# Both tables share these columns and header row, written again at the top of a page that
# continues either (docs/decisions.md, session 17: 'Nộp báo cáo' and 'Tổng hợp' pages).
HEADS = ["col.stt", "col.hamlet", "col.status", "col.file", "col.rows_read", "col.rows_rejected"]
HEAD_PT = 30.0


def _header(ctx: Context, ws: Worksheet, row: int) -> int:
    """The header row of either table at ``row``; return the row after it."""
    ws.set_row(row, HEAD_PT)
    for col, key in enumerate(HEADS):
        ws.write_string(row, col, t(key, ctx.lang), ctx.st["head"])
    return row + 1


def listed_in_other_files(issues: list[Issue], names: list[str]) -> dict[str, Issue]:
    """{plan hamlet: the issue of another hamlet's file holding its list, not counted}: a
    sheet (sheet-of-other-hamlet, naming the plan hamlet) or rows (rows-of-other-hamlet, naming
    it as the plan writes it, else as written: 'xóm Khuổi Tát'; session 30). The first such
    issue of each hamlet."""
    keys = {hamlet_key(name): name for name in names}
    found: dict[str, Issue] = {}
    for issue in issues:
        if issue.code in ("sheet-of-other-hamlet", "rows-of-other-hamlet") and issue.instead:
            name = keys.get(hamlet_key(str(issue.instead)))
            if name is not None and name != issue.hamlet:
                found.setdefault(name, issue)
    return found


def _plan_table(ctx: Context, ws: Worksheet, row: int, flow: PageFlow, tail: float) -> int:
    """The hamlets of the plan, one row each; ``tail``: the height of the rows printed with the
    last one (the reporting rate under the table)."""
    st, lang = ctx.st, ctx.lang

    def head(r: int) -> int:
        return _header(ctx, ws, r)

    row = head(row)
    reporting = ctx.result.reporting
    records = {} if reporting is None else {r["hamlet"]: r for r in reporting.to_dict("records")}
    names = [h["hamlet"] for h in ctx.hamlets] or list(records)
    reasons = refusal_reasons(ctx.result.issues or [], lang)
    kinds = {s.file: s.kind for s in ctx.result.submissions}
    # Hamlets whose file is named for this month but says another in 'Kỳ báo cáo': not "not sent".
    sent_as = sent_for_another_period(ctx.result.issues or [], ctx.result.period)
    left_out = rows_left_out(ctx)
    # hamlets not sent whose list is in another hamlet's file, not counted (session 28)
    elsewhere = listed_in_other_files(ctx.result.issues or [], names)
    # hamlets whose figures lack the households of a list sent apart (session 25)
    incomplete = {h["hamlet"]: h["incomplete"] for h in ctx.hamlets if h.get("incomplete")}
    # hamlets not sent for which a shortcut or a hidden file named for them was skipped, or a
    # list in a hidden folder (session 51): the file to name, the words' kind
    from pipeline.consolidate import named_skipped_files

    named = named_skipped_files(ctx.result.submissions)
    entries = []
    for name in names:
        rec = records.get(name, {})
        status = as_text(rec.get("status")) or "missing"
        file = as_text(rec.get("file"))
        if name in left_out:
            status = "rows_left_out"  # counted, but not every row: say so, not "valid"
        text = t(f"report.{status}", lang)
        # (wrapped: "Đã tổng hợp, có dòng bị loại (xem trang …)" takes two lines, as fit_row says)
        fmt = {"missing": st["muted"], "rejected": st["err_text"]}.get(status, st["wrap"])
        if name in incomplete:
            apart = incomplete[name]
            n = apart_households(apart["households_apart"], apart["households_listed_apart"])
            # (no name written, or a neighbour's: a list told by its codes; session 51)
            key = incomplete_key("report.incomplete", apart)
            text = t_households(key, lang, n.households, n=in_language(n, lang),
                                written=apart["hamlet_written"], file=apart["file"])  # fmt: skip
            fmt = st["err_text"]
        elif status == "rejected":  # the hamlet sent a file: say why it was refused
            text = _refused(text, reasons.get(file), lang)
        elif status == "missing" and name in sent_as:
            told = sent_as[name]
            key = "report.missing.other_period" + (".title" if told.variant == "title" else "")
            text = t(key, lang, written=told.value)
            file, fmt = sent_as[name].file, st["err_text"]
        elif status == "missing" and name in elsewhere:
            told = elsewhere[name]
            text = t("report.missing.listed_in", lang, file=told.file, hamlet=told.hamlet)
            fmt = st["err_text"]
        elif status == "missing" and name in named:
            file, kind = named[name]
            text, fmt = t(f"report.missing.{kind}", lang), st["err_text"]
        # Rows count only for a file read as a roster (not one that could not be opened).
        submitted = status != "missing" and kinds.get(file, "roster") == "roster"
        counts = (None, None)
        if submitted:
            counts = rows_counted(rec.get("status"), rec.get("rows_read"), rec.get("rows_rejected"))
        entries.append((name, text, fmt, file, counts))
    cells = [
        [(name, WIDTHS[1]), (text, WIDTHS[2]), (file, WIDTHS[3])]
        for name, text, _, file, _ in entries
    ]
    heights = [fitted_height(each) for each in cells]
    for i, (name, text, fmt, file, counts) in enumerate(entries):
        # the last hamlets print with the rate under the table, not the last alone under a
        # repeated header (styles.end_room, as the other hamlet tables: session 42)
        r = row = flow.keep(row, end_room(heights, i, tail), head)
        put_num(ws, r, 0, i + 1, st["center"])
        put_name(ws, r, 1, name, st, WIDTHS[1])
        ws.write_string(r, 2, text, fmt)
        put_text(ws, r, 3, file, st["wrap"])
        fit_row(ws, r, cells[i])
        put_num(ws, r, 4, counts[0], st["int"])
        put_num(ws, r, 5, counts[1], st["int"])
        row += 1
    return row


def _rate_lines(ctx: Context, ws: Worksheet, row: int) -> int:
    st, lang = ctx.st, ctx.lang
    accepted, expected = ctx.reporting_counts
    merge_text(ws, row, 0, row, 2, t("rep.accepted", lang), st["left_text"])
    ws.write_string(
        row, 3, t("rep.accepted.value", lang, accepted=accepted, expected=expected), st["left_text"]
    )
    rate = (ctx.summary.get("reporting") or {}).get("rate")
    if not missing(rate):
        merge_text(ws, row + 1, 0, row + 1, 2, t("rep.rate", lang), st["left_text"])
        put_num(ws, row + 1, 3, rate, st["left_rate"])
        return row + 2
    return row + 1


def _file_status(
    ctx: Context, sub, reasons: dict[str, str], no_lists: frozenset[str] = frozenset()
) -> str:
    """What 'Nộp báo cáo' says of a file of 'Các tệp khác'. ``no_lists``: the files skipped as
    neither a list nor a plan (`not-a-roster`), said so, not "Bỏ qua" alone (session 52)."""
    if sub.status == "rejected":
        return _refused(t("report.rejected", ctx.lang), reasons.get(sub.file), ctx.lang)
    if sub.status == "other_period":
        # an unreadable file by its name; a list sent for a later year's month by that month
        month = sub.extra.get("name_period") or sub.period
        if not month:
            return t("file.other_period.unknown", ctx.lang)
        period = _month_named(month, ctx.lang)
        key = "file.other_period.unread" if sub.kind == "unreadable" else "file.other_period"
        # what that month did with a photo or CSV file (run.said_by_month; session 55, K)
        did = sub.extra.get("month_did")
        if sub.extra.get("document") and did in ("refused", "not_run"):
            return t(f"file.other_period.one.{did}", ctx.lang, period=period)
        if sub.extra.get("not_a_roster"):  # neither a list nor a plan (session 55)
            key = "file.other_period.not_a_roster"
        elif sub.extra.get("own_output"):  # a run's own output (session 55, K)
            key = "file.other_period.own_output"
        return t(key, ctx.lang, period=period)
    if sub.status == "skipped" and sub.extra.get("plan_of_year"):
        other, used = sub.extra["plan_of_year"]
        return t("file.skipped.plan_year", ctx.lang, other=other, used=used)
    if sub.status == "skipped" and sub.extra.get("plan_of_commune"):
        other, used = sub.extra["plan_of_commune"]
        return t("file.skipped.plan_commune", ctx.lang, other=other, used=used)
    if sub.status == "skipped" and sub.extra.get("plan_spoiled"):  # a sheet lacking (session 62)
        joined = " và " if ctx.lang == "vi" else " and "
        sheets = joined.join(f"'{sheet}'" for sheet in sub.extra["almost_plan"])
        return t(
            "file.skipped.plan_spoiled", ctx.lang, used=sub.extra["plan_spoiled"], sheets=sheets
        )
    if sub.status == "skipped" and sub.extra.get("plan_same_year"):
        return t("file.skipped.plan_same", ctx.lang, used=sub.extra["plan_same_year"])
    if sub.status == "skipped" and sub.file in no_lists:
        return t("file.skipped.not_a_roster", ctx.lang)
    if sub.status == "skipped" and sub.extra.get("lock_of"):
        of, found = sub.extra["lock_of"]
        return t("file.skipped.lock" if found else "file.skipped.lock_left", ctx.lang, of=of)
    if sub.status == "superseded":
        # set aside for a newer copy the run refused: the hamlet counts neither (session 37);
        # the same bytes as the copy used (session 41)
        said = next(
            (
                i
                for i in ctx.result.issues or []
                if i.code == "superseded"
                and i.variant in ("newer-refused", "same-file")
                and i.file == sub.file
            ),
            None,
        )
        if said is not None:
            key = (
                "file.superseded.refused"
                if said.variant == "newer-refused"
                else "file.superseded.same"
            )
            return t(key, ctx.lang, newer=str(said.detail))
    return t(f"file.{sub.status}", ctx.lang)


def _month_group(sub, flagged: set[str], merged: set[str]) -> str | None:
    """The period ('YYYY-MM') of ``sub`` when it is simply another month's list of a hamlet,
    with no issue of its own (nothing to do this month): summed up with that month's other
    lists of the same outcome there (``extra['month_did']``, session 50) in one row. A hamlet the plan no longer has is one when
    merged into another during the year (``merged``: those names, keyed by ``hamlet_key``; its
    lists were counted in their months: session 50), not a name that may have been refused
    then. None for a file to list on its own row, as one sent for a later year's month its
    cell does not say (``name_period``: not counted there either; session 44)."""
    if (
        sub.status != "other_period"
        or sub.kind != "roster"
        or not sub.period
        or not (sub.hamlet or hamlet_key(sub.hamlet_raw or "") in merged)
        or sub.file in flagged
        or sub.extra.get("name_period")
    ):
        return None
    return sub.period


# What each other month's run did with its lists, as the row summing them up says (session 50:
# run.said_by_month); a list the history cannot tell is said neutrally.
MONTH_SAID = ("counted", "refused", "set_aside", "not_run", None)


def _other_rows(ctx: Context, subs: list, reasons: dict[str, str]) -> list[dict]:
    """The rows of 'Các tệp khác': each file needing attention on its own row (refused,
    superseded, another month's with an issue, skipped, ...), then one row per other month for
    that month's lists that are simply its own (session 24: a year of lists kept in the input
    folder made hundreds of rows). A month with a single such list of an outcome keeps that
    list's row, saying the outcome as a row of several does (session 51)."""
    lang = ctx.lang
    flagged = {i.file for i in ctx.result.issues or [] if i.file}
    issues_of: dict[str, list[Issue]] = {}
    for issue in ctx.result.issues or []:
        issues_of.setdefault(issue.file, []).append(issue)
    names = ctx.result.plan.hamlet_names
    merged = {hamlet_key(name) for f in ctx.hamlets for name in f.get("merged_from") or ()}
    no_lists = frozenset(i.file for i in ctx.result.issues or [] if i.code == "not-a-roster")
    alone, months = [], {}
    for sub in subs:
        period = _month_group(sub, flagged, merged)
        if period is None:
            alone.append(sub)
        else:  # only lists of one outcome in a row
            did = sub.extra.get("month_did")
            months.setdefault((period, MONTH_SAID.index(did)), []).append(sub)
    rows = []
    single = {id(group[0]): did for (_, did), group in months.items() if len(group) == 1}
    for sub in alone + [group[0] for group in months.values() if len(group) == 1]:
        read = sub.kind == "roster" and sub.status != "skipped"
        counts = rows_counted(sub.status, sub.rows_read, sub.rows_rejected)
        status = (
            t(f"file.other_period.one.{MONTH_SAID[single[id(sub)]] or 'other'}", lang,
              period=_month_named(sub.period, lang))
            if id(sub) in single
            else _file_status(ctx, sub, reasons, no_lists)
        )  # fmt: skip
        # A file whose households of a hamlet are noted moved into the neighbour its 'Xóm'
        # names is listed under that neighbour, whose head acts on it, as its feedback is
        # (its words name the codes' hamlet too; session 52).
        hamlet = feedback_hamlet(sub, issues_of.get(sub.file, []), names)
        rows.append(
            {
                "hamlet": hamlet or sub.hamlet or sub.hamlet_raw,
                "status": status,
                "file": sub.file,
                "rows_read": counts[0] if read else None,
                "rows_rejected": counts[1] if read else None,
                "error": sub.status == "rejected",
                "order": (OTHER_STATUSES.index(sub.status), "", vi_key(sub.file)),
            }
        )
    for (period, did), group in months.items():
        if len(group) == 1:
            continue
        files = sorted((s.file for s in group), key=vi_key)
        hamlets = len({s.hamlet or hamlet_key(s.hamlet_raw) for s in group})  # merged: as written
        if len(files) == 2:
            listed = "\n".join(files)  # each name on its own line
        else:
            listed = t("file.other_period.group.files", lang, first=files[0], last=files[-1])
        month = _month_named(period, lang)
        rows.append(
            {
                "hamlet": group[0].hamlet or group[0].hamlet_raw
                if hamlets == 1
                else t("file.other_period.group.hamlets", lang, hamlets=hamlets),
                "status": t(
                    f"file.other_period.group.{MONTH_SAID[did] or 'other'}",
                    lang,
                    period=month,
                    files=len(files),
                    hamlets=hamlets,
                ),
                "file": listed,
                "rows_read": None,
                "rows_rejected": None,
                "error": False,
                "order": (len(OTHER_STATUSES), period, vi_key(""), did),
            }
        )
    rows.sort(key=lambda r: r["order"])
    return rows


def _month_named(period: str, lang: str) -> str:
    """'tháng 3/2024' of '2024-03'."""
    return t("period", lang, m=int(period[5:7]), y=period[:4])


def _other_files(ctx: Context, ws: Worksheet, row: int, flow: PageFlow, tail: float) -> int:
    """'Các tệp khác': the files not in the hamlet table, or a line saying there are none;
    ``tail``: the height of the rows printed with its last row (the signature)."""
    st, lang = ctx.st, ctx.lang
    plan_file = ctx.result.plan.file
    # Every file given is listed once: those of the hamlet table above, the rest here (refused
    # ones whose hamlet has another file or cannot be told among them), other months' lists
    # without an issue summed up by month.
    reporting = ctx.result.reporting
    in_table = (
        set()
        if reporting is None or "file" not in reporting
        else {as_text(f) for f in reporting["file"].tolist()}
    )
    reasons = refusal_reasons(ctx.result.issues or [], lang)
    subs = [
        s
        for s in ctx.result.submissions
        if s.status in OTHER_STATUSES
        and s.file not in in_table
        and not (s.kind == "plan" and s.file == plan_file)
    ]
    if not subs:
        # The title and the note print with the signature.
        row = flow.keep(row, 2 * ROW_HEIGHT_PT + tail)
        put_text(ws, row, 0, t("rep.other_files", lang), st["section"])
        # across the table's width: in column A alone (5 wide) the note wrapped out of sight
        merge_text(ws, row + 1, 0, row + 1, NCOLS - 1, t("rep.no_other_files", lang), st["note"])
        return row + 2
    entries = _other_rows(ctx, subs, reasons)
    cells = [
        [(e["hamlet"], WIDTHS[1]), (e["status"], WIDTHS[2]), (e["file"], WIDTHS[3])]
        for e in entries
    ]
    heights = [fitted_height(each) for each in cells]
    # A table that fits a page with the signature starts one rather than split; a longer one
    # starts where its title, header and first rows fit.
    lead = ROW_HEIGHT_PT + HEAD_PT
    row = flow.table_start(row, lead, max(heights[:MIN_TABLE_ROWS]), lead + sum(heights) + tail)
    put_text(ws, row, 0, t("rep.other_files", lang), st["section"])

    def head(r: int) -> int:
        return _header(ctx, ws, r)

    row = head(row + 1)
    for i, entry in enumerate(entries):
        # the last files print with the signature, not the last alone (styles.end_room)
        r = row = flow.keep(row, end_room(heights, i, tail), head)
        put_num(ws, r, 0, i + 1, st["center"])
        put_name(ws, r, 1, entry["hamlet"], st, WIDTHS[1])
        ws.write_string(r, 2, entry["status"], st["err_text"] if entry["error"] else st["wrap"])
        put_text(ws, r, 3, entry["file"], st["wrap"])
        fit_row(ws, r, cells[i])
        # The status names the other period; rows are those read from the file, if any.
        put_num(ws, r, 4, entry["rows_read"], st["int"])
        put_num(ws, r, 5, entry["rows_rejected"], st["int"])
        row += 1
    return row


def write(ctx: Context) -> None:
    """Add the 'Nộp báo cáo' sheet."""
    lang = ctx.lang
    ws = ctx.wb.add_worksheet(SHEET_NAMES["reporting"])
    for col, width in enumerate(WIDTHS):
        ws.set_column(col, col, width)
    row = title_block(ctx, ws, t("title.reporting", lang, m=ctx.month, y=ctx.year), NCOLS, 3)
    head = row
    # The two tables have the same header, and a page that continues either starts with it,
    # written in the sheet: as the print title it printed over the second table's own header
    # and could end a page under it (docs/decisions.md, session 17). The pages are laid out as
    # the rows are written, for Excel's and LibreOffice's scales alike.
    flow = PageFlow(ws, WIDTHS)
    rate_rows = 1 if missing((ctx.summary.get("reporting") or {}).get("rate")) else 2
    # The last hamlet prints with the blank row and the reporting rate under the table.
    row = _plan_table(ctx, ws, row, flow, (1 + rate_rows) * ROW_HEIGHT_PT)
    row = _rate_lines(ctx, ws, row + 1)
    # The last file (or the note saying there is none) prints with the signature.
    signature = (1 + SIGNATURE_ROWS) * ROW_HEIGHT_PT
    row = _other_files(ctx, ws, row + 1, flow, signature)
    end = signature_block(ctx, ws, row + 1, NCOLS, 3) - 1
    flow.to(end + 1)  # (rows without a height get ROW_HEIGHT_PT)
    ws.freeze_panes(head + 1, 0)
    page_setup(ctx, ws, None, None)
