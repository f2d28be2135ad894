"""Score text renderings of a filing against the filing's XML (issue #12).

A rendering is read with ``parsers.parse_file`` and compared field by field with the same
parser's reading of the XML it was made from (XML reading is exact). Each truth field is
**exact**, **empty** (None where the truth has a value: acceptable, the parser said it does not
know) or **wrong** (a different value, or a value where the truth has none: never acceptable).
Rows are lined up in order by a small dynamic programme on what they hold, so one missing or
extra row costs that row only; a rendering row with no truth row is a **phantom**.

Each truth field is also judged **shown** or not: whether the rendering text itself shows the
value correctly (``holdings.render_shown`` states the rule). A value the converter or the OCR
engine lost or misread is out of the parser's reach; issue #12's goal counts exactness among
shown values and allows **no wrong value among them**. A wrong value where the rendering does
not show the truth is **misread** (by the converter). A value where the truth has none
(invented) counts as wrong among shown: the rendering never shows an empty cell as a value.
Owners are paired by name in order (:func:`pair_names`), so one owner a rendering lost costs
that owner only.

Layout on disk (``scripts/render_corpus.py`` writes it, ``tests/fixtures/renderings`` keeps a
part of it): one folder per filing holding ``truth.xml`` and one file per converter named
``<converter>.<ext>``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from holdings.render_shown import Shown, shown_fields
from parsers import (
    DerivativeRow,
    Filing,
    Issuer,
    KnownNames,
    NonDerivativeRow,
    ParseError,
    parse_file,
)

TRUTH = "truth.xml"
SKIP = frozenset({TRUTH, "form.html", "form.pdf"})

ROW_FIELDS = (
    "security_title",
    "transaction_date",
    "deemed_execution_date",
    "code",
    "shares",
    "acquired_disposed",
    "price",
    "shares_owned_following",
    "ownership",
    "nature_of_ownership",
)
DERIVATIVE_FIELDS = (
    *ROW_FIELDS,
    "exercise_price",
    "date_exercisable",
    "expiration_date",
    "underlying_title",
    "underlying_shares",
)
BOX5_FIELDS = (
    "is_director",
    "is_ten_percent_owner",
    "is_officer",
    "is_other",
    "officer_title",
    "other_text",
)
"""Box 5, the owner's relationship to the issuer: scored in a table of its own."""
TEXT_FIELDS = frozenset(
    {
        "issuer.name",
        "owner.name",
        "security_title",
        "nature_of_ownership",
        "underlying_title",
        "officer_title",
        "other_text",
    }
)

_SPACE = re.compile(r"\s+")


def normalise(name: str, value: Any) -> Any:
    """What counts as the same value: text by words and case, numbers by Decimal value."""
    if value is None:
        return None
    if isinstance(value, str):
        text = _SPACE.sub(" ", value).strip()
        if not text:
            return None
        if name in TEXT_FIELDS:
            return text.casefold()
        return text.upper()
    if isinstance(value, Decimal):
        return value.normalize() if value else Decimal(0)
    return value


def show(value: Any) -> str:
    if value is None:
        return "None"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


# --------------------------------------------------------------------------- results


@dataclass
class Wrong:
    file: str
    converter: str
    field: str
    truth: str
    got: str
    line: int | None = None
    source_line: str | None = None
    shown: bool = True
    """Whether the rendering shows the truth value (False: the converter misread it)."""


@dataclass
class Tally:
    files: int = 0
    refused: int = 0
    bugs: int = 0
    fields: int = 0
    exact: int = 0
    empty: int = 0
    wrong: int = 0
    invented: int = 0
    """Wrong values where the truth has none (also counted in ``wrong``, not in ``fields``)."""
    missed_rows: int = 0
    phantom_rows: int = 0
    shown: int = 0
    """Truth fields the rendering shows correctly (``holdings.render_shown``)."""
    shown_exact: int = 0
    shown_empty: int = 0
    shown_wrong: int = 0
    """Wrong values among shown fields, invented values included: the goal is 0."""
    misread: int = 0
    """Wrong values where the rendering does not show the truth (the converter misread it)."""

    @property
    def exact_pct(self) -> float:
        return 100.0 * self.exact / self.fields if self.fields else 100.0

    @property
    def shown_exact_pct(self) -> float:
        return 100.0 * self.shown_exact / self.shown if self.shown else 100.0

    def add(self, other: Tally) -> None:
        for k in asdict(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "exact_pct": round(self.exact_pct, 3),
            "shown_exact_pct": round(self.shown_exact_pct, 3),
        }


@dataclass
class Score:
    file: str
    converter: str
    tally: Tally
    wrongs: list[Wrong] = field(default_factory=list)
    error: str | None = None
    box5: Tally = field(default_factory=Tally)
    """Box 5's fields, apart from ``tally`` (whose measures stay comparable with earlier runs)."""
    box5_wrongs: list[Wrong] = field(default_factory=list)
    empties: list[Wrong] = field(default_factory=list)
    """Fields the rendering shows correctly and the parser left empty (``got`` is ''), box 5's
    included: what stands between the parser and exactness, to look into."""


# --------------------------------------------------------------------------- comparison


def _signature(row: NonDerivativeRow | DerivativeRow) -> tuple[Any, ...]:
    return (
        normalise("security_title", row.security_title),
        row.transaction_date,
        normalise("code", row.code),
        normalise("shares", row.shares),
        normalise("shares_owned_following", row.shares_owned_following),
        normalise("price", row.price),
        getattr(row, "expiration_date", None),
        normalise("exercise_price", getattr(row, "exercise_price", None)),
        # a holding whose titles were left empty (a Form 3's Table II row) still pairs by what
        # it read: the amount underlying, the nature of its ownership
        normalise("underlying_shares", getattr(row, "underlying_shares", None)),
        normalise("nature_of_ownership", row.nature_of_ownership),
    )


def _likeness(a: tuple[Any, ...], b: tuple[Any, ...]) -> int:
    return sum(1 for x, y in zip(a, b, strict=True) if x is not None and x == y)


def align(
    truth: Sequence[NonDerivativeRow | DerivativeRow],
    got: Sequence[NonDerivativeRow | DerivativeRow],
) -> list[tuple[int | None, int | None]]:
    """Pairs (truth index, got index) in order, maximising how much paired rows agree; rows
    sharing nothing are never paired. Unpaired rows come back with None on the other side."""
    ts = [_signature(r) for r in truth]
    gs = [_signature(r) for r in got]
    n, m = len(ts), len(gs)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            like = _likeness(ts[i], gs[j])
            take = best[i + 1][j + 1] + like if like else -1
            best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        like = _likeness(ts[i], gs[j])
        if like and best[i][j] == best[i + 1][j + 1] + like:
            pairs.append((i, j))
            i += 1
            j += 1
        elif best[i][j] == best[i + 1][j]:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    pairs.extend((k, None) for k in range(i, n))
    pairs.extend((None, k) for k in range(j, m))
    return pairs


class _Scorer:
    def __init__(self, file: str, converter: str, lines: list[str]):
        self.score = Score(file, converter, Tally(files=1))
        self.lines = lines

    def field(
        self,
        name: str,
        truth: Any,
        got: Any,
        line: int | None = None,
        shown: bool = False,
        box5: bool = False,
    ) -> None:
        kind = name.rsplit(".", 1)[-1] if box5 else name
        t, g = normalise(kind, truth), normalise(kind, got)
        tally = self.score.box5 if box5 else self.score.tally
        wrongs = self.score.box5_wrongs if box5 else self.score.wrongs
        if t is None and g is None:
            return
        if t is not None:
            tally.fields += 1
            tally.shown += shown
            if g == t:
                tally.exact += 1
                tally.shown_exact += shown
                return
            if g is None:
                tally.empty += 1
                tally.shown_empty += shown
                if shown:
                    self._empty(name, truth, line)
                return
        else:
            tally.invented += 1
            shown = True
        tally.wrong += 1
        tally.shown_wrong += shown
        tally.misread += not shown
        wrongs.append(
            Wrong(self.score.file, self.score.converter, name, show(truth), show(got), line,
                  self._source(line), shown)
        )  # fmt: skip

    def empty_row(
        self,
        prefix: str,
        row: NonDerivativeRow | DerivativeRow,
        fields: Iterable[str],
        shown: set[str],
    ) -> None:
        for f in fields:
            if normalise(f, getattr(row, f)) is not None:
                self.score.tally.fields += 1
                self.score.tally.empty += 1
                self.score.tally.shown += f in shown
                self.score.tally.shown_empty += f in shown
                if f in shown:
                    self._empty(f"{prefix}[missed row].{f}", getattr(row, f), None)
        self.score.tally.missed_rows += 1

    def _empty(self, name: str, truth: Any, line: int | None) -> None:
        self.score.empties.append(
            Wrong(self.score.file, self.score.converter, name, show(truth), "", line,
                  self._source(line))
        )  # fmt: skip

    def rows(
        self,
        prefix: str,
        truth: Sequence[NonDerivativeRow | DerivativeRow],
        got: Sequence[NonDerivativeRow | DerivativeRow],
        fields: Sequence[str],
        shown: Sequence[set[str]],
    ) -> None:
        for ti, gi in align(truth, got):
            if ti is None:
                self.score.tally.phantom_rows += 1
                assert gi is not None
                g = got[gi]
                self.score.wrongs.append(
                    Wrong(self.score.file, self.score.converter, f"{prefix}[phantom row]", "None",
                          f"{show(g.security_title)} {show(g.transaction_date)} {show(g.code)} "
                          f"{show(g.shares)} -> {show(g.shares_owned_following)}", g.line,
                          self._source(g.line))
                )  # fmt: skip
            elif gi is None:
                self.empty_row(prefix, truth[ti], fields, shown[ti])
            else:
                t, g = truth[ti], got[gi]
                for f in fields:
                    self.field(
                        f"{prefix}.{f}", getattr(t, f), getattr(g, f), g.line, f in shown[ti]
                    )

    def _source(self, line: int | None) -> str | None:
        if line is not None and 0 < line <= len(self.lines):
            return self.lines[line - 1].strip()[:300]
        return None


def pair_names(
    truth: Sequence[str | None], got: Sequence[str | None]
) -> list[tuple[int | None, int | None]]:
    """Owners paired in order: equal names first (most of them, in order), then the others
    between them side by side; a name left over on one side pairs with nothing. So one owner
    a rendering lost costs that owner only, not every name after it."""
    t = [normalise("owner.name", x) for x in truth]
    g = [normalise("owner.name", x) for x in got]
    n, m = len(t), len(g)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            same = t[i] is not None and t[i] == g[j]
            best[i][j] = max(best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + 1 if same else 0)
    anchors: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if t[i] is not None and t[i] == g[j] and best[i][j] == best[i + 1][j + 1] + 1:
            anchors.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    pairs: list[tuple[int | None, int | None]] = []
    pi = pj = 0
    for ai, aj in [*anchors, (n, m)]:
        ts, gs = list(range(pi, ai)), list(range(pj, aj))
        for k in range(max(len(ts), len(gs))):
            pairs.append((ts[k] if k < len(ts) else None, gs[k] if k < len(gs) else None))
        if ai < n:
            pairs.append((ai, aj))
        pi, pj = ai + 1, aj + 1
    return pairs


def compare(truth: Filing, got: Filing | None, file: str, converter: str, text: str) -> Score:
    """Field-by-field score of one reading against the truth; ``got`` None means the parser
    refused the rendering, and every truth field counts as empty."""
    s = _Scorer(file, converter, text.splitlines())
    seen: Shown = shown_fields(truth, text)
    refused = got is None
    if got is None:
        got = Filing(
            form_type=truth.form_type, source=truth.source, issuer=Issuer(), reporting_owners=[]
        )
    fields = s.field
    head = seen.header
    fields("issuer.name", truth.issuer.name, got.issuer.name, None, "issuer.name" in head)
    fields("issuer.ticker", truth.issuer.ticker, got.issuer.ticker, None, "issuer.ticker" in head)
    t_names = [o.name for o in truth.reporting_owners]
    g_names = [o.name for o in got.reporting_owners]
    for ti, gi in pair_names(t_names, g_names):
        t_name = t_names[ti] if ti is not None else None
        g_name = g_names[gi] if gi is not None else None
        shown = ti is not None and ti < len(seen.owners) and seen.owners[ti]
        fields("owner.name", t_name, g_name, None, shown)
        if ti is None:
            continue  # an owner the truth lacks: its name is the wrong value
        t_owner = truth.reporting_owners[ti]
        g_owner = got.reporting_owners[gi] if gi is not None else None
        box = seen.relationships[ti] if ti < len(seen.relationships) else set()
        for f in BOX5_FIELDS:
            got_value = getattr(g_owner, f) if g_owner is not None else None
            fields(f"owner[{ti}].{f}", getattr(t_owner, f), got_value, None, f in box, True)
    fields(
        "period_of_report",
        truth.period_of_report,
        got.period_of_report,
        None,
        "period_of_report" in head,
    )
    form_type = None if refused else got.form_type  # a refusal reads no form type
    fields("form_type", truth.form_type, form_type, None, "form_type" in head)
    fields(
        "date_of_original_submission",
        truth.date_of_original_submission,
        got.date_of_original_submission,
        None,
        "date_of_original_submission" in head,
    )
    s.rows("table1", truth.non_derivative, got.non_derivative, ROW_FIELDS, seen.table1)
    s.rows("table2", truth.derivative, got.derivative, DERIVATIVE_FIELDS, seen.table2)
    return s.score


# --------------------------------------------------------------------------- files


@dataclass(frozen=True)
class Rendering:
    folder: Path
    path: Path

    @property
    def converter(self) -> str:
        return self.path.name.split(".", 1)[0]

    @property
    def filing(self) -> str:
        return self.folder.name


def find_renderings(
    roots: Iterable[Path],
    *,
    only: set[str] | None = None,
    exclude: set[str] | None = None,
    converters: set[str] | None = None,
) -> Iterator[Rendering]:
    """Every rendering under the roots: files beside a ``truth.xml``, other than it and the
    page and PDF they were made from. ``only``/``exclude`` name filings (folder names)."""
    for root in roots:
        for truth in sorted(root.rglob(TRUTH)):
            folder = truth.parent
            if only is not None and folder.name not in only:
                continue
            if exclude and folder.name in exclude:
                continue
            for p in sorted(folder.iterdir()):
                if p.name in SKIP or not p.is_file():
                    continue
                r = Rendering(folder, p)
                if converters is None or r.converter in converters:
                    yield r


def score_rendering(
    r: Rendering, truth_cache: dict[Path, Filing] | None = None, known: KnownNames | None = None
) -> Score:
    truth_path = r.folder / TRUTH
    truth = truth_cache.get(truth_path) if truth_cache is not None else None
    if truth is None:
        truth = parse_file(truth_path)
        if truth_cache is not None:
            truth_cache[truth_path] = truth
    text = r.path.read_text(encoding="utf-8", errors="replace")
    error = None
    bug = False
    try:
        got: Filing | None = parse_file(r.path, known=known)
    except ParseError as exc:  # includes ParserBug
        got = None
        error = str(exc)
        bug = type(exc).__name__ == "ParserBug"
    score = compare(truth, got, r.filing, r.converter, text)
    if got is None:
        score.tally.refused += 1
        score.tally.bugs += int(bug)
        score.error = error
    return score


@dataclass
class Report:
    by_converter: dict[str, Tally]
    wrongs: list[Wrong]
    errors: list[tuple[str, str, str]]  # file, converter, message
    box5_by_converter: dict[str, Tally] = field(default_factory=dict)
    box5_wrongs: list[Wrong] = field(default_factory=list)
    empties: list[Wrong] = field(default_factory=list)
    """Shown fields left empty (``Score.empties``), every converter's."""

    @property
    def box5_total(self) -> Tally:
        t = Tally()
        for v in self.box5_by_converter.values():
            t.add(v)
        return t

    @property
    def total(self) -> Tally:
        t = Tally()
        for v in self.by_converter.values():
            t.add(v)
        return t

    def to_dict(self) -> dict[str, Any]:
        return {
            "converters": {k: v.to_dict() for k, v in sorted(self.by_converter.items())},
            "total": self.total.to_dict(),
            "wrong": [asdict(w) for w in self.wrongs],
            "refused": [{"file": f, "converter": c, "error": e} for f, c, e in self.errors],
            "box5": {k: v.to_dict() for k, v in sorted(self.box5_by_converter.items())},
            "box5_total": self.box5_total.to_dict(),
            "box5_wrong": [asdict(w) for w in self.box5_wrongs],
            "wrong_kinds": [
                {"kind": k, "count": n, "example": asdict(ex)}
                for k, n, ex in wrong_kinds(self.wrongs)
            ],
        }


def known_issuers(folder: Path, skip: set[str]) -> dict[str, tuple[str | None, str | None]]:
    """(ticker, issuer name) of each XML filing in ``folder`` but those named in ``skip``,
    by file name: what a ledger holding those filings knows (``score_all``'s ``known``)."""
    found: dict[str, tuple[str | None, str | None]] = {}
    for p in sorted(folder.iterdir()):
        if p.name in skip or p.suffix.lower() not in (".xml", ".txt"):
            continue
        try:
            f = parse_file(p)
        except ParseError:
            continue
        if f.source.format == "xml":  # (an EDGAR .txt wraps its XML)
            found[p.name] = (f.issuer.ticker, f.issuer.name)
    return found


def score_all(
    renderings: Iterable[Rendering],
    known: dict[str, tuple[str | None, str | None]] | None = None,
) -> Report:
    """``known``: issuer names by filing (:func:`known_issuers`); each rendering is read
    knowing those of every other filing, never its own."""
    by_converter: dict[str, Tally] = defaultdict(Tally)
    box5: dict[str, Tally] = defaultdict(Tally)
    wrongs: list[Wrong] = []
    box5_wrongs: list[Wrong] = []
    empties: list[Wrong] = []
    errors: list[tuple[str, str, str]] = []
    cache: dict[Path, Filing] = {}
    names: dict[str, KnownNames] = {}  # (a filing's renderings know the same names)
    for r in renderings:
        if known is not None and r.filing not in names:
            names[r.filing] = KnownNames.of(v for k, v in known.items() if k != r.filing)
        s = score_rendering(r, cache, names.get(r.filing))
        by_converter[s.converter].add(s.tally)
        box5[s.converter].add(s.box5)
        wrongs.extend(s.wrongs)
        box5_wrongs.extend(s.box5_wrongs)
        empties.extend(s.empties)
        if s.error:
            errors.append((s.file, s.converter, s.error))
    return Report(dict(by_converter), wrongs, errors, dict(box5), box5_wrongs, empties)


# --------------------------------------------------------------------------- kinds of wrong

_DIGITS = re.compile(r"\D")


def _shape(w: Wrong) -> str:
    """A rough name for how a wrong value differs from the truth."""
    if w.field.endswith("[phantom row]"):
        return "phantom row"
    if w.truth == "None":
        return "value where the form has none"
    base = w.field.rsplit(".", 1)[-1]
    t, g = w.truth, w.got
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", g):
            return "another date"
        return "not a date"
    try:
        td: Decimal | None = Decimal(t)
        gd: Decimal | None = Decimal(g)
    except ArithmeticError:
        td = gd = None
    if td is not None and gd is not None:
        tdig, gdig = _DIGITS.sub("", t).lstrip("0"), _DIGITS.sub("", g).lstrip("0")
        if gd and td and (td / gd) in (Decimal(10), Decimal(100), Decimal(1000)):
            return "number scaled down (decimal point or digits lost)"
        if gd and td and (gd / td) in (Decimal(10), Decimal(100), Decimal(1000)):
            return "number scaled up"
        if gdig and gdig in tdig:
            return "number cut (digits dropped)"
        if tdig and tdig in gdig:
            return "number with digits added (cells merged)"
        if len(tdig) == len(gdig):
            return "number with a digit misread"
        return "another number"
    tc, gc = t.casefold(), g.casefold()
    if base in ("code", "acquired_disposed", "ownership") or len(t) <= 2:
        return f"another letter ({t}->{g})"
    if sorted(gc.split()) == sorted(tc.split()):
        return "words in another order"
    if re.sub(r"[^a-z0-9]", "", gc) == re.sub(r"[^a-z0-9]", "", tc):
        return "same words, stray punctuation or separators inside"
    if gc and gc in tc:
        return "text cut"
    if tc in gc:
        extra = gc.replace(tc, " ").strip()
        if not re.search(r"[a-z]", extra):
            return "text with a marker, digits or OCR debris glued on"
        return "text with words added"
    return "other text"


def kind_of(w: Wrong) -> str:
    if w.field.endswith("[phantom row]"):
        return f"{w.field.removesuffix('[phantom row]')}: phantom row"
    table, _, name = (
        w.field.partition(".") if w.field.startswith("table") else ("header", "", w.field)
    )
    return f"{table} {name}: {_shape(w)}"


def empty_field(w: Wrong) -> str:
    """The field a shown value was left empty in, without its owner's index or row:
    ``table1 nature_of_ownership``, ``owner officer_title``, ``header issuer.name``."""
    name = re.sub(r"\[\d+\]", "", w.field)
    if name.startswith("table"):
        table, _, rest = name.partition(".")
        return f"{table.replace('[missed row]', ' (missed row)')} {rest}"
    return f"owner {name.partition('.')[2]}" if name.startswith("owner.") else f"header {name}"


def empty_counts(empties: Sequence[Wrong]) -> list[tuple[str, int]]:
    """Shown fields left empty, counted by field, most first."""
    return Counter(empty_field(w) for w in empties).most_common()


def wrong_kinds(wrongs: Sequence[Wrong], top: int | None = None) -> list[tuple[str, int, Wrong]]:
    counts: Counter[str] = Counter()
    example: dict[str, Wrong] = {}
    for w in wrongs:
        k = kind_of(w)
        counts[k] += 1
        example.setdefault(k, w)
    return [(k, n, example[k]) for k, n in counts.most_common(top)]


@dataclass(frozen=True)
class _Column:
    head: str
    """The plain table's caption (``s.exact%``)."""
    markdown: str
    """The markdown table's caption (``exact % of shown``)."""
    width: int
    value: Callable[[Tally], float]
    percent: bool = False


def _col(head: str, markdown: str, width: int, attr: str) -> _Column:
    return _Column(head, markdown, width, lambda t: getattr(t, attr), attr.endswith("_pct"))


_SHOWN_COLUMNS = (
    _col("shown", "shown", 6, "shown"),
    _col("s.exact", "exact of shown", 7, "shown_exact"),
    _col("s.exact%", "exact % of shown", 8, "shown_exact_pct"),
    _col("s.empty", "empty of shown", 7, "shown_empty"),
    _col("s.wrong", "wrong of shown", 7, "shown_wrong"),
    _col("misread", "misread by converter", 7, "misread"),
)
FIELD_COLUMNS = (
    _col("files", "files", 5, "files"),
    _col("refused", "refused", 7, "refused"),
    _col("fields", "fields", 7, "fields"),
    _col("exact", "exact", 7, "exact"),
    _col("exact%", "exact %", 7, "exact_pct"),
    _col("empty", "empty", 6, "empty"),
    _col("wrong", "wrong", 6, "wrong"),
    _col("invented", "of which invented", 8, "invented"),
    _col("missed", "missed rows", 6, "missed_rows"),
    _col("phantom", "phantom rows", 7, "phantom_rows"),
    *_SHOWN_COLUMNS,
)
"""The first table's columns: every truth field, then the fields the rendering shows correctly
(exact, exact % of shown, empty, wrong of shown) and the converter's misreads."""
BOX5_COLUMNS = (
    _col("fields", "box 5 fields", 7, "fields"),
    _col("exact", "exact", 7, "exact"),
    _col("exact%", "exact %", 7, "exact_pct"),
    _col("empty", "empty", 6, "empty"),
    _col("wrong", "wrong", 6, "wrong"),
    *_SHOWN_COLUMNS,
)
"""Box 5's table (ticks and the written title): ``holdings.render_shown`` rule 7."""


def _plain(title: str, tallies: dict[str, Tally], total: Tally, columns: Sequence[_Column]) -> str:
    head = f"{title:<20} " + " ".join(f"{c.head:>{c.width}}" for c in columns)
    lines = [head, "-" * len(head)]
    for name, t in [*sorted(tallies.items()), ("TOTAL", total)]:
        cells = (
            f"{c.value(t):>{c.width - 1}.2f}%" if c.percent else f"{c.value(t):>{c.width}}"
            for c in columns
        )
        lines.append(f"{name:<20} " + " ".join(cells))
    return "\n".join(lines)


def _markdown(tallies: dict[str, Tally], total: Tally, columns: Sequence[_Column]) -> str:
    lines = [
        "| converter | " + " | ".join(c.markdown for c in columns) + " |",
        "|---|" + "--:|" * len(columns),
    ]
    for name, t in [*sorted(tallies.items()), ("**total**", total)]:
        cells = (f"{c.value(t):.2f}" if c.percent else f"{c.value(t)}" for c in columns)
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def table(report: Report) -> str:
    return _plain("converter", report.by_converter, report.total, FIELD_COLUMNS)


def markdown_table(report: Report) -> str:
    return _markdown(report.by_converter, report.total, FIELD_COLUMNS)


def box5_table(report: Report) -> str:
    return _plain("box 5", report.box5_by_converter, report.box5_total, BOX5_COLUMNS)


def box5_markdown_table(report: Report) -> str:
    return _markdown(report.box5_by_converter, report.box5_total, BOX5_COLUMNS)


def markdown_kinds(report: Report, top: int = 30, shown_only: bool = True) -> str:
    """The most common kinds of wrong value (among shown values unless ``shown_only`` is off)."""

    def cell(text: str | None) -> str:
        text = (text or "").replace("|", "\\|").replace("`", "'")
        return f"`{text[:90]}`" if text else ""

    lines = [
        "| # | count | kind | converters | example (converter, file:line, field) | truth | got "
        "| source line |",
        "|--:|--:|---|---|---|---|---|---|",
    ]
    wrongs = [w for w in report.wrongs if w.shown or not shown_only]
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for w in wrongs:
        by_kind[kind_of(w)][w.converter] += 1
    for i, (kind, n, ex) in enumerate(wrong_kinds(wrongs, top), 1):
        convs = ", ".join(f"{c} {k}" for c, k in by_kind[kind].most_common())
        where = f"{ex.file}:{ex.line}" if ex.line else ex.file
        lines.append(
            f"| {i} | {n} | {kind} | {convs} | {ex.converter}, {where}, {ex.field} | "
            f"{cell(ex.truth)} | {cell(ex.got)} | {cell(ex.source_line)} |"
        )
    return "\n".join(lines)


def read_names(path: Path) -> set[str]:
    """File names listed one a line (``#`` comments and blank lines ignored)."""
    return {
        ln.strip()
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.lstrip().startswith("#")
    }
