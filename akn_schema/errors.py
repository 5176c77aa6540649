"""The one error family of zanlex: every stage raises a subclass of ``ZanlexError``.

Each error is one line the user can act on, and carries the CLI's exit status:

- 2, bad input (the default): a malformed file, an unknown work, a bad date or option;
- 1, a check that ran and failed (``CheckFailed``);
- 3, the environment: a read-only or full disk, a port in use, a bad ``SOURCE_DATE_EPOCH``
  (``EnvironmentFailure``).

    >>> SourceError("corpus/x.txt", 3, "binary bytes").exit_code, EnvironmentFailure("disk full").exit_code
    (2, 3)
"""

BAD_INPUT, CHECK_FAILED, ENVIRONMENT = 2, 1, 3


class ZanlexError(Exception):
    """An error the user can act on; the CLI prints it as one line."""

    exit_code = BAD_INPUT


class SourceError(ZanlexError):
    """Bad input text: empty, binary, wrongly encoded, or unknown language.

    >>> str(SourceError("corpus/x.txt", 3, "binary bytes"))
    'corpus/x.txt:3: binary bytes'
    """

    def __init__(self, path, line: int | None, message: str):
        self.path, self.line, self.message = str(path), line, message
        where = f"{self.path}:{line}" if line else self.path
        Exception.__init__(self, f"{where}: {message}")     # not super(): loaders mix in their own family

    def __reduce__(self):
        """Raised in a worker process (``--jobs``, Dask), it reaches the CLI as the same error.

        >>> import pickle
        >>> str(pickle.loads(pickle.dumps(SourceError("corpus/x.txt", 3, "binary bytes"))))
        'corpus/x.txt:3: binary bytes'
        """
        return (type(self), (self.path, self.line, self.message))


class ConfigError(SourceError):
    """A configuration file (work.toml, act.toml, amending-acts.toml, calendar.toml, a draft,
    zanlex.toml) that breaks its schema: names the file, the line and the key.

    >>> str(ConfigError("corpus/works/x/work.toml", 7, "texts.rus.fil", "is not a known key (did you mean 'file'?)"))
    "corpus/works/x/work.toml:7: texts.rus.fil is not a known key (did you mean 'file'?)"
    """

    def __init__(self, path, line: int | None, key: str | None, message: str):
        self.key, self.detail = key, message
        super().__init__(path, line, f"{key} {message}" if key else message)

    def __reduce__(self):
        return (type(self), (self.path, self.line, self.key, self.detail))


class ParseError(SourceError):
    """The grammar could not place a line (an error only under ``--strict``)."""


class UnknownWork(ZanlexError):
    """A corpus name such as ``law-88-V`` that the corpus does not hold."""


class CheckFailed(ZanlexError):
    """A check ran and found a problem (exit status 1)."""

    exit_code = CHECK_FAILED


class EnvironmentFailure(ZanlexError):
    """The machine, not the input: disk full or read-only, port in use, a bad environment variable."""

    exit_code = ENVIRONMENT
