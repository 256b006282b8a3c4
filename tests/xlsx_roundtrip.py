#!/usr/bin/env python3
"""`needs` and `score --format xlsx` read back with openpyxl equal the JSON, cell by cell.

For the example district (year 2025) in English and in Chinese: every cell of the ledger,
metrics, scores and streets sheets against `--format json` (and the headers and texts
against `--format csv`, which has the same columns); dates are Excel dates, numbers are
numbers, null is an empty cell; a frozen header row and an autofilter over the table; two
runs give the same bytes; a summary starting with `=` stays a string cell (no formula in
the sheet's XML); no `-o` is a usage error. Usage: xlsx_roundtrip.py SVCORG
"""
import csv
import datetime
import io
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.utils import get_column_letter

ROOT = pathlib.Path(__file__).resolve().parent.parent
SVCORG = sys.argv[1]
FAILURES = []
CHECKS = [0]

WORDS = {"en": {True: "true", False: "false"}, "zh-CN": {True: "是", False: "否"}}
LEDGER_KEYS = ["id", "branch", "branch_name", "street", "street_name", "received", "carried_over", "channel",
               "category", "layer", "disposal", "status", "due", "response", "resolution", "overdue",
               "response_days", "resolution_days", "age_days", "reopened", "satisfaction", "summary"]
DATES = {"received", "due", "response", "resolution"}
ENUMS = {"channel", "category", "layer", "disposal", "status"}


def check(ok, what):
    CHECKS[0] += 1
    if not ok:
        FAILURES.append(what)


def run(*args, code=0):
    r = subprocess.run([SVCORG, *args], capture_output=True, text=False)
    check(r.returncode == code, f"svcorg {' '.join(args)}: exit {r.returncode}, not {code}: {r.stderr.decode()}")
    return r


def date_of(iso):
    return None if iso is None else datetime.datetime.fromisoformat(iso)


def rows_of(ws):
    return [[c for c in row] for row in ws.iter_rows()]


def csv_rows(*args):
    return list(csv.reader(io.StringIO(run(*args).stdout.decode("utf-8"))))


def check_table(ws, csv_table, where):
    """The frame of every sheet: header = the CSV's, frozen, filtered; text cells as in the CSV."""
    rows = rows_of(ws)
    check(ws.freeze_panes == "A2", f"{where}: frozen pane {ws.freeze_panes}, not A2")
    last = f"{get_column_letter(len(rows[0]))}{len(rows)}"
    check(ws.auto_filter.ref == f"A1:{last}", f"{where}: autofilter {ws.auto_filter.ref}, not A1:{last}")
    for c in rows[0]:
        check(c.font.b, f"{where}: header {c.coordinate} not bold")
    if csv_table is None:
        return rows
    check(len(rows) == len(csv_table), f"{where}: {len(rows)} rows, the CSV {len(csv_table)}")
    for row, line in zip(rows, csv_table):
        for c, text in zip(row, line):
            v = c.value
            if v is None:
                ok = text == ""
            elif isinstance(v, datetime.datetime):
                ok = v.date().isoformat() == text and c.number_format == "yyyy-mm-dd"
            elif isinstance(v, str):  # the CSV puts a ' before what a spreadsheet would run as a formula
                ok = text in (v, "'" + v) and c.data_type == "s"
            else:
                ok = float(text) == v
            check(ok, f"{where} {c.coordinate}: {v!r} against the CSV's {text!r}")
    return rows


def check_needs(folder, lang, tmp):
    out = tmp / f"needs-{lang}.xlsx"
    args = [str(folder), "--year", "2025", "--lang", lang]
    run("needs", *args, "--format", "xlsx", "-o", str(out))
    doc = json.loads(run("needs", *args, "--format", "json").stdout)
    book = openpyxl.load_workbook(out)
    names = {"en": ["Ledger", "Metrics"], "zh-CN": ["台账", "指标"]}[lang]
    check(book.sheetnames == names, f"needs {lang}: sheets {book.sheetnames}")
    rows = check_table(book[names[0]], csv_rows("needs", *args, "--format", "csv"), f"needs {lang} ledger")
    check(len(rows) - 1 == len(doc["needs"]), f"needs {lang}: {len(rows) - 1} rows for {len(doc['needs'])} needs")
    for row, need in zip(rows[1:], doc["needs"]):
        cells = dict(zip(LEDGER_KEYS, row))
        for key, want in need.items():
            got = cells[key].value
            if key in DATES:
                want = date_of(want)
            elif isinstance(want, bool):
                want = WORDS[lang][want]
            elif key in ENUMS and lang != "en":
                continue  # a label, checked against the CSV
            check(got == want, f"needs {lang} {need['id']} {key}: {got!r}, the JSON {want!r}")
    s = doc["summary"]
    metrics = [doc["year"], date_of(doc["as_of"])] + [s[k] for k in (
        "received", "carried_over", "declined", "resolved", "open", "overdue", "resolution_rate",
        "on_time_resolution_rate", "response_on_time_rate", "feedback_satisfied_rate")] + [
        s["response_days"]["median"], s["response_days"]["p90"], s["resolution_days"]["median"],
        s["resolution_days"]["p90"], s["reopen_rate"]] + list(s["backlog"].values())
    got = rows_of(book[names[1]])
    check_table(book[names[1]], None, f"needs {lang} metrics")
    check([r[1].value for r in got[1:]] == metrics, f"needs {lang} metrics: {[r[1].value for r in got]} {metrics}")
    if lang == "en":
        keys = ["year", "as_of", "received", "carried_over", "declined", "resolved", "open", "overdue",
                "resolution_rate", "on_time_resolution_rate", "response_on_time_rate", "feedback_satisfied_rate",
                "response_days.median", "response_days.p90", "resolution_days.median", "resolution_days.p90",
                "reopen_rate", "backlog.0-7", "backlog.8-30", "backlog.31-90", "backlog.over-90"]
        check([r[0].value for r in got[1:]] == keys, f"needs metrics labels: {[r[0].value for r in got]}")
    again = tmp / f"needs-{lang}-again.xlsx"
    run("needs", *args, "--format", "xlsx", "-o", str(again))
    check(out.read_bytes() == again.read_bytes(), f"needs {lang}: two runs differ")
    return out


def check_score(folder, lang, tmp):
    out = tmp / f"score-{lang}.xlsx"
    args = [str(folder), "--year", "2025", "--lang", lang, "-q"]
    run("score", *args, "--format", "xlsx", "-o", str(out))
    doc = json.loads(run("score", *args, "--format", "json").stdout)
    book = openpyxl.load_workbook(out)
    names = {"en": ["Scores", "Streets"], "zh-CN": ["得分", "街道"]}[lang]
    check(book.sheetnames == names, f"score {lang}: sheets {book.sheetnames}")
    rows = check_table(book[names[0]], csv_rows("score", *args, "--format", "csv"), f"score {lang} scores")
    check(len(rows) - 1 == len(doc["branches"]), f"score {lang}: {len(rows) - 1} rows")
    for row, b in zip(rows[1:], doc["branches"]):
        n = b["needs"]
        want = [b["id"], b["name"], None, b["street"], None, b["plan"], WORDS[lang][b["provisional"]], b["total"],
                b["grade"] if lang == "en" else None, b["rank_in_district"], b["rank_in_type"], b["base"],
                b["autonomous"], b["bonus"]] + list(b["components"].values()) + [
            b["detail"]["quality"], b["detail"]["percentile"], b["detail"]["peers"], n["received"],
            n["carried_over"], n["declined"], n["resolved"], n["open"], n["overdue"], n["resolution_rate"],
            n["on_time_resolution_rate"], n["response_on_time_rate"], n["feedback_satisfied_rate"]]
        for c, w in zip(row, want):  # None: a label (type, street name, grade in zh-CN), checked against the CSV
            if w is not None:
                check(c.value == w, f"score {lang} {b['id']} {c.coordinate}: {c.value!r}, the JSON {w!r}")
        for i, comp in enumerate(b["components"]):  # a null component: an empty cell
            c = row[14 + i]
            check(c.value == b["components"][comp], f"score {lang} {b['id']} {comp}: {c.value!r}")
    streets = check_table(book[names[1]], None, f"score {lang} streets")
    rollups = doc["streets"] + [doc["district"]]
    check(len(streets) - 1 == len(rollups), f"score {lang}: {len(streets) - 1} roll-ups for {len(rollups)}")
    for row, r in zip(streets[1:], rollups):
        n = r["needs"]
        want = [r["id"], r["branches"], r["scored"], r["mean_total"], n["received"], n["carried_over"],
                n["resolution_rate"], n["on_time_resolution_rate"], r["platform_adherence"]]
        got = [row[0].value] + [c.value for c in row[2:]]
        check(got == want, f"score {lang} roll-up {r['id']}: {got}, the JSON {want}")
    check(streets[-1][1].value == {"en": "(district)", "zh-CN": "（全区）"}[lang], f"district row: {streets[-1][1].value}")
    again = tmp / f"score-{lang}-again.xlsx"
    run("score", *args, "--format", "xlsx", "-o", str(again))
    check(out.read_bytes() == again.read_bytes(), f"score {lang}: two runs differ")


def check_formula_text(tmp):
    folder = tmp / "examples"
    shutil.copytree(ROOT / "examples", folder)
    needs = folder / "needs" / "2025" / "caojiadu-huanwei.yaml"
    text = needs.read_text(encoding="utf-8")
    formula = '=HYPERLINK("http://example.com","点击")'
    needs.write_text(text.replace("summary: 居民区大件垃圾预约清运", "summary: '" + formula + "'", 1), encoding="utf-8")
    out = check_needs(folder, "zh-CN", tmp)
    ws = openpyxl.load_workbook(out)["台账"]
    cells = [c for c in ws["V"] if c.value == formula]
    check(len(cells) == 1 and cells[0].data_type == "s", f"the summary {formula} is not one string cell: {cells}")
    with zipfile.ZipFile(out) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    check(all("<f>" not in s and "<f " not in s for s in sheets), "a sheet holds a formula")


def check_usage(tmp):
    for command in ("needs", "score"):
        r = run(command, str(ROOT / "examples"), "--year", "2025", "--format", "xlsx", code=2)
        check(r.stdout == b"", f"{command} --format xlsx without -o wrote to standard output")
        check(r.stderr.decode() == "svcorg: error: --format xlsx writes a binary workbook, which is not written to "
              "a terminal or standard output: give the file with -o, for example -o ledger.xlsx\n",
              f"{command} without -o: {r.stderr.decode()!r}")
    r = run("score", str(ROOT / "examples"), "--year", "2025", "--format", "xlsx", "-o", str(tmp / "x.xlsx"),
            "--explain", "xinde", code=2)
    check(r.stderr.decode() == "svcorg: error: --explain prints one branch's score as a tree of text, not a "
          "workbook: leave out --format xlsx\n", f"--explain with xlsx: {r.stderr.decode()!r}")
    check(not (tmp / "x.xlsx").exists(), "--explain with xlsx wrote a file")
    r = run("needs", str(ROOT / "examples"), "--year", "2025", "--lang", "en", "--format", "xlsx", "-o",
            str(tmp / "no-such-folder" / "x.xlsx"), code=2)
    check(not (tmp / "no-such-folder").exists(), "a workbook in a missing folder")
    check(r.stderr.decode().startswith("svcorg: error: cannot create a temporary file in "), r.stderr.decode())


def main():
    with tempfile.TemporaryDirectory() as d:
        tmp = pathlib.Path(d)
        for lang in ("en", "zh-CN"):
            check_needs(ROOT / "examples", lang, tmp)
            check_score(ROOT / "examples", lang, tmp)
        check_formula_text(tmp)
        check_usage(tmp)
    for f in FAILURES[:40]:
        print("FAIL:", f)
    if FAILURES:
        print(f"{len(FAILURES)} failures")
        return 1
    print(f"ok: needs and score workbooks equal the JSON in en and zh-CN ({CHECKS[0]} checks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
