"""Where every table of a ledger would live on a distributed PostgreSQL (Citus): the one list
that docs/SCALE.md prints and that tests/test_scale.py holds the schema to.

A *distributed* table is split into shards by the hash of one column, so the database can only
enforce a unique key within a shard: every primary key and unique index of such a table must
hold that column. A *reference* table is copied whole to every node (small, joined with
everything, any key). A *local* table stays on the coordinator (facts about the ledger itself,
and progress markers that only the coordinator reads and writes).

Projection tables are named here too (as names: the ledger imports no projection), so that a
table added anywhere without a decision here fails the test that lists a built ledger's tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, inspect

Kind = Literal["distributed", "reference", "local"]


@dataclass(frozen=True)
class Placement:
    kind: Kind
    why: str
    column: str | None = None
    """The distribution column of a distributed table."""
    colocate_with: str | None = None
    """A distributed table whose shards this one's follow (same column type, same hash
    ranges), or ``none``: a colocation group of its own (no join wants ``filings`` beside a
    stream, and it is then moved and rebalanced on its own)."""


PLACEMENTS: dict[str, Placement] = {
    "events": Placement(
        "distributed",
        "the log; an append and a replay touch one stream at a time, and a stream's hash "
        "chain never leaves its shard",
        column="stream_id",
    ),
    "filings": Placement(
        "distributed",
        "one row per file, found by content hash (renderings have no accession number)",
        column="sha256",
        colocate_with="none",
    ),
    "positions": Placement(
        "distributed",
        "refolded one stream at a time, beside that stream's events",
        column="stream_id",
        colocate_with="events",
    ),
    "identity_links": Placement(
        "reference",
        "a few rows, read whole and chained in one global order",
    ),
    "replaced_renderings": Placement(
        "reference",
        "a few rows, read whole by every projection query",
    ),
    "people": Placement(
        "reference",
        "one row per person key; lookups by name or CIK join no stream",
    ),
    "issuer_names": Placement(
        "reference",
        "one row per issuer name spelt; read whole before reading renderings",
    ),
    "quarantine": Placement("local", "files that failed; read by the operator"),
    "ledger_meta": Placement("local", "the layout version and the ledger's own facts"),
    "ledger_incidents": Placement("local", "guards found tampered with; read by verify"),
    "projection_checkpoints": Placement(
        "local", "how far each projection has read the global log order"
    ),
}

SQLITE_KEY_EXCEPTIONS = {"events": ("seq",)}
"""SQLite is never sharded, and a new row there is numbered only through an INTEGER PRIMARY
KEY: ``events`` keeps ``seq`` alone as its key there (PostgreSQL has ``(seq, stream_id)``)."""


def distributed() -> dict[str, str]:
    """{table: distribution column} for the distributed tables."""
    return {t: p.column for t, p in PLACEMENTS.items() if p.column is not None}


def citus_statements() -> list[str]:
    """The calls that would place the tables, in an order Citus accepts (a table is colocated
    with one already distributed)."""
    out = []
    for table, p in PLACEMENTS.items():
        if p.kind == "distributed":
            colocate = f", colocate_with => '{p.colocate_with}'" if p.colocate_with else ""
            out.append(f"SELECT create_distributed_table('{table}', '{p.column}'{colocate});")
        elif p.kind == "reference":
            out.append(f"SELECT create_reference_table('{table}');")
    return out


def placement_table() -> str:
    """The table docs/SCALE.md shows, as Markdown."""
    lines = ["| table | placement | column | why |", "|---|---|---|---|"]
    for table, p in PLACEMENTS.items():
        where: str = p.kind
        if p.colocate_with == "none":
            where += " (colocated with nothing)"
        elif p.colocate_with:
            where += f" (colocated with `{p.colocate_with}`)"
        column = f"`{p.column}`" if p.column else ""
        lines.append(f"| `{table}` | {where} | {column} | {p.why} |")
    return "\n".join(lines)


def key_breaks(conn: Connection) -> list[str]:
    """Keys of the database behind ``conn`` that a sharded table could not enforce: every
    primary key, unique constraint and unique index of a distributed table, as the database
    holds them, that lacks the table's distribution column. Empty when the schema is ready."""
    present = set(inspect(conn).get_table_names())
    out: list[str] = []
    for table, column in distributed().items():
        if table not in present:
            continue
        for what, cols in unique_keys(conn, table):
            if column in cols:
                continue
            if (
                conn.dialect.name == "sqlite"
                and what == "primary key"
                and tuple(cols) == SQLITE_KEY_EXCEPTIONS.get(table)
            ):
                continue
            shown = ", ".join(c or "(expression)" for c in cols)
            out.append(f"{table}: {what} ({shown}) lacks {column}")
    return out


def unique_keys(conn: Connection, table: str) -> list[tuple[str, list[str | None]]]:
    """(what, columns) of each key the database enforces on ``table``; None for a column that
    is an expression. SQLite is asked directly (its reflection skips expression indexes)."""
    pk = inspect(conn).get_pk_constraint(table)["constrained_columns"]
    keys: list[tuple[str, list[str | None]]] = [("primary key", list(pk))]
    if conn.dialect.name == "sqlite":
        for _n, name, unique, origin, *_ in conn.exec_driver_sql(f"PRAGMA index_list('{table}')"):
            if unique and origin != "pk":
                cols = [r[2] for r in conn.exec_driver_sql(f"PRAGMA index_info('{name}')")]
                keys.append((f"unique index {name}", cols))
        return keys
    insp = inspect(conn)
    keys += [
        (f"unique constraint {u['name']}", list(u["column_names"]))
        for u in insp.get_unique_constraints(table)
    ]
    keys += [
        (f"unique index {i['name']}", list(i["column_names"]))
        for i in insp.get_indexes(table)
        if i["unique"] and not i.get("duplicates_constraint")
    ]
    return keys
