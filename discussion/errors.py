"""The errors of the discussion stage: each is a ``ZanlexError`` the CLI prints as one line.

    >>> str(DraftError("corpus/drafts/x.toml", "comments[2].received needs a time zone"))
    'corpus/drafts/x.toml: comments[2].received needs a time zone'
"""

from __future__ import annotations

from akn_schema.errors import ConfigError, ZanlexError


class DiscussionError(ZanlexError):
    """Anything the public-discussion stage refuses."""


class CalendarError(DiscussionError):
    """``corpus/calendar.toml`` is malformed, or a decree in it names no legal source."""


class DraftError(DiscussionError):
    """A draft file, or a comment for one, that cannot be read or accepted."""

    def __init__(self, path, message: str):
        self.path, self.message = str(path), message
        super().__init__(f"{self.path}: {message}")


class UnknownDraft(DiscussionError):
    """A draft id that ``corpus/drafts/`` does not hold."""


class CalendarFileError(ConfigError, CalendarError):
    """``calendar.toml`` breaks its schema: names the file, line and key."""


class DraftFileError(ConfigError, DraftError):
    """A draft file breaks its schema: names the file, line and key.

    >>> str(DraftFileError("corpus/drafts/x.toml", 12, "posted.at", "needs a time zone offset"))
    'corpus/drafts/x.toml:12: posted.at needs a time zone offset'
    """
