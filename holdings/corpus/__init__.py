"""Synthetic but internally consistent insider histories, written as EDGAR ownership XML, text
renderings and the SEC bulk data set, with a ``truth.json`` that says what the ledger must find.

A test that ingests them knows every final balance and every injected discrepancy in advance, so
the whole pipeline (parsers, classification, store, audit, snapshot) is checked against figures
that do not come from the code under test.
"""

from __future__ import annotations

from holdings.corpus.build import CorpusSummary, write_corpus

__all__ = ["CorpusSummary", "write_corpus"]
