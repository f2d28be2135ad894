"""An amendment read from a text rendering: the title box's printed ``FORM 4/A``, and box 4's
date of the original where a converter cut Table I's title into the header's last row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from parsers import parse_bytes, parse_file

FIXTURES = Path(__file__).parent / "fixtures"
FORM_4A = FIXTURES / "renderings" / "real" / "0001045810-23-000050_wf-form4a_167882511093689.xml"
TITLE_IN_HEADER_ROW = FIXTURES / "text" / "amendments" / "pymupdf_layout_title_in_header_row.md"


def test_a_printed_form_4a_is_an_amendment_without_box_4s_date() -> None:
    # pdfplumber-text prints 'FORM 4/A' but its box 4 date is not read: it was read as Form 4,
    # an original, with no note
    f = parse_file(FORM_4A / "pdfplumber-text.txt")
    assert f.form_type == "4/A" and f.is_amendment


def test_form_4_printed_without_a_is_no_amendment() -> None:
    text = (FORM_4A / "pdfplumber-text.txt").read_text()
    assert "FORM 4/A" in text
    # (box 4's date taken out too: a date there makes an amendment whatever the title says)
    text = text.replace("(Zip) 01/27/2023 X", "(Zip) X")
    f = parse_bytes(text.replace("FORM 4/A", "FORM 4").encode(), "x.txt")
    assert f.form_type == "4"


def test_box_4_in_the_row_table_1s_title_was_cut_into_is_read() -> None:
    # '|...**Ta**|4. If Amendmen<br>**11/09/2015**<br>**ble I - Non-D**|t, Date of Original...':
    # the row is both the header's last and Table I's title; box 4's date was lost with it
    f = parse_file(TITLE_IN_HEADER_ROW)
    assert f.date_of_original_submission == dt.date(2015, 11, 9)
    assert f.form_type == "4/A"
    assert len(f.non_derivative) == 2 and len(f.derivative) == 1


def test_box_4s_date_on_the_line_below_its_caption_is_read_with_a_doubt() -> None:
    # pdfplumber-text runs boxes 1, 4 and 6 into one line: '4. If Amendment, Date of Original
    # Filed (Month/Day/Year) 6. Individual or Joint...', and box 4's date opens the next one
    # after box 1's captions: '(City) (State) (Zip) 01/27/2023 X Form filed by One ...'
    f = parse_file(FORM_4A / "pdfplumber-text.txt")
    assert f.date_of_original_submission == dt.date(2023, 1, 27)
    doubts = [n for n in f.notes if n.field == "date_of_original_submission"]
    assert doubts and doubts[0].kind == "doubt"
    text = (FORM_4A / "pdfplumber-text.txt").read_text()
    below = "(City) (State) (Zip) 01/27/2023 X Form filed"
    assert below in text
    # a date after another box's label on that line is not box 4's
    moved = "(City) (State) (Zip) 6. Individual X 01/27/2023 Form filed"
    f = parse_bytes(text.replace(below, moved).encode(), "x.txt")
    assert f.date_of_original_submission is None
    assert any(n.field == "date_of_original_submission" for n in f.notes)


def test_box_4s_cut_caption_still_names_its_date() -> None:
    # pymupdf4llm-layout cut the caption after its first words: '4. If Amendment, D<br>
    # **01/27/2023**<br>**Table I - Non-Deriv**|ate of Original<br>...|Filed (Month|...'
    f = parse_file(FORM_4A / "pymupdf4llm-layout.md")
    assert f.date_of_original_submission == dt.date(2023, 1, 27)
    text = (FORM_4A / "pymupdf4llm-layout.md").read_text()
    assert "4. If Amendment, D<br>**01/27/2023**" in text
    f = parse_bytes(text.replace("**01/27/2023**", "").encode(), "x.md")
    assert f.date_of_original_submission is None
