"""Whether a phrase stands whole in running text (footnotes, remarks), as written.

A footnote names a security or a company as the filer typed it (``Each share of Series E
Preferred Stock will convert into one share of Class B Common Stock``; ``... undertakes to
provide AAR CORP. any security holder ...``), so a reading of run-together cells whose text
stands there whole is the filer's own wording. Whole means whole words, the case as written,
and no capitalised word running on before or after it: ``Class B Common`` in ``of Class B
Common Stock will`` is a part of a longer name, not a name printed whole.
"""

from __future__ import annotations

import re

_WORD_ON = re.compile(r" [A-Z0-9]")
"""A capitalised word (or a number) right after a phrase: the phrase runs on into it."""


def stands_whole(phrase: str, text: str) -> bool:
    """Whether ``phrase`` (two words or more) stands in ``text`` as written, whole words, at
    least once with no capitalised word running on before or after it (a name's part is no
    name: ``Class B Common`` in ``... of Class B Common Stock will ...``)."""
    words = phrase.split()
    if len(words) < 2 or not text:
        return False
    for word in words:  # (each word stands in the text as written, or no match can)
        if word not in text:
            return False
    pattern = r"(?<![^\W_])" + r"\s+".join(map(re.escape, words)) + r"(?![^\W_])"
    for m in re.finditer(pattern, text):
        at = m.start()
        if at > 0 and text[at - 1] == " ":
            window = text[max(0, at - 80) : at - 1].split()  # the word before, not the text
            last = window[-1] if window else ""
            if last and (last[0].isupper() or last[0].isdigit()) and last[-1] not in ".,;:)":
                continue  # ``Series E Preferred Stock``: ``Preferred Stock`` is its part
        if _WORD_ON.match(text, m.end()):
            continue
        return True
    return False
