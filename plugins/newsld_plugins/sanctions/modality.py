"""The action a sanctions sentence tells, and its modality.

The action is the cue nearest the trigger ("the U.S. imposed its first sanctions",
"reimposed", "restored", "brought sanctions", "stepped up", "toughened", "extended its
sanctions to include X" (more targets), "terminated", "sanctions ... could soon be
lifted", "issued a general license", "removed X from its list"; a word that only
describes, "new" or "targeting", loses to a verb), turned by the verb that governs it:

- a warning ("threatened to impose", "or face sanctions", "X would face US sanctions
  if") is `threaten`;
- a plan or a decision told ahead ("plans to impose", "Japan will freeze") is
  `threaten`, but a plan to lift is `lift`, and "announced it will impose" or the
  authority saying it will ("Canada said it would impose sanctions on X") is `impose`;
- a call on someone else ("called on the EU to impose", "the US should impose", across
  an aside "urged the Council – which meets Friday – to impose", past a long name
  "asked on Monday the Security Council of the United Nations to impose", a bill that
  would impose) is `propose`, and a call to lift is no event;
- a condition after it ("would impose sanctions if Russia invades") makes it a
  warning, `threaten`, never the same action as the imposition told later;
- the sanctions themselves frozen ("the Council froze sanctions") are suspended, `lift`;
- a negated verb ("will not lift", "refused to impose") tells no action;
- "could", "may", "if" make it hypothetical, and a hypothetical is no action; so is
  the measure described ("the sanctions will include").
"""

from __future__ import annotations

import re

from newsld_plugins.sanctions.context import Reading
from newsld_plugins.sanctions.names import WORD_REACH
from newsld_plugins.sanctions.trigger import TRIGGER_SUBJECT

__all__ = ["BILL_RE", "WEAK_CUE", "read_action"]

_CUES = {
    "impose": r"(?:re-?)?impos(?:ed|es|e|ing|ition)|announc(?:ed|es|e|ing)|adopt(?:ed|s|ing)?"
    r"|slap(?:ped|s)?"
    r"|levie[ds]|levy|level(?:l)?ed|levels"
    # "would take countermeasures against", "took retaliatory measures"
    r"|t(?:ake|akes|ook|aking)(?=\s+(?:[\w-]+\s+)?[\"“]?(?:counter-?measures|measures|retaliatory))|introduc(?:ed|es|e)|unveil(?:ed|s)?|issu(?:ed|es)|approv(?:ed|es)|passed"
    r"|implement(?:ed|s|ing)?|enacted|hit|target(?:ed|ing|s)?|includ(?:ed|es|e|ing)|new|fresh"
    r"|tougher|additional|expand(?:ed|s)|tighten(?:ed|s)|broaden(?:ed|s)|sanction(?:ed|ing)"
    r"|blacklist(?:ed|ing)|designat(?:ed|ing)|froze|frozen|freez(?:e|es|ing)|ban(?:s|ned)?|order(?:ed|s)"
    # the verb: "it would sanction Lockheed" (not the noun of "sanction measures")
    r"|sanction(?=\s+(?!on\b|against\b|measures\b|regimes?\b|lists?\b|committees?\b)[\w-])"
    r"|add(?:ed|s|ing)?(?=[^.;]{0,180}?\bto\s+(?:its|the|an?|their)\s+(?:[\w\"“”-]+\s+){0,3}?"
    r"[\"“]?(?:black|[Ee]ntity\s+)?list\b)"
    r"|declar(?:ed|es|ing)|agreed|decided|signed|(?:placed|put)\s+under|finali[sz]ed|endorsed|tit-for-tat|retaliat(?:ed|ory|ion)"
    r"|restor(?:ed|es|ing)|reinstat(?:ed|es|ing)|brought|bring(?:s|ing)?|prohibit(?:s|ed|ing)?"
    r"|barred|toughen(?:ed|s)?|widen(?:ed|s)?|step(?:ped|s)?\s+up|ramp(?:ed|s)?\s+up"
    # "extended its sanctions to include X": more targets, an imposition
    r"|extend(?:ed|s)?(?=[^.;]{0,40}?\bto\s+(?:include|cover|target)\b)"
    # "extended its sanctions list": more names on the list, an imposition
    r"|extend(?:ed|s)?(?=\s+(?:its|the|their)\s+(?:[\w-]+\s+){0,2}?(?:black)?list\b)",
    "lift": r"lift(?:ed|s|ing)?|eas(?:ed|es|e|ing)|remov(?:ed|es|e|ing)|waive[ds]?|waiver|relief"
    r"|unfroze|unfrozen|unfreez(?:e|ing)|licen[cs]es?|exemptions?|exempted|scrapp(?:ed|ing)"
    r"|revok(?:ed|es)|rescind(?:ed|s)|suspend(?:ed|s)|de-?list(?:ed|ing)|rolled\s+back|rolls\s+back"
    r"|terminat(?:ed|es|e|ing|ion)|ended|unblock(?:ed|s)?|relax(?:ed|es|ing)?|loosen(?:ed|s|ing)?"
    r"|authori[sz](?:ed|es|ing)|permit(?:ted|s)"
    r"|drop(?:ped|s|ping)?(?=\s+(?:its|their|the|all|some)?\s*(?:[\w-]+\s+)?(?:sanctions|embargo))",
    "extend": r"extend(?:ed|s|ing)?|extension|prolong(?:ed|s)?|renew(?:ed|s|al)?"
    r"|rolled\s+over|rolls\s+over",
    "threaten": r"threat(?:en|ened|ens|ening)?|ultimatum|or\s+(?:else\s+)?fac(?:e|ing)"
    r"|(?:would|could|will|may)\s+(?:also\s+)?face"
    r"|warn(?:ed|s|ing)?|consider(?:ed|s|ing)?"
    r"|weigh(?:ed|s|ing)|mull(?:ed|s|ing)|prepar(?:ed|es|ing)|ready(?:ing)?|plan(?:s|ned|ning)?"
    r"|vow(?:ed|s)|promis(?:ed|es)|draft(?:ed|ing)|eye(?:s|ing)|intend(?:s|ed|ing)?|intention"
    # "is moving to impose", "is set to impose", "is expected to lift": told ahead
    r"|(?:moving|moves|set|poised|expected|due|about)(?=\s+to\b)",
    "propose": r"call(?:ed|s|ing)?\s+(?:on|for|upon)|urg(?:ed|es|e|ing)|demand(?:ed|s|ing)?"
    r"|propos(?:ed|es|e|al)|push(?:ed|es|ing)?\s+for|press(?:ed|es|ing)|lobb(?:ied|ying)"
    r"|appeal(?:ed|s)|encourag(?:ed|es|e)|ask(?:ed|s)(?!\s+about)|wants?|wanted|wanting",
}
_CUE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{action}>{words})" for action, words in _CUES.items()) + r")\b",
    re.IGNORECASE,
)
_PROPOSE_VERB = re.compile(r"\b(?:" + _CUES["propose"] + r")\b", re.IGNORECASE)
_PROPOSER_REACH = 150
# Lawmakers' bills propose sanctions: "introduced a bill that would impose sanctions".
_BILL = r"|(?:introduc|sponsor|fil)\w*\s+(?:an?\s+|the\s+)?(?:bill|legislation|resolution)"
BILL_RE = re.compile(r"\b(?:" + _BILL[1:] + ")", re.IGNORECASE)
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
# "will impose sanctions if Russia invades": a warning.
_CONDITION_AFTER = re.compile(r"[^.;]{0,120}?\b(?:if|unless)\b")
# "announced that it will impose", "decided it would lift": a decision told, not a threat.
# The authority saying what it will do announces it too (README: "announced" is impose):
# "Canada said on Thursday it would impose sanctions on nine officials"; a condition after
# ("... if Russia invades") is read first and makes it a warning.
_DECIDED_BEFORE = re.compile(
    r"\b(announced|decided|agreed|approved|adopted|ordered|signed|said|says|told|stated"
    r"|confirmed|declared?|declares)\b[^.;,]*$",
    re.IGNORECASE,
)
_SPEECH_DECIDED = re.compile(r"said|says|told|stated|confirmed|declared?|declares", re.IGNORECASE)
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


_NAMES = re.compile(r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’-]*)+")


def _without_asides(text: str) -> str:
    """`text` without its dashed or bracketed asides: "urged the Council – which meets – to"."""
    return _ASIDE.sub(" ", text)


WEAK_CUE = re.compile(
    r"target(?:ed|ing|s)?|includ(?:ed|es|e|ing)|new|fresh|additional|tougher", re.IGNORECASE
)
_WEAK_CUE_PENALTY = 30
_CUE_BEFORE = 70
_CUE_AFTER = 45
# "called on X and X to use existing statutory powers to impose": a call reaches over an
# infinitive or two.
_GOVERN_REACH = 80
_HYPOTHETICAL = re.compile(
    r"\b(?:could|might|may|should|hopes?|hoped|hoping|if|unless|whether)\b[^.;,]*$"
)
_TOLD_AHEAD_AFTER = re.compile(
    r"(?:[^.;,]|\.(?=\w|\s+[a-z])){0,60}?\b(?:will|would|(?:is|are)\s+(?:expected|set|due)\s+to)\s+"
    r"(?:be\s+(?:announced|imposed|introduced|unveiled|adopted)|come|follow)\b"
)
# A negated verb tells no action: "will not lift", "did not impose", "refused to extend".
_NEGATED = re.compile(
    r"(?:\b(?:not|never|no\s+longer)|n['’]t|\b(?:refus|declin)(?:ed|es|ing)\s+(?:[\w.]+\s+){0,3}?to)"
    r"\s+(?:(?:yet|be|been|to|also|immediately)\s+)?$",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:will|would|shall|won['’]t|going\s+to)\b[^.;,]*$|['’]ll\b[^.;,]*$")
_MODAL_REACH = 30


def read_action(r: Reading) -> tuple[str | None, re.Match[str] | None]:
    """The action and its cue: "" when hypothetical, None when no cue is near."""
    cue = _nearest_cue(r)
    if cue is None:
        return None, None
    action = _governed(r, cue)
    if action == "impose" and _sanctions_frozen(r, cue):
        action = "lift"  # "the Security Council froze sanctions": suspended them
    if action == "propose":
        # "China had pushed for an arms embargo", "X urged the Council to impose": whoever
        # speaks before the call only proposes.
        low = max(0, r.trigger.start() - _PROPOSER_REACH)
        calls = [m.start() for m in _PROPOSE_VERB.finditer(r.text, low, r.trigger.start())]
        r.propose_at = calls[-1] if calls else None
    return action, cue


_OTHER_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas)\b")
_TO_LIST_BEFORE = re.compile(r"\bto\s+(?:its|the|an?|their)\s+(?:[\w\"“”-]+\s+){0,3}?[\"“]?$")
_ADD_REACH = 200
_FREEZE = re.compile(r"froze|frozen|freez(?:e|es|ing)", re.IGNORECASE)
_DETERMINER = re.compile(r"\s+(?:(?:the|its|their|all|some|most|of|these)\s+)*")
_SANCTIONS_NOUN = re.compile(r"sanctions|embargo(?:es)?", re.IGNORECASE)


def _sanctions_frozen(r: Reading, cue: re.Match[str]) -> bool:
    """Whether the sanctions themselves are frozen (suspended), not assets under them."""
    if not _FREEZE.fullmatch(cue.group()) or cue.end() > r.trigger.start():
        return False
    if not _SANCTIONS_NOUN.fullmatch(r.trigger.group()):
        return False
    return _DETERMINER.fullmatch(r.text, cue.end(), r.trigger.start()) is not None


def _nearest_cue(r: Reading) -> re.Match[str] | None:
    t = r.trigger
    low = max(0, t.start() - _CUE_BEFORE)
    # "renews the travel ban": the noun's "ban" is no verb of the action.
    noun = t.group("noun") is not None
    # "informed him of the restrictions, and vowed to continue": another clause's verb
    other = _OTHER_CLAUSE.search(r.text, t.end(), t.end() + _CUE_AFTER)
    high = other.start() if other is not None else t.end() + _CUE_AFTER
    found = [
        m
        for m in _CUE.finditer(r.text, low, high)
        if not (noun and t.start() <= m.start() < t.end()) and not _measure_noun(r.text, m)
    ]
    if not found and _TO_LIST_BEFORE.search(r.text, max(0, t.start() - WORD_REACH), t.start()):
        # "adding several companies and an institute involved in ... to its entity list": the
        # verb of a listing reaches over the long list of what is added.
        found = [
            m
            for m in _CUE.finditer(r.text, max(0, t.start() - _ADD_REACH), t.end())
            if m.start() < t.start() and m.group().lower().startswith("add")
        ]
    if not found:
        return None

    def distance(m: re.Match[str]) -> int:
        if m.start() >= t.start() and m.end() <= t.end():
            return 0
        if m.start() >= t.end() and _passive_of_trigger(r, m):
            return 0  # "ordered that U.S. sanctions on Myanmar be lifted": the trigger's verb
        gap = t.start() - m.end() if m.end() <= t.start() else m.start() - t.end() + 5
        # "extended sanctions targeting ...": a word that only describes loses to a verb, and
        # so does a participle after the trigger ("lifted the sanctions imposed by Congress").
        if m.start() >= t.end() and described_by(r, m):
            return gap + _CUE_BEFORE  # any verb before, in reach, is the action's
        return gap + (_WEAK_CUE_PENALTY if WEAK_CUE.fullmatch(m.group()) else 0)

    best = found[0] if len(found) == 1 else min(found, key=distance)
    if best.start() < t.start() and found[-1].start() >= t.end():
        # "lifted the sanctions imposed by Congress in May 1998": where the words that
        # describe the sanctions start (a date there is theirs, not the action's).
        after = (m for m in found if m.start() >= t.end() and described_by(r, m))
        r.described_at = next((m.start() for m in after), None)
    return best


# A passive after the trigger, in its clause, is the trigger's own verb: "sanctions on X
# be lifted", "the embargo was finally eased".
_PASSIVE_AUX = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:[a-z]+ly\s+)?$")
_CLAUSE_END = re.compile(r"[,;:–—()]|\b(?:which|that|who|and|but|while)\b")
# A bare participle right after the trigger describes it (a reduced relative clause), and
# so does a relative clause of its own subject: "approved measures it will impose".
_PARTICIPLE = re.compile(r"[a-z]+(?:ed|en)|brought|put|set|hit", re.IGNORECASE)
_PARTICIPLE_REACH = 12
_RELATIVE_BETWEEN = re.compile(
    r"(?:\s+(?!on\b|against\b|of\b|to\b|for\b|in\b)[a-z]+)?\s+(?:(?:that|which)\s+)?(?:it|they|we|he|she)\s+(?:(?:will|would|has|have|had|is|are"
    r"|was|were)\s+)?(?:also\s+)?"
)


def _passive_of_trigger(r: Reading, cue: re.Match[str]) -> bool:
    """Whether a cue after the trigger is the passive verb whose subject the trigger is."""
    between = r.text[r.trigger.end() : cue.start()]
    if _CLAUSE_END.search(between):
        return False
    return _PASSIVE_AUX.search(between) is not None


def described_by(r: Reading, cue: re.Match[str]) -> bool:
    """Whether a cue after the trigger is a participle that describes it.

    "lifted most of the sanctions imposed by Congress in 1998": "imposed" tells which
    sanctions were lifted, not the action; "approved new measures it will impose".
    """
    if _RELATIVE_BETWEEN.fullmatch(r.text, r.trigger.end(), cue.start()):
        return True  # "additional sanction measures it will impose on its own"
    if cue.start() - r.trigger.end() > _PARTICIPLE_REACH:
        return False
    if not _PARTICIPLE.fullmatch(cue.group()):
        return False
    between = r.text[r.trigger.end() : cue.start()]
    return _CLAUSE_END.search(between) is None and _PASSIVE_AUX.search(between) is None


# "renewed an arms embargo, travel ban and assets freeze": the nouns of a list of measures
# are no verbs of the action.
_MEASURE_BEFORE = re.compile(r"\b(?:travel|entry|visa|export|import|assets?)\s+$", re.IGNORECASE)
_NOUN_CUES = frozenset({"ban", "bans", "freeze", "freezes"})


def _measure_noun(text: str, cue: re.Match[str]) -> bool:
    """Whether a cue word is the noun of a measure ("travel ban"), not a verb."""
    if cue.group().lower() not in _NOUN_CUES:
        return False
    return _MEASURE_BEFORE.search(text, max(0, cue.start() - 12), cue.start()) is not None


def _governed(r: Reading, cue: re.Match[str]) -> str:
    """The cue's action, as a governing verb or a modal turns it; "" when no event.

    A plan or decision to lift is `lift`, a warning `threaten`; a call on someone else
    (or "X should impose") is `propose`, but a call to lift is no event at all.
    """
    action = next(k for k in _CUES if cue.group(k) is not None)
    if action == "propose" and _lifted_after(r):
        return ""  # "called for sanctions on Rusal to be lifted"
    before = r.text[max(0, cue.start() - _MODAL_REACH) : cue.start()]
    if _NEGATED.search(before):
        return ""  # "Washington will not lift sanctions", "refused to impose sanctions"
    if action in ("impose", "lift", "extend"):
        # "urged the Council – which meets on Friday – to impose": the aside cut first.
        window = r.text[max(0, cue.start() - _GOVERN_REACH - _ASIDE_REACH) : cue.start()]
        # "asked on Monday the Security Council of the United Nations to impose": a name,
        # however long, stands between a verb and its infinitive as one word.
        window = _NAMES.sub("X", _without_asides(window))[-_GOVERN_REACH:]
        governing = None if _finite_past(r, cue) else _GOVERNS.search(window)
        verb = "threaten" if governing is not None and governing.group("threaten") else "propose"
        if governing is not None and _BY_AFTER.match(window, governing.end(verb)):
            governing = None  # "The resolution, drafted by the United States, renews"
        if governing is not None:
            return _as_governed(r, action, governing)
        if _SHOULD.search(before):
            return "" if action == "lift" else "propose"  # "the US should impose sanctions"
    if _HYPOTHETICAL.search(before):
        return ""
    if action in ("impose", "lift", "extend") and TRIGGER_SUBJECT.match(r.text, r.trigger.end()):
        return ""  # the measure described, not a new action
    # "an announcement on retaliatory sanctions will come in due course", "new sanctions on
    # X will be announced next week": the sanctions' own verb tells them ahead.
    modifier = cue.end() >= r.trigger.start() - 2 or WEAK_CUE.fullmatch(cue.group())
    if (
        action == "impose"
        and cue.end() <= r.trigger.start() + 1
        and modifier
        and _TOLD_AHEAD_AFTER.match(r.text, r.trigger.end())
    ):
        r.intends = True
        return "threaten"
    if action in ("impose", "lift", "extend") and _FUTURE.search(before):
        if r.quoted and "would" in before:
            return ""
        if _CONDITION_AFTER.match(r.text, r.trigger.end()):
            return "threaten"  # "the US said it would impose sanctions if Russia invades"
        decided = _DECIDED_BEFORE.search(r.text, max(0, cue.start() - _GOVERN_REACH), cue.start())
        # ... but an announcement still to come is no announcement: "said new sanctions on X
        # will be announced soon".
        if decided and not cue.group().lower().startswith("announc"):
            # "Japan announced it will impose sanctions": decided, announced; said only, it
            # is an announcement when it names whom it acts on (read with the objects).
            r.said_ahead = _SPEECH_DECIDED.fullmatch(decided.group(1)) is not None
            return action
        r.intends = True  # "Japan will freeze the assets": the decision, told ahead
        return "lift" if action == "lift" else "threaten"
    return action


# A verb in the past with no auxiliary before it is finite: no call or plan governs it
# ("Britain urged Russia to free X and imposed sanctions on Y": Britain imposed).
_PAST = re.compile(r"[a-z]+ed|froze|frozen|brought|hit|slapped|levied", re.IGNORECASE)
_AUXILIARY_BEFORE = re.compile(
    r"\b(?:be|been|being|is|are|was|were|have|has|had|get|got)\s+(?:[a-z]+ly\s+)?$"
)


def _finite_past(r: Reading, cue: re.Match[str]) -> bool:
    """Whether a cue is a finite verb in the past ("and imposed"), not an infinitive."""
    if not _PAST.fullmatch(cue.group()):
        return False
    low = max(0, cue.start() - WORD_REACH)
    return _AUXILIARY_BEFORE.search(r.text, low, cue.start()) is None


_READY = frozenset({"ready", "prepared"})


def _as_governed(r: Reading, action: str, governing: re.Match[str]) -> str:
    """An action under a governing verb: "plans to lift" is lift, "urged ... to lift" none."""
    if governing.group("propose"):
        if governing.group("propose").lower().startswith("want") and _TO_AFTER.match(
            governing.string, governing.end("propose")
        ):
            return "lift" if action == "lift" else "threaten"  # "the US wants to impose"
        return "" if action == "lift" else "propose"
    if _WARNING.match(governing.group("threaten")):
        return "threaten"
    if action == "lift" and governing.group("threaten").lower() in _READY:
        return ""  # "the US was prepared to issue licenses": an offer, no lifting decided
    r.intends = True  # "plans to impose", "decided to prepare"
    return "lift" if action == "lift" else "threaten"


def _lifted_after(r: Reading) -> bool:
    """Whether the clause after the trigger asks for a lifting ("... to be lifted")."""
    after = _LIFTING_AFTER.match(r.text, r.trigger.end())
    return after is not None


# ------------------------------------------------------------ authority
