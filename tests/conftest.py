"""Shared fixtures: every test that takes ``store``, ``new_store``, ``db_url`` or ``new_url`` runs
on SQLite always and on PostgreSQL when ``HOLDINGS_TEST_PG_URL`` names a server (``.ci/run``
sets it; otherwise the PostgreSQL half skips, saying why), each store in its own schema."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import create_engine, text

from ledger.store import EventStore
from parsers import DerivativeRow, Filing, NonDerivativeRow

PG_ENV = "HOLDINGS_TEST_PG_URL"
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "text" / "seeds"
XML_DIR = SHARED / "realdata" / "xml"


def pg_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def _pg_driver(url: str) -> str:
    return "postgresql+psycopg://" + url.split("://", 1)[1]


class _PgSchemas:
    """Throw-away PostgreSQL schemas, one per store a test opens, dropped afterwards."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.admin = create_engine(_pg_driver(url), isolation_level="AUTOCOMMIT")
        self.names: list[str] = []

    def new(self) -> str:
        schema = f"hl_test_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        self.names.append(schema)
        sep = "&" if "?" in self.url else "?"
        return f"{self.url}{sep}options=-csearch_path%3D{schema}"

    def drop(self) -> None:
        with self.admin.connect() as conn:
            for schema in self.names:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        self.admin.dispose()


def _skip_without_pg() -> str:
    url = pg_url()
    if not url:
        pytest.skip(f"PostgreSQL tests need {PG_ENV} (bash .ci/run sets it to the local server)")
    return url


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    schemas = _PgSchemas(_skip_without_pg())
    try:
        yield schemas.new()
    finally:
        schemas.drop()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_name(request: pytest.FixtureRequest) -> str:
    """Every test that takes a store runs once per engine: one suite, two recorders."""
    if request.param == "postgresql":
        _skip_without_pg()
    return str(request.param)


@pytest.fixture
def new_url(engine_name: str, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """A fresh, empty ledger URL on the engine under test, as many as a test needs."""
    schemas = _PgSchemas(pg_url() or "") if engine_name == "postgresql" else None

    def make(name: str = "ledger") -> str:
        if schemas is None:
            return f"sqlite:///{tmp_path / name}.db"
        return schemas.new()

    try:
        yield make
    finally:
        if schemas is not None:
            schemas.drop()


@pytest.fixture
def db_url(new_url: Callable[[str], str]) -> str:
    return new_url("ledger")


@pytest.fixture
def new_store(new_url: Callable[[str], str]) -> Iterator[Callable[[str], EventStore]]:
    """Fresh stores on the engine under test, closed afterwards."""
    opened: list[EventStore] = []

    def make(name: str = "ledger") -> EventStore:
        s = EventStore(new_url(name))
        opened.append(s)
        return s

    try:
        yield make
    finally:
        for s in opened:
            s.engine.dispose()


@pytest.fixture
def store(new_store: Callable[[str], EventStore]) -> EventStore:
    return new_store("ledger")


StoreFactory = Callable[[str], EventStore]
"""``new_store(name)``: another fresh store on the engine under test."""


def need_shared() -> None:
    if not XML_DIR.is_dir():
        pytest.skip(f"shared data not found at {SHARED} (CI has it beside the clone)")


def row_and_notes(f: Filing, line: int, field: str) -> tuple[NonDerivativeRow, list[str]]:
    """Table I's row read from ``line`` of a text rendering, and the messages of the notes on
    its ``field``: what a reader of the rendering sees of that cell."""
    return _row_and_notes(f, f.non_derivative, "non_derivative", line, field)


def derivative_row_and_notes(f: Filing, line: int, field: str) -> tuple[DerivativeRow, list[str]]:
    """Table II's row read from ``line``, and the messages of the notes on its ``field``."""
    return _row_and_notes(f, f.derivative, "derivative", line, field)


_Row = TypeVar("_Row", NonDerivativeRow, DerivativeRow)


def _row_and_notes(
    f: Filing, rows: list[_Row], table: str, line: int, field: str
) -> tuple[_Row, list[str]]:
    k, row = next((k, r) for k, r in enumerate(rows) if r.line == line)
    return row, [n.message for n in f.notes if n.field == f"{table}[{k}].{field}"]
