"""Reported speech: `X said (that) CLAUSE`, `CLAUSE, X said.`, `according to X, CLAUSE`.

Each speech verb of a sentence is read in one of two places: after its clause
(`CLAUSE, X said.`, `CLAUSE, said X.`, `CLAUSE, Ravi Das, deputy chief of
police, said.`) or before it (`X said (that) CLAUSE`, `X told reporters
CLAUSE`, `..., adding that CLAUSE`, `..., saying CLAUSE`). `according to X`
and `per X` are read last, in any position; where a verb frame already gives
the clause its source (`CLAUSE, the embassy said, according to Reuters`) they
name the channel, not the source. Who speaks is read by `sources.py`.

Only named sources are reported: "police said" and "officials said" are not.
A clause that is nothing but a quotation introduced by a colon or a comma is
a direct quote only; a that-clause that is a quotation (`added that "…"`) and
a clause with a partial quote inside are both. Left out: verbs that take an
object (`announced the imposition of ...`, `stressed the need for ...`)
without a finite verb or "that" after them, passives (`was said to be`),
refusals (`declined to comment`) and beliefs someone came to (`had come to
believe`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from newsld.analysis import Analysis
from newsld.model import Entity
from newsld.text.quotations import Quotation
from newsld.text.segment import Segment
from newsld_plugins.quotes.lexicon import (
    AUDIENCE,
    CHANNEL_VERBS,
    CLAUSE_VERBS,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    OBJECT_VERBS,
    PERSON_NOUNS,
    SPEECH_NOUNS,
    WEEKDAYS,
)
from newsld_plugins.quotes.sources import NOBODY, Source, Sources
from newsld_plugins.quotes.text import WORD, is_verb

__all__ = ["Reported", "reported_speech"]

_TELL = frozenset({"told", "tells", "telling", "assured"})
_PASSIVE = frozenset({"was", "were", "is", "are", "been", "being", "be"})
# Verbs that open no clause of their own: one right after a speech verb has no subject.
_AUXILIARIES = frozenset("is are was were has have had will would could can may might".split())
_PLACE_NAME = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}")
_SUBORDINATE_OPENING = re.compile(r"(?:after|before|when|while|as|because|since|following)\b")
_RELATIVE_SUBJECT = re.compile(r"\b(?:which|who|that)\s+[^,.;:]{1,30}$")
_FINITE = re.compile(
    r"\b(?:(?:he|she|it|they|we|you|i|that|there)['’](?:s|re|ve|ll|d|m)|"
    r"is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|did|does|"
    # "-ed" after an article is an adjective ("the impacted area"), not a verb
    r"do|(?<!\bthe )(?<!\ban )(?<!\ba )[a-z]{3,}ed)\b"
)
# Where a content clause ends: a semicolon, a participle adding another clause, the next
# sentence glued on without a space ("an Iskander.Russia's defence ministry").
_CLAUSE_END = re.compile(
    r";|, (?:adding|saying|insisting|noting|stating|claiming|warning|according to)\b"
    # "said the arrest was politically motivated arguing it was …" (no comma, no auxiliary)
    r"|(?= )(?<!\bwas)(?<!\bis)(?<!\bare)(?<!\bwere)(?<!\bbe)(?<!\bbeen)"  # (space: fails fast)
    r"(?: while| and)? (?:adding|arguing|insisting|noting|stating|claiming|warning) "
    r"(?=that |it |he |she |they )"
    r"|(?<![A-Z])[.!?](?=[A-Z\"“])|[.!?]?[\"”’]?\s*$"
    # `told the press the drugs were only part of the answer: "…"`: the quote is its own
    r"|:\s*[\"“‘]"
    # "… were on the list, but did not provide their names": the speaker's own predicate
    r"|, but (?=(?:did|does|do|would|could|will|has|had|was|is|declined|refused)\b)"
    # "…, The Australian newspaper reported.": a channel after the clause is not in it
    r"|, (?:[\w’'.-]+,? ){1,7}(?:reported|reports)\.?[\"”’]?\s*$"
    # "..., although he cautioned that ...": a concession is a clause of its own
    r"|, (?:although|though|whereas) "
    # "confirmed that X and said that Y": the second verb starts a clause of its own
    r"| (?:and|but) (?:also )?(?:said|added|told|warned|insisted|stressed|noted|argued|"
    r"cautioned|conceded|acknowledged|admitted|called on|urged|appealed)\b"
)
_GLUED = re.compile(r"[.!?](?<=[a-z0-9].)(?=[A-Z][a-z])")  # the mark first: scanned in C
_COMMA = re.compile(r",[\"”’]?\s")
_WHEN_WORDS = WEEKDAYS | {"yesterday", "today"}
# An adjunct of setting between a verb and its clause: "in an interview", "at a briefing".
_SETTING_PREPOSITIONS = frozenset("on in at during".split())
# Verbs that take no object but a clause, so a noun after the adjunct opens the clause
# ("said on Monday the plant …"; not "announced on Monday the lifting of …").
_SAY = frozenset("say says said saying tell tells told telling add adds added adding".split())
_SETTINGS = frozenset("conference hearing rally meeting summit session video broadcast".split())
_ARTICLES = frozenset("a an the his her its their".split())
# Words that open a content clause after an adjunct ("said on Monday the ...", "... it").
_SUBJECT_OPENERS = frozenset("the a an he she it they we i there this these those his her".split())
# Verbs that take their topic with "on" or "about" ("commented on the visit").
_TOPIC_VERB = re.compile(r"(?:comment|remark|report|reflect|elaborate|speak|spoke|talk)")
# Words that open an adjunct, never a content clause, whatever verb follows inside it.
_ADJUNCT_ONLY = frozenset("following amid despite upon during".split())
# The most words between a quote and the verb that attributes it ('"…," the minister said').
_ATTRIBUTION_WORDS = 8
_PREPOSITION_START = frozenset(
    "in on at after during before from with of to for by following amid despite upon".split()
)
_REFUSALS = frozenset({"declined", "refused", "failed", "declines", "refuses", "decline", "refuse"})
_COGNITION = frozenset({"believe", "think", "reckon", "find", "suspect", "estimate"})
_NEGATION = frozenset({"not", "never", "n't", "declined"})
_PARTICIPLE = re.compile(r", \w+ing\b")
_MARKS = re.compile(r"[“”\"«»]")
# `according to X` anywhere, and `per X` set off by a comma ("..., per figures from X.").
_ACCORDING = re.compile(r"\b[Aa]ccording to\b|(?:^|(?<=, ))[Pp]er\b")
_MIN_WORDS = 3
_DETERMINERS = frozenset("the a an his her their its our my".split())
_POSSESSIVES = frozenset("his her their its our my".split())
# "a warning that", "Trump's claims that": the verb's form used as a noun.
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|his|her|their|its|our|my|this)|\w[’']s) $", re.IGNORECASE
)
_CONTRACTED = re.compile(r"\b(?:he|she|it|that|who|there|what)[’']s $", re.IGNORECASE)
_RUNS_ON = re.compile(r" ([a-z]+)\b(?! said\b)")
# "declared the outbreak ... to be a pandemic": an object with an infinitive, before any verb.
_OBJECT_INFINITIVE = re.compile(
    r"^(?:(?!\b(?:is|are|was|were|has|have|had|will|would)\b).)*? to be\b"
)
# ", was planned weeks in advance": a predicate going on after an attribution set in commas.
_PREDICATE_AFTER = re.compile(
    r",\s+(?:(?:also|still|only|not|never)\s+)?"
    r"(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should)\b"
)
_CLAUSE_OPENERS = frozenset("and but while as because although though when if so yet".split())
_RELATIVE = frozenset("which who whom whose where".split())


@dataclass(frozen=True)
class Reported:
    """One piece of reported speech: its clause span and who said it."""

    start: int
    end: int
    text: str
    speaker: Entity
    confidence: float
    frame: int = -1  # where the source is named


def reported_speech(
    analysis: Analysis,
    quotes: list[Quotation],
    sources: Sources,
    before: Callable[[int], object] | None = None,
) -> list[Reported]:
    """Every named source's reported speech, in order.

    `before(offset)` is called ahead of each sentence with its end, so that the
    direct quotes up to there are attributed first: a pronoun is then read
    against every source named so far, whichever kind of quote named it.
    """
    finder = _Finder(analysis, quotes, sources)
    found: list[Reported] = []
    for sentence in _joined(analysis, sources):
        for part in _unglue(analysis.body, sentence):
            if before is not None:
                before(part.end)
            found.extend(finder.sentence(part))
    return found


def _joined(analysis: Analysis, sources: Sources) -> Iterator[Segment]:
    """The sentences, rejoined where a name runs across a cut ("the B.C. | Coroners Service")."""
    pending: Segment | None = None
    for sentence in analysis.sentences:
        if pending is not None:
            sentence = Segment(
                pending.start, sentence.end, analysis.body[pending.start : sentence.end]
            )
            pending = None
        crossing = sources.mentions.between(sentence.end - 40, sentence.end + 60)
        if any(m.start < sentence.end < m.end for m in crossing):
            pending = sentence
            continue
        yield sentence
    if pending is not None:
        yield pending


def _unglue(body: str, sentence: Segment) -> Iterator[Segment]:
    """Split sentences run together without a space ("an Iskander.Russia's ministry")."""
    start = sentence.start
    for match in _GLUED.finditer(body, sentence.start, sentence.end):
        yield Segment(start, match.end(), body[start : match.end()])
        start = match.end()
    yield Segment(start, sentence.end, body[start : sentence.end])


class _Finder:
    """Reported speech, sentence by sentence."""

    def __init__(self, analysis: Analysis, quotes: list[Quotation], sources: Sources) -> None:
        self.body = analysis.body
        self.quotes = quotes
        self.sources = sources
        self._quote_starts = [q.start for q in quotes]
        # Every word that can be a speech verb, found by one scan of the body.
        self._verbs = sources.text.spans_of(CLAUSE_VERBS)  # from the article's word index
        self._verb_starts = [start for start, _ in self._verbs]

    def quoted(self, offset: int) -> bool:
        """Whether an offset lies inside a quotation."""
        return self.sources.text.quoted(offset)

    def sentence(self, sentence: Segment) -> Iterator[Reported]:
        """The reported speech of one sentence.

        Verb frames first, then `according to` / `per`: when a clause already has
        its source in a verb frame (`X, the embassy said, according to Reuters`),
        the `according to` phrase names the channel, not the source.
        """
        taken: list[tuple[int, int]] = []
        framed: list[tuple[int, int]] = []  # clauses a verb frame attributes, named or not
        first = bisect.bisect_left(self._verb_starts, sentence.start)
        last = bisect.bisect_left(self._verb_starts, sentence.end)
        for start, end in self._verbs[first:last]:
            if end > sentence.end:
                break
            verb = WORD.match(self.body, start, end)
            if verb is None or not is_verb(self.body, verb, CLAUSE_VERBS):
                continue
            if self.quoted(verb.start()) or any(s <= verb.start() < e for s, e in taken):
                continue
            if self._noun_use(verb.start()) or self.body.startswith(" of ", verb.end()):
                continue  # "the twin states of", "reports of shelling": nouns
            local = self.sources.text.window(sentence, verb.start())
            matched, found = self._postposed(local, verb)
            if matched:
                framed.append((local.start, verb.end()))
            else:
                found = self._forward(local, verb)
            channel = (
                verb.group() in CHANNEL_VERBS
                and any(s < found.end and found.start < e for s, e in taken)
                if found is not None
                else False
            )
            if found is not None and not channel:
                # a channel after a source keeps no clause: "CLAUSE, said X, the BBC reports"
                taken.append((found.start, found.end))
                self.sources.discourse.remember(found.frame, found.speaker)
                yield found
        for item in self._according(sentence):
            if not any(s < item.end and item.start < e for s, e in taken + framed):
                taken.append((item.start, item.end))
                self.sources.discourse.remember(item.frame, item.speaker)
                yield item

    def _noun_use(self, verb: int) -> bool:
        """Whether a verb's form stands as a noun ("with a warning that ...", "Trump's claims")."""
        lead = self.body[max(0, verb - 24) : verb]
        return _NOUN_BEFORE.search(lead) is not None and _CONTRACTED.search(lead) is None

    # ------------------------------------------------------------ X said CLAUSE

    def _forward(self, sentence: Segment, verb: re.Match[str]) -> Reported | None:
        """`X said (that) CLAUSE`, `X told reporters CLAUSE`, `..., saying CLAUSE`."""
        if self._passive(sentence, verb.start()):
            return None
        source = self._source(sentence, verb)
        if source.entity is None:
            return None
        start = self._clause_start(sentence, verb)
        if start is None:
            return None
        end = self._clause_end(start, sentence.end)
        if verb.group().endswith("ing") and self._opens_sentence(sentence, verb):
            end = min(end, self._participle_end(verb.end(), sentence.end) - 1)
        if not self._clause_like(verb.group(), start, end):
            return None
        if self._attributes_quote(sentence, verb, start):
            return None
        confidence = 0.75 if verb.group().endswith("ing") else 0.8
        return self._make(start, end, source.entity, confidence, verb.start())

    def _source(self, sentence: Segment, verb: re.Match[str]) -> Source:
        """Who speaks a verb that opens its clause: its subject, or the main clause's for a
        participle (`Roe spoke on Monday, saying ...`)."""
        quoted_as = self.sources.quoted_as(sentence, verb)
        if quoted_as is not None:
            return quoted_as
        source = self.sources.before(sentence, verb.start())
        if source.found and source.entity is None and verb.group().endswith("ing"):
            # "resigned earlier in the week stating he could not …": a participle after an
            # adjunct with no comma belongs to the main clause, not to "the week"
            head = WORD.findall(self.body, max(sentence.start, verb.start() - 30), verb.start())
            if head and head[-1].lower() not in PERSON_NOUNS | GROUP_NOUNS:
                source = NOBODY
        if not source.found and verb.group().endswith("ing"):
            if self._opens_sentence(sentence, verb):
                # "Noting that CLAUSE, Ren said ...": the main clause's subject, after the comma
                comma = self._participle_end(verb.end(), sentence.end)
                return self.sources.subject(Segment(comma, sentence.end, ""), sentence.end)
            source = self.sources.earlier_frame(sentence, verb.start())
            return source if source.found else self.sources.subject(sentence, verb.start())
        return source

    def _opens_sentence(self, sentence: Segment, verb: re.Match[str]) -> bool:
        """Whether a participle opens its sentence ("Noting that ...", "While noting ...")."""
        lead = WORD.findall(self.body, sentence.start, verb.start())
        return not lead or (len(lead) == 1 and lead[0] in ("While", "After", "Before", "Also"))

    def _participle_end(self, start: int, end: int) -> int:
        """The comma that closes a sentence-opening participle phrase (or `end`)."""
        comma = self.body.find(", ", start, end)
        while comma >= 0 and self.quoted(comma):
            comma = self.body.find(", ", comma + 1, end)
        return comma + 1 if comma >= 0 else end

    def _clause_like(self, verb: str, start: int, end: int) -> bool:
        """Whether the words after a verb are a content clause, not an adjunct or an object.

        "said in a statement" and "announced the imposition of sanctions" are not.
        """
        words = list(WORD.finditer(self.body, start, end))
        if not words:
            return False
        early = words[min(len(words), 9) - 1].end()
        coordinated = re.search(r" (?:and|but) ", self.body[start:early])
        if coordinated is not None:  # "confirmed the arrest but did not ...": not its clause
            early = start + coordinated.start()
        finite = _FINITE.search(self.body, start, early) is not None
        after_that = self.body[max(0, start - 5) : start] == "that "
        if verb.lower() in OBJECT_VERBS:
            if not after_that and _OBJECT_INFINITIVE.search(self.body, start, early):
                return False  # "declared the outbreak to be a pandemic": object and infinitive
            return finite or after_that
        possessed = len(words) > 2 and words[2].group() in _PREPOSITION_START
        if words[0].group() in _POSSESSIVES and possessed and not finite and not after_that:
            return False  # "stated his opposition to the bill": an object, not a clause
        if words[0].group() in _ADJUNCT_ONLY and not after_that:
            return False  # "the portal said following a meeting ... headed by the speaker"
        if words[0].group() in _PREPOSITION_START and (
            not _FINITE.search(self.body, start, end) or self._relative_after(start, end)
        ):
            return False
        return finite or after_that or len(words) >= 6 or _subject_first(words)

    def _attributes_quote(self, sentence: Segment, verb: re.Match[str], start: int) -> bool:
        """Whether the verb attributes the quote just before it and what follows it is an
        adjunct ('"…," Mao said at a briefing on Tuesday, after …'), not a clause."""
        first = WORD.match(self.body, start)
        if first is None or first.group() not in _PREPOSITION_START:
            return False
        if self.body[max(0, start - 8) : start].rstrip(" \"“‘'").endswith("that"):
            return False  # '"…," the chief said, adding that "in our society …"'
        index = bisect.bisect_left(self._quote_starts, verb.start()) - 1
        if index < 0 or self.quotes[index].start < sentence.start:
            return False
        between = WORD.findall(self.body, self.quotes[index].end, verb.start())
        return len(between) <= _ATTRIBUTION_WORDS

    def _relative_after(self, start: int, end: int) -> bool:
        """Whether an adjunct has a relative clause after it ("in a statement, which ...")."""
        comma = self.body.find(", ", start, min(end, start + 60))
        following = WORD.match(self.body, comma + 2) if comma >= 0 else None
        return following is not None and following.group() in _RELATIVE

    def _passive(self, sentence: Segment, verb: int) -> bool:
        """Whether a verb is passive or negated ("was said to be", "has not commented"), or
        a belief someone came to ("had come to believe"), not something they said."""
        before = WORD.findall(self.body[max(sentence.start, verb - 16) : verb])
        after = self.body[verb : verb + 40].split()
        progressive = bool(after) and after[0].endswith("ing")  # "are insisting" is active
        if before and ((before[-1] in _PASSIVE and not progressive) or before[-1] in _NEGATION):
            return True
        if before and before[-1] == "to" and after and after[0] in _COGNITION:
            return True
        if len(before) > 1 and before[-1] == "to" and before[-2] in _REFUSALS:
            return True  # "he declined to comment", "refused to say"
        return len(after) > 1 and after[1] == "by"

    def _clause_start(self, sentence: Segment, verb: re.Match[str]) -> int | None:
        """Where the content clause begins after the verb (its object and "that" skipped)."""
        words = list(WORD.finditer(self.body, verb.end(), sentence.end))[:12]
        if not words:
            return None
        gap = self.body[verb.end() : words[0].start()]
        if gap.strip() and not self._term_opens(verb.end()):
            return None  # `said: "…"`, `said, "…"`: a direct quote, not reported speech
        index = 0
        if verb.group() in _TELL:
            index = self._skip_audience(words)
        for offset, word in enumerate(words[index : index + 8]):
            if word.group() == "that":
                index += offset + 1
                break
            if _FINITE.fullmatch(word.group()):
                break  # "said the deal is close, although ... that": the clause began already
        while index < len(words) - 1 and words[index].group() in _WHEN_WORDS:
            index += 1  # "announced Sunday he's donating": the day is no part of the clause
        if verb.group() in _SAY:
            index = self._past_adjuncts(words, index)
        if index >= len(words):
            return None
        start = words[index].start()
        # `added that "…"`: a that-clause that is a quotation is reported speech as well.
        after_that = index > 0 and words[index - 1].group() == "that"
        if words[index].group() in ("to", "by", "of") and not after_that:
            return None  # "said to be", "told by": no clause (but "said that to protect ...")
        if index == 0 and words[0].group() in ("on", "about") and _TOPIC_VERB.match(verb.group()):
            return None  # "commenting on the destroyer's trespassing": a topic, no clause
        # "the victory he claims was stolen": a gap with nothing to fill it; the gold
        # reads "atrocities, which he said may amount to genocide" as his words
        relative = _RELATIVE_SUBJECT.search(self.body, max(0, verb.start() - 40), verb.start())
        if index == 0 and words[0].group() in _AUXILIARIES and relative is None:
            return None
        if not after_that and self._only_quote(start, sentence.end):
            return None
        return start

    def _past_adjuncts(self, words: list[re.Match[str]], index: int) -> int:
        """Past the day and the setting between a verb and a clause with no "that" ("said
        on Monday the plant would close", "said in an interview it was over")."""
        start = index
        for _ in range(2):
            at = index + (words[index].group() in ("late", "early") if index < len(words) else 0)
            if at + 1 >= len(words) or words[at].group() not in _SETTING_PREPOSITIONS:
                break
            if words[at].group() == "on" and words[at + 1].group() in WEEKDAYS:
                index = at + 2
                continue
            for ahead in range(at + 1, min(at + 5, len(words))):
                word = words[ahead].group()
                if word in SPEECH_NOUNS or word in _SETTINGS:
                    index = self._past_participle_phrase(words, ahead + 1)
                    break
                if not word.islower() or word in FUNCTION_WORDS - _ARTICLES:
                    break
            else:
                break
            if index <= at:
                break
        if index == start or index >= len(words):
            return start
        following = words[index].group()
        gap = self.body[words[index - 1].end() : words[index].start()]
        opens = following.lower() in _SUBJECT_OPENERS or following[:1].isupper()
        return index if opens and gap.strip() == "" else start

    @staticmethod
    def _past_participle_phrase(words: list[re.Match[str]], index: int) -> int:
        """Past a participle phrase qualifying the setting ("in a statement posted to
        Twitter it ..."), up to the subject that opens the clause."""
        if index + 1 >= len(words) or not words[index].group().endswith("ed"):
            return index
        if words[index + 1].group() not in _SETTING_PREPOSITIONS | {"to", "by", "online"}:
            return index
        for ahead in range(index + 2, min(index + 6, len(words))):
            if words[ahead].group() in _SUBJECT_OPENERS:
                return ahead
        return index

    def _first_quote(self, offset: int) -> Quotation | None:
        """The first quotation that starts at or after `offset`."""
        index = bisect.bisect_left(self._quote_starts, offset)
        return self.quotes[index] if index < len(self.quotes) else None

    def _holding_quote(self, offset: int) -> Quotation | None:
        """The quotation that `offset` falls strictly inside, if any."""
        index = bisect.bisect_left(self._quote_starts, offset) - 1
        if index >= 0 and offset < self.quotes[index].end:
            return self.quotes[index]
        return None

    def _term_opens(self, offset: int) -> bool:
        """Whether a quoted name of one or two words opens a clause (`said "FIFA" has ...`)."""
        quote = self._first_quote(offset + 1)
        if quote is None or quote.start > offset + 2:
            return False
        follow = self.body[quote.end : quote.end + 2]
        return quote.words < _MIN_WORDS and follow[:1] == " " and follow[1:].islower()

    def _skip_audience(self, words: list[re.Match[str]]) -> int:
        """How many words the person told take ("told NPR", "told local media")."""
        first = words[0]
        named = self.sources.mentions.starting_at(first.start())
        if named is not None:
            return next((i for i, w in enumerate(words) if w.start() >= named.end), len(words))
        index = 1 if first.group() in _DETERMINERS else 0
        while (
            index < len(words)
            and words[index].group() in AUDIENCE
            and words[index].group() not in _DETERMINERS
        ):
            index += 1  # "told reporters the vote ...": a determiner after the audience is not its
        if index == 0 and first.group() in _DETERMINERS:
            return 2  # "told his colleagues (to ...)"
        if index == 1 and first.group() in _DETERMINERS and len(words) > 1:
            return 2  # "told the attorneys (to ...)": "the" alone is not the audience
        return max(index, 1)

    def _only_quote(self, start: int, end: int) -> bool:
        """Whether the text from `start` is just a quotation (or leads into one after a comma)."""
        holding = self._holding_quote(start)
        if holding is not None and not self.body[holding.start : start].strip(' “"‘'):
            return not self._runs_on(holding)  # `told the court that, "The defendant was ..."`
        quote = self._first_quote(start)
        if quote is not None and quote.start < end:
            lead = self.body[start : quote.start].rstrip()
            return not self._runs_on(quote) if not lead else lead.endswith((",", ":"))
        return False

    def _runs_on(self, quote: Quotation) -> bool:
        """Whether a clause goes on after the quote opening it (`that "we were hit" when`)."""
        tail = _RUNS_ON.match(self.body, quote.end)
        closing = self.body[quote.text_end - 1 : quote.text_end]
        return tail is not None and closing not in ",.!?" and tail.group(1) not in _SUBJECT_PRONOUNS

    def _clause_end(self, start: int, end: int) -> int:
        match = _CLAUSE_END.search(self.body, start, end)
        stop = match.start() if match else end
        while stop > start and self.body[stop - 1] in " ,.":
            stop -= 1
        return stop

    # ------------------------------------------------------------ CLAUSE, X said.

    def _postposed(self, sentence: Segment, verb: re.Match[str]) -> tuple[bool, Reported | None]:
        """`CLAUSE, X said.` / `CLAUSE, said X.`: the source after its clause.

        Returns whether the verb stands in that place, and the reported speech if it is one.
        """
        commas = list(_COMMA.finditer(self.body, sentence.start, verb.start()))
        if not commas or len(WORD.findall(self.body, commas[-1].end(), verb.start())) > 10:
            return False, None
        comma = commas[-1]
        if self._colon_quote_ends(comma.start()):
            return True, None  # `… to action: "All countries …," said X`: a direct quote
        region_named = self.body[comma.end() : verb.start()].strip()
        if region_named.split(" ", 1)[0] in _CLAUSE_OPENERS:
            return False, None  # "…, but he declined to comment": a clause, not a source
        rest_from = verb.end()
        if region_named:
            source = self.sources.before(sentence, verb.start(), floor=comma.end())
        else:
            peeled = self.sources.peel(sentence.start, verb.start())
            if peeled is not None and self._clause_segment(peeled[1], verb.start()):
                peeled = None  # "… infection in Tanah Merah, Kelantan, said minister X"
            if peeled is not None and peeled[0].found:
                if peeled[1] <= sentence.start + 1:
                    return False, None  # "DeLay's lawyer, Dick DeGuerin, said CLAUSE"
                # "CLAUSE, SN Pradhan, additional director general of police, said."
                source = peeled[0]
                comma = _COMMA.match(self.body, peeled[1] - 1) or comma
            else:
                source = self.sources.after(verb.end(), sentence.end)
                if source.mention is not None:
                    rest_from = source.mention.end  # "said Eric Supara, an official at ..."
                    if self.body[rest_from : rest_from + 2] == ", ":
                        rest_from = sentence.end
        rest = self.body[rest_from : sentence.end]
        aside = region_named and _PREDICATE_AFTER.match(rest) is not None
        if not aside and not _ends_sentence(rest):
            return False, None
        if region_named and _clause_follows(self._after_audience(verb, sentence.end)):
            return False, None  # "However, X's lawyer, Joe Amendola said his client needs ..."
        if region_named and not source.found:
            return False, None  # "..., who denounced the team's claims as": not a source
        if source.entity is None or self._passive(sentence, verb.start()):
            return True, None
        if aside:
            # "The attack, Hale said, was planned weeks in advance": the sentence around it
            end = self._clause_end(sentence.start, sentence.end)
            return True, self._make(sentence.start, end, source.entity, 0.75, verb.start())
        start = self._lead_start(sentence.start, comma.start())
        if start is None:
            return True, None
        return True, self._make(start, comma.start(), source.entity, 0.8, verb.start())

    def _clause_segment(self, start: int, verb: int) -> bool:
        """Whether the stretch peeled as a subject, up to its comma, is a clause (it has a
        finite verb) and what follows it is only names: those commas set off places
        ("in Tanah Merah, Kelantan, said"), not a subject."""
        comma = self.body.find(",", start + 1, verb)
        if comma < 0 or _FINITE.search(self.body, start, comma) is None:
            return False
        inserted = self.body[comma:verb].split(",")
        return all(_PLACE_NAME.fullmatch(part.strip()) for part in inserted if part.strip())

    def _after_audience(self, verb: re.Match[str], end: int) -> str:
        """What follows a verb past whom it was told to ("told a news briefing in Beijing")."""
        if verb.group() not in _TELL:
            return self.body[verb.end() : end]
        words = list(WORD.finditer(self.body, verb.end(), end))[:12]
        if not words:
            return ""
        index = self._skip_audience(words)
        return self.body[words[index].start() : end] if index < len(words) else ""

    def _colon_quote_ends(self, comma: int) -> bool:
        """Whether a quote introduced by a colon closes at this comma."""
        quote = self._holding_quote(comma)
        if quote is not None and quote.end <= comma + 2:
            return self.body[max(0, quote.start - 2) : quote.start].strip() == ":"
        return False

    def _lead_start(self, start: int, end: int) -> int | None:
        """The start of a clause before its source, unless the clause is just one quotation;
        past a dateline that opens it ("SINGAPORE: It is …", "LONDON (Reuters) - …")."""
        dateline = _DATELINE.match(self.body, start, end)
        if dateline is not None:
            start = dateline.end()
        quote = self._first_quote(start)
        if quote is not None and quote.start < end:
            lead = self.body[start : quote.start].rstrip()
            if quote.end >= end - 1 and (not lead or lead.endswith(":")):
                return None  # the clause is one quotation, perhaps introduced by a colon
        return start

    # ------------------------------------------------------------ according to X

    def _according(self, sentence: Segment) -> Iterator[Reported]:
        """`According to X, CLAUSE`, `CLAUSE, according to X.`, `CLAUSE, per X.`

        Set in the middle (`The shipment, according to X, was seized`) the
        whole sentence is the clause.
        """
        text = sentence.text
        if "ccording to" not in text and "per " not in text and "Per " not in text:
            return
        whole = sentence
        for match in _ACCORDING.finditer(self.body, whole.start, whole.end):
            if self.quoted(match.start()):
                continue
            sentence = self.sources.text.window(whole, match.start())
            source = self.sources.after(match.end(), sentence.end)
            if source.entity is None:
                continue
            phrase_end = self._phrase_end(match.end(), sentence.end)
            lead = self.body[sentence.start : match.start()].strip(" ,")
            if not lead or lead in ("And", "But", "Yet", "So"):
                start = self._after_apposition(phrase_end, sentence.end)
                end = self._clause_end(start, sentence.end)
            elif phrase_end >= sentence.end or _ends_sentence(self.body[phrase_end : sentence.end]):
                start, end = sentence.start, match.start()
            else:
                start, end = sentence.start, self._clause_end(sentence.start, sentence.end)
            while end > start and self.body[end - 1] in " ,":
                end -= 1
            if self._lead_start(start, end + 1) is None:
                continue  # `According to X, "…"`: the clause is a direct quote
            item = self._make(start, end, source.entity, 0.8, match.start())
            if item is not None:
                yield item

    def _phrase_end(self, start: int, end: int) -> int:
        """Where an `according to` phrase ends: its comma, or the sentence's end."""
        comma = self.body.find(",", start, end)
        while comma >= 0 and self.quoted(comma):
            comma = self.body.find(",", comma + 1, end)
        return comma if comma >= 0 else end

    def _after_apposition(self, start: int, end: int) -> int:
        """Past `, formerly the director of ...,` to the clause after it."""
        rest = self.body[start:end]
        parts = rest.split(", ")
        if len(parts) > 2 and len(WORD.findall(parts[1])) <= 14 and not _FINITE.search(parts[1]):
            return start + len(parts[0]) + len(parts[1]) + 4
        return start + (2 if rest.startswith(", ") else 0)

    # ------------------------------------------------------------ making

    def _make(
        self, start: int, end: int, speaker: Entity, confidence: float, frame: int
    ) -> Reported | None:
        """The reported speech `start..end`; `frame` is where its source is named, which a
        later pronoun counts from."""
        while start < end and self.body[start] in ' ,“"':
            start += 1
        if len(WORD.findall(self.body, start, end)) < _MIN_WORDS:
            return None
        text = _MARKS.sub("", self.body[start:end]).strip()
        return Reported(start, end, text, speaker, confidence, frame)


def _subject_first(words: list[re.Match[str]]) -> bool:
    """Whether a short clause opens with its subject ("said he agrees", "said his client needs")."""
    if len(words) < 3:
        return False
    first = words[0].group()
    if first.lower() in _SUBJECT_PRONOUNS:
        return True
    noun, verb = words[1].group(), words[2].group()
    present = verb.endswith("s") and not verb.endswith(("ss", "us", "is"))
    return first in _DETERMINERS and present and not noun.endswith("s")


def _clause_follows(rest: str) -> bool:
    """Whether a content clause follows a verb ("said his client needs ...", "said they ...")."""
    words = WORD.findall(rest)
    return len(words) >= 3 and (words[0] in _DETERMINERS or words[0] in _SUBJECT_PRONOUNS)


_SUBJECT_PRONOUNS = frozenset("he she they it we i there this".split())


# A dateline: a place in capitals, perhaps an agency in brackets, then a colon or a dash.
_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{2,40}(?:\([^()]{1,30}\))?\s*[:—–-]\s+")
_SECOND_SOURCE = re.compile(r"and (?:[A-Z][\w.'’-]*\s+){1,5}(?=[a-z]|$)")


def _ends_sentence(rest: str) -> bool:
    """Whether only adjuncts follow a post-posed verb ("said on Oct. 23.", "said, adding ...")."""
    if re.match(r"\s*[,:]\s*[“\"‘]", rest):
        return False  # `Speaking about X, Wim said, "…"`: the verb introduces a quote
    rest = _PARTICIPLE.split(rest.strip(), maxsplit=1)[0]
    # "…, said Health Minister X and Transport Minister Y in a joint statement": the
    # second source coordinated with the first
    second = _SECOND_SOURCE.match(rest)
    rest = rest[second.end() :] if second is not None else rest
    if not rest or rest[0] in ".;!?,":
        return True
    # "…, said Kohli in Kuala Lumpur on Sunday, after India beat …": adjuncts, then a
    # clause of time or cause set off by a comma
    adjuncts, comma, following = rest.partition(", ")
    if comma and _SUBORDINATE_OPENING.match(following) and not _FINITE.search(adjuncts):
        rest = adjuncts
    words = WORD.findall(rest)
    return len(words) <= 6 and not _FINITE.search(rest)
