"""A person's history as a page a human can read: charts of each position's running balance
against what the filings reported, discrepancies marked, and the events beneath."""

from holdings.report.build import NoEvents
from holdings.report.write import write_all_reports, write_person_report

__all__ = ["NoEvents", "write_all_reports", "write_person_report"]
