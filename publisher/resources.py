"""Where the site's hand-made sources are: ``site/`` in a checkout, ``zanlex_site/`` when installed.

The wheel carries ``site/`` (templates, theme overrides, CSS and JS, and the base mkdocs
configuration ``mkdocs.yml``) as the data package ``zanlex_site``, beside ``publisher``; an
editable install and a checkout use ``site/`` itself. Nothing is looked up in the current folder.

    >>> (site_sources() / "templates" / "home.html").is_file(), mkdocs_config().name
    (True, 'mkdocs.yml')
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from akn_schema.errors import EnvironmentFailure

HERE = Path(__file__).resolve().parent.parent       # the checkout, or site-packages


@cache
def site_sources() -> Path:
    """The folder holding ``templates/``, ``overrides/``, ``assets/`` and ``mkdocs.yml``."""
    for candidate in (HERE / "site", HERE / "zanlex_site"):
        if (candidate / "templates").is_dir() and (candidate / "mkdocs.yml").is_file():
            return candidate
    raise EnvironmentFailure(f"the site's templates are not installed (looked in {HERE / 'site'} and "
                             f"{HERE / 'zanlex_site'}): reinstall zanlex")


def templates() -> Path:
    return site_sources() / "templates"


def assets() -> Path:
    return site_sources() / "assets"


def mkdocs_config() -> Path:
    return site_sources() / "mkdocs.yml"
