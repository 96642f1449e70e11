"""`newsld.testing` for extractor authors: run one extractor, check its claims, load few plugins."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from types import ModuleType

import pytest

from newsld import Analysis, Article, Claim, ClaimType, Evidence, Extractor, load_plugins
from newsld.plugins import Plugins
from newsld.testing import (
    ExtractorFailed,
    article_from_text,
    assert_evidence,
    assert_valid_document,
    assert_valid_xml,
    convert_text,
    export_document,
    plugin_module,
    run_extractor,
)
from newsld.testing.pytest_plugin import newsld_plugins  # noqa: F401  (the fixture under test)

TEXT = "Gusts over Harbour Point reached 150 km/h on Monday."
GUST = ClaimType(
    "gust",
    properties={
        "speedKmh": {"type": "integer", "minimum": 0},
        "area": {"$ref": "#/$defs/entityRef"},
    },
    required=("speedKmh",),
    context={"wx": "https://example.org/weather#", "speedKmh": "wx:speedKmh", "area": "wx:area"},
)


def find_gusts(article: Article, analysis: Analysis) -> Iterable[Claim]:
    for match in re.finditer(r"over ([A-Z]\w+ [A-Z]\w+) reached (\d+) km/h", article.body):
        area = analysis.entities.add("Place", match[1])
        properties = {"speedKmh": int(match[2]), "area": area.ref}
        yield Claim("gust", match[0], [Evidence(match.start(), match.end())], 0.7, "", properties)


def gust_plugin(extract: Callable[..., Iterable[Claim]] = find_gusts) -> ModuleType:
    extractor = Extractor("gusts", extract, claim_types=("gust",))
    return plugin_module("newsld_gusts", claim_types=[GUST], extractors=[extractor])


@pytest.fixture
def plugins() -> Plugins:
    return load_plugins(third_party=False, extra=[("gusts", gust_plugin())])


def test_article_from_text_keeps_the_text_as_the_body() -> None:
    article = article_from_text(TEXT, "2025-10-22", "https://example.com/gusts")
    assert (article.body, article.date_published, article.url) == (
        TEXT,
        "2025-10-22",
        "https://example.com/gusts",
    )


def test_run_extractor_gives_checked_claims_with_resolvable_entities(plugins: Plugins) -> None:
    claims = run_extractor("gusts", TEXT, plugins=plugins)
    [claim] = claims
    assert claims.resolve(claim) == {"speedKmh": 150, "area": "Harbour Point"}
    assert claim.extractor == "gusts" and claim.id.endswith("#claim-1")
    assert_evidence(claim, TEXT, "reached 150 km/h")


def test_run_extractor_takes_an_extractor_no_plugin_registered() -> None:
    plugins = load_plugins(
        third_party=False, extra=[("types", plugin_module("t", claim_types=[GUST]))]
    )
    claims = run_extractor(Extractor("draft", find_gusts), TEXT, plugins=plugins)
    assert [c.properties["speedKmh"] for c in claims] == [150]


def test_run_extractor_reraises_the_plugins_exception_with_its_traceback(
    plugins: Plugins,
) -> None:
    def crash(article: Article, analysis: Analysis) -> Iterable[Claim]:
        raise KeyError("area")

    broken = load_plugins(third_party=False, extra=[("gusts", gust_plugin(crash))])
    with pytest.raises(KeyError) as failed:
        run_extractor("gusts", TEXT, plugins=broken)
    # The traceback ends in the plugin's own function, and a note names the extractor.
    assert failed.traceback[-1].name == "crash"
    assert "in extractor gusts (gusts)" in failed.value.__notes__


def test_run_extractor_raises_with_the_message_convert_would_print(plugins: Plugins) -> None:
    def garbage(article: Article, analysis: Analysis) -> Iterable[Claim]:
        return ["not a claim"]  # type: ignore[list-item]

    broken = load_plugins(third_party=False, extra=[("gusts", gust_plugin(garbage))])
    with pytest.raises(ExtractorFailed) as failed:
        run_extractor("gusts", TEXT, plugins=broken)
    assert str(failed.value) == (
        "extractor gusts (gusts) returned something that is not a Claim; its claims were dropped"
    )


def test_run_extractor_refuses_an_unknown_name(plugins: Plugins) -> None:
    with pytest.raises(ValueError, match=r"no extractor named 'gust' \(installed: .*\bgusts\b"):
        run_extractor("gust", TEXT, plugins=plugins)


def test_assert_evidence_names_the_phrase_it_misses(plugins: Plugins) -> None:
    [claim] = run_extractor("gusts", TEXT, plugins=plugins)
    with pytest.raises(AssertionError, match="'on Monday' not in the evidence"):
        assert_evidence(claim, TEXT, "on Monday")
    claim.evidence = [Evidence(40, 400)]
    with pytest.raises(AssertionError, match="outside a 52-character body"):
        assert_evidence(claim, TEXT)


def test_documents_export_valid_in_every_format(plugins: Plugins) -> None:
    document = convert_text(TEXT, plugins=plugins, only=["gusts"])
    node = assert_valid_document(document, plugins)
    assert node["hasPart"][0]["speedKmh"] == 150
    root = assert_valid_xml(export_document(document, "xml", plugins))
    assert root.tag == "{https://w3id.org/newsld/xml/1}documents"
    header = export_document(document, "csv", plugins).decode().splitlines()[0].split(",")
    assert {"speedKmh", "area"} <= set(header)


def test_assert_valid_xml_names_the_fault() -> None:
    with pytest.raises(AssertionError, match=r"not valid against newsld\.xsd"):
        assert_valid_xml(b'<documents xmlns="https://w3id.org/newsld/xml/1"><x/></documents>')


def test_newsld_plugins_loads_the_builtins_and_the_modules_named(
    newsld_plugins: Callable[..., Plugins],  # noqa: F811
) -> None:
    loaded = newsld_plugins(gust_plugin())
    assert "gusts" in loaded.registry.extractors and "text" in loaded.registry.readers
    bare = newsld_plugins(gust_plugin(), builtins=False)
    assert [info.name for info in bare.info] == ["newsld_gusts"]


def test_newsld_plugins_fails_the_test_for_a_plugin_not_installed(
    newsld_plugins: Callable[..., Plugins],  # noqa: F811
) -> None:
    with pytest.raises(pytest.fail.Exception, match="no installed newsld plugin named 'gusts'"):
        newsld_plugins("gusts")
