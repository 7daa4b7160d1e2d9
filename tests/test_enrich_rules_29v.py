"""Organisations of a report that names bodies by their acronyms (issue 14), round 10: the
Background Report of the UN Working Group on Internet Governance (2005), a Word file. "The UN",
written so seven times and once before "ICT" ("the UN ICT Task Force"), is a body's acronym,
though the gazetteer knows a town Un (India) in another case; a town is written neither in
capitals nor after "the". An acronym the report spells out in brackets ("the Internet Assigned
Numbers Authority (IANA)") and lists with known bodies ("ICANN/IANA") is a body, though its
name ends in no body's noun; one written only joined by a slash to another ("UN/CEFACT") is
part of one name, not a body of its own. A name of one capitalised word and a noun that names a
concept too ("Information Society") is no body where the report writes it in lower case as well.
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


def test_two_capitals_after_the_mostly_alone_are_a_body_not_a_town(wgig):
    """ "the UN" (article outside): a body, no town Un; "the UN ICT Task Force" once only."""
    said = "where the planned transfer from IANA to an organization under the authority of the UN has been"
    assert marked_texts(wgig, said, "orgName") == ["IANA", "UN"]
    assert "UN" not in marked_texts(wgig, said, "placeName")
    profile = load_profile()
    assert orgs._town_in_another_case("UN", profile)  # the gazetteer's Un, in another case
    assert not orgs._town_in_another_case("Un", profile)  # as the gazetteer writes it: the town


def test_an_acronym_spelt_out_and_listed_with_bodies_is_a_body(wgig):
    """ "the Internet Assigned Numbers Authority (IANA)", "ICANN/IANA": IANA a body wherever
    the report writes it, as in "the IANA functions"."""
    said = "More specifically, the IANA functions, being under the authority of the US DoC"
    assert "IANA" in marked_texts(wgig, said, "orgName")
    said = "memoranda of understanding (MoUs) to be executed between ICANN/IANA and ccTLD"
    assert "IANA" in marked_texts(wgig, said, "orgName")


def test_an_acronym_only_ever_after_a_slash_is_no_body_of_its_own(wgig):
    """ "(e.g. UN/CEFACT)": CEFACT, never written alone, is not made a body by the slash."""
    said = "customs procedures designed to facilitate trade (e.g. UN/CEFACT)"
    assert "CEFACT" not in marked_texts(wgig, said, "orgName")
    text = "trade (e.g. UN/CEFACT) and ICANN/IANA"
    assert orgs._slashed(text, text.index("CEFACT"), "CEFACT")
    assert orgs._slashed(text, text.index("ICANN"), "ICANN")
    assert not orgs._slashed("the IANA functions", 4, "IANA")


def test_a_body_noun_the_report_writes_in_lower_case_as_a_concept_names_no_body(wgig):
    """ "development-oriented Information Society" beside "the emerging information society":
    a concept (`[orgs] concepts`); "the Internet Society (ISOC)", never in lower case, a body."""
    said = "inclusive and development-oriented Information Society, where everyone can create"
    assert "Information Society" not in marked_texts(wgig, said, "orgName")
    said = "the Place of the Media in the Information Society in Africa and the Arab Region"
    assert "Information Society" not in marked_texts(wgig, said, "orgName")
    said = "UNIDROIT, Internet Society (ISOC), Global Business Dialogue"
    assert "Internet Society" in marked_texts(wgig, said, "orgName")
    assert "Society" in load_profile().org_concepts
