"""Names a book writes in their own script and then romanised: "董卓 Tung Cho".

A book on China, Japan or Korea often gives a name first in its own characters (Chinese
characters, kana, hangul) and then in a romanisation (Wade-Giles "Chʽên-tsʽang", pinyin,
Hepburn "Tōkyō"). The characters are the editor's sign that the words after them are a proper
name: common words are not given in characters and then transcribed with capitals. A
romanised run right after the characters it transcribes, one to four capitalised words
(syllables joined by hyphens, the aspirate ʽ inside, a possessive's "’s" outside) not followed
by another capitalised word, is therefore:

- a place, for a run of one word, where a preposition of place of the profile (`[places]
  prepositions`: "sent to 魏 Wei", "surrounded at 白登 Po-têng") stands before the
  characters, or "of" after a word that is no function word nor pronoun ("the town of 陳倉
  Chʽên-tsʽang", "a native of 汝南 Ju-nan", "Prince of 鄭 Chêng", "Wang Kuo of 梁 Liang";
  not "those of 福康安 Fu-kʽang-an"); for a run of any length, after a noun of a town or a
  state and "of" (`namewords.TOWN_NOUNS`). The places pass weighs a place so found as a
  state of `polities`: marked though the book writes its syllable in lower case inside other
  names ("the battle of 邲 Pi" beside "Hua-pi"), not inside a longer name ("Chiu Tʽang Shu"
  beside "of 蜀 Shu");
- a person, for a run of two or three words elsewhere ("and 董卓 Tung Cho were sent out"; a
  run of four names a work: "the 吳越春秋 Wu Yüeh Chʽun Chʽiu"), marked whole, its last
  syllable no surname alone (a Chinese name's given name; each syllable may name a state);
- nothing, for a run of one word elsewhere (a state, a place or a person: the text does not
  say which, "canonised as 神武 Shên-wu").

It is no name of either kind where it is a work's or a thing's: right after an article ("in
the 永樂大典 Yung Lo Ta Tien", "the tail of the 龍 Dragon"), opening its block (a
bibliography's entry: "吳子 Wu Tzǔ, in 1 chüan"), or the whole text of a `title` element
somewhere in the book (`titles_of_works`: "(2) 將苑 Chiang Yüan (1 chüan)"); nor a word of
a longer name whose first part stands before the characters ("Lü 尚 Shang", "Prince 莊
Chuang": a capitalised word right before them); nor where one of its words is one the book
writes in lower case ("the 晉 Chin Emperor", "the 淝 Fei River", "Duke Huan"; not the
syllable "I" of "Pi I-hsün"), a title or honorific of the profile, or a word in capitals
alone (a Roman numeral: "Tso Chuan, 宣公 XII 3").

A place so found is no person's name alone, though another rule took it for one ("the Emperor
Wei" beside "sent to 魏 Wei"), nor is a word the book names a state or a ruling house
(`polities`: "the Tʽang dynasty" beside "the princes of 唐 Tʽang") taken as a place here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass

from ..tei import q
from .namewords import LOWER, TOWN_NOUNS, UPPER, passage

EVIDENCE = "a romanised name right after the characters it transcribes"

# Chinese characters (with the compatibility block), Japanese kana and Korean hangul
_OWN_SCRIPT = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
_HAS_OWN_SCRIPT = re.compile(f"[{_OWN_SCRIPT}]")
_ALL_OWN_SCRIPT = re.compile(f"[{_OWN_SCRIPT}]+")


def in_own_script(text: str) -> bool:
    """Whether `text` is written in characters of its own script only ("易", "陳倉")."""
    return bool(_ALL_OWN_SCRIPT.fullmatch(text))


# A romanised word: a capital, then lower-case letters (the aspirate ʽ among them), its
# syllables joined by hyphens, each in lower case ("Chʽên-tsʽang", "Fu-kʽang-an")
_WORD = rf"[{UPPER}][{LOWER}ʼ]*(?:-[{LOWER}ʼ]+)*"
_TRANSCRIBED = re.compile(rf"([{_OWN_SCRIPT}]+)[ \u00a0]+({_WORD}(?: {_WORD}){{0,3}})(?:[’']s)?(?![\w’'-]| [{UPPER}])")
_WORD_BEFORE = re.compile(r"(\S+)\s*\Z")
_OF_BEFORE = re.compile(r"(\w+) of\s*\Z")
_TOWN_OF = re.compile(rf"\b(?:{'|'.join(TOWN_NOUNS)}) of\s*\Z", re.IGNORECASE)
# the English articles: a run after one names a work or a thing ("the 易 I River")
_ARTICLES = frozenset({"the", "a", "an"})
# pronouns standing for a thing named before, whose "of" may take a man ("those of 福康安
# Fu-kʽang-an": his expeditions)
_PRONOUNS = frozenset({"this", "that", "these", "those", "one", "ones", "some", "any", "each", "all"})


@dataclass(frozen=True)
class Transcribed:
    """A romanised run after its characters: its text and where it was read."""

    name: str
    where: str
    place: bool


def texts_with_own_script(tei, text: str) -> list[str]:
    """The texts in which a name may follow its own characters: each element's whole text
    that holds a `foreign` element in another script (its characters set apart, the romanised
    name often in a `foreign` of its own), and the pieces of the book's unmarked text `text`
    that hold such characters inline. Empty, and cheap, for a book that writes none."""
    out: list[str] = []
    seen: set[int] = set()
    for el in tei.iter(q("foreign")):
        if el.text and _HAS_OWN_SCRIPT.search(el.text):
            parent = el.getparent()
            if parent is not None and id(parent) not in seen:
                seen.add(id(parent))
                out.append("".join(parent.itertext()))
    if _HAS_OWN_SCRIPT.search(text):
        out.extend(piece for piece in text.split("\n\n") if _HAS_OWN_SCRIPT.search(piece))
    return out


def titles_of_works(tei) -> frozenset[str]:
    """The texts of the book's `title` elements, spaces normalised: the works it names."""
    return frozenset(" ".join("".join(el.itertext()).split()) for el in tei.iter(q("title")))


def transcribed_names(
    texts: Iterable[str],
    prepositions: Collection[str],
    titles: Collection[str],
    function_words: Collection[str],
    common: Callable[[str], bool],
    works: Collection[str] = (),
) -> Iterator[Transcribed]:
    """The names of `texts` written right after their own characters, each as often as
    read (see the module's docstring). `prepositions`: the profile's prepositions of place,
    in lower case; `titles`: its honorifics and titles, which open no such name;
    `function_words`: its function words, after which "of" says nothing of a place ("those
    of 福康安 Fu-kʽang-an"); `common`: whether the book writes a word in lower case; `works`:
    the titles of works the book names (`titles_of_works`)."""
    for text in texts:
        for m in _TRANSCRIBED.finditer(text):
            run = m.group(2)
            words = run.split(" ")
            if run in works or not _name_shaped(words, titles, common):
                continue
            before = text[max(0, m.start() - 60) : m.start()]
            if not before.strip() or re.fullmatch(r"\s*\(\d+\)\s*", before):
                continue  # opening its block: a bibliography's entry, a work
            previous = _WORD_BEFORE.search(before)
            word = previous.group(1) if previous else ""
            if word.lower() in _ARTICLES or word[:1].isupper() and word[-1:].isalpha():
                continue  # "the 龍 Dragon"; "Lü 尚 Shang", "Prince 莊 Chuang": part of a longer name
            where = passage(text, m.start(2), m.end(2))
            if _TOWN_OF.search(before):
                yield Transcribed(run, where, True)
            elif 1 < len(words) < 4:
                yield Transcribed(run, where, False)
            elif (
                word.lower() in prepositions
                or (of := _OF_BEFORE.search(before))
                and (w := of.group(1).lower()) not in function_words
                and w not in _PRONOUNS
            ):
                yield Transcribed(run, where, True)


def _name_shaped(words: list[str], titles: Collection[str], common: Callable[[str], bool]) -> bool:
    """Whether a run's words may be a romanised name: none a word the book writes in lower
    case (but a syllable "I": "Pi I-hsün"), a title, nor a word without a lower-case letter (a
    Roman numeral, "AD"), but the one-letter syllable "I" inside a name of several words
    ("Ssǔ-ma I", "Wei I")."""
    for w in words:
        # the syllable "I" is the pronoun's letter: the book's lower-case "i" says nothing of it
        if w in titles or not (w == "I" or w.startswith("I-")) and common(w):
            return False
        if not any(c.islower() for c in w) and not (w == "I" and len(words) > 1):
            return False
    return True
