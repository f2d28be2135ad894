"""scripts/remix_real.py: new filings from the work list's real ones, the held-out never read."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from parsers import parse_file

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import remix_real  # noqa: E402
from render_corpus import held_out_names  # noqa: E402

REAL = ROOT.parent / "shared" / "realdata" / "xml"

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"{REAL} not found (../shared)")


def test_remixes_keep_each_filing_whole_and_never_touch_the_held_out(tmp_path: Path) -> None:
    assert remix_real.main(["--out", str(tmp_path), "--seed", "3", "--real", str(REAL)]) == 0
    held = {Path(n).stem for n in held_out_names()}
    made = sorted(tmp_path.iterdir())
    bases = [p.name.split("_", 2)[2].removesuffix(".xml") for p in made]
    assert made and not held & set(bases)
    swapped = 0
    for path, base in zip(made, bases, strict=True):
        remixed = parse_file(path)
        original = next(p for p in REAL.iterdir() if p.stem == base)
        truth = parse_file(original)
        # the structure stays: the same rows, amounts and dates
        assert [r.shares_owned_following for r in remixed.non_derivative] == [
            r.shares_owned_following for r in truth.non_derivative
        ]
        assert [r.transaction_date for r in remixed.derivative] == [
            r.transaction_date for r in truth.derivative
        ]
        swapped += remixed.issuer.name != truth.issuer.name
    assert swapped > len(made) // 2  # most issuers' names were swapped (share 0.8)


def test_rows_turn_transactions_into_holdings_after_the_transactions(tmp_path: Path) -> None:
    args = ["--out", str(tmp_path), "--seed", "5", "--real", str(REAL), "--rows", "--share", "1"]
    assert remix_real.main(args) == 0
    holdings = more = 0
    for path in sorted(tmp_path.iterdir()):
        remixed = parse_file(path)
        base = path.name.split("_", 2)[2].removesuffix(".xml")
        truth = parse_file(next(p for p in REAL.iterdir() if p.stem == base))
        for got, was in ((remixed.non_derivative, truth.non_derivative),
                         (remixed.derivative, truth.derivative)):  # fmt: skip
            kinds = [r.kind for r in got]
            # the form's order: every transaction before every holding
            assert kinds == sorted(kinds, key=lambda k: k != "transaction"), path.name
            holdings += kinds.count("holding") - [r.kind for r in was].count("holding")
            more += len(got) > len(was)
    assert holdings > 0 and more > 0  # some transactions held, some rows printed twice
