"""JSON Schemas of the files tabletop reads, for editors (``tabletop schema``)."""

from __future__ import annotations

from typing import Any

from ..content.models import Deck, Ruleset
from ..content.validation import json_schema


def _dotted_points(schema: dict[str, Any]) -> None:
    """A point's keys may be written as TOML dotted keys (``tracks.borders.breakdown_at = 6``), which TOML reads as
    nested tables: the schema says so (found from outside: an editor flagged the README's own dotted point)."""
    value = schema["properties"]["points"]["items"]["additionalProperties"]
    schema.setdefault("$defs", {})["DottedKey"] = {  # untranslated: a JSON Schema definition's name
        "type": "object",  # untranslated: JSON Schema
        "additionalProperties": {"anyOf": [*value["anyOf"], {"$ref": "#/$defs/DottedKey"}]},  # untranslated: as above
        "description": "a key written with dots: tracks.borders.breakdown_at = 6",  # untranslated: for editors
    }
    value["anyOf"] = [*value["anyOf"], {"$ref": "#/$defs/DottedKey"}]  # untranslated: JSON Schema


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of a ``ruleset``, ``deck``, ``sweep`` or ``save`` file, as ``tabletop schema`` prints it."""
    if kind == "ruleset":
        schema = json_schema(Ruleset)
    elif kind == "deck":
        schema = json_schema(Deck)
    elif kind == "sweep":
        from ..content.sweepspec import SweepSpec

        schema = json_schema(SweepSpec)
        _dotted_points(schema)
    elif kind == "save":
        from ..store.schema import save_schema

        return save_schema()
    else:
        raise ValueError(kind)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"tabletop {kind}"  # untranslated: a JSON Schema title, for editors
    return schema
