"""The worked examples in the linker's and the publisher's docstrings are specifications too:
"Статья 28. Порядок …" is how a diff and the parallel view print an article, "не ранее 07.05.2016"
how a lower-bound date is worded."""

import doctest
import importlib
import pkgutil

import pytest

import linker
import publisher
import publisher.languages

MODULES = sorted({package.__name__ for package in (linker, publisher, publisher.languages)}
                 | {f"{package.__name__}.{m.name}" for package in (linker, publisher, publisher.languages)
                    for m in pkgutil.iter_modules(package.__path__)})


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_the_modules_with_worked_examples_are_found():
    assert {"publisher.words", "publisher.diffs", "linker.extract"} <= set(MODULES)
