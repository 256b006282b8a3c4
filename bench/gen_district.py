#!/usr/bin/env python3
"""Synthetic districts of any size, for the benchmarks (bench/run.sh).

    bench/gen_district.py --needs 100000 --out /tmp/d100k                  # needs in files of 50
    bench/gen_district.py --needs 100000 --layout single --out /tmp/d1     # one multi-document file
    bench/gen_district.py --needs 20000 --layout small --out /tmp/dsmall   # one file per need

Deterministic: the same --seed and arguments always write the same bytes (no clock). The
types, their need categories and required platforms are the built-in model's
(tools/svcorg_model.py reads lib/svcorg/rules/defaults.yaml; needs PyYAML). The field mix follows examples/generate.py: branches of the five types with
their required fields, one grassroots platform per required category with monthly meetings,
needs with Chinese summaries and notes, 8-12 events and feedback (~1.7 KB each), and plans
for 2025 and 2026 linking needs and platforms, so `validate` and `score --year 2025
--as-of 2026-11-26` run the whole pipeline with few findings.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import svcorg_model as model  # noqa: E402  (the built-in model, read from defaults.yaml)

D = dt.date
AS_OF = D(2026, 11, 26)
TYPES = model.TYPES
CATS = model.NEED_CATEGORIES
PLATFORMS = model.REQUIRED_PLATFORMS
TYPE_SUFFIX = {"residential": "居民区党总支", "social-service": "社会组织党支部", "building": "楼宇联合党委",
               "enterprise": "企业党委", "organ": "机关党委"}
CHANNELS = model.CHANNELS
SURNAMES = "王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
GIVEN = "国华秀英志刚建平玉兰晓明丽娟海燕文军桂芳德明春梅伟强红霞永庆淑珍立新慧敏"
PLACES = ["新福康里", "静安寺", "南京西路", "江宁路", "曹家渡", "石门二路", "康定路", "延中", "武定坊", "华山"]
SUBJECTS = ["楼道照明维修", "加装电梯协调", "老年助餐点扩容", "垃圾分类指导", "停车位紧张", "噪音扰民投诉",
            "小区绿化修剪", "独居老人探访", "就业技能培训", "邻里纠纷调解", "社区文化活动场地", "防汛排水改造",
            "消防通道占用", "健康义诊服务", "物业服务质量", "菜场环境整治", "青年人才公寓", "企业政策咨询"]
DETAILS = ["居民多次反映，希望尽快解决", "涉及多户居民，需协调物业和业委会", "已影响日常生活，群众意见较大",
           "需要街道相关部门共同研究", "党员志愿者主动上门了解情况", "涉及公共部位改造，需征询意见"]
NOTES = ["已召开协调会，明确责任分工", "党员志愿者上门走访，了解具体情况", "已与物业公司沟通，制定整改方案",
         "方案已与居民沟通确认，准备实施", "施工队进场，预计一周内完成", "街道相关科室现场踏勘",
         "邀请居民代表参与听证，听取意见", "整改完成，组织居民代表验收", "回访当事人，反映问题已基本解决"]
ITEM_TITLES = ["为老服务提质增效", "社区环境综合整治", "党员志愿服务常态化", "邻里互助网络建设",
               "楼宇党建联建共建", "青年人才服务", "企业发展服务", "机关作风建设"]


def day(d: D) -> str:
    return d.isoformat()


class Gen:
    def __init__(self, seed: int, needs: int):
        self.r = random.Random(seed)
        self.n_needs = needs
        self.n_branches = max(5, needs // 100)
        self.n_streets = max(2, self.n_branches // 40)

    def name(self) -> str:
        r = self.r
        return r.choice(SURNAMES) + r.choice(GIVEN[0::2]) + r.choice(GIVEN[1::2])

    def district(self) -> str:
        lines = ["apiVersion: svcorg/v1", "kind: District", "id: bench", "name: 基准测试区", "lang: zh-CN",
                 "streets:"]
        for s in range(self.n_streets):
            lines.append(f"  - {{id: street-{s:03d}, name: {PLACES[s % len(PLACES)]}{s}街道}}")
        return "\n".join(lines) + "\n"

    def branch(self, b: int, t: str) -> str:
        r = self.r
        comp = ", ".join(f"{k}: {r.randint(3, 5)}" for k in
                         ["orientation", "planning", "organizing", "coordination", "adaptability", "communication"])
        lines = ["apiVersion: svcorg/v1", "kind: Branch", f"id: b{b:05d}",
                 f"name: {PLACES[b % len(PLACES)]}{b}号{TYPE_SUFFIX[t]}", f"type: {t}",
                 f"street: street-{b % self.n_streets:03d}",
                 f"established: {day(D(1990 + r.randint(0, 30), r.randint(1, 12), r.randint(1, 28)))}",
                 f"members: {r.randint(30, 300)}", "secretary:", f"  name: {self.name()}",
                 "  certified: true", f"  competencies: {{{comp}}}", f"reserve_cadres: {r.randint(1, 3)}"]
        if t == "social-service":
            lines.append("functions: [medical, social-security]")
        if t == "building":
            lines.append(f"units: {r.randint(10, 120)}")
        lines += ["representatives:", f"  - {{name: {self.name()}, role: party-congress-deputy}}"]
        return "\n".join(lines) + "\n"

    def platform(self, b: int, cat: str) -> str:
        r = self.r
        lines = ["apiVersion: svcorg/v1", "kind: Platform", f"id: b{b:05d}-{cat}",
                 f"name: {PLACES[b % len(PLACES)]}{b}号{cat}工作平台", f"owner: b{b:05d}", "level: grassroots",
                 f"category: {cat}", "cadence: monthly", "established: 2020-01-01",
                 f"budget: {r.randint(1, 20) * 5000}", "meetings:"]
        for y in (2025, 2026):
            for m in range(1, 13):
                if D(y, m, 20) > AS_OF:
                    break
                note = f", note: {r.choice(NOTES)}" if r.random() < 0.4 else ""
                lines.append(f"  - {{date: {day(D(y, m, r.randint(5, 20)))}, attendees: {r.randint(8, 40)}{note}}}")
        return "\n".join(lines) + "\n"

    def need(self, b: int, t: str, k: int, year: int) -> tuple[str, str]:
        r = self.r
        nid = f"b{b:05d}-{year}-{k:04d}"
        last = D(year, 10, 31) if year == AS_OF.year else D(year, 12, 10)
        received = D(year, 1, 2) + dt.timedelta(days=r.randint(0, (last - D(year, 1, 2)).days))
        subject = r.choice(SUBJECTS)
        lines = ["apiVersion: svcorg/v1", "kind: Need", f"id: {nid}", f"branch: b{b:05d}",
                 f"received: {day(received)}", f"channel: {r.choice(CHANNELS)}",
                 f"category: {r.choice(CATS[t])}",
                 f"summary: {PLACES[b % len(PLACES)]}{subject}，{r.choice(DETAILS)}，{r.choice(DETAILS)}",
                 f"scope: {r.choice(['individual', 'group', 'area'])}"]
        if r.random() < 0.2:
            lines.append("impact: [public-sentiment]")
        lines += ["layer: branch", f"disposal: {r.choice(['solve', 'mobilize'])}", "status: closed", "events:",
                  f"  - {{date: {day(received)}, status: received, note: 通过{r.choice(['走访', '热线', '接待日', '问卷'])}收到诉求}}"]
        d = received + dt.timedelta(days=r.randint(0, 2))
        lines.append(f"  - {{date: {day(d)}, status: assessed, note: 经研判属本支部职责范围，由{self.name()}负责跟进}}")
        steps = r.randint(8, 11)
        for _ in range(steps):
            d += dt.timedelta(days=r.randint(0, 1))
            lines.append(f"  - {{date: {day(d)}, status: in-progress, note: {r.choice(NOTES)}}}")
        d += dt.timedelta(days=r.randint(0, 2))
        lines.append(f"  - {{date: {day(d)}, status: resolved, note: 问题已解决，{r.choice(NOTES)}}}")
        d += dt.timedelta(days=r.randint(1, 5))
        lines.append(f"  - {{date: {day(d)}, status: closed, note: 回访满意，销项}}")
        lines.append(f"feedback: {{satisfaction: {r.choice([4, 5, 5])}, date: {day(d)}}}")
        return nid, "\n".join(lines) + "\n"

    def plan(self, b: int, t: str, year: int, need_ids: list[str]) -> str:
        r = self.r
        lines = ["apiVersion: svcorg/v1", "kind: Plan", f"id: b{b:05d}-{year}", f"branch: b{b:05d}",
                 f"year: {year}", f"status: {'approved' if year == AS_OF.year else 'reviewed'}", "base:",
                 f"  dues_paid_rate: {r.choice([0.95, 0.98, 1.0])}", "  statistics_on_time: true",
                 f"  organizational_life: {r.randint(10, 12)}", "items:"]
        chunks = [need_ids[i::3] for i in range(3)]
        for i, chunk in enumerate(chunks):
            cat = CATS[t][i % len(CATS[t])]
            lines += [f"  - id: item-{i + 1}", f"    title: {r.choice(ITEM_TITLES)}", f"    category: {cat}",
                      f"    needs: [{', '.join(chunk[:8])}]", f"    platform: b{b:05d}-{PLATFORMS[t][0]}",
                      "    approval: self", f"    target: {{metric: 办结诉求件数, value: {r.randint(5, 30)}}}",
                      f"    weight: {round(1 / 3, 3)}", f"    budget: {r.randint(1, 10) * 10000}",
                      f"    due: {year}-11-30"]
            lines.append(f"    progress: {r.randint(60, 100) / 100 if year < AS_OF.year else r.randint(20, 90) / 100}")
            if year < AS_OF.year:
                lines.append(f"    outcome: {{value: {r.randint(5, 30)}, note: 按期完成}}")
        if year < AS_OF.year:
            lines += ["review:", f"  member_survey: {{respondents: {r.randint(30, 120)}, mean: {r.randint(400, 500) / 100}}}",
                      f"  public_survey: {{respondents: {r.randint(40, 200)}, mean: {r.randint(380, 500) / 100}}}"]
        return "\n".join(lines) + "\n"

    def branches(self):
        """(branch number, type, [(path, yaml text)]) for each branch, needs spread evenly."""
        per, extra = divmod(self.n_needs, self.n_branches)
        for b in range(self.n_branches):
            t = TYPES[b % len(TYPES)]
            files = [(f"branches/b{b:05d}.yaml", self.branch(b, t))]
            for cat in PLATFORMS[t]:
                files.append((f"platforms/b{b:05d}-{cat}.yaml", self.platform(b, cat)))
            count = per + (1 if b < extra else 0)
            by_year: dict[int, list[tuple[str, str]]] = {2025: [], 2026: []}
            for k in range(count):
                year = 2025 if k % 2 == 0 else 2026
                by_year[year].append(self.need(b, t, k, year))
            for year, needs in by_year.items():
                files.append((f"plans/{year}/b{b:05d}.yaml", self.plan(b, t, year, [n for n, _ in needs])))
                files.append((f"needs/{year}/b{b:05d}.yaml", needs))
            yield files


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--needs", type=int, required=True, help="number of needs")
    ap.add_argument("--out", required=True, help="folder to write (created; existing files overwritten)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--layout", choices=["files", "single", "small"], default="files",
                    help="files: needs in multi-document files of ~50; single: everything in one "
                         "multi-document file; small: one file per record")
    a = ap.parse_args()
    g = Gen(a.seed, a.needs)
    out = a.out
    total = 0
    if a.layout == "single":
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "district.yaml"), "w", encoding="utf-8", newline="\n") as f:
            f.write(g.district())
            for files in g.branches():
                for _, content in files:
                    docs = [c for _, c in content] if isinstance(content, list) else [content]
                    for d in docs:
                        f.write("---\n" + d)
            total = f.tell()
    else:
        write(os.path.join(out, "district.yaml"), g.district())
        for files in g.branches():
            for path, content in files:
                if isinstance(content, list):
                    if a.layout == "small":
                        for nid, text in content:
                            write(os.path.join(out, os.path.dirname(path), path.rsplit("/", 1)[1][:-5], nid + ".yaml"), text)
                    else:
                        write(os.path.join(out, path), "---\n".join(t for _, t in content))
                else:
                    write(os.path.join(out, path), content)
    print(f"wrote {a.needs} needs, {g.n_branches} branches to {out}" + (f" ({total} bytes)" if total else ""))


if __name__ == "__main__":
    main()
