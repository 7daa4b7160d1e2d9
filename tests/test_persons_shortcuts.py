"""The persons pass's shortcuts find what the plain forms they stand for find.

Each (a test told by `endswith` for a pattern tried at every character of a window, a
pattern tried at a position of the text for the same pattern anchored on a slice cut
there) is compared with its plain form on the bundled book's text and on strings made to
catch the edges: a shortcut that answered otherwise once would change the edition.
"""

from __future__ import annotations

import re

from conftest import ROOT, SAMPLE
from teikit.enrich import persons, registers
from teikit.profile import load_profile
from teikit.tei import make

BOOK = SAMPLE.read_text(encoding="utf-8")[:400_000]  # its front matter and first chapters

# An order, a prize or "named" before a name, with each white space `$` may read before it.
INSTITUTIONS = (
    "the Order of Lenin, Orders of the Red Banner, Orders of\nKirov, the Order of the\n\nLenin, Stalin Prize "
    "Molotov, a Prize\t\nMolotov, named\u00a0Kirov, renamed Kirov, Orderof Lenin, the Order of theLenin, X named  "
    "Kirov, Prize\n \nKirov, Prize\n\n\nKirov, nnamed Kirov. The Order of Lenin\nPrize\r\nX"
)


def _capitals(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"[A-Z]", text)]


def test_an_order_or_a_prize_before_a_name_is_told_as_the_pattern_tells_it():
    """`_institution_before` (the white space, then `endswith`) against the pattern it stands
    for, before every capital of the book and at every position of the edges."""
    told = 0
    for text, positions in ((BOOK, _capitals(BOOK)), (INSTITUTIONS, range(len(INSTITUTIONS) + 1))):
        for start in positions:
            expected = persons._INSTITUTION_BEFORE.search(text, max(0, start - 20), start) is not None
            assert persons._institution_before(text, start) == expected, (text[max(0, start - 20) : start], start)
            told += expected
    assert told > 10  # the edges are found, not only refused


def test_the_patterns_after_a_name_tried_at_its_end_find_what_they_find_on_a_slice():
    """The patterns read after a name (`match(text, end, end + n)`) against the same patterns
    anchored (`^`) on the slice `text[end : end + n]`, at the end of every word of the book
    and of the edges (a line's end, the text's end, a window cut inside a word)."""
    russian = persons.People(
        registers.Register("person", None, make("teiHeader")),
        patronymics=load_profile(ROOT / "sources" / "iron-lazar.toml").patronymics,
    )
    patterns = {
        persons._NEXT_CAPITAL: 30,
        persons._FOLLOWING_NAME: 40,
        persons._INITIALS_AFTER: 12,
        russian.patronymic_after: 30,
    }
    edges = "Lazar Moiseevich Kaganovich, J. V. Stalin\nIvan  Ivanov L. M.\nK Petrovich Ivanovitch A.B. Cde Fg"
    found: dict[str, int] = {}
    for text in (BOOK, edges):
        ends = [m.end() for m in re.finditer(r"[\w.'’-]+", text)] + [0, len(text)]
        for pattern, width in patterns.items():
            anchored = re.compile("^" + pattern.pattern)
            for end in ends:
                fast, plain = pattern.match(text, end, end + width), anchored.match(text[end : end + width])
                assert (fast is None) == (plain is None), (pattern.pattern, text[end : end + width])
                if fast is not None and plain is not None:
                    assert fast.group() == plain.group() and fast.groups() == plain.groups()
                    assert fast.end() == end + plain.end()
                    found[pattern.pattern] = found.get(pattern.pattern, 0) + 1
    assert len(found) == len(patterns)  # each pattern matched somewhere


def test_initials_ending_the_text_before_a_name_are_told_as_the_pattern_tells_them():
    """`_ends_as_initials` (`endswith` of the initials' stops, after the white space read
    back) against `_INITIALS_END` searched in the five characters before, at every position
    of the book's first chapters and of the edges (a line's end, a blank line, two letters
    of one Russian letter, the text's start)."""
    edges = "A. Ya.\nYu. \nKh.\n\nZh \n. \n\n.\t\nTs\r\nSh  Ch\u00a0\nYeX. x.Y a b.\n\n\nc"
    told = 0
    for text in (BOOK[:150_000], edges, ".", " ", "\n", ". \n"):
        for start in range(len(text) + 1):
            expected = persons._INITIALS_END.search(text[max(0, start - 5) : start]) is not None
            assert persons._ends_as_initials(text, start) == expected, (text[max(0, start - 5) : start], start)
            told += expected
    assert told > 1000


def test_a_feature_name_is_sought_only_where_its_word_opens_the_text():
    """`registers.FEATURE_FIRST` matches only where one of `_FEATURE_HEADS` opens the text (so
    the persons pass tries it there only): at every capital of the book and of names made
    for it; its words are plain words, as `_FEATURE_HEADS` takes them."""
    assert all(re.fullmatch(r"[A-Z][a-z]+(?: [a-z]+)?", word) for word in registers.FEATURE_FIRST_TYPES)
    features = "the Hall of Columns, Lake Khasan, Mount St. Elias, Straits of Dover, Halls of X, Lake\nY, Mountbatten"
    matched = 0
    for text in (BOOK, features):
        for start in _capitals(text):
            if registers.FEATURE_FIRST.match(text, start):
                assert text.startswith(persons._FEATURE_HEADS, start), text[start : start + 30]
                matched += 1
    assert matched >= 4


def test_a_mention_copied_from_its_persons_model_is_written_as_one_made_for_it():
    """A mention's element is a copy of a model made for the person with its @ref: in the
    tree, each written as an element made and given the attribute is."""
    from lxml import etree

    from teikit.tei import make_in, sub

    def paragraph(element) -> bytes:
        doc = make("TEI")
        p = sub(doc, "p", "Said ")
        first, second = element(doc), element(doc)
        first.text, first.tail, second.text = "Stalin", " to ", "Molotov"
        p.extend([first, second])
        return etree.tostring(doc)

    model = make_in(make("TEI"), "persName", ref="persons.xml#stalin-i-v")

    def made(doc):
        el = make_in(doc, "persName")
        el.set("ref", "persons.xml#stalin-i-v")
        return el

    assert paragraph(lambda doc: model.__copy__()) == paragraph(made)
    assert model.text is None and len(model) == 0  # the copies' words never reached the model


def test_the_words_before_a_surname_are_sought_where_the_window_cut_finds_them():
    """`_words_before_at` (the window cut only after a white space and a small letter, or two
    white spaces) against `_words_before` of the window cut, and that against the pattern it
    stands for, at every position: of the book's first chapters, and of edges (a line's end,
    a blank line, the text's start, a capital alone)."""
    edges = "Ivan Petrov\nIvan \nPetrov, (Ivan Petrov 'Ivan Petrov I Petrov Ivan\tX Ab  Cd\n\nEf Gh \nIj é Kl"
    found = 0
    for text in (BOOK[:200_000], edges, "A ", "Ab ", "Ab\n"):
        for start in range(len(text) + 1):
            window = text[max(0, start - 40) : start]
            expected = persons._words_before(window)
            plain = persons._WORDS_BEFORE.search(window)  # what `_words_before` stands for
            assert (expected is None) == (plain is None), window
            if expected is not None and plain is not None:
                assert (expected.span(), expected.groups()) == (plain.span(), plain.groups())
            fast = persons._words_before_at(text, start)
            assert (fast is None) == (expected is None), (text[max(0, start - 40) : start], start)
            if fast is not None and expected is not None:
                assert (fast.span(), fast.groups()) == (expected.span(), expected.groups())
                found += 1
    assert found > 1000


def test_a_names_key_kept_is_the_key_made_and_leaves_the_name_equal_to_its_twin():
    """`textnames.Name.key` kept on the name once made: the words joined as the plain form
    joins them, asked once or twice, and a name asked its key still equal to (and hashed as)
    one never asked."""
    from teikit.enrich.textnames import Name

    names = [
        Name("Mr", ("John", "W."), "Smith"),
        Name("", (), "Danton"),
        Name("Lady", (), ""),
        Name("", ("Meg",), ""),
        Name("Sir", (), "De Courcy"),
    ]
    for name in names:
        plain = " ".join(w for w in (name.hon, *name.given, name.surname) if w)
        twin = Name(name.hon, name.given, name.surname)
        assert name.key() == plain and name.key() == plain
        assert name == twin and hash(name) == hash(twin) and {twin: 1}[name] == 1


def test_a_register_name_read_in_one_walk_is_read_as_each_kind_apart():
    """`textnames._pers_name` (one walk of a persName's children) against the plain form (the
    roleNames, forenames and surnames each gathered apart), on every name of the bundled
    book's person register and on names made with a comment, two surnames, a nested part."""
    from lxml import etree

    from teikit.enrich.textnames import Name, _pers_name
    from teikit.tei import children, q, sub, text_of

    def plainly(pn) -> Name:
        role = " ".join(text_of(r) for r in children(pn, "roleName"))
        given = tuple(text_of(f) for f in children(pn, "forename"))
        surname = " ".join(text_of(s) for s in children(pn, "surname"))
        return Name(role.rstrip("."), given, surname)

    register = etree.parse(str(ROOT / "tei" / "iron-lazar" / "persons.xml")).getroot()
    names = list(register.iter(q("persName")))
    made = make("persName")
    sub(made, "roleName", "Sir.")
    made.append(etree.Comment("an editor's"))
    sub(made, "forename", "John")
    sub(made, "surname", "Lloyd")
    sub(sub(made, "surname", "Ge"), "hi", "orge")
    sub(made, "note", "not a name's part")
    for pn in [*names, made, make("persName", "Anon")]:
        assert _pers_name(pn) == plainly(pn), etree.tostring(pn)
    assert len(names) > 500 and _pers_name(made) == Name("Sir", ("John",), "Lloyd George")
