"""The inspection team a report names: its lead inspector on the front page
("Lead inspector: Tracey Ledder, His Majesty's Inspector", "Lead inspector:
Neil Penswick HMI") and, in SIF reports, the team listed at the end (deputy
lead, team, shadow inspectors, data analyst, quality assurance manager).
Each is a PersonRole at Ofsted with the role as written."""
from __future__ import annotations

import re

from ..model import PersonRole
from .context import Context

TEAM_LINE = re.compile(r"^(?P<role>(?:Deputy\s+)?Lead inspector|Team inspectors?|Shadow inspectors?|Senior data analysts?"
                       r"|Quality assurance managers?|Inspectors?)\s*:\s*(?P<people>[^\n]+)$", re.M | re.I)
NAME = r"(?!His\b|Her\b)[A-Z][\w’'-]+(?:\s+(?!HMI\b|His\b|Her\b)(?:[A-Z]\.?(?!\w)|[A-Z][\w’'-]+|de|van|von|le|la)){1,3}"
PERSON = re.compile(rf"(?P<name>{NAME})(?P<after>(?:\s*,?\s*(?:HMI|His Majesty[’']s Inspector|Her Majesty[’']s Inspector"
                    rf"|Ofsted Inspector|Social Care Regulatory Inspector))?)")
HMI_TITLE = re.compile(r"^\s*,?\s*")


def extract(ctx: Context) -> list[PersonRole]:
    text = ctx.doc.text
    found: dict[str, PersonRole] = {}
    for line in TEAM_LINE.finditer(text):
        role = _singular(line.group("role").strip().lower())
        people = line.group("people")
        for person in _people(people):
            name, title = person.group("name"), HMI_TITLE.sub("", person.group("after")).strip()
            if name.lower().startswith(("his majesty", "her majesty")):
                continue
            start = line.start("people") + person.start()
            end = line.start("people") + person.end()
            as_written = f"{role}, {title}" if title else role
            found.setdefault(name, PersonRole(name, as_written, "Ofsted", ctx.doc.evidence(start, end)))
    return list(found.values())


def _people(listed: str) -> list[re.Match[str]]:
    """Each person in 'A HMI, B HMI and C' (one name per comma or 'and')."""
    matches = []
    for match in PERSON.finditer(listed):
        before = listed[:match.start()].rstrip()
        if before and not before.endswith((",", "and", ":")) and not matches == []:
            continue
        matches.append(match)
    return matches


def _singular(role: str) -> str:
    return re.sub(r"(inspector|analyst|manager)s\b", r"\1", role)
