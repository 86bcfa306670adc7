"""Which files of a period get a feedback workbook, their names, and the removal of those a
run no longer writes (pipeline.report.feedback writes the workbooks).

Kept apart from the writer so that a run imports only this: the workbooks are written by the
forked writer (pipeline.publish), which imports the writer itself, on the other core.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pipeline import lazyre
from pipeline.apart_variants import apart_variant
from pipeline.hamlets import HamletMatcher, raw_hamlet
from pipeline.output import is_open_elsewhere, remove_output
from pipeline.rosterchecks import PERIOD_DIFFERS
from pipeline.text import vi_key
from pipeline.types import Issue, RunResult, Submission

FEEDBACK_DIR = "PhanHoi"
COUNTED = ("valid", "warnings")
# Order of a hamlet's files when it has several: the counted one first.
_STATUS_RANK = {"valid": 0, "warnings": 0, "rejected": 1, "superseded": 2}


_ILLEGAL = lazyre.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = lazyre.compile(r"\s+")
_MAX_STEM = 60


def safe_file_stem(name: str) -> str:
    """``name`` usable as a file name on Windows: illegal characters become '_', letters kept."""
    text = unicodedata.normalize("NFC", name)
    text = _SPACES.sub(" ", _ILLEGAL.sub("_", text)).strip()
    text = text[:_MAX_STEM].rstrip(" .")
    return text or "_"


def _name_key(name: str) -> str:
    """How a file system may compare names: case-insensitively, in any Unicode form."""
    return unicodedata.normalize("NFC", name).casefold()


def _belongs_to_period(sub: Submission, period: str) -> bool:
    if sub.kind != "roster":
        # The file a hamlet sent for the period, refused before it could be read as a list (cut
        # short in the copy, locked, a photo or CSV of it): its head is told too, on the guide
        # sheet alone. No feedback for the plan, nor for a file no hamlet can be told of, nor
        # for a folder of the officer's this computer cannot open (its files never seen).
        return (sub.kind != "plan" and sub.status == "rejected" and bool(sub.hamlet)
                and sub.period in (None, period) and not sub.extra.get("folder"))  # fmt: skip
    if sub.status in COUNTED or sub.status == "superseded":
        return True
    # A rejected file whose period cannot be read, or is after the current month, is sent back
    # too: it may be this month's.
    return sub.status == "rejected" and (
        sub.period in (None, period) or bool(sub.extra.get("future_period"))
    )


def feedback_targets(result: RunResult) -> list[tuple[Submission, list[Issue], str]]:
    """(submission, its issues, file name) for each file of the period that has issues.

    Names are ``<Xóm>_<YYYY-MM>.xlsx`` with the plan's spelling of the hamlet, or for a hamlet
    not in the plan its 'Xóm' as written, else the file's stem;
    ``…_<YYYY-MM>_<n>.xlsx`` when several such files share that name. Order: plan order of the
    hamlets (unknown last), the counted file before rejected and superseded ones, then file
    name in Vietnamese alphabetical order (session 48).
    """
    period = result.period
    by_file: dict[str, list[Issue]] = {}
    for issue in result.issues:
        by_file.setdefault(issue.file, []).append(issue)
    plan_names = result.plan.hamlet_names
    order = {name: i for i, name in enumerate(plan_names)}
    matcher = HamletMatcher(plan_names)
    chosen: list[tuple[Submission, list[Issue], str | None]] = []
    handed: set[int] = set()  # (id) files given to a head by feedback_hamlet
    # Hamlets whose counted list has nothing to fix: an older copy set aside for it is no news.
    clean = {s.hamlet for s in result.submissions if s.status in COUNTED and s.file not in by_file}
    for sub in result.submissions:
        issues = by_file.get(sub.file)
        if not issues:
            continue
        if sub.hamlet in clean and all(i.code == "superseded" for i in issues):
            continue
        # the same file as the one used, received twice: nothing for its head (session 41)
        if all(i.code == "superseded" and i.variant == "same-file" for i in issues):
            continue
        # A file named for this period whose 'Kỳ báo cáo' says another (last month's copied):
        # its hamlet shows as not sent, and the head is told why.
        named = sub.status == "other_period" and any(i.code in PERIOD_DIFFERS for i in issues)
        if not named and not _belongs_to_period(sub, period):
            continue
        given = feedback_hamlet(sub, issues, plan_names)
        if given is not None:
            handed.add(id(sub))
        hamlet = given or (sub.hamlet if sub.hamlet in order else None)
        if hamlet is None and sub.hamlet_raw and not _rejected_for_hamlet(issues):
            # e.g. rejected before its hamlet was matched (no roster sheet)
            hamlet = raw_hamlet(sub, matcher)
        chosen.append((sub, issues, hamlet))
    chosen.sort(
        key=lambda c: (
            order.get(c[2], len(order)) if c[2] else len(order),
            # a file given to a hamlet's head it is not taken as (feedback_hamlet) after the
            # hamlet's own (session 52)
            id(c[0]) in handed,
            _STATUS_RANK.get(c[0].status, 3),
            vi_key(c[0].file),
        )
    )
    stems = [
        safe_file_stem(hamlet or sub.hamlet_raw or Path(sub.file).stem) for sub, _, hamlet in chosen
    ]
    sharing: dict[str, int] = {}
    for stem in stems:
        sharing[_name_key(stem)] = sharing.get(_name_key(stem), 0) + 1
    used: set[str] = set()
    counters: dict[str, int] = {}
    targets: list[tuple[Submission, list[Issue], str]] = []
    for (sub, issues, _), stem in zip(chosen, stems, strict=True):
        numbered = sharing[_name_key(stem)] > 1
        name = f"{stem}_{period}.xlsx"
        n = counters.get(_name_key(stem), 0)
        while numbered or _name_key(name) in used:
            numbered = False
            n += 1
            name = f"{stem}_{period}_{n}.xlsx"
        counters[_name_key(stem)] = n
        used.add(_name_key(name))
        targets.append((sub, issues, name))
    return targets


def feedback_hamlet(sub: Submission, issues: list[Issue], names: list[str]) -> str | None:
    """The plan hamlet whose head acts on the feedback of ``sub`` (its ``issues``) when it is
    not the hamlet the list is taken as: a list naming a neighbour that sent its own list,
    whose households of another hamlet are all noted moved in from it
    ('hamlet-codes-of-file-name' variant 'codes-moved', holding._neighbour_held), is taken as
    that other hamlet's refused file, but its words send the neighbour's head to write them on
    his list: its feedback is named and titled for the neighbour its 'Xóm' (or title) names,
    as the plan spells it (``names``: the plan's hamlets; session 51); so is one whose
    households are all on that neighbour's list counted ('codes-listed'; session 52's review).
    A list naming no hamlet
    whose codes are a hamlet's that sent its own list, refused for its errors ('missing-hamlet'
    variant 'holds-refused'), goes to that hamlet's head, who writes them on that list (session
    52); so does one whose households are all on that hamlet's list counted ('holds-listed',
    nothing to send again; session 52's review), or on several hamlets' ('holds-listed-several';
    'holds-listed-mixed', to the hamlet whose list holds most of them: session 53), or one
    left off one hamlet's list when every hamlet has a list ('holds-all-sent', or held apart
    so, 'holds-held-all-sent': to that hamlet's head, who writes them; session 53), or an old
    copy of that hamlet's list ('holds-copy': its head writes those not exited; session 53's
    review). One whose households left off are two hamlets' or more ('holds-several', each
    head writing his own) goes to the head of the first hamlet its words name (Vietnamese
    alphabetical order; session 54: was to no head). None
    otherwise, or when the plan has no such name. Which variants go to whom: pipeline.apart_variants (session 53)."""
    apart = [(i, row) for i in issues if (row := apart_variant(i)) is not None]
    refused = next(((i, row) for i, row in apart if row.route in ("codes", "first")), None)
    if refused is not None:
        issue, row = refused
        if row.route == "first":  # "Đồng Kè, Nà Mòn": the longest plan name before a ", "
            given = [n for n in names if issue.instead.startswith(f"{n}, ")]
            return max(given, key=len, default=None)
        return issue.instead if issue.instead in names else None
    if not any(row.route == "named" for _, row in apart):
        return None
    return raw_hamlet(sub, HamletMatcher(names))


def _rejected_for_hamlet(issues: list[Issue]) -> bool:
    return any(i.code in ("unknown-hamlet", "missing-hamlet") for i in issues)


def _stale_pattern(period: str) -> re.Pattern:
    return re.compile(rf"_{re.escape(period)}(_\d+)?\.xlsx$", re.IGNORECASE)


# the name a run gives a feedback file it cannot write over (open in Excel): 'X_2024-05 (1).xlsx'
_BESIDE = lazyre.compile(r" \(\d+\)(?=\.xlsx$)", re.IGNORECASE)


def remove_stale_feedback(result: RunResult, folder: Path, written: list[Path]) -> Path:
    """Remove this period's feedback files that this run did not write (a hamlet fixed since
    the last run), once all new ones are written; other periods' files and Excel lock files
    are left alone. A copy an earlier run wrote beside a file open in Excel ('Nà Mòn_2024-05
    (1).xlsx') goes with its hamlet's feedback, and stays (said as older, output.py) while the
    hamlet still has one; a file open in a spreadsheet now stays. Returns the feedback folder."""
    directory = folder / FEEDBACK_DIR
    if directory.is_dir():
        keep = {_name_key(_BESIDE.sub("", p.name)) for p in written}
        pattern = _stale_pattern(result.period)
        for old in sorted(directory.iterdir()):
            name = _BESIDE.sub("", unicodedata.normalize("NFC", old.name))
            if name.startswith(("~$", ".")) or not pattern.search(name) or not old.is_file():
                continue
            if _name_key(name) not in keep and not is_open_elsewhere(old):
                remove_output(old)  # when the run's outputs are put in place
    return directory
