"""The shortcuts of the names passes that read the prose of a whole book in one search
(`namewords.Words`, `textnames.name_lists`, `textnames.Finder.unnamed`) answer as their
plain forms do, piece by piece: on the bundled book, on Burns's poems when ../shared is
there (a book of verse: tens of thousands of pieces), with the profiles that read them,
and on strings made to catch the edges (a run at a piece's ends, a list the next piece
would run on, particles, initials, brackets, a NUL). A shortcut that answered otherwise
once would change the edition.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from conftest import ROOT, SAMPLE
from teikit.enrich import namewords, textnames
from teikit.enrich.namewords import Words
from teikit.profile import load_profile

BOOK = SAMPLE.read_text(encoding="utf-8")
EDGES = (
    "Mr.\n\nSmith said so. Marquis de Launay and Madame d'Eon, Rev. Mr. Moodie\n\n--Markby\n\n"
    "Markby, Migsby, Mobbs\n\n--and so on\n\nDanton, Hébert and Marat\n\nR. V. Daniels, J.M. Keynes,\n\n"
    "Couthon and St. Just; de St. Croix\n\nM[ontgomer]y and D[undas]\x00Nul, Gude help the day\n\n"
    "Gaw'n Hamilton, Admir'd Jean\n\n\n Glenriddel, skill'd in old coins;  \n\nCraigdarroch, thou'lt soar\n\n"
    "Inter-Ally Lloyd George--Wm. Boyd\t Esq.\n\nThe Earl of Glencairn, the Duke\n\nÉmile_ ²\n\n  "
)


def _burns() -> str | None:
    for shared in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        book = shared / "corpus" / "books" / "burns-poems-and-songs.txt"
        if book.is_file():
            return book.read_text(encoding="utf-8")
    return None


def _scots():
    folder = Path(tempfile.mkdtemp())
    (folder / "book.toml").write_text('include = ["scots"]\n', encoding="utf-8")
    return load_profile(folder / "book.toml")


def _books():
    """(text, profile): the bundled book with its own profile and with none, Burns's book
    with the Scots pack, and the edges with both."""
    scots = _scots()
    out = [(BOOK, load_profile(source=SAMPLE)), (BOOK[:200_000], load_profile()), (EDGES, scots)]
    out.append((EDGES, load_profile()))
    burns = _burns()
    if burns is not None:
        out.append((burns, scots))
    return out


def _plain_tokens(words: Words, text: str) -> list[list[tuple[int, int, str]]]:
    """The runs of `text` and their tokens, as `Words.runs` and its token pattern find them."""
    return [
        [(*t.span(), t.group()) for t in words.token.finditer(text, run.start(), run.end())] for run in words.runs(text)
    ]


def test_the_tokens_of_the_prose_read_in_one_scan_are_those_of_each_piece():
    """`Words._read_tokens` (the prose joined, cut in one scan) against each piece cut
    alone, by `runs` and by `_cut_into_tokens` (what `tokens` does for a text it has not)."""
    told = 0
    for text, profile in _books():
        words = Words(text, profile)
        assert words.prose_joined == namewords.PIECE_BREAK.join(words.prose)
        for piece in words.prose:
            kept = words.tokens(piece)
            assert kept == _plain_tokens(words, piece) == words._cut_into_tokens(piece), piece[:80]
            told += len(kept)
        for k, start in enumerate(words.prose_starts):
            assert words.prose_joined[start : start + len(words.prose[k])] == words.prose[k]
            assert words.piece_at(start) == k
    assert told > 20_000  # runs found, not only none


def test_a_verse_line_runs_on_where_the_pattern_says_it_does():
    """`_runs_on` against `_RUNS_ON.search` on every piece and line of the books and on
    characters at the edges of `\\w` and `\\s` (an underscore, a superscript digit, a
    no-break space, a line separator, a NUL)."""
    edges = ["", " ", "\n", "word", "word  \n", "word,\t", "x;", "x.", "x_", "é ", "x\u00a0", "x\u2028", "²", "x\x00"]
    pieces = [p for text, _ in _books() for p in (*text.split("\n\n"), *text.split("\n"))] + edges
    ran_on = 0
    for piece in pieces:
        expected = namewords._RUNS_ON.search(piece) is not None
        assert namewords._runs_on(piece) == expected, repr(piece[-40:])
        ran_on += expected
    assert 1000 < ran_on < len(pieces)  # either answer given


def _plain_name_lists(words: Words) -> list[tuple[list[str], str]]:
    """`name_lists` as it read the prose before: a search of each piece."""
    if not words.name_joins:
        return []
    listed, word = textnames._list_patterns(words)
    lists = []
    for piece in words.prose:
        for m in listed.finditer(piece):
            if m.start() and re.search(rf"[{namewords.UPPER}][\w.]*\s$", piece[max(0, m.start() - 30) : m.start()]):
                continue
            names = word.findall(m.group())
            # the land a name is named after opens no list: "St. Francis of Accesi and Joachim"
            links = "|".join(map(re.escape, sorted({"of", "d’", "d'"} | {p.lower() for p in words.particles})))
            if re.search(
                rf"(?:^|\s)[(\"“‘\[]*[{namewords.UPPER}]\S*[^\W_][ \t\n](?:{links})[ \t\n]$", piece[: m.start()]
            ):
                names = names[1:]
                if len(names) < 2:
                    continue
            # a place after a preposition and the next clause's subject: "into Anagni, and Christ"
            after_place = {p.lower() for p in words.place_prepositions}
            if len(names) == 2 and "," in m.group() and textnames._last_word(piece, m.start()).lower() in after_place:
                continue
            lists.append((names, namewords.passage(piece, m.start(), m.end())))
    return lists


def test_lists_of_names_sought_in_the_prose_joined_are_those_of_each_piece():
    """`name_lists` (one search of the prose joined) against a search of each piece: a list
    that the next piece's dashes would end (\"Markby, Migsby, Mobbs\\n\\n--and\") is none."""
    found = 0
    for text, profile in _books():
        words = Words(text, profile)
        lists = textnames.name_lists(words)
        assert lists == _plain_name_lists(words)
        found += len(lists)
    assert found > 50
    edges = textnames.name_lists(Words(EDGES, load_profile()))
    listed = [names for names, _ in edges]
    assert ["Danton", "Hébert", "Marat"] in listed and ["Couthon", "St. Just"] in listed
    assert not any("Mobbs" in names for names in listed)  # its piece ends the list unended


def test_the_pieces_told_unnamed_at_once_have_no_spans():
    """`Finder.unnamed` (one search of the prose for what a name is cut from) against
    `Finder.spans` of each piece: no piece it tells unnamed has a span, for the finder of the
    discovery and for one that marks words alone and whole names (the names the discovery
    found), and none writes a string of `also`; and most pieces are told so."""
    for text, profile in _books():
        words = Words(text, profile)
        found, _, alone = textnames.discover(text, words)
        full = {" ".join((*n.given, n.surname)): n for n in found.values() if n.surname and n.given}
        for finder in (textnames.Finder(words), textnames.Finder(words, alone, full)):
            silent = finder.unnamed(["Duke", "--"])
            assert silent <= set(words.prose)
            for piece in silent:
                assert finder.spans(piece) == [], piece[:80]
                assert "Duke" not in piece and "--" not in piece
            named = [p for p in set(words.prose) - silent if finder.spans(p)]
            assert named  # names found where it did not tell the piece unnamed
            if len(words.prose) > 5000:
                assert len(silent) > len(words.prose) / 2


def test_a_word_is_spoken_to_as_thou_only_where_a_comma_follows_it():
    """`_cued` tries `_spoken_to` only where a comma follows a word: the pattern matches
    nowhere else, neither at the end of a run of capitalised words of the books nor at any
    place of the edges; and it matches after some words ("Craigdarroch, thou")."""
    matched = 0
    for text, profile in _books():
        words = Words(text, profile)
        spoken_to = textnames._spoken_to(words)
        for piece in words.prose:
            for run in words.tokens(piece):
                for at in (run[0][1], run[-1][1]):
                    m = spoken_to.match(piece, at)
                    assert m is None or piece[at : at + 1] == ",", piece[:80]
                    matched += m is not None
        for at in range(len(EDGES)):
            assert spoken_to.match(EDGES, at) is None or EDGES[at] == ","
    assert matched
