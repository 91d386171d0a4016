"""The shapes of ontology/shapes.ttl compiled to SPARQL queries that Oxigraph runs.

pyshacl walks the data node by node in Python: about 60 ms of CPU per document,
more than reading, extracting and storing it together, and minutes for a store
of a million triples. The same checks written as SPARQL run inside Oxigraph's
engine, a few queries per shape over all the data at once.

This compiles the part of SHACL the shapes use (targets by class, objects-of,
node and SPARQL targets; property shapes with IRI, sequence, inverse and
alternative paths; min/max count, datatype, class, in, hasValue, node kind,
numeric ranges, string length, pattern, lessThan(OrEquals); sh:or, sh:and and
sh:not of such shapes; SPARQL-based constraints) and refuses anything else with
UnsupportedShape, so a new kind of rule cannot be skipped silently. Results are
the same as pyshacl's: tests/test_validate_fast.py runs both over every shape
test file and the corpora and compares them result by result.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import count

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

XSD_CASTS = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.boolean, XSD.date, XSD.dateTime, XSD.time}
NODE_KINDS = {
    SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))", SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
VALUE_CONSTRAINTS = {SH.datatype, SH["class"], SH["in"], SH.nodeKind, SH.minInclusive, SH.maxInclusive,
                     SH.minExclusive, SH.maxExclusive, SH.minLength, SH.maxLength, SH.pattern,
                     SH.lessThan, SH.lessThanOrEquals}
COMPONENTS = {SH.minCount: "MinCount", SH.maxCount: "MaxCount", SH.hasValue: "HasValue", SH.datatype: "Datatype",
              SH["class"]: "Class", SH["in"]: "In", SH.nodeKind: "NodeKind", SH.minInclusive: "MinInclusive",
              SH.maxInclusive: "MaxInclusive", SH.minExclusive: "MinExclusive", SH.maxExclusive: "MaxExclusive",
              SH.minLength: "MinLength", SH.maxLength: "MaxLength", SH.pattern: "Pattern", SH.lessThan: "LessThan",
              SH.lessThanOrEquals: "LessThanOrEquals", SH["or"]: "Or", SH["and"]: "And", SH["not"]: "Not",
              SH.sparql: "SPARQL"}
# Shape terms that only describe (or are read together with a constraint above).
QUIET = {RDF.type, RDFS.label, RDFS.comment, SH.message, SH.severity, SH.name, SH.description, SH.order,
         SH.group, SH.path, SH.property, SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf,
         SH.target, SH.flags, SH.deactivated, SH.prefixes}
PREFIX_LINE = re.compile(r"^\s*PREFIX\s+([\w-]*):\s*<([^>]*)>\s*$", re.IGNORECASE | re.MULTILINE)


class UnsupportedShape(Exception):
    """The shapes use a part of SHACL this compiler does not translate."""


@dataclass(frozen=True)
class Check:
    """One constraint of one shape, as a SPARQL SELECT of ?this (and ?value where the result has one).

    `classes` are the class IRIs whose subclass closures the query needs: its text holds
    `{CLASSES:<iri>}` placeholders, filled by `query_text` for the data at hand."""

    shape: Node  # the shape the constraint belongs to (sh:sourceShape)
    component: str  # e.g. MinCountConstraintComponent
    severity: str  # Violation, Warning or Info
    message: str  # the shape's sh:message, {?value} not yet filled in
    path: Node | None  # the shape's sh:path, as a node of the shapes graph
    query: str
    classes: tuple[str, ...] = ()
    joins_nodes: bool = False  # a check of a shape with SPARQL constraints, which join one node to others

    def query_text(self, closures: dict[str, list[str]]) -> str:
        text = self.query
        for cls in self.classes:
            text = text.replace(f"{{CLASSES:{cls}}}", " ".join(f"<{c}>" for c in closures[cls]))
        return text


def _term(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise UnsupportedShape(f"a blank node {node} where a constant is expected")


def sparql_path(shapes: Graph, path: Node) -> str:
    """A SHACL property path as a SPARQL property path."""
    if isinstance(path, URIRef):
        return f"<{path}>"
    if shapes.value(path, RDF.first) is not None:
        return "(" + "/".join(sparql_path(shapes, p) for p in Collection(shapes, path)) + ")"
    for key, template in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"), (SH.oneOrMorePath, "{}+"),
                          (SH.zeroOrOnePath, "{}?")):
        inner = shapes.value(path, key)
        if inner is not None:
            return "(" + template.format(sparql_path(shapes, inner)) + ")"
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(sparql_path(shapes, p) for p in Collection(shapes, alternatives)) + ")"
    raise UnsupportedShape(f"a property path this compiler does not know: {path}")


class _Compiler:
    def __init__(self, shapes: Graph):
        self.shapes = shapes
        self.names = count(1)
        self.prefixes: dict[str, str] = {}

    def var(self) -> str:
        return f"?v{next(self.names)}"

    def triples(self, subject: str, path: Node, obj: str) -> str:
        """Triple patterns linking `subject` to `obj` by the SHACL path. Sequences become a chain of
        patterns through fresh variables: Oxigraph evaluates a written-out chain far faster than a
        sequence property path (seconds against milliseconds on a batch's evidence)."""
        if isinstance(path, URIRef):
            return f"{subject} <{path}> {obj} ."
        if self.shapes.value(path, RDF.first) is not None:
            steps = list(Collection(self.shapes, path))
            nodes = [subject] + [self.var() for _ in steps[:-1]] + [obj]
            return " ".join(self.triples(nodes[i], step, nodes[i + 1]) for i, step in enumerate(steps))
        inverse = self.shapes.value(path, SH.inversePath)
        if isinstance(inverse, URIRef):
            return f"{obj} <{inverse}> {subject} ."
        return f"{subject} {sparql_path(self.shapes, path)} {obj} ."

    def classes_of(self, cls: Node) -> str:
        return f"{{CLASSES:{cls}}}"

    # ---------------------------------------------------------------- value conditions
    def value_ok(self, shape: Node, key: URIRef, arg: Node, v: str, this: str) -> tuple[str, str]:
        """(extra pattern, boolean expression true when the value node `v` satisfies the constraint of `shape`)."""
        if key == SH.datatype:
            ok = f"isLiteral({v}) && sameTerm(datatype({v}), <{arg}>)"
            if arg in XSD_CASTS:  # an ill-formed literal of the type ("abc"^^xsd:integer) fails too
                ok += f" && isLiteral(<{arg}>(STR({v})))"
            return "", ok
        if key == SH["class"]:
            t = self.var()
            return "", f"EXISTS {{ {v} a {t} . VALUES {t} {{ {self.classes_of(arg)} }} }}"
        if key == SH["in"]:
            members = list(Collection(self.shapes, arg))
            return "", "(" + " || ".join(f"sameTerm({v}, {_term(m)})" for m in members) + ")" if members else "false"
        if key == SH.nodeKind:
            if arg not in NODE_KINDS:
                raise UnsupportedShape(f"node kind {arg}")
            return "", NODE_KINDS[arg].format(v=v)
        comparisons = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
        if key in comparisons:
            return "", f"!isBlank({v}) && !isIRI({v}) && {v} {comparisons[key]} {_term(arg)}"
        if key in (SH.minLength, SH.maxLength):
            op = ">=" if key == SH.minLength else "<="
            return "", f"!isBlank({v}) && STRLEN(STR({v})) {op} {int(arg)}"
        if key == SH.pattern:
            flags = self.shapes.value(shape, SH.flags)
            extra = f", {Literal(str(flags)).n3()}" if flags else ""
            return "", f"!isBlank({v}) && REGEX(STR({v}), {Literal(str(arg)).n3()}{extra})"
        if key in (SH.lessThan, SH.lessThanOrEquals):
            other = self.var()
            op = "<" if key == SH.lessThan else "<="
            return f"{this} <{arg}> {other} .", f"{v} {op} {other}"
        raise UnsupportedShape(f"constraint {key}")

    # ---------------------------------------------------------------- one shape's failure as an expression
    def fails(self, shape: Node, this: str) -> str:
        """A boolean expression, true when the node `this` does not conform to `shape` (for sh:or/and/not)."""
        self._refuse_unknown(shape)
        parts: list[str] = []
        path_node = self.shapes.value(shape, SH.path)
        if path_node is not None:
            for key, arg in self.shapes.predicate_objects(shape):
                if key == SH.minCount:
                    if int(arg) > 1:
                        raise UnsupportedShape("sh:minCount above 1 inside sh:or, sh:and or sh:not")
                    if int(arg) == 1:
                        parts.append(f"NOT EXISTS {{ {self.triples(this, path_node, self.var())} }}")
                elif key == SH.maxCount:
                    a, b = self.var(), self.var()
                    if int(arg) == 0:
                        parts.append(f"EXISTS {{ {self.triples(this, path_node, a)} }}")
                    elif int(arg) == 1:
                        parts.append(f"EXISTS {{ {self.triples(this, path_node, a)} {self.triples(this, path_node, b)} FILTER(!sameTerm({a}, {b})) }}")
                    else:
                        raise UnsupportedShape("sh:maxCount above 1 inside sh:or, sh:and or sh:not")
                elif key == SH.hasValue:
                    parts.append(f"NOT EXISTS {{ {self.triples(this, path_node, _term(arg))} }}")
                elif key in VALUE_CONSTRAINTS:
                    v = self.var()
                    extra, ok = self.value_ok(shape, key, arg, v, this)
                    parts.append(f"EXISTS {{ {self.triples(this, path_node, v)} {extra} FILTER(!COALESCE({ok}, false)) }}")
            if self.shapes.value(shape, SH.property) is not None:
                raise UnsupportedShape("sh:property inside a property shape")
        else:
            for key, arg in self.shapes.predicate_objects(shape):
                if key in VALUE_CONSTRAINTS or key == SH.hasValue:
                    raise UnsupportedShape(f"{key} on a node shape inside sh:or, sh:and or sh:not")
            for prop in self.shapes.objects(shape, SH.property):
                parts.append(self.fails(prop, this))
        for key, arg in self.shapes.predicate_objects(shape):
            if key == SH["and"]:
                parts += [self.fails(s, this) for s in Collection(self.shapes, arg)]
            elif key == SH["or"]:
                parts.append("(" + " && ".join(self.fails(s, this) for s in Collection(self.shapes, arg)) + ")")
            elif key == SH["not"]:
                parts.append(f"!({self.fails(arg, this)})")
        return "(" + " || ".join(parts) + ")" if parts else "false"

    def _refuse_unknown(self, shape: Node) -> None:
        known = QUIET | set(COMPONENTS) | {SH.minCount, SH.maxCount}
        for key in set(self.shapes.predicates(shape)):
            if key not in known and str(key).startswith(str(SH)):
                raise UnsupportedShape(f"{key} (shape {shape})")

    # ---------------------------------------------------------------- targets
    def target(self, shape: Node) -> str | None:
        """A group pattern binding ?this to each focus node of the shape, or None when it has no target."""
        patterns: list[str] = []
        for cls in self.shapes.objects(shape, SH.targetClass):
            patterns.append(f"?this a ?targetClass . VALUES ?targetClass {{ {self.classes_of(cls)} }}")
        for prop in self.shapes.objects(shape, SH.targetObjectsOf):
            patterns.append(f"?targetSubject <{prop}> ?this .")
        for prop in self.shapes.objects(shape, SH.targetSubjectsOf):
            patterns.append(f"?this <{prop}> ?targetObject .")
        for node in self.shapes.objects(shape, SH.targetNode):
            patterns.append(f"VALUES ?this {{ {_term(node)} }}")
        for target in self.shapes.objects(shape, SH.target):
            select = self.shapes.value(target, SH.select)
            if select is None:
                raise UnsupportedShape(f"a custom target without sh:select on {shape}")
            patterns.append("{ " + self.select_body(str(select)) + " }")
        if not patterns:
            return None
        union = " UNION ".join("{ " + p + " }" for p in patterns)
        return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"

    def select_body(self, text: str) -> str:
        """A SELECT from the shapes, its PREFIX lines moved to the query's prologue."""
        for prefix, iri in PREFIX_LINE.findall(text):
            if self.prefixes.setdefault(prefix, iri) != iri:
                raise UnsupportedShape(f"prefix {prefix}: bound to two namespaces in the shapes")
        return PREFIX_LINE.sub("", text).strip().replace("$this", "?this")

    # ---------------------------------------------------------------- checks
    def checks(self) -> Iterator[Check]:
        node_shapes = set(self.shapes.subjects(RDF.type, SH.NodeShape)) | set(self.shapes.subjects(RDF.type, SH.PropertyShape))
        for shape in sorted(node_shapes, key=str):
            if self.shapes.value(shape, SH.deactivated) == Literal(True):
                continue
            target = self.target(shape)
            if target is None:
                continue
            severity = self._severity(shape)
            if self.shapes.value(shape, SH.path) is not None:  # a property shape with its own targets
                yield from self.property_checks(shape, target, severity)
            else:
                for prop in self.shapes.objects(shape, SH.property):
                    if self.shapes.value(prop, SH.deactivated) == Literal(True):
                        continue
                    yield from self.property_checks(prop, target, self._severity(prop))
                yield from self.node_checks(shape, target, severity)

    def _severity(self, shape: Node) -> str:
        value = self.shapes.value(shape, SH.severity)
        return str(value).rsplit("#", 1)[-1] if value is not None else "Violation"

    def _message(self, shape: Node) -> str:
        return str(self.shapes.value(shape, SH.message) or "")

    def node_checks(self, shape: Node, target: str, severity: str) -> Iterator[Check]:
        self._refuse_unknown(shape)
        for key, arg in self.shapes.predicate_objects(shape):
            if key in VALUE_CONSTRAINTS or key == SH.hasValue:
                raise UnsupportedShape(f"{key} directly on node shape {shape}")
            if key == SH.sparql:
                select = self.shapes.value(arg, SH.select)
                if select is None:
                    raise UnsupportedShape(f"a SPARQL constraint without sh:select on {shape}")
                message = str(self.shapes.value(arg, SH.message) or self._message(shape))
                # LATERAL (Oxigraph's SPARQL 1.2 extension): the constraint's SELECT runs once per focus
                # node with ?this bound, as pyshacl pre-binds $this, not once over every node and joined
                query = f"SELECT ?this ?value WHERE {{ {target} LATERAL {{ {self.select_body(str(select))} }} }}"
                yield self._check(shape, "SPARQL", severity, message, None, query)
            elif key in (SH["or"], SH["and"], SH["not"]):
                members = [arg] if key == SH["not"] else list(Collection(self.shapes, arg))
                failing = [self.fails(m, "?this") for m in members]
                if key == SH["or"]:
                    condition = " && ".join(failing)
                elif key == SH["and"]:
                    condition = " || ".join(failing)
                else:
                    condition = f"!{failing[0]}"
                query = f"SELECT ?this (?this AS ?value) WHERE {{ {target} FILTER({condition}) }}"
                yield self._check(shape, COMPONENTS[key], severity, self._message(shape), None, query)

    def property_checks(self, prop: Node, target: str, severity: str) -> Iterator[Check]:
        self._refuse_unknown(prop)
        path_node = self.shapes.value(prop, SH.path)
        message = self._message(prop)
        for key, arg in self.shapes.predicate_objects(prop):
            if key == SH.minCount:
                n = int(arg)
                if n == 1:
                    query = (f"SELECT ?this WHERE {{ {target} OPTIONAL {{ {self.triples('?this', path_node, '?any')} }} "
                             f"FILTER(!BOUND(?any)) }}")
                elif n > 1:
                    query = (f"SELECT ?this WHERE {{ {target} OPTIONAL {{ SELECT ?this (COUNT(DISTINCT ?any) AS ?n) "
                             f"WHERE {{ {self.triples('?this', path_node, '?any')} }} GROUP BY ?this }} FILTER(COALESCE(?n, 0) < {n}) }}")
                else:
                    continue
            elif key == SH.maxCount:
                n = int(arg)
                if n == 0:
                    query = f"SELECT DISTINCT ?this WHERE {{ {target} {self.triples('?this', path_node, '?any')} }}"
                elif n == 1:
                    query = (f"SELECT DISTINCT ?this WHERE {{ {target} {self.triples('?this', path_node, '?a')} "
                             f"{self.triples('?this', path_node, '?b')} FILTER(!sameTerm(?a, ?b)) }}")
                else:
                    query = (f"SELECT ?this WHERE {{ {target} {{ SELECT ?this (COUNT(DISTINCT ?any) AS ?n) "
                             f"WHERE {{ {self.triples('?this', path_node, '?any')} }} GROUP BY ?this }} FILTER(?n > {n}) }}")
            elif key == SH.hasValue:
                query = (f"SELECT ?this WHERE {{ {target} OPTIONAL {{ {self.triples('?this', path_node, _term(arg))} "
                         f"BIND(true AS ?has) }} FILTER(!BOUND(?has)) }}")
            elif key in VALUE_CONSTRAINTS:
                extra, ok = self.value_ok(prop, key, arg, "?value", "?this")
                query = (f"SELECT DISTINCT ?this ?value WHERE {{ {target} {self.triples('?this', path_node, '?value')} {extra} "
                         f"FILTER(!COALESCE({ok}, false)) }}")
            elif key in (SH["or"], SH["and"], SH["not"], SH.sparql):
                raise UnsupportedShape(f"{key} on property shape {prop}")
            else:
                continue
            yield self._check(prop, COMPONENTS[key], severity, message, path_node, query)

    def _check(self, shape: Node, component: str, severity: str, message: str, path: Node | None,
               query: str) -> Check:
        prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in sorted(self.prefixes.items()))
        classes = tuple(sorted(set(re.findall(r"\{CLASSES:([^}]*)\}", query))))
        return Check(shape=shape, component=f"{component}ConstraintComponent", severity=severity, message=message,
                     path=path, query=prologue + query, classes=classes,
                     joins_nodes=self.shapes.value(shape, SH.sparql) is not None)


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every constraint of every targeted shape in `shapes`, as a Check; UnsupportedShape if one cannot be."""
    return list(_Compiler(shapes).checks())
