"""`newsld.process`: one record in, a plain dict out, never an exception; the time limit."""

from __future__ import annotations

import json
import pickle
import types
from collections.abc import Iterator
from pathlib import Path

from newsld import Claim, Converter, Evidence, Extractor, Record, hookimpl, load_plugins, process
from newsld.step import convert_record

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
SEED = Path(__file__).resolve().parents[2] / "docs" / "examples" / "seed-trump-putin.txt"
PAGE_WITHOUT_DATE = b"""<html><head><title>Storm closes the port</title></head><body><article>
<h1>Storm closes the port</h1>
<p>The harbour master said the port would stay closed until Friday while crews clear the
wreckage left by the storm, which flooded warehouses along the eastern quay overnight.</p>
<p>"We will reopen as soon as the channel is safe," she told reporters on the quay.</p>
</article></body></html>"""


def test_text_in_plain_json_out() -> None:
    result = process({"text": SEED.read_text(encoding="utf-8"), "source": "seed.txt"})
    assert result["error"] is None and result["source"] == "seed.txt"
    document = json.loads(json.dumps(result["document"]))  # plain JSON, nothing else inside
    assert document["@type"] == "NewsArticle"
    assert any(c["claimType"] == "quote" for c in document["hasPart"])


def test_bytes_and_record_objects_give_the_same_document() -> None:
    data = SEED.read_bytes()
    as_dict = process({"data": data, "source": "seed.txt"})
    as_record = process(Record(data, "seed.txt"))
    assert as_dict == as_record


def test_a_bad_record_is_a_result_with_the_error_not_an_exception() -> None:
    assert "needs 'data'" in process({"source": "x"})["error"]
    assert "unknown record keys: colour" in process({"text": "x", "colour": "red"})["error"]
    unknown = process({"text": "Words.\n"}, only=["nonesuch"])
    assert unknown["document"] is None and "no extractor named 'nonesuch'" in unknown["error"]
    empty = process({"data": b"", "source": "empty.txt"})
    assert empty["document"] is None and empty["error"]


def test_it_pickles_by_name_for_spark_and_ray() -> None:
    again = pickle.loads(pickle.dumps(process))
    assert again({"text": "Headline\n\nA body of text.\n"})["document"]["headline"] == "Headline"


def test_archive_fallbacks_fill_only_what_the_page_lacks() -> None:
    capture = "2025-11-20T09:30:00Z"
    bare = Record(PAGE_WITHOUT_DATE, "a.warc#offset=0", reader="html",
                  fallback_url="https://port.example/storm", fallback_date=capture)  # fmt: skip
    document = process(bare)["document"]
    assert document["url"] == "https://port.example/storm"
    assert document["datePublished"] == capture
    assert any("capture date" in w for w in document["warnings"])
    page = (PAGES / "opengraph.html").read_bytes()
    elsewhere = "https://elsewhere.example/x"
    dated = process(Record(page, "b.warc#offset=9", reader="html",
                           fallback_url=elsewhere, fallback_date=capture))  # fmt: skip
    own = process(Record(page, "page.html", reader="html"))["document"]
    assert dated["document"]["datePublished"] == own["datePublished"] != capture
    assert dated["document"]["url"] == own["url"]
    assert not any("capture date" in w for w in dated["document"].get("warnings", []))


def _forever(article: object, analysis: object) -> Iterator[Claim]:
    while True:  # an extractor that never ends
        pass
    yield Claim("quote", "", [Evidence(0, 1)])


def test_the_time_limit_stops_a_step_and_names_it() -> None:
    module = types.ModuleType("looping")

    @hookimpl
    def register_extractors(register):  # type: ignore[no-untyped-def]
        register(Extractor("looping", _forever, claim_types=("quote",)))

    module.register_extractors = register_extractors  # type: ignore[attr-defined]
    converter = Converter(load_plugins(third_party=False, extra=[("looping", module)]))
    result = convert_record(converter, Record(SEED.read_bytes(), "seed.txt"), timeout=0.5)
    assert result.document is None
    assert result.problem == "stopped after the time limit of 0.5 s"
    # The limit is gone once the step has ended: the next one runs free.
    plain = Converter(load_plugins(third_party=False))
    assert convert_record(plain, Record(b"T\n\nBody.\n")).document
