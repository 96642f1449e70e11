"""Installed plugins on the command line: `newsld plugins`, and plugin failures in `convert`.

Each failure of a plugin is named in one line, loses only that plugin's
work, and shows in the exit code of `newsld convert` (issue 7, point 5).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsld import Analysis, Article, Claim, ClaimType, Evidence, Extractor
from newsld import plugins as plugin_manager
from newsld.plugins import LOAD_PLUGINS_ENV, default_plugins
from newsld.testing import plugin_module

STORM = "Storm hits\n\nA storm hit the coast. Wind speeds reached 150 km/h.\n"
WINDSPEED = ClaimType(
    "windspeed",
    properties={"speedKmh": {"type": "integer", "minimum": 0}},
    required=("speedKmh",),
    context={"wx": "https://example.org/weather#", "speedKmh": "wx:speedKmh"},
)


def find_windspeeds(article: Article, analysis: Analysis) -> Iterable[Claim]:
    for match in re.finditer(r"(\d+) km/h", article.body):
        span = [Evidence(match.start(), match.end())]
        yield Claim("windspeed", match[0], span, 0.8, properties={"speedKmh": int(match[1])})


def windspeed_plugin() -> ModuleType:
    extractor = Extractor("windspeed", find_windspeeds, claim_types=("windspeed",))
    return plugin_module("newsld_windspeed", claim_types=[WINDSPEED], extractors=[extractor])


def raises(article: Article, analysis: Analysis) -> Iterable[Claim]:
    raise RuntimeError("boom")


def garbage(article: Article, analysis: Analysis) -> Iterable[Any]:
    return [{"claimType": "windspeed"}]


def breaks_schema(article: Article, analysis: Analysis) -> Iterable[Claim]:
    yield Claim("windspeed", "x", [Evidence(0, 1)], properties={"speedKmh": -5})


def failing_plugin(extract: Callable[..., Iterable[Any]]) -> ModuleType:
    return plugin_module("newsld_crash", extractors=[Extractor("crash", extract)])


class Dist:
    def __init__(self, name: str, version: str) -> None:
        self.name, self.version = name, version


class EntryPoint:
    """An installed plugin as `importlib.metadata` reports it; a str target fails to import."""

    def __init__(self, name: str, target: ModuleType | str) -> None:
        self.name, self.target = name, target
        self.dist = Dist(f"newsld-{name}", "1.2.0")

    def load(self) -> ModuleType:
        if isinstance(self.target, str):
            raise ModuleNotFoundError(f"No module named {self.target!r}")
        return self.target


@pytest.fixture
def install(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """Make the given modules look installed (entry-point name → module) to the CLI."""

    def run(**modules: ModuleType | str) -> None:
        points = [EntryPoint(name, target) for name, target in modules.items()]
        monkeypatch.setattr(plugin_manager, "_entry_points", lambda: points)
        monkeypatch.delenv(LOAD_PLUGINS_ENV, raising=False)
        default_plugins.cache_clear()

    yield run
    default_plugins.cache_clear()


@pytest.fixture
def storm(tmp_path: Path) -> Path:
    path = tmp_path / "storm.txt"
    path.write_text(STORM, encoding="utf-8")
    return path


# ---------------------------------------------------------------- newsld plugins


def test_plugins_lists_installed_plugins_only(cli: Any, install: Any) -> None:
    install(windspeed=windspeed_plugin())
    result = cli("plugins")
    assert result.exit_code == 0
    assert result.stdout == (
        "windspeed 1.2.0 (newsld-windspeed)\n"
        "  hooks: register_claim_types, register_extractors\n"
        "  claim types: windspeed\n"
        "  extractors: windspeed\n"
    )


def test_plugins_all_adds_the_builtins(cli: Any, install: Any) -> None:
    install(windspeed=windspeed_plugin())
    names = [row["name"] for row in json.loads(cli("plugins", "--all", "--json").stdout)["plugins"]]
    assert names[-1] == "windspeed"
    assert "newsld_plugins.text_reader" in names


def test_plugins_json_describes_each_installed_plugin(cli: Any, install: Any) -> None:
    install(windspeed=windspeed_plugin())
    assert json.loads(cli("plugins", "--json").stdout) == {
        "plugins": [
            {
                "name": "windspeed",
                "package": "newsld-windspeed",
                "version": "1.2.0",
                "builtin": False,
                "path": "",
                "hooks": ["register_claim_types", "register_extractors"],
                "registers": {"claim_types": ["windspeed"], "extractors": ["windspeed"]},
            }
        ],
        "failed": [],
        "errors": [],
    }


def test_plugins_says_in_one_line_that_none_is_installed(cli: Any, install: Any) -> None:
    install()
    result = cli("plugins")
    assert result.exit_code == 0
    assert result.stdout == (
        "No third-party plugins installed; 'newsld plugins --all' lists the built-ins.\n"
    )


def test_plugins_says_when_the_environment_variable_loads_none(cli: Any) -> None:
    # The suite runs with NEWSLD_LOAD_PLUGINS="" (tests/conftest.py).
    assert cli("plugins").stdout == (
        "No third-party plugins loaded (NEWSLD_LOAD_PLUGINS=''); "
        "'newsld plugins --all' lists the built-ins.\n"
    )


def test_the_environment_variable_names_the_plugins_to_load(
    cli: Any, install: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(windspeed=windspeed_plugin(), crash=failing_plugin(raises))
    monkeypatch.setenv(LOAD_PLUGINS_ENV, "crash")
    names = [row["name"] for row in json.loads(cli("plugins", "--json").stdout)["plugins"]]
    assert names == ["crash"]


# ---------------------------------------------------------------- a plugin that fails to import

MISSING = "plugin broken: failed to load: ModuleNotFoundError: No module named 'newsld_broken'"


def test_a_plugin_that_fails_to_import_is_named_by_newsld_plugins(cli: Any, install: Any) -> None:
    install(broken="newsld_broken", windspeed=windspeed_plugin())
    result = cli("plugins")
    assert result.exit_code == 1
    assert result.stderr == f"newsld: warning: {MISSING}\n"
    assert result.stdout.startswith("windspeed 1.2.0 (newsld-windspeed)\n")


def test_convert_skips_a_plugin_that_fails_to_import_and_runs_the_others(
    cli: Any, install: Any, storm: Path
) -> None:
    install(broken="newsld_broken", windspeed=windspeed_plugin())
    result = cli("convert", str(storm))
    assert result.exit_code == 0
    assert result.stderr == f"newsld: warning: {MISSING}\n"
    claims = json.loads(result.stdout)["hasPart"]
    assert [(c["claimType"], c["speedKmh"]) for c in claims] == [("windspeed", 150)]


# ---------------------------------------------------------------- an extractor that fails

FAILURES = [
    pytest.param(raises, "raised RuntimeError: boom", id="raises"),
    pytest.param(garbage, "returned something that is not a Claim", id="garbage"),
    pytest.param(
        breaks_schema,
        "made an invalid claim: /speedKmh: -5 is less than the minimum of 0",
        id="breaks-its-schema",
    ),
]


@pytest.mark.parametrize(("extract", "why"), FAILURES)
def test_convert_names_a_failing_extractor_keeps_the_rest_and_exits_1(
    cli: Any, install: Any, storm: Path, tmp_path: Path, extract: Any, why: str
) -> None:
    install(windspeed=windspeed_plugin(), crash=failing_plugin(extract))
    target = tmp_path / "storm.jsonld"
    result = cli("convert", str(storm), "-o", str(target))
    message = f"extractor crash (crash) {why}; its claims were dropped"
    assert result.exit_code == 1
    assert result.stderr == f"newsld: error: {storm}: {message}\n"
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["articleBody"] == "A storm hit the coast. Wind speeds reached 150 km/h.\n"
    assert [c["extractor"] for c in document["hasPart"]] == ["windspeed"]
    assert document["warnings"] == [message]


def test_skipping_the_failing_extractor_exits_0(cli: Any, install: Any, storm: Path) -> None:
    install(windspeed=windspeed_plugin(), crash=failing_plugin(raises))
    result = cli("convert", str(storm), "--skip", "crash")
    assert (result.exit_code, result.stderr) == (0, "")
    assert len(json.loads(result.stdout)["hasPart"]) == 1


def test_a_batch_goes_on_past_a_failing_extractor(
    cli: Any, install: Any, storm: Path, tmp_path: Path
) -> None:
    install(windspeed=windspeed_plugin(), crash=failing_plugin(raises))
    calm = tmp_path / "calm.txt"
    calm.write_text("Calm\n\nNo wind today.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli("convert", str(storm), str(calm), "-o", f"{out}/")
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["calm.jsonld", "storm.jsonld"]
    assert result.stderr.count("extractor crash (crash) raised RuntimeError: boom") == 2
