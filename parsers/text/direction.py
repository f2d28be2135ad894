"""Which of (A) and (D) an amount is in, and the checks a row's values must pass together.

A rendering often drops the (A)/(D) column or shifts an amount under the other caption; the
side is taken only from what proves it (the column, the code, the balance before and after),
and a row whose values disagree with each other is marked, never silently kept.
"""

from __future__ import annotations

from decimal import Decimal

from parsers.text.captions import BY_CODE, AdPlaces
from parsers.text.cells import SPACE, Row
from parsers.text.drafts import Draft
from parsers.text.tokens import Token

# What a code implies for the direction of a transaction, used only to fill an empty (A)/(D)
# and always with a note. Codes that go either way (G, J, K, W, Z) are left alone.
_ACQUIRES_T1 = frozenset("PAMXOCL")


_DISPOSES_T1 = frozenset("SFDU")


_ACQUIRES_T2 = frozenset("APL")


_DISPOSES_T2 = frozenset("MXOCFDSEHU")


SET_ASIDE = "of a row with no date or code; left empty"


NO_AMOUNT = "transaction without an amount"


NO_SIDE = "no amount, so no (A) or (D) read"


def settle_direction(
    draft: Draft,
    fields: tuple[str, ...],
    cols: list[list[Token]],
    positional: bool,
    ad_x: AdPlaces | None,
    row: Row,
    uneven: bool = False,
    dropped: list[Token] | None = None,
) -> None:
    v = draft.values
    code = v.get("code")
    if "shares_a" in fields:
        a, d = v.pop("shares_a", None), v.pop("shares_d", None)
        ia, id_ = fields.index("shares_a"), fields.index("shares_d")
        if cols[ia] and cols[id_] and (a is None) != (d is None):
            # a number beside an unreadable one: either may be the amount
            said = "a number and an unreadable value in the (A) and (D) columns; left empty"
            for f in ("shares", "acquired_disposed"):
                draft.notes.append((f, said))
            v["shares"], v["acquired_disposed"] = None, None
            return
        if a is not None and d is not None and a != d:
            # two amounts where the form has room for one: a cell slid over, and which one is
            # the amount is a guess (a shifted price reads as shares), so neither is kept
            said = f"numbers in both (A) and (D) columns ({a} and {d}); left empty"
            for f in ("shares", "acquired_disposed"):
                draft.notes.append((f, said))
            v["shares"], v["acquired_disposed"] = None, None
            return
        if a is not None and d is not None:
            # the same amount twice (a converter repeating a spanned cell): the amount is sure,
            # its side is not
            for f in ("shares", "acquired_disposed"):
                draft.notes.append((f, "the same number in both (A) and (D) columns; kept (D)"))
            v["shares"], v["acquired_disposed"] = d, "D"
            return
        if a is None and d is None:
            v["shares"] = None
            if cols[ia] or cols[id_]:  # an amount stood there, unread: so is its side
                draft.notes.append(("acquired_disposed", "amount unreadable; (A)/(D) left empty"))
            return
        tok = (cols[ia] or cols[id_])[0]
        side = "A" if a is not None else "D"
        ic = fields.index("code")
        if row.shape != SPACE and _straddles(tok, row, ia, id_, positional, ad_x):
            # its pieces stand in the (A) cell and the (D) cell beside it: the amount is
            # under both captions, so neither cell says its side
            v["shares"] = amount = a if a is not None else d
            draft.notes.append(
                (
                    "acquired_disposed",
                    f"{tok.text!r} was cut across the (A) and (D) cells: which side it stands"
                    " under, unsure",
                )
            )
            v["acquired_disposed"] = _side_from_balance(draft, amount, side)
            return
        if positional and row.shape != SPACE and cols[ic] and cols[ic][0].cell != ic:
            # the code stands a cell off its column: the cells before the amount are shifted,
            # so the amount's cell says no sure side (only a balance below it proves one)
            v["shares"] = amount = a if a is not None else d
            v["acquired_disposed"] = _side_from_balance(draft, amount, side)
            return
        under = _under_ad_caption(tok, cols[ic], ad_x) if row.shape != SPACE else None
        if positional and under is not None and ad_x is not None and ad_x[:2] != (ia, id_):
            # the table's own caption row puts (A) and (D) in other cells than the form's
            # positions (``|Code<br>V|(A)||(D)|``: the converter drew its columns otherwise,
            # the same for both rows), with the row's code under its Code caption: the caption
            # row says the side, or that the amount stands under neither
            if not under:
                v["shares"], v["acquired_disposed"] = (a if a is not None else d), None
                draft.notes.append(
                    (
                        "acquired_disposed",
                        f"{tok.text!r} stands in cell {tok.cell + 1}, under neither the (A) nor"
                        " the (D) caption of the table's caption row: left empty",
                    )
                )
                return
            positional = False
        if positional and row.shape != SPACE and tok.cell not in (ia, id_):
            # as many cells as the form has columns, but the amount is not in the (A) or (D)
            # one: a cell was lost and another added in the row, so its cell says no side.
            # Only a balance below the amount proves one (a disposal).
            v["shares"] = amount = a if a is not None else d
            if _disposal_proven(amount, v.get("shares_owned_following")):
                v["acquired_disposed"] = _side_from_balance(draft, amount, "D")
                return
            v["acquired_disposed"] = None
            draft.notes.append(
                (
                    "acquired_disposed",
                    f"{tok.text!r} stands in cell {tok.cell + 1}, neither the (A) nor the (D) "
                    "one of a row of the form's width: left empty",
                )
            )
            return
        if not positional:
            code_toks = cols[fields.index("code")]
            code_at = code_toks[0].cell if code_toks else -1
            if row.shape == SPACE and ad_x is not None and ad_x[2] == BY_CODE:
                # a scan: the captions' line starts at the margin, so the (A) and (D) captions
                # are placed from the code's caption, and the row's line by its code
                if not code_toks and dropped:
                    code_toks = _garbled_code(cols[fields.index("transaction_date")], tok, dropped)
                title_toks = (
                    cols[fields.index("underlying_title")] if "underlying_title" in fields else []
                )
                by_code = _side_by_code(draft, tok, code_toks, ad_x, title_toks)
                if by_code is None:
                    v["shares"] = amount = a if a is not None else d
                    v["acquired_disposed"] = _side_from_balance(draft, amount, side)
                    return
                side = by_code
            elif row.shape == SPACE and ad_x is not None and ad_x[2] < 0:
                centre = tok.x + len(tok.text) / 2
                to_a, to_d = abs(centre - ad_x[0] - 1.5), abs(centre - ad_x[1] - 1.5)
                if abs(to_a - to_d) < 2:
                    v["shares"], v["acquired_disposed"] = (a if a is not None else d), None
                    draft.notes.append(
                        (
                            "acquired_disposed",
                            f"{tok.text!r} sits between the (A) and (D) columns; left empty",
                        )
                    )
                    return
                side = "A" if to_a < to_d else "D"
            elif (
                ad_x is not None
                and row.shape != SPACE
                and code_at == ad_x[2]
                and tok.cell in ad_x[:2]
            ):
                side = "A" if tok.cell == ad_x[0] else "D"
                against = code in (_DISPOSES_T2 if side == "A" else _ACQUIRES_T2)
                if (uneven or _joined_across(cols, row)) and not against:
                    # (against its code, the doubt is said below) a cell lost or split between
                    # the code and the amount moves it to the other side, and the row's count
                    # of cells says one was: or, as many cells as the captions', a value cut
                    # across two cells says one was gained, so another was lost
                    draft.notes.append(
                        (
                            "acquired_disposed",
                            f"({side}) from the amount's cell, in a row whose cells do not match"
                            " the captions'; unsure",
                        )
                    )
            else:
                v["shares"] = amount = a if a is not None else d
                v["acquired_disposed"] = _side_from_balance(draft, amount, side)
                return
        v["shares"], v["acquired_disposed"] = amount, side = (a if a is not None else d), side
        if side == "A" and _disposal_proven(amount, v.get("shares_owned_following")):
            if row.shape != SPACE:
                # a cell says (A) and the balance after says no row acquires that much: either
                # a cell was lost before the amount and another gained (the text moved it from
                # (D)), or the filing's balance does not follow. Neither is sure, so the side
                # is left empty, never turned into a (D) the filer may not have written
                v["acquired_disposed"] = None
                draft.notes.append(
                    (
                        "acquired_disposed",
                        f"{amount} stands in the (A) cell, but {v.get('shares_owned_following')}"
                        " owned after is less: a cell moved or the balance does not follow;"
                        " left empty",
                    )
                )
                return
            # the amount's place said (A), but no row acquires more than it holds after: in
            # text laid out by spaces the place was wrong (an amount wider than its column
            # reaches under the other caption)
            v["acquired_disposed"] = _side_from_balance(draft, amount, "A")
            return
        if code is None and not any(f == "acquired_disposed" for f, _ in draft.notes):
            # only the amount's cell says the side, and a cell lost before it (the code's,
            # here) moves the amount from (D) to (A)
            draft.notes.append(
                ("acquired_disposed", f"({side}) from the amount's cell in a row with no code")
            )
        _check_direction(draft, _ACQUIRES_T2, _DISPOSES_T2)
        return
    if "acquired_disposed" not in fields:
        return
    _check_direction(draft, _ACQUIRES_T1, _DISPOSES_T1)
    known = code in _ACQUIRES_T1 or code in _DISPOSES_T1
    if v.get("shares") is not None and v.get("acquired_disposed") is None and known:
        # the text lost the letter: the code's usual way is a guess, not what was filed
        usual = "A" if code in _ACQUIRES_T1 else "D"
        if not any(f == "acquired_disposed" for f, _ in draft.notes):
            draft.notes.append(
                (
                    "acquired_disposed",
                    f"(A) or (D) missing; left empty (code {code} usually goes {usual})",
                )
            )


_JOINED = "joined number split across cells"
"""The start of the note :func:`ocr.join_split_numbers` leaves on a number it joined."""


def _straddles(
    tok: Token,
    row: Row,
    ia: int,
    id_: int,
    positional: bool,
    ad_x: AdPlaces | None,
) -> bool:
    """Whether a Table II amount joined from two cells' pieces (``|50|,000|``) has its first
    piece in the (A) cell and its second in the (D) cell right after it, by the form's
    positions (a row of the form's cells) or by the table's own caption row: a cell border was
    drawn through the number, which stands under both captions, so its cell says no side (the
    joined token keeps only its first piece's cell, which would read (A))."""
    pairs = [(ia, id_)] if positional else []
    if ad_x is not None and ad_x[2] >= 0:
        pairs.append((ad_x[0], ad_x[1]))
    if (tok.cell, tok.cell + 1) not in pairs or tok.cell + 1 >= len(row.cells):
        return False
    joined = any(n.startswith(_JOINED) for n in tok.notes)
    return joined and tok.text.lstrip("$") not in row.cells[tok.cell]


def _joined_across(cols: list[list[Token]], row: Row) -> bool:
    """Whether a value of the row was joined from pieces in two cells (``|222|,700|``): the
    cut gave the row a cell, so a row with as many cells as its captions lost one somewhere,
    and the cells after the loss stand one column off."""
    return any(
        any(n.startswith(_JOINED) for n in t.notes)
        and t.cell + 1 < len(row.cells)
        and t.text.lstrip("$") not in row.cells[t.cell]
        for toks in cols
        for t in toks
    )


def _under_ad_caption(tok: Token, code_toks: list[Token], ad_x: AdPlaces | None) -> str | None:
    """The side a row of cells' amount stands under by the table's caption row (``ad_x``
    from :func:`ad_positions`): only where the row's code stands in the ``Code`` caption's
    cell, so that no cell was lost or split before the amount; ``""`` where the amount stands
    under neither caption, None where the caption row does not say."""
    if ad_x is None or ad_x[2] < 0 or not code_toks or code_toks[0].cell != ad_x[2]:
        return None
    if tok.cell == ad_x[0]:
        return "A"
    return "D" if tok.cell == ad_x[1] else ""


def _garbled_code(dates: list[Token], amount: Token, dropped: list[Token]) -> list[Token]:
    """The token a scan made of the row's code letter (``mM``, ``Cc``), unread and left out:
    the one short word left out between the transaction date and the amount, where only the
    code's and V's columns lie. It stands where the code does, whatever it says."""
    if not dates:
        return []
    lo, hi = dates[0].x + len(dates[0].text), amount.x
    between = [t for t in dropped if lo < t.x < hi]
    if len(between) != 1 or len(between[0].text) > 3 or not between[0].text[:1].isalpha():
        return []
    return between


def _side_by_code(
    draft: Draft,
    tok: Token,
    code_toks: list[Token],
    ad_x: AdPlaces,
    title_toks: list[Token],
) -> str | None:
    """(A) or (D) of a scan's Table II amount by where it stands from the row's code letter,
    against where the (A) and (D) captions stand from the ``Code`` caption (the code sits under
    its caption; every line of a scan starts at the margin, so only such distances hold). The
    engine spaces words by estimate: a side is read only where the amount is clearly nearer
    one caption (three characters or more), and said with a doubt; None otherwise."""
    if not code_toks:
        return None
    code_x = code_toks[0].x
    centre = tok.x + len(tok.text) / 2
    scale = 1.0
    if ad_x[3] > ad_x[1] and title_toks and title_toks[0].x > tok.x:
        # the engine spaces each line by its own estimate: where the row's underlying title
        # stands from its code says how much wider the row's line is spaced than the captions'
        scale = (title_toks[0].x - code_x) / ad_x[3]
        if abs(scale - 1) < 0.15:
            scale = 1.0
    to_a = abs(centre - code_x - (ad_x[0] + 1.5) * scale)
    to_d = abs(centre - code_x - (ad_x[1] + 1.5) * scale)
    if abs(to_a - to_d) < 3:
        return None
    side = "A" if to_a < to_d else "D"
    draft.notes.append(
        (
            "acquired_disposed",
            f"({side}) from where {tok.text!r} stands from the code, as the ({side}) caption"
            " from the Code caption in the scan; unsure",
        )
    )
    return side


def _disposal_proven(amount: object, following: object) -> bool:
    """A row cannot have acquired more than it holds after, so a balance below the amount
    makes a disposal likely whatever the text lost; likely, not certain (some filers put the
    filing's final balance on every row), so the side read from it carries a doubt."""
    return isinstance(amount, Decimal) and isinstance(following, Decimal) and following < amount


def _side_from_balance(draft: Draft, amount: object, placed: str) -> str | None:
    """(A) or (D) of a Table II amount whose column the text does not show (plain text, a
    converter's run of cells). Near certain: a row cannot have acquired more than it holds
    after, so a balance below the amount is read as a disposal, with a doubt. Otherwise the
    code says which way it usually goes (an option exercised under M is at times reported
    acquired, a grant under A at times disposed), and the cell the amount was aligned to says
    nothing sure either: the side is left empty with a doubt naming the usual way (the ledger
    leaves the change unsigned and follows the filer's balance; the audit shows the doubt)."""
    following = draft.values.get("shares_owned_following")
    if _disposal_proven(amount, following):
        draft.notes.append(
            (
                "acquired_disposed",
                f"read (D): (A)/(D) column unclear, and {following} owned after is less "
                f"than the {amount} of the row",
            )
        )
        return "D"
    code = draft.values.get("code")
    if code in _ACQUIRES_T2 or code in _DISPOSES_T2:
        usual = "A" if code in _ACQUIRES_T2 else "D"
        draft.notes.append(
            (
                "acquired_disposed",
                f"(A)/(D) column unclear; left empty (code {code} usually goes {usual})",
            )
        )
        return None
    draft.notes.append(
        ("acquired_disposed", f"(A)/(D) column unclear; left empty (aligned nearer {placed})")
    )
    return None


def _check_direction(draft: Draft, acquires: frozenset[str], disposes: frozenset[str]) -> None:
    """A code that usually goes one way (a grant or purchase acquires, a sale or an exercised
    option disposes) against the (A)/(D) read: a cell lost or added before the amount moves it
    to the other side (an option grant read as a disposal). Filers do write the other side at
    times, so the side read is kept, with a doubt."""
    v = draft.values
    code, side = v.get("code"), v.get("acquired_disposed")
    if side is None or not isinstance(code, str):
        return
    if (side == "A" and code in disposes) or (side == "D" and code in acquires):
        draft.notes.append(
            ("acquired_disposed", f"({side}) read, but code {code} usually goes the other way")
        )


_TXN_SIGNS = ("transaction_date", "deemed_execution_date", "shares", "price")
"""What shows a row is a transaction beside its code."""


def _window_date_alone(draft: Draft, fields: tuple[str, ...]) -> None:
    """A Table II row with a date read as the transaction's and an expiration date, but no
    code, amount, price or date exercisable, and nothing of them unread (pdftotext-layout, an
    option held: ``Deferred  $2.83  09/04/2016(4)  08/04/2026  Class A ...``): a holding
    prints its window's two dates and no transaction's, so the first date may be the date
    exercisable as well as a transaction's whose code and amount the text lost. Which, the row
    does not say: left empty with a doubt (it had been read as the transaction's date)."""
    v = draft.values
    date = v.get("transaction_date")
    if (
        "date_exercisable" not in fields
        or date is None
        or v.get("expiration_date") is None
        or v.get("date_exercisable") is not None
        or any(v.get(f) is not None for f in ("code", "shares", "price", "deemed_execution_date"))
        or draft.code_unsure
        or draft.date_unread
        or any(f in ("code", "shares", "date_exercisable") for f, _ in draft.notes)
    ):
        return
    draft.leave_empty(
        "transaction_date",
        f"{date} read as a transaction's date in a row with no code, amount or price and an"
        " expiration date: a held derivative's date exercisable as well; left empty",
    )


def _lone_window_date(draft: Draft, fields: tuple[str, ...]) -> None:
    """A Table II row of cells with one window date and no footnote marker on either window
    cell (markitdown: ``| Series B-1 | $1.60 | | | | 06/10/2023 | Class A 68,250 | ...`` with
    ``(3)`` pushed onto a line below): which of the two dates it is, its cell does not say,
    for markdown merges the window's cells and their captions (the same shape was the date
    exercisable on the work list's 000106299323011116, ``(1)`` the expiration's, and the
    expiration date on remix seed 1041, ``(3)`` the date exercisable's). Left empty with a
    doubt (the first window column had been taken)."""
    v = draft.values
    if "date_exercisable" not in fields or draft.window_by_caption:
        return
    dates = [f for f in ("date_exercisable", "expiration_date") if v.get(f) is not None]
    marked = [f for f in ("date_exercisable", "expiration_date") if draft.footnotes.get(f)]
    if len(dates) != 1 or marked:
        return
    if any(f in ("date_exercisable", "expiration_date") for f, _ in draft.notes):
        return  # (the other window cell held something, read with a doubt already)
    if v.get("shares_owned_following") is None and v.get("ownership") is None:
        return  # (a line of no row, ``| ... | 3/1/2010 |``: a trust's date, weighed later)
    draft.leave_empty(
        dates[0],
        f"{v[dates[0]]} is the row's one window date, and no footnote marker beside it says"
        " which: the date exercisable or the expiration date; left empty",
    )


def check_row(draft: Draft, fields: tuple[str, ...], cells: bool = False) -> None:
    """Doubts worth a reviewer's eye: a transaction without date, code, amount or resulting
    balance. ``cells``: the row's cells are the converter's own (positions are cell indexes)."""
    v = draft.values
    code = v.get("code")
    if (
        code is not None
        and v.get("security_title") is not None
        and (v.get("shares_owned_following") is not None or v.get("ownership") is not None)
        and not any(v.get(f) is not None or any(g == f for g, _ in draft.notes) for f in _TXN_SIGNS)
    ):
        # a code is the only sign of a transaction in a row that shows a holding (its title,
        # and its balance or form), with no date, amount or price, read or unreadable
        # (``Common  I  400  I  By ...``: a tab damaged to ``I`` in a holding's row). Whether
        # the letter is a code or a stray character, the text does not say. (A line of a code
        # alone is a code pushed out of the row above: :func:`pushed_down` takes it.)
        v["code"] = None
        draft.notes.append(
            (
                "code",
                f"{code!r} read as a code in a row with no date, amount or price: a transaction"
                " the rest of the row does not show, or a stray letter; unsure, left empty",
            )
        )
    _window_date_alone(draft, fields)
    if cells:
        _lone_window_date(draft, fields)
    is_txn = (
        v.get("transaction_date") is not None
        or v.get("code") is not None
        or draft.code_unsure
        or draft.date_unread
    )
    if is_txn:
        v.setdefault("voluntary", False)
        if v.get("shares") is None and not any(f == "shares" for f, _ in draft.notes):
            draft.notes.append(("shares", NO_AMOUNT))
            if v.get("acquired_disposed") is None and (
                "acquired_disposed" in fields or "shares_a" in fields
            ):
                # the (A) or (D) beside the amount went with it (``2,390 D`` in a lost cell)
                draft.notes.append(("acquired_disposed", NO_SIDE))
        if v.get("transaction_date") is None and not any(
            f == "transaction_date" for f, _ in draft.notes
        ):
            draft.notes.append(("transaction_date", "transaction code without a date"))
        if v.get("code") is None and not any(f == "code" for f, _ in draft.notes):
            draft.notes.append(("code", "transaction date without a transaction code"))
    else:
        # an amount or a price of a transaction in a row with none: a shifted or repeated cell
        for f, what in (("shares", "amount"), ("price", "price")):
            shown = v.get(f)
            if shown is None:
                continue
            v[f] = None
            draft.set_aside[f] = shown
            if f == "shares" and v.get("acquired_disposed") is not None:
                draft.set_aside["acquired_disposed"] = v["acquired_disposed"]
                draft.notes.append(
                    ("acquired_disposed", f"its side ({v['acquired_disposed']}) {SET_ASIDE}")
                )
            if f == "shares":
                v.pop("acquired_disposed", None)
            draft.notes.append((f, f"{shown} in the {what} column {SET_ASIDE}"))
            at = next((draft.where[c] for c in (f, f"{f}_a", f"{f}_d") if c in draft.where), None)
            if cells and at is not None:
                # one cell held it and a value read elsewhere (``$3.9 5``): two values a
                # converter merged, or one with a stray space inside; the other is unsure too
                for g, x in draft.where.items():
                    if x == at and g not in (f, f"{f}_a", f"{f}_d") and v.get(g) is not None:
                        draft.notes.append(
                            (g, f"read from the cell that also held {shown}; unsure")
                        )
        balance = v.get("shares_owned_following")
        if (
            "shares" in draft.set_aside
            and v.get("ownership") is None
            and isinstance(balance, Decimal)
            and 0 <= balance < 10
        ):
            # ``INNSUITES   4,002,800   7   See Footnotes``: a holding's one amount, and a digit
            # where the ownership form stands (its ``I`` garbled, or a marker's rest): which is
            # the balance, the text does not say
            v["shares_owned_following"] = None
            draft.notes.append(
                (
                    "shares_owned_following",
                    f"{balance} after the amount {draft.set_aside['shares']} in a row with no"
                    " date, code or ownership form: the balance, or the form garbled beside"
                    " it? left empty",
                )
            )
    if (
        "ownership" in fields
        and v.get("ownership") is None
        and not any(f == "ownership" for f, _ in draft.notes)
    ):
        draft.notes.append(("ownership", "no ownership form (D or I)"))
    if v.get("shares_owned_following") is None and not any(
        f == "shares_owned_following" for f, _ in draft.notes
    ):
        draft.notes.append(("shares_owned_following", "no amount owned following"))
