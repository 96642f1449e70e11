"""Dates as pages write them, to ISO 8601 with the timezone when the page gives one.

2023-12-22T10:05:00-05:00   2023-12-22 10:05:00   20231222   1703257500
December 22, 2023 10:05 AM EST   Fri, 22 Dec 2023 15:05:00 GMT   22 December 2023

A zone abbreviation names a zone of the IANA database (`ET` America/New_York,
`BST` Europe/London, `CEST` Europe/Paris...), and the offset is that zone's on
that day, daylight saving included: "July 4, 2024 10:05 AM ET" is -04:00,
"Jan. 4, 2024 10:05 AM ET" -05:00 (pages write `EST` all year round too).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["iso_date"]

_ISO = re.compile(
    r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?(?![\d:])"
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for name in names
}
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_TIME = (
    r"(?:\s*(?:at|,|-|–)?\s*(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?"
    r"\s*([A-Z]{1,4}T|Z|[+-]\d{2}:?\d{2})?"
)
_MONTH_FIRST = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TIME, re.I)
_DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})" + _TIME, re.I)
_EPOCH = re.compile(r"^\s*(\d{10})(\d{3})?\s*$")
# Zone abbreviations news sites print after a time ("10:05 AM EST"), and their zones.
_ZONES = {
    "BST": "Europe/London", "CET": "Europe/Paris", "CEST": "Europe/Paris",
    "EST": "America/New_York", "EDT": "America/New_York", "ET": "America/New_York",
    "CST": "America/Chicago", "CDT": "America/Chicago", "CT": "America/Chicago",
    "MST": "America/Denver", "MDT": "America/Denver", "MT": "America/Denver",
    "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "PT": "America/Los_Angeles",
}  # fmt: skip
_UTC_NAMES = frozenset({"UTC", "GMT", "Z"})


def iso_date(value: object) -> str | None:
    """`value` as `YYYY-MM-DD[THH:MM:SS[±HH:MM]]`, or None when it is not a plausible date."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(int(value))
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()[:120]
    epoch = _EPOCH.match(text)
    if epoch:
        moment = datetime.fromtimestamp(int(epoch.group(1)), UTC)
        return moment.isoformat(timespec="seconds")
    iso = _ISO.search(text)
    if iso:
        year, month, day = iso.group(1, 2, 3)
        return _build((year, month, day), iso.group(4, 5, 6), iso.group(7), None)
    for pattern, order in ((_MONTH_FIRST, (2, 0, 1)), (_DAY_FIRST, (2, 1, 0))):
        match = pattern.search(text)
        if match:
            parts = match.groups()
            day = (
                parts[order[0]],
                str(_MONTHS[parts[order[1]].lower().rstrip(".")]),
                parts[order[2]],
            )
            return _build(day, parts[3:6], parts[7], parts[6])
    return None


def _build(
    day: tuple[str, str, str], clock: tuple[str | None, ...], zone: str | None, meridiem: str | None
) -> str | None:
    try:
        date = datetime(int(day[0]), int(day[1]), int(day[2]))
    except ValueError:
        return None
    if not 1990 <= date.year <= 2100:
        return None
    if clock[0] is None:
        return date.date().isoformat()
    hour = int(clock[0]) % 12 + (12 if meridiem and meridiem[0].lower() == "p" else 0)
    if not meridiem:
        hour = int(clock[0])
    try:
        moment = date.replace(hour=hour, minute=int(clock[1] or 0), second=int(clock[2] or 0))
    except ValueError:
        return date.date().isoformat()
    offset = _offset(zone)
    if offset is not None:
        moment = moment.replace(tzinfo=offset)
    return moment.isoformat(timespec="seconds")


def _offset(zone: str | None) -> tzinfo | None:
    if not zone:
        return None
    zone = zone.upper()
    if zone in _UTC_NAMES:
        return UTC
    if zone in _ZONES:
        try:
            return ZoneInfo(_ZONES[zone])
        except ZoneInfoNotFoundError:  # no zone database at all: tzdata is a dependency
            return None
    match = re.fullmatch(r"([+-])(\d{2}):?(\d{2})?", zone)
    if not match:
        return None
    minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
    if minutes > 14 * 60:
        return None
    return timezone(timedelta(minutes=minutes if match.group(1) == "+" else -minutes))
