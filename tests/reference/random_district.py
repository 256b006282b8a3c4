#!/usr/bin/env python3
"""Deterministic generator of random but VALID svcorg districts (for check_scores.py).

Usage: random_district.py --seed N --out DIR      (prints {"year": Y, "as_of": "A"})

The same seed always writes the same files (only `random.Random(seed)` is used, never the
clock).  Every record passes `svcorg validate DIR --as-of A` without errors (warnings are
expected: future dates, missing platforms, small surveys, unlinked items, ...).

It aims at the edge cases of SPEC 5-6: needs received years before Y and events around
New Year (open on Jan 1 and carried over, resolved or declined after it, resolved before it
and reopened after it), branches without plans, plans without items,
single-peer types, ties in quality and in totals (twin branches), needs reopened, needs
with events or feedback after the as-of date, undated feedback, `due` given or defaulted,
years without needs or without plans, platforms established mid-year or after A, meetings
outside the window, member_development absent or planned 0, awards beyond the cap, and
District `scoring:` / `rules:` overrides (by_year, zero weights, resolve_days, ...).

Text is emitted double-quoted (JSON strings are valid YAML), so YAML 1.1 (PyYAML) and
YAML 1.2 (svcorg) read the same values; ids and enum values are plain when that is safe.
Dates are written plain or quoted at random.
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import sys

import score_ref

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import svcorg_model as model  # noqa: E402

# The format's values and the built-in model (tools/svcorg_model.py reads
# lib/svcorg/rules/defaults.yaml and the label table).
TYPES = model.TYPES
PLATFORM_CATS = model.PLATFORM_CATEGORIES
CADENCES = model.CADENCES
CADENCE_N = model.CADENCE_PER_YEAR
CHANNELS = model.CHANNELS
FUNCTIONS = model.FUNCTIONS
ORDER = ["received", "assessed", "in-progress", "resolved", "closed"]

BUILTIN_NEED_CATS = model.NEED_CATEGORIES
BUILTIN_REQ = model.REQUIRED_PLATFORMS
NEGATIVE = model.NEGATIVE_LIST
TEXTS = ["老旧小区加装电梯的意愿征询", "楼道堆物清理", "社区食堂就餐", "停车难协调", "yes", "no",
         "on", "null", "2026-01-01", "12", "1.5", "~", "a: b", "# not a comment", "- dash",
         "居民希望更新社区图书角", "Hotline: 12345", "'quoted'", "\"double\"", "multi\nline",
         "tab\there", "emoji 🙂", "  spaced  ", "true", "0x1F", "1_000", "NO", "Off"]
DEPTS = ["街道房管办", "区民政局", "街道平安办", "区城管执法局", "yes", "2025-03-01", "社区卫生服务中心"]

# Give some branches the id of a street (Branch ids and street ids are separate namespaces,
# SPEC 2.1: platform owners are looked up by level).  check_scores.py --no-shared-ids turns
# this off, to look for other differences while this one is open.
SHARED_IDS = True

SAFE_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9._-]*$")
YAML_SPECIAL = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


# ---------------------------------------------------------------------------------------
# a small YAML emitter (block mappings / sequences, flow for small leaves)

def scalar(v, rnd):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.date):
        s = v.isoformat()
        return '"%s"' % s if rnd.random() < 0.3 else s
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        s = repr(v)
        assert re.match(r"^-?[0-9]+\.[0-9]+$", s), s  # YAML 1.1 needs the dot, no exponent
        return s
    if isinstance(v, Plain):
        return str(v)
    assert isinstance(v, str)
    return json.dumps(v, ensure_ascii=False)


class Plain(str):
    """An identifier or enum value, written plain when safe for YAML 1.1 and 1.2."""


def plain(s):
    if SAFE_PLAIN.match(s) and s.lower() not in YAML_SPECIAL:
        return Plain(s)
    return s  # quoted


def emit(v, rnd, indent=0):
    pad = "  " * indent
    out = []
    if isinstance(v, dict):
        for k, x in v.items():
            key = k if isinstance(k, str) and SAFE_PLAIN.match(k) else scalar(k, rnd)
            if isinstance(x, (dict, list)) and x:
                if isinstance(x, list) and all(not isinstance(e, (dict, list)) for e in x) \
                        and rnd.random() < 0.5:
                    out.append("%s%s: [%s]" % (pad, key, ", ".join(scalar(e, rnd) for e in x)))
                elif isinstance(x, dict) and all(not isinstance(e, (dict, list)) for e in x.values()) \
                        and rnd.random() < 0.5:
                    out.append("%s%s: {%s}" % (pad, key, ", ".join(
                        "%s: %s" % (kk, scalar(e, rnd)) for kk, e in x.items())))
                else:
                    out.append("%s%s:" % (pad, key))
                    out.append(emit(x, rnd, indent + 1))
            elif isinstance(x, (dict, list)):
                out.append("%s%s: %s" % (pad, key, "{}" if isinstance(x, dict) else "[]"))
            else:
                out.append("%s%s: %s" % (pad, key, scalar(x, rnd)))
    else:
        for x in v:
            if isinstance(x, dict) and x:
                sub = emit(x, rnd, indent + 1).split("\n")
                sub[0] = pad + "- " + sub[0][len(pad) + 2:]
                out.append("\n".join(sub))
            else:
                out.append("%s- %s" % (pad, scalar(x, rnd)))
    return "\n".join(out)


# Mappings that get no extension key: svcorg rejects `x-...` in `base_weight.by_year`
# (schema error) and crashes on it in `resolve_days` ("svcorg: error: stoll"), both reported
# to the lead; they are skipped here so that the score comparison is not blocked.
X_KEY_SKIP = {"by_year", "resolve_days"}


def sprinkle(v, rnd, key=None):
    """Extension keys (`x-...`) are allowed at any level (SPEC 2.1): add a few."""
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            out[k] = sprinkle(x, rnd, k)
        if key not in X_KEY_SKIP and rnd.random() < 0.03:
            out["x-note"] = rnd.choice(["extension", "扩展", "yes"])
        return out
    if isinstance(v, list):
        return [sprinkle(x, rnd) for x in v]
    return v


def doc(kind, body, rnd):
    d = {"apiVersion": Plain("svcorg/v1"), "kind": Plain(kind)}
    d.update(body)
    return emit(sprinkle(d, rnd), rnd) + "\n"


# ---------------------------------------------------------------------------------------

class Gen:
    def __init__(self, seed):
        self.rnd = random.Random(seed)
        self.seed = seed
        self.used_ids = set()

    def chance(self, p):
        return self.rnd.random() < p

    def new_id(self, prefix):
        r = self.rnd
        while True:
            style = r.random()
            if style < 0.75:
                s = "%s-%d" % (prefix, r.randint(1, 999))
            elif style < 0.85:
                s = "%s.%s_%d" % (prefix.upper(), r.choice("abcxyz"), r.randint(0, 99))
            elif style < 0.93:
                s = "%03d%s" % (r.randint(0, 999), r.choice(["", "e3", "x"]))  # numeric-looking
            else:
                s = "%s%d" % (r.choice(["yes", "no", "on", "true", "null", "Y"]), r.randint(0, 9)) \
                    if r.random() < 0.5 else r.choice(["yes", "no", "on", "off", "true", "y"])
            if s.lower() not in self.used_ids:
                self.used_ids.add(s.lower())
                return s

    def date_between(self, a, b):
        if b < a:
            a, b = b, a
        return a + dt.timedelta(days=self.rnd.randint(0, (b - a).days))

    def text(self):
        return self.rnd.choice(TEXTS)

    def weights(self, keys, allow_all_but_one_zero=True):
        r = self.rnd
        out = {}
        for k in keys:
            if r.random() < 0.5:
                out[k] = r.choice([0, 0, 0.1, 0.25, 0.3, 0.5, 1, 2, 3, 0.2, 0.15])
        return out

    # -----------------------------------------------------------------------------------
    def generate(self):
        r = self.rnd
        Y = r.choice([2023, 2024, 2024, 2025, 2026, 2027, 2028])
        jan1, dec31 = dt.date(Y, 1, 1), dt.date(Y, 12, 31)
        u = r.random()
        if u < 0.08:
            A = dec31
        elif u < 0.12:
            A = jan1
        elif u < 0.20:
            A = self.date_between(dt.date(Y + 1, 1, 1), dt.date(Y + 1, 6, 30))  # a past year
        elif u < 0.23:
            A = self.date_between(dt.date(Y - 1, 10, 1), dt.date(Y - 1, 12, 31))  # before Y
        else:
            A = self.date_between(dt.date(Y, 2, 1), dec31)
        self.Y, self.A = Y, A

        has_district = r.random() < 0.9
        self.district_id = self.new_id("dist") if has_district else None
        nstreets = r.randint(1, 4)
        streets = [self.new_id("st") for _ in range(nstreets)]

        # rules overrides --------------------------------------------------------------
        rules = {}
        eff = {t: {"need_categories": list(BUILTIN_NEED_CATS[t]),
                   "required_platforms": list(BUILTIN_REQ[t])} for t in TYPES}
        negative = list(NEGATIVE)
        if has_district and r.random() < 0.5:
            dfl = {}
            if self.chance(0.5):
                dfl["response_days"] = r.choice([0, 1, 2, 3, 5, 7])
            if self.chance(0.5):
                rd = {}
                for k in ["branch", "street", "district"]:
                    if self.chance(0.5):
                        rd[k] = r.choice([0, 5, 10, 20, 45, 90])
                dfl["resolve_days"] = rd
            if self.chance(0.4):
                dfl["min_plan_items"] = r.choice([0, 1, 2, 4, 5])
            if self.chance(0.3):
                dfl["min_plan_quality"] = r.choice([0, 0.25, 0.5, 0.75, 0.9, 1])
            if self.chance(0.4):
                dfl["organizational_life_per_year"] = r.choice([1, 4, 6, 10, 24])
            if self.chance(0.2):
                dfl["min_survey_respondents"] = r.choice([0, 10, 50])
            if dfl:
                rules["defaults"] = dfl
            if self.chance(0.25):
                negative = r.sample(NEGATIVE + ["discipline-x"], r.randint(0, 3))
                rules["negative_list"] = negative
            types = {}
            for t in TYPES:
                if not self.chance(0.3):
                    continue
                tr = {}
                if self.chance(0.5):
                    tr["required_platforms"] = r.sample(PLATFORM_CATS, r.randint(0, 4))
                    eff[t]["required_platforms"] = tr["required_platforms"]
                if self.chance(0.3):
                    cats = r.sample(BUILTIN_NEED_CATS[t], r.randint(1, len(BUILTIN_NEED_CATS[t])))
                    if self.chance(0.5):
                        cats.append("custom-%d" % r.randint(1, 9))
                    tr["need_categories"] = cats
                    eff[t]["need_categories"] = cats
                if self.chance(0.4):
                    tr["response_days"] = r.choice([0, 1, 4, 10])
                if self.chance(0.4):
                    tr["resolve_days"] = {r.choice(["branch", "street", "district"]):
                                          r.choice([0, 3, 7, 30, 120])}
                if self.chance(0.3):
                    tr["min_plan_items"] = r.choice([0, 1, 2, 6])
                if self.chance(0.2):
                    tr["min_plan_quality"] = r.choice([0, 0.5, 0.8, 1])
                if self.chance(0.3):
                    tr["organizational_life_per_year"] = r.choice([1, 3, 12, 20])
                types[t] = tr
            if types:
                rules["types"] = types
        self.eff = eff
        self.negative = negative

        # scoring overrides --------------------------------------------------------------
        scoring = {}
        if has_district and r.random() < 0.6:
            if self.chance(0.6):
                bw = {}
                if self.chance(0.5):
                    bw["default"] = r.choice([0, 0.2, 0.3, 0.35, 0.5, 1, 1.0, 0.45])
                if self.chance(0.7):
                    by = {}
                    for yy in r.sample([Y - 1, Y, Y + 1], r.randint(1, 3)):
                        by[str(yy) if self.chance(0.3) else yy] = r.choice(
                            [0, 0.25, 0.3, 0.35, 0.6, 1])
                    bw["by_year"] = by
                scoring["base_weight"] = bw
            groups = {
                "base": ["dues", "statistics", "organizational_life", "member_development"],
                "autonomous": ["plan_level", "execution", "effect", "systems", "satisfaction"],
                "plan_level": ["absolute", "relative"],
                "quality": ["linked", "measurable", "breadth", "coverage"],
                "effect": ["resolution", "on_time_resolution", "response_on_time",
                           "feedback_satisfied"],
                "satisfaction": ["members", "public"],
            }
            for g, keys in groups.items():
                if not self.chance(0.35):
                    continue
                w = self.weights(keys)
                if self.chance(0.25):
                    # all zero but one: excluded parts then give "all defined weigh 0"
                    w = {k: 0 for k in keys}
                    w[r.choice(keys)] = r.choice([1, 0.5, 2])
                # at least one weight of the merged group must stay > 0
                if not any(v > 0 for v in w.values()) and len(w) == len(keys):
                    w[r.choice(keys)] = 1
                scoring[g] = w
            if self.chance(0.3):
                aw = {}
                if self.chance(0.6):
                    aw["points"] = r.choice([0, 1, 2, 2.5, 3, 10])
                if self.chance(0.6):
                    aw["cap"] = r.choice([0, 3, 5, 7.5, 20, 100])
                scoring["awards"] = aw
            if self.chance(0.3):
                fair = r.choice([0, 30, 50, 60, 65.5])
                good = fair + r.choice([0, 5, 10, 15])
                exc = min(100, good + r.choice([0, 5, 10, 15]))
                gr = {"excellent": exc, "good": good, "fair": fair}
                scoring["grades"] = {k: v for k, v in gr.items() if self.chance(0.8)}

        # branches ----------------------------------------------------------------------
        nb = r.randint(3, 15)
        # a few types, so that some have a single peer
        type_pool = r.sample(TYPES, r.randint(1, 5))
        branches = []
        for i in range(nb):
            bid = self.new_id("b") if not (self.chance(0.05) and has_district and SHARED_IDS) \
                else None
            if bid is None:
                # a branch whose id equals a street's or the District's id (separate
                # namespaces: SPEC 2.1)
                cand = [s for s in streets + [self.district_id]
                        if s not in [b["id"] for b in branches]]
                bid = r.choice(cand) if cand else self.new_id("b")
            t = r.choice(type_pool)
            b = {"id": plain(bid), "name": self.text() if self.chance(0.2) else "支部%d" % i,
                 "type": Plain(t), "street": plain(r.choice(streets))}
            if self.chance(0.5):
                b["established"] = self.date_between(dt.date(1990, 1, 1), dt.date(2022, 12, 31))
            b["members"] = r.randint(0, 300)
            sec = {"name": "书记%d" % i, "certified": self.chance(0.8)}
            if self.chance(0.6):
                sec["competencies"] = {k: r.randint(1, 5) for k in
                                       ["orientation", "planning", "organizing", "coordination",
                                        "adaptability", "communication"]}
            b["secretary"] = sec
            if self.chance(0.7):
                b["reserve_cadres"] = r.randint(0, 3)
            if t == "social-service":
                b["functions"] = [Plain(x) for x in r.sample(FUNCTIONS, r.randint(1, 3))]
            if t == "building":
                b["units"] = r.randint(2, 40)
            if self.chance(0.3):
                b["representatives"] = [{"name": "代表%d" % j, "role": Plain(r.choice(
                    ["npc-deputy", "party-congress-deputy", "cppcc-member"]))}
                    for j in range(r.randint(0, 2))]
            branches.append(b)
        bids = [str(b["id"]) for b in branches]
        btype = {str(b["id"]): str(b["type"]) for b in branches}

        # twins: pairs of branches of one type that get identical plans (ties in totals)
        twins = {}
        by_t = {}
        for bid in bids:
            by_t.setdefault(btype[bid], []).append(bid)
        for t, lst in by_t.items():
            if len(lst) >= 2 and self.chance(0.35):
                a, b = r.sample(lst, 2)
                twins[b] = a
        twin_of = {}
        for b, a in twins.items():
            twin_of.setdefault(a, []).append(b)

        # needs -------------------------------------------------------------------------
        needs = []
        if self.chance(0.08):
            nneeds = 0
        else:
            nneeds = r.randint(0, 60)
        # twins (and the branch they copy) get no needs, so their effect and coverage agree
        need_branches = [b for b in bids if b not in twins and b not in twin_of]
        for i in range(nneeds if need_branches else 0):
            needs.append(self.need(r.choice(need_branches), btype))
        self.needs = needs
        need_ids = [str(n["id"]) for n in needs]
        needs_of = {}
        for n in needs:
            needs_of.setdefault(str(n["branch"]), []).append(str(n["id"]))

        # platforms ---------------------------------------------------------------------
        platforms = []
        for i in range(r.randint(0, 12)):
            platforms.append(self.platform(bids, streets, need_ids, twin_of))
        plat_ids = [str(p["id"]) for p in platforms]

        # plans -------------------------------------------------------------------------
        plans = []
        no_plans_this_year = self.chance(0.05)
        plan_of = {}
        for bid in bids:
            if bid in twins:
                continue
            if not no_plans_this_year and self.chance(0.8):
                p = self.plan(bid, btype[bid], Y, needs_of, need_ids, plat_ids)
                plans.append(p)
                plan_of[bid] = p
            if self.chance(0.3):
                plans.append(self.plan(bid, btype[bid], Y - 1, needs_of, need_ids, plat_ids))
            if self.chance(0.1):
                plans.append(self.plan(bid, btype[bid], Y + 1, needs_of, need_ids, plat_ids))
        for b, a in twins.items():
            if a in plan_of:
                p = self.retype_plan(plan_of[a])
                p["id"] = plain(self.new_id("plan"))
                p["branch"] = plain(b)
                plans.append(p)  # same items, same listed needs: same quality

        # district ----------------------------------------------------------------------
        files = {}
        if has_district:
            d = {"id": plain(self.district_id), "name": "测试区"}
            if self.chance(0.5):
                d["lang"] = Plain(r.choice(["en", "zh-CN"]))
            d["streets"] = [{"id": plain(s), "name": "街道%d" % i} for i, s in enumerate(streets)]
            if scoring:
                d["scoring"] = scoring
            if rules:
                d["rules"] = rules
            if self.chance(0.2):
                d["x-note"] = "extension"
            files["district.yaml"] = [("District", d)]

        def put(path, kind, body):
            files.setdefault(path, []).append((kind, body))

        for b in branches:
            if self.chance(0.3):
                put("branches/all.yaml", "Branch", b)
            else:
                put("branches/%s/%s.yml" % (b["street"], b["id"]) if self.chance(0.3)
                    else "branches/b%s.yaml" % bids.index(str(b["id"])), "Branch", b)
        for n in needs:
            y = n["received"].year
            put("needs/%d/%s.yaml" % (y, bids.index(str(n["branch"]))), "Need", n)
        for p in platforms:
            put("platforms.yaml" if self.chance(0.5) else "platforms/p%d.yaml"
                % plat_ids.index(str(p["id"])), "Platform", p)
        for p in plans:
            put("plans/%s/%s.yaml" % (p["year"], bids.index(str(p["branch"]))), "Plan", p)
        settle_plan_quality(files, self.A)
        return files

    # -----------------------------------------------------------------------------------
    def need(self, bid, btype):
        r = self.rnd
        Y, A = self.Y, self.A
        t = btype[bid]
        u = r.random()
        if u < 0.6:
            received = self.date_between(dt.date(Y, 1, 1), min(A, dt.date(Y, 12, 31)))
        elif u < 0.72:
            received = self.date_between(dt.date(Y - 1, 6, 1), dt.date(Y - 1, 12, 31))
        elif u < 0.8:  # several years back: carried over (or not) more than once
            received = self.date_between(dt.date(Y - 3, 1, 1), dt.date(Y - 2, 12, 31))
        elif u < 0.9:
            received = self.date_between(A, A + dt.timedelta(days=40))  # maybe after A
        else:
            received = self.date_between(dt.date(Y, 1, 1), dt.date(Y, 12, 31))
        cats = self.eff[t]["need_categories"] + ["member-service", "other"]
        n = {"id": plain(self.new_id("n")), "branch": plain(bid), "received": received,
             "channel": Plain(r.choice(CHANNELS)), "category": plain(r.choice(cats)),
             "summary": self.text()}
        if self.chance(0.3):
            n["scope"] = Plain(r.choice(["individual", "group", "area"]))
        if self.chance(0.2):
            n["impact"] = [Plain(x) for x in r.sample(["overall", "public-sentiment"], r.randint(0, 2))]
        n["layer"] = Plain(r.choice(["branch", "branch", "street", "district"]))
        n["disposal"] = Plain(r.choice(["solve", "relay", "mobilize"]))
        if n["disposal"] == "relay":
            n["relayed_to"] = r.choice(DEPTS)
        if self.chance(0.4):
            if A >= received and self.chance(0.15):
                n["due"] = r.choice([A, A - dt.timedelta(days=1), A + dt.timedelta(days=1)])
                n["due"] = max(n["due"], received)  # due on / around the as-of date
            else:
                n["due"] = received + dt.timedelta(days=r.choice([0, 1, 3, 10, 14, 15, 30, 31,
                                                                  60, 90]))
        # lifecycle
        events = [(received, "received")]
        jan1 = dt.date(Y, 1, 1)
        cur = "received"
        d = received
        steps = r.choice([0, 1, 2, 3, 4, 5, 6, 8])
        for _ in range(steps):
            if cur in ("closed", "declined"):
                break
            gap = r.choice([0, 0, 1, 2, 3, 4, 5, 7, 10, 15, 20, 30, 45])
            d = d + dt.timedelta(days=gap)
            if d < jan1 and self.chance(0.3):
                # Across New Year (SPEC 5, rev 2): the next event on Dec 31, on Jan 1 or
                # early in Y, so needs are open on Jan 1 and resolved, declined or reopened
                # after it, or resolved just before it.
                d = max(d, r.choice([jan1 - dt.timedelta(days=1), jan1,
                                     jan1 + dt.timedelta(days=r.randint(1, 60))]))
            if d < A and self.chance(0.08):
                d = A  # an event on the as-of date
            opts = []
            i = ORDER.index(cur)
            opts += ORDER[i + 1:]
            opts.append(cur)  # progress note
            if cur in ("received", "assessed"):
                opts += ["declined"]
            if cur == "resolved":
                opts += ["in-progress", "in-progress"]  # reopen
            nxt = r.choice(opts)
            events.append((d, nxt))
            cur = nxt
        n["status"] = Plain(cur)
        if cur == "declined":
            n["reason"] = self.text()
        evs = []
        for ed, st in events:
            e = {"date": ed, "status": Plain(st)}
            if self.chance(0.2):
                e["note"] = self.text()
            evs.append(e)
        n["events"] = evs
        if self.chance(0.5):
            fb = {"satisfaction": r.randint(1, 5)}
            if cur in ("resolved", "closed") and self.chance(0.6):
                # final resolution date s(n) over all events
                last_other = max(i for i, e in enumerate(events) if e[1] not in ("resolved", "closed"))
                s = events[last_other + 1][0]
                fb["date"] = s + dt.timedelta(days=r.choice([0, 1, 5, 20, 60]))
                if s <= A and self.chance(0.2):
                    fb["date"] = r.choice([A, A + dt.timedelta(days=1)])
            n["feedback"] = fb
        return n

    def platform(self, bids, streets, need_ids, twin_of):
        r = self.rnd
        twins = set(b for lst in twin_of.values() for b in lst)
        bids = [b for b in bids if b not in twins]  # twins only follow the branch they copy
        Y, A = self.Y, self.A
        level = r.choice(["grassroots", "horizontal", "superior", "service-center"])
        if level in ("grassroots", "horizontal"):
            owner = r.choice(bids)
        else:
            owners = list(streets)
            if self.district_id:
                owners.append(self.district_id)
            elif self.chance(0.3):
                owners = [self.new_id("qu")]  # without a District, owners are not checked
            owner = r.choice(owners)
        p = {"id": plain(self.new_id("p")), "name": "平台", "owner": plain(owner),
             "level": Plain(level), "category": Plain(r.choice(PLATFORM_CATS)),
             "cadence": Plain(r.choice(CADENCES))}
        u = r.random()
        if u < 0.1:
            p["established"] = r.choice([dt.date(Y, 1, 1), A, A + dt.timedelta(days=1),
                                         dt.date(Y, 12, 31), dt.date(Y - 1, 12, 31)])
        elif u < 0.3:
            pass
        elif u < 0.6:
            p["established"] = self.date_between(dt.date(2000, 1, 1), dt.date(Y - 1, 12, 31))
        elif u < 0.85:
            p["established"] = self.date_between(dt.date(Y, 1, 1), dt.date(Y, 12, 31))
        else:
            p["established"] = self.date_between(A, A + dt.timedelta(days=60))
        if self.chance(0.7):
            parts = r.sample(bids, r.randint(0, min(len(bids), 5)))
            for b in list(parts):
                parts.extend(twin_of.get(b, []))
            if level in ("grassroots", "horizontal"):
                parts.extend(twin_of.get(owner, []))
            parts = list(dict.fromkeys(parts))
            if self.chance(0.4):
                parts.append(r.choice(DEPTS))
            r.shuffle(parts)
            p["participants"] = [plain(x) for x in parts]
        elif level in ("grassroots", "horizontal") and twin_of.get(owner):
            p["participants"] = [plain(x) for x in twin_of[owner]]
        k = CADENCE_N[p["cadence"]]
        nm = int(k * r.choice([0, 0.3, 0.6, 0.9, 1.0, 1.2, 2.0])) + r.randint(0, 2)
        meetings = []
        for _ in range(min(nm, 120)):
            if self.chance(0.15):
                # the edges of the window
                md = r.choice([dt.date(Y, 1, 1), dt.date(Y - 1, 12, 31), dt.date(Y, 12, 31),
                               dt.date(Y + 1, 1, 1), A, A + dt.timedelta(days=1),
                               p.get("established") or dt.date(Y, 1, 1)])
            else:
                md = self.date_between(dt.date(Y - 1, 10, 1), dt.date(Y + 1, 2, 28))
            m = {"date": md}
            if self.chance(0.3):
                m["attendees"] = r.randint(0, 40)
            if need_ids and self.chance(0.1):
                m["needs"] = [plain(x) for x in r.sample(need_ids, 1)]
            if self.chance(0.1):
                m["note"] = self.text()
            meetings.append(m)
        meetings.sort(key=lambda m: m["date"])
        if meetings or self.chance(0.5):
            p["meetings"] = meetings
        if self.chance(0.3):
            p["budget"] = r.choice([0, 1000, 2500.5, 40000])
        return p

    def plan(self, bid, t, year, needs_of, need_ids, plat_ids):
        r = self.rnd
        p = {"id": plain(self.new_id("plan")), "branch": plain(bid), "year": year,
             "status": Plain(r.choice(["draft", "submitted", "approved", "reviewed"]))}
        # a "star" plan: everything near the top, so that bonus + score reach the 100 cap
        star = self.chance(0.12)
        base = {"dues_paid_rate": r.choice([0, 0.5, 0.8, 0.9, 0.95, 0.975, 1, 1.0, 0.333,
                                            round(r.random(), 3)]),
                "statistics_on_time": self.chance(0.7),
                "organizational_life": r.choice([0, 1, 5, 6, 11, 12, 13, 20, r.randint(0, 30)])}
        u = r.random()
        if u < 0.5:
            pl = r.choice([0, 0, 1, 2, 3, 5])
            base["member_development"] = {"planned": pl, "developed": r.randint(0, 6)}
        if star:
            base.update({"dues_paid_rate": 1, "statistics_on_time": True,
                         "organizational_life": 24})
        p["base"] = base
        items = []
        n_items = r.choice([0, 0, 1, 2, 3, 3, 4, 5, 6, 7]) if not star else r.randint(3, 6)
        item_cats = self.eff[t]["need_categories"] + ["member-service", "other",
                                                        "organization-building"] + self.negative
        own = needs_of.get(bid, [])
        ids = set()
        for j in range(n_items):
            iid = r.choice(["item-%d" % (j + 1), "i%d" % j, "x.%d" % j])
            while iid in ids:
                iid = iid + "a"
            ids.add(iid)
            cat = r.choice(item_cats)
            it = {"id": plain(iid), "title": self.text(), "category": plain(cat)}
            u = r.random()
            if u < 0.55 and own:
                it["needs"] = [plain(x) for x in r.sample(own, r.randint(1, min(3, len(own))))]
            elif u < 0.62 and need_ids:
                it["needs"] = [plain(x) for x in r.sample(need_ids, 1)]  # maybe foreign
            elif u < 0.7:
                it["needs"] = []
            if plat_ids and self.chance(0.3):
                it["platform"] = plain(r.choice(plat_ids))
            it["approval"] = Plain("superior" if cat in self.negative or self.chance(0.2)
                                   else "self")
            if self.chance(0.5):
                it["target"] = {"metric": self.text(),
                                "value": r.choice([0, 10, 98, 1.5, -2, 100.25])}
            if self.chance(0.5):
                it["weight"] = r.choice([0.5, 1, 2, 3, 1.5, 0.25, 10])
            if self.chance(0.3):
                it["budget"] = r.choice([0, 8000, 20000.5])
            if self.chance(0.3):
                it["due"] = self.date_between(dt.date(year, 1, 1), dt.date(year, 12, 31))
            if star:
                it["progress"] = r.choice([1, 1.0, 0.9])
                if own:
                    it["needs"] = [plain(x) for x in own[:2]]
                it["target"] = {"metric": "指标", "value": 1}
            elif self.chance(0.7):
                it["progress"] = r.choice([0, 0.1, 0.25, 0.5, 0.8, 0.9, 1, 1.0, 0.333,
                                           round(r.random(), 2)])
            if self.chance(0.3):
                o = {}
                if self.chance(0.5):
                    o["value"] = r.choice([1, 14, 7.5])
                if self.chance(0.5):
                    o["note"] = self.text()
                it["outcome"] = o
            items.append(it)
        p["items"] = items
        if star:
            p["review"] = {"member_survey": {"respondents": 50, "mean": 5},
                           "public_survey": {"respondents": 80, "mean": r.choice([4.9, 5])},
                           "awards": [{"kind": Plain("hard-problem"), "title": "攻坚",
                                       "approved": True} for _ in range(r.randint(1, 4))]}
        elif self.chance(0.6):
            rev = {}
            if self.chance(0.6):
                rev["member_survey"] = {"respondents": r.choice([0, 5, 29, 30, 48, 120]),
                                        "mean": r.choice([1, 5, 3, 4.53, 4.07, 2.5, 3.875, 4.1])}
            if self.chance(0.6):
                rev["public_survey"] = {"respondents": r.choice([0, 12, 30, 119, 300]),
                                        "mean": r.choice([1, 5, 3.2, 4.25, 4.07, 1.5, 3.33])}
            if self.chance(0.5):
                rev["awards"] = [{"kind": Plain(r.choice(["stability-incident", "complex-conflict",
                                                          "hard-problem"])),
                                  "title": self.text(), "approved": self.chance(0.6)}
                                 for _ in range(r.randint(0, 5))]
            p["review"] = rev
        return p

    def retype_plan(self, p):
        # deep copy keeping Plain / date types
        def cp(v):
            if isinstance(v, dict):
                return {k: cp(x) for k, x in v.items()}
            if isinstance(v, list):
                return [cp(x) for x in v]
            return v
        return cp(p)


def settle_plan_quality(files, asof):
    """A submitted plan below `min_plan_quality` is an error (`plan-quality`, SPEC 4.2):
    such plans become `approved`, so the district stays valid. q and the minimum come from
    the reference (score_ref.py), each plan judged in its own year's ledger as of A, so a
    plan svcorg flags while the reference does not fails the comparison as invalid."""
    recs = {"District": [], "Branch": [], "Need": [], "Platform": [], "Plan": []}
    for docs in files.values():
        for kind, body in docs:
            recs[kind].append(body)
    models = {}
    for p in recs["Plan"]:
        if p.get("status") != "submitted":
            continue
        year = int(p["year"])
        if year not in models:
            models[year] = score_ref.Model(recs, year, asof)
        m = models[year]
        q = m.quality(p["branch"], p)
        if q < m.rules_of_branch(p["branch"])["min_plan_quality"] - 1e-9:
            p["status"] = Plain("approved")


def write(files, out, rnd):
    for path, docs in files.items():
        full = os.path.join(out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        parts = []
        for i, (kind, body) in enumerate(docs):
            text = doc(kind, body, rnd)
            if i > 0 or rnd.random() < 0.2:
                text = "---\n" + text
            parts.append(text)
        if rnd.random() < 0.1:
            parts.append("---\n")  # an empty document
        text = "".join(parts)
        if rnd.random() < 0.1:
            text = text.replace("\n", "\r\n")  # CRLF line ends
        if rnd.random() < 0.1:
            text = "# a comment\n" + text
        if rnd.random() < 0.05:
            text = "\ufeff" + text  # a byte order mark
        with open(full, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    if rnd.random() < 0.3:
        # hidden directories and other extensions are not inputs
        os.makedirs(os.path.join(out, ".git"), exist_ok=True)
        with open(os.path.join(out, ".git", "junk.yaml"), "w") as fh:
            fh.write("kind: [not a record\n")
        with open(os.path.join(out, "README.txt"), "w") as fh:
            fh.write("not yaml: [\n")


def generate(seed, out):
    g = Gen(seed)
    files = g.generate()
    write(files, out, g.rnd)
    return {"year": g.Y, "as_of": g.A.isoformat()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    print(json.dumps(generate(a.seed, a.out)))


if __name__ == "__main__":
    main()
