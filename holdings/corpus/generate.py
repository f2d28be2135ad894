"""One insider's history as the filings that report it, with every balance computed, not guessed.

Each person's history is drawn from a random stream of its own (corpus seed and person index), so
one person can be drawn again without the others: the writer draws every history twice, once to
learn which rows may carry an injected discrepancy and once to write, and so never holds the whole
corpus in memory. Only integer arithmetic is used (prices in ten-thousandths of a dollar), so the
same seed gives the same bytes on every platform. Nothing reads the clock.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from ledger.identity import issuer_key, nature_key, person_key, security_key

COMMON = "Common Stock"
OPTION = "Stock Option (right to buy)"
RSU = "Restricted Stock Units"
TRUST = "By Trust"
SPOUSE = "By Spouse"

START = dt.date(2015, 1, 5)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


MONTHS = _words(
    "January February March April May June July August September October November December"
)


@dataclass(frozen=True, slots=True)
class Issuer:
    name: str
    ticker: str
    cik: str
    street: str
    city: str
    state: str
    zip: str


_ISSUER_TABLE = """
ALDERWOOD SYSTEMS, INC.|ALDW|0001911203|400 CEDAR AVENUE|SAN JOSE|CA|95110
BRIGHTWATER THERAPEUTICS, INC.|BWTX|0001911417|75 HARBOR STREET|BOSTON|MA|02210
CORVEX ENERGY CORP|CRVX|0001911659|1200 LOUISIANA ST.|HOUSTON|TX|77002
DELMAR FINANCIAL GROUP, INC.|DMFG|0001911871|88 PINE STREET|NEW YORK|NY|10005
EMBERLINE MEDIA INC|EMBR|0001912033|2100 SANTA MONICA BLVD.|LOS ANGELES|CA|90025
FAIRHAVEN LOGISTICS CO|FHLC|0001912245|500 W. MADISON ST.|CHICAGO|IL|60661
GRANITE PEAK SEMICONDUCTOR CORP|GPKS|0001912487|3900 FREEDOM CIRCLE|SANTA CLARA|CA|95054
HOLLIS BIOSCIENCES CORP|HLBS|0001912609|10 CAMBRIDGE CENTER|CAMBRIDGE|MA|02142
IRONGATE SOFTWARE, INC.|IRGT|0001912861|1 MARKET PLAZA|SAN FRANCISCO|CA|94105
JUNIPER FIELDS FOODS CORP|JPFF|0001913073|700 NICOLLET MALL|MINNEAPOLIS|MN|55402
KESTREL AEROSPACE HOLDINGS|KSTA|0001913295|4500 N. FAIRFAX DRIVE|ARLINGTON|VA|22203
LUMEN HARBOR RETAIL, INC.|LMHR|0001913417|2200 WESTLAKE AVE.|SEATTLE|WA|98121
"""
ISSUERS: tuple[Issuer, ...] = tuple(
    Issuer(*line.split("|")) for line in _ISSUER_TABLE.strip().splitlines()
)

_LAST = _words(
    "Abernathy Baptiste Castellano Delacroix Eberhardt Fairbanks Galloway Hargrove Ingersoll "
    "Jablonski Kowalczyk Lindqvist Marchetti Nakamura Okonkwo Pellegrino Quintero Rasmussen "
    "Sorensen Takahashi Underwood Valentin Whitfield Xiong Yamamoto Zielinski Ashworth Brennan "
    "Cardenas Donovan Ellsworth Fitzgerald Greenberg Halvorsen Iverson Jovanovic Kaminski "
    "Lockhart Montgomery Novak Oyelaran Prescott Rutherford Sandoval Thornton Ulrich Vasquez "
    "Wexler Yardley Zamora"
)
_FIRST = _words(
    "Adrian Beatrice Cornelius Daphne Elliot Fiona Gideon Harriet Isaac Juliana Kieran Lucia "
    "Malcolm Nadia Oscar Priya Quentin Rosalind Silas Tamsin Umar Vivian Wesley Ximena Yusuf "
    "Zora Amelia Bernard Celeste Dmitri Esther Felix Greta Henrik Ingrid Jasper Katya Leon "
    "Mirela Nikhil"
)
_TITLES = (
    "Chief Executive Officer",
    "Chief Financial Officer",
    "Chief Legal Officer",
    "Chief Operating Officer",
    "Chief Technology Officer",
    "EVP, Worldwide Sales",
    "SVP, Engineering",
    "Chief Accounting Officer",
    "General Counsel & Secretary",
    "Chief People Officer",
)


@dataclass(slots=True)
class Person:
    index: int
    last: str
    first: str
    middle: str
    cik: str
    issuer: Issuer
    is_director: bool
    is_officer: bool
    officer_title: str | None
    text: bool
    """Rendered as text (markdown or tab-separated) rather than XML, every filing of it: a text
    rendering carries no CIK, so mixing shapes would split the person in two in the ledger."""
    has_trust: bool
    has_spouse: bool
    attorney: str | None

    @property
    def box1(self) -> str:
        return f"{self.last} {self.first} {self.middle}"

    @property
    def display(self) -> str:
        return f"{self.first} {self.middle}. {self.last}"

    @property
    def signature(self) -> str:
        if self.attorney:
            return f"/s/ {self.attorney} by power of attorney for {self.display}"
        return f"/s/ {self.display}"

    @property
    def issuer_key(self) -> str:
        return issuer_key(self.issuer.ticker, self.issuer.cik, self.issuer.name)

    @property
    def person_key(self) -> str:
        """The key the ledger gives this person: by CIK from XML, by Box 1 name from text."""
        return person_key(None if self.text else self.cik, self.box1, self.issuer_key)


@dataclass(slots=True)
class Row:
    """One table row as filed. Amounts are whole shares; prices are decimal strings."""

    derivative: bool
    holding: bool
    title: str
    position: str
    """The position the row moves in the person's book: direct, trust, spouse, opt<n>, rsu."""
    following: int
    date: dt.date | None = None
    code: str | None = None
    shares: int | None = None
    acquired: str | None = None
    price: str | None = None
    ownership: str = "D"
    nature: str | None = None
    notes: dict[str, list[int]] = field(default_factory=dict)
    """Contract field -> footnote numbers (1-based; ``F<n>`` in XML, ``⁽ⁿ⁾`` in text)."""
    exercise_price: str | None = None
    exercisable: dt.date | None = None
    expiration: dt.date | None = None
    underlying_shares: int | None = None
    eligible: bool = True
    """May carry an injected discrepancy: not an ESPP buy, nothing the audit would excuse as an
    RSU lot, not the first row of its position."""


@dataclass(slots=True)
class Doc:
    """One filing: what the renderers write, in whatever shape."""

    person: Person
    ordinal: int
    form_type: str
    period: dt.date
    filed: dt.date
    accession: str
    non_derivative: list[Row]
    derivative: list[Row]
    footnotes: list[str]
    aff10b5: bool
    original_filed: dt.date | None = None
    remarks: str | None = None
    role: str = "regular"
    """regular, original (superseded by a later 4/A) or amendment."""
    shape: str = "xml"
    """xml, markdown or text."""

    @property
    def relpath(self) -> str:
        suffix = "xml" if self.shape == "xml" else "txt"
        return f"filings/{self.person.issuer.ticker}/{self.accession}.{suffix}"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A row that may carry an injected discrepancy, with its place in its position's chain."""

    person: int
    ordinal: int
    table: str
    row: int
    position: str
    chain: int


@dataclass(slots=True)
class Position:
    position: str
    title: str
    ownership: str
    nature: str | None
    exercise_price: str | None
    expiration: dt.date | None
    balance: int

    @property
    def derivative(self) -> bool:
        return self.title != COMMON

    @property
    def key(self) -> str:
        """The ledger's position key (see ``Event.position_key``), computed independently."""
        price = ""
        if self.exercise_price is not None:
            price = format(Decimal(self.exercise_price).normalize(), "f")
        return "|".join(
            (
                "deriv" if self.derivative else "stock",
                security_key(self.title),
                price,
                self.expiration.isoformat() if self.expiration else "",
                self.ownership,
                "" if self.ownership == "D" else nature_key(self.nature, []),
            )
        )


@dataclass(slots=True)
class History:
    person: Person
    docs: list[Doc]
    positions: dict[str, Position]
    candidates: list[Candidate]


# --------------------------------------------------------------------------- small helpers


def money(v: int) -> str:
    """Ten-thousandths of a dollar as a filed price: ``25.56``, ``123.4739``, ``4.10``."""
    whole, frac = divmod(v, 10_000)
    digits = f"{frac:04d}".rstrip("0")
    return f"{whole}.{digits.ljust(2, '0')}"


def long_date(d: dt.date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def add_weekdays(d: dt.date, n: int) -> dt.date:
    """Weekdays only, no holiday calendar: the corpus must not change with a holidays release.
    A filing made two weekdays after the trade is never late, holidays only push the deadline
    further out."""
    while n > 0:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def weekday_on_or_after(d: dt.date) -> dt.date:
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d


def years_later(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def split_amount(rng: random.Random, total: int, parts: int) -> list[int]:
    """Weighted-average sale rows: a block sold in a few price bands of uneven size."""
    if total < parts * 10:
        return [total]
    weights = [rng.randint(2, 9) for _ in range(parts)]
    out = [total * w // sum(weights) for w in weights]
    out[0] += total - sum(out)
    return [x for x in out if x > 0]


def issuers_for(people: int) -> tuple[Issuer, ...]:
    return ISSUERS[: min(len(ISSUERS), max(3, (people + 7) // 8))]


def make_person(seed: int, index: int, people: int, text_share: float) -> Person:
    rng = random.Random(f"holdings-corpus:{seed}:person:{index}")
    issuers = issuers_for(people)
    # Names come from the index so that they are unique within an issuer (text renderings key
    # people by name): a fixed bijection spreads consecutive indexes over the name grid, and
    # the seed only decides which names the grid holds where.
    order = random.Random(f"holdings-corpus:{seed}:names")
    last = list(_LAST)
    first = list(_FIRST)
    order.shuffle(last)
    order.shuffle(first)
    grid = len(last) * len(first)
    k, cell = divmod(index, grid)
    cell = cell * 773 % grid  # 773 is prime to the grid size, so this permutes it
    fi, li = divmod(cell, len(last))
    letters = "ABCDEFGHJKLMNPRSTW"
    middle = letters[(k + cell) % len(letters)]
    if k >= len(letters):
        middle += letters[k // len(letters) % len(letters)]
    director_only = rng.random() < 0.15
    return Person(
        index=index,
        last=last[li],
        first=first[fi],
        middle=middle,
        cik=f"{1_800_000 + index * 3:010d}",
        issuer=issuers[index % len(issuers)],
        is_director=director_only or rng.random() < 0.1,
        is_officer=not director_only,
        officer_title=None if director_only else rng.choice(_TITLES),
        # Exactly the asked share of people, spread evenly over the indexes.
        text=int((index + 1) * text_share) > int(index * text_share),
        has_trust=rng.random() < 0.6,
        has_spouse=rng.random() < 0.3,
        attorney=None if rng.random() < 0.4 else rng.choice(("Dana R. Whitcomb", "Lee M. Park")),
    )


# --------------------------------------------------------------------------- the history


@dataclass(slots=True)
class _Grant:
    position: str
    price: int
    granted: dt.date
    expiration: dt.date
    remaining: int


class _Filing:
    """Rows and footnotes of one filing as they are drawn."""

    def __init__(self) -> None:
        self.nd: list[Row] = []
        self.d: list[Row] = []
        self.footnotes: list[str] = []
        self.plan = False

    def note(self, text: str) -> int:
        try:
            return self.footnotes.index(text) + 1
        except ValueError:
            self.footnotes.append(text)
            return len(self.footnotes)


class _Drawer:
    """Draws one person's filings in date order, keeping the book the balances come from."""

    def __init__(self, seed: int, person: Person, count: int) -> None:
        self.rng = random.Random(f"holdings-corpus:{seed}:history:{person.index}")
        self.person = person
        self.count = count
        rng = self.rng
        self.date = weekday_on_or_after(START + dt.timedelta(days=rng.randint(0, 700)))
        hi = max(1, min(22, 2600 // max(count, 1)))
        self.gap = (max(1, hi // 3), hi)
        self.price = rng.randint(15, 180) * 10_000 + rng.randint(0, 9999)
        self.direct = rng.randint(20, 900) * 100
        self.trust = rng.randint(5, 200) * 100 if person.has_trust else 0
        self.spouse = rng.randint(1, 50) * 100 if person.has_spouse else 0
        self.rsu = 0
        self.grants: list[_Grant] = []
        self.plan_adopted = self.date
        self.positions: dict[str, Position] = {}
        self.chain: dict[str, int] = {}
        self.seq = 0
        self.docs: list[Doc] = []
        self.candidates: list[Candidate] = []

    # --- the book -------------------------------------------------------------------------

    def _position(self, row: Row) -> Position:
        pos = self.positions.get(row.position)
        if pos is None:
            pos = Position(
                row.position,
                row.title,
                row.ownership,
                row.nature,
                row.exercise_price,
                row.expiration,
                row.following,
            )
            self.positions[row.position] = pos
        pos.balance = row.following
        return pos

    def _accession(self, filed: dt.date) -> str:
        self.seq += 1
        return f"{self.person.cik}-{filed.year % 100:02d}-{self.seq:06d}"

    # --- rows ----------------------------------------------------------------------------

    def _stock(self, f: _Filing, code: str, shares: int, acquired: str, price: str) -> Row:
        self.direct += shares if acquired == "A" else -shares
        row = Row(
            False, False, COMMON, "direct", self.direct, self.date, code, shares, acquired, price
        )
        f.nd.append(row)
        return row

    def _sell(self, f: _Filing, total: int) -> None:
        plan = f.note(
            "The transactions reported on this Form 4 were effected pursuant to a Rule 10b5-1 "
            f"trading plan adopted by the Reporting Person on {long_date(self.plan_adopted)}."
        )
        f.plan = True
        parts = split_amount(self.rng, total, self.rng.randint(1, 4))
        base = self.price
        for i, amount in enumerate(parts):
            avg = base + i * 10_000 + self.rng.randint(0, 9_999)
            row = self._stock(f, "S", amount, "D", money(avg))
            row.notes["code"] = [plan]
            if len(parts) > 1:
                lo = avg - self.rng.randint(500, 5_000)
                hi = avg + self.rng.randint(500, 5_000)
                row.notes["price"] = [
                    f.note(
                        "The price reported is a weighted average. The shares were sold in "
                        f"multiple transactions at prices from ${money(lo)} "
                        f"to ${money(hi)}, inclusive. The Reporting Person will provide to the "
                        "Issuer, any security holder of the Issuer or the staff of the Securities "
                        "and Exchange Commission, upon request, the number of shares sold at each "
                        "separate price within that range."
                    )
                ]

    def _holdings(self, f: _Filing, touched: set[str]) -> None:
        p = self.person
        if p.has_trust and "trust" not in touched and self.rng.random() < 0.4:
            row = Row(False, True, COMMON, "trust", self.trust, ownership="I", nature=TRUST)
            row.notes["nature_of_ownership"] = [f.note(self._trust_note())]
            f.nd.append(row)
        if p.has_spouse and self.rng.random() < 0.4:
            row = Row(False, True, COMMON, "spouse", self.spouse, ownership="I", nature=SPOUSE)
            row.notes["nature_of_ownership"] = [
                f.note(
                    "Shares held by the Reporting Person's spouse. The Reporting Person disclaims "
                    "beneficial ownership of these shares except to the extent of any pecuniary "
                    "interest therein."
                )
            ]
            f.nd.append(row)
        idle = [g for g in self.grants if g.position not in touched and g.remaining > 0]
        if idle and self.rng.random() < 0.15:
            g = self.rng.choice(idle)
            row = Row(
                True,
                True,
                OPTION,
                g.position,
                g.remaining,
                exercise_price=money(g.price),
                expiration=g.expiration,
                underlying_shares=g.remaining,
            )
            row.notes["date_exercisable"] = [f.note(self._vesting_note(g))]
            f.d.append(row)

    def _trust_note(self) -> str:
        return (
            f"The shares are held by the {self.person.last} Family Trust, of which the Reporting "
            "Person is a trustee."
        )

    def _vesting_note(self, g: _Grant) -> str:
        return (
            "The shares subject to the option vest in 48 equal monthly installments beginning "
            f"one month after {long_date(g.granted)}, subject to continued service."
        )

    def _rsu_notes(self, f: _Filing, row: Row) -> None:
        row.notes["exercise_price"] = [
            f.note("Each restricted stock unit represents a contingent right to receive one share.")
        ]
        vest = f.note(
            "The restricted stock units vest in equal quarterly installments and settle in shares "
            "on vesting; they have no expiration date."
        )
        row.notes["date_exercisable"] = [vest]
        row.notes["expiration_date"] = [vest]

    # --- activities ----------------------------------------------------------------------

    def onboarding(self, f: _Filing) -> None:
        """The first filing: an award on joining, with the holdings it starts from."""
        row = Row(False, True, COMMON, "direct", self.direct)
        f.nd.append(row)
        touched = {"direct"}
        if self.person.has_trust:
            row = Row(False, True, COMMON, "trust", self.trust, ownership="I", nature=TRUST)
            row.notes["nature_of_ownership"] = [f.note(self._trust_note())]
            f.nd.append(row)
            touched.add("trust")
        self.grant(f)
        self._holdings(f, touched)

    def grant(self, f: _Filing) -> set[str]:
        rng = self.rng
        price = self.price // 100 * 100
        g = _Grant(
            f"opt{len(self.grants)}",
            price,
            self.date,
            years_later(self.date, 10),
            rng.randint(10, 80) * 500,
        )
        self.grants.append(g)
        row = Row(
            True,
            False,
            OPTION,
            g.position,
            g.remaining,
            self.date,
            "A",
            g.remaining,
            "A",
            "0",
            exercise_price=money(g.price),
            expiration=g.expiration,
            underlying_shares=g.remaining,
        )
        row.notes["date_exercisable"] = [f.note(self._vesting_note(g))]
        f.d.append(row)
        units = rng.randint(4, 40) * 250
        self.rsu += units
        row = Row(True, False, RSU, "rsu", self.rsu, self.date, "A", units, "A", "0")
        row.underlying_shares = units
        row.eligible = False
        self._rsu_notes(f, row)
        f.d.append(row)
        return {g.position, "rsu"}

    def exercise(self, f: _Filing) -> set[str]:
        rng = self.rng
        g = next(g for g in self.grants if self._exercisable(g))
        qty = min(g.remaining, rng.randint(5, 70) * 100)
        plan = f.note(
            "The transactions reported on this Form 4 were effected pursuant to a Rule 10b5-1 "
            f"trading plan adopted by the Reporting Person on {long_date(self.plan_adopted)}."
        )
        row = self._stock(f, "M", qty, "A", money(g.price))
        row.notes["code"] = [plan]
        sold = qty if rng.random() < 0.75 else max(1, qty * rng.randint(3, 9) // 10)
        self._sell(f, min(sold, self.direct))
        g.remaining -= qty
        row = Row(
            True,
            False,
            OPTION,
            g.position,
            g.remaining,
            self.date,
            "M",
            qty,
            "D",
            "0",
            exercise_price=money(g.price),
            expiration=g.expiration,
            underlying_shares=qty,
        )
        row.notes["code"] = [plan]
        row.notes["date_exercisable"] = [f.note("The option is fully vested and exercisable.")]
        f.d.append(row)
        return {"direct", g.position}

    def vest(self, f: _Filing) -> set[str]:
        rng = self.rng
        qty = min(self.rsu, rng.randint(5, 30) * 50)
        row = self._stock(f, "M", qty, "A", "0")
        row.eligible = False
        row.notes["code"] = [
            f.note(
                "Represents shares of common stock issued on the vesting and settlement of "
                "restricted stock units."
            )
        ]
        withheld = qty * rng.randint(30, 45) // 100
        if withheld:
            row = self._stock(f, "F", withheld, "D", money(self.price))
            row.eligible = False
            row.notes["code"] = [
                f.note(
                    "Represents shares withheld by the Issuer to satisfy tax withholding "
                    "obligations on the vesting and settlement of restricted stock units. No "
                    "shares were sold."
                )
            ]
        self.rsu -= qty
        row = Row(True, False, RSU, "rsu", self.rsu, self.date, "M", qty, "D", "0")
        row.underlying_shares = qty
        row.eligible = False
        self._rsu_notes(f, row)
        f.d.append(row)
        return {"direct", "rsu"}

    def espp(self, f: _Filing) -> set[str]:
        qty = self.rng.randint(20, 400)
        row = self._stock(f, "A", qty, "A", money(self.price * 85 // 100))
        row.eligible = False
        row.notes["shares"] = [
            f.note(
                "Shares acquired under the Issuer's Employee Stock Purchase Plan in a transaction "
                "exempt under Rule 16b-3(c)."
            )
        ]
        return {"direct"}

    def gift(self, f: _Filing) -> set[str]:
        qty = min(self.direct, self.rng.randint(1, 20) * 100)
        row = self._stock(f, "G", qty, "D", "0")
        gift = f.note(
            f"Bona fide gift by the Reporting Person to the {self.person.last} Family Trust."
        )
        row.notes["code"] = [gift]
        self.trust += qty
        row = Row(
            False, False, COMMON, "trust", self.trust, self.date, "G", qty, "A", "0", "I", TRUST
        )
        row.notes["code"] = [gift]
        row.notes["nature_of_ownership"] = [f.note(self._trust_note())]
        f.nd.append(row)
        return {"direct", "trust"}

    def sale(self, f: _Filing) -> set[str]:
        self._sell(f, min(self.direct, self.rng.randint(5, 50) * 100))
        return {"direct"}

    def purchase(self, f: _Filing) -> set[str]:
        qty = self.rng.randint(1, 40) * 50
        self._stock(f, "P", qty, "A", money(self.price))
        return {"direct"}

    def _exercisable(self, g: _Grant) -> bool:
        """Nobody exercises an option that is under water."""
        return g.remaining > 0 and self.date < g.expiration and g.price < self.price

    def activity(self, f: _Filing) -> set[str]:
        rng = self.rng
        open_grants = any(g.remaining > 0 and self.date < g.expiration for g in self.grants)
        in_the_money = any(self._exercisable(g) for g in self.grants)
        choices: list[tuple[str, int]] = [("espp", 7), ("purchase", 3)]
        if in_the_money:
            choices.append(("exercise", 45))
        if self.rsu > 0:
            choices.append(("vest", 22))
        if self.person.has_trust and self.direct >= 2_000:
            choices.append(("gift", 5))
        if self.direct >= 3_000:
            choices.append(("sale", 8))
        if not open_grants and self.rsu == 0:
            choices = [("grant", 1)]
        else:
            choices.append(("grant", 5))
        total = sum(w for _, w in choices)
        pick = rng.randrange(total)
        for name, weight in choices:
            if pick < weight:
                return getattr(self, name)(f)  # type: ignore[no-any-return]  # a renderer by name
            pick -= weight
        raise AssertionError("unreachable")

    # --- filings -------------------------------------------------------------------------

    def _doc(
        self, f: _Filing, ordinal: int, filed: dt.date, form_type: str = "4", **extra: object
    ) -> Doc:
        doc = Doc(
            person=self.person,
            ordinal=ordinal,
            form_type=form_type,
            period=self.date,
            filed=filed,
            accession=self._accession(filed),
            non_derivative=f.nd,
            derivative=f.d,
            footnotes=f.footnotes,
            aff10b5=f.plan,
            **extra,  # type: ignore[arg-type]  # the row model checks it
        )
        return doc

    def _chain(self, doc: Doc, candidate_rows: bool) -> None:
        """Book the rows of a filing the ledger will read, and note which may be falsified."""
        for table, rows in (("non_derivative", doc.non_derivative), ("derivative", doc.derivative)):
            for i, row in enumerate(rows):
                place = self.chain.get(row.position, 0)
                self.chain[row.position] = place + 1
                self._position(row)
                if candidate_rows and row.eligible and place > 0:
                    self.candidates.append(
                        Candidate(self.person.index, doc.ordinal, table, i, row.position, place)
                    )

    def draw(self) -> History:
        rng = self.rng
        self.plan_adopted = self.date - dt.timedelta(days=rng.randint(40, 200))
        ordinal = 0
        while ordinal < self.count:
            if ordinal:
                self.date = add_weekdays(self.date, rng.randint(*self.gap))
                # A slight upward drift, so that most grants come into the money.
                step = rng.randint(-self.price // 16, self.price // 14)
                self.price = max(100_000, self.price + step)
                if rng.random() < 0.05:
                    self.plan_adopted = self.date - dt.timedelta(days=rng.randint(35, 120))
            f = _Filing()
            if ordinal == 0:
                self.onboarding(f)
            else:
                touched = self.activity(f)
                self._holdings(f, touched)
            filed = add_weekdays(self.date, rng.choice((1, 1, 2)))
            amend = ordinal > 0 and self.count - ordinal >= 2 and rng.random() < 0.03
            if not amend:
                doc = self._doc(f, ordinal, filed)
                self.docs.append(doc)
                self._chain(doc, candidate_rows=True)
                ordinal += 1
                continue
            # The original misstates one balance; the 4/A restates the whole filing correctly.
            rows = f.nd + f.d
            wrong = rng.randrange(len(rows))
            bad = rows[wrong]
            typo = replace(
                bad, following=bad.following + rng.choice((-1, 1)) * rng.randint(1, 9) * 10
            )
            if typo.following < 0:
                typo.following = bad.following + 90
            original_filing = _Filing()
            original_filing.nd = [typo if r is bad else r for r in f.nd]
            original_filing.d = [typo if r is bad else r for r in f.d]
            original_filing.footnotes = f.footnotes
            original_filing.plan = f.plan
            original = self._doc(original_filing, ordinal, filed, role="original")
            self.docs.append(original)
            amended = weekday_on_or_after(filed + dt.timedelta(days=rng.randint(7, 40)))
            amendment = self._doc(
                f,
                ordinal + 1,
                amended,
                form_type="4/A",
                original_filed=filed,
                role="amendment",
                remarks=(
                    "This amendment is filed to correct the amount of securities beneficially "
                    f"owned following the transactions reported in the Form 4 filed on "
                    f"{long_date(filed)}."
                ),
            )
            self.docs.append(amendment)
            self._chain(amendment, candidate_rows=False)
            ordinal += 2
        # Never a position's last row: a wrong figure there, at its first row in a filing,
        # reads as a gap between filings, and the ledger rightly follows the filer's figure
        # (no later row shows it was a typo).
        last = {pos: n - 1 for pos, n in self.chain.items()}
        candidates = [c for c in self.candidates if c.chain < last[c.position]]
        return History(self.person, self.docs, self.positions, candidates)


def draw_history(seed: int, person: Person, count: int) -> History:
    return _Drawer(seed, person, count).draw()


def filings_per_person(people: int, filings: int) -> list[int]:
    base, extra = divmod(filings, people)
    return [base + (1 if i < extra else 0) for i in range(people)]


def choose_discrepancies(seed: int, candidates: Iterable[Candidate], k: int) -> set[Candidate]:
    """K rows to falsify, never two neighbours in one position's chain: the audit follows a
    filer who continues from their own wrong figure, so adjacent falsified rows could hide one
    another."""
    pool = list(candidates)
    random.Random(f"holdings-corpus:{seed}:discrepancies").shuffle(pool)
    taken: set[tuple[int, str, int]] = set()
    chosen: set[Candidate] = set()
    for c in pool:
        if len(chosen) >= k:
            break
        if (c.person, c.position, c.chain - 1) in taken or (
            c.person,
            c.position,
            c.chain + 1,
        ) in taken:
            continue
        taken.add((c.person, c.position, c.chain))
        chosen.add(c)
    if len(chosen) < k:
        raise ValueError(
            f"asked for {k} discrepancies but the corpus has room for only {len(chosen)}; "
            "generate more filings"
        )
    return chosen


def falsify(seed: int, row: Row, c: Candidate) -> int:
    """A wrong "owned following" amount: a typo-sized error, never negative, never the figure
    that would read as the change applied in the other direction."""
    rng = random.Random(f"holdings-corpus:{seed}:falsify:{c.person}:{c.ordinal}:{c.table}:{c.row}")
    while True:
        delta = rng.choice((-1, 1)) * rng.choice((rng.randint(1, 9), rng.randint(1, 99) * 10, 1000))
        value = row.following + delta
        against = None
        if row.shares is not None and row.acquired is not None:
            change = row.shares if row.acquired == "A" else -row.shares
            against = row.following - 2 * change
        if value >= 0 and value != row.following and value != against:
            return value
