"""A person's history, or an issuer's insiders, as a page a human can read: charts of each
position's running balance against what the filings reported on a calendar axis that zooms,
discrepancies marked, trades valued, filings linked to EDGAR, and the events beneath."""

from holdings.report.build import NoEvents
from holdings.report.write import write_all_reports, write_issuer_report, write_person_report

__all__ = ["NoEvents", "write_all_reports", "write_issuer_report", "write_person_report"]
