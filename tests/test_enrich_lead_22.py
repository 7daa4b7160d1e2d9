"""Persons in books of the development corpus, the lead's rules of 2026-12-07: words that
answer or exclaim are no one's name, though a comma and "thou" follow them as they follow a
name spoken to."""

from __future__ import annotations

import pytest

from corpus_marks import converted_books, marks


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    return converted_books(tmp_path_factory, "lead22")


def test_an_answer_before_thou_is_no_name(converted):
    book = converted("aurelius-meditations-casaubon")
    said = "'But thou must have some rest.' Yes, thou must."
    assert "Yes" not in [text for text, _ in marks(book, said)]
    assert "Yes" not in [text for text, _ in marks(book, "What have I said? Yes, it was rightly said")]
    # a name a comma and "thou" follow is still one
    assert ("God", "god") in marks(book, "For without relation unto God, thou shalt never speed")
