#!/usr/bin/env python3
"""With --lang zh-CN, svcorg speaks Chinese throughout (SPEC 8, rev 2).

Runs svcorg on the example district and on every rule fixture with `--lang zh-CN` --
validate in every format, score (table, CSV, --explain, deltas), needs (table, CSV), rules,
and errors of the command line -- and checks that what a person reads holds no English
word. Allowed are what stays ASCII in both languages: ids, enumerated values, field names,
rule ids, file paths, options, values quoted in backticks, numbers, dates, and a few
names of formats and systems (YAML, CSV, SARIF ...). Machine formats are read as data:
only their texts for people (messages, rule descriptions) are checked.
Usage: chinese_throughout.py SVCORG
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "rules"
EXAMPLES = "examples --year 2026 --as-of 2026-11-26 --lang zh-CN"

# Names of formats, encodings and systems, written the same in Chinese prose.
NAMES = {"svcorg", "YAML", "UTF-8", "UTF", "JSON", "CSV", "SARIF", "JUnit", "GitLab", "GitHub", "BOM", "NUL",
         "Excel", "Markdown", "git", "CI", "ID", "URI", "XML", "GBK", "Mermaid", "PATH", "REV", "FILE", "TYPE",
         # the commands, and the values of YAML booleans
         "validate", "score", "needs", "report", "init", "schema", "rules", "export", "true", "false",
         # the databases `svcorg export` writes to
         "SQLite", "PostgreSQL"}


def words_of_schemas():
    """Every property name of the JSON Schemas (field names stay ASCII)."""
    out = set()

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.get("properties", {}).items():
                out.add(k)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for p in (ROOT / "schemas").glob("*.schema.json"):
        walk(json.loads(p.read_text(encoding="utf-8")))
    return out


def ascii_scalars(paths):
    """Every ASCII scalar of the YAML inputs: ids, enumerated values, keys."""
    out = set()

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                out.add(str(k))
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif node is not None:
            out.add(str(node))

    for root in paths:
        for p in sorted(root.rglob("*.yaml")):
            try:
                for doc in yaml.safe_load_all(p.read_text(encoding="utf-8")):
                    walk(doc)
            except Exception:  # a fixture that is meant not to parse
                continue
    return out


def allowed_words():
    allowed = set(NAMES) | words_of_schemas() | ascii_scalars([ROOT / "examples", FIXTURES])
    table = yaml.safe_load((ROOT / "lib" / "svcorg" / "model" / "labels.yaml").read_text(encoding="utf-8"))
    for group in table["en"].values():
        allowed.update(group.keys())
    model = yaml.safe_load((ROOT / "lib" / "svcorg" / "rules" / "defaults.yaml").read_text(encoding="utf-8"))
    allowed |= ascii_scalars_of(model)
    allowed.update(p.name for p in FIXTURES.iterdir())  # rule ids
    return allowed


def ascii_scalars_of(node):
    out = set()
    if isinstance(node, dict):
        for k, v in node.items():
            out.add(str(k))
            out |= ascii_scalars_of(v)
    elif isinstance(node, list):
        for v in node:
            out |= ascii_scalars_of(v)
    elif node is not None:
        out.add(str(node))
    return out


TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9_.\-/]*")


def english_words(text, allowed):
    """The words of `text` a Chinese reader would find English."""
    text = re.sub(r"`[^`\n]*`", " ", text)  # quoted values
    text = re.sub(r"\b0x[0-9a-fA-F]+\b|\bYYYY-MM-DD\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b", " ", text)  # bytes, formats, variables
    text = re.sub(r"\[[a-z-]+\]", " ", text)  # [rule-id]
    text = re.sub(r"(?<![\w-])--?[A-Za-z][A-Za-z-]*", " ", text)  # options
    found = []
    for m in TOKEN.finditer(text):
        w = m.group(0).rstrip(".-/")
        if len(w) < 2 or "/" in w or w.endswith((".yaml", ".yml", ".json", ".md")):
            continue
        if w in allowed or w.lower() in allowed:
            continue
        # An id and its parts (`mly-2026-001`, `items[0].needs`, `review.member_survey`).
        parts = re.split(r"[.\-_]", w)
        if all(p in allowed or p.isdigit() or len(p) < 2 or p in NAMES for p in parts):
            continue
        if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", w):  # an id of the records
            continue
        found.append(w)
    return found


def run(svcorg, args, cwd=ROOT):
    p = subprocess.run([svcorg] + args.split(), cwd=cwd, capture_output=True, text=True)
    return p.stdout, p.stderr


def texts_of_json(doc):
    return [d["message"] for d in doc["diagnostics"]] + [d["message"] for d in doc.get("waived", [])]


def texts_of_sarif(doc):
    run_ = doc["runs"][0]
    out = [r["message"]["text"] for r in run_["results"]]
    for rule in run_["tool"]["driver"]["rules"]:
        out += [rule["shortDescription"]["text"], rule["fullDescription"]["text"], rule["help"]["text"]]
    for base in run_.get("originalUriBaseIds", {}).values():
        out.append(base["description"]["text"])
    return out


def texts_of_junit(text):
    out = []
    for el in ET.fromstring(text).iter():
        if el.tag in ("failure", "error"):
            out += [el.get("message", ""), el.text or ""]
        if el.tag == "system-out":
            out.append(el.text or "")
    return out


def texts_of_csv(text):
    # Every cell: headers and labels; ids, numbers and dates are allowed words.
    return [text]


def main(argv):
    svcorg = str(pathlib.Path(argv[1]).resolve())
    allowed = allowed_words()
    checked = []  # (what, text)

    def check(what, text):
        checked.append((what, text))
        # What the command line gave is quoted back as given.
        allowed.update(re.split(r"[\s:=]+", what))

    out, err = run(svcorg, "validate " + EXAMPLES)
    check("validate", out + err)
    out, _ = run(svcorg, "validate " + EXAMPLES + " --format json")
    for t in texts_of_json(json.loads(out)):
        check("validate --format json", t)
    out, _ = run(svcorg, "validate " + EXAMPLES + " --format sarif")
    for t in texts_of_sarif(json.loads(out)):
        check("validate --format sarif", t)
    out, _ = run(svcorg, "validate " + EXAMPLES + " --format junit")
    for t in texts_of_junit(out):
        check("validate --format junit", t)
    out, _ = run(svcorg, "validate " + EXAMPLES + " --format gitlab")
    for issue in json.loads(out):
        check("validate --format gitlab", issue["description"])
    out, _ = run(svcorg, "validate " + EXAMPLES + " --format github")
    check("validate --format github", "\n".join(line.split("::")[-1] for line in out.splitlines()))

    for args in ["score " + EXAMPLES, "score " + EXAMPLES + " --format csv",
                 "score " + EXAMPLES + " --explain meiliyuan", "score " + EXAMPLES + " --explain jiali",
                 "score " + EXAMPLES + " --baseline tests/golden/score/examples-2025.json",
                 "score " + EXAMPLES + " --baseline tests/golden/score/examples-2025.json --format markdown",
                 "needs " + EXAMPLES, "needs " + EXAMPLES + " --format csv", "needs " + EXAMPLES + " --excel",
                 "rules examples --lang zh-CN", "rules --builtin --lang zh-CN --format markdown"]:
        out, err = run(svcorg, args)
        check(args, out + err)

    # Every rule fixture, in every text format a person reads.
    for d in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        extra = ""
        if (d / "args").exists():
            for line in (d / "args").read_text().splitlines():
                if line.startswith("year="):
                    extra += " --year " + line[5:]
                if line.startswith("as_of="):
                    extra += " --as-of " + line[6:]
        if "--as-of" not in extra:
            extra += " --as-of 2026-06-30"
        out, err = run(svcorg, "validate . --lang zh-CN --color never" + extra, cwd=d)
        check("validate " + d.name, out + err)
        out, _ = run(svcorg, "validate . --lang zh-CN --format sarif" + extra, cwd=d)
        for t in texts_of_sarif(json.loads(out)):
            check("validate --format sarif " + d.name, t)

    # Errors of the command line and of the inputs.
    with tempfile.TemporaryDirectory() as tmp:
        for args in ["validate --lang zh-CN --format xml examples", "validate --lang zh-CN --nope examples",
                     "valdate --lang zh-CN examples", "score --lang zh-CN examples --branch meiliyan",
                     "score --lang zh-CN examples --explain nobody", "needs --lang zh-CN examples --status nope",
                     "validate --lang zh-CN no/such", "score --lang zh-CN --as-of 2026-02-30 examples",
                     "report --lang zh-CN examples --scope street:nope", "schema --lang zh-CN nope",
                     "rules --lang zh-CN 居名区 examples", "init --lang zh-CN " + tmp + "/new",
                     "export " + EXAMPLES + " --to sqlite:" + tmp + "/x.db", "export --lang zh-CN examples --to x.db"]:
            out, err = run(svcorg, args)
            check(args, out + err)

    # The check itself sees English: the same run in English is full of it.
    out, err = run(svcorg, "validate " + EXAMPLES.replace("zh-CN", "en"))
    if len(set(english_words(out + err, allowed))) < 10:
        print("the check finds no English in English output: it is broken")
        return 1

    failures = []
    for what, text in checked:
        words = english_words(text, allowed)
        if words:
            failures.append(f"{what}: {sorted(set(words))[:12]}")
    if failures:
        print("English words in output with --lang zh-CN:")
        print("\n".join(failures))
        return 1
    print(f"chinese_throughout: {len(checked)} outputs read, no English word")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
