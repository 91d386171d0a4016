"""Job titles as the press writes them, and which kind of body holds them.

A role phrase is recognised by its head word ("director", "cabinet member",
"minister", ...). Council roles ("lead member for children", "director of
children's services") belong to the council the passage is about when the
text names no organisation; national roles (a minister, the chief social
worker) do not.
"""
from __future__ import annotations

import re

# Head words of a role: a phrase holding one of these names a post.
ROLE_HEADS = (
    r"director|directors|member|councillor|leader|minister|secretary|inspector|commissioner|president|"
    r"chair|chairman|chairwoman|chairperson|chief executive|executive|manager|officer|head|holder|"
    r"spokesperson|spokesman|spokeswoman|mayor|social worker|worker|carer|lead|dcs|principal|"
    r"adviser|advisor|chief|deputy|governor|practitioner|consultant|coordinator|co-ordinator|"
    r"of the year|nurse|psychologist|partner|superintendent|constable|sergeant|detective|commander|headteacher|"
    r"head teacher|chair of"
)
ROLE_HEAD = re.compile(rf"\b(?:{ROLE_HEADS})\b", re.I)

# Roles that sit in the national government or a national body, not a council.
NATIONAL_ROLE = re.compile(
    r"\b(?:minister|secretary of state|(?:education|home|health|culture|communities|levelling up) secretary|chief social worker|chief inspector|hmci|his majesty's|her majesty's|"
    r"children's commissioner for england|prime minister|mp\b|shadow)\b", re.I)

# Roles that are not posts in any body: a foster carer speaks for herself.
PERSONAL_ROLE = re.compile(r"\b(?:carer|foster|parent|mother|father|mum|dad|grandmother|grandfather|resident|"
                           r"care leaver|young person|student|volunteer)\b", re.I)

ABBREVIATIONS = {
    "dcs": "director of children's services",
    "ceo": "chief executive",
    "hmci": "His Majesty's Chief Inspector",
    "psw": "principal social worker",
}


def is_role(phrase: str) -> bool:
    """Whether a phrase names a post: it has a role head word and is short enough to be a title."""
    words = phrase.split()
    return bool(words) and len(words) <= 16 and bool(ROLE_HEAD.search(phrase))


def normalise_role(phrase: str) -> str:
    """The role as written, without leading articles and trailing punctuation; a bare abbreviation spelt out."""
    role = re.sub(r"\s+", " ", phrase).strip(" ,;:–—-\"“”‘’'")
    role = re.sub(r"^(?:the|a|an|its|their|our|his|her)\s+(?!Majesty)", "", role, flags=re.I)
    role = re.sub(r"^(?:new|newly[\s-]appointed|recently[\s-]appointed)\s+(?=\w)", "", role, flags=re.I)
    expanded = ABBREVIATIONS.get(role.lower())
    return expanded or role


# An inspector of a named kind is Ofsted's, whoever the report is about ("Lead inspector: NAME").
OFSTED_ROLE = re.compile(r"^(?:(?:deputy\s+)?lead|team|senior|shadow|social\s+care\s+regulatory|ofsted)\s+inspectors?$|"
                         r"\b(?:hmi|his\s+majesty['’]s\s+inspector|her\s+majesty['’]s\s+inspector)\b", re.I)


def is_ofsted_role(role: str) -> bool:
    return bool(OFSTED_ROLE.search(role))


def is_council_role(role: str) -> bool:
    """A role a council's officer or councillor holds (the default organisation is the council in focus)."""
    return bool(role) and not NATIONAL_ROLE.search(role) and not PERSONAL_ROLE.search(role)
