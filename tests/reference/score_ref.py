#!/usr/bin/env python3
"""Independent reference implementation of `svcorg score --format json` (SPEC 5, 6, 8).

Written from /work/shared/SPEC.md (sections 2, 4.3, 5, 6, 8), docs/FORMAT.md and
lib/svcorg/rules/defaults.yaml only, WITHOUT reading svcorg's C++ scoring code, so that
tests/reference/check_scores.py can compare the two on many random districts.

It assumes VALID inputs (the checker runs `svcorg validate` first) and does no validation.

Usage: score_ref.py PATH... --year Y --as-of YYYY-MM-DD

Readings of the SPEC where it is not explicit (keep in sync with the report to the lead):
  R1  "Needs in Y" of a branch (Y's ledger, rev 2): need.branch == branch, and either
      received in Y and received <= A, or carried over: received before Jan 1 of Y, A on
      or after Jan 1 of Y, and the status of the last event dated before Jan 1 of Y
      (file order) neither resolved, closed nor declined.  Every status, r(n), s(n) is
      computed from the events dated <= A only (file order).  `received` counts the needs
      received in Y, `carried_over` the others; response_on_time_rate is over the needs
      received in Y only; every other count and rate is over the whole ledger.
  R2  s(n) is only used for needs in R (as-of status resolved/closed): the date of the first
      resolved/closed event after the last event (<= A) whose status is neither.
  R3  due(n) uses resolve_days[layer] of the rules of the need's *branch's* type (also for
      the street / district roll-ups). response_days likewise.
  R4  coverage: C = categories of the branch's needs in Y whose AS-OF status is not
      `declined`; A = item categories plus categories of every need an item lists (any
      year, any branch: the SPEC does not restrict them).
  R5  linked: an item with a non-empty `needs` list.  measurable: an item whose
      `target.value` is a number (FORMAT: a target always has a value).
  R6  breadth with min_plan_items = 0 (allowed by the schema): |items| / 0 is treated as
      +infinity, so breadth = 1 (what IEEE double division gives in C).
  R7  plan_level is a weighted mean over {absolute: q, relative: pr} with the District's
      `plan_level` weights; with a single peer `relative` is excluded, so plan_level =
      100 q unless `absolute` weighs 0, in which case the group rule gives 0.
  R8  every group (base, quality, plan_level, effect, satisfaction, autonomous) is
      sum(w_i * x_i) / sum(w_i) over its defined members, summed in the SPEC's order;
      no defined member -> excluded; all defined weights 0 -> 0.
  R9  A branch "owns" a platform when the platform's level is grassroots/horizontal and its
      owner is the branch's id; a street / the District owns it when the level is
      superior/service-center and the owner is its id (owners are looked up by level, so a
      branch and a street sharing an id are not confused).  "Listed in participants": a
      participant string equal to the branch id.
  R10 systems: a required category with no candidate platform with a non-empty window
      counts 0; systems = 100 * plain mean over the required categories (in list order);
      excluded when the type requires none.
  R11 adherence: f = days(window) / days(Y); expected = cadence * f; adherence =
      min(held / expected, 1) with held = meetings dated inside the window.
  R12 satisfaction: a survey counts whatever its number of respondents (even 0; the
      survey-size warning does not exclude it).
  R13 total = round2(min(100, beta*base + (1-beta)*autonomous + bonus)); base, autonomous,
      bonus and the components are output rounded from their unrounded values.
  R14 mean_total = round2(sum of rounded totals / count), summed in output order (total
      desc, id); platform_adherence = round4(mean of unrounded adherences).
  R15 Without a District: streets are those the branches name, by id; `district.id` is
      null and its platform_adherence is null (no District owns anything); a street owns the
      superior/service-center platforms whose owner is its id.
  R16 `district` carries an `id` (the District's id), as "the same fields as a street".
  R17 base_weight is printed as given (not rounded).  by_year keys may be ints or strings.
  R18 Unscored branches are those without a plan for Y (reason `missing-plan`); a plan of
      any status is scored (provisional unless `reviewed`).
  R19 Default as-of: today, but Dec 31 of Y when Y is a past year; default Y: as-of's year.
  R20 Rules precedence (FORMAT.md): built-in defaults < built-in types[T] < District
      rules.defaults < District rules.types[T]; mappings merge key by key (resolve_days),
      lists replace; `x-` keys in overrides are ignored.
  R21 member_development is excluded when absent or planned = 0, whatever `developed`.
  R22 feedback_satisfied_rate is over all of S, response_on_time_rate over the needs of S
      received in Y (declined and open needs included), as the SPEC's set notation says.
  R23 Every plan item is "autonomous" (SPEC 2.6: items are the autonomous part), so
      breadth counts all items, negative-list ones included.

Arithmetic (--arith).  `double` (the default, what check_scores.py requires svcorg to
match): IEEE doubles, each formula evaluated left to right as the SPEC writes it:
execution = (100 * sum(w*p)) / sum(w); satisfaction part = (100 * (mean - 1)) / 4;
systems = 100 * (sum / k); plan_level = 100 * wmean(q, pr); effect = 100 * wmean(rates);
f = days / days(Y), expected = cadence * f; pr = (L + 0.5 E) / (n - 1); then C's
round(x * 10^d) / 10^d.  `exact`: the same formulas in rational arithmetic, every input
number taken as the decimal it is written as, rounded half away from zero exactly; it
differs from `double` only at values exactly half-way between two roundings (e.g. a
mean_total of 45.195, which doubles may hold as 45.19499999...).
"""
import argparse
import datetime as dt
import json
import math
import os
import sys
from fractions import Fraction

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

TYPES = ["residential", "social-service", "building", "enterprise", "organ"]
CADENCE = {"weekly": 52, "biweekly": 26, "monthly": 12, "quarterly": 4, "half-yearly": 2, "yearly": 1}
RESOLVED = ("resolved", "closed")
BRANCH_LEVELS = ("grassroots", "horizontal")
AREA_LEVELS = ("superior", "service-center")

BUILTIN_RULES = {
    "defaults": {
        "min_plan_items": 3,
        "min_plan_quality": 0.6,
        "response_days": 3,
        "resolve_days": {"branch": 15, "street": 30, "district": 60},
        "organizational_life_per_year": 12,
        "min_survey_respondents": 30,
    },
    "negative_list": ["member-development", "discipline", "party-dues", "organization-change"],
    "types": {
        "residential": {"required_platforms": ["information", "participation", "coordination"]},
        "social-service": {"required_platforms": ["information", "liaison"]},
        "building": {"required_platforms": ["liaison", "coordination"]},
        "enterprise": {"required_platforms": ["information", "participation"]},
        "organ": {"required_platforms": ["information", "liaison"]},
    },
}

BUILTIN_SCORING = {
    "base_weight": {"default": 0.4, "by_year": {}},
    "base": {"dues": 0.3, "statistics": 0.2, "organizational_life": 0.3, "member_development": 0.2},
    "autonomous": {"plan_level": 0.2, "execution": 0.2, "effect": 0.25, "systems": 0.15,
                   "satisfaction": 0.2},
    "plan_level": {"absolute": 0.5, "relative": 0.5},
    "quality": {"linked": 1, "measurable": 1, "breadth": 1, "coverage": 1},
    "effect": {"resolution": 0.4, "on_time_resolution": 0.3, "response_on_time": 0.2,
               "feedback_satisfied": 0.1},
    "satisfaction": {"members": 0.4, "public": 0.6},
    "awards": {"points": 2, "cap": 5},
    "grades": {"excellent": 90, "good": 75, "fair": 60},
}


# ---------------------------------------------------------------------------------------
# arithmetic: "double" (IEEE doubles, the SPEC's formulas evaluated left to right as
# written) or "exact" (rationals: every input number is the decimal it is written as).

def c_round(y):
    """C's round(): half away from zero, on a double."""
    f = math.floor(abs(y))
    r = f + 1 if abs(y) - f >= 0.5 else f
    return float(r) if y >= 0 else -float(r)


class Arith:
    def __init__(self, mode="double"):
        assert mode in ("double", "exact")
        self.exact = mode == "exact"

    def N(self, v):
        """An input number."""
        if isinstance(v, bool):
            raise TypeError("boolean where a number is expected")
        if self.exact:
            return Fraction(repr(v)) if isinstance(v, float) else Fraction(v)
        return float(v)

    def K(self, c):
        """A constant."""
        return Fraction(c) if self.exact else float(c)

    def Q(self, a, b):
        """The ratio of two integers."""
        return Fraction(a, b) if self.exact else a / b

    def round(self, x, d):
        """round(x * 10^d) / 10^d, half away from zero.  exact: on the exact value, giving
        an exact decimal; double: C's round(x * 10^d) / 10^d in doubles."""
        if x is None:
            return None
        if self.exact:
            p = 10 ** d
            y = x * p
            n = (abs(y.numerator) * 2 + y.denominator) // (2 * y.denominator)
            return Fraction(n if y >= 0 else -n, p)
        p = 10.0 ** d
        return c_round(x * p) / p

    @staticmethod
    def out(x):
        """As printed: an exact decimal becomes the double nearest to it, which is what
        C's round(y) / 10^d gives."""
        return None if x is None else float(x)

    def r2(self, x):
        return self.out(self.round(x, 2))

    def r4(self, x):
        return self.out(self.round(x, 4))

    def wmean(self, pairs):
        """Weighted mean sum(w*x)/sum(w) over the defined members (x not None), summed in
        the given order.  None when no member is defined; 0 when they all weigh 0."""
        num = self.K(0)
        den = self.K(0)
        defined = False
        for w, x in pairs:
            if x is None:
                continue
            defined = True
            num += self.N(w) * x
            den += self.N(w)
        if not defined:
            return None
        if den == 0:
            return self.K(0)
        return num / den


def to_date(v):
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v))


def merge(base, over):
    """Mappings merge key by key; anything else (lists, scalars) replaces."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            if isinstance(k, str) and k.startswith("x-"):
                continue
            out[k] = merge(base[k], v) if k in base else v
        return out
    return over


def days_in_year(y):
    return (dt.date(y + 1, 1, 1) - dt.date(y, 1, 1)).days


# ---------------------------------------------------------------------------------------
# loading

def discover(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for n in sorted(names):
                    if n.startswith("."):
                        continue
                    if n.endswith(".yaml") or n.endswith(".yml"):
                        files.append(os.path.join(root, n))
        else:
            files.append(p)
    return files


def load_records(paths):
    recs = {"District": [], "Branch": [], "Need": [], "Platform": [], "Plan": []}
    for f in discover(paths):
        with open(f, "rb") as fh:
            text = fh.read().decode("utf-8-sig")
        for doc in yaml.load_all(text, Loader=_Loader):
            if not isinstance(doc, dict):
                continue
            kind = doc.get("kind")
            if kind in recs:
                recs[kind].append(doc)
    return recs


# ---------------------------------------------------------------------------------------
# the model

class Model:
    def __init__(self, recs, year, asof, arith="double"):
        self.ar = ar = Arith(arith)
        self.Y = year
        self.A = asof
        self.district = recs["District"][0] if recs["District"] else None
        d = self.district or {}
        self.scoring = merge(BUILTIN_SCORING, d.get("scoring") or {})
        rules = merge(BUILTIN_RULES, d.get("rules") or {})
        self.type_rules = {}
        for t in TYPES:
            r = dict(rules["defaults"])
            r = merge(r, BUILTIN_RULES["types"][t])
            r = merge(r, (rules.get("types") or {}).get(t) or {})
            self.type_rules[t] = r
        self.branches = {b["id"]: b for b in recs["Branch"]}
        self.needs = {n["id"]: n for n in recs["Need"]}
        self.platforms = recs["Platform"]
        self.plans = {}
        for p in recs["Plan"]:
            if int(p["year"]) == year:
                self.plans[p["branch"]] = p
        by_year = self.scoring["base_weight"].get("by_year") or {}
        beta = self.scoring["base_weight"]["default"]
        for k, v in by_year.items():
            if str(k) == str(year):
                beta = v
        self.beta = beta  # printed as given
        self.beta_x = ar.N(beta)
        self.need_info = {nid: self._need_asof(n) for nid, n in self.needs.items()}

    # -- needs ledger (SPEC 5) ----------------------------------------------------------
    def rules_of_branch(self, bid):
        return self.type_rules[self.branches[bid]["type"]]

    def _need_asof(self, n):
        A = self.A
        received = to_date(n["received"])
        evs = [(to_date(e["date"]), e["status"]) for e in n["events"]]
        evs = [e for e in evs if e[0] <= A]
        status = evs[-1][1] if evs else None
        r = None
        for d, s in evs:
            if s != "received":
                r = d
                break
        s_date = None
        if status in RESOLVED:
            last_other = max(i for i, e in enumerate(evs) if e[1] not in RESOLVED)
            for d, s in evs[last_other + 1:]:
                if s in RESOLVED:
                    s_date = d
                    break
        rules = self.rules_of_branch(n["branch"])
        due = to_date(n["due"]) if n.get("due") is not None else \
            received + dt.timedelta(days=int(rules["resolve_days"][n["layer"]]))
        fb = n.get("feedback")
        fb_sat = None
        if fb is not None:
            fdate = to_date(fb.get("date")) if fb.get("date") is not None else None
            if fdate is None or fdate <= A:
                fb_sat = int(fb["satisfaction"])
        received_in_y = received.year == self.Y and received <= A
        jan1 = dt.date(self.Y, 1, 1)
        before = [st for d, st in ((to_date(e["date"]), e["status"]) for e in n["events"]) if d < jan1]
        on_jan1 = before[-1] if before else "received"
        carried = received < jan1 <= A and on_jan1 not in RESOLVED and on_jan1 != "declined"
        return {"received": received, "status": status, "r": r, "s": s_date, "due": due,
                "fb": fb_sat, "in_year": received_in_y or carried, "carried": carried,
                "response_days": int(rules["response_days"])}

    def ledger(self, need_ids):
        A = self.A
        S = [self.need_info[i] for i in need_ids]
        R = [x for x in S if x["status"] in RESOLVED]
        D = [x for x in S if x["status"] == "declined"]
        O = [x for x in S if x["status"] not in RESOLVED and x["status"] != "declined"]

        def rate(num, den):
            return None if den == 0 else self.ar.Q(num, den)

        resolution = rate(len(R), len(S) - len(D))
        fresh = [x for x in S if not x["carried"]]
        resp_num = sum(1 for x in fresh if x["r"] is not None
                       and (x["r"] - x["received"]).days <= x["response_days"])
        resp_den = sum(1 for x in fresh if x["r"] is not None) + \
            sum(1 for x in fresh if x["r"] is None and (A - x["received"]).days > x["response_days"])
        overdue = sum(1 for x in O if x["due"] < A)
        ontime_num = sum(1 for x in R if x["s"] <= x["due"])
        ontime_den = len(R) + overdue
        fb = [x["fb"] for x in S if x["fb"] is not None]
        return {
            "received": len(fresh), "carried_over": len(S) - len(fresh), "declined": len(D), "resolved": len(R), "open": len(O),
            "overdue": overdue,
            "resolution_rate": resolution,
            "on_time_resolution_rate": rate(ontime_num, ontime_den),
            "response_on_time_rate": rate(resp_num, resp_den),
            "feedback_satisfied_rate": rate(sum(1 for s in fb if s >= 4), len(fb)),
        }

    def needs_in_year(self, pred):
        return [nid for nid, n in self.needs.items() if self.need_info[nid]["in_year"] and pred(n)]

    # -- platforms (SPEC 6.4) -----------------------------------------------------------
    def adherence(self, p):
        Y, A = self.Y, self.A
        start = dt.date(Y, 1, 1)
        if p.get("established") is not None:
            start = max(start, to_date(p["established"]))
        end = min(A, dt.date(Y, 12, 31))
        if end < start:
            return None
        ar = self.ar
        f = ar.Q((end - start).days + 1, days_in_year(Y))
        expected = CADENCE[p["cadence"]] * f
        held = sum(1 for m in (p.get("meetings") or []) if start <= to_date(m["date"]) <= end)
        return min(held / expected, ar.K(1))

    # -- scoring (SPEC 6) ---------------------------------------------------------------
    def quality(self, bid, plan):
        items = plan.get("items") or []
        ar = self.ar
        if not items:
            return ar.K(0)
        rules = self.rules_of_branch(bid)
        w = self.scoring["quality"]
        n = len(items)
        linked = ar.Q(sum(1 for it in items if it.get("needs")), n)
        measurable = ar.Q(sum(1 for it in items
                                  if isinstance(it.get("target"), dict)
                                  and isinstance(it["target"].get("value"), (int, float))
                                  and not isinstance(it["target"].get("value"), bool)), n)
        mpi = int(rules["min_plan_items"])
        breadth = ar.K(1) if mpi == 0 else min(ar.Q(n, mpi), ar.K(1))
        C = set(self.needs[i]["category"] for i in self.needs_in_year(lambda x: x["branch"] == bid)
                if self.need_info[i]["status"] != "declined")
        Acat = set()
        for it in items:
            Acat.add(it["category"])
            for nid in it.get("needs") or []:
                if nid in self.needs:
                    Acat.add(self.needs[nid]["category"])
        coverage = ar.Q(len(C & Acat), len(C)) if C else None
        q = ar.wmean([(w["linked"], linked), (w["measurable"], measurable),
                   (w["breadth"], breadth), (w["coverage"], coverage)])
        return q

    def base(self, bid, plan):
        b = plan["base"]
        rules = self.rules_of_branch(bid)
        w = self.scoring["base"]
        ar = self.ar
        dues = 100 * ar.N(b["dues_paid_rate"])
        statistics = ar.K(100) if b["statistics_on_time"] is True else ar.K(0)
        olife = 100 * min(ar.Q(b["organizational_life"], rules["organizational_life_per_year"]),
                          ar.K(1))
        md = b.get("member_development")
        mdv = None
        if md is not None and md["planned"] != 0:
            mdv = 100 * min(ar.Q(md["developed"], md["planned"]), ar.K(1))
        return ar.wmean([(w["dues"], dues), (w["statistics"], statistics),
                      (w["organizational_life"], olife), (w["member_development"], mdv)])

    def execution(self, plan):
        items = plan.get("items") or []
        ar = self.ar
        if not items:
            return ar.K(0)
        num = ar.K(0)
        den = ar.K(0)
        for it in items:
            wt = ar.N(it.get("weight", 1))
            num += wt * ar.N(it.get("progress", 0))
            den += wt
        return 100 * num / den

    def systems(self, bid):
        t = self.branches[bid]["type"]
        req = self.type_rules[t].get("required_platforms") or []
        if not req:
            return None
        vals = []
        for k in req:
            best = None
            for p in self.platforms:
                if p["category"] != k:
                    continue
                owns = p["level"] in BRANCH_LEVELS and p["owner"] == bid
                listed = any(isinstance(x, str) and x == bid for x in (p.get("participants") or []))
                if not (owns or listed):
                    continue
                a = self.adherence(p)
                if a is None:
                    continue
                best = a if best is None else max(best, a)
            vals.append(self.ar.K(0) if best is None else best)
        return 100 * (sum(vals) / len(vals))

    def satisfaction(self, plan):
        rev = plan.get("review") or {}
        w = self.scoring["satisfaction"]
        ms, ps = rev.get("member_survey"), rev.get("public_survey")
        ar = self.ar
        m = 100 * (ar.N(ms["mean"]) - 1) / 4 if ms is not None else None
        p = 100 * (ar.N(ps["mean"]) - 1) / 4 if ps is not None else None
        v = ar.wmean([(w["members"], m), (w["public"], p)])
        return ar.K(0) if v is None else v

    def score(self):
        sc = self.scoring
        ar = self.ar
        scored_ids = sorted(bid for bid in self.plans if bid in self.branches)
        # qualities first: peers need each other's q
        q = {bid: self.quality(bid, self.plans[bid]) for bid in scored_ids}
        rows = []
        for bid in scored_ids:
            br = self.branches[bid]
            plan = self.plans[bid]
            t = br["type"]
            peers = [x for x in scored_ids if self.branches[x]["type"] == t]
            n = len(peers)
            pr = None
            if n > 1:
                tol = ar.Q(1, 10 ** 9) if ar.exact else 1e-9
                L = sum(1 for x in peers if x != bid and q[x] < q[bid] - tol)
                E = sum(1 for x in peers if x != bid and abs(q[x] - q[bid]) <= tol)
                pr = (L + ar.K(0.5) * E) / (n - 1)
            wp = sc["plan_level"]
            pl = ar.wmean([(wp["absolute"], q[bid]), (wp["relative"], pr)])
            plan_level = 100 * pl
            execution = self.execution(plan)
            my_needs = self.needs_in_year(lambda x: x["branch"] == bid)
            led = self.ledger(my_needs)
            we = sc["effect"]
            if not my_needs:
                effect = ar.K(0)
            else:
                e = ar.wmean([(we["resolution"], led["resolution_rate"]),
                           (we["on_time_resolution"], led["on_time_resolution_rate"]),
                           (we["response_on_time"], led["response_on_time_rate"]),
                           (we["feedback_satisfied"], led["feedback_satisfied_rate"])])
                effect = ar.K(0) if e is None else 100 * e
            systems = self.systems(bid)
            satisfaction = self.satisfaction(plan)
            wa = sc["autonomous"]
            autonomous = ar.wmean([(wa["plan_level"], plan_level), (wa["execution"], execution),
                                (wa["effect"], effect), (wa["systems"], systems),
                                (wa["satisfaction"], satisfaction)])
            base = self.base(bid, plan)
            awards = (plan.get("review") or {}).get("awards") or []
            approved = sum(1 for a in awards if a.get("approved") is True)
            bonus = min(ar.N(sc["awards"]["cap"]), ar.N(sc["awards"]["points"]) * approved)
            beta = self.beta_x
            total = ar.round(min(ar.K(100), beta * base + (1 - beta) * autonomous + bonus), 2)
            g = {k: ar.N(v) for k, v in sc["grades"].items()}
            grade = ("excellent" if total >= g["excellent"] else "good" if total >= g["good"]
                     else "fair" if total >= g["fair"] else "poor")
            rows.append({
                "id": bid, "name": br["name"], "type": t, "street": br["street"],
                "plan": plan["id"], "provisional": plan["status"] != "reviewed",
                "total": ar.out(total), "_total": total, "grade": grade,
                "rank_in_district": None, "rank_in_type": None,
                "base": ar.r2(base), "autonomous": ar.r2(autonomous), "bonus": ar.r2(bonus),
                "components": {"plan_level": ar.r2(plan_level), "execution": ar.r2(execution),
                               "effect": ar.r2(effect), "systems": ar.r2(systems),
                               "satisfaction": ar.r2(satisfaction)},
                "detail": {"quality": ar.r4(q[bid]), "percentile": ar.r4(pr), "peers": n},
                "needs": {"received": led["received"], "carried_over": led["carried_over"],
                          "declined": led["declined"],
                          "resolved": led["resolved"], "open": led["open"],
                          "overdue": led["overdue"],
                          "resolution_rate": ar.r4(led["resolution_rate"]),
                          "on_time_resolution_rate": ar.r4(led["on_time_resolution_rate"]),
                          "response_on_time_rate": ar.r4(led["response_on_time_rate"]),
                          "feedback_satisfied_rate": ar.r4(led["feedback_satisfied_rate"])},
            })
        for r in rows:
            r["rank_in_district"] = 1 + sum(1 for o in rows if o["_total"] > r["_total"])
            r["rank_in_type"] = 1 + sum(1 for o in rows
                                        if o["type"] == r["type"] and o["_total"] > r["_total"])
        rows.sort(key=lambda r: (-r["_total"], r["id"]))
        unscored = [{"id": bid, "reason": "missing-plan"}
                    for bid in sorted(self.branches) if bid not in self.plans]

        def rollup(rid, branch_ids, layer, owned_platforms):
            brs = [self.branches[b] for b in branch_ids]
            by_type = {}
            for t in TYPES:
                c = sum(1 for b in brs if b["type"] == t)
                if c:
                    by_type[t] = c
            totals = [r["_total"] for r in rows if r["id"] in set(branch_ids)]
            mean_total = ar.round(sum(totals) / len(totals), 2) if totals else None
            bset = set(branch_ids)
            nids = self.needs_in_year(lambda x: x["branch"] in bset and x["layer"] == layer)
            led = self.ledger(nids)
            adh = [a for a in (self.adherence(p) for p in owned_platforms) if a is not None]
            return {"id": rid, "branches": len(brs), "by_type": by_type,
                    "scored": len(totals), "mean_total": ar.out(mean_total),
                    "needs": {"received": led["received"],
                              "carried_over": led["carried_over"],
                              "resolution_rate": ar.r4(led["resolution_rate"]),
                              "on_time_resolution_rate": ar.r4(led["on_time_resolution_rate"])},
                    "platform_adherence": ar.r4(sum(adh) / len(adh)) if adh else None}

        if self.district is not None:
            street_ids = [s["id"] for s in self.district["streets"]]
        else:
            street_ids = sorted(set(b["street"] for b in self.branches.values()))
        streets = []
        for sid in street_ids:
            bids = sorted(b for b in self.branches if self.branches[b]["street"] == sid)
            owned = [p for p in self.platforms if p["level"] in AREA_LEVELS and p["owner"] == sid]
            streets.append(rollup(sid, bids, "street", owned))
        did = self.district["id"] if self.district is not None else None
        downed = [p for p in self.platforms
                  if did is not None and p["level"] in AREA_LEVELS and p["owner"] == did]
        district = rollup(did, sorted(self.branches), "district", downed)
        for r in rows:
            del r["_total"]
        return {"format": 1, "year": self.Y, "as_of": self.A.isoformat(),
                "base_weight": self.beta, "branches": rows, "unscored": unscored,
                "streets": streets, "district": district}


def resolve_dates(year, asof, today=None):
    today = today or dt.date.today()
    if asof is None:
        if year is not None and year < today.year:
            asof = dt.date(year, 12, 31)
        else:
            asof = today
    if year is None:
        year = asof.year
    return year, asof


def score_paths(paths, year, asof, arith="double"):
    year, asof = resolve_dates(year, asof)
    return Model(load_records(paths), year, asof, arith).score()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", default=["."])
    ap.add_argument("--year", type=int)
    ap.add_argument("--as-of", type=dt.date.fromisoformat)
    ap.add_argument("--arith", choices=["double", "exact"], default="double",
                    help="double: IEEE doubles, formulas evaluated as written (default); "
                         "exact: rational arithmetic on the decimals as written")
    a = ap.parse_args(argv)
    doc = score_paths(a.paths, a.year, a.as_of, a.arith)
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
