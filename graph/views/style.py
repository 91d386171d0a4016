"""How each kind of node looks: one place for colours, shapes and legend text,
so the legend on the page can never disagree with the drawing."""
from __future__ import annotations

from dataclasses import dataclass

GRADES: dict[str, tuple[str, str]] = {  # notation -> (label, colour)
    "outstanding": ("Outstanding", "#1b5e20"),
    "good": ("Good", "#43a047"),
    "requires-improvement": ("Requires improvement", "#f0a202"),
    "inadequate": ("Inadequate", "#c62828"),
}
UNGRADED = "ungraded"

AREAS: dict[str, str] = {
    "overall": "Overall effectiveness",
    "help-protection": "Help and protection",
    "in-care": "Children in care",
    "care-leavers": "Care leavers",
    "leadership": "Impact of leaders",
    "adoption": "Adoption",
    "lscb": "LSCB",
}


@dataclass(frozen=True)
class KindStyle:
    label: str  # legend text
    shape: str  # vis-network shape
    colour: str
    font_colour: str = "#1a1a1a"


KINDS: dict[str, KindStyle] = {
    "council": KindStyle("Council (filled with its latest overall grade)", "box", "#d6e4f0", "#0d2b45"),
    "inspection": KindStyle("Inspection or visit", "diamond", "#607d8b"),
    "judgement": KindStyle("Judgement (grade colour)", "square", "#9e9e9e"),
    "area": KindStyle("Judgement area", "hexagon", "#8d6e63"),
    "person": KindStyle("Person", "dot", "#d81b60"),
    "organisation": KindStyle("Other organisation", "hexagon", "#78909c"),
    "initiative": KindStyle("Initiative or practice model", "star", "#7b1fa2"),
    "finding": KindStyle("Inspectors' finding", "triangle", "#00838f"),
    "statistic": KindStyle("Statistic", "dot", "#9e9e9e"),
    "collapsed": KindStyle("Collapsed group (a count)", "box", "#eeeeee", "#424242"),
    "document": KindStyle("Source document (query view)", "box", "#fff3e0", "#4e342e"),
    "resource": KindStyle("Other resource (query view)", "dot", "#90a4ae"),
    "literal": KindStyle("Value (query view)", "box", "#fafafa", "#424242"),
}


def grade_colour(grade: str | None) -> str | None:
    return GRADES[grade][1] if grade in GRADES else None


def node_look(kind: str, grade: str | None) -> dict[str, object]:
    """vis-network node options for a kind, filled with the grade colour where it has one."""
    style = KINDS.get(kind, KINDS["resource"])
    fill = grade_colour(grade) if kind in ("council", "judgement") else None
    background = fill or style.colour
    font = "#ffffff" if fill and kind == "council" else style.font_colour
    look: dict[str, object] = {
        "shape": style.shape,
        "color": {"background": background, "border": "#263238" if kind == "council" else background,
                  "highlight": {"background": background, "border": "#000000"}},
        "font": {"color": font, "size": 16 if kind == "council" else 13},
    }
    if kind == "collapsed":
        look["shapeProperties"] = {"borderDashes": [4, 3]}
    return look


def legend() -> list[dict[str, str]]:
    """Legend rows: kinds first, then grades."""
    rows = [{"group": "kind", "key": k, "label": s.label, "shape": s.shape, "colour": s.colour}
            for k, s in KINDS.items() if k not in ("resource", "literal")]
    rows += [{"group": "grade", "key": g, "label": label, "shape": "box", "colour": colour}
             for g, (label, colour) in GRADES.items()]
    return rows
