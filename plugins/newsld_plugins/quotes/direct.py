"""Direct quotes: each quotation span with the speaker the text gives it.

The attribution is looked for in this order: after the quote in its sentence
(`"…," Leavitt told reporters.`, `"…," said Leavitt.`), before it
(`Leavitt said: "…"`, `called it a "very big day"`, `"A," she said, "B."`),
then the previous quote's speaker for a quote paragraph with no attribution
of its own. A quote none of these reach is not reported: quotation marks
around a name or a term are not a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsld.analysis import Analysis
from newsld.model import Entity
from newsld.text.quotations import Quotation
from newsld.text.segment import Segment
from newsld_plugins.quotes.speakers import WORD, Slot, Speakers, speech_verbs, verb_participle

__all__ = ["Attributed", "attribute"]

#: Quotes of one or two words are terms or scare quotes, not quotations.
MIN_WORDS = 3
_MAX_TAIL_WORDS = 16
_MAX_GAP_WORDS = 30
# A quoted name or term, not speech: named the virus "severe acute ...".
_NAMING = re.compile(
    r"\b(?:named|dubbed|nicknamed|titled|entitled|known as|designation|labelled|labeled)\s+"
    r"(?:[\w’'-]+\s+){0,6}$"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to (?:the )?$")


@dataclass
class Attributed:
    """A quotation with its speaker, how sure we are, and whether any attribution reached it."""

    quote: Quotation
    speaker: Entity | None
    confidence: float
    attributed: bool
    own: bool = True  # False when the speaker is only carried over from the previous quote


def attribute(analysis: Analysis, quotes: list[Quotation], speakers: Speakers) -> list[Attributed]:
    """Every quotation with its speaker, in order."""
    done: list[Attributed] = []
    paragraphs = analysis.paragraphs
    for quote in quotes:
        sentence = analysis.sentence_at(quote.text_start) or _whole(analysis, quote)
        if _NAMING.search(analysis.body[sentence.start : quote.start]):
            done.append(Attributed(quote, None, 0.3, False))
            continue
        found = _after(analysis, quote, sentence, speakers) or _before(
            analysis, quote, sentence, speakers, done
        )
        if found is not None:
            slot, confidence = found
            done.append(Attributed(quote, slot.entity, confidence, True))
        elif done and _carries_on(paragraphs, done[-1], quote, sentence):
            done.append(Attributed(quote, done[-1].speaker, 0.75, done[-1].attributed, own=False))
        else:
            done.append(Attributed(quote, None, 0.3, False))
    _back_fill(done)
    return done


def _whole(analysis: Analysis, quote: Quotation) -> Segment:
    return Segment(quote.start, quote.end, analysis.body[quote.start : quote.end])


def _after(
    analysis: Analysis, quote: Quotation, sentence: Segment, speakers: Speakers
) -> tuple[Slot, float] | None:
    """`"…," Leavitt told reporters.` / `"…," said Leavitt.`: the attribution after the quote."""
    body = analysis.body
    stop = min(sentence.end, quote.end + 240)
    words = list(WORD.finditer(body, quote.end, stop))[:_MAX_TAIL_WORDS]
    for index, word in enumerate(words):
        between = body[quote.end : word.start()]
        if _breaks(between, index):
            return None
        if word.group() not in _POST_VERBS:
            continue
        if index == 0:
            named = speakers.after(_next_word_start(body, word.end()))
            if (
                named is not None
                and named.mention is not None
                and named.mention.text.endswith("statement")
            ):
                return speakers.statement_owner(quote.start), 0.7  # `"…" read the statement`
            return (named, 0.9) if named is not None else (Slot(None), 0.6)
        return speakers.within(quote.end, word.start()), 0.9
    return None


_POST_VERBS = frozenset(
    "said says told tells added adds wrote writes tweeted stated explained insisted warned "
    "continued remarked read reads declared recalled noted argued asked replied responded "
    "concluded stressed posted claimed maintained retorted quipped joked boasted conceded "
    "admitted acknowledged confirmed cautioned pleaded".split()
)


def _breaks(between: str, index: int) -> bool:
    """Whether the stretch after a quote leaves its sentence (a new quote, a semicolon, a colon)."""
    if any(mark in between for mark in '“"«'):
        return True
    return index > 0 and any(mark in between.strip(" ,;") for mark in ";:")


def _next_word_start(body: str, end: int) -> int:
    match = re.compile(r"\s+").match(body, end)
    return match.end() if match else end


def _before(
    analysis: Analysis,
    quote: Quotation,
    sentence: Segment,
    speakers: Speakers,
    done: list[Attributed],
) -> tuple[Slot, float] | None:
    """`Leavitt said: "…"`, `called it a "…"`, `"A," she said, "B."`: the attribution before."""
    body = analysis.body
    head = body[sentence.start : quote.start]
    previous = done[-1] if done and done[-1].quote.end > sentence.start else None
    verbs = [
        v for v in speech_verbs(body, sentence.start, quote.start) if not _in_quote(done, v.start())
    ]
    if verbs:
        verb = verbs[-1]
        if len(WORD.findall(body[verb.end() : quote.start])) > _MAX_GAP_WORDS:
            return None
        if previous is not None and _between_quotes(body, previous.quote.end, verb, quote.start):
            # `"A," she said, "B."`: the verb attributes the earlier quote; B shares it.
            return Slot(previous.speaker), previous.confidence
        if verb_participle(body, verb.start()):
            return speakers.subject(sentence, verb.start()), 0.8
        return speakers.before(sentence, verb.start()), 0.85
    if _ACCORDING.search(body[sentence.start : quote.start].rstrip(", ")[-40:] + " "):
        return None
    if head.rstrip().endswith(":"):
        # `Trump quickly took a parting shot on Twitter: "…"`: the sentence's subject speaks.
        return speakers.subject(sentence, quote.start), 0.7
    return None


def _between_quotes(body: str, end: int, verb: re.Match[str], start: int) -> bool:
    """Whether a verb is the attribution set between two quotes (`"A," she said, "B."`).

    Not when a clause of its own follows (`"A", to which he replied that he would "B"`).
    """
    if verb.start() < end:
        return False
    return (
        len(WORD.findall(body, end, verb.start())) <= 6
        and len(WORD.findall(body, verb.end(), start)) <= 4
    )


def _in_quote(done: list[Attributed], offset: int) -> bool:
    return any(a.quote.start <= offset < a.quote.end for a in done[-3:])


def _carries_on(
    paragraphs: list[Segment], previous: Attributed, quote: Quotation, sentence: Segment
) -> bool:
    """Whether a quote with no attribution continues the previous one's speaker.

    A sentence that opens with the quote in the same paragraph, or a paragraph
    that opens with it right after the paragraph holding the previous one; a
    term in quotation marks ("COVID-19") hands on no speaker.
    """
    if not previous.attributed or short(previous.quote):
        return False
    here = _paragraph_index(paragraphs, quote.start)
    there = _paragraph_index(paragraphs, previous.quote.start)
    if here == there:
        return sentence.start == quote.start
    return here == there + 1 and paragraphs[here].start == quote.start


def _paragraph_index(paragraphs: list[Segment], offset: int) -> int:
    for index, para in enumerate(paragraphs):
        if para.start <= offset < para.end or offset < para.start:
            return index
    return len(paragraphs) - 1


def _back_fill(done: list[Attributed]) -> None:
    """A quote over several paragraphs takes the speaker its last paragraph names."""
    for index in range(len(done) - 1, 0, -1):
        current, previous = done[index], done[index - 1]
        unsure = not previous.own or not previous.attributed
        if (
            current.quote.continued
            and current.own
            and current.attributed
            and unsure
            and not previous.quote.closed
        ):
            previous.speaker, previous.attributed = current.speaker, True


def short(quote: Quotation) -> bool:
    """Whether a quote is a term, a scare quote or a title rather than someone's words."""
    return quote.words < MIN_WORDS or _is_title(quote.text)


# A short span whose every main word is capitalised, with no sentence inside,
# names a work or a programme ("appeared on “Face the Nation”", "the song
# “Born in the U.S.A.”"): the gold leaves titles out, and so does newsld.
_TITLE_WORD = re.compile(r"[A-Z0-9][\w'’.&:-]*")
_MINOR_WORDS = frozenset("a an and as at but by for in of on or the to vs with from".split())
MAX_TITLE_WORDS = 8


def _is_title(text: str) -> bool:
    words = text.strip(" ,.;:!?").split()
    if not words or len(words) > MAX_TITLE_WORDS or any(c in text for c in ".!?,;"):
        return False
    if not _TITLE_WORD.fullmatch(words[0]):
        return False
    return all(_TITLE_WORD.fullmatch(w) or w in _MINOR_WORDS for w in words[1:])
