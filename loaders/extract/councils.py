"""Councils the document names: one mention per council, with the first place it is named."""
from __future__ import annotations

from ..model import CouncilMention
from .context import Context


def extract(ctx: Context) -> list[CouncilMention]:
    seen: dict[str, CouncilMention] = {}
    for match in ctx.mentions:
        if match.gss not in seen:
            seen[match.gss] = CouncilMention(match.gss, match.as_written, ctx.doc.evidence(match.start, match.end))
    return list(seen.values())
