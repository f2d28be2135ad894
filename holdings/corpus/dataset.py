"""Drawn filings as the SEC's quarterly "Insider Transactions Data Sets" tables.

The same histories as the XML, row for row, so that loading the data set and ingesting the XML
must give the same balances. Values are written the way the SEC writes them: dates
``22-JUL-2024``, numbers as floats (``1000.0``), footnote ids comma-separated (``F1,F2``),
owners' relationships as the checked boxes (``Director,Officer``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from holdings.corpus.generate import Doc, Row
from parsers.sec_dataset import COLUMNS, TABLES, format_dataset_date


def _num(v: int | str | None) -> str:
    if v is None:
        return ""
    if isinstance(v, int):
        return f"{v}.0"
    return v if "." in v else f"{v}.0"


def _date(d: object) -> str:
    return "" if d is None else format_dataset_date(d)  # type: ignore[arg-type]  # a date or its text


def _fn(row: Row, field: str) -> str:
    ids = row.notes.get(field)
    return ",".join(f"F{n}" for n in ids) if ids else ""


def _clean(text: str | None) -> str:
    return "" if text is None else " ".join(text.split())


class DatasetWriter:
    """Appends filings to the eight tables; surrogate keys count up across the whole set."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.files: dict[str, TextIO] = {}
        for table in TABLES:
            handle = open(directory / f"{table}.tsv", "w", encoding="utf-8", newline="\n")  # noqa: SIM115
            handle.write("\t".join(COLUMNS[table]) + "\n")
            self.files[table] = handle
        self.sk = 1_000_000

    def close(self) -> None:
        for handle in self.files.values():
            handle.close()

    def __enter__(self) -> DatasetWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _put(self, table: str, values: dict[str, str]) -> None:
        self.files[table].write("\t".join(values.get(c, "") for c in COLUMNS[table]) + "\n")

    def _next(self) -> str:
        self.sk += 1
        return str(self.sk)

    def add(self, doc: Doc) -> None:
        p = doc.person
        s = p.issuer
        acc = doc.accession
        self._put(
            "SUBMISSION",
            {
                "ACCESSION_NUMBER": acc,
                "FILING_DATE": _date(doc.filed),
                "PERIOD_OF_REPORT": _date(doc.period),
                "DATE_OF_ORIG_SUB": _date(doc.original_filed),
                "DOCUMENT_TYPE": doc.form_type,
                "ISSUERCIK": s.cik,
                "ISSUERNAME": s.name,
                "ISSUERTRADINGSYMBOL": s.ticker,
                "REMARKS": _clean(doc.remarks),
            },
        )
        relationship = [
            name for name, on in (("Director", p.is_director), ("Officer", p.is_officer)) if on
        ]
        self._put(
            "REPORTINGOWNER",
            {
                "ACCESSION_NUMBER": acc,
                "RPTOWNERCIK": p.cik,
                "RPTOWNERNAME": p.box1,
                "RPTOWNER_RELATIONSHIP": ",".join(relationship),
                "RPTOWNER_TITLE": p.officer_title or "",
                "RPTOWNER_STREET1": f"C/O {s.name}",
                "RPTOWNER_STREET2": s.street,
                "RPTOWNER_CITY": s.city,
                "RPTOWNER_STATE": s.state,
                "RPTOWNER_ZIPCODE": s.zip,
            },
        )
        for row in doc.non_derivative:
            self._non_derivative(acc, row)
        for row in doc.derivative:
            self._derivative(acc, row)
        for n, text in enumerate(doc.footnotes, 1):
            self._put(
                "FOOTNOTES",
                {"ACCESSION_NUMBER": acc, "FOOTNOTE_ID": f"F{n}", "FOOTNOTE_TXT": _clean(text)},
            )
        self._put(
            "OWNER_SIGNATURE",
            {
                "ACCESSION_NUMBER": acc,
                "OWNERSIGNATURENAME": p.signature,
                "OWNERSIGNATUREDATE": _date(doc.filed),
            },
        )

    def _common(self, acc: str, row: Row) -> dict[str, str]:
        return {
            "ACCESSION_NUMBER": acc,
            "SECURITY_TITLE": row.title,
            "TRANS_FORM_TYPE": "4",
            "SHRS_OWND_FOLWNG_TRANS": _num(row.following),
            "DIRECT_INDIRECT_OWNERSHIP": row.ownership,
            "NATURE_OF_OWNERSHIP": row.nature or "",
            "NATURE_OF_OWNERSHIP_FN": _fn(row, "nature_of_ownership"),
        }

    def _transaction(self, values: dict[str, str], row: Row) -> None:
        values.update(
            {
                "TRANS_DATE": _date(row.date),
                "TRANS_CODE": row.code or "",
                "EQUITY_SWAP_INVOLVED": "0",
                "EQUITY_SWAP_TRANS_CD_FN": _fn(row, "code"),
                "TRANS_SHARES": _num(row.shares),
                "TRANS_SHARES_FN": _fn(row, "shares"),
                "TRANS_PRICEPERSHARE": _num(row.price),
                "TRANS_PRICEPERSHARE_FN": _fn(row, "price"),
                "TRANS_ACQUIRED_DISP_CD": row.acquired or "",
            }
        )

    def _non_derivative(self, acc: str, row: Row) -> None:
        values = self._common(acc, row)
        if row.holding:
            values["NONDERIV_HOLDING_SK"] = self._next()
            self._put("NONDERIV_HOLDING", values)
            return
        values["NONDERIV_TRANS_SK"] = self._next()
        self._transaction(values, row)
        self._put("NONDERIV_TRANS", values)

    def _derivative(self, acc: str, row: Row) -> None:
        values = self._common(acc, row)
        values.update(
            {
                "CONV_EXERCISE_PRICE": _num(row.exercise_price),
                "CONV_EXERCISE_PRICE_FN": _fn(row, "exercise_price"),
                "EXPIRATION_DATE": _date(row.expiration),
                "EXPIRATION_DATE_FN": _fn(row, "expiration_date"),
                "UNDLYNG_SEC_TITLE": "Common Stock",
                "UNDLYNG_SEC_SHARES": _num(row.underlying_shares),
            }
        )
        if row.holding:
            values["DERIV_HOLDING_SK"] = self._next()
            values["EXERCISE_DATE"] = _date(row.exercisable)
            values["EXERCISE_DATE_FN"] = _fn(row, "date_exercisable")
            self._put("DERIV_HOLDING", values)
            return
        values["DERIV_TRANS_SK"] = self._next()
        values["EXCERCISE_DATE"] = _date(row.exercisable)
        values["EXCERCISE_DATE_FN"] = _fn(row, "date_exercisable")
        self._transaction(values, row)
        self._put("DERIV_TRANS", values)
