"""The public API is what `newsld.__all__` names, and it all imports."""

from __future__ import annotations

import newsld

PUBLIC = {
    "Analysis", "Article", "Author", "Claim", "ClaimType", "Converter", "Document",
    "DocumentWriter", "Entity", "EntityTable", "Evidence", "ExportOptions", "Exporter",
    "Extractor", "InputError", "NewsldError", "ReadOptions", "Reader", "Record", "Ref", "Registry",
    "__version__", "convert", "export", "hookimpl", "load", "load_plugins", "process",
}  # fmt: skip


def test_public_api_is_pinned() -> None:
    assert set(newsld.__all__) == PUBLIC
    assert all(hasattr(newsld, name) for name in newsld.__all__)
