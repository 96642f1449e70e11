"""The plain-text reader: front matter, headline, encodings, bad input."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsld import InputError, ReadOptions
from newsld_plugins.text_reader import read_text


def read(data: bytes | str) -> object:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return read_text(raw, ReadOptions(source="a.txt"))


def test_front_matter_headline_and_body() -> None:
    article = read_text(
        b"---\ndatePublished: 2025-10-23\nurl: https://example.com/x\nauthor: Ann Lee and Bo Chen\n"
        b"---\nThe headline\n\nFirst paragraph.\nSecond paragraph.\n",
        ReadOptions(source="a.txt"),
    )
    assert article.headline == "The headline"
    assert article.date_published == "2025-10-23"
    assert article.url == "https://example.com/x"
    assert [a.name for a in article.authors] == ["Ann Lee", "Bo Chen"]
    assert article.body == "First paragraph.\nSecond paragraph.\n"


def test_without_blank_line_the_first_line_is_body() -> None:
    article = read_text(b"Just one paragraph.\nAnother.", ReadOptions(source="a.txt"))
    assert article.headline is None
    assert article.body.startswith("Just one paragraph.")


def test_unknown_front_matter_key_is_a_warning() -> None:
    article = read_text(b"---\nmood: happy\n---\nHead\n\nBody.", ReadOptions(source="a.txt"))
    assert article.warnings == ["front matter: unknown key 'mood' ignored"]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty input"),
        (b"  \n\n ", "empty input"),
        (b"\x00\x01\x02\x03binary\x00\x00" * 50, "binary data, not text"),
        (b"---\ndatePublished: 2025-10-23\nHead\n\nBody", "front matter is not closed"),
        (b"---\njust words\n---\nHead\n\nBody", "expected 'key: value'"),
        (b"---\ndatePublished: soon\n---\nHead\n\nBody", "'soon' is not a date"),
        (b"Headline only\n\n", "no article text"),
        (bytes(range(128, 256)) * 20, "undecodable"),
    ],
)
def test_bad_input_is_one_clear_error(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        read_text(data, ReadOptions(source="bad.txt"))
    assert problem in str(caught.value)
    assert str(caught.value).startswith("bad.txt: ")


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + "Café “quotes”\n\nNaïve body.".encode(),
        codecs.BOM_UTF16_LE + "Café “quotes”\n\nNaïve body.".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "Café “quotes”\n\nNaïve body.".encode("utf-16-be"),
        "Café “quotes”\r\n\r\nNaïve body.".encode("cp1252"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be", "cp1252"],
)
def test_encodings_decode_to_the_same_text(encoded: bytes) -> None:
    article = read_text(encoded, ReadOptions(source="a.txt"))
    assert article.headline == "Café “quotes”"
    assert article.body == "Naïve body.\n"


@given(st.binary(max_size=400))
def test_any_bytes_give_an_article_or_one_input_error(data: bytes) -> None:
    try:
        article = read_text(data, ReadOptions(source="any.txt"))
    except InputError as error:
        assert str(error).startswith("any.txt: ")
        assert "\n" not in str(error)
    else:
        assert article.body.strip()
