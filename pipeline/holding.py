"""The lists held apart that name no hamlet or a neighbour: a list whose name or title says no
hamlet of the plan, or a neighbour's, held apart unless its codes tell whose it is
(unnamed_holding, `check`'s too; unnamed_refusal, neighbour_refusal), and the lists and codes
those rest on (all_listed, held_apart: pipeline.renames' former_names). Moved from
pipeline.notices (docs/decisions.md, session 51: notices.py split by topic), which re-exports
its public names."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

import pandas as pd

from pipeline import figures as fig
from pipeline import timeline, vocab
from pipeline.apart import (
    NEIGHBOUR_HELD,
    SEVERAL_HOUSEHOLDS,
    SEVERAL_KEYS,
    UNNAMED_HELD,
    UNNAMED_HELD_ALL_SENT,
)
from pipeline.consolidate import list_codes, one_hamlet, start_codes
from pipeline.history import HistoryStore
from pipeline.messages import Message
from pipeline.moves import note_moved_from
from pipeline.rosterchecks import (
    codes_names_years,
    month_written,
    tables,
)
from pipeline.text import (
    is_blank,
    vi_key,
)
from pipeline.types import Issue, Plan, Submission
from schemas.issues import JOINED_SENT_VARIANTS


def all_listed(
    sub: Submission,
    said: Issue,
    submissions: list[Submission],
    accepted: dict[str, Submission] | None,
) -> bool:
    """Whether ``sub``, refused as a merged hamlet's list sent apart beside the list of the
    hamlet it joined (:func:`_joined_by_history`, variant 'joined-sent'), has every household
    code on that list (the run's counted one, ``accepted``; for `giamngheo check`, one given of
    the period): already written there, nothing to give its head (docs/decisions.md, session
    36 QA). The list's own refusal kept that plain (consolidate: a copy of the hamlet's list)."""
    if said.variant not in ("joined-sent", "joined-sent-lists"):  # (the lists': session 57)
        return False
    own = _own_list(sub, said.instead, submissions, accepted)
    codes = list_codes(sub)
    return own is not None and bool(codes) and codes <= list_codes(own)


def _own_list(
    sub: Submission,
    hamlet: str,
    submissions: list[Submission],
    accepted: dict[str, Submission] | None,
) -> Submission | None:
    """The list of ``hamlet`` of ``sub``'s period: the run's counted one (``accepted``); for
    `giamngheo check` (None), one given of the period. None without one."""
    if accepted is not None:
        return accepted.get(hamlet)
    return next((s for s in submissions if s is not sub and s.hamlet == hamlet
                 and s.period == sub.period and s.kind == "roster"), None)  # fmt: skip


def held_apart(
    plan: Plan,
    store: HistoryStore,
    stored: dict[str, dict],
    sub: Submission,
    said: Issue,
    submissions: list[Submission],
    accepted: dict[str, Submission] | None,
) -> bool:
    """Whether ``sub``, said 'joined-sent' (any of its variants: :func:`_joined_worded`), the
    hamlet it joined having sent its list (:func:`_own_list`), lists a household the movement
    tables compare with, on the plan's start list or on the lists of the month before its
    period (any hamlet's, by its code), that no list of the period counted has (the run's,
    ``accepted``; for `giamngheo check`, those given of the period): its list is then held
    apart from that hamlet's, as a list told by its codes is (apart.merged_apart), its words
    saying it not counted, not its households gone. One whose such households are all on a
    list counted holds only households new to the lists, or counted where they are listed: not
    held, the hamlet counted (docs/decisions.md, session 50 and its review)."""
    if said.variant not in JOINED_SENT_VARIANTS or not sub.period:
        return False
    if _own_list(sub, said.instead, submissions, accepted) is None:
        return False
    codes = list_codes(sub)
    known = codes & set().union(
        *start_codes(plan).values(), _month_codes(store, stored, sub.period)
    )
    if not known:
        return False
    if accepted is not None:
        counted = list(accepted.values())
    else:
        counted = [s for s in submissions if s is not sub and s.period == sub.period
                   and s.kind == "roster" and s.hamlet and "hamlet_issue" not in s.extra]  # fmt: skip
    return bool(known - set().union(*(list_codes(s) for s in counted)))


def _month_codes(
    store: HistoryStore, stored: dict[str, dict], period: str
) -> dict[str, tuple[str, str]]:
    """The household codes (as ``id_key``; each -> its hamlet as stored and the month of its
    list) of the lists a month
    table of ``period`` compares
    with (any hamlet's; not those written 'Thoát' then): :func:`held_apart`. Each hamlet
    accepted in the month before ``period`` (``stored``: the stored summaries by period), its
    list then; each hamlet of the year accepted in none (silent, refused, or held for a list
    apart then), its latest list accepted that year before, as baselines._latest_lists takes
    it (docs/decisions.md, session 50's T18: was the month before's lists alone)."""
    previous = timeline.previous_period(period)
    months = sorted((p for p in stored if p == previous
                     or (p[:4] == period[:4] and p < previous)), reverse=True)  # fmt: skip
    latest: dict[str, str] = {}  # hamlet -> the month of its list compared with
    for month in months:
        for hamlet in stored[month]["hamlets"]:
            if hamlet.get("status") == "ok":
                latest.setdefault(hamlet["hamlet"], month)
    rows = store.statuses(sorted(set(latest.values())))
    # a mask of the rows' own index: a plain list, empty when no month is stored (a commune's
    # first run), would be taken for a choice of columns (session 50's read of its diff)
    taken = pd.Series([latest.get(h) == p for p, h in zip(rows["period"], rows["hamlet"],
                                                          strict=True)],
                      index=rows.index, dtype=bool)  # fmt: skip
    rows = rows[taken]
    rows = rows[(rows["status"] != "exited").to_numpy()]
    return {key[3:]: (hamlet, month) for key, hamlet, month
            in zip(rows["hh_key"], rows["hamlet"], rows["period"], strict=True)
            if key.startswith("id|")}  # fmt: skip


def unnamed_holding(
    plan: Plan,
    submissions: list[Submission],
    issues: list[Issue],
    store: HistoryStore,
    stored: dict[str, dict],
    period: str | None = None,
    accepted: dict[str, Submission] | None = None,
    uncounted: Collection[int] = (),
) -> None:
    """The lists refused for no hamlet told ('missing-hamlet': 'Xóm' and title blank, the file
    name naming none of the plan's, as 'BanCo_2024-05.xlsx' after Bản Cọ's merger) that list
    households of a hamlet that sent its list, on its start list or on a list its month table
    compares with (:func:`_month_codes`), that no list counted has: those households count as
    gone from that hamlet's tables while the list is refused. The refusal says so (variant
    'holds': how many, the hamlet, and to write them on its list or name the list's hamlet),
    not only to fill the 'Xóm' cell. ``period``: the run's (its lists alone), None for
    `giamngheo check`; ``accepted``: the run's counted lists (None: those given of the period,
    less ``uncounted``: the id() of those a run refuses for an error of their own, which
    `check` finds only after whose list each is: checkfiles._lists_checked; session 51).
    docs/decisions.md, session 50's T18. A list naming a neighbour that sent its own list, its
    codes another hamlet's that sent its list too, is held or worded by the same rule
    (:func:`_neighbour_held`; session 51). One whose households are all on the lists counted
    ('holds-listed': its codes' hamlet's; 'holds-listed-several': that hamlet's and others',
    :func:`_listed_said`; 'holds-listed-mixed': its codes no one hamlet's) says so, to take it
    out, never to name it (session 52). One whose households left off are two hamlets' or more
    ('holds-several', :func:`_several_said`) says hamlet by hamlet which head writes which on
    which file, never a name in 'Xóm' (session 52, RH2). One whose households left off are one
    hamlet's when every hamlet of the plan has a list of the period ('holds-all-sent') says its
    head writes them on its list, never a name in 'Xóm': any would make a second list
    (session 53); so does one held apart then ('holds-held-all-sent', was 'holds-held' and its
    "nếu không, hãy ghi tên xóm"; session 53)."""
    by_start = start_codes(plan)
    months: dict[str, dict[str, tuple[str, str]]] = {}  # a period -> its month codes (a cache)
    in_plan = set(plan.hamlets["hamlet"])
    for sub in submissions:
        issue = sub.extra.get("hamlet_issue")
        if (
            issue is None or not (unnamed_refusal(issue) or neighbour_refusal(issue))
            or not sub.period or sub.period != (period or sub.period)
        ):  # fmt: skip
            continue
        codes = list_codes(sub)
        if not codes:
            continue
        if sub.period not in months:
            months[sub.period] = _month_codes(store, stored, sub.period)
        where: dict[str, str] = {}  # code -> the hamlet whose tables compare with it
        lists: dict[str, set[str]] = {}  # code -> the lists it is on: '' the start list, a month
        for code, (hamlet, month) in months[sub.period].items():
            if code in codes and hamlet in in_plan:
                where[code] = hamlet
                lists.setdefault(code, set()).add(month)
        for hamlet, known in by_start.items():
            for code in codes & set(known):
                where[code] = hamlet
                lists.setdefault(code, set()).add("")
        if accepted is not None:
            counted = list(accepted.values())
        else:
            counted = [s for s in submissions if s is not sub and s.period == sub.period
                       and s.kind == "roster" and s.hamlet and "hamlet_issue" not in s.extra
                       and id(s) not in uncounted]  # fmt: skip
        sent = {s.hamlet for s in counted}
        listed = set().union(*(list_codes(s) for s in counted))
        gone = sorted((h, c) for c, h in where.items() if h in sent and c not in listed)
        if neighbour_refusal(issue):
            _neighbour_held(
                sub, issue, codes, gone, where, lists, counted, issues, submissions, in_plan,
                uncounted,
            )  # fmt: skip
            continue
        by_hamlet: dict[str, set[str]] = {}
        for code, hamlet in where.items():
            by_hamlet.setdefault(hamlet, set()).add(code)
        one = one_hamlet(codes, by_hamlet)
        if not gone:
            # its codes one hamlet's whose own list came but was refused for an error of its
            # own: corrected, that list holds them; writing the hamlet's name in this one would
            # make a second, the newer (CONTRACT §1; session 52)
            refused = None if one is None or one[0] in sent else _refused_own(
                sub, one[0], submissions, uncounted
            )  # fmt: skip
            if refused is not None:
                said = replace(issue, variant="holds-refused", instead=one[0],
                               detail=refused.file)  # fmt: skip
                issues[:] = [said if i is issue else i for i in issues]
                sub.extra["hamlet_issue"] = said
                continue
            # ... or counted, holding every household of this one (that list corrected as
            # 'holds-refused' said, this file left in the folder): nothing to name, nothing
            # to send again; writing the name here would make a second list (session 52's
            # review)
            own = next((s for s in counted if one is not None and s.hamlet == one[0]), None)
            if own is not None and codes <= list_codes(own):
                said = replace(issue, variant="holds-listed", instead=one[0], detail=own.file)
                issues[:] = [said if i is issue else i for i in issues]
                sub.extra["hamlet_issue"] = said
            # ... or nearly all on it, the others on their own hamlets' lists counted: writing
            # that hamlet's name here would make its second list, the newer, its households
            # this one lacks counted exited (session 52's review of 'holds-listed')
            elif own is not None and codes <= listed:
                said = replace(issue, variant="holds-listed-several", instead=one[0],
                               detail=_listed_said(codes, own, counted))  # fmt: skip
                issues[:] = [said if i is issue else i for i in issues]
                sub.extra["hamlet_issue"] = said
            # ... or of no one hamlet (none holding more than half), every one on its hamlet's
            # list counted (as 'holds' said, some written there): any name written here would
            # make a second list of that hamlet, the newer (session 52, RH)
            elif one is None and codes <= listed:
                most = max(sorted(counted, key=_by_name),
                           key=lambda s: len(codes & list_codes(s)))  # fmt: skip
                # {instead}: that list's hamlet, whose head its feedback goes to; of lists
                # holding as many, the first by name as the officer reads names (vi_key: Đồng
                # Kè before Nà Mòn), which its words name first (session 53)
                said = replace(issue, variant="holds-listed-mixed", instead=most.hamlet,
                               detail=_listed_said(codes, most, counted))  # fmt: skip
                issues[:] = [said if i is issue else i for i in issues]
                sub.extra["hamlet_issue"] = said
            continue
        # in Vietnamese alphabetical order, as the officer reads hamlets (session 53's review)
        hamlets = sorted({h for h, _ in gone}, key=vi_key)
        # its codes nearly all one hamlet's, more than half of them (consolidate.one_hamlet,
        # as a list naming a hamlet the plan lacks is told by its codes), that hamlet's list
        # counted holding fewer than half (not a copy of it): held apart from that hamlet, as
        # a list apart the history tells is (session 51)
        own = next((s for s in counted if one is not None and s.hamlet == one[0]), None)
        held = (
            hamlets == [one[0] if one else None]
            and own is not None
            and 2 * len(codes & list_codes(own)) < len(codes)
            and any(c in _codes_not_exited(sub) for _, c in gone)
        )
        if held:
            sub.extra["merged_codes"] = codes
        # ... half or more on it: an old copy of that list, sent again; its words say to take
        # it out of the folder, not to name it (a second list of the hamlet; session 51)
        copy = (
            not held
            and own is not None
            and hamlets == [own.hamlet]
            and 2 * len(codes & list_codes(own)) >= len(codes)
        )
        # ... of two hamlets or more, each left off its own list counted: each head writes its
        # own on its own list; a name written here would make a second list (session 52, RH2)
        several = not held and not copy and len(hamlets) > 1
        # ... of one hamlet, every hamlet of the plan having a list of the period (counted, or
        # refused for an error of its own): no name is left to write in 'Xóm' (any would make
        # a second list), its head writes them on its list (session 53)
        # (held apart alike: 'holds-held-all-sent', its head writes them, never a name in 'Xóm')
        named = {s.hamlet for s in submissions if s is not sub and s.period == sub.period
                 and s.kind == "roster" and s.hamlet and "hamlet_issue" not in s.extra}  # fmt: skip
        all_sent = in_plan <= named | sent
        said = replace(
            issue,
            variant=((UNNAMED_HELD_ALL_SENT if all_sent else UNNAMED_HELD) if held
                     else "holds-copy" if copy else "holds-several" if several
                     else "holds-all-sent" if all_sent else "holds"),
            instead=", ".join(hamlets),
            detail=(_several_said(sub, gone, lists, counted) if several
                    else _gone_said(sub, gone, lists)),
        )  # fmt: skip
        issues[:] = [said if i is issue else i for i in issues]
        sub.extra["hamlet_issue"] = said
        # told to each hamlet's head on its own list's feedback (session 54); of one hamlet's
        # households when every hamlet sent its list too ('holds-all-sent': its head writes
        # them on his list, as 'holds-several' says; session 54, E4)
        if said.variant in ("holds-several", "holds-all-sent"):
            sub.extra[SEVERAL_HOUSEHOLDS] = households_by_hamlet(sub, gone)
            # ... and on each household's 'vanished-household' warning (session 54)
            keys: dict[str, list[str]] = {}
            for hamlet, key in gone:
                keys.setdefault(hamlet, []).append("id|" + key)
            sub.extra[SEVERAL_KEYS] = keys


def households_by_hamlet(sub: Submission, gone: list[tuple[str, str]]) -> dict[str, list[str]]:
    """The households ``gone`` ((hamlet, code key), sorted) of a list ``sub``, by hamlet, each
    said as a 'vanished-household' warning names one: its Mã hộ and head's name as ``sub``
    writes them ('NM5 (Hoàng Văn NM5)'; the Mã hộ alone where the name is blank)."""
    written: dict[str, tuple[str, str]] = {}  # a code's key -> (the code, the head's name)
    for code, name, *_ in codes_names_years(sub):
        if isinstance(code, float) and code.is_integer():
            code = int(code)
        if isinstance(code, str | int):
            head = name.strip() if isinstance(name, str) else ""
            written.setdefault(fig.id_key(code), (str(code).strip(), head))
    found: dict[str, list[str]] = {}
    for hamlet, key in gone:
        code, head = written.get(key, (key, ""))
        found.setdefault(hamlet, []).append(f"{code} ({head})" if head else code)
    return found


def unnamed_refusal(issue: Issue) -> bool:
    """Whether ``issue`` refuses a list for no hamlet told ('missing-hamlet', plain), as
    :func:`unnamed_holding` asks of its lists."""
    return issue.code == "missing-hamlet" and issue.variant == ""


def neighbour_refusal(issue: Issue) -> bool:
    """Whether ``issue`` refuses a list naming a neighbour that sent its own list, its codes
    another hamlet's (consolidate.copied_by_codes: 'hamlet-codes-of-file-name', variants
    'codes', 'codes-title', 'codes-title-only'), as :func:`unnamed_holding` asks of its lists
    (session 51)."""
    return issue.code == "hamlet-codes-of-file-name" and issue.variant in NEIGHBOUR_VARIANTS


# The refusals of consolidate.copied_by_codes (a neighbour's name, the codes another hamlet's)
NEIGHBOUR_VARIANTS = ("codes", "codes-title", "codes-title-only")


def _gone_said(sub: Submission, gone: list[tuple[str, str]], lists: dict[str, set[str]]) -> Message:
    """The households ``gone`` ((hamlet, code key), sorted) of a refused list ``sub`` no list
    counted has, as :func:`unnamed_holding` says them: how many, their codes as the list writes
    them (five at most), their hamlets and the lists they are on (``lists``: code -> '' the
    start list, or a month)."""
    hamlets = sorted({h for h, _ in gone}, key=vi_key)
    written = {}  # a code's key -> the code as the list writes it
    for code, *_ in codes_names_years(sub):
        if isinstance(code, float) and code.is_integer():
            code = int(code)
        if isinstance(code, str | int):
            written.setdefault(fig.id_key(code), str(code).strip())
    shown = ", ".join(written.get(c, c) for _, c in gone[:5]) + (", …" if len(gone) > 5 else "")
    named = sorted(set().union(*(lists[c] for _, c in gone)))  # '' (the start list) first
    vi = " hoặc ".join("danh sách đầu năm" if m == "" else f"danh sách tháng {month_written(m)}"
                       for m in named)  # fmt: skip
    en = " or ".join(("the hamlet's" if i == 0 else "its")
                     + (" start-of-year list" if m == "" else f" list of {month_written(m)}")
                     for i, m in enumerate(named))  # fmt: skip
    return Message(f"{len(gone)} hộ ({shown}) của xóm {', '.join(hamlets)} (có trong {vi} "
                   "của xóm)",
                   f"{len(gone)} household{'s' if len(gone) > 1 else ''} ({shown}) of "
                   f"hamlet {', '.join(hamlets)} (on {en})", len(gone))  # fmt: skip


def _several_said(
    sub: Submission,
    gone: list[tuple[str, str]],
    lists: dict[str, set[str]],
    counted: list[Submission],
) -> Message:
    """The households ``gone`` of a refused list ``sub``, of two hamlets or more, as
    :func:`unnamed_holding` says them ('holds-several'): hamlet by hamlet, :func:`_gone_said` of
    its own and the file of its list counted (``counted``) its head writes them on, the hamlets
    in Vietnamese alphabetical order (text.vi_key: Đồng Kè before Nà Mòn, as 'Nộp báo cáo' and
    every list of names the officer reads; was by code point, 'Đ' after 'N': session 53's
    review)."""
    parts = []
    for hamlet in sorted({h for h, _ in gone}, key=vi_key):
        own = min((s.file for s in counted if s.hamlet == hamlet), default="")
        its = [g for g in gone if g[0] == hamlet]
        # one household is "it" in English, not "them" (session 54)
        parts.append((_gone_said(sub, its, lists), hamlet, own, "them" if len(its) > 1 else "it"))
    return Message("; ".join(f"{said}: trưởng xóm {hamlet} cần ghi vào danh sách của xóm "
                             f"(tệp '{own}')" for said, hamlet, own, _ in parts),
                   "; ".join(f"{said.en}: {hamlet}'s head writes {them} on the hamlet's list "
                             f"(file '{own}')" for said, hamlet, own, them in parts))  # fmt: skip


def _by_name(sub: Submission) -> tuple:
    """Sort key of a list counted by its hamlet, then its file, in Vietnamese alphabetical
    order (text.vi_key; session 48), as :func:`_listed_said` names them and the list holding
    most of a list's households is taken among those holding as many (session 53)."""
    return vi_key(sub.hamlet), vi_key(sub.file)


def _listed_said(codes: set[str], own: Submission, counted: list[Submission]) -> Message:
    """Where the lists counted hold ``codes`` (every one on one of them), as
    :func:`unnamed_holding` says it of a list naming no hamlet ('holds-listed-several'): how
    many on each file and its hamlet, ``own`` (its codes' hamlet's list) first, then the others
    by hamlet and file (:func:`_by_name`); each code said once."""
    left = set(codes)
    parts = []  # (how many, the file, its hamlet)
    others = sorted((s for s in counted if s is not own), key=_by_name)
    for listed in (own, *others):
        held = left & list_codes(listed)
        if held:
            parts.append((len(held), listed.file, listed.hamlet))
            left -= held
    return Message(", ".join(f"{n} hộ trong tệp '{file}' của xóm {hamlet}"
                             for n, file, hamlet in parts),
                   ", ".join(f"{n} household{'s' if n > 1 else ''} on '{file}' of {hamlet}"
                             for n, file, hamlet in parts))  # fmt: skip


def _neighbour_held(
    sub: Submission,
    issue: Issue,
    codes: set[str],
    gone: list[tuple[str, str]],
    where: dict[str, str],
    lists: dict[str, set[str]],
    counted: list[Submission],
    issues: list[Issue],
    submissions: list[Submission] = (),
    names: Collection[str] = (),
    uncounted: Collection[int] = (),
) -> None:
    """:func:`unnamed_holding` of a list ``sub`` naming a neighbour that sent its own list, its
    codes hamlet ``issue.hamlet``'s (consolidate.copied_by_codes), when that hamlet sent its
    own list too, counted: held apart from it by the rule a list naming no hamlet is (its codes
    nearly all that hamlet's, fewer than half on its list, one of them missing from it not
    written 'Thoát'; variant 'codes-held', the households said), else its words send the
    officer to take an old copy out or the head to write the households on the hamlet's list
    ('codes-sent', the hamlet's file named; 'codes-sent-listed' when that list holds every
    household of it, session 52): never to make the list a second one of the hamlet by writing
    its name (session 51). When the hamlet's own list of the period came but was
    refused for an error of its own (in ``submissions``: status 'rejected', or for `giamngheo
    check` its id() in ``uncounted``), its households go on that list once corrected
    ('codes-refused', its file named; session 51's review). Households it holds that
    its rows note moved in from that hamlet ('Chuyển đến từ xóm Nà Mòn': moves.note_moved_from,
    ``names`` the plan's hamlets) are the named neighbour's now: not held, its words send its
    head to write them on its list ('codes-moved'; session 51's review)."""
    hamlet = issue.hamlet
    # every household on the list of the neighbour it names ({instead}), counted: written there
    # as 'codes-moved' said, this file left in the folder; nothing to do (session 52's review)
    named = next((s for s in counted if s.file == issue.instead), None)
    if named is not None and codes <= list_codes(named):
        said = replace(issue, variant="codes-listed")
        issues[:] = [said if i is issue else i for i in issues]
        sub.extra["hamlet_issue"] = said
        return
    own = next((s for s in counted if s.hamlet == hamlet and s.status != "rejected"), None)
    if own is None:
        # its own list refused for its content (not for its hamlet): corrected, it is the one
        # list; naming this file 'Nà Mòn' would make a second, the newer (CONTRACT §1)
        refused = _refused_own(sub, hamlet, submissions, uncounted)
        if refused is None:
            return  # the hamlet sent nothing: this is its list, to name it (as before)
        said = replace(issue, variant="codes-refused", detail=refused.file)
        issues[:] = [said if i is issue else i for i in issues]
        sub.extra["hamlet_issue"] = said
        return
    by_hamlet: dict[str, set[str]] = {}
    for code, whose in where.items():
        by_hamlet.setdefault(whose, set()).add(code)
    one = one_hamlet(codes, by_hamlet)
    staying = {c for _, c in gone} & _codes_not_exited(sub)
    moved = bool(staying) and staying <= _codes_moved_from(sub, hamlet, names)
    held = (
        one is not None
        and one[0] == hamlet
        and {h for h, _ in gone} == {hamlet}
        and 2 * len(codes & list_codes(own)) < len(codes)
        and bool(staying)
        and not moved
    )
    if moved:  # moved in to the neighbour named, as its rows note: its list to hold them
        said = replace(issue, variant="codes-moved", detail=_gone_said(sub, gone, lists))
    elif held:
        sub.extra["merged_codes"] = codes
        said = replace(issue, variant=NEIGHBOUR_HELD, detail=_gone_said(sub, gone, lists))
    elif codes <= list_codes(own):
        # every household on the hamlet's list counted (an old copy, or the 'codes-refused'
        # advice followed: that list corrected with them, this file left in the folder):
        # nothing to write anywhere, the file to take out (session 52)
        said = replace(issue, variant="codes-sent-listed", detail=own.file)
    else:
        said = replace(issue, variant="codes-sent", detail=own.file)
    issues[:] = [said if i is issue else i for i in issues]
    sub.extra["hamlet_issue"] = said


def _refused_own(
    sub: Submission, hamlet: str, submissions: Collection[Submission], uncounted: Collection[int]
) -> Submission | None:
    """The list of ``hamlet`` of ``sub``'s period among ``submissions`` refused for an error of
    its own (status 'rejected', or for `giamngheo check` its id() in ``uncounted``), not for its
    hamlet; None without one (session 51's review; session 52)."""
    return next((s for s in submissions if s is not sub and s.hamlet == hamlet
                 and s.period == sub.period and s.kind == "roster"
                 and (s.status == "rejected" or id(s) in uncounted)
                 and "hamlet_issue" not in s.extra), None)  # fmt: skip


def _codes_moved_from(sub: Submission, hamlet: str, names: Collection[str]) -> set[str]:
    """The household codes (as ``id_key``) of a roster's rows whose 'Ghi chú' notes a move in
    from ``hamlet`` (moves.note_moved_from; ``names``: the plan's hamlets)."""
    found = set()
    for _, _, rows in tables(sub):
        codes = rows.columns.get("ma_ho") or ()
        notes = rows.columns.get("ghi_chu") or [None] * len(codes)
        for code, note in zip(codes, notes, strict=False):
            if not is_blank(code) and note_moved_from(note, hamlet, names):
                found.add(fig.id_key(code))
    return found


def _codes_not_exited(sub: Submission) -> set[str]:
    """The household codes (as ``id_key``) of a roster's rows not written 'Thoát' (the class
    as read, else its words: vocab.classification): a list naming no hamlet whose households
    it holds are all written 'Thoát' says what the hamlet's tables count without it, exited,
    and holds nothing apart (:func:`unnamed_holding`; session 51 review)."""
    found = set()
    for _, _, rows in tables(sub):
        codes = rows.columns.get("ma_ho") or ()
        classes = rows.columns.get("phan_loai") or [None] * len(codes)
        for code, written in zip(codes, classes, strict=False):
            status = written if written == "exited" else vocab.classification(written)
            if status != "exited" and not is_blank(code):
                found.add(fig.id_key(code))
    return found
