"""The places' pass made faster (issue 14, round 5), with the same answers: each shortcut
against the plain form it stands for, on the bundled book's edition and text and on books of
the shared corpus (a shortcut that found one place more or less would change the edition)."""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from conftest import ROOT, SAMPLE, corpus_book
from teikit.enrich import places, registers
from teikit.profile import load_profile
from test_places_speed import _accented_plain  # every word of the book looked at

BOOK = SAMPLE.read_text(encoding="utf-8")
JAMES = corpus_book("james-varieties-of-religious-experience")
GARDINER = corpus_book("gardiner-french-revolution")
EDITION = ROOT / "tei" / "iron-lazar"
TEI = "{http://www.tei-c.org/ns/1.0}"
PLACE_NAMES = sorted({el.text for el in etree.parse(str(EDITION / "places.xml")).iter(f"{TEI}placeName") if el.text})
# Every capitalised word and run of capitalised words of the books, and their index's terms:
# what `spellings` is asked of (register names, index headings, a city's first word).
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.–-]*(?: [A-Z][\w'’.–-]*){0,3}")
NAMES = sorted(
    {*PLACE_NAMES, *(m.group(0) for text in (BOOK, JAMES, GARDINER) for m in _CAPITALISED_RUN.finditer(text))}
)


def _spellings_plainly(name: str) -> set[str]:
    """`places.spellings` with every step taken for every name."""
    out = {name}
    for pattern, alts in places._ENDINGS:
        for variant in list(out):
            if pattern.search(variant):
                out.update(pattern.sub(a, variant) for a in alts)
    out.update({n.replace("'", "") for n in out} | {n.replace("'", "’") for n in out})
    out.update({n.replace("–", "-") for n in out} | {n.replace("-", "–") for n in out if "-" in n and " " in n})
    for variant in list(out):
        m = places._SAINT.match(variant)
        if m:
            out.update(f"{form} {variant[m.end() :]}" for form in ("St", "St.", "Saint"))
    out.update({"Ye" + n[1:] for n in out if n.startswith("E") and n[1:2] in "kv"})
    return out


EDGE_NAMES = [
    "S't Petersburg",  # the apostrophe dropped makes the saint: "St Petersburg"
    "Nizhnyi Novgorod", "Krivoi Rog", "Gorkii", "Zaporozh'e", "Moscow–Volga canal", "Moscow-Volga canal",
    "St. Petersburg", "Saint Helena", "Stalino", "Ekaterinburg", "E", "Evpatoriya", "Dnepropetrovsk",
]  # fmt: skip


def test_spellings_as_every_step_taken():
    assert len(NAMES) > 10_000
    for name in [*NAMES, *EDGE_NAMES]:
        assert places.spellings(name) == _spellings_plainly(name), name
    assert "St Petersburg" in places.spellings("S't Petersburg")


def _cued_names_plainly(text: str, lowercase_words: Counter) -> tuple[Counter, ...]:
    """`places.cued_names` with `_PLACE_NOUN` searched before every weak cue, and a list
    sought after every name."""
    seen: Counter = Counter()
    strong: Counter = Counter()
    settled: Counter = Counter()
    located: Counter = Counter()
    qualifying: Counter = Counter()
    attributive: Counter = Counter()
    listed: set[int] = set()
    for m in places.after_cue(text):
        cue, the, name, follows = m.groups()
        if m.start(3) in listed:
            continue
        if name[-1] in "'’":
            name = places._unquoted(name)
        elif name.endswith(("'s", "’s")) and " " not in name:
            name = name[:-2]
        if the and follows in places._SITE_HEADS:
            continue
        seen[name] += 1
        if follows and follows not in registers.PLACE_HEADS:
            if the:
                qualifying[name] += 1
            if (
                follows not in places._FUNCTION_WORDS
                and follows not in places._PREPOSITIONS
                and not places._PAST_TENSE.fullmatch(follows)
            ):
                attributive[name] += 1
            if the or lowercase_words.get(follows, 0) < places._COMMON:
                continue
        is_strong = cue not in places._WEAK_CUES or places._PLACE_NOUN.search(
            text, max(0, m.start() - 20), m.start() + 3
        )
        if is_strong:
            strong[name] += 1
            if not the and cue not in places._WEAK_CUES:
                settled[name] += 1
                if cue in ("at", "near", "At", "Near"):
                    located[name] += 1
        for item, at in places._listed(text, m.end(3), lowercase_words):
            listed.add(at)
            seen[item] += 1
            strong[item] += 1 if is_strong else 0
    return seen, strong, settled, located, qualifying, attributive


# Weak cues before a place's noun and "of" written every way `_PLACE_NOUN` takes it (spaces,
# a line break; a noun of its list, one ending another word), lists after every kind of cue.
EDGE_TEXT = (
    "the population of\nKharkov and Kiev grew; the town  of Efremov, Tula and Orel; the city of\tOmsk or Tomsk; "
    "the outskirts of Perm, Ufa, and Kazan. the works of Tolstoy and Gorky; between Moscow and Kiev; "
    "the subtown of Vitebsk; in Minsk, Pinsk or Brest; at Baku,Tiflis and Erevan; "
    "inhabitants\nof Kursk and Orel; the centre of Kiev or Odessa"
)


def test_cued_names_as_every_cue_asked():
    from teikit.enrich.matching import WordCounts

    for text in (BOOK, JAMES, GARDINER, EDGE_TEXT):
        lowercase = WordCounts(text).lower_parts
        fast, plain = places.cued_names(text, lowercase), _cued_names_plainly(text, lowercase)
        for a, b in zip(fast, plain, strict=True):
            assert list(a.items()) == list(b.items())  # the same counts, made in the same order
    strong = places.cued_names(EDGE_TEXT, WordCounts(EDGE_TEXT).lower_parts)[1]
    assert {"Kharkov", "Kiev", "Efremov", "Tula", "Orel", "Omsk", "Tomsk", "Kursk", "Odessa"} <= set(strong)
    assert "Tolstoy" not in strong and "Vitebsk" not in strong


def test_accented_spellings_from_the_few_words_that_may_be_one():
    from teikit.enrich.matching import WordCounts

    root = etree.parse(str(EDITION / "places.xml")).getroot()
    register = registers.Places(registers.Register("place", etree.fromstring(etree.tostring(root))))
    # Gardiner writes "Vendée", "Quibéron" (and "Quiberon") and "Orleans": the register's
    # names unaccented, accented, and one written both ways
    for name in ("Vendee", "Quiberon", "Orléans", "Besancon", "Condé", "Liège"):
        register.add(name, "region", None, "named in the text")
    words = {**WordCounts(BOOK).whole, **WordCounts(GARDINER).whole}
    not_names = {"Condé"}
    found = list(places.accented_spellings(register, words, not_names))
    assert found == list(_accented_plain(register, words, not_names))
    assert {"Vendée", "Quibéron", "Orleans", "Besançon", "Liége"} <= {word for word, _ in found}


# Where a place's name begins and ends in real text: every capitalised word's, and every
# run of two or three's, of the three books, and edges that each pattern looks for.
PLACE_EDGES = (
    "the Urals-Siberian method, the Urals–Siberian method; The New York Times correspondent, the Moscow Soviet "
    "in the Temple of Reason; Nizhnyi (Nizhegorod) and Kitaigorod (Chinatown), Moscow\t(Muscovy); "
    "(Thomas Lake Harris) and George Washington, the Moscow party committee, The Kiev city soviet; "
    "Byron's Don Juan, President\nLincoln, theThe Moscow, anti-Moscow the\nMoscow"
)
_NAME_RUN = re.compile(r"[A-Z][\w'’]*(?: [A-Z][\w'’]*){0,2}")
SPANS = [(text, m.start(), m.end()) for text in (BOOK, JAMES, GARDINER, PLACE_EDGES) for m in _NAME_RUN.finditer(text)]


def test_what_follows_a_place_as_the_patterns_read_it():
    """`find`'s tests of what follows a place's name, each tried only after the character
    its pattern opens with (a hyphen, a space, a space and a bracket)."""
    assert len(SPANS) > 50_000
    after_space = (places._TITLE_AFTER, places._CAPITAL_AFTER, places._OF_NAME_AFTER)
    seen = Counter()
    for text, _, end in SPANS:
        after = text[end : end + 1]
        if places._IN_ADJECTIVE.match(text, end):
            assert after in places._HYPHENS
            seen[after] += 1
        for pattern in after_space:
            if pattern.match(text, end):
                assert after == " "
                seen[pattern.pattern] += 1
        if places._BRACKETED.match(text, end):
            assert text.startswith("(", end + 1)
            seen["("] += 1
    assert len(seen) == 6  # each pattern matched somewhere, the en dash too


def test_the_before_a_place_and_a_forename_as_the_patterns_read_them():
    """`names_a_body`'s "the" before a place, told by how the text before ends first, and
    `in_persons_name`, the word before read back first: as their patterns alone tell them."""
    persons = etree.parse(str(EDITION / "persons.xml"))
    forenames = {el.text for el in persons.iter(f"{TEI}forename") if el.text} | {"Thomas", "George", "President"}
    found = Counter()
    for text, start, _ in SPANS:
        the = places._THE_BEFORE.search(text, max(0, start - 4), start) is not None
        assert the <= text.endswith(places._THE_ENDS, 0, start)
        m = places._WORD_AND_SPACE_BEFORE.search(text, max(0, start - 20), start)
        plainly = m is not None and m.group(1) in forenames
        assert places.in_persons_name(text, start, forenames) == plainly
        found[the, plainly] += 1
    assert found[True, False] and found[False, True]


_OTHER_NAMES_AT_SPACE = re.compile(r" \(([A-Z][a-z'’-]+)(?: or ([A-Z][a-z'’-]+))?\)")


def _bracketed_names_plainly(text, keys, not_names, lowercase):
    """`places.bracketed_names` with its pattern opening at the space before the bracket."""
    found: dict = {}
    for m in _OTHER_NAMES_AT_SPACE.finditer(text):
        before = places._NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is None or (before.start() and text[before.start() - 1] not in " \n(‘'\"“"):
            continue
        place = keys.get(before.group(1))
        if place is None or isinstance(place, str):
            continue
        for name in (n for n in m.groups() if n):
            if name not in keys and name not in not_names and name.lower() not in lowercase:
                if not places._ADJECTIVE.search(name):
                    found.setdefault(name, place)
    return found


def test_bracketed_names_sought_by_the_bracket():
    from teikit.enrich.matching import WordCounts

    edges = "Nizhnyi Novgorod (Nizhnyi or Nizhegorod), Kitaigorod  (Chinatown) (Moscow) ((Kiev)) x(Tver) \n(Omsk)"
    root = etree.parse(str(EDITION / "places.xml")).getroot()
    keys = {el.text: el.getparent() for el in root.iter(f"{TEI}placeName") if el.text}
    keys["Kitaigorod"] = keys["Nizhnyi Novgorod"]
    found = 0
    for text in (BOOK, JAMES, GARDINER, edges):
        at_space = [(m.start(), m.end(), m.groups()) for m in _OTHER_NAMES_AT_SPACE.finditer(text)]
        assert [(m.start() - 1, m.end(), m.groups()) for m in places._OTHER_NAMES.finditer(text)] == at_space
        lowercase = WordCounts(text).lower_parts
        names = places.bracketed_names(text, keys, set(), lowercase)
        assert names == _bracketed_names_plainly(text, keys, set(), lowercase)
        found += len(names)
    assert found >= 3


def _index_see_names_plainly(subjects, places_, text, not_names):
    """`places.index_see_names` with its pattern tried on every term."""
    for div in subjects:
        for term in div.iter(f"{TEI}term"):
            for m in places._SEE_THE.finditer(" ".join(places.text_within(term).split())):
                source, name = m.group(1), m.group(2)
                place = places_.find(source)
                if place is None or name in not_names or places_.find(name) is not None:
                    continue
                uses = [u.start() for u in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text)]
                if uses and all(text[max(0, at - 4) : at] in ("the ", "The ") for at in uses):
                    yield name, place


def test_index_see_names_from_the_terms_that_write_the_end():
    """The bundled edition's index, and Gardiner's kind of item with the comma and "the"
    split over lines and elements."""
    back = etree.parse(str(EDITION / "back.xml")).getroot()
    gardiner = etree.fromstring(
        f'<div xmlns="{TEI[1:-1]}" type="index"><list>'
        '<item><term>Germany. <hi rend="italic">See</hi> Zollverein,\n   the Germinal, insurrection of,</term></item>'
        '<item><term>Moscow. <hi rend="italic">see</hi> Kremlin,<hi>  the</hi></term></item>'
        '<item><term>La Vendée. <hi rend="italic">See</hi> Vendeans, the Legislative Assembly, the,</term></item>'
        "</list></div>"
    )
    root = etree.parse(str(EDITION / "places.xml")).getroot()
    register = registers.Places(registers.Register("place", etree.fromstring(etree.tostring(root))))
    register.add("Germany", "country", None, "named in the text")
    text = BOOK + " within the Zollverein. The Zollverein was torn in half. In the Kremlin."
    subjects = [*back.iter(f"{TEI}div"), gardiner]
    found = list(places.index_see_names(subjects, register, text, set()))
    assert found == list(_index_see_names_plainly(subjects, register, text, set()))
    assert [name for name, _ in found] == ["Zollverein"]  # (the book writes "Kremlin" without "the" too)


def _kinds_before_others_plainly(text: str):
    """`places.kinds_before_others` with its pattern searched at every "and other"."""
    for word in (" and other ", " or other "):
        at = text.find(word)
        while at >= 0:
            m = places._LIST_OF_OTHERS.search(text, max(0, at - 200), at + 60)
            while m is not None and m.end() <= at + 60:
                if m.start(2) > at:
                    for item in m.group(1).split(", "):
                        first, _, rest = item.partition(" ")
                        if rest and first.lower() in places._FUNCTION_WORDS:
                            item = rest
                        yield item, places._OTHER_KINDS[m.group(2)]
                    break
                m = places._LIST_OF_OTHERS.search(text, m.end(), at + 60)
            at = text.find(word, at + 1)


def test_kinds_before_others_where_a_plural_word_follows():
    edges = (
        "Lyons, Aix, Toulon, Marseilles, and other towns of the south; Kiev, Orel or other things; "
        "At Perpignon, Tarn, and other great and prosperous manufacturing departments; Omsk, Tomsk and other; "
        "Brest, Pinsk, or other towns and other and other cities"
    )
    lists = places.book_word_lists(registers.Register("place"), load_profile())
    found = 0
    for text in (BOOK, JAMES, GARDINER, edges):
        listed = list(places.kinds_before_others(text))
        assert listed == list(_kinds_before_others_plainly(text))
        with places.scanning(text, lists):  # its words' places from the book's scan, as the pass asks
            assert list(places.kinds_before_others(text)) == listed
        found += len(listed)
    assert found >= 10
