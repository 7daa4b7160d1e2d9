"""Organisations and persons of a report that names bodies by their acronyms (issues 14 and
18): the Background Report of the UN Working Group on Internet Governance (2005), a Word file.
Its thing "the Internet" is written after "the" in four of ten uses and before a noun in most
others ("Internet related decision making"), where a verb of saying seemed to follow a person;
a body's acronym in brackets that spells its name may be a town's name in the gazetteer's
lower case ("International Telecommunications Union (ITU)", Itu in Brazil), and an acronym
may spell a longer name than the body found at its end ("World Summit on the Information
Society (WSIS)": a summit, an event, no Society). Bodies end in an Agency, a Consortium or a
Task Force too, and an acronym listed twice with known bodies ("the OECD and APEC") is one.
Read from the Word file in the shared corpus beside the project (skipped where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_marks import converted_word, marked_texts
from teikit.enrich import orgs
from teikit.profile import load_profile


@pytest.fixture(scope="module")
def wgig(tmp_path_factory) -> Path:
    return converted_word(tmp_path_factory, "wgig-background-report-2005")


def test_a_word_written_after_the_often_is_no_person(wgig):
    """ "the Internet" 176 times: "Internet related decision making" says nothing."""
    said = "stakeholders should play a role in all Internet related decision making processes"
    assert "Internet" not in marked_texts(wgig, said)
    assert "Internet" not in marked_texts(wgig, "there is an inextricable linking of Internet governance")


def test_an_acronym_in_brackets_is_no_town_of_that_name(wgig):
    """ "International Telecommunications Union (ITU)": the ITU, not Itu in Brazil."""
    said = "in the case of the ITU, as sector members and associates"
    assert marked_texts(wgig, said, "orgName").count("ITU") == 2
    profile = load_profile()
    assert orgs._town_spelt_out("ITU", "International Telecommunications Union", profile)
    assert not orgs._town_spelt_out("OSA", "Organization of Modernist Architects", profile)  # Osa, a town
    assert not orgs._town_spelt_out("USSR", "Union of Soviet Socialist Republics", profile)  # a land's


def test_an_acronym_spelling_a_longer_name_is_not_the_body_found_at_its_end(wgig):
    """ "the World Summit on the Information Society (WSIS)": WSIS no Society's short name."""
    said = "WSIS outcome criteria"
    marked = marked_texts(wgig, "the WGIG took the key WSIS principles", "orgName") + marked_texts(
        wgig, said, "orgName"
    )
    assert "WSIS" not in marked
    before = "the first phase of the World Summit on the Information Society"
    assert orgs._spells_more("WSIS", before, before.index("Information"))
    before = "the Organisation for Economic Co-operation and Development"
    assert not orgs._spells_more("OECD", before, before.index("Organisation"))


def test_a_consortium_and_a_task_force_are_bodies(wgig):
    said = "the IETF and ICANN are working with groups"
    assert "IETF" in marked_texts(wgig, said, "orgName")
    said = "as exemplified in the work of the Internet Engineering Task Force (IETF)"
    assert "Internet Engineering Task Force" in marked_texts(wgig, said, "orgName")
    said = "UNESCO and MINC are working on wider aspects of multilingualism"
    assert "MINC" in marked_texts(wgig, said, "orgName")


def test_an_acronym_listed_twice_with_known_bodies_is_a_body(wgig):
    """ "the OECD and APEC", "OECD, ITU and APEC": APEC a body, though it is never spelt out nor
    written after "the"; "ITU" joined to it is a known body, no town (Itu) that would make
    APEC a place."""
    said = "to participate in their work as observers (for example, OECD, APEC)"
    assert marked_texts(wgig, said, "orgName") == ["OECD", "APEC", "ITU", "ITU"]
    said = "UNESCO and MINC are working on wider aspects of multilingualism"
    assert "UNESCO" in marked_texts(wgig, said, "orgName")
