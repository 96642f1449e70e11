"""The hooks a newsld plugin can implement.

Each hook receives a `register` callback and calls it once per thing it adds.
A plugin implements only the hooks it needs, and may take fewer arguments than
a spec names: arguments are added to hooks over time, never removed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    import typer

    from newsld.registry import Archive, ClaimType, Exporter, Extractor, Reader

hookspec = pluggy.HookspecMarker("newsld")
hookimpl = pluggy.HookimplMarker("newsld")


@hookspec
def register_readers(register: Callable[[Reader], None]) -> None:
    """Add readers that turn input bytes into an `Article`.

    Runs once when the plugin manager loads. Call `register(Reader(...))` for
    each reader. Returns nothing.

    Since 0.1.
    """


@hookspec
def register_archives(register: Callable[[Archive], None]) -> None:
    """Add archive formats: files holding many inputs (web archives), read as records.

    Runs once when the plugin manager loads. Call `register(Archive(...))` for
    each format. Returns nothing.

    Since 0.1.
    """


@hookspec
def register_claim_types(register: Callable[[ClaimType], None]) -> None:
    """Add claim types: a name, a schema.org type, a JSON Schema fragment, JSON-LD terms.

    Runs once when the plugin manager loads, before any document is built.
    Call `register(ClaimType(...))` for each type. Returns nothing.

    Since 0.1.
    """


@hookspec
def register_extractors(register: Callable[[Extractor], None]) -> None:
    """Add extractors that read an `Article` and its `Analysis` and yield `Claim`s.

    Runs once when the plugin manager loads. Call `register(Extractor(...))` for
    each extractor. Returns nothing.

    Since 0.1.
    """


@hookspec
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Add exporters that write documents in a format (`--to NAME`).

    Runs once when the plugin manager loads. Call `register(Exporter(...))` for
    each exporter. Returns nothing.

    Since 0.1.
    """


@hookspec
def register_commands(cli: typer.Typer) -> None:
    """Add subcommands to the `newsld` command line.

    Runs once when the command line starts, with the root `typer.Typer` app;
    decorate functions with `@cli.command()`. Returns nothing.

    Since 0.1.
    """
