"""Links between the site's pages: every relative link leads where the site-relative URL points."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from publisher.urls import _relpath, relative

SEGMENT = st.sampled_from(["ru", "kk", "akn", "kz", "act", "2013-04-15", "88-V", "rus", "kaz@2016-03-01",
                           "diff-current", "drafts", "x"])
FOLDER = st.lists(SEGMENT, max_size=6).map(lambda parts: "".join(f"{p}/" for p in parts))
FILE = st.tuples(FOLDER, SEGMENT).map(lambda t: t[0] + t[1] + ".xml")


@given(FOLDER | FILE, FOLDER)
def test_a_link_is_the_path_posixpath_computes(to, here):
    """The links' own relative path (by segments, no working directory) is ``posixpath.relpath``'s."""
    assert _relpath(to, here) == posixpath.relpath(to or ".", here or ".")


@given(FOLDER | FILE, FOLDER | FILE, st.sampled_from(["", "#art_7", "#art_7__point_3"]))
def test_a_link_followed_from_its_page_reaches_its_target(to, here, anchor):
    """Resolving the link against the page's folder gives the target URL back (anchor kept)."""
    link = relative(here, to + anchor)
    folder = here if here.endswith("/") or not here else posixpath.dirname(here)
    path, _, fragment = link.partition("#")
    assert fragment == anchor[1:]
    reached = posixpath.normpath(posixpath.join(folder or ".", path or "."))
    assert reached == posixpath.normpath(to or "."), (here, to, link)
    if to.endswith("/") and path:
        assert path.endswith("/")                 # a folder URL stays a folder URL (no redirect)
