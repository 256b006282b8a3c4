#!/usr/bin/env python3
"""The example district written with labels reads exactly like the original (SPEC 2.1 rev 2).

Copies examples/ twice into a temporary folder, rewrites every enumerated value of one
copy as its zh-CN label (lib/svcorg/model/labels.yaml) in place, keeping every other
byte, and checks that svcorg validates, scores, lists and reports both copies byte for
byte alike (output, errors and exit code). Usage: labelled_example.py SVCORG
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
TABLE = ROOT / "lib" / "svcorg" / "model" / "labels.yaml"

# Where a kind's enumerated values are, as paths of keys (`[]`: every item of a list,
# `*`: every key of a mapping), and their group in the label table.
FIELDS = {
    "District": [(("lang",), "lang"),
                 (("rules", "negative_list", "[]"), "category"),
                 (("rules", "types", "*", "need_categories", "[]"), "category"),
                 (("rules", "types", "*", "required_platforms", "[]"), "platform_category")],
    "Branch": [(("type",), "type"), (("functions", "[]"), "function"),
               (("representatives", "[]", "role"), "role")],
    "Need": [(("channel",), "channel"), (("category",), "category"), (("scope",), "scope"),
             (("impact", "[]"), "impact"), (("layer",), "layer"), (("disposal",), "disposal"),
             (("status",), "status"), (("events", "[]", "status"), "status")],
    "Platform": [(("level",), "level"), (("category",), "platform_category"), (("cadence",), "cadence")],
    "Plan": [(("status",), "plan_status"), (("items", "[]", "category"), "category"),
             (("items", "[]", "approval"), "approval"), (("review", "awards", "[]", "kind"), "award")],
}

COMMANDS = [
    "validate examples --as-of 2026-11-26",
    "validate examples --as-of 2026-11-26 --format json",
    "validate examples --as-of 2026-11-26 --format sarif",
    "score examples --year 2026 --as-of 2026-11-26 --format json",
    "score examples --year 2026 --as-of 2026-11-26 --format csv",
    "score examples --year 2025 --format json",
    "score examples --year 2026 --as-of 2026-11-26 --explain caojiadu-huanwei",
    "needs examples --year 2026 --as-of 2026-11-26 --format csv",
    "needs examples --year 2026 --as-of 2026-11-26",
    "report examples --year 2026 --as-of 2026-11-26 --lang en",
    "report examples --year 2026 --as-of 2026-11-26 --lang zh-CN",
    "report examples --year 2025 --lang zh-CN --scope street:jingansi",
]


def scalars(node, path):
    """The scalar nodes at `path` under `node`."""
    if not path:
        if isinstance(node, yaml.ScalarNode):
            yield node
        return
    step, rest = path[0], path[1:]
    if step == "[]":
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from scalars(item, rest)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if step == "*" or key.value == step:
                yield from scalars(value, rest)


def relabel(text, labels, used):
    """`text` with every enumerated value that has a label replaced by it, in place."""
    edits = []
    for doc in yaml.compose_all(text, Loader=yaml.BaseLoader):
        if not isinstance(doc, yaml.MappingNode):
            continue
        kind = next((v.value for k, v in doc.value if k.value == "kind"), None)
        for path, group in FIELDS.get(kind, []):
            for node in scalars(doc, path):
                label = labels[group].get(node.value)
                if node.style is None and label:  # plain scalars (a District's own category has no label)
                    edits.append((node.start_mark.index, node.end_mark.index, label))
                    used.add((group, node.value))
    for start, end, label in sorted(edits, reverse=True):
        text = text[:start] + label + text[end:]
    return text


def run(svcorg, args, cwd):
    r = subprocess.run([svcorg] + args.split() + ["--no-cache"], cwd=cwd, capture_output=True)
    return r.returncode, r.stdout, r.stderr


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    svcorg = str(pathlib.Path(argv[1]).resolve())
    labels = yaml.load(TABLE.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["zh-CN"]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        original, labelled = pathlib.Path(tmp) / "original", pathlib.Path(tmp) / "labelled"
        shutil.copytree(ROOT / "examples", original / "examples")
        shutil.copytree(ROOT / "examples", labelled / "examples")
        used, changed = set(), 0
        for path in sorted((labelled / "examples").rglob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            new = relabel(text, labels, used)
            if new != text:
                changed += 1
                path.write_text(new, encoding="utf-8")
        # Every labelled group appears: the rewrite really exercises each field.
        groups = {g for fields in FIELDS.values() for _, g in fields}
        missing = sorted(groups - {g for g, _ in used})
        if missing:
            failures.append("the example district has no value to relabel in: " + ", ".join(missing))
        print(f"relabelled {len(used)} distinct values in {changed} files")
        for args in COMMANDS:
            a, b = run(svcorg, args, original), run(svcorg, args, labelled)
            if a != b:
                failures.append(f"`svcorg {args}` differs: exit {a[0]} vs {b[0]}, "
                                f"{len(a[1])} vs {len(b[1])} bytes out, stderr {a[2][:300]!r} vs {b[2][:300]!r}")
            elif a[0] not in (0, 1) or not a[1]:
                failures.append(f"`svcorg {args}` failed on the original: exit {a[0]}, {a[2][:300]!r}")
            else:
                print(f"same: svcorg {args} ({len(a[1])} bytes, exit {a[0]})")
    for f in failures:
        print("FAIL: " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
