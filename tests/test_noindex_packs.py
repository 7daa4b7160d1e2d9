"""Names in a book without an index with the packs of its country (profiles/scots.toml,
british.toml) and the rules of textnames/textplaces they feed: each rule on a small text
written for it, converted with and without the pack where the pack is the evidence."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from conftest import NS, marks_in
from conftest import convert_with_packs as _convert

_LOGAN = (
    "SONGS\n\nBy Anne Writer\n\n\nEPISTLE TO MAJOR LOGAN\n\n"
    "This epistle was sent to Major Logan, a fiddler of Ayr, when Jock Milton came home.\n\n"
    "O Logan, sweetly didst thou glide, That day I was my lad's bride; Like Logan to the simmer\n"
    "sun, Jock Milton thrives, and Major Logan plays.\n"
)


def test_a_river_of_the_pack_is_a_place_though_a_man_bears_its_name(tmp_path):
    """With the pack "scots": Logan, a river the pack lists, is a place where it stands alone
    ("O Logan", "Like Logan"), though a man bears the name ("Major Logan", marked whole as a
    person); a Scots pet name before a surname makes a full name ("Jock Milton"). Without the
    pack, Logan alone is the Major's surname, and "Jock Milton" a full name all the same
    (a word before a surname found, no common word: textnames)."""
    scots = _convert(tmp_path, _LOGAN, ["scots"], "scots")
    assert marks_in(scots, "persName") == ["Major Logan", "Jock Milton", "Jock Milton", "Major Logan"]
    assert marks_in(scots, "placeName") == ["Logan", "Logan"]
    plain = _convert(tmp_path, _LOGAN, None, "plain")
    # Jock no forename of a list, but a word before a surname found (Milton, of the profile's
    # known persons) mid-sentence, no common word: a forename no list gives (textnames)
    assert marks_in(plain, "persName").count("Jock Milton") == 2
    assert marks_in(plain, "persName").count("Logan") == 2 and marks_in(plain, "placeName") == []


_PRAYERS = (
    "PRAYERS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
    "Whom the Lord made alone, the god of love forgot. O Lord, hear us! Lord Panmure came with\n"
    "the Lord Advocate, and my Lord the Duke sat down. Some systems assume a God; but God bless\n"
    "them all, and Jesus Christ too, and every advocate. Let thy God that is in thee rule.\n"
)


def test_names_of_god_are_persons_though_the_book_writes_them_in_lower_case(tmp_path):
    """A deity of the profile (`[names] deities`) is a person wherever written capitalised,
    though the book writes "god" and "lord" in lower case; "Lord" only with no name after it
    ("Lord Panmure" is a peer, "the Lord Advocate" an office), and none after an indefinite
    ("a God", "my Lord"), nor after a possessive ("thy God that is in thee", the god within).
    Its register entry says on what evidence."""
    out = _convert(tmp_path, _PRAYERS + "A lord and a god.\n")
    assert marks_in(out, "persName") == ["Lord", "Lord", "Lord Panmure", "God", "Jesus Christ"]
    persons = etree.parse(str(out / "persons.xml"))
    evidence = persons.xpath("//t:person[t:persName='God']/t:note[@type='evidence']/text()", namespaces=NS)
    assert evidence[0].startswith(
        "a name of God or of a god the profile lists ([names] deities), written once: “…down. Some systems assume a God; but God bless"
    )


_VERSE_LINES = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
    "Ev'n the poor support of my wretched life, Snatched by the violence of legal strife. And\n"
    "the poet Dryden sang; how the collieshangie works Atween the Russians and the Turks.\n"
)


def test_only_a_noun_of_a_person_before_a_word_makes_it_a_name_at_once(tmp_path):
    """A calling before a name is evidence enough ("the poet Dryden"); a person's thing is
    none ("my wretched life, Snatched", "the collieshangie works Atween": a verse line's
    first word after a noun that a person has, not is)."""
    out = _convert(tmp_path, _VERSE_LINES)
    assert marks_in(out, "persName") == ["Dryden"]


def test_alleys_parks_and_chapels_are_places(tmp_path):
    """A name ending in "Alley", "Park", "Chapel", "Mews" or "Wharf" is a place's, as one ending
    in "Street" is ("into Granville Alley", "to Gervase Park", "by Hope Chapel"); the word
    alone is none ("the old Park gate")."""
    out = _convert(
        tmp_path,
        "WALKS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "The dog went round the corner into Granville Alley, and thence to Gervase Park, where\n"
        "the old Park gate stood by Hope Chapel and the park was green.\n",
    )
    assert marks_in(out, "placeName") == ["Granville Alley", "Gervase Park", "Hope Chapel"]


def test_the_agent_of_a_verb_in_the_passive_is_cited_as_an_author(tmp_path):
    """A past participle and "by" before a word cite its agent, as "remarked by" does: once is
    enough where no gazetteer knows the word as a place ("headed by Grégoire", "defeated by
    Cleomenes"); not an adjective before its noun ("exercised by Jacobin clubs"), nor a
    document with its number ("strengthened by Article 234"), nor a place ("invaded by Prussia")."""
    out = _convert(
        tmp_path,
        "ON LEAGUES\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "The bishops were headed by Grégoire, and the policy was defeated by Cleomenes. Influence\n"
        "was exercised by Jacobin clubs; the clause is strengthened by Article 234; the land was\n"
        "invaded by Prussia.\n",
    )
    assert marks_in(out, "persName") == ["Grégoire", "Cleomenes"]


def test_a_name_and_a_capitalised_feature_of_a_place_is_a_place(tmp_path):
    """A name and a feature of a place written as part of it ("Cessnock Banks"; with the pack
    "scots", "Kellyburn Braes" and a river's "Water": "Logan Water") is a place; not after a
    word the book writes in lower case ("Flowery Banks") nor opening a sentence ("The Banks")."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "There lived a carl in Kellyburn Braes, by Cessnock Banks; her face wad fyle\n"
        "the Logan Water. The Banks were bonie, and Flowery Banks the flowery hills.\n"
    )
    assert marks_in(_convert(tmp_path, text, None, "plain"), "placeName") == ["Cessnock Banks"]
    scots = _convert(tmp_path, text, ["scots"], "scots")
    assert marks_in(scots, "placeName") == ["Kellyburn Braes", "Cessnock Banks", "Logan Water"]


def test_a_name_written_once_in_a_list_with_persons_is_a_persons(tmp_path):
    """A word written once, in a list with a person the book names, is a person's name too
    (the book's consistency), the list joined by "and" or by commas alone ("Markby, Migsby,
    Mobbs, Moncrieff!"); not a word the book writes after a preposition of place ("the family
    moved to Lochlea, and Burns went"), nor one listed with no person ("Mallam, Maxbohm")."""
    out = _convert(
        tmp_path,
        "THE LISTS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "Mr. Moncrieff came, and Mr. Burns. Mallam, Maxbohm, Magley, what names they have--Markby,\n"
        "Migsby, Mobbs, Moncrieff! The family moved to Lochlea, and Burns went to school.\n",
    )
    marked = marks_in(out, "persName")
    assert {"Markby", "Migsby", "Mobbs"} <= set(marked)
    assert not {"Mallam", "Maxbohm", "Magley", "Lochlea"} & set(marked)


def test_scots_quo_says_as_said_does(tmp_path):
    """With the pack "scots", "quo' Findlay" twice makes Findlay a name, as "said Findlay"
    does; without it, the Scots verb is no evidence."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "\u201cWha's that at my chamber door?\u201d \u201cFair widow, are ye wauking?\u201d quo' Findlay;\n"
        "\u201cIndeed maun I,\u201d quo' Findlay, and the lassie laughed.\n"
    )
    assert marks_in(_convert(tmp_path, text, ["scots"], "scots"), "persName") == ["Findlay", "Findlay"]
    assert marks_in(_convert(tmp_path, text, None, "plain"), "persName") == []


def test_a_word_spoken_to_at_the_end_of_an_utterance_is_a_name(tmp_path):
    """A word set off by a comma after a lower-case word and ending an utterance ("I loved
    you, Elfrid," said she; "what I was playing, Lane?") is spoken to: twice makes a name.
    Not a list's last word ("Alsace, Franche-Comté, Lorraine!"), nor a word the gazetteer
    knows as a place ("the rain in Paris, Paris!")."""
    out = _convert(
        tmp_path,
        "THE TALK\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        '"I loved you, Elfrid," said she. "Did you hear what I was playing, Elfrid?" They went\n'
        "through Alsace, Franche-Comt\u00e9, Lorraine! The rain fell on them, Paris! Oh the rain, Paris!\n",
    )
    assert marks_in(out, "persName") == ["Elfrid", "Elfrid"]


def test_a_trade_before_a_name_is_a_scots_title(tmp_path):
    """With the pack "scots", a trade written before a name as a title belongs to the name
    ("Souter Hood", "Factor John"), as "Doctor" does in English ("Doctor Hornbook")."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "Here Souter Hood in death does sleep, and Factor John, whom the souter kent, and the\n"
        "factor, with Doctor Hornbook by the doctor's door.\n"
    )
    scots = marks_in(_convert(tmp_path, text, ["scots"], "scots"), "persName")
    assert scots == ["Souter Hood", "Factor John", "Doctor Hornbook"]
    # without the pack the trade is no title: the forename alone is the name
    assert marks_in(_convert(tmp_path, text, None, "plain"), "persName") == ["John", "Doctor Hornbook"]


def test_an_entry_naming_a_person_surname_first_is_a_persons(tmp_path):
    """A paragraph opening with a word, a comma, initials and a name names a person as an
    index, a glossary of names or a bibliography does ("Rusticus, Q. Junius, or Stoic
    philosopher"): the word is a person's name wherever written; not a place ("Paris, A. B.
    Publisher") nor a word the book writes in lower case."""
    out = _convert(
        tmp_path,
        "THE EMPEROR\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "He studied philosophy under the guidance of Rusticus, and loved him.\n\n"
        "GLOSSARY\n\nRusticus, Q. Junius, or Stoic philosopher, twice made consul.\n\n"
        "Paris, A. B. Publisher, printed it.\n\nPatience, A. Virtue, a word of the book.\n\n"
        "And patience is a virtue.\n",
    )
    assert marks_in(out, "persName") == ["Rusticus", "Rusticus"]


_ANCIENTS = (
    "ESSAYS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
    "The bard of Troy was Homer, and Sappho's flame burns yet; Nero fiddled. Venus rose from\n"
    "the sea, though the ancients saw venus in the evening sky. The Cato of the club laughed.\n"
)


def test_a_person_of_myth_or_history_the_profile_lists_is_a_name_alone(tmp_path):
    """A person of myth, scripture or history the default profile lists (`[names] known`) is
    a person wherever the book writes the word capitalised ("Homer", "Sappho's", "Nero"); not
    a word the book also writes in lower case ("venus"), nor one it mostly writes after "the"
    (a club's wit called its Cato). The register entry says on what evidence."""
    out = _convert(tmp_path, _ANCIENTS)
    assert marks_in(out, "persName") == ["Homer", "Sappho", "Nero"]
    persons = etree.parse(str(out / "persons.xml"))
    evidence = persons.xpath("//t:person[t:persName='Sappho']/t:note[@type='evidence']/text()", namespaces=NS)
    assert evidence == [
        "a person of myth, scripture or history the profile lists ([names] known), capitalised once: "
        "“The bard of Troy was Homer, and Sappho's flame burns yet; Nero fiddled. Venus…”"
    ]


_ADDRESSED = (
    "POEMS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
    "Then came the laird, and Craigdarroch began to sing.\n\n"
    "Craigdarroch, thou art a man of worth, Thy cup is fu'.\n\n"
    "Morality, thou deadly bane, Thy tens o' thousands slain; and the Morality we sang.\n\n"
    "Yes, thou must rest. Afton, thou flowest by the Afton braes.\n"
)


def test_one_spoken_to_as_thou_is_a_person(tmp_path):
    """A word before a comma and "thou" (`[names] address_pronouns`) is spoken to as a person
    is: once is enough ("Craigdarroch, thou art"), where the book also writes it mid-sentence;
    not an abstraction made a person ("Morality, thou deadly bane"), nor a word that only
    opens sentences ("Yes, thou must"), nor a place ("Afton, thou", a river of the pack)."""
    out = _convert(tmp_path, _ADDRESSED, ["scots"])
    assert marks_in(out, "persName") == ["Craigdarroch", "Craigdarroch"]
    evidence = _evidence_of(out, "Craigdarroch")
    assert evidence.startswith("once where a person stands")
    assert "Craigdarroch, thou art" in evidence


_ONCE = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
    "And maun I still on Menie doat, and bear the scorn that's in her e'e?\n\n"
    "We sailed up the Saint Lawrence; at the Valentine's dealing the lads drew lots.\n"
)


def test_a_forename_written_once_mid_sentence_is_a_name_unless_a_saint_or_a_thing(tmp_path):
    """A forename of the profile written once mid-sentence is a person's ("on Menie doat", a
    forename of the pack "scots"); not after "Saint" (a river, a town or a day: "the Saint
    Lawrence"), nor after "the" ("the Valentine's dealing")."""
    out = _convert(tmp_path, _ONCE, ["scots"])
    assert marks_in(out, "persName") == ["Menie"]


def _evidence_of(folder: Path, word: str) -> str:
    persons = etree.parse(str(folder / "persons.xml"))
    notes = persons.xpath(f"//t:person[t:persName='{word}']/t:note[@type='evidence']/text()", namespaces=NS)
    assert len(notes) == 1
    return notes[0]


def test_persons_counted_by_a_number_and_a_saint_listed_with_a_person_are_persons(tmp_path):
    """A number before a noun of a person's calling counts the persons after it, as a
    determiner does ("two peasants, Stofflet and Cathelineau": the first cited, the second
    listed with him); a saint's name listed with a person is a person's ("Couthon and St.
    Just"), not one listed with no person ("St. Cloud and Versailles")."""
    out = _convert(
        tmp_path,
        "THE WAR\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "In the west two peasants, Stofflet and Cathelineau, commanded. The court went to St.\n"
        "Cloud and Versailles, and the tyrant took his friends, Couthon and St. Just. The\n"
        "sections feared Couthon and St. Just no less.\n",
    )
    persons = marks_in(out, "persName")
    assert persons == ["Stofflet", "Cathelineau", "Couthon", "St. Just", "Couthon", "St. Just"]


def test_a_word_opening_its_clause_before_who_is_a_person(tmp_path):
    """A word opening its sentence or clause before a comma and a relative pronoun of persons
    (`[names] relatives`) is a person's name, once is enough ("Santerre, who commanded"; "A
    deputy, Feraud, who sought"); not after a preposition ("sitting at Ratisbon, who"), nor
    after an abbreviation ("Afr. Minor, who"), nor a people's name ("an Englishman, who";
    "the Spartans, who")."""
    out = _convert(
        tmp_path,
        "THE WAR\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "The guard waited. Santerre, who commanded it, obeyed. A deputy, Feraud, who sought to\n"
        "protect the hall, fell. The envoys sitting at Ratisbon, who were many, spoke English.\n"
        "Corn. Sc. Afr. Minor, who came by adoption, was there; and an Englishman, who saw it,\n"
        "wrote of the Spartans, who fought.\n",
    )
    assert marks_in(out, "persName") == ["Santerre", "Feraud"]
    assert _evidence_of(out, "Santerre").startswith("once where a person stands")


def test_a_scots_forename_runs_on_through_what_tells_its_bearer_apart(tmp_path):
    """With the pack "scots", a forename and "o'", an article if any, and a capitalised word
    are one name ("Meg o' the Mill", "Tam o' Shanter"; `[names] name_links`); without it the
    forename alone is the name."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "O ken ye what Meg o' the Mill has gotten, and where Tam o' Shanter rode? And Meg\n"
        "smiled at Tam o' the mill-door.\n"
    )
    scots = marks_in(_convert(tmp_path, text, ["scots"], "scots"), "persName")
    assert scots == ["Meg o' the Mill", "Tam o' Shanter", "Meg", "Tam"]
    assert marks_in(_convert(tmp_path, text, None, "plain"), "persName") == ["Meg", "Meg"]


def test_a_surname_that_is_a_common_noun_is_none_after_an_article(tmp_path):
    """A surname the book also writes in lower case (Miss Miller's, and a miller's trade) is
    no name after an article and up to two lower-case words ("the dusty Miller", "the
    Miller"), but is one after a calling ("the poet Miller") or a function word ("a song of
    Miller's making"), and wherever it stands alone; a name never written in lower case is
    one after an article too ("the great Pitt")."""
    out = _convert(
        tmp_path,
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "Miss Miller sang, and Mr. Pitt listened. Hey, the dusty Miller, and the miller's mare!\n"
        "The Miller came. Then the poet Miller wrote a song of Miller's making, and the great\n"
        "Pitt smiled; Miller laughed.\n",
    )
    assert marks_in(out, "persName") == ["Miss Miller", "Mr. Pitt", "Miller", "Miller", "Pitt", "Miller"]


def _convert_titles_persons(tmp_path: Path, text: str) -> Path:
    """`text` converted as a book with a profile that marks a title of rank with no name as one
    person (`[names] titles_of_rank = "person"`), into tmp_path / "persons"."""
    from teikit.convert import convert
    from teikit.profile import load_profile

    source = tmp_path / "book.txt"
    source.write_text(text, encoding="utf-8")
    (tmp_path / "persons.toml").write_text('[names]\ntitles_of_rank = "person"\n', encoding="utf-8")
    convert(source, tmp_path / "persons", profile=load_profile(tmp_path / "persons.toml"), force=True)
    return tmp_path / "persons"


def test_a_peer_is_called_by_the_name_of_his_title(tmp_path):
    """A name written after a peer's title and "of" (`[names] peerages`: "the Earl of
    Glencairn") is a person wherever the book writes it alone ("honest man! Glencairn"); not
    a place the gazetteer knows ("the Duke of York"), nor a name the book also writes after
    "of" or a preposition of place otherwise ("the Duke of Athole", "the braes of Athole").
    The titles themselves are persons, each whole (`textnames.titles_for_names`), where the
    editor chooses `[names] titles_of_rank = "person"`."""
    out = _convert_titles_persons(
        tmp_path,
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "The nobleman is James, the Earl of Glencairn; the Duke of York and the Duke of Athole came.\n\n"
        "Our patron, honest man! Glencairn, it dwells with York and Athole, on the braes of Athole.\n",
    )
    assert marks_in(out, "persName") == ["James", "Earl of Glencairn", "Duke of York", "Duke of Athole", "Glencairn"]
    assert _evidence_of(out, "Glencairn") == (
        "the name of a peer's title ([names] peerages): “The nobleman is James, the Earl of Glencairn; the Duke of York and the Duke of…”"
    )


def test_a_peers_land_after_a_preposition_of_place_is_the_land_though_the_peer_is_addressed(tmp_path):
    """A heading's "THE EARL OF KILBRANNAN" makes Kilbrannan a peer's title's land: spoken to
    ("No Stewart art thou, Kilbrannan", "Spare me thy vengeance, Kilbrannan!") it is the peer;
    after a preposition of place, in lower case or capitalised at a verse line's start ("In
    Kilbrannan sae wide", "Thro' Kilbrannan" with the pack's "thro'") it is the land, a place of
    the register with the passage; "in Kilbrannan's name" stays the man's. A man spoken to
    whose name no peer's title holds keeps his mark after a preposition ("in Drumlanrig")."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nEPIGRAMS AGAINST THE EARL OF KILBRANNAN\n\n"
        "No Stewart art thou, Kilbrannan, The Stewarts a' were brave. Bright ran thy line, O\n"
        "Kilbrannan, Thro' many a far-fam'd sire!\n\n"
        "Spare me thy vengeance, Kilbrannan! In quiet let me live.\n\n"
        "And whisky Jean, that took her gill, In Kilbrannan sae wide. Thro' Kilbrannan and a'\n"
        "that, in Kilbrannan's name they drank.\n\n"
        "Weel, Drumlanrig, thou art my friend; O Drumlanrig, thou art kind; they met in Drumlanrig\n"
        "and a' that.\n"
    )
    out = _convert(tmp_path, text, ["scots"], "scots")
    persons = marks_in(out, "persName")
    assert persons.count("Kilbrannan") == 4, persons  # thou art, thy line, thy vengeance, Kilbrannan's name
    assert marks_in(out, "placeName").count("Kilbrannan") == 2
    places = etree.parse(str(out / "places.xml"))
    evidence = places.xpath("//t:place[t:placeName='Kilbrannan']/t:note[@type='evidence']/text()", namespaces=NS)
    assert evidence and "In Kilbrannan sae wide" in evidence[0]
    assert persons.count("Drumlanrig") == 3, persons


def test_a_persons_name_after_a_journeys_noun_and_for_is_the_town(tmp_path):
    """A man named after a town (Mr. Worthing): "a first-class ticket for Worthing" is the
    town (`[places] journeys`), a place of the register with the passage; "Mr. Worthing",
    "said Worthing" and "a letter for Worthing" (no journey's noun) stay the man's."""
    out = _convert(
        tmp_path,
        "THE PLAY\n\nBy Anne Writer\n\n\nACT I\n\n"
        "Mr. Worthing came in. The old gentleman gave me the name because he happened to have a\n"
        "first-class ticket for Worthing in his pocket at the time. Mr. Worthing bowed.\n\n"
        "There is a letter for Worthing on the table, said Worthing.\n",
    )
    persons = marks_in(out, "persName")
    assert persons.count("Mr. Worthing") == 2 and persons.count("Worthing") == 2, persons
    assert marks_in(out, "placeName") == ["Worthing"]
    places = etree.parse(str(out / "places.xml"))
    evidence = places.xpath("//t:place[t:placeName='Worthing']/t:note[@type='evidence']/text()", namespaces=NS)
    assert evidence and "ticket for Worthing" in evidence[0]


def test_a_name_before_a_word_for_its_land_is_a_scots_place(tmp_path):
    """With the pack "scots", a name before a lower-case word for a stretch of land or water
    ("the distant Cumnock hills", "owre Galston muirs", "Coila's plains") is a place, marked
    wherever written; not a people's adjective ("the Roman walls", "the Highland hills"), a
    personified abstract noun ("Detraction shore", cut), a possessive before "side" (a
    body's), nor a word the book writes in lower case ("Bonie hills"). Without the pack, none."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "The moon rose owre the distant Cumnock hills; the rising sun owre Galston muirs\n"
        "lit auld Coila's plains, the Roman walls and the Highland hills. If e'er Detraction\n"
        "shore to smit you, by Pegasus's side, the bonie lass. Bonie hills. I gaed to Galston.\n"
    )
    assert marks_in(_convert(tmp_path, text, None, "plain"), "placeName") == []
    scots = _convert(tmp_path, text, ["scots"], "scots")
    assert marks_in(scots, "placeName") == ["Cumnock", "Galston", "Coila", "Galston"]


def test_the_names_that_date_a_paragraph_as_a_dateline_are_places(tmp_path):
    """A paragraph that ends with a date after names and their commas, opening it or a
    sentence ("Mossgiel, February 22, 1786."; after a signature, "Robert Burns. Ellisland,
    near Dumfries, 18th May, 1789."), is dated as a letter is: the names are places, marked
    wherever written; not a weekday ("Ellisland, Monday Morning, 1790."), nor in the middle of
    a sentence ("the tale of Kilbride, May 3, 1786."), nor a citation in a note."""
    text = (
        "EPISTLES\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "Now, Kennedy, if foot or horse E'er bring you in by Mauchlin corse.\n\n"
        "Mossgiel, February 22, 1786.\n\n"
        "So fare ye weel, an' gude be wi' you. Robert Burns. Ellisland, near Dumfries, 18th May, 1789.\n\n"
        "I sang it at Mossgiel; then heard the tale of Kilbride, May 3, 1786.\n\n"
        "Gude night, Sandy. Monday Morning, 1790.\n"
    )
    places = marks_in(_convert(tmp_path, text, None, "plain"), "placeName")
    assert places == ["Mossgiel", "Ellisland", "Dumfries", "Mossgiel"]


def test_a_title_of_rank_in_place_of_a_name_is_one_person(tmp_path):
    """A title of rank after "the" used in place of a name ("the Duke of Orleans", "the
    Elector of Bavaria", `[names] peerages` and `rulers`) is one person, the whole title marked
    and the article outside, the place inside it no place of its own there; not an epithet
    ("the King of Love": a word the book writes in lower case), and the place alone stays one;
    where the editor chooses `[names] titles_of_rank = "person"`."""
    text = (
        "HISTORY\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "The Assembly met in Paris. The Duke of Orleans plotted, and the Elector of Bavaria took\n"
        "Belgium in exchange. Bavaria was far; the Duke of Orleans fled. He reign'd the King of\n"
        "Love, for love is blind.\n"
    )
    folder = _convert_titles_persons(tmp_path, text)
    assert marks_in(folder, "persName") == ["Duke of Orleans", "Elector of Bavaria", "Duke of Orleans"]
    assert "Orleans" not in marks_in(folder, "placeName")
    assert marks_in(folder, "placeName").count("Bavaria") == 1


def test_a_place_whose_lower_case_word_is_rare_is_marked_without_a_preposition(tmp_path):
    """With the pack "scots": the river Doon, which Scots also writes "doon" (down), is marked
    where the book writes "doon" as often as a fifth of "Doon" only after a preposition of
    place or inside a sentence, where its capital makes it a name ("Where Doon rins", "Here
    Doon pour'd": see `textplaces.proper_twins`), not where it opens a sentence ("Doon the
    brae she ran", down); where "doon" is rarer, wherever written."""
    rare = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "Ye banks and braes o' bonie Doon, How can ye bloom sae fresh and fair? Where Doon rins\n"
        "wimplin clear, to Doon I cam; the sun gaed doon. Here Doon pour'd his floods, and Doon\n"
        "ran on, and sweet Doon sang. Doon the brae she ran.\n"
    )
    assert marks_in(_convert(tmp_path, rare, ["scots"], "rare"), "placeName") == ["Doon"] * 7
    common = rare.replace("the sun gaed doon.", "the sun gaed doon, doon, doon.")
    assert marks_in(_convert(tmp_path, common, ["scots"], "common"), "placeName") == ["Doon"] * 6


def test_a_poet_of_later_ages_is_a_name_alone_but_not_a_thing_named_after_him(tmp_path):
    """The profile's persons of history include poets and thinkers of later ages named by the
    surname alone ("Shakespeare", "Rousseau", "Cromwell"); right after an article the name is a
    thing named after him ("at the Shakespeare, Covent Garden": a tavern), none."""
    text = (
        "ESSAYS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "From the time of Shakespeare to our own, men read Rousseau; a Cromwell rose. We met in May\n"
        "last at the Shakespeare, Covent Garden, and spoke of Shakespeare.\n"
    )
    assert marks_in(_convert(tmp_path, text, None, "plain"), "persName") == [
        "Shakespeare",
        "Rousseau",
        "Cromwell",
        "Shakespeare",
    ]


_COMMON_FORENAMES = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
    "In Homer's craft the bard thrives; Eschylus' pen Will Shakespeare drives.\n\n"
    "For rakish rooks, like Rob Mossgiel; and then you're prey for Rob Mossgiel.\n\n"
    "Mossgiel, February 22, 1786.\n\n"
    "Will Scotland rise? The Frank kings will rob and mark the land; I will rob no man.\n"
)


def test_a_forename_that_is_a_common_word_makes_a_full_name_mid_sentence(tmp_path):
    """A forename that is a common word too (`[names] common_forenames`: Will, Rob) makes a
    full name with the capitalised word after it where it stands mid-sentence ("pen Will
    Shakespeare drives", "like Rob Mossgiel"); not where it opens a sentence ("Will Scotland
    rise?"), nor after an article ("The Frank kings"). The surname alone is no name on that
    evidence (Mossgiel opens a dateline), and the register says what the evidence was."""
    out = _convert(tmp_path, _COMMON_FORENAMES)
    assert marks_in(out, "persName") == ["Homer", "Eschylus", "Will Shakespeare", "Rob Mossgiel", "Rob Mossgiel"]
    assert _evidence_of(out, "Rob Mossgiel").startswith("a forename that is a common word too before it")


def test_a_word_between_commas_in_a_sentence_said_to_thee_is_spoken_to(tmp_path):
    """A capitalised word set between commas after a lower-case word, in a sentence with a word
    of the second person singular (`[names] second_person`: thy, thee), is spoken to: a
    person once ("In thy sweet sang, Barbauld, survives"). Not a word the book writes in
    lower case ("thee, Love,"), a place ("thy banks, Nith,", a river of the pack), nor a list
    ("at Paris, Lyons, and Toulon"); and without such a word, no evidence at all."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "In thy sweet sang, Barbauld, survives the flame.\n\n"
        "I loved thee, Love, for love is kind, and thy banks, Nith, are green.\n\n"
        "We saw them at Paris, Lyons, and Toulon, where thy friends were.\n\n"
        "In the sweet sang, Aikin, survives the flame.\n"
    )
    out = _convert(tmp_path, text, ["scots"])
    assert marks_in(out, "persName") == ["Barbauld"]
    assert "In thy sweet sang, Barbauld, survives" in _evidence_of(out, "Barbauld")


def test_a_keepers_possessive_after_a_preposition_is_his_shop_not_him(tmp_path):
    """A person's name and its possessive with no noun after it, where a shop stands, names
    his shop or house ("by Rusper's to take a better view", "outside Rusper's, woke"): no
    mention of the man there but of a place; his name elsewhere is ("Mr. Rusper came",
    "Rusper's door")."""
    out = _convert(
        tmp_path,
        "THE FIRE\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "Mr. Rusper came out. They moved to the corner by Rusper's to take a better view; the dog\n"
        "lay outside Rusper's, woke, and ran to Rusper's door, where Rusper stood.\n",
    )
    assert marks_in(out, "persName") == ["Mr. Rusper", "Rusper", "Rusper"]
    assert marks_in(out, "placeName") == ["Rusper", "Rusper"]


def test_the_agent_of_a_verb_in_the_passive_may_be_followed_by_his_subject(tmp_path):
    """ "predicted by Malthus of population": a past participle and "by" cite the agent though
    "of" and his subject follow (an "of" after a word cited by "vide" makes it a title's:
    "vide Protest of the Minority")."""
    out = _convert(
        tmp_path,
        "ON GROWTH\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "The cake grew in the geometrical proportion predicted by Malthus of population; see the\n"
        "tables, vide Protest of the Minority.\n",
    )
    assert marks_in(out, "persName") == ["Malthus"]


def test_scots_given_names_and_pet_forms_of_the_pack_are_forenames(tmp_path):
    """With the pack "scots", its given names and pet forms ("Gawn" for Gavin, "Hughie",
    "Elspet") written mid-sentence are names alone, as the English forenames of the default
    profile are; without the pack they are no evidence."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "The lads gaed out, and auld Gawn sat by the fire wi' Elspet; syne Hughie came ben, and\n"
        "Gawn rose, and Elspet laughed at Hughie.\n"
    )
    marked = marks_in(_convert(tmp_path, text, ["scots"], "scots"), "persName")
    assert marked == ["Gawn", "Elspet", "Hughie", "Gawn", "Elspet", "Hughie"]
    assert marks_in(_convert(tmp_path, text, None, "plain"), "persName") == []


def test_a_scots_forename_written_with_an_elision_is_one_word(tmp_path):
    """With the pack "scots", "Gaw'n" (Gavin, as Burns writes it in 'Holy Willie's Prayer' and
    the 'Epistle to the Rev. John M'Math') is one forename, the apostrophe inside it: before a
    surname it makes a full name, alone it is the same man; a verb elided so ("Admir'd") stays
    none. Without the pack, no evidence of a name."""
    text = (
        "POEMS\n\nBy Robert Burns\n\n\nCHAPTER I\n\n"
        "Lord, mind Gaw'n Hamilton's deserts; He drinks, an' swears, an' plays at cartes,\n\n"
        "There's Gaw'n, misca'd waur than a beast, Wha has mair honour in his breast\n\n"
        "Admir'd Misfortune's child, and Gaw'n's friend.\n"
    )
    assert marks_in(_convert(tmp_path, text, ["scots"], "scots"), "persName") == [
        "Lord",
        "Gaw'n Hamilton",
        "Gaw'n",
        "Gaw'n",
    ]
    assert marks_in(_convert(tmp_path, text, None, "plain"), "persName") == ["Lord"]


def test_a_goddess_a_beast_of_fable_a_field_by_its_moor_and_a_clipped_province(tmp_path):
    """Burns's own lines: Luna and Sol (the moon and the sun as deities of the default profile, as
    Diana and Phoebus are), Chanticleer and Reynard (beasts of fable by their names, persons the
    default profile lists) are persons; with the pack "scots", a name joined by a hyphen to "moor" is one
    place ("afore the Sherra-moor", Sheriffmuir), and "Gallowa'", Galloway as Scots clips it,
    the apostrophe inside, a province. Without the pack, neither place."""
    text = (
        "POEMS\n\nBy Robert Burns\n\n\nCHAPTER I\n\n"
        "Is fortune's fickle Luna waning? E'en ca' this place, wi' Gallowa' bodies.\n\n"
        "I heard nae mair, for Chanticleer Shook off the pouthery snaw,\n\n"
        "And oft was Reynard's prison passing.\n\n"
        "And did Sol's business in a crack; Sol paid him with a sonnet.\n\n"
        "Ae hairst afore the Sherra-moor, The simmer had been cauld an' wat.\n"
    )
    scots = _convert(tmp_path, text, ["scots"], "scots")
    assert marks_in(scots, "persName") == ["Luna", "Chanticleer", "Reynard", "Sol", "Sol"]
    assert marks_in(scots, "placeName") == ["Gallowa'", "Sherra-moor"]
    plain = _convert(tmp_path, text, None, "plain")
    assert marks_in(plain, "persName") == ["Luna", "Chanticleer", "Reynard", "Sol", "Sol"]
    assert marks_in(plain, "placeName") == []


def test_a_laird_praised_as_trusty_and_worthy_is_a_person_but_not_his_hermitage(tmp_path):
    """Burns's 'The Whistle': a word after two adjectives of praise for a person (`[names]
    epithets`: "trusty Glenriddel", "worthy Glenriddel") is a person's name, a laird called by
    his estate; the same word before a building's word ("Glenriddel Hermitage", where a letter
    is dated from) is the building's, no mention of him."""
    text = (
        "POEMS\n\nBy Robert Burns\n\n\nCHAPTER I\n\n"
        "Three joyous good fellows, with hearts clear of flaw; Craigdarroch, so famous for wit, worth,\n"
        "and law; And trusty Glenriddel, so skill'd in old coins; And gallant Sir Robert, deep-read in\n"
        "old wines.\n\n"
        "Then worthy Glenriddel, so cautious and sage, No longer the warfare ungodly would wage.\n\n"
        "Glenriddel Hermitage, June 28th, 1788.\n"
    )
    out = _convert(tmp_path, text)
    assert marks_in(out, "persName") == ["Glenriddel", "Sir Robert", "Glenriddel"]
    assert marks_in(out, "placeName") == ["Glenriddel Hermitage"]


def test_auld_nick_is_the_devil_and_the_forth_a_river_of_scots_song(tmp_path):
    """With the pack "scots", Burns's lines: "Nick" is the Devil wherever capitalised ("auld
    Nick", "Satan, Nick, or Clootie", "Ah Nick!"), and so is "Sautan" (Satan as Scots spells
    him), though the book writes "nick" in lower case
    ("to nick the thread"); the Forth is a river right after a preposition of place ("back to
    Forth"), though "forth" is a common word ("Forth I did fare" stays unmarked). Without the
    pack, neither."""
    text = (
        "POEMS\n\nBy Robert Burns\n\n\nCHAPTER I\n\n"
        "He's gane, a-sinkin Straught to auld Nick's. Sin' I began to nick the thread,\n\n"
        "Auld Hornie, Satan, Nick, or Clootie, Wherever thou be.\n\n"
        "The horsemen back to Forth, man. Forth I did fare, and forth I gaed.\n\n"
        "Ah Nick! ah Nick! it is na fair.\n\n"
        "When Death comes in wi' glimmerin blink, May Sautan gie her doup a clink.\n"
    )
    scots = _convert(tmp_path, text, ["scots"], "scots")
    assert marks_in(scots, "persName") == ["Nick", "Hornie", "Satan", "Nick", "Clootie", "Nick", "Nick", "Sautan"]
    assert marks_in(scots, "placeName") == ["Forth"]
    plain = _convert(tmp_path, text, None, "plain")
    assert not {"Nick", "Sautan"} & set(marks_in(plain, "persName")) and marks_in(plain, "placeName") == []


def test_a_town_of_the_books_land_or_a_well_known_place_after_a_persons_name_and_of_is_his_home(tmp_path):
    """With the pack "scots" (home: Scotland), Burns's notes and verse: "Dr. Peter Wodrow of
    Tarbolton" names the minister's town, a place wherever the book writes it ("Tarbolton,
    twenty-fourth o' June", "The Tarbolton Lasses"), though no preposition of place stands
    before it anywhere; a small town the gazetteer knows only outside that land ("Adam Wallace
    of Richardton", a town of North Dakota) is none, a well-known place anywhere is one ("Dr.
    Taylor of Norwich"). Without the pack, no land is home: Norwich alone is a place."""
    text = (
        "POEMS\n\nBy Robert Burns\n\n\nCHAPTER I\n\n"
        "Auld Wodrow lang has hatch'd mischief. The minister was Dr. Peter Wodrow of Tarbolton.\n\n"
        "How can I write what ye can read?-- Tarbolton, twenty-fourth o' June, Ye'll find me in a\n"
        "better tune. The Tarbolton Lasses were there, and Bold Richardton's heroic swell, sung of\n"
        "Adam Wallace of Richardton.\n\n"
        "It's you an' Taylor are the chief To blame for a' this black mischief; Dr. Taylor of Norwich.\n"
    )
    scots = _convert(tmp_path, text, ["scots"], "scots")
    assert marks_in(scots, "placeName") == ["Tarbolton", "Tarbolton", "Tarbolton", "Norwich"]
    # Richardton, no town of the book's land, is the laird's seat (textnames.seats): the man
    # where the verse calls him so, his lands after "of" left unmarked
    assert marks_in(scots, "persName").count("Richardton") == 1
    assert marks_in(_convert(tmp_path, text, None, "plain"), "placeName") == ["Norwich"]


def test_a_name_no_gazetteer_vouches_for_after_a_persons_name_and_of_is_his_land(tmp_path):
    """Burns's notes name a man by his estate or parish ("George Dempster of Dunnichen.", "Sir
    Adam Ferguson of Kilkerran, Bart.", "Capt. Wm. Roddirk, of Corbiston.", "Rev. Wm. Boyd,
    pastor of Fenwick.": after a comma and a noun of one who holds a place, `[places]
    holders`); a name the gazetteer does not place in the book's land is a place all the same
    where the book writes it after "of" only, and a stop ends it; not where the verse calls the
    laird by his land ("Thee, aith-detesting, chaste Kilkerran": the man there,
    `textnames.seats`), nor after a noun of kin ("Jean, daughter of Hamilton.")."""
    text = (
        "POEMS\n\nBy Robert Burns\n\n\nCHAPTER I\n\n"
        "Dempster, a true blue Scot I'se warran'; Thee, aith-detesting, chaste Kilkerran.\n\n"
        "[Footnote 1: George Dempster of Dunnichen.]\n\n"
        "[Footnote 2: Sir Adam Ferguson of Kilkerran, Bart.]\n\n"
        "[Footnote 3: Capt. Wm. Roddirk, of Corbiston.]\n\n"
        "[Footnote 4: Rev. Wm. Boyd, pastor of Fenwick.]\n\n"
        "[Footnote 5: Jean Armour, daughter of Hamilton.]\n"
    )
    scots = _convert(tmp_path, text, ["scots"], "scots")
    assert marks_in(scots, "placeName") == ["Dunnichen", "Corbiston", "Fenwick"]
    assert marks_in(scots, "persName").count("Kilkerran") == 1  # the verse's, not the note's "of Kilkerran"


def test_a_peoples_or_a_faiths_word_is_no_name(tmp_path):
    """A word with a people's, a faith's or a school's ending (-ian, -ean, -ese, -ish, -ist)
    is no person's name, whatever the evidence: "Christian thought has grown" is no one who
    thinks, "Buddhist, Christian, or Mohammedan" lists no persons; a forename so ending
    ("Julian") and a person the profile lists ("Lucian") still are."""
    out = _convert(
        tmp_path,
        "ON FAITHS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "Christian thought has grown, and Christian thought has changed; Julian said so, and\n"
        "Julian said it twice. Be he Buddhist, Christian, or Julian, he reads Lucian.\n",
    )
    assert marks_in(out, "persName") == ["Julian", "Julian", "Julian", "Lucian"]


def test_an_office_before_a_name_is_a_scots_title_and_a_brother_an_english_one(tmp_path):
    """With the pack "scots", an office written before a name as a title belongs to the name
    ("Provost John", "Mess John", "Laird Ballantine"); in English at large a kin word does
    ("Brother John", as "Uncle Jim"), but not before a common word ("Come rouse, Brother
    Sportsman!")."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "Then Provost John and Mess John came ben, and Laird Ballantine sat down. Brother John,\n"
        "I have come down from town; come rouse, Brother Sportsman! the sportsman cried.\n"
    )
    scots = marks_in(_convert(tmp_path, text, ["scots"], "scots"), "persName")
    assert scots == ["Provost John", "Mess John", "Laird Ballantine", "Brother John"]
    plain = marks_in(_convert(tmp_path, text, None, "plain"), "persName")
    assert "Provost John" not in plain and "Brother John" in plain


def test_a_stanza_printed_as_one_paragraph_is_no_title_though_its_lines_open_with_capitals(tmp_path):
    """A stanza printed as one paragraph opens each line with a capital, function words too
    ("duty To warn", "be Not fitted"): it writes its words of content in lower case, as no
    title does, so its names count ("Master Tootie"); a title in capitals holds none
    ("The Lass Of The Mill And The Brig")."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "I hold it, sir, my bounden duty To warn you how that Master Tootie, Alias, Laird M'Gaun,\n"
        "Was here to hire yon lad away; If sae be ye may be Not fitted otherwhere.\n\n"
        "Song--The Lass Of The Mill And The Brig\n"
    )
    assert marks_in(_convert(tmp_path, text, ["scots"]), "persName") == ["Master Tootie", "Laird M'Gaun"]


def test_a_forename_after_saint_names_the_saint_or_a_house_and_a_quality_spoken_to_no_one(tmp_path):
    """A forename known as a name alone ("Stephen Young") is none right after "Saint" ("to
    Saint Stephen's House", the saint's or a house's), nor do its uses there count towards
    the two mid-sentence uses that make a forename a name; a quality spoken to ("O Dulness")
    is no one; a forename that is a common word before a land is a verb ("Mark Scotia's
    eye"); the names pastoral verse gives ("Of Phillis to muse") are forenames."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "O wha will to Saint Stephen's House, to do our errands there, and wha will to Saint\n"
        "Stephen's House, man? I saw Stephen Young of Barr, and then Stephen spoke.\n\n"
        "O Dulness, portion of the blest! O Dulness, calm haven of rest!\n\n"
        "That chief thou may'st discern, Mark Scotia's fond-returning eye; I mark the day.\n\n"
        "Adown winding Nith I did wander, of Phillis to muse and to sing.\n\n"
        "The road to Saint Ambrose and to Saint Ambrose's well.\n"
    )
    out = _convert(tmp_path, text, ["scots"])
    assert marks_in(out, "persName") == ["Stephen Young", "Stephen", "Phillis"]


def test_a_word_listed_with_a_person_the_profile_lists_is_a_persons(tmp_path):
    """A list holding a person the profile lists (`[names] known`: Sappho) makes a person of a
    word listed with it, as a list with a person found on the text's evidence does: "a few
    women (Sappho, Eloisa, Mrs. Macaulay, etc.)"."""
    out = _convert(
        tmp_path,
        "ON WOMEN\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "I lay no stress upon the example of a few women (Sappho, Eloisa, Mrs. Macaulay, etc.)\n"
        "who had a masculine education; and Eloisa loved in vain.\n",
    )
    assert marks_in(out, "persName") == ["Sappho", "Eloisa", "Mrs. Macaulay", "Eloisa"]


def test_a_name_after_a_scots_word_for_a_places_folk_or_parts_is_a_place(tmp_path):
    """With the pack "scots", a name after a word for a place's folk or parts and "o'" or "of"
    (`[places] folk`, `features`: "the lass o' Inverness", "the lads o' Thorniebank", "the birks
    of Aberfeldy") is a place, though a verse's next line opens with a capital right after it
    ("o' Devon / Was", a word the book writes in lower case); not a possessive ("the lass o' Patie's mill": a man's), nor a name of
    two words ("the lads o' Galla Water", found whole). Without the pack, none of them."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "The lovely lass o' Inverness, Nae joy nor pleasure can she see; the lads o' Thorniebank\n"
        "Gaed by the birks of Aberfeldy, and the lass o' Patie's mill. The banks o' Devon\n"
        "Was a' my care, wi' the lads o' Galla Water. Was it the lass o' Kilbride Water? Aye, it\n"
        "was, and she gaed hame.\n"
    )
    assert marks_in(_convert(tmp_path, text, None, "plain"), "placeName") == []
    scots = marks_in(_convert(tmp_path, text, ["scots"], "scots"), "placeName")
    assert scots == ["Inverness", "Thorniebank", "Aberfeldy", "Devon", "Galla Water", "Kilbride Water"]


def test_a_scots_place_before_its_braes_or_burn_and_a_river_side_written_as_one_word(tmp_path):
    """With the pack "scots", a name before a lower-case "braes", "banks", "burn" or "water"
    is a place ("frae Cessnock banks", "Castalia's burn"), and so is a place's name and "side"
    or "dale" written as one word where the first part is a place found ("down Nithside",
    "Teviotdale", with the river Nith and Teviot of the pack), not where it is none
    ("Burnside", a man) nor a word the book writes in lower case ("Beside")."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "Far frae Cessnock banks and Castalia's burn she saunters down Nithside; 'tween Inverness\n"
        "an' Teviotdale, John Burnside sang. Beside the Nith she sat, beside the Teviot too.\n"
    )
    assert marks_in(_convert(tmp_path, text, None, "plain"), "placeName") == ["Castalia"]
    scots = marks_in(_convert(tmp_path, text, ["scots"], "scots"), "placeName")
    # Inverness too: listed with Teviotdale, a place, by Scots "an'" (and: the pack's [names] joins)
    assert scots == ["Cessnock", "Castalia", "Nithside", "Inverness", "Teviotdale", "Nith", "Teviot"]


def test_a_scots_song_names_its_folk_and_braes_with_capitals_too(tmp_path):
    """With the pack "scots", a word for a place's folk or parts is taken capitalised as well
    ("the bonie Lass of Albany", "On the Braes o' Killiecrankie"), the name after it a place."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "They've wrang'd the bonie Lass of Albany, I met the devil an' Dundee, On the Braes o'\n"
        "Killiecrankie, O.\n"
    )
    assert marks_in(_convert(tmp_path, text, ["scots"], "scots"), "placeName") == ["Albany", "Killiecrankie"]


def test_a_buildings_word_before_of_and_a_name_opens_a_bodys_name(tmp_path):
    """A capitalised word and a building's word are a building ("Wigmore Street", "Kelso
    Abbey"), but not where "of" and a capitalised word follow: "the British House of
    Commons" is a body's name, no place."""
    text = (
        "ESSAYS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "The members of the British House of Commons dined in Wigmore Street, near Kelso Abbey,\n"
        "and the house of a friend.\n"
    )
    assert marks_in(_convert(tmp_path, text, None, "plain"), "placeName") == ["Wigmore Street", "Kelso Abbey"]


def test_a_shop_named_by_its_keepers_possessive_where_it_stands_is_a_place(tmp_path):
    """A man's surname in the possessive with nothing after it but a stop or a function word,
    where a shop stands ("by Rusper's to take a view", "outside Wintershed's,"), is his shop: a
    place, marked without the possessive and linked to an entry "Rusper's"; not the man himself
    ("Mr. Rusper", "Rusper's door"), nor whither ("his effort to Rusper's": his effort), nor a
    forename ("at Polly's"), nor before a name ("at Chaucer's "Chequers"")."""
    text = (
        "THE FIRE\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "Mr. Rusper sold nails, and Mr. Wintershed sold hats, and Mr. Chaucer kept an inn. The\n"
        "lads moved to the corner by Rusper's to take a view; a dog lay outside Wintershed's,\n"
        "and woke. Rusper's door opened, and Wintershed joined his effort to Rusper's. Polly\n"
        "Smith sat at Polly's, and they stared at Chaucer's \"Chequers,\" and Rusper shouted.\n"
    )
    folder = _convert(tmp_path, text, ["british"], "british")
    assert marks_in(folder, "placeName") == ["Rusper", "Wintershed"]
    assert marks_in(folder, "persName").count("Rusper") == 3
    names = etree.parse(str(folder / "places.xml")).xpath("//t:place/t:placeName/text()", namespaces=NS)
    assert sorted(names) == ["Rusper's", "Wintershed's"]


def test_scots_prepositions_provinces_and_the_old_names_of_britain(tmp_path):
    """With the pack "scots": its prepositions of place ("frae", "thro'") cue a place as "from"
    does ("frae Aberdeen", a city), its old provinces are places ("Athole's bonie lasses", "the
    Lothians three"), and the gazetteer knows the poets' names of the British Isles' countries
    ("thro' Albion's farthest ken"). Without the pack, Albion alone."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "So may, thro' Albion's farthest ken, the grace be wi' Athole's bonie lasses; he cam\n"
        "frae Aberdeen, and wad haud the Lothians three in tackets. He gaed frae them a'.\n"
    )
    assert marks_in(_convert(tmp_path, text, None, "plain"), "placeName") == ["Albion"]
    scots = marks_in(_convert(tmp_path, text, ["scots"], "scots"), "placeName")
    assert scots == ["Albion", "Athole", "Aberdeen", "Lothians"]


def test_a_building_named_after_a_saint_is_one_place_though_the_saint_is_a_forename(tmp_path):
    """A building named after a saint ("Saint Stephen's House") is one place, each time,
    though the persons' pass takes the saint's name for a man's forename (Stephen Young is
    named too); not the saint's name before a lower-case word ("Saint Stephen's wa's"), nor
    there a man of that forename."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "Stephen Young sang. O wha will to Saint Stephen's House, to do our errands there? Then\n"
        "echo thro' Saint Stephen's wa's, and Stephen walked to Saint Stephen's House.\n"
    )
    folder = _convert(tmp_path, text, None, "plain")
    assert marks_in(folder, "placeName") == ["Saint Stephen's House", "Saint Stephen's House"]
    assert marks_in(folder, "persName") == ["Stephen Young", "Stephen"]


_COUNTRIES = (
    "THE GAZETTE\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE NEWS\n\n"
    "We heard how cut-throat blades were hingin, how libbet Italy was singin; if Denmark, any body\n"
    "spak o't, or Poland, wha had now the tack o't. It was in sweet Senegal that my foes did me enthral.\n\n"
    "The china cups were set out, and the turkey was carved; China, they said, was far away.\n"
)


def test_a_country_is_a_place_wherever_the_book_writes_it(tmp_path):
    """A country the gazetteer knows by that very name is a place with no preposition before
    it (a subject, "if Denmark", "how libbet Italy"; after an epithet, "in sweet Senegal");
    not a word the book writes in lower case too ("china", "turkey")."""
    out = _convert(tmp_path, _COUNTRIES, [])
    assert marks_in(out, "placeName") == ["Italy", "Denmark", "Poland", "Senegal"]


_CALLED_ON = (
    "POEMS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE EPITAPH\n\n"
    "For had He said the soul alone from death I will deliver, alas, alas! O Cardoness,\n"
    "then hadst thou lain for ever. And there will be Cardoness, Esquire, sae mighty in his eyes.\n\n"
    "O Dulness, thou portion of the truly blest! The dull are blest in thee.\n"
)


def test_one_called_on_and_spoken_to_as_thou_is_a_person_at_once(tmp_path):
    """A word called on ("O Cardoness") and spoken to as "thou" in the same sentence is a
    person once, as "Craigdarroch, thou art" is, though its name ends as an abstract noun
    does: "Cardoness" has no stem the book writes in lower case, "Dulness" has ("dull"), and is
    a quality spoken to. "Esquire" after the name lists no second person."""
    out = _convert(tmp_path, _CALLED_ON, [])
    assert marks_in(out, "persName") == ["Cardoness", "Cardoness"]


_ANCIENT = (
    "THE UNION\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
    "Had Greece been united by a stricter confederation, she would never have worn the chains\n"
    "of Macedon, and might have proved a barrier to the vast projects of Rome. The senate of\n"
    "Carthage was jealous, and Carthage fell at last.\n\n"
    "Sparta, Athens, Rome, and Carthage were all republics. The arms of Rome were feared.\n"
    "When Lacedaemon was brought into the league, it was by force.\n\n"
    "It is well known that the deputies of the United Provinces have, in various instances,\n"
    "been purchased by the emissaries of the neighboring kingdoms.\n"
)


def test_a_state_of_antiquity_is_a_place_after_of_with_the_pack_classical(tmp_path):
    """With the pack "classical" the cities of antiquity are states, places after "of" as a
    country is ("the vast projects of Rome", "the senate of Carthage"), and so wherever the
    book writes them, listed ("Sparta, Athens, Rome, and Carthage") or not; a state no modern
    place is named after is one wherever written ("When Lacedaemon was brought"). Without the
    pack a city of the gazetteer is one after "of" only where a million people live there
    (Rome, three times: `textplaces`, as the world's great cities are written), and the cities
    listed beside it are places by the list ("Sparta, Athens, Rome, and Carthage"); Macedon and
    Lacedaemon, which no modern place is called, are places with the pack alone.
    The United Provinces, a former state of the default profile, is one after "of the" though
    a lower-case word follows ("the deputies of the United Provinces have"), with or without."""
    plain = marks_in(_convert(tmp_path, _ANCIENT, [], "plain"), "placeName")
    assert plain.count("Rome") == 3 and "Macedon" not in plain and "Lacedaemon" not in plain
    assert "United Provinces" in plain
    classical = marks_in(_convert(tmp_path, _ANCIENT, ["classical"], "classical"), "placeName")
    assert classical.count("Rome") == 3 and classical.count("Carthage") == 3
    assert {"Sparta", "Athens", "Macedon", "Lacedaemon", "United Provinces"} <= set(classical)


_HEADED = (
    "POEMS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
    "     Compliments Of John Syme Of Ryedale\n\n\n\n\n"
    "Lines sent with a Present of a Dozen of Porter.\n\n"
    "     O had the malt thy strength of mind,\n     Or hops the flavour of thy wit,\n"
    "     'Twere drink for first of human kind,\n     A gift that e'en for Syme were fit.\n\n"
    "     Lines Written Under The Picture Of Miss Brown Of The Mill\n\n\n\n\n"
    "     Her een sae bonie blue, her hair sae brown,\n     That Brown was fairest in the town.\n"
)


def test_a_name_after_a_forename_or_an_honorific_in_a_heading_is_a_name_in_the_prose(tmp_path):
    """A heading in title case ("Compliments Of John Syme Of Ryedale") gives no evidence by
    its capitals, but a forename or an honorific before a capitalised word gives as much
    there as in prose: the surname is a person's where the verse writes it ("A gift that
    e'en for Syme were fit"); not a word the book writes in lower case ("Miss Brown", and
    "her hair sae brown")."""
    out = _convert(tmp_path, _HEADED, [], "plain")
    persons = marks_in(out, "persName")
    assert persons.count("Syme") == 1 and "John Syme" in persons
    assert "Brown" not in persons
    chapter = "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("ch*.xml")))
    assert '<persName ref="persons.xml#john-syme">Syme</persName> were fit' in chapter


_SEATS = (
    "POEMS\n\nBy Robert Burns\n\n\nCHAPTER I\n\n"
    "     Address To Wm. Tytler, Esq., Of Woodhouselee\n\n\n\n\n"
    "     Revered defender of beauteous Stuart, Of Stuart, a name once respected.\n\n"
    "     Barr Steenie! Barr Steenie, what mean ye, what mean ye?\n"
    "     If ye meddle nae mair wi' the matter,\n"
    "     Ye may hae some pretence to havins and sense,\n"
    "     Wi' people that ken ye nae better.\n\n"
    "[Footnote 1: Stephen Young of Barr.--R.B.]\n"
)


def test_a_lairds_seat_after_his_name_and_of_names_the_man_where_verse_calls_him_so(tmp_path):
    """A word after a person's name and "of" ("Stephen Young of Barr", a town of the gazetteer
    only outside the book's land) is the laird's seat: the man where the verse calls him by
    it, one name with the forename it stands before ("Barr Steenie!"), and unmarked after "of"
    (the lands, or a part of the man's style); a seat the book writes after "of" only ("Wm.
    Tytler, Esq., Of Woodhouselee", a heading) names no man, and is entered as none. Without
    the pack no land is the book's: a town of the gazetteer anywhere (Barr, in Alsace) is no
    man's seat."""
    out = _convert(tmp_path, _SEATS, ["scots"], "scots")
    assert marks_in(out, "persName").count("Barr Steenie") == 2
    assert "Barr" not in marks_in(out, "persName") and "Barr" not in marks_in(out, "placeName")
    assert 'xml:id="woodhouselee"' not in (out / "persons.xml").read_text(encoding="utf-8")
    plain = marks_in(_convert(tmp_path, _SEATS, [], "plain"), "persName")
    assert not any("Barr" in name for name in plain)


_SIGNED = (
    "POEMS\n\nBy Robert Burns\n\n\nCHAPTER I\n\n"
    "     Yes! let the rich deride, the proud disdain,\n     The simple pleasure of the lowly train;\n"
    "     To me more dear, congenial to my heart,\n     One native charm, than all the gloss of art.--Goldsmith.\n\n"
    "     Lang may his hand be strang, and lang his days be fair;\n     O' liberty he sang, that lang had nane to spare.\n\n"
    "[Footnote 1: These are rhymes of dubious authenticity.--Lang.]\n\n"
    "[Footnote 2: Bacon was the name of a presumably intrusive host. The lines are said to\n"
    "have “afforded much amusement.”--Lang]\n\n"
    "They emigrated to the wilds of Canada, in search of that fantastic thing--Liberty.\n"
)


def test_a_name_signing_a_note_or_closing_a_quotation_after_a_dash_is_a_persons(tmp_path):
    """A word after a dash at a paragraph's end signs a note or names a quotation's author
    ("--Goldsmith.", "--Lang."): a person. One the book writes in lower case too (Scots
    "lang", long) signs so twice before it is taken, and is marked there only, not where the
    verse writes it capitalised ("Lang may his hand be strang"); a word in lower case
    elsewhere that closes a paragraph so once is no name ("that fantastic thing--Liberty.")."""
    out = _convert(tmp_path, _SIGNED, ["scots"], "scots")
    assert marks_in(out, "persName") == ["Goldsmith", "Lang", "Lang"]


_IDENTIFIED = (
    "POEMS\n\nBy Robert Burns\n\n\nCHAPTER I\n\n"
    "     O Willie brew'd a peck o' maut, And Rob and Allan cam to see;\n"
    "     Three blyther hearts, that lee-lang night, Ye wad na found in Christendie.\n\n"
    "[Footnote 1: Willie is Nicol, Allan is Masterton the writing--master. The scene is\n"
    "between Moffat and the head of the Loch of the Lowes. Date, August--September, 1789.]\n"
)


def test_a_name_a_note_says_a_person_of_the_book_is_is_a_persons(tmp_path):
    """A note that says who a poem's person is ("Allan is Masterton the writing--master":
    Allan a forename, a person) names the same person: Masterton is a person, though a town
    of New Zealand bears the name (a small town elsewhere names a man as often)."""
    out = _convert(tmp_path, _IDENTIFIED, ["scots"], "scots")
    assert "Masterton" in marks_in(out, "persName")


def test_a_town_after_between_is_a_place(tmp_path):
    """ "Between" is a preposition of place: a town of the book's land after it is a place
    ("The scene is between Moffat and the head of the Loch of the Lowes", with the pack
    "scots", whose land is Scotland), as after "near" or "at"."""
    out = _convert(tmp_path, _IDENTIFIED, ["scots"], "scots")
    assert marks_in(out, "placeName") == ["Moffat"]


_EARN = (
    "POEMS\n\nBy Robert Burns\n\n\nCHAPTER I\n\n"
    "     Blythe, blythe and merry was she,\n     Blythe was she but and ben;\n"
    "     Blythe by the banks of Earn,\n     And blythe in Glenturit glen.\n\n"
    "     Her looks were like a flow'r in May,\n     Her smile was like a simmer morn:\n"
    "     She tripped by the banks o' Earn,\n     As light's a bird upon a thorn.\n\n"
    "     At length, by my labour, I earn a little money, O,\n"
    "     Some unforeseen misfortune comes gen'rally upon me, O.\n\n"
    "GLOSSARY\n\nEar', early. Earn, eagle. Eastlin, eastern.\n"
)


def test_a_word_the_book_writes_in_lower_case_after_a_feature_of_a_place_is_a_place_there(tmp_path):
    """With the pack "scots" (its link "o'"), a capitalised word after a feature of a place
    and its link is a place though the book writes the word in lower case elsewhere ("She
    tripped by the banks o' Earn", the river; "I earn a little money"), where the book writes
    it capitalised mid-sentence twice ("Blythe by the banks of Earn"): marked after the
    feature, and not where it opens a sentence ("Earn, eagle.", the Glossary's). Written so
    once, it is none (the first stanza left out)."""
    out = _convert(tmp_path, _EARN, ["scots"], "scots")
    assert marks_in(out, "placeName") == ["Earn", "Glenturit", "Earn"]
    once = _EARN.replace("     Blythe by the banks of Earn,\n", "")
    assert marks_in(_convert(tmp_path, once, ["scots"], "once"), "placeName") == ["Glenturit"]


def test_a_river_before_the_pronoun_i_and_the_poets_name_of_edinburgh_are_places(tmp_path):
    """A short name of a river or town before a capitalised word is taken for part of a
    longer name ("Nizhnyi Val", a street), but not before the pronoun I ("As on the banks of
    Ayr I stray'd"); with the pack "scots", Edina, the poets' Edinburgh, is a place."""
    text = (
        "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
        "Edina! Scotia's darling seat! All hail thy palaces and tow'rs. From marking wildly\n"
        "scatt'red flow'rs, As on the banks of Ayr I stray'd, I met a lass frae Ayr.\n"
    )
    scots = marks_in(_convert(tmp_path, text, ["scots"], "scots"), "placeName")
    assert scots == ["Edina", "Scotia", "Ayr", "Ayr"]
    assert "Edina" not in marks_in(_convert(tmp_path, text, None, "plain"), "placeName")


_COLUMBIA = (
    "ODES\n\nBy Anne Writer\n\n\nODE FOR GENERAL WASHINGTON'S BIRTHDAY\n\n"
    "No Spartan tube, no Attic shell,\nNo lyre Aeolian I awake;\n'Tis liberty's bold note I swell,\n"
    "Thy harp, Columbia, let me take!\n\n"
    "And tell him he no more is feared--\nNo more the despot of Columbia's race!\n"
)


def test_columbia_is_america_in_british_verse(tmp_path):
    """With the pack "british", Columbia, America as British verse of Burns's age names it, is
    a place wherever written, addressed ("Thy harp, Columbia") or its possessive; without it,
    a name the gazetteer holds as a city, and after no preposition of place, is none."""
    assert marks_in(_convert(tmp_path, _COLUMBIA, ["british"], "british"), "placeName") == ["Columbia"] * 2
    assert marks_in(_convert(tmp_path, _COLUMBIA, [], "plain"), "placeName") == []


_EPITHETS_OF_NAMES = (
    "HISTORY\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
    "The King of Prussia had no more the genius of Frederick the Great, and the memory of\n"
    "Frederick the Great was the only strength of his army. Frederick had died in 1786.\n"
)


def test_a_forename_and_its_epithet_are_one_name(tmp_path):
    """A forename, "the" and a capitalised word after it ("Frederick the Great") is one
    person's name, marked whole; the forename alone elsewhere is the same man's."""
    out = _convert(tmp_path, _EPITHETS_OF_NAMES, [])
    assert marks_in(out, "persName")[-3:] == ["Frederick the Great", "Frederick the Great", "Frederick"]
