"""The worked examples in the consolidator's docstrings are specifications too."""

import doctest
import importlib

import pytest

MODULES = ["consolidator", "consolidator.acts", "consolidator.akn", "consolidator.diff", "consolidator.effective",
           "consolidator.footnotes", "consolidator.grammar", "consolidator.grammar.rus",
           "consolidator.grammar.kaz", "consolidator.grammar.eng", "consolidator.sources", "consolidator.history", "consolidator.versions",
           "consolidator.events", "consolidator.wording", "consolidator.words", "consolidator.checking",
           "consolidator.amending", "consolidator.entry", "consolidator.audit",
           "consolidator.errors"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
