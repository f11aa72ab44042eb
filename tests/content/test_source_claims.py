"""What the default scenario says of its source text, checked against the seed's own words.

A room of diplomats hears the debrief questions read aloud and the control
notes paraphrased. A review against ``shared/seed`` found texts that said
more than the seed does, or something else: the status compromise with one
of its four aims gone, Moscow's statement made stronger in the record, a
"bridge state" the seed never names, the package deal credited to the text
that argues against it. Each test here holds one of those claims to the
seed's wording, in English and in both translations (docs/seed-map.md).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tabletop.content.finding import BUNDLED

RULESETS = ("parallel-tracks", "parallel-tracks-linked")
DECK = "parallel-tracks-events"
LANGS = ("en", "ru", "uk")


def _file(kind: str, name: str, lang: str) -> dict[str, Any]:
    suffix = "" if lang == "en" else f".{lang}"
    path: Path = BUNDLED / kind / f"{name}{suffix}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _texts(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value)


def _every_text(lang: str) -> list[str]:
    files = [_file("rulesets", name, lang) for name in RULESETS] + [_file("decks", DECK, lang)]
    return [text for data in files for text in _texts(data)]


def _status_prompt(lang: str) -> str:
    deck = _file("decks", DECK, lang)
    if lang == "en":
        return next(p["text"] for p in deck["prompts"] if p["track"] == "ukraine-status" and "compromise" in p["text"])
    return deck["prompts"]["ukraine-status"]["prompts"][0]


def _track(lang: str, track: str) -> dict[str, Any]:
    data = _file("rulesets", "parallel-tracks", lang)
    return next(t for t in data["tracks"] if t["id"] == track) if lang == "en" else data["tracks"][track]


#: ¶4: "prevent any further unnecessary loss of life, enhance Ukraine's security, allow NATO states to save
#: face, and assuage Russian concerns all at once": four aims, the first of them the lives
LIVES = {"en": "loss of life", "ru": "излишние человеческие потери", "uk": "зайвим людським втратам"}
FOUR = {"en": "which of the four", "ru": "какой из четырёх", "uk": "якій із чотирьох"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_status_compromise_keeps_all_four_aims_of_the_text(lang: str) -> None:
    prompt = _status_prompt(lang)
    assert LIVES[lang] in prompt and FOUR[lang] in prompt.lower(), prompt
    assert LIVES[lang] in _track(lang, "ukraine-status")["description"]


#: ¶1: Russia "does not seek to extinguish Ukrainian statehood" (docs/glossary.md), not "it is not in question"
STATEHOOD = {"en": "does not seek to extinguish Ukrainian statehood",
             "ru": "не стремится ликвидировать украинскую государственность",
             "uk": "не прагне ліквідувати українську державність"}
STRONGER = {"en": "not in question", "ru": "не ставится под", "uk": "не ставиться під"}


@pytest.mark.parametrize("lang", LANGS)
def test_moscows_statement_is_recorded_in_the_texts_words(lang: str) -> None:
    """The log lines go into the decision record and the report: they say what the seed has Moscow say."""
    mentions = [t for t in _every_text(lang) if "statehood" in t or "государственност" in t or "державніст" in t]
    assert not [t for t in mentions if STRONGER[lang] in t]
    ruleset, deck = _file("rulesets", "parallel-tracks", lang), _file("decks", DECK, lang)
    if lang == "en":
        move = next(m for m in ruleset["moves"] if m["id"] == "statehood-statement")
        logs = [e["log"] for e in move["effects"] if "log" in e]
        card = next(c for c in deck["cards"] if c["id"] == "moscow-walks-back")
        logs += [e["log"] for choice in card["choices"] for e in choice["effects"] if "log" in e]
        meter = next(m for m in ruleset["meters"] if m["id"] == "opening")["description"]
    else:
        logs = ruleset["moves"]["statehood-statement"]["logs"] + deck["cards"]["moscow-walks-back"]["logs"]
        meter = ruleset["meters"]["opening"]["description"]
    assert len(logs) == 2 and all(STATEHOOD[lang] in line for line in logs), logs
    assert STATEHOOD[lang] in meter


#: ¶6 speaks of "bridge states" in general; ¶5's example of Ukraine's free choice is the EU, addressed to Moscow
NAMED_BRIDGE = {"en": "bridge state is", "ru": "государство-мост — это", "uk": "держава-міст — це"}


@pytest.mark.parametrize("lang", LANGS)
def test_no_text_says_the_source_names_a_bridge_state(lang: str) -> None:
    assert not [t for t in _every_text(lang) if NAMED_BRIDGE[lang] in t]


#: ¶2: "Not everything must be agreed for anything to be agreed": the package deal is what the text argues against
AGAINST = {"en": "argues against", "ru": "против которого выступает", "uk": "проти якого виступає"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_package_deal_is_not_credited_to_the_text(lang: str) -> None:
    description = _file("rulesets", "parallel-tracks-linked", lang)["ruleset"]["description"]
    assert AGAINST[lang] in description, description


#: ¶3: the United States and Russia, "where the parties (in principle) share" interests: the UK and France
#: at the table are nuclear powers too
PARTIES = {"en": ("United States and Russia", "in principle"), "ru": ("США и Россией", "в принципе"),
           "uk": ("США і Росією", "у принципі")}


@pytest.mark.parametrize("lang", LANGS)
def test_the_goodwill_track_is_between_the_two_parties_the_text_names(lang: str) -> None:
    description = _track(lang, "strategic-stability")["description"]
    assert all(words in description for words in PARTIES[lang]), description


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_a_statement_qualified_is_not_translated_as_softened(lang: str) -> None:
    """"Moscow's statement qualified": hedged with reservations, which hardens it; "softened" says the opposite."""
    cards = _file("decks", DECK, lang)["cards"]
    for card in ("moscow-walks-back", "west-walks-back"):
        words = " ".join(_texts(cards[card])).lower()
        assert "смягч" not in words and "пом'якш" not in words, card
        assert ("оговорк" if lang == "ru" else "застереж") in cards[card]["title"].lower()


def _actor(lang: str, actor: str) -> dict[str, Any]:
    data = _file("rulesets", "parallel-tracks", lang)
    return next(a for a in data["actors"] if a["id"] == actor) if lang == "en" else data["actors"][actor]


#: ¶1: Russia "considers the idea of security guarantees for Ukraine to be legitimate", not "they are legitimate"
IDEA = {"en": "considers the idea of security guarantees", "ru": "считает идею гарантий безопасности",
        "uk": "вважає ідею гарантій безпеки"}


@pytest.mark.parametrize("lang", LANGS)
def test_moscows_statement_on_guarantees_is_as_weak_as_the_texts(lang: str) -> None:
    """A second review: the move said guarantees "are legitimate", where the seed has Russia consider the idea so."""
    ruleset = _file("rulesets", "parallel-tracks", lang)
    if lang == "en":
        move = next(m for m in ruleset["moves"] if m["id"] == "statehood-statement")
        texts = [move["description"], *(e["log"] for e in move["effects"] if "log" in e)]
    else:
        move = ruleset["moves"]["statehood-statement"]
        texts = [move["description"], *move["logs"]]
    assert len(texts) == 2 and all(IDEA[lang] in text for text in texts), texts


#: ¶5 asks the Kremlin to acknowledge Ukraine's "right to free policy decisions"; ¶4 puts "the depth of its military
#: and intelligence relations with the West" under a compromise, so they are not among its free choices
TIES = {"en": "security ties with the West", "ru": "связи с Западом в сфере безопасности",
        "uk": "зв'язки із Заходом у сфері безпеки"}
FREE = {"en": "right to free policy decisions", "ru": "права на свободные политические решения",
        "uk": "права на вільні політичні рішення"}


@pytest.mark.parametrize("lang", LANGS)
def test_ukraine_is_not_given_what_the_text_asks_of_moscow(lang: str) -> None:
    """A second review: Ukraine's description offered "Russia's concerns respected" (what the seed asks of the
    Kremlin) and counted security ties with the West among its free choices (the seed puts them under ¶4's
    compromise)."""
    description = _actor(lang, "ua")["description"]
    assert FREE[lang] in description and TIES[lang] not in description, description
    assert "России" not in description and "Росії" not in description and "Russia" not in description


#: ¶3 calls only the strategic-stability track "a goodwill measure"; Track 2's endorsement "could be followed"
GOODWILL_MEASURE = {"en": "A goodwill measure", "ru": "Мера доброй воли", "uk": "Це крок доброї волі"}


@pytest.mark.parametrize("lang", LANGS)
def test_only_the_arms_track_is_called_the_goodwill_measure(lang: str) -> None:
    assert GOODWILL_MEASURE[lang] not in _track(lang, "track-two")["description"]


#: ¶6: the seed's bridge states are the in-between states; the mediating states are the scenario's own
SPIRIT = {"en": "in the spirit of", "ru": "в духе", "uk": "у дусі"}
SPHERES = {"en": "spheres of influence", "ru": "сфер влияния", "uk": "сфер впливу"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_mediators_are_the_scenarios_and_the_texts_thesis_reaches_the_room(lang: str) -> None:
    """A second review: the mediators were offered as the seed's bridge states, while nothing a player sees carried
    ¶6's thesis (spheres of influence modernised, space for bridge states). A question for every team now does,
    in the participants' copy too."""
    assert SPIRIT[lang] not in _actor(lang, "bridge")["description"]
    assert [p for p in _participants_prompts(lang) if SPHERES[lang] in p]


def _participants_prompts(lang: str) -> list[str]:
    """The debrief questions of the participants' copy; an overlay lists each track's in the base's order."""
    base = _file("decks", DECK, "en")["prompts"]
    if lang == "en":
        return [p["text"] for p in base if p.get("participants")]
    overlay = _file("decks", DECK, lang)["prompts"]
    out = []
    for track in dict.fromkeys(p["track"] for p in base):
        ours = [p for p in base if p["track"] == track]
        out += [text for p, text in zip(ours, overlay[track]["prompts"], strict=True) if p.get("participants")]
    return out


#: ¶4: "the norm of territorial integrity should be reaffirmed as a key pillar of the European security order", while
#: the border question "may have to be left open": the norm, not a state's borders, and left open, not frozen
NORM = {"en": "the norm of territorial integrity", "ru": "норму территориальной целостности",
        "uk": "норму територіальної цілісності"}
FROZEN = {"en": "freeze the question", "ru": "заморозить вопрос", "uk": "заморозити питання"}
#: ¶4: "allow NATO states to save face"
NATO_STATES = {"en": "NATO states", "ru": "государствам НАТО", "uk": "державам НАТО"}
NATO_ALONE = {"en": "lets NATO save", "ru": "позволит НАТО", "uk": "дасть НАТО"}


def _card(lang: str, card: str) -> dict[str, Any]:
    data = _file("decks", DECK, lang)
    return next(c for c in data["cards"] if c["id"] == card) if lang == "en" else data["cards"][card]


@pytest.mark.parametrize("lang", LANGS)
def test_the_declaration_reaffirms_the_norm_and_the_borders_are_left_open_not_frozen(lang: str) -> None:
    """Found by a review against the seed (helper-141): the first card of every game reaffirmed "territorial
    integrity" (read in the room as one state's borders), and a control note had Moscow offer to "freeze" the
    question the seed would leave open."""
    assert NORM[lang] in _card(lang, "integrity-declaration")["text"]
    assert not [t for t in _every_text(lang) if FROZEN[lang] in t.lower()]


@pytest.mark.parametrize("lang", LANGS)
def test_the_status_lets_nato_states_save_face(lang: str) -> None:
    assert NATO_STATES[lang] in _track(lang, "ukraine-status")["description"]
    assert not [t for t in _every_text(lang) if NATO_ALONE[lang] in t]


#: ¶4: "unnecessary loss of life": «напрасные» / «марні» read as "died for nothing", in a room with war dead
IN_VAIN = {"ru": re.compile(r"напрасн", re.IGNORECASE), "uk": re.compile(r"\bмарн", re.IGNORECASE)}


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_unnecessary_loss_of_life_is_not_translated_as_lives_lost_in_vain(lang: str) -> None:
    """Found from outside (helper-210): «напрасные потери жизней» / «марні втрати життів» in the status track's
    description, the debrief question on it and a stock argument; the seed says "unnecessary"."""
    overlays = sorted(BUNDLED.glob(f"*/*.{lang}.toml"))
    said = [(path.name, line) for path in overlays for line in path.read_text(encoding="utf-8").splitlines()
            if IN_VAIN[lang].search(line)]
    assert not said, said


#: ¶6 in our translation: the publisher's Russian version words "bridge states" otherwise (docs/glossary.md)
OURS_QUOTED = re.compile(r"«[^»]*(государств[а-я]*-мост|держав[а-яії]*-міст|держав[а-яії]*-мост)[^»]*»")


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_our_translation_of_bridge_states_is_not_set_out_as_a_quotation(lang: str) -> None:
    """Found from outside (helper-210): the debrief question put «пространство для процветания государств-мостов»
    in quotation marks, as the source's words; its publisher's own Russian version says otherwise."""
    quoted = [t for t in _every_text(lang) if OURS_QUOTED.search(t)]
    assert not quoted, quoted
    assert [p for p in _participants_prompts(lang) if "-мост" in p or "-міст" in p or "-мости" in p]


def test_the_russian_titles_and_notes_say_what_the_english_says() -> None:
    """Found from outside (helper-210): «чего для них стоило это заявление» reads "what it cost them" (the English:
    "what the statement was worth to them"); «Совбез» / «Радбез» are colloquial in a title (docs/glossary.md:
    Совет безопасности / Рада безпеки); «Углублению связей велят ждать границ» is not Russian anyone says."""
    ru, uk = (_file("decks", DECK, lang)["cards"] for lang in ("ru", "uk"))
    assert "стоило" not in ru["moscow-walks-back"]["control_note"]
    assert ru["security-council-red-lines"]["title"].startswith("Совет безопасности")
    assert uk["security-council-red-lines"]["title"].startswith("Рада безпеки")
    assert "велят" not in ru["borders-first-demand"]["title"] and "велять" not in uk["borders-first-demand"]["title"]
    said = " ".join(t for lang in ("ru", "uk") for t in _every_text(lang))
    assert "Совбез" not in said and "Радбез" not in said
