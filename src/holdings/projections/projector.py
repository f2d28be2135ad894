"""Full rebuild and incremental update through the same fold.

Streams are folded one at a time, after amendments have been resolved within the stream. An
incremental update folds new entries onto the saved state when they sort after everything the
stream has already seen; a late-arriving older filing or an amendment refolds just that stream
from its own entries. Either way the result equals a full rebuild (tested).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from holdings.ledger.store import EventStore
from holdings.projections.entries import Entry, by_stream, read_entries
from holdings.projections.positions import FoldState, Position, fold
from holdings.projections.supersede import current_entries


def fold_stream(entries: list[Entry], state: FoldState | None = None) -> FoldState:
    state = state or FoldState()
    for entry in sorted(current_entries(entries), key=lambda e: e.sort_key):
        fold(state, entry)
    return state


def rebuild_parallel(store: EventStore, workers: int | None = None) -> FoldState:
    """A full rebuild split across cores by stream range: streams fold independently, so each
    process reads and folds its own slice of the log and only the positions come back."""
    workers = workers or min(2, os.cpu_count() or 1)
    bounds = _stream_bounds(store, workers)
    if len(bounds) <= 1:
        return rebuild(read_entries(store))
    url = store.engine.url.render_as_string(hide_password=False)
    ctx = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    with ctx.Pool(len(bounds)) as pool:
        parts = pool.map(_rebuild_range, [(url, b) for b in bounds])
    state = FoldState()
    for positions in parts:
        state.positions.update(positions)
    return state


def _stream_bounds(store: EventStore, parts: int) -> list[tuple[str | None, str | None]]:
    from sqlalchemy import distinct, func, select

    from holdings.ledger.store import EVENTS

    with store.engine.connect() as conn:
        total = conn.execute(select(func.count(distinct(EVENTS.c.stream_id)))).scalar() or 0
        if total < 2 * parts or parts < 2:
            return [(None, None)]
        cuts = []
        for k in range(1, parts):
            cut = conn.execute(
                select(EVENTS.c.stream_id)
                .distinct()
                .order_by(EVENTS.c.stream_id)
                .offset(total * k // parts)
                .limit(1)
            ).scalar()
            cuts.append(cut)
    edges: list[str | None] = [None, *cuts, None]
    return [(edges[i], edges[i + 1]) for i in range(parts)]


def _rebuild_range(args: tuple[str, tuple[str | None, str | None]]) -> dict:  # type: ignore[type-arg]
    url, bounds = args
    store = EventStore(url)
    try:
        return rebuild(read_entries(store, stream_range=bounds)).positions
    finally:
        store.engine.dispose()


def rebuild(entries: Iterable[Entry], collect_checks: bool = False) -> FoldState:
    state = FoldState.collecting() if collect_checks else FoldState()
    for _sid, stream in by_stream(entries):
        fold_stream(stream, state)
    return state


@dataclass
class Projector:
    """Positions kept up to date with the store; ``checkpoint`` is the last global position read."""

    store: EventStore
    state: FoldState = field(default_factory=FoldState)
    checkpoint: int = 0
    refolded_streams: int = 0

    def rebuild(self) -> FoldState:
        self.state = FoldState()
        self.checkpoint = 0
        return self.update()

    def update(self) -> FoldState:
        new: dict[str, list[Entry]] = defaultdict(list)
        top = self.checkpoint
        for e in read_entries(self.store, after_position=self.checkpoint):
            new[e.stream_id].append(e)
            top = max(top, e.position)
        for sid, entries in new.items():
            if self._can_append(sid, entries):
                for entry in sorted(entries, key=lambda e: e.sort_key):
                    fold(self.state, entry)
            else:
                self._refold(sid)
        self.checkpoint = top
        return self.state

    def _can_append(self, sid: str, entries: list[Entry]) -> bool:
        mine = [p for p in self.state.positions.values() if p.stream_id == sid]
        if not mine:
            return not any(e.is_amendment for e in entries) and _periods_unique(entries)
        last = max(p.last.sort_key for p in mine if p.last is not None)
        seen_periods = {p.last.period_of_report for p in mine if p.last is not None}
        return all(
            e.sort_key > last and not e.is_amendment and e.period_of_report not in seen_periods
            for e in entries
        ) and _periods_unique(entries)

    def _refold(self, sid: str) -> None:
        self.refolded_streams += 1
        for pid in [pid for pid in self.state.positions if pid[0] == sid]:
            del self.state.positions[pid]
        stream = list(read_entries(self.store, stream_ids=[sid]))
        fold_stream(stream, self.state)


def _periods_unique(entries: list[Entry]) -> bool:
    """Several filings for one period may hide an amendment pair: let the stream refold."""
    by_period: dict[object, set[str]] = defaultdict(set)
    for e in entries:
        by_period[e.period_of_report].add(e.filing_sha256)
    return all(len(s) == 1 for s in by_period.values())


def positions_equal(a: FoldState, b: FoldState) -> bool:
    def view(state: FoldState) -> dict[tuple[str, str], tuple[object, ...]]:
        return {pid: _position_view(p) for pid, p in state.positions.items()}

    return view(a) == view(b)


def _position_view(p: Position) -> tuple[object, ...]:
    return (p.balance, p.opening, p.opening_inferred, p.events, p.last.position if p.last else None)
