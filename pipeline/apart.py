"""A merged hamlet's households on a list sent apart: the list of the period refused as a hamlet
merged into one of the plan (its old name), while the merged hamlet's own list was accepted.
Its households are on a list, only not in the hamlet's: the keys they are found by, those of
the movement tables' records, their status 'apart', the warning to the hamlet's list, and the
figures that would compare unlike with like (docs/decisions.md, session 25). Called by
pipeline.figuresteps' figured (session 34: pipeline/run.py split)."""

from __future__ import annotations

from pipeline import figures as fig
from pipeline.messages import apart_households
from pipeline.rosterchecks import codes_names_years
from pipeline.text import fold
from pipeline.types import Issue, Submission
from schemas.issues import JOINED_SENT_VARIANTS, MERGED_LIST_VARIANTS

# The 'missing-hamlet' variant of a list naming no hamlet held apart by its codes (session 51)
UNNAMED_HELD = "holds-held"
# ... when every hamlet of the plan has a list of the period: its words never offer a name for
# its 'Xóm' cell (any would make a second list of that hamlet; session 53)
UNNAMED_HELD_ALL_SENT = "holds-held-all-sent"
# ... and the 'hamlet-codes-of-file-name' variant of a list naming a neighbour that sent its own
# list, its codes the hamlet's, held apart alike (session 51)
NEIGHBOUR_HELD = "codes-held"
# A list naming no hamlet of two hamlets' households or more ('holds-several'), or of one
# hamlet's when every hamlet sent its list ('holds-all-sent'; session 54, E4): the
# Submission.extra key of its households left off, by hamlet (holding.households_by_hamlet),
# which each hamlet's list's feedback names (session 54)
SEVERAL_HOUSEHOLDS = "several_households"
# ... and their keys ('id|NM5'), by hamlet: each one's 'vanished-household' warning says it is
# on that list, not exited (moves.vanished_warnings; session 54)
SEVERAL_KEYS = "several_keys"

# The figures of a hamlet whose households are partly on a list sent apart that compare with
# its start of year or its target: they would compare unlike with like (session 25).
UNLIKE = (
    "poor_rate_reduction",
    "near_poor_rate_reduction",
    "poor_target_met",
    "near_poor_target_met",
    "poor_progress",
    "near_poor_progress",
    "poor_still_to_exit",
    "near_poor_still_to_exit",
)


def merged_apart(submissions: list[Submission], merged) -> dict[str, list[Submission]]:
    """Plan hamlet -> the lists of the period refused as a hamlet merged into it in the plan
    (`unknown-hamlet`, variant 'merged' or 'merged-names', consolidate.refused_by_codes; or
    the history's merger, 'joined-sent' or its variants, listing a household of the start list
    or of last month's lists no list counted has, renames.former_names: session 50 and its
    review; or a list naming no hamlet whose codes are the hamlet's, 'missing-hamlet' variant
    'holds-held', holding.unnamed_holding: session 51, or 'holds-held-all-sent': session 53; or one naming a neighbour that sent
    its own list, its codes the hamlet's, 'hamlet-codes-of-file-name' variant 'codes-held',
    the hamlet its ``hamlet``: session 51), when the hamlet's own list was
    accepted: their households are on a list, only not in the hamlet's. Two hamlets merged into one may both send apart (session 49): each is
    held."""
    apart: dict[str, list[Submission]] = {}
    for sub in submissions:
        issue = sub.extra.get("hamlet_issue")
        if issue is None:
            continue
        neighbour = issue.code == "hamlet-codes-of-file-name" and issue.variant == NEIGHBOUR_HELD
        hamlet = issue.hamlet if neighbour else issue.instead
        if (
            (
                issue.variant in MERGED_LIST_VARIANTS | JOINED_SENT_VARIANTS
                or (
                    issue.code == "missing-hamlet"
                    and issue.variant in (UNNAMED_HELD, UNNAMED_HELD_ALL_SENT)
                )
                or neighbour
            )
            and sub.period == merged.period
            and hamlet in merged.accepted
            and "merged_codes" in sub.extra
        ):
            apart.setdefault(hamlet, []).append(sub)
    return apart


def several_held(submissions: list[Submission]) -> dict[str, dict[str, str]]:
    """Hamlet -> {household key ('id|NM5'): file} of the households a list naming no hamlet
    holds that its hamlet's list counted lacks, the list of two hamlets' households or more
    ('holds-several'), or of one hamlet's when every hamlet sent its list ('holds-all-sent';
    session 54, E4), holding.unnamed_holding keeping them under :data:`SEVERAL_KEYS`: counted
    exited till written there, each one's 'vanished-household' warning names that file, the
    'households-mostly-gone' words say such households not exited (variant 'held', session 55;
    session 54 left them out of its count). Of two such lists holding one household, the first
    of ``submissions``."""
    found: dict[str, dict[str, str]] = {}
    for sub in submissions:
        for hamlet, keys in sub.extra.get(SEVERAL_KEYS, {}).items():
            held = found.setdefault(hamlet, {})
            for key in keys:
                held.setdefault(key, sub.file)
    return found


def apart_list_keys(
    subs: list[Submission], hamlet: str
) -> tuple[set[str], set[str], int, set[str]]:
    """The keys the lists sent apart ``subs`` (:func:`merged_apart`) hold their households by in
    the merged ``hamlet``: its Mã hộ ('id|…'), and the (hamlet, head's name, birth year) key of
    each row naming its head, as figures.held_keys takes a row left out for an error (CONTRACT
    §4.3: a row with a blank or mistyped Mã hộ is matched by name). The list writes the old
    hamlet's name, the start list the merged one's: the name keys are of ``hamlet``. Also how
    many households they list: their distinct codes, and their rows without one naming a head;
    and the name keys whose year was read from an age (a list of ages: codes_names_years)."""
    codes = {"id|" + code for sub in subs for code in sub.extra["merged_codes"]}
    names: set[str] = set()
    without_code: set[str] = set()
    aged: set[str] = set()
    for code, name, birth, from_age in (row for sub in subs for row in codes_names_years(sub)):
        key = fig.name_key_text(hamlet, name, birth)
        if key is None:
            continue
        names.add(key)
        if from_age:
            aged.add(key)
        if not _has_code(code):
            without_code.add(key)
    return codes, names, len(codes) + len(without_code), aged


def _has_code(code) -> bool:
    """Whether a row of a list sent apart writes a Mã hộ (text, or a number)."""
    return bool(isinstance(code, str) and code.strip()) or isinstance(code, int | float)


def households_apart(
    records: list[tuple], held: set[str], apart: set[str], aged: set[str] | frozenset = frozenset()
) -> set[str]:
    """The keys of the movement ``records`` (a hamlet's baselines) whose household is on a list
    sent apart (``apart``: :func:`apart_list_keys`' codes and names), by code or by name, and
    not in a row left out for an error (``held``: figures.held_keys); by name a year off too
    where a year was read from an age (``aged``: figures.near_pairs)."""
    found = set()
    names: dict[str, str] = {}
    for record in records:
        name = fig.record_name_key(record)
        if record[0] in held or fig.holder_by_name(name, held) is not None:
            continue
        if record[0] in apart or fig.holder_by_name(name, apart) is not None:
            found.add(record[0])
        elif name is not None:
            names[record[0]] = name
    if aged and names:
        taken = {fig.record_name_key(record) for record in records if record[0] in found}
        spare = {key: key for key in apart if key.startswith("name|") and key not in taken}
        found |= fig.near_pairs(names, spare, aged).keys()
    return found


def listed_apart(found: list[dict], keys: set[str] | None) -> None:
    """The households of ``found`` not counted for being on a list sent apart (``keys``,
    :func:`merged_apart`), not in a row with an error: their status now is 'apart', as
    'Biến động' says it."""
    for item in found if keys else ():
        if item["movement"] == fig.NOT_COUNTED and item["key"] in keys:
            item["current_status"] = "apart"


def by_name_written(subs: list[Submission]) -> list[list[Submission]]:
    """The lists sent apart ``subs`` (:func:`merged_apart`) of one merged hamlet, grouped by
    the hamlet they write (folded), in their order: one list sent twice ('BanCo_2024-05.xlsx'
    and 'BanCo_2024-05 (2).xlsx') is one list apart, said once naming both files; two hamlets
    merged into one, each its own (session 49; docs/decisions.md, session 50's T18)."""
    groups: dict[str, list[Submission]] = {}
    for sub in subs:
        groups.setdefault(fold(str(sub.extra["hamlet_issue"].value)), []).append(sub)
    return list(groups.values())


def merged_apart_issue(
    sub: Submission, others: list[Submission], start_apart: int | None, listed: int
) -> Issue:
    """The warning to the merged hamlet's list ``sub`` that its figures lack the households of
    ``others``, the lists sent apart under one hamlet's name (:func:`by_name_written`), and how
    to put it right: :func:`apart_households` of ``start_apart`` and ``listed`` (theirs: two
    hamlets merged into one may both send apart, each said with its households; session 49),
    their files named together."""
    refused = others[0].extra["hamlet_issue"]
    return Issue(
        "merged-list-apart",
        variant={"missing-hamlet": "unnamed", "hamlet-codes-of-file-name": "neighbour"}.get(
            refused.code, ""
        ),
        file=sub.file,
        hamlet=sub.hamlet,
        value=refused.value,
        detail=apart_households(start_apart, listed),
        instead=", ".join(other.file for other in others),
    )


def apart_rows(apart: dict[str, Submission], households) -> list[tuple]:
    """The rows the history keeps of each list sent apart (``apart``: :func:`merged_apart`),
    beside the month's own (RunResult.moved's form: hamlet, key, Mã hộ, head's name, status,
    birth year, whether read from an age): each household it lists, under the merged hamlet,
    as a row left out for an error ('not_counted'), so that the month after it is counted
    again, not back in poverty nor new (docs/decisions.md, session 46). By its Mã hộ, else by
    its (hamlet, head's name, birth year) key; with the birth year the list gives, as the
    month's own rows are stored (session 47); one the hamlet's own list writes
    (``households``: the month's rows) is kept as that list has it; each once."""
    rows: list[tuple] = []
    for hamlet, subs in apart.items():
        own = households[households["hamlet"] == hamlet]
        taken = set(fig.household_key_texts(own))
        for code, name, birth, from_age in (row for sub in subs for row in codes_names_years(sub)):
            if _has_code(code):
                key = "id|" + fig.id_key(code)
            else:
                key, code = fig.name_key_text(hamlet, name, birth), ""
            if key is None or key in taken:
                continue
            taken.add(key)
            written = str(int(code)) if isinstance(code, float) and code.is_integer() else str(code)
            head = name if isinstance(name, str) else ""
            year = birth if birth.__class__ is int else None
            rows.append((hamlet, key, written, head, fig.NOT_COUNTED, year, from_age))
    return rows
