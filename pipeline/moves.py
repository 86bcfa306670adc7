"""Households moving between the commune's hamlets, as a month's movement tables take them:
those a list says moved to another hamlet (by code, by name and birth year, or under a new
Mã hộ), those written under a new code in another hamlet since, those moved back; and the
warnings only the movement tables give (a household recoded, not listed at the start,
vanished). Called by pipeline.figuresteps (docs/decisions.md, session 34: pipeline/run.py
split)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import replace

import numpy as np
import pandas as pd

from pipeline import figures as fig
from pipeline import lazyre
from pipeline.consolidate import START_LIST_NAMED, list_codes, lists_named
from pipeline.hamlets import HamletMatcher
from pipeline.messages import Message, with_unit
from pipeline.rosterchecks import at_cell, exit_mark_said, exit_marked, id_keys, id_number
from pipeline.text import clean_text, commune_key, fold, format_vn, is_blank, mask_ids_in
from pipeline.timeline import as_baseline, same_head, wrong_size
from pipeline.types import FROM_AGE, Issue, Plan, Submission


def said_moved_out(
    plan: Plan, accepted: dict, rows: dict | None = None
) -> dict[str, tuple[str, str]]:
    """key -> (hamlet, status) of the households a list writes under a move-out title naming
    another hamlet of the plan ('Hộ chuyển đi xóm Bản Cọ', discover._moved_to), by Mã hộ: the
    head says where each went, so one that hamlet does not list this month (not yet written
    there, or its list not sent) has moved out, not left the lists ('exited', thoát nghèo, and a
    'vanished-household' warning contradicting the head). Listed in the commune now, a
    household is where it is listed (session 31, QA C3). Nothing for lists without such a part.
    ``rows``: filled with each such key's (list, sheet, Excel row, Mã hộ, head's name, hamlet)."""
    if not any(sub.extra.get("moved_to") for sub in accepted.values()):
        return {}
    matcher = HamletMatcher(plan.hamlet_names, plan.hidden_hamlets)
    found = {}
    for sub in accepted.values():
        for named, code, status, sheet, row, head, _ in sub.extra.get("moved_to", ()):
            there = matcher.match_title(named)
            if there is not None and there != sub.hamlet and code is not None:
                found["id|" + fig.id_key(code)] = (there, status)
                if rows is not None:
                    rows["id|" + fig.id_key(code)] = (sub, sheet, row, code, head, there)
    return found


def _hamlets_in_ages(households) -> set[str]:
    """The hamlets whose list this period writes ages under 'Năm sinh' (a row's year read
    from an age): a moved row's own age is read as that list's other rows were."""
    if FROM_AGE not in households.columns:
        return set()
    aged = households[FROM_AGE].to_numpy(dtype=bool, na_value=False)
    return set(households.loc[aged, "hamlet"].tolist())


def said_moved_out_by_name(
    plan: Plan,
    merged,
    baselines: tuple[dict, dict],
    now: tuple[dict, dict],
    aged: set[str],
    rows: dict,
) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """:func:`said_moved_out` for the rows written without a Mã hộ under a move-out title naming
    another hamlet of the plan (discover._moved_to; session 32): the household is the one its
    hamlet's baselines (``baselines``: the start list's and last month's records by hamlet)
    list under its head's name and birth year, or a year off where either year was read from
    an age (figures.near_pairs), one with one; its key there is the key said moved (the row's
    own name key when no baseline has it: new this month). Returns (key -> (hamlet named,
    status written), key -> (hamlet named, status there) of those that hamlet lists now under
    the head's name and year, one row only: ``now``, its records counted now by hamlet and the
    keys of its rows left out for an error). ``rows`` is filled as by :func:`said_moved_out`."""
    said, listed = {}, {}
    wanted = [(sub, entry) for sub in merged.accepted.values()
              for entry in sub.extra.get("moved_to", ()) if entry[1] is None]  # fmt: skip
    if not wanted:
        return said, listed
    from pipeline.normalise import normalise_value
    from schemas.rules import MAX_AGE

    matcher = HamletMatcher(plan.hamlet_names, plan.hidden_hamlets)
    in_ages = _hamlets_in_ages(merged.households)
    for sub, (named, _, status, sheet, row, head, born) in wanted:
        there = matcher.match_title(named)
        if there is None or there == sub.hamlet:
            continue
        born = normalise_value("nam_sinh", born)
        if born.__class__ is not int:
            continue
        own_aged = sub.hamlet in in_ages and 0 <= born <= MAX_AGE and bool(sub.period)
        if own_aged:  # the list writes ages, as validate read its other rows
            born = int(sub.period[:4]) - born
        own = fig.name_key_text(sub.hamlet, head, born)
        if own is None:
            continue
        near = aged | {own} if own_aged else aged
        found = [_one_by_name(own, baseline.get(sub.hamlet, ()), near) for baseline in baselines]
        found = [record for record in found if record is not None]
        keys = sorted(dict.fromkeys(record[0] for record in found), key=_name_keys_last) or [own]
        # the code the household had there, to name it by (a row without one: its head alone)
        code = next((record[3] for record in found if record[0].startswith("id|")), "")
        records, held = now[0].get(there, ()), now[1].get(there, set())
        name_there = fig.name_key_text(there, head, born)
        listed_as = _one_by_name(name_there, records, near | ({name_there} if own_aged else set()))
        status_there = listed_as[1] if listed_as is not None else None
        if status_there is None and fig.held_by_name(name_there, held):
            status_there = fig.NOT_COUNTED
        said_row = (sub, sheet, row, code, head, there)  # one row: told once, kept once
        for key in keys:
            said[key] = (there, status)
            rows[key] = said_row
            if status_there is not None:
                listed[key] = (there, status_there)
    return said, listed


def said_moved_out_recoded(
    plan: Plan,
    merged,
    said_moved: dict,
    listed: dict,
    baselines: tuple[dict, dict],
    listed_before: tuple[dict, dict],
    now: dict,
    aged: set[str],
    rows: dict,
) -> dict[str, tuple[str, str, str]]:
    """The households a list writes with their Mã hộ under a move-out title naming another
    hamlet of the plan (:func:`said_moved_out`) that no list has by that code (``listed``:
    fig.listed_where now) but the hamlet named lists under a NEW code of its own (codes carry
    the hamlet's number): old key -> (hamlet named, status there, key there). Found by the
    head's name and birth year as the row writes them (else as its hamlet's ``baselines``,
    the start list's and last month's records by hamlet, have them), as
    :func:`said_moved_out_by_name` finds a row without a code (``_one_by_name``: one record only,
    a year off where a year came from an age); the code there must be on neither list the
    commune compares with (``listed_before``: fig.listed_where of the start list and of last
    month), or it is another household's. ``now``: the records counted now by hamlet. A row
    written without its code that :func:`said_moved_out_by_name` found on a baseline under a code
    (``rows``: its said rows by key) is looked for alike, by the baseline's name and year.
    Session 32."""
    wanted = [(sub, "id|" + fig.id_key(entry[1]), entry[5], entry[6])
              for sub in merged.accepted.values() for entry in sub.extra.get("moved_to", ())
              if entry[1] is not None and "id|" + fig.id_key(entry[1]) not in listed]  # fmt: skip
    coded = {item[1] for item in wanted}
    wanted += [(row[0], key, None, None) for key, row in rows.items()
               if key.startswith("id|") and key not in listed and key not in coded]  # fmt: skip
    if not wanted:
        return {}
    from pipeline.normalise import normalise_value
    from schemas.rules import MAX_AGE

    in_ages = _hamlets_in_ages(merged.households)
    found = {}
    for sub, key, head, born in wanted:
        there = said_moved.get(key, (None,))[0]
        if there is None or there == sub.hamlet:
            continue
        born = normalise_value("nam_sinh", born)
        own_aged = born.__class__ is int and sub.hamlet in in_ages and 0 <= born <= MAX_AGE
        if own_aged and sub.period:  # the list writes ages, as validate read its other rows
            born = int(sub.period[:4]) - born
        name = fig.name_key_text(there, head, born) if born.__class__ is int else None
        if name is None:  # the row without a usable head or year: as its baselines write it
            record = next((r for baseline in baselines for r in baseline.get(sub.hamlet, ())
                           if r[0] == key), None)  # fmt: skip
            if record is None or fig.record_name_key(record) is None:
                continue
            name, own_aged = fig.name_key_text(there, record[4], record[5]), False
        near = aged | {name} if own_aged else aged
        record = _one_by_name(name, now.get(there, ()), near)
        if record is None or record[0] == key or record[1] == "exited":
            continue
        # new to that hamlet (and to every list the commune compares with): else not this one
        if any(record[0] in before for before in listed_before):
            continue
        found[key] = (there, record[1], record[0])
    return found


def moved_noted(
    plan: Plan,
    valid: pd.DataFrame,
    listed_now: dict,
    said_moved: dict,
    baselines: tuple[dict, dict],
    listed_before: tuple[dict, dict],
    current_by: dict,
    aged: set[str],
    this_year: pd.DataFrame | None = None,
) -> dict[str, tuple[str, str, str, tuple]]:
    """The households of a hamlet's baselines (``baselines``: the start list's and last
    month's records by hamlet) on no list of the commune now (``listed_now``), said moved by no
    list (``said_moved``), that another hamlet lists now under a new code in a row whose 'Ghi
    chú' says it moved in from that hamlet ('Chuyển đến từ xóm Bản Cọ': :func:`note_moved_from`)
    under the head's name and birth year the baseline writes: the head told the move, whichever
    month the new code first appeared (held in a row left out while the old hamlet still listed
    it: session 57, B2). Old key -> (hamlet there, status there, key there, its baseline
    record). Guards as :func:`said_moved_out_recoded`'s: one record by that name in the old
    hamlet's baselines (``_one_by_name``, each baseline; a year off where a year came from an
    age) and one among the records counted there now (``current_by``), the new key on neither
    list the commune compares with (``listed_before``: the start list's and last month's
    fig.listed_where; last month's may hold it in a row left out for an error there), a
    household found by one row only. A note telling a move of an earlier year ('năm 2019',
    not a birth year) pairs nothing: the household lived there since, new to the lists now.
    Nor does a code counted on a list of an earlier month of the year (``this_year``: the
    year's stored (period, hamlet, hh_key, status) rows before this month; one left out for
    an error there may be): matched by Mã hộ, it is the household it was then, back (session
    58). Nothing, and no note read, without a household gone from the baselines. Session 57
    (B3; its review)."""
    listed_start, listed_month = listed_before
    # the hamlets a household left the lists from (set differences over the keys: the
    # province's rows pay no look each)
    left = {key for listed in listed_before
            for key in listed.keys() - listed_now.keys() - said_moved.keys()}  # fmt: skip
    gone = {
        place[0]
        for listed in listed_before
        for key in left & listed.keys()
        if (place := listed[key])[1] in ("poor", "near_poor")
    }
    if not gone or "ghi_chu" not in valid.columns:
        return {}
    # a blank note is "" (types.py): one comparison over the column, then the few noted rows
    noted = valid.iloc[np.flatnonzero(valid["ghi_chu"].to_numpy() != "")]
    noted = noted[noted["phan_loai"].isin(("poor", "near_poor")).to_numpy()]
    # only a note saying a move in from somewhere is read against each hamlet
    noted = noted[[isinstance(note, str) and _NOTE_FROM.search(fold(note)) is not None
                   for note in noted["ghi_chu"]]]  # fmt: skip
    if noted.empty:
        return {}
    # a household of a silent hamlet's month baseline (its earlier list) counted on another
    # hamlet's list since, in that hamlet's month baseline too, left the lists from there as
    # well: the month's placement (listed_month) names one of the two (session 67, B2)
    gone |= {hamlet for hamlet, records in baselines[1].items() if hamlet not in gone
             and any(r[0] in left and r[1] in ("poor", "near_poor") for r in records)}  # fmt: skip
    names = tuple(plan.hamlet_names)
    found: dict[str, list[tuple]] = {}
    keys = fig.household_key_texts(noted)
    counted: set[str] = set()  # the noted codes counted on a list of the year before
    if this_year is not None and not this_year.empty:
        rows = this_year[this_year["hh_key"].isin(set(keys)).to_numpy()]
        counted = set(rows.loc[rows["status"].isin(("poor", "near_poor")), "hh_key"].tolist())
    rows = zip(keys, noted["hamlet"].tolist(), noted["ghi_chu"].tolist(),
               noted["chu_ho"].tolist(), noted["nam_sinh"].tolist(),
               noted["phan_loai"].tolist(), strict=True)  # fmt: skip
    for new, there, note, head, born, status in rows:
        if new in listed_start or listed_month.get(new, (there, fig.NOT_COUNTED)) != (
            there,
            fig.NOT_COUNTED,
        ):
            continue
        if new in counted:  # another household's code this year, or its own (session 58)
            continue
        # a move of an earlier year ('… năm 2019'): the household has lived here since, new to
        # the lists now, not one gone this month (session 57's review)
        if _note_year_before(note, plan.plan_year):
            continue
        for hamlet in sorted(gone - {there}):
            if not note_moved_from(note, hamlet, names, plan.commune):
                continue
            name = fig.name_key_text(hamlet, head, born)
            if name is None:
                continue
            records = [_one_by_name(name, baseline.get(hamlet, ()), aged) for baseline in baselines]
            records = [r for r in records if r is not None]
            if len({r[0] for r in records}) != 1 or records[0][1] == "exited":
                continue
            record = records[0]
            if record[0] in listed_now or record[0] in said_moved:
                continue
            # one record by that name counted there now, this row's: no namesake there
            here = _one_by_name(fig.name_key_text(there, head, born), current_by.get(there, ()),
                                aged)  # fmt: skip
            if here is not None and here[0] == new:
                found.setdefault(record[0], []).append((there, status, new, record))
    claims = Counter(places[0][2] for places in found.values() if len(places) == 1)
    return {
        key: places[0]
        for key, places in found.items()
        if len(places) == 1 and claims[places[0][2]] == 1
    }


def moved_recoded_since(
    this_year: pd.DataFrame,
    traced: pd.DataFrame,
    period: str,
    listed_now: dict,
    said_moved: dict,
    listed_start: dict,
    start_by: dict,
    current_by: dict,
    aged: set[str],
    silent_by: dict | None = None,
    last_seen: dict | None = None,
    older=None,
    paired: Collection[str] = (),
) -> dict[str, tuple]:
    """The households of the year's start list that an earlier month of the year left moved out of
    their hamlet (their latest stored status ``moved_*``, the trace figuresteps keeps for one
    said moved and found under a new code elsewhere, :func:`said_moved_out_recoded`, or on no
    list) and that no list writes by that code now, nor a move-out title this month paired
    already (``paired``: :func:`said_moved_out_recoded`'s, :func:`moved_noted`'s; one said moved
    again, ``said_moved``, is looked for in the hamlet said alone): the one row of another
    hamlet counted now under its head's name and birth year (``_one_by_name``: folded so, a year
    off only where a year came from an age), whose code is on no start list (new to that hamlet)
    and was first stored in the month of the trace or later (``this_year``: the year's stored
    (period, hamlet, hh_key, status) rows before ``period``; rows left out for an error not
    read), one candidate in the commune only. Old key -> (hamlet there, status there, key there,
    its start record, the status it moved out as). Nothing, and no look at a row, without a
    trace left unlisted (``traced``: the rows of ``this_year`` so stored). A hamlet that sent
    nothing valid now is looked at in its last month's records (``silent_by``) and those of its
    latest lists this year before last month (``older``: a function of those hamlets giving
    those records and their aged keys, asked only when a trace is wanted: silent last month too,
    or merged since with a name listed last month and another only earlier), the records still
    where it was last seen (``last_seen``: timeline.last_listed) and on no list now, as the
    tables keep its households there: matched among those alone. Sessions 32, 34, 35."""
    if traced.empty:
        return {}
    keys = {key for key in traced["hh_key"].tolist()
            if key in listed_start and key not in listed_now and key not in paired}  # fmt: skip
    if not keys:
        return {}
    rows = this_year[this_year["hh_key"].isin(keys)].sort_values("period", kind="stable")
    since: dict[str, tuple[str, str]] = {}  # key -> (first month of its latest trace, status)
    for key, status, month in zip(rows["hh_key"], rows["status"], rows["period"], strict=True):
        if status in fig.MOVED:
            since.setdefault(key, (month, fig.MOVED[status]))
        else:  # on a list (or Thoát) since: not moved any more
            since.pop(key, None)
    if not since:
        return {}
    wanted = {}  # key -> its start record (hamlet, head's name, birth year)
    for key in since:
        origin = listed_start[key][0]
        record = next((r for r in start_by.get(origin, ()) if r[0] == key), None)
        if record is not None and fig.record_name_key(record) is not None:
            wanted[key] = record
    silent_by = dict(silent_by or {})
    if older is not None and wanted and silent_by:  # its latest lists before last month
        lists, older_aged = older(set(silent_by))
        for hamlet, records in lists.items():
            silent_by[hamlet] = [*silent_by.get(hamlet, ()), *records]
        aged = aged | older_aged
    # the rows counted now under a code on no start list: the only ones a trace may pair with
    # (one set difference over the keys finds them; then only their hamlets' rows are read)
    new_keys = listed_now.keys() - listed_start.keys()
    hamlets = {
        listed_now[key][0] for key in new_keys if listed_now[key][1] in ("poor", "near_poor")
    }
    pools = {hamlet: current_by.get(hamlet, ()) for hamlet in hamlets}
    for hamlet, records in silent_by.items():  # a few hundred rows, a hamlet silent
        seen = [r for r in records if (last_seen or {}).get(r[0], (None,))[0] == hamlet
                and r[0] not in listed_now]  # fmt: skip
        if any(r[0] not in listed_start for r in seen):
            pools[hamlet] = seen
    stems: dict[tuple[str, str], list[str]] = {}
    for hamlet, records in pools.items():
        for record in records:
            if record[1] in ("poor", "near_poor") and record[0] not in listed_start:
                name = fig.record_name_key(record)
                if name is not None:
                    stems.setdefault((hamlet, name.rpartition("|")[0]), []).append(record[0])
    found: dict[str, list[tuple]] = {}
    for key, record in wanted.items():
        for hamlet in sorted(pools):
            if hamlet == record[2] or said_moved.get(key, (hamlet,))[0] != hamlet:
                continue
            name = fig.name_key_text(hamlet, record[4], record[5])
            if name is None or (hamlet, name.rpartition("|")[0]) not in stems:
                continue
            own_aged = fig.record_name_key(record) in aged
            there = _one_by_name(name, pools[hamlet], aged | {name} if own_aged else aged)
            if there is not None and there[1] != "exited" and there[0] not in listed_start:
                found.setdefault(key, []).append((hamlet, there[1], there[0]))
    found = {key: places[0] for key, places in found.items() if len(places) == 1}
    # one new row is one household: a code there two traces both name (namesakes) pairs neither
    claims = Counter(place[2] for place in found.values())
    found = {key: place for key, place in found.items() if claims[place[2]] == 1}
    if not found:
        return {}
    new = {place[2] for place in found.values()}
    # first counted: a row left out for an error before (the household on two lists, its old
    # hamlet's row kept until its head deleted it: session 57, B3) is no namesake counted then
    counted = this_year[this_year["hh_key"].isin(new) & this_year["status"].ne(fig.NOT_COUNTED)]
    first = counted.groupby("hh_key")["period"].min().to_dict()
    return {
        key: (*place, wanted[key], since[key][1])
        for key, place in found.items()
        if first.get(place[2], period) >= since[key][0]
    }


def households_moved_back(
    traced: pd.DataFrame,
    previous: str,
    listed_now: dict,
    listed_month: dict,
    current_by: dict,
    month_by: dict,
    aged: set[str],
) -> set[tuple[str, str]]:
    """(hamlet, key) of the households last month kept as moved out of their hamlet (the trace,
    ``traced``: the year's stored ``moved_*`` rows) that another hamlet writes now under that
    old code where last month it wrote them under a new one (:func:`moved_recoded_since`): the
    one record of its last month's list under the head's name and birth year, that code on no
    list now. Taken out of ``listed_month``, so the month's table pairs the two codes in that
    hamlet (one household, figures 'recoded'), not the new one gone (exited, asked to confirm)
    and the old one moved in from the hamlet it left a month before. Session 32."""
    last = traced[traced["period"] == previous]
    if last.empty:
        return set()
    back = set()
    for key, hamlet in zip(last["hh_key"].tolist(), last["hamlet"].tolist(), strict=True):
        now = listed_now.get(key)
        if now is None or now[0] == hamlet or listed_month.get(key, (None,))[0] != hamlet:
            continue
        record = next((r for r in current_by.get(now[0], ()) if r[0] == key), None)
        name = fig.record_name_key(record) if record is not None else None
        if name is None:
            continue
        before = _one_by_name(name, month_by.get(now[0], ()), aged)
        if before is not None and before[0] != key and before[0] not in listed_now:
            del listed_month[key]
            back.add((now[0], key))
    return back


def _name_keys_last(key: str) -> bool:
    return not key.startswith("id|")


def _one_by_name(name: str, records, aged: set[str]) -> tuple | None:
    """The one poor, near-poor (or Thoát) record of ``records`` whose head's name and birth
    year key is ``name``; else the one a year off where either year was read from an age
    (figures.near_pairs, one with one); None."""
    stem = name.rpartition("|")[0] + "|"
    names = {}
    for record in records:
        if record[1] in ("poor", "near_poor", "exited"):
            key = fig.record_name_key(record)
            if key is not None and key.startswith(stem):
                names.setdefault(key, []).append(record)
    if name in names:
        return names[name][0] if len(names[name]) == 1 else None
    others = {found[0]: key for key, found in names.items() if len(found) == 1}
    return next(iter(fig.near_pairs({name: name}, others, aged).values()), None)


def list_named(baseline: str | None) -> Message:
    """The list a baseline is, as a warning names it: the start-of-year list ('plan'), an
    earlier year's the history keeps ('YYYY-00', by its year), or a stored month's ('YYYY-MM';
    the first stored month stands for the start without one)."""
    if baseline is None or baseline == "plan":
        return START_LIST_NAMED
    if baseline.endswith("-00"):
        year = baseline[:4]
        return Message(f"danh sách đầu năm {year}", f"the start-of-year list of {year}")
    return lists_named([baseline])


def recoded_warnings(
    found: list[dict],
    sub: Submission,
    valid: pd.DataFrame,
    issues: list[Issue],
    said: set,
    baseline: Message,
    left_out: pd.DataFrame | None = None,
) -> list[dict]:
    """``found`` less its households paired by head's name and birth year under another code
    (figures: 'recoded'), each said once per hamlet at its Mã hộ cell (``said``: the (hamlet,
    key) pairs said, or not to be said: a code on the start list is the right one).
    ``left_out``: the month's rows left out for an error, whose code another hamlet's row writes
    too (variant 'taken', as a counted row's: session 61)."""
    recoded = [item for item in found if item["movement"] == "recoded"]
    if not recoded:
        return found
    for item in recoded:
        if (item["hamlet"], item["key"]) in said:
            continue
        said.add((item["hamlet"], item["key"]))
        if item.get("code_of") == "":  # its code there written now for another head
            _code_changed(sub, valid, issues, item["hamlet"], item["ma_ho"], baseline,
                          f"'{item['other_code']}'", "renumbered-own")  # fmt: skip
            continue
        if "code_of" in item:  # the code another head's there, this head under another
            whose, mine, code = (
                clean_text(item["code_of"]),
                clean_text(item["chu_ho"]),
                item["other_code"],
            )
            _code_changed(sub, valid, issues, item["hamlet"], item["ma_ho"], baseline, Message(
                f"'{whose}', còn hộ này ('{mine}') có mã '{code}'",
                f"'{whose}', and this household ('{mine}') has the code '{code}'"), "renumbered")  # fmt: skip
            continue
        # its other code written now by another hamlet for its own household (codes swapped
        # across hamlets): no 'Thoát' row under it (session 60, C2)
        taken = any(
            ((rows["ma_ho"] == item["other_code"]).to_numpy(dtype=bool)
             & (rows["hamlet"] != item["hamlet"]).to_numpy(dtype=bool)).any()
            for rows in (valid, left_out) if rows is not None and len(rows)
        )  # fmt: skip
        _code_changed(sub, valid, issues, item["hamlet"], item["ma_ho"], baseline,
                      f"'{item['other_code']}'", "taken" if taken else "")  # fmt: skip
    return [item for item in found if item["movement"] != "recoded"]


class Heads:
    """The heads of the households of a list (``frame``: now, or a baseline; None: none) under a
    Mã hộ, asked for the few codes a movement table finds listed in another hamlet: (hamlet,
    head's name, ID number's digits, counted) of each row, the rows found by key the first time
    asked; counted: False for a row left out for an error (not valid now, stored
    'not_counted'), whose code may be written twice in its list (a stored month keeps one of
    such rows: maybe the other head's).
    ``ids``: where a row has no ID number (a stored month's: the history keeps none), the one
    of the row of those heads under its code with its head's name (the plan's start list's).
    ``named``: hamlet -> the list its rows are, as a warning names it (:func:`list_named`).
    ``written``: (key, hamlet) -> the hamlet as its row's list wrote it, where the frame has it
    under its name now (a stored month's hamlet renamed or merged since: :class:`OlderHeads`).
    ``period``: hamlet -> the period its rows are of ('plan', 'YYYY-00', 'YYYY-MM'; None: not
    known), so a warning names the latest list that has a household (:func:`later_row`)."""

    def __init__(
        self,
        frame: pd.DataFrame | None,
        ids: Heads | None = None,
        named=None,
        written=None,
        period=None,
    ):
        self._frame = frame
        self._ids = ids
        self.named = named or (lambda hamlet: None)
        self.period = period or (lambda hamlet: None)
        self._written: dict[tuple[str, str], str] = written or {}
        self._keys: pd.Index | None = None  # each row's key (a stored one), or its code's
        self._cut = 0  # what of a key to look up: all of a stored key, the code of another
        self._heads: dict[str, list[tuple]] = {}  # hamlet -> its rows' heads (heads_in)
        self._at: dict | None = None  # hamlet -> its rows' positions, grouped once (heads_in)

    def of(self, key: str) -> list[tuple[str, object, str, bool]]:
        frame = self._frame
        if frame is None or not len(frame) or not key.startswith("id|") or key == "id|":
            return []
        self._index()
        ids = frame["so_dinh_danh"] if "so_dinh_danh" in frame.columns else None
        valid = frame["valid"] if "valid" in frame.columns else None
        status = frame["phan_loai"] if "phan_loai" in frame.columns else None
        found = [(frame["hamlet"].iat[at], frame["chu_ho"].iat[at],
                  id_number(ids.iat[at]) if ids is not None else "",
                  bool(valid.iat[at]) if valid is not None
                  else status is None or status.iat[at] != fig.NOT_COUNTED)
                 for at in self._keys.get_indexer_for([key[self._cut:]]).tolist() if at >= 0]  # fmt: skip
        if self._ids is not None and any(not row[2] for row in found):
            known = {fold(row[1]): row[2] for row in self._ids.of(key) if row[2]}
            found = [(*row[:2], row[2] or known.get(fold(row[1]), ""), row[3]) for row in found]
        return found

    def _index(self) -> None:
        """Each row's key, hashed in C, once (a province's 300,000 rows ~0.15 s)."""
        if self._keys is not None:
            return
        frame = self._frame
        if "hh_key" in frame.columns:
            self._keys = pd.Index(frame["hh_key"].to_numpy(dtype=object))
        else:
            codes = frame["ma_ho"].to_numpy(dtype=object)
            written = pd.notna(codes) & (codes != "")
            keys = np.full(len(codes), "", dtype=object)
            keys[written] = id_keys(codes[written])
            self._keys, self._cut = pd.Index(keys), 3

    def elsewhere(self, keys: list[str], hamlets: list[str]) -> list[bool]:
        """Whether each of ``keys`` has a row here in another hamlet than the one beside it in
        ``hamlets``: one look over the rows for them all (:func:`left_out_reused_warnings`: a
        province's rows left out, most of them under their own hamlet's codes)."""
        frame = self._frame
        if frame is None or not len(frame) or not keys:
            return [False] * len(keys)
        self._index()
        cut = [key[self._cut :] for key in keys]
        # the index's hash table (built once, as :meth:`of` looks up): every row of them all
        at = self._keys.get_indexer_non_unique(pd.Index(cut, dtype=object))[0]
        at = at[at >= 0]
        found: dict[str, set] = {}
        for key, name in zip(self._keys.to_numpy(dtype=object)[at].tolist(),
                             frame["hamlet"].to_numpy(dtype=object)[at].tolist(), strict=True):  # fmt: skip
            found.setdefault(key, set()).add(name)
        return [bool(found.get(key, set()) - {hamlet})
                for key, hamlet in zip(cut, hamlets, strict=True)]  # fmt: skip

    def hamlet_written(self, key: str, hamlet: str) -> str:
        """The name of ``hamlet`` (as :meth:`of` gives it) as the list of ``key``'s row there
        wrote it: the hamlet whose list a warning points to."""
        return self._written.get((key, hamlet), hamlet)

    def cell(self, key: str, hamlet: str, column: str):
        """The value under ``column`` ('nam_sinh', 'ghi_chu') of ``key``'s first row in
        ``hamlet`` (as :meth:`of` finds it), or None."""
        if not self.of(key) or column not in self._frame.columns:
            return None
        for at in self._keys.get_indexer_for([key[self._cut :]]).tolist():
            if at >= 0 and self._frame["hamlet"].iat[at] == hamlet:
                return self._frame[column].iat[at]
        return None

    def alone(self, key: str, hamlet: str) -> bool:
        """Whether ``key``'s row in ``hamlet`` is known to be its list's one row of the code: a
        month's rows as read (``valid``) counted; a stored month's by ``twice`` where read
        with it (history.HistoryStore.households' ``sizes``: None where one row wrote it);
        else not known (False). A code written twice in one list is stored as one row, maybe
        another household's (timeline._another_household; session 62)."""
        frame = self._frame
        if not self.of(key):
            return False
        at = [at for at in self._keys.get_indexer_for([key[self._cut :]]).tolist()
              if at >= 0 and frame["hamlet"].iat[at] == hamlet]  # fmt: skip
        if len(at) != 1:
            return False
        if "twice" in frame.columns:
            return bool(pd.isna(frame["twice"].iat[at[0]]))
        return "valid" in frame.columns

    def heads_in(self, hamlet: str, head: tuple[str, str, int | None]) -> list[tuple[str, str]]:
        """(key, Mã hộ as written) of each row of ``hamlet`` with a code that names the head
        ``head`` (name, ID number's digits, birth year): the same ID number, or the same
        folded name and birth year (the tables' name key, figures.name_key_text). Asked only
        for a code two hamlets write that neither had before (:func:`duplicate_moved`)."""
        if hamlet not in self._heads:
            self._heads[hamlet] = self._hamlet_heads(hamlet)
        name = None if is_blank(head[0]) else fold(head[0])
        return [
            (key, code)
            for key, code, folded, number, born in self._heads[hamlet]
            if (head[1] and number == head[1])
            or (name is not None and head[2] is not None and (folded, born) == (name, head[2]))
        ]

    def _hamlet_heads(self, hamlet: str) -> list[tuple[str, str, str, str, int | None]]:
        """(key, Mã hộ, folded head's name, ID number's digits, birth year) of each row of
        ``hamlet`` writing a code: read once a hamlet (:meth:`heads_in`)."""
        frame = self._frame
        if frame is None or not len(frame):
            return []
        if self._at is None:  # one pass over the rows, not one a hamlet asked (a province)
            self._at = frame.groupby("hamlet", sort=False).indices
        rows = frame.iloc[self._at.get(hamlet, np.empty(0, dtype=np.intp))]
        empty = [None] * len(rows)
        codes = rows["ma_ho"].tolist()
        keys = rows["hh_key"].tolist() if "hh_key" in rows.columns else empty
        ids = rows["so_dinh_danh"].tolist() if "so_dinh_danh" in rows.columns else empty
        years = rows["nam_sinh"].tolist() if "nam_sinh" in rows.columns else empty
        found = []
        for code, key, name, number, born in zip(
            codes, keys, rows["chu_ho"].tolist(), ids, years, strict=True
        ):
            if is_blank(code):
                continue
            key = key or "id|" + fig.id_key(code)
            folded = None if is_blank(name) else fold(name)
            number = id_number(number)
            if not number and self._ids is not None:  # a stored month's: the start list's
                number = next((row[2] for row in self._ids.of(key) if fold(row[1]) == folded), "")
            found.append((key, clean_text(code), folded, number, _year(born)))
        return found


def _year(value) -> int | None:
    """A birth year as a row holds it (an int, a float of one, NA), or None."""
    if value is None or pd.isna(value):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def ids_left_out(frame: pd.DataFrame) -> dict[str, set[str]]:
    """Per hamlet, the ID numbers' digits (:func:`id_number`) written by rows left out for an
    error (``frame``: those rows); none without the column."""
    found: dict[str, set[str]] = {}
    if "so_dinh_danh" not in frame.columns:
        return found
    for hamlet, value in zip(frame["hamlet"].tolist(), frame["so_dinh_danh"].tolist(),
                             strict=True):  # fmt: skip
        number = id_number(value)
        if number and isinstance(hamlet, str):
            found.setdefault(hamlet, set()).add(number)
    return found


def held_by_id(heads: Heads, held: dict[str, set[str]], start_list: pd.DataFrame | None):
    """(record) -> whether a household of a baseline (a movement record: key, status, hamlet,
    code, head), gone from its hamlet's list, is held by its head's ID number in a row left out
    for an error there (``held``: :func:`ids_left_out`): the number of its baseline row
    (``heads``: the baseline's; a stored month's taken from the plan's start list by code and
    head's name, :class:`Heads`) is among those rows' and the start list's households have it
    once (``start_list``: where the baseline's numbers come from; two households under one
    number hold neither). As a row naming the same head holds it by name: the tables' rule of
    one head (timeline.same_head: the name, or the ID number; session 51)."""
    once = once_in(start_list)

    def holds(record: tuple) -> bool:
        numbers = held.get(record[2])
        if not numbers or not record[0].startswith("id|"):
            return False
        name = fold(record[4])
        found = {number for hamlet, head, number, _ in heads.of(record[0])
                 if hamlet == record[2] and number in numbers and fold(head) == name}  # fmt: skip
        return len(found) == 1 and once(found.pop())

    return holds


def once_in(start_list: pd.DataFrame | None):
    """(number) -> whether the households of the plan's start list have that ID number's digits
    (:func:`id_number`) once: a number two households share tells no household (:func:`held_by_id`,
    and the history walk's rows left out for an error, timeline.departures). Counted the first
    time asked; no number is once in a start list without the column."""
    counts: Counter | None = None

    def once(number: str) -> bool:
        nonlocal counts
        if start_list is None or "so_dinh_danh" not in start_list.columns:
            return False
        if counts is None:
            counts = Counter(map(id_number, start_list["so_dinh_danh"].tolist()))
        return bool(number) and counts[number] == 1

    return once


class OlderHeads:
    """The heads of a code's rows in the year's stored months before the baselines, asked only
    where no row at hand (:func:`code_reused`'s three lists) tells another hamlet's household
    under it: a code last listed in a month older than both baselines (session 49).
    ``statuses``: the year's stored (period, hamlet, hh_key, status) rows before the month run;
    ``load``: a list of periods' stored households (HistoryStore.households), asked only for
    the months whose statuses show the code counted (or marked Thoát) in a hamlet other than
    the one asking, each month once a run; ``names``: a stored hamlet's name -> its name now
    (renamed or merged since), so a hamlet's own older rows are never another's; ``left_from``:
    a household -> the hamlet it last left the lists from (timeline.Departures.left_from);
    ``ids``: as :class:`Heads` takes it (the plan's start list's ID numbers)."""

    def __init__(
        self,
        statuses: pd.DataFrame,
        load,
        names: dict[str, str],
        left_from: dict[str, str],
        ids: Heads | None,
    ):
        self._statuses = statuses
        self._load = load
        self._names = names
        self._left_from = left_from
        self._ids = ids
        self._keys: np.ndarray | None = None  # each status row's key
        self._rows: dict[str, pd.DataFrame] = {}  # a code asked -> its status rows
        self._months: dict[str, Heads] = {}

    def listed(self, keys: list[str]) -> list[bool]:
        """Whether each of ``keys`` has a row counted or marked Thoát in the year's stored
        months (any hamlet): one look over the statuses for them all, before :meth:`of` looks
        at each found (:func:`left_out_reused_warnings`: a province's rows left out under codes
        no list compared with has, most of them new households)."""
        if self._statuses.empty or not keys:
            return [False] * len(keys)
        if self._keys is None:
            self._keys = self._statuses["hh_key"].to_numpy(dtype=object)
        # the few keys hashed, the statuses' looked up in them (no index of millions built)
        at = np.flatnonzero(pd.Series(self._keys, copy=False).isin(set(keys)).to_numpy())
        counted = self._statuses["status"].to_numpy(dtype=object)[at] != fig.NOT_COUNTED
        found = set(self._keys[at][counted].tolist())
        # each found code's rows kept for :meth:`of`, which asks each of them next: no second
        # look over the statuses a code (0.04-0.08 s each on a province's; session 64's review)
        rows: dict[str, list[int]] = {}
        for key, row in zip(self._keys[at].tolist(), at.tolist(), strict=True):
            if key in found and key not in self._rows:
                rows.setdefault(key, []).append(row)
        for key, held in rows.items():
            self._rows[key] = self._statuses.iloc[held]
        return [key in found for key in keys]

    def of(self, key: str, hamlet: str, back: bool = False, told: bool = False) -> list[Heads]:
        """The heads of each stored month of the year (latest first) with a row of ``key``,
        where one of its rows in a hamlet other than ``hamlet`` is counted or marked Thoát
        (``told``: a counted row of another hamlet at hand already: every such month, the
        asking hamlet's alone too); else none. ``back``: asked for a household back on the
        lists (its code left them), which is asked only where the code last left them from
        another hamlet: a household back where it left is its own, as before (a return to its
        hamlet asks nothing)."""
        if self._statuses.empty:
            return []
        if back:
            left = self._left_from.get(key, hamlet)
            if self._names.get(left, left) == hamlet:
                return []
        if self._keys is None:
            self._keys = self._statuses["hh_key"].to_numpy(dtype=object)
        # one look over the year's statuses a code asked (~0.04 s for a province's 3.3 million
        # rows; a hashed index of non-unique keys costs more to build and to ask), kept: each
        # side of a code and both tables ask it
        rows = self._rows.get(key)
        if rows is None:
            rows = self._rows[key] = self._statuses.iloc[np.flatnonzero(self._keys == key)]
        hamlets = [self._names.get(h, h) for h in rows["hamlet"].tolist()]
        elsewhere = [status for status, there in zip(rows["status"].tolist(), hamlets, strict=True)
                     if there != hamlet]  # fmt: skip
        if not told and all(status == fig.NOT_COUNTED for status in elsewhere):
            return []
        # the asking hamlet's own rows of those months too: all of a hamlet's rows of a code
        # are its household's (one of them the other's head: a move)
        months = sorted(set(rows["period"].tolist()), reverse=True)
        wanted = [month for month in months if month not in self._months]
        if wanted:
            loaded = self._load(wanted)
            for month in wanted:
                frame = as_baseline(loaded, month)
                written = {}
                if self._names:  # compared under its name now, named as its list wrote it
                    stored = frame["hamlet"].to_numpy(dtype=object)
                    frame["hamlet"] = frame["hamlet"].replace(self._names)
                    now = frame["hamlet"].to_numpy(dtype=object)
                    renamed = np.flatnonzero(stored != now)
                    keys = frame["hh_key"].to_numpy(dtype=object)
                    written = {(keys[at], now[at]): stored[at] for at in renamed.tolist()}
                self._months[month] = Heads(
                    frame,
                    self._ids,
                    lambda _, m=month: list_named(m),
                    written,
                    lambda _, m=month: m,
                )
        return [self._months[month] for month in months]


def _when(heads: Heads, hamlet: str) -> str:
    """The period of ``hamlet``'s rows in ``heads`` as it sorts: the start list first."""
    period = heads.period(hamlet)
    return "" if period is None or period == "plan" else period


def later_row(there: tuple, rows: list[tuple], hamlet: str) -> tuple:
    """The row a warning names for another household under a code: of ``rows`` (hamlet, head,
    ID number, counted, Heads; none of now's), those counted in another hamlet than ``hamlet``
    (the row's asking) on a list later than the one of ``there`` (a baseline's row: a hamlet's
    latest list, silent since, or the start list's), the latest list's (the one of
    ``there``'s hamlet first); else ``there``. The household moved on after the list of
    ``there`` (Nà Mòn's February list, Nà Mòn silent since; Đồng Kè's March list): the later
    list is the one the head can look up (session 65)."""
    then = _when(there[4], there[0])
    later = [(_when(row[4], row[0]), row) for row in rows if row[0] != hamlet and row[3]]
    later = [(when, row) for when, row in later if when > then]
    if not later:
        return there
    top = max(when for when, _ in later)
    latest = [row for when, row in later if when == top]
    return ([row for row in latest if row[0] == there[0]] or latest)[0]


def code_reused(
    baseline: Heads,
    now: Heads,
    other: Heads | None = None,
    older: OlderHeads | None = None,
    latest: Heads | None = None,
):
    """figures.movements_of's ``another`` for a table comparing ``baseline`` with ``now``:
    (hamlet, head's name, the list it is in: Heads.named) of the household another hamlet
    lists under the code of ``record`` (that of ``hamlet`` first, as the list the table looks
    at has it: now when ``is_now``, else the baseline; then the other baseline's), where it is another household: the heads' names differ (folded, as
    households are matched by name) and so do their ID numbers where both rows have one. None
    where they agree in either, or where no other hamlet's row is at hand (a household said
    moved, or last listed in a hamlet silent now: a move, as before). A code used for two
    households is no move: each is counted as the other were not there (docs/decisions.md,
    session 48). ``other``: the other table's baseline (the start list for the month's table,
    last month's for the year's): a code is one household within a hamlet whatever its head's
    name, so each hamlet's rows of the code in all three lists are its household's, and both
    tables judge a code alike (a month compared with an earlier list too). ``older``: where
    those lists have no counted row of the code in another hamlet, its rows of the year's
    older months too (:class:`OlderHeads`; session 49), and where their rows name other heads
    (the month it moves: as the months after read it, and the history walk, timeline.older;
    session 52). ``latest``: each hamlet's latest list
    before now (the month's baseline): a household listed now that its hamlet's latest list
    does not have, whose head an earlier row of the code in its own hamlet names (the start
    list's, an older month's), is that hamlet's own household back on its list, the other
    hamlet's row another household that wrote its code meanwhile: an empty tuple (no move,
    not the other's code: back, tái nghèo; session 49); and where the row named would be the
    start list's, the latest list's row of the code in another hamlet is named, else the year's
    latest month's (session 64). ``back`` (keyword): asked for a
    household back on the lists (its code left them: :meth:`OlderHeads.of`)."""

    def another(
        record: tuple, hamlet: str | None, is_now: bool, *, back: bool = False
    ) -> tuple | None:
        key = record[0]
        if not key.startswith("id|"):
            return None
        mine, theirs = (baseline, now) if is_now else (now, baseline)
        # every row of the code at hand, here and in other hamlets: one of theirs the same
        # head as one of ours (a code written twice, the household's own row among them; a
        # head's name written otherwise on the start list or last month) is a move
        lists = (theirs, other, mine) if other is not None else (theirs, mine)
        rows = [(*row, heads) for heads in lists for row in heads.of(key)]
        if is_now and hamlet is not None and hamlet != record[2]:
            told = _left_out_there(record, hamlet, rows)
            if told is not None:
                return told
        # another household is told by a counted row (one left out for an error may be the
        # other of a code written twice); a row left out of the same head is a move too
        counted = [row for row in rows if row[0] != record[2] and row[3]]
        asked = not counted and older is not None
        if asked:  # last listed elsewhere before both baselines
            found = older.of(key, record[2], back)
            rows += [(*row, heads) for heads in found for row in heads.of(key)]
            counted = [row for row in rows if row[0] != record[2] and row[3]]
        if not counted and hamlet is not None:
            # ... or by rows left out for an error of their own (their size) alone, where that
            # hamlet's (the one its code is found in) name no head of the household's: another
            # household's rows,
            # not the household moved into a row with an error (session 61; the history walk's
            # timeline._another_household)
            counted = [row for row in rows if row[0] == hamlet and row[0] != record[2]
                       and wrong_size(row[4].cell(key, hamlet, "nhan_khau"))]  # fmt: skip
        if not counted or not _two_households(record, rows):
            return None
        if not asked and older is not None:  # the rows at hand name other heads: the year's
            # older rows too, as the months after read them and the history walk does
            # (timeline.older; session 52): asked for such a code alone
            found = older.of(key, record[2], back, told=True)
            more = [(*row, heads) for heads in found for row in heads.of(key)]
            rows += more
            if not _two_households(record, _moved_on(record, rows, more, counted) if is_now
                                   else rows):  # fmt: skip
                return None
        own = [row for row in rows if row[0] == record[2]] or [(record[2], record[4], "")]
        if not is_now and _own_back(record, own, rows):
            return ()
        there = ([row for row in counted if row[0] == hamlet] or counted)[0]
        if latest is not None and there[4] in (baseline, other) and there[4] is not latest:
            # the start list's row: the latest list's elsewhere is named, as the month's table
            # and the row left out name it (the year's table says it first; session 64's
            # review); none (its hamlet silent last month and now): the year's latest month
            # counting it there (session 64)
            since = [row for row in rows if row[4] is latest and row[0] != record[2] and row[3]]
            since = since or [row for row in rows if row[4] not in (baseline, other, now)
                              and row[0] != record[2] and row[3]]  # fmt: skip
            if since:
                there = ([row for row in since if row[0] == there[0]] or since)[0]
        if older is not None:  # a later older month's (the household moved on since; session 65)
            there = later_row(there, [row for row in rows if row[4] is not now], record[2])
        written = there[4].hamlet_written(key, there[0])  # an older month's under its name then
        return written, clean_text(there[1]), there[4].named(there[0])

    def _left_out_there(record: tuple, hamlet: str, rows: list[tuple]) -> tuple | None:
        """The household found now only in rows left out for an error in ``hamlet`` (another
        than its own; no other row of the code now), each of its size (session 61) or its list's one row of the code, valid
        but for it (the household's own list refused 'across', its twin's row alone left
        out: session 62): another household's, where no row of the household's own elsewhere
        (its hamlet's; a third hamlet's it was counted on, that list refused now) names the
        head of one of them: (hamlet as written, head, list) of the first; else None."""
        key = record[0]
        there = [row for row in rows if row[0] == hamlet]
        if any(row[4] is now and row[0] != hamlet for row in rows):
            return None  # another row of the code now (the household's own, maybe): as before
        if (
            not there
            or any(row[3] for row in there)
            or not all(
                wrong_size(row[4].cell(key, hamlet, "nhan_khau")) or row[4].alone(key, hamlet)
                for row in there
            )
        ):
            return None
        mine = [row for row in rows if row[0] != hamlet] or [(record[2], record[4], "")]
        if any(is_blank(row[1]) for row in (*mine, *there)) or any(
            same_head((fold(head[1]), head[2]), (fold(them[1]), them[2]))
            for head in mine
            for them in there
        ):
            return None
        written = there[0][4].hamlet_written(key, hamlet)
        return written, clean_text(there[0][1]), there[0][4].named(hamlet)

    def _moved_on(record: tuple, rows: list[tuple], more: list[tuple], counted: list[tuple]):
        """``rows`` less those of ``more`` (older months') in a hamlet none of ``counted`` (the
        rows telling another household) is in, naming a head of the household's own rows (its
        hamlet's): the household gone from ``record``'s hamlet itself, moved to that hamlet
        since and gone from it too (Nà Mòn's NM5 on Đồng Kè's March list, not on April's). They
        tell nothing of the other household: the gone household is no move into its row but
        exited, as were that row not there (session 48; session 65)."""
        own = [row for row in rows if row[0] == record[2] and not is_blank(row[1])]
        told = {row[0] for row in counted}
        gone = {
            id(row)
            for row in more
            if row[0] != record[2] and row[0] not in told and not is_blank(row[1])
            and any(same_head((fold(row[1]), row[2]), (fold(head[1]), head[2])) for head in own)
        }  # fmt: skip
        return [row for row in rows if id(row) not in gone]

    def _two_households(record: tuple, rows: list[tuple]) -> bool:
        """Whether ``rows`` (of the code of ``record``) tell another household: no row of its
        hamlet (else the record's head) names the head of a row of another hamlet, and every
        row names a head."""
        own = [row for row in rows if row[0] == record[2]] or [(record[2], record[4], "")]
        others = [row for row in rows if row[0] != record[2]]
        if any(is_blank(row[1]) for row in (*own, *others)):
            return False
        return not any(
            same_head((fold(head[1]), head[2]), (fold(them[1]), them[2]))
            for head in own
            for them in others
        )

    def _own_back(record: tuple, own: list[tuple], rows: list[tuple]) -> bool:
        """Whether the household of ``record`` (listed now) is its hamlet's own, back: its
        hamlet's latest list has no row of the code, and an earlier row of the code there (the
        start list's, an older month's) names its head (folded name or ID number)."""
        if latest is None or any(row[0] == record[2] for row in latest.of(record[0])):
            return False
        # its rows now (with its ID number), else the record's head alone
        mine = [row for row in own if len(row) > 4 and row[4] is now] or [own[0]]
        earlier = [row for row in rows if row[0] == record[2] and row[4] is not now]
        if older is not None:  # the asking hamlet's older rows (read for a code reused alone)
            earlier += [(*row, heads) for heads in older.of(record[0], record[2])
                        for row in heads.of(record[0]) if row[0] == record[2]]  # fmt: skip
        return any(
            same_head((fold(head[1]), head[2]), (fold(then[1]), then[2]))
            for head in mine
            for then in earlier
            if not is_blank(then[1])
        )

    return another


def reused_warnings(
    found: list[dict], sub: Submission, valid: pd.DataFrame, issues: list[Issue], said: set,
    baseline: Message,
) -> None:  # fmt: skip
    """A 'code-changed' warning (variant 'reused') at the Mã hộ cell of each household of
    ``found`` counted new whose code another hamlet's list (the one its row is in, else
    ``baseline``) has for another household (figures.movements_of's ``reused``), once per hamlet and code
    (``said``)."""
    for item in found:
        if "reused" not in item or (item["hamlet"], item["key"]) in said:
            continue
        said.add((item["hamlet"], item["key"]))
        there, head, listed = item["reused"]
        listed = listed or baseline
        mine = clean_text(item["chu_ho"])
        _code_changed(sub, valid, issues, item["hamlet"], item["ma_ho"], f"'{mine}'", Message(
            f"'{head}' trong {listed} của {with_unit(there)}",
            f"'{head}' in {listed.en} of {with_unit(there, 'hamlet')}"), "reused")  # fmt: skip


def left_out_reused_warnings(
    left_out: pd.DataFrame | None,
    accepted: dict[str, Submission],
    issues: list[Issue],
    now: Heads,
    before: tuple[Heads, ...],
    older: OlderHeads | None = None,
) -> None:
    """A 'code-changed' warning (variant 'reused-left-out') at the Mã hộ cell of each row of
    ``left_out`` (the month's rows left out for an error of their own) whose code is another
    hamlet's household's on a list compared with (``before``: last month's lists, then the
    start list's; their rows counted or 'Thoát'), naming no head of that household's rows
    (folded name, or ID number: timeline.same_head), every row naming a head: another
    household's row given that code, as the history walk and the tables read it (sessions 61
    and 62: timeline._another_household, code_reused's _left_out_there), its head told at once
    to ask the commune for the household's own code when correcting the row (session 63, B).
    Not a row left out for the code written twice, nor one whose code another row of the
    month's lists writes (``now``: their heads; duplicate-household-id says it, naming the
    other row), nor one of a code its own hamlet's list had counted (its hamlet's household),
    nor the household's own head (a move into a row with an error: sessions 10 and 39).
    ``older``: the year's stored months (:class:`OlderHeads`), read for a row so found alone:
    a row of the code there naming its head (the household's head changed on a list since the
    start list, its hamlet silent since) is a move, as :func:`code_reused` reads the year's
    older rows; and where no list of ``before`` but the start list has the household (its
    hamlet silent last month and now), its latest list of them is the one named (session 64)."""
    if left_out is None or not len(left_out):
        return
    twice = {(i.file, i.sheet, i.row) for i in issues if i.code == "duplicate-household-id"}
    numbers = (left_out["so_dinh_danh"].tolist() if "so_dinh_danh" in left_out.columns
               else [None] * len(left_out))  # fmt: skip
    rows = [
        (hamlet, code, head, number, sheet, int(excel_row))
        for hamlet, code, head, number, sheet, excel_row in zip(
            left_out["hamlet"].tolist(), left_out["ma_ho"].tolist(),
            left_out["chu_ho"].tolist(), numbers, left_out["sheet"].tolist(),
            left_out["excel_row"].tolist(), strict=True,
        )
        if hamlet in accepted and not is_blank(code) and not is_blank(head)
        and (accepted[hamlet].file, sheet, int(excel_row)) not in twice
    ]  # fmt: skip
    if not rows:
        return
    keys = ["id|" + key for key in id_keys(np.array([row[1] for row in rows], dtype=object))]
    hamlets = [row[0] for row in rows]
    # the rows whose code a list compared with has in another hamlet: one look a list (most
    # rows left out are of their own hamlet's codes)
    asked = [False] * len(rows)
    for heads in before:
        asked = [a or b for a, b in zip(asked, heads.elsewhere(keys, hamlets), strict=True)]
    # ... and those whose code no list compared with has in any hamlet, but a month of the year
    # counted (a household new this year, its hamlet silent since): its months read alone
    # (as code_reused asks OlderHeads where no row at hand tells another hamlet's household)
    unheard = [False] * len(rows)
    if older is not None:
        seen = [False] * len(rows)
        for heads in before:
            seen = [a or b for a, b in zip(seen, heads.elsewhere(keys, [""] * len(keys)),
                                           strict=True)]  # fmt: skip
        blind = [at for at, (ask, saw) in enumerate(zip(asked, seen, strict=True))
                 if not ask and not saw and keys[at] != "id|"]  # fmt: skip
        for at, listed in zip(blind, older.listed([keys[at] for at in blind]), strict=True):
            unheard[at] = listed
    for (hamlet, code, head, number, sheet, excel_row), key, ask, back in zip(
        rows, keys, asked, unheard, strict=True
    ):
        if not (ask or back) or key == "id|":
            continue
        found = [(*row, heads) for heads in before for row in heads.of(key)]
        if back:  # the months where another hamlet counted it (none: nothing said)
            found = [(*row, heads) for heads in older.of(key, hamlet) for row in heads.of(key)]
        if any(row[0] == hamlet and row[3] for row in found):
            continue  # its own hamlet's household's code
        theirs = [row for row in found if row[0] != hamlet and row[3]]
        mine = (fold(head), id_number(number))
        if (
            not theirs
            or any(is_blank(row[1]) for row in theirs)
            or any(same_head((fold(row[1]), row[2]), mine) for row in theirs)
        ):
            continue
        if any(row[0] != hamlet or row[3] for row in now.of(key)):
            continue  # another row of the code in the month's lists: as the duplicate's
        there = theirs[0]
        if older is not None and not back:  # the year's older months: read for this row alone
            found = [(*row, heads) for heads in older.of(key, hamlet, told=True)
                     for row in heads.of(key)]  # fmt: skip
            if any(row[0] != hamlet and not is_blank(row[1])
                   and same_head((fold(row[1]), row[2]), mine) for row in found):  # fmt: skip
                continue  # its head on a list since (the household's head changed): a move
            # the start list's alone, or a silent hamlet's latest list the household moved on
            # from since: the latest list having it (sessions 64 and 65)
            there = later_row(there, found, hamlet)
        written = there[4].hamlet_written(key, there[0])
        listed = there[4].named(there[0]) or START_LIST_NAMED
        other = clean_text(there[1])
        issue = at_cell(accepted[hamlet], sheet, excel_row, "ma_ho", "code-changed",
                        clean_text(code), f"'{clean_text(head)}'", "reused-left-out")  # fmt: skip
        issues.append(replace(issue, instead=Message(
            f"'{other}' trong {listed} của {with_unit(written)}",
            f"'{other}' in {listed.en} of {with_unit(written, 'hamlet')}")))  # fmt: skip


def duplicate_exited(issues: list[Issue], before: Heads, now: Heads) -> None:
    """A Mã hộ used twice (duplicate-household-id), once in each of two hamlets' lists under
    the same head, one row marked 'Thoát' (hamlet A), the other poor or near-poor (hamlet B),
    that the lists compared with (``before``: each hamlet's latest list before now, else the
    start list) have counted in B and never counted in A: A writes 'Thoát' for B's household
    while B still lists it, the two lists contradicting each other (R3's Left (a), session
    60). Said so at both rows in place of asking where it lives (a 'Thoát' row is no listing:
    duplicate_moved read it as the household moved to A): 'thoat-of-other' at A's row, its
    row to delete; 'thoat-elsewhere' at B's, its row kept or written 'Thoát' as the household
    is; ``instead`` the list that had it in B. Both rows stay left out (CONTRACT §4: a Mã hộ
    written twice counts neither until the hamlets settle it)."""
    groups: dict[str, list[int]] = {}
    for at, issue in enumerate(issues):
        if issue.code == "duplicate-household-id" and not issue.variant and issue.hamlet:
            groups.setdefault("id|" + fig.id_key(issue.value), []).append(at)
    for key, places in groups.items():
        if len(places) != 2 or len({issues[at].hamlet for at in places}) != 2:
            continue
        status = {issues[at].hamlet: now.cell(key, issues[at].hamlet, "phan_loai")
                  for at in places}  # fmt: skip
        gone = [hamlet for hamlet, said in status.items() if said == "exited"]
        kept = [hamlet for hamlet, said in status.items() if said in ("poor", "near_poor")]
        if len(gone) != 1 or len(kept) != 1:
            continue
        (a,), (b,) = gone, kept
        if before.cell(key, b, "phan_loai") not in ("poor", "near_poor") or before.cell(
            key, a, "phan_loai"
        ) not in (None, "exited"):
            continue  # not B's household before, or A's own: asked as before
        rows = {row[0]: row for row in now.of(key)}
        if not _head_of([rows[b]], rows[a]):
            continue  # another head under the code: perhaps a mistyped code, asked as before
        listed = before.named(b) or START_LIST_NAMED
        for at in places:
            variant = "thoat-of-other" if issues[at].hamlet == a else "thoat-elsewhere"
            issues[at] = replace(issues[at], variant=variant, instead=listed)


def duplicate_moved(
    issues: list[Issue],
    before: Heads,
    where: dict,
    now: Heads,
    names: Iterable[str] = (),
    commune: str = "",
) -> None:
    """A Mã hộ used twice (duplicate-household-id), once in each of two hamlets' lists, that
    the lists compared with (``before``: each hamlet's latest list before now, else the start
    list; ``where``: key -> (hamlet, status) on them, figures.listed_where) have in one of
    them alone, not marked Thoát, under the same head (folded name or ID number) as the other
    hamlet's row now (``now``): the household moved and is still on its old list. Said so at
    both rows in place of asking where it lives: 'moved-away' at the old list's row
    (``instead``: the hamlet it moved to), 'moved-in' at the new one's (``instead``: the old
    list, named with its hamlet as that list wrote it: Heads.hamlet_written). The two rows
    now naming one ID number under two heads' names (the old head died, the spouse heads
    it): 'moved-away-id' and 'moved-in-id', ``instead`` naming both heads. A code on neither
    hamlet's list compared with is told, or asked, by :func:`_new_to_both` (session 51). Both
    rows stay left out, as before (session 50). ``names``: the plan's hamlets, a note's
    hamlet told apart from a longer name ('Nà Mòn 2': :func:`_note_names`); ``commune``: the
    plan's, a note's 'xã' naming it no other commune's hamlet."""
    groups: dict[str, list[int]] = {}
    for at, issue in enumerate(issues):
        if issue.code == "duplicate-household-id" and not issue.variant and issue.hamlet:
            groups.setdefault("id|" + fig.id_key(issue.value), []).append(at)
    for key, places in groups.items():
        hamlets = {issues[at].hamlet for at in places}
        if len(places) != 2 or len(hamlets) != 2:
            continue
        then = before.of(key)
        if not then:  # new to both lists under it: a note, or its head under another code?
            _new_to_both(issues, places, key, before, where, now, tuple(names), commune)
            continue
        old = {row[0] for row in then}
        if len(old) != 1 or not old < hamlets:
            continue
        gone, status = where.get(key, ("", ""))
        if old != {gone} or status == "exited":
            continue
        (there,) = hamlets - old
        rows = now.of(key)
        theirs = [row for row in rows if row[0] == there]
        mine = [row for row in rows if row[0] == gone]
        # the other hamlet's row the household's, and the old list's row still it: a row of
        # another head there is a household its hamlet wrote the code for (reused), which
        # must not be told to go (session 50's review)
        if (
            not any(_head_of(then, row) for row in theirs)
            or not mine
            or not all(_head_of(then, row) for row in mine)
        ):
            continue  # another household under the code (or no head to tell): asked as before
        # the old list named with its hamlet as that list wrote it (renamed since: its name then)
        listed = before.named(gone) or START_LIST_NAMED
        written = before.hamlet_written(key, gone)
        old_list = Message(f"{listed} của {with_unit(written)}",
                           f"{listed.en} of {with_unit(written, 'hamlet')}")  # fmt: skip
        named, them, me = _rows_matched(theirs, mine)
        if named:
            away, came = there, old_list
        else:  # one ID number, the heads' names apart (the old head died, the spouse heads it):
            # each row told so, with both heads' names (session 50)
            listed_head = next((row for row in then if _head_of([row], them)), then[0])
            came_head, away_head, was = (clean_text(row[1]) for row in (them, me, listed_head))
            away = Message(
                f"dòng này ghi '{away_head}', {with_unit(there)} ghi '{came_head}'",
                f"this row writes '{away_head}', {with_unit(there, 'hamlet')} writes '{came_head}'",
            )
            came = Message(f"dòng này ghi '{came_head}', {old_list} ghi '{was}'",
                           f"this row writes '{came_head}', {old_list.en} writes '{was}'")  # fmt: skip
        suffix = "" if named else "-id"
        for at in places:
            issue = issues[at]
            if issue.hamlet == gone:
                issues[at] = replace(issue, variant="moved-away" + suffix, instead=away)
            else:
                issues[at] = replace(issue, variant="moved-in" + suffix, instead=came)


# A row's 'Ghi chú' naming the other hamlet of a code two lists write (folded): the household
# moved in from it ('Chuyển đến từ xóm Nà Mòn', 'Từ xóm Nà Mòn chuyển đến') or to it
# ('Chuyển sang xóm Đồng Kè', 'Đã chuyển đi thôn Đồng Kè'); the hamlet's name follows (session 51)
# The unit may be left out ('chuyển đến từ Nà Mòn') and may begin the plan's name ('Bản Cọ'):
# the place is taken with it, and read with or without it (_note_names; session 51 review).
_NOTE_FROM = lazyre.compile(
    r"\bchuyen\s+(?:den\s+|ve\s+)?tu\s+(.+)$"
    r"|\btu\s+(.+?)\s+chuyen\s+(?:den|ve|sang)\b"
)
# A year a note writes ('năm 2019', 'tháng 3/2021'): a move told of an earlier year is no move
# of this year's lists (moved_noted; session 57's review)
_NOTE_YEAR = lazyre.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_NOTE_TO = lazyre.compile(r"\b(?:chuyen|di)\s+(?:di\s+|sang\s+|den\s+|ve\s+)(?:(?:o|tai)\s+)?(.+)$")
# Units ('xom', 'thon', 'ban') a note writes before a hamlet's name, folded
_NOTE_UNITS = ("xom ", "thon ", "ban ")
# Words after the name that place it in another commune ('xóm Nà Mòn, xã Minh Tâm'), folded
_OTHER_COMMUNE = frozenset({"xa", "huyen", "tinh", "phuong"})


def _note_year_before(note: str, year: int) -> bool:
    """Whether ``note`` writes a year before ``year`` (:data:`_NOTE_YEAR`), not a birth year
    ('sinh năm 1953', 'sinh 1953', 'NS 1953': folded)."""
    folded = fold(note)
    return any(
        int(found.group(1)) < year
        and not folded[: found.start()].rstrip().endswith(("sinh", "sinh nam", "ns"))
        for found in _NOTE_YEAR.finditer(folded)
    )


def note_moved_from(
    note: object, hamlet: str, names: Iterable[str] = (), commune: str = ""
) -> bool:
    """Whether a row's 'Ghi chú' ``note`` says its household moved in from ``hamlet`` ('Chuyển
    đến từ xóm Nà Mòn'; :data:`_NOTE_FROM`, read as :func:`_note_names` reads it): asked of a
    list naming a neighbour whose codes are ``hamlet``'s (holding.unnamed_holding; session 51's
    review)."""
    return _note_names(note, _NOTE_FROM, hamlet, names, commune)


def _note_names(
    note: object, pattern, hamlet: str, names: Iterable[str] = (), commune: str = ""
) -> bool:
    """Whether ``note`` says a move (``pattern``: :data:`_NOTE_FROM`, :data:`_NOTE_TO`) naming
    ``hamlet``: the place the note names begins with its name (folded, whole words; a unit
    before it, 'xóm', 'thôn', 'bản', or none), no longer plan name (``names``: 'Nà Mòn 2'
    read for 'Nà Mòn') nor a number after it, nor a commune, district or province named
    after it (a hamlet of another commune), but for ``commune`` (the plan's) ending the note
    (:func:`_less_own_commune`)."""
    if is_blank(note) or not isinstance(note, str):
        return False
    found = pattern.search(fold(note))
    if found is None:
        return False
    place = next(group for group in found.groups() if group is not None)
    places = {place} | {place[len(unit) :] for unit in _NOTE_UNITS if place.startswith(unit)}
    name = fold(hamlet)
    rests = [p[len(name) :].split() for p in places if p == name or p.startswith(name + " ")]
    if not rests:
        return False
    rest = min(rests, key=len)
    longer = (fold(other) for other in names if len(fold(other)) > len(name))
    if any(p == other or p.startswith(other + " ") for other in longer for p in places):
        return False  # a longer plan name: 'Nà Mòn 2', 'Nà Mòn Trên'
    return not (rest and rest[0].isdigit()) and not _OTHER_COMMUNE.intersection(
        _less_own_commune(rest, commune)
    )


def _less_own_commune(rest: list[str], commune: str) -> list[str]:
    """The words of a note after its hamlet's name (folded) less this ``commune``'s name (the
    plan's, :func:`text.commune_key`), 'xã' before it or not, where it ends the note ('xóm Nà
    Mòn, xã Trung Lương'): a hamlet of this commune, not another's. A name after it (a
    district the plan does not hold, 'Trung Lương Mới') leaves the words as they are (session
    51)."""
    mine = commune_key(commune).split()
    if mine:
        for start in range(len(rest)):
            if rest[start:] in (mine, ["xa", *mine]):
                return rest[:start]
    return rest


def _new_to_both(
    issues: list[Issue],
    places: list[int],
    key: str,
    before: Heads,
    where: dict,
    now: Heads,
    names: tuple[str, ...] = (),
    commune: str = "",
) -> None:
    """:func:`duplicate_moved` for a code on neither hamlet's list compared with (session 51).
    Where both rows now name one head (folded name) and one hamlet (A) is told the old one,
    the household moved from A to the other, as when the code was on A's list: (1) by one
    row's 'Ghi chú' (the other's 'Chuyển đến từ xóm A', or A's own 'Chuyển sang xóm B'):
    'moved-away-said' at A's row, 'moved-in-said' at the other's, ``instead`` quoting the
    note; (2) else by A's list compared with alone having that head (ID number, or folded name
    and birth year: :meth:`Heads.heads_in`) in one row under another code, not marked Thoát
    there and written on no list now: 'moved-away-code' at A's row (``instead``: its old code
    quoted), 'moved-in' at the other's (``instead``: A's list named with that code); that row
    naming another head, found by the ID number alone (:func:`_other_head`): 'moved-away-code-id'
    and 'moved-in-code-id', ``instead`` naming both heads and the old code. A note
    and the history telling two hamlets tell nothing. Else both rows are asked where it lives
    ('new-both'), the message naming this row's file, row and head beside the other's, and what
    to compare."""
    rows = now.of(key)
    if len(rows) != 2 or len({row[0] for row in rows}) != 2:
        return
    one = not any(is_blank(row[1]) for row in rows) and fold(rows[0][1]) == fold(rows[1][1])
    notes = {row[0]: now.cell(key, row[0], "ghi_chu") for row in rows}
    (first, second) = (row[0] for row in rows)
    other = {first: second, second: first}
    # the hamlet a note tells the household left: the other's 'from here', its own 'to there'
    by_note = {
        hamlet
        for hamlet, there in other.items()
        if one
        and (
            _note_names(notes[there], _NOTE_FROM, hamlet, names, commune)
            or _note_names(notes[hamlet], _NOTE_TO, there, names, commune)
        )
    }
    by_code = _kept_under_other_code(rows, key, before, where, now) if one else None
    told = by_note | ({by_code[0]} if by_code else set())
    if len(told) == 1:
        (gone,) = told
        (there,) = {first, second} - {gone}
        if by_note:
            away, came = _note_said(notes, gone, there, names, commune)
            variants = ("moved-away-said", away), ("moved-in-said", came)
        else:
            _, old_key, old_code = by_code
            listed = before.named(gone) or START_LIST_NAMED
            written = before.hamlet_written(old_key, gone)
            old_list = Message(f"{listed} của {with_unit(written)}",
                               f"{listed.en} of {with_unit(written, 'hamlet')}")  # fmt: skip
            was = _other_head(before.of(old_key), gone, rows[0][1])
            if was is None:
                came = Message(f"{old_list} với Mã hộ '{old_code}'",
                               f"{old_list.en} under code '{old_code}'")  # fmt: skip
                variants = ("moved-away-code", f"'{old_code}'"), ("moved-in", came)
            else:  # told by the ID number alone: both heads named, as session 50's '-id'
                # each row's head as it writes it (one name folded: capitals may differ)
                mine, theirs = (clean_text(row[1]) for hamlet in (gone, there)
                                for row in rows if row[0] == hamlet)  # fmt: skip
                away = Message(
                    f"dòng này ghi '{mine}', danh sách đó ghi '{was}' với Mã hộ '{old_code}'",
                    f"this row writes '{mine}', that list writes '{was}' under code '{old_code}'",
                )
                came = Message(
                    f"dòng này ghi '{theirs}', {old_list} ghi '{was}' với Mã hộ '{old_code}'",
                    f"this row writes '{theirs}', {old_list.en} writes '{was}' "
                    f"under code '{old_code}'",
                )
                variants = ("moved-away-code-id", away), ("moved-in-code-id", came)
        for at in places:
            variant, instead = variants[0] if issues[at].hamlet == gone else variants[1]
            issues[at] = replace(issues[at], variant=variant, instead=instead)
        return
    heads = {row[0]: clean_text(row[1]) if not is_blank(row[1]) else "" for row in rows}
    for at in places:
        issue = issues[at]
        mine, theirs = heads[issue.hamlet], heads[other[issue.hamlet]]
        # a blank name said so, not quoted as '' (session 51 review)
        instead = Message(
            f"dòng này (tệp {issue.file}, dòng {issue.row}) "
            + (f"ghi chủ hộ '{mine}'" if mine else "để trống họ tên chủ hộ")
            + (f", dòng kia ghi '{theirs}'" if theirs else ", dòng kia để trống họ tên chủ hộ"),
            f"this row (file {issue.file}, row {issue.row}) "
            + (f"writes the head '{mine}'" if mine else "leaves the head's name blank")
            + (f", the other '{theirs}'" if theirs else ", the other leaves it blank"),
        )
        issues[at] = replace(issue, variant="new-both", instead=instead)


def _note_said(
    notes: dict, gone: str, there: str, names: tuple[str, ...] = (), commune: str = ""
) -> tuple[Message, Message]:
    """(``instead`` at the old hamlet's row, at the new one's) quoting the note that tells the
    household moved from ``gone`` to ``there``: the new row's, else the old row's own; only the
    part of it that tells the move, an ID number in it masked (:func:`_told_part`)."""
    if _note_names(notes[there], _NOTE_FROM, gone, names, commune):
        note = _told_part(notes[there], _NOTE_FROM, gone, names, commune)
        return (
            Message(
                f"'Ghi chú' của dòng kia ghi '{note}'", f"the other row's 'Ghi chú' says '{note}'"
            ),
            Message(f"'Ghi chú' của dòng này ghi '{note}'", f"this row's 'Ghi chú' says '{note}'"),
        )
    note = _told_part(notes[gone], _NOTE_TO, there, names, commune)
    return (
        Message(f"'Ghi chú' của dòng này ghi '{note}'", f"this row's 'Ghi chú' says '{note}'"),
        Message(f"'Ghi chú' của dòng kia ghi '{note}'", f"the other row's 'Ghi chú' says '{note}'"),
    )


# The parts of a note ('Chuyển đến từ xóm Nà Mòn; CCCD 001234567890, 1.200.000đ/tháng'): split
# at ';', ',', brackets, a dash between spaces, or a full stop before a space (not within a
# number: 1.200.000)
_NOTE_PARTS = lazyre.compile(r"\s*[;,()]\s*|\.\s+|\s+[-–—]\s+")


def _told_part(
    note: object, pattern, hamlet: str, names: Iterable[str] = (), commune: str = ""
) -> str:
    """The part of ``note`` that says the move naming ``hamlet`` (:func:`_note_names` with
    ``pattern``), else all of it, with an ID number in it masked (``text.mask_ids_in``): the
    note is quoted in both hamlets' feedback, and the rest of another hamlet's row's note (an ID
    number, an income) is not this head's to read (session 51)."""
    text = clean_text(note)
    told = next((part for part in _NOTE_PARTS.split(text)
                 if _note_names(part, pattern, hamlet, names, commune)), text)  # fmt: skip
    return mask_ids_in(told)


def _kept_under_other_code(
    rows: list[tuple], key: str, before: Heads, where: dict, now: Heads
) -> tuple[str, str, str] | None:
    """(hamlet, its old key, its old code as written) where one of the two hamlets of ``rows``
    (the code's rows now) alone has the head of them on its list compared with, in one row
    under another code not marked Thoát there and written on no list now; else None."""
    heads = [(row[1], row[2], _year(now.cell(key, row[0], "nam_sinh"))) for row in rows]
    found = {
        row[0]: sorted({hit for head in heads for hit in before.heads_in(row[0], head)})
        for row in rows
    }
    had = [hamlet for hamlet, hits in found.items() if hits]
    if len(had) != 1 or len(found[had[0]]) != 1:
        return None
    (gone,) = had
    ((old_key, old_code),) = found[gone]
    there, status = where.get(old_key, ("", ""))
    if there != gone or status == "exited" or now.of(old_key):
        return None  # marked Thoát there, or its old code still written now: not told
    return gone, old_key, old_code


def _other_head(then: list[tuple], hamlet: str, head: object) -> str | None:
    """The head's name (as written) the list compared with writes under the old code in
    ``hamlet`` (``then``: Heads.of's rows of that code) where it is another name than ``head``
    (the rows' now: folded apart, neither blank), the household told by the ID number alone;
    None where a row of it there names ``head`` or leaves the name blank (session 51)."""
    names = [row[1] for row in then if row[0] == hamlet]
    if is_blank(head) or not names or any(is_blank(n) or fold(n) == fold(head) for n in names):
        return None
    return clean_text(names[0])


def _rows_matched(theirs: list[tuple], mine: list[tuple]) -> tuple[bool, tuple, tuple]:
    """(by name, their row, my row): the other hamlet's row of ``theirs`` and the old hamlet's
    of ``mine`` (Heads.of's, each the old list's head) naming one head now by its folded name
    (True; a blank name tells nothing apart: as before); else (False) the two names apart,
    told one head by an ID number (theirs and mine, else each with the old list's): a pair of
    one ID number first."""
    pairs = [(them, me) for them in theirs for me in mine]
    for them, me in pairs:
        if fold(them[1]) == fold(me[1]) or is_blank(them[1]) or is_blank(me[1]):
            return True, them, me
    them, me = next(((them, me) for them, me in pairs if them[2] and them[2] == me[2]), pairs[0])
    return False, them, me


def duplicate_renumbered(
    issues: list[Issue],
    start: Heads,
    now: Heads,
    year: int,
    last: Callable[[set[str]], Heads] | None = None,
) -> None:
    """A Mã hộ used twice, once in each of two hamlets' lists (duplicate-household-id not told
    a move by :func:`duplicate_moved`, or asked 'new-both'), that the plan's start list
    (``start``) gives to the household of one row (its hamlet's, its head: ID number, or folded
    name and birth year: :meth:`Heads.heads_in`), the other row's household being its own
    hamlet's on the start list under one other code: that list is written in the codes the
    start list renumbered (last year's, at the year's turn). Said so at both rows in place of
    asking which is right, each naming the code the other row's household has now
    (``instead``; ``year``: the plan's): 'renumbered-old' at the row to write again,
    'renumbered-new' at the start list's. Both rows stay left out (CONTRACT §4.2: the
    hamlets settle it, the next run counts both; session 53). Said a list in last year's codes
    only where the row's household had that code last year (``last(keys)``: the heads under
    those codes on last year's stored lists, its months and its start list kept); else a slip
    of one row (variants 'slip-old', 'slip-new': that row's code to correct; session 53)."""
    groups: dict[str, list[int]] = {}
    for at, issue in enumerate(issues):
        if issue.code == "duplicate-household-id" and issue.variant in ("", "new-both"):
            if issue.hamlet:
                groups.setdefault("id|" + fig.id_key(issue.value), []).append(at)
    listed = list_named(f"{year}-00")
    found: list[tuple] = []  # (key, places, the stale hamlet, its row, its words, the other's)
    for key, places in groups.items():
        hamlets = {issues[at].hamlet for at in places}
        given = start.of(key)
        if len(places) != 2 or len(hamlets) != 2 or len(given) != 1 or given[0][0] not in hamlets:
            continue
        owner = given[0][0]
        (stale,) = hamlets - {owner}
        rows = now.of(key)
        if sorted(row[0] for row in rows) != sorted(hamlets):
            continue  # a hamlet writing it twice, or a row not read: asked as before
        heads = {row[0]: (row[1], row[2], _year(now.cell(key, row[0], "nam_sinh"))) for row in rows}
        if key not in {hit[0] for hit in start.heads_in(owner, heads[owner])}:
            continue  # the start list's household is not the row's: asked as before
        hits = sorted({hit for hit in start.heads_in(stale, heads[stale]) if hit[0] != key})
        if len(hits) != 1 or is_blank(heads[stale][0]):
            continue
        code = hits[0][1]
        mine, theirs = clean_text(heads[stale][0]), clean_text(given[0][1])
        old = Message(
            f"theo {listed}, mã này là mã của hộ '{theirs}' {with_unit(owner)}, còn hộ này "
            f"('{mine}') nay có mã '{code}'",
            f"on {listed.en}, this code is the household '{theirs}' of "
            f"{with_unit(owner, 'hamlet')}, and this household ('{mine}') has code '{code}' now",
        )
        new = Message(
            f"theo {listed}, mã này là mã của hộ này ('{theirs}'), còn hộ '{mine}' ở dòng đó "
            f"của {with_unit(stale)} nay có mã '{code}'",
            f"on {listed.en}, this code is this household's ('{theirs}'), and the household "
            f"'{mine}' on that row of {with_unit(stale, 'hamlet')} has code '{code}' now",
        )
        found.append((key, places, stale, next(row for row in rows if row[0] == stale), old, new))
    # last year's heads of those codes, read once for all of them
    then = last({key for key, *_ in found}) if last is not None and found else None
    for key, places, stale, stale_row, old, new in found:
        was = "renumbered" if then is not None and _head_of(then.of(key), stale_row) else "slip"
        for at in places:
            issue = issues[at]
            if issue.hamlet == stale:
                issues[at] = replace(issue, variant=f"{was}-old", instead=old)
            else:
                issues[at] = replace(issue, variant=f"{was}-new", instead=new)


def _head_of(then: list[tuple], row: tuple) -> bool:
    """Whether ``row`` (Heads.of's) names the head of one of the rows ``then`` by the tables'
    rule (timeline.same_head): its folded name, or its ID number; a blank name of ``row`` tells
    no name alike (a blank head of ``then`` and its are not one head)."""
    mine = (None if is_blank(row[1]) else fold(row[1]), row[2])
    return any(same_head(mine, (fold(head[1]), head[2])) for head in then)


def back_warnings(
    current: list[tuple],
    back: dict[str, tuple[str, str, str]],
    sub: Submission,
    valid: pd.DataFrame,
    issues: list[Issue],
    said: set,
    year: int,
    variant: str = "returned",
) -> None:
    """A 'code-changed' warning (variant 'returned') at the Mã hộ cell of each household of
    ``current`` (the hamlet's :func:`figures.movement_records` now) out of the lists and back
    under another code (``back``: baselines._Baselines.back_now): counted back on the lists
    (tái nghèo), not as exited and new, nor as one household throughout (the plain message the
    year's table would give, said here instead: ``said`` filled in). The list it was last on is
    named with its year when it is the start list of a year before ``year`` (the plan year;
    session 42's review), and with its hamlet when another (session 43). ``variant`` '': the
    plain words, one household throughout (baselines._Baselines.moved_back; session 60), or
    'moved' where that list is another hamlet's: that hamlet holds the other code's row
    (session 60, C2)."""
    for record in current:
        if record[0] in back and (record[2], record[0]) not in said:
            said.add((record[2], record[0]))
            code, seen, there = back[record[0]]
            named = list_named("plan" if seen == f"{year:04d}-00" else seen)
            words = variant
            if there != record[2]:  # back in another hamlet (session 43): that hamlet's list
                named = Message(f"{named} của xóm {there}", f"{named.en} of hamlet {there}")
                # moved from there: that hamlet's list holds the other code's row (session 60)
                words = variant or "moved"
            _code_changed(sub, valid, issues, record[2], record[3], named, f"'{code}'", words)


# A household's size 2 or more apart from its code's latest earlier row in its hamlet tells
# another household under the code, not the household's new head (session 59): a spouse or a
# child heading it keeps its members, or one fewer (the head who died or left) or one more.
SIZE_APART = 2


def head_and_size(name: object, born: object, size: object, english: bool = False) -> str:
    """A household as the 'returned-other-head' warning names it: "'Lò Văn Tú' (năm sinh 1970,
    4 nhân khẩu)", its year or size left out where blank."""
    year, members = _year(born), _year(size)
    parts = [f"born {year}" if english else f"năm sinh {year}"] if year is not None else []
    if members is not None:
        parts.append(f"{members} members" if english else f"{members} nhân khẩu")
    return f"'{clean_text(name)}'" + (f" ({', '.join(parts)})" if parts else "")


def another_household_back(now: tuple, then: tuple, start_heads: list[tuple]) -> bool:
    """Whether a household counted back on its hamlet's list (tái nghèo) under a code whose
    latest earlier row there names another head is told as perhaps another household: ``now``
    and ``then`` (head's name, ID number's digits, birth year, size) differ by head (the tables'
    rule: folded name, or ID number where both have one) and by a size :data:`SIZE_APART` or
    more apart, and no row of the code on the year's start list in that hamlet (``start_heads``:
    (name, ID number) each) names the head now. A blank name or size tells nothing."""
    if is_blank(now[0]) or is_blank(then[0]):
        return False
    mine = (fold(now[0]), now[1])
    if same_head(mine, (fold(then[0]), then[1])):
        return False
    if any(not is_blank(head[0]) and same_head(mine, (fold(head[0]), head[1]))
           for head in start_heads):  # fmt: skip
        return False
    size_now, size_then = _year(now[3]), _year(then[3])
    return (
        size_now is not None and size_then is not None and abs(size_now - size_then) >= SIZE_APART
    )


def returned_other_head_warning(
    sub: Submission,
    valid: pd.DataFrame,
    issues: list[Issue],
    hamlet: str,
    code: str,
    now: tuple,
    then: tuple,
    listed: Message,
) -> None:
    """A 'code-changed' warning (variant 'returned-other-head') at the Mã hộ cell of the row of
    ``hamlet`` written ``code``: counted back (tái nghèo) under a code whose latest earlier row
    there (``then``, on ``listed``) is another head's, the sizes apart (:func:`another_household_back`);
    perhaps the household's new head, perhaps another household given the code (session 59)."""
    said = Message(
        f"{head_and_size(then[0], then[2], then[3])} trong {listed}",
        f"{head_and_size(then[0], then[2], then[3], True)} on {listed.en}",
    )
    instead = Message(head_and_size(now[0], now[2], now[3]),
                      head_and_size(now[0], now[2], now[3], True))  # fmt: skip
    _code_changed(sub, valid, issues, hamlet, code, said, instead, "returned-other-head")


def exited_of_silent_warnings(
    exited: list[tuple],
    owner: Callable[[str], tuple[str, Message, bool] | None],
    sub: Submission,
    issues: list[Issue],
    refused: dict,
) -> None:
    """An 'exited-not-listed-at-start' warning (variant 'other-hamlet') at the Mã hộ cell of
    each row of ``exited`` (the list's rows marked 'Thoát': key, Excel row, Mã hộ, sheet) whose
    household ``owner`` (by its key's text) gives as another hamlet's: (that hamlet, the list
    that last had it there, whether the start list has it in the list's own hamlet), a hamlet
    without a counted list this period. Its exit is counted in no hamlet this period, and in
    that hamlet's once its list comes without it (session 58, R3's pin; session 59); one the
    start list has in the list's own hamlet (moved away since) is counted by the year's table
    as this hamlet's exit, by the month's nowhere (variant 'other-hamlet-start'; session 60).
    ``refused``: hamlet -> its list refused this period (variant '…-refused', naming the
    file)."""
    for key, excel_row, ma_ho, sheet in exited:
        found = owner(fig.key_text(key))
        if found is None:
            continue
        there, listed, mine = found
        not_read = refused.get(there)
        variant = "other-hamlet" + ("-start" if mine else "")
        issue = at_cell(sub, sheet, int(excel_row), "ma_ho", "exited-not-listed-at-start",
                        clean_text(ma_ho), listed,
                        variant + "-refused" if not_read is not None else variant)  # fmt: skip
        issues.append(
            replace(issue, instead=there, elsewhere=not_read.file if not_read is not None else "")
        )


def kept_at_turn_warnings(
    current: list[tuple],
    kept: dict[str, tuple[str, str, str, str, str]],
    listed_start: dict[str, tuple[str, str]],
    sub: Submission,
    valid: pd.DataFrame,
    issues: list[Issue],
    said: set,
    year: int,
) -> None:
    """A 'code-changed' warning (variant 'moved-at-turn') at the Mã hộ cell of each household
    of ``current`` (the hamlet's :func:`figures.movement_records` now) that last year's list had
    under another code and the year's start list writes in another hamlet (``kept``:
    baselines._Baselines.kept_at_turn; ``listed_start``: where the start list has each key): one
    household that never left the lists, moved in from the start list's hamlet (``said``
    filled in, as :func:`back_warnings`; session 57)."""
    for record in current:
        if record[0] not in kept or (record[2], record[0]) in said:
            continue
        code, seen, _, start_key, start_code = kept[record[0]]
        there = listed_start.get(start_key, (record[2],))[0]
        if there == record[2]:  # the start list's row of its own hamlet: the year's table says it
            continue
        said.add((record[2], record[0]))
        named, at = list_named(seen), listed_at_turn(year, there, start_code)
        _code_changed(sub, valid, issues, record[2], record[3],
                      Message(f"{named}; {at}", f"{named.en}; {at.en}"), f"'{code}'",
                      "moved-at-turn")  # fmt: skip


def _code_changed(
    sub: Submission,
    valid: pd.DataFrame,
    issues: list[Issue],
    hamlet: str,
    code: str,
    said: Message | str,
    instead: Message | str,
    variant: str = "",
) -> None:
    """The 'code-changed' warning (``variant``) at the Mã hộ cell of the row of ``hamlet``
    written ``code``: ``said`` in the message's place (the list the household's other code is
    on; the head's name where the code is another household's), ``instead`` what stands there
    instead (the other code; the other head, list and hamlet)."""
    at = valid[(valid["hamlet"] == hamlet).to_numpy(dtype=bool)
               & (valid["ma_ho"] == code).to_numpy(dtype=bool)]  # fmt: skip
    if at.empty:
        return
    issue = at_cell(sub, at["sheet"].iloc[0], int(at["excel_row"].iloc[0]), "ma_ho",
                    "code-changed", code, said, variant)  # fmt: skip
    issues.append(replace(issue, instead=instead))


def not_listed_warnings(
    said_only: list[tuple], issues: list[Issue], refused: dict | None = None
) -> None:
    """A 'moved-not-listed' warning at the row (its STT cell) of each household a list says
    moved to another hamlet that no list of the commune has this period (``said_only``: (list,
    sheet, Excel row, Mã hộ, head's name, hamlet) each): moved out of its hamlet if it was
    there, counted nowhere until that hamlet writes it. ``refused``: hamlet -> its list refused
    this period: that list was not consolidated, so whether it has the household is not known;
    said so (variant 'refused', naming the file), with what to do (session 32)."""
    for sub, sheet, row, code, head, there in said_only:
        not_read = (refused or {}).get(there)
        issues.append(
            Issue(
                "moved-not-listed",
                file=sub.file,
                sheet=sheet,
                row=row,
                cell=f"A{row}",
                hamlet=sub.hamlet,
                value=(f"{clean_text(code)} ({clean_text(head)})" if code else clean_text(head))
                if head
                else clean_text(code),
                instead=there,
                detail=not_read.file if not_read is not None else "",
                variant="refused" if not_read is not None else "",
            )
        )


def vanished_warnings(
    details: list[dict],
    sub: Submission,
    issues: list[Issue],
    left_before,
    baseline: Message,
    held: dict[str, str] | None = None,
    moved: dict[str, tuple[Message, str]] | None = None,
) -> None:
    """A 'vanished-household' warning for each household of ``details`` missing from the list
    without 'Thoát' (not one the history shows leaving already), naming the list it was on.
    ``held``: key -> the file of a list naming no hamlet of two hamlets' households holding it
    ('holds-several', apart.several_held), or of this hamlet's alone when every hamlet sent its
    list ('holds-all-sent'; session 54, E4): said on that file, not exited, to write on this
    list (variant 'held-several', as the list's 'Cách sửa' says; session 54). ``moved``: key ->
    (:func:`listed_at_turn`'s words, the file of that hamlet's refused list or '') of a
    household last year's list had here that the new start list writes in another hamlet: said
    under the code last year's list wrote (``code_then``), moved there, not to be written again
    here nor 'Thoát' (variant 'moved-at-turn', '-refused' naming the file; session 56, N2)."""
    variant, column = exit_marked(sub) or ("", "")  # a list marking its classes in columns
    for item in details:
        if item["movement"] == "vanished" and item.get("key") not in left_before:
            apart = (held or {}).get(item.get("key"))
            there = None if apart else (moved or {}).get(item.get("key"))
            if there is not None:
                words, refused = there
                code = item.get("code_then") or item["ma_ho"]
                issues.append(
                    Issue(
                        "vanished-household",
                        file=sub.file,
                        hamlet=sub.hamlet,
                        value=f"{code} ({item['chu_ho']})",
                        detail=baseline,
                        instead=words,
                        elsewhere=refused,
                        variant="moved-at-turn-refused" if refused else "moved-at-turn",
                    )
                )
                continue
            issues.append(
                Issue(
                    "vanished-household",
                    file=sub.file,
                    hamlet=sub.hamlet,
                    value=f"{item['ma_ho']} ({item['chu_ho']})",
                    detail=baseline,
                    # the exited column to mark or to add one beside, or (marks-start-only)
                    # the marks to write, said in both languages
                    column="" if apart or isinstance(column, Message) else column,
                    instead=apart or (column if isinstance(column, Message) else ""),
                    variant="held-several" if apart else variant,
                )
            )


def listed_at_turn(year: int, hamlet: str, code: str) -> Message:
    """The start list of ``year`` writing a household in ``hamlet`` under ``code``, as a
    'vanished-household' warning of another hamlet says it (variant 'moved-at-turn'):
    'danh sách đầu năm 2025 ghi hộ ở xóm Bản Cọ, Mã hộ 009'."""
    named = list_named(f"{year:04d}-00")
    return Message(
        f"{named} ghi hộ ở {with_unit(hamlet)}, Mã hộ {code}",
        f"{named.en} lists it in {with_unit(hamlet, 'hamlet')} under Mã hộ {code}",
    )


# A list missing at least this many of the households of the list it is compared with, and more
# than half of them, is said as a whole besides each household (households-mostly-gone): most
# likely a list of the month's changes only (danh sách bổ sung), not every household (session 49).
GONE_AT_LEAST = 5


def gone_now(found: list[dict], marked_exited: Collection) -> list[dict]:
    """The households of ``found`` (:func:`figures.movements_of`'s details) missing now without
    'Thoát', gone this time (not in an earlier month: ``left_in``; not marked exited)."""
    return [
        item for item in found
        if item["movement"] == "vanished" and "left_in" not in item
        and item["key"] not in marked_exited
    ]  # fmt: skip


def mostly_gone_warning(
    gone: list[dict],
    moves: dict,
    baseline: Message,
    sub: Submission,
    issues: list[Issue],
    set_aside: Collection[Submission] = (),
    held: Collection[str] = (),
    moved: Collection[str] = (),
) -> None:
    """One 'households-mostly-gone' warning for a hamlet's list missing at least
    :data:`GONE_AT_LEAST` of the poor and near-poor households of the list it is compared with
    (``moves``' start counts, ``baseline`` as a message names it), and more than half of them:
    each is already counted as exited and asked about one by one (vanished-household); the
    officer is told at once that the list is likely not whole. When more than half of them are
    on a file of the hamlet's set aside for this newer one (``set_aside``: its `superseded`
    copies of the period), that file is named (variant 'other-file', ``instead``): the list
    sent in two files, poor and near-poor, or a full list and a supplement (session 49
    review). The households on a list naming no hamlet its head is told to write on this one
    (``held``: their keys, apart.several_held) are missing from this list too and counted
    among the others (the list as sent lacks them; the run counts them exited till written
    on it), but the words say they have not exited, not to write 'Thoát' for them (variant
    'held', 'held-several' of two or more; session 55, E4's count left them out and the screen
    lost the hamlet's line); gone only by such households, the list is told no more than each
    one's warning tells it. Likewise those last year's list had here that the year's start list
    writes in another hamlet (``moved``: their keys, figuresteps._moved_at_turn): counted, said
    moved, not to be written again nor 'Thoát' (variant 'moved', 'moved-several'; session 56,
    R5; a list with both kinds is said by the 'held' words alone)."""
    before = moves["poor"]["start"] + moves["near_poor"]["start"]
    if len(gone) >= GONE_AT_LEAST and 2 * len(gone) > before:
        others = [item for item in gone if item["key"] not in held and item["key"] not in moved]
        if not others:
            return
        held_too = sum(item["key"] in held for item in gone)  # one "has not exited", several "have"
        moved_too = sum(item["key"] in moved for item in gone)  # (session 55; 56, R5)
        held_said = (
            "held" if held_too == 1 else "held-several" if held_too
            else "moved" if moved_too == 1 else "moved-several" if moved_too else ""
        )  # fmt: skip
        other = _holding_most(gone, set_aside)
        issues.append(
            Issue(
                "households-mostly-gone",
                file=sub.file,
                hamlet=sub.hamlet,
                value=format_vn(len(gone), 0),
                instead=format_vn(before, 0) if other is None else other.file,
                detail=baseline,
                variant="other-file" if other is not None else held_said,
            )
        )


def _holding_most(gone: list[dict], files: Collection[Submission]) -> Submission | None:
    """The one of ``files`` listing more than half of the households ``gone`` (by Mã hộ; the
    first in name order of as many), or None."""
    keys = {item["key"] for item in gone}
    best, most = None, len(gone) // 2
    for other in sorted(files, key=lambda s: s.file):
        held = len(keys & {"id|" + code for code in list_codes(other)})
        if held > most:
            best, most = other, held
    return best


def hamlet_movement_warnings(
    details: list[dict],
    sub: Submission,
    start_ids: set[tuple],
    exited: list[tuple],
    issues: list[Issue],
    left_before: set[str] | frozenset = frozenset(),
    listed_before: set[str] | frozenset = frozenset(),
    baseline: Message | None = None,
    year_unknown: int | None = None,
    held: dict[str, str] | None = None,
) -> None:
    """``start_ids``: household keys of the hamlet's start list; ``exited``: its exited rows;
    ``left_before``: households the history shows leaving the lists already (no need to
    confirm); ``listed_before``: households on an earlier month's list this year (a Thoát for
    one of them is no unknown code); ``baseline``: the list ``details`` compare with, as the
    warning names it (:func:`list_named`); ``year_unknown``: the year before the plan year when
    the history holds no month before the plan year (a Thoát on no list of this year may be a
    household that left then: the warning says so, not only "check the code"); ``held``: as
    :func:`vanished_warnings` takes it."""
    vanished_warnings(details, sub, issues, left_before, baseline or list_named("plan"), held)
    # the start list's codes without their punctuation, as the movements pair them: built only
    # for a hamlet with an exited row that is on no list (most exited rows are on the start list)
    loose = None
    for key, excel_row, ma_ho, sheet in exited:
        if key in start_ids or fig.key_text(key) in listed_before:
            continue
        if loose is None:
            loose = {fig.loose_key(fig.key_text(k)) for k in start_ids if k[0] == "id"}
        if not (key[0] == "id" and fig.loose_key(fig.key_text(key)) in loose):
            # at the row's Mã hộ cell, which the message asks to check
            # its 'x', not a word; or its mark at the start of the period only
            variant, marked = exit_mark_said(sub, sheet, int(excel_row))
            if not variant and year_unknown is not None:
                variant, marked = "last-year-unknown", str(year_unknown)
            issues.append(at_cell(sub, sheet, int(excel_row), "ma_ho",
                                  "exited-not-listed-at-start", ma_ho, marked, variant))  # fmt: skip
