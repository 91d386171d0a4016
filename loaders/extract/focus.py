"""Which council a figure, a post or a programme belongs to when the text does not say it beside them.

The subject of a sentence tends to come first ("North Tyneside Council, together
with South Tyneside Council, ..."), so within a sentence the council named
nearest before the position wins, and in earlier sentences the first one named.
"""
from __future__ import annotations

from .context import Context


def council_for(ctx: Context, index: int, position: int | None = None, later_in_sentence: bool = True) -> str | None:
    """The council sentence `index` (at `position`, where given) is about.

    `later_in_sentence=False` ignores councils named after the position: what a speaker goes on to say
    ("..., said: 'our colleagues in South Tyneside'") does not tell whom the speaker works for.
    """
    mentions = ctx.by_sentence[index]
    if position is not None:
        before = [m for m in mentions if m.end <= position]
        if before:
            return before[-1].gss
        if not later_in_sentence:
            mentions = []
    if mentions:
        return mentions[0].gss
    for i in range(index - 1, -1, -1):
        if ctx.by_sentence[i]:
            return ctx.by_sentence[i][0].gss
    return ctx.main_council()
