"""The Python API as a user calls it: convert, to_jsonld, export, load, a pickled Converter."""

from __future__ import annotations

import io
import json
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsld
from newsld import InputError

DOCS = Path(__file__).resolve().parents[2] / "docs"
SEED = DOCS / "examples" / "seed-trump-putin.txt"


def test_the_example_of_docs_api_runs() -> None:
    page = (DOCS / "api.md").read_text(encoding="utf-8")
    example = re.search(r"## Convert once, export many.*?```python\n(.*?)```", page, re.S)
    assert example is not None
    exec(compile(example.group(1), "docs/api.md", "exec"), {})


def test_convert_takes_a_path_bytes_or_text_and_gives_the_same_document() -> None:
    from_path = newsld.convert(SEED, published="2025-10-23")
    from_name = newsld.convert(str(SEED.relative_to(DOCS.parent)), published="2025-10-23")
    from_bytes = newsld.convert(SEED.read_bytes(), published="2025-10-23")
    from_text = newsld.convert(SEED.read_text(encoding="utf-8"), published="2025-10-23")
    claims = [[c.text for c in d.claims] for d in (from_path, from_name, from_bytes, from_text)]
    assert claims[0] and all(c == claims[0] for c in claims)
    assert from_path.article.source == str(SEED)
    assert from_bytes.to_jsonld().get("source") is None  # no path to name


def test_convert_takes_the_command_lines_options() -> None:
    document = newsld.convert(SEED, only=["quotes"], url="https://example.com/story")
    assert {c.claim_type for c in document.claims} == {"quote"}
    assert document.to_jsonld()["@id"] == "https://example.com/story#article"
    with pytest.raises(ValueError, match="no extractor named 'nope'"):
        newsld.convert(SEED, only=["nope"])


def test_a_bad_input_raises_one_line() -> None:
    with pytest.raises(InputError, match="empty input"):
        newsld.convert(b"")
    with pytest.raises(InputError, match=r"missing\.html: No such file"):
        newsld.convert("missing.html")


def test_export_to_a_path_a_binary_file_or_a_text_file(tmp_path: Path) -> None:
    document = newsld.convert(SEED)
    assert newsld.export([document], "csv", tmp_path / "claims.csv") == 1
    binary, text = io.BytesIO(), io.StringIO()
    newsld.export([document], "csv", binary)
    newsld.export([document], "csv", text)
    assert binary.getvalue().decode("utf-8") == text.getvalue()
    assert (tmp_path / "claims.csv").read_bytes() == binary.getvalue()
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        newsld.export([document], "pdf", io.BytesIO())


def test_load_reads_back_what_export_wrote(tmp_path: Path) -> None:
    document = newsld.convert(SEED)
    for name, fmt in (("all.jsonl", "jsonld"), ("all.json", "json"), ("all.xml", "xml")):
        newsld.export([document, document], fmt, tmp_path / name, options={"lines": "yes"})
        back = list(newsld.load(tmp_path / name))
        assert [d.to_jsonld() for d in back] == [document.to_jsonld()] * 2, name


def test_a_converter_pickles_for_process_pools() -> None:
    converter = newsld.Converter(only=["quotes"])
    copy = pickle.loads(pickle.dumps(converter))
    text = SEED.read_bytes()
    options = newsld.ReadOptions(source="seed.txt")
    original = json.dumps(converter.to_jsonld(converter.convert(text, options)))
    assert json.dumps(copy.to_jsonld(copy.convert(text, options))) == original
    assert [e.name for e in copy.extractors] == ["quotes"]


def test_both_packages_ship_py_typed() -> None:
    import newsld_plugins

    for package in (newsld, newsld_plugins):
        assert (Path(package.__file__).parent / "py.typed").is_file()


def test_the_api_functions_stay_when_the_same_named_modules_are_imported() -> None:
    code = (
        "import newsld, newsld.convert, newsld.export, newsld.api\n"
        "from newsld.convert import Converter\n"
        "document = newsld.convert('Headline\\n\\nA body paragraph.\\n')\n"
        "print(callable(newsld.export), document.article.headline)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["True", "Headline"], result.stderr
