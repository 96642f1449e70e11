"""The plugin manager: loads the built-ins and installed plugins, and builds the registry.

Built-in plugins are ordinary modules registered through the same hooks a
third-party package implements; installed packages are found through the
`newsld` entry-point group. A plugin that fails to import, or raises in a
hook, is named in `Plugins.errors` and skipped; the others keep working.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from types import ModuleType
from typing import Any

import pluggy

from newsld import hookspecs
from newsld.__about__ import __version__
from newsld.registry import Archive, ClaimType, Exporter, Extractor, Reader, Registry
from newsld.schema import claim_type_problem

__all__ = [
    "DEFAULT_PLUGINS",
    "LOAD_PLUGINS_ENV",
    "PluginInfo",
    "Plugins",
    "default_plugins",
    "load_plugins",
]

#: The built-in plugins, registered like any other.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "newsld_plugins.text_reader",
    "newsld_plugins.html",
    "newsld_plugins.jsonld_exporter",
    "newsld_plugins.xml_exporter",
    "newsld_plugins.csv_exporter",
    "newsld_plugins.parquet_exporter",
    "newsld_plugins.warc",
    "newsld_plugins.own_formats",
    "newsld_plugins.quotes",
    "newsld_plugins.search",
    "newsld_plugins.sanctions",
    "newsld_plugins.casualties",
)

#: Unset: load every installed plugin. Empty: none. `a,b`: only those (entry-point names).
LOAD_PLUGINS_ENV = "NEWSLD_LOAD_PLUGINS"

_KIND_TYPES = (Reader, ClaimType, Extractor, Exporter, Archive)
_KINDS: dict[str, tuple[str, type[Reader | ClaimType | Extractor | Exporter | Archive]]] = {
    "register_readers": ("readers", Reader),
    "register_archives": ("archives", Archive),
    "register_claim_types": ("claim_types", ClaimType),
    "register_extractors": ("extractors", Extractor),
    "register_exporters": ("exporters", Exporter),
}


@dataclass
class PluginInfo:
    """One loaded plugin: its name, version and where it came from."""

    name: str
    version: str
    builtin: bool
    module: ModuleType
    #: The distribution that installed it (`newsld-arrests`); empty for built-ins and extras.
    package: str = ""

    def hooks(self, pm: pluggy.PluginManager) -> list[str]:
        """The hooks this plugin implements."""
        return sorted(caller.name for caller in (pm.get_hookcallers(self.module) or []))


@dataclass
class Plugins:
    """A plugin manager with its loaded plugins, their registry and their load errors."""

    pm: pluggy.PluginManager
    info: list[PluginInfo] = field(default_factory=list)
    registry: Registry = field(default_factory=Registry)
    errors: list[str] = field(default_factory=list)

    def register_module(
        self, module: ModuleType, name: str, version: str, builtin: bool, package: str = ""
    ) -> None:
        """Register one plugin module and add what it registers to the registry."""
        self.pm.register(module, name=name)
        self.info.append(PluginInfo(name, version, builtin, module, package))
        self._collect(module, name)

    def _collect(self, module: ModuleType, plugin: str) -> None:
        # Each plugin's hooks are called on their own, so one that raises loses
        # only its own registrations and is named in the error.
        for hook, (kind, cls) in _KINDS.items():
            impl = next(
                (i for i in getattr(self.pm.hook, hook).get_hookimpls() if i.plugin is module),
                None,
            )
            if impl is None:
                continue
            found: list[Any] = []
            # pluggy lets an implementation take fewer arguments than the spec.
            given = {"register": found.append}
            try:
                impl.function(*(given[arg] for arg in impl.argnames))
            except (Exception, SystemExit) as exc:  # a plugin's bug must not stop the others
                why = _what(exc) if isinstance(exc, SystemExit) else str(exc)
                self.errors.append(f"plugin {plugin}: {hook} failed: {why}")
                continue
            for item in found:
                self._add(kind, cls, item, plugin)

    def _add(self, kind: str, cls: type, item: object, plugin: str) -> None:
        if not isinstance(
            item, Reader | ClaimType | Extractor | Exporter | Archive
        ) or not isinstance(item, cls):
            self.errors.append(f"plugin {plugin}: registered {item!r}, not a {cls.__name__}")
            return
        table: dict[str, Any] = getattr(self.registry, kind)
        problem = claim_type_problem(item) if isinstance(item, ClaimType) else None
        if problem:
            self.errors.append(f"plugin {plugin}: claim type {item.name!r} refused: {problem}")
            return
        if item.name in table:
            other = self.registry.owner(kind, item.name)
            self.errors.append(
                f"plugin {plugin}: {kind[:-1].replace('_', ' ')} {item.name!r} "
                f"is already registered by {other}; kept {other}'s"
            )
            return
        table[item.name] = item
        self.registry.owners[(kind, item.name)] = plugin


def _allowed(env: str | None) -> Callable[[str], bool]:
    if env is None:
        return lambda name: True
    names = {n.strip() for n in env.split(",") if n.strip()}
    return lambda name: name in names


def _entry_points() -> Iterable[metadata.EntryPoint]:
    return metadata.entry_points(group="newsld")


def load_plugins(
    builtins: Sequence[str] = DEFAULT_PLUGINS,
    *,
    third_party: bool = True,
    extra: Sequence[tuple[str, ModuleType]] = (),
) -> Plugins:
    """Load the built-ins, the installed plugins allowed by `NEWSLD_LOAD_PLUGINS`, and `extra`."""
    pm = pluggy.PluginManager("newsld")
    pm.add_hookspecs(hookspecs)
    plugins = Plugins(pm)
    for dotted in builtins:
        plugins.register_module(importlib.import_module(dotted), dotted, __version__, True)
    if third_party:
        _load_entry_points(plugins, _allowed(os.environ.get(LOAD_PLUGINS_ENV)))
    for name, module in extra:
        plugins.register_module(module, name, "", False)
    return plugins


def _load_entry_points(plugins: Plugins, allowed: Callable[[str], bool]) -> None:
    for ep in _entry_points():
        if not allowed(ep.name) or plugins.pm.get_plugin(ep.name) is not None:
            continue
        try:
            module = ep.load()
        except (Exception, SystemExit) as exc:  # a broken install must not stop the others
            plugins.errors.append(f"plugin {ep.name}: failed to load: {_what(exc)}")
            continue
        version, package = (ep.dist.version, ep.dist.name) if ep.dist is not None else ("", "")
        plugins.register_module(module, ep.name, version, False, package)


def _what(exc: BaseException) -> str:
    if isinstance(exc, SystemExit):
        return f"it called sys.exit({exc.code!r})"
    return f"{type(exc).__name__}: {exc}"


@cache
def default_plugins() -> Plugins:
    """The plugins of this process: built-ins and installed ones, loaded once."""
    return load_plugins()
