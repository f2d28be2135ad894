"""Table I and Table II rows, from the lines of a table region to row values with notes.

The form fixes the order of the columns; a rendering does not fix where they land. Each data
row is read as typed tokens (:mod:`parsers.text.tokens`), mended where OCR or a
converter broke it (:mod:`parsers.text.ocr`), and aligned to the form's column order
(:mod:`parsers.text.columns`). Lines with words but no values are wrapped parts of a
neighbouring row; blocks of column captions are skipped however many lines they wrap over.

This module walks a table's lines and decides what each one is; the reading of one line is
:mod:`parsers.text.table_row`, a row printed over two lines is :mod:`parsers.text.pushed`,
lines read as rows that are none are :mod:`parsers.text.stray_rows`, and wrapped words are
:mod:`parsers.text.wrapped_lines`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from decimal import Decimal
from itertools import pairwise

from parsers.text import wraps
from parsers.text.captions import (
    CaptionTexts,
    NamedCells,
    ad_positions,
    caption_cells,
    caption_texts,
    date_anchors,
    header_cells,
    is_header_row,
    scan_ad_offsets,
    title_cells,
    torn_instruction,
    window_cells,
)
from parsers.text.cells import EMPTY, LOOSE, PIPE, PLAIN, SEP, SPACE, TABLED, Row, clean
from parsers.text.columns import SHARE_FIELDS, TEXT_FIELDS
from parsers.text.debris import (
    DASHES,
    HAS_WORD,
    JUNK_HEAD,
    are_speckles,
    clean_text,
    short_specks,
)
from parsers.text.drafts import Draft
from parsers.text.mending import (
    amount_after_by,
    amount_after_digits,
    code_five,
    digit_read_as_letter,
    garbled_values,
    number_before_the_exercise_price,
    ruled_marker_letter,
    year_after_due,
    year_among_a_cells_words,
    year_opening_a_scan_line,
    year_words,
)
from parsers.text.placing import UNSURE_FRAG
from parsers.text.pushed import (
    ROW_OPENERS,
    caption_next,
    code_between,
    code_cells_below,
    form_places,
    form_pushed_below,
    form_under_column,
    has_value,
    lacks_code,
    orphan_amount,
    orphan_code,
    orphan_code_and_date,
    par_value_words,
    plain_next,
    price_or_par_below,
    pushed_code,
    pushed_down,
    rest_below,
    row_above,
    scan_code_below,
    scan_pushed_down,
    states_ownership,
    title_below,
    title_goes_on,
    title_next,
    values_next,
    wants_its_par_amount,
    wrapped_cells,
)
from parsers.text.stray_rows import (
    caption_across_row_off,
    captions_off,
    closes_unopened,
    drop_closing,
    drop_debris,
    hollow,
    is_caption_line,
    par_value_set_aside,
    real_rows,
    values_under_captions,
)
from parsers.text.table_row import cell_broken_off, read_row, title_left_above
from parsers.text.tokens import (
    DATE,
    FRAG,
    IMMED,
    LETTER,
    MARKER,
    NA,
    NUM,
    TEXT,
    Token,
    tokenize,
    tokenize_plain,
)
from parsers.text.wrapped_lines import (
    PAGE_FURNITURE,
    REPEATS,
    attach,
    nature_cells_below,
    nature_column,
    nature_open,
    split_wrapped,
    title_column_end,
    title_frag,
    title_width,
    title_words,
    words_left_below,
    year_among_words,
    year_of_a_nature,
)


def scanned(rows: list[Row]) -> bool:
    """A scan read back by OCR starts every line of a table at the margin (layout text indents
    a wrapped line under its column): no line with a letter starts further in. A line with no
    letter says nothing of it (a scan keeps the indent of a caption's lone ``4)``)."""
    return not any(
        r.shape == SPACE and r.xs[0] >= 4 and any(c.isalpha() for c in r.text) for r in rows
    )


def cut_in_a_scan(draft: Draft) -> None:
    """A scan's title or underlying title that ends mid-phrase (``Class B Common``, ``Common
    Stock,``, ``... (settled in``, ``Ordinary Shares, nominal value``): a scan loses or moves a
    wrapped line now and then, so the rest was lost (remix seed 1213's scan: eleven such
    values, each read as a whole title). Left empty with a doubt; a converter's text, which
    keeps its lines, is not asked."""
    for f in ("security_title", "underlying_title"):
        text = draft.values.get(f)
        if isinstance(text, str) and wraps.ends_mid_phrase(text):
            draft.leave_empty(
                f,
                f"{text!r} ends mid-phrase, and a scan may lose a wrapped line: its rest was"
                " not read; left empty",
            )
        elif isinstance(text, str) and wraps.runs_past_its_end(text):
            # ``Common Stock, $.001 par value Subordinate Voting Shares`` (remix seed 1233's
            # scan): a lost row's title joined after the cells were cleaned
            draft.leave_empty(
                f,
                f"{text!r} runs on past where a title ends (a lost row's title run in?); left"
                " empty",
            )


def read_table(
    rows: list[Row],
    fields: tuple[str, ...],
    header_date: dt.date | None,
    alternates: tuple[tuple[str, ...], ...] = (),
    orphans: list[str] | None = None,
) -> list[Draft]:
    """Every data row of one table region, with wrapped lines folded into their row.

    A line with words but no values is part of a neighbouring row whose title (or nature of
    ownership, or underlying title) wrapped. Where values sit on their row's first line, it
    continues the row above unless the row below visibly starts mid-title (lower case or "("),
    or there is no row above to continue. Where a table shows values below their row's first
    line (a converter centred the cells vertically: a title line right after the captions
    gives it away), the lines between two value rows are split between them by
    :func:`split_wrapped`. In layout text, numbers under the title or nature-of-ownership
    captions are words (``par value $0.001``, ``2017 Irrevocable Trust``), and a browser's
    print header or footer at a page break is skipped. Values with no title and no
    transaction are not a row (:func:`real_rows`).
    ``alternates`` are sibling layouts (Form 4 and Form 5 differ only by the V column) whose
    cell count a converter's template may have kept; they only lend cell positions.
    """
    drafts: list[Draft] = []
    # Layout text places a wrapped line's words under their column; in plain text (one run of
    # words a line) or a converter's orphan line between pipe rows, only the order is left.
    shapes = {r.shape for r in rows}
    placed_cols = SPACE in shapes
    # a scan read back by OCR starts every line at the margin: a wrapped line's first words
    # then do not say which column they sit under (layout text indents them). A line with no
    # letter says nothing of it: a scan keeps the indent of a caption's lone ``4)`` (``(Instr.
    # 3 and 4)`` wrapped) and of nothing else
    flush = placed_cols and scanned(rows)
    tabled = not shapes.isdisjoint(TABLED)
    ad_x = None
    if "shares_a" in fields:
        ad_x = scan_ad_offsets(rows) if flush else ad_positions(rows)
    captions = caption_cells(rows) or header_cells(rows)
    date_x = date_anchors(rows) if "date_exercisable" in fields else None
    # markdown's caption rows, read once and only when asked: which cells hold the window
    # dates (a row's lone date) and the titles (a plain row's wrapped cells)
    read_caps: list[CaptionTexts | None] = []
    markdown_t2 = "date_exercisable" in fields and PIPE in shapes

    def caps() -> CaptionTexts | None:
        if not read_caps:
            read_caps.append(caption_texts(rows) if markdown_t2 else None)
        return read_caps[0]

    def window() -> NamedCells | None:
        return window_cells(caps())

    def below(host: Draft, lines: list[tuple[Row, list[Token]]]) -> None:
        """Wrapped lines folded into ``host``, the row above them."""
        celled = markdown_t2 and host.plain and any(r.shape is PIPE for r, _ in lines)
        attach(
            host,
            lines,
            fields,
            before=False,
            columns=placed_cols,
            flush=flush,
            kept=_columns(title_cells(caps())) if celled else None,
        )

    nature_x = nature_column(rows)
    title_end = title_column_end(rows)
    prev: Draft | None = None  # data row right above, with nothing but text lines between
    pending: list[tuple[Row, list[Token]]] = []  # text-only lines waiting for their row
    in_caption = False  # inside a block of column captions (a wrapped header spans many lines)
    middle = False  # values sit below the first line of their row (vertically centred cells)
    width: int | None = -1  # the title column's wrap width in layout text; -1: not measured
    shape: tuple[int, int] | None = None  # lines above and below the last row split so far
    form_xs: set[int] = set()  # where layout rows with values put their ownership form
    taken = -1  # lines up to this one were read into a row above, out of turn
    for k, row in enumerate(rows):
        if k <= taken:
            continue
        if (
            row.shape == SEP
            and prev is not None
            and (
                plain_next(rows, k, nature_open(prev))
                or values_next(rows, k)
                or title_next(rows, k, prev)
            )
        ):
            continue  # markdown's rule under a one-row table: the row's wrapped rest follows
        if row.shape in EMPTY and flush and prev is not None and not in_caption:
            continue  # a scan's blank line inside a row's wrapped cells ends nothing
        if row.shape == SEP and in_caption and prev is None and not pending:
            continue  # markdown's rule under a row of captions: more captions may follow it
        if row.shape in EMPTY:
            if pending and prev is not None:
                below(prev, pending)
                pending = []
            prev = None
            in_caption = False
            continue
        if row.shape in TABLED and "**Table" in row.text:
            row = caption_across_row_off(row)
        if row.shape is PIPE and "<br>" in row.text and "/" in row.text:
            row = _year_cut_off(row)
        if row.shape in TABLED and prev is not None and (why := code_between(rows, k)):
            prev.notes.append((None, why))
            continue
        code_line = None
        if row.shape in TABLED and (joined := code_cells_below(row, rows, k)) is not None:
            row, taken = joined  # (the code's raised marker split the row's cells)
            code_line = rows[taken].line
        if (
            not drafts
            and row.shape in TABLED
            and "<br>" in row.text
            and (whole := values_under_captions(row)) is not None
        ):
            row = whole  # a table of one row with its captions in its cells
        text = row.text
        if text[:1] in "hw0123456789" and PAGE_FURNITURE.match(text):
            continue  # invisible: the rows on either side of a page break still pair up
        # the table's first row with the sub-captions' lines on top of its values, taken off
        # before the captions' test (they make it read as captions: ``(Instr. 4)<br>I``)
        off = (
            captions_off(row)
            if in_caption and not drafts and row.shape in TABLED and "<br>" in text
            else row
        )
        if off is not row and not is_header_row(off.text):
            row, text = off, off.text
        if (
            not text
            or is_header_row(text)
            # ``8. P     P`` above the captions: a numbered caption the scan tore (``8. Price
            # of``); before a table's first row, a box's number opens no row
            or (not drafts and text[:1].isdigit() and _TORN_CAPTION.match(text) is not None)
            or (not drafts and flush and torn_instruction(text))
            or (not drafts and flush and _caption_scraps(text))
        ):
            prev = None
            pending = []
            in_caption = True
            continue
        row = off  # (captions_off of a row it took captions off leaves it as it is)
        if row.shape == PLAIN:
            tokens = tokenize_plain(row.cells[0], row.xs[0])
        else:
            tokens = tokenize(row.cells, row.xs, chars=row.shape == SPACE)
        if not tokens:
            continue
        if not drafts and row.shape in TABLED and _numbered_captions(tokens):
            prev = None
            pending = []
            in_caption = True
            continue
        if (
            prev is not None
            and not pending
            and row.shape == PLAIN
            and price_or_par_below(prev, rows, k, tokens, fields)
        ):
            taken = k + 1
            continue
        if (
            row.shape == SPACE
            and prev is not None
            and not pending
            and year_of_a_nature(prev, tokens)
        ):
            tokens[-1].kind, tokens[-1].value = TEXT, None
        if nature_x is not None and row.shape in LOOSE and tokens[-1].x >= nature_x:
            for t in tokens:  # ``member`` / ``2``, ``SMB Pacific`` / ``2021``: words, not values
                if t.x >= nature_x and t.kind in (NUM, DATE, NA, IMMED):
                    t.kind, t.value = TEXT, None
        par_value_words(tokens, row, row_above(rows, k))
        if row.shape in TABLED and any(t.kind == NUM and len(t.text) == 4 for t in tokens):
            year_among_a_cells_words(tokens, row)
        if "exercise_price" in fields:
            number_before_the_exercise_price(tokens)
            if "due" in row.text:
                year_after_due(tokens)
        if row.shape == PLAIN and prev is not None and not pending:
            year = year_among_words(prev, tokens)
            if year is not None:
                year.kind, year.value = TEXT, None
        if flush and row.shape == SPACE:
            year_words(tokens)
            year_opening_a_scan_line(tokens)
            code_five(tokens)
            digit_read_as_letter(tokens)
            amount_after_by(tokens)
            amount_after_digits(tokens)
            if "date_exercisable" in fields:
                ruled_marker_letter(tokens)
        elif (
            prev is not None
            and row.shape in TABLED
            and (
                wrapped_cells(
                    tokens,
                    prev.where.get("nature_of_ownership") if nature_open(prev) else None,
                    nature_open(prev),
                )
                or nature_cells_below(prev, tokens)
            )
        ):
            for t in tokens:  # ``SMB Pacific`` / ``2021``: a word of the nature, not a balance
                if t.kind == NUM:
                    t.kind, t.value = TEXT, None
        if row.shape is PIPE and _BREAK_BEFORE_WORD_REST.search(row.text):
            _numbers_in_a_cut_cell(row, tokens)
        if title_end is not None and row.shape in LOOSE and tokens[0].x < title_end:
            title_words(tokens, title_end, "exercise_price" in fields)
        elif tokens[-1].cell == 0 and row.shape in TABLED and len(tokens) > 1:
            title_words(tokens, 1)  # a row of cells with only its first cell filled: a wrap
        if row.shape == PLAIN and prev is not None and title_goes_on(prev, tokens):
            for t in tokens:  # ``Common Stock,`` / ``par value $0.001``: the title's rest
                t.kind, t.value = TEXT, None
        if flush and row.shape == SPACE and not has_value(tokens):
            garbled_values(tokens)
        if prev is not None and not pending and tabled and orphan_code(prev, row, tokens):
            continue
        if prev is not None and not pending and tabled and orphan_code_and_date(prev, row, tokens):
            continue
        if (
            prev is not None
            and not pending
            and row.shape == PLAIN
            and k
            and rows[k - 1].shape in (SEP, PIPE)  # (after the rule, or the block's last row)
            and form_pushed_below(prev, tokens)
        ):
            continue
        if (
            flush
            and len(tokens) > 1
            and tokens[-2].text[-1:].isalnum()  # a word's end, not a torn marker's
            and _torn_number_after(tokens[-2], tokens[-1])
        ):
            # a scan's row ending ``By immediate family member 2)``: the nature's number and a
            # marker's bracket, or a marker that lost its ``(``; with the word before it (the
            # cell is then left empty, :func:`clean_text`), not dropped as debris
            tokens[-1].kind = TEXT
        if (
            prev is None
            and drafts
            and k
            and rows[k - 1].shape == SEP
            and _noun_and_natures_number(row, tokens, drafts[-1])
        ):
            prev = drafts[-1]  # (markdown's rule cut no row: the one above goes on below it)
            for t in tokens[1:]:  # the nature's number, a word of its cell
                t.kind, t.value = TEXT, None
        if flush and _number_among_speckles(tokens):
            for t in tokens:  # (debris: the line is then no row)
                if t.kind == NUM:
                    if len(t.text) > 2:  # (an amount, maybe the row's: said as a doubt)
                        t.notes.append(UNSURE_FRAG + _AMONG_SPECKS)
                    t.kind, t.value = FRAG, None
        if flush and (
            _par_amount_in_words(tokens)
            or (pending and _wrapped_value_in_words(pending[-1][1], tokens))
            or (not pending and prev is not None and _amount_for_a_par_value(prev, tokens))
        ):
            for t in tokens:  # (words, the row above's rest)
                if t.kind in (DATE, NUM):
                    t.kind, t.value, t.dollar = TEXT, None, False
        if (
            not has_value(tokens)
            and not states_ownership(row, tokens)
            and not (not flush and form_under_column(row, tokens, form_xs, title_end))
            and not (prev is not None and row.shape in TABLED and pushed_code(prev, tokens))
        ):
            for a, b in pairwise(tokens):
                if _torn_number_after(a, b):
                    # ``member 2)``: the word's number and a marker's bracket, or a marker
                    # ``(2)`` that lost its ``(``: it goes with the word before it (its cell
                    # is then left empty, :func:`clean_text`), not dropped as debris
                    b.kind = TEXT
            if flush:
                for a, b in pairwise(tokens):
                    if b.kind == FRAG and a.cell != b.cell and _TORN_NUMBER_WORD.fullmatch(b.text):
                        # ``Stock 2)   ...   29)`` under ``By immediate family member``: a
                        # number and a torn marker in a cell of its own, a nature's number or
                        # its marker's digits; a word of that cell, not a speck dropped
                        b.kind = TEXT
            if "-" in row.text or "–" in row.text or "—" in row.text:
                # (in a scan too: a dash it kept between two words leaves the cell empty,
                # :func:`parsers.text.debris.clean_text`, a dash or a speck; one at the end of
                # the joined words is dropped there as a speck)
                for a, b in pairwise(tokens):
                    if a.cell != b.cell:
                        continue
                    if b.kind == NA and b.text in DASHES and a.kind == TEXT:
                        # ``| (PSUs) - |`` over ``| Relative TSR |``: a dash after a title's
                        # words in their cell is the title's (``Share Units (PSUs) - Relative
                        # TSR``, remix seed 1087), no value left empty
                        b.kind = TEXT
                    elif a.kind == NA and a.text in DASHES and b.kind == TEXT:
                        # ``| Share Units (PSUs) |`` over ``| - Relative TSR |`` (markitdown,
                        # remix seed 1157): a dash before them, the same (it had been dropped)
                        a.kind = TEXT
            words = [
                t
                for t in tokens
                if t.kind in (TEXT, MARKER, LETTER) or (t.kind == IMMED and t.text[0].islower())
            ]
            for t in words:  # ``Tranche`` / ``A``, ``By`` / ``immediate``: words of a name
                if t.kind in (LETTER, IMMED):
                    t.kind = TEXT
            if words and in_caption and not is_caption_line(words):
                in_caption = False  # the first row's wrapped title, above its values
            if words and not in_caption:
                pending.append((row, words))
            continue
        after_caption, in_caption = in_caption, False
        if prev is not None and not pending and tabled and orphan_amount(prev, row, tokens, fields):
            continue
        draft = read_row(
            row,
            tokens,
            fields,
            header_date,
            ad_x,
            alternates,
            date_x,
            captions,
            flush,
            title_end,
            window,
        )
        if code_line is not None:
            draft.notes.append(
                (None, f"read the code from line {code_line}, pushed under the row; its cells"
                 " joined with the row's")
            )  # fmt: skip
        end = max(k, taken)
        if row.shape is PIPE and (end + 1 == len(rows) or rows[end + 1].shape is not PIPE):
            cell_broken_off(draft, row)  # (a pipe row below may go on with the cell's lines)
        draft.torn_caption = (
            flush
            and after_caption
            and all(d.torn_caption for d in drafts)
            and not draft.values.get("transaction_date")
            and (
                # ``C   5   4)`` above a caption line: what the scan kept of torn captions
                (not draft.values.get("security_title") and caption_next(rows, k))
                # ``Aor) 2   c25``: the ``(A) or (D)`` caption garbled; no title opens so
                or (tokens[0].kind == TEXT and closes_unopened(tokens[0].text))
                # ``(Aor D) 2    9``: the same caption, its brackets kept
                or _A_OR_D.match(row.text) is not None
            )
        )
        if row.shape == SPACE:
            form_xs.update(form_places(draft, tokens))
        if (
            prev is not None
            and not pending
            and not flush
            and (
                (
                    row.shape == SPACE
                    and (
                        pushed_down(prev, draft)
                        or (lacks_code(prev, draft) and pushed_down(prev, draft, ROW_OPENERS[:3]))
                    )
                )
                or (
                    row.shape in TABLED
                    and k
                    and (rows[k - 1].shape == SEP or lacks_code(prev, draft))
                    and pushed_down(prev, draft, ROW_OPENERS[:3])
                )
                or (
                    # a plain line past the rule under a row of cells with a date and no code
                    # (``| Restricted Stock | 12/13/2022 | | | 31,087 D | | 707,679 | ...`` /
                    # ``| --- |`` / ``S(2) $152.655(7)``: markitdown, remix seed 937, a phantom
                    # row of the code and price)
                    row.shape == PLAIN
                    and k > 1
                    and rows[k - 1].shape == SEP
                    and rows[k - 2].shape in TABLED
                    and rows[k - 2].line == prev.line
                    and prev.values.get("code") is None
                    and draft.values.get("code") is not None
                    # (its date read, or left empty as perhaps the deemed one: seed 941)
                    and _DATED.search(prev.text) is not None
                    and pushed_down(prev, draft, ROW_OPENERS[:3])
                )
                or (
                    row.shape in TABLED
                    and k
                    and draft.values.get("transaction_date") is None  # (most rows: a date)
                    and (rows[k - 1].shape == SEP or rows[k - 1].shape in TABLED)
                    and rest_below(prev, draft)
                )
                or (
                    # right under a row of cells, no rule between: values with no title,
                    # date or code of their own (``| Non-Qualifed | | 03/15/2025 | | M | ... |``
                    # / ``| | $0(3) | ... | (8) (5) | | $0(3) | ...|``: markdown split the
                    # row at its raised markers), in columns the row left empty
                    row.shape in TABLED
                    and k
                    and draft.values.get("transaction_date") is None
                    and (
                        rows[k - 1].shape in TABLED
                        # (or under the row's own plain line, which markitdown printed without
                        # the cells it put in this one: ``Deferred Stock 03/15/2025 M 265,772
                        # Class B ...`` / ``| | $2.79(3) | ... | (8) | (5) | | $176.74(3) |``,
                        # remix seed 923, a phantom row titled by the wrapped cells below)
                        or (prev.plain and prev.line == rows[k - 1].line)
                    )
                    and pushed_down(prev, draft)
                )
                or (
                    row.shape in TABLED
                    and k
                    # (past the rule the converter put inside the row, or with none between:
                    # ``| | 10/02/2015 | | S | 913 D | | 8,022 |`` / ``| Common Share(1) | ... |
                    # $640.895(8) |``, the title and price pushed down by their markers)
                    and (rows[k - 1].shape == SEP or rows[k - 1].shape in TABLED)
                    and title_below(prev, draft)
                )
            )
        ):
            continue
        if (
            prev is not None
            and not pending
            and flush
            and row.shape == SPACE
            and (
                (lacks_code(prev, draft) and scan_pushed_down(prev, draft))
                or scan_code_below(prev, draft)
            )
        ):
            continue
        draft.after_caption = after_caption
        if pending:
            title = str(draft.values.get("security_title") or "")
            lines = pending
            if prev is None:
                lines = drop_debris(draft, lines, first=all(d.torn_caption for d in drafts))
                if flush and lines:
                    lines = drop_closing(draft, lines)
                if flush and lines and draft.values.get("security_title"):
                    worded = [any(HAS_WORD.search(t.text) for t in w) for _, w in lines]
                    if not all(worded):
                        # ``(3)`` alone above ``Common Shares of  08/26/2019 ...`` (remix seed
                        # 1243's scan): a line of footnote markers holds no word of a title;
                        # it had left the title empty as words above the values do
                        marks = [r for (r, _), has in zip(lines, worded, strict=True) if not has]
                        said = " / ".join(r.text.strip() for r in marks)
                        draft.notes.append(
                            (None, f"line(s) '{said}' above the row's values hold footnote"
                             " markers alone, no word of its title: not placed")
                        )  # fmt: skip
                        lines = [x for x, has in zip(lines, worded, strict=True) if has]
                if flush and lines and draft.values.get("security_title"):
                    # a scan keeps a row's values on its first line, so words above them are
                    # debris or a lost row's; which, the text does not say
                    said = " / ".join(" ".join(t.text for t in w if t.text) for _, w in lines)
                    draft.values["security_title"] = None
                    draft.blurred.add("security_title")
                    draft.notes.append(
                        (
                            "security_title",
                            f"'{said}' above the row's values may be part of its title: left empty",
                        )
                    )
                    lines = []
                attach(draft, lines, fields, before=True, columns=placed_cols, flush=flush)
                draft.above = len(lines)
                # (a row whose title a raised marker left a line above its values is no sign
                # that the table centres its cells)
                middle = middle or (
                    not title_left_above(draft) and any(title_frag(r, w, draft) for r, w in lines)
                )
            elif middle:
                if width == -1:
                    width = title_width(rows)
                s = split_wrapped(prev, draft, pending, width, shape)
                shape = (prev.above, s)
                if s:
                    below(prev, lines[:s])
                if s < len(lines):
                    attach(draft, lines[s:], fields, before=True, columns=placed_cols, flush=flush)
                    draft.above = len(lines) - s
            elif (
                not title
                # (a title read and left empty with a doubt was on the row's line: the
                # words above are no start of it; remix seed 887's ``Common Stock, $.001
                # ...``, its title left empty, took the row above's ``Person's spouse``)
                and "security_title" not in draft.blurred
                and not flush
                # (the row's own title is in the row of cells under the next rule: the
                # converter cut the row there, :func:`title_below`)
                and not (
                    k + 1 < len(rows)
                    and rows[k + 1].shape == SEP
                    and title_next(rows, k + 1, draft)
                )
                # (its own title on the lines below it, the row above's open: the words
                # above are that row's rest, :func:`_own_title_below`)
                and not _own_title_below(prev, rows, k)
            ) or (title and not _opens_a_title(JUNK_HEAD.sub("", title) if flush else title)):
                # (a scan keeps a row's first lines on its value line: words above a row whose
                # title the scan lost are no start of it, but the row above's rest; a rule or
                # bracket the scan read before a title's first letter (``[Common Stock``) is
                # no middle of a title)
                attach(draft, lines, fields, before=True, columns=placed_cols, flush=flush)
                draft.above = len(lines)
                # (a scan keeps every row's first line on its value line: a line it garbled
                # into a row whose title opens in small letters is no sign that the table
                # centres its cells, and would put every later row's rest on the row below)
                # (a line of words and at most a date, ``dated 3/1/2010(2)`` under ``Common
                # Shares of ... I By Revocable Trust``, is no row: the words it took say nothing
                # of where a table's rows put their values; remix seed 863)
                middle = middle or (
                    not flush
                    and not hollow(draft)
                    and any(title_frag(r, w, draft) for r, w in pending)
                )
            else:
                below(prev, lines)
            pending = []
        drafts.append(draft)
        if tabled and row.shape == PLAIN and not any(t.kind in (TEXT, DATE) for t in tokens):
            continue  # a cell pushed out of the pipe row above: it opens no row of its own
        prev = draft
    if pending and prev is not None:
        below(prev, pending)
    elif pending and drafts:
        host = next(  # the last row of words (a line of values alone is no row)
            (d for d in reversed(drafts) if any(d.values.get(f) for f in TEXT_FIELDS)), None
        )
        if host is not None and host.plain:
            words_left_below(host, pending, fields)
    width = max((len(r.text.rstrip()) for r in rows), default=0) if flush else 0
    for d in drafts:
        clean_text(d, fields, scan=flush)
        if flush:
            _par_value_lost(d)
            _point_for_a_comma(d)
            _date_far_right(d, width)
            _short_year_in_a_scan(d)
    if placed_cols and not flush:  # (an OCR engine's flush lines keep no columns)
        _off_column(drafts)
    if flush and "date_exercisable" in fields:
        _window_by_rows(drafts)
    if flush:
        drafts = _values_lost(drafts)
        _title_past_a_siblings(drafts)
    if PIPE in shapes and SEP in shapes:  # (a markdown table has its rule under the captions)
        _cells_lost(drafts, rows)
    return real_rows(drafts, orphans)


_CAPTION_SCRAP = re.compile(r"\(?(?:\d\)|or|and|\(?[ad]\))", re.I)
_WHOLE_MARKER = re.compile(r"\(\d\)")
_AMONG_SPECKS = (
    "an amount among a scan's specks after a date it garbled, its column not shown (the row's,"
    " or a speck's?); left out"
)


def _caption_scraps(text: str) -> bool:
    """``3) (or      9`` right under the captions (remix seed 1267's scan, a table with no row):
    the rests of ``(Instr. 3)`` and ``(A) or (D)`` the scan tore from their words, and a
    number of a digit or two (a caption's, torn too); read as a row, a holding of 9 shares.
    Before a table's first row only, words that are all such scraps and one such number at
    most (a line of whole markers alone is weighed as markers: remix seed 1243's ``(3)``)."""
    words = text.split()
    nums = [w for w in words if w.isdigit()]
    scraps = [w for w in words if not w.isdigit()]
    return (
        len(nums) <= 1
        and all(len(n) <= 2 for n in nums)
        and (bool(nums) or not all(_WHOLE_MARKER.fullmatch(w) for w in scraps))
        and bool(scraps)
        and all(_CAPTION_SCRAP.fullmatch(w) for w in scraps)
    )


def _numbered_captions(tokens: list[Token]) -> bool:
    """A row of cells whose numbers are 1, 2, 3 ... in order, each a digit before words in its
    cell and no other value: the table's numbered column captions, their words garbled past
    the caption test (pymupdf4llm-layout, remix seed 1161: ``|1 Titl f Srit (Intr 4)<br>2
    Amnt|...|3 Onrhi Frm Dirt (D) r Indirt (I)|(Intr 5)<br>4|...``, the letters its font
    lost printed on the line below). Read as a row it had been a holding of 3 shares."""
    values = [t for t in tokens if t.kind in (NUM, DATE)]
    if len(values) < 3 or any(t.dollar or t.text != str(i) for i, t in enumerate(values, 1)):
        return False
    words = sum(
        1
        for a, b in pairwise(tokens)
        if a in values and b.kind == TEXT and b.cell == a.cell and b.text[:1].isalpha()
    )
    return words >= len(values) - 1


def _own_title_below(prev: Draft | None, rows: list[Row], k: int) -> bool:
    """A row of cells with no title, whose own title stands on the plain lines under it (past
    its rule), words alone closing on a footnote marker (markitdown: ``| Common Units | ... |
    56,154 | D |`` / ``representing limited partner`` / ``interests(1)`` / ``| | ... | 67,389 |
    D |`` / ``Ordinary Shares(1)``), under a row whose title no marker closed: the words above
    it are that row's rest, not this one's start (remix seed 1031, read ``representing limited
    partner interests Ordinary Shares``, wrong, and ``Common Units``, cut short)."""
    if prev is None or not prev.values.get("security_title") or "security_title" in prev.closed:
        return False
    j = k + 1
    while j < len(rows) and rows[j].shape == SEP:
        j += 1
    below: list[Row] = []
    while j < len(rows) and rows[j].shape == PLAIN:
        below.append(rows[j])
        j += 1
    if not below:
        return False
    tokens = [t for r in below for t in tokenize_plain(r.cells[0], r.xs[0])]
    return (
        bool(tokens)
        and all(t.kind == TEXT for t in tokens)
        and bool(tokens[-1].marks)
        and tokens[0].text[:1].isupper()
    )


def _title_past_a_siblings(drafts: list[Draft]) -> None:
    """A scan loses rows whole, their values and first lines, and keeps a wrapped line of
    theirs, which the row above then takes (``INNSUITES`` / ``HOSPITALITY REIT`` / ``Stock``,
    the ``Stock`` of a lost ``Class A Common`` row's title): where another row of the table
    reads, for sure, a title that this one's wrapped lines run past by whole words, and no row
    reads this one's, those words may be a lost row's: the title is left empty with a doubt."""
    titles = [
        d.values.get("security_title") if "security_title" not in d.blurred else None
        for d in drafts
    ]
    counts = Counter(t for t in titles if isinstance(t, str))
    for d, title in zip(drafts, titles, strict=True):
        if not isinstance(title, str) or counts[title] > 1 or d.title_raw is None:
            continue
        first = clean(d.title_raw)
        if title == first or not title.startswith(first):
            continue
        for other in counts:
            if len(first) <= len(other) < len(title) and title.startswith(other + " "):
                d.leave_empty(
                    "security_title",
                    f"{title!r} runs past {other!r}, another row's title, by words below the"
                    f" row ({title[len(other) :].strip()!r}): the rest of a row the scan lost,"
                    " or this title's; left empty",
                )
                break


def _cells_lost(drafts: list[Draft], rows: list[Row]) -> None:
    """A pipe row with fewer cells than the rows of its table: a converter writes every row
    of a markdown table with the same number of cells (none of 19,794 rows its renderings
    print breaks this), so a cell of the row was lost, and its values, placed by their kinds,
    may stand a column off (``| 9,6 | 86 |`` with ``9,6`` lost reads 86 shares): a doubt on
    the row."""
    lines = {d.line for d in drafts}
    counts: dict[tuple[int, int], int] = {}
    mine: list[Row] = []
    for r in rows:
        if r.shape is PIPE:
            key = (r.block, len(r.cells))
            counts[key] = counts.get(key, 0) + 1
            if r.line in lines:
                mine.append(r)
    by_line = {d.line: d for d in drafts} if mine else {}
    for row in mine:
        times, most = max((n, cells) for (block, cells), n in counts.items() if block == row.block)
        if len(row.cells) < most and times >= 3:
            by_line[row.line].notes.append(
                (
                    None,
                    f"the row has {len(row.cells)} cells where {times} rows of its table have"
                    f" {most}: a cell lost, so its values may stand a column off; unsure",
                )
            )


def _par_value_lost(draft: Draft) -> None:
    """A scan's title that ends on ``par value`` with no amount in it (``Common Stock, par
    value`` over ``$0,001)``, which the scan garbled and no rule read as the par value): the
    title wants its amount, so it was cut; left empty with a doubt. ``no par value`` and ``$0.01
    par value`` want none."""
    title = draft.values.get("security_title")
    if wants_its_par_amount(title):
        draft.leave_empty(
            "security_title",
            f"{title!r} ends on 'par value' with no amount: the amount was not read (the scan"
            " garbled or lost it); left empty",
        )


def par_value_wanting(draft: Draft) -> None:
    """Once every rule has read what it can (wrapped lines cut, lines pushed below taken back):
    a title that still ends on ``par value`` with no amount (``Common Stock, par value``, its
    ``$0.01 per share`` on a line below the nature's rest that no rule read as the title's,
    markitdown, remix seed 973) was cut short; left empty with a doubt. ``no par value`` and
    ``$0.01 par value`` want none."""
    for f in ("security_title", "underlying_title"):
        title = draft.values.get(f)
        if wants_its_par_amount(title):
            draft.leave_empty(
                f,
                f"{title!r} ends on 'par value' with no amount: the amount was not read as"
                " the title's (a line below, set apart or lost); left empty",
            )
    nature = draft.values.get("nature_of_ownership")
    if isinstance(nature, str) and _PAR_VALUE.search(nature):
        # ``By LLC Shares, par value`` beside ``Class A Ordinary`` (pdfplumber-text, remix
        # seed 1061): a title's wrapped words read as the nature's; no nature names a par value
        said = f"{nature!r} holds a title's 'par value': the wrapped words were cut wrongly"
        draft.leave_empty("nature_of_ownership", f"{said}; left empty")
        for f in ("security_title", "underlying_title"):
            if isinstance(draft.values.get(f), str) and f not in draft.closed:
                draft.leave_empty(f, f"{said}, so this cell's too; left empty")


_PAR_VALUE = re.compile(r"\bpar\s+value\b", re.I)


def _point_for_a_comma(draft: Draft) -> None:
    """A scan's amount of shares with five decimals or more (``73.48600`` where 73,486,000 was
    filed): a comma the scan read as a point (and a digit lost) gives such a tail; a filing
    states a fraction of a share to four places at most. Left empty with a doubt (a price may
    have more: ``$0.03790``)."""
    for f in sorted(SHARE_FIELDS):  # (in one order: the notes keep it)
        v = draft.values.get(f)
        exponent = v.as_tuple().exponent if isinstance(v, Decimal) else 0
        if isinstance(exponent, int) and exponent <= -5:
            draft.leave_empty(
                f,
                f"{v} has five decimals or more, which no amount of shares is filed with: a"
                " comma the scan read as a point? left empty",
            )


def _values_lost(drafts: list[Draft]) -> list[Draft]:
    """A scan's line with a title whose every value the scan garbled (``Class A Common Sock |
    04/1872022    ee    ee``): no date, code, amount, price, balance or ownership form read.
    Where the lines below it show rows the scan lost too (one printed twice: ``$0.01 par
    value`` / ``$0.01 par value``, :func:`_drop_lost_rows_lines`), they are as likely those rows'
    titles as its own (``value $0.001``, ``HOSPITALITY REIT``): with nothing to match it to a
    filed row, it is left out, with a note on the row above. Otherwise (``Class C Capital``
    / ``Stock`` over a balance the scan garbled) it stays, its values empty with doubts."""
    kept: list[Draft] = []
    for d in drafts:
        title = d.values.get("security_title")
        if (
            kept
            and title
            and any(f == "security_title" and REPEATS in m for f, m in d.notes)
            and any(m.startswith("could not read") for f, m in d.notes if f not in TEXT_FIELDS)
            and all(
                x is None for f, x in d.values.items() if f not in TEXT_FIELDS and f != "voluntary"
            )
        ):
            said = "; ".join(m for f, m in d.notes if f not in TEXT_FIELDS)
            kept[-1].notes.append(
                (
                    None,
                    f"line {d.line} (title {d.values['security_title']!r}) shows no value the"
                    f" scan kept readable ({said}): a row whose values the scan lost; left out",
                )
            )
            continue
        kept.append(d)
    return kept


def _window_by_rows(drafts: list[Draft]) -> None:
    """A scan's lone exercise-window date that nothing in its row places (no caption above it,
    no marker cell beside it) takes the column where the table's other rows place theirs for
    sure: a date within a few characters of the dates read as one window date, and nowhere
    near any read as the other. With no such row, or rows of both near it, it stays empty."""
    sure: dict[str, list[float]] = {}
    for d in drafts:
        for f, x in d.window.items():
            if f[0] not in "?~":
                sure.setdefault(f, []).append(x)
    if not sure:
        return
    for d in drafts:
        for key, x in list(d.window.items()):
            if key[0] != "~":
                continue
            # a lone date its caption placed: where the other rows place the other window
            # date in its column and none of its own, the captions (squeezed by the scan) lied
            own = key[1:]
            other = "expiration_date" if own == "date_exercisable" else "date_exercisable"
            if any(abs(sx - x) <= _WINDOW_FAR for sx in sure.get(other, ())) and not any(
                abs(sx - x) <= _WINDOW_FAR for sx in sure.get(own, ())
            ):
                value = d.values.get(own)
                d.values[own] = None
                d.notes.append(
                    (
                        own,
                        f"{value} stands under the {own.replace('_', ' ')}'s caption, but where"
                        f" the table's other rows place their {other.replace('_', ' ')}:"
                        " which window date it is, unsure; left empty",
                    )
                )
            del d.window[key]
    for d in drafts:
        if "?" not in d.window:
            continue
        x = d.window["?"]
        near = {f for f, xs in sure.items() if any(abs(sx - x) <= _WINDOW_NEAR for sx in xs)}
        if len(near) != 1:
            continue
        own = near.pop()
        other = "expiration_date" if own == "date_exercisable" else "date_exercisable"
        if any(abs(sx - x) <= _WINDOW_FAR for sx in sure.get(other, ())):
            continue
        d.values[own], d.values[other] = d.lone_date, None
        d.notes = [
            (f, m) for f, m in d.notes if not (f in (own, other) and m.startswith("one date ("))
        ]
        name = own.replace("_", " ")
        d.notes.append(
            (
                own,
                f"read {d.lone_date} as the {name}: nothing beside it says which window date it"
                f" is, and the table's other rows place their {name} in its column",
            )
        )
        del d.window["?"]


_DATED = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])")
"""A date as the form prints it, anywhere on a row's line."""


_WINDOW_NEAR = 4
"""Characters a scan's skew and spacing move a column by, from one row to the next."""


_WINDOW_FAR = 12


def settle_wraps(*tables: tuple[list[Draft], tuple[str, ...]], printed: str = "") -> None:
    """Cut the wrapped plain lines the rows left undecided (:mod:`parsers.text.wraps`), once
    both tables are read: a title either prints for sure helps cut the other's lines, and a
    row cut adds its titles for the rows after it. ``printed``: the text below the tables,
    where a title may stand whole."""
    drafts = [d for ds, _ in tables for d in ds]
    if not any(d.undecided is not None for d in drafts):
        return
    below = ""  # the text below the tables is asked only once the tables' own titles cut no more
    cuts: dict[int, wraps.Cuts] = {}  # (each row's, asked again round after round)
    rooms = [wraps.column_room(ds) for ds, _ in tables]  # (the first lines do not change)
    for _ in range(5):
        known = wraps.known_titles(drafts)
        changed = False
        for (ds, fields), room in zip(tables, rooms, strict=True):
            column = wraps.column_titles(ds)
            for d in ds:
                u = d.undecided
                if u is not None and wraps.settle(d, known, below, cuts, column, room):
                    clean_text(d, fields, scan=u.margin)  # (margin lines: a scan's)
                    par_value_set_aside(d)  # (the title's rest ``par value`` is known now)
                    changed = True
        if not changed:
            if below or not printed:
                return
            below = printed


_WORD_REST = re.compile(r"[a-z]{2,}")


_BREAK_BEFORE_WORD_REST = re.compile(r"<br>\s*[a-z]{2}")
"""A line opening on small letters: the rest of a word a cell border cut (``Rem`` | ``ainder``)."""


def _numbers_in_a_cut_cell(row: Row, tokens: list[Token]) -> None:
    """pymupdf4llm-layout: ``|SMB Pacific 20<br>Charitable Rem<br>Unitrust II|21<br>ainder|``:
    a border cut the nature's cell, and its right half holds a line of digits (``2021``'s
    ``21``) over a word's rest. Read as a value, the ``21`` was the balance and the row's
    values slid a column. A cell of lines after a cell of as many lines or more, whose later
    lines open on small letters, is the rest of that cell: its numbers are words."""
    cells = row.cells
    for c in range(1, len(cells)):
        lines = cells[c].split("<br>")
        later = [ln.strip() for ln in lines[1:] if ln.strip()]
        if not later or not all(_WORD_REST.match(ln) for ln in later):
            continue
        before = cells[c - 1].split("<br>")
        if len(before) < len(lines) or not any(ch.isalpha() for ch in cells[c - 1]):
            continue
        for t in tokens:
            if t.cell == c and t.kind == NUM:
                t.kind, t.value = TEXT, None


def _off_column(drafts: list[Draft]) -> None:
    """Layout text places a value under its column, and the table's rows show where each
    column is: a value read into one field while it stands where the other rows have another
    field's values (``3,012,785      0D``: a flipped byte made a ``0`` beside the form ``D``,
    and the balance was read as the price by type) is a doubt. A column's place is the middle
    of its values in at least three rows, so one row out of place does not move it."""
    spots: dict[str, list[float]] = {}
    for d in drafts:
        for f, x in d.centres.items():
            spots.setdefault(f, []).append(x)
    middle = {f: sorted(xs)[len(xs) // 2] for f, xs in spots.items() if len(xs) >= 3}
    if len(middle) < 2:
        return
    for d in drafts:
        for f, x in d.centres.items():
            own = middle.get(f)
            name = "shares" if f in ("shares_a", "shares_d") else f
            if own is None or d.values.get(name) is None or abs(x - own) <= 4:
                continue
            g, at = min(
                ((g, m) for g, m in middle.items() if g != f), key=lambda gm: abs(x - gm[1])
            )
            if abs(x - at) + 3 < abs(x - own) and {f, g} != {"shares_a", "shares_d"}:
                shown = d.values[name]
                d.notes.append(
                    (
                        name,
                        f"{shown} stands where the table's other rows have the {g} column, "
                        f"not the {f}'s: unsure",
                    )
                )


def _noun_and_natures_number(row: Row, tokens: list[Token], prev: Draft) -> bool:
    """``| Stock | | ... | 1 |`` after markdown's rule, under a row whose title is left
    unfinished (``Class B`` / ``Common``) and whose nature goes on (``By immediate`` / ``family
    member``): a security's noun alone in the first cell and a small number alone in the last,
    the nature's: the two cells' wrapped rest (``Class B Common Stock``, ``By immediate family
    member 1``), not a row titled ``Stock`` holding 1 (no security is titled by its noun
    alone, and the number stands in the nature's cell, not the balance's)."""
    if row.shape is not PIPE or len(tokens) < 2 or tokens[0].cell != 0:
        return False
    title, nature = prev.values.get("security_title"), prev.values.get("nature_of_ownership")
    if not isinstance(title, str) or not wraps.unfinished(title) or not isinstance(nature, str):
        return False
    if tokens[0].kind != TEXT or tokens[0].text.casefold() not in wraps.ENDING_NOUNS:
        return False
    last = len(row.cells) - 1
    return all(
        t.kind == NUM and t.cell == last and not t.dollar and len(t.text) <= 2 for t in tokens[1:]
    )


_TORN_NUMBER_WORD = re.compile(r"\d{1,2}[^\w\s]{0,3}\)")
"""A small number and a ``)`` no ``(`` opened, a word of its own (``member 2)``, ``1°)``)."""


_BESIDE_A_DATE = ("code", "shares", "price", "shares_owned_following", "ownership")


def _short_year_in_a_scan(d: Draft) -> None:
    """A scan's date with a two-digit year (``3/2/78``, remix seed 1247's scan: the underlying
    amount ``372,778`` misread, read as an expiration date of 1978-03-02, wrong): the form
    prints a date's year in four digits, so the scan lost two of them or misread an amount
    as a date; which, and what century, the text does not say."""
    for f, text in d.short_years.items():
        if d.values.get(f) is not None:
            # (the note that said which century was read goes: nothing is read now)
            stale = f"two-digit year: {text!r} read as "
            d.notes = [n for n in d.notes if not n[1].startswith(stale)]
            d.leave_empty(
                f,
                f"{text!r}: a two-digit year, where the form prints four (digits the scan lost,"
                " or an amount it misread as a date?); left empty",
            )


def _date_far_right(draft: Draft, width: int) -> None:
    """A scan's row whose one value is a date standing past the middle of the table's lines,
    no code, amount, price, balance or form beside it (``Shares‘))(2)   ...   3/1/2010
    OMOOAHAY``, remix seed 1221's scan: a holding's trust date, the nature's other words
    lost): no transaction date stands there, and nothing else of the row says it is one; it
    had been read as a transaction of that date. Left empty, said."""
    date, x = draft.values.get("transaction_date"), draft.centres.get("transaction_date")
    if (
        date is None
        or x is None
        or x <= width / 2
        or any(draft.values.get(f) is not None for f in _BESIDE_A_DATE)
    ):
        return
    draft.leave_empty(
        "transaction_date",
        f"{date} stands at character {x:.0f} of lines {width} wide, past the middle where no"
        " transaction date does, and no code, amount or form beside it: a trust's date in the"
        " nature's cell, or a lost row's? left empty",
    )


def _lone_value(tokens: list[Token]) -> Token | None:
    """The line's one value (no word, marker or debris), where it holds one and no other: the
    shape of a scan's line that may be another row's wrapped rest, not a row."""
    values = [t for t in tokens if t.kind not in (TEXT, MARKER, FRAG)]
    return values[0] if len(values) == 1 else None


def _number_among_speckles(tokens: list[Token]) -> bool:
    """A scan's line of speckles with one small number among them (``ee ee ee ee ee   2
    ee ee``, remix seed 1229's scan; ``One oe   ae   Po  oe   Eo  ee   0   Ce``, seed 1265's,
    words of three letters at most, half of them vowels alone): no row's value, read as a
    holding of 2 shares (a phantom row); what the scan saw there, it did not keep. So too
    after a title and a date the scan garbled past reading (``Class A Common Shaves
    [0471372023    ee ed    70    ae``, seed 1265's: the row's values lost, ``70`` a
    speck's or a torn amount's, read as its balance)."""
    nums = [t for t in tokens if t.kind == NUM]
    if len(nums) != 1 or nums[0].dollar:
        return False
    others = [t for t in tokens if t.kind not in (TEXT, MARKER, FRAG, NUM)]
    words = [w for t in tokens if t.kind == TEXT for w in t.text.split()]
    if not others:
        return len(nums[0].text) <= 2 and (are_speckles(words) or short_specks(words))
    if len(others) != 1 or others[0].kind != DATE or others[0].value is not None:
        return False
    after = tokens.index(others[0])
    at = tokens.index(nums[0])
    if any(t.kind == TEXT for t in tokens[1:after]) or not after < at < len(tokens) - 1:
        return False  # (words between the title and the date: not one title's)
    # specks on both sides of the number: its column, in a row the scan garbled, is not
    # shown (``oari372022    Oe Ue     78,300    ee ee``, seed 1273's: 300 and 28,380 filed)
    return are_speckles([w for t in tokens[after:] if t.kind == TEXT for w in t.text.split()])


def _par_amount_in_words(tokens: list[Token]) -> bool:
    """A scan's line whose one value is a dollar amount followed by ``per`` or ``par``: a
    par value's amount, wrapped with its title beside the other cells' rest, never a row's
    price (remix seed 1221's scan: ``$0.01 per share      Person's spouse`` under ``Common
    Stock, par value | ... Held by the Reporting``; 1207's: ``Capital      $0.0001 per``
    under ``... value``; 1223's: ``Note      $0.001 par`` under ``... Stock,``). Read as a
    row, each was a phantom one or dropped for want of a title, and the row above lost its
    rest (``Held by the Reporting``, wrong)."""
    value = _lone_value(tokens)
    if value is None or value.kind != NUM or not value.dollar:
        return False
    at = tokens.index(value)
    after, before = tokens[at + 1 :], tokens[at - 1] if at else None
    if (
        before is not None
        and before.kind == TEXT
        and before.text.endswith(",")
        and before.text[:-1].rsplit(" ", 1)[-1].casefold() in wraps.ENDING_NOUNS
    ):
        # ``Stock, $0.001`` / ``par value per`` (remix seed 1229's scan): after a title's
        # noun and its comma, the amount a par value's words follow on the line below
        return True
    return (
        bool(after)
        and after[0].kind == TEXT
        and after[0].text.split()[0].casefold() in ("per", "par")
    )


def _amount_for_a_par_value(prev: Draft, tokens: list[Token]) -> bool:
    """A scan's line of words and one dollar amount under a row whose title or underlying
    title ends on ``par value`` / ``nominal value`` with no amount (``to purchase)
    $0.0001°22)`` under ``Employee Stock Option (right ... Ordinary Shares, nominal value``,
    remix seed 1233's scan): the amount that phrase wants, wrapped, not a row's price (a
    phantom row of exercise price 0.0001)."""
    value = _lone_value(tokens)
    return (
        value is not None
        and value.kind == NUM
        and value.dollar
        and tokens[0].kind == TEXT
        and any(
            wants_its_par_amount(prev.values.get(f)) for f in ("security_title", "underlying_title")
        )
    )


def _wrapped_value_in_words(above: list[Token], tokens: list[Token]) -> bool:
    """A scan's line of words and one value that the last word of the line above wants right
    after it: a date under a trust's ``dated`` (``(right to buy)      3/1/2010`` under
    ``Options   Stock   Trust dated``, remix seed 1207's scan), or a dollar amount under a par
    value's ``value`` (``Stock Units      $0.0001`` under ``Restricted      nominal value``,
    1229's): the nature's or the title's rest, wrapped beside the other cells' rest; no row is
    dated or priced so with no code, amount or form. Each scan line is spaced on its own
    scale, so the columns do not tell; the words do. Read as a row, each had been a phantom
    one, the row above losing its rest."""
    words = [t for t in above if t.kind == TEXT]
    value = _lone_value(tokens)
    if not words or value is None or tokens[0].kind != TEXT:
        return False
    last = words[-1].text.rsplit(" ", 1)[-1].casefold()
    if any(t.kind not in (MARKER, FRAG) for t in tokens[tokens.index(value) + 1 :]):
        return False
    if value.kind == DATE:
        return wraps.ends_on_dated(last)
    return value.kind == NUM and value.dollar and last == "value"


def _torn_number_after(a: Token, b: Token) -> bool:
    """``b`` is a small number and a ``)`` (:data:`_TORN_NUMBER_WORD`) a scan left as debris,
    right after the word ``a`` (``member 2)``): the word's number, or its marker torn."""
    return (
        b.kind == FRAG
        and a.kind == TEXT
        and not a.marks
        and b.x - (a.x + len(a.text)) <= 2
        and _TORN_NUMBER_WORD.fullmatch(b.text) is not None
    )


_A_OR_D = re.compile(r"\s*\((?:A\)?\s?)?or\b", re.IGNORECASE)
"""The ``(A) or (D)`` caption as a scan reads it (``(Aor D)``, ``(A) or``, ``(or) 2D``, remix
seed 1235's scan, its ``A`` lost): no title opens so."""


_TORN_CAPTION = re.compile(r"\d{1,2}A?\.\s+[A-Z](?:\s|$)")
"""A box's number and a capital with nothing after it: a numbered caption torn by a scan."""


def _columns(titled: NamedCells | None) -> dict[int, dict[int, str]] | None:
    """The text cells a wrapped pipe row's cells go to, by its width, as the captions name
    them (:func:`title_cells`): a fresh map for each row (lines below add to it)."""
    return None if titled is None else {titled[0]: dict(titled[1])}


def _opens_a_title(text: str) -> bool:
    """A title's first word as a row's line shows it: a capital, or a year or series number
    before the exercise price (``2021 $0.41(3) ...``: ``2021 Performance Share Units``, remix
    seed 1087; read as a title's middle, the row above's wrapped lines had gone to it)."""
    return text[:1].isupper() or _NUMBER_WORD.match(text) is not None


_NUMBER_WORD = re.compile(r"\d{1,4}\s+[A-Z]|\d{1,4}$")


def _year_cut_off(row: Row) -> Row:
    """A date whose year a cell border cut, under a footnote marker's line, the next cell
    opening on the year's two digits on a line of their own (``(3)<br>06/10/20`` |
    ``23<br>Class A<br>...``, pymupdf4llm-layout, remix seed 1093): the form prints every date
    with four digits of year, and no value opens a cell of words so; joined back in the cell,
    where the marker beside it still says which window date it is. Read apart, ``06/10/20`` had
    been a transaction of 2020 and ``23`` its amount (the tokens' join, :mod:`mending`, takes
    a date with no marker, and says it is unsure)."""
    cells = list(row.cells)
    changed = False
    for i in range(len(cells) - 1):
        if not cells[i][-1:].isdigit() or not cells[i + 1][:2].isdigit():
            continue
        cut = _MARKED_SHORT_YEAR.search(cells[i])
        rest = _YEAR_LINE.match(cells[i + 1]) if cut is not None else None
        if rest is None:
            continue
        cells[i] += rest[1]
        cells[i + 1] = cells[i + 1][rest.end() :]
        changed = True
    return row.with_cells(tuple(cells)) if changed else row


_MARKED_SHORT_YEAR = re.compile(r"\(\d{1,2}\)<br>\d{1,2}/\d{1,2}/\d{2}$")
_YEAR_LINE = re.compile(r"(\d{2})<br>(?=[A-Za-z])")
