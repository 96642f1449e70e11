"""What one sentence says about a sanctions action: the action, who takes it, against whom.

A sentence is read around its trigger: "sanctions", "sanctioned", "embargo",
"blacklisted", "delisted", "asset freeze", "frozen the assets", "travel ban",
"entry ban", "visa restrictions", "export controls", "restrictive measures",
"countermeasures", "bans exports".

- the **action** is the cue nearest the trigger ("the U.S. imposed its first
  sanctions", "reimposed", "terminated", "sanctions ... could soon be
  lifted"), turned by the verb that governs it: a warning ("threatened to
  impose", "or face sanctions") is `threaten`; a plan or a decision told
  ahead ("plans to impose", "Japan will freeze") is `threaten`, but a plan to
  lift is `lift` and "announced it will impose" is `impose`; a call on someone
  else ("called on the EU to impose", "the US should impose", across an aside
  "urged the Council – which meets Friday – to impose") is `propose`, and a
  call to lift is no event. "could", "may", "if" make it hypothetical, and a
  hypothetical is no action;
- the **authority** is the doer of the trigger's verb: the country or bloc
  named nearest before it, the subject before the verb rather than a bloc
  naming the sanctions ("Switzerland adopted the latest EU sanctions"), every
  authority of a list ("the EU, UK and US imposed"), the source after "by" or
  "from". "Brussels" and "the bloc" stand for the European Union, "the
  administration" and "the Biden administration" for the state whose
  government the article names (else the United States), a ministry or an
  official for their country; ECOWAS, the African Union, the Arab League,
  ASEAN, the OAS and the GCC are blocs. Never the authority: who is warned
  ("gave Russia 50 days"), the object of another verb ("suspended Mali and
  imposed"), a name that only suffers ("Iran faces new sanctions");
- the **targets** and **target countries** are the names after it, in the
  clauses it governs ("on Moscow", "targeting ... Rosneft and Lukoil, as well
  as their subsidiaries"), the subjects of a passive ("X and Y were
  sanctioned", "the government of Myanmar has been sanctioned"), a list after
  a colon or in the next sentence ("They are A and B"); a country or demonym
  there is a target country, as is a country that opens a target's name
  ("Myanmar Oil and Gas Enterprise") and, for "the junta" or "the regime",
  the country the article is about. Not targets: the official who announces
  ("by Foreign Minister X"), instruments, places, titles.

Not sanctions: a sports body's penalties, "sanctioned" meaning approved
("state-sanctioned", "sanctioned a fee hike"), running totals ("has imposed
sanctions on nearly 4,000 individuals since 2014"), sanctions as a
circumstance ("despite Western sanctions", "to evade sanctions"), a health
or safety ban, a state's own trade ban aimed at no one ("India banned wheat
exports"), a court's asset freeze and a terrorist designation the text does
not call sanctions.

Left out: who imposes when only a person without a known country acts ("Foreign
Minister Penny Wong announced"), and "A B and C D" read as two names unless a
trade follows "and" ("Oil and Gas").

Every look back or ahead is a bounded window, and places are found by bisection,
so a sentence is read in time linear in its length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from newsld.analysis import Analysis
from newsld.model import Entity
from newsld.text.entities import mentions
from newsld.text.gazetteer import (
    Country,
    Organization,
    PlaceMention,
    body_places,
    country_for,
    find_places,
)
from newsld.text.quotations import quotations
from newsld.text.segment import Segment
from newsld_plugins.sanctions.names import (
    AFTER_TITLE,
    NOT_TARGETS,
    ORG_TAIL,
    SECTOR,
    SPEECH,
    TOKEN,
    WORD_REACH,
    closes_clause,
    name_runs,
)

__all__ = ["LISTING", "TRIGGER", "Party", "Statement", "read_listing", "read_sentence"]


@dataclass(frozen=True)
class Party:
    """An authority, target or target country: its entity type and canonical name."""

    type: str
    name: str


@dataclass
class Statement:
    """What one sentence says about a sanctions action (offsets into the body)."""

    sentence: Segment
    start: int
    end: int
    action: str | None
    authority: list[Party] = field(default_factory=list)
    targets: list[Party] = field(default_factory=list)
    countries: list[Party] = field(default_factory=list)
    measure: str | None = None
    sector: str | None = None
    anchor: int = 0
    adds: bool = False
    when: str | None = None
    terror: bool = False
    intends: bool = False  # an action told ahead ("will freeze", "plans to impose")
    further: bool = False  # "further sanctions": more than an action told before

    aimed: bool = True  # a ban aimed at someone; "India banned wheat exports" is aimed at no one

    @property
    def creates(self) -> bool:
        """Whether the statement can stand as a claim of its own (an action by or on someone)."""
        if not self.aimed and not (self.targets or self.countries):
            return False  # a state's own trade ban, no sanction on anyone
        return self.action is not None and bool(self.authority or self.targets)


#: The words that make a sentence speak of sanctions: the cheap test before reading it.
TRIGGER = re.compile(
    r"(?<![\w-])(?=[SsEeAaCcRrPpIiTtVvBbDdFf])(?:(?P<noun>[Ss]anctions|[Ee]mbargo(?:es)?|[Ss]napback|[Aa]sset\s+freezes?"
    r"|[Cc]ounter-?(?:measures|sanctions)|[Rr]estrictive\s+measures|[Pp]unitive\s+measures"
    r"|[Ee]xport\s+(?:bans?|controls)|[Ii]mport\s+bans?|(?:[Tt]ravel|[Ee]ntry|[Vv]isa)\s+bans?|[Vv]isa\s+restrictions"
    r"|[Bb]ans?\s+on\s+(?:entry|travel)|[Bb]lacklisting|[Dd]e-?listing|[Ee]ntity\s+[Ll]ist"
    r"|(?:[Ee]xport\s+)?[Bb]lacklist\b(?!ed|ing)|[Ss]anctions\s+list|(?:banned|barred)\s+entry)"
    r"|(?P<verb>[Ss]anction(?:ed|ing)?|[Bb]lacklist(?:ed|ing|s)?|[Dd]e-?listed|[Dd]esignat(?:ed|es|ing)"
    r"|froze|frozen|freez(?:e|es|ing)|ban(?:s|ned)?(?=\s+(?:the\s+)?(?:exports?|imports?)\b)))\b"
)
_SPORT = re.compile(
    r"\b(?:FIFA|UEFA|IOC|WADA|NCAA|doping|Olympics?|Paralympics?|referees?|tournaments?"
    r"|championships?|league|matches|bout|boxing|athletes?|players?|sanctioning\s+body"
    r"|governing\s+body|racing|season|clubs?|disciplinary|fined|sanctioned\s+with\s+an?"
    r"|penalt(?:y|ies)|football|soccer|anti-doping|Court\s+of\s+Arbitration\s+for\s+Sport)\b"
)
# "Rs 482 crore has been sanctioned for the project": sanctioned meaning approved.
_APPROVAL = re.compile(
    r"\b(?:funds?|amount|loans?|grants?|budget|crores?|lakhs?|Rs\.?|rupees|posts|leave|fees?"
    r"|projects?|schemes?|hikes?|compensation|expenditure|salar(?:y|ies)|allowances?)\b|₹"
)
_RUNNING_TOTAL = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:imposed|sanctioned|designated|blacklisted|targeted)\b"
    r"[^.;]*\b[Ss]ince\b|\b[Ss]ince\s+(?:[0-9]{4}|the\s+(?:start|beginning|outbreak)|[A-Z][a-z]+\.?\s+[0-9]{1,2}\b)"
    r"|\bso\s+far\b|\bto\s+date\b|\bin\s+total\b"
)
# What the object of a verb trigger must hold within reach: a name or a country.
_OBJECT_REACH = 60
_DESIGNATED_AS = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:as\s+)?(?:an?\s+)?(?:\w+\s+)?(?:terrorist|sanction)"
    # "designated the Sinaloa Cartel and seven other groups as Foreign Terrorist Organizations"
    r"|\s+[^.;]{0,100}?\bas\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?[Tt]errorist",
)
# A terrorist designation is an action of its own, apart from sanctions told beside it.
_AS_TERRORIST = re.compile(r"[^.;]{0,100}?\bas\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?[Tt]errorist")
_COUNTER_OBJECT = re.compile(r"[^.;]{0,80}?\b(?:against|on|targeting)\s")
_ASSETS = re.compile(r"[^.;]{0,30}\bassets\b")
# "urged the administration to sanction ten officials": a bare verb after "to" acts now.
_INFINITIVE = re.compile(r"(?:[Ss]anction|[Bb]lacklist|[Dd]esignate)$")
_DESCRIBED_BEFORE = re.compile(
    r"(?:\b(?:for|with|to|from|of|on|involving|other|previously|already)\s+|-)$"
)
# "sanctioned six people and seven companies": a counted object is an object.
_COUNTED_OBJECT = re.compile(
    r"\s+(?:(?:at\s+least|more\s+than|nearly|over|another|an\s+additional)\s+)?"
    r"(?:[0-9][0-9,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens)"
    r"\s+(?:[\w-]+\s+){0,3}?(?:people|persons|individuals|entities|companies|firms|vessels"
    r"|ships|tankers|banks|officials|organi[sz]ations|businesses|executives)\b"
)
# "Canada's latest sanctions will impose asset freezes": the sanctions are the subject.
_TRIGGER_SUBJECT = re.compile(r"\s+(?:will|would|shall)\s+(?:also\s+)?(?:impose|include|target)")

_CUES = {
    "impose": r"(?:re-?)?impos(?:ed|es|e|ing|ition)|announc(?:ed|es|e|ing)|adopt(?:ed|s|ing)?"
    r"|slap(?:ped|s)?"
    r"|levie[ds]|levy|introduc(?:ed|es|e)|unveil(?:ed|s)?|issu(?:ed|es)|approv(?:ed|es)|passed"
    r"|implement(?:ed|s|ing)?|enacted|hit|target(?:ed|ing|s)|includ(?:ed|es|e|ing)|new|fresh"
    r"|tougher|additional|expand(?:ed|s)|tighten(?:ed|s)|broaden(?:ed|s)|sanction(?:ed|ing)"
    r"|blacklist(?:ed|ing)|designat(?:ed|ing)|froze|frozen|freez(?:e|es|ing)|ban(?:s|ned)?|order(?:ed|s)"
    r"|sanction(?=\s+(?!on\b|against\b)[\w-])"  # the verb: "it would sanction Lockheed"
    r"|add(?:ed|s|ing)?(?=[^.;]{0,60}\bto\s+(?:its|the|a|their)\s+(?:[\w-]+\s+){0,3}?(?:black)?list\b)"
    r"|agreed|decided|signed|(?:placed|put)\s+under|finali[sz]ed|endorsed|tit-for-tat|retaliat(?:ed|ory|ion)",
    "lift": r"lift(?:ed|s|ing)?|eas(?:ed|es|e|ing)|remov(?:ed|es|e|ing)|waive[ds]?|waiver|relief"
    r"|unfroze|unfrozen|unfreez(?:e|ing)|licen[cs]es?|exemptions?|exempted|scrapp(?:ed|ing)"
    r"|revok(?:ed|es)|rescind(?:ed|s)|suspend(?:ed|s)|de-?list(?:ed|ing)|rolled\s+back|rolls\s+back"
    r"|terminat(?:ed|es|e|ing|ion)|ended|unblock(?:ed|s)?|relax(?:ed|es|ing)?|loosen(?:ed|s|ing)?"
    r"|authori[sz](?:ed|es|ing)|permit(?:ted|s)"
    r"|drop(?:ped|s|ping)?(?=\s+(?:its|their|the|all|some)?\s*(?:[\w-]+\s+)?(?:sanctions|embargo))",
    "extend": r"extend(?:ed|s|ing)?|extension|prolong(?:ed|s)?|renew(?:ed|s|al)?"
    r"|rolled\s+over|rolls\s+over",
    "threaten": r"threat(?:en|ened|ens|ening)?|ultimatum|or\s+(?:else\s+)?fac(?:e|ing)"
    r"|warn(?:ed|s|ing)?|consider(?:ed|s|ing)?"
    r"|weigh(?:ed|s|ing)|mull(?:ed|s|ing)|prepar(?:ed|es|ing)|ready(?:ing)?|plan(?:s|ned|ning)?"
    r"|vow(?:ed|s)|promis(?:ed|es)|draft(?:ed|ing)|eye(?:s|ing)|intend(?:s|ed|ing)?|intention",
    "propose": r"call(?:ed|s|ing)?\s+(?:on|for|upon)|urg(?:ed|es|e|ing)|demand(?:ed|s|ing)?"
    r"|propos(?:ed|es|e|al)|push(?:ed|es|ing)?\s+for|press(?:ed|es|ing)|lobb(?:ied|ying)"
    r"|appeal(?:ed|s)|encourag(?:ed|es|e)|ask(?:ed|s)(?!\s+about)|wants?|wanted|wanting",
}
_CUE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{action}>{words})" for action, words in _CUES.items()) + r")\b",
    re.IGNORECASE,
)
# Lawmakers' bills propose sanctions: "introduced a bill that would impose sanctions".
_BILL = r"|(?:introduc|sponsor|fil)\w*\s+(?:an?\s+|the\s+)?(?:bill|legislation|resolution)"
_BILL_RE = re.compile(r"\b(?:" + _BILL[1:] + ")", re.IGNORECASE)
_GOVERNS = re.compile(
    r"\b(?:(?P<threaten>"
    + _CUES["threaten"]
    + r")|(?P<propose>"
    + _CUES["propose"]
    + _BILL
    + r"))\b"
    r"(?:[^.;]|(?<=\b(?-i:[A-Z]))\.|\.(?!\s+(?-i:[A-Z])))*$",  # "U.N." is no sentence end
    re.IGNORECASE,
)
# "announced that it will impose", "decided it would lift": a decision told, not a threat.
_DECIDED_BEFORE = re.compile(
    r"\b(?:announced|decided|agreed|approved|adopted|ordered|signed)\b[^.;]*$", re.IGNORECASE
)
# "ready to impose further sanctions": more than the action told before.
_FURTHER = re.compile(r"\b(?:further|more|additional|tougher)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_ALSO = re.compile(r"\b(?:also|too|further|additionally)\b", re.IGNORECASE)
_NAMED_FOR_GAP = re.compile(r"(?:-(?:related|linked|focused))?\s+")
_SANCTIONING_POWERS = frozenset({"United States", "United Kingdom"})
# "X should impose sanctions" recommends: someone else's call on X.
_SHOULD = re.compile(r"\b(?:should|must|ought\s+to|needs?\s+to)\b[^.;,]*$")
# Governing verbs that warn rather than plan: "warned it would impose", "threatened to".
_WARNING = re.compile(r"threat|warn|ultimatum|or\s", re.IGNORECASE)
# "called for sanctions on X to be lifted", "urged an easing of sanctions".
_LIFTING_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:to\s+be\s+(?:lifted|eased|removed|scrapped|dropped)|(?:lifting|easing"
    r"|removal|end)\s+of|relief)\b"
)
_ASIDE_REACH = 80
_BY_AFTER = re.compile(r"\s+by\b")
_TO_AFTER = re.compile(r"\s+to\b")
_ASIDE = re.compile(r"\s[–—]\s[^–—]*\s[–—]\s|\s\([^()]*\)")


def _without_asides(text: str) -> str:
    """`text` without its dashed or bracketed asides: "urged the Council – which meets – to"."""
    return _ASIDE.sub(" ", text)


_WEAK_CUE = re.compile(
    r"target(?:ed|ing|s)|includ(?:ed|es|e|ing)|new|fresh|additional|tougher", re.IGNORECASE
)
_WEAK_CUE_PENALTY = 30
_CUE_BEFORE = 70
_CUE_AFTER = 45
_GOVERN_REACH = 60
_HYPOTHETICAL = re.compile(
    r"\b(?:could|might|may|should|hopes?|hoped|hoping|if|unless|whether)\b[^.;,]*$"
)
_FUTURE = re.compile(r"\b(?:will|would|shall|won['’]t|going\s+to)\b[^.;,]*$|['’]ll\b[^.;,]*$")
_MODAL_REACH = 30

# Authorities: organisations stand for their country or bloc.
_BLOCS = {
    "European Union": "European Union",
    "European Commission": "European Union",
    "European Council": "European Union",
    "Council of the European Union": "European Union",
    "United Nations": "United Nations",
    "UN Security Council": "United Nations",
    "G7": "G7",
}
_AUTHORITY_DEMONYM_AFTER = re.compile(
    r"\s+(?:sanctions|government|authorities|officials|administration|President|Prime"
    r"|Foreign|Treasury|ministry|Ministry)\b"
)
# "Russia faces new sanctions", "Iran was hit with sanctions": the subject is the target.
# The verb must be the name's own, a few words after it ("Myanmar has already been
# sanctioned"), not a later clause's ("The EU warned Belarus it would face sanctions").
_PASSIVE_BETWEEN = re.compile(
    r"[^.;:]{0,40}?\b(?:faces?|faced|facing|under|subject\s+to|(?:was|were|is|are|been|be)"
    r"\s+(?:\w+\s+)?(?:hit|targeted|sanctioned|blacklisted|slapped|placed|put|delisted))\b"
)
# A name right after a verb in the past is its object, when a doer is named before it.
_OBJECT_BEFORE = re.compile(r"\b[a-z]{3,}ed\s+(?:the\s+)?$")
# Who is warned or given a deadline is the target, never the authority.
# Sanctions told of as a circumstance or something broken, not as an action taken.
_CIRCUMSTANCE = re.compile(
    r"\b(?:despite|amid|because\s+of|due\s+to|in\s+spite\s+of|(?:hit|hurt|crippled|battered"
    r"|affected|squeezed)\s+by|(?:evad|circumvent|bypass|violat|breach|skirt|dodg|break)\w*"
    r"|impact\s+of|effects?\s+of)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_ADDRESSEE_BEFORE = re.compile(
    r"\b(?:gave|give[sn]?|giving|told|tell(?:s|ing)?|warn(?:ed|s|ing)?|threaten(?:ed|s|ing)?)"
    r"\s+(?:the\s+)?$"
)
_VISITED_BEFORE = re.compile(r"\b(?:visit(?:ed|ing|s)?|toured|travel(?:l)?ed\s+to)\s+$")
_PROGRAMME_AFTER = re.compile(
    r"\s+sanctions\s+(?:regulations|programmes?|programs?|regimes?|lists?|laws?|rules)\b"
)
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
_BY_OFFICIAL_BEFORE = re.compile(r"\bby\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}$")
# "new sanctions from Washington": the source named right after the trigger.
_FROM_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,1}?from\s+(?:the\s+)?$")
_TARGET_BEFORE = re.compile(r"\b(?:on|against|in|with|from|over)\s+(?:the\s+)?$")
_CALLED_ON_BEFORE = re.compile(r"\b(?:call(?:ed|s|ing)?|urg\w*)\s+(?:on|upon)\s+(?:the\s+)?$")

_CLAUSE_OPENS = frozenset(
    "targeting targets targeted including include includes included against on such namely "
    "among are were is was".split()
)
_MEASURE = re.compile(
    r"\b(?:(?:full\s+|partial\s+)?blocking\s+sanctions|secondary\s+sanctions|sectoral\s+sanctions"
    r"|asset\s+freezes?|travel\s+bans?|visa\s+bans?|export\s+bans?|import\s+bans?"
    r"|(?:arms|oil|trade)\s+embargo|embargo|price\s+cap|export\s+controls)\b",
    re.IGNORECASE,
)
_SECTOR_NAMES = {
    "banks": "banking",
    "finance": "financial",
    "defense": "defence",
    "metal": "metals",
}


def read_sentence(analysis: Analysis, sentence: Segment) -> Statement | None:
    """What `sentence` says about a sanctions action, or None when it says nothing of one."""
    text = sentence.text
    if _SPORT.search(text):
        return None
    places = _sentence_places(analysis, text)
    trigger = next((m for m in TRIGGER.finditer(text) if _is_trigger(text, m, places)), None)
    if trigger is None or _running_total(text) or _not_sanctions(text, trigger):
        return None
    reader = _Reader(analysis, sentence, places, trigger)
    return reader.read()


# Names that stand for an authority the gazetteer does not list as such: "Brussels" and
# "the bloc" for the European Union ("sanctions first imposed by Brussels"), "the
# administration" for the state whose government the article speaks of.
_STAND_INS = re.compile(
    r"\b(?P<eu>Brussels|[Tt]he\s+(?:[\w-]+\s+)?bloc)\b(?!\s+of\b)"
    r"|\b(?P<bloc>ECOWAS|African\s+Union|Arab\s+League|ASEAN|Organization\s+of\s+American"
    r"\s+States|Gulf\s+Cooperation\s+Council|Economic\s+Community\s+of\s+West\s+African"
    r"\s+States)\b"
    r"|\b[Tt]he\s+(?P<admin>administration|Administration)\b"
    r"|\b[Tt]he\s+(?P<council>Council)\b(?!\s+of\b)"
)
_EU = Organization("European Union")
# Regional blocs that sanction on their own (not in the shared gazetteer: sanctions alone
# reads them as authorities).
_BLOC_NAMES = {"Economic Community of West African States": "ECOWAS"}
# What stands between two names of one list: "the EU, UK and US", "Britain and Canada".
_LIST_JOINT = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+(?:and|as\s+well\s+as)\s+(?:the\s+)?")


def _sentence_places(analysis: Analysis, text: str) -> list[PlaceMention]:
    """The gazetteer's names in a sentence, with the stand-ins for an authority."""
    places = [p for p in find_places(text) if not _inside_org_name(text, p)]
    for match in _STAND_INS.finditer(text):
        start, end = match.span()
        if text.startswith("The ", start) or text.startswith("the ", start):
            start += 4
        if match.group("eu"):
            places.append(PlaceMention(start, end, text[start:end], "organization", None, _EU))
            continue
        if match.group("council"):
            council = analysis.layer("sanctions.council", _council)
            if council is not None:
                places.append(
                    PlaceMention(start, end, text[start:end], "organization", None, council)
                )
            continue
        if match.group("bloc"):
            bloc = Organization(_BLOC_NAMES.get(match.group(), " ".join(match.group().split())))
            places.append(PlaceMention(start, end, text[start:end], "organization", None, bloc))
            continue
        country = analysis.layer("sanctions.home", _home)
        if country is not None:
            places.append(PlaceMention(start, end, text[start:end], "capital", country))
    return sorted(places, key=lambda p: p.start)


# A ban for health or safety is no sanction: "banned imports of poultry over bird flu".
_HEALTH = re.compile(
    r"\b(?:flu|diseases?|outbreaks?|virus|viral|contaminat\w*|health|safety|hygiene|pests?"
    r"|epidemic|infect\w*|salmonella|scare|residues?|pesticides?|recall(?:ed|s)?)\b",
    re.IGNORECASE,
)
_JUSTICE_BEFORE = re.compile(
    r"\b(?:court|judge|prosecutors?|police|investigators|tribunal|magistrate)s?\b[^.;]*$",
    re.IGNORECASE,
)
_CALLED_SANCTIONS = re.compile(r"\b[Ss]anction|\b(?:asset\s+freeze|travel\s+ban)", re.IGNORECASE)


def _not_sanctions(text: str, trigger: re.Match[str]) -> bool:
    """A health ban, a court's freeze or a terrorist designation not called sanctions."""
    if _CALLED_SANCTIONS.search(text):
        return False
    word = trigger.group().lower()
    if _JUSTICE_BEFORE.search(text, max(0, trigger.start() - _PHRASE_REACH), trigger.start()):
        return True  # "a court froze the assets of the former minister": justice, no sanction
    if "ban" in word or "embargo" in word:
        return _HEALTH.search(text) is not None
    return word.startswith("designat") and _AS_TERRORIST.match(text, trigger.end()) is not None


# Who rules a country, named without the country: "the junta", "the military government".
_RULERS = re.compile(
    r"\s*(?:\S+\s+){0,4}?(?:the\s+)?(?:[\w-]+\s+)?(?:junta|regime|military\s+government"
    r"|military\s+rulers|military\s+leaders|generals)\b"
)


def _countries_by_mentions(analysis: Analysis) -> list[str]:
    """The countries the article names, the most named first (a layer)."""
    return analysis.layer("sanctions.countries", _count_countries)


def _count_countries(analysis: Analysis) -> list[str]:
    tally: dict[str, int] = {}
    for place in body_places(analysis):
        if place.country is not None and place.kind in ("country", "demonym", "capital"):
            tally[place.country.name] = tally.get(place.country.name, 0) + 1
    return sorted(tally, key=lambda name: -tally[name])


def _council(analysis: Analysis) -> Organization | None:
    """The body "the Council" stands for: the UN's when the article names the Security
    Council, else the EU's when it names the EU ("The Council today adopted restrictive
    measures", an EU press release)."""
    names = {p.organization.name for p in body_places(analysis) if p.organization is not None}
    if "UN Security Council" in names:
        return Organization("UN Security Council")
    if names & {"European Union", "Council of the European Union", "European Commission"}:
        return _EU
    return Organization("European Union") if _EU_WORDS.search(analysis.body) else None


_EU_WORDS = re.compile(r"\bEU\b|\bEuropean\b")


def _home(analysis: Analysis) -> Country | None:
    """The country `home_country` names, as the gazetteer's record (else the United States,
    whose government English-language news calls "the administration")."""
    home = home_country(analysis)
    if home is None:
        return country_for("United States")
    places = body_places(analysis)
    return next((p.country for p in places if p.country and p.country.name == home), None)


def _running_total(text: str) -> bool:
    """Whether a sentence gives a running total ("has sanctioned 700 people since 2014")."""
    match = _RUNNING_TOTAL.search(text)
    # "the UK's largest package since 2023" compares; it does not total.
    return match is not None and not _SUPERLATIVE.search(
        text, max(0, match.start() - 40), match.start()
    )


_SUPERLATIVE = re.compile(r"\b(?:\w+est|most|biggest|first)\s+(?:[\w'’-]+\s+){0,3}$")


def _is_trigger(text: str, match: re.Match[str], places: list[PlaceMention]) -> bool:
    """Whether a trigger word speaks of sanctions here ("sanctioned the plan" does not)."""
    if match.group("noun") is not None:
        # "imposed countermeasures against US firms": a state's counter-sanctions.
        return not match.group().lower().startswith("counter") or (
            _COUNTER_OBJECT.match(text, match.end()) is not None
        )
    word = match.group("verb").lower()
    if word.startswith("sanction") and _APPROVAL.search(text):
        return False
    if _DESCRIBED_BEFORE.search(
        text, max(0, match.start() - 12), match.start()
    ) and not _INFINITIVE.match(match.group()):
        return False  # "for sanctioned entities including ...": sanctioned before, not now
    if match.group()[0].isupper() and _TITLE_BEFORE.search(
        text, max(0, match.start() - WORD_REACH), match.start()
    ):
        return False  # inside a title: "List of Specially Designated Nationals"
    if word.startswith("designat"):
        # "OFAC designated the tanker Eventin": designated by a sanctions authority.
        by_authority = any(
            p.kind == "organization" and p.country is not None
            for p in _ending_in(places, match.start() - 29, match.start())
        )
        return by_authority or _DESIGNATED_AS.match(text, match.end()) is not None
    if word.startswith(("froze", "freez")):
        return _ASSETS.match(text, match.end()) is not None
    reach = text[match.end() : match.end() + _OBJECT_REACH]
    if _COUNTED_OBJECT.match(reach):
        return True
    if word == "sanction" and re.match(r"\s+(?:on|against)\b", reach):
        return True
    reach_end = min(len(text), match.end() + _OBJECT_REACH)
    clause = re.match(r"[^.;,]*", text[match.end() : reach_end])
    stop = match.end() + (clause.end() if clause else 0)
    if _starting_in(places, match.end() + 1, stop):
        return True
    return bool(name_runs(text, match.end(), stop))


# Sentences that list more targets of an action told before:
# "The targeted people include X and Y", "X and Y are also targeted",
# "X also had sanctions applied", "Japan has added X and Y to a list".
_LIST_AFTER = (
    r"\b(?:targets?|targeted|sanctioned|designated|listed|blacklisted|[Ii]ndividuals|[Ee]ntities"
    r"|[Pp]ersons)\b[^.;:]{0,60}?\b(?P<after>includes?|including|included(?=\s+[A-Z]))\b"
    r"|\b[Aa]mong\s+(?:the|those)\s+(?:newly\s+)?(?:designated|sanctioned|targeted|listed)\b"
    r"[^,.;]{0,30}?(?P<among>,|\b(?:were|are|was|is)\b)"
)
_LIST_BEFORE = (
    r"\b(?P<before>(?:is|are|was|were|(?:has|have|had)\s+(?:also\s+)?been)\s+(?:also\s+)?"
    r"(?:targeted|sanctioned|designated|blacklisted|listed)|(?:also\s+)?had\s+(?:sanctions"
    r"|their\s+assets)\s+(?:applied|imposed|frozen)|(?:were|was)\s+(?:also\s+)?(?:hit|slapped)"
    r"\s+with\s+sanctions)\b"
)
_LIST_ADDED = r"\b(?P<added>added)\b(?=[^.;]*?\bto\s+(?:a|the|its)\s+(?:[\w-]+\s+){0,3}?list\b)"
# "Three of the tankers targeted Wednesday – A, B and C – sailed ...": a list set off by dashes.
_LIST_DASHED = (
    r"\b(?:the|those|these)\s+(?:[\w-]+\s+){0,2}?(?:vessels|ships|tankers|companies|firms"
    r"|entities|individuals|people|persons|banks|officials|groups)\s+(?:newly\s+)?(?:targeted"
    r"|sanctioned|designated|blacklisted|listed)\b[^–—:;.]{0,30}?\s(?P<dashed>[–—:])"
)
# The next sentence names whom the action counted: "The companies are A, B and C",
# "They include A and B", "The six, who include Judge A, ...".
_LIST_RESTATED = (
    r"\b(?:They|Those|These|The\s+(?:[\w-]+\s+){0,2}?(?:companies|firms"
    r"|entities|individuals|people|persons|officials|vessels|ships|tankers|banks|targets|groups"
    r"|two|three|four|five|six|seven|eight|nine|ten))(?:,\s+who)?\s+(?P<restated>are|were"
    r"|include[sd]?)\b"
)
LISTING = re.compile(f"{_LIST_AFTER}|{_LIST_BEFORE}|{_LIST_ADDED}|{_LIST_DASHED}|{_LIST_RESTATED}")
_DASH = re.compile(r"\s[–—]\s|[;.]")
# "A carried crude, while the Panama-flagged B moved ...": the second item of the list.
_WHILE = re.compile(
    r",?\s+while\s+(?:the\s+)?(?:[\w.]+-(?:flagged|based|registered|owned|linked)\s+)?(?=[A-Z])"
)
_LIST_END = re.compile(r"\bto\s+(?:a|the|its)\s+(?:[\w-]+\s+){0,3}?list\b")


def read_listing(analysis: Analysis, sentence: Segment) -> Statement | None:
    """The targets a listing sentence adds to the action before it, or None when it names none."""
    text = sentence.text
    match = LISTING.search(text)
    if match is None or _SPORT.search(text) or _running_total(text):
        return None
    if match.group("after") and _DESCRIBED_BEFORE.search(
        text, max(0, match.start() - 12), match.start()
    ):
        return None  # "for sanctioned entities including ...": listed before, not now
    if match.group("restated") and text[: match.start()].strip(" \"“‘'"):
        return None  # "They are ..." names a list only at the start of its sentence
    if match.group("after") or match.group("among") or match.group("restated"):
        start, stop = match.end(), _attribution_start(text, match.end())
    elif match.group("before"):
        start, stop = 0, match.start()
    elif match.group("dashed"):
        end = _DASH.search(text, match.end())
        start, stop = match.end(), end.start() if end else len(text)
    else:
        end = _LIST_END.search(text, match.end())
        start, stop = match.end(), end.start() if end else len(text)
    places = _sentence_places(analysis, text)
    reader = _Reader(analysis, sentence, places, match)
    statement = Statement(sentence, sentence.start, sentence.end, None, adds=True)
    runs = name_runs(text, start, stop)
    if match.group("after") or match.group("among"):
        runs += _while_subject(text, start)
    for run_start, run_end in runs:
        party = reader._target(run_start, run_end)
        if party is not None:
            _add(statement.targets, party)
    statement.anchor = sentence.start + match.start()
    return statement if statement.targets else None


def _while_subject(text: str, start: int) -> list[tuple[int, int]]:
    """The name opening a "while" clause after `start`, the list's next item."""
    match = _WHILE.search(text, start)
    if match is None:
        return []
    stop = re.compile(r"[,;:'‘“\"]|\s[a-z]").search(text, match.end())
    runs = name_runs(text, match.end(), stop.start() if stop else len(text))
    return runs[:1] if runs and runs[0][0] == match.end() else []


def _attribution_start(text: str, start: int) -> int:
    """Where a trailing attribution begins: ", Foreign Minister Penny Wong announced"."""
    quote = _QUOTE_OPENS.search(text, start)
    limit = quote.start() if quote is not None else len(text)
    for comma in _COMMA.finditer(text, start, limit):
        if _ATTRIBUTION.match(text, comma.end()):
            return comma.start()
    return limit


_QUOTE_OPENS = re.compile(r"[”]|\s['‘\"“]|['\"],|,['\"”]")
_COMMA = re.compile(",")
_ATTRIBUTION = re.compile(
    r"\s+(?:(?:[A-Z][\w.'’-]*\s+){1,6}(?:" + SPEECH + r")\b|according\s+to\b)"
)


class _Reader:
    """The reading of one sentence around its trigger."""

    def __init__(
        self,
        analysis: Analysis,
        sentence: Segment,
        places: list[PlaceMention],
        trigger: re.Match[str],
    ) -> None:
        self.analysis = analysis
        self.sentence = sentence
        self.text = sentence.text
        self.places = places
        self.trigger = trigger
        self.quoted = _inside_quote(analysis, sentence.start + trigger.start())
        self.intends = False
        self.cue: re.Match[str] | None = None
        # Where the first name that could act ends ("The African Union suspended Mali").
        doers = [p.end for p in places if _authority_party(p) is not None]
        self.first_doer_end = min(doers, default=len(self.text) + 1)

    def read(self) -> Statement | None:
        """The statement, or None when the action is only hypothetical."""
        action, cue = self._action()
        if action == "" or self._circumstance():
            return None
        self.cue = cue
        start = min(self.trigger.start(), cue.start() if cue else self.trigger.start())
        statement = Statement(self.sentence, 0, 0, action)
        authority_at = self._authority(statement)
        if action == "propose" and not statement.authority and _BILL_RE.search(self.text):
            # "Lawmakers introduced a bill that would impose sanctions": their own state's.
            home = home_country(self.analysis)
            statement.authority += [Party("Country", home)] if home else []
        end = self._objects(statement)
        start = min(start, authority_at)
        statement.start = self.sentence.start + start
        statement.end = self.sentence.start + max(end, self.trigger.end(), cue.end() if cue else 0)
        statement.measure = _first(_MEASURE, self.text, 0)
        statement.anchor = self.sentence.start + self.trigger.start()
        statement.terror = self.trigger.group().lower().startswith("designat") and bool(
            _AS_TERRORIST.match(self.text, self.trigger.end())
        )
        statement.intends = self.intends
        # "The Treasury also sanctioned Lukoil": more targets of the action told before.
        cue_at = cue.start() if cue is not None else self.trigger.start()
        window = self.text[max(0, min(cue_at, self.trigger.start()) - WORD_REACH) : cue_at]
        statement.adds = _ALSO.search(window) is not None
        start = self.trigger.start()
        statement.further = (
            _FURTHER.search(self.text, max(0, start - WORD_REACH), start) is not None
        )
        word = self.trigger.group().lower()
        statement.aimed = not ("ban" in word and ("export" in word or "import" in word))
        return statement

    # ------------------------------------------------------------ action

    def _action(self) -> tuple[str | None, re.Match[str] | None]:
        """The action and its cue: "" when hypothetical, None when no cue is near."""
        cue = self._nearest_cue()
        if cue is None:
            return None, None
        return self._governed(cue), cue

    def _nearest_cue(self) -> re.Match[str] | None:
        t = self.trigger
        low = max(0, t.start() - _CUE_BEFORE)
        # "renews the travel ban": the noun's "ban" is no verb of the action.
        noun = t.group("noun") is not None
        found = [
            m
            for m in _CUE.finditer(self.text, low, t.end() + _CUE_AFTER)
            if not (noun and t.start() <= m.start() < t.end())
        ]
        if not found:
            return None

        def distance(m: re.Match[str]) -> int:
            if m.start() >= t.start() and m.end() <= t.end():
                return 0
            gap = t.start() - m.end() if m.end() <= t.start() else m.start() - t.end() + 5
            # "extended sanctions targeting ...": a word that only describes loses to a verb.
            return gap + (_WEAK_CUE_PENALTY if _WEAK_CUE.fullmatch(m.group()) else 0)

        return min(found, key=distance)

    def _governed(self, cue: re.Match[str]) -> str:
        """The cue's action, as a governing verb or a modal turns it; "" when no event.

        A plan or decision to lift is `lift`, a warning `threaten`; a call on someone else
        (or "X should impose") is `propose`, but a call to lift is no event at all.
        """
        action = next(k for k in _CUES if cue.group(k) is not None)
        if action == "propose" and self._lifted_after():
            return ""  # "called for sanctions on Rusal to be lifted"
        before = self.text[max(0, cue.start() - _MODAL_REACH) : cue.start()]
        if action in ("impose", "lift", "extend"):
            # "urged the Council – which meets on Friday – to impose": the aside cut first.
            window = self.text[max(0, cue.start() - _GOVERN_REACH - _ASIDE_REACH) : cue.start()]
            window = _without_asides(window)[-_GOVERN_REACH:]
            governing = _GOVERNS.search(window)
            verb = (
                "threaten" if governing is not None and governing.group("threaten") else "propose"
            )
            if governing is not None and _BY_AFTER.match(window, governing.end(verb)):
                governing = None  # "The resolution, drafted by the United States, renews"
            if governing is not None:
                return self._as_governed(action, governing)
            if _SHOULD.search(before):
                return "" if action == "lift" else "propose"  # "the US should impose sanctions"
        if _HYPOTHETICAL.search(before):
            return ""
        if action in ("impose", "lift", "extend") and _TRIGGER_SUBJECT.match(
            self.text, self.trigger.end()
        ):
            return ""  # the measure described, not a new action
        if action in ("impose", "lift", "extend") and _FUTURE.search(before):
            if self.quoted and "would" in before:
                return ""
            if _DECIDED_BEFORE.search(self.text, max(0, cue.start() - _GOVERN_REACH), cue.start()):
                return action  # "Japan announced it will impose sanctions": decided, announced
            self.intends = True  # "Japan will freeze the assets": the decision, told ahead
            return "lift" if action == "lift" else "threaten"
        return action

    def _as_governed(self, action: str, governing: re.Match[str]) -> str:
        """An action under a governing verb: "plans to lift" is lift, "urged ... to lift" none."""
        if governing.group("propose"):
            if governing.group("propose").lower().startswith("want") and _TO_AFTER.match(
                governing.string, governing.end("propose")
            ):
                return "lift" if action == "lift" else "threaten"  # "the US wants to impose"
            return "" if action == "lift" else "propose"
        if _WARNING.match(governing.group("threaten")):
            return "threaten"
        self.intends = True  # "plans to impose", "decided to prepare"
        return "lift" if action == "lift" else "threaten"

    def _lifted_after(self) -> bool:
        """Whether the clause after the trigger asks for a lifting ("... to be lifted")."""
        after = _LIFTING_AFTER.match(self.text, self.trigger.end())
        return after is not None

    # ------------------------------------------------------------ authority

    def _authority(self, statement: Statement) -> int:
        """Fill the authority; returns where its mention starts (or the trigger's start)."""
        t = self.trigger
        by = [
            p
            for p in self.places
            if t.end() <= p.start <= t.end() + 60
            and (
                (self._by(p) and not self._proposer(p))
                or _FROM_AFTER.fullmatch(self.text, t.end(), p.start)
            )
        ]
        named_for = self._named_for()
        if named_for is not None and named_for.country is not None:
            _add(statement.countries, Party("Country", named_for.country.name))
        before = [
            p
            for p in self.places
            if p.end <= t.start() and p is not named_for and self._can_authorise(p)
        ]
        for place in self.places:
            if place.end <= t.start() and place.country is not None and self._suffers(place):
                _add(statement.countries, Party("Country", place.country.name))
        named = self._administration()
        for place in by + self._subjects_first(before)[::-1]:
            party = _authority_party(place)
            if party is not None:
                if named is not None and named[0] > place.end and place not in by:
                    break  # "House China Task Force ... urged the Trump administration to"
                statement.authority.append(party)
                first = self._fellow_authorities(place, statement) if place not in by else place
                return min(first.start, t.start())
        person = self._person_authority()
        if person is not None:
            statement.authority.append(person)
        return t.start()

    def _named_for(self) -> PlaceMention | None:
        """The country sanctions are named for: "new Iran sanctions", "Russia-related sanctions".

        A country's name used as the sanctions' modifier names their target; the powers
        that sanction ("US sanctions", "UK sanctions") name who imposes them.
        """
        if self.trigger.group("noun") is None:
            return None  # "Norway sanctioned 12 tankers": the doer of the verb
        found = _ending_in(self.places, self.trigger.start() - 12, self.trigger.start())
        place = found[-1] if found else None
        if place is None or place.kind != "country" or place.country is None:
            return None
        if not _NAMED_FOR_GAP.fullmatch(self.text, place.end, self.trigger.start()):
            return None
        return None if place.country.name in _SANCTIONING_POWERS else place

    def _subjects_first(self, before: list[PlaceMention]) -> list[PlaceMention]:
        """Names before the trigger, the doer of its verb last (so tried first).

        "Switzerland adopted the latest round of EU sanctions": Switzerland acts; the EU
        only names the sanctions. A weak cue ("new US sanctions") names no doer.
        """
        cue = self.cue
        if cue is None or cue.end() > self.trigger.start() or _WEAK_CUE.fullmatch(cue.group()):
            return before
        modifiers = [p for p in before if p.start >= cue.end()]
        subjects = [p for p in before if p.start < cue.end()]
        return modifiers + subjects if subjects else before

    def _circumstance(self) -> bool:
        """Whether the sanctions are a circumstance: "despite Western sanctions", "to evade"."""
        start = self.trigger.start()
        return _CIRCUMSTANCE.search(self.text, max(0, start - _PHRASE_REACH), start) is not None

    def _fellow_authorities(self, place: PlaceMention, statement: Statement) -> PlaceMention:
        """Add the authorities listed with `place` ("The EU, UK and US imposed"); the first."""
        index = self.places.index(place)
        first = place
        while index > 0:
            before = self.places[index - 1]
            if not _LIST_JOINT.fullmatch(self.text, before.end, first.start):
                break
            party = _authority_party(before)
            if party is None:
                break
            if party not in statement.authority:
                statement.authority.insert(0, party)
            first, index = before, index - 1
        return first

    def _suffers(self, place: PlaceMention) -> bool:
        """Whether a country before the trigger is its object: "Iran faces new sanctions"."""
        if _PASSIVE_BETWEEN.match(self.text, place.end, self.trigger.end()) is not None:
            return True
        window = max(0, place.start - 24)
        return _ADDRESSEE_BEFORE.search(self.text, window, place.start) is not None

    def _proposer(self, place: PlaceMention) -> bool:
        """Whether a name is who drafted the measure: "a resolution proposed by the U.S."."""
        return _PROPOSED_BY.search(self.text, max(0, place.start - 30), place.start) is not None

    def _by(self, place: PlaceMention) -> bool:
        return _BY_BEFORE.search(self.text, max(0, place.start - 8), place.start) is not None

    def _can_authorise(self, place: PlaceMention) -> bool:
        """Whether a name before the trigger may be who acts (not "US-drafted", not a target)."""
        if self.text[place.end : place.end + 1] == "-" or self._proposer(place):
            return False
        if _PASSIVE_BETWEEN.match(self.text, place.end, self.trigger.end()):
            return False
        window = max(0, place.start - 24)
        if _TARGET_BEFORE.search(self.text, window, place.start) and not _CALLED_ON_BEFORE.search(
            self.text, window, place.start
        ):
            return False
        if _VISITED_BEFORE.search(self.text, window, place.start):
            return False  # "Corker, who visited Ukraine, called the sanctions mild"
        if _ADDRESSEE_BEFORE.search(self.text, window, place.start):
            return False  # "Trump gave Russia 50 days ... or face sanctions": who is warned
        if _OBJECT_BEFORE.search(self.text, window, place.start) and (
            self.first_doer_end <= place.start
        ):
            return False  # "The African Union suspended Mali and imposed sanctions": the object
        if place.kind == "demonym":
            if _PROGRAMME_AFTER.match(self.text, place.end):
                return False  # "the Syrian sanctions regulations" are the U.S. programme on Syria
            return _AUTHORITY_DEMONYM_AFTER.match(self.text, place.end) is not None
        return True

    def _person_authority(self) -> Party | None:
        """The country of the person who acts: "Trump, who announced the sanctions"."""
        start = self.sentence.start
        for mention in reversed(
            mentions(self.analysis).between(start, start + self.trigger.start())
        ):
            entity = mention.entity
            if entity is None or entity.type != "Person":
                continue
            owner = self.analysis.entities.get(entity.affiliation) if entity.affiliation else None
            if owner is not None and owner.type == "Country":
                return Party("Country", owner.name)
            if self._leads(mention.end - start, entity):
                country = _leader_country(entity) or home_country(self.analysis)
                if country is not None:
                    return Party("Country", country)
        named = self._administration()
        return named[1] if named is not None else None

    def _administration(self) -> tuple[int, Party] | None:
        """The state of "the Obama administration" before the trigger (and where it ends)."""
        found = [
            m
            for m in _NAMED_ADMINISTRATION.finditer(self.text, 0, self.trigger.start())
            if m.group(1) not in NOT_TARGETS
        ]
        if not found:
            return None
        # "the Biden administration": the state whose government the article names, else the
        # United States, whose presidencies English-language news calls administrations.
        country = home_country(self.analysis) or "United States"
        return found[-1].end(), Party("Country", country)

    def _leads(self, end: int, entity: Entity) -> bool:
        """Whether a person stands for a state: a head of state, or "the Trump administration"."""
        if _ADMINISTRATION_AFTER.match(self.text, end):
            return True
        return entity.job_title is not None and _HEAD_OF_STATE.search(entity.job_title) is not None

    # ------------------------------------------------------------ targets

    def _objects(self, statement: Statement) -> int:
        """Fill targets, target countries and sector from the clauses the trigger governs."""
        end = self.trigger.end()
        for start, stop in self._object_spans():
            for place in _starting_in(self.places, start, stop):
                # "sanctions against the Kremlin": a state's own body stands for the state.
                state_body = place.kind == "organization" and place.organization is not None
                state_body = state_body and _GOVERNMENT_BODY.search(place.text) is not None
                if place.kind in ("country", "capital", "demonym") or (
                    state_body and place.country
                ):
                    _add(
                        statement.countries,
                        Party("Country", place.country.name if place.country else place.text),
                    )
                    end = max(end, place.end)
            for run_start, run_end in name_runs(self.text, start, stop):
                party = self._target(run_start, run_end)
                if party is not None:
                    _add(statement.targets, party)
                    _add_leading_country(party, statement)
                    end = max(end, run_end)
            statement.sector = statement.sector or _sector(self.text, start, stop)
        authorities = {p.name for p in statement.authority}
        if statement.action and not statement.countries and not statement.targets:
            _add_possessor_country(self.text, self.places, self.trigger.end(), statement)
        if statement.action and not statement.countries and not statement.targets:
            self._ruling_country(statement, authorities)
        if not statement.countries:
            self._leaders_countries(statement)
        statement.countries = [c for c in statement.countries if c.name not in authorities]
        return end

    def _leaders_countries(self, statement: Statement) -> None:
        """ "sanctions on President Nicolas Maduro": the country his title names."""
        for target in statement.targets:
            entity = self.analysis.entities.find(target.name, "Person")
            country = _leader_country(entity) if entity is not None else None
            if country is not None:
                _add(statement.countries, Party("Country", country))

    def _ruling_country(self, statement: Statement, authorities: set[str]) -> None:
        """ "sanctions against the military government": the country the article is about."""
        spans = self._object_spans()
        if not any(_RULERS.match(self.text, start, stop) for start, stop in spans[:1]):
            return
        country = next(
            (c for c in _countries_by_mentions(self.analysis) if c not in authorities), None
        )
        if country is not None:
            statement.countries.append(Party("Country", country))

    def _object_spans(self) -> list[tuple[int, int]]:
        """The stretches after the trigger that name its objects (clause by clause)."""
        spans: list[tuple[int, int]] = []
        cue = self.cue
        if cue is not None and cue.group().lower().startswith("add"):
            # "Seoul added eight North Korean individuals to its sanctions list".
            spans.append((cue.end(), self.trigger.start()))
        active, start = True, self.trigger.end()
        for token in TOKEN.finditer(self.text, self.trigger.end()):
            word = token.group()
            if closes_clause(self.text, token):
                if active:
                    spans.append((start, token.start()))
                active = False
            elif not active and (word.lower() in _CLAUSE_OPENS or word == ":"):
                active, start = True, token.end()
        if active:
            spans.append((start, len(self.text)))
        return spans

    def _target(self, start: int, end: int) -> Party | None:
        """The party a name after the trigger stands for, or None (a country, a title...)."""
        if any(
            p.start <= start and end <= p.end for p in _ending_in(self.places, end, end + 1_000)
        ):
            return None  # a country or demonym, not a target
        if any(p.kind == "organization" for p in _starting_in(self.places, start, end)):
            return None  # an authority or agency named after the trigger
        name = self.text[start:end]
        if _ROLE_OF.search(self.text, max(0, start - 40), start):
            # "managing director of Iran Aircraft Industries Mehdi Gogerdchian": the person.
            after_org = _ORG_THEN_NAME.search(name)
            if after_org is not None:
                return Party("Person", after_org.group(1))
            person = self._person_at(start, end)
            if person is not None and not name.startswith(person.name):
                return Party("Person", person.name)
        if _BY_OFFICIAL_BEFORE.search(self.text, max(0, start - _PHRASE_REACH), start):
            return None  # "announced by Foreign Minister Penny Wong": who imposes, no target
        if _INSTRUMENT.search(name) or _ASSOCIATES_OF.search(
            self.text, max(0, start - _PHRASE_REACH), start
        ):
            return None
        if _NO_TARGET.fullmatch(name) or _PUBLISHED_ON.search(self.text, max(0, start - 40), start):
            return None
        if _GENERIC_BODY.fullmatch(name):
            return self._owned_body(start, name)
        if ORG_TAIL.search(name):
            return Party("Organization", name)  # "Myanmar Oil and Gas Enterprise", whole
        person = self._person_at(start, end)
        if person is not None:
            return Party("Person", person.name)
        # "Defence Minister Mohammad Reza Ashtiani": the name after the last title word.
        titled = AFTER_TITLE.search(name)
        if titled is not None:
            return Party("Person", titled.group(1))
        return Party("Organization", name)

    def _owned_body(self, start: int, name: str) -> Party | None:
        """ "Iran's Central Bank" → "Central Bank of Iran"; a bare "the Central Bank" is no name."""
        for place in _ending_in(self.places, start - 3, start):
            owns = _POSSESSIVE_NAME.match(self.text, place.end) is not None
            if place.country is not None and owns:
                return Party("Organization", f"{name} of {place.country.name}")
        return None

    def _person_at(self, start: int, end: int) -> Entity | None:
        base = self.sentence.start
        for mention in mentions(self.analysis).between(base + start - 40, base + end + 1):
            entity = mention.entity
            inside = base + start <= mention.start and mention.end <= base + end
            if inside and entity is not None and entity.type == "Person":
                return entity
        return None


# A place that opens a longer name is part of it: "China Concord Petroleum Company",
# "Syrian Arab Airlines", "the Minsk Agreements".
_NAME_SUFFIX = re.compile(
    r"(?:\s+[A-Z][\w&.-]*){0,3}?\s+(?:Company|Corporation|Corp|Ltd|Limited|Inc|LLC|Group"
    r"|Bank|Airlines?|Airways|Petroleum|Oil|Gas|Shipping|Holdings?|[Aa]greements?|[Aa]ccords?"
    r"|[Pp]rotocol|[Ff]ormat|Declaration|Convention)\b"
)


# "laundering for factions of Mexico's Sinaloa Cartel": the possessor is the target country.
_POSSESSIVE_NAME = re.compile(r"['’]s\s+[A-Z]")


def _add_possessor_country(
    text: str, places: list[PlaceMention], start: int, statement: Statement
) -> None:
    """Add the first country after `start` that owns a named body ("Mexico's Sinaloa Cartel")."""
    for place in _starting_in(places, start, len(text)):
        owns = _POSSESSIVE_NAME.match(text, place.end) is not None
        if place.kind == "country" and place.country and owns:
            statement.countries.append(Party("Country", place.country.name))
            return


def _add_leading_country(party: Party, statement: Statement) -> None:
    """A country that opens a target's name is its country: "Myanmar Oil and Gas Enterprise"."""
    if party.type != "Organization":
        return
    leading = next(iter(find_places(party.name)), None)
    if leading is not None and leading.start == 0 and leading.kind == "country" and leading.country:
        _add(statement.countries, Party("Country", leading.country.name))


def _inside_org_name(text: str, place: PlaceMention) -> bool:
    """Whether a country name is the start of an organisation's or a treaty's name."""
    if place.kind == "organization":
        return False
    return _NAME_SUFFIX.match(text, place.end) is not None


# Legal instruments are no targets: "under Executive Order 13902", "the Magnitsky Act".
_INSTRUMENT = re.compile(
    r"\b(?:Order|Act|Resolution|Regulations?|Directive|Decree|Law|Code|Agreements?|Accords?)"
    r"(?:\s+[0-9/()]+)?$"
)
# Group words, platforms and places are no targets: "Alawite", "the Port of Tartus", "X port".
_NO_TARGET = re.compile(
    r"(?:Alawites?|Shi['’]?ites?|Shia|Sunnis?|Druze|Muslims?|Christians?|Jews|Jewish|Catholics?"
    r"|Kurds?|Kurdish|Arabs?|Yazidis?|Hindus?|Sikhs?|Buddhists?|Uyghurs?|Rohingya)"
    r"|Ports?\s+of\s.*|.*\s(?:Port|Ports|Harbou?r|Airport|Province|Region|Governorate)"
)
# "its minister posted on X": the site a statement was published on.
_PUBLISHED_ON = re.compile(
    r"\b(?:post(?:ed|s|ing)?|wr(?:ote|ites|iting)|tweet(?:ed|s)?|shar(?:ed|es|ing)|said|stated"
    r"|announc(?:ed|es|ing)|statement|message|video)\s+(?:\w+\s+){0,2}?on\s+$"
)
# A body every state has names no one without its owner: "the Central Bank".
_GENERIC_BODY = re.compile(
    r"(?:Central|National|Reserve)\s+Bank|Government|Parliament|Cabinet|Army|Navy|Police"
)
_ROLE_OF = re.compile(
    r"\b(?:director|chief\s+executive|head|chairman|chairwoman|owner|founder|CEO|president)"
    r"\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,2}$"
)
_ORG_THEN_NAME = re.compile(
    r"\b(?:Industries|Company|Corporation|Corp|Group|Bank|Holdings?|Ltd|Limited|Inc|LLC|Shipping"
    r"|Agency|Foundation|Organi[sz]ation)\s+((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+|[A-Z][\w'’-]+)$"
)
# "sanctions on allies of President Putin": the allies are the targets, not Putin.
_ASSOCIATES_OF = re.compile(
    r"\b(?:(?:allies|associates|friends?|cronies|relatives|family|members|circle|entourage"
    r"|officials|officers|commanders|leaders|employees|staff|units?|subsidiaries"
    r"|(?:step|grand)?(?:daughters?|sons?|children)|wife|husband|spouse|brothers?|sisters?"
    r"|founder|chief\s+executive|head|chairman|owner|director|mayor|governor)"
    r"(?:\s+respectively)?\s+of|(?:links?|ties|advis[eo]r|aide)\s+to)\s+(?:[\w.-]+\s+){0,3}$"
)


def _authority_party(place: PlaceMention) -> Party | None:
    """The country or bloc a name before the trigger stands for, if it can impose sanctions."""
    if place.kind == "organization" and place.organization is not None:
        name = place.organization.name
        bloc = _BLOCS.get(name) or (name if _STAND_INS.fullmatch(name) else None)
        if bloc is not None:
            return Party("Organization", bloc)
    if place.country is not None:
        return Party("Country", place.country.name)
    return None


def _sector(text: str, start: int, stop: int) -> str | None:
    match = SECTOR.search(text, start, stop)
    if match is None:
        return None
    word = match.group("s").lower()
    return _SECTOR_NAMES.get(word, word)


def _first(pattern: re.Pattern[str], text: str, start: int) -> str | None:
    match = pattern.search(text, start)
    return " ".join(match.group().lower().split()) if match else None


def _add(parties: list[Party], party: Party) -> None:
    if party not in parties:
        parties.append(party)


# A leader stands for the state: "President Donald Trump", "the Trump administration".
_HEAD_OF_STATE = re.compile(
    r"^(?:[A-Z][\w.-]*\s+)*(?:President|Prime\s+Minister|Premier|Chancellor)$"
)
_ADMINISTRATION_AFTER = re.compile(r"['’]?s?\s+(?:[Aa]dministration|government)\b")
# "the Trump administration", "the Obama Administration" (not "Food and Drug Administration").
_NAMED_ADMINISTRATION = re.compile(
    r"\b(?:[Tt]he|[a-z]+)\s+([A-Z][a-z]+)(?:['’]s)?\s+(?:administration|Administration)\b"
)
_PROPOSED_BY = re.compile(
    r"\b(?:proposed|drafted|sponsored|tabled|put\s+forward|submitted)\s+by\s+(?:the\s+)?$"
)
# Bodies of a government ("Congress", "the State Department"), not its news agencies.
_GOVERNMENT_BODY = re.compile(
    r"Department|Office|House|Pentagon|Kremlin|Congress|Treasury|Ministry|Affairs|Parliament"
)


def _leader_country(entity: Entity) -> str | None:
    """The country a leader's title names: "Russian President" → Russia."""
    places = find_places(entity.job_title or "")
    return next((p.country.name for p in places if p.country is not None), None)


def home_country(analysis: Analysis) -> str | None:
    """The country whose government bodies the article names most ("Congress", "Treasury")."""
    return analysis.layer("sanctions.home_country", _home_country)


def _home_country(analysis: Analysis) -> str | None:
    counts: dict[str, int] = {}
    for place in body_places(analysis):
        org = place.organization
        governs = org is not None and _GOVERNMENT_BODY.search(org.name) is not None
        if place.kind == "organization" and place.country is not None and governs:
            counts[place.country.name] = counts.get(place.country.name, 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None


def _inside_quote(analysis: Analysis, offset: int) -> bool:
    """Whether `offset` lies between quotation marks (quotations sorted, found by bisection)."""
    found = quotations(analysis)
    starts = analysis.layer("sanctions.quote_starts", lambda a: [q.start for q in found])
    index = bisect.bisect_right(starts, offset) - 1
    # Quotations may nest: look back over the few that open before `offset`.
    return any(q.start <= offset < q.end for q in found[max(0, index - 3) : index + 1])


_PHRASE_REACH = 80  # characters back to the phrase a name hangs on ("allies of ...")
_TITLE_BEFORE = re.compile(r"[A-Z][\w.]* $")


def _starting_in(places: list[PlaceMention], start: int, stop: int) -> list[PlaceMention]:
    """The places (sorted by start) that start in `start..stop`, found by bisection."""
    low = bisect.bisect_left(places, start, key=lambda p: p.start)
    high = bisect.bisect_left(places, stop, lo=low, key=lambda p: p.start)
    return places[low:high]


def _ending_in(places: list[PlaceMention], start: int, stop: int) -> list[PlaceMention]:
    """The places (sorted, not overlapping) that end in `start..stop`."""
    low = bisect.bisect_left(places, start, key=lambda p: p.end)
    high = bisect.bisect_right(places, stop, lo=low, key=lambda p: p.end)
    return places[low:high]
