#!/usr/bin/env python3
"""The layers of lib/svcorg/ and the size of its files (CTest `layers`).

1. docs/ARCHITECTURE.md's table of lib/svcorg/ folders is the layer order, lower stages
   first: no file of a module includes a header of a module listed after it
   (`#include "svcorg/<module>/..."`), but for the includes of ALLOWED, each with the
   reason it is there. The list only shrinks: an allowed include that is gone fails too,
   so it is taken off the list with the change that removes it. A module folder the table
   does not list fails.
2. No file under lib/ is over MAX_LINES lines.

Usage: layers.py [REPOSITORY]   (default: the repository this script is in)
"""
import os
import re
import sys

MAX_LINES = 500

# (file under lib/, the included header): why it is allowed for now.
ALLOWED = {}

INCLUDE = re.compile(r'^\s*#\s*include\s+"(svcorg/([^/"]+)/[^"]+)"')
ROW = re.compile(r"^\|\s*`([a-z0-9_]+)/`\s*\|\s*`svcorg::")


def layer_order(architecture):
    """The modules of the table of lib/svcorg/ folders, in the table's order."""
    order = []
    with open(architecture, encoding="utf-8") as f:
        for line in f:
            m = ROW.match(line)
            if m:
                order.append(m.group(1))
    return order


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    lib = os.path.join(root, "lib")
    architecture = os.path.join(root, "docs", "ARCHITECTURE.md")
    order = layer_order(architecture)
    rank = {m: i for i, m in enumerate(order)}
    problems = []

    modules = sorted(d for d in os.listdir(os.path.join(lib, "svcorg")) if os.path.isdir(os.path.join(lib, "svcorg", d)))
    for m in modules:
        if m not in rank:
            problems.append(f"docs/ARCHITECTURE.md: lib/svcorg/{m}/ is not in the table of lib/svcorg/ folders; "
                            "add its row where it belongs in the layer order")

    seen_allowed = set()
    for dirpath, dirnames, filenames in os.walk(lib):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith((".cpp", ".hpp")):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, lib).replace(os.sep, "/")
            with open(path, encoding="utf-8") as f:
                lines = f.readlines()
            if len(lines) > MAX_LINES:
                problems.append(f"lib/{rel}: {len(lines)} lines, over {MAX_LINES}; split it along a seam")
            parts = rel.split("/")
            own = parts[1] if len(parts) > 2 and parts[0] == "svcorg" else None
            if own not in rank:
                continue
            for number, line in enumerate(lines, 1):
                m = INCLUDE.match(line)
                if not m or m.group(2) == own or m.group(2) not in rank:
                    continue
                header, module = m.group(1), m.group(2)
                if rank[module] <= rank[own]:
                    continue
                if (rel, header) in ALLOWED:
                    seen_allowed.add((rel, header))
                    continue
                problems.append(f"lib/{rel}:{number}: {line.strip()}: {own}/ includes {module}/, which "
                                f"docs/ARCHITECTURE.md lists after it (a higher layer)")

    for rel, header in sorted(set(ALLOWED) - seen_allowed):
        problems.append(f"lib/{rel} no longer includes {header} against the layer order: "
                        "take it off ALLOWED in tests/layers.py")

    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s); the layer order is: {' '.join(order)}")
        return 1
    print(f"layers: {len(order)} modules in order, {len(ALLOWED)} allowed includes, no file over {MAX_LINES} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
