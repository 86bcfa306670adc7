"""The variants of the refusal of a list sent apart from its hamlet's own list (naming no
hamlet, 'missing-hamlet'; or a neighbour that sent its own list, 'hamlet-codes-of-file-name'),
as pipeline.holding gives them, and how the reports tell each: one row a variant, read by the
'Nộp báo cáo' reason (pipeline.report.reporting), the feedback's status, 'Cách sửa' and the red
'Xóm' cell's note (pipeline.report.feedback), and whose head gets its feedback
(pipeline.report.feedback_files.feedback_hamlet). A new variant is added here, its words in
schemas/issues.py, its status and 'Cách sửa' in feedback's texts and its reason in
report/labels.py (tests/test_session53_apart_variants.py checks each is there). They were five
parallel lists of variant names (docs/decisions.md, session 53)."""

from __future__ import annotations

from pipeline.types import Issue


class ApartVariant:
    """How the reports tell a list sent apart refused with ``variant`` of ``code``.

    ``apart``: told as a list apart, no cell to correct: its own status
    ('status.rejected.<variant>'), 'Cách sửa' ('how.<variant>') and 'Nộp báo cáo' reason
    ('reason.<code>.<variant>'); False: as a plain refusal of its code (its red cells to
    correct). ``note``: the red 'Xóm' cell's note, 'errors.note.<note>', naming ``note_of``:
    'codes' the hamlet of its codes (the issue's hamlet, else its instead), 'value' the
    neighbour its 'Xóm' names, 'quoted' that name in quotes, '' none. ``status_file``: what
    the status names as {file}: 'detail' the issue's detail, 'instead' its instead (the named
    neighbour's file). ``route``: whose head gets its feedback and its 'Nộp báo cáo' row, when
    not the hamlet it is taken as: 'codes' the hamlet its instead names, 'first' the first of
    the hamlets its instead names (Vietnamese alphabetical order, as its words name them),
    'named' the neighbour its 'Xóm' names, '' none. ``write_here``: its households go on its hamlet's own list,
    refused for an error of its own, whose feedback says so (feedback.lists_to_write_here)."""

    # a plain class, not a dataclass: the runner imports this module on every run
    # (tests/test_session33_a.py: a dataclass costs its compiling at each start)
    __slots__ = (
        "code",
        "variant",
        "apart",
        "note",
        "note_of",
        "status_file",
        "route",
        "write_here",
    )

    def __init__(
        self,
        code: str,
        variant: str,
        apart: bool = True,
        note: str = "neighbour",
        note_of: str = "codes",
        status_file: str = "detail",
        route: str = "",
        write_here: bool = False,
    ) -> None:
        self.code, self.variant, self.apart, self.note = code, variant, apart, note
        self.note_of, self.status_file, self.route = note_of, status_file, route
        self.write_here = write_here

    def _fields(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ApartVariant) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"ApartVariant{self._fields()!r}"

    @property
    def status_key(self) -> str:
        return f"status.rejected.{self.variant}"

    @property
    def how_key(self) -> str:
        return f"how.{self.variant}"

    @property
    def reason_key(self) -> str:
        return f"{self.code}.{self.variant}"


_UNNAMED, _NEIGHBOUR = "missing-hamlet", "hamlet-codes-of-file-name"

APART_VARIANTS: dict[tuple[str, str], ApartVariant] = {
    (row.code, row.variant): row
    for row in (
        # naming no hamlet (holding.unnamed_holding): households left off one hamlet's list
        # counted, told as a plain refusal (session 50's T18); held apart by its codes
        # (session 51): both may be the list of a hamlet that sent nothing, to name
        ApartVariant(_UNNAMED, "holds", apart=False),
        ApartVariant(_UNNAMED, "holds-held", apart=False),
        # ... an old copy of that list (session 51): no name to write, no cell to correct; to
        # that hamlet's head, who writes those not exited (session 53's review: was a plain
        # refusal, "hãy sửa các ô tô đỏ … và gửi lại", its words forbidding the one cell's fix)
        ApartVariant(_UNNAMED, "holds-copy", route="codes"),
        # ... its codes' hamlet's own list refused for its errors: written there (session 52)
        ApartVariant(_UNNAMED, "holds-refused", route="codes", write_here=True),
        # ... every household on its codes' hamlet's list counted (session 52's review)
        ApartVariant(_UNNAMED, "holds-listed", note="listed", route="codes"),
        # ... on its hamlets' lists counted, nearly all one's (session 52's review), or no
        # one's, to the head of the list holding most (session 52, RH; session 53)
        ApartVariant(
            _UNNAMED, "holds-listed-several", note="listed-several", note_of="", route="codes"
        ),
        ApartVariant(
            _UNNAMED, "holds-listed-mixed", note="listed-several", note_of="", route="codes"
        ),
        # ... two hamlets' households or more, each left off its own list (session 52, RH2):
        # to the head of the first its words name (session 54: was to no head)
        ApartVariant(_UNNAMED, "holds-several", note="several", note_of="", route="first"),
        # ... one hamlet's, every hamlet having its list: its head writes them (session 53);
        # held apart alike, the same (session 53)
        ApartVariant(_UNNAMED, "holds-all-sent", route="codes"),
        ApartVariant(_UNNAMED, "holds-held-all-sent", route="codes"),
        # naming a neighbour that sent its own list (holding._neighbour_held; session 51): held
        # apart, or sent beside its codes' hamlet's list counted, or all on it (session 52)
        ApartVariant(_NEIGHBOUR, "codes-held"),
        ApartVariant(_NEIGHBOUR, "codes-sent"),
        ApartVariant(_NEIGHBOUR, "codes-sent-listed", note="listed"),
        # ... its codes' hamlet's own list refused for its errors (session 51's review)
        ApartVariant(_NEIGHBOUR, "codes-refused", write_here=True),
        # ... households noted moved in to the neighbour named: its head writes them (session
        # 51's review), or all on its list already (session 52's review)
        ApartVariant(
            _NEIGHBOUR, "codes-moved", note_of="value", status_file="instead", route="named"
        ),
        ApartVariant(
            _NEIGHBOUR,
            "codes-listed",
            note="listed",
            note_of="quoted",
            status_file="instead",
            route="named",
        ),
    )
}


def apart_variant(issue: Issue) -> ApartVariant | None:
    """The row of :data:`APART_VARIANTS` of ``issue``, when it is told as a list apart (no cell
    to correct); None otherwise."""
    row = APART_VARIANTS.get((issue.code, issue.variant))
    return row if row is not None and row.apart else None
