"""The one error family of zanlex: every stage raises a subclass of ``ZanlexError``."""


class ZanlexError(Exception):
    """An error the user can act on; the CLI prints it as one line."""


class SourceError(ZanlexError):
    """Bad input text: empty, binary, wrongly encoded, or unknown language.

    >>> str(SourceError("corpus/x.txt", 3, "binary bytes"))
    'corpus/x.txt:3: binary bytes'
    """

    def __init__(self, path, line: int | None, message: str):
        self.path, self.line, self.message = str(path), line, message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class ParseError(SourceError):
    """The grammar could not place a line (an error only under ``--strict``)."""


class UnknownWork(ZanlexError):
    """A corpus name such as ``law-88-V`` that the corpus does not hold."""
