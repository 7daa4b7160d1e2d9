"""Enrich: persons, places and dates in the text, linked to registers.

Passes, in order (each `apply(tei, ctx) -> tei`):
  registers  seed the person and place registers from the indexes (and an earlier run's)
  dates      date with ISO 8601 values
  persons    persName, linked to persons.xml
  places     placeName, linked to places.xml
"""

from __future__ import annotations

from ..convert.context import Context
from ..convert.header import build_header
from . import dates, persons, places, registers
from .matching import plain_text


def seed(tei, ctx: Context):
    """Build the registers the name passes link to: an earlier run's, completed from the indexes."""
    folder = ctx.registers_from
    person_reg = registers.Register("person", registers.load(folder, registers.PERSONS_FILE),
                                    build_header(ctx.book, ctx, "Register of persons"))
    place_reg = registers.Register("place", registers.load(folder, registers.PLACES_FILE),
                                   build_header(ctx.book, ctx, "Register of places"))
    registers.seed_persons(person_reg, tei, ctx.report)
    ctx.registers = {"person": person_reg, "place": place_reg}
    ctx.plain_text = plain_text(tei)
    return tei


def _places(tei, ctx: Context):
    place_register = registers.Places(ctx.registers["place"])
    registers.seed_places(place_register, tei, ctx.profile, ctx.person_words, ctx.report)
    return places.apply(tei, ctx)


# Dates go first: "4 May" is a date before "May" can be a person's surname.
PASSES = [
    ("registers", seed),
    ("dates", dates.apply),
    ("persons", persons.apply),
    ("places", _places),
]
