"""The `arrest` claim type: its keys, their JSON Schema, and their JSON-LD terms.

The keys are this plugin's own (`arrestLocation`, not `location`), in its own
vocabulary, so they cannot clash with a key another claim type defines. The
schema fragments reuse the document schema's definitions (`#/$defs/quantity`,
`entityRef`, `date`), which the exporters know how to lay out: a count becomes
`arrestedMin`/`arrestedMax` CSV columns, an entity reference the entity's name.
"""

from __future__ import annotations

from newsld import ClaimType

__all__ = ["ARREST", "VOCABULARY"]

#: The plugin's own vocabulary (an example; a real plugin uses an IRI it controls).
VOCABULARY = "https://example.org/newsld-arrests#"

ARREST = ClaimType(
    name="arrest",
    schema_type="Claim",
    description="People arrested or detained: how many, where, when and by whom.",
    properties={
        "arrested": {"description": "How many people.", "$ref": "#/$defs/quantity"},
        "arrestLocation": {"description": "Where.", "$ref": "#/$defs/entityRef"},
        "arrestDate": {"description": "When, if the text says.", "$ref": "#/$defs/date"},
        "arrestingAuthority": {"description": "Who arrested them.", "$ref": "#/$defs/entityRef"},
    },
    required=("arrested",),
    context={
        "arr": VOCABULARY,
        "arrested": "arr:arrested",
        "arrestLocation": {"@id": "arr:arrestLocation", "@type": "@id"},
        "arrestDate": "arr:arrestDate",
        "arrestingAuthority": {"@id": "arr:arrestingAuthority", "@type": "@id"},
    },
)
