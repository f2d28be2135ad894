"""Header boxes a converter's cell borders cut (pymupdf4llm-layout), put back together by the
rest of the text (parsers/text/word_breaks.py mend_boxes): a reading across a border is likely,
never sure, so the value it makes carries a doubt, as a table cell's does."""

from __future__ import annotations

from pathlib import Path

from parsers import Filing, parse_bytes
from parsers.text import header

ICAHN = (
    Path(__file__).parent
    / "fixtures"
    / "renderings"
    / "real"
    / "icahn-entity-2-2026-04-17.xml"
    / "pymupdf4llm-layout.md"
)


def _doubted(data: bytes) -> tuple[Filing, set[str | None]]:
    f = parse_bytes(data, "header.md")
    return f, {n.field for n in f.notes if n.kind == "doubt" and "cell border" in n.message}


def test_box_2_pieces_kept_apart_by_the_text_carry_a_doubt() -> None:
    # box 2 cut at 'TRUST|CO' (TrustCo Bank Corp NY): 'trust' and 'co' are the form's words and
    # 'trustco' is printed nowhere else, so the pieces are kept apart: wrong here, and in any
    # case no sure reading
    lines = ICAHN.read_text().splitlines()
    line = lines[10]
    for old, new in (
        ("**ICAHN ENTERP**", "**TRUST**"),
        ("**RISES L.P. [ I**", "**CO BANK CORP NY [ TRS**"),
        ("**EP ]**", "**T ]**"),
    ):
        assert old in line
        line = line.replace(old, new)
    lines[10] = line
    f, doubted = _doubted(("\n".join(lines) + "\n").encode())
    assert f.issuer.ticker == "TRST"
    assert f.issuer.name is None or "issuer.name" in doubted


def test_box_1_and_box_2_pieces_joined_by_the_text_carry_a_doubt() -> None:
    # 'ICAHN CA|RL C' and 'ICAHN ENTERP|RISES L.P.': joined where the text prints the word whole
    f, doubted = _doubted(ICAHN.read_bytes())
    assert f.reporting_owners[0].name == "ICAHN CARL C"
    assert f.issuer.name == "ICAHN ENTERPRISES L.P."
    assert {"issuer.name", "reporting_owners[0].name"} <= doubted


FURTHER_BOX = (
    "\n|1. Name an|d Address of Repo|rting Person<sup>*</sup>|||5<br>(|. Relationship o|\n"
    "|---|---|---|---|---|---|---|\n"
    "|**TANG CA**|**PITAL MANAG**|**EMENT LLC**|||(|Check all applic<br>|\n"
    "|(Last)||(First)|(Middle)|||Director|\n\n"
)
"""A further reporting person's box 1 below the tables, as pymupdf4llm-layout cuts it into cells."""


def test_a_further_owners_name_joined_across_cells_carries_a_doubt() -> None:
    # a further reporting person's box 1 below the tables, cut '**TANG CA**|**PITAL MANAG**|
    # **EMENT LLC**': joined where the footnotes print 'Tang Capital Management'
    text = ICAHN.read_text()
    at = text.index("Explanation of Responses")
    further = FURTHER_BOX + "Shares held by Tang Capital Management, LLC.\n\n"
    f, doubted = _doubted((text[:at] + further + text[at:]).encode())
    assert [o.name for o in f.reporting_owners][1:] == ["TANG CAPITAL MANAGEMENT LLC"]
    assert "reporting_owners[1].name" in doubted


def test_a_further_owner_left_out_for_a_cut_name_leaves_a_doubt() -> None:
    # the same box, and nothing in the text says 'Capital' or 'Management': the person is left
    # out, which must not look like a filing of one reporting person
    text = ICAHN.read_text()
    at = text.index("Explanation of Responses")
    further = FURTHER_BOX
    f = parse_bytes((text[:at] + further + text[at:]).encode(), "header.md")
    assert [o.name for o in f.reporting_owners] == ["ICAHN CARL C"]
    assert any(
        n.kind == "doubt" and n.field == "reporting_owners" and "TANG CA|PITAL" in n.message
        for n in f.notes
    )


def test_box_2_cut_after_a_point_is_read_by_the_text_or_left_cut() -> None:
    """'ICAHN ENTERPRISES L.|P.': a space after the point or none (L.P. or A. B.) is what the
    text elsewhere writes; a reading by it carries a doubt, and no reading leaves it cut."""
    text = ICAHN.read_text()
    lines = text.splitlines()
    line = lines[10]
    for old, new in (
        ("**ICAHN ENTERP**", "**ICAHN ENTERPRISES L.**"),
        ("**RISES L.P. [ I**", "**P. [ I**"),
    ):
        assert old in line
        line = line.replace(old, new)
    lines[10] = line
    cut = "\n".join(lines) + "\n"
    assert "L.P." in cut.replace(line, "")  # the footnotes write the partnership's name whole
    f, doubted = _doubted(cut.encode())
    assert f.issuer.name == "ICAHN ENTERPRISES L.P." and "issuer.name" in doubted
    f, doubted = _doubted(cut.replace("L.P.", "LP").encode())
    assert f.issuer.name is None and "issuer" in doubted  # nothing says: a space or none?


REMIX_DIR = Path(__file__).parent / "fixtures" / "text" / "remix"


def _owners(name: str) -> list[str | None]:
    """The reporting owners' names a remixed rendering among the fixtures reads."""
    path = REMIX_DIR / name
    return [o.name for o in parse_bytes(path.read_bytes(), path.name).reporting_owners]


def test_a_name_cut_right_before_its_point_joins_it_with_a_doubt() -> None:
    """pymupdf4llm's layout mode cut box 1 by a border right before the initial's point
    (``**Garascia Jessica A**`` | ``**.**``; a remixed filing, seed 59): no filer types a space
    before a point, so the pieces join (the text elsewhere does not write them apart), a likely
    reading with a doubt; it had read 'Garascia Jessica A .'."""
    path = REMIX_DIR / "layout_md_name_cut_before_its_point.md"
    f = parse_bytes(path.read_bytes(), path.name)
    assert [o.name for o in f.reporting_owners] == ["Garascia Jessica A."]
    assert any(
        n.field == "reporting_owners[0].name" and "'A.'" in n.message and "unsure" in n.message
        for n in f.notes
    )


def test_a_further_owner_box_cut_into_cells_joins_its_pieces_line_by_line() -> None:
    """A further owner's box 1 below the tables, cut into cells (``|1. Name an<br>**Musk
    Elon**|d Address of Repo<br>|rting Person*|``; a remixed filing, seed 59): each cell's lines
    are the box's lines, so the label's pieces join the label and the name stands alone. Joined
    cell after cell, the owner had been read 'Musk Elon d Address of Repo rting Person'."""
    assert _owners("layout_md_further_owner_label_cut_beside_the_name.md") == [
        "SVF II Holdings (DE) LLC",
        "Musk Elon",
        "GARRETT MARK",
    ]


def test_box_5_s_label_torn_into_cells_beside_a_further_owner_is_no_part_of_the_name() -> None:
    """pymupdf4llm's layout mode cut box 5's label beside a further owner's box 1 into cells by
    where its words lay (``|1. Name and Address of Reporting Person<sup>*</sup><br>**SB Global
    Advisers Ltd**||5.<br>(C|Relationship of Reporting<br>heck all applicable)|...``): the
    torn words had been read into the name ('SB Global Advisers Ltd 5. (C Relationship of
    Reporting heck all applicable) Person(s) to Issuer'). The cell opening box 5 ends box 1.
    Fixture: the remixed rendering (scripts/remix_real.py --seed 61)."""
    names = _owners("layout_md_box_5_label_torn_beside_further_owners.md")
    assert names[:3] == ["Musk Elon", "SB Global Advisers Ltd", "SB Management Ltd"]
    assert not [n for n in names if "elationship" in n or "applicable" in n]


def test_box_3_s_label_a_scan_read_under_the_name_is_no_part_of_it() -> None:
    """tesseract read box 3's label at the margin under box 1's name, its number lost
    (``Fund 1 Investments, LLC`` / ``2    .`` / ``. Date of Earliest Transaction (Month/Day/Year``;
    a remixed filing, seed 59): the name ends before it, the torn number's point left out. The
    owner had been read 'Fund 1 Investments, LLC . Date of Earliest Transaction
    (Month/Day/Year'."""
    assert _owners("ocr_box_3_label_under_the_name.txt")[0] == "Fund 1 Investments, LLC"


def test_box_5_s_label_opening_inside_a_cell_of_box_1_ends_the_name_s_line() -> None:
    """pymupdf4llm's layout mode (seed 179): ``|1. Name and Address o<br>**Clements Carol
    Ann**<br>(Last)|f Reporting Person*<br> <br>(First)|(Middle)<br>5. R<br>(Ch<br>**X**|
    elationshi<br>eck all app<br> Director|...``: the cell holding box 1's ``(Middle)`` holds
    box 5's ``5. R`` on the name's line. On a line, a piece opening another box ends box 1
    (the boxes lie side by side); the name had read 'Clements Carol Ann 5. R eck all app
    licable)'."""
    assert _owners("layout_md_further_owner_beside_box5_label_in_one_cell.md") == [
        "WIRTH JAMES F",
        "Clements Carol Ann",
        "Scarpelli Michael",
    ]


def test_a_torn_first_caption_under_a_further_owner_is_no_part_of_the_name() -> None:
    """pymupdf4llm's layout mode (seed 191, scored before it was opened): ``|1. Name and Addr<br>
    **Ante Joachim C**|ess of Reporti<br>**hristoph**|...`` over ``|<br>(Last)|<br>(F|irst)|
    (Middle)|``: box 1's ``(First)`` cut by a cell border, its ``irst)`` joined to the name
    ('Ante Joachim Christoph irst)'). A word closing a bracket the name never opened, itself
    the end of one of box 1's captions, ends the name before it."""
    assert "Ante Joachim Christoph" in _owners(
        "layout_md_first_caption_torn_under_a_further_owner.md"
    )
    assert header._before_unopened("SVF II Beaver (DE) LLC") == "SVF II Beaver (DE) LLC"
    assert header._before_unopened("Scarpelli Michael)") == "Scarpelli Michael)"
