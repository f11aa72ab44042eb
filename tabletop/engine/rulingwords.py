"""A ruling's working in plain words: the dice and their modifiers, the votes, a veto, an argument's
texts and odds, the facilitator's reason, a lapse. One wording for the screens, the replay viewer
and every report, as :mod:`tabletop.engine.wording` is for the rest; plain strings, no markup."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..content.arguments import ODDS, ODDS_START
from ..content.literal import literal, one_line
from ..content.vocabulary import signed
from .partwords import stock_said
from .records import Ruling
from .wording import (ODDS_WORDS, _, in_quotes, lapsed_word, named_source, ngettext, other_lang, recorded_reason,
                      status_name, typed, wanted_words)


def _who(ids: Sequence[str], names: Mapping[str, str]) -> str:
    return ", ".join(names.get(a, a) for a in ids)


def ruling_parts(
    ruling: Ruling, names: Mapping[str, str], *, screen: bool = False, brief: bool = False,
    readings: Sequence[int | str] | None = None, lang: str | None = None,
) -> list[str]:
    """The working of a ruling, part by part, without its outcome.

    Dice and modifiers, votes and a veto, or the facilitator's reason.

    Each modifier's source is named (``Mutual trust >= 5``). A report (the
    default) folds the reason to one line and says that an automatic move takes
    effect after the reveal; ``screen``: the reason's own lines, nothing for an
    automatic move. ``brief`` (a small screen): the modifiers that did not
    apply are counted, not listed. ``readings``: what each modifier read at
    the roll (:func:`~.review.roll_readings`), said beside it when known.
    ``lang``: the language the facilitator typed the reason in (its event's); read in another, the reason is
    quoted and marked ``«…» (ru)`` (:func:`~.wording.typed`).
    """
    parts: list[str] = []
    kind = ruling.resolution
    if ruling.set_aside:  # its track closed before it was settled: there is no working to tell
        return [_("set aside by the facilitator: nobody rolled, voted or ruled on it")]
    if kind == "dice":
        if len(ruling.dice) == 2:
            parts.append(_("rolled {first} + {second}").format(first=ruling.dice[0], second=ruling.dice[1]))
        idle = 0
        read = readings if readings is not None and len(readings) == len(ruling.modifiers) else None
        for i, mod in enumerate(ruling.modifiers):
            if brief and not mod.applies:
                idle += 1
                continue
            source = named_source(mod.source, names)  # "Mutual trust >= 5", on a screen as in a report
            if read is None:
                said = _("{amount} for {source}") if mod.applies else _("{amount} for {source} (not met at the roll)")
                parts.append(said.format(amount=signed(mod.add), source=source))
                continue
            value = status_name(read[i]) if isinstance(read[i], str) else read[i]
            said = (_("{amount} for {source} ({value} at the roll)") if mod.applies
                    else _("{amount} for {source} ({value} at the roll: not met)"))
            parts.append(said.format(amount=signed(mod.add), source=source, value=value))
        if len(ruling.dice) == 2 and len(parts) == 1:  # no modifier between: one sentence, not "rolled 4 + 5; = 9"
            parts[0] = _("rolled {first} + {second} = {total} vs target {target}").format(
                first=ruling.dice[0], second=ruling.dice[1], total=ruling.total, target=ruling.target)
        else:
            parts.append(_("= {total} vs target {target}").format(total=ruling.total, target=ruling.target))
        if idle:
            # why, in a word (found from outside: "3 modifiers did not apply" read as a fault of the roll)
            parts.append(ngettext("{n} other modifier did not apply: its condition was not met at the roll",
                                  "{n} other modifiers did not apply: their conditions were not met at the roll",
                                  idle).format(n=idle))
    elif kind == "consensus":
        parts.extend(vote_parts(ruling, names, needs=True))
    elif kind == "facilitator":
        # a reason tabletop recorded itself (a simulated facilitator's) in the words of the moment; a person's as typed
        given = recorded_reason(ruling.reason)
        reason = given if given is not None else literal(ruling.reason) if screen else one_line(ruling.reason)
        if given is None and reason:
            reason = typed(reason, other_lang(lang))
        parts.append(_("facilitator's reason: {reason}").format(reason=reason or _("(none given)")))
    elif kind == "auto" and not screen:
        # found from outside: "takes effect after the reveal" read as still to come, beside the reveal that did it
        parts.append(_("needs no vote: it acts at the reveal"))
    elif kind == "argue":
        parts.extend(argument_parts(ruling, names, screen=screen))
    return parts


def vote_parts(ruling: Ruling, names: Mapping[str, str], *, needs: bool = False) -> list[str]:
    """A vote's tally, part by part: who accepted, who rejected, (``needs``) the accepts it needed, who vetoed. The
    working's, and the words of the vote that settled it (:func:`~.telling.tell`)."""
    parts = [_("accepted: {actors}").format(actors=_who(ruling.accepted, names) or _("nobody")),
             _("rejected: {actors}").format(actors=_who(ruling.rejected, names) or _("nobody"))]
    if needs:
        threshold = ruling.threshold if isinstance(ruling.threshold, int) else 0
        parts.append(ngettext("needs {n} accepts", "needs {n} accepts", threshold).format(n=ruling.threshold))
    if ruling.vetoed_by:
        parts.append(_("vetoed by {actors}").format(actors=_who(ruling.vetoed_by, names)))
    return parts


def odds_label(label: str | None) -> str:
    """``very likely``: the odds of an argument by their id, in the language of the moment."""
    if label in ODDS_WORDS:
        return _(ODDS_WORDS[label])
    return one_line(str(label).replace("-", " "))


def odds_words(label: str | None) -> str:
    """``likely (6+ on two dice)``: the odds of an argument, and the roll they need."""
    if label is None:
        return _("(not set)")
    target = ODDS.get(label)
    words = odds_label(label)
    return _("{odds} ({target}+ on two dice)").format(odds=words, target=target) if target is not None else words


def argument_parts(ruling: Ruling, names: Mapping[str, str], *, screen: bool = False) -> list[str]:
    """An argument's working: the action, the result wanted, every reason and counter as typed (a deck's
    stock text, as bots argue, in the words of ``names``), the odds and who set them, the roll. Typed texts
    go through the sanitiser, quoted."""
    quoted = _quoting(names, screen)
    parts = argued_parts(ruling, names, screen=screen)
    marked = ruling.odds_by == "matrix"
    made = 0
    for actor, text in ruling.counters:
        who = names.get(actor, actor)
        if text is None:
            parts.append(_("{actor} did not counter").format(actor=who))
            continue
        strong = marked and len(ruling.reasons) + made in ruling.strong
        made += 1
        said = _("counter by {actor}: {text} (strong)") if strong else _("counter by {actor}: {text}")
        parts.append(said.format(actor=who, text=quoted(text)))
    parts.append(_odds_part(ruling, names))
    if len(ruling.dice) == 2:
        parts.append(_("rolled {first} + {second} = {total} vs target {target}").format(
            first=ruling.dice[0], second=ruling.dice[1], total=ruling.total, target=ruling.target))
    return parts


def argued_parts(ruling: Ruling, names: Mapping[str, str], *, screen: bool = False) -> list[str]:
    """What a team argued, before anyone answered: the action, the result wanted and every reason as typed (the
    first lines of :func:`argument_parts`; a report's argument withdrawn before its ruling has only these)."""
    quoted = _quoting(names, screen)
    parts = [_("action: {text}").format(text=quoted(ruling.text)), _("wants: {result}").format(result=_wanted_of(ruling))]
    marked = ruling.odds_by == "matrix"
    for i, reason in enumerate(ruling.reasons):
        said = _("reason {n}: {text} (strong)") if marked and i in ruling.strong else _("reason {n}: {text}")
        parts.append(said.format(n=i + 1, text=quoted(reason)))
    return parts


def _quoting(names: Mapping[str, str], screen: bool) -> Any:
    """A typed text, quoted: a stock text (a bot's) in the room's words; a team's own as typed, sanitised."""
    show = literal if screen else one_line

    def quoted(text: Any) -> str:
        said = stock_said(names, text) if isinstance(text, str) else None
        return in_quotes(show(said if said is not None else text))

    return quoted


def _wanted_of(ruling: Ruling) -> str:
    """The result an argument asked for: worded from its ``wanted`` (older saves recorded it in words)."""
    return wanted_words(dict(ruling.wanted)) if ruling.wanted else one_line(ruling.effect or "")


def _odds_part(ruling: Ruling, names: Mapping[str, str]) -> str:
    """``odds: likely (6+ on two dice), as the teams voted (…), confirmed by the facilitator``."""
    votes = "; ".join(f"{names.get(a, a)}: {odds_words(o)}" for a, o in ruling.votes)
    odds = odds_words(ruling.odds)
    if ruling.odds_by == "facilitator" and votes:
        said = _("odds: {odds}, set by the facilitator after the teams voted ({votes})")
    elif ruling.odds_by == "facilitator":
        said = _("odds: {odds}, set by the facilitator")
    elif ruling.odds_by == "vote":
        said = _("odds: {odds}, as the teams voted ({votes}), confirmed by the facilitator")
    elif ruling.odds_by == "matrix":
        return _matrix_part(ruling, odds)
    else:
        said = _("odds: {odds}")
    return said.format(odds=odds, votes=votes)


def _matrix_part(ruling: Ruling, odds: str) -> str:
    """``odds: likely (…), by the matrix: from even, 2 strong reasons and 1 strong counter make 1 step likelier``:
    how the matrix rule found the odds (``content.arguments``: one step likelier per strong reason, one less
    likely per strong counter, from even, within the scale), so the room can check it."""
    reasons = sum(1 for i in ruling.strong if i < len(ruling.reasons))
    counters = len(ruling.strong) - reasons
    net = reasons - counters
    reasons_said = (ngettext("{n} strong reason", "{n} strong reasons", reasons).format(n=reasons) if reasons
                    else _("no strong reason"))
    counters_said = (ngettext("{n} strong counter", "{n} strong counters", counters).format(n=counters) if counters
                     else _("no strong counter"))
    if net > 0:
        steps = ngettext("{n} step likelier", "{n} steps likelier", net).format(n=net)
    elif net < 0:
        steps = ngettext("{n} step less likely", "{n} steps less likely", -net).format(n=-net)
    else:
        steps = _("no step")
    labels = list(ODDS)
    # the scale has two steps each way: a third strong reason (or counter) moves the odds no further
    said = (_("odds: {odds}, by the matrix: from even, {reasons} and {counters} make {steps}")
            if 0 <= labels.index(ODDS_START) - net < len(labels) else
            _("odds: {odds}, by the matrix: from even, {reasons} and {counters} make {steps}; the odds go no further"))
    return said.format(odds=odds, reasons=reasons_said, counters=counters_said, steps=steps)


def ruling_text(ruling: Ruling | None, names: Mapping[str, str], readings: Sequence[int | str] | None = None,
                lang: str | None = None) -> str:
    """The working of a ruling in one line, with its outcome, as reports write it.

    ``rolled 3 + 4; +1 for Mutual trust >= 5; = 8 vs target 7 → succeeds``. ``lang``: as :func:`ruling_parts`.
    """
    if ruling is None:
        return ""
    text = "; ".join(ruling_parts(ruling, names, readings=readings, lang=lang))
    if ruling.resolution == "auto" and not ruling.lapsed:
        return text
    if ruling.lapsed:
        outcome = lapsed_word()
    elif ruling.success is not None:
        outcome = _("succeeds") if ruling.success else _("fails")
        if ruling.success and ruling.resolution == "argue" and (ruling.wanted or ruling.effect):
            outcome = _("succeeds: {result}").format(result=_wanted_of(ruling))
    else:
        return text
    return (text + " \u2192 " if text else "") + outcome


def ruling_lines(ruling: Ruling | None, names: Mapping[str, str], brief: bool = False,
                 readings: Sequence[int | str] | None = None) -> list[str]:
    """The working of a ruling as a screen shows it: one line of working, and one more if it lapsed."""
    if ruling is None:
        return []
    parts = ruling_parts(ruling, names, screen=True, brief=brief, readings=readings)
    if ruling.resolution == "argue":  # an argument's texts are long: one line each
        return parts + ([lapsed_word()] if ruling.lapsed else [])
    return (["; ".join(parts)] if parts else []) + ([lapsed_word()] if ruling.lapsed else [])


__all__ = ["argued_parts", "argument_parts", "odds_label", "odds_words", "ruling_lines", "ruling_parts", "ruling_text"]
