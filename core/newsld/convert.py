"""The flow of DESIGN.md: read, analyse, extract, resolve, validate.

`Converter` holds the loaded plugins and the compiled schema, so a batch pays
for loading once; `convert(data, options)` turns one input into a `Document`.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import math
import traceback
import zlib
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property, lru_cache
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, TypeVar

from newsld.analysis import Analysis
from newsld.cleaning import clean_article, clean_document, clean_findings
from newsld.errors import InputError
from newsld.jsonld import claim_node, to_jsonld
from newsld.metadata import normalise_article
from newsld.model import Article, Claim, Document, Entity, Evidence
from newsld.plugins import Plugins, PluginSpec, load_plugins, load_spec
from newsld.registry import Extractor, Reader, ReadOptions
from newsld.schema import claim_schema, errors, fast_validity, validator_for

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

__all__ = ["MAX_INPUT_BYTES", "Converter", "json_problem", "unpack"]

T = TypeVar("T")

#: Inputs (after decompression) larger than this are refused, not read.
MAX_INPUT_BYTES = 64 * 1024 * 1024
#: An extractor may yield at most one claim per 20 characters of body, and never fewer than this.
MIN_CLAIMS_CAP = 1000
#: Claim properties nested deeper than this are refused.
MAX_JSON_DEPTH = 64
_GZIP_MAGIC = b"\x1f\x8b"


class Converter:
    """Converts inputs to documents with the loaded plugins."""

    def __init__(
        self,
        plugins: Plugins | None = None,
        *,
        only: Sequence[str] | None = None,
        skip: Sequence[str] = (),
        raise_plugin_errors: bool = False,
    ) -> None:
        self.plugins = plugins if plugins is not None else load_plugins()
        self.registry = self.plugins.registry
        self.only = None if only is None else tuple(only)
        self.skip = tuple(skip)
        self.extractors = self._choose(only, skip)
        self._validators: dict[str, Validator] = {}
        #: Let an exception raised in a plugin propagate (a plugin author's test wants its
        #: traceback), instead of costing only what the plugin was doing.
        self.raise_plugin_errors = raise_plugin_errors

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as how it was made, so it travels to process pools and distributed engines:
        the process that unpickles it loads the same plugins once and keeps them."""
        spec = self.plugins.spec
        if spec is None or spec.extra is None:
            raise TypeError(
                "this Converter's plugins were registered by hand, so another process cannot "
                "load them: give them as importable modules to pickle it"
            )
        return (_rebuild, (spec, self.only, self.skip, self.raise_plugin_errors))

    def _choose(self, only: Sequence[str] | None, skip: Sequence[str]) -> list[Extractor]:
        known = self.registry.extractors
        for name in [*(only or []), *skip]:
            if name not in known:
                raise ValueError(
                    f"no extractor named {name!r} (installed: {', '.join(sorted(known)) or 'none'})"
                )
        chosen = [e for n, e in known.items() if (only is None or n in only) and n not in skip]
        return chosen

    @cached_property
    def _claim_checks(self) -> dict[str, tuple[Callable[[Any], bool], dict[str, Any]] | str]:
        """Each claim type's compiled check and its schema, or why the schema does not compile."""
        checks: dict[str, tuple[Callable[[Any], bool], dict[str, Any]] | str] = {}
        for name, claim_type in self.registry.claim_types.items():
            schema = claim_schema(claim_type)
            try:
                checks[name] = (fast_validity(schema), schema)
            except Exception as exc:  # refused at load by newsld's own plugins; a registry
                # built by hand can still hold one
                checks[name] = f"claim type {name!r} has a schema that does not compile ({exc})"
        return checks

    def _explain(self, claim_type: str, node: dict[str, Any]) -> str:
        """Why a claim node fails its schema, in jsonschema's words (built on the first fault)."""
        validator = self._validators.get(claim_type)
        if validator is None:
            check = self._claim_checks[claim_type]
            assert not isinstance(check, str)
            validator = self._validators[claim_type] = validator_for(check[1])
        return str(next(errors(validator, node), "does not match its schema"))

    # ------------------------------------------------------------------ read

    def reader_for(
        self, data: bytes, source: str, name: str | None = None, faults: list[str] | None = None
    ) -> Reader:
        """The reader named, else the one the file name points to, else the best sniff.

        A reader whose sniff raises is left out, and named in `faults` when given.
        """
        readers = self.registry.readers
        if name is not None:
            if name not in readers:
                raise ValueError(
                    f"no reader named {name!r} (installed: {', '.join(sorted(readers))})"
                )
            return readers[name]
        suffixes = [s.lower() for s in PurePath(source).suffixes if s.lower() != ".gz"]
        by_extension = [r for r in readers.values() if suffixes and suffixes[-1] in r.extensions]
        if len(by_extension) == 1:
            return by_extension[0]
        sniffed = [(self._sniff(r, data, faults), r.name) for r in readers.values()]
        score, best = max(sniffed, default=(0.0, ""))
        if score <= 0:
            raise InputError(source, "; ".join(["not a format newsld can read", *(faults or [])]))
        return readers[best]

    def _sniff(self, reader: Reader, data: bytes, faults: list[str] | None) -> float:
        if reader.sniff is None:
            return 0.0
        try:
            score = float(reader.sniff(data))
        except Exception as exc:  # a plugin's bug: the other readers still get their turn
            if faults is not None:
                faults.append(f"{self._named('readers', reader.name)} sniff raised {_what(exc)}")
            return 0.0
        return score if math.isfinite(score) else 0.0

    def _named(self, kind: str, name: str) -> str:
        """`reader html (newsld_plugins.html)`: what failed, and the plugin it belongs to."""
        return f"{kind[:-1]} {name} ({self.registry.owner(kind, name) or 'unknown plugin'})"

    def read(self, data: bytes, options: ReadOptions, reader: str | None = None) -> Article:
        """Bytes to an Article with the chosen reader (gzip is undone first)."""
        data = unpack(data, options.source)
        return self._read(data, options, self.reader_for(data, options.source, reader))

    def _read(self, data: bytes, options: ReadOptions, reader: Reader) -> Article:
        article = self._reading(reader, reader.read, data, options)
        if not isinstance(article, Article):
            raise InputError(
                options.source, f"{self._named('readers', reader.name)} gave no Article"
            )
        article.source = article.source or options.source
        if options.url:
            article.url = options.url
        if options.published:
            article.date_published = options.published
        normalise_article(article)
        return article

    # ------------------------------------------------------------------ build

    def build(self, article: Article) -> Document:
        """Analyse the article, run every chosen extractor, resolve and check the claims."""
        clean_article(article)
        base = article_base(article)
        analysis = Analysis(article, base)
        document = Document(id=f"{base}#article", article=article, warnings=list(article.warnings))
        claims: list[Claim] = []
        for extractor in self.extractors:
            claims += self._run(extractor, article, analysis, document)
        document.claims = self._resolve(claims, base)
        document.entities = _referenced(document.claims, list(analysis.entities))
        for note in analysis.warnings:
            if note not in document.warnings:
                document.warnings.append(note)
        clean_findings(document)
        return document

    def convert(self, data: bytes, options: ReadOptions, reader: str | None = None) -> Document:
        """One input, from bytes to a checked document (a document read back as it is)."""
        data = unpack(data, options.source)
        faults: list[str] = []
        chosen = self.reader_for(data, options.source, reader, faults)
        if chosen.read_document is not None:
            document = self._reading(chosen, chosen.read_document, data, options)
            if not isinstance(document, Document):
                raise InputError(
                    options.source, f"{self._named('readers', chosen.name)} gave no Document"
                )
            clean_document(document)
            document.restored = True
        else:
            document = self.build(self._read(data, options, chosen))
        for fault in faults:
            document.warnings.append(fault)
            document.errors.append(fault)
        return document

    def _reading(
        self,
        reader: Reader,
        read: Callable[[bytes, ReadOptions], T],
        data: bytes,
        options: ReadOptions,
    ) -> T:
        """Call a reader; a fault of its own (not of the input) is named with its plugin."""
        try:
            return read(data, options)
        except (InputError, RecursionError, MemoryError):
            raise  # the input's problem: too deep or too large to read is said by the caller
        except Exception as exc:
            named = self._named("readers", reader.name)
            if self.raise_plugin_errors:
                exc.add_note(f"in {named}, reading {options.source}")
                raise
            raise InputError(
                options.source, f"{named} failed: {_what(exc)}", traceback.format_exc()
            ) from None

    def to_jsonld(self, document: Document) -> dict[str, Any]:
        """The document as JSON-LD, with the context of the registered claim types."""
        return to_jsonld(document, self.registry.claim_types)

    def _run(
        self, extractor: Extractor, article: Article, analysis: Analysis, document: Document
    ) -> list[Claim]:
        # An extractor that raises or returns garbage loses only its own claims.
        plugin = self.registry.owner("extractors", extractor.name)
        most = max(MIN_CLAIMS_CAP, len(article.body) // 20)
        try:
            # At most one claim per 20 characters: an extractor that yields forever stops here.
            found = list(itertools.islice(extractor.extract(article, analysis), most + 1))
        except Exception as exc:
            if self.raise_plugin_errors:
                exc.add_note(f"in extractor {extractor.name} ({plugin or 'unknown plugin'})")
                raise
            failed = self._fail(document, extractor, plugin, f"raised {_what(exc)}")
            document.details[document.errors[-1]] = traceback.format_exc()
            return failed
        if len(found) > most:
            return self._fail(document, extractor, plugin, f"yielded more than {most} claims")
        if not all(isinstance(c, Claim) for c in found):
            return self._fail(document, extractor, plugin, "returned something that is not a Claim")
        for claim in found:
            claim.extractor = claim.extractor or extractor.name
            problem = self._check(claim, len(article.body))
            if problem:
                return self._fail(document, extractor, plugin, f"made an invalid claim: {problem}")
        return found

    def _check(self, claim: Claim, body_length: int) -> str | None:
        if claim.claim_type not in self.registry.claim_types:
            return f"unregistered claim type {claim.claim_type!r}"
        if any(e.end > body_length for e in claim.evidence):
            return "evidence outside articleBody"
        try:
            node = claim_node(claim, self.registry.claim_types)
        except (TypeError, ValueError) as exc:
            return f"a property that is not JSON ({_what(exc)})"
        node["@id"] = node["@id"] or "#"
        problem = json_problem(node)
        if problem:
            return problem
        check = self._claim_checks[claim.claim_type]
        if isinstance(check, str):
            return check
        if check[0](node):
            return None
        return self._explain(claim.claim_type, node)

    @staticmethod
    def _fail(document: Document, extractor: Extractor, plugin: str, why: str) -> list[Claim]:
        owner = plugin or "unknown plugin"
        message = f"extractor {extractor.name} ({owner}) {why}; its claims were dropped"
        document.warnings.append(message)
        document.errors.append(message)
        return []

    @staticmethod
    def _resolve(claims: Iterable[Claim], base: str) -> list[Claim]:
        """Merge claims that restate one fact, order them by position, give them ids."""
        merged: dict[tuple[str, str, str], Claim] = {}
        # Evidence of restatements is gathered in a set and sorted once per claim:
        # re-sorting on every duplicate made many restatements quadratic.
        restated: dict[tuple[str, str, str], set[Evidence]] = {}
        for claim in claims:
            key = (claim.claim_type, claim.text, repr(sorted(claim.properties.items())))
            if key in merged:
                kept = merged[key]
                restated.setdefault(key, set(kept.evidence)).update(claim.evidence)
                kept.confidence = max(kept.confidence, claim.confidence)
            else:
                merged[key] = claim
        for key, evidence in restated.items():
            merged[key].evidence = sorted(evidence)
        ordered = sorted(merged.values(), key=lambda c: (c.first_offset, c.claim_type))
        for number, claim in enumerate(ordered, 1):
            claim.id = f"{base}#claim-{number}"
        return ordered


@lru_cache(maxsize=8)
def _rebuild(
    spec: PluginSpec, only: tuple[str, ...] | None, skip: tuple[str, ...], raise_errors: bool
) -> Converter:
    """The converter a pickle describes, built once per process."""
    return Converter(_plugins(spec), only=only, skip=skip, raise_plugin_errors=raise_errors)


@lru_cache(maxsize=8)
def _plugins(spec: PluginSpec) -> Plugins:
    from newsld.plugins import default_plugins  # this process's own, when it is the same set

    default = default_plugins()
    return default if default.spec == spec else load_spec(spec)


def article_base(article: Article) -> str:
    """The IRI the document's ids hang from: the url, else a `urn:` from the content."""
    if article.url:
        return article.url.split("#", 1)[0]
    digest = hashlib.sha256(f"{article.headline or ''}\n{article.body}".encode()).hexdigest()
    return f"urn:newsld:article:{digest[:16]}"


def _referenced(claims: list[Claim], entities: list[Entity]) -> list[Entity]:
    """The entities claims point to (and people's affiliations), in the order first met."""
    by_id = {e.id: e for e in entities}
    wanted: dict[str, None] = {}  # ordered, with constant-time membership
    for claim in claims:
        for ref in claim.refs():
            wanted.setdefault(ref.id)
    for entity_id in list(wanted):
        entity = by_id.get(entity_id)
        if entity and entity.type == "Person" and entity.affiliation:
            wanted.setdefault(entity.affiliation.id)
    return [by_id[i] for i in wanted if i in by_id]


def _what(exc: BaseException) -> str:
    """An exception in a few words: `KeyError: 'x'`."""
    text = str(exc)
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def json_problem(value: Any, pointer: str = "", depth: int = 0) -> str | None:
    """Why `value` is not plain JSON (NaN, an infinity, a set, an object...), or None."""
    # Every claim is checked: the walk that names the fault (a pointer built per value)
    # runs only when the quick one finds there is a fault to name.
    return None if _plain_json(value, depth) else _json_fault(value, pointer, depth)


def _plain_json(value: Any, depth: int) -> bool:
    """Whether `value` is plain JSON within the nesting limit (what `_json_fault` accepts)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return True  # most values: answered before the slower instance tests
    if isinstance(value, str | bool | int):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if depth > MAX_JSON_DEPTH:
        return False
    if isinstance(value, list):
        return all(_plain_json(item, depth + 1) for item in value)
    if isinstance(value, dict):
        for key, item in value.items():
            if type(key) is not str and not isinstance(key, str):
                return False
            if not _plain_json(item, depth + 1):
                return False
        return True
    return False


def _json_fault(value: Any, pointer: str = "", depth: int = 0) -> str | None:
    """The first fault of a value that is not plain JSON, with where it is."""
    if value is None or isinstance(value, str | bool | int):
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{value} at {pointer or '/'} is not a JSON number"
    if depth > MAX_JSON_DEPTH:
        return f"nested more than {MAX_JSON_DEPTH} deep at {pointer}"
    if isinstance(value, list):
        items: Iterable[tuple[Any, Any]] = enumerate(value)
    elif isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            return f"a key that is not a string at {pointer or '/'}"
        items = value.items()
    else:
        return f"a {type(value).__name__} at {pointer or '/'}, not a JSON value"
    for key, item in items:
        problem = _json_fault(item, f"{pointer}/{key}", depth + 1)
        if problem:
            return problem
    return None


def unpack(data: bytes, source: str) -> bytes:
    """The input as a reader sees it: gzip undone, within the size limit."""
    data = _gunzip(data, source)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(source, f"larger than {MAX_INPUT_BYTES // 2**20} MB")
    return data


def _gunzip(data: bytes, source: str) -> bytes:
    """Undo gzip, refusing a bomb that inflates past the input limit."""
    if not data.startswith(_GZIP_MAGIC):
        return data
    parts: list[bytes] = []
    size = 0
    while data.startswith(_GZIP_MAGIC):  # a gzip file may hold several members back to back
        inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
        try:
            out = inflater.decompress(data, MAX_INPUT_BYTES + 1 - size)
        except (zlib.error, gzip.BadGzipFile) as exc:
            raise InputError(source, f"broken gzip data ({exc})") from None
        size += len(out)
        if size > MAX_INPUT_BYTES:
            raise InputError(source, f"inflates past {MAX_INPUT_BYTES // 2**20} MB")
        if not inflater.eof:
            raise InputError(source, "truncated gzip data (the file ends mid-stream)")
        parts.append(out)
        data = inflater.unused_data
    return b"".join(parts)
