"""What the Python API returns: typed, iterable results that know how to show themselves.

Each result iterates over the projection's own rows (``Holding``, ``ReplayRow``,
``Discrepancy``, ...), so nothing is converted until asked. ``to_arrow()`` and ``to_pandas()``
go through the table definitions in ``holdings.arrow`` (the same ones ``holdings export``
writes): figures arrive as exact decimals (pandas' Arrow decimal dtype, numeric), dates as
dates. ``repr`` is a short text table for a terminal or a doctest, ``_repr_html_`` the same as
HTML for a notebook. pyarrow and pandas are imported only when a table is asked for, so the
command line does not pay for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from holdings.ingest import COUNTS, IngestSummary
from holdings.output import group
from projections.audit import AuditReport, Discrepancy, InputNote, LateFiling
from projections.people import Person
from projections.replay import ReplayRow
from projections.snapshot import Holding

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from holdings.arrow import LoggedEvent, Table
    from holdings.fetch import FetchSummary
    from ledger.store import EventStore

T = TypeVar("T")

SHOWN = 10
"""Rows a repr shows before it says how many more there are."""


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, ",f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else ""
    return str(value)


Display = Sequence[tuple[str, Callable[[Any], object]]]


class Rows(Generic[T]):
    """A result that is a list of rows of one type."""

    kind = "rows"
    one = "row"
    display: Display = ()

    @property
    def name(self) -> str:
        return type(self).__name__

    def __init__(self, rows: Sequence[T]) -> None:
        self._rows = list(rows)

    def __iter__(self) -> Iterator[T]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        return self._rows[index]

    def __bool__(self) -> bool:
        return bool(self._rows)

    @property
    def title(self) -> str:
        return plural(len(self), self.one, self.kind)

    def _arrow_table(self) -> Table[Any]:
        raise NotImplementedError

    def _arrow_rows(self) -> Sequence[Any]:
        return self._rows

    def to_arrow(self) -> pa.Table:
        """The rows as a ``pyarrow.Table`` (exact decimals, dates as ``date32``)."""
        return self._arrow_table().table(self._arrow_rows())

    def to_pandas(self) -> pd.DataFrame:
        """The rows as a DataFrame with Arrow-backed columns: share counts and prices are
        ``decimal128(18, 6)[pyarrow]`` (exact, and numeric: sums, products and comparisons
        work),
        dates ``date32[pyarrow]`` holding ``datetime.date`` values."""
        import pandas as pd

        return self.to_arrow().to_pandas(types_mapper=pd.ArrowDtype)

    # --- display ----------------------------------------------------------------------

    def _cells(self) -> tuple[list[str], list[list[str]]]:
        heads = [h for h, _ in self.display]
        body = [[_fmt(get(r)) for _, get in self.display] for r in self._rows[:SHOWN]]
        return heads, body

    def _more(self) -> str:
        extra = len(self) - SHOWN
        return f"... {extra} more" if extra > 0 else ""

    def __repr__(self) -> str:
        heads, body = self._cells()
        lines = [f"<{self.name}: {self.title}>"]
        if body:
            widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(heads)]
            lines.append("  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True)).rstrip())
            for r in body:
                cells = zip(r, widths, self.display, strict=True)
                lines.append(
                    "  ".join(
                        c.rjust(w) if _numeric(spec[1], self._rows) else c.ljust(w)
                        for c, w, spec in cells
                    ).rstrip()
                )
        if more := self._more():
            lines.append(more)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        heads, body = self._cells()
        numeric = [_numeric(get, self._rows) for _, get in self.display]
        th = "".join(f"<th>{escape(h)}</th>" for h in heads)
        rows = "".join(
            "<tr>"
            + "".join(
                f'<td style="text-align:{"right" if n else "left"}">{escape(c)}</td>'
                for c, n in zip(r, numeric, strict=True)
            )
            + "</tr>"
            for r in body
        )
        more = f"<p>{escape(self._more())}</p>" if self._more() else ""
        return (
            f"<div><p><b>{escape(self.name)}</b>: {escape(self.title)}</p>"
            f"<table><thead><tr>{th}</tr></thead><tbody>{rows}</tbody></table>{more}</div>"
        )


def _numeric(get: Callable[[Any], object], rows: Sequence[Any]) -> bool:
    for r in rows[:SHOWN]:
        v = get(r)
        if v is not None:
            return isinstance(v, Decimal | int) and not isinstance(v, bool)
    return False


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 event``, ``2 events``; ``1 person``, ``5 people``."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _person(name: str | None, key: str) -> str:
    return name or key


class Snapshot(Rows[Holding]):
    """Positions as of the end of a date (``Holding`` rows)."""

    kind = "positions"
    one = "position"
    display: Display = (
        ("person", lambda h: _person(h.person_name, h.person_key)),
        ("issuer", lambda h: h.issuer_key),
        ("kind", lambda h: h.kind),
        ("security", lambda h: h.security),
        ("balance", lambda h: h.balance),
        ("reported", lambda h: h.reported_balance),
        ("last date", lambda h: h.last_date),
    )

    def __init__(self, rows: Sequence[Holding], as_of: dt.date, known_at: dt.date | None) -> None:
        super().__init__(rows)
        self.as_of = as_of
        self.known_at = known_at

    @property
    def title(self) -> str:
        known = f", known at {self.known_at}" if self.known_at else ""
        people = len({h.person_key for h in self})
        return (
            f"{plural(len(self), 'position')} of {plural(people, 'person', 'people')} "
            f"as of {self.as_of}{known}"
        )

    def _arrow_table(self) -> Table[Any]:
        from holdings.arrow import POSITIONS

        return POSITIONS

    def _arrow_rows(self) -> Sequence[Any]:
        return [(h, self.as_of, self.known_at) for h in self]


class Replay(Rows[ReplayRow]):
    """A person's events in order, each beside the running balance (``ReplayRow`` rows)."""

    kind = "events"
    one = "event"
    display: Display = (
        ("date", lambda r: r.event.effective_date),
        ("type", lambda r: r.event.event_type),
        ("code", lambda r: r.event.code),
        ("position", lambda r: r.label),
        ("quantity", lambda r: r.event.quantity),
        ("price", lambda r: r.event.price),
        ("running", lambda r: r.running),
        ("reported", lambda r: r.reported),
        ("check", lambda r: replay_check(r)),
    )

    def __init__(self, rows: Sequence[ReplayRow], person: str) -> None:
        super().__init__(rows)
        self.person = person

    @property
    def title(self) -> str:
        bad = sum(1 for r in self if not r.ok)
        return (
            f"{plural(len(self), 'event')} of {self.person}, {bad:,} not matching the reported "
            "balance"
        )

    def _arrow_table(self) -> Table[Any]:
        from holdings.arrow import REPLAY

        return REPLAY


def replay_check(r: ReplayRow, grouped: bool = False) -> str:
    """What the check column of a replay says about a row (``ReplayRow.check``: superseded,
    a gap with the figure the ledger expected, a mismatch, an inferred opening), and a doubt
    the parser had on it last. ``grouped`` writes the figures with thousands separators (for
    a table; never for CSV or JSON)."""
    check = r.check
    if grouped and not r.superseded:
        if r.gap:
            check = f"GAP: expected {group(r.expected)}"
        elif check.startswith("opening "):
            check = f"opening {group(r.before)} inferred"
    doubted = ", ".join(n.field or "row" for n in r.event.doubts)
    return f"{check} DOUBT {doubted}".strip() if doubted else check


class Discrepancies(Rows[Discrepancy]):
    kind = "discrepancies"
    one = "discrepancy"
    display: Display = (
        ("person", lambda d: _person(d.person_name, d.person_key)),
        ("issuer", lambda d: d.issuer_key),
        ("position", lambda d: d.label),
        ("date", lambda d: d.date),
        ("expected", lambda d: d.expected),
        ("reported", lambda d: d.reported),
        ("difference", lambda d: d.difference),
        ("status", lambda d: d.status),
        ("cause", lambda d: d.cause),
    )

    def _arrow_table(self) -> Table[Any]:
        from holdings.arrow import DISCREPANCIES

        return DISCREPANCIES


class LateFilings(Rows[LateFiling]):
    kind = "late filings"
    one = "late filing"
    display: Display = (
        ("person", lambda x: _person(x.person_name, x.person_key)),
        ("issuer", lambda x: x.issuer_key),
        ("transaction", lambda x: x.transaction_date),
        ("deadline", lambda x: x.deadline),
        ("filed", lambda x: x.filed_date),
        ("days late", lambda x: x.business_days_late),
    )

    def _arrow_table(self) -> Table[Any]:
        from holdings.arrow import LATE_FILINGS

        return LATE_FILINGS


class InputNotes(Rows[InputNote]):
    kind = "input notes"
    one = "input note"
    display: Display = (
        ("cause", lambda n: n.cause),
        ("person", lambda n: _person(n.person_name, n.person_key)),
        ("issuer", lambda n: n.issuer_key),
        ("field", lambda n: n.field),
        ("message", lambda n: n.message),
    )

    def _arrow_table(self) -> Table[Any]:
        from holdings.arrow import INPUT_NOTES

        return INPUT_NOTES


class Audit(Discrepancies):
    """The audit: iterates over the balance discrepancies (``to_pandas`` gives them too);
    ``late_filings`` and ``input_notes`` (what the parser doubted or repaired) are results of
    their own. ``clean`` is what the CLI's exit code says."""

    def __init__(self, report: AuditReport) -> None:
        super().__init__(report.discrepancies)
        self.report = report
        self.discrepancies = Discrepancies(report.discrepancies)
        self.late_filings = LateFilings(report.late_filings)
        self.input_notes = InputNotes(report.input_notes)
        self.checks = report.checks
        self.inferred_openings = report.inferred_openings

    @property
    def failing(self) -> list[Discrepancy]:
        return self.report.failing

    @property
    def doubtful(self) -> list[InputNote]:
        return self.report.doubtful

    @property
    def clean(self) -> bool:
        return self.report.clean

    @property
    def title(self) -> str:
        r = self.report
        return audit_title(
            r.checks,
            r.inferred_openings,
            len(r.failing),
            len(r.discrepancies),
            len(r.late_filings),
            len(r.doubtful),
            len(r.details),
            len(r.input_notes),
        )


def audit_title(
    checks: int,
    inferred: int,
    failing: int,
    discrepancies: int,
    late: int,
    doubtful: int,
    details: int,
    input_notes: int,
) -> str:
    """The audit's one-line summary (of a result in memory, or of ``AuditStream``'s counts)."""
    repaired = input_notes - doubtful - details
    return (
        f"{checks} reported balances checked, {inferred} opening "
        f"balances inferred: {failing} discrepancies, "
        f"{discrepancies - failing} explained, "
        f"{late} late filings"
        + (f", {doubtful} doubtful inputs" if doubtful else "")
        + (f", {details} doubted details" if details else "")
        + (f", {repaired} repaired inputs" if repaired else "")
    )


class People(Rows[Person]):
    kind = "people"
    one = "person"
    display: Display = (
        ("person", lambda p: p.name),
        ("key", lambda p: p.key),
        ("linked keys", lambda p: " ".join(k for k in p.keys if k != p.key)),
        ("issuers", lambda p: " ".join(p.issuers)),
    )

    def _arrow_table(self) -> Table[Any]:
        from holdings.arrow import PEOPLE

        return PEOPLE


class Events:
    """The log, read lazily in log order: iterating streams it (a server-side cursor on
    PostgreSQL), so a ledger of millions of events is never held whole unless ``to_pandas``
    is asked for."""

    display: Display = (
        ("seq", lambda r: r.seq),
        ("date", lambda r: r.event.effective_date),
        ("person", lambda r: _person(r.event.person_name, r.event.person_key)),
        ("issuer", lambda r: r.event.issuer_key),
        ("type", lambda r: r.event.event_type),
        ("security", lambda r: r.event.security.label),
        ("quantity", lambda r: r.event.quantity),
        ("price", lambda r: r.event.price),
        ("reported", lambda r: r.event.shares_owned_following),
    )

    def __init__(self, store: EventStore, filters: dict[str, Any]) -> None:
        self._store = store
        self._filters = filters

    def __iter__(self) -> Iterator[LoggedEvent]:
        from holdings.arrow import iter_logged

        return iter(iter_logged(self._store, **self._filters))

    def __len__(self) -> int:
        return self._store.count_events(**self._filters)

    def batches(self, size: int = 10_000) -> Iterator[pa.RecordBatch]:
        """Arrow record batches of ``size`` events: the way to read a big log piecewise."""
        from holdings.arrow import EVENTS

        yield from EVENTS.batches(iter(self), size)

    def to_arrow(self) -> pa.Table:
        import pyarrow as pa

        from holdings.arrow import EVENTS

        return pa.Table.from_batches(list(self.batches()), schema=EVENTS.schema)

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        return self.to_arrow().to_pandas(types_mapper=pd.ArrowDtype)

    def _head(self) -> Rows[LoggedEvent]:
        head: list[LoggedEvent] = []
        for r in self:
            head.append(r)
            if len(head) >= SHOWN:
                break
        total = len(self)
        shown = _Shown(head, self.display, "Events", plural(total, "event"))
        shown.hidden = max(0, total - len(head))
        return shown

    def __repr__(self) -> str:
        return repr(self._head())

    def _repr_html_(self) -> str:
        return self._head()._repr_html_()


class _Shown(Rows[Any]):
    """The first rows of a longer result, for display."""

    def __init__(self, rows: Sequence[Any], display: Display, name: str, title: str) -> None:
        super().__init__(rows)
        self.display = display
        self._name = name
        self._title = title
        self.hidden = 0

    @property
    def name(self) -> str:
        return self._name

    @property
    def title(self) -> str:
        return self._title

    def _more(self) -> str:
        return f"... {self.hidden} more" if self.hidden else ""


@dataclass
class IngestResult:
    """What an ingest did: filings seen, appended, already present, quarantined (with the
    reasons in ``errors``)."""

    filings: int = 0
    appended_filings: int = 0
    events_appended: int = 0
    already_present: int = 0
    quarantined: int = 0
    with_doubts: int = 0
    doubted: list[str] = field(default_factory=list)
    """One line per filing read with doubts (appended, or quarantined under ``strict``)."""
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the ingest decided that a reader should know: renderings of a filing already in
    as XML, XML replacing a rendering, people linked, data set tables missing."""

    @classmethod
    def of(cls, summary: IngestSummary) -> IngestResult:
        return cls(
            **summary.as_dict(),
            doubted=list(summary.doubted),
            errors=list(summary.errors),
            notes=list(summary.notes),
        )

    @property
    def ok(self) -> bool:
        """Everything went in (what the CLI's exit code 0 says)."""
        return not self.quarantined and not self.conflicts

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in COUNTS}

    def __iter__(self) -> Iterator[str]:
        """The reasons, one line per file that did not go in."""
        return iter(self.errors)

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([self.as_dict()])

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={v}" for k, v in self.as_dict().items())
        return f"IngestResult({counts})"

    def _repr_html_(self) -> str:
        cells = "".join(
            f"<tr><th>{escape(k.replace('_', ' '))}</th><td>{v:,}</td></tr>"
            for k, v in self.as_dict().items()
        )
        errors = "".join(f"<li>{escape(e)}</li>" for e in self.errors)
        return f"<table>{cells}</table>" + (f"<ul>{errors}</ul>" if errors else "")


@dataclass(repr=False)
class FetchResult(IngestResult):
    """What a fetch did: the filings EDGAR listed (of the forms and window asked for), those
    already in the ledger (nothing asked for), read from the cache, downloaded, and failed
    (``failures``: URL and reason, each quarantined), the requests made; then what their
    ingest did, as an ``IngestResult``."""

    listed: int = 0
    in_ledger: int = 0
    cached: int = 0
    fetched: int = 0
    failed: int = 0
    requests: int = 0
    failures: list[str] = field(default_factory=list)

    @classmethod
    def of_fetch(cls, summary: FetchSummary) -> FetchResult:
        ingest = IngestResult.of(summary.ingest)
        c = summary.counts
        return cls(
            **{k: getattr(ingest, k) for k in IngestResult.__dataclass_fields__},
            listed=c.listed,
            in_ledger=c.in_ledger,
            cached=c.cached,
            fetched=c.fetched,
            failed=c.failed,
            requests=summary.requests,
            failures=list(summary.failures),
        )

    @property
    def ok(self) -> bool:
        """Everything listed is in the ledger (what the CLI's exit code 0 says)."""
        return not self.failed and super().ok

    def as_dict(self) -> dict[str, int]:
        return {
            "listed": self.listed,
            "in_ledger": self.in_ledger,
            "cached": self.cached,
            "fetched": self.fetched,
            "failed": self.failed,
            "requests": self.requests,
            **super().as_dict(),
        }

    def __iter__(self) -> Iterator[str]:
        """The reasons, one line per filing that did not go in (download or ingest)."""
        return iter([*self.failures, *self.errors])

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={v}" for k, v in self.as_dict().items())
        return f"FetchResult({counts})"


@dataclass(frozen=True)
class ExportResult:
    """The Parquet files an export wrote, with their row counts."""

    directory: Any
    files: dict[str, int]
    as_of: dt.date

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return iter(self.files.items())

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([{"file": name, "rows": rows} for name, rows in self.files.items()])

    def __repr__(self) -> str:
        files = ", ".join(f"{name} ({rows} rows)" for name, rows in self.files.items())
        return f"<ExportResult: {self.directory}: {files}; positions as of {self.as_of}>"
