#!/usr/bin/env python3
"""Keep the JSON Schemas' enumerations in step with the label table.

The schemas in schemas/ are written by hand, except what comes from the label table
(lib/svcorg/model/labels.yaml, SPEC 2.1 rev 2): every `enum` whose values are the values
of a labelled group lists them followed by their zh-CN labels and aliases, a condition on
one value (`if`) holds for its labels too, and the `category` definition accepts a
category name or the label of a built-in category. So an editor accepts `type: 居民区`
exactly as svcorg does.

    python3 tools/labels.py          rewrite the schemas
    python3 tools/labels.py --check  exit 1 if a committed schema is not what the
                                         table gives (run by CTest: labels_generated)
"""
import json
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
TABLE = ROOT / "lib" / "svcorg" / "model" / "labels.yaml"
SCHEMAS = ROOT / "schemas"

# The groups whose values a record may write as labels (model/convert.cpp reads the
# same groups). A schema enum is matched to a group by its ASCII values.
GROUPS = ["type", "function", "role", "lang", "channel", "scope", "impact", "layer", "disposal", "status",
          "level", "platform_category", "cadence", "plan_status", "approval", "award"]
CATEGORY_PATTERN = "^[a-z0-9][a-z0-9-]{0,63}$"
# The fields the schemas' conditions (`if`: type-field, relay-target, declined-reason)
# test for one value, and their groups: the condition holds for the value's labels too.
CONDITION_FIELDS = {"type": "type", "disposal": "disposal", "status": "status"}


class Table:
    def __init__(self, path):
        # BaseLoader: every scalar is text (YAML 1.1 would read `no:` as a boolean key).
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        self.zh = data["zh-CN"]
        self.aliases = data.get("aliases", {}).get("zh-CN", {})

    def values(self, group):
        return list(self.zh[group].keys())

    def written(self, group):
        """The zh-CN labels of `group`, then its aliases, in the table's order."""
        out = list(self.zh[group].values())
        for value in self.zh[group]:
            out += self.aliases.get(group, {}).get(value, [])
        return out

    def written_of(self, group, value):
        """The ways to write one value: itself, its zh-CN label, its aliases."""
        return [value, self.zh[group][value]] + self.aliases.get(group, {}).get(value, [])


def ascii_only(values):
    return [v for v in values if isinstance(v, str) and v.isascii()]


def category_definition(table, description):
    return {
        "type": "string",
        "anyOf": [
            {"pattern": CATEGORY_PATTERN},
            {"enum": table.written("category"), "description": "The zh-CN label of a built-in category."},
        ],
        "description": description,
    }


def rewrite(node, table, by_values):
    if isinstance(node, dict):
        for name, test in node.get("if", {}).get("properties", {}).items():
            if name in CONDITION_FIELDS:
                value = test["const"] if "const" in test else ascii_only(test["enum"])[0]
                test.clear()
                test["enum"] = table.written_of(CONDITION_FIELDS[name], value)
        if isinstance(node.get("enum"), list):
            group = by_values.get(tuple(sorted(ascii_only(node["enum"]))))
            if group:
                node["enum"] = table.values(group) + table.written(group)
        for value in node.values():
            rewrite(value, table, by_values)
    elif isinstance(node, list):
        for value in node:
            rewrite(value, table, by_values)


CATEGORY_DESCRIPTION = (
    "A category name: lowercase ASCII letters, digits and `-` (e.g. `elderly-care`), or the zh-CN label of a "
    "built-in category (e.g. `养老服务`), read as its name. Which categories a branch type allows is a separate "
    "rule (need-category, item-category).")


def generate(path, table):
    schema = json.loads(path.read_text(encoding="utf-8"))
    by_values = {tuple(sorted(table.values(g))): g for g in GROUPS}
    assert len(by_values) == len(GROUPS), "two groups have the same values"
    rewrite(schema, table, by_values)
    definitions = schema.get("definitions", {})
    if "category" in definitions:
        definitions["category"] = category_definition(table, CATEGORY_DESCRIPTION)
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv):
    check = argv[1:] == ["--check"]
    if argv[1:] and not check:
        print(__doc__, file=sys.stderr)
        return 2
    table = Table(TABLE)
    stale = []
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        text = generate(path, table)
        if path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path.name)
        if not check:
            path.write_text(text, encoding="utf-8")
    if check and stale:
        print("tools/labels.py: not generated from the label table: " + ", ".join(stale)
              + "; run `python3 tools/labels.py` and commit the schemas", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
