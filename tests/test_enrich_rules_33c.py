"""Names written in their own characters and then romanised (issue 18, `enrich.ownscript`),
read in Giles's Art of War (Standard Ebooks EPUB in the shared corpus), converted with the
default profile: the romanised run right after the characters it transcribes is a person's
name ("董卓 Tung Cho"), a place's after a preposition of place or "of" ("the town of 陳倉
Chʽên-tsʽang", "sent to 魏 Wei"), no name after an article (a work, "the 通典 Tʽung Tien")."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_marks import converted_epub, marked_texts
from teikit.enrich.ownscript import texts_with_own_script, transcribed_names
from teikit.tei import make


@pytest.fixture(scope="module")
def war(tmp_path_factory) -> Path:
    return converted_epub(tmp_path_factory, "sun-tzu_the-art-of-war_lionel-giles")


def test_a_romanised_name_of_two_words_after_its_characters_is_a_person(war):
    said = "and 董卓 Tung Cho were sent out against him"
    assert "Tung Cho" in marked_texts(war, said)
    said = "Tu Mu cites the unhappy case of 田布 Tʽien Pu"
    assert "Tʽien Pu" in marked_texts(war, said)


def test_a_romanised_word_after_its_characters_and_of_or_a_preposition_of_place_is_a_place(war):
    said = "was besieging the town of 陳倉 Chʽên-tsʽang"
    assert "Chʽên-tsʽang" in marked_texts(war, said, "placeName")
    said = "who was sent to 魏 Wei in 821 AD"
    assert marked_texts(war, said, "placeName") == ["Wei"]
    assert "Wei" not in marked_texts(war, said)  # no surname though "the Emperor Wei" is a man


def test_a_romanised_run_after_an_article_is_no_name(war):
    said = "the mournful parting at the 易 I River between"
    assert "I River" not in marked_texts(war, said)


def test_a_plain_text_writing_the_characters_inline_is_marked_so_too(tmp_path):
    # the Art of War's sentences, as a plain text of the book writes them (no language markup)
    from teikit.convert import convert
    from teikit.profile import load_profile

    source = tmp_path / "book.txt"
    source.write_text(
        "THE ART OF WAR\n\nCHAPTER I\n\nTu Mu cites the unhappy case of 田布 Tʽien Pu, who was sent to 魏 Wei "
        "in 821 AD with orders to lead an army against 王廷湊 Wang Tʽing-tsʽou.\n\nThe rebel 王國 Wang Kuo of 梁 "
        "Liang was besieging the town of 陳倉 Chʽên-tsʽang, and 董卓 Tung Cho was sent out against him.\n",
        encoding="utf-8",
    )
    convert(source, tmp_path / "out", profile=load_profile(), force=True)
    said = "Tu Mu cites the unhappy case of 田布 Tʽien Pu"
    assert {"Tʽien Pu", "Wang Tʽing-tsʽou"} <= set(marked_texts(tmp_path / "out", said))
    assert marked_texts(tmp_path / "out", said, "placeName") == ["Wei"]
    said = "The rebel 王國 Wang Kuo of 梁 Liang"
    assert {"Wang Kuo", "Tung Cho"} <= set(marked_texts(tmp_path / "out", said))
    assert marked_texts(tmp_path / "out", said, "placeName") == ["Liang", "Chʽên-tsʽang"]


def _found(sentence: str) -> list[tuple[str, bool]]:
    """The transcribed names of a sentence written inline, as a book without markup of
    languages writes it, read with a few words of the default profile."""
    texts = texts_with_own_script(make("p"), sentence)
    prepositions = {"in", "at", "to", "from"}
    return [
        (t.name, t.place)
        for t in transcribed_names(texts, prepositions, {"Duke", "King"}, {"the", "those"}, lambda w: w == "River")
    ]


def test_characters_written_inline_in_the_text_are_read_too():
    # sentences of the Art of War, as a plain text of the book writes them
    said = "The rebel 王國 Wang Kuo of 梁 Liang was besieging the town of 陳倉 Chʽên-tsʽang, and 董卓 Tung Cho"
    assert _found(said) == [("Wang Kuo", False), ("Liang", True), ("Chʽên-tsʽang", True), ("Tung Cho", False)]
    said = "in more recent years, those of 福康安 Fu-kʽang-an and 左宗棠 Tso Tsung-tʽang."
    assert _found(said) == [("Tso Tsung-tʽang", False)]  # "those of": no land's
    said = "Li Chʽüan cites the case of 苻堅 Fu Chien, prince of 秦 Chʽin, who marched against the 晉 Chin Emperor"
    assert _found(said) == [("Fu Chien", False), ("Chʽin", True)]


def test_a_roman_numeral_a_title_or_a_block_opening_is_no_name():
    assert _found("(Tso Chuan, 宣公 XII 3 ad fin.)") == []
    assert _found("The famous 五霸 of the 7th century BC were (1) 齊桓公 Duke Huan of Chʽi") == []
    assert _found("吳子 Wu Tzǔ, in 1 chüan or 6 篇 chapters.") == []


def test_a_place_so_found_is_no_surname_but_leaves_a_persons_name_that_opens_with_it_whole(war):
    said = "showing how the great battle of 邲 Pi (597 BC) was lost"
    assert "Pi" in marked_texts(war, said, "placeName")  # though "pi" is a syllable of "Hua-pi"
    assert "Pi" not in marked_texts(war, said)
    said = "See Chiu Tʽang Shu, ch. 84, fol. 12"
    assert marked_texts(war, said, "placeName") == []  # a work's title, beside "of 蜀 Shu"
    said = "compiled by 畢以珣 Pi I-hsün. As regards the body of the work"
    assert "Pi I-hsün" in marked_texts(war, said)


def test_a_run_the_book_sets_as_a_works_title_or_of_four_words_is_no_persons_name():
    # the Art of War's bibliography: "(2) 將苑 Chiang Yüan (1 chüan)", Chiang Yüan a <title>
    texts = ["Such are (1) the 十六策 Shih Liu Tsʽê; (2) 將苑 Chiang Yüan (1 chüan); and (3) 心書 Hsin Shu"]
    found = transcribed_names(texts, {"in"}, set(), {"the"}, lambda w: False, works={"Chiang Yüan"})
    assert [t.name for t in found] == ["Hsin Shu"]
    said = "a bibliographical information entitled 孫子敘錄 Sun Tzǔ Hsü Lu, compiled by 畢以珣 Pi I-hsün."
    assert [t.name for t in transcribed_names([said], {"in"}, set(), {"the"}, lambda w: False)] == ["Pi I-hsün"]
