"""Plugins: a third party registers a claim type and extractor through the hooks."""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Callable, Iterable
from typing import Any

import pytest

from newsld import (
    Analysis,
    Article,
    Claim,
    ClaimType,
    Converter,
    Evidence,
    Extractor,
    ReadOptions,
    hookimpl,
    load_plugins,
)
from newsld import plugins as plugin_module
from newsld.schema import document_schema, validate_document, validator_for

ARTICLE = b"Storm hits\n\nA storm hit the coast on Monday. Wind speeds reached 150 km/h.\n"


def make_module(name: str, **hooks: Callable[..., Any]) -> types.ModuleType:
    module = types.ModuleType(name)
    for hook, function in hooks.items():
        setattr(module, hook, hookimpl(function))
    return module


def windspeed_extract(article: Article, analysis: Analysis) -> Iterable[Claim]:
    for match in re.finditer(r"(\d+) km/h", article.body):
        place = analysis.entities.add("Place", "the coast")
        yield Claim(
            "windspeed",
            text=match.group(),
            evidence=[Evidence(match.start(), match.end())],
            confidence=0.8,
            properties={"speedKmh": int(match.group(1)), "area": place.ref},
        )


WINDSPEED = ClaimType(
    name="windspeed",
    properties={
        "speedKmh": {"type": "integer", "minimum": 0},
        "area": {"$ref": "#/$defs/entityRef"},
    },
    required=("speedKmh",),
    context={
        "wx": "https://example.org/weather#",
        "speedKmh": "wx:speedKmh",
        "area": {"@id": "wx:area", "@type": "@id"},
    },
)


def toy_plugin(extract: Callable[..., Iterable[Claim]] = windspeed_extract) -> types.ModuleType:
    return make_module(
        "newsld_windspeed",
        register_claim_types=lambda register: register(WINDSPEED),
        register_extractors=lambda register: register(
            Extractor("windspeed", extract, claim_types=("windspeed",))
        ),
    )


def convert(module: types.ModuleType) -> tuple[Converter, dict[str, Any]]:
    converter = Converter(load_plugins(third_party=False, extra=[("windspeed", module)]))
    document = converter.convert(ARTICLE, ReadOptions(source="storm.txt"))
    return converter, converter.to_jsonld(document)


def test_third_party_claim_type_is_validated_and_exported() -> None:
    converter, node = convert(toy_plugin())
    [claim] = node["hasPart"]
    assert claim["claimType"] == "windspeed"
    assert claim["speedKmh"] == 150
    assert claim["extractor"] == "windspeed"
    assert node["mentions"][0]["name"] == "the coast"
    assert claim["area"] == {"@id": node["mentions"][0]["@id"]}
    assert node["@context"][1]["speedKmh"] == "wx:speedKmh"
    schema = document_schema(converter.registry.claim_types.values())
    validate_document(validator_for(schema), node)
    assert converter.registry.owner("claim_types", "windspeed") == "windspeed"


def test_an_extractor_that_raises_loses_only_its_claims() -> None:
    def broken(article: Article, analysis: Analysis) -> Iterable[Claim]:
        raise RuntimeError("boom")

    converter = Converter(
        load_plugins(third_party=False, extra=[("windspeed", toy_plugin(broken))])
    )
    document = converter.convert(ARTICLE, ReadOptions(source="storm.txt"))
    assert document.claims == []
    assert document.errors == [
        "extractor windspeed (windspeed) raised RuntimeError: boom; its claims were dropped"
    ]
    assert converter.to_jsonld(document)["articleBody"].startswith("A storm")


def test_a_claim_that_breaks_its_schema_is_dropped_and_named() -> None:
    def negative(article: Article, analysis: Analysis) -> Iterable[Claim]:
        yield Claim("windspeed", "x", [Evidence(0, 1)], properties={"speedKmh": -5})

    _, node = convert(toy_plugin(negative))
    assert node["hasPart"] == []
    assert "extractor windspeed (windspeed) made an invalid claim" in node["warnings"][0]


def test_evidence_outside_the_body_is_refused() -> None:
    def far(article: Article, analysis: Analysis) -> Iterable[Claim]:
        yield Claim("windspeed", "x", [Evidence(0, 10_000)], properties={"speedKmh": 5})

    _, node = convert(toy_plugin(far))
    assert node["hasPart"] == []
    assert "evidence outside articleBody" in node["warnings"][0]


def test_a_hook_that_raises_is_named_and_the_rest_loads() -> None:
    def explode(register: Callable[[Any], None]) -> None:
        raise ValueError("bad config")

    broken = make_module("broken", register_exporters=explode)
    loaded = load_plugins(third_party=False, extra=[("broken", broken)])
    assert loaded.errors == ["plugin broken: register_exporters failed: bad config"]
    assert "jsonld" in loaded.registry.exporters


def test_a_plugin_may_take_fewer_arguments_than_the_spec() -> None:
    calls: list[str] = []
    quiet = make_module("quiet", register_readers=lambda: calls.append("called"))
    load_plugins(third_party=False, extra=[("quiet", quiet)])
    assert calls == ["called"]


def test_a_duplicate_name_keeps_the_first_and_says_so() -> None:
    again = make_module(
        "again",
        register_claim_types=lambda register: register(WINDSPEED),
    )
    loaded = load_plugins(third_party=False, extra=[("one", toy_plugin()), ("two", again)])
    assert loaded.errors == [
        "plugin two: claim type 'windspeed' is already registered by one; kept one's"
    ]


class FakeEntryPoint:
    def __init__(self, name: str, target: str) -> None:
        self.name, self.target, self.dist = name, target, None

    def load(self) -> Any:
        __import__(self.target)
        return sys.modules[self.target]


def test_an_entry_point_that_fails_to_import_is_named_and_skipped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        plugin_module, "_entry_points", lambda: [FakeEntryPoint("newsld-missing", "no_such_mod")]
    )
    monkeypatch.delenv(plugin_module.LOAD_PLUGINS_ENV, raising=False)
    loaded = load_plugins()
    assert len(loaded.errors) == 1
    assert loaded.errors[0].startswith("plugin newsld-missing: failed to load: ")
    assert "text" in loaded.registry.readers


def test_the_environment_variable_limits_third_party_plugins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sys.modules["newsld_fake_ok"] = toy_plugin()
    monkeypatch.setattr(
        plugin_module,
        "_entry_points",
        lambda: [FakeEntryPoint("windspeed", "newsld_fake_ok")],
    )
    monkeypatch.setenv(plugin_module.LOAD_PLUGINS_ENV, "")
    assert "windspeed" not in load_plugins().registry.extractors
    monkeypatch.setenv(plugin_module.LOAD_PLUGINS_ENV, "windspeed")
    assert "windspeed" in load_plugins().registry.extractors
