"""Plain-text wording that only the reports use: objectives, players, audiences, shares, the decision log.

Rulings, changes and statuses are worded once for screens and reports alike,
in :mod:`tabletop.engine.wording`. No markup here: each format escapes these
strings its own way. Text from a scenario, a deck or a facilitator is passed
through :func:`literal`, which makes control characters (an escape sequence in
a card) visible instead of letting them reach a terminal or a document.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..content.literal import literal, one_line  # noqa: F401 - the report formats take literal from here

#: Statuses in the order reports count them.
STATUSES = ("agreed", "collapsed", "deferred", "open")
#: How a participants' report names a sealed move that the save never revealed.
SEALED_MOVE = "a sealed move"


def played_by(player: Mapping[str, Any]) -> str:
    """Who played an actor, from a report's ``players`` row.

    ``played by Delegation A (human team)``, ``a human team``, ``bot: hardliner``,
    or ``not recorded in this save``. The team name is typed text: shown literally.
    """
    kind = player.get("kind")
    if kind == "bot":
        return f"bot: {one_line(player.get('bot'))}" if player.get("bot") else "a bot"
    if kind == "human":
        team = one_line(player.get("team"))
        return f"played by {team} (human team)" if team else "a human team"
    return "not recorded in this save"


def players_unrecorded(players: Sequence[Mapping[str, Any]]) -> bool:
    """True when the save says nothing about who played (saves from before seats were recorded)."""
    return all(p.get("kind") == "unknown" for p in players)


#: Said once instead of "not recorded" on every actor's line.
PLAYERS_UNRECORDED = "This save does not record who played: which actors were human teams and which were bots."


def audience_words(report: Mapping[str, Any]) -> str:
    """``the facilitator (everything)`` or ``the participants (without control notes, ...)``."""
    audience = report.get("audience") or {"for": "facilitator", "left_out": []}
    if audience["for"] == "facilitator":
        return "the facilitator (everything, control notes and secret objectives included)"
    return "the participants (left out: " + "; ".join(audience["left_out"]) + ")"


def secrets_left_out(report: Mapping[str, Any]) -> str:
    """A sentence under the objectives when the participants' report leaves secret ones out, else ``""``."""
    audience = report.get("audience") or {}
    if not any(x.startswith("secret objectives") for x in audience.get("left_out", [])):
        return ""
    if report["scenario"].get("reveal_objectives") == "never":
        return "Secret objectives are not shown: this scenario keeps them secret from the participants."
    return "Secret objectives are not shown: they are revealed in this report once the game is over."


def percent(share: float | None) -> str:
    return "\u2013" if share is None else f"{100 * share:.0f}%"


def games(n: int) -> str:
    return f"{n} game" if n == 1 else f"{n} games"


def lost_agreement(track: Mapping[str, Any], short: bool = False) -> str:
    """`` (provisional agreement of round 2 lapsed at the end)`` and the like, or ``""``."""
    rnd = track.get("provisional_round")
    if rnd is None or track.get("status") == "agreed":
        return ""
    if track.get("lapsed"):
        return (
            f" (provisional agreement of R{rnd} lapsed)"
            if short
            else (f" (provisional agreement of round {rnd} lapsed at the end: the package was not complete)")
        )
    if track.get("status") == "collapsed":
        return (
            f" (provisional agreement of R{rnd} lost)"
            if short
            else (f" (provisional agreement of round {rnd} lost in the collapse)")
        )
    return f" (provisionally agreed in R{rnd})" if short else f" (provisionally agreed in round {rnd})"


def move_detail(move: Mapping[str, Any]) -> str:
    """`` (global, auto, sealed, revealed at #12)``: how a move was played, in words."""
    parts = []
    if not move.get("track") and move.get("move_name") != SEALED_MOVE:
        parts.append("global")
    if move.get("resolution"):
        parts.append(str(move["resolution"]))
    if move.get("sealed"):
        parts.append(
            f"sealed, revealed at #{move['revealed_at']}"
            if move.get("revealed_at")
            else "sealed, not revealed in this save"
        )
    return f" ({', '.join(parts)})" if parts else ""


def answer_words(answer: Mapping[str, Any], esc: Callable[[str], str]) -> tuple[str, str]:
    """Who answered a card (or that it was just applied) and what it changed, escaped for the format."""
    who = (
        f"{esc(answer['actor_name'])} chose \u201c{esc(answer['choice'])}\u201d"
        if answer["choice"] is not None
        else "applied"
    )
    effect = "; ".join(esc(x) for x in answer["changes_text"]) or "no change on the board"
    return who, effect


def tabled_earlier(ruling: Mapping[str, Any], round_no: int) -> str:
    """``, tabled in round 2`` for a ruling on a proposal tabled in an earlier round, else nothing."""
    tabled = ruling["proposal_round"]
    return f", tabled in round {tabled}" if tabled not in (None, round_no) else ""


def set_aside_text(skipped: Mapping[str, Any]) -> str:
    """What became of a card the facilitator skipped or redrew."""
    if skipped.get("how") == "redrawn":
        return f"set aside by the facilitator's redraw (#{skipped['seq']})"
    return f"skipped by the facilitator (#{skipped['seq']})"


def share_rows(comparison: Mapping[str, Any], esc: Callable[[str], str], statuses: Sequence[str]) -> list[list[str]]:
    """Rows of the per-ruleset share table (track, ruleset, a share per status, mean round agreed).

    ``esc`` makes outside text safe for the format being written.
    """
    rows = []
    for t in comparison["tracks"]:
        for g in comparison["groups"]:
            row = g["tracks"].get(t["id"])
            if row is None:
                continue
            mean = row["mean_round_agreed"]
            rows.append(
                [
                    esc(t["name"]),
                    f"{esc(g['ruleset_id'])} ({esc(g['independence'])}, {games(g['games'])})",
                    *(percent(row[s]) for s in statuses),
                    "\u2013" if mean is None else f"{mean:.1f}",
                ]
            )
    return rows


def agreements_per_game(comparison: Mapping[str, Any], esc: Callable[[str], str]) -> str:
    return "; ".join(
        f"{esc(g['ruleset_id'])} ({esc(g['independence'])}) {g['agreements_per_game']:.2f}"
        for g in comparison["groups"]
    )


def working_parts(entry: Mapping[str, Any], esc: Callable[[str], str]) -> list[str]:
    """The working column of one decision-log entry, made safe with ``esc`` (notes not included)."""
    parts = []
    if entry["working"]:
        parts.append(esc(entry["working"]))
    if entry.get("reason") and not entry["working"] and entry["reason"].strip() not in entry["summary"]:
        parts.append("reason: " + esc(entry["reason"]))
    parts += [esc(c) for c in entry["changes_text"]]
    parts += [esc(n) for n in entry["effect_notes"]]
    parts += [esc(n) for n in entry["effect_log"]]
    if entry.get("sealed"):
        parts.append(
            f"sealed; revealed at #{entry['revealed_at']}" if entry["revealed_at"] else "sealed; not revealed in this save"
        )
    if entry.get("revealed"):
        parts.append("reveals " + ", ".join(f"#{s}" for s in entry["revealed"]))
    return parts


# -- "The principle in this game" --------------------------------------------


def _and(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _rounds_of(collapses: Sequence[Mapping[str, Any]]) -> str:
    ordered = sorted(collapses, key=lambda c: (c["round"] is None, c["round"] or 0))
    return _and([f"{one_line(c['track_name'])} collapsed in round {c['round']}" for c in ordered])


def stood_text(row: Mapping[str, Any]) -> str:
    """``Humanitarian agreed in round 4 while Borders collapsed in round 3 — the collapse did not touch it.``"""
    beside = row["beside"]
    which = "the collapse" if len(beside) == 1 else "the collapses"
    return (
        f"{one_line(row['track_name'])} agreed in round {row['round']} while {_rounds_of(beside)} "
        f"\u2014 {which} did not touch it."
    )


def _deal(c: Mapping[str, Any]) -> str:
    kind = "provisionally agreed" if c["from_provisional"] else "agreed"
    when = f" in round {c['agreed_round']}" if c.get("agreed_round") is not None else ""
    return f"{one_line(c['track_name'])} ({kind}{when})"


def cascade_text(step: Mapping[str, Any]) -> str:
    """``Round 3 (#14): Borders collapsed (…) — under the package deal Humanitarian (provisionally agreed in
    round 2) collapsed with it; Status of Ukraine and Track 2, still open, collapsed with it.``"""
    fell = step["brought_down"]
    deals = [c for c in fell if c["from"] == "agreed"]
    still_open = [c for c in fell if c["from"] != "agreed"]
    parts = []
    for to, verb in (("collapsed", "collapsed with it"), ("open", "was reopened"), ("deferred", "was deferred")):
        went = [_deal(c) for c in deals if c["to"] == to]
        if went:
            parts.append(f"{_and(went)} {verb if len(went) == 1 else verb.replace('was', 'were')}")
    if still_open:
        names = _and([one_line(c["track_name"]) for c in still_open])
        parts.append(f"{names}, still open, collapsed with it")
    why = f" ({one_line(step['summary'])})" if step.get("summary") else ""
    return (
        f"Round {step['round']}, #{step['seq']}: {one_line(step['cause']['track_name'])} collapsed{why} "
        "\u2014 under the package deal " + "; ".join(parts) + "."
    )


def principle_headline(
    independence: str,
    stood: Sequence[Mapping[str, Any]],
    collapses: Sequence[Mapping[str, Any]],
    cascade: Sequence[Mapping[str, Any]],
) -> str:
    """One sentence on what this game showed about the principle."""
    if cascade:
        lost = sum(1 for s in cascade for c in s["brought_down"] if c["from"] == "agreed")
        deals = games_word(lost, "provisional agreement")
        others = sum(len(s["brought_down"]) for s in cascade)
        return (
            f"Nothing is agreed until everything is agreed: {games_word(len(cascade), 'collapse')} "
            f"brought down {games_word(others, 'other track')}" + (f", {deals} among them." if lost else ".")
        )
    if stood:
        return (
            f"Not everything was agreed, yet {games_word(len(stood), 'agreement')} stood beside "
            f"{games_word(len(collapses), 'collapse')}: the failure of one track did not compromise the others."
        )
    if collapses and independence == "strict":
        return (
            f"{games_word(len(collapses), 'track')} collapsed and no agreement stood beside "
            f"{'it' if len(collapses) == 1 else 'them'}: the game did not put the principle to the test."
        )
    if collapses:
        return f"{games_word(len(collapses), 'track')} collapsed; no agreement stood beside a collapse."
    return "No track collapsed: every agreement here was reached without a failure beside it."


def games_word(n: int, word: str) -> str:
    """``1 collapse``, ``2 collapses``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def prompts_by_track(prompts: Sequence[Mapping[str, Any]]) -> list[tuple[str, list[Mapping[str, Any]]]]:
    """The report's discussion prompts grouped under their track's name, in the report's order."""
    out: list[tuple[str, list[Mapping[str, Any]]]] = []
    for p in prompts:
        if not out or out[-1][1][0]["track"] != p["track"]:
            out.append((str(p["track_name"]), []))
        out[-1][1].append(p)
    return out
