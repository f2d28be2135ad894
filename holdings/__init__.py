"""holdings-ledger: SEC Form 4 filings as an event-sourced ledger of insider holdings."""

__version__ = "0.1.0"
