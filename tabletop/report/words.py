"""Plain-text wording that only the reports use: objectives, players, audiences, shares, the decision log.

Rulings, changes and statuses are worded once for screens and reports alike,
in :mod:`tabletop.engine.wording`. No markup here: each format escapes these
strings its own way. Text from a scenario, a deck or a facilitator is passed
through :func:`literal`, which makes control characters (an escape sequence in
a card) visible instead of letting them reach a terminal or a document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from ..content.literal import one_line
from ..lang import Domain, decimal
from ..engine.telling import end_reason, given_reason, recorded_reason
from ..engine.wording import other_lang, status_word, text_lang, typed, unsettled_word
from ..store import heads
from ..store.players import policy_word

_, ngettext, N_ = Domain("report").words()
npgettext = Domain("report").npgettext

#: Statuses in the order reports count them.
STATUSES = ("agreed", "collapsed", "deferred", "open")
#: How a participants' report names a sealed move that the save never revealed.
SEALED_MOVE = N_("a sealed move")
#: What a participants' report says it leaves out (translated when the report is built).
CONTROL_NOTES = N_("control notes")
SEALED_UNREVEALED = N_("sealed moves not yet revealed")
#: A note on such a move, in the participants' report: what it says would tell the move.
SEALED_NOTE = N_("a note on a sealed move not revealed in this save (kept from the room)")
#: The same of a note on a counter entered behind the gate and not revealed.
GATED_NOTE = N_("a note on a sealed counter not revealed in this save (kept from the room)")
GATED_ARGUMENTS = N_("arguments and counters still behind the gate")
#: A note on a counter taken back before the reveal, the other counters revealed since: kept, and said to be
NOTES_KEPT = N_("notes on sealed entries never revealed")
SECRETS_HIDDEN = (N_("secret objectives, which this scenario never reveals to the participants"),
                  N_("secret objectives, until the game is over"))
FACILITATOR_PROMPTS = N_("the facilitator's discussion prompts")
#: whoever knows the seed foresees every card and die; the save's path names the facilitator's folders
SEED_AND_FOLDER = N_("the game's seed and the save's folder")
#: the participants' copy leaves out a save's file name that holds the seed (``simulate --save-dir`` names them so)
NAME_WITH_SEED = N_("the save's file name, which holds the seed")

# Ids shown as words: each id's word (English: the id itself), translated where shown.
_PHASES = {"event": N_("event"), "moves": N_("moves"), "adjudication": N_("adjudication"), "review": N_("review")}
_MODES = {"strict": N_("strict"), "linked": N_("linked")}
_STATUS_HEADS = {"agreed": N_("agreed"), "collapsed": N_("collapsed"), "deferred": N_("deferred"), "open": N_("open")}
_HOW = {"drawn": N_("drawn"), "redrawn": N_("redrawn"), "injected": N_("injected"), "skipped": N_("skipped"),
        "scheduled": N_("scheduled")}
_KINDS = {"override": N_("override"), "undo": N_("undo"), "note": N_("note"), "inject": N_("inject"),
          "skip": N_("skip"), "redraw": N_("redraw"), "end": N_("end")}
_OUTCOMES = {"undone": N_("undone"), "lapsed": N_("lapsed"), "applied": N_("applied"), "succeeds": N_("succeeds"),
             "fails": N_("fails"), "pending": N_("pending")}
_RESOLUTIONS = {"auto": N_("auto"), "consensus": N_("consensus"), "dice": N_("dice"),
                "facilitator": N_("facilitator"), "argue": N_("argue")}


def _word(words: Mapping[str, str], key: Any) -> str:
    return _(words[key]) if key in words else str(key)


def save_name(scenario: Mapping[str, Any]) -> str:
    """The save's file name, as a report shows it: the participants' copy has none when it holds the seed."""
    file = scenario.get("file")
    return _("a save whose file name is left out (it holds the seed)") if file is None else file


def verify_command(file: str | None, head: str) -> str:
    """The command that checks the reported save against its chain head, as a person types it in the save's
    folder (found from outside: "tabletop verify SAVE --head", which could not run as written); in the report's
    language, which a document always names, English too (:func:`tabletop.store.heads.verify_command`; found from
    outside: a Ukrainian report's command answered in the reader's locale, and so did an English one read where the
    locale is Russian)."""
    from ..content.literal import shell_path

    # inside a Markdown code span, a backtick would end it: the placeholder SAVE rather than a wrong name (and
    # where the participants' copy leaves the name out)
    return heads.verify_command(None if file is None or "`" in shell_path(file) else file, head, document=True)


def has_seeds(saves: Sequence[dict[str, Any]]) -> bool:
    """Whether the saves' table has a column of seeds: not in the participants' copy, which leaves every seed out
    (found from outside: a column of dashes took width from the columns squeezed on paper)."""
    return any("seed" in s for s in saves)


def chain_head_words(head: str, hash: str, command: str, report: Mapping[str, Any]) -> str:
    """The report's closing line: the chain head, its full hash, and the command that checks it, which names the
    save by its file name alone, so is run in the save's folder (found from outside: run where ``tabletop report
    saves/x.jsonl`` was, it answered "no such file"). The three parts already made safe for the format.

    The participants' copy is read on paper, without the save: it keeps the chain head, which lets the room have
    the record checked later, and says who can check it (found from outside: it told them to run a command "in the
    save's folder")."""
    if report.get("audience", {}).get("for") == "participants":
        return _("{head} (full: {hash}). Whoever holds the save can check against it that the save is the record "
                 "reported here, unchanged: {command}.").format(head=head, hash=hash, command=command)
    return _("{head} (full: {hash}; check it, in the save's folder, with {command}).").format(
        head=head, hash=hash, command=command)


def quoted(text: str) -> str:
    """``text`` in the quotation marks of the language (“…” in English, «…» in Russian and Ukrainian)."""
    return _("\u201c{text}\u201d").format(text=text)


def phase_word(phase: Any) -> str:
    """A phase id in words (``moves``)."""
    return _word(_PHASES, phase)


def outcome_word(outcome: Any) -> str:
    """What became of a move (``succeeds``, ``fails``, ``pending`` …) in words; other text as it is. A move never
    settled in the engine's words: the end's question says them of the moves it would leave so."""
    return unsettled_word() if outcome == "unsettled" else _word(_OUTCOMES, outcome)


def save_mode(summary: Mapping[str, Any]) -> str:
    """A compared save's rule as its column's head says it: ``linked``, or ``replayed under strict`` for the paired
    report's replay (found from outside: "#2 parallel-tracks-linked (strict)" read as a contradiction)."""
    mode = mode_word(summary["independence"])
    return _("replayed under {mode}").format(mode=mode) if summary.get("replayed") else mode


def mode_word(mode: Any) -> str:
    """``strict`` or ``linked`` in words."""
    return _word(_MODES, mode)


def status_head(status: str) -> str:
    """A status as a column head of the share tables (no symbol)."""
    return _word(_STATUS_HEADS, status)


def how_drawn(how: Any) -> str:
    """How a card came on the table: ``drawn``, ``scheduled`` (the scenario's card for that round), ``redrawn``,
    ``injected``."""
    return _word(_HOW, how)


def kind_word(kind: Any) -> str:
    """A facilitator event's kind in words: ``override``, ``undo`` …"""
    return _word(_KINDS, kind)


def independence_words(mode: str) -> str:
    """The independence rule and what it means, quoted from the seed."""
    if mode == "strict":
        return _("strict \u2014 \u201cnot everything must be agreed for anything to be agreed\u201d")
    return _("linked \u2014 a package deal: \u201cnothing is agreed until everything is agreed\u201d")


def not_ended(round_no: Any, phase: Any, damage: Any = None) -> str:
    """``not ended (round 3, moves phase)``; of a save damaged with lines after the damage, that the end is not
    known (found from outside: a finished game's save with one letter changed in its 4th line read "not ended")."""
    if cut_at_damage(damage):
        return _("not known: the report stops at the damage (round {round}, {phase} phase)").format(
            round=round_no, phase=phase_word(phase))
    return _("not ended (round {round}, {phase} phase)").format(round=round_no, phase=phase_word(phase))


def unended_cell(save: Mapping[str, Any]) -> str:
    """A comparison's Ended cell of a save whose game did not end in the report: ``not ended``, or ``not known``
    where the report stops at damage with lines after it (found from outside: the table said "not ended" of a
    finished game's save damaged in the middle, its own section "not known")."""
    return _("not ended") if save.get("end_known", True) else _("not known")


def cut_at_damage(damage: Any) -> bool:
    """Whether the report stops at damage with lines after it (the game went on there), not at the save's end."""
    return isinstance(damage, Mapping) and bool(damage.get("lines_after"))


def events_count(events: int, simulated: bool) -> str:
    """The number of events, and whether bots played it all."""
    return str(events) + (_(" (simulated game)") if simulated else "")


def agreements_of(agreements: int, tracks: int) -> str:
    """``Agreements: 2 of 4 tracks.``"""
    return ngettext("Agreements: {agreements} of {n} track.", "Agreements: {agreements} of {n} tracks.",
                    tracks).format(agreements=agreements, n=tracks)


def meter_words(name: str, m: Mapping[str, Any]) -> str:
    """``Trust 3 (range 0–10, start 2)``; ``name`` already made safe for the format."""
    return _("{meter} {value} (range {min}\u2013{max}, start {start})").format(
        meter=name, value=m["value"], min=m["min"], max=m["max"], start=m["start"])


def round_heading(round_no: Any, complete: bool = True) -> str:
    """``Round 3`` or ``Round 3 (incomplete)``."""
    if complete:
        return _("Round {round}").format(round=round_no)
    return _("Round {round} (incomplete)").format(round=round_no)


def played_by(player: Mapping[str, Any]) -> str:
    """Who played an actor, from a report's ``players`` row.

    ``played by Delegation A (human team)``, ``a human team``, ``bot: hardliner``,
    or ``not recorded in this save``. The team name is typed text: shown literally.
    """
    kind = player.get("kind")
    if kind == "bot":
        return _("bot: {policy}").format(policy=policy_word(one_line(player.get("bot")))) if player.get("bot") else _("a bot")
    if kind == "human":
        team = one_line(player.get("team"))
        return _("played by {team} (human team)").format(team=team) if team else _("a human team")
    return _("not recorded in this save")


def players_unrecorded(players: Sequence[Mapping[str, Any]]) -> bool:
    """True when the save says nothing about who played (saves from before seats were recorded)."""
    return all(p.get("kind") == "unknown" for p in players)


#: Said once instead of "not recorded" on every actor's line.
PLAYERS_UNRECORDED = N_("This save does not record who played: which actors were human teams and which were bots.")


def clock_time(iso: Any) -> str:
    """``13:35:10`` of an ISO time (UTC, as saves write it), or nothing."""
    match = re.search(r"T(\d\d:\d\d:\d\d)", str(iso or ""))
    return match.group(1) if match else ""


def saved_at(iso: Any) -> str:
    """When an event was saved, as a person reads it: ``2026-12-04 06:54:46 UTC`` (saves write ISO times in
    UTC, ``2026-12-04T06:54:46.046Z``); a time in another shape is shown as it is, literally."""
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.\d+)?Z", str(iso or ""))
    return f"{match.group(1)} {match.group(2)} UTC" if match else one_line(iso)  # untranslated: a time


def sealed_committed(team: str) -> str:
    """A sealed move the game never revealed, as the room saw it: only who committed one."""
    return _("{team}: a sealed move, committed").format(team=team)


def sealed_note(about: int, counter: bool = False) -> str:
    """A note on a sealed move never revealed (``counter``: a counter behind the gate), as the seats showed it:
    what it is on, not what it says."""
    if counter:
        return _("Note on event {seq} (a sealed counter, not revealed yet)").format(seq=about)
    return _("Note on event {seq} (a sealed move)").format(seq=about)


def sealed_note_text(counter: bool = False) -> str:
    """What such a note says, to the room: that it is kept from it."""
    return _(GATED_NOTE if counter else SEALED_NOTE)


def undo_sealed(team: str | None = None, why: str = "") -> str:
    """An undo of a sealed move never revealed, as every screen says it: what it was stays sealed; ``team``: whose
    it was, as the report and the replay name it (found from outside: «Отмена: Украина: закрытый ход сделан», the
    commitment's words after "Undo:", read as if the undo had made the move). ``why``: the undo's reason, as the
    screens end its words (:func:`~tabletop.engine.telling.undo_reason`; the report says it in its own column)."""
    if team is not None:
        said = _("Undo: {team}: a sealed move taken back (what it was stays sealed)").format(team=team)
    else:
        said = _("Undo: a sealed move taken back (what it was stays sealed)")
    return f"{said} \u2014 {why}" if why else said


def audience_words(report: Mapping[str, Any]) -> str:
    """``the facilitator (everything)`` or ``the participants (without control notes, ...)``."""
    audience = report.get("audience") or {"for": "facilitator", "left_out": []}
    if audience["for"] == "facilitator":
        return _("the facilitator (everything, control notes and secret objectives included)")
    return _("the participants (left out: {what})").format(what="; ".join(audience["left_out"]))


def secrets_left_out(report: Mapping[str, Any]) -> str:
    """A sentence under the objectives when the participants' report leaves secret ones out, else ``""``."""
    audience = report.get("audience") or {}
    hidden = {_(s) for s in SECRETS_HIDDEN}
    if not any(x in hidden for x in audience.get("left_out", [])):
        return ""
    if report["scenario"].get("reveal_objectives") == "never":
        return _("Secret objectives are not shown: this scenario keeps them secret from the participants.")
    return _("Secret objectives are not shown: they are revealed in this report once the game is over.")


def percent(share: float | None) -> str:
    return "\u2013" if share is None else f"{100 * share:.0f}%"


def games(n: int) -> str:
    return ngettext("{n} game", "{n} games", n).format(n=n)


def lost_agreement(track: Mapping[str, Any], short: bool = False) -> str:
    """`` (provisional agreement of round 2 lapsed at the end)`` and the like, or ``""``."""
    rnd = track.get("provisional_round")
    if rnd is None or track.get("status") == "agreed":
        return ""
    if track.get("lapsed"):
        return (
            _(" (provisional agreement of R{round} lapsed)")
            if short
            else _(" (provisional agreement of round {round} lapsed at the end: the package was not complete)")
        ).format(round=rnd)
    if track.get("status") == "collapsed":
        return (
            _(" (provisional agreement of R{round} lost)")
            if short
            else _(" (provisional agreement of round {round} lost in the collapse)")
        ).format(round=rnd)
    if track.get("status") == "open":  # reopened: by a collapse under the package deal, or the facilitator
        return (_(" (provisional agreement of R{round} reopened)") if short
                else _(" (provisional agreement of round {round} reopened)")).format(round=rnd)
    return (_(" (provisionally agreed in R{round})") if short else _(" (provisionally agreed in round {round})")
            ).format(round=rnd)


def move_detail(move: Mapping[str, Any]) -> str:
    """`` (global, auto, sealed, revealed at #12)``: how a move was played, in words."""
    parts = []
    if not move.get("track") and move.get("move_name") != _(SEALED_MOVE):
        parts.append(_("global"))
    if move.get("resolution"):
        parts.append(_word(_RESOLUTIONS, move["resolution"]))
    if move.get("sealed"):
        parts.append(
            _("sealed, revealed at #{seq}").format(seq=move["revealed_at"])
            if move.get("revealed_at")
            else _("sealed, not revealed in this save")
        )
    return f" ({', '.join(parts)})" if parts else ""


def answer_words(answer: Mapping[str, Any], esc: Callable[[str], str]) -> tuple[str, str]:
    """Who answered a card (or that it was just applied) and what it changed, escaped for the format."""
    who = (
        _("{actor} chose \u201c{choice}\u201d").format(actor=esc(answer["actor_name"]), choice=esc(answer["choice"]))
        if answer["choice"] is not None
        else _("applied")
    )
    effect = "; ".join(esc(x) for x in answer["changes_text"]) or _("no change on the board")
    return who, effect


def passed_words(passes: Sequence[Mapping[str, Any]], esc: Callable[[str], str],
                 undone: Callable[[Mapping[str, Any]], str]) -> str:
    """Who passed in a round, each with its event: ``Russia (#12), Ukraine (#14, the time was up)``, escaped for the
    format. A pass the phase timer made says so: it was not the team's choice. ``undone(pass)`` is what the format
    puts after an undone pass, as after its other undone events, else ``""`` (found from outside: a pass undone by
    the facilitator was listed as passed, beside the pass that took its place)."""
    return ", ".join(
        (_("{actor} (#{seq}, the time was up)").format(actor=esc(p["actor_name"]), seq=p["seq"]) if p.get("time_up")
         else f"{esc(p['actor_name'])} (#{p['seq']})") + undone(p)
        for p in passes)


def tabled_earlier(ruling: Mapping[str, Any], round_no: int) -> str:
    """``, tabled in round 2`` for a ruling on a proposal tabled in an earlier round, else nothing."""
    tabled = ruling["proposal_round"]
    return _(", tabled in round {round}").format(round=tabled) if tabled not in (None, round_no) else ""


def set_aside_text(skipped: Mapping[str, Any]) -> str:
    """What became of a card the facilitator skipped or redrew."""
    if skipped.get("how") == "redrawn":
        return _("set aside by the facilitator's redraw (#{seq})").format(seq=skipped["seq"])
    return _("skipped by the facilitator (#{seq})").format(seq=skipped["seq"])


def taken_back_words(kind: str) -> str:
    """The format of an argument's counter or odds an undo took back, in the timeline (``{seq}``, ``{summary}``,
    ``{result}``): ``Counter #8: … → undone``, as ``Move #4: … → undone`` reads."""
    return _("Odds #{seq}: {summary} \u2192 {result}") if kind == "odds" else _("Counter #{seq}: {summary} \u2192 {result}")


def aside_reason(skipped: Mapping[str, Any]) -> str | None:
    """A person's reason for setting a card aside; None when there is none (the log entry's ``reason`` holds no
    reason tabletop recorded in the facilitator's place: :func:`~.decisions.log_entry`)."""
    return given_reason(skipped.get("reason"))


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
                    f"{ruleset_label(g, esc)} ({esc(mode_word(g['independence']))}, {games(g['games'])})",
                    *(percent(row[s]) for s in statuses),
                    "\u2013" if mean is None else decimal(mean, 1),
                ]
            )
    return rows


def opening(words: str) -> str:
    """``words`` to open a sentence: the first letter upper case (a damage kind is a lower-case name)."""
    return words[:1].upper() + words[1:]


def described(scenario: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Each track and meter of the report's scenario with its description, those that have one: what it stands
    for, in the scenario's words (found from outside: the borders track's framing of the source, and the opening
    statements meter's, were shown nowhere)."""
    return _described((*scenario.get("tracks", ()), *scenario.get("meters", ())))


def actors_described(scenario: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Each actor of the report's scenario with its description, those that have one: what the team plays, in the
    scenario's words (found from outside: Russia's and Ukraine's, which carry the source's framing, were shown
    nowhere)."""
    return _described(scenario.get("actors", ()))


def moves_described(scenario: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Each move of the report's scenario with its description, those that have one: what it means, in plain words."""
    return _described(scenario.get("moves", ()))


def _described(parts: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    return [(str(part["name"]), " ".join(str(part["description"]).split())) for part in parts if part.get("description")]


def same_game_words(same: Mapping[str, Any]) -> str:
    """A save compared beside another holding the same game (its events begin the other's): counted once."""
    if same["events"] == same["of"]:
        return _("Save #{save} is the same game as save #{copy}: the shares count it once, as #{copy}.").format(
            save=same["save"], copy=same["in"])
    return ngettext("Save #{save} holds the first event of save #{copy}, the same game: the shares count it once, "
                    "as #{copy}.",
                    "Save #{save} holds the first {n} events of save #{copy}, the same game: the shares count it "
                    "once, as #{copy}.", same["events"]).format(save=same["save"], copy=same["in"], n=same["events"])


#: names of files or folders listed in full; more are counted
NAMES_SHOWN = 12


def not_read_words(item: Mapping[str, Any], esc: Callable[[str], str]) -> str:
    """What a folder's report did not read in it: ``2 files that are not .jsonl: agenda.txt, a.JSONL; 1 subfolder
    (subfolders are not read): sub/`` (``esc``: the format's escape for the names)."""
    def listed(names: Sequence[str]) -> str:
        shown = ", ".join(esc(name) for name in names[:NAMES_SHOWN])
        if len(names) > NAMES_SHOWN:
            shown = _("{listed} and {n} more").format(listed=shown, n=len(names) - NAMES_SHOWN)
        return shown
    files, folders = item["files"], item["folders"]
    parts = []
    if files:
        parts.append(ngettext("{n} file that is not .jsonl: {names}", "{n} files that are not .jsonl: {names}",
                              len(files)).format(n=len(files), names=listed(files)))
    if folders:
        parts.append(ngettext("{n} subfolder (subfolders are not read): {names}",
                              "{n} subfolders (subfolders are not read): {names}",
                              len(folders)).format(n=len(folders), names=listed([f + "/" for f in folders])))
    return "; ".join(parts)


def scenarios_words(comparison: Mapping[str, Any], esc: Callable[[str], str], strong: str, end: str) -> str | None:
    """Which compared saves are of which scenario, when they are of more than one (``strong``/``end``: the
    format's bold); None for saves of one scenario."""
    scenarios = comparison.get("scenarios") or []
    if len(scenarios) <= 1:
        return None
    which = "; ".join(  # untranslated: punctuation
        ", ".join(f"#{i}" for i in g["saves"]) + " \u2014 " + " / ".join(esc(name) for name in g["rulesets"])
        for g in scenarios)
    return _("{strong}\u26a0 Different scenarios:{end} {which}. Their tracks differ: each scenario's saves are "
             "compared in a table of their own, and nothing is added up across them.").format(
        strong=strong, end=end, which=which)


def ruleset_label(item: Mapping[str, Any], esc: Callable[[str], str]) -> str:
    """A compared save's or group's ruleset id, with which version of it where the saves hold more than one
    (``parallel-tracks, version 2 of 2``; :func:`~.compare.compare`)."""
    version = item.get("ruleset_version")
    if version is None:
        return esc(item["ruleset_id"])
    return _("{id}, version {n} of {of}").format(id=esc(item["ruleset_id"]), n=version["n"], of=version["of"])


def versions_words(comparison: Mapping[str, Any], esc: Callable[[str], str], strong: str, end: str) -> list[str]:
    """One line per ruleset id the compared saves hold in more than one version (``strong``/``end``: the
    format's bold): which saves are of which version, and that each is counted apart."""
    out = []
    for item in comparison.get("ruleset_versions", ()):
        which = "; ".join(  # untranslated: punctuation
            _("version {n}: {saves}").format(n=n, saves=", ".join(f"#{i}" for i in saves))
            for n, saves in enumerate(item["versions"], 1))
        out.append(_("{strong}\u26a0 Different versions of one ruleset:{end} {id} \u2014 {which}. Their rules or "
                     "cards differ: each version is counted apart.").format(
            strong=strong, end=end, id=esc(item["ruleset_id"]), which=which))
    return out


def agreements_per_game(comparison: Mapping[str, Any], esc: Callable[[str], str]) -> str:
    return "; ".join(
        f"{ruleset_label(g, esc)} ({esc(mode_word(g['independence']))}) {decimal(g['agreements_per_game'], 2)}"
        for g in comparison["groups"]
    )


def lang_after(quoted: str, lang: str) -> str:
    """A text the working quotes as typed, its language after it: ``“…” (ru)``, as the engine marks a quoted counter
    (Markdown and plain text)."""
    return f"{quoted} ({lang})"


def typed_words(text: str, lang: Any) -> str:
    """A person's text (already made safe for the format) as every screen and report shows it: as typed, or, typed
    in another language than the report's, quoted and marked ``«…» (ru)`` (:func:`tabletop.engine.wording.typed`;
    found from outside: the same note was ``… [uk]`` in the timeline and ``«…» (uk)`` in the decision log)."""
    return typed(text, other_lang(lang))


def end_words(reason: Any, lang: Any) -> str:
    """Why a game ended, in words: the engine's reasons translated, a facilitator's as typed, marked with ``lang``
    when typed in another language than the report's, as the decision log marks it."""
    return end_reason(reason, other_lang(lang))


def typed_texts(argument: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """The texts an argument quotes as typed (its counters', then its own action and reasons) with their
    language, each typed in another language than the report's."""
    if not argument:
        return []
    out = [(one_line(c["text"]), c["lang"]) for c in argument.get("counters") or ()
           if c.get("text") and other_lang(text_lang(c["text"], c.get("lang")))]
    # one lang for the action and its reasons: each text marked by its own letters
    out += [(one_line(t), lang) for t in (argument.get("text"), *(argument.get("reasons") or ()))
            if t and (lang := other_lang(text_lang(t, argument.get("lang"))))]
    return out


#: the quotation marks the working of a ruling puts round a typed text, in each language
QUOTES = (("\u201c", "\u201d"), ("\u00ab", "\u00bb"), ("\u201e", "\u201c"))


def mark_quotes(done: str, argument: Mapping[str, Any] | None, esc: Callable[[str], str],
                mark: Callable[[str, str], str]) -> str:
    """``done`` (a ruling's working, already made safe by ``esc``) with each typed text it quotes marked with
    its language by ``mark(quoted, lang)``."""
    for text, lang in typed_texts(argument):
        for left, right in QUOTES:
            found = esc(left + text + right)
            done = done.replace(found, mark(found, lang))
    return done


def told_typed(entries: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """The texts the summaries of these decision-log entries quote as typed (a reason, a note's text), each with
    its language, those typed in another language than the report's: the engine's words mark them ``«…» (uk)``."""
    out = []
    for entry in entries:
        out += [(text.strip(), lang) for text in (entry.get("reason"), entry.get("text"))
                if isinstance(text, str) and text.strip() and (lang := other_lang(text_lang(text, entry.get("lang"))))]
    return out


def mark_told(done: str, texts: Iterable[tuple[str, str]], esc: Callable[[str], str],
              mark: Callable[[str, str], str]) -> str:
    """``done`` (a summary in the engine's words, already made safe by ``esc``) with each of ``texts`` it marks
    ``«…» (uk)`` marked by ``mark(text, lang)`` instead (HTML: in its ``lang``, found from outside: the decision
    log's typed reasons had no ``lang`` where every other typed text of the page had one)."""
    for text, lang in texts:
        done = done.replace(esc(f"\u00ab{text}\u00bb") + f" ({lang})", mark(esc(text), lang))
    return done


def argued_at(report: Mapping[str, Any]) -> dict[int, Mapping[str, Any]]:
    """Each argument of the report by every event that ruled it, an undone ruling too (its working quotes the
    typed texts: found from outside, a ruling undone then made again marked them only in the second)."""
    by_move = {a["seq"]: a for t in report.get("arguments") or () for a in t["arguments"]}
    out = {e["seq"]: by_move[e["proposal"]] for e in report.get("log") or () if e.get("proposal") in by_move}
    out.update((a["ruled_at"], a) for a in by_move.values() if a.get("ruled_at"))
    return out


def working_parts(entry: Mapping[str, Any], esc: Callable[[str], str],
                  mark: Callable[[str, Any], str] = typed_words,
                  strike: Callable[[str], str] = lambda change: change) -> list[str]:
    """The working column of one decision-log entry, made safe with ``esc`` (notes not included); a reason as
    typed is marked with its language by ``mark(text, lang)`` (:func:`typed_words`; HTML puts it in its ``lang``).
    An undone event's changes are struck by ``strike``, as its text is (a change that never stood read as if it
    had)."""
    parts = []
    if entry["working"]:
        parts.append(esc(entry["working"]))
    if entry.get("reason") and not entry["working"] and entry["reason"].strip() not in entry["summary"]:
        given = recorded_reason(entry["reason"])  # words tabletop wrote itself: the report's, no typed mark
        parts.append(_("reason: {reason}").format(
            reason=esc(given) if given is not None else mark(esc(entry["reason"]), entry.get("lang"))))
    parts += [strike(esc(c)) if entry["undone"] else esc(c) for c in entry["changes_text"]]
    parts += [esc(n) for n in entry["effect_notes"]]
    parts += [esc(n) for n in entry["effect_log"]]
    if entry.get("sealed"):
        parts.append(
            _("sealed; revealed at #{seq}").format(seq=entry["revealed_at"]) if entry["revealed_at"]
            else _("sealed; not revealed in this save")
        )
    if entry.get("revealed"):
        parts.append(_("reveals {seqs}").format(seqs=", ".join(f"#{s}" for s in entry["revealed"])))
    return parts


# -- "The principle in this game" --------------------------------------------


def _and(parts: Sequence[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return _("{items} and {last}").format(items=", ".join(parts[:-1]), last=parts[-1])


def _rounds_of(collapses: Sequence[Mapping[str, Any]]) -> str:
    ordered = sorted(collapses, key=lambda c: (c["round"] is None, c["round"] or 0))
    return _and([_("{track} collapsed in round {round}").format(track=one_line(c["track_name"]), round=c["round"])
                 for c in ordered])


def stood_text(row: Mapping[str, Any]) -> str:
    """``Humanitarian agreed in round 4 while Borders collapsed in round 3 — the collapse did not touch it.``"""
    beside = row["beside"]
    said = ngettext(
        "{track} agreed in round {round} while {collapses} \u2014 the collapse did not touch it.",
        "{track} agreed in round {round} while {collapses} \u2014 the collapses did not touch it.",
        len(beside),
    ).format(track=one_line(row["track_name"]), round=row["round"], collapses=_rounds_of(beside))
    if row.get("override") is not None:
        said += " " + _("The agreement was the facilitator's override (#{seq}), not a ruling on the teams' moves."
                        ).format(seq=row["override"])
    return said


def left_out(damage: Mapping[str, Any]) -> str:
    """What a damaged save's report leaves out, from the damaged line on (empty for a torn last line), and where
    the game went on from its intact events (a recovered copy ``tabletop resume`` made)."""
    left = damage.get("lines_left_out") or 0
    out = ""
    if left:
        out += " " + ngettext("{n} line of the save, from the damaged one on, is not in this report.",
                              "{n} lines of the save, from the damaged one on, are not in this report.",
                              left).format(n=left)
    if damage.get("continued_in"):
        out += " " + _("The game went on from the intact events in {path} (made by tabletop resume): its report "
                       "covers the rest.").format(path=one_line(str(damage["continued_in"])))
    return out


def lapsed_text(row: Mapping[str, Any]) -> str:
    """``Borders, provisionally agreed in round 3, lapsed when the game ended.``"""
    if row.get("agreed_round") is None:
        return _("{track}, provisionally agreed, lapsed when the game ended.").format(track=one_line(row["track_name"]))
    return _("{track}, provisionally agreed in round {round}, lapsed when the game ended.").format(
        track=one_line(row["track_name"]), round=row["agreed_round"])


def alone_text(row: Mapping[str, Any]) -> str:
    """``Round 4, #77: Basin fund collapsed (…).``: a collapse under the package deal that was no step of the
    cascade (the headline counts it apart)."""
    why = f" ({one_line(row['summary'])})" if row.get("summary") else ""
    return _("Round {round}, #{seq}: {track} collapsed{why}.").format(
        round=row["round"], seq=row["seq"], track=one_line(row["track_name"]), why=why)


def overridden_text(row: Mapping[str, Any]) -> str:
    """``Round 4, #79: the facilitator's override changed Basin fund: ✖ collapsed → ○ open (…).``"""
    why = f" ({one_line(row['summary'])})" if row.get("summary") else ""
    return _("Round {round}, #{seq}: the facilitator's override changed {track}: {before} \u2192 {after}{why}.").format(
        round=row["round"], seq=row["seq"], track=one_line(row["track_name"]), why=why,
        before=status_word(row["from"], row["from_provisional"]), after=status_word(row["to"], row["to_provisional"]))


def held_text(row: Mapping[str, Any]) -> str:
    """``Round 5, #104: Basin fund agreed, the last track of the package: the package is complete, …``: the engine's
    words for the step that completed the package deal."""
    return _("Round {round}, #{seq}: {what}.").format(round=row["round"], seq=row["seq"], what="; ".join(row["said"]))


def _deal(c: Mapping[str, Any]) -> str:
    name = one_line(c["track_name"])
    when = c.get("agreed_round")
    if c["from_provisional"]:
        if when is None:
            return _("{track} (provisionally agreed)").format(track=name)
        return _("{track} (provisionally agreed in round {round})").format(track=name, round=when)
    if when is None:
        return _("{track} (agreed)").format(track=name)
    return _("{track} (agreed in round {round})").format(track=name, round=when)


def cascade_intro(cascade: Sequence[Mapping[str, Any]]) -> str:
    """The line above a package deal's steps: it came down, or (``linked_collapse = "reopen"``: nothing in the steps
    collapsed but their cause) its agreements were reopened. Found from outside: "How the package came down" above
    steps that each say the agreements "were reopened"."""
    if all(c["to"] != "collapsed" or c.get("on_reopening") for step in cascade for c in step["brought_down"]):
        return _("How the package's agreements were reopened, step by step:")
    return _("How the package came down, step by step:")


def cascade_text(step: Mapping[str, Any]) -> str:
    """``Round 3 (#14): Borders collapsed (…) — under the package deal Humanitarian (provisionally agreed in
    round 2) collapsed with it; Status of Ukraine and Track 2, still open, collapsed with it.``"""
    fell = step["brought_down"]
    deals = [c for c in fell if c["from"] == "agreed"]
    still_open = [c for c in fell if c["from"] != "agreed"]
    parts = []

    def came_to(deal: Mapping[str, Any]) -> str:  # each deal under one heading (in review: a plain collapse matched
        return "on_reopening" if deal.get("on_reopening") else deal["to"]  # "open" and "deferred" too)

    for to in ("collapsed", "on_reopening", "open", "deferred"):
        went = [_deal(c) for c in deals if came_to(c) == to]
        if went:
            parts.append(_went(to, len(went)).format(tracks=_and(went)))
    if still_open:
        names = _and([one_line(c["track_name"]) for c in still_open])
        parts.append(_("{tracks}, still open, collapsed with it").format(tracks=names))
    why = f" ({one_line(step['summary'])})" if step.get("summary") else ""
    return _("Round {round}, #{seq}: {track} collapsed{why} \u2014 under the package deal {what}.").format(
        round=step["round"], seq=step["seq"], track=one_line(step["cause"]["track_name"]), why=why,
        what="; ".join(parts))


def _went(to: str, n: int) -> str:
    """What a collapse under the package deal did to ``n`` agreements: they collapsed, reopened or were deferred."""
    if to == "collapsed":
        return ngettext("{tracks} collapsed with it", "{tracks} collapsed with it", n)
    if to == "on_reopening":
        return ngettext("{tracks} was reopened, then collapsed on reopening",
                        "{tracks} were reopened, then collapsed on reopening", n)
    if to == "open":
        return ngettext("{tracks} was reopened", "{tracks} were reopened", n)
    return ngettext("{tracks} was deferred", "{tracks} were deferred", n)


def principle_headline(
    independence: str,
    stood: Sequence[Mapping[str, Any]],
    collapses: Sequence[Mapping[str, Any]],
    cascade: Sequence[Mapping[str, Any]],
    agreements: int = 1,
    lapsed: Sequence[Mapping[str, Any]] = (),
    linked_collapse: str = "all",
    agreed_at_end: Collection[str] = (),
    more_collapses: int = 0,
) -> str:
    """One sentence on what this game showed about the principle (``agreements``: the tracks agreed at the end;
    ``lapsed``: provisional agreements that lapsed when the game ended, not everything being agreed;
    ``linked_collapse``: what the ruleset has a collapse do to a package deal; ``agreed_at_end``: the ids of the
    tracks agreed at the end; ``more_collapses``: the collapses under the package deal that were no step of the
    cascade, counted after it)."""
    said = _principle_headline(independence, stood, collapses, cascade, agreements, lapsed, linked_collapse,
                               agreed_at_end)
    if cascade and more_collapses:
        # every collapse counted (found from outside: "1 collapse reopened 3 provisional agreements" of a game with two)
        if linked_collapse == "reopen":
            more = ngettext("{n} more collapse reopened nothing: no provisional agreement stood when it came.",
                            "{n} more collapses reopened nothing: no provisional agreement stood when they came.",
                            more_collapses)
        else:
            more = ngettext("{n} more collapse brought down no other track: none was left to bring down.",
                            "{n} more collapses brought down no other track: none was left to bring down.",
                            more_collapses)
        said += " " + more.format(n=more_collapses)
    return said


def _principle_headline(
    independence: str,
    stood: Sequence[Mapping[str, Any]],
    collapses: Sequence[Mapping[str, Any]],
    cascade: Sequence[Mapping[str, Any]],
    agreements: int,
    lapsed: Sequence[Mapping[str, Any]],
    linked_collapse: str,
    agreed_at_end: Collection[str],
) -> str:
    if lapsed and not cascade:
        deals = ngettext("{n} provisional agreement", "{n} provisional agreements", len(lapsed)).format(n=len(lapsed))
        return ngettext("Nothing is agreed until everything is agreed: {agreements} lapsed when the game ended, "
                        "because not every track was agreed.",
                        "Nothing is agreed until everything is agreed: {agreements} lapsed when the game ended, "
                        "because not every track was agreed.", len(lapsed)).format(agreements=deals)
    if cascade:
        # tracks, each once: one reopened twice is one track (found from outside: "5 other tracks" were 4)
        lost = len({c["track"] for s in cascade for c in s["brought_down"] if c["from"] == "agreed"})
        others = len({c["track"] for s in cascade for c in s["brought_down"]})
        # the sentence takes the number of its subject (ru «1 срыв обрушил», «2 срыва обрушили»); the tracks are
        # its object, in the form a count stands in by itself (found from outside: «срывы (1 срыв) обрушили …»)
        if lost and linked_collapse == "reopen":
            return _reopened_headline(cascade, agreed_at_end)
        brought = ngettext("{n} other track", "{n} other tracks", others).format(n=others)
        if not lost:
            return ngettext("Nothing is agreed until everything is agreed: {n} collapse brought down {tracks}.",
                            "Nothing is agreed until everything is agreed: {n} collapses brought down {tracks}.",
                            len(cascade)).format(n=len(cascade), tracks=brought)
        deals = ngettext("{n} provisional agreement", "{n} provisional agreements", lost).format(n=lost)
        return ngettext("Nothing is agreed until everything is agreed: {n} collapse brought down {tracks}, "
                        "{agreements} among them.",
                        "Nothing is agreed until everything is agreed: {n} collapses brought down {tracks}, "
                        "{agreements} among them.", len(cascade)).format(n=len(cascade), tracks=brought,
                                                                         agreements=deals)
    if stood and independence == "linked":
        # they stood because the collapsed tracks left the package (linked_collapse = "reopen"), not because the
        # tracks were independent (found from outside: a package deal's debrief drew the strict rule's lesson)
        return ngettext("Under the package deal {n} agreement stood beside the collapses: the collapsed tracks left "
                        "the package, and what was left was agreed as a whole.",
                        "Under the package deal {n} agreements stood beside the collapses: the collapsed tracks left "
                        "the package, and what was left was agreed as a whole.", len(stood)).format(n=len(stood))
    if stood:
        # the agreements are the subject; the collapses stand after "beside", in the case that takes (ru «рядом с
        # 2 срывами»): a message of their own (found from outside: «рядом со срывами (1 срыв) устояли …»)
        beside = npgettext("stood beside", "{n} collapse", "{n} collapses", len(collapses)).format(n=len(collapses))
        return ngettext("Not everything was agreed, yet {n} agreement stood beside {collapses}: the failure of one "
                        "track did not compromise the others.",
                        "Not everything was agreed, yet {n} agreements stood beside {collapses}: the failure of one "
                        "track did not compromise the others.", len(stood)).format(n=len(stood), collapses=beside)
    n = len(collapses)
    if collapses and independence == "strict":
        return ngettext("{n} track collapsed and no agreement stood beside it: the game did not put the principle "
                        "to the test.",
                        "{n} tracks collapsed and no agreement stood beside them: the game did not put the principle "
                        "to the test.", n).format(n=n)
    if collapses:
        return ngettext("{n} track collapsed; no agreement stood beside a collapse.",
                        "{n} tracks collapsed; no agreement stood beside a collapse.", n).format(n=n)
    if not agreements:
        return _("No track collapsed and none was agreed: the game did not put the principle to the test.")
    return _("No track collapsed: every agreement here was reached without a failure beside it.")


def _reopened_headline(cascade: Sequence[Mapping[str, Any]], agreed_at_end: Collection[str]) -> str:
    """The headline of a package deal whose collapses reopened provisional agreements (``linked_collapse =
    "reopen"``): how many, and how many of those tracks were agreed again by the end.

    Found from outside (helper-140): "1 collapse brought down 2 other tracks, 2 provisional agreements among them"
    above an outcome table with both agreed: they were reopened, then agreed again."""
    reopened = {c["track"] for s in cascade for c in s["brought_down"] if c["from"] == "agreed"}
    again = len(reopened & set(agreed_at_end))
    # a deal reopened, then collapsed on reopening is one of the reopened, and said so (found from outside: the
    # headline's "reopened 4" above a step list in which two of them "collapsed with it")
    fell = len({c["track"] for s in cascade for c in s["brought_down"] if c.get("on_reopening")})
    # the agreements are the object of "reopened" (uk «відкрив 1 попередню угоду»): a message of their own
    deals = npgettext("reopened", "{n} provisional agreement", "{n} provisional agreements", len(reopened)).format(
        n=len(reopened))
    if len(reopened) == 1 and fell and not again:
        after = _("it collapsed on reopening")
    elif len(reopened) == 1:
        after = _("it was agreed again by the end") if again else _("it was not agreed again by the end")
    elif again:
        after = ngettext("{n} of them was agreed again by the end", "{n} of them were agreed again by the end",
                         again).format(n=again)
    else:
        after = _("none of them was agreed again by the end")
    if fell and len(reopened) > 1:
        after = ngettext("{n} of them collapsed on reopening", "{n} of them collapsed on reopening", fell).format(
            n=fell) + "; " + after
    return ngettext("Nothing is agreed until everything is agreed: {n} collapse reopened {agreements}; {again}.",
                    "Nothing is agreed until everything is agreed: {n} collapses reopened {agreements}; {again}.",
                    len(cascade)).format(n=len(cascade), agreements=deals, again=after)


def prompts_by_track(prompts: Sequence[Mapping[str, Any]]) -> list[tuple[str, list[Mapping[str, Any]]]]:
    """The report's discussion prompts grouped under their track's name, in the report's order."""
    out: list[tuple[str, list[Mapping[str, Any]]]] = []
    for p in prompts:
        if not out or out[-1][1][0]["track"] != p["track"]:
            out.append((str(p["track_name"]), []))
        out[-1][1].append(p)
    return out


def game_over_words(item: Mapping[str, Any], escape: Callable[[str], str]) -> str:
    """The timeline's line for the engine's end of the game (a round's ``game_over`` item: all rounds played, no track
    open), in every format: ``Game over: all rounds played (#33)``; ``escape`` makes the reason safe for the format."""
    return _("Game over: {reason} (#{seq})").format(reason=escape(end_reason(item["reason"])), seq=item["seq"])
