"""Direct quotes: each quotation span with the frame that attributes it.

For every quotation the governing frame is looked for in this order, within
its sentence:

1. after the quote: a speech verb with its source before or after it
   (`"…," Leavitt told reporters.`, `"…," said state Attorney General Jane
   Roe.`, `"…," read the ministry's statement.`), or `according to X`;
   the first verb after the quote governs it, so a channel further on
   (`"…," X said, the BBC reported`) is not taken for the source;
2. before it: the last speech verb, judging verb or `according to` of the
   sentence (`Leavitt said: "…"`, `accused the government of "…"`,
   `described the deal as "…"`, `According to X, "…"`), or a clause that
   ends in a colon, whose subject speaks (`The chairwoman put it bluntly:
   "…"`, `And from the chairwoman: "…"`);
3. `"A," she said, "B."`: B shares A's frame;
4. a quote paragraph with no frame of its own continues the previous
   speaker, when nothing between them changed the subject;
5. failing all these, a quote set off as a sentence right after a sentence
   that opens with a named person, in the same paragraph, is that person's
   (`Holt was blunt. "It is doomed."`); and words quoted as the object of
   what a named subject does in the same clause are that subject's (`Holt
   expressed "deep concern …"`).

A quotation no frame reaches is still a direct quote, with no speaker, when
it reads as someone's words (a clause of its own, or three words or more set
off as a sentence); a span in a naming frame (`dubbed "…"`), a title of a
work and a verbless term mid-sentence are not quotes at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsld.analysis import Analysis
from newsld.model import Entity
from newsld.text.quotations import Quotation
from newsld.text.segment import Segment
from newsld_plugins.quotes.lexicon import (
    CHANNEL_VERBS,
    CLAUSE_VERBS,
    DOCUMENT_NOUNS,
    JUDGING_VERBS,
    POST_QUOTE_VERBS,
    PREPOSITIONS,
    RELATIVES,
    SPEECH_NOUNS,
    SUBJECT_PRONOUNS,
)
from newsld_plugins.quotes.sources import NOBODY, UNNAMED, Source, Sources
from newsld_plugins.quotes.text import WORD, is_verb

__all__ = ["Attributed", "Attribution", "attribute", "short"]

#: Quotes of one or two words are terms or scare quotes, not quotations.
MIN_WORDS = 3
_MAX_TAIL_WORDS = 30
_MAX_GAP_WORDS = 30
# How far back a quote paragraph looks for the speaker it continues.
_CARRY_REACH = 1200
# The most words between a subject and the quote it utters in its own clause.
_MAX_OWN_WORDS = 6
# The most words an attribution standing as a sentence of its own may have.
_MAX_BARE_WORDS = 12
# A quoted name or term, not speech: named the virus "severe acute ...".
_NAMING = re.compile(
    r"\b(?:named|dubbed|nicknamed|titled|entitled|known as|designation|labelled|labeled|"
    r"so-called|slogan|hashtag|motto|banner|headlined|called it the)\s+"
    r"(?:[\w’'-]+\s+){0,6}$"
)
_DASH = re.compile(r"[,.]?\s*[—–]\s*|\s+-\s+")
_ACCORDING_BEFORE = re.compile(r"\b[Aa]ccording to\b|\b[Pp]er\b")
_BEFORE_VERBS = CLAUSE_VERBS | JUDGING_VERBS | POST_QUOTE_VERBS
_PARTICIPLE = re.compile(r"\w+ing$")
# Words that show a quoted stretch is a clause of someone's words, not a term.
_CLAUSE_WORDS = frozenset(
    """
    i we you me us our my your is are was were will would can could should must
    have has had do does did not don't won't can't it's we're i'm they're be been
    """.split()
)


@dataclass
class Attributed:
    """A quotation with its speaker, how sure we are, and whether a frame reached it."""

    quote: Quotation
    speaker: Entity | None
    confidence: float
    attributed: bool
    own: bool = True  # False when the speaker is only carried over from the previous quote
    speech: bool = True  # False for a span in quotation marks that is no one's words


def attribute(analysis: Analysis, quotes: list[Quotation], sources: Sources) -> list[Attributed]:
    """Every quotation with its speaker, in order."""
    return Attribution(analysis, quotes, sources).finish()


class Attribution:
    """The quotations of one article attributed in text order, as far as asked."""

    def __init__(self, analysis: Analysis, quotes: list[Quotation], sources: Sources) -> None:
        self.analysis = analysis
        self.quotes = quotes
        self.sources = sources
        self.done: list[Attributed] = []

    def until(self, offset: int) -> None:
        """Attribute every quotation that starts before `offset`."""
        while len(self.done) < len(self.quotes) and self.quotes[len(self.done)].start < offset:
            self.done.append(self._one(self.quotes[len(self.done)]))

    def finish(self) -> list[Attributed]:
        """Every quotation attributed, with quotes over several paragraphs filled back."""
        self.until(len(self.analysis.body) + 1)
        _back_fill(self.done)
        return self.done

    def _one(self, quote: Quotation) -> Attributed:
        analysis, sources, done = self.analysis, self.sources, self.done
        whole = analysis.sentence_at(quote.text_start) or _whole(analysis, quote)
        sentence = sources.text.window(whole, quote.start)
        lead = analysis.body[max(sentence.start, quote.start - 80) : quote.start]
        if _NAMING.search(lead):
            return Attributed(quote, None, 0.3, False, speech=False)
        found = (
            _after(analysis, quote, sentence, sources)
            or _before(analysis, quote, sentence, sources, done)
            or _next_sentence(analysis, quote, sentence, sources)
        )
        if found is not None:
            source, confidence = found
            sources.discourse.remember(quote.start, source.entity)
            return Attributed(quote, source.entity, confidence, True)
        lead_in = _lead_in(analysis, quote, sources)
        if lead_in is not None:
            sources.discourse.remember(quote.start, lead_in.entity)
            return Attributed(quote, lead_in.entity, 0.75, True)
        if done and _carries_on(analysis.paragraphs, done[-1], quote, sentence):
            return Attributed(quote, done[-1].speaker, 0.75, done[-1].attributed, own=False)
        reported = _after_reported(analysis, quote, sentence, sources) or _previous_speaker(
            analysis, quote, sources
        )
        if reported is not None:
            return Attributed(quote, reported, 0.7, True, own=False)
        subject = _subject_lead(analysis, quote, sentence, sources) or _own_words(
            analysis, quote, sentence, sources
        )
        if subject is not None:
            sources.discourse.remember(quote.start, subject)
            return Attributed(quote, subject, 0.6, True)
        speech = _reads_as_speech(analysis.body, quote, sentence)
        return Attributed(quote, None, 0.4, False, speech=speech)


def _whole(analysis: Analysis, quote: Quotation) -> Segment:
    return Segment(quote.start, quote.end, analysis.body[quote.start : quote.end])


def _after(
    analysis: Analysis, quote: Quotation, sentence: Segment, sources: Sources
) -> tuple[Source, float] | None:
    """`"…," Leavitt told reporters.` / `"…," said Leavitt.`: the frame after the quote."""
    body = analysis.body
    dash = _DASH.match(body, quote.end)
    if dash is not None:
        # `"We lost everything" — Maria Santos, a local shop owner.`
        source = sources.after(dash.end(), sentence.end)
        if source.named:
            return source, 0.8
    stop = min(sentence.end, quote.end + 300)
    words = list(WORD.finditer(body, quote.end, stop))[:_MAX_TAIL_WORDS]
    for index, word in enumerate(words):
        if _breaks(body[quote.end : word.start()], index):
            return None
        text = word.group()
        if text == "according" and index + 1 < len(words) and words[index + 1].group() == "to":
            if _introduced(body, sentence, quote, sources):
                return None  # `X said "…," according to The Tribune`: the channel, not the source
            source = sources.after(words[index + 1].end(), sentence.end)
            return (source, 0.85) if source.found else None
        if not is_verb(body, word, POST_QUOTE_VERBS) or _infinitive(words, index):
            continue
        if text.endswith("ing") and index == 0:
            return None  # `"…," pointing out that …`: the sentence goes on; it does not attribute
        if text.endswith("ing") and _introduced(body, sentence, quote, sources):
            return None  # `Trump says the US "will cut …" the aid, saying …`: the verb before
        if text in CHANNEL_VERBS and _introduced(body, sentence, quote, sources):
            return None  # `X said "…", the BBC reported`: the channel, not the source
        quoted_as = sources.quoted_as(sentence, word)
        if quoted_as is not None:
            return quoted_as, 0.85  # `"…," TASS cited Bogdanov as saying`
        if index == 0:
            source = sources.after(word.end(), sentence.end)
            return (source, 0.9) if source.found else (UNNAMED, 0.6)
        if not _closes_clause(body, quote) and "," not in body[quote.end : word.start()]:
            return None  # `fighting "the good fight" with court cases in swing states`
        source = sources.before(sentence, word.start(), floor=quote.end)
        if not source.found:
            source = sources.after(word.end(), sentence.end)
        return (source, 0.9) if source.found else None
    return None


def _introduced(body: str, sentence: Segment, quote: Quotation, sources: Sources) -> bool:
    """Whether a speech verb a few words before the quote introduces it (`said, "…"`)."""
    verbs = _speech_verbs(body, max(sentence.start, quote.start - 80), quote.start, sources)
    return bool(verbs) and len(WORD.findall(body, verbs[-1].end(), quote.start)) <= 6


def _closes_clause(body: str, quote: Quotation) -> bool:
    """Whether a quote ends its clause, so that its attribution may follow (`"…," X said`)."""
    inside = body[quote.text_end - 1 : quote.text_end]
    outside = body[quote.end : quote.end + 3].lstrip(" ")
    return inside in ",?!." or outside[:1] in (",", "—", "–", "-")


def _next_sentence(
    analysis: Analysis, quote: Quotation, sentence: Segment, sources: Sources
) -> tuple[Source, float] | None:
    """`"We will win." Smith said.`: a sentence that is nothing but an attribution, cut off
    from the quote it follows by the quote's own full stop."""
    body = analysis.body
    if body[quote.end : sentence.end].strip(" .") or sentence.end >= len(body):
        return None
    following = analysis.sentence_at(sentence.end + 1)
    if (
        following is None
        or following.start > sentence.end + 2
        or sources.text.quoted(following.start)
    ):
        return None
    words = list(WORD.finditer(body, following.start, following.end))
    if not words or len(words) > _MAX_BARE_WORDS:
        return None
    verbs = [w for w in words if is_verb(body, w, POST_QUOTE_VERBS)]
    if not verbs or any(w.group() == "that" for w in words):
        return None
    verb = verbs[0]
    rest = WORD.findall(body, verb.end(), following.end)
    if any(w in _CLAUSE_WORDS for w in rest):
        return None  # "Smith said she would appeal.": a clause of its own
    source = sources.before(following, verb.start())
    if not source.found:
        source = sources.after(verb.end(), following.end)
    return (source, 0.7) if source.found else None


def _infinitive(words: list[re.Match[str]], index: int) -> bool:
    """Whether a verb is an infinitive or a participle after a noun ("refused to say")."""
    return index > 0 and words[index - 1].group() in ("to", "not")


def _breaks(between: str, index: int) -> bool:
    """Whether the stretch after a quote leaves its frame (a new quote, a semicolon, a colon)."""
    if any(mark in between for mark in '“"«'):
        return True
    return index > 0 and any(mark in between.strip(" ,;") for mark in ";:")


def _before(
    analysis: Analysis,
    quote: Quotation,
    sentence: Segment,
    sources: Sources,
    done: list[Attributed],
) -> tuple[Source, float] | None:
    """`Leavitt said: "…"`, `accused X of "…"`, `"A," she said, "B."`: the frame before."""
    body = analysis.body
    previous = done[-1] if done and done[-1].quote.end > sentence.start else None
    verbs = _speech_verbs(body, sentence.start, quote.start, sources)
    according = _according_before(body, sentence, quote, sources)
    if according is not None and (not verbs or verbs[-1].start() < according[0]):
        return according[1], 0.85
    if verbs:
        verb = verbs[-1]
        if len(WORD.findall(body, verb.end(), quote.start)) > _MAX_GAP_WORDS:
            return None
        if previous is not None and _between_quotes(body, previous.quote.end, verb, quote.start):
            # `"A," she said, "B."`: the verb attributes the earlier quote; B shares it.
            return Source(previous.speaker), previous.confidence
        return _verb_source(sentence, verb, sources), 0.85
    noun = _speech_noun(body, sentence, quote)
    if noun is not None:
        # `his warning that "…"`, `the ministry's statement: "…"`: the owner of the words.
        source = sources.issuer(sentence.start, *noun, recall=False)
        if source.named:
            return source, 0.75
    head = body[sentence.start : quote.start].rstrip()
    if head.endswith(":"):
        # `The chairwoman put it bluntly: "…"`: the clause's subject speaks.
        source = sources.subject(sentence, quote.start)
        if not source.found:
            source = sources.named_in(sentence.start, quote.start)
        return (source, 0.7) if source.found else None
    return None


def _verb_source(sentence: Segment, verb: re.Match[str], sources: Sources) -> Source:
    """The source of a speech verb before a quote (`saying` takes its clause's subject)."""
    quoted_as = sources.quoted_as(sentence, verb)
    if quoted_as is not None:
        return quoted_as
    if _PARTICIPLE.match(verb.group()):
        # `the ministry said, noting that …`: the participle shares the frame before it.
        source = sources.before(sentence, verb.start())
        if source.found and source.entity is None and not sources.person_before(verb.start()):
            source = NOBODY  # `addressed the difficulty of the talks saying, "…"`: not "the talks"
        if not source.found:
            source = sources.earlier_frame(sentence, verb.start())
        return source if source.found else sources.subject(sentence, verb.start())
    source = sources.before(sentence, verb.start())
    if not source.found:
        source = sources.after(verb.end(), sentence.end)
    return source if source.found else UNNAMED


def _according_before(
    body: str, sentence: Segment, quote: Quotation, sources: Sources
) -> tuple[int, Source] | None:
    """`According to X, "…"`: the last `according to` / `per` phrase before the quote."""
    found = None
    for match in _ACCORDING_BEFORE.finditer(body, sentence.start, quote.start):
        if sources.text.quoted(match.start()):
            continue
        source = sources.after(match.end(), quote.start)
        if source.found:
            found = (match.start(), source)
    return found


def _speech_noun(body: str, sentence: Segment, quote: Quotation) -> tuple[int, int] | None:
    """A noun of speech a few words before a quote (`his warning that "…"`), if one stands."""
    words = list(WORD.finditer(body, max(sentence.start, quote.start - 60), quote.start))[-4:]
    for word in reversed(words):
        if word.group().lower() in SPEECH_NOUNS:
            return word.start(), word.end()
    return None


def _between_quotes(body: str, end: int, verb: re.Match[str], start: int) -> bool:
    """Whether a verb is the attribution set between two quotes (`"A," she said, "B."`).

    Not when a clause of its own follows (`"A", to which he replied that he would "B"`).
    """
    if verb.start() < end or not body[end - 2 : end + 1].strip(" “”\"'‘’").startswith(","):
        return False
    others = [w for w in WORD.findall(body, end, verb.start()) if w in POST_QUOTE_VERBS]
    if others:
        return False  # `"A," Scholz said, before Macron added: "B"`: B has a frame of its own
    return (
        len(WORD.findall(body, end, verb.start())) <= 6
        and len(WORD.findall(body, verb.end(), start)) <= 4
    )


def _carries_on(
    paragraphs: list[Segment], previous: Attributed, quote: Quotation, sentence: Segment
) -> bool:
    """Whether a quote with no frame continues the previous one's speaker.

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


def _lead_in(analysis: Analysis, quote: Quotation, sources: Sources) -> Source | None:
    """`The minister said:` closing one paragraph, the quote opening the next."""
    paragraphs = analysis.paragraphs
    here = _paragraph_index(paragraphs, quote.start)
    if here == 0 or paragraphs[here].start != quote.start:
        return None
    previous = paragraphs[here - 1]
    closing = analysis.body[previous.start : previous.end].rstrip()
    if not closing.endswith((":", ".")):
        return None
    end = previous.start + len(closing) - 1
    sentence = analysis.sentence_at(end - 1)
    if sentence is None:
        return None
    verbs = _speech_verbs(analysis.body, sentence.start, end, sources)
    if closing.endswith("."):
        # "Resident Abdul Hameed describes the tragedy." / "…": a named speaker's verb with
        # no words of its own closes the paragraph before the quote.
        if not verbs or sources.text.quoted(end - 1):
            return None
        source = _verb_source(sentence, verbs[0], sources)  # the main clause's, not "adding
        return source if source.entity is not None else None  # that they claimed"
    source = _verb_source(sentence, verbs[-1], sources) if verbs else sources.subject(sentence, end)
    return source if source.found else None


def _speech_verbs(body: str, start: int, end: int, sources: Sources) -> list[re.Match[str]]:
    """The verbs that can introduce a quotation between two offsets, outside quotes; not
    a participle after a document's noun (`said in a statement posted online it "…"`)."""
    return [
        v
        for v in WORD.finditer(body, start, end)
        if is_verb(body, v, _BEFORE_VERBS)
        and not sources.text.quoted(v.start())
        and not _after_document(body, start, v)
    ]


def _after_document(body: str, start: int, verb: re.Match[str]) -> bool:
    """Whether a past participle qualifies the document's noun before it, a preposition
    after it (`a statement posted to Twitter`; not `The statement added that`)."""
    if not verb.group().endswith("ed"):
        return False
    before = WORD.findall(body, max(start, verb.start() - 20), verb.start())
    after = WORD.match(body, verb.end() + 1)
    return (
        bool(before)
        and before[-1].lower() in DOCUMENT_NOUNS | SPEECH_NOUNS
        and after is not None
        and (after.group() in PREPOSITIONS or after.group() == "online")
    )


def _after_reported(
    analysis: Analysis, quote: Quotation, sentence: Segment, sources: Sources
) -> Entity | None:
    """A quote opening its sentence right after a sentence in which a named source spoke
    (`Jim Cole said it was a case of guilt by association. "The verdict is …"`), or a quote
    paragraph after a paragraph that ends with such a sentence."""
    if sentence.start != quote.start:
        return None
    before = analysis.body[: sentence.start].rstrip()  # past the space or paragraph break
    previous = analysis.sentence_at(len(before) - 1) if before else None
    spoken = sources.discourse.last_spoken(quote.start)
    if previous is None or spoken is None or not previous.start <= spoken[0] < previous.end:
        return None
    return spoken[1]


def _subject_lead(
    analysis: Analysis, quote: Quotation, sentence: Segment, sources: Sources
) -> Entity | None:
    """A quote set off as a sentence of its own right after a sentence about a named
    person, in the same paragraph (`Holt was blunt. "It is doomed."`): that person."""
    if sentence.start != quote.start:
        return None
    before = analysis.body[: sentence.start].rstrip()
    previous = analysis.sentence_at(len(before) - 1) if before else None
    if previous is None or "\n" in analysis.body[previous.end : sentence.start]:
        return None
    if any(q.start < previous.end and q.end > previous.start for q in sources.text.quotes):
        return None
    source = sources.subject(previous, previous.end)
    if source.mention is None:
        return None
    # the name opens the sentence, after its title or an opening phrase ("Asked about
    # it, Holt shook her head."); not "Police arrested Tom Hale."
    lead = analysis.body[previous.start : source.mention.start].rstrip()
    if lead and not lead.endswith(",") and not all(w[:1].isupper() for w in WORD.findall(lead)):
        return None
    entity = source.entity
    return entity if entity is not None and entity.type == "Person" else None


def _own_words(
    analysis: Analysis, quote: Quotation, sentence: Segment, sources: Sources
) -> Entity | None:
    """Words quoted as the object of what a named subject did in the same clause are that
    subject's (`Holt expressed "deep concern …"`, `Holt spoke of "a disaster …"`); not
    after a relative pronoun or another name (`… the man who called it "…"`)."""
    if sentence.start == quote.start or short(quote):
        return None
    source = sources.subject(sentence, quote.start)
    mention = source.mention
    if mention is None or source.entity is None or not mention.subject:
        return None
    lead = analysis.body[sentence.start : mention.start].rstrip()
    if lead and not lead.endswith(",") and not all(w[:1].isupper() for w in WORD.findall(lead)):
        return None  # the subject opens the sentence, or the clause after an opening phrase
    between = analysis.body[mention.end : quote.start]
    words = [w.lower() for w in WORD.findall(between)]
    if not words or len(words) > _MAX_OWN_WORDS or any(w in RELATIVES for w in words):
        return None
    if "," in between or any(
        m.entity is not None for m in sources.mentions.between(mention.end, quote.start)
    ):
        return None
    return source.entity


def _previous_speaker(analysis: Analysis, quote: Quotation, sources: Sources) -> Entity | None:
    """A quote paragraph with no frame of its own belongs to the previous speaker, when
    nothing between them made someone else the subject (`"A," said Smith.` / `Smith lost
    his home in the flood.` / `"B."`)."""
    paragraphs = analysis.paragraphs
    if paragraphs[_paragraph_index(paragraphs, quote.start)].start != quote.start:
        return None
    spoken = sources.discourse.last_spoken(quote.start)
    if spoken is None or quote.start - spoken[0] > _CARRY_REACH:
        return None
    at, speaker = spoken
    if speaker is None:
        return None  # the previous speaker was unnamed
    for mention in sources.mentions.between(at, quote.start):
        other = mention.entity is not None and mention.entity is not speaker
        if mention.subject and not mention.quoted and other:
            return None  # someone else became the subject in between
    return speaker


def _paragraph_index(paragraphs: list[Segment], offset: int) -> int:
    low, high = 0, len(paragraphs)
    while low < high:
        middle = (low + high) // 2
        if paragraphs[middle].end <= offset:
            low = middle + 1
        else:
            high = middle
    return min(low, len(paragraphs) - 1)


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
            previous.speech = True


def _reads_as_speech(body: str, quote: Quotation, sentence: Segment) -> bool:
    """Whether an unattributed quotation reads as someone's words rather than a term.

    Set off as a sentence (or after a colon or dash) it is speech; inside a
    sentence it must hold a clause ("we will not back down"), not just name
    something ("the special military operation").
    """
    lead = body[sentence.start : quote.start].strip()
    if not lead or lead.endswith((":", "—", "–", "-")):
        return True
    words = [w.lower() for w in WORD.findall(quote.text)]
    if any(w in _CLAUSE_WORDS or w in SUBJECT_PRONOUNS for w in words):
        return True
    return len(words) >= 8 and words[0] not in PREPOSITIONS


def short(quote: Quotation) -> bool:
    """Whether a quote is a term, a scare quote or a title rather than someone's words."""
    return quote.words < MIN_WORDS or _is_title(quote.text)


# A short span whose every main word is capitalised, with no sentence in it,
# names a work or a programme ("appeared on “Face the Nation”", "the song
# “Born in the U.S.A.”"): the gold leaves titles out, and so does newsld.
_TITLE_WORD = re.compile(r"[A-Z0-9][\w'’.&:-]*")
_MINOR_WORDS = frozenset("a an and as at but by for in of on or the to vs with from".split())
MAX_TITLE_WORDS = 8


def _is_title(text: str) -> bool:
    text = text.strip(" ,.;:!?")
    words = text.split()
    if not words or len(words) > MAX_TITLE_WORDS or any(c in text for c in ".!?,;"):
        return False
    if not _TITLE_WORD.fullmatch(words[0]):
        return False
    return all(_TITLE_WORD.fullmatch(w) or w in _MINOR_WORDS for w in words[1:])
