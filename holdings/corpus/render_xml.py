"""A drawn filing as an EDGAR ``ownershipDocument``, written with string templates.

The element structure follows the real filings in ``shared/realdata/xml`` (schema X0508): every
cell is ``<x><value>…</value><footnoteId id="F1"/></x>``, the transaction code's footnotes sit in
``transactionCoding``, holdings carry only the post-transaction amount and the ownership nature.
No XML library is involved: a hundred thousand files must be written in a minute or two.
"""

from __future__ import annotations

import datetime as dt

from holdings.corpus.generate import Doc, Row


def _esc(text: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def _ids(row: Row, field: str) -> str:
    ids = row.notes.get(field)
    if not ids:
        return ""
    return "".join(f'<footnoteId id="F{n}"/>' for n in ids)


def _cell(tag: str, value: object, row: Row, field: str, indent: str) -> str:
    refs = _ids(row, field)
    if value is None:
        if not refs:
            return ""
        return f"{indent}<{tag}>{refs}</{tag}>\n"
    text = value.isoformat() if isinstance(value, dt.date) else _esc(str(value))
    return f"{indent}<{tag}><value>{text}</value>{refs}</{tag}>\n"


def _coding(row: Row, indent: str) -> str:
    return (
        f"{indent}<transactionCoding>\n"
        f"{indent}    <transactionFormType>4</transactionFormType>\n"
        f"{indent}    <transactionCode>{row.code}</transactionCode>\n"
        f"{indent}    <equitySwapInvolved>0</equitySwapInvolved>\n"
        + (f"{indent}    {_ids(row, 'code')}\n" if row.notes.get("code") else "")
        + f"{indent}</transactionCoding>\n"
    )


def _nature(row: Row, indent: str) -> str:
    inner = indent + "    "
    return (
        f"{indent}<ownershipNature>\n"
        + _cell("directOrIndirectOwnership", row.ownership, row, "ownership", inner)
        + _cell("natureOfOwnership", row.nature, row, "nature_of_ownership", inner)
        + f"{indent}</ownershipNature>\n"
    )


def _post(row: Row, indent: str) -> str:
    inner = indent + "    "
    return (
        f"{indent}<postTransactionAmounts>\n"
        + _cell(
            "sharesOwnedFollowingTransaction", row.following, row, "shares_owned_following", inner
        )
        + f"{indent}</postTransactionAmounts>\n"
    )


def _non_derivative(row: Row) -> str:
    i = "            "
    if row.holding:
        return (
            "        <nonDerivativeHolding>\n"
            + _cell("securityTitle", row.title, row, "security_title", i)
            + _post(row, i)
            + _nature(row, i)
            + "        </nonDerivativeHolding>\n"
        )
    j = i + "    "
    return (
        "        <nonDerivativeTransaction>\n"
        + _cell("securityTitle", row.title, row, "security_title", i)
        + _cell("transactionDate", row.date, row, "transaction_date", i)
        + _coding(row, i)
        + f"{i}<transactionAmounts>\n"
        + _cell("transactionShares", row.shares, row, "shares", j)
        + _cell("transactionPricePerShare", row.price, row, "price", j)
        + _cell("transactionAcquiredDisposedCode", row.acquired, row, "acquired_disposed", j)
        + f"{i}</transactionAmounts>\n"
        + _post(row, i)
        + _nature(row, i)
        + "        </nonDerivativeTransaction>\n"
    )


def _derivative(row: Row) -> str:
    i = "            "
    j = i + "    "
    tag = "derivativeHolding" if row.holding else "derivativeTransaction"
    out = [
        f"        <{tag}>\n",
        _cell("securityTitle", row.title, row, "security_title", i),
        _cell("conversionOrExercisePrice", row.exercise_price, row, "exercise_price", i),
    ]
    if not row.holding:
        out += [
            _cell("transactionDate", row.date, row, "transaction_date", i),
            _coding(row, i),
            f"{i}<transactionAmounts>\n",
            _cell("transactionShares", row.shares, row, "shares", j),
            _cell("transactionPricePerShare", row.price, row, "price", j),
            _cell("transactionAcquiredDisposedCode", row.acquired, row, "acquired_disposed", j),
            f"{i}</transactionAmounts>\n",
        ]
    out += [
        _cell("exerciseDate", row.exercisable, row, "date_exercisable", i),
        _cell("expirationDate", row.expiration, row, "expiration_date", i),
        f"{i}<underlyingSecurity>\n",
        _cell("underlyingSecurityTitle", "Common Stock", row, "underlying_title", j),
        _cell("underlyingSecurityShares", row.underlying_shares, row, "underlying_shares", j),
        f"{i}</underlyingSecurity>\n",
        _post(row, i),
        _nature(row, i),
        f"        </{tag}>\n",
    ]
    return "".join(out)


def render_xml(doc: Doc) -> str:
    p = doc.person
    s = p.issuer
    flag = {True: "1", False: "0"}
    head = [
        '<?xml version="1.0"?>\n<ownershipDocument>\n\n',
        "    <schemaVersion>X0508</schemaVersion>\n\n",
        f"    <documentType>{doc.form_type}</documentType>\n\n",
        f"    <periodOfReport>{doc.period.isoformat()}</periodOfReport>\n\n",
    ]
    if doc.original_filed is not None:
        head.append(
            f"    <dateOfOriginalSubmission>{doc.original_filed.isoformat()}"
            "</dateOfOriginalSubmission>\n\n"
        )
    head += [
        "    <notSubjectToSection16>0</notSubjectToSection16>\n\n",
        f"    <aff10b5One>{flag[doc.aff10b5]}</aff10b5One>\n\n",
        "    <issuer>\n",
        f"        <issuerCik>{s.cik}</issuerCik>\n",
        f"        <issuerName>{_esc(s.name)}</issuerName>\n",
        f"        <issuerTradingSymbol>{s.ticker}</issuerTradingSymbol>\n",
        "    </issuer>\n\n",
        "    <reportingOwner>\n",
        "        <reportingOwnerId>\n",
        f"            <rptOwnerCik>{p.cik}</rptOwnerCik>\n",
        f"            <rptOwnerName>{_esc(p.box1)}</rptOwnerName>\n",
        "        </reportingOwnerId>\n",
        "        <reportingOwnerAddress>\n",
        f"            <rptOwnerStreet1>C/O {_esc(s.name)}</rptOwnerStreet1>\n",
        f"            <rptOwnerStreet2>{_esc(s.street)}</rptOwnerStreet2>\n",
        f"            <rptOwnerCity>{s.city}</rptOwnerCity>\n",
        f"            <rptOwnerState>{s.state}</rptOwnerState>\n",
        f"            <rptOwnerZipCode>{s.zip}</rptOwnerZipCode>\n",
        "            <rptOwnerStateDescription></rptOwnerStateDescription>\n",
        "        </reportingOwnerAddress>\n",
        "        <reportingOwnerRelationship>\n",
        f"            <isDirector>{flag[p.is_director]}</isDirector>\n",
        f"            <isOfficer>{flag[p.is_officer]}</isOfficer>\n",
        "            <isTenPercentOwner>0</isTenPercentOwner>\n",
        "            <isOther>0</isOther>\n",
    ]
    if p.officer_title:
        head.append(f"            <officerTitle>{_esc(p.officer_title)}</officerTitle>\n")
    head += ["        </reportingOwnerRelationship>\n", "    </reportingOwner>\n\n"]
    body = ["    <nonDerivativeTable>\n"]
    body += [_non_derivative(r) for r in doc.non_derivative]
    body.append("    </nonDerivativeTable>\n\n    <derivativeTable>\n")
    body += [_derivative(r) for r in doc.derivative]
    body.append("    </derivativeTable>\n\n    <footnotes>\n")
    body += [
        f'        <footnote id="F{n}">{_esc(text)}</footnote>\n'
        for n, text in enumerate(doc.footnotes, 1)
    ]
    body.append("    </footnotes>\n\n")
    if doc.remarks:
        body.append(f"    <remarks>{_esc(doc.remarks)}</remarks>\n\n")
    body += [
        "    <ownerSignature>\n",
        f"        <signatureName>{_esc(p.signature)}</signatureName>\n",
        f"        <signatureDate>{doc.filed.isoformat()}</signatureDate>\n",
        "    </ownerSignature>\n",
        "</ownershipDocument>\n",
    ]
    return "".join(head) + "".join(body)
