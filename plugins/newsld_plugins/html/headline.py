"""The headline without the outlet's name around it.

`<title>` and `og:title` often read "Headline | Outlet" or "Outlet - Headline";
JSON-LD headlines are usually clean. A part of the title is dropped when it
names the outlet (its site name, publisher or host), or when the page's
`<h1>` shows the headline without it.
"""

from __future__ import annotations

import re

__all__ = ["choose_headline", "strip_site_name"]

_SEPARATORS = re.compile(r"\s+[|\-–—:·•»«/]{1,2}\s+|\s*[|·•»«]\s*")
_NON_ALNUM = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    return _NON_ALNUM.sub("", text.lower())


def strip_site_name(title: str, sites: list[str]) -> str:
    """`title` without a leading or trailing part that names the outlet."""
    keys = [k for k in (_key(s) for s in sites) if len(k) >= 3]
    parts = _SEPARATORS.split(title)
    separators = _SEPARATORS.findall(title)
    if len(parts) < 2 or not keys:
        return title

    def is_site(part: str) -> bool:
        key = _key(part)
        return bool(key) and any(
            key == k or (len(key) >= 4 and (key in k or k in key)) for k in keys
        )

    start, end = 0, len(parts)
    while end - start > 1 and is_site(parts[end - 1]):
        end -= 1
    while end - start > 1 and is_site(parts[start]):
        start += 1
    if (start, end) == (0, len(parts)):
        return title
    kept = parts[start]
    for index in range(start + 1, end):
        kept += separators[index - 1] + parts[index]
    return kept.strip()


def choose_headline(candidates: list[str], sites: list[str], h1s: list[str]) -> str | None:
    """The headline the page shows, confirmed by its metadata (best source first)."""
    cleaned = [strip_site_name(c, sites) for c in candidates if c]
    # An SEO headline cut short ("... after fans slam per...") is a last resort.
    whole = [c for c in cleaned if not c.endswith(("...", "…"))] or cleaned
    keys = {_key(c): c for c in reversed(whole)}
    for h1 in h1s:
        if _key(h1) in keys:
            return h1
    for h1 in h1s:
        inside = [c for k, c in keys.items() if len(k) >= 15 and k in _key(h1)]
        if inside:
            # The <h1> adds a kicker ("Politics | ...") or a tag ("... [Watch]").
            return max(inside, key=len)
        if len(_key(h1)) >= 15 and any(_key(h1) in k for k in keys):
            return h1
    return whole[0] if whole else (h1s[0] if h1s else None)
