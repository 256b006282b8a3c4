#!/usr/bin/env python3
"""Keep the record reference (docs/RECORDS.md and docs/zh-CN/RECORDS.md) honest.

For both files, checks that:
- every field the JSON Schemas in schemas/ name is listed, as its path in backticks
  (`secretary.competencies.orientation`, `events[].status`), in the section of its kind
  (the one headed "## `Need`" and so on). The fields every kind has (`apiVersion`, `kind`,
  `id`) may stand anywhere. The District's `rules.types.<type>` stands for each branch
  type; a number that `rules.defaults` also has is listed once, under `rules.defaults`;
- every enumerated value of the label table (lib/svcorg/model/labels.yaml) is listed with
  its zh-CN label, as "`value` (label" or "`value`（label", in the section of the kind
  whose field holds it, and every alias appears in backticks;
- every YAML example that cites a file of examples/ ("`examples/...yaml`" in the text
  before it) is that file's text: its lines are lines of the file, in order; and every
  kind's section has such an example.
For them and the secretaries' guide (docs/GUIDE.md, docs/zh-CN/GUIDE.md), also that no
link leaves the repository, every link reaches a file (and heading) that exists, and
nothing cites the specification, which users do not have.

    python3 tests/records_reference.py     (CTest: records_reference)
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import labels  # noqa: E402  (tools/labels.py: the label table and which fields hold each group)

DOCS = [ROOT / "docs" / "RECORDS.md", ROOT / "docs" / "zh-CN" / "RECORDS.md"]
USER_DOCS = DOCS + [ROOT / "docs" / "GUIDE.md", ROOT / "docs" / "zh-CN" / "GUIDE.md"]
KINDS = ["District", "Branch", "Need", "Platform", "Plan"]
BRANCH_TYPES = labels.Table(labels.TABLE).values("type")


def field_paths(node, prefix=""):
    """The named fields of a schema node, as dotted paths; `[]` after a list."""
    out = []
    if not isinstance(node, dict):
        return out
    properties = node.get("properties", {})
    if prefix == "rules.types." and set(properties) == set(BRANCH_TYPES):
        # One entry per branch type, all alike: documented once as rules.types.<type>.
        return [prefix + "<type>"] + field_paths(properties[BRANCH_TYPES[0]], prefix + "<type>.")
    for key, sub in properties.items():
        path = prefix + key
        out.append(path)
        out += field_paths(sub, path + ".")
    if isinstance(node.get("items"), dict):
        out += field_paths(node["items"], prefix[:-1] + "[]." if prefix else "")
    for combinator in ("allOf", "anyOf", "oneOf"):
        for sub in node.get(combinator, []):
            out += field_paths(sub, prefix)
    return out


def schema_fields():
    fields = {}
    for kind in KINDS:
        schema = json.loads((ROOT / "schemas" / f"{kind.lower()}.schema.json").read_text(encoding="utf-8"))
        paths = list(dict.fromkeys(field_paths(schema)))
        # A number per type that rules.defaults also has is listed under rules.defaults.
        paths = [p for p in paths
                 if not (p.startswith("rules.types.<type>.")
                         and "rules.defaults." + p[len("rules.types.<type>."):] in paths)]
        fields[kind] = paths
    return fields


def sections(text):
    """The text of each kind's section: from "## `Kind`" to the next "## " heading."""
    out = {}
    parts = re.split(r"^(?=## )", text, flags=re.M)
    for part in parts:
        m = re.match(r"## `(\w+)`", part)
        if m and m.group(1) in KINDS:
            out[m.group(1)] = part
    return out


def value_listed(text, value, label):
    pattern = "`" + re.escape(value) + "`" + r"\s*[(（]" + re.escape(label) + r"[)）,，]"
    return re.search(pattern, text) is not None


def example_problems(doc, text, kind_sections):
    problems = []
    cited_in = set()
    for m in re.finditer(r"```yaml\n(.*?)```", text, flags=re.S):
        before = text[:m.start()]
        before = before[before.rfind("```") + 3 if "```" in before else 0:]
        before = before[max(before.rfind("\n#"), 0):]  # not past the section's heading
        cited = re.findall(r"`(examples/[^`]+\.ya?ml)`", before)
        if not cited:
            continue
        source = ROOT / cited[-1]
        if not source.is_file():
            problems.append(f"{doc}: the example cites {cited[-1]}, which does not exist")
            continue
        lines = source.read_text(encoding="utf-8").splitlines()
        at = 0
        for line in m.group(1).splitlines():
            try:
                at = lines.index(line, at) + 1
            except ValueError:
                problems.append(f"{doc}: the example from {cited[-1]} has a line that is not in the file "
                                f"(or not in its order): {line!r}")
                break
        for kind, part in kind_sections.items():
            if m.group(0) in part:
                cited_in.add(kind)
    for kind in KINDS:
        if kind not in cited_in:
            problems.append(f"{doc}: the section of `{kind}` has no example taken from examples/")
    return problems


def check(path, fields, table):
    text = path.read_text(encoding="utf-8")
    doc = path.relative_to(ROOT)
    kind_sections = sections(text)
    problems = []
    for kind in KINDS:
        if kind not in kind_sections:
            problems.append(f"{doc}: no section headed \"## `{kind}`\"")
    common = set.intersection(*(set(p for p in paths if "." not in p) for paths in fields.values()))
    for kind, paths in fields.items():
        where = kind_sections.get(kind, "")
        for path in paths:
            place = text if path in common else where
            if f"`{path}`" not in place:
                problems.append(f"{doc}: the field `{path}` of {kind} is not listed"
                                + ("" if path in common else f" in the section of `{kind}`"))
    for group, english, _ in labels.FIELDS:
        kind = english.split()[0]
        where = kind_sections.get(kind, "")
        for value in table.values(group):
            label = table.zh[group][value]
            if not value_listed(where, value, label):
                problems.append(f"{doc}: the value `{value}` is not listed with its label {label} "
                                f"in the section of `{kind}` ({english})")
            for alias in table.aliases_of(group, value):
                if f"`{alias}`" not in text:
                    problems.append(f"{doc}: the alias `{alias}` of `{value}` is not mentioned")
    problems += example_problems(doc, text, kind_sections)
    return problems


def anchors(path):
    """The anchors of a Markdown file's headings, as GitHub makes them."""
    out, in_code = set(), False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_code = not in_code
        m = None if in_code else re.match(r"#+ (.*)", line)
        if m:
            out.add(re.sub(r"[^\w\- ]", "", m.group(1).strip().lower()).replace(" ", "-"))
    return out


def link_problems(path):
    doc = path.relative_to(ROOT)
    text = path.read_text(encoding="utf-8")
    problems = [f"{doc}: cites the specification ({m.group(0)!r}); users do not have it"
                for m in re.finditer(r"SPEC[\w.]*", text)]
    for m in re.finditer(r"\]\(([^)\s]+)\)", text):
        link = m.group(1)
        target, _, anchor = link.partition("#")
        resolved = (path.parent / target).resolve() if target else path
        if re.match(r"\w+:", link) or ROOT not in resolved.parents:
            problems.append(f"{doc}: the link {link} leaves the repository")
        elif not resolved.exists():
            problems.append(f"{doc}: the link {link} reaches no file")
        elif anchor and resolved.suffix == ".md" and anchor not in anchors(resolved):
            problems.append(f"{doc}: the link {link} reaches no heading")
    return problems


def main():
    table = labels.Table(labels.TABLE)
    fields = schema_fields()
    problems = []
    for doc in DOCS:
        if not doc.is_file():
            problems.append(f"{doc.relative_to(ROOT)} is missing")
            continue
        problems += check(doc, fields, table)
    for doc in USER_DOCS:
        if doc.is_file():
            problems += link_problems(doc)
        elif doc not in DOCS:
            problems.append(f"{doc.relative_to(ROOT)} is missing")
    for p in problems:
        print(p)
    count = sum(len(p) for p in fields.values())
    print(f"records_reference: {count} fields, {len(USER_DOCS)} files: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
