"""Bylines to people: "By Jane Doe and John Roe, Staff Writers | Outlet" → two names.

Pages credit authors in many shapes: "By" prefixes, several names in one
string, job titles after a comma, the outlet's name, profile URLs, Twitter
handles. This keeps the names of people (and of a wire service when that is
all the page credits) and drops the rest.
"""

from __future__ import annotations

import re

__all__ = ["author_names", "clean_name", "is_role"]

_PREFIX = re.compile(
    r"^\s*(?:(?:view all posts|more stories|more|written|posted|published|reported|words|story"
    r"|text|reporting|compiled|photos?|video)\s+)?(?:by|from|von|par|por)\s*[:\-]?\s+",
    re.I,
)
# What follows the names in a byline: "... and Tom Caswell on December 21, 2023".
_TAIL = re.compile(
    r"\s+(?:on|at|published|updated|posted|last updated|contributions? from)\b.*$"
    r"|\s*[|•·].*$|\s+[-–—]\s*$",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,|;|/|&|\band\b|\n)\s*", re.I)
_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv|phd|md)\.?$", re.I)
# Words that make a part of a byline a job title or a place, not a name.
_ROLE_WORDS = frozenset(
    """
    writer writers editor editors reporter reporters correspondent correspondents staff
    contributor contributors columnist producer producers photographer photographers
    senior chief deputy managing associate assistant executive director desk team news
    updated published posted analyst critic host anchor intern fellow freelance freelancer
    author authors contributing special guest digital online sports entertainment politics
    political national international world local business science health bureau
    """.split()
)
_FUNCTION_WORDS = frozenset({"by", "and", "the", "of", "for", "with", "from", "in", "on", "a"})
_NOT_NAME = re.compile(r"https?:|www\.|@|\d|\.com\b|[<>{}=]")
_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[\W_]+")
_NAME_CHARS = re.compile(r"[^\w.'’\- ]")
_EDGE = re.compile(r"^[\s\W_]+|[\s,;:|\-–—]+$")


def clean_name(raw: str) -> str:
    """One name without prefixes, handles or surrounding punctuation."""
    text = _SPACES.sub(" ", raw).strip()
    text = _PREFIX.sub("", text)
    return _EDGE.sub("", text)


def author_names(raw: str, outlets: frozenset[str] = frozenset()) -> list[str]:
    """The people named in one byline string, in order, without duplicates."""
    text = _PREFIX.sub("", _SPACES.sub(" ", raw).strip())
    text = _TAIL.sub("", text)
    names: list[str] = []
    for part in _SPLIT.split(text):
        name = _without_outlet(_without_role(clean_name(part)), outlets)
        # "John Smith, Jr." is one name, not two.
        if _SUFFIX.match(name) and names:
            names[-1] = f"{names[-1]} {name}"
            continue
        if _is_name(name, outlets) and name.lower() not in (n.lower() for n in names):
            names.append(name)
    return names


def _without_role(name: str) -> str:
    """ "Jane Doe Staff Writer" → "Jane Doe"; "Slate Staff" stays (the credit is the staff)."""
    words = name.split()
    end = len(words)
    while end > 2 and words[end - 1].lower().strip(".") in _ROLE_WORDS:
        end -= 1
    return " ".join(words[:end])


def _without_outlet(name: str, outlets: frozenset[str]) -> str:
    """ "Elizabeth Flores USA TODAY" → "Elizabeth Flores": the outlet's name glued on."""
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        # The name shown twice in one element (a link and its label): "Jo Li Jo Li".
        words = words[:half]
        name = " ".join(words)
    if len(words) > 1 and _key(words[0]) in outlets:
        # A section of the outlet, not a person: "CBC Arts".
        return ""
    for cut in range(1, min(4, len(words) - 1)):
        if _key(" ".join(words[-cut:])) in outlets:
            return " ".join(words[:-cut])
    return name


def _key(text: str) -> str:
    return _NON_WORD.sub("", text.lower())


def _is_name(name: str, outlets: frozenset[str]) -> bool:
    if not name or len(name) > 60 or _NOT_NAME.search(name):
        return False
    words = name.split()
    if not 1 <= len(words) <= 6 or _NAME_CHARS.search(name):
        return False
    if not any(w[:1].isupper() for w in words):
        return False
    lowered = [w.lower().strip(".") for w in words]
    if all(w in _ROLE_WORDS or w in _FUNCTION_WORDS for w in lowered) or (
        len(words) > 2 and lowered[-1] in _ROLE_WORDS
    ):
        return False
    return _key(name) not in outlets


def is_role(name: str) -> bool:
    """Whether a credit names a role or a team ("Intelligencer staff"), not a person."""
    return any(w.lower().strip(".") in _ROLE_WORDS for w in name.split())
