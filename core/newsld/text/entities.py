"""Mentions of people, organisations, countries and places, each tied to one canonical entity.

Built once per article (the `mentions` layer) and shared by every extractor:

- names are runs of capitalised words ("White House Press Secretary Karoline
  Leavitt"); a run is split into a title ("White House Press Secretary") and
  a name ("Karoline Leavitt") at its last role word; a title can also stand
  before the run in lower case ("regional police chief Vishwas Pandhare") or
  as an apposition ("Ukraine's ambassador to the U.S., Olha Stefanishyna");
- countries, capitals standing for the state and well-known organisations
  come from the gazetteer; other organisations are runs with an
  organisation word ("Department of Foreign Affairs", "B.C. Coroners Service");
- later mentions are resolved to the entity meant: a surname ("Leavitt"), a
  pronoun ("she", the last person who was the subject of a sentence), a
  role noun ("the ambassador", "the ministry") and "his family".

Every entity is registered in `analysis.entities`, so claims that point at
one share its `@id`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from newsld.analysis import Analysis
from newsld.model import Entity
from newsld.text.gazetteer import PlaceMention, body_places, find_places
from newsld.text.quotations import quotations
from newsld.text.words import word_index, word_spans

__all__ = [
    "SPEECH_VERBS",
    "SUBORDINATE_TITLES",
    "Mention",
    "Mentions",
    "is_acronym",
    "mentions",
]


@dataclass(frozen=True)
class Mention:
    """A stretch of the body naming an entity; `entity` is None when it could not be resolved.

    `kind` is person, organization, country, place, pronoun or role; `subject`
    is true for the first mention of a sentence and for one right before a
    speech verb; `quoted` is true inside a quotation.
    """

    start: int
    end: int
    text: str
    kind: str
    entity: Entity | None
    subject: bool = False
    quoted: bool = False


# Verbs that report speech or writing ("said", "told", "wrote").
SPEECH_VERBS = frozenset(
    """
    said says say saying told tells telling added adds adding stated states stating
    insisted insists insisting claimed claims claiming warned warns warning explained
    explains alleged alleges announced announces confirmed confirms reported reports
    noted notes argued argues asserted asserts acknowledged acknowledges admitted admits
    denied denies wrote writes writing tweeted tweets tweeting posted declared declares
    remarked stressed stresses emphasized emphasised suggested suggests believes believed
    estimated predicted commented continued concluded responded replied revealed
    disclosed indicated observed maintained contended countered cautioned conceded agreed
    complained recalled testified urged vowed called described referred read reads asked
    calls retorted quipped joked boasted goaded pleaded demanded signalled signaled
    """.split()
)

# Role words: the last one in a title ends it ("White House Press Secretary").
_ROLES = frozenset(
    """
    president secretary minister ambassador spokesperson spokesman spokeswoman chief
    director director-general governor mayor senator sen rep representative constable
    officer general leader chairman chairwoman chair commissioner prosecutor judge envoy
    adviser advisor king queen prince princess pope premier chancellor sheikh detective
    inspector sergeant captain colonel lieutenant admiral archbishop bishop cardinal rabbi
    imam professor prof administrator manager ceo founder speaker deputy attorney justice
    councillor cllr councilman councilwoman congressman congresswoman head commander marshal
    superintendent sheriff agent editor analyst expert specialist anthropologist
    researcher scientist economist lawyer author host writer performer loyalist
    businessman businesswoman official worker activist member candidate journalist
    reporter correspondent doctor physician surgeon coach presenter owner executive magistrate
    vice-president president-elect secretary-general dr gov lt gen col capt sgt supt
    """.split()
)
_TITLE_LEADS = frozenset({"former", "acting", "deputy", "interim", "then", "outgoing", "incoming"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady"})
_FEMALE_HONORIFICS = frozenset({"mrs", "ms", "dame", "lady", "queen", "princess"})

# Words that make a run of capitalised words an organisation ("Coroners Service").
_ORG_WORDS = frozenset(
    """
    department ministry office agency service services council committee commission
    laboratory laboratories lab labs observatory
    organization organisation administration bureau police force forces army navy guard
    court parliament senate congress assembly university college institute center centre
    centers foundation society association union party bank fund group company
    corporation corp inc ltd llc plc times post news press network show hall hospital
    school board authority authorities infobase club federation league alliance movement
    front brigade directorate reserve exchange airlines airways media television tv radio
    magazine journal herald tribune telegraph guardian broadcasting channel church
    embassy consulate cabinet government watch initiative tribunal ministries program
    programme orchestra charity platform command task coalition squad unit battalion
    regiment corps systems technologies motors energy pharmaceuticals holdings industries
    partners resources solutions networks communications foods brands petroleum mining
    steel electric insurance securities investments ventures logistics shipping
    enterprises telecom survey
    """.split()
)

# Capitalised words that start sentences or name times, never part of a name.
_NOT_NAMES = frozenset(
    """
    The A An In On At Of For With From By To As After Before When While If But And Or
    Her His Their Its Our My Your This That These Those There Here It He She They We I
    You Meanwhile However Yet So Also Still Then Thus Although Though Since Because Per
    According Reportedly Earlier Later Last Next Both Some Many Several Other Others
    Fellow Former Ex Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
    February March April May June July August September October November December Jan
    Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today Yesterday Tomorrow Tonight
    Overnight Early Mid New Look Oh No Yes Not All Every Each Any Such Only Just Even
    Speaking Asked Known Born Despite During Under Over Into About Against Between
    Has Have Had Is Are Was Were Does Did Do Can Could Should Would Must Shall
    """.split()
)
# Words of `_NOT_NAMES` that are surnames too, after a first name ("Gary Still").
# Role words that are surnames too, when a given name comes before them ("Julie Bishop").
_ROLE_SURNAMES = frozenset(
    "bishop king judge major marshal dean prince chancellor pope mayor duke baron knight "
    "cardinal deacon constable".split()
)
_SURNAMES_TOO = frozenset("Still May June April August Early Even Little".split())
# What a minister is minister of: part of a title, never of a name.
_PORTFOLIOS = frozenset(
    """
    state affairs defence defense justice health interior finance commerce energy education
    labor labour agriculture transport transportation security economy trade treasury
    environment culture development housing veterans war foreign home welfare tourism
    information infrastructure fisheries planning industry communications
    """.split()
)
# Words that make a run a place ("Donetsk Oblast", "Maidan Wardak province").
_PLACE_WORDS = frozenset(
    """
    oblast province region county city district state island islands street square
    avenue bridge valley river lake mountains airport port bay peninsula governorate
    """.split()
)
_CONNECTORS = frozenset(
    {
        "of",
        "for",
        "and",
        "the",
        "de",
        "du",
        "da",
        "di",
        "van",
        "von",
        "der",
        "bin",
        "ibn",
        "al",
        "la",
        "le",
        "del",
        "dos",
        "y",
    }
)
_NAME_PARTICLES = frozenset(
    {"de", "du", "da", "di", "van", "von", "der", "bin", "ibn", "al", "la", "le", "del", "dos", "y"}
)
# Lower-case words that may stand in a title before a name ("regional police chief").
_TITLE_STOP = frozenset(
    """
    a an and or but said says told by with from on in at as after before that which who
    when while is was were are be been has have had will would could according between
    since during against about than then also not this his her their its our to for of
    the was into over under per called say
    """.split()
)
# Words that open the name of a region ("South Darfur", "West Bengal").
_COMPASS = frozenset("north south east west northern southern eastern western central".split())
# The lower-case word right after a name: "the Fianna Fáil councillor".
_ROLE_AFTER = re.compile(r" ([a-z]+)\b")
_LOCATIVE = frozenset({"in", "near", "outside", "across", "around", "inside", "from", "towards"})
_GROUP_NOUNS = (
    "authorities|officials|military|police|government|army|navy|forces|prosecutors|investigators"
)
# (Written to open with one character class, here and below: a scan then skips to the next
# word character in C instead of trying the pattern at every offset, twice as fast. The
# lookbehind after it asks what the alternatives asked first: "U.S." is capitals.)
_WORD = re.compile(r"\w(?:(?<=[A-Z])\.(?:[A-Z]\.)+|\w*(?:[-'’]\w+)*)")
_UPPER = "".join(c for c in map(chr, range(0x250)) if c.isupper())
# The words a name can hold: capitalised ones, and connectors right before one ("de Blasio").
# (The lookahead of first letters lets the scan skip most positions at once.)
_CAP_TOKEN = re.compile(
    r"(?=[" + _UPPER + r"ofatdvbilyreu])(?:(?:[A-Z]\.){2,}|\b[" + _UPPER + r"]\w*(?:[-'’]\w+)*"
    # "al-Assad", "el-Sisi", "ul-Haq": an Arabic article joined to the name
    r"|\b(?:al|el|ad|as|at|ar|ash|an|ul|ud)-[" + _UPPER + r"]\w*"
    r"|\b(?:of|for|and|the|to|de|du|da|di|van|von|der|bin|ibn|al|la|le|del|dos|y)\b(?= ["
    + _UPPER
    + r"]))"
)
# `_CAP_TOKEN`'s capitalised words alone: opening with a capital, a scan skips to the next
# one in C, eight times faster than `_CAP_TOKEN`, whose connectors start at common letters.
_CAPITALISED = re.compile(
    r"[" + _UPPER + r"](?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<!\w\w)\w*(?:[-'’]\w+)*)"
)
_CONNECTOR_WORDS = frozenset(
    "of for and the to de du da di van von der bin ibn al la le del dos y".split()
)
_JOINED_ARTICLE_BEFORE = re.compile(r"\b(?:al|el|ad|as|at|ar|ash|an|ul|ud)-\Z")
_LAST_WORD = re.compile(r"(\w+)\s+$")
# A word as the previous-word lookups see it: "U.S." whole, "Russia’s", "drone-strike".
_ANY_WORD = _WORD
_WORD_CHAR = re.compile(r"\w")
_POSSESSIVE = re.compile(r"['’]s?$")
# (Each scan of the body below opens with its first letters, a character class or literal
# letters, so re skips to them in C; `(?<!\w.)` after the first letter is the word boundary
# before it.)
_PRONOUN = re.compile(
    r"(?:h(?<!\w.)e|s(?<!\w.)he|t(?<!\w.)hey|H(?<!\w.)e|S(?<!\w.)he|T(?<!\w.)hey)\b"
)
_ROLE_NOUN = re.compile(
    r"[Tt](?<!\w.)he ((?:[a-z][\w-]* ){0,2}?)(spokesperson|spokesman|spokeswoman|ambassador|"
    r"president|minister|mayor|governor|senator|secretary|envoy|prosecutor|official|chief|"
    r"director|commander|judge|lawyer|attorney|coach|leader|manager|captain|sheriff|"
    r"chancellor|premier|navy|army|military|ministry|department|agency|company|firm|charity|"
    r"organization|"
    r"organisation|"
    r"group|council|commission|administration|family|statement)\b"
)
# A person's role capitalised as a title, with no name after it: "The Governor said".
_TITLED_ROLE = re.compile(
    r"[Tt](?<!\w.)he (Spokesperson|Spokesman|Spokeswoman|Ambassador|President|Minister|Mayor|"
    r"Governor|Senator|Secretary|Envoy|Prosecutor|Chancellor|Premier|Commissioner|"
    r"Chairman|Chairwoman|Chief)\b(?![ -]+(?:of |for )?[A-Z])"
)
# How many mentions back "the interior minister" looks for a minister of the interior.
_MODIFIED_ROLE_REACH = 40
# Words that make a title another's: "Deputy Governor" is not "the governor".
SUBORDINATE_TITLES = frozenset(
    {"deputy", "vice", "assistant", "former", "ex", "associate", "under"}
)
# Surnames spelled like a pronoun: "He" in "He Biao" (only mid-sentence, before a name).
_PRONOUN_SURNAMES = frozenset({"He", "She"})
# Role nouns any organisation can be called by, whatever its name ("the agency", "the company").
_GENERIC_ORG_NOUNS = frozenset(
    {"agency", "company", "firm", "organization", "organisation", "group", "charity"}
)
# "Joint Chiefs of Staff (JCS)", "the Singapore Democratic Party's (SDP's) posts"
_ACRONYM = re.compile(r"(?:['’]s)? \(([A-Z][A-Z.&]{1,9})(?:['’]s)?\)")
_FAMILY = re.compile(r"[Hh](?<!\w.)(?:is|er) family\b")
# The owner starts a word: "AAAA..." is not rescanned from each of its letters.
_GROUP = re.compile(r"([A-Z](?<![\w-].)[\w-]+(?:['’]s)?) ((?:[a-z]+ )?)(" + _GROUP_NOUNS + r")\b")
# Titles as news copy abbreviates them ("Gov. Greg Abbott" is "the governor").
_ABBREVIATED_ROLES = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "atty": "attorney",
    "pres": "president",
    "prof": "professor",
    "sgt": "sergeant",
    "adm": "admiral",
    "cllr": "councillor",
}
# What follows a dateline: "ISLAMABAD - ", "NAIROBI – ", "ABU DHABI, Nov. 19 (Yonhap) --".
_DATELINE_AFTER = re.compile(r"\s*[-–—]|,\s+[A-Z][a-z]{2}")
# Acronyms longer than this are matched to a whole name's initials only.
_LONGEST_ACRONYM = 12
_ORG_NOUN_SYNONYMS = {
    "ministry": ("ministry", "department"),
    "department": ("department", "ministry"),
}


class _Token:
    """A word of the body with its offsets."""

    __slots__ = ("end", "lower", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text, self.lower = start, end, text, text.lower()


@dataclass
class Mentions:
    """The mentions of one article, by position, with look-ups the extractors need."""

    items: list[Mention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    #: The pronoun ("he" or "she") each person entity is known to take, by entity id.
    genders: dict[str, str] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.items)

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside `start..end`."""
        index = bisect.bisect_left(self.starts, start)
        found = []
        while index < len(self.items) and self.items[index].start < end:
            if self.items[index].end <= end:
                found.append(self.items[index])
            index += 1
        return found

    def ending_at(self, end: int) -> Mention | None:
        """The mention (outside quotes) whose last character is just before `end`."""
        index = bisect.bisect_left(self.starts, end) - 1
        while index >= 0 and self.items[index].end >= end - 40:
            item = self.items[index]
            if item.end == end and not item.quoted:
                return item
            index -= 1
        return None

    def starting_at(self, start: int) -> Mention | None:
        """The mention (outside quotes) that begins at `start`."""
        index = bisect.bisect_left(self.starts, start)
        if index < len(self.items) and self.items[index].start == start:
            return self.items[index]
        return None


def _tokens(body: str) -> list[_Token]:
    """The matches of `_CAP_TOKEN` in `body`, found faster.

    The capitalised words come from one quick scan; a connector can only stand
    right before one ("de Blasio", "Department of State"), so the word before
    each is looked at. A connector inside the word before ("O'the Mall") is part
    of it, as in `_CAP_TOKEN`'s scan. An Arabic article joined to a name
    ("al-Assad") is rare: the article is then scanned with `_CAP_TOKEN` itself.
    """
    starts, ends, words = word_index(_CAPITALISED, body)
    tokens: list[_Token] = []
    taken = 0  # where the last token ends
    for start, end, word in zip(starts, ends, words, strict=True):
        before = body[start - 1 : start]
        if before == " ":
            connector = _connector_ending(body, start - 1)
            if connector is not None and connector.start >= taken:
                tokens.append(connector)
        elif before == "-" and _JOINED_ARTICLE_BEFORE.search(body, max(0, start - 4), start):
            return [_Token(m.start(), m.end(), m.group()) for m in _CAP_TOKEN.finditer(body)]
        tokens.append(_Token(start, end, word))
        taken = end
    return tokens


def _connector_ending(body: str, end: int) -> _Token | None:
    """The connector word ("of", "de", "the") that ends at `end`, if one does."""
    for size in (1, 2, 3):
        start = end - size
        if start < 0:
            return None
        if start == 0 or _WORD_CHAR.match(body, start - 1) is None:
            word = body[start:end]
            return _Token(start, end, word) if word in _CONNECTOR_WORDS else None
    return None


def _position(mention: Mention) -> tuple[int, int]:
    """Text order: by start, the longer first."""
    return (mention.start, -mention.end)


def mentions(analysis: Analysis) -> Mentions:
    """The mentions layer of an article: people, organisations, countries, places, pronouns."""
    return analysis.layer("mentions", _build)


def _build(analysis: Analysis) -> Mentions:
    """Find every mention, register its entity and resolve the references."""
    finder = _Finder(analysis)
    return finder.run()


class _Finder:
    """One pass of mention finding over an article."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.body = analysis.body
        self.table = analysis.entities
        quotes = quotations(analysis)
        self.quote_starts = [q.start for q in quotes]
        self.quote_ends = [q.end for q in quotes]
        self.found: list[Mention] = []
        self.gender: dict[str, str] = {}
        self.places: dict[int, PlaceMention] = {}
        # Places by where they end (with their rank in text order): "Canada's Department of".
        self.place_ends: dict[int, list[tuple[int, PlaceMention]]] = {}
        # One flag per character of the body (a set of offsets costs ~60 bytes per character).
        self.in_place = _Flags(len(self.body))
        self.covered = _Flags(len(self.body))
        self.named = _Flags(len(self.body))
        # Mentions of pronouns and role nouns, resolved in text order (kept apart from
        # `found` so that adding one does not shift every later mention).
        self.resolved: list[Mention] = []
        self.family: tuple[int, Entity | None] = (0, None)
        self.role_walks: dict[str, tuple[tuple[int, int], Entity | None]] = {}
        self.found_starts: list[int] = []
        self.subjects = _Subjects([])
        self.departments: tuple[int, dict[str, list[Entity]]] = (0, {})
        self.initials: tuple[int, dict[str, Entity]] = (0, {})
        # The first word of each person's full name, None when two people share it.
        self.first_words: dict[str, Entity | None] = {}
        # Acronyms that stood as a person's title ("OCPD Benard Nyakwaka"): that person.
        self.acronym_titles: dict[str, Entity] = {}

    # ---------------------------------------------------------------- driving

    def run(self) -> Mentions:
        """Gazetteer names, then name runs, groups, role nouns and pronouns, then subjects."""
        for rank, place in enumerate(body_places(self.analysis)):
            self.places[place.start] = place
            self.place_ends.setdefault(place.end, []).append((rank, place))
            self.in_place.mark(place.start, place.end)
        tokens = _tokens(self.body)
        runs = list(self._runs(tokens))
        for run, index in runs:
            self._full_name(run, tokens, index)
        for run, index in runs:
            self._short_name(run, tokens, index)
        self._groups()
        self.found.sort(key=lambda m: (m.start, -m.end))
        self.found = _dedupe(self.found)
        self.found = self._mark_subjects(self.found)
        self._references()
        self.found = sorted([*self.found, *self.resolved], key=_position)
        return Mentions(self.found, [m.start for m in self.found], self.gender)

    def quoted(self, offset: int) -> bool:
        """Whether `offset` lies inside a quotation."""
        index = bisect.bisect_right(self.quote_starts, offset) - 1
        return index >= 0 and offset < self.quote_ends[index]

    def add(self, start: int, end: int, kind: str, entity: Entity | None) -> Mention:
        """Record a mention."""
        mention = Mention(start, end, self.body[start:end], kind, entity, False, self.quoted(start))
        self.found.append(mention)
        self.covered.mark(start, end)
        return mention

    # ---------------------------------------------------------------- runs of names

    def _runs(self, tokens: list[_Token]) -> Iterator[tuple[list[_Token], int]]:
        """Runs of capitalised words (with inner connectors), split at possessives."""
        i = 0
        while i < len(tokens):
            if not _capital(tokens[i].text) or (
                tokens[i].text in _NOT_NAMES and not self._pronoun_name(tokens, i)
            ):
                i += 1
                continue
            j = i + 1
            while j < len(tokens) and self._joined(tokens, j):
                if _POSSESSIVE.search(tokens[j - 1].text) and tokens[j - 1].text[-1:] != ".":
                    break
                j += 1
            run = tokens[i:j]
            if self._acronym_follows(run[0].start, _bare_end(run[-1])):
                yield run, i  # "Joint Chiefs of Staff (JCS)": one name, as its acronym says
            else:
                yield from _split_and(run, i)
            i = j

    def _pronoun_name(self, tokens: list[_Token], i: int) -> bool:
        """Whether "He" mid-sentence before a capitalised word is a name ("quoted He Biao, ...")."""
        token = tokens[i]
        if token.text not in _PRONOUN_SURNAMES or i + 1 >= len(tokens):
            return False
        nxt = tokens[i + 1]
        before = self.body[max(0, token.start - 2) : token.start]
        return (
            len(before) == 2
            and (before[0].islower() or before[0] == ",")
            and before[1] == " "
            and self.body[token.end : nxt.start] == " "
            and _capital(nxt.text)
            and nxt.text not in _NOT_NAMES
        )

    def _joined(self, tokens: list[_Token], j: int) -> bool:
        """Whether token `j` continues the run of the token before it."""
        prev, token = tokens[j - 1], tokens[j]
        gap = self.body[prev.end : token.start]
        initial = (
            len(prev.text) == 1 or prev.lower in _HONORIFICS or prev.lower in _ABBREVIATED_ROLES
        )
        if (
            gap != " "
            and not (gap == ". " and initial)
            and not (gap == "." and prev.text.isupper())
        ):
            return False
        if _capital(token.text) and token.text not in _NOT_NAMES:
            return True
        if token.text in _SURNAMES_TOO and prev.text not in _NOT_NAMES and not prev.text.isupper():
            return True  # "Gary Still", "Theresa May": a word that is a surname too
        if token.lower in _CONNECTORS and j + 1 < len(tokens):
            nxt = tokens[j + 1]
            return self.body[token.end : nxt.start] == " " and _capital(nxt.text)
        if token.lower == "to" and prev.lower in _ORG_WORDS and j + 1 < len(tokens):
            nxt = tokens[j + 1]  # "Committee to Protect Journalists", "Secretary to Government"
            return self.body[token.end : nxt.start] == " " and _capital(nxt.text)
        return False

    def _full_name(self, run: list[_Token], tokens: list[_Token], index: int) -> None:
        """Register the person, organisation or place a run names (surnames come later)."""
        start, end = run[0].start, _bare_end(run[-1])
        if start in self.places and self.places[start].end >= end:
            place = self.places[start]
            person = self.table.find(self.body[start:end], "Person")
            if place.kind == "organization" and person is not None and place.end == end:
                self.add(start, end, "person", person)  # "Michael Bloomberg" … "Bloomberg said"
                return
            self._place(place)
            return
        if self._dateline(start, end):
            self._add_place(start, end)  # "ISLAMABAD - Pakistan rejected ...": a dateline
            return
        if len(run) >= 3 and run[0].lower in _ORG_WORDS and self._after_title(start):
            rest = run[1:]
            if not _is_org(rest) and all(self._given_name(t) for t in rest):
                self._person(rest, self._title(run[:1], start))  # "Secretary to Government X"
                return
        if _is_org(run) or self._modifies_role(start, end) or self._acronym_follows(start, end):
            if len(run) > 2 and run[1].lower == "of" and self._common_opening(run[0]):
                run, start = run[2:], run[2].start  # "Shares of Norvik Systems fell"
            self._org(run, start, end)
            return
        if len(run) > 1 and run[-1].lower in _PLACE_WORDS:
            self._add_place(start, end)
            return
        if len(run) == 2 and run[0].lower in _COMPASS and not self._opens_sentence(start):
            self._add_place(start, end)  # "South Darfur", "North Kivu": a region
            return
        if is_acronym(run[-1].text) and not all(is_acronym(t.text) for t in run):
            if len(run) < 3 or is_acronym(run[-2].text):
                return  # "Senior CPDM": no person is called by an acronym
            run = run[:-1]  # "Ronald Thwaites QC": letters after the name
        name_from = self._name_start(run)
        if name_from is None:
            return
        name = run[name_from:]
        title = self._title(run[:name_from], start) or self._apposition(
            name[0].start, _bare_end(name[-1])
        )
        if not title and name_from > 0 and run[0].lower in _PORTFOLIOS:
            # "Minister of State for Agriculture and Farmers’ Welfare Shobha Karandlaje": the
            # title began before a possessive cut the run
            lead = _TITLE_BEFORE.search(self.body, max(0, start - 80), start)
            if lead is not None and any(w.lower() in _ROLES for w in lead.group().split()):
                title = self.body[lead.start() : run[name_from - 1].end].strip()
        if not title and name_from > 0 and is_acronym(run[name_from - 1].text):
            title = self.body[run[0].start : run[name_from - 1].end]  # "Kisumu OCPD"
        elif not title and name_from == 0 and len(name) >= 2:
            bracketed = _BRACKETED_TITLE.search(self.body, max(0, start - 40), start)
            title = bracketed.group(1) if bracketed is not None else None  # "DCP (New Delhi)"
        honorific = name_from > 0 and run[name_from - 1].lower in _HONORIFICS
        if title and title.split()[-1].lower() in ("of", "for", "to", "the"):
            if len(name) >= 3 and title.split()[-1].lower() != "the":
                # "Minister of Information Jamal Jarrah": the portfolio, then the name
                title = f"{title} {name[0].text}"
                name = name[1:]
            else:
                # "Deputy Commissioner of Rangpur district", "manager for the Lunar
                # Gateway": what the title is of, not who holds it
                if _is_org(run) or len(name) > 1:
                    self._org(name, name[0].start, _bare_end(name[-1]))
                return
        if len(name) >= 2 or title or honorific:
            if self._locative(start) and not title and not honorific:
                self._add_place(name[0].start, _bare_end(name[-1]))
                return
            self._person(name, title)
            if honorific and title is None:  # "Mr Pyne", "Ms Ardern": the honorific tells gender
                self._honorific_gender(name[0].start, run[name_from - 1].lower)

    def _acronym_follows(self, start: int, end: int) -> bool:
        """A name spelled out before its acronym is a body, not a person: "Joint Chiefs of
        Staff (JCS)"."""
        acronym = _ACRONYM.match(self.body, end)
        if acronym is None:
            return False
        letters = acronym.group(1).replace(".", "").replace("&", "")
        name = self.body[start:end]
        if len(letters) > 1 and letters in (_initials(name), _every_initial(name)):
            return True
        # "Convergence for Social Democracy (CPDS)": a name translated from the language
        # its acronym keeps; a connector inside tells a body from a person ("Jo Roe (ANC)")
        words = _WORD.findall(name)
        return (
            len(letters) > 2
            and letters[0] == name[0]
            and len(words) >= 3
            and any(w in ("for", "of", "and") for w in words[1:-1])
        )

    def _common_opening(self, token: _Token) -> bool:
        """A plural common noun capitalised only as its sentence's first word."""
        return (
            token.text.endswith("s")
            and token.lower not in _ORG_WORDS
            and self._opens_sentence(token.start)
        )

    def _modifies_role(self, start: int, end: int) -> bool:
        """A name between an article and a role noun names the body the role belongs to,
        not a person: "the Fianna Fáil councillor", "a Labour Party member"."""
        after = _ROLE_AFTER.match(self.body, end)
        if after is None or after.group(1) not in _ROLES:
            return False
        before = self._word_ending_before(start)
        return (
            before is not None
            and before.lower in ("the", "a", "an")
            and (self.body[before.end : start] == " ")
        )

    def _dateline(self, start: int, end: int) -> bool:
        """Whether a run is a dateline: capitals opening a sentence, then a dash or a comma."""
        text = self.body[start:end]
        if not text.isupper() or len(text) < 3 or not self._opens_sentence(start):
            return False
        return _DATELINE_AFTER.match(self.body, end) is not None

    def _honorific_gender(self, start: int, honorific: str) -> None:
        """Note the gender an honorific gives the person named at `start`."""
        mention = next((m for m in reversed(self.found) if m.start == start), None)
        if mention is not None and mention.entity is not None and honorific != "dr":
            pronoun = "she" if honorific in _FEMALE_HONORIFICS else "he"
            self.gender.setdefault(mention.entity.id, pronoun)

    def _short_name(self, run: list[_Token], tokens: list[_Token], index: int) -> None:
        """A one-word run: a surname seen before, an acronym organisation or a lone name."""
        start, end = run[0].start, _bare_end(run[-1])
        if start in self.covered:
            return
        text = self.body[start:end]
        known = self.table.find(text) or self._family_first(run) or self.acronym_titles.get(text)
        if known is not None:
            kind = "person" if known.type == "Person" else known.type.lower()
            self.add(start, end, kind, known)
        elif len(run) == 1 and (text.isupper() or any(c.isdigit() for c in text)) and len(text) > 1:
            entity = self._spelled_out(text) or self.table.add("Organization", text)
            self.add(start, end, "organization", entity)
        elif len(run) == 1 and self._locative(start):
            self._add_place(start, end)  # "Police in Kano said": a place before the verb too
        elif len(run) == 1 and self._before_speech_verb(end) and self._lone_name(run[0]):
            self.add(start, end, "person", self.table.add("Person", text))

    def _family_first(self, run: list[_Token]) -> Entity | None:
        """A lone name that is the first word of one person's full name is that person:
        names written family name first ("Guo Jiakun" ... "said Guo")."""
        if len(run) != 1 or run[0].text.isupper():
            return None
        entity = self.first_words.get(run[0].lower)
        if entity is not None:
            self.table.alias(entity, run[0].text)
        return entity

    def _spelled_out(self, acronym: str) -> Entity | None:
        """An organisation named in full before, whose initials the acronym is ("MDC" for the
        Movement for Democratic Change), made to answer to it."""
        letters = acronym.replace(".", "")
        if len(letters) < 2 or not letters.isalpha():
            return None
        entity = self._by_initials().get(letters)
        if entity is not None:
            self.table.alias(entity, acronym)
        return entity

    def _by_initials(self) -> dict[str, Entity]:
        """The first organisation (in the table's order) each acronym can stand for, kept up
        to date with the entities added since the last call (no rescan per acronym).

        An acronym stands for the initials of the name, or for their last three or more
        ("JCS" for "South Korea's Joint Chiefs of Staff": a place before the name drops out).
        """
        seen, index = self.initials
        for entity in self.table.latest(len(self.table) - seen):
            if entity.type != "Organization":
                continue
            initials = _initials(entity.name)
            index.setdefault(initials, entity)
            index.setdefault(_every_initial(entity.name), entity)  # "RIM": Research in Motion
            for size in range(3, min(len(initials), _LONGEST_ACRONYM + 1)):
                index.setdefault(initials[-size:], entity)
        self.initials = (len(self.table), index)
        return index

    def _lone_name(self, token: _Token) -> bool:
        """Whether a lone capitalised word before a speech verb is a surname (not "Police")."""
        if token.lower in _ORG_WORDS:
            return False
        if token.lower in _ROLES and _TITLED_ROLE.match(self.body, max(0, token.start - 4)):
            return False  # "The Governor said": a role, resolved as one
        # Capitalised only because it opens the sentence: "Protesters have claimed".
        sentence = self.analysis.sentence_at(token.start)
        return not (
            sentence is not None and sentence.start == token.start and token.text.endswith("s")
        )

    def _known_person(self, token: _Token) -> bool:
        known = self.table.find(token.text)
        return known is not None and known.type == "Person"

    def _name_start(self, run: list[_Token]) -> int | None:
        """Where the personal name begins in a run: after its last role or known name."""
        i = len(run)
        if (
            i >= 2
            and self._given_name(run[-2])
            and (run[-1].lower in _ROLE_SURNAMES or self._known_body(run[-1]))
        ):
            # "Foreign Minister Julie Bishop", "Michael Bloomberg": a role word or a known
            # organisation's name that ends a personal name is a surname
            i -= 1
        elif i >= 2 and run[-1].lower in _ROLE_SURNAMES and self._known_person(run[-1]):
            i -= 1  # "Lt. Pope said", once "Tommy Pope" was named
        while i > 0:
            token = run[i - 1]
            if token.lower in _ROLES or token.lower in _HONORIFICS or token.start in self.places:
                break
            if token.lower in _PORTFOLIOS:
                break  # "Secretary of State Mike Pompeo"
            if token.lower in ("of", "for", "and", "the") or token.start in self.in_place:
                break
            if is_acronym(token.text) and len(run) - i >= 2:
                break  # "DCP Amrutha Guguloth", "Kisumu OCPD Benard Nyakwaka": a title
            i -= 1
        if i == len(run) - 2 and len(run[i].text) >= 3 and is_acronym(run[i].text):
            if self._known_person(run[i + 1]):
                return i + 1  # "DSP Obeng", once "Juliana Obeng" was named
            if not is_acronym(run[i + 1].text):
                return None  # "SSP Bulandshahar": a post and its place, no person's name
        return i if i < len(run) else None

    def _after_title(self, start: int) -> bool:
        """Whether a run follows a role and "to", "of" or "for" ("Secretary to Government")."""
        joint = self._word_ending_before(start)
        if joint is None or joint.lower not in ("to", "of", "for"):
            return False
        role = self._word_ending_before(joint.start)
        return role is not None and role.lower in _ROLES

    def _known_body(self, token: _Token) -> bool:
        """Whether a word alone is a well-known organisation's name ("Bloomberg")."""
        place = self.places.get(token.start)
        return place is not None and place.kind == "organization" and place.end <= token.end

    def _given_name(self, token: _Token) -> bool:
        """Whether a capitalised word can be a given name: no role, title word or place."""
        lower = token.lower
        return (
            _capital(token.text)
            and lower not in _ROLES
            and lower not in _HONORIFICS
            and lower not in _PORTFOLIOS
            and lower not in _CONNECTORS
            and token.start not in self.places
            and token.start not in self.in_place
        )

    def _title(self, head: list[_Token], run_start: int) -> str | None:
        """The job title before a name: in the run, lower-case words before it, or none."""
        words = list(head)
        edge = run_start
        head_has_role = any(w.lower in _ROLES for w in head)
        while len(words) < 8:
            prev = self._word_ending_before(edge)
            if prev is None:
                break
            gap = self.body[prev.end : words[0].start if words else run_start]
            if gap.strip() not in ("", ".") or (
                prev.lower in _TITLE_STOP and prev.lower not in ("of", "to", "the", "for")
            ):
                break
            if head_has_role and prev.text.islower() and prev.lower not in _TITLE_LEADS:
                break  # "met Mayor Bill de Blasio": the run's own title is the whole title
            if (gap.strip() == "." and len(prev.text) > 2) or prev.start in self.named:
                break  # a sentence end, or another person's name ("Pandhare met Mayor ...")
            words.insert(0, prev)
            edge = prev.start
        while words and (words[0].lower in _TITLE_STOP or words[0].text in _NOT_NAMES):
            words.pop(0)
        kept = _title_words(words)
        if not kept:
            return None
        text = self.body[kept[0].start : kept[-1].end].strip(" ,")
        return None if text.lower() in _HONORIFICS else text

    def _word_ending_before(self, offset: int, window: int = 40) -> _Token | None:
        """The word just before `offset` (punctuation between them allowed), within `window`."""
        starts, ends = self._words
        index = bisect.bisect_right(ends, offset) - 1
        if index < 0 or ends[index] <= offset - window:
            return None
        start, end = starts[index], ends[index]
        if _WORD_CHAR.search(self.body, end, offset):
            return None  # `offset` falls inside a word
        return _Token(
            max(start, offset - window), end, self.body[max(start, offset - window) : end]
        )

    @cached_property
    def _words(self) -> tuple[list[int], list[int]]:
        """Start and end offsets of every word of the body, in order."""
        return word_spans(_ANY_WORD, self.body)

    def _apposition(self, start: int, end: int) -> str | None:
        """A title set off by commas: "Ukraine's ambassador to the U.S., Olha Stefanishyna"."""
        after = _APPOSITION_AFTER.match(self.body, end)
        if after is not None and _has_role(after.group(1)):
            word = self._word_ending_before(start, 15)
            closed = self.body.startswith(",", after.end()) or self.body.startswith(
                ";", after.end()
            )
            if closed or word is None or word.lower not in _OBJECT_MARKERS:
                return after.group(1)
            # "the conversion of Hindus, the minister said": the object of "of" and then the
            # attribution of the sentence, not a name and its title
        if not self.body.endswith(", ", 0, start):
            return None  # no apposition can end right before the name: no search
        before = _APPOSITION_BEFORE.search(self.body, max(0, start - 80), start)
        if before is not None and before.end() == start and _has_role(before.group(1)):
            return before.group(1)
        return None

    # ---------------------------------------------------------------- entities

    def _person(self, name: list[_Token], title: str | None) -> None:
        start, end = name[0].start, _bare_end(name[-1])
        text = self.body[start:end]
        entity = self.table.find(text, "Person") or self.table.add("Person", text)
        if title and title.lower() not in _HONORIFICS:
            entity.job_title = entity.job_title or _clean_title(title)
            owner = self._affiliation(title) if entity.affiliation is None else None
            if owner is not None:
                entity.affiliation = owner.ref
            if title.split()[0].lower().strip(".") in _FEMALE_HONORIFICS:
                self.gender[entity.id] = "she"
            last = title.split()[-1]
            # "DCP X" … "the DCP said"; not "MDC leader X", nor an organisation's own acronym
            if is_acronym(last) and not self._names_a_body(last):
                self.acronym_titles.setdefault(last, entity)
        self.named.mark(start, end)
        if len(name) >= 2:
            first = name[0].lower
            held = self.first_words.get(first, entity)
            self.first_words[first] = entity if held is entity else None
        surname = self.body[_surname_start(name) : end]
        if surname != text:
            self.table.alias(entity, surname)
        if _JOINED_ARTICLE.match(surname):
            self.table.alias(entity, surname.split("-", 1)[1])  # "al-Assad" … "Assad said"
        self.add(start, end, "person", entity)

    def _names_a_body(self, acronym: str) -> bool:
        """Whether an acronym is an organisation's, spelled out or met before."""
        return self._spelled_out(acronym) is not None or self.table.find(acronym) is not None

    def _affiliation(self, title: str) -> Entity | None:
        """The country or organisation a job title names ("Iranian President" → Iran)."""
        for place in _places_in(title):
            if place.organization is not None:
                return self.table.add("Organization", place.organization.name)
            if place.country is not None:
                return self.table.add("Country", place.country.name)
        return None

    def _org(self, run: list[_Token], start: int, end: int) -> None:
        text = self.body[start:end]
        if text.startswith(("The ", "the ")):
            start, text = start + 4, text[4:]
        if len(run) == 1 and run[0].lower in _ORG_WORDS:
            return  # "Police said": a generic word, not a name
        entity = self.table.find(text, "Organization") or self._same_org(text)
        if entity is None:
            entity = self.table.add("Organization", text)
            owner = self._possessor(start)
            if owner is not None:
                entity.affiliation = owner.ref
        elif entity.name != text:
            self.table.alias(entity, text)
        acronym = _ACRONYM.match(self.body, end)
        if acronym is not None:
            self.table.alias(entity, acronym.group(1))
        self.add(start, end, "organization", entity)

    def _possessor(self, start: int) -> Entity | None:
        """The country in "Canada's Department of ...", just before an organisation."""
        near = sorted(r for end in range(start - 3, start) for r in self.place_ends.get(end, []))
        for _, place in near:
            gap = self.body[place.end : start].strip()
            owned = 0 < start - place.end <= 3 and gap in ("’s", "'s")
            if owned and place.kind == "country" and place.country is not None:
                return self.table.add("Country", place.country.name)
        return None

    def _same_org(self, text: str) -> Entity | None:
        """An earlier organisation this name restates ("Foreign Ministry", "Foreign Affairs")."""
        words = {w.lower() for w in _WORD.findall(text)}
        heads = words & {"ministry", "department"}
        content = words - _ORG_WORDS - _CONNECTORS
        if not heads or not content:
            return None
        # Only ministries holding every content word qualify: walk the shortest list.
        index = self._departments()
        for entity in min((index.get(word, []) for word in content), key=len):
            if content <= _word_forms(entity.name):
                return entity
        return None

    def _departments(self) -> dict[str, list[Entity]]:
        """Organisations named as a ministry or department, by each form of their words.

        Each list is in the table's order; kept up to date with the entities
        added since the last call, so no organisation name rescans every entity.
        """
        seen, index = self.departments
        for entity in self.table.latest(len(self.table) - seen):
            words = {w.lower() for w in _WORD.findall(entity.name)}
            if entity.type == "Organization" and words & {"ministry", "department"}:
                for form in _word_forms(entity.name):
                    index.setdefault(form, []).append(entity)
        self.departments = (len(self.table), index)
        return index

    def _place(self, place: PlaceMention) -> None:
        if place.kind == "organization" and place.organization is not None:
            entity = self.table.add("Organization", place.organization.name)
            if (
                place.country is not None
                and entity.affiliation is None
                and place.organization.name not in (place.country.name,)
            ):
                entity.affiliation = self.table.add("Country", place.country.name).ref
            self._alias(entity, place.text)
            self.add(place.start, place.end, "organization", entity)
        elif place.country is not None and place.kind == "country":
            entity = self.table.add("Country", place.country.name)
            self._alias(entity, place.text)
            self.add(place.start, place.end, "country", entity)
        elif place.country is not None and place.kind == "capital":
            if self._locative(place.start):
                self._add_place(place.start, place.end)
            else:
                entity = self.table.add("Country", place.country.name)
                self._alias(entity, place.text)
                self.add(place.start, place.end, "country", entity)

    def _alias(self, entity: Entity, text: str) -> None:
        if text != entity.name:
            self.table.alias(entity, text)

    def _add_place(self, start: int, end: int) -> None:
        name = self.body[start:end]
        if name.isupper() and len(name) > 3:
            name = name.title()  # a dateline's capitals: "KABUL" is Kabul
        self.add(start, end, "place", self.table.add("Place", name))

    def _locative(self, start: int) -> bool:
        """Whether the word before a run is a preposition of place ("in Kyiv")."""
        match = _LAST_WORD.search(self.body, max(0, start - 12), start)
        if match is not None and match.group(1) == "the":  # "in the West Midlands"
            match = _LAST_WORD.search(self.body, max(0, match.start() - 12), match.start())
        return match is not None and match.group(1) in _LOCATIVE

    def _before_speech_verb(self, end: int) -> bool:
        match = _NEXT_WORDS.match(self.body, end)
        return match is not None and match.group(1) in SPEECH_VERBS

    def _after_speech_verb(self, mention: Mention) -> bool:
        """Whether a person is named right after a speech verb ("..., said Eric Supara")."""
        word = self._word_ending_before(mention.start, 20)
        return (
            mention.kind == "person"
            and word is not None
            and word.end == mention.start - 1
            and word.text in SPEECH_VERBS
        )

    def _groups(self) -> None:
        """Named groups speaking as one: "Zaporizhzhia's regional authorities", "Iraqi military"."""
        for match in _GROUP.finditer(self.body):
            owner = _POSSESSIVE.sub("", match.group(1))
            if owner in _NOT_NAMES or owner.lower() in _ROLES:
                continue  # "Deputy police chief Lenny Harper": a title, not a named force
            if match.group(2).strip() in SPEECH_VERBS:
                continue  # "Huda said authorities had …": a verb, not a modifier
            opening = owner == match.group(1) and self._opens_sentence(match.start())
            if opening and match.start() not in self.places and not self._named_inside(owner):
                continue  # "Senior police officers said": capitalised only as the first word
            name = f"{owner} {match.group(2)}{match.group(3)}"
            entity = self.table.add("Organization", name)
            self.add(match.start(), match.end(), "organization", entity)

    def _named_inside(self, word: str) -> bool:
        """Whether a word is capitalised mid-sentence somewhere in the body ("a man from
        Chicago"), so that it is a name where it opens a sentence ("Chicago police said")."""
        pattern = re.compile(r"(?<![\w-])[a-z]+,? " + re.escape(word) + r"\b(?! [A-Z])")
        return pattern.search(self.body) is not None

    # ---------------------------------------------------------------- references

    def _mark_subjects(self, found: list[Mention]) -> list[Mention]:
        """Flag the first mention of each sentence and those right before a speech verb."""
        marked = []
        seen: set[tuple[int, str]] = set()
        for mention in found:
            subject = self._before_speech_verb(mention.end) or self._after_speech_verb(mention)
            sentence = self.analysis.sentence_at(mention.start)
            key = (sentence.start if sentence is not None else -1, mention.kind)
            if (
                not mention.quoted
                and mention.kind in ("person", "organization")
                and key not in seen
            ):
                seen.add(key)
                lead = self.body[key[0] : mention.start] if key[0] >= 0 else ""
                subject = subject or not _CLAUSE_BEFORE.search(lead)
            marked.append(_with(mention, subject=subject and not mention.quoted))
        return marked

    def _references(self) -> None:
        """Resolve pronouns, role nouns and "his family" in the order they appear."""
        refs: list[tuple[int, int, str]] = []
        for match in _PRONOUN.finditer(self.body):
            refs.append((match.start(), match.end(), "pronoun"))
        for match in _ROLE_NOUN.finditer(self.body):
            refs.append((match.start(), match.end(), "role"))
        for match in _TITLED_ROLE.finditer(self.body):
            refs.append((match.start(), match.end(), "role"))
        for match in _FAMILY.finditer(self.body):
            refs.append((match.start(), match.end(), "family"))
        self.found_starts = [m.start for m in self.found]
        self.subjects = _Subjects(self.found)
        for start, end, kind in sorted(refs):
            if self.quoted(start) or start in self.covered:
                continue
            entity = self._resolve(start, end, kind)
            mention = Mention(
                start,
                end,
                self.body[start:end],
                kind if kind != "family" else "role",
                entity,
                self._before_speech_verb(end) or self._opens_sentence(start),
            )
            self.resolved.append(mention)  # refs come in text order: `resolved` stays sorted
            self.subjects.add(mention)

    def _opens_sentence(self, start: int) -> bool:
        sentence = self.analysis.sentence_at(start)
        return sentence is not None and sentence.start == start

    def _resolve(self, start: int, end: int, kind: str) -> Entity | None:
        text = self.body[start:end].lower()
        if kind == "pronoun":
            return self._antecedent(start, text)
        if kind == "family":
            owner = self._antecedent(start, "he" if text.startswith("his") else "she")
            if owner is None:
                return None
            return self.table.add("Organization", f"{owner.name.split()[-1]} family")
        words = text.split()
        noun = words[-1]
        if len(words) > 2 and words[-2] in SUBORDINATE_TITLES:
            noun = f"{words[-2]} {noun}"  # "the deputy governor"
        elif len(words) > 2:
            # "the interior minister": the minister whose title says interior, if any
            modified = self._modified_role(start, words[1:-1], noun)
            if modified is not None:
                return modified
        return self._role_antecedent(start, noun)

    def _modified_role(self, start: int, modifiers: list[str], noun: str) -> Entity | None:
        """The person close before whose title holds the noun and all its modifiers."""
        for count, mention in enumerate(self._before(start)):
            if count > _MODIFIED_ROLE_REACH:
                break
            entity = mention.entity
            if entity is not None and entity.type == "Person" and _plays(entity, noun):
                title = (entity.job_title or "").lower().split()
                if all(word in title for word in modifiers):
                    return entity
        return None

    def _before(self, start: int, floor: tuple[int, int] = (0, 0)) -> Iterator[Mention]:
        """Mentions that end before `start`, nearest first: `found` and `resolved` merged.

        `floor` gives the index in each list below which the walk stops.
        """
        i = bisect.bisect_left(self.found_starts, start) - 1
        j = len(self.resolved) - 1  # every resolved reference starts before `start`
        found, resolved = self.found, self.resolved
        while i >= floor[0] or j >= floor[1]:
            if j < floor[1] or (i >= floor[0] and _position(found[i]) > _position(resolved[j])):
                mention, i = found[i], i - 1
            else:
                mention, j = resolved[j], j - 1
            if mention.end <= start:
                yield mention

    def _antecedent(self, start: int, pronoun: str) -> Entity | None:
        """The last subject before `start` a pronoun can point to (gender when known)."""
        want_person = pronoun in ("he", "she")
        for mention in self.subjects.before(start, want_person):
            assert mention.entity is not None
            if start - mention.end > 1500:
                return None
            known = self.gender.get(mention.entity.id)
            if known is not None and known != pronoun:
                continue
            if want_person:
                self.gender.setdefault(mention.entity.id, pronoun)
            return mention.entity
        return None

    def _role_antecedent(self, start: int, noun: str) -> Entity | None:
        """The last person whose title holds the role noun, or organisation named by it."""
        if noun == "family":
            return self._last_family()
        if noun == "statement":
            return None
        # Each noun's walk stops where its previous walk began, and falls back on that
        # walk's answer: many "the minister" with no minister named cost one pass.
        floor, before = self.role_walks.get(noun, ((0, 0), None))
        walk = self._before(start, floor)
        found = next((m.entity for m in walk if _plays(m.entity, noun)), before)
        here = (bisect.bisect_left(self.found_starts, start), len(self.resolved))
        self.role_walks[noun] = (here, found)
        if found is None and noun in _GENERIC_ORG_NOUNS:
            return self._last_org_subject(start)
        return found

    def _last_family(self) -> Entity | None:
        """The family last added to the table ("the family" after "his family")."""
        seen, last = self.family
        newest = self.table.latest(len(self.table) - seen)
        last = next((e for e in reversed(newest) if e.name.endswith(" family")), last)
        self.family = (len(self.table), last)
        return last

    def _last_org_subject(self, start: int) -> Entity | None:
        """The organisation last named as a subject ("Xinhua said ... the agency said")."""
        for mention in self._before(start):
            if start - mention.end > 1500:
                return None
            entity = mention.entity
            named_org = mention.kind == "organization" and mention.subject and not mention.quoted
            if named_org and entity is not None and entity.type == "Organization":
                return entity
        return None


def _word_forms(name: str) -> set[str]:
    """The lower-case words of a name, each also with and without a final s."""
    words = {w.lower() for w in _WORD.findall(name)}
    return words | {w + "s" for w in words} | {w.rstrip("s") for w in words}


def _plays(entity: Entity | None, noun: str) -> bool:
    """Whether "the <noun>" can name this entity: a person's title or an organisation's name."""
    if entity is None:
        return False
    if entity.type == "Person":
        words = (entity.job_title or "").lower().split()
        title = [_ABBREVIATED_ROLES.get(w.strip("."), w) for w in words]
        spokes = noun.startswith("spokes") and any(w.startswith("spokes") for w in title)
        if " " in noun:  # "the deputy governor": the title holds both words together
            return noun in " ".join(title)
        held = [i for i, w in enumerate(title) if w == noun]
        return spokes or any(i == 0 or title[i - 1] not in SUBORDINATE_TITLES for i in held)
    if entity.type == "Organization":
        heads = _ORG_NOUN_SYNONYMS.get(noun, (noun,))
        return any(h in entity.name.lower() for h in heads)
    return False


class _Flags:
    """One yes/no per character of the body: which offsets a kind of mention covers."""

    __slots__ = ("_bits",)

    def __init__(self, length: int) -> None:
        self._bits = bytearray(length + 1)

    def mark(self, start: int, end: int) -> None:
        """Flag the characters `start..end`."""
        self._bits[start:end] = b"\x01" * (end - start)

    def __contains__(self, offset: int) -> bool:
        return 0 <= offset < len(self._bits) and self._bits[offset] == 1


class _Subjects:
    """The mentions a pronoun can point to (subjects with an entity), people apart from the rest.

    Pronouns walk back only over these, so a text dense with other mentions
    costs no more than one with few. Mentions found by name are given at once;
    resolved references are added as they come, in text order.
    """

    def __init__(self, found: list[Mention]) -> None:
        self._found: dict[bool, tuple[list[int], list[Mention]]] = {True: ([], []), False: ([], [])}
        self._resolved: dict[bool, tuple[list[int], list[Mention]]] = {
            True: ([], []),
            False: ([], []),
        }
        for mention in found:
            self._put(self._found, mention)

    def add(self, mention: Mention) -> None:
        """Add a resolved reference (in text order) if a pronoun can point to it."""
        self._put(self._resolved, mention)

    @staticmethod
    def _put(lists: dict[bool, tuple[list[int], list[Mention]]], mention: Mention) -> None:
        if mention.quoted or not mention.subject or mention.entity is None:
            return
        starts, items = lists[mention.entity.type == "Person"]
        starts.append(mention.start)
        items.append(mention)

    def before(self, start: int, person: bool) -> Iterator[Mention]:
        """Subjects (people, or the others) ending before `start`, nearest first."""
        found_starts, found = self._found[person]
        resolved_starts, resolved = self._resolved[person]
        i = bisect.bisect_left(found_starts, start) - 1
        j = bisect.bisect_left(resolved_starts, start) - 1
        while i >= 0 or j >= 0:
            if j < 0 or (i >= 0 and _position(found[i]) > _position(resolved[j])):
                mention, i = found[i], i - 1
            else:
                mention, j = resolved[j], j - 1
            if mention.end <= start:
                yield mention


_NEXT_WORDS = re.compile(
    r"(?:\s+\([^()]{0,60}\))?\s+(?:(?:also|then|later|has|have|had|previously|reportedly|"
    r"quickly|further|again|publicly|earlier|separately)\s+)*([a-z]+)"
)


# A capitalised title phrase that ends in a possessive right before a run.
_TITLE_BEFORE = re.compile(r"(?:(?:[A-Z][\w-]*|of|for|and|the)[’']?s?[’']? ){2,9}$")
# Words after which a name is an object, so ", the minister said" after it attributes.
_OBJECT_MARKERS = frozenset("of for to with against by from on about over among".split())
# ", the mayor of New York," / ", spokesperson for the provincial governor,"
_APPOSITION_AFTER = re.compile(r", (?:the |a |an )?((?:[\w.’'-]+ ){0,7}?[\w.’'-]+)(?=[,;]| said\b)")
# "Ukraine’s ambassador to the U.S., " right before a name
_APPOSITION_BEFORE = re.compile(
    r"(?:^|(?<=[.;:!?\"”] )|(?<=\n)|(?<=, ))"
    r"((?:[A-Z][\w.-]*['’]s )?[a-z][\w-]*(?: [\w.’'-]+){0,6}), "
)


def _has_role(phrase: str) -> bool:
    """Whether one of the first three words of a phrase is a role word."""
    words = [w.lower().strip(".") for w in _WORD.findall(phrase)[:3]]
    return any(w in _ROLES for w in words) and len(_WORD.findall(phrase)) <= 9


# Before a sentence's subject: no pronoun, auxiliary or speech verb ("He added that ... Putin").
_CLAUSE_BEFORE = re.compile(
    r"\b(?:he|she|they|He|She|They|is|are|was|were|has|have|had|will|would|said|says|told|that)\b"
)


@lru_cache(maxsize=4096)
def _places_in(title: str) -> tuple[PlaceMention, ...]:
    """The gazetteer names in a job title (titles recur: "U.S. President")."""
    return tuple(find_places(title))


def _with(mention: Mention, subject: bool) -> Mention:
    if subject == mention.subject:
        return mention  # frozen: the mention as it is, not a copy
    return Mention(
        mention.start,
        mention.end,
        mention.text,
        mention.kind,
        mention.entity,
        subject,
        mention.quoted,
    )


def _dedupe(found: list[Mention]) -> list[Mention]:
    """Drop mentions that lie inside an earlier, longer one."""
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _initials(name: str) -> str:
    """The initials of a name's main words ("Movement for Democratic Change" → "MDC")."""
    words = [w for w in _WORD.findall(name) if w.lower() not in _CONNECTORS]
    return "".join(w[0] for w in words if w[:1].isupper()) if len(words) > 1 else ""


def _every_initial(name: str) -> str:
    """The initials of every word, connectors included ("Research in Motion" → "RIM"), a
    dotted initialism giving all its letters ("U.S. Geological Survey" → "USGS")."""
    words = _WORD.findall(name)
    letters = [
        w.replace(".", "") if "." in w or (w.isupper() and len(w) <= 3) else w[0] for w in words
    ]
    return "".join(letters).upper() if len(words) > 2 else ""


# An acronym title with its post in brackets before a name: "DCP (New Delhi) Amrutha Guguloth".
_BRACKETED_TITLE = re.compile(r"\b([A-Z]{2,6}) \([^()]{1,30}\) $")


def is_acronym(word: str) -> bool:
    """Whether a word is an acronym of capitals ("DCP", "MP"), not a name or an initial."""
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def _capital(word: str) -> bool:
    return word[:1].isupper() or _JOINED_ARTICLE.match(word) is not None


_JOINED_ARTICLE = re.compile(r"(?:al|el|ad|as|at|ar|ash|an|ul|ud)-[A-Z]")


def _bare_end(token: _Token) -> int:
    """Where a token ends without a possessive ("Russia’s" → "Russia")."""
    text = token.text  # (string tests: `_POSSESSIVE.search` per token cost more)
    if len(text) <= 2:
        return token.end
    if text.endswith("\n"):  # never in a word; `$` would match before it
        match = _POSSESSIVE.search(text)
        return token.end - len(match.group()) if match else token.end
    if text.endswith(("'s", "’s")):
        return token.end - 2
    if text.endswith(("'", "’")):
        return token.end - 1
    return token.end


def _split_and(run: list[_Token], index: int) -> Iterator[tuple[list[_Token], int]]:
    """Split "Warren and Sanders" in two; keep "Centers for Disease Control" whole."""
    if _is_org(run):
        yield run, index
        return
    part: list[_Token] = []
    start = index
    for offset, token in enumerate(run):
        if token.lower in ("and", "of", "for", "the"):
            if part:
                yield part, start
            part, start = [], index + offset + 1
            continue
        part.append(token)
    if part:
        yield part, start


def _is_org(run: list[_Token]) -> bool:
    """Whether a run names an organisation: an organisation word and no role word after it."""
    for last_org in range(len(run) - 1, -1, -1):  # the last organisation word
        if run[last_org].lower.strip(".") in _ORG_WORDS:
            return not any(t.lower in _ROLES for t in run[last_org + 1 :])
    return False


def _title_words(words: list[_Token]) -> list[_Token]:
    """The title among the words before a name: up to its last role word, which must end it."""
    last_role = max(
        (
            i
            for i, w in enumerate(words)
            if w.lower.strip(".") in _ROLES or any(p in _ROLES for p in w.lower.split("-"))
        ),
        default=-1,
    )
    if last_role < 0:
        return []
    tail = words[last_role + 1 :]
    # "Secretary of State", "Ambassador to Canada": a role followed by of/to + names.
    if any(not (_capital(w.text) or w.lower in ("of", "to", "the", "for")) for w in tail):
        return []
    return words


def _clean_title(title: str) -> str:
    """A title without a leading possessive owner ("Ukraine’s ambassador" → "ambassador")."""
    return re.sub(r"^\S+['’]s\s+", "", title).strip()


def _surname_start(name: list[_Token]) -> int:
    """Where the surname starts, with its particle ("de Blasio", "bin Laden")."""
    i = len(name) - 1
    while i > 0 and name[i - 1].lower in _NAME_PARTICLES:
        i -= 1
    return name[i].start
