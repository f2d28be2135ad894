"""docs/API.md is run as it is written: its examples are the API's tests on the seeds."""

from __future__ import annotations

import doctest
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS


def test_api_md_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The layout the examples assume: the repository, with shared/seeds beside it.
    shutil.copytree(SEEDS, tmp_path / "shared" / "seeds")
    (tmp_path / "repo").mkdir()
    monkeypatch.chdir(tmp_path / "repo")
    monkeypatch.delenv("HOLDINGS_DB", raising=False)
    result = doctest.testfile(
        str(ROOT / "docs" / "API.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False,
    )
    assert result.attempted > 20
    assert result.failed == 0
    assert (tmp_path / "repo" / "qlys.html").is_file()


def test_export_md_lists_every_column_of_every_file() -> None:
    from holdings.arrow import ALL_TABLES

    text = (ROOT / "docs" / "EXPORT.md").read_text(encoding="utf-8")
    for table in ALL_TABLES:
        assert f"### {table.name}.parquet" in text
        for column in table.columns:
            assert f"| `{column.name}` | `{column.type}` |" in text, (table.name, column.name)
