#!/usr/bin/env python3
"""`svcorg report --format html` on the example district: every scope, both languages.

Each report is one well-formed, self-contained HTML file (balanced tags, `<!doctype html>`,
`<html lang>`, UTF-8; no script, no URL, no `src`/`href`, no `url(` or `@import`: nothing a
browser would fetch), identical across two runs, and shows the same content as the
Markdown report of the same inputs: the same headings, the same table cells in the same
order, one SVG chart for each Mermaid chart. Another format is a usage error. Usage: report_html.py SVCORG
"""
import html
import html.parser
import re
import subprocess
import sys

ROOT = __file__.rsplit("/tests/", 1)[0]
Y2025 = ["--year", "2025", "--as-of", "2025-12-31"]
REPORTS = [(scope, lang, Y2025) for scope in ("district", "street:nanjingxi", "branch:meiliyuan")
           for lang in ("en", "zh-CN")] + [("district", "zh-CN", ["--year", "2026", "--as-of", "2026-11-26"])]
VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr", "area", "base", "source", "track",
        "path", "rect", "line", "circle"}  # the SVG elements svcorg writes self-closed
BANNED = ["<script", "http:", "https:", "//", "@import", "url(", "javascript:"]

failures = []


def fail(what):
    failures.append(what)
    print("FAIL:", what)


class Checker(html.parser.HTMLParser):
    """Balanced tags, headings, table cells and charts of an HTML report."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.headings, self.cells, self.svgs, self.errors = [], [], [], 0, []
        self.text = None  # the text of the heading or cell being read
        self.ticks = []  # per chart, the numbers under its value axis
        self.tick = None  # the text of the tick label being read

    def handle_starttag(self, tag, attrs):
        for name, _ in attrs:
            if name in ("src", "href") or name.startswith("on"):
                self.errors.append(f"attribute {name} on <{tag}>")
        if tag == "svg":
            self.svgs += 1
            self.ticks.append([])
        if tag == "text" and dict(attrs).get("fill") == "#555":
            self.tick = ""
        if tag in ("h1", "h2", "h3", "h4", "td", "th"):
            self.text = ""
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            return
        self.stack.pop()
        if tag == "text" and self.tick is not None:
            if re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", self.tick):
                self.ticks[-1].append(self.tick)
            self.tick = None
        if tag in ("h1", "h2", "h3", "h4") and self.text is not None:
            self.headings.append((int(tag[1]), norm(self.text)))
            self.text = None
        elif tag in ("td", "th") and self.text is not None:
            self.cells.append(norm(self.text))
            self.text = None

    def handle_data(self, data):
        if self.tick is not None:
            self.tick += data
        if self.text is not None and "title" not in self.stack:
            self.text += data


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


def md_text(cell):
    """A Markdown cell or heading as the text it shows."""
    cell = re.sub(r"[▓░]+ ", "", cell)  # the progress bar: the HTML draws it, with the same %
    cell = cell.replace("\u2060", "")
    cell = re.sub(r"`([^`]*)`", r"\1", cell)
    cell = cell.replace("**", "")
    cell = re.sub(r"\\(.)", r"\1", cell)
    return norm(cell)


def markdown_parts(text):
    """Headings, table cells and, per chart, the value axis's ends ("lo", "hi") of a bar
    chart (None for a pie)."""
    headings, cells, charts = [], [], []
    for line in text.splitlines():
        m = re.match(r"^(#{1,4}) (.*)$", line)
        if m:
            headings.append((len(m.group(1)), md_text(m.group(2))))
        elif line.startswith("|") and not re.match(r"^\|( -+:? \|)+$", line):
            cells += [md_text(c) for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        elif line == "```mermaid":
            charts.append(None)
        elif m := re.match(r'^    y-axis ".*" (\S+) --> (\S+)$', line):
            charts[-1] = (m.group(1), m.group(2))
    return headings, cells, charts


def run(svcorg, args):
    r = subprocess.run([svcorg, "report", "examples", *args], cwd=ROOT, capture_output=True)
    if r.returncode != 0:
        fail(f"report {' '.join(args)} exited {r.returncode}: {r.stderr.decode()}")
    return r.stdout.decode("utf-8")


def main():
    svcorg = sys.argv[1]
    for scope, lang, dates in REPORTS:
        before = len(failures)
        args = [*dates, "--scope", scope, "--lang", lang]
        name = f"{scope} {lang} {dates[1]}"
        page = run(svcorg, [*args, "--format", "html"])
        if page != run(svcorg, [*args, "--format", "html"]):
            fail(f"{name}: two runs differ")
        if not page.startswith(f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'):
            fail(f"{name}: does not start with the doctype, <html lang=\"{lang}\"> and the charset")
        for banned in BANNED:
            if banned in page.lower():
                fail(f"{name}: has {banned!r}")
        checker = Checker()
        checker.feed(page)
        checker.close()
        if checker.stack:
            checker.errors.append(f"unclosed {checker.stack}")
        for error in checker.errors:
            fail(f"{name}: {error}")
        headings, cells, charts = markdown_parts(run(svcorg, args))
        if checker.headings != headings:
            fail(f"{name}: headings differ from the Markdown's:\n  html {checker.headings}\n  md   {headings}")
        if checker.cells != cells:
            diff = next(((i, a, b) for i, (a, b) in enumerate(zip(checker.cells, cells)) if a != b), None)
            fail(f"{name}: {len(checker.cells)} table cells, the Markdown {len(cells)}; first difference {diff}")
        if checker.svgs != len(charts):
            fail(f"{name}: {checker.svgs} SVG charts, the Markdown {len(charts)} Mermaid charts")
        # The layout chooses a bar chart's value axis once: both writers draw the same range.
        for i, (axis, ticks) in enumerate(zip(charts, checker.ticks)):
            if axis is not None and (not ticks or (ticks[0], ticks[-1]) != axis):
                fail(f"{name}: chart {i + 1}: SVG axis {ticks}, Mermaid's {axis[0]} --> {axis[1]}")
        if len(failures) == before:
            print(f"ok: {name}: {len(page.encode())} bytes, {len(checker.headings)} headings, {len(cells)} table cells, "
                  f"{checker.svgs} charts, {sum(a is not None for a in charts)} bar charts on the same axis")
    r = subprocess.run([svcorg, "report", "examples", "--format", "pdf"], cwd=ROOT, capture_output=True)
    want = "svcorg: error: --format `pdf` is not allowed (allowed: `markdown` or `html`)\n"
    if r.returncode != 2 or not r.stderr.decode().startswith(want):
        fail(f"--format pdf: exit {r.returncode}, {r.stderr.decode()!r}; want exit 2 and {want!r}")
    sys.exit(1 if failures else 0)


main()
