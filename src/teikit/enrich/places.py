"""Places: `placeName` for every named place, linked to the place register.

The register holds the Subject Index's places and the profile's (`[places]`); the
text adds the countries and cities GeoNames knows where the text uses them as
places ("in Vitebsk", "to Tashkent"). Each name is matched under the spellings
romanisation produces (Nizhnyi / Nizhny / Nizhniy), all resolving to one entry.
Words that are also persons' names (Kirov, Frunze) or ordinary English words
(Union) are not taken from the gazetteer.
"""

from __future__ import annotations

import re
from collections import Counter

from ..context import Context
from ..tei import XML_ID, make
from ..textnodes import wrap
from . import gazetteer, namewords, registers, textplaces
from .matching import SKIP, UNMARKED_TEXT, Matcher, regions, unmarked_text

_NAME = r"[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2}"
_AFTER_CUE = re.compile(
    rf"\b(?:in|at|to|from|near|into|via|through|towards|outside|around|of|and)\s(?:the\s)?({_NAME})(?![\w'-])"
)
# "(Frankfurt, 2003)" — the year may be a <date> already, ending the text node — "(London and New York, 1990)", "(Athens, OH, 1990)": where a book was published
_IMPRINT = re.compile(rf"\(({_NAME})(?: and ({_NAME}))?, ?(?:1[89]\d\d|20\d\d|[A-Z]{{2}}\b|$)")
# Patterns that begin at a capital test the word boundary after it: `(?<!\w.)` right after
# the first letter is the `\b` before it. A pattern that opens with a letter is sought by
# `re`'s fast scan for that letter; one that opens with `\b` is tried at every position.
_COMPASS_WORDS = "North South East West Northern Southern Eastern Western Central Lower Upper Middle".split()
_COMPASS = re.compile(
    "((?:" + "|".join(f"{w[0]}(?<!\\w.){w[1:]}" for w in _COMPASS_WORDS) + r")(?:-[A-Z][a-z]+)? ([A-Z][a-z]+))\b"
)
_BEFORE_INITIAL = re.compile(r"([A-Z](?<!\w.)[a-z'’]+)\s(?:[A-Z][a-z]?\.)")
STREET_WORDS = ("Boulevard", "Street", "Square", "Prospekt", "Prospect", "Avenue", "Road", "Embankment", "Lane")
_STREET = re.compile(rf"([A-Z](?<!\w.)[a-z'’]+\s(?:[A-Z][a-z'’]+\s)?(?:{'|'.join(STREET_WORDS)}))\b")
_DISTRICT_OF = re.compile(r"\b(?:district|village|town|city|suburb|province|region|settlement) of ([A-Z][a-z'’]+)\b")
_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish)$")
_MIN_POPULATION = 50_000


def spellings(name: str) -> set[str]:
    """The romanisations under which a printed name may appear."""
    out = {name}
    for pattern, alts in (
        (r"yi\b", ("y", "iy", "ii")),
        (r"iy\b", ("y", "yi")),
        (r"y\b", ("yi", "iy")),
        (r"ii\b", ("y", "yi", "iy")),
    ):
        for variant in list(out):
            if re.search(pattern, variant):
                out.update(re.sub(pattern, a, variant) for a in alts)
    out.update({n.replace("'", "") for n in out} | {n.replace("'", "’") for n in out})
    out.update({"Ye" + n[1:] for n in out if n.startswith("E") and n[1:2] in "kv"})
    return out


def short_forms(reg: registers.Register, keys: dict, text: str, lowercase: set[str]) -> dict:
    """A city's first word where the text uses it alone ("from Nizhnyi" for Nizhnyi Novgorod):
    a word the text never writes in lower case, that names nothing else."""
    wanted: dict = {}
    for place in reg.entries.values():
        if place.get("type") == "city":
            for name in registers.place_names(place):
                words = name.split()
                if (
                    len(words) == 2
                    and words[0] not in keys
                    and len(words[0]) >= 4
                    and words[0].lower() not in lowercase
                ):
                    wanted.setdefault(words[0], (words[1], place))
    if not wanted:
        return {}
    alone: Counter = Counter()
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, wanted)) + r")\b(?: (\w+))?")
    for m in pattern.finditer(text):
        if m.group(2) != wanted[m.group(1)][0]:
            alone[m.group(1)] += 1
    return {first: wanted[first][1] for first, n in alone.items() if n >= 2}


def discover(places: registers.Places, text: str, not_places: set[str], lowercase_words: set[str]) -> None:
    """Countries and cities of the gazetteer the text names as places ("in Vitebsk")."""
    seen: Counter = Counter()
    imprints: set[str] = set()  # places of publication: towns of any size
    compass: set[tuple[str, str]] = set(_COMPASS.findall(text))  # "North Caucasus"
    person_like: set[str] = set(_BEFORE_INITIAL.findall(text))  # "David W. Doyle"
    for m in _AFTER_CUE.finditer(text):
        seen[m.group(1)] += 1
    for m in _IMPRINT.finditer(text):
        imprints.update(n for n in m.groups() if n)
    for m in _STREET.finditer(text):
        if places.find(m.group(1)) is None:
            places.add(m.group(1), "street", None, "named in the text")
    for m in _DISTRICT_OF.finditer(text):
        if places.find(m.group(1)) is None and m.group(1) not in not_places and not _ADJECTIVE.search(m.group(1)):
            places.add(
                m.group(1),
                "district" if "district" in m.group(0) else "settlement",
                gazetteer.lookup(m.group(1)),
                "named in the text",
            )
    for name, base in sorted(compass):
        place = places.find(base)
        if place is not None and places.find(name) is None:
            places.add(name, "region", None, "named in the text")
    for name in sorted((set(seen) | imprints) - person_like - not_places):
        if name.lower() in lowercase_words or places.find(name) is not None or _ADJECTIVE.search(name):
            continue  # "Union" is a word before it is a town; "Russian" is no place
        geo = gazetteer.lookup(name)
        if geo and (geo.type != "city" or geo.population >= _MIN_POPULATION or name in imprints):
            places.add(name, geo.type, geo, "named in the text; GeoNames")


def apply(tei, ctx: Context, strict: bool = False):
    """Mark the places of the register; `strict` for a book without an index, where the
    text alone says what is a place (`textplaces`)."""
    reg = ctx.registers["place"]
    places = registers.Places(reg)
    person_words = set(ctx.person_words)
    text = ctx.view(UNMARKED_TEXT, unmarked_text)
    lowercase = set(re.findall(r"\b[a-z]+\b", text))
    if strict:
        evidence = "\n\n".join(namewords.unmarked_prose(ctx))
        textplaces.discover(places, evidence, person_words | set(ctx.profile.not_places), ctx.profile, lowercase)
    else:
        discover(places, text, person_words | set(ctx.profile.not_places), lowercase)
    keys: dict = {}
    for place in reg.entries.values():
        for name in registers.place_names(place):
            for form in spellings(name):
                if form not in person_words and form not in ctx.profile.not_places:
                    keys.setdefault(form, place)
    for form, name in ctx.profile.same_places.items():
        if places.find(name) is not None:
            keys.setdefault(form, places.find(name))
    for form, place in short_forms(reg, keys, text, lowercase).items():
        keys.setdefault(form, place)
    matcher = Matcher(keys, split_hyphens=True)
    cue = textplaces.before(ctx.profile)
    counts: Counter = Counter()
    used = set()

    def find(text: str):
        spans = []
        for start, end, key, place in matcher.find(text):
            if strict and key.lower() in lowercase and not textplaces.cue_before(text, start, cue):
                continue  # "Bath" where the book also writes "bath": only "in Bath"
            spans.append((start, end, make("placeName", ref=f"{registers.PLACES_FILE}#{place.get(XML_ID)}")))
            used.add(place.get(XML_ID))
            counts["placeName"] += 1
        return spans

    for region in regions(tei):
        wrap(region, find, SKIP)
    for place in list(reg.added):
        if place.get(XML_ID) not in used and "Subject Index" not in "".join(place.itertext()):
            reg.remove(place)  # the profile's list names places this book may not have
    ctx.report.counts["places"] = len(reg.entries)
    ctx.report.counts["placeName"] = counts["placeName"]
    return tei
