"""States named as states: a word the book writes as a polity's name is a place.

A history of lands the gazetteer does not know (the states of ancient China, "Wu", "Chʽu",
"Yüeh") names them by the words English uses for a polity. A capitalised word, in any
romanisation ("Chʽi", "Yüeh"), is a state's name:

- after a state's word and "of" ("the State of Wu", "the small state of 蕭 Hsiao": a name in
  its own script may stand between, as translations of Chinese give it), once, where it is
  no god's, nor a forename or a known person's of the profile ("the kingdom of God", "the
  kingdom of Darius");
- after "the" and before "State" ("the Chʽi State", "the Wu State") three times, or once
  where another form here names it too (not "the German State", twice: an adjective);
- each name of a list after a plural state's word and "of" ("the States of Chʽi and Chin");
- a name written before "the capital" in apposition ("forced his way into Ying, the capital",
  "entered Ying the capital", "a descent on 郢 Ying [the capital]"): a state's seat, a place;
- a name whose army the book writes both ways, "of" it and before an army's noun ("the army
  of Chao", "the men of Yen" and "the Chao army", "the Yen general"; `_ARMY_WORDS`): a
  people's adjective is written only before ("the French army"), a man's name only after "of"
  ("the army of Hannibal"); this evidence is not weighed against a ruling house's ("the Chʽin
  general" is the dynasty's as much), and these three forms hold even where the gazetteer knows
  the name as a small town or a subdivision elsewhere (Chao, in Peru; Chin, in Myanmar), not
  where it knows it well or the profile does (`[places] regions`, `known`: "the kingdoms of
  England and Scotland");
- or after a ruler's or a peer's title and "of" (`[names] rulers`, `peerages`: "the King of
  Yüeh", "the Duke of Shên") twice or more, where the book also writes it after a preposition
  of place (`[places] prepositions`: "in Yüeh", "its incorporation in Yüeh") and the
  gazetteer knows no town of that name (a town named in a peer's title names a peer as
  often: "the Duke of Orleans");

and (but for the three forms above) no name the gazetteer knows by that very name
(`textplaces` judges those: "the States of Central and Eastern Europe"), nor a word the book
writes in lower case as often as a third of its capitalised uses or more ("the state of
Nature"; "chʽi", a term of art, beside the state Chʽi), nor one the book names a ruling house
("the Tʽang dynasty", "the Chʽin and Han dynasties") as often as a state or more (an army's
evidence aside): a period's name, no place (the word names both, and only the sentence tells which;
the dynasty is taken). The persons' pass takes such a word for no person's name on the
weaker evidence of lists and cues ("Sun Wu of Chʽi, who …": the relative is his), and the
places' pass marks it where it stands alone (not inside a longer name: "Sun Wu", "Lord Wu").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from . import gazetteer
from .namewords import LOWER, UPPER, passage
from .wordscan import matches_at_words

# A state's word before "of" and its name, or after the name
_STATE_WORDS = ("state", "states", "kingdom", "principality", "duchy", "marquisate")
_NAME = rf"[{UPPER}][{LOWER}]+"
# "蕭 Hsiao": the name in its own script (CJK ideographs) before the romanised one
_OWN_SCRIPT = r"(?:[\u3400-\u9fff\uf900-\ufaff]+\s+)?"
_MIN_TITLES = 2
_MIN_BEFORE_STATE = 3


def _either(words) -> str:
    return "|".join(re.escape(x) for w in words for x in (w, w[:1].upper() + w[1:]))


def polities(text: str, profile) -> dict[str, str]:
    """The words `text` names as states, each with a passage that shows it. (Each pattern is
    tried only where its words stand, found in one scan: `wordscan.matches_at_words`.)"""
    found: dict[str, str] = {}
    named: Counter = Counter()  # the uses that name each a state
    persons = set(profile.deities) | set(profile.known_persons) | set(profile.forenames)
    for m in matches_at_words(_STATE_OF, text, _STATE_OF_WORDS):
        if m.group(1) not in persons:  # "the kingdom of God", "the kingdom of Darius"
            found.setdefault(m.group(1), passage(text, m.start(), m.end()))
            named[m.group(1)] += 1
    before_state: Counter = Counter()
    at = text.find(" State")
    while at >= 0:
        before = _NAMED_STATE.search(text, max(0, at - _LONGEST), at)
        if before is not None and _STATE_ENDS.match(text, at):
            before_state[before.group(1)] += 1
            named[before.group(1)] += 1
            found.setdefault(before.group(1), passage(text, before.start(), at + len(" State")))
        at = text.find(" State", at + 1)
    shown: set[str] = set()  # shown by a list, a capital or armies (`_well_known` aside)
    for m in matches_at_words(_STATES_OF, text, _STATES_OF_WORDS):
        for name in re.findall(_NAME, m.group(1)):
            if name not in persons and name != "and":  # "the States of Chʽi and Chin": each a state
                found.setdefault(name, passage(text, m.start(), m.end()))
                named[name] += 1
                shown.add(name)
    at = text.find("the capital")
    while at >= 0:
        seat = _CAPITAL.search(text, max(0, at - _LONGEST), at + len("the capital") + 1)
        if seat is not None and seat.end(0) == at + len("the capital") and seat.group(1) not in persons:
            found.setdefault(seat.group(1), passage(text, seat.start(), seat.end()))  # "entered Ying the capital"
            named[seat.group(1)] += 1
            shown.add(seat.group(1))
        at = text.find("the capital", at + 1)
    armies: Counter = Counter()  # (not weighed against a ruling house's: "the Han army", its dynasty's)
    for name, uses in _armies(text).items():
        if name not in persons:  # "the army of Chao" and "the Chao army": a state's army
            found.setdefault(name, uses[0])
            armies[name] = len(uses)
            shown.add(name)
    titles = _titles(profile)
    if titles:
        titled: Counter = Counter()
        seen: dict[str, str] = {}
        title_of = re.compile(rf"(?:{'|'.join(map(re.escape, titles))}) of\s+{_OWN_SCRIPT}({_NAME})(?![\w'’-])")
        for m in matches_at_words(title_of, text, tuple(f"{t} of" for t in titles)):
            titled[m.group(1)] += 1
            named[m.group(1)] += 1
            seen.setdefault(m.group(1), passage(text, m.start(), m.end()))
        prepositions = "|".join(map(re.escape, profile.place_prepositions)) or "(?!)"
        for name, n in sorted(titled.items()):
            if name in found or n < _MIN_TITLES or gazetteer.lookup(name) is not None:
                continue
            if re.search(rf"\b(?:{prepositions}) {re.escape(name)}(?![\w'’-])", text):
                found[name] = seen[name]
    # "the German State" twice in a book on Germany: an adjective; a state so named thrice, or
    # so and in another of the forms above, is one
    for name, n in before_state.items():
        if n < _MIN_BEFORE_STATE and named[name] == n and name not in armies:
            found.pop(name, None)
    listed = _listed_states(text, profile)
    if not found and not listed:
        return {}
    dynasties = _dynasties(text)
    weighed = {
        w: p
        for w, p in sorted(found.items())
        if w not in profile.honorifics
        and (dynasties[w] < named[w] or (not dynasties[w] and armies[w]))
        and (gazetteer.lookup_named(w, everything=True) is None or (w in shown and not _well_known(w, profile)))
        and not _common(w, text)
    }
    for w, p in listed.items():
        weighed.setdefault(w, p)
    return dict(sorted(weighed.items()))


# The evidence of a state the profile lists, as `polities` gives it
LISTED = "a state of the book's period ([places] states)"


def _listed_states(text: str, profile) -> dict[str, str]:
    """The profile's states (`[places] states`) the book writes as words of their own, each
    with its first use as a state (else its first use): states whatever the book's other
    evidence, as a ruling house's name and a surname too ("the Chʽin dynasty", "Han Hsin"; the
    places' pass leaves those uses: `names_a_house`, `inside_longer_name`), but a word the book
    writes in lower case as often as a third of its capitalised uses or more (`_common`: a
    term of art)."""
    out: dict[str, str] = {}
    for name in profile.place_states:
        if name not in text or name in profile.honorifics:
            continue  # (most of a pack's names: no search of the book)
        uses = list(re.finditer(rf"(?<![\w'’ʽ-]){re.escape(name)}(?![\w'’ʽ-])", text))
        if not uses or _common(name, text):
            continue
        alone = [
            m for m in uses if not names_a_house(text, m.start(), m.end()) and not _NAME_AFTER.match(text, m.end())
        ]
        use = (alone or uses)[0]
        out[name] = f"{LISTED}: {passage(text, use.start(), use.end())}"
    return out


_NAME_AFTER = re.compile(rf" [{UPPER}]")  # a longer name's next word ("Han Hsin")


# A ruling house's word after a state's name, alone or ending a list ("the Chʽin dynasty", "the
# Chʽin or Han period", "the Chou, Chʽin and Han dynasties", "the Han Emperor Kao Tsu"), or a
# noun of the age's letters, which a house's name dates ("the well-known Sung philosopher",
# "not mentioned in the Sung history", "in Han times")
_HOUSE_AFTER = re.compile(
    rf"(?:,? (?:and |or )?{_OWN_SCRIPT}{_NAME})* (?:[Dd]ynast(?:y|ies)|[Pp]eriods?|[Ee]mperors?|era|times"
    r"|histor(?:y|ies)|philosophers?|scholars?|writers?|poets?|commentators?|editions?)(?![\w'’-])"
)
# A ruling house's word before its name ("When the House of Han in turn is tottering"), or the
# word that tells a house from another of its name ("in the time of the Later Han", "the
# Northern Sung period", "governor of Eastern Chʽin")
_HOUSE_BEFORE = ("House of ", "house of ", "Later ", "Former ", "Eastern ", "Western ", "Northern ", "Southern ")


def names_a_house(text: str, start: int, end: int) -> bool:
    """Whether a state's name at `start`:`end` of `text` names a ruling house or its period,
    no place: before a ruling house's word, alone or ending a list ("the Chʽin dynasty", "the
    Chʽin or Han period", "the Chou, Chʽin and Han dynasties", "the Han Emperor") or a noun of
    the age's letters ("the Sung philosopher", "the Sung history"), after "House of" ("When the
    House of Han in turn is tottering") or after a word that tells a house from another of its
    name ("the Later Han", "the Northern Sung", "Eastern Chʽin")."""
    return bool(_HOUSE_AFTER.match(text, end)) or text[:start].endswith(_HOUSE_BEFORE)


# Words after which a state's name opens its clause, as a person's name alone does
_CLAUSE_OPENERS = frozenset({"but", "and", "when", "while", "whereupon", "then", "until", "that", "as", "so", "yet"})


def stands_bare(before: str, after: str) -> bool:
    """Whether a state's name between `before` and `after` (the text around it) opens a clause
    and a lower-case word follows it ("but Sung turned a deaf ear", "Sung answered:"): no
    preposition, "of", article or title before it, which a state's name has as often as not
    ("the King of Wu", "conquered by Chʽin"); the subject of a verb, a person's as often."""
    head = before.rstrip(" \u2060")
    word = head.rsplit(None, 1)[-1] if head.strip() else ""
    end = word.rstrip("’”'\"")  # a sentence's end inside a closing quotation mark: "host.’ Sung answered"
    opens = not word or word[-1] in '“‘"(' or end.endswith((".", ":", ";", "!", "?")) or word.lower() in _CLAUSE_OPENERS
    return opens and bool(re.match(r" [a-z]", after))


# (not the first word of a longer name: "the present state of Sun Tzǔ’s text")
_STATE_OF = re.compile(rf"(?<![\w'’-])(?:{_either(_STATE_WORDS)}) of\s+{_OWN_SCRIPT}({_NAME})(?![\w'’-]|\s[{UPPER}])")
_STATE_OF_WORDS = tuple(f"{w} of" for w in _either(_STATE_WORDS).split("|"))
# "the States of Chʽi and Chin": a list of names after a plural state's word and "of"
_STATES_OF = re.compile(
    rf"(?<![\w'’-])(?:[Ss]tates|[Kk]ingdoms) of\s+((?:{_OWN_SCRIPT}{_NAME},?\s)*?{_OWN_SCRIPT}{_NAME}\s(?:and|or)\s{_OWN_SCRIPT}{_NAME})(?![\w'’-]|\s[{UPPER}])"
)
_STATES_OF_WORDS = ("states of", "States of", "kingdoms of", "Kingdoms of")
# A state's seat, its capital in apposition: "forced his way into Ying, the capital", "a descent
# on 郢 Ying [the capital]" (not after a capitalised word: "Then the capital")
_CAPITAL = re.compile(rf"(?<![\w'’-])({_NAME}),? \[?the capital(?![\w'’-])")
# A state's army, written both ways: "the army of Chao", "the men of Yen" and "the Chao army",
# "the Yen general" (a word an army is "of" and a word before an army's noun)
_ARMY_WORDS = ("army", "armies", "forces", "troops", "men")
_ARMY_OF = re.compile(
    rf"(?<![\w'’-])the (?:{'|'.join(_ARMY_WORDS)}) of\s+{_OWN_SCRIPT}({_NAME})(?![\w'’-]|\s[{UPPER}])"
)
_ARMY_OF_WORDS = tuple(f"the {w} of" for w in _ARMY_WORDS)
_BEFORE_ARMY = re.compile(
    rf"(?<![\w'’-])(?:[Tt]he|[Aa]) {_OWN_SCRIPT}({_NAME}) (?:army|armies|forces|troops|general|generals)(?![\w'’-])"
)
_BEFORE_ARMY_WORDS = ("the", "The", "a", "A")
# "the Chʽi State": the name after "the", right before " State"
_NAMED_STATE = re.compile(rf"(?<![\w'’-])the ({_NAME})\Z")
_STATE_ENDS = re.compile(r" State(?![\w'’-])")
_LONGEST = 40  # characters of "the " and a name before " State"
# A ruling house's name before its word, alone or in a list, right before " dynasty" or
# " dynasties": "the Tʽang dynasty", "the Chʽin and Han dynasties"
_HOUSES = re.compile(rf"((?:{_NAME},?\s(?:and\s)?)*{_NAME})\Z")
_DYNASTY_WORD = re.compile(r"[Dd]ynast(?:y|ies)(?![\w'’-])")


_MIN_HOUSE = 2  # a ruling house named so twice: no person's name alone


def ruling_houses(text: str) -> set[str]:
    """The words the book names as ruling houses twice or more ("the Tʽang dynasty", "the
    Chʽin and Han dynasties"): a period's name, no person's alone (nor a place's, unless the
    book names it a state more often: `polities`)."""
    return {w for w, n in _dynasties(text).items() if n >= _MIN_HOUSE}


def _dynasties(text: str) -> Counter:
    """How often the book names each word as a ruling house: a period's name, no place."""
    counted: Counter = Counter()
    at = text.find("ynast")
    while at >= 0:
        if at >= 2 and text[at - 2] == " " and _DYNASTY_WORD.match(text, at - 1):
            m = _HOUSES.search(text, max(0, at - 2 - _LONGEST * 2), at - 2)
            if m is not None:
                counted.update(w for w in re.findall(_NAME, m.group(1)) if w != "and")
        at = text.find("ynast", at + 1)
    return counted


def _armies(text: str) -> dict[str, list[str]]:
    """The words `text` names as a state's by its army written both ways, each "of" it ("the
    army of Chao", "the men of Yen") and before an army's noun ("the Chao army", "the Yen
    general"), with the passages that show it, one a use: a people's adjective is written
    only before ("the French army"), a person's name only after "of"."""
    after_of: dict[str, list[str]] = {}
    for m in matches_at_words(_ARMY_OF, text, _ARMY_OF_WORDS):
        after_of.setdefault(m.group(1), []).append(passage(text, m.start(), m.end()))
    if not after_of:
        return {}
    before: dict[str, list[str]] = {}
    for m in matches_at_words(_BEFORE_ARMY, text, _BEFORE_ARMY_WORDS):
        if m.group(1) in after_of:
            before.setdefault(m.group(1), []).append(passage(text, m.start(), m.end()))
    return {name: after_of[name] + uses for name, uses in sorted(before.items())}


# The evidence of a state's name, as the persons' pass hands it to the places' pass
EVIDENCE = "named as a state"


def inside_longer_name(text: str, start: int, end: int, function_words) -> bool:
    """Whether a state's name at `start`:`end` of `text` is a word of a longer name: a
    capitalised word, not "State", right after it ("Chêng Yu-hsien"), or one no function word
    right before it ("Lord Wu", "Sun Wu", "Êrh-chu Chao"; not "In Wu")."""
    if text[end : end + 1] == " " and text[end + 1 : end + 2].isupper() and not text.startswith(" State", end):
        return True
    if start >= 2 and text[start - 1] == " ":
        window = text[max(0, start - 40) : start - 1]
        before = window.rsplit(None, 1)[-1] if window.strip() else ""
        # (a romanised word of a name may hold hyphens and the aspirate: "Êrh-chu Chao")
        word = before.replace("-", "").replace("ʽ", "")
        return bool(before) and before[:1].isupper() and word.isalpha() and before.lower() not in function_words
    return False


_RARE = 3  # lower-case uses a state's name may have: a third of its capitalised ones at most


def inside_name_beyond(
    before: str, name: str, after: str, next_name: str, titles: Collection[str], function_words
) -> bool:
    """Whether a state's name set apart in an element of its own (a romanised word, "<foreign>Wu
    </foreign>"), `before` and `after` the text around that element, is a word of a person's
    name: a title right before it or right after it (`titles`, the profile's `[names]
    honorifics`: "Lord Wu", "King Yen of Hsü", "King Chao’s accession", "the 晉 Chin
    Emperor"; not a sentence's first word, "When Wu first appears"), or a second romanised
    name right after it (`next_name`, the text of the element of its kind that follows with
    nothing but spaces or an editor's brackets between, or ""): "[Chao] Yüan-hao’s"; or whether it follows the indefinite article with no noun of its
    own after it (`named_as_a_type`: "a Chu or a Kuei")."""
    words_before = before.rstrip("[").split()
    words_after = after.lstrip("]’'s").split()
    if (words_before and words_before[-1] in titles) or (words_after and words_after[0].rstrip(".,;:") in titles):
        return True
    if next_name[:1].isupper():
        return True  # "[Chao] Yüan-hao’s": the editor's surname before a name
    return named_as_a_type(before + name + after, len(before), len(before) + len(name), function_words)


def named_as_a_type(text: str, start: int, end: int, function_words) -> bool:
    """Whether a state's name at `start`:`end` of `text` follows the indefinite article with
    no noun after it ("the courage of a Chu or a Kuei": a man of that kind, his name made a
    type), not the state's (a noun after it is qualified by it: "a Wu general")."""
    if not text[:start].endswith((" a ", " an ")) and text[:start] not in ("a ", "an ", "A ", "An "):
        return False
    word = re.match(r" ([a-z]+)", text[end:])
    return word is None or word.group(1) in function_words


def _common(word: str, text: str) -> bool:
    """Whether the book writes `word` in lower case too, as often as a third of its
    capitalised uses or more ("the state of Nature"; not "chʽi", a term, beside the state
    Chʽi written three times as often)."""
    if word.lower() not in text:  # (most names: no search of the book)
        return False
    low = _uses(word.lower(), text)
    return bool(low) and _RARE * low > _uses(word, text)


def _uses(word: str, text: str) -> int:
    """How often `text` writes `word` as a word of its own (the pattern opens with the word:
    one that opens with a look-behind is tried at every position of the book)."""
    return sum(
        1
        for m in re.finditer(rf"{re.escape(word)}(?![\w'’-])", text)
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’-_")
    )


def _well_known(word: str, profile) -> bool:
    """Whether `word` is a place the gazetteer knows well (a country, a big city) or the
    profile's (`[places] regions`, `known`): `textplaces`' to mark ("the fleets of England"),
    though a list or an army shows it a state; a small town of the name elsewhere (Chao, in
    Peru) or a subdivision (Chin, in Myanmar) is not."""
    return gazetteer.lookup_named(word) is not None or word in profile.regions or word in profile.known_places


def _titles(profile) -> tuple[str, ...]:
    return tuple(profile.rulers) + tuple(profile.peerages)
