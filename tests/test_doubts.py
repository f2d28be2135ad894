"""No number enters the ledger unflagged: each hostile input of issue #11, ingested on its own
into a fresh ledger, is quarantined or makes ``holdings audit`` exit 1 with a finding that names
the doubted field and line; repairs are listed and never fail; notes travel with the events
into replay, snapshot and the report; no stored value makes a command fail."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import SEEDS
from typer.testing import CliRunner

from holdings.cli import app
from holdings.ingest import ingest_paths
from ledger.classify import filing_events
from ledger.events import SCHEMA_VERSION, read_event, upcast
from ledger.store import EventStore
from parsers import Filing, Note, ParseError, parse_bytes, parse_file
from parsers.numbers import amount_problem
from projections.audit import DOUBTED_DETAIL, DOUBTFUL_INPUT, REPAIRED_INPUT, audit
from projections.entries import read_entries
from projections.materialize import refresh_positions

XML = Path(__file__).resolve().parent / "fixtures" / "xml"
KRESS = XML / "0001045810-23-000006_wf-form4_167486488448198.xml"
SHARES = "<transactionShares>\n                    <value>10741</value>"
VALUE = "<value>10741</value>"
SIDE = """<transactionAcquiredDisposedCode>
                    <value>D</value>
                </transactionAcquiredDisposedCode>"""
runner = CliRunner()


def _kress(old: str, new: str, count: int = 1) -> str:
    text = KRESS.read_text()
    assert old in text
    return text.replace(old, new, count)


HOSTILE_XML: dict[str, tuple[str, str, int | None]] = {
    # name: (mutated document, doubted field, line of the finding)
    "mixed content": (_kress(VALUE, "<value>10<b/>741</value>"), "shares", 42),
    "two values": (_kress(VALUE, "<value>10741</value><value>5</value>"), "shares", 42),
    "duplicated cell": (
        _kress(SHARES, SHARES + "</transactionShares><transactionShares><value>99</value>"),
        "shares",
        42,
    ),
    "wrong case": (_kress(VALUE, "<Value>10741</Value>"), "shares", 42),
    "unknown element in a row": (
        _kress("<transactionShares>", "<transactionShare>", 1).replace(
            "</transactionShares>", "</transactionShare>", 1
        ),
        "row",
        42,
    ),
    "renamed rptOwnerCik": (_kress("rptOwnerCik>", "rptOwnerCIK>", 2), "reporting_owners[0]", 19),
    "renamed issuerTradingSymbol": (
        _kress("issuerTradingSymbol>", "issuerTradingSymbl>", 2),
        "issuer",
        15,
    ),
    "negative amount": (_kress(VALUE, "<value>-10741</value>"), "shares", 42),
    "NaN": (_kress(VALUE, "<value>NaN</value>"), "shares", 42),
    "Infinity": (_kress(VALUE, "<value>Infinity</value>"), "shares", 42),
    "exponent": (_kress(VALUE, "<value>1E5</value>"), "shares", 42),
    "40 digits": (_kress(VALUE, f"<value>{'9' * 40}</value>"), "shares", 42),
    "OCR letter in XML": (_kress(VALUE, "<value>7518.2O8</value>"), "shares", 42),
    "no side given": (_kress(SIDE, ""), "acquired_disposed", 42),
}


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name", sorted(HOSTILE_XML))
def test_each_hostile_xml_input_fails_the_audit_naming_field_and_line(
    name: str, tmp_path: Path
) -> None:
    text, field, line = HOSTILE_XML[name]
    path = tmp_path / "hostile.xml"
    path.write_text(text)
    db = str(tmp_path / "fresh.db")
    code, _out, err = _run("ingest", str(path), "--db", db)
    assert code == 0, err
    assert "doubted" in err and "hostile.xml" in err
    code, out, _err = _run("audit", "--db", db, "-f", "json")
    assert code == 1
    report = json.loads(out)
    assert report["clean"] is False
    doubts = [n for n in report["input_notes"] if n["cause"] == DOUBTFUL_INPUT]
    assert doubts, report
    assert any((n["field"] or "row").startswith(field) and n["line"] == line for n in doubts)
    assert all(n["filing"] == str(path) for n in doubts)


@pytest.mark.parametrize("name", sorted(HOSTILE_XML))
def test_strict_ingest_quarantines_each_hostile_xml_input(name: str, tmp_path: Path) -> None:
    path = tmp_path / "hostile.xml"
    path.write_text(HOSTILE_XML[name][0])
    db = str(tmp_path / "fresh.db")
    code, out, err = _run("ingest", str(path), "--db", db, "--strict", "-f", "json")
    assert code == 1
    summary = json.loads(out)[0]
    assert summary["quarantined"] == 1 and summary["appended_filings"] == 0
    assert summary["with_doubts"] == 1
    assert "--strict: doubt on a balance field" in err


def test_a_form_13f_is_refused_by_name(tmp_path: Path) -> None:
    text = _kress("<documentType>4</documentType>", "<documentType>13F-HR</documentType>")
    with pytest.raises(ParseError, match="13F-HR"):
        parse_bytes(text.encode(), "13f.xml")
    path = tmp_path / "13f.xml"
    path.write_text(text)
    db = str(tmp_path / "fresh.db")
    code, _out, err = _run("ingest", str(path), "--db", db)
    assert code == 1 and "13F-HR" in err
    code, out, _err = _run("quarantine", "--db", db, "-f", "json")
    assert "13F-HR" in json.loads(out)[0]["reason"]


@pytest.mark.parametrize("form", ["3", "4", "5", "3/A", "4/A", "5/A"])
def test_forms_3_4_5_and_amendments_are_read(form: str) -> None:
    text = _kress("<documentType>4</documentType>", f"<documentType>{form}</documentType>")
    assert parse_bytes(text.encode(), "f.xml").form_type == form


def test_an_issuer_with_neither_cik_nor_ticker_cannot_be_placed() -> None:
    text = _kress("issuerTradingSymbol>", "x>", 2).replace("issuerCik>", "y>", 2)
    with pytest.raises(ParseError, match="cannot be placed"):
        parse_bytes(text.encode(), "f.xml")


def test_the_same_value_given_twice_is_read_once_as_a_repair() -> None:
    doubled = SHARES + "</transactionShares><transactionShares><value>10741</value>"
    filing = parse_bytes(_kress(SHARES, doubled).encode(), "f.xml")
    assert filing.non_derivative[0].shares == Decimal(10741)
    assert [(n.kind, n.field) for n in filing.notes] == [("repair", "non_derivative[0].shares")]


def test_a_browser_script_saved_into_the_file_is_a_doubt_on_nothing() -> None:
    text = _kress("<documentType>", "<script>x()</script><documentType>")
    (note,) = parse_bytes(text.encode(), "f.xml").notes
    assert note.kind == "doubt" and not note.on_balance


def test_a_row_element_in_the_wrong_case_names_the_field() -> None:
    text = _kress("<transactionShares>", "<TransactionShares>").replace(
        "</transactionShares>", "</TransactionShares>", 1
    )
    filing = parse_bytes(text.encode(), "f.xml")
    assert filing.non_derivative[0].shares is None
    assert [n.field for n in filing.notes] == ["non_derivative[0].shares"]


def test_notes_name_their_row_and_a_missing_kind_is_a_doubt() -> None:
    note = Note(field="derivative[2].shares_owned_following", message="left empty")
    assert (note.table, note.row, note.row_field, note.kind) == (
        "derivative",
        2,
        "shares_owned_following",
        "doubt",
    )
    assert note.on_balance
    assert not Note(field="derivative[2].price", message="x").on_balance
    assert not Note(field="derivative[2].shares", message="x", kind="repair").on_balance
    assert Note(field="issuer.ticker", message="x").on_balance
    assert not Note(field="signatures", message="x").on_balance


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("0", False),
        ("123456789012345.5", False),
        ("1234567890123456", True),
        ("-1", True),
        ("NaN", True),
        ("Infinity", True),
        ("25.5600", False),
    ],
)
def test_amounts_a_filing_cannot_hold_are_refused(text: str, refused: bool) -> None:
    assert (amount_problem(Decimal(text)) is not None) is refused


def test_notes_travel_with_the_events_of_their_row(store: EventStore, tmp_path: Path) -> None:
    path = tmp_path / "f.xml"
    path.write_text(HOSTILE_XML["OCR letter in XML"][0])
    filing = parse_file(path)
    events = filing_events(filing)
    assert all(e.schema_version == SCHEMA_VERSION >= 3 for e in events)  # notes since 3
    doubted = [e for e in events if e.doubts]
    assert [(e.provenance.table, e.provenance.row_index) for e in doubted] == [
        ("non_derivative", 0)
    ]
    (note,) = doubted[0].notes
    assert note.scope == "row" and note.field == "shares" and note.line == 42
    assert "7518.2O8" in note.message and note.message.endswith("left empty")
    store.append_filing(filing, events)
    stored = [e for _seq, e in store.iter_events() if e.notes]
    assert stored == doubted


def test_filing_level_notes_travel_with_every_event_of_the_filing(tmp_path: Path) -> None:
    path = tmp_path / "f.xml"
    path.write_text(HOSTILE_XML["renamed issuerTradingSymbol"][0])
    events = filing_events(parse_file(path))
    for event in events:
        assert {n.field for n in event.notes if n.scope == "filing"} == {"issuer", "issuer.ticker"}


def test_a_version_2_payload_reads_with_no_notes() -> None:
    events = filing_events(parse_file(KRESS))
    data = json.loads(events[0].model_dump_json())
    data.pop("notes")
    data["schema_version"] = 2
    assert upcast(dict(data))["schema_version"] == SCHEMA_VERSION
    event = read_event(json.dumps(data))
    assert event.notes == () and event.schema_version == SCHEMA_VERSION


def test_a_version_4_payload_reads_with_its_quantity_as_shares() -> None:
    event = filing_events(parse_file(KRESS))[0]
    data = json.loads(event.model_dump_json())
    data["schema_version"] = 4
    del data["shares"]
    old = read_event(json.dumps(data))
    assert old.quantity == Decimal(-10741) and old.shares == Decimal(10741)
    assert old == event


def test_repairs_are_listed_and_never_fail_the_audit(store: EventStore) -> None:
    summary = ingest_paths(store, [SEEDS], workers=1)
    assert summary.with_doubts == 0
    report = audit(store, read_entries(store))
    assert report.clean
    assert {n.cause for n in report.input_notes} == {REPAIRED_INPUT}
    assert {n.filing_path.rsplit("/", 1)[-1] for n in report.input_notes} == {
        "002_a5e8b83255f5be1b.txt"
    }


def test_replay_and_snapshot_show_the_doubt(tmp_path: Path) -> None:
    path = tmp_path / "f.xml"
    path.write_text(HOSTILE_XML["OCR letter in XML"][0])
    db = str(tmp_path / "fresh.db")
    assert _run("ingest", str(path), "--db", db)[0] == 0
    code, out, _ = _run("replay", "Kress", "--db", db, "-f", "json")
    rows = json.loads(out)
    doubted = [r for r in rows if r["doubted"]]
    assert [r["doubted"] for r in doubted] == ["shares"]
    assert "7518.2O8" in doubted[0]["notes"]
    code, out, _ = _run("replay", "Kress", "--db", db, "-f", "csv")
    assert "DOUBT shares" in out
    # A doubt on the filing (which issuer it is about) bears on every balance it reports.
    path.write_text(HOSTILE_XML["renamed issuerTradingSymbol"][0])
    db = str(tmp_path / "other.db")
    assert _run("ingest", str(path), "--db", db)[0] == 0
    code, out, _ = _run("snapshot", "--as-of", "2023-12-31", "--db", db, "-f", "json")
    holdings = json.loads(out)
    assert holdings and all("issuerTradingSymbol" in h["doubts"] for h in holdings)


def test_the_report_shows_the_doubt_on_its_row(tmp_path: Path) -> None:
    path = tmp_path / "f.xml"
    path.write_text(HOSTILE_XML["OCR letter in XML"][0])
    db = str(tmp_path / "fresh.db")
    assert _run("ingest", str(path), "--db", db)[0] == 0
    page = tmp_path / "kress.html"
    code, _out, err = _run("report", "Kress", "--db", db, "--out", str(page))
    assert code == 0, err
    html = page.read_text(encoding="utf-8")
    (row,) = [r for r in html.split("<tr") if 'class="pn doubt"' in r]
    assert "doubt shares (line 42)" in row and "7518.2O8" in row


def test_a_later_clean_balance_no_longer_rests_on_the_doubt(tmp_path: Path) -> None:
    """Row 0's shares are doubted; the same position's later rows report balances read
    without doubt, so the snapshot's balance rests on those, not on the doubt."""
    path = tmp_path / "f.xml"
    path.write_text(HOSTILE_XML["OCR letter in XML"][0])
    db = str(tmp_path / "fresh.db")
    assert _run("ingest", str(path), "--db", db)[0] == 0
    code, out, _ = _run("snapshot", "--as-of", "2023-12-31", "--db", db, "-f", "json")
    holdings = json.loads(out)
    direct = [h for h in holdings if h["kind"] == "direct"]
    assert direct and not any(h["doubted"] for h in direct)


def test_an_amount_with_no_side_stays_unsigned_and_the_position_follows_the_filer(
    tmp_path: Path,
) -> None:
    """A sale filed without its (A)/(D) code is not signed by the code's usual direction: the
    event keeps the 10,741 shares unsigned, the fold takes the balance the filer reported, and
    replay shows the change as unknown with the doubt beside it."""
    path = tmp_path / "f.xml"
    path.write_text(HOSTILE_XML["no side given"][0])
    filing = parse_file(path)
    (note,) = [n for n in filing.notes if n.row_field == "acquired_disposed"]
    assert note.on_balance and note.line == 42 and "10741" in note.message
    first = filing_events(filing)[0]
    assert first.quantity is None and first.shares == Decimal(10741)
    assert first.acquired_disposed is None and first.doubts
    db = str(tmp_path / "fresh.db")
    assert _run("ingest", str(path), "--db", db)[0] == 0
    code, out, _ = _run("replay", "Kress", "--db", db, "-f", "json")
    rows = json.loads(out)
    assert rows[0]["quantity"] is None and rows[0]["doubted"] == "acquired_disposed"
    assert rows[0]["running"] == rows[0]["reported"] == "536960"
    assert rows[0]["opening_inferred"] is None  # not 536960: the change before it is unknown
    code, out, _ = _run("replay", "Kress", "--db", db, "-f", "csv")
    assert out.splitlines()[0].split(",")[5:7] == ["quantity", "shares"]  # the amount is shown
    assert ",,10741," in out.splitlines()[1]


def test_a_position_whose_balance_is_unknown_is_listed_not_dropped(tmp_path: Path) -> None:
    """An unsided sale with no balance after it leaves the balance unknown: the snapshot lists
    the position with an empty balance and the doubt, rather than leaving it out."""
    text = (
        HOSTILE_XML["no side given"][0]
        .replace(
            "<sharesOwnedFollowingTransaction>\n                    <value>536960</value>",
            "<sharesOwnedFollowingTransaction>\n                    <value></value>",
            1,
        )
        .replace("<value>Common Stock</value>", "<value>Class B Stock</value>")
    )  # its own position
    assert text != HOSTILE_XML["no side given"][0]
    path = tmp_path / "f.xml"
    path.write_text(text)
    db = str(tmp_path / "fresh.db")
    assert _run("ingest", str(path), "--db", db)[0] == 0
    code, out, _ = _run("snapshot", "--as-of", "2023-12-31", "--db", db, "-f", "json")
    held = [h for h in json.loads(out) if h["security"] == "Common" and h["ownership"] == "direct"]
    assert len(held) == 1, out
    assert held[0]["balance"] is None and held[0]["doubted"]
    assert "acquired_disposed" in held[0]["doubts"], held[0]["doubts"]
    assert _run("snapshot", "--as-of", "2023-12-31", "--db", db)[0] == 0  # the table prints


def test_an_unsided_amount_is_doubted_even_beside_a_repair_on_its_side() -> None:
    """A repair note on the (A)/(D) field says something was read for sure; with the side
    still empty, the amount is unsigned all the same, and only a doubt says so."""
    filing = parse_file(KRESS)
    data = filing.to_json_dict()
    data["non_derivative"][0]["acquired_disposed"] = None
    data["notes"] = [
        {"field": "non_derivative[0].acquired_disposed", "message": "OCR letter", "kind": "repair"}
    ]
    again = Filing.model_validate(data)
    side = [n for n in again.notes if n.field == "non_derivative[0].acquired_disposed"]
    assert [n.kind for n in side] == ["repair", "doubt"]
    assert "10741" in side[1].message


def test_no_stored_value_makes_a_command_fail(store: EventStore, tmp_path: Path) -> None:
    """A ledger written before numbers were bounded may hold a 40-digit balance: every
    command still runs."""
    filing = parse_file(KRESS)
    big = Decimal("9" * 40)
    rows = [
        r.model_copy(update={"shares": big, "shares_owned_following": big})
        for r in filing.non_derivative
    ]
    filing = filing.model_copy(update={"non_derivative": rows})
    events = filing_events(filing)
    store.append_filing(filing, events)
    refresh_positions(store, {f"{e.person_key}@{e.issuer_key}" for e in events})
    db = store.engine.url.render_as_string(hide_password=False)
    for args in (
        ["audit"],
        ["audit", "-f", "csv"],
        ["snapshot", "--as-of", "2030-01-01"],
        ["snapshot", "--as-of", "2030-01-01", "-f", "csv"],
        ["replay", "Kress", "-f", "json"],
        ["report", "Kress", "--out", str(tmp_path / "k.html")],
        ["report", "--all", "--out", str(tmp_path / "all")],
        ["verify"],
    ):
        code, _out, err = _run(args[0], "--db", db, *args[1:])
        assert code in (0, 1), (args, err)
        assert "error" not in err.lower(), (args, err)


def test_a_space_as_thousands_separator_is_read_whole_and_said() -> None:
    """Issue #11: ``64 327`` was read as 327 while the note said the value was left empty."""
    seed = SEEDS / "000_28e73f0d9ee92a54.txt"
    text = seed.read_bytes().replace(b"64,327", b"64 327")
    filing = parse_bytes(text, "posey.txt")
    assert filing.non_derivative[1].shares_owned_following == Decimal(64327)
    assert [(n.kind, n.field, n.message) for n in filing.notes] == [
        ("repair", "non_derivative[1].shares_owned_following", "read '64 327' as 64327")
    ]


def test_digits_of_other_scripts_are_never_read_silently() -> None:
    seed = SEEDS / "000_28e73f0d9ee92a54.txt"
    text = seed.read_text().replace("64,327", "６４,３２７").encode()
    filing = parse_bytes(text, "posey.txt")
    value = filing.non_derivative[1].shares_owned_following
    noted = [n for n in filing.notes if n.row == 1 and n.table == "non_derivative"]
    assert value is None and noted and all(n.kind == "doubt" for n in noted)


# Issue #11's text inputs, on seed 000's one Table II row (line 36) made an option grant:
# each ingested on its own into a fresh ledger must fail the audit naming field and line.
_POSEY_ROW = (
    "| Stock Option (right to buy) | \\$25.56 | 06/21/2022 | | M ⁽¹⁾ | | | 1,000 | (4) |"
    " 04/28/2026 | Common Stock | 1,000 | \\$25.56 | 35,300 | D | |"
)
_GRANT = (
    "| Stock Option (right to buy) | \\$150.93 | 06/21/2022 | | A ⁽¹⁾ | | 37,500 | | (4) |"
    " 04/28/2032 | Common Stock | 37,500 | \\$0 | 37,500 | D | |"
)
HOSTILE_TEXT: dict[str, tuple[str, str]] = {
    # name: (the Table II row, the doubted field). The grant read as a disposal left an inferred
    # opening of 75,000 and a clean audit; the swap read $150.93 as the number of options.
    "a lost footnote-marker cell": (_GRANT.replace("| (4) |", "|"), "acquired_disposed"),
    "a price and a marker swapped": (
        _GRANT.replace("| \\$150.93 |", "| (4) |", 1).replace(
            "| (4) | 04/28", "| \\$150.93 | 04/28"
        ),
        "shares",
    ),
}


def _posey_with(row: str, tmp_path: Path) -> tuple[Path, str]:
    text = (SEEDS / "000_28e73f0d9ee92a54.txt").read_text()
    assert _POSEY_ROW in text
    path = tmp_path / "posey.txt"
    path.write_text(text.replace(_POSEY_ROW, row))
    return path, str(tmp_path / "fresh.db")


def test_the_intact_grant_audits_clean(tmp_path: Path) -> None:
    path, db = _posey_with(_GRANT, tmp_path)
    assert _run("ingest", str(path), "--db", db)[0] == 0
    assert _run("audit", "--db", db)[0] == 0


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXT))
def test_each_hostile_text_input_fails_the_audit_naming_field_and_line(
    name: str, tmp_path: Path
) -> None:
    row, field = HOSTILE_TEXT[name]
    path, db = _posey_with(row, tmp_path)
    code, _out, err = _run("ingest", str(path), "--db", db)
    assert code == 0, err
    code, out, _err = _run("audit", "--db", db, "-f", "json")
    assert code == 1
    doubts = [n for n in json.loads(out)["input_notes"] if n["cause"] == DOUBTFUL_INPUT]
    assert any(n["field"] == field and n["line"] == 36 for n in doubts), doubts
    # replay shows the doubt on the row, and no number nobody filed: no 150.93 options
    code, out, _err = _run("replay", "Posey", "--db", db, "-f", "json")
    (grant,) = [e for e in json.loads(out) if e.get("code") == "A"]
    assert field in grant["doubted"] and "DOUBT" in grant["check"], grant
    assert grant["quantity"] in (None, "37500", "-37500"), grant
    code, out, err = _run("ingest", str(path), "--db", db + "-strict", "--strict", "-f", "json")
    assert code == 1 and json.loads(out)[0]["quarantined"] == 1, err


def test_a_doubt_no_balance_rests_on_is_listed_and_never_fails(tmp_path: Path) -> None:
    """A price the text garbles is left empty with a doubt; no balance rests on it, so the
    audit stays clean, but the note still reaches the reader with its file and line."""
    row = _POSEY_ROW.replace("| \\$25.56 | 35,300", "| \\$2?.56 | 35,300")
    path, db = _posey_with(row, tmp_path)
    assert _run("ingest", str(path), "--db", db)[0] == 0
    code, out, _err = _run("audit", "--db", db, "-f", "json")
    assert code == 0, out
    report = json.loads(out)
    details = [n for n in report["input_notes"] if n["cause"] == DOUBTED_DETAIL]
    assert [(n["field"], n["line"]) for n in details] == [("price", 36)], report["input_notes"]
    assert "$2?.56" in details[0]["message"]
    assert not [n for n in report["input_notes"] if n["cause"] == DOUBTFUL_INPUT]
    code, out, _err = _run("audit", "--db", db)
    assert code == 0 and "1 doubted details" in out and "doubted detail" in out, out


def test_a_cell_under_a_against_the_balance_is_left_empty_not_turned(tmp_path: Path) -> None:
    """A grant in the (A) cell of a pipe row whose balance after is below the amount: the cell
    and the balance disagree (a moved cell, or a balance that does not follow), so the side is
    left empty with a doubt, never turned into a (D) the filer may not have written."""
    path, db = _posey_with(_GRANT.replace("| \\$0 | 37,500 |", "| \\$0 | 37,000 |"), tmp_path)
    filing = parse_file(path)
    grant = filing.derivative[0]
    assert (grant.acquired_disposed, grant.shares) == (None, Decimal(37500))
    (note,) = [n for n in filing.notes if n.field and "acquired_disposed" in n.field]
    assert note.kind == "doubt" and note.message.endswith("left empty"), note
    assert _run("ingest", str(path), "--db", db)[0] == 0
    code, out, _err = _run("audit", "--db", db, "-f", "json")
    doubts = [n for n in json.loads(out)["input_notes"] if n["cause"] == DOUBTFUL_INPUT]
    assert code == 1 and [(n["field"], n["line"]) for n in doubts] == [("acquired_disposed", 36)]


def test_a_holding_that_would_start_below_zero_fails_the_audit(tmp_path: Path) -> None:
    """Seed 000's first Table I row (M, 1,000 acquired) reporting 500 after it: the ledger
    would have inferred an opening of -500 and said nothing; the audit now names the row."""
    path, db = _posey_with(_POSEY_ROW, tmp_path)
    row = "| Common Stock | 06/21/2022 | | M ⁽¹⁾ | | 1,000 | A | \\$25.56 | 65,427 | D | |"
    path.write_text(path.read_text().replace(row, row.replace("65,427", "500")))
    assert _run("ingest", str(path), "--db", db)[0] == 0
    code, out, _err = _run("audit", "--db", db, "-f", "json")
    found = [d for d in json.loads(out)["discrepancies"] if d["line"] == 27]
    assert code == 1 and [(d["expected"], d["reported"]) for d in found] == [("1000", "500")]
    assert "below zero" in found[0]["detail"]


FUZZ = Path(__file__).resolve().parent / "fixtures" / "fuzz"


@pytest.mark.parametrize(
    "name",
    [
        "text_price_piece_after_space~options_held_pipe_messy.md",
        "text_holding_dates~options_held_pipe_messy.md",
    ],
)
def test_a_text_note_that_says_unsure_is_a_doubt(name: str) -> None:
    """'read from the cell that also held 5; unsure' and 'read by the row's cells, ...:
    unsure' begin with 'read ', as the text reader's repairs do, and were counted repairs:
    certain values, which the audit lists and never fails on."""
    notes = [n for n in parse_file(FUZZ / name).notes if "unsure" in n.message]
    assert notes
    assert all(n.kind == "doubt" for n in notes), [(n.field, n.message) for n in notes]
