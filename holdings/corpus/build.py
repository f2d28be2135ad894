"""Write a corpus: the filings, optionally the same filings as an SEC data set, and truth.json.

Two passes over the people. The first draws every history only to list the rows that may carry
an injected discrepancy; K of them are chosen; the second draws each history again (the same
seed gives the same history), falsifies the chosen rows, and writes. Memory stays at one
person's history, whatever the size of the corpus.
"""

from __future__ import annotations

import json
import random
import shutil
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from holdings.corpus.dataset import DatasetWriter
from holdings.corpus.generate import (
    Candidate,
    Doc,
    Person,
    choose_discrepancies,
    draw_history,
    falsify,
    filings_per_person,
    make_person,
)
from holdings.corpus.render_text import render_text
from holdings.corpus.render_xml import render_xml

TRUTH = "truth.json"
OWNED = ("filings", "dataset", TRUTH)
"""What a corpus folder holds; only these are removed when a corpus is rewritten."""


@dataclass
class CorpusSummary:
    people: int
    filings: int
    xml_files: int
    text_files: int
    amendments: int
    discrepancies: int
    dataset: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def write_corpus(
    out: str | Path,
    *,
    people: int,
    filings: int,
    seed: int,
    discrepancies: int = 0,
    text_share: float = 0.2,
    dataset: bool = False,
    overwrite: bool = False,
) -> CorpusSummary:
    if people < 1:
        raise ValueError("need at least one person")
    if filings < people:
        raise ValueError(f"{filings} filings cannot give each of {people} people a filing")
    if not 0.0 <= text_share <= 1.0:
        raise ValueError("text share must be between 0 and 1")
    root = Path(out)
    _prepare(root, overwrite)

    counts = filings_per_person(people, filings)
    persons = [make_person(seed, i, people, text_share) for i in range(people)]
    chosen: dict[int, dict[tuple[int, str, int], Candidate]] = defaultdict(dict)
    if discrepancies > 0:
        pool: list[Candidate] = []
        for person, count in zip(persons, counts, strict=True):
            pool.extend(draw_history(seed, person, count).candidates)
        for c in choose_discrepancies(seed, pool, discrepancies):
            chosen[c.person][(c.ordinal, c.table, c.row)] = c
        del pool

    summary = CorpusSummary(people, filings, 0, 0, 0, discrepancies, dataset)
    truth_people: list[dict[str, Any]] = []
    injected: list[dict[str, Any]] = []
    amendments: list[dict[str, str]] = []
    writer = DatasetWriter(root / "dataset") if dataset else None
    made: set[Path] = set()
    try:
        for person, count in zip(persons, counts, strict=True):
            history = draw_history(seed, person, count)
            shapes = random.Random(f"holdings-corpus:{seed}:shape:{person.index}")
            mine = chosen.get(person.index, {})
            for doc in history.docs:
                if person.text:
                    doc.shape = "markdown" if shapes.random() < 0.5 else "text"
                for (ordinal, table, index), c in mine.items():
                    if ordinal == doc.ordinal and doc.role == "regular":
                        record = _inject(seed, doc, table, index, c, person)
                        record["position_key"] = history.positions[c.position].key
                        injected.append(record)
                if doc.role == "amendment":
                    summary.amendments += 1
                    original = next(
                        d for d in history.docs if d.role == "original" and d.period == doc.period
                    )
                    amendments.append({"original": original.relpath, "amendment": doc.relpath})
                target = root / doc.relpath
                if target.parent not in made:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    made.add(target.parent)
                if doc.shape == "xml":
                    target.write_bytes(render_xml(doc).encode("utf-8"))
                    summary.xml_files += 1
                else:
                    target.write_bytes(render_text(doc).encode("utf-8"))
                    summary.text_files += 1
                if writer is not None:
                    writer.add(doc)
            truth_people.append(
                _person_truth(person, history.positions.values(), len(history.docs))
            )
    finally:
        if writer is not None:
            writer.close()

    injected.sort(key=lambda d: (d["file"], d["table"], d["row"]))
    truth = {
        "seed": seed,
        "people": people,
        "filings": filings,
        "text_share": text_share,
        "summary": summary.as_dict(),
        "persons": truth_people,
        "discrepancies": injected,
        "amendments": amendments,
    }
    (root / TRUTH).write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return summary


def _prepare(root: Path, overwrite: bool) -> None:
    present = [root / name for name in OWNED if (root / name).exists()]
    if present and not overwrite:
        raise FileExistsError(
            f"{root} already holds a corpus ({', '.join(p.name for p in present)}); "
            "pass overwrite=True (--force) to replace it"
        )
    for p in present:
        if p.is_dir():
            shutil.rmtree(p)
        else:
            p.unlink()
    root.mkdir(parents=True, exist_ok=True)


def _inject(
    seed: int, doc: Doc, table: str, index: int, c: Candidate, person: Person
) -> dict[str, Any]:
    rows = doc.non_derivative if table == "non_derivative" else doc.derivative
    row = rows[index]
    expected = row.following
    row.following = falsify(seed, row, c)
    return {
        "file": doc.relpath,
        "accession": doc.accession,
        "table": table,
        "row": index,
        "expected": str(expected),
        "reported": str(row.following),
        "person_key": person.person_key,
        "issuer_key": person.issuer_key,
        "position": row.position,
    }


def _person_truth(person: Person, positions: Any, files: int) -> dict[str, Any]:
    s = person.issuer
    return {
        "name": person.box1,
        "cik": person.cik,
        "person_key": person.person_key,
        "issuer": {"name": s.name, "ticker": s.ticker, "cik": s.cik},
        "issuer_key": person.issuer_key,
        "shape": "text" if person.text else "xml",
        "files": files,
        "positions": [
            {
                "position": p.position,
                "position_key": p.key,
                "security": p.title,
                "ownership": p.ownership,
                "nature": p.nature,
                "exercise_price": p.exercise_price,
                "expiration_date": p.expiration.isoformat() if p.expiration else None,
                "balance": str(p.balance),
            }
            for p in positions
        ],
    }
