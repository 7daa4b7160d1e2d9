"""Names and dates of a book that writes its romanised names as a language of their own (issue
18): The Art of War (Sun Tzu, tr. Lionel Giles, Standard Ebooks), whose EPUB sets each Wade-Giles
name in a span of language "zh-Latn-wadegile", which the converter makes a `foreign`. A
romanised name so set is read as words of its sentence ("Ho Shih says:"), and a name of several
capitalised words that says is one name, marked whole ("Chang Yü says"); a year with its era is
a date whatever its size ("473 BC", "945 AD"), a year before the era a negative one with no year
zero (XML Schema 1.0, as `att.datable.w3c` reads it), and the era's abbreviation no body's
acronym; a word named as a state ("the Chʽi State", "the small state of 蕭 Hsiao") is a place
and no person, a ruling house's ("the Chʽin and Han dynasties") neither. Read from the EPUB in
the shared corpus beside the project (skipped where absent)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import NS, ROOT
from corpus_marks import converted_epub, marked_texts, marks, xhtml_paragraph
from teikit.enrich import dates, eras, matching, polities
from teikit.profile import load_profile

WAR = ROOT.parent / "shared" / "corpus" / "epub" / "sun-tzu_the-art-of-war_lionel-giles"
INTRODUCTION = WAR / "text" / "translators-intro-1.xhtml"


@pytest.fixture(scope="module")
def war(tmp_path_factory) -> Path:
    return converted_epub(tmp_path_factory, WAR.name)


def _dates(folder: Path, said: str) -> list[tuple[str, dict[str, str]]]:
    """The dates marked in the innermost block that writes `said`: (text, attributes)."""
    found = []
    for text, _ in marks(folder, said, "date"):
        found.append(text)
    out = []
    for f in sorted(folder.glob("*.xml")):
        for el in etree.parse(str(f)).iter(f"{{{NS['t']}}}date"):
            text = " ".join("".join(el.itertext()).split())
            if text in found:
                out.append((text, dict(el.attrib)))
                found.remove(text)
    return out


def test_a_romanised_name_before_a_verb_of_saying_is_marked_whole(war):
    marked = marked_texts(war, "Ho Shih says: “Haste may be stupid")
    for name in ("Ho Shih", "Wang Hsi", "Chang Yü", "Tsʽao Kung"):
        assert name in marked, (name, marked)
    # no syllable of a name marked alone
    assert not {"Ho", "Shih", "Chang", "Yü", "Hsi"} & set(marked)


def test_a_romanised_name_is_read_with_its_sentence():
    """`matching.romanised_name`: a `foreign` of a romanisation's language holding capitalised
    words is a name, a phrase of the tongue is not."""
    tei = etree.fromstring(
        '<p xmlns="http://www.tei-c.org/ns/1.0"><foreign xml:lang="zh-Latn-wadegile">Ho Shih</foreign> says:'
        ' <foreign xml:lang="zh-Latn-wadegile">fou⁴</foreign> <foreign xml:lang="fr">Ancien Régime</foreign></p>'
    )
    first, second, third = tei
    assert matching.romanised_name(first)
    assert not matching.romanised_name(second)  # a reading, no name
    assert not matching.romanised_name(third)  # French in its own script: a foreign phrase


def test_years_with_their_era(war):
    found = _dates(war, "The long feud between the two states ended in 473 BC")
    assert ("473 BC", {"when": "-0473"}) in found
    found = _dates(war, "was surrounded by a vastly superior army of Khitans")
    assert ("945 AD", {"when": "0945"}) in found


def test_a_range_of_years_before_the_era():
    text = xhtml_paragraph(INTRODUCTION, "in his 新序 says")
    found = [(text[s:e], attrs) for s, e, attrs in dates.find_dates(text)]
    assert ("80\u2060–\u20609 BC", {"from": "-0080", "to": "-0009"}) in found, found


def test_a_century_before_the_era(war):
    # the century's last third, counted from its first year, 500 BC: 434 to 401 BC
    found = _dates(war, "towards the end of the 5th century BC")
    assert ("end of the 5th century BC", {"notBefore": "-0434", "notAfter": "-0401"}) in found, found


def test_an_era_is_no_acronym(war):
    if (war / "orgs.xml").is_file():
        orgs = etree.parse(str(war / "orgs.xml"))
        names = {"".join(n.itertext()) for n in orgs.iter(f"{{{NS['t']}}}orgName")}
        assert "BC" not in names and "AD" not in names
    for f in war.glob("*.xml"):
        assert not re.search(r"<orgName[^>]*>BC<", f.read_text(encoding="utf-8")), f.name


def test_a_romanised_name_set_apart_is_marked_whole(war):
    # "Hsiang" is found a person's name elsewhere; the book sets "Liu Hsiang" apart as one name
    assert "Liu Hsiang" in marked_texts(war, "in his 新序 says")
    assert "Mêng Shih" in marked_texts(war, "Ho Shih says: “Haste may be stupid")


def test_a_name_of_several_words_where_a_person_stands(war):
    # "the famous general Wu Chʽi", "Wu Chʽi himself"
    marked = marked_texts(war, "engaging picture of the famous general")
    assert marked.count("Wu Chʽi") == 2, marked


def test_states_named_as_states_are_places(war):
    said = "who invaded the small state of"
    places = marked_texts(war, said, "placeName")
    assert "Chʽu" in places and "Hsiao" in places, places
    assert not {"Chʽu", "Hsiao", "Chʽi"} & set(marked_texts(war, said))


def test_a_ruling_house_is_no_person_nor_place(war):
    said = "During the Chʽin and Han dynasties"
    assert not {"Chʽin", "Han"} & set(marked_texts(war, said))
    assert not {"Chʽin", "Han"} & set(marked_texts(war, said, "placeName"))


def test_a_name_of_several_words_once_next_to_a_verb_of_saying(war):
    # "Fu Yen-chʽing exclaimed" is the book's only saying of his: the name's shape and one verb
    assert marked_texts(war, "until at last Fu Yen-chʽing exclaimed").count("Fu Yen-chʽing") == 3


def test_ruling_houses_and_states_told_apart():
    """`polities`: read from the book's text, "Han" names a dynasty more often than a state (no
    place, no person alone), "Wu" a state."""
    if not (WAR / "text").is_dir():
        pytest.skip(f"the shared corpus is not beside the project ({WAR} absent)")
    paragraphs = [
        " ".join("".join(p.itertext()).split())
        for source in sorted((WAR / "text").glob("*.xhtml"))
        for p in etree.parse(str(source)).iter("{http://www.w3.org/1999/xhtml}p")
    ]
    text = "\n\n".join(paragraphs)
    assert "Han" in polities.ruling_houses(text)
    states = polities.polities(text, load_profile())
    assert "Wu" in states and "Han" not in states, sorted(states)


def test_texts_holding_an_era_found_in_one_search():
    """`eras.texts_holding`, one search of the texts joined, finds the texts `eras.may_hold`
    finds one by one: the book's paragraphs."""
    if not (WAR / "text").is_dir():
        pytest.skip(f"the shared corpus is not beside the project ({WAR} absent)")
    texts = [
        "".join(p.itertext())
        for source in sorted((WAR / "text").glob("*.xhtml"))
        for p in etree.parse(str(source)).iter("{http://www.w3.org/1999/xhtml}p")
    ]
    joined = "\x00".join(texts)
    ends = []
    at = -1
    for text in texts:
        at += len(text) + 1
        ends.append(at)
    one_by_one = [k for k, text in enumerate(texts) if eras.may_hold(text)]
    assert len(one_by_one) > 50  # the book dates by era throughout
    assert eras.texts_holding(joined, ends) == one_by_one


def test_a_state_inside_a_longer_name_is_no_place(war):
    # "Chêng" is named a state ("the small principality of Chêng"), and the first syllable of
    # the scholar Chêng Yu-hsien's name
    said = "that a clause relating to it has fallen out of the text"
    assert "Chêng" not in marked_texts(war, said, "placeName")
    assert "Chêng" in marked_texts(war, "the small principality of", "placeName")


def test_a_state_has_no_modern_city_s_geonames_id(war):
    # "Chʽu" folds to "Chu", another name of Quzhou in GeoNames: the state is no modern city
    ids = {ref for text, ref in marks(war, "who invaded the small state of", "placeName") if text == "Chʽu"}
    assert len(ids) == 1, ids
    places = etree.parse(str(war / "places.xml"))
    (place,) = [
        p for p in places.iter(f"{{{NS['t']}}}place") if p.get("{http://www.w3.org/XML/1998/namespace}id") in ids
    ]
    assert place.find(f".//{{{NS['t']}}}location") is None
    assert "Quzhou" not in {"".join(n.itertext()) for n in place.iter(f"{{{NS['t']}}}placeName")}
