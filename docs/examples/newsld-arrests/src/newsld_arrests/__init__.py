"""newsld-arrests: an `arrest` claim type and the `arrests` extractor, as a newsld plugin.

newsld finds this module through the entry point in pyproject.toml
(`[project.entry-points.newsld] arrests = "newsld_arrests"`) and calls the
two hooks below once when it loads its plugins.
"""

from __future__ import annotations

from collections.abc import Callable

from newsld import ClaimType, Extractor, hookimpl

from newsld_arrests.claim_type import ARREST
from newsld_arrests.extract import find_arrests

__all__ = ["ARREST", "find_arrests"]


@hookimpl
def register_claim_types(register: Callable[[ClaimType], None]) -> None:
    """The `arrest` claim type."""
    register(ARREST)


@hookimpl
def register_extractors(register: Callable[[Extractor], None]) -> None:
    """The `arrests` extractor."""
    register(
        Extractor(
            name="arrests",
            extract=find_arrests,
            claim_types=("arrest",),
            description="Arrests: how many people, where, when and by whom.",
        )
    )
