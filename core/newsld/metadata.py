"""An article's dates and language in the forms the document promises, whatever the reader.

Every reader's article passes through `normalise_article` (and so do
`--published`, a front matter's date and a plugin reader's values): dates
become ISO 8601 as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` with the offset the
source gave ("2023-12-22 10:05" → "2023-12-22T10:05:00", "20231222" →
"2023-12-22"), and the language a BCP 47 tag ("en_US" → "en-US", "EN" → "en",
"English" → "en"). A value that is neither is left out, with a warning.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import pycountry

from newsld.model import Article

__all__ = ["iso_datetime", "language_tag", "normalise_article"]

# A BCP 47 tag as pages write it, `_` for `-` included: en, en-US, zh_Hant_TW, es-419.
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def iso_datetime(value: str) -> str | None:
    """`value` as ISO 8601 (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS[±HH:MM]`), or None."""
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    if len(text) <= 10 and ":" not in text:  # a day: 2023-12-22, 20231222
        return date(moment.year, moment.month, moment.day).isoformat()
    iso = moment.isoformat()
    return iso.removesuffix("+00:00") + "Z" if text[-1] in "Zz" else iso  # UTC as written


def language_tag(value: str) -> str | None:
    """`value` as a BCP 47 tag with its subtags in their usual case, or None."""
    text = value.strip()
    if _TAG.match(text):
        parts = text.replace("_", "-").split("-")
        return "-".join([parts[0].lower(), *map(_subtag, parts[1:])])
    try:
        language = pycountry.languages.lookup(text)  # a language's name: "English"
    except LookupError:
        return None
    code = getattr(language, "alpha_2", None) or getattr(language, "alpha_3", None)
    return str(code) if code else None


def _subtag(part: str) -> str:
    if len(part) == 4 and part.isalpha():
        return part.title()  # a script: Hant
    if (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
        return part.upper()  # a region: US, 419
    return part.lower()


def normalise_article(article: Article) -> None:
    """The article's dates as ISO 8601 and its language as BCP 47, in place."""
    for key, name in (("date_published", "datePublished"), ("date_modified", "dateModified")):
        value = getattr(article, key)
        if value is None:
            continue
        iso = iso_datetime(value)
        if iso is None:
            article.warnings.append(f"{name} {value!r} is not a date; left out")
        setattr(article, key, iso)
    if article.language is not None:
        tag = language_tag(article.language)
        if tag is None:
            article.warnings.append(
                f"inLanguage {article.language!r} is not a language tag; left out"
            )
        article.language = tag
