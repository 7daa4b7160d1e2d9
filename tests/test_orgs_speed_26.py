"""The organisations' pass's shortcuts of round 5 (issue 14's half second) give what their
plain forms give.

`index_bodies` takes each list's items with a term from `IndexItems.listed` (the index's
items grouped by their list once) and tells a list under a heading by
`IndexItems.has_term`, not by walking each list's children and asking each for its term:
compared with that walk for every list of the bundled edition's indexes and of a made one
whose lists nest, hold items without a term and open with one; and `index_bodies` itself
with the walk's answers. `uses_in_both_cases` counts a word's uses in lower case and as
written in one search of the book's bytes in lower case: compared with `_uses` of each, for
words of the bundled book and strings made to catch the edges. `Orgs.first`, each entry's
first name as it was learnt, against `names(org)[0]` for every entry of the bundled
edition's register, before and after other names are added. `_acronyms` finds an acronym's
uses once for `_spelt_out_otherwise` and `_with_a_place`: each compared with its own search.
A shortcut that answered otherwise would change the edition.
"""

from __future__ import annotations

import re

from lxml import etree

from conftest import EDITION, SAMPLE
from teikit.enrich import orgs, registers
from teikit.profile import load_profile
from teikit.tei import TEI_NS, q


def _edition_subjects() -> list:
    root = etree.parse(str(EDITION / "back.xml")).getroot()
    return [div for div in root.iter(q("div")) if div.get("type") == "index"]


# A made index whose lists nest, an item without a term holding a list, a list whose items have
# no term, and a list opening with an item without a term.
_MADE = (
    f'<div xmlns="{TEI_NS}" type="index"><list>'
    "<item><term>Supreme Soviet</term><list><item><term>Presidium</term></item>"
    "<item>no term<list><item><term>Budget Commission</term></item></list></item>"
    "<item><term>Gosplan</term><list><item><term>Sector</term></item></list></item></list></item>"
    "<item><term>Communist Party</term><list><item><term>Central Committee</term></item><item>Komsomol</item>"
    "<item><term>Orgburo</term></item><item><term>Politburo</term></item><item><term>Secretariat</term></item>"
    "</list></item>"
    "<item><term>Trade Unions</term><list><item>plain</item><item>words</item></list></item>"
    "<item><list><item><term>Cheka</term></item></list></item>"
    "<item><term>Sovnarkom</term><list><item>plain</item><item><term>Cheka</term></item>"
    "<item><term>Orgburo</term></item></list></item>"
    "</list></div>"
)


class _Walked(orgs.IndexItems):
    """`IndexItems` telling a list's items and a heading's item by the walk `index_bodies` made."""

    def has_term(self, item) -> bool:
        return item is not None and item.tag == q("item") and item.find(q("term")) is not None

    def listed(self, lst) -> list:
        return [i for i in lst.iterfind(q("item")) if i.find(q("term")) is not None]


def test_an_index_lists_items_are_those_its_walk_finds():
    """For every list of the bundled edition's Subject Index and of a made one: the items
    `IndexItems.listed` gives are the list's children with a term, in their order, and
    `has_term` tells the item above it as the walk did (the list of headings has none)."""
    made = etree.fromstring(_MADE)
    lists = 0
    for subjects in (_edition_subjects(), [made]):
        index, walked = orgs.IndexItems(subjects), _Walked(subjects)
        for div in subjects:
            for lst in div.iter(q("list")):
                lists += 1
                parent = lst.getparent()
                assert index.has_term(parent) == walked.has_term(parent)
                assert index.listed(lst) == walked.listed(lst)
    assert lists > 100


def test_index_bodies_learns_from_the_grouped_items_what_it_learnt_walking():
    """`index_bodies` with `IndexItems` gives the words and items it gave with the walk, for
    the bundled edition's Subject Index (its text the book's source) and the made one."""
    text = SAMPLE.read_text(encoding="utf-8")
    book = "The Politburo, Gosplan and the Cheka met; the Orgburo too. The Presidium, the Politburo, the Cheka."
    made = [etree.fromstring(_MADE)]
    for subjects, written, profile in (
        (_edition_subjects(), text, load_profile(source=SAMPLE)),  # the book's known names are no candidates
        (_edition_subjects(), text, load_profile()),
        (made, book, load_profile()),
    ):
        found = orgs.index_bodies(subjects, orgs.Shapes.of(profile, written), profile, orgs.IndexItems(subjects))
        plain = orgs.index_bodies(subjects, orgs.Shapes.of(profile, written), profile, _Walked(subjects))
        assert found == plain
        assert len(found) >= 2


def _plain_counts(word: str, text: str) -> tuple[int, int]:
    return sum(1 for _ in orgs._uses(word.lower(), text)), sum(1 for _ in orgs._uses(word, text))


_EDGES = (
    "Soviet soviet SOVIET sOviet Soviets soviet-Soviet Soviet_ _soviet 'soviet' Soviet's x-Soviet\n"
    "İsoviet \u212asoviet Sovietİ soviet\u212a é soviet Étoile étoile ÉTOILE Abab abab ababab Abababab "
    "Bol'shevik bol'shevik Bol’shevik (Bol'shevik) Bol'shevik's Bol'sheviki ?oviet S?viet A'a'a Soviet"
)


def test_a_words_uses_in_both_cases_are_those_counted_one_by_one():
    """`uses_in_both_cases` against `_uses` of the word in lower case and as written, for
    every capitalised word of a stretch of the bundled book's source and the words of made
    strings (each at a text's start and end, beside hyphens, underscores, apostrophes and
    letters that are not Latin-1): the same counts, or None for a word it leaves to them (not
    ASCII, a "?", a word two of whose places may overlap)."""
    profile = load_profile()
    source = SAMPLE.read_text(encoding="utf-8")
    texts = [source[:150_000], _EDGES, "Soviet", "soviet", "Abab", _EDGES + " Soviet"]
    counted = left = 0
    for text in texts:
        shapes = orgs.Shapes.of(profile, text)
        words = set(re.findall(r"[A-Z][\w'’-]*", text)) | {"Soviet", "Abab", "Étoile", "Bol'shevik", "S?viet", "A'a"}
        for word in sorted(words)[:400]:
            both = orgs.uses_in_both_cases(word, shapes)
            if both is None:
                left += 1
                lower = word.lower()
                assert (
                    not word.isascii() or "?" in word or any(lower[:k] == lower[-k:] for k in range(1, len(lower)))
                ), word
                continue
            counted += 1
            assert both == _plain_counts(word, text), (word, text[:40])
    assert counted > 300 and left >= 3
    # "soviet", "'soviet'", "é soviet"; "Soviet" first, "Soviet's", last (not beside "-", "_", "İ", "K");
    # "A'a'a" writes "a'a" after "A'": the search in lower case would read "A'a" first
    assert (
        _plain_counts("A'a", _EDGES) == (1, 1)
        and orgs.uses_in_both_cases("A'a", orgs.Shapes.of(profile, _EDGES)) is None
    )
    assert (
        orgs.uses_in_both_cases("Soviet", orgs.Shapes.of(profile, _EDGES)) == _plain_counts("Soviet", _EDGES) == (3, 3)
    )


def test_each_entrys_first_name_is_its_first_orgname():
    """`Orgs.first` against `names(org)[0]` for every entry of the bundled edition's
    register, as read and after short names and new entries are added."""
    register = registers.Register("org", registers.load(EDITION, registers.ORGS_FILE))
    found = orgs.Orgs(register, load_profile(source=SAMPLE))
    entries = list(register.entries.values())
    assert len(entries) > 100
    for k, org in enumerate(entries[:40]):
        found.add_name(org, f"Short Name {k}")
    added = found.add("Made Commission of Tests", registers.FROM_TEXT, orgs.TEXT_SOURCE)
    found.add_name(added, "MCT")
    for org in [*register.entries.values()]:
        assert found.first[org] == orgs.names(org)[0]
    assert found.first[added] == "Made Commission of Tests"


def test_an_acronyms_uses_found_once_answer_as_each_search():
    """`_spelt_out_otherwise` and `_with_a_place` given the acronym's uses (as `_acronyms`
    finds them once for both) answer as each searching them itself, for every acronym the
    bundled book's source writes after "the"."""
    profile = load_profile(source=SAMPLE)
    text = SAMPLE.read_text(encoding="utf-8")
    shapes = orgs.Shapes.of(profile, text)
    shorts = sorted({m.group(1) for m in orgs._THE_ACRONYM.finditer(text)})
    assert len(shorts) > 20
    told = 0
    for short in shorts:
        uses = list(orgs._uses(short, text))
        assert orgs._spelt_out_otherwise(short, text, shapes, uses) == orgs._spelt_out_otherwise(short, text, shapes)
        assert orgs._with_a_place(short, text, profile, uses) == orgs._with_a_place(short, text, profile)
        told += orgs._with_a_place(short, text, profile, uses)
    assert told >= 1
