"""Runs of capitalised words after a sanctions trigger that may name its targets.

"sanctions on Rosneft and Lukoil, as well as their subsidiaries" holds two names;
"Procter and Gamble Trading" and "Myanmar Oil and Gas Enterprise" are one each ("and"
inside a name when one word stands before it or a trade after it), "Pars Petrochem and
Kavir Trading" two. A run stops at a clause end ("since", "for", "accused", a dash),
passes a connector inside a name ("Foundation for the Fight against Repression"), and is
no name when it only describes what follows ("TV presenter", "Ukraine-related",
"Salisbury poisoning suspect X"), owns it ("Putin's friend"), speaks ("Trump said"), is
a place after a locative ("in Sub-Saharan Africa") or a counted group ("several Russian
Banks"). A title word opens a bank's or company's name ("General Bank"), and a bracketed
place stays inside one ("LINKZOL (Beijing) Technology Co"). "to" after "exports" does not
close the clause: "banned exports to two Chinese firms" names whom the ban is aimed at.

Every look back or ahead is a bounded window on the sentence, never a slice of it, so
a sentence is read in time linear in its length.
"""

from __future__ import annotations

import re

__all__ = [
    "AFTER_TITLE",
    "MAY_CLOSE",
    "NOT_TARGETS",
    "ORG_TAIL",
    "PARTICLE_NAME",
    "SECTOR",
    "SPEECH",
    "TOKEN",
    "WORD_REACH",
    "closes_clause",
    "for_in_title",
    "name_runs",
]

# Reading the names after the trigger: words that close the clause it governs
# and words that open a clause naming targets.
_CLAUSE_ENDS = frozenset(
    """
    since because after as while over amid following during when which who whose that for
    said says told to until but if before than said with accused suspected alleged allegedly
    charged convicted responsible blamed
    """.split()
)

TOKEN = re.compile(r"[A-Za-z0-9][\w’'&.-]*[\w&]|[A-Za-z0-9]|[,;:()\"“”—–]")

# A capitalised word that describes what follows: "Hong Kong-based", "Ukraine-related".
_DESCRIBES = re.compile(r"-[a-z]+$")

_CONNECTORS = frozenset({"of", "for", "the", "de", "al", "against", "and"})

NOT_TARGETS = frozenset(
    """
    The A An This That These Those It Its Their His Her He She They We I Our President
    Secretary Minister Prime Foreign Treasury TV CEO Mr Ms Mrs Dr Sir General Ambassador
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Jan Feb Mar Apr Jun Jul Aug
    Sep Sept Oct Nov Dec Western Eastern European Soviet One Two Three Four Five Six Seven
    Eight Nine Ten Eleven Twelve Dozens Hundreds Thousands Several Many Some All Both
    And But Or So Yet There Here Now Then
    """.split()
)

SECTOR = re.compile(
    r"\b(?P<s>oil|gas|energy|banking|banks|financial|finance|defen[cs]e|military|arms|mining"
    r"|metals?|steel|aluminium|shipping|technology|tech|media|aviation|timber|coal|seafood"
    r"|minerals|nuclear|petroleum|chemicals?)\b",
    re.IGNORECASE,
)

SPEECH = "said|says|announced|told|added|stated|confirmed|wrote|noted"

_SPEECH_WORDS = frozenset(SPEECH.split("|"))

_EXPORTS_BEFORE = re.compile(r"\b(?:exports?|sales|shipments)\s+$", re.IGNORECASE)
# A closing quote mark does not end the clause when the objects follow it:
# 'impose "forceful new sanctions" on Russia'.
_OBJECT_AFTER_QUOTE = re.compile(r"\s+(?:on|against|targeting)\b")

# An office whose title goes on with "for": "minister for home affairs", "Commissioner for Trade".
_OFFICE_BEFORE = re.compile(
    r"\b(?:[Mm]inist(?:er|ry)|[Ss]ecretary|[Cc]ommissioner|[Dd]irector|[Cc]ommittee)\s+$"
)

_AMOUNT_BEFORE = re.compile(r"\b(?:more|less|fewer)\s+$")

# The only tokens that may close a clause: every other word is passed over at once.
MAY_CLOSE = _CLAUSE_ENDS | {";", "—", "–", "”", '"'}


def for_in_title(text: str, token: re.Match[str]) -> bool:
    """Whether "for" goes on with an office's title: "the minister for home affairs"."""
    low = max(0, token.start() - WORD_REACH)
    return _OFFICE_BEFORE.search(text, low, token.start()) is not None


def closes_clause(text: str, token: re.Match[str]) -> bool:
    """Whether a token closes the clause the trigger governs."""
    word = token.group()
    if word not in MAY_CLOSE:
        return False
    if word in ("”", '"'):
        return _OBJECT_AFTER_QUOTE.match(text, token.end()) is None
    if word == "to" and _EXPORTS_BEFORE.search(
        text, max(0, token.start() - WORD_REACH), token.start()
    ):
        return False  # "banned exports to two Chinese firms": whom the ban is aimed at
    if word == "for" and _OFFICE_BEFORE.search(
        text, max(0, token.start() - WORD_REACH), token.start()
    ):
        return False  # "the minister for home affairs, Kyaw Min": a title, not a clause end
    if word == "than" and _AMOUNT_BEFORE.search(text, max(0, token.start() - 8), token.start()):
        return False  # "X, worth more than £9 billion; Y": an amount, not a comparison
    return word in (";", "—", "–") or _is_clause_end(text, token)


def _is_clause_end(text: str, token: re.Match[str]) -> bool:
    """Whether a word closes the clause ("since", "for"); "as well as" does not."""
    word = token.group()
    if word not in _CLAUSE_ENDS or _inside_name(text, token):
        return False
    if word == "as":
        return not _WELL_AS_AFTER.match(text, token.end()) and not _WELL_BEFORE.search(
            text, max(0, token.start() - WORD_REACH), token.start()
        )
    return True


def _inside_name(text: str, token: re.Match[str]) -> bool:
    """Whether a connector joins two capitalised words ("Foundation for the Fight")."""
    before = _CAPITALISED_BEFORE.search(text, max(0, token.start() - WORD_REACH), token.start())
    after = _CAPITALISED_AFTER.match(text, token.end())
    return before is not None and after is not None and token.group() in _CONNECTORS


def name_runs(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Runs of capitalised words between `start` and `stop` that may name a target."""
    runs: list[tuple[int, int]] = []
    tokens = list(TOKEN.finditer(text, start, stop))
    i = 0
    while i < len(tokens):
        word = tokens[i].group()
        if not word[0].isupper() or _DESCRIBES.search(word) or not _may_open(text, tokens[i]):
            i += 1
            counted = word[0].isupper() and _counted(text, tokens[i - 1])
            while counted and i < len(tokens) and _continues(text, tokens, i):
                i += 1  # "several Russian Banks": the whole group, no name
            continue
        j = _past_bracket(text, tokens, i + 1)
        while j < len(tokens) and _continues(text, tokens, j):
            j += 1
            if _DESCRIBES.search(tokens[j - 1].group()):
                break
            j = _past_bracket(text, tokens, j)
        if _DESCRIBES.search(tokens[j - 1].group()):
            i = j  # "Hong Kong-based Ocean Star Shipping": the name comes after
            continue
        run_end = tokens[j - 1].end()
        if _possessor(text, tokens[j - 1]):
            i = j  # "Putin's friend Igor Sechin": the friend is the target
            continue
        if _is_name(text, run_end, stop) and not _LOCATIVE_BEFORE.search(
            text, max(0, tokens[i].start() - 40), tokens[i].start()
        ):
            runs.append((tokens[i].start(), _bare_end(text, tokens[i].start(), run_end)))
        i = j
    return runs


def _may_open(text: str, token: re.Match[str]) -> bool:
    """Whether a capitalised word may open a name.

    Not a counted description ("several Russian Banks", "two Chinese Firms"), not a
    function or title word, unless a title word opens an organisation's name ("General
    Bank").
    """
    if _counted(text, token):
        return False
    if token.group() not in NOT_TARGETS:
        return True
    return token.group() in _TITLES and _ORG_NAME_AFTER.match(text, token.end()) is not None


def _counted(text: str, token: re.Match[str]) -> bool:
    """Whether a word follows a number or quantifier: "several Russian Banks"."""
    return (
        _COUNTED_BEFORE.search(text, max(0, token.start() - WORD_REACH), token.start()) is not None
    )


def _past_bracket(text: str, tokens: list[re.Match[str]], j: int) -> int:
    """The index after a bracketed name inside a name: "LINKZOL (Beijing) Technology Co"."""
    inside = _BRACKET_INSIDE.match(text, tokens[j - 1].end())
    if inside is None:
        return j
    k = j
    while k < len(tokens) and tokens[k].start() < inside.end() - 1:
        k += 1
    return k if k < len(tokens) and _continues(text, tokens, k) else j


def _possessor(text: str, last: re.Match[str]) -> bool:
    """Whether a run ends in a possessive before a common noun ("Putin's friend")."""
    if not re.search(r"['’]s$", last.group()):
        return False
    return _COMMON_NOUN_AFTER.match(text, last.end()) is not None


def _continues(text: str, tokens: list[re.Match[str]], j: int) -> bool:
    """Whether token `j` carries on the run of capitalised words before it."""
    prev, token = tokens[j - 1], tokens[j]
    if text[prev.end() : token.start()] != " " or re.search(r"['’]s$", prev.group()):
        return False
    word = token.group()
    if word[0].isupper() and (word not in NOT_TARGETS or word in _TITLES):
        return True
    if PARTICLE_NAME.fullmatch(word):
        return True  # "Ahmad al-Sharaa", "Abu Bakr al-Baghdadi": a particle joined to a name
    if word == "and" and _and_inside_name(text, token):
        return True
    # "Foundation for the Fight against Repression": connectors inside a name.
    k = j
    while k < len(tokens) and tokens[k].group() in _CONNECTORS and tokens[k].group() != "and":
        if text[tokens[k].end() : tokens[k + 1].start() if k + 1 < len(tokens) else 0] != " ":
            return False
        k += 1
    return k > j and k < len(tokens) and tokens[k].group()[0].isupper()


def _and_inside_name(text: str, token: re.Match[str]) -> bool:
    """Whether "and" joins one name: "Ministry of Petroleum and Mineral Resources"."""
    if _spelled_by_acronym(text, token):
        return True  # "the National Unity and Progress Front (NUPF)": one name, as its acronym
    body = _BODY_OF_BEFORE.search(text, max(0, token.start() - 60), token.start())
    if body is not None:
        # "Ministry of Defense and Ministry of Energy": a second body of the same kind
        if re.match(r"\s+" + body.group(1) + r"\b", text[token.end() :]):
            return False
        return _CAPITAL_AFTER.match(text, token.end()) is not None
    after = _ORG_AFTER_AND.match(text, token.end())
    if after is None or _ORG_END.search(text, max(0, token.start() - WORD_REACH), token.start()):
        return False
    # "Pars Petrochem and Kavir Trading": two names, each whole; "Myanmar Oil and Gas
    # Enterprise" (a trade after "and") and "Procter and Gamble Trading" (one word before) one.
    if SECTOR.match(text, token.end() + 1):
        return True
    return not _TWO_WORDS_BEFORE.search(text, max(0, token.start() - WORD_REACH), token.start())


_BODY_OF_BEFORE = re.compile(
    r"\b(Ministry|Department|Office|Council|Committee|Commission|Bureau)\s+of"
    r"(?:\s+[A-Z][\w-]*)+\s$"
)

_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")
# The capitalised words on either side of an "and", and an acronym in brackets after them.
_WORDS_BEFORE_AND = re.compile(r"(?:[A-Z][\w-]*\s+){1,4}$")
_WORDS_THEN_ACRONYM = re.compile(r"((?:\s+[A-Z][\w-]*){1,4})\s+\(([A-Z]{3,8})\)")


def _spelled_by_acronym(text: str, token: re.Match[str]) -> bool:
    """Whether the words around an "and" are the full name that a bracketed acronym after
    them spells: "National Unity and Progress Front (NUPF)", with or without the "and"."""
    after = _WORDS_THEN_ACRONYM.match(text, token.end())
    before = _WORDS_BEFORE_AND.search(text, max(0, token.start() - 60), token.start())
    if after is None or before is None:
        return False
    acronym = after.group(2)
    tail = "".join(w[0] for w in after.group(1).split())
    head_words = before.group().split()
    for i in range(len(head_words)):
        head = "".join(w[0] for w in head_words[i:])
        if acronym in (head + tail, head + "A" + tail):
            return True
    return False


_TWO_WORDS_BEFORE = re.compile(r"[A-Z][\w&.-]*\s+[A-Z][\w&.-]*\s+$")

_ORG_WORDS = (
    r"(?:Company|Corporation|Industries|Group|Resources|Trade|Trading|Development|Technology|Bank"
    r"|Co|Corp|Inc|Ltd|Limited|LLC|PLC|JSC"
    r"|Enterprises?|Shipping|Energy|Holdings?|Systems|Services|Logistics|Investments?|Partners)"
)

ORG_TAIL = re.compile(r"\s" + _ORG_WORDS + r"$")

_ORG_AFTER_AND = re.compile(r"(?:\s+[A-Z][\w&-]*){1,3}?\s+" + _ORG_WORDS + r"\b")

_ORG_END = re.compile(r"\b" + _ORG_WORDS + r"\s+$")


def _is_name(text: str, end: int, stop: int) -> bool:
    """A run is a name unless it modifies what follows ("TV presenter", "Ukraine-related")."""
    if text.startswith("-", end, stop):
        return False
    # "Salisbury poisoning suspect Denis Sergeev": the run describes the name after it.
    described = _DESCRIBES_NAME.match(text, end, stop)
    if described is not None and not any(w in _FUNCTION_WORDS for w in described.group(1).split()):
        return False
    # "Asked about sanctions, Trump said ...": the speaker, not a target.
    spoken = re.match(r"\s+([a-z]+)", text[end : end + 12])
    if spoken is not None and spoken.group(1) in _SPEECH_WORDS:
        return False
    nxt = _NEXT_WORD.match(text, end, stop)
    return nxt is None or nxt.group(1) not in _MODIFIED


_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)")

# ... but not a day: "sanctions on Tarn Bank last Tuesday".
_DESCRIBES_NAME = re.compile(
    r"((?:\s+[a-z][\w-]*){1,3})\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b)[A-Z]"
)

_FUNCTION_WORDS = frozenset(
    """
    and or but nor as at by for from in into of on onto to with without over under after
    before since until during which who whose that than its their his her the a an is are
    was were be been has have had will would said says also including include includes
    included plus while when where amid against via per both either
    """.split()
)

# Title words inside a run: "Brigadier General Esmail Qaani", "Rosneft CEO Igor Sechin".
_TITLES = frozenset("President Secretary Minister Prime Foreign CEO General Ambassador".split())

AFTER_TITLE = re.compile(
    r"\b(?:" + "|".join(sorted(_TITLES)) + r")\s+((?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)$"
)

# "operating in Sub-Saharan Africa", "the ports of Latakia": a place, not a target.
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|across|throughout|near|(?:ports?|cities|city|regions?|provinces?|towns?)\s+of"
    r"(?:\s+[A-Z][\w-]*\s+and)?)\s+(?:the\s+)?$"
)

# Nouns a capitalised word modifies rather than names: "TV presenter", "Rosneft subsidiaries".
_MODIFIED = frozenset(
    """
    presenter presenters host anchor star singer company companies firm firms group giant
    giants producer producers network channel station official officials executive
    executives chief boss subsidiaries subsidiary unit units shares stake assets account
    accounts operations plant deal project pipeline customers clients employees staff
    military forces troops government authorities leader leaders president minister
    administration regime programs programmes program programme lawmakers legislators
    senators congressmen politicians members
    """.split()
)


def _bare_end(text: str, start: int, end: int) -> int:
    """The end of a run without a possessive ("Rosneft's" → "Rosneft")."""
    match = re.search(r"['’]s?$", text[start:end])
    return end - len(match.group()) if match else end


# Sentences are read by offsets, never by slicing them afresh for every word: the
# windows below bound how far a look back or ahead goes, so a sentence of any
# length is read in time linear in its length.
WORD_REACH = 40  # characters back to the word before

_WELL_AS_AFTER = re.compile(r"\s+well\s+as\b")

_WELL_BEFORE = re.compile(r"\bwell\s+$")

PARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ash|at|az|bin|ibn|abu)-[A-Z][\w’'-]*")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w’'-]* $")

_CAPITALISED_AFTER = re.compile(r" (?:the )?[A-Z]")

_COMMON_NOUN_AFTER = re.compile(r"\s+(?:\w+\s+)?[a-z]")

# "several Russian Banks", "four Chinese Companies": a counted group, no name.
_COUNTED_BEFORE = re.compile(
    r"\b(?:several|many|some|various|numerous|multiple|other|more|few|two|three|four|five|six"
    r"|seven|eight|nine|ten|dozens|hundreds|[0-9][0-9,]*)\s+$",
    re.IGNORECASE,
)
_ORG_NAME_AFTER = re.compile(r"(?:\s+[A-Z][\w&-]*){0,2}?\s+" + _ORG_WORDS + r"\b")
# A bracketed place inside a company's name: "SITONHOLY (Tianjin) Co".
_BRACKET_INSIDE = re.compile(r" \([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?\) (?=[A-Z])")
