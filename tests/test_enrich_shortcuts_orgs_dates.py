"""The organisations' and dates' passes' shortcuts give what the plain forms they stand for give.

Each shortcut (a scan of the whole text for what was read text node by text node, a test
told by the kind of match rather than by each group's value) is compared with its plain
form on the bundled book's edition (its text nodes cut by every mark the passes make), on
its source text, on books of the shared corpus where present, and on strings made to
catch the edges: a shortcut that answered otherwise would change the edition.
"""

from __future__ import annotations

import random
import re

from conftest import SAMPLE, SHARED, edition_pieces, texts_writing
from teikit.enrich import matching, orgs

CORPUS = sorted((SHARED / "corpus" / "books").glob("*.txt"))[:4]


def test_the_edge_words_of_the_joined_text_are_those_of_its_pieces_where_may_write_asks():
    """`orgs.joined_edge_words` (two scans of the pieces joined by blank lines) against
    `orgs._edge_words` (each piece's first and last word): every word the plain form gives,
    and no other that `Shapes.may_write` would ask of (a word no whole word of the unmarked
    text): on the edition's chapters, whose pieces the marks cut, and on random pieces that
    open and close with newlines, blank lines, hyphens and marks glued to words."""
    samples = edition_pieces()
    rng = random.Random(18)
    words = SAMPLE.read_text(encoding="utf-8")[:200_000].split()
    ends = ["", " ", "\n", "\n\n", "-", "_", "x", "é", "’s", "1914", "\n\nword", "word\n\n", " \n"]
    for _ in range(60):
        samples.append(
            [
                rng.choice(ends) + " ".join(rng.sample(words, rng.randint(0, 5))) + rng.choice(ends) or "x"
                for _ in range(rng.randint(1, 30))
            ]
        )
    extra_seen = 0
    for pieces in samples:
        text = "\n\n".join(pieces)
        plain = orgs._edge_words(pieces)
        joined = orgs.joined_edge_words(text)
        assert plain <= joined
        whole = matching.WordCounts(text).whole  # the pieces' own whole words
        assert not {w for w in joined - plain if w not in whole}
        extra_seen += len(joined - plain)
    assert extra_seen  # the random pieces hold blank lines of their own


def test_the_words_after_the_found_in_one_scan_are_those_written_after_the():
    """`orgs.capitalised_after_the` (one scan of the book for "the" and a capital) against
    `orgs._written("the " + word)`, the search `Shapes.opens_names` made for each word: for
    every capitalised word (and some the texts do not write after "the") of the edition's
    chapters, joined as the pass joins them, of a stretch of the bundled book's source and
    of the corpus books, and of strings that catch the edges ("the" inside a word, doubled,
    after a hyphen or an underscore; a word going on with a hyphen, an underscore, an
    accented letter or an apostrophe; two spaces, a line's end)."""
    texts = ["\n\n".join(pieces) for pieces in edition_pieces()[:6]]
    texts.append(SAMPLE.read_text(encoding="utf-8")[:150_000])
    texts += [path.read_bytes().decode("utf-8", "replace")[:60_000] for path in CORPUS]
    texts.append(
        "the Word. Xthe Bother the the Double; -the Hyphen _the Under the Going-on the Going_ "
        "the Accenté the People's the  Two the\nLine the Last, (the Open) The Capital THE Upper"
        " the Ünicode the Zed"
    )
    for text in texts:
        after = orgs.capitalised_after_the(text)
        words = set(re.findall(r"[A-Z][\w-]*", text)) | {"Bother", "Two", "Line", "Nowhere", "Going"}
        assert after <= words
        for word in words:
            assert (word in after) == orgs._written("the " + word, text), word
    assert {"Word", "Double", "Going-on", "Going_", "Accenté", "People", "Open", "Zed"} <= after
    assert not {"Bother", "Hyphen", "Under", "Two", "Line", "Capital", "Upper", "Going"} & after
    # `Shapes.opens_names`, which seeks its first words one by one, then reads them all from
    # the scan, answers as the search does, before the scan and after it
    none: frozenset[str] = frozenset()
    for text in texts[-3:]:
        shapes = orgs.Shapes(*[none] * 7, set(), set(), none, none, none, none, text)  # type: ignore[arg-type]
        words = [*sorted(set(re.findall(r"[A-Z][\w'’-]*", text)))[:300], "People's", "Nowhere"]
        assert [shapes.opens_names(w) for w in words] == [orgs._written("the " + w, text) for w in words]
        assert shapes._after_the is not None


def test_the_nouns_scanned_by_a_dfa_are_those_the_matchers_automaton_finds():
    """`orgs.scanner` (a `Matcher` whose automaton is a DFA, for the scan of the whole book
    for the nouns and known names) against `Matcher` itself: the same matches, on the
    edition's chapters joined as the pass joins them, the bundled book's source and four
    corpus books, with the bundled book's profile's nouns and names and the default
    profile's, hyphens split and not."""
    from teikit.profile import load_profile

    texts = ["\n\n".join(pieces) for pieces in edition_pieces()[:5]]
    texts.append(SAMPLE.read_text(encoding="utf-8"))
    texts += [path.read_bytes().decode("utf-8", "replace") for path in CORPUS]
    found = 0
    for profile in (load_profile(source=SAMPLE), load_profile()):
        keys = dict.fromkeys(  # `Shapes.head_keys` (`Shapes.of` reads the gazetteer too)
            {*profile.org_nouns, *profile.known_orgs, *profile.org_bodies, *profile.org_establishments}
            | {*profile.org_meetings, *profile.org_wings}
        )
        assert len(keys) > 50
        for split in (True, False):
            plain, dfa = orgs.Matcher(keys, split_hyphens=split), orgs.scanner(keys, split_hyphens=split)
            for text in texts:
                matches = dfa.find(text)
                assert matches == plain.find(text)
                found += len(matches)
    assert found > 10_000


def test_the_patterns_of_establishments_listed_with_others_find_what_their_plain_forms_find():
    """`orgs._AND_OTHER` and `orgs._OTHER_SUCH_AS` (their look-behinds after a capital or
    "other", so that `re` seeks those first) against their plain forms (the look-behind or
    `\\b` first): the same matches, on every piece of the edition that holds " other ", the
    bundled book's source, four corpus books and strings that catch the edges."""
    plain_and = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+) and other ([a-z]+)\b")
    plain_such = re.compile(r"\bother ([a-z]+),? (?:such as|like|including) ([A-Z][\w'’-]+)(?![\w'’-]| [A-Z])")
    texts = texts_writing(" other ")
    texts += [
        "Sormovo and other works, other works, such as Sormovo, and other works",
        "xSormovo and other works; -Putilov and other plants; 'Putilov and other plants; _Ural and other trusts",
        "another works, such as Sormovo; _other works like Putilov; other works including Ural Mash; other factories like Putilov",
        "Éclair and other works; other works like Éclair",
    ]
    found = 0
    for text in texts:
        for shortcut, plain in ((orgs._AND_OTHER, plain_and), (orgs._OTHER_SUCH_AS, plain_such)):
            matches = [(m.span(), m.groups()) for m in shortcut.finditer(text)]
            assert matches == [(m.span(), m.groups()) for m in plain.finditer(text)]
            found += len(matches)
    assert found > 20


def test_titles_and_hyphens_told_by_a_character_first_are_those_the_plain_tests_tell():
    """`orgs._title` (the "T" four characters back looked at before the pattern) and
    `orgs._hyphened` (a text without a hyphen passed over at once) against their plain
    forms: at every capital of the edition's pieces and of strings that catch the edges
    ("The" at the text's start, over a line's end, "the" in lower case, a "T" at the
    text's end read backwards), and for the nouns and names found in each of them."""
    from teikit.profile import load_profile

    def plain_title(text: str, start: int) -> bool:
        return (
            orgs._THE_BEFORE.search(text, max(0, start - 8), start) is not None
            and text[start - 4] == "T"
            and not orgs.initial(text, start - 4)
        )

    def plain_hyphened(text: str, heads: list) -> list:
        if not any(text[hs - 1 : hs] == "-" or text[he : he + 1] == "-" for hs, he, _, _ in heads):
            return heads
        starts, ends = {h[0] for h in heads}, {h[1] for h in heads}
        return [
            h
            for h in heads
            if (text[h[0] - 1 : h[0]] != "-" or h[0] - 1 in ends)
            and (text[h[1] : h[1] + 1] != "-" or h[1] + 1 in starts or orgs._ACRONYM_AT.match(text, h[1] + 1))
        ]

    profile = load_profile(source=SAMPLE)
    keys = dict.fromkeys({*profile.org_nouns, *profile.known_orgs, *profile.org_bodies, *profile.org_wings})
    heads = orgs.Matcher(keys, split_hyphens=True)
    texts = [piece for pieces in edition_pieces() for piece in pieces]
    texts += [
        "The Party",
        "Party T",
        "TheParty",
        "The\nCommunist Party",
        "Schapiro, The Communist Party",
        "the Party",
        "A. The Party",
        "T. The Committee",
        "Central Committee-CCC plenum",
        "Anti-Comintern",
        "Party-State",
        "-Party",
    ]
    titles = hyphened = 0
    for text in texts:
        for m in re.finditer(r"[A-Z]", text):
            title = orgs._title(text, m.start())
            assert title == plain_title(text, m.start()), (text, m.start())
            titles += title
        found = heads.find(text)
        assert orgs._hyphened(text, found) == plain_hyphened(text, found)
        hyphened += "-" in text and bool(found)
    assert titles > 5 and hyphened > 50


def _texts() -> list[str]:
    """Real texts to read dates in: every line of the bundled book and of the corpus books
    (most lines of a book hold no date, as most text nodes of a poem or a play), every text
    node of the edition's chapters, and strings made to catch the edges."""
    texts = SAMPLE.read_text(encoding="utf-8").splitlines()
    for path in CORPUS:
        texts += path.read_bytes().decode("utf-8", "replace").splitlines()
    texts += [text for pieces in edition_pieces() for text in pieces]
    texts += [
        "the ninth century",
        "in the late twenties",
        "in the thirties",
        "at Martinmas",
        "on Lammas day",
        "Christmas 1790",
        "on 9 Thermidor",
        "in Prairial, Year III",
        "dekabr' 1927",
        "v dekabre",
        "in 1٩١٧",
        "in ١٩١٧",
        "by the following February",
        "On16 September",
        "the turn of 1929–30",
        "early in the spring",
    ]
    return [text for text in texts if text]


def test_a_text_that_holds_none_of_the_words_holds_no_date_feast_nor_calendar_date(tmp_path):
    """`dates.holds_any` (one scan for every word a date, a feast or another calendar's date
    holds) against what it passes over: in every text it says holds none, `find_dates` (with
    a year in context, at a paragraph's opening and not), `add_feasts` and
    `add_calendar_dates` find nothing, for the default profile, the bundled book's (Russian
    months), a Scots one (its feasts) and the French Republican calendar's."""
    from teikit.enrich import dates
    from teikit.profile import load_profile

    packs = []
    for include in ("scots", "french-republican"):
        own = tmp_path / f"{include}.toml"
        own.write_text(f'include = ["{include}"]\n', encoding="utf-8")
        packs.append(load_profile(own))
    profiles = [load_profile(), load_profile(source=SAMPLE), *packs]
    texts = _texts()
    for profile in profiles:
        reading = dates.Reading(profile.months, profile.date_cues)
        feasts = tuple(sorted(profile.feasts))
        holding = dates._holding(reading.own, (*feasts, *profile.calendar_months))
        passed_over = found = 0
        for text in texts:
            if dates.holds_any(text, holding):
                found += bool(dates.find_dates(text, dates.YearContext(profile.months), reading=reading))
                continue
            passed_over += 1
            for block_start in (False, True):
                context = dates.YearContext(profile.months)
                context.read({"when": "1793-10"})
                assert dates.find_dates(text, context, block_start, reading=reading) == [], text
            assert dates.add_feasts(text, [], profile.feasts, profile.english_words, feasts) == [], text
            assert dates.add_calendar_dates(text, [], profile.calendar_months, profile.calendar_years, 1794) == []
        assert passed_over > len(texts) // 3 and found > 1000


def test_the_form_a_date_matched_is_the_one_outer_group_that_holds_a_value():
    """`Match.lastgroup`, by which the date pass tells which form of its pattern a date took
    (`dates._KINDS`), against the plain look at each form's group: in every match of the
    pattern (with centuries and decades in words, and a profile's months) over every line
    of the bundled book, of four corpus books and the edge strings, exactly one of the
    forms' groups holds a value, and it is the one `lastgroup` names; and each form's name
    the pass compares with is one of the forms."""
    import inspect

    from teikit.enrich import dates
    from teikit.profile import load_profile

    months = tuple(load_profile(source=SAMPLE).months)
    patterns = [dates._pattern(), dates._pattern(months, True, True)]
    assert all(dates._KINDS <= set(p.groupindex) for p in patterns)
    kinds = set()
    for text in _texts():
        for pattern in patterns:
            for m in pattern.finditer(text):
                assert [k for k in dates._KINDS if m[k] is not None] == [m.lastgroup], m.group()
                kinds.add(m.lastgroup)
    assert len(kinds) >= 18  # most forms met
    source = inspect.getsource(dates)
    compared = re.findall(r'kind (?:==|!=) "(\w+)"|lastgroup (?:==|!=) "(\w+)"', source)
    named = {a or b for a, b in compared} | dates._YEARLESS | dates._DAYS
    assert len(named) > 20 and named <= dates._KINDS
