"""Errors a user can act on: one line naming the input and the problem."""

from __future__ import annotations

__all__ = ["InputError", "NewsldError"]


class NewsldError(Exception):
    """Base of newsld's own errors; the message is meant for the user."""


class InputError(NewsldError):
    """An input that cannot be converted: empty, binary, undecodable, malformed."""

    def __init__(self, source: str, problem: str, details: str = "") -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
        #: What explains the problem, when a plugin caused it: its traceback.
        self.details = details
