"""The pytest plugin of newsld: the `newsld_plugins` fixture, for plugin authors' tests.

newsld registers it under the `pytest11` entry point, so any test in an
environment with newsld installed can ask for the fixture (`-p no:newsld`
turns it off)::

    def test_only_my_plugin(newsld_plugins):
        plugins = newsld_plugins("arrests")   # the built-ins and this one
        assert "arrests" in plugins.registry.extractors

Which third-party plugins happen to be installed beside yours then does not
change what your test sees.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata
from types import ModuleType

import pytest

from newsld.plugins import DEFAULT_PLUGINS, LOAD_PLUGINS_ENV, Plugins, load_plugins

__all__ = ["newsld_plugins"]

PluginsFactory = Callable[..., Plugins]


@pytest.fixture
def newsld_plugins(monkeypatch: pytest.MonkeyPatch) -> PluginsFactory:
    """A factory: `newsld_plugins("name", module, builtins=True)` loads only those plugins.

    Strings are entry-point names of installed plugins; modules are registered
    as they are (a plugin under test that is not installed). A named plugin
    that is missing or fails to load fails the test with the reason.
    """

    def load(*wanted: str | ModuleType, builtins: bool = True) -> Plugins:
        names = [w for w in wanted if isinstance(w, str)]
        modules = [(m.__name__, m) for m in wanted if isinstance(m, ModuleType)]
        with monkeypatch.context() as patch:
            patch.setenv(LOAD_PLUGINS_ENV, ",".join(names))
            plugins = load_plugins(
                DEFAULT_PLUGINS if builtins else (), third_party=bool(names), extra=modules
            )
        _check_loaded(plugins, names)
        return plugins

    return load


def _check_loaded(plugins: Plugins, names: list[str]) -> None:
    """Fail with the load error, or the installed names, for each named plugin not loaded."""
    loaded = {info.name for info in plugins.info}
    for name in names:
        if name in loaded:
            continue
        errors = [e for e in plugins.errors if e.startswith(f"plugin {name}:")]
        if errors:
            pytest.fail("; ".join(errors), pytrace=False)
        installed = ", ".join(sorted({ep.name for ep in metadata.entry_points(group="newsld")}))
        pytest.fail(
            f"no installed newsld plugin named {name!r} (installed: {installed or 'none'})",
            pytrace=False,
        )
