"""A stand-in for EDGAR on 127.0.0.1, serving the real filings of ``shared/realdata/xml`` in the
shapes EDGAR serves them, so that fetch tests never touch the internet.

What is real and what is not: every document body is a real file, byte for byte (raw XML as
EDGAR serves it under the accession's folder; the SGML complete submissions as recorded from
EDGAR). Accession numbers are the real ones where ``SOURCES.tsv`` or the file name records
them; for the rest (Apple's 2019 ``wf-form4`` files and the Snowflake files) they are stand-ins
in EDGAR's format, marked ``real_accession=False`` below. Filing dates are the SGML header's
where there is one, else the signature date; acceptance times are stand-ins on that date.

Shapes follow EDGAR's: ``/files/company_tickers.json`` ({"0": {"cik_str": ..., "ticker": ...,
"title": ...}}), ``/submissions/CIK##########.json`` (company facts and ``filings.recent`` as
parallel arrays, older filings in ``filings.files`` pages ``CIK##########-submissions-001.json``
whose arrays sit at the top level), documents under ``/Archives/edgar/data/<CIK>/<accession
without dashes>/``: the raw XML, the XSL-rendered view named as ``primaryDocument``, and the
complete submission ``<accession>.txt``. Listings run newest first, as EDGAR's do.

Faults a test can ask for: answers queued before the real one for a path (a 429 with
Retry-After, a 503), a path whose body is always cut short of its Content-Length, a delay per
document. Every request is logged with its time and User-Agent.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from conftest import XML_DIR


@dataclass(frozen=True)
class FixtureFiling:
    file: str
    accession: str
    raw_name: str | None
    """The raw XML's name in the accession folder; None when only the complete submission is
    served (the SGML files, whose XML EDGAR also serves raw: here its absence exercises the
    fallback to ``<accession>.txt``)."""
    real_accession: bool = True
    xsl: str = "xslF345X03"

    @property
    def path(self) -> Path:
        return XML_DIR / self.file

    @property
    def data(self) -> bytes:
        return self.path.read_bytes()

    def _find(self, pattern: str) -> list[str]:
        return re.findall(pattern, self.data.decode("utf-8", "replace"))

    @property
    def form(self) -> str:
        return self._find(r"<documentType>\s*([^<\s]+)")[0]

    @property
    def issuer_cik(self) -> str:
        return self._find(r"<issuerCik>\s*(\d+)")[0].lstrip("0")

    @property
    def owner_ciks(self) -> list[str]:
        return [c.lstrip("0") for c in self._find(r"<rptOwnerCik>\s*(\d+)")]

    @property
    def owner_name(self) -> str:
        return self._find(r"<rptOwnerName>\s*([^<]+)")[0].strip()

    @property
    def period(self) -> str:
        return self._find(r"<periodOfReport>\s*(\d{4}-\d{2}-\d{2})")[0]

    @property
    def filing_date(self) -> str:
        header = self._find(r"FILED AS OF DATE:\s*(\d{8})")
        if header:
            d = header[0]
            return f"{d[:4]}-{d[4:6]}-{d[6:]}"
        return max(self._find(r"<signatureDate>\s*(\d{4}-\d{2}-\d{2})"))

    @property
    def accepted(self) -> str:
        header = self._find(r"<ACCEPTANCE-DATETIME>(\d{14})")
        if header:
            d = header[0]
            return f"{d[:4]}-{d[4:6]}-{d[6:8]}T{d[8:10]}:{d[10:12]}:{d[12:]}.000Z"
        return f"{self.filing_date}T16:05:{int(self.accession[-2:]) % 60:02d}.000Z"

    @property
    def primary_document(self) -> str:
        name = self.raw_name or self._find(r"<FILENAME>([^\s<]+)")[0]
        return f"{self.xsl}/{name}"


FILINGS = [
    # Apple (issuer 320193): three Forms 4 of 2019 (Cook's among them) and one SGML submission.
    FixtureFiling(
        "wf-form4_155718184308434.xml",
        "0000320193-19-900001",
        "wf-form4_155718184308434.xml",
        False,
    ),
    FixtureFiling(
        "wf-form4_156582182214854.xml",
        "0000320193-19-900002",
        "wf-form4_156582182214854.xml",
        False,
    ),
    FixtureFiling(
        "wf-form4_156694501621463.xml",
        "0000320193-19-900003",
        "wf-form4_156694501621463.xml",
        False,
    ),
    FixtureFiling("0000320193-22-000061.txt", "0000320193-22-000061", None),
    # Sergey Brin (1295032) across two issuers: Google Inc. in 2015, Alphabet in 2022.
    FixtureFiling("000112760215028697__form4.xml", "0001127602-15-028697", "form4.xml"),
    FixtureFiling("000120919122024550__doc4.xml", "0001209191-22-024550", "doc4.xml"),
    FixtureFiling("000120919122024552__doc4.xml", "0001209191-22-024552", "doc4.xml"),
    # NVIDIA (1045810): a Form 4, its two 4/As, and two later Forms 4.
    FixtureFiling(
        "0001045810-23-000006_wf-form4_167486488448198.xml",
        "0001045810-23-000006",
        "wf-form4_167486488448198.xml",
    ),
    FixtureFiling(
        "0001045810-23-000050_wf-form4a_167882511093689.xml",
        "0001045810-23-000050",
        "wf-form4a_167882511093689.xml",
    ),
    FixtureFiling(
        "0001045810-23-000051_wf-form4a_167882513564677.xml",
        "0001045810-23-000051",
        "wf-form4a_167882513564677.xml",
    ),
    FixtureFiling(
        "0001197647-26-000009_wk-form4_1788555631.xml",
        "0001197647-26-000009",
        "wk-form4_1788555631.xml",
    ),
    FixtureFiling(
        "0001347842-26-000015_wk-form4_1787607122.xml",
        "0001347842-26-000015",
        "wk-form4_1787607122.xml",
    ),
    # Snowflake (1640147): Forms 3, 4 and 5.
    FixtureFiling("form3.snow.xml", "0001640147-20-900001", "form3.snow.xml", False),
    FixtureFiling(
        "form3.snow.nonderiv.xml", "0001640147-20-900002", "form3.snow.nonderiv.xml", False
    ),
    FixtureFiling("form4.snow.xml", "0001640147-22-900003", "form4.snow.xml", False),
    FixtureFiling("form5.snow.xml", "0001640147-22-900004", "form5.snow.xml", False),
]

TICKERS = {
    "AAPL": ("320193", "Apple Inc."),
    "NVDA": ("1045810", "NVIDIA CORP"),
    "SNOW": ("1640147", "Snowflake Inc."),
    "GOOGL": ("1652044", "Alphabet Inc."),
    "QLYS": ("1107843", "QUALYS, INC."),
}

OTHER_FORMS = {
    # An issuer's listing names its own reports too: fetch must leave them alone.
    "320193": [("10-K", "0000320193-19-000119", "2019-10-31", "a10-k20199282019.htm")],
    "1045810": [("8-K", "0001045810-23-000009", "2023-02-22", "nvda-20230222.htm")],
}

_COLUMNS = (
    "accessionNumber",
    "filingDate",
    "reportDate",
    "acceptanceDateTime",
    "act",
    "form",
    "fileNumber",
    "filmNumber",
    "items",
    "core_type",
    "size",
    "isXBRL",
    "isInlineXBRL",
    "primaryDocument",
    "primaryDocDescription",
)


@dataclass
class Answer:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    truncate: bool = False


@dataclass
class Logged:
    at: float
    path: str
    user_agent: str | None
    status: int


class EdgarFixture:
    """The routes, the faults, and the log of one test's EDGAR."""

    def __init__(self, recent: int = 2, page_size: int = 2) -> None:
        self.routes: dict[str, Answer] = {}
        self.queued: dict[str, list[Answer]] = {}
        self.truncated: set[str] = set()
        self.delay = 0.0
        self.log: list[Logged] = []
        self.lock = threading.Lock()
        self.url = ""
        self._build(recent, page_size)

    # --- building the shapes -------------------------------------------------------------

    def _build(self, recent: int, page_size: int) -> None:
        self.routes["/files/company_tickers.json"] = _json(
            {
                str(i): {"cik_str": int(cik), "ticker": t, "title": title}
                for i, (t, (cik, title)) in enumerate(TICKERS.items())
            }
        )
        ciks: dict[str, list[FixtureFiling]] = {}
        for f in FILINGS:
            for cik in dict.fromkeys([f.issuer_cik, *f.owner_ciks]):
                ciks.setdefault(cik, []).append(f)
            self._documents(f)
        for cik, filings in ciks.items():
            self.set_listing(cik, filings, recent=recent, page_size=page_size)

    def _documents(self, f: FixtureFiling) -> None:
        for cik in dict.fromkeys([f.issuer_cik, *f.owner_ciks]):
            base = f"/Archives/edgar/data/{cik}/{f.accession.replace('-', '')}/"
            self.routes[base + f.primary_document] = Answer(
                200,
                b"<html><body><h1>FORM 4 (rendered view)</h1></body></html>",
                {"Content-Type": "text/html"},
            )
            if f.raw_name is not None:
                self.routes[base + f.raw_name] = Answer(
                    200, f.data, {"Content-Type": "application/xml"}
                )
                self.routes[base + f"{f.accession}.txt"] = Answer(
                    200, _submission(f), {"Content-Type": "text/plain"}
                )
            else:
                self.routes[base + f"{f.accession}.txt"] = Answer(
                    200, f.data, {"Content-Type": "text/plain"}
                )

    def set_listing(
        self,
        cik: str,
        filings: list[FixtureFiling],
        *,
        recent: int = 2,
        page_size: int = 2,
        filing_dates: dict[str, str] | None = None,
    ) -> None:
        """The submissions file of ``cik`` (newest ``recent`` filings inline, older ones in
        pages of ``page_size``); ``filing_dates`` overrides a filing's date by accession."""
        dates = filing_dates or {}
        rows = [
            {
                "accessionNumber": f.accession,
                "filingDate": dates.get(f.accession, f.filing_date),
                "reportDate": f.period,
                "acceptanceDateTime": (
                    f"{dates[f.accession]}T16:05:00.000Z" if f.accession in dates else f.accepted
                ),
                "act": "",
                "form": f.form,
                "fileNumber": "",
                "filmNumber": "",
                "items": "",
                "core_type": f.form,
                "size": len(f.data),
                "isXBRL": 0,
                "isInlineXBRL": 0,
                "primaryDocument": f.primary_document,
                "primaryDocDescription": f"FORM {f.form}",
            }
            for f in filings
        ]
        for form, acc, date, doc in OTHER_FORMS.get(cik, []):
            rows.append(
                {c: "" for c in _COLUMNS}
                | {
                    "accessionNumber": acc,
                    "filingDate": date,
                    "acceptanceDateTime": f"{date}T06:01:36.000Z",
                    "form": form,
                    "primaryDocument": doc,
                    "size": 1000,
                    "isXBRL": 1,
                    "isInlineXBRL": 1,
                }
            )
        rows.sort(key=lambda r: (r["filingDate"], r["accessionNumber"]), reverse=True)
        padded = f"CIK{int(cik):010d}"
        head, rest = rows[:recent], rows[recent:]
        files = []
        for n, start in enumerate(range(0, len(rest), page_size), 1):
            page = rest[start : start + page_size]
            name = f"{padded}-submissions-{n:03d}.json"
            self.routes[f"/submissions/{name}"] = _json(_columns(page))
            files.append(
                {
                    "name": name,
                    "filingCount": len(page),
                    "filingFrom": page[-1]["filingDate"],
                    "filingTo": page[0]["filingDate"],
                }
            )
        person = not any(f.issuer_cik == cik for f in filings)
        owner = next((f.owner_name for f in filings if cik in f.owner_ciks), "")
        ticker = next((t for t, (c, _) in TICKERS.items() if c == cik), None)
        self.routes[f"/submissions/{padded}.json"] = _json(
            {
                "cik": f"{int(cik):010d}",
                "entityType": "other" if person else "operating",
                "sic": "",
                "sicDescription": "",
                "ownerOrg": "",
                "insiderTransactionForOwnerExists": 1 if person else 0,
                "insiderTransactionForIssuerExists": 0 if person else 1,
                "name": owner if person else (TICKERS[ticker][1] if ticker else ""),
                "tickers": [ticker] if ticker else [],
                "exchanges": ["Nasdaq"] if ticker else [],
                "ein": None,
                "description": "",
                "website": "",
                "investorWebsite": "",
                "category": "",
                "fiscalYearEnd": None,
                "stateOfIncorporation": "",
                "stateOfIncorporationDescription": "",
                "addresses": {},
                "phone": "",
                "flags": "",
                "formerNames": [],
                "filings": {"recent": _columns(head), "files": files},
            }
        )

    # --- faults -------------------------------------------------------------------------

    def queue(self, path: str, *answers: Answer) -> None:
        """Answers served for ``path`` before its real one, in order."""
        self.queued.setdefault(path, []).extend(answers)

    def document_path(self, f: FixtureFiling, cik: str | None = None) -> str:
        base = f"/Archives/edgar/data/{cik or f.issuer_cik}/{f.accession.replace('-', '')}/"
        return base + (f.raw_name or f"{f.accession}.txt")

    # --- reading the log ----------------------------------------------------------------

    def requests(self, prefix: str = "") -> list[Logged]:
        with self.lock:
            return [r for r in self.log if r.path.startswith(prefix)]

    def documents(self) -> list[Logged]:
        return self.requests("/Archives/")

    # --- serving ------------------------------------------------------------------------

    def answer(self, path: str) -> Answer:
        with self.lock:
            queued = self.queued.get(path)
            if queued:
                return queued.pop(0)
        found = self.routes.get(path)
        if found is None:
            return Answer(404, b"<html><body>Not Found</body></html>")
        if path in self.truncated:
            return Answer(found.status, found.body, found.headers, truncate=True)
        return found


def _columns(rows: list[dict[str, object]]) -> dict[str, list[object]]:
    return {c: [r.get(c, "") for r in rows] for c in _COLUMNS}


def _json(value: object) -> Answer:
    return Answer(200, json.dumps(value).encode(), {"Content-Type": "application/json"})


def _submission(f: FixtureFiling) -> bytes:
    """A complete submission around a raw XML, in the layout of EDGAR's ``.txt`` files."""
    acc = f.accession
    day = f.filing_date.replace("-", "")
    head = (
        f"<SEC-DOCUMENT>{acc}.txt : {day}\n<SEC-HEADER>{acc}.hdr.sgml : {day}\n"
        f"<ACCEPTANCE-DATETIME>{day}160500\nACCESSION NUMBER:\t\t{acc}\n"
        f"CONFORMED SUBMISSION TYPE:\t{f.form}\nPUBLIC DOCUMENT COUNT:\t\t1\n"
        f"FILED AS OF DATE:\t\t{day}\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>{f.form}\n"
        f"<SEQUENCE>1\n<FILENAME>{f.raw_name}\n<TEXT>\n<XML>\n"
    )
    return head.encode() + f.data + b"\n</XML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"


class _Handler(BaseHTTPRequestHandler):
    fixture: EdgarFixture

    def do_GET(self) -> None:  # noqa: N802  (the standard library's name)
        arrived = time.monotonic()
        fx = self.fixture
        path = self.path.split("?", 1)[0]
        answer = fx.answer(path)
        with fx.lock:
            fx.log.append(Logged(arrived, path, self.headers.get("User-Agent"), answer.status))
        if fx.delay and path.startswith("/Archives/"):
            time.sleep(fx.delay)
        self.send_response(answer.status)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        body = answer.body[: len(answer.body) // 2] if answer.truncate else answer.body
        self.wfile.write(body)
        self.wfile.flush()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(fixture: EdgarFixture) -> ThreadingHTTPServer:
    handler = type("Handler", (_Handler,), {"fixture": fixture})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fixture.url = f"http://127.0.0.1:{server.server_address[1]}"
    return server
