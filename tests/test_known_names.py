"""Boxes 1 and 2 run together with a three-word owner (``Clements Carol Ann Apple Inc.``): the
text alone cannot say where the owner's name ends, an issuer name that the ledger holds from a
filing stating it apart can (parsers/known_names.py, parsers/text/header.py
split_by_known_issuer, EventStore.issuer_names, holdings.ingest.ingest_paths)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from holdings.cli import app
from holdings.ingest import ingest_paths
from ledger.classify import filing_events
from ledger.store import EventStore
from parsers import Filing, KnownNames, parse_bytes, parse_file
from projections.issuer_names import issuer_names

FIXTURES = Path(__file__).parent / "fixtures"
APPLE_TEXT = FIXTURES / "renderings" / "real" / "0000320193-22-000061.txt" / "pdfplumber-text.txt"
APPLE_XML = FIXTURES / "xml" / "wf-form4_156694501621463.xml"  # Tim Cook's, another filing


def _three_word_owner() -> bytes:
    """The Apple rendering with a three-word owner and a signature that does not name her: no
    rule of the text's own can tell ``Clements Carol`` / ``Ann Apple Inc.`` from
    ``Clements Carol Ann`` / ``Apple Inc.``."""
    lines = APPLE_TEXT.read_text().splitlines()
    assert lines[8].startswith("Adams Katherine L. Apple Inc. [ AAPL ]")
    lines[8] = lines[8].replace("Adams Katherine L.", "Clements Carol Ann")
    assert lines[65].startswith("/s/ Sam Whittington, Attorney-in-Fact for Katherine L. Adams")
    lines[65] = "/s/ Sam Whittington, Attorney-in-Fact 05/06/2022"
    return ("\n".join(lines) + "\n").encode()


def _names(f: Filing) -> tuple[str | None, str | None]:
    return f.reporting_owners[0].name, f.issuer.name


def _name_notes(f: Filing) -> list[str]:
    return [n.message for n in f.notes if n.field == "issuer.name"]


def test_name_words_set_case_points_and_state_tags_aside() -> None:
    known = KnownNames.of([("aapl", "APPLE INC /CA/"), ("AAPL", "Apple Inc."), (None, "X Corp")])
    assert known.issuer_names("AAPL") == frozenset({("apple", "inc")})
    assert known.issuer_names(" aapl ") == known.issuer_names("AAPL")
    assert known.issuer_names("XCRP") == frozenset() and len(known) == 1
    assert KnownNames.of([("USB", "U.S. Bancorp \\DE\\")]).issuer_names("USB") == frozenset(
        {("us", "bancorp")}
    )


def test_a_legal_forms_short_and_whole_spellings_are_one_name() -> None:
    # EDGAR's conformed names write the form short (TELOS CORP), a filer often whole
    known = KnownNames.of([("TLS", "TELOS CORP"), ("GE", "General Electric Company")])
    assert known.issuer_names("TLS") == frozenset({("telos", "corp")})
    assert known.issuer_names("GE") == frozenset({("general", "electric", "co")})
    data = _three_word_owner().replace(b"Apple Inc. [ AAPL ]", b"Apple Incorporated [ AAPL ]")
    f = parse_bytes(data, "variant.txt", known=KnownNames.of([("AAPL", "APPLE INC")]))
    assert _names(f) == ("Clements Carol Ann", "Apple Incorporated")


def test_without_known_names_a_three_word_owner_leaves_both_names_empty() -> None:
    f = parse_bytes(_three_word_owner(), "variant.txt")
    assert _names(f) == (None, None)
    assert any("run together" in m for m in _name_notes(f))


def test_an_issuer_name_known_for_the_ticker_reads_the_names_apart_and_says_so() -> None:
    known = KnownNames.of([("AAPL", "APPLE INC")])  # the conformed name, in capitals
    f = parse_bytes(_three_word_owner(), "variant.txt", known=known)
    assert _names(f) == ("Clements Carol Ann", "Apple Inc.")
    assert f.issuer.ticker == "AAPL"
    said = {n.field: n for n in f.notes if "read apart" in n.message}
    assert set(said) == {"issuer.name", "reporting_owners[0].name"}
    assert "filings stating it apart give it for its ticker (AAPL)" in said["issuer.name"].message
    assert said["reporting_owners[0].name"].kind == "doubt"


def test_known_names_that_end_the_run_in_two_places_decide_nothing() -> None:
    known = KnownNames.of([("AAPL", "Apple Inc."), ("AAPL", "Ann Apple Inc.")])
    f = parse_bytes(_three_word_owner(), "variant.txt", known=known)
    assert _names(f) == (None, None)


def test_a_name_known_only_for_another_ticker_is_not_used() -> None:
    known = KnownNames.of([("MSFT", "Apple Inc.")])
    assert _names(parse_bytes(_three_word_owner(), "variant.txt", known=known)) == (None, None)


def test_a_known_name_that_is_the_whole_run_cuts_nothing() -> None:
    known = KnownNames.of([("AAPL", "Clements Carol Ann Apple Inc.")])
    assert _names(parse_bytes(_three_word_owner(), "variant.txt", known=known)) == (None, None)


def test_known_names_do_not_touch_names_the_text_reads_apart_itself() -> None:
    # the fixture as rendered: box 1's 'Adams Katherine L.' is signed for, read apart already;
    # a known name that would cut elsewhere is not asked
    data = APPLE_TEXT.read_bytes()
    alone = parse_bytes(data, "apple.txt")
    known = KnownNames.of([("AAPL", "L. Apple Inc.")])
    assert _names(parse_bytes(data, "apple.txt", known=known)) == _names(alone)
    assert _names(alone) == ("Adams Katherine L.", "Apple Inc.")


def test_only_filings_that_state_names_apart_teach_a_name() -> None:
    xml, text = parse_file(APPLE_XML), parse_bytes(_three_word_owner(), "variant.txt")
    known = KnownNames.of_filings([xml, text])
    assert known.issuer_names("AAPL") == frozenset({("apple", "inc")})
    assert not KnownNames.of_filings([text])


def test_the_ledger_gives_the_issuer_names_of_its_xml_filings_only(store: EventStore) -> None:
    assert issuer_names(store) == []
    known = KnownNames.of([("AAPL", "Apple Inc.")])
    text = parse_bytes(_three_word_owner(), "variant.txt", known=known)
    store.append_filing(text, filing_events(text))
    assert issuer_names(store) == []  # a rendering's names were read apart by a rule
    xml = parse_file(APPLE_XML)
    store.append_filing(xml, filing_events(xml))
    assert issuer_names(store) == [("AAPL", "Apple Inc.")]


def test_ingest_reads_a_rendering_knowing_the_batchs_and_the_ledgers_xml(
    store: EventStore, tmp_path: Path
) -> None:
    # the rendering listed before the XML: the XML is read first all the same
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_rendering.txt").write_bytes(_three_word_owner())
    shutil.copy(APPLE_XML, folder / "z_cook.xml")
    summary = ingest_paths(store, [folder], workers=1)
    assert summary.filings == 2 and summary.quarantined == 0
    people = {e.person_name for _, e in store.iter_events()}
    assert people == {"COOK TIMOTHY D", "Clements Carol Ann"}
    # a later batch of renderings alone still knows the ledger's XML
    again = tmp_path / "again"
    again.mkdir()
    (again / "b.txt").write_bytes(_three_word_owner().replace(b"Clements", b"Gomez"))
    ingest_paths(store, [again], workers=1)
    assert "Gomez Carol Ann" in {e.person_name for _, e in store.iter_events()}


def test_parse_reads_with_a_ledgers_names_only_when_asked(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "l.db")
    assert runner.invoke(app, ["ingest", "--db", db, str(APPLE_XML)]).exit_code == 0
    rendering = tmp_path / "three.txt"
    rendering.write_bytes(_three_word_owner())
    alone = json.loads(runner.invoke(app, ["parse", str(rendering)]).stdout)
    assert (alone["reporting_owners"][0]["name"], alone["issuer"]["name"]) == (None, None)
    result = runner.invoke(app, ["parse", str(rendering), "--names-from", db])
    assert result.exit_code == 0, result.output
    read = json.loads(result.stdout)
    assert (read["reporting_owners"][0]["name"], read["issuer"]["name"]) == (
        "Clements Carol Ann",
        "Apple Inc.",
    )
    missing = runner.invoke(app, ["parse", str(rendering), "--names-from", str(tmp_path / "no")])
    assert missing.exit_code != 0


def test_an_edgar_text_file_wrapping_xml_teaches_the_batch_too(
    store: EventStore, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_rendering.txt").write_bytes(_three_word_owner())
    wrapped = b"<SEC-DOCUMENT>\n<TYPE>4\n<XML>\n" + APPLE_XML.read_bytes() + b"\n</XML>\n"
    (folder / "b_submission.txt").write_bytes(wrapped)
    ingest_paths(store, [folder], workers=1)
    assert "Clements Carol Ann" in {e.person_name for _, e in store.iter_events()}


def _the_bancorp(footnotes: bool) -> bytes:
    """An independent review's input: box 2 prints ``The Bancorp, Inc.``, the ledger knows the
    ticker's issuer as ``Bancorp, Inc.`` (its other filings' shorter form)."""
    text = _three_word_owner().decode()
    text = text.replace(
        "Clements Carol Ann Apple Inc. [ AAPL ]", "Clements Carol Ann The Bancorp, Inc. [ TBBK ]"
    )
    if footnotes:
        text = text.replace(
            "Apple, or a security holder of Apple.",
            "The Bancorp, Inc., or a security holder of The Bancorp, Inc..",
        )
    return text.encode()


def test_a_known_shorter_name_never_leaves_the_owner_an_article() -> None:
    # the known 'Bancorp, Inc.' ends the run after 'The': an owner 'Clements Carol Ann The'
    # was read (wrong); no owner's name ends on a word that opens a company's
    known = KnownNames.of([("TBBK", "Bancorp, Inc.")])
    assert _names(parse_bytes(_the_bancorp(False), "v.txt", known=known)) == (None, None)
    estee = _the_bancorp(False).replace(
        b"The Bancorp, Inc. [ TBBK ]", b"The Estee Lauder Companies Inc. [ EL ]"
    )
    known = KnownNames.of([("EL", "ESTEE LAUDER COMPANIES INC")])
    assert _names(parse_bytes(estee, "v.txt", known=known)) == (None, None)


def test_the_footnotes_printing_a_longer_issuer_name_outweigh_a_known_one() -> None:
    data = _the_bancorp(True)
    alone = parse_bytes(data, "v.txt")
    assert _names(alone) == ("Clements Carol Ann", "The Bancorp, Inc.")
    known = KnownNames.of([("TBBK", "Bancorp, Inc.")])
    assert _names(parse_bytes(data, "v.txt", known=known)) == _names(alone)


def _apple_xml_as(name: str, ticker: str, period: str) -> bytes:
    """Tim Cook's XML with another issuer's name and ticker (and period: another filing)."""
    data = APPLE_XML.read_text()
    data = data.replace("<issuerName>Apple Inc.</issuerName>", f"<issuerName>{name}</issuerName>")
    data = data.replace("<issuerTradingSymbol>AAPL<", f"<issuerTradingSymbol>{ticker}<")
    return data.replace("2019-08-24", period).encode()


def test_every_spelling_the_ledger_holds_is_known_as_filings_arrive(
    store: EventStore, tmp_path: Path
) -> None:
    # one ticker spelt three ways by three filings, one spelling a longer name: with it known,
    # a rendering printing it ends in two known names and is not cut; the shorter alone (a
    # sample of the filings had kept two) would have cut 'First' into the owner's name
    spellings = ["First Bancorp Inc", "Bancorp Inc", "Bancorp, Inc."]
    for i, name in enumerate(spellings):
        folder = tmp_path / f"in{i}"
        folder.mkdir()
        (folder / "f.xml").write_bytes(_apple_xml_as(name, "TBBK", f"2019-08-2{i}"))
        ingest_paths(store, [folder], workers=1)  # one at a time: the table grows from its mark
    assert issuer_names(store) == sorted(("TBBK", n) for n in spellings)
    rendering = _the_bancorp(False).replace(b"Ann The Bancorp, Inc.", b"Ann First Bancorp Inc")
    assert b"Clements Carol Ann First Bancorp Inc [ TBBK ]" in rendering
    assert _names(parse_bytes(rendering, "v.txt", known=KnownNames.of(issuer_names(store)))) == (
        None,
        None,
    )
