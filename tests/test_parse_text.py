"""Text renderings of Form 3/4/5 into a Filing.

The five seeds are pinned value by value (whole filings, not samples). Hand-made renderings of
the same or other real filings, in shapes the seeds do not have, show that the parser reads the
form rather than the seeds. Broken inputs must be refused with the file and line, or noted.
"""

from __future__ import annotations

import hashlib
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from parsers import Filing, ParseError, parse_bytes, parse_file
from parsers.limits import Limits
from parsers.model import DerivativeRow, NonDerivativeRow, ReportingOwner
from parsers.text.cells import split_rows
from parsers.text.read import parse_text
from parsers.text.tokens import DATE, LETTER, MARKER, NUM, TEXT, tokenize

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text"
SEEDS = FIXTURES / "seeds"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

SEED_000 = SEEDS / "000_28e73f0d9ee92a54.txt"
SEED_001 = SEEDS / "001_e1fd2640dd039e8c.txt"
SEED_002 = SEEDS / "002_a5e8b83255f5be1b.txt"
SEED_003 = SEEDS / "003_f1e04564f50603cc.txt"
SEED_004 = SEEDS / "004_aa3ba1f970fdc38c.txt"


# --------------------------------------------------------------------------- expected shapes
# Every comparison is against a whole dict: these helpers start from every key the model has
# (so a field nobody expected cannot slip through) and set what the filing says.


def _defaults(model: type) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        value = info.get_default(call_default_factory=True)
        out[name] = value
    return out


def nd(**values: Any) -> dict[str, Any]:
    row = _defaults(NonDerivativeRow) | {"kind": "transaction"}
    row.update(values)
    return row


def dv(**values: Any) -> dict[str, Any]:
    row = _defaults(DerivativeRow) | {"kind": "transaction"}
    row.update(values)
    return row


def txn(
    title: str,
    date: str,
    code: str,
    shares: str,
    ad: str,
    price: str | None,
    following: str,
    footnotes: dict[str, list[str]],
    line: int,
    ownership: str = "D",
) -> dict[str, Any]:
    """A Table I transaction row with no deemed date, not voluntary, no nature of ownership."""
    return nd(
        security_title=title,
        transaction_date=date,
        code=code,
        voluntary=False,
        shares=shares,
        acquired_disposed=ad,
        price=price,
        shares_owned_following=following,
        ownership=ownership,
        footnotes=footnotes,
        line=line,
    )


def owner(**values: Any) -> dict[str, Any]:
    row = _defaults(ReportingOwner)
    row.update(values)
    return row


def filing(path: Path, fmt: str, **values: Any) -> dict[str, Any]:
    out = _defaults(Filing)
    out.pop("form_type")
    out["source"] = {
        "path": str(path),
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "format": fmt,
    }
    out.update(values)
    return out


def parsed(path: Path) -> dict[str, Any]:
    """The contract JSON, with each note's row reference left out (it is ``field`` parsed,
    tested in test_doubts.py) so that expectations here name field, message and kind."""
    out = parse_file(path).to_json_dict()
    for note in out["notes"]:
        del note["table"], note["row"]
    return out


QUALYS = {"name": "QUALYS, INC.", "ticker": "QLYS", "cik": None}
POSEY_SIG = [{"name": "/s/ Bruce Posey", "date": "2022-06-22"}]
RANGE_TAIL = (
    " Upon request by the Commission staff, the Issuer or a security holder of the Issuer, the "
    "Reporting Person will provide full information regarding the number of shares sold at each "
    "separate price within the range set forth in this Form 4."
)


def _range(low: str, high: str) -> str:
    return (
        "The sale price represents the weighted average price of the shares sold ranging from "
        f"${low} to ${high} per share."
    )


FOOTNOTES_000 = {
    "F1": "The sale transaction reported in this Form 4 was effected pursuant to a Rule 10b5-1 "
    "trading plan adopted by the Reporting Person on February 16, 2022.",
    "F2": _range("122.88", "123.83") + RANGE_TAIL,
    "F3": _range("123.85", "124.55") + RANGE_TAIL,
    "F4": "This option is fully vested and immediately exercisable.",
}
FOOTNOTES_003 = {
    "F1": "The sale transaction reported in this Form 4 was effected pursuant to a Rule 10b5-1 "
    "trading plan adopted by the Reporting Person on February 28, 2024.",
    "F2": _range("140.65", "141.64") + RANGE_TAIL,
    "F3": _range("141.65", "142.64") + RANGE_TAIL,
    "F4": _range("142.65", "143.64") + RANGE_TAIL,
    "F5": _range("143.66", "143.67") + RANGE_TAIL,
    "F6": "These shares were acquire on February 15, 2025 through the Issuer's Employee Stock "
    "Purchase Plan in a transaction that was exempt under both Rule 16b-3(d) and Rule 16b-3(c).",
    "F7": "The option is fully vested and immediately exercisable.",
}
FOOTNOTES_004 = {
    "F1": "The transactions reported on this Form 4 were effected pursuant to a Rule 10b5-1 "
    "trading plan adopted by the Reporting Person on February 21, 2013.",
    "F2": "The sale price for this transaction reported in column 4 of Table I represents the "
    "weighted average sale price of the shares sold, ranging from $18.00 to $18.81 per share. "
    "Upon request by the Commission staff, the Issuer or a security holder of the Issuer, the "
    "Reporting Person will provide full information regarding the number of shares sold at each "
    "separate price.",
    "F3": "The option is subject to an early exercise provision and is immediately exercisable. "
    "One thirty-sixth of the shares subject to the option vested on November 29, 2010 and one "
    "thirty-sixth of the shares vest monthly thereafter.",
}

POSEY = owner(
    name="POSEY BRUCE K",
    is_director=True,
    is_officer=True,
    is_ten_percent_owner=False,
    is_other=False,
    officer_title="Chief Legal Officer",
)
THAKAR = owner(
    name="Thakar Sumedh S",
    is_director=True,
    is_officer=True,
    is_ten_percent_owner=False,
    is_other=False,
    officer_title="CEO & PRESIDENT",
)
WILSON = owner(
    name="Wilson John N",
    is_director=False,
    is_officer=True,
    is_ten_percent_owner=False,
    is_other=False,
    officer_title="EVP, Worldwide Field Ops",
)


def rows_000(lines: tuple[int, int, int]) -> list[dict[str, Any]]:
    """Seed 000's Table I: exercise of 1,000 then two 10b5-1 sales, 65,427 -> 62,927."""
    return [
        txn("Common Stock", "2022-06-21", "M", "1000", "A", "25.56", "65427", {"code": ["F1"]},
            lines[0]),
        txn("Common Stock", "2022-06-21", "S", "1100", "D", "123.4739", "64327",
            {"code": ["F1"], "price": ["F2"]}, lines[1]),
        txn("Common Stock", "2022-06-21", "S", "1400", "D", "124.1357", "62927",
            {"code": ["F1"], "price": ["F3"]}, lines[2]),
    ]  # fmt: skip


def option_000(line: int) -> dict[str, Any]:
    return dv(
        security_title="Stock Option (right to buy)",
        exercise_price="25.56",
        transaction_date="2022-06-21",
        code="M",
        voluntary=False,
        shares="1000",
        acquired_disposed="D",
        date_exercisable=None,
        expiration_date="2026-04-28",
        underlying_title="Common Stock",
        underlying_shares="1000",
        price="25.56",
        shares_owned_following="35300",
        ownership="D",
        footnotes={"code": ["F1"], "date_exercisable": ["F4"]},
        line=line,
    )


def rows_003(lines: list[int]) -> list[dict[str, Any]]:
    """Seed 003's Table I: 253,144 - 2,390 - 2,350 - 2,195 - 65 + 169 (ESPP) = 246,313."""
    cf = {"code": ["F1"]}
    return [
        txn("Common Stock", "2025-02-14", "M", "7000", "A", "25.56", "253144", cf, lines[0]),
        txn("Common Stock", "2025-02-14", "S", "2390", "D", "141.3815", "250754",
            cf | {"price": ["F2"]}, lines[1]),
        txn("Common Stock", "2025-02-14", "S", "2350", "D", "142.0751", "248404",
            cf | {"price": ["F3"]}, lines[2]),
        txn("Common Stock", "2025-02-14", "S", "2195", "D", "143.0724", "246209",
            cf | {"price": ["F4"]}, lines[3]),
        txn("Common Stock", "2025-02-14", "S", "65", "D", "143.6648", "246144",
            cf | {"price": ["F5"]}, lines[4]),
        txn("Common Stock", "2025-02-15", "A", "169", "A", "103.94", "246313",
            {"shares": ["F6"]}, lines[5]),
    ]  # fmt: skip


def option_003(line: int) -> dict[str, Any]:
    return dv(
        security_title="Stock Option (right to buy)",
        exercise_price="25.56",
        transaction_date="2025-02-14",
        code="M",
        voluntary=False,
        shares="7000",
        acquired_disposed="D",
        date_exercisable=None,
        expiration_date="2026-04-28",
        underlying_title="Common Stock",
        underlying_shares="7000",
        price="25.56",
        shares_owned_following="66000",
        ownership="D",
        footnotes={"code": ["F1"], "date_exercisable": ["F7"]},
        line=line,
    )


def rows_004(lines: tuple[int, int]) -> list[dict[str, Any]]:
    return [
        txn("Common Stock", "2013-08-06", "M", "10000", "A", "4.1", "65500", {"code": ["F1"]},
            lines[0]),
        txn("Common Stock", "2013-08-06", "S", "10000", "D", "18.3654", "55500",
            {"code": ["F1"], "price": ["F2"]}, lines[1]),
    ]  # fmt: skip


def option_004(line: int) -> dict[str, Any]:
    return dv(
        security_title="Stock Option (right to buy)",
        exercise_price="4.1",
        transaction_date="2013-08-06",
        code="M",
        voluntary=False,
        shares="10000",
        acquired_disposed="D",
        date_exercisable=None,
        expiration_date="2020-11-05",
        underlying_title="Common Stock",
        underlying_shares="10000",
        price="0",
        shares_owned_following="140591",
        ownership="D",
        footnotes={"code": ["F1"], "date_exercisable": ["F3"]},
        line=line,
    )


# --------------------------------------------------------------------------- the five seeds


def test_seed_copies_match_shared_seeds() -> None:
    """The pinned copies are the shared seeds, byte for byte (skipped where shared/ is absent)."""
    shared = SHARED / "seeds"
    if not shared.is_dir():
        pytest.skip("shared/seeds not present")
    names = sorted(p.name for p in shared.glob("*.txt"))
    assert names == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name in names:
        assert (SEEDS / name).read_bytes() == (shared / name).read_bytes(), name


def test_seed_000_pipe_markdown() -> None:
    assert parsed(SEED_000) == filing(
        SEED_000,
        "markdown",
        form_type="4",
        issuer=QUALYS,
        reporting_owners=[POSEY],
        period_of_report="2022-06-21",
        date_of_original_submission=None,
        aff10b5_one=None,
        not_subject_to_section16=False,
        signatures=POSEY_SIG,
        non_derivative=rows_000((27, 28, 29)),
        derivative=[option_000(36)],
        footnotes=FOOTNOTES_000,
        remarks=None,
        notes=[],
    )


def test_seed_001_html_inside_markdown_cells() -> None:
    assert parsed(SEED_001) == filing(
        SEED_001,
        "markdown",
        form_type="4",
        issuer=QUALYS,
        reporting_owners=[
            owner(
                name="Kim Joo Mi",
                is_director=False,
                is_officer=True,
                is_ten_percent_owner=False,
                is_other=False,
                officer_title="Chief Financial Officer",
            )
        ],
        period_of_report="2023-11-28",
        aff10b5_one=None,
        not_subject_to_section16=False,
        signatures=[
            {"name": "/s/ Bruce Posey, by power of attorney for Joo Mi Kim", "date": "2023-11-29"}
        ],
        non_derivative=[
            txn(
                "Common Stock",
                "2023-11-28",
                "S",
                "1598",
                "D",
                "180.4183",
                "104141",
                {"code": ["F1"], "price": ["F2"]},
                25,
            ),
        ],  # fmt: skip
        derivative=[],
        footnotes={
            "F1": "The sale transaction reported in this Form 4 was effected pursuant to a Rule "
            "10b5-1 trading plan adopted by the Reporting Person on August 28, 2023.",
            "F2": _range("179.93", "180.75") + RANGE_TAIL,
        },
        remarks=None,
        notes=[],
    )


def test_seed_002_ocr() -> None:
    """The scan: date torn into fragments, balance echoed, footnote fused, an indirect holding."""
    assert parsed(SEED_002) == filing(
        SEED_002,
        "ocr",
        form_type="4",
        issuer=QUALYS,
        reporting_owners=[
            owner(
                name="COURTOT PHILIPPE F",
                is_director=True,
                is_officer=True,
                is_ten_percent_owner=True,
                is_other=False,
                officer_title="Chairman & CEO",
            )
        ],
        period_of_report="2020-11-01",
        aff10b5_one=None,
        not_subject_to_section16=None,
        signatures=[
            {
                "name": "/s/ Bruce Posey by power of attorney for Philippe F. Courtot",
                "date": "2020-11-02",
            }
        ],
        non_derivative=[
            txn(
                "Common Stock",
                "2020-11-01",
                "F",
                "11050",
                "D",
                "87.8",
                "5208879",
                {"shares": ["F1"]},
                28,
            ),
            nd(
                kind="holding",
                security_title="Common Stock",
                shares_owned_following="100000",
                ownership="I",
                nature_of_ownership="See Footnote",
                footnotes={"nature_of_ownership": ["F2"]},
                line=29,
            ),
        ],  # fmt: skip
        derivative=[],
        footnotes={
            "F1": "The reported shares were withheld to cover the Reporting Person's tax liability "
            "in connection with the vesting of restricted stock units.",
            "F2": "These shares are held directly by a custodian under the Uniform Gifts to Minors "
            "Act for the benefit of the Reporting Person's minor child.",
        },
        remarks=None,
        notes=[
            {
                "line": 28,
                "field": "non_derivative[0].transaction_date",
                "message": "rebuilt from OCR fragments '11/01/20', ')20', '20'; year from the "
                "header's date of earliest transaction",
                "kind": "repair",
            },
            {
                "line": 28,
                "field": "non_derivative[0].shares_owned_following",
                "message": "dropped OCR fragment '5,20' that repeats the start of '5,208,879'",
                "kind": "repair",
            },
        ],
    )


def test_seed_003_tab_separated() -> None:
    assert parsed(SEED_003) == filing(
        SEED_003,
        "text",
        form_type="4",
        issuer=QUALYS,
        reporting_owners=[THAKAR],
        period_of_report="2025-02-14",
        aff10b5_one=False,
        not_subject_to_section16=False,
        signatures=[
            {
                "name": "/s/ Bruce Posey by power of attorney for Sumedh S. Thakar",
                "date": "2025-02-18",
            }
        ],
        non_derivative=rows_003([23, 24, 25, 26, 27, 28]),
        derivative=[option_003(34)],
        footnotes=FOOTNOTES_003,
        remarks=None,
        notes=[],
    )


def test_seed_004_pipe_markdown_zero_price() -> None:
    result = parse_file(SEED_004)
    assert result.derivative[0].price == Decimal("0")
    assert result.derivative[0].exercise_price == Decimal("4.1")
    assert result.to_json_dict() == filing(
        SEED_004,
        "markdown",
        form_type="4",
        issuer=QUALYS,
        reporting_owners=[WILSON],
        period_of_report="2013-08-06",
        aff10b5_one=None,
        not_subject_to_section16=False,
        signatures=[
            {
                "name": "/s/ Bruce Posey by power of attorney for John N. Wilson",
                "date": "2013-08-07",
            }
        ],
        non_derivative=rows_004((25, 26)),
        derivative=[option_004(33)],
        footnotes=FOOTNOTES_004,
        remarks=None,
        notes=[],
    )


def test_seed_balances_chain() -> None:
    """The checks DOMAIN.md says hold: each row's balance follows from the one before."""
    for path in (SEED_000, SEED_003, SEED_004):
        rows = parse_file(path).non_derivative
        for before, after in zip(rows, rows[1:], strict=False):
            assert before.shares_owned_following is not None
            assert after.shares is not None
            sign = 1 if after.acquired_disposed == "A" else -1
            assert after.shares_owned_following == before.shares_owned_following + sign * (
                after.shares
            ), (path.name, after.line)


# --------------------------------------------------------------------------- beyond the seeds


def test_layout_text_with_wrapped_headers_reads_like_seed_000() -> None:
    """Seed 000 as ``pdftotext -layout`` prints it: columns are runs of spaces, every caption
    wraps over several lines, the option title wraps under its row, and the lone Table II number
    is told (D) from (A) by where it sits under the captions."""
    path = FIXTURES / "layout_000_posey.txt"
    assert parsed(path) == filing(
        path,
        "text",
        form_type="4",
        issuer=QUALYS,
        reporting_owners=[POSEY],
        period_of_report="2022-06-21",
        aff10b5_one=None,
        not_subject_to_section16=None,
        signatures=POSEY_SIG,
        non_derivative=rows_000((29, 30, 31)),
        derivative=[option_000(48)],
        footnotes=FOOTNOTES_000,
        remarks=None,
        notes=[],
    )


def test_layout_text_number_under_a_caption_is_an_acquisition() -> None:
    text = (FIXTURES / "layout_000_posey.txt").read_text()
    row = next(ln for ln in text.splitlines() if ln.startswith("Stock Option"))
    moved = row.replace("M(1)                  1,000    ", "A(1)         1,000             ")
    assert len(moved) == len(row) and moved != row
    result = parse_text(text.replace(row, moved), path="moved.txt", sha256="x", limits=Limits())
    option = result.derivative[0]
    assert (option.code, option.acquired_disposed, option.shares) == ("A", "A", Decimal("1000"))
    assert result.notes == []


def test_layout_text_nature_of_ownership_wrapped_over_lines() -> None:
    """The Workday Form 4 (EDGAR XML in shared/realdata) as layout text: a trust's name wraps
    over six lines of its column, markers are fused onto amounts, the 10b5-1 box is empty."""
    path = FIXTURES / "layout_workday_wrapped_nature.txt"
    assert parsed(path) == filing(
        path,
        "text",
        form_type="4",
        issuer={"name": "Workday, Inc.", "ticker": "WDAY", "cik": None},
        reporting_owners=[
            owner(
                name="Eschenbach Carl M.",
                is_director=True,
                is_officer=True,
                is_ten_percent_owner=False,
                is_other=False,
                officer_title="CEO",
            )
        ],
        period_of_report="2025-03-05",
        aff10b5_one=False,
        not_subject_to_section16=False,
        signatures=[{"name": "/s/ Juliana Capata, attorney-in-fact", "date": "2025-03-07"}],
        non_derivative=[
            txn(
                "Class A Common Stock",
                "2025-03-05",
                "F",
                "11084",
                "D",
                "253.63",
                "627104",
                {"shares": ["F1"], "shares_owned_following": ["F2"]},
                30,
            ),
            nd(
                kind="holding",
                security_title="Class A Common Stock",
                shares_owned_following="13972",
                ownership="I",
                nature_of_ownership="Eschenbach Family Trust dtd 4/15/2014, Carl Eschenbach Jr "
                "and Ana Eschenbach TTEE",
                footnotes={"nature_of_ownership": ["F3"]},
                line=31,
            ),
        ],  # fmt: skip
        derivative=[],
        footnotes={
            "F1": "Represents shares withheld by the Issuer to satisfy the tax withholding "
            "obligation in connection with the vesting of restricted stock units (RSUs) and "
            "performance restricted stock units (PRSUs).",
            "F2": "Includes 226,338 RSUs and 212,552 PRSUs, each of which entitle the Reporting "
            "Person to receive one share of Class A Common Stock upon settlement. All grants are "
            "subject to the Reporting Person's continued service with the Issuer on the "
            "applicable vesting dates.",
            "F3": "The trust is in the name of the Reporting Person and his spouse, who are both "
            "trustees and beneficiaries of the trust.",
        },
        remarks=None,
        notes=[],
    )


def test_markdown_with_html_tables_amendment() -> None:
    """Seed 003 as markdown whose tables are HTML (rowspan/colspan captions, ``<br>`` in a
    title, ``<sup>`` markers, superscript-numbered footnotes), made a 4/A with a ticked 10b5-1
    box and remarks."""
    path = FIXTURES / "html_tables_003_amendment.md"
    assert parsed(path) == filing(
        path,
        "markdown",
        form_type="4/A",
        issuer=QUALYS,
        reporting_owners=[THAKAR],
        period_of_report="2025-02-14",
        date_of_original_submission="2025-02-19",
        aff10b5_one=True,
        not_subject_to_section16=False,
        signatures=[
            {
                "name": "/s/ Bruce Posey by power of attorney for Sumedh S. Thakar",
                "date": "2025-02-20",
            }
        ],
        non_derivative=rows_003([25, 38, 51, 64, 77, 90]),
        derivative=[option_003(110)],
        footnotes=FOOTNOTES_003,
        remarks="This amendment is filed to correct the price reported for the Employee Stock "
        "Purchase Plan acquisition.",
        notes=[],
    )


def test_pipe_table_with_split_and_merged_cells() -> None:
    """Seed 003 as a pipe table a converter mangled: ``253,1|44`` and ``2,19|5`` split,
    ``2,390 D`` merged, markers as ``(1)``, ``[4]``, ``F5``, ``⁽⁶⁾`` fused onto values, a holding
    of ``1,4|14,849`` whose title wraps onto the next row, and the option title wrapped too."""
    path = FIXTURES / "pipe_split_merged_003.md"
    short = {k: v.replace(RANGE_TAIL, "") for k, v in FOOTNOTES_003.items()}
    short["F8"] = (
        "These shares are held by the Thakar Family Trust, of which the Reporting Person is a "
        "trustee."
    )
    holding = nd(
        kind="holding",
        security_title="Common Stock",
        shares_owned_following="1414849",
        ownership="I",
        nature_of_ownership="By Trust",
        footnotes={"nature_of_ownership": ["F8"]},
        line=20,
    )
    assert parsed(path) == filing(
        path,
        "ocr",
        form_type="4",
        issuer=QUALYS,
        reporting_owners=[THAKAR],
        period_of_report="2025-02-14",
        aff10b5_one=None,
        not_subject_to_section16=None,
        signatures=[
            {
                "name": "/s/ Bruce Posey by power of attorney for Sumedh S. Thakar",
                "date": "2025-02-18",
            }
        ],
        non_derivative=[*rows_003([14, 15, 16, 17, 18, 19]), holding],
        derivative=[option_003(28)],
        footnotes=short,
        remarks=None,
        notes=[
            {
                "line": 14,
                "field": "non_derivative[0].shares_owned_following",
                "message": "joined number split across cells '253,1' + '44'",
                "kind": "repair",
            },
            {
                # ``2,390 D`` merged: a cell fewer than the table's rows have, so the row's
                # values may stand a column off (they do not here; the doubt says it may)
                "line": 15,
                "field": "non_derivative[1]",
                "message": "the row has 10 cells where 6 rows of its table have 11: a cell"
                " lost, so its values may stand a column off; unsure",
                "kind": "doubt",
            },
            {
                "line": 17,
                "field": "non_derivative[3].shares",
                "message": "joined number split across cells '2,19' + '5'",
                "kind": "repair",
            },
            {
                "line": 20,
                "field": "non_derivative[6].shares_owned_following",
                "message": "joined number split across cells '1,4' + '14,849'",
                "kind": "repair",
            },
        ],
    )


def test_ocr_letter_digit_confusions() -> None:
    """Seed 004 as a worse scan: O for 0, l for 1, S for $, a title fused with its date, an
    echoed balance, a Table II row with a stray cell (its (A)/(D) left empty, the code's usual
    side said)."""
    path = FIXTURES / "ocr_digits_004.txt"

    def ocr(line: int, field: str, seen: str, read: str) -> dict[str, Any]:
        return {
            "line": line,
            "field": field,
            "message": f"OCR letters in {seen!r} read as {read!r}",
            "kind": "repair",
        }

    assert parsed(path) == filing(
        path,
        "ocr",
        form_type="4",
        issuer=QUALYS,
        reporting_owners=[WILSON],
        period_of_report="2013-08-06",
        aff10b5_one=None,
        not_subject_to_section16=None,
        signatures=[
            {
                "name": "/s/ Bruce Posey by power of attorney for John N. Wilson",
                "date": "2013-08-07",
            }
        ],
        non_derivative=rows_004((19, 20)),
        # the stray cell hides the (A)/(D) column: the side is left empty, not taken from M
        derivative=[{**option_004(24), "acquired_disposed": None}],
        footnotes=FOOTNOTES_004,
        remarks=None,
        notes=[
            {
                "line": 14,
                "field": "period_of_report",
                "message": "OCR letters in 'O8/06/2Ol3' read as '08/06/2013'",
                "kind": "repair",
            },
            ocr(19, "non_derivative[0].transaction_date", "O8/06/2013", "08/06/2013"),
            ocr(19, "non_derivative[0].shares", "1O,OOO", "10,000"),
            ocr(19, "non_derivative[0].price", "$4.l", "$4.1"),
            ocr(19, "non_derivative[0].shares_owned_following", "65,5OO", "65,500"),
            ocr(20, "non_derivative[1].transaction_date", "O8/O6/2O13", "08/06/2013"),
            ocr(20, "non_derivative[1].shares", "1O,000", "10,000"),
            ocr(20, "non_derivative[1].price", "S18.3654", "$18.3654"),
            {
                "line": 20,
                "field": "non_derivative[1].shares_owned_following",
                "message": "dropped OCR fragment '55,5' that repeats the start of '55,500'",
                "kind": "repair",
            },
            ocr(24, "derivative[0].exercise_price", "$4.l", "$4.1"),
            ocr(24, "derivative[0].transaction_date", "O8/06/2013", "08/06/2013"),
            ocr(24, "derivative[0].shares", "1O,OOO", "10,000"),
            ocr(24, "derivative[0].expiration_date", "11/O5/2O2O", "11/05/2020"),
            ocr(24, "derivative[0].price", "$O", "$0"),
            ocr(24, "derivative[0].shares_owned_following", "14O,591", "140,591"),
            {
                "line": 24,
                "field": "derivative[0].acquired_disposed",
                "message": "(A)/(D) column unclear; left empty (code M usually goes D)",
                "kind": "doubt",
            },
        ],
    )


def test_form_3_tab_separated() -> None:
    """Berkshire's Snowflake Form 3 (EDGAR XML in shared/realdata) as tab-separated text: the
    Form 3 column order, box 2 "Date of Event Requiring Statement", an indirect holding, and a
    joint filer whose box 1 is repeated below the explanation."""
    path = FIXTURES / "tabs_form3_snow.txt"
    assert parsed(path) == filing(
        path,
        "text",
        form_type="3",
        issuer={"name": "Snowflake Inc.", "ticker": "SNOW", "cik": None},
        reporting_owners=[
            owner(
                name="BERKSHIRE HATHAWAY INC",
                is_director=False,
                is_officer=False,
                is_ten_percent_owner=True,
                is_other=False,
            ),
            owner(
                name="BUFFETT WARREN E",
                is_director=False,
                is_officer=False,
                is_ten_percent_owner=True,
                is_other=False,
            ),
        ],
        period_of_report="2020-09-18",
        signatures=[
            {
                "name": "/s/ Warren E. Buffett, on behalf of himself and each other reporting "
                "person hereunder",
                "date": "2020-09-28",
            }
        ],
        non_derivative=[
            nd(
                kind="holding",
                security_title="Class A Common Stock",
                shares_owned_following="6125376",
                ownership="I",
                nature_of_ownership="See footnote",
                footnotes={"nature_of_ownership": ["F1"]},
                line=13,
            )
        ],
        derivative=[],
        footnotes={
            "F1": "The reported securities are owned directly by Columbia Insurance Company, a "
            'subsidiary of Berkshire Hathaway Inc. ("Berkshire"). As Berkshire is in the chain of '
            "ownership of such subsidiary listed above, it may be deemed presently to both "
            "beneficially own and have a pecuniary interest in all shares of Common Stock "
            "presently directly owned by such subsidiary. Warren E. Buffett, as the controlling "
            "stockholder of Berkshire, may be deemed presently to beneficially own, but only to "
            "the extent he has a pecuniary interest in, the shares of Common Stock presently "
            "owned by such subsidiary. Mr. Buffett disclaims beneficial ownership of the reported "
            "securities except to the extent of his pecuniary interest therein."
        },
        remarks=None,
        notes=[],
    )


def test_form_5_title_keeps_reading_form_4_style_columns() -> None:
    """Form 5 has no V column; a rendering that keeps one still lines up by type."""
    text = SEED_000.read_text().replace(
        "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
        "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
    )
    result = parse_text(text, path="f5.txt", sha256="x", limits=Limits()).to_json_dict()
    assert result["form_type"] == "5"
    assert result["non_derivative"] == rows_000((27, 28, 29))
    assert result["derivative"] == [option_000(36)]
    assert result["notes"] == []


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("M ⁽¹⁾", [(LETTER, "M", ["1"])]),
        ("S <sup>(1)</sup>", [(LETTER, "S", ["1"])]),
        ("$634.4608(2)", [(NUM, "$634.4608", ["2"])]),
        ("11,050(1)", [(NUM, "11,050", ["1"])]),
        ("\\$25.56 [3]", [(NUM, "$25.56", ["3"])]),
        ("65 F5", [(NUM, "65", ["5"])]),
        ("2,390 D", [(NUM, "2,390", []), (LETTER, "D", [])]),
        ("Common Stock 11/01/2020", [(TEXT, "Common Stock", []), (DATE, "11/01/2020", [])]),
        ("Class A Common Stock", [(TEXT, "Class A Common Stock", [])]),
        ("See Footnote ⁽²⁾", [(TEXT, "See Footnote", ["2"])]),
        ("(4)", [(MARKER, "", ["4"])]),
        ("<b>By</b> <u>Trust</u>", [(TEXT, "By Trust", [])]),
    ],
)
def test_cells_read_as_typed_values(cell: str, expected: list[tuple[str, str, list[str]]]) -> None:
    tokens = tokenize([cell], [0])
    assert [(t.kind, t.text, t.marks) for t in tokens] == expected


def test_html_table_rows_keep_their_source_lines() -> None:
    text = (
        'intro\n<table>\n<tr><td>a</td>\n<td colspan="2">b</td></tr>\n'
        "<tr><td>c</td></tr>\n</table>\nend"
    )
    rows = [r for r in split_rows(text) if r.text]
    assert [(r.line, r.cells, r.shape) for r in rows] == [
        (1, ("intro",), "plain"),
        (3, ("a", "b", ""), "html"),
        (5, ("c",), "html"),
        (7, ("end",), "plain"),
    ]


# --------------------------------------------------------------------------- bad inputs


def _lines(path: Path) -> list[str]:
    return path.read_text().split("\n")


def test_empty_file_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n")
    with pytest.raises(ParseError) as err:
        parse_file(empty)
    assert str(empty) in str(err.value) and "empty" in err.value.message
    with pytest.raises(ParseError) as err:
        parse_text("\n \n", path="e.txt", sha256="x", limits=Limits())
    assert (err.value.path, err.value.line) == ("e.txt", 1)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    blob = tmp_path / "scan.png"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(ParseError) as err:
        parse_file(blob)
    assert str(blob) in str(err.value) and "binary" in err.value.message
    control = "Form 4\n" + "\x01\x02\x03\x04\x05\x06\x07\x08" * 20
    with pytest.raises(ParseError) as err:
        parse_text(control, path="c.bin", sha256="x", limits=Limits())
    assert (err.value.path, err.value.line) == ("c.bin", 2)
    assert "binary" in err.value.message


def test_form_8k_is_refused_naming_the_file_and_line() -> None:
    text = (
        "\n\nUNITED STATES SECURITIES AND EXCHANGE COMMISSION\n\nFORM 8-K\n\nCURRENT REPORT\n"
        "Pursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934\n\n"
        "| Item 5.02 | Departure of Directors or Certain Officers |\n|---|---|\n"
        "| Date of Report | June 21, 2022 |\n"
    )
    with pytest.raises(ParseError) as err:
        parse_bytes(text.encode(), "8k.txt")
    assert err.value.path == "8k.txt"
    assert err.value.line == 3
    assert "not a Form 3, 4 or 5" in err.value.message
    assert str(err.value).startswith("8k.txt:3: ")


def test_form_4_truncated_before_table_i_rows_is_refused() -> None:
    lines = _lines(SEED_000)
    cut = "\n".join(lines[:26])  # up to the Table I caption rows, no data, nothing after
    with pytest.raises(ParseError) as err:
        parse_bytes(cut.encode(), "cut.txt")
    assert (err.value.path, err.value.line) == ("cut.txt", 26)
    assert "truncated" in err.value.message


def test_form_4_truncated_inside_table_ii_is_refused() -> None:
    cut = "\n".join(_lines(SEED_000)[:35])
    with pytest.raises(ParseError) as err:
        parse_bytes(cut.encode(), "cut2.txt")
    assert (err.value.line, "Table II" in err.value.message) == (35, True)


def test_unreadable_amount_is_none_with_a_note() -> None:
    text = SEED_000.read_text().replace("| M ⁽¹⁾ | | 1,000 |", "| M ⁽¹⁾ | | abc |", 1)
    assert "abc" in text
    result = parse_bytes(text.encode(), "abc.txt")
    row = result.non_derivative[0]
    assert row.shares is None
    assert (row.code, row.acquired_disposed, row.price, row.shares_owned_following) == (
        "M",
        "A",
        Decimal("25.56"),
        Decimal("65427"),
    )
    assert [n.model_dump(exclude={"table", "row"}) for n in result.notes] == [
        {
            "line": 27,
            "field": "non_derivative[0].shares",
            "message": "could not read 'abc'; value left empty",
            "kind": "doubt",
        }
    ]


def test_unreadable_date_and_malformed_number_are_noted() -> None:
    text = SEED_003.read_text()
    text = text.replace("02/15/2025\t\tA", "13/45/2025\t\tA").replace("246,313", "246,31")
    row = parse_bytes(text.encode(), "bad.txt").non_derivative[5]
    notes = parse_bytes(text.encode(), "bad.txt").notes
    assert (row.transaction_date, row.shares_owned_following, row.code) == (None, None, "A")
    assert [(n.line, n.field, n.message) for n in notes] == [
        (28, "non_derivative[5].transaction_date", "could not read '13/45/2025' as a date"),
        (28, "non_derivative[5].shares_owned_following", "could not read '246,31' as a number"),
    ]


def test_hostile_input_does_not_backtrack() -> None:
    """No regex here may backtrack badly: long runs of the characters they look for.

    Not a speed measure (those live in scripts/bench_parse.py): catastrophic backtracking turns
    milliseconds into minutes, so a generous budget of this process's own CPU time (not wall
    time, which other work on a shared machine inflates) tells the two apart."""
    head = SEED_000.read_text().split("Explanation of Responses")[0]
    nasty = "| " + "1,1" * 20000 + " | " + "((((" * 20000 + " |\n" + " x " * 50000 + "\n"
    text = head + nasty + "Explanation of Responses:\n" + "- " + "ab " * 50000 + "\n/s/ x 1/1/2020"
    started = time.process_time()
    parse_text(text, path="n.txt", sha256="x", limits=Limits())
    assert time.process_time() - started < 10.0


def test_cell_position_decides_a_from_d_when_a_row_has_one_bad_cell() -> None:
    """Table II with the number in the (A) cell and junk in the underlying-amount cell: the
    row still has the form's 16 cells, so cell positions place the number, and the junk is
    noted against the column it sat in."""
    old = "| M ⁽¹⁾ | | | 1,000 | (4) | 04/28/2026 | Common Stock | 1,000 |"
    new = "| J ⁽¹⁾ | | 1,000 | | (4) | 04/28/2026 | Common Stock | n.m. x |"
    text = SEED_000.read_text()
    assert old in text
    result = parse_text(text.replace(old, new), path="j.txt", sha256="x", limits=Limits())
    option = result.derivative[0]
    assert (option.code, option.shares, option.acquired_disposed) == ("J", Decimal("1000"), "A")
    assert (option.underlying_title, option.underlying_shares) == ("Common Stock", None)
    assert [n.model_dump(exclude={"table", "row"}) for n in result.notes] == [
        {
            "line": 36,
            "field": "derivative[0].underlying_shares",
            "message": "could not read 'n.m. x'; value left empty",
            "kind": "doubt",
        }
    ]


def test_voluntary_flag_and_deemed_date_are_read() -> None:
    old = "Common Stock\t02/15/2025\t\tA\t\t169 ⁽⁶⁾"
    new = "Common Stock\t02/15/2025\t02/16/2025\tA\tV\t169 ⁽⁶⁾"
    text = SEED_003.read_text()
    assert old in text
    result = parse_text(text.replace(old, new), path="v", sha256="x", limits=Limits())
    assert result.non_derivative[5].model_dump(mode="json") == txn(
        "Common Stock", "2025-02-15", "A", "169", "A", "103.94", "246313", {"shares": ["F6"]}, 28
    ) | {"deemed_execution_date": "2025-02-16", "voluntary": True}


def test_holding_row_in_table_ii_without_date_or_code() -> None:
    """An option position reported without a transaction: a derivative holding. The price of
    a transaction left in its cell (a holding has none on the form) is a shifted or left-over
    cell: left empty with a doubt."""
    old = "| Stock Option (right to buy) | \\$25.56 | 06/21/2022 | | M ⁽¹⁾ | | | 1,000 |"
    new = "| Stock Option (right to buy) | \\$25.56 | | | | | | |"
    text = SEED_000.read_text()
    assert old in text
    result = parse_text(text.replace(old, new), path="h", sha256="x", limits=Limits())
    assert result.derivative[0].model_dump(mode="json") == option_000(36) | {
        "kind": "holding",
        "transaction_date": None,
        "code": None,
        "voluntary": None,
        "shares": None,
        "acquired_disposed": None,
        "price": None,
        "footnotes": {"date_exercisable": ["F4"]},
    }
    assert [(n.field, n.kind, n.message) for n in result.notes] == [
        (
            "derivative[0].price",
            "doubt",
            "25.56 in the price column of a row with no date or code; left empty",
        )
    ]


def test_title_numbers_spelled_dates_and_f_numbered_footnotes() -> None:
    """A number inside an intact title cell stays in the title; ``June 21, 2022`` is a date in
    a cell and beside a signature; footnotes numbered ``F1`` / ``F2:`` keep their numbers."""
    text = SEED_000.read_text()
    edits = [
        ("| Common Stock | 06/21/2022 | | M ⁽¹⁾ |",
         "| Common Stock, par value \\$0.001 | June 21, 2022 | | M ⁽¹⁾ |"),
        ("06/22/2022", "June 22, 2022"),
        ("- The sale transaction", "F1 The sale transaction"),
        ("- This option", "F4: This option"),
    ]  # fmt: skip
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    result = parse_text(text, path="t", sha256="x", limits=Limits()).to_json_dict()
    expected = rows_000((27, 28, 29))
    expected[0]["security_title"] = "Common Stock, par value $0.001"
    assert result["non_derivative"] == expected
    assert result["signatures"] == POSEY_SIG
    assert result["footnotes"] == FOOTNOTES_000
    assert result["notes"] == []


def test_footnotes_run_together_in_one_paragraph() -> None:
    """A converter that joined the explanation into one paragraph: ``(1) ... (2) ...``."""
    text = SEED_003.read_text()
    bullets = [ln for ln in text.split("\n") if ln.startswith("- ")]
    assert len(bullets) == 7
    paragraph = " ".join(f"({n}) {ln[2:]}" for n, ln in enumerate(bullets, 1))
    text = text.replace("\n\n".join(bullets), paragraph).replace("\n".join(bullets), paragraph)
    assert paragraph in text
    result = parse_text(text, path="p", sha256="x", limits=Limits())
    assert result.footnotes == FOOTNOTES_003
    assert [r.footnotes for r in result.non_derivative][5] == {"shares": ["F6"]}


def test_header_boxes_as_paragraphs() -> None:
    """Seed 004 with the header boxes as plain paragraphs (label, blank line, value), the way
    some converters flatten the header table; the tables stay pipes."""
    path = FIXTURES / "paragraph_header_004.md"
    assert parsed(path) == filing(
        path,
        "markdown",
        form_type="4",
        issuer=QUALYS,
        reporting_owners=[WILSON],
        period_of_report="2013-08-06",
        aff10b5_one=None,
        not_subject_to_section16=False,
        signatures=[
            {
                "name": "/s/ Bruce Posey by power of attorney for John N. Wilson",
                "date": "2013-08-07",
            }
        ],
        non_derivative=rows_004((63, 64)),
        derivative=[option_004(71)],
        footnotes=FOOTNOTES_004,
        remarks=None,
        notes=[],
    )


def test_ocr_title_cell_with_a_glued_amount_splits() -> None:
    """On a scan with extra cells, a number glued to the title is the amount, not the title."""
    old = "| Common Stock | | | | | | | | | | | | | 100,000 |"
    new = "| Common Stock 100,000 | | | | | | | | | | | | | |"
    text = SEED_002.read_text()
    assert old in text
    result = parse_text(text.replace(old, new), path="o", sha256="x", limits=Limits())
    holding = result.non_derivative[1]
    assert (holding.kind, holding.security_title, holding.shares_owned_following) == (
        "holding",
        "Common Stock",
        Decimal("100000"),
    )


# --------------------------------------------------------------------------- real filings
# Renderings of real filings (an independent tester's converters: layout text, tabs, pipes,
# HTML) beside the filing's own XML. The XML parser is the reference, so these tests do not
# restate what the text parser read: every table row's identifying fields must equal the XML's.

REAL = FIXTURES / "real"
ROW_KEYS = (
    "kind",
    "security_title",
    "transaction_date",
    "code",
    "shares",
    "acquired_disposed",
    "price",
    "shares_owned_following",
    "ownership",
    "nature_of_ownership",
)
DV_KEYS = (*ROW_KEYS, "underlying_title", "underlying_shares", "exercise_price")


def _rows(f: Filing, table: str) -> list[tuple[Any, ...]]:
    keys = ROW_KEYS if table == "non_derivative" else DV_KEYS
    return [tuple(getattr(r, k) for k in keys) for r in getattr(f, table)]


def assert_like_xml(rendering: str, xml: str) -> Filing:
    """Both tables row for row as the XML parser reads the same filing."""
    text, ref = parse_file(REAL / rendering), parse_file(REAL / xml)
    assert _rows(text, "non_derivative") == _rows(ref, "non_derivative")
    assert _rows(text, "derivative") == _rows(ref, "derivative")
    return text


def test_real_text_cells_keep_letters_and_numbers_that_name_things() -> None:
    """``By immediate family member 2`` and ``... member 1`` are two positions; ``Class A`` on a
    wrapped underlying-title line keeps its ``A``; a wrapped nature line ``2017 Irrevocable
    Trust`` is words, not a holding of 2,017 shares."""
    nvda = assert_like_xml("nvda_4a_tsv.txt", "nvda_4a.xml")
    natures = [r.nature_of_ownership for r in nvda.non_derivative]
    assert "By immediate family member 2" in natures and "By immediate family member 1" in natures
    tls = assert_like_xml("tls_layout_top.txt", "tls.xml")
    assert "By FDS New River Farm 2017 Irrevocable Trust" in [
        r.nature_of_ownership for r in tls.non_derivative
    ]
    zip_ = assert_like_xml("zip_layout_dollargap.txt", "zip.xml")
    assert {r.underlying_title for r in zip_.derivative} == {"Class A Common Stock"}


def test_real_no_phantom_rows_from_page_furniture_or_further_owner_boxes() -> None:
    """A browser's print header and footer at a page break (``https://...doc4.xml  1/3``,
    ``4/15/22, 6:02 PM  SEC Form 4``) and the boxes of further reporting persons below Table II
    are not holdings; the further persons are reporting owners."""
    assert_like_xml("goog_brin30_layout.txt", "goog_brin30.xml")
    unity = assert_like_xml("unity_multiowner_html.md", "unity.xml")
    ref = parse_file(REAL / "unity.xml")
    assert [o.name for o in unity.reporting_owners] == [o.name for o in ref.reporting_owners]
    assert [o.is_director for o in unity.reporting_owners] == [
        o.is_director for o in ref.reporting_owners
    ]


def test_real_layout_values_centred_below_a_wrapped_title() -> None:
    """``Class A Common`` / ``Stock(1)  10/02/2015  S ...``: when a converter centres the values
    of a row vertically, a title line above a value line belongs to that row, not to the row
    above; so do ``Stock Option`` / ``(Right to Buy)`` and an underlying ``Class A`` line
    (also across a page break with the browser's print header in it)."""
    goog = assert_like_xml("goog2015_layout_middle.txt", "goog2015.xml")
    assert goog.non_derivative[-1].security_title == "Class C Capital Stock"
    snow = assert_like_xml("snow_layout_middle.txt", "snow.xml")
    assert snow.derivative[0].security_title == "Stock Option (Right to Buy)"
    jetblue = assert_like_xml("jetblue_t2only_layout.txt", "jetblue.xml")
    assert jetblue.derivative[0].underlying_title == "Common Stock"


def _signatures(f: Filing) -> list[tuple[str, Any]]:
    return [(s.name, s.date) for s in f.signatures]


def test_real_signatures_without_slash_s_wrapped_or_with_text_before_it() -> None:
    """The signature date is the filing date of a text rendering. Signatures are read above the
    "Signature of Reporting Person" label: with no ``/s/`` (``Elon Musk 03/10/2023``, three
    signers of one filing), wrapped over two lines, or with the signer's entity before the
    ``/s/``; none of them is taken for remarks or a footnote."""
    for rendering, xml in (
        ("tcrr_layout_nosig.txt", "tcrr.xml"),
        ("promis_layout.txt", "promis.xml"),
        ("tesla_rich.md", "tesla.xml"),
        ("goog_brin30_layout.txt", "goog_brin30.xml"),
        # name / date / name / date on lines of their own; names wrapped over three lines
        # and a wrapped line that itself holds a second /s/ (one signer signing for another)
        ("tcrr_pipe_messy.md", "tcrr.xml"),
        ("softbank_layout_top.txt", "softbank.xml"),
        ("pleasant_lake_layout_top.txt", "pleasant_lake_submission.txt"),
    ):
        text, ref = parse_file(REAL / rendering), parse_file(REAL / xml)
        assert _signatures(text) == _signatures(ref), rendering
        assert text.remarks == ref.remarks, rendering
        assert text.footnotes == ref.footnotes, rendering


def test_real_ocr_torn_years_and_l_for_1_in_markers() -> None:
    """``05/04/20 |)22`` is 05/04/2022 (the ``20`` was the century; 2020 is what the debris
    contradicts), ``09/04/20 |)16 (4)`` is 09/04/2016 with its footnote, and ``S(l)`` is code
    S with footnote 1. Each repair is noted."""
    dk = assert_like_xml("draftkings_layout_ocr.txt", "draftkings.xml")
    ref = parse_file(REAL / "draftkings.xml")
    assert [r.footnotes for r in dk.non_derivative] == [r.footnotes for r in ref.non_derivative]
    assert any("torn-off" in n.message or "header" in n.message for n in dk.notes)
    silk = assert_like_xml("silk_rich_ocr.md", "silk.xml")
    ref = parse_file(REAL / "silk.xml")
    assert silk.derivative[0].date_exercisable == ref.derivative[0].date_exercisable
    assert silk.derivative[0].footnotes == ref.derivative[0].footnotes
    assert silk.source.format == "ocr"


def _relationship(f: Filing) -> list[tuple[Any, ...]]:
    return [
        (o.is_director, o.is_officer, o.is_ten_percent_owner, o.is_other)
        + (o.officer_title, o.other_text)
        for o in f.reporting_owners
    ]


def test_real_relationship_tick_in_its_own_cell_and_officer_with_other() -> None:
    """``<td>X</td><td>Officer (give title below)</td>`` with the title a row below is an
    officer with a title; Officer and Other both ticked keep the officer's title and the other
    relationship apart (``President & CEO`` / ``Chairman``)."""
    for rendering, xml in (
        ("snow_scarpelli_html.md", "snow.xml"),
        ("iht_deemed_layout.txt", "iht_submission.txt"),
    ):
        text, ref = parse_file(REAL / rendering), parse_file(REAL / xml)
        assert _relationship(text) == _relationship(ref), rendering


def test_real_joint_filing_with_one_person_named_is_noted() -> None:
    """Box 6 ticks "More than One Reporting Person" but the rendering names only the first
    (the others are in the filing's XML only): the gap is noted, not hidden."""
    tcrr = parse_file(REAL / "tcrr_layout_nosig.txt")
    assert len(parse_file(REAL / "tcrr.xml").reporting_owners) == 3
    assert [o.name for o in tcrr.reporting_owners] == ["TANG KEVIN C"]
    assert any(n.field == "reporting_owners" for n in tcrr.notes)
    unity = parse_file(REAL / "unity_multiowner_html.md")
    assert not any(n.field == "reporting_owners" for n in unity.notes)


def test_real_numbers_split_across_cells() -> None:
    """``| 12,629.04 | 2 |`` is the balance 12,629.042 (joined, with a note); ``| 1,520 |
    1,520,000 |`` on a holding row is the balance 1,520,000 and no transaction of 1,520."""
    vertex = assert_like_xml("vertex_deriv_only_pipe.md", "vertex.xml")
    assert vertex.derivative[0].shares_owned_following == Decimal("12629.042")
    assert any("joined number" in n.message for n in vertex.notes)
    step = assert_like_xml("step_pipe_messy.md", "step.xml")
    held = [r for r in step.non_derivative if r.shares_owned_following == Decimal("1520000")]
    assert held and held[0].shares is None


def test_real_table_ii_side_from_the_caption_cells_when_cells_were_split() -> None:
    """Table II rows with a spacer column and split or merged cells: the amount's cell under
    the ``(D)`` caption makes it a disposal even though code A usually acquires."""
    wave = assert_like_xml("wave_pipe_messy.md", "wave.xml")
    assert {r.acquired_disposed for r in wave.derivative} == {"D"}


def test_real_layout_narrow_columns_wrap_over_many_lines() -> None:
    """The same filings with the text columns wrapped narrow (titles over three to five lines,
    values centred or at the top, ``member`` / ``2`` and ``River Farm`` / ``2017`` on lines of
    their own in the nature column): every row as the XML has it."""
    for rendering, xml in (
        ("promis_layout_middle_narrow.txt", "promis.xml"),
        ("goog_brin30_layout_middle_narrow.txt", "goog_brin30.xml"),
        ("nvda_4a_layout_top_narrow.txt", "nvda_4a.xml"),
        ("tls_layout_top_narrow.txt", "tls.xml"),
    ):
        assert_like_xml(rendering, xml)


def test_real_title_with_a_number_wrapped_and_options_held_without_a_transaction() -> None:
    """``Common Stock, par`` / ``value $0.001``: the wrapped line with a dollar amount is the
    title's, not a row (layout text and a pipe table's wrap rows). A Table II row with no code
    holds options: its dates are the exercise window, not a transaction date."""
    for rendering in ("parvalue_layout_top.txt", "parvalue_pipe_wraprows.md"):
        f = assert_like_xml(rendering, "parvalue.xml")
        assert f.non_derivative[0].security_title == "Common Stock, par value $0.001"
    held = assert_like_xml("options_held_pipe_messy.md", "options_held.xml")
    assert held.derivative[0].kind == "holding" and held.derivative[0].transaction_date is None


def test_real_ocr_zero_read_as_letter_o_in_a_balance() -> None:
    """``| \\$0.00 | O D |``: after the price no code can stand, so the ``O`` is the balance 0
    (noted); ``(1O)`` in a marker is footnote 10."""
    tesla = assert_like_xml("tesla_pipe_ocr.md", "tesla.xml")
    assert [r.shares_owned_following for r in tesla.derivative] == [Decimal(0), Decimal(0)]
    assert any("read as 0" in n.message for n in tesla.notes)
    cells = split_rows("| Class A Common Stock | 9,686 | I | Trust(1O) |\n")[0].cells
    assert [t.marks for t in tokenize(cells, range(len(cells)))][-1] == ["10"]


def test_real_holding_balance_cut_into_two_well_formed_cells() -> None:
    """``| 25 | 5,449 |`` on a holding row whose only amount is its balance: 255,449, noted."""
    tls = assert_like_xml("tls_pipe_messy.md", "tls.xml")
    assert Decimal("255449") in [r.shares_owned_following for r in tls.non_derivative]
    assert any("joined number" in n.message for n in tls.notes)


def test_the_header_substring_test_never_hides_a_case_blind_label() -> None:
    # header._may_match spares a case-blind pattern's scan when none of its words is in the
    # line; characters a case-blind pattern reads as ASCII letters (dotless i, long s, Kelvin
    # sign, dotted I) must still let the pattern run.
    from parsers.text import header

    lines = [
        "Check this box to indicate that a transaction was made pursuant to a 10b5-1 plan",
        "CHECK THIS BOX ... AFFIRMATIVE DEFENSE",
        "affırmative defense",  # dotless i
        "no longer \u017fubject to Section 16",  # long s
        "no longer subject to \u017fection 16",
        "5. Relationship of Reporting Person(s) to Issuer",
        "( check all appl\u0130cable )",  # dotted capital I
        "Form filed by One Reporting Person",
    ]
    checks = [
        (header._PLAN_BOX, ("10b5-1", "affirmative", "indicate")),
        (header._SECTION16_BOX, ("longer",)),
        (header._OTHER_CAPTIONS, ("relationship", "applicable")),
    ]
    matched = 0
    for line in lines:
        for pattern, words in checks:
            if pattern.search(line):
                matched += 1
                assert header._may_match(line, words), (line, pattern.pattern)
    assert matched >= 7
    assert not header._may_match("Form filed by One Reporting Person", ("longer",))


def test_a_code_a_cell_off_its_column_leaves_the_amounts_side_empty() -> None:
    """The worse scan's Table II row with its stray empty cell moved behind the amount: the row
    is as wide as its captions again, but M stands in the V column, so the amount's (D) cell is
    one cell off too and says no sure side (the fuzz campaign read D there with no note)."""
    path = FIXTURES / "ocr_digits_004.txt"
    row = "| $4.l | O8/06/2013 | | | M⁽¹⁾ | | 1O,OOO | | (3) |"
    text = path.read_text()
    assert row in text
    moved = text.replace(row, "| $4.l | O8/06/2013 | | | M⁽¹⁾ | | 1O,OOO | (3) |")
    f = parse_bytes(moved.encode(), "moved.txt")
    option = f.derivative[0]
    assert (option.code, option.shares, option.acquired_disposed) == ("M", Decimal(10000), None)
    assert any(
        n.field == "derivative[0].acquired_disposed" and "left empty" in n.message for n in f.notes
    )


def test_rows_made_without_init_are_the_dataclass_rows() -> None:
    """split_rows sets each row's slots itself (speed): every row equals the one the Row
    dataclass makes of the same values, and a blank line, a separator and a change of shape
    number the blocks as before (a blank line is a block of its own; a separator stays in its
    table's)."""
    from parsers.text.cells import Row, _split_line

    text = "Title line\n\n| a | b |\n|---|---|\n| 1 | 2 |\nx\ty\n\n\nplain  two cols\n"
    rows = split_rows(text)
    made = [Row(i, *_split_line(raw)) for i, raw in enumerate(text.split("\n"), 1)]
    assert [(r.line, r.cells, r.xs, r.shape, r.text) for r in rows] == [
        (r.line, r.cells, r.xs, r.shape, r.text) for r in made
    ]
    assert [r.block for r in rows] == [1, 2, 3, 3, 3, 4, 5, 6, 7, 8]


def test_tokens_made_without_init_are_the_dataclass_tokens() -> None:
    """tokenize and tokenize_plain set each token's slots themselves (speed): every field is
    set, as Token(...) sets it, and each token's lists are its own (repairs edit them)."""
    from parsers.text.tokens import Token, cell_templates, tokenize_plain

    cells = ["Common Stock(1)", "03/01/2023", "$12.50", "1,000 (2)"]
    toks = tokenize(cells, [0, 20, 40, 60], chars=True)
    expected = [
        Token(k, t, i, x + at, v, d, [*m], [*n], b)
        for i, (c, x) in enumerate(zip(cells, [0, 20, 40, 60], strict=True))
        for k, t, v, d, m, n, b, at in cell_templates(c)
    ]
    assert toks == expected
    again = tokenize(cells, [0, 20, 40, 60], chars=True)
    toks[0].marks.append("9")
    toks[0].notes.append("edited")
    assert again == expected
    plain = tokenize_plain("Common Stock 1,000 (3) $5.00", 7)
    assert all(t.cell == 0 and t.x == 7 for t in plain)
    assert [t.kind for t in plain] == [TEXT, NUM, MARKER, NUM]


def test_a_bold_title_piece_holding_a_line_break_still_makes_its_landmark() -> None:
    # a picture-text block: the title's bold pieces among a box's words, one piece holding a
    # cell's line break ('**Table I - Non-<br>D**'). The break is squashed out of the pieces as
    # out of the whole line (the speed change 3c156db took it out of the whole line only, and
    # the Table I title was no landmark)
    from parsers.text.read import _landmark_kind_fresh

    for line in (
        "| **Table I - Non-<br>D** 01/27/2023 Smith **erivative** |",
        "| **Table I - Non-D** Smith **eri<br>vative** |",
    ):
        assert _landmark_kind_fresh(line) & 1, line


NVDA_TSV_HEAD = (
    "1. Name and Address of Reporting Person* <u>Kress Colette</u> (Last) (First) (Middle)"
    " C/O NVIDIA CORPORATION 2788 SAN TOMAS EXPRESSWAY (Street) SANTA CLARA CA 95051\t"
    "2. Issuer Name and Ticker or Trading Symbol NVIDIA CORP [ NVDA ]\n"
    "\t3. Date of Earliest Transaction (Month/Day/Year) 12/14/2022\t\n\n"
    "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n"
    "1. Title of Security (Instr. 3)\t2. Transaction Date (Month/Day/Year)\t2A. Deemed Execution"
    " Date, if any (Month/Day/Year)\t3. Transaction Code (Instr. 8)\t\t4. Securities Acquired (A)"
    " or Disposed Of (D) (Instr. 3, 4 and 5)\t\t\t5. Amount of Securities Beneficially Owned"
    " Following Reported Transaction(s) (Instr. 3 and 4)\t6. Ownership Form: Direct (D) or"
    " Indirect (I) (Instr. 4)\t7. Nature of Indirect Beneficial Ownership (Instr. 4)\n"
    "\t\t\tCode\tV\tAmount\t(A) or (D)\tPrice\t\t\t\n"
    "Common\t12/14/2022\t\tF\t\t11,570\tD\t$176.74\t547,701\tD\t\n"
    "Common\t\t\t\t\t\t\t\t76,768\tI\tBy Limited Liability Company\n"
)


def test_a_balance_fused_to_its_form_by_a_bracket_is_unread_and_keeps_its_row() -> None:
    """``400)I``: a balance, a closing bracket and the ownership form in one cell (a damaged
    tab, or a marker that lost its opening bracket: where the number ends is unsure). The row
    stays a row, its balance empty with a doubt; it had been read as the wrapped words of the
    row above (title ``Common Common``), the row lost."""
    text = (
        NVDA_TSV_HEAD
        + "Common\t\t\t\t\t\t\t\t400)I\tBy immediate family member 2\n"
        + "Common\t\t\t\t\t\t\t\t400\tI\tBy immediate family member 1\n\n"
        + "Explanation of Responses:\n\n/s/ Rebecca Peters 03/14/2023\n"
    )
    f = parse_text(text, path="x.txt", sha256="0" * 64, limits=Limits())
    rows = f.non_derivative
    assert [r.security_title for r in rows] == ["Common"] * 4
    assert [r.shares_owned_following for r in rows] == [
        Decimal(547701),
        Decimal(76768),
        None,
        Decimal(400),
    ]
    assert rows[2].ownership == "I"
    assert rows[2].nature_of_ownership == "By immediate family member 2"
    assert any(
        n.field == "non_derivative[2].shares_owned_following" and n.kind == "doubt" for n in f.notes
    )


def test_a_balance_and_its_form_split_by_a_control_character_stay_a_row() -> None:
    """``400``, a vertical tab, ``I`` (a damaged tab): a control character is a stray one
    between a balance and its form, not white space between words of a cell: both read, the
    balance with a doubt. It had been one word, the line taken for the wrapped words of the
    row above (title ``Common Common``), the row lost, no doubt (text fuzz seed 8 n 1000,
    nvda_4a_tsv byte_flip_in_row #461)."""
    text = (
        NVDA_TSV_HEAD
        + "Common\t\t\t\t\t\t\t\t400\tI\tBy immediate family member 2\n"
        + "Common\t\t\t\t\t\t\t\t400\x0bI\tBy immediate family member 1\n\n"
        + "Explanation of Responses:\n\n/s/ Rebecca Peters 03/14/2023\n"
    )
    f = parse_text(text, path="x.txt", sha256="0" * 64, limits=Limits())
    rows = f.non_derivative
    assert [r.security_title for r in rows] == ["Common"] * 4
    assert rows[3].shares_owned_following == Decimal(400)
    assert rows[3].ownership == "I"
    assert rows[2].nature_of_ownership == "By immediate family member 2"
    assert rows[3].nature_of_ownership == "By immediate family member 1"
    assert any(
        n.field == "non_derivative[3].shares_owned_following" and n.kind == "doubt" for n in f.notes
    )


def test_a_scan_date_with_a_damaged_slash_is_an_unread_date_not_title_words() -> None:
    """``11/O5+2O2O``: a scan's expiration date (OCR letters for digits) one of whose slashes
    was damaged is a date still, unread: empty with a doubt. As words it had gone into the
    underlying title beside it ('11/O5+2O2O Common Stock') and the date was lost with no doubt
    on it (text fuzz seed 2 n 1000, ocr_digits_004 byte_flip_in_row #10)."""
    from parsers.text.tokens import DATE, tokenize_plain

    (tok,) = tokenize_plain("11/O5+2O2O", 0)
    assert (tok.kind, tok.value, tok.malformed) == (DATE, None, True)
    assert [t.kind for t in tokenize_plain("I/O 10b5-1", 0)] != [DATE, DATE]
    path = FIXTURES / "ocr_digits_004.txt"
    text = path.read_text()
    assert "| (3) | 11/O5/2O2O | Common Stock |" in text
    damaged = text.replace("| (3) | 11/O5/2O2O |", "| (3) | 11/O5+2O2O |")
    f = parse_bytes(damaged.encode(), "damaged.txt")
    option = f.derivative[0]
    assert option.underlying_title == "Common Stock"
    assert option.expiration_date is None
    assert any(n.field == "derivative[0].expiration_date" and n.kind == "doubt" for n in f.notes)


def test_a_superscript_digit_glued_before_a_value_is_no_marker() -> None:
    """``²94,910`` (a damaged first digit: a byte read as Latin-1's superscript two): a
    footnote marker follows what it notes, so a superscript digit before a digit is part of a
    damaged value, left empty with a doubt; read as a marker, the balance lost its first digit
    silently. After a word (``Company²``) it is still a marker."""
    text = (
        NVDA_TSV_HEAD
        + "Common\t\t\t\t\t\t\t\t²94,910\tI\tBy immediate family member²\n\n"
        + "Explanation of Responses:\n\n/s/ Rebecca Peters 03/14/2023\n"
    )
    f = parse_text(text, path="x.txt", sha256="0" * 64, limits=Limits())
    row = f.non_derivative[2]
    assert row.shares_owned_following is None
    assert row.nature_of_ownership == "By immediate family member"
    assert row.footnotes.get("nature_of_ownership") == ["F2"]
    assert any(
        n.field == "non_derivative[2].shares_owned_following" and n.kind == "doubt" for n in f.notes
    )


@pytest.mark.parametrize("at", [1, 5, 6])
def test_a_lone_letter_in_a_holding_row_is_no_transaction_code(at: int) -> None:
    """A tab damaged to ``I`` in a holding's tab-separated row (``Common  I  400  I  By ...``):
    a letter read as the code in a row with no date, amount or price, which would make the
    holding a transaction of code I with no doubt on its code. Nothing else in the row says
    a transaction: the code is left empty with a doubt, and the row stays a holding."""
    cells = ["Common", "", "", "", "", "", "", "", "400", "I", "By immediate family member 2"]
    cells[at : at + 2] = ["I"]  # two empty cells and the tab between them became one ``I``
    text = (
        NVDA_TSV_HEAD
        + "\t".join(cells)
        + "\n\nExplanation of Responses:\n\n/s/ Rebecca Peters 03/14/2023\n"
    )
    f = parse_text(text, path="x.txt", sha256="0" * 64, limits=Limits())
    row = f.non_derivative[2]
    assert row.code is None and row.kind == "holding"
    assert row.shares_owned_following == Decimal(400) and row.ownership == "I"
    assert any(n.field == "non_derivative[2].code" and n.kind == "doubt" for n in f.notes)


@pytest.mark.parametrize("damaged", ["⁽⁔⁾", "⁽⁴ꁾ", "ꁽ⁴⁾"])
def test_a_superscript_marker_a_damaged_byte_changed_stays_a_marker(damaged: str) -> None:
    """``⁽⁴⁾`` with its digit made ``⁔`` or a bracket made a Yi syllable (one flipped byte of
    their UTF-8) in a footnote-only expiration date's cell: raised brackets hold nothing but
    a footnote's number, so the cell still holds a marker alone. As a word it was glued onto
    the underlying title beside it (``⁽ꁾ Common Stock``), and the date before it, the date
    exercisable, was read as the expiration date with no doubt on it."""
    path = Path(__file__).parent / "fixtures" / "text" / "real" / "options_held_pipe_messy.md"
    whole = "| 05/11/2024 | ⁽⁴⁾ | Common Stock |"
    data = path.read_text()
    assert data.count(whole) == 1
    f = parse_bytes(data.replace(whole, whole.replace("⁽⁴⁾", damaged)).encode(), "x.md")
    row = next(r for r in f.derivative if r.exercise_price == Decimal("0.41"))
    i = f.derivative.index(row)
    assert row.date_exercisable is not None and row.date_exercisable.isoformat() == "2024-05-11"
    assert row.expiration_date is None and row.underlying_title == "Common Stock"
    assert any(n.field == f"derivative[{i}].expiration_date" and n.kind == "doubt" for n in f.notes)
