"""Who a source phrase names: the subject of a speech verb read into a speaker.

News copy names the source in a few set places, and each is read the same
way, by its head word:

- before the verb, past adverbs, a parenthesis, an apposition or a relative
  clause (`Roe, who chairs the committee, told reporters`, `The chairwoman,
  Lisa Grant, said`, `Hotak also alleged`); a relative pronoun standing for
  the subject (`Roe, who said last week that ...`) is read back to its noun;
- after the verb, past titles, determiners and possessors (`said state
  Attorney General Jane Roe`, `writes the victim's partner John Doe`,
  `said Israel's ambassador Gilad Erdan`);
- after `according to` or `per` (`according to Mexican President X`,
  `according to data from the statistics office`).

The head decides. A name is the speaker, unless it is the object of a
preposition (`Maria Lopez of the World Food Programme` → Maria Lopez). A
document (`the ministry's statement`, `its website`, `a report from the
agency`) speaks for its issuer: its possessor, its `from`/`by` phrase, or
the issuer the article named before. People left unnamed (`US officials`,
`a State Department spokesman`, `witnesses`) and bare groups (`police`) are
read as unnamed sources: the phrase is there, the speaker is None. A pronoun
is the person or organisation it points back to, preferring the speaker
the article quoted last when that one is nearer than the mentions layer's
antecedent (`"…," said Dr. Helen Park. She told the station that …`).

Left out on purpose: coordinated subjects (`X and Y said`) take the first
name; a source named only after its words in a later sentence is never
linked forward (the README's rule).

The words of the article are indexed once in `text.py`; what pronouns and
descriptions point back to is in `discourse.py`.
"""

from __future__ import annotations

import bisect
import re

from newsld.analysis import Analysis
from newsld.model import Entity
from newsld.text.entities import Mention, Mentions, is_acronym
from newsld.text.gazetteer import demonym_country
from newsld.text.quotations import Quotation
from newsld.text.segment import Segment
from newsld_plugins.quotes.discourse import DISCOURSE_REACH, NOBODY, UNNAMED, Discourse, Source
from newsld_plugins.quotes.groups import NOT_ANCHORS, Groups
from newsld_plugins.quotes.lexicon import (
    ADVERBS_BETWEEN,
    DESCRIPTORS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    NAME_FINAL_ABBREVIATIONS,
    PERSON_NOUNS,
    POSSESSIVE_PRONOUNS,
    POST_QUOTE_VERBS,
    PREPOSITIONS,
    RELATIVES,
    UNNAMED_PEOPLE,
    WEEKDAYS,
)
from newsld_plugins.quotes.text import POSSESSIVE_MARK, WORD, Text, adverb, finite, is_verb

__all__ = ["NOBODY", "UNNAMED", "Source", "Sources"]

# How far back from a verb a subject phrase is looked for (keeps every look-up bounded).
_REACH = 320
# The most words a phrase after a verb may take before its head ("said state Attorney
# General Jane Roe").
_MAX_AFTER = 9
# A document's issuer after it: "a statement from the ministry", "figures released by X".
_ISSUED_BY = re.compile(
    r"(?:,?\s+(?:issued|released|published|compiled|posted|put out|provided|sent)\s+|\s+)"
    r"(?:from|by|of|for)\s+(?:[Tt]he\s+)?"
)
# The issuer's act, for a later "the statement": "X released a statement saying".
_ISSUED = re.compile(
    r"\b(?:released|issued|published|put out|sent|posted|shared) (?:a|an|its|the|his|her|their) "
    r"(?:\w+ ){0,2}(?:statement|report|letter|message|note|notice|communiqu[eé]|decree)"
)
# Words that open an introductory phrase before a subject ("However, ...", "Meanwhile, ...").
_INTRODUCERS = frozenset(
    "however meanwhile also still yet separately earlier later today yesterday "
    "overall instead nevertheless".split()
)
# Two to four capitalised words ending a phrase: "Mar Sophal," / "Ana Lopez."
_NAME_RUN = re.compile(r"((?:[A-Z][a-z’'-]+ ){0,3}[A-Z][a-z’'-]+)(?=\s*[,.;]|\s*$)")
# Capitalised words after a verb that are never a surname ("said Monday", "said Thursday").
_NOT_SURNAMES = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tonight
    January February March April May June July August September October November December
    Earlier Later Again Afterwards Then Too
    """.split()
)
# Capitalised words that open a sentence or a clause, never a name an institution is known by.
# ", who began sobbing and": the last relative clause opened before a coordinated verb.
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which)\b(?!.*,\s+(?:who|which)\b)[^,;:]*$")
# Capitalised words in -ing that are not participles opening a sentence.
_NOT_INTRODUCING = frozenset("during according including beijing nothing something".split())
_PARTITIVES = frozenset("one some many several two three each either neither".split())
_SUBJECT_KINDS = frozenset({"person", "pronoun", "role", "organization", "country"})
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|did|does)\b")
# "State television quoted He Biao, director of ..., as saying": the quoted one speaks.
_QUOTED_AS = re.compile(
    r"\b(?:quoted|quotes|reported|cited|cites|heard|recorded|paraphrased) (.{1,160}?),? as $"
)
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "i", "we"})
_ORG_PRONOUNS = frozenset({"it", "its", "they", "their", "them"})


_ACRONYM_AFTER = re.compile(r" \(([A-Z][A-Za-z.&-]{1,9})\)")

# Words that open a subordinate clause inside an apposition.
_SUBORDINATORS = frozenset("because since although though while after before when if as".split())
# The most words of title between a body and the name of its person ("National Federation
# Party leader and Opposition MP Professor Biman Prasad").
_TITLE_WORDS = 6
#: The most words an apposition left open before its verb may have.
_MAX_APPOSITION = 16

_NOT_ONE_PERSON = frozenset("people men women staff many some someone anyone nobody".split())
#: One person by role ("the launch director"), never a group or "others".
_SINGULAR_ROLES = (
    frozenset(w for w in PERSON_NOUNS if not w.endswith("s") or w.endswith("ss")) - _NOT_ONE_PERSON
)
#: One unnamed person, who may be the speaker just quoted, described again.
_SINGULAR_PEOPLE = _SINGULAR_ROLES & UNNAMED_PEOPLE


#: A noun shaped like one for a person by what they do ("batsman", "bowler", "guitarist").
_PERSON_SHAPED = re.compile(r"(?:[a-z]{3}(?:man|woman)|[a-z]{3}(?:er|or|ist|ian))$")


def _plain_definite(phrase: str) -> bool:
    """ "the top government spokesman": "the" and plain lower-case words, no owner."""
    words = phrase.split()
    return (
        len(words) <= 5
        and words[0] in ("the", "The")
        and all(w.isalpha() and w.islower() for w in words[1:])
    )


class Sources:
    """Source phrases of one article: the subject of each speech frame read into a speaker."""

    def __init__(self, analysis: Analysis, mentions: Mentions, quotes: list[Quotation]) -> None:
        self.analysis = analysis
        self.body = analysis.body
        self.mentions = mentions
        self.text = Text(analysis, quotes)
        self.discourse = Discourse(analysis, mentions, self.text)
        self.groups = Groups(analysis, mentions, self.text, self.discourse)
        self._issued = [m.start() for m in _ISSUED.finditer(self.body)]
        self._looking_back = False  # reading the sentence before a pronoun's

    def before(self, sentence: Segment, verb: int, floor: int | None = None) -> Source:
        """The subject of the verb at `verb`, read leftwards within its sentence.

        `floor` bounds the look (the end of a quote the verb follows).
        """
        floor = max(sentence.start, verb - _REACH, floor if floor is not None else 0)
        end = self._skip_between(floor, verb)
        previous = self.text.word_before(floor, end)
        if previous is None:
            return NOBODY
        if previous[2].lower() in RELATIVES and previous[2].lower() != "that":
            # "Roe, who said last week that ...": the relative stands for the noun before it.
            return self.head(floor, self.text.skip_back(floor, previous[0], ","))
        if previous[2] in ("and", "but", "or"):
            # "He continued to advise ... and said": the coordinated verb shares the subject;
            # "family members, who began sobbing and called out": the relative's noun.
            relative = _RELATIVE_CLAUSE.search(self.body, floor, previous[0])
            if relative is not None:
                return self.head(floor, relative.start())
            return self.subject(sentence, verb)
        if previous[2] == "to":
            # "She went on to say": the subject of the verb the infinitive completes.
            return self.nearest_subject(floor, previous[0])
        if self.body[previous[1] : end].strip().endswith(","):
            return self._inserted(floor, end)  # "Angell, director of the force (JCF), said"
        gap = self.body[previous[1] : end].strip()
        if gap[-1:] in ("—", "–") or self.body[max(floor, end - 3) : end].strip() == "-":
            # "Tom Hart — who has led the group since 2010 — said": the insertion's dashes
            opening = max(self.body.rfind(d, floor, previous[0]) for d in ("—", "–", " - "))
            if opening > floor:
                return self.head(floor, self.text.skip_back(floor, opening, ""))
        source = self.head(floor, end)
        if source.entity is None or source.entity.type != "Person":
            return self._unclosed_apposition(floor, end) or source
        return source

    def _unclosed_apposition(self, floor: int, end: int) -> Source | None:
        """`X, head of mission of the observers said`: an apposition the writer did not
        close with a comma; the name before it speaks, not the body it names."""
        comma = self.body.rfind(", ", floor, end)
        if comma < 0 or len(WORD.findall(self.body, comma, end)) > _MAX_APPOSITION:
            return None
        first = WORD.search(self.body, comma, end)
        if first is not None and first.group() in ("the", "a", "an"):
            first = WORD.search(self.body, first.end(), end)  # "X, the head of the commission said"
        if first is None or first.group() not in PERSON_NOUNS:
            return None
        mention = self.mentions.ending_at(comma)
        if mention is None or mention.kind != "person" or mention.entity is None:
            return None
        return Source(mention.entity, True, mention)

    def _skip_between(self, floor: int, end: int) -> int:
        """Back past adverbs, auxiliaries and a parenthesis between a subject and its verb."""
        while end > floor:
            stripped = self.body[floor:end].rstrip()
            if stripped.endswith(")"):
                opening = stripped.rfind("(")
                if opening < 0:
                    return floor + len(stripped)
                end = floor + opening
                continue
            word = self.text.word_before(floor, floor + len(stripped))
            abbreviation = word is not None and word[2].lower() in NAME_FINAL_ABBREVIATIONS
            last = floor + len(stripped) - 1
            dotted = stripped.endswith(".") and word is not None and word[1] == last
            if abbreviation and dotted and word is not None:
                return word[1]  # "Acme Corp. said", "Kennedy Jr. told": the name's end
            if word is None or word[1] != floor + len(stripped):
                return floor + len(stripped)
            if self.mentions.ending_at(word[1]) is not None:
                return word[1]  # "Mr Still told": a name, not the adverb "still"
            if word[2].lower() in ADVERBS_BETWEEN or adverb(word[2]):
                end = word[0]
                if word[2] in WEEKDAYS:  # "Das on Friday said": the day with its "on"
                    on = self.text.word_before(floor, end)
                    if on is not None and on[2] in ("on", "last", "early", "late"):
                        end = on[0]
                continue
            return floor + len(stripped)
        return end

    def _inserted(self, floor: int, end: int) -> Source:
        """The subject before a run of insertions set off by commas.

        `Roe, who chairs the committee and has long opposed the bill, told`,
        `The account for X, which replaced Y, hosted by Z, tweeted`: each
        segment that reads as an insertion (a relative clause, a participle
        phrase, an age, an apposition) is peeled off from the verb back, and
        the segment left is the subject. `The chairwoman of the council, Lisa
        Grant, said`: a name in the apposition beats an unnamed role before it.
        """
        peeled = self.peel(floor, end)
        return peeled[0] if peeled is not None else NOBODY

    def peel(self, floor: int, end: int) -> tuple[Source, int] | None:
        """The subject before the insertions that end at `end`, and where its segment starts.

        None when no insertion stands before `end` (`CLAUSE, said X`: the source
        comes after the verb).
        """
        segments = self._segments(floor, end)
        index = len(segments) - 1
        while index > 0 and self._insertion(segments[index], segments[index - 1]):
            index -= 1
        if index == len(segments) - 1:
            return None
        subject_start, subject_end = segments[index]
        ending = self.mentions.ending_at(self.text.skip_back(subject_start, subject_end, ""))
        named_last = ending is not None and ending.kind == "person" and not ending.quoted
        if self._introductory(subject_start, subject_end) and not named_last:
            # "In a statement, the ministry, ..."; not "Addressing reporters Minister Kumar,
            # in Udupi, said", whose opening phrase runs into the subject with no comma
            subject_start, subject_end = segments[index + 1]
            index += 1
        first = WORD.search(self.body, subject_start, subject_end)
        opened = index > 0 and self._introductory(*segments[index - 1])
        indefinite = first is not None and first.group() in ("a", "an")
        if opened and indefinite and index + 1 < len(segments):
            # "In an interview with Público, a Spanish newspaper, the prime minister, X,
            # said": the indefinite apposition renames the opening phrase's noun
            subject_start, subject_end = segments[index + 1]
            index += 1
        inner = NOBODY
        if index + 1 < len(segments) and self._apposition(segments[index + 1]):
            inner = self.named_in(*segments[index + 1])
        outer = self.head(subject_start, self.text.skip_back(subject_start, subject_end, ""))
        if not outer.named:
            # "Biden, speaking in Delaware, said": a subject that is nothing but a name
            start = self.text.next_word(subject_start)
            whole = _NAME_RUN.fullmatch(
                self.body, start, self.text.skip_back(start, subject_end, "")
            )
            named = self._name_run(start, subject_end + 1, alone=True) if whole else None
            outer = named or outer
        if outer.mention is not None and outer.mention.kind == "person" and _is_person(outer):
            return outer, subject_start  # "Lisa Grant, chairwoman of the council, said"
        if inner.named and _is_person(inner):
            return inner, subject_start  # "The director of the society, Bob Hughes, said"
        return (outer if outer.found else inner), subject_start

    def _segments(self, floor: int, end: int) -> list[tuple[int, int]]:
        """The stretches between commas (outside quotes) from `floor` to the comma before `end`."""
        closing = self.body.rfind(",", floor, end)
        cuts = [floor]
        comma = self.body.find(",", floor, closing)
        while 0 <= comma < closing:
            if not self.text.quoted(comma):
                cuts.append(comma + 1)
            comma = self.body.find(",", comma + 1, closing)
        bounds = [*cuts, closing + 1]
        return [(bounds[i], bounds[i + 1] - 1) for i in range(len(bounds) - 1)]

    def _insertion(self, segment: tuple[int, int], previous: tuple[int, int]) -> bool:
        """Whether a comma-set segment is inserted after a noun rather than a clause of its own."""
        words = WORD.findall(self.body, *segment)
        if not words or len(words) > 24:
            return False
        first = words[0]
        lower = first.lower()
        if lower in RELATIVES and lower != "that":
            return True  # "who chairs the committee"
        is_adverb = lower in ADVERBS_BETWEEN or lower in _INTRODUCERS or adverb(lower)
        if len(words) == 1 and is_adverb:
            return True  # "Costa, however, cautioned"
        if first.islower() and first.endswith(("ed", "ing")) and lower not in FUNCTION_WORDS:
            return True  # "hosted by Bernard McGuirk", "speaking at the summit"
        if first.isdigit() and len(words) <= 3:
            return True  # "Roe, 54, said"
        if len(words) > 20:
            return False
        if self._introductory(*previous):
            # "Addressing reporters Minister Kumar, in Udupi, said": a name ends the opening
            # phrase that ran into it; else the segment after an opening phrase is no insertion
            ending = self.mentions.ending_at(
                previous[0] + len(self.body[slice(*previous)].rstrip())
            )
            return ending is not None and ending.kind == "person" and lower in PREPOSITIONS
        # "the target of criticism because he has based himself in Boston": the finite verb
        # of a relative or subordinate clause inside the apposition is not its own
        own = words[
            : next(
                (i for i, w in enumerate(words) if w in RELATIVES or w in _SUBORDINATORS),
                len(words),
            )
        ]
        if any(finite(w) for w in own):
            return False  # "against Russia, the ministry said": a clause, not an apposition
        before = self.body[previous[0] : previous[1]].rstrip()
        if not before or before[-1:] in ')"”':
            return False
        named_before = self.mentions.ending_at(previous[0] + len(before)) is not None
        if lower in DETERMINERS or lower in ("a", "an"):
            return True  # "Leavitt, the press secretary, said"
        if self._opens_name(segment):
            # "The chairwoman, Lisa Grant, said": a name renames a person noun or a name,
            # never "the doors" of a clause before it.
            head = WORD.findall(before[-40:])[-1:]
            person_noun = bool(head) and (
                head[0].lower() in PERSON_NOUNS
                or head[0][:1].isupper()
                or _PERSON_SHAPED.search(head[0]) is not None  # "one protester, Jane Smith,"
            )
            lead = WORD.findall(before)
            if not person_noun and not any(finite(w) for w in lead):
                # "One of the attorneys handling the lawsuit, Shannon Minter, said"
                person_noun = any(w.lower() in PERSON_NOUNS for w in lead[:6])
            return named_before or person_noun or self._noun_phrase(previous)
        return named_before  # "Lisa Grant, chairwoman of the council, said"

    def _noun_phrase(self, segment: tuple[int, int]) -> bool:
        """Whether a segment is a noun phrase alone ("The main opposition candidate")."""
        words = WORD.findall(self.body, *segment)
        if not words or len(words) > 8 or words[0].lower() not in DETERMINERS:
            return False
        return not any(finite(w) for w in words)

    def _opens_name(self, segment: tuple[int, int]) -> bool:
        """Whether a segment opens with a name, titles allowed before it ("Dr. Anthony Fauci")."""
        for count, word in enumerate(WORD.finditer(self.body, *segment)):
            if self.mentions.starting_at(word.start()) is not None:
                return True
            if count >= 2 or not word.group()[:1].isupper():
                return False
        return False

    def _apposition(self, segment: tuple[int, int]) -> bool:
        """Whether an inserted segment renames the noun before it (not a relative clause)."""
        first = WORD.search(self.body, *segment)
        if first is None:
            return False
        lower = first.group().lower()
        return not (
            lower in RELATIVES or (first.group().islower() and lower.endswith(("ed", "ing")))
        )

    def _introductory(self, start: int, end: int) -> bool:
        """Whether a segment is an introductory phrase ("In a statement", "On Monday")."""
        first = WORD.search(self.body, start, end)
        if first is None:
            return True
        lower = first.group().lower()
        following = WORD.search(self.body, first.end(), end)
        participle = lower.endswith("ing") and lower not in _NOT_INTRODUCING
        if participle and following is not None and following.group().islower():
            return True  # "Writing on Facebook, the mayor, Juan Perez, said" (not "Iing Kusnadi")
        return lower in PREPOSITIONS or lower in _INTRODUCERS

    def subject(self, sentence: Segment, before: int) -> Source:
        """The sentence's subject: its first person or organisation, before any verb of its own.

        For a participle (`Trump spoke on Monday, saying ...`) and a colon frame
        (`The chairwoman put it bluntly: "…"`).
        """
        group = self._opening_group(sentence, before)
        if group is not None:
            return group  # "Police did not give a motive, saying …": the force named before
        for mention in self.mentions.between(sentence.start, before):
            if mention.quoted or mention.kind not in _SUBJECT_KINDS:
                continue
            auxiliaries = _AUXILIARY.finditer(self.body, sentence.start, mention.start)
            if any(not self.text.quoted(m.start()) for m in auxiliaries):
                return UNNAMED  # "The attacker is reported to ... and claimed": unnamed
            if self.text.preposition_before(sentence.start, mention.start) is not None:
                continue
            if POSSESSIVE_MARK.match(self.body, mention.end):
                continue
            if self.body.startswith("-", mention.end):
                continue  # "The U.S.-based Committee …", "Iran-backed rebels": a modifier
            if mention.kind != "person" and self._name_follows(mention.end, before):
                continue  # "Indian Foreign Ministry spokesman Randhir Jaiswal rejected ..."
            return self._from_mention(sentence.start, mention)
        return NOBODY

    def _opening_group(self, sentence: Segment, before: int) -> Source | None:
        """A bare group noun that opens the sentence as its subject ("Police", "The
        ministry"), read as `the police` is (the one named before, else unnamed)."""
        words = self.text.words(sentence.start, min(before, sentence.start + 40))[:3]
        texts = [self.body[a:b] for a, b in words]
        index = 1 if texts[:1] == ["The"] else 0
        if len(texts) < index + 2 or texts[index].lower() not in GROUP_NOUNS:
            return None
        if self.mentions.starting_at(words[0][0]) is not None:
            return None  # "Police Scotland said": a name
        follower = texts[index + 1]
        if not follower.islower() or follower in PERSON_NOUNS | GROUP_NOUNS:
            return None  # "Police chief Ana Ruiz", "Police officers"
        return self.groups.named(texts[index].lower(), words[index][0])

    def nearest_subject(self, floor: int, before: int) -> Source:
        """The last person, organisation or country before `before` that can be a subject."""
        for mention in reversed(self.mentions.between(floor, before)):
            if mention.quoted or mention.kind not in _SUBJECT_KINDS:
                continue
            if POSSESSIVE_MARK.match(self.body, mention.end):
                continue
            if self.text.preposition_before(floor, mention.start) is not None:
                continue
            return self._from_mention(floor, mention)
        return NOBODY

    def earlier_frame(self, sentence: Segment, verb: int) -> Source:
        """The source of the last finite speech verb before `verb` in its sentence.

        A participle adding a clause speaks for the same source: `…, the ministry
        said, noting that …`, `Roe told reporters the vote would fail, adding …`.
        """
        last = None
        for match in WORD.finditer(self.body, sentence.start, verb):
            word = match.group()
            finite = is_verb(self.body, match, POST_QUOTE_VERBS) and not word.endswith("ing")
            if finite and not self.text.quoted(match.start()):
                last = match
        if last is None:
            return NOBODY
        source = self.before(sentence, last.start())
        return source if source.found else self.after(last.end(), verb)

    def quoted_as(self, sentence: Segment, verb: re.Match[str]) -> Source | None:
        """`X quoted Y as saying ...`: Y is the speaker, not the subject."""
        if verb.group() not in ("saying", "telling", "adding", "writing", "warning"):
            return None
        match = _QUOTED_AS.search(self.body, max(sentence.start, verb.start() - 200), verb.start())
        if match is None:
            return None
        source = self.after(match.start(1), verb.start())
        return source if source.found else None

    def head(self, floor: int, end: int) -> Source:
        """The source a noun phrase ending at `end` names, read from its head word."""
        mention = self.mentions.ending_at(end) or self._before_letters(floor, end)
        if mention is not None:
            first = self._first_conjunct(floor, mention.start)
            if first is not None and mention.kind in ("person", "organization", "country"):
                return first  # "Scholz and Macron said": the first named speaks for both
            return self._from_mention(floor, mention)
        word = self.text.word_before(floor, end)
        if word is None or word[1] != end:
            return NOBODY
        start, _, text = word
        lower = text.lower()
        preposition = self.text.preposition_before(floor, start, adjectives=2)
        if text[:1].isupper():
            group = self.groups.in_place(floor, self.groups.name_start(floor, start), end)
            if group is not None:
                return group  # "Fire authorities in Western Australia say"
        if preposition is not None and lower not in _ORG_PRONOUNS | _PERSON_PRONOUNS:
            outer = self.head(floor, self.text.skip_back(floor, preposition, ""))
            if outer.found:
                return outer  # "The family's statement on the death read"
        if lower in _ORG_PRONOUNS or lower in _PERSON_PRONOUNS:
            previous = self._previous_subject(start) if text in ("It", "They") else None
            if previous is not None:
                return previous  # "The ministry posted a photo. It said …": the ministry
            return self.discourse.pronoun(lower, start)
        if lower in DOCUMENT_NOUNS:
            return self.issuer(floor, start, end)
        if lower in GROUP_NOUNS:
            acronym = _ACRONYM_AFTER.match(self.body, end)
            named = self.mentions.starting_at(acronym.start(1)) if acronym else None
            if named is not None and named.entity is not None:
                return Source(named.entity, True, named)  # "the ... agency (AFAD) said"
            return self.groups.identified(floor, start, end) or self.groups.named(lower, start)
        if lower in PERSON_NOUNS and text[:1].isupper() and self._bare_title(floor, start):
            titled = self.discourse.titled(start, lower)
            if titled is not None:
                return titled  # '"…," Information Minister said.'
        if lower in UNNAMED_PEOPLE:
            if self._definite(floor, start):
                titled = self.discourse.titled(start, lower, self._country_before(floor, start))
                if titled is not None:
                    return titled  # "the Russian minister told reporters"
            if lower in _SINGULAR_PEOPLE and self._described(floor, start):
                renamed = self.discourse.renamed_speaker(start)
                if renamed is not None:
                    return renamed  # "…," the top government spokesman said.
            return self._first_conjunct(floor, start) or UNNAMED
        if lower in FUNCTION_WORDS or lower in PREPOSITIONS or adverb(lower):
            return NOBODY
        if lower in DESCRIPTORS and self._after_role(floor, start):
            titled = self.discourse.titled(start, lower)
            if titled is not None:
                return titled  # "the chief justice asked": whose title says justice
        if (lower in DESCRIPTORS or lower.endswith("-old")) and self._definite(floor, start):
            return self.discourse.described(
                start, lower
            )  # "the 45-year-old said", "the coach said"
        national = self.groups.national(floor, start, end)
        if national is not None:
            return national  # "the health ministry in the besieged Palestinian territory said"
        if (
            _PERSON_SHAPED.search(lower)
            and self._described(floor, start)
            and self.text.preposition_before(floor, start, adjectives=3) is None
        ):
            return self.discourse.described(start, lower)  # "the young batsman also said"
        if self._definite(floor, start):
            renamed = self.groups.named_by_noun(lower, start)
            if renamed is not None:
                return renamed  # "news portal Newsfirst reported ... the portal said"
        if text[:1].isupper() or self.text.after_determiner(floor, start):
            return UNNAMED  # "Police said", "a company said" with nothing it points back to
        return NOBODY

    def _bare_title(self, floor: int, start: int) -> bool:
        """Whether a capitalised role word stands as a title with no article or name
        ("Information Minister said", "Minister said"), not opening its sentence."""
        if self.text.sentence_start(start) == start:
            return False
        word = self.text.adjacent_word(floor, start)
        while word is not None and word[2][:1].isupper():
            word = self.text.adjacent_word(floor, word[0])
        return word is None or word[2].lower() not in DETERMINERS | {"a", "an"}

    def _described(self, floor: int, start: int) -> bool:
        """Whether the word at `start` heads "the" and plain lower-case words only ("the
        top government spokesman"; not "the ministry's spokesman", "the State Department
        official", whose unnamed people belong to someone else)."""
        edge = start
        for _ in range(4):
            word = self.text.adjacent_word(floor, edge)
            if word is None:
                return False
            if word[2] in ("the", "The"):
                return True
            lower = word[2]
            if not lower.islower() or lower in FUNCTION_WORDS | PREPOSITIONS or "'" in lower:
                return False
            if "’" in lower or self.mentions.ending_at(word[1]) is not None:
                return False
            edge = word[0]
        return False

    def _country_before(self, floor: int, start: int) -> Entity | None:
        """The country a demonym right before a noun names ("the Ivorian leader")."""
        word = self.text.adjacent_word(floor, start)
        if word is None:
            return None
        mention = self.mentions.ending_at(word[1])
        if mention is not None and mention.kind == "country":
            return mention.entity
        country = demonym_country(word[2])
        return self.analysis.entities.find(country.name, "Country") if country else None

    def _before_letters(self, floor: int, end: int) -> Mention | None:
        """A person named before letters after the name ("Ronald Thwaites QC")."""
        word = self.text.word_before(floor, end)
        if word is None or word[1] != end or not (2 <= len(word[2]) <= 4 and word[2].isupper()):
            return None
        mention = self.mentions.ending_at(self.text.skip_back(floor, word[0], ""))
        return mention if mention is not None and mention.kind == "person" else None

    def _after_role(self, floor: int, start: int) -> bool:
        """Whether a role noun phrase ends right before the word at `start` ("the chief"
        before "justice")."""
        word = self.text.adjacent_word(floor, start)
        mention = self.mentions.ending_at(word[1]) if word is not None else None
        return mention is not None and mention.kind == "role"

    def _definite(self, floor: int, start: int) -> bool:
        """Whether the word at `start` is the head of "the" and at most one word before it."""
        word = self.text.adjacent_word(floor, start)
        if word is not None and word[2] not in ("the", "The"):
            modifier = word[2].lower() not in FUNCTION_WORDS | PREPOSITIONS
            name = self.mentions.ending_at(word[1])  # "the Fianna Fáil councillor"
            before = name.start if name is not None and modifier else word[0]
            word = self.text.adjacent_word(floor, before) if modifier else None
        return word is not None and word[2] in ("the", "The")

    def _from_mention(self, floor: int, mention: Mention) -> Source:
        """A mention as a phrase's head: itself, unless it is a preposition's object."""
        if mention.kind in ("country", "place"):
            group = self.groups.in_place(
                floor, self.groups.name_start(floor, mention.start), mention.end
            )
            if group is not None:
                return group  # "Fire authorities in Western Australia say"
        if mention.kind in ("person", "organization", "country"):
            opening = self._title_start(mention)
            owner = self.text.adjacent_word(floor, opening)
            mark = POSSESSIVE_MARK.search(owner[2]) if owner is not None else None
            if owner is not None and mark is not None and mention.kind == "organization":
                named = self.mentions.ending_at(owner[1] - len(mark.group()))
                opening = named.start if named is not None else owner[0]  # "of Korea's X"
            preposition = self.text.preposition_before(floor, opening, adjectives=2)
            if preposition is not None:
                outer_end = self.text.skip_back(floor, preposition, "")
                role = self.text.word_before(floor, outer_end)
                noun = role[2].lower() if role is not None and role[1] == outer_end else ""
                if noun in _SINGULAR_ROLES and role is not None and self._described(floor, role[0]):
                    # "The launch director of Atlantis said": a new person, unless the
                    # article named whose title that is, or it renames the person quoted
                    # just before ('"…," Raad said. "…," the head of his bloc said.')
                    titled = self.discourse.titled(mention.start, noun)
                    return titled or self.discourse.renamed_speaker(mention.start, 400) or UNNAMED
                outer = self.head(floor, outer_end)
                if outer.found:
                    return outer  # "Maria Lopez of the World Food Programme said"
                if noun in PERSON_NOUNS:
                    # "The UN's mission chief in Afghanistan said": a person, not the place
                    return self.discourse.titled(mention.start, noun) or UNNAMED
            last = WORD.findall(mention.text)[-1:]
            if last and last[0].islower() and last[0] in UNNAMED_PEOPLE:
                return UNNAMED  # "US officials", "Ukrainian officials"
            return Source(mention.entity, True, mention)
        if mention.kind == "pronoun":
            previous = self._previous_subject(mention.start) if mention.text == "They" else None
            if previous is not None:
                return previous  # "A team of prosecutors demanded … They said": unnamed
            return self.discourse.pronoun(mention.text.lower(), mention.start, mention.entity)
        if mention.kind == "role":
            if mention.entity is not None:
                return Source(mention.entity, True, mention)
            noun = mention.text.split()[-1].lower()
            if noun in DOCUMENT_NOUNS:
                return self.issuer(floor, mention.end - len(noun), mention.end)
            if noun in DESCRIPTORS and noun not in UNNAMED_PEOPLE:
                return self.discourse.described(mention.start, noun)  # "the premier said"
            if noun in GROUP_NOUNS and _plain_definite(mention.text):
                return self.groups.named(noun, mention.start)  # "the ministry said"
            titled = self.discourse.titled(mention.start, noun)
            if titled is None and noun in _SINGULAR_PEOPLE and _plain_definite(mention.text):
                titled = self.discourse.renamed_speaker(mention.start)
            return titled or UNNAMED
        demonym = mention.entity is not None and mention.text != mention.entity.name
        if mention.kind == "country" and demonym and self._definite(floor, mention.start):
            return self.discourse.described(mention.start)  # "the German said": a demonym
        return UNNAMED  # a place standing as a source ("Kyiv said") names no speaker here

    def _previous_subject(self, start: int) -> Source | None:
        """The organisation that opens the sentence before `start`, in its paragraph: a
        sentence that opens with "It" goes on about the subject just before it."""
        if self._looking_back:
            return None
        sentence = self.analysis.sentence_at(start)
        before = self.body[: sentence.start].rstrip() if sentence is not None else ""
        previous = self.analysis.sentence_at(len(before) - 1) if before else None
        if previous is None or "\n" in self.body[previous.end : start]:
            return None
        first = next(iter(self.mentions.between(previous.start, previous.end)), None)
        opening = first is not None and self.body[previous.start : first.start].strip() in (
            "",
            "The",
        )
        if self.body.startswith("They", start) and not opening:
            # "A team of prosecutors demanded the court … They said": a plural subject with
            # no name is who "They" are, never the court named after it
            return UNNAMED if self._plural_opening(previous) else None
        if first is None or first.kind not in _SUBJECT_KINDS or first.kind == "pronoun":
            return None
        if not opening:
            return None
        if POSSESSIVE_MARK.match(self.body, first.end):
            return None  # "The ministry's spokesman …": not the ministry
        self._looking_back = True
        try:
            source = self._from_mention(previous.start, first)
        finally:
            self._looking_back = False
        entity = source.entity
        return source if entity is not None and entity.type in ("Organization", "Country") else None

    def _plural_opening(self, sentence: Segment) -> bool:
        """Whether a sentence opens with a plural noun phrase that names no one
        ("Prosecutors", "A team of prosecutors", "Several residents")."""
        words = [self.body[a:b] for a, b in self.text.words(sentence.start, sentence.end)[:5]]
        if not words or words[0].lower() in PREPOSITIONS or words[0] in ("It", "There"):
            return False
        for word in words:
            lower = word.lower()
            singular = lower[:-1] if lower.endswith("s") else ""
            if singular in PERSON_NOUNS or _PERSON_SHAPED.search(singular) is not None:
                return True  # "prosecutors", "inspectors", "protesters"
            if lower in ("people", "police"):
                return True
            if word != words[0] and not word.islower():
                return False
        return False

    def _first_conjunct(self, floor: int, start: int) -> Source | None:
        """`Biden and others said`: a name coordinated with unnamed people is the source."""
        word = self.text.adjacent_word(floor, start)
        if word is not None and word[2] in ("the", "other", "several", "some", "many"):
            word = self.text.adjacent_word(floor, word[0])
        if word is None or word[2] != "and":
            return None
        mention = self.mentions.ending_at(self.text.skip_back(floor, word[0], ""))
        if mention is None or mention.kind not in ("person", "organization", "country"):
            return None
        return Source(mention.entity, True, mention)

    def person_before(self, offset: int) -> bool:
        """Whether the word before `offset` is a person noun or a group ("the officials
        saying"), so that an unnamed source there is the participle's own subject."""
        word = self.text.word_before(max(0, offset - 40), offset)
        return word is not None and word[2].lower() in PERSON_NOUNS | GROUP_NOUNS

    def _title_start(self, mention: Mention) -> int:
        """Where a person's title set before the name starts ("Prime Minister Alan Reed")."""
        title = mention.entity.job_title if mention.entity is not None else None
        if not title:
            return mention.start
        lead = self.body[max(0, mention.start - len(title) - 1) : mention.start].rstrip()
        return mention.start - len(title) - 1 if lead.endswith(title) else mention.start

    def named_in(self, start: int, end: int) -> Source:
        """The first person named in a stretch (an apposition), else the first organisation."""
        found = [m for m in self.mentions.between(start, end) if not m.quoted and m.entity]
        for kinds in (("person",), ("organization", "country")):
            for mention in found:
                if (
                    mention.kind in kinds
                    and self.text.preposition_before(start, mention.start) is None
                ):
                    return Source(mention.entity, True, mention)
        return NOBODY

    def after(self, start: int, stop: int) -> Source:
        """The source named right after a verb or `according to` (`said state AG Jane Roe`)."""
        possessor: Source | None = None
        count = 0
        previous_end = start
        last: tuple[int, str] | None = None
        for match in WORD.finditer(self.body, start, stop):
            if match.start() < previous_end:
                continue  # inside the possessor just read
            gap = self.body[previous_end : match.start()]
            if count and (any(mark in gap for mark in ',;:(“"') or self.text.quoted(match.start())):
                titled = self.body[start:previous_end].split()
                if gap.strip() == "," and titled and is_acronym(titled[0]):
                    renamed = self._appositive_name(previous_end)
                    if renamed is not None:
                        return renamed  # "said SSP Bulandshahar, Santosh Singh"
                if last is not None and last[1] in PERSON_NOUNS and gap.strip() == ",":
                    renamed = self._appositive_name(previous_end)
                    if renamed is not None:
                        return renamed  # "said Amnesty's regional director, Agnes Callamard"
                break
            if (count == 0 and gap.strip()) or self.text.quoted(match.start()):
                return NOBODY
            count += 1
            previous_end = match.end()
            mention = self.mentions.starting_at(match.start())
            if mention is not None and not mention.quoted:
                mark = POSSESSIVE_MARK.match(self.body, mention.end)
                if mark is not None:
                    possessor = self._from_mention(start, mention)
                    previous_end = max(match.end(), mark.end())
                    continue
                if mention.kind in ("person", "organization", "country", "pronoun", "role"):
                    if mention.kind != "person" and self._name_follows(mention.end, stop):
                        continue  # "State Department spokesman John Kirby"
                    if mention.kind == "role" and mention.entity is None:
                        continue  # "the mayor of the town, Juan Perez": read on
                    source = self._from_mention(start, mention)
                    if source.found:
                        return source
                    continue
            if mention is None and count <= 3:
                named = self._name_run(match.start(), stop)
                if named is not None:
                    return named  # "said Mar Sophal, monitoring chief for ..."
            word = match.group()
            lower = word.lower()
            bare = POSSESSIVE_MARK.sub("", lower)
            if lower in _PARTITIVES and self.body.startswith(" of ", match.end()):
                previous_end = match.end() + 3
                continue  # "one of the rescuers, Ali Khan"
            if lower in POSSESSIVE_PRONOUNS and lower not in ("her", "its"):
                possessor = self.discourse.pronoun(lower, match.start())
                continue
            if lower in ("him", "her", "them", "it") and count == 1:
                if lower == "her" and self._noun_follows(match.end(), stop):
                    possessor = self.discourse.pronoun(lower, match.start())  # "her spokesman"
                    continue
                return self.discourse.pronoun(lower, match.start())  # "according to him, ..."
            if bare in DOCUMENT_NOUNS:
                if self._named_next(match.end(), stop):
                    continue  # "according to Kenya-based site Capital News"
                return self._issuer_after(match.end(), stop, possessor)
            if bare in UNNAMED_PEOPLE or bare in GROUP_NOUNS:
                if self._name_follows(match.end(), stop):
                    continue  # "the victim's partner John Doe", "spokesman John Kirby"
                renamed = self._appositive_name(match.end()) if bare in PERSON_NOUNS else None
                return renamed if renamed is not None else UNNAMED
            if lower in PREPOSITIONS or count > _MAX_AFTER:
                if last is not None and last[1] in PERSON_NOUNS and lower in PREPOSITIONS:
                    # "vowed the mayor of the town, Juan Perez": the name after the phrase
                    comma = self.body.find(", ", match.end(), min(stop, match.end() + 60))
                    renamed = self._appositive_name(comma) if comma >= 0 else None
                    if renamed is not None:
                        return renamed
                break
            last = (match.start(), bare)
        described = last is not None and (last[1] in DESCRIPTORS or last[1].endswith("-old"))
        if last is not None and described and self._definite(start, last[0]):
            return self.discourse.described(
                last[0], last[1]
            )  # "according to the deputy commissioner"
        return NOBODY

    def _name_run(self, start: int, stop: int, alone: bool = False) -> Source | None:
        """A person's name the mentions layer missed, set where only a name can stand.

        Two to four capitalised words that end the phrase after a speech verb
        (`said Mar Sophal,`), or one to four that make up a subject set off by
        commas (`Biden, speaking in Delaware, said`, with `alone`): the place
        makes them a name.
        """
        run = _NAME_RUN.match(self.body, start, stop)
        if run is None or self._name_follows(start, stop):
            return None
        words = run.group(1).split()
        if words[0] in NOT_ANCHORS or words[0] in _NOT_SURNAMES:
            return None
        if len(words) == 1 and not (alone or self._after_verb(start)):
            return None
        if any(w.lower() in DOCUMENT_NOUNS or w.lower() in GROUP_NOUNS for w in words):
            return None
        name = " ".join(words)
        table = self.analysis.entities
        entity = table.find(name, "Person") or table.add("Person", name)
        table.alias(entity, words[-1])
        return Source(entity)

    def _after_verb(self, start: int) -> bool:
        """Whether a word stands right after a speech verb or `according to` ("added Hill,")."""
        word = self.text.adjacent_word(max(0, start - 30), start)
        if word is not None and word[2] == "to":
            before = self.text.adjacent_word(max(0, word[0] - 30), word[0])
            return before is not None and before[2].lower() == "according"
        return word is not None and word[2] in POST_QUOTE_VERBS

    def _appositive_name(self, end: int) -> Source | None:
        """`the mayor's spokesperson, Ruth Adams,`: the name set off right after a person noun."""
        if self.body[end : end + 2] != ", ":
            return None
        mention = self.mentions.starting_at(self.text.next_word(end + 1))
        if mention is None or mention.kind != "person" or mention.entity is None:
            return None
        if self.body[mention.end : mention.end + 1] not in (",", ".", ";"):
            return None
        return Source(mention.entity, True, mention)

    def _noun_follows(self, end: int, stop: int) -> bool:
        """Whether a word follows in the same phrase (no comma or stop between)."""
        following = WORD.search(self.body, end, stop)
        return following is not None and not self.body[end : following.start()].strip()

    def _named_next(self, end: int, stop: int) -> bool:
        """Whether the next word, after one space, opens an organisation's or person's name
        ("site Capital News", "the newspaper Daily Nation")."""
        word = WORD.search(self.body, end, stop)
        if word is None or self.body[end : word.start()] != " ":
            return False
        mention = self.mentions.starting_at(word.start())
        return mention is not None and mention.kind in ("organization", "person")

    def _name_follows(self, end: int, stop: int) -> bool:
        """Whether a person's name follows within the phrase ("partner John Doe",
        "attorney General Jane Roe")."""
        for count, match in enumerate(WORD.finditer(self.body, end, stop)):
            if count > _TITLE_WORDS or any(
                mark in self.body[end : match.start()] for mark in ',;:(“"'
            ):
                return False
            mention = self.mentions.starting_at(match.start())
            if mention is not None:
                return mention.kind == "person"
            if match.group().lower() in PREPOSITIONS:
                return False
        return False

    def issuer(self, floor: int, start: int, end: int, recall: bool = True) -> Source:
        """Who issued the document named at `start..end`: "the ministry's statement" → ministry.

        With `recall`, a document the phrase does not tie to anyone ("the statement")
        points back to the issuer the article named before.
        """
        owner = self._owner(floor, start)
        if owner is not None:
            return owner
        issued = _ISSUED.search(self.body, max(0, start - 60), end)
        if issued is not None and issued.end() == end:
            # "X released a statement saying ...": the subject of the issuing verb.
            sentence = self.analysis.sentence_at(issued.start())
            if sentence is not None:
                return self.before(sentence, issued.start())
        if not recall:
            by = _ISSUED_BY.match(self.body, end)
            mention = self.mentions.starting_at(by.end()) if by is not None else None
            return Source(mention.entity, True, mention) if mention is not None else NOBODY
        return self._issuer_after(end, min(len(self.body), end + 120), None)

    def _owner(self, floor: int, start: int) -> Source | None:
        """The possessor or modifier of a document noun ("its website", "a ministry statement")."""
        edge = start
        for _ in range(3):
            word = self.text.word_before(floor, edge)
            if word is None:
                return None
            text = word[2]
            lower = text.lower()
            if lower in POSSESSIVE_PRONOUNS:
                return self.discourse.pronoun(lower, word[0])
            mark = POSSESSIVE_MARK.search(text)
            if mark is not None:
                mention = self.mentions.ending_at(word[1] - len(mark.group()))
                return self._from_mention(floor, mention) if mention is not None else UNNAMED
            mention = self.mentions.ending_at(word[1])
            if mention is None and self.body.startswith(".", word[1]):
                mention = self.mentions.ending_at(word[1] + 1)  # "A U.N. statement"
            if mention is not None and mention.kind in ("person", "organization", "country"):
                return Source(mention.entity, True, mention)  # "a White House statement"
            if lower in ("the", "a", "an", "this", "that"):
                return None
            edge = word[0]
        return None

    def _issuer_after(self, end: int, stop: int, possessor: Source | None) -> Source:
        """`a statement from the ministry`, `figures released by X`, else the last issuer.

        Only a definite document ("the statement", "the report") points back to
        an issuer named before; "early reports" and "a report" stay unnamed.
        """
        if possessor is not None and possessor.found:
            return possessor
        issued = _ISSUED_BY.match(self.body, end)
        if issued is not None and issued.end() < stop:
            mention = self.mentions.starting_at(issued.end())
            if mention is not None and mention.entity is not None:
                return self._from_mention(end, mention)
            group = WORD.match(self.body, issued.end())
            if group is not None and group.group() in GROUP_NOUNS and "the" in issued.group():
                return self.groups.named(group.group(), end)  # "a statement from the police"
        noun = self.text.word_before(max(0, end - 60), end)
        determiner = self.text.word_before(max(0, end - 60), noun[0]) if noun is not None else None
        if determiner is None or determiner[2].lower() not in ("the", "this"):
            return UNNAMED
        return self.last_issuer(end)

    def last_issuer(self, before: int) -> Source:
        """The source the article named as issuing a document, or quoted, last before `before`."""
        index = bisect.bisect_left(self._issued, before) - 1
        if index >= 0 and before - self._issued[index] <= DISCOURSE_REACH:
            at = self._issued[index]
            sentence = self.analysis.sentence_at(at)
            if sentence is not None and not self.text.quoted(at):
                found = self.before(sentence, at)
                if found.named:
                    return found
        spoken = self.discourse.last_of(before, ("Organization", "Country", "Person"))
        if spoken is not None:
            return Source(spoken[1])
        # "The WHO released new figures. The report said ...": the organisation last a subject.
        subject = self.discourse.last_subject(before, ("organization",))
        return Source(subject) if subject is not None else UNNAMED


def _is_person(source: Source) -> bool:
    return source.entity is not None and source.entity.type == "Person"
