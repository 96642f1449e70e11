"""The plugin manager: loads the built-ins and installed plugins, and builds the registry.

Built-in plugins are ordinary modules registered through the same hooks a
third-party package implements; installed packages are found through the
`newsld` entry-point group, and the `.py` files of a plugins folder
(`--plugins-dir`, or `NEWSLD_PLUGINS_DIR`) load as plugins too, as datasette's
`--plugins-dir` does. A plugin that fails to import, or raises in a hook, is
named in `Plugins.errors` and skipped; the others keep working.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
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
    "PLUGINS_DIR_ENV",
    "STRICT_PLUGINS_ENV",
    "PluginInfo",
    "PluginSpec",
    "Plugins",
    "default_plugins",
    "load_plugins",
    "load_spec",
    "plugins_dirs_from_env",
    "strict_plugins",
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
#: Folders (separated like PATH) whose `.py` files load as plugins, after the installed ones.
PLUGINS_DIR_ENV = "NEWSLD_PLUGINS_DIR"
#: `1`: a plugin that fails to load (or to register) is an error that stops every command.
STRICT_PLUGINS_ENV = "NEWSLD_STRICT_PLUGINS"

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
    #: The file it was loaded from, for a plugin of a plugins folder.
    path: str = ""

    def hooks(self, pm: pluggy.PluginManager) -> list[str]:
        """The hooks this plugin implements."""
        return sorted(caller.name for caller in (pm.get_hookcallers(self.module) or []))


@dataclass(frozen=True)
class PluginSpec:
    """How a set of plugins was loaded: enough for another process to load the same ones."""

    builtins: tuple[str, ...]
    third_party: bool
    #: `NEWSLD_LOAD_PLUGINS` when they were loaded (None: unset).
    allowed: str | None
    plugins_dirs: tuple[str, ...]
    #: Importable names of the modules given as `extra`; None when one is not importable.
    extra: tuple[tuple[str, str], ...] | None


@dataclass
class Plugins:
    """A plugin manager with its loaded plugins, their registry and their load errors."""

    pm: pluggy.PluginManager
    info: list[PluginInfo] = field(default_factory=list)
    registry: Registry = field(default_factory=Registry)
    errors: list[str] = field(default_factory=list)
    #: Plugins that failed to load at all: name → why.
    failed: dict[str, str] = field(default_factory=dict)
    #: How they were loaded (None: registered by hand).
    spec: PluginSpec | None = None

    def register_module(
        self,
        module: ModuleType,
        name: str,
        version: str,
        builtin: bool,
        package: str = "",
        path: str = "",
    ) -> None:
        """Register one plugin module and add what it registers to the registry."""
        self.pm.register(module, name=name)
        self.info.append(PluginInfo(name, version, builtin, module, package, path))
        self._collect(module, name)

    def fail(self, name: str, why: str) -> None:
        """Record a plugin that could not be loaded."""
        self.failed[name] = why
        self.errors.append(f"plugin {name}: failed to load: {why}")

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
    plugins_dirs: Sequence[str] | None = None,
) -> Plugins:
    """Load the built-ins, the installed plugins allowed by `NEWSLD_LOAD_PLUGINS`, the plugins
    folders (`plugins_dirs`, by default those of `NEWSLD_PLUGINS_DIR`), and `extra`."""
    allowed = os.environ.get(LOAD_PLUGINS_ENV)
    folders = tuple(plugins_dirs if plugins_dirs is not None else plugins_dirs_from_env())
    importable = [(name, module.__name__) for name, module in extra]
    known = all(
        sys.modules.get(dotted) is module
        for (_, dotted), (_, module) in zip(importable, extra, strict=True)
    )
    spec = PluginSpec(
        tuple(builtins), third_party, allowed, folders, tuple(importable) if known else None
    )
    return load_spec(spec, extra)


def load_spec(spec: PluginSpec, extra: Sequence[tuple[str, ModuleType]] | None = None) -> Plugins:
    """The plugins `spec` describes (its extra modules imported by name unless given)."""
    pm = pluggy.PluginManager("newsld")
    pm.add_hookspecs(hookspecs)
    plugins = Plugins(pm, spec=spec)
    for dotted in spec.builtins:
        plugins.register_module(importlib.import_module(dotted), dotted, __version__, True)
    if spec.third_party:
        _load_entry_points(plugins, _allowed(spec.allowed))
    for folder in spec.plugins_dirs:
        _load_folder(plugins, folder)
    if extra is None:
        extra = [(name, importlib.import_module(dotted)) for name, dotted in spec.extra or ()]
    for name, module in extra:
        plugins.register_module(module, name, "", False)
    return plugins


def plugins_dirs_from_env() -> list[str]:
    """The plugins folders `NEWSLD_PLUGINS_DIR` names (separated like PATH)."""
    return [d for d in os.environ.get(PLUGINS_DIR_ENV, "").split(os.pathsep) if d]


def _load_entry_points(plugins: Plugins, allowed: Callable[[str], bool]) -> None:
    for ep in _entry_points():
        if not allowed(ep.name) or plugins.pm.get_plugin(ep.name) is not None:
            continue
        try:
            module = ep.load()
        except (Exception, SystemExit) as exc:  # a broken install must not stop the others
            plugins.fail(ep.name, _what(exc))
            continue
        version, package = (ep.dist.version, ep.dist.name) if ep.dist is not None else ("", "")
        plugins.register_module(module, ep.name, version, False, package)


def _load_folder(plugins: Plugins, folder: str) -> None:
    """Each `.py` file of a plugins folder as a plugin named after the file (datasette's way)."""
    if not os.path.isdir(folder):
        plugins.errors.append(f"plugins folder {folder}: not a folder; no plugin loaded from it")
        return
    for path in sorted(Path(folder).glob("*.py")):
        name = path.stem
        if plugins.pm.get_plugin(name) is not None or name in plugins.failed:
            plugins.fail(name, f"{path}: a plugin named {name!r} is already loaded")
            continue
        try:
            module = _import_file(path)
        except (Exception, SystemExit) as exc:  # one broken file must not stop the others
            plugins.fail(name, f"{path}: {_what(exc)}")
            continue
        plugins.register_module(module, name, "", False, path=str(path))


def _import_file(path: Path) -> ModuleType:
    """Import one file as the module `newsld_plugins_dir.<stem>` (kept in sys.modules, so
    what it defines pickles by name in forked workers)."""
    name = f"newsld_plugins_dir.{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def strict_plugins() -> bool:
    """Whether `NEWSLD_STRICT_PLUGINS` makes a plugin that failed to load an error."""
    return os.environ.get(STRICT_PLUGINS_ENV, "").strip().lower() in {"1", "yes", "true", "on"}


def _what(exc: BaseException) -> str:
    if isinstance(exc, SystemExit):
        return f"it called sys.exit({exc.code!r})"
    return f"{type(exc).__name__}: {exc}"


@cache
def default_plugins() -> Plugins:
    """The plugins of this process: built-ins and installed ones, loaded once."""
    return load_plugins()
