"""The worked examples in akn_schema's docstrings are executable specifications too."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import akn_schema

MODULES = ["akn_schema"] + [f"akn_schema.{m.name}" for m in pkgutil.iter_modules(akn_schema.__path__)]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
