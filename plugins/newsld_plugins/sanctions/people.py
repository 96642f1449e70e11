"""People named by their office in a list of targets: the person, never the office.

A list of sanctioned officials gives each one's office before the name: "Canada's Minister
of Justice and Attorney General Paul Renard, head of the prison service Anne Kell, and
Deputy Commissioner of the Mounted Police Brian Brenner". Read as runs of capitalised
words, the offices break into false names ("Justice", "Prison Service Anne Kell"); read
as list items, each item whose words hold an office word before a closing name is that
person. The name is the person the entities layer found ending the item, else its last
two capitalised words after the office and any body named ("Anne Kell"). An item closing
on a body ("owner of Chelsea Football Club", "chairman of Bank Tarna"), an apposition ("X,
the chairman of Y") and a relation ("daughter of Minister Y") name no person of the list.

Items are found by one pass over the span's tokens, so a span is read in linear time.
"""

from __future__ import annotations

import re

from newsld.text.entities import mentions
from newsld_plugins.sanctions.context import Reading
from newsld_plugins.sanctions.names import ORG_TAIL, PARTICLE_NAME
from newsld_plugins.sanctions.statement import Party

__all__ = ["titled_people"]

# Words of an office held by a person (a title before the name, or the head of a phrase).
_OFFICES = frozenset(
    """
    minister ministers head deputy director president chairman chairwoman chair commissioner
    chief secretary vice attorney member governor ambassador spokesman spokeswoman
    spokesperson speaker prosecutor commander mayor senator adviser advisor officer general
    lawmaker counsel coordinator envoy judge justice
    """.split()
)
_SEPARATORS = str.maketrans(dict.fromkeys(",.;:'’\"“”()-", " "))
# Words that end the name of a body, not of a person.
_BODIES = frozenset(
    """
    Club Agency Council Committee Service Police Ministry Department Commission Parliament
    Office Institute University Party Army Force Forces Guard Corps Court Assembly Union
    """.split()
)
_WORD = re.compile(r"[\w'’.-]+")
_ITEM_END = re.compile(r"[,;:()]")
_JOINER = re.compile(r"^\s*(?:and|or|as\s+well\s+as)\s+")
# A capitalised word, or a particle joined to a name ("al-Sharaa").
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*|" + PARTICLE_NAME.pattern)
_AND = re.compile(r"\s+and\s+")
_POSSESSIVE = re.compile(r"['’]s$")
# A name word never ends in a full stop unless it is an initial ("George W. Bush").
_INITIAL = re.compile(r"[A-Z]\.?")


def titled_people(r: Reading, start: int, stop: int) -> list[tuple[int, int, Party]]:
    """Each list item of `start..stop` naming a person by office: (item start, end, person)."""
    if _OFFICES.isdisjoint(r.text[start:stop].lower().translate(_SEPARATORS).split()):
        return []  # the cheap test: most lists name no office
    found = []
    for item_start, item_end in _items(r.text, start, stop):
        # "Syrian President Ahmad al-Sharaa and Interior Minister Anas Khattab": two people,
        # but "Minister of Justice and Attorney General Paul Renard" is one.
        at = item_start
        for joiner in _AND.finditer(r.text, item_start, item_end):
            person = _person_of_item(r, at, joiner.start())
            if person is not None:
                found.append((at, joiner.start(), person))
                at = joiner.end()
        person = _person_of_item(r, at, item_end)
        if person is not None:
            found.append((at, item_end, person))
    return found


def _items(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The stretches of a list between commas, semicolons and brackets, joiners cut off."""
    items = []
    at = start
    for mark in _ITEM_END.finditer(text, start, stop):
        items.append((at, mark.start()))
        at = mark.end()
    items.append((at, stop))
    cut = []
    for item_start, item_end in items:
        joiner = _JOINER.match(text, item_start, item_end)
        end = item_end
        while end > item_start and text[end - 1] in '. "”’':
            end -= 1  # the sentence's full stop or closing quote is no part of a name
        cut.append((joiner.end() if joiner else item_start, end))
    return cut


def _person_of_item(r: Reading, start: int, end: int) -> Party | None:
    """The person an item names after an office: "head of the prison service Anne Kell"."""
    words = list(_WORD.finditer(r.text, start, end))
    if len(words) < 3:
        return None
    first = words[0].group()
    if not _CAPITALISED.fullmatch(first) and first.lower() not in _OFFICES:
        # "X, the chairman of Y Bank" (an apposition: X is named), "daughter of Minister Y"
        return None
    closing = _closing_name(words)
    if len(closing) < 2 or len(closing) == len(words):
        return None
    before = words[: len(words) - len(closing)]
    if not any(_POSSESSIVE.sub("", w.group()).lower() in _OFFICES for w in before):
        return None
    name_start, name_end = closing[0].start(), closing[-1].end()
    person = _person_mention(r, start, name_end)
    if person is not None:
        return person
    name = " ".join(w.group() for w in closing[-2:])
    return Party("Person", name) if name_start < name_end else None


def _closing_name(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The capitalised words that close an item, back to an office word or a lower word."""
    closing: list[re.Match[str]] = []
    for word in reversed(words):
        text = word.group()
        if not _CAPITALISED.fullmatch(text) or text.lower() in _OFFICES or _body(text):
            break  # "Head of the Prison Service Anne Kell": the name after the body's
        if _POSSESSIVE.search(text):
            break  # "Canada's"
        if text.endswith(".") and not _INITIAL.fullmatch(text):
            break
        closing.insert(0, word)
    return closing


def _body(word: str) -> bool:
    """Whether a word ends the name of a body ("Service", "Bank"), not of a person."""
    return word in _BODIES or ORG_TAIL.search(" " + word) is not None


def _person_mention(r: Reading, start: int, end: int) -> Party | None:
    """The person the entities layer found ending exactly where the item's name ends."""
    base = r.sentence.start
    for mention in mentions(r.analysis).between(base + start, base + end):
        entity = mention.entity
        if entity is None or entity.type != "Person" or mention.end != base + end:
            continue
        if any(w.lower() in _OFFICES for w in entity.name.split()):
            continue
        return Party("Person", entity.name)
    return None
