"""The span and the person of a mention in prose (teikit.enrich.persons beside a subject
index, teikit.enrich.textnames), on sentences of the development corpus: William James's
*The Varieties of Religious Experience* (a subject index that prints some persons in
capitals, "BUNYAN, 157, 160."), Keynes's *The Economic Consequences of the Peace* and
Wells's *The History of Mr Polly* (no index), Burns's *Poems and Songs* (verse)."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from conftest import NS, ROOT
from corpus_marks import converted_books, marks
from teikit.convert import convert
from teikit.profile import load_profile


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return converted_books(tmp_path_factory, "persons19")


def _marks(folder, said: str) -> list[tuple[str, str | None]]:
    return marks(folder, said)


def _texts(folder, said: str) -> list[str]:
    return [text for text, _ in _marks(folder, said)]


def test_a_forename_before_an_indexed_surname_is_in_the_mention(edition):
    """A forename right before a surname of the index is the mention's, though the forename
    is a surname of the register too (the index's "JOHN, SAINT, OF THE CROSS") or followed by
    a possessive ("John Bunyan’s"), or is no forename of the profile where the index gives
    none ("writes Alphonse Daudet"); the bare heading "BUNYAN" is the person so named. A
    title before is no initial ("Mr. John Nelson"), a common word opening the sentence no
    forename ("Similarly M. Taine"), an adjective before God none ("Almighty God"), nor a
    word after an article or a particle ("the Jesuit Rodriguez", "de la Mothe Guyon")."""
    james = edition("james-varieties-of-religious-experience")
    assert ("John Bunyan", "bunyan") in _marks(james, "melancholy enshrined in literature in John Bunyan’s")
    assert _texts(james, "liberation seems never to have poured over poor John Bunyan’s soul") == ["John Bunyan"]
    assert _texts(james, "Extracts from the Journal of Mr. John Nelson, London") == ["Mr. John Nelson"]
    assert "Alphonse Daudet" in _texts(james, "“Homo duplex, homo duplex!” writes Alphonse Daudet.")
    assert "John Mill" in _texts(james, "Dugald Stewart and Thomas Brown, James Mill, John Mill")
    marked = _texts(james, "from the nature of a triangle that its three angles")
    assert "M. Taine" in marked and "Similarly M. Taine" not in marked
    assert "Antonia Bourignon" in _texts(james, "Such statements as Antonia Bourignon’s, that")
    assert "James Russell Lowell" in _texts(james, "the languor of the more ordinary belief. In James Russell Lowell’s")
    assert "Rodriguez" in _texts(james, "Having just quoted the Jesuit Rodriguez on the subject of")
    marked = _texts(james, "Sometimes he cried to Almighty God in the fullness")
    assert "God" in marked and "Almighty God" not in marked
    assert _texts(james, "Experiences of Madame de la Mothe Guyon, New York, 1877, ii. 48") == ["Guyon"]


def test_a_title_written_out_before_an_indexed_surname_is_in_the_mention(edition):
    """Beside a subject index the text's conventions hold, as for the persons it adds: a
    title written out before a surname of the index is the mention's, as an abbreviated one
    is ("Professor Fraser", "General Booth", "Captain Mayne Reid", the clerical "Father
    Rodriguez"); a title the index gives as a forename ("ACKERMANN, MADAME") is no name alone
    ("Madame de Chantal", one mention)."""
    james = edition("james-varieties-of-religious-experience")
    assert "Professor Fraser" in _texts(james, "Professor Fraser’s Essays in Philosophy, then just published")
    assert "General Booth" in _texts(james, "General Booth, the founder of the Salvation Army")
    assert "Captain Mayne Reid" in _texts(james, "in Captain Mayne Reid’s sense")
    assert "Father Rodriguez" in _texts(james, "“Therefore, in our rooms,” Father Rodriguez continues")
    assert "Madame de Chantal" in _texts(james, "saints as Elizabeth of Hungary and Madame de Chantal are full")


def test_names_of_god_in_a_row_and_a_kings_number_make_one_mention(edition, tmp_path_factory):
    """ "The hand of the Lord God fell upon me": one mention, of God; "under Louis XIV.:—"
    the king's number and its point (the sentence goes on) are the mention's, and the king
    is not the index's "LOUIS, SAINT, OF GONZAGA"."""
    james = edition("james-varieties-of-religious-experience")
    assert ("Lord God", "god") in _marks(james, "‘The hand of the Lord God fell upon me,’")
    assert ("Louis XIV.", None) in _marks(james, "persecuted as a Huguenot under Louis XIV.:—")
    # no ruler's number where initials follow: the bundled book's "Pis'ma I.V. Stalina V.M.
    # Molotovu" (converted with teikit's default profile), Molotov's initials
    out = tmp_path_factory.mktemp("lazar") / "lazar"
    convert(ROOT / "sources" / "iron-lazar.txt", out, profile=load_profile())
    marked = _texts(out, "(eds), Pis'ma I.V. Stalina V.M. Molotovu")
    assert "I.V. Stalina" in marked and "I.V. Stalina V" not in marked


def test_a_name_in_a_firms_name_or_before_a_thing_named_after_him_is_no_mention(edition):
    """A publisher ("Messrs. Longmans, Green & Co.", "London, Hamilton, Adams & Co., 1887")
    and a name before a thing named after the man ("these very Gifford lectures", "the
    Gifford system": `[names] named_after`) are no mention; verse mocking men as a firm in
    lower case is ("North, Fox, and Co."). So is a body named after him: "the Hoover Mission"."""
    james = edition("james-varieties-of-religious-experience")
    assert "Messrs. Longmans" not in _texts(james, "which is already announced by Messrs. Longmans, Green")
    assert "Hamilton" not in _texts(james, "a Memoir of Billy Bray, London, Hamilton, Adams & Co., 1887")
    assert "Gifford" not in _texts(james, "which in these very Gifford lectures has been defended")
    assert "Gifford" not in _texts(james, "with the Gifford system part and parcel of my very self")
    assert "Lord Gifford" in _texts(james, "that part of Lord Gifford’s will which founded")
    burns = edition("burns-poems-and-songs")
    assert "Fox" in _texts(burns, "But, word an' blow, North, Fox, and Co.")
    # a body named after a man, between "the" and a capitalised word that names no one
    keynes = edition("keynes-economic-consequences")
    assert "Hoover" not in _texts(keynes, "who accompanied the Hoover Mission to the Erzgebirge")
    assert "Mr. Hoover" in _texts(keynes, "the main burden of Mr. Hoover's well-considered warnings")


def test_a_common_word_after_an_honorific_and_a_forename_ends_the_name(edition):
    """ "Sir Sidney Low", "Mr. Bonar Law": the surname is a common word ("low", "law"), the
    forename none the profile lists; the pair written twice or more makes it the name's end
    ("Sir Sidney" is no one). A heading's "Mr. Polly Takes a Vacation" is written once."""
    keynes = edition("keynes-economic-consequences")
    assert "Sir Sidney Low" in _texts(keynes, "the following letter from Sir Sidney Low to")
    assert "Mr. Bonar Law" in _texts(keynes, "On the following day at Glasgow, Mr. Bonar Law would promise nothing.")
    polly = edition("wells-mr-polly")
    assert _texts(polly, "Mr. Polly Takes a Vacation") == ["Mr. Polly"]


def test_the_register_holds_the_whole_names_and_no_one_unmentioned(edition):
    """No entry "Sir Sidney", "Mr. Bonar": the register names the men. No entry found in the
    text that no mention names: not the firm "Messrs. Longmans", nor "B. de Saint" (its
    evidence seen in "B. de Saint Pierre", the index's "PIERRE, SAINT", marked whole)."""
    keynes = edition("keynes-economic-consequences")
    ids = {p.get(f"{{{NS['xml']}}}id") for p in etree.parse(str(keynes / "persons.xml")).iterfind(".//t:person", NS)}
    assert {"sir-sidney-low", "mr-bonar-law"} <= ids
    assert not ids & {"sir-sidney", "mr-bonar"}
    james = edition("james-varieties-of-religious-experience")
    text = (james / "persons.xml").read_text(encoding="utf-8")
    assert not re.search(r"<surname>Longmans</surname>", text)
    assert 'xml:id="b-de-saint"' not in text
    assert "B. de Saint Pierre" in _texts(james, "earlier years of his writing, Diderot, B. de Saint Pierre, and many")


def test_an_epithet_of_god_is_no_person(edition):
    """ "you shall be adoring Jesus Christ as your God and Saviour": God and Jesus Christ are
    named, "Saviour" an epithet (`[names] not`), though listed with them."""
    james = edition("james-varieties-of-religious-experience")
    marked = _texts(james, "you shall be adoring Jesus Christ as your God and Saviour")
    assert "Jesus Christ" in marked and "Saviour" not in marked


def test_a_surname_of_a_rejected_full_name_is_marked_no_more_alone(tmp_path):
    """The editor rejects "Sir William Hamilton", found beside the index after an honorific
    (James, lecture I): "Hamilton’s own lectures", marked only because that name bears the
    surname, is marked no more, linked or not."""
    from test_enrich_persons_rerun import _lectures

    source, out = _lectures(tmp_path)
    assert "Hamilton" in _texts(out, "class‐room therein contained. Hamilton’s own lectures")
    register = etree.parse(str(out / "persons.xml"))
    entry = register.xpath("//t:person[@xml:id='sir-william-hamilton']", namespaces=NS)[0]
    etree.SubElement(entry, f"{{{NS['t']}}}note", type="rejected").text = "no person of the book"
    register.write(str(out / "persons.xml"), encoding="utf-8", xml_declaration=True)
    convert(source, out, force=True, allow_loss=True)
    marked = _texts(out, "class‐room therein contained. Hamilton’s own lectures")
    assert "Professor Fraser" in marked and "Hamilton" not in marked and "Sir William Hamilton" not in marked


def test_a_headings_capital_after_a_forename_is_no_surname_where_the_verse_writes_it_small(edition):
    """ "Song--Young Peggy Blooms": the song's first line writes "Young Peggy blooms our
    boniest lass", so "Blooms" is the verb, no surname: Peggy alone, and no entry "Peggy
    Blooms"; "Epitaph On John Dove, Innkeeper" keeps its surname, never written small."""
    burns = edition("burns-poems-and-songs")
    assert _texts(burns, "Song--Young Peggy Blooms") == ["Peggy"]
    assert "John Dove" in _texts(burns, "Epitaph On John Dove, Innkeeper")
    assert 'xml:id="peggy-blooms"' not in (burns / "persons.xml").read_text(encoding="utf-8")


def test_a_hyphened_surname_broken_at_its_hyphen_is_found(edition):
    """ "You remember what Al‐\\nGhazzali told us": the line broken after the index's
    "AL‐GHAZZALI" (U+2010) is joined with no space (convert.blocks), and the name found."""
    james = edition("james-varieties-of-religious-experience")
    assert ("Al‐Ghazzali", "al-ghazzali") in _marks(james, "You remember what Al‐Ghazzali told us in the Lecture")
    assert ("Al‐Ghazzali", "al-ghazzali") in _marks(james, "has translated a part of Al‐Ghazzali’s autobiography")
