"""Years with their era: "473 BC", "945 AD", "AD 630", "80–9 BC", "547–490 B.C.".

A year written with the abbreviation of its era is a date whatever its size (a year before
1700 otherwise needs a preposition before it, `dates`), and the era is inside the span:

  473 BC, 473 B.C., 473 BCE     when="-0473"
  945 AD, AD 945, A.D. 945      when="0945"   (also CE, C.E.)
  80–9 BC, 547–490 BC           from="-0080" to="-0009"  (a range before the era: both ends
                                                          in it, the later one the smaller)
  25 BC–AD 14, 31 B.C.-14 AD    from="-0025" to="0014"
  AD 155–220, A.D. 1078–85      from="0155" to="0220"  (the era before a range: both ends in it;
                                                          the second's century as the first's
                                                          where it writes fewer digits)
  April 26, A.D. 121            when="0121-04-26"  (a day or month `dates` found, its year
                                                    with its era after it)
  BC 493                        when="-0493"  (the era before the year, as some write it)
  the 5th century BC            notBefore="-0500" notAfter="-0401"  (a century `dates` found,
                                                                     the era after it; its
                                                                     parts counted from 500 BC:
                                                                     "the end of" 434 to 401 BC)

Years before the common era are written as negative years with no year zero, as XML
Schema 1.0 writes them and TEI's `att.datable.w3c` reads them: 1 BC is -0001, 473 BC is
-0473 (XML Schema 1.1 and ISO 8601's astronomical count would make it -0472; the TEI's
schemas validate with XML Schema 1.0's types). A range whose ends do not run forward
("9–80 BC") is no date, nor a number of four digits or more after AD that is no year
("AD 10000"), nor a number inside another ("1,473 BC").
"""

from __future__ import annotations

import re
from bisect import bisect_right

import ahocorasick_rs

# The eras' abbreviations, before and after the year: English writes "473 BC", "AD 945"
# (and "945 AD"); BCE and CE after it.
_BEFORE = r"B\.\s?C\.(?:\s?E\.)?|BCE|BC"
_AFTER = r"A\.\s?D\.|AD|C\.\s?E\.|CE"
_YEAR = r"[1-9]\d{0,3}"
# A dash between years: hyphen, en dash or the word joiners Standard Ebooks sets round it
_DASH = r"\u2060?[-–]\u2060?"
_ERA_DATE = re.compile(
    rf"(?<![\w,.])(?:"
    rf"(?P<y1>{_YEAR})(?:{_DASH}(?P<y2>{_YEAR}))?\s(?P<era>{_BEFORE}|{_AFTER})"
    rf"(?:{_DASH}(?:(?:{_AFTER})\s(?P<y3>{_YEAR})|(?P<y4>{_YEAR})\s(?:{_AFTER})))?"
    rf"|(?:A\.\s?D\.|AD)\s(?P<ad>{_YEAR})(?:{_DASH}(?P<ad2>\d{{1,4}}))?"
    rf"|(?:B\.\s?C\.|BC)\s(?P<bc>{_YEAR})"
    rf")(?![\w]|\.\w)"
)
# What a text holds where it may hold one (told before the pattern is tried)
_HINTS = ("BC", "AD", "B.C", "A.D", "CE", "C.E")


def may_hold(text: str) -> bool:
    """Whether `text` writes an era's abbreviation anywhere (most books never do)."""
    return any(h in text for h in _HINTS)


def texts_holding(joined: str, ends: list[int]) -> list[int]:
    """The indexes of the texts that write an era's abbreviation (`may_hold`), of texts joined
    into `joined` one character apart, each ending where `ends` says: found in one scan of
    the texts joined for all the abbreviations (most texts hold none)."""
    found: list[int] = []
    for _, at, _ in _HINT_SCAN.find_matches_as_indexes(joined, overlapping=True):
        k = bisect_right(ends, at)
        if k < len(ends) and (not found or found[-1] != k):
            found.append(k)
    return sorted(set(found))


_HINT_SCAN = ahocorasick_rs.AhoCorasick(list(_HINTS))


def year(n: int, before_era: bool) -> str:
    """A year as `att.datable.w3c` writes it: four digits at least, a minus before a year
    before the common era (no year zero: 1 BC is -0001)."""
    return f"-{n:04d}" if before_era else f"{n:04d}"


def era_dates(text: str) -> list[tuple[int, int, dict[str, str]]]:
    """The years with their era in `text`: (start, end, attributes), in order."""
    if not may_hold(text):
        return []
    out = []
    for m in _ERA_DATE.finditer(text):
        if m["ad2"]:  # "AD 155–220", "A.D. 1078–85" (its century's digits left out): a range
            first, written = int(m["ad"]), m["ad2"]
            second = int(m["ad"][: max(0, len(m["ad"]) - len(written))] + written)
            if second > first:
                out.append((m.start(), m.end(), {"from": year(first, False), "to": year(second, False)}))
            else:  # the ends do not run forward: the year alone
                out.append((m.start(), m.end("ad"), {"when": year(first, False)}))
            continue
        if m["ad"] or m["bc"]:
            out.append((m.start(), m.end(), {"when": year(int(m["ad"] or m["bc"]), bool(m["bc"]))}))
            continue
        before = m["era"].startswith("B")
        first = int(m["y1"])
        if m["y3"] or m["y4"]:  # "25 BC–AD 14", "31 B.C.-14 AD": from before the era into it
            if not before or m["y2"]:
                continue
            out.append((m.start(), m.end(), {"from": year(first, True), "to": year(int(m["y3"] or m["y4"]), False)}))
        elif m["y2"]:
            second = int(m["y2"])
            # the ends run forward: down before the era ("80–9 BC"), up after it ("630–649 AD")
            if (second >= first) if before else (second <= first):
                continue
            out.append((m.start(), m.end(), {"from": year(first, before), "to": year(second, before)}))
        else:
            out.append((m.start(), m.end(), {"when": year(first, before)}))
    return out


def with_eras(text: str, dates: list[tuple[int, int, dict[str, str]]]) -> list[tuple[int, int, dict[str, str]]]:
    """`dates` found in `text`, with its years with their era (`era_dates`): a year with its
    era stands in place of any date found inside or across it ("473" of "in 473 BC")."""
    eras = era_dates(text)
    if not eras and not dates:
        return dates
    kept = [_century_before_era(text, d) for d in dates if not any(s < d[1] and d[0] < e for s, e, _ in eras)]
    if not eras and all(k is d for k, d in zip(kept, dates)):
        return dates
    out = sorted(kept + eras, key=lambda d: d[0])
    for k in range(len(out) - 2, -1, -1):  # "April 26, A.D. 121": the day's year after it
        day, then = out[k], out[k + 1]
        when, year_after = day[2].get("when", ""), then[2].get("when", "")
        if (
            len(day[2]) == 1
            and when.startswith("--")
            and then in eras
            and list(then[2]) == ["when"]
            and _DAY_THEN_YEAR.fullmatch(text, day[1], then[0])
        ):
            out[k : k + 2] = [(day[0], then[1], {"when": year_after + when[1:]})]
    return out


_DAY_THEN_YEAR = re.compile(r",?\s")


_BEFORE_ERA_AFTER = re.compile(rf"\s(?:{_BEFORE})(?![\w]|\.\w)")
_CENTURY = 100


def _century_before_era(text: str, date: tuple[int, int, dict[str, str]]) -> tuple[int, int, dict[str, str]]:
    """A century, or a part of one, that the era after it puts before the common era, the
    era inside the span: "the 5th century BC" is 500 to 401 BC (notBefore="-0500"
    notAfter="-0401"), "the end of the 5th century BC" its last third, 434 to 401 BC (the
    part read as `dates` reads it, counted from the century's first year, 500 BC). Any other
    date as it is."""
    start, end, attrs = date
    low, high = attrs.get("notBefore", ""), attrs.get("notAfter", "")
    if not (low.isdigit() and high.isdigit()) or "century" not in text[start:end]:
        return date
    first, last = int(low), int(high)
    century = (first - 1) // _CENTURY + 1
    if (last - 1) // _CENTURY + 1 != century:
        return date
    m = _BEFORE_ERA_AFTER.match(text, end)
    if m is None:
        return date
    opening = (century - 1) * _CENTURY + 1  # the century's first year after the era
    rest = {k: v for k, v in attrs.items() if k not in ("notBefore", "notAfter")}
    # the years counted back from the century's first year before the era (500 BC)
    low_bc, high_bc = century * _CENTURY - (first - opening), century * _CENTURY - (last - opening)
    return (start, m.end(), {"notBefore": year(low_bc, True), "notAfter": year(high_bc, True), **rest})


def era_word(word: str) -> bool:
    """Whether a word is an era's abbreviation ("BC", "AD", "BCE", "CE"): no acronym of a body."""
    return _ERA_WORD.fullmatch(word) is not None


_ERA_WORD = re.compile(rf"{_BEFORE}|{_AFTER}")
