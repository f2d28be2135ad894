"""``holdings verify``: the log checked by the ledger, then the projections against a rebuild.

The positions table is first caught up with the log past its checkpoint (in memory where the
ledger is open read-only), as every reader of it does: a table a crash left behind is not a
problem, it is simply not yet caught up. A table that, caught up, still disagrees with a fresh
fold of the log is (``stale projection``): the log is the truth, the table only a copy kept for
speed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ledger.integrity import Problem, SavedHead, VerifyReport, check_log
from ledger.store import EventStore
from projections.materialize import StoredRow, fresh_positions, iter_current_positions
from projections.spill import Spill

__all__ = ["Problem", "SavedHead", "VerifyReport", "verify"]


def verify(
    store: EventStore,
    *,
    payloads: bool = True,
    progress: Callable[[int], None] | None = None,
    expect: SavedHead | None = None,
) -> VerifyReport:
    """The log (and, given ``expect``, against a head saved earlier), then the projections."""
    report = check_log(store, payloads=payloads, progress=progress, expect=expect)
    _check_positions(store, report)
    return report


def _check_positions(store: EventStore, report: VerifyReport) -> None:
    """The table against a fresh fold, both sorted by position on disk past a fixed count
    (``projections.spill``) and walked side by side: a whole-ledger verify holds a chunk of
    each, never all positions twice over."""
    with Spill(key=_pid) as stored, Spill(key=_pid) as fresh:
        for row in iter_current_positions(store):
            stored.add(row)
        for row in fresh_positions(store):
            fresh.add(row)
        report.positions = len(fresh)
        for pid, a, b in _side_by_side(iter(stored), iter(fresh)):
            _compare(pid, a, b, report)


def _pid(row: StoredRow) -> tuple[str, str]:
    return (str(row["stream_id"]), str(row["position_key"]))


def _side_by_side(
    left: Iterator[StoredRow], right: Iterator[StoredRow]
) -> Iterator[tuple[tuple[str, str], StoredRow | None, StoredRow | None]]:
    """Two runs sorted by position joined on it, in order; a side without the position gives
    None."""
    a, b = next(left, None), next(right, None)
    while a is not None or b is not None:
        ka = _pid(a) if a is not None else None
        kb = _pid(b) if b is not None else None
        if kb is None or (ka is not None and ka < kb):
            assert ka is not None
            yield ka, a, None
            a = next(left, None)
        elif ka is None or kb < ka:
            yield kb, None, b
            b = next(right, None)
        else:
            yield ka, a, b
            a, b = next(left, None), next(right, None)


def _compare(
    pid: tuple[str, str], a: StoredRow | None, b: StoredRow | None, report: VerifyReport
) -> None:
    where = f"{pid[0]} {pid[1]}"
    if a is None:
        report.problems.append(
            Problem("stale projection", where, "position missing from the positions table")
        )
    elif b is None:
        report.problems.append(
            Problem("stale projection", where, "positions table holds a position no event makes")
        )
    elif (a["balance"], a["events"], a["last_seq"]) != (b["balance"], b["events"], b["last_seq"]):
        report.problems.append(
            Problem(
                "stale projection",
                where,
                f"table says balance {a['balance']} after {a['events']} events, a rebuild "
                f"says {b['balance']} after {b['events']}",
            )
        )
