"""`newsld check`: one line per problem Google's Article guidelines name; errors exit 1."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

COMPLETE: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Harbour hits record heat",
    "image": ["https://example.com/16x9.jpg", "https://example.com/4x3.jpg"],
    "datePublished": "2025-10-23T08:00:00+02:00",
    "dateModified": "2025-10-23T09:30:00+02:00",
    "author": [{"@type": "Person", "name": "Ana Núñez", "url": "https://example.com/ana"}],
    "publisher": {"@type": "Organization", "name": "The Example Times"},
}


def page(node: Any, title: str = "Harbour hits record heat | The Example Times") -> str:
    block = node if isinstance(node, str) else json.dumps(node)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        f'<script type="application/ld+json">{block}</script></head>'
        "<body><h1>Harbour hits record heat</h1></body></html>"
    )


def broken(**changes: Any) -> dict[str, Any]:
    node = copy.deepcopy(COMPLETE)
    for key, value in changes.items():
        if value is None:
            node.pop(key)
        else:
            node[key] = value
    return node


def run_check(search_cli: Any, tmp_path: Path, text: str, name: str = "page.html") -> Any:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return search_cli("check", str(path))


def test_a_complete_page_and_document_pass(search_cli: Any, tmp_path: Path) -> None:
    for name, text in (("page.html", page(COMPLETE)), ("doc.jsonld", json.dumps(COMPLETE))):
        result = run_check(search_cli, tmp_path, text, name)
        assert (result.exit_code, result.stdout) == (0, "")


def by(name: str, url: str | None = "https://example.com/a") -> dict[str, Any]:
    """A Person author node."""
    return {"@type": "Person", "name": name, **({"url": url} if url else {})}


WARNINGS = [
    (broken(image=None), "no image (Google recommends"),
    (broken(datePublished="2025-10-23T08:00"), "datePublished 2025-10-23T08:00 has no timezone"),
    (broken(dateModified="2025-10-23"), "dateModified 2025-10-23 has no time or timezone"),
    (broken(author="Ana Núñez"), "author 'Ana Núñez' is a plain string"),
    (broken(author=[by("Ana Núñez, Reporter")]), "author name 'Ana Núñez, Reporter' holds more"),
    (broken(author=[by("By Ana Núñez")]), "author name 'By Ana Núñez' holds more than a name"),
    (broken(author=[by("Ana Núñez and Tom Lee")]), "author 'Ana Núñez and Tom Lee' names several"),
    (broken(author=[by("Ana Núñez", None)]), "author 'Ana Núñez' has no url"),
    (broken(author=[by("The Example Times")]), "author 'The Example Times' is the publisher"),
    (broken(headline="Port sees hottest day"), "headline 'Port sees hottest day' differs from"),
    (broken(headline="Harbour &#8216;hits&#8217;"), "headline 'Harbour &#8216;hits&#8217;' holds"),
    (broken(author=None), "no author"),
]


@pytest.mark.parametrize(("node", "expected"), WARNINGS)
def test_each_warning_is_one_line_and_exits_0(
    search_cli: Any, tmp_path: Path, node: dict[str, Any], expected: str
) -> None:
    result = run_check(search_cli, tmp_path, page(node))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{tmp_path / 'page.html'}: warning: {expected}")


ERRORS = [
    (page(broken(datePublished="23 May 2025")), "datePublished '23 May 2025' is not an ISO 8601"),
    (page(broken(author=[{"@type": "Person", "url": "https://example.com/a"}])), "author {"),
    (page('{"@type": "NewsArticle", "headline": "x",}'), "JSON-LD block 1 does not parse"),
    (page({"@type": "WebSite", "name": "x"}), "no Article, NewsArticle"),
    (page(broken(image=["data:image/png;base64,AAAA"])), 'image "data:image'),
]


@pytest.mark.parametrize(("text", "expected"), ERRORS)
def test_errors_exit_1(search_cli: Any, tmp_path: Path, text: str, expected: str) -> None:
    result = run_check(search_cli, tmp_path, text)
    assert result.exit_code == 1
    assert any(f": error: {expected}" in line for line in result.stdout.splitlines()), result.stdout


def test_references_in_a_graph_are_followed(search_cli: Any, tmp_path: Path) -> None:
    person = {"@type": "Person", "@id": "#ana", "name": "Ana Núñez", "url": "https://example.com/a"}
    graph = {"@context": "https://schema.org", "@graph": [broken(author={"@id": "#ana"}), person]}
    assert run_check(search_cli, tmp_path, page(graph)).stdout == ""


def test_the_json_report(search_cli: Any, tmp_path: Path) -> None:
    good = tmp_path / "good.jsonld"
    good.write_text(json.dumps(COMPLETE), encoding="utf-8")
    bad = tmp_path / "bad.html"
    bad.write_text(page(broken(image=None, datePublished="yesterday")), encoding="utf-8")
    result = search_cli("check", "--json", str(good), str(bad))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["errors"], report["warnings"]) == (1, 1)
    assert report["files"][0] == {"file": str(good), "problems": []}
    assert [(p["level"], p["rule"]) for p in report["files"][1]["problems"]] == [
        ("warning", "image"),
        ("error", "datePublished"),
    ]


def test_an_embedded_page_has_no_errors(search_cli: Any, tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[2] / "data" / "pages"
    original = source / "naeb-17d3ef2925f2f16fd4cd79228edbda52.html"
    assert search_cli("check", str(original)).exit_code == 1  # the page has no Article markup
    assert search_cli("embed", str(original), "-o", str(tmp_path)).exit_code == 0
    result = search_cli("check", str(tmp_path / original.name))
    assert result.exit_code == 0 and "error" not in result.stdout


def test_the_newsld_command_has_check_and_embed(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(page(broken(image=None)), encoding="utf-8")
    main = "from newsld.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", main, "check", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith(f"{path}: warning: no image (Google recommends")
    result = subprocess.run(
        [sys.executable, "-c", main, "embed", str(path)], capture_output=True, check=True
    )
    # The publisher's article is there and the page quotes no one: nothing to add.
    assert result.stdout == path.read_bytes()
