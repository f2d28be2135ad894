"""holdings-ledger: SEC Form 4 filings as an event-sourced ledger of insider holdings.

``holdings.open(db)`` opens a ledger for the Python API (``holdings.api.Ledger``; docs/API.md).
The API is imported on first use, so that the command line (and shell completion, which runs
it on every Tab) starts without loading the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from holdings.api import (
        AmbiguousPerson,
        Ledger,
        LedgerNotFound,
        NotLinked,
        PersonNotFound,
        open,
    )

_API = {"AmbiguousPerson", "Ledger", "LedgerNotFound", "NotLinked", "PersonNotFound", "open"}


def __getattr__(name: str) -> Any:
    if name in _API:
        from holdings import api

        return getattr(api, name)
    raise AttributeError(f"module 'holdings' has no attribute {name!r}")


__all__ = [
    "AmbiguousPerson",
    "Ledger",
    "LedgerNotFound",
    "NotLinked",
    "PersonNotFound",
    "__version__",
    "open",
]
