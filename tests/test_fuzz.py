"""Mutated real renderings either parse or raise ParseError: never anything else, in bounded
time and memory. ``scripts/fuzz.py`` runs the large campaign; crashers it found are kept under
``tests/fixtures/fuzz/`` and replayed here, beside hand-made hostile inputs (``hostile_*``)."""

from __future__ import annotations

import random
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import fuzz  # noqa: E402

INPUTS = fuzz.corpus()
CRASHERS = sorted((Path(__file__).resolve().parent / "fixtures" / "fuzz").glob("*"))


def _bounded(data: bytes, name: str) -> str:
    tracemalloc.start()
    start = time.perf_counter()
    try:
        outcome = fuzz.check(data, name)
    finally:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert time.perf_counter() - start < 5.0, f"{name}: too slow"
    assert peak < 200 * 1024 * 1024, f"{name}: {peak / 1e6:.0f} MB"
    return outcome


def test_the_corpus_is_there() -> None:
    assert len(INPUTS) >= 10
    assert len(CRASHERS) >= 5


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(
    index=st.integers(min_value=0, max_value=10_000),
    names=st.lists(st.sampled_from(sorted(fuzz.MUTATIONS)), min_size=1, max_size=3),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_mutated_renderings_parse_or_raise_parse_error(
    index: int, names: list[str], seed: int
) -> None:
    source, data = INPUTS[index % len(INPUTS)]
    rng = random.Random(seed)
    for name in names:
        data = fuzz.MUTATIONS[name](rng, data)
    assert _bounded(data, f"{source}~{'+'.join(names)}") in {"parsed", "parse_error"}


@pytest.mark.parametrize("name", ["nested_xml", "entity_xml"])
def test_hostile_xml_is_refused_fast(name: str) -> None:
    for seed in range(3):
        data = fuzz.MUTATIONS[name](random.Random(seed), INPUTS[0][1])
        assert _bounded(data, name) == "parse_error"


@pytest.mark.parametrize("path", CRASHERS, ids=[p.name for p in CRASHERS])
def test_kept_hostile_inputs_and_crashers_parse_or_raise_parse_error(path: Path) -> None:
    assert _bounded(path.read_bytes(), path.name) in {"parsed", "parse_error"}
