"""Box 5, the owner's relationship to the issuer, read from text renderings
(parsers.text.header._read_relationship): each tick from the mark before its label, unknown
where the label is not shown, and the written title only where the text says where it is."""

from __future__ import annotations

from pathlib import Path

from parsers import parse_bytes, parse_file
from parsers.text.header import Header, _place_roles, _read_relationship

RENDERINGS = Path(__file__).parent / "fixtures" / "renderings" / "real"
TICKS = ("is_director", "is_ten_percent_owner", "is_officer", "is_other")


def _read(stream: str) -> Header:
    head = Header()
    _read_relationship(head, [stream])
    _place_roles(head)
    return head


def _ticks(head: Header) -> tuple[bool | None, ...]:
    return tuple(getattr(head, t) for t in TICKS)


def test_a_label_after_another_boxs_caption_on_its_line_is_still_box_5s() -> None:
    # plain text runs boxes side by side: box 3's caption stands before "X Officer"
    head = _read(
        "5. Relationship of Reporting Person(s) to Issuer\n(Check all applicable)\n"
        "Director 10% Owner\n"
        "C/O NVIDIA CORPORATION 2788 SAN TOMAS 3. Date of Earliest Transaction (Month/Day/Year)"
        " X Officer (give title below) Other (specify below)\n"
        "EXPRESSWAY 01/26/2023 EVP & Chief Financial Officer\n(Street)\n"
        "4. If Amendment, Date of Original Filed (Month/Day/Year) 6. Individual or Joint\n"
    )
    assert _ticks(head) == (False, False, True, False)
    # box 3's caption ends right before "X Officer": on the line below, what follows box 3's
    # one date is box 5's title
    assert head.officer_title == "EVP & Chief Financial Officer" and head.other_text is None
    # ... or, box 3's date alone on its line, the title after box 1's "(Street)" caption
    head = _read(
        "5. Relationship of Reporting Person(s) to Issuer\nDirector 10% Owner\n"
        "ONE APPLE PARK WAY 3. Date of Earliest Transaction (Month/Day/Year) X Officer (give"
        " title below) Other (specify below)\n05/04/2022\n(Street) SVP, GC and Secretary\n"
        "CUPERTINO CA 95014\n4. If Amendment, Date of Original Filed (Month/Day/Year)\n"
    )
    assert head.officer_title == "SVP, GC and Secretary"


def test_a_title_beside_other_boxes_is_read_only_where_the_text_says_where_it_ends() -> None:
    labels = (
        "5. Relationship of Reporting Person(s) to Issuer\nDirector 10% Owner\n"
        "C/O ACME INC. 3. Date of Earliest Transaction (Month/Day/Year) X Officer (give title"
        " below) Other (specify below)\n"
    )
    for below in (
        # the line under the title holds more words: they may be its rest
        "SUITE 3A 12/13/2022 Executive Vice President\nand General Counsel (Street)\n",
        # longer than one line of the box: it may have wrapped
        "SUITE 3A 12/13/2022 Executive Vice President, Chief Operating Officer\n(Street)\n",
        # no date of box 3's on the line: where box 1's words end is not said
        "SUITE 3A Chief Financial Officer\n(Street)\n",
    ):
        head = _read(labels + below + "4. If Amendment, Date of Original Filed\n")
        assert head.is_officer is True
        assert head.officer_title is None, below
        assert any("shares its lines" in n[2] for n in head.notes), below


def test_words_under_the_labels_with_neither_officer_nor_other_ticked_are_no_title() -> None:
    head = _read(
        "5. Relationship of Reporting Person(s) to Issuer\nX Director\t10% Owner\n"
        "Officer (give title below)\tOther (specify below)\nee hae\n6. Individual or Joint\n"
    )
    assert _ticks(head) == (True, False, False, False)
    assert head.officer_title is None and head.other_text is None
    assert any("neither Officer nor Other" in n[2] for n in head.notes)


def test_a_label_the_text_does_not_show_is_unknown_not_unticked() -> None:
    head = _read(
        "5. Relationship of Reporting Person(s) to Issuer\n(Check all applicable)\n"
        "X Direct\t10% O\nOfficer (give title below)\n6. Individual or Joint/Group Filing\n"
    )
    # torn labels still read; "Other (specify below)" is nowhere: unknown
    assert _ticks(head) == (True, False, False, None)


def test_a_written_titles_officer_is_no_label() -> None:
    head = _read(
        "5. Relationship of Reporting Person(s) to Issuer\nX Director 10% Owner\n"
        "Chief Financial Officer\n6. Individual or Joint/Group Filing\n"
    )
    assert head.is_officer is None and head.is_other is None
    assert head.is_director is True


def test_a_mark_on_the_line_above_is_not_the_labels_tick() -> None:
    # a scan garbled the first row's labels, its tick kept: it is not Officer's
    head = _read(
        "5. Relationship of Reporting Person(s) to Issuer\n(Check all applicable)\nx\n"
        "Officer (give title below)\tOther (specify below)\n6. Individual or Joint\n"
    )
    assert head.is_officer is False and head.is_other is False
    head = _read(
        "5. Relationship of Reporting Person(s) to Issuer\nX_ Director\tX 10% Owner\n"
        "Officer (give title below)\tX Other (specify below)\nCHAIRMAN OF THE BOARD\n"
    )
    assert _ticks(head) == (True, True, False, True)
    assert head.other_text == "CHAIRMAN OF THE BOARD" and head.officer_title is None


def test_a_title_stops_at_box_1s_captions_and_specks_are_no_words_of_it() -> None:
    head = _read(
        "5. Relationship of Reporting Person(s) to Issuer\nDirector 10% Owner\n"
        "X Officer (give title below)\tOther (specify below)\nChief Legal Officer\nS\nx\n"
    )
    assert head.officer_title == "Chief Legal Officer"
    # a further owner's box below the tables: box 1's address follows its labels, no title
    head = _read(
        "1. Name and Address of Reporting Person* 5. Relationship of Reporting Person(s) to "
        "Issuer\nSB Global Advisers Ltd (Check all applicable)\nDirector X 10% Owner\n"
        "(Last) (First) (Middle) Officer (give title below) Other (specify below)\n"
        "69 GROSVENOR STREET\n(Street)\nLONDON, X0 W1K 3JP\n(City) (State) (Zip)\n"
    )
    assert _ticks(head) == (False, True, False, False)
    assert head.officer_title is None and head.other_text is None


def test_officer_and_other_both_ticked_read_from_the_lines_where_a_column_missed_one() -> None:
    # the scan's columns put "X Officer" in another column: the lines give its tick, and the
    # title, read before that tick was known, is the officer's
    head = Header()
    _read_relationship(
        head,
        ["5. Relationship of Reporting Person(s) to Issuer\nX Director\t10% Owner\n"
         "X Other (specify below)\nHead of Strategy\nX Form filed by One Reporting Person"],
    )  # fmt: skip
    assert head.is_officer is None
    head.is_officer = True  # what _relationship_by_lines reads from the lines
    _place_roles(head)
    assert (head.officer_title, head.other_text) == ("Head of Strategy", None)


def test_renderings_box_5_as_the_form_shows_it() -> None:
    nvidia = RENDERINGS / "0001045810-23-000006_wf-form4_167486488448198.xml"
    # pymupdf4llm-layout: a cell border cut box 5's caption ("5. Relationship of Reporting P")
    got = parse_file(nvidia / "pymupdf4llm-layout.md").reporting_owners[0]
    assert (got.is_director, got.is_officer, got.is_ten_percent_owner, got.is_other) == (
        False, True, False, False,
    )  # fmt: skip
    # its title is torn across cells, a date between its pieces: left empty, never the date
    assert got.officer_title is None
    # ... or to its number and first word ("5. Relationship"): the ticks are read, the title,
    # whose words the borders cut across cells too ("EVP & Ch|ief Financial"), is not
    torn = RENDERINGS / "0001045810-23-000050_wf-form4a_167882511093689.xml"
    filing = parse_file(torn / "pymupdf4llm-layout.md")
    got = filing.reporting_owners[0]
    assert (got.is_director, got.is_officer, got.is_ten_percent_owner, got.is_other) == (
        False, True, False, False,
    )  # fmt: skip
    assert got.officer_title is None
    assert any("'EVP & Ch|ief Financial'" in n.message for n in filing.notes)
    # pdfplumber-text: "X Officer" after box 3's caption on one line, the title after its date
    filing = parse_file(nvidia / "pdfplumber-text.txt")
    assert filing.reporting_owners[0].is_officer is True
    assert filing.reporting_owners[0].officer_title == "EVP & Chief Financial Officer"
    # markitdown: box 3's date alone below the labels, then a row of cells: box 1's words in
    # the first, box 5's title in one further right
    filing = parse_file(nvidia / "markitdown.md")
    assert filing.reporting_owners[0].is_officer is True
    assert filing.reporting_owners[0].officer_title == "EVP & Chief Financial Officer"
    assert not any(n.field == "reporting_owners[0].officer_title" for n in filing.notes)
    # a joint filing's further owners: no address read as their title
    soft = parse_file(RENDERINGS / "softbank_derivative_acquisition.xml" / "pdftotext-layout.txt")
    assert len(soft.reporting_owners) > 2
    assert all(o.officer_title is None for o in soft.reporting_owners[1:])


# markitdown writes a page's text blocks one after another, in the order they were drawn: box
# 5's labels each alone on a line, the written title a block among them (the real JetBlue
# filing's rendering, from box 5's caption to box 6's)
_BLOCKS = (
    "5. Relationship of Reporting Person(s) to Issuer\n(Check all applicable)\n\n"
    "4. If Amendment, Date of Original Filed (Month/Day/Year)\n\n10% Owner\n"
    "Other (specify below)\n\nChief Digital & Tech Officer\n\nX Officer (give title below)\n\n"
    "Director\n\n(Middle)\n\n(State)\n\n(First)\n\n(Zip)\n\n"
    "6. Individual or Joint/Group Filing (Check Applicable Line)\n"
)


def test_the_one_block_of_words_among_box_5s_labels_is_the_written_title() -> None:
    head = _read(_BLOCKS)
    assert _ticks(head) == (False, False, True, False)
    assert head.officer_title == "Chief Digital & Tech Officer" and head.other_text is None
    # the same filing's rendering in the regression set
    f = parse_file(RENDERINGS / "jetblue_RSU_acquisition.xml" / "markitdown.md")
    assert f.reporting_owners[0].officer_title == "Chief Digital & Tech Officer"
    # another box's caption drawn among the labels is passed over (box 4's, right below the
    # Officer label and its title)
    moved = _BLOCKS.replace(
        "4. If Amendment, Date of Original Filed (Month/Day/Year)\n\n10% Owner\n", "10% Owner\n"
    ).replace(
        "X Officer (give title below)\n\nDirector",
        "X Officer (give title below)\n\n4. If Amendment, Date of Original Filed "
        "(Month/Day/Year)\n\nDirector",
    )
    assert _read(moved).officer_title == "Chief Digital & Tech Officer"


def test_words_among_box_5s_labels_that_may_be_another_boxs_are_no_title() -> None:
    title = "Chief Digital & Tech Officer"
    for instead in (
        "X Form filed by One Reporting Person",  # box 6's tick
        "JETBLUE AIRWAYS CORP [ JBLU ]",  # box 2's issuer
        f"{title}\n\nSEE REMARKS",  # two blocks: which one is the title is unsaid
    ):
        head = _read(_BLOCKS.replace(title, instead))
        assert head.officer_title is None and head.other_text is None, instead
    # the words right below another box's caption may be that box's value
    below = _BLOCKS.replace(title, f"3. Date of Earliest Transaction (Month/Day/Year)\n{title}")
    assert _read(below).officer_title is None


# markitdown's blocks in another order (the real Icahn filings' renderings): Officer's label
# alone on a line with the title right under it, Other's label after both, nothing after it
_UNDER_OFFICER = (
    "5. Relationship of Reporting Person(s) to Issuer\n(Check all applicable)\nX Director\n\n"
    "6. Individual or Joint/Group Filing (Check Applicable Line)\n"
    "X Form filed by One Reporting Person\n\n"
    "3. Date of Earliest Transaction (Month/Day/Year)\n06/25/2026\n\n"
    "2. Issuer Name and Ticker or Trading Symbol\nICAHN ENTERPRISES L.P. [ IEP ]\n\n"
    "Officer (give title below)\nCHAIRMAN OF THE BOARD\n\nX 10% Owner\n"
    "X Other (specify below)\n\n4. If Amendment, Date of Original Filed (Month/Day/Year)\n"
)


def test_the_block_under_a_lone_officer_label_is_the_written_title() -> None:
    head = _read(_UNDER_OFFICER)
    assert _ticks(head) == (True, True, False, True)
    # only Other is ticked: the words under the labels are Other's text
    assert head.other_text == "CHAIRMAN OF THE BOARD" and head.officer_title is None
    f = parse_file(RENDERINGS / "icahn-entity-1-2026-06-29.xml" / "markitdown.md")
    assert f.reporting_owners[0].other_text == "CHAIRMAN OF THE BOARD"
    # words another box prints are no title, nor is a line that shares the label's
    for instead in ("ICAHN ENTERPRISES L.P. [ IEP ]", "(Middle)", "06/25/2026", "(Street)"):
        head = _read(_UNDER_OFFICER.replace("CHAIRMAN OF THE BOARD", instead))
        assert head.officer_title is None and head.other_text is None, instead
    shared = _UNDER_OFFICER.replace("Officer (give", "ICAHN CARL C Officer (give")
    assert _read(shared).other_text is None


def test_a_torn_captions_piece_among_box_5s_labels_is_no_title() -> None:
    # pymupdf4llm's layout mode, box 5's caption torn by cell borders ("Check all appli" /
    # "cable)", the real SoftBank filing's third owner): the caption's piece stands among the
    # labels, each on its line; it is no title, with Officer ticked or not
    head = _read(
        "5. Relationship\nCheck all appli\nDirector\nX Officer (give title below)\ncable)\n"
        "10% Owner\nOther (specify below)\n6. Individual or Joint/Group Filing\n"
    )
    assert head.is_officer is True
    assert head.officer_title is None and head.other_text is None


# a scan of the real AAR filing: box 1's street on one line, so its "(Street)" caption shares
# box 3's date and box 5's title's line; box 1's city line below it
_SCANNED = (
    "5. Relationship of Reporting Person(s) to Issuer\n"
    "Garascia Jessica A. AAR CORP [ AIR ] (Check all applicable)\n"
    "(Last) (First) (Middle) Director 10% Owner\n"
    "1100 N. WOOD DALE ROAD 3. Date of Earliest Transaction (Month/Day/Year) "
    "X Officer (give title below) Other (specify below)\n"
    "(Street) 01/10/2025 Senior VP, GC, CAO & Secretary\n"
    "WOOD DALE IL 60191\n"
    "(City) (State) (Zip) 4. If Amendment, Date of Original Filed (Month/Day/Year)\n"
)


def test_a_title_after_box_3s_date_above_box_1s_whole_city_line_is_read() -> None:
    head = _read(_SCANNED)
    assert _ticks(head) == (False, False, True, False)
    assert head.officer_title == "Senior VP, GC, CAO & Secretary"
    # the scan itself: its columns' stream holds the labels but not the title's line, so the
    # lines' reading of the whole box gives the title
    f = parse_file(RENDERINGS / "0001127602-25-001055.txt" / "ocr.txt")
    assert f.reporting_owners[0].officer_title == "Senior VP, GC, CAO & Secretary"
    # a city line that does not end in a ZIP code may hold the title's rest after it
    for city in ("WOOD DALE IL 60191 Secretary", "LONDON X0 W1K 3JP"):
        head = _read(_SCANNED.replace("WOOD DALE IL 60191", city))
        assert head.officer_title is None, city


def test_a_scans_title_with_a_character_no_title_is_typed_with_is_left_empty() -> None:
    from parsers.text.scan_names import garbled_title_word

    assert garbled_title_word("Go Founde:") == "Founde:"
    assert garbled_title_word("Senior VP, GC, CAO & Secretary") is None
    assert garbled_title_word("Co-Founder & EVP/CFO (Interim)") is None
    # a scan (its text mended elsewhere, so read as one) of the real DraftKings filing
    path = RENDERINGS / "draftking_multi_disposal.xml" / "ocr.txt"
    assert parse_file(path).reporting_owners[0].officer_title == "Chief Legal Officer"
    text = path.read_text().replace("Chief Legal Officer", "Chief Lega: Officer")
    f = parse_bytes(text.encode(), "draftkings.txt")
    assert f.source.format == "ocr"
    assert f.reporting_owners[0].officer_title is None
    assert any(
        n.field == "reporting_owners[0].officer_title" and "'Lega:'" in n.message for n in f.notes
    )
    # a converter's text has the characters the filing printed: read as it stands
    plain = (RENDERINGS / "0001127602-25-001055.txt" / "pdfplumber-text.txt").read_text()
    g = parse_bytes(plain.replace("& Secretary", "& Secretary:").encode(), "aar.txt")
    assert g.reporting_owners[0].officer_title == "Senior VP, GC, CAO & Secretary:"


def test_pymupdf4llm_layouts_title_is_the_bold_run_below_its_label() -> None:
    # the converter prints the filer's values in bold; box 5 in cells a border cut:
    # "**X** Officer (give<br>**CEO**" | "title below)" (the real Tesla filing)
    f = parse_file(RENDERINGS / "tesla-form4.xml" / "pymupdf4llm-layout.md")
    assert f.reporting_owners[0].officer_title == "CEO"
    g = parse_file(RENDERINGS / "wf-form4_156694501621463.xml" / "pymupdf4llm-layout.md")
    assert g.reporting_owners[0].officer_title == "Chief Executive Officer"
    # "**EVP & Chief Financial**" with "**Officer**" in the next cell (the title wrapped under
    # the other label): where it ends is not said, left empty
    path = RENDERINGS / "0001045810-23-000006_wf-form4_167486488448198.xml"
    h = parse_file(path / "pymupdf4llm-layout.md")
    assert h.reporting_owners[0].officer_title is None
    # a bold run cut at the cell's border goes on in the next cell: left empty too
    text = (RENDERINGS / "tesla-form4.xml" / "pymupdf4llm-layout.md").read_text()
    cut = text.replace("<br>**CEO**|title below)", "<br>**Chief Operat**|tle below)<br>**ing**")
    assert cut != text
    assert parse_bytes(cut.encode(), "t.md").reporting_owners[0].officer_title is None


OCR_TITLE = Path(__file__).parent / "fixtures" / "text" / "remix"
OCR_TITLE /= "ocr_box_5_title_beside_a_garbled_date.txt"


def test_a_scans_title_is_the_one_cell_under_box_5s_labels() -> None:
    """tesseract of a synthetic filing: ``AVENUE   echlald da   General Counsel & Secretary``,
    box 1's street, box 3's date garbled and box 5's title on one line. The shared line gave no
    cut (the date that ends box 3 is unreadable): left empty with a doubt. The scan keeps the
    columns, and the title is the one cell starting under the labels (``X Officer (give title
    below)``) with nothing under it: read, the doubt gone."""
    f = parse_file(OCR_TITLE)
    assert f.reporting_owners[0].officer_title == "General Counsel & Secretary"
    assert not any(n.field == "reporting_owners[0].officer_title" for n in f.notes)
    text = OCR_TITLE.read_text()
    street = next(ln for ln in text.splitlines() if ln.startswith("(Street)"))
    # words under the title on the next line: its rest or another box's; not said which
    more = text.replace(street, street.ljust(150) + "Legal Affairs", 1)
    g = parse_bytes(more.encode(), "more.txt")
    assert g.reporting_owners[0].officer_title is None
    assert any(n.field == "reporting_owners[0].officer_title" for n in g.notes)
    # a second cell under the labels (a speck beside the title): which is the title, unsaid
    title = "General Counsel & Secretary"
    specked = text.replace(title, "Qx   " + title, 1)
    assert parse_bytes(specked.encode(), "specked.txt").reporting_owners[0].officer_title is None


def test_a_date_captions_words_under_box_5s_labels_are_no_title() -> None:
    """tesseract of a remixed filing (seed 667): box 4's caption cut by the scan to ``mendment,
    Date of Original File   onth/Day/Year`` on the line under box 5's ticked ``X Officer``, and
    ``onth/Day/Year`` had been read as the officer's title (truth ``CEO``, which the scan lost).
    A date caption's format is no title: left empty, said."""
    f = parse_file(OCR_TITLE.parent / "ocr_box4_date_caption_where_box5_title_would_be.txt")
    owner = f.reporting_owners[0]
    assert (owner.is_officer, owner.officer_title) == (True, None)
    said = [n.message for n in f.notes if n.field == "reporting_owners[0].officer_title"]
    assert any("a date caption's words, not a title" in m for m in said)
    head = Header()
    head.is_officer, head.role_text = True, "Chief Financial Officer"
    _place_roles(head)
    assert head.officer_title == "Chief Financial Officer"


TEXT = Path(__file__).parent / "fixtures" / "text"


def test_a_title_after_the_street_wrapped_beside_it_is_read() -> None:
    """markitdown of a synthetic filing: ``C/O ALDERWOOD SYSTEMS, INC. 400 CEDAR 3. Date of
    ... X Officer (give title below) ...`` / ``01/19/2016`` / ``AVENUE General Counsel &
    Secretary``: box 1's street wrapped onto the line of box 5's title. Its words were left
    empty (where the title begins is not said); a street's last word opens the line, and no
    title opens on one: the rest is the title (a doubt says so)."""
    f = parse_file(TEXT / "md_title_after_a_street_wrapped_beside_it.md")
    owner = f.reporting_owners[0]
    assert (owner.is_officer, owner.officer_title) == (True, "General Counsel & Secretary")
    assert any("street's last word" in n.message and n.kind == "doubt" for n in f.notes)


def test_a_scans_title_line_after_a_street_is_not_read_so() -> None:
    """The same line in a scan, ``AVENUE      Eee      Chief Executive Officer``: its cells
    stand apart, specks among them (``Eee``); read as one line after the street's word, the
    title was 'Eee Chief Executive Officer'. A text that keeps its columns apart is not
    read so (the title stays as it was read before: empty, with a doubt)."""
    f = parse_file(TEXT / "ocr_title_after_a_street_and_specks.txt")
    owner = f.reporting_owners[0]
    assert owner.officer_title in (None, "Chief Executive Officer")
    assert not any("street's last word" in n.message for n in f.notes)


FRESH = TEXT / "fresh"


def test_a_title_printed_as_a_block_of_its_own_before_box_1s_caption_is_read() -> None:
    """markitdown prints each text block apart, in the order drawn: ``10% Owner`` / ``Other
    (specify below)`` / ``General Counsel & Secretary`` / ``(Middle)``, each a paragraph
    between blank lines. Box 1's caption after the title had made its lines 'shared' (left
    empty, six filings of the work list); a block holds one box's words, so the title is
    whole."""
    f = parse_file(FRESH / "worklist_aldw_title_a_block_of_its_own_markitdown.md")
    owner = f.reporting_owners[0]
    assert (owner.is_officer, owner.officer_title) == (True, "General Counsel & Secretary")
    assert not any(n.field.endswith("officer_title") for n in f.notes)


def test_box_5s_own_label_printed_as_a_block_is_no_title() -> None:
    """remix seed 981, markitdown: ``X Officer (give title below)`` / ``Director`` /
    ``(Middle)`` / ``CEO``: the block after the officer's label is box 5's ``Director``
    label (the title stands after box 1's caption): read as the title, it was 'Director'."""
    f = parse_file(FRESH / "remix981_box5_label_a_block_after_officer_markitdown.md")
    assert f.reporting_owners[0].officer_title is None
    assert any(n.field.endswith("officer_title") for n in f.notes)


def test_a_title_beside_box_1s_street_on_lines_without_blanks_stays_unsure() -> None:
    """The same words with no blank lines around them (plain text runs boxes side by side:
    the line may hold box 1's words too) are not a block: left empty, as before."""
    text = (FRESH / "worklist_aldw_title_a_block_of_its_own_markitdown.md").read_text()
    text = text.replace("Other (specify below)\n\nGeneral Counsel & Secretary\n\n(Middle)",
                        "Other (specify below)\nGeneral Counsel & Secretary\n(Middle)")  # fmt: skip
    f = parse_bytes(text.encode(), path="aldw.md")
    assert f.reporting_owners[0].officer_title is None


def test_a_title_after_a_streets_rest_of_two_words_in_capitals_is_read() -> None:
    """markitdown (the work list's BWTX): ``C/O BRIGHTWATER THERAPEUTICS, INC. 75 3. Date of
    ... X Officer (give title below) ...`` / ``HARBOR STREET Chief People Officer``: the
    street's wrapped rest is two words in capitals ending on the street's kind, and the
    title opens in other letters after it; it had been left empty (only a rest of one word
    was known). A title whose own words hold a street's kind changes no case: not cut."""
    from parsers.text.header import _title_after_street_rest

    f = parse_file(FRESH / "worklist_bwtx_title_after_a_two_word_street_rest_markitdown.md")
    assert f.reporting_owners[0].officer_title == "Chief People Officer"
    assert any("street's last word" in n.message and n.kind == "doubt" for n in f.notes)
    assert _title_after_street_rest("OLD MILL ROAD President & CEO") == (
        "President & CEO",
        "OLD MILL ROAD",
    )
    for text in ("Chief Court Officer", "CHIEF COURT OFFICER", "MAIN STREET SUITE 100 Chief"):
        assert _title_after_street_rest(text) is None, text


def test_a_street_rests_title_that_runs_on_past_box_1s_caption_is_not_read() -> None:
    """(review) ``HARBOR STREET Chief Financial`` / ``(Street) Officer``, ``... Executive Vice
    President,`` / ``(Street) Chief People Officer``, ``... Vice President`` / ``(Street)`` /
    ``and Controller``: the title's lines go on past the caption, so the first line is part
    of it only (read 'Chief Financial', 'Vice President', wrong): left empty."""
    base = (FRESH / "worklist_bwtx_title_after_a_two_word_street_rest_markitdown.md").read_text()
    line = "HARBOR STREET Chief People Officer\n(Street)\n"
    assert line in base
    for lines in (
        "HARBOR STREET Chief Financial\n(Street) Officer\n",
        "HARBOR STREET Executive Vice President,\n(Street) Chief People Officer\n",
        "HARBOR STREET Vice President\n(Street)\nand Controller\n",
    ):
        f = parse_bytes(base.replace(line, lines).encode(), path="bwtx.md")
        assert f.reporting_owners[0].officer_title is None, lines


def test_a_block_after_box_5s_labels_that_is_no_title_is_not_read() -> None:
    """(review) a paragraph of its own where the title stands may be another box's words
    drawn there: box 1's name or a word of it, its address, the form's own text, a title's
    first line; none is read as the title. An officer's initials are."""
    base = (FRESH / "worklist_aldw_title_a_block_of_its_own_markitdown.md").read_text()
    title = "\n\nGeneral Counsel & Secretary\n\n"
    assert title in base
    for block in (
        "Ellsworth Vivian M", "Marie", "AVENUE", "C/O ALDERWOOD SYSTEMS, INC.",
        "Estimated average burden", "Chief Financial", "Executive Vice President,", "Other",
    ):  # fmt: skip
        f = parse_bytes(base.replace(title, f"\n\n{block}\n\n").encode(), path="aldw.md")
        assert f.reporting_owners[0].officer_title is None, block
    f = parse_bytes(base.replace(title, "\n\nCEO\n\n").encode(), path="aldw.md")
    assert f.reporting_owners[0].officer_title == "CEO"
