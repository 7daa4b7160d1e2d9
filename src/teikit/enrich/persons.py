"""Persons: `persName` for every mention of a person, linked to the person register.

The register (seeded from the indexes, see `registers`) is completed from the text
first — forenames the index gives as initials ("Lazar Kaganovich" teaches that
Kaganovich, L. M. is Lazar), persons the index leaves out ("R. V. Daniels"; not a
prescription's Latin after its Recipe sign, "R. Hydrargyri", nor an abbreviation, "R. Pulv.
opii": `namewords.recipe_words`) — and then every surname, forename and alias it knows is
matched in one scan.

A name of God or of a god the profile lists (`[names] deities`) after an indefinite of the
profile ("a God", "my Lord") names a kind of being or a man's title: no mention. Nor is a
name quoted after "word" or "term" ("the mere word “God”"), nor one after an author's
possessive, a noun of a work (`[inline] title_cues`) and "of" ("Sénancour’s novel of
Obermann": the title).

Beside a subject index (no Name Index), a title before a mention is inside it, written out or
abbreviated ("Professor Fraser", "Mrs. Annie Besant", "Rev. Mr. Henry Alline"); forenames no
list gives are the mention's where they stand mid-sentence, or open a note or paragraph and
are written nowhere else ("Grigory Bessedovsky, Revelations"), and are no word the book
writes as a surname ("Joachim von Ribbentrop"), no common word but a forename of the profile
("by Frank Bullen"), and no country or large city's name; a word joined by a hyphen, or
Unicode's (U+2010), to a name makes no mention ("Crump‐like"); nor does a name among the
words spoken of ("the words “soul,” “God,”").

A rank before a name stands outside the mention ("Colonel I. A. Serov"); a saint's title the
index gives with the name is inside it ("AUGUSTINE, SAINT": "Saint Augustine", "B. de Saint
Pierre", "Saint John of the Cross"). Where the index gives no forename ("REID") and the text
writes the same one before the surname every time it writes any, twice or more ("Mayne
Reid", "Captain Mayne Reid"), the forename is the mention's, not the register's.

A mention is linked when the text settles who is meant: initials or forename that
fit one person; else, for a bare surname, the person the book is about; else the
candidate named most recently nearby (Mikhail beside his brother Lazar). What
stays ambiguous is tagged without @ref and reported, never linked to a guess.

An earlier run's register read back is the index's persons and the editor's: the persons
it found in the text (here, or beside the index by `textnames`) are set aside and taken
back only where this run finds them again (`registers.Register.set_aside`), so that a book
converted into its own output is marked as it was ("Sir William Hamilton", found beside
the index, is no index person whose title stands outside the mention).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator
from functools import cache, lru_cache
from string import ascii_lowercase, ascii_uppercase

import ahocorasick_rs

from ..context import Context
from ..tei import XML_ID, make, make_in, q, sub, text_of
from . import gazetteer, headings, places, registers, textnames
from .matching import (
    JoinedTexts,
    Matcher,
    WordCounts,
    in_latin_1,
    latin1_bytes,
    mark_at,
    marked_text,
    unmarked,
    word_counts,
)
from .namewords import in_prescription, recipe_words

_INITIAL = r"(?:\b[A-Z][a-z]?\.|\b(?:Ya|Yu|Ye|Sh|Kh|Ts|Ch|Zh)\b\.?)"
# Abbreviations before a capitalised word that are no one's initials, whatever the profile's
# honorifics: "St. Paul", "Mt. Athos", "No. 10".
_NOT_INITIALS = frozenset({"St.", "Mt.", "No.", "Ft."})
# The names before a mention, searched in a few dozen characters and anchored at their end
# (`$`): `re` tries such a pattern at every position of them. Each opens with a capital, so
# the patterns say so first (`(?=[A-Z])`), or open with it (then `(?<!\w.)` after it is the
# `\b` before it): a position without one fails at once, and most have none.
_INITIALS_BEFORE = re.compile(rf"(?=[A-Z])((?:\b[A-Z][a-z]+\s)?(?:{_INITIAL}\s?){{1,3}})$")
_PLACE_BEFORE_BRACKET = re.compile(r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) \($")
# one or two words, of Latin-1's letters too ("André Towianski")
_WORDS_BEFORE = re.compile(r"([A-Z](?<!\w.)[a-zß-öø-ÿ]+\s(?:[A-Z](?<!\w.)[a-zß-öø-ÿ]+\s)?)$")
_LOWER_CASE = "abcdefghijklmnopqrstuvwxyzßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"


def _words_before(before: str) -> re.Match | None:
    """`_WORDS_BEFORE.search(before)`: the one or two capitalised words `before` ends with.
    Asked before most mentions, where the text ends otherwise ("said by "): the last word
    is told first, without `re`, and the pattern tried only where it is a capital and small
    letters and a space, ending the text or before a line break that does (as `$` reads it)."""
    if not _may_end_capitalised(before, len(before)):
        return None  # two names in five follow a comma, a bracket, a quotation mark, a line's end
    if _ends_capitalised(before, len(before)) or (before.endswith("\n") and _ends_capitalised(before, len(before) - 1)):
        return _WORDS_BEFORE.search(before)
    return None


def _words_before_at(text: str, start: int) -> re.Match | None:
    """`_words_before(text[max(0, start - 40) : start])`, asked at every place the book names
    an indexed surname (`_learn_forenames`): told from the characters before `start` first,
    as `_may_end_capitalised` and `_ends_capitalised` tell them, without a call of either nor
    a window cut where they fail. After a white space and a small letter, a capitalised word
    ends there where the run of small letters the window's last word ends with opens after a
    capital; after two white spaces, only a line break's (`$` before it) may end one, the
    characters before it told as before; the pattern is tried only where either holds. (The
    bundled book asks at ~7,000 places, one in ten finds words: the two calls and the window
    cut at each took more than half the time.)"""
    last = text[start - 1 : start]
    if not last.isspace():
        return None
    previous = text[start - 2 : start - 1]
    cut = max(0, start - 40)
    if previous and previous in _LOWER_CASE:
        if start - cut < 3:
            return None
        word = text[cut : start - 1]
        rest = word.rstrip(_LOWER_CASE)
        return _WORDS_BEFORE.search(text[cut:start]) if len(rest) < len(word) and "A" <= rest[-1:] <= "Z" else None
    if last != "\n" or not previous.isspace():
        return None  # a small letter or a line break's white space, else nothing `$` ends words at
    before = text[cut:start]
    return _WORDS_BEFORE.search(before) if _ends_capitalised(before, len(before) - 1) else None


def _may_end_capitalised(text: str, end: int) -> bool:
    """Whether `text[:end]` may end as `_words_before` finds words: a white space at its end,
    and a small letter (a word's last) or a white space (before a line break) before it."""
    before = text[end - 2 : end - 1]
    return text[end - 1 : end].isspace() and (before != "" and before in _LOWER_CASE or before.isspace())


def _ends_capitalised(text: str, end: int) -> bool:
    """Whether `text[:end]` ends with a capital, small letters (a-z) and a white space."""
    if end < 3 or not text[end - 1].isspace():
        return False
    word = text[: end - 1]
    rest = word.rstrip(_LOWER_CASE)
    return len(rest) < len(word) and "A" <= rest[-1:] <= "Z"


_INITIALS_ONLY_BEFORE = re.compile(rf"(?=[A-Z])((?:{_INITIAL}\s){{1,3}})$")
# The same with a particle in lower case after them, before a forename: "B. de Saint Pierre".
_INITIALS_PARTICLE_BEFORE = re.compile(rf"(?=[A-Z])((?:{_INITIAL}\s){{1,3}}(?:de|du|von|van|le|la)\s)$")
# How `_INITIALS_BEFORE`'s matches end: an initial's full stop or two letters (`_INITIAL`), a
# space maybe, and the line break `$` may stand before. Sought in the last characters first:
# most words before a surname are no initials, and end otherwise.
_INITIALS_END = re.compile(r"(?:\.|Ya|Yu|Ye|Sh|Kh|Ts|Ch|Zh)\s?\n?\Z")
_INITIAL_STOPS = (".", "Ya", "Yu", "Ye", "Sh", "Kh", "Ts", "Ch", "Zh")  # what `_INITIALS_END` opens with


def _ends_as_initials(text: str, start: int) -> bool:
    """`_INITIALS_END.search(text[max(0, start - 5) : start])`, asked before every mention of
    a surname: told by `endswith` of its stops, before no character, a white space, or a
    white space and a line break (as `\\s?\\n?` reads them), without a window cut for it nor
    a pattern tried at each of its characters."""
    if text.endswith(_INITIAL_STOPS, 0, start):
        return True
    if start < 2 or not text[start - 1].isspace():
        return False
    if text.endswith(_INITIAL_STOPS, 0, start - 1):
        return True
    return text[start - 1] == "\n" and text[start - 2].isspace() and text.endswith(_INITIAL_STOPS, 0, start - 2)


_WORD_BEFORE_HYPHEN = re.compile(r"\w+$")
_WORD_BEFORE = re.compile(r"(?<![\w'’-])(\w+)\s+$")  # the word right before a name, spaces between
_WORD_AFTER_HYPHEN = re.compile(r"\w+")
# The patterns read after a name are tried at its end within a few characters (`match(text,
# end, end + n)`), not on a slice cut for them: the same as on the slice (none looks behind).
_NEXT_CAPITAL = re.compile(r"\s([A-Z][a-z]+)")
_INSTITUTION_BEFORE = re.compile(r"(?:Orders? of(?: the)?|Prize|named)\s$")
# What `_INSTITUTION_BEFORE` finds a white space after (`_institution_before`).
_INSTITUTION_WORDS = ("Order of", "Orders of", "Order of the", "Orders of the", "Prize", "named")
# Patterns run over the whole text open with a letter, not a look-behind, so that `re`
# looks for that letter first instead of trying every position: the look-behind right
# after the first letter (`(?<![\w.].)`) tests the character before it, as one in front would.
_UNKNOWN_BY_INITIALS = re.compile(
    r"((?:[A-Z](?<![\w.].)[a-z]?\.\s?)(?:[A-Z][a-z]?\.\s?){0,2})([A-Z][a-z]{2,}(?:[-'’][A-Za-z][a-z]+)?)(?![\w-])"
)
_UNKNOWN_BY_FORENAME = re.compile(r"(?<![\w-])([A-Z][a-zà-ÿ]+) ([A-Z]\.? )?([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?![\w-])")
# What every match of `_UNKNOWN_BY_INITIALS` opens with, an initial: a capital, or a capital
# and a small letter, and a full stop. Found in one scan of the book (`places.matches_at_words`:
# none of them can begin inside another), the pattern is tried there only, not at every capital.
_INITIAL_WORDS = tuple(
    sorted({f"{c}." for c in ascii_uppercase} | {f"{c}{d}." for c in ascii_uppercase for d in ascii_lowercase})
)
_DERIVED = re.compile(r"(?:ist|ists|ism|ite|ites|ian|ians|ese)$")  # Trotskyist, Leninism
# Capitalised words that begin sentences or titles, never forenames.
_NOT_FORENAMES = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "As",
    "By",
    "For",
    "From",
    "To",
    "With",
    "When",
    "While",
    "After",
    "Before",
    "Under",
    "But",
    "And",
    "Or",
    "If",
    "That",
    "This",
    "His",
    "Her",
    "Their",
    "Its",
    "Comrade",
    "Marshal",
    "General",
    "Tsar",
    "Saint",
    "St",
    "Mr",
    "Mrs",
    "Dr",
    "Professor",
    "Academician",
    "Both",
    "Neither",
    "Only",
    "Also",
    "Even",
    "Yet",
    "Against",
    "Between",
    "Unlike",
    "Like",
    "Where",
    "Whereas",
    "Although",
    "Letter",
    "Report",
    "Speech",
    "See",
    "Cited",
    "Quoted",
    "Said",
    "Wrote",
    "Told",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Party",
    "Congress",
    "Committee",
    "Central",
    "Soviet",
    "Red",
    "Politburo",
    "Plenum",
    "Conference",
    "Comrades",
    "Old",
    "Young",
    "Great",
    "Russian",
}
_FOLLOWING_NAME = re.compile(r"\s(?:[A-Z][a-z]?\.\s?){0,2}([A-Z][\w'’-]+)")
_INITIALS_AFTER = re.compile(r"\s(?:[A-Z][a-z]?\.\s?){1,3}[A-Z]")
_CANONICAL_INITIAL = {"Ye": "E", "Yu": "Iu", "Ya": "Ia", "J": "I", "Y": "I", "Io": "I"}
# What `registers.FEATURE_FIRST` opens with, its feature's word and a space ("Hall of "):
# the pattern is tried only after a name that so opens.
_FEATURE_HEADS = tuple(f"{word} " for word in registers.FEATURE_FIRST_TYPES)
_NOTE_REFS = f"{q('note')}/{q('ref')}"  # where an entry gives the index's places for the person
RECENT_WINDOW = 2500  # characters back in which a candidate counts as "named nearby"


class People:
    """The person register's names, as the matcher and the resolver need them."""

    def __init__(
        self,
        reg: registers.Register,
        patronymics: tuple[str, ...] = (),
        honorifics: tuple[str, ...] = (),
        forenames: frozenset[str] = frozenset(),
        inflections: tuple[str, ...] = (),
        spellings: dict[str, str] | None = None,
    ):
        self.reg = reg
        self.inflections = inflections  # the profile's case endings of surnames ([names] inflections)
        self.spellings = spellings or {}  # the profile's other spellings of letters ([names] spellings)
        self.forenames = forenames  # the profile's given names ([names] forenames)
        # Titles written before a name (the profile's [names] honorifics, "Mr.", "Dr."): no
        # initials. One capital and a full stop ("M." for Monsieur) is an initial all the same.
        self.titles = frozenset(h for h in honorifics if h.endswith(".") and len(h) > 2) | _NOT_INITIALS
        # Those written as whole words ("Colonel I. A. Serov", "Sir John Simon"): a rank or
        # a form of address before the name, no part of the mention.
        self.title_words = frozenset(h for h in honorifics if h[-1:].isalpha())
        self.honorifics = frozenset(honorifics)  # "M. Antonia Bourignon": a title, no initial
        # Endings of patronymics (a profile pack's [names] patronymics): "Mikhailovich".
        endings = "|".join(map(re.escape, patronymics)) or "(?!)"
        self.patronymic = re.compile(rf"(?:{endings})$")
        self.patronymic_after = re.compile(rf"\s[A-Z][a-z]+(?:{endings})\b")  # tried as `_NEXT_CAPITAL`
        self.by_surname: dict[str, list] = defaultdict(list)
        self.by_forename: dict[str, list] = defaultdict(list)
        self.by_alias: dict[str, list] = defaultdict(list)
        self.given: dict[str, list[list[str]]] = defaultdict(list)
        self.surnames: dict = {}
        self._weight: dict = {}  # person -> `weight(person)`, read when first asked
        self._indexed: dict = {}  # person -> `_indexed(person)`: asked of each by the thousand
        self._given_of: dict[str, tuple[set[str], set[str]]] = {}  # see `given_of`
        self.fitting: dict[tuple, bool] = {}  # (given names, person) -> `fits`, until a person is learnt
        # surname -> the forenames the text always writes before it where the index gives none
        # ("Mayne Reid"): inside the mention, no evidence of who it is (`_forenames_of_bare_headings`)
        self.said_before: dict[str, tuple[str, ...]] = {}
        # The book's common words (`_CommonWords`, set by `apply`): a capitalised one before
        # initials opens the sentence, no forename ("Similarly M. Taine").
        self.common: _CommonWords | frozenset[str] = frozenset()
        # Whether a forename written out fits a heading that gives none (`_fits`): so when
        # mentions are linked, not while the text's persons are found (`discover`), where a
        # name that fits an index's person is none of its own.
        self.bare_fits = False
        # Names of God (`[names] deities`) and the words that stand before a noun, not a name
        # (articles, determiners, particles), set by `apply`: see `_forename_unlisted`.
        self.deities: Collection[str] = ()
        self.before_nouns: Collection[str] = ()
        # The book's unmarked text, set by `apply`: whether a word is written as a surname
        # (`written_as_surname`), or only before one (`written_only_before`), each told from
        # a search of it for the word, made when first asked.
        self.text = ""
        self._as_surname: dict[str, bool] = {}
        self._capitalised: tuple[Counter, Counter] | None = None
        self._followers: dict[str, Counter] = {}  # see `written_only_before`
        # The profile's forenames that are common words too ("Frank"), set by `apply`: one
        # mid-sentence right before a surname is the mention's ("by Frank Bullen").
        self.common_forenames: Collection[str] = ()
        # An entry an editor rejected (`registers.rejected`) names no person of the book: its
        # names are no keys, and the text's evidence for them enters no one (`_find_unindexed`).
        self.rejected: list = []
        persons: list = []
        for person in reg.entries.values():  # each entry's notes read once
            (self.rejected if registers.rejected(person) else persons).append(person)
        for person in persons:
            self.learn(person)
        # The ranks the register gives its persons are title words too (the Name Index's
        # "Tukhachevsky, M. N. Marshall": the text's "Marshall Tukhachevsky" is a rank and a
        # name), but a surname of the register ("Marshall, A.") stays a name.
        # (The persons' ranks, not the whole list's: an earlier run's findings set aside
        # are none, "Sir William Hamilton" found beside the index, `registers.set_aside`.)
        ranks = {text_of(r).strip() for person in persons for r in person.iter(q("roleName"))}
        self.title_words |= frozenset(r for r in ranks if r.isalpha() and r[:1].isupper() and r not in self.by_surname)

    @property
    def inflections(self) -> tuple[str, ...]:
        return self._inflections

    @inflections.setter
    def inflections(self, inflections: tuple[str, ...]) -> None:
        self._inflections = inflections
        # Each as (ending, what replaces it), and the endings together: most words a text
        # writes after initials end with none, told in one test of them all.
        self._endings = [(ending, replaced) for ending, _, replaced in (i.partition(":") for i in inflections)]
        self._any_ending = tuple(ending for ending, _ in self._endings)

    def inflected(self, word: str, initials: list[str]) -> bool:
        """Whether a word is an indexed surname with a case ending of the profile's and the
        initials before it fit that person ("V. M. Molotovu" in a cited title: Molotov, V. M.;
        "L. D. Trotskogo": Trotsky, the ending "ogo" in place of his "y"; "A. Ivanova"
        beside the index's "Ivanov, V. P." is a woman of her own)."""
        return bool(self.uninflected(word, initials))

    def uninflected(self, word: str, initials: list[str]) -> list:
        """The indexed persons a word names in a case of the profile's (see `inflected`)."""
        found: list = []
        if not word.endswith(self._any_ending):
            return found
        for ending, replaced in self._endings:
            if not word.endswith(ending) or len(word) <= len(ending) + 2:
                continue
            base = word[: -len(ending)] + replaced
            found += [p for p in self.by_surname.get(base, ()) if self.indexed(p) and fits(initials, p, self)]
        return found

    def spelt_otherwise(self, surname: str, initials: list[str]) -> bool:
        """Whether a surname the register lacks is, spelt otherwise (the profile's [names]
        spellings), the surname of the one indexed person the initials fit: the surname is
        then found as that person's too ("A. A. Sol'ts", the index's "Solts, A. A.")."""
        same = {
            id(p): p
            for form in _spelt_otherwise(surname, self.spellings)
            for p in self.by_surname.get(form, [])
            if self.indexed(p) and fits(initials, p, self)
        }
        if len(same) != 1:
            return False
        [person] = same.values()
        self.by_surname[surname].append(person)
        self._given_of.clear()
        return True

    def indexed(self, person) -> bool:
        """`_indexed(person)`, read once for each person: where an entry came from does not
        change while the pass runs (a person it finds in the text is made so)."""
        known = self._indexed.get(person)
        if known is None:
            known = self._indexed[person] = _indexed(person)
        return known

    def learn(self, person) -> None:
        self._given_of.clear()
        self.fitting.clear()
        names = registers.person_names(person)
        self.surnames[person] = {n["surname"] for n in names if n["surname"]}
        self._weight.pop(person, None)
        for n in names:
            if n["surname"]:
                bare = _without_particles(n["surname"])
                for surname in dict.fromkeys((n["surname"], bare, *_spelt_otherwise(bare, self.spellings))):
                    if person not in self.by_surname[surname]:
                        self.by_surname[surname].append(person)
                if n["given"]:
                    self.given[person.get(XML_ID)].append(n["given"])
                for g in n["given"]:
                    if (
                        not g.endswith(".")
                        and len(g) > 2
                        and not self.patronymic.search(g)
                        and person not in self.by_forename[g]
                    ):
                        self.by_forename[g].append(person)
            elif n["full"] and person not in self.by_alias[n["full"]]:
                self.by_alias[n["full"]].append(person)

    def written_as_surname(self, word: str) -> bool:
        """Whether the book writes `word` right after a particle in lower case, an honorific
        or an initial, the name's last word there, as a surname is written ("Joachim von
        Ribbentrop": no forename in "in honour of Ribbentrop Kaganovich recalled", a comma
        missing). Its uses sought (the word opens the pattern: `re` skips to it), what
        stands before each read there: asked of a few words, answered once each."""
        known = self._as_surname.get(word)
        if known is None:
            # (the name's last word there: "M. Antonia Bourignon" writes a forename after a title)
            before = frozenset((*self.honorifics, *_PARTICLE_WORDS))
            known = self._as_surname[word] = any(
                (last := self._word_before(at)) in before or _ONE_INITIAL.fullmatch(last) is not None
                for at in word_starts(self.text, word, _NAME_GOES_ON)
                if at and self.text[at - 1].isspace()
            )
        return known

    def _word_before(self, at: int) -> str:
        """The word (characters between white spaces) before the white space before `at`;
        "" where it is longer than any title or initial (16 characters)."""
        k = at - 1
        while k >= 0 and self.text[k].isspace():
            k -= 1
        start = k
        while start >= 0 and not self.text[start].isspace() and k - start < 16:
            start -= 1
        return self.text[start + 1 : k + 1] if start < 0 or self.text[start].isspace() else ""

    def written_only_before(self, word: str, surname: str) -> bool:
        """Whether the book writes `word` only right before `surname`, capitalised ("Grigory
        Bessedovsky, Revelations of a Soviet Diplomat", opening a note: a forename no list
        gives; not "Similarly", "Whereupon", which open other sentences too).
        A book asks it of a few words (the bundled book of four, James's of one): each word's
        uses are sought alone (`_capitalised_followers`: the word opens the pattern, `re`
        skips to it), with the word after each; past `_SOUGHT_ONE_BY_ONE` words, every
        capitalised word of the book and every pair of them are counted in one scan (20 ms
        on the bundled book, a word sought alone some 0.3)."""
        if self._capitalised is None and len(self._followers) < _SOUGHT_ONE_BY_ONE:
            followers = self._followers.get(word)
            if followers is None:
                followers = self._followers[word] = _capitalised_followers(self.text, word)
            return followers.total() == followers[surname]
        if self._capitalised is None:
            alone = Counter(_CAPITALISED_WORD.findall(self.text))
            pairs = Counter((capital + rest, second) for capital, rest, second in _CAPITALISED_PAIR.findall(self.text))
            self._capitalised = (alone, pairs)
        alone, pairs = self._capitalised
        return alone[word] == pairs[(word, surname)]

    def weight(self, person) -> int:
        """How many places the index gives for a person: read when first asked (only a bare
        surname that several persons bear asks it, of a few), not for every person learnt."""
        known = self._weight.get(person)
        if known is None:
            known = self._weight[person] = len(person.findall(_NOTE_REFS))
        return known

    def also_given(self, person, given: list[str]) -> None:
        """Other given names by which the text names a person (a misprint of the index's)."""
        self.given[person.get(XML_ID)].append(list(given))
        self._given_of.clear()
        self.fitting.clear()

    def given_names(self, person) -> list[list[str]]:
        return self.given.get(person.get(XML_ID), [])

    def given_of(self, surname: str) -> tuple[set[str], set[str]]:
        """The first letters of the given names of the persons of a surname, and those given
        names: asked at each mention of the surname, made once (until a person is learnt)."""
        found = self._given_of.get(surname)
        if found is None:
            names = [g for p in self.by_surname[surname] for g in self.given_names(p)]
            found = self._given_of[surname] = ({g[0][0] for g in names if g}, {w for g in names for w in g})
        return found

    def keys(self) -> dict[str, str]:
        out = {k: "surname" for k in self.by_surname}
        out.update({k: "forename" for k in self.by_forename if k not in out and not is_demonym(k)})
        out.update({k: "alias" for k in self.by_alias if k not in out})
        return out


# Lower-case particles an index writes after the given names ("Robespierre, M. de", "Ree, E.
# van"), and so before the surname: the text names the man by the surname alone too.
_PARTICLE_WORDS = ("von", "van", "de", "der", "den", "du", "la", "le", "ten", "ter")
_ONE_INITIAL = re.compile(r"[A-Z]\.")
# Capitalised words, and two in a row (each pair, overlapping), as `People.written_only_before`
# counts them: the capital first (`re` skips to it), then its look-behind.
_CAPITALISED_WORD = re.compile(r"[A-Z](?<![\w'’‐-].)[\w‐-]*")
_CAPITALISED_PAIR = re.compile(r"([A-Z])(?<![\w'’‐-].)(?=([\w‐-]*)\s+([A-Z][\w‐-]*))")
_PARTICLES = re.compile(rf"^(?:(?:{'|'.join(_PARTICLE_WORDS)}) )+(?=[A-Z])")
_SOUGHT_ONE_BY_ONE = 40  # the words `People.written_only_before` seeks alone, before one scan of all
_CAPITALISED_SHAPE = re.compile(r"[A-Z][\w‐-]*")  # a word `_CAPITALISED_WORD` may find whole
_WORD_CHAR_BEFORE = re.compile(r"[\w'’‐-]")  # what `_CAPITALISED_WORD` sees no word open after
_CAPITALISED_NEXT = re.compile(r"\s+([A-Z][\w‐-]*)")  # the second word of `_CAPITALISED_PAIR`


def _capitalised_followers(text: str, word: str) -> Counter:
    """For each place `_CAPITALISED_WORD` finds `word` whole in `text`, the word after it as
    `_CAPITALISED_PAIR` reads it (None where no capitalised word follows): how many times
    `text` writes `word`, and before which words, from a search of `word` alone. Each run of
    a word's characters after a capital that follows none is one of `_CAPITALISED_WORD`'s
    finds, and of `_CAPITALISED_PAIR`'s where white space and a capital follow it (the
    second word whole there too): a word of another shape is never found (`Counter()`)."""
    found: Counter = Counter()
    if _CAPITALISED_SHAPE.fullmatch(word) is None:
        return found
    for at in word_starts(text, word, _WORD_GOES_ON):
        if at and _WORD_CHAR_BEFORE.match(text, at - 1):
            continue
        after = _CAPITALISED_NEXT.match(text, at + len(word))
        found[after.group(1) if after else None] += 1
    return found


# What refuses a use of a word where it stands right before it: a word's character goes on
# (`_capitalised_followers`), or that or a capitalised word after white space, the name going
# on (`People.written_as_surname`: the name's last word).
_WORD_GOES_ON = re.compile(r"[\w‐-]")
_NAME_GOES_ON = re.compile(r"[\w‐-]|\s+[A-Z]")


def word_starts(text: str, word: str, goes_on: re.Pattern) -> Iterator[int]:
    """Where `re.finditer(rf"{re.escape(word)}(?!{goes_on.pattern})", text)` finds `word`: its
    uses in turn, each sought after the end of the last found, but those `goes_on` matches
    right after. A word of Latin-1 (`in_latin_1`) is sought in the text's Latin-1 bytes
    (`latin1_bytes`, kept for a book's text), where it is written where the text writes it
    and nowhere else; `goes_on` then tried at each place in the text itself (`re`'s search of
    the text, of two bytes a character, took ~0.7 ms a word, asked of 14 on the bundled book
    and 17 on James's; ~0.4 in the bytes). A word that may overlap itself ("Anna" in "Annanna": its last letters its
    first) is sought by `re` in the text: the bytes' search passes over the places inside a
    use it found, where `re`'s, after a use refused, does not."""
    size = len(word)
    if not word or not in_latin_1((word,)) or any(word[:k] == word[-k:] for k in range(1, size)):
        yield from (m.start() for m in re.finditer(rf"{re.escape(word)}(?!{goes_on.pattern})", text))
        return
    refused = goes_on.match
    for m in re.finditer(re.escape(word.encode("latin-1")), latin1_bytes(text)):
        at = m.start()
        if refused(text, at + size) is None:
            yield at


def _without_particles(surname: str) -> str:
    """The surname less the lower-case particles before it ("de Robespierre": Robespierre)."""
    return _PARTICLES.sub("", surname)


def _spelt_otherwise(surname: str, spellings: dict[str, str]) -> list[str]:
    """The surname written with each of the profile's other spellings of its letters, one
    pair at a time ("Kondratiev": "Kondrat'ev"; "Bel'sky": "Belsky"), an apostrophe either
    way it is printed."""
    out = []
    surname = surname.replace("’", "'")
    for letters, other in spellings.items():
        pairs = [(letters, other), (other, letters)] if other else [(letters, other)]
        for said, written in pairs:
            if said in surname:
                out.append(surname.replace(said, written))
    return [w for form in out for w in dict.fromkeys((form, form.replace("'", "’"))) if w and w != surname]


def is_demonym(word: str) -> bool:
    """A forename that is also a people's name (German Krasin, the German army): never
    matched alone. Told by the country it derives from: German - Germany, Russian - Russia."""
    stems = {word + "y", word[:-1], word[:-3] + "y", word[:-2] + "a", word[:-3] + "a"}
    return word.endswith(("an", "sh", "se")) and any(
        (g := gazetteer.lookup(s)) is not None and g.type == "country" for s in stems if len(s) > 3
    )


def fits(given: list[str], person, people: People) -> bool:
    """Whether the forenames/initials written before a surname fit a person (asked again
    and again of the same names and person: the answer is kept until a person is learnt)."""
    if not given:
        return True
    key = (tuple(given), person)
    known = people.fitting.get(key)
    if known is None:
        tries = [given] + ([given[1:]] if len(given) > 1 and not given[0].endswith(".") else [])
        known = people.fitting[key] = any(_fits(g, person, people) for g in tries)
    return known


def _fits(given: list[str], person, people: People) -> bool:
    known_names = people.given_names(person)
    if not known_names and people.bare_fits:
        # A heading with no forename ("BUNYAN"): a forename written out fits it ("John
        # Bunyan’s autobiography"); initials may be another's ("R. Bunyan")
        return not any(g.endswith(".") and g not in people.honorifics for g in given)
    for names in known_names:
        if names[0] in people.title_words and given[0] not in people.title_words:
            names = names[1:]  # the index's "Simon, Sir E. D.": "E. D. Simon", the title before the mention
        if len(given) > len(names) + 1:
            continue
        ok = True
        for said, known in zip(given, names):
            if said.endswith(".") or known.endswith("."):
                ok &= _initial(said) == _initial(known)
            else:
                ok &= said == known
        if ok:
            return True
    return False


def _institution_before(text: str, start: int) -> bool:
    """`_INSTITUTION_BEFORE.search(text, max(0, start - 20), start)`: whether an order's or a
    prize's words and a white space stand right before `start` ("Order of Lenin", "Stalin
    Prize"... "named Kirov"). Asked at every mention of a surname, which most follow
    otherwise: told by `endswith`, the white space first, not by a pattern tried at each of
    twenty characters. As `$` reads the end, a line break may follow that white space."""
    if start < 2 or not text[start - 1].isspace():
        return False
    low = max(0, start - 20)
    if text.endswith(_INSTITUTION_WORDS, low, start - 1):
        return True
    return text[start - 1] == "\n" and text[start - 2].isspace() and text.endswith(_INSTITUTION_WORDS, low, start - 2)


_POSSESSIVE_END = ("’s", "'s", "’", "'")
# A ruler's number after a name, its point inside where the sentence goes on ("Louis XIV.:—",
# "Louis XIV. was"), outside where it may end the sentence ("under Louis XIV. The"); no initial
# ("Pis'ma I.V. Stalina V.M. Molotovu": Molotov's initials).
_REGNAL_AFTER = re.compile(
    r" (?:X{0,3}(?:IX|IV|VI{0,3}|I{2,3})|X{1,3})(?:\.(?=[:;,]| [a-z]))?(?![\w'’-]|\.\s?[A-Z][a-z]?\.)"
)
_REGNAL_FIRST = ("I", "V", "X")  # what a ruler's number opens with, told before the pattern is tried
_DEITY_AFTER = re.compile(r" ([A-Z][a-z]+)\b")


def _regnal_after(text: str, end: int) -> int | None:
    """Where a ruler's number after the name at `end` ends, or None."""
    if text[end : end + 1] != " ":
        return None
    m = _REGNAL_AFTER.match(text, end, end + 12)
    return m.end() if m is not None else None


def _deity_after(text: str, end: int, deities: Collection[str], keys: Collection[str]) -> tuple[int, str] | None:
    """Names of God right after one ("the Lord God", "Jehovah God", "the Lord Jesus Christ"):
    where the last ends and its key, one mention of them all; None where none follows."""
    found = None
    while (m := _DEITY_AFTER.match(text, end, end + 20)) is not None:
        word = m.group(1)
        two = _DEITY_AFTER.match(text, m.end(1), m.end(1) + 20)
        if two is not None and f"{word} {two.group(1)}" in deities and f"{word} {two.group(1)}" in keys:
            word, m = f"{word} {two.group(1)}", two  # "Jesus Christ", one key
        elif word not in deities or word not in keys:
            break
        end = m.end(1)
        found = (end, word)
    return found


def _titles_before_pattern(honorifics: Collection[str]) -> re.Pattern:
    """The titles of the profile, one or more, right before a mention (`$`): written out, or
    abbreviated with a full stop ("Mrs. Annie Besant", "Prof. George A. Coe", "Rev. Mr. Henry
    Alline"); not a capital and a full stop, which is as often an initial ("M.")."""
    words = sorted((h for h in honorifics if h[-1:].isalpha() or len(h) > 2), key=len, reverse=True)
    alternatives = "|".join(map(re.escape, words)) or "(?!)"
    return re.compile(rf"(?<![\w'’.-])(?:(?:{alternatives})\s)+$")


def _surname_follows(text: str, start: int, end: int, people: People) -> bool:
    """Whether a surname of the register follows the one at `start:end`, initials maybe
    between, so that this one is a forename of the mention the next makes ("James R.
    Harris", "John Bunyan’s autobiography": the possessive outside; "Mr. John Nelson": a
    title before is no initials): not after initials, where it is another's surname ("R.
    Medvedev S. Parofenov", a comma missing)."""
    follow = _FOLLOWING_NAME.match(text, end, end + 40)
    if follow is None:
        return False
    word = follow.group(1)
    if word not in people.by_surname:
        for ending in _POSSESSIVE_END:
            if word.endswith(ending):
                word = word[: -len(ending)]
                break
        if word not in people.by_surname:
            return False
    initials = _INITIALS_ONLY_BEFORE.search(text[max(0, start - 12) : start])
    return initials is None or all(w in people.titles for w in initials.group(1).split())


# "at" or "near" and a capitalised word right before a surname ("at Hicks Mill")
_AT_WORD_BEFORE = re.compile(r"\b(?:at|near)[ \t]+\n?[ \t]*([A-Z][a-z]+)[ \t]+\n?[ \t]*$")


def _place_named_before(text: str, start: int, people: People) -> bool:
    """Whether a surname alone follows "at" or "near" and a capitalised word that names no
    one (no forename, surname or title of the register or the profile): the surname ends a
    place's name ("when at a prayer‐meeting at Hicks Mill, I heard the Lord"), no mention."""
    m = _AT_WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    word = m.group(1)
    return not (
        word in people.by_forename
        or word in people.by_surname
        or word in people.by_alias
        or word in people.forenames
        or word in people.honorifics
    )


def _titled_as(people: People, surname: str, titles: list[str]):
    """The one person of `surname` the register gives one of `titles` as a given name (the
    index's "EDWARDS, MRS. J." for "Mrs. Edwards" and "Mrs. Jonathan Edwards", beside
    "EDWARDS, JONATHAN"), or None."""
    held = [p for p in people.by_surname[surname] if any(t in g for g in people.given_names(p) for t in titles)]
    return held[0] if len(held) == 1 else None


def _word_before(text: str, start: int) -> str:
    """The word right before `start`, spaces between ("" if none)."""
    m = _WORD_BEFORE.search(text, max(0, start - 16), start)
    return m.group(1) if m else ""


# A name quoted alone after the noun "word" or "term": the word spoken of ("worked out from the
# mere word “God”", "the terms ‘Son’"), no mention of its bearer. ("The family name
# 'Kaganovich' was the same in root as Kagan": a name's noun, its bearer's family, is left.)
# (a list of words quoted, the name among them: "as the words “soul,” “God,” “immortality,”
# cover no distinctive sense‐content")
_WORD_QUOTED_BEFORE = re.compile(
    r"\b(?:word|words|term|terms)\s(?:[“\"‘'][^“”\"‘’\n]{1,40}[”\"’']\s(?:(?:and|or)\s)?){0,4}[“\"‘']$"
)
# The words spoken of, not quoted: "corresponding to the words God, Heaven, Angels, etc.?"
_WORDS_NOT_QUOTED_BEFORE = re.compile(r"\bthe\s(?:words|terms)\s$")
_WORDS_ENDINGS = ("words ", "terms ", "words\n", "terms\n")
_QUOTE_CLOSED = re.compile(r"[,.;:!?]?[”\"’']")


_QUOTES_OPENING = ("“", '"', "‘", "'")
# What `textnames.named_after` reads first after a name (a space or a tab): told before it is asked.
_BLANKS_AFTER = (" ", "\t")
# What the text before a mention ends with where `_work_of_pattern`'s pattern, which ends in
# " of $", can match there (`$` matches before a newline that ends the text searched, too).
_OF_BEFORE = (" of ", " of \n")


def _the_word_quoted(text: str, start: int, end: int) -> bool:
    return (
        text[start - 1 : start] in _QUOTES_OPENING
        and _QUOTE_CLOSED.match(text, end) is not None
        and _WORD_QUOTED_BEFORE.search(text, max(0, start - 120), start) is not None
    )


def _the_words_named(text: str, start: int) -> bool:
    """Whether a name stands, unquoted, right after "the words" or "the terms": the word
    spoken of ("What comes before your mind corresponding to the words God, Heaven")."""
    return (
        text.endswith(_WORDS_ENDINGS, 0, start)
        and _WORDS_NOT_QUOTED_BEFORE.search(text, max(0, start - 12), start) is not None
    )


def _work_of_pattern(title_cues: Collection[str]) -> re.Pattern | None:
    """What stands before a work's title after its author's name: a possessive, a noun of a
    work of the profile (`[inline] title_cues`) and "of" ("Sénancour’s novel of Obermann");
    the name after it is the title's, the author named before it."""
    nouns = sorted((c for c in title_cues if c.isalpha()), key=len, reverse=True)
    if not nouns:
        return None
    return re.compile(rf"[A-Z][\w‐-]*['’]s (?:{'|'.join(map(re.escape, nouns))}) of $")


def places_ending_in_surnames(
    names, surnames: Collection[str], streets_first: Collection[str]
) -> dict[str, frozenset[str]]:
    """For each surname of `surnames` that ends a place's name of `names` (the place register's,
    the index's sites: "Prospekt Marx"), the words before it there ("Prospekt "); and after
    each of `streets_first` (the words that open a street's name, a pack's: "Prospekt",
    "ulitsa"), every surname: the surname so written is the place's, no mention of him.
    A surname of none of them has none (an empty set)."""
    before: dict[str, set[str]] = defaultdict(set)
    for name in names:
        head, _, last = name.rpartition(" ")
        if head and last in surnames:
            before[last].add(head + " ")
    if streets_first:
        street_heads = [f"{word} " for word in streets_first]  # made once, not for each surname
        for surname in surnames:
            before[surname].update(street_heads)
    # Frozen: `_ends_place_name` groups each set by length once (`_by_length`), and most
    # surnames share one set (a pack's street words), grouped once for them all.
    shared: dict[frozenset[str], frozenset[str]] = {}
    out: dict[str, frozenset[str]] = defaultdict(frozenset)
    for surname, heads in before.items():
        frozen = frozenset(heads)
        out[surname] = shared.setdefault(frozen, frozen)
    return out


def _ends_place_name(text: str, start: int, heads: Collection[str]) -> bool:
    """Whether `text` right before `start` ends with one of `heads` ("Prospekt "), the word
    the character before it no letter of a word ("the Prospekt Marx", not "Noprospekt Marx")."""
    # Asked at every mention of a surname, of a dozen heads or more (a pack's street words):
    # one `endswith` of them all (in C) answers most mentions, which follow none; where one
    # does, the text before the mention is cut once for each length of head and looked up,
    # not compared with each head in turn.
    return _ends_head(text, start, _by_length(frozenset(heads)))


def _ends_head(text: str, start: int, grouped: tuple[tuple[str, ...], tuple[tuple[int, frozenset[str]], ...]]) -> bool:
    """`_ends_place_name` of the heads `_by_length` grouped (`grouped`): a pass that asks of
    the same heads at every mention groups them once for each surname, not at each mention."""
    ends, by_length = grouped
    if not text.endswith(ends, 0, start):
        return False
    for length, same in by_length:
        if length <= start and text[start - length : start] in same and not _word_char_at(text, start - length - 1):
            return True
    return False


@lru_cache(maxsize=256)
def _by_length(heads: frozenset[str]) -> tuple[tuple[str, ...], tuple[tuple[int, frozenset[str]], ...]]:
    """`heads` as a tuple (for `str.endswith`), and grouped by their length, shortest first."""
    grouped: dict[int, set[str]] = defaultdict(set)
    for head in heads:
        grouped[len(head)].add(head)
    return tuple(sorted(heads)), tuple((length, frozenset(grouped[length])) for length in sorted(grouped))


def _word_char_at(text: str, at: int) -> bool:
    return at >= 0 and (text[at].isalnum() or text[at] in "'’-")


# The hyphen, and Unicode's (U+2010) that some transcriptions set throughout ("Crump‐like").
_HYPHENS = ("-", "‐")


def _hyphened(text: str, start: int, end: int) -> bool:
    """Whether one hyphen joins a match to a word before or after it (two are a dash)."""
    return (text[start - 1 : start] in _HYPHENS and text[start - 2 : start] != "--") or (
        text[end : end + 1] in _HYPHENS and text[end : end + 2] != "--"
    )


def _hyphen_chain(text: str, start: int, end: int, people: People) -> int | None:
    """Where the run of words single hyphens join around a surname ends, when every word of
    it is a surname of the register ("the Malenkov-Beria group", "the Zinoviev-Kamenev
    opposition": each a mention, the hyphen outside both); else None ("anti-Stalin",
    "Team-Stalin", "Stalin-Era": one word, no person's name)."""
    words = [text[start:end]]
    first, last = start, end
    while first > 1 and text[first - 1] in _HYPHENS and text[first - 2].isalnum():
        word = _WORD_BEFORE_HYPHEN.search(text, max(0, first - 40), first - 1)
        if word is None:
            break
        words.insert(0, word.group())
        first = word.start()
    while text[last : last + 1] in _HYPHENS and (word := _WORD_AFTER_HYPHEN.match(text, last + 1)) is not None:
        words.append(word.group())
        last = word.end()
    if len(words) < 2 or not all(w in people.by_surname for w in words):
        return None
    return last


def _renamed_place(text: str, start: int, end: int) -> bool:
    """Whether a name in brackets right after a place's name is another name of that place,
    as the gazetteer says ("Nizhnyi Novgorod (Gorky)", "Samara (Kuibyshev)": cities named
    after persons for a time)."""
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    before = _PLACE_BEFORE_BRACKET.search(text, max(0, start - 40), start)
    if before is None:
        return False
    here, there = gazetteer.lookup(text[start:end]), gazetteer.lookup(before.group(1))
    return here is not None and there is not None and here.geonameid == there.geonameid


# What follows a city's name in a citation's imprint: ", 1932)", ", 1918-20)".
# (Or ", " where the text's piece ends: the year is marked as a date already.)
_IMPRINT_AFTER = re.compile(r",[ \t]*(?:\d{4}(?:[–-]\d{2,4})?\)|$)")
_BRACKETED_YEAR = re.compile(r"\(([A-Z][\w'’-]+),[ \t]*\d{4}(?:[–-]\d{2,4})?\)")


def cites_imprints(text: str, surnames) -> bool:
    """Whether a book's citations give a place and a year in brackets ("(Moscow, 1996)",
    "(London, 1971)"), not an author and a year ("(Rees, 1987)"): of the names so written
    three at least, and most, are cities no person of the register is named."""
    cities = others = 0
    for name, n in Counter(_BRACKETED_YEAR.findall(text)).items():
        place = gazetteer.lookup(name) if name not in surnames else None
        if place is not None and place.type == "city":
            cities += n
        else:
            others += n
    return cities >= 3 and cities > others


def _imprint(text: str, start: int, end: int) -> bool:
    """Whether a name is a city's printed as a citation's place of publication, in a book
    that so cites (`cites_imprints`): "Khronika (Gorky, 1932), 144", the city of that name
    for a time, not the writer."""
    if text[start - 1 : start] != "(" or not _IMPRINT_AFTER.match(text, end):
        return False
    place = gazetteer.lookup(text[start:end])
    return place is not None and place.type == "city"


@cache
def _initial(name: str) -> str:
    """An initial as romanisations agree on it: Ye. = E., Iu. = Yu., J. = I. (Kept for each
    name: `fits` asks it of the same few hundred names by the thousand.)"""
    head = name[:2] if name[1:2].islower() and name[:2] in _CANONICAL_INITIAL else name[:1]
    return _CANONICAL_INITIAL.get(head, head)[:1]


def _own_title_on(words: list[str], theirs: set[str]) -> list[str]:
    """The words before a surname from the last that is a title the register gives as the
    person's own name ("AUGUSTINE, SAINT": "Saint Augustine", "Says Saint Teresa" ->
    "Saint"), held then in the mention as the index holds it in the heading; else all of
    them (a rank or a word opening a sentence, left out after: "Colonel I. A. Serov")."""
    for i in range(len(words) - 1, -1, -1):
        if _own_title(words[i], theirs):
            return words[i:]
    return words


# What tells a saint apart after the name (a mention opening with the title, `_SAINTS_TITLE`):
# "of", maybe "the", and a capitalised word that begins no longer name, a byname of place or
# of what the saint is known by, one name with the rest ("Saint John of the Cross", "Saint
# Teresa of Avila", "St. John of God", "Saint Francis of Assisi’s"; not "of the Church of
# Rome" nor "of New York", a longer name that is another's).
_SAINTS_EPITHET = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][^\W\d_]+(?![\w‐-]|['’](?!s\b)|\s+of\b|\s+[A-Z])")
_SAINTS_TITLE = re.compile(r"(?:Saint|St\.)\s")
# A title that is part of a name as English cites it, unlike a rank ("Colonel I. A. Serov",
# "Count Mirbach": the mention is the name after it): "Saint Augustine".
_NAME_TITLES = frozenset({"Saint"})


def _own_title(word: str, theirs: set[str]) -> bool:
    return word in _NAME_TITLES and word in theirs


# What an initial's stop ends with (`_INITIAL_STOPS`): a character before a mention that is
# none of these, nor a white space, ends neither initials nor a capitalised word and a space.
_STOPS_LAST = frozenset(stop[-1] for stop in _INITIAL_STOPS)


def _nothing_before(text: str, start: int) -> bool:
    """Whether neither initials (`_ends_as_initials`) nor a capitalised word and a white space
    (`_words_before_at`) may end right before `start`: most mentions follow a small word, a
    comma and a space, a bracket, or open the text. Told from the character before `start`,
    and after a space from the one before that or the word the space ends: a small letter
    ends initials only as the last of a stop ("Ya"), a capitalised word only as the last of
    one, and a word between this space and the one before it with no capital is neither
    (the space before it none's last character); a full stop ends initials only one or two
    characters after a capital."""
    last = text[start - 1 : start]
    if last != " ":
        return last not in _STOPS_LAST and not last.isspace()  # "" too: the text opens with the name
    previous = text[start - 2 : start - 1]
    if previous == ".":  # a sentence's end, unless an initial's ("Dr. ", "V. ", "Ya. "): a capital then
        return not ("A" <= text[start - 3 : start - 2] <= "Z" or "A" <= text[start - 4 : start - 3] <= "Z")
    if not previous.isalpha():
        return not previous.isspace()  # ", ", ") ", "1920 "
    space = text.rfind(" ", max(0, start - 40), start - 1)
    return space >= 0 and text[space + 1 : start - 1].islower()  # "by ", "and the "


def _given_before(text: str, start: int, people: People, surname: str) -> tuple[int, list[str]]:
    """Initials or forenames written just before a surname: (new start, the names)."""
    if _nothing_before(text, start):
        return start, []
    return _given_before_something(text, start, people, surname)


def _given_before_something(text: str, start: int, people: People, surname: str) -> tuple[int, list[str]]:
    """`_given_before` where `_nothing_before` is false already: the marking asks it so, and
    its ~1,700 tests of the same place (on the bundled book) were asked twice."""
    # Asked at every mention of a surname, most after no initials nor capitalised word (a
    # comma, a bracket, a small word): the window before it is cut only where either may end.
    cut = max(0, start - 40)  # a $-anchored search must not scan the whole text
    m = _INITIALS_BEFORE.search(text[cut:start]) if _ends_as_initials(text, start) else None
    if m:
        words = m.group(1).split()
        if words[0] in people.titles:
            given = [w if w.endswith(".") or len(w) > 2 else w + "." for w in words[1:]]
            return cut + m.start(1), given  # "Dr. Starbuck": the title is written with the name
        if (
            words[0] in _NOT_FORENAMES
            or words[0] in people.title_words
            or (len(words) > 1 and words[0] in people.by_surname and words[0] not in people.forenames)
            or (len(words) > 1 and not words[0].endswith(".") and words[0] in people.common)
        ):
            # "R. Medvedev S. Parofenov" (a comma missing): a surname is another's mention; a
            # forename of the profile is this one's, though a saint bears it ("John B. Gough"
            # beside the index's "John, Saint")
            return cut + m.start(1) + len(words[0]) + 1, [
                w if w.endswith(".") or len(w) > 2 else w + "." for w in words[1:]
            ]
        return cut + m.start(1), [w if w.endswith(".") or len(w) > 2 else w + "." for w in words]
    m = _words_before_at(text, start)
    if m:
        words = m.group(1).split()
        first_letters, theirs = people.given_of(surname)
        words = _own_title_on(words, theirs)
        while (
            words
            and not _own_title(words[0], theirs)
            and (
                words[0] in _NOT_FORENAMES
                or words[0] in people.title_words
                or (words[0] in people.by_surname and words[0] not in people.forenames)
            )
        ):
            words = words[1:]
        said = people.said_before.get(surname)
        if said and tuple(words[-len(said) :]) == said:
            # "Captain Mayne Reid": the mention is "Mayne Reid"; "Mr. Henry Alline" all three,
            # an abbreviated title written with the name as after initials ("Dr. Starbuck")
            at = start - len(" ".join(said)) - 1
            title = _INITIALS_ONLY_BEFORE.search(text[max(0, at - 12) : at])
            if title and all(w in people.titles for w in title.group(1).split()):
                return at - len(title.group(1)), []
            return at, []
        given = []
        if words and words[0][0] in first_letters:
            given = words
        else:
            # Forenames right before the surname that fit no one of the register by their
            # initial: the mention is all the same the whole name ("Historian Oleg
            # Khlevniuk"; "Viktor Chernov": another Chernov than the index's M. A., left
            # unlinked).
            unlisted = None  # a forename no list gives, right before the surname
            for w in reversed(words):  # the register's given names, of this surname's persons ("J. Arch") or any
                if w not in theirs and w not in people.by_forename and w not in people.forenames:
                    # (before a surname the index gives with other initials too: "Shadworth
                    # Hodgson" beside the index's "Hodgson, R." is another Hodgson, unlinked)
                    if given or not _forename_unlisted(w, people, surname):
                        break
                    unlisted = w  # "writes Alphonse Daudet", "James Russell Lowell"
                given.insert(0, w)
            at = start - len(" ".join(given)) - 1
            if (
                unlisted is not None
                and given[0] == unlisted
                and not _mid_sentence(text, at, people)
                and not (_opens_text(text, at) and people.written_only_before(unlisted, surname))
            ):
                given = []  # "the Jesuit Rodriguez"; but a note's "Grigory Bessedovsky, Revelations"
        if given:
            at = start - len(" ".join(given)) - 1
            initials = _INITIALS_ONLY_BEFORE.search(text[max(0, at - 12) : at]) or _INITIALS_PARTICLE_BEFORE.search(
                text[max(0, at - 16) : at]
            )
            if initials:  # initials before the forename: "J. Arch Getty", "A. James Gregor"
                return at - len(initials.group(1)), [*(w for w in initials.group(1).split() if w[0].isupper()), *given]
            return at, given
    return start, []


def _forename_unlisted(word: str, people: People, surname: str) -> bool:
    """Whether a capitalised word right before a surname the index gives no forename may be a
    forename no list gives ("Alphonse Daudet", "Antonia Bourignon", "Russell Lowell"): no word
    the book writes in lower case (but a forename of the profile that is a common word too, "by
    Frank Bullen"), no title, surname of the register, people's word, country,
    state nor city of 250,000 people or more the gazetteer knows (a smaller town's name is a
    forename as often: "Edward Everett Hale", "Hudson Taylor"), nor one the book writes as a
    surname elsewhere ("in honour of Ribbentrop Kaganovich recalled", a comma missing, where it
    writes "Joachim von Ribbentrop"); before no name of God ("Almighty God") and no common word
    ("Hicks Mill", a mill)."""
    return (
        len(word) > 2
        and word.isalpha()
        and word[1:].islower()
        and surname not in people.deities
        and surname not in people.common
        and (word not in people.common or word in people.common_forenames)
        and word not in people.title_words
        and word not in _NOT_FORENAMES
        and word not in people.by_surname
        and not is_demonym(word)
        and not _large_place(word)
        and not people.written_as_surname(word)
    )


_LARGE_PLACE = 250_000  # people in a city whose name is no forename before a surname ("Moscow Kaganovich")


def _large_place(word: str) -> bool:
    """Whether the gazetteer knows a word as a country or state, or a city of `_LARGE_PLACE`
    people or more (by its own name, or by another: "Leningrad")."""
    geo = gazetteer.lookup_named(word) or gazetteer.lookup(word)
    return geo is not None and (geo.type != "city" or geo.population >= _LARGE_PLACE)


def _opens_text(text: str, at: int) -> bool:
    """Whether a name starting at `at` opens the text, a note's or a paragraph's (an opening
    quotation mark or bracket maybe before it): as a citation names its author, not as a
    sentence may open with an adverb ("Later Emerson walked")."""
    return text[:at].strip(" \t\n\"“‘'([") == ""


def _mid_sentence(text: str, at: int, people: People) -> bool:
    """Whether a name starting at `at` stands mid-sentence, after a word in small letters that
    is no article, determiner or particle ("writes Alphonse Daudet"; not "the Jesuit
    Rodriguez", "de la Mothe Guyon"), or after initials or a title ("M. Antonia Bourignon")."""
    before = text[max(0, at - 16) : at]
    stripped = before.rstrip()
    if len(stripped) == len(before):
        return False
    if _INITIALS_ONLY_BEFORE.search(before):
        return True
    last = stripped.rsplit(None, 1)[-1] if stripped else ""
    return last.isalpha() and last.islower() and last not in people.before_nouns


UNINDEXED = "named in the text, not in the book's index"


def _indexed(person) -> bool:
    """An entry of the index, or an editor's: an authority, unlike a person found in the text."""
    return registers.provenance(person) != registers.FROM_TEXT


def discover(people: People, tei, ctx: Context) -> None:
    """Complete the register from the text: forenames of indexed persons, then unindexed persons.

    Only what the index gives (and the forenames learnt for it) is evidence for finding
    new persons, so that a second run over its own register adds nothing: the result
    is the same whether or not an earlier register exists.
    """
    text = unmarked(ctx)
    _learn_forenames(people, text, ctx)
    _find_unindexed(people, text, _CommonWords(word_counts(ctx)))


def _learn_forenames(people: People, text: str, ctx: Context) -> None:
    learnt: dict[str, Counter] = defaultdict(Counter)
    bare: dict[str, Counter] = defaultdict(Counter)  # the words before a heading that gives no forename
    indexed_surnames = {k for k, ps in people.by_surname.items() if any(map(people.indexed, ps))}
    surnames = Matcher({k: None for k in indexed_surnames})
    for start, _end, surname, _ in surnames.find(text):
        m = _words_before_at(text, start)
        if not m:
            continue
        words = [w for w in m.group(1).split() if w not in _NOT_FORENAMES]
        if (
            not words
            or words[0] in indexed_surnames
            or words[0] in ctx.profile.known_places
            or _in_or_bracket_before(text[max(0, start - 40) : start].rstrip(), words[0])
        ):
            continue
        indexed = [p for p in people.by_surname[surname] if people.indexed(p)]
        fitting = [p for p in indexed if fits([w[0] + "." for w in words], p, people)]
        if len(fitting) == 1 and not people.patronymic.search(words[0]):
            learnt[fitting[0].get(XML_ID)][tuple(words)] += 1
        elif len(indexed) == 1 and not people.given_names(indexed[0]):
            # a rank before the name is none of it ("Captain Mayne Reid", as "Mayne Reid")
            untitled = tuple(w for w in words if w not in people.title_words)
            if untitled:
                bare[indexed[0].get(XML_ID)][untitled] += 1
    for ident, forms in _forenames_of_bare_headings(bare, word_counts(ctx)).items():
        person = people.reg.entries[ident]
        for surname in people.surnames[person]:
            people.said_before[surname] = next(iter(forms))
    for ident, forms in sorted(learnt.items()):
        person = people.reg.entries[ident]
        if len({w[0] for w in forms}) > 1:
            continue  # "John Hughes" and "James Hughes": two men, one index entry
        words, seen = max(forms.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))
        if seen < 2 and gazetteer.lookup(words[0]) is not None:
            continue  # "Moscow Stalin": a place once, not a forename
        names = registers.person_names(person)
        surname = names[0]["surname"]
        if any(not g.endswith(".") for n in names for g in n["given"]):
            continue  # the register has a forename already (an earlier run's, an editor's)
        pn = make("persName")
        for w in words:
            sub(pn, "forename", w).tail = " "
        sub(pn, "surname", surname)
        first = person.find(q("persName"))
        pn.tail = first.tail
        first.addnext(pn)
        people.learn(person)


def _in_or_bracket_before(before: str, word: str) -> bool:
    """Whether `before` ends with a bracket, or with "in" and `word` ("in Moscow": a place
    before the surname), "in" a word of its own (not "Captain Mayne")."""
    if before.endswith("("):
        return True
    head = before[: len(before) - len(word) - 3]
    return before.endswith("in " + word) and not head[-1:].isalpha()


MIN_BARE_FORENAME = 2  # the times a heading without a forename must be written after the same one


def _forenames_of_bare_headings(bare: dict[str, Counter], counts: WordCounts) -> dict[str, Counter]:
    """The forenames of index headings that give none ("REID, 446"), where the text writes the
    surname after the same capitalised words every time it writes any, MIN_BARE_FORENAME
    times or more, none of them a word the book writes in lower case ("Mayne Reid", "Captain
    Mayne Reid"; not "Thus Reid", "Moscow Reid" once). They are the mention's (`People.said_before`),
    not the register's: the index gave none, and a forename entered would find other persons
    of it in the text (`_find_unindexed`) and name its bearer alone."""
    common = _CommonWords(counts)
    out = {}
    for ident, forms in bare.items():
        if len(forms) != 1:
            continue  # "John Hughes" and "James Hughes", or a sentence's first word: no one forename
        ((words, seen),) = forms.items()
        if seen >= MIN_BARE_FORENAME and not any(w in common or gazetteer.lookup(w) is not None for w in words):
            out[ident] = forms
    return out


class _CommonWords:
    """Which capitalised words the book also writes in lower case, and so are no names on
    their own evidence ("A. Nothing whatever", "Similarly M. Taine"): a word is common when
    its lower-case uses are not rare beside its capitalised ones."""

    def __init__(self, counts: WordCounts):
        # Both counted in one scan of the book (`matching.WordCounts`): a search of the whole
        # text per candidate word took a quarter of a second on a book with many candidates.
        self.lower = counts.lower
        self.capitalised = counts.capitalised

    def __contains__(self, word: str) -> bool:
        low = self.lower.get(word.lower(), 0)
        return bool(low) and self.capitalised.get(word, 0) < 3 * low


def _soft_signed(surname: str, text: str, end: int, people: People) -> str:
    """The surname as the register writes it with a soft sign after it ("V. Ya. Chubar'",
    the index's "Chubar'", V. Ya.): the apostrophe the name pattern leaves outside."""
    sign = text[end : end + 1]
    return surname + sign if sign in ("'", "’") and surname + sign in people.by_surname else surname


# An initial as the index writes one: a capital, or the two letters of one Russian letter
# ("Ya.", "Zh."); other words with a full stop before the initials are a rank ("Lt. Gen.").
_AN_INITIAL = re.compile(r"(?:[A-Z]|Ya|Yu|Ye|Yo|Zh|Kh|Ch|Sh|Ts|Shch)\.")
# Initials a misprint confuses, even as a first initial ("L. N. Bel'sky", the index's "I. N.").
_CONFUSED = {frozenset({"I.", "L."})}


def _initials_of(names: list[str], people: People) -> list[str]:
    """An index heading's given names less a rank before them ("Kovalev, Lt. Gen. I. V.")."""
    return [g for g in names if g not in people.titles and (not g.endswith(".") or _AN_INITIAL.fullmatch(g))]


def _misprinted(
    initials: list[str], known: list, surname: str, text: str, people: People, searched: dict | None = None
):
    """The index's person whom initials written before a surname name all the same, if the
    evidence is clear, else None: the only one of them whose initials, less a rank the
    index writes before them, are these ("I. V. Kovalev", the index's "Kovalev, Lt. Gen. I.
    V."); or the index's only person of that surname, one initial misprinted in the index
    or the text ("M. L. Rukhimovich" of the index's "Rukhimovich, M. I."): as many initials,
    one different, the first the same unless the two are letters a misprint confuses (I
    and L: "L. N. Bel'sky", the index's "I. N."), and the text never writing the index's
    own initials before the surname (had it, the two would be two men). `searched`: the
    answers of searches of `text` made already, by what was sought (a misprint written often,
    "M. L. Rukhimovich", asks of the same name at each: a search of the bundled book 0.3 ms)."""
    if searched is None:
        searched = {}
    if not initials or not all(i.endswith(".") for i in initials):
        return None
    titled = [p for p in known if any(_initials_of(n, people) == initials for n in people.given_names(p))]
    if len(titled) == 1:
        return titled[0]
    if len(known) != 1 or len(initials) < 2:
        return None
    for names in people.given_names(known[0]):
        names = _initials_of(names, people)
        differ = [k for k, (a, b) in enumerate(zip(names, initials)) if a != b]
        if (
            len(names) == len(initials)
            and len(differ) == 1
            and (differ[0] > 0 or frozenset({names[0], initials[0]}) in _CONFUSED)
            and not _written(f"{' '.join(names)} {surname}", text, searched)
        ):
            return known[0]
    return None


def _written(phrase: str, text: str, searched: dict[str, bool]) -> bool:
    """`phrase in text`, answered once for each phrase (`searched` keeps the answers)."""
    known = searched.get(phrase)
    if known is None:
        known = searched[phrase] = phrase in text
    return known


# Read at each of the ~1,200 initials before a capitalised word of a book (`_find_unindexed`):
# compiled once, not looked up in `re`'s cache at each. The forename before them opens with
# its capital, then `(?<!\w.)`, the `\b` before it (`re` skips to a capital: a pattern opening
# with `\b` is tried at every character of the twenty before the initials).
_WRITTEN_INITIAL = re.compile(r"[A-Z][a-z]?\.")
_FORENAME_BEFORE_INITIALS = re.compile(r"([A-Z](?<!\w.)[a-zà-ÿ]+) $")


def _find_unindexed(people: People, text: str, common: _CommonWords) -> None:
    forenames = {f for f, ps in people.by_forename.items() if any(map(people.indexed, ps)) and not is_demonym(f)}
    indexed_surnames = {k for k, ps in people.by_surname.items() if any(map(people.indexed, ps))}
    unknown: Counter = Counter()
    recipe, signed = recipe_words(text, people.honorifics)
    searched: dict[str, bool] = {}  # `_misprinted`'s searches of the text
    starts = [start for start, _, _, _ in Matcher(dict.fromkeys(forenames)).find(text)]
    for m in filter(None, (_UNKNOWN_BY_FORENAME.match(text, start) for start in starts)):
        if (
            m.group(1) in forenames
            and _soft_signed(m.group(3), text, m.end(), people) not in indexed_surnames
            and not (m.group(3).startswith("E") and "Ye" + m.group(3)[1:] in indexed_surnames)
            and m.group(3) not in _NOT_FORENAMES
            and not people.patronymic.search(m.group(3))
            and not _DERIVED.search(m.group(3))
            and gazetteer.lookup(m.group(3)) is None
        ):
            initials = [m.group(1)] + ([m.group(2).strip().rstrip(".") + "."] if m.group(2) else [])
            unknown[(m.group(3), tuple(initials))] += 1
    for m in places.matches_at_words(_UNKNOWN_BY_INITIALS, text, _INITIAL_WORDS):
        written = _WRITTEN_INITIAL.findall(m.group(1))
        initials = [i for i in written if i not in people.titles]
        if len(initials) < len(written) and written[0] in initials:
            continue  # "J. Mr. Smith": no name's shape
        after = _NEXT_CAPITAL.match(text, m.end(), m.end() + 30)
        if after and after.group(1) in indexed_surnames:
            continue  # "J. Arch Getty", "A. James Gregor": a forename between initials and a surname
        if not initials or (len(initials) == 1 and m.group(2) in common):
            continue  # a title alone ("Mr. John"), or one capital before a common word ("A. Nothing
            # whatever"); two initials make a name's shape whatever follows ("R. J. Service")
        forename = _FORENAME_BEFORE_INITIALS.search(text[max(0, m.start() - 20) : m.start()])
        if (
            forename
            and forename.group(1) not in _NOT_FORENAMES
            and forename.group(1) not in common
            and forename.group(1) not in indexed_surnames  # "R. Medvedev S. Parofenov": a comma missing
            and not people.inflected(forename.group(1), [])  # "I. V. Stalina V. M. Molotovu"
            and not _INITIALS_ONLY_BEFORE.search(text[max(0, m.start() - 32) : m.start() - len(forename.group())])
        ):  # nor "J. Cooper M. Perrie": a surname after its initials
            initials.insert(0, forename.group(1))  # "Carl J. Friedrich"
        surname = _soft_signed(m.group(2), text, m.end(), people)
        if surname in recipe or len(initials) == 1 and in_prescription(text, m.start(), signed):
            continue  # "R. Pulv. opii", "Oij. M. Macera": a prescription's Latin, its misce, no name
        if people.inflected(surname, initials):
            continue  # "V. M. Molotovu": the index's Molotov in a cited title's case
        if surname not in people.by_surname and people.spelt_otherwise(surname, initials):
            continue  # "A. A. Sol'ts": the index's "Solts, A. A.", found by this spelling too
        known = [p for p in people.by_surname.get(surname, []) if people.indexed(p)]
        if known and len(initials) < 2:
            continue  # one initial against a known surname: a variant, not a new person
        if any(fits(initials, p, people) for p in known):
            continue
        same = _misprinted(initials, known, surname, text, people, searched)
        # an entry of an earlier run (or an editor's) for these initials keeps its mentions:
        # taught to the index's person too, they would fit two and be linked to neither
        kept = [p for p in people.by_surname.get(surname, []) if not people.indexed(p) and fits(initials, p, people)]
        if same is not None and not kept:
            people.also_given(same, initials)  # found by them as by the index's
            continue
        unknown[(surname, tuple(initials))] += 1
    added: dict[str, list] = defaultdict(list)
    # the earlier run's findings set aside (`registers.Register.set_aside`), by their name's key
    unseen = {registers.person_key(p): p for p in reversed((people.reg.unseen or {}).values())}
    rejected = {registers.person_key(p) for p in people.rejected}
    for (surname, initials), _ in sorted(unknown.items(), key=lambda kv: (kv[0][0], -len(kv[0][1]), kv[0][1])):
        earlier = [p for p in people.by_surname.get(surname, []) if people.indexed(p)] + added[surname]
        if any(fits(list(initials), p, people) for p in earlier):
            continue  # "R. Terekhov" after "R. V. Terekhov"
        found_key = None  # the heading these name, made once for the entries of the text beside it
        existing = []
        for p in people.by_surname.get(surname, []):
            if not people.indexed(p):
                if found_key is None:
                    found_key = headings.Heading(surname, list(initials)).key
                if registers.person_key(p) == found_key:
                    existing.append(p)
        if not existing and (unseen or rejected):
            if found_key is None:
                found_key = headings.Heading(surname, list(initials)).key
            if found_key in rejected:
                continue  # an editor said this name is no person's
            # an earlier run's finding of this name: taken back, its id kept
            again = unseen.pop(found_key, None)
            existing = [people.reg.bring_back(again)] if again is not None else []
        person = existing[0] if existing else registers.new_person(people.reg, surname, list(initials), UNINDEXED)
        added[surname].append(person)
        people.learn(person)


class _Cues:
    """Which of the rules that refuse a surname for what stands near it may refuse one in a
    text node: each needs words of its own in the node, and a rule whose words a node lacks
    is not asked at the surnames in it. The words are sought once for all the book's text
    nodes, in one scan of their text joined (Aho-Corasick), each place found told to the node
    it opens in.

    A node's cues are a superset of the places the rules refuse: `_institution_before` needs
    an order's, a prize's or "named" (`_INSTITUTION_WORDS`), `textnames.in_firm` an
    ampersand or "And" before "Co", `places.names_unit` a space and a unit's word as the
    pattern `unit` writes it (`places.unit_words`, in small letters or capitals),
    `_ends_head` one of the words that open a place's name ending in a surname (`heads`,
    "Prospekt ", of `places_ending_in_surnames`). Nodes are known by where they start, the
    summed length of those before (as `matching.mark_at` tells `find`). (The bundled book's
    surnames are some 6,850, a dozen refused by these rules: asked at each, they took ~17 ms
    of the marking's 130, the scan takes 6. `textnames.named_after`, a noun in any case
    after the name, is asked at each: a second scan, of the text in small letters, cost
    more than it saved.)"""

    def __init__(
        self, texts: list[str], unit_words: Collection[str], heads: Collection[str], joined: JoinedTexts | None = None
    ):
        kinds: dict[str, list[int]] = defaultdict(list)  # a word -> the rules it is a cue of
        for kind, cue_words in enumerate(
            (
                ("Order", "Prize", "named"),
                ("&", "And"),
                [f" {w}" for word in unit_words for w in (word, word.upper())],
                heads,
            )
        ):
            for word in cue_words:
                if word:
                    kinds[word].append(kind)
        words = list(kinds)
        found: tuple[set[int], ...] = (set(), set(), set(), set())
        # The nodes joined by blank lines (`joined`: the marking's own join of them, made and
        # encoded once for both scans). A place found across two nodes ("" joined them before)
        # is no rule's: each reads its node's text alone.
        if joined is None:
            joined = JoinedTexts(texts)
        # The scan of a `str` is made in its UTF-8, counted back into characters (the text
        # joined is new: its UTF-8 made anew, 1.5 ms of the bundled book's 2.4); of its Latin-1
        # bytes, one for each character (`matching.latin1_bytes`, which keeps them for the
        # marking's scan), where every cue word is a word of Latin-1 (a "?" in the bytes is
        # then no cue's).
        if in_latin_1(tuple(words)):
            automaton = ahocorasick_rs.BytesAhoCorasick([latin1_bytes(word) for word in words])
            places = automaton.find_matches_as_indexes(latin1_bytes(joined.text), overlapping=True)
        else:
            places = ahocorasick_rs.AhoCorasick(words).find_matches_as_indexes(joined.text, overlapping=True)
        starts, offset_of = joined.starts, joined.offset_of
        for index, at, _ in places:
            node = offset_of(bisect_right(starts, at) - 1)
            for kind in kinds[words[index]]:
                found[kind].add(node)
        self.institution, self.firm, self.unit, self.head = found


def _site_keys(keys: Collection[str]) -> frozenset[str]:
    """The keys `places.names_site` may refuse: those a site's head writes ("Hall"), which
    it asks of the text matched (the key) before anything else."""
    return frozenset(k for k in keys if k.lower() in places._SITE_HEADS)


def _feature_keys(keys: Collection[str]) -> frozenset[str]:
    """The keys a mention of which may open a feature's name (`registers.FEATURE_FIRST`: "Hall
    of Columns"), which the marking asks of the text at the mention only after them: where
    the text at a mention opens with a feature's head and a space ("Hall of "), the key
    matched there (the text's `text[start:end]`) and the head are one the other's start."""
    # (Told by a set of every head's beginnings and one `startswith` of them all: a test of
    # each of the eleven heads both ways, for each of the bundled book's ~850 keys, took ~1.6 ms.)
    return frozenset(k for k in keys if k in _FEATURE_HEAD_OPENINGS or k.startswith(_FEATURE_HEADS))


# Every beginning of a feature's head ("H", "Ha", "Hal", "Hall", "Hall "): a key one of them is
# a key a head starts with (`_feature_keys`).
_FEATURE_HEAD_OPENINGS = frozenset(head[:k] for head in _FEATURE_HEADS for k in range(len(head) + 1))


class Resolver:
    """Chooses the person a mention means, from what the text has said so far."""

    def __init__(self, people: People, subject):
        self.people = people
        self.subject = subject
        self.recent: list[tuple[int, object, bool]] = []  # (offset, person, named by surname), latest last
        self.offset = 0
        self.fitting: dict = {}  # (candidates, given) -> those that fit

    def nearest(self, candidates, by_surname: bool = False):
        """The candidate named last within the window, else None; with `by_surname`, only
        one named with their surname: a bare surname after "his brother Papulia" means the
        man the book calls by that surname, not the brother it called by his forename.
        (Asked at most mentions: the walk back stops at the first found.)"""
        for off, person, surnamed in reversed(self.recent):
            if self.offset - off > RECENT_WINDOW:
                break
            if by_surname and not surnamed:
                continue
            if person in candidates:
                return person
        return None

    def kin(self, candidates) -> list:
        """Candidates sharing a surname with a person named nearby (Mikhail beside Lazar)."""
        near_surnames = set()
        for off, person, _ in reversed(self.recent):
            if self.offset - off > RECENT_WINDOW:
                break
            near_surnames.update(self.people.surnames[person])
        return [p for p in candidates if self.people.surnames[p] & near_surnames]

    def by_surname(self, candidates, given):
        key = (id(candidates), tuple(given))
        fitting = self.fitting.get(key)
        if fitting is None:
            fitting = self.fitting[key] = [p for p in candidates if fits(given, p, self.people)]
        if len(fitting) == 1:
            return fitting[0]
        if not given and self.subject in fitting:
            return self.subject
        near = self.nearest(fitting, by_surname=not given)
        if near is not None:
            return near
        return None if given else self.dominant(fitting)

    def dominant(self, candidates):
        """The candidate the index names ten times as often as all the others together
        (Ordzhonikidze, G. K. on 80 pages; his brother Papulia on one)."""
        weights = sorted(((self.people.weight(p), k) for k, p in enumerate(candidates)), reverse=True)
        if len(weights) > 1 and weights[0][0] >= 5 and weights[0][0] >= 10 * sum(w for w, _ in weights[1:]):
            return candidates[weights[0][1]]
        return None

    def by_forename(self, candidates):
        if len(candidates) == 1:
            return candidates[0]
        near = self.nearest(candidates)
        if near is not None:
            return near
        kin = self.kin(candidates)
        if len(kin) == 1:
            return kin[0]
        if self.subject in candidates:
            return self.subject
        return None

    def saw(self, person, at: int, by_surname: bool) -> None:
        self.recent.append((self.offset + at, person, by_surname))


def _subject(people: People, ctx: Context):
    """The person the book is about: the one its title names."""
    book = ctx.need_book()
    title = " ".join(filter(None, [book.title, book.subtitle]))
    for surname, persons in people.by_surname.items():
        if re.search(rf"\b{re.escape(surname)}\b", title):
            fitting = [
                p for p in persons if any(w in title.split() for g in people.given_names(p) for w in g if len(w) > 2)
            ]
            if len(fitting) == 1:
                return fitting[0]
            if len(persons) == 1:
                return persons[0]
    return None


def apply(tei, ctx: Context):
    reg = ctx.registers["person"]
    reg.set_aside()  # an earlier run's findings in the text count only where found again
    people = People(
        reg,
        ctx.profile.patronymics,
        ctx.profile.honorifics,
        ctx.profile.forenames,
        ctx.profile.inflections,
        ctx.profile.spellings,
    )
    discover(people, tei, ctx)
    common = _CommonWords(word_counts(ctx))
    people.common = common
    people.text = unmarked(ctx)
    people.bare_fits = True
    # asked again of the persons the index gives no forename (the others' answers stand)
    people.fitting = {key: fit for key, fit in people.fitting.items() if people.given_names(key[1])}
    people.deities = frozenset(ctx.profile.deities)
    people.common_forenames = frozenset(ctx.profile.common_forenames)
    people.before_nouns = frozenset(
        (*ctx.profile.articles, *ctx.profile.determiners, *ctx.profile.indefinites, *ctx.profile.place_prepositions)
    ) | {p.lower() for p in ctx.profile.particles}
    # A forename alone names the person only when it is no common word of the book ("Mark
    # Rutherford" makes no name of "Mark the difference").
    # Nor does a title the index gives as a forename ("ACKERMANN, MADAME": not the "Madame" of
    # "Madame de Chantal").
    keys = {
        k: kind
        for k, kind in people.keys().items()
        if kind != "forename" or (k not in common and k not in people.title_words)
    }
    # Hyphens split: "the Malenkov-Beria group" names two men (`_hyphen_chain` decides).
    matcher = Matcher(keys, split_hyphens=True)
    subject = _subject(people, ctx)
    resolver = Resolver(people, subject)
    unresolved: Counter = Counter()
    counts: Counter[str] = Counter()
    unit = places.unit_pattern(registers.PLACE_HEADS | ctx.profile.place_heads)
    named_as_towns = ctx.view(places.TOWN_NAMES, lambda tree: places.named_as_towns(unmarked(ctx)))
    towns = places.towns_named_after_persons(unmarked(ctx), set(people.by_surname), named_as_towns)
    imprints = cites_imprints(unmarked(ctx), people.by_surname)
    followers = places.unit_followers(ctx.profile)
    deities = frozenset(ctx.profile.deities)
    whole_places = places_ending_in_surnames(
        [
            *(name for place in ctx.registers["place"].entries.values() for name in registers.place_names(place)),
            *registers.book_indexed_sites(ctx),
        ],
        people.by_surname,
        ctx.profile.streets_first,
    )
    place_heads = {surname: _by_length(heads) for surname, heads in whole_places.items() if heads}
    indefinites = frozenset(w for i in ctx.profile.indefinites for w in (i, i[:1].upper() + i[1:]))
    worshipped = frozenset(w for i in ctx.profile.possessives for w in (i, i[:1].upper() + i[1:]))
    honorifics = frozenset(ctx.profile.honorifics)
    work_of = _work_of_pattern(ctx.profile.title_cues)
    things_named_after = frozenset(ctx.profile.named_after)
    thing_openings = textnames.named_after_pairs(things_named_after)
    works, books = textnames.works_named_as_persons(unmarked(ctx))
    books |= frozenset(ctx.profile.scripture_books)
    # Beside a subject index (no Name Index), the text's own conventions hold, as `textnames`
    # marks the persons the index leaves out: a title written out is the mention's ("Professor
    # Fraser", "General Booth"), as an abbreviated one always is ("Dr. Starbuck"), and a saint's
    # where the index gives none ("Saint John Climachus" of the index's "CLIMACHUS, JOHN").
    name_index, _ = ctx.view(registers.INDEX_DIVS, registers.index_divs)
    titles_before = (
        _titles_before_pattern((*ctx.profile.honorifics, *ctx.profile.office_titles, *_NAME_TITLES, "St."))
        if not name_index
        else None
    )
    # A mention's element, linked or not, is a copy of one made for each person with its @ref
    # (lxml copies the attribute in C): most of the book's mentions are of a few persons, and
    # an attribute set on each copy took as long as making the element.
    linked: dict = {}  # a person -> a persName linking to them, never put in the tree
    joined = JoinedTexts([text for found in marked_text(ctx) for _, _, text in found])  # for both scans
    cues = _Cues(
        joined.texts,
        places.unit_words(registers.PLACE_HEADS | ctx.profile.place_heads) if unit is not None else (),
        {head for heads in whole_places.values() for head in heads},
        joined,
    )
    site_keys = _site_keys(keys)
    feature_keys = _feature_keys(keys)
    saw = resolver.recent.append  # (`Resolver.saw`, at every mention linked: its call written out)

    def find(text: str, offset: int):
        spans: list = []
        resolver.offset = offset
        institutions, firms, units = offset in cues.institution, offset in cues.firm, offset in cues.unit
        heads = offset in cues.head
        found = matcher.find(text)
        starts = None  # where each match starts, its kind: asked after a forename only
        for start, end, key, kind in found:
            if spans and start < spans[-1][1]:
                continue
            if (
                key in deities
                and (before_deity := _word_before(text, start)) in indefinites
                and (
                    before_deity not in worshipped
                    or key in honorifics
                    or textnames.RELATIVE_AFTER_DEITY.match(text, end) is not None
                )
            ):
                # "my God", "your God": the one worshipped (`textnames.deity_as_kind`)
                continue  # "a God", "my Lord": a kind of being, a man's title, not the one named so
            before = text[start - 1 : start]  # (the character before the name, read by several rules)
            if before in _QUOTES_OPENING and _the_word_quoted(text, start, end):
                continue  # "the mere word “God”": the word, not the one it names
            if text.endswith(_WORDS_ENDINGS, 0, start) and _the_words_named(text, start):
                continue  # "the words God, Heaven, Angels": the words
            chain_end = end
            # (A hyphen beside the name is told first: most have none.)
            if (before in _HYPHENS or text[end : end + 1] in _HYPHENS) and _hyphened(text, start, end):
                chain = _hyphen_chain(text, start, end, people) if kind == "surname" else None
                if chain is None:
                    continue  # "anti-Stalin", "Team-Stalin", "Jean-Paul": a hyphened word, no name of its own
                chain_end = chain
            pair = _deity_after(text, end, deities, keys) if key in deities else None
            if pair is not None:
                end, pair_key = pair  # "the Lord God", "Jehovah God": one name, the second's
                named = people.by_surname.get(pair_key) or people.by_forename.get(pair_key)
                person = resolver.by_forename(named or people.by_alias.get(pair_key, []))
            elif kind == "surname":
                if institutions and _institution_before(text, start):
                    continue
                # (`work_of` ends in " of " at the mention: most mentions follow no "of")
                if (
                    work_of is not None
                    and text.endswith(_OF_BEFORE, 0, start)
                    and work_of.search(text, max(0, start - 40), start)
                ):
                    continue  # "Sénancour’s novel of Obermann": the work's title, its author named
                if key in towns and (
                    places.town_at(text, start, end, people.by_surname) or places.TOWN_UNIT_HEAD.match(text, end)
                ):
                    continue  # "in Kuibyshev", "Kuibyshev province" where the book names a city so: for the places pass
                if heads and key in place_heads and _ends_head(text, start, place_heads[key]):
                    continue  # "Prospekt Marx": a street named after him, the places pass's
                if key in feature_keys and registers.FEATURE_FIRST.match(text, start):
                    continue  # "the Hall of Columns": a building's name, for the places pass
                if key in site_keys and places.names_site(text, start, end, people.by_forename):
                    continue  # "the October Hall", "Sverdlov Hall": a building's name, for the places pass
                if units and places.names_unit(text, start, end, unit, followers):
                    continue  # "the Bauman district": a unit named after him, for the places pass
                if before == "(" and _renamed_place(text, start, end):
                    continue  # "Nizhnyi Novgorod (Gorky)": the city's other name, for the places pass
                if imprints and before == "(" and _imprint(text, start, end):
                    continue  # "(Gorky, 1932)": where a cited book was printed
                if firms and textnames.in_firm(text, chain_end):
                    continue  # "London, Hamilton, Adams & Co., 1887": a publisher, no person
                if text[start - 2 : start - 1].isdigit() and textnames.cites_scripture(text, start, end):
                    continue  # "(1 John v. 19)": a book of scripture
                # (two letters after the blank that open no thing's noun: `named_after` finds none;
                # it is asked after a blank and anything else)
                if (
                    things_named_after
                    and text[chain_end : chain_end + 1] in _BLANKS_AFTER
                    and (
                        (first := text[chain_end + 1 : chain_end + 3]) in thing_openings
                        or not first.isalpha()
                        or len(first) < 2
                    )
                    and textnames.named_after(text, chain_end, things_named_after)
                ):
                    continue  # "the Gifford lectures": a thing named after him
                # (`_NEXT_CAPITAL` reads a white space and a capital: most mentions have no capital
                # after the character that follows them, and the pattern is not tried there)
                if (
                    "A" <= text[chain_end + 1 : chain_end + 2] <= "Z"
                    and (nxt := _NEXT_CAPITAL.match(text, chain_end, chain_end + 30))
                    and nxt.group(1) not in keys
                    and start > 0
                    and text[chain_end : chain_end + 1] not in ",;."
                ):
                    continue  # "Stalin Prize", "Kaganovich Metro", "the Stalin-Kaganovich Correspondence"
                # (`_FOLLOWING_NAME` opens with a white space and a capital: most mentions have neither after them)
                if "A" <= text[end + 1 : end + 2] <= "Z" and _surname_follows(text, start, end, people):
                    continue  # "James R. Harris": a forename, the surname that follows decides (not "R. Medvedev S. Parofenov")
                # Most mentions follow nothing `_given_before` reads (`_nothing_before`), and so
                # no capitalised word and white space `_place_named_before` needs: neither is asked.
                if not _nothing_before(text, start):
                    new_start, given = _given_before_something(text, start, people, key)
                    if not given and _place_named_before(text, start, people):
                        continue  # "a prayer-meeting at Hicks Mill": a place's name, its last word a surname
                else:
                    new_start, given = start, []
                if spans and new_start < spans[-1][1]:
                    new_start, given = start, []
                candidates = people.by_surname[key]
                # A bare surname fits each of its persons (`fits`): the only one, else the book's
                # subject among them, is who it names, as `by_surname` answers it first (told
                # here at most mentions, without the call; the others read what came before).
                if given:
                    person = resolver.by_surname(candidates, given)
                elif len(candidates) == 1:
                    person = candidates[0]
                elif subject is not None and subject in candidates:
                    person = subject
                else:
                    person = resolver.by_surname(candidates, given)
                if person is None and given and people.inflections:
                    # "L. M. Kaganovicha" in a cited title, the index's Kaganovicha (his wife)
                    # another: the initials that fit the index's Kaganovich, L. M. decide
                    inflected = people.uninflected(key, given)
                    person = inflected[0] if len(set(map(id, inflected))) == 1 else None
                start = new_start
                if text[end + 1 : end + 2] in _REGNAL_FIRST and (regnal := _regnal_after(text, end)) is not None:
                    end, person = regnal, None  # "Louis XIV.:—": a king, no saint of the same name
                if titles_before is not None and text[start - 1 : start].isspace():
                    title = titles_before.search(text, max(0, start - 40), start)
                    if title is not None and not (spans and title.start() < spans[-1][1]):
                        start = title.start()  # "Professor Fraser": the title inside the mention
                        if (titled := _titled_as(people, key, title.group().split())) is not None:
                            person = titled  # "Mrs. Edwards": the index's "EDWARDS, MRS. J.", not Jonathan
                # (asked only where "of" follows: most mentions have none after them)
                if (
                    text.startswith("of", end + 1)
                    and _SAINTS_TITLE.match(text, start)
                    and (epithet := _SAINTS_EPITHET.match(text, end)) is not None
                ):
                    end = epithet.end()  # "Saint John of the Cross", "St. John of God": the saint told apart
            else:
                patronymic = people.patronymic_after.match(text, end, end + 30)
                stop = patronymic.end() if patronymic else end  # "Vyacheslav Mikhailovich"
                if _NEXT_CAPITAL.match(text, stop, stop + 30):
                    continue  # the surname that follows makes the mention, or names someone else
                if starts is None:
                    starts = {m[0]: m[3] for m in found}
                if starts.get(stop + 1) == "surname" or _INITIALS_AFTER.match(text, stop, stop + 12):
                    continue  # the surname that follows makes the mention, or names someone else
                candidates = people.by_forename.get(key) or people.by_alias.get(key, [])
                person = resolver.by_forename(candidates)
                end = stop
            if textnames.names_work(text, start, end, works, books):
                continue  # "the author of Mark Rutherford", "in Nathan the Wise,": a work's title
            if person is not None:
                model = linked.get(person)
                if model is None:
                    model = linked[person] = make_in(
                        tei, "persName", ref=f"{registers.PERSONS_FILE}#{person.get(XML_ID)}"
                    )
                el = model.__copy__()
                saw((offset + start, person, kind == "surname"))  # `resolver.saw(person, start, ...)`
                counts["linked"] += 1
            else:
                el = make_in(tei, "persName")
                unresolved[text[start:end]] += 1
            spans.append((start, end, el))
        counts["persName"] += len(spans)  # each span a mention
        return spans

    mark_at(ctx, find, resolver.recent.clear, matcher, joined)  # each region read afresh
    ctx.person_words = set(people.by_surname) | set(people.by_forename) | set(people.by_alias)
    reg.restore()
    ctx.report.counts["persons"] = len(reg.entries)
    ctx.report.counts["persName"] = counts["persName"]
    ctx.report.counts["persName_linked"] = counts["linked"]
    registers.report_unresolved(ctx.report, unresolved, "of the register")
    return tei
