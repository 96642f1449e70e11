"""`newsld embed`: put the page's NewsArticle JSON-LD into its `<head>`, touching nothing else.

The block is spliced into the original bytes at a byte offset found by a
small scanner (comments and raw-text elements such as `<script>` are skipped
whole, so a `</head>` inside them is not taken for the real one); the page is
never re-serialised. The JSON escapes `<`, `>`, `&`, U+2028 and U+2029 as
`\\u` sequences, so no text in the document can end the script element or
open a comment, and it escapes every character the page's encoding cannot
hold. The block carries `data-newsld`, so a second run replaces it; every
other JSON-LD block (the publisher's own) is left as it is, unless `--replace`
asks for the publisher's article block to be taken over. What the block holds
when the page already has the publisher's article is decided in publisher.py.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import gzip
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

import typer

from newsld.batch import DEFAULT_TIMEOUT, Job, Limits, Outcome, convert_inputs
from newsld.cli.console import Tally, detail, set_verbosity, warn
from newsld.cli.convert import terminate_as_exit
from newsld.cli.writing import say
from newsld.convert import Converter, unpack
from newsld.decode import sniff_utf16
from newsld.errors import InputError
from newsld.inputs import read_input, walk
from newsld.output import OutputError, atomic_output, check_folder
from newsld.plugins import default_plugins
from newsld_plugins.search.check import REPLACED, page_title
from newsld_plugins.search.profile import search_jsonld
from newsld_plugins.search.publisher import Script, plan_embedding

__all__ = ["MARKER", "embed", "embed_jsonld", "page_encoding", "page_scripts", "script_json"]

#: The attribute that marks newsld's own block (its value names the profile).
MARKER = "data-newsld"
PAGE_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
_GZIP_MAGIC = b"\x1f\x8b"

_HTML_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_TO_ESCAPE = re.compile("[<>&\u2028\u2029]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# A tag's attributes, as a browser reads them: a quote or a tag left open runs to the end of
# the page. Possessive, and never failing for want of a `>`, so the scan moves on from each
# match and never rescans the rest of the page from every `<` ("<a <a <a ...": linear).
_ATTRS = r"""(?:[^>"']+|"[^"]*(?:"|\Z)|'[^']*(?:'|\Z))*+"""
# One step of the scan: a comment, a declaration, or a tag with its attributes.
_TOKEN = re.compile(
    rf"<!--.*?(?:-->|\Z)|<![^>]*(?:>|\Z)|<\?[^>]*(?:>|\Z)"
    rf"|<(/?)([A-Za-z][^\s/>]*)({_ATTRS})(?:>|\Z)",
    re.S,
)
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "noscript", "iframe"})
_HEAD_TAGS = frozenset(
    {"html", "head", "meta", "link", "title", "style", "script", "noscript", "base", "template"}
)
_CHARSET = re.compile(r"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(r"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9._-]+)""")
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard).
_AS_CP1252 = frozenset({"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1"})
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# ---------------------------------------------------------------- the block


def script_json(node: Any, encoding: str = "utf-8") -> str:
    """The node as JSON safe inside `<script>`, each character the encoding lacks as `\\u`."""
    text = json.dumps(node, ensure_ascii=False, indent=2)
    text = _TO_ESCAPE.sub(lambda m: _HTML_ESCAPES[m.group()], text)
    if _is_unicode(encoding):
        return text
    return _NON_ASCII.sub(lambda m: _escape_outside(m.group(), encoding), text)


def _is_unicode(encoding: str) -> bool:
    return codecs.lookup(encoding).name in {"utf-8", "utf-16-le", "utf-16-be", "utf-16"}


def _escape_outside(char: str, encoding: str) -> str:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        units = char.encode("utf-16-be")
        return "".join(f"\\u{units[i : i + 2].hex()}" for i in range(0, len(units), 2))
    return char


def script_element(node: Any, encoding: str, profile: str = "search") -> str:
    """The whole `<script type="application/ld+json" data-newsld=...>` element."""
    body = script_json(node, encoding)
    return f'<script type="application/ld+json" {MARKER}="{profile}">\n{body}\n</script>'


# ---------------------------------------------------------------- the page


def page_encoding(data: bytes) -> str:
    """The encoding the block is written in: one that the page's bytes, its declaration and
    the reader all agree on, else ASCII (valid in every one of them).

    A byte-order mark decides; else UTF-16 seen in the bytes; else the declaration
    (`<meta charset>`, the XML declaration) when the bytes decode in it; a page that
    declares one encoding and is written in another gets a block in plain ASCII, so
    neither a browser (which trusts the declaration) nor the next run (which trusts
    the bytes) reads it wrong.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    wide = sniff_utf16(data)
    if wide is not None:
        return wide
    declared = _declared(data[:4096].decode("latin-1"))
    utf8 = _decodes(data, "utf-8")
    if declared is None or declared == "utf-8":
        # Unknown single-byte text: plain ASCII is the same in all of them.
        return "utf-8" if utf8 else "ascii"
    if data.isascii():
        return declared
    if utf8 or not _decodes(data, declared):
        return "ascii"  # the declaration does not fit the bytes
    return declared


def _declared(head: str) -> str | None:
    """The page's own declaration, as browsers read it (None when absent or unknown)."""
    match = _XML_ENCODING.match(head) or _CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).lower()
    label = "cp1252" if label in _AS_CP1252 else label
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return "ascii"
    # A page that says UTF-16 without a byte-order mark is read as UTF-8 by browsers.
    return "utf-8" if name.startswith("utf-16") else name


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


@dataclass(frozen=True)
class _Spot:
    """Where the block goes: replace text[start:end] (an empty span inserts)."""

    start: int
    end: int
    insert: bool
    stale: tuple[tuple[int, int], ...] = ()


_LD_JSON = re.compile(r"""\btype\s*=\s*["']?\s*application/ld\+json""", re.I)
_MARKER_VALUE = re.compile(rf"""\s{MARKER}(?:\s*=\s*["']?([\w-]*))?""", re.I)


def _scan(text: str, everything: bool) -> tuple[int | None, list[Script]]:
    """Where the head ends, and the JSON-LD scripts (all of them, or only ours when
    `everything` is false: then the scan stops at the head when nothing of ours follows)."""
    scripts: list[Script] = []
    head_end: int | None = None
    position = 0
    while (match := _TOKEN.search(text, position)) is not None:
        closing, name, attrs = match.group(1), (match.group(2) or "").lower(), match.group(3) or ""
        position = match.end()
        if head_end is None and (
            (closing and name == "head") or (not closing and name and (name not in _HEAD_TAGS))
        ):
            head_end = match.start()
            if not everything and MARKER not in text[position:]:
                break  # nothing of ours further on: the rest of the page need not be scanned
        if not closing and name in _RAW_TEXT:
            end = _raw_text_end(text, name, position)
            marked = _MARKER_VALUE.search(attrs)
            if name == "script" and (marked or (everything and _LD_JSON.search(attrs))):
                body_end = text.rfind("<", position, end) if end > position else end
                body = text[position : max(position, body_end)]
                value = (marked.group(1) or "search") if marked else None
                scripts.append(Script(match.start(), end, body, value))
            position = end
    return head_end, scripts


def _find_spot(text: str, replacing: tuple[int, int] | None = None) -> _Spot:
    """Where our block goes: in place of `replacing` (the publisher's block it takes over),
    else our previous block (anywhere), else the end of `<head>`, else the tag that ends it."""
    head_end, scripts = _scan(text, everything=False)
    # A block that replaced the publisher's is theirs now: only `replacing` touches it.
    ours = [(s.start, s.end) for s in scripts if s.marker not in (None, REPLACED)]
    if replacing is not None:
        return _Spot(replacing[0], replacing[1], False, tuple(ours))
    if ours:
        return _Spot(ours[0][0], ours[0][1], False, tuple(ours[1:]))
    at = len(text) if head_end is None else head_end
    return _Spot(at, at, True)


def page_text(page: bytes) -> tuple[str, str]:
    """The page as `embed_jsonld` reads it (latin-1 unless UTF-16), and its encoding."""
    encoding = page_encoding(page)
    wide = encoding.startswith("utf-16")
    return (page.decode(encoding, "surrogatepass") if wide else page.decode("latin-1")), encoding


def page_scripts(page: bytes) -> list[Script]:
    """Every JSON-LD script of a page, its text decoded as the page's bytes are."""
    text, encoding = page_text(page)
    _, scripts = _scan(text, everything=True)
    if encoding.startswith("utf-16"):
        return scripts
    return [Script(s.start, s.end, _decoded(s.text, encoding), s.marker) for s in scripts]


def _decoded(latin: str, encoding: str) -> str:
    raw = latin.encode("latin-1")
    for name in (encoding if encoding != "ascii" else "utf-8", "utf-8", "cp1252"):
        try:
            return raw.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("utf-8", "replace")


def _raw_text_end(text: str, name: str, position: int) -> int:
    closing = re.compile(rf"</{name}\s*>", re.I).search(text, position)
    return closing.end() if closing else len(text)


def embed_jsonld(
    page: bytes,
    node: Any,
    profile: str = "search",
    replacing: tuple[int, int] | None = None,
) -> bytes:
    """The page with `node` in its `<head>` (our old block replaced); every other byte kept.

    `replacing` is the span of a publisher's block (from `page_scripts`) that the node takes
    the place of; a `node` of None removes our old block and adds none.
    """
    # Latin-1 maps each byte to one character, so text offsets are byte offsets.
    text, encoding = page_text(page)
    wide = encoding.startswith("utf-16")
    spot = _find_spot(text, replacing)
    if node is None:
        element = ""
    else:
        element = script_element(node, encoding, profile) + ("\n" if spot.insert else "")
    pieces: list[tuple[int, int, str]] = [(spot.start, spot.end, element)]
    pieces += [(start, end, "") for start, end in spot.stale]
    if wide:
        return _splice(text, pieces).encode(encoding, "surrogatepass")
    out = bytearray()
    cursor = 0
    for start, end, replacement in sorted(pieces):
        out += page[cursor:start] + replacement.encode(encoding)
        cursor = end
    return bytes(out + page[cursor:])


def _splice(text: str, pieces: list[tuple[int, int, str]]) -> str:
    parts: list[str] = []
    cursor = 0
    for start, end, replacement in sorted(pieces):
        parts += [text[cursor:start], replacement]
        cursor = end
    return "".join([*parts, text[cursor:]])


# ---------------------------------------------------------------- the command


def embed(
    pages: list[str] = typer.Argument(..., help="HTML pages (or folders of them) to embed into."),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Folder for the embedded pages (same file names), or a file for one page.",
    ),
    in_place: bool = typer.Option(False, "--in-place", help="Rewrite each page where it is."),
    url: str | None = typer.Option(None, "--url", help="The page's URL when it lacks one."),
    only: str | None = typer.Option(
        None, "--only", help="Run only these extractors (comma-separated)."
    ),
    skip: str | None = typer.Option(
        None, "--skip", help="Do not run these extractors (comma-separated)."
    ),
    timeout: float = typer.Option(
        DEFAULT_TIMEOUT,
        "--timeout",
        min=0,
        help="Seconds one page may take before it is stopped and reported (0: no limit).",
    ),
    replace: bool = typer.Option(
        False,
        "--replace",
        help="Replace the publisher's own article block with one keeping all it had plus "
        "newsld's claims (default: add the claims, linked to the publisher's article).",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print errors only."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also print plugins' tracebacks."),
) -> None:
    """Embed each page's NewsArticle (search profile) as JSON-LD in its <head>.

    A page that carries the publisher's own article markup gets newsld's claims linked
    to it (or, with --replace, a block keeping all the publisher had), never a second
    article.
    """
    set_verbosity(quiet, verbose)
    sources, failed = _pages(pages)
    if output is not None and in_place:
        _usage("give either -o DIR or --in-place, not both")
    if output is None and not in_place and len(sources) > 1:
        _usage("several pages: give -o DIR or --in-place")
    converter = _converter(only, skip)
    single_file = output is not None and _names_a_file(Path(output))
    if single_file and len(sources) + failed > 1:
        _usage(f"-o {output} names a file; give a folder for several pages")
    if output is not None and not single_file:
        try:
            check_folder(Path(output))
        except OutputError as exc:
            _usage(f"-o {exc.path}: {exc.problem}")
    limits = Limits(seconds=timeout or None)
    taken: set[Path] = set()
    gzipped: set[str] = set()
    jobs = (_read(s, url, limits, gzipped) for s in sources)
    run = convert_inputs(jobs, converter, limits=limits)
    tally = Tally(len(sources), summary=len(sources) > 1)
    with terminate_as_exit(), tally, contextlib.closing(run) as outcomes:
        for outcome in outcomes:
            zipped = outcome.job.source in gzipped
            lost = _embed_one(converter, outcome, output, in_place, taken, zipped, replace)
            failed += lost
            tally.done(failed=bool(lost))
    raise typer.Exit(1 if failed else 0)


def _converter(only: str | None, skip: str | None) -> Converter:
    plugins = default_plugins()
    if "html" not in plugins.registry.readers:
        _usage("no `html` reader is installed")
    names = [[n.strip() for n in v.split(",") if n.strip()] if v else None for v in (only, skip)]
    try:
        return Converter(plugins, only=names[0], skip=names[1] or [])
    except ValueError as exc:
        _usage(str(exc))
        raise


def _is_page(name: str) -> bool:
    suffixes = [s.lower() for s in PurePath(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return bool(suffixes) and suffixes[-1] in PAGE_EXTENSIONS


def _pages(inputs: list[str]) -> tuple[list[str], int]:
    """Pages as given, folders as the pages inside them (links and oddities reported)."""
    found: list[str] = []
    failed = 0
    for item in inputs:
        if not os.path.isdir(item):
            found.append(item)
            continue
        walked = walk(item, _is_page)
        for note in walked.notes:
            _say(f"{'error' if note.error else 'warning'}: {note.path}: {note.problem}")
            failed += note.error
        found += walked.files
    return found, failed


def _read(source: str, url: str | None, limits: Limits, gzipped: set[str]) -> Job | Outcome:
    """A page to convert, read here within the size limit and unzipped (the page is spliced
    here afterwards, so its bytes travel with the job); gzipped pages are noted."""
    job = Job(source, "html", None, url)
    try:
        data = read_input(source, limits.max_bytes)
        if data.startswith(_GZIP_MAGIC):
            gzipped.add(source)
        return Job(source, "html", None, url, unpack(data, source))
    except InputError as exc:
        return Outcome(job, problem=exc.problem)


def _embed_one(
    converter: Converter,
    outcome: Outcome,
    output: str | None,
    in_place: bool,
    taken: set[Path],
    zipped: bool,
    replace: bool = False,
) -> int:
    """Embed one converted page and write it; 1 when it failed (the line saying why is printed)."""
    source = outcome.job.source
    if outcome.document is None or outcome.job.data is None:
        detail(outcome.details)
        return _fail(source, outcome.problem or "not read")
    document = outcome.document
    for error in document.errors:  # as `newsld convert`: written, but the exit says it
        _say(f"error: {source}: {error}")
        detail(document.details.get(error, ""))
    page = outcome.job.data
    profile = search_jsonld(document, converter.registry.claim_types)
    url = document.article.url
    plan = plan_embedding(page_scripts(page), profile, url, page_title(page), replace)
    if plan.note:
        warn(f"{source}: {plan.note}")
    result = embed_jsonld(page, plan.node, plan.profile, plan.replacing)
    if zipped:
        result = gzip.compress(result, mtime=0)  # as it came: a gzipped page stays gzipped
    failed = 1 if document.errors else 0
    if output is None and not in_place:
        return max(failed, _to_stdout(result))
    if in_place:
        target = Path(source)
    elif _names_a_file(Path(output or ".")):
        target = Path(output or ".")  # `embed page.html -o out.html`: the one page's file
    else:
        target = _target(Path(output or "."), Path(source), taken)
    try:
        with atomic_output(target) as stream:
            stream.write(result)
    except OutputError as exc:
        return _fail(source, f"output {exc.path} {exc.problem}")
    except OSError as exc:
        return _fail(source, f"cannot write {target} ({exc.strerror or exc})")
    return failed


def _to_stdout(result: bytes) -> int:
    stdout = getattr(sys.stdout, "buffer", None)
    try:
        if stdout is None:
            raise OSError(errno.EBADF, "stdout is closed")
        stdout.write(result)
        stdout.flush()
    except OSError as exc:
        if exc.errno != errno.EPIPE:  # a reader that stopped reading (`| head`) ends quietly
            _say(f"error: cannot write to stdout ({exc.strerror or exc})")
        with contextlib.suppress(OSError, ValueError, AttributeError):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, sys.stdout.fileno())
        raise typer.Exit(1) from None
    return 0


def _names_a_file(output: Path) -> bool:
    """Whether `-o` names a page file (`out.html`), not a folder: an extension, no folder."""
    return bool(output.suffix) and not output.is_dir()


def _target(folder: Path, source: Path, taken: set[Path]) -> Path:
    """`DIR/<page name>`; a second page with the same name gets `-2`."""
    target = folder / source.name
    number = 2
    while target in taken:
        target = folder / f"{source.stem}-{number}{source.suffix}"
        number += 1
    taken.add(target)
    return target


def _fail(source: str, problem: str) -> int:
    _say(f"error: {source}: {problem}")
    return 1


def _say(message: str) -> None:
    say(message)


def _usage(message: str) -> None:
    _say(f"error: {message}")
    raise typer.Exit(2)
