"""The review web app (WSGI) and ``fzcheck serve``.

``checker.web:app`` stays the app's documented entry for any WSGI server
(``waitress-serve checker.web:app``); it is looked up lazily so that importing the package
costs nothing until the app is asked for.
"""
from __future__ import annotations


def __getattr__(name: str):
    if name == "app":
        from .wsgi import app

        return app
    raise AttributeError(name)
