"""Who played: each actor's seat (a human team or a bot) and the team's name, as a save's header records them.

The header's ``seats`` (actor id -> ``"human"`` or a bot policy) and optional
``teams`` (actor id -> the name a facilitator typed) are read tolerantly: a
save from before they were recorded, or a hand-edited header, gives "not
recorded" rather than an error. Team names are typed text: kept literally,
on one line and at most :data:`TEAM_NAME_MAX` characters long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..content.errors import did_you_mean
from ..lang import Domain

_store = Domain("store")
_, ngettext, N_ = _store.words()

HUMAN = "human"
#: The bot policies a save's seats may record (``tabletop.sim.POLICIES`` is this: the simulator plays them).
BOT_POLICIES = ("random", "cooperative", "hardliner")
#: The longest team name kept (a room's name for itself, not an essay).
TEAM_NAME_MAX = 60


def policy_word(policy: str) -> str:
    """A bot's policy id (``cooperative``...) as the room reads it, in the language of the moment: the start
    screen's seats, a console's bots, the report's players. An unknown policy is said as it is recorded."""
    words = {"random": _store.pgettext("bot", "random"), "cooperative": _store.pgettext("bot", "cooperative"),
             "hardliner": _store.pgettext("bot", "hardliner")}
    return words.get(policy, policy)


def bots_word(policy: str) -> str:
    """:func:`policy_word`, or ``mixed`` (a policy drawn per game, where none is named) as the room reads it: the
    bots of ``tabletop simulate`` and a sweep's bot keys (found from outside: ``sweep report --lang ru`` said
    ``mixed``, ``hardliner`` where simulate said «смешанные», «жёсткий»)."""
    # "mixed": content.sweepfile.MIXED, simulate's word for no --bots
    return _store.pgettext("bots", "mixed") if policy == "mixed" else policy_word(policy)


@dataclass(frozen=True)
class Player:
    """Who played one actor."""

    actor: str
    seat: str | None  # "human", a bot policy, or None when the save does not say
    team: str | None = None  # the human team's name, if one was given

    @property
    def is_bot(self) -> bool:
        return self.seat is not None and self.seat != HUMAN

    def as_data(self) -> dict[str, Any]:
        kind = "unknown" if self.seat is None else ("bot" if self.is_bot else "human")
        return {"actor": self.actor, "kind": kind, "bot": self.seat if self.is_bot else None, "team": self.team}


def clean_team_name(text: str) -> str:
    """A typed team name on one line, white space folded; raises ValueError when it is too long."""
    name = " ".join(str(text).split())
    if len(name) > TEAM_NAME_MAX:
        raise ValueError(ngettext("a team name is at most {limit} characters (this one has {n})",
                                  "a team name is at most {limit} characters (this one has {n})",
                                  len(name)).format(limit=TEAM_NAME_MAX, n=len(name)))
    return name


def players_of(header: Mapping[str, Any], actor_ids: Iterable[str]) -> list[Player]:
    """Each actor's player as the header records it, in the ruleset's order of actors."""
    seats = header.get("seats")
    teams = header.get("teams")
    seats = seats if isinstance(seats, Mapping) else {}
    teams = teams if isinstance(teams, Mapping) else {}
    out = []
    for actor in actor_ids:
        seat = seats.get(actor)
        team = teams.get(actor)
        name = " ".join(team.split())[:TEAM_NAME_MAX] if isinstance(team, str) else ""
        out.append(Player(actor, seat if isinstance(seat, str) and seat else None, name or None))
    return out


def recorded(header: Mapping[str, Any]) -> bool:
    """Does the header say who played at all (saves before seats were recorded do not)?"""
    return isinstance(header.get("seats"), Mapping) or isinstance(header.get("teams"), Mapping)


def parse_teams(specs: Iterable[str], actor_ids: Iterable[str]) -> dict[str, str]:
    """Team names as typed on the command line: ``ru=Delegation A`` (one per ``--team``), or several
    in one ``--teams ru=Delegation A,ua=Team Kyiv``.

    A comma starts the next team only where an actor id and ``=`` follow it,
    so a name may itself hold commas. Raises ValueError with a message for people.
    """
    ids = list(actor_ids)
    known = "|".join(re.escape(a) for a in sorted(ids, key=len, reverse=True))
    split = re.compile(rf",\s*(?=(?:{known})\s*=)") if known else None
    out: dict[str, str] = {}
    for spec in specs:
        for part in split.split(spec) if split else [spec]:
            actor, eq, name = part.partition("=")
            actor = actor.strip()
            if not eq or not actor:
                example = '{actor}="{name}"'.format(actor=ids[0] if ids else "ru", name=_("Delegation A"))
                raise ValueError(_("expected ACTOR=NAME, e.g. {example}, got '{part}'").format(example=example, part=part))
            if actor not in ids:
                raise ValueError(_("unknown actor '{actor}'{hint} (expected one of {ids})").format(
                    actor=actor, hint=did_you_mean(actor, ids), ids=", ".join(ids)))
            if actor in out:
                raise ValueError(_("two team names for '{actor}'").format(actor=actor))
            clean = clean_team_name(name)
            if not clean:
                raise ValueError(_("the team name for '{actor}' is empty").format(actor=actor))
            out[actor] = clean
    return out


def team_names(header: Mapping[str, Any], actor_ids: Iterable[str]) -> dict[str, str]:
    """Actor id -> the name its team was given (``--team``/``--teams``), as the header records it; typed text, kept
    as typed. The host's join lines and the facilitator's console both call the teams so."""
    return {p.actor: p.team for p in players_of(header, actor_ids) if p.team}
