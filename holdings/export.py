"""The ledger as Parquet files: events, positions as of a date, discrepancies, late filings,
input notes (what the parser doubted or repaired) and people, with the schemas of
``holdings.arrow`` (docs/EXPORT.md).

Streamed: the log is read in order through a server-side cursor and written ``BATCH`` events
at a time, positions are folded a batch of streams at a time, and the audit's findings are
kept on disk past a fixed count (``projections.spill``); an export of millions of events holds
a batch, never the log. Each file is written beside its final name and renamed into place, so
a reader never sees half a file.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from holdings import __version__
from holdings.arrow import (
    DISCREPANCIES,
    EVENTS,
    INPUT_NOTES,
    LATE_FILINGS,
    PEOPLE,
    POSITIONS,
    Table,
    iter_logged,
)
from ledger.store import EventStore
from projections.audit import audit_stream
from projections.entries import read_entries
from projections.people import people
from projections.snapshot import iter_holdings

BATCH = 1_000
"""Rows per record batch (and Parquet row group): a thousand decoded events are a few MB."""


def export_parquet(store: EventStore, out_dir: Path, as_of: dt.date) -> dict[str, int]:
    """Write the six files into ``out_dir`` (made if missing); returns rows per file name."""
    out_dir.mkdir(parents=True, exist_ok=True)
    meta = {"holdings.version": __version__, "holdings.as_of": as_of.isoformat()}
    with audit_stream(store, read_entries(store), late=True) as findings:
        return {
            "events.parquet": _write(out_dir / "events.parquet", EVENTS, iter_logged(store), meta),
            "positions.parquet": _write(
                out_dir / "positions.parquet",
                POSITIONS,
                ((h, as_of, None) for h in iter_holdings(store, as_of)),
                meta,
            ),
            "discrepancies.parquet": _write(
                out_dir / "discrepancies.parquet", DISCREPANCIES, findings.discrepancies, meta
            ),
            "late_filings.parquet": _write(
                out_dir / "late_filings.parquet", LATE_FILINGS, findings.late_filings, meta
            ),
            "input_notes.parquet": _write(
                out_dir / "input_notes.parquet", INPUT_NOTES, findings.input_notes, meta
            ),
            "people.parquet": _write(out_dir / "people.parquet", PEOPLE, people(store), meta),
        }


def _write(path: Path, table: Table[Any], rows: Iterable[Any], meta: dict[str, str]) -> int:
    schema = table.schema.with_metadata({**(table.schema.metadata or {}), **_bytes(meta)})
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    count = 0
    try:
        with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
            for batch in table.batches(rows, BATCH):
                writer.write_batch(batch.replace_schema_metadata(schema.metadata))
                count += batch.num_rows
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def _bytes(meta: dict[str, str]) -> dict[bytes, bytes]:
    return {k.encode(): v.encode() for k, v in meta.items()}
