"""Counts as casualty reports state them, read into `[low, high]` bounds.

"killed six people and injured at least 44" holds two counts: "six" is
exactly 6 (`low == high == 6`) and "at least 44" is 44 or more
(`low=44, high=None`). The qualifiers of casualty reporting ("more than 40",
"up to 10", "between 36 and 40", "dozens", "hundreds") are read exactly as
`shared/eval/README.md` ("casualties") sets out; "another" before a role word
("one was killed and another injured") is one; docs/numbers-and-dates.md lists
every convention. Numbers that are not counts (years, times, dates,
ordinals, percentages, money, ages, durations and measures, labels such as
"Flight 752") are not reported.

Spelled-out numbers are read by `text2num` (Allo-Media, MIT): it is
maintained (release 3.1.0, 2026), fast (a Rust core, ~0.2 µs a call) and
strict, rejecting "twelve twelve" rather than guessing; this module only finds
the word runs and reads the qualifiers around them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from text_to_num import text2num  # type: ignore[import-untyped, unused-ignore]

__all__ = ["Count", "find_counts", "parse_count"]

Bounds = tuple[int | None, int | None]


@dataclass(frozen=True)
class Count:
    """A count in a text: `text == source[start:end]`; `low`/`high` None = open."""

    start: int
    end: int
    low: int | None
    high: int | None
    text: str


@dataclass(frozen=True)
class _Atom:
    """A bare number or vague amount, before its qualifiers are read."""

    start: int
    end: int
    low: int
    high: int | None
    vague: bool  # "dozens", "hundreds": takes no qualifier and joins no range


_ONES = "zero|one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SCALES = "hundred|thousand|million|billion"
_WORD = rf"(?:(?:{_TENS})(?:-(?:{_ONES}))?|{_TEENS}|{_ONES})"
_SPACE = r"[ \u00a0\u2009\u202f]"  # "4 000": a space, no-break or thin space between thousands
_UNIT_SIZE = {"dozen": 12, "score": 20, "hundred": 100, "thousand": 1000, "million": 10**6}
_SCALE_SIZE = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}

# One alternation, so the atoms never overlap. Order matters: "tens of
# thousands" before "thousands", "half a dozen" before "a dozen".
_ATOM = re.compile(
    rf"""
    \b(?=[0-9adefhmnostz])  # only where a figure or a number word can start
    (?:
    (?P<vague>
        \b(?P<vmul>tens|hundreds)\s+of\s+(?P<vunit>thousands|millions)\b
      | \b(?:several|a\s+few|many)\s+(?P<vsev>dozen|hundred|thousand|million)\b
        (?:\s+(?P<vsev2>thousand|million)\b)?
      | \b(?P<vplural>dozens|hundreds|thousands|millions)\b
      | \bscores(?=\s+(?:of|were|more|others|injured|wounded|dead|killed|died|people)\b)
    )
  | (?P<half>\bhalf\s+a\s+dozen\b|\ba\s+half[\s-]dozen\b)
  | (?P<dozen>\ba\s+dozen\b)
  | (?P<handful>\ba\s+handful\b)
  | (?P<couple>\ba\s+couple)(?=\s+of\b)
  | (?P<another>\banother)(?=\s+(?:(?:was|is|has\s+been|had\s+been)\s+)?
        (?:injured|wounded|hurt|killed|died|dead)\b)
  | (?P<digits>
        (?<![\w$€£¥₹₽:/#])(?<![0-9][.,])(?<![A-Za-z]-)
        (?P<int>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]{{1,3}}(?:{_SPACE}[0-9]{{3}})+|[0-9]+)
        (?:\.(?P<frac>[0-9]+))?
        (?![\w:/]|[.,][0-9])
        (?:\s+(?P<dscale>{_SCALES})\b)?
    )
  | (?P<words>
        (?<![A-Za-z]-)
        \b(?:a\s+(?:{_SCALES})|{_WORD})\b
        (?:(?:\s+|-)(?:and\s+)?(?:{_WORD}|{_SCALES})\b)*
    )
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_SEPARATOR = re.compile(rf",|{_SPACE}")
_WORD_TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")
_DOZEN_AFTER = re.compile(r"\s+dozen\b(?!s)", re.IGNORECASE)

# A hyphenated or "to"/"or" range between two exact figures: "36-40",
# "six to eight", "two or three". "between 36 and 40" needs its "between".
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|or)\s*", re.IGNORECASE)
_AND_GAP = re.compile(r"\s+and\s+", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# "the toll rose from six to eight" is two tolls, not a range.
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def _at_least(low: int, high: int | None) -> Bounds:
    """ "at least 44" -> (44, None)."""
    return (low, None)


def _more_than(low: int, high: int | None) -> Bounds:
    """ "more than 40" -> (41, None)."""
    return ((high if high is not None else low) + 1, None)


def _up_to(low: int, high: int | None) -> Bounds:
    """ "up to 10" -> (None, 10)."""
    return (None, high if high is not None else low)


def _fewer_than(low: int, high: int | None) -> Bounds:
    """ "nearly 50" -> (None, 49)."""
    return (None, max(low - 1, 0))


def _about(low: int, high: int | None) -> Bounds:
    """ "about 50" -> (50, 50): the stated figure."""
    return (low, high)


# Qualifiers before a figure, read into bounds. "nearly 50" and "almost 50"
# say the figure is below 50: (None, 49). "about/some/around 330" keep the
# stated figure, as the eval gold does for "some 330 people died" -> [330, 330].
_PREFIXES: dict[str, Callable[[int, int | None], Bounds]] = {
    "at least": _at_least,
    "no fewer than": _at_least,
    "no less than": _at_least,
    "not less than": _at_least,
    "not fewer than": _at_least,
    "a minimum of": _at_least,
    "more than": _more_than,
    "over": _more_than,
    "above": _more_than,
    "in excess of": _more_than,
    "upwards of": _more_than,
    "upward of": _more_than,
    "exceeding": _more_than,
    "exceeded": _more_than,
    "exceeds": _more_than,
    "exceed": _more_than,
    "surpassed": _more_than,
    "surpasses": _more_than,
    "surpassing": _more_than,
    "surpass": _more_than,
    "topped": _more_than,
    "tops": _more_than,
    "topping": _more_than,
    "passed": _more_than,
    "passing": _more_than,
    "crossed": _more_than,
    "up to": _up_to,
    "as many as": _up_to,
    "at most": _up_to,
    "no more than": _up_to,
    "not more than": _up_to,
    "a maximum of": _up_to,
    "fewer than": _fewer_than,
    "less than": _fewer_than,
    "under": _fewer_than,
    "below": _fewer_than,
    "nearly": _fewer_than,
    "almost": _fewer_than,
    "close to": _fewer_than,
    "shy of": _fewer_than,
    "about": _about,
    "around": _about,
    "some": _about,
    "roughly": _about,
    "approximately": _about,
    "approx.": _about,
    "an estimated": _about,
    "estimated": _about,
    "circa": _about,
}
# "well over", "just under": the hedge does not change the bound.
_PREFIX = re.compile(
    r"(?<![\w-])(?:(?:just|well|slightly|far)\s+)?(?P<q>"
    + "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_PREFIXES, key=len, reverse=True)
    )
    + r")\s+$",
    re.IGNORECASE,
)
_RISE_BEFORE = re.compile(
    r"(?=[cgjmrsw])"  # the first letters of these verbs: other positions skipped at once
    r"\b(?:gone|go|goes|going|went|risen|rise|rises|rising|rose|climbed|jumped|shot|moved)\s+$",
    re.IGNORECASE,
)
# "sixty-six people or more": the hedge may follow the noun of the count.
_SUFFIX = re.compile(
    r"(?:(?:\s+(?:people|persons))?\s+or\s+(?P<more>more)\b|\s+or\s+(?P<fewer>fewer|less)|\s+or\s+so\b|-?(?P<plus>plus\b|\+))",
    re.IGNORECASE,
)

# Contexts that make a figure something other than a count. Each is matched
# against the few characters just before or just after the figure.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_NOT_COUNT_BEFORE = re.compile(
    rf"""(?:
        \b{_MONTH}\.?\s*$                                         # Oct. 22
      | (?i:[$€£¥₹₽]|\bUS\$|\b(?:USD|EUR|GBP|RMB|Rs\.?|INR))\s*$  # $5 million
      | (?i:\b(?:aged|age|ages)\s+$)                               # aged 79
      | [0-9]{{4}}[-–]$ | [0-9][-–][0-9]{{1,2}}[-–]$              # 2025-10-22, 2019-20
      | (?i:\b(?:no\.|nos\.|number|flight|route|resolution|article|section|chapter|page
            |phase|level|category|room|gate|platform|highway|interstate|volume|vol\.|episode
            |season|grade|unit|block|building|floor|terminal|exit|bus|reactor|version|model
            |type|zone|district|precinct|ward|decree|paragraph|clause|item|channel|stage|tier
            |series|title|runway|apartment|formula|force|world\s+war|group\s+of|code|catch
            |boeing|airbus)\s+$)
    )""",
    re.VERBOSE,
)
_NOT_COUNT_AFTER = re.compile(
    rf"""(?:
        \s*(?:of\s+)?{_MONTH}\b                                    # 22 October
      | (?i:\s*(?:%|percent\b|per\s*cent\b|pct\b|percentage\s+points?\b))
      | (?i:\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b|o’clock\b|hrs\b|gmt\b|utc\b))
      | (?i:[\s-]*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?
            |centuries|century|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|foot
            |inch(?:es)?|kg|kilograms?|tons?|tonnes?|lbs?|litres?|liters?|barrels?
            |degrees?|mph|acres?|hectares?|square|sq|cm|mm|times)\b)  # 79-year-old, 10 km
      | (?i:[\s-]*(?:halves|thirds?|quarters?|fifths?|tenths?)\b)  # two-thirds
      | (?i:\s*(?:(?:million|billion|trillion|bn|mn)\s+)?(?:dollars?|euros?|pounds?
            |sterling|rubles?|roubles?|yuan|yen|rupees?|cents?|hryvnias?|francs?|lira
            |dinars?|riyals?|rials?|pesos?|usd|eur|gbp)\b)       # 5 million euros
      | (?i:\s+(?:another|of\s+a\s+kind)\b)                        # one another
      | ['’]s\b                                                    # one's
    )""",
    re.VERBOSE,
)
# Four digits from 1800 to 2100 read as a year ("in 2019") unless a count noun
# follows ("2000 people were evacuated").
_COUNT_NOUN_AFTER = re.compile(
    r"\s+(?:people|persons|civilians|soldiers|troops|children|men|women|residents|others"
    r"|dead|killed|injured|wounded|deaths|casualties|victims|migrants|refugees|fighters)\b",
    re.IGNORECASE,
)
# An age set off after a name: "Adamowicz, 53, has supported", "Don Imus (79)".
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]*(?:,\s*|\s+\()$")
_AGE_AFTER = re.compile(r"\s*[,)]")
_PRONOUN_ONE_BEFORE = re.compile(
    r"\b(?=[aentw])(?:no|the|this|that|which|each|every|any)\s+$", re.IGNORECASE
)  # "no one", "the one who"
_PERSON_AFTER = re.compile(
    r"\s+(?:person|man|woman|child|boy|girl|civilian|soldier|officer|resident|villager)\b",
    re.IGNORECASE,
)
# How far the context checks look: the longest qualifier ("slightly no fewer
# than ") fits in _BEFORE; the checks after a figure are anchored and cheap.
_BEFORE = 24
_AFTER = 40


def find_counts(text: str) -> list[Count]:
    """Every count in `text`, in order, with its bounds and span."""
    atoms = [a for a in _atoms(text) if not _is_year(text, a)]
    counts: list[Count] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        start, end, low, high = atom.start, atom.end, atom.low, atom.high
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        if nxt is not None and (range_start := _range_start(text, atom, nxt)) is not None:
            start, end, high = range_start, nxt.end, nxt.low
            i += 1
        i += 1
        if _not_a_count(text, start, end):
            continue
        bounds: Bounds = (low, high)
        if not atom.vague:
            start, end, bounds = _qualify(text, start, end, low, high)
        counts.append(Count(start, end, bounds[0], bounds[1], text[start:end]))
    return counts


def parse_count(phrase: str) -> Bounds | None:
    """The bounds of the one count in `phrase` ("at least 44" -> (44, None)), or None."""
    counts = find_counts(phrase)
    if len(counts) != 1:
        return None
    return (counts[0].low, counts[0].high)


def _atoms(text: str) -> list[_Atom]:
    """Bare figures and vague amounts in `text`, not yet qualified."""
    atoms: list[_Atom] = []
    for m in _ATOM.finditer(text):
        if m.group("words") is not None:
            atoms.extend(_word_atoms(text, m.start(), m.end()))
            continue
        atom = _simple_atom(m)
        if atom is not None:
            atoms.append(atom)
    return [_times_dozen(text, a) for a in atoms]


def _simple_atom(m: re.Match[str]) -> _Atom | None:
    """The atom for every alternative of `_ATOM` but word runs."""
    s, e = m.start(), m.end()
    if m.group("vague") is not None:
        return _Atom(s, e, _vague_low(m), None, vague=True)
    if m.group("half") is not None:
        return _Atom(s, e, 6, 6, vague=False)
    if m.group("dozen") is not None:
        return _Atom(s, e, 12, 12, vague=False)
    if m.group("handful") is not None:
        return _Atom(s, e, 2, 5, vague=False)
    if m.group("couple") is not None:
        return _Atom(s, e, 2, 2, vague=False)
    if m.group("another") is not None:  # "one was killed and another injured"
        return _Atom(s, e, 1, 1, vague=False)
    value = _digits_value(m.group("int"), m.group("frac"), m.group("dscale"))
    return None if value is None else _Atom(s, e, value, value, vague=False)


def _vague_low(m: re.Match[str]) -> int:
    """The lower bound of a vague amount: at least two of its unit ("dozens" -> 24)."""
    if m.group("vmul") is not None:  # "tens of thousands" -> 2 * 10 * 1000
        mul = 10 if m.group("vmul").lower() == "tens" else 100
        return 2 * mul * _UNIT_SIZE[m.group("vunit").lower()[:-1]]
    if m.group("vsev") is not None:  # "several hundred thousand" -> 2 * 100 * 1000
        more = m.group("vsev2")
        return 2 * _UNIT_SIZE[m.group("vsev").lower()] * (_UNIT_SIZE[more.lower()] if more else 1)
    if m.group("vplural") is not None:
        return 2 * _UNIT_SIZE[m.group("vplural").lower()[:-1]]
    return 2 * _UNIT_SIZE["score"]


def _digits_value(whole: str, frac: str | None, scale: str | None) -> int | None:
    """An integer from digits ("1,200", "1.2 million"), or None if not whole."""
    number = Decimal(_SEPARATOR.sub("", whole) + ("." + frac if frac else ""))
    if scale is not None:
        number *= _SCALE_SIZE[scale.lower()]
    return int(number) if number == number.to_integral_value() else None


# The longest number phrase tried at once: "one million two hundred and
# thirty-four thousand five hundred and sixty-seven" is 12 words. Keeps a
# pathological run ("one one one ...") linear.
_MAX_WORDS = 16


def _word_atoms(text: str, start: int, end: int) -> list[_Atom]:
    """Numbers in a run of number words; an invalid run ("twelve twelve") splits."""
    tokens = [(t.start(), t.end()) for t in _WORD_TOKEN.finditer(text, start, end)]
    atoms: list[_Atom] = []
    i = 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + _MAX_WORDS), i, -1):
            value = _words_value(" ".join(text[s:e] for s, e in tokens[i:j]))
            if value is not None:
                atoms.append(_Atom(tokens[i][0], tokens[j - 1][1], value, value, vague=False))
                i = j
                break
        else:
            i += 1
    return atoms


@lru_cache(maxsize=4096)
def _words_value(words: str) -> int | None:
    """The value of number words ("forty-four", "a hundred and six"), or None."""
    words = words.lower()
    if words.endswith(" and") or words.startswith("and "):
        return None
    if words.startswith("a "):
        words = "one " + words[2:]
    try:
        value: int = text2num(words, "en")
    except ValueError:
        return None
    return value


def _times_dozen(text: str, atom: _Atom) -> _Atom:
    """ "two dozen" is 24."""
    m = _DOZEN_AFTER.match(text, atom.end)
    if m is None or atom.vague or atom.high != atom.low:
        return atom
    return _Atom(atom.start, m.end(), atom.low * 12, atom.low * 12, vague=False)


def _is_year(text: str, atom: _Atom) -> bool:
    """Whether a figure is a year: four plain digits 1800-2100 with no count noun after."""
    span = text[atom.start : atom.end]
    return (
        len(span) == 4
        and span.isdigit()
        and 1800 <= atom.low <= 2100
        and _COUNT_NOUN_AFTER.match(text, atom.end) is None
    )


def _range_start(text: str, a: _Atom, b: _Atom) -> int | None:
    """Where the range of `a` and `b` starts ("36-40", "between 36 and 40"), or None."""
    if a.vague or b.vague or a.low != a.high or b.low != b.high or a.low >= b.low:
        return None
    before = text[max(0, a.start - _BEFORE) : a.start]
    if _RANGE_GAP.fullmatch(text, a.end, b.start) and not _FROM_BEFORE.search(before):
        return a.start
    between = _BETWEEN_BEFORE.search(before)
    if between is not None and _AND_GAP.fullmatch(text, a.end, b.start):
        return a.start - len(before) + between.start()
    return None


def _not_a_count(text: str, start: int, end: int) -> bool:
    """Whether the figure at `start:end` is a date, time, amount of money, age, measure..."""
    before = text[max(0, start - _BEFORE) : start]
    if _NOT_COUNT_BEFORE.search(before) is not None:
        return True
    if text[start:end].lower() == "one" and _PRONOUN_ONE_BEFORE.search(before) is not None:
        # "no one", "the one who"; but "confirmed that one person died" counts one.
        return _PERSON_AFTER.match(text, end) is None or not before.lower().endswith("that ")
    if _AGE_AFTER.match(text, end) and _NAME_BEFORE.search(before) is not None:
        return True
    return _NOT_COUNT_AFTER.match(text, end, end + _AFTER) is not None


def _qualify(
    text: str, start: int, end: int, low: int, high: int | None
) -> tuple[int, int, Bounds]:
    """Widen the span over the qualifiers around a figure and read them into bounds."""
    bounds: Bounds = (low, high)
    before = text[max(0, start - _BEFORE) : start]
    prefix = _PREFIX.search(before)
    if prefix is not None and _RISE_BEFORE.search(before, 0, prefix.start()):
        prefix = None  # "the toll has gone up to 15": a particle of the verb, not a ceiling
    if prefix is not None:
        bounds = _PREFIXES[" ".join(prefix.group("q").lower().split())](low, high)
        start -= len(before) - prefix.start()
    suffix = _SUFFIX.match(text, end)
    if suffix is not None:
        end = suffix.end()
        if suffix.group("more") is not None or suffix.group("plus") is not None:
            bounds = (bounds[0] if bounds[0] is not None else bounds[1], None)
        elif suffix.group("fewer") is not None:
            bounds = (None, bounds[1] if bounds[1] is not None else bounds[0])
    return start, end, bounds
