"""The ``holdings`` command line: one command per capability, the same options everywhere.

Every command takes ``--db`` (or ``HOLDINGS_DB``; default ``./holdings.db``) and, where it prints
results, ``--format table|json|csv``. Errors are one line on stderr; ``--debug`` shows the
traceback. Exit codes: 0 fine, 1 findings or failures (a CI gate), 2 usage or environment
errors (a database that cannot be opened or written, a file that is not a ledger).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from holdings import __version__
from holdings.output import Format, emit, emit_stream, say, stderr_console, write_json_list

if TYPE_CHECKING:
    from rich.console import Console

    from holdings.api import Ledger
    from holdings.results import IngestResult
    from ledger.store import EventStore
    from projections.audit import AuditStream

app = typer.Typer(
    name="holdings",
    help="SEC Form 4 filings as an event-sourced ledger of insider holdings.\n\n"
    "Typical run: [bold]holdings ingest ../shared/seeds[/bold], then "
    "[bold]holdings audit[/bold] and [bold]holdings snapshot --as-of 2025-02-15[/bold].",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    add_completion=True,
)

_state = {"debug": False}

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="HOLDINGS_DB",
        help="Database: a SQLite path or URL (default ./holdings.db), or a PostgreSQL URL such "
        "as postgresql://user@127.0.0.1:5432/db. Example: --db ledger.db",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="Output: a readable table, or json / csv for machines. Example: -f csv > out.csv",
        case_sensitive=False,
    ),
]
PERSON_HELP = (
    "Only this person: a name in any word order, a CIK or a key. Example: -p 'Bruce Posey'"
)
IssuerOption = Annotated[
    str | None,
    typer.Option(
        "--issuer", "-i", help="Only this issuer: its ticker or cik:NNNN. Example: --issuer QLYS"
    ),
]
PersonArgument = Annotated[
    str | None, typer.Argument(help="A name (any word order), CIK or person key.")
]
KeyOption = Annotated[
    str | None,
    typer.Option(
        "--key",
        "-k",
        help="Exactly the person with this key (see `holdings people`), e.g. to pick one of "
        "several people a name matches. Example: --key cik:0001214156",
    ),
]
AllMatchesOption = Annotated[
    bool,
    typer.Option(
        "--all-matches",
        help="Take every person the name matches (tables then say whose each row is).",
    ),
]


class UserError(Exception):
    """A problem the user can fix: printed as one line, exit 2."""


F = TypeVar("F", bound=Callable[..., Any])


def _exit_code(exc: Exception) -> int:
    """2 for usage and environment errors (the user or the operator can fix them: a wrong
    option, a database that cannot be opened, is full or locked, a file that is not a ledger,
    a folder that cannot be written); 1 for anything else."""
    from sqlalchemy.exc import InterfaceError, OperationalError

    from holdings.opening import StoreUnavailable

    environment = (UserError, StoreUnavailable, OperationalError, InterfaceError, OSError)
    return 2 if isinstance(exc, environment) or _usage_error(exc) else 1


def guarded(func: F) -> F:
    """One clear line on stderr instead of a traceback (unless --debug), with the exit code
    ``_exit_code`` gives."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:
            _fail(exc, _exit_code(exc))

    return wrapper  # type: ignore[return-value]  # functools.wraps keeps the signature


def _usage_error(exc: Exception) -> bool:
    """What the API raises for something the user can fix: a missing or too-new ledger, a
    person nobody matches (or several match), a key nobody has, a link that is not there."""
    from holdings.api import LedgerNotFound, NotLinked, PersonNotFound, SchemaError

    return isinstance(exc, LedgerNotFound | SchemaError | PersonNotFound | NotLinked)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"holdings {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version."
        ),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show full tracebacks on errors.")] = False,
) -> None:
    _state["debug"] = debug


def _ledger(db: str | None) -> Ledger:
    """Open the ledger through the API (``holdings.api``): the commands below are its faces.
    A ledger that does not exist yet is created by ``ingest`` and refused by every read;
    reads open it read-only."""
    from holdings.api import Ledger

    return Ledger(db)


def _store(db: str | None, create: bool = False, write: bool = False) -> EventStore:
    """The store under the ledger, for the commands the API does not cover yet: read-only
    unless the command writes (``create`` may also make a new ledger, ``write`` may not)."""
    if write and not create:
        from holdings.opening import open_store

        return open_store(db, write=True)
    ledger = _ledger(db)
    return ledger._writable() if create else ledger.store


def _date(value: str | None, option: str) -> dt.date | None:
    """Dates are ISO only (``holdings.api.to_date``): ``03/04/2025`` is the 4th of March to
    some readers and the 3rd of April to others, so it is refused rather than guessed."""
    from holdings.api import to_date

    if value is None:
        return None
    try:
        return to_date(value, option)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def _relative(path: str) -> str:
    """A file name as seen from where the command runs (paths are stored as given); one
    outside the working directory keeps its full path."""
    if not os.path.isabs(path):
        return path
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


def _scope(person: str | None, key: str | None, issuer: str | None) -> str:
    from holdings.lookup import issuer_key

    parts = []
    if person or key:
        parts.append(f"for {person or key}")
    if issuer:
        parts.append(f"at issuer {issuer_key(issuer)}")
    return (" " + " ".join(parts)) if parts else ""


# --- parse ------------------------------------------------------------------------------


@app.command()
@guarded
def parse(
    files: Annotated[list[Path], typer.Argument(help="Form 3/4/5 files: XML, SGML .txt, text.")],
    fmt: FormatOption = Format.json,
    names_from: Annotated[
        str | None,
        typer.Option(
            "--names-from",
            help="A ledger (as --db takes it) whose XML filings' issuer names read apart a "
            "text rendering's boxes 1 and 2 run together, as ingest into it would.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Parse filings and print them as the contract JSON (or a readable table).

    Example: [bold]holdings parse ../shared/seeds/000_28e73f0d9ee92a54.txt --format table[/bold]

    Exit 0 when every file parsed, 1 when any failed (each failure on stderr).
    """
    from parsers import KnownNames, ParseError, parse_file

    known = None
    if names_from:
        from projections.issuer_names import issuer_names

        known = KnownNames.of(issuer_names(_store(names_from)))
    out: list[dict[str, Any]] = []
    failed = 0
    err = stderr_console()
    for f in files:
        try:
            filing = parse_file(f, known=known)
        except ParseError as exc:
            failed += 1
            err.print(f"[red]error[/red] {exc}", highlight=False, markup=True)
            continue
        out.append(filing.to_json_dict())
    if fmt is Format.json and len(files) == 1:
        if out:  # one file: its object, or nothing on stdout when it failed
            sys.stdout.write(json.dumps(out[0], indent=2, ensure_ascii=False) + "\n")
    elif fmt is Format.json:
        sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    else:
        for filing_json in out:
            _print_filing(filing_json, fmt)
    if failed:
        raise typer.Exit(1)


def _print_filing(f: dict[str, Any], fmt: Format) -> None:
    owners = ", ".join(o["name"] or "?" for o in f["reporting_owners"])
    title = (
        f"Form {f['form_type']}  {owners}  {f['issuer']['name']} [{f['issuer']['ticker']}]  "
        f"period {f['period_of_report']}  ({f['source']['format']}: {f['source']['path']})"
    )
    cols = [
        "table",
        "kind",
        "security_title",
        "transaction_date",
        "code",
        "shares",
        "acquired_disposed",
        "price",
        "shares_owned_following",
        "ownership",
        "nature_of_ownership",
        "exercise_price",
        "expiration_date",
        "footnotes",
    ]
    rows = []
    for table in ("non_derivative", "derivative"):
        for r in f[table]:
            row = dict(r, table="I" if table == "non_derivative" else "II")
            row["footnotes"] = " ".join(
                f"{k}:{','.join(v)}" for k, v in (r.get("footnotes") or {}).items()
            )
            rows.append(row)
    emit(rows, fmt, title=title, columns=cols)
    if fmt is Format.table:
        con = stderr_console() if not sys.stdout.isatty() else None
        for fid, text in f["footnotes"].items():
            (con or _out()).print(f"  {fid}: {text}", highlight=False, markup=False)
        for n in f["notes"]:
            (con or _out()).print(
                f"  note line {n['line']}: {n['field']}: {n['message']}", markup=False
            )


def _out() -> Console:
    from holdings.output import stdout_console

    return stdout_console()


# --- ingest -----------------------------------------------------------------------------


@app.command()
@guarded
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")],
    db: DbOption = None,
    workers: Annotated[
        int | None, typer.Option(help="Parser processes (default: up to 2 cores).")
    ] = None,
    batch_size: Annotated[
        int,
        typer.Option(
            help="Filings per database transaction (each still atomic on its own).", min=1
        ),
    ] = 50,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Quarantine a filing read with a doubt on a balance field instead of "
            "appending it.",
        ),
    ] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Parse, classify and append filings to the ledger.

    Re-ingesting is a no-op; files that fail are quarantined (see
    [bold]holdings quarantine[/bold]) and never stop the batch. Filings read with doubts are
    counted and listed; with --strict, one whose doubt bears on a balance is quarantined.

    Example: [bold]holdings ingest ../shared/seeds ../shared/realdata/xml[/bold]
    """
    ledger = _ledger(db)
    for p in paths:
        if not p.exists():
            raise UserError(f"{p}: no such file or folder")
    with _progress("ingesting") as progress:
        summary = ledger.ingest(
            paths, workers=workers, batch_size=batch_size, progress=progress, strict=strict
        )
    _finish_ingest(summary, fmt, " ".join(str(p) for p in paths))


UserAgentOption = Annotated[
    str | None,
    typer.Option(
        "--user-agent",
        envvar="HOLDINGS_USER_AGENT",
        help="Who you are, with a contact e-mail, sent with every request to EDGAR (the SEC's "
        "fair access policy requires it). Example: --user-agent 'Jane Doe jane@example.com'",
        show_default=False,
    ),
]
CacheOption = Annotated[
    Path | None,
    typer.Option(
        "--cache",
        envvar="HOLDINGS_EDGAR_CACHE",
        help="Where documents fetched from EDGAR are kept (default: edgar-cache/ beside the "
        "ledger).",
        show_default=False,
    ),
]


@app.command(name="ingest-dataset")
@guarded
def ingest_dataset(
    directory: Annotated[
        str,
        typer.Argument(
            help="A quarter's data set: folder of .tsv tables, its .zip, or the .zip's URL."
        ),
    ],
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option(help="Accessions per transaction.", min=1)] = 200,
    user_agent: UserAgentOption = None,
    cache: CacheOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Load the SEC's quarterly Insider Transactions Data Set into the ledger.

    The tab-separated SUBMISSION, REPORTINGOWNER, NONDERIV_TRANS, ... tables become the same
    events as filings do, with the same idempotency: loading a quarter twice appends nothing.
    A URL is downloaded once, politely, into the EDGAR cache (see [bold]holdings fetch[/bold]).

    Example: [bold]holdings ingest-dataset ../shared/realdata/sec_dataset_2024q3_partial[/bold]
    """
    from holdings.edgar import FetchError, UserAgentError

    if not directory.startswith(("http://", "https://")) and not Path(directory).exists():
        raise UserError(f"{directory}: no such file or folder")
    ledger = _ledger(db)
    with _progress("loading") as progress:
        try:
            summary = ledger.ingest_dataset(
                directory,
                batch_size=batch_size,
                progress=progress,
                user_agent=user_agent,
                cache=cache,
            )
        except (UserAgentError, FetchError) as exc:
            raise UserError(str(exc)) from None
    _finish_ingest(summary, fmt, directory)


@app.command()
@guarded
def fetch(
    ticker: Annotated[
        list[str] | None,
        typer.Option("--ticker", "-t", help="An issuer's ticker (repeatable). Example: -t QLYS"),
    ] = None,
    cik: Annotated[
        list[str] | None,
        typer.Option(
            "--cik",
            help="An issuer's or a reporting person's CIK (repeatable). Example: --cik 1214156",
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            help="Only filings EDGAR received on or after this date. Example: --since 2020-01-01"
        ),
    ] = None,
    forms: Annotated[
        str, typer.Option(help="Forms to take, with their /A unless --no-amendments.")
    ] = "3,4,5",
    amendments: Annotated[
        bool, typer.Option("--amendments/--no-amendments", help="Also take 3/A, 4/A, 5/A.")
    ] = True,
    user_agent: UserAgentOption = None,
    cache: CacheOption = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Fetch a person's or an issuer's Forms 3, 4 and 5 from EDGAR, and ingest them.

    Lists the CIK's filings (a person's CIK lists theirs across issuers), downloads each raw
    XML politely (a declared User-Agent, at most 10 requests a second, backing off when EDGAR
    asks), keeps every document in the cache, and ingests them as [bold]holdings ingest[/bold]
    does, with EDGAR's filing date and acceptance time. A second run asks EDGAR only for the
    listing. Failures are quarantined with their URL and the run goes on (exit 1).

    Example: [bold]holdings fetch --ticker QLYS --since 2020-01-01[/bold] (with
    HOLDINGS_USER_AGENT="Jane Doe jane@example.com")
    """
    from holdings.edgar import UserAgentError
    from holdings.fetch import ListingError

    if not ticker and not cik:
        raise UserError("name whose filings to fetch: --ticker T or --cik N")
    since_date = _date(since, "--since")
    ledger = _ledger(db)
    with _fetch_progress() as progress:
        try:
            result = ledger.fetch(
                tickers=ticker or [],
                ciks=cik or [],
                since=since_date,
                forms=forms,
                amendments=amendments,
                user_agent=user_agent,
                cache=cache,
                progress=progress,
            )
        except (UserAgentError, ListingError, ValueError) as exc:
            raise UserError(str(exc)) from None
    err = stderr_console()
    for line in result.failures:
        err.print(f"[yellow]failed[/yellow] {line}", markup=True, highlight=False)
    for line in result.doubted:
        err.print(f"[cyan]doubted[/cyan] {line}", markup=True, highlight=False)
    for line in result.errors:
        err.print(f"[yellow]quarantined[/yellow] {line}", markup=True, highlight=False)
    emit([result.as_dict()], fmt, title="fetch summary")
    if not result.ok:
        raise typer.Exit(1)


@contextlib.contextmanager
def _fetch_progress() -> Iterator[Callable[[str, int, int, Any], None]]:
    """The fetch's bar on stderr (a terminal only), with its counts beside it."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    err = stderr_console()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[counts]}"),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task("listing", total=None, counts="")

        def update(stage: str, done: int, total: int, c: Any) -> None:
            counts = (
                f"listed {c.listed} · in ledger {c.in_ledger} · cached {c.cached} · "
                f"fetched {c.fetched} · failed {c.failed}"
            )
            bar.update(task, description=stage, completed=done, total=total, counts=counts)

        yield update


@contextlib.contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int, str], None]]:
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    err = stderr_console()
    with Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int, _what: str) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _finish_ingest(summary: IngestResult, fmt: Format, inputs: str = "the input") -> None:
    err = stderr_console()
    for line in summary.doubted:
        err.print(f"[cyan]doubted[/cyan] {line}", markup=True, highlight=False)
    for line in summary.errors:
        err.print(f"[yellow]quarantined[/yellow] {line}", markup=True, highlight=False)
    for line in summary.notes:
        err.print(f"[cyan]note[/cyan] {line}", markup=True, highlight=False, soft_wrap=True)
    emit([summary.as_dict()], fmt, title="ingest summary")
    if summary.filings == 0:
        say(f"no filing found in {inputs}: nothing was ingested")
        raise typer.Exit(1)
    if summary.conflicts or summary.quarantined:
        raise typer.Exit(1)  # everything else went in; exit 1 says some of it did not


@app.command()
@guarded
def quarantine(
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    show: Annotated[
        int | None, typer.Option(help="Print the kept content of entry ID to stdout.")
    ] = None,
    all_entries: Annotated[
        bool,
        typer.Option("--all", help="Also list entries whose file has since gone in (resolved)."),
    ] = False,
) -> None:
    """List files that could not be ingested, with the reason; the bytes are kept.

    An entry whose bytes later went into the ledger is resolved, and listed only with --all.

    Example: [bold]holdings quarantine --format json[/bold]
    """
    store = _store(db)
    if show is not None:
        content = store.quarantined_content(show)
        if content is None:
            raise UserError(f"no kept content for quarantine entry {show}")
        sys.stdout.buffer.write(content)
        return
    rows = [
        {
            "id": q.id,
            "path": q.path,
            "line": q.line,
            "reason": q.reason,
            "size": q.size,
            "recorded_at": q.recorded_at.isoformat() if q.recorded_at else None,
            "resolved_at": q.resolved_at.isoformat() if q.resolved_at else None,
        }
        for q in store.quarantined(include_resolved=all_entries)
    ]
    if not rows:
        say("nothing is quarantined")
    columns = ["id", "path", "line", "reason", "size"]
    emit(
        rows, fmt, title="quarantine", columns=[*columns, "resolved_at"] if all_entries else columns
    )


@app.command()
@guarded
def people(
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    unlink: Annotated[
        str | None,
        typer.Option(
            "--unlink",
            help="Undo the identity link this key is part of (appends an 'identity unlinked' "
            "record; the two keys are two people again). "
            "Example: --unlink 'name:AAPL:cook timothy d'",
        ),
    ] = None,
) -> None:
    """List the people in the ledger: display name (the latest Box 1 spelling), key, linked
    keys, CIK, issuers and every spelling seen.

    A name-keyed person (text renderings carry no CIK) is linked to the CIK-keyed person of the
    same issuer with the same normalised Box 1 name; the link is a record in the log, shown
    here, and --unlink undoes it.

    Example: [bold]holdings people[/bold]
    """
    ledger = _ledger(db)
    if unlink is not None:
        for ln in ledger.unlink(unlink):
            say(f"{ln.label}: {ln.name_key} and {ln.cik_key} are two people again")
        return
    rows = [p.as_dict() for p in ledger.people()]
    if not rows:
        say("the ledger holds nobody yet (run `holdings ingest` first)")
    emit(
        rows,
        fmt,
        title="people",
        columns=["person", "key", "linked_keys", "cik", "issuers", "names_seen"],
    )


# --- projections ------------------------------------------------------------------------


@app.command()
@guarded
def replay(
    person: PersonArgument = None,
    issuer: IssuerOption = None,
    key: KeyOption = None,
    all_matches: AllMatchesOption = False,
    everyone: Annotated[
        bool, typer.Option("--all", help="Everyone's events: the whole ledger in order.")
    ] = False,
    superseded: Annotated[
        bool,
        typer.Option(
            help="Also list events of filings a 4/A restated, and renderings of a filing "
            "whose XML is in the ledger (marked)."
        ),
    ] = True,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """A person's events in order, running balance beside the reported one.

    Order: transaction date, then filing date, then row. Rows that disagree are marked (a gap
    between filings says what the ledger expected; the position follows the filer), and so
    are inferred opening balances and events of filings superseded by a 4/A or by their XML.

    [bold]--all[/bold] replays the whole ledger (JSON and CSV are written row by row).

    Example: [bold]holdings replay "Bruce Posey" --issuer QLYS[/bold]
    """
    from holdings.results import replay_check

    if person is None and key is None and not everyone:
        raise UserError("name a PERSON, give --key KEY, or --all")
    if everyone and (person is not None or key is not None):
        raise UserError("give a PERSON or --all, not both")
    with _ledger(db).replay_stream(
        person,
        issuer=issuer,
        superseded=superseded,
        key=key,
        all_matches=all_matches,
        everyone=everyone,
    ) as found:
        who = "everyone" if everyone else person or key
        if not len(found):
            say(f"no events{_scope(person, key, issuer)}")
        columns = [
            "date",
            "filed_date",
            "event_type",
            "code",
            "position",
            "quantity",
            "price",
            "running",
            "reported",
            "check",
        ]
        people: set[str] = set()
        noted = unsided = False
        if fmt is not Format.json:  # a first pass over the rows: which columns they need
            for r in found:
                people.add(r.person_key or r.event.person_key)
                noted = noted or bool(r.event.notes)
                unsided = unsided or (r.event.quantity is None and r.event.shares is not None)
        if len(people) > 1:
            columns.insert(0, "person")  # --all-matches, --all: whose each row is
        if unsided:  # an amount whose side the filing does not give: there, unsigned
            columns.insert(columns.index("quantity") + 1, "shares")
        if noted:
            columns.append("notes")  # the parser's repairs and doubts, on their rows
        rows = (
            dict(r.as_dict(), check=replay_check(r, grouped=fmt is Format.table)) for r in found
        )
        emit_stream(rows, fmt, title=f"replay: {who}", columns=columns, highlight="ok")


@app.command()
@guarded
def audit(
    person: Annotated[str | None, typer.Option("--person", "-p", help=PERSON_HELP)] = None,
    issuer: IssuerOption = None,
    key: KeyOption = None,
    all_matches: AllMatchesOption = False,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    late: Annotated[bool, typer.Option(help="Also audit late filings.")] = True,
) -> None:
    """Check every reported balance against the running one, and every Form 4's deadline.

    Each discrepancy gets one cause, decided in a fixed order (README, "Positions and the
    audit"), a status (fails, or explained where a footnote backs a legitimate cause) and a
    sentence saying why. Exit 0 when clean, 1 when something fails or a filing was late
    (usable as a CI gate).

    Example: [bold]holdings audit --format json[/bold]
    """
    with _ledger(db).audit_stream(
        person=person, issuer=issuer, late=late, key=key, all_matches=all_matches
    ) as found:
        _print_audit(found, fmt, _scope(person, key, issuer))
        clean = found.clean
    if not clean:
        raise typer.Exit(1)


def _print_audit(found: AuditStream, fmt: Format, scope: str) -> None:
    """JSON and CSV are written finding by finding (an audit of a million events may find a
    great many); the table, which must measure its columns, holds them."""
    from holdings.results import audit_title

    counts = (len(found.discrepancies), len(found.late_filings), len(found.input_notes))
    if found.checks == 0 and not any(counts):
        say("nothing to audit: no reported balance in the ledger" + scope)
    disc = (d.as_dict() for d in found.discrepancies)
    lates = (x.as_dict() for x in found.late_filings)
    inputs = (n.as_dict() for n in found.input_notes)
    if fmt is Format.json:
        out = sys.stdout
        out.write(f'{{\n  "clean": {json.dumps(found.clean)},\n  "checks": {found.checks},\n')
        out.write(f'  "inferred_openings": {found.inferred_openings},\n  "discrepancies": ')
        write_json_list(disc, level=1)
        out.write(',\n  "late_filings": ')
        write_json_list(lates, level=1)
        out.write(',\n  "input_notes": ')
        write_json_list(inputs, level=1)
        out.write("\n}\n")
        return
    if fmt is Format.csv:
        emit_stream(
            itertools.chain(
                (dict(d, kind="discrepancy") for d in disc),
                (dict(x, kind="late") for x in lates),
                (dict(n, kind=n["cause"]) for n in inputs),
            ),
            fmt,
        )
        return
    con = _out()
    con.print(
        audit_title(
            found.checks,
            found.inferred_openings,
            found.failing,
            counts[0],
            counts[1],
            found.doubtful,
            found.details,
            counts[2],
        ),
        highlight=False,
    )
    tables = [list(disc), list(lates), list(inputs)]
    for row in itertools.chain(*tables):
        row["filing"] = _relative(str(row["filing"]))
    shown, late_rows, input_rows = tables
    if input_rows:
        emit(
            input_rows,
            fmt,
            title="input the parser doubted or repaired",
            columns=["cause", "person", "issuer", "filing", "line", "field", "message"],
            console=con,
        )
    if shown:
        emit(
            shown,
            fmt,
            title="balance discrepancies",
            columns=[
                "person",
                "issuer",
                "position",
                "date",
                "filing",
                "line",
                "expected",
                "reported",
                "difference",
                "status",
                "cause",
                "detail",
            ],
            console=con,
            highlight="legitimate",
        )
    if late_rows:
        emit(
            late_rows,
            fmt,
            title="late filings",
            columns=[
                "person",
                "issuer",
                "filing",
                "transaction_date",
                "deadline",
                "filed_date",
                "business_days_late",
            ],
            console=con,
        )


@app.command()
@guarded
def snapshot(
    as_of: Annotated[
        str,
        typer.Option(
            "--as-of",
            help="Positions at the end of this date (YYYY-MM-DD). Example: --as-of 2025-02-15",
        ),
    ],
    known_at: Annotated[
        str | None,
        typer.Option(
            "--known-at",
            help="Only what had been filed (signed) by this date (YYYY-MM-DD). "
            "Example: --known-at 2025-02-17",
        ),
    ] = None,
    person: Annotated[str | None, typer.Option("--person", "-p", help=PERSON_HELP)] = None,
    issuer: IssuerOption = None,
    key: KeyOption = None,
    all_matches: AllMatchesOption = False,
    include_expired: Annotated[
        bool, typer.Option("--include-expired", help="Also list options past their expiration.")
    ] = False,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Positions as of the end of a date: direct and indirect stock, options (rights to buy
    or sell), awards (RSUs and the like) and other derivatives.

    Where a filer's last reported balance disagrees with the ledger's at that date, both are
    shown (reported_balance).

    Example: [bold]holdings snapshot --as-of 2025-02-15 --known-at 2025-02-17 --issuer QLYS[/bold]
    """
    as_of_date = _date(as_of, "--as-of")
    known_date = _date(known_at, "--known-at")
    assert as_of_date is not None
    with _ledger(db).snapshot_stream(
        as_of_date,
        known_at=known_date,
        person=person,
        issuer=issuer,
        include_expired=include_expired,
        key=key,
        all_matches=all_matches,
    ) as held:
        title = f"positions as of {as_of_date}" + (f", known at {known_date}" if known_date else "")
        if not len(held):
            say(f"no positions as of {as_of_date}{_scope(person, key, issuer)}")
        columns = ["person", "issuer", "kind", "security", "ownership", "balance"]
        disputed = doubted = False
        if fmt is not Format.json:  # a first pass over the rows: which columns they need
            for h in held:
                disputed = disputed or h.reported_balance is not None
                doubted = doubted or bool(h.doubts)
        if fmt is not Format.table or disputed:
            columns.append("reported_balance")  # only where the two figures disagree
        columns.append("last_date")
        if doubted:
            columns.append("doubts")  # the balance rests on a value the parser doubted
        emit_stream((h.as_dict() for h in held), fmt, title=title, columns=columns)


@app.command()
@guarded
def report(
    person: PersonArgument = None,
    issuer: IssuerOption = None,
    key: KeyOption = None,
    all_matches: Annotated[
        bool,
        typer.Option(
            "--all-matches",
            help="One page for each person the name matches, and an index (--out is a folder).",
        ),
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="The HTML file to write (a folder with --all or --all-matches).",
            show_default=False,
        ),
    ] = None,
    all_people: Annotated[
        bool, typer.Option("--all", help="One page per person and an index.html.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Write a self-contained HTML page: a person's history, or every insider of an issuer.

    A step chart per position on a dated time axis (zoom to a date range on the page), the
    reported balances on it, discrepancies marked, trades with their dollar value, and each
    filing linked to EDGAR where its accession number is known. [bold]--issuer[/bold] alone
    writes one page with all of the issuer's insiders; --all writes one page per person and an
    index.

    Examples: [bold]holdings report "Sumedh Thakar" --out thakar.html[/bold];
    [bold]holdings report --issuer QLYS --out qlys.html[/bold];
    [bold]holdings report --all --out reports/[/bold]
    """
    from holdings.report import NoEvents

    ledger = _ledger(db)
    if all_people:
        if person is not None or key is not None:
            raise UserError("give a PERSON or --all, not both")
        index = ledger.report_all(out or Path("reports"))
        _out().print(f"wrote {index}", highlight=False)
        return
    if person is None and key is None and issuer is None:
        raise UserError("name a PERSON or an --issuer, or use --all")
    try:
        written = ledger.report(person, issuer=issuer, out=out, key=key, all_matches=all_matches)
    except NoEvents as exc:
        raise UserError(str(exc)) from None
    _out().print(f"wrote {written}", highlight=False)


@app.command()
@guarded
def export(
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", help="The folder to write the Parquet files in.", show_default=False
        ),
    ],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Positions at the end of this date (default today). Example: --as-of 2025-02-15",
        ),
    ] = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Write the ledger as Parquet files for pandas, DuckDB, Spark or a spreadsheet.

    events.parquet (one row per event), positions.parquet (as of --as-of), discrepancies.parquet,
    late_filings.parquet, input_notes.parquet and people.parquet; share counts and prices as
    exact decimals. Schemas: docs/EXPORT.md.

    Example: [bold]holdings export --out export/ --as-of 2025-02-15[/bold]
    """
    result = _ledger(db).export(out, as_of=_date(as_of, "--as-of"))
    emit(
        [{"file": str(out / name), "rows": rows} for name, rows in result],
        fmt,
        title=f"Parquet export, positions as of {result.as_of}",
    )


@app.command()
@guarded
def verify(
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    payloads: Annotated[
        bool, typer.Option(help="Also re-read every payload against its indexed columns.")
    ] = True,
    save_head: Annotated[
        Path | None,
        typer.Option(
            "--save-head",
            help="Write the head hash, counts and every stream's last link to FILE (keep it "
            "away from the database), when the ledger verifies.",
            show_default=False,
        ),
    ] = None,
    expect: Annotated[
        Path | None,
        typer.Option(
            "--expect",
            help="Also fail if the log lost or changed anything since FILE was saved with "
            "--save-head (newest filings deleted, say).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Recompute the hash chains over the log and check the projections against a rebuild.

    Reports rows altered, put in or removed behind the store's back, version gaps, guards
    missing, disabled or altered (now or found so earlier) and stale projections, and prints
    the ledger head hash. Exit 1 on any problem.

    Examples: [bold]holdings verify --save-head head.json[/bold], later
    [bold]holdings verify --expect head.json[/bold]
    """
    from holdings.verify import SavedHead
    from holdings.verify import verify as do_verify

    saved = None
    if expect is not None:
        try:
            saved = SavedHead.read(expect)
        except ValueError as exc:
            raise UserError(f"{expect}: {exc}") from None
    store = _store(db)
    total = store.count_events()
    with _progress("verifying") as progress:
        report = do_verify(
            store,
            payloads=payloads,
            progress=lambda done: progress(done, total, ""),
            expect=saved,
        )
    if save_head is not None:
        if not report.ok:
            stderr_console().print(
                f"holdings: head not saved to {save_head}: the ledger has problems",
                markup=False,
                highlight=False,
            )
        else:
            save_head.write_text(report.saved_head().to_json())
    if fmt is Format.json:
        sys.stdout.write(
            json.dumps(
                {
                    "ok": report.ok,
                    "events": report.events,
                    "streams": report.streams,
                    "filings": report.filings,
                    "positions": report.positions,
                    "head": report.head,
                    "problems": [p.as_dict() for p in report.problems],
                },
                indent=2,
            )
            + "\n"
        )
    else:
        if report.problems:
            emit([p.as_dict() for p in report.problems], fmt, title="integrity problems")
        if fmt is Format.table:
            status = "OK" if report.ok else f"{len(report.problems)} PROBLEMS"
            _out().print(
                f"{status}: {report.events} events in {report.streams} streams, "
                f"{report.filings} filings, {report.positions} positions; "
                f"ledger head {report.head}",
                highlight=False,
            )
    if not report.ok:
        raise typer.Exit(1)


@app.command()
@guarded
def rebuild(db: DbOption = None) -> None:
    """Rebuild every stored projection from the log (the positions table and its checkpoint,
    the people table and its, the issuer names the text reader knows).

    Never needed for correctness (every reader catches the tables up from their checkpoints),
    but the way back from a table edited by hand.

    Example: [bold]holdings rebuild[/bold]
    """
    from projections.issuer_names import refresh_issuer_names
    from projections.materialize import refresh_positions
    from projections.people import refresh_people

    store = _store(db, create=False, write=True)
    people = refresh_people(store, full=True)
    names = refresh_issuer_names(store, full=True)
    rows = refresh_positions(store)
    _out().print(
        f"rebuilt {rows} positions, {people} people and {names} issuer names from the log",
        highlight=False,
    )


def main() -> None:
    # psycopg reports, through logging, errors it ignores while closing a pipeline after a
    # failed statement (a lost race, handled): noise on stderr, not news for the user.
    logging.getLogger("psycopg").addHandler(logging.NullHandler())
    logging.getLogger("psycopg").propagate = False
    app()


def _fail(exc: Exception, code: int) -> None:
    if _state["debug"]:
        traceback.print_exc()
    elif getattr(exc, "multiline", False):  # a list the user chooses from (several people)
        print(f"holdings: error: {str(exc).strip()}", file=sys.stderr)
    else:
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"holdings: error: {msg}", file=sys.stderr)
    sys.exit(code)


if __name__ == "__main__":
    main()
