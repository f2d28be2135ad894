"""Shared fixtures: the store under test runs on SQLite always and on PostgreSQL when
``HOLDINGS_TEST_PG_URL`` names a server (``.ci/run`` sets it), each test in its own schema."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

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


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    url = pg_url()
    if not url:
        pytest.skip(f"PostgreSQL tests need {PG_ENV} (bash .ci/run sets it to the local server)")
    schema = f"hl_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_pg_driver(url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture
def store(db_url: str):  # type: ignore[no-untyped-def]
    from ledger.store import EventStore

    s = EventStore(db_url)
    yield s
    s.engine.dispose()


def need_shared() -> None:
    if not XML_DIR.is_dir():
        pytest.skip(f"shared data not found at {SHARED} (CI has it beside the clone)")
