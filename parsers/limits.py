"""Bounds that keep a hostile or broken file from being read into memory whole, and values that
become keys within what every supported database indexes (``parsers.screen``)."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 10 * 1024 * 1024
    max_rows: int = 5_000
    max_name_chars: int = 300
    """Issuer and reporting owner names (the longest real one seen is under 60)."""
    max_ticker_chars: int = 32
    max_cik_chars: int = 20
    max_title_chars: int = 500
    """Security titles and natures of ownership, which make position keys."""

    @classmethod
    def from_env(cls) -> Limits:
        """The limits the environment sets; read at every parse, built once per setting."""
        size, rows = os.environ.get("HOLDINGS_MAX_FILE_BYTES"), os.environ.get("HOLDINGS_MAX_ROWS")
        limits = _FROM_ENV.get((cls, size, rows))
        if limits is None:
            limits = cls(
                max_bytes=int(size if size is not None else cls.max_bytes),
                max_rows=int(rows if rows is not None else cls.max_rows),
            )
            if len(_FROM_ENV) < 64:
                _FROM_ENV[(cls, size, rows)] = limits
        return limits


_FROM_ENV: dict[tuple[type[Limits], str | None, str | None], Limits] = {}
