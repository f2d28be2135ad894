"""``holdings verify``: the log checked by the ledger, then the projections against a rebuild.

The positions table is first caught up with the log past its checkpoint (in memory where the
ledger is open read-only), as every reader of it does: a table a crash left behind is not a
problem, it is simply not yet caught up. A table that, caught up, still disagrees with a fresh
fold of the log is (``stale projection``): the log is the truth, the table only a copy kept for
speed.
"""

from __future__ import annotations

from collections.abc import Callable

from ledger.integrity import Problem, SavedHead, VerifyReport, check_log
from ledger.store import EventStore
from projections.materialize import current_positions, position_row
from projections.projector import rebuild_parallel

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
    stored = current_positions(store)
    fresh = {pid: position_row(p) for pid, p in rebuild_parallel(store).positions.items()}
    report.positions = len(fresh)
    for pid in sorted(set(stored) | set(fresh)):
        a, b = stored.get(pid), fresh.get(pid)
        where = f"{pid[0]} {pid[1]}"
        if a is None:
            report.problems.append(
                Problem("stale projection", where, "position missing from the positions table")
            )
        elif b is None:
            report.problems.append(
                Problem(
                    "stale projection", where, "positions table holds a position no event makes"
                )
            )
        elif (a["balance"], a["events"], a["last_seq"]) != (
            b["balance"],
            b["events"],
            b["last_seq"],
        ):
            report.problems.append(
                Problem(
                    "stale projection",
                    where,
                    f"table says balance {a['balance']} after {a['events']} events, a rebuild "
                    f"says {b['balance']} after {b['events']}",
                )
            )
