"""A page's metadata, merged from every source it offers, the most reliable first.

Sources, in the order they are trusted: the article node of the embedded
JSON-LD, microdata, OpenGraph and `article:` properties, Twitter cards,
`<meta name=...>` conventions (Dublin Core, Parse.ly, Sailthru...), `<link
rel=canonical>`, `<time datetime>`, bylines in the page, then `<title>` and
`<h1>`. Each field takes the first source that gives a usable value.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from newsld_plugins.html import jsonld, markup
from newsld_plugins.html.dates import iso_date
from newsld_plugins.html.headline import choose_headline
from newsld_plugins.html.names import author_names, clean_name, is_role

__all__ = ["PageMetadata", "name_key", "page_metadata"]

_FRAGMENT = re.compile(r"#.*$")
_NON_WORD = re.compile(r"[\W_]+")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{2}|[a-z]{3})[/-](\d{2})(?:[/-]|$)", re.I)
# Scheme and host of a URL: what is left is the path.
_PATH = re.compile(r"^(?:[a-z]+:)?//[^/]*", re.I)

# <meta> keys (name, property or itemprop, lowercased) for each field, best first.
_META_KEYS = {
    "headline": ("og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title",
                 "headline", "title"),
    "date_published": ("article:published_time", "og:article:published_time", "datepublished",
                       "parsely-pub-date", "sailthru.date", "article.published", "pubdate",
                       "publishdate", "publish-date", "publish_date", "published_time",
                       "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created",
                       "dcterms.date", "date", "article_date_original", "og:pubdate",
                       "cxenseparse:recs:publishtime", "displaydate", "originalpublicationdate"),
    "date_modified": ("article:modified_time", "og:updated_time", "datemodified",
                      "dcterms.modified", "last-modified", "lastmod"),
    "authors": ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                "dcterms.creator", "byl", "twitter:creator:name", "citation_author"),
    "image": ("og:image", "og:image:url", "og:image:secure_url", "twitter:image",
              "twitter:image:src", "thumbnail"),
    "description": ("og:description", "description", "twitter:description", "dc.description"),
    "publisher": ("og:site_name", "application-name", "twitter:site", "publisher"),
    "language": ("og:locale", "content-language", "language", "dc.language"),
}  # fmt: skip
_TEXT_FIELDS = ("headline", "publisher", "url", "language", "description")


@dataclass
class PageMetadata:
    """What the page says about its article; `None` / empty where it says nothing."""

    headline: str | None = None
    date_published: str | None = None
    date_modified: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    url: str | None = None
    image: list[str] = field(default_factory=list)
    language: str | None = None
    description: str | None = None
    #: The JSON-LD `articleBody`, when the page embeds one.
    article_body: str | None = None
    #: Raw author strings, one list per source, best source first.
    bylines: list[list[str]] = field(default_factory=list)
    #: Headline candidates, best source first (`<title>` and `<h1>` last).
    headlines: list[str] = field(default_factory=list)
    #: Each author's page (`url`, else `sameAs`), by `name_key`: the JSON-LD's first, then
    #: the byline's links.
    author_urls: dict[str, str] = field(default_factory=dict)

    def author_url(self, name: str) -> str | None:
        """The page the metadata or the byline links to for this author, if any."""
        return self.author_urls.get(name_key(name))

    def offer_author_url(self, name: str, url: Any) -> None:
        """Keep `url` for the author `name` unless a better source gave one."""
        key = name_key(name)
        if key and isinstance(url, str) and url.strip():
            self.author_urls.setdefault(key, url.strip())

    def offer(self, name: str, value: Any) -> None:
        """Fill field `name` with `value` unless a better source already did."""
        if name == "headline":
            text = _text(value)
            if text:
                self.headlines.append(text)
        elif name in ("date_published", "date_modified"):
            if getattr(self, name) is None:
                setattr(self, name, iso_date(value))
        elif name == "authors":
            raw = [v for v in (_author_strings(value) if value else []) if v]
            if raw:
                self.bylines.append(raw)
        elif name == "image":
            self.image = self.image or _image_urls(value)
        elif getattr(self, name) is None:
            setattr(self, name, _text(value))


def name_key(name: str) -> str:
    """An author's name as bylines and metadata both spell it ("By Ana Núñez," → "ananúñez")."""
    return _NON_WORD.sub("", clean_name(name).casefold())


def page_metadata(root: etree._Element, base_url: str | None = None) -> PageMetadata:
    """The merged metadata of a parsed page."""
    marks = markup.Landmarks(root)
    metas = _meta_values(root)
    canonical = _canonical(root)
    blocks = jsonld.load_blocks(root)
    found = PageMetadata()
    node = jsonld.article_node(blocks, canonical or _first(metas.get("og:url")))
    if node is not None:
        _from_jsonld(found, node, jsonld.graph_index(blocks))
    _from_microdata(found, marks)
    for name, keys in _META_KEYS.items():
        for key in keys:
            for value in metas.get(key, ()):
                found.offer(name, value)
    found.url = _page_url(
        [*metas.get("og:url", [])[:1], found.url, canonical, *metas.get("twitter:url", [])[:1]]
    )
    _from_page(found, root, marks)
    _finish(found, root, marks, metas, base_url)
    return found


def _finish(
    found: PageMetadata,
    root: etree._Element,
    marks: markup.Landmarks,
    metas: dict[str, list[str]],
    base_url: str | None,
) -> None:
    found.url = _absolute(found.url, base_url)
    found.image = [_absolute(i, found.url or base_url) or i for i in found.image]
    sites = _site_names(found, metas)
    found.headline = choose_headline(found.headlines, sites, markup.h1_texts(marks))
    found.authors = _choose_authors(found.bylines, markup.bylines(marks), sites)
    for text, href in markup.author_links(root, marks):
        names = author_names(text)
        if len(names) == 1:  # a link over "Ana Núñez", not over "Ana Núñez and Jo Roe"
            found.offer_author_url(names[0], href)
    base = found.url or base_url
    found.author_urls = {
        key: link
        for key, url in found.author_urls.items()
        if (link := _absolute(url, base)) and link.startswith(("http://", "https://"))
    }


def _choose_authors(sources: list[list[str]], page: list[str], sites: list[str]) -> list[str]:
    """The people the best source credits; the page's byline when it names more of them."""
    outlets = frozenset(_NON_WORD.sub("", s.lower()) for s in sites)
    chosen: list[str] = []
    for raw in sources:
        chosen = _names(raw, outlets)
        if chosen:
            break
    shown = next((names for names in (author_names(b, outlets) for b in page) if names), [])
    # "By Chris E. Hayner and Tom Caswell" on the page, one author in the metadata.
    extra = {n.lower() for n in shown} - {n.lower() for n in chosen}
    if not chosen or (extra and len(extra) < len(shown) and not any(map(is_role, extra))):
        chosen = shown
    if not chosen and sources:
        # Only the outlet itself is credited ("By The Citizen"): that is the author.
        chosen = [sources[0][0].strip()]
    return chosen


def _names(raw: list[str], outlets: frozenset[str]) -> list[str]:
    return list(dict.fromkeys(n for r in raw for n in author_names(r, outlets)))


def _from_jsonld(
    found: PageMetadata, node: dict[str, Any], index: dict[str, dict[str, Any]]
) -> None:
    def resolve(value: Any) -> Any:
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
            return index.get(str(value["@id"]), value)
        return value

    page = resolve(node.get("mainEntityOfPage"))
    found.offer("headline", node.get("headline") or node.get("name"))
    found.offer("date_published", node.get("datePublished") or node.get("dateCreated"))
    found.offer("date_modified", node.get("dateModified"))
    authors = resolve(node.get("author") or node.get("creator"))
    found.offer("authors", authors)
    for author in authors if isinstance(authors, list) else [authors]:
        if isinstance(author, dict):
            for name in _author_strings(author):
                found.offer_author_url(name, _first_text(author.get("url") or author.get("sameAs")))
    found.offer("publisher", _name_of(resolve(node.get("publisher"))))
    found.offer("url", node.get("url") or (page.get("@id") if isinstance(page, dict) else page))
    found.offer("image", resolve(node.get("image") or node.get("thumbnailUrl")))
    found.offer("language", node.get("inLanguage"))
    found.offer("description", node.get("description"))
    body = node.get("articleBody")
    if isinstance(body, str) and body.strip():
        found.article_body = body


def _name_of(value: Any) -> str | None:
    if isinstance(value, list):
        return next((n for n in map(_name_of, value) if n), None)
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _author_strings(value: Any) -> list[str]:
    """Author names as given: strings, Person/Organization nodes, or lists of them."""
    if isinstance(value, list):
        return [s for v in value[:20] for s in _author_strings(v)]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            name = " ".join(str(n) for n in name)
        if not name and (value.get("givenName") or value.get("familyName")):
            name = f"{value.get('givenName', '')} {value.get('familyName', '')}"
        return [str(name)] if name else []
    text = _text(value)
    return [text] if text else []


def _image_urls(value: Any) -> list[str]:
    if isinstance(value, list):
        return [u for v in value[:10] for u in _image_urls(v)][:5]
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    text = _text(value)
    return [text] if text and not text.startswith("data:") else []


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _first_text(value: Any) -> str | None:
    """A string, or the first string of a list (`sameAs` often lists several profiles)."""
    if isinstance(value, list):
        return next((v for v in value if isinstance(v, str)), None)
    return value if isinstance(value, str) else None


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _meta_values(root: etree._Element) -> dict[str, list[str]]:
    """`<meta>` contents by lowercased name, property or itemprop, in page order."""
    found: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        content = meta.get("content")
        if content is None or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attribute)
            if key:
                found.setdefault(key.strip().lower(), []).append(content.strip())
    return found


def _canonical(root: etree._Element) -> str | None:
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href", "").strip():
            return link.get("href", "").strip()
    return None


def _url_date(url: str | None) -> str | None:
    """The date in a story's address: /2023/12/22/, /2023/dec/22/, /2023-12-22-."""
    match = _URL_DATE.search(url or "")
    if match is None:
        return None
    year, month, day = match.groups()
    return iso_date(f"{day} {month} {year}" if month.isalpha() else f"{year}-{month}-{day}")


def _page_url(candidates: list[str | None]) -> str | None:
    """This page's address: og:url (where it was read), else JSON-LD's, else the canonical.

    A syndicated story's canonical link points at the original outlet, and some
    pages give their home page as og:url, so a bare host is the last resort.
    """
    urls = [_FRAGMENT.sub("", u.strip()) for u in candidates if u and u.strip()]
    urls = [u for u in urls if not u.startswith(("data:", "javascript:"))]
    specific = [u for u in urls if len(_PATH.sub("", u).strip("/")) > 0] or urls
    if not specific:
        return None
    # Two sources agreeing outvote a stray og:url (an API or CDN address).
    votes = Counter(_bare(u) for u in specific)
    return max(specific, key=lambda u: votes[_bare(u)])


def _bare(url: str) -> str:
    return re.sub(r"^(?:https?:)?//(?:www\.)?", "", url).rstrip("/").lower()


def _absolute(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    if url.startswith("//"):
        return "https:" + url
    if base and not url.startswith(("http://", "https://")):
        return urljoin(base, url)
    return url


def _site_names(found: PageMetadata, metas: dict[str, list[str]]) -> list[str]:
    """The outlet's names: publisher, og:site_name, application name, and the host's words."""
    names = [found.publisher or ""]
    names += metas.get("og:site_name", []) + metas.get("application-name", [])
    if found.url:
        host = re.sub(r"^(?:https?://)?(?:www\d?\.)?([^/:?#]+).*$", r"\1", found.url)
        names += [host, host.rsplit(".", 1)[0]]
    return [n for n in dict.fromkeys(names) if n]


def _from_microdata(found: PageMetadata, marks: markup.Landmarks) -> None:
    for name, value in markup.microdata(marks).items():
        found.offer(name, value)


def _from_page(found: PageMetadata, root: etree._Element, marks: markup.Landmarks) -> None:
    found.offer("date_published", markup.published_time(marks))
    found.offer("date_published", _url_date(found.url))
    found.offer("date_published", markup.dateline(marks))
    found.offer("date_published", markup.published_time(marks, anywhere=True))
    if found.date_published:
        found.date_published = markup.local_time(marks, found.date_published)
    found.offer("headline", markup.title(root))
    if found.language is None:
        found.language = root.get("lang") or root.get("xml:lang")
