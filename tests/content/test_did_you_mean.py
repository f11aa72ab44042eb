"""A did-you-mean suggests a likely typo, not any word that shares letters."""

from __future__ import annotations

from tabletop.content.errors import did_you_mean


def test_a_word_that_only_shares_letters_gets_no_suggestion() -> None:
    """Found from outside (helper-107): an overlay's ``[cards.tsunami]`` (no such card) was told "(did you mean
    'summit'?)": difflib's ratio was 0.62, over the 0.6 cutoff, for two unrelated words."""
    assert did_you_mean("tsunami", ["summit", "election", "sea-wells"]) == ""


def test_typos_are_still_suggested() -> None:
    assert did_you_mean("alfa", ["alpha", "beta"]) == " (did you mean 'alpha'?)"  # 0.67: starts as the word does
    assert did_you_mean("laon", ["loan", "capital"]) == " (did you mean 'loan'?)"
    assert did_you_mean("rus", ["ru", "us", "ua"]) == " (did you mean 'ru'?)"
    # a key given by its last part: the key in full
    assert did_you_mean("breakdown_at", ["tracks.borders.breakdown_at", "ruleset.turns"]) == \
        " (did you mean 'tracks.borders.breakdown_at'?)"
    # an id typed as its last word (found in review: 'summit' lost 'basin-summit', 'status' 'ukraine-status')
    assert did_you_mean("summit", ["basin-summit", "tsunami-warning"]) == " (did you mean 'basin-summit'?)"
    assert did_you_mean("status", ["ukraine-status", "borders"]) == " (did you mean 'ukraine-status'?)"


def test_the_fewest_letters_away_is_suggested() -> None:
    """Found from outside: ``play --sead 3`` was told "(did you mean '--sealed'?)", two letters away, not
    '--seed', one: difflib's ratio favoured the longer word."""
    assert did_you_mean("--sead", ["--seed", "--sealed", "--save"]) == " (did you mean '--seed'?)"
    assert did_you_mean("--seald", ["--seed", "--sealed", "--save"]) == " (did you mean '--sealed'?)"
