"""``holdings verify``: the log checked by the ledger, then the projections against a rebuild.

A positions table that no longer matches a fresh fold of the log is a problem of its own
(``stale projection``): the log is the truth, the table only a copy kept for speed.
"""

from __future__ import annotations

from collections.abc import Callable

from ledger.integrity import Problem, VerifyReport, check_log
from ledger.store import EventStore
from projections.materialize import position_row, stored_positions
from projections.projector import rebuild_parallel

__all__ = ["Problem", "VerifyReport", "verify"]


def verify(
    store: EventStore, *, payloads: bool = True, progress: Callable[[int], None] | None = None
) -> VerifyReport:
    report = check_log(store, payloads=payloads, progress=progress)
    _check_positions(store, report)
    return report


def _check_positions(store: EventStore, report: VerifyReport) -> None:
    stored = stored_positions(store)
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
