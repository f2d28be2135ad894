"""Writing pages to disk: one page for a person, or a page for everyone plus an index.

Each file is written beside its final name and renamed into place, so a reader (or a web
server) never sees half a page, and a crash leaves the previous report intact.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from holdings.report.build import build_issuer_page, build_person_page
from holdings.report.html import IndexEntry, render_index, render_issuer, render_person
from ledger.clock import utcnow
from ledger.store import EventStore
from projections.people import Person, people


def write_person_report(
    store: EventStore, person_keys: list[str], issuer_key: str | None, out: Path
) -> Path:
    """Write one self-contained HTML page for the person (all their issuers when ``issuer_key``
    is None) and return its path. Raises ``NoEvents`` (a ``LookupError``) when there is
    nothing to show."""
    page = build_person_page(store, list(person_keys), issuer_key)
    out = Path(out)
    _write(out, render_person(page, utcnow()))
    return out


def write_issuer_report(store: EventStore, issuer_key: str, out: Path) -> Path:
    """Write one page for an issuer with every insider's positions, trades and audit
    findings; returns its path. Raises ``NoEvents`` when nobody filed for the issuer."""
    page = build_issuer_page(store, issuer_key)
    out = Path(out)
    _write(out, render_issuer(page, utcnow()))
    return out


def write_all_reports(
    store: EventStore, out_dir: Path, chosen: Sequence[Person] | None = None
) -> Path:
    """Write a page per person in the store (or per ``chosen`` person) and an ``index.html``
    linking them all; returns the index's path. Page names come from person keys, which are
    unique and stable, so links survive a re-run."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    generated = utcnow()
    entries: list[IndexEntry] = []
    used: set[str] = set()
    for person in chosen if chosen is not None else people(store):
        page = build_person_page(store, list(person.keys or (person.key,)), None)
        name = page_name(person.key, used)
        _write(out_dir / name, render_person(page, generated, index_href="index.html"))
        entries.append(
            IndexEntry(
                name=page.name,
                key=person.key,
                href=name,
                issuers=", ".join(s.title for s in page.sections),
                events=page.events,
                positions=sum(len(s.positions) for s in page.sections),
                discrepancies=page.discrepancies,
                explained=page.explained,
                late=page.late,
            )
        )
    entries.sort(key=lambda e: (e.name.casefold(), e.key))
    index = out_dir / "index.html"
    _write(index, render_index(entries, generated))
    return index


def page_name(key: str, used: set[str]) -> str:
    """A file name safe on every file system; keys that differ only in punctuation or case
    get a short hash so they never overwrite each other."""
    slug = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")[:80] or "person"
    name = f"{slug}.html"
    if name in used:
        name = f"{slug}-{hashlib.sha256(key.encode()).hexdigest()[:8]}.html"
    used.add(name)
    return name


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, 0o644)  # a report is for reading: mkstemp's 0600 would hide it
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
