#!/usr/bin/env python3
"""Reads JUnit XML files with a real XML parser (xml.etree.ElementTree) and prints what a
CI system would see, as a JSON array with one entry per file: the counts, and per test
case its file (GitLab links it), failures, errors and output; null (and the parser's message on stderr) for a file that
is not well-formed XML."""
import json
import sys
import xml.etree.ElementTree as ET


def read(path):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"{path}: not well-formed: {e}", file=sys.stderr)
        return None
    out = {"root": root.tag, "name": root.get("name"), "tests": root.get("tests"),
           "failures": root.get("failures"), "errors": root.get("errors"), "suites": []}
    for suite in root.findall("testsuite"):
        s = {"name": suite.get("name"), "tests": suite.get("tests"), "failures": suite.get("failures"),
             "errors": suite.get("errors"), "cases": []}
        for case in suite.findall("testcase"):
            c = {"name": case.get("name"), "classname": case.get("classname"), "file": case.get("file"),
                 "failures": [], "errors": [], "system_out": None}
            for kind in ("failure", "error"):
                for f in case.findall(kind):
                    c[kind + "s"].append({"message": f.get("message"), "type": f.get("type"), "text": f.text or ""})
            so = case.find("system-out")
            if so is not None:
                c["system_out"] = so.text or ""
            s["cases"].append(c)
        out["suites"].append(s)
    return out


if __name__ == "__main__":
    json.dump([read(p) for p in sys.argv[1:]], sys.stdout, ensure_ascii=False)
