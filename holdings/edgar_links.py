"""Where a filing lives on EDGAR: the filing index page of an accession number.

EDGAR files a submission under every CIK it concerns (the issuer's and each reporting
owner's); the issuer's folder is the one a reader browsing a company expects, so it is
preferred, and the owner's is used where the issuer's CIK is not known. A filing without an
accession number (a text rendering, say) has no address: ``None``, never a guessed one.
"""

from __future__ import annotations

import re

EDGAR_ARCHIVES = "https://www.sec.gov/Archives/edgar/data"

_ACCESSION = re.compile(r"^(\d{10})-?(\d{2})-?(\d{6})$")


def filing_index_url(
    accession: str | None, issuer_cik: str | None, owner_cik: str | None = None
) -> str | None:
    """``https://www.sec.gov/Archives/edgar/data/<CIK>/<accession without dashes>/``."""
    if not accession:
        return None
    m = _ACCESSION.match(accession.strip())
    if m is None:
        return None
    for cik in (issuer_cik, owner_cik):
        digits = (cik or "").strip()
        if digits.isdigit() and int(digits) > 0:
            return f"{EDGAR_ARCHIVES}/{int(digits)}/{''.join(m.groups())}/"
    return None
