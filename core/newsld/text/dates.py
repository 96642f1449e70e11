"""Date expressions in news copy, resolved against the publication date.

"on Oct. 22", "October 22, 2025", "22 October", "2025-10-22", "on Monday",
"yesterday", "last night", "two days ago", "a day later", "a day after ..."
become calendar dates. An expression that names no day ("last week",
"in October") or whose year the text does not give and no publication date
supplies, is still reported, with `value=None` and a short `reason`: the year
is never guessed. docs/numbers-and-dates.md sets out every rule.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "AMBIGUOUS",
    "NO_ANCHOR",
    "NO_DAY",
    "NO_REFERENCE",
    "NO_SUCH_DATE",
    "NO_YEAR",
    "DateMention",
    "find_dates",
    "parse_iso_date",
]


@dataclass(frozen=True)
class DateMention:
    """A date expression: `text == source[start:end]`; `value` None with a `reason`."""

    start: int
    end: int
    text: str
    value: dt.date | None
    reason: str | None


# What a handler returns: a date, or None and why.
_Resolved = tuple[dt.date | None, str | None]

# The reasons a mention has no value. A caller warns on NO_YEAR and
# NO_REFERENCE: a publication date would have resolved them.
NO_YEAR = "no year: no publication date"
NO_REFERENCE = "no reference date: no publication date"
NO_DAY = "no day: names a month, week or year only"
NO_SUCH_DATE = "no such date"
AMBIGUOUS = "ambiguous day and month order"
NO_ANCHOR = "no earlier date to count from"

_MONTH_NAMES = [
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May",),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sept", "Sep"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
]
_MONTHS = {name: n for n, names in enumerate(_MONTH_NAMES, start=1) for name in names}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SMALL = {"an": 1, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_SMALL |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _either_case(words: str) -> str:
    """An alternation of `words` with either case on the first letter: "[Ll]ast|[Nn]ext".

    Far faster than re.IGNORECASE on a long alternation, and news copy writes
    these words in lower case or, at a sentence start, capitalised.
    """
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words.split())


# Full names take no period ("on 22 October."); abbreviations may ("Oct. 22").
_FULL_MONTHS = [names[0] for names in _MONTH_NAMES]
_ABBREVIATIONS = [name for names in _MONTH_NAMES for name in names[1:]]
_MONTH = (
    r"(?:(?:"
    + "|".join(sorted(_FULL_MONTHS, key=lambda m: (-len(m), m)))
    + r")\b|(?:"
    + "|".join(sorted(_ABBREVIATIONS, key=lambda m: (-len(m), m)))
    + r")\b\.?)"
)
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + r")\b"
_N = rf"(?:{_either_case(' '.join(_SMALL))}|[0-9]{{1,3}})"
_YEAR = r"(?:,?\s+(?P<{}>[0-9]{{4}})(?![0-9]))?"
_MONTH_BEFORE = _either_case(
    "in since until till by during from throughout through before after of early late last"
    " this next"
)

# One alternation over the text, tried at word starts only. Month and weekday
# names are case-sensitive ("may" is a verb, "May 5" a date). Each kind of date
# opens with a lookahead of the first letters it can have, so a word passes over
# the kinds it cannot start at once, not through their alternations.
_DATE = re.compile(
    rf"""
    \b(?=\w)  # a word start: inside a word, the most offsets, the scan fails here at once
    (?=[0-9A-FIJLMNOPSTUWYa-filmnopstuy])  # the first letters a date can have
    (?:
    (?P<iso>(?P<iso_y>[0-9]{{4}})(?P<iso_sep>[-/])(?P<iso_m>[0-9]{{1,2}})(?P=iso_sep)
        (?P<iso_d>[0-9]{{1,2}})(?![0-9]))
  | (?P<num>(?<![0-9.])(?P<num_a>[0-9]{{1,2}})(?P<num_sep>[/.])(?P<num_b>[0-9]{{1,2}})(?P=num_sep)
        (?P<num_y>[0-9]{{4}})(?![0-9]))
  | (?=[ADFJMNOSTW])
    (?P<mdy>(?:{_WEEKDAY},?\s+)?(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>[0-9]{{1,2}})(?:st|nd|rd|th)?\b
        {_YEAR.format("mdy_y")})
  | (?=[0-9FMSTW])
    (?P<dmy>(?:{_WEEKDAY},?\s+)?(?<![0-9])(?P<dmy_d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?
        (?P<dmy_m>{_MONTH}){_YEAR.format("dmy_y")})
  | (?=[ABDEFILMNOSTUabdefilmnostu])
    (?P<month>(?:(?:{_MONTH_BEFORE}|[Ee]nd\s+of|[Bb]eginning\s+of)\s+|[Mm]id-)
        (?P<mo>{_MONTH}(?!\.?\s+[0-9]{{1,2}}(?![0-9]))(?:\s+[0-9]{{4}}(?![0-9]))?))
  | (?=[ADFJMNOS])
    (?P<month_year>{_MONTH}\s+[0-9]{{4}}(?![0-9]))
  | (?=[CFLMNPSTWclnpt])
    (?P<weekday>(?:(?P<wd_rel>{_either_case("last next")}|[Tt]his(?:\s+past|\s+coming)?
        |{_either_case("coming past")})\s+)?
        (?P<wd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night)\b)?)
  | (?=[0-9AEFLNOPSTYaeflnopsty])
    (?P<rel>(?:
        [Tt]he\s+(?:
            (?P<day_before_yesterday>day\s+before\s+yesterday)
          | (?P<day_after_tomorrow>day\s+after\s+tomorrow)
          | (?P<next_day>next|following)\s+day
          | (?P<previous_day>previous|preceding|prior)\s+day
          | day\s+(?P<day_dir>after|before)
        )
      | (?P<yesterday>[Yy]esterday|[Ll]ast\s+night)
      | (?P<today>[Tt]oday|[Tt]onight|[Tt]his\s+(?:morning|afternoon|evening))
      | (?P<tomorrow>[Tt]omorrow)
      | (?P<period>(?:(?:{_either_case("earlier later late early")})\s+)?
            (?:{_either_case("last this next past")}|[Tt]he\s+past)
            \s+(?:week|weekend|month|year))
      | (?P<n>{_N})\s+(?:
            (?P<ago_unit>day|week|month|year)s?\s+ago
          | (?P<shift_unit>day|week)s?\s+(?P<shift_dir>later|earlier|afterwards?|after|before
                |previously|prior\s+to|prior)
        )
    )\b)
    )""",
    re.VERBOSE,
)
# A word after "a day after" names the event it counts from ("a day after the
# U.S. imposed sanctions"); "a day after that" or a comma counts from the anchor.
_COMPLEMENT = re.compile(r"\s+(?!(?:that|this|it|then)\b)[\w\"“‘']", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:!?]|\.(?:\s|$)")
_CLAUSE_START = re.compile(r".*(?:[,;!?\n]|\.\s)", re.DOTALL)
# Words that put a date ahead of the reference date: "will meet on Thursday",
# "take effect on Nov. 21", "would be sworn in on January 20" (reported
# speech). Without one, a date is read as past or present.
_FUTURE_CUE = re.compile(
    r"(?=[cdegnpstuw'’])"  # the first letters a cue can have: other positions skipped at once
    r"(?:\b(?:will|shall|won['’]t|would|going\s+to|due|scheduled|set\s+to|expected\s+to|plans?\s+to"
    r"|planned|planning|upcoming|next|coming|takes?\s+effect|come\s+into\s+force|expires?"
    r"|deadline)\b|['’]ll\b)",
    re.IGNORECASE,
)
_ISO_START = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])")
_CUE_WINDOW = 60


@dataclass(frozen=True)
class _Ctx:
    """What the handlers need besides the match."""

    text: str
    ref: dt.date | None


def find_dates(
    text: str, published: dt.date | None, *, said_on: dt.date | None = None
) -> list[DateMention]:
    """Every date expression in `text`, resolved against `said_on` or else `published`."""
    ctx = _Ctx(text, said_on if said_on is not None else published)
    matches = list(_DATE.finditer(text))
    resolved = [None if _is_shift(m) else _resolve(m, ctx) for m in matches]
    mentions: list[DateMention] = []
    # "a day later" counts from the latest day named by a date, a weekday or an
    # earlier shift, or else from the latest "yesterday"/"today": in "said on
    # Oct. 23: 'yesterday was that day'. Her remarks came a day after ...", the
    # remarks are those of Oct. 23, not of the quoted "yesterday".
    dated: _Resolved | None = None
    deictic: _Resolved | None = None
    for k, m in enumerate(matches):
        res = resolved[k]
        if res is None:
            complement = _complement_date(m, ctx, matches[k + 1 :], resolved[k + 1 :])
            res = _shift(m, ctx, dated or deictic, complement)
        start, end = m.span("mo") if m.group("month") is not None else m.span()
        mentions.append(DateMention(start, end, text[start:end], res[0], res[1]))
        if res[1] is None or not res[1].startswith("no day"):
            if m.group("rel") is None or _is_shift(m):
                dated = res
            else:
                deictic = res
    return mentions


def parse_iso_date(value: str) -> dt.date | None:
    """The date of a front-matter or metadata value ("2025-10-23T10:00:00+02:00"), or None."""
    value = value.strip()
    iso = _ISO_START.match(value)
    if iso is not None:  # the date as written, with no time-zone conversion
        return _make_date(int(iso[1]), int(iso[2]), int(iso[3]))
    for mention in find_dates(value, None):
        if mention.value is not None:
            return mention.value
    return None


def _resolve(m: re.Match[str], ctx: _Ctx) -> _Resolved:
    """The date of a match that does not count from another date."""
    kind = next(k for k in _HANDLERS if m.group(k) is not None)
    return _HANDLERS[kind](m, ctx)


def _iso(m: re.Match[str], ctx: _Ctx) -> _Resolved:
    """2025-10-22, 2025/10/22."""
    return _checked(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))


def _numeric(m: re.Match[str], ctx: _Ctx) -> _Resolved:
    """22/10/2025 or 10/22/2025: read only when one part cannot be a month."""
    a, b, year = int(m["num_a"]), int(m["num_b"]), int(m["num_y"])
    if a != b and a <= 12 and b <= 12:
        return None, AMBIGUOUS
    month, day = (b, a) if a > 12 else (a, b)
    return _checked(year, month, day)


def _month_day(m: re.Match[str], ctx: _Ctx) -> _Resolved:
    """Oct. 22 / October 22, 2025 / 22 October (2025)."""
    pre = "mdy" if m.group("mdy") is not None else "dmy"
    month = _MONTHS[m[pre + "_m"].rstrip(".")]
    day = int(m[pre + "_d"])
    if m[pre + "_y"] is not None:
        return _checked(int(m[pre + "_y"]), month, day)
    if _make_date(2000, month, day) is None:  # 2000 was a leap year
        return None, NO_SUCH_DATE
    if ctx.ref is None:
        return None, NO_YEAR
    value = _year_for(month, day, ctx.ref, _future_cue(ctx.text, m.start()))
    return (value, None) if value is not None else (None, NO_SUCH_DATE)


def _no_day(m: re.Match[str], ctx: _Ctx) -> _Resolved:
    """In October, October 2025, last week: no day to give."""
    return None, NO_DAY


def _weekday(m: re.Match[str], ctx: _Ctx) -> _Resolved:
    """On Monday: the latest Monday on or before the reference date (see the docs)."""
    if ctx.ref is None:
        return None, NO_REFERENCE
    rel = " ".join((m["wd_rel"] or "").lower().split())
    target = _WEEKDAYS.index(m["wd"])
    back = (ctx.ref.weekday() - target) % 7  # days back to the latest such day
    ahead = (target - ctx.ref.weekday()) % 7
    if rel in ("last", "past", "this past"):
        return _add_days(ctx.ref, -(back or 7))
    if rel in ("next", "coming", "this coming"):
        return _add_days(ctx.ref, ahead or 7)
    if _future_cue(ctx.text, m.start()):
        return _add_days(ctx.ref, ahead)
    return _add_days(ctx.ref, -back)


def _relative(m: re.Match[str], ctx: _Ctx) -> _Resolved:
    """Yesterday, today, last night, two days ago; last week (no day)."""
    if m["period"] is not None or m["ago_unit"] in ("month", "year"):
        return None, NO_DAY
    if ctx.ref is None:
        return None, NO_REFERENCE
    return _add_days(ctx.ref, _relative_days(m))


def _relative_days(m: re.Match[str]) -> int:
    """The offset in days from the reference date of a relative word."""
    if m["ago_unit"] is not None:
        return -_small(m["n"]) * (7 if m["ago_unit"] == "week" else 1)
    offsets = {"day_before_yesterday": -2, "yesterday": -1, "today": 0, "tomorrow": 1}
    return next((d for k, d in offsets.items() if m[k] is not None), 2)  # 2: after tomorrow


_HANDLERS: dict[str, Callable[[re.Match[str], _Ctx], _Resolved]] = {
    "iso": _iso,
    "num": _numeric,
    "mdy": _month_day,
    "dmy": _month_day,
    "month": _no_day,
    "month_year": _no_day,
    "weekday": _weekday,
    "rel": _relative,
}


def _is_shift(m: re.Match[str]) -> bool:
    """Whether a match counts from another date: "a day later", "the next day"."""
    return any(m[k] is not None for k in ("shift_unit", "next_day", "previous_day", "day_dir"))


def _shift(
    m: re.Match[str], ctx: _Ctx, anchor: _Resolved | None, complement: _Resolved | None
) -> _Resolved:
    """ "A day later": the anchor plus a day. "A day after Y": the date of Y (see the docs)."""
    days, direction = _shift_days(m)
    if direction in ("after", "before") and _COMPLEMENT.match(ctx.text, m.end()):
        if complement is not None:
            return complement
        days = -days if direction == "after" else days  # Y lies before the anchor for "after"
    elif direction in ("before", "earlier", "previously"):
        days = -days
    if anchor is None and direction in ("after", "before") and ctx.ref is not None:
        # "Two days after a quake struck, rescuers are still digging": counted from the day
        # the article speaks from when no date was named before.
        return _add_days(ctx.ref, days)
    if anchor is None:
        return None, NO_ANCHOR
    if anchor[0] is None:
        return anchor
    return _add_days(anchor[0], days)


def _shift_days(m: re.Match[str]) -> tuple[int, str]:
    """The size of a shift in days and its direction word, normalised."""
    if m["shift_unit"] is not None:
        unit = 7 if m["shift_unit"] == "week" else 1
        word = m["shift_dir"].split()[0]
        direction = {"afterward": "later", "afterwards": "later", "prior": "before"}.get(word, word)
        return _small(m["n"]) * unit, direction
    if m["next_day"] is not None:
        return 1, "later"
    if m["previous_day"] is not None:
        return 1, "earlier"
    return 1, m["day_dir"]


def _complement_date(
    m: re.Match[str], ctx: _Ctx, later: list[re.Match[str]], resolved: list[_Resolved | None]
) -> _Resolved | None:
    """The date stated inside "a day after [the Oct. 10 summit]", if any."""
    if not later or resolved[0] is None:
        return None
    end = _CLAUSE_END.search(ctx.text, m.end())
    limit = end.start() if end is not None else len(ctx.text)
    return resolved[0] if later[0].start() < limit else None


def _future_cue(text: str, start: int) -> bool:
    """Whether the clause before `start` speaks of the future ("will meet on ...")."""
    window = text[max(0, start - _CUE_WINDOW) : start]
    clause = _CLAUSE_START.match(window)
    if clause is not None:
        window = window[clause.end() :]
    return _FUTURE_CUE.search(window) is not None


def _year_for(month: int, day: int, ref: dt.date, future: bool) -> dt.date | None:
    """The latest (month, day) on or before `ref`, or the earliest on or after it."""
    step = 1 if future else -1
    for years in range(9):  # Feb. 29 may be up to eight years away
        candidate = _make_date(ref.year + step * years, month, day)
        if candidate is not None and (candidate >= ref if future else candidate <= ref):
            return candidate
    return None


def _add_days(day: dt.date, days: int) -> _Resolved:
    """`day` moved by `days`, or the reason there is no such date (past year 9999)."""
    try:
        return day + dt.timedelta(days=days), None
    except OverflowError:
        return None, NO_SUCH_DATE


def _checked(year: int, month: int, day: int) -> _Resolved:
    """A date from its parts, or the reason there is none."""
    value = _make_date(year, month, day)
    return (value, None) if value is not None else (None, NO_SUCH_DATE)


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    """`datetime.date`, or None when the parts name no date."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _small(word: str) -> int:
    """A small count in a relative expression: "a", "two", "3"."""
    return int(word) if word.isdigit() else _SMALL[word.lower()]
