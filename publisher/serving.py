"""``zanlex serve``: the built site on a plain local file server, with the site's own 404 page.

A URL that names no file gets the site's ``404.html`` (in the three languages, its links from
``site_url``'s path) with status 404, as a web host serves it, not Python's English
"Error response" page. Everything else is ``http.server``'s static file serving.

    >>> import threading, urllib.request, urllib.error, tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "404.html").write_text("<h1>Страница не найдена</h1>", encoding="utf-8")
    >>> httpd = site_server(root, 0)
    >>> _ = threading.Thread(target=httpd.serve_forever, daemon=True).start()
    >>> try:
    ...     urllib.request.urlopen(f"http://127.0.0.1:{httpd.server_address[1]}/no/such/page/")
    ... except urllib.error.HTTPError as err:
    ...     print(err.code, err.read().decode())
    404 <h1>Страница не найдена</h1>
    >>> httpd.shutdown(); httpd.server_close()
"""

from __future__ import annotations

import functools
import http.server
from pathlib import Path

NOT_FOUND_PAGE = "404.html"


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from ``directory``; a missing one answers with the site's 404 page
    (``not_found``, default ``directory/404.html``)."""

    def __init__(self, *args, not_found: Path | None = None, **kwargs):
        self.not_found = not_found
        super().__init__(*args, **kwargs)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.not_found or Path(self.directory) / NOT_FOUND_PAGE
        if code != 404 or self.command not in ("GET", "HEAD") or not page.is_file():
            super().send_error(code, message, explain)
            return
        try:
            body = page.read_bytes()
        except OSError:
            super().send_error(code, message, explain)
            return
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:     # noqa: A002 (http.server's own signature)
        if not getattr(self.server, "quiet", False):
            super().log_message(format, *args)


def site_server(folder: Path, port: int, *, quiet: bool = False,
                not_found: Path | None = None) -> http.server.ThreadingHTTPServer:
    """A server for ``folder`` on 127.0.0.1:``port`` (0: any free port), not yet serving.

    The folder is given by its path, not opened once: a later build's atomic swap is served at once.
    ``not_found``: the page for missing URLs (a host serving the site under a sub-path serves the
    site's own 404 page there)."""
    handler = functools.partial(SiteRequestHandler, directory=str(folder), not_found=not_found)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    httpd.quiet = quiet
    return httpd
