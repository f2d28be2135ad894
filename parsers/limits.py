"""Bounds that keep a hostile or broken file from being read into memory whole."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 10 * 1024 * 1024
    max_rows: int = 5_000

    @classmethod
    def from_env(cls) -> Limits:
        return cls(
            max_bytes=int(os.environ.get("HOLDINGS_MAX_FILE_BYTES", cls.max_bytes)),
            max_rows=int(os.environ.get("HOLDINGS_MAX_ROWS", cls.max_rows)),
        )
