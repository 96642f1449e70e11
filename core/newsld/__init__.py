"""newsld: news articles to schema.org NewsArticle JSON-LD with their claims.

The public API is what `__all__` names; everything else is private. Each name
is imported on first use (PEP 562), so `newsld --version`, a plugin that only
needs `hookimpl`, or a worker that never converts pays for none of the rest.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from newsld.__about__ import __version__
from newsld.hookspecs import hookimpl

if TYPE_CHECKING:
    from newsld.analysis import Analysis, EntityTable
    from newsld.api import convert, export, load
    from newsld.convert import Converter
    from newsld.errors import InputError, NewsldError
    from newsld.export import DocumentWriter, ExportOptions
    from newsld.model import Article, Author, Claim, Document, Entity, Evidence, Ref
    from newsld.plugins import load_plugins
    from newsld.records import Record
    from newsld.registry import ClaimType, Exporter, Extractor, Reader, ReadOptions, Registry
    from newsld.step import process

__all__ = [
    "Analysis",
    "Article",
    "Author",
    "Claim",
    "ClaimType",
    "Converter",
    "Document",
    "DocumentWriter",
    "Entity",
    "EntityTable",
    "Evidence",
    "ExportOptions",
    "Exporter",
    "Extractor",
    "InputError",
    "NewsldError",
    "ReadOptions",
    "Reader",
    "Record",
    "Ref",
    "Registry",
    "__version__",
    "convert",
    "export",
    "hookimpl",
    "load",
    "load_plugins",
    "process",
]

# Where each public name lives.
_HOMES = {
    "Analysis": "newsld.analysis",
    "EntityTable": "newsld.analysis",
    "convert": "newsld.api",
    "export": "newsld.api",
    "load": "newsld.api",
    "Converter": "newsld.convert",
    "InputError": "newsld.errors",
    "NewsldError": "newsld.errors",
    "DocumentWriter": "newsld.export",
    "ExportOptions": "newsld.export",
    "Article": "newsld.model",
    "Author": "newsld.model",
    "Claim": "newsld.model",
    "Document": "newsld.model",
    "Entity": "newsld.model",
    "Evidence": "newsld.model",
    "Ref": "newsld.model",
    "load_plugins": "newsld.plugins",
    "Record": "newsld.records",
    "ClaimType": "newsld.registry",
    "Exporter": "newsld.registry",
    "Extractor": "newsld.registry",
    "Reader": "newsld.registry",
    "ReadOptions": "newsld.registry",
    "Registry": "newsld.registry",
    "process": "newsld.step",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'newsld' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # later look-ups find it without coming here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """`newsld.convert` and `newsld.export` name both a function of the API and a submodule.
    Importing a submodule binds it on its package, which would hide the function the
    first time any code imports the submodule: that binding is declined here (the
    submodule stays in `sys.modules`, where `from newsld.convert import ...` finds it)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("convert", "export") and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
