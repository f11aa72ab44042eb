"""Content objects: frozen values built from keywords, dumped as the file format writes them."""

from __future__ import annotations

import pytest

from tabletop.content import load_scenario
from tabletop.content.fields import ContentModel, build, content_fields, dump, replace
from tabletop.content.models import Actor, MoveType, Track
from tabletop.content.vocabulary import MODIFIERS, ProgressEffect


def test_a_content_object_is_read_only_and_compared_by_value() -> None:
    track = load_scenario("parallel-tracks").ruleset.tracks[0]
    with pytest.raises(AttributeError, match="read-only"):
        track.agreement_at = 1  # type: ignore[misc]
    with pytest.raises(AttributeError, match="read-only"):
        del track.name
    twin = replace(track)
    assert twin == track and twin is not track and hash(twin) == hash(track)
    assert replace(track, agreement_at=track.agreement_at + 1) != track
    assert track != ProgressEffect(progress=1)


def test_keywords_are_checked_and_defaults_filled() -> None:
    with pytest.raises(TypeError, match="needs the keyword argument 'progress'"):
        ProgressEffect()
    with pytest.raises(TypeError, match="unexpected keyword arguments: progres"):
        ProgressEffect(progress=1, progres=2)
    effect = ProgressEffect(progress=2)
    assert effect.track is None and repr(effect) == "ProgressEffect(progress=2, track=None)"
    # a factory default is a fresh object each time
    a, b = Actor(id="a", name="A"), Actor(id="b", name="B")
    assert a.resources == {} and a.resources is not b.resources


def test_fields_keep_the_declared_order_bases_first() -> None:
    names = [f.name for f in content_fields(Track)]
    assert names[:3] == ["id", "name", "description"] and names[-2:] == ["ratify", "on_agreed"]
    modifier = next(m for m in MODIFIERS if m.__name__ == "MeterModifier")
    assert [f.name for f in content_fields(modifier)] == ["at_least", "at_most", "meter", "add"]
    assert "key" not in {f.name for f in content_fields(ProgressEffect)}  # a ClassVar is no field


def test_dump_leaves_out_defaults_and_build_reads_it_back() -> None:
    move = load_scenario("parallel-tracks").ruleset.moves[0]
    data = dump(move)
    assert "once_per_game" not in data or data["once_per_game"] is True
    assert all(isinstance(v, list) for k, v in data.items() if k in ("effects", "requires"))
    assert build(MoveType, data) == move


class _Leg(ContentModel):
    """A content class with string annotations (this module has ``from __future__ import annotations``)."""

    name: str
    effects: tuple[ProgressEffect, ...] = ()


def test_string_annotations_are_resolved_too() -> None:
    assert isinstance(_Leg.__annotations__["effects"], str)
    leg = build(_Leg, {"name": "x", "effects": [{"progress": 1}]})
    assert leg.effects == (ProgressEffect(progress=1, track=None),) and leg.name == "x"


def test_the_content_classes_keep_their_annotations_evaluated() -> None:
    # what lets a start read the fields' types without compiling each annotation (fields.hints)
    from tabletop.content import models, vocabulary

    classes = [c for m in (models, vocabulary) for c in vars(m).values()
               if isinstance(c, type) and issubclass(c, ContentModel) and c.__module__ == m.__name__]
    assert len(classes) > 20
    for cls in classes:
        assert not any(isinstance(a, str) for a in cls.__annotations__.values()), cls.__name__
