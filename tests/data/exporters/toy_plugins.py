"""Plugins for the exporter tests, loaded with `runpy.run_path` (tests/ is not a package).

`design`: the three claim types of DESIGN.md as fragments, with a small quote
extractor; `toy`: a third-party claim type (`reading`, its own vocabulary)
with its extractor. The exporters know neither: they see the registry only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from newsld import Analysis, Article, Claim, Evidence, Extractor, load_plugins
from newsld.plugins import Plugins
from newsld.testing import claim_type_from_spec, plugin_module

HERE = Path(__file__).resolve().parent
SPECS = json.loads((HERE / "claim-types.json").read_text(encoding="utf-8"))
CLAIM_TYPES = {n: claim_type_from_spec(n, s) for n, s in SPECS.items() if not n.startswith("_")}
TOY_VOCABULARY = "https://example.org/weather#"
#: Only the built-ins these tests need, so the claim types above are the ones in use.
BUILTINS = (
    "newsld_plugins.text_reader",
    "newsld_plugins.jsonld_exporter",
    "newsld_plugins.xml_exporter",
    "newsld_plugins.csv_exporter",
    "newsld_plugins.own_formats",
)

# "Words in quotes," said Firstname Lastname.
_QUOTE = re.compile(r'"([^"]{3,}?),?"\s*(?:said|says)\s+([A-Z]\w+(?: [A-Z]\w+)*)')
# 21.5 degrees Celsius at Harbour station
_READING = re.compile(r"(-?\d+(?:\.\d+)?) degrees (Celsius|Fahrenheit)(?: at ([A-Z]\w+) station)?")


def find_quotes(article: Article, analysis: Analysis) -> Iterator[Claim]:
    """Direct quotes followed by `said NAME`."""
    for match in _QUOTE.finditer(article.body):
        speaker = analysis.entities.add("Person", match[2])
        yield Claim(
            "quote",
            match[1],
            [Evidence(match.start(1), match.end(1))],
            0.9,
            properties={"quoteKind": "direct", "spokenByCharacter": speaker.ref},
        )


def find_readings(article: Article, analysis: Analysis) -> Iterator[Claim]:
    """Temperatures: `21.5 degrees Celsius at Harbour station`."""
    for match in _READING.finditer(article.body):
        properties: dict[str, object] = {
            "temperature": float(match[1]),
            "unit": match[2][0],
            "instruments": ["thermometer", "barometer"],
            "rainfall": {"@type": "QuantitativeValue", "minValue": 2},
            "verified": True,
        }
        if match[3]:
            properties["station"] = analysis.entities.add("Place", match[3]).ref
        sentence = analysis.sentence_at(match.start())
        text = sentence.text if sentence else match[0]
        yield Claim(
            "reading", text, [Evidence(match.start(), match.end())], 0.6, properties=properties
        )


def design_module() -> object:
    """The DESIGN.md claim types (where no built-in has them yet) and the quote extractor."""
    types = [CLAIM_TYPES[n] for n in ("quote", "sanction", "casualty")]
    quotes = Extractor("toy-quotes", find_quotes, ("quote",))
    return plugin_module("design", claim_types=types, extractors=[quotes])


def toy_module() -> object:
    """A third party's plugin: the `reading` claim type and its extractor."""
    readings = Extractor("toy-readings", find_readings, ("reading",))
    return plugin_module("toy", claim_types=[CLAIM_TYPES["reading"]], extractors=[readings])


def plugins(toy: bool = True) -> Plugins:
    """The exporters and readers under test with the design claim types (and the toy)."""
    extra = [("design", design_module())]
    if toy:
        extra.append(("toy", toy_module()))
    return load_plugins(BUILTINS, third_party=False, extra=extra)  # type: ignore[arg-type]
