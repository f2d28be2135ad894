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
    f = parse_bytes(text.replace("FORM 4/A", "FORM 4").encode(), "x.txt")
    assert f.form_type == "4"


def test_box_4_in_the_row_table_1s_title_was_cut_into_is_read() -> None:
    # '|...**Ta**|4. If Amendmen<br>**11/09/2015**<br>**ble I - Non-D**|t, Date of Original...':
    # the row is both the header's last and Table I's title; box 4's date was lost with it
    f = parse_file(TITLE_IN_HEADER_ROW)
    assert f.date_of_original_submission == dt.date(2015, 11, 9)
    assert f.form_type == "4/A"
    assert len(f.non_derivative) == 2 and len(f.derivative) == 1
