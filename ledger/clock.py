"""The one clock the ledger reads, so that tests can freeze time with freezegun."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
