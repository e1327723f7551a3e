"""The web dashboard and JSON API: ``create_app(db, token=...)`` and ``backchannel serve``.

Server-rendered pages (overview, tracker, evidence search, article, cluster) over the
store, a read-only JSON API under ``/api/`` (ingest only with a token), and Vega-Lite
charts shipped as static files: nothing is fetched from the network at run time.
"""

from .app import create_app

__all__ = ["create_app"]
