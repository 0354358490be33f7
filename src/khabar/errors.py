"""Errors that name the document they are about, so a batch can report and go on."""

from __future__ import annotations


class BadDocument(Exception):
    """A document that cannot be processed; ``source`` names it (path, path:line, url)."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):
        """Pickle by (source, reason), so errors cross process pools and Spark tasks intact."""
        return type(self), (self.source, self.reason)
