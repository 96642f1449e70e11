"""newsld: news articles to schema.org NewsArticle JSON-LD with their claims.

The public API is what `__all__` names; everything else is private.
"""

from newsld.__about__ import __version__
from newsld.analysis import Analysis, EntityTable
from newsld.api import convert, export, load
from newsld.convert import Converter
from newsld.errors import InputError, NewsldError
from newsld.export import DocumentWriter, ExportOptions
from newsld.hookspecs import hookimpl
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
