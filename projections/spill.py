"""Findings kept on disk past a fixed count, so that a command over the whole log holds a chunk
of its output, never all of it.

An audit of a million events may find a hundred thousand things, and some must come out sorted
across streams (late filings by filing, input notes by file and line) while the log is read
stream by stream. ``Spill`` keeps up to ``RUN`` items in memory; past that it writes them out
as sorted runs (pickled to one temporary file, deleted on close) and gives them back in one
ordered pass (a k-way merge, one item per run in memory). Without a key the order is the order
of ``add``. Small outputs never touch the disk.
"""

from __future__ import annotations

import heapq
import itertools
import pickle
import tempfile
from collections.abc import Callable, Iterator
from typing import IO, Any, Generic, TypeVar

T = TypeVar("T")

RUN = 100
"""Items held in memory before a run is written out (all runs go to one temporary file)."""


class Spill(Generic[T]):
    def __init__(self, key: Callable[[T], Any] | None = None, run: int = RUN) -> None:
        self.key = key
        self.run = run
        self._held: list[T] = []
        self._file: IO[bytes] | None = None
        self._runs: list[tuple[int, int]] = []
        """Where each run lies in the one file: (start, end) offsets."""
        self._count = 0

    def add(self, item: T) -> None:
        self._held.append(item)
        self._count += 1
        if len(self._held) >= self.run:
            self._write_run()

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[T]:
        """Every item, in key order (stable: equal keys keep the order they were added in)."""
        held = sorted(self._held, key=self.key) if self.key else self._held
        if self._file is None:
            yield from held
            return
        f = self._file
        sources = [_read_run(f, start, end) for start, end in self._runs] + [iter(held)]
        if self.key is None:
            yield from itertools.chain.from_iterable(sources)
        else:
            yield from heapq.merge(*sources, key=self.key)

    def _write_run(self) -> None:
        if self.key:
            self._held.sort(key=self.key)
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="holdings-spill-")  # noqa: SIM115  # closed by close()
        f = self._file
        start = f.seek(0, 2)
        pickler = pickle.Pickler(f, protocol=pickle.HIGHEST_PROTOCOL)
        for item in self._held:
            pickler.dump(item)
            pickler.clear_memo()
        f.flush()
        self._runs.append((start, f.tell()))
        self._held = []

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        self._file = None
        self._runs = []
        self._held = []

    def __enter__(self) -> Spill[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _read_run(f: IO[bytes], start: int, end: int) -> Iterator[Any]:
    """One run, item by item; runs share the file, so each read seeks to where it left off."""
    pos = start
    while pos < end:
        f.seek(pos)
        item = pickle.load(f)
        pos = f.tell()
        yield item
