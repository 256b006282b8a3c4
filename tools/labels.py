#!/usr/bin/env python3
"""Keep the JSON Schemas' enumerations in step with the label table.

The schemas in schemas/ are written by hand, except what comes from the label table
(lib/svcorg/model/labels.yaml, SPEC 2.1 rev 2): every `enum` whose values are the values
of a labelled group lists them followed by their zh-CN labels and aliases, a condition on
one value (`if`) holds for its labels too, and the `category` definition accepts a
category name or the label of a built-in category. So an editor accepts `type: 居民区`
exactly as svcorg does.

It also writes docs/LABELS.md, the label table for readers, in English and Chinese.

    python3 tools/labels.py          rewrite the schemas and docs/LABELS.md
    python3 tools/labels.py --check  exit 1 if a committed file is not what the table
                                     gives (run by CTest: labels_generated)
"""
import json
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
TABLE = ROOT / "lib" / "svcorg" / "model" / "labels.yaml"
SCHEMAS = ROOT / "schemas"

# The groups whose values a record may write as labels (model/convert.cpp reads the
# same groups), with the fields that hold them, in English and Chinese (docs/LABELS.md).
FIELDS = [
    ("type", "Branch `type`", "党组织的 `type`（类型）"),
    ("function", "Branch `functions`", "党组织的 `functions`（单位职能）"),
    ("role", "Branch `representatives[].role`", "党组织的 `representatives[].role`（代表身份）"),
    ("channel", "Need `channel`", "需求的 `channel`（渠道）"),
    ("category", "Need `category`, plan item `category`, the District's `negative_list` and `need_categories` "
     "(the built-in categories)", "需求和计划项目的 `category`，区的 `negative_list`、`need_categories`（内置类别）"),
    ("scope", "Need `scope`", "需求的 `scope`（范围）"),
    ("impact", "Need `impact`", "需求的 `impact`（影响）"),
    ("layer", "Need `layer`", "需求的 `layer`（责任层级）"),
    ("disposal", "Need `disposal`", "需求的 `disposal`（处置方向）"),
    ("status", "Need `status` and `events[].status`", "需求的 `status` 和 `events[].status`（状态）"),
    ("level", "Platform `level`", "平台的 `level`（层级）"),
    ("platform_category", "Platform `category`, the District's `required_platforms`",
     "平台的 `category`（类别），区的 `required_platforms`"),
    ("cadence", "Platform `cadence`", "平台的 `cadence`（频次）"),
    ("plan_status", "Plan `status`", "计划的 `status`（状态）"),
    ("approval", "Plan item `approval`", "计划项目的 `approval`（审批）"),
    ("award", "Plan `review.awards[].kind`", "计划的 `review.awards[].kind`（特殊贡献类别）"),
    ("lang", "District `lang`", "区的 `lang`（报告语言）"),
]
# A schema enum is matched to a group by its ASCII values (categories have a definition).
GROUPS = [group for group, _, _ in FIELDS if group != "category"]
CATEGORY_PATTERN = "^[a-z0-9][a-z0-9-]{0,63}$"
# The fields the schemas' conditions (`if`: type-field, relay-target, declined-reason)
# test for one value, and their groups: the condition holds for the value's labels too.
CONDITION_FIELDS = {"type": "type", "disposal": "disposal", "status": "status"}


class Table:
    def __init__(self, path):
        # BaseLoader: every scalar is text (YAML 1.1 would read `no:` as a boolean key).
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        self.zh = data["zh-CN"]
        self.en = data["en"]
        self.aliases = data.get("aliases", {}).get("zh-CN", {})

    def values(self, group):
        return list(self.zh[group].keys())

    def written(self, group):
        """The zh-CN labels of `group`, then its aliases, in the table's order."""
        out = list(self.zh[group].values())
        for value in self.zh[group]:
            out += self.aliases.get(group, {}).get(value, [])
        return out

    def aliases_of(self, group, value):
        return self.aliases.get(group, {}).get(value, [])

    def english(self, group, value):
        return self.en[group][value]

    def written_of(self, group, value):
        """The ways to write one value: itself, its zh-CN label, its aliases."""
        return [value, self.zh[group][value]] + self.aliases_of(group, value)


def ascii_only(values):
    return [v for v in values if isinstance(v, str) and v.isascii()]


ASCII_ONLY = r"^[\x00-\x7F]*$"


def category_definition(table, own_labels):
    """Where records write a category (needs, plan items), the label of one of the
    District's categories is Chinese text the schema cannot check against the District:
    need-category and item-category do. In the District's own lists, only built-in
    labels."""
    choices = [
        {"pattern": CATEGORY_PATTERN},
        {"enum": table.written("category"), "description": "The zh-CN label of a built-in category."},
    ]
    description = CATEGORY_DESCRIPTION
    if own_labels:
        choices.append({"not": {"pattern": ASCII_ONLY},
                        "description": "The label of one of the District's categories (`rules.category_labels`)."})
        description = CATEGORY_DESCRIPTION_OWN
    return {"type": "string", "anyOf": choices, "description": description}


def category_labels_schema(table):
    builtin = list(table.values("category"))
    return {
        "type": "object",
        "description": "The zh-CN labels of the District's own categories (not the built-in ones, which have theirs): "
                       "a need or plan item may write such a category as its label. Each label is Chinese text "
                       "that no other category has.",
        "propertyNames": {"pattern": CATEGORY_PATTERN, "not": {"enum": builtin}},
        "patternProperties": {"^x-": {"description": "Extension field (any key starting with `x-`): ignored by svcorg."}},
        "additionalProperties": {
            "type": "string",
            "description": "The category's label.",
            "not": {"anyOf": [{"pattern": ASCII_ONLY}, {"enum": table.written("category")}]},
        },
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
CATEGORY_DESCRIPTION_OWN = (
    "A category name: lowercase ASCII letters, digits and `-` (e.g. `elderly-care`), or the zh-CN label of a "
    "built-in category (e.g. `养老服务`) or of one of the District's (`rules.category_labels`), read as its name. "
    "Which categories a branch type allows is a separate rule (need-category, item-category).")
# The schemas whose records write categories that may be the District's labels.
OWN_LABELS = {"need.schema.json", "plan.schema.json"}


def generate(path, table):
    schema = json.loads(path.read_text(encoding="utf-8"))
    by_values = {tuple(sorted(table.values(g))): g for g in GROUPS}
    assert len(by_values) == len(GROUPS), "two groups have the same values"
    rewrite(schema, table, by_values)
    definitions = schema.get("definitions", {})
    if "category" in definitions:
        definitions["category"] = category_definition(table, path.name in OWN_LABELS)
    rules = schema.get("properties", {}).get("rules", {}).get("properties")
    if rules is not None:
        rules["category_labels"] = category_labels_schema(table)
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


DOC = ROOT / "docs" / "LABELS.md"
DOC_HEAD = """\
# Labels of enumerated values · 枚举值的标签

<!-- Generated by `python3 tools/labels.py` from lib/svcorg/model/labels.yaml; do not edit. -->

Every enumerated value of a record may be written as its Simplified Chinese label:
`type: 居民区` is read exactly as `type: residential`, and `status: 已解决` as
`status: resolved`. The aliases below are read the same way. Within a field, every label
and alias means one value. svcorg writes the value itself in findings, JSON and English
tables and CSV; reports show the label of their language, and the Chinese tables,
`--explain` and CSV of `score` and `needs` the zh-CN label. Labels are part of the file
format: a label is never changed without keeping the old one as an alias. The JSON Schemas in
[schemas/](../schemas/) accept the labels too, so an editor checks a labelled file as svcorg
does. A District may label its own categories in its `rules:`
(`category_labels: {rooftop-garden: 屋顶花园}`); needs and plan items may then write them as
their labels, which are read as the names. This page is generated from the label table,
`lib/svcorg/model/labels.yaml`, which is also where the reports take the labels they show.

记录中的每个枚举值都可以写成它的简体中文标签：`type: 居民区` 与 `type: residential` 含义完全相同，`status: 已解决` 即 `status: resolved`。下表中的别名也同样可用。同一字段内，每个标签和别名只对应一个取值。svcorg 的检查结果和 JSON 始终写取值本身；报告显示所选语言的标签，`score` 和 `needs` 的中文表格、`--explain` 和 CSV 显示中文标签。标签是文件格式的一部分：修改标签时，旧标签一定作为别名保留。[schemas/](../schemas/) 中的 JSON Schema 同样接受标签，编辑器对带标签文件的检查与 svcorg 一致。区可以在 `rules:` 中为自行增加的类别定义标签（`category_labels: {rooftop-garden: 屋顶花园}`），需求和计划项目即可用该标签填写类别，读入时视同类别名。本页根据标签表 `lib/svcorg/model/labels.yaml` 生成，报告中显示的取值标签也来自这张表。

| group · 分组 | field | 字段 |
|---|---|---|
"""


def cell(text):
    return text.replace("|", "\\|")


def labels_doc(table):
    out = [DOC_HEAD]
    for group, en, zh in FIELDS:
        anchor = group.replace("_", "-")
        out.append(f"| [{anchor}](#{anchor}) | {cell(en)} | {cell(zh)} |\n")
    for group, en, zh in FIELDS:
        out.append(f"\n## {group.replace('_', '-')}\n\n{en} · {zh}\n\n")
        out.append("| value · 取值 | label · 中文标签 | aliases · 别名 | English |\n|---|---|---|---|\n")
        for value in table.values(group):
            aliases = "、".join(table.aliases_of(group, value))
            out.append(f"| `{value}` | {cell(table.zh[group][value])} | {cell(aliases)} | "
                       f"{cell(table.english(group, value))} |\n")
    return "".join(out)


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
    doc = labels_doc(table)
    if not DOC.exists() or DOC.read_text(encoding="utf-8") != doc:
        stale.append("docs/LABELS.md")
        if not check:
            DOC.write_text(doc, encoding="utf-8")
    if check and stale:
        print("tools/labels.py: not generated from the label table: " + ", ".join(stale)
              + "; run `python3 tools/labels.py` and commit them", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
