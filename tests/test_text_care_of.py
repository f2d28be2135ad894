"""Boxes 1 and 2 run together in plain text, cut where box 1's c/o line names the issuer
(parsers.text.header.split_by_care_of): read where one cut does, empty otherwise."""

from __future__ import annotations

from pathlib import Path

from parsers import parse_bytes
from parsers.text.header import Header, split_by_care_of

RENDERINGS = Path(__file__).parent / "fixtures" / "renderings" / "real"


def _run(text: str) -> Header:
    h = Header()
    h.run_together = text
    return h


def test_the_run_ends_in_the_c_o_companys_words() -> None:
    h = _run("Musk Elon Tesla, Inc.")
    split_by_care_of(h, ["C/O TESLA, INC. 1 TESLA ROAD 3. Date of Earliest Transaction"])
    assert (h.owner_name, h.issuer_name, h.run_together) == ("Musk Elon", "Tesla, Inc.", None)
    assert any("c/o line" in n[2] for n in h.notes)


def test_a_c_o_name_not_ended_by_a_number_or_not_the_runs_tail_cuts_nothing() -> None:
    for line in (
        "C/O TESLA, INC.",  # the street went to the next line: the name may go on
        "C/O TELOS HOLDINGS CORPORATION 19886 ASHBURN ROAD",  # not the words of the run's tail
        "C/O TESLA MOTORS, INC. 1 TESLA ROAD",  # ... nor here
    ):
        h = _run("Musk Elon Tesla, Inc.") if "TELOS" not in line else _run("Schaufeld F TELOS CORP")
        split_by_care_of(h, [line])
        assert h.owner_name is None and h.issuer_name is None and h.run_together is not None


def test_a_legal_form_written_short_in_the_run_is_the_c_o_names_word() -> None:
    # "TELOS CORP" in box 2, "C/O TELOS CORPORATION" in box 1: the same company's words
    h = _run("Schaufeld Fredrick TELOS CORP")
    split_by_care_of(h, ["C/O TELOS CORPORATION 19886 ASHBURN ROAD 05/12/2023 Officer"])
    assert (h.owner_name, h.issuer_name) == ("Schaufeld Fredrick", "TELOS CORP")
    assert any("c/o line" in n[2] for n in h.notes)
    # ... but a shorter name is not a short form of a word: "CORP" is no "CORPORATE"
    h = _run("Schaufeld Fredrick TELOS CORP")
    split_by_care_of(h, ["C/O TELOS CORPORATE 19886 ASHBURN ROAD"])
    assert h.owner_name is None and h.issuer_name is None


def test_the_run_may_end_in_the_conformed_names_state_tag() -> None:
    # EDGAR's "VERTEX PHARMACEUTICALS INC / MA": the tag is the issuer's, no address has it
    h = _run("SACHS BRUCE I VERTEX PHARMACEUTICALS INC / MA")
    split_by_care_of(h, ["C/O VERTEX PHARMACEUTICALS INCORPORATED 10/15/2020 Officer"])
    assert h.owner_name == "SACHS BRUCE I"
    assert h.issuer_name == "VERTEX PHARMACEUTICALS INC / MA"
    for tagged in ("Smith Ann ACME CORP /DE/", "Smith Ann ACME CORP /NEW/"):
        h = _run(tagged)
        split_by_care_of(h, ["C/O ACME CORPORATION 1 MAIN STREET"])
        assert (h.owner_name, h.issuer_name) == ("Smith Ann", tagged[len("Smith Ann ") :])
    # a tag alone is no name: the c/o line must still name the words before it
    h = _run("SACHS BRUCE I VERTEX PHARMACEUTICALS INC / MA")
    split_by_care_of(h, ["C/O PHARMACEUTICALS HOLDINGS INC 50 NORTHERN AVENUE"])
    assert h.owner_name is None and h.issuer_name is None


def test_two_c_o_names_that_cut_the_run_apart_differently_cut_nothing() -> None:
    h = _run("Smith Ann Life Sciences Ltd.")
    split_by_care_of(h, ["C/O LIFE SCIENCES LTD. 7 MAIN", "C/O SCIENCES LTD. 9 ELM"])
    assert h.owner_name is None and h.issuer_name is None


def test_plain_text_header_read_apart_by_the_c_o_line() -> None:
    # signed "Elon Musk": the signature's rule cuts first ("Tesla," is all the issuer's name
    # before its legal form, so no middle name left out); signed by an attorney-in-fact, the
    # c/o line "C/O TESLA, INC. 1 TESLA ROAD" cuts the run in the same place
    path = RENDERINGS / "tesla-form4.xml" / "pdfplumber-text.txt"
    signed = path.read_text()
    by_attorney = signed.replace("Elon Musk 03/10/2023", "/s/ Aaron Beckman, Attorney-in-Fact")
    assert by_attorney != signed
    for text, rule in ((signed, "signature line"), (by_attorney, "c/o line")):
        f = parse_bytes(text.encode(), "tesla.txt")
        assert f.issuer.name == "Tesla, Inc." and f.issuer.ticker == "TSLA"
        assert f.reporting_owners[0].name == "Musk Elon"
        doubts = [n.message for n in f.notes if n.field == "issuer.name" and n.kind == "doubt"]
        assert any(rule in m for m in doubts), rule
