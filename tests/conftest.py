"""Shared fixtures. ``corpus_dir`` for every stage; the site fixtures for the publisher's tests.

The real site is built once per test session (``built_site``) and served from a local
http.server thread (``site_server``); the browser tests read it, never rebuild it.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent

# zanlex finds its corpus in the current folder (./corpus), as a user runs it from the project root.
os.chdir(ROOT)
# A fixed "today" for builds, so that two builds of the same input are byte-identical; a test
# of the clock or of SOURCE_DATE_EPOCH itself sets or removes it with monkeypatch.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")     # 2026-01-01T00:00:00Z

# No per-example deadline: CI shares two cores, and a slow first example is not a failure.
# In CI, examples are derived from the test itself, so a run can be repeated exactly.
settings.register_profile("zanlex", deadline=None)
settings.register_profile("ci", parent=settings.get_profile("zanlex"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "zanlex")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return ROOT / "corpus"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, corpus_dir) -> Path:
    """The site of the real corpus, built once per session (``ZANLEX_TEST_SITE``: an already
    built site, to iterate on the browser tests without rebuilding)."""
    import publisher

    if os.environ.get("ZANLEX_TEST_SITE"):
        return Path(os.environ["ZANLEX_TEST_SITE"])

    out = tmp_path_factory.mktemp("site") / "public"
    publisher.build(corpus_dir, out)
    return out


@pytest.fixture(scope="session")
def site_server(built_site):
    """``http://127.0.0.1:<port>/`` serving the built site; stopped at the end of the session."""
    from publisher.serving import site_server as serve

    httpd = serve(built_site, 0, quiet=True)      # as `zanlex serve`: missing URLs get the site's 404 page
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
