"""Who is speaking: the subject of a speech verb, found from the mentions layer.

News copy names the source in a few set places: right before the verb
("Leavitt told reporters"), right after it ("said Tedros Adhanom
Ghebreyesus"), at the head of the sentence when a relative clause or an
apposition comes between ("Trump, who announced ..., called it"), or as the
owner of a statement ("Trump's statement read:"). When the subject is a
common noun ("a spokesperson said", "police said"), the source is unnamed
and the speaker is left empty rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsld.analysis import Analysis
from newsld.model import Entity
from newsld.text.entities import SPEECH_VERBS, Mention, Mentions
from newsld.text.quotations import quotations
from newsld.text.segment import Segment

__all__ = ["WORD", "Slot", "Speakers", "speech_verbs", "strip_between", "verb_participle"]

WORD = re.compile(r"\w+(?:[-'’]\w+)*")

# Words that may stand between a subject and its verb ("Hotak also alleged").
_BETWEEN = frozenset(
    """
    also then later has have had previously reportedly quickly further again publicly
    earlier separately once repeatedly subsequently recently has had would will had
    """.split()
)
_PREPOSITIONS = frozenset(
    "within of for from in at with by on to about among inside behind near during after before "
    "under over against between into through alongside".split()
)
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|did|does)\b")
_POSSESSED = re.compile(r"['’]s?\s")
_ISSUED = re.compile(
    r"\b(?:released|issued|published|put out|sent) (?:a|an|its|the) (?:\w+ )?statement"
)
_TRAILING = re.compile(r"(?:\s*\([^()]{0,80}\))?\s*$")
# "Trump's statement read:", "The family's statement on the death read:"
_STATEMENT = re.compile(
    r"['’]s (?:\w+ ){0,2}(?:statement|tweet|letter|post|message|announcement|note)"
    r"(?: [^,;:]{0,40})?\s*$"
)


@dataclass(frozen=True)
class Slot:
    """A subject position: `entity` is who fills it (None when the text names no one)."""

    entity: Entity | None
    mention: Mention | None = None


class Speakers:
    """Subject finding over one article."""

    def __init__(self, analysis: Analysis, mentions: Mentions) -> None:
        self.analysis = analysis
        self.body = analysis.body
        self.mentions = mentions

    def before(self, sentence: Segment, verb: int) -> Slot:
        """The subject of the verb starting at `verb`, looking left within its sentence."""
        left = self.body[sentence.start : verb]
        left = strip_between(left)
        end = sentence.start + len(left)
        statement = _STATEMENT.search(left)
        if statement is not None:
            owner = self.mentions.ending_at(sentence.start + statement.start())
            if owner is not None:
                return Slot(owner.entity, owner)
        mention = self.mentions.ending_at(end)
        if mention is not None and not self._after_preposition(mention, sentence):
            return Slot(mention.entity, mention)
        stripped = left.rstrip()
        if (
            verb_participle(self.body, verb)
            or mention is not None
            or stripped.endswith((",", " and", " but", " to", ")"))
        ):
            return self.subject(sentence, verb)
        return Slot(None)

    def after(self, start: int) -> Slot | None:
        """The subject named right after a verb ("said Leavitt"), if one starts at `start`."""
        mention = self.mentions.starting_at(start)
        if mention is None or mention.quoted:
            return None
        return Slot(mention.entity, mention)

    def subject(self, sentence: Segment, before: int) -> Slot:
        """The sentence's subject: its first person or organisation, before any verb of its own."""
        for mention in self.mentions.between(sentence.start, before):
            if mention.quoted or mention.kind not in ("person", "pronoun", "role", "organization"):
                continue
            if self._verb_before(sentence.start, mention.start):
                return Slot(None)  # "The attacker is reported to ... and claimed": unnamed
            if self._after_preposition(mention, sentence) or _POSSESSED.match(
                self.body, mention.end
            ):
                continue
            return Slot(mention.entity, mention)
        return Slot(None)

    def _verb_before(self, start: int, end: int) -> bool:
        """Whether an auxiliary verb stands (outside quotes) between two offsets."""
        return any(not self.quoted(m.start()) for m in _AUXILIARY.finditer(self.body, start, end))

    def quoted(self, offset: int) -> bool:
        """Whether an offset lies inside a quotation."""
        return any(q.start <= offset < q.end for q in quotations(self.analysis))

    def statement_owner(self, before: int) -> Slot:
        """Who issued the statement "the statement" refers to ("X released a statement saying")."""
        issued = None
        for match in _ISSUED.finditer(self.body, 0, before):
            issued = match
        if issued is None:
            return Slot(None)
        sentence = self.analysis.sentence_at(issued.start())
        if sentence is None:
            return Slot(None)
        return self.before(sentence, issued.start())

    def within(self, start: int, end: int) -> Slot:
        """The best subject inside a stretch: a person, else an organisation, else a country."""
        found = [m for m in self.mentions.between(start, end) if not m.quoted]
        for kinds in (("person", "pronoun"), ("role",), ("organization",), ("country",)):
            for mention in found:
                if mention.kind in kinds:
                    return Slot(mention.entity, mention)
        return Slot(None)

    def _after_preposition(self, mention: Mention, sentence: Segment) -> bool:
        """Whether a mention is a preposition's object ("a source within the Interior Ministry")."""
        words = WORD.findall(self.body[max(sentence.start, mention.start - 30) : mention.start])
        for word in reversed(words[-3:]):
            if word in _PREPOSITIONS:
                return True
            if word[:1].isupper() or word not in ("the", "central", "local", "national", "federal"):
                return False
        return False


def strip_between(left: str) -> str:
    """Drop what may stand between a subject and its verb: adverbs, auxiliaries, a parenthesis."""
    while True:
        trimmed = _TRAILING.sub("", left)
        words = WORD.findall(trimmed[-20:])
        if words and words[-1] in _BETWEEN and trimmed.endswith(words[-1]):
            trimmed = trimmed[: -len(words[-1])]
        if trimmed == left:
            return left
        left = trimmed


def verb_participle(body: str, verb: int) -> bool:
    """Whether the speech verb at `verb` is a participle ("saying", "adding")."""
    match = WORD.match(body, verb)
    return match is not None and match.group().endswith("ing")


def speech_verbs(body: str, start: int, end: int) -> list[re.Match[str]]:
    """The speech verbs between two offsets."""
    return [m for m in WORD.finditer(body, start, end) if m.group() in SPEECH_VERBS]
