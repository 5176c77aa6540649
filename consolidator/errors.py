"""The consolidator's errors: each one is a single actionable line (``ZanlexError``)."""

from akn_schema.errors import SourceError, UnknownWork, ZanlexError

__all__ = ["FootnoteError", "MissingAct", "BadDate", "UnknownLanguage", "UnknownWork", "ZanlexError"]


class FootnoteError(SourceError):
    """A footnote (or inline repeal note) whose form the grammar does not know.

    >>> print(FootnoteError("corpus/works/law-88-V/rus.txt", 77, "unknown footnote phrase 'приостановлена'"))
    corpus/works/law-88-V/rus.txt:77: unknown footnote phrase 'приостановлена'
    """


class MissingAct(ZanlexError):
    """A footnote cites an act that ``corpus/amending-acts.toml`` does not list."""


class BadDate(ZanlexError):
    """A date given on the command line that is not YYYY-MM-DD."""


class UnknownLanguage(ZanlexError):
    """A language code other than rus, kaz, eng."""
