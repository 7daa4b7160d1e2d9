"""Persons in a book without an index: names taken from the text on evidence only.

Without a Name Index nothing says which capitalised words are names, and a capital
alone says little: every sentence begins with one. A word is taken as a person's name
only on evidence from the way names are written, never from a list of particular names:

- after an honorific of the profile (`[names] honorifics`): "Mr. Polly", "Mr Polly",
  "Lady Susan Vernon", "Marquis de Launay" (honorifics in a row are all the name's: "Rev. Mr.
  Moodie", "Rev. Dr. Dalrymple"; not a title written out after a determiner before a
  land's name, the land personified: "our Mother England") (a particle of the profile in
  lower case, or
  "d'", opens the surname: "Madame d'Eon"). An honorific abbreviation right after a proper noun written
  mid-sentence abbreviates something else ("4557 Melan Dr." is a drive). After a title written
  out, a word the book writes in lower case too is a surname where the book writes the pair
  twice or more, after no article and inside no longer name ("on the part of Master Punt",
  "the Punts, Master Punt"; Scots "now, Lucky Lang", twice; not "Sir Wisdom's a fool",
  once, "A Brother Poet", "the Committee of General Security"). No name follows a title
  where the word after it is a short function word of the profile ("M. To be made into
  pills": a prescription's misce; "Mrs. More" is a name), or, after a title of one letter
  and its full stop, a word the book writes in lower case, unless it writes the pair twice
  ("M. Mix the turpentine"; "M. Say", twice; "Mr. White" is a name), or a word of a
  prescription's Latin (`namewords.recipe_words`: "M. Conf. aromat.");
- after a forename of the profile (`[names] forenames`), initials and capitalised words:
  "Maria Mainwaring", "Michael S. Hart"; after a forename that is a common word too
  (`[names] common_forenames`, or a forename the book writes in lower case) where it stands
  mid-sentence, first of its run (but for an epithet before it, a word the book writes in
  lower case: "There's Auld Rob Morris", the adjective outside) and not after an article,
  a capitalised word that is no common word: "like Rob Mossgiel", "pen Will Shakespeare
  drives" (marked whole; the surname alone needs evidence of its own, as Mossgiel may name
  the farm);
- a given name no list gives, where the book writes it before a particle of the profile
  that follows only given names (`[names] forename_particles`: "da", "di") and a capitalised
  word ("Oliverotto da Fermo", "Alberico da Barbiano"; `namewords.Words`), as a forename of
  the profile: marked whole there, and alone as forenames are; a word opening places' names
  is none ("Val di Chiana", "Monte di Croce"), and the word after such a particle names no
  surname alone ("Roberto da San Severino": the town);
- a forename shortened with its full stop (`[names] forename_abbreviations`: "Wm.", "Alex.")
  as a forename written whole, after an honorific and inside a name ("Rev. Wm. Boyd", "Sir Wm.
  Augustus Cunningham") or before a capitalised word the gazetteer does not know as a place
  ("To Alex. Cunningham, ESQ."); the register gives the forename it stands for (William,
  Alexander), so that "Rev. Wm. Peebles" is the "William Peebles" of another note;
- after initials, a capitalised word that the gazetteer does not know as a place
  ("R. V. Daniels", but not "S. Fairbanks"), nor a prescription's Latin after its Recipe
  sign ("R. Hydrargyri bichloridi", `namewords.recipe_words`);
- before a surname marked alone, a capitalised word mid-sentence (or opening a sentence,
  where the book writes it mid-sentence elsewhere: "Francesco Sforza, through being
  martial"), after no article, that is no common word, title, particle, name of its own, people's word, land, great city nor a
  town's name the book writes elsewhere: a forename no list gives ("to Canning Schiller, of
  Oxford", "Jerry M’Auley"); not before a deity's name ("Almighty God") nor in verse
  ("Of grateful Minstrel Burns"); and after a name marked alone on evidence of its own (no
  forename of the profile nor a person it knows by one name), the two a run of their own, a capitalised word that is no common
  word, name marked alone, title, particle, people's word, place nor street's word: the
  surname ("overawed by Cesare Borgia", Cesare named alone as "his son Cesare"), marked
  alone only on evidence of its own (not the Circus Maximus of "Claudius Maximus");
- a forename of the profile alone, where the book writes it capitalised mid-sentence
  (not after a full stop, a colon, an opening quotation mark or bracket, or at the start
  of a paragraph) twice besides its uses after "Saint" ("to Saint Stephen's House"; "San",
  "Santa", "Santo", "São" too: "in San Francisco", "Santa Maria"), or once
  and neither after "Saint" nor after "the" ("the Saint Lawrence", "the Valentine's
  dealing": a river, a day), and not after a preposition of
  place of the profile as a town the gazetteer knows ("at Nancy") in half its uses; a city of
  100,000 people or more (`namewords.great_city`: Florence, Nancy) in one of five, those after
  a town's or a state's noun and "of" counted too ("the state of Florence", `TOWN_NOUNS`),
  which the places pass takes as the city; a forename the book also
  writes in lower case is common only where the lower-case uses are half as many as those
  capitalised mid-sentence or more ("My Sandy gied to me a ring" seven times against "a sandy
  valley" thrice is a man; "Ben", "ben" the parlour, is not);
- a capitalised word that says or writes, next to a verb of the profile
  (`[names] speech_verbs`) at least twice: "said Danton", "Tolstoy writes", "Pope has
  said"; a small town's name too ("Sandy said"), but not a country's or a great city's
  ("France declared");
- a name of two or three capitalised words, in any romanisation ("Ho Shih", "Mei
  Yao-chʽên", "Ibn Khaldun"), none a forename of the profile, an honorific, a function
  word or a word the book writes in lower case, and not after an article ("the Yü Lan
  says": a book), once next to a verb of saying or where a person stands ("Ho Shih says",
  "Fu Yen-chʽing exclaimed", "Wu Chʽi himself", "the famous general Wu Chʽi"), when it is
  no place the gazetteer knows: marked whole wherever written; of its words only the last
  alone, as any surname found, where the book writes it alone, not the first ones (each
  syllable of a Chinese name may name another, or a state); a name the book sets apart as
  romanised (a `foreign` of a romanisation's language, `matching.romanised_name`) is marked
  whole where a person's name is found in part of it ("Liu Hsiang", "Mêng Shih");
- no person alone, a word the book names as a state or a ruling house (`polities`: "the Chʽi
  State", "the Chʽin and Han dynasties");
- a capitalised word where a person stands twice: before a person's cue ("Necker, who"),
  after a calling ("the poet Dryden", "its mayor, Pache"), as a possessive before a
  person's noun ("Pope's sarcasm"), spoken to ("dear Algy"); cited as an author, as the
  agent of a verb in the passive (a second one too, joined by "and by" or "or by": "both by
  Innocent the Third and by Honorius"), or after a noun of a person's kin, office or calling
  once ("according to Leibnitz", "vide Milton", "headed by Grégoire", "his chancellor,
  Kaunitz"), or before a comma, a possessive of the profile (`[names] possessives`) and such a
  noun ending the apposition once ("and Esarhaddon, his son, reigned"), or before a comma and
  a title of rank or office written out "of" a capitalised name once (`Words.apposed_titles`:
  "Anthimus, Bishop of Trebizond"), or before a comma and such a noun in lower case "of"
  something once ("Hecuba, wife of Priam", "Delessart, minister of foreign affairs"; neither
  the land of "Godfrey of Bouillon, Duke of Lorraine" nor of "Matteo d’ Acquasparta"); not "vide Protest of the Minority", a title; not "my wretched life,
  Snatched", a person's thing before a verse line's first word) when the gazetteer knows no
  place of that name and it has no adjective's ending ("European"). A place of the gazetteer listed with a
  country or a great city ("Athens and Sparta") is none, though it refuses and fears; nor
  is the article "A" a scan ran into a word the book writes in lower case ("Apatient, whose
  case");
- a name of God or of a god the profile lists (`[names] deities`: God, "the Lord",
  Jesus Christ, Diana), though the book writes the word in lower case too ("the god of
  love"); "Lord" only with no name after it, none after an indefinite ("a God", "my Lord"),
  but for a possessive (`[names] possessives`) before a name that is no honorific, the one
  worshipped ("Where is my God?"), where no relative clause follows ("thy God that is in
  thee");
- a name of God in a tongue whose word for it is a common word too, only before the verb
  of a wish (`[names] invocations`, Scots "Gude help the day", "Gude forgie me"; not "Gude
  ale"): the name alone marked, the verb outside, and the word marked nowhere else;
- a person of myth, scripture or history the profile lists (`[names] known`: Homer,
  Sappho, Nero, Shakespeare), wherever the book writes the word capitalised and never in
  lower case, but right after an article ("at the Shakespeare": a tavern named after him),
  unless English names that one after "the" (`[names] known_titled`: "the Buddha"), and not
  where the book writes it only before a year ("Mars 1832": a month of another tongue);
- names in the plural used as types, a list after "the" of two or more plural capitalised
  words, one the plural of a name the book gives a person ("the Xaviers, Brébeufs, Jogues":
  Francis Xavier), none common, a place or a people's word: marked, linked to no one; so is a
  family's name in the plural after "the" (and a number), the plural of a surname the book
  gives a person ("the two Robespierres", "the Rolands"; not "the Moors" beside "a young
  Moor", `families`), where the editor keeps `[names] families = "person"` (the default);
  under "org" a family's mention is an orgName of the family, under "none" no mention, a
  surname written in a family's place too ("the Vitelli", "the house of Sforza": the
  `families` module);
- a capitalised word spoken to as "thou" (`[names] address_pronouns`: "Craigdarroch, thou
  art") once, where the book also writes it mid-sentence, it is no abstraction made a
  person ("Morality, thou deadly bane") and the gazetteer knows no place of that name; so
  too a word set between commas mid-sentence in a sentence that speaks to one person
  (`[names] second_person`: "In thy sweet sang, Barbauld, survives");
- a capitalised word called on at a clause's end twice or more: after a comma and a
  lower-case word, before "!" or "?" ("Come here, Prism!"), or before ";", ":" or "." in a
  clause of address (`[names] addressed`: "I will fight France with you, Dumourier;"), where
  the well-known part of the gazetteer knows no place of that name;
  likewise a word opening its sentence or clause before a comma and a relative pronoun of
  persons (`[names] relatives`: "Carnot, who was one of these"; not "at Lyons, who");
- the name of a peer's title (`[names] peerages`: "the Earl of Glencairn"), by which the
  peer is called alone, when the book writes it after "of" only in such titles, never after
  a preposition of place, and the gazetteer knows no place of that name ("the Duke of York");
  a name the book writes after a peer's title and "of" anywhere (a heading's "The Earl Of
  Galloway" too), found a person by other evidence ("Spare me thy vengeance, Galloway!"),
  is the land, not the peer, where it follows a preposition of place of the profile, in lower
  case or capitalised at a verse line's or a sentence's start ("In Galloway sae wide", "Thro'
  Galloway"): left unmarked there, and handed to the places pass (`Context.places_of_persons_names`);
  so is a person's name after a journey's noun and "for" or "to" (`[places] journeys`: "a
  first-class ticket for Worthing", the town Jack Worthing was named after), but for a
  possessive after it ("the suburban train to Johnson's discreet home": his);
- a title of rank used in place of a name (`[names] peerages` and `rulers`): "the Duke of
  Orleans", "the Elector of Bavaria", one person by its whole title, the article outside and
  the place inside no mention of its own, where the editor chose `[names] titles_of_rank =
  "person"`; not an epithet ("the King of Love": the word after "of" is one the book writes in
  lower case, unless a country or a region). Under "land" (the default) no title is a mention,
  nor the land inside it a person's name there, and the land is a place whatever the
  gazetteer says (`lands_of_titles`, handed to the places pass: "the Countess of Forli",
  "Guido Ubaldo, Duke of Urbino", "the count of Pitigliano"); under "ruler" only a ruler's
  title is so: a title of `rulers` ("the King of France"), and a peer's title whose land the
  book writes after a preposition of place too ("the Duke of Milan" beside "in Milan";
  `titles_of_rulers`), a peer's otherwise one person still ("the Duke of Wellington");
- a paragraph's first word before a comma, initials and a name, as an index, a glossary
  of names or a bibliography names a person ("Rusticus, Q. Junius, or Stoic philosopher");
- a heading of the book's general index whose entries speak of a person ("Calonne,
  ministry of"; "Cathelineau, crosses the Loire"), as `indexpersons` reads them.

A saint's title right before a forename and surname is the mention's ("Saint Francis
Xavier"), and so is a sovereign's or a pontiff's title of the profile (`[names]
sovereign_titles`) right before a name found on evidence of its own ("Pope Alexander", "Pope
Julius the Second"); an initial that is an honorific too, after another initial, is an initial ("J.M.
Keynes"); a double surname joined by a hyphen, or Unicode's (U+2010), is one ("Dr.
Binet‐Sanglé"), each part the book writes alone a surname of its own ("by Binet, Janet").
No mention: a god's name that names a planet too (`[names] planets`), in a sentence that
writes a noun of planets (`[names] planet_nouns`: "related to the planet Mars"); a book of
scripture cited by number, name and chapter ("2 Samuel vii."); a firm's founder before
"’s Sons"; a name in a Latin title of letters, "Ad" before it and the passage after it ("Ad
M. Caes., iii. 5.": Fronto's letters to Marcus Caesar).

A word the book also writes in lower case is a common word ("The", "Reading", "Will"):
it ends the name that follows a forename or initials, and it is never a name alone. It
may stand after an honorific ("Mr. Pope"), where the honorific is the evidence, and as
the last word of a run right after a forename ("Sir William Temple"), when it is no
function word. A ruler's number after a name belongs to it ("Charles II.", "George
III": the full stop left out), and so does what tells a forename's bearer apart where the
profile joins it so (`[names] name_links`, Scots "o'": "Meg o' the Mill"), and a
forename's land or seat after "of", one capitalised word the book never writes in lower
case, with no other after it ("Ferdinand of Aragon", "Philip of Macedon": one name, the land
no place of its own there; not "Anne of Green Gables"), after his number or epithet too
("Philip IV of France", "Philip the Fair of France"). A sovereign's or a pontiff's title of
the profile (`[names] sovereign_titles`), a capitalised word and a reign's number from the
second on are one name, though the word is a common one ("Pope Innocent III", "Pope Urban
IV"); a word the book never writes in lower case is then his name alone too ("Celestine"). A word is
common unless its lower-case uses are rare beside its capitalised mid-sentence ones (the
man named Ernest sixty times, against "earnest" five times).

Once a word is a person's surname or forename, it is marked wherever the book writes
it capitalised (a sentence may begin with a name; not a word for a street after a town's
name, "Warwick Lane", though Dr. Lane is a man), and where an old printing hid letters
of it in square brackets that an editor restored ("M[ontgomer]y", "D[undas]": marked
whole, brackets inside); a common word only inside the full form that made it a name. The register so built says so: its list has a head saying
how it was built, every entry a source note, and an evidence note that names its
evidence and quotes a passage where it was seen. An entry the editor rejected
(`<note type="rejected">`, see `registers.rejected`) is entered no more and marked
nowhere, though the text gives the same evidence again. An entry an earlier run found in
the text, as it wrote it, is marked only where this run finds the name again
(`registers.Register.set_aside`); an editor's entry wherever the book writes it.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol
from weakref import WeakKeyDictionary

import ahocorasick_rs
from lxml import etree

from ..context import Context
from ..tei import XML_ID, children, local, make, make_in, q, sub, text_of
from . import gazetteer, headings, registers
from .families import FamilyEntries, FamilyMentions, family_names, last_word
from .indexpersons import index_persons
from .matching import (
    in_latin_1,
    kept_for_text,
    latin1_bytes,
    mark,
    mark_in_divisions,
    pieces_in,
    romanised_name,
    standalone_divisions,
    unmarked,
    unmarked_of,
    uses,
    uses_of,
    word_counts,
)
from .namewords import (
    HYPHENS,
    INITIAL,
    LISTED_WORD,
    LOWER,
    PIECE_BREAK,
    SYLLABLES,
    TUNE_REACH,
    UPPER,
    VOWEL,
    WORD,
    Words,
    capitalised_function_words,
    great_city,
    in_prescription,
    in_tunes_title,
    initial,
    passage,
    place_name,
    place_word,
    speaking_place,
    times,
    times_after_town_noun,
    titlecase,
    unmarked_prose,
    words_at_start,
)
from .ownscript import EVIDENCE as EVIDENCE_TRANSCRIBED
from .ownscript import texts_with_own_script, titles_of_works, transcribed_names
from .polities import EVIDENCE as POLITY
from .polities import polities, ruling_houses

# A ruler's number after the name: "Charles II", "Louis XVI.", "Charles I." (its full stop
# left out); "I" alone only before a stop or a comma ("Charles I think" is a pronoun).
# A forename's epithet, "the" and a capitalised word (no name's first word: no capitalised
# word after it), is part of the name: "Rob the Ranter", "Rab the Ranter" (Burns signing an
# epistle), "Peter the Great"
_EPITHET = re.compile(rf" the [{UPPER}][{LOWER}]+(?![\w'’-]| [{UPPER}])")
# A forename's bearer told apart by his land or seat: "Ferdinand of Aragon", "Philip of Macedon" (one
# capitalised word after "of", no other after it: not "Anne of Green Gables")
_BYNAME = re.compile(rf" of ([{UPPER}][{LOWER}]+)(?![\w'’-]| [{UPPER}])")
# The word for a saint before his name, in English and in the Romance tongues, whose saints'
# names name churches and towns ("Santa Maria", "San Miniato", "São Paulo")
_SAINTS_WORDS = frozenset(("Saint", "San", "Santa", "Santo", "São"))
# "of" and a capitalised word after a word: its land ("the Lord of Viterbo")
_OF_A_PLACE = re.compile(rf" of ([{UPPER}][{LOWER}]+)\b")
# A saint's title and his one name, found as a name alone ("St. John"; `_saints`)
_SAINTS_NAME = re.compile(rf"(?:St\.|Saint) [{UPPER}][{LOWER}]+")
_REGNAL = re.compile(r" (?:X{0,3}(?:IX|IV|VI{0,3}|I{2,3})|X{1,3}I?|I(?=[.,;:)]))(?![\w'’-])")  # "Louis XI"
# A reign's number from the second on ("III", "V", "XXII"): never a pronoun, never a letter
# of the alphabet alone ("I"), so it makes the word before it a sovereign's name after his title
_REIGN_FROM_SECOND = r"(?:X{0,3}(?:IX|IV|VI{0,3}|I{2,3})|X{1,3}I?)"
MIN_PAIR_WRITTEN = 2  # times the prose writes "Bonar Law" after "Mr." for a common word to end the name
MAX_FUNCTION_TITLED = 3  # letters of a function word no title names ("the", "to", "as"; "More" may)
MIN_MID = 2  # mid-sentence uses that make a forename of the profile a name alone (once: `_saint_or_thing`)
HEAD = (
    "Persons named in the text, a register built without an index (the book has none that "
    "names persons): a capitalised word is a name here only after an honorific, after a "
    "forename or initials, as a forename the text uses mid-sentence, or as the subject of a "
    "verb of saying; each entry's source note says which."
)
SOURCE = "named in the text, register built without an index"
BESIDE_INDEX = "named in the text, not in the book's index"  # as `persons` says of those it finds


@dataclass(frozen=True)
class Name:
    """A name as written: honorific (without its full stop), given names, surname."""

    hon: str
    given: tuple[str, ...]
    surname: str

    def key(self) -> str:
        # Asked of each name again and again (each span's, each found name's): made once,
        # kept beside the fields (not one of them: equality and hashing read only those).
        key = self.__dict__.get("_key")
        if key is None:
            key = " ".join(filter(None, [self.hon, *self.given, self.surname]))
            object.__setattr__(self, "_key", key)
        return key


@dataclass
class Span:
    start: int
    end: int
    name: Name
    why: str  # the evidence: "honorific", "forename", "initials", "known"
    # a forename lengthened by a ruler's number, an epithet or what tells its bearer apart
    # ("Louis XVI", "Peter the Great", "Meg o' the Mill"): not the bearer of a full name
    # that shares the forename (`Linker.find`)
    told_apart: bool = False
    # words the book names persons by alone, one name here ("Marcus Aurelius"): where the
    # name fits no one, the bearer of its surname, if the register gives that one no
    # forename (`Finder._joined`)
    joined: bool = False


_ONE_BLANK = (" ", "\t")
# The words before a place's name that `_forename_unlisted` takes for no forename's
_AT_OR_NEAR = frozenset({"at", "near", "At", "Near"})


def _span_start(span: Span) -> int:
    return span.start


def written_in(strings: Collection[str]) -> Callable[[str], bool]:
    """`lambda text: any(s in text for s in strings)`, told by one search of `text` for them
    all (asked of every text node of a book: "Duke", "Earl" are in few)."""
    search = re.compile("|".join(map(re.escape, strings)) if strings else "(?!)").search
    return lambda text: search(text) is not None


# A capitalised word and "of" or "and" before a title: the title is inside a longer name, a
# body's ("the Committee of General Security"), no person's.
_IN_LONGER_NAME = re.compile(r"[A-Z][\w'’]*\s(?:of|and|&)\s$")


# `_titled_words` of each `Words`, counted once for the Finders that read it (the discovery's
# and the marking's): a scan of the whole prose each. Kept while the `Words` lives.
_TITLED: WeakKeyDictionary[Words, Counter] = WeakKeyDictionary()


# The prose of a book but its headings, joined, and how often it writes each phrase asked
# (`Finder._written_in_prose`), by the book's words: each finder of the book asks the same few.
_PHRASES: WeakKeyDictionary[Words, tuple[str, dict[str, int]]] = WeakKeyDictionary()


def _titled_words(words: Words) -> Counter:
    """How often the prose writes each title of the profile written out (no abbreviation)
    before each capitalised word, after no article and outside a body's longer name (see
    `Finder._titled_twice`): {(title, word): times}."""
    counted = _TITLED.get(words)
    if counted is None:
        # not after an article: "A Brother Poet" is a kind of man, no one named (the titles
        # opening with their letters: `re` skips to them, 10 times faster over a book)
        titles = words_at_start(
            sorted((h for h in words.honorifics if not h.endswith(".")), key=len, reverse=True),
            before=r"[\w'’-]",
            not_after=(r"[Aa] ", r"[Aa]n ", r"[Tt]he "),
        )
        pair = re.compile(rf"({titles}) ([{UPPER}][{LOWER}]+)(?![\w'’-])")
        counted = _TITLED[words] = Counter(
            m.groups()
            for piece in words.prose
            for m in pair.finditer(piece)
            if _IN_LONGER_NAME.search(piece, max(0, m.start() - 40), m.start()) is None
        )
    return counted


class Finder:
    """Cuts the runs of capitalised words of a text into the persons they name (`alone` and
    `full` as they are when it is made)."""

    def __init__(self, words: Words, alone: dict[str, str] | None = None, full: dict[str, Name] | None = None):
        self.words = words
        self.alone = alone or {}  # word -> "surname" | "forename": marked on its own
        self.full = full or {}  # "Lloyd George" -> its name: whole names known, marked whole
        self.full_starts = {key.split(" ", 1)[0] for key in self.full}  # where a whole name may begin
        # What a name is cut from (`_cut`): an honorific or the first word of a whole name as
        # written, a forename, particle or word marked alone without its full stop, an initial.
        # A run without any (most runs: "The", "Yes") holds no name, and is not cut.
        self._as_written = set(words.honorifics) | self.full_starts | set(words.forename_abbreviations)
        self._as_word = set(words.forenames) | set(words.common_forenames) | set(words.particles) | set(self.alone)
        self._articles = {w for a in words.articles for w in (a, a[:1].upper() + a[1:])}
        self._roles = set(words.roles)
        self._titled: Counter | None = None  # (title, word) -> times written: `_titled_twice`
        self._known_persons = frozenset(words.known_persons)  # the profile's list, asked of every name marked alone
        self._epithets = frozenset(words.epithets)  # "Bold Richardton": no forename before a surname
        self._second_person: re.Pattern | None = None  # `_spoken_to`, made when first asked
        # `namewords.recipe_words`, made when first asked
        self._recipe: tuple[frozenset[str], frozenset[str]] | None = None
        nouns = "|".join(map(re.escape, words.planet_nouns)) or "(?!)"
        self._planet_nouns = re.compile(rf"\b(?:{nouns})\b", re.IGNORECASE)  # `_a_planet_here`
        sovereigns = "|".join(map(re.escape, sorted(words.sovereign_titles)))
        # "Pope Alexander": a sovereign's title right before a name found, inside its mention
        self._sovereign_before = re.compile(rf"(?<![\w'’.-])(?:{sovereigns}) \Z") if sovereigns else None
        # "Pope Innocent III": the title, any capitalised word and a reign's number from the
        # second on are one name, though the word is a common one ("innocent", "urban")
        # (the titles' letters first, where `re` skips to them: most texts hold none)
        reigning = words_at_start(sorted(words.sovereign_titles), before=r"[\w'’.-]")
        self._reigning = (
            re.compile(rf"(?:{reigning}) ([{UPPER}][{LOWER}]+) {_REIGN_FROM_SECOND}(?![\w'’-])") if sovereigns else None
        )
        # "Jacopo da St. Andrea", "Oliverotto da Fermo": a forename's bearer told apart by a
        # particle of the profile in lower case and his house's or his town's name
        small = "|".join(re.escape(p.lower()) for p in sorted(words.particles, key=lambda p: (-len(p), p)))
        self._particle_byname = (
            re.compile(rf" (?:{small}) (?:St\. )?[{UPPER}][{LOWER}]+(?![\w'’-]| [{UPPER}])") if small else None
        )
        # "Meg o' the Mill", "Tam o' Shanter": a forename and what tells its bearer apart
        links = "|".join(map(re.escape, words.name_links))
        articles = "|".join(map(re.escape, words.articles))
        # ("Johnie o' the Buskie-glen": a place's name and a word for its land, hyphened, the same)
        self._told_apart = (
            re.compile(rf" (?:{links}) (?:(?:{articles}) )?{LISTED_WORD}(?:-[{LOWER}]+)?(?![\w'’-])") if links else None
        )
        # "Gude help the day": the name of God, the verb of the wish after it outside the name
        self._invocation = (
            re.compile(
                rf"({words_at_start(sorted({p.split()[0] for p in words.invocations}))})\s+(?:"
                rf"{'|'.join(re.escape(p.split(' ', 1)[1]) for p in words.invocations if ' ' in p)})(?![\w'’-])"
            )
            if any(" " in p for p in words.invocations)
            else None
        )

    def spans(self, text: str) -> list[Span]:
        out: list[Span] = []
        as_written, as_word = self._as_written, self._as_word
        for toks in self.words.tokens(text):
            if len(toks) == 1:  # most runs: one word, told without a loop
                tok = toks[0][2]
                if (
                    tok in as_written
                    or tok.rstrip(".") in as_word
                    or len(tok) == 2
                    and tok[1] == "."
                    and "A" <= tok[0] <= "Z"
                ):
                    out.extend(self._cut(text, toks, initial(text, toks[0][0])))
                continue
            for _, _, tok in toks:  # a loop, not `any` over a generator: the test of every run of the book
                if (
                    tok in as_written
                    or tok.rstrip(".") in as_word
                    or len(tok) == 2
                    and tok[1] == "."
                    and "A" <= tok[0] <= "Z"  # INITIAL, told without a pattern
                ):
                    out.extend(self._cut(text, toks, initial(text, toks[0][0])))
                    break
        if self._invocation is not None:
            for wish in self._invocation.finditer(text):  # a loop: no generator made for each text
                if not any(s.start < wish.end(1) and wish.start(1) < s.end for s in out):
                    out.append(Span(wish.start(1), wish.end(1), Name("", (), wish.group(1)), "invocation"))
        if self._reigning is not None:
            for reign in self._reigning.finditer(text):  # most texts: no sovereign's title, no match
                if not any(s.start < reign.end() and reign.start() < s.end for s in out):
                    out.append(Span(reign.start(), reign.end(), Name("", (reign.group(1),), ""), "reign", True))
        if "[" in text and self.alone:
            out.extend(self._suppressed(text, out))
        if not out:
            return out  # most texts: no name, nothing to order or lengthen
        if self.words.saints:
            # a saint found where his name is his own is none where it ends a longer name or
            # names a building, an order or a street ("Hugh of St. Victor", "Rue St. Jacques")
            out = [s for s in out if not self._no_saint(text, s)]
        out.sort(key=_span_start)
        lengthened = False
        for span in out:
            if self._sovereign_before is not None and not span.name.hon and text[span.start - 1 : span.start] == " ":
                title = self._sovereign_before.search(text, max(0, span.start - 30), span.start)
                if title is not None:
                    span.start = title.start()  # "Pope Alexander": the title inside
                    lengthened = True
            m = _REGNAL.match(text, span.end)
            if m is not None and not text[span.end - 1 : span.end] == ".":
                span.end = m.end()  # "Charles II", "George III." (the full stop left out)
                span.told_apart = True
                self._land_after(text, span)  # "Philip IV of France"
            elif span.name.given and not span.name.surname and (m := _EPITHET.match(text, span.end)) is not None:
                span.end = m.end()  # "Rob the Ranter", "Peter the Great": the forename's bearer by his epithet
                span.told_apart = True
                self._land_after(text, span)  # "Philip the Fair of France"
            elif (
                self.words.saints
                and _SAINTS_NAME.fullmatch(span.name.surname)
                and (m := _EPITHET.match(text, span.end)) is not None
            ):
                span.end = m.end()  # "St. John the Baptist": the saint by his epithet, as a forename's bearer
                span.told_apart = True
            elif (
                span.name.given
                and not span.name.surname
                and (m := _BYNAME.match(text, span.end)) is not None
                and not self.words.common(m.group(1))
                and m.group(1) not in self.words.deities
            ):
                span.end = m.end()  # "Ferdinand of Aragon", "Philip of Macedon": the forename's bearer by his land
                span.told_apart = True
            elif (
                not span.name.given
                and not span.name.hon
                and " " not in span.name.surname
                and span.name.surname not in self.words.deities
                and (m := _EPITHET.match(text, span.end)) is not None
                and self._epithet_after_name(m.group().rsplit(" ", 1)[1])
            ):
                span.end = m.end()  # "Sordello the Troubadour", "Dionysius the Areopagite": his epithet
                span.told_apart = True
                land = _BYNAME.match(text, span.end)
                if (
                    land is not None
                    and not self.words.common(land.group(1))
                    and land.group(1) not in self.words.deities
                ):
                    span.end = land.end()  # "Peter the Third of Aragon": his land after his epithet
            elif (
                not span.name.given
                and not span.name.hon
                and " " not in span.name.surname
                and span.name.surname not in self.words.deities
                and (m := _BYNAME.match(text, span.end)) is not None
                and place_name(m.group(1))
                and not self.words.common(m.group(1))
            ):
                span.end = m.end()  # "Sordello of Mantua": a man named alone, told apart by his town
                span.told_apart = True
            elif (
                span.name.given
                and not span.name.surname
                and self._particle_byname is not None
                and (m := self._particle_byname.match(text, span.end)) is not None
            ):
                span.end = m.end()  # "Jacopo da St. Andrea": the forename's bearer by his house or town
                span.told_apart = True
            elif self._told_apart is not None and span.name.given and not span.name.surname:
                m = self._told_apart.match(text, span.end)
                if m is not None:
                    span.end = m.end()  # "Meg o' the Mill": the forename's bearer, told apart
                    span.told_apart = True
            lengthened = lengthened or span.told_apart
        return _lengthened_over(out) if lengthened else out

    def _epithet_after_name(self, word: str) -> bool:
        """Whether a capitalised word after a name alone and "the" is his epithet ("Sordello the
        Troubadour", "Dionysius the Areopagite", "Nabis the Spartan"; capitalised, though the book
        writes "troubadour" too, and mostly after "the"): no name, title, place or deity of its
        own ("showed Virgil the Lord", "Dante the Florence of his youth")."""
        return (
            word not in self.alone
            and word not in self.words.honorifics
            and word not in self.words.deities
            and word not in self.words.regions
            and word not in self.words.known_places
            and gazetteer.lookup(word) is None
        )

    def _no_saint(self, text: str, span: Span) -> bool:
        """Whether a saint's name found alone (`_saints`) names no saint here (`_no_saint_here`)."""
        if span.name.hon or span.name.given or not _SAINTS_NAME.fullmatch(span.name.surname):
            return False
        prepositions = {p.lower() for p in self.words.locatives} | {"into"}
        links = {"of", "d’", "d'"} | {p.lower() for p in self.words.particles}
        return _no_saint_here(text, span.start, self.words, prepositions, links)

    def _land_after(self, text: str, span: Span) -> None:
        """A forename's land or seat after its bearer's number or epithet ("Philip the Fair of
        France", "Peter the Third of Aragon", "Philip IV of France"): inside the name, as
        after the forename alone ("Ferdinand of Aragon"; one capitalised word the book never
        writes in lower case, no deity's, no other capitalised word after it)."""
        if not span.name.given or span.name.surname:
            return
        m = _BYNAME.match(text, span.end)
        if m is not None and not self.words.common(m.group(1)) and m.group(1) not in self.words.deities:
            span.end = m.end()

    def unnamed(self, also: Collection[str] = ()) -> set[str]:
        """The pieces of the prose (`Words.prose`) whose `spans` are none for sure, and which
        write none of `also`: most of a book's pieces, told apart in one search of the whole
        prose (`Words.prose_joined`) for the strings a piece with spans writes, not by reading
        the runs of each. A run is cut (`spans`) where a token is an honorific or first word
        written so (`_as_written`), an initial ("R."), or a word of `_as_word` but for its
        full stops; a token with no capital nor apostrophe is only one of the honorifics and
        abbreviations written with their full stop, in `_as_written` already, so the words of
        `_as_word` written in lower case need not be sought. A wish opens with its name of God
        (`_invocation`); letters suppressed stand in a bracket (`_suppressed`). (A match that
        hides another overlaps it, so lies in its piece too: no string sought holds the
        characters of a `PIECE_BREAK`.)"""
        words = self.words
        sought = set(self._as_written) | {w for w in self._as_word if w != w.lower() or "'" in w or "’" in w}
        sought |= {f"{c}." for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"} | {"["} | set(also)
        if self._invocation is not None:
            sought |= {p.split()[0] for p in words.invocations}
        sought.discard("")  # no token is empty (nor is a dotted one but in `_as_written`)
        pieces, starts = words.prose, words.prose_starts
        naming = set()
        following = -1  # where the piece after the last one found begins
        for _, start, _ in ahocorasick_rs.AhoCorasick(sorted(sought)).find_matches_as_indexes(words.prose_joined):
            if start >= following:  # the first match of its piece (matches come in order)
                k = words.piece_at(start)
                naming.add(pieces[k])
                following = starts[k + 1] if k + 1 < len(starts) else len(words.prose_joined)
        return set(pieces) - naming

    def _suppressed(self, text: str, out: list[Span]) -> list[Span]:
        """Names printed with letters suppressed in square brackets, as an old printing hid
        a living person's name and an editor restored it ("M[ontgomer]y", "D[undas]"): marked
        whole where the name restored is one the book names on evidence of its own."""
        found = []
        for m in _BRACKETED.finditer(text):
            word = m.group(0).replace("[", "").replace("]", "")
            if self.alone.get(word) and not any(s.start < m.end() and m.start() < s.end for s in out):
                name = Name("", (word,), "") if self.alone[word] == "forename" else Name("", (), word)
                found.append(Span(m.start(), m.end(), name, "known"))
        return found

    def _body(self, toks, j: int, after_abbreviation: bool):
        """Initials and capitalised words from token j, up to the first common word (the
        first may be common after an abbreviated honorific: "Mr. Pope"), honorific or
        abbreviation: (next token, initials and words before the last, surname)."""
        parts: list[str] = []
        k = j
        while k < len(toks) and len([p for p in parts if not p.endswith(".")]) < 4:
            tok = toks[k][2]
            word = tok.rstrip(".")
            if INITIAL.fullmatch(tok):
                parts.append(tok)
            elif tok in self.words.forename_abbreviations and k + 1 < len(toks):
                # "Rev. Wm. Boyd": the forename it stands for (not last: a name ends with a word)
                parts.append(self.words.forename_abbreviations[tok])
            elif tok.endswith(".") or tok in self.words.honorifics:
                break
            elif word in self.words.particles and k + 1 < len(toks) and not toks[k + 1][2].endswith("."):
                parts.append(word)
            elif (
                self.words.common(word)
                and not (after_abbreviation and k == j)
                and not self._surname_after_forename(toks, j, k, parts)
                or not VOWEL.search(word)
            ):
                break  # a common word, or an abbreviation ("Fcp. 8vo", "Wm.")
            else:
                parts.append(word)
                if len(parts) > 1 and INITIAL.fullmatch(parts[-2]):
                    k += 1
                    break  # the word after initials is the surname: the name ends there
            k += 1
        while parts and (parts[-1].endswith(".") or parts[-1] in self.words.particles):
            parts.pop()  # a name ends with a word
        if not parts:
            return j, (), ""
        last = len(parts) - 1
        while last > 0 and parts[last - 1] in self.words.particles:
            last -= 1  # "De Courcy" is one surname
        return j + len(parts), tuple(parts[:last]), " ".join(parts[last:])

    def _surname_after_forename(self, toks, j: int, k: int, parts: list[str]) -> bool:
        """Whether a common word at token k is the surname of the forename right before it
        ("Sir William Temple", "Thomas Baker"): it ends the run, and it is no function word."""
        before = parts[-1] if parts else (toks[j - 1][2] if k == j and j > 0 else "")
        word = toks[k][2]
        if k != len(toks) - 1 or word.lower() in self.words.function_words or word in self.words.honorifics:
            return False
        return (
            before in self.words.forenames
            and not self._written_in_prose(f"{before} {word.lower()}")
            or not parts
            and self._titled_twice(before, word)
            or self._forename_after_honorific(toks, j, k, parts)
        )

    def _forename_after_honorific(self, toks, j: int, k: int, parts: list[str]) -> bool:
        """Whether the one word between an honorific and a common word at token k is a
        forename, though no forename of the profile, where the prose writes the pair twice
        or more: "Sir Sidney Low", "Mr. Bonar Law" (a title names one person by forename and
        surname; "Sir Sidney" is no name), not a heading's "Mr. Polly Takes a Vacation"."""
        if not (
            k == j + 1
            and len(parts) == 1
            and j > 0
            and toks[j - 1][2] in self.words.honorifics
            and not self.words.common(parts[0])
        ):
            return False
        return self._written_in_prose(f"{parts[0]} {toks[k][2]}") >= MIN_PAIR_WRITTEN

    def _written_in_prose(self, phrase: str) -> int:
        """How often the prose writes `phrase`, its headings aside (asked of a few pairs of
        words: counted when first asked). A heading capitalises every word: "Song--Young
        Peggy Blooms" names no Peggy Blooms where the verse writes "Young Peggy blooms", nor
        "Song--By Allan Stream" where it writes "By Allan stream"."""
        counted = _PHRASES.get(self.words)
        if counted is None:
            headings = frozenset(self.words.headings)
            counted = _PHRASES[self.words] = ("\n".join(p for p in self.words.prose if p not in headings), {})
        prose, phrases = counted
        found = phrases.get(phrase)
        if found is None:
            found = phrases[phrase] = prose.count(phrase)
        return found

    def _titled_twice(self, title: str, word: str) -> bool:
        """Whether the prose writes a title of the profile written out (no abbreviation) before
        the same common word twice or more, after no article ("O haud your tongue now, Lucky
        Lang", "But your green graff, now Lucky Lang"; "the Punts, Master Punt"): a name, as a
        personification so titled is named once ("Sir Wisdom's a fool", "Dame Fortune should
        hing"), a kind of man after an article ("A Brother Poet"), and a body's name after a
        capitalised word and "of" or "and" ("the Committee of General Security", "of Public
        Safety and General Security")."""
        if title not in self.words.honorifics or title.endswith("."):
            return False
        if self._titled is None:
            self._titled = _titled_words(self.words)
        return self._titled[(title, word)] >= 2

    def _cut(self, text: str, toks, starts_sentence: bool) -> list[Span]:
        out: list[Span] = []
        i = 0
        while i < len(toks):
            start, end, tok = toks[i]
            word = tok.rstrip(".")
            span = None
            k = i + 1
            if self._honorific(toks, i, starts_sentence):
                # honorifics in a row are the name's ("Rev. Mr. Moodie", "Rev. Dr. Dalrymple"):
                # the last says how the name after it reads, the span holds them all
                final = i
                while final + 1 < len(toks) and toks[final + 1][2] in self.words.honorifics:
                    final += 1
                hon_tok = toks[final][2]
                k, given, surname = self._body(toks, final + 1, hon_tok.endswith("."))
                if surname and (
                    self._no_name_after(hon_tok, toks[final + 1][2])
                    or surname.split()[-1] in self._recipe_words()[0]  # "M. Conf. aromat.", "M. R. Zinci"
                    or len(hon_tok) == 2
                    and in_prescription(text, start, self._recipe_words()[1])
                ):
                    surname = ""  # "Aquae, 5iij. M. To be made into pills": the prescription's misce
                if surname and self._land_personified(text, toks, i, hon_tok, surname):
                    surname = ""  # "our Mother England": a land, spoken of as a kinswoman
                if surname:
                    span = self._name(hon_tok.rstrip("."), hon_tok, given, surname, start, toks[k - 1][1])
            elif INITIAL.fullmatch(tok):
                k, given, surname = self._body(toks, i, False)
                last = surname.split()[-1] if surname else ""
                # (an initial that is an honorific too, after another: "J.M. Keynes", whom "M."
                # alone made a name: the name, with all its initials)
                written = self.words.caps[surname] >= 2 or any(g in self.words.honorifics for g in given[1:])
                if (
                    surname
                    and written
                    and not place_name(surname)
                    and not self.words.body(last)
                    and surname not in self._recipe_words()[0]  # "R. Hydrargyri bichloridi"
                ):
                    span = Span(start, toks[k - 1][1], Name("", given, surname), "initials")
            elif word in self.words.forenames and not tok.endswith(".") and not self.words.common(word):
                k, given, surname = self._body(toks, i + 1, False)
                if surname:
                    # "Saint Francis Xavier": the saint's title, written whole, is the mention's
                    first = toks[i - 1][0] if i and toks[i - 1][2] == "Saint" else start
                    span = Span(first, toks[k - 1][1], Name("", (word, *given), surname), "forename")
            elif tok in self.words.forename_abbreviations:  # "To Alex. Cunningham, ESQ., Writer"
                k, given, surname = self._body(toks, i + 1, False)
                if surname and not place_name(surname):
                    full = self.words.forename_abbreviations[tok]
                    span = Span(start, toks[k - 1][1], Name("", (full, *given), surname), "forename")
            elif self._common_forename(text, toks, i, starts_sentence):
                k, given, surname = self._body(toks, i + 1, False)
                if (
                    surname
                    and not self.words.common(surname.split()[-1])
                    and surname not in self.words.known_places
                    and surname not in self.words.regions
                    and not place_name(surname)
                ):  # not "Mark Scotia's fond-returning eye", a verb before a land
                    span = Span(start, toks[k - 1][1], Name("", (word, *given), surname), "common forename")
                else:
                    k = i + 1
            if span is not None and not span.name.hon and place_word(span.name.surname):
                i = k  # "Edward Street": no person, and no forename alone either
                continue
            if span is None:
                k = i + 1
                whole = tok in self.full_starts and next(
                    (n for n in (3, 2) if i + n <= len(toks) and " ".join(t[2] for t in toks[i : i + n]) in self.full),
                    0,
                )
                if whole:
                    name = self.full[" ".join(t[2] for t in toks[i : i + whole])]
                    span, k = Span(start, toks[i + whole - 1][1], name, "known"), i + whole
                elif (
                    word in self.words.particles
                    and i + 1 < len(toks)
                    and self.alone.get(pair := f"{word} {toks[i + 1][2]}")
                ):
                    span, k = Span(start, toks[i + 1][1], Name("", (), pair), "known"), i + 2
                elif not tok.endswith(".") and self.alone.get(word) and self._marked_alone(text, toks, i):
                    name = Name("", (word,), "") if self.alone[word] == "forename" else Name("", (), word)
                    span = Span(start, end, name, "known")
                    if i == 1 and len(toks) == 2 and self._forename_unlisted(text, toks, starts_sentence):
                        span = Span(toks[0][0], end, Name("", (toks[0][2],), word), "known")
                    elif i + 1 < len(toks) and (joined := self._joined(text, toks, i)) > i + 1:
                        # "Marcus Aurelius", "Napoleon Bonaparte": words the book names persons by
                        # alone, one space apart, are one name, the last its surname
                        words = tuple(t[2] for t in toks[i:joined])
                        span = Span(start, toks[joined - 1][1], Name("", words[:-1], words[-1]), "known", joined=True)
                        k = joined
                    if span.start == start and i and word[:1].islower():
                        # "Can Grande della Scala": a surname opening with a particle in lower
                        # case, after capitalised words of its run that make no name with it,
                        # ends a longer name, no mention of the surname's bearer
                        span = None
            if span is not None:
                out.append(span)
            i = k
        return out

    def _marked_alone(self, text: str, toks, i: int) -> bool:
        """Whether the word at `i`, one the book names a person by alone, is that person's
        name here."""
        word = toks[i][2].rstrip(".")
        return (
            not (i + 1 < len(toks) and place_word(toks[i + 1][2]))  # "Glenriddel Hermitage": a house
            and not (i and place_word(word) and place_name(toks[i - 1][2]))  # "Warwick Lane": a
            # street named after a town, though Dr. Lane is a man ("Enter Lane": the butler)
            and not self._not_deity(text, toks, i)
            and not self._a_common_noun_here(text, toks, i)
            and not self._named_after(text, toks, i)
            and not self._a_planet_here(text, toks, i)
            and not (
                self.alone[word] == "forename" and i and toks[i - 1][2] in _SAINTS_WORDS
            )  # "to Saint Stephen's House", "that of Santa Maria": the saint's, a house's or a
            # town's, not a bearer of the forename
            and not (i and toks[i - 1][2] in self.words.place_first_words)  # "Campo Maldoli": the field
        )

    def _joined(self, text: str, toks, i: int) -> int:
        """Where the run of words the book names persons by alone that opens at `i` ends: each
        one space or tab after the last ("Marcus Aurelius", "Gwendolen Fairfax"), the later
        ones surnames, none a name of God or a god ("Jehovah God" is the persons pass's)."""
        deities = self.words.deities
        if toks[i][2] in deities:
            return i + 1
        j = i + 1
        while (
            j < len(toks)
            and self.alone.get(toks[j][2]) == "surname"
            and toks[j][2] not in deities
            and text[toks[j - 1][1] : toks[j][0]] in _ONE_BLANK
            and self._marked_alone(text, toks, j)
        ):
            j += 1
        return j

    def _forename_unlisted(self, text: str, toks, starts_sentence: bool) -> bool:
        """Whether the first of two capitalised words, the second a surname marked alone, is
        a forename no list gives ("to Canning Schiller, of Oxford"): mid-sentence, or opening
        a sentence where the book writes it mid-sentence elsewhere too ("Francesco Sforza,
        through being martial", beside "a son of Francesco Sforza") or nowhere else at all
        ("Bertoldo Orsini was deposed", its only use: `_once_opening`), after no article,
        and no word the book writes in lower case, title (with its full stop or without:
        "Messrs Lombroso"), particle, name marked alone, people's word, land or
        great city, nor a town's name the book writes elsewhere than before this surname. Not
        before a deity's name ("Almighty God"), nor in verse, which titles and personifies
        freely ("Of grateful Minstrel Burns", "now Yerl Galloway's sceptre's broke"), nor a
        clause's first word ("bride; Like Logan"), nor a word after "at" or "near", a place's
        ("at Baiae Tiberius at Caprem"), nor an epithet of the profile ("Bold Richardton"), nor after a comma in a sentence that
        speaks to one (`[names] second_person`: "whatever title suit thee, Auld Hornie")."""
        first, before = toks[0][2], _last_word(text, toks[0][0])
        return (
            self.alone.get(toks[1][2]) == "surname"
            and toks[1][2] not in self.words.deities
            and (not starts_sentence or self.words.mid[first] > 0 or self._once_opening(first))
            and text not in self.words.lines
            and not first.endswith(".")
            and first not in self.alone
            and first not in self.words.honorifics
            and f"{first}." not in self.words.honorifics
            and first.lower() not in self._roles
            and first not in self.words.particles
            and first not in self.words.deities
            and first not in self.words.regions
            and first not in self.words.known_places
            and first != "Saint"
            and first not in self.words.place_first_words  # "Campo Maldoli": a place named after a man
            and not self.words.common(first)
            and not _PEOPLES_WORD.search(first)
            and before not in self._articles
            and before not in _AT_OR_NEAR  # "Stertinius, at Baiae Tiberius at Caprem": a place, a comma lost
            # "my lad's bride; Like Logan", "for whom is it?’ Whereto Biondello": a clause's
            # first word (a closing quotation mark after its stop)
            and not before.rstrip("’'”\"").endswith((";", ":", "!", "?"))
            and first.lower() not in self._epithets
            and not (before.endswith(",") and self._spoken_to(text, toks[0][0], toks[1][1]))
            and not speaking_place(first)
            and not (place_name(first) and self.words.caps[first] > self._written_in_prose(f"{first} {toks[1][2]}"))
        )

    def _once_opening(self, first: str) -> bool:
        """Whether a word opening a sentence is written there only, once in the book, and is no
        word the profile says is never a name (`[names] not`: "Unlike Marat and Robespierre",
        a preposition the book writes nowhere in lower case) nor a function word ("In Homer",
        in a short text that writes "in" nowhere else)."""
        return (
            self.words.caps[first] == 1
            and first not in self.words.not_names
            and first.lower() not in self.words.function_words
        )

    def _common_forename(self, text: str, toks, i: int, starts_sentence: bool) -> bool:
        """Whether a forename that is a common word too (`[names] common_forenames`, or a
        forename of the profile the book writes in lower case) stands where only a name's
        first word does: first of its run, mid-sentence, not after an article ("Eschylus' pen
        Will Shakespeare drives", "like Rob Mossgiel"; not "Will ye go", "the Frank kings"),
        a capitalised word after it. First of its run but for an epithet before it, a word the
        book writes in lower case that is no function word ("There's Auld Rob Morris": the
        adjective outside the name, as in "auld Nick")."""
        tok = toks[i][2]
        if i > 1 or i == 0 and starts_sentence or len(toks) < i + 2 or tok.endswith("."):
            return False
        if i == 1 and not self._epithet(toks[0][2]):
            return False
        if tok not in self.words.common_forenames and not (tok in self.words.forenames and self.words.common(tok)):
            return False
        return _last_word(text, toks[0][0]) not in self._articles

    def _recipe_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """`namewords.recipe_words` of the prose: a prescription's Latin, no surnames (and
        the words of it after its Recipe sign)."""
        if self._recipe is None:
            self._recipe = self.words.prose_recipe_words
        return self._recipe

    def _spoken_to(self, text: str, start: int, end: int) -> bool:
        """Whether the sentence around `text[start:end]` speaks to one (`[names] second_person`)."""
        if self._second_person is None:
            thee = "|".join(map(re.escape, self.words.second_person)) or "(?!)"
            self._second_person = re.compile(rf"\b(?:{thee})\b", re.IGNORECASE)
        return _in_sentence(self._second_person, text, start, end)

    def _no_name_after(self, title: str, word: str) -> bool:
        """Whether the word after a title is none of a name: a short function word of the
        profile after any ("M. To be made into pills", "P.M. The"; "Mrs. More" is a name), or
        a word the book writes in lower case after a title of one letter and its full stop,
        which abbreviates other words than "Monsieur" too ("M. Mix the turpentine": misce),
        unless the book writes the pair twice or more ("M. Say"). "Mr. White" is a name. Nor is
        the plural of an honorific ("M. Generals . . . Mallam, Maxbohm": the Army List's
        heading, no surname being a title's plural)."""
        if len(word) <= MAX_FUNCTION_TITLED and word.lower() in self.words.function_words:
            return True
        if word.endswith("s") and word[:-1] in self.words.honorifics:
            return True
        return (
            len(title) == 2
            and title[1] == "."
            and self.words.common(word)
            and self._written_in_prose(f"{title} {word}") < MIN_PAIR_WRITTEN
        )

    def _land_personified(self, text: str, toks, i: int, title: str, surname: str) -> bool:
        """Whether a title written out, after a determiner, stands before a land's name
        ("our Mother England"): the land personified, no one's name."""
        return (
            i == 0
            and not title.endswith(".")
            and (surname in self.words.regions or speaking_place(surname))
            and _last_word(text, toks[0][0]) in self.words.determiners
        )

    def _epithet(self, word: str) -> bool:
        """Whether a capitalised word is an adjective's kind of word before a name: one the
        book writes in lower case, and no function word, article or honorific."""
        return (
            self.words.common(word)
            and word.lower() not in self.words.function_words
            and word not in self._articles
            and word not in self.words.honorifics
        )

    def _a_common_noun_here(self, text: str, toks, i: int) -> bool:
        """Whether a name the book also writes in lower case stands here as the common noun,
        after an article and up to two lower-case words ("the dusty Miller", "the Miller":
        Miss Miller's name, and a miller), none of them a calling or a function word ("the
        poet Miller", "the songs of Burns"). A deity
        is a name there ("the Lord"); a name never written in lower case is one after an
        article too ("the great Pitt")."""
        word = toks[i][2]
        if not self.words.lower.get(word.lower()) or word in self.words.deities or i > 1:
            return False
        if i == 1:
            return toks[0][2] in self._articles  # "The Miller came"
        ahead = _before(text, toks[0][0])
        for n in range(1, min(3, len(ahead)) + 1):
            if ahead[-n] in self._articles:
                return True
            w = ahead[-n]
            if not (w.isalpha() and w.islower()) or w in self._roles or w in self.words.function_words:
                # "the poet Miller", "the heart, Miller", "the songs of Burns": a calling, a
                # comma, a function word between
                return False
        return False

    def _named_after(self, text: str, toks, i: int) -> bool:
        """Whether a person of the profile's list (`[names] known`) names here a thing named
        after him, right after an article ("May last at the Shakespeare, Covent Garden": a
        tavern; "the Milton sailed"): a person so named takes none."""
        word = toks[i][2]
        if i or word not in self._known_persons or word in self.words.known_titled:
            return False
        ahead = _before(text, toks[0][0])
        return bool(ahead) and ahead[-1] in self._articles

    def _a_planet_here(self, text: str, toks, i: int) -> bool:
        """Whether a god's name that names a planet too (`[names] planets`: Venus, Mars) names
        the planet here, in a sentence that writes a noun of planets (`[names] planet_nouns`:
        "related to the planet Mars"; "under the planet Venus if possible, but never under
        Mars or Saturn")."""
        start, end, word = toks[i]
        return word in self.words.planets and _in_sentence(self._planet_nouns, text, start, end)

    def _not_deity(self, text: str, toks, i: int) -> bool:
        """Whether a deity's name of the profile names none here: an honorific with a word
        after it ("Lord Advocate": a title; "Lord Panmure" is cut as a name before), or a
        name after an indefinite of the profile ("a God", "my Lord"), or such an honorific
        before "of" and a place the gazetteer knows ("the Lord of Viterbo": his title)."""
        word = toks[i][2]
        if word not in self.words.deities:
            return False
        if word in self.words.honorifics and i + 1 < len(toks):
            return True
        start, end, _ = toks[i]
        if word in self.words.honorifics and (land := _OF_A_PLACE.match(text, end)) is not None:
            # "Rinaldo Annibaldeschi, the Lord of Viterbo": a man's title "of" a town the
            # gazetteer knows (not "the Lord of Hosts")
            if gazetteer.lookup(land.group(1)) is not None and not self.words.lower.get(land.group(1).lower()):
                return True
        return deity_as_kind(
            text, start, end, word, self.words.indefinites, self.words.worshipped, self.words.honorifics
        )

    def _honorific(self, toks, i: int, starts_sentence: bool) -> bool:
        """An honorific, not a word ending a sentence ("the President. But"), an abbreviation
        after a proper noun ("Melan Dr.", a drive) nor an initial after another ("J.M.
        Keynes": no Monsieur)."""
        tok = toks[i][2]
        if tok not in self.words.honorifics:
            return False
        if not tok.endswith("."):
            return True
        if len(tok) == 2 and i and INITIAL.fullmatch(toks[i - 1][2]):
            return False
        if i == 0 or (i == 1 and starts_sentence):
            return True
        behind = toks[i - 1][2]
        return behind.endswith(".") or self.words.common(behind) or behind in self.words.honorifics

    def _name(self, hon: str, tok: str, given: tuple, surname: str, start: int, end: int) -> Span:
        """A name after an honorific: one word after a title of rank ("Lady Susan") is a
        forename when the profile knows it as one; after "Mr." it is a surname."""
        if not given and surname in self.words.forenames and not tok.endswith("."):
            return Span(start, end, Name(hon, (surname,), ""), "honorific")
        return Span(start, end, Name(hon, given, surname), "honorific")


def _lengthened_over(spans: list[Span]) -> list[Span]:
    """The spans of a text less those a longer one overlaps: a name lengthened over a word
    found as a name of its own holds it, one mention ("Pope Gregory IX" where the book names
    a Pope alone, "Charles of Anjou" where it names an Anjou alone), never two marks that
    would write the word twice. Of two overlapping, the longer stays (the first, if equal)."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.start - s.end)):
        if kept and span.start < kept[-1].end:
            if span.end - span.start > kept[-1].end - kept[-1].start:
                kept[-1] = span
            continue
        kept.append(span)
    return kept


def discover(text: str, words: Words) -> tuple[dict[str, Name], dict[str, str], dict[str, str]]:
    """(names by key, the evidence of each, the words marked alone: word -> kind) of
    `text`, with `words` read from it."""
    found: dict[str, Name] = {}
    why: dict[str, str] = {}
    finder = Finder(words)
    silent = finder.unnamed()  # most pieces: told at once
    in_headings = _capitals_in_headings(words)
    things = names_of_things(text, words.forenames)
    for piece in words.prose:  # the prose of `text`, which `words` was read from
        if piece in silent:
            continue
        for span in finder.spans(piece):
            if piece in words.headings and _headed_only(piece, span, words, in_headings):
                continue
            if things and span.name.key() in things:
                continue  # "sailed to us in the George Washington!": a ship, no evidence of a man
            found.setdefault(span.name.key(), span.name)
            if span.name.key() not in why or _weak(why[span.name.key()]) and span.why != "common forename":
                why[span.name.key()] = f"{_EVIDENCE[span.why]}: {passage(piece, span.start, span.end)}"
    _headed(text, words, finder, found, why)
    _born_openings(words, found, why)
    alone: dict[str, str] = {}
    for key, name in found.items():
        if (
            name.surname
            and not _weak(why[key])  # "Rob Mossgiel": Mossgiel alone may be his farm
            and not words.common(name.surname.split()[-1])
            and name.surname not in words.honorifics
            and name.surname not in words.known_places  # "Major Logan"; alone, Logan is the river
            and not _invoked(name.surname, words)  # "Gude ale": good
            # "Roberto da San Severino": a word after a forename's particle ends the name of
            # his town ("San Severino"), no surname alone
            and not any(g[:1].islower() for g in name.given)
        ):
            alone[name.surname] = "surname"
            for part in _double_surname_parts(name.surname, words):
                alone.setdefault(part, "surname")
    for name in found.values():
        for g in name.given:
            if not g.endswith(".") and not words.common(g) and g not in alone and g not in words.particles:
                alone[g] = "forename"
    seen: dict[str, str] = {}
    after_names: list[tuple[str, list[str], str]] = []
    lists = name_lists(words, after_names)
    speaking, more = persons_by_cue(words, seen, lists)
    for word, n in sorted(speaking.items()) + sorted(more.items()):
        if " " in word:  # a name of several words that says ("Ho Shih says"): marked whole, its first words not alone
            if word not in found and not _written_already(word, found):
                parts = word.split(" ")
                found[word] = Name("", tuple(parts[:-1]), parts[-1])
                why[word] = (
                    f"a name of several words, the subject of a verb of saying {times(n)}: {seen[word]}"
                    if word in speaking
                    else f"a name of several words, {times(n)} where a person stands (says, who, himself): {seen[word]}"
                )
            continue
        if word not in alone:
            kind = "forename" if word in words.forenames else "surname"
            alone[word] = kind
            found[word] = Name("", (word,), "") if kind == "forename" else Name("", (), word)
            if word in speaking:
                why[word] = f"the subject of a verb of saying {times(n)}: {seen[word]}"
            else:
                why[word] = (
                    f"{times(n)} where a person stands (said, who, himself; 's friends, the minister; spoken to): {seen[word]}"
                )
    for word, where in inverted_entries(words):
        if word not in alone:
            alone[word] = "surname"
            found[word] = Name("", (), word)
            why[word] = f"an entry naming a person surname first, initials after: {where}"
    # the persons of the profile's lists first: "(Sappho, Eloisa, Mrs. Macaulay": Sappho's list
    _deities(text, words, found, why, alone)
    _known_persons(words, found, why, alone)
    _numbered_sovereigns(words, found, why, alone)
    for word, n, where in beside_persons(words, alone, lists + lists_after_persons(after_names, alone, words)):
        alone[word] = "surname"
        found[word] = Name("", (), word)
        why[word] = f"named {times(n)} in a list with persons the book names: {where}"
    for word, where in peers_by_title(words):
        if word not in alone and word not in found:
            alone[word] = "surname"
            found[word] = Name("", (), word)
            why[word] = f"the name of a peer's title ([names] peerages): {where}"
    _surnames_after_names(words, alone, found, why)
    _saints(words, found, why, alone)
    saints: list[Counter] = []
    for word in sorted(words.forenames):
        if (
            word not in alone
            and (
                words.mid[word] >= MIN_MID
                and words.mid[word] - _sainted(text, words, saints)[word] >= MIN_MID
                or words.mid[word] == 1
                and not _saint_or_thing(text, word, words, saints)
            )
            and not _common_forename(word, words)
            and not (place_name(word) and _mostly_after_place_preposition(text, word, words))  # "at Nancy"
        ):
            alone[word] = "forename"
            if not any(word in n.given for n in found.values()):
                found[word] = Name("", (word,), "")
                why[word] = f"a forename of the profile, capitalised mid-sentence {times(words.mid[word])}"
    _named_so(words, found, why, alone)
    # the lists again, with the forenames found alone since ("with Philip and Antiochus")
    for word, n, where in beside_persons(words, alone, lists + lists_after_persons(after_names, alone, words)):
        if word not in alone:
            alone[word] = "surname"
            found[word] = Name("", (), word)
            why[word] = f"named {times(n)} in a list with persons the book names: {where}"
    return found, why, alone


@cache
def _saint_pattern(titles: tuple[str, ...]) -> re.Pattern[str]:
    """A saint's title of `titles` and his name, and an epithet after it ("St. Gregory", "St.
    John the Baptist"), no capitalised word run on after it ("St. John Lateran"), no
    possessive ("St. Mark's": his church)."""
    title = "|".join(map(re.escape, titles))
    return re.compile(
        rf"(?<![\w'’.-])(?:{title}) [{UPPER}][{LOWER}]+(?: the [{UPPER}][{LOWER}]+)?(?![\w'’‐-]| [{UPPER}]|['’]s\b)"
    )


# The nouns of a building, a house or an order named after its saint ("the church of St. John",
# "the monastery of St. Victor", "the Order of St. Benedict"), and of a day ("the feast of")
# is no mention of him either way: the saint's name there is the thing's
_SAINTS_THINGS = frozenset(
    "church chapel convent monastery abbey cathedral basilica priory oratory hospital parish "
    "baptistery order gate bridge street island isle".split()
)


@cache
def _naming_patterns(phrases: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """For each last word of the phrases of `phrases`: (that word and the capitalised word after
    it, standing alone, no capitalised word run on after it; the words before that last word in
    each phrase that ends with it, in lower case). Each pattern opens with its word, which
    `re` seeks fast (one opening with a word boundary or an alternation is tried at every
    position of the book)."""
    heads: dict[str, list[str]] = {}
    for phrase in phrases:
        *before, last = phrase.split()
        heads.setdefault(last, []).append(" ".join(before).lower())
    return tuple(
        (
            re.compile(
                rf"{re.escape(last)}(?<![\w'’-].{{{len(last)}}})\s+([{UPPER}][{LOWER}]+)(?![\w'’‐-]|\s[{UPPER}])"
            ),
            tuple(before),
        )
        for last, before in sorted(heads.items())
    )


def _named_by(joined: str, start: int, heads: tuple[str, ...]) -> bool:
    """Whether the words before `start` are those of a phrase that ends with the word there
    ("a man named", "a certain"; the phrase's first letter in either case)."""
    ahead = joined[max(0, start - 30) : start].lower()
    return any(
        not head or ahead.endswith(f"{head} ") and not ahead[-len(head) - 2 : -len(head) - 1].isalpha()
        for head in heads
    )


# A name and another form of it in brackets: "Carlo Roberto (or Caroberto)"
_OTHER_FORM = re.compile(rf"([{UPPER}][{LOWER}]+) \((?:or|otherwise|alias) ([{UPPER}][{LOWER}]+)\)")


def _named_so(words: Words, found: dict[str, Name], why: dict[str, str], alone: dict[str, str]) -> None:
    """The words the text gives as a person's name (`[names] naming`: "there was another man
    named Biondello", "he mentions a certain Gotto of Mantua"), and those it sets in brackets
    after a name marked alone as another form of it ("Carlo Roberto (or Caroberto)"): a
    person's name once so written, where it may be a person's (`_may_be_person`) and is no
    place the gazetteer or the profile knows."""
    if not words.naming:
        return
    joined = words.prose_joined
    given: list[tuple[str, int, int]] = [
        (m.group(1), m.start(), m.end())
        for naming, heads in _naming_patterns(tuple(words.naming))
        for m in naming.finditer(joined)
        if _named_by(joined, m.start(), heads)
    ]
    if "(" in joined:
        given += [(m.group(2), m.start(), m.end()) for m in _OTHER_FORM.finditer(joined) if m.group(1) in alone]
    for word, start, end in given:
        if (
            word in alone
            or word in found
            or not _may_be_person(word, words)
            or gazetteer.lookup(word) is not None
            or place_name(word)
            or _plural_people(word, words)
        ):
            continue
        alone[word] = "forename" if word in words.forenames else "surname"
        found[word] = Name("", (word,), "") if word in words.forenames else Name("", (), word)
        k = words.piece_at(start)
        piece, at = words.prose[k], words.prose_starts[k]
        why[word] = f"named so by the text ([names] naming): {passage(piece, start - at, end - at)}"


def _opens_sentence(piece: str, start: int) -> bool:
    """Whether the word at `start` opens its piece, a sentence or a clause after a colon or a
    semicolon (an opening quotation mark or bracket before it)."""
    ahead = piece[:start].rstrip(" \t\n“‘\"'(")
    return not ahead or ahead[-1] in ".!?:;"


def _no_saint_here(piece: str, start: int, words: Words, prepositions: Collection[str], links: Collection[str]) -> bool:
    """Whether a saint's title and name at `start` name no saint there (`_saints`): the end of
    a longer name, a building's, an order's or a street's name, a place after a locative."""

    def in_a_name(word: str, at: int) -> bool:
        """A capitalised word at `at` that ends no clause and opens no sentence as a common
        word does ("Hugo", "Rue"; not "Peter," of a list, nor "Yet" or "Speaking")."""
        return word[:1].isupper() and word[-1:].isalpha() and (not words.common(word) or not _opens_sentence(piece, at))

    before = _last_word(piece, start)
    if in_a_name(before, start - len(before) - 1):
        return True  # "Abbot Hugo St. Victor", "the Rue St. Jacques" (not "Yet St. Victor is")
    if before.lower() in prepositions:
        return True  # "at St. Denis"
    if before in links:
        ahead = start - len(before) - 1
        named = _last_word(piece, ahead)
        if named.lower() in _SAINTS_THINGS or in_a_name(named, ahead - len(named) - 1):
            # "Hugo de St. Victor", "the Count of Saint Boniface", "the monastery of St. Victor",
            # "the Order of St. Anthony" (not "Speaking of St. John")
            return True
    return False


def _saints(words: Words, found: dict[str, Name], why: dict[str, str], alone: dict[str, str]) -> None:
    """The saints the book names by their title ("St. Gregory differed from St. Dionysius",
    "Yet St. Victor is not exempt", "St. John the Baptist is the patron saint"): a person
    wherever so written, the title inside, and an epithet after the name with no comma. Not
    where the title and name are the end of a longer name (a capitalised word, or one and "of"
    or a particle, before them: "Hugo de St. Victor", "the Count of Saint Boniface"), the
    name of a building, an order or a street after its noun and "of" ("the monastery of St.
    Victor", `_SAINTS_THINGS`), a place after a locative preposition of the profile or "into"
    (`[places] locatives`: "at St. Denis"), nor a country or a city of 250,000 people or more
    the gazetteer knows by either form ("St. Louis", "Saint Paul"), nor where the name is a
    common word ("Saint Monday"). The titles are the profile's (`[names] saints`; none in the
    default profile, the pack "christian" gives "St." and "Saint"). A saint found before with
    his title read as a forename ("St." and "Augustine") is entered so, his name alone
    marked as it was."""
    if not words.saints:
        return
    saint_at = _saint_pattern(tuple(words.saints))
    prepositions = {p.lower() for p in words.locatives} | {"into"}
    links = {"of", "d’", "d'"} | {p.lower() for p in words.particles}
    for piece in words.prose:
        for m in saint_at.finditer(piece):
            whole = m.group()
            name = whole.split(" ")[1]
            if words.common(name):
                continue
            if _no_saint_here(piece, m.start(), words, prepositions, links):
                continue
            if any(_large_place(f"{t} {name}") for t in ("St.", "Saint")):
                continue  # "St. Louis", "Saint Paul": cities
            saint = whole.split(" the ")[0]  # his epithet joined where marked (`Finder.spans`)
            earlier = found.get(saint)
            if earlier is not None and (earlier.hon or earlier.given != (whole.split(" ")[0],)):
                continue  # found whole already (the title read as a forename: the saint's, below)
            if earlier is not None and not words.common(earlier.surname):
                alone.setdefault(earlier.surname, "surname")  # "Augustine" alone, as found before
            found[saint] = Name("", (), saint)
            why[saint] = f"a saint's title before it: {passage(piece, m.start(), m.end())}"


# A paragraph or note that opens with a name (one to four capitalised words, the particles
# between them in lower case), its epithet ("the Sicilian") or ruler's number ("II") after it,
# then a comma and "born" and a year, or a date's first word: a note on the person.
_BORN_OPENING = re.compile(
    rf"([{UPPER}][{LOWER}]+(?: (?:(?:da|de|di|del|della|of|von|van|le|la) )?[{UPPER}][{LOWER}]+){{0,3}})"
    rf"(?: the [{UPPER}][{LOWER}]+|{_REGNAL.pattern})?,? born (?:in |about |c\. |circa )?\d"
)


def _born_openings(words: Words, found: dict[str, Name], why: dict[str, str]) -> None:
    """The persons a note or paragraph is about, where it opens with the name and "born" and a
    year, as an editor's biographical note does ("Agathocles the Sicilian, born 361 BC, died
    289 BC.", "Hiero II, born about 307 BC", "Joannes Cantacuzenus, born 1300, died 1383."): a
    name of one word is a forename, its epithet or number telling its bearer apart; of several,
    forenames and a surname. No name of a word the book writes in lower case too, of a deity,
    nor a place's name (`place_name`)."""
    for piece in words.prose:
        if " born " not in piece[:80]:
            continue  # most pieces: no note on a person's birth
        m = _BORN_OPENING.match(piece)
        if m is None:
            continue
        parts = m.group(1).split(" ")
        capitalised = [w for w in parts if w[:1].isupper()]
        if any(words.common(w) or w in words.deities for w in capitalised) or place_name(m.group(1)):
            continue
        name = Name("", (parts[0],), "") if len(parts) == 1 else Name("", tuple(parts[:-1]), parts[-1])
        if name.key() in found or any(parts[-1] in (n.surname, *n.given) for n in found.values()):
            continue  # the person found already, under a title or with a forename ("Emperor Maximilian")
        found[name.key()] = name
        why[name.key()] = (
            f"a note on the person, opening with the name and “born”: {passage(piece, m.start(), m.end())}"
        )


def _surnames_after_names(words: Words, alone: dict[str, str], found: dict[str, Name], why: dict[str, str]) -> None:
    """Full names of which the book named the first word alone on evidence of its own: a name
    marked alone (no forename of the profile, which makes full names itself, nor a person the
    profile knows by one name: "for Chanticleer Shook off"), one space, and a
    capitalised word after it, the two a run of their own in the prose ("overawed by Cesare
    Borgia;", Cesare being named alone "his son Cesare"): the second is the surname where it is
    no word the book writes in lower case, no name marked alone itself ("Caesar Alexander", a
    list's comma lost), title, particle, name of God, people's word, place the profile or the
    gazetteer knows nor a word for a street ("Glenriddel Hermitage")."""
    firsts = {w for w in alone if w not in words.forenames and w not in words.deities and w not in words.known_persons}
    if not firsts:
        return
    headings = frozenset(words.headings)
    seen: set[str] = set()
    # one scan of the prose for two capitalised words a space apart, the first then looked up
    # (an alternation of the book's names, tried in every piece, took a tenth of a second)
    for m in _TWO_CAPITALISED.finditer(words.prose_joined):
        first, second = m.groups()
        if first not in firsts or second in seen:
            continue
        k = words.piece_at(m.start())
        piece, start = words.prose[k], m.start() - words.prose_starts[k]
        if piece in headings or _WORD_BEFORE_CAPITAL.search(piece, max(0, start - 30), start):
            continue
        seen.add(second)
        if (
            second in alone
            or words.common(second)
            or second in words.honorifics
            or second in words.particles
            or second in words.deities
            or second in words.regions
            or second in words.known_places
            or _PEOPLES_WORD.search(second)
            or place_word(second)
            or place_name(second)
        ):
            continue
        name = Name("", (first,), second)
        if name.key() not in found:
            found[name.key()] = name
            why[name.key()] = f"{_EVIDENCE['after a name']}: {passage(piece, start, start + len(m.group()))}"


# Two capitalised words a space apart, a run of their own (no capitalised word after them)
_TWO_CAPITALISED = re.compile(rf"([{UPPER}](?<![\w'’-].)[{LOWER}]+) ([{UPPER}][{LOWER}]+)(?![\w'’-]| [{UPPER}])")
# a run of more capitalised words, or initials ("Mr. F. Kinsey Peile": one man's name)
_WORD_BEFORE_CAPITAL = re.compile(rf"[{UPPER}][\w'’.-]*[ \t]+\Z")


def _double_surname_parts(surname: str, words: Words) -> list[str]:
    """The names a double surname joins by a hyphen ("Dr. Binet‐Sanglé") that the book also
    writes alone, capitalised mid-sentence ("the explorations by Binet, Janet, Breuer"):
    surnames of their own, no common word nor place the gazetteer knows ("Crichton‐Browne"
    writes neither alone)."""
    parts = re.split(f"[{HYPHENS}]", surname)
    if len(parts) < 2:
        return []
    return [p for p in parts if words.mid[p] and not words.common(p) and not place_name(p)]


_HEADED = ("honorific", "forename")  # the evidence a heading's capitals do not weaken
_AFTER_FORENAME = ("forename", "common forename")


# `_capitals_in_headings` of each `Words`, counted once for the discovery and the marking
# (a read of the whole prose each). Kept while the `Words` lives; read, never changed.
_IN_HEADINGS: WeakKeyDictionary[Words, Counter] = WeakKeyDictionary()


def _capitals_in_headings(words: Words) -> Counter:
    """How often the headings among the prose write each capitalised word."""
    counted = _IN_HEADINGS.get(words)
    if counted is None:
        counted = _IN_HEADINGS[words] = _count_capitals_in_headings(words)
    return counted


def _count_capitals_in_headings(words: Words) -> Counter:
    out: Counter = Counter()
    for piece in words.prose:
        if piece in words.headings:
            out.update(tok.rstrip(".") for run in words.tokens(piece) for _, _, tok in run)
    return out


def _headed_only(piece: str, span: Span, words: Words, in_headings: Counter) -> bool:
    """Whether a heading opens with a forename and a capitalised word that the book writes
    capitalised nowhere else ("Chapter the Tenth / Miriam Revisited", "Johnie Lad, Cock Up
    Your Beaver"): a heading capitalises its every word, and one that opens with a person
    tells what she does or is; Revisited is no Miriam's surname. A heading that names a
    person after a word is read as prose ("Epistle To John Goldie"), and so is an honorific
    ("Epitaph For Mr. Gabriel Richardson")."""
    if span.why not in _AFTER_FORENAME or not span.name.surname or piece[: span.start].strip():
        return False
    last = span.name.surname.split()[-1]
    return words.caps[last] <= in_headings[last]


def _headed(text: str, words: Words, finder: Finder, found: dict[str, Name], why: dict[str, str]) -> None:
    """The names of the book's headings in title case ("Apology To Mr. Syme For Not Dining
    with him", "Compliments Of John Syme Of Ryedale"), whose capitals are no evidence, but
    whose honorific, or forename before a capitalised word, is as much as in prose: taken
    where the surname is written capitalised in the prose too ("A gift that e'en for Syme
    were fit"), which the heading names, and which is no common word and no place the
    gazetteer or the profile knows (a heading's "Miss Graham Of Fintry" or "Tibbie Dunbar"
    says less of a word that names a town: the prose decides those)."""
    prose = set(words.prose)
    for piece in text.split("\n\n"):
        if piece in prose or not piece.strip():
            continue
        for span in finder.spans(piece):
            name, key = span.name, span.name.key()
            surname = name.surname
            if (
                span.why not in _HEADED
                or key in found
                or not surname
                or " " in surname
                or not words.mid[surname]
                or words.common(surname)
                or place_name(surname)
                or surname in words.known_places
                or surname in words.regions
                or surname in words.honorifics
                or surname in words.forenames  # "The Rev. John M'math": a forename, the surname unread
            ):
                continue
            found[key] = name
            why[key] = f"{_EVIDENCE[span.why]}, in a heading: {passage(piece, span.start, span.end)}"


# After a person's name: "of" and a word, a title of gentry maybe between ("Sir Adam Ferguson
# of Kilkerran, Bart.", "Robert Graham, Esq., of Fintry", "Stephen Young of Barr").
_SEAT_AFTER = re.compile(
    rf",?[ \t]+(?:(?:Esq|Esquire|Bart|Baronet|Kt)\.?,?[ \t]+)?[Oo]f[ \t]+({LISTED_WORD})(?![\w'’-]|[ \t]+[{UPPER}])"
)
_MONTH_NAMES = frozenset(calendar.month_name[1:])
_SEATED = ("honorific", "forename", "initials")  # the evidence of a name a seat may follow


def seats(
    text: str,
    words: Words,
    finder: Finder,
    found: dict[str, Name],
    why: dict[str, str],
    alone: dict[str, str],
    home: tuple[tuple[float, float, float, float], ...] = (),
) -> set[str]:
    """The seats of the gentry, as notes and headings name a laird "of" his lands ("Sir Adam
    Ferguson of Kilkerran, Bart.", "Epistle To Robert Graham, Esq., Of Fintry"), by which
    verse calls the man himself ("Thee, aith-detesting, chaste Kilkerran", "Fintry, my stay
    in wordly strife"): the word a person, entered under it, and marked wherever the book
    writes it but after "of" or a preposition of place, where it is the lands ("the tow'rs of
    Stair"), left unmarked (`apply`): a note's "Sir Adam Ferguson of Kilkerran" is read as one
    man's style as often as a man and his lands. A seat the book writes after "of" only is
    none. Not a word the book writes in lower
    case, a forename, a name the book gives a person already, a month, nor a place the
    profile, the well-known part of the gazetteer or its towns of the book's land (`home`:
    the lands' boxes; none given, a town anywhere) know ("James Boswell of Auchinleck", "Dr.
    Taylor of Norwich": towns, whose names are no man's), nor a word the book writes after a
    preposition of place ("By Oughtertyre grows the aik"), as it does a place's."""
    out: set[str] = set()
    prepositions = [w for p in words.place_prepositions for w in (p, p[:1].upper() + p[1:])]
    # Each name and the seat after it, in the book's order: the words so written are then
    # counted in the book in one scan (`uses_of`), not in three searches of it each.
    named: list[tuple[str, Span, re.Match[str]]] = []
    for piece in text.split("\n\n"):
        if " of " not in piece and " Of " not in piece:
            continue
        for span in finder.spans(piece):
            if span.why not in _SEATED or not (span.name.surname or span.name.given):
                continue
            m = _SEAT_AFTER.match(piece, span.end)
            if m is not None:
                named.append((piece, span, m))
    counted = uses_of({w for _, _, m in named for w in (m.group(1), f"of {m.group(1)}", f"Of {m.group(1)}")}, text)
    placed: list[set[str]] = []  # the seats written after a preposition of place, all told when one is asked
    seated = {m.group(1) for _, _, m in named}
    for piece, span, m in named:
        seat = m.group(1)
        if (
            seat in alone
            or seat in found
            or seat in out
            or words.common(seat)
            or seat in words.forenames
            or seat in words.honorifics
            or seat in _MONTH_NAMES  # "a letter of Mr. Nicol of June"
            or place_name(seat)
            or seat in words.known_places
            or seat in words.regions
            or _town_at_home(seat, home)
            or seat in _placed_once(placed, text, seated, prepositions)
        ):
            continue
        if counted[f"of {seat}"] + counted[f"Of {seat}"] >= counted[seat]:
            continue  # never the man, his lands only ("Address To Wm. Tytler, Esq., Of Woodhouselee")
        out.add(seat)
        alone[seat] = "surname"
        found[seat] = Name("", (), seat)
        why[seat] = (
            f"a laird called by his seat, named after a person's name and 'of': {passage(piece, span.start, m.end())}"
        )
    return out


# A word after a dash that closes a paragraph or a note, its full stop and bracket maybe:
# a note's signature ("These are rhymes of dubious authenticity.--Lang."), a quotation's
# author ("One native charm, than all the gloss of art.--Goldsmith.").
_SIGNED = re.compile(rf"(?:--|—)[ \t]?({LISTED_WORD})\.?\]?\s*$")
_SIGNED_COMMON = 2  # a word the book writes in lower case too signs so twice or more


def signatures(
    words: Words,
    found: dict[str, Name],
    why: dict[str, str],
    alone: dict[str, str],
    home: tuple[tuple[float, float, float, float], ...] = (),
) -> set[str]:
    """The names that sign a note or close a quotation, after a dash at its paragraph's end
    ("--Lang.", an editor's notes; "--Goldsmith.", a motto's poet; "--Jessy.", a song's
    refrain called to her): persons. A word the book writes nowhere in lower case once, taken
    as names are (`alone`: marked wherever capitalised); a common word too ("lang", Scots
    long) where it signs so twice or more, entered, and returned: it is marked at such a
    paragraph's end only (`apply`). Not a word the profile says is no name, an abstraction
    ("--Liberty.", once; "that fantastic thing--Liberty."), nor a place the profile or the
    gazetteer knows, or a word for one (a letter's dateline: "--Paris.", "----Hotel.")."""
    counts: Counter = Counter()
    seen: dict[str, str] = {}
    for piece in words.prose:
        if "--" not in piece and "—" not in piece:
            continue
        m = _SIGNED.search(piece)
        if m is not None:
            counts[m.group(1)] += 1
            seen.setdefault(m.group(1), passage(piece, m.start(), m.end()))
    signed: set[str] = set()
    for word, n in sorted(counts.items()):
        if (
            word in alone
            or word in found
            or word in words.not_names
            or word in words.honorifics
            or word.lower() in words.function_words
            or _abstract(word, words)
            or place_word(word)  # a letter's dateline: "----Hotel."
            or place_name(word)
            or word in words.known_places
            or word in words.regions
            or _town_at_home(word, home)
        ):
            continue
        common = words.common(word)
        if common and n < _SIGNED_COMMON:
            continue
        found[word] = Name("", (), word)
        why[word] = f"signs a note or closes a quotation after a dash {times(n)}: {seen[word]}"
        if common:
            signed.add(word)
        else:
            alone[word] = "surname"
    return signed


# A name, "is" and a capitalised word that ends there: a note saying who a poem's person is
# ("Willie is Nicol, Allan is Masterton the writing--master").
_IS_NAMED = re.compile(rf"({LISTED_WORD}) is ({LISTED_WORD})(?![\w'’-]|\s+[{UPPER}])")


def identified(
    words: Words,
    found: dict[str, Name],
    why: dict[str, str],
    alone: dict[str, str],
    home: tuple[tuple[float, float, float, float], ...] = (),
) -> None:
    """The persons a note identifies by a name of the book's persons, "is" and another name
    ("Willie is Nicol, Allan is Masterton the writing--master": Allan, a forename, names a
    person; Masterton is the same man's surname): a person, entered and marked as names are,
    where the second is no word the book writes in lower case ("Willie is Dead" is none), no
    place the profile knows, no country, region or great city of the gazetteer nor town of
    the book's land (`home`; a small town elsewhere, Masterton in New Zealand, names a man as
    often), and no people's or faith's word ("Jean is Scottish")."""
    for piece in words.prose:
        if " is " not in piece:
            continue
        for m in _IS_NAMED.finditer(piece):
            person, word = m.groups()
            if (
                alone.get(person) is None
                or word in alone
                or word in found
                or words.common(word)
                or word in words.honorifics
                or word in words.not_names
                or _large_place(word)  # a small town's name is a surname too ("Masterton")
                or word in words.known_places
                or word in words.regions
                or _town_at_home(word, home)
                or _PEOPLES_WORD.search(word)
            ):
                continue
            alone[word] = "forename" if word in words.forenames else "surname"
            found[word] = Name("", (word,), "") if word in words.forenames else Name("", (), word)
            why[word] = f"named as who a person of the book is: {passage(piece, m.start(), m.end())}"


def _seat_and_name(piece: str, spans: list[Span], seated: set[str]) -> list[Span]:
    """`spans` with a laird's seat written right before another name of his joined to it, one
    name ("Barr Steenie!", Stephen Young of Barr), as a forename and a surname are."""
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        if (
            last is not None
            and last.name.surname in seated
            and not last.name.given
            and piece[last.end : span.start] == " "
        ):
            out[-1] = Span(last.start, span.end, span.name, span.why)
        else:
            out.append(span)
    return out


def _town_at_home(word: str, home: tuple[tuple[float, float, float, float], ...]) -> bool:
    """Whether the gazetteer holds a town of that very name in one of the lands `home` (south,
    north, west, east), or anywhere when `home` is empty."""
    for geo in gazetteer.lookup_all_named(word):
        if not home:
            return True
        if geo.lat is not None and geo.lng is not None:
            if any(s <= geo.lat <= n and w <= geo.lng <= e for s, n, w, e in home):
                return True
    return False


# A possessive and the word after it, if a lower-case one: "Rusper's to", "Wintershed's,"
_BEFORE_NAME = r"(?![ \t]+[A-Z])"  # no capitalised word after it: "Lord" in "the Lord made", not "Lord Panmure"


def _invoked(word: str, words: Words) -> bool:
    """Whether `word` names God only before the verb of a wish (`[names] invocations`)."""
    return any(p.split()[0] == word for p in words.invocations)


def _places_written(text: str, strings: list[str]) -> dict[str, list[int]]:
    """Where `text` writes each of `strings` (none empty), in order, overlapping places too:
    every place of them all found in one scan of it (Aho-Corasick; the profile's twenty
    deities sought one by one took ~12 ms of James's book)."""
    wanted = sorted(set(strings))
    places: dict[str, list[int]] = {string: [] for string in wanted}
    for index, start, _ in ahocorasick_rs.AhoCorasick(wanted).find_matches_as_indexes(text, overlapping=True):
        places[wanted[index]].append(start)
    for starts in places.values():
        starts.sort()
    return places


def _matches_from(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """`pattern.finditer(text)` for a pattern whose every match opens at one of `starts`
    (sorted: the places its literal opening is written, `_places_written`): the pattern tried
    at each, from the end of the match before on, as `finditer` goes on. (A pattern that
    matches nothing empty.)"""
    end = 0
    match = pattern.match
    for at in starts:
        if at >= end and (m := match(text, at)) is not None:
            end = m.end()
            yield m


def _deities(text: str, words: Words, found: dict[str, Name], why: dict[str, str], alone: dict[str, str]) -> None:
    """The names of God and of gods the profile lists (`[names] deities`) that the book writes
    capitalised where they name one (as `Finder._cut` marks them: "Lord" with no name after
    it, none after an indefinite, "a God"): persons, marked wherever so written, though the
    book writes the word in lower case too ("the god of love")."""
    places: dict[str, list[int]] | None = None  # where each deity is written, all found in one scan
    for deity in words.deities:
        if deity in words.not_names or deity in alone or deity in found:
            continue
        parts = deity.split()
        title = deity in words.honorifics  # "Lord": not before a name ("Lord Panmure")
        before_name = _BEFORE_NAME if title else ""
        # the name first, the character before it tested apart: a pattern that opens with
        # letters is sought by `re`'s fast scan, one that opens with a look-behind is tried
        # at every position of the book
        written = re.compile(rf"{re.escape(deity)}(?![\w-]|['’][a-rt-z]){before_name}")
        if places is None:
            places = _places_written(text, [d for d in words.deities if d])
        uses = [
            m
            for m in _matches_from(written, text, places[deity])
            if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_'’-"))
            and not deity_as_kind(
                text, m.start(), m.end(), deity, words.indefinites, words.worshipped, words.honorifics
            )
        ]
        if not uses:
            continue
        name = Name("", tuple(parts[:-1]), parts[-1]) if len(parts) > 1 else Name("", (), deity)
        found[name.key()] = name
        first = uses[0]
        why[name.key()] = (
            f"a name of God or of a god the profile lists ([names] deities), written {times(len(uses))}: "
            f"{passage(text, first.start(), first.end())}"
        )
        if len(parts) == 1:
            alone[deity] = "surname"


# A relative clause right after a deity's name: "thy God that is in thee", the god within one
RELATIVE_AFTER_DEITY = re.compile(r"\s+(?:that|which|who)\s")


def deity_as_kind(
    text: str,
    start: int,
    end: int,
    deity: str,
    indefinites: Collection[str],
    worshipped: Collection[str],
    honorifics: Collection[str],
) -> bool:
    """Whether the word right before a deity's name written at `text[start:end]` makes it a
    kind of being, a man's title or the god within one, not the one named: an indefinite of
    the profile ("a God", "my Lord"), but for a possessive (`[names] possessives`, `worshipped`
    in either case) before a deity's name that is no honorific and that no relative clause
    follows ("Where is my God?", "Pray now to your God": the one worshipped; not "thy God that
    is in thee")."""
    before = _last_word(text, start)
    if before not in indefinites:
        return False
    return not (before in worshipped and deity not in honorifics and RELATIVE_AFTER_DEITY.match(text, end) is None)


def _quote(joined: str, start: int, end: int) -> str:
    """`passage` of the piece of the prose joined by blank lines that holds `joined[start:end]`:
    the quotation stays within its paragraph."""
    at = joined.rfind("\n\n", 0, start)
    at = 0 if at < 0 else at + 2
    until = joined.find("\n\n", end)
    return passage(joined[at : len(joined) if until < 0 else until], start - at, end - at)


def peers_by_title(words: Words) -> list[tuple[str, str]]:
    """The names of peers' titles the prose writes ("the Earl of Glencairn", `[names]
    peerages`), by which a peer is called alone ("honest man! Glencairn"): when the book writes
    the name after "of" only in such titles, and never after a preposition of place, and the
    gazetteer knows no place of that name and it may be a person's (`_may_be_person`; not
    "the Duke of York", "the braes of Athole"). (name, a passage quoting the title)."""
    if not words.peerages:
        return []
    joined = "\n\n".join(words.prose)
    titled = re.compile(rf"(?:{words_at_start(words.peerages)}) of ({LISTED_WORD})(?![\w'’-])")
    seen: dict[str, str] = {}
    times_titled: Counter = Counter()
    for m in titled.finditer(joined):
        times_titled[m.group(1)] += 1
        seen.setdefault(m.group(1), _quote(joined, m.start(), m.end()))
    placed: list[set[str]] = []  # the names written after a preposition of place, all told when one is asked
    return [
        (word, seen[word])
        for word in sorted(seen)
        if joined.count(f" of {word}") == times_titled[word]
        and not gazetteer.lookup(word)
        and _may_be_person(word, words)
        and word not in _placed_once(placed, joined, seen, words.place_prepositions)
    ]


def peers_territories(text: str, peerages: Collection[str]) -> set[str]:
    """The names the book writes after a peer's title and "of", in prose or in a heading
    ("the Earl of Eglinton", "Epigrams Against The Earl Of Galloway", "THE EARL OF GALLOWAY"):
    a land's names, by
    which the peer is called too."""
    if not peerages:
        return set()
    titled, title_before_of = _peer_patterns(tuple(peerages))
    # a heading in capitals ("THE EARL OF GALLOWAY") names the land as the prose writes it
    return {
        headings.from_capitals(n) if n.isupper() else n
        for n in (m.group(1) for m in _titled_matches(text, titled, title_before_of, peerages))
    }


@cache
def _peer_patterns(peerages: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """A peer's title, "of" and a name, in any case (`peers_territories`); and, to be sought in
    the text reversed, "of" (reversed), white space and a title (reversed, in any case)."""
    written = "|".join(map(re.escape, peerages))
    backwards = "|".join(re.escape(p[::-1]) for p in peerages)
    return (
        re.compile(rf"(?:{written})\s+of\s+([A-Z][A-Za-z'’]+)(?![\w'’-])", re.I),
        # "fo" opens it, in either case but no other (no other character is o or f to `re.I`):
        # `re` seeks its first letter, where the forward pattern was tried at every position
        re.compile(rf"[fF][oO](\s+)(?i:{backwards})"),
    )


def _titled_matches(text: str, titled: re.Pattern, title_before_of: re.Pattern, peerages: Collection[str]):
    """`titled.finditer(text)`, the same matches, found from the places the text writes a
    title, white space and "of": a pattern that opens with words in any case has no first
    letters for `re` to seek, and was tried at every position of the book (a tenth of a
    second on a long one). Those places are sought in the text reversed ("fo", white space,
    the title reversed: `title_before_of`), whose first letters `re` seeks. Each match of
    `titled` starts a title's length before the white space there (all the white space after
    the title: a title ends in none) and is tried there. The reversed matches, not
    overlapping, miss none of those places unless a title holds white space or "of" (in any
    case), or is one letter ("oF of": the "of" after "F", then the title "F"'s "of"): the
    whole text is searched then."""
    if any(len(p) < 2 or "of" in p.lower() or any(c.isspace() for c in p) for p in peerages):
        yield from titled.finditer(text)
        return
    lengths = sorted({len(p) for p in peerages})
    size = len(text)
    starts: set[int] = set()
    for backwards in title_before_of.finditer(text[::-1]):
        white = size - backwards.end(1)  # where the white space before "of" begins, in `text`
        starts.update(white - n for n in lengths if white >= n)
    end = 0  # as `finditer`: each match sought from the end of the last
    for start in sorted(starts):
        if start >= end and (m := titled.match(text, start)) is not None:
            end = m.end()
            yield m


def after_place_preposition(text: str, start: int, prepositions: Collection[str]) -> bool:
    """Whether the name at `start` follows one of `prepositions` ("in", "thro'"), in lower
    case or opening a verse line or a sentence with a capital ("In Galloway sae wide"), and
    stands as a place does, no possessive after it (`text[start:]`: "in Galloway's name" is
    the man's)."""
    m = _WORD_BEFORE_NAME.search(text, max(0, start - 16), start)
    if m is None or m.group(1).lower() not in prepositions:
        return False
    return _POSSESSIVE_AT.match(text, start) is None


# A journey's noun and "for" or "to" right before a name: "a first-class ticket for ".
_JOURNEY_TO = re.compile(r"\b([A-Za-z]+)\s+(?:for|to)\s+$")
_POSSESSIVE_ENDINGS = ("'s", "’s")
# The word right before a name, an elided one's apostrophe kept ("Thro' "), spaces between.
_WORD_BEFORE_NAME = re.compile(r"(?<![\w'’-])([A-Za-z]+['’]?)\s+$")
_POSSESSIVE_AT = re.compile(r"[A-Z][\w-]*['’]s\b")


@cache
def _title_pattern(titles: tuple[str, ...]) -> re.Pattern:
    """A title of rank, "of" and a name of one or two capitalised words: "Duke of Orleans",
    "King of Great Britain" (a possessive after it), a dash written as two hyphens after it or
    not ("the Duke of Orleans--who"); "the" before it is `_titles_in`'s to see. The title opens
    the pattern: `re` seeks its first letters, not every position."""
    written = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    return re.compile(rf"((?:{written})\sof\s([A-Z][a-z]+(?:\s[A-Z][a-z]+)?))(?!\w|-(?!-)|\s[A-Z])")


_THE_BEFORE = re.compile(r"(?<![\w'’-])[Tt]he\s$")


# A name in a firm's: names before "& Co." ("Messrs. Longmans, Green & Co.", "London,
# Hamilton, Adams & Co., 1887": a publisher in an imprint; a title page's "Longmans, Green,
# And Co"), or a founder's before "’s Sons" ("published by G. P. Putnam’s Sons, New York"),
# tried at a name's end. Not "and Co." in lower case: verse mocks men so ("North, Fox, and Co.").
_FIRM_AFTER = re.compile(r"(?:['’]s)?(?:,[ \t]*\n?[ \t]*[A-Z][\w'’-]*)*,?\s+(?:&|And)\s+Co\b|['’]s\s+Sons\b")
_NEXT_WORD_AT = re.compile(r"[ \t]+\n?[ \t]*([A-Za-z]+)\b")


def in_firm(text: str, end: int) -> bool:
    """Whether the name ending at `end` opens or lists the names of a firm ("Longmans,
    Green & Co."): the firm's, no person's mention."""
    return _FIRM_AFTER.match(text, end, end + 80) is not None


def named_after(text: str, end: int, things: Collection[str]) -> bool:
    """Whether the name ending at `end` names a thing named after a person, a noun of the
    profile's `[names] named_after` right after it, in either case ("these very Gifford
    lectures", "his Aberdeen Gifford Lectures", "the Gifford system"): the name is an
    adjective there, no person's mention."""
    m = _NEXT_WORD_AT.match(text, end, end + 30)
    return m is not None and m.group(1).lower() in things


def named_after_openings(things: Collection[str]) -> frozenset[str]:
    """The letters, small and capital, the nouns of `things` open with: where a letter right
    after a name's blank is none of them, `named_after` finds no noun there (asked at every
    mention, it is told first)."""
    return frozenset(c for thing in things for c in (thing[:1], thing[:1].upper()) if c)


def named_after_pairs(things: Collection[str]) -> frozenset[str]:
    """The two letters the nouns of `things` open with, each small or capital ("le", "Le",
    "lE", "LE" for "lectures"): where a letter right after a name's blank and the character
    after it are letters and no pair of these, `named_after` finds no noun there (a noun of
    one letter stands before no letter). Asked at every mention, it is told first: the
    bundled book's names stand before a word opening with one of the nouns' letters four
    times in seven, before one of their pairs far more seldom."""
    return frozenset(
        first + second
        for thing in things
        if len(thing) > 1
        for first in (thing[0], thing[0].upper())
        for second in (thing[1], thing[1].upper())
    )


_CAPITALISED_AFTER = re.compile(r"[ \t]+\n?[ \t]*([A-Z][a-z]+)\b")


def _the_namesake(piece: str, span: Span, named: Callable[[str], bool], deities: Collection[str]) -> bool:
    """Whether a bare name stands between "the" and a capitalised word that names no one (no
    name marked alone, forename or title): a body or a thing named after the man ("who
    accompanied the Hoover Mission to the Erzgebirge"), no mention of him. Not a name of God
    ("the Lord God")."""
    start, name = span.start, span.name
    if name.hon or name.given or name.surname in deities or _THE_BEFORE.search(piece, max(0, start - 5), start) is None:
        return False
    m = _CAPITALISED_AFTER.match(piece, span.end, span.end + 30)
    return m is not None and m.group(1) not in deities and not named(m.group(1))


def not_mentions(
    piece: str, spans: list[Span], things: Collection[str], named: Callable[[str], bool], deities: Collection[str]
) -> list[Span]:
    """`spans` but the names standing in a firm's name, the bare names (no honorific, no
    forename) before a thing named after them (`in_firm`, `named_after`, `_the_namesake`) or
    opening a building's name with their possessive (`_in_a_sites_name`), a bare name after
    "title of" (the title given, no one's mention: "sent him the title of Caesar"), and those
    of a book of scripture cited (`cites_scripture`; `cites_chapter_and_verse`: "Matthew 7:15")."""
    firm = "Co" in piece or "Sons" in piece  # (most texts name no firm: the pattern is tried only where one may)
    return [
        s
        for s in spans
        if not (firm and in_firm(piece, s.end))
        and not (things and not s.name.hon and not s.name.given and named_after(piece, s.end, things))
        and not _the_namesake(piece, s, named, deities)
        and not (not s.name.hon and not s.name.given and _TITLE_OF_BEFORE.search(piece, max(0, s.start - 20), s.start))
        and not cites_scripture(piece, s.start, s.end)
        and not (piece[s.end : s.end + 1] == " " and cites_chapter_and_verse(piece, s.end))
        and not (piece[s.end : s.end + 1] in _APOSTROPHES and _in_a_sites_name(piece, s))
    ]


_APOSTROPHES = ("'", "’")
# "the title of" before a name: the title it gives ("the title of Caesar", "of Augustus")
_TITLE_OF_BEFORE = re.compile(r"\btitle\s+of\s+$")
# A possessive, one or two capitalised words and the last word of a street's or building's name
# (`place_word`) after them: "the God's Providence Inn"
_POSSESSIVE_SITE_AFTER = re.compile(r"['’]s[ \t]+\n?[ \t]*(?:[A-Z][\w'’-]*[ \t]+\n?[ \t]*){1,2}?([A-Z][a-z]+)\b")


def _in_a_sites_name(piece: str, span: Span) -> bool:
    """Whether a bare name (no honorific, no forename) after "the" opens a building's name with
    its possessive ("the bar parlour of the God's Providence Inn", an inn of the book's town): no
    mention of its bearer. Not a name before its possessive and one word ("the Lord's House")."""
    name = span.name
    if name.hon or name.given or _THE_BEFORE.search(piece, max(0, span.start - 5), span.start) is None:
        return False
    m = _POSSESSIVE_SITE_AFTER.match(piece, span.end)
    return m is not None and place_word(m.group(1))


# The works the book names by the name they bear, a person's: "the author of Mark Rutherford"
# (the novel, its author another); "the book of Job", "Book of Job" (scripture's book).
_AUTHOR_OF_WORK = re.compile(r"author\s+of\s+(?:the\s+)?[“\"‘]?([A-Z][\w’'‐-]*(?:[ \t]*\n?[ \t]*[A-Z][\w’'‐-]*)*)")
_BOOK_OF_NAME = re.compile(r"[Bb]ook\s+of\s+([A-Z][a-z]+)\b")
# A book cited by the name it bears: "in Job," "As in Isaiah:" (after "in", a stop after it)
_IN_BEFORE = re.compile(r"\b[Ii]n[ \t]+\n?[ \t]*$")
_BOOK_BEFORE = re.compile(r"\b[Bb]ook\s+of\s+$")
_STOP_AFTER = re.compile(r"[’'”\"]?[,:;.]")
# A name with its epithet after "in", no possessive after it: a play's or a book's title
# ("says Lessing’s Tempelherr, in Nathan the Wise,"), not its bearer's reign ("in Peter the
# Great’s time")
_NAME_AND_EPITHET = re.compile(r"\S+\s+the\s+[A-Z][a-z]+$")
# A name, a comma and the kind of work it is the title of: "Mademoiselle Mori, a novel quoted in"
_WORK_KIND_AFTER = re.compile(
    r",[ \t]*\n?[ \t]*(?:a|an)[ \t]+\n?[ \t]*(?:novel|romance|tale|poem|play|drama|tragedy|comedy)\b(?![‐-])"
)
# A Latin title of letters, cited by "Ad" ("to") and the name of the one written to, the
# book and letter after it: "Ad M. Caes., iii. 5.", "Ad M Caes ii. 10", "Ad Verum imp. Aur.
# Caes., ii, 7." (Fronto's letters to Marcus Caesar): up to three words between, each
# capitalised or a short abbreviation. The passage is a number, in roman lower-case figures
# or arabic, after the name's full stop, comma or semicolon.
_AD_TITLE_BEFORE = re.compile(r"(?<![\w.])Ad\.?[ \t]+(?:(?:[A-Z][a-z]*\.?|[a-z]{1,4}\.)[ \t]+){0,3}$")
_PASSAGE_AFTER = re.compile(r"\.?[,;]?[ \t]*(?:[ivxlc]+\b|\d)")


# A forename and a surname after "the", nothing of their bearer after them (a possessive, a
# plural, "of": "the John Howards", "the Philip Sidney of his age", a word run on)
_THE_FULL_NAME = re.compile(r"[Tt]he\s+([A-Z][a-z]+)\s+([A-Z][a-z]*[a-rt-z])(?![\w'’‐-]|\s+of\b)")


# Where a match of `_THE_FULL_NAME` may open, less its first letter: "he", a white space and a
# capital (the pattern's literal "he" lets `re` skip to each; a pattern opening on a class of
# letters, "[Tt]", is tried at every "t" of a book).
_HE_BEFORE_CAPITAL = re.compile(r"he(?=\s+[A-Z])")


def _the_full_name_finds(text: str) -> Iterator[re.Match]:
    """`_THE_FULL_NAME.finditer(text)`: the pattern tried only at a "T" or "t" before each
    "he" that a white space and a capital follow (`_HE_BEFORE_CAPITAL`, which finds every
    such place: two never overlap), each after the end of the match before, as `finditer`
    goes on (James's book: ~9 ms, ~2.6 so)."""
    at = 0
    match = _THE_FULL_NAME.match
    for he in _HE_BEFORE_CAPITAL.finditer(text):
        start = he.start() - 1
        if start >= at and text[start] in "Tt" and (m := match(text, start)) is not None:
            at = m.end()
            yield m


def names_of_things(text: str, forenames: Collection[str]) -> frozenset[str]:
    """The full names (a forename of the profile, a surname) the book writes only after "the":
    a thing named after the person, a ship most often ("when he sailed to us in the George
    Washington!"), no mention of him and no evidence of a name. (Not a plural's, persons of a
    kind: "the Agnes Joneses"; not a name written elsewhere without it.)"""
    after_the = Counter(
        f"{m.group(1)} {m.group(2)}"
        for m in opening_words(_THE_FULL_NAME, text, _NAME_GOES_ON, finds=_the_full_name_finds)
        if m.group(1) in forenames
    )
    return frozenset(
        name for name, n in after_the.items() if sum(1 for _ in opening_words(_written_as(name.split()), text)) == n
    )


def _written_as(words: list[str]) -> re.Pattern:
    """A pattern of `words` as the text writes them, any spaces or a line break between, and
    no word character after them (`opening_words` tells the one before)."""
    return re.compile(r"\s+".join(map(re.escape, words)) + r"\b")


# A character a name or a word goes on with, before a match
_NAME_GOES_ON = re.compile(r"[\w'’-]")
_WORD_GOES_ON = re.compile(r"\w")


def opening_words(
    pattern: re.Pattern,
    text: str,
    goes_on: re.Pattern = _WORD_GOES_ON,
    finds: Callable[[str], Iterable[re.Match]] | None = None,
) -> Iterator[re.Match]:
    """`pattern.finditer(text)`, only the matches that no character of `goes_on` stands before
    (a word's start for "\\w", the start of `\\b` that the pattern leaves out): a pattern that
    opens on a word boundary or a look-behind is searched several times slower over a whole
    book (its first letters cannot be looked for as such: 18 ms for "\\bauthor of" in James's
    book, 1 ms without). `finds`: what gives `pattern.finditer(text)`'s matches otherwise."""
    found = pattern.finditer(text) if finds is None else finds(text)
    return (m for m in found if not m.start() or not goes_on.match(text, m.start() - 1))


# A year and a comma or stop after a place of publication ("Nancy, 1896, p. 129")
_YEAR_OF_IMPRINT_AFTER = re.compile(r",[ \t]*\n?[ \t]*1[4-9]\d\d\b[.,;)]")


def names_an_imprint(piece: str, span: Span) -> bool:
    """Whether a forename alone, a town's name the gazetteer knows too, stands before a
    comma and a year, as a cited book's place of publication does ("Dominicaines de la
    Congrégation de St. Dominique, à Nancy; Nancy, 1896, p. 129."): the town, no person."""
    name = span.name
    return not name.hon and not name.surname and len(name.given) == 1 and imprint_after(piece, span.end, name.given[0])


def imprint_after(text: str, end: int, word: str) -> bool:
    """Whether `word`, ending at `end`, is a town the gazetteer knows with a comma and a year
    after it: a cited book's place of publication (`names_an_imprint`)."""
    return text.startswith(",", end) and _YEAR_OF_IMPRINT_AFTER.match(text, end) is not None and place_name(word)


@kept_for_text
def works_named_as_persons(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The titles the book gives a work after its author is named ("the author of Mark
    Rutherford": the novel; a possessive kept, "the author of Plato’s Logic" is no title
    "Plato"), and the names of the books it calls "book of" a name ("the book of Job").
    Asked of the same text by the persons pass and by this module's beside an index: the
    last text's answer is kept (`kept_for_text`)."""
    works = frozenset(" ".join(m.group(1).split()) for m in opening_words(_AUTHOR_OF_WORK, text))
    books = frozenset(m.group(1) for m in opening_words(_BOOK_OF_NAME, text, finds=_book_of_name_finds))
    return works, books


_BOOK_OPENINGS = ("Book", "book")  # what every match of `_BOOK_OF_NAME` opens with


def _book_of_name_finds(text: str) -> Iterator[re.Match]:
    """`_BOOK_OF_NAME.finditer(text)`: the pattern tried only where "Book" or "book" opens,
    each found by `str.find` (a pattern opening on a class of letters is tried at every
    character of a book: 2.3 ms on the bundled book, 3.1 on James's, against some 0.6). As
    `finditer` goes on, the next is sought from the end of a match, else from the character
    after the place tried."""
    at = 0
    upper, lower = text.find("Book"), text.find("book")
    while upper >= 0 or lower >= 0:
        start = lower if upper < 0 or 0 <= lower < upper else upper
        m = _BOOK_OF_NAME.match(text, start)
        at = m.end() if m is not None else start + 1
        if m is not None:
            yield m
        if 0 <= upper < at:
            upper = text.find("Book", at)
        if 0 <= lower < at:
            lower = text.find("book", at)


def names_work(text: str, start: int, end: int, works: Collection[str], books: Collection[str]) -> bool:
    """Whether the name at `text[start:end]` is a work's title, no person's mention: a title the
    book names after "the author of" (`works_named_as_persons`: "Mark Rutherford’s
    Deliverance"), a book of `books` (those the book calls "book of", the profile's `[names]
    scripture_books`) after "book of" or cited after "in" ("“In Job,” says that coldly
    truthful writer", "As in Isaiah:"), a name with its epithet after "in" ("in Nathan the Wise,"), a
    name a comma and the kind of work follow ("Mademoiselle Mori, a novel quoted in"), a name
    in a Latin title of letters cited with its passage ("Ad M. Caes., iii. 5.",
    `cites_letters_to`), a name in the title of the tune a song is sung to
    (`namewords.in_tunes_title`: "Tune--“Robin Adair.”")."""
    # (Asked at every mention, which most quote no title before them: the opening quotation
    # mark `in_tunes_title` needs in its reach is sought first, by `str.find` in the text
    # itself, neither the reach cut out nor a call made at the mentions without one: ~2 of the
    # bundled book's ~9 ms here.)
    low = start - TUNE_REACH
    if text.find("“", low if low > 0 else 0, start) != -1 and in_tunes_title(text, start):
        return True  # "Tune--“Katherine Ogie.”": a song's title
    # (Most mentions are a word of letters alone, its spaces unchanged, and with no " the "
    # inside, which `_NAME_AND_EPITHET` needs in the name its spaces made one.)
    name = text[start:end]
    if not name.isalpha():
        name = " ".join(name.split())
    if name in works:
        return True
    if name in books:
        if _BOOK_BEFORE.search(text, max(0, start - 12), start) is not None:
            return True
        if _IN_BEFORE.search(text, max(0, start - 6), start) is not None and _STOP_AFTER.match(text, end):
            return True
    if (
        " the " in name
        and _NAME_AND_EPITHET.match(name) is not None
        and _IN_BEFORE.search(text, max(0, start - 6), start) is not None
        and _STOP_AFTER.match(text, end)
    ):
        return True
    if text.startswith(",", end) and _WORK_KIND_AFTER.match(text, end) is not None:
        return True
    # (told first without a call: most mentions have no "Ad" before them)
    low = start - 30
    return text.find("Ad", low if low > 0 else 0, start) != -1 and cites_letters_to(text, start, end)


def cites_letters_to(text: str, start: int, end: int) -> bool:
    """Whether the name at `text[start:end]` is inside a Latin title of letters cited with its
    passage, "Ad" and the name of the one written to ("Ad M. Caes., iii. 5."): the work's,
    no mention of him."""
    return (
        text.find("Ad", max(0, start - 30), start) != -1  # most mentions: none before them
        and _AD_TITLE_BEFORE.search(text, max(0, start - 30), start) is not None
        and _PASSAGE_AFTER.match(text, end, end + 12) is not None
    )


# A book of scripture cited by its number, name and chapter ("like David in 2 Samuel vii.",
# "(1 John v. 19)"): the number before the name, the chapter after it, in roman or arabic
# figures and a stop.
_NUMBERED_BOOK_BEFORE = re.compile(r"(?<![\w.,])[1-4][ \t]$")
_CHAPTER_AFTER = re.compile(r"[ \t]+(?:[ivxlc]+|[IVXLC]+|\d+)[.:,]")


def cites_scripture(text: str, start: int, end: int) -> bool:
    """Whether the name at `text[start:end]` is a book of scripture cited ("2 Samuel vii."),
    no person's mention."""
    return (
        text[start - 2 : start - 1].isdigit()
        and _NUMBERED_BOOK_BEFORE.search(text, max(0, start - 3), start) is not None
        and _CHAPTER_AFTER.match(text, end, end + 12) is not None
    )


def cites_chapter_and_verse(text: str, end: int) -> bool:
    """Whether the name ending at `end` is followed by a chapter and a verse in figures, a
    colon between ("Matthew 7:15", "John 8:44", "Wisdom of Solomon 1:7"): a book of scripture
    cited, no person's mention (a time is written after a preposition or a number, not a
    name)."""
    return text.startswith(" ", end) and _VERSE_AFTER.match(text, end + 1) is not None


# a chapter's and a verse's numbers, a colon between ("7:15"), no more figures after them (a colon
# may open the quotation: "John 8:44:")
_VERSE_AFTER = re.compile(r"\d{1,3}:\d{1,3}(?!\d|:\d)")


def _titles_in(pattern: re.Pattern, text: str):
    """The matches of `_title_pattern` in `text` right after "the" ("the Duke of Orleans")."""
    for m in pattern.finditer(text):
        if _THE_BEFORE.search(text, max(0, m.start() - 5), m.start()):
            yield m


def _titles_of_rank(profile) -> tuple[str, ...]:
    return (*profile.peerages, *profile.rulers)


def titles_for_names(words: Words, titles: tuple[str, ...]) -> dict[str, str]:
    """The titles of rank used in place of a name (`[names] peerages` and `rulers`): "the
    Duke of Orleans", "the Elector of Bavaria", "the Prince of Orange", each one person, by
    its whole title (the article outside); a passage quoting each. Not an epithet ("the King
    of Love", "the Prince of Peace"): the name after "of" is no word the book writes in lower
    case, unless the gazetteer knows it as a country or a region ("the King of Great
    Britain")."""
    if not titles:
        return {}
    joined = "\n\n".join(words.prose)
    out: dict[str, str] = {}
    for m in _titles_in(_title_pattern(titles), joined):
        title, name = m.groups()
        if title in out:
            continue
        if any(words.common(w) for w in name.split()):
            geo = gazetteer.lookup(name)
            if geo is None or geo.type not in ("country", "state", "region"):
                continue
        out[title] = _quote(joined, m.start(1), m.end(1))
    return out


def titles_of_rulers(words: Words, titled: Collection[str], rulers: Collection[str]) -> set[str]:
    """The titles of `titled` (`titles_for_names`) that name a ruler by his land, as `[names]
    titles_of_rank = "land"` marks them: the land alone, a place, no person. A title of
    `[names] rulers` ("the King of France", "the Elector of Bavaria", "the Prince of Wales")
    always; a peer's title (`[names] peerages`) where the book writes its land after a
    preposition of place too (`[places] prepositions`: "the Duke of Milan" beside "in Milan",
    "at Milan": a state the narrative stands in), not otherwise ("the Duke of Wellington",
    "the Earl of Chesterfield": a peer's title, one person)."""
    ruling = set(rulers)
    lands = {title: title.split(" of ", 1)[1] for title in titled}
    peers_lands = {land for title, land in lands.items() if title.split(" of ", 1)[0] not in ruling}
    placed = _written_after_place_preposition("\n\n".join(words.prose), peers_lands, words.place_prepositions)
    return {title for title, land in lands.items() if title.split(" of ", 1)[0] in ruling or land in placed}


# The land after a title of rank and "of": one or two capitalised words in any romanisation
# ("Chʽin"), no third after them ("the Duke of Milan", "the King of Great Britain")
_LAND = rf"([{UPPER}][{LOWER}]+(?:\s[{UPPER}][{LOWER}]+)?)(?![{LOWER}\w'’-]|\s[{UPPER}])"
_LAND_EVIDENCE = 'the land of a title of rank ([names] titles_of_rank = "land")'


def lands_of_titles(words: Words, titles: tuple[str, ...]) -> dict[str, str]:
    """The lands that titles of rank name (`[names] peerages` and `rulers`), as `[names]
    titles_of_rank = "land"` reads them: places, whether the gazetteer knows them or not, each
    with a passage that shows it. The capitalised word or two after a title and "of" where the
    title stands after "the" ("the Countess of Forli", "the King of Chʽin"), after a comma
    in apposition to a name ("Guido Ubaldo, Duke of Urbino"), or after "the" in lower case
    where the book writes that title capitalised before "of" too ("the count of Pitigliano"
    beside "Count of Cunio"). Not an abstraction or an epithet: a word the book writes in lower
    case ("the Prince of Darkness", "the King of Love"), unless the gazetteer knows it as a
    country or a region; not a people's plural nor its adjective, one word ending in "s" whose
    singular the book writes as a word ("Mary, Queen of Scots" beside "a Scot"; "the King of
    the Romans" is no land of this shape: "the" follows "of"), or one whose plural it writes
    ("the prince of Roman orators" beside "the Romans"), unless the gazetteer knows it as a
    country or a region ("Wales"); nor a forename, a known person or a god of the
    profile ("the King of Glory"). A peer's land (of a title of `peerages` only) only where the
    book writes it nowhere but after "of" or a preposition of place (`[places] prepositions`):
    a peer is called by his title's land alone as a ruler seldom is ("Forgive! much-wrong'd
    Montrose!", the Marquis; "Wellington, great in so many military qualities"), while "the
    Countess of Forli" gives Forli."""
    if not titles:
        return {}
    joined = "\n\n".join(words.prose)
    by_length = sorted(titles, key=len, reverse=True)
    # each pattern opens with its titles: `re` seeks their first letters, not every position
    capitalised = re.compile(rf"({'|'.join(map(re.escape, by_length))})\sof\s{_LAND}")
    found: list[tuple[str, str, int, int]] = []  # title, land, where
    seen: set[str] = set()  # the titles written capitalised before "of"
    for m in capitalised.finditer(joined):
        seen.add(m.group(1))
        if _THE_BEFORE.search(joined, max(0, m.start() - 5), m.start()) or _APPOSED_BEFORE.search(
            joined, max(0, m.start() - 3), m.start()
        ):
            found.append((m.group(1), m.group(2), m.start(), m.end()))
    # (only the titles seen capitalised sought in lower case: a book writes few of them, and the
    # alternation of them all, tried at every lower-case word, cost a book without them 25 ms)
    lower = [t.lower() for t in by_length if " " not in t and t.lower().capitalize() in seen]
    lowered = re.compile(rf"({'|'.join(map(re.escape, lower)) or '(?!)'})\sof\s{_LAND}")
    for m in lowered.finditer(joined) if lower else ():
        title = m.group(1).capitalize()
        if title in seen and _LOWER_THE_BEFORE.search(joined, max(0, m.start() - 5), m.start()):
            found.append((title, m.group(2), m.start(), m.end()))
    found.sort(key=lambda f: f[2])
    persons = set(words.forenames) | set(words.known_persons) | set(words.deities)
    lands = {land for _, land, _, _ in found if land not in persons}
    # a people's plural ("Scots" beside "a Scot") or adjective ("Roman" beside "the Romans"): the
    # other form written as a word, told in one scan for them all
    others = {land: land[:-1] if land.endswith("s") else land + "s" for land in lands if " " not in land}
    written = {form for form, _ in _whole_words_at(joined, set(others.values()))}
    peers = set(words.peerages)
    out: dict[str, str] = {}
    peers_lands: set[str] = set()
    ruled: set[str] = set()
    for title, land, start, end in found:
        (peers_lands if title in peers else ruled).add(land)
        if land in out or land not in lands or others.get(land) in written and not _a_state(land):
            continue
        if any(words.common(w) for w in land.split()) and not _a_state(land):
            continue
        out[land] = f"{_LAND_EVIDENCE}: {_quote(joined, start, end)}"
    called = _written_otherwise(joined, (peers_lands - ruled) & set(out), words.place_prepositions)
    return {land: where for land, where in out.items() if land not in called}


_APPOSED_BEFORE = re.compile(r"[\w'’)],\s\Z")
_LOWER_THE_BEFORE = re.compile(r"(?<![\w'’-])the\s\Z")


def _a_state(land: str) -> bool:
    """Whether the gazetteer knows `land` as a country or a region ("the King of Great Britain")."""
    geo = gazetteer.lookup(land)
    return geo is not None and geo.type in ("country", "state", "region")


def _whole_words_at(text: str, forms: Collection[str]) -> Iterator[tuple[str, int]]:
    """Each of `forms` that `text` writes as a whole word, where: one scan for them all
    (Aho-Corasick, as `_written_after_place_preposition` scans)."""
    if not forms:
        return
    sought = sorted(forms)
    if in_latin_1(tuple(sought)):
        automaton = ahocorasick_rs.BytesAhoCorasick([form.encode("latin-1") for form in sought])
        places = automaton.find_matches_as_indexes(latin1_bytes(text), overlapping=True)
    else:
        places = ahocorasick_rs.AhoCorasick(sought).find_matches_as_indexes(text, overlapping=True)
    for index, start, end in places:
        if (start == 0 or not _word_char(text[start - 1])) and (end == len(text) or not _word_char(text[end])):
            yield sought[index], start


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "_'’-"


def _written_otherwise(text: str, lands: Collection[str], prepositions) -> set[str]:
    """The `lands` that `text` writes somewhere not right after "of" nor a preposition of place
    (one scan for them all): a man's name as much as a land's."""
    before = re.compile(rf"(?<![\w'’-])(?:of|{'|'.join(map(re.escape, prepositions)) or '(?!)'})\s+\Z", re.IGNORECASE)
    return {land for land, at in _whole_words_at(text, lands) if before.search(text, max(0, at - 30), at) is None}


def _common_forename(word: str, words: Words) -> bool:
    """Whether a forename of the profile is a common word in the book: written in lower case
    half as often as capitalised mid-sentence, or more ("Ben", "ben": the parlour). A word
    the profile lists as a forename needs less to be one than any word does (`Words.common`):
    "My Sandy gied to me a ring", "my bonie Sandy O", seven times, against "a sandy valley"
    twice and a glossary's "sandy"."""
    low = words.lower.get(word.lower(), 0)
    return low > 0 and words.mid[word] < 2 * low


def _saint_or_thing(text: str, word: str, words: Words, saints: list[Counter]) -> bool:
    """Whether a forename the book writes mid-sentence only once may name something else there:
    a saint's name names a river, a town or a day as often ("the Saint Lawrence"), and a
    person's name after "the" a thing ("the Valentine's dealing"). `saints`: the names the
    book writes after "Saint" or "St.", found at the first call (one search of the book)."""
    if words.after_the[word] > 0:
        return True
    return word in _sainted(text, words, saints)


def _sainted(text: str, words: Words, saints: list[Counter]) -> Counter:
    """How often the book writes each word after "Saint" or "St.", or the "San", "Santa",
    "Santo" or "São" of the Romance tongues (`saints`: found at the first call, one search of
    the book): those uses name a saint, a church, a house or a town ("to Saint Stephen's
    House", "in San Francisco"), no forename's bearer mid-sentence."""
    if not saints:
        saints.append(Counter(_SAINTED.findall(text)))
    return saints[0]


# "Saint Lawrence", "St. Lawrence", "St Lawrence"; and the saints of Italian, Spanish and
# Portuguese, whose names name their towns ("San Francisco", "Santa Maria", "Santo Domingo",
# "São Paulo"); the S first, its look-behind after it (a pattern that opens with a letter is
# sought by `re`'s fast scan)
_SAINTED = re.compile(r"S(?<![\w'’-].)(?:aint|t\.?|an|anta|anto|ão) ([A-Z][a-z]+)")


def _known_persons(words: Words, found: dict[str, Name], why: dict[str, str], alone: dict[str, str]) -> None:
    """The persons of myth, scripture and history the profile lists (`[names] known`: Homer,
    Sappho, Cato) that the prose writes capitalised: persons, marked wherever so written,
    unless the book writes the word in lower case too or nothing else may be a person's name
    (`_may_be_person`: a place the profile lists, a body written after "the")."""
    joined = ""  # the prose, joined once if a name is to be quoted (a search per piece cost more)
    dated: set[str] | None = None  # the words the prose writes before a year, found in one scan
    first_uses: dict[str, tuple[int, int]] | None = None  # each name's first use alone, sought at once
    for name in words.known_persons:
        if words.caps[name] == 0 or name in alone or name in found or not _known_may_be_person(name, words):
            continue
        joined = joined or "\n\n".join(words.prose)
        if dated is None:
            dated = _words_before_years(joined)
        if name.rsplit(None, 1)[-1] in dated and _before_years_only(name, joined, words):
            continue
        if first_uses is None:
            first_uses = _first_uses_alone(joined, [n for n in words.known_persons if words.caps[n]])
        m = first_uses.get(name)
        if m is None:
            continue
        alone[name] = "surname"
        found[name] = Name("", (), name)
        why[name] = (
            f"a person of myth, scripture or history the profile lists ([names] known), capitalised "
            f"{times(words.caps[name])}: {_quote(joined, *m)}"
        )


def _first_uses_alone(text: str, names: list[str]) -> dict[str, tuple[int, int]]:
    """Each name's first use in `text` that stands alone, (start, end): the first match of
    `re.finditer(rf"{re.escape(name)}(?![\\w-]|['’][a-rt-z])", text)` after no letter, digit,
    underscore, apostrophe or hyphen; a name never so written is left out. The pattern is
    tried only where the name is written (`_matches_from`), every place of every name found
    in one scan of `text` (`_places_written`). (The profile's known persons sought one by one,
    each from the book's start to its first use, took ~8 ms of James's book.)"""
    first: dict[str, tuple[int, int]] = {}
    sought = [n for n in names if n]
    if not sought:
        return first
    places = _places_written(text, sought)
    for name, starts in places.items():
        written = re.compile(rf"{re.escape(name)}(?![\w-]|['’][a-rt-z])")
        for m in _matches_from(written, text, starts):
            if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_'’-")):
                first[name] = m.span()
                break
    return first


# A ruler's number written as an ordinal after "the": "Adrian the Fifth", "Innocent the Third".
_ORDINAL_AFTER = (
    r" the (?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth"
    r"|Thirteenth|Fourteenth|Fifteenth|Sixteenth)(?![\w'’-])"
)


def _numbered_sovereigns(words: Words, found: dict[str, Name], why: dict[str, str], alone: dict[str, str]) -> None:
    """The names of sovereigns written between a sovereign's or ruler's title of the profile
    (`[names] sovereign_titles`, `rulers`: "Pope", "Emperor", "King") and a ruler's number, in
    Roman numerals or an ordinal after "the" ("Pope Urban IV", "Pope Celestine V", "Emperor
    Joseph II.", "Pope Adrian the Fifth"): the shape itself names one person, a pope or a
    monarch, whom the book may write by the name alone elsewhere ("Resign, Celestine!"). The
    name is a person's wherever written capitalised, unless the book writes the word in lower
    case too ("Pope Innocent III" beside "innocent blood") or nothing else may be a person's
    name (`_may_be_person`: a place the profile lists, a body written after "the")."""
    titles = sorted(words.sovereign_titles | words.rulers, key=lambda t: (-len(t), t))
    if not titles:
        return
    after_title = re.compile(rf" ([{UPPER}][{LOWER}]+)(?:{_REGNAL.pattern}|{_ORDINAL_AFTER})")
    joined = words.prose_joined
    # (each title the book writes capitalised sought alone: most books write few of them, and
    # `str.find` skips to each use faster than a pattern of them all, or an automaton, is tried)
    for _, start, end in _uses(joined, [f"{t} " for t in titles if words.caps[t]]):
        if start and (joined[start - 1].isalnum() or joined[start - 1] in "_'’.-"):
            continue  # the title's word inside another, or after an apostrophe
        m = after_title.match(joined, end - 1)
        if m is None:
            continue  # most titles: no name and number after them
        word = m.group(1)
        if word in alone or word in found or word in words.deities or not _may_be_person(word, words):
            continue
        alone[word] = "forename"  # a sovereign's own name, told apart by a number or epithet ("Louis")
        found[word] = Name("", (word,), "")
        opened = joined.rfind(PIECE_BREAK, 0, start)
        begin = 0 if opened < 0 else opened + len(PIECE_BREAK)
        closed = joined.find(PIECE_BREAK, m.end())
        piece = joined[begin : len(joined) if closed < 0 else closed]
        where = passage(piece, start - begin, m.end() - begin)
        why[word] = f"a sovereign's name between a title and a ruler's number: {where}"


def _uses(text: str, strings: list[str]) -> Iterator[tuple[str, int, int]]:
    """Each place `text` writes one of `strings`: (the string, its start, its end), string by
    string."""
    for string in strings:
        at = text.find(string)
        while at >= 0:
            yield string, at, at + len(string)
            at = text.find(string, at + 1)


# A capitalised word before a year ("Mars 1832"): where `_before_years_only` may hold.
_BEFORE_YEAR = re.compile(rf"([{UPPER}][\w'’-]*)[ \t]+\n?[ \t]*[12][0-9]{{3}}(?![0-9])")


_YEAR = re.compile(r"[12][0-9]{3}(?![0-9])")  # the year `_BEFORE_YEAR` ends with
_WORD_CHARACTER = re.compile(r"[\w'’-]")  # what `_BEFORE_YEAR`'s word goes on with after its capital
_CAPITAL = re.compile(rf"[{UPPER}]")
_GAP_BEFORE_YEAR = re.compile(r"[ \t]+\n?[ \t]*")  # between `_BEFORE_YEAR`'s word and its year


def _years(text: str) -> Iterator[re.Match]:
    """`_YEAR.finditer(text)`: the pattern tried at each "1" and "2" of the text, in order,
    each found by `str.find` (a pattern opening on a class of figures is tried at every
    character: ~8 ms of James's book, ~1 so). Two years never overlap: the figures after
    one's are no figure."""
    starts = []
    for figure in "12":
        at = text.find(figure)
        while at >= 0:
            starts.append(at)
            at = text.find(figure, at + 1)
    starts.sort()
    match = _YEAR.match
    for at in starts:
        if (year := match(text, at)) is not None:
            yield year


def _words_before_years(text: str) -> set[str]:
    """`{m.group(1) for m in _BEFORE_YEAR.finditer(text)}`, read from each year back: a match
    ends at a year (`_YEAR`, which finds every one: two never overlap), the white space
    before it all its gap, its word the run of word characters before that gap from its
    first capital on, at or after the end of the match before (as `finditer` goes on). The
    pattern, which opens on a class of capitals, is tried at every capital of the book
    (James's: ~9 ms); years are few (`_years`: ~1 ms)."""
    words: set[str] = set()
    at = 0  # where the match before ends
    for year in _years(text):
        gap_end = year.start()
        gap_start = gap_end
        while gap_start > at and text[gap_start - 1] in " \t\n":
            gap_start -= 1
        if gap_start == gap_end or _GAP_BEFORE_YEAR.fullmatch(text, gap_start, gap_end) is None:
            continue
        opening = gap_start
        while opening > at and _WORD_CHARACTER.match(text, opening - 1):
            opening -= 1
        capital = _CAPITAL.search(text, opening, gap_start)
        if capital is not None:
            words.add(text[capital.start() : gap_start])
            at = year.end()
    return words


def _before_years_only(name: str, joined: str, words: Words) -> bool:
    """Whether every capitalised use of a name is right before a year ("Archives générales,
    Mars 1832": a month of another tongue, no god)."""
    dated = len(re.findall(rf"(?<![\w'’-]){re.escape(name)}[ \t]+\n?[ \t]*[12][0-9]{{3}}(?![0-9])", joined))
    return dated >= words.caps[name]


# "the Xaviers, Brébeufs, Jogues,": after "the", capitalised words in the plural, a comma
# after each but the last, "and" maybe before it.
_TYPES_LIST = re.compile(
    rf"(?<![\w'’-])[Tt]he ((?:[{UPPER}][{LOWER}]+s, )+(?:and )?[{UPPER}][{LOWER}]+s)(?![\w'’‐-]| [{UPPER}])"
)


def names_as_types(words: Words, names: Collection[str]) -> set[str]:
    """Names in the plural used as types, as persons ("the Xaviers, Brébeufs, Jogues, were
    objective minds": men like Xavier): a list after "the" of two or more capitalised words
    in the plural, one of them the plural of a name the book gives a person (`names`: Xavier),
    none a common word, a place or a people's word ("the Germans, Austrians")."""
    out: set[str] = set()
    for piece in words.prose:
        for found in _types_lists_in(piece):
            items = [w.removeprefix("and ") for w in found.split(", ")]
            if not any(w[:-1] in names or w.endswith("es") and w[:-2] in names for w in items):
                continue
            if any(
                words.common(w) or words.common(w[:-1]) or place_name(w) or place_name(w[:-1]) or _PEOPLE.search(w)
                for w in items
            ):
                continue
            out.update(items)
    return out


# "the Lameths", "the two Robespierres": a capitalised plural after "the" (and a number),
# sought from "he " (a pattern that opens with letters is sought by `re`'s fast scan), the
# "T" or "t" before it and what stands before that told after
_FAMILY_FROM_HE = re.compile(rf"he (?:(?:two|three|four|five|both) )?([{UPPER}][{LOWER}]+s)(?![\w'’-])")
_INDEFINITE_ARTICLES = frozenset(("a", "an", "A", "An"))


def families(words: Words, surnames: Collection[str]) -> set[str]:
    """Family names in the plural, as persons ("Lafayette, Barnave, the Lameths", "the two
    Robespierres"): a capitalised word after "the" (and a number or "both") that is the
    plural, in "s", of a surname the book gives a person (`surnames`), no deity's name ("the
    Gods"), no common word, place or people's word, nor the plural of one, nor of a word the
    book mostly writes after "the" (`Words.body`) or writes after "a" and an adjective or
    none ("the Moors" beside "a young Moor": one of a people, as no person is written so)."""
    out: set[str] = set()
    told: set[str] = set()
    text = words.prose_joined
    for m in _FAMILY_FROM_HE.finditer(text):
        plural = m.group(1)
        at = m.start()
        if plural in told or plural[:-1] not in surnames:
            continue
        if at < 1 or text[at - 1] not in "Tt" or at >= 2 and (text[at - 2].isalnum() or text[at - 2] == "_"):
            continue  # "he" of another word ("she", "Athe…")
        told.add(plural)
        singular = plural[:-1]
        if (
            singular in words.deities
            or words.common(plural)
            or words.common(singular)
            or place_name(plural)
            or place_name(singular)
            or _PEOPLE.search(plural)
            or words.body(singular)
            or _written_after_an_article(singular, text)
        ):
            continue  # "the Moors" beside "a young Moor": one of a people
        out.add(plural)
    return out


# A name and the comma or "and" that joins the next in a list, right before "the" and a family
# ("Barnave, the Lameths", "Barnave and the Lameths"), anchored at the end of what stands before
_LISTED_BEFORE_THE = re.compile(rf"(?<![\w'’-])([{UPPER}][{LOWER}]+)(?:,| and| &|, and) \Z")
# (no capitalised word after it: "the Phillips Brookses" is no family "Phillips")
_FAMILY_AFTER_THE = re.compile(rf"he (?:(?:two|three|four|five|both) )?([{UPPER}][{LOWER}]+s)(?![\w'’-]|\s[{UPPER}])")


def families_in_lists(words: Words, persons: Collection[str], named: Collection[str]) -> set[str]:
    """Families in the plural named in one list with a person or family the book names
    ("Lafayette, Barnave, the Lameths", "Barnave and the Lameths"; "the Orsinis, the Colonnas,
    the Savellis"), where the book never writes the family's name in the singular (so that
    `families` has no surname to find them by): a capitalised word in "s" after "the" (and a
    number or "both"), right after a word of `persons` or a family (`named`, or one found so)
    and a comma or "and"; never a word in "ss" nor a title of the profile ("the Empress of
    Russia" listed with women), nor one `families` would refuse (a deity, a common word, a
    place, a people's word). The lists read again with each family found ("the Colonnas"
    lists "the Savellis")."""
    text = words.prose_joined
    listed = set(persons) | set(named)
    # (each family after "the" and the word listed before it, found in one scan of the prose)
    pairs: list[tuple[str, str]] = []
    for m in _FAMILY_AFTER_THE.finditer(text):
        at = m.start()
        if at < 1 or text[at - 1] not in "Tt" or at >= 2 and (text[at - 2].isalnum() or text[at - 2] == "_"):
            continue  # "he" of another word ("she", "Athe…")
        before = _LISTED_BEFORE_THE.search(text, max(0, at - 40), at - 1)
        if before is not None:
            pairs.append((before.group(1), m.group(1)))
    out: set[str] = set()
    refused: set[str] = set()
    found_more = bool(pairs)
    while found_more:
        found_more = False
        for first, plural in pairs:
            if first not in listed or plural in listed or plural in refused:
                continue
            singular = plural[:-1]
            if (
                plural.endswith("ss")  # no plural: a woman's title ("the Empress of Russia", "the Countess")
                or plural in words.apposed_titles
                or words.caps[singular]
                or singular in words.deities
                or words.common(plural)
                or words.common(singular)
                or place_name(plural)
                or place_name(singular)
                or _PEOPLE.search(plural)
            ):
                refused.add(plural)
                continue  # written in the singular too: for `families`, or no family's name
            out.add(plural)
            listed.add(plural)
            found_more = True
    return out


def _family_words(
    words: Words, named: Iterable[Name], plurals: Collection[str], alone: dict[str, str], others: Collection[str]
) -> dict[str, str]:
    """The words that name families, each with its evidence (`families.family_names`, where
    the editor marks families as bodies or not at all, `[names] families`): the words of the
    surnames the book gives persons with a forename (`named`: the names found and the
    register's), the plurals of `families` and `families_in_lists` (not names used as types:
    "the Xaviers, Brébeufs, Jogues", `names_as_types`), and the words a family's place shows.
    None is a deity's name, a word the book writes in lower case, a place the gazetteer knows,
    a people's word or its plural ("the Venetians", "the Swiss"), nor a word of `others` (a
    state's or a dynasty's name, `polities`; a name used as a type); a word found by its place
    alone is none of a person's name either (a forename, an honorific, a word marked alone as
    a forename)."""
    peoples = frozenset(words.peoples)

    def no_family(word: str) -> bool:
        return (
            word in words.deities
            or word in peoples
            or word.removesuffix("s") in peoples
            or word in others
            or words.common(word)
            or place_name(word)
        )

    def refused(word: str) -> bool:
        return (
            no_family(word)
            or bool(_PEOPLE.search(word) or _ADJECTIVE.search(word))
            or word in words.forenames
            or word in words.honorifics
            or word in words.apposed_titles
            or alone.get(word) == "forename"
        )

    surnames: dict[str, dict[str, str]] = {}  # a surname's word -> its bearers' forenames -> a name
    for name in named:
        if name.given and name.surname:
            word = last_word(name.surname, words.particles)
            if word and not no_family(word):
                bearers = surnames.setdefault(word, {})
                full = " ".join((*name.given, name.surname))
                bearers[name.given[0]] = min(bearers.get(name.given[0], full), full)  # one name of each
    return family_names(
        words.prose_joined, {word: list(bearers.values()) for word, bearers in surnames.items()}, plurals, refused
    )


def _without_families(
    piece: str, spans: list[Span], placed: FamilyMentions, families_in: dict[str, list[tuple[int, int, str]]]
) -> list[Span]:
    """The persons' spans of a piece less those a family's mention takes ("the Vitelli",
    "the house of Sforza"), the mentions kept in `families_in`; a mention inside a longer
    name is none ("Francesco Sforza")."""
    mentions = [
        (start, end, word)
        for start, end, word in placed(piece)
        if not any(s.start <= start and end <= s.end and s.end - s.start > end - start for s in spans)
    ]
    families_in[piece] = mentions
    if not mentions:
        return spans
    return [s for s in spans if not any(s.start < end and start < s.end for start, end, _ in mentions)]


def _written_after_an_article(word: str, text: str) -> bool:
    """Whether `text` writes `word` after "a" or "an", and an adjective in lower case or none
    ("a Moor", "a young Moor")."""
    for m in re.finditer(rf"{re.escape(word)}(?![\w'’-])", text):
        before = _last_word(text, m.start())
        if before in _INDEFINITE_ARTICLES:
            return True
        if (
            before.isalpha()
            and before.islower()
            and _last_word(text, m.start() - len(before) - 1) in _INDEFINITE_ARTICLES
        ):
            return True
    return False


def _types_lists_in(piece: str) -> list[str]:
    """The lists `_TYPES_LIST` finds in a piece of prose holding "s, ", its white space made
    single spaces (`names_as_types`): its first group in each match of `finditer`. Searched
    only in the pieces where a looser pattern finds a list after "he" (white space of any
    length, `_TYPES_LIST_LOOSE`), and from "he " (`_TYPES_LIST_FROM_HE`), the "T" or "t"
    before it and what stands before that told after: a pattern that opens on a look-behind
    and a class of letters is tried at every character (James's prose: 10 ms to make the
    spaces single, 16 to search, for two lists). The same matches: "he " opens none inside
    another (the words of a list end in "s")."""
    if "s, " not in piece or _TYPES_LIST_LOOSE.search(piece) is None:
        return []
    text = " ".join(piece.split())
    out = []
    for m in _TYPES_LIST_FROM_HE.finditer(text):
        at = m.start()
        if text[at - 1 : at] in ("T", "t") and (at < 2 or _WORD_BEFORE_THE.match(text, at - 2) is None):
            out.append(m.group(1))
    return out


_TYPES_LIST_FROM_HE = re.compile(
    rf"he ((?:[{UPPER}][{LOWER}]+s, )+(?:and )?[{UPPER}][{LOWER}]+s)(?![\w'’‐-]| [{UPPER}])"
)
_TYPES_LIST_LOOSE = re.compile(rf"he\s+(?:[{UPPER}][{LOWER}]+s,\s+)+(?:and\s+)?[{UPPER}][{LOWER}]+s")
_WORD_BEFORE_THE = re.compile(r"[\w'’-]")  # what `_TYPES_LIST`'s look-behind refuses before "the"


def _known_may_be_person(name: str, words: Words) -> bool:
    """`_may_be_person` of a person of the profile's list; one English names after "the" (`[names]
    known_titled`: "the Buddha") is one though the book writes it mostly so."""
    if name in words.known_titled:
        return not words.common(name) and name not in words.known_places
    return _may_be_person(name, words)


def _mostly_after_place_preposition(text: str, word: str, words: Words) -> bool:
    """Whether a forename that is a town's name too stands after a preposition of place
    ("at Nancy"), or before a year as a cited book's place of publication ("Nancy, 1896,"), in
    half its mid-sentence uses at least: the town's name then, though the book writes it
    capitalised mid-sentence twice. A name a song sings to and of ("my Anna",
    "wi' Anna", "the lips of Anna") is a woman's though once "at Anna" too. A great city's
    name (`namewords.great_city`: Florence, Nancy) needs one such use in five, as the places
    pass asks of a city: a history writes "Florence opened her gates", "the war with Florence"
    as often as "in Florence"."""
    placed = _times_after_place_preposition(text, word, words.place_prepositions) + _times_imprint(text, word)
    if great_city(word):
        placed += times_after_town_noun(text, word)
        return placed > 0 and 5 * placed >= words.mid[word]
    return placed > 0 and 2 * placed >= words.mid[word]


def _times_imprint(text: str, word: str) -> int:
    """How often `text` writes `word` before a comma and a year, as a cited book's place of
    publication ("à Nancy; Nancy, 1896, p. 129.": `imprint_after`); a town's use, as "at Nancy"."""
    if not place_name(word):
        return 0
    size = len(word)
    return sum(
        1
        for at in _imprint_commas(text)
        if text.startswith(word, at - size) and not (at > size and _WORD_GOES_ON.match(text, at - size - 1))
    )


# A comma before a year of an imprint (`_YEAR_OF_IMPRINT_AFTER`), found by the comma
_IMPRINT_COMMA = re.compile(r",(?=[ \t]*\n?[ \t]*1[4-9]\d\d\b[.,;)])")


@kept_for_text
def _imprint_commas(text: str) -> tuple[int, ...]:
    """The places of the commas of `text` a year of an imprint follows: each word asked of
    `_times_imprint` is looked for before them, not in the whole book (18 ms a word in James's)."""
    return tuple(m.start() for m in _IMPRINT_COMMA.finditer(text))


def _after_place_preposition(text: str, word: str, prepositions) -> bool:
    """Whether `text` writes `word` right after a preposition of place ("at Nancy")."""
    return _times_after_place_preposition(text, word, prepositions, first_only=True) > 0


def _written_after_place_preposition(text: str, words: Collection[str], prepositions) -> set[str]:
    """The `words` that `text` writes right after a preposition of place: those of which
    `_after_place_preposition` holds, told in one scan of the text for them all (Aho-Corasick,
    every place each is written after a space, overlapping ones too, as `str.find` gives them
    one after the other), each place tried as `_times_after_place_preposition` tries it. (A
    scan of James's book for each word, 0.7 ms, was asked of 19 words.)"""
    if not prepositions or not words:
        return set()
    before = re.compile(rf"\b(?:{'|'.join(map(re.escape, prepositions))})\Z")
    longest = max(map(len, prepositions))
    sought = sorted({" " + word for word in words})
    written = [re.compile(rf"{re.escape(spaced)}\b") for spaced in sought]
    if in_latin_1(tuple(sought)):
        automaton = ahocorasick_rs.BytesAhoCorasick([spaced.encode("latin-1") for spaced in sought])
        places = automaton.find_matches_as_indexes(latin1_bytes(text), overlapping=True)
    else:
        places = ahocorasick_rs.AhoCorasick(sought).find_matches_as_indexes(text, overlapping=True)
    out: set[str] = set()
    for index, at, _ in places:
        word = sought[index][1:]
        if word not in out and written[index].match(text, at) and before.search(text, max(0, at - longest), at):
            out.add(word)
    return out


def _placed_once(placed: list[set[str]], text: str, words: Collection[str], prepositions) -> set[str]:
    """`_written_after_place_preposition(text, words, prepositions)`, told once and kept in
    `placed` (empty until then): for a loop that asks it of one word after another, most of
    them never."""
    if not placed:
        placed.append(_written_after_place_preposition(text, words, prepositions))
    return placed[0]


def _times_after_place_preposition(text: str, word: str, prepositions, first_only: bool = False) -> int:
    r"""How often `text` writes `word` right after a preposition of place ("at Nancy"), as
    `\b(?:at|in|…) Nancy\b` finds it (the first time only, if `first_only`): each place the
    text writes " Nancy" is tried (a pattern that opens with the prepositions is tried all
    over the book)."""
    if not prepositions:
        return 0
    before = re.compile(rf"\b(?:{'|'.join(map(re.escape, prepositions))})\Z")
    longest = max(map(len, prepositions))
    written = re.compile(rf" {re.escape(word)}\b")
    at = text.find(" " + word)
    n = 0
    while at >= 0:
        # the window before the space holds any preposition; `\b` still sees the character before it
        if written.match(text, at) and before.search(text, max(0, at - longest), at):
            n += 1
            if first_only:
                break
        at = text.find(" " + word, at + 1)
    return n


def _said(words: Words, seen: dict[str, str] | None = None) -> Counter:
    """How often each capitalised word of the prose says or writes ("said Danton",
    "Tolstoy writes"); `seen`, if given, gets a passage for each."""
    said: Counter = Counter()
    if not words.speech_verbs:
        return said
    # Read from the runs of capitalised words (`Words.tokens`, cut once for the book): the
    # word before a run ("said Danton"), the words after it ("Tolstoy writes", "Pope has
    # said", "Milton justly observes"); a run counts once.
    verbs = set(words.speech_verbs)
    verb_tails = _tails(verbs)
    # A piece that writes none of the verbs, not even inside a word, has no run that says:
    # most pieces of a book (nine in ten of a book of verse), told apart by one scan each
    # before their runs are read one by one.
    verb_in = ahocorasick_rs.AhoCorasick(sorted(verbs))
    for piece in words.prose:
        if not verb_in.find_matches_as_indexes(piece):
            continue
        for run in words.tokens(piece):
            start, end, tok = run[-1]
            if _says(piece, end, verbs):
                if len(run) > 1 and (whole := _name_of_words(piece, run, words)):
                    tok, start = whole, run[0][0]  # "Ho Shih says": the name is the run's
                elif not _WORD.fullmatch(tok):
                    continue
                said[tok] += 1
                if seen is not None:
                    seen.setdefault(tok, passage(piece, start, end + 24))
                continue
            start, end, tok = run[0]
            last = _last_word(piece, start) if _may_end_word_before(piece, start, verb_tails) else ""
            if last in verbs:
                if (
                    len(run) > 1
                    and _inverted(piece, start - len(last) - 1)
                    and (whole := _name_of_words(piece, run, words))
                ):
                    tok, end = whole, run[-1][1]  # "“High ground,” says Mei Yao-chʽên"
                elif not _WORD.fullmatch(tok):
                    continue
                said[tok] += 1
                if seen is not None:
                    seen.setdefault(tok, passage(piece, start - len(last) - 1, end))
    return said


MAX_NAME_WORDS = 3


def _written_already(words_of_name: str, found: dict[str, Name]) -> bool:
    """Whether a name of several words is one found already in another form: after an
    honorific ("Emperor Antoninus Pius"), with its forenames' initials ("M. Aurelius" of
    "Marcus Aurelius"): its bearer's, linked to that one (no entry of its own)."""
    *given, surname = words_of_name.split(" ")
    for name in found.values():
        if name.surname != surname:
            continue
        written = name.given
        if not written and len(name.hon) == 1:
            written = (name.hon + ".",)  # "M. Aurelius": an initial read as an honorific
        if len(written) == len(given) and all(
            g == w or g.endswith(".") and w.startswith(g[:-1]) for g, w in zip(written, given)
        ):
            return True
    return False


_CLOSING = ",”’\"')"


def _inverted(piece: str, verb: int) -> bool:
    """Whether the verb of saying at `verb` follows what was said, its subject after it ("“High
    ground,” says Mei Yao-chʽên"), not a subject of its own ("C. writes Comedia Vetus, Media":
    the words after it are what he writes)."""
    before = piece[:verb].rstrip()
    return bool(before) and before[-1] in _CLOSING


def _name_of_words(piece: str, run, words: Words) -> str:
    """The run of capitalised words before or after a verb of saying, as one name, where it
    is a name of several words no forename of the profile opens: two or three words, none an
    initial, honorific, function word, particle, forename or known person of the profile nor a
    word the book writes in lower case, not after an article ("Ho Shih says", "Ibn Khaldun writes", "says Chang Yü",
    "Lao Tzǔ remarks"; not "the Yü Lan says", a book; "Herbert Spencer says" is the forenames'
    rule's). "" where it is none: its words are then read one by one, as they were."""
    if len(run) > MAX_NAME_WORDS:
        return ""
    toks = [t for _, _, t in run]
    for tok in toks:
        if (
            not _SYLLABLES.fullmatch(tok)
            or tok in words.honorifics
            or tok in words.forenames
            or tok in words.known_persons  # "Napoleon Bonaparte": the profile's persons' rule
            or tok in words.particles  # "De Courcy": a surname, the particles' rule
            or tok.lower() in words.function_words
            or words.common(tok)
        ):
            return ""
    if _last_word(piece, run[0][0]).lower() in words.articles:
        return ""
    return " ".join(toks)


_WORD = re.compile(WORD)
_SYLLABLES = re.compile(SYLLABLES)
_AUXILIARIES = {"has", "had", "also", "then"}
_TRAILING = ",.;:!?\"”’'—)"


def _says(piece: str, end: int, verbs: set[str]) -> bool:
    """Whether a verb of saying follows `end` ("Tolstoy writes", "Pope has said", "Milton
    justly observes"): after one space, an auxiliary and a word in -ly may come between."""
    if piece[end : end + 1] != " ":
        return False
    after = piece[end + 1 : end + 40].split(maxsplit=3)[:3]
    k = 0
    if after[k:] and after[k] in _AUXILIARIES:
        k += 1
    if after[k:] and after[k].endswith("ly") and after[k].isalpha() and after[k].islower():
        k += 1
    return k < len(after) and after[k].rstrip(_TRAILING) in verbs


def _either_forms(phrases) -> list[str]:
    """Each phrase as written and capitalised (it may open a sentence)."""
    return [w for a in phrases for w in (a, a[:1].upper() + a[1:])]


_OPENING = '("“‘['


def _before(piece: str, start: int) -> list[str]:
    """The last four words before `start`, when one space stands right before it (an opening
    bracket or quotation mark taken off each: "(vide Milton)"; a dash written between two
    words without spaces parts them: "devoted to Robespierre--its mayor, Fleuriot-Lescot")."""
    if start == 0 or piece[start - 1] not in " \t\n":
        return []
    at = max(0, start - 40)
    ahead = piece[at:start].split()
    if at and ahead and not piece[at - 1].isspace():
        ahead = ahead[1:]  # the window began inside a word
    if "-" in piece[at:start] or "—" in piece[at:start]:
        ahead = [part for w in ahead for part in _DASH.split(w) if part]
    return [w.lstrip(_OPENING) for w in ahead[-4:]]


_DASH = re.compile(r"-{2,}|—")  # a dash written as two hyphens or as one character


def _tails(words: Collection[str]) -> frozenset[str] | None:
    """The last two characters of each of `words`, and each word of one letter ("O"), whole
    (None if one is empty): what the word before a name must end with to be one of them
    (`_may_end_word_before`)."""
    return None if not all(words) else frozenset(w[-2:] for w in words)


def _may_end_word_before(piece: str, start: int, tails: frozenset[str] | None, commas: bool = False) -> bool:
    """False when `_last_word(piece, start)` (with `commas`, less the commas after it) is
    none of the words whose `_tails` are `tails`: its last two characters, read in `piece`
    right before the space before `start`, are none of theirs, nor its last one a word of one
    letter of theirs. Told for every run of capitals of the book, before the word is cut out
    (most words before a name are "the", "of", "and": no verb of saying, no calling)."""
    if tails is None:
        return True
    end = start - 1  # the word ends at the one space before `start`
    if commas:
        while end > 0 and piece[end - 1] == ",":
            end -= 1
    return end >= 2 and piece[end - 2 : end] in tails or end >= 1 and piece[end - 1] in tails


def _last_word(piece: str, start: int) -> str:
    """The word right before `start`, one space apart ("" if none), an opening bracket or
    quotation mark taken off."""
    if start < 2 or piece[start - 1] not in " \t\n":
        return ""
    # The last space, then a line break or tab after it if any: sought back from the space
    # only (a paragraph has no line break to find, and a search back to its start for one
    # at each of its words took most of the time of the cues)
    space = piece.rfind(" ", 0, start - 1)
    at = max(space, piece.rfind("\n", space + 1, start - 1), piece.rfind("\t", space + 1, start - 1)) + 1
    return piece[at : start - 1].lstrip(_OPENING)


def _adjective(pair: list[str], determiners: set[str]) -> bool:
    """A determiner, then one lower-case word: "its national (agent)"."""
    return len(pair) == 2 and pair[0] in determiners and pair[1].isalpha() and pair[1].islower()


def _spoken_to(words: Words) -> re.Pattern[str]:
    """After a word spoken to as one person is ("Craigdarroch, thou"): its comma first
    (`_cued` tries it only after a comma)."""
    return re.compile(rf",\s(?:{'|'.join(map(re.escape, words.address_pronouns)) or '(?!)'})\b")


# A relative pronoun or adverb of things and places ("of which", "where"): what follows it is
# said of the thing or place before the comma, no person's apposition
_THINGS_RELATIVE = r"(?:which|where|whence|whither|wherein|whereof)\b"


def _cued(words: Words, seen: dict[str, str] | None = None, cited: Counter | None = None) -> Counter:
    """How often each capitalised word standing alone (no name runs on before or after it)
    is followed by what only a person takes (`[names] person_cues`: "Necker, who", "Marat
    himself", "Mirabeau died"), by its possessive and a person's noun (`person_nouns`:
    "Danton's friends"), or by a person's noun in apposition ("Roland, the minister"), or
    is spoken to (`address_words`: "my dear Algy"), or comes after a noun of a person's kin,
    office or calling in apposition (`determiners`, `roles`: "the poet Milton", "its mayor,
    Pache"; not a person's thing, "my wretched life, Snatched", a verse line's first word), or
    is cited as an author (`citations`: "according to Rousseau", "in the words of
    Leibnitz"), or is spoken to as "thou" (`address_pronouns`: "Craigdarroch, thou art",
    where the book writes the word mid-sentence too and it has no abstract noun's ending), or
    set between commas in a sentence that speaks to one person (`second_person`: "In thy
    sweet sang, Barbauld, survives"). `cited`, if given, counts apart the citations, those spoken to, and the words opening
    their clause before a comma and a relative pronoun of persons (`relatives`: "Carnot,
    who was one of these"; not "at Lyons, who"), and the words before a possessive and a
    noun of a person's kin, office or calling (`[names] possessives`, `roles`) that ends the
    apposition ("Esarhaddon, his son, reigned"; not "Troy, his mother Thetis"), or a title
    of rank or office "of" a capitalised name (`Words.apposed_titles`: "Anthimus, Bishop of
    Trebizond"), or a noun of kin, office or calling "of" something, no determiner before it
    ("Hecuba, wife of Priam"; neither after a name and "of" or a particle, "Godfrey of
    Bouillon, Duke of Lorraine", "Matteo d’ Acquasparta, general of"): one may be enough."""
    cued: Counter = Counter()
    if not (
        words.person_cues
        or words.person_nouns
        or words.address_words
        or words.citations
        or words.address_pronouns
        or words.second_person
    ):
        return cued
    cues = "|".join(map(re.escape, words.person_cues)) or "(?!)"
    nouns = "|".join(map(re.escape, words.person_nouns)) or "(?!)"
    # (a person's noun after a relative of things is a thing's owner's, not the word's:
    # "Marseilles, of which his father was lord", "Florence, where his son")
    after = re.compile(
        rf",?\s(?:{cues})\b|['’]s\s(?:{nouns})\b|,\s(?!(?:[a-z]+\s){{0,2}}{_THINGS_RELATIVE})(?:[a-z]+\s){{1,3}}(?:{nouns})\b"
    )
    # "Esarhaddon, his son, reigned": a possessive and a noun of kin, office or calling in
    # apposition, ending it (not "Troy, his mother Thetis"): as strong as a citation
    possessives = "|".join(map(re.escape, words.possessives)) or "(?!)"
    kin = "|".join(map(re.escape, words.roles)) or "(?!)"
    apposed = re.compile(rf",\s(?:{possessives})\s(?:{kin})(?=[,.;:!?]|\s(?:and|or)\s)")
    # "Anthimus, Bishop of Trebizond": a title of rank or office "of" a land or a see in
    # apposition, no article before it (not "Mantua, the Duke of Ferrara", a list of powers)
    titles = "|".join(map(re.escape, words.apposed_titles)) or "(?!)"
    titled = re.compile(rf",\s(?:{titles})\sof\s[{UPPER}]")
    # "Hecuba, wife of Priam", "Delessart, minister of foreign affairs": a noun of kin,
    # office or calling "of" someone or something, no determiner before it
    role_of = re.compile(rf",\s(?:{kin})\sof\s")
    # "Godfrey of Bouillon", "Matteo d’ Acquasparta": the land a man is named after
    land_links = {"of", "d’", "d'"} | {p.lower() for p in words.particles}
    # "Carnot, who": a relative pronoun of persons after a comma, the name opening its clause
    relative = re.compile(rf",\s(?:{'|'.join(map(re.escape, words.relatives)) or '(?!)'})\b")
    # "Craigdarroch, thou": spoken to as one person is; as strong as a citation
    spoken_to = _spoken_to(words)
    # "In thy sweet sang, Barbauld, survives": set between commas where the sentence says "thy"
    thee = "|".join(map(re.escape, words.second_person))
    second_person = re.compile(rf"\b(?:{thee})\b", re.IGNORECASE) if thee else None
    # "I will fight France with you, Dumourier;": called on at a clause's end
    you = "|".join(map(re.escape, words.addressed))
    addressed = re.compile(rf"\b(?:{you})\b", re.IGNORECASE) if you else None
    # What stands before a word is read from the words before it (`_before`), not by a
    # pattern searched backwards from each capitalised word: a pattern that opens with a
    # look-behind is tried at every position of the stretch before it.
    address = set(_either_forms(words.address_words))
    roles = set(words.roles)  # a person's kin, office or calling: not "the works", "my life"
    determiners = set(_either_forms(words.determiners))
    citations = {tuple(c.split()) for c in _either_forms(words.citations)}
    cited_lengths = sorted({len(c) for c in citations})
    # "poor Mailie", "fair Lesley": an adjective of feeling verse sets before a person's name
    epithets = set(_either_forms(words.epithets))
    last_words = address | epithets | roles | {c[-1] for c in citations}
    last_tails = _tails(last_words)
    addressing = {w.lower() for w in words.address_words}
    epithet_first = {w.lower() for w in words.epithets}  # "Poor Hughoc like a statue stan's"
    place_prepositions = {w.lower() for w in words.place_prepositions}  # "safe to fair Strathspey": a place
    citing_word = {w.lower() for w in words.citations if " " not in w}  # "Vide Milton", capitalised
    for piece in words.prose:
        for run in words.tokens(piece):
            if len(run) != 1:  # most runs are one word: its cues below
                if (
                    len(run) <= MAX_NAME_WORDS
                    and (
                        after.match(piece, run[-1][1]) is not None
                        or piece[run[-1][1] : run[-1][1] + 1] == ","
                        and titled.match(piece, run[-1][1]) is not None
                        and not _land_of_name(piece, run[0][0], land_links)
                        # (the word before told first: most runs follow no calling)
                        or _last_word(piece, run[0][0]).rstrip(",") in roles
                        and _after_role(piece, run[0][0], roles, determiners)
                    )
                    and (whole := _name_of_words(piece, run, words))
                ):
                    # a name of several words where a person stands: "Wu Chʽi himself", "the
                    # famous general Wu Chʽi" (the run whole, as `_said` counts it)
                    cued[whole] += 1
                    if seen is not None:
                        seen.setdefault(whole, passage(piece, run[0][0] - 20, run[-1][1] + 20))
                    continue
                if len(run) == 2 and (
                    (first := run[0][2].lower()) in addressing
                    or first in citing_word
                    and _author(piece, run[1][1])
                    or first in epithet_first
                    and _no_known_place(run[1][2])
                ):
                    # "Dear Algy" opening a sentence: spoken to; "(Vide Milton)": cited; "Fair
                    # Burnet strikes th' adoring eye": a person's epithet, a verse line's first word
                    start, end, word = run[1]
                    cued[word] += 1
                    if cited is not None and (
                        first in citing_word
                        or first in addressing
                        and _thou_spoken_to(piece, start, end, word, words, second_person)
                    ):
                        cited[word] += 1  # "(Vide Milton)"; "O Cardoness, Then hadst thou lain"
                    if seen is not None:
                        seen.setdefault(word, passage(piece, start - 5, end))
                continue
            start, end, word = run[0]
            # what `_between_commas` and `_vocative` ask first, told here for every run of
            # the book (most stand after a lower-case word)
            comma_before = piece[start - 2 : start] == ", "
            if (
                (
                    piece[end : end + 1] == ","  # what `spoken_to` opens with: most words go on to a space
                    and spoken_to.match(piece, end) is not None
                    or second_person is not None
                    and comma_before
                    and _between_commas(piece, start, end, words.function_words)
                    and _in_sentence(second_person, piece, start, end)
                )
                and words.mid[word]
                and not _ABSTRACT.search(word)
            ):
                cued[word] += 1
                if cited is not None:
                    cited[word] += 1
                if seen is not None:
                    seen.setdefault(word, passage(piece, start, end + 20))
                continue
            m = after.match(piece, end)
            if m is not None and not word.endswith("."):
                cued[word] += 1
                if cited is not None and (
                    relative.match(piece, end)
                    and _opens_clause(piece, start)
                    or piece[end : end + 1] == ","
                    and apposed.match(piece, end)
                ):
                    # "Carnot, who was one of these", "Esarhaddon, his son,": as strong as a citation
                    cited[word] += 1
                if seen is not None:
                    seen.setdefault(word, passage(piece, start, m.end()))
            elif word.endswith("."):
                continue
            elif (
                piece[end : end + 1] == ","
                and (titled.match(piece, end) is not None or role_of.match(piece, end) is not None)
                and not _land_of_name(piece, start, land_links)
            ):
                # "Anthimus, Bishop of Trebizond": as strong as a citation (not "Godfrey of
                # Bouillon, Duke of Lorraine": the title is the man's, the word his land)
                cued[word] += 1
                if cited is not None:
                    cited[word] += 1
                if seen is not None:
                    seen.setdefault(word, passage(piece, start, end + 30))
            elif (
                comma_before
                # what either `_vocative` asks of the character after the word (its `stops`
                # are `_CLAUSE_STOPS` or fewer), told once here: most words after a comma
                # go on to a space
                and (piece[end : end + 1] in _CLAUSE_STOPS or piece[end : end + 2] in _CLOSING_QUOTE)
                and (
                    _vocative(piece, start, end)
                    or addressed is not None
                    and _vocative(piece, start, end, _CLAUSE_STOPS)
                    and _in_sentence(addressed, piece, start, end)
                )
                and gazetteer.lookup(word) is None
            ):
                cued[word] += 1  # "I loved you, Elfrid," said Miriam
                if seen is not None:
                    seen.setdefault(word, passage(piece, start - 20, end + 10))
            if (
                not _may_end_word_before(piece, start, last_tails, commas=True)
                or _last_word(piece, start).rstrip(",") not in last_words
            ):
                continue  # the common case, told without reading the words before
            ahead = _before(piece, start)
            if ahead[-1] in address:
                if _ABSTRACT.search(word) and not (
                    cited is not None and _thou_spoken_to(piece, start, end, word, words, second_person)
                ):
                    # "O Dulness, portion of the truly blest!": a quality spoken to, no one; but
                    # a name that only ends so, called on and spoken to as "thou", is someone's
                    # ("O Cardoness, Then hadst thou lain": `_abstract`)
                    continue
                cued[word] += 1  # "my dear Algy"
                if cited is not None and _thou_spoken_to(piece, start, end, word, words, second_person):
                    cited[word] += 1  # "my dear Maria, thou art": as strong as "Craigdarroch, thou art"
                if seen is not None:
                    seen.setdefault(word, passage(piece, start - 20, end))
            elif ahead[-1] in epithets:
                if _no_known_place(word) and not (ahead[-2:-1] and ahead[-2].lower() in place_prepositions):
                    cued[word] += 1  # "honest Hughoc", "bonie Lesley"; not "sweet Afton", "fair Scotia"
                    if seen is not None:
                        seen.setdefault(word, passage(piece, start - 20, end))
            elif ahead[-1].rstrip(",") in roles and (
                ahead[-2:-1] and ahead[-2] in determiners or _adjective(ahead[-3:-1], determiners)
            ):
                # "the poet Milton", "its national agent, Payan": as strong as a citation
                cued[word] += 1
                if cited is not None:
                    cited[word] += 1
                if seen is not None:
                    seen.setdefault(word, passage(piece, start - 20, end))
            elif (
                any(tuple(ahead[-n:]) in citations for n in cited_lengths)
                and _author(piece, end)
                or (_agent(ahead) or _second_agent(piece, start, ahead))
                and _noun_ends(piece, end, words.function_words)
                and _JOINED.match(piece, end) is None
            ):
                # an agent's "of" is his subject's, no title's: "predicted by Malthus of population"
                cued[word] += 1
                if cited is not None:
                    cited[word] += 1
                if seen is not None:
                    seen.setdefault(word, passage(piece, start - 20, end))
    return cued


def _land_of_name(piece: str, start: int, links: Collection[str]) -> bool:
    """Whether the word at `start` follows a capitalised word and "of" or a particle in lower
    case (`links`), as the land a man is named after does ("Godfrey of Bouillon, Duke of
    Lorraine", "Matteo d’ Acquasparta, general of the Franciscans"; not "the rites of
    Estolfo")."""
    link = _last_word(piece, start)
    if link not in links:
        return False
    before = _last_word(piece, start - len(link) - 1)
    return before[:1].isupper()


def _after_role(piece: str, start: int, roles: set[str], determiners: set[str]) -> bool:
    """Whether a noun of a person's kin, office or calling stands right before `start`, after
    a determiner and an adjective or none ("the poet Milton", "the famous general Wu Chʽi")."""
    ahead = _before(piece, start)
    return bool(
        ahead
        and ahead[-1].rstrip(",") in roles
        and (ahead[-2:-1] and ahead[-2] in determiners or _adjective(ahead[-3:-1], determiners))
    )


def _thou_spoken_to(piece: str, start: int, end: int, word: str, words: Words, second_person) -> bool:
    """Whether a word called on ("O Cardoness") is spoken to as one person in the same
    sentence (`[names] second_person`: "O Cardoness, Then hadst thou lain for ever"), as
    strong as "Craigdarroch, thou art": where the book writes it mid-sentence too, as no
    abstraction ("O Dulness"), no place the gazetteer knows ("O Scotia! my dear, my native
    soil", a country the profile lists, is left to `_may_be_person`)."""
    return (
        second_person is not None
        and words.mid[word] > 0
        and not _abstract(word, words)
        and _no_known_place(word)
        and _in_sentence(second_person, piece, start, end)
    )


def _no_known_place(word: str) -> bool:
    """Whether the well-known part of the gazetteer knows no place under that very name: after
    an epithet a river, a town or a country is praised as a person is ("sweet Afton", "bonie
    Dundee", "old England"); a place's other name is none ("blooming Keith", "Poor Keith":
    GeoNames gives "Keith" as another name of Bay Shore, New York)."""
    return gazetteer.lookup_named(word) is None


# An abstract noun's ending: "Morality, thou deadly bane" speaks to a thing made a person, no one
_ABSTRACT = re.compile(r"(?:ity|ness|tion|sion|ment|ism|dom|hood|ship)$")


def _abstract(word: str, words: Words) -> bool:
    """Whether a word called on and spoken to as "thou" is an abstract noun made a person
    ("O Happiness, thou"): an abstract noun's ending after a stem the book writes as a word in
    lower case ("moral", "dull", "happy" for Happiness), or the word itself in lower case. A
    name that only ends so is none ("O Cardoness, Then hadst thou lain": no "cardo" in the
    book). Called on alone, without "thou", any such ending is taken for an abstraction ("O
    Dulness, portion of the blest!")."""
    m = _ABSTRACT.search(word)
    if m is None:
        return False
    stem = word[: m.start()].lower()
    forms = (word.lower(), stem, stem + stem[-1:], stem[:-1] + "y", stem + "e", stem + "t")
    return any(words.lower[form] for form in forms if len(form) > 2)


def _opens_clause(piece: str, start: int) -> bool:
    """Whether a word opens a sentence or a clause: nothing before it in the paragraph, or a
    stop or a comma right before it ("Carnot, who"; "A deputy, Feraud, who"), not a word
    ("at Lyons, who"; "the Duke of York, who": a place, or a person named by it)."""
    k = start - 1
    while k >= 0 and piece[k] in " \t\n":
        k -= 1
    if k >= 0 and piece[k] == ".":
        # an abbreviation's full stop ends no sentence: "Corn. Sc. Afr. Minor, who" (Asia Minor)
        return not _ABBREVIATED.search(piece, max(0, k - 5), k + 1)
    return k < 0 or piece[k] in ",;:!?"


def _between_commas(piece: str, start: int, end: int, function_words) -> bool:
    """Whether a word stands between commas after a lower-case word, as one spoken to does in
    the middle of a sentence ("In thy sweet sang, Barbauld, survives"; not a list, "Paris,
    Lyons, and Toulon", nor a verse line's first word)."""
    if start < 3 or piece[start - 2 : start] != ", " or piece[end : end + 1] != ",":
        return False
    before = piece[max(0, start - 30) : start - 2].split()
    after = _NEXT_WORD.match(piece, end + 1)
    # a lower-case word before, and one after that goes on with the clause: a stanza printed
    # as one paragraph sets a line's first word after a comma too ("face, Enclasped, and
    # grasped"), and a function word after it is a list's or a line's
    return (
        bool(before)
        and before[-1].isalpha()
        and before[-1].islower()
        and after is not None
        and after.group(1).isalpha()
        and after.group(1) not in function_words
    )


_SENTENCE_END = re.compile(r"[.!?;:]")


def _in_sentence(pattern: re.Pattern, piece: str, start: int, end: int) -> bool:
    """Whether `pattern` is found in the sentence around `piece[start:end]` (stops, colons and
    semicolons bound it)."""
    before = max((m.end() for m in _SENTENCE_END.finditer(piece, 0, start)), default=0)
    after = _SENTENCE_END.search(piece, end)
    return pattern.search(piece, before, after.start() if after else len(piece)) is not None


_ABBREVIATED = re.compile(r"(?<![\w.])[A-Z][a-z]{0,3}\.$")


def _vocative(piece: str, start: int, end: int, stops: tuple[str, ...] = ("!", "?")) -> bool:
    """Whether a word ends an utterance as one spoken to does ("I loved you, Elfrid," said
    she; "what I was playing, Lane?"; "Come here, Prism!"): a lower-case word and a comma
    before it, and after it "!", "?", or a comma or full stop closing a quotation (not a
    list: "Paris, Lyons, and Toulon" has a name before the comma, and goes on after one).
    With `stops` `_CLAUSE_STOPS`, a clause's end after it too ("with you, Dumourier;"), which
    the caller takes as a call only in a clause of address (`[names] addressed`)."""
    if start < 3 or piece[start - 2 : start] != ", ":
        return False
    if not (piece[end : end + 1] in stops or piece[end : end + 2] in _CLOSING_QUOTE):
        return False
    before = piece[max(0, start - 40) : start - 2].split()  # the word before the comma
    return bool(before) and "a" <= before[-1][0] <= "z"


_CLOSING_QUOTE = {f"{stop}{quote}" for stop in ",." for quote in "\"”’'"}
_CLAUSE_STOPS = ("!", "?", ";", ":", ".")


_PARTICIPLE = re.compile(r"[a-z]{2,}ed")  # "predicted", "founded": a verb's past participle


def _agent(ahead: list[str]) -> bool:
    """Whether the words before a name make it the agent of a verb in the passive, as the
    citations' "remarked by" does: a past participle and "by" ("predicted by Malthus")."""
    return len(ahead) >= 2 and ahead[-1] == "by" and _PARTICIPLE.fullmatch(ahead[-2]) is not None


# a past participle and "by" earlier in the sentence, no stop between
_AGENT_BEFORE = re.compile(r"\b[a-z]{2,}ed by\b[^.;:!?]*\Z")
_JOINING = frozenset(("and", "or"))


def _second_agent(piece: str, start: int, ahead: list[str]) -> bool:
    """Whether the words before a name make it a second agent of a verb in the passive, joined
    to the first: "and" or "or", then "by", after a past participle and "by" earlier in the
    sentence ("described by Tolstoy in War and Peace or by Hardy in The Dynasts")."""
    return (
        len(ahead) >= 2
        and ahead[-1] == "by"
        and ahead[-2] in _JOINING
        and _AGENT_BEFORE.search(piece, max(0, start - 120), start) is not None
    )


_NEXT_WORD = re.compile(r"\s+([a-z0-9]\w*)")


def _noun_ends(piece: str, end: int, function_words) -> bool:
    """Whether a noun ends at `end`: no word follows but a function word of the profile
    ("by Malthus of population"; not "by Jacobin clubs", an adjective, "by Article 234")."""
    m = _NEXT_WORD.match(piece, end)
    return m is None or m.group(1) in function_words


_JOINED = re.compile(r"\w|-\w")  # a word runs on: "by Malthus-like", no name ending there
_WORK_OF = re.compile(r"\w|-\w|\s+of\b")  # a possessive is an author's: "vide Blackstone's Commentaries"


def _author(piece: str, end: int) -> bool:
    """Whether a word cited ends there as an author's name does: not a work's or a
    document's title ("Vide Protest of the Minority")."""
    return _WORK_OF.match(piece, end) is None


# A people's, a faith's or a school's word: "Christian thought", "Buddhist, Christian, or
# Mohammedan" (a forename, "Julian", or a person the profile lists, "Lucian", is a name)
_PEOPLES_WORD = re.compile(r"(?:ian|ean|ese|ish|ist)$")


def _may_be_person(w: str, words: Words) -> bool:
    """No common word, a people's or a faith's word ("Christian", "Buddhist"; the profile's
    peoples' adjectives, `[orgs] peoples`: "the young Florentine"), honorific, nor a place that speaks as a government does
    (`namewords.speaking_place`: "Sandy said" is a man, though a town bears the name), nor a
    region or a place the profile lists (`[places] regions`, `known`: "O Logan", a river
    spoken to), nor a word the book mostly writes after "the" (the Court, the Government: a
    body, not a person), nor one it writes after "the" often (`Words.thing`: "the Internet"
    176 times of 421, though "Internet related" reads as one who relates), nor one of a party
    or a people (`Words.member`: "a Ghibelline" beside "the Ghibellines")."""
    return (
        not words.common(w)
        and not (
            (_PEOPLES_WORD.search(w) or w in words.peoples)
            and w not in words.forenames
            and w not in words.known_persons
            and w not in words.deities
        )
        and w not in words.honorifics
        and w not in words.not_names
        and bool(VOWEL.search(w))
        and not speaking_place(w)
        and w not in words.regions
        and w not in words.known_places
        and not words.body(w)
        and not words.thing(w)
        and not _article_joined(w, words)
        and not (words.member(w) and w not in words.forenames and w not in words.known_persons)
    )


MIN_JOINED_REST = 5  # letters of the word an article is read joined to: "Apatient", not "Adam"


def _article_joined(w: str, words: Words) -> bool:
    """Whether a capitalised word is the article "A" run into a word the book writes in
    lower case, twice or more, as a scan joins them ("Apatient, whose case": a patient), and
    no forename of the profile."""
    rest = w[1:]
    return (
        w[:1] == "A"
        and len(rest) >= MIN_JOINED_REST
        and rest.islower()
        and words.lower.get(rest, 0) >= 2
        and w not in words.forenames
    )


def speakers(words: Words, seen: dict[str, str] | None = None) -> Counter:
    """Capitalised words that say or write, twice or more ("said Danton", "Tolstoy writes"),
    that may be a person's name (`_may_be_person`), in the prose `words` was read from.
    `seen`, if given, gets a passage where each was seen saying."""
    return Counter({w: n for w, n in _said(words, seen).items() if n >= 2 and _may_be_person(w, words)})


_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish)$")  # a people's adjective: "European", "Chinese"
_PEOPLE = re.compile(r"(?:ists|ites|ians|eans|ans|ese|ish|men)$")  # Girondists, Jacobites, Vendeans: many


def persons_by_cue(
    words: Words, seen: dict[str, str] | None = None, lists: list[tuple[list[str], str]] | None = None
) -> tuple[Counter, Counter]:
    """(the words that say or write twice or more, as `speakers`; and the words that do so or
    stand where a person stands (`_cued`) twice or more between them): no people's or
    party's name in the plural (Girondists, Jacobins beside Jacobin), and a town the
    gazetteer knows only three times or more. A word cited as an author ("according to
    Rousseau") or after a calling ("the deputy Barras", "his chancellor, Kaunitz") once is
    enough when the gazetteer knows no place of that name and it has no adjective's ending
    ("its author European celebrity"). A place of
    the gazetteer that the book lists with a place ("Athens and Sparta") is none: a city
    refuses and hopes as its people do ("Sparta, refused to submit")."""
    said = _said(words, seen)
    cited: Counter = Counter()
    cued = _cued(words, seen, cited)
    speaking = Counter({w: n for w, n in said.items() if n >= 2 and _may_be_person(w, words)})
    more: Counter = Counter()
    for w in sorted((set(said) | set(cued)) - set(speaking)):
        # a name of several words (`_name_of_words`) once: its shape is evidence already
        # ("Fu Yen-chʽing exclaimed", "Tʽang Chien, who"); not a place's ("New York declared")
        if " " in w and _may_be_person(w, words) and not place_name(w) and not speaking_place(w):
            more[w] = said[w] + cued[w]
    placed = listed_with_places(name_lists(words) if lists is None else lists)
    for w in sorted(set(cued) - set(speaking) - set(more)):
        if w in placed and gazetteer.lookup(w, everything=True) is not None:
            continue
        n = said[w] + cued[w]
        once = cited[w] and not gazetteer.lookup(w) and not _ADJECTIVE.search(w)  # "its author European celebrity"
        enough = once or n >= (3 if place_name(w) else 2)
        if enough and _may_be_person(w, words) and not _plural_people(w, words):
            more[w] = n
    return speaking, more


def _plural_people(w: str, words: Words) -> bool:
    """A people's or party's name in the plural: Girondists, Vendeans, Jacobins beside Jacobin."""
    return bool(_PEOPLE.search(w)) or (w.endswith("s") and words.caps[w[:-1]] > 0)


def name_lists(
    words: Words, after_names: list[tuple[str, list[str], str]] | None = None
) -> list[tuple[list[str], str]]:
    """The lists of capitalised words standing alone in the prose ("Danton, Hébert and
    Marat"; "Henriot, Robespierre, and his colleagues"; a saint's name with its "St." is one
    word: "Couthon and St. Just"), joined by a word of `[names] joins`,
    or three or more joined by commas alone, the list ending at a stop, a dash or a lower-case
    word ("Markby, Migsby, Mobbs, Moncrieff!"): (the words, a passage quoting the list).
    A list that begins inside a name ("Madame Roland and Danton", "son of Charles Martel and
    Clemence") is none of them; `after_names`, if given, gets each such list after the
    capitalised word before it: (that word, the words, a passage). The land a name is named
    after, right after a capitalised word and "of" or a particle in lower case, is no word of
    the list it opens ("St. Francis of Accesi and Joachim of Flora": Accesi is the saint's
    town; "Benvenuto da Imola, Buti, Landino, and Daniello": the three after Imola). Two
    words joined by a comma and the join, the first after a preposition of place, are a place
    and the next clause's subject, no list ("enter into Anagni, and Christ again captive")."""
    if not words.name_joins:
        return []
    listed, word = _list_patterns(words)
    lists: list[tuple[list[str], str]] = []
    # One search of the prose joined (`Words.prose_joined`): no list spans a break between
    # pieces (its words stand a space apart), and none runs on into it, as none runs on
    # past a piece's end. A search begun once, not once a piece.
    pieces, starts = words.prose, words.prose_starts
    land_links = {"of", "d’", "d'"} | {p.lower() for p in words.particles}
    place_prepositions = {p.lower() for p in words.place_prepositions}
    for m in listed.finditer(words.prose_joined):
        k = words.piece_at(m.start())
        piece, start, end = pieces[k], m.start() - starts[k], m.end() - starts[k]
        if start and (inside := _NAME_BEFORE_LIST.search(piece, max(0, start - 30), start)):
            # "Madame Roland and Danton": the list begins inside a name
            if after_names is not None:
                after_names.append((inside.group(1), word.findall(m.group()), passage(piece, start, end)))
            continue
        listed_words = word.findall(m.group())
        if (
            start
            and _land_of_name(piece, start, land_links)
            # the name's last word right before the link, no comma between ("Ovid, of Cadmus and Arethusa": a list)
            and _last_word(piece, start - len(_last_word(piece, start)) - 1)[-1:].isalpha()
        ):
            # "St. Francis of Accesi and Joachim": its first word the land a name is named after
            listed_words = listed_words[1:]
            if len(listed_words) < 2:
                continue
        if len(listed_words) == 2 and "," in m.group() and _last_word(piece, start).lower() in place_prepositions:
            # "to behold the Fleur-de-lis enter into Anagni, and Christ again captive": a place
            # and a clause joined after it, no pair of names
            continue
        lists.append((listed_words, passage(piece, start, end)))
    return lists


# the capitalised word right before a list, the list then beginning inside a name
_NAME_BEFORE_LIST = re.compile(rf"([{UPPER}][\w.]*)\s$")


def _list_patterns(words: Words) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a list of names, a name of a list), as `name_lists` seeks them."""
    joins = "|".join(map(re.escape, words.name_joins))
    # A saint's name is one word of a list ("Couthon and St. Just"): its "t. " and capital after
    # the S, so that the pattern still opens with a capital (`re`'s fast scan; an optional
    # "St. " before it made the lists' search ten times slower)
    w = rf"[{UPPER}](?:(?<=S)t\. [{UPPER}])?[{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
    # "Danton, Hébert and Marat"; "Henriot, Robespierre, and his colleagues" (the last of the
    # list no name: the names before it, a comma after each, are listed all the same)
    # The first word is matched once, the three forms of a list tried after it: it ends where
    # a comma or a space follows in each, so a shorter match of it fits none (one `re` tries
    # at every capital of the book, a quarter faster than the three forms each from the word).
    listed = re.compile(
        rf"{w}(?:(?:,\s{w})*,?\s(?:{joins})\s{w}(?![\w'’-]|\s[{UPPER}])|(?:,\s{w})+,\s(?:{joins})\s(?=[a-z])"
        rf"|(?:,\s{w}){{2,}}(?=[!?;:.]|,\s[a-z]|\s*[-–—]{{2}}|\s[a-z]))"
    )
    return listed, re.compile(w)


_LARGE_PLACE = 250_000


def _large_place(word: str) -> bool:
    geo = gazetteer.lookup_named(word)
    return geo is not None and (geo.type != "city" or geo.population >= _LARGE_PLACE)


def lists_after_persons(
    after_names: list[tuple[str, list[str], str]], alone: dict[str, str], words: Words
) -> list[tuple[list[str], str]]:
    """The lists that begin inside a name (`name_lists`' `after_names`) whose word before is a
    person's word marked alone or an honorific: the list's first word ends a person's name,
    so that it lists persons ("son of Charles Martel and Clemence", "Madame Roland and
    Danton"; not "New York and Boston")."""
    return [(names, seen) for before, names, seen in after_names if before in alone or before in words.honorifics]


def listed_with_places(lists: list[tuple[list[str], str]]) -> set[str]:
    """The words of `lists` named in one list with a country or state, or a city of 250,000
    people or more, that the gazetteer knows by that very name ("Athens and Sparta",
    "Sparta, Athens, Rome, and Carthage"; a smaller town's name is a person's as often:
    "Cowley, Milton, and Pope")."""
    out: set[str] = set()
    for names, _ in lists:
        placed = [n for n in names if _large_place(n)]
        out |= {n for n in names if any(p != n for p in placed)}
    return out


def beside_persons(
    words: Words, alone: dict[str, str], lists: list[tuple[list[str], str]] | None = None
) -> list[tuple[str, int, str]]:
    """Capitalised words named in one list with persons found already ("Danton and Marat",
    "Robespierre, Couthon and St. Just"): the book's own consistency. Each word of the list
    stands alone (no name runs on before or after it), and one is a person's; another is
    taken when it may be a person's name (`_may_be_person`), is no place the gazetteer knows,
    no people's name in the plural, and the book writes it mid-sentence: twice or more, or
    once and never after a preposition of place ("the family move to Lochlea, and Burns
    went" lists a farm). Lists of three or more names joined by commas alone count
    ("Markby, Migsby, Mobbs, Moncrieff!", `name_lists`), and so do lists begun inside a
    person's name (`lists_after_persons`: "son of Charles Martel and Clemence").
    Two rounds: a list may name only persons found in the first; `discover` asks again once
    the forenames of the profile written alone are found ("with Philip and Antiochus in
    Greece"). (word, lists, passage)."""
    if lists is None:
        lists = name_lists(words)
    out: list[tuple[str, int, str]] = []
    known = set(alone)
    joined: list[str] = []

    def prose() -> str:
        """The prose, joined once if a word written once is to be tried ("to Lochlea")."""
        if not joined:
            joined.append("\n\n".join(words.prose))
        return joined[0]

    # `_after_place_preposition` of the words written once, a round's told in one scan of the prose
    placed: dict[str, bool] = {}
    for _ in range(2):
        taken: Counter = Counter()
        where: dict[str, str] = {}
        for names, seen in lists:
            if any(n in known for n in names):
                for n in names:
                    if n not in known:
                        taken[n] += 1
                        where.setdefault(n, seen)
        asked = [w for w in taken if 1 <= words.mid[w] < MIN_MID and w not in placed]
        if asked:
            after = _written_after_place_preposition(prose(), asked, words.place_prepositions)
            placed.update((w, w in after) for w in asked)
        new = [
            (w, n, where[w])
            for w, n in sorted(taken.items())
            if words.mid[w] >= 1
            and (words.mid[w] >= MIN_MID or not placed[w])
            and _may_be_person(w, words)
            and not place_name(w)
            and not _plural_people(w, words)
        ]
        out += new
        known |= {w for w, _, _ in new}
    return out


_INVERTED = re.compile(rf"({LISTED_WORD}), (?:[A-Z]\. ?)+[{UPPER}][{LOWER}]+")


def inverted_entries(words: Words) -> list[tuple[str, str]]:
    """The words that open a paragraph as a person's name does in an index, a glossary of
    names or a bibliography: surname first, a comma, then initials and a name ("Rusticus, Q.
    Junius, or Stoic philosopher"; "Agrippa, M. Vipsanius (63-12 B.C.)"; "Daniels, R. V.
    The Conscience"), when it may be a person's name and the gazetteer knows no place of it.
    (word, a passage quoting the entry)."""
    out: dict[str, str] = {}
    for piece in words.prose:
        m = _INVERTED.match(piece)
        if m is None:
            continue
        word = m.group(1)
        if word not in out and _may_be_person(word, words) and not place_name(word):
            out[word] = passage(piece, 0, m.end())
    return sorted(out.items())


# A capitalised word with letters suppressed in square brackets: "M[ontgomer]y", "D[undas]",
# "Mont[gomer]y"; the capital first (the fast scan), what stands before it no letter.
_BRACKETED = re.compile(rf"[{UPPER}](?<![\w'’\]-].)[{LOWER}]*\[[{LOWER}]+\][{LOWER}]*(?![\w'’\[-])")
_EVIDENCE = {
    "invocation": "a name of God before the verb of a wish ([names] invocations)",
    "reign": "a sovereign's title before it and a reign's number after it",
    "honorific": "after an honorific",
    "forename": "a forename before it",
    "common forename": "a forename that is a common word too before it, mid-sentence",
    "initials": "initials before it",
    "after a name": "a name found alone and a capitalised word after it",
}


_FOREIGN = q("foreign")


def _states_no_persons(
    states: dict[str, str],
    houses: set[str],
    found: dict[str, Name],
    why: dict[str, str],
    alone: dict[str, str],
    places: dict[str, str],
) -> None:
    """The words the book names as states (`polities`) or ruling houses (`ruling_houses`): no
    person's name alone, though a surname of a name found whole ("Sun Wu") or the subject of
    lists and cues ("Sun Wu of Chʽi, who"); a state's handed to the places' pass
    (`Context.places_of_persons_names`), which marks it where it stands alone. Names of
    several words holding them stay ("Sun Wu", "Han Hsin")."""
    for word in sorted(set(states) | houses):
        alone.pop(word, None)
        name = found.get(word)
        if name is not None and not name.hon and (name.given, name.surname) in (((word,), ""), ((), word)):
            del found[word]
            why.pop(word, None)
        if word in states:
            places.setdefault(word, f"{POLITY}: {states[word]}")


def _transcribed(
    tei,
    texts: list[str],
    words: Words,
    profile: Any,
    found: dict[str, Name],
    why: dict[str, str],
    alone: dict[str, str],
    polities: Collection[str],
    places: dict[str, str],
) -> frozenset[str]:
    """The names the book `tei` writes right after their own characters (`ownscript`: "董卓
    Tung Cho", "the town of 陳倉 Chʽên-tsʽang"), read in `texts` (`texts_with_own_script`): a
    person's of several words found whole, unless found already (its last syllable no surname
    alone: see `apply`); a place's handed to the places'
    pass (`Context.places_of_persons_names`), and no person's name alone (as a state's:
    `_states_no_persons`), though another rule took it for one ("the Emperor Wei" beside "sent
    to 魏 Wei"); not a word the book names a state or a ruling house (`polities`: a
    dynasty's name is a period's, "the Tʽang dynasty", beside "the princes of 唐 Tʽang").
    The persons' names so found are returned."""
    titles = set(words.honorifics) | set(profile.rulers) | set(profile.peerages) | set(words.sovereign_titles)
    prepositions = {p.lower() for p in profile.place_prepositions}
    persons: set[str] = set()
    works = titles_of_works(tei)
    for name in transcribed_names(texts, prepositions, titles, words.function_words, words.common, works):
        if name.place:
            if name.name in polities or name.name in places:
                continue
            places[name.name] = f"{EVIDENCE_TRANSCRIBED}: {name.where}"
            alone.pop(name.name, None)
            entry = found.get(name.name)
            if (
                entry is not None
                and not entry.hon
                and (entry.given, entry.surname) in (((name.name,), ""), ((), name.name))
            ):
                del found[name.name]
                why.pop(name.name, None)
        elif name.name not in found and name.name not in places and not _written_already(name.name, found):
            parts = name.name.split(" ")
            found[name.name] = Name("", tuple(parts[:-1]), parts[-1])
            why[name.name] = f"{EVIDENCE_TRANSCRIBED}: {name.where}"
            persons.add(name.name)
    return frozenset(persons)


def romanised_names(tei) -> frozenset[str]:
    """The texts of the names of two words or more the book sets apart as romanised
    (`matching.romanised_name`: "Mêng Shih", "Li Shou-chêng"): each one name."""
    return frozenset(
        el.text
        for el in tei.iter(_FOREIGN)
        if not len(el) and el.text and " " in el.text.strip() and romanised_name(el)
    )


def _name_words(text: str) -> list[str]:
    """The words of a romanised name's text, its possessive taken off ("Ho Shih’s")."""
    name = text.strip()
    if name.endswith(("’s", "'s")):
        name = name[:-2]
    return name.split()


def _romanised_whole(text: str, spans: list[Span]) -> list[Span]:
    """A romanised name's text where the passes found a person's name in part of it ("Shih"
    of "Mêng Shih", "Li" of "Li Shou-chêng"): the mention is the whole name the book sets
    apart, its possessive outside ("Ho Shih’s")."""
    name = text.strip()
    if name.endswith(("’s", "'s")):
        name = name[:-2]
    start = text.index(name)
    parts = name.split()
    whole = Span(start, start + len(name), Name("", tuple(parts[:-1]), parts[-1]), spans[0].why)
    return [whole] if all(whole.start <= s.start and s.end <= whole.end for s in spans) else spans


def _romanised_holding_state(text: str, states: Collection[str]) -> list[Span]:
    """A romanised name of several words the book sets apart, one of them a state's name
    ("Hu Yen", "Yen Shih-ku", "Êrh-chu Chao", beside the state Yen or Chao): one person's
    name, marked whole as any romanised name is (`_romanised_whole`), though the state's word
    is no person's name alone (`_states_no_persons`) and so finds no part of it."""
    name = text.strip()
    if name.endswith(("’s", "'s")):
        name = name[:-2]
    parts = name.split()
    if len(parts) < 2 or not any(part in states for part in parts):
        return []
    start = text.index(name)
    return [Span(start, start + len(name), Name("", tuple(parts[:-1]), parts[-1]), "known")]


def _romanised_found(text: str) -> list[Span]:
    """A romanised name the book sets apart and writes after its own characters somewhere
    (`_transcribed`: "畢以珣 Pi I-hsün"): one person's name, marked whole wherever set apart,
    its possessive outside, though no word of it names a person alone."""
    name = " ".join(_name_words(text))
    start = text.index(name)
    parts = name.split(" ")
    return [Span(start, start + len(name), Name("", tuple(parts[:-1]), parts[-1]), "known")]


def _weak(evidence: str) -> bool:
    """Whether a name was found only after a forename that is a common word too ("Rob
    Mossgiel"), or after a name found alone ("Cesare Borgia", `_surnames_after_names`; not
    "Claudius Maximus", whose Maximus names the Circus Maximus too): it is marked whole, its
    surname alone only on evidence of its own."""
    return evidence.startswith((_EVIDENCE["common forename"], _EVIDENCE["after a name"]))


def _pers_name(pn) -> Name:
    """A register's persName as a `Name`: its roleNames, forenames and surnames, each kind in
    its order. Read in one walk of its children, not one for each kind: every entry's names
    are read again and again (`entry_names`) while the register is made and linked."""
    parts: dict[str, list[str]] = {"roleName": [], "forename": [], "surname": []}
    for child in pn:
        if isinstance(child.tag, str):
            part = parts.get(local(child))
            if part is not None:
                part.append(text_of(child))
    return Name(" ".join(parts["roleName"]).rstrip("."), tuple(parts["forename"]), " ".join(parts["surname"]))


def entry_names(person) -> list[Name]:
    """Every name a register entry gives (an editor may have added some)."""
    return [_pers_name(pn) for pn in children(person, "persName")]


def _fill(pn, name: Name) -> None:
    parts = [("roleName", name.hon)] + [("forename", g) for g in name.given] + [("surname", name.surname)]
    for k, (tag, value) in enumerate(p for p in parts if p[1]):
        if k:
            pn[-1].tail = " "
        sub(pn, tag, value)


def _add(reg: registers.Register, name: Name, evidence: str, source: str = SOURCE):
    person = make("person", attrib={XML_ID: reg.new_id(registers.slug(name.key()))})
    _fill(sub(person, "persName"), name)
    registers.source_note(person, registers.FROM_TEXT, source)
    registers.evidence_note(person, evidence)
    return reg.add(person)


def _alias(person, name: Name) -> None:
    """Another name of a person the register holds ("Aunt Cecily" of Cecily Cardew)."""
    last = children(person, "persName")[-1]
    pn = make("persName")
    pn.tail = last.tail
    last.addnext(pn)
    _fill(pn, name)


class _Entered:
    """The names of the persons entered so far, by surname and forenames and by first
    forename, so that each name found is matched without reading the whole register again."""

    def __init__(self) -> None:
        self.full: dict[tuple[str, tuple[str, ...]], dict[int, object]] = {}
        self.first: dict[tuple[str, ...], dict[int, object]] = {}

    def add(self, person) -> None:
        """Take every name of `person` (again, after an alias: nothing is counted twice)."""
        for n in entry_names(person):
            self.full.setdefault((n.surname, n.given), {})[id(person)] = person
            if n.surname:
                self.first.setdefault(n.given[:1], {})[id(person)] = person

    def same_person(self, name: Name):
        """The one entry a partial name belongs to: the full name with the same forename and
        surname, or with that first forename when the name gives no surname; else None."""
        if name.surname and name.given:
            fits = self.full.get((name.surname, name.given), {})
        elif name.given:
            fits = self.first.get(name.given[:1], {})
        else:
            return None
        return next(iter(fits.values())) if len(fits) == 1 else None


def reject(reg: registers.Register, found: dict[str, Name], alone: dict[str, str]) -> set[str]:
    """The names of the entries an editor rejected (`registers.rejected`), taken out of
    what the text gave (`found`, and `alone` for a name of one word): found again, they
    are neither entered nor marked. Returns them, by key."""
    out = {n.key() for p in reg.entries.values() if registers.rejected(p) for n in entry_names(p)}
    words_of_rejected = set()
    for key in out:
        name = found.pop(key, None)
        if " " not in key:
            alone.pop(key, None)  # "Sandy" rejected: no longer marked on its own
        elif name is not None and name.surname:
            words_of_rejected.add(name.surname)
    # A surname marked alone because a rejected full name bears it ("Hamilton’s own lectures"
    # after "Sir William Hamilton" rejected) is marked no more, unless another name found bears it.
    kept = {n.surname for n in found.values()}
    for surname in words_of_rejected - kept:
        if alone.get(surname) == "surname":
            del alone[surname]
    return out


def register(
    reg: registers.Register, found: dict[str, Name], why: dict[str, str], source: str = SOURCE
) -> dict[str, object]:
    """The entry of every name found, made where the register has none: full names first,
    a partial name joining the one full name it fits as another persName. A rejected
    entry (`reject`) is none: no mention links to it. An earlier run's finding set aside
    (`registers.Register.set_aside`) that bears a name found is taken back, not made anew."""
    unseen = {n.key(): p for p in reversed((reg.unseen or {}).values()) for n in reversed(entry_names(p))}
    entries: dict[str, object] = {}
    for person in reg.entries.values():
        if registers.rejected(person):
            continue
        for n in entry_names(person):
            entries.setdefault(n.key(), person)

    def order(item):
        name = item[1]
        return (not (name.surname and name.given), bool(name.hon), item[0])

    entered = _Entered()
    for person in dict.fromkeys(entries.values()):
        entered.add(person)
    for key, name in sorted(found.items(), key=order):
        if key in entries:
            continue
        person = entered.same_person(name)
        if person is not None:
            _alias(person, name)
            entries[key] = person
        elif (person := unseen.get(key)) is not None and person.get(XML_ID) in (reg.unseen or {}):
            reg.bring_back(person)  # the first run's entry of this name, its id kept
            for n in entry_names(person):
                entries.setdefault(n.key(), person)
        else:
            entries[key] = person = _add(reg, name, why[key], source)
        entered.add(person)
    return entries


# A full name the book writes once (in a list of authorities, a song's title: "Michelet and
# Louis Blanc", "Tune--'Maggie Lauder'") makes no forename alone elsewhere its bearer's: the
# book must write it at least so often before a "Louis" or a "Maggie" is linked to it.
MIN_WRITTEN = 2
# A poem that stands alone and writes a full name once makes its forename alone that
# bearer's there ("Epitaph For Gavin Hamilton, Esq. / ... here Gavin sleeps").
MIN_WRITTEN_IN_DIVISION = 1


class Linker:
    """The register entry a mention means, when only one fits and the book makes it clear:
    a forename alone is the bearer of the one full name it fits only where the book writes
    that full name MIN_WRITTEN times or more (`written`: the uses of each of `full_forms`),
    and never where the mention tells its bearer apart ("Louis XVI" is no Louis Blanc).
    Otherwise the mention is linked to no one (and reported), not guessed."""

    def __init__(self, entries: dict[str, object], written: dict[str, int] | None = None):
        self.by_key = entries
        self.written = written or {}
        # every name of the register, by surname and by first forename: a mention is
        # compared with the names that can fit it (`_fits`), not with all of them
        self.by_surname: dict[str, list[tuple[Name, object]]] = {}
        self.by_first: dict[str, list[tuple[Name, object]]] = {}
        for p in dict.fromkeys(entries.values()):
            for n in entry_names(p):
                self.by_surname.setdefault(n.surname, []).append((n, p))
                if n.given:
                    self.by_first.setdefault(n.given[0], []).append((n, p))

    def find(self, name: Name, told_apart: bool = False, written: _Written | None = None):
        """`written`: the uses of the full forms where the mention stands, if not the
        book's (a poem that stands alone: `matching.standalone_divisions`)."""
        return self.linked(self.fitting(name), told_apart, written)

    def fitting(self, name: Name) -> tuple[object | None, tuple[str, ...] | None]:
        """What `find` tells of `name` wherever it stands: (the one person it fits, or None;
        and None, or the full forms that must be written often enough where it stands for
        it to be theirs, a forename alone against a full name's). A pass that links the
        same name in many places (each poem its own) asks this once (`linked` then)."""
        person = self.by_key.get(name.key())
        if person is not None:
            return person, None
        if name.surname:
            names = self.by_surname.get(name.surname, [])
        else:
            names = self.by_first.get(name.given[0], []) if name.given else []
        fitting = [(n, p) for n, p in names if _fits(name, n)]
        if len({id(p) for _, p in fitting}) != 1:
            return None, None
        known, person = fitting[0]
        if name.surname or not known.surname:
            return person, None
        return person, full_forms(known)

    def linked(
        self, fitting: tuple[object | None, tuple[str, ...] | None], told_apart: bool, written: _Written | None
    ) -> object | None:
        """`find` of a name whose `fitting` is given."""
        person, forms = fitting
        if forms is None:
            return person
        uses, least = (self.written, MIN_WRITTEN) if written is None else (written, MIN_WRITTEN_IN_DIVISION)
        if told_apart or max(uses.get(form, 0) for form in forms) < least:
            return None
        return person


class _Written(Protocol):
    def get(self, form: str, default: int, /) -> int: ...


class _UsesIn:
    """How often one division writes each full form, counted when first asked: the few
    forms its forenames alone fit, not every full name of the book."""

    def __init__(self, read: Callable[[], str]) -> None:
        self.read = read  # the division's text, read when a count is first asked (most poems: never)
        self.text: str | None = None
        self.counts: dict[str, int] = {}

    def get(self, form: str, default: int = 0) -> int:
        n = self.counts.get(form)
        if n is None:
            if self.text is None:
                self.text = self.read()
            n = self.counts[form] = uses(form, self.text)
        return n


def unmentioned(entered: list, linked: Collection, unlinked: Collection[str]) -> list:
    """The entries found in the text (`entered`) that no mention names: none linked to them
    (`linked`), and none of their forms the text of a mention linked to no one (`unlinked`).
    The evidence was seen where another pass marked a longer name ("B. de Saint", before the
    index's "Pierre, Saint") or where no mention stands ("Messrs. Longmans, Green & Co.", a
    firm): no person of the book's text."""
    out = []
    for person in entered:
        if person in linked:
            continue
        forms: set[str] = set()
        for n in entry_names(person):
            forms.update(full_forms(n))
            forms.update(f for f in (n.surname, " ".join((n.hon, n.surname)).strip(), *n.given[:1]) if f)
        if not forms & set(unlinked):
            out.append(person)
    return out


def full_forms(name: Name) -> tuple[str, ...]:
    """The forms that write a full name's forename with what makes it that bearer's: its
    forenames and surname ("Louis Blanc"), and its honorific and forenames ("Lady Susan")."""
    forms = (" ".join((*name.given, name.surname)),)
    return (*forms, " ".join((name.hon, *name.given))) if name.hon else forms


def _fits(said: Name, known: Name) -> bool:
    if said.hon and said.hon != known.hon:
        return False
    if said.surname:
        return said.surname == known.surname and all(g in known.given or g[:1] + "." in known.given for g in said.given)
    return bool(said.given) and said.given[0] in known.given[:1]


def _index_taken(found: dict[str, Name], why: dict[str, str], alone: dict[str, str], taken: set[str]) -> None:
    """Leave out of what the text gave every name whose surname (a forename, for a name
    without one) the index's persons hold: the index's pass marks those, and leaves unmarked
    what it judged no mention of them ("the Stalin Prize")."""
    for key, name in list(found.items()):
        if (name.surname or (name.given[:1] or ("",))[0]) in taken:
            del found[key]
            why.pop(key, None)
    for word in [w for w in alone if w in taken]:
        del alone[word]


def apply(tei, ctx: Context, beside_index: bool = False):
    """Find, register and mark the persons of a book that has no index. `beside_index`: the
    book's subject index names some persons, marked already (`persons`): the text's evidence
    adds those it leaves out ("Sir William Hamilton", "Rousseau"), none of a surname the
    index's persons hold."""
    reg = ctx.registers["person"]
    if reg.list.find(q("head")) is None and not beside_index:
        head = make("head", HEAD)
        reg.list.insert(0, head)
    taken = set(ctx.person_words) if beside_index else set()  # the words of the index's persons
    reg.set_aside()  # an earlier run's findings in the text count only where found again
    entered_before = len(reg.entries)
    added_before = len(reg.added)
    text = unmarked(ctx)
    words = Words(
        text,
        ctx.profile,
        unmarked_prose(ctx),
        word_counts(ctx).lower,
        lines=pieces_in(ctx, "l"),
        headings=pieces_in(ctx, "head"),
    )
    found, why, alone = discover(text, words)
    seated = seats(text, words, Finder(words), found, why, alone, ctx.profile.home)
    signed = signatures(words, found, why, alone, ctx.profile.home)
    identified(words, found, why, alone, ctx.profile.home)
    states = polities(text, ctx.profile)  # "the Chʽi State", "the King of Yüeh": places, no persons
    houses = ruling_houses(text)  # "the Chʽin and Han dynasties": periods, no persons
    if states or houses:
        _states_no_persons(states, houses, found, why, alone, ctx.places_of_persons_names)
    own_script = texts_with_own_script(tei, text)  # "董卓 Tung Cho": none in most books
    transcribed: frozenset[str] = frozenset()
    if own_script:
        transcribed = _transcribed(
            tei, own_script, words, ctx.profile, found, why, alone, (*states, *houses), ctx.places_of_persons_names
        )
    if beside_index:
        _index_taken(found, why, alone, taken)
    types = names_as_types(words, set(alone) | taken)
    for word in types:
        alone.setdefault(word, "surname")  # marked, linked to no one: a kind of man, no person
    named_families = families(words, {w for w, kind in alone.items() if kind == "surname"})
    # an editor's choice: a family a person's mention (the default), a body's or none (`families`)
    families_as = ctx.profile.families
    if families_as == "person":
        for word in named_families:
            alone.setdefault(word, "surname")  # marked, linked to no one: a family, no one person
    listed_families = families_in_lists(words, set(alone), named_families)
    if families_as == "person":
        for word in listed_families:
            alone.setdefault(word, "surname")  # as a family above
    titles = _titles_of_rank(ctx.profile)
    titled = titles_for_names(words, titles)
    # an editor's choice: a title "of" a land no person, its land a place (a ruler's only: "ruler")
    convention = ctx.profile.titles_of_rank
    ruled = titles_of_rulers(words, titled, ctx.profile.rulers) if convention == "ruler" else set()
    if convention == "land":
        ruled = set(titled)
    if convention != "person":
        for land, where in lands_of_titles(words, titles if convention == "land" else ctx.profile.rulers).items():
            # not a person's name ("the Marquis of Graham" beside "gallant Graham"), nor a ruling
            # house's ("the King of Han" beside "the Han dynasty": a period as often, `polities`)
            if land not in alone and land not in found and land not in houses:
                ctx.places_of_persons_names.setdefault(land, where)
    # the titles' words ("Duke", "Elector"): a text holding none holds no title to mark
    title_heads = sorted({title.split(" of ")[0] for title in titled})
    for title, where in titled.items():
        if title not in found and title not in ruled:
            found[title] = Name(title, (), "")  # the whole title, as a roleName
            why[title] = f"a title of rank in place of a name ([names] peerages, rulers): {where}"
    for word, entry in ({} if beside_index else index_persons(tei, words, text)).items():
        if word not in alone and _may_be_person(word, words) and not _plural_people(word, words):
            alone[word] = "surname"
            found.setdefault(word, Name("", (), word))
            why.setdefault(word, f"a heading of the book's index whose entries speak of a person: “{entry}”")
    rejected = reject(reg, found, alone)
    entries = register(reg, found, why, BESIDE_INDEX if beside_index else SOURCE)
    for name in (n for p in reg.entries.values() if not registers.rejected(p) for n in entry_names(p)):
        if (
            name.surname
            and name.surname not in taken
            and not _weak(why.get(name.key(), ""))
            and not words.common(name.surname)
            and name.surname not in words.known_places
            and not _invoked(name.surname, words)
            and name.key() not in rejected
            and name.surname not in states
            and name.surname not in houses
            and name.surname not in ctx.places_of_persons_names  # "sent to 魏 Wei", not "the Emperor Wei"
            # "董卓 Tung Cho": the last syllable of a name read after its characters names no one
            # alone (a Chinese name's given name, each syllable also a state's, a river's)
            and not why.get(name.key(), "").startswith(EVIDENCE_TRANSCRIBED)
            and not any(g[:1].islower() for g in name.given)  # "Roberto da San Severino", as `discover`
        ):
            alone.setdefault(name.surname, "surname")  # an editor's additions count too
    family_evidence: dict[str, str] = {}
    if families_as != "person":
        named = [*found.values(), *(n for p in entries.values() if not registers.rejected(p) for n in entry_names(p))]
        plurals = (named_families | listed_families) - types  # "the Xaviers, Brébeufs": men like Xavier
        family_evidence = _family_words(words, named, plurals, alone, (*states, *houses, *types))
    placed_families = FamilyMentions(family_evidence) if family_evidence else None
    family_entries = FamilyEntries(ctx.registers["org"], family_evidence) if families_as == "org" else None
    families_in: dict[str, list[tuple[int, int, str]]] = {}  # by text, as `names_in`
    full_names = {
        form
        for p in dict.fromkeys(entries.values())
        for n in entry_names(p)
        if n.given and n.surname
        for form in full_forms(n)
    }
    linker = Linker(entries, uses_of(full_names, text))
    link = cache(linker.find)  # the register does not change while the book is marked
    fitting = cache(linker.fitting)  # the same, for the poems that stand alone (`find_in`)
    full = {
        " ".join((*n.given, n.surname)): Name("", n.given, n.surname)
        for n in found.values()
        if n.surname and n.given and not any(g.endswith(".") for g in n.given)
    }
    finder = Finder(words, alone, full)
    # A peer called by his title's land ("Spare me thy vengeance, Galloway!") is a person;
    # the land after a preposition of place ("In Galloway sae wide", "Thro' Galloway") is the
    # land's, left to the places pass (`Context.places_of_persons_names`); so is a journey's
    # destination ("a ticket for Worthing").
    territories = peers_territories(text, words.peerages) & set(alone)
    lands = {p.lower() for p in ctx.profile.place_prepositions}
    seat_links = lands | {"of"} | {link.lower() for link in ctx.profile.feature_links}  # "the tow'rs of Stair"
    journeys = frozenset(ctx.profile.journeys)
    things_named_after = frozenset(ctx.profile.named_after)
    works, books = works_named_as_persons(text)
    books |= frozenset(ctx.profile.scripture_books)
    things = names_of_things(text, words.forenames)
    name_words = frozenset(words.forenames) | frozenset(words.honorifics)

    def names_a_person(word: str) -> bool:
        return word in name_words or word in finder.alone

    counts: Counter = Counter()
    unresolved: Counter = Counter()

    in_headings = _capitals_in_headings(words)
    romanised = romanised_names(tei)
    names_in: dict[str, list[Span]] = {}  # by text: a play writes each speaker's name hundreds of times
    prose = set(words.prose)  # most text nodes are pieces of the prose, told apart from title case already
    capitalised = capitalised_function_words(words.function_words)

    heads_in = written_in(title_heads) if title_heads else None
    # the pieces of the prose that name no one for sure, nor hold a title or a signature:
    # most text nodes, answered at once
    silent = finder.unnamed(
        [*title_heads, *(("--", "—") if signed else ()), *(family_evidence if family_entries is not None else ())]
    )

    def names(piece: str) -> list[Span]:
        """The names to mark in a text; in title case, only names the prose made known."""
        spans = names_in.get(piece)
        if spans is not None:
            return spans
        spans = finder.spans(piece)  # a list of its own, made for this call
        if spans and piece in romanised:
            spans = _romanised_whole(piece, spans)
        elif not spans and states and piece in romanised:
            spans = _romanised_holding_state(piece, states)  # "Hu Yen": the state's word no name alone
        if not spans and transcribed and piece in romanised and " ".join(_name_words(piece)) in transcribed:
            spans = _romanised_found(piece)  # "Pi I-hsün": read after its characters, though "Pi" is a place
        if rejected:
            spans = [s for s in spans if s.name.key() not in rejected]
        if taken:
            # a name of the index's persons ("Mr. Fraser" of the index's Fraser) is theirs; a
            # name cut short by their mark ("Captain Mayne" before the index's Reid) no name
            spans = [
                s
                for s in spans
                if (s.name.surname or (s.name.given[:1] or ("",))[0]) not in taken
                and (s.why == "known" or s.name.key() in found)
            ]
        if heads_in is not None and heads_in(piece):  # "the Duke of Orleans": the whole title
            held = [
                Span(m.start(1), m.end(1), found[m.group(1)], "title")
                for m in _titles_in(_title_pattern(titles), piece)
                if m.group(1) in found and m.group(1) not in rejected
            ]
            if held:
                spans = [s for s in spans if not any(h.start < s.end and s.start < h.end for h in held)]
                spans = sorted(spans + held, key=_span_start)
            if ruled and spans:
                # "the Prince of Wales" beside "Geordie Wales": the land inside a ruler's title
                # is no person's name there (the places pass's)
                lands = [m.span(2) for m in _titles_in(_title_pattern(titles), piece) if m.group(1) in ruled]
                spans = [s for s in spans if not any(a <= s.start and s.end <= b for a, b in lands)]
        # Most texts name no one: what is told of a text's names is told only of one that has some.
        if spans and piece not in prose and titlecase(piece, words.function_words, capitalised):
            spans = [s for s in spans if not (s.why != "known" and s.name.key() not in found)]  # a heading
        elif spans and piece in words.headings:  # "Miriam Revisited": no name the book found
            spans = [s for s in spans if not (_headed_only(piece, s, words, in_headings) and s.name.key() not in found)]
        if spans and seated:
            spans = _seat_and_name(piece, spans, seated)
            # the seat after "of" is the lands, no man: left unmarked, as a note's "Sir Adam
            # Ferguson of Kilkerran" may be read as one name or as a man and his lands
            spans = [
                s
                for s in spans
                if not (s.name.surname in seated and after_place_preposition(piece, s.start, seat_links))
            ]
        if signed and (m := _SIGNED.search(piece)) is not None and m.group(1) in signed:
            # a common word's signature: "--Lang." (Scots "lang", long, elsewhere)
            if not any(s.start < m.end(1) and m.start(1) < s.end for s in spans):
                spans.append(Span(m.start(1), m.end(1), found[m.group(1)], "known"))
        if spans and (territories or journeys):
            spans = [s for s in spans if not _a_place_here(piece, s)]
        if spans:
            spans = not_mentions(piece, spans, things_named_after, names_a_person, words.deities)
            spans = [
                s
                for s in spans
                if not names_work(piece, s.start, s.end, works, books)
                and s.name.key() not in things
                and not names_an_imprint(piece, s)
            ]
        if placed_families is not None:
            spans = _without_families(piece, spans, placed_families, families_in)
        names_in[piece] = spans
        return spans

    def _a_place_here(piece: str, span: Span) -> bool:
        name = span.name
        if name.hon or name.given or not name.surname:
            return False
        if name.surname in territories and after_place_preposition(piece, span.start, lands):
            why = "a peer's title's land after a preposition of place"
        elif (
            journeys
            and not piece.startswith(_POSSESSIVE_ENDINGS, span.end)  # "the train to Johnson's discreet home": his
            and _JOURNEY_TO.search(piece, max(0, span.start - 30), span.start)
        ):
            m = _JOURNEY_TO.search(piece, max(0, span.start - 30), span.start)
            if m is None or m.group(1).lower() not in journeys:
                return False
            why = "a journey's destination ([places] journeys)"
        else:
            return False
        ctx.places_of_persons_names.setdefault(name.surname, f"{why}: {passage(piece, span.start, span.end)}")
        return True

    # Each mention's element is a copy of a model: one persName for each person, its @ref set
    # (lxml copies the attribute in C; set on each element, it took as long as making it),
    # and a bare one for a mention linked to no one. What a text's mentions are copied from
    # is kept by text, as its names are: a play writes its speakers' names by the hundred.
    bare = make_in(tei, "persName")
    models: dict[object, etree._Element] = {}  # a person -> the persName linking to them, never put in the tree

    def find_in(division) -> Callable[[str], list]:
        """The finder of the mentions in `division`, a poem that stands alone, whose forename
        alone is the bearer of a full name only where the poem writes it so
        (`Linker.find`'s `written`); or, for None, in the rest of the book."""
        marks_in: dict[str, list[tuple[int, int, etree._Element, bool]]] = {}  # by text: (start, end, model, linked)
        linked_to: Callable[[Name, bool], Any] = link
        if division is not None:
            written = _UsesIn(lambda: unmarked_of([division]))

            def linked_in(name: Name, told_apart: bool) -> object | None:
                return linker.linked(fitting(name), told_apart, written)

            linked_to = linked_in

        def marks(piece: str) -> list[tuple[int, int, etree._Element, bool]]:
            spans = names(piece)
            if not spans:
                return []  # most texts: nothing kept for them beyond `names_in`'s empty answer
            found = marks_in.get(piece)
            if found is None:
                found = marks_in[piece] = []
                for span in spans:
                    person = linked_to(span.name, span.told_apart)
                    if person is None and span.joined:
                        person = linked_to(Name("", (), span.name.surname), span.told_apart)
                        if person is not None and any(n.given for n in entry_names(person)):
                            person = None  # "Frederica Vernon" is none of the Vernons the book names
                    model = bare
                    if person is not None:
                        model = models.get(person)
                        if model is None:
                            ref = f"{registers.PERSONS_FILE}#{person.get(XML_ID)}"
                            model = models[person] = make_in(tei, "persName", ref=ref)
                    found.append((span.start, span.end, model, person is not None))
            return found

        def find(piece: str):
            if piece in silent:
                return []  # most text nodes: no name (`Finder.unnamed`)
            out = []
            for start, end, model, linked in marks(piece):
                if linked:
                    counts["linked"] += 1
                else:
                    unresolved[piece[start:end]] += 1
                counts["persName"] += 1
                out.append((start, end, model.__copy__()))
            if family_entries is not None and families_in.get(piece):
                for start, end, word in families_in[piece]:
                    family = family_entries.mark(tei, word, piece, start, end)
                    if family is not None:
                        out.append((start, end, family))
                out.sort(key=lambda found: found[0])
            return out

        return find

    divisions = standalone_divisions(ctx)
    if divisions:
        mark_in_divisions(ctx, find_in, divisions)
    else:
        mark(ctx, find_in(None))
    for person in unmentioned(reg.added[added_before:], models, unresolved):
        reg.remove(person)
    # a name found only after a common word's forename leaves its words to the places pass
    # ("Rob Mossgiel", and Mossgiel his farm)
    ctx.person_words = taken | {
        w
        for key, n in found.items()
        if not _weak(why.get(key, ""))
        for w in (*n.given, n.surname)
        if w and not w.endswith(".")
    }
    ctx.person_words |= set(alone)
    # a ruling house's name ("the Chʽin and Han dynasties") is no place's either: the places'
    # pass takes none of these words by its own evidence ("into Chʽin territory")
    ctx.person_words |= houses - set(states)
    # the syllables of the names of several words the book sets apart as romanised ("Chêng
    # Yu-hsien"): no place by the gazetteer's word alone (it reads "Chêng" as Zhengzhou)
    ctx.person_words |= {w for name in romanised for w in _name_words(name)} - set(states)
    # a place the profile lists is its own though a person bears the name ("Major Logan"):
    # the places pass marks it where no persName holds it
    ctx.person_words -= set(ctx.profile.known_places)
    ctx.person_words |= set(family_evidence)  # a family's name is no place's either ("the Orsini")
    if family_entries is not None and family_entries.marked:
        ctx.report.counts["orgs"] = len(ctx.registers["org"].entries)
        ctx.report.counts["orgName"] += family_entries.marked
        ctx.report.counts["orgName_linked"] += family_entries.marked
    entered = len(reg.entries) - entered_before
    reg.restore()
    ctx.report.counts["persons"] = len(reg.entries)
    if beside_index:  # the index's pass counted its own marks
        ctx.report.counts["persName"] += counts["persName"]
        ctx.report.counts["persName_linked"] += counts["linked"]
        ctx.report.info(
            "persons-beside-index",
            None,
            f"the subject index names some persons: {entered} more taken from the "
            f"text on evidence, {counts['persName']} mention(s) of them marked",
        )
    else:
        ctx.report.counts["persName"] = counts["persName"]
        ctx.report.counts["persName_linked"] = counts["linked"]
        ctx.report.info(
            "persons-without-index",
            None,
            f"no index names persons: {len(reg.entries)} person(s) taken from the text on evidence "
            f"(honorific, forename, initials, verb of saying), {counts['persName']} mention(s) marked",
        )
    registers.report_unresolved(ctx.report, unresolved, "named in the text")
    return tei
