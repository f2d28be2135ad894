"""Lay ownership XML filings out as the form's HTML page, print them to PDF with headless
Chromium, and turn each PDF into text with the converters people use.

    python scripts/render_corpus.py --real ../shared/realdata/xml --synthetic 160 \
        --out /work/renderings --jobs 2

Every filing gets a folder ``OUT/<set>/<file name>/`` holding ``truth.xml`` (a copy of the XML
the rendering was made from), ``form.html``, ``form.pdf`` and one text file per converter
(``pdftotext-layout.txt``, ``ocr.txt``, ...). ``<set>`` is ``real``, ``heldout`` (the real
filings named in ``scripts/renderings_heldout.txt``: scored, never looked at while fixing the
parser) or ``synthetic`` (drawn by ``holdings.corpus`` with ``--seed``). Score them with
``scripts/score_renderings.py OUT``.

Converters are a registry (``CONVERTERS``); one whose program or package is missing is skipped
with the reason printed. Files already made are kept unless ``--force``.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import datetime as dt
import hashlib
import html
import importlib.util
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from defusedxml import ElementTree

from parsers import DerivativeRow, Filing, NonDerivativeRow, parse_file

HERE = Path(__file__).resolve().parent
HELD_OUT = HERE / "renderings_heldout.txt"
REAL_SUFFIXES = (".xml", ".txt", ".nc")
TRUTH_NAME = "truth.xml"

# --------------------------------------------------------------------------- held-out set


def held_out_names(path: Path = HELD_OUT) -> set[str]:
    if not path.exists():
        return set()
    return {
        ln.strip()
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    }


def _filing_key(path: Path) -> tuple | None:
    try:
        f = parse_file(path)
    except Exception:
        return None
    owner = (f.reporting_owners[0].name or "").casefold() if f.reporting_owners else ""
    return (f.issuer.ticker, f.period_of_report, owner)


def choose_held_out(real: Path, fixtures: Path, count: int = 20) -> list[str]:
    """The held-out real filings, the same on every machine: of the real filings that no test
    fixture already holds (same bytes, or same issuer, period and first owner), the ``count``
    whose file names have the smallest SHA-256."""
    seen_bytes: set[str] = set()
    seen_keys: set[tuple] = set()
    for p in fixtures.rglob("*"):
        if p.is_file():
            seen_bytes.add(hashlib.sha256(p.read_bytes()).hexdigest())
            if (key := _filing_key(p)) is not None:
                seen_keys.add(key)
    eligible = [
        p.name
        for p in sorted(real.iterdir())
        if p.suffix.lower() in REAL_SUFFIXES
        and hashlib.sha256(p.read_bytes()).hexdigest() not in seen_bytes
        and _filing_key(p) not in seen_keys
    ]
    by_hash = sorted(eligible, key=lambda n: hashlib.sha256(n.encode()).hexdigest())
    return sorted(by_hash[:count])


def write_held_out(names: list[str], path: Path = HELD_OUT) -> None:
    path.write_text(
        "# Held-out real filings for the rendering scorer (issue #12): their renderings are\n"
        "# scored, never looked at, and never committed as fixtures. Chosen once by\n"
        "# `scripts/render_corpus.py --choose-held-out --real ../shared/realdata/xml`: of the\n"
        "# real filings no test fixture already holds, the 20 names with the smallest SHA-256.\n"
        + "".join(f"{n}\n" for n in names),
        encoding="utf-8",
    )


# --------------------------------------------------------------------------- HTML


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _date(d: dt.date | None) -> str:
    return d.strftime("%m/%d/%Y") if d else ""


def _num(d: Decimal | None, dollar: bool = False) -> str:
    if d is None:
        return ""
    text = format(d, "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    out = f"{sign}{int(whole):,}" + (f".{frac}" if frac else "")
    return f"${out}" if dollar else out


def _marks(row: NonDerivativeRow | DerivativeRow, *fields: str) -> str:
    refs: list[str] = []
    for f in fields:
        refs.extend(row.footnotes.get(f, []))
    return "".join(f"<sup>({_esc(r.lstrip('Ff'))})</sup>" for r in refs)


def _cell(value: str, row: NonDerivativeRow | DerivativeRow, *fields: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<td{attr}>{_esc(value)}{_marks(row, *fields)}</td>"


@dataclass
class Address:
    street1: str = ""
    street2: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""


def owner_addresses(raw: bytes) -> list[Address]:
    """Box 1's addresses, which the ``Filing`` model does not carry, read from the XML."""
    start = raw.find(b"<ownershipDocument")
    end = raw.rfind(b"</ownershipDocument>")
    if start < 0 or end < 0:
        return []
    try:
        root = ElementTree.fromstring(raw[start : end + len(b"</ownershipDocument>")])
    except Exception:  # an address is decoration; the rendering goes on without it
        return []

    def text(el: object, tag: str) -> str:
        found = el.find(tag)  # type: ignore[attr-defined]
        return (found.text or "").strip() if found is not None else ""

    out = []
    for owner in root.findall("reportingOwner"):
        a = owner.find("reportingOwnerAddress")
        if a is None:
            out.append(Address())
            continue
        out.append(
            Address(
                text(a, "rptOwnerStreet1"),
                text(a, "rptOwnerStreet2"),
                text(a, "rptOwnerCity"),
                text(a, "rptOwnerState"),
                text(a, "rptOwnerZipCode"),
            )
        )
    return out


_CSS = """
@page { size: letter landscape; margin: 0.35in; }
body { font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 8pt; margin: 0; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #000; padding: 2px 3px; vertical-align: top; }
th { font-weight: normal; font-size: 7pt; text-align: left; }
.noborder td, td.noborder { border: none; }
.title { text-align: center; font-weight: bold; font-size: 9pt; }
.big { font-size: 14pt; font-weight: bold; }
.value { font-weight: bold; font-size: 8.5pt; }
.box { width: 10px; text-align: center; font-weight: bold; }
.caption { font-size: 7pt; }
.center { text-align: center; }
.right { text-align: right; }
sup { font-size: 6pt; }
p { margin: 3px 0; }
tr { page-break-inside: avoid; }
"""

_PREAMBLE = {
    "3": ("FORM 3", "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES", "3235-0104"),
    "4": ("FORM 4", "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP", "3235-0287"),
    "5": ("FORM 5", "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP", "3235-0362"),
}


def _checkbox(checked: bool | None, label: str) -> str:
    return (
        f'<td class="box noborder">{"X" if checked else ""}</td><td class="noborder">{label}</td>'
    )


def _owner_box(filing: Filing, index: int, address: Address) -> str:
    owner = filing.reporting_owners[index]
    street = " ".join(_esc(s) for s in (address.street1, address.street2) if s)
    city = " ".join(_esc(s) for s in (address.city, address.state, address.zip) if s)
    return (
        "1. Name and Address of Reporting Person<sup>*</sup><br>"
        f'<span class="value">{_esc(owner.name or "")}</span><br>'
        '<table class="noborder caption"><tr><td>(Last)</td><td>(First)</td><td>(Middle)</td>'
        f'</tr></table><span class="value">{street}</span><br><span class="caption">(Street)'
        f'</span><br><span class="value">{city}</span><br>'
        '<table class="noborder caption"><tr><td>(City)</td><td>(State)</td><td>(Zip)</td>'
        "</tr></table>"
    )


def _relationship_box(filing: Filing, index: int, number: int) -> str:
    owner = filing.reporting_owners[index]
    title = owner.officer_title or owner.other_text or ""
    return (
        f"{number}. Relationship of Reporting Person(s) to Issuer<br>(Check all applicable)"
        '<table class="noborder"><tr>'
        + _checkbox(owner.is_director, "Director")
        + _checkbox(owner.is_ten_percent_owner, "10% Owner")
        + "</tr><tr>"
        + _checkbox(owner.is_officer, "Officer (give title below)")
        + _checkbox(owner.is_other, "Other (specify below)")
        + f'</tr><tr><td class="noborder"></td><td class="noborder value" colspan="3">'
        f"{_esc(title)}</td></tr></table>"
    )


def _joint_box(filing: Filing, number: int) -> str:
    joint = len(filing.reporting_owners) > 1
    return (
        f"{number}. Individual or Joint/Group Filing (Check Applicable Line)"
        '<table class="noborder"><tr>'
        + _checkbox(not joint, "Form filed by One Reporting Person")
        + "</tr><tr>"
        + _checkbox(joint, "Form filed by More than One Reporting Person")
        + "</tr></table>"
    )


def _header(filing: Filing, addresses: list[Address]) -> str:
    form = filing.form_type.upper().removesuffix("/A")
    form_label, statement, omb = _PREAMBLE.get(form, _PREAMBLE["4"])
    if filing.is_amendment:
        form_label += "/A"
    address = addresses[0] if addresses else Address()
    issuer = _esc(filing.issuer.name or "")
    ticker = f" [ {_esc(filing.issuer.ticker)} ]" if filing.issuer.ticker else ""
    top = (
        '<table><tr><td style="width:22%">'
        f'<span class="big">{form_label}</span><br>'
        '<table class="noborder"><tr>'
        + _checkbox(
            filing.not_subject_to_section16,
            "Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations "
            "may continue. See Instruction 1(b).",
        )
        + "</tr></table></td>"
        '<td class="center"><b>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</b><br>'
        "Washington, D.C. 20549<br><br>"
        f'<span class="title">{statement}</span><br><br>'
        "Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section "
        "30(h) of the Investment Company Act of 1940</td>"
        '<td style="width:18%"><table><tr><td colspan="2" class="center">OMB APPROVAL</td></tr>'
        f"<tr><td>OMB Number:</td><td>{omb}</td></tr>"
        "<tr><td>Estimated average burden hours per response:</td><td>0.5</td></tr></table>"
        "</td></tr></table>"
    )
    if form != "3" and filing.aff10b5_one is not None:
        top += (
            '<table class="noborder"><tr>'
            + _checkbox(
                filing.aff10b5_one,
                "Check this box to indicate that a transaction was made pursuant to a contract, "
                "instruction or written plan for the purchase or sale of equity securities of the "
                "issuer that is intended to satisfy the affirmative defense conditions of Rule "
                "10b5-1(c). See Instruction 10.",
            )
            + "</tr></table>"
        )
    owner_box = _owner_box(filing, 0, address) if filing.reporting_owners else ""
    if form == "3":
        boxes = (
            f'<table><tr><td rowspan="2" style="width:30%">{owner_box}</td>'
            "<td>2. Date of Event Requiring Statement (Month/Day/Year)<br>"
            f'<span class="value">{_date(filing.period_of_report)}</span></td>'
            "<td>3. Issuer Name and Ticker or Trading Symbol<br>"
            f'<span class="value">{issuer}{ticker}</span></td></tr>'
            f"<tr><td>{_relationship_box(filing, 0, 4) if filing.reporting_owners else ''}</td>"
            "<td>5. If Amendment, Date of Original Filed (Month/Day/Year)<br>"
            f'<span class="value">{_date(filing.date_of_original_submission)}</span><br><br>'
            f"{_joint_box(filing, 6)}</td></tr></table>"
        )
    else:
        period_label = (
            "3. Statement for Issuer's Fiscal Year Ended (Month/Day/Year)"
            if form == "5"
            else "3. Date of Earliest Transaction (Month/Day/Year)"
        )
        boxes = (
            f'<table><tr><td rowspan="3" style="width:30%">{owner_box}</td>'
            "<td>2. Issuer Name and Ticker or Trading Symbol<br>"
            f'<span class="value">{issuer}{ticker}</span></td>'
            f'<td rowspan="2" style="width:32%">'
            f"{_relationship_box(filing, 0, 5) if filing.reporting_owners else ''}</td></tr>"
            f'<tr><td>{period_label}<br><span class="value">{_date(filing.period_of_report)}'
            "</span></td></tr>"
            "<tr><td>4. If Amendment, Date of Original Filed (Month/Day/Year)<br>"
            f'<span class="value">{_date(filing.date_of_original_submission)}</span></td>'
            f"<td>{_joint_box(filing, 6)}</td></tr></table>"
        )
    return top + boxes


def _th(text: str, rowspan: int = 1, colspan: int = 1) -> str:
    span = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    return f"<th{span}>{text}</th>"


_T1_TITLE = "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned"
_T2_TITLE = (
    "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned<br>"
    "(e.g., puts, calls, warrants, options, convertible securities)"
)


def _table1(filing: Filing, form: str) -> str:
    rows = filing.non_derivative
    if form == "3":
        head = (
            '<tr><th colspan="4" class="title">Table I - Non-Derivative Securities Beneficially '
            "Owned</th></tr><tr>"
            + _th("1. Title of Security (Instr. 4)")
            + _th("2. Amount of Securities Beneficially Owned (Instr. 4)")
            + _th("3. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)")
            + _th("4. Nature of Indirect Beneficial Ownership (Instr. 5)")
            + "</tr>"
        )
        body = "".join(
            "<tr>"
            + _cell(r.security_title or "", r, "security_title", "row")
            + _cell(_num(r.shares_owned_following), r, "shares_owned_following",
                    "post_transaction_amounts")
            + _cell(r.ownership or "", r, "ownership", "ownership_nature")
            + _cell(r.nature_of_ownership or "", r, "nature_of_ownership")
            + "</tr>"
            for r in rows
        )  # fmt: skip
        return f"<table>{head}{body}</table>"
    following = (
        "5. Amount of Securities Beneficially Owned at end of Issuer's Fiscal Year (Instr. 3 and 4)"
        if form == "5"
        else "5. Amount of Securities Beneficially Owned Following Reported Transaction(s) "
        "(Instr. 3 and 4)"
    )
    code_cols = 1 if form == "5" else 2
    head = (
        f'<tr><th colspan="{9 + code_cols}" class="title">{_T1_TITLE}</th></tr><tr>'
        + _th("1. Title of Security (Instr. 3)", 2)
        + _th("2. Transaction Date (Month/Day/Year)", 2)
        + _th("2A. Deemed Execution Date, if any (Month/Day/Year)", 2)
        + _th("3. Transaction Code (Instr. 8)", 1, code_cols)
        + _th("4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)", 1, 3)
        + _th(following, 2)
        + _th("6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)", 2)
        + _th("7. Nature of Indirect Beneficial Ownership (Instr. 4)", 2)
        + "</tr><tr>"
        + _th("Code")
        + (_th("V") if code_cols == 2 else "")
        + _th("Amount")
        + _th("(A) or (D)")
        + _th("Price")
        + "</tr>"
    )
    body = []
    for r in rows:
        cells = (
            _cell(r.security_title or "", r, "security_title", "row")
            + _cell(_date(r.transaction_date), r, "transaction_date")
            + _cell(_date(r.deemed_execution_date), r, "deemed_execution_date")
            + _cell(r.code or "", r, "code", "transaction_timeliness")
            + (_cell("V" if r.voluntary else "", r) if code_cols == 2 else "")
            + _cell(_num(r.shares), r, "shares", "transaction_amounts", "total_value")
            + _cell(r.acquired_disposed or "", r, "acquired_disposed")
            + _closing_cells(r)
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table>{head}{''.join(body)}</table>"


def _closing_cells(r: NonDerivativeRow | DerivativeRow) -> str:
    """Price, amount owned following, ownership form and nature: the last four columns of
    both tables."""
    return (
        _cell(_num(r.price, True), r, "price")
        + _cell(
            _num(r.shares_owned_following) or _num(r.value_owned_following, True),
            r,
            "shares_owned_following",
            "value_owned_following",
            "post_transaction_amounts",
        )
        + _cell(r.ownership or "", r, "ownership", "ownership_nature")
        + _cell(r.nature_of_ownership or "", r, "nature_of_ownership")
    )


def _table2(filing: Filing, form: str) -> str:
    rows = filing.derivative
    if form == "3":
        head = (
            '<tr><th colspan="9" class="title">Table II - Derivative Securities Beneficially '
            "Owned<br>(e.g., puts, calls, warrants, options, convertible securities)</th></tr><tr>"
            + _th("1. Title of Derivative Security (Instr. 4)", 2)
            + _th("2. Date Exercisable and Expiration Date (Month/Day/Year)", 1, 2)
            + _th("3. Title and Amount of Securities Underlying Derivative Security (Instr. 4)",
                  1, 2)
            + _th("4. Conversion or Exercise Price of Derivative Security", 2)
            + _th("5. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)", 2)
            + _th("6. Nature of Indirect Beneficial Ownership (Instr. 5)", 2)
            + "</tr><tr>"
            + _th("Date Exercisable") + _th("Expiration Date") + _th("Title")
            + _th("Amount or Number of Shares")
            + "</tr>"
        )  # fmt: skip
        body = "".join(
            "<tr>"
            + _cell(r.security_title or "", r, "security_title", "row")
            + _cell(_date(r.date_exercisable), r, "date_exercisable")
            + _cell(_date(r.expiration_date), r, "expiration_date")
            + _cell(r.underlying_title or "", r, "underlying_title", "underlying_security")
            + _cell(_num(r.underlying_shares) or _num(r.underlying_value, True), r,
                    "underlying_shares", "underlying_value")
            + _cell(_num(r.exercise_price, True), r, "exercise_price")
            + _cell(r.ownership or "", r, "ownership", "ownership_nature")
            + _cell(r.nature_of_ownership or "", r, "nature_of_ownership")
            + "</tr>"
            for r in rows
        )  # fmt: skip
        return f"<table>{head}{body}</table>"
    code_cols = 1 if form == "5" else 2
    following = (
        "9. Number of derivative Securities Beneficially Owned at End of Issuer's Fiscal Year "
        "(Instr. 4)"
        if form == "5"
        else "9. Number of derivative Securities Beneficially Owned Following Reported "
        "Transaction(s) (Instr. 4)"
    )
    head = (
        f'<tr><th colspan="{14 + code_cols}" class="title">{_T2_TITLE}</th></tr><tr>'
        + _th("1. Title of Derivative Security (Instr. 3)", 2)
        + _th("2. Conversion or Exercise Price of Derivative Security", 2)
        + _th("3. Transaction Date (Month/Day/Year)", 2)
        + _th("3A. Deemed Execution Date, if any (Month/Day/Year)", 2)
        + _th("4. Transaction Code (Instr. 8)", 1, code_cols)
        + _th("5. Number of Derivative Securities Acquired (A) or Disposed of (D) "
              "(Instr. 3, 4 and 5)", 1, 2)
        + _th("6. Date Exercisable and Expiration Date (Month/Day/Year)", 1, 2)
        + _th("7. Title and Amount of Securities Underlying Derivative Security "
              "(Instr. 3 and 4)", 1, 2)
        + _th("8. Price of Derivative Security (Instr. 5)", 2)
        + _th(following, 2)
        + _th("10. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)", 2)
        + _th("11. Nature of Indirect Beneficial Ownership (Instr. 4)", 2)
        + "</tr><tr>"
        + _th("Code") + (_th("V") if code_cols == 2 else "")
        + _th("(A)") + _th("(D)")
        + _th("Date Exercisable") + _th("Expiration Date")
        + _th("Title") + _th("Amount or Number of Shares")
        + "</tr>"
    )  # fmt: skip
    body = []
    for r in rows:
        amount = _num(r.shares) or _num(r.total_value, True)
        a = amount if r.acquired_disposed == "A" else ""
        d = amount if r.acquired_disposed == "D" else ""
        cells = (
            _cell(r.security_title or "", r, "security_title", "row")
            + _cell(_num(r.exercise_price, True), r, "exercise_price")
            + _cell(_date(r.transaction_date), r, "transaction_date")
            + _cell(_date(r.deemed_execution_date), r, "deemed_execution_date")
            + _cell(r.code or "", r, "code", "transaction_timeliness")
            + (_cell("V" if r.voluntary else "", r) if code_cols == 2 else "")
            + (
                _cell(a, r, "shares", "total_value", "acquired_disposed", "transaction_amounts")
                + _cell(d, r)
                if r.acquired_disposed != "D"
                else _cell(a, r)
                + _cell(d, r, "shares", "total_value", "acquired_disposed", "transaction_amounts")
            )
            + _cell(_date(r.date_exercisable), r, "date_exercisable")
            + _cell(_date(r.expiration_date), r, "expiration_date")
            + _cell(r.underlying_title or "", r, "underlying_title", "underlying_security")
            + _cell(
                _num(r.underlying_shares) or _num(r.underlying_value, True),
                r,
                "underlying_shares",
                "underlying_value",
            )
            + _closing_cells(r)
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table>{head}{''.join(body)}</table>"


def _more_owners(filing: Filing, addresses: list[Address]) -> str:
    out = []
    for i in range(1, len(filing.reporting_owners)):
        address = addresses[i] if i < len(addresses) else Address()
        out.append(
            f'<table><tr><td style="width:45%">{_owner_box(filing, i, address)}</td>'
            f"<td>{_relationship_box(filing, i, 5)}</td></tr></table>"
        )
    return "".join(out)


def _footer(filing: Filing) -> str:
    notes = "".join(
        f"<p>{_esc(ref.lstrip('Ff'))}. {_esc(text)}</p>" for ref, text in filing.footnotes.items()
    )
    sigs = "".join(
        f'<tr><td class="noborder" style="width:60%"></td><td class="noborder">'
        f'{_esc(s.name or "")}</td><td class="noborder">{_date(s.date)}</td></tr>'
        for s in filing.signatures
    )
    return (
        f"<p><b>Explanation of Responses:</b></p>{notes}"
        f"<p><b>Remarks:</b></p><p>{_esc(filing.remarks or '')}</p>"
        f'<table class="noborder">{sigs}<tr><td class="noborder"></td>'
        '<td class="noborder">** Signature of Reporting Person</td><td class="noborder">Date'
        "</td></tr></table>"
        "<p>Reminder: Report on a separate line for each class of securities beneficially "
        "owned directly or indirectly.</p>"
        "<p>* If the form is filed by more than one reporting person, see Instruction "
        "4 (b)(v).</p>"
        "<p>** Intentional misstatements or omissions of facts constitute Federal Criminal "
        "Violations See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).</p>"
        "<p>Note: File three copies of this Form, one of which must be manually signed. If "
        "space is insufficient, see Instruction 6 for procedure.</p>"
        "<p>Persons who respond to the collection of information contained in this form are "
        "not required to respond unless the form displays a currently valid OMB Number.</p>"
    )


def form_html(filing: Filing, raw: bytes) -> str:
    """The page EDGAR shows for the filing: header boxes, Table I, Table II, footnotes,
    remarks, signatures."""
    form = filing.form_type.upper().removesuffix("/A")
    addresses = owner_addresses(raw)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>Form {_esc(filing.form_type)}</title><style>{_CSS}</style></head><body>"
        + _header(filing, addresses)
        + "<br>"
        + _table1(filing, form)
        + "<br>"
        + _table2(filing, form)
        + _more_owners(filing, addresses)
        + _footer(filing)
        + "</body></html>"
    )


# --------------------------------------------------------------------------- PDF


def chromium_binary() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def print_pdf(html_path: Path, pdf_path: Path, chromium: str) -> None:
    with tempfile.TemporaryDirectory(prefix="render-chromium-") as profile:
        cmd = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf_path}",
            html_path.as_uri(),
        ]
        proc = subprocess.run(cmd, capture_output=True, timeout=120)
    if proc.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
        raise RuntimeError(
            f"chromium failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-300:]}"
        )


# --------------------------------------------------------------------------- converters


@dataclass(frozen=True)
class Converter:
    name: str
    ext: str
    needs: tuple[str, ...]  # programs on PATH or ("py:module", ...)
    run: Callable[[Path], str]

    def missing(self) -> str | None:
        for need in self.needs:
            if need.startswith("py:"):
                if importlib.util.find_spec(need[3:]) is None:
                    return (
                        f"Python package '{need[3:]}' is not installed (pip install -e '.[render]')"
                    )
            elif shutil.which(need) is None:
                return f"program '{need}' is not on PATH"
        return None


def _pdftotext_layout(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout.decode("utf-8")


def _pdfplumber_text(pdf: Path) -> str:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def _pdfplumber_tables(pdf: Path) -> str:
    """Text outside tables as lines, each table as markdown pipe rows, in reading order."""
    import pdfplumber

    out: list[str] = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]

            def outside(obj: dict, boxes: list = boxes) -> bool:
                x = (obj["x0"] + obj["x1"]) / 2
                y = (obj["top"] + obj["bottom"]) / 2
                return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

            pieces: list[tuple[float, str]] = [
                (ln["top"], ln["text"]) for ln in page.filter(outside).extract_text_lines()
            ]
            for t in tables:
                rows = []
                for row in t.extract():
                    cells = [(c or "").replace("\n", " ").strip() for c in row]
                    rows.append("| " + " | ".join(cells) + " |")
                if rows:
                    width = rows[0].count("|") - 1
                    rows.insert(1, "|" + "---|" * width)
                pieces.append((t.bbox[1], "\n" + "\n".join(rows) + "\n"))
            out.extend(text for _, text in sorted(pieces, key=lambda p: p[0]))
    return "\n".join(out)


def _pymupdf4llm(layout: bool) -> Callable[[Path], str]:
    def run(pdf: Path) -> str:
        import pymupdf4llm

        pymupdf4llm.use_layout(layout)
        if layout:
            return str(pymupdf4llm.to_markdown(str(pdf), use_ocr=False, show_progress=False))
        return str(pymupdf4llm.to_markdown(str(pdf), show_progress=False))

    return run


def _markitdown(pdf: Path) -> str:
    from markitdown import MarkItDown

    return str(MarkItDown(enable_plugins=False).convert(str(pdf)).text_content)


def _ocr(pdf: Path) -> str:
    """A scan: 300 dpi grey pages, turned a little, blurred and speckled, then tesseract.
    The damage is drawn from the file's own name, so a rerun gives the same text."""
    from PIL import Image, ImageFilter

    rng = random.Random(hashlib.sha256(pdf.parent.name.encode()).hexdigest())
    texts = []
    with tempfile.TemporaryDirectory(prefix="render-ocr-") as tmp:
        subprocess.run(
            ["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), f"{tmp}/page"],
            check=True,
            capture_output=True,
            timeout=300,
        )
        for page in sorted(Path(tmp).glob("page*.png")):
            img = Image.open(page).convert("L")
            img = img.rotate(rng.uniform(-0.35, 0.35), resample=Image.BICUBIC, expand=True,
                             fillcolor=255)  # fmt: skip
            img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.6)))
            noise = Image.effect_noise(img.size, rng.uniform(20, 40))
            img = Image.blend(img, noise, rng.uniform(0.04, 0.08))
            scan = page.with_suffix(".scan.png")
            buf = io.BytesIO()
            img.save(buf, format="PNG")
            scan.write_bytes(buf.getvalue())
            proc = subprocess.run(
                ["tesseract", str(scan), "-", "--psm", "6", "-c", "preserve_interword_spaces=1"],
                capture_output=True,
                check=True,
                timeout=300,
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            )
            texts.append(proc.stdout.decode("utf-8", errors="replace"))
    return "\n".join(texts)


CONVERTERS: dict[str, Converter] = {
    c.name: c
    for c in (
        Converter("pdftotext-layout", "txt", ("pdftotext",), _pdftotext_layout),
        Converter("pdfplumber-text", "txt", ("py:pdfplumber",), _pdfplumber_text),
        Converter("pdfplumber-tables", "md", ("py:pdfplumber",), _pdfplumber_tables),
        Converter("pymupdf4llm", "md", ("py:pymupdf4llm",), _pymupdf4llm(False)),
        Converter(
            "pymupdf4llm-layout", "md", ("py:pymupdf4llm", "py:pymupdf.layout"), _pymupdf4llm(True)
        ),
        Converter("markitdown", "md", ("py:markitdown", "py:pdfminer"), _markitdown),
        Converter("ocr", "txt", ("pdftoppm", "tesseract", "py:PIL"), _ocr),
    )
}


# --------------------------------------------------------------------------- the job


@dataclass
class Job:
    source: Path
    folder: Path


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name)


def collect(real: Path | None, synthetic: Path | None, out: Path, held: set[str]) -> list[Job]:
    jobs: list[Job] = []
    if real is not None:
        for p in sorted(real.iterdir()):
            if p.suffix.lower() in REAL_SUFFIXES and p.is_file():
                group = "heldout" if p.name in held else "real"
                jobs.append(Job(p, out / group / _safe(p.name)))
    if synthetic is not None:
        for p in sorted(synthetic.rglob("*.xml")):
            rel = p.relative_to(synthetic)
            name = "_".join(part for part in rel.parts if part != "filings")
            jobs.append(Job(p, out / "synthetic" / _safe(name)))
    return jobs


def make_page(job: Job, chromium: str, force: bool) -> str:
    job.folder.mkdir(parents=True, exist_ok=True)
    truth = job.folder / TRUTH_NAME
    pdf = job.folder / "form.pdf"
    if force or not truth.exists():
        shutil.copyfile(job.source, truth)
    if not force and pdf.exists() and pdf.stat().st_size > 0:
        return "kept"
    raw = job.source.read_bytes()
    filing = parse_file(job.source)
    page = job.folder / "form.html"
    page.write_text(form_html(filing, raw), encoding="utf-8")
    print_pdf(page, pdf, chromium)
    return "printed"


def convert(job: Job, names: list[str], force: bool) -> list[str]:
    errors = []
    pdf = job.folder / "form.pdf"
    for name in names:
        conv = CONVERTERS[name]
        target = job.folder / f"{name}.{conv.ext}"
        if not force and target.exists():
            continue
        try:
            text = conv.run(pdf)
        except Exception as exc:  # one converter's failure must not stop the others
            errors.append(f"{job.folder.name}: {name}: {type(exc).__name__}: {exc}")
            continue
        target.write_text(text, encoding="utf-8")
    return errors


def export_fixtures(out: Path, dest: Path, synthetic: int, held: set[str]) -> int:
    """Copy the text renderings (and their truth) of every non-held-out real filing and of
    ``synthetic`` synthetic ones into ``dest``: the regression set ``tests/test_renderings.py``
    scores. Never a held-out filing; never a PDF or page."""
    folders = sorted(p.parent for p in (out / "real").glob(f"*/{TRUTH_NAME}"))
    drawn = sorted(p.parent for p in (out / "synthetic").glob(f"*/{TRUTH_NAME}"))
    drawn.sort(key=lambda p: hashlib.sha256(p.name.encode()).hexdigest())
    folders += sorted(drawn[:synthetic])
    if dest.exists():
        shutil.rmtree(dest)
    copied = 0
    for folder in folders:
        if folder.name in held:
            raise SystemExit(f"refusing to export held-out filing {folder.name}")
        target = dest / folder.parent.name / folder.name
        target.mkdir(parents=True)
        for f in folder.iterdir():
            if f.name in ("form.pdf", "form.html") or not f.is_file():
                continue
            shutil.copyfile(f, target / f.name)
            copied += 1
    return copied


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", type=Path, help="folder of real ownership XML (.xml/.txt/.nc)")
    parser.add_argument(
        "--synthetic", type=int, default=0, help="also draw and render N synthetic filings"
    )
    parser.add_argument("--synthetic-dir", type=Path, help="render XML from this folder instead")
    parser.add_argument("--seed", type=int, default=12, help="seed for the synthetic corpus")
    parser.add_argument("--out", type=Path, required=True, help="folder to write renderings to")
    parser.add_argument(
        "--converters",
        default=",".join(CONVERTERS),
        help=f"comma-separated (default all: {','.join(CONVERTERS)})",
    )
    parser.add_argument("--jobs", type=int, default=2, help="parallel workers (default 2)")
    parser.add_argument("--force", action="store_true", help="remake files that exist")
    parser.add_argument("--limit", type=int, help="render only the first N filings")
    parser.add_argument(
        "--export-fixtures",
        type=Path,
        metavar="DEST",
        help="copy the text renderings of the real (not held-out) filings and of "
        "--fixture-synthetic synthetic ones from --out to DEST, then stop",
    )
    parser.add_argument("--fixture-synthetic", type=int, default=10)
    parser.add_argument(
        "--choose-held-out",
        action="store_true",
        help=f"write the held-out list ({HELD_OUT.name}) from --real, then stop",
    )
    args = parser.parse_args(argv)
    if args.choose_held_out:
        if args.real is None:
            parser.error("--choose-held-out needs --real")
        chosen = choose_held_out(args.real, HERE.parent / "tests" / "fixtures")
        write_held_out(chosen)
        print(f"{len(chosen)} held-out filings written to {HELD_OUT}", file=sys.stderr)
        return 0
    if args.export_fixtures:
        n = export_fixtures(args.out, args.export_fixtures, args.fixture_synthetic,
                            held_out_names())  # fmt: skip
        print(f"{n} files copied to {args.export_fixtures}", file=sys.stderr)
        return 0

    wanted = [n.strip() for n in args.converters.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in CONVERTERS]
    if unknown:
        parser.error(f"unknown converter(s) {unknown}; known: {list(CONVERTERS)}")
    names = []
    for name in wanted:
        reason = CONVERTERS[name].missing()
        if reason:
            print(f"skip {name}: {reason}", file=sys.stderr)
        else:
            names.append(name)
    chromium = chromium_binary()
    if chromium is None:
        print("render_corpus: no chromium on PATH (apt-get install chromium)", file=sys.stderr)
        return 2

    synthetic_dir = args.synthetic_dir
    if synthetic_dir is None and args.synthetic:
        from holdings.corpus import write_corpus

        synthetic_dir = args.out / "_synthetic_xml"
        if not synthetic_dir.exists():
            write_corpus(
                synthetic_dir,
                people=max(4, args.synthetic // 10),
                filings=args.synthetic,
                seed=args.seed,
                text_share=0.0,
            )
    jobs = collect(args.real, synthetic_dir, args.out, held_out_names())
    if args.limit:
        jobs = jobs[: args.limit]
    if not jobs:
        parser.error("nothing to render: give --real and/or --synthetic")

    started = time.perf_counter()
    failed: list[str] = []
    ready: list[Job] = []
    with cf.ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(make_page, j, chromium, args.force): j for j in jobs}
        for fut in cf.as_completed(futures):
            job = futures[fut]
            try:
                fut.result()
                ready.append(job)
            except Exception as exc:
                failed.append(f"{job.source}: page: {type(exc).__name__}: {exc}")
        print(
            f"{len(ready)} PDFs ready ({time.perf_counter() - started:.0f}s); converting with "
            f"{', '.join(names)}",
            file=sys.stderr,
        )
        futures2 = [pool.submit(convert, j, names, args.force) for j in ready]
        for i, fut in enumerate(cf.as_completed(futures2), 1):
            failed.extend(fut.result())
            if i % 25 == 0:
                print(f"  {i}/{len(ready)} converted", file=sys.stderr)
    for line in failed:
        print(f"failed: {line}", file=sys.stderr)
    print(
        f"{len(ready)} filings x {len(names)} converters in {args.out} "
        f"({time.perf_counter() - started:.0f}s, {len(failed)} failures)",
        file=sys.stderr,
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
