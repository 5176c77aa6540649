"""Text → Akoma Ntoso 3.0. The public API of the parsing stage (see ``reading`` for a worked example):

- ``load_works(corpus)``, ``resolve_source(spec, corpus, lang, doctype)``: the corpus.
- ``parse_text(text, lang=, doctype=, path=)`` and ``parse_work(work, lang)``: an ``Act``.
- ``act_to_xml(act, work, expression_date=None)``: the AKN tree; ``to_bytes`` serialises it.
- ``validate_xml(root)``: strict XSD + unique eIds + resolving hrefs, as a list of problems.
- ``check_source(work, lang)``: all of the above plus text conservation, as a ``SourceReport``.

The names are imported on first use, so that ``import akn_schema`` (or one light submodule such
as ``akn_schema.errors``) does not load lxml, the XSD or markdown-it: ``zanlex --help`` stays fast.

    >>> import akn_schema
    >>> akn_schema.parse_work is akn_schema.reading.parse_work
    True
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "akn": ("AKN_NS", "act_to_xml", "expression_uri", "to_bytes"),
    "errors": ("ParseError", "SourceError", "UnknownWork", "ZanlexError"),
    "grammar": ("parse_lines",),
    "languages": ("GRAMMARS", "HTML_LANG", "grammar_for"),
    "text": ("decode_source",),
    "mirror": ("MARKUP_RULES", "source_format"),
    "model": ("IN_FORCE", "REMOVED", "Act", "Attachment", "Note", "Provision"),
    "reading": ("SourceReport", "check_source", "parse_source", "parse_text", "parse_work", "read_source"),
    "validate": ("Conservation", "conservation", "validate_xml"),
    "works": ("Edition", "TextSource", "Work", "load_works", "resolve_source"),
}
_HOME = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str):
    """``akn_schema.<name>``: a public name, or a submodule, imported on first use."""
    if name == "etree":
        from lxml import etree
        value = etree
    elif name in _HOME:
        value = getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
    else:
        try:
            value = importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as err:
            if err.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME, "etree"})


__all__ = sorted([*_HOME, "etree"])
