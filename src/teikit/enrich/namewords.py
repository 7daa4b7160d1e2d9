"""What a book says about its capitalised words: the evidence names are held to.

Read once over the running text (`matching.unmarked_text`): which words the book also
writes in lower case, how often each capitalised word stands mid-sentence (not after a
full stop, a colon, an opening quotation mark or bracket, nor at the start of a
paragraph), and which stretches are in title case (contents lists, song titles), whose
capitals are no evidence at all. `textnames` and `textplaces` decide on this evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterator
from functools import cached_property
from itertools import accumulate

import regex

from ..context import Context
from . import gazetteer, registers
from .matching import unmarked
from .wordscan import matches_at_words

# Letters of Latin-1 besides ASCII's: "Hébert", "Pétion", "Émile" are names too. After a
# name's capital, the letters of Latin's extended blocks too, and the modifier letters of a
# romanisation (the ʽ of Wade-Giles's "Tsʽao", "Tzǔ"; "Dvořák", "Ṭabarī"): a letter of those
# blocks opens no name (they hold both cases).
UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿĀ-ɏʻ-ʽḀ-ỿ"
# The hyphen, or Unicode's (U+2010), which some transcriptions set throughout: a name joined
# by either is one word ("Crichton‐Browne", "Binet‐Sanglé"), as a word after either is no
# name of its own ("Inter-Ally", "Mind‐cure").
HYPHENS = "-‐"  # set first in a class of characters: "-" after another is a range
WORD = rf"(?:[A-Z]['’]|Ma?c)?[{UPPER}][{LOWER}]+(?:[{HYPHENS}][{UPPER}][{LOWER}]+)?"
# A capitalised word, or a syllable and one in lower case after a hyphen, as romanisations
# join a name's syllables (two to five letters, then one to six): one word ("Mei Yao-chʽên",
# "Tu Chung-wei", "Chieh-li"; not "Eighty-eight", "Anicetus-you")
SYLLABLES = rf"(?:{WORD}|[{UPPER}][{LOWER}]{{1,4}}[{HYPHENS}][{LOWER}]{{1,6}}(?![{LOWER}]))"
# A capitalised word, as a pattern that opens with its capital: `re` skips to where one can
# begin (WORD's optional "O'"/"Mc" makes it try every position: ten times slower over a book).
LISTED_WORD = rf"[{UPPER}][{LOWER}]+(?:[{HYPHENS}][{UPPER}][{LOWER}]+)?"
VOWEL = re.compile(r"[aeiouyAEIOUY]")


def words_at_start(words, before: str = r"\w", not_after: tuple[str, ...] = ()) -> str:
    r"""`\b(?:w1|w2|…)`, as a pattern that opens with the words' first letters: each word's
    first letter, then `(?<!\w.)` (the character before it is no word character: the `\b`),
    then the rest. A pattern that opens with letters is sought by `re`'s fast scan for them;
    one that opens with `\b` is tried at every position. (A word that begins with no word
    character keeps its `\b`.) The words that share a first letter share it and its
    look-behind ("a(?<!\w.)(?:cross|t|nd)"), the rest in their order: at each position of
    that letter the look-behind is tested once, not once for each word (the same matches, as
    the words of other first letters cannot match there).

    `before`: the characters that may not stand before a word, for `\w`; `not_after`: more
    that may not (fixed-width patterns: "[Tt]he " for `(?<![Tt]he )` before the word)."""
    behind = "".join(f"(?<!{b}.)" for b in (before, *not_after))
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[:1], []).append(w)
    parts = []
    for first, group in by_first.items():
        if not re.match(r"\w", first):
            opening = r"\b" if before == r"\w" else f"(?<!{before})"
            opening += "".join(f"(?<!{b})" for b in not_after)
            parts += [opening + re.escape(w) for w in group]
        elif len(group) == 1:
            parts.append(re.escape(first) + behind + re.escape(group[0][1:]))
        else:
            parts.append(re.escape(first) + behind + "(?:" + "|".join(re.escape(w[1:]) for w in group) + ")")
    return "|".join(parts) or "(?!)"


INITIAL = re.compile(r"[A-Z]\.")
# The letter first, its look-behind after it (the character before the letter is no
# letter, apostrophe or hyphen): a pattern that opens with a letter is sought by `re`'s fast
# scan, one that opens with a look-behind is tried at every position.
_LOWER = re.compile(r"[a-z](?<![\w'’-].)[a-z]*(?![\w-])")
_OPENERS = '"“‘([{'
_ENDERS = ".!?:"
# What may stand right before the space before a word that `initial` finds opening something
_BEFORE_INITIAL = frozenset(_ENDERS + _OPENERS + " \t\n'’")
# A piece that ends inside a sentence: on a word or a comma or a semicolon, a verse's line
# whose sentence the next line goes on with (see `Words`). The pattern says it; `_runs_on`
# tells it (a search for a pattern anchored at the end tries every position of the line).
_RUNS_ON = re.compile(r"[\w,;]\s*$")


def _runs_on(piece: str) -> bool:
    """`_RUNS_ON.search(piece) is not None`, read from the piece's last character but
    spaces: `str.rstrip` strips what `\\s` matches, and `\\w` is `isalnum` or "_"."""
    rest = piece.rstrip()
    return rest != "" and (rest[-1] in ",;_" or rest[-1].isalnum())


# A word written after "the" this often, and in a third of its capitalised uses, names a thing
# (`Words.thing`): ten, so that a person's name the book writes after "the" now and then
# ("the great Pitt") is still one.
THING_AFTER_THE = 10


class Words:
    """What the whole book says about each capitalised word."""

    def __init__(
        self,
        text: str,
        profile,
        pieces: list[str] | None = None,
        lower: Counter | None = None,
        lines: Collection[str] = (),
        headings: Collection[str] = (),
    ):
        # `lower`: the lower-case words of `text`, when counted already (`matching.WordCounts`);
        # `lines`, `headings`: its pieces that are verse lines, and headings (`matching.pieces_in`)
        self.lines = lines
        self.headings = headings
        self.lower = Counter(_LOWER.findall(text)) if lower is None else lower
        self.mid: Counter = Counter()
        self.caps: Counter = Counter()  # every capitalised use
        self.after_the: Counter = Counter()  # uses right after "the": "the Senate"
        self._members: dict[str, bool] = {}  # `member`'s answers, each word searched once
        self.particles = set(profile.particles)
        self.honorifics = set(profile.honorifics)
        self.sovereign_titles = frozenset(profile.sovereign_titles)  # "Pope": before a name found
        self.rulers = frozenset(profile.rulers)  # "Emperor", "King": a ruler's title ("the King of France")
        self.forenames = profile.forenames
        self.common_forenames = profile.common_forenames  # "Will", "Rob": a name only before a surname
        self.forename_abbreviations = profile.forename_abbreviations  # "Wm.": a forename inside a name
        self.function_words = profile.english_words
        self.speech_verbs = profile.speech_verbs
        self.person_cues = profile.person_cues
        self.person_nouns = profile.person_nouns
        self.address_words = profile.address_words
        self.epithets = profile.epithets
        self.citations = profile.citations
        self.determiners = profile.determiners
        self.roles = profile.roles
        self.not_names = profile.not_names
        self.peoples = profile.org_peoples  # [orgs] peoples: "Greek", "Florentine": a people's word, no name
        self.name_joins = profile.name_joins
        self.regions = profile.regions
        self.known_places = profile.known_places  # [places] known: a place wherever written
        self.deities = profile.deities
        self.invocations = profile.invocations
        self.known_persons = profile.known_persons
        self.known_titled = frozenset(profile.known_titled)  # "the Buddha": no thing named after him
        self.planets = frozenset(profile.planets)  # "the planet Mars": no god
        self.planet_nouns = profile.planet_nouns
        self.saints = profile.saints  # "St. Gregory differed": a saint, found by his title
        self.naming = profile.naming  # "another man named Biondello": a person so named
        self.address_pronouns = profile.address_pronouns
        self.second_person = profile.second_person
        self.addressed = profile.addressed
        self.relatives = profile.relatives
        self.name_links = profile.name_links
        self.peerages = profile.peerages
        # titles of rank or office written out, "of" a land or see after them in apposition
        # ("Anthimus, Bishop of Trebizond"): the peers', rulers', offices' and honorifics' words
        self.apposed_titles = sorted(
            {
                t
                for t in (*profile.peerages, *profile.rulers, *profile.office_titles, *profile.honorifics)
                if t[:1].isupper() and t.replace(" ", "").replace("-", "").isalpha()
            }
        )
        self.articles = profile.articles
        self.indefinites = set(_either_case(profile.indefinites))
        self.possessives = frozenset(profile.possessives)  # lower case: "Esarhaddon, his son"
        # "my God", "your God": the one worshipped, where the possessive is an indefinite too
        self.worshipped = frozenset(_either_case(profile.possessives))
        self.place_prepositions = profile.place_prepositions
        self.locatives = profile.place_locatives  # "at St. Denis": where one is
        self._place_first_words = registers.first_words(profile)  # "Monte": no given name before "di"
        self.place_first_words = frozenset(self._place_first_words)  # "Campo Maldoli": a place's first word
        # A token: an honorific with its full stop, an initial, a capitalised word; a run:
        # tokens one space apart (or none after a full stop: "J.M. Keynes").
        # (and a shortened forename, "Wm.", its full stop with it: a name runs on through it)
        dotted = sorted(
            {h for h in self.honorifics if h.endswith(".")}
            | {f for f in self.forename_abbreviations if f.endswith(".")},
            key=len,
            reverse=True,
        )
        hons = "|".join(map(re.escape, dotted)) or "(?!)"
        # A surname that opens with a particle in lower case is one token with it ("Marquis de
        # Launay", "Madame d'Eon", "Madame de la Mothe"); it never opens a run (`runs` begin at
        # a capital).
        small = {p.lower() for p in profile.particles}
        small |= {"de la"} if {"de", "la"} <= small else set()
        particle = "|".join([*(re.escape(p) + " " for p in sorted(small, key=len, reverse=True)), "d['’]"])
        # (not a word elided before its apostrophe: "da Sant’ Andrea" is no surname "da Sant")
        named = rf"(?:{particle})[{UPPER}][{LOWER}]+(?![\w]|-\w|['’](?![st]\b))" if small else "(?!)"
        # A saint's name, its "St." with it ("St. Croix", "de St. Croix"), is one token: a name
        # runs on through it. A word elided before an apostrophe ("Admir'd", "Wand'ring") is
        # a verse's verb, no name: only "'s" (a possessive) may follow a token's word.
        saint = rf"(?:(?:{particle})?St\. [{UPPER}][{LOWER}]+(?![\w]|-\w))" if small else rf"St\. [{UPPER}][{LOWER}]+"
        # A forename of the profile written with an elision ("Gaw'n", Scots for Gavin) is one
        # token, the apostrophe inside it: a verb elided so ("Admir'd") is no forename.
        elided = [f for f in sorted(profile.forenames, key=lambda f: (-len(f), f)) if "'" in f or "’" in f]
        elided_forename = "|".join(re.escape(f) + r"(?![\w-]|['’][a-rt-z])" for f in elided) or "(?!)"
        tok = (
            rf"(?:{hons}|{saint}|[A-Z]\.|{elided_forename}"
            rf"|{SYLLABLES}(?![\w]|[{HYPHENS}]\w|['’][a-rt-z])|{named})"
        )
        self.token = re.compile(tok)
        # Not inside a word nor after a hyphen ("Inter-Ally"); after a dash written as two
        # hyphens, yes ("what names they have--Markby").
        self.run = re.compile(rf"(?:(?<![{HYPHENS}\w'’.])|(?<=--)){tok}(?:[ \t]?(?<=[. \t]){tok})*")
        # Where a run may begin: a capital, or the first letter of an honorific (`runs`).
        self._run_start = re.compile(f"[{UPPER}" + "".join(re.escape(h[0]) for h in dotted) + "]")
        written_articles = [w for a in profile.articles for w in (a, a[:1].upper() + a[1:])]
        after_the = re.compile(rf"(?:{words_at_start(written_articles)}) ({WORD})(?![\w-])")
        # the pieces of `text` not in title case (`pieces`, when told apart already), which
        # `textnames` reads again: the same text, told apart and cut into tokens once
        self.prose = prose(text, self.function_words) if pieces is None else pieces
        self._tokens: dict[str, list[list[tuple[int, int, str]]]] = {}
        # The prose joined (`join_pieces`), for the searches of every piece: one search of
        # the whole, not one begun for each of a book of verse's thousands of lines.
        self.prose_joined, self.prose_starts = join_pieces(self.prose, PIECE_BREAK)
        self.after_the.update(_words_after_articles(after_the, written_articles, self.prose_joined))
        self._read_tokens()
        caps: list[str] = []  # counted at the end, in one pass (a Counter's update per word cost more)
        # the runs whose second token opens with a particle that follows only a given name
        before_forename = tuple(f"{p} " for p in profile.forename_particles) or ("\0",)
        given_before: list[tuple[str, int, str, str]] = []
        mid: list[str] = []
        runs_on = False  # the piece before ends inside a sentence: a verse line the next goes on
        kept = self._tokens  # the tokens of every piece, read already (`_read_tokens`)
        for piece in self.prose:
            # A verse's line is a piece of its own, capitalised: its first word opens a
            # sentence only where the line before ended one ("Glenriddel, skill'd in old coins;
            # / Craigdarroch, thou'lt soar": the name inside a sentence, as in prose). Only a
            # line after a line: a heading or a paragraph that ends without a stop ("Miriam
            # Revisited") goes on with nothing.
            verse = piece in lines
            first = len(piece) - len(piece.lstrip()) if runs_on and verse else -1
            runs_on = verse and _runs_on(piece)
            for run in kept[piece]:
                if len(run) == 1:  # most runs: one word, and no word after it to be a place's
                    start, _, tok = run[0]
                    word = tok.rstrip(".")
                    caps.append(word)
                    if len(word) > 1 and (start == first or not initial(piece, start)):
                        mid.append(word)
                    continue
                last = len(run) - 1
                if run[1][2].startswith(before_forename):  # "Oliverotto da Fermo": `_forenames_by_particle`
                    given_before.append((piece, run[0][0], run[0][2], run[1][2]))
                for k, (start, _, tok) in enumerate(run):
                    if k < last and place_word(run[k + 1][2]):
                        continue  # "Edward Street" is no use of Edward
                    word = tok.rstrip(".")
                    caps.append(word)
                    if len(word) > 1 and (k or start == first or not initial(piece, start)):
                        mid.append(word)
        self.caps.update(caps)
        self.mid.update(mid)
        if given_before:
            self.forenames = self.forenames | self._forenames_by_particle(given_before)

    def _forenames_by_particle(self, runs: list[tuple[str, int, str, str]]) -> frozenset[str]:
        """The given names the book writes before a particle of `[names]
        forename_particles` and a capitalised word ("Oliverotto da Fermo", "Alberico da
        Barbiano"): the word before the particle, where it is no word the book writes in
        lower case, title, particle, place's word or place the gazetteer knows, the pair no
        place either ("Città di Castello"), no saint's name with its "St." (a church named for
        the saint: "St. Maria del Fiore"), and no article stands before it ("the Borgo di
        Sopra")."""
        articles = {w.lower() for w in self.articles}
        opens_place = set(self._place_first_words)
        found = set()
        for piece, start, word, particled in runs:
            before = piece[max(0, start - 12) : start].split()
            if (
                word in found
                or word in opens_place
                or word.endswith(".")
                or word.startswith("St. ")  # a saint's token: "St. Maria del Fiore", a church
                or before
                and before[-1].lower() in articles
                or self.common(word)
                or word in self.honorifics
                or word in self.sovereign_titles
                or word in self.particles
                or word in self.known_places
                or place_word(word)
                or place_name(word)
                or place_name(f"{word} {particled}")
            ):
                continue
            found.add(word)
        if not found:
            return frozenset()
        # A word written before another capitalised word more often than before a particle
        # opens places' names ("San Zeno", "Monte Cassino" beside "Monte di Croce"), or is
        # the first of a given name and surname written so ("Taddeo Alderotti" once beside
        # "Taddeo di Sessa" once is one of each: kept).
        before_particle = Counter(word for _, _, word, _ in runs)
        alternatives = "|".join(map(re.escape, sorted(found, key=lambda w: (-len(w), w))))
        before_capital = Counter(re.findall(rf"(?<![\w'’-])({alternatives}) (?=[{UPPER}])", self.prose_joined))
        return frozenset(w for w in found if before_capital[w] <= before_particle[w])

    def runs(self, text: str) -> Iterator[re.Match[str]]:
        """The runs of `text`, as `self.run.finditer` finds them. The pattern opens with a
        look-behind, which keeps `re` from skipping to the characters a run can begin
        with: it is tried only there, and finds the same matches at half the cost."""
        end = 0
        for first in self._run_start.finditer(text):
            pos = first.start()
            if pos < end:  # inside the previous run: runs do not overlap
                continue
            m = self.run.match(text, pos)
            if m is not None:
                end = m.end()  # never empty: a run holds a token
                yield m

    def tokens(self, text: str) -> list[list[tuple[int, int, str]]]:
        """The runs of `text`, each as its tokens: (start, end, token) in `text`. Kept by
        text: the names passes read the same pieces again (the prose, and the text nodes
        of the tree, mostly those very pieces)."""
        found = self._tokens.get(text)
        if found is None:
            found = self._tokens[text] = self._cut_into_tokens(text)
        return found

    @cached_property
    def prose_recipe_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """`recipe_words` of the prose joined (`prose_joined`): made once for the book, for
        each finder of `textnames` that asks it (three, where it was made for each)."""
        return recipe_words(self.prose_joined, self.honorifics)

    def piece_at(self, at: int) -> int:
        """The index in `prose` of the piece holding the place `at` of `prose_joined`."""
        return bisect_right(self.prose_starts, at) - 1

    def _read_tokens(self) -> None:
        """Keep the `tokens` of each piece of the prose, as `_cut_into_tokens` cuts each,
        found in one scan of the prose joined: no run spans a `PIECE_BREAK` (its tokens
        stand a space, a tab or a full stop apart), whose ends are no word character, as a
        piece's ends are none. Each run's places are then taken from its piece's start."""
        pieces, joined = self.prose, self.prose_joined
        runs_of: list[list[list[tuple[int, int, str]]]] = [[] for _ in pieces]
        starts = [*self.prose_starts, len(joined) + len(PIECE_BREAK)]  # and past the last piece
        token, match = self.token, self.run.match
        k, base, following, into = -1, 0, 0, runs_of[0] if pieces else []
        end = 0
        for first in self._run_start.finditer(joined):
            pos = first.start()
            if pos < end:
                continue
            run = match(joined, pos)
            if run is None:
                continue
            end = run.end()
            while pos >= following:  # the run's piece: the next one holding a run
                k += 1
                base, following, into = starts[k], starts[k + 1], runs_of[k]
            written = run.group()
            if " " in written or "\t" in written or "." in written:
                into.append([(t.start() - base, t.end() - base, t.group()) for t in token.finditer(joined, pos, end)])
            else:
                into.append([(pos - base, end - base, written)])
        kept = self._tokens
        for piece, runs in zip(pieces, runs_of):
            kept.setdefault(piece, runs)

    def _cut_into_tokens(self, text: str) -> list[list[tuple[int, int, str]]]:
        """`tokens` of `text`, cut anew."""
        found: list[list[tuple[int, int, str]]] = []
        token, match = self.token, self.run.match
        end = 0
        # the runs, as `runs` finds them (its loop, written out: no generator to resume
        # at each of the book's runs)
        for first in self._run_start.finditer(text):
            pos = first.start()
            if pos < end:
                continue
            run = match(text, pos)
            if run is None:
                continue
            end = run.end()
            # its tokens, sought in `text` between the run's ends
            written = run.group()
            if " " in written or "\t" in written or "." in written:
                found.append([(*t.span(), t.group()) for t in token.finditer(text, pos, end)])
            else:
                # A token after the first stands after a space, a tab or a full stop (`run`):
                # without any, the run is one token, the whole of it (most runs: "The", "Moscow")
                found.append([(pos, end, written)])
        return found

    def body(self, word: str) -> bool:
        """Whether the book mostly writes a word after "the" (the Senate, the Court): the name
        of a body or a thing, not of a person."""
        return self.after_the[word] > 0 and self.after_the[word] * 2 >= self.caps[word]

    def thing(self, word: str) -> bool:
        """Whether the book writes a word after "the" often, `THING_AFTER_THE` times or more
        and in a third of its capitalised uses or more ("the Internet" 176 times of 421, the
        others "Internet governance", "Internet related"): a thing's name, as a person's is
        seldom written so, though its other uses are more than its uses after "the"."""
        after = self.after_the[word]
        return after >= THING_AFTER_THE and after * 3 >= self.caps[word]

    def member(self, word: str) -> bool:
        """Whether the book writes a word's plural after "the" ("the Ghibellines", "the
        Guelfs") and the word itself after "a" or "an" ("a Ghibelline"): one of a party, a
        people or an order, as no person is written so ("the Vernons" of a family, yes; "a
        Vernon", no). Asked of a word only once its plural is seen after "the"."""
        if not self.after_the[word + "s"]:
            return False
        known = self._members.get(word)
        if known is None:
            known = self._members[word] = _written_after_a(word, self.prose_joined)
        return known

    def common(self, word: str) -> bool:
        """Whether the book uses a word in lower case: then it is no name by itself (a
        hyphenated word: its first syllable too, unless of one letter)."""
        low = self.lower.get(word.lower(), 0)
        if "-" in word or "‐" in word:
            first = re.split(f"[{HYPHENS}]", word, maxsplit=1)[0].lower()
            # (not a syllable of one letter, which the book writes alone as a letter: "O-yü"
            # beside "fol. 3 vo" read as "v o")
            low += self.lower.get(first, 0) if len(first) > 1 else 0
        return low > 0 and not (self.mid[word] >= 3 and self.mid[word] >= 3 * low)


def _after_a_pattern(word: str) -> re.Pattern[str]:
    """The plain form `_written_after_a` stands for: "a" or "an" (either capitalised), a
    space and `word`, no word, apostrophe or hyphen before it, no word or hyphen after it."""
    return re.compile(rf"(?<![\w'’-])(?:[Aa]n?) {re.escape(word)}(?![\w-])")


def _written_after_a(word: str, text: str) -> bool:
    """Whether `_after_a_pattern(word)` finds `word` in `text`. `re` would try the pattern's
    lookbehind at every place of the book (some 25 ms a word in a book of 1 MB); `regex`
    finds where "a word" or "an word" stands in a twentieth of that, and the characters
    beside each place are tested here with `re`'s own word characters (`str.isalnum()` or
    "_"), which `regex`'s differ from (it counts combining marks and joiners in). Each place
    is tried, the next search starting one character after it (a match cannot start at two
    lengths at once: after "a" comes "n" or the space)."""
    places = regex.compile(rf"[Aa]n? {regex.escape(word)}")
    end_of_text = len(text)
    at = 0
    while (found := places.search(text, at)) is not None:
        start, end = found.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < end_of_text else ""
        if not (before and (before.isalnum() or before in "_'’-")) and not (
            after and (after.isalnum() or after in "_-")
        ):
            return True
        at = start + 1
    return False


def _either_case(words) -> list[str]:
    """Each word as written and capitalised (it may open a sentence)."""
    return [w for a in words for w in (a, a[:1].upper() + a[1:])]


def capitalised_function_words(function_words) -> re.Pattern[str]:
    """The capitalised words (a capital A to Z after no letter, apostrophe or hyphen, then
    a to z to the word's end) whose lower case is one of `function_words` ("The", "Of"), as
    one pattern: `titlecase` looks for these only, and `re` skips to their first
    letters, where reading every capitalised word of a stanza and lowering it cost the most
    of telling title case apart. (A function word of other characters than a to z, or of
    one letter, is never the lower case of such a word: it is left out.)"""
    by_first: dict[str, list[str]] = {}
    for w in sorted(w for w in function_words if _TWO_LETTERS_OR_MORE.fullmatch(w)):
        by_first.setdefault(w[0], []).append(w[1:])
    # each word's letter first, then the look-behind (`re` skips to the letters); the rest
    # followed by what ends its word, so that "They" is not read as "The"
    alternatives = [f"{first.upper()}(?<![\\w'’-].)(?:{'|'.join(rests)})" for first, rests in by_first.items()]
    return re.compile(f"(?:{'|'.join(alternatives) or '(?!)'})(?![\\w'’-])")


_TWO_LETTERS_OR_MORE = re.compile(r"[a-z][a-z]+")


def titlecase(piece: str, function_words, capitalised: re.Pattern[str] | None = None) -> bool:
    """Whether a stretch is written in title case ("Song--The Lass Of Cessnock Banks"):
    two function words of the profile capitalised mid-sentence, after a word (not after a
    comma or a semicolon: a stanza set as one paragraph opens each line with a capital,
    "the dewy fields were green, On every blade the pearls hang; The zephyr"). Its capitals
    are no evidence of names. Not a stretch that writes more than `_LOWER_IN_TITLE` words of
    content in lower case: a title capitalises its every word of content ("The Lass Of
    Cessnock Banks"), a stanza printed as one paragraph, each line opening with a capital
    ("duty To warn you how that Master Tootie, … be Not fitted"), does not. `capitalised`:
    `capitalised_function_words(function_words)`, when made already."""
    if capitalised is None:
        capitalised = capitalised_function_words(function_words)
    seen = 0
    for m in capitalised.finditer(piece):
        if not initial(piece, m.start()) and not _after_stop(piece, m.start()):
            seen += 1
            if seen == 2:
                break
    else:
        return False
    lower = 0
    for m in _LOWER.finditer(piece):
        if m.group() not in function_words:
            lower += 1
            if lower > _LOWER_IN_TITLE:
                return False
    return True


_LOWER_IN_TITLE = 3  # "Song--Handsome Nell, a tune of the old style": a title's few words in lower case


def _after_stop(text: str, at: int) -> bool:
    """Whether a comma or a semicolon stands before the word at `at` (spaces between)."""
    k = at - 1
    while k >= 0 and text[k] in " \t\n":
        k -= 1
    return k >= 0 and text[k] in ",;"


def prose(text: str, function_words) -> list[str]:
    """The pieces of the running text (blank lines apart) that are not in title case."""
    capitalised = capitalised_function_words(function_words)
    return [piece for piece in text.split("\n\n") if not titlecase(piece, function_words, capitalised)]


# `prose` of the unmarked text, as a view of the tree: kept with the unmarked text by the
# passes that only add marks (`Pass.keeps_views`), so persons and places tell it apart once.
UNMARKED_PROSE = "unmarked-prose"


def unmarked_prose(ctx: Context) -> list[str]:
    """The prose of the book's unmarked text (`matching.unmarked_text`)."""
    text = unmarked(ctx)
    return ctx.view(UNMARKED_PROSE, lambda tree: prose(text, ctx.profile.english_words))


def initial(text: str, at: int) -> bool:
    """Whether a word at `at` begins a sentence, a paragraph, a quotation or a bracket."""
    if at > 1 and text[at - 1] == " " and text[at - 2] not in _BEFORE_INITIAL:
        return False  # one space after a word or a comma: most words, asked by every pass
    k = at - 1
    while k >= 0 and text[k] in " \t\n":
        k -= 1
    if k < 0 or text[k] in _ENDERS or text[k] in _OPENERS or text[k] == "\n":
        return True
    return text[k] in "'’" and (k == 0 or text[k - 1] in " \t\n")


# What `Words.prose_joined` joins the pieces with: a line holding a NUL, which no pattern of
# names matches a character of. A pattern that reads past a piece's end finds there what
# it finds at the end ("\n" after a word, as nothing, is no word character), and none runs
# on through it: "\n\n--" after a list of names would end it where the piece does not.
PIECE_BREAK = "\n\0\n"


def join_pieces(pieces: list[str], between: str) -> tuple[str, list[int]]:
    """The pieces joined by `between`, and where each begins in the whole: a pattern is
    searched once over them all (a search begun for each piece of a book of verse costs
    more than the search), each match taken back to its piece by its start
    (`bisect.bisect_right(starts, m.start()) - 1`). `between` must be what no match
    spans or reads past a piece's end into: what a piece's end is to the pattern."""
    steps = accumulate((len(piece) + len(between) for piece in pieces), initial=0)
    return between.join(pieces), list(steps)[: len(pieces)]


def times(n: int) -> str:
    """How often, in words: "once", "twice", "3 times" (for the evidence notes)."""
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def passage(piece: str, start: int, end: int, reach: int = 40) -> str:
    """The words around `piece[start:end]`, quoted: where the evidence for a name was seen,
    for the editor who judges it. `start` and `end` may reach past the piece (a caller's
    "20 characters before the name"): the piece's ends bound them, as a negative index
    would quote its other end."""
    start, end = max(0, start), min(len(piece), end)
    before = piece[max(0, start - reach) : start]
    after = piece[end : end + reach]
    if start > reach and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if end + reach < len(piece) and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    return "“" + " ".join((before + piece[start:end] + after).split()) + "”"


def place_name(word: str) -> bool:
    """Whether the gazetteer knows a word as the name of a place (not only as another
    name of one: "Hart" is no name of Hyattsville)."""
    geo = gazetteer.lookup(word)
    return geo is not None and gazetteer.fold(geo.name) == gazetteer.fold(word)


_LARGE_CITY = 1_000_000  # a city that large is meant by its name even as a subject ("Moscow said")


def speaking_place(word: str) -> bool:
    """Whether a word that says or writes ("Sandy said") names a place that speaks as a
    government does ("France declared", "Washington replied"): a country, continent or
    state, or a city of a million people. A smaller town's name that says is a person's."""
    geo = gazetteer.lookup_named(word)
    return geo is not None and (geo.type != "city" or geo.population >= _LARGE_CITY)


# A city so large that a book naming it after a preposition of place in one use of five
# means the city, though its name is a forename too ("to Florence", "from Nancy").
GREAT_CITY = 100_000


def great_city(word: str) -> bool:
    """Whether a word is the very name of a city of `GREAT_CITY` people or more in the
    gazetteer ("Florence", "Nancy", "Adelaide"; not "Lawrence", a town of 90,000)."""
    geo = gazetteer.lookup_named(word)
    return geo is not None and geo.type == "city" and geo.population >= GREAT_CITY


# Nouns of a town or a state that "of" and its name follow ("the city of Florence", "the
# republic of Venice"): the name is the place's there, whatever else it names.
TOWN_NOUNS = ("city", "town", "village", "state", "republic", "kingdom", "duchy", "principality")


def _words_after_articles(after: re.Pattern, articles: list[str], text: str) -> list[str]:
    """`after.findall(text)`, `after` a pattern of `articles` (`words_at_start`), a space and a
    capitalised word (`WORD`, its group). Where every article is one letter and the same
    rest ("the", "The": "he"), which cannot overlap itself, the pattern is tried only at that
    letter before each place the rest, a space and a capital are written, each after the end
    of the match before, as `findall` goes on: the rest, a literal, is sought by `re`'s fast
    scan, where the pattern's alternation of first letters is tried at every "t" of the book
    (James's book: ~12 ms, ~2.5 so). Other articles: `findall` itself."""
    rests = {article[1:] for article in articles}
    if len(rests) != 1:
        return after.findall(text)
    (rest,) = rests
    if not rest or any(rest[:k] == rest[-k:] for k in range(1, len(rest))):
        return after.findall(text)
    firsts = {article[:1] for article in articles}
    found, at, match = [], 0, after.match
    for place in re.finditer(rf"{re.escape(rest)}(?= [{UPPER}])", text):
        start = place.start() - 1
        if start >= at and text[start] in firsts and (m := match(text, start)) is not None:
            found.append(m.group(1))
            at = m.end()
    return found


def times_after_town_noun(text: str, word: str) -> int:
    """How often `text` writes `word` after a noun of a town or a state and "of" (`TOWN_NOUNS`:
    "the city of Florence", "the state of Florence"): the matches of
    `re.findall(rf"\\b(?:{'|'.join(TOWN_NOUNS)}) of {re.escape(word)}\\b", text)`. A word of
    letters is sought as " of " and the word (`re` skips to where that is written), the noun
    told before each use, a word's start before the noun (a pattern opening on the nouns' alternation is
    tried at each character of the book: ~28 ms of James's, ~3 ms so); another word by that
    pattern itself."""
    if not word.isalpha():
        return len(re.findall(rf"\b(?:{'|'.join(TOWN_NOUNS)}) of {re.escape(word)}\b", text))
    count = 0
    for m in re.finditer(rf" of {word}\b", text):
        at = m.start()
        # (a word of letters holds no " of ": its uses never overlap, nor a noun one of them)
        for noun in TOWN_NOUNS:
            opens = at - len(noun)
            if opens >= 0 and text.startswith(noun, opens) and not (opens and _WORD_CHARACTER.match(text, opens - 1)):
                count += 1
                break
    return count


_WORD_CHARACTER = re.compile(r"\w")  # the character before a noun that `\b` refuses


def place_word(surname: str) -> bool:
    """A name ending in a word for a street or a place ("Edward Street") names no person."""
    last = surname.split()[-1] if surname else ""
    return last.lower() in registers.PLACE_HEADS or last in registers.PLACE_WORDS


# A capitalised word, its full stop, then a word in lower case: "Pulv. cubebae", "Ext. opii".
# A sentence that ends on a name opens the next with a capital; a word so written is cut short.
_DOTTED_BEFORE_LOWER = re.compile(rf"[{UPPER}](?<![\w'’.-].)[{LOWER}]+(?=\.[ \t]*\n?[ \t]*[{LOWER}])")
# The full stop itself, read first (rarer than capitals), the word before it told after.
_STOP_BEFORE_LOWER = re.compile(rf"\.(?=[ \t]*\n?[ \t]*[{LOWER}])")
_CAPITALISED_AT_END = re.compile(rf"[{UPPER}](?<![\w'’.-].)[{LOWER}]+$")


def _cut_short_before_lower(text: str) -> set[str]:
    """`set(_DOTTED_BEFORE_LOWER.findall(text))`, read from each full stop before a word in
    lower case back to the capitalised word it ends, if any."""
    out = set()
    for stop in _STOP_BEFORE_LOWER.finditer(text):
        end = stop.start()
        if end and text[end - 1].islower():
            m = _CAPITALISED_AT_END.search(text, max(0, end - 40), end)
            if m is not None:
                out.add(m.group())
    return out


# What may stand before a one-letter "initial" on its line for it to open the line: a numeral
# or a stray letter of a note's call ("2 R. Hydrargyri").
_OPENING_LINE = re.compile(r"[ \t]*(?:[0-9a-z*†‡§]{1,2}[ \t]+)?")
_NOT_BEFORE_WORD = r"[\w'’.-]"
_SIGN_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z])\.[ \t]*$")  # "R. " before a word
# The same capital and full stop anywhere, and the word after it: what stands before it tells
# a sign ("M. ft. gargarisma. R. Tinctura") from an initial ("Mr. R. Carmichael", "Sir C. M. Clarke").
_INITIAL_AND_WORD = re.compile(rf"([A-Z])(?<![\w'’.-].)\.[ \t]*([{UPPER}][{LOWER}]+)(?![\w'’-])")
_NAME_BEFORE = re.compile(rf"(?:^[A-Z]\.|[{UPPER}][{LOWER}]*)$")  # an initial, a word capitalised and no stop
MIN_SIGNED_ABBREVIATIONS = 3  # words cut short an initial heads at a line's opening: a sign, no initial


def recipe_words(text: str, honorifics: Collection[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Capitalised words of `text` that no surname is, written as a prescription writes its
    Latin, whatever the book's language, and those of them that stand after a sign (the
    second set, a subset: what tells a prescription's line, `in_prescription`):

    - an abbreviation: a word the book writes with a full stop after it wherever it writes
      it, once at least before a word in lower case ("Pulv. cubebae", "Ext. opii", "Hyd.
      chlorid."); a surname that ends a sentence is followed by a capital;
    - a word after a sign that looks like an initial: a capital and its full stop opening
      lines before three abbreviations or more ("R. Pulv.", "R. Ext.", "R. Bals.": the
      Recipe of a prescription, no forename), and before the words of its other lines too
      ("R. Hydrargyri", "R. Aquae"). An honorific of the profile ("M.") is no such sign.

    Asked by the passes that take an initial and a capitalised word for a name (`persons`
    beside an index, `textnames` without one)."""
    honorifics = frozenset(honorifics)
    cut_short = _cut_short_before_lower(text)
    if not cut_short:
        return frozenset(), frozenset()  # no abbreviation, no sign: most books
    # the words as a pattern that opens with their letters (`words_at_start`), tried only where
    # one of them is written (`wordscan.matches_at_words`: its capital opens no word inside
    # another, whose letters stand before it): the same matches as `written.finditer(text)`,
    # which tries the words' first letters at every capital (3 ms of James's book, 0.2)
    words = tuple(sorted(cut_short))
    written = re.compile(rf"({words_at_start(words, before=_NOT_BEFORE_WORD)})(?![\w'’-])(\.)?")
    uses = list(matches_at_words(written, text, words))
    cut_short -= {m.group(1) for m in uses if m.group(2) is None}
    cut_short -= {h.rstrip(".") for h in honorifics}
    if len(cut_short) < MIN_SIGNED_ABBREVIATIONS:
        return frozenset(cut_short), frozenset()  # too few to follow a sign
    # an initial before an abbreviation, opening its line: read before each use found already
    # (the scan of every initial, `_INITIAL_AND_WORD`, is made only where a sign is found)
    heads: dict[str, set[str]] = {}
    for m in uses:
        if m.group(1) in cut_short:
            line = text.rfind("\n", 0, m.start()) + 1
            sign = _SIGN_BEFORE.search(text, max(line, m.start() - _RECIPE_REACH), m.start())
            if sign is not None and _OPENING_LINE.fullmatch(text, line, sign.start()):
                heads.setdefault(sign.group(1), set()).add(m.group(1))
    signs = {
        letter
        for letter, shortened in heads.items()
        if len(shortened) >= MIN_SIGNED_ABBREVIATIONS and f"{letter}." not in honorifics
    }
    signed = set()
    for m in _INITIAL_AND_WORD.finditer(text) if signs else ():
        if m.group(1) in signs:
            before = text[max(0, m.start() - 30) : m.start()].rsplit("\n", 1)[-1].split()  # its line's
            last = before[-1] if before else ""
            if last not in honorifics and _NAME_BEFORE.search(last) is None:
                signed.add(m.group(2))
    return frozenset(cut_short | signed), frozenset(signed)


_CAPITALISED_WORD = re.compile(rf"[{UPPER}](?<![\w'’.-].)[{LOWER}]+(?![\w'’-])")
_RECIPE_REACH = 60  # characters before a title in which a prescription's word says it is one


def in_prescription(text: str, start: int, signed: Collection[str]) -> bool:
    """Whether `text[start:]`, a one-letter title ("M."), stands in a prescription: its line
    writes a word the book writes after its Recipe sign (`recipe_words`, the second set)
    before it, within a few words ("Liq. calcis, Oij. M. Macera per horas 24": misce, no
    Monsieur; not an abbreviation alone: "Op. cit., p. 5. M. Taine")."""
    if not signed:
        return False
    line = text[max(0, start - _RECIPE_REACH) : start].rsplit("\n", 1)[-1]
    return any(m.group() in signed for m in _CAPITALISED_WORD.finditer(line))


def in_tunes_title(text: str, start: int) -> bool:
    """Whether the name at `start` stands inside the quoted title of the tune a song is sung to,
    as a songbook prints it before the song ("Tune--“Katherine Ogie.”", "Air--“Galla
    Water.”", "Tune: “Robin Adair”"): a work's title, no mention of a person or a place."""
    return "“" in text[max(0, start - TUNE_REACH) : start] and (
        _TUNE_TITLE_BEFORE.search(text, max(0, start - TUNE_REACH), start) is not None
    )


# how far before a name the tune's cue may stand: a title's length
TUNE_REACH = 80
# "Tune--“", "Air:“" and the title's words up to the name, no closing quotation mark between
_TUNE_TITLE_BEFORE = re.compile(r"\b(?:Tune|Air)\s*(?:--|—|:)\s*“[^”]*$")
