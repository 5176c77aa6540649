"""The worked examples in the docstrings of ``discussion`` are specifications too."""

import doctest
import importlib

import pytest

MODULES = ["discussion", "discussion.comments", "discussion.deadline", "discussion.drafts",
           "discussion.errors", "discussion.ics", "discussion.status", "discussion.working_days"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
