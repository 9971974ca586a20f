"""Bulgarian Cyrillic in Latin letters (the official system) on the Latin-script languages' pages."""

from __future__ import annotations

import pytest

from gppkit.latin_letters import LATIN_SCRIPT_LANGUAGES, for_language, in_latin_letters, text_language


# Place names as Bulgaria's road signs and maps write them (Transliteration Act 2009).
@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("София", "Sofia"), ("Пловдив", "Plovdiv"), ("Стара Загора", "Stara Zagora"),
    ("Велико Търново", "Veliko Tarnovo"), ("Кърджали", "Kardzhali"), ("Пазарджик", "Pazardzhik"),
    ("Враца", "Vratsa"), ("Смолян", "Smolyan"), ("Ямбол", "Yambol"), ("Хасково", "Haskovo"),
    ("Търговище", "Targovishte"), ("Шумен", "Shumen"), ("Благоевград", "Blagoevgrad"), ("Русе", "Ruse"),
])
def test_bulgarian_place_names_are_written_as_the_official_system_writes_them(cyrillic: str, latin: str):
    assert in_latin_letters(cyrillic) == latin


def test_word_final_ia_abbreviations_and_other_scripts():
    assert in_latin_letters("Обл. София-град, ЕООД") == "Obl. Sofia-grad, EOOD"
    assert in_latin_letters("Ияков, история") == "Iyakov, istoria"  # "ия" becomes "ia" only where it ends a word
    for text in ("Rīga", "Łódź", "Klaipėda", "Jyväskylä", "Tartu 50090"):
        assert in_latin_letters(text) == text


def test_only_the_bulgarian_pages_keep_cyrillic():
    assert LATIN_SCRIPT_LANGUAGES == {"en", "lv", "fi", "pl"}
    assert [for_language("Пловдив", language) for language in ("bg", "en", "lv", "fi", "pl")] == \
        ["Пловдив", "Plovdiv", "Plovdiv", "Plovdiv", "Plovdiv"]


def test_a_text_in_bulgarian_cyrillic_is_marked_bulgarian():
    assert text_language("Община Зеленица") == "bg"
    assert text_language("Горнотракийска енергийна агенция – GPP") == "bg"
    assert text_language("SIA „Dzintarkrasta tekstils“") is None and text_language("Łódź") is None
