"""A realistic fictional commune (xã Trung Lương, Định Hóa, Thái Nguyên) for demos and tests.

``generate_sample`` writes the plan and one roster per hamlet per month with
the same writers the templates use, and returns the ground truth computed
from its own state (never from pipeline code), so the pipeline's figures can
be checked against it. Everything is drawn from one seeded generator: the
same arguments give byte-identical files.

Households move at most once during the year (the sample keeps it simple):
poor → near-poor, poor → ``Thoát``, near-poor → poor, near-poor → ``Thoát``,
and new poor / near-poor households appear. A household that left stays on
its hamlet's later rosters as ``Thoát``.
"""

from __future__ import annotations

import os
import random
import unicodedata
from bisect import bisect_right
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate
from pathlib import Path

from pipeline.template import write_plan_workbook, write_roster_workbook
from schemas.columns import CAUSES, INDICATOR_KEYS, NEEDS, ROSTER_KEYS, TARGET_GROUPS
from schemas.standards import STANDARDS

COMMUNE = "Trung Lương"
COMMUNE_CODE = "TL"
PROVINCE = "Thái Nguyên"
PLAN_YEAR = 2024
LAST_MONTH = 5  # the sample's latest period is 2024-05
AREA = "rural"
STANDARD = "2022-2025"
PLAN_FILE = f"KeHoach_{PLAN_YEAR}.xlsx"
PLAN_INFO = {
    "province": PROVINCE,
    "commune": COMMUNE,
    "plan_year": PLAN_YEAR,
    "area": AREA,
    "standard": STANDARD,
    "poor_target": 1.52,
    "near_poor_target": 1.01,
    "recipient": "Phòng Lao động - Thương binh và Xã hội huyện Định Hóa",
    "reporter": "Ma Thị Thu Hằng",
    "chairman": "Hoàng Văn Quyết",
}
INCOME_LINE = STANDARDS[STANDARD].income_line(AREA)
POOR_MIN_DEPRIVED = STANDARDS[STANDARD].min_deprivations_poor

# Hamlet names of the Định Hóa area, then syllable combinations of the same kind.
HAMLET_NAMES = (
    "Nà Mòn", "Khau Lang", "Bản Cọ", "Đồng Kè", "Pác Cập", "Bản Piềng", "Nà Pải",
    "Khuôn Tát", "Làng Mòn", "Thẩm Rộc", "Đồng Màn", "Nà Tiến", "Bản Lanh", "Nà Chú",
    "Bản Héo", "Khau Diều", "Nà Lài", "Bản Noóng", "Pác Tạc", "Khuổi Chao", "Nà Kháo",
    "Bản Quản", "Nà Linh", "Cốc Lùng", "Nà Hiên", "Bản Lác", "Khuôn Câm", "Đồng Bòng",
)  # fmt: skip
_NAME_PREFIXES = (
    "Nà", "Bản", "Khau", "Pác", "Đồng", "Khuôn", "Khuổi", "Thẩm", "Làng", "Cốc", "Nặm",
    "Pò", "Phja", "Lũng", "Bó",
)  # fmt: skip
_NAME_SUFFIXES = (
    "Mòn", "Lang", "Cọ", "Kè", "Cập", "Piềng", "Pải", "Tát", "Rộc", "Màn", "Tiến", "Lanh",
    "Chú", "Héo", "Diều", "Lài", "Noóng", "Tạc", "Chao", "Kháo", "Quản", "Linh", "Đeng",
    "Lùng", "Hiên", "Lác", "Tấc", "Câm", "Bòng", "Trang", "Máy", "Đon", "Vèn", "Mu",
    "Phấy", "Slải", "Nghè", "Pồng", "Luông", "Bưa",
)  # fmt: skip

# ethnic group -> (weight, surnames)
_ETHNIC_GROUPS: dict[str, tuple[int, tuple[str, ...]]] = {
    "Tày": (52, ("Hoàng", "Ma", "Lường", "Nông", "Đinh", "Lưu", "Hà", "Lộc", "Dương", "Mã", "Lý")),
    "Nùng": (15, ("Hoàng", "Nông", "Lý", "Lương", "Vi", "Mã", "Lộc")),
    "Kinh": (17, ("Nguyễn", "Trần", "Lê", "Phạm", "Đỗ", "Vũ", "Dương", "Hà")),
    "Dao": (8, ("Triệu", "Bàn", "Đặng", "Lý", "Chu")),
    "Sán Chay": (5, ("Lâm", "La", "Hoàng", "Lưu", "Đàm")),
    "Mông": (3, ("Giàng", "Vàng", "Lý", "Sùng", "Thào")),
}
_MIDDLE_MALE = ("Văn", "Văn", "Văn", "Đức", "Xuân", "Đình", "Quang", "Minh")
_MIDDLE_FEMALE = ("Thị", "Thị", "Thị", "Thị", "Thu", "Ngọc", "Kim")
_GIVEN_MALE = (
    "Bình", "Chung", "Cường", "Dũng", "Hải", "Hùng", "Kiên", "Lâm", "Long", "Nam", "Phúc",
    "Quyết", "Sáng", "Sơn", "Tâm", "Thắng", "Thành", "Toàn", "Tuấn", "Vinh", "Vượng", "Khánh",
    "Chiến", "Đông", "Hưng", "Lợi", "Mạnh", "Pấu", "Tiến", "Trọng",
)  # fmt: skip
_GIVEN_FEMALE = (
    "Dung", "Hằng", "Hiền", "Hoa", "Huệ", "Lan", "Liên", "Lụa", "Mai", "Nga", "Nhung",
    "Phượng", "Thảo", "Thơm", "Vân", "Xuân", "Tươi", "Yến", "Chanh", "Dịu", "Hương", "Quyên",
)  # fmt: skip


class _Weighted:
    """A weighted draw with the cumulative weights computed once."""

    def __init__(self, items, weights) -> None:
        self.items = tuple(items)
        self.cumulative = tuple(accumulate(weights))
        self.total = self.cumulative[-1]

    def one(self, rng: random.Random):
        i = bisect_right(self.cumulative, rng.random() * self.total)
        return self.items[i] if i < len(self.items) else self.items[-1]

    def distinct(self, rng: random.Random, k: int) -> list:
        """``k`` different items (rejection sampling; k is small)."""
        chosen: list = []
        while len(chosen) < min(k, len(self.items)):
            item = self.one(rng)
            if item not in chosen:
                chosen.append(item)
        return chosen


_ETHNICITY = _Weighted(_ETHNIC_GROUPS, (w for w, _ in _ETHNIC_GROUPS.values()))
_HOUSEHOLD_SIZE = _Weighted(range(1, 10), (8, 14, 16, 20, 16, 12, 7, 4, 3))
# Mountain communes: health insurance, water, latrines, housing and telecom lead.
_INDICATOR = _Weighted(
    INDICATOR_KEYS,
    # td_01 … td_12
    (3, 3, 1.5, 6, 3, 1.5, 5, 3, 6, 7, 5, 3),
)
_DEPRIVED_COUNT = {
    "poor": _Weighted((3, 4, 5, 6), (40, 30, 20, 10)),
    "near_poor": _Weighted((0, 1, 2), (20, 40, 40)),
    "exited": _Weighted((0, 1, 2), (40, 40, 20)),
}
_CAUSE = _Weighted(CAUSES, (6, 8, 5, 4, 4, 3, 4, 1))
_NEED = _Weighted(NEEDS, (9, 7, 3, 3, 2, 4, 3, 3, 2, 1))
_TARGET_GROUP = _Weighted(TARGET_GROUPS, (5, 2, 3))

# Many rosters are written by a process pool (province scale); a few, in this process.
PARALLEL_MIN_FILES = 200
MAX_WORKERS = 8
ROSTERS_PER_TASK = 40

# Monthly chance for a household still in its start-of-year status.
_RATE_POOR_TO_NEAR = 0.02
_RATE_POOR_EXIT = 0.02
_RATE_NEAR_TO_POOR = 0.015
_RATE_NEAR_EXIT = 0.025
_RATE_NEW_POOR = 0.15
_RATE_NEW_NEAR = 0.2

# movement kind -> (start status, new status); start None = new household
_KINDS: dict[str, tuple[str | None, str]] = {
    "poor_to_near_poor": ("poor", "near_poor"),
    "poor_exited": ("poor", "exited"),
    "near_poor_to_poor": ("near_poor", "poor"),
    "near_poor_exited": ("near_poor", "exited"),
    "new_poor": (None, "poor"),
    "new_near_poor": (None, "near_poor"),
}


@dataclass
class _Household:
    record: dict  # roster keys; phan_loai canonical ('poor' | 'near_poor' | 'exited')
    start_status: str | None  # None: not on the start-of-year list


@dataclass
class _Hamlet:
    name: str
    number: int
    slug: str
    residents: int
    preparer: str
    households: list[_Household] = field(default_factory=list)
    last_seq: int = 0
    # the ID numbers given so far in the commune (shared by its hamlets): each one once
    id_numbers: set[str] = field(default_factory=set)
    # the heads (name, birth year) given so far in the hamlet: two households of one list never
    # share both, which a run warns of as one household perhaps written twice
    heads: set[tuple[str, int]] = field(default_factory=set)


# --- names ----------------------------------------------------------------------


def ascii_slug(name: str) -> str:
    """'Nà Mòn' -> 'NaMon' (file names); every word kept, those joined by a dash or an
    apostrophe too ('Bản Cọ-Nà Pài' -> 'BanCoNaPai', not 'BanPai')."""
    plain = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    words = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in plain).split()
    return "".join(w[:1].upper() + w[1:] for w in words)


def hamlet_names(count: int) -> list[str]:
    """``count`` hamlet names, unique even ignoring accents, case and spaces."""
    bases: list[str] = list(HAMLET_NAMES)
    bases += [f"{p} {s}" for s in _NAME_SUFFIXES for p in _NAME_PREFIXES]
    names: list[str] = []
    seen: set[str] = set()
    suffix = 1
    while len(names) < count:
        for base in bases:
            name = base if suffix == 1 else f"{base} {suffix}"
            key = ascii_slug(name).lower()
            if key in seen:
                continue
            seen.add(key)
            names.append(name)
            if len(names) == count:
                break
        suffix += 1
    return names


def sample_periods(months: int) -> list[str]:
    """The k months ending at 2024-05, or from 2024-01 when k > 5."""
    if not 1 <= months <= 12:
        raise ValueError("months must be between 1 and 12")
    first = LAST_MONTH - months + 1 if months <= LAST_MONTH else 1
    return [f"{PLAN_YEAR}-{m:02d}" for m in range(first, first + months)]


# --- households ---------------------------------------------------------------------


def _person_name(rng: random.Random, surnames: tuple[str, ...], female: bool) -> str:
    middle = rng.choice(_MIDDLE_FEMALE if female else _MIDDLE_MALE)
    given = rng.choice(_GIVEN_FEMALE if female else _GIVEN_MALE)
    return f"{rng.choice(surnames)} {middle} {given}"


def _any_person(rng: random.Random) -> str:
    return _person_name(rng, _ETHNIC_GROUPS[_ETHNICITY.one(rng)][1], rng.random() < 0.3)


def _set_status(rng: random.Random, record: dict, status: str) -> None:
    """Income and deprivations consistent with the standard for ``status``."""
    if status == "poor":
        record["thu_nhap"] = rng.randrange(40, INCOME_LINE // 10_000 + 1) * 10_000
    elif status == "near_poor":
        record["thu_nhap"] = rng.randrange(90, INCOME_LINE // 10_000 + 1) * 10_000
    else:  # exited: income above the line
        record["thu_nhap"] = rng.randrange(INCOME_LINE // 10_000 + 1, 241) * 10_000
    deprived = _DEPRIVED_COUNT[status].one(rng)
    assert (deprived >= POOR_MIN_DEPRIVED) == (status == "poor")
    marked = _INDICATOR.distinct(rng, deprived)
    for key in INDICATOR_KEYS:
        record[key] = key in marked
    record["phan_loai"] = status


def _id_number(rng: random.Random, given: set[str], female: bool, born: int) -> str:
    """A CCCD not given before: province 019, gender/century digit, birth year, 6 random
    digits (drawn again on the rare repeat: two heads never share one)."""
    while True:
        number = f"019{int(female)}{born % 100:02d}{rng.randrange(1_000_000):06d}"
        if number not in given:
            given.add(number)
            return number


def _head_name(
    rng: random.Random, hamlet: _Hamlet, surnames: tuple[str, ...], female: bool, born: int
) -> str:
    """A head's name no other head of the hamlet born that year has (drawn again on the rare
    repeat, so a sample whose hamlets hold no repeat draws as before)."""
    while True:
        name = _person_name(rng, surnames, female)
        if (name, born) not in hamlet.heads:
            hamlet.heads.add((name, born))
            return name


def _new_household(rng: random.Random, hamlet: _Hamlet, status: str, id_width: int) -> dict:
    ethnic = _ETHNICITY.one(rng)
    female = rng.random() < 0.25
    born = rng.randint(1940, 1995)
    hamlet.last_seq += 1
    record = dict.fromkeys(ROSTER_KEYS)
    record.update(
        ma_ho=f"{COMMUNE_CODE}.{hamlet.number:0{id_width}d}.{hamlet.last_seq:03d}",
        chu_ho=_head_name(rng, hamlet, _ETHNIC_GROUPS[ethnic][1], female, born),
        nam_sinh=born,
        gioi_tinh="Nữ" if female else "Nam",
        dan_toc=ethnic,
        so_dinh_danh=_id_number(rng, hamlet.id_numbers, female, born),
        nhan_khau=_HOUSEHOLD_SIZE.one(rng),
        # Causes and needs contain commas themselves ("Ốm đau, bệnh nặng, tai nạn"): join with ";".
        nguyen_nhan="; ".join(_CAUSE.distinct(rng, 1 + (rng.random() < 0.4))),
        nhu_cau="; ".join(_NEED.distinct(rng, 1 + (rng.random() < 0.5))),
    )
    if rng.random() < 0.12:
        record["doi_tuong"] = _TARGET_GROUP.one(rng)
    _set_status(rng, record, status)
    return record


def _make_hamlet(
    rng: random.Random,
    index: int,
    name: str,
    households: int | None,
    id_width: int,
    id_numbers: set[str],
) -> _Hamlet:
    if households is None:
        residents = rng.randint(120, 320)
        poor = max(1, round(residents * rng.uniform(0.06, 0.14)))
        near_poor = max(1, round(residents * rng.uniform(0.04, 0.10)))
    else:
        residents = max(households, 1, round(households / 0.18) + rng.randint(-3, 3))
        poor = round(households * rng.uniform(0.5, 0.65))
        poor = min(max(poor, 1), households - 1) if households >= 2 else households
        near_poor = households - poor
    hamlet = _Hamlet(name, index + 1, ascii_slug(name), residents, _any_person(rng))
    hamlet.id_numbers = id_numbers
    statuses = ["poor"] * poor + ["near_poor"] * near_poor
    rng.shuffle(statuses)
    for status in statuses:
        hamlet.households.append(_Household(_new_household(rng, hamlet, status, id_width), status))
    return hamlet


# --- monthly movements ----------------------------------------------------------------


def _note(kind: str, month: int) -> str:
    when = f"tháng {month}/{PLAN_YEAR}"
    return {
        "poor_to_near_poor": f"Chuyển từ hộ nghèo sang hộ cận nghèo {when}",
        "poor_exited": f"Thoát nghèo {when}",
        "near_poor_to_poor": f"Chuyển từ hộ cận nghèo sang hộ nghèo {when}",
        "near_poor_exited": f"Thoát cận nghèo {when}",
        "new_poor": f"Hộ nghèo phát sinh {when}",
        "new_near_poor": f"Hộ cận nghèo phát sinh {when}",
    }[kind]


def _unmoved(hamlet: _Hamlet, status: str) -> list[_Household]:
    return [
        h for h in hamlet.households if h.start_status == status and h.record["phan_loai"] == status
    ]


def _apply(
    rng: random.Random, hamlet: _Hamlet, kind: str, month: int, id_width: int, hh: _Household | None
) -> None:
    start, status = _KINDS[kind]
    if start is None:
        record = _new_household(rng, hamlet, status, id_width)
        hamlet.households.append(_Household(record, None))
    else:
        assert hh is not None and hh.record["phan_loai"] == start
        record = hh.record
        _set_status(rng, record, status)
    record["ghi_chu"] = _note(kind, month)


def _month(
    rng: random.Random, hamlet: _Hamlet, month: int, id_width: int, forced: list[str]
) -> None:
    rates = {
        "poor": ((_RATE_POOR_TO_NEAR, "poor_to_near_poor"), (_RATE_POOR_EXIT, "poor_exited")),
        "near_poor": (
            (_RATE_NEAR_TO_POOR, "near_poor_to_poor"),
            (_RATE_NEAR_EXIT, "near_poor_exited"),
        ),
    }
    for hh in list(hamlet.households):
        if hh.start_status is None or hh.record["phan_loai"] != hh.start_status:
            continue  # new this year, or already moved: households move once in the sample
        draw = rng.random()
        for rate, kind in rates[hh.start_status]:
            if draw < rate:
                _apply(rng, hamlet, kind, month, id_width, hh)
                break
            draw -= rate
    for kind in forced:
        start = _KINDS[kind][0]
        candidates = _unmoved(hamlet, start) if start else [None]
        if candidates:
            _apply(rng, hamlet, kind, month, id_width, rng.choice(candidates))
    if rng.random() < _RATE_NEW_POOR:
        _apply(rng, hamlet, "new_poor", month, id_width, None)
    if rng.random() < _RATE_NEW_NEAR:
        _apply(rng, hamlet, "new_near_poor", month, id_width, None)
    hamlet.residents += rng.randint(0, 3)


def _has_moved(hamlet: _Hamlet) -> bool:
    return any(h.start_status != h.record["phan_loai"] for h in hamlet.households)


def _coverage(hamlets: list[_Hamlet]) -> dict[int, list[str]]:
    """Which hamlet is made to show which movement kind, so the commune sees every kind."""
    forced: dict[int, list[str]] = {}
    for k, kind in enumerate(_KINDS):
        start = _KINDS[kind][0]
        for step in range(len(hamlets)):
            i = (k + step) % len(hamlets)
            if start is None or _unmoved(hamlets[i], start):
                forced.setdefault(i, []).append(kind)
                break
    return forced


# --- ground truth ----------------------------------------------------------------------


def _truth(hamlet: _Hamlet, file: str) -> dict:
    def count(start: str | None, now: str) -> int:
        return sum(
            1 for h in hamlet.households if h.start_status == start and h.record["phan_loai"] == now
        )

    current = {
        s: [h.record for h in hamlet.households if h.record["phan_loai"] == s]
        for s in ("poor", "near_poor")
    }
    poor = {
        "start": sum(1 for h in hamlet.households if h.start_status == "poor"),
        "to_near_poor": count("poor", "near_poor"),
        "exited": count("poor", "exited"),
        "not_counted": 0,  # the sample's rows have no errors
        "moved_out": 0,  # nor households moving between hamlets
        "from_near_poor": count("near_poor", "poor"),
        "new": count(None, "poor"),
        "returned": 0,
        "moved_in": 0,
        "recounted": 0,
        "end": len(current["poor"]),
    }
    near_poor = {
        "start": sum(1 for h in hamlet.households if h.start_status == "near_poor"),
        "to_poor": count("near_poor", "poor"),
        "exited": count("near_poor", "exited"),
        "not_counted": 0,
        "moved_out": 0,
        "from_poor": count("poor", "near_poor"),
        "new": count(None, "near_poor"),
        "returned": 0,
        "moved_in": 0,
        "recounted": 0,
        "end": len(current["near_poor"]),
    }
    assert (
        poor["start"] - poor["to_near_poor"] - poor["exited"] + poor["from_near_poor"] + poor["new"]
        == poor["end"]
    )
    assert (
        near_poor["start"]
        - near_poor["to_poor"]
        - near_poor["exited"]
        + near_poor["from_poor"]
        + near_poor["new"]
        == near_poor["end"]
    )
    listed = len(current["poor"]) + len(current["near_poor"])
    assert hamlet.residents >= listed
    return {
        "file": file,
        "households": hamlet.residents,
        "poor": poor["end"],
        "near_poor": near_poor["end"],
        "movements": {"poor": poor, "near_poor": near_poor},
        "deprivations": {
            status: {key: sum(1 for r in records if r[key]) for key in INDICATOR_KEYS}
            for status, records in current.items()
        },
    }


def _rows(records: list[dict], extra: dict | None = None) -> list[dict]:
    return [{**r, **(extra or {}), "stt": i} for i, r in enumerate(records, start=1)]


# --- entry point ---------------------------------------------------------------------


class _Writer:
    """Writes rosters now, or hands them to a process pool when there are many.

    The data is drawn in this process before anything is handed out, so the
    files do not depend on which worker writes them. With a pool, this
    process writes the plan (the one big workbook) while the workers write
    the rosters.
    """

    def __init__(self, files: int) -> None:
        workers = min((os.cpu_count() or 1) - 1, MAX_WORKERS)
        parallel = workers >= 1 and files >= PARALLEL_MIN_FILES
        self._pool = ProcessPoolExecutor(workers) if parallel else None
        self._pending: list[Future] = []
        self._rosters: list[tuple[Path, dict, list[dict]]] = []

    def roster(self, path: Path, info: dict, rows: list[dict]) -> None:
        if self._pool is None:
            write_roster_workbook(path, info, rows)
            return
        self._rosters.append((path, info, rows))
        if len(self._rosters) >= ROSTERS_PER_TASK:
            self._flush()

    def _flush(self) -> None:
        if self._rosters:
            self._pending.append(self._pool.submit(_write_rosters, self._rosters))
            self._rosters = []

    def wait(self) -> None:
        """Block until every workbook is written; re-raise a worker's error."""
        if self._pool is None:
            return
        self._flush()
        try:
            for future in self._pending:
                future.result()
        finally:
            self.abort()

    def abort(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool, self._pending, self._rosters = None, [], []


def _write_rosters(batch: list[tuple[Path, dict, list[dict]]]) -> None:
    for path, info, rows in batch:
        write_roster_workbook(path, info, rows)


def generate_sample(
    out_dir: Path,
    *,
    hamlets: int = 12,
    households: int | None = None,
    seed: int = 2024,
    months: int = 2,
) -> dict:
    """Write the sample commune's plan and rosters into ``out_dir``; return the ground truth."""
    if hamlets < 1:
        raise ValueError("hamlets must be at least 1")
    if households is not None and households < 0:
        raise ValueError("households must not be negative")
    periods = sample_periods(months)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    # Started before the commune is drawn, so forked workers stay small.
    writer = _Writer(hamlets * months + 1)
    try:
        truth = _generate(out_dir, writer, hamlets, households, seed, periods)
    except BaseException:
        writer.abort()
        raise
    writer.wait()
    return truth


def _generate(
    out_dir: Path,
    writer: _Writer,
    hamlets: int,
    households: int | None,
    seed: int,
    periods: list[str],
) -> dict:
    rng = random.Random(seed)
    id_width = max(2, len(str(hamlets)))
    id_numbers: set[str] = set()
    commune = [
        _make_hamlet(rng, i, name, households, id_width, id_numbers)
        for i, name in enumerate(hamlet_names(hamlets))
    ]

    start: dict[str, dict] = {}
    plan_rows: list[dict] = []
    start_list: list[dict] = []
    for hamlet in commune:
        poor = sum(1 for h in hamlet.households if h.start_status == "poor")
        near_poor = len(hamlet.households) - poor
        targets = {
            "households": hamlet.residents,
            "poor": poor,
            "near_poor": near_poor,
            "poor_target": max(1, round(hamlet.residents * 1.6 / 100)),
            "near_poor_target": max(1, round(hamlet.residents * 1.1 / 100)),
        }
        start[hamlet.name] = targets
        plan_rows.append(
            {
                "hamlet": hamlet.name,
                "start_households": targets["households"],
                "start_poor": poor,
                "start_near_poor": near_poor,
                "poor_target": targets["poor_target"],
                "near_poor_target": targets["near_poor_target"],
            }
        )
        start_list += [{**h.record, "hamlet": hamlet.name} for h in hamlet.households]
    start_list = _rows(start_list)  # a snapshot: the months below change the records

    by_period: dict[str, dict] = {}
    forced = _coverage(commune)
    for p, period in enumerate(periods):
        month = int(period[5:])
        last = p == len(periods) - 1
        report_day = date(PLAN_YEAR + month // 12, month % 12 + 1, 1)
        by_period[period] = {}
        for i, hamlet in enumerate(commune):
            must = list(forced.get(i, [])) if p == 0 else []
            _month(rng, hamlet, month, id_width, must)
            if last and not _has_moved(hamlet):  # every hamlet shows some movement
                _apply(rng, hamlet, "new_near_poor", month, id_width, None)
            file = f"DS_{hamlet.slug}_{period}.xlsx"
            info = {
                "commune": COMMUNE,
                "hamlet": hamlet.name,
                "period": period,
                "total_households": hamlet.residents,
                "preparer": hamlet.preparer,
                "prepared_on": report_day.replace(day=rng.randint(1, 5)),
            }
            writer.roster(out_dir / file, info, _rows([h.record for h in hamlet.households]))
            by_period[period][hamlet.name] = _truth(hamlet, file)
    write_plan_workbook(out_dir / PLAN_FILE, PLAN_INFO, plan_rows, start_list)

    return {
        "commune": COMMUNE,
        "plan_year": PLAN_YEAR,
        "periods": periods,
        "plan_file": PLAN_FILE,
        "hamlets": [h.name for h in commune],
        "start": start,
        "by_period": by_period,
    }
