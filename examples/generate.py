#!/usr/bin/env python3
"""(Re)generate the example district under examples/.

A realistic Jing'an district (Shanghai), modelled on the article in shared/seed: five streets,
24 grassroots Party organizations of the five types, their needs ledger for 2025-2026, their
working platforms with meetings, and their yearly plans with the 2025 review.

Deterministic: a fixed random seed and a fixed "today" (AS_OF); no wall clock. It writes
the YAML text itself; the built-in model (types, categories, required platforms, limits) comes
from lib/svcorg/rules/defaults.yaml through tools/svcorg_model.py (needs PyYAML). Run from anywhere:

    python3 examples/generate.py

It deletes and rewrites examples/district.yaml and the directories branches/, needs/,
platforms/ and plans/ under examples/ (nothing else).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(os.path.dirname(HERE), "schemas")
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tools"))
import svcorg_model as model  # noqa: E402

SEED = 20151107
AS_OF = dt.date(2026, 11, 26)  # the records are "as of" this day: nothing happened after it
LAST_RECEIVED = dt.date(2026, 11, 20)
YEARS = (2025, 2026)
D = dt.date
rng = random.Random(SEED)

# The built-in model (lib/svcorg/rules/defaults.yaml), used to keep the data consistent.
RESOLVE_DAYS = model.RESOLVE_DAYS
NEGATIVE_LIST = model.NEGATIVE_LIST
TYPE_CATEGORIES = model.NEED_CATEGORIES
CADENCE_COUNT = model.CADENCE_PER_YEAR

# --------------------------------------------------------------------------------------------
# YAML writing
# --------------------------------------------------------------------------------------------

_NUMLIKE = re.compile(
    r"""^(?:[-+]?(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][-+]?\d+)?
        |[-+]?0[xob][0-9a-fA-F_]+
        |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
        |\d{4}-\d{1,2}-\d{1,2}.*
        |\d+(?::[0-5]?\d)+(?:\.\d*)?
        )$""",
    re.X,
)
_SPECIAL_WORDS = {"null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE",
                  "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
                  "y", "Y", "n", "N", "="}


class Flow:
    """A mapping or list written in flow style on one line."""

    def __init__(self, value):
        self.value = value


def scalar(v, flow=False) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        s = repr(round(v, 4))
        return s
    if isinstance(v, dt.date):
        return v.isoformat()
    assert isinstance(v, str), v
    s = v
    need = (
        s == ""
        or s in _SPECIAL_WORDS
        or _NUMLIKE.match(s) is not None
        or s[0] in "-?:,[]{}#&*!|>'\"%@` \t"
        or s[-1] in " \t:"
        or ": " in s
        or " #" in s
        or "\n" in s
        or "\t" in s
        or (flow and any(c in s for c in ",[]{}"))
    )
    return json.dumps(s, ensure_ascii=False) if need else s


def flow_text(v) -> str:
    if isinstance(v, Flow):
        v = v.value
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {flow_text(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(flow_text(x) for x in v) + "]"
    return scalar(v, flow=True)


def emit(obj, indent=0) -> list[str]:
    """Lines of a block mapping (obj is a dict)."""
    pad = " " * indent
    out = []
    for k, v in obj.items():
        if v is None:
            continue
        if isinstance(v, Flow):
            out.append(f"{pad}{k}: {flow_text(v)}")
        elif isinstance(v, dict):
            out.append(f"{pad}{k}:")
            out.extend(emit(v, indent + 2))
        elif isinstance(v, list):
            out.append(f"{pad}{k}:")
            for item in v:
                if isinstance(item, Flow):
                    out.append(f"{pad}  - {flow_text(item)}")
                elif isinstance(item, dict):
                    sub = emit(item, indent + 4)
                    sub[0] = f"{pad}  - " + sub[0].lstrip()
                    out.extend(sub)
                else:
                    out.append(f"{pad}  - {scalar(item)}")
        else:
            out.append(f"{pad}{k}: {scalar(v)}")
    return out


def write_file(rel_path: str, kind: str, records: list[dict]):
    path = os.path.join(HERE, rel_path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    schema = os.path.relpath(os.path.join(SCHEMAS, f"{kind.lower()}.schema.json"), os.path.dirname(path))
    lines = [f"# yaml-language-server: $schema={schema.replace(os.sep, '/')}"]
    for i, rec in enumerate(records):
        if i:
            lines.append("---")
        lines.extend(emit({"apiVersion": "svcorg/v1", "kind": kind, **rec}))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


# --------------------------------------------------------------------------------------------
# The district
# --------------------------------------------------------------------------------------------

DISTRICT_ID = "jingan"
STREETS = [
    ("nanjingxi", "南京西路街道"),
    ("jingansi", "静安寺街道"),
    ("jiangning", "江宁路街道"),
    ("caojiadu", "曹家渡街道"),
    ("shimenerlu", "石门二路街道"),
]
STREET_NAME = dict(STREETS)


def comp(o, p, g, c, a, m):
    return {"orientation": o, "planning": p, "organizing": g, "coordination": c,
            "adaptability": a, "communication": m}


# id, street, type, name, code (need-id prefix), secretary, certified, competencies,
# established, members, reserve cadres, extra fields, residential places, needs per year
BRANCHES = [
    # --- 南京西路街道
    dict(id="meiliyuan", street="nanjingxi", type="residential", name="美丽园居民区党总支", code="mly",
         sec="王丽华", cert=True, comp=comp(5, 5, 4, 5, 4, 5), est=D(1996, 5, 10), members=186, reserve=2,
         reps=[("陈建国", "npc-deputy"), ("刘敏", "cppcc-member")],
         places=["美丽园小区", "延安西路379弄"], n=(16, 14)),
    dict(id="zhangjiazhai", street="nanjingxi", type="residential", name="张家宅居民区党总支", code="zjz",
         sec="李卫东", cert=True, comp=comp(4, 4, 4, 4, 4, 4), est=D(1998, 3, 2), members=142, reserve=1,
         places=["张家宅新村", "威海路590弄"], n=(13, 12)),
    dict(id="nanjingxi-lianhe", street="nanjingxi", type="building", name="南京西路街道楼宇联合党委",
         code="njxlh", sec="周海燕", cert=True, comp=comp(5, 4, 4, 5, 4, 4), est=D(2008, 7, 1), members=426,
         reserve=3, units=16, n=(9, 8)),
    dict(id="jiali", street="nanjingxi", type="building", name="嘉里中心楼宇党总支", code="jl",
         sec="孙志明", cert=True, comp=comp(4, 4, 3, 4, 4, 4), est=D(2011, 6, 20), members=138, reserve=1,
         units=9, n=(7, 6)),
    dict(id="liangyou6", street="nanjingxi", type="enterprise", name="第六粮油集团党委（粮油六店）",
         code="ly6", sec="赵国强", cert=True, comp=comp(4, 4, 5, 4, 4, 5), est=D(1993, 9, 15), members=96,
         reserve=2, n=(8, 7)),
    dict(id="nanjingxi-jiguan", street="nanjingxi", type="organ", name="南京西路街道机关党支部",
         code="njxjg", sec="钱文静", cert=True, comp=comp(5, 4, 4, 4, 3, 4), est=D(2000, 4, 18), members=48,
         reserve=2, n=(5, 5)),
    # --- 静安寺街道
    dict(id="yuyuan", street="jingansi", type="residential", name="愚园居民区党总支", code="yy",
         sec="陈美玲", cert=True, comp=comp(4, 4, 4, 4, 4, 4), est=D(1997, 8, 8), members=158, reserve=1,
         places=["愚园路749弄", "愚园新村"], n=(13, 12)),
    dict(id="huashan", street="jingansi", type="residential", name="华山居民区党总支", code="hs",
         sec="黄建华", cert=True, comp=comp(4, 5, 4, 4, 3, 4), est=D(1999, 11, 3), members=131, reserve=2,
         reps=[("吴佩芳", "cppcc-member")], places=["华山路228弄", "华山公寓"], n=(12, 11)),
    dict(id="laonian-yiyuan", street="jingansi", type="social-service", name="静安区老年医院党总支",
         code="lnyy", sec="徐晓红", cert=True, comp=comp(5, 4, 5, 4, 5, 5), est=D(1995, 1, 12), members=112,
         reserve=3, functions=["medical"], reps=[("郑丽萍", "npc-deputy")], n=(10, 9)),
    dict(id="jiuguang", street="jingansi", type="enterprise", name="久光百货党支部", code="jg",
         sec="马俊", cert=False, comp=comp(4, 3, 4, 3, 3, 4), est=D(2005, 10, 9), members=58, reserve=0,
         n=(6, 6)),
    dict(id="qu-fangguanju", street="jingansi", type="organ", name="区房管局机关党委", code="fgj",
         sec="朱伟民", cert=True, comp=comp(5, 4, 4, 4, 4, 4), est=D(1992, 6, 30), members=76, reserve=2,
         n=(6, 5)),
    # --- 江宁路街道
    dict(id="xinde", street="jiangning", type="residential", name="新德居民区党总支", code="xd",
         sec="胡秀英", cert=True, comp=comp(5, 5, 5, 5, 4, 5), est=D(1994, 2, 21), members=203, reserve=2,
         reps=[("沈志刚", "party-congress-deputy")], places=["新德小区", "康定东路"], n=(15, 14)),
    dict(id="xinfukangli", street="jiangning", type="residential", name="新福康里居民区党总支", code="xfkl",
         sec="林国华", cert=True, comp=comp(4, 4, 4, 3, 4, 4), est=D(1998, 12, 1), members=117, reserve=1,
         places=["新福康里", "新闸路1136弄"], n=(12, 11)),
    dict(id="kangding", street="jiangning", type="residential", name="康定居民区党支部", code="kd",
         sec="何静", cert=False, comp=comp(4, 3, 3, 3, 2, 3), est=D(2001, 5, 16), members=84, reserve=1,
         places=["康定路1019弄", "余姚路小区"], n=(10, 10)),
    dict(id="jiangning-shiwu", street="jiangning", type="social-service",
         name="江宁路街道社区事务受理服务中心党支部", code="jnsw", sec="高玉兰", cert=True,
         comp=comp(4, 4, 4, 4, 4, 4), est=D(2006, 3, 1), members=31, reserve=1,
         functions=["social-security", "other"], n=(8, 7)),
    dict(id="jiangning-louyu", street="jiangning", type="building", name="江宁路街道楼宇联合党总支",
         code="jnly", sec="郭明", cert=True, comp=comp(4, 3, 4, 3, 3, 4), est=D(2012, 9, 10), members=92,
         reserve=0, units=7, n=(6, 5)),
    # --- 曹家渡街道
    dict(id="wanhangdu", street="caojiadu", type="residential", name="万航渡居民区党总支", code="whd",
         sec="罗春梅", cert=True, comp=comp(4, 4, 5, 4, 4, 4), est=D(1996, 10, 25), members=149, reserve=2,
         places=["万航渡路767弄", "武宁南路小区"], n=(13, 12)),
    dict(id="xikang", street="caojiadu", type="residential", name="西康居民区党支部", code="xk",
         sec="梁志勇", cert=False, comp=comp(4, 3, 4, 4, 3, 3), est=D(2003, 7, 7), members=96, reserve=1,
         places=["西康路1201弄", "长寿新村"], n=(11, 10)),
    dict(id="caojiadu-huanwei", street="caojiadu", type="social-service", name="区环境卫生管理所党支部",
         code="cjdhw", sec="宋建军", cert=True, comp=comp(4, 4, 4, 4, 4, 3), est=D(1991, 4, 1), members=64,
         reserve=1, functions=["sanitation"], n=(8, 7)),
    dict(id="qu-chengguan", street="caojiadu", type="social-service", name="区城管执法大队党总支",
         code="cgdd", sec="唐晓东", cert=True, comp=comp(5, 4, 4, 4, 4, 4), est=D(2005, 8, 1), members=88,
         reserve=2, functions=["city-management"], n=(8, 7)),
    dict(id="jingan-zhiye", street="caojiadu", type="enterprise", name="静安置业集团党委", code="jazy",
         sec="韩冬梅", cert=True, comp=comp(4, 4, 4, 3, 3, 2), est=D(1994, 12, 8), members=173, reserve=3,
         n=(7, 6)),
    # --- 石门二路街道
    dict(id="jinghua", street="shimenerlu", type="residential", name="景华居民区党总支", code="jh",
         sec="冯丽娟", cert=True, comp=comp(4, 4, 3, 4, 4, 4), est=D(1997, 4, 23), members=121, reserve=1,
         places=["景华新村", "新闸路"], n=(12, 11)),
    dict(id="yucai-school", street="shimenerlu", type="social-service", name="育才初级中学党支部",
         code="ycz", sec="邓文华", cert=True, comp=comp(5, 4, 4, 4, 4, 5), est=D(1989, 9, 1), members=42,
         reserve=1, functions=["education"], n=(7, 6)),
    dict(id="qu-jiaoyuju", street="shimenerlu", type="organ", name="区教育局机关党委", code="jyj",
         sec="曹振华", cert=True, comp=comp(5, 5, 4, 4, 4, 4), est=D(1990, 3, 15), members=62, reserve=2,
         n=(5, 5)),
]
BRANCH = {b["id"]: b for b in BRANCHES}

# --------------------------------------------------------------------------------------------
# Platforms
# --------------------------------------------------------------------------------------------
# (id, name, owner, level, category, cadence, established, participants, budget, attendees range,
#  shortfall {year: meetings missed}, meeting notes)
RES_NJX = ["meiliyuan", "zhangjiazhai"]
PLATFORMS = [
    # Superior platforms of the streets: the street calls city management, sanitation and housing
    # offices to regular meetings with the community secretaries (article 3.3a).
    dict(id="njx-shuji-xinxihui", name="南京西路街道居民区书记信息交流会", owner="nanjingxi",
         level="superior", category="information", cadence="monthly", est=D(2013, 3, 1),
         participants=RES_NJX + ["nanjingxi-jiguan", "街道城管中队", "街道房管办", "区环卫所南西作业组"],
         budget=30000, att=(12, 20),
         notes=["通报本月居民区需求台账", "城管、房管、环卫部门现场答复居民区问题", "梳理跨居民区共性需求"]),
    dict(id="njx-zutuan-fuwu", name="南京西路街道项目化组团式服务平台", owner="nanjingxi",
         level="superior", category="liaison", cadence="monthly", est=D(2012, 6, 1),
         participants=RES_NJX + ["nanjingxi-lianhe", "jiali", "nanjingxi-jiguan", "街道服务办"],
         budget=200000, att=(10, 18),
         notes=["服务项目立项协商", "组团服务项目进度通报", "项目化服务成效评估"]),
    dict(id="njx-dangjian-zhongxin", name="南京西路街道党建服务中心志愿服务站", owner="nanjingxi",
         level="service-center", category="participation", cadence="monthly", est=D(2010, 7, 1),
         participants=RES_NJX + ["liangyou6", "nanjingxi-lianhe"], budget=80000, att=(20, 45),
         notes=["党员志愿者为老服务日", "楼宇白领志愿服务对接", "学雷锋主题志愿服务"]),
    dict(id="jas-shuji-xinxihui", name="静安寺街道居民区书记工作例会", owner="jingansi",
         level="superior", category="information", cadence="monthly", est=D(2012, 1, 1),
         participants=["yuyuan", "huashan", "laonian-yiyuan", "街道城管中队", "街道房管办"],
         budget=25000, att=(10, 16), notes=["通报需求台账办理情况", "部门答复居民区提出的问题"]),
    dict(id="jas-lianxi-huiyi", name="静安寺街道社区共治联席会议", owner="jingansi",
         level="superior", category="coordination", cadence="monthly", est=D(2014, 5, 1),
         participants=["yuyuan", "huashan", "laonian-yiyuan", "jiuguang", "区绿化市容局", "静安寺派出所"],
         budget=60000, att=(12, 22), notes=["协调解决跨单位民生难题", "辖区单位资源共享对接"]),
    dict(id="jn-shuji-xinxihui", name="江宁路街道需求信息交流会", owner="jiangning",
         level="superior", category="information", cadence="monthly", est=D(2013, 9, 1),
         participants=["xinde", "xinfukangli", "kangding", "jiangning-shiwu", "街道房管办", "街道城管中队"],
         budget=25000, att=(10, 18), notes=["梳理居民区需求台账", "部门现场认领需求"]),
    dict(id="jn-zhiyuan-zhongxin", name="江宁路街道党员服务中心志愿服务平台", owner="jiangning",
         level="service-center", category="participation", cadence="monthly", est=D(2025, 3, 1),
         participants=["xinde", "xinfukangli", "kangding"], budget=50000, att=(18, 40),
         notes=["党员志愿者结对帮困", "为老助餐志愿服务", "社区环境整治志愿行动"]),
    dict(id="cjd-shuji-xinxihui", name="曹家渡街道居民区书记信息交流会", owner="caojiadu",
         level="superior", category="information", cadence="monthly", est=D(2013, 2, 1),
         participants=["wanhangdu", "xikang", "caojiadu-huanwei", "qu-chengguan", "街道房管办"],
         budget=25000, att=(10, 16), notes=["通报需求办理进度", "环卫、城管部门答复居民区问题"]),
    dict(id="cjd-lianxi-huiyi", name="曹家渡街道区域化党建联席会议", owner="caojiadu",
         level="superior", category="coordination", cadence="quarterly", est=D(2011, 10, 1),
         participants=["wanhangdu", "xikang", "caojiadu-huanwei", "qu-chengguan", "jingan-zhiye"],
         budget=40000, att=(14, 24), notes=["区域化党建项目认领", "共建单位资源清单更新"]),
    dict(id="smel-xinxi-xietiao", name="石门二路街道信息交流协调会", owner="shimenerlu",
         level="superior", category="information", cadence="monthly", est=D(2014, 1, 1),
         participants=["jinghua", "yucai-school", "qu-jiaoyuju", "街道城管中队", "街道房管办"],
         budget=20000, att=(8, 14), notes=["通报需求台账", "协调学校周边环境问题"]),
    # District-level platforms.
    dict(id="qu-dangyuan-fuwu-zhongxin", name="静安区党员服务中心服务咨询与志愿服务平台", owner="jingan",
         level="service-center", category="participation", cadence="quarterly", est=D(2009, 12, 1),
         participants=["yuyuan", "huashan", "wanhangdu", "xikang", "jinghua", "jiuguang", "jingan-zhiye"],
         budget=300000, att=(30, 60), notes=["基层党组织服务项目咨询", "党员志愿服务项目发布", "社会服务中介对接"]),
    dict(id="qu-shehui-fuwu-goutong", name="区社会服务单位党组织沟通平台", owner="jingan",
         level="superior", category="liaison", cadence="quarterly", est=D(2013, 4, 1),
         participants=["laonian-yiyuan", "jiangning-shiwu", "caojiadu-huanwei", "qu-chengguan", "yucai-school",
                       "区卫健委", "区绿化市容局"],
         budget=50000, att=(12, 20), notes=["社会服务单位服务质量通报", "行风建设与群众满意度沟通"]),
    dict(id="qu-louyu-lianxi", name="区楼宇党组织与楼宇管理部门联系平台", owner="jingan",
         level="superior", category="liaison", cadence="quarterly", est=D(2012, 3, 1),
         participants=["nanjingxi-lianhe", "jiali", "jiangning-louyu", "区投资促进办", "区商务委"],
         budget=60000, att=(10, 18), notes=["楼宇企业政策宣讲", "楼宇营商环境问题沟通"]),
    dict(id="qu-jiguan-lianxi", name="区机关党建联席会", owner="jingan",
         level="superior", category="liaison", cadence="quarterly", est=D(2010, 5, 1),
         participants=["nanjingxi-jiguan", "qu-fangguanju", "qu-jiaoyuju", "区委组织部"],
         budget=20000, att=(8, 14), notes=["机关服务基层情况交流", "机关作风建设通报"]),
    dict(id="qu-qiye-xinxi", name="区企业党建信息通报会", owner="jingan",
         level="superior", category="information", cadence="quarterly", est=D(2014, 2, 1),
         participants=["liangyou6", "jiuguang", "jingan-zhiye", "区国资委"],
         budget=20000, att=(8, 15), notes=["企业经营与职工诉求通报", "企业党建经验交流"]),
    # Horizontal platforms led by grassroots heads (article 3.3b).
    dict(id="mly-tongxin-jiayuan", name="美丽园“同心家园”人大代表联系平台", owner="meiliyuan",
         level="horizontal", category="coordination", cadence="monthly", est=D(2013, 6, 1),
         participants=["区人大代表联络站", "街道房管办", "美丽园业委会"], budget=30000, att=(15, 30),
         notes=["人大代表接待居民", "加装电梯协调会", "小区综合治理议事"]),
    dict(id="xd-qisuo-basuo", name="新德居民区“七所八所”联席会议", owner="xinde",
         level="horizontal", category="coordination", cadence="monthly", est=D(2012, 4, 1),
         participants=["街道房管办", "街道城管中队", "江宁路派出所", "街道社区卫生服务中心", "区环卫所"],
         budget=24000, att=(12, 20), notes=["七所八所联合会诊民生大事", "旧住房修缮协调", "综合治理协调"]),
    dict(id="njxlh-lianxi-huiyi", name="南京西路街道楼宇党建联席会议", owner="nanjingxi-lianhe",
         level="horizontal", category="coordination", cadence="monthly", est=D(2009, 3, 1),
         participants=["jiali", "楼宇物业管理处", "区商务委"], budget=80000, att=(15, 28),
         notes=["楼宇企业需求会商", "楼宇共建项目协调", "白领服务资源共享"]),
    dict(id="hs-liangdai-yiwei", name="华山居民区“两代表一委员”联系制度", owner="huashan",
         level="horizontal", category="liaison", cadence="quarterly", est=D(2014, 9, 1),
         participants=["区人大代表联络站", "区政协委员工作室"], budget=10000, att=(10, 18),
         notes=["代表委员接待居民", "代表委员调研社区难题"]),
    # Grassroots platforms of the branches.
    dict(id="zjz-yishihui", name="张家宅居民区居民议事会", owner="zhangjiazhai",
         level="grassroots", category="coordination", cadence="monthly", est=D(2010, 5, 1),
         participants=["张家宅居委会", "物业公司", "业委会"], budget=8000, att=(12, 25),
         notes=["议定小区公共事务", "协调停车管理"]),
    dict(id="xfkl-yishihui", name="新福康里居民区“三会”议事制度", owner="xinfukangli",
         level="grassroots", category="coordination", cadence="quarterly", est=D(2011, 3, 1),
         participants=["新福康里居委会", "物业公司", "业委会"], budget=6000, att=(14, 24),
         notes=["听证会", "协调会", "评议会"]),
    dict(id="jh-yishihui", name="景华居民区协商议事会", owner="jinghua",
         level="grassroots", category="coordination", cadence="monthly", est=D(2015, 1, 1),
         participants=["景华居委会", "物业公司"], budget=5000, att=(10, 18),
         shortfall={2025: 3}, notes=["议定小区公共事务", "协调邻里矛盾"]),
    dict(id="lnyy-wnwnzsm", name="区老年医院“我能为您做什么”患者需求收集制度", owner="laonian-yiyuan",
         level="grassroots", category="information", cadence="monthly", est=D(2013, 5, 1),
         budget=20000, att=(15, 30), notes=["病区需求收集分析", "患者及家属座谈", "医患沟通案例分析"]),
    dict(id="njxlh-xinxi", name="南京西路楼宇白领需求调查与分析会", owner="nanjingxi-lianhe",
         level="grassroots", category="information", cadence="quarterly", est=D(2014, 3, 1),
         budget=15000, att=(8, 15), notes=["白领需求问卷分析", "楼宇企业走访情况汇总"]),
    dict(id="jnly-xieshang", name="江宁路楼宇企业协商会", owner="jiangning-louyu",
         level="grassroots", category="coordination", cadence="quarterly", est=D(2016, 1, 1),
         participants=["楼宇物业管理处", "入驻企业代表"], budget=10000, att=(8, 14),
         shortfall={2025: 2, 2026: 2}, notes=["楼宇企业需求会商"]),
    dict(id="ly6-dapengche", name="第六粮油“大篷车”下基层便民服务", owner="liangyou6",
         level="grassroots", category="participation", cadence="biweekly", est=D(2008, 4, 1),
         participants=["meiliyuan", "zhangjiazhai"], budget=120000, att=(6, 12),
         notes=["大篷车进社区便民供应", "为高龄老人送货上门", "节前惠民供应"]),
    dict(id="njxjg-lianxi-jiceng", name="南京西路街道机关干部联系居民区制度", owner="nanjingxi-jiguan",
         level="grassroots", category="information", cadence="monthly", est=D(2011, 1, 1),
         participants=RES_NJX, budget=5000, att=(10, 20), notes=["机关干部下沉居民区走访", "走访情况汇总分析"]),
    dict(id="fgj-xinfang-jiedai", name="区房管局领导信访接待日", owner="qu-fangguanju",
         level="grassroots", category="information", cadence="monthly", est=D(2008, 1, 1),
         budget=5000, att=(6, 12), notes=["局领导接待来访群众", "信访件办理情况分析"]),
    dict(id="jyj-xinxi-tongbao", name="区教育局基层需求信息通报会", owner="qu-jiaoyuju",
         level="grassroots", category="information", cadence="quarterly", est=D(2012, 9, 1),
         budget=5000, att=(10, 20), notes=["学校需求汇总通报", "家长来信来访分析"]),
    dict(id="zhiye-zhigong-zhiyuan", name="静安置业集团职工志愿服务队", owner="jingan-zhiye",
         level="grassroots", category="participation", cadence="monthly", est=D(2012, 3, 5),
         budget=30000, att=(15, 35), notes=["职工志愿者进社区", "结对帮困"]),
]
PLATFORM = {p["id"]: p for p in PLATFORMS}


def platforms_of(branch_id):
    return [p for p in PLATFORMS if p["owner"] == branch_id or branch_id in p.get("participants", [])]


def days_in_year(y):
    return 366 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 365


def window(p, year):
    start = max(D(year, 1, 1), p["est"])
    end = min(AS_OF, D(year, 12, 31))
    return start, end


def expected(p, year):
    start, end = window(p, year)
    if start > end:
        return None
    return CADENCE_COUNT[p["cadence"]] * ((end - start).days + 1) / days_in_year(year)


def weekday_on_or_after(d, weekday):
    return d + dt.timedelta(days=(weekday - d.weekday()) % 7)


def make_meetings(p):
    """Meeting dates following the cadence from the start of 2025 up to AS_OF."""
    cad = p["cadence"]
    wd = rng.choice([0, 1, 2, 3])  # a fixed working day of the week
    dates = []
    for year in YEARS:
        last_month = 12 if year < AS_OF.year else AS_OF.month
        if cad in ("weekly", "biweekly"):
            step = 7 if cad == "weekly" else 14
            d = weekday_on_or_after(D(year, 1, 5), wd)
            while d.year == year and d <= AS_OF:
                dates.append(d)
                d += dt.timedelta(days=step)
            continue
        months = {
            "monthly": list(range(1, last_month + 1)),
            "quarterly": [3, 6, 9, 12] if year < AS_OF.year else [3, 6, 9, 11],
            "half-yearly": [6, 12] if year < AS_OF.year else [6, 11],
            "yearly": [11],
        }[cad]
        for m in months:
            # the n-th working day of the week of the month, n in 1..3
            first = weekday_on_or_after(D(year, m, 1), wd)
            d = first + dt.timedelta(days=7 * rng.choice([1, 1, 2, 2, 0]))
            if (m == 2 and year == 2025 and d < D(2025, 2, 6)) or (m == 2 and year == 2026 and d < D(2026, 2, 24)):
                d = weekday_on_or_after(D(year, 2, 24) if year == 2026 else D(2025, 2, 10), wd)  # Spring Festival
            if d > AS_OF - dt.timedelta(days=3):
                d = first if first <= AS_OF - dt.timedelta(days=3) else D(year, m, 3)
            dates.append(d)
    dates = [d for d in dates if d >= p["est"] and d <= AS_OF]
    # Missed meetings (realistic shortfalls), then top up so that every other year meets its cadence.
    for year, missed in p.get("shortfall", {}).items():
        in_year = [d for d in dates if d.year == year]
        for d in rng.sample(in_year[1:-1], missed):
            dates.remove(d)
    for year in YEARS:
        exp = expected(p, year)
        if exp is None or year in p.get("shortfall", {}):
            continue
        start, end = window(p, year)
        while sum(1 for d in dates if start <= d <= end) < exp:
            extra = end - dt.timedelta(days=rng.randint(1, 5))
            while extra in dates:
                extra -= dt.timedelta(days=1)
            dates.append(extra)
    return [{"date": d, "attendees": rng.randint(*p["att"]), "needs": [], "note": None} for d in sorted(dates)]


for _p in PLATFORMS:
    _p["meetings"] = make_meetings(_p)

# --------------------------------------------------------------------------------------------
# Needs
# --------------------------------------------------------------------------------------------
# Templates: (category, summary, disposal, relayed_to, layer, scope, flags). {loc} is replaced by
# a place of a residential branch. flags: "hard" (long, may stall), "ps"/"ov" impact.
S, R, M = "solve", "relay", "mobilize"
T_RES = [
    ("elderly-care", "{loc}独居高龄老人申请助餐送餐服务", S, None, "branch", "individual", ""),
    ("elderly-care", "{loc}居民提出加装电梯意愿征询与协调", R, "街道房管办", "street", "group", "hard ov"),
    ("elderly-care", "失能老人家属申请长护险评估及喘息服务", R, "街道社区事务受理服务中心", "street", "individual", ""),
    ("elderly-care", "社区长者食堂希望增加晚餐供应", M, None, "branch", "group", ""),
    ("elderly-care", "老年居民希望开设智能手机使用培训", M, None, "branch", "group", ""),
    ("elderly-care", "{loc}老人反映楼道缺少扶手，上下楼不便", R, "街道房管办", "street", "group", ""),
    ("housing", "{loc}顶层住户反映屋顶渗漏", R, "街道房管办", "street", "individual", ""),
    ("housing", "{loc}楼道水管老化渗漏", S, None, "branch", "group", ""),
    ("housing", "{loc}外墙面砖松动，存在坠落隐患", R, "区房管局", "district", "area", "ps"),
    ("housing", "{loc}二次供水水箱清洗及水质咨询", R, "区水务局", "street", "group", ""),
    ("housing", "{loc}公共部位修缮进度咨询", S, None, "branch", "group", ""),
    ("housing", "{loc}旧住房成套改造意愿征询与政策咨询", R, "区房管局", "district", "group", "hard ov"),
    ("environment", "{loc}垃圾箱房异味扰民", R, "区绿化市容局", "street", "group", ""),
    ("environment", "{loc}树木遮挡低层住户采光，申请修剪", R, "区绿化市容局", "street", "group", ""),
    ("environment", "{loc}楼道堆物清理", M, None, "branch", "group", ""),
    ("environment", "沿街餐饮店油烟扰民", R, "街道城管中队", "street", "area", "ps"),
    ("environment", "{loc}门口共享单车乱停放", R, "街道城管中队", "street", "area", ""),
    ("environment", "{loc}雨后路面积水", R, "区建管委", "district", "area", ""),
    ("public-safety", "{loc}电动自行车楼道充电存在火灾隐患", M, None, "branch", "group", "ps"),
    ("public-safety", "{loc}门禁系统损坏", S, None, "branch", "group", ""),
    ("public-safety", "{loc}消防通道被占用", R, "街道城管中队", "street", "area", ""),
    ("public-safety", "{loc}高空抛物隐患，申请加装监控探头", R, "街道平安办", "street", "area", ""),
    ("public-safety", "{loc}附近路口夜间照明不足", R, "区绿化市容局", "street", "area", ""),
    ("dispute", "{loc}上下楼邻里漏水纠纷", S, None, "branch", "individual", ""),
    ("dispute", "{loc}装修噪声引发邻里矛盾", S, None, "branch", "individual", ""),
    ("dispute", "小区停车位分配矛盾", M, None, "branch", "group", "ps"),
    ("dispute", "业委会与物业服务企业矛盾调处", R, "街道房管办", "street", "group", "ps"),
    ("dispute", "{loc}饲养宠物扰民纠纷", S, None, "branch", "individual", ""),
    ("employment", "失业居民再就业咨询与岗位推荐", R, "街道社区事务受理服务中心", "street", "individual", ""),
    ("employment", "大龄就业困难人员申请技能培训", R, "区人社局", "district", "individual", ""),
    ("employment", "应届毕业生居民寻求见习岗位", M, None, "branch", "individual", ""),
    ("health", "老年居民家庭医生签约咨询", R, "街道社区卫生服务中心", "street", "individual", ""),
    ("health", "慢性病患者配药不便，希望开具长处方", R, "街道社区卫生服务中心", "street", "group", ""),
    ("health", "独居老人心理疏导需求", M, None, "branch", "individual", ""),
    ("health", "居民希望开展健康讲座和义诊", M, None, "branch", "group", ""),
    ("culture", "老年活动室希望延长开放时间", S, None, "branch", "group", ""),
    ("culture", "暑期少儿爱心暑托班报名需求", M, None, "branch", "group", ""),
    ("culture", "社区合唱团排练场地不足", S, None, "branch", "group", ""),
    ("culture", "居民希望更新社区图书角", M, None, "branch", "group", ""),
    ("community-affairs", "小区停车收费标准议定", S, None, "branch", "group", ""),
    ("community-affairs", "业委会换届选举组织", S, None, "branch", "group", ""),
    ("community-affairs", "物业费调价协商", M, None, "branch", "group", "ps"),
    ("community-affairs", "居民希望加装智能快递柜", M, None, "branch", "group", ""),
    ("community-affairs", "{loc}非机动车棚改造及充电桩设置", R, "街道房管办", "street", "group", ""),
    ("member-service", "困难党员生活帮扶", S, None, "branch", "individual", ""),
    ("member-service", "高龄老党员希望送学上门", S, None, "branch", "individual", ""),
    ("member-service", "流动党员组织关系转接咨询", R, "街道党建服务中心", "street", "individual", ""),
    ("member-service", "病困党员希望结对慰问", S, None, "branch", "individual", ""),
    ("member-service", "在职党员希望认领社区志愿服务岗位", M, None, "branch", "group", ""),
    ("member-service", "老党员希望开展专题学习辅导", S, None, "branch", "group", ""),
    ("other", "居民咨询户籍迁移办理事项", R, "街道社区事务受理服务中心", "street", "individual", ""),
]
T_SS = {
    "medical": [
        ("service-quality", "住院老人家属反映护工服务态度需改进", S, None, "branch", "individual", ""),
        ("service-quality", "门诊候诊时间过长", S, None, "branch", "group", ""),
        ("service-access", "老年患者不会使用自助挂号机，希望保留人工窗口", S, None, "branch", "group", ""),
        ("service-access", "行动不便老人希望医院提供上门巡诊", M, None, "branch", "group", ""),
        ("service-access", "患者希望开通与三级医院的双向转诊绿色通道", R, "区卫健委", "district", "group", ""),
        ("complaint", "患者家属对住院费用明细有异议", S, None, "branch", "individual", "ps"),
        ("complaint", "医疗纠纷投诉调解", R, "区医患纠纷人民调解委员会", "district", "individual", "ps hard"),
        ("staff-welfare", "护士反映夜班休息条件差", S, None, "branch", "group", ""),
        ("staff-welfare", "青年医护人员子女暑期托管需求", M, None, "branch", "group", ""),
        ("outreach", "居民区希望医院进社区开展义诊", M, None, "branch", "group", ""),
        ("outreach", "养老机构申请定期巡诊", S, None, "branch", "group", ""),
    ],
    "social-security": [
        ("service-quality", "办事窗口排队时间长", S, None, "branch", "group", ""),
        ("service-quality", "窗口人员政策解释口径不一致", S, None, "branch", "group", ""),
        ("service-access", "长护险评估预约周期长", R, "区医保局", "district", "group", ""),
        ("service-access", "异地就医备案办理咨询", S, None, "branch", "individual", ""),
        ("service-access", "行动不便居民申请上门代办服务", M, None, "branch", "individual", ""),
        ("complaint", "群众投诉办事材料未一次告知", S, None, "branch", "individual", "ps"),
        ("staff-welfare", "窗口人员午间轮休安排", S, None, "branch", "group", ""),
        ("outreach", "居民区希望开展社保政策宣讲", M, None, "branch", "group", ""),
    ],
    "sanitation": [
        ("service-quality", "支马路道路保洁频次不足", S, None, "branch", "area", ""),
        ("service-quality", "垃圾清运车作业时滴漏污水", S, None, "branch", "area", ""),
        ("service-access", "居民区大件垃圾预约清运", S, None, "branch", "group", ""),
        ("complaint", "凌晨垃圾清运作业噪声扰民", S, None, "branch", "group", "ps"),
        ("staff-welfare", "一线环卫工人夏季休息点不足", R, "区绿化市容局", "district", "group", ""),
        ("staff-welfare", "外来环卫工人子女入学咨询", R, "区教育局", "district", "individual", ""),
        ("outreach", "居民区希望开展垃圾分类宣传指导", M, None, "branch", "group", ""),
    ],
    "city-management": [
        ("service-quality", "执法文书送达规范性有待提升", S, None, "branch", "group", ""),
        ("complaint", "沿街商铺占道经营投诉", S, None, "branch", "area", "ps"),
        ("complaint", "夜间工地施工噪声投诉", R, "区生态环境局", "district", "area", ""),
        ("service-access", "商户咨询店招店牌设置要求", S, None, "branch", "individual", ""),
        ("staff-welfare", "执法队员高温执勤保障", S, None, "branch", "group", ""),
        ("outreach", "城管进社区普法宣传", M, None, "branch", "group", ""),
    ],
    "education": [
        ("service-quality", "家长反映学生午餐质量", S, None, "branch", "group", ""),
        ("service-quality", "课后服务内容单一", S, None, "branch", "group", ""),
        ("service-access", "家长希望延长课后服务时间", S, None, "branch", "group", ""),
        ("service-access", "随迁子女入学政策咨询", R, "区教育局", "district", "individual", ""),
        ("complaint", "校门口上下学时段交通拥堵", R, "静安交警支队", "street", "area", ""),
        ("staff-welfare", "青年教师住房困难", R, "区人才服务中心", "district", "individual", ""),
        ("staff-welfare", "教师反映非教学任务负担过重", S, None, "branch", "group", ""),
        ("outreach", "学校体育场地向社区开放", M, None, "branch", "area", ""),
    ],
    "other": [
        ("service-access", "老年人办理业务不会使用线上预约", M, None, "branch", "group", ""),
    ],
}
T_BLD = [
    ("workspace-environment", "楼宇白领午间就餐难", M, None, "branch", "group", ""),
    ("workspace-environment", "写字楼电梯早高峰拥堵", R, "楼宇物业管理处", "branch", "group", ""),
    ("workspace-environment", "楼宇周边非机动车停放点不足", R, "街道城管中队", "street", "area", ""),
    ("workspace-environment", "楼宇周边道路施工影响通行", R, "区建管委", "district", "area", ""),
    ("policy-consultation", "中小企业扶持政策解读", R, "区投资促进办", "district", "group", ""),
    ("policy-consultation", "企业租金补贴申报咨询", R, "区商务委", "district", "individual", ""),
    ("policy-consultation", "高新技术企业认定咨询", R, "区科委", "district", "individual", ""),
    ("talent", "青年白领申请人才公寓", R, "区人才服务中心", "district", "individual", ""),
    ("talent", "外籍人才工作许可办理咨询", R, "区人才服务中心", "district", "individual", ""),
    ("talent", "白领职业技能培训需求", M, None, "branch", "group", ""),
    ("employee-welfare", "白领健康讲座与体检需求", M, None, "branch", "group", ""),
    ("employee-welfare", "楼宇母婴室建设", S, None, "branch", "group", ""),
    ("employee-welfare", "白领子女暑期托管需求", M, None, "branch", "group", ""),
    ("business-networking", "楼宇企业资源对接需求", S, None, "branch", "group", ""),
    ("business-networking", "中小企业融资对接需求", R, "区金融办", "district", "group", ""),
    ("member-service", "楼宇流动党员组织关系接转", S, None, "branch", "individual", ""),
    ("member-service", "青年白领咨询入党申请程序", S, None, "branch", "individual", ""),
    ("member-service", "白领党员希望开展主题党日联建活动", M, None, "branch", "group", ""),
]
T_ENT = [
    ("business-development", "门店数字化转型需求", S, None, "branch", "group", ""),
    ("business-development", "社区便民服务网点拓展", M, None, "branch", "area", ""),
    ("business-development", "线上销售渠道建设", S, None, "branch", "group", ""),
    ("competitiveness", "一线员工技能比武", S, None, "branch", "group", ""),
    ("competitiveness", "供应链成本压降", S, None, "branch", "group", ""),
    ("competitiveness", "服务标准提升需求", S, None, "branch", "group", ""),
    ("employee-welfare", "一线职工高温慰问", S, None, "branch", "group", ""),
    ("employee-welfare", "职工食堂伙食改善", S, None, "branch", "group", ""),
    ("employee-welfare", "困难职工帮扶申请", R, "区总工会", "district", "individual", ""),
    ("workplace-safety", "仓储消防安全隐患整改", S, None, "branch", "group", ""),
    ("workplace-safety", "节假日客流高峰安全保障", R, "静安寺派出所", "street", "area", ""),
    ("innovation", "职工合理化建议征集落实", S, None, "branch", "group", ""),
    ("innovation", "党员创新工作室项目申报", R, "区国资委", "district", "group", ""),
    ("member-service", "青年职工咨询入党申请程序", S, None, "branch", "individual", ""),
    ("member-service", "退休老党员组织关系转接社区", R, "街道党建服务中心", "street", "individual", ""),
    ("member-service", "一线党员职工希望开展岗位建功活动", S, None, "branch", "group", ""),
]
T_LY6 = [
    ("business-development", "居民希望粮油“大篷车”增加社区停靠点", M, None, "branch", "area", "ps"),
    ("business-development", "高龄老人希望“大篷车”提供送货上门", S, None, "branch", "individual", ""),
]
T_ORG = [
    ("duty-performance", "审批事项办理时限压缩", S, None, "branch", "group", ""),
    ("duty-performance", "信访积案化解", R, "区信访办", "district", "individual", "hard"),
    ("duty-performance", "基层反映政策执行口径不一", S, None, "branch", "group", ""),
    ("public-service", "“一网通办”操作咨询", S, None, "branch", "individual", ""),
    ("public-service", "窗口延时服务需求", S, None, "branch", "group", ""),
    ("public-service", "政策宣传进社区", M, None, "branch", "area", ""),
    ("cadre-development", "青年干部轮岗交流需求", R, "区委组织部", "district", "group", ""),
    ("cadre-development", "干部业务能力培训", S, None, "branch", "group", ""),
    ("work-style", "基层反映会议和报表过多", S, None, "branch", "group", ""),
    ("work-style", "机关干部调研下沉不够", S, None, "branch", "group", ""),
    ("member-service", "青年干部咨询入党申请程序", S, None, "branch", "individual", ""),
    ("member-service", "退休干部党员希望参加组织生活", S, None, "branch", "group", ""),
]
T_FGJ = [("public-service", "老旧住房修缮计划咨询", S, None, "branch", "group", ""),
         ("duty-performance", "直管公房租赁问题信访", S, None, "branch", "individual", "ps")]
T_JYJ = [("public-service", "学区划分政策咨询", S, None, "branch", "group", "ps")]

CHANNELS = ["member-contact", "reception", "social-group", "hotline", "online", "survey", "meeting", "visit"]
CH_W = {
    "residential": [30, 15, 8, 12, 8, 5, 10, 12],
    "social-service": [10, 25, 5, 20, 15, 10, 8, 7],
    "building": [20, 5, 15, 5, 15, 20, 15, 5],
    "enterprise": [25, 5, 5, 8, 12, 15, 25, 5],
    "organ": [15, 20, 3, 8, 12, 12, 20, 10],
}
DECLINE_REASONS = [
    "属私人产权纠纷，已引导当事人通过司法途径解决",
    "经现场核实，反映情况与事实不符",
    "诉求超出现行政策规定范围，已做好解释工作",
    "不属于本单位职责范围，已告知对口受理部门",
    "当事人已撤回诉求",
]
PROGRESS_NOTES = ["已上门走访了解情况", "已联系相关部门现场查看", "方案已与居民沟通确认", "施工队已进场",
                  "等待材料到货", "已召开协调会", "已提交街道协调"]
RELAY_NOTES = ["已转{dept}办理", "已将需求信息传递至{dept}"]
HARD_NOTES = {
    "works": ["部分居民意见不一致，继续做协调工作", "资金方案待审批", "已纳入年度实事项目，等待施工排期",
              "已多次召开协调会，仍有分歧", "等待相关部门答复", "已请人大代表参与协调"],
    "conflict": ["已组织双方调解，尚未达成一致", "已邀请律师参与调解", "已召开听证会听取各方意见",
                 "当事人提出新的诉求，继续协调", "等待相关部门答复"],
}


def templates_for(b):
    t = b["type"]
    if t == "residential":
        return T_RES
    if t == "social-service":
        out = []
        for f in b["functions"]:
            out += T_SS[f]
        out += [("member-service", "青年职工咨询入党申请程序", S, None, "branch", "individual", ""),
                ("member-service", "困难党员职工帮扶", S, None, "branch", "individual", ""),
                ("member-service", "党员职工希望开展业务与党建融合学习", S, None, "branch", "group", ""),
                ("member-service", "入党积极分子希望参加培训", R, "区委党校", "district", "individual", "")]
        return out
    if t == "building":
        return T_BLD
    if t == "enterprise":
        return T_ENT + (T_LY6 * 3 if b["id"] == "liangyou6" else [])
    return T_ORG + {"qu-fangguanju": T_FGJ * 2, "qu-jiaoyuju": T_JYJ * 2}.get(b["id"], [])


def rand_date(start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def add(d, n):
    return d + dt.timedelta(days=n)


def default_due(n):
    return add(n["received"], RESOLVE_DAYS[n["layer"]])


def simulate(n, flags, stall, slow=False):
    """Full history of a need (possibly into the future), then cut at AS_OF."""
    rec = n["received"]
    ev = [(rec, "received", None)]
    due = n.get("due") or default_due(n)
    span = (due - rec).days
    d = rec
    if n.get("_decline"):
        if rng.random() < 0.7:
            d = add(d, rng.randint(0, 3))
            ev.append((d, "assessed", None))
        d = add(d, rng.randint(1, 6))
        ev.append((d, "declined", "经研判不予受理"))
        return [e for e in ev if e[0] <= AS_OF]
    resp = rng.choices([0, 1, 2, 3, 4, 6, 9], weights=[15, 35, 22, 14, 6, 5, 3])[0]
    if slow:
        resp = (AS_OF - rec).days + rng.randint(1, 5)
    d = add(d, resp)
    ev.append((d, "assessed", None))
    d = add(d, rng.randint(0, 4))
    note = None
    if n["disposal"] == "relay":
        note = rng.choice(RELAY_NOTES).format(dept=n["relayed_to"])
    elif n["disposal"] == "mobilize":
        note = rng.choice(["已动员党员志愿者参与", "已发动楼组长和志愿者", "已对接共建单位资源"])
    ev.append((d, "in-progress", note))
    if stall:
        # a hard problem still being worked on: progress notes, no resolution yet
        while True:
            d = add(d, rng.randint(25, 60))
            if d > AS_OF:
                break
            kind = "works" if any(w in n["summary"] for w in ("电梯", "改造", "修缮")) else "conflict"
            ev.append((d, "in-progress", rng.choice([x for x in HARD_NOTES[kind] if x != ev[-1][2]])))
        return [e for e in ev if e[0] <= AS_OF]
    late = rng.random() < (0.25 if "hard" in flags else 0.1)
    frac = rng.uniform(1.05, 1.9) if late else rng.uniform(0.25, 0.95)
    res = max(add(rec, int(span * frac)), d)
    if rng.random() < 0.3 and (res - d).days > 4:
        ev.append((add(d, (res - d).days // 2), "in-progress", rng.choice(PROGRESS_NOTES)))
    ev.append((res, "resolved", None))
    d = res
    if rng.random() < 0.05:
        d = add(d, rng.randint(3, 25))
        ev.append((d, "in-progress", "居民反映问题复发，重新处理"))
        d = add(d, rng.randint(4, 20))
        ev.append((d, "resolved", "复查后已解决"))
    if rng.random() < 0.45:
        d = add(d, rng.randint(2, 20))
        ev.append((d, "closed", rng.choice([None, None, "回访满意，销项", "经回访确认后销项"])))
    return [e for e in ev if e[0] <= AS_OF]


def final_resolution(events):
    """s(n): the first resolved/closed event after the last event that is neither."""
    last_other = -1
    for i, e in enumerate(events):
        if e[1] not in ("resolved", "closed"):
            last_other = i
    if last_other + 1 < len(events):
        return events[last_other + 1][0]
    return None


NEEDS = {b["id"]: {y: [] for y in YEARS} for b in BRANCHES}
# Hard problems still being worked on as of AS_OF (open and overdue), by the summary's ending.
STALL = {("meiliyuan", 2025): "加装电梯意愿征询与协调", ("xinde", 2026): "旧住房成套改造意愿征询与政策咨询",
         ("huashan", 2026): "加装电梯意愿征询与协调", ("zhangjiazhai", 2026): "业委会与物业服务企业矛盾调处",
         ("laonian-yiyuan", 2026): "医疗纠纷投诉调解", ("qu-fangguanju", 2026): "信访积案化解"}
# Branches whose latest need has not been assessed yet (a late first response).
SLOW_RESPONDERS = {"kangding", "xikang"}
SEASONAL = ("高温", "暑", "夏季")


def pick_template(tmpl, d):
    while True:
        t = rng.choice(tmpl)
        if any(w in t[1] for w in SEASONAL) and d.month not in (5, 6, 7, 8):
            continue
        if "节前" in t[1] and d.month not in (1, 2, 9, 12):
            continue
        return t
ALL_NEEDS = {}


def gen_needs():
    for b in BRANCHES:
        tmpl = templates_for(b)
        for yi, year in enumerate(YEARS):
            count = b["n"][yi]
            start = D(year, 1, 2)
            end = D(year, 12, 30) if year < AS_OF.year else LAST_RECEIVED
            dates = sorted(rand_date(start, end) for _ in range(count))
            if year == AS_OF.year and b["type"] == "residential":
                dates[-1] = rand_date(D(2026, 11, 10) if b["id"] not in SLOW_RESPONDERS else D(2026, 11, 17),
                                      LAST_RECEIVED)  # something recent still open
                dates.sort()
            picks = [pick_template(tmpl, d) for d in dates]
            stall_idx = None
            if (b["id"], year) in STALL:
                want = STALL[(b["id"], year)]
                stall_idx = min(range(len(dates)), key=lambda i: abs((dates[i] - D(year, 3, 15)).days))
                picks[stall_idx] = next(t for t in tmpl if t[1].endswith(want))
            # every branch hears of at least one member-service need a year (linked by plans)
            ms = [t for t in tmpl if t[0] == "member-service"]
            if ms and not any(t[0] == "member-service" for t in picks):
                free = [i for i in range(len(picks)) if i != stall_idx]
                picks[rng.choice(free)] = rng.choice(ms)
            for seq, (rec, t) in enumerate(zip(dates, picks), 1):
                cat, summary, disp, dept, layer, scope, flags = t
                if "{loc}" in summary:
                    place = rng.choice(b["places"])
                    num = rng.randint(1, 40)
                    summary = summary.format(loc=f"{place}{num}号")
                n = {"id": f"{b['code']}-{year}-{seq:03d}", "branch": b["id"], "received": rec,
                     "channel": rng.choices(CHANNELS, weights=CH_W[b["type"]])[0],
                     "category": cat, "summary": summary}
                # occasional variation of disposal and layer
                if disp == "solve" and rng.random() < 0.12:
                    disp, layer = "mobilize", layer
                if disp == "relay" and layer == "branch" and rng.random() < 0.3:
                    layer = "street"
                n["disposal"] = disp
                n["layer"] = layer
                if disp == "relay":
                    n["relayed_to"] = dept
                if rng.random() < 0.75:
                    n["scope"] = scope
                imp = []
                if "ov" in flags:
                    imp.append("overall")
                if "ps" in flags and rng.random() < 0.6:
                    imp.append("public-sentiment")
                if imp:
                    n["impact"] = imp
                hard = "hard" in flags
                if hard:
                    n["due"] = add(rec, rng.choice([60, 90, 120]))
                elif rng.random() < 0.12:
                    n["due"] = add(rec, rng.randint(5, RESOLVE_DAYS[layer]))
                stall = seq - 1 == stall_idx
                slow = year == AS_OF.year and seq == len(dates) and b["id"] in SLOW_RESPONDERS
                n["_decline"] = not stall and not slow and rng.random() < 0.045
                events = simulate(n, flags, stall, slow)
                n["_stall"] = stall
                n["_events"] = events
                n["status"] = events[-1][1]
                if n["status"] == "declined":
                    n["reason"] = rng.choice(DECLINE_REASONS)
                s = final_resolution(events) if n["status"] in ("resolved", "closed") else None
                if s and rng.random() < 0.68:
                    sat = rng.choices([5, 4, 3, 2, 1], weights=[55, 30, 10, 4, 1])[0]
                    fb = {"satisfaction": sat}
                    fd = add(s, rng.randint(0, 10))
                    if rng.random() < 0.8 and fd <= AS_OF:
                        fb["date"] = fd
                    n["feedback"] = fb
                NEEDS[b["id"]][year].append(n)
                ALL_NEEDS[n["id"]] = n


gen_needs()


def link_platforms():
    """Some needs were handled on a platform: its next meeting lists them."""
    for b in BRANCHES:
        plats = [p for p in platforms_of(b["id"]) if p["category"] in ("information", "coordination", "liaison")]
        if not plats:
            continue
        for year in YEARS:
            for n in NEEDS[b["id"]][year]:
                if n["_stall"]:
                    # a hard problem comes back to the coordination meetings again and again
                    coord = sorted((p for p in plats if p["category"] == "coordination"),
                                   key=lambda p: p["owner"] != b["id"]) or plats
                    p = coord[0]
                    later = [m for m in p["meetings"] if m["date"] >= n["received"]]
                    for m in later[:: max(1, len(later) // 5)]:
                        m["needs"].append(n["id"])
                    n["platform"] = p["id"]
                    continue
                if n["status"] == "declined" or rng.random() > 0.3:
                    continue
                # relays go to the superior's meetings where the departments sit; others anywhere
                cands = [p for p in plats if p["level"] in ("superior", "horizontal")] if n["disposal"] == "relay" else plats
                if not cands:
                    cands = plats
                p = rng.choice(cands)
                ev = n["_events"]
                stop = final_resolution(ev) or AS_OF
                for m in p["meetings"]:
                    if n["received"] <= m["date"] <= stop and (m["date"] - n["received"]).days <= 45:
                        m["needs"].append(n["id"])
                        n["platform"] = p["id"]
                        break


link_platforms()

# --------------------------------------------------------------------------------------------
# Plans
# --------------------------------------------------------------------------------------------
ITEM_TEMPLATES = {
    "elderly-care": [("推进加装电梯与适老化改造", "完成加装电梯意愿征询的楼栋数", (2, 6)),
                     ("完善社区助餐与居家养老服务", "新增助餐服务老人数", (10, 40))],
    "housing": [("推进老旧住房修缮与公共部位维护", "完成修缮的楼栋数", (3, 10))],
    "environment": [("美丽家园环境整治", "整治点位数", (5, 15))],
    "public-safety": [("平安小区建设与电动自行车充电治理", "新增集中充电车位数", (20, 80))],
    "dispute": [("邻里纠纷“早发现、早调处”", "纠纷调处成功率(%)", (90, 100))],
    "employment": [("就业困难人员帮扶", "帮扶就业人数", (3, 10))],
    "health": [("家庭医生签约与健康服务进小区", "家庭医生签约率(%)", (70, 90))],
    "culture": [("社区文化团队建设与活动阵地开放", "开展文化活动场次", (12, 30))],
    "community-affairs": [("居民自治议事规则完善", "议事会议定事项数", (6, 15))],
    "service-quality": [("提升服务质量行动", "服务投诉下降比例(%)", (10, 30))],
    "service-access": [("便民服务渠道拓展", "新增便民服务措施数", (3, 8))],
    "complaint": [("投诉及纠纷源头化解", "投诉按时办结率(%)", (95, 100))],
    "staff-welfare": [("职工关爱行动", "解决职工实际困难件数", (5, 15))],
    "outreach": [("服务进社区", "进社区服务场次", (12, 30))],
    "workspace-environment": [("楼宇工作环境改善", "解决楼宇环境问题件数", (5, 12))],
    "policy-consultation": [("楼宇企业政策服务直通车", "政策宣讲覆盖企业数", (10, 40))],
    "talent": [("楼宇青年人才服务", "服务青年人才人次", (100, 400))],
    "employee-welfare": [("职工（白领）福利与关爱", "受益职工人次", (100, 500))],
    "business-networking": [("楼宇企业资源对接", "举办对接活动场次", (4, 10))],
    "business-development": [("服务企业转型发展", "新增便民服务网点数", (2, 6))],
    "competitiveness": [("提升企业核心竞争力", "员工技能达标率(%)", (85, 98))],
    "workplace-safety": [("安全生产责任落实", "隐患整改完成率(%)", (95, 100))],
    "innovation": [("党员创新项目", "采纳合理化建议条数", (10, 30))],
    "duty-performance": [("提升履职效能", "审批事项平均办理天数", (3, 8))],
    "public-service": [("机关服务群众项目", "服务群众事项办结数", (20, 60))],
    "cadre-development": [("年轻干部培养", "参加轮岗交流干部人数", (3, 10))],
    "work-style": [("改进机关作风", "精简会议文件比例(%)", (10, 30))],
    "member-service": [("党员关爱与服务", "走访慰问党员人次", (10, 60))],
    "other": [("其他服务事项", "办结事项数", (3, 10))],
    "organization-building": [("党员联系群众制度落实", "党员联系户覆盖率(%)", (90, 100)),
                              ("党组织活动阵地建设", "开展主题党日次数", (10, 12))],
    "member-development": [("发展党员工作", "发展党员人数", (1, 3))],
    "party-dues": [("党费收缴与使用管理", "党费按时足额收缴率(%)", (98, 100))],
    "organization-change": [("党组织按期换届", "完成换届(个)", (1, 1))],
    "discipline": [("党风廉政与纪律教育", "开展纪律教育次数", (4, 6))],
}
OUTCOME_NOTES = ["按计划完成", "基本完成，个别事项顺延至下年度", "居民评价较好", "已形成长效机制",
                 "部分受施工排期影响，进度滞后"]

PLAN_STATUS_2026 = {"jinghua": "draft", "qu-jiaoyuju": "draft", "kangding": "submitted", "xikang": "submitted",
                    "jiuguang": "submitted", "yucai-school": "submitted"}
NO_PLAN = {(2026, "jiangning-louyu")}
UNLINKED = {(2025, "jiuguang"), (2026, "kangding")}  # one item each that answers no need
ORG_CHANGE_2026 = {"meiliyuan", "xinde", "qu-chengguan"}  # branches electing a new committee
AWARDS_2025 = {
    "meiliyuan": [("hard-problem", "协调推进美丽园小区多幢楼加装电梯", True)],
    "xinde": [("complex-conflict", "“七所八所”联席会议化解旧住房修缮矛盾", True)],
    "laonian-yiyuan": [("stability-incident", "“我能为您做什么”靠前服务妥善化解一起医疗纠纷", True)],
    "liangyou6": [("hard-problem", "“大篷车”延伸服务解决老旧小区买菜难", True)],
    "zhangjiazhai": [("complex-conflict", "调处小区停车位分配矛盾", False)],
}


def make_plan(b, year):
    rid = b["id"]
    t = b["type"]
    # the needs a plan may answer: the year's (plans are revised as needs come in), for 2026
    # also those of late 2025 that shaped the plan
    needs = [n for n in NEEDS[rid][year] if n["status"] != "declined"]
    if year == 2026:
        needs += [n for n in NEEDS[rid][2025] if n["received"] >= D(2025, 10, 1) and n["status"] != "declined"]
    by_cat = {}
    for n in needs:
        by_cat.setdefault(n["category"], []).append(n)
    type_cats = [c for c in by_cat if c in TYPE_CATEGORIES[t]]
    rng.shuffle(type_cats)
    n_items = rng.randint(3, 6)
    cats = type_cats[: max(2, n_items - 1)]
    extra = []
    if rid in ORG_CHANGE_2026 and year == 2026:
        extra.append("organization-change")
    elif rng.random() < 0.35:
        extra.append(rng.choice(["member-development", "party-dues", "discipline"]))
    if rng.random() < 0.4:
        extra.append("organization-building")
    cats = (cats + extra)[:6]
    while len(cats) < 3:
        cats.append(rng.choice([c for c in TYPE_CATEGORIES[t] if c not in cats]))
    ms_needs = by_cat.get("member-service", [])
    reviewed = year == 2025
    items = []
    used_titles = set()
    for i, cat in enumerate(cats, 1):
        title, metric, (lo, hi) = rng.choice(ITEM_TEMPLATES[cat])
        if title in used_titles:
            title = title + "（二期）"
        used_titles.add(title)
        linked = by_cat.get(cat) or ms_needs or needs
        item = {"id": f"item-{i}", "title": title, "category": cat}
        if linked and not ((year, rid) in UNLINKED and i == len(cats)):
            k = min(len(linked), rng.randint(1, 3))
            item["needs"] = Flow([n["id"] for n in rng.sample(linked, k)])
            plats = sorted({ALL_NEEDS[x]["platform"] for x in item["needs"].value if ALL_NEEDS[x].get("platform")})
            if plats:
                item["platform"] = plats[0]
        item["approval"] = "superior" if cat in NEGATIVE_LIST or rng.random() < 0.08 else "self"
        value = rng.randint(lo, hi)
        if rng.random() < 0.9:
            item["target"] = Flow({"metric": metric, "value": value})
        w = rng.choice([1, 1, 1, 2, 2, 3, 0.5])
        if w != 1:
            item["weight"] = w
        if rng.random() < 0.5:
            item["budget"] = rng.choice([5000, 8000, 10000, 20000, 30000, 50000, 80000])
        if rng.random() < 0.4:
            item["due"] = D(year, rng.choice([6, 9, 10, 11, 12]), rng.choice([15, 30]))
        if reviewed:
            prog = rng.choice([1, 1, 1, 0.9, 0.85, 0.8, 0.7, 0.6])
            item["progress"] = prog
            oc = {}
            if "target" in item:
                oc["value"] = value if prog == 1 else max(0, round(value * prog))
            oc["note"] = OUTCOME_NOTES[0] if prog == 1 else rng.choice(OUTCOME_NOTES[1:])
            item["outcome"] = Flow(oc)
        else:
            status = PLAN_STATUS_2026.get(rid, "approved")
            if status == "draft":
                pass
            else:
                item["progress"] = rng.choice([0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 1])
        items.append(item)
    base = {"dues_paid_rate": rng.choice([1.0, 1.0, 1.0, 0.98, 0.97, 0.95]),
            "statistics_on_time": rng.random() > 0.08,
            "organizational_life": rng.choice([12, 12, 12, 13, 11, 14, 10]) if reviewed else rng.choice([10, 11, 11, 12])}
    if rng.random() < 0.6:
        planned = rng.randint(1, 3) if b["members"] > 60 else 1
        base["member_development"] = Flow({"planned": planned,
                                           "developed": planned if rng.random() < 0.7 else planned - 1})
    plan = {"id": f"{rid}-{year}", "branch": rid, "year": year,
            "status": "reviewed" if reviewed else PLAN_STATUS_2026.get(rid, "approved"),
            "base": base, "items": items}
    if reviewed:
        mem = max(30, int(b["members"] * rng.uniform(0.35, 0.8)))
        review = {"member_survey": Flow({"respondents": min(mem, b["members"]), "mean": round(rng.uniform(3.9, 4.8), 2)})}
        if rid == "qu-jiaoyuju":
            review["member_survey"] = Flow({"respondents": 24, "mean": 4.35})  # small survey (warning)
        if t != "organ" or rng.random() < 0.7:
            review["public_survey"] = Flow({"respondents": rng.randint(40, 260), "mean": round(rng.uniform(3.7, 4.8), 2)})
        if rid in AWARDS_2025:
            review["awards"] = [Flow({"kind": k, "title": ti, "approved": ok}) for k, ti, ok in AWARDS_2025[rid]]
        plan["review"] = review
    elif PLAN_STATUS_2026.get(rid, "approved") == "approved":
        # The mid-year review of an approved 2026 plan: member and public surveys taken in
        # the summer (the year-end review adds awards). A separate generator keeps the
        # rest of the data as it was.
        r2 = random.Random(f"mid-year-review-{rid}")
        mem = max(30, int(b["members"] * r2.uniform(0.3, 0.7)))
        review = {"member_survey": Flow({"respondents": min(mem, b["members"]), "mean": round(r2.uniform(3.8, 4.7), 2)})}
        if t != "organ" or r2.random() < 0.7:
            review["public_survey"] = Flow({"respondents": r2.randint(40, 220), "mean": round(r2.uniform(3.6, 4.7), 2)})
        plan["review"] = review
    return plan


PLANS = {y: {} for y in YEARS}
for _y in YEARS:
    for _b in BRANCHES:
        if (_y, _b["id"]) not in NO_PLAN:
            PLANS[_y][_b["id"]] = make_plan(_b, _y)

# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def need_record(n):
    rec = {k: n[k] for k in ("id", "branch", "received", "channel", "category", "summary") if k in n}
    for k in ("scope", "impact", "layer", "disposal", "relayed_to", "platform", "due", "status", "reason"):
        if k in n:
            rec[k] = Flow(n[k]) if k == "impact" else n[k]
    rec["events"] = [Flow({"date": d, "status": s, **({"note": note} if note else {})}) for d, s, note in n["_events"]]
    if "feedback" in n:
        rec["feedback"] = Flow(n["feedback"])
    return rec


def branch_record(b):
    rec = {"id": b["id"], "name": b["name"], "type": b["type"], "street": b["street"],
           "established": b["est"], "members": b["members"],
           "secretary": {"name": b["sec"], "certified": b["cert"], "competencies": Flow(b["comp"])},
           "reserve_cadres": b["reserve"]}
    if "functions" in b:
        rec["functions"] = Flow(b["functions"])
    if "units" in b:
        rec["units"] = b["units"]
    if "reps" in b:
        rec["representatives"] = [Flow({"name": n, "role": r}) for n, r in b["reps"]]
    return rec


def platform_record(p):
    rec = {"id": p["id"], "name": p["name"], "owner": p["owner"], "level": p["level"],
           "category": p["category"], "cadence": p["cadence"], "established": p["est"]}
    if p.get("participants"):
        rec["participants"] = p["participants"]
    if "budget" in p:
        rec["budget"] = p["budget"]
    meetings = []
    for m in p["meetings"]:
        mm = {"date": m["date"], "attendees": m["attendees"]}
        if m["needs"]:
            mm["needs"] = m["needs"]
        note = m["note"] or (rng.choice(p["notes"]) if rng.random() < 0.35 else None)
        if note:
            mm["note"] = note
        meetings.append(Flow(mm))
    rec["meetings"] = meetings
    return rec


def main():
    for sub in ("branches", "needs", "platforms", "plans"):
        shutil.rmtree(os.path.join(HERE, sub), ignore_errors=True)
    write_file("district.yaml", "District", [{
        "id": DISTRICT_ID, "name": "静安区", "lang": "zh-CN",
        "streets": [Flow({"id": i, "name": n}) for i, n in STREETS],
        # the base part weighs less year by year, as the article asks
        "scoring": {"base_weight": Flow({"default": 0.4, "by_year": Flow({2026: 0.35})})},
    }])
    for b in BRANCHES:
        write_file(f"branches/{b['street']}/{b['id']}.yaml", "Branch", [branch_record(b)])
    for b in BRANCHES:
        for y in YEARS:
            if NEEDS[b["id"]][y]:
                write_file(f"needs/{y}/{b['id']}.yaml", "Need", [need_record(n) for n in NEEDS[b["id"]][y]])
    for p in PLATFORMS:
        write_file(f"platforms/{p['id']}.yaml", "Platform", [platform_record(p)])
    for y in YEARS:
        for rid, plan in PLANS[y].items():
            write_file(f"plans/{y}/{rid}.yaml", "Plan", [plan])
    total = sum(len(v[y]) for v in NEEDS.values() for y in YEARS)
    print(f"examples: {len(BRANCHES)} branches, {total} needs "
          f"({', '.join(f'{y}: {sum(len(v[y]) for v in NEEDS.values())}' for y in YEARS)}), "
          f"{len(PLATFORMS)} platforms, {sum(len(p) for p in PLANS.values())} plans")


if __name__ == "__main__":
    main()
