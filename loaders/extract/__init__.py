"""The extractors, one module each, run in this order over a document's Context.

To add one: write a module with `extract(ctx: Context) -> list[Fact]` and
list it here.
"""
from __future__ import annotations

from collections.abc import Callable

from ..model import Fact
from . import councils
from .context import Context, build_context

Extractor = Callable[[Context], list[Fact]]

EXTRACTORS: list[tuple[str, Extractor]] = [
    ("councils", councils.extract),
]

__all__ = ["EXTRACTORS", "Context", "build_context", "Extractor"]
