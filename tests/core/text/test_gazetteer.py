"""The gazetteer's country names as news copy writes them."""

from __future__ import annotations

import pytest

from newsld.text.gazetteer import find_places


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("sanctions on Burkina-Faso", "Burkina Faso"),
        ("sanctions on Sierra-Leone", "Sierra Leone"),
        ("sanctions on Burkina Faso", "Burkina Faso"),
    ],
)
def test_a_country_of_two_words_is_found_with_a_hyphen_too(text: str, country: str) -> None:
    (place,) = find_places(text)
    assert place.country is not None and place.country.name == country
    assert text[place.start : place.end].replace("-", " ") == country
