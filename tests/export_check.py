#!/usr/bin/env python3
"""`svcorg export` read back with the databases' own clients (issue 24).

    export_check.py SVCORG sqlite       the `sqlite3` command on a file in a temporary folder
    export_check.py SVCORG postgresql   `psql` on a throw-away PostgreSQL server this script
                                        starts (initdb and pg_ctl in a temporary folder, a unix
                                        socket only; as the `postgres` user, or `nobody`, when
                                        run as root: initdb refuses root)

Exports the example district for 2025 and checks with SQL that the database reproduces
`svcorg score --format json` (every branch's total, grade, ranks and components, the
streets' and the district's mean total and rates) and `svcorg needs --format json` (the
needs per as-of status, open and overdue), that Chinese text is intact, that a second
export of the same snapshot leaves the same row counts and that another as-of date adds a
snapshot beside it, and that an export refused half-way (a trigger or a check
constraint of the database's owner) leaves every table as it was. Every query of docs/EXPORT.md runs, and the one for the three rates
gives the district's figures. Exit 0: all hold; 1: one does not (or the server could not
be started); 77: the PostgreSQL server binaries are not installed (CTest: skipped).
"""
import collections
import glob
import json
import os
import pathlib
import pwd
import re
import shutil
import subprocess
import sys
import tempfile

SOURCE = pathlib.Path(__file__).resolve().parent.parent
ENV = dict(os.environ, SVCORG_TODAY="2026-12-31", LC_ALL="C.UTF-8")
TABLES = ["snapshots", "districts", "streets", "branches", "secretaries", "needs", "need_events", "need_facts",
          "platforms", "meetings", "plans", "plan_items", "reviews", "awards", "findings", "scores",
          "score_parts", "unscored", "rollups", "rollup_types", "labels"]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, env=ENV, **kw)


def svcorg(binary, *args):
    r = run([binary, *args], cwd=SOURCE)
    if r.returncode != 0:
        sys.exit(f"FAIL: svcorg {' '.join(args)} exited {r.returncode}: {r.stderr}")
    return r


class Sqlite:
    def __init__(self, folder):
        self.file = os.path.join(folder, "x.db")
        self.target = "sqlite:" + self.file
        self.refuse_2024 = ("create trigger refuse_2024 before insert on need_events when new.year = 2024 "
                            "begin select raise(abort, 'no events of 2024'); end")
        self.allow_2024 = "drop trigger refuse_2024"

    def columns(self, table):
        return [r[0] for r in self.query(f"select name from pragma_table_info('{table}')")]

    def query(self, sql):
        r = run(["sqlite3", "-bail", "-separator", "\t", self.file, sql])
        if r.returncode != 0:
            raise RuntimeError(f"sqlite3: {sql}: {r.stderr}")
        return [line.split("\t") for line in r.stdout.splitlines()]


class Postgres:
    """A throw-away server: initdb and pg_ctl in `folder`, reached by a unix socket only."""

    def __init__(self, folder):
        def version(path):  # /usr/lib/postgresql/15/bin/initdb: the newest server installed
            return [int(p) for p in re.findall(r"\d+", path.split("/")[-3])]

        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
        if not found:
            print("SKIP: no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb): "
                  "install Debian's postgresql to run this test")
            sys.exit(77)
        self.bin = os.path.dirname(found[-1])
        self.folder = folder
        self.data = os.path.join(folder, "data")
        self.socket = os.path.join(folder, "socket")
        os.makedirs(self.socket)
        self.as_user = []
        if os.geteuid() == 0:  # initdb refuses root: the server runs as an ordinary user
            user = "postgres" if self._user_exists("postgres") else "nobody"
            pw = pwd.getpwnam(user)
            for root, dirs, files in os.walk(folder):
                os.chown(root, pw.pw_uid, pw.pw_gid)
            os.chmod(folder, 0o755)
            self.as_user = ["runuser", "-u", user, "--"]
        self._must([os.path.join(self.bin, "initdb"), "-D", self.data, "-U", "svcorg", "--auth=trust",
                    "--encoding=UTF8", "--no-locale"], "initdb")
        self._must([os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-l", os.path.join(folder, "server.log"),
                    "-o", f"-k {self.socket} -c listen_addresses='' -p 5432", "-w", "start"], "pg_ctl start")
        self.target = f"postgresql://svcorg@/postgres?host={self.socket}&port=5432"
        self.refuse_2024 = "alter table need_events add constraint refuse_2024 check (year <> 2024)"
        self.allow_2024 = "alter table need_events drop constraint refuse_2024"

    @staticmethod
    def _user_exists(name):
        try:
            pwd.getpwnam(name)
            return True
        except KeyError:
            return False

    def _must(self, cmd, what):
        r = run(self.as_user + cmd, cwd=self.folder)
        if r.returncode != 0:
            log = pathlib.Path(self.folder, "server.log")
            sys.exit(f"FAIL: the throw-away PostgreSQL server could not be started ({what} exited "
                     f"{r.returncode}): {r.stdout}{r.stderr}{log.read_text() if log.exists() else ''}")

    def stop(self):
        run(self.as_user + [os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-m", "immediate", "stop"])

    def columns(self, table):
        return [r[0] for r in self.query("select column_name from information_schema.columns "
                                         f"where table_name = '{table}' order by ordinal_position")]

    def query(self, sql):
        r = run([os.path.join(self.bin, "psql"), "-X", "-v", "ON_ERROR_STOP=1", "-At", "-F", "\t", "-h", self.socket, "-p", "5432",
                 "-U", "svcorg", "-d", "postgres", "-c", sql])
        if r.returncode != 0:
            raise RuntimeError(f"psql: {sql}: {r.stderr}")
        # booleans as SQLite has them, so one set of checks reads both
        return [["1" if c == "t" else "0" if c == "f" else c for c in line.split("\t")]
                for line in r.stdout.splitlines()]


def number(text):
    return None if text == "" else float(text)


def counts(db):
    return {t: int(db.query(f'select count(*) from "{t}"')[0][0]) for t in TABLES}


def check_score(db, score, as_of):
    where = f"year = 2025 and as_of = '{as_of}'"
    rows = {r[0]: r for r in db.query(
        "select branch, total, grade, rank_in_district, rank_in_type, base, autonomous, bonus, plan_level, "
        f"execution, effect, systems, satisfaction, provisional from scores where {where}")}
    check(len(rows) == len(score["branches"]), f"{len(rows)} score rows, {len(score['branches'])} branches scored")
    for b in score["branches"]:
        r = rows.get(b["id"])
        if r is None:
            check(False, f"no score row for {b['id']}")
            continue
        want = [b["total"], b["grade"], b["rank_in_district"], b["rank_in_type"], b["base"], b["autonomous"],
                b["bonus"]] + [b["components"][c] for c in
                               ("plan_level", "execution", "effect", "systems", "satisfaction")]
        got = [number(r[1]), r[2], int(r[3]), int(r[4]), number(r[5]), number(r[6]), number(r[7])] + \
              [number(v) for v in r[8:13]]
        check(got == want, f"scores of {b['id']}: {got} != {want}")
        check(r[13] == ("1" if b["provisional"] else "0"), f"provisional of {b['id']}")
    rollups = {(r[0], r[1]): r for r in db.query(
        "select level, id, branches, scored, mean_total, received, carried_over, resolution_rate, "
        f"on_time_resolution_rate, platform_adherence from rollups where {where}")}
    levels = [("street", s) for s in score["streets"]] + [("district", score["district"])]
    for level, want in levels:
        r = rollups.get((level, want["id"] or ""))
        if r is None:
            check(False, f"no roll-up row for {level} {want['id']}")
            continue
        got = [int(r[2]), int(r[3]), number(r[4]), int(r[5]), int(r[6]), number(r[7]), number(r[8]), number(r[9])]
        exp = [want["branches"], want["scored"], want["mean_total"], want["needs"]["received"],
               want["needs"]["carried_over"], want["needs"]["resolution_rate"],
               want["needs"]["on_time_resolution_rate"], want["platform_adherence"]]
        check(got == exp, f"roll-up {level} {want['id']}: {got} != {exp}")


def check_needs(db, needs, as_of):
    where = f"year = 2025 and as_of = '{as_of}'"
    got = {r[0]: int(r[1]) for r in db.query(f"select status, count(*) from need_facts where {where} group by status")}
    want = collections.Counter(n["status"] for n in needs["needs"])
    check(got == dict(want), f"needs per status: {got} != {dict(want)}")
    s = needs["summary"]
    r = db.query("select count(*) filter (where open), count(*) filter (where overdue), "
                 f"count(*) filter (where carried_over), count(*) from need_facts where {where}")[0]
    check([int(v) for v in r] == [s["open"], s["overdue"], s["carried_over"], s["received"] + s["carried_over"]],
          f"open, overdue, carried over, ledger: {r} != {s}")
    overdue = sorted(r[0] for r in db.query(f"select need from need_facts where {where} and overdue"))
    check(overdue == sorted(n["id"] for n in needs["needs"] if n["overdue"]), "the overdue needs")


def doc_queries(doc="EXPORT.md"):
    """The SQL blocks of docs/EXPORT.md (or of its translation)."""
    text = (SOURCE / "docs" / doc).read_text(encoding="utf-8")
    return re.findall(r"```sql\n(.*?)```", text, re.S)


def main():
    binary, backend = sys.argv[1], sys.argv[2]
    folder = tempfile.mkdtemp(prefix="svcorg-export-")
    db = None
    try:
        db = Sqlite(folder) if backend == "sqlite" else Postgres(folder)
        score = json.loads(svcorg(binary, "score", "examples", "--year", "2025", "--format", "json").stdout)
        needs = json.loads(svcorg(binary, "needs", "examples", "--year", "2025", "--format", "json").stdout)
        as_of = score["as_of"]
        r = svcorg(binary, "export", "examples", "--to", db.target, "--year", "2025", "--lang", "en")
        first = counts(db)
        check(re.fullmatch(rf"svcorg: exported {sum(first.values())} rows in {len(TABLES)} tables, year 2025 "
                           rf"as of {as_of}, to \S+\n", r.stderr) is not None, f"the export's line: {r.stderr!r}")
        check(all(first[t] > 0 for t in TABLES if t not in ("unscored", "findings")),
              f"every table has rows: {first}")
        check_score(db, score, as_of)
        check_needs(db, needs, as_of)

        # Chinese text intact: the names as the score CSV and the records have them.
        names = {b["id"]: b["name"] for b in score["branches"]}
        got = dict(db.query("select id, name from branches"))
        check(all(got[i] == n for i, n in names.items()), "branch names (UTF-8) as in the records")
        check(db.query("select zh_cn from labels where label_group = 'status' and value = 'overdue'") == [["逾期"]]
              or db.query("select zh_cn from labels where label_group = 'status' and value = 'resolved'")
              == [["已解决"]], "the labels' Chinese")

        # The same snapshot again: replaced, the same rows.
        svcorg(binary, "export", "examples", "--to", db.target, "--year", "2025", "--quiet")
        check(counts(db) == first, "a second export of the same snapshot leaves the same row counts")
        # Another as-of date: a second snapshot beside the first, which stays as it was.
        svcorg(binary, "export", "examples", "--to", db.target, "--year", "2025", "--as-of", "2025-06-30",
               "--quiet")
        snapshots = db.query("select year, as_of from snapshots order by as_of")
        check(snapshots == [["2025", "2025-06-30"], ["2025", as_of]], f"two snapshots: {snapshots}")
        mid = json.loads(svcorg(binary, "score", "examples", "--year", "2025", "--as-of", "2025-06-30",
                                "--format", "json").stdout)
        check_score(db, mid, "2025-06-30")
        check_score(db, score, as_of)

        # A failure half-way (a rule of the database's owner refuses the need events of
        # 2024, written after the needs): the whole snapshot is rolled back.
        before = counts(db)
        db.query(db.refuse_2024)
        r = run([binary, "export", "examples", "--to", db.target, "--year", "2024", "--lang", "en", "--quiet"], cwd=SOURCE)
        want = ("svcorg: error: the PostgreSQL server did not take the snapshot: " if isinstance(db, Postgres)
                else f"svcorg: error: cannot write the snapshot to the SQLite database {db.file}: ")
        check(r.returncode == 2 and r.stderr.startswith(want) and "nothing was changed" in r.stderr,
              f"a refused insert is an error: {r.returncode} {r.stderr!r}")
        check(counts(db) == before, "a failed export leaves every table as it was")
        check(db.query("select count(*) from needs where year = 2024") == [["0"]], "no row of the failed snapshot")
        db.query(db.allow_2024)

        # Both languages' documentation names every table and column the database has.
        for doc in ("EXPORT.md", "zh-CN/EXPORT.md"):
            text = (SOURCE / "docs" / doc).read_text(encoding="utf-8")
            for t in TABLES:
                check(f"`{t}`" in text, f"docs/{doc} names the table {t}")
                for c in db.columns(t):
                    check(f"`{c}`" in text, f"docs/{doc} names the column {t}.{c}")
        check(sorted(r[0] for r in db.query(
            "select name from sqlite_master where type = 'table'" if isinstance(db, Sqlite) else
            "select table_name from information_schema.tables where table_schema = 'public'")) == sorted(TABLES),
            "the tables are those the test knows")

        # The documentation's queries run; the three rates are the district's.
        queries = doc_queries()
        check(len(queries) >= 3, f"docs/EXPORT.md has the example queries: {len(queries)}")
        check(doc_queries("zh-CN/EXPORT.md") == queries, "docs/zh-CN/EXPORT.md has the same queries")
        for q in queries:
            try:
                check(len(db.query(q)) > 0, f"docs/EXPORT.md's query gives rows: {q}")
            except RuntimeError as e:
                check(False, str(e))
        rates = [q for q in queries if "platform_adherence" in q and "rollups" in q]
        check(len(rates) == 1, "docs/EXPORT.md has one query of the three rates")
        if rates:
            rows = [row for row in db.query(rates[0]) if row[1] == as_of]
            d = score["district"]
            want = [d["mean_total"], d["needs"]["resolution_rate"], d["needs"]["on_time_resolution_rate"],
                    d["platform_adherence"]]
            check([[number(v) for v in row[-4:]] for row in rows] == [want],
                  f"the three rates' query: {rows} != {want}")
    finally:
        if isinstance(db, Postgres):
            db.stop()
        shutil.rmtree(folder, ignore_errors=True)
    if failures:
        sys.exit(f"FAIL: {len(failures)} checks of the {backend} export failed")
    print(f"ok: the {backend} export reproduces score and needs")


if __name__ == "__main__":
    main()
