"""Organisations and persons of a report that names bodies by their acronyms (issues 14 and
18): the Background Report of the UN Working Group on Internet Governance (2005), a Word file.
Its thing "the Internet" is written after "the" in four of ten uses and before a noun in most
others ("Internet related decision making"), where a verb of saying seemed to follow a person;
a body's acronym in brackets that spells its name may be a town's name in the gazetteer's
lower case ("International Telecommunications Union (ITU)", Itu in Brazil), and an acronym may spell a longer name than the body found at its end ("World
Summit on the Information Society (WSIS)": a summit, an event, no Society). Bodies end in an
Agency or a Consortium too. Read from the Word file in the shared corpus beside the
project (skipped where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from corpus_marks import marked_texts
from teikit.convert import convert
from teikit.profile import load_profile

WGIG = ROOT.parent / "shared" / "corpus" / "docx" / "wgig-background-report-2005.docx"


@pytest.fixture(scope="module")
def wgig(tmp_path_factory) -> Path:
    if not WGIG.is_file():
        pytest.skip(f"the shared corpus's Word report is not beside the project ({WGIG} absent)")
    out = tmp_path_factory.mktemp("docx") / "wgig"
    convert(WGIG, out, profile=load_profile())
    return out


def test_a_word_written_after_the_often_is_no_person(wgig):
    """ "the Internet" 176 times: "Internet related decision making" says nothing."""
    said = "stakeholders should play a role in all Internet related decision making processes"
    assert "Internet" not in marked_texts(wgig, said)
    assert "Internet" not in marked_texts(wgig, "there is an inextricable linking of Internet governance")
