"""Words that look like persons' names and are none (issue 18, persName precision), on
sentences of a book never tuned on: Parker's *Modern Treatment of Syphilitic Diseases*
(1845, an OCR text with a subject index), whose prescriptions write their Latin after the
Recipe sign "R." ("R. Hydrargyri bichloridi", "Pulv. cubebae") and end on "M." (misce),
no Monsieur; and that the persons beside them stay marked ("M. Ricord", "Sir A. Cooper",
"Mr. R. Carmichael"). Wilde's butler Lane stays a person where the street does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import NS
from corpus_marks import CORPUS, converted_books, marked_texts
from teikit.convert import convert
from teikit.profile import load_profile

PARKER = "parker-syphilitic-diseases-1845-ocr"


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    """A corpus book's edition by name, converted once; Parker's OCR text with the words its
    scan lost accepted (`allow_loss`), as the benchmarks convert it."""
    others = converted_books(tmp_path_factory, "precision22")
    made: dict[str, Path] = {}

    def converted(name: str) -> Path:
        if name != PARKER:
            return others(name)
        if name not in made:
            source = CORPUS / f"{name}.txt"
            if not source.is_file():
                pytest.skip(f"the development corpus is not beside the project ({source} absent)")
            out = tmp_path_factory.mktemp("precision22") / name
            convert(source, out, profile=load_profile(), allow_loss=True)
            made[name] = out
        return made[name]

    return converted


def test_a_prescriptions_latin_is_no_person(edition):
    """After the Recipe sign a prescription's words are no surnames, nor marked alone
    elsewhere: "R. Hydrargyri", "Aquae" (29 marks before), abbreviations ("Pulv.", "Ext.",
    "Tinct."), a dose sign read as an initial ("Jj. Hydrargyri")."""
    parker = edition(PARKER)
    assert marked_texts(parker, "R. Hydrargyri bichloridi gr. xx.") == []
    assert marked_texts(parker, "Pulv. cubebse, aa jj.") == []
    assert marked_texts(parker, "Tinct. myrrhae, aa Jss. Aquae %v. M. ft. garg.") == []
    assert marked_texts(parker, "R. Cerati simplicis, vel mellis, Olei oliva;, aa Jj. Hydrargyri chlorid.") == []
    assert marked_texts(parker, "R. Adipis, 3j.") == []


def test_the_misce_of_a_prescription_is_no_monsieur(edition):
    """ "M." before a function word ("M. To be made into pills"), before a word the book
    writes in lower case ("M. Mix the turpentine") or on a prescription's line ("Oij. M.
    Macera per horas") names no one; before a surname it is Monsieur ("M. Ricord
    establishes")."""
    parker = edition(PARKER)
    assert marked_texts(parker, "Sanguinis draconis, ^ss. M. To be made into pills") == []
    assert marked_texts(parker, "Olei hyperici, Jss. M. Mix the turpentine") == []
    # on a prescription's line (a word written after its Recipe sign before it): misce
    assert marked_texts(parker, "Liq. calcis, Oij. M. Macera per horas 24") == []
    assert marked_texts(parker, "R. Zinci chloridi, gr. viij. Aquae, ^vii]. M. The strength gradually increased.") == []
    assert marked_texts(parker, "employed by M. Local ap- Ricord at this period") == ["Ricord"]
    assert "M. Ricord" in marked_texts(parker, "M. Ricord establishes, in the first place, that a chancre")

    # A Recipe sign is no initial after a title or an initial: "Mr. R. Carmichael", "Sir A.
    # Cooper"; the OCR's "Kicord" for Ricord is a person's name as printed.
    assert "Mr. R. Carmichael" in marked_texts(parker, "they are also noticed by Mr. R. Carmichael in his clinical")
    assert "Sir A. Cooper" in marked_texts(parker, "a case which Sir A. Cooper used to relate in his lectures")
    assert marked_texts(parker, "both Cullerier and Kicord attend so much") == ["Cullerier", "Kicord"]


def test_a_joined_article_a_month_and_a_street_are_no_persons(edition):
    """ "Apatient, whose case": the article run into a word the book writes in lower case;
    "Mars 1832": a French month before its year, no god; "Warwick Lane": a street after a
    town's name, though the book's Dr. Lane is a man. Wilde's "Enter Lane" is the butler."""
    parker = edition(PARKER)
    assert marked_texts(parker, "Apatient, whose case is already referred to") == []
    assert "Mars" not in marked_texts(parker, "Archives generales de Medecine, Mars 1832")
    assert marked_texts(parker, "Printed by VV. Blanchard anb Sons, Warwick Lane") == []
    wilde = edition("wilde-importance-of-being-earnest")
    stage = etree.parse(str(wilde / "act01.xml")).xpath(
        "//t:stage[contains(., 'Enter Lane with the cigarette case')]", namespaces=NS
    )
    assert [el.text for el in stage[0].iter(f"{{{NS['t']}}}persName")][:1] == ["Lane"]


def test_recipe_words_are_a_prescriptions_only():
    """`recipe_words` of Parker's prescriptions (lines of the book): the Recipe sign heads
    abbreviations at three lines' openings, so its other words are Latin too; a title is
    no sign ("M. Ricord"), nor an initial after one ("Mr. R. Carmichael")."""
    from teikit.enrich.namewords import recipe_words

    text = "\n".join(
        [
            "R. Pulv. pip. cubebae.",
            "R. Ext. catechu, Jss. Bals. copaibas, 5iij.",
            "R. Hyd. chlorid. 9j. M.",
            "R. Hydrargyri bichloridi gr. xx.",
            "M. Ricord employs the following form of pill in these cases.",
            "noticed by Mr. R. Carmichael in his clinical lectures",
        ]
    )
    found, signed = recipe_words(text, ["Mr.", "M."])
    assert {"Pulv", "Ext", "Bals", "Hyd", "Hydrargyri"} <= found
    assert {"Pulv", "Ext", "Hyd", "Hydrargyri"} == signed
    assert not {"Ricord", "Carmichael", "Opii"} & found
    # two abbreviations at lines' openings make no sign: "R. Hydrargyri" may be a man
    assert "Hydrargyri" not in recipe_words("\n".join(text.split("\n")[1:]), ["Mr.", "M."])[0]


def test_titles_before_short_function_words_and_lower_case_words():
    """A title before a short function word names no one ("M. To be taken"), nor a title of
    one letter before a word the book writes in lower case, once ("M. Mix the powders");
    "Mrs. More", a function word of four letters, is a name, and so is "M. Say", written
    twice (tests/data/enrich/precision22/titles.txt, written for this test)."""
    from teikit.enrich import textnames
    from teikit.enrich.namewords import Words

    text = (Path(__file__).parent / "data" / "enrich" / "precision22" / "titles.txt").read_text(encoding="utf-8")
    found, _, _ = textnames.discover(text, Words(text, load_profile()))
    assert {"Mrs More", "M Say"} <= set(found)
    assert not {"M To", "M Mix"} & set(found)


def test_the_words_cut_short_are_read_from_their_full_stops_as_the_plain_pattern_finds_them():
    """`namewords._cut_short_before_lower` (each full stop before a lower-case word, read
    back to its capitalised word) finds what `_DOTTED_BEFORE_LOWER.findall` finds, on every
    book of the corpus and the bundled one."""
    from teikit.enrich import namewords

    books = sorted(CORPUS.glob("*.txt")) + [Path(__file__).resolve().parents[1] / "sources" / "iron-lazar.txt"]
    for book in books:
        text = book.read_text(encoding="utf-8", errors="replace")
        assert namewords._cut_short_before_lower(text) == set(namewords._DOTTED_BEFORE_LOWER.findall(text)), book.name
