"""Shortcuts of the per-row table pipeline (issue #16) answer as the work they skip."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.text import captions, debris, drafts, mending, stray_rows, transposed
from parsers.text.cells import BLANK, PIPE, PLAIN, Row

_WORDS = st.sampled_from(
    ["Common", "Stock", "2021", "A", "l", "²", "(1)", "Trust)", "$0.01", "Inc.", "™", "é", "Ⅻ"]
    + [" ", "  ", "\t", "\xa0", "\ue000", "|", ")", "(", "’", "s"]
)


@settings(max_examples=800, deadline=None)
@given(parts=st.lists(_WORDS, min_size=1, max_size=12))
def test_plain_words_are_left_as_they_are(parts: list[str]) -> None:
    text = "".join(parts)
    if debris._plain_words(text):
        assert debris.clean_words(text) == text


def test_plain_words_take_the_common_titles() -> None:
    assert debris._plain_words("Common Stock")
    assert debris._plain_words("Class A Common Stock 2021")
    assert not debris._plain_words("Common  Stock")
    assert not debris._plain_words("Common Stock,")
    assert not debris._plain_words(" Stock")


def test_text_fields_keep_the_layout_order() -> None:
    layout = ("nature_of_ownership", "price", "security_title")
    assert debris.text_fields(layout) == ("nature_of_ownership", "security_title")


def test_a_region_is_asked_each_line_once_whether_it_is_captions() -> None:
    asked: list[str] = []

    def is_caption(text: str) -> bool:
        asked.append(text)
        return text.startswith("Title")

    rows = [
        Row(1, ("Title of Security",), (0,), PLAIN, "Title of Security"),
        Row(2, (), (), BLANK, ""),
        *[
            Row(3 + 2 * i + j, (text,), (0,), BLANK if not text else PLAIN, text)
            for i, pair in enumerate((("M", ""), ("5,250", ""), ("D", ""), ("S", "")))
            for j, text in enumerate(pair)
        ],
    ]
    transposed.untranspose(rows, is_caption, 11)
    assert sorted(asked) == sorted(set(asked))


def test_a_region_with_cells_is_no_dump_and_asks_nothing() -> None:
    asked: list[str] = []

    def is_caption(text: str) -> bool:
        asked.append(text)
        return False

    rows = [
        Row(1, ("M",), (0,), PLAIN, "M"),
        Row(2, ("Common Stock", "1"), (0, 1), PIPE, "Common Stock 1"),
    ]
    assert transposed.untranspose(rows, is_caption, 11) == rows
    assert asked == []


_TOKEN_CELLS = st.sampled_from(
    [
        *("Class", "Common Stock", "A", "S", "M", "D", "1", "0", "25", "5,449", "5,20"),
        *("5,208,879", "1,4", "14,849", "$2.50", "12/09/202", "4", "2/09/2016", "05/04/20"),
        *(")22", "20", "(1)", "N/A", "Immediately", "2021"),
    ]
)


@settings(max_examples=1500, deadline=None)
@given(
    cells=st.lists(_TOKEN_CELLS, min_size=1, max_size=9),
    piped=st.booleans(),
)
def test_mending_only_where_the_kinds_ask_is_mending_every_row(
    cells: list[str], piped: bool
) -> None:
    import copy
    import datetime as dt

    from parsers.text import ocr
    from parsers.text.tokens import tokenize

    header = dt.date(2022, 5, 4)
    tokens = tokenize(cells, list(range(len(cells))))
    every = copy.deepcopy(tokens)
    ocr.rebuild_dates(every, header)
    ocr.join_split_numbers(every)
    mending._join_class_letter(every)
    if piped:
        mending._join_cut_dates(every)
    mending.mend_tokens(tokens, header, piped)
    assert tokens == every


def test_a_cuts_words_are_its_cells_texts_over_the_lines() -> None:
    from parsers.text.wraps import Undecided, _cell_words, _readings

    u = Undecided(
        ("security_title", "underlying_title", "nature_of_ownership"),
        ("Class B", "Class A", "SMB Pacific"),
        ["Common Common 2021", "Stock Stock Charitable(2)", "Trust"],
        "",
    )
    readings = _readings(u)
    assert readings
    for path, texts in readings:
        words = _cell_words(path, 3)
        for c, text in enumerate(texts):
            assert " ".join([u.first[c], *(w.text for w in words[c])]) == text


_CAPTION_PIECES = st.sampled_from(
    [
        *captions._HEADER_WORDS,
        *captions._HEADER_STARTS,
        "Code",
        "INSTR",
        " ",
        "o",
        "(A) ",
        "Stock",
        "1",
    ]
)


@settings(max_examples=800, deadline=None)
@given(parts=st.lists(_CAPTION_PIECES, max_size=6))
def test_header_rows_are_told_as_by_every_keyword(parts: list[str]) -> None:
    text = "".join(parts)
    low = text.lower()
    every = low.startswith(captions._HEADER_STARTS) or any(w in low for w in captions._HEADER_WORDS)
    assert captions.is_header_row(text) == every
    assert {w for _, words in captions._HEADER_GROUPS for w in words} == set(captions._HEADER_WORDS)


_LINE_PIECES = st.sampled_from(
    ["Code", " V", " (A)", " (D)", "Date", " Exercisable", " 12/31/2024", " 1,000", " $5.00"]
    + [" Common", " Stock", " 4.", " Title", " of", " Security", " (Instr. 3)", "(1)", " D"]
)


@settings(max_examples=600, deadline=None)
@given(parts=st.lists(_LINE_PIECES, min_size=1, max_size=8))
def test_caption_lines_are_told_as_by_the_plain_tests(parts: list[str]) -> None:
    from parsers.text.tokens import DATE, NUM, TEXT, cell_templates

    text = "".join(parts).strip()
    tokens = cell_templates(text)
    plain = (
        captions.is_header_row(text)
        or stray_rows._NUMBERED_CAPTION.match(text) is not None
        or (
            bool(tokens)
            and not any(t[0] in (NUM, DATE) for t in tokens)
            and not any(t[0] == TEXT and t[4] for t in tokens)  # (a word a marker follows)
            and all(
                p in stray_rows._CAPTION_WORDS
                for t in tokens
                for p in stray_rows._WORD_PARTS.findall(t[1].lower())
            )
        )
    )
    assert stray_rows.is_caption_text(text) == plain


def test_a_new_draft_is_the_dataclass_default() -> None:
    assert drafts.new_draft(7, True) == drafts.Draft(7, plain=True)
    assert drafts.new_draft(8, False) == drafts.Draft(8)
    fields = set(drafts.Draft.__dataclass_fields__)
    made = drafts.new_draft(1, False)
    assert all(hasattr(made, f) for f in fields)
