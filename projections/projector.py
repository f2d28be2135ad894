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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from ledger.store import EventStore
from projections.entries import Entry, by_stream, read_entries
from projections.links import ReadView
from projections.positions import FoldState, Position, fold
from projections.supersede import current_entries


def fold_stream(entries: list[Entry], state: FoldState | None = None) -> FoldState:
    state = state or FoldState()
    for entry in _chained(sorted(current_entries(entries), key=lambda e: e.sort_key), state):
        fold(state, entry)
    return state


def _chained(ordered: list[Entry], state: FoldState) -> Iterator[Entry]:
    """Replay order is transaction date, filing date, row. Filings that tie on both dates are
    put in the order their reported balances chain (the one that continues from the running
    balance goes first), falling back to a content order; never the order they were ingested.
    Consumed while folding, so ``state`` is current when a tie is decided."""
    i, n = 0, len(ordered)
    while i < n:
        key = (ordered[i].effective_date, ordered[i].filed_date)
        j = i
        while j < n and (ordered[j].effective_date, ordered[j].filed_date) == key:
            j += 1
        run = ordered[i:j]
        shas = list(dict.fromkeys(e.filing_sha256 for e in run))
        if len(shas) == 1:
            yield from run
        else:
            yield from _chain_order(run, shas, state)
        i = j


def _chain_order(run: list[Entry], shas: list[str], state: FoldState) -> Iterator[Entry]:
    groups = {sha: [e for e in run if e.filing_sha256 == sha] for sha in shas}
    simulated: dict[str, Decimal | None] = {}

    def balance(e: Entry) -> Decimal | None:
        if e.position_key in simulated:
            return simulated[e.position_key]
        p = state.positions.get((e.stream_id, e.position_key))
        return p.balance if p else None

    def continues(group: list[Entry]) -> bool:
        for e in group:
            if e.reported is not None and e.quantity is not None:
                b = balance(e)
                return b is not None and b + e.quantity == e.reported
        return False

    def opening(group: list[Entry]) -> tuple[str, Decimal] | None:
        for e in group:
            if e.reported is not None and e.quantity is not None:
                return e.position_key, e.reported - e.quantity
        return None

    def feeds(sha: str, others: list[str]) -> bool:
        """Another filing of the tie opens exactly where this one closes."""
        closing = {e.position_key: e.reported for e in groups[sha] if e.reported is not None}
        starts = [opening(groups[o]) for o in others if o != sha]
        return any(s is not None and closing.get(s[0]) == s[1] for s in starts)

    remaining = list(shas)
    while remaining:
        pick = next(
            (sha for sha in remaining if continues(groups[sha])),
            next((sha for sha in remaining if feeds(sha, remaining)), remaining[0]),
        )
        remaining.remove(pick)
        for e in groups[pick]:
            b = balance(e)
            if e.reported is not None:
                simulated[e.position_key] = e.reported
            elif b is not None and e.quantity is not None:
                simulated[e.position_key] = b + e.quantity
            yield e


def rebuild_parallel(store: EventStore, workers: int | None = None) -> FoldState:
    """A full rebuild split across cores by stream range: streams fold independently, so each
    process reads and folds its own slice of the log and only the positions come back."""
    workers = workers or min(2, os.cpu_count() or 1)
    bounds = _stream_bounds(store, workers)
    if len(bounds) <= 1:
        return rebuild(read_entries(store))
    url = store.url
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

    from ledger.tables import EVENTS

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


def _rebuild_range(
    args: tuple[str, tuple[str | None, str | None]],
) -> dict[tuple[str, str], Position]:
    url, bounds = args
    store = EventStore(url, read_only=True)  # a worker only reads
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
    view: ReadView | None = None
    """The links and replaced renderings the state was folded with: when they change, streams
    merge, split or lose filings, and the state is folded again from the log."""

    def rebuild(self) -> FoldState:
        self.state = FoldState()
        self.checkpoint = 0
        return self.update()

    def update(self) -> FoldState:
        view = ReadView.load(self.store)
        if self.view is not None and (
            view.links.stream_alias != self.view.links.stream_alias
            or view.replaced != self.view.replaced
        ):
            self.state = FoldState()
            self.checkpoint = 0
        self.view = view
        new: dict[str, list[Entry]] = defaultdict(list)
        top = self.checkpoint
        for e in read_entries(self.store, after_seq=self.checkpoint, view=view):
            new[e.stream_id].append(e)
            top = max(top, e.seq)
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
        last = max(p.last.sort_key[:2] for p in mine if p.last is not None)
        seen_periods = {p.last.period_of_report for p in mine if p.last is not None}
        return all(
            e.sort_key[:2] > last and not e.is_amendment and e.period_of_report not in seen_periods
            for e in entries
        ) and _periods_unique(entries)

    def _refold(self, sid: str) -> None:
        self.refolded_streams += 1
        for pid in [pid for pid in self.state.positions if pid[0] == sid]:
            del self.state.positions[pid]
        stream = list(read_entries(self.store, stream_ids=[sid], view=self.view))
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
    return (p.balance, p.opening, p.opening_inferred, p.events, p.last.seq if p.last else None)
