"""Generate a synthetic corpus of articles for benchmarks, from the project's
own example articles (examples/articles/, written in our own words).

Each article is one of the examples with its council, the other councils it
mentions, its people, its initiative names, its grades, its years and its
percentages swapped for others, so the corpus exercises every extractor and
a store of realistic size and variety. Deterministic for a given --seed;
10,000 articles take a few seconds.

Usage:
    .venv/bin/python benchmarks/generate_corpus.py --count 10000 --out out/bench-corpus
    .venv/bin/ofsted-kg build --store out/bench-store out/bench-corpus

The output folder is emptied of earlier generated articles first. File names
are unique (`00042_hartlepool_good_2021.txt`), so a build loads one graph per
file; each file's text is unique too.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
from ofsted_kg.graph.reference import council_records
from ofsted_kg.loaders.gazetteer import CouncilRecord

EXAMPLES = REPO / "examples" / "articles"

# Literal strings of each example and what they stand for. Keys: "name" / "short" / "county" of the main
# council (council), of other councils (other1, other2); person1..; initiative1... Longest match wins.
SLOTS: dict[str, dict[str, str]] = {
    "01_liverpool_inadequate_2023.txt": {
        "Liverpool City Council": "council.name", "Liverpool": "council.short", "Birmingham": "other1.short",
        "Helen Carter": "person1", "Peter Holt": "person2", "Safer Steps Academy": "initiative1"},
    "02_warrington_good_2024.html": {
        "Warrington Borough Council": "council.name", "Warrington": "council.short",
        "Sarah Whitfield": "person1", "Tom Ashby": "person2", "Bright Futures Hub": "initiative1"},
    "03_southend_good_2024.md": {
        "Southend-on-Sea City Council": "council.name", "Southend-on-Sea": "council.short",
        "Southend": "council.short", "Thurrock": "other1.short", "Rachel Moore": "person1",
        "Daniel Fenwick": "person2", "Family Anchors": "initiative1"},
    "04_halton_inadequate_2024.txt": {
        "Halton Borough Council": "council.name", "Halton": "council.short", "Warrington": "other1.short",
        "Mark Ellison": "person1", "Anne Brody": "person2", "Project Lighthouse": "initiative1"},
    "05_north_yorkshire_outstanding_2023.txt": {
        "North Yorkshire County Council": "council.county", "North Yorkshire Council": "council.name",
        "North Yorkshire": "council.short", "Essex": "other1.short", "Claire Benson": "person1",
        "Richard Ainsley": "person2", "Dales Bridge Project": "initiative1"},
    "06_cumberland_first_inspection_2024.txt": {
        "Cumberland Council": "council.name", "Cumberland": "council.short",
        "Cumbria County Council": "other1.name", "Cumbria": "other1.short",
        "Westmorland and Furness": "other2.short", "Graham Tully": "person1", "Joanne Reid": "person2",
        "Stronger Roots": "initiative1"},
}

# Invented names, none of them a place the gazetteer knows.
FIRST_NAMES = """Abigail Adam Aisha Alan Alice Amir Amy Andrew Anita Anthony Beatrice Ben Bethany Bilal Brenda
Callum Carla Catherine Chloe Colin Craig Damian Deborah Declan Denise Eleanor Elliot Emma Erin Faisal Fiona
Gareth Gemma Grace Hamza Hannah Harriet Imogen Isaac Jacob Jasmine Jenny Joel Jonathan Julia Karen Keith Kiran
Laura Leon Lily Lucy Malcolm Maria Martin Megan Michael Nadia Naomi Neil Nicola Oliver Olivia Owen Paula Philip
Priya Rachel Rebecca Rhys Rosa Ruth Samir Sandra Scott Sean Shona Simon Sophie Stephen Tanya Theo Tim Tracey
Usha Vanessa Victor Wendy Yusuf Zara""".split()
LAST_NAMES = """Abbott Acheson Adeyemi Ahmed Ashworth Bancroft Barraclough Bellamy Blakemore Bramwell Brennan
Calloway Carver Chaudhry Clegg Coates Crossley Dalby Danvers Dempsey Doherty Eastwood Ellery Faulkner Fenner
Fletcher Gallagher Garside Greaves Hadley Hallam Hargreaves Hollis Horrocks Iqbal Jarrett Kavanagh Keeling
Kershaw Lacey Lambert Latimer Lockwood Lowther Maddox Malik Marsden Mellor Moxon Nairn Newbold Oakes Okafor
Ormerod Padgett Pennington Pickles Prentice Quigley Radcliffe Rashid Redfern Rowntree Sadler Sewell Shackleton
Sowerby Stainforth Summers Tennant Thwaite Tillotson Unwin Varley Wadsworth Walmsley Whitlock Wilde Yates""".split()
INITIATIVE_FIRST = """Bright Brighter Steady Safe Safer Strong Stronger Open Clear New Together Rising Family Future
Kind Shared Home Forward Solid Little""".split()
INITIATIVE_SECOND = """Steps Roots Paths Beginnings Horizons Anchors Bridges Lanterns Foundations Harbours Journeys
Ladders Circles Compass Threads Pathways Keystones Seeds""".split()
INITIATIVE_KIND = ["Hub", "Project", "Academy", "Programme", "Partnership", "Service", "Scheme", ""]

GRADES = ["outstanding", "good", "requires improvement to be good", "inadequate"]
# How a grade is written in the examples, and the grade it is.
GRADE_FORMS = {
    "requires improvement to be good": 2, "require improvement to be good": 2, "required improvement": 2,
    "outstanding": 0, "good": 1, "inadequate": 3,
}
# Written after "to" ("judged to require improvement to be good"): the other grades as "to be good".
AFTER_TO = ["be outstanding", "be good", "require improvement to be good", "be inadequate"]
AFTER_ED = ["was outstanding", "was good", "required improvement", "was inadequate"]
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
FIRST_YEAR, LAST_YEAR = 2012, 2025


@dataclass
class Template:
    name: str
    text: str
    pattern: re.Pattern[str]
    slots: dict[str, str]
    first_year: int
    last_year: int

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix


def load_templates(folder: Path = EXAMPLES) -> list[Template]:
    templates = []
    for name, slots in SLOTS.items():
        text = (folder / name).read_text(encoding="utf-8")
        missing = [literal for literal in slots if literal not in text]
        if missing:
            raise SystemExit(f"{folder / name}: no longer contains {missing[0]!r}; update SLOTS in {__file__}")
        literals = sorted(slots, key=len, reverse=True)
        grades = sorted(GRADE_FORMS, key=len, reverse=True)
        pattern = re.compile(
            "(?P<lit>" + "|".join(rf"\b{re.escape(s)}\b" for s in literals) + ")"
            r"|(?P<grade>\b(?:(?P<article>[Aa]n?) )?(?P<word>" + "|".join(grades) + r")\b)"
            r"|(?P<year>\b(?:19|20)\d\d\b)"
            r"|(?P<pct>\b\d{1,2}(?=%))"
            r"|(?P<weeks>\b\d{2}(?= weeks))",
            re.IGNORECASE)
        years = [int(y) for y in YEAR.findall(text)]
        templates.append(Template(name, text, pattern, slots, min(years), max(years)))
    return templates


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _initiative(rng: random.Random) -> str:
    return " ".join(w for w in (rng.choice(INITIATIVE_FIRST), rng.choice(INITIATIVE_SECOND),
                                rng.choice(INITIATIVE_KIND)) if w)


def _council_values(record: CouncilRecord) -> dict[str, str]:
    return {"name": record.name, "short": record.short_name, "county": f"{record.short_name} County Council"}


def _cased(replacement: str, original: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


def generate(template: Template, rng: random.Random, councils: list[CouncilRecord]) -> tuple[str, dict[str, str]]:
    """One article from a template, and what it was made of (council, grade, year)."""
    shift = rng.randint(FIRST_YEAR - template.first_year, LAST_YEAR - template.last_year)
    first, last = template.first_year + shift, template.last_year + shift
    existing = [c for c in councils if c.existed_in(first) and c.existed_in(last)]
    chosen = rng.sample(existing, 3)
    values: dict[str, str] = {}
    for role, record in zip(("council", "other1", "other2"), chosen):
        values |= {f"{role}.{k}": v for k, v in _council_values(record).items()}
    for i in (1, 2, 3):
        values[f"person{i}"] = _person(rng)
        values[f"initiative{i}"] = _initiative(rng)
    grades = GRADES[:]
    rng.shuffle(grades)  # a permutation: grade i of the example becomes grades[i]

    def replace(m: re.Match[str]) -> str:
        if m["lit"]:
            return values[template.slots[next(s for s in template.slots if s.lower() == m["lit"].lower())]]
        if m["grade"]:
            form = m["word"].lower()
            target = GRADES.index(grades[GRADE_FORMS[form]])
            word = (AFTER_TO if form.startswith("require ") else AFTER_ED if form.startswith("required")
                    else GRADES)[target]
            word = _cased(word, m["word"])
            if m["article"]:
                article = "an" if word[0].lower() in "aeiou" else "a"
                return f"{_cased(article, m['article'])} {word}"
            return word
        if m["year"]:
            return str(int(m["year"]) + shift)
        if m["pct"]:
            return str(rng.randint(3, 60))
        return str(rng.randint(20, 70))  # weeks

    text = template.pattern.sub(replace, template.text)
    main_grade = grades[GRADE_FORMS[template.name.split("_")[-2]]] if template.name.split("_")[-2] in GRADE_FORMS \
        else grades[1]
    return text, {"council": values["council.short"], "grade": main_grade, "year": str(last)}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def generate_corpus(count: int, out: Path, seed: int = 1) -> list[Path]:
    """Write `count` articles into `out` (earlier generated articles there are removed first)."""
    rng = random.Random(seed)
    templates = load_templates()
    councils = list(council_records())
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("[0-9][0-9][0-9][0-9][0-9]*_*"):
        old.unlink()
    seen: set[str] = set()
    written = []
    width = max(5, len(str(count)))
    for i in range(count):
        template = templates[i % len(templates)]
        while True:
            text, made_of = generate(template, rng, councils)
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if digest not in seen:
                seen.add(digest)
                break
        path = out / (f"{i:0{width}d}_{_slug(made_of['council'])}_{_slug(made_of['grade'])}_{made_of['year']}"
                      f"{template.suffix}")
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000, help="number of articles (default 10000)")
    parser.add_argument("--out", type=Path, default=Path("out/bench-corpus"), help="folder to write (default out/bench-corpus)")
    parser.add_argument("--seed", type=int, default=1, help="random seed; the same seed gives the same corpus (default 1)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    written = generate_corpus(args.count, args.out, args.seed)
    print(f"Wrote {len(written)} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
