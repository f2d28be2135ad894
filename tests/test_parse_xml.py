"""The EDGAR XML parser against the real filings in ``shared/realdata/xml`` and hostile inputs.

The corpus checks read each file a second, deliberately simple way (regular expressions on the
raw text) so that a parser bug cannot agree with itself.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
import tempfile
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from parsers import Filing, Limits, ParseError, parse_bytes, parse_file
from parsers.xml import _fast_tree as fast_tree
from parsers.xml import _parse_xml as parse_xml_internal
from parsers.xml import xml_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "realdata" / "xml"
NO_CORPUS = f"real XML filings not found at {CORPUS} (shared/ must sit beside the clone)"
CORPUS_FILES = (
    sorted(p for p in CORPUS.iterdir() if p.is_file() and p.name != "SOURCES.tsv")
    if CORPUS.is_dir()
    else []
)


def corpus_params() -> list:
    if not CORPUS_FILES:
        return [pytest.param(None, marks=pytest.mark.skip(reason=NO_CORPUS))]
    return [pytest.param(p, id=p.name) for p in CORPUS_FILES]


def real(name: str) -> Path:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(NO_CORPUS if not CORPUS.is_dir() else f"{name} missing from the corpus")
    return path


def all_rows(filing: Filing) -> list:
    return [*filing.non_derivative, *filing.derivative]


# --------------------------------------------------------------------------- independent reading


def elements(text: str, tag: str) -> list[str]:
    """Inner text of every ``<tag>…</tag>`` (no nesting of the same tag in these documents)."""
    return re.findall(rf"<{tag}>(.*?)</{tag}>", text, re.S)


def plain(text: str, tag: str) -> str | None:
    found = elements(text, tag)
    return found[0].strip() or None if found else None


def cell_values(text: str, tag: str) -> list[str]:
    """Filed ``<value>`` of every ``<tag>`` cell that has one, in document order."""
    values = []
    for inner in elements(text, tag):
        value = re.search(r"<value>(.*?)</value>", inner, re.S)
        if value and value[1].strip():
            values.append(value[1].strip())
    return values


def document(path: Path) -> str:
    """The ownershipDocument part of a file, as text."""
    text = path.read_bytes().decode("utf-8")
    return text[text.index("<ownershipDocument") : text.index("</ownershipDocument>")]


ROW_TAGS = {
    ("non_derivative", "transaction"): "nonDerivativeTransaction",
    ("non_derivative", "holding"): "nonDerivativeHolding",
    ("derivative", "transaction"): "derivativeTransaction",
    ("derivative", "holding"): "derivativeHolding",
}


# --------------------------------------------------------------------------- the whole corpus


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_file_parses_with_every_row(path: Path) -> None:
    filing = parse_file(path)
    text = document(path)

    assert filing.source.format == "xml"
    assert filing.form_type == plain(text, "documentType")
    assert filing.schema_version == plain(text, "schemaVersion")
    for table in ("non_derivative", "derivative"):
        for kind in ("transaction", "holding"):
            tag = ROW_TAGS[(table, kind)]
            expected = len(re.findall(rf"<{tag}>", text))
            got = [r for r in getattr(filing, table) if r.kind == kind]
            assert len(got) == expected, f"{table} {kind} rows"


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_header_matches_the_xml(path: Path) -> None:
    filing = parse_file(path)
    text = document(path)
    issuer = elements(text, "issuer")[0]

    assert filing.issuer.cik == plain(issuer, "issuerCik")
    assert filing.issuer.ticker == plain(issuer, "issuerTradingSymbol")
    assert [o.cik for o in filing.reporting_owners] == [
        plain(owner, "rptOwnerCik") for owner in elements(text, "reportingOwner")
    ]
    assert [s.name for s in filing.signatures] == [
        " ".join(name.split()) for name in elements(text, "signatureName")
    ]
    footnote_ids = re.findall(r'<footnote id="(F\d+)"', text)
    assert sorted(filing.footnotes) == sorted(footnote_ids)
    for ref, body in re.findall(r'<footnote id="(F\d+)">(.*?)</footnote>', text, re.S):
        assert filing.footnotes[ref] == " ".join(html.unescape(body).split())


NUMERIC_CELLS = {
    "sharesOwnedFollowingTransaction": "shares_owned_following",
    "transactionShares": "shares",
    "transactionPricePerShare": "price",
    "conversionOrExercisePrice": "exercise_price",
    "underlyingSecurityShares": "underlying_shares",
}


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_numbers_are_exactly_as_filed(path: Path) -> None:
    filing = parse_file(path)
    text = document(path)
    rows = all_rows(filing)
    for tag, field in NUMERIC_CELLS.items():
        parsed = [getattr(r, field, None) for r in rows]
        filed = cell_values(text, tag)
        assert [str(v) for v in parsed if v is not None] == filed, tag
        assert all(isinstance(v, Decimal) for v in parsed if v is not None)


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_keeps_every_footnote_reference(path: Path) -> None:
    """Every footnoteId inside the tables lands on some row field; none is dropped."""
    filing = parse_file(path)
    text = document(path)
    in_tables = sum(
        len(re.findall(r"<footnoteId ", body))
        for table in ("nonDerivativeTable", "derivativeTable")
        for body in elements(text, table)
    )
    recorded = sum(len(refs) for row in all_rows(filing) for refs in row.footnotes.values())
    assert recorded == in_tables
    assert not [n for n in filing.notes if "lacks" in n.message]


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_row_lines_point_at_the_row(path: Path) -> None:
    filing = parse_file(path)
    lines = path.read_bytes().splitlines()
    for table in ("non_derivative", "derivative"):
        for row in getattr(filing, table):
            assert row.line is not None
            tag = ROW_TAGS[(table, row.kind)].encode()
            assert b"<" + tag + b">" in lines[row.line - 1]


# --------------------------------------------------------------------------- pinned filings


def test_several_reporting_owners() -> None:
    filing = parse_file(real("softbank_derivative_acquisition.xml"))
    assert len(filing.reporting_owners) == 8
    first = filing.reporting_owners[0]
    assert (first.name, first.cik) == ("SOFTBANK GROUP CORP.", "0001065521")
    assert first.is_ten_percent_owner is True
    assert first.is_director is False and first.is_officer is False and first.is_other is False
    assert filing.reporting_owners[-1].name == "SB Management Ltd"
    assert filing.accession_number == "0001493152-25-009612"

    sgml = parse_file(real("0000921895-25-001190.txt"))
    assert [o.cik for o in sgml.reporting_owners] == ["0001959730", "0002052009", "0001580144"]


def test_relationship_written_as_true_and_left_out() -> None:
    owner = parse_file(real("0001610717-23-000035.xml")).reporting_owners[0]
    assert owner.is_director is True
    # The other boxes are absent from <reportingOwnerRelationship>: unchecked, not unknown.
    assert (owner.is_officer, owner.is_ten_percent_owner, owner.is_other) == (False, False, False)


def test_value_given_only_as_footnote() -> None:
    filing = parse_file(real("jetblue_RSU_acquisition.xml"))
    (row,) = filing.derivative
    assert row.price is None and row.exercise_price is None
    assert row.date_exercisable is None and row.expiration_date is None
    assert row.footnotes == {
        "exercise_price": ["F1"],
        "price": ["F1"],
        "date_exercisable": ["F2"],
        "expiration_date": ["F2"],
    }
    assert row.shares == Decimal("110474")
    assert row.line == 107

    nc = parse_file(real("0001562180-25-000280.nc"))
    assert nc.derivative[0].date_exercisable is None
    assert nc.derivative[0].footnotes == {"date_exercisable": ["F2"]}
    assert nc.non_derivative[0].footnotes == {"security_title": ["F1"]}


def test_aff10b5_one() -> None:
    assert parse_file(real("beckton_dickerson_remarks_10b51__input.xml")).aff10b5_one is True
    assert parse_file(real("wave_derivatives__input.xml")).aff10b5_one is True  # "true"
    assert parse_file(real("msft-insider-1-2026-07-01.xml")).aff10b5_one is False  # "0"
    assert parse_file(real("0001610717-23-000035.xml")).aff10b5_one is False  # "false"
    assert parse_file(real("form4.snow.xml")).aff10b5_one is None  # before the element existed


def test_nvidia_kress_amendments() -> None:
    original = parse_file(real("0001045810-23-000006_wf-form4_167486488448198.xml"))
    amended = parse_file(real("0001045810-23-000050_wf-form4a_167882511093689.xml"))
    other = parse_file(real("0001045810-23-000051_wf-form4a_167882513564677.xml"))

    assert original.form_type == "4" and not original.is_amendment
    assert amended.form_type == "4/A" and amended.is_amendment
    assert amended.date_of_original_submission == dt.date(2023, 1, 27)
    assert amended.period_of_report == original.period_of_report == dt.date(2023, 1, 26)
    assert other.date_of_original_submission == dt.date(2022, 12, 16)
    assert other.period_of_report == dt.date(2022, 12, 14)
    assert amended.reporting_owners[0].name == "Kress Colette"
    # The amendment drops one of the original's holdings rows.
    assert len(original.non_derivative) == 5 and len(amended.non_derivative) == 4
    sale = amended.non_derivative[0]
    assert (sale.code, sale.shares, sale.price) == ("S", Decimal("10741"), Decimal("200"))
    assert sale.shares_owned_following == Decimal("536960")
    assert [r.kind for r in amended.non_derivative] == ["transaction"] + ["holding"] * 3


def test_fractional_shares() -> None:
    filing = parse_file(real("0000789019-26-000158_form4.xml"))
    grant, withheld = filing.non_derivative
    assert str(grant.shares_owned_following) == "55361.4483"
    assert str(withheld.shares) == "7518.208"
    assert str(withheld.shares_owned_following) == "47843.2403"
    assert withheld.price == Decimal("513.53")
    assert grant.shares_owned_following - withheld.shares == withheld.shares_owned_following


def test_trailing_zeros_stay_as_filed() -> None:
    row = parse_file(real("0001562180-25-000280.nc")).non_derivative[0]
    assert str(row.shares) == "106150.00"
    as_json = parse_file(real("0001562180-25-000280.nc")).to_json_dict()
    assert as_json["non_derivative"][0]["price"] == "0.00"


def test_dates_with_zone_suffix() -> None:
    filing = parse_file(real("springloading__xml_timestamp.xml"))
    assert filing.period_of_report == dt.date(2021, 9, 30)
    assert filing.non_derivative[0].transaction_date == dt.date(2021, 9, 30)
    assert filing.signatures[0].date == dt.date(2021, 10, 26)
    assert filing.not_subject_to_section16 is False
    assert filing.non_derivative[0].footnotes == {"code": ["F1"]}
    # The copy carries a browser-injected <script>; it is reported, not silently read.
    assert [n.message for n in filing.notes] == ["unexpected element <script> ignored"]


def test_sgml_txt_submission() -> None:
    filing = parse_file(real("0000320193-22-000061.txt"))
    assert filing.accession_number == "0000320193-22-000061"
    assert filing.filed_date == dt.date(2022, 5, 6)
    assert filing.issuer.ticker == "AAPL"
    assert filing.reporting_owners[0].name == "Adams Katherine L."
    assert filing.non_derivative[0].line == 109  # a line of the .txt, not of the XML inside
    assert filing.non_derivative[0].footnotes == {"security_title": ["F1"], "price": ["F2"]}

    old = parse_file(real("0001179110-07-016964.txt"))  # PEM-wrapped, schema X0202
    assert (old.accession_number, old.filed_date) == ("0001179110-07-016964", dt.date(2007, 8, 17))
    assert old.schema_version == "X0202"


def test_sgml_nc_submission() -> None:
    filing = parse_file(real("0001562180-25-000280.nc"))
    assert filing.accession_number == "0001562180-25-000280"
    assert filing.filed_date == dt.date(2025, 1, 8)
    assert filing.remarks == "Title: Senior Vice President of Quality and Enabling Functions"
    # .nc lines end with a bare CR; lines are counted as expat and str.splitlines count them.
    assert filing.non_derivative[0].line == 102

    other = parse_file(real("0001127602-25-004598.nc"))
    assert (other.accession_number, other.filed_date) == (
        "0001127602-25-004598",
        dt.date(2025, 2, 13),
    )
    assert other.reporting_owners[0].officer_title == "SVP, CLO & Secretary"


def test_deemed_execution_date() -> None:
    row = parse_file(real("0001493152-25-015819.txt")).non_derivative[0]
    assert row.transaction_date == dt.date(2025, 9, 25)
    assert row.deemed_execution_date == dt.date(2025, 9, 26)
    empty = parse_file(real("0001562180-25-000280.nc")).non_derivative[0]
    assert empty.deemed_execution_date is None  # <deemedExecutionDate></deemedExecutionDate>


def test_form3_and_form5() -> None:
    nothing = parse_file(real("form3.nosecurities.xml"))
    assert nothing.form_type == "3" and nothing.no_securities_owned is True
    assert not nothing.non_derivative and not nothing.derivative

    holdings = parse_file(real("form3.snow.xml"))
    assert {r.kind for r in holdings.derivative} == {"holding"}
    assert all(r.code is None and r.voluntary is None for r in holdings.derivative)

    annual = parse_file(real("form5.snow.xml"))
    assert annual.form_type == "5"
    assert annual.form3_holdings_reported is False
    assert annual.form4_transactions_reported is False


# --------------------------------------------------------------------------- built inputs

MINIMAL = """<?xml version="1.0"?>
<ownershipDocument>
    <schemaVersion>X0508</schemaVersion>
    <documentType>4</documentType>
    <periodOfReport>{period}</periodOfReport>
    <issuer><issuerCik>0000000001</issuerCik><issuerName>X CORP</issuerName>
        <issuerTradingSymbol>XX</issuerTradingSymbol></issuer>
    <reportingOwner>
        <reportingOwnerId><rptOwnerCik>0000000002</rptOwnerCik>
            <rptOwnerName>DOE JANE</rptOwnerName></reportingOwnerId>
        <reportingOwnerRelationship><isDirector>{director}</isDirector></reportingOwnerRelationship>
    </reportingOwner>
    <nonDerivativeTable>
        <nonDerivativeTransaction>
            <securityTitle><value>Common
                Stock</value></securityTitle>
            <transactionDate><value>2024-01-02</value></transactionDate>
            <transactionCoding><transactionFormType>4</transactionFormType>
                <transactionCode>S</transactionCode>
                <equitySwapInvolved>0</equitySwapInvolved></transactionCoding>
            <transactionTimeliness><value>{timeliness}</value></transactionTimeliness>
            <transactionAmounts>
                <transactionShares><value>{shares}</value></transactionShares>
                <transactionPricePerShare><value>{price}</value>
                    <footnoteId id="F1"/></transactionPricePerShare>
                <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode>
            </transactionAmounts>
            <postTransactionAmounts>
                <sharesOwnedFollowingTransaction><value>9000</value>
                </sharesOwnedFollowingTransaction>
            </postTransactionAmounts>
            <ownershipNature><directOrIndirectOwnership><value>D</value>
                </directOrIndirectOwnership></ownershipNature>
        </nonDerivativeTransaction>
    </nonDerivativeTable>
    <footnotes><footnote id="F1">Weighted
        average price.</footnote></footnotes>
    <remarks>{remarks}</remarks>
    <ownerSignature><signatureName>/s/ Jane Doe</signatureName>
        <signatureDate>2024-01-03</signatureDate></ownerSignature>
</ownershipDocument>
"""


def build(**changes: str) -> bytes:
    values = {
        "period": "2024-01-02",
        "director": "1",
        "timeliness": "",
        "shares": "1000",
        "price": "12.50",
        "remarks": "",
    }
    values.update(changes)
    return MINIMAL.format(**values).encode("utf-8")


def test_minimal_document_reads_every_field() -> None:
    filing = parse_bytes(build(), "min.xml")
    (row,) = filing.non_derivative
    assert row.security_title == "Common Stock"  # wrapped title joined
    assert (row.code, row.voluntary, row.equity_swap_involved) == ("S", False, False)
    assert (row.shares, row.price, row.acquired_disposed) == (Decimal(1000), Decimal("12.50"), "D")
    assert row.transaction_form_type == "4"
    assert row.footnotes == {"price": ["F1"]}
    assert row.line == 14
    assert filing.footnotes == {"F1": "Weighted average price."}
    assert filing.remarks is None
    assert filing.reporting_owners[0].is_director is True
    assert filing.accession_number is None and filing.filed_date is None
    assert filing.notes == []


@pytest.mark.parametrize(
    ("filed", "read"),
    [
        ("1,000", Decimal("1000")),
        ("1,234,567.50", Decimal("1234567.50")),
        ("$12.5", Decimal("12.5")),
    ],
)
def test_separators_and_dollar_signs_are_dropped(filed: str, read: Decimal) -> None:
    row = parse_bytes(build(shares=filed), "x.xml").non_derivative[0]
    assert row.shares == read


@pytest.mark.parametrize("filed", ["N/A", "1,5", "12.5.1", "1e5", "NaN", "１２"])
def test_value_that_is_not_a_number(filed: str) -> None:
    filing = parse_bytes(build(price=filed), "x.xml")
    row = filing.non_derivative[0]
    assert row.price is None
    assert row.footnotes == {"price": ["F1"]}  # the footnote survives the bad value
    (note,) = filing.notes
    assert note.field == "non_derivative[0].price"
    assert note.line == 14  # the row's line
    assert "not a number" in note.message


@pytest.mark.parametrize("filed", ["2024-02-30", "02/01/2024", "2024-1-2", "yesterday"])
def test_bad_date(filed: str) -> None:
    filing = parse_bytes(build(period=filed), "x.xml")
    assert filing.period_of_report is None
    assert [n.field for n in filing.notes] == ["period_of_report"]


def test_bad_boolean_is_a_note_not_a_guess() -> None:
    filing = parse_bytes(build(director="Y"), "x.xml")
    assert filing.reporting_owners[0].is_director is None
    assert filing.notes[0].field == "reporting_owners[0].is_director"


def test_early_report_is_voluntary() -> None:
    row = parse_bytes(build(timeliness="E"), "x.xml").non_derivative[0]
    assert row.voluntary is True and row.transaction_timeliness == "E"


def test_windows_1252_bytes_are_read_with_a_note() -> None:
    data = build(remarks="CAF\xc9").replace("CAFÉ".encode(), b"Caf\xe9 \x93x\x94")
    filing = parse_bytes(data, "x.xml")
    assert filing.remarks == "Café “x”"
    assert "Windows-1252" in filing.notes[0].message


def test_namespaced_document() -> None:
    data = build().replace(b"<ownershipDocument>", b'<ownershipDocument xmlns="urn:x">')
    filing = parse_bytes(data, "x.xml")
    assert filing.form_type == "4" and filing.non_derivative[0].shares == Decimal(1000)


def test_row_tag_in_a_comment_costs_the_line_not_the_row() -> None:
    data = build().replace(
        b"<nonDerivativeTable>", b"<nonDerivativeTable><!-- <nonDerivativeTransaction> -->"
    )
    (row,) = parse_bytes(data, "x.xml").non_derivative
    assert row.line is None and row.shares == Decimal(1000)


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"])
def test_lines_with_other_line_endings(newline: bytes) -> None:
    row = parse_bytes(build().replace(b"\n", newline), "x.xml").non_derivative[0]
    assert row.line == 14


def test_sgml_wrapper_without_xml_tag() -> None:
    header = b"<SEC-DOCUMENT>0000000000-24-000001.txt : 20240104\n<SEC-HEADER>\n"
    header += b"ACCESSION NUMBER:\t\t0000000000-24-000001\nFILED AS OF DATE:\t\t20240104\n"
    header += b"</SEC-HEADER>\n<DOCUMENT>\n<TYPE>4\n<TEXT>\n"
    data = header + build() + b"</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    filing = parse_bytes(data, "x.txt")
    assert filing.accession_number == "0000000000-24-000001"
    assert filing.filed_date == dt.date(2024, 1, 4)
    assert filing.non_derivative[0].line == 14 + 8


def test_unknown_footnote_reference_is_noted() -> None:
    data = build().replace(b'<footnoteId id="F1"/>', b'<footnoteId id="F9"/>')
    filing = parse_bytes(data, "x.xml")
    assert filing.non_derivative[0].footnotes == {"price": ["F9"]}
    assert "F9" in filing.notes[0].message


# --------------------------------------------------------------------------- refused inputs


def test_truncated_xml_names_the_line() -> None:
    data = build()
    with pytest.raises(ParseError) as caught:
        parse_bytes(data[: data.index(b"<postTransactionAmounts>")], "cut.xml")
    assert caught.value.path == "cut.xml"
    assert caught.value.line == 28
    assert "malformed XML" in caught.value.message


def test_truncated_sgml_submission_names_the_line_in_the_file() -> None:
    data = real("0000320193-22-000061.txt").read_bytes()
    cut = data[: data.index(b"<nonDerivativeTransaction>") + 40]
    with pytest.raises(ParseError) as caught:
        parse_bytes(cut, "cut.txt")
    assert caught.value.line == 110


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE ownershipDocument [\n <!ENTITY lol0 "lol">\n'
    + b"".join(b' <!ENTITY lol%d "%s">\n' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 12))
    + b"]>\n<ownershipDocument><documentType>&lol11;</documentType></ownershipDocument>\n"
)


def test_billion_laughs_is_refused_fast_and_small() -> None:
    tracemalloc.start()
    started = time.process_time()  # CPU time of this process: an expansion guard, not a speed test
    try:
        with pytest.raises(ParseError) as caught:
            parse_bytes(BILLION_LAUGHS, "lol.xml")
        elapsed = time.process_time() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "DTD" in caught.value.message
    assert caught.value.line == 2
    assert elapsed < 2.0
    assert peak < 5_000_000


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        b'<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>',
        b'<!DOCTYPE ownershipDocument SYSTEM "http://127.0.0.1:9/ownership.dtd">',
    ],
)
def test_external_entities_and_dtds_are_refused(doctype: bytes) -> None:
    data = b'<?xml version="1.0"?>\n' + doctype + b"\n<ownershipDocument>"
    data += b"<documentType>&xxe;</documentType></ownershipDocument>\n"
    with pytest.raises(ParseError) as caught:
        parse_bytes(data, "xxe.xml")
    assert "DTD" in caught.value.message and caught.value.line == 2


@pytest.mark.parametrize("comment", [b"", b"<!-- a comment -->\n", b"<!--<!DOCTYPE-->\n"])
def test_the_dtd_check_sees_past_comments(comment: bytes) -> None:
    """A comment also starts with "<!": with or before a DTD the document is still refused, and
    a comment alone (or one that only names a DOCTYPE) is no DTD and reads as usual."""
    with pytest.raises(ParseError, match="DTD"):
        parse_bytes(comment + BILLION_LAUGHS.replace(b'<?xml version="1.0"?>\n', b""), "lol.xml")
    data = build()
    start = data.index(b"<ownershipDocument")
    filing = parse_bytes(data[:start] + comment + data[start:], "c.xml")
    assert filing.form_type == "4" and not [n for n in filing.notes if "DTD" in n.message]


def test_wrong_root_is_refused() -> None:
    data = b'<?xml version="1.0"?>\n<edgarSubmission><ownershipDocument/></edgarSubmission>\n'
    with pytest.raises(ParseError, match="root element is <edgarSubmission>"):
        parse_bytes(data, "13f.xml")


def test_missing_document_type_is_refused() -> None:
    data = build().replace(b"<documentType>4</documentType>", b"")
    with pytest.raises(ParseError, match="no documentType") as caught:
        parse_bytes(data, "x.xml")
    assert caught.value.path == "x.xml"


def test_too_many_rows_is_refused() -> None:
    with pytest.raises(ParseError, match="over the limit"):
        parse_bytes(build(), "x.xml", Limits(max_rows=0))


# --------------------------------------------------------------------------- libxml2 shortcut
# parsers.xml builds the tree with libxml2 where it is sure libxml2 and expat agree, and reads
# expat's tree everywhere else. The two readings must never differ.


def read_both(data: bytes) -> tuple[str, str]:
    """The Filing JSON (or the refusal) through the shortcut and through expat alone."""
    outcomes = []
    for shortcut in (True, False):
        try:
            filing = parse_xml_internal(data, "x.xml", "", Limits(), shortcut=shortcut)
            outcomes.append(filing.model_dump_json())
        except ParseError as exc:
            outcomes.append(f"refused: {exc}")
    return outcomes[0], outcomes[1]


def test_the_shortcut_is_taken_for_every_real_filing() -> None:
    """Else the comparisons below would compare expat with itself."""
    if not CORPUS_FILES:
        pytest.skip(NO_CORPUS)
    for path in CORPUS_FILES:
        assert fast_tree(xml_document(path.read_bytes())) is not None, path.name


@pytest.mark.parametrize("path", corpus_params())
def test_the_shortcut_reads_each_real_filing_as_expat_does(path: Path) -> None:
    fast, expat = read_both(path.read_bytes())
    assert fast == expat


def test_the_shortcut_reads_mutants_as_expat_does() -> None:
    """Mutants of the real filings: the fuzz campaign's damage and XML syntax put in (comments,
    CDATA, entities, prefixes, processing instructions, declarations, line breaks in tags)."""
    if not CORPUS_FILES:
        pytest.skip(NO_CORPUS)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import bench_parse

    with tempfile.TemporaryDirectory() as tmp:
        mutants = bench_parse.xml_mutants(CORPUS, 600, 7, Path(tmp))
        taken = 0
        for mutant in mutants:
            data = mutant.read_bytes()
            taken += fast_tree(xml_document(data)) is not None
            fast, expat = read_both(data)
            assert fast == expat, mutant.name
    assert taken > 100  # the shortcut was tried on many of them


@pytest.mark.parametrize(
    "change",
    [
        (b"<documentType>", b"<documentType>\xc3\xa9"),  # not ASCII: names may differ
        (b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="ISO-8859-1"?>'),
        (b'<?xml version="1.0"?>', b'<?xml version="1.1"?>'),  # libxml2 warns: not taken
        (b"<ownershipDocument>", b'<ownershipDocument xmlns="urn:x">'),
        (b"<ownershipDocument>", b"<!DOCTYPE ownershipDocument>\n<ownershipDocument>"),
    ],
)
def test_the_shortcut_is_not_taken_where_the_parsers_could_differ(
    change: tuple[bytes, bytes],
) -> None:
    data = build().replace(*change)
    assert data != build()
    assert fast_tree(xml_document(data)) is None
    fast, expat = read_both(data)
    assert fast == expat


def test_blank_text_between_elements_of_a_footnote_is_kept() -> None:
    """libxml2's tree drops blank text between elements; inside a footnote it separates
    words, so such a footnote is read from expat's tree."""
    data = build().replace(
        b'<footnote id="F1">Weighted\n        average price.</footnote>',
        b'<footnote id="F1"><b>Weighted</b> <i>average</i>\n<b>price.</b></footnote>',
    )
    filing = parse_bytes(data, "x.xml")
    assert filing.footnotes == {"F1": "Weighted average price."}


def test_a_row_start_tag_over_two_lines_keeps_the_line_it_starts_on() -> None:
    """libxml2 numbers an element by the line its start tag ends on."""
    data = build().replace(b"<nonDerivativeTransaction>", b"<nonDerivativeTransaction\n>")
    (row,) = parse_bytes(data, "x.xml").non_derivative
    assert row.line == 14


def test_a_row_outside_its_table_costs_the_lines() -> None:
    """The text's row tags are not the tables' rows: no row gets a line rather than a wrong
    one (as with a row tag in a comment)."""
    for row in (b"<nonDerivativeHolding/>", b"<nonDerivativeHolding></nonDerivativeHolding>"):
        data = build().replace(b"<remarks>", b"<x>" + row + b"</x>\n    <remarks>")
        filing = parse_bytes(data, "x.xml")
        (read,) = filing.non_derivative
        assert read.line is None and read.shares == Decimal(1000)


def test_without_lxml_the_reading_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """lxml is only the shortcut: an environment without it reads every file as expat does."""
    import parsers.xml

    data = build()
    assert fast_tree(xml_document(data)) is not None
    with_lxml = parse_bytes(data, "x.xml").model_dump_json()
    monkeypatch.setattr(parsers.xml, "lxml_etree", None)
    assert fast_tree(xml_document(data)) is None
    assert parse_bytes(data, "x.xml").model_dump_json() == with_lxml


@pytest.mark.parametrize("row_line", [65534, 65535, 70_000])
def test_rows_past_line_65534_keep_the_lines_expat_gives(row_line: int) -> None:
    """libxml2 keeps 16 bits of an element's line and guesses past them: a row from line 65535
    on was put two lines late by the shortcut's tree."""
    plain = build()
    first = plain[: plain.find(b"<nonDerivativeTransaction>")].count(b"\n") + 1
    data = plain.replace(
        b"<nonDerivativeTable>", b"\n" * (row_line - first) + b"<nonDerivativeTable>"
    )
    (row,) = parse_bytes(data, "x.xml").non_derivative
    assert row.line == row_line
    fast, expat = read_both(data)
    assert fast == expat


def test_a_row_name_in_prose_keeps_the_tree_lines() -> None:
    """A row's name in a footnote (with a ">" after it) is not a row: the rows keep their
    lines, the ones expat's reading gives."""
    data = build().replace(
        b'<footnote id="F1">Weighted',
        b'<footnote id="F1">see nonDerivativeTransaction> and derivativeHolding> Weighted',
    )
    (row,) = parse_bytes(data, "x.xml").non_derivative
    assert row.line == 14
    fast, expat = read_both(data)
    assert fast == expat


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (b"", 0),
        (b"<derivativeTable></derivativeTable>", 0),
        (b"<nonDerivativeTransaction></nonDerivativeTransaction>", 1),
        (b"<derivativeHolding>x</derivativeHolding><derivativeTransaction>", -1),  # odd
        (b"<derivativeHolding></derivativeHolding>" * 2 + b"<nonDerivativeHolding>" * 2, 3),
        (b"<nonDerivativeHolding/>", -1),  # no ">" straight after the name
        (b"<derivativeHolding >x</derivativeHolding>", -1),
        (b"<derivativeHolding>x</derivativeHolding", -1),  # the name ends the text
        (b"derivativeHolding> and derivativeHolding>", 1),  # prose: the walk tells
    ],
)
def test_plain_row_tags_counts_row_names_each_followed_by_a_close(text: bytes, rows: int) -> None:
    """Half the row names in the text where each is followed by ">", else -1 (the rows'
    lines are then found by the pattern)."""
    from parsers.xml import _plain_row_tags

    assert _plain_row_tags(text) == rows


# --------------------------------------------------------------------------- models built
# parsers.xml builds the Filing from values its readers checked (parsers.built) instead of
# having pydantic check them again: what it builds must be what validation makes of them.


def model_state(value: object, where: str = "filing") -> list[tuple[object, ...]]:
    """Every model in ``value`` with its fields in order and the fields given, and every
    other value's type: what ``==`` and the JSON do not compare."""
    if isinstance(value, BaseModel):
        state = value.__getstate__()
        found: list[tuple[object, ...]] = [
            (where, type(value).__name__, list(state["__dict__"]), state["__pydantic_fields_set__"])
        ]
        found.append((state["__pydantic_extra__"], state["__pydantic_private__"]))
        for name, item in state["__dict__"].items():
            found += model_state(item, f"{where}.{name}")
        return found
    if isinstance(value, list):
        return [s for i, item in enumerate(value) for s in model_state(item, f"{where}[{i}]")]
    if isinstance(value, dict):
        return [s for k, item in value.items() for s in model_state(item, f"{where}[{k}]")]
    return [(where, type(value).__name__)]


def built_and_validated(data: bytes, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    import parsers.xml

    outcomes: list[object] = []
    for build_them in (True, False):
        monkeypatch.setattr(parsers.xml, "_BUILT", build_them)
        try:
            filing = parse_bytes(data, "x.xml")
            outcomes.append((filing, filing.model_dump_json(), model_state(filing)))
        except ParseError as exc:
            outcomes.append(f"refused: {exc}")
    return outcomes


@pytest.mark.parametrize("path", corpus_params())
def test_built_models_are_the_validated_ones(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built, validated = built_and_validated(path.read_bytes(), monkeypatch)
    assert built == validated


def test_built_models_are_the_validated_ones_for_mutants(monkeypatch: pytest.MonkeyPatch) -> None:
    """Mutants reach the readers' refusals and the notes; a row without (A)/(D) gets the
    Filing's own doubt, which validation adds after the fields and building adds itself."""
    if not CORPUS_FILES:
        pytest.skip(NO_CORPUS)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import bench_parse

    read = 0
    with tempfile.TemporaryDirectory() as tmp:
        for mutant in bench_parse.xml_mutants(CORPUS, 600, 11, Path(tmp)):
            built, validated = built_and_validated(mutant.read_bytes(), monkeypatch)
            assert built == validated, mutant.name
            read += not isinstance(built, str)
    assert read > 200
    unsided = build().replace(b"DisposedCode><value>D</value>", b"DisposedCode><value></value>", 1)
    built, validated = built_and_validated(unsided, monkeypatch)
    assert built == validated
    assert isinstance(built, tuple) and "left unsigned" in built[0].notes[-1].message


def test_a_path_not_a_string_is_still_refused_by_the_model() -> None:
    """The caller's path and hash are not the parser's to check: where they are not strings
    pydantic judges the filing, as it did before the models were built."""
    from parsers.xml import parse_xml

    with pytest.raises(ValidationError, match="source.path"):
        parse_xml(build(), path=7, sha256="", limits=Limits())  # type: ignore[arg-type]


def test_built_refuses_a_field_the_model_lacks_and_gives_fresh_defaults() -> None:
    from parsers.built import built
    from parsers.model import NonDerivativeRow

    with pytest.raises(TypeError, match="wrong_name"):
        built(NonDerivativeRow, {"kind": "holding", "wrong_name": 1})
    with pytest.raises(TypeError, match="kind"):
        built(NonDerivativeRow, {"line": 3})
    first, second = (built(NonDerivativeRow, {"kind": "holding"}) for _ in range(2))
    assert first.footnotes == {} and first.footnotes is not second.footnotes
    assert first.model_fields_set == {"kind"}
    assert first == NonDerivativeRow(kind="holding")


def test_built_refuses_a_model_with_a_mutable_default() -> None:
    """pydantic copies a mutable default for each instance; a template would share it."""
    from parsers.built import built

    class Listed(BaseModel):
        items: list[str] = []

    with pytest.raises(TypeError, match="mutable default"):
        built(Listed, {})
