"""A table row while it is being read: its values, where each came from, and its notes.

Every step of :mod:`parsers.text.tables` works on drafts; a draft becomes the model's row
values only at the end (:func:`to_model_values`), so a step can leave a value empty and say why
without ever building a half-valid model.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from parsers.text.columns import TEXT_FIELDS
from parsers.text.word_breaks import Cut
from parsers.text.wraps import Undecided


@dataclass(slots=True)
class Draft:
    """A table row as read, before it becomes a model row."""

    line: int
    values: dict[str, object] = field(default_factory=dict)
    footnotes: dict[str, list[str]] = field(default_factory=dict)
    notes: list[tuple[str | None, str]] = field(default_factory=list)
    """(field or None, message); the table-and-index prefix is added by the caller."""
    repaired: bool = False
    above: int = 0
    """Wrapped text lines read as this row's, above its values."""
    title_raw: str | None = None
    """The title cell's text on the value line itself, as written (markers included)."""
    text: str = ""
    """The value line as written."""
    where: dict[str, int] = field(default_factory=dict)
    """Position (cell index, or character column in space-aligned text) of each field read,
    so that a wrapped line's words go to the text column they sit under."""
    plain: bool = False
    """The value line is a plain run of words: its tokens carry no column."""
    after_caption: bool = False
    """The line came right after the column captions, before any other row."""
    torn_caption: bool = False
    """A scan's line of torn captions read as values (``C   5   4)``, ``Aor) 2   c25``)."""
    set_aside: dict[str, object] = field(default_factory=dict)
    """An amount or price (and the amount's side) :func:`check_row` left empty in a line with
    no date or code: the row's own, should the line prove the rest of the row above it."""
    closed: set[str] = field(default_factory=set)
    """Text cells whose text on the value line ends in a footnote marker: markers follow a
    cell's last word, so no wrapped line continues them."""
    blurred: set[str] = field(default_factory=set)
    """Text cells left empty because wrapped words could not be told apart between them."""
    undecided: Undecided | None = None
    """Wrapped plain lines that left ``blurred`` cells empty, kept for
    :func:`parsers.text.wraps.settle` to cut once every row is read."""
    centres: dict[str, float] = field(default_factory=dict)
    """In layout text, the character column each value field's token is centred on."""
    cuts: list[Cut] = field(default_factory=list)
    """Text cells' words from pipe cells side by side that a converter's border may have cut
    (``Stoc|k``): read once the whole text is known (:mod:`parsers.text.word_breaks`)."""
    window: dict[str, float] = field(default_factory=dict)
    """In a scan, the character column (centre) of each exercise-window date the row itself
    places for sure (a marker cell beside it, or both dates); ``"?"``: a lone date it does not
    place, left empty for :func:`_window_by_rows` to place by the other rows' columns."""
    lone_date: Any = None
    """That lone date's value."""
    window_by_caption: bool = False
    """A markdown row's lone window date placed by the caption its cell stands under, in the
    table of captions above (:func:`parsers.text.captions.window_cells`)."""
    code_unsure: bool = False
    """Two letters stood for the row's code and the text does not say which: a transaction
    with its code left empty."""
    date_unread: bool = False
    """The row's transaction date stood in the text but could not be read: a transaction with
    its date left empty, not a holding."""
    left_out: list[tuple[str, tuple[str | None, str]]] = field(default_factory=list)
    """Readable values no column took where they stood (the row may be shifted), or that stood
    in the cell of a value read and were not read with it, as written, each with the note that
    says so: what a value read beside them may have been read in place of, or part of."""

    short_years: dict[str, str] = field(default_factory=dict)
    """Date cells read from a date with a two-digit year, each with its text (``3/2/78``): the
    form prints four, so a scan's may be an amount misread (``372,778``)."""

    def leave_empty(self, f: str, message: str) -> None:
        """Empty text or value cell ``f`` with a doubt: the text does not say its value for
        sure. Blurred, so words nearest it below go with it rather than to a neighbour."""
        self.values[f] = None
        self.blurred.add(f)
        self.notes.append((f, message))


_make = Draft.__new__


def new_draft(line: int, plain: bool) -> Draft:
    """``Draft(line, plain=plain)`` with its slots set one by one: the dataclass's ``__init__``
    calls a factory for each of its ten containers, and a draft is made for every data row (a
    test pins that both make the same draft: a field added to the class is added here)."""
    d: Draft = _make(Draft)
    d.line = line
    d.values = {}
    d.footnotes = {}
    d.notes = []
    d.repaired = False
    d.above = 0
    d.title_raw = None
    d.text = ""
    d.where = {}
    d.plain = plain
    d.after_caption = False
    d.torn_caption = False
    d.set_aside = {}
    d.closed = set()
    d.blurred = set()
    d.undecided = None
    d.centres = {}
    d.cuts = []
    d.window = {}
    d.lone_date = None
    d.window_by_caption = False
    d.code_unsure = False
    d.date_unread = False
    d.left_out = []
    d.short_years = {}
    return d


def add_refs(draft: Draft, f: str, refs: Iterable[str]) -> None:
    """Footnote ids added to field ``f``'s, each once, in order (no entry where none)."""
    for ref in refs:
        ids = draft.footnotes.setdefault(f, [])
        if ref not in ids:
            ids.append(ref)


def mark_ids(marks: Iterable[str]) -> list[str]:
    """Footnote markers as the ids a filing's notes carry (``1`` -> ``F1``)."""
    return [f"F{int(mark)}" for mark in marks]


_MODEL_TYPES = (Decimal, dt.date, str, bool)  # a tuple: isinstance of a union is slower


# A word broken after its hyphen where a cell wrapped (``Non-`` / ``Qualified``) comes back
# with the line break as a space; a hyphen written with a space after it has one before too.
_WRAPPED_HYPHEN = re.compile(r"(?<=[A-Za-z])- (?=[A-Za-z])")


def to_model_values(draft: Draft) -> dict[str, object]:
    """Model-ready keyword arguments for a row."""
    v = dict(draft.values)
    v["kind"] = (
        "holding"
        if v.get("transaction_date") is None
        and v.get("code") is None
        and not (draft.code_unsure or draft.date_unread)
        else "transaction"
    )
    for k, val in list(v.items()):
        if isinstance(val, str) and "- " in val and k in TEXT_FIELDS:
            v[k] = _WRAPPED_HYPHEN.sub("-", val)
        if val is None or isinstance(val, _MODEL_TYPES):
            continue
        v[k] = None
    v["footnotes"] = draft.footnotes
    v["line"] = draft.line
    return v
