"""People who act in the story, with the role and organisation the text gives them.

A name alone is not enough: it must stand in apposition to a role ("Mick
Gibbs, director of ... at North Lincolnshire Council, said"; "Croydon's DCS,
Rob Henderson"; "Director of Children's Services Darryl Freeman said"), be
described in a relative clause ("Stuart, who was appointed director ...",
"Councillor Tom Smith, who chairs the committee"), or speak or act ("said Jane
Doe", "Cllr Jane Doe called for ...", "John Doe signed the letter"). A body
written after the name ("Detective Superintendent Ann Lee of Kent Police") is
the organisation. A run of capitals inside a council's name ("A spokesperson
for Cheshire West and Chester Council") is no person. Bylines, captions and
commenters give a bare name and are not read. One post per person per
document: the fullest one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import NameMatch
from ..model import PersonRole
from .context import Context
from .focus import council_for
from .names import NAME, SINGLE_NAME, clean_name, is_person_name
from .roles import PERSONAL_ROLE, is_council_role, is_ofsted_role, is_role, normalise_role

SPEECH_VERBS = (r"said|says|say|told|tells|added|adds|explained|explains|commented|comments|confirmed|stated|"
                r"states|welcomed|praised|described|wrote|warned|admitted|insisted|noted|acknowledged|"
                r"announced|responded|replied|argued|believes|believed|agreed|admits|hopes|urged")
# What a person named in the story does besides speaking ("Cllr Jane Doe called for ...", "John Doe signed the letter").
ACT_VERBS = (r"called\s+for|calls\s+for|signed|signs|chairs|chaired|leads|wrote|writes|thanked|thanks|highlighted|"
             r"stressed|emphasised|emphasized|outlined|set\s+out|pointed\s+out|pledged|promised|vowed|revealed|"
             r"apologised|apologized|defended|criticised|criticized|questioned|asked|raised|accepted|presented|"
             r"launched|visited|met|joined|wants|wanted|paid\s+tribute|spoke|speaks|is\s+quoted|was\s+quoted")
SPEECH_AFTER = re.compile(rf"^\s*(?:,\s*)?(?:has\s+|had\s+|also\s+|then\s+|later\s+|recently\s+)?"
                          rf"(?:{SPEECH_VERBS}|{ACT_VERBS})\b")
SPEECH_BEFORE = re.compile(rf"(?:\b(?:{SPEECH_VERBS})|\baccording to)\s*,?\s*$", re.I)
# Where a role written after the name stops: a speech verb, a colon, a dash, the end of the sentence.
ROLE_END = re.compile(rf",?\s+(?:{SPEECH_VERBS}|{ACT_VERBS})\b|\s*[:;(]|\s+[–—-]\s+|[.!?]?[\"”’]?\s*$")
RELATIVE = re.compile(r"^\s*,\s*who\s+(?:was\s+appointed(?:\s+as)?|has\s+been\s+appointed(?:\s+as)?|became|"
                      r"is|was|has\s+been|had\s+been|took\s+over\s+as|joined\s+as|serves\s+as|acts\s+as|"
                      r"(?P<verb>chairs|heads|leads|manages|oversees))\s+")
# "who chairs the committee" holds the post "chair of the committee".
POST_OF_VERB = {"chairs": "chair of", "heads": "head of", "leads": "lead for", "manages": "manager of",
                "oversees": "lead for"}
# After-the-fact phrases that end a role: "... in April 2023", "... just over 12 months ago".
ROLE_TAIL = re.compile(
    r"\s+(?:(?:in|since|from|until|between)\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|\d{4}|the\s+past|last|early|late)\b.*"
    r"|(?:just\s+|about\s+|almost\s+|nearly\s+|some\s+|over\s+|more\s+than\s+)*\S+\s+(?:years?|months?|weeks?|days?)\s+ago\b.*"
    r"|(?:last|this|next)\s+(?:year|month|week)\b.*)$")
APPOINTED_BY = re.compile(r"(?P<org>(?:the\s+)?(?:[A-Z][\w&'’-]*\s+(?:(?:for|of|and)\s+)?){1,6})"
                          r"(?:has\s+|had\s+)?(?:appointed|named|hired|installed|sent\s+in)\s+$")
# Lower-case words a role phrase is made of, read leftwards from a name ("the assistant director for children").
ROLE_WORDS = set("""
of for and at the a an &
director directors deputy assistant interim acting new permanent former current senior executive chief corporate
strategic operational group principal head lead leader member members cabinet portfolio holder councillor
minister secretary state commissioner president chair chairman chairwoman vice manager officer inspector worker
workers social spokesperson spokesman spokeswoman mayor adviser advisor consultant practitioner coordinator carer
children children's childrens child young people people's families family services service care education
learning safeguarding health adult adults schools skills early help protection looked-after inclusion achievement
wellbeing well-being standards operations transformation development workforce support specialist area team
locality community communities resilience partnerships prevention quality practice performance improvement
commissioning national regional local county borough city council authority dcs ceo psw year
branch union home hub fostering adoption kinship residential youth justice panel committee board scrutiny
policy trust partnership programme project virtual school headteacher
""".split())
# Words a role read leftwards from a name does not run past, however they are written.
LEFT_STOP = {w.replace("\\s+", " ") for w in SPEECH_VERBS.split("|")} | {
    "speaking", "meanwhile", "however", "today", "yesterday", "now", "also", "but", "while", "when", "after",
    "before", "although", "according"}
ORG_WORDS = re.compile(r"\b(?:Ofsted|Department|Ministry|Association|Agency|Board|Partnership|Trust|Commission|"
                       r"Council|Government|Office|Inspectorate|Foundation|Institute|Society|Network|Union|"
                       r"Alliance|Court|Police|Constabulary|NHS|University|College|Charity|Group|LGA|ADCS|DfE|Unit|Team|Hospital|"
                       r"School|Academy|Federation|Fund|Centre)\b")
# "NAME of Midshire Police", "NAME from the Fostering Network": the body a person comes from, written after the name.
BODY_AFTER = re.compile(r"^\s+(?:of|from|at)\s+(?P<org>(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?"
                        r"[A-Z][\w'’&-]*){0,6})")
# "Ofsted's Yvette Stanley": the body a person speaks for, as a possessive just before the name.
OWNER_BEFORE = re.compile(r"(?<![\w'’])(?P<org>[A-Z][\w&-]*(?:\s+(?:[A-Z][\w&-]*|and|of|for))*?)['’]s\s+$")
LOCAL_BODY = re.compile(r"^(?:the\s+)?(?:council|authority|local\s+authority|county|borough|city)$", re.I)


@dataclass
class _Post:
    name: str
    role: str
    organisation: str
    gss: str | None
    start: int
    end: int

    @property
    def fullness(self) -> int:
        return 2 * bool(self.role) + bool(self.organisation)


def extract(ctx: Context) -> list[PersonRole]:
    best: dict[str, _Post] = {}
    known: dict[str, str] = {}
    for second in (False, True):  # the second pass reads "says Stuart, who ..." for people the first found
        if second and not known:
            break
        for index, sentence in enumerate(ctx.sentences):
            for name, start, end in _names_in(ctx, index, known, second):
                post = _read_post(ctx, index, name, start, end)
                if post is None:
                    continue
                key = name.casefold()
                if key not in best or post.fullness > best[key].fullness:
                    best[key] = post
        known = _short_names(best)
    return [PersonRole(p.name, p.role, p.organisation, ctx.doc.evidence(p.start, p.end), p.gss)
            for p in best.values()]


# ---------------------------------------------------------------- names

def _valid_windows(ctx: Context, index: int):
    """Name matches in sentence `index`, each trimmed to the longest run of words that is a person's name."""
    text = ctx.doc.text
    start, end = ctx.sentences[index].start, ctx.sentences[index].end
    mentions = ctx.by_sentence[index]
    places = {text[m.start:m.end] for m in mentions}
    for m in NAME.finditer(text, start, end):
        # "A spokesperson for Cheshire West and Chester Council": a council's name holds no person
        if any(p.start <= m.start("name") < p.end or p.start < m.end("name") < p.end for p in mentions):
            continue
        words = list(re.finditer(r"\S+", m.group("name")))
        offset = m.start("name")
        found = None
        for first in range(len(words) - 1):
            for last in range(min(len(words) - 1, first + 3), first, -1):
                candidate = m.group("name")[words[first].start():words[last].end()]
                if is_person_name(candidate, places.__contains__):
                    found = (candidate, offset + words[first].start(), offset + words[last].end())
                    break
            if found:
                break
        if found:
            name, s, e = found
            if s == offset and m.group("honorific"):
                s = m.start()
            if words and found[2] == offset + words[-1].end() and m.group("post"):
                e = m.end()
            yield name, s, e


def _short_names(people: dict[str, _Post]) -> dict[str, str]:
    """First names and surnames that stand for one person already read ('Stuart' -> 'Stuart Ashley')."""
    parts: dict[str, set[str]] = {}
    for post in people.values():
        words = post.name.split()
        for word in (words[0], words[-1]):
            parts.setdefault(word, set()).add(post.name)
    return {word: next(iter(names)) for word, names in parts.items() if len(names) == 1}


def _names_in(ctx: Context, index: int, known: dict[str, str], short_names: bool):
    """Full names in a sentence, or (`short_names`) single words that stand for a full name named elsewhere."""
    sentence = ctx.sentences[index]
    start, end = sentence.start, sentence.end
    if not short_names:
        for name, s, e in _valid_windows(ctx, index):
            yield clean_name(name), s, e
        return
    words = set(re.findall(r"[A-Z][\w'’-]*", ctx.doc.text[start:end]))
    if words.isdisjoint(known):
        return
    spans = [(s, e) for _n, s, e in _valid_windows(ctx, index)]
    for m in SINGLE_NAME.finditer(ctx.doc.text, start, end):
        if any(s <= m.start() < e for s, e in spans):
            continue
        full = known.get(m.group("name"))
        if full and full != m.group("name"):
            yield clean_name(full), m.start(), m.end()


# ---------------------------------------------------------------- roles

def _read_post(ctx: Context, index: int, name: str, start: int, end: int) -> _Post | None:
    text = ctx.doc.text
    sentence = ctx.sentences[index]
    after, before = text[end:sentence.end], text[sentence.start:start]

    body = BODY_AFTER.match(after)  # "NAME of Midshire Police said"
    if body and not (ORG_WORDS.search(body.group("org")) or _council_in(ctx, index, body.group("org"))):
        body = None
    role_span = _role_after(text, end, sentence.end) or _role_before(text, sentence.start, start)
    if role_span:
        role_start, role_end = role_span
        role, organisation, gss = _split_organisation(ctx, index, text[role_start:role_end], role_start)
        if body and role_end <= start:
            _role, organisation, gss = _split_organisation(ctx, index, f"of {body.group('org')}", end)
            role_end = end + body.end("org")
        if role:
            return _Post(name, role, organisation, gss, min(start, role_start), max(end, role_end))
    if body and (SPEECH_AFTER.match(after[body.end():]) or after[body.end():body.end() + 1] == ","):
        _role, organisation, gss = _split_organisation(ctx, index, f"of {body.group('org')}", end)
        return _Post(name, "", organisation, gss, start, end + body.end("org"))
    if SPEECH_AFTER.match(after) or SPEECH_BEFORE.search(before) or _speaks_with_another(after):
        owner = OWNER_BEFORE.search(before)  # "Ofsted's Yvette Stanley said"
        if owner:
            gss = _council_in(ctx, index, owner.group("org"))
            if gss or ORG_WORDS.search(owner.group("org")):
                organisation = ctx.gazetteer.records[gss].name if gss else owner.group("org")
                return _Post(name, "", organisation, gss, start - (len(before) - owner.start("org")), end)
        return _Post(name, "", "", None, start, end)
    return None


def _speaks_with_another(after: str) -> bool:
    """'Jane Doe and John Roe say ...': both speak."""
    m = re.match(rf"^\s+and\s+{NAME.pattern}", after)
    return bool(m and SPEECH_AFTER.match(after[m.end():]))


def _role_after(text: str, name_end: int, sentence_end: int) -> tuple[int, int] | None:
    """'NAME, ROLE, said' / 'NAME, who was appointed ROLE at ...': the role's span."""
    rest = text[name_end:sentence_end]
    relative = RELATIVE.match(rest)
    if relative:
        start = name_end + relative.end()
        stop = re.search(r",|\s+(?:and|but)\s+(?:has|had|is|was|joined|says|said)\b|[.;:]\s*$|[.;:]\s", text[start:sentence_end])
        end = start + (stop.start() if stop else len(text[start:sentence_end]))
        tail = ROLE_TAIL.search(text[start:end])
        if tail:
            end = start + tail.start()
        if relative.group("verb"):
            return (name_end + relative.start("verb"), end) if end > start else None
        return (start, end) if is_role(text[start:end]) else None
    opening = re.match(r"^\s*(?:,|\s[–—-])\s*", rest)
    if not opening:
        return None
    start = name_end + opening.end()
    segment = text[start:sentence_end]
    stop = ROLE_END.search(segment)
    end = start + (stop.start() if stop else len(segment))
    phrase = text[start:end]
    if "," in phrase:
        end = start + _cut_at_comma(phrase)
        phrase = text[start:end]
    tail = ROLE_TAIL.search(phrase)
    if tail:
        end = start + tail.start()
        phrase = text[start:end]
    if not phrase.strip() or not is_role(phrase) or NAME.search(phrase) and _has_person(phrase):
        return None
    if re.match(r"^\s*(?:and|&|or|but)\b", phrase):  # "A B, and the cabinet member ..., C D": the next person's role
        return None
    if not re.match(r"^(?:[a-z]|(?:[A-Z][\w&-]*\s+){0,5}[A-Z][\w&-]*['’]s\b|(?:the|a|an|its)\b|" + _ROLE_START + ")",
                    phrase.strip()):
        return None
    return start, end


_ROLE_START = (r"(?:Director|Deputy|Assistant|Interim|Acting|Chief|Cabinet|Councillor|Leader|Lead|Minister|Secretary|"
               r"Head|Chair|President|Executive|Corporate|Strategic|Principal|Senior|Member|Portfolio|Commissioner|"
               r"Mayor|Manager|Officer|Inspector|Children|Social|Service|Spokes|HM|His|Her|Shadow|Former|New|DCS)")


def _cut_at_comma(phrase: str) -> int:
    """Where a role written between commas ends: keep going only through a list of capitalised words."""
    position = 0
    for part in re.finditer(r",\s*", phrase):
        following = phrase[part.end():]
        segment = following.split(",")[0]
        listed = re.match(r"[A-Z]", following) or re.fullmatch(r"[\w'’-]+(?:\s+[\w'’-]+)*\s+(?:and|&)\s+[\w'’ -]+", segment)
        if listed and not _has_person(segment):
            continue
        return part.start()
    return len(phrase) if position == 0 else position


def _person_spans(phrase: str) -> list[tuple[int, int]]:
    """Where person names stand in a phrase (any two to four name words that pass as a name)."""
    spans = []
    for m in NAME.finditer(phrase):
        words = list(re.finditer(r"\S+", m.group("name")))
        for first in range(len(words) - 1):
            for last in range(min(len(words) - 1, first + 3), first, -1):
                if is_person_name(m.group("name")[words[first].start():words[last].end()], lambda w: False):
                    spans.append((m.start("name") + words[first].start(), m.start("name") + words[last].end()))
                    break
            else:
                continue
            break
    return spans


def _has_person(phrase: str) -> bool:
    return bool(_person_spans(phrase))


def _role_before(text: str, sentence_start: int, name_start: int) -> tuple[int, int] | None:
    """'ROLE, NAME' / 'ORG's ROLE NAME': read leftwards from the name over the words a role is made of."""
    gap = re.search(r"(?:,\s*|\s+)$", text[sentence_start:name_start])
    if not gap:
        return None
    end = sentence_start + gap.start()
    tokens = list(re.finditer(r"[\w'’&-]+|,", text[sentence_start:end]))
    start = None
    for token in reversed(tokens):
        word = token.group(0)
        lowered = word.lower().replace("’", "'")
        if lowered.endswith("'s") and lowered[:-2] in ("council", "authority", "county", "borough", "city"):
            start = sentence_start + token.start()
            continue
        if word == ",":
            if start is None:
                break
            continue
        if lowered in LEFT_STOP:  # "Said the council's director, NAME:" - the role starts after the verb
            break
        if lowered in ROLE_WORDS or word[:1].isupper() or re.fullmatch(r"\d{4}['’]s", word):
            start = sentence_start + token.start()
            continue
        break
    if start is None:
        return None
    phrase = text[start:end].strip(" ,")
    # "Prime Minister A B and Education Secretary C D": the role of C D starts after the last person named.
    others = _person_spans(phrase)
    if others:
        joined = re.match(r"^\s*(?:,\s*)?(?:and\s+|&\s+)?", phrase[others[-1][1]:])
        start += others[-1][1] + joined.end()
        phrase = text[start:end].strip(" ,")
    lead = re.match(r"^(?:(?:and|&|or|of|for|at|with|to|by|as)\s+)+", phrase, re.I)  # "and the Dudley council leader"
    if lead:
        start += lead.end()
        phrase = phrase[lead.end():]
    if not is_role(phrase):
        return None
    words = phrase.split()
    if len(words) == 1 and words[0][:1].isupper() and not re.fullmatch(r"(?:DCS|HMCI|Cllr|Minister|Director|Leader|Mayor|"
                                                                      r"Commissioner|President|Chair)", words[0]):
        return None
    return start, start + len(phrase)


# ---------------------------------------------------------------- organisations

def _split_organisation(ctx: Context, index: int, phrase: str, offset: int) -> tuple[str, str, str | None]:
    """(role, organisation, council gss) from a role phrase as written."""
    role = phrase
    verb = re.match(r"^(\w+)\s+", role)
    if verb and verb.group(1) in POST_OF_VERB:
        role = f"{POST_OF_VERB[verb.group(1)]} {role[verb.end():]}"
    organisation, gss = "", None
    # "Brighton and Hove City Council's executive director", "B&NES Council cabinet member", "the Dudley council leader"
    prefix = _council_prefix(ctx, index, role)
    if prefix:
        gss, role = prefix
    else:  # a council the gazetteer does not know by this name ("B&NES Council cabinet member"): the one in focus
        unknown = re.match(r"^(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}\s+(?:County\s+|City\s+|Borough\s+)?"
                           r"Council(?:['’]s)?\s+(?=[a-z])", role)
        if unknown and is_role(role[unknown.end():]):
            gss, role = council_for(ctx, index, offset, later_in_sentence=False), role[unknown.end():]
    # "Essex's cabinet member ...", "the council's director ...", "Ofsted's chief inspector"
    possessive = None if gss else re.match(r"^(?:the\s+)?(?P<org>(?:[A-Z][\w&-]*\s+){0,5}?[A-Za-z][\w&-]*)['’]s\s+(?P<rest>.+)$", role, re.S)
    if possessive and re.fullmatch(r"(?:His|Her)\s+Majesty", possessive.group("org")):
        possessive, organisation = None, "Ofsted"  # "His Majesty's Inspector" is a title, not a body
    if possessive and not re.fullmatch(r"\d{4}", possessive.group("org")):
        org = possessive.group("org")
        found = _council_in(ctx, index, org)
        if found or LOCAL_BODY.match(org):
            gss = found or council_for(ctx, index, offset, later_in_sentence=False)
            role = possessive.group("rest")
        elif org[:1].isupper() and not re.match(r"^(?:Children|Young|Adult|Social)", org):
            organisation = org
            role = possessive.group("rest")
    # "... at North Lincolnshire Council", "Deputy Leader of Hertfordshire County Council and ...", "... at the authority"
    if gss is None and not organisation:
        for m in _places(ctx, index, role):
            linking = r"at|of|for|with" if PERSONAL_ROLE.search(role) else r"at|of|for|with|in"
            link = re.search(rf"(?:,\s*|\s+(?:{linking})\s+(?:the\s+)?)$", role[:m.start])
            if not link:
                continue
            tail = role[m.end:]
            if tail.strip() and not re.match(r"^\s*(?:and\s|,)", tail):
                continue
            gss = m.gss
            role = (role[:link.start()] + tail).strip()
            break
    if gss is None and not organisation:
        local = re.search(r"\s+(?:at|of)\s+the\s+(?:council|authority|local\s+authority|county\s+council)\b", role, re.I)
        if local:
            gss = council_for(ctx, index, offset, later_in_sentence=False)
            role = role[:local.start()] + role[local.end():]
    if gss is None and not organisation:
        body = re.search(r"\b(?:of|at)\s+(?:the\s+)?(?P<org>(?:[A-Z][\w'’&-]*(?:\s+(?:of|for|and|&)\s+|\s+))*"
                         r"[A-Z][\w'’&-]*)", role)
        if body and ORG_WORDS.search(body.group("org")):
            organisation = body.group("org").strip()
        else:
            before = ctx.doc.text[ctx.sentences[index].start:offset]
            appointed = APPOINTED_BY.search(re.sub(r"\s*,?\s*(?:a|an|its|their|the)?\s*$", " ", before))
            if appointed and ORG_WORDS.search(appointed.group("org")):
                organisation = re.sub(r"^the\s+", "", appointed.group("org").strip(), flags=re.I)
                found = _council_in(ctx, index, organisation)
                if found:
                    gss, organisation = found, ""
    role = normalise_role(role)
    if gss is None and not organisation and is_ofsted_role(role):
        organisation = "Ofsted"
    if gss is None and not organisation and is_council_role(role):
        gss = council_for(ctx, index, offset, later_in_sentence=False)
    if gss:
        organisation = ctx.gazetteer.records[gss].name
    return role, organisation, gss


def _places(ctx: Context, index: int, phrase: str) -> list:
    """Councils named in a phrase of sentence `index`, from the sentence's own mentions where the phrase is
    part of it (the gazetteer's pattern is costly to run again), else read afresh."""
    mentions = ctx.by_sentence[index]
    if not mentions:
        return []
    sentence = ctx.sentences[index]
    at = ctx.doc.text.find(phrase, sentence.start, sentence.end)
    if at < 0:
        return ctx.gazetteer.find(phrase, 0, None, ctx.year)
    end = at + len(phrase)
    return [NameMatch(m.gss, m.start - at, m.end - at, m.as_written) for m in mentions if at <= m.start and m.end <= end]


def _council_prefix(ctx: Context, index: int, role: str) -> tuple[str, str] | None:
    """(gss, rest) where a role opens with a council's name: 'Dudley council leader' -> leader at Dudley."""
    if not role[:1].isupper() and not role.lower().startswith("the "):
        return None
    matches = _places(ctx, index, role)
    if not matches or role[:matches[0].start].strip().lower() not in ("", "the"):
        return None
    rest = re.match(r"(?:\s+(?:county\s+|city\s+|borough\s+|metropolitan\s+borough\s+)?council)?(?:['’]s)?\s+(?=[a-z])",
                    role[matches[0].end:], re.I)
    if not rest or not is_role(role[matches[0].end + rest.end():]):
        return None
    return matches[0].gss, role[matches[0].end + rest.end():]


def _council_in(ctx: Context, index: int, text: str) -> str | None:
    """The council a short organisation name stands for, where the whole of it is that council's name."""
    matches = _places(ctx, index, text)
    if len(matches) == 1 and text[:matches[0].start].strip().lower() in ("", "the"):
        rest = text[matches[0].end:].strip()
        if not rest or re.fullmatch(r"(?:County\s+|City\s+|Borough\s+)?Council", rest, re.I):
            return matches[0].gss
    return None
