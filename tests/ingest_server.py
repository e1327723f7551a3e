"""A real HTTP server on 127.0.0.1 for the ingest tests: routes map a path to a handler.

Each route is ``path -> (status, headers, body)`` or a callable taking the handler (for
slow responses and redirects). The server runs in a thread for one test.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = tuple[int, dict[str, str], bytes] | Callable[[BaseHTTPRequestHandler], None]


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[str]:
    """Serve ``routes`` on a free loopback port; yields the base URL (no trailing slash)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            route = routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if callable(route):
                route(self)
                return
            status, headers, body = route
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args) -> None:
            pass

    class Server(ThreadingHTTPServer):
        def handle_error(self, request, client_address) -> None:
            pass  # clients that hang up at a limit are what the tests provoke

    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def html_page(title: str, paragraphs: list[str]) -> bytes:
    """A small but complete news page with navigation and a footer around the article."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:site_name' content='Loopback News'></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Copyright Loopback News. Terms of use. Privacy.</footer></body></html>"
    ).encode()
