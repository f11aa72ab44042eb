"""JSON Schemas of the files tabletop reads, for editors (``tabletop schema``)."""

from __future__ import annotations

from typing import Any

from ..content.models import Deck, Ruleset
from ..content.validation import json_schema


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of a ``ruleset``, ``deck``, ``sweep`` or ``save`` file, as ``tabletop schema`` prints it."""
    if kind == "ruleset":
        schema = json_schema(Ruleset)
    elif kind == "deck":
        schema = json_schema(Deck)
    elif kind == "sweep":
        from ..content.sweepspec import SweepSpec

        schema = json_schema(SweepSpec)
    elif kind == "save":
        from ..store.schema import save_schema

        return save_schema()
    else:
        raise ValueError(kind)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"tabletop {kind}"  # untranslated: a JSON Schema title, for editors
    return schema
