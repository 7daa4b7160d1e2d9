"""Dates: `date` for calendar expressions, with ISO 8601 values.

  23 November 1893       when="1893-11-23"
  August 1911            when="1911-08"
  5 March, 30th of July  when="--03-05"           (the text gives no year)
  20-29 November         from="--11-20" to="--11-29"
  in March               when="--03"              (a month named after in, by, since…)
  dekabr' 1927           when="1927-12"           (month names a profile pack gives: russian.toml)
  early July 1921        notBefore="1921-07-01" notAfter="1921-07-10"
  3-5 March 1921         from="1921-03-03" to="1921-03-05"
  1904-5, 1893-1917      from="1904" to="1905"
  early 1914, the 1890s  notBefore/notAfter       (parts of years, decades)
  spring 1932            notBefore="1932-03" notAfter="1932-05"
  1929                   when="1929"

A bare number is a year only between 1700 and 2099, and not when it is a volume,
page, archival file or count ("vol. 1923", "1917 workers"). Ages, durations and
ordinals ("13 years of age", "XV Party Congress") contain no month or year and
so are never matched.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

from ..context import Context
from ..tei import make
from ..textnodes import wrap
from .matching import SKIP, regions

MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
MONTHS.update(
    {
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "dec": 12,
    }
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
)
_YEAR = r"(?:1[7-9]\d\d|20\d\d)"
_DASH = r"\s?[-–—]\s?"
_ORD = r"(?:st|nd|rd|th)?"  # "30th of July"
_PART = {
    "early": (1, 4),
    "mid": (5, 8),
    "late": (9, 12),
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
}
_DECADE_PART = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_COUNTED = (
    r"(?:tons?|tonnes|people|persons|men|women|workers|members|delegates|roubles|rubles|"
    r"kilometres|km|miles|copies|votes|peasants|households|deaths|cases|%|per\b)"
)


@lru_cache(maxsize=8)
def _pattern(months: tuple[str, ...]) -> re.Pattern:
    """The date pattern, with the month names of another language a profile gives ("aprelya":
    a pack's [dates] months) beside the English ones."""
    own = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    month = _MONTH if not months else f"(?:{_MONTH[3:-1]}|{own})"
    starts = "".join(f"|{re.escape(p)}" for p in sorted({m[:3] for m in months}))
    return re.compile(
        rf"""
    \b(?=\d|Jan|Feb|Ma|Apr|Ju|Aug|Sep|Oct|Nov|Dec|[Ee]a|[Mm]i|[Ll]a|[Ss]p|[Ss]u|[Aa]u|[Ff]a|[Ww]i
        {starts})
    (?:(?P<dmy>(?P<d1>\d{{1,2}})(?:{_DASH}(?P<d2>\d{{1,2}}))?{_ORD}\s(?:of\s)?(?P<m1>{month})(?:,)?\s(?P<y1>{_YEAR})\b)
  | (?P<mdy>(?P<m2>{month})\s(?P<d3>\d{{1,2}}),\s(?P<y2>{_YEAR})\b)
  | (?P<md>(?P<m9>{month})\s(?P<d5>\d{{1,2}})\b(?![\d,.]\d|\s?{_COUNTED}))
  | (?P<dm>(?P<d4>\d{{1,2}})(?:{_DASH}(?P<d7>\d{{1,2}}))?{_ORD}\s(?:of\s)?(?P<m3>{month})(?![\w.]))
  | (?P<mmy>(?P<m4>{month}){_DASH}(?P<m5>{month})\s(?P<y3>{_YEAR})\b)
  | (?P<pmonth>(?P<mpart>[Ee]arly|[Mm]id|[Ll]ate)[\s-](?P<m7>{month})(?:\s(?P<y9>{_YEAR})\b)?)
  | (?P<my>(?P<m6>{month})(?:\sof)?\s(?P<y4>{_YEAR})\b)
  | (?P<decade>(?:(?P<dpart>early|mid|late)[\s-])?(?P<dec>1[7-9]\d0|20\d0)['’]?s\b)
  | (?P<part>(?P<pword>[Ee]arly|[Mm]id|[Ll]ate|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)
        (?:[\s-]|\sof\s)(?P<y5>{_YEAR})\b(?![-–]\d))
  | (?P<range>(?P<y6>{_YEAR})(?:{_DASH}|/)(?P<y7>\d{{1,4}})\b)
  | (?P<year>(?<![\d,.])(?P<y8>{_YEAR})\b(?![,.]\d|\s?{_COUNTED}))
  | (?P<bare>(?P<m8>January|February|March|April|May|June|July|August|September|October|November|December)
        \b(?!\s\d)))
""",
        re.X,
    )


_MONTH_CUE_BEFORE = re.compile(
    r"\b(?:in|by|until|till|since|from|during|of|to|and|or|early|late|end|before|after)\s$", re.I
)
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:\b(?:vol|vols|no|nos|pp?|f|op|d|ll?|t|fond|delo|opis|list|page|pages|"
    r"nr|ch|art|str)\.?\s?|[:#№])$",
    re.I,
)


def _month(name: str, months: Mapping[str, int] | None = None) -> int:
    key = name.rstrip(".").lower()
    return MONTHS[key] if key in MONTHS else (months or {})[name]


def _days(month: int, year: str) -> int:
    return calendar.monthrange(int(year) if year.isdigit() else 2000, month)[1]


def _span_year(first: str, second: str) -> str | None:
    """The end year of '1904-5', '1893-1917', '1932/33' — or None when it is no year range."""
    end = first[: 4 - len(second)] + second if len(second) < 4 else second
    return end if 0 < int(end) - int(first) <= 99 else None


def value(m: re.Match, months: Mapping[str, int] | None = None) -> dict[str, str] | None:
    """The ISO attributes of a matched date, or None when it is not a date after all."""
    g = m.groupdict()
    if g["dmy"]:
        mo, y = _month(g["m1"], months), g["y1"]
        if g["d2"]:
            if int(g["d2"]) <= int(g["d1"]):
                return None  # "20-4 November": a damaged range, no date to trust
            return {"from": f"{y}-{mo:02d}-{int(g['d1']):02d}", "to": f"{y}-{mo:02d}-{int(g['d2']):02d}"}
        return {"when": f"{y}-{mo:02d}-{int(g['d1']):02d}"}
    if g["mdy"]:
        return {"when": f"{g['y2']}-{_month(g['m2'], months):02d}-{int(g['d3']):02d}"}
    if g["md"]:
        return {"when": f"--{_month(g['m9'], months):02d}-{int(g['d5']):02d}"} if 1 <= int(g["d5"]) <= 31 else None
    if g["dm"]:
        mo, a, b = _month(g["m3"], months), int(g["d4"]), int(g["d7"] or 0)
        if not 1 <= a <= 31 or g["d7"] and not a < b <= 31:
            return None
        if g["d7"]:
            return {"from": f"--{mo:02d}-{a:02d}", "to": f"--{mo:02d}-{b:02d}"}
        return {"when": f"--{mo:02d}-{a:02d}"}
    if g["mmy"]:
        return {"from": f"{g['y3']}-{_month(g['m4'], months):02d}", "to": f"{g['y3']}-{_month(g['m5'], months):02d}"}
    if g["pmonth"]:
        mo, year = _month(g["m7"], months), g["y9"] or "-"
        a, b = {"early": (1, 10), "mid": (11, 20), "late": (21, _days(mo, year))}[g["mpart"].lower()]
        return {"notBefore": f"{year}-{mo:02d}-{a:02d}", "notAfter": f"{year}-{mo:02d}-{b:02d}"}
    if g["bare"]:
        return {"when": f"--{_month(g['m8'], months):02d}"}
    if g["my"]:
        return {"when": f"{g['y4']}-{_month(g['m6'], months):02d}"}
    if g["decade"]:
        lo, hi = _DECADE_PART.get(g["dpart"] or "", (0, 9))
        dec = int(g["dec"])
        return {"notBefore": str(dec + lo), "notAfter": str(dec + hi)}
    if g["part"]:
        word, y = g["pword"].lower(), int(g["y5"])
        if word == "winter":
            return {"notBefore": f"{y}-12", "notAfter": f"{y + 1}-02"}
        a, b = _PART[word]
        return {"notBefore": f"{y}-{a:02d}", "notAfter": f"{y}-{b:02d}"}
    if g["range"]:
        end = _span_year(g["y6"], g["y7"])
        return {"from": g["y6"], "to": end} if end else None
    if g["year"]:
        return {"when": g["y8"]}
    return None


def _valid_day(attrs: dict[str, str]) -> bool:
    for v in attrs.values():
        if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
            try:
                datetime.date.fromisoformat(v)
            except ValueError:
                return False
    return True


# Every date the pattern finds holds a digit, but a month's name alone ("in May") and a
# month after early, mid or late ("early marta"): a text with none of these is not searched
# (the pattern opens with a look-ahead, which `re` tries at every position). Month names of
# another language (a profile's [dates] months) are sought too.
_DIGIT = re.compile(r"\d")
_DATE_WITHOUT_DIGIT = re.compile(
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|early|Early|mid|Mid|late|Late"
)


def find_dates(text: str, months: Mapping[str, int] | None = None) -> list[tuple[int, int, dict[str, str]]]:
    """The dates of a text: (start, end, ISO attributes). `months`: month names of another
    language (a profile's [dates] months: "aprelya" -> 4)."""
    if not _DIGIT.search(text) and not _DATE_WITHOUT_DIGIT.search(text) and not any(m in text for m in months or ()):
        return []
    out = []
    for m in _pattern(tuple(months or ())).finditer(text):
        attrs = value(m, months)
        if attrs is None or not _valid_day(attrs):
            continue
        if m.group("bare") and not _MONTH_CUE_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        if (m.group("year") or m.group("range")) and _NOT_A_YEAR_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        out.append((m.start(), m.end(), attrs))
    return out


def apply(tei, ctx: Context):
    counts: Counter = Counter()

    def find(text: str):
        spans = []
        for start, end, attrs in find_dates(text, ctx.profile.months):
            spans.append((start, end, make("date", attrib=attrs)))
            counts["date"] += 1
        return spans

    for region in regions(tei):
        wrap(region, find, SKIP)
    ctx.report.counts["date"] = counts["date"]
    return tei
