"""Places: `placeName` for every named place, linked to the place register.

The register holds the Subject Index's places and the profile's (`[places]`, with the packs
it includes); the text adds, in a book with an index:

- the places of the gazetteer's own list (gazetteer.toml: Britain, the Soviet Union, the
  Caspian Sea, the Volga) wherever the text writes them;
- countries, former countries, seas and other features the gazetteer knows, after a cue
  ("in", "to", "across", "throughout", "of", "and", "between"; a possessive after the name
  left outside: "to Baku's oil fields"), or in apposition to a town's word between commas
  or dashes ("the capital – Piter –"); cities of 50,000 people or more after one too, and
  any place of publication ("(Frankfurt, 2003)"); not another name of a town written only
  after "the" and before a lower-case word ("at the Proletarsky locomotive repair
  workshop": a works' name); nor a town's name written after a cue only before a word it
  qualifies, twice or more, a people's adjective ("the Greek and Roman gods", "of the Roman
  ecclesiasticism": Roman, Romania, is no place there), or once where the gazetteer knows a
  greater place the word is the people's of ("of the Roman emperors": Rome); a town whose name opens with
  a word of the profile's `[places] town_first` ("Port", "Fort") after any cue ("after he
  came to Port Royal");
- "the West", "the East", "the Continent": parts of the world, where so written, and the
  two paired without "the" after "from" or "between" ("intervention from West and East"), the
  second after "the" too ("take the East and West"); not a point of the compass whose name the
  next one completes ("the East and West Indies": the West Indies only); so "the Old World" and
  "the New World", a sentence's "The" before them too;
- a sea or an ocean of the gazetteer's own list named by its adjective alone, after "the" and
  before a punctuation mark ("by Austrian submarines in the Adriatic.", "the dangers of the
  Mediterranean;"; not "the Atlantic coast", "the Baltic fleet"), where the adjective is no
  word the book writes in lower case ("the Black"), no point of the compass, no people's word
  ("the Indian") and no person's name: the sea (`seas_by_adjective`);
- smaller towns and subdivisions (ISO 3166-2's regions, departments, provinces and
  counties: "in Lozère", "the departments of Gard") only after a preposition of place or a
  word for a place and "of" ("in Katyn", "the population of Efremov") or before a word for an
  event that happened there ("the Kemerovo trial", "the Kronstadt revolt"), in half their
  uses at least, and not
  right before a lower-case word the book hardly uses ("to Staraya ploshchad": a foreign
  phrase) nor as an adjective after "the" ("at the Mercury factory");
- names listed with places of the register, in a list of three or more "and" or "or"
  closes, that the
  gazetteer knows as countries or cities of 15,000 or more ("visited Zaporozhe, Kramatorsk,
  Gorlovka and Makeevka"), and lists of three cities of 50,000 or more ("visiting Khabarovsk,
  Vladivostok and Komsomolsk-on-Amur"): every name of the list a place, or none taken; and
  one heading of the index no gazetteer knows after two places of the register or more
  ("went to Leningrad, Orenburg, Bashkirya, and Tatary", "seized Simbirsk, Samara and
  Izhev"), of the kind of the place before it;
- a river named after a part of it ("a crossing of the Don", "the mouth of the Neva", "the
  banks of the Dnieper"), though no gazetteer knows the name (Don, a common word too);
- a town the gazetteer knows (15,000 people or more), a river or a region, and "-side": the
  part of a town or a country named after it ("the Vyborg-side working class district");
- territorial units named by a place and a lower-case word for the unit ("Moscow province",
  "the Donetsk region", "the Siberian region"; `[places] heads` adds "oblast"): one name;
  and so, after "the", by a name of their own the register does not hold as a place ("the
  Krasnopresnensky district"; "the Bauman district", named after a person: no mention of
  him), but not where a body's words follow ("the Proletarsky district party committee");
- countries, and cities of 100,000 people or more under their own name, written alone with
  no cue ("the army entered Warsaw", "visited Vladivostok"): no capitalised word beside them,
  no possessive, not only opening sentences, nor a person's name (`bare_places`);
- a place the text says what it is of, in apposition ("Kabany, a village near Chernobyl",
  "the Conciergerie, a prison situated on the island"), though no gazetteer knows it;
- railways and roads named by the two places they join, a dash between ("the Moscow-Donbass
  trunk line", "the Baikal–Amur line"): one route; a line named by one place is its
  administration's, no mention of the place ("the Donetsk line");
- squares, streets and buildings named their word first, the French, Italian or Spanish way
  ("the Palais Royal", "the Hôtel de Ville", "the Place de la Concorde", "Piazza Navona"; the
  gates, bridges, chapels and quarters of Italian towns, "Porta San Piero", "the Ponte Vecchio",
  "the Capella Chigiana", "Borgo Santi Apostoli"), in a book without an index too, the
  saint's name the persons' pass marked inside one made part of the place ("Porta Santa
  Maria": `first_word_saints`);
- streets, squares and bridges named the way of a language whose words for them a pack
  gives (`[places] streets`), the word after one or two capitalised words ("Staraya
  ploshchad", "Nizhnyi Val", "Kuznetsky Most" with the russian pack): wherever written, the
  whole a place, longer than a town's other name it opens ("Nizhnyi");
- named features by their last word ("Panama Canal", "Lenin Hills") or their first, the
  English way ("Lake Khasan", "Mount Elbrus", "the Gulf of Finland", "the Hall of Columns",
  "the Palace of Soviets"), buildings by a lower-case or capitalised head after "the" ("the
  Novodevichy cemetery"; "the Lenin Mausoleum", a person's name before a capitalised head;
  not "the Kremlin's Great Palace" as one name: the Kremlin, and its Great Palace, a place's
  own site named after its possessive, capitalised), streets, districts
  ("the village of Lubyanka"), compass regions of a known place ("North Caucasus"; of a
  country, a region or a city of 100,000 or more the gazetteer knows: "Eastern Bukhara"; of
  a smaller town, where the book writes the whole name after a cue only: "Rankin, of East
  Northfield"), a name and "Valley", "Falls" or "Forest" ("above Keene Valley",
  `textplaces.landforms`), and
  names sharing a plural head ("the Black, Caspian, Baltic and White seas": four seas); a building's
  name may open a sentence ("The Passion Monastery") or follow a lower-case word ("the vast
  Moskva hotel"); halls, churches, chapels, gates, gardens, metros, airports and fortresses
  only capitalised after a name ("the October Hall"; not "the Town Hall", "the Moslem
  church"); a capitalised head after a place names the whole ("the Moscow Metro"), a
  lower-case one the place ("the Dmitrov canal"), unless the place is itself of the head's
  kind ("the Belomor canal", the register's canal Belomor); "the Metro" alone names the
  register's one site so headed (`sites_by_head`), a quotation mark closing after it too
  ("the slogan 'All Moscow builds the Metro'");
- a unit's word with "military" or "autonomous" before it ("the Moscow military region"):
  one territory, as "Moscow province" is; and a unit named by a people's word and
  "autonomous" after "the" (`autonomous_units`): "the Jewish autonomous region of
  Birobidzhan", one name of the place it is of, "the Jewish autonomous region" alone a
  region of its own;
- names listed after a plural word for places and "including", "such as" or "notably"
  ("villages in the Kuban, including Poltavskaya, Urupskaya and Bagaevskaya"): each a place
  of that kind, though no gazetteer knows it;
- another name of a city of 100,000 or more (Tsaritsyn, Volgograd's) where every use is a
  word before a noun of it after "the" or a possessive ("the Tsaritsyn group"; not "the
  Proletarsky locomotive repair workshop", a works);
- a site's capitalised head after "in" or "at" without "the" ("met in Sverdlov Hall");
- a city's short name (`short_forms`: "Nizhnyi") and a capitalised word, after "in", "at" or
  "on" ("a dosshouse in Nizhnyi Val"): a place in the town named after it, one name, though
  no pack gives its word for a street;
- a place's other names the text gives in brackets after it ("Nizhnyi Novgorod (Nizhnyi or
  Nizhegorod)", "Kitaigorod (Chinatown)"), wherever written;
- a name the subject index sends the reader to from a place's heading, written with "the"
  ("Germany. See Empire, the"), where the text writes it only after "the" ("within the
  Empire"): that place (`index_see_names`);
- a city of the register named with its word first ("the City of Moscow") or "city" in lower
  case after it ("Moscow city leaders", "Moscow city and province"): one name, not before a
  body's word ("the Moscow city party": Moscow, the body's);
- an index heading that names no place (a works: Sormovo) written right after "at" or
  "near" twice or more: a place where the text locates something at it, there and after
  "in" ("convened in Sormovo"), not after "the" ("the Sormovo works");
- a site's first word alone ("orations at Novodevichy", the Novodevichy cemetery) where
  every use of it without the site's head comes right after "in", "at" or "near", or, twice
  or more, right after "the" and before punctuation, a function word, a preposition or a
  past participle ("left the Tuileries unobserved", the Tuileries Gardens; not "the
  Catholic faith");
- no name right after a lower-case prefix and a hyphen, half of an adjective ("anti-Moscow"),
  nor after such a prefix capitalised as bodies' names write it ("the All-Turkestan
  territorial party conference");
  a longer name's last words after it, where they name a place ("post-Soviet Russia": Russia);
- a place named in quotation marks as a second one of another ("the 'Second Baku' of the
  East", "the 'Third Rome'");
- a state's formal name, "State of" and a state, a region or a country ("the State of New
  York", "THE STATE OF NEW YORK"): one name of that place (`formal_names`);
- a region named by two points of the compass, a hyphen between, before a place
  ("Central and South-Eastern Europe", where "Eastern Europe" is one): one name
  (`compass_compounds`);
- a mountain range of the gazetteer's own list, "of" and a place found ("the Alps of
  Dauphiné"): one name, the range's part in that land (`ranges_of`);
- in a book without an index, a region named by a point of the compass, "Upper", "Lower" or
  "Central" before a country, a state, a continent or a region found ("Northern France",
  "Lower Silesia", "Western Galicia"), where the book writes it once at least as a noun and
  never before another capitalised word (`compass_regions`: not "the West India Islands");
- no place right after a capitalised word that makes a longer name of it ("New", "Old",
  "Upper", "Great", a point of the compass: `qualified`), where the register holds no such
  whole ("the trim New England landscape" is New England, a region of the gazetteer; "Tales of
  Old Japan", "the West India Islands" mark neither Japan nor India): better no mark than a
  part of the name;
- names listed before "and other" and a plural word for places ("at Lyons, Aix, Toulon,
  Marseilles, and other towns", "Tobago, St. Martinique, Guadaloupe, and other French West
  Indian islands"): each a place of that kind, though no gazetteer knows it, in a book
  without an index too (`kinds_before_others`);
- a place of the register under another form of its name (`other_forms`): a site named head
  first with its head in lower case ("the cathedral church of Christ the Saviour", the index's
  "Church of Christ the Saviour"), a region named by a plural word for states with another
  ("the Baltic republics", the index's "Baltic states"), a unit after a point of the compass
  with the compass's adjective ("Far Eastern Territory", the index's "Far East territory");
- a building named by its capitalised head alone after "the" and a preposition of place,
  before punctuation or a function word ("kept in the Temple", "At the Abbey a dozen men",
  "on display in the Mausoleum"; not "the Temple of Reason", "o'er the Castle wa'"); a
  site's head that is a place's whole name, however found, is none before "of" and a
  capital ("the Temple of Reason": a longer name's head).

An earlier run's register is read back, but what it found in the text (its source note
says so, and no editor rejected it, made it theirs or wrote a note of their own into it) is
marked only where a rule of this run finds it again (`RunPlaces`): "At the Abbey a dozen
men" is the Abbey on every run, "the Abbey and La Force" on none; converted again into its
own output, a book gives the same edition.

A person's surname that a city bore (Kuibyshev, Samara's name from 1935 to 1991) is that
city where the text shows it names a town ("the city of Kuibyshev", "Kuibyshev province",
"the works at Kalinin", listed among towns: "visited Saratov, Kuibyshev and Rostov")
and the gazetteer knows a city of 100,000 or more by it, only right after "in", "at" or
"near" ("stayed in Kuibyshev"; not "faith in Kuibyshev", "in Kuibyshev's view"): the
persons' pass leaves those mentions to this one.

An index heading no gazetteer knows is a settlement where the text writes it twice or more,
and only, right after a preposition of place ("to a school in Martynovich", "from Kabany
to Martynovich"), under its romanised spellings too (the index's "Chernobyl'", "in
Chernobyl"); a place, one of two capitalised words written once, right after "at" or "near"
("at Khalkhin Gol"; not "at Sverdlov University", an organisation's). A heading that names
no place, a place of the register its first word ("Tashkent Soviet", "Voronezh Cheka"),
makes its last word end such a name after any place: "the Moscow Soviet", "the Gomel'
soviet" are bodies, no mention of the town.

An index heading the gazetteer takes for a town (Duma: Douma, in Syria) that the text writes
only after "the", numbered or after a place once at least ("the IV Duma", "the Moscow
Duma"), is an institution: no place, and no entry of the register.

Never taken from the gazetteer: words that are also persons' names (Kirov, Frunze),
ordinary English words (Union), the index's headings that name no place (Pravda, Duma),
and a doubtful town (smaller, or found under another of its names) that the text writes
right before a person's name ("Sergo Ordzhonikidze": a nickname; reported, not marked).
Each name is matched under the spellings romanisation produces (Nizhnyi / Nizhny /
Nizhniy) and the three of a saint (St / St. / Saint Petersburg), all resolving to one
entry; an index heading's en dash is the text's hyphen ("Moscow–Volga canal").

One place, one entry: a spelling the text writes one letter inside apart from a word of an
index heading ("Krasnaya Presnya" for the index's "Krasnaya Presnaya", the misprinted
"Dnepropretrovsk"), that is no other place's nor a person's name and close to that heading
only, is the index's place (reported as `place-spelling`); a compass region the index names
with a unit's word is that entry ("the Lower Volga", the index's "Lower Volga region").

In a book with an index, the places the titles of works in the running text and its notes
name are marked too ("*The Wolf in the Kremlin*"; not a title that is a place's name alone, a
periodical's: "*Ukraina*"), by the rules that mark them in the text (`titles_in_running_text`).

A place that opens a body's name after "the" is no mention of its own: "the Moscow party
committee", "the Voronezh locomotive repair works" (the profile's bodies, establishments
and meetings; not "his Moscow party post", "the Kiev Social Democrats", nor a place before
a body's word, "and", a word and a body's plural: "the Moscow party and Soviet
organizations" names no one body); nor one that ends a meeting's name after a rank, a
meeting's word and "of" ("the party conference of the Bauman district"; not "a conference
of the Kiev Military District", after a meeting's word alone: `opens_with_meeting`). A
book without an
index is read by `textplaces`; there a place it found is marked in capitals too, where the
book sets words so for emphasis ("PARTICULARLY THE STATE OF NEW YORK", "to FRANCE"), when
its name has two words or five letters or more (not "IOWA": short capitals are often
initials) and no honorific stands before it ("EPISTLE TO MAJOR LOGAN").
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from functools import lru_cache
from typing import Any

from lxml import etree

from ..context import Context
from ..tei import XML_ID, XML_LANG, local, make_in, q
from ..textnodes import preceding_text, set_preceding_text, text_slots, wrap_slots
from . import gazetteer, namewords, ownscript, polities, registers, textplaces
from .matching import (
    REGIONS,
    SKIP,
    UNMARKED_TEXT,
    Matcher,
    WordCounts,
    kept_for_text,
    mark,
    matches_before,
    pieces_of,
    regions,
    unmarked_text,
    word_counts,
)
from .namewords import initial
from .wordscan import LEFTMOST_FIRST, LEFTMOST_LONGEST, STANDARD, matches_at_words, pieces_holding, scanning, words_in
from .wordscan import find as find_words

# Accented letters too: "Lozère", "Besançon", "Orléans".
_NAME = r"(?:St\.? |Saint )?[A-ZÀ-Ý][a-zß-ÿ'’]+(?:[ -][A-ZÀ-Ý][a-zß-ÿ'’]+){0,2}"
# The cue, "the", the name, and the lower-case word after it if any (looked at, not taken);
# a dash written as two hyphens may follow the name ("at Quimper--a small town").
# Tried only where a cue, a space and a capital open a string (`after_cue`); searched
# whole, the lookahead, the cues' first letters, lets `re` skip every other position at once.
_CUES = (
    "in", "at", "to", "from", "near", "into", "via", "through", "towards", "toward", "outside", "around",
    "throughout", "across", "within", "beyond", "along", "inside", "of", "and", "between",
    "In", "At", "To", "From", "Near", "Into", "Throughout", "Across", "Between",
)  # fmt: skip
_AFTER_CUE = re.compile(
    r"(?=[ABFINTabfinotvw])\b(" + "|".join(_CUES) + ")"
    rf"\s(the\s)?({_NAME})(?![\w']|-(?!-))"
    r"(?=(?:\s([a-z]+)\b)?)"
)
# The capitals `_NAME` opens with, each.
_NAME_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "".join(map(chr, range(ord("À"), ord("Ý") + 1))))
# Cues that persons follow as often as places ("the works of Tolstoy", "between Stalin and
# Kirov"): only a country or a city of 50,000 people or more is taken after them.
_WEAK_CUES = ("of", "and", "between", "Between")
# The names a cue's name heads, in a list that "and" or "or" closes: "in Kharkov,
# Dnepropetrovsk and Zaporozhe", "the departments of Gard, Bouches-du-Rhône, Vaucluse, and
# Lozère", "into Lille and Valenciennes". A hyphenated name may hold lower-case particles.
_LIST_ITEM = rf"(?:the\s)?({_NAME}|[A-ZÀ-Ý][\w'’]+(?:-[a-zà-ÿ]+)+-[A-ZÀ-Ý][\w'’]+)(?![\w'’]|-(?!-))"  # "--": a dash
_LIST = re.compile(rf"((?:,\s{_LIST_ITEM})*),?\s(?:and|or)\s{_LIST_ITEM}(?:\s([a-z]+)\b)?")
_LIST_ITEMS = re.compile(rf",\s{_LIST_ITEM}")
_LIST_CLOSES = ("and", "or")  # after a space, what closes a list of `_LIST` without a comma
# A list of names alone (no "the"), "and" or "or" closing it: "Zaporozhe, Kramatorsk, Gorlovka
# and Makeevka", "Khabarovsk, Vladivostok and Komsomolsk-on-Amur" (particles in a hyphenated name),
# accented letters too ("Mainz, Condé, and Valenciennes").
_COORDINATED_ITEM = r"[A-Z](?:[a-zß-ÿ'’]+)(?:-(?:[a-z]{1,4}-)?[A-Z][a-zß-ÿ'’]+)*(?: [A-Z][a-zß-ÿ'’]+)?"
# (It opens with a capital, the word boundary tested after it, so that `re` seeks capitals.)
_COORDINATED = re.compile(
    rf"[A-Z](?<![\w'’.-].)[a-zß-ÿ'’]+(?:-(?:[a-z]{{1,4}}-)?[A-Z][a-zß-ÿ'’]+)*(?: [A-Z][a-zß-ÿ'’]+)?, "
    rf"(?:{_COORDINATED_ITEM}, )*{_COORDINATED_ITEM},? (?:and|or) {_COORDINATED_ITEM}(?![\w'’-])"
)
_COORDINATED_NAME = re.compile(rf"{_COORDINATED_ITEM}")
# What closes every such list, sought first (`pieces_holding`): the pieces without it are not searched.
_COORDINATED_CLOSE = re.compile(r" (?:and|or) [A-Z]")
# Its strings, each: one of the book's scan's lists (`wordscan`). No two of its places can
# overlap (a space begins each, and none holds a space and "a" or "o" after it, nor a
# capital after "and" or "or" at one): the scan's leftmost places are those `re` finds.
_COORDINATED_CLOSE_WORDS = tuple(f" {word} {capital}" for word in ("and", "or") for capital in string.ascii_uppercase)
# "(Frankfurt, 2003)" — the year may be a <date> already, ending the text node — "(London and New York, 1990)", "(Athens, OH, 1990)": where a book was published
_IMPRINT = re.compile(rf"\(({_NAME})(?: and ({_NAME}))?, ?(?:1[89]\d\d|20\d\d|[A-Z]{{2}}\b|$)")
# Patterns that begin at a capital test the word boundary after it: `(?<!\w.)` right after
# the first letter is the `\b` before it. A pattern that opens with a letter is sought by
# `re`'s fast scan for that letter; one that opens with `\b` is tried at every position.
_COMPASS_WORDS = tuple("North South East West Northern Southern Eastern Western Central Lower Upper Middle".split())
_COMPASS = re.compile(
    "((?:" + "|".join(f"{w[0]}(?<!\\w.){w[1:]}" for w in _COMPASS_WORDS) + r")(?:-[A-Z][a-z]+)? ([A-Z][a-zß-ÿ]+))\b"
)
_BEFORE_INITIAL = re.compile(r"([A-Z](?<!\w.)[a-z'’]+)\s(?:[A-Z][a-z]?\.)")
# The stop of an initial after a space ("W." of "David W. Doyle", "Ya."): `_BEFORE_INITIAL`'s
# end, sought by its stop (a literal `re` finds at once), the rest looked behind at.
_INITIAL_STOP = re.compile(r"\.(?:(?<=\s[A-Z]\.)|(?<=\s[A-Z][a-z]\.))")
_WORD_LETTERS = "abcdefghijklmnopqrstuvwxyz'’"  # `_BEFORE_INITIAL`'s after the word's capital
_WORD_REACH = 40  # characters read back at once for the word before an initial
STREET_WORDS = ("Boulevard", "Street", "Square", "Prospekt", "Prospect", "Avenue", "Road", "Embankment", "Lane")
_STREET = re.compile(
    rf"([A-Z](?<![\w-].)[a-z'’]+(?:-[A-Z][a-z'’]+)*\s(?:[A-Z][a-z'’]+\s)?(?:{'|'.join(STREET_WORDS)}))\b"
)  # "Half-Moon Street", not "Moon Street"
_STREET_WORD = STREET_WORDS  # sought first (`pieces_holding`)
# Not "settlement of": as often the settling of something ("the settlement of French affairs").
# Streets, squares and buildings named the French, Italian or Spanish way, their word first
# ("Palais Royal", "Hôtel de Ville", "Place de la Concorde", "Champ de Mars", "Piazza
# Navona"): a square's or street's word needs a particle after it ("Place de …", not an
# English "Place"), a building's not. The word gives the type.
_FIRST_WORD_TYPES = {
    "Palais": "site", "Palazzo": "site", "Hôtel": "site", "Pont": "site", "Porte": "site", "Faubourg": "district",
    "Place": "square", "Champ": "square", "Piazza": "square", "Plaza": "square", "Rue": "street", "Quai": "street",
    "Porta": "site", "Ponte": "site", "Cappella": "site", "Capella": "site", "Borgo": "district",
}  # fmt: skip
_PARTICLE = r"(?:de la |de l'|de l’|des |du |de |d'|d’|della |delle |dell['’]|degli |dei |de['’] |del |di )"
# a saint's title before the name, English, French or Italian ("Porta San Piero", "Borgo Santi Apostoli")
_SAINTS_TITLE = r"(?:St\.? |Saint[ -]|San |Santa |Santo |Santi |Sant['’] ?)"
_FIRST_WORD = re.compile(
    r"\b((?:(?:Palais|Palazzo|Hôtel|Pont|Porte|Faubourg|Piazza|Porta|Ponte|Cappella|Capella|Borgo) " + _PARTICLE + r"?"
    r"|(?:Place|Champ|Plaza|Rue|Quai) " + _PARTICLE + r")" + _SAINTS_TITLE + r"?[A-Z][\w'’-]+)"
)
# A word of `_FIRST_WORD_TYPES` that needs no particle, maybe one, and a saint's title, right
# before a saint's name the persons' pass marked ("Porta Santa <persName>Maria</persName>")
_SAINT_NAMED_SITE = re.compile(
    r"\b(?:Palais|Palazzo|Hôtel|Pont|Porte|Faubourg|Piazza|Porta|Ponte|Cappella|Capella|Borgo) "
    + _PARTICLE
    + "?"
    + _SAINTS_TITLE
    + "$"
)


def first_word_saints(tei, places: registers.Places) -> int:
    """A gate, a bridge, a square or a building named its word first after a saint ("Porta
    Santa Maria", "Porta San Piero"), whose saint the persons' pass marked as a person: the
    whole name made one `placeName`, linked to an entry of that name (a site, a square or a
    district, as `_FIRST_WORD_TYPES` gives). Returns how many persons' mentions became places."""
    made = 0
    for person in list(tei.iter(q("persName"))):
        if len(person) or not person.text:
            continue
        text_before = preceding_text(person)
        m = _SAINT_NAMED_SITE.search(text_before[-40:])
        if m is None:
            continue
        opening = len(text_before) - (len(text_before[-40:]) - m.start())
        name = " ".join((text_before[opening:] + person.text).split())
        set_preceding_text(person, text_before[:opening])
        place = places.find(name)
        if place is None:
            kind = _FIRST_WORD_TYPES[name.split()[0]]
            place = places.add(
                name, kind, None, "named in the text", evidence=f"a {kind} named its word first: “{name}”"
            )
        person.attrib.clear()
        person.tag = q("placeName")
        person.set("ref", f"{registers.PLACES_FILE}#{place.get(XML_ID)}")
        person.text = text_before[opening:] + person.text
        made += 1
    return made


_DISTRICT_HEADS = ("district", "village", "town", "city", "suburb", "province", "region")
# "the district of Bauman": " of " and the name, the word before it looked behind at (its
# `\b` too): a pattern that opens with " of " is sought by `re`'s fast search for it, one
# that opens with the words or `\b` is tried at nearly every position of the book. (No word
# ends another, so the look-behind that holds tells which one is written.) See `_districts_of`.
_DISTRICT_OF = re.compile(r" of (?:" + "|".join(rf"(?<=\b{w} of )" for w in _DISTRICT_HEADS) + r")([A-Z][a-z'’]+)\b")
# An event named by where it happened: "the Kronstadt revolt", "The Kemerovo trial", "the
# Shakhty affair": the name stands where a preposition of place would put it.
_EVENT_NOUNS = (
    "revolt", "rising", "uprising", "rebellion", "mutiny", "affair", "trial", "massacre", "pogrom", "strike",
    "siege", "incident", "disaster", "famine", "earthquake",
)  # fmt: skip
# The letter first, its look-behind after it (`(?<![\w-].)`: what `(?<![\w-])` tests before
# it): a pattern that opens with a look-behind is tried at every position of the book.
_EVENT = re.compile(
    r"[Tt](?<![\w-].)he ([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?) (?:" + "|".join(_EVENT_NOUNS) + r")(?![\w-])"
)
_EVENT_NOUN = tuple(f" {noun}" for noun in _EVENT_NOUNS)  # sought first (`pieces_holding`)
_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish)$")
_AL_ADJECTIVE = re.compile(r"[a-z]al$")  # "Papal", "Royal", "Imperial", "Episcopal"
_MIN_POPULATION = 50_000
# A smaller town, or a subdivision, only after a preposition of place ("in Efremov") or a
# word for a place and "of" ("the population of Efremov"), and only of this size at least.
_MIN_STRONG = 1_000
_SETTLED_USES = 2  # an index heading written this often, and only, right after a preposition of place
_COMMON = 3  # a lower-case word the book writes less often is no English word of its (ploshchad)
_STRONG_SHARE = 0.5  # of the name's uses, at least, after such a cue
_PLACE_NOUN_WORDS = (
    "town", "city", "village", "district", "province", "provinces", "region", "department", "departments", "county",
    "population", "inhabitants", "citizens", "outskirts", "suburbs", "streets", "centre", "center",
)  # fmt: skip
_PLACE_NOUN = re.compile(r"\b(?:" + "|".join(_PLACE_NOUN_WORDS) + r")\s+of\s$")
# What follows a name written before a person's: a closing bracket or quote, and the name.
_BEFORE_NAME = re.compile(r"([)'’\"”])?\s([A-Z][a-z'’-]+)")
_SAINT = re.compile(r"(?:St\.?|Saint) (?=[A-Z])")
_SAINT_OPENINGS = ("St", "Saint")  # what a match of `_SAINT` opens with
# Named features by their last word ("Panama Canal", "Lenin Hills"), and the type that word gives.
_FEATURE_TYPES = {
    "Sea": "sea", "Ocean": "ocean", "Canal": "canal", "River": "river", "Lake": "lake", "Hills": "hills",
    "Mountains": "mountains", "Gulf": "sea", "Bay": "sea", "Strait": "strait", "Straits": "strait",
    "Island": "island", "Islands": "island", "Peninsula": "region", "Desert": "region",
}  # fmt: skip
# A hyphenated name is one word: "the Moscow-Volga Canal", not the "Volga Canal"; a
# sentence's "The" is none ("The Panama Canal").
_FEATURE = re.compile(
    rf"(?<![\w'’-])(?!The\s)((?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\s){{1,2}}(?:{'|'.join(_FEATURE_TYPES)}))$"
)
_FEATURE_HEAD = re.compile(rf" (?:{'|'.join(_FEATURE_TYPES)})\b")
_FEATURE_HEAD_WORDS = tuple(_FEATURE_TYPES)
# Buildings and sites written with their head after "the", in lower case or capitalised
# ("the Kshesinsky palace", "the Spassky tower", "the Sovetsky Theatre", "the Novodevichy
# cemetery"), and the type each head gives.
_SITE_HEADS = {
    "palace": "site", "cathedral": "site", "monastery": "site", "tower": "site", "station": "site",
    "square": "square", "bridge": "site", "embankment": "street", "canal": "canal", "theatre": "site",
    "theater": "site", "hotel": "site", "cemetery": "site", "prison": "site", "park": "site",
    "mausoleum": "site", "museum": "site", "stadium": "site", "hall": "site", "church": "site", "gardens": "site",
    "gate": "site", "metro": "site", "airport": "site", "fortress": "site", "chapel": "site",
}  # fmt: skip
# Heads that name a site only capitalised and after a name of their own: not after a common
# word ("the Town Hall", "the Main Gate"), nor in lower case, where a faith's or a people's
# word before them makes no name ("the Moslem church", "the Catholic church").
_NAMED_SITE_HEADS = frozenset({"hall", "church", "gardens", "gate", "metro", "airport", "fortress", "chapel"})
_SITE_WORDS = "|".join(f"{w}|{w.capitalize()}" for w in _SITE_HEADS)
# Not a possessive before the head: "the Kremlin's Great Palace" is the Kremlin's palace.
# "The Passion Monastery" opening a sentence; one lower-case word between ("the vast Moskva hotel").
_SITE = re.compile(rf"\b[Tt]he (?:[a-z]+ )?((?:[A-Z][a-z'’]*[a-z](?<!['’]s)\s){{1,2}}(?:{_SITE_WORDS}))$")
# A place's own site after its possessive, named by one or two capitalised words and a
# capitalised head: "in the Kremlin's Great Hall" (the Kremlin and its Great Hall, two places;
# "Great Hall" alone would be no name, after a common word).
_POSSESSED_SITE = re.compile(
    r"[Tt]he ([A-Z][\w’'-]*\w)['’]s ((?:[A-Z][a-z'’]*[a-z] ){1,2}(?:"
    + "|".join(w.capitalize() for w in _SITE_HEADS)
    + r"))(?![\w'’-])"
)
# What follows the owner in every match: its possessive, a space and a capital.
_POSSESSIVE_CAPITALS = tuple(f"{mark}s {c}" for mark in "'’" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def possessed_sites(text: str) -> Iterator[re.Match]:
    """`_POSSESSED_SITE.finditer(text)`, the pattern tried only where "the" or "The" and a
    space open the word before a possessive that a space and a capital follow (found by one
    scan for those, `_POSSESSIVE_CAPITALS`, none of which can overlap another): the owner's
    word holds no space, so a match opens four characters before that word, and nowhere
    else (`re` tried the pattern at every "t" and "T" of the book)."""
    starts = set()
    for at, _ in words_in(_POSSESSIVE_CAPITALS, text):
        k = at
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "_’'-"):  # the owner's word: `[\w’'-]`
            k -= 1
        if text[k - 4 : k] in ("the ", "The "):
            starts.add(k - 4)
    return textplaces.matches_from(_POSSESSED_SITE, text, sorted(starts))


# Without "the", a capitalised head after a preposition saying where: "met in Sverdlov Hall"
# (not "wrote to Jason Hall": a person's name as often).
_SITE_AFTER_CUE = re.compile(
    r"(?<![\w-])(?:in|at|outside|inside) ((?:[A-Z][a-z'’]*[a-z](?<!['’]s)\s){1,2}(?:"
    + "|".join(w.capitalize() for w in _SITE_HEADS)
    + "))$"
)
# A railway or a road named by the places it joins, a dash between them: "the Moscow-Donbass
# trunk line", "the Baikal–Amur line" (a route, as a canal is; a line named by one place is
# its administration's, a body: "the Donetsk line").
# Sought by the dash and the second name (`re` seeks the dash fast), the first read back.
_ROUTE_END = re.compile(
    r"[-–]([A-Z][a-z'’]+) (?:(?:trunk|main|railway|rail|military) )?(?:line|railway|railroad|highway|road)\b"
)
_ROUTE_WORDS = ("line", "railway", "railroad", "highway", "road")  # sought first (`pieces_holding`)
_ROUTE_START = re.compile(r"(?<![\w'’-])[A-Z][a-z'’]+$")
# A line named by one place ("the Donetsk line", "the main coal carrying Donetsk line"): a
# railway's line, run by its own administration, no mention of the place.
_LINE_AFTER = re.compile(r" line(?![\w'’-])")
# Two lines sharing the plural ("the South and North Donetsk lines", "the Omsk and Tomsk
# lines"): the name before "lines", the last of two a conjunction joins, and the first.
_LINES_AFTER = re.compile(r" lines(?![\w'’-])")
_LINES_SHARED = re.compile(r"[A-Z][\w'’-]* (?:and|or) $")
_LINES_SHARED_AFTER = re.compile(r" (?:and|or) [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)? lines(?![\w'’-])")
_LINE_OPENINGS = (" line", " and ", " or ")  # what each of the three after a name opens with (`names_a_line`)
# A hyphen and a people's adjective after a name: the name is half of an adjective.
_IN_ADJECTIVE = re.compile(r"[-–][A-Z][a-z]+(?:ian|ean|ese|ish)\b")
_HYPHENS = ("-", "–")  # what a match of `_IN_ADJECTIVE` opens with
# A lower-case word and a hyphen before a name: the name's first word is the second half of
# an adjective ("post-Soviet Russia", "pre-war", "anti-Moscow"), no place's (a name before the
# hyphen is one: "the Moscow-Leningrad line"); so after such a prefix capitalised, the way
# bodies' and meetings' names write it ("the All-Turkestan territorial party conference",
# as "All-Union", "All-Russian": of the whole country, no mention of it).
_PREFIXED = re.compile(r"(?<![\w'’-])(?:[a-z]+|All|Anti|Pan|Pro|Pre|Post|Non)-$")
# How the text before a match of `_PREFIXED` ends (`$` is also met before a last line break).
_PREFIX_ENDS = ("-", "-\n")


def prefixed(text: str, start: int) -> bool:
    """Whether a prefix and its hyphen stand right before `start` (`_PREFIXED`): the pattern
    searched only where the text before ends as its matches do, with the hyphen (most
    names of a book follow a space: a search of the characters before each for nothing)."""
    return text.endswith(_PREFIX_ENDS, 0, start) and _PREFIXED.search(text, max(0, start - 16), start) is not None


# A place and "-side": the part of a town along or across a river, or of a country along a
# river, that English names after it ("the Vyborg-side", Petrograd's district across the
# Neva; "Clyde-side", "Thames-side"), one place.
_SIDE = re.compile(r"(?<![\w'’-])([A-Z][a-z'’]+)-side(?![\w'’-])")
_SIDE_WORD = ("-side",)  # sought first (`pieces_holding`): `re` tries the look-behind at every character
# A part of a river, "of the" and a name, no capitalised word after it (that would make one
# name: "the banks of the Moskva River"): "a crossing of the Don", "the mouth of the Neva".
_RIVER_PART = re.compile(
    r"(?<![\w'’-])(?:crossings?|banks?|mouths?|estuary|delta|headwaters|sources?|tributar(?:y|ies)|"
    r"upper reaches|lower reaches) of the ([A-Z][a-z'’]+)(?![\w'’-])(?! [A-Z])"
)
# `_RIVER_PART`'s words, sought first (`pieces_holding`), each held by one of its parts
_RIVER_PART_WORDS = ("crossing", "bank", "mouth", "estuary", "delta", "headwaters", "source", "tributar", "reaches")
# Another name of a place in brackets after it: "Nizhnyi Novgorod (Gorky)".
_BRACKETED = re.compile(r"\s\(([A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+)?)\)")


# "the Black, Caspian, Baltic and White seas": names sharing a plural head.
_SHARED_HEADS = {"seas": "Sea", "rivers": "River", "oceans": "Ocean", "lakes": "Lake"}
_SHARED_HEAD = re.compile(r"\b((?:[A-Z][a-z]+, )*[A-Z][a-z]+,? and [A-Z][a-z]+) (seas|rivers|oceans|lakes)\b")


# A territory named by a place and a lower-case word for a unit ("Moscow province", "the
# Donetsk region", "the Siberian region"): one name, the unit's, not the city's. The words
# are those of `registers.PLACE_HEADS` and the profile's `[places] heads` that give a region
# or a district ("oblast", "krai" in the russian pack).
_UNIT_TYPES = ("region", "district", "republic")
_PEOPLES = re.compile(r"(?:ian|an)$")
# A unit's word may have a word of its kind before it: "the Moscow military district", "the
# Jewish autonomous region", in a name's capitals too ("the Kiev Military District").
_UNIT_QUALIFIER = re.compile(r" (?:[Mm]ilitary|[Aa]utonomous)$")
_UNIT_NAME = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)$")
# A city named after a person: where the text calls it a city or names its province.
_TOWN_NAME = re.compile(r"([A-Z][a-z'’-]+)\b")
_TOWN_UNIT_WORDS = ("province", "region", "oblast")
TOWN_UNIT_HEAD = re.compile(r" (?:" + "|".join(_TOWN_UNIT_WORDS) + r")\b")
_UNIT_NAME_LAST = re.compile(r"(?<![\w'’-])([A-Z][a-z'’-]+) (?:province|region|oblast)$")
_MIN_RENAMED = 100_000
# A country, or a city of this size under its own name, is a place wherever the text writes
# it as one alone ("Warsaw fell", "visited Vladivostok"), with no cue before it: see `bare_places`.
_MIN_BARE = 100_000
# Where a bare name stands as one of its own: not right after a capitalised word or an
# initial ("George Washington", "Mr. Lincoln") nor before one ("Berlin Wall", "Washington
# Irving"), nor opening a sentence, where any word has a capital.
_BARE_BEFORE = re.compile(r"(?:[A-Z][\w'’]*\.?|[.!?:;\"“‘'(\[—–-]|^)\s*$")
_LOWER_AFTER = re.compile(r" ([a-z]+)\b")
_BARE_AFTER = re.compile(r"\s[A-Z]|[-–][A-Za-z]|['’]s\b")
# The parts of the world English names with "the" and a capital ("the West" of the Cold War,
# "the East", "the Continent" of British usage: Europe), a lower-case word between or not
# ("the capitalist West"), a closing quotation mark after or not ("revolution in the
# East'"), not a sentence's "The" (the compass word may be an adjective there), nor before
# a capitalised word or a hyphen ("the West Bank", "the East-West divide"), nor a
# possessive ("the West's"), nor a point of the compass that shares the name after the next
# ("the East and West Indies", "the North and South Poles": no name of its own to mark, the
# West Indies one). So the two halves of the world as Europe has named them since the voyages,
# "the Old World" and "the New World", opening a sentence too ("The Old World was tough").
# (The pattern opens with its letters, which `re` seeks fast; the word boundary before
# them is tested after: `world_parts`.)
_WORLD_PART = re.compile(
    r"(?:the|The(?= (?:Old|New) World)) (?:[a-z]+ )?(West|East|Continent|(?:Old|New) World)(?![\w-]|['’]\w)(?! [A-Z])"
    r"(?! (?:and|or) (?:North|South|East|West)(?:ern)? [A-Z])"
)
# Their entries are marked only where `_WORLD_PART` finds them, on every run: read back from
# the register as names, they would be marked wherever the word is (an adjective: "from
# West and East") and a second run would mark what the first did not.
_WORLD_PART_NAMES = frozenset({"West", "East", "Continent", "Old World", "New World"})


def _states_in_names(tei, states: Collection[str], titles: Collection[str], function_words) -> list[str]:
    """Take back the marks of a state's name (`polities`) that fill an element of their own
    (a romanised word, "<foreign>Wu</foreign>") where the text around that element makes it
    a word of a longer name or a type (`polities.inside_name_beyond`: "Lord Wu", "King Yen of
    Hsü", "King Chao’s accession", "the 晉 Chin Emperor", "[Chao] Yüan-hao’s"): the pass reads
    one text node at a time and saw the name alone. The ids of the places whose marks were
    taken back, one a mark, in the book's order."""
    taken = []
    for placed in list(tei.iter(q("placeName"))):
        name, holder = placed.text or "", placed.getparent()
        if name not in states or holder is None or holder.text or len(holder) != 1 or local(holder) != "foreign":
            continue
        before = _text_before(holder)
        after = (placed.tail or "") + (holder.tail or "")
        beyond = holder.getnext()
        next_name = ""
        if (
            not placed.tail
            and holder.tail
            and not holder.tail.strip(" ]")
            and beyond is not None
            and local(beyond) == local(holder)
            and beyond.get(XML_LANG) == holder.get(XML_LANG)
        ):
            next_name = "".join(beyond.itertext())  # "[Chao] <foreign>Yüan-hao’s</foreign>"
        if polities.inside_name_beyond(before, name, after, next_name, titles, function_words) or (
            polities.names_a_house(before + name + _text_after(holder, after), len(before), len(before) + len(name))
        ):
            holder.text = name + (placed.tail or "")
            holder.remove(placed)
            taken.append(placed.get("ref", "").rpartition("#")[2])
    return taken


_BLOCKS = frozenset({"p", "note", "item", "l", "head", "cell"})


def _block_of(el):
    """The paragraph, note, item, line, heading or cell `el` stands in (a note's own, not the
    paragraph the note hangs from)."""
    for above in el.iterancestors():
        if local(above) in _BLOCKS:
            return above
    return None


def _states_as_persons(tei, states: Collection[str]) -> list[tuple[str, bool]]:
    """Turn into the person's the marks of a state's name (`polities`) that stand bare
    (`polities.stands_bare`: opening a clause, a verb after it) in a paragraph that named, before
    it, a person whose name ends in that word: a Chinese general named again by his given name
    alone ("皇甫嵩 Huang-fu Sung … but Sung turned a deaf ear to his counsel", beside "the Sung
    dynasty" and "Duke Hsiang of Sung"), the persName linked as the whole name is. The place's
    id and whether the person's mark is linked, one a mark turned, in the book's order."""
    turned = []
    persons: dict = {}  # block -> last word of a person's name -> its mark
    for el in list(tei.iter(q("persName"), q("placeName"))):
        block = _block_of(el)
        here = persons.setdefault(block, {})
        name = "".join(el.itertext()).strip()
        if local(el) == "persName":
            if name.endswith(("’s", "'s")):
                name = name[:-2]
            if " " in name:
                here[name.rsplit(" ", 1)[1]] = el
            continue
        person = here.get(name)
        if person is None or name not in states or el.text != name or len(el):
            continue
        holder = el.getparent()
        if holder is not None and local(holder) == "foreign" and not holder.text and len(holder) == 1:
            before, after = _text_before(holder), (el.tail or "") + (holder.tail or "")
        else:
            before, after = _text_before(el), el.tail
        if not polities.stands_bare(before or "", after or ""):
            continue
        mark = make_in(tei, "persName", ref=person.get("ref")) if person.get("ref") else make_in(tei, "persName")
        mark.text, mark.tail = el.text, el.tail
        el.getparent().replace(el, mark)
        turned.append((el.get("ref", "").rpartition("#")[2], bool(person.get("ref"))))
    return turned


# A feature's word after a romanised name set apart ("<foreign>I</foreign> River", "the 井陘
# <foreign>Ching-hsing</foreign> pass"), and the kind of place it names
_FEATURE_AFTER = re.compile(r" (River|river|Pass|pass)(?![\w'’-])")
_FEATURE_KINDS = {"river": "river", "pass": "pass"}
_ROMANISED_WORD = re.compile(rf"[{namewords.UPPER}][{namewords.LOWER}]*(?:-[{namewords.LOWER}]+)*")


def _features_set_apart(tei, places) -> list[tuple[str, str]]:
    """Mark as one place's name a romanised word set apart in an element of its own right after
    its own characters and before a river's or a pass's word ("the 易 I River", "the 淝 Fei
    River", "at the 濰 Wei River", "the mouth of the 井陘 Ching-hsing pass"): the river or the
    pass, its word inside the name as written, whatever the romanised word alone names
    elsewhere (Wei, a state; I, no name alone). The ids of the places whose marks of the word
    alone were taken into the feature's ("" for none), and of the features marked, one a
    feature, in the book's order."""
    out = []
    for holder in list(tei.iter(q("foreign"))):
        tail = holder.tail or ""
        feature = _FEATURE_AFTER.match(tail)
        if feature is None:
            continue
        characters = holder.getprevious()
        if characters is None or local(characters) != "foreign" or characters.tail != " ":
            continue
        if not ownscript.in_own_script(characters.text or "") or len(characters):
            continue
        word = "".join(holder.itertext())
        inner = holder[0] if len(holder) == 1 and local(holder[0]) == "placeName" else None
        if not _ROMANISED_WORD.fullmatch(word) or (len(holder) and inner is None) or (inner is not None and inner.tail):
            continue
        taken = ""
        if inner is not None:  # "<foreign><placeName>Wei</placeName></foreign> River": the state's mark
            taken = inner.get("ref", "").rpartition("#")[2]
            holder.remove(inner)
            holder.text = word
        name = word + feature.group(0)
        place = places.find(name)
        if place is None:
            block = _block_of(holder)
            said = " ".join("".join(block.itertext()).split()) if block is not None else name
            at = said.find(name)
            where = namewords.passage(said, at, at + len(name)) if at >= 0 else name
            kind = _FEATURE_KINDS[feature.group(1).lower()]
            place = places.add(name, kind, None, "named in the text", evidence=f"{_FEATURE_EVIDENCE}: {where}")
        mark = make_in(tei, "placeName", ref=f"{registers.PLACES_FILE}#{place.get(XML_ID)}")
        holder.addprevious(mark)
        mark.append(holder)  # (its tail goes with it: set again below)
        holder.tail = feature.group(0)
        mark.tail = tail[feature.end() :]
        out.append((taken, place.get(XML_ID)))
    return out


_FEATURE_EVIDENCE = "a romanised name after its own characters and before a river's or a pass's word"


_AFTER_REACH = 80  # characters read after a name for the ruling house's word of a list


def _text_after(el, tail: str) -> str:
    """The text after `el` (`tail`, its own tail) and its next siblings' texts, notes left out,
    to some characters: "<foreign>Chʽin</foreign> and <foreign>Han</foreign> dynasties"."""
    parts = [tail]
    size = len(tail)
    sibling = el.getnext()
    while sibling is not None and size < _AFTER_REACH:
        read = ("" if local(sibling) == "note" else "".join(sibling.itertext())) + (sibling.tail or "")
        parts.append(read)
        size += len(read)
        sibling = sibling.getnext()
    return "".join(parts)


def _text_before(el) -> str:
    """The text node right before `el`: its previous sibling's tail, or its parent's text."""
    previous = el.getprevious()
    if previous is not None:
        return previous.tail or ""
    parent = el.getparent()
    return (parent.text or "") if parent is not None else ""


def _place_refs(tei) -> Iterator[str]:
    return (placed.get("ref", "") for placed in tei.iter(q("placeName")))


def _mentioned(tei, tag: str, register_file: str) -> set[str]:
    """The ids of the entries of `register_file` the `tag` elements of `tei` point to."""
    prefix = f"{register_file}#"
    return {
        ref[len(prefix) :]
        for named in tei.iter(q(tag))
        for ref in (named.get("ref") or "").split()
        if ref.startswith(prefix)
    }


def _forget(ctx, kind: str, ids: set[str]) -> None:
    """Take back the entries of the `kind` register ("person", "org") this run made from the
    text whose every mention became a place ("outside Napoleon's,", "the Church of Santa Maria
    del Popolo"): an entry the book no longer mentions is none of its persons or bodies. An
    entry of the index, of an earlier run or of an editor stays."""
    reg = ctx.registers[kind]
    for ident in sorted(ids):
        entry = reg.entries.get(ident)
        if entry is not None and entry in reg.added and registers.provenance(entry) == registers.FROM_TEXT:
            reg.remove(entry)
    count = f"{kind}s"  # the report's count of the register's entries: "persons", "orgs"
    if count in ctx.report.counts:
        ctx.report.counts[count] = len(reg.entries)


def earlier_findings(reg: registers.Register, profile) -> list:
    """The entries an earlier run found in the text and left as it wrote them: the source
    note says found in the text, no editor rejected the entry or wrote a note of their own
    into it, and the profile does not list it (its places are entered on every run). A run
    finds them again by its own rules, or leaves them be (`RunPlaces`)."""
    listed = {gazetteer.fold(name) for name in profile.known_places}
    added = set(reg.added)  # not a search of the list for each entry
    return [
        place
        for place in reg.entries.values()
        if place not in added
        and registers.earlier_finding(place)
        and not any(gazetteer.fold(name) in listed for name in registers.place_names(place))
    ]


def _entered(places: registers.Places, name: str, kind: str):
    """The register's entry for a place named in the text, made if it has none (an entry is
    an element, and an element without children is false: `find(...) or add(...)` would make
    a second entry of a childless one)."""
    found = places.find(name)
    return found if found is not None else places.add(name, kind, None, "named in the text")


class RunPlaces(registers.Places):
    """The place register as this run's rules see it: an earlier run's findings in the
    text (`earlier_findings`) are out of sight until a rule finds the name again, when the
    rule gets that entry back (its id kept). Read back as names and marked wherever
    written, they would widen a rule that held only somewhere ("kept in the Temple", not
    "the Temple of Reason"): a conversion into a folder holding its own output would mark
    what the first did not. `restore` puts the unfound back, the register unchanged."""

    def __init__(self, reg: registers.Register, earlier: Collection):
        self.earlier = {place.get(XML_ID): place for place in earlier}
        for ident in self.earlier:
            del reg.entries[ident]
        self.unseen_names: dict[str, etree._Element] = {}
        self.unseen_geo: dict[str, etree._Element] = {}
        for place in earlier:
            for name in registers.place_names(place):
                self.unseen_names.setdefault(gazetteer.fold(name), place)
            for idno in place.iterchildren(q("idno")):
                if idno.get("type") == "geonames" and idno.text:
                    self.unseen_geo.setdefault(idno.text.strip(), place)
        super().__init__(reg)

    def add(self, name, kind, geo, source, origin=registers.FROM_TEXT, evidence=None):
        if self.unseen_names and self.find(name) is None:
            # as `registers.Places.add` finds an entry: by the name, else by the GeoNames
            # place's id or name; the unseen only where no entry in sight is found so
            seen, unseen = None, self.unseen_names.get(gazetteer.fold(name))
            if geo is not None:
                by_geo = geo.geonameid is not None
                seen = self.by_geo.get(str(geo.geonameid)) if by_geo else self.find(geo.name)
                if unseen is None:
                    table, key = (
                        (self.unseen_geo, str(geo.geonameid))
                        if by_geo
                        else (self.unseen_names, gazetteer.fold(geo.name))
                    )
                    unseen = table.get(key)
            if seen is None and unseen is not None:
                self._reveal(unseen)
        return super().add(name, kind, geo, source, origin, evidence)

    def _reveal(self, place) -> None:
        self.reg.entries[place.get(XML_ID)] = place
        for table in (self.unseen_names, self.unseen_geo):
            for key in [key for key, entry in table.items() if entry is place]:
                del table[key]
        self._learn(place)

    def restore(self) -> None:
        """Every entry back in the register's lookup, in the register's order."""
        entries = self.reg.entries
        if self.earlier:
            order = [place.get(XML_ID) for place in self.reg.root.iter(q("place"))]
            merged = {**entries, **self.earlier}
            entries.clear()
            entries.update({ident: merged[ident] for ident in order if ident in merged})
            entries.update(merged)


# The two parts of the world paired without "the" after "from" or "between" ("intervention
# from West and East", "between East and West"): each a part of the world, as "the West" is;
# not before a capitalised word ("from East and West Prussia"). After "the", the first is
# `_WORLD_PART`'s, the second this one's ("Ye monarchs, take the East and West").
_WORLD_PAIR_FIRST = re.compile(r"(?:from|between) (West|East) and (?:East|West)(?![\w-]|['’]\w)(?! [A-Z])")
_WORLD_PAIR_SECOND = re.compile(r"(?:from|between|the) (?:West|East) and (East|West)(?![\w-]|['’]\w)(?! [A-Z])")
# Each with the words its matches open with: the pattern tried only where one is written
# (`occurrences`, every place, those inside another too: "the West" in "from Westhe West"),
# not by `re` at every position of the book.
_WORLD_PAIRS = (
    (_WORLD_PAIR_FIRST, [f"{w} {part}" for w in ("from", "between") for part in ("West", "East")]),
    (_WORLD_PAIR_SECOND, [f"{w} {part}" for w in ("from", "between", "the") for part in ("West", "East")]),
)

# What a text must hold for `world_parts` to find anything in it (each of its patterns names one).
_WORLD_WORDS = ("West", "East", "Continent", "Old World", "New World")


def world_parts(text: str) -> Iterator[re.Match]:
    """The matches of `_WORLD_PART` that begin a word ("the West", not "Lathe West"), and of
    the two parts paired (`_WORLD_PAIR_FIRST`, `_WORLD_PAIR_SECOND`: "from West and East",
    the two names each a match, group 1)."""
    # only the pieces between blank lines that name a part (`pieces_holding`): tried at the
    # book's every "the ", the pattern took 2 ms of the bundled book
    for m in pieces_holding(_WORLD_PART, _WORLD_WORDS, text):
        if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-"):
            yield m
    for pattern, words in _WORLD_PAIRS:
        starts = sorted({at for written in occurrences(words, text) for at in written})
        for m in textplaces.matches_from(pattern, text, starts):
            before = text[m.start() - 1] if m.start() else " "
            if not (before.isalnum() or before in "_-") and m.group(0).count("West") == 1:
                yield m


_LOCATIVE_BEFORE = re.compile(r"(?<![\w-])(?:in|at|near|In|At|Near|city of|town of) $")
# Words before "in" or "at" whose object is a person: "faith in Kirov", "looked at Kalinin".
_PERSON_OBJECT_BEFORE = re.compile(
    r"\b(?:faith|confidence|belief|believed|trust|trusted|interest|pride|hopes?|delight|disappointment|disappointed"
    r"|looked|glanced|stared|shouted|laughed|smiled|aimed|directed|pointed|angry|furious) (?:in|at) $",
    re.I,
)
_NOT_TOWN_AFTER = re.compile(r"['’]s?\b| [A-Z]")
# "the Krasnopresnensky district", "the Black Earth region": "the" and one or two capitalised words;
# or a preposition of place where English leaves the article out before a unit's name ("Tovarkovo
# in Tul'sk province", "a town in Tadzhik SSR").
_UNIT_AFTER_THE = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Ii]n|[Aa]t|[Nn]ear) ([A-Z][a-z'’]+(?:[-–][A-Z][a-z'’]+)?(?: [A-Z][a-z'’]+)?) $"
)


# A place's name in apposition to a word for a town, between commas or dashes: "the
# capital – Piter – made an impression", "the port, Odessa, was". Sought by the words'
# letters; the word boundary before them tested after (`_appositions`).
_APPOSITION = re.compile(r"(?:capital|city|town|village|port)(?:,| –| —) ([A-Z][a-z'’]+)(?=,| –| —)")
_APPOSITION_WORDS = ("capital", "city", "town", "village", "port")
# Their openings, each word and what follows it, in the book's scan (`apposition_matches`).
_APPOSITION_OPENINGS = tuple(f"{word}{mark}" for word in _APPOSITION_WORDS for mark in (",", " –", " —"))


def apposition_matches(text: str) -> Iterator[re.Match]:
    """`_APPOSITION.finditer(text)`, the pattern tried only where the text writes one of its
    openings (`_APPOSITION_OPENINGS`, found by the book's scan): not in every piece of the
    book that holds a "port" or a "town" (most of them: "important", "support")."""
    starts = sorted({at for _, at, _ in find_words(_APPOSITION_OPENINGS, text, overlapping=True)})
    return textplaces.matches_from(_APPOSITION, text, starts)


# A place the text says what it is of, in apposition after it: "Kabany, a village near
# Chernobyl", "the Conciergerie, a prison situated on the island". Sought by ", a " (fast for
# `re`), the name read back; the word after the kind's must not go on with a noun ("Smith, a
# village blacksmith", "Jones, a town councillor": a person's trade).
_KIND_AFTER = {
    "village": "settlement", "town": "settlement", "hamlet": "settlement", "settlement": "settlement",
    "city": "city", "port": "city", "suburb": "district", "district": "district", "province": "region",
    "region": "region", "river": "river", "island": "island", "prison": "site", "fortress": "site",
    "palace": "site", "castle": "site", "monastery": "site", "cathedral": "site",
}  # fmt: skip
_APPOSED_KIND = re.compile(
    r", an? (?:[a-z]+ )?(" + "|".join(_KIND_AFTER) + r")(?=[,.;:)]| (?:near|in|on|of|at|by|north|south|east|west"
    r"|situated|where|which|that|some|about|with|close|outside|not|then|founded|built|lying|famous)\b)"
)
_APPOSED_NAME = re.compile(r"(?<![\w'’.-])([A-Z][a-zß-ÿ'’]+(?:[ -][A-Z][a-zß-ÿ'’]+)?)$")


def _apposed_kinds(text: str) -> Iterator[tuple[str, str, int]]:
    """(name, type, where it begins) for each place named before an apposition saying what
    it is ("Kabany, a village near Chernobyl"); the name not opening a sentence unless
    "the" comes before it ("The Conciergerie, a prison")."""
    for m in _APPOSED_KIND.finditer(text):
        n = _APPOSED_NAME.search(text, max(0, m.start() - 40), m.start())
        if n is None:
            continue
        before = text[max(0, n.start() - 4) : n.start()]
        if n.start() and not before.endswith((" ", "(", "\n")):
            continue
        if initial(text, n.start()) and not before.endswith(("the ", "The ")):
            continue  # "Smith, a town he knew": a sentence's first word may be anything's
        yield n.group(1), _KIND_AFTER[m.group(1)], n.start()


# Places of a kind the text names in a list after the kind's plural: "villages in the Kuban,
# including Poltavskaya, Medvedovskaya, Urupskaya and Bagaevskaya", "towns such as Tula,
# Kolomna and Kaluga". Sought by the words that open the list (fast for `re`), the kind read back.
_KINDS = {
    "villages": "settlement", "towns": "settlement", "settlements": "settlement", "hamlets": "settlement",
    "cities": "city", "ports": "city", "provinces": "region", "regions": "region", "counties": "region",
    "republics": "country", "countries": "country", "islands": "island",
}  # fmt: skip
_KIND_BEFORE = re.compile(r"\b(" + "|".join(_KINDS) + r")\b[^.;:!?()]{0,40}$")
_NAMES_AFTER_KIND = re.compile(
    r"(?:including|such as|notably) ((?:[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?, )*[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?,? "
    r"(?:and|or) [A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)(?![\w'’-])"
)
_KIND_ITEM = re.compile(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?")
_KIND_LIST_WORDS = ("including ", "such as ", "notably ")


def _names_after_kind(text: str) -> Iterator[re.Match]:
    """The matches of `_NAMES_AFTER_KIND`, in order: tried where its words are written (a
    pattern opening with their alternatives is tried at every position of the book)."""
    starts = [  # found by the book's scan (`wordscan`), not a search of the whole book for each
        at
        for _, at, _ in find_words(_KIND_LIST_WORDS, text, overlapping=True)
        if at == 0 or not _word_char(text[at - 1])
    ]
    for at in sorted(starts):
        m = _NAMES_AFTER_KIND.match(text, at)
        if m:
            yield m


def _kinds_listed(text: str) -> Iterator[tuple[str, str]]:
    """(name, type) for each name of a list "and" or "or" closes after "including", "such
    as" or "notably", where a plural word for places comes shortly before ("villages in the
    Kuban, including Poltavskaya ... and Bagaevskaya"; "towns such as Tula ... and Kaluga"):
    each a place of that kind, as the text says, though no gazetteer knows it."""
    for m in _names_after_kind(text):
        kind = _KIND_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if kind is not None:
            for item in _KIND_ITEM.finditer(m.group(1)):
                yield item.group(0), _KINDS[kind.group(1)]


# A list closed by "and other" and a plural word for places, adjectives between: "at Lyons,
# Aix, Toulon, Marseilles, and other towns", "Tobago, St. Martinique, Guadaloupe, and other
# French West Indian islands": each name of it a place of that kind, as the text says.
_OTHER_KINDS = {**_KINDS, "states": "country", "departments": "region", "places": "place"}
_OTHER_ITEM = r"(?:St\.? |Saint )?[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*(?: [A-Z][^\W\d_]+)?"
_LIST_OF_OTHERS = re.compile(
    rf"(?<![\w'’.-])((?:{_OTHER_ITEM}, )+{_OTHER_ITEM}),? (?:and|or) other (?:[A-Za-z-]+ ){{0,3}}"
    rf"({'|'.join(_OTHER_KINDS)})(?![\w'’-])"
)
_OTHER_KIND_WORD = re.compile("|".join(_OTHER_KINDS))  # `_LIST_OF_OTHERS`' plural words, anywhere
_OTHERS_WORDS = (" and other ", " or other ")  # what `kinds_before_others` seeks, each place of each


def kinds_before_others(text: str) -> Iterator[tuple[str, str]]:
    """(name, type) for each name of a list closed by "and other" and a plural word for
    places (`_LIST_OF_OTHERS`: "Lyons, Aix, Toulon, Marseilles, and other towns"): places of
    that kind, though no gazetteer knows them (Aix). Sought by "and other"/"or other" (every
    place of each, from the book's scan: `book_word_lists`; two `str.find` loops through the
    book took a millisecond), and only where a plural word for places follows in the reach
    of the pattern (`re` tried it at each of the 200 characters before "and other things")."""
    where: list[list[int]] = [[] for _ in _OTHERS_WORDS]
    for index, at, _ in find_words(_OTHERS_WORDS, text, overlapping=True):
        where[index].append(at)
    for starts in where:
        for at in starts:
            if _OTHER_KIND_WORD.search(text, at, at + 60) is None:
                continue  # no match ends by `at + 60` with its plural word after `at`
            m = _LIST_OF_OTHERS.search(text, max(0, at - 200), at + 60)
            while m is not None and m.end() <= at + 60:
                if m.start(2) > at:
                    for item in m.group(1).split(", "):
                        first, _, rest = item.partition(" ")
                        if rest and first.lower() in _FUNCTION_WORDS:  # "At Perpignon, Tarn, ...": Perpignon
                            item = rest
                        yield item, _OTHER_KINDS[m.group(2)]
                    break
                m = _LIST_OF_OTHERS.search(text, m.end(), at + 60)


def add_kinds_before_others(
    places: registers.Places, text: str, not_names: Collection[str], lowercase: Collection[str]
) -> None:
    """The places of `kinds_before_others` into the register: not a name of `not_names`
    (persons', the profile's), nor a word the book writes in lower case, nor an adjective."""
    for name, kind in kinds_before_others(text):
        if name in not_names or name.lower() in lowercase or _ADJECTIVE.search(name):
            continue
        if places.find(name) is None:
            geo = gazetteer.lookup_romanised(name, everything=True)
            places.add(name, geo.type if geo else kind, geo, "named in the text")


# A place named, in quotation marks, as a second one of another: "the 'Second Baku' of the
# East" (the oil fields between the Volga and the Urals), "the 'Third Rome'": a place of its own.
_NICKNAME_WORDS = ("Second", "Third", "Another", "New")
_NICKNAME = re.compile(r"['‘](?<![\w'’].)((?:" + "|".join(_NICKNAME_WORDS) + r") [A-Z][a-z]+)(?= of |['’])")


def _words_before_initials(text: str) -> set[str]:
    """The words `_BEFORE_INITIAL.findall(text)` gives, as a set: found from the initials'
    stops (`_INITIAL_STOP`), the word read back from the space before each (its letters
    stripped off the end of what comes before, in C). The pattern, opening with a capital, was
    tried at every capital of the book; its matches cannot overlap (a word's letters hold no
    stop), so each initial after a word is one of them."""
    found = set()
    for m in _INITIAL_STOP.finditer(text):
        stop = m.start()
        space = stop - 2 if "A" <= text[stop - 1] <= "Z" else stop - 3  # "W." or "Ya."
        reach = max(0, space - _WORD_REACH)
        start = reach + len(text[reach:space].rstrip(_WORD_LETTERS))
        while start == reach and reach > 0:  # a word longer than the reach: read further back
            reach = max(0, reach - _WORD_REACH)
            start = reach + len(text[reach:space].rstrip(_WORD_LETTERS))
        capital = start - 1
        if (
            start < space
            and capital >= 0
            and "A" <= text[capital] <= "Z"
            and (capital == 0 or not ((before := text[capital - 1]).isalnum() or before == "_"))
        ):
            found.add(text[capital:space])
    return found


def after_cue(text: str) -> Iterator[re.Match]:
    """`_AFTER_CUE.finditer(text)`, the pattern tried only where a cue, a space ("the" and a
    space perhaps) and a capital are written (`textplaces.cued_openings`): `re` tried it at
    each of the many letters a cue opens with, the slowest scan of the pass."""
    openings = textplaces.cued_openings(text, _CUES, ("the",), _NAME_CAPITALS)
    return textplaces.matches_from(_AFTER_CUE, text, openings)


def cued_names(text: str, lowercase_words: Counter) -> tuple[Counter, Counter, Counter, Counter, Counter, Counter]:
    """The names `discover` reads after cues (`after_cue`), and in the lists they head
    (`_listed`), counted: how often each is written so (seen); after a preposition of place
    or "the town of" (strong); right after a preposition of place, without "the" ("in
    Martynovich": settled); of those, right after "at" or "near" ("at Khalkhin Gol":
    located); after "the", before a lower-case word ("at the Proletarsky ... workshop":
    qualifying); before a lower-case word, as an adjective ("and Roman gods": attributive).

    What most cues' names are not asked: `_PLACE_NOUN` searched before a weak cue only where
    the window it is searched in ends with one of its nouns, "of" and spaces (read back in
    C: "and" ends the window of "and Stalin", "the works of" that of "of Tolstoy"); a list
    sought after a name only where a comma, or a space and "and" or "or", follows it (one
    name in twenty heads one)."""
    seen: Counter = Counter()
    strong: Counter = Counter()
    settled: Counter = Counter()
    located: Counter = Counter()
    qualifying: Counter = Counter()
    attributive: Counter = Counter()
    seen_get = seen.get  # (a name counted anew not handed to Counter's `__missing__`, in Python)
    listed: set[int] = set()  # where a name a list gave its cue begins: not counted again after its "and"
    for m in after_cue(text):
        cue, the, name, follows = m.groups()
        if m.start(3) in listed:
            continue
        if name[-1] in "'’":
            name = _unquoted(name)
        elif name.endswith(("'s", "’s")) and " " not in name:
            name = name[:-2]  # "to Baku's oil fields": Baku, the possessive outside
        if the and follows in _SITE_HEADS:
            continue  # "in the Astoria hotel", "at the Yaroslavl station": a building's name
        seen[name] = seen_get(name, 0) + 1
        if follows and follows not in registers.PLACE_HEADS:
            if the:
                qualifying[name] += 1
            if follows not in _FUNCTION_WORDS and follows not in _PREPOSITIONS and not _PAST_TENSE.fullmatch(follows):
                attributive[name] += 1
            if the or lowercase_words.get(follows, 0) < _COMMON:
                continue  # "at the Mercury factory"; "to Staraya ploshchad", "in Nash sovremennik": a foreign word
        if cue not in _WEAK_CUES:
            is_strong = True
        else:  # the window `_PLACE_NOUN` is searched in must end with one of its nouns, "of" and spaces
            at = m.start()
            window = text[max(0, at - 20) : at + 3].rstrip()
            is_strong = (
                window.endswith("of")
                and window[:-2].rstrip().endswith(_PLACE_NOUN_WORDS)
                and _PLACE_NOUN.search(text, max(0, at - 20), at + 3) is not None
            )
        if is_strong:
            strong[name] += 1
            if not the and cue not in _WEAK_CUES:
                settled[name] += 1
                if cue in ("at", "near", "At", "Near"):
                    located[name] += 1
        end = m.end(3)
        if text.startswith(",", end) or text.startswith(_LIST_CLOSES, end + 1):  # what `_LIST` opens with
            for item, at in _listed(text, end, lowercase_words):
                listed.add(at)
                seen[item] = seen_get(item, 0) + 1
                strong[item] += 1 if is_strong else 0
    return seen, strong, settled, located, qualifying, attributive


def _appositions(text: str) -> Iterator[re.Match]:
    for m in apposition_matches(text):
        if m.start() == 0 or not text[m.start() - 1].isalnum():
            yield m


def _listed(text: str, end: int, lowercase_words: Counter) -> list[tuple[str, int]]:
    """The names that follow a cue's name ending at `end` in a list "and" or "or" closes,
    with where each begins: they share its cue ("in Kharkov, Dnepropetrovsk and Zaporozhe").
    None where the last is a word before a lower-case word the book hardly uses (a foreign
    phrase) or after "the" ("and the Mercury factory"), as for a cue's own name."""
    m = _LIST.match(text, end)
    if m is None:
        return []
    last, follows = m.group(3), m.group(4)  # (group 2 is an item of the list's body, group 1)
    if follows and follows not in registers.PLACE_HEADS:
        if text.startswith("the", m.start(3) - 4) or lowercase_words.get(follows, 0) < _COMMON:
            return []
    items = [(i.group(1), i.start(1)) for i in _LIST_ITEMS.finditer(m.group(1))]
    items = [(name, m.start(1) + at) for name, at in items]
    return [*items, (last, m.start(3))]


def _first_word_names(text: str) -> list[re.Match]:
    """The matches of `_FIRST_WORD` in `text`, in order: the words found in one scan
    (Aho-Corasick), the pattern tried only there (tried at every position, or each word
    sought by `str.find`, it took a tenth of a second of the bundled book)."""
    found = []
    for _, at, _ in find_words(_FIRST_WORDS, text, overlapping=True):
        m = _FIRST_WORD.match(text, at) if at == 0 or not text[at - 1].isalnum() else None
        if m:
            found.append(m)
    return found


# every match, by where it ends, the longest of those ending together first (as
# pyahocorasick gave them)
_FIRST_WORDS = tuple(word + " " for word in _FIRST_WORD_TYPES)


def units(text: str, keys: dict, heads: dict[str, str]):
    """The names of territorial units in `text`: (name, type, the place it names) for each
    place of `keys` (a register's names), or a people's adjective of one ("Siberian"),
    written before a unit's word ("Moscow province", "Moscow Province"), not inside a longer
    capitalised name. The units' words are found first (a scan for a space and a word), then
    the name before each."""
    forms = _unit_forms(heads)
    if not forms:
        return
    unit = re.compile(" (" + "|".join(forms) + r")\b(?! [A-Z])")
    for h in _after_spaces(unit, text, forms):
        qualified = _UNIT_QUALIFIER.search(text, max(0, h.start() - 12), h.start())
        before = qualified.start() if qualified else h.start()
        m = _UNIT_NAME.search(text, max(0, before - 60), before)
        if m is None:
            continue
        name, head = m.group(1), h.group(1).lower()
        place = keys.get(name)
        if place is None and _PEOPLES.search(name):  # "the Siberian region": Siberia's
            stem = name[:-1] if name.endswith("ian") else name[:-2]
            place = keys.get(stem + "a")
            if place is None:  # an element without children is false: test for None, not truth
                place = keys.get(stem)
        if place is None:
            name = name.split()[-1]  # "In Moscow province": the last word alone
            place = keys.get(name)
        if place is not None and place.get("type") not in ("country", "continent", "sea", "river", "ocean"):
            yield f"{name}{qualified.group(0) if qualified else ''} {h.group(1)}", heads[head], place


def _unit_forms(heads: dict[str, str]) -> tuple[str, ...]:
    """The words of `units`: each unit's word of `heads` in lower case, capitalised, in capitals."""
    words = sorted(w for w, kind in heads.items() if kind in _UNIT_TYPES)
    return tuple(dict.fromkeys(form for w in words for form in (w, w.capitalize(), w.upper())))


# A unit named by a people's word and "autonomous" ("the Jewish autonomous region"), the
# place it is "of" after it ("the Jewish autonomous region of Birobidzhan"): one name.
_AUTONOMOUS_UNIT = re.compile(
    r"(?<=\b[Tt]he )([A-Z][a-z]+(?: [A-Z][a-z]+)?) [Aa]utonomous (?:region|republic|province|oblast|okrug|district|"
    r"territory|Region|Republic|Province|Oblast|Okrug|District|Territory)\b(?: of ([A-Z][\w'’-]+)(?![\w'’-]| [A-Z]))?"
)


_AUTONOMOUS_WORDS = ("autonomous ", "Autonomous ")  # sought first (`pieces_holding`)


def autonomous_units(text: str, keys: dict) -> Iterator[tuple[str, object]]:
    """(name, the place of `keys` it is of, or None) for each unit named by a people's word
    and "autonomous" after "the" (`_AUTONOMOUS_UNIT`): "the Jewish autonomous region of
    Birobidzhan", Birobidzhan's name as a unit; "the Jewish autonomous region" alone, a
    region of its own. Not a name whose first word is a place of `keys` ("the Moscow
    autonomous region": `units`), nor one "of" a name that is none."""
    for m in pieces_holding(_AUTONOMOUS_UNIT, _AUTONOMOUS_WORDS, text):
        if m.group(1) in keys or m.group(1).split()[0] in keys:
            continue
        if m.group(2) is None:
            yield m.group(0), None
        elif (place := keys.get(m.group(2))) is not None and not isinstance(place, str):
            yield m.group(0), place


# A region named by two points of the compass, joined by a hyphen, before a place: "South-Eastern
# Europe", "North-West Africa" (not "Eastern Europe", the name's last words).
_COMPASS_COMPOUND = re.compile(r"(?<![\w'’-])(?:North|South)-((?:East|West)(?:ern)? [A-Z][a-z]+)\b(?![\w'’-]| [A-Z])")


_COMPASS_COMPOUND_WORDS = ("-East", "-West")  # sought first (`pieces_holding`)


def compass_compounds(text: str, keys: dict) -> list[str]:
    """The regions named by two points of the compass before a place of `keys` ("South-Eastern
    Europe", where "Eastern Europe" is one), each once, in the order of the text. Sought by
    the hyphen's word after it."""
    found: dict[str, None] = {}
    for m in pieces_holding(_COMPASS_COMPOUND, _COMPASS_COMPOUND_WORDS, text):
        place = keys.get(m.group(1))
        if place is not None and not isinstance(place, str):
            found.setdefault(m.group(0))
    return list(found)


# A word English writes capitalised before a place's name to make the name of another place,
# a part of it or one named after it ("Lower Silesia", "New England", "Old Serbia", "the West
# India Islands", "Great Britain"): the place after it is no mention of its own where the
# register holds no such whole (which the matcher, longest first, marks whole). Not "Near" nor
# "Far", which open sentences as prepositions ("Near Wimbledon he had a glimpse").
_QUALIFIERS = frozenset(
    "New Old Upper Lower North South East West Northern Southern Eastern Western Central Middle"
    " Great Little Greater Lesser Inner Outer".split()
)
# A qualifier and the white space after it, right before the end of the text searched (`qualified`).
_QUALIFIER_BEFORE = re.compile(r"(?<![\w'’‐-])(?:" + "|".join(sorted(_QUALIFIERS)) + r")\s\Z")
_LONGEST_QUALIFIER = max(map(len, _QUALIFIERS))


def qualified(text: str, start: int) -> bool:
    """Whether a word of `_QUALIFIERS`, a white space after it, stands right before `start`
    ("the trim New England landscape", "the West India Islands"): sought in the few characters
    before `start` only (asked at every place matched)."""
    return text[start - 1 : start].isspace() and (
        _QUALIFIER_BEFORE.search(text, max(0, start - _LONGEST_QUALIFIER - 1), start) is not None
    )


# Where a sea's or an ocean's adjective alone names it (`seas_by_adjective`): after "the", before a
# punctuation mark or the text's end ("the Adriatic.", "in the Mediterranean;").
_SEA_ALONE_ENDS = re.compile(r"(?=[.,;:!?)\]—–]|$)")


def seas_by_adjective(lowercase: Collection[str]) -> dict[str, str]:
    """The adjectives that name a sea or an ocean of the gazetteer's own list alone, English
    writing "the Adriatic", "the Mediterranean", "the Atlantic" for the Adriatic Sea, ..., each
    to the sea's whole name: not a word the book writes in lower case ("the Black", "the
    White": a colour's word, a person's, a party's), a point of the compass ("the North"), nor a
    people's word ("the Indian", "the Irish": of India, Ireland). Marked only where `_SEA_ALONE_ENDS`
    follows "the" and the word: elsewhere the word qualifies a fleet, a coast or a charter ("the
    Baltic fleet", "the Atlantic coast", "the Atlantic Charter")."""
    out: dict[str, str] = {}
    for name, geo in gazetteer.known().items():
        words = name.split()
        if len(words) != 2 or words[1] not in ("Sea", "Ocean") or geo.type not in ("sea", "ocean"):
            continue
        adjective = words[0]
        if (
            adjective in _QUALIFIERS
            or adjective.lower() in lowercase
            or adjective.endswith("ish")
            or (adjective.endswith("an") and gazetteer.lookup(adjective[:-1]) is not None)
        ):
            continue
        out.setdefault(adjective, name)
    return out


# What may follow a compass region's name where the text writes it as a noun (`compass_regions`):
# a punctuation mark, the text's end, or a lower-case word; the word's kind is told after.
_COMPASS_FOLLOWS = re.compile(r"(?:[ \n]([a-z]+)(?![\w'’-])|(?=[.,;:!?)\]—–]|['’]s\b|$))")
_COMPASS_LANDS = ("country", "continent", "state", "region")


def compass_regions(text: str, keys: dict, function_words: Collection[str]) -> list[str]:
    """Regions named by a point of the compass, or "Upper", "Lower", "Central", before a country, a
    state, a continent or a region of `keys` ("Northern France", "Lower Silesia", "Western
    Galicia", "Central Africa"): each the name of a part of that place, where the text writes it
    once at least as a noun, before a punctuation mark, a function word, a preposition or a verb
    in the past ("in Northern France)", "deposits of Western Galicia which"), and never before
    another capitalised word (not "the West India Islands", "the West India islands": "West India"
    is no part of India, and where the words go on it is a longer name's). Each once, in the order
    of the text."""
    as_noun: dict[str, None] = {}
    longer: set[str] = set()
    for m in matches_at_words(_COMPASS, text, _COMPASS_WORDS):
        name, base = m.groups()
        place = keys.get(base)
        if name in keys or place is None or isinstance(place, str) or place.get("type") not in _COMPASS_LANDS:
            continue
        follows = _COMPASS_FOLLOWS.match(text, m.end())
        if follows is None:
            longer.add(name)  # another capitalised word, a hyphen, a digit after it
        elif (word := follows.group(1)) is None or (
            word in function_words or word in _PREPOSITIONS or _PAST_TENSE.fullmatch(word)
        ):
            as_noun.setdefault(name)
    return [name for name in as_noun if name not in longer]


@lru_cache(maxsize=1)
def _ranges_of() -> tuple[re.Pattern, tuple[str, ...]]:
    """`ranges_of`'s pattern, made of the mountain ranges of the gazetteer's own list, and the
    words its matches open with (`matches_at_words`)."""
    ranges = sorted((name for name, geo in gazetteer.known().items() if geo.type == "mountains"), key=len, reverse=True)
    names = "|".join(map(re.escape, ranges)) or "(?!)"
    return re.compile(rf"(?:{names}) of ([A-Z][^\W\d_]+)(?![\w'’‐-]| [A-Z])"), tuple(f"{r} of " for r in ranges)


def ranges_of(text: str, keys: dict) -> list[str]:
    """A mountain range of the gazetteer's own list named by the land it stands in, "of" between,
    where that land is a place of `keys` ("the Alps of Dauphiné", "the Andes of Peru"): one name,
    the range's part there, not the range and the land as two marks. Each once, in the order of
    the text."""
    pattern, words = _ranges_of()
    found: dict[str, None] = {}
    for m in matches_at_words(pattern, text, words):
        place = keys.get(m.group(1))
        if place is not None and not isinstance(place, str):
            found.setdefault(m.group(0))
    return list(found)


# A state's formal name, its word first: "the State of New York", "THE STATE OF NEW YORK".
_STATE_OF = re.compile(r"(?<![\w'’-])(?:State of|STATE OF) ([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)(?![\w'’-])")
_STATE_OF_WORDS = ("State of ", "STATE OF ")  # sought first (`pieces_holding`)
_STATE_TYPES = ("state", "region", "country")


def formal_names(text: str, keys: dict) -> dict[str, object]:
    """A state's formal name, "State of" and a state, a region or a country of `keys` ("the
    State of New York", "THE STATE OF NEW YORK"): one name of that place. Not "the State of
    Europe" (a continent: the state of things there)."""
    found: dict[str, object] = {}
    for m in pieces_holding(_STATE_OF, _STATE_OF_WORDS, text):
        place = keys.get(m.group(1))
        if place is not None and not isinstance(place, str) and place.get("type") in _STATE_TYPES:
            found.setdefault(m.group(0), place)
    return found


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"


# Markers among the matcher's keys of names marked only in some contexts (`apply`).
_HEAD_ALONE = "a site's head alone"
_TOWN = "a town named after a person"
_BUILDING = "a building's head alone"
_LOCATED = "an index heading named like an establishment, a place where the text locates something at it"
_SEA = "a sea's or an ocean's name without its head"
# What makes a site's head alone part of another name: a letter, a hyphen, a possessive or
# a capitalised word after it ("Metro-Vickers", "the Metro Vickers"); not a quotation's
# close ("under the slogan 'All Moscow builds the Metro'").
_MID_SENTENCE = re.compile(r"[a-z,] $")  # a lower-case word or a comma, and a space, before a word
_NOT_ALONE_AFTER = re.compile(r"[\w-]|['’]\w| [A-Z]")


def _after_the(text: str, start: int) -> bool:
    """Whether "the" (or "The") stands right before `start` as a word of its own."""
    return text[start - 4 : start] in ("the ", "The ") and not (start > 4 and _word_char(text[start - 5]))


def _a_places(site: str, keys: dict) -> bool:
    """Whether a site's name opens with a place's of the matcher's `keys` ("Moscow Metro")."""
    first = keys.get(site.split()[0])
    return first is not None and not isinstance(first, str)


def the_head_alone(head: str) -> re.Pattern:
    """ "the" and a site's head, alone ("the Metro"; not "the Metro-Vickers", "the Metro
    Vickers", "the Metros"): "the" at a word's start (`\\bthe`), tested after it (`the(?<!\\wthe)`),
    so that `re` seeks the words' letters at once, not trying the pattern at every position
    of the book."""
    return re.compile(rf"the(?<!\wthe) {head}(?![\w'’-]| [A-Z])")


def written_twice(pattern: re.Pattern, opening: str, text: str) -> bool:
    """`len(pattern.findall(text)) >= 2` for a pattern whose every match opens with `opening`
    and holds no other place where it opens (its matches cannot overlap): tried where
    `str.find` finds the opening, until two match (`re` sought each "the" of the book)."""
    found = 0
    at = text.find(opening)
    while at >= 0:
        if pattern.match(text, at) is not None:
            found += 1
            if found == 2:
                return True
        at = text.find(opening, at + 1)
    return False


def sites_by_head(reg: registers.Register, rejected: Collection) -> dict:
    """The sites of the register that a capitalised head ends, of two words ("Moscow Metro",
    "Bolshoi Theatre"), by that head ("Metro"), where no other site of the register has it:
    "the Metro" names that one ("the opening of the Metro"). Not a head two sites share
    ("the Hall" of the October Hall and the Sverdlov Hall: which one?)."""
    found: dict[str, list] = {}
    for place in reg.entries.values():
        if place in rejected:
            continue
        for name in registers.place_names(place):
            words = name.split()
            if len(words) == 2 and words[1][:1].isupper() and words[1].lower() in _SITE_HEADS:
                found.setdefault(words[1], []).append(place)
    return {head: ps[0] for head, ps in found.items() if len({id(p) for p in ps}) == 1}


# A region named by a plural word for the states in it: the index's "Baltic states" are the
# text's "Baltic republics" and "Baltic countries", one region.
_REGION_PLURALS = ("states", "republics", "countries")
# A unit's word after a point of the compass: the index's "Far East territory" is the text's
# "Far Eastern territory", the compass's adjective before the unit's word.
_COMPASS_ADJECTIVES = {"East": "Eastern", "West": "Western", "North": "Northern", "South": "Southern"}


def other_forms(name: str) -> set[str]:
    """The other forms in which a text writes the register's place `name`, beyond its
    spellings: a site named head first ("Church of Christ the Saviour", "Palace of Soviets")
    with its head in lower case ("the cathedral church of Christ the Saviour"); a region named
    by a plural word for states ("Baltic states") with another ("the Baltic republics"); a
    unit after a point of the compass ("Far East territory") with the compass's adjective
    ("Far Eastern territory"), its word in either case ("Far Eastern Territory")."""
    words = name.split(" ")
    if len(words) < 2:
        return set()
    out = set()
    if words[0].lower() in _SITE_HEADS and words[0][0].isupper() and words[1] == "of" and len(words) > 2:
        out.add(" ".join((words[0].lower(), *words[1:])))
    if words[-1] in _REGION_PLURALS and words[-2][:1].isupper():
        out.update(" ".join((*words[:-1], other)) for other in _REGION_PLURALS)
    head = words[-1].lower()
    if registers.PLACE_HEADS.get(head) == "region" and words[-2] in _COMPASS_ADJECTIVES:
        bases = (" ".join(words[:-1]), " ".join((*words[:-2], _COMPASS_ADJECTIVES[words[-2]])))
        out.update(f"{base} {form}" for base in bases for form in (head, head.capitalize()))
    out.discard(name)
    return out


# Buildings a text may name by their capitalised head alone, after "the", where it has one
# building in mind ("imprisoned in the Temple", "at the Abbey a dozen men", "on the
# Mausoleum"): after a preposition of place, and before punctuation or a function word (not
# "the Temple of Reason", a longer name, nor "the Castle wa'", the head as an adjective).
_BUILDING_HEADS = ("Abbey", "Castle", "Cathedral", "Citadel", "Mausoleum", "Palace", "Temple", "Tower")
_BUILDING_CUE = re.compile(
    r"(?<![\w-])(?:[Ii]n|[Aa]t|[Oo]n|[Ii]nto|[Ff]rom|[Tt]o|[Nn]ear|[Ii]nside|[Oo]utside|[Ww]ithin|[Bb]ehind|[Bb]eside)"
    r" the $"
)
_BUILDING_END = re.compile(
    r"(?=[,.;:!?)]|$| (?:and|or|a|an|the|was|were|is|had|has|where|which|with|in|at|on|to|for|by|from|until)\b)"
)
# Opening with a literal, not `\b`, it is sought by `re`'s fast scan for "the ", not tried at
# every character (15 ms of the bundled book's pass): the cue `building_alone` asks for holds
# a space right before "the", so where a word character stands before it, nothing is taken.
_BUILDING_ALONE = re.compile(rf"the ({'|'.join(_BUILDING_HEADS)})\b")


def building_alone(text: str, start: int, end: int) -> bool:
    """Whether the head of `_BUILDING_HEADS` at `start` names one building there (`_BUILDING_CUE`
    before it, `_BUILDING_END` after)."""
    return (
        _BUILDING_CUE.search(text, max(0, start - 16), start) is not None and _BUILDING_END.match(text, end) is not None
    )


def buildings_alone(text: str) -> set[str]:
    """The heads of `_BUILDING_HEADS` the text names a building by, alone (`building_alone`):
    `_BUILDING_ALONE` tried only before the heads the book's scan finds (`book_word_lists`;
    `re` sought "the " through the book: a millisecond for a match or two)."""
    found = matches_at_words(_BUILDING_ALONE, text, _BUILDING_HEADS, len("the "))
    return {m.group(1) for m in found if building_alone(text, m.start(1), m.end(1))}


def unit_words(heads: dict[str, str]) -> list[str]:
    """The lower-case words of `heads` (`registers.PLACE_HEADS` and the profile's) that name a
    territorial unit: "district", "province", "region" ("oblast", "raion" in a pack)."""
    return sorted(w for w, kind in heads.items() if kind in _UNIT_TYPES)


# A building or an establishment in a town, the town after it: "the works at Kalinin", "the
# factory in Kirov". Sought by the preposition, the noun before it looked behind at.
_SITE_NOUNS = (
    "works", "factory", "factories", "plant", "plants", "mill", "mills", "mine", "mines", "shipyard", "shipyards",
    "station", "depot", "port", "garrison", "camp", "camps", "prison",
)  # fmt: skip
_TOWN_AFTER_SITE = re.compile(r"([A-Z][a-z'’-]+)\b(?!['’]s| [A-Z])")


# "works at ", "factory in "...: found in one scan of the book, the name after each matched
# there; a pattern of them all, opening with a space, was tried at every space
_SITE_PREPOSITIONS = tuple(f"{noun} {prep} " for noun in _SITE_NOUNS for prep in ("at", "in", "near"))


def _towns_after_sites(text: str) -> Iterator[str]:
    """The names right after a building's or an establishment's noun and "at", "in" or
    "near" ("the works at Kalinin"): not a possessive, nor a longer name ("at Kirov Works")."""
    for _, at, end in find_words(_SITE_PREPOSITIONS, text):
        if at == 0 or not text[at - 1].isalnum():
            m = _TOWN_AFTER_SITE.match(text, end)
            if m:
                yield m.group(1)


# The name of `named_as_towns` as a view of the tree: it reads the unmarked text alone, and
# is kept with it (`Pass.keeps_views`), so the persons' and the places' passes, which both
# ask `towns_named_after_persons`, read the text for it once.
TOWN_NAMES = "town-names"


def named_as_towns(text: str) -> list[str]:
    """The names the text writes where a town's stands, whoever they may name elsewhere:
    after "city of" and "town of", before a unit's word ("Kuibyshev province"), after a
    building's or an establishment's noun and "at" ("the works at Kalinin"); in that order.

    The words before or after which each is written are found in one scan of the text
    (`_TOWN_NAMING_WORDS`), not one for each kind of name: the persons' pass, which asks
    first, holds no scan of the book (three scans and two searches of it were 3.0 ms of the
    bundled book)."""
    if _town_naming_words_overlap():
        return _named_as_towns_word_by_word(text)
    written: list[list[tuple[int, int]]] = [[] for _ in _TOWN_NAMING_WORDS]
    # Every place of every word (no word of a kind can overlap another of its kind: each
    # kind's own scan found them all, in the order of the text)
    for index, at, end in find_words(_TOWN_NAMING_WORDS, text, overlapping=True):
        written[index].append((at, end))
    named = [
        m.group(1)
        for index in range(len(_CITY_OF_WORDS))
        for _, end in written[index]
        if (m := _TOWN_NAME.match(text, end))
    ]
    unit_starts = sorted(at for index in _UNIT_WORD_INDEXES for at, _ in written[index])
    for h in matches_before(TOWN_UNIT_HEAD, text, unit_starts, 1):
        m = _UNIT_NAME_LAST.search(text, max(0, h.start() - 60), h.end())
        if m:
            named.append(m.group(1))
    sites = sorted(place for index in _SITE_WORD_INDEXES for place in written[index])
    for at, end in sites:
        if at == 0 or not text[at - 1].isalnum():
            m = _TOWN_AFTER_SITE.match(text, end)
            if m:
                named.append(m.group(1))
    return named


def _named_as_towns_word_by_word(text: str) -> list[str]:
    """`named_as_towns`, each kind of name sought by a scan of its own."""
    named = []
    for words in _CITY_OF_WORDS:  # each sought by `str.find`: a pattern of both is slower
        at = text.find(words)
        while at >= 0:
            m = _TOWN_NAME.match(text, at + len(words))
            if m:
                named.append(m.group(1))
            at = text.find(words, at + 1)
    named += [m.group(1) for m in _ending_at_heads(text, TOWN_UNIT_HEAD, _TOWN_UNIT_WORDS, _UNIT_NAME_LAST)]
    named += _towns_after_sites(text)
    return named


_CITY_OF_WORDS = ("city of ", "town of ")
# What `named_as_towns` seeks, in one list: "city of " and "town of ", the units' words, the
# sites' nouns and prepositions (by their indexes there).
_TOWN_NAMING_WORDS = (*_CITY_OF_WORDS, *_TOWN_UNIT_WORDS, *_SITE_PREPOSITIONS)
_UNIT_WORD_INDEXES = range(len(_CITY_OF_WORDS), len(_CITY_OF_WORDS) + len(_TOWN_UNIT_WORDS))
_SITE_WORD_INDEXES = range(_UNIT_WORD_INDEXES.stop, len(_TOWN_NAMING_WORDS))


@lru_cache(maxsize=1)
def _town_naming_words_overlap() -> bool:
    """Whether two words of one kind `named_as_towns` seeks can be written overlapping."""
    return any(can_overlap(list(words)) for words in (_CITY_OF_WORDS, _TOWN_UNIT_WORDS, _SITE_PREPOSITIONS))


def units_of_towns_written(text: str, towns: Collection[str], person_words: Collection[str]) -> set[str]:
    """Those of the units of `towns` ("Kuibyshev province", "Kalinin oblast": a town's name
    and a word of `_TOWN_UNIT_WORDS`) that `text` writes, each a string `text` holds. A
    town's places are read from the book's scan (`wordscan`: `_renamed_cities` of the
    persons' names, `towns_named_after_persons`' towns, are a list of `book_word_lists`),
    not found by a search of the whole book for each unit (six of the bundled book, 2 ms)."""
    renamed = _renamed_cities(frozenset(person_words))
    written = set()
    for index, _, end in find_words(renamed, text, overlapping=True):
        if renamed[index] in towns:
            for head in _TOWN_UNIT_WORDS:
                if text.startswith(f" {head}", end):
                    written.add(f"{renamed[index]} {head}")
    for name in set(towns) - set(renamed):  # none, where the towns are the persons' names
        written.update(unit for head in _TOWN_UNIT_WORDS if (unit := f"{name} {head}") in text)
    return written


def towns_named_after_persons(
    text: str, surnames: Collection[str], named: list[str] | None = None
) -> dict[str, gazetteer.GeoPlace]:
    """The persons' surnames that are towns' names too, where the text shows it names a town
    so ("the city of Kuibyshev", "Kuibyshev province", "the works at Kalinin", "visited
    Saratov, Kuibyshev and Rostov": a city named
    after a person for a time) and the gazetteer knows a city of 100,000 people or more by it: each with the
    city. Such a name stands for the town right after "in", "at" or "near" (`town_at`).
    `named`: `named_as_towns(text)`, when found already."""
    found: dict[str, gazetteer.GeoPlace] = {}
    named = [*(named_as_towns(text) if named is None else named), *_listed_among_towns(text, surnames)]
    for name in named:
        if name in surnames and name not in found:
            geo = gazetteer.lookup(name)
            if geo is not None and geo.type == "city" and geo.population >= _MIN_RENAMED:
                found[name] = geo
    return found


_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][a-z]+ $")


def names_site(text: str, start: int, end: int, forenames: Collection[str]) -> bool:
    """Whether the word at `start`:`end`, a site's head capitalised ("Hall", "Church",
    "Gate"), closes a building's name: right after a capitalised word that is no forename
    ("the October Hall", "Sverdlov Hall"; not "Jason Hall", "Jason R. Hall"). A surname of
    the same letters is then no mention of a person: the persons' pass leaves it here."""
    return (
        text[start:end].lower() in _SITE_HEADS
        and (m := _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)) is not None
        and m.group(0)[:-1] not in forenames
    )


def town_at(text: str, start: int, end: int, persons: Collection[str] = ()) -> bool:
    """Whether the name at `start`:`end` stands where a town does: right after "in", "at",
    "near" or "the city of", not after a word whose object is a person ("faith in Kirov"),
    and neither a possessive nor a longer name after it ("in Kirov's absence", "at Kirov
    Works"); or among towns, in a list (`_among_towns`) of which no other name is one of
    `persons`."""
    if _NOT_TOWN_AFTER.match(text, end):
        return False
    if _LOCATIVE_BEFORE.search(text, max(0, start - 8), start) is not None:
        return _PERSON_OBJECT_BEFORE.search(text, max(0, start - 20), start) is None
    return _among_towns(text, start, end, persons)


@lru_cache(maxsize=4)  # asked for the book's word lists (`book_word_lists`), then by `_listed_among_towns`
def _renamed_cities(surnames: frozenset[str]) -> tuple[str, ...]:
    """The capitalised `surnames` the gazetteer knows as cities of 100,000 or more, sorted."""
    wanted = [name for name in surnames if name[:1].isupper()]
    return tuple(
        sorted(
            name
            for name, geo in gazetteer.lookup_many(wanted).items()
            if geo.type == "city" and geo.population >= _MIN_RENAMED
        )
    )


def _listed_among_towns(text: str, surnames: Collection[str]) -> Iterator[str]:
    """The names of `surnames` the text lists among towns (`_among_towns`): "visited
    Voronezh, Saratov, Kuibyshev and Krasnodar". Only the surnames the gazetteer knows as
    cities of 100,000 or more are sought, and tried where a comma, "and" or "or" stands
    beside them (a scan of the book for every list took 25 ms); each name in alphabetical
    order, where it is written first so (each place where it is written taken after the
    end of the one before, as `str.find` from there gives them).

    What this reads of the text whoever the persons are (where each name is written so, the
    names beside each place, the list it stands in) is kept for the text (`_TownLists`): the
    persons' pass asks with the persons' surnames, the places' pass asks the same text with
    all their names, and reads only what the first did not."""
    cities = _renamed_cities(frozenset(surnames))
    if not cities:
        return
    lists = _town_lists(text)
    for name, tried in zip(cities, lists.places_of(cities)):
        for at, end in tried:
            if lists.among_towns(at, end, surnames):
                yield name
                break


class _TownLists:
    """What `_listed_among_towns` reads of one text whoever the persons are: read once for
    each place, then answered for any persons as `_among_towns` answers."""

    def __init__(self, text: str):
        self.text = text
        self._places: dict[str, list[tuple[int, int]]] = {}  # each name's places to try, in order
        self._beside: dict[tuple[int, int], tuple[str, ...]] = {}  # `_names_beside` each place
        self._a_town_beside: dict[tuple[int, int], bool] = {}  # `_a_town_among` those
        self._listed: dict[tuple[int, int], tuple[str, ...] | None] = {}  # `_towns_listed_with`

    def places_of(self, names: tuple[str, ...]) -> list[list[tuple[int, int]]]:
        """Each name's places (start, end) where it is a word of its own with a comma, "and"
        or "or" beside it, each after the end of the one before: where `_listed_among_towns`
        tries it, in order. Only the names not asked before are sought in the text."""
        new = [name for name in names if name not in self._places]
        if new:
            text = self.text
            length = len(text)
            for name, starts in zip(new, occurrences(new, text)):
                tried = []
                end = 0
                for at in starts:
                    if at < end:
                        continue  # within the name written before: `str.find` went on after it
                    end = at + len(name)
                    # (`_word_char` written out: some 2,000 places of the bundled book's 25 names)
                    if (
                        (at == 0 or not ((c := text[at - 1]).isalnum() or c in "_-"))
                        and (end == length or not ((c := text[end]).isalnum() or c in "_-"))
                        and (
                            text.startswith((", ", " and ", " or "), end) or text.endswith((", ", "and ", "or "), 0, at)
                        )
                    ):
                        tried.append((at, end))
                self._places[name] = tried
        return [self._places[name] for name in names]

    def among_towns(self, start: int, end: int, persons: Collection[str]) -> bool:
        """`_among_towns(text, start, end, persons)`, each of its readings of the text kept."""
        place = (start, end)
        near = self._beside.get(place)
        if near is None:
            near = self._beside[place] = _names_beside(self.text, start, end)
        if not near or any(n in persons for n in near):
            return False
        town = self._a_town_beside.get(place)
        if town is None:
            town = self._a_town_beside[place] = _a_town_among(near)
        if not town:
            return False
        if place in self._listed:
            others = self._listed[place]
        else:
            others = self._listed[place] = _towns_listed_with(self.text, start, end)
        return others is not None and not any(name in persons for name in others)


_town_lists = kept_for_text(_TownLists)


_NEXT_ITEM = re.compile(r",? (?:and |or )?([A-Z][a-z'’-]+)")
_PREVIOUS_ITEM = re.compile(r"([A-Z][a-z'’-]+),? (?:and |or )?$")
_LIST_REACH = 200  # how far before and after a name the list it stands in is sought


def _among_towns(text: str, start: int, end: int, persons: Collection[str]) -> bool:
    """Whether the name at `start`:`end` is one of a list of names that "and" or "or" closes
    ("visited Voronezh, Kursk, Saratov, Kuibyshev, Rostov and Krasnodar"), every other name
    of which the gazetteer knows as a city or a country, two at least, and none a name of
    `persons` ("Stalin, Molotov, Kuibyshev and Kaganovich": towns were named after them)."""
    # its neighbours first, a test much faster than reading the list: a person's name beside
    # it, or no town, and the list is none of towns
    near = _names_beside(text, start, end)
    if not near or any(n in persons for n in near) or not _a_town_among(near):
        return False
    others = _towns_listed_with(text, start, end)
    return others is not None and not any(name in persons for name in others)


def _names_beside(text: str, start: int, end: int) -> tuple[str, ...]:
    """The capitalised words right after the name at `start`:`end` and right before it, a
    comma, "and" or "or" perhaps between: its neighbours in a list, if it stands in one."""
    return tuple(
        n.group(1) for n in (_NEXT_ITEM.match(text, end), _PREVIOUS_ITEM.search(text, max(0, start - 40), start)) if n
    )


def _a_town_among(names: tuple[str, ...]) -> bool:
    """Whether the gazetteer knows one of `names` as a city or a country."""
    return any((geo := gazetteer.lookup_romanised(n)) is not None and geo.type in ("city", "country") for n in names)


def _towns_listed_with(text: str, start: int, end: int) -> tuple[str, ...] | None:
    """The other names of the list that "and" or "or" closes (`_COORDINATED`) the name at
    `start`:`end` stands in, where they are two or more and the gazetteer knows each as a
    city or a country; None where they are not, or the name stands in no list."""
    for m in _COORDINATED.finditer(text, max(0, start - _LIST_REACH), min(len(text), end + _LIST_REACH)):
        if m.start() > start:
            return None
        if m.end() < end:
            continue
        others = []
        for n in _COORDINATED_NAME.finditer(m.group(0)):
            if m.start() + n.start() != start:
                name = n.group(0)
                if n.start() == 0 and " " in name and gazetteer.lookup_romanised(name) is None:
                    name = name.split(" ")[1]  # "Visiting Voronezh, ...": a sentence's first word
                others.append(name)
        if len(others) >= 2 and all(
            (geo := gazetteer.lookup_romanised(name)) is not None and geo.type in ("city", "country") for name in others
        ):
            return tuple(others)
        return None
    return None


def named_units(
    text: str, heads: dict[str, str], not_names: Collection[str], lowercase: Collection[str], bodies: Collection[str]
):
    """Territorial units the text names by a name of their own that is no place of the
    register, the unit's word in lower case after it and "the" before: "the Krasnopresnensky
    district", "the Bauman district" (named after a person, whose name is then no mention of
    him). (name, type) for each. Not where a word of `bodies` follows the unit's ("the
    Proletarsky district party committee": a body's name, the organisations' to judge), nor
    a name with a common word of the book ("the Central region") or a people's adjective ("the
    Ukrainian region") unless two words joined by a dash make it ("the Western–Byelorussian
    region"), nor one with a word of `not_names` (an organisation's noun: "the Party
    district")."""
    unit = unit_pattern(heads)
    if unit is None:
        return
    for h in _after_spaces(unit, text, _named_unit_forms(heads)):
        if h.group(2) in bodies:
            continue
        m = _UNIT_AFTER_THE.search(text, max(0, h.start() - 60), h.start() + 1)
        if m is None:
            continue
        name, kind = m.group(1), heads[h.group(1)[1:].lower()]
        names = re.split(r"[-– ]", name)
        # two capitalised words joined by a dash make a name, however common or adjectival
        # their words: "the Western–Byelorussian region", "the Volga-Vyatka region"
        compound = "-" in name or "–" in name
        if any(w in not_names or (w.lower() in lowercase and not compound) for w in names):
            continue
        if _ADJECTIVE.search(names[-1]) and kind != "republic" and not compound:
            continue  # "the Ukrainian region"; but a republic is named so: "the Ukrainian SSR"
        yield f"{name} {h.group(1)[1:]}", kind


_WORDS_AFTER = re.compile(r"(?: [A-Za-z]+){1,5}")
# Words that begin no noun phrase: after a body's word, the body's name has ended ("the
# Moscow party were purged"). With the profile's `english_words`.
_FUNCTION_WORDS = frozenset(
    "a an the and or but nor of in on at to for with by from into as than that which who whom whose it its"
    " is are was were be been being has have had do does did will would shall should can could may might must"
    " not no also then there this these those he she they we his her their our".split()
)
_THE_BEFORE = re.compile(r"(?<![\w-])[Tt]he $")
_THE_ENDS = ("the ", "The ")  # how the text before a match of `_THE_BEFORE` ends (four characters searched)
# A verb's past tense after a body's word: the body did something, its name has ended ("the
# Gomel' soviet elected"), as a noun would not ("the Moscow party post").
_PAST_TENSE = re.compile(r"[a-z]{3,}ed")
# A body's sitting after its name: "the Moscow city party plenum" is the Moscow city party's.
_SITTINGS = frozenset({"plenum", "plenums", "meeting", "meetings", "session", "sessions"})


def body_words(profile) -> tuple[set[str], set[str], set[str]]:
    """The profile's words that end a body's name after a place ("the Moscow party
    committee", "the Voronezh locomotive repair works", "the Moscow party"): its bodies,
    establishments and the ranks that are an organisation's noun too ("party"); its
    meetings (after a rank: "the Moscow party conference"); and its ranks."""
    nouns = {n.lower() for n in profile.org_nouns}
    ends = {*profile.org_bodies, *profile.org_establishments, *(r for r in profile.org_ranks if r in nouns)}
    return ends, set(profile.org_meetings), set(profile.org_ranks)


# A conjunct after a body's word and "and": one word, then a plural noun ("party and Soviet
# organizations").
_CONJUNCT_PLURAL = re.compile(r"(?:the )?[A-Za-z]+ ([a-z]+s)(?![\w'’-])")


def _bodies_coordinated(text: str, at: int, ends: Collection[str]) -> bool:
    """Whether the words at `at`, after a body's word and "and", are a word and the plural of
    a body's word of `ends` ("the Moscow party and Soviet organizations"): the place before
    qualifies each body of a plural, no one body's name (the organisations' pass marks none)."""
    m = _CONJUNCT_PLURAL.match(text, at)
    return m is not None and m.group(1)[:-1] in ends


def names_a_body(text: str, start: int, end: int, words: tuple[set[str], set[str], set[str]], function_words) -> bool:
    """Whether the place at `start`:`end` opens a body's name, "the" before it and a body's
    word of `words` (`body_words`) after it, lower-case words between ("the Moscow party
    committee", "the Voronezh locomotive repair works", "the Moscow party Control
    Commission"): the place is part of the body's name, not a mention of its own. Not
    without "the" ("his Moscow party post"), nor where a function word comes first ("the
    Moscow organizations and the party committee"), a capitalised word that is no body's
    ("the Kiev Social Democrats"), or a lower-case word other than a function word after
    the body's word ("the Moscow party post": a post) but a verb's past tense ("the Nizhnyi
    province soviet confiscated"). A rank after the body's word goes on to another body's
    word: "the Nizhnyi soviet executive committee" is the committee's."""
    if not text.endswith(_THE_ENDS, 0, start) or not _THE_BEFORE.search(text, max(0, start - 4), start):
        return False
    m = _WORDS_AFTER.match(text, end)
    if m is None:
        return False
    ends, meetings, ranks = words
    after = m.group(0).split()
    for i, w in enumerate(after[:4]):
        if w in ends or (w in meetings and i and after[i - 1] in ranks):
            nxt = after[i + 1] if i + 1 < len(after) else ""
            follows = text[m.start() + len(" ".join(after[: i + 1])) + 1 :][:1]
            if follows != " ":
                return True  # a stop, a comma: the name ends there
            if nxt in ranks and i + 1 < 4:
                continue  # "the Nizhnyi soviet executive committee": the name goes on to its body
            if nxt in ("and", "or") and _bodies_coordinated(text, m.start() + len(" ".join(after[: i + 2])) + 2, ends):
                return False  # "the Moscow party and Soviet organizations": the place qualifies two bodies
            return (
                not nxt.islower()
                or nxt in function_words
                or nxt in ends
                or nxt in meetings
                or nxt in _SITTINGS
                or _PAST_TENSE.fullmatch(nxt) is not None  # "the Nizhnyi province soviet confiscated"
            )
        if not w.islower() or w in function_words:
            return False
    return False


# A meeting's word after a rank, and "of" ("the party conference of the Bauman district"):
# the meeting of the place, named the other way round from "the Moscow party conference".
_MEETING_OF = re.compile(r"(?<![\w-])([a-z]+) ([a-z]+?)(?:e?s)? of (?:the )?$")
# How the text before a match of `_MEETING_OF` ends (`$` is also met before a last line break).
_MEETING_OF_ENDS = (" of ", " of the ", " of \n", " of the \n")


def opens_with_meeting(text: str, start: int, words: tuple[set[str], set[str], set[str]]) -> bool:
    """Whether the place at `start` ends a meeting's name, a rank and a meeting's word of
    `words` (`body_words`) and "of" before it ("a speech to the party conference of the
    Bauman district in Moscow"): part of the meeting's name, as in "the Moscow party
    conference", not a mention of its own; not after a meeting's word alone ("a conference
    of the Kiev Military District", "a meeting of Moscow")."""
    if not text.endswith(_MEETING_OF_ENDS, 0, start):
        return False  # most places: the pattern, searched before each, finds nothing
    m = _MEETING_OF.search(text, max(0, start - 40), start)
    return m is not None and m.group(1) in words[2] and m.group(2) in words[1]


_ORG_NAME = q("orgName")


def texts_before_bodies(divisions: list, names: list[list] | None = None) -> set[str]:
    """The text nodes (of `matching.marked_text`) that an organisation's name marked already
    follows, a space between: a place that ends one after "the" opens that body's name ("the
    Nizhnyi province Cheka", the Cheka marked by the organisations' pass), no mention of its own.
    `divisions`: the regions (`matching.regions`) whose text nodes `marked_text` lists. Read
    from the names (lxml finds them in C), not from every text node of the book: the text
    node before a name is its previous sibling's tail, or its parent's text where it comes
    first, one of `marked_text`'s where the parent is (`text_slots` enters the region and
    every element below it but those of `SKIP`). `names`: each division's organisations'
    names, in order, where found already (`names_and_titles`)."""
    found = set()
    for k, division in enumerate(divisions):
        entered_of: dict = {}  # each parent climbed from: whether `text_slots` enters it (the names share paragraphs)
        for name in division.iter(_ORG_NAME) if names is None else names[k]:
            before = name.getprevious()
            parent = name.getparent()
            text = parent.text if before is None else before.tail
            if not text or not text.endswith(" "):
                continue
            entered = entered_of.get(parent)
            if entered is None:
                entered_of[parent] = entered = _entered_from(parent, division)
            if entered:
                found.add(text)
    return found


def names_and_titles(divisions: list) -> tuple[list[list], list[list]]:
    """Each division's organisations' names and titles, each in order: the elements
    `texts_before_bodies` and `titles_in_running_text` read, found in one walk of the
    divisions (of the bundled book's 18,000 elements, 1.5 ms a walk), not one each. (The
    marks of the places' pass between the two make no name nor title, and move none.)"""
    names: list[list] = []
    titles: list[list] = []
    for division in divisions:
        names.append([])
        titles.append([])
        for el in division.iter(_ORG_NAME, _TITLE):
            (names if el.tag == _ORG_NAME else titles)[-1].append(el)
    return names, titles


def _entered_from(el, division) -> bool:
    """Whether `text_slots(division, SKIP)` enters `el`: no element of `SKIP` from it up to the division."""
    while el is not division and local(el) not in SKIP:
        el = el.getparent()
    return el is division


def names_a_line(text: str, start: int, end: int) -> bool:
    """Whether the place at `start`:`end` names a railway's line, "line" after it ("the
    Donetsk line", "the main coal carrying Donetsk line"), or either of two names that share
    "lines" ("the South and North Donetsk lines", "on the Omsk and Tomsk lines"): no mention of the place, as a body's
    name is none (the line's administration). Not the end of a route ("the Baikal–Amur
    line", one place of its own)."""
    if start and text[start - 1] in "-–":
        return False
    if not text.startswith(_LINE_OPENINGS, end):
        return False  # most places: none of the three patterns below is tried
    if _LINE_AFTER.match(text, end) is not None:
        return True
    if _LINES_SHARED_AFTER.match(text, end) is not None:
        return True
    return (
        _LINES_AFTER.match(text, end) is not None and _LINES_SHARED.search(text, max(0, start - 40), start) is not None
    )


def in_symbol(text: str, start: int, end: int) -> bool:
    """Whether the place at `start`:`end` is one part of a document's symbol: three parts or
    more joined by slashes with no space, the name a whole part, and some part holding a digit
    ("WSIS-03/GENEVA/DOC/0004", "A/60/PV.5/Geneva"): the symbol's letters, no mention of the
    place. Not two places a slash joins ("Geneva/La Valletta": no digit), nor a date's."""
    if text[start - 1 : start] != "/" and text[end : end + 1] != "/":
        return False  # most places: no slash touches the name
    if (start and not _SYMBOL_EDGE.match(text[start - 1])) or (end < len(text) and not _SYMBOL_EDGE.match(text[end])):
        return False  # "Geneva's/…", "x/Geneva-based": the name is no whole part
    left = start
    while left and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    symbol = text[left:right].rstrip(".,;:)")
    return symbol.count("/") >= 2 and any(c.isdigit() for c in symbol)


# what may stand right before or after a whole part of a document's symbol
_SYMBOL_EDGE = re.compile(r"[/\s.,;:()]")


def unit_followers(profile) -> set[str]:
    """Lower-case words after a unit's word that make it part of a body's name ("district
    party committee"): the profile's organisation ranks, bodies and establishments."""
    return {*profile.org_ranks, *profile.org_bodies, *profile.org_establishments}


def _after_spaces(pattern: re.Pattern, text: str, words: tuple[str, ...]) -> Iterator[re.Match]:
    """`pattern.finditer(text)` for a pattern whose every match is a space and one of
    `words`, then what follows (a unit's word): by `matches_at_words` where no word holds a
    space (a profile's may), else by `finditer`."""
    if not all(words) or any(" " in word for word in words):
        return pattern.finditer(text)
    return matches_at_words(pattern, text, tuple(dict.fromkeys(words)), 1)


def _named_unit_forms(heads: dict[str, str]) -> tuple[str, ...]:
    """The words of `named_units`: each unit's word of `heads` in lower case and in capitals."""
    return tuple(form for w in unit_words(heads) for form in (w, w.upper()))


def unit_pattern(heads: dict[str, str]) -> re.Pattern | None:
    """A space and a unit's word of `heads` (group 1), in lower case or capitals ("the Uzbek
    SSR"), and the lower-case word after it if any (group 2); None if `heads` has no unit's word."""
    words = unit_words(heads)
    forms = [form for w in words for form in (w, w.upper())]
    return re.compile(r"( (?:" + "|".join(forms) + r"))(?![\w-])(?: ([a-z]+))?") if words else None


def names_unit(text: str, start: int, end: int, unit: re.Pattern | None, bodies: Collection[str]) -> bool:
    """Whether the name at `start`:`end` is, with the unit's word after it, a unit's name
    as `named_units` takes it ("the Bauman district"): the persons' pass leaves it alone."""
    if unit is None:
        return False
    u = unit.match(text, end)
    return (
        u is not None
        and u.group(2) not in bodies
        and _UNIT_AFTER_THE.search(text, max(0, start - 30), end + 1) is not None
    )


def _districts_of(text: str) -> Iterator[tuple[str, str]]:
    r"""The matches of `\b(?:district|village|…) of ([A-Z][a-z'’]+)\b` in `text`, as its
    `finditer` gives them: (the name, the whole match). Sought by their " of " (`_DISTRICT_OF`),
    the word before it read back; one whose word begins inside the match before it ("the
    district of Ab'town of Cd": "town of Cd") is none, as that scan goes on after each match."""
    end = 0
    for m in district_of_matches(text):
        head = next(w for w in _DISTRICT_HEADS if text.endswith(w, 0, m.start()))
        if m.start() - len(head) >= end:
            end = m.end()
            yield m.group(1), head + m.group(0)


def district_of_matches(text: str) -> Iterator[re.Match]:
    """`_DISTRICT_OF.finditer(text)`, the pattern tried only at the " of " after a word of
    `_DISTRICT_HEADS` (`_DISTRICT_OF_WORDS`, found by the book's scan), not at each of the
    book's 20,000 " of "."""
    starts = sorted({end - len(" of ") for _, _, end in find_words(_DISTRICT_OF_WORDS, text, overlapping=True)})
    return textplaces.matches_from(_DISTRICT_OF, text, starts)


_DISTRICT_OF_WORDS = tuple(f"{w} of " for w in _DISTRICT_HEADS)
_SITE_HEAD_WORDS = tuple(f" {w}" for head in _SITE_HEADS for w in (head, head.capitalize()))


def _site_names(text: str) -> Iterator[re.Match]:
    """The matches of `_SITE` (anchored at its end) ending with a site's head: the heads
    found in one scan (Aho-Corasick, in Rust; a pattern of them, opening with a space,
    was tried at every space of the book), each followed by no letter; a capitalised head
    also after a preposition of place without "the" ("met in Sverdlov Hall")."""
    for _, start, end in find_words(_SITE_HEAD_WORDS, text, overlapping=True):
        if end < len(text) and (text[end].isalnum() or text[end] == "_"):
            continue
        m = _SITE.search(text, max(0, start - 60), end)
        if m is None and text[start + 1].isupper():
            m = _SITE_AFTER_CUE.search(text, max(0, start - 60), end)
        if m:
            yield m


def _ending_at_heads(text: str, heads: re.Pattern, words: tuple[str, ...], name: re.Pattern):
    """The matches of `name` (anchored at its end) that end with a match of `heads` (a
    space and one of `words`, which hold no space): the head words are found first, a scan
    much faster than one for the whole names (`matches_at_words`)."""
    for h in matches_at_words(heads, text, words, 1):
        m = name.search(text, max(0, h.start() - 60), h.end())
        if m:
            yield m


def _unquoted(name: str) -> str:
    """A name without the quotation mark that closes a quotation after it ("Stalin in
    Georgia'"), where the name without it is a place; a soft sign (Gomel') stays."""
    if name[-1:] in "'’" and gazetteer.lookup_named(name[:-1], everything=True) is not None:
        return name[:-1]
    return name


# A word's romanised endings and the others each may be written as ("Nizhnyi", "Nizhny").
_ENDINGS = (
    (re.compile(r"yi\b"), ("y", "iy", "ii")),
    (re.compile(r"iy\b"), ("y", "yi")),
    (re.compile(r"y\b"), ("yi", "iy")),
    (re.compile(r"ii\b"), ("y", "yi", "iy")),
)


def spellings(name: str) -> set[str]:
    """The romanisations under which a printed name may appear.

    Each step is taken only where the name writes what it rewrites (a "y" or an "ii" for
    `_ENDINGS`, an apostrophe, a hyphen or a dash, "St" or "Saint" first): the steps make
    nothing of other names (most of a book's), and their patterns and sets took most of
    the time of the places' pass's thousand calls."""
    out = {name}
    if "y" in name or "ii" in name:  # what each of `_ENDINGS`' patterns ends with
        for pattern, alts in _ENDINGS:
            for variant in list(out):
                if pattern.search(variant):
                    out.update(pattern.sub(a, variant) for a in alts)
    if "'" in name:  # (the endings' variants write the name's apostrophes, no other)
        out.update({n.replace("'", "") for n in out} | {n.replace("'", "’") for n in out})
    if "-" in name or "–" in name:
        # "Moscow–Volga canal" (the index's en dash) is the text's "Moscow-Volga canal"
        out.update({n.replace("–", "-") for n in out} | {n.replace("-", "–") for n in out if "-" in n and " " in n})
    # "St Petersburg", "St. Petersburg", "Saint Petersburg": English writes the saint all three ways.
    for variant in list(out):
        if variant.startswith(_SAINT_OPENINGS) and (m := _SAINT.match(variant)):
            out.update(f"{form} {variant[m.end() :]}" for form in ("St", "St.", "Saint"))
    out.update({"Ye" + n[1:] for n in out if n.startswith("E") and n[1:2] in "kv"})
    return out


def short_forms(reg: registers.Register, keys: dict, text: str, lowercase: Collection[str]) -> dict:
    """A city's first word where the text uses it alone ("from Nizhnyi" for Nizhnyi Novgorod),
    under the spellings romanisation gives it too ("In Nizhny, Voronezh and Tashkent"): a word
    the text never writes in lower case, that names nothing else, written alone twice at
    least in all its spellings."""
    wanted: dict = {}
    for place in reg.entries.values():
        if place.get("type") == "city":
            for name in registers.place_names(place):
                words = name.split()
                if len(words) != 2:
                    continue
                for first in sorted(spellings(words[0])):
                    if first not in keys and len(first) >= 4 and first.lower() not in lowercase and " " not in first:
                        wanted.setdefault(first, (words[1], place, words[0]))
    if not wanted:
        return {}
    alone: Counter = Counter()
    # the words' first letters open the pattern (`namewords.words_at_start`): one that opens
    # with `\b` is tried at every position of the book; tried only where a word is written
    # (`occurrences`: its scan 1 ms of the bundled book, `re`'s 3 ms)
    pattern = re.compile(r"(" + namewords.words_at_start(wanted) + r")\b(?: (\w+))?")
    for m in matches_where_written(pattern, list(wanted), text):
        if m.group(2) != wanted[m.group(1)][0]:
            alone[m.group(1)] += 1
    written: Counter = Counter()  # the uses alone of a first word in all its spellings
    for first, n in alone.items():
        written[wanted[first][2]] += n
    return {first: wanted[first][1] for first in alone if written[wanted[first][2]] >= 2}


def places_in_towns(
    text: str, shorts: Collection[str], keys: Collection[str], not_names: Collection[str], lowercase: Collection[str]
) -> list[str]:
    """A city's first word alone (`short_forms`: "Nizhnyi" for Nizhnyi Novgorod) and a
    capitalised word after it, written after "in", "at" or "on" ("they stayed in
    a dosshouse in Nizhnyi Val"): a place in the town (a street, a square, a quarter) named
    after it, as English books leave such names untranslated; not where the second word is a
    name of `not_names` (a person's: "in Nizhnyi Kaganovich spoke"), one the book writes in
    lower case ("in Nizhnyi Party circles"), a newspaper's word (`_TITLE_AFTER`), nor a
    name of `keys` already; each once, in the order of the text."""
    found: list[str] = []
    if not shorts:
        return found
    # after a preposition that says where something is: a place in the town named after it
    towns = "|".join(map(re.escape, sorted(shorts)))
    for m in re.finditer(rf"(?<![\w'’-])(?:in|at|on) ({towns}) ([A-Z][a-z'’]+)(?![\w'’-])", text):
        town, word = m.group(1), m.group(2)
        name = f"{town} {word}"
        if (
            name not in found
            and name not in keys
            and word not in not_names
            and word.lower() not in lowercase
            and not _TITLE_AFTER.match(" " + word)
        ):
            found.append(name)
    return found


def _town_or_feature(name: str) -> bool:
    """Whether the gazetteer knows `name` as a country, a town of 15,000 people or more, or a
    river, region or other feature (not a village's name that is a surname too: Smith)."""
    if gazetteer.lookup_romanised(name) is not None:
        return True
    geo = gazetteer.lookup_romanised(name, everything=True)
    return geo is not None and geo.type != "city"


def rivers_by_their_parts(text: str, places: registers.Places, not_places: Collection[str]) -> list[str]:
    """The names after a part of a river, "of" and "the" (`_RIVER_PART`: "a crossing of the
    Don", "the mouth of the Neva", "the banks of the Dnieper"): rivers, though the gazetteer
    leaves out a name that is a common word or a forename too (Don); not a name of
    `not_places`, nor one the register holds; each once, in the order of the text. (The
    words are a river's only: in the thirteen books of the corpus every name so written is a
    river's, the Danube, the Ayr, the Meuse, the Rhine, the Seine... A book's "don't" makes no
    word of "Don".)"""
    found: list[str] = []
    for m in pieces_holding(_RIVER_PART, _RIVER_PART_WORDS, text):
        name = m.group(1)
        if name not in found and places.find(name) is None and name not in not_places:
            found.append(name)
    return found


def sides(text: str, places: registers.Places, not_places: Collection[str]) -> list[str]:
    """The parts of a place named after it with "-side" (`_SIDE`: "the Vyborg-side working
    class district"), where the register holds the place or the gazetteer knows it
    (`_town_or_feature`), and the register not the whole yet; each name once, in the order of the text."""
    found: list[str] = []
    for m in pieces_holding(_SIDE, _SIDE_WORD, text):
        place, name = m.group(1), m.group(0)
        if (
            name not in found
            and places.find(name) is None
            and place not in not_places
            and (places.find(place) is not None or _town_or_feature(place))
        ):
            found.append(name)
    return found


def native_streets(text: str, words: dict[str, str], lowercase: Counter) -> Iterator[tuple[str, str]]:
    """Streets, squares and bridges named the way of a language a pack knows, a name and its
    word after it ("Staraya ploshchad", "Nizhnyi Val", "Kuznetsky Most"; `[places] streets`:
    word -> type), and the type the word gives. One or two capitalised words before it, the
    first no English word of the book's (not "The Most", "In Val"), no possessive ("the
    World's Most"). None without such words: English streets are `STREET_WORDS`."""
    if not words:
        return
    keys = tuple(sorted(words))
    size = len(text)
    # The words sought in one scan (most books write them seldom, "Most" opening sentences),
    # the name read back from each: a pattern with the words at its end would be tried at
    # every capital of the book.
    for index, start, end in find_words(keys, text, LEFTMOST_LONGEST):
        if end < size and (text[end].isalnum() or text[end] in "'’-"):
            continue
        m = _STREET_NAME_BEFORE.search(text, max(0, start - 60), start)
        if m is None or lowercase.get(m.group(1).lower(), 0) >= _COMMON:
            continue
        yield m.group(0) + keys[index], words[keys[index]]


# One or two capitalised words (the first in group 1) and a space, ending where it is sought.
_STREET_NAME_BEFORE = re.compile(
    r"(?<![\w'’-])([A-Z][a-z'’]*[a-z](?:-[A-Z][a-z'’]*[a-z])?)(?:\s[A-Z][a-z'’]*[a-z])?\s$"
)


def occurrences(words: list[str], text: str) -> list[list[int]]:
    """Where `text` writes each of `words` (distinct, none empty), overlapping ones too, in the
    order of the text: what `str.find` gives, from the start and then from the character after
    each, found in one scan of the text (Aho-Corasick, in Rust), not a search of the whole book
    for each word (for most words, which it writes seldom, a read of all of it)."""
    written: list[list[int]] = [[] for _ in words]
    if words:
        # Where no two places of the words can overlap (the bundled book's surnames, sites'
        # first words), the leftmost scan, which the automaton speeds by skipping to the
        # words' first letters, finds every place, in the same order: half the time.
        overlapping = can_overlap(words)
        kind = STANDARD if overlapping else LEFTMOST_FIRST
        for index, at, _ in find_words(tuple(words), text, kind, overlapping):
            written[index].append(at)
    return written


def matches_where_written(pattern: re.Pattern, words: list[str], text: str) -> Iterator[re.Match]:
    """`pattern.finditer(text)` for a pattern each match of which begins with one of `words`
    (distinct, none empty): the pattern tried only where the text writes one, as `finditer`
    goes on (`textplaces.matches_from`), the words found in one scan (`occurrences`)."""
    starts = sorted({at for written in occurrences(words, text) for at in written})
    return textplaces.matches_from(pattern, text, starts)


def can_overlap(words: list[str]) -> bool:
    """Whether two places a text writes `words` at (one word twice too) can share a
    character: where a word begins at a character of another's (or of itself, not its first),
    and the one holds the other from there or runs into it ("Ivanov" and "Ivanovo", "Novo"
    in "Ivanovo", "aa" written "aaa")."""
    if len(set(words)) < len(words):
        return True  # a word written twice: each of its places is the other's
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word)
    for word in words:
        for at, c in enumerate(word):
            for other in by_first.get(c, ()):
                if at == 0 and other == word:
                    continue  # the same place
                rest = word[at:]
                if rest.startswith(other) or other.startswith(rest):
                    return True
    return False


def site_first_words(
    reg: registers.Register, keys: Collection[str], text: str, persons: Collection[str], lowercase: Collection[str]
) -> dict:
    """A site's first word where the text writes it alone ("Kaganovich delivered one of the
    funeral orations at Novodevichy", the register's Novodevichy cemetery): the site, where
    every use of the word without the site's head stands right after "in", "at" or "near"
    as a place does, before no capitalised word or possessive (not "in October", which "the
    October Hall" also holds: "the October Revolution"), or every use, twice or more, stands
    as a name of its own after "the" (`_the_site_alone`: "left the Tuileries unobserved",
    the Tuileries Gardens). Not a word of another name of the
    register's, a person's name, a word the book writes in lower case, nor one that two sites
    share. The words are found in one scan of the book (`occurrences`)."""
    wanted: dict[str, list] = {}
    for place in reg.entries.values():
        if registers.rejected(place):
            continue
        for name in registers.place_names(place):
            words = name.split()
            if (
                len(words) == 2
                and words[1].lower() in _SITE_HEADS
                and words[0][:1].isupper()
                and len(words[0]) >= 4
                and words[0] not in keys
                and words[0] not in persons
                and words[0].lower() not in lowercase
            ):
                wanted.setdefault(words[0], []).append(place)
    found = {}
    # not "the Sverdlov Hall" and "the Sverdlov Square": which one?
    firsts = [(first, sites) for first, sites in sorted(wanted.items()) if len({id(site) for site in sites}) == 1]
    for (first, sites), starts in zip(firsts, occurrences([first for first, _ in firsts], text)):
        alone = located = named = 0
        for at in starts:
            end = at + len(first)
            if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
                head = _LOWER_AFTER.match(text, end) or _CAPITAL_AFTER.match(text, end)
                if head is None or head.group(1).lower() not in _SITE_HEADS:  # not "the Novodevichy cemetery"
                    alone += 1
                    if (
                        _LOCATIVE_BEFORE.search(text, max(0, at - 8), at) is not None
                        and _PERSON_OBJECT_BEFORE.search(text, max(0, at - 20), at) is None
                        and not _NOT_TOWN_AFTER.match(text, end)
                    ):
                        located += 1
                    if _the_site_alone(text, at, end):
                        named += 1
        if alone and (located == alone or (named == alone and alone >= _SITE_ALONE_USES)):
            found[first] = sites[0]
    return found


# "the Tuileries" this often, and only so, names the site ("the Tuileries Gardens") alone.
_SITE_ALONE_USES = 2
_THE_JUST_BEFORE = re.compile(r"(?<![\w'’-])the $")
# Prepositions a name of its own may come before ("the mob left the Tuileries without doing
# further harm"), with the function words.
_PREPOSITIONS = frozenset(
    "without within upon after before during until till under over through towards near behind beyond against"
    " among".split()
)


def _the_site_alone(text: str, at: int, end: int) -> bool:
    """Whether the site's first word at `at`:`end` stands as a name of its own: after "the",
    before punctuation, a function word or a past participle ("left the Tuileries unobserved",
    "broke into the Tuileries. The King"), not before a noun it qualifies ("the Catholic
    faith") nor a capitalised word or a possessive."""
    if _THE_JUST_BEFORE.search(text, max(0, at - 5), at) is None or _NOT_TOWN_AFTER.match(text, end):
        return False
    after = _LOWER_AFTER.match(text, end)
    word = after.group(1) if after else ""
    return not word or word in _FUNCTION_WORDS or word in _PREPOSITIONS or _PAST_TENSE.fullmatch(word) is not None


def discover(
    places: registers.Places,
    text: str,
    not_places: set[str],
    lowercase_words: Counter,
    topics: set[str] = set(),  # noqa: B006 (never changed)
    regions: dict[str, str] | None = None,
    capitalised: Collection[str] = (),
    org_nouns: Collection[str] = (),
    counts: WordCounts | None = None,
    town_first: Collection[str] = (),
) -> set[str]:
    """Countries and cities of the gazetteer the text names as places ("in Vitebsk"), and
    named features ("Panama Canal"). `topics`, the index's headings that name no place, are
    taken only where the text says what they are ("the village of Lubyanka"). Returns the
    names left alone as a person's forename or nickname although a town bears them (Sergo).
    `regions`: the profile's regions and former states, places after any cue, as countries;
    `org_nouns`: the profile's nouns that end an organisation's name ("University");
    `counts`: the counts of the words of `text` (`word_counts`), which know how often it
    writes a name of one word."""
    regions = regions or {}
    uses = (lambda name: counts.uses(name, text)) if counts is not None else (lambda name: textplaces.uses(name, text))
    seen, strong, settled, located, qualifying, attributive = cued_names(text, lowercase_words)
    imprints: set[str] = set()  # places of publication: towns of any size
    compass: set[tuple[str, str]] = {m.groups() for m in matches_at_words(_COMPASS, text, _COMPASS_WORDS)}
    person_like: set[str] = _words_before_initials(text)  # "David W. Doyle"
    for m in _appositions(text):  # "the capital – Piter –", "the port, Odessa,"
        seen[m.group(1)] += 1
        strong[m.group(1)] += 1
    for name, kind, _ in _apposed_kinds(text):  # "Kabany, a village near Chernobyl"
        if name not in not_places and name not in person_like and name.lower() not in lowercase_words:
            if places.find(name) is None and not _ADJECTIVE.search(name):
                places.add(name, kind, None, "named in the text")
    for name, kind in _kinds_listed(text):  # "villages in the Kuban, including Poltavskaya, ... and Bagaevskaya"
        if name in not_places or name in person_like or name.lower() in lowercase_words or _ADJECTIVE.search(name):
            continue
        if places.find(name) is None:
            geo = gazetteer.lookup_romanised(name, everything=True)
            places.add(name, geo.type if geo else kind, geo, "named in the text")
    add_kinds_before_others(places, text, set(not_places) | set(person_like), lowercase_words)
    for m in matches_at_words(_NICKNAME, text, _NICKNAME_WORDS, 1):  # "the 'Second Baku' of the East"
        named = m.group(1).split()[-1]
        if places.find(m.group(1)) is None and (places.find(named) is not None or gazetteer.lookup(named)):
            places.add(m.group(1), "region", None, "named in the text")
    for m in pieces_holding(_EVENT, _EVENT_NOUN, text):
        seen[m.group(1)] += 1
        strong[m.group(1)] += 1
    for m in _IMPRINT.finditer(text):
        imprints.update(n for n in m.groups() if n)
    for m in pieces_holding(_STREET, _STREET_WORD, text):
        # not "The Road to Terror", a title
        if places.find(m.group(1)) is None and m.group(1).split()[0] not in ("The", "A", "An"):
            places.add(m.group(1), "street", None, "named in the text")
    for name in textplaces.landforms(text, lowercase_words, not_places | person_like):  # "above Keene Valley"
        if places.find(name) is None:
            places.add(name, "place", None, "named in the text")
    for m in _first_word_names(text):
        if places.find(m.group(1)) is None:
            places.add(m.group(1), _FIRST_WORD_TYPES[m.group(1).split()[0]], None, "named in the text")
    for name, whole in _districts_of(text):
        if places.find(name) is None and name not in not_places and not _ADJECTIVE.search(name):
            places.add(
                name,
                "district" if "district" in whole else "settlement",
                gazetteer.lookup(name),
                "named in the text",
            )
    for name, base in sorted(compass):
        place = places.find(base)
        if place is None and base not in not_places and places.find(name) is None:
            # "Eastern Bukhara": a compass part of a country, a region or a city of 100,000
            # or more the gazetteer knows, though the register holds no place of that name;
            # or of a region of the profile's ("in Lower Vendée")
            geo = gazetteer.lookup_romanised(base)
            if base in regions or (geo is not None and (geo.type != "city" or geo.population >= _MIN_BARE)):
                own = gazetteer.lookup(name, everything=True)  # "North Korea": a country of its own
                places.add(name, own.type if own else "region", own, "named in the text")
            elif geo is not None and seen[name] and seen[name] == uses(name) and base not in person_like:
                # "Rankin, of East Northfield": a smaller town's part, or a town named after it,
                # written nowhere but after a cue
                places.add(name, "settlement", None, "named in the text")
            continue
        if place is not None and places.find(name) is None:
            region = unit_named(places, name, "region")
            if region is not None:
                places.alias(name, region)  # "Lower Volga": the index's "Lower Volga region"
            else:
                places.add(name, "region", None, "named in the text")
    found: dict[str, gazetteer.GeoPlace] = {}
    # An index heading no gazetteer knows, that the text writes only right after prepositions
    # of place, twice or more ("to a school in Martynovich", "from Kabany to Martynovich"): a
    # settlement (a newspaper is also written otherwise: "in Pravda", "Pravda reported").
    # The text may write the heading as romanised without its soft sign ("in Chernobyl", the
    # index's "Chernobyl'"), or otherwise as `spellings` gives: the same heading.
    topic_forms = {form for topic in topics if topic[:1].isupper() for form in spellings(topic)}
    # Written once, a heading of two capitalised words right after "at" or "near" is a place
    # too ("at Khalkhin Gol"): a newspaper is written "in" ("in Komsomolskaya Pravda"); not an
    # organisation's name ("at Sverdlov University").
    for name in sorted(topic_forms & set(settled) - person_like - not_places):
        words = name.split()
        once = (
            located[name] == 1
            and len(words) == 2
            and all(w[:1].isupper() for w in words)
            and words[-1] not in org_nouns
        )
        if (
            (settled[name] >= _SETTLED_USES or once)
            and settled[name] == uses(name)
            and name.lower() not in lowercase_words
            and places.find(name) is None
        ):
            places.add(name, "settlement" if not once else None, None, "named in the text")
    for name in sorted((set(seen) | imprints) - person_like - not_places - topics):
        if name.lower() in lowercase_words or places.find(name) is not None or _ADJECTIVE.search(name):
            continue  # "Union" is a word before it is a town; "Russian" is no place
        if name in regions:  # the profile's regions and former states (England, Bohemia, Kent)
            places.add(name, regions[name], gazetteer.known().get(name), "named in the text")
            continue
        words = name.split()
        if len(words) == 2 and words[0] in town_first:  # "to Port Royal": a town named so
            places.add(name, "settlement", gazetteer.lookup_named(name), "named in the text")
            continue
        geo = gazetteer.lookup_romanised(name)  # countries and cities of 15,000 or more
        if geo and (geo.type != "city" or geo.population >= _MIN_POPULATION or name in imprints):
            if (
                qualifying[name] == seen[name]
                and name not in imprints
                and gazetteer.fold(geo.name) != gazetteer.fold(name)
            ):
                continue  # only "at the Proletarsky locomotive repair workshop": another name of a town, naming a works
            if (
                geo.type == "city"
                and attributive[name] == seen[name]
                and (seen[name] > 1 or textplaces._demonym(name, geo))
                and name not in imprints
                and gazetteer.fold(geo.name) == gazetteer.fold(name)  # not "of the Hague tribunal"
            ):
                # only "the Greek and Roman gods", "of the Roman ecclesiasticism": an adjective;
                # once will do for a people's word beside a greater place ("of the Roman emperors")
                continue
            found[name] = geo
            continue
        if not strong[name]:
            continue
        geo = gazetteer.lookup_romanised(name, everything=True)
        if (
            geo
            and (geo.type != "city" or geo.population >= _MIN_STRONG)  # a region: a subdivision, a province
            and strong[name] >= _STRONG_SHARE * uses(name)
        ):  # not "in Pravda" once and "Pravda, 4 March 1919" often: a newspaper
            found[name] = geo
    # A name that is not the place's own (Sergo, once a name of Kadiyivka) or names a town of
    # fewer than 50,000: not where the text uses it as a person's forename or nickname.
    doubtful = {
        n for n, g in found.items() if g.population < _MIN_POPULATION or gazetteer.fold(g.name) != gazetteer.fold(n)
    }
    doubtful &= {n for n, g in found.items() if g.type in ("city", "region")}
    nicknames = forename_like(text, doubtful, not_places) if doubtful else set()
    for name, geo in found.items():
        if name not in nicknames:
            places.add(name, geo.type, geo, "named in the text; GeoNames")
    with_places = coordinated(
        text, places, person_like | not_places | topics, lowercase_words, topics - person_like - not_places
    )
    for name, geo, kind in with_places:
        places.add(name, kind, geo, "named in the text; GeoNames" if geo else "named in the text, listed with places")
    held = places.find
    for name, geo in bare_places(
        text, capitalised, person_like | not_places | topics | nicknames, lowercase_words, lambda n: held(n) is not None
    ):
        places.add(name, geo.type, geo, "named in the text; GeoNames")
    for m in _site_names(text):
        name, words = m.group(1), m.group(1).split()
        same = places.find(" ".join(words[:-1]))
        if same is not None and same.get("type") == _SITE_HEADS[words[-1].lower()] and places.find(name) is None:
            places.forms[name] = same  # "the Belomor canal", the index's Belomor a canal: the canal, named whole
            continue
        if (
            places.find(name) is None
            # "the Belomor canal": Belomor is the place; "the Moscow Metro", capitalised, is a name
            and (places.find(" ".join(words[:-1])) is None or words[-1][0].isupper())
            and (
                words[-1].lower() not in _NAMED_SITE_HEADS
                or (words[-1][0].isupper() and words[0].lower() not in lowercase_words)
            )
            # a person's name before a capitalised head names the site after him ("the Lenin Mausoleum")
            and (words[0] not in not_places or words[-1][0].isupper())
            and not _ADJECTIVE.search(words[0])
            # "the Papal palace", "the Royal palace"; a capitalised head makes a name ("the Winter Palace")
            and (words[-1][0].isupper() or words[0].lower() not in lowercase_words)
            # an adjective in "-al" before a lower-case head ("the Papal palace", "the Imperial
            # palace", of a book that never writes "papal"), unless a place's name ("Bengal")
            and not (words[-1][0].islower() and _AL_ADJECTIVE.search(words[0]) and gazetteer.lookup(words[0]) is None)
        ):
            places.add(name, _SITE_HEADS[words[-1].lower()], None, "named in the text")
    for m in possessed_sites(text):  # "the Kremlin's Great Hall": a site of the Kremlin's
        owner, name = m.groups()
        if places.find(owner) is not None and places.find(name) is None and name not in not_places:
            places.add(name, _SITE_HEADS[name.rsplit(" ", 1)[-1].lower()], None, "named in the text")
    for m in pieces_holding(_ROUTE_END, _ROUTE_WORDS, text):  # "the Moscow-Donbass trunk line"
        first = _ROUTE_START.search(text, max(0, m.start() - 30), m.start())
        if first is None:
            continue
        name, ends = text[first.start() : m.end()], (first.group(0), m.group(1))
        if places.find(name) is None and all(
            end not in not_places
            and (places.find(end) is not None or gazetteer.lookup_romanised(end, everything=True) is not None)
            for end in ends
        ):
            places.add(name, "route", None, "named in the text")
    for name, kind in _features_word_first(text):
        if places.find(name) is None and name.split()[-1] not in not_places:
            places.add(name, kind, gazetteer.lookup(name, everything=True), "named in the text")
    for m in _ending_at_heads(text, _FEATURE_HEAD, _FEATURE_HEAD_WORDS, _FEATURE):
        name = m.group(1)
        words = name.split()
        if places.find(name) is None and not initial(text, m.start()) and words[0].lower() not in lowercase_words:
            same = places.find(" ".join(words[:-1]))
            if same is not None and same.get("type") == _FEATURE_TYPES[words[-1]]:
                places.forms[name] = same  # "the Dnieper River" is the Dnieper
                continue
            geo = gazetteer.lookup(name, everything=True)
            places.add(name, geo.type if geo else _FEATURE_TYPES[words[-1]], geo, "named in the text")
    return nicknames


_CLOSE_LETTERS = 7  # the shortest word of a name another spelling of which is sought


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter inside it added, dropped or changed (the first
    two letters and the last two the same: "Presnaya" and "Presnya"; not "Lithuania" and
    "Lithuanian", a people's word)."""
    if a == b or a[:2] != b[:2] or a[-2:] != b[-2:] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(2, len(long) - 2))


def close_spellings(places: registers.Places, capitalised: Collection[str], text: str, not_names: Collection[str]):
    """Other spellings the text writes of the index's places, a letter apart from the
    index's ("Krasnaya Presnya" for its "Krasnaya Presnaya", "Dnepropretrovsk" misprinted for
    "Dnepropetrovsk"): (the text's form, the index's name, the place) for each. Only where
    the evidence is clear: a capitalised word of the text of seven letters or more, one
    letter inside it apart from a word of an index heading, that is no other place's name
    (the register's or the gazetteer's), no person's, and close to one place only; the
    heading's other words written around it as the index writes them. The index's words
    are sorted by their first two and last two letters, which a close spelling shares: each
    word of the text is compared with the few of its own letters only."""
    wanted: dict[tuple[str, str], list[tuple[str, str, object]]] = {}
    for place in places.reg.entries.values():
        if registers.provenance(place) != registers.FROM_INDEX or registers.rejected(place):
            continue
        for name in registers.place_names(place):
            for word in set(name.split()):
                if len(word) >= _CLOSE_LETTERS and word.isalpha() and word[0].isupper():
                    wanted.setdefault((word[:2], word[-2:]), []).append((word, name, place))
    if not wanted:
        return
    # (only the words that share letters with the index's sorted: the bundled book's 2,800
    # capitalised words, all sorted, took a fifth of the time)
    for word in sorted(word for word in capitalised if (word[:2], word[-2:]) in wanted):
        near = wanted[(word[:2], word[-2:])]
        if len(word) < _CLOSE_LETTERS or word in not_names or places.find(word) is not None:
            continue
        hits = {(name, known): place for known, name, place in near if _one_letter_apart(known, word)}
        if len({id(place) for place in hits.values()}) != 1 or gazetteer.lookup_named(word, everything=True):
            continue  # close to two places, or a place of its own name: no clear evidence
        for (name, known), place in sorted(hits.items(), key=lambda kv: kv[0]):
            form = " ".join(word if w == known else w for w in name.split())
            if places.find(form) is None and (form == word or form in text):
                yield form, name, place


def _unaccented(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def accented_spellings(places: registers.Places, words: Collection[str], not_names: Collection[str]):
    """The text's capitalised `words` that write a place of the register with accents other
    than its name's ("Quibéron" for the index's "Quiberon", "Vendee" for a "Vendée"): (the
    text's form, the place) for each, not a word of `not_names` (persons') nor of a rejected
    place. The letters the same, accents aside: no other spelling.

    Only the words that may be one are looked at: those beyond ASCII, and those that write
    a name of the register beyond ASCII without its accents (a word of ASCII letters that is
    another spelling of a name is that name unaccented, and the name is none of ASCII, else
    the same word): the few the register and the book give, not the book's 2,000
    capitalised words each sought in the register (and its 13,000 words told)."""
    unaccented = {
        _unaccented(name)
        for place in set(places.by_name.values())
        for name in registers.place_names(place)
        if not name.isascii()
    }
    candidates = unaccented.intersection(words)
    candidates.update([word for word in words if not word.isascii()])
    for word in sorted(w for w in candidates if w[:1].isupper() and w.isalpha() and w not in not_names):
        place = places.find(word)
        if place is None or registers.rejected(place):
            continue
        names = registers.place_names(place)
        plain = _unaccented(word)
        if word not in names and any(_unaccented(name) == plain for name in names):
            yield word, place


def unit_named(places: registers.Places, name: str, kind: str):
    """The register's territorial unit of type `kind` named by `name` and a unit's word
    ("Lower Volga region" for "Lower Volga"), if any: the same region, the word left out."""
    for word, unit_kind in registers.PLACE_HEADS.items():
        if unit_kind == kind and word in ("region", "territory", "province", "district"):
            place = places.find(f"{name} {word}")
            if place is not None and place.get("type") == kind:
                return place
    return None


def bare_places(
    text: str, capitalised: Collection[str], not_places: Collection[str], lowercase: Counter, held=lambda name: False
):
    """Countries, and cities of 100,000 people or more under their own name, that the text
    writes as names of their own with no cue before them ("Warsaw fell", "he visited
    Vladivostok"), or under another name ("Gorky", "Molotov", "Tsaritsyn": a person's as
    often) only where every use is a word before a noun of it after "the" ("the Tsaritsyn
    group"; not "the Proletarsky locomotive repair workshop", a works): (name, place) for each word of
    `capitalised` (the book's capitalised words) that every one of its uses shows standing
    alone (`_BARE_BEFORE`, `_BARE_AFTER`: no capitalised word beside it, no possessive, no
    hyphenated word it opens), once at least in a sentence. Not a word of `not_places` (a
    person's name: "Engels", "Lincoln"), nor one the book writes in lower case ("Nice"), nor
    one `held` says the register holds already."""
    wanted = [
        name
        for name in capitalised
        if name not in not_places and name.lower() not in lowercase and not _ADJECTIVE.search(name) and not held(name)
    ]
    candidates = {
        name: geo
        for name, geo in gazetteer.lookup_many(wanted).items()
        if geo.type == "country" or (geo.type == "city" and geo.population >= _MIN_BARE)
    }
    # another name of a city (Tsaritsyn, Volgograd's), only as a word before a noun: see below
    renamed = {name for name, geo in candidates.items() if gazetteer.fold(geo.name) != gazetteer.fold(name)}
    if not candidates:
        return
    alone: Counter = Counter()
    never: set[str] = set()  # written once at least beside a capitalised word, a building's word...
    # every use of every candidate in one scan of the book (Aho-Corasick, in Rust): a pattern
    # of each, or `str.find` for each, took tens of milliseconds of the bundled book
    names = sorted(candidates)
    for i, start, end in find_words(tuple(names), text, LEFTMOST_LONGEST):
        if (start and (text[start - 1].isalnum() or text[start - 1] in "_'’-")) or (
            end < len(text) and (text[end].isalnum() or text[end] == "_")
        ):
            continue  # inside a longer word
        follows = _LOWER_AFTER.match(text, end)
        if names[i] in renamed and not _names_a_group(text, start, end):
            never.add(names[i])  # "he read Gorky gladly": another name of a city is a person's as often
        elif _BARE_AFTER.match(text, end) or (
            follows and (follows.group(1) in _SITE_HEADS or lowercase.get(follows.group(1), 0) < _COMMON)
        ):
            never.add(names[i])  # "the Astoria hotel", "Tsentralnyi gosudarstvennyi arkhiv": a building's, a title's
        elif not _BARE_BEFORE.search(text, max(0, start - 20), start):
            alone[names[i]] += 1
    for name in names:
        if alone[name] and name not in never:
            yield name, candidates[name]


# What follows a city's other name that makes a word before a noun of it ("the Tsaritsyn
# group"); not an establishment's noun ("the Proletarsky locomotive repair workshop": a works
# named so, not the town) nor a site's.
_LOWER_WORDS_AFTER = re.compile(r"(?: [a-z]+){1,4}")
_NOT_OF_A_TOWN = frozenset({*_SITE_NOUNS, *_SITE_HEADS, "workshop", "workshops", "institute", "trust", "combine"})


def _names_a_group(text: str, start: int, end: int) -> bool:
    """Whether the name at `start`:`end` stands after "the" or a possessive and before
    lower-case words none of which is an establishment's or a site's noun: "the Tsaritsyn
    group", "Stalin's Tsaritsyn group"."""
    words = _LOWER_WORDS_AFTER.match(text, end)
    determined = _after_the(text, start) or text[max(0, start - 3) : start] in ("'s ", "’s ")
    return determined and words is not None and not set(words.group(0).split()) & _NOT_OF_A_TOWN


def coordinated(
    text: str,
    places: registers.Places,
    not_places: Collection[str],
    lowercase: Collection[str],
    headings: Collection[str] = (),
) -> Iterator[tuple[str, gazetteer.GeoPlace | None, str]]:
    """Names listed with places, places themselves: in a list of three names or more that
    "and" or "or" closes ("visited Zaporozhe, Kramatorsk, Gorlovka and Makeevka"), each name the register does
    not hold that the gazetteer knows as a country or a city of 15,000 people or more, (name,
    place) for each, where every name of the list is a place of the register or such a one
    and the register holds one at least, or the list names three cities of 50,000 or more
    ("visiting Khabarovsk, Vladivostok and Komsomolsk-on-Amur"). Not a list with a name that
    is none of these, nor a word the book writes in lower case. A person's name that is a
    city's of 100,000 or more too ("Tula, Kalinin, Kolomna, Orekhovo-Zuevo and Kaluga") is
    left to `towns_named_after_persons`, taken for neither; the list is none where such names
    are as many as the others ("Moscow, Kirov and Kuibyshev" where the book names persons so).
    One name of `headings` (the index's headings that no gazetteer knows, nor as a person's
    or a body's) in a list of two places of the register or more and nothing else ("went
    to Leningrad, Orenburg, Bashkirya, and Tatary", "seized Simbirsk, Samara and Izhev") is a
    place too, of the kind of the name before it: English lists places with places; (name,
    None) for it."""
    for m in coordinated_lists(text):
        names = _COORDINATED_NAME.findall(m.group(0))
        first = names[0].split(" ")
        if len(first) == 2 and places.find(names[0]) is None and gazetteer.lookup_romanised(names[0]) is None:
            names[0] = first[1]  # "Visiting Khabarovsk, ...": a sentence's first word
        held, new, renamed = 0, [], 0
        heading: tuple[str, str] | None = None
        kind: str | None = None
        for name in names:
            if name.lower() in lowercase or _ADJECTIVE.search(name):
                break
            if name in headings and heading is None and kind is not None:
                heading = (name, kind)  # the kind of the place listed before it
                continue
            if name in not_places:
                geo = gazetteer.lookup_romanised(name)
                if geo is None or geo.type != "city" or geo.population < _MIN_RENAMED:
                    break
                renamed += 1  # "Tula, Kalinin, Kolomna": a town named after a person, for `towns_named_after_persons`
                continue
            if (held_place := places.find(name)) is not None:
                held += 1
                kind = held_place.get("type") or "settlement"
                continue
            geo = gazetteer.lookup_romanised(name)
            if geo is None or geo.type not in ("city", "country"):
                break
            new.append((name, geo))
            kind = geo.type
        else:
            if renamed >= held + len(new):
                continue  # "Stalin, Molotov, Kirov and Tula": more persons than towns
            if heading is not None:
                if held >= 2 and not new and not renamed:
                    yield heading[0], None, heading[1]
                continue
            if new and (held or (len(names) >= 3 and all(g.population >= _MIN_POPULATION for _, g in new))):
                yield from ((name, geo, geo.type) for name, geo in new)


# The characters `_COORDINATED` reads, each (its names' letters, apostrophes and hyphens,
# spaces and commas: a test checks them): a list it matches stands in a run of them, which
# holds the list's close.
_COORDINATED_LETTERS = "A-Za-zß-ÿ'’ ,-"
_NOT_COORDINATED = re.compile(f"[^{_COORDINATED_LETTERS}]")


def coordinated_lists(text: str) -> list[re.Match]:
    """`pieces_holding(_COORDINATED, _COORDINATED_CLOSE_WORDS, text)`: the lists of names
    "and" or "or" closes, in order, the pattern searched only in the runs of the characters
    it reads (`_COORDINATED_LETTERS`, a clause or so) that hold a close, not in every
    paragraph that holds one (the bundled book's closes stand in 100,000 characters of such
    runs: 7 ms, not 18). A run's ends are found from the close, forwards in the text and
    backwards in the text reversed; the pattern looks at the character after the run. A run
    without a comma and a space holds no list (its first name and the comma after it)."""
    found: list[re.Match] = []
    backwards = text[::-1]
    size = len(text)
    end = 0
    for _, start, close_end in find_words(_COORDINATED_CLOSE_WORDS, text, LEFTMOST_LONGEST):
        if start < end:
            continue  # in the run searched last
        before = _NOT_COORDINATED.search(backwards, size - start)
        after = _NOT_COORDINATED.search(text, close_end)
        end = size if after is None else after.start() + 1
        begin = 0 if before is None else size - before.start()
        if text.find(", ", begin, end) >= 0:  # a list's first name and its comma: none in 423 of the book's 1,104 runs
            found += _COORDINATED.finditer(text, begin, end)
    return found


def _features_word_first(text: str) -> list[tuple[str, str]]:
    """The features the text names their word first ("Lake Khasan", "Mount Elbrus", "the
    Gulf of Finland"), with their type, word after word of `FEATURE_FIRST_TYPES`, each in
    the order of the text: the words found in one scan (Aho-Corasick; a pattern of them all
    would be tried at every position of the book, each word sought by `str.find` took four
    times as long), the name matched there."""
    kinds = list(registers.FEATURE_FIRST_TYPES.values())
    where: list[list[int]] = [[] for _ in kinds]
    for index, at, _ in find_words(_FEATURE_FIRST_WORDS, text, overlapping=True):
        where[index].append(at)
    found = []
    for kind, starts in zip(kinds, where):
        for at in starts:
            m = registers.FEATURE_FIRST.match(text, at)
            if m and (at == 0 or not text[at - 1].isalnum()):
                found.append((m.group(0), kind))
    return found


# every match, overlapping ones too; the words in the order of FEATURE_FIRST_TYPES
_FEATURE_FIRST_WORDS = tuple(word + " " for word in registers.FEATURE_FIRST_TYPES)


def _same_place(name: str, place) -> bool:
    """Whether the gazetteer gives `name` for the register's place, by its GeoNames id
    ("Gorky" is a former name of Nizhnyi Novgorod)."""
    ids = {i.text for i in place.iter(q("idno")) if i.get("type") == "geonames"}
    geo = gazetteer.lookup(name)
    return geo is not None and str(geo.geonameid) in ids


# What a text must hold for `shared_head` to find anything in it: the plural heads.
_SHARED_HEAD_WORDS = ("seas", "rivers", "oceans", "lakes")


def shared_head(text: str, places: registers.Places):
    """Names that share one plural head, each a place of its own: "the Black, Caspian,
    Baltic and White seas" names the Black Sea, the Caspian Sea... Each name is marked
    (without the head) where the gazetteer knows it with the head ("Caspian Sea"); the
    entry is made if the register has none."""
    for m in _SHARED_HEAD.finditer(text):
        head = _SHARED_HEADS[m.group(2)]
        names = list(re.finditer(r"[A-Z][a-z]+", m.group(1)))
        found = []
        for w in names:
            full = f"{w.group(0)} {head}"
            place = places.find(full)
            if place is None:
                geo = gazetteer.lookup_named(full, everything=True)
                if geo is None:
                    break  # one name of the list that is no such place: not a list of places
                place = places.add(full, geo.type, geo, "named in the text")
            found.append((m.start(1) + w.start(), m.start(1) + w.end(), place))
        else:
            yield from found


def forename_like(text: str, names: set[str], person_words: set[str]) -> set[str]:
    """Those of `names` the text writes right before a person's name, quoted or bracketed
    ("Sergo Ordzhonikidze", "'Sergo' Ordzhonikidze", "G. K. (Sergo) Ordzhonikidze"): a
    forename or a nickname, not a place, although a town was once named so."""
    seen: Counter = Counter()
    for start, end, name, _ in matches_in_pieces(names, text):
        m = _BEFORE_NAME.match(text, end)
        if m and m.group(2) in person_words and name not in person_words:
            quoted = m.group(1) or (start and text[start - 1] in "('‘\"“")
            seen[name] += 2 if quoted else 1
    return {w for w, n in seen.items() if n >= 2}


def matches_in_pieces(names: Collection[str], text: str) -> list[tuple[int, int, str, None]]:
    """`Matcher(dict.fromkeys(names)).find(text)` for a few names a book seldom writes: the
    matcher asked only of the pieces of `text` between blank lines that write one of them
    (found by a scan that skips to their first letters), its matches moved to where each
    piece stands. The matcher's scan of a whole book took 3 ms, whatever the names. A match
    never runs over a blank line, and a piece's ends read as the text's there do (no
    letter, hyphen nor apostrophe)."""
    matcher = Matcher(dict.fromkeys(names))
    wanted = tuple(sorted(matcher.keys))
    if not wanted or any("\n" in name for name in wanted):
        return matcher.find(text)
    found: list[tuple[int, int, str, None]] = []
    # Each piece holds a place the scan reports of every place of a name in it: one it
    # passes over lies under one it reports, which no blank line parts from it.
    written = ((at, end) for _, at, end in find_words(wanted, text, LEFTMOST_FIRST))
    for start, end in pieces_of(text, written):
        found += [(s + start, e + start, key, value) for s, e, key, value in matcher.find(text[start:end])]
    return found


_RARE_LOWER = 5  # a place's name written capitalised more than five times as often as in lower case is a name


def common_word(name: str, lowercase: Counter, capitalised: Counter) -> bool:
    """Whether a place's name is also a word the book uses in lower case ("Bath", "bath";
    "Reading"): not when its lower-case uses are rare beside its capitalised ones (Scots "doon",
    down, once in a book that names the river Doon nineteen times)."""
    low = lowercase.get(name.lower(), 0)
    return low > 0 and low * _RARE_LOWER >= capitalised.get(name, 0)


# A newspaper's, a journal's or a book of tales' word after a place's name, alone or after one
# more capitalised word, makes a title, no mention of the place: "The New York Times",
# "Moscow News", "From the New York Packet", "Dublin Medical Journal", "the Canterbury
# Tales" (titles are not marked).
_OF_NAME_AFTER = re.compile(r" of (?:the )?[A-Z]")
_TITLE_AFTER = re.compile(
    r" (?:[A-Z][a-z]+ )?(?:Times|Herald|Gazette|Tribune|Chronicle|Courier|Telegraph|Observer|News"
    r"|Packet|Journal|Review|Magazine|Advertiser|Tales)(?![\w'’-])"
)
# A capitalised word right after a place's name: the word a heading of the index may end with.
# A capitalised word after a name, which may make it part of another's ("Nizhnyi Val", a
# street; "the Moscow Soviet", a body): not the pronoun I ("on the banks of Ayr I stray'd").
_CAPITAL_AFTER = re.compile(r" (?!I(?![\w'’-]))([A-Z][\w'’]*)(?![\w'’-])")
_HEADS_OF_PLACES = frozenset({*registers.PLACE_HEADS, *_SITE_HEADS, *(w.lower() for w in _FEATURE_TYPES)})


def heading_tails(topics: Collection[str], places: registers.Places, institutions: Collection[str] = ()) -> set[str]:
    """The capitalised words that end the index's headings naming no place, a place's name
    before them ("Tashkent Soviet", "Voronezh Cheka", "Leningrad Opposition"): after any
    place the text writes, such a word makes one name of the kind the index says, not a
    place's mention ("the Moscow Soviet", "the Nizhnyi Cheka"), and in lower case it ends a
    body's name as the profile's bodies do ("the Gomel' soviet"). Only after a place of the
    register; not a word for a place, a site or a unit ("Moscow Metro", "Gorky Park"), nor a
    place's own name, unless it is one of `institutions`, headings the text writes only as an
    institution though the gazetteer knows a town so named ("Moscow Duma": Duma, Douma's)."""
    tails = set()
    for heading in topics:
        words = heading.split()
        if len(words) != 2 or not words[1][:1].isupper() or not words[1].isalpha():
            continue  # "'Leningrad Affair'": quoted, an event's name (the place in it marked)
        if words[1].lower() in _HEADS_OF_PLACES or words[1].lower() in _EVENT_NOUNS:
            continue
        if words[1] not in institutions and (
            places.find(words[1]) is not None or gazetteer.lookup(words[1]) is not None
        ):
            continue  # "Byelorussia Berlin": two places, an index's line run together
        # a place of the register, not any the gazetteer knows: "Vladimir Ilich", "Stalin
        # Constitution" (Stalin another name of Donetsk) open no place's name
        if places.find(words[0]) is not None:
            tails.add(words[1])
    return tails


# What stands before an institution named like a town: "the", and a number or a place
# between ("the IV Duma", "the Moscow Duma"), or nothing ("the Duma").
_INSTITUTION_BEFORE = re.compile(r"(?<![\w-])[Tt]he (?:([IVXLC]+|[A-Z][\w'’]*) )?$")
_ROMAN = re.compile(r"[IVXLC]+")


def _index_cities(reg: registers.Register) -> tuple[list, tuple[str, ...]]:
    """The index's cities (`institutions_named_like_towns`), and their names, sorted."""
    cities = [
        place
        for place in reg.entries.values()
        if place.get("type") == "city" and registers.provenance(place) == registers.FROM_INDEX
    ]
    return cities, tuple(sorted({name for place in cities for name in registers.place_names(place)}))


def institutions_named_like_towns(reg: registers.Register, text: str) -> list:
    """The index's headings that the gazetteer gave a town's entry to (Duma: Douma, in
    Syria) but the text writes only as an institution is written: every use after "the",
    one at least numbered or after a place ("the IV Duma", "the Moscow Duma"), as no town is
    written. The uses of every such name are found in one scan of the book (Aho-Corasick,
    in Rust; each name sought by `str.find` took 30 ms of the bundled book)."""
    cities, names = _index_cities(reg)
    if not names:
        return []
    written: dict[str, list[int]] = {name: [] for name in names}
    for index, at, end in find_words(names, text, overlapping=True):
        if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
            written[names[index]].append(at)
    found = []
    for place in cities:
        uses = [at for name in registers.place_names(place) for at in written.get(name, ())]
        qualified = False
        for at in uses:
            before = _INSTITUTION_BEFORE.search(text, max(0, at - 30), at)
            if before is None:
                break  # "in Moscow": a town
            if before.group(1) and (_ROMAN.fullmatch(before.group(1)) or gazetteer.lookup(before.group(1))):
                qualified = True
        else:
            if uses and qualified:
                found.append(place)
    return found


def _place_marks(tei) -> Callable[[Any, str], etree._Element]:
    """What makes the marks of the places for `tei`: `make_in(tei, "placeName", ref=ref)` for
    a place and its `ref`, as a copy of the mark made for that place at its first mention,
    never linked (lxml copies the attribute in C, as the dates' and the organisations' passes
    make theirs; a book's marks name a few hundred places: the bundled book's 2,000, 300)."""
    made: dict = {}

    def place_mark(place, ref: str) -> etree._Element:
        model = made.get(place)
        if model is None:
            model = made[place] = make_in(tei, "placeName", ref=ref)
        return model.__copy__()

    return place_mark


# What is not read inside a title: what is not read elsewhere, but the title itself.
_SKIP_IN_TITLES = tuple(tag for tag in SKIP if tag != "title")
_TITLE = q("title")
# In a title, a place a hyphen joins to another name opens a compound of the title's own
# ("Europe-Asia Studies", a journal's).
_COMPOUND_AFTER = re.compile(r"[-–][A-Z]")


# A city named with its word first, the English way: "the City of Moscow", one name of the city.
_CITY_OF = re.compile(r"City of ([A-Z][\w'’-]*\w)")
# A city and "city" in lower case after it ("Moscow city leaders", "Moscow city and
# province"): one name of the city, as "Moscow province" is the province's; not where a
# body's word follows ("the Moscow city party", "the Moscow city and province party
# committees": the body's, Moscow as before "party"), nor the last word of a longer name
# ("New York city").
_CITY_AFTER = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*\w) city(?![\w'’-])")
_NAME_WORD_BEFORE = re.compile(r"[A-Z][\w'’.-]* $")
_CITY_WORD = (" city",)  # sought first (`pieces_holding`): `re` tries the look-behind at every character
_WORD_AFTER = re.compile(r" ([a-z]+)")
_AND_PROVINCE = re.compile(r" (?:and|or) (?:the )?(?:province|region|oblast)(?![\w'’-])")


# "at Sormovo", "near Sormovo" this often: prepositions saying where, which a newspaper's or
# a body's name does not follow as "in" does ("in Pravda").
_LOCATED_USES = 2


def located_topics(topics: Collection[str], text: str, keys: dict, not_names: Collection[str]) -> list:
    """The index's headings that name no place (a works: Sormovo, listed among factories)
    that the text writes right after "at" or "near" twice or more, before no capitalised
    word nor a possessive ("the meeting at Sormovo, with 15,000 workers"): a place too, where
    the text so locates something, and after "in" ("convened in Sormovo"); not after "the"
    ("the Sormovo works": the establishment). One word only, no place of the index's nor one
    an editor rejected (an earlier run's entry made so is the same), nor a person's name.
    The words after "at" and "near" are counted in one scan of the book (`_locating_words`;
    each heading sought after each took a quarter of a second of the bundled book)."""
    located: Counter = Counter()
    for _, start, end in find_words(_LOCATING_WORDS, text):
        if start and _word_char(text[start - 1]):
            continue  # "that Sormovo"
        word = _LOCATED_WORD.match(text, end)
        if word is not None and not _NOT_TOWN_AFTER.match(text, word.end()):
            located[word.group(0)] += 1
    found = []
    for name in sorted(topics):
        if located[name] < _LOCATED_USES or name in not_names:
            continue
        if name in keys and (
            keys[name] is None
            or isinstance(keys[name], str)
            or registers.provenance(keys[name]) == registers.FROM_INDEX
        ):
            continue  # the index's place, or a rejected one: an earlier run's entry from the text is this one
        found.append(name)
    return found


# A word after "at" or "near", whole: "Sormovo" of "at Sormovo," (not of "at Sormovo-Gorky").
_LOCATED_WORD = re.compile(r"[A-Z][\w'’]*(?:-[\w'’]+)*")


_LOCATING_WORDS = ("at ", "near ", "At ", "Near ")


# A place's other names in brackets after it, "or" between two: "Nizhnyi Novgorod (Nizhnyi
# or Nizhegorod)", "Kitaigorod (Chinatown)". Sought by the bracket (fast for `re`; a pattern
# opening with the space before it was tried at every space of the book: 1.6 ms, not 0.4),
# the space looked behind at, the name before it read back.
_OTHER_NAMES = re.compile(r"\((?<= \()([A-Z][a-z'’-]+)(?: or ([A-Z][a-z'’-]+))?\)")
_NAME_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)$")


def bracketed_names(text: str, keys: dict, not_names: Collection[str], lowercase: Collection[str]) -> dict:
    """The other names the text gives a place of the register in brackets right after it
    ("Nizhnyi Novgorod (Nizhnyi or Nizhegorod)", "Kitaigorod (Chinatown)"): each that
    place's, where it is no name of the register's, no person's or organisation's (nor a
    heading of the index that names no place: "the Dnieper (Dneprostroi)"), no word
    the book writes in lower case and no people's word. The name before the bracket must be
    the register's whole ("the New Tula (Novotula) works": New Tula is none)."""
    found: dict = {}
    for m in _OTHER_NAMES.finditer(text):
        space = m.start() - 1  # before the bracket
        before = _NAME_BEFORE.search(text, max(0, space - 40), space)
        if before is None or (before.start() and text[before.start() - 1] not in " \n(‘'\"“"):
            continue
        place = keys.get(before.group(1))
        if place is None or isinstance(place, str):
            continue  # no place, or one named only in some contexts
        for name in (n for n in m.groups() if n):
            if (
                name not in keys
                and name not in not_names
                and name.lower() not in lowercase
                and not _ADJECTIVE.search(name)
            ):
                found.setdefault(name, place)
    return found


def titles_in_running_text(divisions: list, titles: list[list] | None = None) -> list:
    """The titles of works the running text and its notes name (`title` elements of
    `divisions`), not inside another element whose words are not running text (a
    bibliography's entry, a foreign phrase, another title): the places they name are marked
    ("*The Wolf in the Kremlin*", "*Moscow in the Making*"), as the persons' and
    organisations' passes leave them; not a title that is a place's name alone, a
    periodical's or a film's ("*Ukraina*"), nor a place a hyphen joins to another name
    ("*Europe-Asia Studies*"). `titles`: each division's titles, in order, where found
    already (`names_and_titles`)."""
    found = []
    for k, division in enumerate(divisions):
        entered_of: dict = {}  # each parent climbed from: whether the walk of the text enters it
        for title in division.iter(_TITLE) if titles is None else titles[k]:
            parent = title.getparent()
            entered = entered_of.get(parent)
            if entered is None:
                entered_of[parent] = entered = _entered_from(parent, division)
            if entered:
                found.append(title)
    return found


def text_within(el) -> str:
    """`"".join(el.itertext())`: the text `el` holds, its tail left out, serialised in C
    (an index's thousands of terms read a third as long)."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


# "Germany. See Empire, the": a place's heading sending the reader to another heading, a name
# written with "the" ("the Empire"); the index's item as read may run on into the next one's.
_SEE_THE = re.compile(r"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)\. [Ss]ee ([A-Z][\w'’-]*[a-rt-z]), the\b")
_SEE_THE_END = ", the"  # what every match of `_SEE_THE` writes


def index_see_names(subjects: list, places: registers.Places, text: str, not_names: Collection[str]):
    """Other names the subject index gives a place of the register, sending the reader from
    the place's heading to a heading written with "the" ("Germany. See Empire, the", in
    Gardiner's index): (name, place) for each, where the text writes the name only after
    "the" (Gardiner's "the Empire", "The Empire"), no other place's, no person's, and no
    plural (not "La Vendée. See Vendeans, the": its people). The pattern is tried only on
    the terms that write its ", the" (`re` tried it at each capital of each term: of the
    bundled book's 1,427, none writes it)."""
    for div in subjects:
        for term in div.iter(q("term")):
            written = " ".join(text_within(term).split())
            if _SEE_THE_END not in written:
                continue
            for m in _SEE_THE.finditer(written):
                source, name = m.group(1), m.group(2)
                place = places.find(source)
                if place is None or name in not_names or places.find(name) is not None:
                    continue
                uses = [u.start() for u in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text)]
                if uses and all(text[max(0, at - 4) : at] in ("the ", "The ") for at in uses):
                    yield name, place


def apply(tei, ctx: Context, strict: bool = False, topics: set[str] | None = None):
    """Mark the places of the register; `strict` for a book without an index, where the
    text alone says what is a place (`textplaces`). `topics`: the index's headings that name
    no place ("Pravda"), never taken from the gazetteer.

    The lists of words the pass seeks in the book's unmarked text are found there in one
    scan (`wordscan`, `book_word_lists`), not one scan of the book for each."""
    text = ctx.view(UNMARKED_TEXT, unmarked_text)
    with scanning(text, book_word_lists(ctx.registers["place"], ctx.profile, ctx.person_words)):
        return _apply(tei, ctx, strict, topics)


# A capitalised word and one space right before a place's name
_WORD_AND_SPACE_BEFORE = re.compile(r"(?<![\w.'’‐-])([A-Z][a-z]+) $")
_LOWER_CASE = string.ascii_lowercase  # `_WORD_AND_SPACE_BEFORE`'s letters after the capital


def in_persons_name(text: str, start: int, forenames: Collection[str]) -> bool:
    """Whether a place's name at `start` follows a forename of the profile and one space,
    inside a person's name then ("Thomas Lake Harris", "George Washington"), no place.

    The word the pattern would find is read back first (the lower-case letters before the
    space, and the letter before them), the pattern searched only where it is a forename:
    most places follow a word that is none ("in", "of", "the")."""
    before = text[max(0, start - 20) : start].rstrip()
    if before[len(before.rstrip(_LOWER_CASE)) - 1 :] not in forenames:
        return False
    m = _WORD_AND_SPACE_BEFORE.search(text, max(0, start - 20), start)
    return m is not None and m.group(1) in forenames


def book_word_lists(reg: registers.Register, profile, person_words: Collection[str] = ()) -> list[tuple[str, ...]]:
    """The lists of words `apply` seeks in the book's unmarked text, each as it asks for it;
    `person_words`: the persons' names (`Context.person_words`)."""
    heads = registers.PLACE_HEADS | profile.place_heads
    return [
        gazetteer.known_names(),
        _renamed_cities(frozenset(person_words)),
        _index_cities(reg)[1],
        tuple(sorted(profile.place_streets)),
        _SIDE_WORD,
        _RIVER_PART_WORDS,
        _COMPASS_WORDS,
        _NICKNAME_WORDS,
        _EVENT_NOUN,
        _STREET_WORD,
        textplaces.LANDFORM_WORDS,
        _FIRST_WORDS,
        _SITE_HEAD_WORDS,
        _POSSESSIVE_CAPITALS,
        _ROUTE_WORDS,
        _FEATURE_FIRST_WORDS,
        _FEATURE_HEAD_WORDS,
        _CITY_WORD,
        _COORDINATED_CLOSE_WORDS,
        _unit_forms(heads),
        _named_unit_forms(heads),
        _AUTONOMOUS_WORDS,
        _COMPASS_COMPOUND_WORDS,
        _ranges_of()[1],
        _STATE_OF_WORDS,
        _LOCATING_WORDS,
        _BUILDING_HEADS,  # `buildings_alone`
        _OTHERS_WORDS,  # `kinds_before_others`
        _TOWN_NAMING_WORDS,  # `named_as_towns`, where the persons' pass left it to this one
        *(tuple(words) for _, words in _WORLD_PAIRS),
        _WORLD_WORDS,
        _DISTRICT_OF_WORDS,
        _KIND_LIST_WORDS,
        _APPOSITION_OPENINGS,
        register_first_words(reg),
    ]


def register_first_words(reg: registers.Register) -> tuple[str, ...]:
    """The first words of the register's names of two words that `short_forms` and
    `site_first_words` seek alone (a city's, in each of its spellings: "Nizhny"; a site's:
    "Novodevichy"), of the entries it holds now, sorted: their lists, made of the entries
    the pass finds by then, are answered from the book's scan where it holds their words."""
    words = set()
    for place in reg.entries.values():
        for name in registers.place_names(place):
            parts = name.split()
            if len(parts) == 2:
                if place.get("type") == "city":
                    words.update(spellings(parts[0]))
                if parts[1].lower() in _SITE_HEADS:
                    words.add(parts[0])
    return tuple(sorted(word for word in words if word))


def _apply(tei, ctx: Context, strict: bool, topics: set[str] | None):
    reg = ctx.registers["place"]
    places = RunPlaces(reg, earlier_findings(reg, ctx.profile))
    person_words = set(ctx.person_words)
    text = ctx.view(UNMARKED_TEXT, unmarked_text)
    institutions = [] if strict else institutions_named_like_towns(reg, text)
    for place in institutions:  # "the IV Duma": never a town, here nor from the gazetteer
        topics = {*(topics or ()), *registers.place_names(place)}
        ctx.report.info(
            "place-not-taken",
            None,
            f"'{registers.place_names(place)[0]}' names a town in GeoNames, but the text writes it only as an "
            "institution ('the IV Duma', 'the Moscow Duma'): no place",
            text=registers.place_names(place)[0],
        )
    lowercase = word_counts(ctx).lower_parts  # every run of lower-case letters, counted
    for form, name, place in close_spellings(places, word_counts(ctx).capitalised, text, person_words):
        places.alias(form, place)  # found as the index's place by every rule below, and marked so
        ctx.report.info(
            "place-spelling",
            None,
            f"'{form}' taken for the index's '{name}': one letter apart, and no other place's name",
            text=form,
        )
    for name in gazetteer.known_in(text):  # places wherever a book writes them so (gazetteer.toml)
        if name not in ctx.profile.not_places and name not in person_words and places.find(name) is None:
            geo = gazetteer.known()[name]
            places.add(name, geo.type, geo, "named in the text")
    for name, kind in native_streets(text, ctx.profile.place_streets, lowercase):
        if name not in ctx.profile.not_places and places.find(name) is None:
            places.add(name, kind, None, "named in the text")
    for name in sides(text, places, person_words | set(ctx.profile.not_places)):
        places.add(name, "district", None, "named in the text")
    # "a crossing of the Don": the river, not where a capitalised word follows ("Don Juan")
    rivers = rivers_by_their_parts(text, places, person_words | set(ctx.profile.not_places))
    for name in rivers:
        if (whole := places.find(f"{name} River")) is not None:
            places.alias(name, whole)  # the index's "Don River"
            continue
        river = gazetteer.lookup_named(name, everything=True)
        places.add(name, "river", river if river is not None and river.type == "river" else None, "named in the text")
    if strict:
        evidence = "\n\n".join(namewords.unmarked_prose(ctx))
        # a state of the profile's list (`polities`: `[places] states`) is entered below as a
        # state, no modern place of the gazetteer's ("into Chʽin territory": not Myanmar's Chin State)
        handed = {name for name, where in ctx.places_of_persons_names.items() if polities.LISTED in where}
        textplaces.discover(
            places, evidence, person_words | set(ctx.profile.not_places) | handed, ctx.profile, lowercase
        )
        textplaces.datelines(places, tei, person_words | set(ctx.profile.not_places), ctx.profile, lowercase)
        # "in Paris, Hamburg, Vienna, Sweden, and other places"
        add_kinds_before_others(places, evidence, person_words | set(ctx.profile.not_places), lowercase)
        for m in _first_word_names(evidence):  # "the Rue du Fouarre", "the Ponte Vecchio", as with an index
            if places.find(m.group(1)) is None and m.group(1) not in ctx.profile.not_places:
                kind = _FIRST_WORD_TYPES[m.group(1).split()[0]]
                places.add(m.group(1), kind, None, "named in the text", evidence=f"a {kind} named its word first")
    else:
        for name in sorted(
            discover(
                places,
                text,
                person_words | set(ctx.profile.not_places),
                lowercase,
                topics or set(),
                ctx.profile.regions,
                word_counts(ctx).capitalised,
                ctx.profile.org_nouns,
                word_counts(ctx),
                ctx.profile.place_town_first,
            )
        ):
            ctx.report.info(
                "place-not-taken",
                None,
                f"'{name}' names a place in GeoNames, but the text writes it before a person's name: "
                "taken for a forename or nickname, not marked",
                text=name,
            )
    for form, place in accented_spellings(places, word_counts(ctx).whole, person_words):
        places.alias(form, place)  # "the landing of the emigrants at Quibéron", the index's "Quiberon"
    if not strict:
        subjects = ctx.view(registers.INDEX_DIVS, registers.index_divs)[1]  # as the registers pass found them
        for form, place in index_see_names(subjects, places, text, person_words):
            places.alias(form, place)  # the index's "Germany. See Empire, the": "the Empire"
    keys: dict = {}
    rejected = [place for place in reg.entries.values() if registers.rejected(place)] + institutions
    for place in rejected:  # an editor's verdict: no mention of it is marked (nor entered again)
        for name in registers.place_names(place):
            for form in spellings(name):
                keys[form] = None
    for place in reg.entries.values():
        for name in registers.place_names(place):
            head = name.rsplit(" ", 1)[-1]
            if head.lower() in _SITE_HEADS and " " in name:  # "Spassky Tower", "the Spassky tower"
                other = head.lower() if head[0].isupper() else head.capitalize()
                keys.setdefault(name[: -len(head)] + other, place)
            for form in spellings(name):
                if form not in person_words and form not in ctx.profile.not_places and form not in _WORLD_PART_NAMES:
                    keys.setdefault(form, place)
            for form in sorted(other_forms(name)):  # "the church of Christ the Saviour", "the Baltic republics"
                if form not in ctx.profile.not_places:
                    keys.setdefault(form, place)
    for form, place in places.forms.items():
        keys.setdefault(form, place)
    for name, where in sorted(ctx.places_of_persons_names.items()):
        # a person's name where the text names a place by it (`textnames`: "In Galloway sae
        # wide", "a ticket for Worthing"), marked where the persons' pass left it
        if name not in ctx.profile.not_places and keys.get(name, "") is not None:
            entry = places.find(name)
            if entry is None:
                # a state the book names (`polities`: one the gazetteer knows by no such name)
                # is no modern city it knows by another name ("Chʽu", not Quzhou's "Chu")
                named = None if where.startswith(polities.EVIDENCE) else gazetteer.lookup(name)
                kind = named.type if named else "region"
                entry = places.add(name, kind, named, "named in the text", evidence=where)
            keys[name] = entry
    shorts = set(rivers)  # a city's first word alone: not before another capitalised word ("on Nizhnyi Val", a street)
    for form, place in short_forms(reg, keys, text, lowercase).items():
        if form not in keys:
            keys[form] = place
            shorts.add(form)
    for form, place in site_first_words(reg, keys, text, person_words, lowercase).items():
        keys.setdefault(form, place)  # "buried at Novodevichy": the Novodevichy cemetery
    not_names = person_words | set(ctx.profile.not_places) | set(ctx.profile.known_orgs) | set(ctx.profile.org_nouns)
    for name in places_in_towns(text, shorts - set(rivers), keys, not_names, lowercase):
        keys[name] = _entered(places, name, "place")
    # not a heading of the index that names no place: "the Dnieper (Dneprostroi)", its works' trust
    for form, place in bracketed_names(text, keys, not_names | set(topics or ()), lowercase).items():
        keys.setdefault(form, place)  # "Nizhnyi Novgorod (Nizhnyi or Nizhegorod)", "Kitaigorod (Chinatown)"
    for m in _CITY_OF.finditer(text):  # "the Master Plan for the Reconstruction of the City of Moscow"
        city = keys.get(m.group(1))
        if city is not None and not isinstance(city, str) and city.get("type") == "city":
            keys.setdefault(m.group(0), city)
    city_and_unit = set()  # "Moscow city", not before a body's word (`find`)
    for m in pieces_holding(_CITY_AFTER, _CITY_WORD, text):  # "Moscow city and province accounted for a fifth"
        city = keys.get(m.group(1))
        if (
            city is not None
            and not isinstance(city, str)
            and city.get("type") == "city"
            and not _NAME_WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            and m.group(0) not in keys
        ):
            keys[m.group(0)] = city
            city_and_unit.add(m.group(0))
    heads = registers.PLACE_HEADS | ctx.profile.place_heads
    for name, kind, named in units(text, keys, heads):
        if name not in keys:
            # "the Siberian region", "Zamoskvorech'e district" are the region, the district;
            # "Moscow province" is not the city.
            same = named.get("type") == kind
            keys[name] = named if same else _entered(places, name, kind)
            if not same:
                # the new entry's other spellings, as a later run reads them from its register
                # ("Nizhny province" for "Nizhnyi province"): the same marks on every run
                for form in sorted(spellings(name)):
                    if form not in person_words and form not in ctx.profile.not_places:
                        keys.setdefault(form, keys[name])
    for name in compass_compounds(text, keys):  # "Central and South-Eastern Europe"
        keys.setdefault(name, _entered(places, name, "region"))
    for name in ranges_of(text, keys):  # "the Alps of Dauphiné"
        keys.setdefault(name, _entered(places, name, "mountains"))
    if strict:  # (a book with an index: `discover` finds them)
        for name in compass_regions(text, keys, _FUNCTION_WORDS | ctx.profile.english_words):
            keys[name] = _entered(places, name, "region")  # "Lower Silesia", "Northern France"
    for name, of in autonomous_units(text, keys):  # "the Jewish autonomous region of Birobidzhan"
        if name not in keys:
            keys[name] = of if of is not None else _entered(places, name, "region")
    # "the Krasnopresnensky district", "the Bauman district": a unit named by a name of its own
    not_names = set(keys) | set(ctx.profile.org_nouns) | set(ctx.profile.known_orgs) | set(ctx.profile.not_places)
    for name, kind in named_units(text, heads, not_names, lowercase, unit_followers(ctx.profile)):
        if name not in keys:
            keys[name] = _entered(places, name, kind)
    # "the West", "the East", "the Continent": a part of the world the text names so
    world: dict = {}
    for name in sorted({m.group(1) for m in world_parts(text)} - set(ctx.profile.not_places)):
        known = places.find(name)
        world[name] = known if known is not None else places.add(name, "region", None, "named in the text")
    towns = towns_named_after_persons(text, person_words, ctx.view(TOWN_NAMES, lambda tree: named_as_towns(text)))
    units_written = units_of_towns_written(text, towns, person_words)
    for name in towns:  # "Kuibyshev province": the province of the city named after him
        for head in ("province", "region", "oblast"):
            unit_name = f"{name} {head}"
            if unit_name not in keys and unit_name in units_written:
                keys[unit_name] = _entered(places, unit_name, "region")
    # Names matched only where their context says so, found by the same scan as the others:
    # "the Metro" where the register's one site so headed is "Moscow Metro" (`sites_by_head`),
    # and "in Kuibyshev" where the book names a town after a person (`town_at`).
    by_head = {head: place for head, place in sites_by_head(reg, rejected).items() if head not in keys}
    for head in by_head:
        keys[head] = _HEAD_ALONE
    # A head the book names its site by, "the Metro", twice or more, where the site is a
    # place's ("Moscow Metro"; not the "Catholic Church" of "Church lands"): the site
    # mid-sentence without "the" too ("in charge of Metro construction").
    heads_alone = {
        head
        for head, place in by_head.items()
        if _a_places(registers.place_names(place)[0], keys) and written_twice(the_head_alone(head), f"the {head}", text)
    }
    for name in towns:
        keys.setdefault(name, _TOWN)
    for head in sorted(buildings_alone(text)):  # "imprisoned in the Temple": marked where so written only
        keys.setdefault(head, _BUILDING)
    seas = seas_by_adjective(lowercase)
    for adjective in seas:  # "the Adriatic.": marked where so written only
        if adjective not in person_words:  # "the Bering": a man's name too
            keys.setdefault(adjective, _SEA)
    capitals: set[str] = set()
    titles = {h.rstrip(".").upper() for h in ctx.profile.honorifics}
    # a place's name that is also a title before a name ("Don Juan", "Don Carlos": the Don)
    honorific_names = {h for h in ctx.profile.honorifics if not h.endswith(".")}
    forenames = ctx.profile.forenames
    if strict:
        # "PARTICULARLY THE STATE OF NEW YORK", "to FRANCE": a book without an index sets
        # words in capitals for emphasis, a place's name among them; a name of five letters
        # or more, or of two words (not "ROME" nor "IOWA": short capitals are often initials);
        # not after an honorific ("EPISTLE TO MAJOR LOGAN", where Logan is also a river: `find`)
        for form, place in sorted(keys.items()):
            if place is not None and not isinstance(place, str) and (" " in form or len(form) >= 5):
                if form.upper() not in keys:
                    keys[form.upper()] = place
                    capitals.add(form.upper())
    for name, place in formal_names(text, keys).items():  # "To the People of the State of New York"
        keys.setdefault(name, place)
    located = {} if strict else located_topics(topics or (), text, keys, person_words | set(ctx.profile.not_places))
    for name in located:  # "at Sormovo, with 15,000 workers", the index's works: "the Sormovo works"
        keys[name] = _LOCATED
    matcher = Matcher(keys, split_hyphens=True)
    tails = heading_tails(
        topics or (), places, {name for place in institutions for name in registers.place_names(place)}
    )
    cue = textplaces.before(ctx.profile)
    capitalised = word_counts(ctx).capitalised
    bodies = body_words(ctx.profile)
    bodies[0].update(tail.lower() for tail in tails)  # "the Gomel' soviet", as the index's "Tashkent Soviet"
    city_bodies = bodies[0] | bodies[1] | bodies[2]  # "the Moscow city party", "Moscow city soviet"
    function_words = _FUNCTION_WORDS | ctx.profile.english_words
    # the words named as states (`polities`), handed by the persons' pass
    # and the places a book names after their own characters (`ownscript`: "sent to 魏 Wei"),
    # weighed as states are: their syllables are written in lower case inside other names
    states = {
        name
        for name, where in ctx.places_of_persons_names.items()
        if where.startswith((polities.EVIDENCE, ownscript.EVIDENCE))
    }
    counts: Counter = Counter()
    used = set()
    org_names, titles_found = names_and_titles(ctx.view(REGIONS, regions))
    before_bodies = texts_before_bodies(ctx.view(REGIONS, regions), org_names)

    # a common word's twin the book knows as a place on evidence of its own (`proper_twins`:
    # the river Forth, beside "forth"): the place wherever written capitalised mid-sentence
    twins = (
        textplaces.proper_twins(
            [
                k
                for k, p in keys.items()
                if p is not None and not isinstance(p, str) and common_word(k, lowercase, capitalised)
            ],
            text,
            ctx.profile,
        )
        if strict
        else frozenset()
    )

    # Each place's id, and the reference to it, read once (not its attribute, twice a mark:
    # 2,000 marks of the bundled book); ids are given as entries are made, and never changed.
    idents: dict = {}
    refs: dict = {}
    place_mark = _place_marks(tei)

    def find(text: str, in_title: bool = False):
        spans = []
        found = matcher.find(text)
        for start, end, key, place in found:
            if prefixed(text, start):
                # "post-Soviet Russia": Russia, the name after the adjective, where the register has it
                rest = key.partition(" ")[2]
                if rest not in keys:
                    continue
                start, key, place = end - len(rest), rest, keys[rest]
            if key in city_and_unit:
                unit = _AND_PROVINCE.match(text, end)
                word_after = _WORD_AFTER.match(text, unit.end() if unit else end)
                if word_after is not None and word_after.group(1) in city_bodies:
                    end, key = end - len(" city"), key[: -len(" city")]  # "the Moscow city party": Moscow
            if place is _HEAD_ALONE:
                if _NOT_ALONE_AFTER.match(text, end) or not (
                    _after_the(text, start)
                    or (key in heads_alone and _MID_SENTENCE.match(text, max(0, start - 2), start))
                ):
                    continue  # "the Metro", "of Metro construction"; not "Metro-Vickers", "the Metro Vickers"
                place = by_head[key]
            elif place is _LOCATED:
                if _after_the(text, start) or not town_at(text, start, end):
                    continue  # "the Sormovo works", "such as Sormovo in Nizhnyi": the works
                place = places.find(key)
                if place is None:
                    place = places.add(key, "settlement", None, "named in the text")
            elif place is _BUILDING:
                if not building_alone(text, start, end):
                    continue  # "the Temple of Reason", "the Palace's guard"
                place = places.find(key)
                if place is None:
                    place = places.add(key, "site", None, "named in the text")
            elif place is _SEA:
                if not (_after_the(text, start) and _SEA_ALONE_ENDS.match(text, end)):
                    continue  # "the Atlantic coast", "the Baltic fleet": the sea's adjective, qualifying
                place = places.find(seas[key])
                if place is None:
                    geo = gazetteer.known()[seas[key]]
                    place = places.add(seas[key], geo.type, geo, "named in the text")
            elif place is _TOWN:
                if not town_at(text, start, end, person_words):
                    continue  # "evacuated to Moscow, then in Kuibyshev": the town named after him
                place = places.find(key)
                if place is None:
                    place = places.add(key, "city", towns[key], "named in the text; GeoNames")
            if place is None or place in rejected:
                continue  # a name of an entry the editor rejected
            if key in capitals and text[:start].rstrip().rpartition(" ")[2].rstrip(".") in titles:
                continue  # "TO MAJOR LOGAN": a man's name in capitals, not the river's
            if (
                strict
                and key not in states  # (`polities` weighed its lower-case uses, words of their own: not "Hsing-yen")
                and common_word(key, lowercase, capitalised)
                and not textplaces.cue_before(text, start, cue)
                and not (key in twins and not initial(text, start))
            ):
                continue  # "Bath" where the book also writes "bath": only "in Bath"
            # what follows the name: the patterns tried after it below open with a hyphen, a
            # space or (after one) a bracket, and most names are followed by none of them
            after = text[end : end + 1]
            if after in _HYPHENS and _IN_ADJECTIVE.match(text, end):
                continue  # "the Urals-Siberian method": half of an adjective, not a place
            if qualified(text, start):
                continue  # "the trim New England landscape", "Old Serbia": a longer name's last word
            if (
                after == " "
                and (key in _BUILDING_HEADS or key.lower() in _SITE_HEADS)
                and _OF_NAME_AFTER.match(text, end)
            ):
                continue  # "the Temple of Reason": the head of a longer name, not "the Temple" a prison
            if names_a_body(text, start, end, bodies, function_words) or opens_with_meeting(text, start, bodies):
                continue  # "the Moscow party committee": a body's name, the organisations' to mark
            if end == len(text) - 1 and text in before_bodies and _after_the(text, start):
                continue  # "the Nizhnyi province <orgName>Cheka</orgName>": the body's name
            if key in states and (
                polities.inside_longer_name(text, start, end, function_words)
                or polities.named_as_a_type(text, start, end, function_words)
            ):
                continue  # "Chêng Yu-hsien", "Lord Wu": a state's name inside a person's; "a Chu or a Kuei"
            if key in states and (polities.names_a_house(text, start, end) or text[start - 1 : start] in _HYPHENS):
                continue  # "the Chʽin dynasty": a ruling house's name; "Mei Yao-Chʽên": a name's syllable
            if names_a_line(text, start, end):
                continue  # "the Donetsk line": a railway's line named by one place, its administration's
            if in_symbol(text, start, end):
                continue  # "WSIS-03/GENEVA/DOC/0004": a document's symbol, no mention of Geneva
            if namewords.in_tunes_title(text, start):
                continue  # "Tune--“Galla Water.”": a song's title, no mention of the river
            if after == " " and (_TITLE_AFTER.match(text, end) or (key in shorts and _CAPITAL_AFTER.match(text, end))):
                continue  # "The New York Times correspondent": a newspaper's title; "Nizhnyi Val", a street
            if tails and after == " " and (word := _CAPITAL_AFTER.match(text, end)) and word.group(1) in tails:
                continue  # "the Moscow Soviet", the index's "Tashkent Soviet" no place: a body's name
            if key in honorific_names and _CAPITAL_AFTER.match(text, end):
                continue  # "Byron's Don Juan": a man's title and his name, not the river Don
            if text[start - 1 : start] == " " and in_persons_name(text, start, forenames):
                continue  # "our best known American mystic (Thomas Lake Harris)": his middle name and surname
            if in_title and (_COMPOUND_AFTER.match(text, end) or (start == 0 and end == len(text))):
                continue  # the journal "Europe-Asia Studies"; a title that is a place's name alone ("Ukraina")
            ident = idents.get(place)
            if ident is None:
                ident = idents[place] = place.get(XML_ID)
                refs[place] = f"{registers.PLACES_FILE}#{ident}"
            spans.append((start, end, place_mark(place, refs[place])))
            used.add(ident)
            counts["placeName"] += 1
            other = _BRACKETED.match(text, end) if text.startswith("(", end + 1) else None
            # a bracketed name the register knows is matched as such
            if other and all(other.start(1) != s for s, _, _, _ in found) and _same_place(other.group(1), place):
                spans.append((other.start(1), other.end(1), make_in(tei, "placeName", ref=spans[-1][2].get("ref"))))
                counts["placeName"] += 1
        # (`map`, not a generator, whose frame made for each text took twice the time)
        if world and any(map(text.__contains__, _WORLD_WORDS)):
            taken = [(a, b) for a, b, _ in spans]
            for m in world_parts(text):
                start, end = m.span(1)
                place = world.get(m.group(1))
                if place is not None and place not in rejected and not any(a < end and start < b for a, b in taken):
                    spans.append(
                        (start, end, make_in(tei, "placeName", ref=f"{registers.PLACES_FILE}#{place.get(XML_ID)}"))
                    )
                    used.add(place.get(XML_ID))
                    counts["placeName"] += 1
            spans.sort(key=lambda span: span[0])
        if any(map(text.__contains__, _SHARED_HEAD_WORDS)):
            taken = [(a, b) for a, b, _ in spans]
            for start, end, place in shared_head(text, places):
                if place not in rejected and not any(a < end and start < b for a, b in taken):
                    spans.append(
                        (start, end, make_in(tei, "placeName", ref=f"{registers.PLACES_FILE}#{place.get(XML_ID)}"))
                    )
                    used.add(place.get(XML_ID))
                    counts["placeName"] += 1
            spans.sort(key=lambda span: span[0])
        return spans

    # what `find` looks for besides the matcher's keys: a text holding none of them gives nothing
    also = (*(_WORLD_WORDS if world else ()), *_SHARED_HEAD_WORDS)
    mark(ctx, find, matcher=matcher, also=also)
    if states:  # "Lord <foreign>Wu</foreign>": the words around a state's name set apart
        for ident in _states_in_names(tei, states, ctx.profile.honorifics, function_words):
            counts["placeName"] -= 1
            if not any(ref == f"{registers.PLACES_FILE}#{ident}" for ref in _place_refs(tei)):
                used.discard(ident)
    if states:  # "皇甫嵩 Huang-fu Sung … but Sung turned a deaf ear": the general, no state
        for ident, linked in _states_as_persons(tei, states):
            counts["placeName"] -= 1
            ctx.report.counts["persName"] = ctx.report.counts.get("persName", 0) + 1
            if linked:
                ctx.report.counts["persName_linked"] = ctx.report.counts.get("persName_linked", 0) + 1
            if not any(ref == f"{registers.PLACES_FILE}#{ident}" for ref in _place_refs(tei)):
                used.discard(ident)
    for taken, feature in _features_set_apart(tei, places):  # "the 易 I River": the river
        counts["placeName"] += 0 if taken else 1
        used.add(feature)
        if taken and not any(ref == f"{registers.PLACES_FILE}#{taken}" for ref in _place_refs(tei)):
            used.discard(taken)
    if not strict:
        for title in titles_in_running_text(ctx.view(REGIONS, regions), titles_found):
            wrap_slots(text_slots(title, _SKIP_IN_TITLES), lambda text: find(text, in_title=True))
    for place in list(reg.added):
        if place.get(XML_ID) not in used and (
            registers.provenance(place) != registers.FROM_INDEX or place in institutions
        ):
            reg.remove(place)  # the profile's list names places this book may not have
    if strict:  # "by Rusper's", "Saint Stephen's House": the shop, the building, not the man the persons' pass marked
        persons_before = _mentioned(tei, "persName", registers.PERSONS_FILE)
        shops = textplaces.establishments(tei, places, ctx.profile) + textplaces.saints_buildings(tei, places)
        shops += textplaces.known_over_persons(tei, places, ctx.profile)  # "the Heaven of Venus": not the god
        shops += textplaces.cities_over_persons(tei, places, ctx.profile)  # "studied at Paris": not Priam's son
        shops += first_word_saints(tei, places)  # "Porta Santa Maria": a gate, not the Virgin
        # "the church of San Miniato", "the Church of Santa Maria del Popolo": the saint's building
        orgs_before = _mentioned(tei, "orgName", registers.ORGS_FILE)
        churches_persons, churches_orgs, churches = textplaces.saints_churches(tei, places)
        shops += churches_persons
        counts["placeName"] += shops + churches_orgs + churches
        if churches_orgs:
            if "orgName" in ctx.report.counts:
                ctx.report.counts["orgName"] -= churches_orgs
            _forget(ctx, "org", orgs_before - _mentioned(tei, "orgName", registers.ORGS_FILE))
        if shops:
            ctx.report.counts["persName"] -= shops
            _forget(ctx, "person", persons_before - _mentioned(tei, "persName", registers.PERSONS_FILE))
    places.restore()
    ctx.report.counts["places"] = len(reg.entries)
    ctx.report.counts["placeName"] = counts["placeName"]
    return tei
