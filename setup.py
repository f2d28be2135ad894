"""Build hook: the text parser compiled to C with mypyc, where a wheel is built.

The text parser spends its time in Python-level string work spread over many small rules, so no
one rule dominates a profile; compiling its modules (already fully typed for mypy) runs the same
code about 1.4 times faster. The compiled modules must read every text exactly as the Python
source does: ``.ci/run`` builds them and checks the parse output of the seeds and the rendering
regression set against the source's.

* ``pip install .`` (a wheel) compiles ``parsers/text``; ``HOLDINGS_PURE_PYTHON=1`` skips it.
* ``pip install -e .`` (an editable install, for working on the code) never compiles: a compiled
  module sits beside its source and would shadow every later edit of it.
* If mypyc is missing or the compiler fails, the package installs as pure Python, with a
  warning: the parser is the same, only slower.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup  # type: ignore[import-untyped]

COMPILED = sorted(str(p) for p in Path("parsers/text").glob("*.py"))


def _editable() -> bool:
    return any(arg in ("editable_wheel", "develop") for arg in sys.argv)


def _ext_modules() -> list[Any]:
    if os.environ.get("HOLDINGS_PURE_PYTHON") or _editable() or "bdist_wheel" not in sys.argv:
        return []
    try:
        from mypyc.build import mypycify

        # the project's mypy settings (pyproject.toml), but only the text parser is checked: the
        # rest of the tree is read for its types, and libraries not in the build are Any
        flags = ["--ignore-missing-imports", "--follow-imports=silent"]
        return mypycify([*flags, *COMPILED], opt_level="3", group_name="holdings_text")
    except (Exception, SystemExit) as exc:  # no compiler, or mypyc refused: pure Python
        print(f"warning: text parser not compiled ({exc}); installing pure Python", file=sys.stderr)
        return []


setup(ext_modules=_ext_modules())
