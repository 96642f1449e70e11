"""What plugins register: readers, claim types, extractors and exporters, by name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from newsld.model import Article, Claim, Document
from newsld.records import ArchiveItem

if TYPE_CHECKING:
    from newsld.analysis import Analysis
    from newsld.export import DocumentWriter, ExportOptions

__all__ = ["Archive", "ClaimType", "Exporter", "Extractor", "ReadOptions", "Reader", "Registry"]


@dataclass(frozen=True)
class ReadOptions:
    """What the caller knows beside the bytes: where they came from, and overrides."""

    source: str = "<input>"
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Reader:
    """Turns bytes into an `Article`.

    `sniff(data)` returns how sure the reader is (0..1) that it can read the
    bytes; the most confident reader wins when `--from` is not given.
    A reader of an already-built document (newsld's own JSON-LD or XML) also
    gives `read_document`: `Converter.convert` then returns that document as
    read, with no extraction; `read` gives its article alone.
    """

    name: str
    read: Callable[[bytes, ReadOptions], Article]
    extensions: tuple[str, ...] = ()
    media_types: tuple[str, ...] = ()
    sniff: Callable[[bytes], float] | None = None
    description: str = ""
    read_document: Callable[[bytes, ReadOptions], Document] | None = None


@dataclass(frozen=True)
class ClaimType:
    """A kind of claim: its schema.org type, its own keys and their JSON-LD terms.

    `properties` maps each key of the claim type to its JSON Schema, in the
    order exporters lay them out (CSV columns, XML elements). `context` maps
    the keys that are not schema.org properties to IRIs of the plugin's
    vocabulary (JSON-LD term definitions). `entity_keys` lists the keys whose
    values are entity references.
    """

    name: str
    schema_type: str = "Claim"
    properties: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    context: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""

    @property
    def entity_keys(self) -> tuple[str, ...]:
        """Keys whose schema is an entity reference or a list of them."""
        return tuple(key for key, schema in self.properties.items() if _is_ref_schema(schema))


def _is_ref_schema(schema: Mapping[str, Any]) -> bool:
    ref = str(schema.get("$ref", ""))
    items = schema.get("items")
    if isinstance(items, Mapping):
        ref = ref or str(items.get("$ref", ""))
    return ref.endswith("/entityRef") or ref.endswith("/entityRefs")


@dataclass(frozen=True)
class Extractor:
    """Finds claims in an article: `extract(article, analysis)` yields `Claim`s."""

    name: str
    extract: Callable[[Article, Analysis], Iterable[Claim]]
    claim_types: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Exporter:
    """Writes documents in one format: `factory(stream, options)` gives a `DocumentWriter`."""

    name: str
    factory: Callable[[IO[bytes], ExportOptions], DocumentWriter]
    extension: str
    media_type: str = "application/octet-stream"
    description: str = ""
    #: An exporter of several tables (`-O table=NAME`) names them here: written to a
    #: folder (`-o DIR/`), it becomes a dataset, each table in `DIR/<table>/` in parts.
    dataset_tables: tuple[str, ...] = ()
    #: Other file extensions it writes (`-o all.jsonl` for JSON-LD's JSON Lines); `-o` with
    #: one of them and no `--to` picks this format when no format has it as `extension`.
    extensions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Archive:
    """A file holding many inputs (a web archive): read as a stream of records.

    `records(path, start, stop)` yields, in the archive's order, a `Record` for
    each input to convert and a `Skipped` or `Broken` for each other record,
    reading from byte `start` to the first record that begins at or after
    `stop` (None: the end). `split(path, size)` gives byte ranges of about
    `size` bytes, each starting at a record, so one archive can be converted
    in parts by several workers (absent: the archive is one part). `sniff`
    looks at the first bytes (gzip undone) and says how sure it is (0..1).
    """

    name: str
    records: Callable[[str, int, int | None], Iterator[ArchiveItem]]
    extensions: tuple[str, ...] = ()
    sniff: Callable[[bytes], float] | None = None
    split: Callable[[str, int], list[tuple[int, int | None]]] | None = None
    description: str = ""
    #: What one of its records is called in the line that sums an archive up.
    unit: str = "page"


@dataclass
class Registry:
    """Everything the loaded plugins registered, and which plugin registered it."""

    readers: dict[str, Reader] = field(default_factory=dict)
    claim_types: dict[str, ClaimType] = field(default_factory=dict)
    extractors: dict[str, Extractor] = field(default_factory=dict)
    exporters: dict[str, Exporter] = field(default_factory=dict)
    archives: dict[str, Archive] = field(default_factory=dict)
    #: (kind, name) → the plugin that registered it.
    owners: dict[tuple[str, str], str] = field(default_factory=dict)

    def registered_by(self, plugin: str) -> dict[str, list[str]]:
        """What one plugin registered, by kind (`readers`, `extractors`...)."""
        found: dict[str, list[str]] = {}
        for (kind, name), owner in self.owners.items():
            if owner == plugin:
                found.setdefault(kind, []).append(name)
        return found

    def owner(self, kind: str, name: str) -> str:
        """The plugin that registered `name` of `kind` (empty when unknown)."""
        return self.owners.get((kind, name), "")
