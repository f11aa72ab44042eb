"""A sweep's summary as Markdown, or as one self-contained HTML page with an inline SVG chart per outcome and key.

The numbers are :mod:`.sweepdata`'s. For each key the sweep varied, and
each track, a chart shows the share of games the track ended agreed,
collapsed, deferred or open against the key's values (the other keys'
games pooled); one more shows the agreements per game.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from ..content.grammar import independence_word
from ..content.literal import one_line
from .charts import Series, line_chart
from .htmlparts import e, page, table
from .mdrounds import esc
from .sweepdata import STATUSES, short_points, sweep_title
from .words import status_head
from ..lang import Domain, decimal
from ..store.players import bots_word

_, ngettext, N_ = Domain("report").words()


def _pct(x: Any) -> str:
    return "\u2013" if x is None else f"{decimal(100 * x, 1)}%"


def _num(x: Any, digits: int = 2) -> str:
    return "\u2013" if x is None else decimal(x, digits)


#: the normal quantile of a two-sided 95 % interval
_Z95 = 1.96


def wilson(share: float, games: int) -> tuple[float, float]:
    """The 95 % Wilson interval of a share of ``games`` games, in percent (a share of 0 or 1 still has one)."""
    if games <= 0:
        return 0.0, 100.0
    z2 = _Z95 * _Z95
    centre = (share + z2 / (2 * games)) / (1 + z2 / games)
    half = _Z95 * math.sqrt(share * (1 - share) / games + z2 / (4 * games * games)) / (1 + z2 / games)
    return 100 * max(0.0, centre - half), 100 * min(1.0, centre + half)


def _worst_margin(games: int) -> float:
    """The widest half-interval a share of ``games`` games can have (a share of one half), in percentage points."""
    return 100 * _Z95 * 0.5 / math.sqrt(games)


def _numbers(values: Sequence[Any]) -> list[float] | None:
    """The key's values as numbers when every one is (then the chart spaces them as numbers), else None."""
    if len(values) < 2 or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                                  for v in values):
        return None
    return [float(v) for v in values]


def _md(value: Any) -> str:
    """A sweep's word for Markdown: literal, one line, its punctuation escaped (:func:`.mdrounds.esc`, as the game
    report's), but an underscore inside a word, which starts no emphasis (``borders_breakdown_at`` reads as itself)."""
    return _INWORD_UNDERSCORE.sub("_", esc(value))


_INWORD_UNDERSCORE = re.compile(r"(?<=[^\W_])\\_(?=[^\W_])")


def _fence(code: str) -> str:
    """A code fence longer than any run of backticks in ``code`` (a folder named with three cannot close it)."""
    return "`" * max(3, 1 + max((len(run) for run in re.findall("`+", code)), default=0))


def _scenario_words(plan: dict[str, Any]) -> tuple[str, str]:
    """The ruleset and the deck as the summary names them: by their ids for a bundled scenario unchanged; else the
    ruleset's file, its id and the scenario's content hash, and whether it is a bundled one modified (found from
    outside: a sweep of an edited copy of the bundled ruleset was named word for word as the bundled scenario)."""
    ruleset, deck = str(plan["ruleset"]), str(plan["deck"])
    origin = plan.get("origin")
    if not isinstance(origin, dict):  # a folder from before the origin was kept: its ids, as it always said
        return ruleset, deck
    given = origin.get("deck")
    if isinstance(given, str) and given != deck:
        deck = f"{given} ({deck})"  # untranslated: a file as the sweep file names it, and its id
    own = origin.get("ruleset_deck")
    if isinstance(own, str) and own != plan["deck"]:  # a base setting that is not the scenario's own
        deck = _("{deck}, not the ruleset's own deck {own}").format(deck=deck, own=own)
    if origin.get("bundled") == "same":
        return ruleset, deck
    sha = str(plan.get("scenario", ""))
    which = _("modified: scenario {sha}") if origin.get("bundled") == "modified" else _("scenario {sha}")
    which = which.format(sha=sha)
    named = origin.get("ruleset") if isinstance(origin.get("ruleset"), str) else ruleset
    # untranslated: the file as the sweep file names it, then what it is, each in the room's words
    return (f"{named} ({which})" if named == ruleset else f"{named} ({ruleset}, {which})"), deck


def _fixed_bots(plan: dict[str, Any]) -> str | None:
    """The bots every game played with, in a sentence, or None: each actor whose policy (not the mix) is the same at
    every point, by ``[sweep]``'s ``bots`` or a key of one value (found from outside: ``bots = { ru = "hardliner" }``
    was said nowhere in the report)."""
    at = [p.get("bots") if isinstance(p.get("bots"), dict) else {} for p in plan["points"]]
    if not at:
        return None
    fixed = {a: at[0][a] for a in plan["actors"]
             if isinstance(at[0].get(a), str) and all(b.get(a) == at[0][a] for b in at)}
    if not fixed:
        return None
    if len(fixed) == len(plan["actors"]) and len(set(fixed.values())) == 1:
        said = _("every team ({policy})").format(policy=bots_word(next(iter(fixed.values()))))
    else:
        said = ", ".join(_("{actor} ({policy})").format(actor=plan["actors"][a]["name"], policy=bots_word(policy))
                         for a, policy in fixed.items())
    return _("Bots fixed in every game: {bots}.").format(bots=said)


def unfinished(summary: dict[str, Any]) -> list[str]:
    """What an unfinished sweep lacks, in sentences: the games missing, the points with none, those short of games
    (the document says them, and the command on the terminal)."""
    missing = summary["expected"] - summary["games"]
    if missing <= 0:
        return []
    running = summary.get("running")
    if running:
        lines = [ngettext("The sweep is still running in this folder ({who}): {n} game is not written yet; report "
                          "it again when the sweep ends.",
                          "The sweep is still running in this folder ({who}): {n} games are not written yet; report "
                          "it again when the sweep ends.", missing).format(who=running, n=missing)]
    elif running is not None:
        lines = [ngettext("The sweep is still running in this folder: {n} game is not written yet; report it again "
                          "when the sweep ends.",
                          "The sweep is still running in this folder: {n} games are not written yet; report it again "
                          "when the sweep ends.", missing).format(n=missing)]
    else:
        lines = [ngettext("The sweep is not finished: {n} game is missing (run it again with --resume).",
                          "The sweep is not finished: {n} games are missing (run it again with --resume).",
                          missing).format(n=missing)]
    # found from outside: a point with no games was left out of the tables without a word
    empty, short = short_points(summary)
    if empty:
        lines.append(ngettext("Point {points} has no games yet.", "Points {points} have no games yet.",
                              len(empty)).format(points=", ".join(map(str, empty))))
    if short:
        counts = ", ".join(_("point {point}: {n} of {games}").format(point=p, n=n, games=summary["plan"]["games"])
                           for p, n in short)
        lines.append(_("Fewer games than planned so far: {counts}.").format(counts=counts))
    return lines


def inert(summary: dict[str, Any]) -> list[str]:
    """The keys that change no game, each in the sweep's own sentence (found from outside: the report showed
    collapses by such a key, 5.0% against 20.0%, which were chance)."""
    from ..content.sweepfile import inert_words

    keys = summary["plan"].get("inert")
    return [inert_words(k) + "." for k in keys if isinstance(k, str)] if isinstance(keys, list) else []


def notices(summary: dict[str, Any]) -> list[str]:
    """What the terminal is told besides the document: what is unfinished, and which keys change no game."""
    return [*unfinished(summary), *inert(summary)]


def _head(summary: dict[str, Any]) -> list[str]:
    """The summary's opening sentences, plain (each format escapes them whole: :func:`_md`, ``e``)."""
    plan = summary["plan"]
    keys = ", ".join(plan["keys"]) or _("none")
    done = summary["games"]
    ruleset, deck = _scenario_words(plan)
    points = len(plan["points"])
    # two numbers, each with its noun: the points in a phrase of their own
    where = ngettext("{points} point", "{points} points", points).format(points=points)
    lines = [
        ngettext("{done} of {expected} games in {where} ({games} per point), ruleset {ruleset}, deck {deck}, master "
                 "seed {seed}.",
                 "{done} of {expected} games in {where} ({games} per point), ruleset {ruleset}, deck {deck}, master "
                 "seed {seed}.", plan["games"]).format(done=done, expected=summary["expected"], where=where,
                                                      games=plan["games"], ruleset=ruleset, deck=deck, seed=plan["seed"]),
        _("Keys varied: {keys}.").format(keys=keys),
    ]
    if (bots := _fixed_bots(plan)) is not None:
        lines.append(bots)
    lines += inert(summary)
    # the fewest games a point has so far: an unfinished sweep's margin is of the games played (found from outside:
    # "with 4000 games a point ... ±1.5" said of a sweep that had played 2,500 of 24,000)
    least = min((int(p["games"]) for p in summary["points"] if p["games"]), default=0) \
        if done < summary["expected"] else plan["games"]
    if done and least > 0:  # found from outside: a share read without how sure it is, a designer balanced on noise
        lines.append(ngettext("Each share is of the games in its row. With {games} game a point, a point's share is "
                              "within {margin} percentage points of what more games would give, 19 times in 20, at "
                              "worst (a share near one half); the charts draw each value's 95% Wilson interval as a "
                              "bar.",
                              "Each share is of the games in its row. With {games} games a point, a point's share is "
                              "within {margin} percentage points of what more games would give, 19 times in 20, at "
                              "worst (a share near one half); the charts draw each value's 95% Wilson interval as a "
                              "bar.", least).format(games=least, margin=f"\u00b1{decimal(_worst_margin(least), 1)}"))
    return lines + unfinished(summary)


def _is_bots(key: str) -> bool:
    """Whether a sweep's key sets a bot policy (``bots``, ``bots.ru``): its values are policy ids."""
    return key == "bots" or key.startswith("bots.")


def _value(key: str, value: Any) -> Any:
    """A key's value as the tables and charts show it: a bot policy in the room's words, as simulate says it (found
    from outside: ``--lang ru`` read ``mixed``, ``hardliner``), an independence rule likewise; the rows keep the id."""
    if not isinstance(value, str):
        return value
    if key == "ruleset.independence":  # strict, linked: as the board and validate say them
        return independence_word(value)
    return bots_word(value) if _is_bots(key) else value


def _values(summary: dict[str, Any], p: dict[str, Any]) -> list[Any]:
    """A point's values, a column each, as shown."""
    return [_value(key, p["values"][c]) for key, c in summary["plan"]["keys"].items()]


def _labels(axis: dict[str, Any]) -> list[str]:
    """A chart's labels along its key: each value, as shown."""
    return [str(_value(axis["key"], v)) for v in axis["values"]]


def _games(p: dict[str, Any]) -> Any:
    """A point's games, or that it has none yet (its other cells are dashes)."""
    return p["games"] if p["games"] else _("no games yet")


def _track_rows(summary: dict[str, Any], tid: str, cell: Any) -> list[list[str]]:
    return [
        [cell(p["point"]), *(cell(v) for v in _values(summary, p)), cell(_games(p)),
         *(cell(_pct(p[f"{tid}|{s}"])) for s in STATUSES), cell(_num(p[f"{tid}|round"], 1))]
        for p in summary["points"]
    ]


def _point_rows(summary: dict[str, Any], cell: Any) -> list[list[str]]:
    actors = summary["plan"]["actors"]
    return [
        [cell(p["point"]), *(cell(v) for v in _values(summary, p)), cell(_games(p)), cell(_num(p["agreements"])),
         # an actor with no objectives meets none: said so, not "0%" (found from outside: read as "never wins")
         *(cell(_pct(p[f"objectives|{a}"]) if actor.get("objectives", 1) else _("no objectives"))
           for a, actor in actors.items())]
        for p in summary["points"]
    ]


def _track_head(columns: Sequence[str]) -> list[str]:
    return [_("point"), *columns, _("games"), *map(status_head, STATUSES), _("mean round agreed")]


def _point_head(columns: Sequence[str], actors: Sequence[str]) -> list[str]:
    return [_("point"), *columns, _("games"), _("agreements per game"), *actors]


def _md_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A pipe table; every cell escaped here (found from outside: a track named ``[click](http://…)`` or
    ``<script>`` went into the sweep's Markdown as a live link and raw HTML; only pipes were escaped)."""
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(_md(c) for c in cells) + " |"

    return [line(head), "|" + "---|" * len(head), *(line(r) for r in rows)]


def sweep_markdown(summary: dict[str, Any]) -> str:
    """The summary as Markdown: per track, a row per point; then agreements and objectives."""
    plan = summary["plan"]
    columns = list(plan["keys"].values())
    query = one_line(summary["query"])
    fence = _fence(query)
    out = ["# " + _("Sweep of {ruleset}").format(ruleset=_md(sweep_title(plan))), "",
           *(_md(line) for line in _head(summary)), "",
           _("Query the rows yourself with DuckDB:"), "", f"{fence}sql", query, fence]
    for tid, track in plan["tracks"].items():
        out += ["", f"## {_md(track['name'])}", ""]
        out += _md_table(_track_head(columns), _track_rows(summary, tid, str))
    out += ["", "## " + _("Agreements per game and objectives met (all of an actor's, share of games)"), ""]
    out += _md_table(_point_head(columns, [a["name"] for a in plan["actors"].values()]), _point_rows(summary, str))
    return "\n".join(out) + "\n"


def _charts(summary: dict[str, Any]) -> list[str]:
    plan = summary["plan"]
    out = []
    for n, (column, axis) in enumerate(summary["axes"].items()):
        labels = _labels(axis)
        out.append(f"<h2>{_('Against {key}').format(key=e(axis['key']))}</h2>")
        if not summary.get("grid", True):
            listed = _("A list of points, not a grid: each point is shown as it is (its values are in the tables "
                       "below); no key's games are pooled over the others.")
            out.append(f'<p class="small">{listed}</p>')  # untranslated: markup
        others = [other["key"] for other in summary["axes"].values() if other is not axis]
        if others:  # each value's share is over every value of the other keys: said, not left to be guessed
            pooled = _("Each value of {key} pools the games of every value of {others}.").format(
                key=e(axis["key"]), others=e(", ".join(others)))
            out.append(f'<p class="small">{pooled}</p>')  # untranslated: markup
        games = [int(row["games"]) for row in axis["rows"]]
        if games:
            counted = ngettext("{n} game per value; the bars are each share's 95% Wilson interval.",
                               "{n} games per value; the bars are each share's 95% Wilson interval.",
                               min(games)).format(n=min(games)) if min(games) == max(games) else \
                _("{low} to {high} games per value; the bars are each share's 95% Wilson interval.").format(
                    low=min(games), high=max(games))
            out.append(f'<p class="small">{e(counted)}</p>')  # untranslated: markup
        x_values = _numbers(axis["values"]) if summary.get("grid", True) else None
        about = axis["key"].split(".")[1] if axis["key"].startswith("tracks.") else None
        tracks = sorted(plan["tracks"].items(), key=lambda kv: kv[0] != about)  # the track the key is about first
        for t, (tid, track) in enumerate(tracks):
            series = _status_series(axis, tid)
            out.append(line_chart(f"sweep-{n}-{t}", _how_games_end(track["name"], axis["key"]), labels,
                                  series, 0, 100, _("% of games"), e, x_label=column, x_values=x_values,
                                  joined=x_values is not None, description=_ends_described(track["name"], axis["key"])))
        agreements = [Series("agreements", _("agreements per game"), [row["agreements"] or 0 for row in axis["rows"]])]
        # the axis up to a labelled whole number (found from outside: 1.9 a game sat above the last label, 1)
        top = float(math.ceil(max([1.0, *agreements[0].values])))
        out.append(line_chart(f"sweep-{n}-agreements", _("Agreements per game, by {key}").format(key=axis["key"]),
                              labels, agreements, 0, top, _("agreements"), e, x_label=column, x_values=x_values,
                              joined=x_values is not None,
                              description=_("Mean number of tracks agreed per game, for each value of {key}").format(
                                  key=axis["key"])))
    return out


def sweep_html(summary: dict[str, Any]) -> str:
    """The summary as one self-contained page: tables, and an inline SVG chart per track and key."""
    plan = summary["plan"]
    columns = [e(c) for c in plan["keys"].values()]
    title = _("Sweep of {ruleset}").format(ruleset=e(sweep_title(plan)))
    body = ['<article class="sweep">', f"<h1>{title}</h1>"]  # untranslated: markup
    body += [f"<p>{e(line)}</p>" for line in _head(summary)]
    query = f"<pre style='white-space: pre-wrap'><code>{e(summary['query'])}</code></pre>"  # untranslated: markup
    body.append(f"<p>{_('Query the rows yourself with DuckDB:')}</p>{query}")
    body += _charts(summary)
    for tid, track in plan["tracks"].items():
        body.append(f"<h2>{e(track['name'])}</h2>")
        body.append(table(_track_head(columns),
                          _track_rows(summary, tid, e), num=tuple(range(len(columns) + 1, len(columns) + 7))))
    body.append(f"<h2>{_('Agreements per game and objectives met')}</h2>")
    body.append(table(_point_head(columns, [e(a["name"]) for a in plan["actors"].values()]), _point_rows(summary, e)))
    body.append("</article>")
    return page(_("Sweep of {ruleset}").format(ruleset=sweep_title(plan)), "\n".join(body))


def _status_series(axis: dict[str, Any], track: str) -> list[Series]:
    """A line per status: the share of games the track ended in it, for each value, with its 95 % interval."""
    return [Series(s, status_head(s), [100 * (row[f"{track}|{s}"] or 0) for row in axis["rows"]],
                   ranges=[wilson(row[f"{track}|{s}"] or 0, int(row["games"])) for row in axis["rows"]])
            for s in STATUSES]


def _how_games_end(track: str, key: str) -> str:
    return _("{track}: how games end, by {key}").format(track=track, key=key)


def _ends_described(track: str, key: str) -> str:
    """What a chart of how games end shows, in words (its ``<desc>``, read by a screen reader)."""
    return _("Share of games {track} ended agreed, collapsed, deferred or open, for each value of {key}").format(
        track=track, key=key)


def chart_svg(summary: dict[str, Any], column: str, track: str) -> str:
    """One chart on its own (a standalone SVG file, e.g. for the README)."""
    from html import escape

    axis = summary["axes"][column]
    name = summary["plan"]["tracks"][track]["name"]
    series = _status_series(axis, track)
    x_values = _numbers(axis["values"]) if summary.get("grid", True) else None
    svg = line_chart("sweep", _how_games_end(name, axis["key"]), _labels(axis), series,
                     0, 100, _("% of games"), escape, x_label=column, x_values=x_values, joined=x_values is not None,
                     # found from outside: the file's <desc> was empty, where the page's chart says what it shows
                     description=_ends_described(name, axis["key"]))
    # on its own the chart has no page around it: its own namespace, font and white ground
    head, rest = svg.split(">", 1)
    head = head.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" font-family="system-ui, Arial, sans-serif" ', 1)  # untranslated: markup
    return f'{head}>\n<rect width="100%" height="100%" fill="white"/>{rest}\n'  # untranslated: markup

# Babel does not read inside f-strings: the words used in them, marked for the catalogue
_IN_FSTRINGS = (
    N_('Agreements per game and objectives met'),
    N_('Against {key}'),
)
