"""The tables ``tabletop simulate`` prints: per track, objectives, the cards that matter; strict beside linked."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from ..content import Scenario
from .game import STATUSES
from ..lang import Domain, decimal
from ..store.players import bots_word

_sim = Domain("sim")
_, ngettext, N_ = _sim.words()


def _cell(ch: str) -> int:
    """The cells a letter takes on a terminal: two for a wide one (CJK, most emoji), none for a combining mark."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _cut(name: str, width: int = 33) -> str:
    """A track's name in the table's first column, ``width + 1`` cells wide: a longer one cut with an ellipsis, as
    the board cuts it (it was cut mid-word without one, ``Water quality [link`` read as the name). Cells, not
    letters: a wide letter takes two, a combining mark none (found from outside: CJK names pushed the columns
    right, a stressed Russian vowel pulled them left)."""
    if sum(map(_cell, name)) > width:
        kept, used = [], 0
        for ch in name:
            if used + _cell(ch) > width - 1:
                break
            kept.append(ch)
            used += _cell(ch)
        name = "".join(kept).rstrip() + "\u2026"
    return name + " " * (width + 1 - sum(map(_cell, name)))


def format_table(report: Mapping[str, Any], names: Mapping[str, str] | None = None) -> str:
    """A readable table of a :func:`simulate` report."""
    names = names or {}
    games = report["games"] or 1
    # the policies in the room's words (found from outside: "боты mixed"); the actors by id, as typed in --bots
    bots = bots_word(report["bots"]) if isinstance(report["bots"], str) else \
        ", ".join(f"{k}={bots_word(v)}" for k, v in report["bots"].items())
    lines = [
        ngettext("{n} game of {ruleset} ({mode}), seed {seed}, bots {bots}, {seconds} s",
                 "{n} games of {ruleset} ({mode}), seed {seed}, bots {bots}, {seconds} s", report["games"]).format(
            n=report["games"], ruleset=report["ruleset"], mode=_mode(report["independence"]), seed=report["seed"],
            bots=bots, seconds=decimal(report['elapsed_s'], 2)),
        "",
    ]
    # a column is as wide as its head in the language shown (English: the widths it always had)
    heads = [_(_STATUS_HEADS[s]) for s in STATUSES]
    widths = [max(w, len(h) + 1) for h, w in zip(heads, (9, 11, 10, 8), strict=True)]
    rounds_head = _("rounds to agree")
    rounds_w = max(17, len(rounds_head) + 1)
    lines.append(f"{_('track'):<34}" + "".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True))
                 + f"{rounds_head:>{rounds_w}}")
    for tid, row in report["tracks"].items():
        mean = row["mean_rounds_to_agreement"]
        lines.append(
            _cut(names.get(tid, tid))
            + "".join(f"{decimal(100 * row[s] / games, 1):>{w - 1}}%" for s, w in zip(STATUSES, widths, strict=True))
            + f"{'-' if mean is None else decimal(mean, 1):>{rounds_w}}"
        )
    lines.append("")
    lines.append(_("agreements per game: {n}").format(n=decimal(report['agreements_per_game'], 2)))
    lines.append(_("objectives met (all of an actor's, share of games): {shares}").format(shares=", ".join(
        f"{names.get(a, a)} {100 * row['met'] / games:.0f}%" if row["per_objective"]
        # found from outside: an actor with no objectives read "0%", as if it could never win
        else _("{actor} (no objectives)").format(actor=names.get(a, a))
        for a, row in report["objectives"].items()
    )))
    lines.append(_("cards that matter most (agreements per game when drawn vs not): {cards}").format(cards=", ".join(
        f"{names.get(cid, cid)} {decimal(row['impact'], 2, signed=True)} "
        + ngettext("(drawn in {n} of {games} game)", "(drawn in {n} of {games} games)", report["games"]).format(
            n=row["games"], games=report["games"])
        for cid, row in top_cards(report, 5)
    ) or _("none to tell yet (too few games)")))
    return "\n".join(lines)


#: games a card must come up in, and not come up in, before its effect is told (one game's agreements are noise)
MIN_GAMES = 30


def top_cards(report: Mapping[str, Any], n: int) -> list[tuple[str, Mapping[str, Any]]]:
    """The cards with the largest effect on agreements, either way, among those that came up in at least
    :data:`MIN_GAMES` games and did not in as many."""
    games = report["games"]
    rows = [(cid, row) for cid, row in report["cards"].items() if row.get("impact") is not None
            and MIN_GAMES <= row.get("games", 0) <= games - MIN_GAMES]
    return sorted(rows, key=lambda kv: (-abs(kv[1]["impact"]), kv[0]))[:n]


def format_comparison(reports: Mapping[str, Mapping[str, Any]], names: Mapping[str, str] | None = None) -> str:
    """Strict and linked side by side: the workshop's main lesson, in numbers."""
    names = names or {}
    strict, linked = reports["strict"], reports["linked"]
    games = strict["games"] or 1
    ws, wl = max(9, len(_mode("strict")) + 1), max(8, len(_mode("linked")) + 1)
    head = f"{'':34}" + "".join(f"{_(_STATUS_HEADS[s]):>{ws + wl}}" for s in STATUSES)
    sub = f"{_('track'):<34}" + "".join(f"{_mode('strict'):>{ws}}{_mode('linked'):>{wl}}" for _col in range(4))
    lines = [
        ngettext("{n} game of {ruleset}, seed {seed}: the same game under strict and linked independence",
                 "{n} games of {ruleset}, seed {seed}: the same games under strict and linked independence",
                 strict["games"]).format(n=strict["games"], ruleset=strict["ruleset"], seed=strict["seed"]),
        "",
        head,
        sub,
    ]
    for tid in strict["tracks"]:
        row = _cut(names.get(tid, tid))
        for status in STATUSES:
            a = 100 * strict["tracks"][tid][status] / games
            b = 100 * linked["tracks"][tid][status] / games
            row += f"{decimal(a, 1):>{ws - 1}}%{decimal(b, 1):>{wl - 1}}%"
        lines.append(row)
    lines.append("")
    lines.append(_("agreements per game: strict {strict}, linked {linked}").format(
        strict=decimal(strict['agreements_per_game'], 2), linked=decimal(linked['agreements_per_game'], 2)))
    return "\n".join(lines)


def names_of(scenario: Scenario) -> dict[str, str]:
    """Names for the tables: tracks, actors and (by their titles) cards."""
    rs = scenario.ruleset
    cards = {c.id: c.title for c in scenario.deck.cards}
    return {**cards, **{t.id: t.name for t in rs.tracks}, **{a.id: a.name for a in rs.actors}}


def _mode(mode: str) -> str:
    """``strict`` or ``linked`` in words."""
    return _(_MODES[mode]) if mode in _MODES else mode


_MODES = {"strict": N_("strict"), "linked": N_("linked")}
_STATUS_HEADS = {"agreed": N_("agreed"), "collapsed": N_("collapsed"), "deferred": N_("deferred"), "open": N_("open")}


# Babel does not read inside f-strings: the words used in them, marked for the catalogue
_IN_FSTRINGS = (N_("track"),)
