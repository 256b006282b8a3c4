// cmd::run_needs on the needs_tree records (read from an in-memory standard input):
// the three formats, every filter, the as-of cut, and the refusals.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "needs_tree.hpp"
#include "svcorg/cmd/needs.hpp"
#include "svcorg/i18n/message.hpp"

using svcorg::cmd::NeedsOptions;

namespace {

struct Out {
  int code = -1;
  std::string out, err;
};

NeedsOptions options(const char* format = "table") {
  NeedsOptions o;
  o.common.paths = {"-"};
  o.common.as_of = "2026-06-30";
  o.format = format;
  return o;
}

Out run(const NeedsOptions& o, const std::string& input = needs_tree::stream()) {
  std::ostringstream out, err;
  std::istringstream in(input);
  svcorg::cmd::Io io{out, err, in, false, false, *svcorg::util::Date::parse("2026-06-30")};
  Out r;
  r.code = svcorg::cmd::run_needs(o, io);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::vector<std::string> keys(const nlohmann::ordered_json& j) {
  std::vector<std::string> out;
  for (auto it = j.begin(); it != j.end(); ++it) out.push_back(it.key());
  return out;
}

// The ids listed with `o` (as JSON).
std::vector<std::string> ids(NeedsOptions o) {
  o.format = "json";
  const Out r = run(o);
  REQUIRE(r.code == 0);
  return needs_tree::listed(r.out);
}

using needs_tree::Ids;

}  // namespace

TEST_SUITE("cmd::run_needs") {
  TEST_CASE("table: aligned by display width, summary text cut, then the summary") {
    const Out r = run(options());
    CHECK(r.code == 0);
    CHECK(r.err.empty());  // warnings are validate's business
    CHECK(r.out ==
          "id  branch     received    carried over  channel  category          layer     disposal  status       "
          "due         response    resolved    days  overdue  summary\n"
          "--  ---------  ----------  ------------  -------  ----------------  --------  --------  -----------  "
          "----------  ----------  ----------  ----  -------  -----------------------------\n"
          "m1  meiliyuan  2026-01-10                visit    housing           branch    solve     resolved     "
          "2026-01-25  2026-01-11  2026-01-20    10           楼道灯不亮, 需要\"尽快\"维修\n"
          "j2  jiali      2026-02-01                meeting  employee-welfare  district  solve     closed       "
          "2026-04-02  2026-02-02  2026-03-05    32           午餐供应\n"
          "m2  meiliyuan  2026-03-01                hotline  elderly-care      street    relay     in-progress  "
          "2026-03-31  2026-03-10               121  yes      老旧小区加装电梯的意愿征询与…\n"
          "m3  meiliyuan  2026-05-02                visit    dispute           branch    solve     declined     "
          "2026-05-17  2026-05-03                             邻里纠纷\n"
          "j1  jiali      2026-06-25                online   talent            branch    mobilize  received     "
          "2026-07-10                             5           人才公寓申请\n"
          "\n"
          "needs of 2026 as of 2026-06-30: 5 received, 0 carried over, 1 declined, 2 resolved, 2 open, 1 overdue\n"
          "  resolution rate           50.0%\n"
          "  on-time resolution rate   66.7%\n"
          "  on-time response rate     60.0%\n"
          "  feedback satisfied rate   100.0%\n"
          "  response days             median 1, P90 9\n"
          "  resolution days           median 10, P90 32\n"
          "  reopen rate               50.0%\n"
          "  open needs by age (days)  0-7: 1, 8-30: 0, 31-90: 0, over 90: 1\n");
  }

  TEST_CASE("JSON: SPEC 8 conventions, figures by hand") {
    NeedsOptions o = options("json");
    const Out r = run(o);
    CHECK(r.code == 0);
    const auto j = nlohmann::ordered_json::parse(r.out);
    CHECK(keys(j) == Ids{"format", "year", "as_of", "filters", "needs", "summary"});
    CHECK(j["format"] == 1);
    CHECK(j["year"] == 2026);
    CHECK(j["as_of"] == "2026-06-30");
    CHECK(j["filters"] == nlohmann::ordered_json::object());
    REQUIRE(j["needs"].size() == 5);
    const auto& m2 = j["needs"][2];
    CHECK(keys(m2) == Ids{"id",           "branch",  "street",        "received",        "carried_over", "channel",
                          "category",     "layer",   "disposal",      "status",          "due",          "response",
                          "resolution",   "overdue", "response_days", "resolution_days", "age_days",     "reopened",
                          "satisfaction", "summary"});
    CHECK(m2.dump() ==
          R"({"id":"m2","branch":"meiliyuan","street":"nanjingxi","received":"2026-03-01","carried_over":false,)"
          R"("channel":"hotline",)"
          R"("category":"elderly-care","layer":"street","disposal":"relay","status":"in-progress",)"
          R"("due":"2026-03-31","response":"2026-03-10","resolution":null,"overdue":true,"response_days":9,)"
          R"("resolution_days":null,"age_days":121,"reopened":false,"satisfaction":null,)"
          R"("summary":"老旧小区加装电梯的意愿征询与协调工作需要多方参与"})");
    const auto& j2 = j["needs"][1];
    CHECK(j2["resolution"] == "2026-03-05");  // the final resolution, after the reopening
    CHECK(j2["resolution_days"] == 32);
    CHECK(j2["reopened"] == true);
    CHECK(j2["age_days"].is_null());
    CHECK(j["summary"].dump() ==
          R"({"received":5,"carried_over":0,"declined":1,"resolved":2,"open":2,"overdue":1,"resolution_rate":0.5,)"
          R"("on_time_resolution_rate":0.6667,"response_on_time_rate":0.6,"feedback_satisfied_rate":1.0,)"
          R"("response_days":{"median":1,"p90":9},"resolution_days":{"median":10,"p90":32},"reopen_rate":0.5,)"
          R"("backlog":{"0-7":1,"8-30":0,"31-90":0,"over-90":1}})");
  }

  TEST_CASE("JSON: only the given filters, undefined rates are null") {
    NeedsOptions o = options("json");
    o.filters.branch = "jiali";
    o.filters.status = "declined";
    const auto j = nlohmann::ordered_json::parse(run(o).out);
    CHECK(j["filters"].dump() == R"({"status":"declined","branch":"jiali"})");
    CHECK(j["needs"].empty());
    CHECK(j["summary"]["resolution_rate"].is_null());
    CHECK(j["summary"]["response_days"]["median"].is_null());
    CHECK(j["summary"]["reopen_rate"].is_null());
  }

  TEST_CASE("CSV: the JSON columns with names beside ids, RFC 4180 quoting, CRLF") {
    NeedsOptions o = options("csv");
    o.filters.branch = "meiliyuan";
    o.filters.channel = "visit";
    const Out r = run(o);
    CHECK(r.code == 0);
    CHECK(r.out ==
          "id,branch,branch_name,street,street_name,received,carried_over,channel,category,layer,disposal,status,due,"
          "response,resolution,overdue,response_days,resolution_days,age_days,reopened,satisfaction,summary\r\n"
          "m1,meiliyuan,美丽园居民区,nanjingxi,南京西路街道,2026-01-10,false,visit,housing,branch,solve,resolved,"
          "2026-01-25,2026-01-11,2026-01-20,false,1,10,,false,5,\"楼道灯不亮, 需要\"\"尽快\"\"维修\"\r\n"
          "m3,meiliyuan,美丽园居民区,nanjingxi,南京西路街道,2026-05-02,false,visit,dispute,branch,solve,declined,"
          "2026-05-17,2026-05-03,,false,1,,,false,,邻里纠纷\r\n");
    o.filters.branch = "jiali";  // nothing listed: the header alone
    CHECK(run(o).out.find("id,branch,branch_name,street,") == 0);
    CHECK(run(o).out.find("\r\n") == run(o).out.size() - 2);
  }

  TEST_CASE("CSV in Chinese: Chinese headers, labels for enumerated values, 是/否") {
    NeedsOptions o = options("csv");
    o.common.lang = svcorg::i18n::Lang::ZhCN;
    o.filters.branch = "meiliyuan";
    o.filters.channel = "visit";
    const Out r = run(o);
    CHECK(r.code == 0);
    CHECK(r.out ==
          "编号,党组织编号,党组织名称,街道编号,街道名称,受理日期,往年结转,渠道,类别,责任层级,处置方式,状态,办结期限,"
          "首次响应日期,解决日期,逾期,响应天数,解决天数,未结天数,曾重新办理,反馈满意度,摘要\r\n"
          "m1,meiliyuan,美丽园居民区,nanjingxi,南京西路街道,2026-01-10,否,走访,住房,基层党组织,策划解决,已解决,"
          "2026-01-25,2026-01-11,2026-01-20,否,1,10,,否,5,\"楼道灯不亮, 需要\"\"尽快\"\"维修\"\r\n"
          "m3,meiliyuan,美丽园居民区,nanjingxi,南京西路街道,2026-05-02,否,走访,矛盾纠纷,基层党组织,策划解决,不予受理,"
          "2026-05-17,2026-05-03,,否,1,,,否,,邻里纠纷\r\n");
    // JSON stays the same in every language.
    NeedsOptions j = options("json"), jz = options("json");
    jz.common.lang = svcorg::i18n::Lang::ZhCN;
    CHECK(run(j).out == run(jz).out);
  }

  TEST_CASE("Chinese table and CSV: a District's own category shows the label the District gives") {
    std::string input = needs_tree::stream();
    auto replace = [&](const std::string& from, const std::string& to) {
      const size_t at = input.find(from);
      REQUIRE(at != std::string::npos);
      input.replace(at, from.size(), to);
    };
    replace("streets:\n",
            "rules:\n  category_labels: {rooftop-garden: 屋顶花园}\n  types:\n    residential:\n"
            "      need_categories: [housing, elderly-care, rooftop-garden]\nstreets:\n");
    replace("category: dispute\nsummary: 邻里纠纷", "category: rooftop-garden\nsummary: 邻里纠纷");
    NeedsOptions o = options("csv");
    o.common.lang = svcorg::i18n::Lang::ZhCN;
    o.filters.branch = "meiliyuan";
    o.filters.channel = "visit";
    const Out r = run(o, input);
    CHECK(r.code == 0);
    CHECK(r.out.find("\r\nm3,meiliyuan,美丽园居民区,nanjingxi,南京西路街道,2026-05-02,否,走访,屋顶花园,") !=
          std::string::npos);
    o.format = "table";
    CHECK(run(o, input).out.find("  走访  屋顶花园  ") != std::string::npos);
    o.common.lang = svcorg::i18n::Lang::En;  // English shows the name
    CHECK(run(o, input).out.find("  visit    rooftop-garden  ") != std::string::npos);
  }

  TEST_CASE("--excel: a UTF-8 byte order mark, then the same CRLF CSV") {
    NeedsOptions o = options("csv");
    o.filters.branch = "jiali";
    o.filters.status = "declined";  // nothing listed: the header alone
    o.excel = true;
    CHECK(run(o).out ==
          "\xEF\xBB\xBF"
          "id,branch,branch_name,street,street_name,received,carried_over,channel,category,layer,disposal,status,due,"
          "response,resolution,overdue,response_days,resolution_days,age_days,reopened,satisfaction,summary\r\n");
    o.common.lang = svcorg::i18n::Lang::ZhCN;
    CHECK(run(o).out ==
          "\xEF\xBB\xBF"
          "编号,党组织编号,党组织名称,街道编号,街道名称,受理日期,往年结转,渠道,类别,责任层级,处置方式,状态,办结期限,"
          "首次响应日期,解决日期,逾期,响应天数,解决天数,未结天数,曾重新办理,反馈满意度,摘要\r\n");
  }

  TEST_CASE("CSV: a summary a spreadsheet would run as a formula is written as text") {
    std::string input = needs_tree::stream();
    auto replace = [&](const std::string& from, const std::string& to) {
      const size_t at = input.find(from);
      REQUIRE(at != std::string::npos);
      input.replace(at, from.size(), to);
    };
    replace("summary: 邻里纠纷", "summary: '=HYPERLINK(\"http://evil.example\",\"点击\")'");
    replace("summary: '楼道灯不亮, 需要\"尽快\"维修'", "summary: '-1+2'");
    NeedsOptions o = options("csv");
    o.filters.branch = "meiliyuan";
    o.filters.channel = "visit";
    const Out r = run(o, input);
    CHECK(r.code == 0);
    CHECK(r.out.find(",1,10,,false,5,\"'-1+2\"\r\n") != std::string::npos);
    CHECK(r.out.find(",1,,,false,,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\")\"\r\n") != std::string::npos);
    // The table shows the text as it is (a terminal runs no formula).
    o.format = "table";
    CHECK(run(o, input).out.find("  -1+2\n") != std::string::npos);
  }

  TEST_CASE("every filter, status is the as-of status") {
    auto with = [](auto set) {
      NeedsOptions o = options();
      set(o.filters);
      return ids(o);
    };
    using F = svcorg::ledger::Filters;
    CHECK(ids(options()) == Ids{"m1", "j2", "m2", "m3", "j1"});
    CHECK(with([](F& f) { f.status = "open"; }) == Ids{"m2", "j1"});
    CHECK(with([](F& f) { f.status = "overdue"; }) == Ids{"m2"});
    CHECK(with([](F& f) { f.status = "resolved"; }) == Ids{"m1"});
    CHECK(with([](F& f) { f.status = "closed"; }) == Ids{"j2"});
    CHECK(with([](F& f) { f.status = "declined"; }) == Ids{"m3"});
    CHECK(with([](F& f) { f.status = "received"; }) == Ids{"j1"});
    CHECK(with([](F& f) { f.status = "assessed"; }).empty());
    CHECK(with([](F& f) { f.branch = "jiali"; }) == Ids{"j2", "j1"});
    CHECK(with([](F& f) { f.street = "nanjingxi"; }) == Ids{"m1", "m2", "m3"});
    CHECK(with([](F& f) { f.channel = "visit"; }) == Ids{"m1", "m3"});
    CHECK(with([](F& f) { f.category = "talent"; }) == Ids{"j1"});
    CHECK(with([](F& f) { f.layer = "street"; }) == Ids{"m2"});
    CHECK(with([](F& f) {
            f.street = "nanjingxi";
            f.status = "open";
          }) == Ids{"m2"});
  }

  TEST_CASE("as of an earlier date: later events and needs are cut") {
    NeedsOptions o = options("json");
    o.common.as_of = "2026-03-02";
    const auto j = nlohmann::json::parse(run(o).out);
    REQUIRE(j["needs"].size() == 3);                  // m1 j2 m2
    CHECK(j["needs"][1]["status"] == "in-progress");  // j2 reopened on 03-01, closed on 03-10
    CHECK(j["needs"][1]["resolution"].is_null());
    CHECK(j["needs"][1]["reopened"] == true);
    CHECK(j["needs"][2]["status"] == "received");
    CHECK(j["needs"][2]["age_days"] == 1);
    CHECK(j["summary"]["open"] == 2);
  }

  TEST_CASE("carried over (rev 2): open on Jan 1, marked, found by --status, left out by --received-in-year") {
    // m9: received 2025-11-02, assessed 2025-11-03, still in progress on 2026-01-01 (and
    // on A): carried over into 2026. due = 2025-11-02 + 15 = 2025-11-17 < A: overdue, age
    // 2025-11-02 → 2026-06-30 = 28 + 31 + 181 = 240 days. Its response (1 day) is 2025's.
    const std::string input =
        needs_tree::stream() + "---\n" +
        needs_tree::need("m9", "meiliyuan", "2025-11-02",
                         "channel: visit\ncategory: housing\nsummary: 去年未办结\nlayer: branch\ndisposal: solve\n"
                         "status: in-progress\nevents:\n  - {date: 2025-11-02, status: received}\n"
                         "  - {date: 2025-11-03, status: assessed}\n  - {date: 2025-12-01, status: in-progress}\n");
    NeedsOptions o = options("json");
    auto listed = [&](const NeedsOptions& opts) {
      const Out r = run(opts, input);
      REQUIRE(r.code == 0);
      return nlohmann::ordered_json::parse(r.out);
    };
    auto j = listed(o);
    REQUIRE(j["needs"].size() == 6);
    CHECK(j["needs"][0]["id"] == "m9");  // the oldest received first
    CHECK(j["needs"][0]["carried_over"] == true);
    CHECK(j["needs"][0]["overdue"] == true);
    CHECK(j["needs"][0]["age_days"] == 240);
    CHECK(j["needs"][1]["carried_over"] == false);
    // received 5, carried over 1; open m2 j1 m9, overdue m2 m9; resolution 2 / (6 − 1) = 0.4;
    // on time 2 / |R ∪ overdue| = 2 / 4 = 0.5; response stays 3 / 5 (m9's is 2025's).
    CHECK(j["summary"]["received"] == 5);
    CHECK(j["summary"]["carried_over"] == 1);
    CHECK(j["summary"]["open"] == 3);
    CHECK(j["summary"]["overdue"] == 2);
    CHECK(j["summary"]["resolution_rate"] == 0.4);
    CHECK(j["summary"]["on_time_resolution_rate"] == 0.5);
    CHECK(j["summary"]["response_on_time_rate"] == 0.6);
    CHECK(j["summary"]["backlog"].dump() == R"({"0-7":1,"8-30":0,"31-90":0,"over-90":2})");

    o.filters.status = "overdue";
    j = listed(o);
    REQUIRE(j["needs"].size() == 2);
    CHECK(j["needs"][0]["id"] == "m9");
    CHECK(j["needs"][1]["id"] == "m2");
    o.filters.status = "open";
    CHECK(listed(o)["needs"].size() == 3);

    o.filters.received_in_year = true;  // the old view: m2 j1
    j = listed(o);
    CHECK(j["filters"].dump() == R"({"status":"open","received_in_year":true})");
    REQUIRE(j["needs"].size() == 2);
    CHECK(j["needs"][0]["id"] == "m2");
    CHECK(j["summary"]["carried_over"] == 0);

    o.filters = {};
    o.filters.branch = "meiliyuan";
    o.format = "table";
    const Out t = run(o, input);
    CHECK(t.out.find("\nm9  meiliyuan  2025-11-02  yes           visit    housing ") != std::string::npos);
    CHECK(t.out.find("\nneeds of 2026 as of 2026-06-30: 3 received, 1 carried over, 1 declined, 1 resolved, 2 open, "
                     "2 overdue\n") != std::string::npos);
  }

  TEST_CASE("a past --year is seen as of its Dec 31") {
    NeedsOptions o = options("json");
    o.common.as_of.reset();
    o.common.year = 2025;
    const auto j = nlohmann::json::parse(run(o).out);
    CHECK(j["as_of"] == "2025-12-31");
    REQUIRE(j["needs"].size() == 1);
    CHECK(j["needs"][0]["id"] == "m0");
    CHECK(j["summary"]["response_on_time_rate"] == 0.0);  // resolved after 8 days: a late response
  }

  TEST_CASE("a filter value may be its Chinese label, as in the records") {
    const auto same = [](auto by_label, auto by_value) {
      NeedsOptions a = options("json"), b = options("json");
      by_label(a);
      by_value(b);
      const Out ra = run(a), rb = run(b);
      CHECK(ra.code == 0);
      CHECK(ra.err.empty());
      CHECK(ra.out == rb.out);
    };
    same([](NeedsOptions& o) { o.filters.status = "逾期"; }, [](NeedsOptions& o) { o.filters.status = "overdue"; });
    same([](NeedsOptions& o) { o.filters.status = "未办结"; }, [](NeedsOptions& o) { o.filters.status = "open"; });
    same([](NeedsOptions& o) { o.filters.status = "处理中"; },  // an alias of a status
         [](NeedsOptions& o) { o.filters.status = "in-progress"; });
    same([](NeedsOptions& o) { o.filters.layer = "街道"; }, [](NeedsOptions& o) { o.filters.layer = "street"; });
    same([](NeedsOptions& o) { o.filters.channel = "热线"; }, [](NeedsOptions& o) { o.filters.channel = "hotline"; });
    NeedsOptions typo = options();
    typo.filters.status = "逾其";  // a typo in Chinese gets the value of the nearest label
    CHECK(run(typo).err.find("did you mean `overdue`?") != std::string::npos);
  }

  TEST_CASE("bad option values exit 2 and say what would be right") {
    auto fails = [](auto set, const std::string& message) {
      NeedsOptions o = options();
      set(o);
      const Out r = run(o);
      CHECK(r.code == 2);
      CHECK(r.out.empty());
      CHECK(r.err == message);
    };
    fails([](NeedsOptions& o) { o.filters.status = "opne"; },
          "svcorg: error: --status `opne` is not allowed; did you mean `open`? (allowed: `received` (已受理), "
          "`assessed` (已研判), `in-progress` (处置中), `resolved` (已解决), `closed` (已办结), `declined` (不予受理), "
          "`open` (未结), or `overdue` (逾期))\n");
    fails([](NeedsOptions& o) { o.format = "xml"; },
          "svcorg: error: --format `xml` is not allowed (allowed: `table`, `json`, `csv`, or `xlsx`)\n");
    fails([](NeedsOptions& o) { o.format = "xlsx"; },
          "svcorg: error: --format xlsx writes a binary workbook, which is not written to a terminal or standard "
          "output: give the file with -o, for example -o ledger.xlsx\n");
    fails(
        [](NeedsOptions& o) {
          o.format = "xlsx";
          o.output = "-";
          o.common.lang = svcorg::i18n::Lang::ZhCN;
        },
        "svcorg：错误：--format xlsx 输出二进制工作簿，不写到终端或标准输出：请用 -o 指定文件，例如 -o 台账.xlsx\n");
    fails([](NeedsOptions& o) { o.filters.layer = "streets"; },
          "svcorg: error: --layer `streets` is not allowed; did you mean `street`? (allowed: `branch` (基层党组织), "
          "`street` (街道), or `district` (区))\n");
    fails([](NeedsOptions& o) { o.filters.branch = "meiliyan"; },
          "svcorg: error: --branch `meiliyan` names no branch; did you mean `meiliyuan`?\n");
    fails([](NeedsOptions& o) { o.filters.street = "nowhere"; }, "svcorg: error: --street `nowhere` names no street\n");
    for (const char* typo : {"housng", "住"}) {  // an ASCII typo, a Chinese one (住房 is housing's label)
      NeedsOptions o = options();
      o.filters.category = typo;
      const Out r = run(o);
      CHECK(r.code == 2);
      CHECK(r.err.rfind("svcorg: error: --category `" + std::string(typo) +
                            "` is not allowed; did you mean `housing`? (allowed: `business-development` (企业发展), ",
                        0) == 0);
      CHECK(r.err.find(" `public-safety` (公共安全), ") != std::string::npos);
    }
    fails([](NeedsOptions& o) { o.common.as_of = "2026-02-30"; },
          "svcorg: error: --as-of 2026-02-30 is not a date; write YYYY-MM-DD, e.g. 2026-12-31\n");
  }

  TEST_CASE("inputs with errors: exit 1, their errors on stderr, no listing") {
    const std::string input = needs_tree::stream() + "---\n" +
                              needs_tree::need("bad", "nobody", "2026-01-05",
                                               "channel: visit\ncategory: housing\nsummary: x\nlayer: branch\n"
                                               "disposal: solve\nstatus: received\n"
                                               "events:\n  - {date: 2026-01-05, status: received}\n");
    NeedsOptions o = options();
    const Out r = run(o, input);
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("<stdin>:") == 0);
    CHECK(r.err.find("`branch` names `nobody`") != std::string::npos);
    CHECK(r.err.find("warning:") == std::string::npos);  // errors only
    CHECK(r.err.find("svcorg: 1 file, 11 records: 1 error, ") != std::string::npos);
    CHECK(r.err.find("svcorg: error: the inputs have errors; fix them (svcorg validate) first\n") != std::string::npos);
    o.common.quiet = true;
    CHECK(run(o, input).err.find("svcorg: 1 file") == std::string::npos);
  }
}
