"""A drawn filing as the text a PDF-to-markdown converter makes of the printed form.

Two shapes, imitating the seeds in ``shared/seeds``: markdown pipe tables (``000``: footnote
markers ``⁽¹⁾`` after a space, escaped dollars, HTML checkboxes, footnotes as plain bullets in
order) and tab-separated text (``003``: the same cells joined by tabs, no pipes). The column
layout, including the misplaced ``Title`` sub-header of Table II, is the seeds' own, because
that is what the text parser has to cope with.
"""

from __future__ import annotations

import datetime as dt

from holdings.corpus.generate import Doc, Row

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_CHECKED = '<input checked="" type="checkbox"/>'

_T1_HEAD = (
    "1. Title of Security (Instr. 3)",
    "2. Transaction Date (Month/Day/Year)",
    "2A. Deemed Execution Date, if any (Month/Day/Year)",
    "3. Transaction Code (Instr. 8)",
    "",
    "4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)",
    "",
    "",
    "5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)",
    "6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)",
    "7. Nature of Indirect Beneficial Ownership (Instr. 4)",
)
_T1_SUB = ("", "", "", "Code", "V", "Amount", "(A) or (D)", "Price", "", "", "")
_T2_HEAD = (
    "1. Title of Derivative Security (Instr. 3)",
    "2. Conversion or Exercise Price of Derivative Security",
    "3. Transaction Date (Month/Day/Year)",
    "3A. Deemed Execution Date, if any (Month/Day/Year)",
    "4. Transaction Code (Instr. 8)",
    "",
    "5. Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)",
    "",
    "6. Date Exercisable and Expiration Date (Month/Day/Year)",
    "",
    "7. Title and Amount of Securities Underlying Derivative Security (Instr. 3 and 4)",
    "8. Price of Derivative Security (Instr. 5)",
    "9. Number of derivative Securities Beneficially Owned Following Reported Transaction(s) "
    "(Instr. 4)",
    "10. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)",
    "11. Nature of Indirect Beneficial Ownership (Instr. 4)",
    "",
)
_T2_SUB = (
    "", "", "", "", "Code", "V", "(A)", "(D)", "Date Exercisable", "Expiration Date",
    "", "", "", "", "", "Title",
)  # fmt: skip
_TABLE1 = "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned"
_TABLE2 = (
    "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned "
    "(e.g., puts, calls, warrants, options, convertible securities)"
)
_PREAMBLE = (
    "Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may "
    "continue. See Instruction 1(b).",
    "Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of "
    "the Investment Company Act of 1940",
)
_CLOSING = (
    "Reminder: Report on a separate line for each class of securities beneficially owned "
    "directly or indirectly.",
    "* If the form is filed by more than one reporting person, see Instruction 4 (b)(v).",
    "** Intentional misstatements or omissions of facts constitute Federal Criminal Violations "
    "See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).",
    "Note: File three copies of this Form, one of which must be manually signed. If space is "
    "insufficient, see Instruction 6 for procedure.",
    "Persons who respond to the collection of information contained in this form are not "
    "required to respond unless the form displays a currently valid OMB Number.",
)


def _us(d: dt.date | None) -> str:
    return "" if d is None else f"{d.month:02d}/{d.day:02d}/{d.year}"


def _n(v: int | None) -> str:
    return "" if v is None else f"{v:,}"


def _usd(price: str | None) -> str:
    return "" if price is None else f"\\${price}"


def _mark(row: Row, field: str) -> str:
    """The superscript markers a converter leaves after a cell's value: `` ⁽¹⁾⁽²⁾``."""
    ids = row.notes.get(field)
    if not ids:
        return ""
    return " " + "".join(f"⁽{str(n).translate(_SUPERSCRIPT)}⁾" for n in ids)


def _with(value: str, row: Row, field: str) -> str:
    mark = _mark(row, field)
    if not value:
        # A value given only as a footnote prints as the bare reference: "(4)".
        ids = row.notes.get(field)
        return "".join(f"({n})" for n in ids) if ids else ""
    return value + mark


def _t1(row: Row) -> list[str]:
    return [
        row.title,
        _us(row.date),
        "",
        _with(row.code or "", row, "code"),
        "",
        _with(_n(row.shares), row, "shares"),
        row.acquired or "",
        _with(_usd(row.price), row, "price"),
        _n(row.following),
        row.ownership,
        _with(row.nature or "", row, "nature_of_ownership"),
    ]


def _t2(row: Row) -> list[str]:
    acquired = _with(_n(row.shares), row, "shares") if row.acquired == "A" else ""
    disposed = _with(_n(row.shares), row, "shares") if row.acquired == "D" else ""
    return [
        row.title,
        _with(_usd(row.exercise_price), row, "exercise_price"),
        _us(row.date),
        "",
        _with(row.code or "", row, "code"),
        "",
        acquired,
        disposed,
        _with(_us(row.exercisable), row, "date_exercisable"),
        _with(_us(row.expiration), row, "expiration_date"),
        "Common Stock",
        _n(row.underlying_shares),
        _usd(row.price),
        _n(row.following),
        row.ownership,
        _with(row.nature or "", row, "nature_of_ownership"),
    ]


def _relationship(doc: Doc) -> str:
    p = doc.person
    box = [
        "5. Relationship of Reporting Person(s) to Issuer (Check all applicable)",
        (_CHECKED + " Director") if p.is_director else "Director",
        "10% Owner",
        (_CHECKED + " Officer (give title below)")
        if p.is_officer
        else "Officer (give title below)",
        "Other (specify below)",
    ]
    if p.officer_title:
        box.append(p.officer_title)
    return " ".join(box)


def _earliest(doc: Doc) -> dt.date:
    dates = [r.date for r in (*doc.non_derivative, *doc.derivative) if r.date is not None]
    return min(dates) if dates else doc.period


def _footnotes(doc: Doc) -> list[str]:
    return [f"- {text.replace('$', chr(92) + '$')}" for text in doc.footnotes]


def _pipe(cells: list[str] | tuple[str, ...]) -> str:
    return "|" + "|".join(f" {c} " if c else " " for c in cells) + "|"


def render_markdown(doc: Doc) -> str:
    """Seed ``000``'s shape."""
    p = doc.person
    s = p.issuer
    out = [
        "",
        "",
        "| OMB APPROVAL | |",
        "|--|-----------|",
        "| OMB Number: | 3235-0287 |",
        "| Estimated average burden hours per response: | 0.5 |",
        "",
        "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
        "",
        _PREAMBLE[0],
        "",
        _PREAMBLE[1],
        "",
        "| | | | | | | | | |",
        "|--|---------|----------|---|--|--|---|--|--|",
        _pipe(
            [
                f"1. Name and Address of Reporting Person* {p.box1.upper()}",
                "",
                "",
                f"2. Issuer Name and Ticker or Trading Symbol {s.name} [{s.ticker}]",
                "",
                "",
                _relationship(doc),
                "",
                "",
            ]
        ),
        _pipe(
            [
                "(Last)",
                "(First)",
                "(Middle)",
                f"3. Date of Earliest Transaction (Month/Day/Year) {_us(_earliest(doc))}",
                "",
                "",
                "6. Individual or Joint/Group Filing (Check Applicable Line) "
                f"{_CHECKED} Form filed by One Reporting Person Form filed by More than One "
                "Reporting Person",
                "",
                "",
            ]
        ),
        _pipe(
            [
                f"C/O {s.name} {s.street}",
                "",
                "",
                "4. If Amendment, Date of Original Filed (Month/Day/Year)"
                + (f" {_us(doc.original_filed)}" if doc.original_filed else ""),
                "",
                "",
                "",
                "",
                "",
            ]
        ),
        _pipe([f"(Street) {s.city} {s.state} {s.zip}", "", "", "", "", "", "", "", ""]),
        _pipe(["(City) (State) (Zip)", "", "", "", "", "", "", "", ""]),
        "",
        _TABLE1,
        "",
        _pipe(_T1_HEAD),
        "|---------------------------------|--------------------------------------|--|"
        "--------------------------------|---|---|------------|---------------------------|"
        "---|--|---|",
        _pipe(_T1_SUB),
    ]
    out += [_pipe(_t1(r)) for r in doc.non_derivative]
    out += [
        "",
        _TABLE2,
        "",
        _pipe(_T2_HEAD),
        "|--|--|--------------------------------------|--|--------------------------------|---|"
        "--|-------|--|-----------------|---|--|--|---|--|-------|",
        _pipe(_T2_SUB),
    ]
    out += [_pipe(_t2(r)) for r in doc.derivative]
    out += ["", "Explanation of Responses:", "", *_footnotes(doc), "", "Remarks:", ""]
    if doc.remarks:
        out += [doc.remarks, ""]
    out += [
        p.signature,
        "",
        _us(doc.filed),
        "",
        "** Signature of Reporting Person",
        "",
        "Date",
        "",
    ]
    for line in _CLOSING:
        out += [line, ""]
    return "\n".join(out[:-1])


def render_tabs(doc: Doc) -> str:
    """Seed ``003``'s shape."""
    p = doc.person
    s = p.issuer
    out = [
        "",
        "",
        "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
        "",
        "OMB APPROVAL\t",
        "OMB Number:\t3235-0287",
        "Estimated average burden hours per response:\t0.5",
        "",
        _PREAMBLE[0],
        "",
        _PREAMBLE[1],
        "",
        "1. Name and Address of Reporting Person* "
        f"<u>{p.box1}</u> (Last) (First) (Middle) C/O {s.name} {s.street} (Street) "
        f"{s.city} {s.state} {s.zip} (City) (State) (Zip)\t"
        f"2. Issuer Name and Ticker or Trading Symbol <u>{s.name} [{s.ticker}]</u>\t"
        + _relationship(doc),
        f"\t3. Date of Earliest Transaction (Month/Day/Year) {_us(_earliest(doc))}\t",
        "4. If Amendment, Date of Original Filed (Month/Day/Year)"
        + (f" {_us(doc.original_filed)}" if doc.original_filed else "")
        + "\t\t",
        "",
        _TABLE1,
        "",
        "\t".join(_T1_HEAD),
        "\t".join(_T1_SUB),
    ]
    out += ["\t".join(_t1(r)) for r in doc.non_derivative]
    out += ["", _TABLE2, "", "\t".join(_T2_HEAD), "\t".join(_T2_SUB)]
    out += ["\t".join(_t2(r)) for r in doc.derivative]
    out += ["", "Explanation of Responses:", "", *_footnotes(doc), ""]
    if doc.remarks:
        out += ["Remarks:", "", doc.remarks, ""]
    out += [f"{p.signature} {_us(doc.filed)}", "", "** Signature of Reporting Person Date", ""]
    for line in _CLOSING:
        out += [line, ""]
    return "\n".join(out[:-1])


def render_text(doc: Doc) -> str:
    return render_markdown(doc) if doc.shape == "markdown" else render_tabs(doc)
