"""Words that outside testers found wrong in a workshop held in Russian and Ukrainian."""

from __future__ import annotations

import re

import pytest

from tabletop.lang import Domain, using

ENGINE, TUI, REPORT = (Domain(d) for d in ("engine", "tui", "report"))


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_a_move_tabled_for_consensus_is_not_put_to_a_vote(lang: str) -> None:
    """The log said «выносится на голосование» where the report said «(консенсус)» for the same move:
    a consensus is not a vote."""
    with using(lang):
        tabled = ENGINE.gettext("tabled for consensus")
        reported = REPORT.gettext("consensus")
    assert reported in tabled and "голосуван" not in tabled, (tabled, reported)


@pytest.mark.parametrize(("lang", "term"), [("ru", "служебное примечание"), ("uk", "службова примітка")])
def test_a_control_note_has_one_name(lang: str, term: str) -> None:
    """«Скрыто от зала: заметка ведущего …» beside «служебное примечание» everywhere else: «заметка» / «нотатка» is
    the name of the n key's notes, which the room and the reports see."""
    with using(lang):
        hidden = [TUI.gettext("the card's control note")] + [
            TUI.ngettext("the card's control note and {n} secret objective",
                         "the card's control note and {n} secret objectives", n).format(n=n) for n in (1, 2, 5, 21)]
    assert all(s.startswith(term) for s in hidden), hidden


def test_ukrainian_has_one_genitive_of_file() -> None:
    """«немає такого файла» in the report's and the command line's messages, «…файлу» in the others: the
    Ukrainian genitive of файл is файлу."""
    from tests.lang.test_terms import _translations

    said = [s for s in _translations("uk") if re.search(r"\bфайла\b", s)]
    assert not said, said
    with using("uk"):
        assert REPORT.gettext("no such file") == "немає такого файлу"


@pytest.mark.parametrize(("lang", "term", "other"), [("ru", "разбор", r"разбор\w* итог"),
                                                     ("uk", "розбір", r"обговорення підсумків")])
def test_the_debrief_has_one_name(lang: str, term: str, other: str) -> None:
    """The glossary said «обговорення підсумків» while the report's title said «Розбір: …» and the card notes the
    other: one term, the short one the interface uses (docs/glossary.md)."""
    from tabletop.content.finding import BUNDLED
    from tests.lang.test_terms import _translations

    overlays = [p.read_text(encoding="utf-8") for p in sorted(BUNDLED.glob(f"*/*.{lang}.toml"))]
    assert not [s for s in _translations(lang) + overlays if re.search(other, s.lower())]
    with using(lang):
        assert REPORT.gettext("Debrief: {name}").lower().startswith(term)
    glossary = (BUNDLED.parents[1] / "docs" / "glossary.md").read_text(encoding="utf-8")
    row = next(line for line in glossary.splitlines() if line.startswith("| debrief"))
    said = row.split("|")[2 if lang == "ru" else 3].strip()
    assert said.startswith(term) and not re.match(other, said), row


@pytest.mark.parametrize(("lang", "strict", "linked"), [("ru", "строгая", "связанная"), ("uk", "сувора", "пов'язана")])
def test_validate_words_a_ruleset_s_independence(lang: str, strict: str, linked: str) -> None:
    """`tabletop --lang uk validate` printed "strict" and "linked" raw where the start screen says «сувора»."""
    from tabletop.content import load_scenario
    from tabletop.content.finding import bundled_rulesets
    from tabletop.content.pairing import describe_ruleset

    said = {}
    for path in bundled_rulesets():
        with using(lang):
            said[path.stem] = describe_ruleset(load_scenario(path).ruleset)
    assert said["parallel-tracks"].endswith(strict) and said["parallel-tracks-linked"].endswith(linked), said
    words = [s.rsplit(",", 1)[1] for s in said.values()]
    assert not [w for w in words if "strict" in w or "linked" in w], said


@pytest.mark.parametrize("lang", ["ru", "uk"])
@pytest.mark.parametrize("kind", ["ruleset", "deck"])
def test_a_missing_ruleset_or_deck_is_named_in_the_language(lang: str, kind: str) -> None:
    """`play --ruleset nope` said «нет файла (ruleset) или встроенного id (ruleset) 'nope'»."""
    from tabletop.content.errors import ContentError
    from tabletop.content.finding import resolve

    with using(lang), pytest.raises(ContentError) as raised:
        resolve("nope-no-such-id", kind)
    said = str(raised.value)
    assert "nope-no-such-id" in said and kind not in said.replace("nope-no-such-id", ""), said
    assert ("правил" if kind == "ruleset" else "колод") in said, said


@pytest.mark.parametrize(("lang", "said"), [("ru", "смоделированное решение"), ("uk", "змодельоване рішення")])
def test_a_simulated_ruling_s_reason_reads_in_the_language(lang: str, said: str) -> None:
    """A report of a `simulate --save-dir` game in Ukrainian showed "simulated ruling", the English the save keeps."""
    from tabletop.engine.wording import recorded_reason
    from tabletop.sim.facilitator import REASON

    with using(lang):
        assert recorded_reason(REASON) == said
    with using("en"):
        assert recorded_reason(REASON) == REASON


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_a_tracks_position_and_progress_are_named_as_the_glossary_names_them(lang: str) -> None:
    """Found from outside (helper-210): a card read «продвижение +1» and, below, «позиция ≤ 0», while the glossary
    named progress and rung but not the position every screen shows: a facilitator checking the words found two
    for one thing. The glossary names each, as the engine's catalogue says it."""
    from tabletop.content.finding import BUNDLED

    glossary = (BUNDLED.parents[1] / "docs" / "glossary.md").read_text(encoding="utf-8")
    column = 2 if lang == "ru" else 3
    rows = {name: next(line for line in glossary.splitlines() if line.startswith(f"| {name}")).split("|")[column]
            for name in ("rung", "position", "progress +1")}
    rung, progress = (w.strip() for w in rows["rung"].split(";"))
    with using(lang):
        assert ENGINE.gettext("position {range}").format(range="\u2264 0").startswith(rows["position"].strip())
        assert ENGINE.gettext("progress {amount}").format(amount="+1") == rows["progress +1"].strip()
        assert ENGINE.gettext("progress {amount}").startswith(progress)
    assert rung in ("ступень", "щабель")


@pytest.mark.parametrize(("lang", "odd", "said"), [("ru", "что бы ни показали", "ничего бы не изменили"),
                                                    ("uk", "хоч би що показали", "нічого не змінили б")])
def test_a_lapsing_move_s_dialog_says_nothing_would_change_it(lang: str, odd: str, said: str) -> None:
    """Found from outside (helper-242, uk): «…зірвано, хоч би що показали кидок, голосування чи рішення» — a ruling
    "shows" nothing; the dialog says a roll, a vote or a ruling would no longer change anything."""
    with using(lang):
        text = Domain("play").gettext(
            "{why}: {whose} lapses, whatever a roll, a vote or a ruling would say. Nobody rolls, votes or rules on "
            "it; the facilitator sets it aside (what was paid for it stays paid).").format(why="WHY", whose="WHOSE")
    assert odd not in text and said in text and text.startswith("WHOSE"), text


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_a_lapsed_deal_on_the_end_screen_has_no_pronoun_to_agree(lang: str) -> None:
    """Found from outside (helper-242): «Якість води ○ ВІДКРИТО (його попередня угода втратила чинність…)» — «його»
    does not agree with a feminine track's name (nor ru «его» with a plural one); the report's wording has none."""
    with using(lang):
        said = TUI.gettext(" (its provisional agreement lapsed at the end: the package was not complete)")
    assert not re.search(r"\b(його|її|їх|его|её|их)\b", said), said
