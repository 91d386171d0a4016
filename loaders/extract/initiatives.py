"""Named programmes, services, enterprises and practice models, with the council that runs them.

A proper name is what makes an initiative: capitalised words ("the New
Beginnings programme"), a coined word ("Futures4Me service"), an acronym ("the
PHASE social enterprise") or a quoted phrase ("its 'focus on practice' model")
next to a word such as programme, model or hub; a programme the sector knows
by name ("Mockingbird", "Signs of Safety"); or a name introduced as one
("programmes like Start Well", "through The Deal", 'its youth council, called
"Speakerbox"'); a named operation or project ("Operation Encompass"). A place
followed by capitalised words is a name ("the Kent Youth Hub"), and so are
names with a comma or a possessive inside ("Right Help, Right Time", "Young
People's Promise"). A description made only of service words ("the integrated
front door", "Multi-Agency Safeguarding Hub"), a council's own name or
department ("the North Yorkshire approach", "Kent Youth Justice Service"),
quoted praise ("a 'very strong' partnership"), legal processes, events and
awards are not initiatives. Evidence is the sentence that names it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Initiative
from .context import Context
from .focus import council_for

# Words that say a name before them is a programme, a service, a model ... (both numbers).
TRIGGER_WORDS = frozenset("""programme programmes program programs project projects service services model models
scheme schemes initiative initiatives enterprise enterprises approach approaches hub hubs partnership partnerships
pilot pilots network networks team teams""".split())
TRIGGER = "|".join(sorted(TRIGGER_WORDS, key=len, reverse=True))
# Capitalised words that end a proper name without a trigger word ("the Young People's Promise").
NAME_HEAD = re.compile(r"^(?:Promise|Pledge|Charter|Covenant|Offer|Guarantee|Passport|Academy|Café|Cafe|Club|Collective)$")
TEAM_WORD = re.compile(r"^teams?$", re.I)
TRIGGER_WORD = re.compile(rf"^(?:{TRIGGER})$", re.I)

# Programmes used across England, known by name: found wherever they are named.
KNOWN = (
    "Signs of Safety", "Mockingbird", "Family Safeguarding", "No Wrong Door", "Partners in Practice",
    "Partner in Practice", "Strengthening Families Protecting Children", "Strengthening Families, Protecting Children",
    "Troubled Families", "Supporting Families", "Staying Close", "Staying Put", "Step Up to Social Work",
    "Frontline", "Think Ahead", "Reclaiming Social Work", "Family Valued", "Pause", "Lifelong Links",
    "Safe and Together", "Family Drug and Alcohol Court", "Families First for Children", "Social Work Together",
    "Restorative Practice", "Family Group Conferencing", "Team Around the Family", "Growing Futures",
    "Hackney Model", "Trauma Informed Practice",
)
KNOWN_FIRST_WORDS = frozenset(k.split()[0].lower() for k in KNOWN)
KNOWN_RE = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(k) for k in sorted(KNOWN, key=len, reverse=True))
                      + r")(?![\w'’-])", re.I)

CAP = r"(?=[A-Za-z])(?:[A-Z][\w’'&-]*[\w&](?:(?<=s)['’](?=\s+[A-Z]))?|[A-Z]|[a-z]+\d\w*)"
CONNECTOR = r"(?:of|and|the|for|in|to|around|on|at|with|&)"
RUN = rf"{CAP}(?:\s+(?:{CONNECTOR}\s+)*{CAP})*"
# "New Beginnings programme", "Specialist Intensive Worker Hub (SIWH) project", "PHASE social enterprise"
NAMED = re.compile(rf"(?<![\w’'])(?P<name>{RUN})(?:\s*\((?P<acr>[A-Za-z]{{2,8}})\))?"
                   rf"(?P<tail>(?:\s+(?!(?:of|for|and|to|in|the|a|an|on|at|with|from|by)\b)[a-z][\w-]*){{0,2}}?\s+(?:{TRIGGER}))?"
                   rf"(?![\w-])")
# A quote opens after a space or bracket, never inside a word ("children's and adults' services" holds none).
_OPEN, _CLOSE = r"(?<![\w’'])[‘'\"“](?=\S)", r"(?<=\S)[’'\"”](?![\w’'])"
QUOTED = re.compile(rf"{_OPEN}(?P<name>[^‘’'\"“”]{{3,40}}){_CLOSE}\s+(?:(?:[a-z][\w-]*)\s+){{0,1}}(?:{TRIGGER})\b")
# 'its youth council, called "Speakerbox"': a quoted name introduced as one.
QUOTED_CALLED = re.compile(rf"\b(?:called|named|known\s+as|dubbed|branded)\s+{_OPEN}(?P<name>[^‘’'\"“”]{{2,40}}){_CLOSE}")
# Words that make a quoted phrase praise rather than a name ("a 'very strong' partnership").
PRAISE = set("""
very really highly truly extremely particularly exceptionally genuinely deeply hugely most more less so too
strong good effective robust excellent exemplary outstanding impressive positive weak poor inadequate stable
secure sustained consistent clear swift timely thorough creative innovative ambitious tenacious
""".split())
# Police operations and named projects are programmes ("Operation Encompass", "Project Horizon").
OPERATION = re.compile(r"\b(?:Operation|Project)\s+(?!(?:Manager|Lead|Leader|Officer|Worker|Coordinator|Co-ordinator|"
                       r"Director|Board|Team|Group|Management|Plan|Support|Assistant)\b)(?P<word>[A-Z][a-z]+)\b")
# "Right Help, Right Time model": a name whose two halves a comma joins.
PAIRED = re.compile(rf"(?<![\w’'])(?P<name>{CAP}(?:\s+{CAP}){{1,3}},\s+{CAP}(?:\s+{CAP}){{1,3}})"
                    rf"(?=(?:\s+[a-z][\w-]*)?\s+(?:{TRIGGER})\b)")
INTRODUCED = re.compile(rf"\b(?:{TRIGGER}|initiatives?),?\s+(?:like|such\s+as|including|called|named|known\s+as|"
                        rf"dubbed|branded)\s+(?:the\s+)?(?P<name>{RUN})")
TITLED = re.compile(rf"\b(?:through|via|under|called|named|known\s+as|dubbed|branded|part\s+of)\s+"
                    rf"(?P<name>The\s+{CAP}(?:\s+{CAP}){{0,3}})")
DEFINITION = re.compile(rf"(?P<name>{CAP}(?:\s+(?:{CONNECTOR}\s+)*{CAP}){{1,8}})\s+\((?P<acr>[A-Za-z]{{2,8}})\)")

# Words that make a run a department or a generic description when it is made only of them.
GENERIC = set("""
children children's childrens child young people people's family families early help social care work services service
youth offending justice adoption fostering foster leaving leavers safeguarding multi-agency multi agency hub board team
teams front door integrated local authority council health mental education school schools virtual disabled disability
disabilities protection partnership partnerships adult adults support edge of and the for in to our their new
programme programmes project projects model models scheme schemes initiative initiatives enterprise enterprises approach
approaches hubs pilot pilots network networks unit duty assessment intake referral referrals emergency out hours quality
assurance looked after looked-after corporate parenting placement placements residential practice county city borough
district metropolitan north south east west inspection improvement performance transformation strategy
""".split())
# Words that make a run an organisation, an event, an award, a process or an inspection: never an initiative.
NOT_INITIATIVE = re.compile(
    r"\b(?:Ofsted|Department|Ministry|Government|Commission|Court|Committee|Police|NHS|Trust|Association|Board|"
    r"Conference|Awards?|Week|Day|Live|Podcast|Interview|Year|Inspection|Inspectorate|Framework|ILACS|SIF|JTAI|"
    r"Covid|Coronavirus|Public Law Outline|PLO|University|College|Council|Councils|Authority|Cabinet|Parliament|"
    r"Minister|Director|Leader|Chief|Report|Act|Regulations|Bill|Review|England|UK|Britain)\b")
ACRONYMS_NOT_INITIATIVES = {"CAMHS", "MASH", "LSCB", "PLO", "DFE", "NHS", "SEND", "CSE", "ILACS", "SIF", "JTAI", "LADO",
                            "IRO", "UASC", "YOT", "ADCS", "LGA", "CQC", "HMI", "HMCI", "CCG", "ICB", "EHCP", "DCS",
                            "MP", "UK", "BBC", "GP", "CIN", "CP", "LAC", "FGM", "MACE", "PHE"}
# Possessives that belong inside a name rather than naming its owner.
NAME_POSSESSIVES = {"people's", "children's", "childrens'", "parents'", "carers'", "women's", "men's", "families'",
                    "leavers'", "girls'", "boys'"}
# "Hove-based", "council-run", "borough-wide": where or by whom, not part of the name.
PLACE_MODIFIER = re.compile(r"-(?:based|led|run|wide|funded|backed|owned|commissioned)$", re.I)
# What a council's own department or statutory body is called; with a place before it, still not an initiative.
DEPARTMENT = re.compile(
    r"^(?:(?:multi[\s-]agency\s+)?safeguarding(?:\s+children)?(?:['’]s)?\s+(?:hub|partnership|board)s?|"
    r"youth\s+(?:offending|justice)\s+(?:service|team)s?|children(?:['’]s)?\s+(?:services?|social\s+care|trust)|"
    r"(?:children(?:['’]s)?\s+)?(?:fostering|adoption|leaving\s+care|care\s+leavers['’]?|early\s+help|social\s+care|"
    r"family\s+support|disabled\s+children(?:['’]s)?|social\s+work|education|safeguarding)\s+(?:service|team)s?|"
    r"(?:integrated\s+)?front\s+door|virtual\s+school|(?:children(?:['’]s)?\s+and\s+)?families(?:\s+services?)?)$",
    re.I)
SENTENCE_WORDS = set("""
the a an in at on of for and but this that these those it its our their his her we they he she out through under
part after before during since while when where what why how all some most overall however meanwhile despite
although also both only each every other inspectors ofsted
""".split())


# The words each pattern below needs: a sentence holding none of them is not read again (most are not).
WORD = re.compile(r"[a-z]+")
HEAD_WORDS = frozenset("promise pledge charter covenant offer guarantee passport academy café cafe club collective".split())
TITLED_WORDS = frozenset("through via under called named known dubbed branded part".split())
KNOWN_WORDS = frozenset(KNOWN_FIRST_WORDS)


def _cues(text: str) -> set[str]:
    """The kinds of cue a sentence holds, from one look at its words."""
    words = set(WORD.findall(text.lower()))
    cues = set()
    if not words.isdisjoint(TRIGGER_WORDS):
        cues.add("trigger")
    if not words.isdisjoint(HEAD_WORDS):
        cues.add("head")
    if not words.isdisjoint(TITLED_WORDS):
        cues.add("titled")
    if not words.isdisjoint(KNOWN_WORDS):
        cues.add("known")
    if "operation" in words or "project" in words:
        cues.add("operation")
    if cues and ("'" in text or "‘" in text or '"' in text or "“" in text):
        cues.add("quote")
    return cues


@dataclass
class _Found:
    name: str
    sentence: int
    votes: dict[str | None, int]


def extract(ctx: Context) -> list[Initiative]:
    text = ctx.doc.text
    acronyms = _acronyms(ctx)
    found: dict[str, _Found] = {}
    for index, sentence in enumerate(ctx.sentences):
        cues = _cues(text[sentence.start:sentence.end])
        if not cues:
            continue
        for name, start in _names_in(ctx, sentence.start, sentence.end, acronyms, cues):
            key = _key(name)
            if not key:
                continue
            gss, weight = _council(ctx, index, start)
            item = found.setdefault(key, _Found(name, index, {}))
            item.votes[gss] = item.votes.get(gss, 0) + weight
    result = []
    for item in found.values():
        span = ctx.sentences[item.sentence]
        gss = max(item.votes, key=lambda g: (g is not None, item.votes[g]))  # first named wins a tie
        result.append(Initiative(item.name, gss, ctx.doc.evidence(span.start, span.end)))
    return result


def _key(name: str) -> str:
    """One key per initiative in a document: case, spaces and a trailing generic word do not matter."""
    words = re.sub(r"\([^)]*\)", " ", name).lower().replace("’", "'").split()
    if words[:1] == ["the"]:
        words = words[1:]
    while len(words) > 1 and TRIGGER_WORD.match(words[-1]):
        words.pop()
    return re.sub(r"[^a-z0-9]+", "", "".join(words))


def _acronyms(ctx: Context) -> dict[str, str]:
    """Acronyms the document defines: 'Partners in Practice (PiP)' makes 'PiP' stand for the name."""
    defined = {}
    for sentence in ctx.sentences:
        if "(" not in ctx.doc.text[sentence.start:sentence.end]:
            continue
        for m in DEFINITION.finditer(ctx.doc.text, sentence.start, sentence.end):
            words = m.group("name").split()
            initials = m.group("acr").lower()
            # keep the words whose initials spell the acronym, counted from the end
            for first in range(len(words)):
                candidate = words[first:]
                letters = "".join(w[0] for w in candidate if w[0].isupper()).lower()
                if letters == initials or "".join(w[0] for w in candidate).lower() == initials:
                    defined[m.group("acr")] = " ".join(candidate)
                    break
    return defined


def _names_in(ctx: Context, start: int, end: int, acronyms: dict[str, str], cues: set[str]):
    text = ctx.doc.text
    has_trigger = "trigger" in cues
    has_head = has_trigger or "head" in cues
    paired = []
    for m in PAIRED.finditer(text, start, end) if has_trigger and "," in text[start:end] else ():
        name, name_start = _trim(m.group("name"), m.start("name"), start)
        if "," in name and _is_initiative_name(ctx, name) and not any(_only_generic(h) for h in name.split(",")):
            paired.append((name_start, m.end("name")))
            yield name, name_start
    for m in NAMED.finditer(text, start, end) if has_head else ():
        if any(a <= m.start("name") < b for a, b in paired):
            continue
        name, name_start = _trim(m.group("name"), m.start("name"), start)
        if not name:
            continue
        words = name.split()
        last = words[-1]
        trigger_inside = len(words) > 1 and (TRIGGER_WORD.match(last) is not None or NAME_HEAD.match(last) is not None)
        if not (m.group("tail") or trigger_inside or m.group("acr")):
            continue
        if not m.group("tail") and m.group("acr") and not trigger_inside:
            continue
        team = TEAM_WORD.match(last) if trigger_inside else m.group("tail") and TEAM_WORD.match(m.group("tail").split()[-1])
        if team and not (len(words) > 1 + bool(trigger_inside) and any(_coined(w) for w in words)):
            continue  # "the Leaving Care team", "the EDT team": a team is named by a coined word and another
        if len(words) == 1 and name_start == _first_word_start(text, start) and not _coined(name):
            continue  # "Highly developed partnerships": a capital that only starts the sentence
        if re.fullmatch(r"[A-Za-z]{2,8}", name) and name in acronyms:
            name = acronyms[name]
        if _is_initiative_name(ctx, name):
            yield name, name_start
    quoted = "quote" in cues
    for m in QUOTED.finditer(text, start, end) if quoted and has_trigger else ():
        name = m.group("name").strip()
        if 1 <= len(name.split()) <= 5 and not NOT_INITIATIVE.search(name) and not _only_generic(name) \
                and not _praise(name):
            yield name, m.start("name")
    for m in QUOTED_CALLED.finditer(text, start, end) if quoted else ():
        name = m.group("name").strip()
        if name[:1].isupper() and len(name.split()) <= 5 and _is_initiative_name(ctx, name):
            yield name, m.start("name")
    for pattern in (INTRODUCED, TITLED):
        for m in pattern.finditer(text, start, end) if has_trigger or pattern is TITLED and "titled" in cues else ():
            name = _strip_trigger(m.group("name"))
            if _is_initiative_name(ctx, name, allow_the=True):
                yield name, m.start("name")
    for m in OPERATION.finditer(text, start, end) if "operation" in cues else ():
        yield m.group(0), m.start()
    for m in KNOWN_RE.finditer(text, start, end) if "known" in cues else ():
        written = m.group(0)
        after = text[m.end():m.end() + 40]
        followed = re.match(rf"^(?:\s+[a-z][\w-]*){{0,2}}\s+(?:{TRIGGER}|teams?|constellations?)\b", after, re.I)
        several = len(written.split()) > 1
        if written[:1].isupper() and (several or m.start() != _first_word_start(text, start) or followed):
            yield _canonical(written), m.start()
        elif followed and several:
            yield _canonical(written), m.start()


def _praise(name: str) -> bool:
    """A quoted phrase of lower-case words that grades rather than names ('very strong', 'highly effective')."""
    if re.search(r"[A-Z\d]", name):
        return False
    words = name.lower().split()
    return words[0] in PRAISE or words[-1] in PRAISE


def _first_word_start(text: str, sentence_start: int) -> int:
    """Where the sentence's first word starts, after any bullet, quote or bracket."""
    m = re.match(r"[\s\-–—•*‘'\"“(\[]*", text[sentence_start:sentence_start + 10])
    return sentence_start + (m.end() if m else 0)


def _coined(word: str) -> bool:
    """A word no dictionary has: an acronym, a digit or a capital inside ('PHASE', 'Futures4Me', 'PiP')."""
    return bool(re.search(r"\d|.[A-Z]", word))


def _canonical(written: str) -> str:
    for known in KNOWN:
        if known.lower() == written.lower():
            return known
    return written


def _strip_trigger(name: str) -> str:
    words = name.split()
    while len(words) > 1 and TRIGGER_WORD.match(words[-1]):
        words.pop()
    return " ".join(words)


def _trim(name: str, offset: int, sentence_start: int) -> tuple[str, int]:
    """Drop the words a sentence starts with ('Out of the ...'), owners ('Hampshire's ...') and where it is
    based ('the Hove-based ...'); a possessive inside a name stays ('Young People's Promise')."""
    words = list(re.finditer(r"\S+", name))
    first = 0
    for i, w in enumerate(words):
        word = w.group(0)
        owner = i == len(words) - 1 or word.lower().replace("’", "'") not in NAME_POSSESSIVES
        if re.search(r"['’]s$", word) and owner or \
                PLACE_MODIFIER.search(word):
            first = i + 1
    while first < len(words):
        word = words[first].group(0)
        at_start = offset + words[first].start() == sentence_start or not word[:1].isupper()
        if word.lower() in SENTENCE_WORDS and (at_start or word.lower() in ("the", "of", "and", "for", "in", "to")):
            first += 1
            continue
        break
    for i in range(len(words) - 2, first, -1):  # "X Services and the Y Partnership": two names, the last one ours
        if words[i].group(0) == "the" and words[i - 1].group(0) in ("and", "&"):
            first = i + 1
            break
    if first >= len(words):
        return "", offset
    trimmed = name[words[first].start():]
    return trimmed, offset + words[first].start()


def _only_generic(name: str) -> bool:
    return all(w.lower().replace("’", "'") in GENERIC for w in re.findall(r"[\w’'-]+", name))


def _is_initiative_name(ctx: Context, name: str, allow_the: bool = False) -> bool:
    if not name or len(name) < 2:
        return False
    if NOT_INITIATIVE.search(name):
        return False
    if name.upper() == name and name.replace("-", "").isalpha() and name.upper() in ACRONYMS_NOT_INITIATIVES:
        return False
    bare = re.sub(r"^The\s+", "", name) if allow_the else name
    if _only_generic(bare) and not KNOWN_RE.fullmatch(bare):
        return False
    words = bare.split()
    if any(DEPARTMENT.match(" ".join(words[i:])) for i in range(min(len(words), 4))):
        return False  # "Essex Safeguarding Children Partnership": a statutory body with its place before it
    # a council's or a place's own name ("the North Yorkshire approach"), a council's department ("Kent Youth
    # Justice Service"); a place and capitalised words is a name ("the Kent Youth Hub")
    for m in ctx.gazetteer.find(bare):
        rest = (bare[:m.start] + bare[m.end:]).strip()
        if not rest or _only_generic(rest) and not _proper_after_place(bare[:m.start], rest):
            return False
    return True


def _proper_after_place(before: str, rest: str) -> bool:
    """'Sefton Adoption Partnership': the place opens the name and two or more capitalised words that are not
    a department's title follow it."""
    words = [w for w in rest.split() if w.lower() not in ("and", "the", "for", "of", "in", "to", "&")]
    return (not before.strip() and len(words) >= 2 and all(w[:1].isupper() for w in words)
            and not DEPARTMENT.match(rest))


def _council(ctx: Context, index: int, position: int) -> tuple[str | None, int]:
    """The council that runs it, and how sure: named as owner just before ('Hampshire's ...') counts most,
    then the sentence's subject, then the council the passage is about."""
    mentions = ctx.by_sentence[index]
    for m in reversed(mentions):
        if m.end <= position and re.match(r"^['’]s\s+(?:[\w-]+\s+){0,3}$", ctx.doc.text[m.end:position]):
            return m.gss, 3
    if mentions:
        return mentions[0].gss, 2
    return council_for(ctx, index), 1
