"""Several saves side by side: the workshop's main lesson (DESIGN 4 and 6b).

The same scenario played under ``strict`` and under ``linked`` shows what the
independence principle changes. :func:`compare` lines up reports: each
save's outcome per track and its agreements, and for each group of saves
with the same ruleset, how often each track agreed, collapsed, was deferred
or stayed open.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..store.lines import canonical

from .words import STATUSES, save_name

if TYPE_CHECKING:
    from ..content import Scenario


def tell_apart(reports: Sequence[dict[str, Any]]) -> None:
    """Name each facilitator's report of saves with one file name from several folders by as much of its path as
    tells it from the others (``wsA/saves/workshop.jsonl``, ``wsB/saves/workshop.jsonl``): found from outside, two
    workshops' saves compared were both "workshop.jsonl", told apart only by their seeds. The participants' copy
    keeps no folder (its scenario has no ``path``); a name that clashes with none stays as it is."""
    clashing: dict[str, list[dict[str, Any]]] = {}
    for report in reports:
        if "path" in (sc := report["scenario"]):
            clashing.setdefault(sc["file"], []).append(sc)
    for scenarios in clashing.values():
        parts = [Path(sc["path"]).parts for sc in scenarios]
        for sc, own in zip(scenarios, parts, strict=True):
            others = [p for p in parts if p != own]  # (the same path twice is one file: nothing tells it apart)
            n = 1
            while n < len(own) and any(p[-n:] == own[-n:] for p in others):
                n += 1
            sc["file"] = str(Path(*own[-n:]))


def save_summary(index: int, report: dict[str, Any]) -> dict[str, Any]:
    """One save's line in a comparison."""
    sc, out = report["scenario"], report["outcome"]
    return {
        "index": index,
        "file": save_name(sc),
        **{key: sc[key] for key in ("path", "seed") if key in sc},  # not in the participants' copy
        "ruleset_id": sc["ruleset_id"],
        "ruleset_name": sc["ruleset_name"],
        "deck_id": sc["deck_id"],
        "independence": sc["independence"],
        "created": sc["created"],
        "rounds": out["rounds_played"],
        "over": out["over"],
        "end_known": out["end_known"],
        "end_reason": out["end_reason"],
        # the language the facilitator typed the end reason in (absent: the engine's reason, or none recorded)
        **({"end_lang": out["end_lang"]} if "end_lang" in out else {}),
        "agreements": out["agreements"],
        "damaged": report["damage"] is not None,
        "damage": report["damage"]["text"] if report["damage"] else None,
        **({"replayed": True} if sc.get("replayed_under") else {}),  # the paired report's replay
        "tracks": {
            t["id"]: {
                "status": t["status"],
                "provisional": t["provisional"],
                "since": t["since"],
                "position": t["position"],
                "top": t["top"],
                "rung": t["rung"],
                "tension": t["tension"],
                "lapsed": t["lapsed"],
                "provisional_round": t["provisional_round"],
            }
            for t in out["tracks"]
        },
    }


def content_of(scenario: Scenario) -> str:
    """A short hash of the ruleset and deck a save embeds, as this tabletop reads them: two saves of one ruleset
    id whose rules or cards differ (an old and a new version, a workshop's file edited between sessions) differ
    in it. Its phase timers are left out: a session started with ``--timer`` keeps the rules and cards it had (found
    from outside: two such sessions were called versions whose "rules or cards differ", their shares split)."""
    embedded = scenario.embedded()
    settings = {k: v for k, v in embedded["ruleset"].get("ruleset", {}).items() if k != "timers"}
    return hashlib.sha256(canonical({**embedded, "ruleset": {**embedded["ruleset"], "ruleset": settings}})).hexdigest()[:8]


def compare(reports: Sequence[dict[str, Any]], with_reports: bool = True,
            same_game: Mapping[int, tuple[int, int, int]] | None = None,
            contents: Sequence[str] | None = None) -> dict[str, Any]:
    """A comparison of several reports (JSON-serialisable).

    ``saves``: one summary per save, in the order given (``index`` from 1).
    ``tracks``: every track seen, in first-seen order. ``scenarios``: the saves by the tracks they are played on
    (``saves``, ``rulesets``: their ruleset names, ``tracks``): a strict and a linked save of the same tracks are one
    scenario, compared side by side; saves of another scenario are compared apart, nothing added up across them
    (found from outside: a river-basin save's tracks and agreements were put under a European-security save's).
    ``groups``: saves with
    the same ruleset (and deck), with each track's share of each final status
    and the mean round of agreement; shares are fractions of the group's games. ``sources``: the scenarios'
    descriptions, each once (where each comes from: a comparison opens with its source's credit, as a report
    does; found from outside, a paired or compared debrief did not). ``same_game``: a save (its index) whose events
    begin another's, ``(the other's index, its own events, the other's)``: one game, counted once in the shares, as the longer save
    (:func:`same_games`; found from outside: a damaged save beside its recovered copy, or a save beside a copy
    of it, weighed double). ``contents``: each save's :func:`content_of`; saves of one ruleset id whose contents
    differ are grouped apart, each such save and group labelled with its ``ruleset_version`` (``n`` of ``of``,
    in first-seen order, and the ``content`` hash), and ``ruleset_versions`` lists them (found from outside: an
    old and a new ``parallel-tracks`` were pooled into one statistic). Neither key where no id has two versions.
    """
    saves = [save_summary(i, r) for i, r in enumerate(reports, 1)]
    versions = _versions(saves, contents)
    tracks: dict[str, str] = {}
    for r in reports:
        for t in r["outcome"]["tracks"]:
            tracks.setdefault(t["id"], t["name"])
    same_game = dict(same_game or {})
    groups = _groups(saves, reports, set(same_game))
    sources: dict[str, None] = {}  # each scenario's description once, in first-seen order: its source's credit
    for r in reports:
        if described := " ".join(str(r["scenario"].get("description") or "").split()):
            sources.setdefault(described)
    return {
        "saves": saves,
        "tracks": [{"id": tid, "name": name} for tid, name in tracks.items()],
        "scenarios": _scenarios(saves, reports),
        "groups": [_group_shares(g) for g in groups.values()],
        **({"ruleset_versions": versions} if versions else {}),
        "damaged": [s["index"] for s in saves if s["damaged"]],
        # a save whose events begin another compared save's: one game, counted once, as the longer
        "same_game": [{"save": i, "in": j, "events": n, "of": m} for i, (j, n, m) in sorted(same_game.items())],
        "reports_included": with_reports,
        "sources": list(sources),
        # who the copy is for, said at its top as a single report says it (found from outside: a folder's copy for
        # the participants said it nowhere when its saves were too many for each one's report to follow)
        "audience": reports[0].get("audience") if reports else None,
    }


def _versions(saves: list[dict[str, Any]], contents: Sequence[str] | None) -> list[dict[str, Any]]:
    """Label each save of a ruleset id that comes in more than one content with its ``ruleset_version``; per such
    id, the saves of each version (see :func:`compare`)."""
    if contents is None:
        return []
    found: dict[str, dict[str, list[int]]] = {}  # ruleset id -> content -> its saves, in first-seen order
    for s, content in zip(saves, contents, strict=True):
        found.setdefault(s["ruleset_id"], {}).setdefault(content, []).append(s["index"])
    out = []
    for rid, by_content in found.items():
        if len(by_content) < 2:
            continue
        for n, (content, indices) in enumerate(by_content.items(), 1):
            for i in indices:
                saves[i - 1]["ruleset_version"] = {"n": n, "of": len(by_content), "content": content}
        out.append({"ruleset_id": rid, "versions": list(by_content.values())})
    return out


def _scenarios(saves: list[dict[str, Any]], reports: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The saves grouped by the tracks they are played on, in first-seen order (see :func:`compare`)."""
    found: dict[tuple[str, ...], dict[str, Any]] = {}
    for s, r in zip(saves, reports, strict=True):
        played_on = tuple(t["id"] for t in r["outcome"]["tracks"])
        group = found.setdefault(played_on, {
            "saves": [], "rulesets": [], "tracks": [{"id": t["id"], "name": t["name"]} for t in r["outcome"]["tracks"]]})
        group["saves"].append(s["index"])
        if s["ruleset_name"] not in group["rulesets"]:
            group["rulesets"].append(s["ruleset_name"])
    return list(found.values())


def by_scenario(comparison: Mapping[str, Any]) -> list[tuple[str | None, list[dict[str, Any]], list[dict[str, Any]]]]:
    """Per scenario: its title (its saves' ruleset names), its saves and the tracks to show them on. Saves of one
    scenario: one entry, untitled, with every save and every track."""
    scenarios = comparison.get("scenarios") or []
    if len(scenarios) <= 1:
        return [(None, comparison["saves"], comparison["tracks"])]
    index = {s["index"]: s for s in comparison["saves"]}
    return [(" / ".join(g["rulesets"]), [index[i] for i in g["saves"]], g["tracks"]) for g in scenarios]


def _groups(
    saves: list[dict[str, Any]], reports: Sequence[dict[str, Any]], left_out: set[int]
) -> dict[tuple[str, str, str, str], dict[str, Any]]:
    """The saves grouped by ruleset, deck, independence and the version of the ruleset (where an id has two),
    counting each track's final statuses (but for the saves
    ``left_out``: a game counted as another save)."""
    groups: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for s, r in zip(saves, reports, strict=True):
        if s["index"] in left_out:
            continue
        version = s.get("ruleset_version")
        key = (s["ruleset_id"], s["deck_id"], s["independence"], version["content"] if version else "")
        g = groups.get(key)
        if g is None:
            g = groups[key] = {
                **({"ruleset_version": version} if version else {}),
                "ruleset_id": s["ruleset_id"],
                "ruleset_name": s["ruleset_name"],
                "deck_id": s["deck_id"],
                "independence": s["independence"],
                "games": 0,
                "finished": 0,
                "saves": [],
                "agreements": 0,
                "tracks": {
                    t["id"]: {**dict.fromkeys(STATUSES, 0), "rounds_agreed": []}
                    for t in r["outcome"]["tracks"]
                },
            }
        g["games"] += 1
        g["finished"] += int(s["over"])
        g["saves"].append(s["index"])
        g["agreements"] += s["agreements"]
        for tid, t in s["tracks"].items():
            row = g["tracks"].setdefault(tid, {**dict.fromkeys(STATUSES, 0), "rounds_agreed": []})
            # a provisional agreement is not (yet) an agreement: it counts as open
            status = "open" if t["status"] == "agreed" and t["provisional"] else t["status"]
            row[status] += 1
            if status == "agreed" and t["since"] is not None:
                row["rounds_agreed"].append(t["since"])
    return groups


def _group_shares(g: dict[str, Any]) -> dict[str, Any]:
    """One group in the comparison: its saves, agreements per game, and each track's shares."""
    games = g["games"]
    shares = {}
    for tid, row in g["tracks"].items():
        agreed_rounds = row["rounds_agreed"]
        shares[tid] = {
            **{s: row[s] / games for s in STATUSES},
            "counts": {s: row[s] for s in STATUSES},
            "mean_round_agreed": round(sum(agreed_rounds) / len(agreed_rounds), 2) if agreed_rounds else None,
        }
    return {
        **({"ruleset_version": g["ruleset_version"]} if "ruleset_version" in g else {}),
        **{
            k: g[k]
            for k in (
                "ruleset_id",
                "ruleset_name",
                "deck_id",
                "independence",
                "games",
                "finished",
                "saves",
            )
        },
        "agreements_per_game": round(g["agreements"] / games, 3),
        "tracks": shares,
    }


def same_games(chains: Sequence[tuple[str, Sequence[str]]]) -> dict[int, tuple[int, int, int]]:
    """Which saves hold the same game: each save as ``(header chain, its events' chains)``, in order from index 1.
    A save whose chains begin another's (the same header, its last event's chain that save's at the same place)
    is the same game up to there: a damaged save and the copy ``resume`` went on in, a save and a copy of it. Each
    is mapped to the longest save holding it, ``(its index, the events they share, that save's events)``; of
    identical saves the first counts."""
    found: dict[int, tuple[int, int, int]] = {}
    for i, (header, events) in enumerate(chains, 1):
        best = None
        for j, (other_header, other) in enumerate(chains, 1):
            if j == i or other_header != header or len(other) < len(events):
                continue
            if len(other) == len(events) and j > i:
                continue  # identical: the first of them counts
            if events and other[len(events) - 1] != events[-1]:
                continue
            if best is None or len(other) > len(chains[best - 1][1]):
                best = j
        if best is not None:
            found[i] = (best, len(events), len(chains[best - 1][1]))
    return found
