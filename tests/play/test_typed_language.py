"""The language a typed text is recorded in: Russian or Ukrainian where its Cyrillic letters say which; else the screen's.

Found from outside (hot seat, a room of Russian and Ukrainian speakers): a Russian argument typed while the
screen spoke Ukrainian was shown "… [uk]" on the Russian screen and marked ``lang="uk"`` in the HTML report, and
a Ukrainian counter typed on a Russian screen the other way round.
"""

from __future__ import annotations

import pytest

from tabletop.engine import Action
from tabletop.play.session import typed_in


@pytest.mark.parametrize(("text", "screen", "recorded"), [
    ("СЕКРЕТ: нейтралитет в обмен на гарантии", "uk", "ru"),  # the finding: Russian typed on a Ukrainian screen
    ("КОНТР УКР: нейтралітет без гарантій нічого не вартий", "ru", "uk"),  # and the other way round
    ("Объявить перемирие", "uk", "ru"),  # ы, ъ: Russian only
    ("Так", "uk", "uk"),  # too short to tell, no letter of one language only: the screen's
    ("Да", "ru", "ru"),
    ("Да", "en", "ru"),  # a Russian word, on an English screen too
    ("Ask the US why", "ru", "ru"),  # Latin letters: the session's language, as before
    ("Ask the US why", "en", "en"),
    ("2 + 2", "uk", "uk"),  # no letters at all: the screen's
    # found from outside: a Ukrainian line with none of «іїєґ» was Russian by its length, on a Ukrainian screen too
    ("Ми хочемо миру та безпеки", "uk", "uk"),
    ("Ми хочемо миру та безпеки", "ru", "uk"),  # its words (ми, хочемо, та) are Ukrainian ones
    ("Гарантуємо свободу вибору", "ru", "uk"),  # є
    ("Обмеження озброєнь", "ru", "uk"),
    ("Припинення вогню на кордоні", "ru", "uk"),  # і, and «-ння»
    ("Дотримання домовленостей", "ru", "uk"),  # «-ння» alone
    ("Будемо говорити про м'яку силу", "ru", "uk"),  # an apostrophe inside a word
    ("Согласие на перемирие", "uk", "ru"),  # «-ие»
    ("Мирный договор", "uk", "ru"),  # ы
    ("Если они согласны, то да", "uk", "ru"),  # если, они, да
    ("Безпека кордону", "uk", "uk"),  # nothing to tell by: the screen's
    ("Безопасность границы", "ru", "ru"),
    # found from outside: nothing to tell by on an English screen was Russian, «Безпека кордону» (Ukrainian) and
    # «Посередництво прийнято» (Ukrainian) marked "(ru)" on every screen: now marked in no language
    ("Безпека кордону", "en", None),
    ("Посередництво прийнято", "en", None),
    ("Посередництво прийнято", "uk", "uk"),
    ("Безопасность границы", "en", "ru"),  # ы
    # found from outside: a Russian reason quoting a Ukrainian place name was Ukrainian by its one ї
    ("Даже Київ это признаёт", "uk", "ru"),
    ("Навіть Москва це визнає, хоча это не её слова", "ru", "uk"),  # і, ц-е, є, та against э, ё, её
])
def test_a_note_is_recorded_in_the_language_of_its_letters(text: str, screen: str, recorded: str | None) -> None:
    assert typed_in(Action("note", about=0, text=text), screen).lang == recorded


def test_reasons_count_with_the_text_and_an_action_without_text_names_no_language() -> None:
    argued = Action("move", actor="ua", track="t", move="argue", text="Обмін полоненими",
                    reasons=("Це врятує життя",))
    assert typed_in(argued, "ru").lang == "uk"
    assert typed_in(Action("pass", actor="ru"), "uk").lang is None
    assert typed_in(Action("note", about=0, text="x", lang="ru"), "uk").lang == "ru"  # named already: kept
